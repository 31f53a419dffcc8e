//! Accounts (issue 16): the second step of a password login (a TOTP code,
//! or setting up an authenticator when the account must have one),
//! «forgot password», the one-time links of invitations and resets, the
//! user's own account page (password, authenticator, organisation logins),
//! and the service mail those send (composed here, sent by the mail
//! worker).

use std::sync::atomic::Ordering;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use samspill_i18n::{Arg, Lang};
use samspill_store::{
    AuthUser, ChallengeOutcome, MailStatus, SecondFactor, ServiceMail, StoreError, TokenPurpose,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::{LangQuery, start_session};
use crate::error::error_page;
use crate::extract::{ClientAddr, Form, Id, Q, Viewer, parse_form};
use crate::forms::cookie;
use crate::{AppState, PageError};

/// The cookie that carries a pending second-factor challenge.
pub const CHALLENGE_COOKIE: &str = "samspill_challenge";

/// The account routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login/totp", get(totp_page).post(totp_answer))
        .route("/login/forgot", get(forgot_page).post(forgot_send))
        .route("/account/link/{token}", get(link_page).post(link_save))
        .route("/account", get(account_page))
        .route("/account/password", post(password_change))
        .route("/account/totp", post(totp_action))
        .route("/account/identities", post(identity_action))
}

fn lang_of(q: &LangQuery) -> Lang {
    q.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Nb)
}

fn render(
    state: &AppState,
    lang: Lang,
    name: &str,
    mut ctx: Value,
    status: StatusCode,
) -> Response {
    if let Some(m) = ctx.as_object_mut() {
        m.insert("lang".into(), json!(lang.code()));
    }
    match state.render(name, ctx) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, lang, e).into_response(),
    }
}

