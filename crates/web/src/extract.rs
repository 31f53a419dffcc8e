//! The cross-cutting rules of every page, as axum extractors, so a new page
//! cannot forget them:
//!
//! * [`Viewer`], [`Coord`], [`Operator`]: the session cookie, the role, the
//!   tenant (a [`Tenant`] handle acting as the user, so every change is
//!   audited under them) and the page language;
//! * [`Form`]: a bounded `application/x-www-form-urlencoded` body whose
//!   CSRF token is checked against the session's, with repeated fields
//!   refused unless the field is a list;
//! * [`Upload`]: the same for `multipart/form-data` (files);
//! * [`Id`] and [`Q`]: path and query values whose errors become translated
//!   pages instead of the framework's English text;
//! * [`ClientAddr`]: the client address, through trusted proxies only.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::Lang;
use samspill_store::{Actor, Admin, AuthUser, Role, Tenant, TenantInfo};
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::error::{PageError, error_page};
use crate::forms::{FormData, cookie, same_secret};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "samspill_session";

/// Largest form body a logged-in user may post (the instrument's wording in
/// one language is the largest form: 15 texts of 2 000 characters).
pub const FORM_LIMIT: usize = 256 * 1024;
/// Largest uploaded file (rosters, network files).
pub const UPLOAD_LIMIT: usize = 5 * 1024 * 1024;
/// Fields that are lists: the only ones that may be repeated in a form.
const LIST_FIELDS: &[&str] = &[
    "functions",
    "languages",
    "chosen",
    "persons",
    "parts",
    "formats",
    "open",
];

/// The CSRF token of the request's session, left in the request's
/// extensions by the session extractors for [`Form`] and [`Upload`].
#[derive(Clone)]
struct SessionCsrf(String);

/// Why a page cannot be shown to this visitor.
pub enum Rejection {
    /// Not logged in: go to the login page.
    Login,
    /// Logged in without the role the page needs.
    Forbidden(AppState, Lang),
    /// A translated error page.
    Page(Response),
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        match self {
            Rejection::Login => Redirect::to("/login").into_response(),
            Rejection::Forbidden(s, lang) => {
                error_page(&s, lang, StatusCode::FORBIDDEN, "web-error-forbidden")
            }
            Rejection::Page(r) => r,
        }
    }
}

/// Any logged-in user: their account, session CSRF token and language.
pub struct Viewer {
    /// The user.
    pub user: AuthUser,
    /// The session's CSRF token (for forms on the page).
    pub csrf: String,
    /// The page language: the user's own, else their tenant's, else bokmål.
    pub lang: Lang,
    /// The user's tenant, if any.
    pub tenant: Option<TenantInfo>,
    /// Its id.
    pub tenant_id: Option<samspill_store::TenantId>,
}

impl Viewer {
    /// The audit actor of this user.
    pub fn actor(&self) -> Actor {
        Actor::User {
            id: self.user.id,
            email: self.user.email.clone(),
        }
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Rejection> {
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(Rejection::Login);
        };
        let store = state.store();
        let session = store
            .session(&token)
            .await
            .map_err(|e| Rejection::Page(PageError::new(state, Lang::Nb, e).into_response()))?
            .ok_or(Rejection::Login)?;
        let tenant = match session.user.tenant {
            Some(t) => Some(store.tenant(t).info().await.map_err(|e| {
                Rejection::Page(PageError::new(state, Lang::Nb, e).into_response())
            })?),
            None => None,
        };
        let lang = session
            .user
            .lang
            .as_deref()
            .and_then(Lang::parse)
            .or_else(|| tenant.as_ref().and_then(|t| Lang::parse(&t.lang)))
            .unwrap_or(Lang::Nb);
        parts.extensions.insert(SessionCsrf(session.csrf.clone()));
        Ok(Viewer {
            tenant_id: session.user.tenant,
            user: session.user,
            csrf: session.csrf,
            lang,
            tenant,
        })
    }
}

/// A logged-in coordinator with their tenant.
pub struct Coord {
    /// The user.
    pub user: AuthUser,
    /// The tenant handle, acting as this user (every query is scoped by it,
    /// every change audited under the user).
    pub tenant: Tenant,
    /// The tenant's settings.
    pub info: TenantInfo,
    /// The session's CSRF token.
    pub csrf: String,
    /// The page language.
    pub lang: Lang,
}

