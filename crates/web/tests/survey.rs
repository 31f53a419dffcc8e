//! The respondent's side over HTTP: opening page, language, resume,
//! autosave, bad tokens, hostile and oversized text, closed rounds.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use samspill_store::{NewPerson, NewRound, RoundId};

async fn round_with_links(e: &Env, people: usize) -> (RoundId, Vec<String>) {
    let t = e.store.tenant(e.tenant);
    let roster: Vec<NewPerson> = (0..people)
        .map(|i| NewPerson {
            name: format!("Person {i}"),
            email: format!("p{i}@oppdal.example"),
            unit: Some(if i % 2 == 0 {
                "NAV".into()
            } else {
                "Eiendom".into()
            }),
            level: None,
            functions: vec![if i % 2 == 0 {
                "Tildeling av bolig".into()
            } else {
                "Utbygging".into()
            }],
        })
        .collect();
    t.import_roster(&roster).await.unwrap();
    let round = t
        .create_round(&NewRound::standard("Runde 1", "nb"))
        .await
        .unwrap();
    t.open_round(round).await.unwrap();
    let links = t
        .invitation_links(round)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.token)
        .collect();
    (round, links)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_expired_and_closed_links_get_clear_pages() {
    let e = env(&samspill_store::testing::sqlite_url().1, None).await;
    let (round, links) = round_with_links(&e, 3).await;
    for forged in [
        "x",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "%27%20OR%201%3D1",
        &links[0][..30],
    ] {
        let r = get(&e.state, &format!("/s/{forged}"), None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{forged}");
        assert!(
            r.body.contains("Lenken er ukjent eller utløpt"),
            "{}",
            r.body
        );
        let r = post(
            &e.state,
            &format!("/s/{forged}/ratings"),
            None,
            &[("r_coordination", "3")],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    let inv = e.store.tenant(e.tenant).invitations(round).await.unwrap()[1].id;
    e.store
        .set_invitation_expiry(e.tenant, inv, Some(samspill_store::now() - 10))
        .await
        .unwrap();
    assert_eq!(
        get(&e.state, &format!("/s/{}", links[1]), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    e.store.tenant(e.tenant).close_round(round).await.unwrap();
    let r = get(&e.state, &format!("/s/{}", links[0]), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Undersøkelsen er avsluttet"));
    let r = post(
        &e.state,
        &format!("/s/{}/ratings", links[0]),
        None,
        &[("r_coordination", "3")],
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("Runden er avsluttet"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_is_the_tenants_and_switchable_and_progress_is_shown() {
    let e = env(&samspill_store::testing::sqlite_url().1, None).await;
    let (_, links) = round_with_links(&e, 4).await;
    let t = &links[0];
    let r = get(&e.state, &format!("/s/{t}"), None).await;
    assert!(r.body.contains("<html lang=\"nb\">"));
    assert!(r.body.contains("Hvorfor får du denne undersøkelsen?"));
    assert!(
        r.body.contains("Omtrent"),
        "time estimate on the opening page"
    );
    // `?lang=` shows another language and changes nothing (a mail
    // scanner following the link records nothing).
    let r = get(&e.state, &format!("/s/{t}/contacts?lang=en"), None).await;
    assert!(r.body.contains("<html lang=\"en\">"), "{}", r.body);
    assert!(r.body.contains("Whom have you been in contact with"));
    assert!(r.body.contains("Step 1 of 6"));
    let r = get(&e.state, &format!("/s/{t}/ratings"), None).await;
    assert!(
        r.body.contains("<html lang=\"nb\">"),
        "a GET stores nothing"
    );
    let before = e.store.respondent(t).await.unwrap().view().await.unwrap();
    assert_eq!(before.lang, None);
    // The language buttons post the choice, which sticks.
    let r = post(
        &e.state,
        &format!("/s/{t}/lang"),
        None,
        &[("lang", "en"), ("back", "contacts")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), format!("/s/{t}/contacts"));
    let r = post(
        &e.state,
        &format!("/s/{t}/lang"),
        None,
        &[("lang", "en"), ("back", "https://evil.example")],
    )
    .await;
    assert_eq!(
        r.location(),
        format!("/s/{t}"),
        "only the survey's own pages"
    );
    let r = get(&e.state, &format!("/s/{t}/ratings"), None).await;
    assert!(
        r.body.contains("Don&#x27;t know") || r.body.contains("Don't know"),
        "{}",
        r.body
    );
    let r = get(&e.state, &format!("/s/{t}/ratings?lang=nn"), None).await;
    assert!(r.body.contains("Veit ikkje"));
    let r = get(&e.state, &format!("/s/{t}/ratings?lang=da"), None).await;
    assert!(r.body.contains("Ved ikke"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leave_and_resume_with_the_same_link_and_change_after_submitting() {
    let e = env(&samspill_store::testing::sqlite_url().1, None).await;
    let (_, links) = round_with_links(&e, 4).await;
    let t = &links[0];
    let page = get(&e.state, &format!("/s/{t}/contacts"), None).await;
    let id = page
        .body
        .split("name=\"chosen\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    post(
        &e.state,
        &format!("/s/{t}/contacts"),
        None,
        &[("chosen", &id), ("nav", "next")],
    )
    .await;
    post(
        &e.state,
        &format!("/s/{t}/frequency"),
        None,
        &[(&format!("f_{id}"), "monthly"), ("nav", "next")],
    )
    .await;
    // Coming back later: «Fortsett» continues at the next step.
    let r = get(&e.state, &format!("/s/{t}"), None).await;
    assert!(
        r.body.contains(&format!("action=\"/s/{t}/start\"")),
        "{}",
        r.body
    );
    let r = post(&e.state, &format!("/s/{t}/start"), None, &[]).await;
    assert_eq!(r.location(), format!("/s/{t}/political"));
    let r = get(&e.state, &format!("/s/{t}/frequency"), None).await;
    assert!(
        r.body
            .contains(&format!("name=\"f_{id}\" value=\"monthly\" checked"))
    );
    post(&e.state, &format!("/s/{t}/submit"), None, &[]).await;
    // Change after submitting, until the round closes.
    let r = post(
        &e.state,
        &format!("/s/{t}/frequency"),
        None,
        &[(&format!("f_{id}"), "daily"), ("nav", "next")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let sum = get(&e.state, &format!("/s/{t}/summary"), None).await;
    assert!(sum.body.contains("Daglig"));
    assert!(sum.body.contains("Send inn endringene"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_and_oversized_answers_are_refused_or_escaped() {
    let e = env(&samspill_store::testing::sqlite_url().1, None).await;
    let (_, links) = round_with_links(&e, 3).await;
    let t = &links[0];
    let hostile = "<script>alert(document.cookie)</script>\"><img src=x onerror=alert(1)>'; DROP TABLE open_answers; --";
    let r = post(
        &e.state,
        &format!("/s/{t}/open"),
        None,
        &[("o_strengths", hostile), ("nav", "next")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let sum = get(&e.state, &format!("/s/{t}/summary"), None).await;
    assert!(!sum.body.contains("<script>alert"), "unescaped");
    assert!(!sum.body.contains("<img src=x"), "unescaped");
    assert!(
        sum.body
            .contains("&lt;script&gt;alert(document.cookie)&lt;&#x2f;script&gt;")
    );
    let page = get(&e.state, &format!("/s/{t}/open"), None).await;
    assert!(
        page.body.contains("&lt;script&gt;"),
        "the textarea shows the text escaped"
    );
    // Oversized: refused beside its field, the other answer is kept.
    let big = "å".repeat(4001);
    let r = post(
        &e.state,
        &format!("/s/{t}/open"),
        None,
        &[("o_strengths", "kort"), ("o_focus", &big), ("nav", "next")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"o-focus-error\""), "{}", r.body);
    assert!(
        r.body
            .contains("aria-describedby=\"open-help o-focus-error\"")
    );
    let resp = e.store.respondent(t).await.unwrap();
    let open = resp.answers().await.unwrap().open;
    assert_eq!(open, [("strengths".to_string(), "kort".to_string())]);
    // Bad values: unknown people, bodies, frequencies, ratings.
    for (step, pairs) in [
        ("contacts", vec![("chosen", "999999")]),
        ("contacts", vec![("chosen", "abc")]),
        ("frequency", vec![("f_1", "hourly")]),
        ("political", vec![("p_999999", "gives_information")]),
        ("political", vec![("p_1", "bribes")]),
    ] {
        let r = post(&e.state, &format!("/s/{t}/{step}"), None, &pairs).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{step} {pairs:?}"
        );
    }
    let r = post(
        &e.state,
        &format!("/s/{t}/ratings"),
        None,
        &[("r_coordination", "9")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"r-coordination-error\""));
    assert!(resp.answers().await.unwrap().ratings.is_empty());
    // An autosave of a bad value reports failure as JSON.
    let req = Request::post(format!("/s/{t}/contacts"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-autosave", "1")
        .body(Body::from("chosen=999999"))
        .unwrap();
    let r = call(&e.state, req).await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "{\"saved\":false}")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_metrics_and_static_files() {
    let e = env(&samspill_store::testing::sqlite_url().1, None).await;
    let r = get(&e.state, "/health", None).await;
    assert_eq!((r.status, r.body.as_str()), (StatusCode::OK, "ok\n"));
    // /metrics is not public.
    let r = get(&e.state, "/metrics", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!r.body.contains("samspill_answers_saved_total"));
    assert_eq!(
        get(&e.state, "/static/app.css", None).await.status,
        StatusCode::OK
    );
    assert!(
        get(&e.state, "/static/survey.js", None)
            .await
            .body
            .contains("X-Autosave")
    );
    let r = get(&e.state, "/nope", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_renders_in_all_four_languages() {
    let e = env(&samspill_store::testing::sqlite_url().1, None).await;
    let (round, links) = round_with_links(&e, 3).await;
    let t = &links[0];
    for lang in ["nb", "nn", "da", "en"] {
        for step in [
            "",
            "/contacts",
            "/frequency",
            "/political",
            "/ratings",
            "/open",
            "/summary",
            "/done",
        ] {
            let r = get(&e.state, &format!("/s/{t}{step}?lang={lang}"), None).await;
            assert_eq!(r.status, StatusCode::OK, "{lang} {step}: {}", r.body);
            assert!(
                r.body.contains(&format!("<html lang=\"{lang}\">")),
                "{lang} {step}"
            );
        }
        // The coordinator's pages in the tenant's language.
        e.store
            .tenant(e.tenant)
            .update_settings(
                "Oppdal kommune",
                lang,
                Some("samspill@oppdal.kommune.example"),
            )
            .await
            .unwrap();
        let (cookie, _) = login(&e).await;
        for page in [
            "/coord".to_string(),
            "/coord/roster".into(),
            "/coord/settings".into(),
            format!("/coord/rounds/{round}"),
            format!("/coord/rounds/{round}/instrument"),
            // Letters are in the language asked for (the respondent's).
            format!("/coord/rounds/{round}/letters?lang={lang}"),
            "/language".into(),
        ] {
            let r = get(&e.state, &page, Some(&cookie)).await;
            assert_eq!(r.status, StatusCode::OK, "{lang} {page}: {}", r.body);
            assert!(
                r.body.contains(&format!("<html lang=\"{lang}\">")),
                "{lang} {page}"
            );
        }
    }
    let login_page = get(&e.state, "/login?lang=da", None).await;
    assert!(login_page.body.contains("Adgangskode"));
}
