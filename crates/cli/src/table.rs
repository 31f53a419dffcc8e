//! The readable table of `samspill analyze --format table`.

use samspill_i18n::{Arg, Texts};

use crate::analyze::Output;

fn num(t: &Texts, x: Option<f64>, decimals: usize) -> String {
    match x {
        Some(v) => t.number(v, decimals),
        None => t.get("value-undefined"),
    }
}

/// Renders one analysed network as text in the user's language.
pub fn render(o: &Output, t: &Texts) -> String {
    let a = &o.analysis;
    let g = &a.graph;
    let s = &a.settings;
    let mut out = String::new();
    let name = if o.source.network.is_empty() {
        o.source.file.clone()
    } else {
        format!("{} ({})", o.source.network, o.source.file)
    };
    out += &t.format("table-network", &[("name", Arg::Str(&name))]);
    out.push('\n');
    let threshold = match s.threshold {
        samspill_engine::Threshold::All => "all".to_string(),
        samspill_engine::Threshold::AtLeast(x) => format!("≥ {}", t.number(x, 0)),
    };
    let nonresp = match s.non_respondents {
        samspill_engine::NonRespondents::Keep => "keep",
        samspill_engine::NonRespondents::Drop => "drop",
    };
    let weighted = t.get(if s.weighted {
        "table-weighted"
    } else {
        "table-unweighted"
    });
    out += &t.format(
        "table-settings",
        &[
            ("combine", Arg::Str(s.combine.as_str())),
            ("threshold", Arg::Str(&threshold)),
            ("nonresp", Arg::Str(nonresp)),
            ("weighted", Arg::Str(&weighted)),
        ],
    );
    out.push('\n');
    out += &t.format(
        "table-ties",
        &[
            ("confirmed", Arg::Num(a.ties.confirmed as f64)),
            ("onesided", Arg::Num(a.ties.one_sided as f64)),
            ("reconstructed", Arg::Num(a.ties.reconstructed as f64)),
        ],
    );
    out.push_str("\n\n");
    let f = |m: &Option<Option<f64>>| m.flatten();
    let u = |m: &Option<Option<usize>>| m.flatten().map(|x| x as f64);
    let rows: Vec<(&str, Option<Option<f64>>, usize)> = vec![
        ("measure-nodes", Some(Some(g.nodes as f64)), 0),
        ("measure-edges", Some(Some(g.edges as f64)), 0),
        (
            "measure-non-respondents",
            Some(Some(g.non_respondents as f64)),
            0,
        ),
        ("measure-isolates", Some(Some(g.isolates as f64)), 0),
        ("measure-density", g.density.map(|_| f(&g.density)), 3),
        (
            "measure-reciprocity",
            g.reciprocity.map(|_| f(&g.reciprocity)),
            3,
        ),
        (
            "measure-weak-components",
            g.weak_components.map(|_| u(&g.weak_components)),
            0,
        ),
        (
            "measure-strong-components",
            g.strong_components.map(|_| u(&g.strong_components)),
            0,
        ),
        ("measure-diameter", g.diameter.map(|_| f(&g.diameter)), 2),
        (
            "measure-average-path-length",
            g.average_path_length.map(|_| f(&g.average_path_length)),
            2,
        ),
        (
            "measure-transitivity",
            g.transitivity.map(|_| f(&g.transitivity)),
            3,
        ),
        (
            "measure-degree-centralization",
            g.degree_centralization.map(|_| f(&g.degree_centralization)),
            3,
        ),
        (
            "measure-betweenness-centralization",
            g.betweenness_centralization
                .map(|_| f(&g.betweenness_centralization)),
            3,
        ),
        (
            "measure-modularity",
            g.modularity.map(|_| f(&g.modularity)),
            3,
        ),
        (
            "measure-communities",
            g.communities.map(|_| u(&g.communities)),
            0,
        ),
        (
            "measure-community-stability",
            g.community_stability.map(|_| f(&g.community_stability)),
            2,
        ),
    ];
    let width = rows
        .iter()
        .map(|(k, _, _)| t.get(k).chars().count())
        .max()
        .unwrap_or(0);
    for (key, value, decimals) in rows {
        if let Some(v) = value {
            let label = t.get(key);
            let pad = width - label.chars().count();
            out += &format!("  {label}{}  {}\n", " ".repeat(pad), num(t, v, decimals));
        }
    }
    out.push('\n');
    // Node table.
    let headers = [
        "column-id",
        "column-label",
        "column-group",
        "column-degree",
        "column-betweenness",
        "column-closeness",
        "column-eigenvector",
        "column-constraint",
        "column-core",
        "column-community",
        "column-bridge",
    ];
    let mut table: Vec<Vec<String>> = vec![headers.iter().map(|h| t.get(h)).collect()];
    for n in &a.nodes {
        table.push(vec![
            n.id.clone(),
            n.label.clone(),
            n.group.clone().unwrap_or_default(),
            n.degree.map(|d| d.to_string()).unwrap_or_default(),
            n.betweenness.map(|x| num(t, x, 3)).unwrap_or_default(),
            n.closeness.map(|x| num(t, x, 3)).unwrap_or_default(),
            n.eigenvector.map(|x| num(t, x, 3)).unwrap_or_default(),
            n.constraint.map(|x| num(t, x, 3)).unwrap_or_default(),
            n.core_number.map(|d| d.to_string()).unwrap_or_default(),
            n.community.map(|d| (d + 1).to_string()).unwrap_or_default(),
            n.bridge
                .as_ref()
                .map(|r| {
                    t.get(if r.is_empty() {
                        "value-no"
                    } else {
                        "value-yes"
                    })
                })
                .unwrap_or_default(),
        ]);
    }
    let cols = headers.len();
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            table
                .iter()
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &table {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        out += line.join("  ").trim_end();
        out.push('\n');
    }
    if let Some(b) = &a.bridges {
        out.push('\n');
        let label = |id: &String| {
            a.nodes
                .iter()
                .find(|n| &n.id == id)
                .map(|n| n.label.clone())
                .unwrap_or_default()
        };
        let names = if b.builders.is_empty() {
            t.get("table-none")
        } else {
            b.builders.iter().map(label).collect::<Vec<_>>().join(", ")
        };
        out += &t.format("table-bridge-builders", &[("names", Arg::Str(&names))]);
        out.push('\n');
        for c in &b.chains {
            let names = c.ids.iter().map(label).collect::<Vec<_>>().join(" – ");
            out += &t.format(
                "table-chain",
                &[
                    ("from", Arg::Num((c.from + 1) as f64)),
                    ("to", Arg::Num((c.to + 1) as f64)),
                    ("people", Arg::Num(c.people as f64)),
                    ("names", Arg::Str(&names)),
                ],
            );
            out.push('\n');
        }
    }
    out
}
