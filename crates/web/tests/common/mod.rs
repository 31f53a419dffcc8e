//! Test support for the web crate: stores on both databases, an HTTP
//! helper over `tower::ServiceExt::oneshot`, a real server on loopback with
//! a tiny HTTP client, and an in-process SMTP sink.
#![allow(dead_code, unused_imports)]

use std::net::SocketAddr;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use samspill_store::{NewTenant, Role, Store, StoreConfig, TenantId};
use samspill_web::{AppState, Config, SmtpConfig, SmtpTls, app};
use tower::ServiceExt;

pub const PASSWORD: &str = "et-langt-passord-1";

pub use samspill_testkit::database_urls;

pub struct Env {
    pub state: AppState,
    pub store: Store,
    pub tenant: TenantId,
    pub coordinator: String,
}

/// A store with one tenant ("Oppdal", sender configured) and a coordinator.
pub async fn env(url: &str, smtp: Option<SmtpConfig>) -> Env {
    let mut config = Config::new(url);
    config.secure_cookies = false;
    config.mail = match smtp {
        Some(s) => samspill_web::MailTransport::Smtp(s),
        None => samspill_web::MailTransport::None,
    };
    config.public_url = "http://samspill.test".into();
    let store = Store::open(&StoreConfig::url(url).with_token_key(config.token_key))
        .await
        .unwrap();
    let mut nt = NewTenant::municipality("oppdal", "Oppdal kommune", "nb");
    nt.mail_from = Some("samspill@oppdal.kommune.example".into());
    let tenant = store.create_tenant(&nt).await.unwrap();
    let coordinator = "koordinator@oppdal.example".to_string();
    store
        .create_user(
            Some(tenant),
            &coordinator,
            "Kari Koordinator",
            Role::Coordinator,
            PASSWORD,
        )
        .await
        .unwrap();
    let state = AppState::new(store.clone(), config).unwrap();
    Env {
        state,
        store,
        tenant,
        coordinator,
    }
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    pub raw: Vec<u8>,
}

impl Resp {
    /// The body as sent (downloads that are not text).
    pub fn bytes(&self) -> Vec<u8> {
        self.raw.clone()
    }
    pub fn location(&self) -> String {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }
    pub fn cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("samspill_session="))
            .map(|c| c.split(';').next().unwrap_or("").to_string())
    }
    /// The value of the first hidden `csrf` field.
    pub fn csrf(&self) -> String {
        let i = self
            .body
            .find("name=\"csrf\" value=\"")
            .expect("no csrf field")
            + 19;
        self.body[i..].split('"').next().unwrap().to_string()
    }
}

pub async fn call(state: &AppState, req: Request<Body>) -> Resp {
    let res = app(state.clone()).oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        raw: bytes.to_vec(),
    }
}

pub async fn get(state: &AppState, path: &str, cookie: Option<&str>) -> Resp {
    let mut b = Request::get(path);
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    call(state, b.body(Body::empty()).unwrap()).await
}

pub fn form(pairs: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

pub async fn post(
    state: &AppState,
    path: &str,
    cookie: Option<&str>,
    pairs: &[(&str, &str)],
) -> Resp {
    let mut b =
        Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    call(state, b.body(Body::from(form(pairs))).unwrap()).await
}

/// Posts a form that answers with a redirect (303) and returns the page it
/// leads to.
pub async fn post_follow(
    state: &AppState,
    path: &str,
    cookie: Option<&str>,
    pairs: &[(&str, &str)],
) -> Resp {
    let r = post(state, path, cookie, pairs).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}: {}", r.body);
    let to = r.location();
    get(state, &to, cookie).await
}