fn challenge_cookie(state: &AppState, h: &mut HeaderMap, value: &str, max_age: i64) {
    let secure = if state.config().secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let c = format!(
        "{CHALLENGE_COOKIE}={value}; Path=/login; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    );
    if let Ok(v) = axum::http::HeaderValue::from_str(&c) {
        h.append(axum::http::header::SET_COOKIE, v);
    }
}

/// After a right password: a session, or the second step when the account
/// has (or must have) an authenticator.
pub(crate) async fn after_password(state: &AppState, lang: Lang, user: AuthUser) -> Response {
    let store = state.store();
    let factor = match store
        .second_factor(&user, state.config().operator_totp)
        .await
    {
        Ok(f) => f,
        Err(e) => return PageError::new(state, lang, e).into_response(),
    };
    if factor == SecondFactor::None {
        return start_session(state, lang, &user, "password").await;
    }
    let token = match store
        .create_challenge(user.id, factor == SecondFactor::Enroll)
        .await
    {
        Ok(t) => t,
        Err(e) => return PageError::new(state, lang, e).into_response(),
    };
    let mut res = Redirect::to(&format!("/login/totp?lang={}", lang.code())).into_response();
    challenge_cookie(
        state,
        res.headers_mut(),
        &token,
        samspill_store::CHALLENGE_SECONDS,
    );
    res
}

/// An authenticator's secret as the page shows it: the base32 text and a
/// QR code (SVG) of its `otpauth://` address.
fn secret_view(user: &AuthUser, secret: &[u8]) -> Value {
    let uri = samspill_store::totp::otpauth_uri("samspill", &user.email, secret);
    let svg = qrcode::QrCode::new(uri.as_bytes())
        .map(|c| {
            c.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(180, 180)
                .build()
        })
        .unwrap_or_default();
    let text = samspill_store::totp::base32(secret);
    let grouped: Vec<String> = text
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    json!({"secret": text, "grouped": grouped.join(" "), "qr": svg, "uri": uri})
}

/// The second step of a login.
pub async fn totp_page(
    State(state): State<AppState>,
    Q(q): Q<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_of(&q);
    let Some(token) = cookie(&headers, CHALLENGE_COOKIE) else {
        return Redirect::to("/login").into_response();
    };
    match state.store().challenge(&token).await {
        Ok(Some(ch)) => {
            let enroll = ch.enroll.as_ref().map(|s| secret_view(&ch.user, s));
            render(
                &state,
                lang,
                "login_totp.html",
                json!({"enroll": enroll, "error": null}),
                StatusCode::OK,
            )
        }
        Ok(None) => Redirect::to("/login").into_response(),
        Err(e) => PageError::new(&state, lang, e).into_response(),
    }
}

/// Checks the code; a right one completes the login.
pub async fn totp_answer(
    State(state): State<AppState>,
    Q(q): Q<LangQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let lang = lang_of(&q);
    let form = match parse_form(&body, &[]) {
        Ok(f) => f,
        Err(k) => return error_page(&state, lang, StatusCode::BAD_REQUEST, k),
    };
    let Some(token) = cookie(&headers, CHALLENGE_COOKIE) else {
        return Redirect::to("/login").into_response();
    };
    let store = state.store();
    let pending = store.challenge(&token).await.ok().flatten();
    match store
        .answer_challenge(&token, &form.text("code"), state.now())
        .await
    {
        Ok(ChallengeOutcome::Ok(user)) => {
            let mut res = start_session(&state, lang, &user, "totp").await;
            challenge_cookie(&state, res.headers_mut(), "", 0);
            res
        }
        Ok(ChallengeOutcome::Wrong { left }) if left > 0 => {
            state
                .metrics()
                .logins_failed
                .fetch_add(1, Ordering::Relaxed);
            let enroll =
                pending.and_then(|ch| ch.enroll.as_ref().map(|s| secret_view(&ch.user, s)));
            let msg = state
                .texts(lang)
                .format("acct-totp-wrong", &[("left", Arg::Num(left as f64))]);
            render(
                &state,
                lang,
                "login_totp.html",
                json!({"enroll": enroll, "error": msg}),
                StatusCode::UNAUTHORIZED,
            )
        }
        Ok(_) => {
            state
                .metrics()
                .logins_failed
                .fetch_add(1, Ordering::Relaxed);
            let mut res = Redirect::to(&format!("/login?lang={}", lang.code())).into_response();
            challenge_cookie(&state, res.headers_mut(), "", 0);
            res
        }
        Err(e) => PageError::new(&state, lang, e).into_response(),
    }
}

/// «Forgot password».
pub async fn forgot_page(State(state): State<AppState>, Q(q): Q<LangQuery>) -> Response {
    render(
        &state,
        lang_of(&q),
        "login_forgot.html",
        json!({"sent": false}),
        StatusCode::OK,
    )
}

/// Queues a reset link if the address has an account; the page says the
/// same either way.
pub async fn forgot_send(
    State(state): State<AppState>,
    Q(q): Q<LangQuery>,
    addr: ClientAddr,
    body: Bytes,
) -> Response {
    let lang = lang_of(&q);
    let form = match parse_form(&body, &[]) {
        Ok(f) => f,
        Err(k) => return error_page(&state, lang, StatusCode::BAD_REQUEST, k),
    };
    let email: String = form.text("email").chars().take(254).collect();
    match state
        .store()
        .request_password_reset(&email, &addr.key(), lang.code())
        .await
    {
        Ok(Ok(())) => {
            state.wake_mail();
            render(
                &state,
                lang,
                "login_forgot.html",
                json!({"sent": true}),
                StatusCode::OK,
            )
        }
        Ok(Err(retry)) => {
            let msg = state
                .texts(lang)
                .format("web-login-limited", &[("seconds", Arg::Num(retry as f64))]);
            render(
                &state,
                lang,
                "login_forgot.html",
                json!({"sent": false, "error": msg}),
                StatusCode::TOO_MANY_REQUESTS,
            )
        }
        Err(e) => PageError::new(&state, lang, e).into_response(),
    }
}

fn link_ctx(state: &AppState, link: &samspill_store::AccountLink, token: &str) -> Value {
    let providers: Vec<Value> = if link.purpose == TokenPurpose::Invite {
        state
            .config()
            .oidc
            .iter()
            .map(|p| json!({"id": p.id, "name": p.name}))
            .collect()
    } else {
        Vec::new()
    };
    json!({"link": link, "token": token, "providers": providers, "error": null})
}

/// The page of a one-time link: choose a password (and, for an
/// invitation, or use an organisation login).
pub async fn link_page(
    State(state): State<AppState>,
    Id(token): Id<String>,
    Q(q): Q<LangQuery>,
) -> Response {
    let lang = lang_of(&q);
    match state.store().account_link(&token).await {
        Ok(link) => render(
            &state,
            lang,
            "account_link.html",
            link_ctx(&state, &link, &token),
            StatusCode::OK,
        ),
        Err(e) => PageError::new(&state, lang, e).into_response(),
    }
}

/// Sets the password through a one-time link, then logs in (through the
/// second step if the account needs one).
pub async fn link_save(
    State(state): State<AppState>,
    Id(token): Id<String>,
    Q(q): Q<LangQuery>,
    body: Bytes,
) -> Response {
    let lang = lang_of(&q);
    let form = match parse_form(&body, &[]) {
        Ok(f) => f,
        Err(k) => return error_page(&state, lang, StatusCode::BAD_REQUEST, k),
    };
    let link = match state.store().account_link(&token).await {
        Ok(l) => l,
        Err(e) => return PageError::new(&state, lang, e).into_response(),
    };
    let password = form.get("password").unwrap_or("");
    let again = form.get("password2").unwrap_or("");
    let problem = if password != again {
        Some("acct-password-mismatch")
    } else if password.chars().count() < 10 || password.len() > 1024 {
        Some("acct-password-rule")
    } else {
        None
    };
    if let Some(k) = problem {
        let mut ctx = link_ctx(&state, &link, &token);
        ctx["error"] = json!(k);
        return render(
            &state,
            lang,
            "account_link.html",
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    match state.store().set_password_with_link(&token, password).await {
        Ok(user) => after_password(&state, lang, user).await,
        Err(e) => PageError::new(&state, lang, e).into_response(),
    }
}

/// Query of the account page.
#[derive(Deserialize, Default)]
pub struct AccountQuery {
    done: Option<String>,
    error: Option<String>,
}

async fn account_view(state: &AppState, v: &Viewer, extra: Value, status: StatusCode) -> Response {
    let store = state.store();
    let (enabled, pending, identities, required) = match (
        store.totp_enabled(v.user.id).await,
        store.pending_totp(v.user.id).await,
        store.identities(v.user.id).await,
        store
            .totp_required(&v.user, state.config().operator_totp)
            .await,
    ) {
        (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
        (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => {
            return PageError::new(state, v.lang, e).into_response();
        }
    };
    let providers: Vec<Value> = state
        .config()
        .oidc
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "name": p.name,
                "linked": identities.iter().any(|i| i.provider == p.id),
            })
        })
        .collect();
    let mut ctx = json!({
        "lang": v.lang.code(),
        "csrf": v.csrf,
        "user": v.user.name,
        "role": v.user.role.as_str(),
        "account": {"email": v.user.email, "name": v.user.name, "role": v.user.role.as_str()},
        "totp": {"enabled": enabled, "required": required,
                  "pending": pending.map(|s| secret_view(&v.user, &s))},
        "providers": providers,
    });
    if let (Some(m), Value::Object(e)) = (ctx.as_object_mut(), extra) {
        m.extend(e);
    }
    match state.render("account.html", ctx) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, v.lang, e).into_response(),
    }
}

