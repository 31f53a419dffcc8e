//! Issue 16 in the store, on SQLite and PostgreSQL: erasure (no table holds
//! the person afterwards, every other acknowledged answer is intact),
//! retention with the clock moved forward, one-time account links, TOTP
//! challenges and grants.

mod common;

use common::*;
use samspill_engine::model::Frequency;
use samspill_store::{
    Actor, AuditFilter, ChallengeOutcome, NewRound, NewTenant, PersonId, PrivacySettings,
    RetentionMode, Role, SecondFactor, Store, StoreError, TenantId, totp,
};
use sqlx::Row;

const MONTH: i64 = 31 * 86_400;

/// Every table of the schema with its text and id columns, read
/// generically: `(table, column, value)` of every cell.
async fn every_cell(store: &Store, url_pg: bool) -> Vec<(String, String, String)> {
    let _ = url_pg;
    let tables = [
        "tenants",
        "users",
        "sessions",
        "functions",
        "persons",
        "person_functions",
        "rounds",
        "round_texts",
        "political_bodies",
        "invitations",
        "contact_answers",
        "political_answers",
        "rating_answers",
        "open_answers",
        "mail_outbox",
        "audit_log",
        "delivered_mail",
        "open_answer_reviews",
        "pseudonyms",
        "account_tokens",
        "service_mail",
        "delivered_service_mail",
        "tenant_privacy",
        "round_notices",
        "round_erasures",
        "round_archives",
        "retired_pseudonyms",
        "privacy_notices",
        "access_grants",
        "user_identities",
    ];
    let mut out = Vec::new();
    for t in tables {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT * FROM {t}")))
            .fetch_all(store.__pool_for_tests())
            .await
            .unwrap_or_else(|e| panic!("{t}: {e}"));
        for r in rows {
            use sqlx::Column;
            for c in r.columns() {
                let name = c.name().to_string();
                let v = r
                    .try_get::<Option<String>, _>(c.ordinal())
                    .ok()
                    .flatten()
                    .or_else(|| {
                        r.try_get::<Option<i64>, _>(c.ordinal())
                            .ok()
                            .flatten()
                            .map(|x| x.to_string())
                    })
                    .unwrap_or_default();
                out.push((t.to_string(), name, v));
            }
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasure_leaves_no_trace_and_every_other_answer_intact() {
    for (db, store) in backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("oppdal", "Oppdal kommune", "nb"))
            .await
            .unwrap();
        let t = store.tenant(tid).acting_as(Actor::system("test"));
        t.import_roster(&roster()).await.unwrap();
        let round = t
            .create_round(&NewRound::standard("Runde 1", "nb"))
            .await
            .unwrap();
        t.open_round(round).await.unwrap();
        let people = t.persons().await.unwrap();
        let id = |n: &str| people.iter().find(|p| p.name == n).unwrap().id;
        let (kari, ola, siri, per) = (
            id("Kari Nordmann"),
            id("Ola Hansen"),
            id("Siri Berg"),
            id("Per Lie"),
        );
        let links = t.invitation_links(round).await.unwrap();
        let resp = |p: PersonId| {
            let token = links
                .iter()
                .find(|l| l.invitation.person == p)
                .unwrap()
                .token
                .clone();
            let store = store.clone();
            async move { store.respondent(&token).await.unwrap() }
        };
        let answer = |p: PersonId, contacts: Vec<(PersonId, Frequency)>, text: &'static str| {
            let resp = resp(p);
            async move {
                let r = resp.await;
                let chosen: Vec<PersonId> = contacts.iter().map(|c| c.0).collect();
                r.save_contacts("contact", &chosen).await.unwrap();
                r.save_frequencies("contact", &contacts).await.unwrap();
                r.save_ratings(&[("coordination".into(), Some(4))])
                    .await
                    .unwrap();
                r.save_open(&[("strengths".into(), text.into())])
                    .await
                    .unwrap();
                r.submit().await.unwrap();
                r
            }
        };
        let rk = answer(
            kari,
            vec![(per, Frequency::Daily), (ola, Frequency::Weekly)],
            "Per Lie holder oss samlet, og NAV svarer raskt.",
        )
        .await;
        let ro = answer(
            ola,
            vec![(per, Frequency::Weekly), (kari, Frequency::Monthly)],
            "Gode møter.",
        )
        .await;
        let rs = answer(siri, vec![(kari, Frequency::Daily)], "Planene er klare.").await;
        let _rp = answer(
            per,
            vec![(kari, Frequency::Daily), (siri, Frequency::Rarer)],
            "Jeg ringer Kari hver dag.",
        )
        .await;
        t.close_round(round).await.unwrap();
        // A second, open round where Per is invited too.
        let round2 = t
            .create_round(&NewRound::standard("Runde 2", "nb"))
            .await
            .unwrap();
        t.open_round(round2).await.unwrap();
        let before: Vec<_> = [&rk, &ro, &rs]
            .iter()
            .map(|r| (r.person(), r.invitation()))
            .collect();
        let mut answers_before = Vec::new();
        for r in [&rk, &ro, &rs] {
            answers_before.push(r.answers().await.unwrap());
        }
        // Pseudonyms exist for everyone (as a results page would assign).
        let pseudo_people: Vec<_> = people
            .iter()
            .map(|p| (p.id, p.functions.first().cloned().unwrap_or_default()))
            .collect();
        let pseudonyms = t.assign_pseudonyms(&pseudo_people).await.unwrap();
        let per_pseudonym = pseudonyms[&per].clone();
        // A person holds one pseudonym per function they were numbered
        // under (a report numbering by another function): Per gets a second.
        let second = t
            .assign_pseudonyms(&[(per, "annen funksjon".into())])
            .await
            .unwrap()[&per]
            .clone();
        // Access first: everything about Per.
        let data = t.person_data(per).await.unwrap();
        assert_eq!(data.roster.email, "per@kommune.example", "{db}");
        assert_eq!(data.rounds.len(), 2, "{db}");
        assert_eq!(data.pseudonyms.len(), 2, "{db}: {:?}", data.pseudonyms);
        let r1 = &data.rounds[0];
        assert_eq!(r1.contacts.len(), 2, "{db}: own contacts");
        assert!(
            r1.contacts
                .iter()
                .any(|c| c.name == "Kari Nordmann" && c.frequency.as_deref() == Some("daily"))
        );
        let about: i64 = r1.reported_by_others.iter().map(|x| x.2).sum();
        assert_eq!(about, 2, "{db}: Kari and Ola reported Per");
        assert!(
            r1.reported_by_others
                .iter()
                .any(|x| x.1 == "daily" && x.2 == 1)
        );
        assert_eq!(r1.open[0].1, "Jeg ringer Kari hver dag.");

        let summary = t.erase_person(per).await.unwrap();
        assert_eq!(summary.rounds, 2, "{db}");
        assert_eq!(summary.reported_ties, 2, "{db}");
        assert_eq!(
            summary.own_answers,
            2 + 1 + 1,
            "{db}: two contacts, a rating, an open answer"
        );
        assert_eq!(summary.redacted, 1, "{db}: Kari's open answer named Per");

        // No table holds Per: not the name, not the e-mail, not the id.
        for (table, col, v) in every_cell(&store, db == "postgres").await {
            assert!(!v.contains("Per Lie"), "{db}: {table}.{col} = {v:?}");
            assert!(
                !v.contains("per@kommune.example"),
                "{db}: {table}.{col} = {v:?}"
            );
            if ["person_id", "alter_id"].contains(&col.as_str())
                || (table == "persons" && col == "id")
            {
                assert_ne!(v, per.get().to_string(), "{db}: {table}.{col}");
            }
        }
        assert!(matches!(t.person(per).await, Err(StoreError::NotFound)));
        // Every other acknowledged answer is intact: the same rows, without
        // the ties to Per, and Kari's text with Per's name replaced.
        for (i, r) in [&rk, &ro, &rs].iter().enumerate() {
            let after = r.answers().await.unwrap();
            let mut want = answers_before[i].clone();
            want.contacts.retain(|c| c.1 != per);
            for o in &mut want.open {
                o.1 = o.1.replace("Per Lie", "[…]");
            }
            assert_eq!(
                format!("{:?}", after),
                format!("{want:?}"),
                "{db}: {:?}",
                before[i]
            );
        }
        assert_eq!(
            rk.answers().await.unwrap().open[0].1,
            "[…] holder oss samlet, og NAV svarer raskt."
        );
        // The frozen round is whole without Per, and says someone was removed.
        let net = t.round_network(round).await.unwrap();
        assert_eq!(net.network.people.len(), 4, "{db}");
        assert!(
            net.network
                .people
                .iter()
                .all(|p| p.id != per.get().to_string())
        );
        assert_eq!(
            net.network.relations[0].ties.len(),
            3,
            "{db}: K→O, O→K, S→K"
        );
        let privacy = t.round_privacy(round).await.unwrap();
        assert_eq!(privacy.erasures.len(), 1, "{db}");
        assert!(privacy.erasures[0].responded);
        assert_eq!(privacy.erasures[0].reported_ties, 2);
        // Per's pseudonym is retired: a new person of the same function
        // gets the next number.
        let newcomer = t
            .add_person(&person(
                "Nils Ny",
                "nils@kommune.example",
                "NAV",
                &per_pseudonym.function,
            ))
            .await
            .unwrap();
        let all = t
            .assign_pseudonyms(&[(newcomer, per_pseudonym.function.clone())])
            .await
            .unwrap();
        assert!(
            all[&newcomer].number > per_pseudonym.number,
            "{db}: {:?} after {:?}",
            all[&newcomer],
            per_pseudonym
        );
        // Both of Per's pseudonyms are gone and retired.
        assert!(
            t.pseudonyms().await.unwrap().iter().all(|(p, _)| *p != per),
            "{db}"
        );
        let all = t
            .assign_pseudonyms(&[(newcomer, second.function.clone())])
            .await
            .unwrap();
        assert!(
            all[&newcomer].number > second.number,
            "{db}: {:?} after {:?}",
            all[&newcomer],
            second
        );
        // The audit row names Per by id only.
        let log = t
            .audit_log(&AuditFilter {
                action: Some("person.erase".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(log.len(), 1, "{db}");
        assert!(log[0].detail.starts_with(&format!("person {per}:")));
        // Erasing again: not found, nothing changes.
        assert!(matches!(
            t.erase_person(per).await,
            Err(StoreError::NotFound)
        ));
        // Another tenant cannot erase or read this tenant's people.
        let other = store
            .create_tenant(&NewTenant::municipality("hitra", "Hitra kommune", "nb"))
            .await
            .unwrap();
        let o = store.tenant(other);
        assert!(
            matches!(o.erase_person(kari).await, Err(StoreError::NotFound)),
            "{db}"
        );
        assert!(
            matches!(o.person_data(kari).await, Err(StoreError::NotFound)),
            "{db}"
        );
    }
}

async fn closed_round(store: &Store, slug: &str) -> (TenantId, samspill_store::RoundId) {
    let tid = store
        .create_tenant(&NewTenant::municipality(slug, "Kommune", "nb"))
        .await
        .unwrap();
    let t = store.tenant(tid);
    t.import_roster(&roster()).await.unwrap();
    store
        .create_user(
            Some(tid),
            &format!("koord@{slug}.example"),
            "Kari Koordinator",
            Role::Coordinator,
            "et-langt-passord-1",
        )
        .await
        .unwrap();
    let round = t
        .create_round(&NewRound::standard("Runde", "nb"))
        .await
        .unwrap();
    t.open_round(round).await.unwrap();
    let people = t.persons().await.unwrap();
    for (i, l) in t
        .invitation_links(round)
        .await
        .unwrap()
        .iter()
        .enumerate()
        .take(3)
    {
        let r = store.respondent(&l.token).await.unwrap();
        let other = people
            .iter()
            .map(|p| p.id)
            .find(|p| *p != l.invitation.person && (p.get() + i as i64) % 2 == 0)
            .unwrap_or_else(|| {
                people
                    .iter()
                    .map(|p| p.id)
                    .find(|p| *p != l.invitation.person)
                    .unwrap()
            });
        r.save_contacts("contact", &[other]).await.unwrap();
        r.save_frequencies("contact", &[(other, Frequency::Weekly)])
            .await
            .unwrap();
        r.save_open(&[("strengths".into(), format!("Svar {i}"))])
            .await
            .unwrap();
        r.submit().await.unwrap();
    }
    t.close_round(round).await.unwrap();
    (tid, round)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_warns_then_reduces_or_deletes_with_the_clock_moved_forward() {
    for (db, store) in backends().await {
        let now = samspill_store::now();
        let (a, round_a) = closed_round(&store, "aure").await;
        let (b, round_b) = closed_round(&store, "berg").await;
        let (c, round_c) = closed_round(&store, "mo").await;
        let ta = store.tenant(a);
        ta.set_privacy_settings(&PrivacySettings {
            retention_months: Some(12),
            retention_mode: RetentionMode::Reduce,
            ..Default::default()
        })
        .await
        .unwrap();
        store
            .tenant(b)
            .set_privacy_settings(&PrivacySettings {
                retention_months: Some(12),
                retention_mode: RetentionMode::Delete,
                ..Default::default()
            })
            .await
            .unwrap();
        // Out-of-range retention is refused and changes nothing.
        assert!(matches!(
            store.tenant(c).set_privacy_settings(&PrivacySettings { retention_months: Some(0), ..Default::default() }).await,
            Err(StoreError::Invalid(f)) if f == "retention_months"
        ));
        let ties_before = ta.round_network(round_a).await.unwrap().network.relations[0]
            .ties
            .len();
        // Today: nothing to do.
        assert_eq!(
            store.run_retention(now).await.unwrap(),
            Default::default(),
            "{db}"
        );
        let overview = ta.retention_overview(now).await.unwrap();
        assert_eq!(overview.len(), 1);
        assert!(overview[0].due.is_some() && !overview[0].soon);
        // Eleven months and a half later: both coordinators are warned, once.
        let warn_at = now + 11 * MONTH + 5 * 86_400;
        let r = store.run_retention(warn_at).await.unwrap();
        assert_eq!((r.warned, r.reduced, r.deleted), (2, 0, 0), "{db}");
        assert!(ta.retention_overview(warn_at).await.unwrap()[0].soon);
        assert_eq!(
            store.run_retention(warn_at).await.unwrap().warned,
            0,
            "{db}: warned once"
        );
        let mail = store.claim_service_mail(50, 60).await.unwrap();
        assert_eq!(
            mail.iter()
                .filter(|m| m.kind == "retention-warning")
                .count(),
            2,
            "{db}"
        );
        assert!(mail.iter().any(|m| m.to == "koord@aure.example"));
        // A year and a day after closing: reduced and deleted.
        let due_at = now + 12 * MONTH + 86_400;
        let r = store.run_retention(due_at).await.unwrap();
        assert_eq!((r.reduced, r.deleted), (1, 1), "{db}");
        assert_eq!(
            store.run_retention(due_at).await.unwrap(),
            Default::default(),
            "{db}: done once"
        );
        // The reduced round keeps its pseudonymised network and nothing else.
        let net = ta.round_network(round_a).await.unwrap();
        assert_eq!(net.network.relations[0].ties.len(), ties_before, "{db}");
        assert!(
            net.network
                .people
                .iter()
                .all(|p| p.label.is_empty() && p.unit.is_none() && !p.functions.is_empty())
        );
        assert!(net.open_answers.is_empty());
        assert!(
            ta.invitations(round_a).await.unwrap().is_empty(),
            "{db}: invitations deleted"
        );
        let privacy = ta.round_privacy(round_a).await.unwrap();
        assert_eq!(privacy.retention.as_deref(), Some("reduced"));
        assert_eq!(privacy.retention_at, Some(due_at));
        // The deleted one has no data left.
        assert!(
            matches!(
                store.tenant(b).round_network(round_b).await,
                Err(StoreError::Purged)
            ),
            "{db}"
        );
        // The untouched tenant kept everything.
        assert_eq!(
            store.tenant(c).invitations(round_c).await.unwrap().len(),
            5,
            "{db}"
        );
        // Cells: no name or e-mail of tenant a's participants in the round's data.
        let cells = every_cell(&store, false).await;
        assert!(
            !cells
                .iter()
                .any(|(t, _, v)| t == "round_archives"
                    && (v.contains("Kari") || v.contains("@kommune"))),
            "{db}"
        );
        // What was done is in the audit log, under the retention job.
        for (t, action) in [
            (a, "retention.reduce"),
            (a, "retention.warn"),
            (b, "retention.delete"),
        ] {
            let log = store
                .tenant(t)
                .audit_log(&AuditFilter {
                    action: Some(action.into()),
                    ..Default::default()
                })
                .await
                .unwrap();
            assert_eq!(log.len(), 1, "{db}: {action}");
            assert_eq!(log[0].actor, "system:retention");
        }
        // Erasing a person afterwards also removes them from the reduced network.
        let kari = ta
            .persons()
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Kari Nordmann")
            .unwrap()
            .id;
        let before = ta
            .round_network(round_a)
            .await
            .unwrap()
            .network
            .people
            .len();
        ta.erase_person(kari).await.unwrap();
        let after = ta.round_network(round_a).await.unwrap();
        assert_eq!(after.network.people.len(), before - 1, "{db}");
        assert!(
            after
                .network
                .people
                .iter()
                .all(|p| p.id != kari.get().to_string())
        );
        assert_eq!(
            ta.round_privacy(round_a).await.unwrap().erasures.len(),
            1,
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_time_links_totp_challenges_and_grants() {
    for (db, store) in backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("oppdal", "Oppdal kommune", "nb"))
            .await
            .unwrap();
        let admin = store.admin(Actor::system("test"));
        let kari = admin
            .invite_user(
                Some(tid),
                "Kari@Oppdal.example",
                "Kari",
                Role::Coordinator,
                "nb",
            )
            .await
            .unwrap();
        // Coordinators need a tenant; operators have none.
        assert!(matches!(
            admin
                .invite_user(None, "x@y.example", "X", Role::Coordinator, "nb")
                .await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            admin
                .invite_user(
                    Some(tid),
                    "kari@oppdal.example",
                    "K",
                    Role::Coordinator,
                    "nb"
                )
                .await,
            Err(StoreError::Conflict(_))
        ));
        // An invited account cannot log in before it chose a password.
        assert!(
            store
                .verify_login("kari@oppdal.example", "")
                .await
                .unwrap()
                .is_none()
        );
        let mail = store.claim_service_mail(10, 60).await.unwrap();
        let invite = mail
            .iter()
            .find(|m| m.kind == "invite")
            .expect("invitation mail");
        let token = invite.token.clone().expect("link token");
        assert_eq!(invite.to, "kari@oppdal.example", "{db}");
        for m in &mail {
            store
                .mark_service_mail(m.id, samspill_store::MailStatus::Sent, None)
                .await
                .unwrap();
        }
        let link = store.account_link(&token).await.unwrap();
        assert_eq!(link.user, kari);
        assert!(matches!(
            store.set_password_with_link(&token, "kort").await,
            Err(StoreError::Invalid(_))
        ));
        let user = store
            .set_password_with_link(&token, "et-langt-passord-1")
            .await
            .unwrap();
        assert_eq!(user.id, kari);
        // Used once only.
        assert!(
            matches!(store.account_link(&token).await, Err(StoreError::BadToken)),
            "{db}"
        );
        assert!(matches!(
            store
                .set_password_with_link(&token, "et-annet-passord-2")
                .await,
            Err(StoreError::BadToken)
        ));
        assert!(
            store
                .verify_login("kari@oppdal.example", "et-langt-passord-1")
                .await
                .unwrap()
                .is_some()
        );
        // A forged or unknown link is refused the same way.
        assert!(matches!(
            store.account_link("forged").await,
            Err(StoreError::BadToken)
        ));
        // Reset by e-mail: the same, and the old password stops working.
        store
            .request_password_reset("kari@oppdal.example", "10.0.0.1", "nb")
            .await
            .unwrap()
            .unwrap();
        store
            .request_password_reset("nobody@oppdal.example", "10.0.0.1", "nb")
            .await
            .unwrap()
            .unwrap();
        let mail = store.claim_service_mail(10, 60).await.unwrap();
        assert_eq!(mail.len(), 1, "{db}: only the existing account gets mail");
        let reset = mail[0].token.clone().unwrap();
        store
            .set_password_with_link(&reset, "et-nytt-passord-3")
            .await
            .unwrap();
        assert!(
            store
                .verify_login("kari@oppdal.example", "et-langt-passord-1")
                .await
                .unwrap()
                .is_none()
        );

        // Operators must enrol TOTP; the code completes the login once.
        let op = store
            .create_user(
                None,
                "drift@example.no",
                "Drift",
                Role::Operator,
                "et-langt-passord-1",
            )
            .await
            .unwrap();
        let op_user = store.user(op).await.unwrap();
        assert_eq!(
            store.second_factor(&op_user, true).await.unwrap(),
            SecondFactor::Enroll,
            "{db}"
        );
        assert_eq!(
            store.second_factor(&op_user, false).await.unwrap(),
            SecondFactor::None
        );
        let ch = store.create_challenge(op, true).await.unwrap();
        let secret = store.challenge(&ch).await.unwrap().unwrap().enroll.unwrap();
        let t0 = samspill_store::now();
        assert!(
            matches!(
                store.answer_challenge(&ch, "000000", t0).await.unwrap(),
                ChallengeOutcome::Wrong { left: 4 }
            ) || totp::code_at(&secret, t0) == "000000"
        );
        let code = totp::code_at(&secret, t0);
        assert!(
            matches!(
                store.answer_challenge(&ch, &code, t0).await.unwrap(),
                ChallengeOutcome::Ok(_)
            ),
            "{db}"
        );
        assert!(store.totp_enabled(op).await.unwrap());
        assert_eq!(
            store.second_factor(&op_user, true).await.unwrap(),
            SecondFactor::Verify
        );
        // A used code is not accepted again (replay), the next step's is.
        let ch2 = store.create_challenge(op, false).await.unwrap();
        assert!(
            matches!(
                store.answer_challenge(&ch2, &code, t0).await.unwrap(),
                ChallengeOutcome::Wrong { .. }
            ),
            "{db}: replay"
        );
        let next = totp::code_at(&secret, t0 + 30);
        assert!(matches!(
            store.answer_challenge(&ch2, &next, t0 + 30).await.unwrap(),
            ChallengeOutcome::Ok(_)
        ));
        // Five wrong codes spend a challenge.
        let ch3 = store.create_challenge(op, false).await.unwrap();
        for _ in 0..5 {
            let _ = store.answer_challenge(&ch3, "12345x", t0).await.unwrap();
        }
        let later = totp::code_at(&secret, t0 + 60);
        assert!(
            matches!(
                store.answer_challenge(&ch3, &later, t0 + 60).await.unwrap(),
                ChallengeOutcome::Expired
            ),
            "{db}"
        );
        // The database holds the secret sealed, not in the clear.
        let cells = every_cell(&store, false).await;
        let b32 = totp::base32(&secret);
        assert!(
            !cells.iter().any(|(_, _, v)| v.contains(&b32)
                || v.contains(&samspill_store::__hex_for_tests(&secret))),
            "{db}"
        );

        // A tenant that requires TOTP makes its users (and readers granted it) enrol.
        store
            .tenant(tid)
            .set_privacy_settings(&PrivacySettings {
                require_totp: true,
                ..Default::default()
            })
            .await
            .unwrap();
        let kari_user = store.user(kari).await.unwrap();
        assert_eq!(
            store.second_factor(&kari_user, true).await.unwrap(),
            SecondFactor::Enroll
        );
        let eva = admin
            .invite_user(None, "eva@evaluering.example", "Eva", Role::Evaluator, "nb")
            .await
            .unwrap();
        let eva_user = store.user(eva).await.unwrap();
        assert!(
            eva_user.tenant.is_none(),
            "{db}: readers belong to no tenant"
        );
        assert_eq!(
            store.second_factor(&eva_user, true).await.unwrap(),
            SecondFactor::None
        );
        admin.grant(eva, tid, "operator").await.unwrap();
        assert_eq!(
            store.second_factor(&eva_user, true).await.unwrap(),
            SecondFactor::Enroll
        );
        assert_eq!(store.granted_tenants(eva).await.unwrap().len(), 1);
        // Only funders and evaluators are granted tenants.
        assert!(matches!(
            admin.grant(kari, tid, "operator").await,
            Err(StoreError::Invalid(_))
        ));
        // A programme keeps its own grants in step with its membership.
        let other = store
            .create_tenant(&NewTenant::municipality("hitra", "Hitra", "nb"))
            .await
            .unwrap();
        admin
            .sync_grants(
                "programme:boso-1",
                &[(eva, tid), (eva, other), (kari, other)],
            )
            .await
            .unwrap();
        assert_eq!(store.granted_tenants(eva).await.unwrap().len(), 2, "{db}");
        assert!(
            store.granted_tenants(kari).await.unwrap().is_empty(),
            "{db}: a coordinator is never granted"
        );
        admin.sync_grants("programme:boso-1", &[]).await.unwrap();
        assert_eq!(
            store.granted_tenants(eva).await.unwrap().len(),
            1,
            "{db}: the operator's grant stays"
        );
        // The coordinator withdraws it.
        store
            .tenant(tid)
            .acting_as(Actor::system("test"))
            .revoke_grants_of(eva)
            .await
            .unwrap();
        assert!(store.granted_tenants(eva).await.unwrap().is_empty());
    }
}
