//! # samspill-testkit
//!
//! What several crates' tests need, written once: the databases a test
//! runs on ([`database_urls`]: SQLite always, PostgreSQL from the throwaway
//! cluster of `samspill_store::testing`), a free loopback port, a minimal
//! HTTP/1.1 client over real sockets ([`http`]), and an SMTP sink on
//! loopback ([`smtp_sink`]) that records what it receives and rejects
//! addresses containing "bounce". Test-only: no shipped crate depends on it.

#![warn(missing_docs)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use samspill_store::testing::{PgCluster, sqlite_url};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

/// Database URLs to run a test on: SQLite always, PostgreSQL when present
/// (required under `CI`).
pub fn database_urls() -> Vec<(&'static str, String)> {
    let mut v = vec![("sqlite", sqlite_url().1)];
    if let Some(pg) = PgCluster::shared() {
        v.push(("postgres", pg.database()));
    }
    v
}

/// A free TCP port on loopback.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
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
    /// The envelope sender (`MAIL FROM`).
    pub from: String,
    /// The accepted recipients (`RCPT TO`).
    pub to: Vec<String>,
    /// The message as sent (headers and body, dot-unstuffed lines).
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

/// A fresh temporary folder (removed with the process's temp files by the OS).
pub fn tempdir(what: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "samspill-{what}-{}-{}",
        std::process::id(),
        samspill_store::random_token()
    ));
    std::fs::create_dir_all(&d).expect("a temporary folder");
    d
}

/// A `samspill serve` process on a free loopback port, its standard error
/// in a file.
pub struct Server {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// The public URL it was given (`http://127.0.0.1:PORT`).
    pub base: String,
    log: PathBuf,
}

impl Server {
    /// Starts `binary serve` on the database `url` with the token key `key`
    /// (64 hex digits) and the extra environment; waits until `/health`
    /// answers.
    pub async fn start(binary: &Path, url: &str, key: &str, extra: &[(&str, String)]) -> Server {
        let port = free_port();
        let log = tempdir("server").join("server.log");
        let file = std::fs::File::create(&log).expect("a log file");
        let base = format!("http://127.0.0.1:{port}");
        let mut c = Command::new(binary);
        c.arg("serve")
            .env_remove("SAMSPILL_CONFIG")
            .env("SAMSPILL_LANG", "en")
            .env("SAMSPILL_DATABASE_URL", url)
            .env("SAMSPILL_LISTEN", format!("127.0.0.1:{port}"))
            .env("SAMSPILL_PUBLIC_URL", &base)
            .env("SAMSPILL_TOKEN_KEY", key)
            .env("SAMSPILL_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(file);
        for (k, v) in extra {
            c.env(k, v);
        }
        let mut child = c.spawn().expect("start samspill serve");
        let addr = format!("127.0.0.1:{port}").parse().expect("an address");
        for _ in 0..400 {
            if let Ok((200, _)) = http(addr, "GET", "/health", "", &[]).await {
                return Server {
                    child,
                    addr,
                    base,
                    log,
                };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!(
            "the server did not become healthy: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }

    /// What it wrote to standard error so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Kills it (SIGKILL) and returns its log.
    pub fn stop(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.log()
    }
}

/// A token key from 64 hex digits (test keys only).
pub fn key_from_hex(hex: &str) -> [u8; 32] {
    std::array::from_fn(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex digits"))
}

/// A tenant `k` («Kommune», sender `samspill@k.example`) with `people`
/// persons `P0`, `P1`, … (`p{i}@k.example`, function Utbygging) and one
/// open round «R»; the store (opened with the key `hex_key`) and each
/// invitation's `(token, person id)`.
pub async fn seed_open_round(
    url: &str,
    hex_key: &str,
    people: usize,
) -> (samspill_store::Store, Vec<(String, i64)>) {
    use samspill_store::{NewPerson, NewRound, NewTenant, Store, StoreConfig};
    let store = Store::open(&StoreConfig::url(url).with_token_key(key_from_hex(hex_key)))
        .await
        .expect("open the store");
    let mut nt = NewTenant::municipality("k", "Kommune", "nb");
    nt.mail_from = Some("samspill@k.example".into());
    let tid = store.create_tenant(&nt).await.expect("a tenant");
    let t = store.tenant(tid);
    let roster: Vec<NewPerson> = (0..people)
        .map(|i| NewPerson {
            name: format!("P{i}"),
            email: format!("p{i}@k.example"),
            functions: vec!["Utbygging".into()],
            ..NewPerson::default()
        })
        .collect();
    t.import_roster(&roster).await.expect("a roster");
    let round = t
        .create_round(&NewRound::standard("R", "nb"))
        .await
        .expect("a round");
    t.open_round(round).await.expect("open");
    let links = t.invitation_links(round).await.expect("links");
    (
        store,
        links
            .into_iter()
            .map(|l| (l.token, l.invitation.person.get()))
            .collect(),
    )
}
