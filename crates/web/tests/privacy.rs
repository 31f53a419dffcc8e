//! The data subject's rights through the coordinator's pages (issue 16),
//! on both databases: one person's page and export (XLSX + JSON), then
//! erasure — refused without the confirmation, then done — after which no
//! page, report (pseudonymised or named, HTML or facts) or export of the
//! round holds the person, the report's method chapter says what was
//! removed, every tie between other people is unchanged, and the audit log
//! names the person by id only.

mod common;

use axum::http::StatusCode;
use common::*;
use samspill_store::AuditFilter;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasure_through_the_pages_regenerates_the_reports_with_a_method_note() {
    for (db, url) in database_urls() {
        let e = env(&url, None).await;
        let sc = seeded_coordinator(&e).await;
        let (s, tenant, c, csrf) = (&sc.seed, &sc.tenant, sc.c(), sc.csrf.clone());
        let round = s.closed_round;
        let base = format!("/coord/rounds/{round}");

        // Someone who answered and whom others reported.
        let before = tenant.round_network(round).await.unwrap().network;
        let reported_by_others = |id: &str| {
            before.relations[0]
                .ties
                .iter()
                .filter(|t| before.people[t.target].id == id && before.people[t.source].id != id)
                .count()
        };
        let who = before
            .people
            .iter()
            .filter(|p| p.responded)
            .max_by_key(|p| reported_by_others(&p.id))
            .unwrap()
            .clone();
        assert!(reported_by_others(&who.id) > 0, "{db}");
        let person = tenant
            .persons()
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.id.to_string() == who.id)
            .unwrap();
        let pid = who.id.clone();
        let ties_of_others = |n: &samspill_engine::model::Network| {
            let mut v: Vec<(String, String, String)> = n.relations[0]
                .ties
                .iter()
                .filter(|t| n.people[t.source].id != pid && n.people[t.target].id != pid)
                .map(|t| {
                    (
                        n.people[t.source].id.clone(),
                        n.people[t.target].id.clone(),
                        format!("{:?}", t.value),
                    )
                })
                .collect();
            v.sort();
            v
        };
        let others_before = ties_of_others(&before);

        // Their page and export hold what samspill has about them.
        let page = get(&e.state, &format!("/coord/privacy/persons/{pid}"), c).await;
        assert_eq!(page.status, StatusCode::OK, "{db}: {}", page.body);
        assert!(page.body.contains(&person.name), "{db}");
        let json = get(
            &e.state,
            &format!("/coord/privacy/persons/{pid}/export/data.json"),
            c,
        )
        .await;
        assert_eq!(json.status, StatusCode::OK, "{db}");
        let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
        assert!(json.body.contains(&person.email), "{db}");
        let rounds = v["data"]["rounds"]
            .as_array()
            .expect("rounds in the export");
        assert!(
            rounds
                .iter()
                .any(|r| !r["contacts"].as_array().unwrap().is_empty()),
            "{db}: their own answers: {v}"
        );
        assert!(
            rounds
                .iter()
                .any(|r| !r["reported_by_others"].as_array().unwrap().is_empty()),
            "{db}: what others reported: {v}"
        );
        let xlsx = get(
            &e.state,
            &format!("/coord/privacy/persons/{pid}/export/data.xlsx"),
            c,
        )
        .await;
        assert!(xlsx.bytes().starts_with(b"PK"), "{db}");
        let named = get(&e.state, &format!("{base}/report/report.html?named=1"), c).await;
        assert!(named.body.contains(&person.name), "{db}: named before");
        let t = samspill_i18n::Texts::new(samspill_i18n::Lang::Nb);
        let note_marker = "personvernforordningen artikkel 17";
        assert!(!named.body.contains(note_marker), "{db}");

        // Without the confirmation nothing happens.
        let r = post(
            &e.state,
            &format!("/coord/privacy/persons/{pid}/erase"),
            c,
            &[("csrf", &csrf)],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        assert!(
            r.body.contains(&t.get("privacy-erase-confirm-missing")),
            "{db}"
        );
        assert_eq!(
            tenant
                .round_network(round)
                .await
                .unwrap()
                .network
                .people
                .len(),
            before.people.len()
        );
        // Erased.
        let r = post(
            &e.state,
            &format!("/coord/privacy/persons/{pid}/erase"),
            c,
            &[("csrf", &csrf), ("confirm", "1")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let page = get(&e.state, &r.location(), c).await;
        assert!(page.body.contains(&t.get("privacy-done-erased")), "{db}");
        let r = get(&e.state, &format!("/coord/privacy/persons/{pid}"), c).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{db}");
        let r = get(&e.state, &format!("/coord/roster/{pid}"), c).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{db}");

        // The round without them; everyone else's ties as they were.
        let after = tenant.round_network(round).await.unwrap().network;
        assert_eq!(after.people.len(), before.people.len() - 1, "{db}");
        assert!(!after.people.iter().any(|p| p.id == pid), "{db}");
        assert_eq!(ties_of_others(&after), others_before, "{db}");

        // Reports are made again: no trace, and the method note.
        let named = get(&e.state, &format!("{base}/report/report.html?named=1"), c).await;
        assert_eq!(named.status, StatusCode::OK, "{db}");
        let plain = get(&e.state, &format!("{base}/report/report.html"), c).await;
        let facts = get(&e.state, &format!("{base}/report/facts.json"), c).await;
        let results = get(&e.state, &format!("{base}/results"), c).await;
        for (what, body) in [
            ("named report", &named.body),
            ("report", &plain.body),
            ("facts", &facts.body),
            ("results page", &results.body),
        ] {
            assert!(!body.contains(&person.name), "{db}: {what} names them");
            assert!(!body.contains(&person.email), "{db}: {what}");
        }
        for (what, body) in [("named report", &named.body), ("report", &plain.body)] {
            assert!(
                body.contains(note_marker),
                "{db}: {what} has no method note"
            );
        }
        for file in [
            "network.graphml",
            "network.gexf",
            "network.net",
            "network.csv",
            "network.json",
            "analysis.json",
        ] {
            let r = get(&e.state, &format!("{base}/export/{file}"), c).await;
            assert_eq!(r.status, StatusCode::OK, "{db}: {file}");
            let text = String::from_utf8_lossy(&r.bytes()).into_owned();
            assert!(!text.contains(&person.name), "{db}: {file}");
            assert!(!text.contains(&person.email), "{db}: {file}");
        }
        let doc = samspill_formats::read_bytes(
            &get(&e.state, &format!("{base}/export/network.json"), c)
                .await
                .bytes(),
            samspill_formats::Format::Json,
            "network.json",
            &samspill_formats::ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(doc.networks[0].people.len(), after.people.len(), "{db}");
        assert_eq!(
            doc.networks[0].relations[0].ties.len(),
            after.relations[0].ties.len(),
            "{db}"
        );

        // The audit log: by id, never by name.
        let log = tenant.audit_log(&AuditFilter::default()).await.unwrap();
        let row = log
            .iter()
            .find(|l| l.action == "person.erase")
            .expect("the erasure is logged");
        assert!(
            row.detail.contains(&format!("person {pid}")),
            "{db}: {}",
            row.detail
        );
        assert_eq!(row.actor, s.login, "{db}");
        for l in &log {
            assert!(!l.detail.contains(&person.name), "{db}: {l:?}");
            assert!(!l.detail.contains(&person.email), "{db}: {l:?}");
        }
        let audit = get(&e.state, "/coord/audit", c).await;
        assert!(audit.body.contains("person.erase"), "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rectification_art14_notices_and_the_audit_log_export() {
    for (db, url) in database_urls() {
        let mut e = env(&url, None).await;
        let mut config = e.state.config().clone();
        config.mail = samspill_web::MailTransport::Outbox;
        e.state = samspill_web::AppState::new(e.store.clone(), config).unwrap();
        let sc = seeded_coordinator(&e).await;
        let (s, tenant, c, csrf) = (&sc.seed, &sc.tenant, sc.c(), sc.csrf.clone());
        let round = s.closed_round;

        // Art. 14: people who did not answer but whom others reported.
        let net = tenant.round_network(round).await.unwrap().network;
        let silent: Vec<String> = net
            .people
            .iter()
            .enumerate()
            .filter(|(i, p)| !p.responded && net.relations[0].ties.iter().any(|t| t.target == *i))
            .map(|(_, p)| p.label.clone())
            .collect();
        assert!(
            !silent.is_empty(),
            "{db}: the seed has reported non-respondents"
        );
        let letters = get(
            &e.state,
            &format!("/coord/privacy/rounds/{round}/notices"),
            c,
        )
        .await;
        assert_eq!(letters.status, StatusCode::OK, "{db}: {}", letters.body);
        for name in &silent {
            assert!(
                letters.body.contains(name.as_str()),
                "{db}: a letter to {name}"
            );
        }
        // Whatever mail was queued before goes out first.
        samspill_web::run_mail_once(&e.state).await;
        let delivered = || async { tenant.delivered_mail(10_000).await.unwrap().len() };
        let before = delivered().await;
        let responded = net.people.iter().find(|p| p.responded).unwrap();
        assert!(
            !letters.body.contains(&format!(">{}</h2>", responded.label)),
            "{db}"
        );
        let r = post(
            &e.state,
            &format!("/coord/privacy/rounds/{round}"),
            c,
            &[("csrf", &csrf), ("action", "send")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        samspill_web::run_mail_once(&e.state).await;
        // Notices go out in the tenant's name (its outbox), one each.
        assert_eq!(
            delivered().await - before,
            silent.len(),
            "{db}: one notice each"
        );
        // Sent once: a second «send» queues nothing new.
        post(
            &e.state,
            &format!("/coord/privacy/rounds/{round}"),
            c,
            &[("csrf", &csrf), ("action", "send")],
        )
        .await;
        samspill_web::run_mail_once(&e.state).await;
        assert_eq!(delivered().await - before, silent.len(), "{db}: sent once");

        // Rectification, with what the closed round froze.
        let who = tenant.persons().await.unwrap()[0].clone();
        let id = who.id;
        let r = post(
            &e.state,
            &format!("/coord/privacy/persons/{id}/rectify"),
            c,
            &[
                ("csrf", &csrf),
                ("name", "Rettet Navnesen"),
                ("email", "ugyldig"),
                ("functions", who.functions[0].as_str()),
            ],
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{db}: a bad e-mail"
        );
        assert_eq!(
            tenant.person(id).await.unwrap().name,
            who.name,
            "{db}: nothing changed"
        );
        let r = post(
            &e.state,
            &format!("/coord/privacy/persons/{id}/rectify"),
            c,
            &[
                ("csrf", &csrf),
                ("name", "Rettet Navnesen"),
                ("email", &who.email),
                ("functions", who.functions[0].as_str()),
                ("closed_rounds", "1"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        assert_eq!(
            tenant.person(id).await.unwrap().name,
            "Rettet Navnesen",
            "{db}"
        );
        let named = get(
            &e.state,
            &format!("/coord/rounds/{round}/report/report.html?named=1"),
            c,
        )
        .await;
        assert!(
            named.body.contains("Rettet Navnesen"),
            "{db}: the report made again"
        );
        assert!(!named.body.contains(&who.name), "{db}");

        // The audit log, filtered and exported.
        let csv = get(&e.state, "/coord/audit?action=person.rectify&format=csv", c).await;
        assert_eq!(csv.status, StatusCode::OK, "{db}: {}", csv.body);
        let rows: Vec<&str> = csv.body.lines().skip(1).filter(|l| !l.is_empty()).collect();
        assert!(!rows.is_empty(), "{db}: {}", csv.body);
        assert!(
            rows.iter().all(|l| l.contains("person.rectify")),
            "{db}: {}",
            csv.body
        );
        assert!(
            rows.iter().all(|l| l.contains(&s.login)),
            "{db}: by the user"
        );
        let all = get(&e.state, "/coord/audit?format=csv", c).await;
        assert!(all.body.lines().count() > csv.body.lines().count(), "{db}");
        assert!(
            all.body.contains("read.notices") || all.body.contains("notices"),
            "{db}"
        );
        let bad = get(&e.state, "/coord/audit?from=i-går", c).await;
        assert!(bad.status.is_client_error(), "{db}: {}", bad.status);
    }
}

/// Retention as the coordinator and the scheduler meet it, on both
/// databases: an out-of-range time is refused through the form and changes
/// nothing; a rule set through the form shows each closed round's due date;
/// with the state's clock moved to within 30 days the scheduler's pass
/// warns (page and e-mail, once); past the date it reduces the round to its
/// pseudonymised network (no names left in the report, the method note
/// says so) and the audit log holds both actions under the retention job.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_through_the_pages_and_the_scheduler_with_the_clock_moved_forward() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, Ordering};
    let t = samspill_i18n::Texts::new(samspill_i18n::Lang::Nb);
    for (db, url) in database_urls() {
        let mut e = env(&url, None).await;
        let mut config = e.state.config().clone();
        config.mail = samspill_web::MailTransport::Outbox;
        e.state = samspill_web::AppState::new(e.store.clone(), config).unwrap();
        let now = Arc::new(AtomicI64::new(samspill_store::now()));
        let clock = now.clone();
        e.state
            .set_clock(Arc::new(move || clock.load(Ordering::SeqCst)));
        let s = seeded_coordinator(&e).await;
        let (c, csrf) = (s.c(), s.csrf.as_str());
        let round = s.seed.closed_round;
        let info = s.tenant.round(round).await.unwrap();
        let closed_at = info.closed_at.expect("the seed's round is closed");
        let person = s.tenant.persons().await.unwrap()[0].clone();

        // Out of range: refused with the field named, nothing stored.
        let r = post(
            &e.state,
            "/coord/privacy",
            c,
            &[
                ("csrf", csrf),
                ("retention_months", "0"),
                ("retention_mode", "reduce"),
            ],
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{db}: {}",
            r.body
        );
        assert!(r.body.contains("aria-invalid=\"true\""), "{db}");
        assert_eq!(
            s.tenant.privacy_settings().await.unwrap().retention_months,
            None,
            "{db}"
        );
        let record = get(&e.state, "/coord/privacy/record", c).await;
        assert!(
            record
                .body
                .contains(&t.get("privacy-doc-retention-missing")),
            "{db}: the record says no retention time is set"
        );

        // Twelve months, reduce.
        let page = post_follow(
            &e.state,
            "/coord/privacy",
            c,
            &[
                ("csrf", csrf),
                ("retention_months", "12"),
                ("retention_mode", "reduce"),
                ("dpo_name", "Petter Personvern"),
            ],
        )
        .await;
        let due = samspill_store::add_months(closed_at, 12);
        let due_day = t.date_or_text(&samspill_store::date_of(due));
        assert!(page.body.contains(&due_day), "{db}: due {due_day} shown");
        assert!(!page.body.contains(&t.get("privacy-soon")), "{db}");
        assert!(page.body.contains(&t.get("privacy-kept")), "{db}");
        // The generated documents follow the configuration.
        let reduce_text = t.format(
            "privacy-notice-retention-reduce",
            &[("months", samspill_i18n::Arg::Num(12.0))],
        );
        for doc in ["record", "dpia"] {
            let r = get(&e.state, &format!("/coord/privacy/{doc}"), c).await;
            assert_eq!(r.status, StatusCode::OK, "{db}: {doc}");
            assert!(r.body.contains(&reduce_text), "{db}: {doc} states the rule");
            assert!(r.body.contains("Petter Personvern"), "{db}: {doc} DPO");
            assert!(
                !r.body.contains(&t.get("privacy-doc-retention-missing")),
                "{db}: {doc}"
            );
        }
        let dpia = get(&e.state, "/coord/privacy/dpia?format=md", c).await;
        assert!(
            dpia.body
                .contains(&format!("## {}", t.get("privacy-dpia-risks"))),
            "{db}: the DPIA draft has its risks section"
        );
        assert!(
            !get(&e.state, "/coord/privacy/record?format=md", c)
                .await
                .body
                .contains(&t.get("privacy-dpia-risks")),
            "{db}: the record is not a DPIA"
        );

        // Before the warning window: the scheduler does nothing.
        now.store(due - 40 * 86_400, Ordering::SeqCst);
        assert!(e.state.run_jobs().await.contains(&"retention"), "{db}");
        samspill_web::run_mail_once(&e.state).await;
        let warnings = || async {
            s.tenant
                .delivered_mail(1000)
                .await
                .unwrap()
                .into_iter()
                .filter(|m| m.subject.contains(&info.name))
                .count()
        };
        assert_eq!(warnings().await, 0, "{db}: no warning 40 days before");

        // Within the hour the job does not run again (on the state's clock).
        now.store(due - 40 * 86_400 + 1800, Ordering::SeqCst);
        assert!(
            !e.state.run_jobs().await.contains(&"retention"),
            "{db}: retention runs once an hour"
        );
        // 20 days before: warned on the page and by e-mail, once.
        now.store(due - 20 * 86_400, Ordering::SeqCst);
        assert!(e.state.run_jobs().await.contains(&"retention"), "{db}");
        samspill_web::run_mail_once(&e.state).await;
        assert_eq!(warnings().await, 1, "{db}: one warning");
        let page = get(&e.state, "/coord/privacy", c).await;
        assert!(page.body.contains(&t.get("privacy-soon")), "{db}");
        now.store(due - 10 * 86_400, Ordering::SeqCst);
        e.state.run_jobs().await;
        samspill_web::run_mail_once(&e.state).await;
        assert_eq!(warnings().await, 1, "{db}: warned once only");
        let named = get(
            &e.state,
            &format!("/coord/rounds/{round}/report/report.html?named=1"),
            c,
        )
        .await;
        assert!(
            named.body.contains(&person.name),
            "{db}: still named before"
        );

        // Past the date: reduced.
        now.store(due + 3600, Ordering::SeqCst);
        assert!(e.state.run_jobs().await.contains(&"retention"), "{db}");
        let page = get(&e.state, "/coord/privacy", c).await;
        assert!(
            page.body.contains(&t.get("privacy-state-reduced")),
            "{db}: the page says reduced"
        );
        let named = get(
            &e.state,
            &format!("/coord/rounds/{round}/report/report.html?named=1"),
            c,
        )
        .await;
        assert_eq!(named.status, StatusCode::OK, "{db}: {}", named.body);
        assert!(
            !named.body.contains(&person.name),
            "{db}: no names after reduction"
        );
        let note = t.format(
            "privacy-method-reduced",
            &[(
                "date",
                samspill_i18n::Arg::Str(&t.date_or_text(&samspill_store::date_of(due + 3600))),
            )],
        );
        assert!(
            named.body.contains(&note) || named.body.contains(&note.replace('\'', "&#x27;")),
            "{db}: the method chapter says what retention did"
        );
        let log = s
            .tenant
            .audit_log(&AuditFilter {
                action: Some("retention.".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        let actions: Vec<&str> = log.iter().map(|l| l.action.as_str()).collect();
        assert_eq!(actions, ["retention.reduce", "retention.warn"], "{db}");
        assert!(log.iter().all(|l| l.actor == "system:retention"), "{db}");
        assert!(
            log.iter().all(|l| !l.detail.contains(&person.name)),
            "{db}: the log names no one"
        );
    }
}