/// Logs the coordinator in; returns (cookie, csrf).
pub async fn login(e: &Env) -> (String, String) {
    let r = post(
        &e.state,
        "/login",
        None,
        &[("email", &e.coordinator), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let cookie = r.cookie().expect("session cookie");
    let home = get(&e.state, "/coord", Some(&cookie)).await;
    assert_eq!(home.status, StatusCode::OK, "{}", home.body);
    (cookie, home.csrf())
}

/// A municipality seeded from the smallest demo network (one closed round,
/// no second or open round), its coordinator logged in.
pub struct Seeded {
    /// What the seed made.
    pub seed: samspill_seed::Seeded,
    /// The municipality's tenant.
    pub tenant: samspill_store::Tenant,
    /// The coordinator's session cookie.
    pub cookie: String,
    /// A CSRF token of that session.
    pub csrf: String,
}

impl Seeded {
    /// The cookie as the request helpers take it.
    pub fn c(&self) -> Option<&str> {
        Some(self.cookie.as_str())
    }
}

/// Seeds the smallest demo municipality (one closed round) into `e`'s
/// store and logs its coordinator in.
pub async fn seeded_coordinator(e: &Env) -> Seeded {
    let m = samspill_synth::demo_programme()
        .into_iter()
        .min_by_key(|m| m.network.people.len())
        .unwrap();
    seeded_coordinator_with(
        e,
        &m,
        samspill_seed::Extras {
            second_round: false,
            open_round: false,
        },
    )
    .await
}

/// Seeds municipality `m` with `extras` into `e`'s store and logs its
/// coordinator in.
pub async fn seeded_coordinator_with(
    e: &Env,
    m: &samspill_synth::Municipality,
    extras: samspill_seed::Extras,
) -> Seeded {
    let seed = samspill_seed::municipality(&e.store, m, PASSWORD, extras)
        .await
        .unwrap();
    let r = post(
        &e.state,
        "/login",
        None,
        &[("email", &seed.login), ("password", PASSWORD)],
    )
    .await;
    let cookie = r.cookie().expect("coordinator session");
    let csrf = get(&e.state, "/coord", Some(&cookie)).await.csrf();
    let tenant = e
        .store
        .tenant(e.store.tenant_by_slug(&seed.slug).await.unwrap());
    Seeded {
        seed,
        tenant,
        cookie,
        csrf,
    }
}

/// A multipart upload of one file plus the CSRF field.
pub async fn upload(
    state: &AppState,
    path: &str,
    cookie: &str,
    csrf: &str,
    name: &str,
    bytes: &[u8],
) -> Resp {
    let boundary = "XsamspillBoundaryX";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let req = Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    call(state, req).await
}

/// The roster used by most tests (semicolon CSV as Norwegian Excel writes it).
pub const ROSTER_CSV: &str = "Navn;E-post;Enhet;Nivå;Funksjoner\n\
Kari Nordmann;kari@oppdal.example;NAV;leder;Tildeling av bolig|Økonomiske virkemidler/rådgivning\n\
Ola Hansen;ola@oppdal.example;Eiendom;fagperson;Drift og vedlikehold\n\
Siri Berg;siri@oppdal.example;Plan;fagperson;Arealplanlegging\n\
Per Lie;per@oppdal.example;NAV;fagperson;Økonomiske virkemidler/rådgivning\n\
Anne Dahl;anne@oppdal.example;Helse;leder;Tjenester i bolig\n\
Jon Ordfører;jon@oppdal.example;Politikk;politiker;Politisk folkevalgt\n";

/// A real server on a free loopback port, running in the background.
pub async fn serve(state: AppState) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            app(state).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });
    addr
}

pub use samspill_testkit::{Mail, http, smtp_sink, smtp_sink_to};

pub fn smtp_config(port: u16) -> SmtpConfig {
    SmtpConfig {
        host: "127.0.0.1".into(),
        port: Some(port),
        tls: SmtpTls::None,
        user: None,
        password: None,
    }
}

/// Decodes base32 (RFC 4648, no padding; spaces ignored), as an
/// authenticator app reads the secret shown at enrolment.
pub fn base32_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c.to_ascii_uppercase())
            .expect("a base32 character") as u32;
        acc = (acc << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// The challenge cookie of a password login that needs a second step.
pub fn challenge_cookie(r: &Resp) -> Option<String> {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("samspill_challenge=") && !c.starts_with("samspill_challenge=;"))
        .map(|c| c.split(';').next().unwrap_or("").to_string())
}

