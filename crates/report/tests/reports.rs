//! Every demo report, checked against the engine and against its own
//! facts: the numbers in the summary and the figures' captions, every figure
//! in HTML and PDF, a valid and text-extractable PDF, pseudonyms stable
//! across rounds, the named version marked on every page.

use samspill_engine::build::{Combine, build};
use samspill_i18n::Lang;
use samspill_report::facts::build_options;
use samspill_report::{
    CodedAnswer, Input, Pseudonyms, comparison_report, facts_json, figures, html,
    municipality_document, municipality_report, programme_report,
};
use samspill_synth::{Municipality, demo_programme, next_round};
use serde_json::Value;

fn input(m: &Municipality) -> Input {
    input_in(m, Lang::Nb)
}

fn input_in(m: &Municipality, lang: Lang) -> Input {
    let mut i = Input::from_synth(m, Some(lang));
    i.figures = figures::for_municipality(&i).unwrap();
    i
}

fn pdf_text(pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "a PDF header");
    assert!(
        pdf.windows(5).rev().take(64).any(|w| w == b"%%EOF"),
        "a PDF trailer"
    );
    let text = pdf_extract::extract_text_from_mem(pdf).expect("text-extractable PDF");
    squash(&text)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an HTML page, tags replaced by spaces, entities decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                out.push(' ');
            }
            c if !inside => out.push(c),
            _ => {}
        }
    }
    squash(
        &out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

/// The text of an HTML page without its head and pictures (inline SVG).
fn visible_text(html: &str) -> String {
    let mut s = html.to_string();
    for (open, close) in [("<head>", "</head>"), ("<svg", "</svg>")] {
        while let Some(a) = s.find(open) {
            let b = s[a..].find(close).map_or(s.len(), |b| a + b + close.len());
            s.replace_range(a..b, " ");
        }
    }
    strip_tags(&s)
}

/// The PDF's text as poppler's `pdftotext` extracts it (figures included),
/// or `None` when pdftotext is not installed; with `CI` set, a missing
/// pdftotext fails the test (`.ci/run` installs poppler-utils).
fn pdftotext(pdf: &[u8], pages: Option<(usize, usize)>) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("samspill-pdftotext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!(
        "{:x}-{:?}.pdf",
        pdf.len(),
        std::thread::current().id()
    ));
    std::fs::write(&file, pdf).unwrap();
    let mut cmd = std::process::Command::new("pdftotext");
    if let Some((f, l)) = pages {
        cmd.arg("-f")
            .arg(f.to_string())
            .arg("-l")
            .arg(l.to_string());
    }
    let out = cmd.arg(&file).arg("-").output();
    let _ = std::fs::remove_file(&file);
    match out {
        Ok(o) if o.status.success() => Some(squash(&String::from_utf8_lossy(&o.stdout))),
        Ok(o) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("skipping the pdftotext checks: {e}");
            None
        }
        Err(e) => panic!("pdftotext is needed with CI set (poppler-utils): {e}"),
    }
}

/// The contents of every `<text>` element of an SVG, unescaped.
fn svg_text_runs(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .map(|t| {
            let body = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
            body.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

fn pct(x: f64) -> String {
    format!("{} %", x.round() as i64)
}

/// The value at a dotted path (`weekly.parts.1.size`) of `facts.json`.
fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .try_fold(v, |v, seg| match seg.parse::<usize>() {
            Ok(i) => v.get(i),
            Err(_) => v.get(seg),
        })
}

/// The numbers written in `text`: digit groups with an optional decimal
/// part (`4,0`, `2.9`), pseudonyms and other listed names removed first.
fn numbers(text: &str, remove: &[String]) -> Vec<(f64, usize)> {
    let mut s = text.to_string();
    let mut remove: Vec<&String> = remove.iter().collect();
    remove.sort_by_key(|r| std::cmp::Reverse(r.len()));
    for r in remove {
        if !r.is_empty() {
            s = s.replace(r.as_str(), " ");
        }
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let mut decimals = 0;
            if i + 1 < chars.len()
                && (chars[i] == ',' || chars[i] == '.')
                && chars[i + 1].is_ascii_digit()
            {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                    decimals += 1;
                }
            }
            let token: String = chars[start..i].iter().collect();
            out.push((token.replace(',', ".").parse().unwrap(), decimals));
        } else {
            i += 1;
        }
    }
    out
}

