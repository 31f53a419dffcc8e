//! Everything samspill holds about one person, for their right of access
//! (GDPR art. 15): the store's [`PersonData`] (roster entry, own answers,
//! what others reported about them without naming the reporters, mail,
//! notices, changes to their entry) and, per closed round, **where they
//! appear in its reports**: the pseudonym the pictures and tables show,
//! whether they are in the analysed network and with how many contacts
//! under the round's rules, and who read or downloaded a report or export
//! of that round (the recipients of their data). As JSON and as XLSX.

use rust_xlsxwriter::{Format as XlsxFormat, Workbook, Worksheet};
use samspill_engine::build::build;
use samspill_i18n::{Lang, Texts};
use samspill_store::{AuditEntry, AuditFilter, PersonData, PersonId, Tenant};
use serde::Serialize;

use crate::{ResultsError, load};

/// Where a person appears in one closed round's reports.
#[derive(Debug, Clone, Serialize)]
pub struct Appearance {
    /// The round's id.
    pub round: i64,
    /// The round's name.
    pub name: String,
    /// The label reports use for them («Tildeling 5»).
    pub pseudonym: Option<String>,
    /// Whether they answered.
    pub responded: bool,
    /// Whether they are a node of the analysed network under the round's
    /// rules (a non-respondent is, when reconstruction is on and someone
    /// reported a contact with them).
    pub in_network: bool,
    /// Their contacts in that network (its view: daily + weekly by
    /// default).
    pub contacts: usize,
    /// Reads and downloads of the round's results, reports and exports.
    pub reads: Vec<AuditEntry>,
}

/// A person's data with their appearances in reports.
#[derive(Debug, Clone, Serialize)]
pub struct PersonExport {
    /// What the store holds.
    pub data: PersonData,
    /// Where they appear in closed rounds' reports.
    pub reports: Vec<Appearance>,
}

/// Collects everything about `person` (a closed round whose answers were
/// deleted by retention is left out of `reports`: nothing of it is held).
pub async fn person_export(
    tenant: &Tenant,
    person: PersonId,
) -> Result<PersonExport, ResultsError> {
    let data = tenant.person_data(person).await?;
    let mut rounds: Vec<(samspill_store::RoundId, String)> = data
        .rounds
        .iter()
        .filter(|r| r.status == "closed")
        .map(|r| (r.round, r.name.clone()))
        .collect();
    rounds.extend(data.reduced_rounds.iter().cloned());
    let t = Texts::new(Lang::parse(&tenant.info().await?.lang).unwrap_or(Lang::Nb));
    let mut reports = Vec::new();
    for (round, name) in rounds {
        let d = match load(tenant, round).await {
            Ok(d) => d,
            Err(ResultsError::Store(samspill_store::StoreError::Purged)) => continue,
            Err(e) => return Err(e),
        };
        let idx = d
            .net
            .network
            .people
            .iter()
            .position(|p| p.id == person.get().to_string());
        let (responded, in_network, contacts) = match idx {
            None => (false, false, 0),
            Some(i) => {
                let a = build(&d.net.network, &d.rules.build_options())?;
                match a.people.iter().position(|&p| p == i) {
                    Some(node) => (
                        d.net.network.people[i].responded,
                        true,
                        a.graph.degree(node),
                    ),
                    None => (d.net.network.people[i].responded, false, 0),
                }
            }
        };
        let mut reads = Vec::new();
        for what in [
            "read.report",
            "read.export",
            "read.results",
            "read.comparison",
            "read.insight",
        ] {
            reads.extend(
                tenant
                    .audit_log(&AuditFilter {
                        action: Some(what.into()),
                        limit: Some(10_000),
                        ..AuditFilter::default()
                    })
                    .await?
                    .into_iter()
                    .filter(|e| {
                        let r = format!("round {round}");
                        e.detail == r
                            || e.detail.starts_with(&format!("{r}:"))
                            || e.detail.contains(&format!("rounds {round} "))
                            || e.detail.ends_with(&format!(" and {round}"))
                    }),
            );
        }
        reads.sort_by_key(|e| e.id);
        reports.push(Appearance {
            round: round.get(),
            name,
            pseudonym: d.pseudonyms.get(&person.to_string()).map(|p| p.label(&t)),
            responded,
            in_network,
            contacts,
            reads,
        });
    }
    Ok(PersonExport { data, reports })
}

