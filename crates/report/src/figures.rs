//! Figures as data: the caller draws them (samspill-draw), the report
//! places them. Every figure carries its text alternative and a table view,
//! so that it reads without the picture too.

use serde::Serialize;

/// One drawn figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Stable id; the municipality report places the ids of [`ids`] in
    /// their chapters and any other id in an appendix.
    pub id: String,
    /// Caption (already in the report's language).
    pub caption: String,
    /// The picture as a standalone SVG document (text as glyph paths, for
    /// HTML).
    pub svg: String,
    /// The same picture with its text as `<text>` in samspill-draw's
    /// embedded font, which the PDF gives typst (empty: use `svg`).
    #[serde(skip)]
    pub svg_text: String,
    /// Text alternative: what the picture shows, in numbers.
    pub alt_text: String,
    /// Table view: the first row is the header.
    pub table: Vec<Vec<String>>,
    /// The numbers the picture's caption and text alternative state, by
    /// message argument (samspill-draw's `Picture::stated`).
    #[serde(skip)]
    pub stated: Vec<(String, f64)>,
}

/// Where in `facts.json` the fact behind a number a figure states lives
/// (`None`: the number is the figure's own, such as a count of markers).
/// The report's tests check every figure's numbers through this map.
pub fn stated_path(figure: &str, arg: &str) -> Option<String> {
    let view = match figure {
        ids::NETWORK_DAILY => "daily",
        ids::NETWORK_WEEKLY => "weekly",
        ids::POLITICAL => {
            return match arg {
                "k" => Some("political.with_contact".into()),
                "n" => Some("respondents".into()),
                "bodies" => Some("political.bodies_count".into()),
                _ => None,
            };
        }
        ids::FUNCTION_MATRIX => {
            return match arg {
                "ties" => Some("weekly.ties".into()),
                _ => None,
            };
        }
        ids::COORDINATION => {
            return (arg == "n").then(|| "coordination.n".into());
        }
        ids::MEETING_PLACES => {
            return (arg == "n").then(|| "meeting_places.n".into());
        }
        _ => return None,
    };
    let field = match arg {
        "n" => "people",
        "edges" => "ties",
        "communities" => "clusters_count",
        "bridges" => "builders_count",
        "isolates" => "isolates_count",
        "nonrespondents" => "non_respondents",
        _ => return None,
    };
    Some(format!("{view}.{field}"))
}

/// The width of an SVG document in px (its root `width` attribute).
pub fn svg_width(svg: &str) -> Option<f64> {
    let root = &svg[svg.find("<svg")?..];
    let root = &root[..root.find('>')?];
    let at = root.find(" width=\"")? + 8;
    let rest = &root[at..];
    rest[..rest.find('"')?].trim_end_matches("px").parse().ok()
}

/// The height of an SVG document in px.
pub fn svg_height(svg: &str) -> Option<f64> {
    let root = &svg[svg.find("<svg")?..];
    let root = &root[..root.find('>')?];
    let at = root.find(" height=\"")? + 9;
    let rest = &root[at..];
    rest[..rest.find('"')?].trim_end_matches("px").parse().ok()
}

/// Relative widths that draw figures side by side at one scale: each
/// figure's width as a share of the widest.
pub fn same_scale(figures: &[Figure]) -> Vec<f64> {
    let w: Vec<Option<f64>> = figures.iter().map(|f| svg_width(&f.svg)).collect();
    let max = w.iter().flatten().copied().fold(0.0, f64::max);
    w.iter()
        .map(|x| match x {
            Some(x) if max > 0.0 => (x / max).clamp(0.05, 1.0),
            _ => 1.0,
        })
        .collect()
}

/// The figure ids the municipality report knows where to put.
pub mod ids {
    /// The network at daily contact.
    pub const NETWORK_DAILY: &str = "network-daily";
    /// The network at daily and weekly contact.
    pub const NETWORK_WEEKLY: &str = "network-weekly";
    /// People × political bodies by contact type.
    pub const POLITICAL: &str = "political";
    /// The function × function contact matrix.
    pub const FUNCTION_MATRIX: &str = "function-matrix";
    /// Distribution of the coordination rating.
    pub const COORDINATION: &str = "rating-coordination";
    /// Distribution of the meeting-places rating.
    pub const MEETING_PLACES: &str = "rating-meeting-places";
    /// Two rounds side by side.
    pub const WAVES: &str = "waves";
    /// Every id the report places in a chapter.
    pub const ALL: [&str; 7] = [
        WAVES,
        NETWORK_DAILY,
        NETWORK_WEEKLY,
        POLITICAL,
        FUNCTION_MATRIX,
        COORDINATION,
        MEETING_PLACES,
    ];
}

use samspill_draw::{LegendPlacement, NetworkOptions, Picture, ViewOptions};
use samspill_engine::analysis::{AnalysisOptions, analyze};
use samspill_engine::build::{Threshold, build};
use samspill_i18n::{Arg, Texts};

use crate::facts::build_options;

use crate::{Input, ReportError};

/// A drawn picture as a report figure.
fn figure(id: &str, caption: String, p: Picture) -> Figure {
    let mut table = vec![p.table.header];
    table.extend(p.table.rows);
    Figure {
        id: id.into(),
        caption,
        svg: p.svg,
        svg_text: p.svg_text,
        alt_text: p.alt_text,
        table,
        stated: p.stated,
    }
}

