//! # samspill-seed
//!
//! Puts the generated municipalities of `samspill-synth` into a store
//! through the product's own APIs, as people would: the operator creates
//! the tenant and its coordinator ([`samspill_store::Admin`]), the
//! coordinator imports the roster, creates, opens and closes the round and
//! reviews the open answers (a [`Tenant`] acting as the coordinator), and
//! each generated respondent answers through their invitation link's
//! [`samspill_store::Respondent`], the API the survey pages use. Used by
//! `samspill demo` and by tests that need closed rounds.

#![warn(missing_docs)]

use std::collections::HashMap;

use samspill_engine::model::Frequency;
use samspill_store::{
    Actor, MailKind, NewPerson, NewRound, NewTenant, PersonId, Role, RoundId, Store, StoreError,
    Tenant,
};
use samspill_synth::Municipality;

/// What can go wrong while seeding.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The store refused something.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The generated municipality has no contact relation.
    #[error("the generated network has no contact relation")]
    NoContacts,
    /// The store refused the programme.
    #[error(transparent)]
    Programme(#[from] samspill_store::ProgrammeError),
}

type Result<T> = std::result::Result<T, SeedError>;

/// What seeding one municipality produced.
#[derive(Debug, Clone)]
pub struct Seeded {
    /// The municipality's name.
    pub name: String,
    /// Its short name.
    pub slug: String,
    /// The coordinator's login (e-mail).
    pub login: String,
    /// Respondents who answered the last closed round.
    pub respondents: usize,
    /// People invited to it.
    pub invited: usize,
    /// The last closed round.
    pub closed_round: RoundId,
    /// The first closed round (the same as `closed_round` unless a second
    /// round was made).
    pub first_round: RoundId,
    /// An open round, if one was made, with its first three links
    /// (`(name, "/s/{token}")`).
    pub open_round: Option<(RoundId, Vec<(String, String)>)>,
}

/// What to seed besides the one closed round.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras {
    /// A second round made with «Ny runde fra denne» from the first, with
    /// the generator's next round (two leave, two join), answered and closed.
    pub second_round: bool,
    /// A further round left open, its invitations queued for mail.
    pub open_round: bool,
}

/// The e-mail a generated person gets on the roster.
pub fn email(slug: &str, id: &str) -> String {
    format!("{}@{slug}.kommune.example", id.replace(['_', ' '], "-"))
}

