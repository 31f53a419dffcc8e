//! Geometry, determinism and validity of the pictures (no golden images).

use samspill_draw::{
    NetworkOptions, Picture, function_matrix, people_network, political, ratings, two_waves,
};
use samspill_engine::model::{Network, Person, Relation, Tie};
use samspill_engine::survey::{ContactType, PoliticalContacts, RatingAnswers};
use samspill_engine::{AnalysisOptions, BuildOptions, analyze, build};
use samspill_i18n::{Lang, Texts};

const FUNCTIONS: [&str; 6] = [
    "tildeling",
    "tjenester_i_bolig",
    "okonomiske_virkemidler",
    "utbygging",
    "politisk_folkevalgt",
    "Rus og psykiatri",
];

/// A made-up municipality: `n` people over six functions (one of them the
/// municipality's own), two sides joined by a chain, two non-respondents,
/// one isolated person, reports of strength 1–3. `drop` removes some ties
/// (a second wave).
fn municipality(n: usize, drop: usize) -> Network {
    let mut people = Vec::new();
    for i in 0..n {
        let mut p = Person::new(format!("p{i:02}"), format!("Person {i}"));
        p.functions = vec![FUNCTIONS[i % FUNCTIONS.len()].to_string()];
        p.responded = i % 11 != 5;
        people.push(p);
    }
    let mut ties = Vec::new();
    let mut k = 0usize;
    // a and b are person numbers in the tie rule as well as indices.
    #[allow(clippy::needless_range_loop)]
    for a in 0..n - 1 {
        for b in 0..n - 1 {
            if a == b || !people[a].responded {
                continue;
            }
            let same_fn = a % FUNCTIONS.len() == b % FUNCTIONS.len();
            let same_side = (a < n / 2) == (b < n / 2);
            let h = (a * 31 + b * 17 + 7) % 23;
            let tie = if same_fn {
                h < 9
            } else if same_side {
                h < 3
            } else {
                h == 0 && a % 7 == 0
            };
            if tie {
                k += 1;
                if drop > 0 && k.is_multiple_of(drop) {
                    continue;
                }
                ties.push(Tie::arc(a, b, (1 + (a + b) % 3) as f64));
            }
        }
    }
    Network {
        name: "Testkommune".into(),
        people,
        relations: vec![Relation {
            name: "contact".into(),
            ties,
        }],
        ..Network::default()
    }
}

fn draw(net: &Network, lang: Lang) -> Picture {
    let an = build(
        net,
        &BuildOptions {
            threshold: samspill_engine::Threshold::All,
            ..BuildOptions::survey()
        },
    )
    .unwrap();
    let res = analyze(net, &an, &AnalysisOptions::default());
    people_network(
        net,
        &an,
        &res,
        &NetworkOptions::default(),
        &Texts::new(lang),
    )
    .unwrap()
}

fn assert_valid_svg(svg: &str) {
    let tree =
        resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).expect("valid SVG");
    assert!(tree.size().width() > 100.0);
    assert!(
        !svg.contains("[draw-"),
        "a text key is missing: {}",
        &svg[svg.find("[draw-").unwrap()..][..40]
    );
}

#[test]
fn nodes_do_not_overlap_and_stay_inside_the_canvas() {
    for n in [25, 36, 45] {
        let pic = draw(&municipality(n, 0), Lang::Nb);
        let p = &pic.positions;
        assert_eq!(p.nodes.len(), n);
        for (i, a) in p.nodes.iter().enumerate() {
            assert!(a.x - a.r >= 0.0 && a.y - a.r >= 0.0, "{} outside", a.id);
            assert!(
                a.x + a.r <= p.width && a.y + a.r <= p.height,
                "{} outside",
                a.id
            );
            let b = a.label_box;
            assert!(b.x0 >= 0.0 && b.y0 >= 0.0 && b.x1 <= p.width && b.y1 <= p.height);
            for c in &p.nodes[i + 1..] {
                let d = ((a.x - c.x).powi(2) + (a.y - c.y).powi(2)).sqrt();
                assert!(d >= a.r + c.r, "{} and {} overlap", a.id, c.id);
            }
        }
        assert_eq!(pic.quality.node_overlaps, 0);
    }
}

