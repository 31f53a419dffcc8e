//! Accounts through the pages (issue 16), on both databases: TOTP required
//! for operators (enrolment at the first login, a code at every login, a
//! code never accepted twice, no switching it off), optional for others
//! and required when the tenant says so; password change; «forgot
//! password» by one-time link; a deactivated account is logged out.

mod common;

use std::sync::Arc;

use axum::http::StatusCode;
use common::*;
use samspill_store::Role;

fn secret_on(body: &str) -> Option<Vec<u8>> {
    let i = body.find("data-secret=\"")? + 13;
    Some(base32_decode(body[i..].split('"').next()?))
}

/// A password login that must be completed by a code: returns the
/// challenge cookie.
async fn password_step(e: &Env, email: &str, password: &str) -> String {
    let r = post(
        &e.state,
        "/login",
        None,
        &[("email", email), ("password", password)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location().starts_with("/login/totp"), "{}", r.location());
    assert!(r.cookie().is_none());
    challenge_cookie(&r).expect("challenge")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn totp_passwords_resets_and_deactivation() {
    for (db, url) in database_urls() {
        let mut e = env(&url, None).await;
        let mut config = e.state.config().clone();
        config.mail = samspill_web::MailTransport::Outbox;
        e.state = samspill_web::AppState::new(e.store.clone(), config).unwrap();
        let t = samspill_i18n::Texts::new(samspill_i18n::Lang::Nb);
        // The clock of codes, moved by the test.
        let now = Arc::new(std::sync::atomic::AtomicI64::new(samspill_store::now()));
        let clock = now.clone();
        e.state.set_clock(Arc::new(move || {
            clock.load(std::sync::atomic::Ordering::SeqCst)
        }));
        let advance = |secs: i64| now.fetch_add(secs, std::sync::atomic::Ordering::SeqCst);

        // An operator: an authenticator at the first login …
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
        let (op, secret) = login_enrolling_totp(&e.state, "drift@samspill.example", PASSWORD).await;
        assert_eq!(
            get(&e.state, "/operator", Some(&op)).await.status,
            StatusCode::OK,
            "{db}"
        );
        // … and a code at every login after it; no secret shown again.
        let ch = password_step(&e, "drift@samspill.example", PASSWORD).await;
        let page = get(&e.state, "/login/totp", Some(&ch)).await;
        assert!(
            secret_on(&page.body).is_none(),
            "{db}: the secret is shown once"
        );
        let r = post(&e.state, "/login/totp", Some(&ch), &[("code", "000000")]).await;
        let wrong = samspill_store::totp::code_at(&secret, e.state.now()) == "000000";
        if !wrong {
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{db}");
            assert!(r.cookie().is_none(), "{db}");
        }
        // The code of the enrolment (same 30 s step) is not accepted twice.
        let used = samspill_store::totp::code_at(&secret, e.state.now());
        let r = post(&e.state, "/login/totp", Some(&ch), &[("code", &used)]).await;
        assert!(r.cookie().is_none(), "{db}: a replayed code logged in");
        advance(30);
        let ch = password_step(&e, "drift@samspill.example", PASSWORD).await;
        let code = samspill_store::totp::code_at(&secret, e.state.now());
        let r = post(&e.state, "/login/totp", Some(&ch), &[("code", &code)]).await;
        let op2 = r.cookie().expect("the next step's code logs in");
        // An operator cannot switch it off.
        let acct = get(&e.state, "/account", Some(&op2)).await;
        assert_eq!(acct.status, StatusCode::OK, "{db}");
        advance(30);
        let code = samspill_store::totp::code_at(&secret, e.state.now());
        let r = post(
            &e.state,
            "/account/totp",
            Some(&op2),
            &[
                ("csrf", &acct.csrf()),
                ("action", "disable"),
                ("code", &code),
            ],
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{db}: {}",
            r.status
        );
        assert!(r.body.contains(&t.get("acct-totp-required")), "{db}");

        // A coordinator: no second step unless they or the tenant want it.
        let (coord, csrf) = login(&e).await;
        let c = Some(coord.as_str());
        let r = post(
            &e.state,
            "/account/totp",
            c,
            &[("csrf", &csrf), ("action", "begin")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}");
        let acct = get(&e.state, "/account", c).await;
        let secret = secret_on(&acct.body).expect("the new secret");
        let r = post(
            &e.state,
            "/account/totp",
            c,
            &[("csrf", &csrf), ("action", "confirm"), ("code", "12345x")],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let code = samspill_store::totp::code_at(&secret, e.state.now());
        let r = post(
            &e.state,
            "/account/totp",
            c,
            &[("csrf", &csrf), ("action", "confirm"), ("code", &code)],
        )
        .await;
        assert_eq!(r.location(), "/account?done=totp-enabled", "{db}");
        advance(30);
        let ch = password_step(&e, &e.coordinator, PASSWORD).await;
        let code = samspill_store::totp::code_at(&secret, e.state.now());
        let r = post(&e.state, "/login/totp", Some(&ch), &[("code", &code)]).await;
        assert_eq!(r.location(), "/coord", "{db}");
        // Switched off again with a code (the tenant does not require it).
        advance(30);
        let code = samspill_store::totp::code_at(&secret, e.state.now());
        let r = post(
            &e.state,
            "/account/totp",
            c,
            &[("csrf", &csrf), ("action", "disable"), ("code", &code)],
        )
        .await;
        assert_eq!(r.location(), "/account?done=totp-disabled", "{db}");
        // The tenant requires it: the next password login must enrol.
        let r = post(
            &e.state,
            "/coord/privacy",
            c,
            &[
                ("csrf", &csrf),
                ("require_totp", "1"),
                ("retention_mode", "reduce"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        let ch = password_step(&e, &e.coordinator, PASSWORD).await;
        let page = get(&e.state, "/login/totp", Some(&ch)).await;
        assert!(secret_on(&page.body).is_some(), "{db}: enrolment asked");
        e.store
            .tenant(e.tenant)
            .set_privacy_settings(&samspill_store::PrivacySettings::default())
            .await
            .unwrap();

        // Password change: the current one is asked; the rule holds.
        let (coord, csrf) = login(&e).await;
        let c = Some(coord.as_str());
        let new = "et-nytt-og-langt-passord";
        for (current, n1, n2, why) in [
            ("feil-passord-her", new, new, "acct-password-wrong"),
            (PASSWORD, new, "noe-annet-langt", "acct-password-mismatch"),
            (PASSWORD, "kort", "kort", "acct-password-rule"),
        ] {
            let r = post(
                &e.state,
                "/account/password",
                c,
                &[
                    ("csrf", &csrf),
                    ("current", current),
                    ("new", n1),
                    ("new2", n2),
                ],
            )
            .await;
            assert!(r.status.is_client_error(), "{db}: {why}: {}", r.status);
            assert!(r.body.contains(&t.get(why)), "{db}: {why}");
        }
        let r = post(
            &e.state,
            "/account/password",
            c,
            &[
                ("csrf", &csrf),
                ("current", PASSWORD),
                ("new", new),
                ("new2", new),
            ],
        )
        .await;
        assert_eq!(r.location(), "/account?done=password", "{db}");
        let r = post(
            &e.state,
            "/login",
            None,
            &[("email", &e.coordinator), ("password", PASSWORD)],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{db}");

        // «Forgot password»: the same page for a known and an unknown
        // address; the link in the mail sets a new one.
        let known = post(
            &e.state,
            "/login/forgot",
            None,
            &[("email", &e.coordinator)],
        )
        .await;
        let unknown = post(
            &e.state,
            "/login/forgot",
            None,
            &[("email", "ingen@example.no")],
        )
        .await;
        assert_eq!(known.status, unknown.status, "{db}");
        assert_eq!(known.body, unknown.body, "{db}");
        let link = account_link_in_mail(&e.state, &e.coordinator).await;
        let reset = "et-tredje-passord-her";
        let r = post(
            &e.state,
            &link,
            None,
            &[("password", reset), ("password2", reset)],
        )
        .await;
        assert_eq!(r.location(), "/coord", "{db}: {}", r.body);
        let r = post(
            &e.state,
            "/login",
            None,
            &[("email", &e.coordinator), ("password", new)],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{db}");
        let r = post(
            &e.state,
            "/login",
            None,
            &[("email", &e.coordinator), ("password", reset)],
        )
        .await;
        let session = r.cookie().expect("the reset password logs in");

        // Deactivated by the operator: logged out, cannot log in.
        let user = e
            .store
            .user_by_email(&e.coordinator)
            .await
            .unwrap()
            .unwrap();
        let page = get(&e.state, "/operator", Some(&op2)).await;
        let r = post(
            &e.state,
            &format!("/operator/users/{}", user.id),
            Some(&op2),
            &[("csrf", &page.csrf()), ("action", "deactivate")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{db}: {}", r.body);
        assert_eq!(
            get(&e.state, "/coord", Some(&session)).await.status,
            StatusCode::SEE_OTHER,
            "{db}"
        );
        let r = post(
            &e.state,
            "/login",
            None,
            &[("email", &e.coordinator), ("password", reset)],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{db}");
    }
}
