//! OIDC login (issue 16) in a real browser against a real OpenID provider:
//! the npm package `oidc-provider` (e2e/oidc-provider.mjs, PKCE required,
//! signed ID tokens, confidential clients with `client_secret_basic` and
//! `client_secret_post`), started here with node; the browser is driven by
//! e2e/oidc.mjs (Playwright with Debian's Chromium), on SQLite and
//! PostgreSQL. Without Node, Chromium or `e2e/node_modules` the test fails
//! when `CI` is set and is skipped loudly otherwise.
//!
//! Checked: a verified e-mail logs its account in and binds the subject;
//! an unverified e-mail, an unknown person and a person of another tenant
//! (through a tenant's own provider) are refused and no account or binding
//! is created; a replayed callback is refused; an invitation accepted
//! through the provider binds the subject; an invitation of another
//! tenant's user through a tenant's provider is neither spent nor bound.

mod common;

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use common::*;
use samspill_store::{Actor, NewTenant, Role, Store, StoreConfig};
use samspill_web::{AppState, Config, MailTransport, OidcMatch, OidcProvider};
use tokio::io::{AsyncBufReadExt, BufReader};

fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("OIDC browser test cannot run: {why} (CI is set)");
    }
    eprintln!("\n!!!!! OIDC browser test SKIPPED: {why} !!!!!\n");
}

const SECRET: &str = "en-hemmelighet-som-er-lang-nok-for-testen-0123456789";