/// Whether the shown number `(x, decimals)` shows the value `v`.
fn shows(x: f64, decimals: usize, v: f64) -> bool {
    let k = 10f64.powi(decimals as i32);
    ((v * k).round() / k - x).abs() < 1e-9
}

/// Checks every summary sentence and question of `facts.json` and every
/// figure's caption and text alternative: each stated value equals the
/// fact at its path, and each number written in the text is one of them.
fn check_facts(what: &str, facts: &Value) {
    let names: Vec<String> = facts["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect();
    for section in ["summary", "questions"] {
        for f in facts[section].as_array().unwrap() {
            let key = f["key"].as_str().unwrap();
            let text = f["text"].as_str().unwrap();
            let mut allowed: Vec<f64> = Vec::new();
            for v in f["values"].as_array().unwrap() {
                let path = v["path"].as_str().unwrap();
                let value = v["value"].as_f64().unwrap();
                let fact = at(facts, path)
                    .and_then(Value::as_f64)
                    .unwrap_or_else(|| panic!("{what} {key}: no fact at {path}"));
                assert!(
                    (fact - value).abs() < 1e-9,
                    "{what} {key}: {path} is {fact}, the sentence says {value}"
                );
                allowed.push(value);
            }
            let mut remove = names.clone();
            for l in f["lists"].as_array().unwrap() {
                let path = l["path"].as_str().unwrap();
                let items: Vec<String> = l["value"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap().to_string())
                    .collect();
                let fact: Vec<String> = match at(facts, path) {
                    Some(Value::Array(a)) => a
                        .iter()
                        .map(|x| x.as_str().unwrap_or("").to_string())
                        .collect(),
                    Some(Value::String(s)) => vec![s.clone()],
                    other => panic!("{what} {key}: no list at {path}: {other:?}"),
                };
                assert_eq!(fact, items, "{what} {key}: {path}");
                for item in &items {
                    assert!(
                        text.contains(item.as_str()),
                        "{what} {key}: {item} not in {text}"
                    );
                }
                remove.extend(items);
            }
            for (x, d) in numbers(text, &remove) {
                assert!(
                    allowed.iter().any(|&v| shows(x, d, v)),
                    "{what} {key}: the number {x} in «{text}» is not a stated fact ({allowed:?})"
                );
            }
            let number = f["number"].as_str().unwrap();
            for (x, d) in numbers(number, &[]) {
                assert!(
                    allowed.iter().any(|&v| shows(x, d, v)),
                    "{what} {key}: the shown number {number} is not a stated fact"
                );
            }
        }
    }
    for fig in facts["figures"].as_array().unwrap() {
        let id = fig["id"].as_str().unwrap();
        let mut allowed = Vec::new();
        for s in fig["stated"].as_array().unwrap() {
            let value = s["value"].as_f64().unwrap();
            allowed.push(value);
            if let Some(path) = s["path"].as_str() {
                let fact = at(facts, path)
                    .and_then(Value::as_f64)
                    .unwrap_or_else(|| panic!("{what} {id}: no fact at {path}"));
                assert!(
                    (fact - value).abs() < 1e-9,
                    "{what} {id}: the figure says {} = {value}, the facts {path} = {fact}",
                    s["arg"]
                );
            }
        }
        // The caption: every number in it is one of the facts it states.
        for (x, d) in numbers(fig["caption"].as_str().unwrap(), &names) {
            assert!(
                allowed.iter().any(|&v| shows(x, d, v)),
                "{what} {id}: caption number {x}"
            );
        }
        // The text alternative printed under the network and political
        // pictures: its numbers are the stated facts, and the people of
        // the view per primary function or per body and kind of contact.
        let extra: Vec<f64> = match id {
            "network-daily" | "network-weekly" => facts[&id[8..]]["primary_functions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["count"].as_f64().unwrap())
                .collect(),
            "political" => facts["political"]["per_body"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|row| row.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()))
                .collect(),
            _ => continue,
        };
        let alt = fig["alt"].as_str().unwrap();
        for (x, d) in numbers(alt, &names) {
            assert!(
                allowed.iter().chain(&extra).any(|&v| shows(x, d, v)),
                "{what} {id}: the number {x} in «{alt}» is not a fact"
            );
        }
    }
    // The network pictures state the facts' people, ties, clusters, bridge
    // builders, isolates and non-respondents: each is mapped to a fact.
    for fig in facts["figures"].as_array().unwrap() {
        if fig["id"].as_str().unwrap().starts_with("network-") {
            let stated: Vec<&str> = fig["stated"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["path"].is_string())
                .map(|s| s["arg"].as_str().unwrap())
                .collect();
            for arg in [
                "n",
                "edges",
                "communities",
                "bridges",
                "isolates",
                "nonrespondents",
            ] {
                assert!(stated.contains(&arg), "{what}: {arg} is mapped to a fact");
            }
        }
    }
}

#[test]
fn every_number_in_the_summary_and_the_captions_equals_the_facts_in_every_language() {
    for m in demo_programme() {
        for lang in Lang::ALL {
            let input = input_in(&m, lang);
            let facts: Value = serde_json::from_str(&facts_json(&input).unwrap()).unwrap();
            let what = format!("{} ({})", m.name(), lang.code());
            check_facts(&what, &facts);
            // The report says exactly these sentences.
            let (doc, _) = municipality_document(&input).unwrap();
            let page = visible_text(&html::render(&doc));
            for f in facts["summary"].as_array().unwrap() {
                let text = squash(f["text"].as_str().unwrap());
                assert!(page.contains(&text), "{what}: {text}");
            }
            assert!(!page.contains("[report-"), "{what}: a message is missing");
        }
    }
}

#[test]
fn facts_json_is_in_the_rendered_report_and_names_no_id() {
    let m = &demo_programme()[3];
    let i = input(m);
    let r = municipality_report(&i).unwrap();
    assert_eq!(r.facts_json, facts_json(&i).unwrap());
    let facts: Value = serde_json::from_str(&r.facts_json).unwrap();
    assert_eq!(facts["people"], 27);
    assert_eq!(facts["rules"]["combine"], "either");
    assert_eq!(facts["rules"]["reconstruct"], true);
    for p in &m.network.people {
        assert!(!r.facts_json.contains(&p.id), "an id in facts.json");
        assert!(!r.facts_json.contains(&p.label), "a name in facts.json");
    }
}

#[test]
fn every_demo_report_states_the_engines_numbers_and_shows_every_figure() {
    for m in demo_programme() {
        let inp = input(&m);
        let r = municipality_report(&inp).unwrap();
        let html = visible_text(&r.html);
        let pdf = pdf_text(&r.pdf);
        // The engine's numbers.
        let an = build(
            &m.network,
            &build_options(&inp.rules, samspill_engine::Threshold::WEEKLY, true),
        )
        .unwrap();
        let n = m.network.people.len();
        let resp = m.respondents();
        let rate = format!(
            "{resp} av {n} svarte ({})",
            pct(100.0 * resp as f64 / n as f64)
        );
        let s = m.coordination.summary();
        let mean = format!("{:.1} av 6", s.mean.unwrap()).replace('.', ",");
        let n_rating = format!("N = {}", s.n);
        let facts: Value = serde_json::from_str(&r.facts_json).unwrap();
        assert_eq!(facts["weekly"]["ties"], an.graph.edge_count());
        let largest = facts["weekly"]["largest"].as_u64().unwrap() as usize;
        for (what, text) in [("HTML", &html), ("PDF", &pdf)] {
            let name = m.name();
            assert!(text.contains(&rate), "{name} {what}: {rate}");
            assert!(
                text.contains(&mean) && text.contains(&n_rating),
                "{name} {what}: {mean}"
            );
            if largest == n {
                assert!(
                    text.contains(&format!("Alle {n} personene henger sammen")),
                    "{name} {what}"
                );
            } else {
                assert!(
                    text.contains(&format!("{largest} av {n}")),
                    "{name} {what}: {largest}"
                );
            }
            for ch in [
                "1 Sammendrag og veien videre",
                "2 Undersøkelsen",
                "3 Nettverket",
                "4 Politisk forankring",
                "5 Vurderinger og åpne svar",
                "6 Metode og forbehold",
            ] {
                let heading = if what == "PDF" {
                    ch.to_string()
                } else {
                    ch[2..].to_string()
                };
                assert!(text.contains(&heading), "{name} {what}: {heading}");
            }
            assert!(
                text.contains("Uten dem som ikke svarte"),
                "{name} {what}: reconstruction"
            );
            // The rule in force, stated.
            assert!(
                text.contains("regelen «en av dem»"),
                "{name} {what}: the rule"
            );
            // Every figure, with its text alternative.
            for f in &inp.figures {
                assert!(
                    text.contains(&squash(&f.alt_text)),
                    "{name} {what}: {}",
                    f.id
                );
                assert!(
                    text.contains(&squash(&f.caption)),
                    "{name} {what}: {}",
                    f.caption
                );
            }
            // Pseudonymised: no name appears.
            for p in &m.network.people {
                assert!(
                    !text.contains(&p.label),
                    "{name} {what} shows the name {}",
                    p.label
                );
            }
        }
        let ids: Vec<&str> = inp.figures.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "network-daily",
                "network-weekly",
                "function-matrix",
                "political",
                "rating-coordination",
                "rating-meeting-places"
            ]
        );
        for f in &inp.figures {
            assert!(r.html.contains(&format!("data-figure=\"{}\"", f.id)));
        }
        // In the PDF the pictures' words are real text: every label, legend
        // entry and in-picture text of every figure can be extracted.
        if let Some(all) = pdftotext(&r.pdf, None) {
            for f in &inp.figures {
                let runs = svg_text_runs(&f.svg_text);
                assert!(!runs.is_empty(), "{}: no text runs", f.id);
                for run in runs {
                    assert!(all.contains(&squash(&run)), "{}: {run}", f.id);
                }
            }
        }
        assert_eq!(r.html.matches("<svg").count(), inp.figures.len());
        assert_eq!(r.html.matches("<details>").count(), inp.figures.len());
        assert!(r.html.contains("<html lang=\"nb\">"));
        assert!(!r.html.contains("[report-"), "a message key is missing");
        // Nothing is said twice about one picture's people: the pictures'
        // labels are the report's pseudonyms.
        let names: Vec<String> = serde_json::from_value(facts["names"].clone()).unwrap();
        let table = &inp.figures[1].table;
        for row in &table[1..] {
            assert!(names.contains(&row[0]), "{}: {}", m.name(), row[0]);
        }
    }
}

