//! Login through an OpenID Connect provider (issue 16): the authorization
//! code flow with PKCE (S256), a `state` kept hashed in the database for
//! ten minutes and used once, a nonce the ID token must carry, and the ID
//! token verified by `openidconnect` (signature against the provider's
//! published keys, issuer, audience, expiry). Providers are configured
//! globally or for one tenant (`[[oidc]]` in the configuration), and work
//! with a tenant-specific Entra ID issuer and with ID-porten (`acr_values`,
//! `client_secret_post`).
//!
//! **No account is ever created by a login.** A verified identity is
//! matched to an existing, active account: by the identity bound to it
//! before (`sub` at that provider), or, for providers matched by e-mail,
//! by an `email` the provider asserts as verified (then the `sub` is bound
//! too). An identity is bound by following one's invitation link and
//! choosing the provider, or from one's account page while logged in. A
//! provider configured for a tenant logs in only that tenant's users.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthType, AuthenticationContextClass, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use samspill_i18n::Lang;
use samspill_store::{AuthUser, OidcFlow, StoreError, UserId};
use serde::Deserialize;

use crate::auth::start_session;
use crate::config::{OidcMatch, OidcProvider};
use crate::error::error_page;
use crate::extract::{Id, Q, Viewer};
use crate::{AppState, PageError};

/// The OIDC routes. The flows start with a GET (a link, not a form): the
/// pages' `form-action 'self'` policy would stop a form whose answer
/// redirects to the provider. Starting a flow changes nothing but a
/// one-time `state` row; the callback checks whose flow it is.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login/oidc/{provider}", get(login_start))
        .route("/login/oidc/{provider}/callback", get(callback))
        .route("/account/link/{token}/oidc/{provider}", get(invite_start))
        .route("/account/identities/{provider}", get(link_start))
}

/// How long a provider's discovery document is kept.
const METADATA_TTL: Duration = Duration::from_secs(3600);

fn cache() -> &'static Mutex<HashMap<String, (Instant, CoreProviderMetadata)>> {
    static CACHE: OnceLock<Mutex<HashMap<String, (Instant, CoreProviderMetadata)>>> =
        OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn http() -> Result<openidconnect::reqwest::Client, String> {
    // Following redirects would let a provider send the server anywhere.
    openidconnect::reqwest::ClientBuilder::new()
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(15))
        .build()
        .map_err(|e| e.to_string())
}

async fn metadata(p: &OidcProvider) -> Result<CoreProviderMetadata, String> {
    if let Some((at, m)) = cache()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&p.issuer)
        && at.elapsed() < METADATA_TTL
    {
        return Ok(m.clone());
    }
    let issuer = IssuerUrl::new(p.issuer.clone()).map_err(|e| e.to_string())?;
    let m = CoreProviderMetadata::discover_async(issuer, &http()?)
        .await
        .map_err(|e| format!("discovery at {}: {e}", p.issuer))?;
    cache()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(p.issuer.clone(), (Instant::now(), m.clone()));
    Ok(m)
}

fn provider<'a>(state: &'a AppState, id: &str) -> Option<&'a OidcProvider> {
    state.config().oidc.iter().find(|p| p.id == id)
}

fn redirect_uri(state: &AppState, p: &OidcProvider) -> String {
    format!("{}/login/oidc/{}/callback", state.config().public_url, p.id)
}

fn failed(state: &AppState, lang: Lang, why: &str) -> Response {
    tracing::warn!(reason = why, "OpenID login failed");
    error_page(state, lang, StatusCode::BAD_GATEWAY, "acct-oidc-failed")
}

/// Sends the browser to the provider (purpose: `login`, `link:{user}` or
/// `invite:{token}`).
pub(crate) async fn start(state: &AppState, lang: Lang, id: &str, purpose: &str) -> Response {
    let Some(p) = provider(state, id) else {
        return error_page(state, lang, StatusCode::NOT_FOUND, "web-error-not-found");
    };
    let meta = match metadata(p).await {
        Ok(m) => m,
        Err(e) => return failed(state, lang, &e),
    };
    let redirect = match RedirectUrl::new(redirect_uri(state, p)) {
        Ok(r) => r,
        Err(e) => return failed(state, lang, &e.to_string()),
    };
    let client = CoreClient::from_provider_metadata(
        meta,
        ClientId::new(p.client_id.clone()),
        p.client_secret.clone().map(ClientSecret::new),
    )
    .set_redirect_uri(redirect);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut req = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge)
        .add_extra_param("ui_locales", lang.code());
    for s in &p.scopes {
        req = req.add_scope(Scope::new(s.clone()));
    }
    if let Some(acr) = &p.acr_values {
        for a in acr.split_whitespace() {
            req = req.add_auth_context_value(AuthenticationContextClass::new(a.to_string()));
        }
    }
    let (url, csrf, nonce) = req.url();
    let flow = OidcFlow {
        provider: p.id.clone(),
        pkce_verifier: verifier.secret().clone(),
        nonce: nonce.secret().clone(),
        purpose: purpose.to_string(),
    };
    if let Err(e) = state.store().save_oidc_flow(csrf.secret(), &flow).await {
        return PageError::new(state, lang, e).into_response();
    }
    Redirect::to(url.as_str()).into_response()
}

