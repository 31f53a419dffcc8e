//! A whole round through the store on both databases: roster import with
//! validation, coverage, round, answers, close (freeze) and the engine's
//! input.

mod common;

use samspill_engine::model::Frequency;
use samspill_engine::survey::ContactType;
use samspill_store::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_rosters_are_rejected_with_row_level_problems_and_nothing_is_stored() {
    for (db, store) in common::backends().await {
        let t = store.tenant(
            store
                .create_tenant(&NewTenant::municipality("k", "K", "nb"))
                .await
                .unwrap(),
        );
        let mut rows = common::roster();
        rows[2].email = "ola@kommune.example".into(); // duplicate of row 3 (file row numbers start at 2)
        rows[3].functions = vec!["Hemmelig funksjon".into()];
        rows[4].email = "not-an-email".into();
        rows[0].name = "   ".into();
        let err = t.import_roster(&rows).await.unwrap_err();
        let StoreError::Roster(problems) = err else {
            panic!("{db}: {err:?}")
        };
        assert!(
            problems.contains(&RowProblem {
                row: 2,
                kind: ProblemKind::MissingName
            }),
            "{db}: {problems:?}"
        );
        assert!(problems.contains(&RowProblem {
            row: 4,
            kind: ProblemKind::DuplicateEmail {
                value: "ola@kommune.example".into(),
                first_row: 3
            }
        }));
        assert!(problems.contains(&RowProblem {
            row: 5,
            kind: ProblemKind::UnknownFunction {
                value: "Hemmelig funksjon".into()
            }
        }));
        assert!(problems.contains(&RowProblem {
            row: 6,
            kind: ProblemKind::BadEmail {
                value: "not-an-email".into()
            }
        }));
        assert!(
            t.persons().await.unwrap().is_empty(),
            "{db}: a rejected import stored rows"
        );
        // Case-insensitive duplicates too.
        let mut rows = common::roster();
        rows[1].email = "KARI@kommune.example".into();
        assert!(matches!(
            t.import_roster(&rows).await,
            Err(StoreError::Roster(_))
        ));
        assert!(t.persons().await.unwrap().is_empty());
        // Control characters and oversized values.
        let mut rows = common::roster();
        rows[0].unit = Some("x".repeat(5000));
        rows[1].name = "Ola\u{0}Nul".into();
        let StoreError::Roster(p) = t.import_roster(&rows).await.unwrap_err() else {
            panic!()
        };
        assert_eq!(p.len(), 2, "{db}: {p:?}");
        assert!(t.persons().await.unwrap().is_empty());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coverage_check_and_persons_per_function() {
    for (db, store) in common::backends().await {
        let t = store.tenant(
            store
                .create_tenant(&NewTenant::municipality("k", "K", "nb"))
                .await
                .unwrap(),
        );
        let mut rows = common::roster();
        rows[0].functions.push("Husleiekontrakter".into());
        rows[1].functions = vec!["maintenance".into()]; // standard code works too
        t.import_roster(&rows).await.unwrap();
        let table = t.persons_per_function().await.unwrap();
        assert_eq!(table.len(), 11, "{db}");
        let count = |name: &str| table.iter().find(|(f, _)| f.name == name).unwrap().1;
        assert_eq!(count("Tildeling av bolig"), 1);
        assert_eq!(count("Husleiekontrakter"), 1);
        assert_eq!(count("Drift og vedlikehold"), 1);
        assert_eq!(count("Utbygging"), 0, "{db}: coverage gap must show as 0");
        let gaps: Vec<_> = table
            .iter()
            .filter(|(_, n)| *n == 0)
            .map(|(f, _)| f.name.clone())
            .collect();
        assert!(gaps.contains(&"Politisk folkevalgt".to_string()));
        // The tenant's own function.
        t.add_function("Boligkontor").await.unwrap();
        assert!(matches!(
            t.add_function("boligkontor").await,
            Err(StoreError::Conflict(_))
        ));
        assert_eq!(t.persons_per_function().await.unwrap().len(), 12);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_from_roster_to_frozen_network() {
    for (db, store) in common::backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("oppdal", "Oppdal", "nb"))
            .await
            .unwrap();
        let t = store.tenant(tid);
        t.import_roster(&common::roster()).await.unwrap();
        let ids: Vec<PersonId> = {
            let mut p = t.persons().await.unwrap();
            p.sort_by_key(|p| p.id);
            p.iter().map(|p| p.id).collect()
        };
        let round = t
            .create_round(&NewRound::standard("Runde 1", "nb"))
            .await
            .unwrap();
        t.set_bodies(
            round,
            &[
                "Ordfører".into(),
                "Formannskap".into(),
                "Kommunestyre".into(),
                "Helse- og sosialutvalget".into(),
            ],
        )
        .await
        .unwrap();
        t.set_round_text(round, "nn", "contacts", "Kven har du hatt kontakt med?")
            .await
            .unwrap();
        // The other languages now say something else: opening needs a
        // confirmation, and nothing happened without it.
        match t.open_round(round).await {
            Err(StoreError::Unsynced(items)) => assert_eq!(
                items,
                [
                    ("nb".to_string(), "contacts".to_string()),
                    ("da".to_string(), "contacts".to_string()),
                    ("en".to_string(), "contacts".to_string()),
                ],
                "{db}"
            ),
            other => panic!("{db}: {other:?}"),
        }
        assert_eq!(t.round(round).await.unwrap().status, RoundStatus::Draft);
        assert!(t.invitations(round).await.unwrap().is_empty());
        assert_eq!(t.open_round_confirmed(round).await.unwrap(), 5, "{db}");
        assert_eq!(
            t.open_round(round).await.unwrap(),
            0,
            "{db}: re-opening invites nobody twice"
        );
        let links = t.invitation_links(round).await.unwrap();
        assert_eq!(links.len(), 5);
        assert!(
            links.iter().all(|l| l.token.len() >= 43),
            "tokens carry 256 bits"
        );
        let info = t.round(round).await.unwrap();
        assert_eq!(
            info.text("nn", "contacts"),
            Some("Kven har du hatt kontakt med?")
        );
        let body = |name: &str| info.bodies.iter().find(|b| b.name == name).unwrap().id;

        // Three of five answer; one of them does not submit.
        let r0 = store.respondent(&links[0].token).await.unwrap();
        let r1 = store.respondent(&links[1].token).await.unwrap();
        let r2 = store.respondent(&links[2].token).await.unwrap();
        assert_eq!(r0.person(), ids[0]);
        r0.save_contacts("contact", &[ids[1], ids[2], ids[4]])
            .await
            .unwrap();
        r0.save_frequencies(
            "contact",
            &[(ids[1], Frequency::Daily), (ids[2], Frequency::Weekly)],
        )
        .await
        .unwrap();
        // Changing the choice keeps frequencies of people still chosen.
        r0.save_contacts("contact", &[ids[1], ids[2]])
            .await
            .unwrap();
        r0.save_political(&[
            (body("Ordfører"), ContactType::GivesInformation),
            (body("Formannskap"), ContactType::PoliticalDiscussion),
        ])
        .await
        .unwrap();
        r0.save_ratings(&[
            ("coordination".into(), Some(4)),
            ("meeting_places".into(), None),
        ])
        .await
        .unwrap();
        r0.save_open(&[("strengths".into(), "Godt samarbeid med NAV".into())])
            .await
            .unwrap();
        r0.submit().await.unwrap();
        r1.save_contacts("contact", &[ids[0], ids[3]])
            .await
            .unwrap();
        r1.save_frequencies(
            "contact",
            &[(ids[0], Frequency::Monthly), (ids[3], Frequency::Rarer)],
        )
        .await
        .unwrap();
        r1.save_ratings(&[("coordination".into(), Some(2))])
            .await
            .unwrap();
        r1.submit().await.unwrap();
        r2.save_contacts("contact", &[ids[0]]).await.unwrap(); // not submitted
        // Rules: no self-nomination, no unknown question, no rating 7.
        assert!(matches!(
            r0.save_contacts("contact", &[ids[0]]).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            r0.save_ratings(&[("coordination".into(), Some(7))]).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            r0.save_open(&[("nope".into(), "x".into())]).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            r0.save_frequencies("contact", &[(ids[4], Frequency::Daily)])
                .await,
            Err(StoreError::Invalid(_))
        ));

        let stats = t.response_stats(round).await.unwrap();
        assert_eq!(
            (
                stats.overall.invited,
                stats.overall.started,
                stats.overall.submitted
            ),
            (5, 3, 2),
            "{db}"
        );
        let nav = stats.per_unit.iter().find(|r| r.group == "NAV").unwrap();
        assert_eq!((nav.invited, nav.submitted), (2, 1));

        t.close_round(round).await.unwrap();
        // Frozen: every change is rejected.
        assert!(
            matches!(
                r0.save_contacts("contact", &[ids[3]]).await,
                Err(StoreError::Frozen)
            ),
            "{db}"
        );
        assert!(matches!(r2.submit().await, Err(StoreError::Frozen)));
        assert!(matches!(
            t.set_bodies(round, &[]).await,
            Err(StoreError::Frozen)
        ));
        assert!(matches!(
            t.set_round_text(round, "nb", "contacts", "x").await,
            Err(StoreError::Frozen)
        ));
        assert!(matches!(t.open_round(round).await, Err(StoreError::Frozen)));
        assert!(matches!(
            t.queue_mail(round, MailKind::Reminder).await,
            Err(StoreError::Frozen)
        ));
        assert!(matches!(
            t.close_round(round).await,
            Err(StoreError::Frozen)
        ));
        // Roster edits after close do not change the frozen round.
        let mut kari = common::person(
            "Kari Omdøpt",
            "kari@kommune.example",
            "Ny enhet",
            "Utbygging",
        );
        kari.level = None;
        t.update_person(ids[0], &kari).await.unwrap();

        let data = t.round_network(round).await.unwrap();
        let n = &data.network;
        n.validate().unwrap();
        assert_eq!(n.people.len(), 5);
        assert_eq!(n.people[0].id, ids[0].to_string());
        assert_eq!(n.people[0].label, "Kari Nordmann", "{db}: frozen label");
        assert_eq!(n.people[0].functions, ["Tildeling av bolig"]);
        assert_eq!(
            n.people.iter().map(|p| p.responded).collect::<Vec<_>>(),
            [true, true, false, false, false]
        );
        let mut ties: Vec<(usize, usize, f64)> = n.relations[0]
            .ties
            .iter()
            .map(|t| (t.source, t.target, t.value))
            .collect();
        ties.sort_by(|a, b| a.partial_cmp(b).unwrap());
        assert_eq!(
            ties,
            [(0, 1, 3.0), (0, 2, 2.0), (1, 0, 1.0), (1, 3, 0.0)],
            "{db}"
        );
        assert!(n.relations[0].ties.iter().all(|t| t.directed));
        assert_eq!(data.political.bodies.len(), 4);
        let mut pc = data.political.contacts.clone();
        pc.sort();
        assert_eq!(
            pc,
            [
                (0, 0, ContactType::GivesInformation),
                (0, 1, ContactType::PoliticalDiscussion)
            ]
        );
        let coord = data
            .ratings
            .iter()
            .find(|r| r.question == "coordination")
            .unwrap();
        assert_eq!(coord.answers, [Some(4), Some(2)]);
        let meet = data
            .ratings
            .iter()
            .find(|r| r.question == "meeting_places")
            .unwrap();
        assert_eq!(meet.answers, [None]);
        assert_eq!(data.open_answers.len(), 1);
        assert_eq!(data.open_answers[0].text, "Godt samarbeid med NAV");

        // The engine can build the analysed network from it.
        let g = samspill_engine::build::build(n, &samspill_engine::build::BuildOptions::survey());
        assert!(g.is_ok(), "{db}: {:?}", g.err());

        // Stable ids across rounds: a second import keeps ids.
        t.import_roster(&common::roster()).await.unwrap();
        let round2 = t
            .create_round(&NewRound::standard("Runde 2", "nb"))
            .await
            .unwrap();
        t.open_round(round2).await.unwrap();
        let n2 = t.round_network(round2).await.unwrap().network;
        let ids2: Vec<String> = n2.people.iter().map(|p| p.id.clone()).collect();
        assert_eq!(
            ids2,
            n.people.iter().map(|p| p.id.clone()).collect::<Vec<_>>(),
            "{db}: ids stable"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_the_round_expires_nothing_but_forged_and_expired_tokens_are_refused() {
    for (db, store) in common::backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("k", "K", "nb"))
            .await
            .unwrap();
        let t = store.tenant(tid);
        t.import_roster(&common::roster()).await.unwrap();
        let round = t
            .create_round(&NewRound::standard("R", "nb"))
            .await
            .unwrap();
        t.open_round(round).await.unwrap();
        let links = t.invitation_links(round).await.unwrap();
        for forged in [
            "",
            "x",
            "' OR 1=1 --",
            &"A".repeat(43),
            &links[0].token[..42],
            &"a".repeat(5000),
        ] {
            assert!(
                matches!(store.respondent(forged).await, Err(StoreError::BadToken)),
                "{db}: {forged:?}"
            );
        }
        store
            .set_invitation_expiry(tid, links[0].invitation.id, Some(now() - 1))
            .await
            .unwrap();
        assert!(
            matches!(
                store.respondent(&links[0].token).await,
                Err(StoreError::BadToken)
            ),
            "{db}: expired"
        );
        assert!(store.respondent(&links[1].token).await.is_ok());
        // Dates: a round whose last day has passed takes no answers.
        t.update_round(
            round,
            &RoundSettings {
                name: "R".into(),
                languages: vec!["nb".into()],
                lang: "nb".into(),
                opens_on: Some("2020-01-01".into()),
                closes_on: Some("2020-01-31".into()),
                second_relation: false,
                remind_on: None,
            },
        )
        .await
        .unwrap();
        let r = store.respondent(&links[1].token).await.unwrap();
        assert!(
            matches!(
                r.save_ratings(&[("coordination".into(), Some(3))]).await,
                Err(StoreError::NotOpen)
            ),
            "{db}"
        );
        assert!(r.answers().await.unwrap().ratings.is_empty());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_text_is_stored_verbatim_and_oversized_text_rejected() {
    for (db, store) in common::backends().await {
        let t = store.tenant(
            store
                .create_tenant(&NewTenant::municipality("k", "K", "nb"))
                .await
                .unwrap(),
        );
        t.import_roster(&common::roster()).await.unwrap();
        let round = t
            .create_round(&NewRound::standard("R", "nb"))
            .await
            .unwrap();
        t.open_round(round).await.unwrap();
        let links = t.invitation_links(round).await.unwrap();
        let r = store.respondent(&links[0].token).await.unwrap();
        let hostile = "<script>alert(1)</script>'); DROP TABLE persons; -- \"æøå\" ${x} {{ y }}";
        r.save_open(&[("challenges".into(), hostile.into())])
            .await
            .unwrap();
        assert_eq!(
            r.answers().await.unwrap().open,
            [("challenges".to_string(), hostile.to_string())],
            "{db}"
        );
        assert_eq!(t.persons().await.unwrap().len(), 5, "{db}: injection ran");
        let big = "x".repeat(MAX_OPEN_ANSWER + 1);
        assert!(matches!(
            r.save_open(&[("focus".into(), big)]).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            r.save_open(&[("focus".into(), "a\u{0}b".into())]).await,
            Err(StoreError::Invalid(_))
        ));
        assert_eq!(r.answers().await.unwrap().open.len(), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_respondents_at_once_lose_nothing_and_overwrite_nothing() {
    for (db, store) in common::backends().await {
        let t = store.tenant(
            store
                .create_tenant(&NewTenant::municipality("k", "K", "nb"))
                .await
                .unwrap(),
        );
        let people: Vec<NewPerson> = (0..200)
            .map(|i| {
                common::person(
                    &format!("Person {i}"),
                    &format!("p{i}@k.example"),
                    "U",
                    "Utbygging",
                )
            })
            .collect();
        t.import_roster(&people).await.unwrap();
        let round = t
            .create_round(&NewRound::standard("R", "nb"))
            .await
            .unwrap();
        t.open_round(round).await.unwrap();
        let links = t.invitation_links(round).await.unwrap();
        let ids: Vec<PersonId> = links.iter().map(|l| l.invitation.person).collect();
        let mut tasks = Vec::new();
        for (i, l) in links.iter().enumerate() {
            let store = store.clone();
            let token = l.token.clone();
            let ids = ids.clone();
            tasks.push(tokio::spawn(async move {
                let r = store.respondent(&token).await.unwrap();
                let a = ids[(i + 1) % 200];
                let b = ids[(i + 7) % 200];
                r.save_contacts("contact", &[a, b]).await.unwrap();
                r.save_frequencies("contact", &[(a, Frequency::Daily), (b, Frequency::Weekly)])
                    .await
                    .unwrap();
                r.save_ratings(&[("coordination".into(), Some((i % 6 + 1) as u8))])
                    .await
                    .unwrap();
                r.save_open(&[("strengths".into(), format!("svar {i}"))])
                    .await
                    .unwrap();
                r.submit().await.unwrap();
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        t.close_round(round).await.unwrap();
        let data = t.round_network(round).await.unwrap();
        assert_eq!(data.network.relations[0].ties.len(), 400, "{db}");
        assert!(data.network.people.iter().all(|p| p.responded));
        for (i, _) in links.iter().enumerate() {
            let mut mine: Vec<(usize, f64)> = data.network.relations[0]
                .ties
                .iter()
                .filter(|t| t.source == i)
                .map(|t| (t.target, t.value))
                .collect();
            mine.sort_by(|a, b| a.partial_cmp(b).unwrap());
            let mut want = vec![((i + 1) % 200, 3.0), ((i + 7) % 200, 2.0)];
            want.sort_by(|a, b| a.partial_cmp(b).unwrap());
            assert_eq!(mine, want, "{db}: respondent {i}");
        }
        let mut texts: Vec<String> = data.open_answers.iter().map(|o| o.text.clone()).collect();
        texts.sort();
        let mut want: Vec<String> = (0..200).map(|i| format!("svar {i}")).collect();
        want.sort();
        assert_eq!(texts, want, "{db}");
        assert_eq!(data.ratings[0].answers.len(), 200);
    }
}
