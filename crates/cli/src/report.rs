//! `samspill report`: the municipality report (HTML, PDF and `facts.json`,
//! every number and list the report states) for real data:
//!
//! * from the database: `samspill report --tenant SLUG --round ID --out DIR
//!   [--config FILE | --db URL]`, through `samspill_results`, the same code
//!   the web results page uses (a round that is not closed is refused);
//! * from a network file with person attributes (an exported round, an
//!   XLSX roster + ties sheet, GraphML, …): `samspill report FILE --out DIR`.
//!
//! Reports are pseudonymised unless `--named` is given.

use std::path::{Path, PathBuf};

use anyhow::Result;
use samspill_i18n::{Arg, Lang, Texts};
use samspill_report::{Input, figures};
use samspill_results::{Options, Rules};
use samspill_store::{Actor, RoundId};

use crate::convert::write_atomically;
use crate::serve::{load_config, open_state};
use crate::user;

/// Arguments of `samspill report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A network file with person attributes (instead of the database).
    file: Option<PathBuf>,
    /// Directory to write the report to (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// The tenant's short name (database reports).
    #[arg(long, requires = "round")]
    tenant: Option<String>,
    /// The round's id, as in the web page's address (database reports).
    #[arg(long, requires = "tenant")]
    round: Option<i64>,
    /// Configuration file of the server whose database to read.
    #[arg(long, env = "SAMSPILL_CONFIG")]
    config: Option<PathBuf>,
    /// Database URL (instead of the configuration file's).
    #[arg(long)]
    db: Option<String>,
    /// Name of the municipality (file reports; default: the network's name).
    #[arg(long)]
    name: Option<String>,
    /// Combination rule: either (default), both or mean.
    #[arg(long)]
    combine: Option<String>,
    /// Non-respondents with the ties others reported: yes (default) or no.
    #[arg(long)]
    reconstruct: Option<String>,
    /// The internal version with names (every page says so).
    #[arg(long)]
    named: bool,
    /// Node-attribute CSV for a CSV edge list.
    #[arg(long)]
    nodes: Option<PathBuf>,
}

fn rules(args: &Args, saved: Rules, t: &Texts) -> Result<Rules> {
    let combine = args
        .combine
        .clone()
        .unwrap_or_else(|| saved.combine.as_str().to_string());
    let reconstruct = args
        .reconstruct
        .clone()
        .unwrap_or_else(|| if saved.reconstruct { "yes" } else { "no" }.to_string());
    Rules::parse(&combine, &reconstruct, saved.view.as_str()).ok_or_else(|| {
        user(
            t,
            "cli-report-bad-rules",
            &[
                ("combine", Arg::Str(&combine)),
                ("reconstruct", Arg::Str(&reconstruct)),
            ],
        )
    })
}

fn write_report(dir: &Path, stem: &str, r: &samspill_report::Rendered, t: &Texts) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| {
        user(
            t,
            "cli-cannot-write",
            &[
                ("path", Arg::Str(&dir.display().to_string())),
                ("reason", Arg::Str(&e.to_string())),
            ],
        )
    })?;
    for (name, bytes) in [
        (format!("{stem}.html"), r.html.as_bytes()),
        (format!("{stem}.pdf"), r.pdf.as_slice()),
        (format!("{stem}-facts.json"), r.facts_json.as_bytes()),
    ] {
        let path = dir.join(name);
        write_atomically(&path, bytes, t)?;
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

/// Runs typst work on a thread with a big stack (typst recurses deeply).
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    std::thread::Builder::new()
        .stack_size(samspill_report::pdf::STACK)
        .spawn(f)?
        .join()
        .map_err(|_| anyhow::anyhow!("the report thread panicked"))
}

fn render(input: Input) -> Result<samspill_report::Rendered> {
    on_big_stack(move || samspill_report::municipality_report(&input))?.map_err(Into::into)
}

/// Writes the report.
pub fn run(args: &Args, lang: Option<&str>, t: &Texts) -> Result<()> {
    let lang_flag = lang.and_then(Lang::parse);
    match (&args.file, &args.tenant, args.round) {
        (Some(file), None, None) => from_file(args, file, lang_flag, t),
        (None, Some(slug), Some(round)) => from_db(args, slug, round, lang_flag, t),
        _ => Err(user(t, "cli-report-what", &[])),
    }
}