impl FromRequestParts<AppState> for Coord {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Rejection> {
        let v = Viewer::from_request_parts(parts, state).await?;
        let (Some(info), Some(tid), Role::Coordinator) =
            (v.tenant.clone(), v.tenant_id, v.user.role)
        else {
            return Err(Rejection::Forbidden(state.clone(), v.lang));
        };
        let tenant = state.store().tenant(tid).acting_as(v.actor());
        Ok(Coord {
            user: v.user,
            tenant,
            info,
            csrf: v.csrf,
            lang: v.lang,
        })
    }
}

/// A logged-in operator (tenants and users; no survey data).
pub struct Operator {
    /// The user.
    pub user: AuthUser,
    /// Operator actions, audited under this user.
    pub admin: Admin,
    /// The session's CSRF token.
    pub csrf: String,
    /// The page language.
    pub lang: Lang,
}

impl FromRequestParts<AppState> for Operator {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Rejection> {
        let v = Viewer::from_request_parts(parts, state).await?;
        if v.user.role != Role::Operator {
            return Err(Rejection::Forbidden(state.clone(), v.lang));
        }
        let admin = state.store().admin(v.actor());
        Ok(Operator {
            user: v.user,
            admin,
            csrf: v.csrf,
            lang: v.lang,
        })
    }
}

/// A logged-in funder's adviser or evaluator with the tenants they are
/// granted (pseudonymised results only; issue 16).
pub struct Reader {
    /// The user.
    pub user: AuthUser,
    /// The active tenants granted to them.
    pub tenants: Vec<TenantInfo>,
    /// The session's CSRF token.
    pub csrf: String,
    /// The page language.
    pub lang: Lang,
}

impl Reader {
    /// A handle on one granted tenant (by slug), acting as this user, or
    /// `None` when the tenant is not granted (the page is then "not
    /// found", as another tenant's rows are to a coordinator).
    pub fn tenant(&self, state: &AppState, slug: &str) -> Option<(Tenant, TenantInfo)> {
        let info = self.tenants.iter().find(|t| t.slug == slug)?.clone();
        let actor = Actor::User {
            id: self.user.id,
            email: self.user.email.clone(),
        };
        Some((
            state
                .store()
                .tenant(samspill_store::TenantId::from_raw(info.id))
                .acting_as(actor),
            info,
        ))
    }
}

impl FromRequestParts<AppState> for Reader {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Rejection> {
        let v = Viewer::from_request_parts(parts, state).await?;
        if !matches!(v.user.role, Role::Funder | Role::Evaluator) {
            return Err(Rejection::Forbidden(state.clone(), v.lang));
        }
        let tenants = state
            .store()
            .granted_tenants(v.user.id)
            .await
            .map_err(|e| Rejection::Page(PageError::new(state, v.lang, e).into_response()))?;
        Ok(Reader {
            user: v.user,
            tenants,
            csrf: v.csrf,
            lang: v.lang,
        })
    }
}

fn bad_request(state: &AppState, key: &str) -> Rejection {
    Rejection::Page(error_page(state, Lang::Nb, StatusCode::BAD_REQUEST, key))
}

fn csrf_refused(state: &AppState) -> Rejection {
    tracing::warn!("CSRF token missing or wrong");
    Rejection::Page(error_page(
        state,
        Lang::Nb,
        StatusCode::FORBIDDEN,
        "web-error-csrf",
    ))
}

/// Parses a form body: `Err` with a message key when a field that is not a
/// list is repeated or the body is not form data.
pub fn parse_form(body: &[u8], lists: &[&str]) -> Result<FormData, &'static str> {
    let form = FormData::parse(body);
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for (k, _) in &form.0 {
        if !lists.contains(&k.as_str()) && seen.insert(k.as_str(), ()).is_some() {
            return Err("web-error-repeated-field");
        }
    }
    Ok(form)
}

/// A form posted by a logged-in user, its CSRF token checked. Use it after
/// a session extractor ([`Coord`], [`Operator`], [`Viewer`]) in the
/// handler's arguments.
pub struct Form(pub FormData);

impl FromRequest<AppState> for Form {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Rejection> {
        let Some(SessionCsrf(csrf)) = req.extensions().get::<SessionCsrf>().cloned() else {
            return Err(csrf_refused(state));
        };
        let body = read_body(req, FORM_LIMIT, state).await?;
        let form = parse_form(&body, LIST_FIELDS).map_err(|k| bad_request(state, k))?;
        if !same_secret(form.get("csrf").unwrap_or(""), &csrf) {
            return Err(csrf_refused(state));
        }
        Ok(Form(form))
    }
}