/// Answers a round as the generated municipality's respondents did,
/// through the respondent API the survey pages use, then closes it and
/// reviews the open answers the way a coordinator does (theme, quote).
pub async fn answer_and_close(
    store: &Store,
    tenant: &Tenant,
    round: RoundId,
    m: &Municipality,
    person_of: &HashMap<String, PersonId>,
) -> Result<(usize, usize)> {
    let links = tenant.invitation_links(round).await?;
    let index_of: HashMap<PersonId, usize> = m
        .network
        .people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| person_of.get(&p.id).map(|id| (*id, i)))
        .collect();
    let contact = m
        .network
        .relation(Some(samspill_synth::CONTACT))
        .ok_or(SeedError::NoContacts)?;
    let respondents: Vec<usize> = (0..m.network.people.len())
        .filter(|&i| m.network.people[i].responded)
        .collect();
    // Ratings and open answers are not linked to people in the generator;
    // hand them out to the respondents in order.
    let mut open_by_respondent: Vec<Vec<(String, String, Option<String>)>> =
        vec![Vec::new(); respondents.len()];
    let mut next_for_question: HashMap<&str, usize> = HashMap::new();
    for (a, theme) in m.open_answers.iter().zip(&m.open_themes) {
        let k = next_for_question.entry(a.question.as_str()).or_default();
        let slot = *k % respondents.len().max(1);
        *k += 1;
        if let Some(list) = open_by_respondent.get_mut(slot)
            && !list.iter().any(|(q, _, _)| *q == a.question)
        {
            list.push((
                a.question.clone(),
                a.text.clone(),
                Some(theme.key().to_string()),
            ));
        }
    }
    let mut answered = Vec::new();
    for link in &links {
        let Some(&i) = index_of.get(&link.invitation.person) else {
            continue;
        };
        let Some(r) = respondents.iter().position(|&x| x == i) else {
            continue;
        };
        let resp = store.respondent(&link.token).await?;
        let view = resp.view().await?;
        let mut chosen = Vec::new();
        let mut freqs: Vec<(PersonId, Frequency)> = Vec::new();
        for t in contact.ties.iter().filter(|t| t.source == i) {
            if let Some(p) = m
                .network
                .people
                .get(t.target)
                .and_then(|p| person_of.get(&p.id))
                && !chosen.contains(p)
            {
                chosen.push(*p);
                let f = Frequency::ALL
                    .into_iter()
                    .find(|f| f.strength() == t.value)
                    .unwrap_or(Frequency::Rarer);
                freqs.push((*p, f));
            }
        }
        resp.save_contacts("contact", &chosen).await?;
        resp.save_frequencies("contact", &freqs).await?;
        let political: Vec<_> = m
            .political
            .contacts
            .iter()
            .filter(|c| c.0 == i)
            .filter_map(|c| view.round.bodies.get(c.1).map(|b| (b.id, c.2)))
            .collect();
        resp.save_political(&political).await?;
        let rating = |answers: &[Option<u8>]| answers.get(r).copied().flatten();
        let mut ratings = Vec::new();
        if r < m.coordination.answers.len() {
            ratings.push(("coordination".to_string(), rating(&m.coordination.answers)));
        }
        if r < m.meeting_places.answers.len() {
            ratings.push((
                "meeting_places".to_string(),
                rating(&m.meeting_places.answers),
            ));
        }
        resp.save_ratings(&ratings).await?;
        let open: Vec<(String, String)> = open_by_respondent[r]
            .iter()
            .map(|(q, text, _)| (q.clone(), text.clone()))
            .collect();
        resp.save_open(&open).await?;
        resp.submit().await?;
        answered.push((link.invitation.id, r));
    }
    tenant.close_round(round).await?;
    // The coordinator's review: each answer gets its theme and may be quoted.
    for (invitation, r) in &answered {
        for (q, text, theme) in &open_by_respondent[*r] {
            tenant
                .review_open_answer(round, *invitation, q, theme.as_deref(), text, true)
                .await?;
        }
    }
    Ok((respondents.len(), links.len()))
}

