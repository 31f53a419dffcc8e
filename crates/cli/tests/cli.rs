//! The `samspill` binary as a user meets it: output shapes, options, and
//! what happens with bad input (a clear message, a non-zero exit code, and
//! no partial output).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn samspill(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samspill"))
        .args(args)
        .env_remove("SAMSPILL_LANG")
        .env("LANG", "C")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .expect("binary runs")
}

fn real(file: &str) -> String {
    format!("../shared/data/networks/{file}")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samspill-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn json_is_one_object_for_one_network_and_an_array_for_several() {
    let out = samspill(&["analyze", &real("strike.paj"), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.is_object());
    assert_eq!(v["graph"]["nodes"], 24);
    assert_eq!(v["graph"]["edges"], 38);
    assert_eq!(v["source"]["network"], "Strike.net");
    assert_eq!(v["nodes"].as_array().unwrap().len(), 24);
    for key in [
        "betweenness",
        "closeness",
        "eigenvector",
        "constraint",
        "effective_size",
        "clustering",
        "core_number",
        "community",
        "degree",
    ] {
        assert!(v["nodes"][0].get(key).is_some(), "missing {key}");
    }

    let out = samspill(&[
        "analyze",
        &real("strike.paj"),
        &real("sawmill.net"),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    // Files are analysed in parallel but reported in the order given.
    assert!(
        v[0]["source"]["file"]
            .as_str()
            .unwrap()
            .ends_with("strike.paj")
    );
    assert!(
        v[1]["source"]["file"]
            .as_str()
            .unwrap()
            .ends_with("sawmill.net")
    );
    // The array is assembled from separately printed elements: same content
    // as the one-file run, and laid out as a pretty-printed array.
    let one = samspill(&["analyze", &real("strike.paj"), "--format", "json"]);
    let one_v: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(v[0], one_v);
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.starts_with("[\n  {\n    \"source\": {\n"),
        "{}",
        &text[..40]
    );
    assert!(text.ends_with("\n  }\n]\n"));
    let indented: Vec<String> = String::from_utf8(one.stdout)
        .unwrap()
        .trim_end()
        .lines()
        .map(|l| format!("  {l}"))
        .collect();
    let indented = format!("[\n{},\n", indented.join("\n"));
    assert!(
        text.contains(&indented),
        "the first element is the one-file output, indented"
    );
    // sampson.paj holds two networks: all are analysed unless one is chosen.
    let out = samspill(&[
        "analyze",
        &real("sampson.paj"),
        "--format",
        "json",
        "--metrics",
        "degree",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    let out = samspill(&[
        "analyze",
        &real("sampson.paj"),
        "--network",
        "Sampson_T4",
        "--format",
        "json",
        "--metrics",
        "degree",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["graph"]["nodes"], 18);
}

#[test]
fn metrics_limit_what_is_computed_and_undefined_is_null() {
    let out = samspill(&[
        "analyze",
        &real("hi-tech.paj"),
        "--format",
        "json",
        "--metrics",
        "degree,eigenvector",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let node = &v["nodes"][0];
    assert!(node.get("betweenness").is_none(), "not asked for: absent");
    assert!(node.get("in_degree").is_some());
    // hi-tech is not strongly connected: eigenvector undefined, so null.
    assert!(node["eigenvector"].is_null());
    assert!(v["graph"].get("density").is_none());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("NaN"));
}

#[test]
fn options_are_echoed_and_change_the_network() {
    let out = samspill(&[
        "analyze",
        &real("hi-tech.paj"),
        "--format",
        "json",
        "--combine",
        "either",
        "--no-answer",
        "Fran,Quincy,York",
        "--non-respondents",
        "drop",
        "--metrics",
        "density",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["settings"]["combine"], "either");
    assert_eq!(v["settings"]["directed"], false);
    assert_eq!(v["graph"]["nodes"], 33);
    assert_eq!(v["graph"]["edges"], 91);

    let out = samspill(&[
        "analyze",
        "examples/eksempelkommune.csv",
        "--nodes",
        "examples/eksempelkommune-nodes.csv",
        "--combine",
        "either",
        "--threshold",
        "weekly",
        "--weighted",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["settings"]["distance"], "1/value, exact");
    assert_eq!(v["graph"]["non_respondents"], 3);
    assert!(
        v["groups"]["function_matrix"]["labels"]
            .as_array()
            .unwrap()
            .len()
            == 11
    );
}

#[test]
fn output_file_is_written_whole() {
    let path = tmp("strike.json");
    let out = samspill(&[
        "analyze",
        &real("strike.paj"),
        "--format",
        "json",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["graph"]["nodes"], 24);
    // Several networks: the file (written in pieces) holds exactly what
    // standard output shows, and no partial file is left beside it.
    let files = [real("strike.paj"), real("sawmill.net")];
    let shown = samspill(&["analyze", &files[0], &files[1], "--format", "json"]);
    let out = samspill(&[
        "analyze",
        &files[0],
        &files[1],
        "--format",
        "json",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(std::fs::read(&path).unwrap(), shown.stdout);
    assert!(!path.with_extension("json.partial").exists());
}

#[test]
fn bad_input_names_file_and_line_and_writes_nothing() {
    let bad = tmp("bad.net");
    std::fs::write(
        &bad,
        "*Vertices 3\n1 \"A\"\n2 \"B\"\n3 \"C\"\n*Edges\n1 2\n2 9\n",
    )
    .unwrap();
    let path = tmp("should-not-exist.json");
    let _ = std::fs::remove_file(&path);
    // A good file first and a bad one second: nothing at all is written.
    let out = samspill(&[
        "analyze",
        &real("strike.paj"),
        bad.to_str().unwrap(),
        "--format",
        "json",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(!path.exists(), "no partial result");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.net:7"), "names file and line: {err}");
    assert!(err.contains('9'), "names the bad value: {err}");
    assert!(!err.contains("panicked"));

    // Two bad files: the error is always the first one's, whichever thread
    // finished first.
    let bad2 = tmp("bad2.net");
    std::fs::write(&bad2, "*Vertices 2\n*Edges\n1 x\n").unwrap();
    for _ in 0..3 {
        let out = samspill(&[
            "analyze",
            bad2.to_str().unwrap(),
            &real("strike.paj"),
            bad.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("bad2.net:3"), "first bad file: {err}");
        assert!(!err.contains("bad.net:7"), "only the first error: {err}");
    }
}

#[test]
fn bad_options_and_missing_files_are_clear_errors() {
    let out = samspill(&["analyze", &real("strike.paj"), "--metrics", "betweeness"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"betweeness\""));

    let out = samspill(&["analyze", &real("strike.paj"), "--combine", "sometimes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sometimes"));

    let out = samspill(&["analyze", "no/such/file.paj"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.paj"));

    let out = samspill(&[
        "analyze",
        &real("sampson.paj"),
        "--weighted",
        "--network",
        "Sampson",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("positive"), "{err}");

    let out = samspill(&["analyze", &real("strike.paj"), "--no-answer", "Nobody"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody"));
}

#[test]
fn tables_speak_the_chosen_language() {
    let out = samspill(&["analyze", &real("strike.paj"), "--lang", "nb"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Tetthet") && text.contains("Brobyggere"),
        "{text}"
    );
    assert!(text.contains("0,138"), "decimal comma: {text}");
    let out = samspill(&["analyze", &real("strike.paj"), "--lang", "da"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Tæthed"));
    let out = samspill(&["analyze", &real("strike.paj"), "--lang", "nn"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Tettleik"));
}

#[test]
fn convert_round_trips_pajek() {
    let out_path = tmp("strike-copy.net");
    let out = samspill(&["convert", &real("strike.paj"), out_path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = samspill(&[
        "analyze",
        &real("strike.paj"),
        "--format",
        "json",
        "--metrics",
        "betweenness",
    ]);
    let b = samspill(&[
        "analyze",
        out_path.to_str().unwrap(),
        "--format",
        "json",
        "--metrics",
        "betweenness",
    ]);
    let va: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    let vb: serde_json::Value = serde_json::from_slice(&b.stdout).unwrap();
    assert_eq!(va["nodes"], vb["nodes"]);
}

// ------------------------------------------------------------------------
// Hostile files (issue 12) and the files of issue 14, through the binary.

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/hostile")
}

/// The hostile files of `crates/formats/tests/hostile/` (see its
/// `generate.py`).
const HOSTILE: [&str; 14] = [
    "dimension-bomb.xlsx",
    "dimension-xfd5000.xlsx",
    "shared-strings-400mb.xlsx",
    "zip-bomb.xlsx",
    "zip-many-parts.xlsx",
    "long-cell.xlsx",
    "billion-laughs.graphml",
    "billion-laughs.gexf",
    "deep-nesting.graphml",
    "deep-nesting.json",
    "control-characters.net",
    "control-characters.csv",
    "declared-billion.net",
    "declared-billion.dl",
];

/// Peak resident memory of the largest child this process has waited
/// for, in bytes (Linux reports `ru_maxrss` in KiB).
fn children_peak_rss() -> u64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a whole `rusage` into the pointer it is
    // given, which points at one; RUSAGE_CHILDREN is a valid `who`.
    let usage = unsafe {
        assert_eq!(
            libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()),
            0
        );
        usage.assume_init()
    };
    usage.ru_maxrss as u64 * 1024
}

/// Run by [`hostile_files_are_refused_in_bounded_memory`] in a process of
/// its own per file (so that `RUSAGE_CHILDREN` covers that one run): runs
/// `samspill analyze` on `SAMSPILL_HOSTILE_FILE` and prints the exit code,
/// the peak RSS and the message.
#[test]
fn hostile_file_helper() {
    let Ok(file) = std::env::var("SAMSPILL_HOSTILE_FILE") else {
        return; // not asked to measure: nothing to do
    };
    let out = samspill(&["analyze", &file, "--lang", "nb"]);
    println!(
        "HOSTILE code={:?} rss={} stdout={} stderr={}",
        out.status.code(),
        children_peak_rss(),
        out.stdout.len(),
        String::from_utf8_lossy(&out.stderr).replace('\n', "\\n")
    );
}

#[test]
fn hostile_files_are_refused_in_bounded_memory() {
    const LIMIT: u64 = 300 << 20;
    let mut report = Vec::new();
    for name in HOSTILE {
        let path = hostile_dir().join(name);
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "hostile_file_helper",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("SAMSPILL_HOSTILE_FILE", &path)
            .output()
            .expect("test binary runs");
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text
            .lines()
            .find_map(|l| l.find("HOSTILE ").map(|i| &l[i..]))
            .unwrap_or_else(|| panic!("{name}: helper said {text}"));
        let field = |key: &str| {
            line.split(' ')
                .find_map(|w| w.strip_prefix(key))
                .unwrap_or_else(|| panic!("{name}: {line}"))
                .to_string()
        };
        let rss: u64 = field("rss=").parse().unwrap();
        let stderr = line.split("stderr=").nth(1).unwrap_or("");
        assert_eq!(field("code="), "Some(1)", "{name}: {line}");
        assert_eq!(field("stdout="), "0", "{name}: nothing half-read");
        assert!(
            stderr.starts_with("feil i "),
            "{name}: translated: {stderr}"
        );
        assert!(stderr.contains(name), "{name}: names the file: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(stderr.len() < 400, "{name}: short: {stderr}");
        assert!(
            rss < LIMIT,
            "{name}: peak RSS {} MB (limit 300 MB)",
            rss >> 20
        );
        report.push(format!("{name}: {:.1} MB", rss as f64 / 1048576.0));
    }
    // The figures, for the record (`cargo test -- --nocapture`).
    println!(
        "peak RSS of samspill analyze per hostile file:\n{}",
        report.join("\n")
    );
}

#[test]
fn empty_files_exit_non_zero() {
    for (name, content) in [
        ("empty.net", ""),
        ("empty.csv", "\n\n"),
        ("blank.graphml", " "),
    ] {
        let path = tmp(name);
        std::fs::write(&path, content).unwrap();
        let out = samspill(&["analyze", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("the file is empty"), "{name}: {err}");
    }
}

#[test]
fn format_errors_are_translated() {
    let path = tmp("quote.csv");
    std::fs::write(&path, "source,target\na,b\n\"c,d\ne,f\n").unwrap();
    for (lang, word) in [
        ("en", "never closed"),
        ("nb", "lukkes aldri"),
        ("nn", "lukka"),
        ("da", "lukkes aldrig"),
    ] {
        let out = samspill(&["analyze", path.to_str().unwrap(), "--lang", lang]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(word), "{lang}: {err}");
        assert!(err.contains("quote.csv:3:1"), "{lang}: {err}");
    }
}

#[test]
fn directed_file_without_ties_is_analysed_as_directed() {
    let path = tmp("arcs-only.net");
    std::fs::write(&path, "*Vertices 3\n*Arcs\n").unwrap();
    let out = samspill(&["analyze", path.to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["settings"]["directed"], true, "{}", v["settings"]);
    assert!(v["nodes"][0].get("in_degree").is_some());
}

#[test]
fn weighted_paths_on_decimal_values_are_real_numbers() {
    let path = tmp("decimal.csv");
    std::fs::write(&path, "source,target,value\na,b,0.1804\nb,c,0.1474\n").unwrap();
    let out = samspill(&[
        "analyze",
        path.to_str().unwrap(),
        "--undirected",
        "--weighted",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["settings"]["distance"], "1/value, floating point");
    let b = v["nodes"][1]["betweenness"].as_f64().unwrap();
    let c = v["nodes"][1]["closeness"].as_f64().unwrap();
    assert!((b - 1.0).abs() < 1e-12, "{b}");
    // NetworkX 3.7: closeness of the middle 0.16223892617449664.
    assert!((c - 0.162_238_926_174_496_64).abs() < 1e-12, "{c}");
    assert!(v["graph"]["diameter"].as_f64().unwrap() > 0.0);
    // And `--sample` too.
    let out = samspill(&[
        "analyze",
        path.to_str().unwrap(),
        "--undirected",
        "--weighted",
        "--sample",
        "3",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["nodes"][1]["betweenness"].as_f64().unwrap() > 0.9);
}

#[test]
fn isolates_have_strength_zero_not_minus_zero() {
    let path = tmp("isolate.csv");
    std::fs::write(&path, "source,target,value\na,b,2\nc,\n").unwrap();
    let out = samspill(&["analyze", path.to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("-0.0"), "{text}");
}

/// A binary network (every tie value 1, as Pajek files of real
/// organisations are written) is reported with its ties as weekly contact,
/// and the user is told so: it would otherwise read as «monthly» and leave
/// the report saying nobody has weekly contact.
#[test]
fn report_on_a_binary_real_network_counts_ties_as_weekly_contact() {
    let out = tmp("report-binary");
    let _ = std::fs::remove_dir_all(&out);
    let o = samspill(&[
        "--lang",
        "en",
        "report",
        &real("sawmill.net"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("counts each tie as weekly contact"), "{err}");
    let facts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("sawmill-facts.json")).unwrap())
            .unwrap();
    // Sawmill: 36 people in one component (62 edges; real_networks.rs
    // checks the same file against NetworkX).
    assert_eq!(facts["weekly"]["largest"], 36, "{}", facts["weekly"]);
    let keys: Vec<&str> = facts["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    assert!(!keys.contains(&"report-sum-integrated-poor"), "{keys:?}");
}
