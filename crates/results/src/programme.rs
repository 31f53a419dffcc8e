//! Survey rounds inside a programme (issue 18): the closed rounds of the
//! tenants linked to a programme's participants, read as the user of a
//! [`ProgrammeHandle`] may (each read audited in the tenant's log), for
//! the cross-municipality report and for survey figures as indicators.
//!
//! Rules:
//! * only rounds of the tenant linked to a participant, and only closed
//!   ones, are ever read (the store refuses anything else);
//! * the cross-municipality report is always pseudonymised (never names,
//!   whoever reads it);
//! * a round with fewer than [`MIN_GROUP`] respondents is left out of the
//!   report (so few answers could be traced to the people who gave them)
//!   and listed as left out; smaller groups inside a round are suppressed
//!   by the report itself;
//! * a participant's rounds are referred to in the programme by their
//!   database id as text ([`round_ref`]).

use samspill_i18n::Lang;
use samspill_programme::ProgrammeDocument;
use samspill_programme::date::Date;
use samspill_programme::ids::{ParticipantId, SurveyRoundRef};
use samspill_programme::model::AttachedRound;
use samspill_programme::rules::coherence::SurveyFigure;
use samspill_report::facts::Facts;
use samspill_report::{Input, Rendered};
use samspill_store::{ProgrammeHandle, RoundId, RoundInfo, RoundStatus, StoreError, TenantId};

use crate::figures::MIN_GROUP;
use crate::{Options, ResultsError, RoundData, load};

/// Which closed rounds the cross-municipality report is made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Per participant, the latest closed round attached to its phases.
    Attached,
    /// Per participant, the latest closed round of its tenant.
    Latest,
    /// These rounds (each must be a closed round of a linked tenant).
    Chosen(Vec<RoundId>),
}

/// A closed round of a participant's tenant, loaded.
#[derive(Debug, Clone)]
pub struct ParticipantRound {
    /// The participant.
    pub participant: ParticipantId,
    /// Its name in the programme.
    pub name: String,
    /// The linked tenant.
    pub tenant: TenantId,
    /// The round's data.
    pub data: RoundData,
}

impl ParticipantRound {
    /// Respondents of the round.
    pub fn respondents(&self) -> usize {
        respondents(&self.data)
    }
}

/// A round left out of the report because fewer than [`MIN_GROUP`]
/// answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The participant's name.
    pub name: String,
    /// The round's name.
    pub round: String,
    /// Its respondents.
    pub respondents: usize,
}

/// The rounds a report is made from.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeRounds {
    /// The rounds, in the programme's participant order.
    pub rounds: Vec<ParticipantRound>,
    /// Rounds left out, and why.
    pub left_out: Vec<LeftOut>,
}

fn respondents(d: &RoundData) -> usize {
    d.net.network.people.iter().filter(|p| p.responded).count()
}

/// How the programme refers to a survey round.
pub fn round_ref(id: RoundId) -> SurveyRoundRef {
    SurveyRoundRef::new(id.get().to_string())
}

/// The store's round behind a programme's reference, if it is one.
pub fn round_of(r: &SurveyRoundRef) -> Option<RoundId> {
    r.as_str().parse::<i64>().ok().map(RoundId::from_raw)
}

/// The date a round closed, as the programme takes dates.
pub fn closed_date(info: &RoundInfo) -> Option<Date> {
    info.closed_at
        .and_then(|at| Date::parse(&samspill_store::date_of(at)).ok())
}

/// The closed rounds of `tenant` (linked to the programme), newest first,
/// read as the handle's user ([`ProgrammeHandle::survey_tenant`]).
pub async fn closed_rounds(
    h: &ProgrammeHandle,
    tenant: TenantId,
) -> Result<Vec<RoundInfo>, ResultsError> {
    let t = h.survey_tenant(tenant, "closed rounds").await?;
    let mut rounds: Vec<RoundInfo> = t
        .rounds()
        .await?
        .into_iter()
        .filter(|r| r.status == RoundStatus::Closed)
        .collect();
    rounds.sort_by_key(|r| std::cmp::Reverse((r.closed_at, r.id)));
    Ok(rounds)
}

/// The participants the user may see that are linked to a tenant, in the
/// programme's order: (participant, name, tenant).
pub async fn linked(
    h: &ProgrammeHandle,
    doc: &ProgrammeDocument,
) -> Result<Vec<(ParticipantId, String, TenantId)>, ResultsError> {
    let links = h.linked_tenants().await?;
    Ok(doc
        .participants
        .iter()
        .filter_map(|p| {
            links
                .iter()
                .find(|(q, _)| q == &p.id)
                .map(|(_, t)| (p.id.clone(), p.name.clone(), *t))
        })
        .collect())
}

