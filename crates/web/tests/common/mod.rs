//! Test support for the web crate: stores on both databases, an HTTP
//! helper over `tower::ServiceExt::oneshot`, a real server on loopback with
//! a tiny HTTP client, and an in-process SMTP sink.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use samspill_store::testing::{PgCluster, sqlite_url};
use samspill_store::{NewTenant, Role, Store, StoreConfig, TenantId};
use samspill_web::{AppState, Config, SmtpConfig, SmtpTls, app};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tower::ServiceExt;

pub const PASSWORD: &str = "et-langt-passord-1";

/// Database URLs to run a test on: SQLite always, PostgreSQL when present.
pub fn database_urls() -> Vec<(&'static str, String)> {
    let mut v = vec![("sqlite", sqlite_url().1)];
    if let Some(pg) = PgCluster::shared() {
        v.push(("postgres", pg.database()));
    }
    v
}

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
    config.smtp = smtp;
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
}

impl Resp {
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

/// A minimal HTTP/1.1 request over TCP: (status, body).
pub async fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: &str,
    extra: &[(&str, &str)],
) -> std::io::Result<(u16, String)> {
    let mut s = tokio::net::TcpStream::connect(addr).await?;
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if method == "POST" {
        req.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
    }
    for (k, v) in extra {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).await?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

/// One received mail.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

/// An SMTP sink on loopback: accepts every recipient except addresses
/// containing "bounce" (550, a permanent rejection).
pub async fn smtp_sink() -> (u16, Arc<Mutex<Vec<Mail>>>) {
    smtp_sink_to(None).await
}

/// The same, also writing each mail to `dir/<n>.eml`.
pub async fn smtp_sink_to(dir: Option<std::path::PathBuf>) -> (u16, Arc<Mutex<Vec<Mail>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mails = Arc::new(Mutex::new(Vec::new()));
    let store = mails.clone();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
            let store = store.clone();
            let dir = dir.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut r = BufReader::new(r);
                let _ = w.write_all(b"220 sink ESMTP\r\n").await;
                let (mut from, mut to, mut line) = (String::new(), Vec::new(), String::new());
                loop {
                    line.clear();
                    if r.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let cmd = line.trim_end().to_string();
                    let upper = cmd.to_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") {
                        b"250-sink\r\n250 8BITMIME\r\n"
                    } else if upper.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("MAIL FROM:") {
                        from = cmd[10..].trim().to_string();
                        to.clear();
                        b"250 ok\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        let addr = cmd[8..].trim().to_string();
                        if addr.contains("bounce") {
                            b"550 5.1.1 no such user\r\n"
                        } else {
                            to.push(addr);
                            b"250 ok\r\n"
                        }
                    } else if upper == "DATA" {
                        let _ = w.write_all(b"354 go on\r\n").await;
                        let mut data = String::new();
                        loop {
                            line.clear();
                            if r.read_line(&mut line).await.unwrap_or(0) == 0 {
                                return;
                            }
                            if line == ".\r\n" || line == ".\n" {
                                break;
                            }
                            data.push_str(&line);
                        }
                        let n = {
                            let mut all = store.lock().unwrap();
                            all.push(Mail {
                                from: from.clone(),
                                to: to.clone(),
                                data: data.clone(),
                            });
                            all.len()
                        };
                        if let Some(d) = &dir {
                            let tmp = d.join(format!("{n}.tmp"));
                            let _ = std::fs::write(&tmp, &data);
                            let _ = std::fs::rename(&tmp, d.join(format!("{n}.eml")));
                        }
                        b"250 queued\r\n"
                    } else if upper == "QUIT" {
                        let _ = w.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    if w.write_all(reply).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, mails)
}

pub fn smtp_config(port: u16) -> SmtpConfig {
    SmtpConfig {
        host: "127.0.0.1".into(),
        port: Some(port),
        tls: SmtpTls::None,
        user: None,
        password: None,
    }
}
