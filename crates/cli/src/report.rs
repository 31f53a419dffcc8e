//! `samspill report --demo --out DIR [--lang nb]`: the demo programme's
//! municipality reports (HTML + PDF with figures), its cross-municipality
//! report and a two-round comparison.

use std::path::{Path, PathBuf};

use anyhow::Result;
use samspill_i18n::{Arg, Lang, Texts};
use samspill_report::{Input, Rendered, figures};

use crate::UserError;

/// Arguments of `samspill report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Report on the five generated demo municipalities.
    #[arg(long)]
    demo: bool,
    /// Directory to write the reports to (created if missing).
    #[arg(long)]
    out: PathBuf,
}

fn write(dir: &Path, stem: &str, r: &Rendered, t: &Texts) -> Result<()> {
    for (ext, bytes) in [("html", r.html.as_bytes()), ("pdf", r.pdf.as_slice())] {
        let path = dir.join(format!("{stem}.{ext}"));
        std::fs::write(&path, bytes).map_err(|e| {
            UserError(t.format(
                "cli-cannot-write",
                &[
                    ("path", Arg::Str(&path.display().to_string())),
                    ("reason", Arg::Str(&e.to_string())),
                ],
            ))
        })?;
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

/// Writes every demo report into `--out`, in the language of the global
/// `--lang` flag when given, else in each municipality's own. Every report
/// is made before anything is written.
pub fn run(args: &Args, lang: Option<&str>, t: &Texts) -> Result<()> {
    let lang = lang.and_then(Lang::parse);
    if !args.demo {
        return Err(UserError(t.get("report-cli-needs-demo")).into());
    }
    let demo = samspill_synth::demo_programme();
    // typst needs deep stacks: work in the report crate's pool.
    let pool = samspill_report::pdf::thread_pool(rayon::current_num_threads())?;
    // One report per pool thread at a time (`par_map`), so a thread waiting
    // for typst's own parallel work never starts another report meanwhile.
    let made: Vec<(Input, Rendered)> =
        samspill_report::pdf::par_map(&pool, &demo, |m| -> Result<(Input, Rendered)> {
            let mut input = Input::from_synth(m, lang);
            input.figures = figures::for_municipality(&input)?;
            let r = samspill_report::municipality_report(&input)?;
            Ok((input, r))
        })
        .into_iter()
        .collect::<Result<_>>()?;
    pool.install(|| write_all(args, lang, t, &demo, made))
}

fn write_all(
    args: &Args,
    lang: Option<Lang>,
    t: &Texts,
    demo: &[samspill_synth::Municipality],
    made: Vec<(Input, Rendered)>,
) -> Result<()> {
    let inputs: Vec<Input> = made.iter().map(|(i, _)| i.clone()).collect();
    let programme_lang = lang.unwrap_or(Lang::Nb);
    let programme = samspill_report::programme_report(
        &t.get("report-cli-demo-programme"),
        programme_lang,
        &inputs,
    )?;
    let first = &demo[3];
    let later = samspill_synth::next_round(first, 1);
    let comparison = samspill_report::comparison_report(
        &Input::from_synth(first, lang),
        &Input::from_synth(&later, lang),
    )?;

    std::fs::create_dir_all(&args.out).map_err(|e| {
        UserError(t.format(
            "cli-cannot-write",
            &[
                ("path", Arg::Str(&args.out.display().to_string())),
                ("reason", Arg::Str(&e.to_string())),
            ],
        ))
    })?;
    for (m, (_, r)) in demo.iter().zip(&made) {
        write(&args.out, &m.spec.slug, r, t)?;
    }
    write(&args.out, "programme", &programme, t)?;
    write(
        &args.out,
        &format!("{}-comparison", first.spec.slug),
        &comparison,
        t,
    )?;
    Ok(())
}