/// The closed rounds of the selection, loaded, with the rounds of fewer
/// than [`MIN_GROUP`] respondents left out. A chosen round that is not a
/// closed round of a tenant linked to a participant the user sees is
/// [`StoreError::NotFound`].
pub async fn select(
    h: &ProgrammeHandle,
    doc: &ProgrammeDocument,
    selection: &Selection,
) -> Result<ProgrammeRounds, ResultsError> {
    let mut out = ProgrammeRounds::default();
    let mut found: Vec<RoundId> = Vec::new();
    for (pid, name, tenant) in linked(h, doc).await? {
        let closed = closed_rounds(h, tenant).await?;
        let picked: Vec<&RoundInfo> = match selection {
            Selection::Latest => closed.first().into_iter().collect(),
            Selection::Attached => {
                let attached: Vec<RoundId> = doc
                    .participant(&pid)
                    .map(|p| {
                        p.survey_rounds
                            .iter()
                            .filter_map(|a| round_of(&a.round))
                            .collect()
                    })
                    .unwrap_or_default();
                closed
                    .iter()
                    .find(|r| attached.contains(&r.id))
                    .into_iter()
                    .collect()
            }
            Selection::Chosen(ids) => closed.iter().filter(|r| ids.contains(&r.id)).collect(),
        };
        let several = picked.len() > 1;
        for info in picked {
            found.push(info.id);
            let tenant_handle = h.survey_tenant(tenant, "programme report").await?;
            let data = load(&tenant_handle, info.id).await?;
            let n = respondents(&data);
            let name = if several {
                format!("{name} – {}", info.name)
            } else {
                name.clone()
            };
            if n < MIN_GROUP {
                out.left_out.push(LeftOut {
                    name,
                    round: info.name.clone(),
                    respondents: n,
                });
            } else {
                out.rounds.push(ParticipantRound {
                    participant: pid.clone(),
                    name,
                    tenant,
                    data,
                });
            }
        }
    }
    if let Selection::Chosen(ids) = selection
        && ids.iter().any(|id| !found.contains(id))
    {
        return Err(StoreError::NotFound.into());
    }
    Ok(out)
}

/// The report inputs of the rounds: pseudonymised, in `lang`, each under
/// its round's analysis rules and named by its participant.
pub fn inputs(rounds: &ProgrammeRounds, lang: Lang) -> Result<Vec<Input>, ResultsError> {
    rounds
        .rounds
        .iter()
        .map(|r| {
            let mut input = crate::input(
                &r.data,
                &Options {
                    rules: r.data.rules,
                    lang,
                    named: false,
                },
            )?;
            input.name = r.name.clone();
            Ok(input)
        })
        .collect()
}

/// The cross-municipality report of the programme `name` from the rounds
/// (HTML, PDF and facts).
pub fn report(name: &str, lang: Lang, rounds: &ProgrammeRounds) -> Result<Rendered, ResultsError> {
    let inputs = inputs(rounds, lang)?;
    Ok(samspill_report::programme_report(name, lang, &inputs)?)
}

/// One attached round of a participant with the survey figures its
/// indicators ask for.
#[derive(Debug, Clone)]
pub struct TrackedRound {
    /// The attachment (purpose, phase).
    pub attached: AttachedRound,
    /// The store's round, when the reference is a closed round of the
    /// participant's tenant.
    pub info: Option<RoundInfo>,
    /// Its respondents.
    pub respondents: usize,
    /// The figures (only defined values).
    pub figures: Vec<SurveyFigure>,
}

/// The attached rounds of participant `pid` (linked to `tenant`) in the
/// order the programme lists them, each with the figures `keys` computed
/// by the engine ([`crate::figures::figure`]). A reference that is not a
/// closed round of the tenant is kept without figures.
pub async fn tracked(
    h: &ProgrammeHandle,
    doc: &ProgrammeDocument,
    pid: &ParticipantId,
    tenant: TenantId,
    keys: &[String],
) -> Result<Vec<TrackedRound>, ResultsError> {
    let Some(p) = doc.participant(pid) else {
        return Err(StoreError::NotFound.into());
    };
    let closed = closed_rounds(h, tenant).await?;
    let mut out = Vec::new();
    for a in &p.survey_rounds {
        let info = round_of(&a.round).and_then(|id| closed.iter().find(|r| r.id == id));
        let mut tr = TrackedRound {
            attached: a.clone(),
            info: info.cloned(),
            respondents: 0,
            figures: Vec::new(),
        };
        if let Some(info) = info {
            let t = h.survey_tenant(tenant, "survey figures").await?;
            let data = load(&t, info.id).await?;
            tr.respondents = respondents(&data);
            let input = crate::input_without_figures(
                &data,
                &Options {
                    rules: data.rules,
                    lang: Lang::Nb,
                    named: false,
                },
            );
            let facts = Facts::compute(&input)?;
            let date = closed_date(info).or(a.closed);
            for k in keys {
                if let (Some(value), Some(date)) = (crate::figures::figure(&input, &facts, k), date)
                {
                    tr.figures.push(SurveyFigure {
                        participant: pid.clone(),
                        figure: k.clone(),
                        round: a.round.clone(),
                        date,
                        value,
                    });
                }
            }
        }
        out.push(tr);
    }
    Ok(out)
}
