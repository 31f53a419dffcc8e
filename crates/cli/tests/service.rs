//! The service as an operator meets it, through the `samspill` binary:
//! `serve` on an empty database, `admin`, `backup` while respondents
//! answer and `restore` into a fresh database, two instances on one
//! PostgreSQL database (mail sent once, login limits shared), logs without
//! tokens, the token key check, `report` from the database, and the
//! packaging files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use samspill_store::{MailKind, Role, Store, StoreConfig};
use samspill_testkit::{Server, database_urls, free_port, http, smtp_sink};

const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const OTHER_KEY: &str = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

fn key(hex: &str) -> [u8; 32] {
    samspill_testkit::key_from_hex(hex)
}

fn samspill(args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_samspill"));
    c.args(args)
        .env("SAMSPILL_LANG", "en")
        .env_remove("SAMSPILL_CONFIG");
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().expect("run samspill")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

async fn start(url: &str, hex_key: &str, extra: &[(&str, String)]) -> Server {
    Server::start(
        Path::new(env!("CARGO_BIN_EXE_samspill")),
        url,
        hex_key,
        extra,
    )
    .await
}

fn tempdir() -> PathBuf {
    samspill_testkit::tempdir("service")
}

/// A tenant with `people` on the roster and an open round; the links.
async fn seed(url: &str, hex_key: &str, people: usize) -> (Store, Vec<(String, i64)>) {
    samspill_testkit::seed_open_round(url, hex_key, people).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_server_says_how_to_start_and_admin_creates_everything() {
    let dir = tempdir();
    let db = dir.join("s.sqlite3");
    let url = format!("sqlite://{}", db.display());
    let env = [
        ("SAMSPILL_DATABASE_URL", url.as_str()),
        ("SAMSPILL_TOKEN_KEY", KEY),
    ];
    // An empty database: the server's first lines say how to create the
    // first operator.
    let server = start(&url, KEY, &[]).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let log = server.log();
    assert!(log.contains("No operator account exists yet"), "{log}");
    assert!(
        log.contains("samspill admin user create --role operator"),
        "{log}"
    );
    let server_log = server.stop();
    assert!(!server_log.contains("panicked"), "{server_log}");

    let o = samspill(
        &[
            "admin",
            "user",
            "create",
            "--role",
            "operator",
            "--email",
            "drift@k.example",
            "--name",
            "Drift",
        ],
        &env,
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("password (shown only now): "),
        "{}",
        text(&o)
    );
    let o = samspill(
        &[
            "admin",
            "tenant",
            "create",
            "oppdal",
            "--name",
            "Oppdal kommune",
            "--language",
            "nn",
        ],
        &env,
    );
    assert!(o.status.success(), "{}", text(&o));
    // The coordinator's password from standard input.
    let mut c = Command::new(env!("CARGO_BIN_EXE_samspill"))
        .args([
            "admin",
            "user",
            "create",
            "--role",
            "coordinator",
            "--tenant",
            "oppdal",
            "--email",
            "Kari@Oppdal.example",
            "--name",
            "Kari",
            "--password-stdin",
        ])
        .env("SAMSPILL_LANG", "en")
        .env("SAMSPILL_DATABASE_URL", &url)
        .env("SAMSPILL_TOKEN_KEY", KEY)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    c.stdin
        .take()
        .unwrap()
        .write_all(b"et-langt-passord-1\n")
        .unwrap();
    let o = c.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        !text(&o).contains("password (shown"),
        "a given password is not printed"
    );
    let o = samspill(&["admin", "tenant", "list"], &env);
    assert!(
        text(&o).contains("oppdal\tOppdal kommune\tmunicipality\tnn\tactive"),
        "{}",
        text(&o)
    );
    let o = samspill(&["admin", "user", "list", "--tenant", "oppdal"], &env);
    assert!(
        text(&o).contains("kari@oppdal.example\tKari\tcoordinator\toppdal\tactive"),
        "{}",
        text(&o)
    );
    // Mistakes: a clear message, exit code 1, nothing changed.
    for (args, says) in [
        (
            vec![
                "admin",
                "user",
                "create",
                "--role",
                "coordinator",
                "--tenant",
                "nope",
                "--email",
                "x@k.example",
                "--name",
                "X",
            ],
            "«nope» was not found",
        ),
        (
            vec!["admin", "tenant", "create", "oppdal", "--name", "Again"],
            "«oppdal» already exists",
        ),
        (
            vec!["admin", "tenant", "create", "Bad Slug", "--name", "X"],
            "slug",
        ),
        (
            vec!["admin", "tenant", "rename", "nope", "--name", "X"],
            "«nope» was not found",
        ),
        (
            vec!["admin", "user", "deactivate", "nobody@k.example"],
            "was not found",
        ),
        (
            vec![
                "admin", "user", "create", "--role", "operator", "--email", "bad", "--name", "X",
            ],
            "invalid",
        ),
    ] {
        let o = samspill(&args, &env);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", text(&o));
        assert!(text(&o).contains(says), "{args:?}: {}", text(&o));
        assert!(!text(&o).contains("panicked"), "{}", text(&o));
    }
    let o = samspill(&["admin", "tenant", "list"], &env);
    assert_eq!(text(&o).lines().count(), 1, "{}", text(&o));
    // Rename, deactivate: the coordinator can no longer log in.
    assert!(
        samspill(
            &["admin", "tenant", "rename", "oppdal", "--name", "Oppdal"],
            &env
        )
        .status
        .success()
    );
    assert!(
        samspill(&["admin", "tenant", "deactivate", "oppdal"], &env)
            .status
            .success()
    );
    let store = Store::open(&StoreConfig::url(&url).with_token_key(key(KEY)))
        .await
        .unwrap();
    assert!(
        store
            .verify_login("kari@oppdal.example", "et-langt-passord-1")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        samspill(&["admin", "tenant", "activate", "oppdal"], &env)
            .status
            .success()
    );
    assert!(
        store
            .verify_login("kari@oppdal.example", "et-langt-passord-1")
            .await
            .unwrap()
            .is_some()
    );
    let o = samspill(
        &["admin", "user", "reset-password", "kari@oppdal.example"],
        &env,
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        store
            .verify_login("kari@oppdal.example", "et-langt-passord-1")
            .await
            .unwrap()
            .is_none()
    );
    let audit = store
        .audit_log(&samspill_store::AuditFilter::default())
        .await
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
    for a in [
        "tenant.create",
        "user.create",
        "tenant.rename",
        "tenant.deactivate",
        "user.password",
    ] {
        assert!(actions.contains(&a), "{a} not audited: {actions:?}");
    }
    assert!(
        audit.iter().all(|a| a.actor != "operator"),
        "rows name the actor"
    );
    store.close().await;
}

#[test]
fn admin_creates_a_programme_makes_members_and_links_participants() {
    let dir = tempdir();
    let db = dir.join("p.sqlite3");
    let url = format!("sqlite://{}", db.display());
    let env = [
        ("SAMSPILL_DATABASE_URL", url.as_str()),
        ("SAMSPILL_TOKEN_KEY", KEY),
    ];
    let ok = |args: &[&str]| {
        let o = samspill(args, &env);
        assert!(o.status.success(), "{args:?}: {}", text(&o));
        text(&o)
    };
    ok(&[
        "admin",
        "tenant",
        "create",
        "husbanken",
        "--name",
        "Husbanken",
    ]);
    ok(&[
        "admin", "tenant", "create", "brattvik", "--name", "Brattvik",
    ]);
    ok(&[
        "admin",
        "user",
        "create",
        "--role",
        "funder",
        "--tenant",
        "husbanken",
        "--email",
        "radgiver@hb.example",
        "--name",
        "Rådgiver",
    ]);
    ok(&[
        "admin",
        "user",
        "create",
        "--role",
        "coordinator",
        "--tenant",
        "brattvik",
        "--email",
        "k@brattvik.example",
        "--name",
        "Koordinator",
    ]);
    // A document with a wrong type: refused, the field named, nothing made.
    let bad = dir.join("bad.json");
    let mut v = serde_json::to_value(samspill_programme::demo::programme()).unwrap();
    v["participants"][0]["name"] = serde_json::json!(7);
    std::fs::write(&bad, v.to_string()).unwrap();
    let o = samspill(
        &["admin", "programme", "create", bad.to_str().unwrap()],
        &env,
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("participants[0].name"), "{}", text(&o));
    assert!(!ok(&["admin", "programme", "list"]).contains("demo"));
    // The demo programme, from a file written by the crate, as XLSX.
    let file = dir.join("demo.xlsx");
    std::fs::write(
        &file,
        samspill_programme::xlsx::export(&samspill_programme::demo::programme()).unwrap(),
    )
    .unwrap();
    assert!(
        ok(&["admin", "programme", "create", file.to_str().unwrap()]).contains("demo"),
        "created"
    );
    assert!(ok(&["admin", "programme", "list"]).contains("demo\t"));
    ok(&[
        "admin",
        "programme",
        "grant",
        "demo",
        "--email",
        "radgiver@hb.example",
    ]);
    assert!(
        ok(&["admin", "programme", "members", "demo"])
            .contains("radgiver@hb.example\tRådgiver\tfunder")
    );
    ok(&[
        "admin",
        "programme",
        "link",
        "demo",
        "--participant",
        "brattvik",
        "--tenant",
        "brattvik",
    ]);
    // Mistakes: a coordinator is no member, an unknown participant or
    // programme is named.
    for (args, says) in [
        (
            vec![
                "admin",
                "programme",
                "grant",
                "demo",
                "--email",
                "k@brattvik.example",
            ],
            "only funder advisers and evaluators",
        ),
        (
            vec![
                "admin",
                "programme",
                "link",
                "demo",
                "--participant",
                "nobody",
                "--tenant",
                "brattvik",
            ],
            "«nobody» was not found",
        ),
        (
            vec!["admin", "programme", "members", "nope"],
            "«nope» was not found",
        ),
    ] {
        let o = samspill(&args, &env);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", text(&o));
        assert!(text(&o).contains(says), "{args:?}: {}", text(&o));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_respondents_answer_restores_every_acknowledged_answer() {
    let dir = tempdir();
    let db = dir.join("live.sqlite3");
    let url = format!("sqlite://{}", db.display());
    let (store, links) = seed(&url, KEY, 40).await;
    store.close().await;
    let server = start(&url, KEY, &[]).await;
    let addr = server.addr;
    // Respondents answer one after another; each acknowledgement is timed.
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(std::sync::Mutex::new(Vec::<(usize, Instant)>::new()));
    let answering = {
        let (stop, acked, links) = (stop.clone(), acked.clone(), links.clone());
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) && i < links.len() {
                let (token, _) = &links[i];
                let (s, _) = http(
                    addr,
                    "POST",
                    &format!("/s/{token}/open"),
                    &format!("o_strengths=svar+{i}"),
                    &[],
                )
                .await
                .unwrap();
                if s == 303 {
                    acked.lock().unwrap().push((i, Instant::now()));
                }
                i += 1;
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let backup = dir.join("backup.sqlite3");
    let started = Instant::now();
    let o = samspill(
        &["backup", backup.to_str().unwrap()],
        &[("SAMSPILL_DATABASE_URL", &url), ("SAMSPILL_TOKEN_KEY", KEY)],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("Keep the survey-link key file"),
        "{}",
        text(&o)
    );
    // The copy holds every answer: readable by its owner only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "backup mode {mode:o}");
    }
    stop.store(true, Ordering::Relaxed);
    answering.await.unwrap();
    let before: Vec<usize> = acked
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, at)| *at < started)
        .map(|(i, _)| *i)
        .collect();
    assert!(
        !before.is_empty(),
        "answers were acknowledged before the backup"
    );
    // A second backup to the same file is refused.
    let o = samspill(
        &["backup", backup.to_str().unwrap()],
        &[("SAMSPILL_DATABASE_URL", &url), ("SAMSPILL_TOKEN_KEY", KEY)],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    // Restoring over the running server's database is refused.
    let o = samspill(
        &["restore", backup.to_str().unwrap(), "--force"],
        &[("SAMSPILL_DATABASE_URL", &url), ("SAMSPILL_TOKEN_KEY", KEY)],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("stop it before restoring"),
        "{}",
        text(&o)
    );
    server.stop();

    // Into a fresh database on another machine (same key).
    let fresh = dir.join("fresh.sqlite3");
    let fresh_url = format!("sqlite://{}", fresh.display());
    let env = [
        ("SAMSPILL_DATABASE_URL", fresh_url.as_str()),
        ("SAMSPILL_TOKEN_KEY", KEY),
    ];
    // A damaged file: a clear message, nothing created.
    let damaged = dir.join("damaged.sqlite3");
    let mut bytes = std::fs::read(&backup).unwrap();
    bytes.truncate(bytes.len() / 3);
    std::fs::write(&damaged, &bytes).unwrap();
    let o = samspill(&["restore", damaged.to_str().unwrap()], &env);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("cannot be restored"), "{}", text(&o));
    assert!(!fresh.exists() || std::fs::metadata(&fresh).unwrap().len() == 0);
    let o = samspill(&["restore", dir.join("missing").to_str().unwrap()], &env);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    // With another key the links would die: refused.
    let o = samspill(
        &["restore", backup.to_str().unwrap()],
        &[
            ("SAMSPILL_DATABASE_URL", fresh_url.as_str()),
            ("SAMSPILL_TOKEN_KEY", OTHER_KEY),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("does not belong to this database"),
        "{}",
        text(&o)
    );
    let o = samspill(&["restore", backup.to_str().unwrap()], &env);
    assert!(o.status.success(), "{}", text(&o));
    let restored = Store::open(&StoreConfig::url(&fresh_url).with_token_key(key(KEY)))
        .await
        .unwrap();
    for i in before {
        let a = restored
            .respondent(&links[i].0)
            .await
            .unwrap()
            .answers()
            .await
            .unwrap();
        assert_eq!(
            a.open,
            [("strengths".to_string(), format!("svar {i}"))],
            "acknowledged answer {i} is in the restored database"
        );
    }
    restored.close().await;
    // A second restore over data needs --force.
    let o = samspill(&["restore", backup.to_str().unwrap()], &env);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("--force"), "{}", text(&o));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_started_with_another_key_refuses_to_start() {
    let dir = tempdir();
    let url = format!("sqlite://{}", dir.join("k.sqlite3").display());
    let (store, _) = seed(&url, KEY, 3).await;
    store.close().await;
    let o = samspill(
        &["serve"],
        &[
            ("SAMSPILL_DATABASE_URL", &url),
            ("SAMSPILL_TOKEN_KEY", OTHER_KEY),
            ("SAMSPILL_LISTEN", &format!("127.0.0.1:{}", free_port())),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("does not belong to this database"),
        "{}",
        text(&o)
    );
    // A key file beside a copied database: the same refusal.
    let copy = dir.join("copy.sqlite3");
    std::fs::copy(dir.join("k.sqlite3"), &copy).unwrap();
    let o = samspill(
        &["serve"],
        &[
            (
                "SAMSPILL_DATABASE_URL",
                &format!("sqlite://{}", copy.display()),
            ),
            ("SAMSPILL_LISTEN", &format!("127.0.0.1:{}", free_port())),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("does not belong to this database"),
        "{}",
        text(&o)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_never_hold_a_respondent_token() {
    let dir = tempdir();
    let url = format!("sqlite://{}", dir.join("l.sqlite3").display());
    let (store, links) = seed(&url, KEY, 5).await;
    store.close().await;
    let server = start(
        &url,
        KEY,
        &[
            ("SAMSPILL_LOG", "debug".into()),
            ("SAMSPILL_LOG_FORMAT", "json".into()),
        ],
    )
    .await;
    let addr = server.addr;
    let forged = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    for (token, _) in links.iter().take(3) {
        for (m, p, b) in [
            ("GET", format!("/s/{token}"), ""),
            ("GET", format!("/s/{token}/contacts?lang=en"), ""),
            ("POST", format!("/s/{token}/contacts"), "chosen=nobody"),
            (
                "POST",
                format!("/s/{token}/ratings"),
                "r_coordination=9&r_coordination=2",
            ),
            ("POST", format!("/s/{token}/start"), ""),
        ] {
            http(addr, m, &p, b, &[]).await.unwrap();
        }
        // A cross-site post is refused and logged: without the token.
        http(
            addr,
            "POST",
            &format!("/s/{token}/open"),
            "o_focus=x",
            &[("Origin", "https://evil.example")],
        )
        .await
        .unwrap();
    }
    http(addr, "GET", &format!("/s/{forged}/summary"), "", &[])
        .await
        .unwrap();
    let log = server.stop();
    assert!(log.contains("cross-site request refused"), "{log}");
    for line in log.lines().filter(|l| !l.trim().is_empty()) {
        assert!(line.starts_with('{'), "JSON log lines: {line}");
    }
    for (token, _) in &links {
        assert!(!log.contains(token.as_str()), "a token reached the log");
    }
    assert!(!log.contains(forged), "a forged token reached the log");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_database_send_each_message_once_and_share_login_limits() {
    let Some(url) = database_urls()
        .into_iter()
        .find(|(d, _)| *d == "postgres")
        .map(|(_, u)| u)
    else {
        assert!(
            std::env::var("CI").is_err(),
            "PostgreSQL is required under CI"
        );
        return;
    };
    let (store, _links) = seed(&url, KEY, 60).await;
    let (port, mails) = smtp_sink().await;
    let smtp = [
        ("SAMSPILL_SMTP_HOST", "127.0.0.1".to_string()),
        ("SAMSPILL_SMTP_PORT", port.to_string()),
        ("SAMSPILL_SMTP_TLS", "none".to_string()),
        ("SAMSPILL_MAIL_INTERVAL_MS", "100".to_string()),
    ];
    let a = start(&url, KEY, &smtp).await;
    let b = start(&url, KEY, &smtp).await;
    let tid = store.tenant_by_slug("k").await.unwrap();
    let t = store.tenant(tid);
    let round = t.rounds().await.unwrap()[0].id;
    t.queue_mail(round, MailKind::Invitation).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while mails.lock().unwrap().len() < 60 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Both had time to look again: nothing is sent twice.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let got = mails.lock().unwrap().clone();
    let mut to: Vec<String> = got.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    let n = to.len();
    to.dedup();
    assert_eq!((n, to.len()), (60, 60), "each of 60 messages exactly once");

    // Login limits hold across the two instances.
    store
        .create_user(
            Some(tid),
            "kari@k.example",
            "Kari",
            Role::Coordinator,
            "et-langt-passord-1",
        )
        .await
        .unwrap();
    let mut statuses = Vec::new();
    for i in 0..10 {
        let s = if i % 2 == 0 { a.addr } else { b.addr };
        let (code, _) = http(
            s,
            "POST",
            "/login",
            "email=kari%40k.example&password=wrong-password-x",
            &[],
        )
        .await
        .unwrap();
        statuses.push(code);
    }
    let checked = statuses.iter().filter(|c| **c == 401).count();
    assert!(
        checked <= 4,
        "at most 4 passwords checked over both instances: {statuses:?}"
    );
    assert!(
        statuses.iter().all(|c| *c == 401 || *c == 429),
        "{statuses:?}"
    );
    let logs = format!("{}{}", a.stop(), b.stop());
    assert!(!logs.contains("panicked"), "{logs}");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn report_from_the_database_refuses_an_open_round_and_writes_a_closed_one() {
    let dir = tempdir();
    let url = format!("sqlite://{}", dir.join("r.sqlite3").display());
    let (store, links) = seed(&url, KEY, 6).await;
    let tid = store.tenant_by_slug("k").await.unwrap();
    let t = store.tenant(tid);
    let round = t.rounds().await.unwrap()[0].id;
    let env = [
        ("SAMSPILL_DATABASE_URL", url.as_str()),
        ("SAMSPILL_TOKEN_KEY", KEY),
    ];
    let out = dir.join("out");
    let round_arg = round.to_string();
    let args = [
        "report",
        "--tenant",
        "k",
        "--round",
        round_arg.as_str(),
        "--out",
        out.to_str().unwrap(),
    ];
    let o = samspill(&args, &env);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("is not closed"), "{}", text(&o));
    assert!(!out.exists(), "nothing written");
    for (i, (token, _)) in links.iter().enumerate() {
        let r = store.respondent(token).await.unwrap();
        let other = samspill_store::PersonId::from_raw(links[(i + 1) % links.len()].1);
        r.save_contacts("contact", &[other]).await.unwrap();
        r.save_frequencies(
            "contact",
            &[(other, samspill_engine::model::Frequency::Weekly)],
        )
        .await
        .unwrap();
        r.submit().await.unwrap();
    }
    t.close_round(round).await.unwrap();
    store.close().await;
    let o = samspill(&args, &env);
    assert!(o.status.success(), "{}", text(&o));
    let stem = format!("samspill-k-round-{round}");
    for f in [
        format!("{stem}.html"),
        format!("{stem}.pdf"),
        format!("{stem}-facts.json"),
    ] {
        assert!(out.join(&f).is_file(), "{f}: {}", text(&o));
    }
    let html = std::fs::read_to_string(out.join(format!("{stem}.html"))).unwrap();
    assert!(
        !html.contains("P1 ") && !html.contains(">P1<"),
        "pseudonymised by default"
    );
    let o = samspill(
        &[
            "report",
            "--tenant",
            "nope",
            "--round",
            "1",
            "--out",
            out.to_str().unwrap(),
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("nope"), "{}", text(&o));
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_packaging_files_run_the_binary_the_way_this_program_expects() {
    let unit = std::fs::read_to_string(repo().join("packaging/samspill.service")).unwrap();
    let exec = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("ExecStart");
    let words: Vec<&str> = exec.split_whitespace().collect();
    assert_eq!(
        &words[1..],
        ["serve", "--config", "/etc/samspill/samspill.toml"]
    );
    for key in [
        "User=samspill",
        "Restart=on-failure",
        "KillSignal=SIGTERM",
        "[Install]",
    ] {
        assert!(unit.contains(key), "{key}");
    }
    // systemd's own check, where systemd is installed: the unit with the
    // binary under test in ExecStart.
    if Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok()
    {
        let dir = tempdir();
        let unit_file = dir.join("samspill.service");
        let patched = unit
            .replace(words[0], env!("CARGO_BIN_EXE_samspill"))
            .lines()
            .filter(|l| !l.starts_with("User=") && !l.starts_with("Group="))
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&unit_file, patched).unwrap();
        let o = Command::new("systemd-analyze")
            .args(["verify", "--man=no", unit_file.to_str().unwrap()])
            .output()
            .unwrap();
        let out = text(&o);
        assert!(
            !out.contains("Unknown key")
                && !out.contains("Unknown section")
                && !out.contains("bad-setting"),
            "{out}"
        );
    }
    let cf = std::fs::read_to_string(repo().join("packaging/Containerfile")).unwrap();
    assert!(cf.contains("cargo build --release --locked -p samspill-cli"));
    assert!(cf.contains("ENTRYPOINT [\"/usr/local/bin/samspill\"]"));
    assert!(cf.contains("CMD [\"serve\"]"));
    // Every environment variable the image sets is one the server reads.
    let config_doc = std::fs::read_to_string(repo().join("docs/samspill.example.toml")).unwrap();
    for var in cf
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with("SAMSPILL_"))
    {
        assert!(config_doc.contains(var), "{var} is documented");
    }
    // The example configuration is valid: every key known, values parsed.
    let o = samspill(
        &[
            "admin",
            "--config",
            repo().join("docs/samspill.example.toml").to_str().unwrap(),
            "mail-test",
            "x@example.org",
        ],
        &[
            ("SAMSPILL_SMTP_HOST", "127.0.0.1"),
            ("SAMSPILL_SMTP_PORT", "1"),
            ("SAMSPILL_SMTP_TLS", "none"),
            ("SAMSPILL_SMTP_PASSWORD", "x"),
            ("SAMSPILL_TOKEN_KEY", KEY),
        ],
    );
    let out = text(&o);
    assert!(!out.contains("configuration error"), "{out}");
    assert!(out.contains("the message was not sent"), "{out}");
}