#[test]
fn the_separate_nav_group_is_said_first_and_the_chain_of_four_is_found() {
    let demo = demo_programme();
    let kvit = demo.iter().find(|m| m.name() == "Kvitfjord").unwrap();
    let r = municipality_report(&input(kvit)).unwrap();
    let html = visible_text(&r.html);
    let pdf = pdf_text(&r.pdf);
    let separate = "Én gruppe har ingen daglig eller ukentlig kontakt med resten av nettverket: NAV (5 personer).";
    let clusters = "Den største sammenhengende delen (19 personer) deler seg i 2 klynger";
    let chain = "Mellom Rådhuset og Helse og omsorg går en kjede på fire personer";
    for text in [&html, &pdf] {
        let a = text.find(separate).expect("the separate group");
        let b = text
            .find(clusters)
            .expect("the clusters of the largest part");
        assert!(a < b, "the separate group is said before the clusters");
        assert!(text.contains(chain));
        // Half the weekly ties rest on reconstruction: said, with what
        // changes without it.
        assert!(text.contains("13 av 26 kontakter med daglig eller ukentlig kontakt (50 %)"));
        assert!(text.contains("uten dem henger 12 av 15 sammen"));
        // No political discussion at all, apart from professional.
        assert!(
            text.contains("har ingen politisk diskusjon og"),
            "political vs professional"
        );
    }
    let fjell = demo.iter().find(|m| m.name() == "Fjellstad").unwrap();
    let r = municipality_report(&input(fjell)).unwrap();
    let html = visible_text(&r.html);
    assert!(html.contains("Kommunen har ikke noe formelt forum"));
    // Nine of 29 connected: no clusters named, no bridge builders holding
    // them together, no shape.
    assert!(
        html.contains(
            "Den største sammenhengende delen (9 personer) har ingen stabile undergrupper"
        )
    );
    assert!(!html.contains("holder dem sammen") && !html.contains("binder dem sammen"));
    assert!(!html.contains("er langstrakt") && !html.contains("er kompakt"));
    assert!(pdf_text(&r.pdf).contains("Bør kommunen opprette et fast forum"));
    let lyng = demo.iter().find(|m| m.name() == "Lyngnes").unwrap();
    let html = visible_text(&municipality_report(&input(lyng)).unwrap().html);
    // One dense unit: its splits change with the seed, so none is named.
    assert!(html.contains("Nettverket har ingen stabile undergrupper"));
    assert!(!html.contains("Rådhuset (1)"));
    assert!(!html.contains("Hvor møtes klyngene"));
}

