//! `samspill analyze FILE...`.

use std::path::PathBuf;

use anyhow::Result;
use rayon::prelude::*;
use samspill_engine::analysis::{AnalysisOptions, GroupSource, Metric, MetricSet};
use samspill_engine::build::{BuildOptions, Combine, NonRespondents, Threshold};
use samspill_engine::{Analysis, Network, analyze, build};
use samspill_formats::ReadOptions;
use samspill_i18n::{Arg, Texts};
use serde::Serialize;

use crate::user;

/// Output format of `analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// The JSON contract of PRODUCT.md §4.
    Json,
    /// A readable table.
    Table,
}

/// Arguments of `samspill analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Network files to analyse.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: OutputFormat,
    /// Write the output to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Combination rule for the two reports of a contact: keep (arcs stay
    /// directed), either (max), both (min), mean.
    #[arg(long, default_value = "keep")]
    combine: String,
    /// Threshold: all, daily (≥ 3), weekly (≥ 2), monthly (≥ 1), or a minimum value.
    #[arg(long, default_value = "all")]
    threshold: String,
    /// Non-respondents: keep (with the ties others reported) or drop.
    #[arg(long, value_parser = ["keep", "drop"], default_value = "keep")]
    non_respondents: String,
    /// Mark these people (ids or labels, comma-separated) as non-respondents.
    #[arg(long, value_delimiter = ',')]
    no_answer: Vec<String>,
    /// Use tie values: strength, and length = 1/value for path measures.
    #[arg(long)]
    weighted: bool,
    /// Comma-separated measures to compute (default all): density,
    /// reciprocity, components, distances, transitivity, centralization,
    /// degree, strength, betweenness, closeness, harmonic, eigenvector,
    /// pagerank, clustering, constraint, effective_size, core_number,
    /// articulation_point, communities, function_matrix, ei_index,
    /// brokerage, bridges.
    #[arg(long, default_value = "all")]
    metrics: String,
    /// Large graphs: betweenness from the first K people as sources (scaled
    /// estimate) and closeness/harmonic for the first K people only.
    #[arg(long)]
    sample: Option<usize>,
    /// Seed for community detection.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Louvain runs for the stability score (default 10; 1 above 2000 people).
    #[arg(long)]
    community_runs: Option<usize>,
    /// Groups for the between-group measures: function (primary function),
    /// unit, or the name of a partition in the file.
    #[arg(long, default_value = "function")]
    groups: String,
    /// Relation to analyse (default: the first).
    #[arg(long)]
    relation: Option<String>,
    /// Network to analyse in a file that holds several (default: all).
    #[arg(long)]
    network: Option<String>,
    /// Only people and ties present at this time point (Pajek time marks).
    #[arg(long)]
    time: Option<i64>,
    /// Node-attribute CSV for a CSV edge list.
    #[arg(long)]
    nodes: Option<PathBuf>,
    /// Read CSV/XLSX edge lists as undirected.
    #[arg(long)]
    undirected: bool,
}

/// One analysed network with where it came from.
#[derive(Debug, Serialize)]
pub struct Output {
    /// File and network name.
    pub source: Source,
    /// The analysis.
    #[serde(flatten)]
    pub analysis: Analysis,
}

/// Where an analysed network came from.
#[derive(Debug, Serialize)]
pub struct Source {
    /// File path as given.
    pub file: String,
    /// Network name inside the file.
    pub network: String,
}

/// Parses the options that do not depend on the input.
fn options(args: &Args, t: &Texts) -> Result<(BuildOptions, AnalysisOptions)> {
    let combine = Combine::parse(&args.combine)
        .ok_or_else(|| user(t, "cli-bad-combine", &[("value", Arg::Str(&args.combine))]))?;
    let threshold = Threshold::parse(&args.threshold).ok_or_else(|| {
        user(
            t,
            "cli-bad-threshold",
            &[("value", Arg::Str(&args.threshold))],
        )
    })?;
    let metrics = MetricSet::parse(&args.metrics).map_err(|name| {
        let known: Vec<&str> = Metric::ALL.iter().map(|(_, n)| *n).collect();
        user(
            t,
            "cli-bad-metric",
            &[
                ("name", Arg::Str(&name)),
                ("known", Arg::Str(&known.join(", "))),
            ],
        )
    })?;
    let build = BuildOptions {
        relation: args.relation.clone(),
        combine,
        threshold,
        non_respondents: if args.non_respondents == "drop" {
            NonRespondents::Drop
        } else {
            NonRespondents::Keep
        },
        time: args.time,
        weighted: args.weighted,
    };
    let groups = match args.groups.as_str() {
        "function" | "functions" => GroupSource::PrimaryFunction,
        "unit" => GroupSource::Unit,
        other => GroupSource::Partition(other.to_string()),
    };
    let analysis = AnalysisOptions {
        metrics,
        seed: args.seed,
        community_runs: args.community_runs,
        sample: args.sample,
        groups,
        ..AnalysisOptions::default()
    };
    Ok((build, analysis))
}

