//! Hostile input against the web pages: oversized and repeated survey
//! posts, links opened by mail scanners, unfinished answers, names that
//! would break mail, the cross-site check against the public origin, HSTS,
//! and translated pages for every refusal.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use samspill_store::{NewPerson, NewRound, RoundId};

async fn round(e: &Env, people: usize) -> (RoundId, Vec<String>, Vec<i64>) {
    let t = e.store.tenant(e.tenant);
    let roster: Vec<NewPerson> = (0..people)
        .map(|i| NewPerson {
            name: format!("Person {i}"),
            email: format!("p{i}@oppdal.example"),
            functions: vec!["Utbygging".into()],
            ..NewPerson::default()
        })
        .collect();
    t.import_roster(&roster).await.unwrap();
    let round = t
        .create_round(&NewRound::standard("Runde 1", "nb"))
        .await
        .unwrap();
    t.open_round(round).await.unwrap();
    let links = t.invitation_links(round).await.unwrap();
    (
        round,
        links.iter().map(|l| l.token.clone()).collect(),
        links.iter().map(|l| l.invitation.person.get()).collect(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_and_repeated_survey_posts_are_refused_before_anything_is_saved() {
    let e = env(&samspill_store::testing::sqlite_url().1, None).await;
    let (_, links, ids) = round(&e, 5).await;
    let t = &links[0];
    // 4 MB: a field repeated 400 000 times.
    let big = "o_focus=x&".repeat(400_000);
    let req = Request::post(format!("/s/{t}/open"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(big))
        .unwrap();
    let r = call(&e.state, req).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        r.body.contains("for stort"),
        "a translated page: {}",
        r.body
    );
    // Repeated single fields are refused, lists are not.
    let r = post(
        &e.state,
        &format!("/s/{t}/ratings"),
        None,
        &[("r_coordination", "2"), ("r_coordination", "6")],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("samme feltet flere ganger"), "{}", r.body);
    let a = ids[1].to_string();
    let b = ids[2].to_string();
    let r = post(
        &e.state,
        &format!("/s/{t}/contacts"),
        None,
        &[
            ("chosen", &a),
            ("chosen", &b),
            ("chosen", &a),
            ("nav", "next"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let answers = e
        .store
        .respondent(t)
        .await
        .unwrap()
        .answers()
        .await
        .unwrap();
    assert_eq!(answers.contacts.len(), 2, "a repeated choice counts once");
    assert!(
        answers.ratings.is_empty() && answers.open.is_empty(),
        "nothing else saved"
    );
    // Not on the roster / oneself: refused, nothing changed.
    let me = ids[0].to_string();
    for bad in [me.as_str(), "999999", "1 OR 1=1", "-1"] {
        let r = post(
            &e.state,
            &format!("/s/{t}/contacts"),
            None,
            &[("chosen", bad)],
        )
        .await;
        assert!(
            r.status == StatusCode::UNPROCESSABLE_ENTITY || r.status == StatusCode::BAD_REQUEST,
            "{bad}: {}",
            r.status
        );
    }
    let answers = e
        .store
        .respondent(t)
        .await
        .unwrap()
        .answers()
        .await
        .unwrap();
    assert_eq!(answers.contacts.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_a_link_records_nothing_and_unfinished_answers_are_led_to() {
    let e = env(&samspill_store::testing::sqlite_url().1, None).await;
    let (round, links, ids) = round(&e, 4).await;
    let t = &links[0];
    // A mail scanner fetches every link and page: nothing is recorded.
    for path in ["", "/contacts", "/summary", "?lang=en", "/done"] {
        get(&e.state, &format!("/s/{t}{path}"), None).await;
    }
    let stats = e
        .store
        .tenant(e.tenant)
        .response_stats(round)
        .await
        .unwrap();
    assert_eq!(stats.overall.started, 0, "GETs change nothing");
    // «Start» (a post) records the visit.
    let r = post(&e.state, &format!("/s/{t}/start"), None, &[]).await;
    assert_eq!(r.location(), format!("/s/{t}/contacts"));
    let stats = e
        .store
        .tenant(e.tenant)
        .response_stats(round)
        .await
        .unwrap();
    assert_eq!(stats.overall.started, 1);
    // Two people chosen, one frequency given, then the respondent leaves.
    let (a, b) = (ids[1].to_string(), ids[2].to_string());
    post(
        &e.state,
        &format!("/s/{t}/contacts"),
        None,
        &[("chosen", &a), ("chosen", &b)],
    )
    .await;
    post(
        &e.state,
        &format!("/s/{t}/frequency"),
        None,
        &[(&format!("f_{a}"), "weekly")],
    )
    .await;
    post(
        &e.state,
        &format!("/s/{t}/ratings"),
        None,
        &[("r_coordination", "4")],
    )
    .await;
    // «Fortsett» leads to the unfinished frequency step, not past it.
    let r = post(&e.state, &format!("/s/{t}/start"), None, &[]).await;
    assert_eq!(r.location(), format!("/s/{t}/frequency"));
    // The summary says what is missing, with a link there.
    let s = get(&e.state, &format!("/s/{t}/summary"), None).await;
    assert!(s.body.contains("Dette er ikke besvart ennå"), "{}", s.body);
    assert!(s.body.contains(&format!("href=\"/s/{t}/frequency\"")));
    assert!(
        s.body.contains("ingen kontakt"),
        "an empty body means no contact"
    );
    // Submitting is refused until every chosen person has a frequency.
    let r = post(&e.state, &format!("/s/{t}/submit"), None, &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("Før du sender inn"), "{}", r.body);
    assert!(
        !e.store
            .respondent(t)
            .await
            .unwrap()
            .view()
            .await
            .unwrap()
            .submitted
    );
    post(
        &e.state,
        &format!("/s/{t}/frequency"),
        None,
        &[(&format!("f_{b}"), "daily")],
    )
    .await;
    let r = post(&e.state, &format!("/s/{t}/submit"), None, &[]).await;
    assert_eq!(r.location(), format!("/s/{t}/done"));
    // Opening the link again says the answers were sent.
    let w = get(&e.state, &format!("/s/{t}"), None).await;
    assert!(w.body.contains("Svarene dine er sendt inn"), "{}", w.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_refuse_line_breaks_in_names_and_every_refusal_is_translated() {
    let e = env(&samspill_store::testing::sqlite_url().1, None).await;
    let (cookie, csrf) = login(&e).await;
    let c = Some(cookie.as_str());
    let r = post(
        &e.state,
        "/coord/roster/add",
        c,
        &[
            ("csrf", &csrf),
            ("name", "Kari\r\nBcc: x@y.example"),
            ("email", "kari@oppdal.example"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post(
        &e.state,
        "/coord/settings",
        c,
        &[
            ("csrf", &csrf),
            ("name", "Oppdal\nkommune"),
            ("lang", "nb"),
            ("mail_from", ""),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        e.store.tenant(e.tenant).info().await.unwrap().name,
        "Oppdal kommune"
    );
    assert!(e.store.tenant(e.tenant).persons().await.unwrap().is_empty());
    // A repeated field in a coordinator's form.
    let r = post(
        &e.state,
        "/coord/settings",
        c,
        &[
            ("csrf", &csrf),
            ("name", "A"),
            ("name", "B"),
            ("lang", "nb"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Addresses that do not parse: translated pages, never library text.
    for path in [
        "/coord/rounds/abc",
        "/coord/rounds/99999999999999999999999",
        "/coord/roster/x",
    ] {
        let r = get(&e.state, path, c).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(r.body.contains("Vi fant ikke siden"), "{path}: {}", r.body);
        assert!(
            !r.body.contains("Cannot parse") && !r.body.contains("Invalid URL"),
            "{path}"
        );
    }
    let r = get(&e.state, "/login?lang=%FF", None).await;
    assert_ne!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    // A roster that is not a workbook: a translated message.
    let r = upload(
        &e.state,
        "/coord/roster/import",
        &cookie,
        &csrf,
        "liste.xlsx",
        b"PK\x03\x04 not really",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        !r.body.contains("Zip error") && !r.body.contains("EOCD"),
        "{}",
        r.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_checked_against_the_public_origin_with_its_scheme() {
    let url = samspill_store::testing::sqlite_url().1;
    let mut e = env(&url, None).await;
    let mut config = e.state.config().clone();
    config.public_url = "https://samspill.kommune.no".into();
    config.secure_cookies = true;
    e.state = samspill_web::AppState::new(e.store.clone(), config).unwrap();
    let post_with = |origin: Option<&'static str>, host: &'static str| {
        let mut b = Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, host);
        if let Some(o) = origin {
            b = b.header(header::ORIGIN, o);
        }
        b.body(Body::from("email=a%40b.no&password=x")).unwrap()
    };
    // Through a proxy that rewrites Host: same origin, accepted.
    let r = call(
        &e.state,
        post_with(Some("https://samspill.kommune.no"), "127.0.0.1:8080"),
    )
    .await;
    assert_ne!(r.status, StatusCode::FORBIDDEN);
    // The wrong scheme, another site, null: refused.
    for o in ["http://samspill.kommune.no", "https://evil.example", "null"] {
        let r = call(&e.state, post_with(Some(o), "samspill.kommune.no")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{o}");
        assert!(r.body.contains("Forespørselen ble avvist"), "{o}");
    }
    // HSTS on an HTTPS site; cookies Secure.
    let r = get(&e.state, "/login", None).await;
    assert_eq!(
        r.headers[header::STRICT_TRANSPORT_SECURITY],
        "max-age=31536000; includeSubDomains"
    );
    let r = post(
        &e.state,
        "/login",
        None,
        &[("email", &e.coordinator), ("password", PASSWORD)],
    )
    .await;
    let set = r.headers[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(set.contains("Secure") && set.contains("HttpOnly") && set.contains("SameSite=Lax"));
    // Plain HTTP (the demo): no HSTS.
    let plain = env(&samspill_store::testing::sqlite_url().1, None).await;
    let r = get(&plain.state, "/login", None).await;
    assert!(r.headers.get(header::STRICT_TRANSPORT_SECURITY).is_none());
}
