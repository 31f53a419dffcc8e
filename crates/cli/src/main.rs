//! `samspill`: the command line over the samspill engine.
//!
//! A thin binary: argument parsing, reading files through
//! `samspill-formats`, the engine for the numbers, `samspill-i18n` for every
//! word shown. Errors are reported in the chosen language with the file,
//! line and what was expected, and the exit code is non-zero; nothing is
//! written unless every input was read and analysed.

mod admin;
mod analyze;
mod backup;
mod convert;
mod demo;
mod draw;
mod report;
mod serve;
mod table;

use std::process::ExitCode;

/// mimalloc instead of glibc malloc: the report batch, typst and the layout
/// allocate many small objects from several threads (glibc malloc was 15 %
/// of the report batch's CPU time under perf).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use samspill_i18n::{Arg, Lang, Texts};

/// samspill: collaboration-network analysis for social housing work.
#[derive(Debug, Parser)]
#[command(name = "samspill", version, about, long_about = None)]
struct Cli {
    /// Language of messages and tables: nb, nn, da or en (default: from
    /// SAMSPILL_LANG or LANG, else English).
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse one or more network files (Pajek, CSV, GraphML, GEXF, DL, XLSX, JSON).
    Analyze(Box<analyze::Args>),
    /// Convert a network file to another format.
    Convert(convert::Args),
    /// Draw a network picture (SVG or PNG).
    Draw(draw::Args),
    /// Start the whole product on embedded SQLite with five generated
    /// municipalities, closed rounds with reports, and one open round.
    Demo(demo::Args),
    /// Write a municipality report (HTML, PDF, facts.json) from the
    /// database (`--tenant SLUG --round ID`) or from a network file.
    Report(report::Args),
    /// Run the web application (`--config FILE`; SQLite or PostgreSQL).
    Serve(serve::Args),
    /// Create and manage municipalities and users; test the mail setup.
    Admin(admin::Args),
    /// Write a consistent backup of the database while the server runs.
    Backup(backup::BackupArgs),
    /// Restore the database from a backup (the server must be stopped).
    Restore(backup::RestoreArgs),
}

/// An error already phrased for the user (in their language).
#[derive(Debug)]
pub struct UserError(pub String);

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

/// A [`UserError`] from a message key and its arguments.
pub(crate) fn user(t: &Texts, key: &str, args: &[(&str, Arg<'_>)]) -> anyhow::Error {
    UserError(t.format(key, args)).into()
}

/// The networks of a file to work on: all of them, or those named `name`.
/// An error names the file and the networks it has when nothing is selected
/// by name, or when `at_least_one` and the file has none.
pub(crate) fn select_networks(
    networks: Vec<samspill_engine::model::Network>,
    name: Option<&str>,
    file: &str,
    at_least_one: bool,
    t: &Texts,
) -> anyhow::Result<Vec<samspill_engine::model::Network>> {
    let available = networks
        .iter()
        .map(|n| n.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let selected: Vec<_> = match name {
        None => networks,
        Some(name) => networks.into_iter().filter(|n| n.name == name).collect(),
    };
    if selected.is_empty() && (name.is_some() || at_least_one) {
        return Err(user(
            t,
            "cli-no-network",
            &[
                ("file", Arg::Str(file)),
                ("name", Arg::Str(name.unwrap_or(""))),
                ("available", Arg::Str(&available)),
            ],
        ));
    }
    Ok(selected)
}

fn language(flag: Option<&str>) -> Lang {
    flag.and_then(Lang::parse)
        .or_else(|| {
            std::env::var("SAMSPILL_LANG")
                .ok()
                .as_deref()
                .and_then(Lang::parse)
        })
        .or_else(|| std::env::var("LANG").ok().as_deref().and_then(Lang::parse))
        .unwrap_or(Lang::En)
}

/// Starts logging to standard error: `SAMSPILL_LOG` (an `EnvFilter`) or
/// `default`; one JSON object per line with `json`. Called once, by the
/// command that runs (the server logs at `info`, tools at `warn`).
pub(crate) fn init_logging(default: &str, json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SAMSPILL_LOG")
        .unwrap_or_else(|_| default.into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_) | Command::Demo(_)) {
        init_logging("warn", false);
    }
    let texts = Texts::new(language(cli.lang.as_deref()));
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(&args, &texts),
        Command::Convert(args) => convert::run(&args, &texts),
        Command::Draw(args) => draw::run(&args, &texts),
        Command::Demo(args) => demo::run(&args, cli.lang.as_deref(), &texts),
        Command::Report(args) => report::run(&args, cli.lang.as_deref(), &texts),
        Command::Serve(args) => serve::run(&args, &texts),
        Command::Admin(args) => admin::run(&args, &texts),
        Command::Backup(args) => backup::backup(&args, &texts),
        Command::Restore(args) => backup::restore(&args, &texts),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let message = match e.downcast_ref::<UserError>() {
                Some(u) => u.0.clone(),
                None => texts.format("cli-error", &[("message", Arg::Str(&format!("{e:#}")))]),
            };
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
