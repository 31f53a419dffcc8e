//! Prints a programme's portfolio, findings and overview matrices as text,
//! to look at what the rules say: `cargo run -p samspill-programme --example
//! show -- [demo|<file.json>] [nb|nn|da|en] [date]`.

use samspill_i18n::{Arg, Lang, Texts};
use samspill_programme::date::Date;
use samspill_programme::matrix::{generate, render_cell};
use samspill_programme::rules::{self, portfolio};
use samspill_programme::text::{Catalogue, Plain, Renderer};
use samspill_programme::{ProgrammeDocument, demo};

struct T(Texts);

impl Catalogue for T {
    fn lang(&self) -> &str {
        self.0.lang().code()
    }
    fn format(&self, key: &str, args: &[(&str, Plain<'_>)]) -> String {
        let a: Vec<(&str, Arg<'_>)> = args
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    match v {
                        Plain::Str(s) => Arg::Str(s),
                        Plain::Num(n) => Arg::Num(*n),
                    },
                )
            })
            .collect();
        self.0.format(key, &a)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let doc = match args.first().map(String::as_str) {
        None | Some("demo") => demo::programme(),
        Some(path) => ProgrammeDocument::from_json(&std::fs::read(path)?)?,
    };
    let lang = args.get(1).and_then(|l| Lang::parse(l)).unwrap_or(Lang::Nb);
    let at = match args.get(2) {
        Some(d) => Date::parse(d)?,
        None => Date::parse(demo::AS_OF)?,
    };
    let t = T(Texts::new(lang));
    let r = Renderer::new(&t, &doc.programme.vocabulary);
    let p = portfolio::portfolio(&doc, at, &[]);
    println!("# {} — {}", doc.programme.name, r.date(at));
    for row in &p.rows {
        println!("\n## {}", row.name);
        if let Some(path) = &row.path {
            println!("calendar: {:?}  real: {:?}", path.calendar, path.real);
        }
        for f in &row.findings {
            println!("- [{:?}] {}", f.severity, r.sentence(&f.message()));
        }
    }
    for f in rules::all_findings(&doc, at, &[])
        .iter()
        .filter(|f| f.participant.is_none())
    {
        println!("- [{:?}] {}", f.severity, r.sentence(&f.message()));
    }
    for round in &doc.evaluation_rounds {
        let m = generate(&doc, &round.id).expect("round exists");
        println!("\n# {}", m.name);
        for s in &m.sections {
            println!("\n## {}", r.value(&s.label));
            for row in &s.rows {
                println!("\n### {}", r.value(&row.label));
                for (c, col) in row.cells.iter().zip(&m.columns) {
                    println!("- {}: {}", col.name, render_cell(c, &r));
                    for k in &c.conflicts {
                        println!(
                            "  ! {} ({:?} / not {:?})",
                            r.value(&k.text),
                            k.found_in,
                            k.missing_from
                        );
                    }
                }
            }
        }
        for c in &m.caption {
            println!("\n{}", r.message(c));
        }
    }
    Ok(())
}
