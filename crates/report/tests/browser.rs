//! Runs the browser test `e2e/report.mjs` (Playwright with Debian's
//! Chromium and axe-core) on the demo reports: on a 390 px phone and on a
//! desktop no page scrolls sideways, and axe finds no WCAG 2.1 A/AA
//! violation. Without Node, Chromium or `e2e/node_modules` the test fails
//! when `CI` is set and is skipped loudly otherwise (as
//! crates/web/tests/browser.rs).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use samspill_i18n::Lang;
use samspill_report::{Input, comparison_report, figures, html, municipality_document};
use samspill_synth::{demo_programme, next_round};

fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("browser test cannot run: {why} (CI is set)");
    }
    eprintln!("\n!!!!! report browser test SKIPPED: {why} !!!!!\n");
}

#[test]
fn reports_in_a_real_browser_no_sideways_scroll_and_zero_axe_violations() {
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
    if !e2e.join("node_modules/playwright-core").exists() {
        return skip_or_fail("e2e/node_modules is missing (cd e2e && npm ci)");
    }
    let dir = std::env::temp_dir().join(format!("samspill-report-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let demo = demo_programme();
    let write = |name: &str, input: &Input| {
        let (doc, _) = municipality_document(input).unwrap();
        std::fs::write(dir.join(format!("{name}.html")), html::render(&doc)).unwrap();
    };
    for m in &demo {
        let mut input = Input::from_synth(m, None);
        input.figures = figures::for_municipality(&input).unwrap();
        write(&m.spec.slug, &input);
    }
    // The named version, another language, and a comparison.
    let mut named = Input::from_synth(&demo[3], Some(Lang::En));
    named.show_names = true;
    named.figures = figures::for_municipality(&named).unwrap();
    write("kvitfjord-named-en", &named);
    let a = Input::from_synth(&demo[1], None);
    let mut b = Input::from_synth(&next_round(&demo[1], 7), None);
    b.pseudonyms = a.pseudonym_map();
    let w = comparison_report(&a, &b).unwrap();
    std::fs::write(dir.join("strandoy-comparison.html"), &w.html).unwrap();

    let mut child = std::process::Command::new("node")
        .arg("report.mjs")
        .current_dir(&e2e)
        .env("REPORT_DIR", &dir)
        .env("CHROMIUM", &chromium)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run node");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            panic!("e2e/report.mjs timed out");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        status.success(),
        "e2e/report.mjs failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("zero axe violations"));
    assert!(stdout.contains("checked 14 pages"), "{stdout}");
}
