//! The cross-municipality report of a programme: the persons-per-function
//! table, response rates, mean scores with N (the 2015 report's Tabell 2),
//! the networks' key numbers and figures side by side.
//!
//! Groups under [`MIN_GROUP`] answers are suppressed (PRODUCT.md §8): a
//! mean of fewer than five ratings is shown as "–", and so are the shares
//! of political contact of a municipality where fewer than five answered
//! and the open-answer themes of one with fewer than five open answers.

use samspill_i18n::{Arg, Lang, Texts};

use crate::doc::{Block, Doc};
use crate::facts::Facts;
use crate::figures::ids;
use crate::municipality::shell;
use crate::summary::{function_name, percent, theme_name};
use crate::{Input, Rendered, ReportError};

/// Smallest group whose scores are shown in cross-municipality views.
pub const MIN_GROUP: usize = 5;

/// A rating mean, or "–" when fewer than [`MIN_GROUP`] gave a value.
fn suppressed_mean(t: &Texts, s: Option<&samspill_engine::survey::RatingSummary>) -> String {
    match s {
        Some(s) if s.n - s.dont_know >= MIN_GROUP => {
            s.mean.map(|m| t.number(m, 1)).unwrap_or_else(|| "–".into())
        }
        _ => "–".into(),
    }
}

/// The cross-municipality report as a document.
pub fn document(name: &str, lang: Lang, inputs: &[Input], facts: &[Facts]) -> Doc {
    let t = Texts::new(lang);
    let mut d = shell(
        &t,
        t.format("report-prog-title", &[("name", Arg::Str(name))]),
        t.format(
            "report-prog-subtitle",
            &[("count", Arg::Num(inputs.len() as f64))],
        ),
        false,
    );
    let b = &mut d.blocks;
    let names: Vec<String> = inputs.iter().map(|i| i.name.clone()).collect();
    let people: usize = facts.iter().map(|f| f.people).sum();
    let respondents: usize = facts.iter().map(|f| f.respondents).sum();
    b.push(Block::Heading {
        level: 1,
        text: t.get("report-prog-ch-overview"),
    });
    b.push(Block::Para {
        text: t.format(
            "report-prog-intro",
            &[
                ("count", Arg::Num(inputs.len() as f64)),
                ("people", Arg::Num(people as f64)),
                ("respondents", Arg::Num(respondents as f64)),
            ],
        ),
    });
    b.push(Block::Table {
        caption: t.get("report-prog-table-response"),
        header: vec![
            t.get("report-prog-col-municipality"),
            t.get("report-col-persons"),
            t.get("report-col-respondents"),
            t.get("report-col-rate"),
            t.get("report-prog-col-forum"),
        ],
        rows: inputs
            .iter()
            .zip(facts)
            .map(|(i, f)| {
                vec![
                    i.name.clone(),
                    f.people.to_string(),
                    f.respondents.to_string(),
                    percent(&t, f.response_rate),
                    match f.coordination_forum {
                        Some(true) => t.get("report-yes"),
                        Some(false) => t.get("report-no"),
                        None => "–".into(),
                    },
                ]
            })
            .collect(),
    });

    // Tabell 1: persons per function.
    let mut functions: Vec<String> = Vec::new();
    for f in facts {
        for r in &f.functions {
            if !functions.contains(&r.name) {
                functions.push(r.name.clone());
            }
        }
    }
    let mut header = vec![t.get("report-col-function")];
    header.extend(names.iter().cloned());
    let mut rows: Vec<Vec<String>> = functions
        .iter()
        .map(|name| {
            let mut r = vec![function_name(&t, name)];
            for f in facts {
                let k = f
                    .functions
                    .iter()
                    .find(|x| &x.name == name)
                    .map_or(0, |x| x.persons);
                r.push(k.to_string());
            }
            r
        })
        .collect();
    let mut total_f = vec![t.get("report-total-functions")];
    let mut total_p = vec![t.get("report-total-persons")];
    for f in facts {
        total_f.push(
            f.functions
                .iter()
                .map(|r| r.persons)
                .sum::<usize>()
                .to_string(),
        );
        total_p.push(f.people.to_string());
    }
    rows.push(total_f);
    rows.push(total_p);
    b.push(Block::Table {
        caption: t.get("report-prog-table-functions"),
        header,
        rows,
    });

    // Tabell 2: mean scores with N.
    b.push(Block::Heading {
        level: 1,
        text: t.get("report-prog-ch-ratings"),
    });
    b.push(Block::Table {
        caption: t.get("report-prog-table-ratings"),
        header: vec![
            t.get("report-prog-col-municipality"),
            t.get("report-prog-col-coordination"),
            "N".into(),
            t.get("report-dont-know"),
            t.get("report-prog-col-meetings"),
            "N".into(),
        ],
        rows: inputs
            .iter()
            .zip(facts)
            .map(|(i, f)| {
                let c = f.coordination.as_ref();
                let m = f.meeting_places.as_ref();
                vec![
                    i.name.clone(),
                    suppressed_mean(&t, c),
                    c.map_or(0, |s| s.n).to_string(),
                    c.map_or(0, |s| s.dont_know).to_string(),
                    suppressed_mean(&t, m),
                    m.map_or(0, |s| s.n).to_string(),
                ]
            })
            .collect(),
    });
    for f in crate::figures::for_programme(inputs, lang, MIN_GROUP) {
        b.push(Block::Figure(f));
    }
    b.push(Block::Note {
        text: t.format(
            "report-prog-suppressed",
            &[("min", Arg::Num(MIN_GROUP as f64))],
        ),
    });

    political_and_themes(&t, b, inputs, facts);

    // Networks side by side.
    b.push(Block::PageBreak);
    b.push(Block::Heading {
        level: 1,
        text: t.get("report-prog-ch-networks"),
    });
    b.push(Block::Table {
        caption: t.get("report-prog-table-networks"),
        header: vec![
            t.get("report-prog-col-municipality"),
            t.get("report-m-people"),
            t.get("report-prog-col-connected"),
            t.get("report-m-isolates"),
            t.get("report-m-clusters"),
            t.get("report-m-builders"),
            t.get("report-prog-col-chain"),
            t.get("report-m-diameter"),
        ],
        rows: inputs
            .iter()
            .zip(facts)
            .map(|(i, f)| {
                let w = &f.weekly;
                vec![
                    i.name.clone(),
                    w.people.to_string(),
                    percent(&t, 100.0 * w.integration()),
                    w.isolates.len().to_string(),
                    w.clusters.len().to_string(),
                    w.builders.len().to_string(),
                    w.chains
                        .first()
                        .map_or("–".into(), |c| c.people.len().to_string()),
                    w.diameter.map_or("–".into(), |x| t.number(x, 0)),
                ]
            })
            .collect(),
    });
    let figures: Vec<_> = inputs
        .iter()
        .filter_map(|i| {
            i.figures
                .iter()
                .find(|f| f.id == ids::NETWORK_WEEKLY)
                .cloned()
        })
        .collect();
    if !figures.is_empty() {
        b.push(Block::Para {
            text: t.get("report-prog-figures"),
        });
        b.push(Block::FigureGrid { figures });
    }
    d
}