/// Logs in an account whose password login needs an authenticator (an
/// operator): the password, then the enrolment page's secret as an
/// authenticator app reads it, then its code at the state's clock.
/// Returns (session cookie, the authenticator's secret).
pub async fn login_enrolling_totp(
    state: &AppState,
    email: &str,
    password: &str,
) -> (String, Vec<u8>) {
    let r = post(
        state,
        "/login",
        None,
        &[("email", email), ("password", password)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location().starts_with("/login/totp"), "{}", r.location());
    assert!(r.cookie().is_none(), "no session before the second step");
    let ch = challenge_cookie(&r).expect("challenge cookie");
    let page = get(state, "/login/totp", Some(&ch)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let i = page
        .body
        .find("data-secret=\"")
        .expect("the enrolment secret")
        + 13;
    let secret = base32_decode(page.body[i..].split('"').next().unwrap());
    let code = samspill_store::totp::code_at(&secret, state.now());
    let r = post(state, "/login/totp", Some(&ch), &[("code", &code)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    (r.cookie().expect("session after the code"), secret)
}

/// The one-time account link (path and query) in the newest account mail
/// to `to`, delivering queued mail to the built-in outbox first.
pub async fn account_link_in_mail(state: &AppState, to: &str) -> String {
    samspill_web::run_mail_once(state).await;
    let mails = state.store().delivered_service_mail(100).await.unwrap();
    let m = mails.iter().find(|m| m.to == to).expect("account mail");
    let i = m.body.find("/account/link/").expect("a link in the mail");
    m.body[i..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_string()
}

/// Detaches every survey round from the participants of programme `id`
/// (the demo attaches the seeded municipalities' closed rounds), so a test
/// can attach them through the pages.
pub async fn clear_attached_rounds(store: &Store, id: samspill_store::ProgrammeId) {
    let handle = store
        .programmes(samspill_store::Actor::system("test"))
        .handle(id)
        .await
        .unwrap();
    for p in handle.export().await.unwrap().participants {
        let mut bare = p.clone();
        bare.survey_rounds.clear();
        if let Some(a) = &mut bare.pre_analysis {
            a.baseline_round = None;
        }
        handle
            .put(samspill_store::Record::Participant(bare), None)
            .await
            .unwrap();
    }
}

/// Logs `email` in with [`PASSWORD`] and opens `/programmes`; returns the
/// session cookie and a CSRF token of the session.
pub async fn login_as(state: &AppState, email: &str) -> (String, String) {
    let r = post(
        state,
        "/login",
        None,
        &[("email", email), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{email}: {}", r.body);
    let cookie = r.cookie().expect("session cookie");
    let page = get(state, "/programmes", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK, "{email}: {}", page.body);
    (cookie, page.csrf())
}

/// The demo programme as `samspill demo` seeds it, with Brattvik and
/// Strandøy as municipalities with coordinators; the env's own
/// municipality (Oppdal) takes no part. Each role is logged in as
/// (cookie, CSRF token).
pub struct ProgrammeWorld {
    /// The store and the app.
    pub e: Env,
    /// The programme.
    pub id: i64,
    /// The funder's programme manager.
    pub funder: (String, String),
    /// The programme's evaluator.
    pub evaluator: (String, String),
    /// Brattvik's coordinator.
    pub brattvik: (String, String),
    /// Strandøy's coordinator.
    pub strandoy: (String, String),
    /// The coordinator of a municipality outside the programme.
    pub outsider: (String, String),
    /// Brattvik's and Strandøy's tenants.
    pub tenants: [TenantId; 2],
}

/// Seeds [`ProgrammeWorld`] on the database at `url`.
pub async fn programme_world(url: &str) -> ProgrammeWorld {
    let e = env(url, None).await;
    let mut tenants = Vec::new();
    for (slug, name) in [("brattvik", "Brattvik"), ("strandoy", "Strandøy")] {
        let t = e
            .store
            .create_tenant(&NewTenant::municipality(slug, name, "nb"))
            .await
            .unwrap();
        e.store
            .create_user(
                Some(t),
                &format!("koordinator@{slug}.example"),
                &format!("Koordinator {name}"),
                Role::Coordinator,
                PASSWORD,
            )
            .await
            .unwrap();
        tenants.push(t);
    }
    let seeded = samspill_seed::programme(&e.store, PASSWORD).await.unwrap();
    assert_eq!(seeded.linked.len(), 2, "both municipalities linked");
    let funder = login_as(&e.state, &seeded.funder).await;
    let evaluator = login_as(&e.state, &seeded.evaluator).await;
    let brattvik = login_as(&e.state, "koordinator@brattvik.example").await;
    let strandoy = login_as(&e.state, "koordinator@strandoy.example").await;
    let outsider = login_as(&e.state, &e.coordinator.clone()).await;
    ProgrammeWorld {
        id: seeded.id.get(),
        e,
        funder,
        evaluator,
        brattvik,
        strandoy,
        outsider,
        tenants: [tenants[0], tenants[1]],
    }
}

impl ProgrammeWorld {
    /// The programme document as the store holds it now.
    pub async fn stored(&self) -> samspill_programme::ProgrammeDocument {
        self.e
            .store
            .programmes(samspill_store::Actor::system("test"))
            .handle(samspill_store::ProgrammeId::from_raw(self.id))
            .await
            .unwrap()
            .export()
            .await
            .unwrap()
    }
}
