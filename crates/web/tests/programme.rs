//! The programme pages for each role (funder's adviser, evaluator,
//! coordinator of a linked participant, outsiders), their forms, hostile
//! imports and the export → import round trip, on SQLite and PostgreSQL.

mod common;

use axum::http::StatusCode;
use common::*;
use samspill_programme::ProgrammeDocument;
use samspill_store::Role;

fn c(u: &(String, String)) -> Option<&str> {
    Some(u.0.as_str())
}

/// The value of the hidden `rev` field of the form posting to `action`.
fn rev_of(body: &str, action: &str) -> String {
    let i = body
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form to {action}"));
    let j = body[i..].find("name=\"rev\" value=\"").expect("rev field") + i + 18;
    body[j..].split('"').next().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_page_for_each_role_allowed_and_denied() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let id = w.id;
        let p = |x: &str| format!("/programmes/{id}{x}");

        // The funder's adviser: the list, the portfolio with every
        // participant, calendar and real phase, cohorts, rounds.
        let list = get(s, "/programmes", c(&w.funder)).await;
        assert!(list.body.contains(&format!("/programmes/{id}")), "{db}");
        let o = get(s, &p(""), c(&w.funder)).await;
        assert_eq!(o.status, StatusCode::OK, "{db}: {}", o.body);
        for name in ["Brattvik", "Strandøy", "Lyngnes", "Kvitfjord", "Fjellstad"] {
            assert!(o.body.contains(name), "{db}: {name} missing");
        }
        assert!(
            o.body.contains("Gjennomføringsfase"),
            "{db}: calendar phase"
        );
        assert!(
            o.body.contains("Pulje 1") || o.body.contains("pulje-1"),
            "{db}"
        );
        assert!(o.body.contains(&p("/rounds/2025")), "{db}");
        assert!(o.body.contains(&p("/import")), "{db}: import form");
        // The participant whose plan phase runs over: both phases shown
        // and the overrun said.
        let l = get(s, &p("/participants/lyngnes"), c(&w.funder)).await;
        assert_eq!(l.status, StatusCode::OK, "{db}: {}", l.body);
        assert!(l.body.contains("id=\"calendar-phase\""), "{db}");
        assert!(l.body.contains("id=\"real-phase\""), "{db}");
        assert!(l.body.contains("id=\"overrun\""), "{db}: overrun warning");
        // The extension and its reason.
        let st = get(s, &p("/participants/strandoy"), c(&w.funder)).await;
        assert!(st.body.contains("Ny rådmann fra mars 2025"), "{db}");
        // Anchoring per dimension, dated and rated (Strandøy's administrative
        // anchoring was assessed weaker in February 2026).
        assert!(st.body.contains("id=\"anchoring-h\""), "{db}");
        assert!(st.body.contains("Administrativ forankring"), "{db}");
        assert!(st.body.contains("10. februar 2026"), "{db}");
        assert!(st.body.contains("name=\"extension_reason\""), "{db}");
        assert!(
            !st.body.contains("name=\"actual_start\""),
            "{db}: funder form only"
        );
        let g = get(s, &p("/glossary"), c(&w.funder)).await;
        assert_eq!(g.status, StatusCode::OK, "{db}");
        let m = get(s, &p("/rounds/2026"), c(&w.funder)).await;
        assert_eq!(m.status, StatusCode::OK, "{db}: {}", m.body);
        let cmp = get(s, &p("/compare?from=2025&to=2026"), c(&w.funder)).await;
        assert_eq!(cmp.status, StatusCode::OK, "{db}: {}", cmp.body);
        assert!(cmp.body.contains("id=\"compare\""), "{db}");
        for (path, magic) in [
            ("/export.json", &b"{"[..]),
            ("/export.xlsx", &b"PK"[..]),
            ("/portfolio.xlsx", &b"PK"[..]),
            ("/rounds/2026/matrix.xlsx", &b"PK"[..]),
        ] {
            let r = get(s, &p(path), c(&w.funder)).await;
            assert_eq!(r.status, StatusCode::OK, "{db}: {path}");
            assert!(r.bytes().starts_with(magic), "{db}: {path}");
        }

        // The evaluator: reads everything, the matrix with sources; no
        // import, no funder forms.
        let o = get(s, &p(""), c(&w.evaluator)).await;
        assert_eq!(o.status, StatusCode::OK, "{db}");
        assert!(!o.body.contains(&p("/import")), "{db}");
        let m = get(s, &p("/rounds/2025"), c(&w.evaluator)).await;
        assert_eq!(m.status, StatusCode::OK, "{db}");
        assert!(m.body.contains("id=\"matrix\""), "{db}");
        assert!(
            !m.body.contains("/sign-off\""),
            "{db}: evaluators sign nothing"
        );
        assert_eq!(
            get(s, &p("/export.json"), c(&w.evaluator)).await.status,
            StatusCode::OK
        );
        let r = upload(
            s,
            &p("/import"),
            &w.evaluator.0,
            &w.evaluator.1,
            "p.json",
            &w.stored().await.to_json(),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}: evaluator import");

        // The coordinator: their own participant only.
        let r = get(s, &p(""), c(&w.brattvik)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}");
        assert_eq!(r.location(), p("/participants/brattvik"));
        let own = get(s, &p("/participants/brattvik"), c(&w.brattvik)).await;
        assert_eq!(own.status, StatusCode::OK, "{db}: {}", own.body);
        assert!(own.body.contains("name=\"actual_start\""), "{db}");
        assert!(
            own.body.contains(&p("/records/organisation/brattvik")),
            "{db}"
        );
        assert_eq!(
            get(s, &p("/participants/strandoy"), c(&w.brattvik))
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        let m = get(s, &p("/rounds/2025"), c(&w.brattvik)).await;
        assert_eq!(m.status, StatusCode::OK, "{db}");
        assert!(m.body.contains("/sign-off\""), "{db}: own column signs");
        assert!(!m.body.contains("Strandøy"), "{db}: only the own column");
        for path in ["/export.json", "/export.xlsx", "/portfolio.xlsx"] {
            assert_eq!(
                get(s, &p(path), c(&w.brattvik)).await.status,
                StatusCode::FORBIDDEN,
                "{db}: {path}"
            );
        }
        assert_eq!(
            get(s, &p("/records/organisation/strandoy"), c(&w.brattvik))
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{db}"
        );

        // Outsiders: a municipality not in the programme, an adviser of
        // another programme, nobody logged in.
        for path in ["", "/participants/brattvik", "/rounds/2025", "/export.json"] {
            assert_eq!(
                get(s, &p(path), c(&w.outsider)).await.status,
                StatusCode::NOT_FOUND,
                "{db}: outsider {path}"
            );
            assert_eq!(
                get(s, &p(path), None).await.location(),
                "/login",
                "{db}: anonymous {path}"
            );
        }
        assert!(
            !get(s, "/programmes", c(&w.outsider))
                .await
                .body
                .contains(&format!("/programmes/{id}\"")),
            "{db}"
        );
        let other = e_funder_of_another_programme(&w).await;
        assert_eq!(
            get(s, &p(""), Some(&other)).await.status,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        // Four languages.
        for lang in ["nn", "da", "en"] {
            set_lang(&w, "brattvik", lang).await;
            let r = get(s, &p("/participants/brattvik"), c(&w.brattvik)).await;
            assert_eq!(r.status, StatusCode::OK, "{db} {lang}: {}", r.body);
            assert!(r.body.contains(&format!("lang=\"{lang}\"")), "{db} {lang}");
        }
    }
}

/// Another programme with its own adviser; returns the adviser's cookie.
async fn e_funder_of_another_programme(w: &ProgrammeWorld) -> String {
    let mut doc = samspill_programme::demo::programme();
    doc.programme.id = samspill_programme::ids::ProgrammeId::new("another");
    let tools = w.e.store.programmes(samspill_store::Actor::system("test"));
    let id = tools.create(&doc, None).await.unwrap();
    w.e.store
        .create_user(
            Some(w.e.tenant),
            "other-adviser@hb.example",
            "Other",
            Role::Funder,
            PASSWORD,
        )
        .await
        .unwrap();
    tools.grant(id, "other-adviser@hb.example").await.unwrap();
    login_as(&w.e.state, "other-adviser@hb.example").await.0
}

/// Sets a municipality's language (its coordinator's pages follow it).
async fn set_lang(w: &ProgrammeWorld, slug: &str, lang: &str) {
    let t = w.e.store.tenant_by_slug(slug).await.unwrap();
    let t = w.e.store.tenant(t);
    let name = t.info().await.unwrap().name;
    t.update_settings(&name, lang, None).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_change_what_the_role_keeps_and_refuse_stale_and_bad_input() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let id = w.id;
        let p = |x: &str| format!("/programmes/{id}{x}");
        let phase = p("/participants/brattvik/phase");

        // The coordinator records the implementation phase's actual start.
        let page = get(s, &p("/participants/brattvik"), c(&w.brattvik)).await;
        let rev = rev_of(&page.body, &phase);
        let before = w.stored().await;
        let r = post(
            s,
            &phase,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("phase", "phase_out"),
                ("actual_start", "2026-11"),
                ("actual_end", ""),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let after = w.stored().await;
        let path = after
            .participant(&"brattvik".into())
            .unwrap()
            .path
            .as_ref()
            .unwrap();
        let rec = path
            .phases
            .iter()
            .find(|r| r.phase.as_str() == "phase_out")
            .unwrap();
        assert_eq!(rec.actual_start.unwrap().to_string(), "2026-11", "{db}");
        // The same form again (the old revision) is stale: 409, unchanged.
        let r = post(
            s,
            &phase,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("phase", "phase_out"),
                ("actual_start", "2026-10"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}");
        assert_eq!(w.stored().await, after, "{db}");
        // A bad date names its field; nothing changes.
        let page = get(s, &p("/participants/brattvik"), c(&w.brattvik)).await;
        let rev = rev_of(&page.body, &phase);
        let r = post(
            s,
            &phase,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("phase", "phase_out"),
                ("actual_start", "31.02.2026"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        assert!(r.body.contains("actual_start"), "{db}: {}", r.body);
        // An actual end before the start is refused by the whole-document
        // validation with its path.
        let r = post(
            s,
            &phase,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("phase", "phase_out"),
                ("actual_start", "2026-11"),
                ("actual_end", "2020-01"),
            ],
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{db}: {}",
            r.body
        );
        assert!(r.body.contains("participants["), "{db}: {}", r.body);
        assert_eq!(w.stored().await, after, "{db}");
        assert_ne!(before, after);
        // Without CSRF nothing happens.
        let r = post(
            s,
            &phase,
            c(&w.brattvik),
            &[
                ("rev", &rev),
                ("phase", "phase_out"),
                ("actual_start", "2026-01"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");

        // The coordinator dates a report; the funder marks it read. (The
        // demo is dated relative to today: take its reports' ids from it.)
        let first_report = |doc: &ProgrammeDocument, who: &str| {
            doc.reports
                .iter()
                .find(|r| r.participant.as_str() == who)
                .map(|r| r.id.to_string())
                .expect("the demo participant has a report")
        };
        let doc = w.stored().await;
        let bh = first_report(&doc, "brattvik");
        let sh = first_report(&doc, "strandoy");
        let report = p("/participants/brattvik/report");
        let page = get(s, &p("/participants/brattvik"), c(&w.brattvik)).await;
        let rev = rev_of(&page.body, &report);
        let r = post(
            s,
            &report,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("report", &bh),
                ("submitted", "2025-08-27"),
                ("treated", "2025-08-20"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let page = get(s, &p("/participants/brattvik"), c(&w.funder)).await;
        let rev = rev_of(&page.body, &report);
        let r = post(
            s,
            &report,
            c(&w.funder),
            &[
                ("csrf", &w.funder.1),
                ("rev", &rev),
                ("report", &bh),
                ("read", "2025-09-01"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let rep = doc.reports.iter().find(|r| r.id.as_str() == bh).unwrap();
        assert_eq!(rep.submitted.unwrap().to_string(), "2025-08-27");
        assert_eq!(rep.read.unwrap().to_string(), "2025-09-01");
        // A coordinator cannot post another participant's report.
        let r = post(
            s,
            &p("/participants/strandoy/report"),
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("report", &sh),
                ("submitted", "2025-08-01"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{db}");

        // The funder agrees an extension; without a reason it is refused.
        let r = post(
            s,
            &p("/participants/lyngnes/phase"),
            c(&w.funder),
            &[
                ("csrf", &w.funder.1),
                ("phase", "plan"),
                ("extension_until", "2026-12-31"),
                ("extension_reason", ""),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let r = post(
            s,
            &p("/participants/lyngnes/phase"),
            c(&w.funder),
            &[
                ("csrf", &w.funder.1),
                ("phase", "plan"),
                ("extension_until", "2026-12-31"),
                (
                    "extension_reason",
                    "Kommunestyret behandler planen i desember",
                ),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let l = get(s, &p("/participants/lyngnes"), c(&w.funder)).await;
        assert!(l.body.contains("Kommunestyret behandler planen i desember"));

        // The JSON editor: a wrong type is refused with the field's path.
        let edit = p("/records/organisation/brattvik");
        let page = get(s, &edit, c(&w.brattvik)).await;
        assert_eq!(page.status, StatusCode::OK, "{db}");
        let rev = rev_of(&page.body, &edit);
        let doc = w.stored().await;
        let mut org = serde_json::to_value(doc.organisation(&"brattvik".into()).unwrap()).unwrap();
        org["leader"]["appointed"] = serde_json::json!(["not", "a", "date"]);
        let r = post(
            s,
            &edit,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("record", &org.to_string()),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        assert!(r.body.contains("leader.appointed"), "{db}: {}", r.body);
        let r = post(
            s,
            &edit,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("record", "{not json"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        assert_eq!(w.stored().await, doc, "{db}");
        // A valid change is stored.
        let mut org = serde_json::to_value(doc.organisation(&"brattvik".into()).unwrap()).unwrap();
        org["leader"]["title"] = serde_json::json!("Boligsosial programleder");
        let r = post(
            s,
            &edit,
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("rev", &rev),
                ("record", &org.to_string()),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        assert_eq!(
            doc.organisation(&"brattvik".into())
                .unwrap()
                .leader
                .as_ref()
                .unwrap()
                .title
                .as_deref(),
            Some("Boligsosial programleder")
        );
        // The evaluator may not write an organisation.
        let r = post(
            s,
            &edit,
            c(&w.evaluator),
            &[
                ("csrf", &w.evaluator.1),
                ("rev", "2"),
                ("record", &org.to_string()),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}: {}", r.body);

        // Sign-off of the own column; not of another's.
        let r = post(
            s,
            &p("/rounds/2026/sign-off"),
            c(&w.brattvik),
            &[
                ("csrf", &w.brattvik.1),
                ("participant", "brattvik"),
                ("as", "programme_leader"),
                ("note", ""),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let round = doc.round(&"2026".into()).unwrap();
        assert!(
            round
                .sign_offs
                .iter()
                .any(|s| s.participant.as_str() == "brattvik"),
            "{db}"
        );
        let r = post(
            s,
            &p("/rounds/2026/sign-off"),
            c(&w.strandoy),
            &[("csrf", &w.strandoy.1), ("participant", "brattvik")],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_imports_are_refused_and_change_nothing() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let import = format!("/programmes/{}/import", w.id);
        let before = w.stored().await;
        let (cookie, csrf) = (&w.funder.0, &w.funder.1);
        // Too large for an upload.
        let huge = vec![b' '; 6 << 20];
        let r = upload(s, &import, cookie, csrf, "p.json", &huge).await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{db}");
        // Deep nesting.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let r = upload(s, &import, cookie, csrf, "p.json", deep.as_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let deep_obj = format!(
            "{{\"format\":\"samspill-programme\",\"version\":1,\"programme\":{}{}}}",
            "{\"a\":".repeat(5_000),
            "1".to_string() + &"}".repeat(5_000)
        );
        let r = upload(s, &import, cookie, csrf, "p.json", deep_obj.as_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        // Wrong types: the path of the bad field is named.
        let mut v = serde_json::to_value(&before).unwrap();
        v["participants"][1]["name"] = serde_json::json!(42);
        let r = upload(s, &import, cookie, csrf, "p.json", v.to_string().as_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        assert!(r.body.contains("participants[1].name"), "{db}: {}", r.body);
        let mut v = serde_json::to_value(&before).unwrap();
        v["reports"][0]["participant"] = serde_json::json!("nobody");
        let r = upload(s, &import, cookie, csrf, "p.json", v.to_string().as_bytes()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        assert!(
            r.body.contains("reports[0].participant"),
            "{db}: {}",
            r.body
        );
        // Not JSON, not a workbook, empty, another programme.
        for (name, bytes) in [
            ("p.json", b"not json at all".to_vec()),
            ("p.xlsx", b"PK\x03\x04 this is no workbook".to_vec()),
            ("p.json", Vec::new()),
            (
                "p.json",
                b"{\"format\":\"something-else\",\"version\":1}".to_vec(),
            ),
        ] {
            let r = upload(s, &import, cookie, csrf, name, &bytes).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {name}");
        }
        let mut other = before.clone();
        other.programme.id = "someone-else".into();
        let r = upload(s, &import, cookie, csrf, "p.json", &other.to_json()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        // A coordinator may not import at all.
        let r = upload(
            s,
            &import,
            &w.brattvik.0,
            &w.brattvik.1,
            "p.json",
            &before.to_json(),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        assert_eq!(w.stored().await, before, "{db}: something changed");
        // Creating from a bad file creates nothing.
        let r = upload(s, "/programmes/new", cookie, csrf, "p.json", b"[]").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let r = upload(
            s,
            "/programmes/new",
            &w.brattvik.0,
            &w.brattvik.1,
            "p.json",
            &other.to_json(),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        assert_eq!(
            w.e.store
                .programmes(samspill_store::Actor::system("test"))
                .list()
                .await
                .unwrap()
                .len(),
            1,
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_then_import_round_trips_json_and_xlsx() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let id = w.id;
        let (cookie, csrf) = (&w.funder.0, &w.funder.1);
        let json = get(s, &format!("/programmes/{id}/export.json"), Some(cookie)).await;
        let original = ProgrammeDocument::from_json(&json.bytes()).unwrap();
        assert_eq!(original, w.stored().await, "{db}");
        // A changed document imported as JSON replaces the programme.
        let mut changed = original.clone();
        changed.programme.name = "Boligsosialt utviklingsprogram (endret)".into();
        changed.learning_log.clear();
        let r = upload(
            s,
            &format!("/programmes/{id}/import"),
            cookie,
            csrf,
            "p.json",
            &changed.to_json(),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        assert_eq!(w.stored().await, changed, "{db}");
        // The workbook exported and imported again gives the same programme.
        let xlsx = get(s, &format!("/programmes/{id}/export.xlsx"), Some(cookie)).await;
        assert_eq!(xlsx.status, StatusCode::OK);
        let r = upload(
            s,
            &format!("/programmes/{id}/import"),
            cookie,
            csrf,
            "p.xlsx",
            &xlsx.bytes(),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        assert_eq!(w.stored().await, changed, "{db}: xlsx round trip");
        // A new programme created from an exported document by the adviser.
        let mut new = original.clone();
        new.programme.id = "ny-pulje".into();
        let r = upload(s, "/programmes/new", cookie, csrf, "p.json", &new.to_json()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let page = get(s, &r.location(), Some(cookie)).await;
        assert_eq!(page.status, StatusCode::OK, "{db}");
        // The audit log has the import and the exports.
        let log =
            w.e.store
                .audit_log(&samspill_store::AuditFilter::default())
                .await
                .unwrap();
        assert!(log.iter().any(|e| e.action == "programme.import"), "{db}");
        assert!(
            log.iter().any(|e| e.action == "read.programme-export"),
            "{db}"
        );
    }
}