/// Reads a body up to `limit` bytes; larger bodies get a translated 413.
pub async fn read_body(req: Request, limit: usize, state: &AppState) -> Result<Bytes, Rejection> {
    axum::body::to_bytes(req.into_body(), limit)
        .await
        .map_err(|_| {
            Rejection::Page(error_page(
                state,
                Lang::Nb,
                StatusCode::PAYLOAD_TOO_LARGE,
                "web-error-too-large",
            ))
        })
}

/// A multipart body that cannot be read: «too large» when it is over the
/// limit, else «unreadable».
fn multipart_refused(state: &AppState, e: &axum::extract::multipart::MultipartError) -> Rejection {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Rejection::Page(error_page(
            state,
            Lang::Nb,
            StatusCode::PAYLOAD_TOO_LARGE,
            "web-error-too-large",
        ))
    } else {
        bad_request(state, "web-import-unreadable")
    }
}

/// An uploaded file with the form's other fields, CSRF checked.
pub struct Upload {
    /// The text fields.
    pub fields: FormData,
    /// The file field `file`: (file name, bytes), if one was sent.
    pub file: Option<(String, Bytes)>,
}

impl FromRequest<AppState> for Upload {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Rejection> {
        let Some(SessionCsrf(csrf)) = req.extensions().get::<SessionCsrf>().cloned() else {
            return Err(csrf_refused(state));
        };
        let mut mp = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|_| bad_request(state, "web-import-unreadable"))?;
        let mut fields = Vec::new();
        let mut file = None;
        let mut total = 0usize;
        loop {
            let field = match mp.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) => return Err(multipart_refused(state, &e)),
            };
            let name = field.name().unwrap_or("").to_string();
            let fname = field.file_name().unwrap_or("").to_string();
            let bytes = field
                .bytes()
                .await
                .map_err(|e| multipart_refused(state, &e))?;
            total += bytes.len();
            if total > UPLOAD_LIMIT + FORM_LIMIT || fields.len() > 100 {
                return Err(Rejection::Page(error_page(
                    state,
                    Lang::Nb,
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "web-error-too-large",
                )));
            }
            if name == "file" {
                if file.is_some() {
                    return Err(bad_request(state, "web-error-repeated-field"));
                }
                file = Some((fname, bytes));
            } else {
                if fields.iter().any(|(k, _): &(String, String)| *k == name)
                    && !LIST_FIELDS.contains(&name.as_str())
                {
                    return Err(bad_request(state, "web-error-repeated-field"));
                }
                fields.push((name, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
        let fields = FormData(fields);
        if !same_secret(fields.get("csrf").unwrap_or(""), &csrf) {
            return Err(csrf_refused(state));
        }
        Ok(Upload { fields, file })
    }
}

/// A path parameter; a value that does not parse is a translated 404.
pub struct Id<T>(pub T);

impl<T> FromRequestParts<AppState> for Id<T>
where
    T: DeserializeOwned + Send,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(Id(v)),
            Err(_) => Err(Rejection::Page(error_page(
                state,
                Lang::Nb,
                StatusCode::NOT_FOUND,
                "web-error-not-found",
            ))),
        }
    }
}

/// Query parameters; a value that does not parse is a translated 400.
pub struct Q<T>(pub T);

impl<T> FromRequestParts<AppState> for Q<T>
where
    T: DeserializeOwned + Send,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Q(v)),
            Err(_) => Err(bad_request(state, "web-error-bad-query")),
        }
    }
}

/// The client's address: the connection's peer, or, when the peer is a
/// trusted proxy, the last address in `X-Forwarded-For` that is not one.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<IpAddr>);

impl ClientAddr {
    /// The address as a key (`unknown` when the server has no peer address,
    /// as in tests through `oneshot`).
    pub fn key(&self) -> String {
        self.0
            .map(|a| a.to_string())
            .unwrap_or_else(|| "unknown".into())
    }
}

/// The client address of a request (see [`ClientAddr`]).
pub fn client_addr(parts: &Parts, state: &AppState) -> ClientAddr {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let trusted = &state.config().trusted_proxies;
    let Some(peer) = peer else {
        return ClientAddr(None);
    };
    if !trusted.contains(&peer) {
        return ClientAddr(Some(peer));
    }
    let forwarded: Vec<IpAddr> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    ClientAddr(Some(
        forwarded
            .into_iter()
            .rev()
            .find(|a| !trusted.contains(a))
            .unwrap_or(peer),
    ))
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(client_addr(parts, state))
    }
}

impl axum::extract::OptionalFromRequestParts<AppState> for Viewer {
    type Rejection = Rejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Rejection> {
        match <Viewer as FromRequestParts<AppState>>::from_request_parts(parts, state).await {
            Ok(v) => Ok(Some(v)),
            Err(Rejection::Login) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
