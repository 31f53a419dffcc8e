//! The comparison of two rounds of one municipality (engine
//! [`waves::compare`](samspill_engine::waves::compare) on the daily + weekly
//! networks): who joined and left, ties gained and lost, how the key
//! numbers and the coordination score changed.

use samspill_engine::analysis::{AnalysisOptions, analyze};
use samspill_engine::build::{BuildOptions, build};
use samspill_engine::waves::compare;
use samspill_i18n::{Arg, Texts};

use crate::doc::{Block, Doc};
use crate::facts::Facts;
use crate::figures::ids;
use crate::municipality::shell;
use crate::{Input, Rendered, ReportError};

/// The graph measures the comparison shows, with their message keys.
const MEASURES: [(&str, &str); 8] = [
    ("nodes", "report-m-people"),
    ("edges", "report-m-ties"),
    ("isolates", "report-m-isolates"),
    ("density", "report-m-density"),
    ("weak_components", "report-m-components"),
    ("diameter", "report-m-diameter"),
    ("average_path_length", "report-m-distance"),
    ("communities", "report-wave-communities"),
];

/// The comparison of round `a` (earlier) with round `b` (later).
pub fn document(a: &Input, b: &Input) -> Result<Doc, ReportError> {
    let t = Texts::new(b.lang);
    let opts = BuildOptions::survey();
    let an_a = build(&a.network, &opts)?;
    let an_b = build(&b.network, &opts)?;
    let res_a = analyze(&a.network, &an_a, &AnalysisOptions::default());
    let res_b = analyze(&b.network, &an_b, &AnalysisOptions::default());
    let c = compare((&an_a, &res_a), (&an_b, &res_b));
    let fa = Facts::compute(a)?;
    let fb = Facts::compute(b)?;
    let name_of = |id: &str| -> String {
        b.network
            .index_of(id)
            .and_then(|i| fb.names.get(i).cloned())
            .or_else(|| {
                a.network
                    .index_of(id)
                    .and_then(|i| fa.names.get(i).cloned())
            })
            .unwrap_or_default()
    };

    let mut d = shell(
        &t,
        t.format("report-wave-title", &[("name", Arg::Str(&b.name))]),
        t.format(
            "report-wave-subtitle",
            &[("from", Arg::Str(&a.round)), ("to", Arg::Str(&b.round))],
        ),
    );
    let blocks = &mut d.blocks;
    blocks.push(Block::Heading {
        level: 1,
        text: t.get("report-wave-ch-people"),
    });
    blocks.push(Block::Para {
        text: t.format(
            "report-wave-people",
            &[
                ("stayed", Arg::Num(c.stayed as f64)),
                ("joined", Arg::Num(c.joined.len() as f64)),
                ("left", Arg::Num(c.left.len() as f64)),
                (
                    "joinedlist",
                    Arg::Str(
                        &c.joined
                            .iter()
                            .map(|x| name_of(x))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
                (
                    "leftlist",
                    Arg::Str(
                        &c.left
                            .iter()
                            .map(|x| name_of(x))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
            ],
        ),
    });
    blocks.push(Block::Para {
        text: t.format(
            "report-wave-ties",
            &[
                ("gained", Arg::Num(c.ties_gained.len() as f64)),
                ("lost", Arg::Num(c.ties_lost.len() as f64)),
                ("kept", Arg::Num(c.ties_kept as f64)),
            ],
        ),
    });
    blocks.push(Block::Table {
        caption: t.get("report-wave-table-measures"),
        header: vec![
            t.get("report-col-measure"),
            a.round.clone(),
            b.round.clone(),
            t.get("report-wave-col-change"),
        ],
        rows: MEASURES
            .iter()
            .filter_map(|(m, key)| {
                let ch = c.graph.iter().find(|x| x.measure == *m)?;
                let d = if matches!(*m, "density") {
                    2
                } else if *m == "average_path_length" {
                    1
                } else {
                    0
                };
                let f = |x: Option<f64>| x.map_or("–".into(), |v| t.number(v, d));
                let change = ch.change.map_or("–".into(), |v| {
                    let s = t.number(v, d);
                    if v > 0.0 { format!("+{s}") } else { s }
                });
                Some(vec![t.get(key), f(ch.before), f(ch.after), change])
            })
            .collect(),
    });
    let mean = |f: &Facts| {
        f.coordination
            .as_ref()
            .and_then(|s| s.mean.map(|m| (t.number(m, 1), s.n)))
    };
    if let (Some((ma, na)), Some((mb, nb))) = (mean(&fa), mean(&fb)) {
        blocks.push(Block::Para {
            text: t.format(
                "report-wave-rating",
                &[
                    ("before", Arg::Str(&ma)),
                    ("nbefore", Arg::Num(na as f64)),
                    ("after", Arg::Str(&mb)),
                    ("nafter", Arg::Num(nb as f64)),
                ],
            ),
        });
    }
    // People whose number of weekly contacts changed most.
    let mut movers: Vec<(String, i64, i64)> = c
        .people
        .iter()
        .map(|p| (p.id.clone(), p.ties_gained as i64, p.ties_lost as i64))
        .filter(|(_, g, l)| g + l > 0)
        .collect();
    movers.sort_by_key(|(id, g, l)| (std::cmp::Reverse(g + l), id.clone()));
    movers.truncate(10);
    if !movers.is_empty() {
        blocks.push(Block::Table {
            caption: t.get("report-wave-table-people"),
            header: vec![
                t.get("report-col-person"),
                t.get("report-wave-col-gained"),
                t.get("report-wave-col-lost"),
            ],
            rows: movers
                .iter()
                .map(|(id, g, l)| vec![name_of(id), g.to_string(), l.to_string()])
                .collect(),
        });
    }
    if let Some(f) = crate::figures::for_waves(a, b)? {
        blocks.push(Block::Figure(f));
    } else {
        let figures: Vec<_> = [a, b]
            .iter()
            .filter_map(|i| {
                i.figures
                    .iter()
                    .find(|f| f.id == ids::NETWORK_WEEKLY)
                    .cloned()
            })
            .collect();
        if !figures.is_empty() {
            blocks.push(Block::FigureGrid { figures });
        }
    }
    blocks.push(Block::Note {
        text: t.get("report-wave-note"),
    });
    Ok(d)
}

/// Writes the comparison of round `a` with round `b`.
pub fn comparison_report(a: &Input, b: &Input) -> Result<Rendered, ReportError> {
    let doc = document(a, b)?;
    Ok(Rendered {
        html: crate::html::render(&doc),
        pdf: crate::pdf::render(&doc)?,
    })
}