#[test]
fn the_programme_report_has_tabell_2_and_suppresses_small_groups() {
    let demo = demo_programme();
    let mut inputs: Vec<Input> = demo.iter().map(input).collect();
    // A sixth, tiny municipality: four ratings are too few to show.
    let mut tiny = inputs[4].clone();
    tiny.name = "Småby".into();
    tiny.coordination.answers = vec![Some(1), Some(2), Some(2), Some(1)];
    inputs.push(tiny);
    let r = programme_report("Demoprogrammet", Lang::Nb, &inputs).unwrap();
    let pdf = pdf_text(&r.pdf);
    let html = visible_text(&r.html);
    for text in [&html, &pdf] {
        for m in &demo {
            assert!(text.contains(m.name()));
        }
        // Tabell 2: the means and N of domain.md §3.1.
        for row in [
            "Brattvik 4,0 24",
            "Strandøy 4,0 24",
            "Lyngnes 3,7 20",
            "Kvitfjord 2,9 15",
            "Fjellstad 2,7 23",
            "Småby – 4",
        ] {
            assert!(text.contains(row), "{row}");
        }
        assert!(text.contains("Økonomiske virkemidler/rådgivning"));
    }
    // Five network figures side by side (the tiny copy has one too).
    assert_eq!(r.html.matches("data-figure=\"network-weekly\"").count(), 6);
    let facts: Value = serde_json::from_str(&r.facts_json).unwrap();
    assert_eq!(facts["municipalities"].as_array().unwrap().len(), 6);
}