/// Starts the provider; returns the process (killed on drop) once it
/// listens.
async fn start_provider(
    e2e: &PathBuf,
    port: u16,
    base: &str,
    accounts: &serde_json::Value,
) -> tokio::process::Child {
    let clients = serde_json::json!([
        {"client_id": "samspill", "client_secret": SECRET,
         "redirect_uri": format!("{base}/login/oidc/idp/callback"),
         "token_endpoint_auth_method": "client_secret_basic"},
        {"client_id": "samspill-oppdal", "client_secret": SECRET,
         "redirect_uri": format!("{base}/login/oidc/oppdal/callback"),
         "token_endpoint_auth_method": "client_secret_post"},
    ]);
    let mut child = tokio::process::Command::new("node")
        .arg("oidc-provider.mjs")
        .current_dir(e2e)
        .env("PORT", port.to_string())
        .env("CLIENTS", clients.to_string())
        .env("ACCOUNTS", accounts.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("start node");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let ready = tokio::time::timeout(Duration::from_secs(30), async {
        while let Ok(Some(l)) = lines.next_line().await {
            if l.contains("oidc-provider listening") {
                return true;
            }
        }
        false
    })
    .await;
    assert_eq!(ready, Ok(true), "the OpenID provider did not start");
    // Keep reading its output so it never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    child
}

fn provider(id: &str, name: &str, issuer: &str, tenant: Option<&str>, post: bool) -> OidcProvider {
    OidcProvider {
        id: id.into(),
        name: name.into(),
        issuer: issuer.into(),
        client_id: if post { "samspill-oppdal" } else { "samspill" }.into(),
        client_secret: Some(SECRET.into()),
        tenant: tenant.map(String::from),
        matching: OidcMatch::Email { trusted: false },
        scopes: vec!["email".into()],
        acr_values: None,
        secret_in_body: post,
    }
}

/// The one-time link in the newest account mail to `to`.
async fn link_to(state: &AppState, to: &str) -> String {
    samspill_web::run_mail_once(state).await;
    let mails = state.store().delivered_service_mail(100).await.unwrap();
    let m = mails.iter().find(|m| m.to == to).expect("account mail");
    let i = m.body.find("/account/link/").expect("a link in the mail");
    m.body[i..]
        .split(|c: char| c.is_whitespace() || c == '?')
        .next()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oidc_login_in_a_real_browser_against_a_real_provider() {
    let e2e = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../e2e");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        return skip_or_fail("node is not installed");
    }
    if !PathBuf::from(&chromium).exists() {
        return skip_or_fail("chromium is not installed (apt-get install chromium)");
    }
    if !e2e.join("node_modules/oidc-provider").exists()
        || !e2e.join("node_modules/playwright-core").exists()
    {
        return skip_or_fail("e2e/node_modules is missing (cd e2e && npm ci)");
    }
    let accounts = serde_json::json!({
        "kari": {"email": "koordinator@oppdal.example", "email_verified": true},
        "mallory": {"email": "koordinator@oppdal.example", "email_verified": false},
        "stranger": {"email": "stranger@example.no", "email_verified": true},
        "hanne": {"email": "koord@hitra.example", "email_verified": true},
        "nina-sub": {},
        "hilde-sub": {},
    });
    for (db, url) in database_urls() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let base = format!("http://{addr}");
        let idp_port = samspill_testkit::free_port();
        let issuer = format!("http://127.0.0.1:{idp_port}");
        let _idp = start_provider(&e2e, idp_port, &base, &accounts).await;

        let mut config = Config::new(&url);
        config.secure_cookies = false;
        config.public_url = base.clone();
        config.mail = MailTransport::Outbox;
        config.oidc = vec![
            provider("idp", "Testleverandør", &issuer, None, false),
            provider("oppdal", "Oppdal Entra", &issuer, Some("oppdal"), true),
        ];
        let store = Store::open(&StoreConfig::url(&url).with_token_key(config.token_key))
            .await
            .unwrap();
        let oppdal = store
            .create_tenant(&NewTenant::municipality("oppdal", "Oppdal kommune", "nb"))
            .await
            .unwrap();
        let hitra = store
            .create_tenant(&NewTenant::municipality("hitra", "Hitra kommune", "nb"))
            .await
            .unwrap();
        let kari = store
            .create_user(
                Some(oppdal),
                "koordinator@oppdal.example",
                "Kari",
                Role::Coordinator,
                PASSWORD,
            )
            .await
            .unwrap();
        store
            .create_user(
                Some(hitra),
                "koord@hitra.example",
                "Hanne",
                Role::Coordinator,
                PASSWORD,
            )
            .await
            .unwrap();
        let admin = store.admin(Actor::system("test"));
        let nina = admin
            .invite_user(
                Some(oppdal),
                "nina@oppdal.example",
                "Nina",
                Role::Coordinator,
                "nb",
            )
            .await
            .unwrap();
        admin
            .invite_user(
                Some(hitra),
                "hilde@hitra.example",
                "Hilde",
                Role::Coordinator,
                "nb",
            )
            .await
            .unwrap();
        let state = AppState::new(store.clone(), config).unwrap();
        let nina_link = link_to(&state, "nina@oppdal.example").await;
        let hilde_link = link_to(&state, "hilde@hitra.example").await;
        let users_before = store.users(None).await.unwrap().len();
        tokio::spawn(samspill_web::serve_on(
            listener,
            samspill_web::app(state.clone()),
        ));

        let scenarios = [
            "/login|Testleverandør|kari".to_string(),
            "/login|Testleverandør|mallory".to_string(),
            "/login|Testleverandør|stranger".to_string(),
            "/login|Oppdal Entra|hanne".to_string(),
            "/login|Oppdal Entra|kari".to_string(),
            format!("{nina_link}|Testleverandør|nina-sub"),
            format!("{hilde_link}|Oppdal Entra|hilde-sub"),
        ];
        let out = tokio::time::timeout(
            Duration::from_secs(300),
            tokio::process::Command::new("node")
                .arg("oidc.mjs")
                .current_dir(&e2e)
                .env("BASE_URL", &base)
                .env("ISSUER", &issuer)
                .env("SCENARIOS", scenarios.join(","))
                .env("CHROMIUM", &chromium)
                .kill_on_drop(true)
                .output(),
        )
        .await
        .expect("OIDC browser test timed out")
        .expect("run node");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        println!("{db}:\n{stdout}");
        assert!(
            out.status.success(),
            "{db}: e2e/oidc.mjs failed:\n{stdout}\n{stderr}"
        );
        assert!(stdout.contains("zero axe violations"));
        let results: Vec<serde_json::Value> = stdout
            .lines()
            .filter_map(|l| l.strip_prefix("oidc-result "))
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(results.len(), scenarios.len(), "{db}: {stdout}");
        let t = samspill_i18n::Texts::new(samspill_i18n::Lang::Nb);
        let no_account = t.get("acct-oidc-no-account");
        let expired = t.get("acct-oidc-expired");
        let s = |i: usize, k: &str| results[i][k].as_str().unwrap_or("").to_string();
        let logged_in = |i: usize| {
            assert!(
                s(i, "url") == format!("{base}/coord"),
                "{db}: scenario {i} should end on the coordinator's page: {}",
                results[i]
            );
            // The code and state were used once: the same callback again is refused.
            assert_eq!(results[i]["replay"]["status"], 400, "{db}: {}", results[i]);
            assert!(
                results[i]["replay"]["text"]
                    .as_str()
                    .unwrap()
                    .contains(&expired)
            );
        };
        let refused = |i: usize| {
            assert!(
                s(i, "url").contains("/callback") && s(i, "text").contains(&no_account),
                "{db}: scenario {i} must be refused: {}",
                results[i]
            );
        };
        logged_in(0);
        refused(1);
        refused(2);
        refused(3);
        logged_in(4);
        logged_in(5);
        refused(6);

        let bound = |p: &'static str, sub: &'static str| {
            let store = store.clone();
            async move { store.identity_user(p, sub).await.unwrap().map(|u| u.id) }
        };
        // A verified e-mail bound the subject at each provider it was used with.
        assert_eq!(bound("idp", "kari").await, Some(kari), "{db}");
        assert_eq!(bound("oppdal", "kari").await, Some(kari), "{db}");
        // Refusals bound nothing.
        assert_eq!(bound("idp", "mallory").await, None, "{db}");
        assert_eq!(bound("idp", "stranger").await, None, "{db}");
        assert_eq!(bound("oppdal", "hanne").await, None, "{db}");
        assert_eq!(bound("oppdal", "hilde-sub").await, None, "{db}");
        // The invitation accepted through the provider bound its subject
        // and is spent; the refused one still works.
        assert_eq!(bound("idp", "nina-sub").await, Some(nina), "{db}");
        let token = |l: &str| l.trim_start_matches("/account/link/").to_string();
        assert!(
            store.account_link(&token(&nina_link)).await.is_err(),
            "{db}"
        );
        let hilde_still = store.account_link(&token(&hilde_link)).await.unwrap();
        assert_eq!(hilde_still.email, "hilde@hitra.example");
        // No login created an account.
        let users_after = store.users(None).await.unwrap();
        assert_eq!(users_after.len(), users_before, "{db}: {users_after:?}");
        assert!(!users_after.iter().any(|u| u.email == "stranger@example.no"));
    }
}