/// A share of `part` in `whole` respondents, or "–" when fewer than
/// [`MIN_GROUP`] answered.
fn suppressed_share(t: &Texts, part: usize, whole: usize) -> String {
    if whole < MIN_GROUP {
        "–".into()
    } else {
        percent(t, 100.0 * part as f64 / whole as f64)
    }
}

/// Political contact across municipalities (shares of the respondents) and
/// the open-answer themes across municipalities, suppressed under
/// [`MIN_GROUP`].
fn political_and_themes(t: &Texts, b: &mut Vec<Block>, inputs: &[Input], facts: &[Facts]) {
    b.push(Block::Heading {
        level: 1,
        text: t.get("pr-report-ch-political"),
    });
    b.push(Block::Table {
        caption: t.get("pr-report-table-political"),
        header: vec![
            t.get("report-prog-col-municipality"),
            t.get("report-col-respondents"),
            t.get("pr-report-col-any-contact"),
            t.get("pr-report-col-gives"),
            t.get("pr-report-col-receives"),
            t.get("pr-report-col-discusses"),
        ],
        rows: inputs
            .iter()
            .zip(facts)
            .map(|(i, f)| {
                let p = &f.political;
                let n = f.respondents;
                vec![
                    i.name.clone(),
                    n.to_string(),
                    suppressed_share(t, p.with_contact, n),
                    suppressed_share(t, p.gives, n),
                    suppressed_share(t, p.receives, n),
                    suppressed_share(t, p.discusses, n),
                ]
            })
            .collect(),
    });
    b.push(Block::Heading {
        level: 1,
        text: t.get("pr-report-ch-themes"),
    });
    // Every theme given anywhere, in the order of the theme list, then
    // the coordinators' own words.
    let mut themes: Vec<String> = crate::THEMES.iter().map(|s| s.to_string()).collect();
    for f in facts {
        for c in f
            .open
            .strength_themes
            .iter()
            .chain(&f.open.challenge_themes)
        {
            if !themes.contains(&c.theme) {
                themes.push(c.theme.clone());
            }
        }
    }
    let count = |f: &Facts, theme: &str| -> usize {
        f.open
            .strength_themes
            .iter()
            .chain(&f.open.challenge_themes)
            .filter(|c| c.theme == theme)
            .map(|c| c.count)
            .sum()
    };
    themes.retain(|th| facts.iter().any(|f| count(f, th) > 0));
    let mut header = vec![t.get("pr-report-col-theme")];
    header.extend(inputs.iter().map(|i| i.name.clone()));
    let mut rows: Vec<Vec<String>> = themes
        .iter()
        .map(|th| {
            let mut r = vec![theme_name(t, th)];
            for f in facts {
                r.push(if f.open.answers < MIN_GROUP {
                    "–".into()
                } else {
                    count(f, th).to_string()
                });
            }
            r
        })
        .collect();
    let mut total = vec![t.get("pr-report-open-answers")];
    total.extend(facts.iter().map(|f| f.open.answers.to_string()));
    rows.push(total);
    b.push(Block::Table {
        caption: t.get("pr-report-table-themes"),
        header,
        rows,
    });
    b.push(Block::Note {
        text: t.format(
            "pr-report-suppressed",
            &[("min", Arg::Num(MIN_GROUP as f64))],
        ),
    });
}

/// Writes the cross-municipality report of the programme `name`.
pub fn programme_report(name: &str, lang: Lang, inputs: &[Input]) -> Result<Rendered, ReportError> {
    let facts = inputs
        .iter()
        .map(Facts::compute)
        .collect::<Result<Vec<_>, _>>()?;
    let doc = document(name, lang, inputs, &facts);
    let json = serde_json::json!({
        "programme": name,
        "municipalities": inputs
            .iter()
            .zip(&facts)
            .map(|(i, f)| serde_json::json!({"name": i.name, "round": i.round, "facts": f.json()}))
            .collect::<Vec<_>>(),
    });
    Ok(Rendered {
        html: crate::html::render(&doc),
        pdf: crate::pdf::render(&doc)?,
        facts_json: serde_json::to_string_pretty(&json).unwrap_or_default(),
    })
}