impl PersonExport {
    /// As JSON (the machine-readable copy, art. 20's structured format).
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// As an XLSX workbook, one sheet per kind of data, headings in `lang`.
    pub fn xlsx(&self, lang: Lang) -> Result<Vec<u8>, ResultsError> {
        let t = Texts::new(lang);
        let h = |k: &str| t.get(&format!("privacy-x-{k}"));
        let d = &self.data;
        let mut wb = Workbook::new();
        let bold = XlsxFormat::new().set_bold();
        let date = |s: Option<i64>| s.map(samspill_store::date_of).unwrap_or_default();
        let mut sheet =
            |name: &str, cols: &[&str], rows: Vec<Vec<String>>| -> Result<(), ResultsError> {
                let ws: &mut Worksheet = wb.add_worksheet();
                ws.set_name(h(name).chars().take(31).collect::<String>())
                    .map_err(xerr)?;
                for (c, k) in cols.iter().enumerate() {
                    ws.write_string_with_format(0, c as u16, h(k), &bold)
                        .map_err(xerr)?;
                }
                for (r, row) in rows.iter().enumerate() {
                    for (c, v) in row.iter().enumerate() {
                        ws.write_string(r as u32 + 1, c as u16, cell(v))
                            .map_err(xerr)?;
                    }
                }
                Ok(())
            };
        sheet(
            "sheet-person",
            &["field", "value"],
            vec![
                vec![h("name"), d.roster.name.clone()],
                vec![h("email"), d.roster.email.clone()],
                vec![h("unit"), d.roster.unit.clone().unwrap_or_default()],
                vec![h("level"), d.roster.level.clone().unwrap_or_default()],
                vec![h("functions"), d.roster.functions.join(", ")],
                vec![h("active"), d.active.to_string()],
                vec![h("added"), date(Some(d.created_at))],
                vec![
                    h("pseudonym"),
                    d.pseudonyms
                        .iter()
                        .map(|p| {
                            samspill_draw::pseudonym::Pseudonym {
                                function: p.function.clone(),
                                number: p.number,
                            }
                            .label(&t)
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                ],
                vec![h("id"), d.id.to_string()],
            ],
        )?;
        sheet(
            "sheet-rounds",
            &[
                "round",
                "status",
                "invited",
                "opened",
                "submitted",
                "frozen-as",
                "notice",
            ],
            d.rounds
                .iter()
                .map(|r| {
                    vec![
                        r.name.clone(),
                        r.status.clone(),
                        date(Some(r.invited_at)),
                        date(r.first_seen_at),
                        date(r.submitted_at),
                        r.frozen_as
                            .as_ref()
                            .map(|f| {
                                format!(
                                    "{} <{}> {} {} {}",
                                    f.name,
                                    f.email,
                                    f.unit.clone().unwrap_or_default(),
                                    f.level.clone().unwrap_or_default(),
                                    f.functions.join(", ")
                                )
                            })
                            .unwrap_or_default(),
                        date(r.notice_at),
                    ]
                })
                .collect(),
        )?;
        sheet(
            "sheet-contacts",
            &["round", "relation", "person", "frequency"],
            d.rounds
                .iter()
                .flat_map(|r| {
                    r.contacts.iter().map(move |c| {
                        vec![
                            r.name.clone(),
                            c.relation.clone(),
                            c.name.clone(),
                            c.frequency.clone().unwrap_or_default(),
                        ]
                    })
                })
                .collect(),
        )?;
        sheet(
            "sheet-about",
            &["round", "relation", "frequency", "count"],
            d.rounds
                .iter()
                .flat_map(|r| {
                    r.reported_by_others.iter().map(move |(rel, f, n)| {
                        vec![r.name.clone(), rel.clone(), f.clone(), n.to_string()]
                    })
                })
                .collect(),
        )?;
        sheet(
            "sheet-political",
            &["round", "body", "type"],
            d.rounds
                .iter()
                .flat_map(|r| {
                    r.political
                        .iter()
                        .map(move |(b, c)| vec![r.name.clone(), b.clone(), c.clone()])
                })
                .collect(),
        )?;
        sheet(
            "sheet-ratings",
            &["round", "question", "value"],
            d.rounds
                .iter()
                .flat_map(|r| {
                    r.ratings
                        .iter()
                        .map(move |(q, v)| vec![r.name.clone(), q.clone(), v.to_string()])
                })
                .collect(),
        )?;
        sheet(
            "sheet-open",
            &["round", "question", "text", "quoted"],
            d.rounds
                .iter()
                .flat_map(|r| {
                    r.open.iter().map(move |(q, text, quoted)| {
                        vec![
                            r.name.clone(),
                            q.clone(),
                            text.clone(),
                            quoted.clone().unwrap_or_default(),
                        ]
                    })
                })
                .collect(),
        )?;
        sheet(
            "sheet-reports",
            &[
                "round",
                "pseudonym",
                "responded",
                "in-network",
                "contacts",
                "reads",
            ],
            self.reports
                .iter()
                .map(|a| {
                    vec![
                        a.name.clone(),
                        a.pseudonym.clone().unwrap_or_default(),
                        a.responded.to_string(),
                        a.in_network.to_string(),
                        a.contacts.to_string(),
                        a.reads
                            .iter()
                            .map(|e| {
                                format!(
                                    "{} {} {}",
                                    samspill_store::date_of(e.at),
                                    e.actor,
                                    e.action
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    ]
                })
                .collect(),
        )?;
        sheet(
            "sheet-changes",
            &["date", "actor", "action", "detail"],
            d.changes
                .iter()
                .map(|e| {
                    vec![
                        samspill_store::date_of(e.at),
                        e.actor.clone(),
                        e.action.clone(),
                        e.detail.clone(),
                    ]
                })
                .collect(),
        )?;
        wb.save_to_buffer().map_err(xerr)
    }
}

fn xerr(e: rust_xlsxwriter::XlsxError) -> ResultsError {
    ResultsError::Write(e.to_string())
}

fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