/// Creates one municipality through the operator's and coordinator's
/// APIs: the tenant, its coordinator (`koordinator@{slug}.kommune.example`
/// with `password`), the roster, one round answered by the generated
/// respondents, closed and reviewed, and the [`Extras`] asked for.
pub async fn municipality(
    store: &Store,
    m: &Municipality,
    password: &str,
    extras: Extras,
) -> Result<Seeded> {
    let spec = &m.spec;
    let admin = store.admin(Actor::system("seed"));
    let mut nt = NewTenant::municipality(&spec.slug, &spec.name, &spec.lang);
    nt.mail_from = Some(format!("samspill@{}.kommune.example", spec.slug));
    let tenant_id = admin.create_tenant(&nt).await?;
    let login = format!("koordinator@{}.kommune.example", spec.slug);
    let user = admin
        .create_user(
            Some(tenant_id),
            &login,
            "Demo koordinator",
            Role::Coordinator,
            password,
        )
        .await?;
    let tenant = store.tenant(tenant_id).acting_as(Actor::User {
        id: user,
        email: login.clone(),
    });
    let people = |m: &Municipality| -> Vec<NewPerson> {
        m.network
            .people
            .iter()
            .map(|p| NewPerson {
                name: p.label.clone(),
                email: email(&spec.slug, &p.id),
                unit: p.unit.clone(),
                level: p.level,
                functions: p.functions.clone(),
            })
            .collect()
    };
    tenant.import_roster(&people(m)).await?;
    let person_map = |tenant: &Tenant| {
        let tenant = tenant.clone();
        async move {
            let by_email: HashMap<String, PersonId> = tenant
                .persons()
                .await?
                .into_iter()
                .map(|p| (p.email, p.id))
                .collect();
            Ok::<_, SeedError>(by_email)
        }
    };
    let by_email = person_map(&tenant).await?;
    let person_of: HashMap<String, PersonId> = m
        .network
        .people
        .iter()
        .filter_map(|p| {
            by_email
                .get(&email(&spec.slug, &p.id))
                .map(|id| (p.id.clone(), *id))
        })
        .collect();
    let mut round = NewRound::standard(&m.round, &spec.lang);
    round.bodies = m.political.bodies.clone();
    let round_id = tenant.create_round(&round).await?;
    tenant.open_round(round_id).await?;
    let (respondents, invited) = answer_and_close(store, &tenant, round_id, m, &person_of).await?;
    let mut seeded = Seeded {
        name: spec.name.clone(),
        slug: spec.slug.clone(),
        login,
        respondents,
        invited,
        closed_round: round_id,
        first_round: round_id,
        open_round: None,
    };
    let mut last = round_id;
    if extras.second_round {
        // A second round made with «Ny runde fra denne»: two people left
        // the list, two joined (stable identities), and it was answered
        // and closed, so the results page compares the two.
        let later = samspill_synth::next_round(m, 1);
        let second = tenant
            .copy_round(round_id, &format!("{} {}", spec.name, later.round))
            .await?;
        let later_ids: Vec<&str> = later.network.people.iter().map(|p| p.id.as_str()).collect();
        for p in tenant.persons().await? {
            if !later_ids.iter().any(|id| email(&spec.slug, id) == p.email) {
                tenant.set_person_active(p.id, false).await?;
            }
        }
        tenant.import_roster(&people(&later)).await?;
        let by_email = person_map(&tenant).await?;
        let person_of: HashMap<String, PersonId> = later
            .network
            .people
            .iter()
            .filter_map(|p| {
                by_email
                    .get(&email(&spec.slug, &p.id))
                    .map(|id| (p.id.clone(), *id))
            })
            .collect();
        tenant.open_round(second).await?;
        let (respondents, invited) =
            answer_and_close(store, &tenant, second, &later, &person_of).await?;
        seeded.closed_round = second;
        seeded.respondents = respondents;
        seeded.invited = invited;
        last = second;
    }
    if extras.open_round {
        // A further round, open: answered from a printed link, its
        // invitations queued for mail.
        let open = tenant
            .copy_round(last, &format!("{} 2019", spec.name))
            .await?;
        tenant.open_round(open).await?;
        tenant.queue_mail(open, MailKind::Invitation).await?;
        let links = tenant
            .invitation_links(open)
            .await?
            .into_iter()
            .take(3)
            .map(|l| (l.invitation.name.clone(), format!("/s/{}", l.token)))
            .collect();
        seeded.open_round = Some((open, links));
    }
    Ok(seeded)
}

/// What seeding the demo programme produced.
#[derive(Debug, Clone)]
pub struct SeededProgramme {
    /// The programme.
    pub id: samspill_store::ProgrammeId,
    /// The funder's adviser's login.
    pub funder: String,
    /// The evaluator's login.
    pub evaluator: String,
    /// Participants linked to seeded municipalities: (participant, slug).
    pub linked: Vec<(String, String)>,
}

/// The funder's adviser of the demo programme.
pub const PROGRAMME_FUNDER: &str = "radgiver@programeier.example";
/// The evaluator of the demo programme.
pub const PROGRAMME_EVALUATOR: &str = "evaluator@folgeevaluering.example";

