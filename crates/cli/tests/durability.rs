//! Reliability of `samspill serve` over real sockets: an acknowledged
//! answer survives `kill -9` of the server process — on SQLite (both
//! synchronous modes) and PostgreSQL.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use samspill_engine::model::Frequency;
use samspill_store::{Store, StoreConfig};
use samspill_testkit::{database_urls, free_port, http};

const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

#[allow(clippy::zombie_processes)] // the caller kills and waits
async fn start_server(url: &str, port: u16, sync: &str) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_samspill"))
        .arg("serve")
        .env("SAMSPILL_DATABASE_URL", url)
        .env("SAMSPILL_LISTEN", format!("127.0.0.1:{port}"))
        .env("SAMSPILL_TOKEN_KEY", KEY)
        .env("SAMSPILL_INSECURE_COOKIES", "1")
        .env("SAMSPILL_SQLITE_SYNC", sync)
        .env("SAMSPILL_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("start samspill serve");
    let addr = format!("127.0.0.1:{port}").parse().unwrap();
    for _ in 0..200 {
        if let Ok((200, _)) = http(addr, "GET", "/health", "", &[]).await {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not become healthy");
}

fn key() -> [u8; 32] {
    samspill_testkit::key_from_hex(KEY)
}

async fn seed(url: &str, people: usize) -> Vec<(String, i64)> {
    let (store, links) = samspill_testkit::seed_open_round(url, KEY, people).await;
    store.close().await;
    links
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_acknowledged_answer_survives_kill_9_of_the_server() {
    // SQLite with synchronous FULL (the default) and NORMAL (WAL: safe
    // against a process crash, not against power loss), and PostgreSQL.
    let mut runs: Vec<(&str, String, &str)> = database_urls()
        .into_iter()
        .map(|(d, u)| (d, u, "full"))
        .collect();
    runs.push((
        "sqlite-normal",
        samspill_store::testing::sqlite_url().1,
        "normal",
    ));
    for (db, url, sync) in runs {
        let links = seed(&url, 30).await;
        let port = free_port();
        let mut server = start_server(&url, port, sync).await;
        let addr = format!("127.0.0.1:{port}").parse().unwrap();
        // Answers are acknowledged (303 after commit) one after another,
        // and the server is killed right after the last acknowledgement.
        let mut acked = Vec::new();
        for (i, (token, _)) in links.iter().enumerate() {
            let other = links[(i + 1) % links.len()].1;
            let (s1, _) = http(
                addr,
                "POST",
                &format!("/s/{token}/contacts"),
                &format!("chosen={other}"),
                &[],
            )
            .await
            .unwrap();
            let (s2, _) = http(
                addr,
                "POST",
                &format!("/s/{token}/frequency"),
                &format!("f_{other}=weekly"),
                &[],
            )
            .await
            .unwrap();
            let (s3, _) = http(
                addr,
                "POST",
                &format!("/s/{token}/open"),
                &format!("o_strengths=svar+{i}"),
                &[],
            )
            .await
            .unwrap();
            assert_eq!((s1, s2, s3), (303, 303, 303), "{db}");
            acked.push(i);
        }
        server.kill().expect("kill -9"); // SIGKILL: no shutdown, no flush
        server.wait().unwrap();
        assert!(
            http(addr, "GET", "/health", "", &[]).await.is_err(),
            "{db}: server is gone"
        );
        let port2 = free_port();
        let mut server = start_server(&url, port2, sync).await;
        let addr2 = format!("127.0.0.1:{port2}").parse().unwrap();
        for i in acked {
            let (token, _) = &links[i];
            let other = links[(i + 1) % links.len()].1;
            let (status, body) = http(addr2, "GET", &format!("/s/{token}/summary"), "", &[])
                .await
                .unwrap();
            assert_eq!(status, 200, "{db}");
            assert!(body.contains(&format!("svar {i}")), "{db}: answer {i} lost");
            assert!(
                body.contains(&format!("P{}: Ukentlig", other - links[0].1))
                    || body.contains("Ukentlig"),
                "{db}: frequency {i} lost"
            );
        }
        // And through the store, exactly.
        let store = Store::open(&StoreConfig::url(&url).with_token_key(key()))
            .await
            .unwrap();
        for (i, (token, _)) in links.iter().enumerate() {
            let a = store
                .respondent(token)
                .await
                .unwrap()
                .answers()
                .await
                .unwrap();
            assert_eq!(a.contacts.len(), 1, "{db}");
            assert_eq!(a.contacts[0].2, Some(Frequency::Weekly));
            assert_eq!(a.open, [("strengths".to_string(), format!("svar {i}"))]);
        }
        server.kill().unwrap();
        server.wait().unwrap();
    }
}
