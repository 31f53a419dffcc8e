//! The evaluator's workspace (issue 18) over HTTP on SQLite and
//! PostgreSQL: evaluation rounds created and set up in the web, the
//! data-collection log and notes, the learning log, gatherings with
//! attendance, a participant's process anchoring and the matrix as PDF;
//! each for the role that may, refused for the roles that may not, and
//! hostile input refused with a translated error and nothing changed.

mod common;

use axum::http::StatusCode;
use common::*;
use samspill_programme::ids::RoundId;
use samspill_programme::model::{LogEntry, RowKind, Section};

fn c(u: &(String, String)) -> Option<&str> {
    Some(u.0.as_str())
}

/// Posts `pairs` with the user's CSRF token.
async fn send(
    w: &ProgrammeWorld,
    u: &(String, String),
    path: &str,
    pairs: &[(&str, &str)],
) -> Resp {
    let mut all = vec![("csrf", u.1.as_str())];
    all.extend_from_slice(pairs);
    post(&w.e.state, path, c(u), &all).await
}

/// The value of the hidden `rev` field of the first form posting to
/// `action`.
fn rev_of(body: &str, action: &str) -> String {
    let i = body
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form to {action}"));
    let j = body[i..].find("name=\"rev\" value=\"").expect("rev field") + i + 18;
    body[j..].split('"').next().unwrap().to_string()
}