/// Marks the people named in `--no-answer` as non-respondents.
fn mark_no_answer(net: &mut Network, names: &[String], file: &str, t: &Texts) -> Result<()> {
    for name in names.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let p = net
            .people
            .iter_mut()
            .find(|p| p.id == name || p.label == name)
            .ok_or_else(|| {
                user(
                    t,
                    "cli-unknown-person",
                    &[("file", Arg::Str(file)), ("name", Arg::Str(name))],
                )
            })?;
        p.responded = false;
    }
    Ok(())
}

/// Reads every file, analyses every selected network, and only then writes
/// the output: an error anywhere means no output at all.
pub fn run(args: &Args, t: &Texts) -> Result<()> {
    let (build_opts, analysis_opts) = options(args, t)?;
    let read_opts = ReadOptions {
        nodes: args.nodes.clone(),
        undirected: args.undirected,
        ..ReadOptions::default()
    };
    // Files are independent: read, build and analyse them on all cores,
    // then report in the order given (the first failing file's error, the
    // warnings in file order), so the output does not depend on timing.
    let per_file: Vec<Result<(Vec<String>, Vec<Output>)>> = args
        .files
        .par_iter()
        .map(|path| analyse_file(path, args, t, &read_opts, &build_opts, &analysis_opts))
        .collect();
    let mut outputs = Vec::new();
    for result in per_file {
        let (warnings, outs) = result?;
        for w in warnings {
            eprintln!("{w}");
        }
        outputs.extend(outs);
    }
    // The output in pieces, written one after the other (a batch's JSON is
    // 10+ MB; joining it first cost a copy on the one thread left working).
    let pieces: Vec<String> = match args.format {
        OutputFormat::Json => {
            // Each network is serialised on its own core, and indented there
            // for its place in the array, which is written exactly as
            // serde_json's pretty printer would (elements indented by two
            // spaces). The outputs are consumed there too, so they are freed
            // in parallel.
            let many = outputs.len() != 1;
            let parts: Vec<String> = std::mem::take(&mut outputs)
                .into_par_iter()
                .enumerate()
                .map(|(i, o)| {
                    let p = serde_json::to_string_pretty(&o)?;
                    if !many {
                        return Ok(p + "\n");
                    }
                    let mut s = String::with_capacity(p.len() + p.len() / 8 + 8);
                    s.push_str(if i == 0 { "[\n" } else { ",\n" });
                    for (j, line) in p.split('\n').enumerate() {
                        if j > 0 {
                            s.push('\n');
                        }
                        s.push_str("  ");
                        s.push_str(line);
                    }
                    Ok(s)
                })
                .collect::<Result<_, serde_json::Error>>()?;
            let mut pieces = parts;
            if many {
                pieces.push(if pieces.is_empty() { "[]\n" } else { "\n]\n" }.to_string());
            }
            pieces
        }
        OutputFormat::Table => vec![
            outputs
                .iter()
                .map(|o| crate::table::render(o, t))
                .collect::<Vec<_>>()
                .join("\n"),
        ],
    };
    let pieces: Vec<&[u8]> = pieces.iter().map(|p| p.as_bytes()).collect();
    match &args.out {
        Some(path) => {
            crate::convert::write_pieces_atomically(path, &pieces, t)?;
            eprintln!(
                "{}",
                t.format(
                    "cli-wrote",
                    &[("path", Arg::Str(&path.display().to_string()))]
                )
            );
        }
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            // A closed pipe (e.g. `| head`) is not an error worth a panic.
            for piece in pieces {
                if out.write_all(piece).is_err() {
                    break;
                }
            }
        }
    }
    Ok(())
}

/// Reads one file and analyses every selected network in it: the warnings
/// to print (already formatted) and the outputs, or the file's first error.
fn analyse_file(
    path: &std::path::Path,
    args: &Args,
    t: &Texts,
    read_opts: &ReadOptions,
    build_opts: &BuildOptions,
    analysis_opts: &AnalysisOptions,
) -> Result<(Vec<String>, Vec<Output>)> {
    let mut outputs = Vec::new();
    let file = path.display().to_string();
    // The reader's error in the user's language (formats.ftl).
    let doc = samspill_formats::read_path(path, read_opts)
        .map_err(|e| anyhow::Error::from(crate::UserError(e.localized(t))))?;
    let warnings = doc
        .warnings
        .iter()
        .map(|w| t.format("cli-warning", &[("message", Arg::Str(&w.to_string()))]))
        .collect();
    let selected = crate::select_networks(doc.networks, args.network.as_deref(), &file, false, t)?;
    for mut net in selected {
        mark_no_answer(&mut net, &args.no_answer, &file, t)?;
        let an = build(&net, build_opts).map_err(|e| {
            user(
                t,
                "cli-error-file",
                &[
                    ("file", Arg::Str(&file)),
                    ("message", Arg::Str(&e.to_string())),
                ],
            )
        })?;
        // The analysis reads the built graph and the people, never the
        // reported ties again: free them first (80 MB of a million ties).
        net.relations = Vec::new();
        tracing::info!(file = %file, network = %net.name, nodes = an.graph.node_count(), "analysing");
        let analysis = analyze(&net, &an, analysis_opts);
        outputs.push(Output {
            source: Source {
                file: file.clone(),
                network: net.name.clone(),
            },
            analysis,
        });
    }
    Ok((warnings, outputs))
}