#[test]
fn two_rounds_keep_every_pseudonym_and_one_cluster_definition() {
    let m = &demo_programme()[1];
    let later = next_round(m, 7);
    let a = input(m);
    // The store keeps the first round's map; the second extends it.
    let mut b = Input::from_synth(&later, Some(Lang::Nb));
    b.pseudonyms = a.pseudonym_map();
    b.figures = figures::for_municipality(&b).unwrap();
    let (ma, mb) = (a.pseudonym_map(), b.pseudonym_map());
    for p in &later.network.people {
        if let Some(x) = ma.get(&p.id) {
            assert_eq!(mb.get(&p.id), Some(x), "{} keeps its pseudonym", p.id);
        }
    }
    // Newcomers get numbers nobody had.
    let joined: Vec<&str> = later
        .network
        .people
        .iter()
        .filter(|p| ma.get(&p.id).is_none())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(joined.len(), 2);
    for id in &joined {
        let new = mb.get(id).unwrap();
        assert!(
            ma.people.values().all(|x| x != new),
            "{id} reuses a pseudonym"
        );
    }
    let r = comparison_report(&a, &b).unwrap();
    let html = visible_text(&r.html);
    assert!(html.contains("2 kom til:"), "{html}");
    assert!(html.contains("Runde 2015 sammenlignet med runde 2017"));
    assert!(pdf_text(&r.pdf).contains("Endringer i nettverket i Strandøy"));
    // The people who left are named by their first-round pseudonyms, the
    // newcomers by their new ones, and the same person has one name in
    // both rounds' reports and in the comparison.
    let t = samspill_i18n::Texts::new(Lang::Nb);
    for id in &joined {
        let label = mb.get(id).unwrap().label(&t);
        assert!(html.contains(&label), "{label}");
    }
    let facts: Value = serde_json::from_str(&r.facts_json).unwrap();
    // One cluster definition: the comparison's cluster counts are each
    // round's own report's.
    let fa: Value = serde_json::from_str(&facts_json(&a).unwrap()).unwrap();
    let fb: Value = serde_json::from_str(&facts_json(&b).unwrap()).unwrap();
    assert_eq!(
        facts["from"]["facts"]["weekly"]["clusters_count"],
        fa["weekly"]["clusters_count"]
    );
    assert_eq!(
        facts["to"]["facts"]["weekly"]["clusters_count"],
        fb["weekly"]["clusters_count"]
    );
    let clusters_row = format!(
        "Klynger {} {}",
        fa["weekly"]["clusters_count"], fb["weekly"]["clusters_count"]
    );
    assert!(html.contains(&clusters_row), "{clusters_row}");
    // The same names in the comparison as in the later round's report.
    let later_report = visible_text(&municipality_report(&b).unwrap().html);
    for row in &b.figures[1].table[1..] {
        assert!(later_report.contains(&row[0]));
    }
    assert_eq!(facts["changes"]["joined_count"], 2);
    assert_eq!(facts["changes"]["left_count"], 2);
}

