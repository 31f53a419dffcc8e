//! The municipality report as a [`Doc`]: six chapters (PRODUCT.md §6).

use std::collections::BTreeMap;

use samspill_engine::bridges::BridgeReason;
use samspill_engine::survey::{ContactType, RatingSummary};
use samspill_i18n::{Arg, Texts};

use crate::Input;
use crate::doc::{Block, Doc};
use crate::facts::{Facts, NetFacts};
use crate::figures::{Figure, ids};
use crate::summary::{self, function_name, percent};

fn n(x: usize) -> Arg<'static> {
    Arg::Num(x as f64)
}

/// A number with `d` decimals, or "–" when undefined.
fn num(t: &Texts, x: Option<f64>, d: usize) -> String {
    x.map(|v| t.number(v, d)).unwrap_or_else(|| "–".into())
}

/// The empty document shell in the report's language; a report with names
/// carries the named-version notice on every page.
pub(crate) fn shell(t: &Texts, title: String, subtitle: String, named: bool) -> Doc {
    Doc {
        lang: t.lang().code().to_string(),
        title,
        subtitle,
        notice: named.then(|| t.get("report-named-notice")),
        table_view: t.get("report-table-view"),
        figure_label: t.get("report-figure"),
        table_label: t.get("report-table"),
        landscape: false,
        blocks: Vec::new(),
    }
}

/// "yes"/"no": the selector of texts that differ between the named and the
/// pseudonymised version.
pub(crate) fn named(show_names: bool) -> Arg<'static> {
    Arg::Str(if show_names { "yes" } else { "no" })
}

/// The sentence stating the combination rule.
pub(crate) fn rule_sentence(t: &Texts, rules: &crate::Rules) -> String {
    t.get(&format!("report-rule-{}", rules.combine.as_str()))
}

fn figure<'a>(input: &'a Input, id: &str) -> Option<&'a Figure> {
    input.figures.iter().find(|f| f.id == id)
}

