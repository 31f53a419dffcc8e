//! Issue 15 over HTTP (oneshot): the parts of the instrument and the
//! estimate that follows them, the preview that records nothing, wording kept
//! in step across languages, why a person was asked on every channel,
//! replacing the roster after a preview, bulk actions, every problem of a
//! file with its cell, redirects after every action, the coordinator's own
//! language — and hostile input for each new form and upload.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use samspill_engine::model::Frequency;
use samspill_store::{AuditFilter, NewPerson, NewRound, Parts, PersonId, RoundId, RoundStatus};

fn sqlite() -> String {
    samspill_store::testing::sqlite_url().1
}

/// Imports `ROSTER_CSV` and creates a draft round; returns its id and URL.
async fn draft(e: &Env, cookie: &str, csrf: &str) -> (RoundId, String) {
    let r = upload(
        &e.state,
        "/coord/roster/import",
        cookie,
        csrf,
        "l.csv",
        ROSTER_CSV.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post(
        &e.state,
        "/coord/rounds",
        Some(cookie),
        &[("csrf", csrf), ("name", "Runde 1")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let url = r.location();
    let id = url.rsplit('/').next().unwrap().parse().unwrap();
    (RoundId::from_raw(id), url)
}

/// The first number followed by `minutter` in a page.
fn minutes(body: &str) -> u32 {
    let i = body.find(" minutter").expect("an estimate");
    body[..i]
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_chooses_the_parts_and_the_estimate_follows() {
    for (db, url) in database_urls() {
        let e = env(&url, None).await;
        let (cookie, csrf) = login(&e).await;
        let (round, round_url) = draft(&e, &cookie, &csrf).await;
        let page = get(&e.state, &round_url, Some(&cookie)).await;
        let full = minutes(&page.body);
        assert!(page.body.contains("name=\"open\" value=\"meeting_points\""));
        assert!(
            !page.body.contains("value=\"meeting_points\" checked"),
            "{db}: the 2015 question is an option, off by default"
        );
        // Leave out the political section, the meeting-places rating and
        // five open questions; add the meeting-points question.
        let r = post_follow(
            &e.state,
            &format!("{round_url}/parts"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("open", "strengths"),
                ("open", "challenges"),
                ("open", "meeting_points"),
            ],
        )
        .await;
        assert!(r.body.contains("Lagret."), "{db}");
        let short = minutes(&r.body);
        assert!(short < full, "{db}: {short} < {full}");
        assert_eq!(
            full,
            samspill_web::estimate_minutes(6, 3, &Parts::standard())
        );
        let info = e.store.tenant(e.tenant).round(round).await.unwrap();
        assert_eq!(
            info.parts,
            Parts {
                advice: false,
                political: false,
                meeting_places: false,
                open: vec![
                    "strengths".into(),
                    "challenges".into(),
                    "meeting_points".into()
                ],
            }
        );
        // Adding the advice relation lengthens it again.
        let r = post_follow(
            &e.state,
            &format!("{round_url}/parts"),
            Some(&cookie),
            &[("csrf", &csrf), ("advice", "1"), ("open", "strengths")],
        )
        .await;
        let parts = e.store.tenant(e.tenant).round(round).await.unwrap().parts;
        assert!(parts.advice && parts.open == ["strengths"], "{db}");
        assert_eq!(
            minutes(&r.body),
            samspill_web::estimate_minutes(6, 3, &parts),
            "{db}: the estimate follows the parts"
        );
        // Hostile posts: an unknown question, a section named twice, a
        // post without the form's token. Nothing changes.
        let before = e.store.tenant(e.tenant).round(round).await.unwrap().parts;
        for (pairs, status) in [
            (
                vec![("csrf", csrf.as_str()), ("open", "drop table")],
                StatusCode::NOT_FOUND,
            ),
            (
                vec![("csrf", csrf.as_str()), ("advice", "1"), ("advice", "1")],
                StatusCode::BAD_REQUEST,
            ),
            (vec![("open", "strengths")], StatusCode::FORBIDDEN),
        ] {
            let r = post(
                &e.state,
                &format!("{round_url}/parts"),
                Some(&cookie),
                &pairs,
            )
            .await;
            assert_eq!(r.status, status, "{db}: {pairs:?}");
        }
        assert_eq!(
            e.store.tenant(e.tenant).round(round).await.unwrap().parts,
            before
        );
        // The respondent sees only what is asked.
        e.store
            .tenant(e.tenant)
            .set_round_parts(
                round,
                &Parts {
                    advice: false,
                    political: false,
                    meeting_places: false,
                    open: vec!["meeting_points".into()],
                },
            )
            .await
            .unwrap();
        e.store.tenant(e.tenant).open_round(round).await.unwrap();
        let token = e
            .store
            .tenant(e.tenant)
            .invitation_links(round)
            .await
            .unwrap()[0]
            .token
            .clone();
        let welcome = get(&e.state, &format!("/s/{token}"), None).await;
        assert!(minutes(&welcome.body) < full, "{db}");
        assert_eq!(
            get(&e.state, &format!("/s/{token}/political"), None)
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{db}: the political step is not asked"
        );
        let ratings = get(&e.state, &format!("/s/{token}/ratings"), None).await;
        assert!(ratings.body.contains("name=\"r_coordination\""));
        assert!(!ratings.body.contains("name=\"r_meeting_places\""));
        let open = get(&e.state, &format!("/s/{token}/open"), None).await;
        assert!(open.body.contains("name=\"o_meeting_points\""), "{db}");
        assert!(!open.body.contains("name=\"o_strengths\""));
        // Frequency leads past the political step to the ratings.
        let r = post(
            &e.state,
            &format!("/s/{token}/frequency"),
            None,
            &[("nav", "next")],
        )
        .await;
        assert_eq!(r.location(), format!("/s/{token}/ratings"), "{db}");
        // An answer to a question not asked is refused.
        let r = post(
            &e.state,
            &format!("/s/{token}/open"),
            None,
            &[("o_focus", "snikinn")],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let summary = get(&e.state, &format!("/s/{token}/summary"), None).await;
        assert!(!summary.body.contains("Politisk kontakt"), "{db}");
        assert!(!summary.body.contains("Vet ikke"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_preview_shows_every_step_in_every_language_and_records_nothing() {
    let e = env(&sqlite(), None).await;
    let (cookie, csrf) = login(&e).await;
    let (round, round_url) = draft(&e, &cookie, &csrf).await;
    let t = e.store.tenant(e.tenant);
    let audit_before = t.audit_log(&AuditFilter::default()).await.unwrap().len();
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
            let r = get(
                &e.state,
                &format!("{round_url}/preview{step}?lang={lang}"),
                Some(&cookie),
            )
            .await;
            assert_eq!(r.status, StatusCode::OK, "{lang} {step}: {}", r.body);
            assert!(r.body.contains(&format!("<html lang=\"{lang}\">")));
            assert!(r.body.contains("class=\"preview-banner\""), "{lang} {step}");
            assert!(
                !r.body.contains("method=\"post\""),
                "{lang} {step}: nothing in a preview posts"
            );
            assert!(!r.body.contains("data-autosave"));
        }
    }
    // The first person on the list is shown, with why they were asked.
    let w = get(&e.state, &format!("{round_url}/preview"), Some(&cookie)).await;
    assert!(
        w.body.contains("slik ser Anne Dahl undersøkelsen"),
        "{}",
        w.body
    );
    assert!(w.body.contains("«Tjenester i bolig» i Helse"), "{}", w.body);
    // Another person with `as`, search and grouping keep the preview.
    let kari = t
        .persons()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Kari Nordmann")
        .unwrap();
    let c = get(
        &e.state,
        &format!("{round_url}/preview/contacts?lang=en&as={}&q=ola", kari.id),
        Some(&cookie),
    )
    .await;
    assert!(c.body.contains("Ola Hansen"));
    assert!(!c.body.contains("Siri Berg"), "the search filters");
    assert!(
        !c.body
            .contains(&format!("name=\"chosen\" value=\"{}\"", kari.id)),
        "the person shown is not on their own list"
    );
    assert!(
        c.body.contains(&format!("as={}", kari.id)),
        "links keep the person"
    );
    assert!(
        c.body.contains("Operation and maintenance"),
        "functions translated"
    );
    // Unknown steps, persons and another tenant's round.
    assert_eq!(
        get(
            &e.state,
            &format!("{round_url}/preview/evil"),
            Some(&cookie)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(
            &e.state,
            &format!("{round_url}/preview?as=999999"),
            Some(&cookie)
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        get(
            &e.state,
            &format!("{round_url}/preview?as=x"),
            Some(&cookie)
        )
        .await
        .status,
        StatusCode::BAD_REQUEST
    );
    let other = e
        .store
        .create_tenant(&samspill_store::NewTenant::municipality("b", "B", "nb"))
        .await
        .unwrap();
    let theirs = e
        .store
        .tenant(other)
        .create_round(&NewRound::standard("B", "nb"))
        .await
        .unwrap();
    assert_eq!(
        get(
            &e.state,
            &format!("/coord/rounds/{theirs}/preview"),
            Some(&cookie)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&e.state, &format!("{round_url}/preview"), None)
            .await
            .status,
        StatusCode::SEE_OTHER,
        "coordinators only"
    );
    // Nothing recorded: no invitation, no audit row, still a draft.
    assert!(t.invitations(round).await.unwrap().is_empty());
    assert_eq!(t.round(round).await.unwrap().status, RoundStatus::Draft);
    assert_eq!(
        t.audit_log(&AuditFilter::default()).await.unwrap().len(),
        audit_before
    );
    // An open round's preview leaves the invitations untouched.
    t.open_round(round).await.unwrap();
    get(
        &e.state,
        &format!("{round_url}/preview/summary"),
        Some(&cookie),
    )
    .await;
    assert!(
        t.invitations(round)
            .await
            .unwrap()
            .iter()
            .all(|i| !i.started && !i.submitted)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wording_edited_in_one_language_is_marked_in_the_others_and_resets_per_field() {
    let e = env(&sqlite(), None).await;
    let (cookie, csrf) = login(&e).await;
    let (round, round_url) = draft(&e, &cookie, &csrf).await;
    let inst = format!("{round_url}/instrument");
    let r = post(
        &e.state,
        &inst,
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("text_lang", "nb"),
            ("t_contacts", "Hvem har du snakket med\r\nom boliger?"),
            (
                "t_frequency",
                "Hvor ofte har du kontakt med hver av dem om boligsosialt arbeid?",
            ),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("{inst}?lang=nb&saved=1"));
    let nb = get(&e.state, &r.location(), Some(&cookie)).await;
    assert!(nb.body.contains("Lagret."), "the saved notice");
    assert!(nb.body.contains("Kontaktspørsmålet (endret)"));
    assert!(
        !nb.body.contains("Hyppighet (endret)"),
        "the standard text is not stored as an edit"
    );
    let t = e.store.tenant(e.tenant);
    assert_eq!(
        t.round(round).await.unwrap().text("nb", "contacts"),
        Some("Hvem har du snakket med\nom boliger?")
    );
    // The other languages are marked, on the tabs and at the item.
    assert!(
        nb.body.contains("Nynorsk (1 ikke oppdatert)"),
        "{}",
        nb.body
    );
    let nn = get(&e.state, &format!("{inst}?lang=nn"), Some(&cookie)).await;
    assert!(
        nn.body
            .contains("Ikke oppdatert: teksten er endret på Bokmål etter at denne ble skrevet."),
        "{}",
        nn.body
    );
    assert!(nn.body.contains("name=\"confirm_contacts\""));
    // Confirming nynorsk says the same clears its mark.
    let r = post(
        &e.state,
        &inst,
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("text_lang", "nn"),
            ("confirm_contacts", "1"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let info = t.round(round).await.unwrap();
    assert!(!info.is_unsynced("nn", "contacts"));
    assert!(info.is_unsynced("da", "contacts"));
    // The round page lists what is behind before opening.
    let page = get(&e.state, &round_url, Some(&cookie)).await;
    assert!(
        page.body.contains("Dansk: Kontaktspørsmålet"),
        "{}",
        page.body
    );
    assert!(page.body.contains("name=\"confirm_languages\""));
    // Reset one field to the standard wording.
    let r = post(
        &e.state,
        &inst,
        Some(&cookie),
        &[("csrf", &csrf), ("text_lang", "nb"), ("reset", "contacts")],
    )
    .await;
    assert_eq!(r.location(), format!("{inst}?lang=nb&saved=1#t-contacts"));
    assert_eq!(t.round(round).await.unwrap().text("nb", "contacts"), None);
    // Hostile: control characters and over-long text are refused beside
    // the field, and nothing of that post is saved; an unknown reset key is
    // a 404; a repeated field a 400; a body over the limit a 413.
    let r = post(
        &e.state,
        &inst,
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("text_lang", "nb"),
            ("t_intro", "Hei\u{0007}"),
            ("t_political", "Gyldig endring"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"t-intro-error\""), "{}", r.body);
    assert_eq!(t.round(round).await.unwrap().text("nb", "political"), None);
    let r = post(
        &e.state,
        &inst,
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("text_lang", "nb"),
            ("t_intro", &"x".repeat(2001)),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post(
        &e.state,
        &inst,
        Some(&cookie),
        &[("csrf", &csrf), ("text_lang", "nb"), ("reset", "../../etc")],
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = post(
        &e.state,
        &inst,
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("text_lang", "nb"),
            ("t_intro", "a"),
            ("t_intro", "b"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let huge = "x".repeat(300 * 1024);
    let r = post(
        &e.state,
        &inst,
        Some(&cookie),
        &[("csrf", &csrf), ("text_lang", "nb"), ("t_intro", &huge)],
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(t.round(round).await.unwrap().text("nb", "intro"), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_channel_says_why_the_person_was_asked_the_deadline_and_whom_to_contact() {
    for (db, url) in database_urls() {
        let mut e = env(&url, None).await;
        // The built-in outbox, to read the mails as they arrive.
        let mut config = e.state.config().clone();
        config.mail = samspill_web::MailTransport::Outbox;
        e.state = samspill_web::AppState::new(e.store.clone(), config).unwrap();
        let (cookie, csrf) = login(&e).await;
        let (round, round_url) = draft(&e, &cookie, &csrf).await;
        // The coordinator is the contact until they say otherwise.
        let t = e.store.tenant(e.tenant);
        assert_eq!(
            t.round(round).await.unwrap().contact.name.as_deref(),
            Some("Kari Koordinator"),
            "{db}"
        );
        // Hostile contact details are refused with a message; nothing saved.
        for (field, value, message) in [
            (
                "contact_email",
                "ikke-epost",
                "Kontaktpersonens e-postadresse er ikke gyldig",
            ),
            (
                "contact_phone",
                "ring meg",
                "Telefonnummeret kan bare ha sifre",
            ),
            (
                "contact_name",
                "Kari\u{202E}",
                "Navnene kan ha høyst 200 tegn",
            ),
            ("list_by", &"x".repeat(201), "Navnene kan ha høyst 200 tegn"),
        ] {
            let r = post(
                &e.state,
                &format!("{round_url}/contact"),
                Some(&cookie),
                &[("csrf", &csrf), (field, value)],
            )
            .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {field}");
            assert!(r.body.contains(message), "{db}: {field}: {}", r.body);
        }
        let r = post_follow(
            &e.state,
            &format!("{round_url}/contact"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("contact_name", "Kari Koordinator"),
                ("contact_email", "kari@oppdal.example"),
                ("contact_phone", "+47 99 88 77 66"),
                ("list_by", "boliggruppa"),
            ],
        )
        .await;
        assert!(r.body.contains("Lagret."), "{db}");
        let r = post(
            &e.state,
            &format!("{round_url}/settings"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("name", "Runde 1"),
                ("round_lang", "nb"),
                ("languages", "nb"),
                ("languages", "en"),
                ("closes_on", "2099-12-17"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        post_follow(
            &e.state,
            &format!("{round_url}/open"),
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
        let links = t.invitation_links(round).await.unwrap();
        let kari = links
            .iter()
            .find(|l| l.invitation.email == "kari@oppdal.example")
            .unwrap();
        let why = [
            "Du står på listen med funksjonene «Tildeling av bolig» og «Økonomiske virkemidler&#x2f;rådgivning» i NAV.",
            "Listen over hvem som blir spurt, er satt opp av boliggruppa i Oppdal kommune.",
            "Svarfrist: 17. desember 2099.",
            "Spørsmål om undersøkelsen? Kontakt Kari Koordinator, kari@oppdal.example, tlf. +47 99 88 77 66.",
        ];
        let welcome = get(&e.state, &format!("/s/{}", kari.token), None).await;
        for w in why {
            assert!(welcome.body.contains(w), "{db}: {w} in {}", welcome.body);
        }
        assert!(!welcome.body.contains("2099-12-17"), "dates in words");
        let en = get(&e.state, &format!("/s/{}?lang=en", kari.token), None).await;
        assert!(
            en.body.contains("with the functions «Housing allocation» and «Financial instruments&#x2f;advice» in NAV."),
            "{db}: {}",
            en.body
        );
        assert!(en.body.contains("Please answer by 17 December 2099."));
        let letters = get(&e.state, &format!("{round_url}/letters"), Some(&cookie)).await;
        for w in why {
            assert!(letters.body.contains(w), "{db}: letters: {w}");
        }
        assert!(letters.body.contains("Undersøkelsen tar omtrent"));
        let letters_en = get(
            &e.state,
            &format!("{round_url}/letters?lang=en"),
            Some(&cookie),
        )
        .await;
        assert!(letters_en.body.contains("<html lang=\"en\">"));
        assert!(
            letters_en
                .body
                .contains("The list of people asked was drawn up by boliggruppa")
        );
        // The mail, as delivered to the outbox.
        post(
            &e.state,
            &format!("{round_url}/send"),
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
        samspill_web::run_mail_once(&e.state).await;
        let mail = t.delivered_mail(50).await.unwrap();
        let m = mail.iter().find(|m| m.to == "kari@oppdal.example").unwrap();
        for w in [
            "Du står på listen med funksjonene «Tildeling av bolig» og «Økonomiske virkemidler/rådgivning» i NAV.",
            "Listen over hvem som blir spurt, er satt opp av boliggruppa i Oppdal kommune.",
            "Svarfrist: 17. desember 2099.",
            "Kontakt Kari Koordinator, kari@oppdal.example, tlf. +47 99 88 77 66.",
        ] {
            assert!(m.body.contains(w), "{db}: {w} in {}", m.body);
        }
        assert!(
            m.body
                .contains(&format!("\nhttp://samspill.test/s/{}\n", kari.token))
        );
        // After submitting, the link says the answers were sent and until
        // when they can be changed; once closed, that they arrived.
        let r = e.store.respondent(&kari.token).await.unwrap();
        r.submit().await.unwrap();
        let again = get(&e.state, &format!("/s/{}", kari.token), None).await;
        assert!(
            again.body.contains("Svarene dine er sendt inn. Du kan se over og endre dem til og med 17. desember 2099."),
            "{db}"
        );
        t.close_round(round).await.unwrap();
        let closed = get(&e.state, &format!("/s/{}", kari.token), None).await;
        assert!(
            closed.body.contains("Svarene dine kom fram"),
            "{db}: {}",
            closed.body
        );
        assert!(closed.body.contains("Kontakt Kari Koordinator"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_summary_keeps_advice_apart_and_an_empty_body_means_no_contact() {
    let e = env(&sqlite(), None).await;
    let t = e.store.tenant(e.tenant);
    t.import_roster(&[
        NewPerson {
            name: "Ane".into(),
            email: "ane@x.example".into(),
            ..Default::default()
        },
        NewPerson {
            name: "Bo".into(),
            email: "bo@x.example".into(),
            ..Default::default()
        },
    ])
    .await
    .unwrap();
    let mut new = NewRound::standard("R", "nb");
    new.parts.advice = true;
    let round = t.create_round(&new).await.unwrap();
    t.open_round(round).await.unwrap();
    let links = t.invitation_links(round).await.unwrap();
    let r = e.store.respondent(&links[0].token).await.unwrap();
    let bo = links[1].invitation.person;
    r.save_contacts("advice", &[bo]).await.unwrap();
    r.save_frequencies("advice", &[(bo, Frequency::Daily)])
        .await
        .unwrap();
    let s = get(&e.state, &format!("/s/{}/summary", links[0].token), None).await;
    let contacts = s.body.find("<h2>Kontakter</h2>").unwrap();
    let advice = s.body.find("<h2>Råd</h2>").unwrap();
    let political = s.body.find("<h2>Politisk kontakt</h2>").unwrap();
    assert!(contacts < advice && advice < political);
    assert!(
        s.body[contacts..advice].contains("Ingen personer valgt."),
        "advice is not listed as a contact"
    );
    assert!(s.body[advice..political].contains("Bo: Daglig"));
    assert_eq!(
        s.body.matches(": ingen kontakt</li>").count(),
        3,
        "{}",
        s.body
    );
    assert!(!s.body[political..].contains("Ordfører: ikke besvart"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replacing_the_roster_is_previewed_confirmed_and_refused_when_stale() {
    for (db, url) in database_urls() {
        let e = env(&url, None).await;
        let (cookie, csrf) = login(&e).await;
        let t = e.store.tenant(e.tenant);
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
        // The new list drops Siri and Per, changes Kari's unit, adds Eva.
        let file = "Navn;E-post;Enhet;Nivå;Funksjoner\n\
            Kari Nordmann;kari@oppdal.example;Boligkontoret;leder;Tildeling av bolig|Økonomiske virkemidler/rådgivning\n\
            Ola Hansen;ola@oppdal.example;Eiendom;fagperson;Drift og vedlikehold\n\
            Anne Dahl;anne@oppdal.example;Helse;leder;Tjenester i bolig\n\
            Jon Ordfører;jon@oppdal.example;Politikk;politiker;Politisk folkevalgt\n\
            Eva Ny;eva@oppdal.example;Plan;fagperson;Arealplanlegging\n";
        let preview = upload_with(
            &e,
            "/coord/roster/import",
            &cookie,
            &[("csrf", &csrf), ("mode", "replace")],
            Some(("ny.csv", file.as_bytes())),
        )
        .await;
        assert_eq!(preview.status, StatusCode::OK, "{db}: {}", preview.body);
        assert!(
            preview
                .body
                .contains("1 nye, 1 endret, 2 tas av listen, 3 uendret."),
            "{db}: {}",
            preview.body
        );
        assert!(preview.body.contains("Enhet: NAV → Boligkontoret"));
        assert!(preview.body.contains("Siri Berg") && preview.body.contains("Per Lie"));
        assert_eq!(
            t.persons().await.unwrap().len(),
            6,
            "{db}: nothing saved yet"
        );
        assert!(t.persons().await.unwrap().iter().all(|p| p.active));
        let people = hidden(&preview.body, "people");
        let fingerprint = hidden(&preview.body, "fingerprint");
        // Hostile confirmations: no payload, broken JSON, a list over the
        // limit, an unknown level, a control character in a name.
        for (payload, status) in [
            ("".to_string(), StatusCode::BAD_REQUEST),
            ("{not json".to_string(), StatusCode::BAD_REQUEST),
            (
                serde_json::to_string(&vec![
                    serde_json::json!({"name": "x", "email": "x@x.example", "unit": null, "level": null, "functions": []});
                    5001
                ])
                .unwrap(),
                StatusCode::BAD_REQUEST,
            ),
            (
                r#"[{"name":"x","email":"x@x.example","unit":null,"level":"sjef","functions":[]}]"#
                    .to_string(),
                StatusCode::BAD_REQUEST,
            ),
            (
                r#"[{"name":"x\u0007","email":"x@x.example","unit":null,"level":null,"functions":[]}]"#
                    .to_string(),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
        ] {
            let r = upload_with(
                &e,
                "/coord/roster/import/confirm",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("people", &payload),
                    ("fingerprint", &fingerprint),
                ],
                None,
            )
            .await;
            assert_eq!(r.status, status, "{db}: {}", &payload[..payload.len().min(40)]);
        }
        // Without the session's token: refused.
        let r = upload_with(
            &e,
            "/coord/roster/import/confirm",
            &cookie,
            &[("people", &people), ("fingerprint", &fingerprint)],
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            t.persons()
                .await
                .unwrap()
                .iter()
                .filter(|p| p.active)
                .count(),
            6
        );
        // The roster changes in between: the confirmation shows the new
        // preview and stores nothing.
        let siri = t
            .persons()
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Siri Berg")
            .unwrap();
        t.set_person_active(siri.id, false).await.unwrap();
        let r = upload_with(
            &e,
            "/coord/roster/import/confirm",
            &cookie,
            &[
                ("csrf", &csrf),
                ("people", &people),
                ("fingerprint", &fingerprint),
            ],
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{db}");
        assert!(r.body.contains("Listen er endret siden forhåndsvisningen"));
        assert!(
            r.body
                .contains("1 nye, 1 endret, 1 tas av listen, 3 uendret.")
        );
        assert!(
            t.person(PersonId::from_raw(siri.id.get()))
                .await
                .unwrap()
                .name
                == "Siri Berg"
        );
        let fingerprint = hidden(&r.body, "fingerprint");
        let r = upload_with(
            &e,
            "/coord/roster/import/confirm",
            &cookie,
            &[
                ("csrf", &csrf),
                ("people", &people),
                ("fingerprint", &fingerprint),
            ],
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        assert_eq!(r.location(), "/coord/roster?added=1&updated=4&removed=1");
        let page = get(&e.state, &r.location(), Some(&cookie)).await;
        assert!(
            page.body
                .contains("Importert: 1 nye, 4 oppdatert. 1 person er tatt av listen.")
        );
        let on: Vec<String> = t
            .persons()
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.active)
            .map(|p| p.name)
            .collect();
        assert_eq!(
            on,
            [
                "Anne Dahl",
                "Eva Ny",
                "Jon Ordfører",
                "Kari Nordmann",
                "Ola Hansen"
            ],
            "{db}"
        );
        assert_eq!(t.persons().await.unwrap().len(), 7, "{db}: nobody deleted");
        // A bad mode is refused.
        let r = upload_with(
            &e,
            "/coord/roster/import",
            &cookie,
            &[("csrf", &csrf), ("mode", "delete-all")],
            Some(("ny.csv", file.as_bytes())),
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_s_problems_come_all_at_once_with_row_column_and_an_unclosed_quote_by_name() {
    let e = env(&sqlite(), None).await;
    let (cookie, csrf) = login(&e).await;
    let unbalanced = "Navn;E-post;Enhet\nKari;kari@x.example;NAV\nOla;\"ola@x.example;Eiendom\nSiri;siri@x.example;Plan\n";
    let r = upload(
        &e.state,
        "/coord/roster/import",
        &cookie,
        &csrf,
        "l.csv",
        unbalanced.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains(
            "Rad 3, kolonne B: et anførselstegn (&quot;) åpner en verdi her, men lukker den aldri"
        ),
        "{}",
        r.body
    );
    assert!(!r.body.contains("er ikke en e-postadresse"));
    // An XLSX file with a bad level and other bad rows: all at once.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (row, cells) in [
        ["Navn", "Enhet", "E-post", "Nivå"],
        ["Kari", "NAV", "kari@x.example", "sjef"],
        ["", "NAV", "tom@x.example", ""],
        ["Per", "NAV", "per@", "boss"],
    ]
    .iter()
    .enumerate()
    {
        for (col, v) in cells.iter().enumerate() {
            ws.write_string(row as u32, col as u16, *v).unwrap();
        }
    }
    let r = upload(
        &e.state,
        "/coord/roster/import",
        &cookie,
        &csrf,
        "l.xlsx",
        &wb.save_to_buffer().unwrap(),
    )
    .await;
    let mut at = 0;
    for expected in [
        "Rad 2, kolonne D («Nivå»): nivået «sjef» er ukjent",
        "Rad 3, kolonne A («Navn»): navnet mangler",
        "Rad 4, kolonne C («E-post»): «per@» er ikke en e-postadresse",
        "Rad 4, kolonne D («Nivå»): nivået «boss» er ukjent",
    ] {
        let found = r.body[at..].find(expected);
        assert!(found.is_some(), "{expected} in {}", r.body);
        at += found.unwrap();
    }
    assert!(e.store.tenant(e.tenant).persons().await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_actions_and_every_action_answer_with_a_page_that_says_what_was_done() {
    let e = env(&sqlite(), None).await;
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
    let t = e.store.tenant(e.tenant);
    let ids: Vec<String> = t
        .persons()
        .await
        .unwrap()
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    // The roster table has «På listen» and a box per person.
    let page = get(&e.state, "/coord/roster", Some(&cookie)).await;
    assert!(page.body.contains("id=\"col-active\">På listen</th>"));
    assert_eq!(page.body.matches("name=\"persons\"").count(), 6);
    // Two off the list.
    let r = post(
        &e.state,
        "/coord/roster/bulk",
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("persons", &ids[0]),
            ("persons", &ids[1]),
            ("bulk_action", "deactivate"),
        ],
    )
    .await;
    assert_eq!(r.location(), "/coord/roster?done=deactivate&n=2#people");
    let page = get(&e.state, "/coord/roster?done=deactivate&n=2", Some(&cookie)).await;
    assert!(page.body.contains("2 personer er tatt av listen."));
    assert!(page.body.contains("4 av 6 personer står på listen."));
    // Refusals say why and change nothing.
    let f = t.functions().await.unwrap()[4].id.to_string(); // Utbygging: nobody has it
    for (pairs, status, message) in [
        (
            vec![("csrf", csrf.as_str()), ("bulk_action", "deactivate")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Kryss av for minst én person først.",
        ),
        (
            vec![
                ("csrf", csrf.as_str()),
                ("persons", ids[2].as_str()),
                ("bulk_action", "function_add"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Velg hvilken funksjon",
        ),
        (
            vec![
                ("csrf", csrf.as_str()),
                ("persons", ids[2].as_str()),
                ("bulk_action", "explode"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Velg en handling.",
        ),
        (
            vec![
                ("csrf", csrf.as_str()),
                ("persons", "999999"),
                ("bulk_action", "deactivate"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "finnes ikke lenger",
        ),
        (
            vec![
                ("csrf", csrf.as_str()),
                ("persons", "1 OR 1=1"),
                ("bulk_action", "deactivate"),
            ],
            StatusCode::BAD_REQUEST,
            "",
        ),
        (
            vec![
                ("csrf", csrf.as_str()),
                ("persons", ids[2].as_str()),
                ("bulk_action", "deactivate"),
                ("bulk_action", "activate"),
            ],
            StatusCode::BAD_REQUEST,
            "",
        ),
    ] {
        let r = post(&e.state, "/coord/roster/bulk", Some(&cookie), &pairs).await;
        assert_eq!(r.status, status, "{pairs:?}");
        assert!(r.body.contains(message), "{message} in {}", r.body);
    }
    assert_eq!(
        t.persons()
            .await
            .unwrap()
            .iter()
            .filter(|p| p.active)
            .count(),
        4
    );
    let r = post(
        &e.state,
        "/coord/roster/bulk",
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("persons", &ids[2]),
            ("persons", &ids[3]),
            ("bulk_action", "function_add"),
            ("function", &f),
        ],
    )
    .await;
    let page = get(&e.state, &r.location(), Some(&cookie)).await;
    assert!(
        page.body.contains("personer har fått funksjonen"),
        "{}",
        page.body
    );
    // Adding and editing a person, adding a function: each redirects to
    // the roster with what was done.
    let r = post(
        &e.state,
        "/coord/roster/add",
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("name", "Eva Ny"),
            ("email", "eva@oppdal.example"),
            ("functions", "Utbygging"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = get(&e.state, &r.location(), Some(&cookie)).await;
    assert!(page.body.contains("Eva Ny er lagt til på listen."));
    let eva = t
        .persons()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Eva Ny")
        .unwrap();
    let r = post(
        &e.state,
        &format!("/coord/roster/{}", eva.id),
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("name", "Eva Ny-Berg"),
            ("email", "eva@oppdal.example"),
            ("active", "1"),
        ],
    )
    .await;
    let page = get(&e.state, &r.location(), Some(&cookie)).await;
    assert!(page.body.contains("Endringene for Eva Ny-Berg er lagret."));
    // A refused person keeps what was typed, with the reason at the field.
    let r = post(
        &e.state,
        "/coord/roster/add",
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("name", "Uten Adresse"),
            ("email", "ikke-epost"),
            ("unit", "NAV"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"a-email-error\""));
    assert!(r.body.contains("value=\"Uten Adresse\""));
    assert!(
        !r.body.contains("Filen ble ikke importert"),
        "not an import"
    );
    let r = post(
        &e.state,
        "/coord/functions",
        Some(&cookie),
        &[("csrf", &csrf), ("name", "Boligkontor")],
    )
    .await;
    let page = get(&e.state, &r.location(), Some(&cookie)).await;
    assert!(page.body.contains("Funksjonen er lagt til."));
    let r = post(
        &e.state,
        "/coord/functions",
        Some(&cookie),
        &[("csrf", &csrf), ("name", "boligkontor")],
    )
    .await;
    assert!(r.body.contains("id=\"f-name-error\""));
    // A GET of an action's address leads to its page; another method gets
    // a translated 405.
    for (path, to) in [
        ("/coord/roster/import", "/coord/roster#import"),
        ("/coord/roster/import/confirm", "/coord/roster#import"),
        ("/coord/roster/add", "/coord/roster#add"),
        ("/coord/roster/bulk", "/coord/roster#people"),
        ("/coord/functions", "/coord/roster#functions"),
        ("/coord/rounds", "/coord"),
        ("/logout", "/"),
        ("/operator/tenants", "/operator"),
        ("/s/abc/start", "/s/abc"),
        ("/s/abc/submit", "/s/abc"),
    ] {
        let r = get(&e.state, path, Some(&cookie)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.location(), to, "{path}");
    }
    let req = Request::delete("/coord/roster/bulk")
        .header(header::COOKIE, &cookie)
        .body(Body::empty())
        .unwrap();
    let r = call(&e.state, req).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(r.body.contains("Denne adressen tar ikke imot"));
    // A new round with a hostile name is refused on the home page.
    let r = post(
        &e.state,
        "/coord/rounds",
        Some(&cookie),
        &[("csrf", &csrf), ("name", "Runde\n1")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"round-name-error\""));
    // Without a name the round is named after today, in words.
    let r = post(&e.state, "/coord/rounds", Some(&cookie), &[("csrf", &csrf)]).await;
    let page = get(&e.state, &r.location(), Some(&cookie)).await;
    let today = samspill_i18n::Texts::new(samspill_i18n::Lang::Nb)
        .date(&samspill_store::today())
        .unwrap();
    assert!(
        page.body.contains(&format!("<h1>Runde {today}</h1>")),
        "{}",
        page.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_list_warns_with_the_expected_answering_time() {
    let e = env(&sqlite(), None).await;
    let (cookie, csrf) = login(&e).await;
    let t = e.store.tenant(e.tenant);
    let people: Vec<NewPerson> = (0..samspill_web::LONG_ROSTER + 1)
        .map(|i| NewPerson {
            name: format!("Person {i}"),
            email: format!("p{i}@oppdal.example"),
            functions: vec!["Utbygging".into()],
            ..Default::default()
        })
        .collect();
    t.import_roster(&people[..samspill_web::LONG_ROSTER])
        .await
        .unwrap();
    let r = post(
        &e.state,
        "/coord/rounds",
        Some(&cookie),
        &[("csrf", &csrf), ("name", "R")],
    )
    .await;
    let url = r.location();
    let page = get(&e.state, &url, Some(&cookie)).await;
    assert!(!page.body.contains("id=\"long-roster\""), "40 is not long");
    t.import_roster(&people).await.unwrap();
    let page = get(&e.state, &url, Some(&cookie)).await;
    assert!(page.body.contains("id=\"long-roster\""));
    let m = samspill_web::estimate_minutes(41, 3, &Parts::standard());
    assert!(
        page.body.contains(&format!(
            "Listen har 41 personer, så kontaktspørsmålet blir langt: anslått svartid er omtrent {m} minutter."
        )),
        "{}",
        page.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_chooses_their_own_language() {
    let e = env(&sqlite(), None).await;
    let (cookie, csrf) = login(&e).await;
    let page = get(&e.state, "/language", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Som kommunen (Bokmål)"));
    let r = post(
        &e.state,
        "/language",
        Some(&cookie),
        &[("csrf", &csrf), ("lang", "en")],
    )
    .await;
    assert_eq!(r.location(), "/language?saved=1");
    let page = get(&e.state, "/coord/roster", Some(&cookie)).await;
    assert!(page.body.contains("<html lang=\"en\">"));
    let saved = get(&e.state, "/language?saved=1", Some(&cookie)).await;
    assert!(saved.body.contains("Saved."), "{}", saved.body);
    // The municipality's language is unchanged.
    assert_eq!(e.store.tenant(e.tenant).info().await.unwrap().lang, "nb");
    // Hostile: an unknown language, a repeated field, no token.
    let r = post(
        &e.state,
        "/language",
        Some(&cookie),
        &[("csrf", &csrf), ("lang", "xx\u{0000}")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post(
        &e.state,
        "/language",
        Some(&cookie),
        &[("csrf", &csrf), ("lang", "nn"), ("lang", "da")],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = post(&e.state, "/language", Some(&cookie), &[("lang", "nn")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        get(&e.state, "/language", None).await.status,
        StatusCode::SEE_OTHER
    );
    // Back to following the municipality.
    post(
        &e.state,
        "/language",
        Some(&cookie),
        &[("csrf", &csrf), ("lang", "")],
    )
    .await;
    let page = get(&e.state, "/coord", Some(&cookie)).await;
    assert!(page.body.contains("<html lang=\"nb\">"));
    let log = e
        .store
        .tenant(e.tenant)
        .audit_log(&AuditFilter::default())
        .await
        .unwrap();
    assert!(log.iter().any(|l| l.action == "user.lang"));
}

/// The value of a hidden field in a page.
fn hidden(body: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let i = body
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {body}"))
        + key.len();
    let raw = body[i..].split('"').next().unwrap();
    raw.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A multipart post with text fields and an optional file.
async fn upload_with(
    e: &Env,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> Resp {
    let boundary = "XsamspillBoundaryX";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let req = Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    call(&e.state, req).await
}