/// Draws every figure of the municipality report with samspill-draw: the
/// network at daily and at daily + weekly contact, the political two-mode
/// figure, the function × function heat map and the two rating
/// distributions. They follow the input's rules and pseudonyms, so that
/// picture, table and text agree. A picture that cannot be drawn (e.g. no
/// political bodies asked about) is left out; the chapter's tables still
/// say it in numbers.
///
/// A network picture gets its legend at the right or below, whichever
/// prints larger on an A4 page ([`crate::pdf::best_page`], drawn once with
/// [`LegendPlacement::Fit`]).
pub fn for_municipality(input: &Input) -> Result<Vec<Figure>, ReportError> {
    let t = Texts::new(input.lang);
    let net = &input.network;
    let opts = NetworkOptions {
        names: input.show_names,
        ..NetworkOptions::default()
    };
    let map = input.pseudonym_map();
    // The report sets each figure's caption and prints its text
    // alternative: the pictures carry neither title nor caption.
    let view = |legend| ViewOptions {
        pseudonyms: Some(map.clone()),
        legend,
        bare: true,
    };
    let mut out = Vec::new();
    let name = Arg::Str(&input.name);
    for (id, threshold, key) in [
        (ids::NETWORK_DAILY, Threshold::DAILY, "report-fig-daily"),
        (ids::NETWORK_WEEKLY, Threshold::WEEKLY, "report-fig-weekly"),
    ] {
        let an = build(
            net,
            &build_options(&input.rules, threshold, input.rules.reconstruct),
        )?;
        let res = analyze(net, &an, &AnalysisOptions::default());
        let o = NetworkOptions {
            title: Some(t.format(key, &[("name", name)])),
            ..opts.clone()
        };
        if let Ok(p) = samspill_draw::people_network_with(net, &an, &res, &o, &view(page_fit()), &t)
        {
            out.push(figure(id, t.format(key, &[("name", name)]), p));
        }
        if threshold == Threshold::WEEKLY {
            let title = t.get("report-fig-matrix");
            if let Ok(p) = samspill_draw::function_matrix(&res, Some(&title), &t) {
                out.push(figure(ids::FUNCTION_MATRIX, title, p));
            }
        }
    }
    if let Ok(p) = samspill_draw::political_with(
        net,
        &input.political,
        &opts,
        &view(LegendPlacement::Right),
        &t,
    ) {
        out.push(figure(ids::POLITICAL, t.get("report-fig-political"), p));
    }
    for (id, answers, key) in [
        (
            ids::COORDINATION,
            &input.coordination,
            "report-rating-coordination",
        ),
        (
            ids::MEETING_PLACES,
            &input.meeting_places,
            "report-rating-meeting-places",
        ),
    ] {
        if answers.answers.is_empty() {
            continue;
        }
        let title = t.get(key);
        let rows = [(input.name.clone(), answers.summary())];
        if let Ok(p) = samspill_draw::ratings(&title, &rows, &t) {
            out.push(figure(id, title, p));
        }
    }
    Ok(out)
}

/// The legend placement that lets a network picture print largest on an
/// A4 page of its own, portrait or landscape (the boxes of
/// [`crate::pdf::best_page`], in px).
fn page_fit() -> LegendPlacement {
    use crate::pdf::{CAPTION_ROOM, LANDSCAPE, PORTRAIT, PT_PER_PX};
    let px = |(w, h): (f64, f64)| (w / PT_PER_PX, (h - CAPTION_ROOM) / PT_PER_PX);
    LegendPlacement::Fit([px(PORTRAIT), px(LANDSCAPE)])
}

/// Draws the cross-municipality figures: the coordination distributions of
/// every municipality with at least `min_group` valued answers in one
/// chart (smaller groups are left out, as in the tables).
pub fn for_programme(inputs: &[Input], lang: samspill_i18n::Lang, min_group: usize) -> Vec<Figure> {
    let t = Texts::new(lang);
    let rows: Vec<(String, samspill_engine::survey::RatingSummary)> = inputs
        .iter()
        .map(|i| (i.name.clone(), i.coordination.summary()))
        .filter(|(_, s)| s.n - s.dont_know >= min_group)
        .collect();
    let title = t.get("report-rating-coordination");
    match samspill_draw::ratings(&title, &rows, &t) {
        Ok(p) if !rows.is_empty() => vec![figure(ids::COORDINATION, title, p)],
        _ => Vec::new(),
    }
}

/// Draws the two rounds side by side over one layout (ties gained and
/// lost marked), for the comparison report, with one pseudonym map for
/// both rounds and both rounds' rules (the later round's).
pub fn for_waves(
    a: &Input,
    b: &Input,
    map: &samspill_draw::Pseudonyms,
) -> Result<Option<Figure>, ReportError> {
    let t = Texts::new(b.lang);
    let opts = build_options(&b.rules, Threshold::WEEKLY, b.rules.reconstruct);
    let an_a = build(&a.network, &opts)?;
    let an_b = build(&b.network, &opts)?;
    let res_a = analyze(&a.network, &an_a, &AnalysisOptions::default());
    let res_b = analyze(&b.network, &an_b, &AnalysisOptions::default());
    let caption = t.format(
        "report-fig-waves",
        &[("from", Arg::Str(&a.round)), ("to", Arg::Str(&b.round))],
    );
    let o = NetworkOptions {
        names: b.show_names,
        title: Some(caption.clone()),
        ..NetworkOptions::default()
    };
    let p = samspill_draw::two_waves_with(
        (&a.network, &an_a, &res_a),
        (&b.network, &an_b, &res_b),
        &o,
        &ViewOptions {
            pseudonyms: Some(map.clone()),
            legend: page_fit(),
            bare: true,
        },
        &t,
    )
    .ok();
    Ok(p.map(|p| figure(ids::WAVES, caption, p)))
}