#[test]
fn a_comparison_without_changes_prints_no_empty_list() {
    let m = &demo_programme()[2];
    let a = input(m);
    let r = comparison_report(&a, &a).unwrap();
    let html = visible_text(&r.html);
    assert!(html.contains("Ingen kom til, og ingen falt fra."));
    assert_no_empty_list("comparison", &html);
}

fn assert_no_empty_list(what: &str, text: &str) {
    for bad in ["()", "( )", ": .", ":.", ", ,", "(, ", " ,)", "[]", " : "] {
        assert!(!text.contains(bad), "{what}: «{bad}» in the text");
    }
}

#[test]
fn no_list_is_ever_printed_empty() {
    for m in demo_programme() {
        let r = municipality_report(&input(&m)).unwrap();
        assert_no_empty_list(m.name(), &visible_text(&r.html));
        let later = next_round(&m, 3);
        let mut b = Input::from_synth(&later, Some(Lang::Nb));
        b.pseudonyms = input(&m).pseudonym_map();
        let w = comparison_report(&input(&m), &b).unwrap();
        assert_no_empty_list(m.name(), &visible_text(&w.html));
    }
}

#[test]
fn every_language_renders_without_missing_texts() {
    let m = &demo_programme()[3];
    for lang in Lang::ALL {
        let i = input_in(m, lang);
        let r = municipality_report(&i).unwrap();
        assert!(
            !r.html.contains("[report-") && !r.html.contains("[draw-"),
            "{}: a message is missing",
            lang.code()
        );
        assert!(r.html.contains(&format!("<html lang=\"{}\">", lang.code())));
        assert!(r.pdf.starts_with(b"%PDF-"));
        assert_no_empty_list(lang.code(), &visible_text(&r.html));
    }
}

#[test]
fn the_named_version_says_so_on_every_page() {
    let m = &demo_programme()[2];
    let mut i = input(m);
    let plain = municipality_report(&i).unwrap();
    assert!(!plain.html.contains("Intern versjon med navn"));
    i.show_names = true;
    i.figures = figures::for_municipality(&i).unwrap();
    let r = municipality_report(&i).unwrap();
    // Bridge builders or isolates are listed by name now.
    assert!(m.network.people.iter().any(|p| r.html.contains(&p.label)));
    let notice = "Intern versjon med navn";
    // HTML: before and after the content.
    assert_eq!(r.html.matches(notice).count(), 2);
    assert!(r.html.contains("personer vises med navn"));
    // PDF: on every page.
    if let Some(all) = pdftotext(&r.pdf, None) {
        let pages = support_pages(&r.pdf);
        for page in 1..=pages {
            let text = pdftotext(&r.pdf, Some((page, page))).unwrap();
            assert!(text.contains(notice), "page {page} of {pages}");
        }
        assert!(all.contains("personer vises med navn"));
    }
}

/// The number of pages of a PDF.
fn support_pages(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
}

#[test]
fn only_reviewed_answers_are_quoted_and_the_others_counted() {
    let m = &demo_programme()[0];
    let mut i = input(m);
    let secret = "Kari Nordmann i NAV svarer aldri på e-post.";
    i.open_answers.push(CodedAnswer {
        question: "challenges".into(),
        text: secret.into(),
        theme: Some("cooperation".into()),
        reviewed: false,
    });
    i.open_answers[0].reviewed = false;
    let hidden = i.open_answers[0].text.clone();
    let quoted_elsewhere = i
        .open_answers
        .iter()
        .skip(1)
        .any(|a| a.reviewed && a.text == hidden);
    let (doc, facts) = municipality_document(&i).unwrap();
    let html = visible_text(&html::render(&doc));
    assert!(!html.contains(secret));
    if !quoted_elsewhere {
        assert!(!html.contains(&hidden));
    }
    assert_eq!(facts.open.left_out(), 2);
    assert!(html.contains("2 svar er ikke gjennomgått ennå og er derfor ikke sitert."));
    // Themes still count every coded answer.
    assert_eq!(facts.open.answers, i.open_answers.len());
}

