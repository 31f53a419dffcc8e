//! A closed round's results through the coordinator's pages, on both
//! databases: the results page (refused until closed), rules, report
//! downloads (pseudonymised unless the named version is asked for), every
//! export read back, the open-answer review, «Ny runde fra denne» and the
//! comparison, the built-in outbox; and the operator's pages.

mod common;

use axum::http::{StatusCode, header};
use common::*;
use samspill_formats::{Format, ReadOptions};
use samspill_store::{Actor, AuditFilter, MailKind, Role, RoundId};

/// A store with one generated municipality (Brattvik: two closed rounds
/// and an open one), its coordinator logged in.
async fn seeded(
    url: &str,
    mail: samspill_web::MailTransport,
) -> (Env, samspill_seed::Seeded, String, String) {
    let mut e = env(url, None).await;
    let mut config = e.state.config().clone();
    config.mail = mail;
    e.state = samspill_web::AppState::new(e.store.clone(), config).unwrap();
    let sc = seeded_coordinator_with(
        &e,
        &samspill_synth::demo_programme()[0],
        samspill_seed::Extras {
            second_round: true,
            open_round: true,
        },
    )
    .await;
    (e, sc.seed, sc.cookie, sc.csrf)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_pages_downloads_and_exports_of_a_closed_round() {
    for (db, url) in database_urls() {
        let (e, s, cookie, csrf) = seeded(&url, samspill_web::MailTransport::None).await;
        let c = Some(cookie.as_str());
        let round = s.closed_round;
        let base = format!("/coord/rounds/{round}");
        // An open round has no results yet, and says why.
        let (open, _) = s.open_round.clone().unwrap();
        let r = get(&e.state, &format!("/coord/rounds/{open}/results"), c).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}");
        assert!(
            r.body.contains("først når runden er avslutta"),
            "{db}: {}",
            r.body
        );
        let r = get(
            &e.state,
            &format!("/coord/rounds/{open}/report/report.pdf"),
            c,
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}");
        let r = get(
            &e.state,
            &format!("/coord/rounds/{open}/export/network.graphml"),
            c,
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}");
        // The round page leads to the results.
        let page = get(&e.state, &base, c).await;
        assert!(
            page.body.contains(&format!("href=\"{base}/results\"")),
            "{db}"
        );
        // The results page: the report's summary, pictures, numbers, rules.
        let r = get(&e.state, &format!("{base}/results"), c).await;
        assert_eq!(r.status, StatusCode::OK, "{db}: {}", r.body);
        assert!(r.body.contains("<svg"), "{db}: pictures");
        assert!(r.body.contains("class=\"findings\""), "{db}: the summary");
        assert!(
            r.body.contains("name=\"combine\" value=\"either\" checked"),
            "{db}"
        );
        assert!(!r.body.contains("Demo koordinator"), "{db}");
        // Another rule: another view, not yet saved; a bad rule is refused.
        let r = get(
            &e.state,
            &format!("{base}/results?combine=both&view=daily&reconstruct=no"),
            c,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{db}");
        assert!(
            r.body.contains("name=\"combine\" value=\"both\" checked"),
            "{db}"
        );
        assert!(r.body.contains("Lagre som reglane til runden"), "{db}");
        let r = get(&e.state, &format!("{base}/results?combine=max"), c).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{db}");
        assert!(r.body.contains("Ukjend analyseregel"), "{db}");
        let r = post(
            &e.state,
            &format!("{base}/rules"),
            c,
            &[
                ("csrf", &csrf),
                ("combine", "both"),
                ("view", "daily"),
                ("reconstruct", "no"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}");
        let r = get(&e.state, &format!("{base}/results"), c).await;
        assert!(
            r.body.contains("name=\"combine\" value=\"both\" checked"),
            "{db}: saved"
        );
        post(
            &e.state,
            &format!("{base}/rules"),
            c,
            &[
                ("csrf", &csrf),
                ("combine", "either"),
                ("view", "weekly"),
                ("reconstruct", "yes"),
            ],
        )
        .await;
        // Downloads: PDF, HTML, facts; pseudonymised unless named.
        let r = get(&e.state, &format!("{base}/report/report.pdf"), c).await;
        assert_eq!(r.status, StatusCode::OK, "{db}");
        assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
        assert!(r.body.starts_with("%PDF"), "{db}");
        let html = get(&e.state, &format!("{base}/report/report.html?lang=en"), c).await;
        assert!(
            html.body.contains("<html lang=\"en\""),
            "{db}: the chosen language"
        );
        let net = e
            .store
            .tenant(e.store.tenant_by_slug(&s.slug).await.unwrap())
            .round_network(round)
            .await
            .unwrap();
        let names: Vec<&str> = net
            .network
            .people
            .iter()
            .map(|p| p.label.as_str())
            .collect();
        for n in &names {
            assert!(
                !html.body.contains(n),
                "{db}: the name {n} is in the pseudonymised report"
            );
        }
        let named = get(&e.state, &format!("{base}/report/report.html?named=1"), c).await;
        assert!(
            names.iter().any(|n| named.body.contains(n)),
            "{db}: the named version has names"
        );
        let facts = get(&e.state, &format!("{base}/report/facts.json"), c).await;
        let v: serde_json::Value = serde_json::from_str(&facts.body).unwrap();
        assert!(!v["summary"].as_array().unwrap().is_empty(), "{db}");
        assert_eq!(v["show_names"], false, "{db}");
        // Exports: every format reads back with the round's people and ties.
        for (file, format) in [
            ("network.graphml", Format::GraphMl),
            ("network.gexf", Format::Gexf),
            ("network.net", Format::Pajek),
            ("network.csv", Format::Csv),
            ("network.xlsx", Format::Xlsx),
            ("network.json", Format::Json),
            ("network.dl", Format::Dl),
        ] {
            let r = get(&e.state, &format!("{base}/export/{file}"), c).await;
            assert_eq!(r.status, StatusCode::OK, "{db}: {file}");
            let bytes = r.bytes();
            for n in &names {
                assert!(
                    !String::from_utf8_lossy(&bytes).contains(n),
                    "{db}: {file} holds the name {n}"
                );
            }
            let doc = samspill_formats::read_bytes(&bytes, format, file, &ReadOptions::default())
                .unwrap_or_else(|err| panic!("{db}: {file}: {err}"));
            let got = &doc.networks[0];
            assert_eq!(got.people.len(), net.network.people.len(), "{db}: {file}");
            assert_eq!(
                got.relations[0].ties.len(),
                net.network.relations[0].ties.len(),
                "{db}: {file}"
            );
            let values = |ties: &[samspill_engine::model::Tie]| {
                let mut v: Vec<f64> = ties.iter().map(|t| t.value).collect();
                v.sort_by(f64::total_cmp);
                v
            };
            let shift = if format == Format::Dl { 1.0 } else { 0.0 };
            assert_eq!(
                values(&got.relations[0].ties),
                values(&net.network.relations[0].ties)
                    .into_iter()
                    .map(|v| v + shift)
                    .collect::<Vec<_>>(),
                "{db}: {file}: the frequencies"
            );
        }
        // The analysis JSON is the engine's on the exported network.
        let r = get(&e.state, &format!("{base}/export/analysis.json"), c).await;
        let a: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(a["graph"]["nodes"], net.network.people.len(), "{db}");
        let xlsx = get(&e.state, &format!("{base}/export/answers.xlsx"), c).await;
        assert!(xlsx.bytes().starts_with(b"PK"), "{db}");
        let r = get(&e.state, &format!("{base}/export/secrets.txt"), c).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{db}");
        // Reads of personal data are in the audit log, by user.
        let tenant = e
            .store
            .tenant(e.store.tenant_by_slug(&s.slug).await.unwrap());
        let log = tenant.audit_log(&AuditFilter::default()).await.unwrap();
        for action in [
            "read.results",
            "read.report",
            "read.report.named",
            "read.export",
            "round.rules",
        ] {
            assert!(
                log.iter().any(|l| l.action == action && l.actor == s.login),
                "{db}: {action} by {}",
                s.login
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_answers_are_reviewed_before_they_are_quoted() {
    let url = samspill_store::testing::sqlite_url().1;
    let (e, s, cookie, csrf) = seeded(&url, samspill_web::MailTransport::None).await;
    let c = Some(cookie.as_str());
    let tid = e.store.tenant_by_slug(&s.slug).await.unwrap();
    let tenant = e.store.tenant(tid).acting_as(Actor::system("test"));
    let round = s.closed_round;
    let answers = tenant.open_answers(round).await.unwrap();
    // Generated answers repeat; take two whose texts no one else wrote.
    let unique: Vec<&samspill_store::OpenAnswerRow> = answers
        .iter()
        .filter(|x| answers.iter().filter(|y| y.text == x.text).count() == 1)
        .collect();
    assert!(unique.len() >= 2, "{answers:?}");
    let a = unique[0];
    let id = format!("{}-{}", a.invitation, a.question);
    let page = get(&e.state, &format!("/coord/rounds/{round}/answers"), c).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&format!("id=\"a-{id}\"")),
        "{}",
        page.body
    );
    // The coordinator takes a name out and withholds another answer.
    let redacted = "Samarbeidet med [navn fjernet] fungerer.";
    let r = post(
        &e.state,
        &format!("/coord/rounds/{round}/answers"),
        c,
        &[
            ("csrf", &csrf),
            ("answer", &id),
            ("text", redacted),
            ("theme", "cooperation"),
            ("quote", "1"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let b = unique[1];
    let r = post(
        &e.state,
        &format!("/coord/rounds/{round}/answers"),
        c,
        &[
            ("csrf", &csrf),
            ("answer", &format!("{}-{}", b.invitation, b.question)),
            ("text", &b.text),
            ("theme", "other"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Hostile input: a bidi override in the theme, an unknown answer.
    let r = post(
        &e.state,
        &format!("/coord/rounds/{round}/answers"),
        c,
        &[
            ("csrf", &csrf),
            ("answer", &id),
            ("text", "x"),
            ("theme", "a\u{202E}b"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post(
        &e.state,
        &format!("/coord/rounds/{round}/answers"),
        c,
        &[
            ("csrf", &csrf),
            ("answer", "999999-strengths"),
            ("text", "x"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let rows = tenant.open_answers(round).await.unwrap();
    let reviewed = rows
        .iter()
        .find(|r| r.invitation == a.invitation && r.question == a.question)
        .unwrap();
    assert_eq!(reviewed.review.as_ref().unwrap().text, redacted);
    assert_eq!(reviewed.review.as_ref().unwrap().by, s.login);
    assert_eq!(reviewed.text, a.text, "the answer itself is never changed");
    let withheld = rows
        .iter()
        .find(|r| r.invitation == b.invitation && r.question == b.question)
        .unwrap();
    assert!(!withheld.review.as_ref().unwrap().quote);
    // The report quotes the redacted text, never the original or the withheld one.
    let html = get(
        &e.state,
        &format!("/coord/rounds/{round}/report/report.html"),
        c,
    )
    .await;
    assert!(html.body.contains("[navn fjernet]"), "redacted text quoted");
    if a.text != redacted {
        assert!(!html.body.contains(&a.text), "the original is not quoted");
    }
    assert!(
        !html.body.contains(&b.text),
        "the withheld answer is not quoted"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_round_from_a_closed_one_and_the_comparison_of_the_two() {
    let url = samspill_store::testing::sqlite_url().1;
    let (e, s, cookie, csrf) = seeded(&url, samspill_web::MailTransport::None).await;
    let c = Some(cookie.as_str());
    // The seeded second round was made with copy_round: compare them.
    let r = get(
        &e.state,
        &format!("/coord/rounds/{}/results", s.closed_round),
        c,
    )
    .await;
    assert!(
        r.body.contains(&format!("/compare/{}", s.first_round)),
        "{}",
        r.body
    );
    let r = get(
        &e.state,
        &format!("/coord/rounds/{}/compare/{}", s.closed_round, s.first_round),
        c,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("<svg"));
    let pdf = get(
        &e.state,
        &format!(
            "/coord/rounds/{}/compare/{}?format=pdf",
            s.closed_round, s.first_round
        ),
        c,
    )
    .await;
    assert!(pdf.body.starts_with("%PDF"));
    // «Ny runde fra denne» through the page: settings, wording, bodies copied.
    let r = post(
        &e.state,
        &format!("/coord/rounds/{}/copy", s.closed_round),
        c,
        &[("csrf", &csrf), ("name", "Runde 4")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let to = r.location();
    let page = get(&e.state, &to, c).await;
    assert!(page.body.contains("Runde 4"));
    assert!(
        page.body.contains("Den nye runden er laga"),
        "{}",
        page.body
    );
    let tid = e.store.tenant_by_slug(&s.slug).await.unwrap();
    let t = e.store.tenant(tid);
    let rounds = t.rounds().await.unwrap();
    let new = rounds.iter().find(|r| r.name == "Runde 4").unwrap();
    let old = t.round(s.closed_round).await.unwrap();
    assert_eq!(new.copied_from, Some(s.closed_round));
    assert_eq!(
        new.bodies.iter().map(|b| &b.name).collect::<Vec<_>>(),
        old.bodies.iter().map(|b| &b.name).collect::<Vec<_>>()
    );
    assert_eq!(new.languages, old.languages);
    // Comparing with a round that is not closed is refused.
    let r = get(
        &e.state,
        &format!("/coord/rounds/{}/compare/{}", s.closed_round, new.id),
        c,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let _ = RoundId::from_raw(0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_built_in_outbox_shows_each_message_as_it_would_arrive() {
    let url = samspill_store::testing::sqlite_url().1;
    let (e, s, cookie, _) = seeded(&url, samspill_web::MailTransport::Outbox).await;
    let c = Some(cookie.as_str());
    let (sent, failed) = samspill_web::run_mail_once(&e.state).await;
    assert!(sent > 0 && failed == 0, "{sent} {failed}");
    let (open, _) = s.open_round.clone().unwrap();
    let tid = e.store.tenant_by_slug(&s.slug).await.unwrap();
    let links = e.store.tenant(tid).invitation_links(open).await.unwrap();
    let page = get(&e.state, "/coord/outbox", c).await;
    assert_eq!(page.status, StatusCode::OK);
    for l in &links {
        assert!(
            page.body.contains(&l.token),
            "the personal link is in the message"
        );
    }
    assert!(page.body.contains(&format!("@{}.kommune.example", s.slug)));
    // Sent once: a second pass sends nothing, the round shows them sent.
    assert_eq!(samspill_web::run_mail_once(&e.state).await, (0, 0));
    let inv = e.store.tenant(tid).invitations(open).await.unwrap();
    assert!(inv.iter().all(|i| i.mail_status.as_deref() == Some("sent")));
    // Another tenant's coordinator sees none of it.
    let t2 = e
        .store
        .create_tenant(&samspill_store::NewTenant::municipality(
            "annen", "Annen", "nb",
        ))
        .await
        .unwrap();
    e.store
        .create_user(
            Some(t2),
            "k@annen.example",
            "K",
            Role::Coordinator,
            PASSWORD,
        )
        .await
        .unwrap();
    let r = post(
        &e.state,
        "/login",
        None,
        &[("email", "k@annen.example"), ("password", PASSWORD)],
    )
    .await;
    let other = r.cookie().unwrap();
    let page = get(&e.state, "/coord/outbox", Some(&other)).await;
    assert!(!links.iter().any(|l| page.body.contains(&l.token)));
    let _ = MailKind::Invitation;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_creates_municipalities_and_users_and_sees_no_survey_data() {
    for (db, url) in database_urls() {
        let mut e = env(&url, None).await;
        let mut config = e.state.config().clone();
        config.mail = samspill_web::MailTransport::Outbox;
        e.state = samspill_web::AppState::new(e.store.clone(), config).unwrap();
        e.store
            .create_user(
                None,
                "drift@samspill.example",
                "Drift",
                Role::Operator,
                PASSWORD,
            )
            .await
            .unwrap();
        // An operator sets up an authenticator at the first login.
        let (op, _) = login_enrolling_totp(&e.state, "drift@samspill.example", PASSWORD).await;
        let o = Some(op.as_str());
        let page = get(&e.state, "/operator", o).await;
        assert_eq!(page.status, StatusCode::OK, "{db}");
        let csrf = page.csrf();
        let r = post_follow(
            &e.state,
            "/operator/tenants",
            o,
            &[
                ("csrf", &csrf),
                ("slug", "hitra"),
                ("name", "Hitra kommune"),
                ("kind", "municipality"),
                ("lang", "nn"),
                ("mail_from", ""),
            ],
        )
        .await;
        assert!(r.body.contains("Kommunen er opprettet"), "{db}: {}", r.body);
        assert!(r.body.contains("Hitra kommune"), "{db}");
        // Mistakes are shown beside the form; nothing is created.
        for (slug, name) in [("hitra", "Igjen"), ("Hi Tra", "X"), ("ok", "Linje\nskift")] {
            let r = post(
                &e.state,
                "/operator/tenants",
                o,
                &[
                    ("csrf", &csrf),
                    ("slug", slug),
                    ("name", name),
                    ("kind", "municipality"),
                    ("lang", "nb"),
                    ("mail_from", ""),
                ],
            )
            .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {slug}");
        }
        assert_eq!(e.store.tenants().await.unwrap().len(), 2, "{db}");
        // A coordinator is invited by e-mail; the operator never sees a
        // password or the link.
        let r = post(
            &e.state,
            "/operator/users",
            o,
            &[
                ("csrf", &csrf),
                ("email", "Ane@Hitra.example"),
                ("name", "Ane"),
                ("role", "coordinator"),
                ("tenant", "hitra"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let page = get(&e.state, &r.location(), o).await;
        assert!(!page.body.contains("/account/link/"), "{db}");
        let link = account_link_in_mail(&e.state, "ane@hitra.example").await;
        let page = get(&e.state, &link, None).await;
        assert_eq!(page.status, StatusCode::OK, "{db}: {}", page.body);
        assert!(page.body.contains("ane@hitra.example"), "{db}");
        // Two different passwords: refused, the link still works.
        let r = post(
            &e.state,
            &link,
            None,
            &[
                ("password", "et-passord-for-ane"),
                ("password2", "et-annet-passord"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let pw = "et-passord-for-ane".to_string();
        let r = post(
            &e.state,
            &link,
            None,
            &[("password", &pw), ("password2", &pw)],
        )
        .await;
        assert_eq!(r.location(), "/coord", "{db}: the coordinator logs in");
        // The link is spent.
        let again = get(&e.state, &link, None).await;
        assert!(again.status.is_client_error(), "{db}: {}", again.status);
        let coord = r.cookie().unwrap();
        // Roles: neither sees the other's pages.
        assert_eq!(
            get(&e.state, "/operator", Some(&coord)).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        assert_eq!(
            get(&e.state, "/coord", o).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        assert_eq!(
            get(&e.state, "/coord/roster", o).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        // Rename, deactivate: the coordinator is logged out and cannot log in.
        let r = post_follow(
            &e.state,
            "/operator/tenants/hitra",
            o,
            &[("csrf", &csrf), ("action", "rename"), ("name", "Hitra")],
        )
        .await;
        assert!(r.body.contains("Navnet er endret"), "{db}");
        post_follow(
            &e.state,
            "/operator/tenants/hitra",
            o,
            &[("csrf", &csrf), ("action", "deactivate")],
        )
        .await;
        assert_eq!(
            get(&e.state, "/coord", Some(&coord)).await.status,
            StatusCode::SEE_OTHER,
            "{db}"
        );
        let r = post(
            &e.state,
            "/login",
            None,
            &[("email", "ane@hitra.example"), ("password", &pw)],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{db}");
        post_follow(
            &e.state,
            "/operator/tenants/hitra",
            o,
            &[("csrf", &csrf), ("action", "activate")],
        )
        .await;
        // Reset a password: the old one stops working.
        let users = e.store.users(None).await.unwrap();
        let ane = users
            .iter()
            .find(|u| u.email == "ane@hitra.example")
            .unwrap();
        let r = post(
            &e.state,
            &format!("/operator/users/{}", ane.id),
            o,
            &[("csrf", &csrf), ("action", "reset")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let r = post(
            &e.state,
            "/login",
            None,
            &[("email", "ane@hitra.example"), ("password", &pw)],
        )
        .await;
        let coord = r.cookie().expect("the old password works until the reset");
        let link2 = account_link_in_mail(&e.state, "ane@hitra.example").await;
        assert_ne!(link, link2);
        let pw2 = "et-nytt-passord-for-ane".to_string();
        let r = post(
            &e.state,
            &link2,
            None,
            &[("password", &pw2), ("password2", &pw2)],
        )
        .await;
        assert_eq!(r.location(), "/coord", "{db}");
        // The reset ended the other sessions; the old password stops working.
        assert_eq!(
            get(&e.state, "/coord", Some(&coord)).await.status,
            StatusCode::SEE_OTHER,
            "{db}"
        );
        let r = post(
            &e.state,
            "/login",
            None,
            &[("email", "ane@hitra.example"), ("password", &pw)],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{db}");
        // The operator cannot deactivate themself; forged posts are refused.
        let me = users
            .iter()
            .find(|u| u.email == "drift@samspill.example")
            .unwrap();
        let r = post(
            &e.state,
            &format!("/operator/users/{}", me.id),
            o,
            &[("csrf", &csrf), ("action", "deactivate")],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let r = post(
            &e.state,
            "/operator/tenants",
            o,
            &[
                ("csrf", "forged"),
                ("slug", "x"),
                ("name", "X"),
                ("lang", "nb"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        let r = post(
            &e.state,
            "/operator/users/abc",
            o,
            &[("csrf", &csrf), ("action", "reset")],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{db}");
        assert!(
            !r.body.contains("Cannot parse"),
            "{db}: a translated page: {}",
            r.body
        );
        // Every action is audited under the operator.
        let log = e.store.audit_log(&AuditFilter::default()).await.unwrap();
        for action in [
            "tenant.create",
            "user.invite",
            "tenant.rename",
            "tenant.deactivate",
            "user.password.reset.send",
        ] {
            assert!(
                log.iter()
                    .any(|l| l.action == action && l.actor == "drift@samspill.example"),
                "{db}: {action}"
            );
        }
    }
}