/// Query of the start.
#[derive(Deserialize, Default)]
pub struct StartQuery {
    lang: Option<String>,
}

/// «Log in with …».
pub async fn login_start(
    State(state): State<AppState>,
    Id(id): Id<String>,
    Q(q): Q<StartQuery>,
) -> Response {
    let lang = q.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Nb);
    start(&state, lang, &id, "login").await
}

/// «Use my organisation's login» on an invitation link.
pub async fn invite_start(
    State(state): State<AppState>,
    Id((token, id)): Id<(String, String)>,
    Q(q): Q<StartQuery>,
) -> Response {
    let lang = q.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Nb);
    if let Err(e) = state.store().account_link(&token).await {
        return PageError::new(&state, lang, e).into_response();
    }
    start(&state, lang, &id, &format!("invite:{token}")).await
}

/// The provider's answer.
#[derive(Deserialize, Default)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// What the provider vouched for.
struct Verified {
    subject: String,
    email: Option<String>,
    email_verified: bool,
}

async fn verify(
    p: &OidcProvider,
    redirect: String,
    flow: &OidcFlow,
    code: String,
) -> Result<Verified, String> {
    let meta = metadata(p).await?;
    let mut client = CoreClient::from_provider_metadata(
        meta,
        ClientId::new(p.client_id.clone()),
        p.client_secret.clone().map(ClientSecret::new),
    )
    .set_redirect_uri(RedirectUrl::new(redirect).map_err(|e| e.to_string())?);
    if p.secret_in_body {
        client = client.set_auth_type(AuthType::RequestBody);
    }
    let token = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|e| e.to_string())?
        .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone()))
        .request_async(&http()?)
        .await
        .map_err(|e| format!("token request: {e}"))?;
    let id_token = token.id_token().ok_or("the provider sent no ID token")?;
    let claims = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(flow.nonce.clone()))
        .map_err(|e| format!("ID token: {e}"))?;
    if let Some(wanted) = &p.acr_values {
        let got = claims.auth_context_ref().map(|a| a.as_str());
        if !acr_satisfied(wanted, got) {
            return Err(format!(
                "authentication level {} does not meet the required {wanted}",
                got.unwrap_or("(none)")
            ));
        }
    }
    Ok(Verified {
        subject: claims.subject().as_str().to_string(),
        email: claims.email().map(|e| e.as_str().trim().to_lowercase()),
        email_verified: claims.email_verified() == Some(true),
    })
}

/// Levels of assurance in rising order, per family: a login at a higher
/// level of the same family meets a lower one asked for (ID-porten answers
/// with the level the person actually used).
const ACR_LADDERS: &[&[&str]] = &[
    &["idporten-loa-substantial", "idporten-loa-high"],
    &["Level3", "Level4"],
];

/// Whether the `acr` claim `got` meets one of the space-separated
/// `wanted` values: equal to one, or higher on the same ladder. A provider
/// configured with `acr_values` whose token carries no `acr` is refused.
pub(crate) fn acr_satisfied(wanted: &str, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    wanted.split_whitespace().any(|w| {
        w == got
            || ACR_LADDERS.iter().any(|ladder| {
                match (
                    ladder.iter().position(|l| *l == w),
                    ladder.iter().position(|l| *l == got),
                ) {
                    (Some(a), Some(b)) => b >= a,
                    _ => false,
                }
            })
    })
}

/// Finds the account a verified identity belongs to (never creates one).
async fn match_user(
    state: &AppState,
    p: &OidcProvider,
    v: &Verified,
) -> Result<Option<AuthUser>, StoreError> {
    let store = state.store();
    if let Some(u) = store.identity_user(&p.id, &v.subject).await? {
        return Ok(Some(u));
    }
    if let OidcMatch::Email { trusted } = p.matching
        && (v.email_verified || trusted)
        && let Some(email) = &v.email
        && let Some(u) = store.user_by_email(email).await?
        && tenant_allows(state, p, &u).await
    {
        // Bind the subject too, so a later change of address keeps working
        // (never for an account the provider may not log in).
        store.link_identity(&u, &p.id, &v.subject).await?;
        return Ok(Some(u));
    }
    Ok(None)
}

async fn tenant_allows(state: &AppState, p: &OidcProvider, user: &AuthUser) -> bool {
    let Some(slug) = &p.tenant else { return true };
    match (state.store().tenant_by_slug(slug).await, user.tenant) {
        (Ok(t), Some(u)) => t == u,
        _ => false,
    }
}