#[test]
fn labels_overlap_neither_labels_nor_nodes() {
    for n in [25, 36, 45] {
        let pic = draw(&municipality(n, 0), Lang::Nb);
        assert_eq!(pic.quality.label_overlaps, 0, "n = {n}");
        assert_eq!(pic.quality.label_node_overlaps, 0, "n = {n}");
        let p = &pic.positions;
        for (i, a) in p.nodes.iter().enumerate() {
            for c in &p.nodes[i + 1..] {
                assert!(
                    !a.label_box.overlaps(&c.label_box),
                    "{} / {}",
                    a.label,
                    c.label
                );
            }
        }
    }
}

#[test]
fn each_hull_contains_its_members() {
    let pic = draw(&municipality(40, 0), Lang::En);
    assert!(!pic.positions.hulls.is_empty());
    for h in &pic.positions.hulls {
        for &v in &h.members {
            let n = &pic.positions.nodes[v];
            let d = samspill_draw::geometry::distance_to_polygon(
                samspill_draw::geometry::P::new(n.x, n.y),
                &h.polygon,
            );
            assert!(
                d + n.r <= h.pad + 1e-9,
                "member {} outside hull {}",
                n.id,
                h.community
            );
        }
    }
}

#[test]
fn legend_lists_exactly_the_functions_present() {
    let net = municipality(30, 0);
    let pic = draw(&net, Lang::Nb);
    let mut present: Vec<String> = net
        .people
        .iter()
        .map(|p| {
            let f = p.primary_function().unwrap();
            samspill_draw::function_key(f)
                .map(str::to_string)
                .unwrap_or_else(|| f.to_string())
        })
        .collect();
    present.sort();
    present.dedup();
    let mut legend = pic.legend_functions.clone();
    legend.sort();
    assert_eq!(legend, present);
    // And the SVG's legend entries say the same.
    let mut in_svg: Vec<String> = pic
        .svg
        .split("class=\"legend-function\" data-function=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect();
    in_svg.sort();
    assert_eq!(in_svg, present);
    // Standard functions come before the municipality's own.
    assert_eq!(
        pic.legend_functions.last().map(String::as_str),
        Some("Rus og psykiatri")
    );
}

#[test]
fn same_input_same_bytes() {
    let net = municipality(45, 0);
    let a = draw(&net, Lang::Nb);
    let b = draw(&net, Lang::Nb);
    assert_eq!(a.svg, b.svg);
    assert_eq!(a.alt_text, b.alt_text);
    let png_a = samspill_draw::png(&a.svg, 96.0).unwrap();
    let png_b = samspill_draw::png(&b.svg, 96.0).unwrap();
    assert_eq!(png_a, png_b);
}

#[test]
fn svg_parses_in_every_language_and_text_alternative_states_the_numbers() {
    let net = municipality(30, 0);
    for lang in Lang::ALL {
        let pic = draw(&net, lang);
        assert_valid_svg(&pic.svg);
        let n = pic.positions.nodes.len();
        let edges = pic.positions.edges.len();
        assert!(
            pic.alt_text.contains(&format!("{n} ")),
            "{lang:?}: {}",
            pic.alt_text
        );
        assert!(
            pic.alt_text.contains(&format!("{edges} ")),
            "{lang:?}: {}",
            pic.alt_text
        );
        assert!(pic.svg.contains("<desc id=\"desc\">"));
        assert_eq!(pic.table.rows.len(), n);
        assert!(
            pic.table
                .rows
                .iter()
                .all(|r| r.len() == pic.table.header.len())
        );
    }
}

#[test]
fn non_respondents_are_hollow_and_names_only_when_allowed() {
    let net = municipality(30, 0);
    let pic = draw(&net, Lang::Nb);
    let hollow = pic.svg.matches("class=\"node nonrespondent\"").count();
    assert_eq!(hollow, net.people.iter().filter(|p| !p.responded).count());
    assert!(
        !pic.svg.contains("Person 3"),
        "names shown without permission"
    );
    assert!(pic.positions.nodes.iter().any(|p| p.label == "Tildeling 1"));
}

#[test]
fn waves_keep_positions_and_mark_changes() {
    let a_net = municipality(30, 0);
    let b_net = municipality(30, 4);
    let opts = BuildOptions {
        threshold: samspill_engine::Threshold::All,
        ..BuildOptions::survey()
    };
    let a = build(&a_net, &opts).unwrap();
    let b = build(&b_net, &opts).unwrap();
    let ra = analyze(&a_net, &a, &AnalysisOptions::default());
    let rb = analyze(&b_net, &b, &AnalysisOptions::default());
    let t = Texts::new(Lang::Nb);
    let pic = two_waves(
        (&a_net, &a, &ra),
        (&b_net, &b, &rb),
        &NetworkOptions::default(),
        &t,
    )
    .unwrap();
    assert_valid_svg(&pic.svg);
    // Each person is drawn once per panel, at the same place up to the
    // panel's horizontal offset.
    let mut seen: std::collections::BTreeMap<String, Vec<(f64, f64)>> = Default::default();
    for part in pic.svg.split("data-id=\"").skip(1) {
        let id = part[..part.find('"').unwrap()].to_string();
        let num = |key: &str| -> f64 {
            let s = &part[part.find(key).unwrap() + key.len()..];
            s[..s.find('"').unwrap()].parse().unwrap()
        };
        seen.entry(id)
            .or_default()
            .push((num("cx=\""), num("cy=\"")));
    }
    let offsets: Vec<f64> = seen
        .values()
        .filter(|v| v.len() == 2)
        .map(|v| v[1].0 - v[0].0)
        .collect();
    assert_eq!(offsets.len(), 30);
    assert!(offsets.iter().all(|o| (o - offsets[0]).abs() < 0.011));
    assert!(
        seen.values()
            .all(|v| v.len() != 2 || (v[0].1 - v[1].1).abs() < 0.011)
    );
    let cmp = samspill_engine::waves::compare((&a, &ra), (&b, &rb));
    assert!(!cmp.ties_lost.is_empty());
    assert_eq!(
        pic.svg.matches("stroke-dasharray=\"5 4\"").count(),
        cmp.ties_lost.len() + 1
    );
    assert_eq!(
        pic.table.rows.len(),
        cmp.ties_gained.len() + cmp.ties_lost.len()
    );
    assert!(
        pic.alt_text
            .contains(&format!("{} kontakter falt bort", cmp.ties_lost.len()))
    );
}

#[test]
fn charts_are_valid_and_their_texts_do_not_collide() {
    let net = municipality(36, 0);
    let an = build(&net, &BuildOptions::survey()).unwrap();
    let res = analyze(&net, &an, &AnalysisOptions::default());
    let t = Texts::new(Lang::Nb);
    let m = function_matrix(&res, None, &t).unwrap();
    assert_valid_svg(&m.svg);
    assert_eq!(m.quality.label_overlaps, 0);
    assert_eq!(m.table.rows.len(), FUNCTIONS.len());

    let answers = |v: &[Option<u8>]| {
        RatingAnswers {
            question: "coordination".into(),
            answers: v.to_vec(),
        }
        .summary()
    };
    let rows = vec![
        (
            "Kvitfjord".to_string(),
            answers(&[Some(4), Some(5), None, Some(3), Some(4), Some(6), None]),
        ),
        (
            "Brattvik".to_string(),
            answers(&[Some(2), Some(3), Some(3), Some(4), None]),
        ),
        ("Fjellstad".to_string(), answers(&[None, None])),
    ];
    let r = ratings("Hvor godt fungerer samordningen?", &rows, &t).unwrap();
    assert_valid_svg(&r.svg);
    assert_eq!(r.quality.label_overlaps, 0);
    assert!(r.alt_text.contains("N = 7"), "{}", r.alt_text);
    assert!(r.svg.matches("class=\"dont-know\"").count() == 3);

    let contacts = PoliticalContacts {
        bodies: vec![
            "Ordfører".into(),
            "Formannskap".into(),
            "Kommunestyre".into(),
            "Helse- og sosialutvalget".into(),
        ],
        contacts: vec![
            (0, 0, ContactType::GivesInformation),
            (0, 1, ContactType::ReceivesInformation),
            (4, 3, ContactType::ProfessionalDiscussion),
            (4, 3, ContactType::PoliticalDiscussion),
            (10, 2, ContactType::GivesInformation),
        ],
    };
    let p = political(&net, &contacts, &NetworkOptions::default(), &t).unwrap();
    assert_valid_svg(&p.svg);
    assert_eq!(p.quality.label_overlaps, 0);
    // Only respondents were asked: they are the denominator.
    let respondents = net.people.iter().filter(|p| p.responded).count();
    assert!(respondents < net.people.len());
    assert!(
        p.alt_text
            .contains(&format!("3 av {respondents} som svarte")),
        "{}",
        p.alt_text
    );
    assert_eq!(p.table.rows.len(), 4);
    let bad = PoliticalContacts {
        bodies: vec!["Ordfører".into()],
        contacts: vec![(99, 0, ContactType::GivesInformation)],
    };
    assert!(political(&net, &bad, &NetworkOptions::default(), &t).is_err());
}

#[test]
fn made_up_numbers_are_never_shown_beside_a_real_municipality() {
    // The five municipalities of the 2015 study: their names may appear in
    // documentation about the study, never beside invented data.
    let sources = [
        include_str!("../examples/docs_pictures.rs"),
        include_str!("pictures.rs"),
    ];
    // Written in two halves so that this file does not name them itself.
    let real = [
        ("Ørl", "and"),
        ("Vol", "da"),
        ("Ris", "sa"),
        ("Opp", "dal"),
        ("Nær", "øy"),
    ]
    .map(|(a, b)| format!("\"{a}{b}\""));
    for src in sources {
        for name in &real {
            assert!(!src.contains(name.as_str()), "a real municipality: {name}");
        }
    }
}

#[test]
fn no_label_covers_another_label_a_node_or_an_edge_end() {
    use samspill_draw::{LegendPlacement, ViewOptions, people_network_with};
    let t = Texts::new(Lang::Nb);
    for (n, drop) in [(12, 0), (24, 3), (36, 0), (45, 0)] {
        let net = municipality(n, drop);
        for threshold in [
            samspill_engine::Threshold::All,
            samspill_engine::Threshold::WEEKLY,
        ] {
            let an = build(
                &net,
                &BuildOptions {
                    threshold,
                    ..BuildOptions::survey()
                },
            )
            .unwrap();
            let res = analyze(&net, &an, &AnalysisOptions::default());
            for legend in [LegendPlacement::Right, LegendPlacement::Below] {
                let view = ViewOptions {
                    legend,
                    ..ViewOptions::default()
                };
                let p = people_network_with(&net, &an, &res, &NetworkOptions::default(), &view, &t)
                    .unwrap();
                let q = &p.quality;
                assert_eq!(
                    (
                        q.node_overlaps,
                        q.label_overlaps,
                        q.label_node_overlaps,
                        q.label_edge_end_overlaps
                    ),
                    (0, 0, 0, 0),
                    "{n} people, {threshold:?}, {legend:?}"
                );
            }
        }
    }
}

#[test]
fn the_legend_goes_where_the_picture_prints_larger_and_bare_pictures_have_no_title() {
    use samspill_draw::{LegendPlacement, ViewOptions, people_network_with};
    let t = Texts::new(Lang::Nb);
    let net = municipality(36, 0);
    let an = build(&net, &BuildOptions::survey()).unwrap();
    let res = analyze(&net, &an, &AnalysisOptions::default());
    let size = |legend, bare| {
        let view = ViewOptions {
            legend,
            bare,
            ..ViewOptions::default()
        };
        let p =
            people_network_with(&net, &an, &res, &NetworkOptions::default(), &view, &t).unwrap();
        (p.positions.width, p.positions.height, p.svg)
    };
    let (rw, rh, _) = size(LegendPlacement::Right, true);
    let (bw, bh, _) = size(LegendPlacement::Below, true);
    // Below is taller and narrower than at the right.
    assert!(bh > rh && bw < rw, "{rw}×{rh} vs {bw}×{bh}");
    let fit = |boxes| {
        let (w, h, _) = size(LegendPlacement::Fit(boxes), true);
        (w, h)
    };
    // A tall box takes the legend below, a wide one at the right.
    assert_eq!(fit([(bw, 10.0 * bh), (bw, 10.0 * bh)]), (bw, bh));
    assert_eq!(fit([(rw, rh), (rw, rh)]), (rw, rh));
    // Bare: neither the title nor the caption is drawn.
    let (_, _, svg) = size(LegendPlacement::Right, true);
    let (_, full_h, full) = size(LegendPlacement::Right, false);
    let title = t.format(
        "draw-network-title",
        &[("name", samspill_i18n::Arg::Str("Testkommune"))],
    );
    // (The SVG's `<title>` names the picture either way; the drawn title
    // is a text run.)
    let drawn = format!("data-text=\"{title}\"");
    assert!(full.contains(&drawn) && !svg.contains(&drawn));
    assert!(full_h > rh);
}