#[test]
fn the_rules_in_force_shape_facts_figures_and_method() {
    let m = &demo_programme()[3];
    let mut i = Input::from_synth(m, Some(Lang::Nb));
    i.rules.combine = Combine::Both;
    i.rules.reconstruct = false;
    i.figures = figures::for_municipality(&i).unwrap();
    let facts: Value = serde_json::from_str(&facts_json(&i).unwrap()).unwrap();
    let an = build(
        &m.network,
        &build_options(&i.rules, samspill_engine::Threshold::WEEKLY, false),
    )
    .unwrap();
    assert_eq!(facts["weekly"]["ties"], an.graph.edge_count());
    assert_eq!(facts["weekly"]["people"], m.respondents());
    assert_eq!(facts["rules"]["combine"], "both");
    assert_eq!(facts["rules"]["reconstruct"], false);
    // Fewer ties than under *either*, with everyone.
    let either: Value = serde_json::from_str(&facts_json(&input(m)).unwrap()).unwrap();
    assert!(facts["weekly"]["ties"].as_u64() < either["weekly"]["ties"].as_u64());
    let r = municipality_report(&i).unwrap();
    let html = visible_text(&r.html);
    assert!(html.contains("regelen «begge»"), "the rule stated");
    assert!(
        html.contains("er de tatt ut av nettverket"),
        "non-respondents left out, stated"
    );
    // The pictures follow the rules: the weekly picture states the facts'
    // ties and people.
    let fig = i.figures.iter().find(|f| f.id == "network-weekly").unwrap();
    let stated = |arg: &str| fig.stated.iter().find(|s| s.0 == arg).unwrap().1;
    assert_eq!(
        stated("edges") as u64,
        facts["weekly"]["ties"].as_u64().unwrap()
    );
    assert_eq!(stated("n") as usize, m.respondents());
    check_facts(
        "Kvitfjord (both, without)",
        &serde_json::from_str(&r.facts_json).unwrap(),
    );
}

#[test]
fn the_html_fragment_is_the_report_without_the_page() {
    let m = &demo_programme()[4];
    let i = input(m);
    let (doc, _) = municipality_document(&i).unwrap();
    let f = html::fragment(&doc);
    assert!(
        f.body
            .starts_with("<div class=\"samspill-report\" lang=\"nb\">")
    );
    assert!(!f.body.contains("<html") && !f.body.contains("<body") && !f.body.contains("<style"));
    // The fragment is exactly what the page shows.
    assert!(html::render(&doc).contains(&f.body));
    // Every rule is scoped to the report's element.
    for rule in f.css.lines().filter(|l| !l.trim().is_empty()) {
        for selector in rule.split('{').next().unwrap().split(',') {
            assert!(
                selector.trim().starts_with(".samspill-report"),
                "unscoped CSS: {selector}"
            );
        }
    }
    assert_eq!(f.body.matches("<svg").count(), i.figures.len());
}

#[test]
fn pseudonyms_given_by_the_caller_are_used_everywhere() {
    let m = &demo_programme()[3];
    let mut i = Input::from_synth(m, Some(Lang::Nb));
    // A map from an earlier round in which the first person was
    // «Tildeling 17».
    let first = &m.network.people[0];
    let mut map = Pseudonyms::new();
    map.people.insert(
        first.id.clone(),
        samspill_report::Pseudonym {
            function: samspill_draw::pseudonym::function_identity(first.primary_function()),
            number: 17,
        },
    );
    i.pseudonyms = map;
    i.figures = figures::for_municipality(&i).unwrap();
    let t = samspill_i18n::Texts::new(Lang::Nb);
    let label = i.pseudonym_map().label(first, &t);
    assert!(label.ends_with(" 17"), "{label}");
    let facts: Value = serde_json::from_str(&facts_json(&i).unwrap()).unwrap();
    assert_eq!(facts["names"][0], label.as_str());
    // The pictures label the person the same way.
    for f in i.figures.iter().filter(|f| f.id.starts_with("network-")) {
        assert!(f.table.iter().any(|row| row[0] == label), "{}", f.id);
    }
}