const DONE: &[&str] = &[
    "password",
    "totp-enabled",
    "totp-disabled",
    "identity-linked",
    "identity-unlinked",
];
const ERRORS: &[&str] = &["identity-taken", "identity-failed"];

/// The user's own account page.
pub async fn account_page(
    State(state): State<AppState>,
    v: Viewer,
    Q(q): Q<AccountQuery>,
) -> Response {
    let done = q
        .done
        .filter(|d| DONE.contains(&d.as_str()))
        .map(|d| format!("acct-done-{d}"));
    let error = q
        .error
        .filter(|d| ERRORS.contains(&d.as_str()))
        .map(|d| format!("acct-error-{d}"));
    account_view(
        &state,
        &v,
        json!({"done": done, "error": error}),
        StatusCode::OK,
    )
    .await
}

/// Changes the password (the current one is asked).
pub async fn password_change(
    State(state): State<AppState>,
    v: Viewer,
    headers: HeaderMap,
    Form(f): Form,
) -> Response {
    let new = f.get("new").unwrap_or("");
    if new != f.get("new2").unwrap_or("") {
        return account_view(
            &state,
            &v,
            json!({"error": "acct-password-mismatch"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let session = cookie(&headers, crate::extract::SESSION_COOKIE).unwrap_or_default();
    match state
        .store()
        .change_password(&v.user, f.get("current").unwrap_or(""), new, &session)
        .await
    {
        Ok(true) => Redirect::to("/account?done=password").into_response(),
        Ok(false) => {
            account_view(
                &state,
                &v,
                json!({"error": "acct-password-wrong"}),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(StoreError::Invalid(_)) => {
            account_view(
                &state,
                &v,
                json!({"error": "acct-password-rule"}),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => PageError::new(&state, v.lang, e).into_response(),
    }
}

/// Sets up, confirms or turns off the authenticator (`action`).
pub async fn totp_action(State(state): State<AppState>, v: Viewer, Form(f): Form) -> Response {
    let store = state.store();
    let at = state.now();
    match f.text("action").as_str() {
        "begin" => match store.begin_totp(v.user.id).await {
            Ok(_) => Redirect::to("/account#totp").into_response(),
            Err(e) => PageError::new(&state, v.lang, e).into_response(),
        },
        "confirm" => match store.confirm_totp(&v.user, &f.text("code"), at).await {
            Ok(true) => Redirect::to("/account?done=totp-enabled").into_response(),
            Ok(false) => {
                account_view(
                    &state,
                    &v,
                    json!({"error": "acct-totp-wrong-code"}),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => PageError::new(&state, v.lang, e).into_response(),
        },
        "disable" => {
            match store
                .totp_required(&v.user, state.config().operator_totp)
                .await
            {
                Ok(true) => {
                    return account_view(
                        &state,
                        &v,
                        json!({"error": "acct-totp-required"}),
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )
                    .await;
                }
                Ok(false) => {}
                Err(e) => return PageError::new(&state, v.lang, e).into_response(),
            }
            match store.disable_totp(&v.user, &f.text("code"), at).await {
                Ok(true) => Redirect::to("/account?done=totp-disabled").into_response(),
                Ok(false) => {
                    account_view(
                        &state,
                        &v,
                        json!({"error": "acct-totp-wrong-code"}),
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )
                    .await
                }
                Err(e) => PageError::new(&state, v.lang, e).into_response(),
            }
        }
        _ => error_page(&state, v.lang, StatusCode::BAD_REQUEST, "web-error-invalid"),
    }
}

/// Unlinks an organisation login (linking starts at `/account/identities/{provider}`).
pub async fn identity_action(State(state): State<AppState>, v: Viewer, Form(f): Form) -> Response {
    let provider = f.text("provider");
    if !state.config().oidc.iter().any(|p| p.id == provider) {
        return error_page(&state, v.lang, StatusCode::NOT_FOUND, "web-error-not-found");
    }
    match f.text("action").as_str() {
        "unlink" => match state.store().unlink_identity(&v.user, &provider).await {
            Ok(()) => Redirect::to("/account?done=identity-unlinked").into_response(),
            Err(e) => PageError::new(&state, v.lang, e).into_response(),
        },
        _ => error_page(&state, v.lang, StatusCode::BAD_REQUEST, "web-error-invalid"),
    }
}

// ------------------------------------------------------------ service mail

/// The subject and body of a service mail, in its language.
pub fn compose_service(state: &AppState, m: &ServiceMail) -> (String, String) {
    let lang = Lang::parse(&m.lang).unwrap_or(Lang::Nb);
    let t = state.texts(lang);
    let base = &state.config().public_url;
    let link = m
        .token
        .as_ref()
        .map(|tok| format!("{base}/account/link/{tok}?lang={}", lang.code()))
        .unwrap_or_default();
    let s = |k: &str| {
        m.args
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let role = s("role");
    let role_name = if role.is_empty() {
        String::new()
    } else {
        t.get(&format!("web-role-{role}"))
    };
    let tenant = m.tenant_name.clone().unwrap_or_else(|| s("tenant"));
    let date = t.date_or_text(&s("date"));
    let privacy = format!("{base}/coord/privacy");
    let args = [
        ("name", Arg::Str(&m.name)),
        ("link", Arg::Str(&link)),
        ("role", Arg::Str(&role_name)),
        ("tenant", Arg::Str(&tenant)),
        ("round", Arg::Str(&s("round"))),
        ("date", Arg::Str(&date)),
        ("mode", Arg::Str(&s("mode"))),
        ("privacy", Arg::Str(&privacy)),
        ("dpo", Arg::Str(&s("dpo"))),
    ];
    let key = match m.kind.as_str() {
        "invite" => "acct-mail-invite",
        "reset" => "acct-mail-reset",
        "retention-warning" => "privacy-mail-retention",
        _ => "privacy-mail-notice",
    };
    if m.kind == "notice" {
        let body = crate::privacy::notice_text(state, lang, m);
        return (t.format(&format!("{key}-subject"), &args), body);
    }
    (
        t.format(&format!("{key}-subject"), &args)
            .replace(['\r', '\n'], " "),
        t.format(&format!("{key}-body"), &args),
    )
}

/// Sends due service mail through the transport of this pass; returns
/// (sent, not sent). Account mail whose link was used or expired is
/// dropped (marked failed with that reason) instead of sent.
pub(crate) async fn send_service_mail(
    state: &AppState,
    smtp: Option<&AsyncSmtpTransport<Tokio1Executor>>,
) -> (usize, usize) {
    let store = state.store();
    let due = match store.claim_service_mail(100, 600).await {
        Ok(d) => d,
        Err(e) => {
            tracing::error!(error = %e, "reading the service mail failed");
            return (0, 0);
        }
    };
    let (mut sent, mut failed) = (0, 0);
    for m in due {
        if matches!(m.kind.as_str(), "invite" | "reset") && m.token.is_none() {
            let _ = store
                .mark_service_mail(
                    m.id,
                    MailStatus::Bounced,
                    Some("the link was used or expired before it was sent"),
                )
                .await;
            failed += 1;
            continue;
        }
        let (subject, body) = compose_service(state, &m);
        let (status, error) = match smtp {
            None => match store
                .deliver_service_mail_to_outbox(&m, &subject, &body)
                .await
            {
                Ok(()) => {
                    sent += 1;
                    continue;
                }
                Err(e) => (MailStatus::Failed, Some(e.to_string())),
            },
            Some(t) => {
                let from = m.from.clone().or_else(|| state.config().mail_from.clone());
                let env = crate::mail::Envelope {
                    from: from.as_deref(),
                    to: &m.to,
                    name: &m.name,
                    tenant_name: m.tenant_name.as_deref().unwrap_or("samspill"),
                };
                crate::mail::send_smtp(t, crate::mail::message(&env, subject, body)).await
            }
        };
        if status == MailStatus::Sent {
            sent += 1;
            state.metrics().mail_sent.fetch_add(1, Ordering::Relaxed);
        } else {
            failed += 1;
            state.metrics().mail_failed.fetch_add(1, Ordering::Relaxed);
            tracing::warn!(mail = m.id, kind = %m.kind, status = status.as_str(), error = ?error, "service mail not delivered");
        }
        if let Err(e) = store
            .mark_service_mail(m.id, status, error.as_deref())
            .await
        {
            tracing::error!(error = %e, "recording mail status failed");
        }
    }
    (sent, failed)
}