/// The municipality report.
pub fn document(input: &Input, f: &Facts) -> Doc {
    let t = Texts::new(input.lang);
    let mut d = shell(
        &t,
        t.format("report-title", &[("name", Arg::Str(&input.name))]),
        t.format(
            "report-subtitle",
            &[
                ("round", Arg::Str(&input.round)),
                ("named", named(input.show_names)),
            ],
        ),
        input.show_names,
    );
    let b = &mut d.blocks;

    // 1 Sammendrag og veien videre.
    b.push(Block::Heading {
        level: 1,
        text: t.get("report-ch-summary"),
    });
    b.push(Block::Para {
        text: t.get("report-summary-intro"),
    });
    b.push(Block::Findings {
        items: summary::findings(f, &t)
            .into_iter()
            .map(|x| (x.number, x.text))
            .collect(),
    });
    b.push(Block::Heading {
        level: 2,
        text: t.get("report-ch-way-forward"),
    });
    b.push(Block::List {
        items: summary::questions(f, &t)
            .into_iter()
            .map(|x| x.text)
            .collect(),
    });
    b.push(Block::PageBreak);

    // 2 The survey.
    b.push(Block::Heading {
        level: 1,
        text: t.get("report-ch-survey"),
    });
    let total_functions: usize = f.functions.iter().map(|r| r.persons).sum();
    b.push(Block::Para {
        text: t.format(
            "report-survey-who",
            &[
                ("people", n(f.people)),
                ("functions", n(total_functions)),
                ("respondents", n(f.respondents)),
                ("rate", Arg::Str(&percent(&t, f.response_rate))),
            ],
        ),
    });
    let mut rows: Vec<Vec<String>> = f
        .functions
        .iter()
        .map(|r| {
            vec![
                function_name(&t, &r.name),
                r.persons.to_string(),
                r.respondents.to_string(),
                if r.persons > 0 {
                    percent(&t, 100.0 * r.respondents as f64 / r.persons as f64)
                } else {
                    "–".into()
                },
            ]
        })
        .collect();
    rows.push(vec![
        t.get("report-total-functions"),
        total_functions.to_string(),
        String::new(),
        String::new(),
    ]);
    rows.push(vec![
        t.get("report-total-persons"),
        f.people.to_string(),
        f.respondents.to_string(),
        percent(&t, f.response_rate),
    ]);
    b.push(Block::Table {
        caption: t.get("report-table-functions"),
        header: vec![
            t.get("report-col-function"),
            t.get("report-col-persons"),
            t.get("report-col-respondents"),
            t.get("report-col-rate"),
        ],
        rows,
    });
    let empty: Vec<String> = f
        .functions
        .iter()
        .filter(|r| r.persons == 0)
        .map(|r| function_name(&t, &r.name))
        .collect();
    if !empty.is_empty() {
        b.push(Block::Para {
            text: t.format(
                "report-survey-empty-functions",
                &[("list", Arg::Str(&empty.join(", ")))],
            ),
        });
    }
    b.push(Block::Note {
        text: t.get("report-survey-several-functions"),
    });

    // 3 The network.
    b.push(Block::PageBreak);
    b.push(Block::Heading {
        level: 1,
        text: t.get("report-ch-network"),
    });
    b.push(Block::Para {
        text: format!(
            "{} {}",
            t.get("report-network-intro"),
            rule_sentence(&t, &input.rules)
        ),
    });
    for (view, net, fig) in [
        ("daily", &f.daily, ids::NETWORK_DAILY),
        ("weekly", &f.weekly, ids::NETWORK_WEEKLY),
    ] {
        b.push(Block::Heading {
            level: 2,
            text: t.get(&format!("report-view-{view}")),
        });
        // The picture after the view's text: it takes a page of its own,
        // and the heading stays with the text.
        network_view(b, &t, f, net, view);
        if let Some(fg) = figure(input, fig) {
            b.push(Block::Figure(fg.clone()));
        }
    }
    b.push(Block::Heading {
        level: 2,
        text: t.get("report-shape-heading"),
    });
    for key in [
        "report-shape-star",
        "report-shape-circle",
        "report-shape-line",
    ] {
        b.push(Block::Para { text: t.get(key) });
    }
    match summary::shape(f, &t) {
        Some(s) => b.push(Block::Para { text: s.text }),
        None if f.weekly.largest >= 2 => b.push(Block::Para {
            text: t.format(
                "report-shape-too-small",
                &[("largest", n(f.weekly.largest))],
            ),
        }),
        None => {}
    }
    b.push(Block::Para {
        text: t.get("report-shape-no-perfect"),
    });
    if let Some(fg) = figure(input, ids::FUNCTION_MATRIX) {
        b.push(Block::Figure(fg.clone()));
    }

    // 4 Political anchoring.
    b.push(Block::PageBreak);
    b.push(Block::Heading {
        level: 1,
        text: t.get("report-ch-political"),
    });
    political(b, &t, input, f);

    // 5 Ratings and open answers.
    b.push(Block::PageBreak);
    b.push(Block::Heading {
        level: 1,
        text: t.get("report-ch-ratings"),
    });
    b.push(Block::Para {
        text: t.get("report-ratings-intro"),
    });
    for (key, s, fig) in [
        ("coordination", &f.coordination, ids::COORDINATION),
        ("meeting-places", &f.meeting_places, ids::MEETING_PLACES),
    ] {
        b.push(Block::Heading {
            level: 2,
            text: t.get(&format!("report-rating-{key}")),
        });
        if let Some(fg) = figure(input, fig) {
            b.push(Block::Figure(fg.clone()));
        }
        match s {
            Some(s) => rating(b, &t, s, key),
            None => b.push(Block::Para {
                text: t.get("report-rating-none"),
            }),
        }
    }
    if f.coordination_forum == Some(false) {
        b.push(Block::Para {
            text: t.get("report-rating-no-forum"),
        });
    }
    open_answers(b, &t, input, f);

    // 6 Method and caveats.
    b.push(Block::PageBreak);
    b.push(Block::Heading {
        level: 1,
        text: t.get("report-ch-method"),
    });
    method(b, &t, input, f);
    for text in &input.method_notes {
        b.push(Block::Note { text: text.clone() });
    }

    // Figures the chapters do not place.
    let extra: Vec<&Figure> = input
        .figures
        .iter()
        .filter(|x| !ids::ALL.contains(&x.id.as_str()))
        .collect();
    if !extra.is_empty() {
        b.push(Block::Heading {
            level: 1,
            text: t.get("report-ch-appendix"),
        });
        for x in extra {
            b.push(Block::Figure(x.clone()));
        }
    }
    d
}

