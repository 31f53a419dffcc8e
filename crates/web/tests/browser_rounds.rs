//! Runs `e2e/programme_rounds.mjs` (Playwright with Debian's Chromium and
//! axe-core) against a real server: the survey rounds inside the programme
//! (issue 18) with zero axe violations. Without Node, Chromium or
//! `e2e/node_modules` the test fails when `CI` is set and is skipped
//! loudly otherwise.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::*;
use samspill_seed::Extras;
use samspill_store::{Store, StoreConfig};

fn browser_setup() -> Option<(PathBuf, String)> {
    let e2e = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../e2e");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let why = if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        "node is not installed"
    } else if !PathBuf::from(&chromium).exists() {
        "chromium is not installed (apt-get install chromium)"
    } else if !e2e.join("node_modules/playwright-core").exists() {
        "e2e/node_modules is missing (cd e2e && npm ci)"
    } else {
        return Some((e2e, chromium));
    };
    if std::env::var_os("CI").is_some() {
        panic!("browser test cannot run: {why} (CI is set)");
    }
    eprintln!("\n!!!!! browser test SKIPPED: {why} !!!!!\n");
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn survey_rounds_in_the_programme_in_a_real_browser_with_zero_axe_violations() {
    let Some((e2e, chromium)) = browser_setup() else {
        return;
    };
    let (_dir, url) = samspill_store::testing::sqlite_url();
    let port = samspill_testkit::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut config = samspill_web::Config::new(&url);
    config.mail = samspill_web::MailTransport::None;
    config.listen = format!("127.0.0.1:{port}").parse().unwrap();
    config.public_url = base.clone();
    config.secure_cookies = false;
    let store = Store::open(&StoreConfig::url(&url).with_token_key(config.token_key))
        .await
        .unwrap();
    let demo = samspill_synth::demo_programme();
    let b = samspill_seed::municipality(&store, &demo[0], PASSWORD, Extras::default())
        .await
        .unwrap();
    samspill_seed::municipality(&store, &demo[1], PASSWORD, Extras::default())
        .await
        .unwrap();
    let seeded = samspill_seed::programme(&store, PASSWORD).await.unwrap();
    // The pages attach the rounds the demo attached already.
    clear_attached_rounds(&store, seeded.id).await;
    store.close().await;
    tokio::spawn(samspill_web::serve(config));
    let addr = format!("127.0.0.1:{port}").parse().unwrap();
    let mut up = false;
    for _ in 0..200 {
        if let Ok((200, _)) = samspill_testkit::http(addr, "GET", "/health", "", &[]).await {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(up, "server did not start");
    let out = tokio::time::timeout(
        Duration::from_secs(300),
        tokio::process::Command::new("node")
            .arg("programme_rounds.mjs")
            .current_dir(&e2e)
            .env("BASE_URL", &base)
            .env("PASSWORD", PASSWORD)
            .env("PROGRAMME_ID", seeded.id.get().to_string())
            .env("FUNDER_EMAIL", &seeded.funder)
            .env("COORD_EMAIL", &b.login)
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
        "e2e/programme_rounds.mjs failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("zero axe violations"));
}
