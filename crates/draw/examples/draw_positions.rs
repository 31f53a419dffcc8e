//! The part of `samspill draw` that `tools/layout-compare/compare.py` uses,
//! without building the whole command-line program (web, store, typst):
//!
//! `draw_positions [--lang en] draw FILE [--names] [--nodes NODES.csv]
//! [--view all] [--seed N] --out X.svg --positions-json X.json`
//!
//! It reads, builds (survey rules, every tie, as `--view all`), analyses
//! and draws exactly as the CLI does, then writes the SVG and the
//! `{"positions", "quality"}` JSON (a `.png` output is rendered at 150 dpi). Run the comparison with it:
//! `SAMSPILL=$CARGO_TARGET_DIR/release/examples/draw_positions
//! tools/layout-compare/.venv/bin/python tools/layout-compare/compare.py`.

use std::path::PathBuf;

use samspill_draw::NetworkOptions;
use samspill_engine::analysis::AnalysisOptions;
use samspill_engine::build::{BuildOptions, Threshold};
use samspill_engine::{analyze, build};
use samspill_formats::ReadOptions;
use samspill_i18n::{Lang, Texts};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut file = None;
    let (mut names, mut nodes, mut out, mut json, mut seed) = (false, None, None, None, 2015);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "draw" => {}
            "--names" => names = true,
            "--lang" | "--view" => {
                // English texts and every tie, as the comparison asks.
                args.next();
            }
            "--nodes" => nodes = args.next().map(PathBuf::from),
            "--out" => out = args.next().map(PathBuf::from),
            "--positions-json" => json = args.next().map(PathBuf::from),
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(2015),
            _ => file = Some(PathBuf::from(a)),
        }
    }
    let file = file.ok_or("no network file given")?;
    let read_opts = ReadOptions {
        nodes,
        ..ReadOptions::default()
    };
    let doc = samspill_formats::read_path(&file, &read_opts)?;
    let net = doc
        .networks
        .into_iter()
        .next()
        .ok_or("no network in file")?;
    let an = build(
        &net,
        &BuildOptions {
            threshold: Threshold::All,
            ..BuildOptions::survey()
        },
    )?;
    let res = analyze(&net, &an, &AnalysisOptions::default());
    let opts = NetworkOptions {
        names,
        seed,
        title: None,
    };
    let t = Texts::new(Lang::En);
    let picture = samspill_draw::people_network(&net, &an, &res, &opts, &t)?;
    if let Some(out) = out {
        if out.extension().is_some_and(|e| e == "png") {
            std::fs::write(out, samspill_draw::png(&picture.svg, 150.0)?)?;
        } else {
            std::fs::write(out, &picture.svg)?;
        }
    }
    if let Some(json) = json {
        let mut s = serde_json::to_string_pretty(&serde_json::json!({
            "positions": picture.positions,
            "quality": picture.quality,
        }))?;
        s.push('\n');
        std::fs::write(json, s)?;
    }
    Ok(())
}
