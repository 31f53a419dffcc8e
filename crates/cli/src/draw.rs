//! `samspill draw FILE --view daily|weekly|all|matrix --out x.svg|x.png`.

use std::path::PathBuf;

use anyhow::Result;
use samspill_draw::{NetworkOptions, Picture};
use samspill_engine::analysis::AnalysisOptions;
use samspill_engine::build::{BuildOptions, Combine, Threshold};
use samspill_engine::{Network, analyze, build};
use samspill_formats::ReadOptions;
use samspill_i18n::{Arg, Texts};

use crate::user;

/// Which picture to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// The people network at daily contact.
    Daily,
    /// The people network at daily and weekly contact.
    Weekly,
    /// The people network with every tie.
    All,
    /// The function × function contact matrix as a heat map (all ties).
    Matrix,
}

/// Arguments of `samspill draw`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Network file (Pajek, CSV, GraphML, GEXF, DL, XLSX, JSON).
    file: PathBuf,
    /// The picture: daily, weekly (daily + weekly), all, or matrix.
    #[arg(long, value_enum, default_value = "weekly")]
    view: View,
    /// Combination rule for the two reports of a contact: either (max),
    /// both (min), mean.
    #[arg(long, default_value = "either")]
    combine: String,
    /// Show names instead of function codes ("Tildeling 2").
    #[arg(long)]
    names: bool,
    /// Output file: .svg or .png (PNG at --dpi).
    #[arg(long)]
    out: PathBuf,
    /// Also write the node and label positions (px) as JSON here.
    #[arg(long)]
    positions_json: Option<PathBuf>,
    /// Resolution of a PNG, dots per inch.
    #[arg(long, default_value_t = 300.0)]
    dpi: f64,
    /// Network to draw in a file that holds several (default: the first).
    #[arg(long)]
    network: Option<String>,
    /// Node-attribute CSV for a CSV edge list.
    #[arg(long)]
    nodes: Option<PathBuf>,
    /// Seed of the layout.
    #[arg(long, default_value_t = 2015)]
    seed: u64,
}

/// Reads, analyses, draws, and writes the picture (and positions).
pub fn run(args: &Args, t: &Texts) -> Result<()> {
    let combine = Combine::parse(&args.combine)
        .ok_or_else(|| user(t, "cli-bad-combine", &[("value", Arg::Str(&args.combine))]))?;
    let out_name = args.out.display().to_string();
    let ext = args
        .out
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext != "svg" && ext != "png" {
        return Err(user(
            t,
            "draw-cli-bad-output",
            &[("path", Arg::Str(&out_name))],
        ));
    }
    let file = args.file.display().to_string();
    let read_opts = ReadOptions {
        nodes: args.nodes.clone(),
        ..ReadOptions::default()
    };
    let doc = samspill_formats::read_path(&args.file, &read_opts)
        .map_err(|e| user(t, "cli-error", &[("message", Arg::Str(&e.to_string()))]))?;
    let net: Network =
        crate::select_networks(doc.networks, args.network.as_deref(), &file, true, t)?
            .into_iter()
            .next()
            .expect("select_networks returns at least one network when asked to");
    let threshold = match args.view {
        View::Daily => Threshold::DAILY,
        View::Weekly => Threshold::WEEKLY,
        View::All | View::Matrix => Threshold::All,
    };
    let build_opts = BuildOptions {
        combine,
        threshold,
        ..BuildOptions::survey()
    };
    let an = build(&net, &build_opts).map_err(|e| {
        user(
            t,
            "cli-error-file",
            &[
                ("file", Arg::Str(&file)),
                ("message", Arg::Str(&e.to_string())),
            ],
        )
    })?;
    let res = analyze(&net, &an, &AnalysisOptions::default());
    let draw_err = |e: samspill_draw::DrawError| {
        user(
            t,
            "cli-error-file",
            &[
                ("file", Arg::Str(&file)),
                ("message", Arg::Str(&e.to_string())),
            ],
        )
    };
    let opts = NetworkOptions {
        names: args.names,
        seed: args.seed,
        title: None,
    };
    let picture: Picture = match args.view {
        View::Matrix => samspill_draw::function_matrix(&res, None, t),
        _ => samspill_draw::people_network(&net, &an, &res, &opts, t),
    }
    .map_err(draw_err)?;
    let bytes = if ext == "png" {
        samspill_draw::png(&picture.svg, args.dpi).map_err(draw_err)?
    } else {
        picture.svg.clone().into_bytes()
    };
    let positions = match &args.positions_json {
        Some(_) => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "positions": picture.positions,
                "quality": picture.quality,
            }))?;
            s.push('\n');
            Some(s)
        }
        None => None,
    };
    crate::convert::write_atomically(&args.out, &bytes, t)?;
    eprintln!(
        "{}",
        t.format("cli-wrote", &[("path", Arg::Str(&out_name))])
    );
    if let (Some(path), Some(text)) = (&args.positions_json, positions) {
        crate::convert::write_atomically(path, text.as_bytes(), t)?;
        eprintln!(
            "{}",
            t.format(
                "cli-wrote",
                &[("path", Arg::Str(&path.display().to_string()))]
            )
        );
    }
    Ok(())
}
