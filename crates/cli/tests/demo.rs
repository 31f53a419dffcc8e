//! `samspill demo`: populates five municipalities through the store, writes
//! every report from the frozen rounds, and serves the web app with the
//! demo page, the reports and an open survey round.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> Option<(u16, Vec<u8>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n")?;
    let status: u16 = std::str::from_utf8(&buf[9..12]).ok()?.parse().ok()?;
    Some((status, buf[head_end + 4..].to_vec()))
}

#[test]
fn demo_populates_reports_and_serves_them_with_an_open_round() {
    let dir = std::env::temp_dir().join(format!("samspill-demo-test-{}", std::process::id()));
    let port = 20000 + (std::process::id() % 20000) as u16;
    let mut child = Command::new(env!("CARGO_BIN_EXE_samspill"))
        .args([
            "demo",
            "--dir",
            dir.to_str().unwrap(),
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--lang",
            "nb",
        ])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("demo starts");
    let started = Instant::now();
    let page = loop {
        if let Some((200, body)) = get(port, "/demo") {
            break String::from_utf8(body).unwrap();
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "demo did not come up"
        );
        std::thread::sleep(Duration::from_millis(500));
    };
    // Five municipalities with logins and reports, one programme report.
    assert_eq!(page.matches("koordinator@").count(), 5, "{page}");
    assert!(page.contains("programme.html"));
    let reports = std::fs::read_dir(dir.join("reports")).unwrap().count();
    assert_eq!(reports, 12, "5 municipalities + programme, HTML and PDF");
    for entry in std::fs::read_dir(dir.join("reports")).unwrap() {
        let p = entry.unwrap().path();
        let bytes = std::fs::read(&p).unwrap();
        if p.extension().unwrap() == "pdf" {
            assert!(bytes.starts_with(b"%PDF-"), "{}", p.display());
            let name = p.file_name().unwrap().to_str().unwrap();
            let (status, served) = get(port, &format!("/demo/reports/{name}")).unwrap();
            assert_eq!(status, 200);
            assert_eq!(served, bytes);
        }
    }
    // The open round: a survey link answers; the login page is there.
    let link_start = page.find("href=\"/s/").expect("an open-round link") + 6;
    let link = &page[link_start..link_start + page[link_start..].find('"').unwrap()];
    assert_eq!(get(port, link).unwrap().0, 200);
    assert_eq!(get(port, "/login").unwrap().0, 200);
    assert_eq!(
        get(port, "/demo/reports/../demo.sqlite3").map(|r| r.0),
        Some(404)
    );
    child.kill().unwrap();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}
