//! Issue 15 in the store, on SQLite and PostgreSQL: the parts of the
//! instrument a round asks (and what respondents and the analysis get when a
//! part is left out), the round's contact and list-maker, wording kept in
//! step across languages, replacing the roster after a preview, bulk
//! actions, a user's own language — each audited in its own transaction and
//! scoped to its tenant.

mod common;

use samspill_engine::model::{Frequency, Level};
use samspill_engine::survey::ContactType;
use samspill_store::*;

async fn audit_actions(t: &Tenant) -> Vec<String> {
    t.audit_log(&AuditFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.action, e.detail))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parts_left_out_are_not_asked_not_accepted_and_not_analysed() {
    for (db, store) in common::backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("volda", "Volda", "nb"))
            .await
            .unwrap();
        let t = store.tenant(tid);
        t.import_roster(&common::roster()).await.unwrap();
        let round = t
            .create_round(&NewRound::standard("Runde 1", "nb"))
            .await
            .unwrap();
        let info = t.round(round).await.unwrap();
        assert_eq!(info.parts, Parts::standard(), "{db}");
        assert!(!info.parts.asks_open("meeting_points"));
        // Unknown open questions are refused, and nothing changes.
        let mut bad = Parts::standard();
        bad.open.push("favourite_colour".into());
        assert!(matches!(
            t.set_round_parts(round, &bad).await,
            Err(StoreError::Invalid(_))
        ));
        // A short survey: no political section, no meeting-places rating,
        // two open questions of which one is the 2015 meeting-points one,
        // and the advice relation.
        let parts = Parts {
            advice: true,
            political: false,
            meeting_places: false,
            open: vec!["meeting_points".into(), "strengths".into()],
        };
        t.set_round_parts(round, &parts).await.unwrap();
        let info = t.round(round).await.unwrap();
        assert!(info.second_relation, "{db}: advice is the second relation");
        assert_eq!(
            info.parts.open,
            ["strengths", "meeting_points"],
            "{db}: kept in instrument order"
        );
        assert_eq!(info.parts.ratings(), ["coordination"]);
        assert!(!info.parts.asks_item("political"));
        assert!(info.parts.asks_item("open-meeting_points"));
        assert!(!info.parts.asks_item("open-focus"));
        assert!(info.parts.asks_item("contacts"));
        t.open_round(round).await.unwrap();
        let links = t.invitation_links(round).await.unwrap();
        let r = store.respondent(&links[0].token).await.unwrap();
        let other = links[1].invitation.person;
        // What is not asked is refused; what is asked is stored.
        let body = info.bodies[0].id;
        assert!(matches!(
            r.save_political(&[(body, ContactType::GivesInformation)])
                .await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            r.save_ratings(&[("meeting_places".into(), Some(3))]).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            r.save_open(&[("focus".into(), "x".into())]).await,
            Err(StoreError::Invalid(_))
        ));
        r.save_contacts("contact", &[other]).await.unwrap();
        r.save_frequencies("contact", &[(other, Frequency::Weekly)])
            .await
            .unwrap();
        r.save_contacts("advice", &[other]).await.unwrap();
        r.save_frequencies("advice", &[(other, Frequency::Monthly)])
            .await
            .unwrap();
        r.save_ratings(&[("coordination".into(), Some(5))])
            .await
            .unwrap();
        r.save_open(&[
            ("meeting_points".into(), "Boligtildelingsgruppa".into()),
            ("strengths".into(), "Kort vei".into()),
        ])
        .await
        .unwrap();
        r.submit().await.unwrap();
        let view = r.view().await.unwrap();
        assert_eq!(view.functions, ["Tildeling av bolig"], "{db}: why asked");
        assert_eq!(view.unit.as_deref(), Some("NAV"));
        assert!(view.submitted_at.is_some());
        // Dropping a question later hides its answers from the analysis
        // and from the review of open answers.
        let mut fewer = parts.clone();
        fewer.open = vec!["meeting_points".into()];
        t.set_round_parts(round, &fewer).await.unwrap();
        t.close_round(round).await.unwrap();
        let net = t.round_network(round).await.unwrap();
        assert!(
            net.political.bodies.is_empty(),
            "{db}: no political section"
        );
        assert_eq!(net.ratings.len(), 1);
        assert_eq!(net.ratings[0].question, "coordination");
        assert_eq!(net.ratings[0].answers, [Some(5)]);
        assert_eq!(net.open_answers.len(), 1);
        assert_eq!(net.open_answers[0].question, "meeting_points");
        assert_eq!(net.network.relations.len(), 2, "contact and advice");
        let review: Vec<String> = t
            .open_answers(round)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.question)
            .collect();
        assert_eq!(review, ["meeting_points"], "{db}");
        // A closed round's parts are frozen.
        assert!(matches!(
            t.set_round_parts(round, &Parts::standard()).await,
            Err(StoreError::Frozen)
        ));
        let log = audit_actions(&t).await;
        assert!(
            log.iter()
                .any(|l| l.starts_with("round.parts")
                    && l.contains("open [strengths,meeting_points]")),
            "{db}: {log:?}"
        );
        // «Ny runde fra denne» keeps the parts.
        let copy = t.copy_round(round, "Runde 2").await.unwrap();
        assert_eq!(t.round(copy).await.unwrap().parts, fewer, "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_round_says_whom_to_contact_and_who_drew_up_the_list() {
    for (db, store) in common::backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("rissa", "Rissa", "nb"))
            .await
            .unwrap();
        let t = store.tenant(tid);
        t.import_roster(&common::roster()).await.unwrap();
        let mut new = NewRound::standard("Runde 1", "nb");
        new.contact = RoundContact {
            name: Some("  Kari Koordinator ".into()),
            email: Some("kari@rissa.example".into()),
            phone: None,
            list_by: Some("".into()),
        };
        let round = t.create_round(&new).await.unwrap();
        let c = t.round(round).await.unwrap().contact;
        assert_eq!(c.name.as_deref(), Some("Kari Koordinator"), "{db}: trimmed");
        assert_eq!(c.list_by, None, "{db}: empty is none");
        for (field, bad) in [
            (
                "contact_email",
                RoundContact {
                    email: Some("ikke en adresse".into()),
                    ..Default::default()
                },
            ),
            (
                "contact_phone",
                RoundContact {
                    phone: Some("ring meg".into()),
                    ..Default::default()
                },
            ),
            (
                "contact_name",
                RoundContact {
                    name: Some("Kari\r\nBcc: x@y.z".into()),
                    ..Default::default()
                },
            ),
            (
                "list_by",
                RoundContact {
                    list_by: Some("x".repeat(201)),
                    ..Default::default()
                },
            ),
        ] {
            match t.set_round_contact(round, &bad).await {
                Err(StoreError::Invalid(f)) => assert!(f.starts_with(field), "{db}: {f}"),
                other => panic!("{db}: {field}: {other:?}"),
            }
        }
        assert_eq!(t.round(round).await.unwrap().contact, c, "{db}: unchanged");
        let contact = RoundContact {
            name: Some("Kari Koordinator".into()),
            email: Some("kari@rissa.example".into()),
            phone: Some("+47 (0) 99 88-77 66".into()),
            list_by: Some("Kari og boliggruppa".into()),
        };
        t.set_round_contact(round, &contact).await.unwrap();
        assert_eq!(t.round(round).await.unwrap().contact, contact);
        // The mail carries it, with the recipient's functions and unit.
        t.open_round(round).await.unwrap();
        t.queue_mail(round, MailKind::Invitation).await.unwrap();
        let mail = store.due_mail(10).await.unwrap();
        assert_eq!(mail.len(), 5, "{db}");
        let kari = mail
            .iter()
            .find(|m| m.to == "kari@kommune.example")
            .unwrap();
        assert_eq!(kari.functions, ["Tildeling av bolig"]);
        assert_eq!(kari.unit.as_deref(), Some("NAV"));
        assert_eq!(kari.contact, contact);
        let copy = t.copy_round(round, "Runde 2").await.unwrap();
        assert_eq!(t.round(copy).await.unwrap().contact, contact, "{db}");
        assert!(
            audit_actions(&t)
                .await
                .iter()
                .any(|l| l.starts_with("round.contact")),
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wording_changed_in_one_language_marks_the_others_until_they_are_updated() {
    for (db, store) in common::backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("orland", "Ørland", "nb"))
            .await
            .unwrap();
        let t = store.tenant(tid);
        t.import_roster(&common::roster()).await.unwrap();
        let round = t
            .create_round(&NewRound::standard("Runde 1", "nb"))
            .await
            .unwrap();
        let current = |info: &RoundInfo, key: &str| info.current_languages(key);
        // Nothing edited: in step.
        assert!(t.round(round).await.unwrap().wording.is_empty());
        // Bokmål changes the contact question: the others fall behind.
        let n = t
            .save_wording(
                round,
                "nb",
                &[("contacts".into(), "Hvem har du snakket med?".into())],
                &[],
            )
            .await
            .unwrap();
        assert_eq!(n, 1);
        let info = t.round(round).await.unwrap();
        assert_eq!(current(&info, "contacts"), ["nb"], "{db}");
        assert!(info.is_unsynced("nn", "contacts"));
        assert!(!info.is_unsynced("nb", "contacts"));
        assert!(!info.is_unsynced("nn", "frequency"), "other items in step");
        assert_eq!(info.unsynced_offered().len(), 3);
        // Saving the same text again changes nothing.
        assert_eq!(
            t.save_wording(
                round,
                "nb",
                &[("contacts".into(), " Hvem har du snakket med? ".into())],
                &[]
            )
            .await
            .unwrap(),
            0
        );
        // Nynorsk catches up by editing; Danish by confirming its text
        // already says the same. Neither pushes bokmål behind.
        t.save_wording(
            round,
            "nn",
            &[("contacts".into(), "Kven har du snakka med?".into())],
            &[],
        )
        .await
        .unwrap();
        t.save_wording(round, "da", &[], &["contacts".into()])
            .await
            .unwrap();
        let info = t.round(round).await.unwrap();
        assert_eq!(current(&info, "contacts"), ["nb", "nn", "da"], "{db}");
        assert_eq!(info.unsynced_offered(), [("en".into(), "contacts".into())]);
        // Only the languages offered count when opening.
        let mut s = RoundSettings {
            name: info.name.clone(),
            languages: vec!["nb".into(), "nn".into(), "da".into()],
            lang: "nb".into(),
            opens_on: None,
            closes_on: None,
            second_relation: false,
            remind_on: None,
        };
        t.update_round(round, &s).await.unwrap();
        assert!(t.round(round).await.unwrap().unsynced_offered().is_empty());
        // A change in an up-to-date language pushes every other behind.
        t.save_wording(
            round,
            "nn",
            &[("contacts".into(), "Kven har du hatt kontakt med?".into())],
            &[],
        )
        .await
        .unwrap();
        let info = t.round(round).await.unwrap();
        assert_eq!(current(&info, "contacts"), ["nn"], "{db}");
        assert!(matches!(
            t.open_round(round).await,
            Err(StoreError::Unsynced(ref v)) if v.len() == 2
        ));
        // An item of a part left out does not stop the round.
        t.save_wording(round, "nb", &[("open-focus".into(), "Fokus?".into())], &[])
            .await
            .unwrap();
        // Back to the standard wording everywhere: in step again.
        t.save_wording(round, "nb", &[("contacts".into(), String::new())], &[])
            .await
            .unwrap();
        t.save_wording(round, "nn", &[("contacts".into(), String::new())], &[])
            .await
            .unwrap();
        let info = t.round(round).await.unwrap();
        assert!(
            !info.wording.iter().any(|w| w.key == "contacts"),
            "{db}: {:?}",
            info.wording
        );
        let mut parts = Parts::standard();
        parts.open.retain(|q| q != "focus");
        t.set_round_parts(round, &parts).await.unwrap();
        assert!(t.round(round).await.unwrap().unsynced_offered().is_empty());
        // Refused: control characters, a key twice, an unknown language;
        // nothing is stored.
        for (lang, edits) in [
            (
                "nb",
                vec![("contacts".to_string(), "a\u{0007}b".to_string())],
            ),
            (
                "nb",
                vec![
                    ("contacts".to_string(), "a".to_string()),
                    ("contacts".to_string(), "b".to_string()),
                ],
            ),
            ("se", vec![("contacts".to_string(), "a".to_string())]),
            ("nb", vec![("../x".to_string(), "a".to_string())]),
            ("nb", vec![("contacts".to_string(), "x".repeat(2001))]),
        ] {
            assert!(
                matches!(
                    t.save_wording(round, lang, &edits, &[]).await,
                    Err(StoreError::Invalid(_))
                ),
                "{db}: {edits:?}"
            );
        }
        assert_eq!(t.round(round).await.unwrap().text("nb", "contacts"), None);
        // The copy keeps the wording and how the languages stand.
        t.save_wording(
            round,
            "nb",
            &[("political".into(), "Politisk kontakt?".into())],
            &[],
        )
        .await
        .unwrap();
        let copy = t.copy_round(round, "Runde 2").await.unwrap();
        let c = t.round(copy).await.unwrap();
        assert_eq!(c.current_languages("political"), ["nb"], "{db}");
        assert!(c.is_unsynced("nn", "political"));
        // Opened after confirming, recorded in the audit row.
        s.languages = vec!["nb".into(), "nn".into()];
        t.update_round(round, &s).await.unwrap();
        assert!(matches!(
            t.open_round(round).await,
            Err(StoreError::Unsynced(_))
        ));
        assert_eq!(t.open_round_confirmed(round).await.unwrap(), 5);
        let log = audit_actions(&t).await;
        assert!(
            log.iter()
                .any(|l| l.starts_with("round.open") && l.contains("not updated")),
            "{db}: {log:?}"
        );
        assert!(log.iter().any(|l| l.starts_with("round.wording")));
        t.close_round(round).await.unwrap();
        assert!(matches!(
            t.save_wording(round, "nn", &[], &["political".into()])
                .await,
            Err(StoreError::Frozen)
        ));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replacing_the_roster_shows_who_changes_and_stores_all_or_nothing() {
    for (db, store) in common::backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("naeroy", "Nærøy", "nb"))
            .await
            .unwrap();
        let t = store.tenant(tid);
        t.import_roster(&common::roster()).await.unwrap();
        let before = t.persons().await.unwrap();
        let id_of = |email: &str| before.iter().find(|p| p.email == email).unwrap().id;
        let anne = id_of("anne@kommune.example");
        t.set_person_active(anne, false).await.unwrap();
        // The new list: Kari changes unit and function, Ola is unchanged,
        // Anne (off the list) is back, a new person; Siri and Per are not in
        // the file.
        let mut kari = common::person(
            "Kari Nordmann",
            "KARI@kommune.example",
            "Boligkontoret",
            "Husleiekontrakter",
        );
        kari.level = Some(Level::Leader);
        let file = vec![
            kari,
            common::person(
                "Ola Hansen",
                "ola@kommune.example",
                "Eiendom",
                "Drift og vedlikehold",
            ),
            common::person(
                "Anne Dahl",
                "anne@kommune.example",
                "Helse",
                "Tjenester i bolig",
            ),
            common::person("Ny Person", "ny@kommune.example", "NAV", "Utbygging"),
        ];
        let changes = t.roster_changes(&file, ImportMode::Replace).await.unwrap();
        assert_eq!(changes.unchanged, 1, "{db}: Ola");
        assert_eq!(changes.added.len(), 1);
        assert_eq!(changes.added[0].email, "ny@kommune.example");
        assert_eq!(changes.added[0].row, Some(5));
        let removed: Vec<&str> = changes.removed.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(removed, ["Per Lie", "Siri Berg"], "{db}");
        let kari_change = changes
            .changed
            .iter()
            .find(|c| c.email == "kari@kommune.example")
            .unwrap();
        let fields: Vec<(&str, &str, &str)> = kari_change
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.before.as_str(), f.after.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("unit", "NAV", "Boligkontoret"),
                ("level", "professional", "leader"),
                ("functions", "Tildeling av bolig", "Husleiekontrakter"),
            ],
            "{db}"
        );
        let anne_change = changes.changed.iter().find(|c| c.id == Some(anne)).unwrap();
        assert_eq!(anne_change.fields[0].field, "active");
        // Adding instead of replacing takes nobody off.
        let add = t.roster_changes(&file, ImportMode::Add).await.unwrap();
        assert!(add.removed.is_empty());
        assert_ne!(add.fingerprint, changes.fingerprint);
        // Nothing was stored by the previews.
        assert_eq!(t.persons().await.unwrap().len(), 5, "{db}");
        assert!(!t.person(anne).await.unwrap().active);
        // The roster changes between preview and confirmation: refused.
        t.update_person(
            id_of("per@kommune.example"),
            &common::person("Per Lie", "per@kommune.example", "NAV", "Utbygging"),
        )
        .await
        .unwrap();
        t.set_person_active(id_of("siri@kommune.example"), false)
            .await
            .unwrap();
        assert!(matches!(
            t.import_roster_as(&file, ImportMode::Replace, Some(&changes.fingerprint))
                .await,
            Err(StoreError::Stale)
        ));
        assert_eq!(t.persons().await.unwrap().len(), 5, "{db}: nothing stored");
        // With the new preview it goes through.
        let again = t.roster_changes(&file, ImportMode::Replace).await.unwrap();
        assert_eq!(again.removed.len(), 1, "{db}: Siri is already off");
        let s = t
            .import_roster_as(&file, ImportMode::Replace, Some(&again.fingerprint))
            .await
            .unwrap();
        assert_eq!(
            s,
            ImportSummary {
                added: 1,
                updated: 3,
                removed: 1
            },
            "{db}"
        );
        let after = t.persons().await.unwrap();
        assert_eq!(after.len(), 6, "{db}: nobody deleted");
        let on: Vec<&str> = after
            .iter()
            .filter(|p| p.active)
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            on,
            ["Anne Dahl", "Kari Nordmann", "Ny Person", "Ola Hansen"]
        );
        assert_eq!(
            t.person(id_of("kari@kommune.example"))
                .await
                .unwrap()
                .functions,
            ["Husleiekontrakter"],
            "{db}: same stable id"
        );
        let log = audit_actions(&t).await;
        assert!(
            log.iter()
                .any(|l| l == "roster.import list replaced: 1 added, 3 updated, 1 taken off"),
            "{db}: {log:?}"
        );
        // A bad row anywhere: nothing is stored, every problem is reported.
        let mut bad = file.clone();
        bad[1].email = "ikke-epost".into();
        bad[3].functions = vec!["Hemmelig".into()];
        bad[2].name = String::new();
        let problems = t.check_roster(&bad).await.unwrap();
        assert_eq!(problems.len(), 3, "{db}: {problems:?}");
        assert!(matches!(
            t.import_roster_as(&bad, ImportMode::Replace, None).await,
            Err(StoreError::Roster(p)) if p.len() == 3
        ));
        assert_eq!(t.persons().await.unwrap().len(), 6);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_actions_change_many_people_at_once_or_none() {
    for (db, store) in common::backends().await {
        let a = store
            .create_tenant(&NewTenant::municipality("a", "A", "nb"))
            .await
            .unwrap();
        let b = store
            .create_tenant(&NewTenant::municipality("b", "B", "nb"))
            .await
            .unwrap();
        let (ta, tb) = (store.tenant(a), store.tenant(b));
        ta.import_roster(&common::roster()).await.unwrap();
        tb.import_roster(&common::roster()).await.unwrap();
        let ids: Vec<PersonId> = ta.persons().await.unwrap().iter().map(|p| p.id).collect();
        let theirs = tb.persons().await.unwrap()[0].id;
        // Another tenant's person in the list: nothing changes.
        let mut mixed = ids[..2].to_vec();
        mixed.push(theirs);
        assert!(matches!(
            ta.set_persons_active(&mixed, false).await,
            Err(StoreError::NotFound)
        ));
        assert!(ta.persons().await.unwrap().iter().all(|p| p.active), "{db}");
        assert!(tb.persons().await.unwrap().iter().all(|p| p.active));
        // Three off the list (one named twice), then one of them back.
        let n = ta
            .set_persons_active(&[ids[0], ids[1], ids[2], ids[0]], false)
            .await
            .unwrap();
        assert_eq!(n, 3, "{db}");
        assert_eq!(ta.set_persons_active(&ids[..3], false).await.unwrap(), 0);
        assert_eq!(ta.set_persons_active(&ids[2..3], true).await.unwrap(), 1);
        let active = ta
            .persons()
            .await
            .unwrap()
            .iter()
            .filter(|p| p.active)
            .count();
        assert_eq!(active, 3);
        // A function for everyone, added after their primary one.
        let f = ta.add_function("Boligkontor").await.unwrap();
        assert_eq!(ta.set_persons_function(&ids, f, true).await.unwrap(), 5);
        assert_eq!(ta.set_persons_function(&ids, f, true).await.unwrap(), 0);
        let p = ta.person(ids[0]).await.unwrap();
        assert_eq!(p.functions.len(), 2);
        assert_eq!(p.functions[1], "Boligkontor", "{db}: primary stays first");
        assert_eq!(
            ta.set_persons_function(&ids[..2], f, false).await.unwrap(),
            2
        );
        assert_eq!(ta.person(ids[0]).await.unwrap().functions.len(), 1);
        // Another tenant's function is unknown.
        let their_f = tb.add_function("Deres").await.unwrap();
        assert!(matches!(
            ta.set_persons_function(&ids, their_f, true).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            ta.set_persons_active(&vec![ids[0]; 5001], true).await,
            Err(StoreError::Invalid(_))
        ));
        let log = audit_actions(&ta).await;
        for action in [
            "roster.bulk.deactivate 3 of persons",
            "roster.bulk.activate 1 of persons",
            "roster.bulk.function_add function",
            "roster.bulk.function_remove function",
        ] {
            assert!(
                log.iter().any(|l| l.starts_with(action)),
                "{db}: {action} in {log:?}"
            );
        }
        assert!(
            !audit_actions(&tb)
                .await
                .iter()
                .any(|l| l.starts_with("roster.bulk")),
            "{db}"
        );
        // Another tenant's round is not found by the new round methods.
        let round_b = tb
            .create_round(&NewRound::standard("B", "nb"))
            .await
            .unwrap();
        assert!(matches!(
            ta.set_round_parts(round_b, &Parts::standard()).await,
            Err(StoreError::NotFound) | Err(StoreError::Frozen)
        ));
        assert!(matches!(
            ta.set_round_contact(round_b, &RoundContact::default())
                .await,
            Err(StoreError::NotFound) | Err(StoreError::Frozen)
        ));
        assert!(matches!(
            ta.save_wording(round_b, "nb", &[("contacts".into(), "x".into())], &[])
                .await,
            Err(StoreError::NotFound) | Err(StoreError::Frozen)
        ));
        assert!(matches!(
            ta.open_round_confirmed(round_b).await,
            Err(StoreError::NotFound) | Err(StoreError::Frozen)
        ));
        let rb = tb.round(round_b).await.unwrap();
        assert_eq!(rb.parts, Parts::standard(), "{db}");
        assert!(rb.texts.is_empty());
        assert_eq!(rb.status, RoundStatus::Draft);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_chooses_their_own_language() {
    for (db, store) in common::backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("oppdal", "Oppdal", "nb"))
            .await
            .unwrap();
        let uid = store
            .create_user(
                Some(tid),
                "kari@oppdal.example",
                "Kari",
                Role::Coordinator,
                "et-langt-passord-1",
            )
            .await
            .unwrap();
        let token = store.create_session(uid).await.unwrap();
        let me = Actor::User {
            id: uid,
            email: "kari@oppdal.example".into(),
        };
        assert_eq!(
            store.session(&token).await.unwrap().unwrap().user.lang,
            None
        );
        store.set_own_lang(&me, Some("en")).await.unwrap();
        assert_eq!(
            store
                .session(&token)
                .await
                .unwrap()
                .unwrap()
                .user
                .lang
                .as_deref(),
            Some("en"),
            "{db}"
        );
        assert!(matches!(
            store.set_own_lang(&me, Some("xx")).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            store.set_own_lang(&Actor::system("test"), Some("nn")).await,
            Err(StoreError::NotFound)
        ));
        store.set_own_lang(&me, None).await.unwrap();
        assert_eq!(
            store.session(&token).await.unwrap().unwrap().user.lang,
            None
        );
        let log = audit_actions(&store.tenant(tid)).await;
        assert!(
            log.iter()
                .any(|l| l.starts_with("user.lang") && l.ends_with(": en")),
            "{db}: {log:?}"
        );
    }
}