/// «Link» on one's account page: bind an identity at the provider to the
/// logged-in account.
pub async fn link_start(State(state): State<AppState>, v: Viewer, Id(id): Id<String>) -> Response {
    start(&state, v.lang, &id, &format!("link:{}", v.user.id)).await
}

/// The redirect back from the provider: verify, match, then log in, link
/// or accept the invitation.
pub async fn callback(
    State(state): State<AppState>,
    Id(id): Id<String>,
    Q(q): Q<CallbackQuery>,
    viewer: Option<Viewer>,
) -> Response {
    let lang = viewer.as_ref().map(|v| v.lang).unwrap_or(Lang::Nb);
    let Some(p) = provider(&state, &id) else {
        return error_page(&state, lang, StatusCode::NOT_FOUND, "web-error-not-found");
    };
    let Some(st) = q.state.as_deref() else {
        return failed(&state, lang, "no state");
    };
    let flow = match state.store().take_oidc_flow(st).await {
        Ok(Some(f)) if f.provider == p.id => f,
        Ok(_) => return error_page(&state, lang, StatusCode::BAD_REQUEST, "acct-oidc-expired"),
        Err(e) => return PageError::new(&state, lang, e).into_response(),
    };
    if let Some(e) = q.error.as_deref() {
        return failed(&state, lang, &format!("the provider answered {e}"));
    }
    let Some(code) = q.code.clone() else {
        return failed(&state, lang, "no code");
    };
    let v = match verify(p, redirect_uri(&state, p), &flow, code).await {
        Ok(v) => v,
        Err(e) => return failed(&state, lang, &e),
    };
    let store = state.store();
    if let Some(token) = flow.purpose.strip_prefix("invite:") {
        // A provider of another tenant neither spends the invitation nor
        // binds an identity.
        let invited = match store.account_link(token).await {
            Ok(l) => store.user(l.user).await,
            Err(e) => Err(e),
        };
        match invited {
            Ok(u) if tenant_allows(&state, p, &u).await => {}
            Ok(_) => {
                return error_page(&state, lang, StatusCode::FORBIDDEN, "acct-oidc-no-account");
            }
            Err(e) => return PageError::new(&state, lang, e).into_response(),
        }
        return match store
            .accept_invite_with_identity(token, &p.id, &v.subject)
            .await
        {
            Ok(user) => start_session(&state, lang, &user, &format!("oidc:{}", p.id)).await,
            Err(StoreError::Conflict(_)) => error_page(
                &state,
                lang,
                StatusCode::CONFLICT,
                "acct-error-identity-taken",
            ),
            Err(e) => PageError::new(&state, lang, e).into_response(),
        };
    }
    if let Some(user) = flow.purpose.strip_prefix("link:") {
        let Some(v2) =
            viewer.filter(|x| Some(x.user.id) == user.parse().ok().map(UserId::from_raw))
        else {
            return Redirect::to("/login").into_response();
        };
        if !tenant_allows(&state, p, &v2.user).await {
            return error_page(&state, lang, StatusCode::FORBIDDEN, "acct-oidc-no-account");
        }
        return match store.link_identity(&v2.user, &p.id, &v.subject).await {
            Ok(()) => Redirect::to("/account?done=identity-linked").into_response(),
            Err(StoreError::Conflict(_)) => {
                Redirect::to("/account?error=identity-taken").into_response()
            }
            Err(e) => PageError::new(&state, lang, e).into_response(),
        };
    }
    match match_user(&state, p, &v).await {
        Ok(Some(user)) if tenant_allows(&state, p, &user).await => {
            start_session(&state, lang, &user, &format!("oidc:{}", p.id)).await
        }
        Ok(_) => {
            tracing::info!(provider = %p.id, "an OpenID identity without an account was refused");
            error_page(&state, lang, StatusCode::FORBIDDEN, "acct-oidc-no-account")
        }
        Err(e) => PageError::new(&state, lang, e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::acr_satisfied;

    #[test]
    fn the_level_of_assurance_must_meet_the_one_asked_for() {
        let sub = "idporten-loa-substantial";
        assert!(acr_satisfied(sub, Some(sub)));
        assert!(acr_satisfied(sub, Some("idporten-loa-high")));
        assert!(!acr_satisfied("idporten-loa-high", Some(sub)));
        assert!(!acr_satisfied(sub, None));
        assert!(!acr_satisfied(sub, Some("idporten-loa-low")));
        assert!(!acr_satisfied(sub, Some("Level4")), "another family");
        assert!(acr_satisfied("Level3 idporten-loa-high", Some("Level4")));
        assert!(acr_satisfied("urn:example:mfa", Some("urn:example:mfa")));
        assert!(!acr_satisfied("urn:example:mfa", Some("urn:example:pwd")));
    }
}
