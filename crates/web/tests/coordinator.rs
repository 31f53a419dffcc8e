//! The coordinator's side over HTTP (oneshot): login, CSRF, rate limit,
//! roster import (CSV, XLSX, malformed), coverage, rounds, links, letters,
//! monitoring and closing — on SQLite and PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use samspill_store::{Role, RoundId};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_sessions_csrf_and_rate_limit() {
    let e = env(&sqlite_only(), None).await;
    // Protected pages send anonymous users to the login page.
    let r = get(&e.state, "/coord/roster", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/login");
    let page = get(&e.state, "/login", None).await;
    assert!(
        page.body.contains("<label for=\"email\">"),
        "labelled fields"
    );
    // Security headers on every response.
    for h in [
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
        "x-frame-options",
    ] {
        assert!(page.headers.contains_key(h), "missing {h}");
    }
    // Wrong password: 401, same message as an unknown user.
    let r = post(
        &e.state,
        "/login",
        None,
        &[("email", &e.coordinator), ("password", "feil")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("Feil e-postadresse eller passord"));
    let (cookie, csrf) = login(&e).await;
    assert!(!cookie.contains(PASSWORD));
    let set = get(&e.state, "/coord", Some(&cookie)).await;
    assert_eq!(set.status, StatusCode::OK);
    // A form post without the session's CSRF token is refused and changes nothing.
    let r = post(
        &e.state,
        "/coord/functions",
        Some(&cookie),
        &[("name", "Uten token")],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post(
        &e.state,
        "/coord/functions",
        Some(&cookie),
        &[("csrf", "forged"), ("name", "Feil token")],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A cross-site request is refused before it reaches the handler.
    let req = Request::post("/coord/functions")
        .header(header::COOKIE, &cookie)
        .header(header::ORIGIN, "https://evil.example")
        .header(header::HOST, "samspill.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form(&[
            ("csrf", &csrf),
            ("name", "Fra en annen side"),
        ])))
        .unwrap();
    assert_eq!(call(&e.state, req).await.status, StatusCode::FORBIDDEN);
    let req = Request::post("/coord/functions")
        .header(header::COOKIE, &cookie)
        .header("sec-fetch-site", "cross-site")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form(&[
            ("csrf", &csrf),
            ("name", "Fra en annen side"),
        ])))
        .unwrap();
    assert_eq!(call(&e.state, req).await.status, StatusCode::FORBIDDEN);
    let names: Vec<String> = e
        .store
        .tenant(e.tenant)
        .functions()
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names.len(), 11, "{names:?}");
    // With the token it works.
    let r = post(
        &e.state,
        "/coord/functions",
        Some(&cookie),
        &[("csrf", &csrf), ("name", "Boligkontor")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Logout ends the session.
    let r = post(&e.state, "/logout", Some(&cookie), &[("csrf", &csrf)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        get(&e.state, "/coord", Some(&cookie)).await.status,
        StatusCode::SEE_OTHER
    );
    // Login limits: three wrong passwords from this address, then each
    // attempt waits (2 s after the third), even with the right password.
    for _ in 0..3 {
        let r = post(
            &e.state,
            "/login",
            None,
            &[("email", &e.coordinator), ("password", "gjetting")],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = post(
        &e.state,
        "/login",
        None,
        &[("email", &e.coordinator), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.cookie().is_none());
    let wait: u64 = r.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&wait), "{wait}");
    assert!(r.body.contains("sekunder"), "{}", r.body);
    // After the wait the right password works and resets the counter.
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let r = post(
        &e.state,
        "/login",
        None,
        &[("email", &e.coordinator), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = post(
        &e.state,
        "/login",
        None,
        &[("email", &e.coordinator), ("password", "gjetting")],
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::UNAUTHORIZED,
        "the success reset the counter"
    );
    // /metrics only for an operator (or a configured address).
    assert_eq!(
        get(&e.state, "/metrics", None).await.status,
        StatusCode::NOT_FOUND
    );
    let cookie = login(&e).await.0;
    assert_eq!(
        get(&e.state, "/metrics", Some(&cookie)).await.status,
        StatusCode::NOT_FOUND
    );
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
    // Operators need an authenticator with their password.
    let (op, _) = login_enrolling_totp(&e.state, "drift@samspill.example", PASSWORD).await;
    let m = get(&e.state, "/metrics", Some(&op)).await;
    assert_eq!(m.status, StatusCode::OK);
    assert!(
        m.body.contains("samspill_logins_rate_limited_total 1"),
        "{}",
        m.body
    );
}

fn sqlite_only() -> String {
    samspill_store::testing::sqlite_url().1
}

fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roster_import_validates_rows_and_stores_nothing_on_error() {
    for (db, url) in database_urls() {
        let e = env(&url, None).await;
        let (cookie, csrf) = login(&e).await;
        let t = e.store.tenant(e.tenant);
        // Malformed: duplicate e-mail, unknown function, bad e-mail, unknown level, missing name.
        let bad = "navn,e-post,enhet,nivå,funksjoner\n\
            Kari,kari@x.example,NAV,leder,Tildeling av bolig\n\
            ,tom@x.example,NAV,,Utbygging\n\
            Ola,KARI@x.example,NAV,,Utbygging\n\
            Siri,siri@x.example,Plan,,Hemmelig funksjon\n\
            Per,ikke-epost,NAV,sjef,Utbygging\n";
        let r = upload(
            &e.state,
            "/coord/roster/import",
            &cookie,
            &csrf,
            "liste.csv",
            bad.as_bytes(),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        // Every problem of every row at once, in file order, with row,
        // column and what was expected: the unknown level hides nothing.
        let expected = [
            "Rad 3, kolonne A («navn»): navnet mangler (hver person trenger et navn).",
            "Rad 4, kolonne B («e-post»): e-postadressen KARI@x.example står også på rad 2 (hver person skal stå på listen én gang).",
            "Rad 5, kolonne E («funksjoner»): funksjonen «Hemmelig funksjon» finnes ikke i funksjonslisten",
            "Rad 6, kolonne B («e-post»): «ikke-epost» er ikke en e-postadresse (ventet en adresse som navn@kommune.no).",
            "Rad 6, kolonne D («nivå»): nivået «sjef» er ukjent (ventet toppledelse, leder, fagperson, politiker eller ekstern).",
        ];
        let mut at = 0;
        for e in expected {
            let found = r.body[at..].find(e);
            assert!(
                found.is_some(),
                "{db}: missing (or out of order) {e:?} in {}",
                r.body
            );
            at += found.unwrap();
        }
        assert!(
            t.persons().await.unwrap().is_empty(),
            "{db}: nothing stored"
        );
        // A missing column, an empty file, garbage bytes.
        let r = upload(
            &e.state,
            "/coord/roster/import",
            &cookie,
            &csrf,
            "x.csv",
            b"navn;enhet\nKari;NAV\n",
        )
        .await;
        assert!(
            r.body.contains("Rad 1 (overskriftene): kolonnen for e-post mangler (ventet en overskrift som «E-post»)."),
            "{}",
            r.body
        );
        let r = upload(
            &e.state,
            "/coord/roster/import",
            &cookie,
            &csrf,
            "x.xlsx",
            b"PK\x03\x04not a zip",
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Filen kunne ikke leses"));
        assert!(t.persons().await.unwrap().is_empty());

        // Windows-1252 semicolon CSV (Norwegian Excel) with æøå.
        let cp1252: Vec<u8> = ROSTER_CSV.chars().map(|c| c as u32 as u8).collect();
        let r = upload(
            &e.state,
            "/coord/roster/import",
            &cookie,
            &csrf,
            "liste.csv",
            &cp1252,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        assert_eq!(r.location(), "/coord/roster?added=6&updated=0");
        let persons = t.persons().await.unwrap();
        assert_eq!(persons.len(), 6);
        let kari = persons
            .iter()
            .find(|p| p.email == "kari@oppdal.example")
            .unwrap();
        assert_eq!(
            kari.functions,
            ["Tildeling av bolig", "Økonomiske virkemidler/rådgivning"]
        );
        // XLSX, updating one person (same stable id) and adding one.
        let book = xlsx(&[
            &["Name", "Email", "Unit", "Level", "Functions"],
            &[
                "Kari Nordmann-Berg",
                "kari@oppdal.example",
                "NAV",
                "leader",
                "Husleiekontrakter",
            ],
            &["Ny Person", "ny@oppdal.example", "Eiendom", "", "Utbygging"],
        ]);
        let r = upload(
            &e.state,
            "/coord/roster/import",
            &cookie,
            &csrf,
            "liste.xlsx",
            &book,
        )
        .await;
        assert_eq!(
            r.location(),
            "/coord/roster?added=1&updated=1",
            "{db}: {}",
            r.body
        );
        let kari2 = t.person(kari.id).await.unwrap();
        assert_eq!(kari2.name, "Kari Nordmann-Berg");
        assert_eq!(kari2.functions, ["Husleiekontrakter"]);
        // Coverage check and the persons-per-function table.
        let page = get(&e.state, "/coord/roster", Some(&cookie)).await;
        assert!(page.body.contains("Ingen i Samfunnsplanlegging"), "{db}");
        assert!(!page.body.contains("Ingen i Husleiekontrakter"));
        assert!(
            page.body
                .contains("<caption>Personer per funksjon</caption>")
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_roster_text_is_escaped_everywhere() {
    let e = env(&sqlite_only(), None).await;
    let (cookie, csrf) = login(&e).await;
    let csv = "navn,e-post,enhet\n\"<script>alert('x')</script>\",evil@x.example,\"<img src=x onerror=alert(1)>\"\n\"Robert'); DROP TABLE persons;--\",bobby@x.example,IT\n";
    let r = upload(
        &e.state,
        "/coord/roster/import",
        &cookie,
        &csrf,
        "x.csv",
        csv.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&e.state, "/coord/roster", Some(&cookie)).await;
    assert!(!page.body.contains("<script>alert"), "unescaped script");
    assert!(!page.body.contains("<img src=x"), "unescaped img");
    assert!(page.body.contains("&lt;script&gt;"));
    assert!(
        page.body.contains("Robert&#x27;); DROP TABLE persons;--"),
        "{}",
        page.body
    );
    assert_eq!(e.store.tenant(e.tenant).persons().await.unwrap().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_from_creation_to_closing_over_http() {
    for (db, url) in database_urls() {
        let e = env(&url, None).await;
        let (cookie, csrf) = login(&e).await;
        let r = upload(
            &e.state,
            "/coord/roster/import",
            &cookie,
            &csrf,
            "l.csv",
            ROSTER_CSV.as_bytes(),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = post(
            &e.state,
            "/coord/rounds",
            Some(&cookie),
            &[("csrf", &csrf), ("name", "Runde 1")],
        )
        .await;
        let round_url = r.location();
        assert!(round_url.starts_with("/coord/rounds/"), "{db}: {}", r.body);
        let id: i64 = round_url.rsplit('/').next().unwrap().parse().unwrap();
        let page = get(&e.state, &round_url, Some(&cookie)).await;
        assert!(
            page.body.contains("Anslått svartid: omtrent"),
            "estimate shown before sending"
        );
        // Bodies and wording.
        let r = post_follow(
            &e.state,
            &format!("{round_url}/bodies"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                (
                    "bodies",
                    "Ordfører\nFormannskap\nKommunestyre\nHovedutvalg helse og omsorg",
                ),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Lagret"), "{db}: the saved notice");
        let r = post(
            &e.state,
            &format!("{round_url}/instrument"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("text_lang", "nn"),
                ("t_contacts", "Kven snakkar du med om bustad?"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let inst = get(
            &e.state,
            &format!("{round_url}/instrument?lang=nn"),
            Some(&cookie),
        )
        .await;
        assert!(inst.body.contains("Kven snakkar du med om bustad?"));
        // Dates: closing before opening is refused with a message.
        let r = post(
            &e.state,
            &format!("{round_url}/settings"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("name", "Runde 1"),
                ("round_lang", "nb"),
                ("languages", "nb"),
                ("languages", "nn"),
                ("opens_on", "2030-02-01"),
                ("closes_on", "2030-01-01"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = post(
            &e.state,
            &format!("{round_url}/settings"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("name", "Runde 1"),
                ("round_lang", "nb"),
                ("languages", "nb"),
                ("languages", "nn"),
                ("languages", "en"),
                ("closes_on", "2099-12-31"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // The contact question was changed in nynorsk only: bokmål and
        // English say something else, so opening needs a confirmation.
        let r = post(
            &e.state,
            &format!("{round_url}/open"),
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}");
        assert!(r.body.contains("Runden ble ikke åpnet"), "{db}: {}", r.body);
        assert!(r.body.contains("Bokmål: Kontaktspørsmålet"), "{db}");
        let r = post_follow(
            &e.state,
            &format!("{round_url}/open"),
            Some(&cookie),
            &[("csrf", &csrf), ("confirm_languages", "1")],
        )
        .await;
        assert!(r.body.contains("Runden er åpen."), "{db}");
        // A reload of the page after the action repeats nothing, and a GET
        // of the action's address leads back to the round.
        let again = get(&e.state, &format!("{round_url}/open"), Some(&cookie)).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        assert_eq!(again.location(), round_url);
        // Links as CSV and printable letters with QR codes.
        let csv = get(&e.state, &format!("{round_url}/links.csv"), Some(&cookie)).await;
        assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        let links: Vec<String> = csv
            .body
            .lines()
            .skip(1)
            .map(|l| l.rsplit(',').next().unwrap().to_string())
            .collect();
        assert_eq!(links.len(), 6);
        assert!(
            links
                .iter()
                .all(|l| l.starts_with("http://samspill.test/s/") && l.len() > 23 + 42)
        );
        let letters = get(&e.state, &format!("{round_url}/letters"), Some(&cookie)).await;
        assert_eq!(
            letters.body.matches("svg+xml,%3C").count(),
            6,
            "{}",
            letters.body
        );
        assert!(
            letters
                .body
                .contains("alt=\"QR-kode med din personlige lenke")
        );
        // One respondent answers everything; monitoring shows 1/6 without answers.
        let token = links[0].rsplit('/').next().unwrap().to_string();
        answer_all(&e, &token, "Sterkt samarbeid med <b>NAV</b>").await;
        let page = get(&e.state, &round_url, Some(&cookie)).await;
        assert!(
            page.body.contains("1 av 6 har svart (17 %)"),
            "{db}: {}",
            page.body
        );
        assert!(
            !page.body.contains("Sterkt samarbeid"),
            "monitoring shows no answers"
        );
        // Closing needs confirmation, then freezes the round.
        let r = post(
            &e.state,
            &format!("{round_url}/close"),
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = post(
            &e.state,
            &format!("{round_url}/close"),
            Some(&cookie),
            &[("csrf", &csrf), ("confirm", "1")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let r = get(&e.state, &r.location(), Some(&cookie)).await;
        assert!(r.body.contains("Runden er avsluttet"), "{db}");
        let r = post(
            &e.state,
            &format!("{round_url}/bodies"),
            Some(&cookie),
            &[("csrf", &csrf), ("bodies", "Nytt organ")],
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        let r = post(
            &e.state,
            &format!("/s/{token}/ratings"),
            None,
            &[("r_coordination", "1")],
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}: frozen");
        let data = e
            .store
            .tenant(e.tenant)
            .round_network(RoundId::from_raw(id))
            .await
            .unwrap();
        assert_eq!(
            data.network.people.iter().filter(|p| p.responded).count(),
            1
        );
        assert_eq!(data.network.relations[0].ties.len(), 2);
        assert_eq!(data.political.bodies.len(), 4);
        assert_eq!(data.open_answers[0].text, "Sterkt samarbeid med <b>NAV</b>");
        // The audit log records who did what.
        let log = e
            .store
            .tenant(e.tenant)
            .audit_log(&samspill_store::AuditFilter::default())
            .await
            .unwrap();
        for action in [
            "round.close",
            "round.open",
            "roster.import",
            "login",
            "read.letters",
            "read.links",
            "read.monitoring",
        ] {
            assert!(
                log.iter().any(|l| l.action == action),
                "{db}: no {action} in audit log"
            );
        }
        // Each row names the user who acted, never just a role.
        for l in log
            .iter()
            .filter(|l| l.action.starts_with("round.") || l.action.starts_with("read."))
        {
            assert_eq!(l.actor, e.coordinator, "{db}: {l:?}");
        }
    }
}

/// Answers every step as a respondent would without JavaScript.
pub async fn answer_all(e: &Env, token: &str, open_text: &str) {
    let s = &e.state;
    let welcome = get(s, &format!("/s/{token}"), None).await;
    assert_eq!(welcome.status, StatusCode::OK);
    assert!(
        welcome
            .body
            .contains("Kolleger kan oppgi at de har kontakt med deg"),
        "GDPR text"
    );
    let contacts = get(s, &format!("/s/{token}/contacts"), None).await;
    assert!(
        contacts.body.contains("<fieldset data-group"),
        "grouped by function"
    );
    let ids: Vec<String> = contacts
        .body
        .match_indices("name=\"chosen\" value=\"")
        .map(|(i, m)| {
            contacts.body[i + m.len()..]
                .split('"')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(ids.len() >= 2);
    let r = post(
        s,
        &format!("/s/{token}/contacts"),
        None,
        &[("chosen", &ids[0]), ("chosen", &ids[1]), ("nav", "next")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), format!("/s/{token}/frequency"));
    // Next without all frequencies: the error is tied to the field.
    let r = post(
        s,
        &format!("/s/{token}/frequency"),
        None,
        &[(&format!("f_{}", ids[0]), "daily"), ("nav", "next")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains(&format!("aria-describedby=\"f-{}-error\"", ids[1])),
        "{}",
        r.body
    );
    let r = post(
        s,
        &format!("/s/{token}/frequency"),
        None,
        &[(&format!("f_{}", ids[1]), "weekly"), ("nav", "next")],
    )
    .await;
    assert_eq!(
        r.location(),
        format!("/s/{token}/political"),
        "{ids:?} {}",
        r.body
    );
    assert_eq!(r.location(), format!("/s/{token}/political"));
    let pol = get(s, &format!("/s/{token}/political"), None).await;
    let body_id = pol
        .body
        .split("name=\"p_")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let r = post(
        s,
        &format!("/s/{token}/political"),
        None,
        &[
            (&format!("p_{body_id}"), "gives_information"),
            ("nav", "next"),
        ],
    )
    .await;
    assert_eq!(r.location(), format!("/s/{token}/ratings"));
    // Autosave answers with JSON after the commit.
    let req = Request::post(format!("/s/{token}/ratings"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-autosave", "1")
        .body(Body::from(form(&[
            ("r_coordination", "5"),
            ("r_meeting_places", "dk"),
        ])))
        .unwrap();
    let r = call(s, req).await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (StatusCode::OK, "{\"saved\":true}")
    );
    let r = post(
        s,
        &format!("/s/{token}/open"),
        None,
        &[("o_strengths", open_text), ("nav", "next")],
    )
    .await;
    assert_eq!(r.location(), format!("/s/{token}/summary"));
    let sum = get(s, &format!("/s/{token}/summary"), None).await;
    assert!(sum.body.contains("Daglig") && sum.body.contains("Ukentlig"));
    assert!(sum.body.contains("5"));
    let r = post(s, &format!("/s/{token}/submit"), None, &[]).await;
    assert_eq!(r.location(), format!("/s/{token}/done"));
}