/// Points each participant's survey rounds at the real closed rounds of the
/// municipality seeded under its id (the generated programme names rounds
/// it cannot know): the baseline at the earliest closed round, the
/// follow-up at the latest when there are two; a participant with no
/// seeded municipality keeps no rounds.
async fn attach_seeded_rounds(
    store: &Store,
    doc: &mut samspill_programme::ProgrammeDocument,
) -> Result<()> {
    use samspill_programme::model::RoundPurpose;
    use samspill_programme::{date::Date, ids::SurveyRoundRef};
    for p in &mut doc.participants {
        let mut closed = match store.tenant_by_slug(p.id.as_str()).await {
            Ok(tenant) => store
                .tenant(tenant)
                .rounds()
                .await?
                .into_iter()
                .filter_map(|r| r.closed_at.map(|at| (at, r.id)))
                .collect::<Vec<_>>(),
            Err(StoreError::NotFound) => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        closed.sort();
        let first = closed.first().copied();
        let last = closed.last().copied().filter(|l| Some(*l) != first);
        let to_ref = |(at, id): (i64, samspill_store::RoundId)| {
            (
                SurveyRoundRef::new(id.get().to_string()),
                Date::parse(&samspill_store::date_of(at)).ok(),
            )
        };
        p.survey_rounds.retain_mut(|r| {
            let real = match r.purpose {
                RoundPurpose::Baseline => first,
                RoundPurpose::FollowUp => last,
            };
            match real.map(to_ref) {
                Some((round, closed)) => {
                    r.round = round;
                    r.closed = closed;
                    true
                }
                None => false,
            }
        });
        if let Some(a) = &mut p.pre_analysis {
            a.baseline_round = first.map(|f| to_ref(f).0);
        }
    }
    Ok(())
}

/// The demo programme dated relative to today, so that it looks like a
/// live programme on the day it is made (reports due in the past are in,
/// but one): what `samspill demo` seeds and `samspill admin programme
/// create --demo` creates.
pub fn demo_programme_today() -> samspill_programme::ProgrammeDocument {
    use samspill_programme::date::Date;
    let today = Date::parse(&samspill_store::today())
        .unwrap_or_else(|_| Date::parse(samspill_programme::demo::AS_OF).expect("valid"));
    samspill_programme::demo::programme_on(today)
}

/// Seeds `samspill-programme`'s demo programme through the store's
/// programme API, as an operator would with `samspill admin programme`:
/// the programme from its document, a funder's adviser and an evaluator
/// (each in a tenant of their own organisation, with `password`) made its
/// members, and every participant whose id is the short name of a seeded
/// municipality linked to it, so that municipality's coordinator keeps it.
pub async fn programme(store: &Store, password: &str) -> Result<SeededProgramme> {
    let admin = store.admin(Actor::system("seed"));
    let tools = store.programmes(Actor::system("seed"));
    let mut doc = demo_programme_today();
    attach_seeded_rounds(store, &mut doc).await?;
    let id = tools.create(&doc, None).await?;
    let funder_org = admin
        .create_tenant(&NewTenant::municipality(
            "programeier",
            &doc.programme.funder.name,
            "nb",
        ))
        .await?;
    let evaluator_org = admin
        .create_tenant(&NewTenant::municipality(
            "folgeevaluering",
            "Følgeevaluering",
            "nb",
        ))
        .await?;
    admin
        .create_user(
            Some(funder_org),
            PROGRAMME_FUNDER,
            "Rådgiver hos programeier",
            Role::Funder,
            password,
        )
        .await?;
    admin
        .create_user(
            Some(evaluator_org),
            PROGRAMME_EVALUATOR,
            "Følgeevaluator",
            Role::Evaluator,
            password,
        )
        .await?;
    tools.grant(id, PROGRAMME_FUNDER).await?;
    tools.grant(id, PROGRAMME_EVALUATOR).await?;
    let mut linked = Vec::new();
    for p in &doc.participants {
        match store.tenant_by_slug(p.id.as_str()).await {
            Ok(tenant) => {
                tools.link(id, &p.id, tenant).await?;
                linked.push((p.id.to_string(), p.id.to_string()));
            }
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(SeededProgramme {
        id,
        funder: PROGRAMME_FUNDER.into(),
        evaluator: PROGRAMME_EVALUATOR.into(),
        linked,
    })
}
