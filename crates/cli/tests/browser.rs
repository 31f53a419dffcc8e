//! The whole service from an empty database in a real browser (Playwright
//! with Debian's Chromium and axe-core; `e2e/service.mjs`), on SQLite and
//! PostgreSQL: the first operator is created with `samspill admin`, the
//! server is `samspill serve`; everything else happens in the browser.
//! Afterwards the numbers on the results page and in the PDF are compared
//! with the engine's on the round's frozen data, and the exported network
//! is read by `samspill analyze`, which must give the same numbers.
//! Without Node, Chromium or `e2e/node_modules` the test fails under `CI`
//! (`tools/test` installs them) and is skipped loudly otherwise.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use samspill_engine::analysis::{AnalysisOptions, analyze};
use samspill_engine::build::{BuildOptions, build};
use samspill_i18n::{Lang, Texts};
use samspill_store::{Store, StoreConfig};
use samspill_testkit::{Server, database_urls, tempdir};

const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

fn key() -> [u8; 32] {
    samspill_testkit::key_from_hex(KEY)
}

fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("browser test cannot run: {why} (CI is set; tools/test installs it)");
    }
    eprintln!("\n!!!!! browser test SKIPPED: {why} !!!!!\n");
}

fn e2e() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../e2e")
}

fn roster_xlsx(path: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: Vec<[&str; 5]> = vec![
        ["Navn", "E-post", "Enhet", "Nivå", "Funksjoner"],
        [
            "Kari Nordmann",
            "kari@oppdal.example",
            "NAV",
            "leder",
            "Tildeling av bolig",
        ],
        [
            "Ola Hansen",
            "ola@oppdal.example",
            "Eiendom",
            "fagperson",
            "Drift og vedlikehold",
        ],
        [
            "Siri Berg",
            "siri@oppdal.example",
            "Plan",
            "fagperson",
            "Arealplanlegging",
        ],
        [
            "Per Lie",
            "per@oppdal.example",
            "NAV",
            "fagperson",
            "Økonomiske virkemidler/rådgivning",
        ],
        [
            "Anne Dahl",
            "anne@oppdal.example",
            "Helse",
            "leder",
            "Tjenester i bolig",
        ],
        [
            "Jon Ordfører",
            "jon@oppdal.example",
            "Politikk",
            "politiker",
            "Politisk folkevalgt",
        ],
        [
            "Liv Strand",
            "liv@oppdal.example",
            "Helse",
            "fagperson",
            "Tjenester i bolig",
        ],
        [
            "Nils Aas",
            "nils@oppdal.example",
            "Eiendom",
            "leder",
            "Framskaffe boliger",
        ],
        [
            "Eva Moe",
            "eva@oppdal.example",
            "Plan",
            "fagperson",
            "Boligsosial planlegging",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// Text of an HTML page, tags removed, whitespace collapsed.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn one_database(db: &str, url: &str) {
    let bin = Path::new(env!("CARGO_BIN_EXE_samspill"));
    let dir = tempdir("browser");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let roster = dir.join("deltakere.xlsx");
    roster_xlsx(&roster);
    // The first operator, as an operator creates it.
    let operator_password = "operatørens-passord-1";
    let mut c = Command::new(bin)
        .args([
            "admin",
            "user",
            "create",
            "--role",
            "operator",
            "--email",
            "drift@oppdal.example",
            "--name",
            "Drift",
            "--password-stdin",
        ])
        .env("SAMSPILL_DATABASE_URL", url)
        .env("SAMSPILL_TOKEN_KEY", KEY)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    writeln!(c.stdin.take().unwrap(), "{operator_password}").unwrap();
    let o = c.wait_with_output().unwrap();
    assert!(
        o.status.success(),
        "{db}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let server = Server::start(
        bin,
        url,
        KEY,
        &[
            ("SAMSPILL_MAIL_TRANSPORT", "outbox".into()),
            ("SAMSPILL_MAIL_INTERVAL_MS", "200".into()),
        ],
    )
    .await;
    let run = Command::new("node")
        .arg(e2e().join("service.mjs"))
        .current_dir(e2e())
        .env("BASE_URL", &server.base)
        .env("OPERATOR_EMAIL", "drift@oppdal.example")
        .env("OPERATOR_PASSWORD", operator_password)
        .env("ROSTER_PATH", &roster)
        .env("OUT_DIR", &out)
        .output()
        .expect("run node");
    let log = server.stop();
    assert!(
        run.status.success(),
        "{db}: e2e/service.mjs failed:\n{}\n{}\nserver log:\n{log}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    eprintln!("{db}: {}", String::from_utf8_lossy(&run.stdout));
    assert!(!log.contains("panicked"), "{db}: {log}");

    // The engine on the round's frozen data, under the default rules
    // (either, daily + weekly, non-respondents kept).
    let store = Store::open(&StoreConfig::url(url).with_token_key(key()))
        .await
        .unwrap();
    let tid = store.tenant_by_slug("oppdal").await.unwrap();
    let t = store.tenant(tid);
    let round = t.rounds().await.unwrap()[0].id;
    let data = t.round_network(round).await.unwrap();
    assert_eq!(
        data.network.people.iter().filter(|p| p.responded).count(),
        5,
        "{db}"
    );
    let an = build(&data.network, &BuildOptions::survey()).unwrap();
    let a = analyze(&data.network, &an, &AnalysisOptions::default());
    let tx = Texts::new(Lang::Nb);
    let density = a.graph.density.flatten().unwrap();
    let components = a.graph.weak_components.flatten().unwrap();
    let want = [
        format!("{} {}", tx.get("report-m-people"), a.graph.nodes),
        format!("{} {}", tx.get("report-m-ties"), a.graph.edges),
        format!("{} {}", tx.get("report-m-density"), tx.number(density, 2)),
        format!("{} {}", tx.get("report-m-parts"), components),
    ];
    // The results page shows those numbers …
    let page = visible_text(&std::fs::read_to_string(out.join("results.html")).unwrap());
    for w in &want {
        assert!(
            page.contains(w.as_str()),
            "{db}: the results page lacks «{w}»"
        );
    }
    // … and so does the PDF's text.
    let pdf = Command::new("pdftotext")
        // -layout keeps a table's row on one line (label, then value).
        .args(["-layout", out.join("report.pdf").to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&pdf.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for w in &want {
        assert!(text.contains(w.as_str()), "{db}: the PDF lacks «{w}»");
    }
    // `samspill analyze` on the exported GraphML gives the same numbers.
    let o = Command::new(bin)
        .args([
            "analyze",
            out.join("network.graphml").to_str().unwrap(),
            "--combine",
            "either",
            "--threshold",
            "weekly",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{db}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // One network: one object (an array only for several).
    let g = &v["graph"];
    assert_eq!(g["nodes"], a.graph.nodes, "{db}");
    assert_eq!(g["edges"], a.graph.edges, "{db}");
    assert!(
        (g["density"].as_f64().unwrap() - density).abs() < 1e-12,
        "{db}"
    );
    assert_eq!(g["weak_components"], components, "{db}");
    // The analysis export is the same analysis.
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("analysis.json")).unwrap()).unwrap();
    assert_eq!(exported["graph"]["edges"], a.graph.edges, "{db}");
    // No name reached the pseudonymised downloads.
    let graphml = std::fs::read_to_string(out.join("network.graphml")).unwrap();
    for name in ["Kari Nordmann", "Ola Hansen", "kari@oppdal.example"] {
        assert!(
            !graphml.contains(name) && !text.contains(name),
            "{db}: {name}"
        );
    }
    let facts: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("facts.json")).unwrap()).unwrap();
    assert!(!facts["summary"].as_array().unwrap().is_empty(), "{db}");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_service_from_an_empty_database_in_a_real_browser() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if Command::new("node").arg("--version").output().is_err() {
        return skip_or_fail("node is not installed");
    }
    if !PathBuf::from(&chromium).exists() {
        return skip_or_fail("chromium is not installed");
    }
    if !e2e().join("node_modules/playwright-core").exists() {
        return skip_or_fail("e2e/node_modules is missing (cd e2e && npm ci)");
    }
    for (db, url) in database_urls() {
        one_database(db, &url).await;
    }
}