/// The text of a PDF per page with poppler's pdftotext, or `None` without
/// it (a failure when `CI` is set).
fn pdf_pages(pdf: &[u8]) -> Option<Vec<String>> {
    let file = std::env::temp_dir().join(format!(
        "samspill-web-matrix-{}-{}.pdf",
        std::process::id(),
        pdf.len()
    ));
    std::fs::write(&file, pdf).unwrap();
    let info = match std::process::Command::new("pdfinfo").arg(&file).output() {
        Ok(o) => String::from_utf8_lossy(&o.stdout).into_owned(),
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("skipping the pdftotext checks: {e}");
            return None;
        }
        Err(e) => panic!("poppler-utils are needed with CI set: {e}"),
    };
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("pdfinfo gives the page count");
    let mut out = Vec::new();
    for p in 1..=pages {
        let o = std::process::Command::new("pdftotext")
            .args(["-f", &p.to_string(), "-l", &p.to_string()])
            .arg(&file)
            .arg("-")
            .output()
            .unwrap();
        assert!(o.status.success());
        out.push(
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    let _ = std::fs::remove_file(&file);
    Some(out)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn evaluation_rounds_log_and_notes_by_role() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let id = w.id;
        let p = |x: &str| format!("/programmes/{id}{x}");

        // The evaluator lists the rounds and creates one in the web.
        let list = get(s, &p("/evaluation"), c(&w.evaluator)).await;
        assert_eq!(list.status, StatusCode::OK, "{db}: {}", list.body);
        assert!(list.body.contains("Statusrapport 2025"), "{db}");
        assert!(list.body.contains("id=\"new-round\""), "{db}");
        let before = w.stored().await.evaluation_rounds.len();
        let r = send(
            &w,
            &w.evaluator,
            &p("/evaluation"),
            &[
                ("name", "Delrapport 2026 høst"),
                ("evaluator", "Følgeevaluator"),
                ("from", "2026-01"),
                ("as_of", "2026-09-30"),
                ("p-brattvik", "1"),
                ("p-strandoy", "1"),
                ("src-interview", "1"),
                ("src-action_plan", "1"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let settings = r.location();
        let key = settings
            .trim_start_matches(&p("/rounds/"))
            .trim_end_matches("/settings")
            .to_string();
        let doc = w.stored().await;
        assert_eq!(doc.evaluation_rounds.len(), before + 1, "{db}");
        let round = doc.round(&RoundId::new(key.clone())).unwrap();
        assert_eq!(round.name, "Delrapport 2026 høst");
        assert_eq!(
            round
                .participants
                .iter()
                .map(|x| x.as_str())
                .collect::<Vec<_>>(),
            ["brattvik", "strandoy"],
            "{db}"
        );
        assert!(round.matrix.is_empty(), "{db}: the 2010 layout at first");

        // Its settings: the matrix rows and sections configured.
        let page = get(s, &settings, c(&w.evaluator)).await;
        assert_eq!(page.status, StatusCode::OK, "{db}: {}", page.body);
        let rev = rev_of(&page.body, &settings);
        let r = send(
            &w,
            &w.evaluator,
            &settings,
            &[
                ("rev", &rev),
                ("name", "Delrapport 2026 høst"),
                ("evaluator", "Følgeevaluator"),
                ("from", "2026-01"),
                ("as_of", "2026-09-30"),
                ("p-brattvik", "1"),
                ("p-strandoy", "1"),
                ("src-interview", "1"),
                ("src-action_plan", "1"),
                ("section-organisation-label", "ORGANISERING OG LEDELSE"),
                ("row-steering-group-section", "organisation"),
                ("row-steering-group-order", "2"),
                ("row-project-group-section", "organisation"),
                ("row-project-group-order", "1"),
                ("row-project-group-label", "Arbeidsgruppa"),
                ("row-measures-section", "ahead"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let round = doc.round(&RoundId::new(key.clone())).unwrap();
        assert_eq!(round.matrix.len(), 2, "{db}");
        assert_eq!(round.matrix[0].section, Section::Organisation);
        assert_eq!(
            round.matrix[0].label.as_deref(),
            Some("ORGANISERING OG LEDELSE")
        );
        assert_eq!(round.matrix[0].rows[0].row, RowKind::ProjectGroup);
        assert_eq!(
            round.matrix[0].rows[0].label.as_deref(),
            Some("Arbeidsgruppa")
        );
        assert_eq!(round.matrix[1].rows[0].row, RowKind::Measures);
        let m = get(s, &p(&format!("/rounds/{key}")), c(&w.evaluator)).await;
        assert_eq!(m.status, StatusCode::OK, "{db}: {}", m.body);
        assert!(m.body.contains("Arbeidsgruppa") && m.body.contains("ORGANISERING OG LEDELSE"));
        assert!(
            !m.body.contains("Lyngnes"),
            "{db}: only the columns followed"
        );

        // The data-collection log: interviews, a document, a meeting, a note.
        let log = p(&format!("/rounds/{key}/log"));
        for pairs in [
            vec![
                ("kind", "interviews"),
                ("participant", "brattvik"),
                ("group", "programme_leader"),
                ("month", "2026-02"),
                ("count", "2"),
            ],
            vec![
                ("kind", "document"),
                ("participant", "strandoy"),
                ("document", "pre_analysis"),
                ("title", "Foranalyse Strandøy"),
                ("received", "2026-01-15"),
            ],
            vec![
                ("kind", "meeting"),
                ("participant", ""),
                ("title", "Programledersamling"),
                ("date", "2026-03-04"),
            ],
            vec![
                ("kind", "note"),
                ("participant", "brattvik"),
                ("date", "2026-03-05"),
                (
                    "text",
                    "Styringsgruppa har fått ny leder.\nOppfølging i mai.",
                ),
            ],
        ] {
            let r = send(&w, &w.evaluator, &log, &pairs).await;
            assert_eq!(
                r.status,
                StatusCode::SEE_OTHER,
                "{db}: {pairs:?}: {}",
                r.body
            );
        }
        let doc = w.stored().await;
        let round = doc.round(&RoundId::new(key.clone())).unwrap();
        assert_eq!(round.log.len(), 3, "{db}");
        assert!(matches!(
            &round.log[0],
            LogEntry::Interviews { count: Some(2), participant: Some(p), .. } if p.as_str() == "brattvik"
        ));
        assert_eq!(round.notes.len(), 1);
        assert_eq!(
            round.notes[0].text,
            "Styringsgruppa har fått ny leder.\nOppfølging i mai."
        );
        let page = get(s, &log, c(&w.evaluator)).await;
        assert_eq!(page.status, StatusCode::OK, "{db}: {}", page.body);
        for text in [
            "Programleder",
            "februar 2026",
            "Foranalyse Strandøy",
            "Programledersamling",
            "Styringsgruppa har fått ny leder.",
            "id=\"missing\"",
        ] {
            assert!(page.body.contains(text), "{db}: {text} missing");
        }
        // Removing an entry needs the revision read; a stale one changes
        // nothing.
        let rev = rev_of(&page.body, &format!("{log}/remove"));
        let r = send(
            &w,
            &w.evaluator,
            &format!("{log}/remove"),
            &[("rev", &rev), ("entry", "2")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let r = send(
            &w,
            &w.evaluator,
            &format!("{log}/remove"),
            &[("rev", &rev), ("entry", "0")],
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}: stale");
        let doc = w.stored().await;
        assert_eq!(
            doc.round(&RoundId::new(key.clone())).unwrap().log.len(),
            2,
            "{db}"
        );

        // The evaluator writes only their own rounds: not the demo's.
        let demo_before = w.stored().await.round(&RoundId::new("2026")).cloned();
        let r = send(
            &w,
            &w.evaluator,
            &p("/rounds/2026/log"),
            &[
                ("kind", "meeting"),
                ("title", "Forsøk"),
                ("date", "2026-03-01"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        // Its settings are shown, not offered for change.
        let other = get(s, &p("/rounds/2026/settings"), c(&w.evaluator)).await;
        assert_eq!(other.status, StatusCode::OK, "{db}");
        assert!(other.body.contains("id=\"s-name\""), "{db}");
        assert!(
            other
                .body
                .contains("kan se innstillingene, men ikke endre dem"),
            "{db}"
        );
        assert!(!other.body.contains(">Lagre</button>"), "{db}");
        // The funder's adviser: not the evaluator's round; a round of
        // their own.
        let r = send(
            &w,
            &w.funder,
            &log,
            &[
                ("kind", "meeting"),
                ("title", "Forsøk"),
                ("date", "2026-03-01"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        let r = send(
            &w,
            &w.funder,
            &p("/evaluation"),
            &[
                ("name", "Finansiørens runde"),
                ("evaluator", "Husbanken"),
                ("from", "2026-01-01"),
                ("as_of", "2026-06-30"),
                ("src-interview", "1"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        // The coordinator: no round of their own, no settings, no log
        // entries; sees their own column's log but no notes.
        let r = send(
            &w,
            &w.brattvik,
            &p("/evaluation"),
            &[
                ("name", "X"),
                ("evaluator", "X"),
                ("from", "2026-01"),
                ("as_of", "2026-02"),
                ("src-interview", "1"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        let r = send(
            &w,
            &w.brattvik,
            &log,
            &[("kind", "meeting"), ("title", "X"), ("date", "2026-03-01")],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        assert_eq!(
            get(s, &settings, c(&w.brattvik)).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        let own = get(s, &log, c(&w.brattvik)).await;
        assert_eq!(own.status, StatusCode::OK, "{db}: {}", own.body);
        assert!(own.body.contains("Programleder"), "{db}: own column's log");
        assert!(
            !own.body.contains("Foranalyse Strandøy"),
            "{db}: not Strandøy's"
        );
        assert!(
            !own.body.contains("Styringsgruppa har fått ny leder"),
            "{db}: no notes"
        );
        assert!(!own.body.contains("id=\"add-note\""), "{db}");
        // Outsiders see nothing.
        for path in [
            p("/evaluation"),
            log.clone(),
            settings.clone(),
            p("/learning"),
            p("/gatherings"),
            p("/participants/brattvik/anchoring"),
            p("/rounds/2026/matrix.pdf"),
        ] {
            assert_eq!(
                get(s, &path, c(&w.outsider)).await.status,
                StatusCode::NOT_FOUND,
                "{db}: outsider {path}"
            );
            assert_eq!(get(s, &path, None).await.location(), "/login", "{db}");
        }
        assert_eq!(
            w.stored().await.round(&RoundId::new("2026")).cloned(),
            demo_before,
            "{db}: the demo round is as it was"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_round_and_log_input_is_refused_with_nothing_changed() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let id = w.id;
        let p = |x: &str| format!("/programmes/{id}{x}");
        let r = send(
            &w,
            &w.evaluator,
            &p("/evaluation"),
            &[
                ("name", "Egen runde"),
                ("evaluator", "E"),
                ("from", "2026-01"),
                ("as_of", "2026-06"),
                ("p-brattvik", "1"),
                ("src-interview", "1"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let key = r
            .location()
            .trim_start_matches(&p("/rounds/"))
            .trim_end_matches("/settings")
            .to_string();
        let log = p(&format!("/rounds/{key}/log"));
        let huge = "x".repeat(25_000);
        type Case<'a> = (String, Vec<(&'a str, &'a str)>, &'a str);
        let cases: Vec<Case> = vec![
            (
                p("/evaluation"),
                vec![
                    ("evaluator", "E"),
                    ("from", "2026-01"),
                    ("as_of", "2026-06"),
                    ("src-interview", "1"),
                ],
                "«Navn» må fylles ut",
            ),
            (
                p("/evaluation"),
                vec![
                    ("name", "R"),
                    ("evaluator", "E"),
                    ("from", "2026-01"),
                    ("as_of", "2026-06"),
                ],
                "«Matrisens kilder» må fylles ut",
            ),
            (
                p("/evaluation"),
                vec![
                    ("name", "R"),
                    ("evaluator", "E"),
                    ("from", "2026-09"),
                    ("as_of", "2026-06"),
                    ("src-interview", "1"),
                ],
                "Perioden slutter før den begynner",
            ),
            (
                p("/evaluation"),
                vec![
                    ("name", "R\u{0007}x"),
                    ("evaluator", "E"),
                    ("from", "2026-01"),
                    ("as_of", "2026-06"),
                    ("src-interview", "1"),
                ],
                "«Navn» inneholder kontrolltegn",
            ),
            (
                p("/evaluation"),
                vec![
                    ("name", "R"),
                    ("evaluator", "E"),
                    ("from", "2026-01"),
                    ("as_of", "2026-06"),
                    ("src-boss", "1"),
                ],
                "«Matrisens kilder»: valget finnes ikke",
            ),
            (
                p("/evaluation"),
                vec![
                    ("name", "R"),
                    ("evaluator", "E"),
                    ("from", "2026-01"),
                    ("as_of", "2026-06"),
                    ("src-interview", "1"),
                    ("p-nowhere", "1"),
                ],
                "«Deltakere»: valget finnes ikke",
            ),
            (
                log.clone(),
                vec![
                    ("kind", "note"),
                    ("participant", ""),
                    ("date", "2026-03-01"),
                    ("text", huge.as_str()),
                ],
                "«Notat» er for langt (25",
            ),
            (
                log.clone(),
                vec![
                    ("kind", "note"),
                    ("participant", ""),
                    ("date", "2026-03-01"),
                ],
                "«Notat» må fylles ut",
            ),
            (
                log.clone(),
                vec![
                    ("kind", "note"),
                    ("participant", ""),
                    ("date", "2026-03-01"),
                    ("text", "a\u{202E}b"),
                ],
                "«Notat» inneholder kontrolltegn",
            ),
            (
                log.clone(),
                vec![
                    ("kind", "interviews"),
                    ("group", "boss"),
                    ("month", "2026-13"),
                ],
                "«Informantgruppe»: valget finnes ikke",
            ),
            (
                log.clone(),
                vec![
                    ("kind", "interviews"),
                    ("group", "users"),
                    ("month", "2026-13"),
                ],
                "«Måned»: «2026-13» er ikke en dato",
            ),
            (
                log.clone(),
                vec![
                    ("kind", "interviews"),
                    ("group", "users"),
                    ("month", "2026-02"),
                    ("count", "-1"),
                ],
                "«Antall» må være et helt tall fra 0 til 10",
            ),
            (
                log.clone(),
                vec![
                    ("kind", "document"),
                    ("participant", "lyngnes"),
                    ("document", "application"),
                    ("received", "2026-02-01"),
                ],
                "«Deltaker»: runden følger ikke denne deltakeren",
            ),
            (
                log.clone(),
                vec![("kind", "wiretap")],
                "«Type»: valget finnes ikke",
            ),
        ];
        for (path, pairs, says) in &cases {
            let before = w.stored().await;
            let r = send(&w, &w.evaluator, path, pairs).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{db}: {path} {says}: {}",
                r.body.chars().take(400).collect::<String>()
            );
            assert!(r.body.contains(says), "{db}: «{says}» not in {}", r.body);
            assert!(r.body.contains("Ingenting ble endret"), "{db}");
            assert_eq!(w.stored().await, before, "{db}: {says}: something changed");
        }
        // A repeated field and a missing token are refused before anything.
        let before = w.stored().await;
        let r = send(
            &w,
            &w.evaluator,
            &log,
            &[
                ("kind", "note"),
                ("text", "a"),
                ("text", "b"),
                ("date", "2026-03-01"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{db}: {}", r.body);
        let r = post(
            &w.e.state,
            &log,
            c(&w.evaluator),
            &[("kind", "note"), ("text", "a"), ("date", "2026-03-01")],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        assert_eq!(w.stored().await, before, "{db}");
        // In English for an English-speaking user.
        let t = w.e.store.tenant_by_slug("brattvik").await.unwrap();
        let t = w.e.store.tenant(t);
        let name = t.info().await.unwrap().name;
        t.update_settings(&name, "en", None).await.unwrap();
        let r = send(
            &w,
            &w.brattvik,
            &p("/learning"),
            &[
                ("date", "2026-03-01"),
                ("loop", "3"),
                ("area", "B"),
                ("actor_level", "individual"),
            ],
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{db}: {}",
            r.body
        );
        assert!(
            r.body.contains("«Learning» must be filled in"),
            "{db}: {}",
            r.body
        );
        assert_eq!(w.stored().await, before, "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn learning_log_gatherings_and_process_anchoring() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let id = w.id;
        let p = |x: &str| format!("/programmes/{id}{x}");

        // Strandøy writes one shared and one private entry; its coordinator
        // cannot write for another participant (the field is ignored).
        for (text, shared) in [
            ("Delt læring fra Strandøy", true),
            ("Privat læring fra Strandøy", false),
        ] {
            let mut pairs = vec![
                ("participant", "brattvik"),
                ("date", "2026-03-01"),
                ("loop", "3"),
                ("area", "C"),
                ("actor_level", "institution"),
                ("form", "explicit"),
                ("text", text),
            ];
            if shared {
                pairs.push(("shared", "1"));
            }
            let r = send(&w, &w.strandoy, &p("/learning"), &pairs).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        }
        let doc = w.stored().await;
        let mine: Vec<_> = doc
            .learning_log
            .iter()
            .filter(|e| e.text.contains("fra Strandøy"))
            .collect();
        assert_eq!(mine.len(), 2);
        assert!(
            mine.iter()
                .all(|e| e.participant.as_ref().unwrap().as_str() == "strandoy")
        );
        assert_eq!(mine.iter().filter(|e| e.shared).count(), 1);
        // Brattvik sees its own, the shared one, not the private one.
        let b = get(s, &p("/learning"), c(&w.brattvik)).await;
        assert_eq!(b.status, StatusCode::OK, "{db}: {}", b.body);
        assert!(b.body.contains("Delt læring fra Strandøy"), "{db}");
        assert!(!b.body.contains("Privat læring fra Strandøy"), "{db}");
        assert!(
            b.body.contains("Felles inntaksmøte halverte ventetiden."),
            "{db}: own"
        );
        assert!(b.body.contains("Delt av en annen deltaker"), "{db}");
        // The evaluator sees both and adds one at the programme level.
        let e = get(s, &p("/learning"), c(&w.evaluator)).await;
        assert!(e.body.contains("Privat læring fra Strandøy"), "{db}");
        let r = send(
            &w,
            &w.evaluator,
            &p("/learning"),
            &[
                ("participant", ""),
                ("date", "2026-03-02"),
                ("loop", "2"),
                ("area", "B"),
                ("actor_level", "funder"),
                ("text", "Programmet trenger felles maler."),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        assert!(
            w.stored()
                .await
                .learning_log
                .iter()
                .any(|x| x.text == "Programmet trenger felles maler." && x.participant.is_none())
        );

        // Gatherings: the funder's adviser adds a programme gathering and
        // Brattvik's politicians at it.
        let before = w.stored().await.gatherings.len();
        let r = send(
            &w,
            &w.funder,
            &p("/gatherings"),
            &[
                ("kind", "programme_gathering"),
                ("title", "Programsamling vinteren 2026"),
                ("status", "realised"),
                ("date", "2026-01-20"),
                ("host", ""),
                ("aud-politician", "1"),
                ("aud-sector_leader", "1"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        assert_eq!(doc.gatherings.len(), before + 1);
        let g = doc
            .gatherings
            .iter()
            .find(|g| g.title.as_deref() == Some("Programsamling vinteren 2026"))
            .unwrap()
            .clone();
        assert_eq!(g.audience.len(), 2);
        let gid = g.id.to_string();
        let r = send(
            &w,
            &w.funder,
            &p("/gatherings/attendance"),
            &[
                ("gathering", &gid),
                ("participant", "brattvik"),
                ("level", "politician"),
                ("count", "3"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        // The coordinator may not record at a gathering they do not host,
        // the evaluator not at all; the coordinator hosts one of their own.
        for u in [&w.brattvik, &w.evaluator] {
            let r = send(
                &w,
                u,
                &p("/gatherings/attendance"),
                &[
                    ("gathering", &gid),
                    ("participant", "brattvik"),
                    ("level", "politician"),
                    ("count", "30"),
                ],
            )
            .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        }
        let r = send(
            &w,
            &w.evaluator,
            &p("/gatherings"),
            &[("kind", "theme_day"), ("status", "planned")],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}");
        let r = send(
            &w,
            &w.brattvik,
            &p("/gatherings"),
            &[
                ("kind", "dialogue_conference"),
                ("title", "Dialogkonferanse i Brattvik"),
                ("status", "planned"),
                ("date", "2026-05"),
                ("host", "strandoy"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let own = doc
            .gatherings
            .iter()
            .find(|g| g.title.as_deref() == Some("Dialogkonferanse i Brattvik"))
            .unwrap();
        assert_eq!(own.host.as_ref().unwrap().as_str(), "brattvik", "{db}");
        let g = doc
            .gatherings
            .iter()
            .find(|x| x.id.as_str() == gid)
            .unwrap();
        assert_eq!(g.attendance.len(), 1);
        assert_eq!(g.attendance[0].count, 3);
        // Hostile attendance: nothing changed.
        let r = send(
            &w,
            &w.funder,
            &p("/gatherings/attendance"),
            &[
                ("gathering", &gid),
                ("participant", "brattvik"),
                ("level", "politician"),
                ("count", "99999999"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        assert_eq!(w.stored().await, doc, "{db}");

        // The pages.
        let gp = get(s, &p("/gatherings"), c(&w.brattvik)).await;
        assert_eq!(gp.status, StatusCode::OK, "{db}: {}", gp.body);
        assert!(gp.body.contains("Dialogkonferanse i Brattvik"));
        assert!(
            !gp.body.contains("Temadag for politikere"),
            "{db}: another host's"
        );
        // The anchoring view: the demo's politician (April 2025) and these 3.
        let a = get(s, &p("/participants/brattvik/anchoring"), c(&w.brattvik)).await;
        assert_eq!(a.status, StatusCode::OK, "{db}: {}", a.body);
        assert!(a.body.contains("id=\"attendance-by-level\""), "{db}");
        assert!(a.body.contains("Programsamling vinteren 2026"), "{db}");
        assert!(a.body.contains("av dem 4 politikere"), "{db}: {}", a.body);
        assert_eq!(
            get(s, &p("/participants/strandoy/anchoring"), c(&w.brattvik))
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        let part = get(s, &p("/participants/brattvik"), c(&w.brattvik)).await;
        assert!(
            part.body.contains(&p("/participants/brattvik/anchoring")),
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_matrix_as_pdf_has_every_column_and_the_sign_off_on_every_page() {
    let (db, url) = database_urls().into_iter().next().unwrap();
    let w = programme_world(&url).await;
    let s = &w.e.state;
    let id = w.id;
    let r = get(
        s,
        &format!("/programmes/{id}/rounds/2026/matrix.pdf"),
        c(&w.funder),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{db}: {}", r.body);
    assert_eq!(
        r.headers.get("content-type").unwrap(),
        "application/pdf",
        "{db}"
    );
    let pdf = r.bytes();
    assert!(pdf.starts_with(b"%PDF"));
    let Some(pages) = pdf_pages(&pdf) else {
        return;
    };
    let doc = w.stored().await;
    let all = pages.join(" ");
    for p in &doc.participants {
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.contains(&p.name),
                "{db}: {} not on page {}",
                p.name,
                i + 1
            );
        }
    }
    assert!(all.contains("Kvalitetssikret"), "{db}: the sign-off row");
    assert!(
        all.contains("Ikke kvalitetssikret"),
        "{db}: Fjellstad is not signed off"
    );
    assert!(all.contains("Statusrapport 2026"));
    // The caption as the page shows it.
    let page = get(s, &format!("/programmes/{id}/rounds/2026"), c(&w.funder)).await;
    let caption: Vec<String> = page
        .body
        .split("<p class=\"caption\">")
        .skip(1)
        .map(|x| {
            x.split("</p>")
                .next()
                .unwrap()
                .replace("&#x27;", "'")
                .replace("&quot;", "\"")
        })
        .collect();
    assert!(!caption.is_empty());
    for c in caption {
        let words: String = c.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            all.contains(&words),
            "{db}: caption «{words}» not in the PDF"
        );
    }
    // A coordinator's PDF has their column only.
    let r = get(
        s,
        &format!("/programmes/{id}/rounds/2026/matrix.pdf"),
        c(&w.brattvik),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let pages = pdf_pages(&r.bytes()).unwrap();
    let all = pages.join(" ");
    assert!(
        all.contains("Brattvik") && !all.contains("Strandøy"),
        "{db}"
    );
}
