//! Issue 17's remaining pages through HTTP, on SQLite and PostgreSQL: the
//! portfolio as a landscape PDF (text read back with poppler's
//! `pdftotext`), the cooperation agreement and pre-analysis forms, the
//! programme's words and glossary entries, the reports with their drafts
//! and actions; each form's happy path, hostile input (missing, huge and
//! control-character fields: a translated problem naming the field and
//! nothing changed) and the wrong role refused.

mod common;

use axum::http::StatusCode;
use common::*;
use samspill_programme::ProgrammeDocument;
use samspill_store::NewRound;

fn c(u: &(String, String)) -> Option<&str> {
    Some(u.0.as_str())
}

/// The value of the hidden `rev` field of the form with `id`.
fn rev_in_form(body: &str, form_id: &str) -> String {
    let i = body
        .find(&format!("id=\"{form_id}\""))
        .unwrap_or_else(|| panic!("no form {form_id}"));
    let j = body[i..].find("name=\"rev\" value=\"").expect("rev field") + i + 18;
    body[j..].split('"').next().unwrap().to_string()
}

/// Asserts a refusal that lists problems (422), names `field` and changed
/// nothing.
async fn refused(
    w: &ProgrammeWorld,
    r: &Resp,
    field: &str,
    before: &ProgrammeDocument,
    what: &str,
) {
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{what}: {}",
        r.body
    );
    assert!(
        r.body.contains(field),
        "{what}: «{field}» not named: {}",
        r.body
    );
    assert_eq!(&w.stored().await, before, "{what}: something changed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn portfolio_pdf_has_every_participant_and_phase_landscape() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let path = format!("/programmes/{}/portfolio.pdf", w.id);
        let overview = get(s, &format!("/programmes/{}", w.id), c(&w.funder)).await;
        assert!(
            overview.body.contains(&path),
            "{db}: the overview links the PDF"
        );
        let r = get(s, &path, c(&w.funder)).await;
        assert_eq!(r.status, StatusCode::OK, "{db}: {}", r.body);
        assert_eq!(
            r.headers.get("content-type").unwrap(),
            "application/pdf",
            "{db}"
        );
        let dir = std::env::temp_dir().join(format!("samspill-pp-{}-{db}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("portfolio.pdf");
        std::fs::write(&file, r.bytes()).unwrap();
        let text = std::process::Command::new("pdftotext")
            .args(["-layout", file.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext (poppler-utils) runs");
        assert!(text.status.success(), "{db}");
        let text = String::from_utf8_lossy(&text.stdout).into_owned();
        // Every participant, with its calendar and real phase as the
        // portfolio rules give them today.
        let doc = w.stored().await;
        let today = samspill_programme::date::Date::parse(&samspill_store::today()).unwrap();
        let p = samspill_programme::rules::portfolio::portfolio(&doc, today, &[]);
        assert_eq!(p.rows.len(), 5, "{db}");
        let texts = samspill_i18n::Texts::new(samspill_i18n::Lang::Nb);
        let label = |k: &str| texts.get(&format!("programme-phase-{}", k.replace('_', "-")));
        for row in &p.rows {
            // A row of the table: the name, then its two phases (cells wrap
            // over a few lines; the first word of each is within the row's
            // first lines).
            let lines: Vec<&str> = text.lines().collect();
            let at = lines
                .iter()
                .position(|l| l.contains(row.name.split(' ').next().unwrap()))
                .unwrap_or_else(|| panic!("{db}: {} missing:\n{text}", row.name));
            let line = lines[at.saturating_sub(1)..(at + 3).min(lines.len())].join("\n");
            let path = row.path.as_ref().unwrap();
            for pos in [&path.calendar, &path.real] {
                if let samspill_programme::rules::phases::Position::In(k) = pos {
                    let first = label(k.as_str());
                    let first = first.split([' ', '-']).next().unwrap().to_string();
                    assert!(
                        line.contains(&first),
                        "{db}: {}'s phase {k} ({first}) not on its row: {line}\n{text}",
                        row.name
                    );
                }
            }
        }
        assert!(
            text.contains("Program- og") || text.contains("Gjennomføringsfase"),
            "{db}"
        );
        // Landscape A4.
        let info = std::process::Command::new("pdfinfo")
            .arg(file.to_str().unwrap())
            .output()
            .expect("pdfinfo runs");
        let info = String::from_utf8_lossy(&info.stdout).into_owned();
        let size = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .expect("page size");
        let nums: Vec<f64> = size
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        assert!(nums[0] > nums[1], "{db}: not landscape: {size}");
        std::fs::remove_dir_all(&dir).ok();
        // The evaluator sees the overview, so the PDF too; a coordinator
        // does not (403), an outsider finds no programme (404).
        assert_eq!(
            get(s, &path, c(&w.evaluator)).await.status,
            StatusCode::OK,
            "{db}"
        );
        assert_eq!(
            get(s, &path, c(&w.brattvik)).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        assert_eq!(
            get(s, &path, c(&w.outsider)).await.status,
            StatusCode::NOT_FOUND,
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agreement_form() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let id = w.id;
        let page = get(
            s,
            &format!("/programmes/{id}/participants/lyngnes"),
            c(&w.funder),
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{db}");
        let rev = rev_in_form(&page.body, "ag-new");
        let action = format!("/programmes/{id}/participants/lyngnes/agreement");
        let good: Vec<(String, String)> = [
            ("csrf", w.funder.1.as_str()),
            ("rev", rev.as_str()),
            ("version", ""),
            ("title", "Samarbeidsavtale, revidert"),
            ("signed", "1"),
            ("signed_on", "2026-05-04"),
            ("parties", "Lyngnes kommune\nBoligfondet"),
            ("ob-0-party", "participant"),
            ("ob-0-text", "Vedta handlingsplanen i kommunestyret"),
            ("ob-0-due", "2026-06"),
            ("ob-1-party", "funder"),
            ("ob-1-text", "Kompetansetilskudd"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let with = |k: &str, v: &str| -> Vec<(String, String)> {
            let mut x = good.clone();
            match x.iter_mut().find(|(a, _)| a == k) {
                Some(slot) => slot.1 = v.to_string(),
                None => x.push((k.to_string(), v.to_string())),
            }
            x
        };
        let before = w.stored().await;
        // Hostile input: each refused with the field named, nothing changed.
        let long = "x".repeat(400);
        for (k, v, field, what) in [
            ("title", long.as_str(), "Tittel", "huge title"),
            ("title", "Avtale\u{7}", "kontrolltegn", "control character"),
            (
                "ob-0-text",
                "",
                "Forpliktelse (rad 1)",
                "obligation without text",
            ),
            (
                "ob-1-party",
                "mayor",
                "Hvem er forpliktet (rad 2)",
                "unknown party",
            ),
            ("signed_on", "4. mai", "Signert dato", "bad date"),
            ("signed", "", "merket som signert", "date without signature"),
        ] {
            let x = with(k, v);
            let p: Vec<(&str, &str)> = x.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            let r = post(s, &action, c(&w.funder), &p).await;
            refused(&w, &r, field, &before, &format!("{db}: {what}")).await;
        }
        // The wrong role: the coordinator keeps no agreement (403), nor does
        // the evaluator; another participant's coordinator finds nothing.
        let x = with("csrf", &w.strandoy.1);
        let p: Vec<(&str, &str)> = x.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let r = post(
            s,
            &format!("/programmes/{id}/participants/strandoy/agreement"),
            c(&w.strandoy),
            &p,
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}: {}", r.body);
        let x = with("csrf", &w.evaluator.1);
        let p: Vec<(&str, &str)> = x.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let r = post(s, &action, c(&w.evaluator), &p).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{db}: {}", r.body);
        let x = with("csrf", &w.brattvik.1);
        let p: Vec<(&str, &str)> = x.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let r = post(s, &action, c(&w.brattvik), &p).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{db}");
        assert_eq!(
            w.stored().await,
            before,
            "{db}: refused roles changed nothing"
        );
        // The coordinator's page offers no agreement form.
        let cp = get(
            s,
            &format!("/programmes/{id}/participants/strandoy"),
            c(&w.strandoy),
        )
        .await;
        assert!(
            !cp.body.contains("/participants/strandoy/agreement"),
            "{db}"
        );

        // The happy path: a new version with obligations of both sides.
        let p: Vec<(&str, &str)> = good.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let r = post(s, &action, c(&w.funder), &p).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let p = doc.participant(&"lyngnes".into()).unwrap();
        let v2 = p
            .agreements
            .iter()
            .find(|a| a.version == 2)
            .expect("version 2");
        assert!(v2.signed);
        assert_eq!(v2.signed_on.unwrap().to_string(), "2026-05-04");
        assert_eq!(v2.parties, vec!["Lyngnes kommune", "Boligfondet"]);
        assert_eq!(v2.obligations.len(), 2);
        assert_eq!(
            v2.obligations[0].party,
            samspill_programme::model::Party::Participant
        );
        assert_eq!(
            v2.obligations[1].party,
            samspill_programme::model::Party::Funder
        );
        assert_eq!(v2.obligations[0].due.unwrap().to_string(), "2026-06");
        let page = get(
            s,
            &format!("/programmes/{id}/participants/lyngnes"),
            c(&w.funder),
        )
        .await;
        assert!(page.body.contains("Samarbeidsavtale, revidert"), "{db}");
        // Editing version 1: an obligation removed by emptying it.
        let rev = rev_in_form(&page.body, "ag-1");
        let r = post(
            s,
            &action,
            c(&w.funder),
            &[
                ("csrf", &w.funder.1),
                ("rev", &rev),
                ("version", "1"),
                ("title", "Samarbeidsavtale"),
                ("signed", "1"),
                ("ob-0-party", "participant"),
                ("ob-0-text", "Legge handlingsplanen fram for kommunestyret"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let p = doc.participant(&"lyngnes".into()).unwrap();
        assert_eq!(p.agreements[0].obligations.len(), 1, "{db}");
        assert_eq!(p.agreements.len(), 2, "{db}");
        // A stale form is refused.
        let r = post(
            s,
            &action,
            c(&w.funder),
            &[("csrf", &w.funder.1), ("rev", &rev), ("version", "1")],
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pre_analysis_form() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let id = w.id;
        // A baseline is a closed round of the participant's municipality.
        let brattvik = w.e.store.tenant(w.tenants[0]);
        let round = brattvik
            .create_round(&NewRound::standard("Kartlegging før programmet", "nb"))
            .await
            .unwrap();
        brattvik.open_round(round).await.unwrap();
        brattvik.close_round(round).await.unwrap();
        let path = format!("/programmes/{id}/participants/brattvik");
        let action = format!("{path}/pre-analysis");
        let page = get(s, &path, c(&w.brattvik)).await;
        assert!(
            page.body.contains("Kartlegging før programmet"),
            "{db}: the round is offered"
        );
        let rev = rev_in_form(&page.body, "pre-form");
        let round_id = round.get().to_string();
        let good: Vec<(&str, String)> = vec![
            ("csrf", w.brattvik.1.clone()),
            ("rev", rev.clone()),
            ("provider", "Brattvik kommune".into()),
            ("completed", "2024-08".into()),
            ("inf-0-group", "ansatte i tjenestene".into()),
            ("inf-0-level", "professional".into()),
            ("inf-0-count", "12".into()),
            ("inf-1-group", "leietakere".into()),
            ("inf-1-level", "user".into()),
            ("pres-0-to", "formannskapet".into()),
            ("pres-0-political", "1".into()),
            ("pres-0-date", "2024-09-10".into()),
            ("baseline", round_id.clone()),
            ("findings", "Lite samarbeid med NAV\nLang ventetid".into()),
        ];
        let with = |k: &str, v: &str| -> Vec<(String, String)> {
            let mut x: Vec<(String, String)> = good
                .iter()
                .map(|(a, b)| (a.to_string(), b.clone()))
                .collect();
            match x.iter_mut().find(|(a, _)| a == k) {
                Some(slot) => slot.1 = v.to_string(),
                None => x.push((k.to_string(), v.to_string())),
            }
            x
        };
        let before = w.stored().await;
        for (k, v, field, what) in [
            (
                "inf-0-count",
                "tolv",
                "Antall (rad 1)",
                "count not a number",
            ),
            (
                "inf-1-group",
                "",
                "Gruppe (rad 2)",
                "informant without group",
            ),
            ("inf-0-level", "mayor", "Nivå (rad 1)", "unknown level"),
            (
                "provider",
                "Brattvik\u{0}",
                "kontrolltegn",
                "control character",
            ),
            (
                "pres-0-to",
                &"y".repeat(301),
                "For hvem (rad 1)",
                "huge field",
            ),
            (
                "baseline",
                "999999",
                "Nullpunktsmåling",
                "a round of no one",
            ),
            ("completed", "i fjor", "Ferdig dato", "bad date"),
        ] {
            let pairs = with(k, v);
            let p: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            let r = post(s, &action, c(&w.brattvik), &p).await;
            refused(&w, &r, field, &before, &format!("{db}: {what}")).await;
        }
        // The wrong role: the evaluator (403), another participant's
        // coordinator (404).
        let mut p: Vec<(&str, &str)> = good.iter().map(|(a, b)| (*a, b.as_str())).collect();
        p[0].1 = &w.evaluator.1;
        assert_eq!(
            post(s, &action, c(&w.evaluator), &p).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        p[0].1 = &w.strandoy.1;
        assert_eq!(
            post(s, &action, c(&w.strandoy), &p).await.status,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        assert_eq!(w.stored().await, before, "{db}");

        // The happy path.
        let p: Vec<(&str, &str)> = good.iter().map(|(a, b)| (*a, b.as_str())).collect();
        let r = post(s, &action, c(&w.brattvik), &p).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let b = doc.participant(&"brattvik".into()).unwrap();
        let pa = b.pre_analysis.as_ref().unwrap();
        assert_eq!(pa.provider.as_deref(), Some("Brattvik kommune"));
        assert!(!pa.external);
        assert_eq!(pa.informants.len(), 2);
        assert_eq!(pa.informants[0].count, Some(12));
        assert_eq!(
            pa.informants[1].level,
            samspill_programme::model::Level::User
        );
        assert_eq!(pa.presentations[0].to, "formannskapet");
        assert!(pa.presentations[0].political);
        assert_eq!(pa.baseline_round.as_ref().unwrap().as_str(), round_id);
        assert!(b.survey_rounds.iter().any(|r| r.round.as_str() == round_id
            && r.purpose == samspill_programme::model::RoundPurpose::Baseline));
        assert_eq!(pa.findings, vec!["Lite samarbeid med NAV", "Lang ventetid"]);
        let page = get(s, &path, c(&w.funder)).await;
        assert!(
            page.body.contains("id=\"pre-baseline\""),
            "{db}: the baseline is shown"
        );
        assert!(page.body.contains("Lang ventetid"), "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vocabulary_and_glossary() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let id = w.id;
        let path = format!("/programmes/{id}/vocabulary");
        // Reachable from every programme page: the glossary link.
        for page in [
            format!("/programmes/{id}"),
            format!("/programmes/{id}/participants/lyngnes"),
            format!("/programmes/{id}/rounds/2026"),
            format!("/programmes/{id}/compare?from=2025&to=2026"),
            format!("/programmes/{id}/records/participant/lyngnes"),
            path.clone(),
        ] {
            let r = get(s, &page, c(&w.funder)).await;
            assert_eq!(r.status, StatusCode::OK, "{db}: {page}: {}", r.body);
            assert!(
                r.body.contains(&format!("/programmes/{id}/glossary")),
                "{db}: {page}"
            );
        }
        let page = get(s, &path, c(&w.funder)).await;
        let rev = rev_in_form(&page.body, "vocabulary-form");
        let good: Vec<(&str, &str)> = vec![
            ("csrf", &w.funder.1),
            ("rev", &rev),
            ("vlang", "nb"),
            ("term-programme-singular", "satsing"),
            ("term-programme-definite", "satsingen"),
            ("term-programme-leader-singular", "satsingsleder"),
            ("g-0-headword", "Satsing"),
            (
                "g-0-definition",
                "Det vi i dette programmet kaller programmet.",
            ),
            ("g-0-term", "programme"),
        ];
        let with = |k: &str, v: &str| -> Vec<(String, String)> {
            let mut x: Vec<(String, String)> = good
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            match x.iter_mut().find(|(a, _)| a == k) {
                Some(slot) => slot.1 = v.to_string(),
                None => x.push((k.to_string(), v.to_string())),
            }
            x
        };
        let before = w.stored().await;
        for (k, v, field, what) in [
            (
                "g-0-definition",
                "",
                "Forklaring (rad 1)",
                "entry without definition",
            ),
            (
                "term-programme-plural",
                "satsinger\u{1b}[31m",
                "kontrolltegn",
                "control character",
            ),
            (
                "term-project-singular",
                &"z".repeat(301),
                "for lang",
                "huge word",
            ),
            (
                "g-0-term",
                "nonsense",
                "Erstatter standardforklaringen av (rad 1)",
                "unknown term",
            ),
            ("vlang", "xx", "Språk", "unknown language"),
        ] {
            let pairs = with(k, v);
            let p: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            let r = post(s, &path, c(&w.funder), &p).await;
            refused(&w, &r, field, &before, &format!("{db}: {what}")).await;
        }
        // The wrong role: neither the coordinator nor the evaluator keeps
        // the programme record.
        assert_eq!(
            get(s, &path, c(&w.brattvik)).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        assert_eq!(
            get(s, &path, c(&w.evaluator)).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        assert_eq!(
            get(s, &path, c(&w.outsider)).await.status,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        let mut p = good.clone();
        p[0].1 = &w.evaluator.1;
        assert_eq!(
            post(s, &path, c(&w.evaluator), &p).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        p[0].1 = &w.brattvik.1;
        assert_eq!(
            post(s, &path, c(&w.brattvik), &p).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        assert_eq!(w.stored().await, before, "{db}");
        // The happy path: the words are used and the entry is in the glossary.
        let r = post(s, &path, c(&w.funder), &good).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let e = doc
            .programme
            .vocabulary
            .iter()
            .find(|e| e.term == samspill_programme::model::Term::Programme && e.lang == "nb")
            .unwrap();
        assert_eq!(e.singular.as_deref(), Some("satsing"));
        assert!(
            doc.programme
                .glossary
                .iter()
                .any(|g| g.headword == "Satsing")
        );
        let g = get(s, &format!("/programmes/{id}/glossary"), c(&w.brattvik)).await;
        assert!(
            g.body
                .contains("Det vi i dette programmet kaller programmet."),
            "{db}"
        );
        // Other languages' entries are kept.
        let page = get(s, &format!("{path}?lang=en"), c(&w.funder)).await;
        assert_eq!(page.status, StatusCode::OK, "{db}");
        assert!(page.body.contains("name=\"vlang\" value=\"en\""), "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_drafted_submitted_and_read() {
    for (db, url) in database_urls() {
        let w = programme_world(&url).await;
        let s = &w.e.state;
        let id = w.id;
        let path = format!("/programmes/{id}/participants/strandoy");
        let action = format!("{path}/report");
        // Strandøy's deliberately late report: no record yet, shown late
        // with its draft and a form to submit it.
        let doc = w.stored().await;
        let today = samspill_programme::date::Date::parse(&samspill_store::today()).unwrap();
        let strandoy = doc.participant(&"strandoy".into()).unwrap();
        let (statuses, _) =
            samspill_programme::rules::reports::report_statuses(&doc, strandoy, today);
        let late: Vec<_> = statuses
            .iter()
            .filter(|x| x.state == samspill_programme::rules::reports::ReportState::Late)
            .collect();
        assert_eq!(late.len(), 1, "{db}: one late report");
        let late = late[0];
        assert!(late.report.is_none());
        let code = match late.kind {
            samspill_programme::model::ReportKind::HalfYear => "h",
            samspill_programme::model::ReportKind::Annual => "a",
            samspill_programme::model::ReportKind::Final => "f",
        };
        let rid = format!("strandoy-{code}{}", late.year);
        let kind = serde_json::to_value(late.kind)
            .unwrap()
            .as_str()
            .unwrap()
            .replace('_', "-");
        let year = late.year.to_string();
        let page = get(s, &path, c(&w.strandoy)).await;
        assert!(
            page.body.contains(&format!("id=\"rp-{rid}\"")),
            "{db}: submit form"
        );
        assert!(page.body.contains("Status per tiltak"), "{db}: the draft");
        assert!(
            page.body.contains("Endringer i programorganisasjonen"),
            "{db}"
        );
        let measure = doc
            .action_plan(&"strandoy".into())
            .and_then(|a| a.versions.last())
            .map(|v| v.measures[0].id.to_string())
            .unwrap();
        let status_field = format!("m-{measure}-status");
        let comment_field = format!("m-{measure}-comment");
        let today_s = today.to_string();
        let good: Vec<(String, String)> = vec![
            ("csrf".into(), w.strandoy.1.clone()),
            ("rev".into(), "0".into()),
            ("report".into(), rid.clone()),
            ("kind".into(), kind.clone()),
            ("year".into(), year.clone()),
            (status_field.clone(), "completed".into()),
            (comment_field.clone(), "Ferdig i høst".into()),
            ("narrative".into(), "Et halvår med ny rådmann.".into()),
            ("filled_in_by".into(), "Programleder".into()),
            ("treated".into(), today_s.clone()),
            ("submitted".into(), today_s.clone()),
        ];
        let with = |k: &str, v: &str| -> Vec<(String, String)> {
            let mut x = good.clone();
            match x.iter_mut().find(|(a, _)| a == k) {
                Some(slot) => slot.1 = v.to_string(),
                None => x.push((k.to_string(), v.to_string())),
            }
            x
        };
        let pairs = |x: &Vec<(String, String)>| -> Vec<(String, String)> { x.clone() };
        let before = w.stored().await;
        let future = today.add_days(30).to_string();
        for (k, v, field, what) in [
            (
                status_field.as_str(),
                "finished",
                "Status for tiltak",
                "unknown status",
            ),
            (
                "submitted",
                future.as_str(),
                "Levert",
                "submitted in the future",
            ),
            ("treated", "snart", "Behandlet", "bad date"),
            (
                "narrative",
                "tekst\u{8}",
                "kontrolltegn",
                "control character",
            ),
            (
                comment_field.as_str(),
                &"k".repeat(5001),
                "for lang",
                "huge comment",
            ),
            ("report", "", "Rapport", "no report"),
        ] {
            let x = pairs(&with(k, v));
            let p: Vec<(&str, &str)> = x.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            let r = post(s, &action, c(&w.strandoy), &p).await;
            refused(&w, &r, field, &before, &format!("{db}: {what}")).await;
        }
        // A report the participant does not owe cannot be made up.
        let x = with("year", "1999");
        let p: Vec<(&str, &str)> = x.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            post(s, &action, c(&w.strandoy), &p).await.status,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        // The wrong role: the evaluator (403), another coordinator (404).
        let mut x = good.clone();
        x[0].1 = w.evaluator.1.clone();
        let p: Vec<(&str, &str)> = x.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            post(s, &action, c(&w.evaluator), &p).await.status,
            StatusCode::FORBIDDEN,
            "{db}"
        );
        let mut x = good.clone();
        x[0].1 = w.brattvik.1.clone();
        let p: Vec<(&str, &str)> = x.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            post(s, &action, c(&w.brattvik), &p).await.status,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        assert_eq!(w.stored().await, before, "{db}");

        // The coordinator submits it.
        let p: Vec<(&str, &str)> = good.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let r = post(s, &action, c(&w.strandoy), &p).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let rep = doc
            .reports
            .iter()
            .find(|r| r.id.as_str() == rid)
            .expect("made");
        assert_eq!(rep.submitted, Some(today));
        assert_eq!(rep.steering_group_treated, Some(today));
        assert_eq!(rep.read, None);
        assert_eq!(rep.narrative.as_deref(), Some("Et halvår med ny rådmann."));
        let m = rep
            .measures
            .iter()
            .find(|m| m.measure.as_str() == measure)
            .unwrap();
        assert_eq!(
            m.status,
            samspill_programme::model::MeasureStatus::Completed
        );
        assert_eq!(m.comment.as_deref(), Some("Ferdig i høst"));
        // The funder marks it read; the coordinator's form never touches it.
        let page = get(s, &path, c(&w.funder)).await;
        let rev = rev_in_form(&page.body, &format!("rd-form-{rid}"));
        let r = post(
            s,
            &action,
            c(&w.funder),
            &[
                ("csrf", &w.funder.1),
                ("rev", &rev),
                ("report", &rid),
                ("read", &today_s),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let doc = w.stored().await;
        let rep = doc.reports.iter().find(|r| r.id.as_str() == rid).unwrap();
        assert_eq!(rep.read, Some(today));
        let page = get(s, &path, c(&w.strandoy)).await;
        assert!(
            !page
                .body
                .contains("<strong class=\"error\">For sent</strong>"),
            "{db}: nothing late now"
        );
    }
}