fn from_file(args: &Args, file: &Path, lang: Option<Lang>, t: &Texts) -> Result<()> {
    let opts = samspill_formats::ReadOptions {
        nodes: args.nodes.clone(),
        ..Default::default()
    };
    let doc = samspill_formats::read_path(file, &opts)
        .map_err(|e| user(t, "cli-error", &[("message", Arg::Str(&e.to_string()))]))?;
    let networks =
        crate::select_networks(doc.networks, None, &file.display().to_string(), true, t)?;
    let rules = rules(args, Rules::default(), t)?;
    for mut network in networks {
        let name = args.name.clone().unwrap_or_else(|| network.name.clone());
        if as_weekly(&mut network) {
            eprintln!(
                "{}",
                t.format("cli-report-binary", &[("network", Arg::Str(&name))])
            );
        }
        let mut input = Input::new(&name, lang.unwrap_or(t.lang()), "", network);
        input.rules = samspill_report::Rules {
            combine: rules.combine.engine(),
            reconstruct: rules.reconstruct,
        };
        input.show_names = args.named;
        input.figures = figures::for_municipality(&input)?;
        let r = render(input)?;
        let stem = slug(&name);
        write_report(&args.out, &stem, &r, t)?;
    }
    Ok(())
}

/// A file whose ties carry no frequency (every value 1, as binary networks
/// are written) would read as «monthly» contact on the survey's scale and
/// leave the report with no daily or weekly contact at all: such ties are
/// counted as weekly contact (value 2) instead. Returns whether it did.
fn as_weekly(network: &mut samspill_engine::model::Network) -> bool {
    let mut ties = network
        .relations
        .iter()
        .flat_map(|r| r.ties.iter())
        .peekable();
    if ties.peek().is_none() || !ties.all(|t| t.value == 1.0) {
        return false;
    }
    for rel in &mut network.relations {
        for tie in &mut rel.ties {
            tie.value = 2.0;
        }
    }
    true
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "report".into() } else { out }
}

fn from_db(args: &Args, slug_: &str, round: i64, lang: Option<Lang>, t: &Texts) -> Result<()> {
    let mut config = load_config(args.config.as_deref(), t)?;
    if let Some(db) = &args.db {
        config.database_url = db.clone();
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let data = rt.block_on(async {
        let state = open_state(config, t).await?;
        let tid = state
            .store()
            .tenant_by_slug(slug_)
            .await
            .map_err(|_| user(t, "cli-admin-not-found", &[("what", Arg::Str(slug_))]))?;
        let tenant = state
            .store()
            .tenant(tid)
            .acting_as(Actor::system("report-cli"));
        let data = samspill_results::load(&tenant, RoundId::from_raw(round))
            .await
            .map_err(|e| match e {
                samspill_results::ResultsError::NotClosed => user(
                    t,
                    "cli-report-not-closed",
                    &[("round", Arg::Num(round as f64))],
                ),
                samspill_results::ResultsError::Store(samspill_store::StoreError::NotFound) => {
                    user(
                        t,
                        "cli-report-no-round",
                        &[
                            ("round", Arg::Num(round as f64)),
                            ("tenant", Arg::Str(slug_)),
                        ],
                    )
                }
                other => user(
                    t,
                    "cli-store-error",
                    &[("message", Arg::Str(&other.to_string()))],
                ),
            })?;
        let what = if args.named { "report.named" } else { "report" };
        tenant
            .record_read(what, &format!("round {round}: command line"))
            .await?;
        state.store().close().await;
        Ok::<_, anyhow::Error>(data)
    })?;
    let opts = Options {
        rules: rules(args, data.rules, t)?,
        lang: lang
            .or_else(|| Lang::parse(&data.tenant.lang))
            .unwrap_or(Lang::Nb),
        named: args.named,
    };
    let stem = format!(
        "{}{}",
        samspill_results::export::file_stem(&data),
        if args.named { "-named" } else { "" }
    );
    let input = samspill_results::input(&data, &opts)?;
    let r = render(input)?;
    write_report(&args.out, &stem, &r, t)
}
