//! Runs the browser test `e2e/run.mjs` (Playwright with Debian's Chromium
//! and axe-core) against a real server with an SMTP sink, so that
//! `cargo test` covers it. Without Node, Chromium or `e2e/node_modules`
//! the test fails when `CI` is set and is skipped loudly otherwise.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::*;
use samspill_store::{NewTenant, Role, Store, StoreConfig};

fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("browser test cannot run: {why} (CI is set)");
    }
    eprintln!("\n!!!!! browser test SKIPPED: {why} !!!!!\n");
}

/// The e2e folder and Chromium, or `None` (skipped or failed) when the
/// browser test cannot run here.
fn browser_setup() -> Option<(PathBuf, String)> {
    let e2e = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../e2e");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        skip_or_fail("node is not installed");
        return None;
    }
    if !PathBuf::from(&chromium).exists() {
        skip_or_fail("chromium is not installed (apt-get install chromium)");
        return None;
    }
    if !e2e.join("node_modules/playwright-core").exists() {
        skip_or_fail("e2e/node_modules is missing (cd e2e && npm ci)");
        return None;
    }
    Some((e2e, chromium))
}

/// Starts `samspill_web::serve` on a free port; returns its base URL.
async fn start_server(mut config: samspill_web::Config) -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    config.listen = format!("127.0.0.1:{port}").parse().unwrap();
    config.public_url = base.clone();
    config.secure_cookies = false;
    tokio::spawn(samspill_web::serve(config));
    let addr = format!("127.0.0.1:{port}").parse().unwrap();
    for _ in 0..200 {
        if let Ok((200, _)) = http(addr, "GET", "/health", "", &[]).await {
            return base;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server did not start");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_programme_pages_in_a_real_browser_with_zero_axe_violations() {
    let Some((e2e, chromium)) = browser_setup() else {
        return;
    };
    let (_dir, url) = samspill_store::testing::sqlite_url();
    let mut config = samspill_web::Config::new(&url);
    config.mail = samspill_web::MailTransport::None;
    let store = Store::open(&StoreConfig::url(&url).with_token_key(config.token_key))
        .await
        .unwrap();
    let tid = store
        .create_tenant(&NewTenant::municipality("brattvik", "Brattvik", "nb"))
        .await
        .unwrap();
    store
        .create_user(
            Some(tid),
            "koordinator@brattvik.example",
            "Kari",
            Role::Coordinator,
            PASSWORD,
        )
        .await
        .unwrap();
    let seeded = samspill_seed::programme(&store, PASSWORD).await.unwrap();
    store.close().await;
    let base = start_server(config).await;
    let out = tokio::time::timeout(
        Duration::from_secs(300),
        tokio::process::Command::new("node")
            .arg("programme.mjs")
            .current_dir(&e2e)
            .env("BASE_URL", &base)
            .env("PASSWORD", PASSWORD)
            .env("PROGRAMME_ID", seeded.id.get().to_string())
            .env("FUNDER_EMAIL", &seeded.funder)
            .env("COORD_EMAIL", "koordinator@brattvik.example")
            .env("CHROMIUM", &chromium)
            .kill_on_drop(true)
            .output(),
    )
    .await
    .expect("browser test timed out")
    .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(
        out.status.success(),
        "e2e/programme.mjs failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("zero axe violations"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_in_a_real_browser_with_zero_axe_violations() {
    let Some((e2e, chromium)) = browser_setup() else {
        return;
    };
    let (dir, url) = samspill_store::testing::sqlite_url();
    let mail_dir = dir.join("mail");
    std::fs::create_dir_all(&mail_dir).unwrap();
    let (smtp_port, _mails) = smtp_sink_to(Some(mail_dir.clone())).await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let mut config = samspill_web::Config::new(&url);
    config.listen = format!("127.0.0.1:{port}").parse().unwrap();
    config.public_url = base.clone();
    config.secure_cookies = false;
    config.mail = samspill_web::MailTransport::Smtp(smtp_config(smtp_port));
    config.mail_interval = Duration::from_millis(200);
    // Seed a tenant and its coordinator through the store's API.
    let store = Store::open(&StoreConfig::url(&url).with_token_key(config.token_key))
        .await
        .unwrap();
    let mut nt = NewTenant::municipality("oppdal", "Oppdal kommune", "nb");
    nt.mail_from = Some("samspill@oppdal.kommune.example".into());
    let tid = store.create_tenant(&nt).await.unwrap();
    store
        .create_user(
            Some(tid),
            "koordinator@oppdal.example",
            "Kari",
            Role::Coordinator,
            PASSWORD,
        )
        .await
        .unwrap();
    store.close().await;
    tokio::spawn(samspill_web::serve(config));
    let addr = format!("127.0.0.1:{port}").parse().unwrap();
    let mut up = false;
    for _ in 0..200 {
        if let Ok((200, _)) = http(addr, "GET", "/health", "", &[]).await {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(up, "server did not start");
    let roster = dir.join("roster.csv");
    std::fs::write(&roster, ROSTER_CSV).unwrap();
    let out = tokio::time::timeout(
        Duration::from_secs(300),
        tokio::process::Command::new("node")
            .arg("run.mjs")
            .current_dir(&e2e)
            .env("BASE_URL", &base)
            .env("MAIL_DIR", &mail_dir)
            .env("ROSTER_PATH", &roster)
            .env("ROSTER_SIZE", "6")
            .env("COORD_EMAIL", "koordinator@oppdal.example")
            .env("COORD_PASSWORD", PASSWORD)
            .env("CHROMIUM", &chromium)
            .kill_on_drop(true)
            .output(),
    )
    .await
    .expect("browser test timed out")
    .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(
        out.status.success(),
        "e2e/run.mjs failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("zero axe violations"));
}