fn reasons(t: &Texts, r: &[BridgeReason]) -> String {
    r.iter()
        .map(|x| {
            t.get(match x {
                BridgeReason::Splits => "report-reason-splits",
                BridgeReason::Lengthens => "report-reason-lengthens",
                BridgeReason::Carries => "report-reason-carries",
            })
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn network_view(b: &mut Vec<Block>, t: &Texts, f: &Facts, net: &NetFacts, view: &str) {
    let rows = vec![
        vec![t.get("report-m-people"), net.people.to_string()],
        vec![t.get("report-m-ties"), net.ties.to_string()],
        vec![t.get("report-m-density"), t.number(net.density, 2)],
        vec![t.get("report-m-parts"), net.parts.len().to_string()],
        vec![
            t.get("report-m-largest"),
            format!(
                "{} ({})",
                net.largest,
                percent(t, 100.0 * net.integration())
            ),
        ],
        vec![t.get("report-m-isolates"), net.isolates.len().to_string()],
        vec![t.get("report-m-diameter"), num(t, net.diameter, 0)],
        vec![t.get("report-m-distance"), num(t, net.average_distance, 1)],
        vec![t.get("report-m-clusters"), net.clusters.len().to_string()],
        vec![t.get("report-m-builders"), net.builders.len().to_string()],
        vec![t.get("report-m-star"), num(t, net.star, 2)],
        vec![t.get("report-m-line"), num(t, net.line, 2)],
    ];
    b.push(Block::Table {
        caption: t.get(&format!("report-table-measures-{view}")),
        header: vec![t.get("report-col-measure"), t.get("report-col-value")],
        rows,
    });
    if net.parts.len() >= 2 {
        b.push(Block::Para {
            text: t.format("report-parts-intro", &[("count", n(net.parts.len()))]),
        });
        b.push(Block::List {
            items: net
                .parts
                .iter()
                .map(|p| {
                    t.format(
                        "report-cluster-item",
                        &[
                            ("name", Arg::Str(&p.name)),
                            ("count", n(p.members.len())),
                            ("list", Arg::Str(&f.list(&p.members))),
                        ],
                    )
                })
                .collect(),
        });
    }
    if net.clusters.is_empty() {
        let unstable = net.unstable_groups.len();
        b.push(Block::Para {
            text: if unstable > 0 {
                t.format("report-clusters-unstable", &[("count", n(unstable))])
            } else {
                t.get("report-clusters-none")
            },
        });
    } else {
        b.push(Block::Para {
            text: t.format("report-clusters-intro", &[("count", n(net.clusters.len()))]),
        });
        b.push(Block::List {
            items: net
                .clusters
                .iter()
                .map(|c| {
                    t.format(
                        "report-cluster-item",
                        &[
                            ("name", Arg::Str(&c.name)),
                            ("count", n(c.members.len())),
                            ("list", Arg::Str(&f.list(&c.members))),
                        ],
                    )
                })
                .collect(),
        });
        if !net.unstable_groups.is_empty() {
            b.push(Block::Note {
                text: t.format(
                    "report-clusters-also-unstable",
                    &[("count", n(net.unstable_groups.len()))],
                ),
            });
        }
    }
    if net.builders.is_empty() {
        b.push(Block::Para {
            text: t.get("report-builders-none"),
        });
    } else {
        b.push(Block::Table {
            caption: t.get(&format!("report-table-builders-{view}")),
            header: vec![t.get("report-col-person"), t.get("report-col-why")],
            rows: net
                .builders
                .iter()
                .map(|x| {
                    let mut name = f.names.get(x.person).cloned().unwrap_or_default();
                    if !f.responded.get(x.person).copied().unwrap_or(true) {
                        name.push_str(" *");
                    }
                    vec![name, reasons(t, &x.reasons)]
                })
                .collect(),
        });
    }
    for c in &net.chains {
        let list = f.list(&c.people);
        b.push(Block::Para {
            text: match (&c.from, &c.to) {
                (Some(a), Some(z)) if a != z => t.format(
                    "report-sum-chain-between",
                    &[
                        ("from", Arg::Str(a)),
                        ("to", Arg::Str(z)),
                        ("people", n(c.people.len())),
                        ("list", Arg::Str(&list)),
                    ],
                ),
                _ => t.format(
                    "report-sum-chain",
                    &[("people", n(c.people.len())), ("list", Arg::Str(&list))],
                ),
            },
        });
    }
    if !net.isolates.is_empty() {
        b.push(Block::Para {
            text: t.format(
                &format!("report-isolates-{view}"),
                &[
                    ("count", n(net.isolates.len())),
                    ("list", Arg::Str(&f.list(&net.isolates))),
                ],
            ),
        });
    }
}

fn political(b: &mut Vec<Block>, t: &Texts, input: &Input, f: &Facts) {
    let p = &f.political;
    if p.bodies.is_empty() {
        b.push(Block::Para {
            text: t.get("report-political-none"),
        });
        return;
    }
    b.push(Block::Para {
        text: t.format(
            "report-political-intro",
            &[("bodies", Arg::Str(&p.bodies.join(", ")))],
        ),
    });
    if let Some(fg) = figure(input, ids::POLITICAL) {
        b.push(Block::Figure(fg.clone()));
    }
    let types: Vec<String> = ContactType::ALL
        .iter()
        .map(|c| t.get(&format!("report-contact-{}", c.as_str().replace('_', "-"))))
        .collect();
    let mut header = vec![t.get("report-col-body")];
    header.extend(types.iter().cloned());
    b.push(Block::Table {
        caption: t.get("report-table-political"),
        header,
        rows: p
            .bodies
            .iter()
            .zip(&p.per_body)
            .map(|(body, row)| {
                let mut r = vec![body.clone()];
                r.extend(row.iter().map(|x| x.to_string()));
                r
            })
            .collect(),
    });
    for s in [summary::political(f, t), summary::discussion(f, t)]
        .into_iter()
        .flatten()
    {
        b.push(Block::Para { text: s.text });
    }
    // Who: per person, the bodies and kinds of contact.
    let mut per_person: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (person, body, kinds) in &p.people {
        let k = kinds
            .iter()
            .map(|c| t.get(&format!("report-contact-{}", c.as_str().replace('_', "-"))))
            .collect::<Vec<_>>()
            .join(", ");
        per_person.entry(*person).or_default().push(format!(
            "{}: {k}",
            p.bodies.get(*body).cloned().unwrap_or_default()
        ));
    }
    if !per_person.is_empty() {
        b.push(Block::Table {
            caption: t.get("report-table-political-who"),
            header: vec![t.get("report-col-person"), t.get("report-col-contact")],
            rows: per_person
                .into_iter()
                .map(|(person, list)| {
                    vec![
                        f.names.get(person).cloned().unwrap_or_default(),
                        list.join(" · "),
                    ]
                })
                .collect(),
        });
    }
    b.push(Block::Note {
        text: t.get("report-political-caveat"),
    });
}

fn rating(b: &mut Vec<Block>, t: &Texts, s: &RatingSummary, key: &str) {
    b.push(Block::Para {
        text: t.format(
            "report-rating-mean",
            &[
                ("mean", Arg::Str(&num(t, s.mean, 1))),
                ("n", n(s.n)),
                ("dontknow", n(s.dont_know)),
            ],
        ),
    });
    let mut header = vec![t.get("report-col-answer")];
    let mut counts = vec![t.get("report-col-count")];
    let mut pcts = vec![t.get("report-col-share")];
    for i in 0..6 {
        header.push((i + 1).to_string());
        counts.push(s.counts[i].to_string());
        pcts.push(percent(t, s.percent[i]));
    }
    header.push(t.get("report-dont-know"));
    counts.push(s.dont_know.to_string());
    pcts.push(percent(t, s.dont_know_percent));
    header.push("N".into());
    counts.push(s.n.to_string());
    pcts.push(String::new());
    b.push(Block::Table {
        caption: t.get(&format!("report-table-rating-{key}")),
        header,
        rows: vec![counts, pcts],
    });
}

fn open_answers(b: &mut Vec<Block>, t: &Texts, input: &Input, f: &Facts) {
    if input.open_answers.is_empty() {
        return;
    }
    b.push(Block::Heading {
        level: 2,
        text: t.get("report-open-heading"),
    });
    b.push(Block::Para {
        text: t.get("report-open-intro"),
    });
    if f.open.left_out() > 0 {
        b.push(Block::Para {
            text: t.format("report-open-left-out", &[("count", n(f.open.left_out()))]),
        });
    }
    let questions: Vec<String> = {
        let mut q: Vec<String> = Vec::new();
        for a in input.open_answers.iter().filter(|a| a.reviewed) {
            if !q.contains(&a.question) {
                q.push(a.question.clone());
            }
        }
        q
    };
    for q in questions {
        // Theme → answer text → how many gave it (reviewed answers only).
        let mut themes: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        let mut total = 0;
        for a in input
            .open_answers
            .iter()
            .filter(|a| a.reviewed && a.question == q)
        {
            total += 1;
            let theme = a
                .theme
                .as_deref()
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .unwrap_or("other")
                .to_string();
            *themes
                .entry(theme)
                .or_default()
                .entry(a.text.clone())
                .or_default() += 1;
        }
        let question = t.get(&format!("report-open-q-{q}"));
        let question = if question.starts_with('[') {
            q.clone()
        } else {
            question
        };
        b.push(Block::Heading {
            level: 3,
            text: t.format(
                "report-open-question",
                &[("question", Arg::Str(&question)), ("count", n(total))],
            ),
        });
        let rank = |k: &str| {
            crate::THEMES
                .iter()
                .position(|x| *x == k)
                .unwrap_or(crate::THEMES.len())
        };
        let mut ordered: Vec<(String, BTreeMap<String, usize>)> = themes.into_iter().collect();
        ordered.sort_by(|(a, x), (z, y)| {
            y.values()
                .sum::<usize>()
                .cmp(&x.values().sum::<usize>())
                .then(rank(a).cmp(&rank(z)))
        });
        let items = ordered
            .into_iter()
            .map(|(theme, answers)| {
                let count: usize = answers.values().sum();
                let name = summary::theme_name(t, &theme);
                let mut list: Vec<(String, usize)> = answers.into_iter().collect();
                list.sort_by_key(|(_, k)| std::cmp::Reverse(*k));
                let quotes = list
                    .iter()
                    .map(|(text, k)| {
                        if *k > 1 {
                            format!("«{text}» (×{k})")
                        } else {
                            format!("«{text}»")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                t.format(
                    "report-open-theme",
                    &[
                        ("theme", Arg::Str(&name)),
                        ("count", n(count)),
                        ("quotes", Arg::Str(&quotes)),
                    ],
                )
            })
            .collect();
        b.push(Block::List { items });
    }
}

fn method(b: &mut Vec<Block>, t: &Texts, input: &Input, f: &Facts) {
    let tc = &f.weekly.tie_counts;
    let counted = tc.confirmed + tc.one_sided + tc.reconstructed;
    let confirmed = if counted > 0 {
        100.0 * tc.confirmed as f64 / counted as f64
    } else {
        0.0
    };
    let missing = f.people - f.respondents;
    b.push(Block::Para {
        text: format!(
            "{} {}",
            t.get("report-method-rule"),
            rule_sentence(t, &input.rules)
        ),
    });
    b.push(Block::Para {
        text: t.get("report-method-threshold"),
    });
    b.push(Block::Para {
        text: t.format(
            "report-method-ties",
            &[
                ("ties", n(counted)),
                ("confirmed", n(tc.confirmed)),
                ("share", Arg::Str(&percent(t, confirmed))),
                ("onesided", n(tc.one_sided)),
                ("reconstructed", n(tc.reconstructed)),
            ],
        ),
    });
    b.push(Block::Para {
        text: t.format(
            if input.rules.reconstruct {
                "report-method-nonresp"
            } else {
                "report-method-nonresp-drop"
            },
            &[("missing", n(missing))],
        ),
    });
    // With and without reconstruction, whichever the rules chose.
    let (with, without) = if input.rules.reconstruct {
        (&f.weekly, &f.weekly_alt)
    } else {
        (&f.weekly_alt, &f.weekly)
    };
    let row = |label: &str, a: String, z: String| vec![t.get(label), a, z];
    b.push(Block::Table {
        caption: t.get("report-table-reconstruction"),
        header: vec![
            t.get("report-col-measure"),
            t.get("report-col-with"),
            t.get("report-col-without"),
        ],
        rows: vec![
            row(
                "report-m-people",
                with.people.to_string(),
                without.people.to_string(),
            ),
            row(
                "report-m-ties",
                with.ties.to_string(),
                without.ties.to_string(),
            ),
            row(
                "report-m-parts",
                with.parts.len().to_string(),
                without.parts.len().to_string(),
            ),
            row(
                "report-m-largest",
                with.largest.to_string(),
                without.largest.to_string(),
            ),
            row(
                "report-m-isolates",
                with.isolates.len().to_string(),
                without.isolates.len().to_string(),
            ),
            row(
                "report-m-diameter",
                num(t, with.diameter, 0),
                num(t, without.diameter, 0),
            ),
            row(
                "report-m-clusters",
                with.clusters.len().to_string(),
                without.clusters.len().to_string(),
            ),
            row(
                "report-m-builders",
                with.builders.len().to_string(),
                without.builders.len().to_string(),
            ),
        ],
    });
    for s in [
        summary::reconstruction(f, t),
        summary::non_respondents(f, t),
    ]
    .into_iter()
    .flatten()
    {
        b.push(Block::Para { text: s.text });
    }
    // Respondents who are bridge builders only with reconstruction, and
    // those who are bridge builders only without it.
    let ids_with: Vec<usize> = with.builders.iter().map(|x| x.person).collect();
    let ids_without: Vec<usize> = without.builders.iter().map(|x| x.person).collect();
    let lost: Vec<usize> = ids_with
        .iter()
        .copied()
        .filter(|p| !ids_without.contains(p) && f.responded.get(*p).copied().unwrap_or(true))
        .collect();
    let gained: Vec<usize> = ids_without
        .iter()
        .copied()
        .filter(|p| !ids_with.contains(p))
        .collect();
    if missing > 0 {
        let key = match (lost.is_empty(), gained.is_empty()) {
            (true, true) => "report-method-builders-same",
            (false, true) => "report-method-builders-lost",
            (true, false) => "report-method-builders-gained",
            (false, false) => "report-method-builders-change",
        };
        b.push(Block::Para {
            text: t.format(
                key,
                &[
                    ("lost", n(lost.len())),
                    ("lostlist", Arg::Str(&f.list(&lost))),
                    ("gained", n(gained.len())),
                    ("gainedlist", Arg::Str(&f.list(&gained))),
                ],
            ),
        });
    }
    b.push(Block::Note {
        text: t.get("report-method-builders-rules"),
    });
    b.push(Block::Note {
        text: t.format(
            "report-method-clusters",
            &[
                ("min", n(crate::facts::MIN_CLUSTER)),
                (
                    "stable",
                    Arg::Str(&t.number(crate::facts::STABLE_CLUSTER, 1)),
                ),
            ],
        ),
    });
    b.push(Block::Note {
        text: t.get("report-method-conventions"),
    });
    b.push(Block::Note {
        text: t.get(if input.show_names {
            "report-method-names"
        } else {
            "report-method-pseudonyms"
        }),
    });
}
