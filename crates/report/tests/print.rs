//! Pictures legible on paper (issue 13): every network view on a page of
//! its own, turned when it prints larger that way; every text of every
//! figure, labels and legends included, at 8 pt or more at printed size;
//! no label over another label, another node or the end of an edge.
//!
//! Printed sizes are measured in the PDF itself: each run of text's font
//! size times its text matrix times the current transformation matrix,
//! which carries the scale typst placed the picture at (tests/support/pdf.rs).

mod support;

use samspill_draw::{LegendPlacement, ViewOptions};
use samspill_engine::analysis::{AnalysisOptions, analyze};
use samspill_engine::build::{Threshold, build};
use samspill_i18n::{Lang, Texts};
use samspill_report::facts::build_options;
use samspill_report::figures::{self, ids};
use samspill_report::pdf::{PT_PER_PX, best_page};
use samspill_report::{Input, municipality_report};
use samspill_synth::demo_programme;
use support::pdf::printed;

/// The pictures' own font (samspill-draw), as typst embeds it.
const PICTURE_FONT: &str = "DejaVuSansCondensed";
/// The smallest text a report may print, pt.
const MIN_PT: f64 = 8.0;

#[test]
fn every_text_of_every_figure_prints_at_8_pt_or_more_and_network_views_get_their_page() {
    for m in demo_programme() {
        let mut input = Input::from_synth(&m, Some(Lang::Nb));
        input.figures = figures::for_municipality(&input).unwrap();
        let r = municipality_report(&input).unwrap();
        let p = printed(&r.pdf);
        let name = m.name();
        // Every run of text, in the pictures and around them.
        let smallest = p.runs.iter().map(|r| r.size).fold(f64::INFINITY, f64::min);
        assert!(
            smallest >= MIN_PT,
            "{name}: text printed at {smallest:.2} pt"
        );
        // The pictures' text is there (as text, in the pictures' font), and
        // its smallest size is the smallest picture text (11 px) at the
        // smallest scale a picture was placed at.
        let picture_runs: Vec<f64> = p
            .runs
            .iter()
            .filter(|r| r.font == PICTURE_FONT)
            .map(|r| r.size)
            .collect();
        assert!(picture_runs.len() > 100, "{name}: the pictures' text");
        let label = picture_runs.iter().copied().fold(f64::INFINITY, f64::min);
        let scale = label / (11.0 * PT_PER_PX);
        assert!(
            label >= MIN_PT,
            "{name}: labels print at {label:.2} pt (picture scale {scale:.3})"
        );
        // Each network view on a page of its own, landscape exactly when
        // it prints larger that way.
        let networks: Vec<&samspill_report::Figure> = input
            .figures
            .iter()
            .filter(|f| f.id == ids::NETWORK_DAILY || f.id == ids::NETWORK_WEEKLY)
            .collect();
        assert_eq!(networks.len(), 2, "{name}");
        let landscape_wanted = networks
            .iter()
            .filter(|f| {
                let (w, h) = (
                    figures::svg_width(&f.svg).unwrap(),
                    figures::svg_height(&f.svg).unwrap(),
                );
                best_page(w, h).0
            })
            .count();
        let landscape_pages = p.pages.iter().filter(|(w, h)| w > h).count();
        assert_eq!(landscape_pages, landscape_wanted, "{name}: landscape pages");
        for (w, h) in &p.pages {
            let (w, h) = (w.min(*h), w.max(*h));
            assert!(
                (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
                "{name}: A4"
            );
        }
    }
}

#[test]
fn no_label_covers_another_label_a_node_or_an_edge_end() {
    for m in demo_programme() {
        for lang in [Lang::Nb, Lang::En] {
            let input = Input::from_synth(&m, Some(lang));
            let t = Texts::new(lang);
            for threshold in [Threshold::DAILY, Threshold::WEEKLY] {
                let an = build(&m.network, &build_options(&input.rules, threshold, true)).unwrap();
                let res = analyze(&m.network, &an, &AnalysisOptions::default());
                for legend in [LegendPlacement::Right, LegendPlacement::Below] {
                    let view = ViewOptions {
                        pseudonyms: Some(input.pseudonym_map()),
                        legend,
                        bare: true,
                    };
                    let p = samspill_draw::people_network_with(
                        &m.network,
                        &an,
                        &res,
                        &Default::default(),
                        &view,
                        &t,
                    )
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
                        "{} {threshold:?} {legend:?} {}",
                        m.name(),
                        lang.code()
                    );
                }
            }
        }
    }
}
