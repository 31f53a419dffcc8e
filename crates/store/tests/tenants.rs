//! Adversarial tenant isolation: tenant B's handle, given tenant A's ids,
//! must find nothing and change nothing, through every method.

mod common;

use samspill_engine::survey::ContactType;
use samspill_store::*;

fn assert_not_found<T: std::fmt::Debug>(what: &str, r: Result<T, StoreError>) {
    match r {
        Err(StoreError::NotFound) => {}
        other => panic!("{what}: expected NotFound, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_tenants_rows_are_invisible_and_untouchable_through_every_method() {
    for (db, store) in common::backends().await {
        eprintln!("backend {db}");
        let a_id = store
            .create_tenant(&NewTenant::municipality("a-kommune", "A kommune", "nb"))
            .await
            .unwrap();
        let b_id = store
            .create_tenant(&NewTenant::municipality("b-kommune", "B kommune", "nn"))
            .await
            .unwrap();
        let a = store.tenant(a_id);
        let b = store.tenant(b_id);
        a.import_roster(&common::roster()).await.unwrap();
        a.add_function("A-eget tiltak").await.unwrap();
        b.import_roster(&[common::person(
            "Bjørn B",
            "bjorn@b.example",
            "NAV",
            "Utbygging",
        )])
        .await
        .unwrap();
        let a_person = a.persons().await.unwrap()[0].id;
        let b_person = b.persons().await.unwrap()[0].id;
        let a_round = a
            .create_round(&NewRound::standard("A runde", "nb"))
            .await
            .unwrap();
        let b_round = b
            .create_round(&NewRound::standard("B runde", "nn"))
            .await
            .unwrap();
        a.open_round(a_round).await.unwrap();
        b.open_round(b_round).await.unwrap();
        let a_links = a.invitation_links(a_round).await.unwrap();
        let a_inv = a_links[0].invitation.id;
        let resp = store.respondent(&a_links[0].token).await.unwrap();
        let other = a_links[1].invitation.person;
        resp.save_contacts("contact", &[other]).await.unwrap();
        let a_body = a.round(a_round).await.unwrap().bodies[0].id;
        let b_body = b.round(b_round).await.unwrap().bodies[0].id;
        let before_network = a.round_network(a_round).await.unwrap();
        let before_persons = a.persons().await.unwrap().len();

        // Reads: nothing of A is visible to B.
        assert!(
            b.persons()
                .await
                .unwrap()
                .iter()
                .all(|p| p.email.ends_with("@b.example")),
            "{db}: persons leak"
        );
        assert!(
            !b.functions()
                .await
                .unwrap()
                .iter()
                .any(|f| f.name == "A-eget tiltak"),
            "{db}: functions leak"
        );
        assert!(
            b.rounds().await.unwrap().iter().all(|r| r.id == b_round),
            "{db}: rounds leak"
        );
        assert!(
            b.persons_per_function()
                .await
                .unwrap()
                .iter()
                .map(|x| x.1)
                .sum::<usize>()
                == 1,
            "{db}: counts leak"
        );
        let b_actions: Vec<String> = b
            .audit_log(&samspill_store::AuditFilter::default())
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            b_actions,
            [
                "round.open",
                "round.create",
                "roster.import",
                "tenant.create"
            ],
            "{db}: audit leak"
        );
        assert_not_found("person", b.person(a_person).await);
        assert_not_found("round", b.round(a_round).await);
        assert_not_found("invitations", b.invitations(a_round).await);
        assert_not_found("invitation_links", b.invitation_links(a_round).await);
        assert_not_found("response_stats", b.response_stats(a_round).await);
        assert_not_found("round_network", b.round_network(a_round).await);

        // Writes: all rejected, nothing of A changes.
        let p = common::person("Hijack", "kari@kommune.example", "X", "Utbygging");
        assert_not_found("update_person", b.update_person(a_person, &p).await);
        assert_not_found(
            "set_person_active",
            b.set_person_active(a_person, false).await,
        );
        let settings = RoundSettings {
            name: "hijacked".into(),
            languages: vec!["nb".into()],
            lang: "nb".into(),
            opens_on: None,
            closes_on: None,
            second_relation: false,
            remind_on: None,
        };
        assert_not_found("update_round", b.update_round(a_round, &settings).await);
        assert_not_found("set_bodies", b.set_bodies(a_round, &["x".into()]).await);
        assert_not_found(
            "set_round_text",
            b.set_round_text(a_round, "nb", "contacts", "x").await,
        );
        assert_not_found("open_round", b.open_round(a_round).await);
        assert_not_found("close_round", b.close_round(a_round).await);
        assert_not_found(
            "queue_mail",
            b.queue_mail(a_round, MailKind::Invitation).await,
        );
        assert_not_found(
            "set_invitation_expiry",
            store.set_invitation_expiry(b_id, a_inv, Some(1)).await,
        );

        // A respondent of A cannot name B's people or answer about B's bodies.
        assert!(
            matches!(
                resp.save_contacts("contact", &[b_person]).await,
                Err(StoreError::Invalid(_))
            ),
            "{db}"
        );
        assert!(
            matches!(
                resp.save_political(&[(b_body, ContactType::GivesInformation)])
                    .await,
                Err(StoreError::Invalid(_))
            ),
            "{db}"
        );
        resp.save_political(&[(a_body, ContactType::GivesInformation)])
            .await
            .unwrap();

        // A is intact.
        let ar = a.round(a_round).await.unwrap();
        assert_eq!(ar.name, "A runde");
        assert_eq!(ar.status, RoundStatus::Open);
        assert_eq!(ar.bodies.len(), 3);
        assert!(ar.texts.is_empty());
        assert_eq!(a.persons().await.unwrap().len(), before_persons);
        assert!(
            a.persons()
                .await
                .unwrap()
                .iter()
                .all(|p| p.active && p.name != "Hijack")
        );
        assert_eq!(
            a.round_network(a_round).await.unwrap().network,
            before_network.network
        );
        assert!(
            store.respondent(&a_links[0].token).await.is_ok(),
            "{db}: expiry changed by B"
        );
        assert_eq!(resp.answers().await.unwrap().contacts.len(), 1);
        store.close().await;
    }
}
