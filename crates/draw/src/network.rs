//! The people network at a threshold, and two waves side by side.

use std::collections::BTreeMap;
use std::fmt::Write;

use samspill_engine::build::{Combine, Threshold};
use samspill_engine::{Analysed, Analysis, Network};
use samspill_i18n::{Arg, Texts};

use crate::font::{Anchor, Font};
use crate::geometry::{P, Rect, convex_hull};
use crate::layout::{self, LayoutOptions};
use crate::place::{self, Placement};
use crate::pseudonym::Pseudonyms;
use crate::style::{self, FunctionStyle, INK, INK_SOFT, MARGIN};
use crate::svg::{Svg, num};
use crate::{DrawError, Hull, NodePosition, Picture, Positions, Table, cluster, quality};

/// Node radius, px.
const R: f64 = 8.0;
/// Label size, px.
const LABEL_SIZE: f64 = 11.0;
/// Padding of a community hull beyond the members' centres, px.
const HULL_PAD: f64 = R + 8.0;
/// Colour of ties gained between waves.
const GAINED: &str = "#0072B2";
/// Colour of ties lost between waves.
const LOST: &str = "#D55E00";

/// Options of the node-link pictures.
#[derive(Debug, Clone)]
pub struct NetworkOptions {
    /// Whether the viewer may see names; otherwise labels are function
    /// codes ("Tildeling 2").
    pub names: bool,
    /// Seed of the layout's random starts.
    pub seed: u64,
    /// Title above the picture (`None`: `draw-network-title`, "Contact network – {name}").
    pub title: Option<String>,
}

/// Where the legend of a node-link picture goes.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum LegendPlacement {
    /// Beside the drawing, at the right (wide screens, landscape pages).
    #[default]
    Right,
    /// Under the drawing, in columns (tall pages).
    Below,
    /// At the right or below, whichever lets the picture be shown larger
    /// in one of these boxes (width, height in px, e.g. a portrait and a
    /// landscape page): the picture is scaled uniformly into the box that
    /// takes it largest.
    Fit([(f64, f64); 2]),
}

/// The scale at which a `w` × `h` picture fits the best of `boxes`.
fn fit_scale(boxes: &[(f64, f64); 2], w: f64, h: f64) -> f64 {
    boxes
        .iter()
        .map(|&(bw, bh)| (bw / w).min(bh / h))
        .fold(0.0, f64::max)
}

/// Further options of the node-link and political pictures, kept apart from
/// [`NetworkOptions`] so that code building that struct field by field
/// keeps compiling.
#[derive(Debug, Clone, Default)]
pub struct ViewOptions {
    /// Pseudonyms by stable id (`None`: numbered afresh in roster order,
    /// [`Pseudonyms::extend`] of an empty map). People the map lacks are
    /// numbered after it. The report passes its own map, so picture, table
    /// and text agree.
    pub pseudonyms: Option<Pseudonyms>,
    /// Where the legend goes.
    pub legend: LegendPlacement,
    /// Leave out the title and the caption inside the picture: for a host
    /// (the report) that sets its own caption and prints the text
    /// alternative beside the picture. The text alternative is unchanged.
    pub bare: bool,
}

impl ViewOptions {
    /// The pseudonym map for `net`: the given map extended with anyone it
    /// lacks.
    pub fn pseudonyms_for(&self, net: &Network) -> Pseudonyms {
        self.pseudonyms.clone().unwrap_or_default().extend(net)
    }
}

impl Default for NetworkOptions {
    fn default() -> Self {
        NetworkOptions {
            names: false,
            seed: 2015,
            title: None,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct NodeInfo {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) style: usize,
    responded: bool,
    bridge: bool,
    /// Louvain group (guides the layout's community-aware start).
    community: Option<usize>,
    /// Position in [`cluster::clusters`] order (hulls and the table).
    cluster: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Plain,
    Gained,
    Lost,
}

#[derive(Debug, Clone, Copy)]
struct EdgeInfo {
    u: usize,
    v: usize,
    value: f64,
    mark: Mark,
}

/// Undirected edges `(u < v, largest value)` of an analysed graph, sorted.
fn undirected_edges(an: &Analysed) -> Vec<(usize, usize, f64)> {
    let mut m: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (u, v, w) in an.graph.edges() {
        if u == v {
            continue;
        }
        let k = (u.min(v), u.max(v));
        let e = m.entry(k).or_insert(w);
        if w.abs() > e.abs() {
            *e = w;
        }
    }
    m.into_iter().map(|((u, v), w)| (u, v, w)).collect()
}

fn check(net: &Network, an: &Analysed, res: &Analysis) -> Result<(), DrawError> {
    let n = an.graph.node_count();
    if an.people.len() != n || res.nodes.len() != n {
        return Err(DrawError::Mismatch(format!(
            "the analysed graph has {n} people, the analysis {}",
            res.nodes.len()
        )));
    }
    if an.people.iter().any(|&i| i >= net.people.len()) {
        return Err(DrawError::Mismatch(
            "a person index is outside the network".into(),
        ));
    }
    if n > layout::MAX_NODES {
        return Err(DrawError::TooLarge {
            nodes: n,
            max: layout::MAX_NODES,
        });
    }
    Ok(())
}

/// Node descriptions, labels included (pseudonyms from `map`, or names).
fn node_infos(
    people: &[(&samspill_engine::model::Person, Option<usize>, bool)],
    styles: &[FunctionStyle],
    names: bool,
    map: &Pseudonyms,
    t: &Texts,
) -> Vec<NodeInfo> {
    people
        .iter()
        .map(|(p, community, bridge)| {
            let s = style::style_index(styles, p.primary_function());
            let label = if names && !p.label.trim().is_empty() {
                p.label.clone()
            } else {
                map.label(p, t)
            };
            NodeInfo {
                id: p.id.clone(),
                label,
                style: s,
                responded: p.responded,
                bridge: *bridge,
                community: *community,
                cluster: None,
            }
        })
        .collect()
}

/// Styles and node descriptions of everyone on the roster, labelled from
/// the pseudonym map (extended over the roster), so "Tildeling 2" is the
/// same person in every picture of a round, and of every round given the
/// same map.
pub(crate) fn roster(
    net: &Network,
    names: bool,
    view: &ViewOptions,
    t: &Texts,
) -> (Vec<FunctionStyle>, Vec<NodeInfo>) {
    let people: Vec<_> = net.people.iter().map(|p| (p, None, false)).collect();
    let fns: Vec<Option<&str>> = net.people.iter().map(|p| p.primary_function()).collect();
    let styles = style::function_styles(&fns, t);
    let map = view.pseudonyms_for(net);
    let nodes = node_infos(&people, &styles, names, &map, t);
    (styles, nodes)
}

/// Keeps only the styles used by `nodes` (the legend lists exactly the
/// functions present), renumbering the nodes' style indices.
pub(crate) fn only_present(
    styles: Vec<FunctionStyle>,
    mut nodes: Vec<NodeInfo>,
) -> (Vec<FunctionStyle>, Vec<NodeInfo>) {
    let used: Vec<bool> = (0..styles.len())
        .map(|k| nodes.iter().any(|n| n.style == k))
        .collect();
    let mut map = vec![0usize; styles.len()];
    let mut kept = Vec::new();
    for (k, s) in styles.into_iter().enumerate() {
        if used[k] {
            map[k] = kept.len();
            kept.push(s);
        }
    }
    for n in &mut nodes {
        n.style = map[n.style];
    }
    (kept, nodes)
}

fn threshold_text(th: Threshold, t: &Texts) -> String {
    match th {
        Threshold::All => t.get("draw-threshold-all"),
        Threshold::AtLeast(3.0) => t.get("draw-threshold-daily"),
        Threshold::AtLeast(2.0) => t.get("draw-threshold-weekly"),
        Threshold::AtLeast(1.0) => t.get("draw-threshold-monthly"),
        Threshold::AtLeast(x) => {
            t.format("draw-threshold-min", &[("min", Arg::Str(&t.number(x, 1)))])
        }
    }
}

fn combine_text(c: Combine, t: &Texts) -> String {
    t.get(&format!("draw-combine-{}", c.as_str()))
}

/// Edge stroke width by value: survey strengths 0–3 map to 0.8–3.5 px;
/// other scales by their share of the largest absolute value.
fn edge_width(value: f64, survey: bool, max: f64) -> f64 {
    if survey {
        0.8 + 0.9 * value.clamp(0.0, 3.0)
    } else if max > 0.0 {
        0.8 + 2.7 * (value.abs() / max)
    } else {
        1.5
    }
}

fn is_survey_scale(edges: &[EdgeInfo]) -> bool {
    edges
        .iter()
        .all(|e| (0.0..=3.0).contains(&e.value) && e.value.fract() == 0.0)
        && edges.iter().any(|e| e.value != 1.0)
}

/// The geometry shared by one or more panels.
struct Scene {
    nodes: Vec<NodeInfo>,
    styles: Vec<FunctionStyle>,
    placement: Placement,
    hulls: Vec<Hull>,
    /// Offset that moves the drawing's box to (0, 0).
    shift: P,
    width: f64,
    height: f64,
}

fn label_sizes(font: &Font, nodes: &[NodeInfo]) -> Vec<(f64, f64)> {
    let h = font.ascent(LABEL_SIZE) + font.descent(LABEL_SIZE);
    nodes
        .iter()
        .map(|n| (font.width(&n.label, LABEL_SIZE), h))
        .collect()
}

fn scene(
    font: &Font,
    nodes: Vec<NodeInfo>,
    styles: Vec<FunctionStyle>,
    edges: &[(usize, usize)],
    seed: u64,
) -> Scene {
    let community: Vec<Option<usize>> = nodes.iter().map(|n| n.community).collect();
    let unit = layout::layout(
        nodes.len(),
        edges,
        &community,
        &LayoutOptions {
            seed,
            ..LayoutOptions::default()
        },
    );
    let sizes = label_sizes(font, &nodes);
    let placement = place::place(&unit, edges, R, &sizes);
    // Hulls: the clusters (cluster.rs), numbered from 0 in their order.
    let mut by_comm: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (v, n) in nodes.iter().enumerate() {
        if let (Some(c), false) = (n.cluster, unit.isolated[v]) {
            by_comm.entry(c).or_default().push(v);
        }
    }
    let hulls: Vec<Hull> = by_comm
        .into_iter()
        .filter(|(_, m)| m.len() >= 2)
        .map(|(c, members)| {
            let pts: Vec<P> = members.iter().map(|&v| placement.pos[v]).collect();
            Hull {
                community: c,
                polygon: convex_hull(&pts),
                members,
                pad: HULL_PAD,
            }
        })
        .collect();
    let mut b: Option<Rect> = None;
    let mut grow = |r: Rect| b = Some(b.map_or(r, |x| x.union(&r)));
    for (v, p) in placement.pos.iter().enumerate() {
        grow(Rect::new(
            p.x - R - 5.0,
            p.y - R - 5.0,
            2.0 * R + 10.0,
            2.0 * R + 10.0,
        ));
        grow(placement.labels[v]);
    }
    for h in &hulls {
        for p in &h.polygon {
            grow(Rect::new(
                p.x - h.pad,
                p.y - h.pad,
                2.0 * h.pad,
                2.0 * h.pad,
            ));
        }
    }
    let b = b.unwrap_or(Rect::new(0.0, 0.0, 1.0, 1.0));
    Scene {
        nodes,
        styles,
        placement,
        hulls,
        shift: P::new(-b.x0, -b.y0),
        width: b.x1 - b.x0,
        height: b.y1 - b.y0,
    }
}

/// Draws one panel of a scene at `origin`; `present` says which nodes exist
/// in this panel.
fn draw_panel(
    svg: &mut Svg,
    sc: &Scene,
    origin: P,
    present: &[bool],
    edges: &[EdgeInfo],
    survey: bool,
) {
    let at = |p: P| P::new(p.x + sc.shift.x + origin.x, p.y + sc.shift.y + origin.y);
    let max = edges.iter().map(|e| e.value.abs()).fold(0.0, f64::max);
    // Hulls.
    svg.raw("<g class=\"hulls\" opacity=\"0.55\">");
    for h in &sc.hulls {
        let pts: Vec<P> = h
            .polygon
            .iter()
            .copied()
            .filter(|_| h.members.iter().any(|&v| present[v]))
            .map(at)
            .collect();
        if pts.is_empty() {
            continue;
        }
        let mut d = String::new();
        for (k, p) in pts.iter().enumerate() {
            let _ = write!(
                d,
                "{}{} {}",
                if k == 0 { "M" } else { "L" },
                num(p.x),
                num(p.y)
            );
        }
        if pts.len() >= 3 {
            d.push('Z');
        }
        svg.raw(&format!(
            "<path class=\"hull\" data-community=\"{}\" d=\"{d}\" fill=\"#D5DEE9\" stroke=\"#D5DEE9\" \
             stroke-width=\"{}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
            h.community,
            num(2.0 * h.pad)
        ));
    }
    svg.raw("</g>");
    // Edges, weakest first so strong ties lie on top; marked ties last.
    let mut order: Vec<&EdgeInfo> = edges.iter().collect();
    order.sort_by(|a, b| {
        (a.mark != Mark::Plain)
            .cmp(&(b.mark != Mark::Plain))
            .then(a.value.abs().total_cmp(&b.value.abs()))
            .then((a.u, a.v).cmp(&(b.u, b.v)))
    });
    svg.raw("<g class=\"edges\" stroke-linecap=\"round\" fill=\"none\">");
    for e in order {
        let (a, b) = (at(sc.placement.pos[e.u]), at(sc.placement.pos[e.v]));
        let w = edge_width(e.value, survey, max);
        let (colour, extra) = match e.mark {
            Mark::Plain => ("#8A8F98", String::new()),
            Mark::Gained => (GAINED, String::new()),
            Mark::Lost => (LOST, " stroke-dasharray=\"5 4\"".to_string()),
        };
        svg.raw(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"{}\"{extra}/>",
            num(a.x),
            num(a.y),
            num(b.x),
            num(b.y),
            num(w)
        ));
    }
    svg.raw("</g>");
    // Nodes.
    svg.raw("<g class=\"nodes\">");
    for (v, n) in sc.nodes.iter().enumerate() {
        if !present[v] {
            continue;
        }
        let c = at(sc.placement.pos[v]);
        let colour = sc.styles[n.style].colour;
        if n.bridge {
            svg.raw(&format!(
                "<circle class=\"bridge\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.8\"/>",
                num(c.x),
                num(c.y),
                num(R + 4.0)
            ));
        }
        if n.responded {
            svg.raw(&format!(
                "<circle class=\"node\" data-id=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{R}\" fill=\"{colour}\" stroke=\"{}\" stroke-width=\"1\"/>",
                crate::svg::esc(&n.id),
                num(c.x),
                num(c.y),
                style::darker(colour, 0.6)
            ));
        } else {
            svg.raw(&format!(
                "<circle class=\"node nonrespondent\" data-id=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#FFFFFF\" stroke=\"{}\" stroke-width=\"2.4\" stroke-dasharray=\"3 2\"/>",
                crate::svg::esc(&n.id),
                num(c.x),
                num(c.y),
                num(R - 1.2),
                style::darker(colour, 0.8)
            ));
        }
    }
    svg.raw("</g>");
    svg.raw("<g class=\"labels\">");
    for (v, n) in sc.nodes.iter().enumerate() {
        if !present[v] {
            continue;
        }
        let b = sc.placement.labels[v];
        let o = at(P::new(b.x0, b.y0));
        svg.text(
            &n.label,
            o.x,
            o.y + svg_ascent(),
            LABEL_SIZE,
            Anchor::Start,
            INK,
        );
    }
    svg.raw("</g>");
}

fn svg_ascent() -> f64 {
    // DejaVu's ascender is 0.928 em (1901/2048); text boxes start at the
    // ascender line.
    LABEL_SIZE * 1901.0 / 2048.0
}

/// Vertical distance between two legend entries of one line, px.
const LEGEND_STEP: f64 = 19.0;
/// Vertical distance between two lines of one legend entry, px.
const LEGEND_LINE: f64 = 14.0;
/// Horizontal gap between two legend columns, px.
const LEGEND_GAP: f64 = 24.0;
/// Widest legend text before it wraps, px.
const LEGEND_WRAP: f64 = 200.0;

/// One legend entry: its marker, its text in lines, and the text size.
struct LegendEntry {
    mark: Option<LegendMark>,
    lines: Vec<String>,
    size: f64,
}

impl LegendEntry {
    fn height(&self) -> f64 {
        LEGEND_STEP + LEGEND_LINE * (self.lines.len().max(1) - 1) as f64
    }

    fn width(&self, font: &Font) -> f64 {
        self.lines
            .iter()
            .map(|l| font.width(l, self.size))
            .fold(0.0, f64::max)
            + if self.mark.is_some() { 20.0 } else { 0.0 }
    }
}

/// The legend's entries: the heading, then one per function present and
/// per symbol used; long texts wrap.
fn legend_entries(
    font: &Font,
    t: &Texts,
    styles: &[FunctionStyle],
    symbols: &[(&str, String)],
) -> Vec<LegendEntry> {
    let wrap = |text: &str| style::wrap(font, text, LABEL_SIZE, LEGEND_WRAP);
    let mut out = vec![LegendEntry {
        mark: None,
        lines: vec![t.get("draw-legend-functions")],
        size: 12.0,
    }];
    for s in styles {
        let text = if s.code != s.name {
            format!("{} ({})", s.name, s.code)
        } else {
            s.name.clone()
        };
        out.push(LegendEntry {
            mark: Some(LegendMark::Function(s.clone())),
            lines: wrap(&text),
            size: LABEL_SIZE,
        });
    }
    for (symbol, text) in symbols {
        out.push(LegendEntry {
            mark: Some(LegendMark::Symbol(symbol.to_string())),
            lines: wrap(text),
            size: LABEL_SIZE,
        });
    }
    out
}

/// A legend entry's marker.
#[derive(Debug, Clone)]
enum LegendMark {
    Function(FunctionStyle),
    Symbol(String),
}

fn legend_mark(mark: &LegendMark, x: f64, yy: f64) -> String {
    let (cx, cy) = (x + 7.0, yy - 4.0);
    match mark {
        LegendMark::Function(s) => format!(
            "<g class=\"legend-function\" data-function=\"{}\"><circle cx=\"{}\" cy=\"{}\" r=\"6.5\" fill=\"{}\" stroke=\"{}\"/></g>",
            crate::svg::esc(&s.key),
            num(cx),
            num(cy),
            s.colour,
            style::darker(s.colour, 0.6)
        ),
        LegendMark::Symbol(symbol) => match symbol.as_str() {
            "nonrespondent" => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\" fill=\"#FFFFFF\" stroke=\"#555555\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>",
                num(cx),
                num(cy)
            ),
            "bridge" => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#BBBBBB\"/><circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.5\"/>",
                num(cx),
                num(cy),
                num(cx),
                num(cy)
            ),
            "community" => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"12\" rx=\"6\" fill=\"#D5DEE9\"/>",
                num(x - 1.0),
                num(cy - 6.0)
            ),
            "gained" | "lost" => format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.6\"{}/>",
                num(x - 2.0),
                num(cy),
                num(x + 16.0),
                num(cy),
                if symbol == "gained" { GAINED } else { LOST },
                if symbol == "lost" {
                    " stroke-dasharray=\"5 4\""
                } else {
                    ""
                }
            ),
            other => {
                let w: f64 = other
                    .strip_prefix("edge:")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(1.5);
                format!(
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8A8F98\" stroke-width=\"{}\" stroke-linecap=\"round\"/>",
                    num(x - 1.0),
                    num(cy),
                    num(x + 15.0),
                    num(cy),
                    num(w)
                )
            }
        },
    }
}

/// Width of the widest legend entry (marker included), px.
fn legend_entry_width(font: &Font, entries: &[LegendEntry]) -> f64 {
    entries.iter().map(|e| e.width(font)).fold(0.0, f64::max)
}

/// The entries of each column when `entries` fill `columns` columns, one
/// column after the other.
fn legend_split(entries: &[LegendEntry], columns: usize) -> Vec<std::ops::Range<usize>> {
    let columns = columns.max(1);
    let per = entries.len().div_ceil(columns).max(1);
    (0..columns)
        .map(|c| (c * per).min(entries.len())..((c + 1) * per).min(entries.len()))
        .filter(|r| !r.is_empty())
        .collect()
}

/// The legend's size in `columns` columns: (width, height), px.
fn legend_size(font: &Font, entries: &[LegendEntry], columns: usize) -> (f64, f64) {
    let cols = legend_split(entries, columns);
    let w = legend_entry_width(font, entries);
    let h = cols
        .iter()
        .map(|r| {
            entries[r.clone()]
                .iter()
                .map(LegendEntry::height)
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    (
        cols.len() as f64 * w + cols.len().saturating_sub(1) as f64 * LEGEND_GAP,
        12.0 + h,
    )
}

/// How many legend columns fit in `width` px (at least one).
fn legend_columns(font: &Font, entries: &[LegendEntry], width: f64) -> usize {
    let w = legend_entry_width(font, entries);
    let mut k = 1;
    while k < entries.len() && (k + 1) as f64 * w + k as f64 * LEGEND_GAP <= width {
        k += 1;
    }
    k
}

/// Draws the legend at (x, y) in `columns` columns, filled column by
/// column; records the text boxes. Returns its box.
fn legend(
    svg: &mut Svg,
    font: &Font,
    x: f64,
    y: f64,
    entries: &[LegendEntry],
    columns: usize,
    boxes: &mut Vec<Rect>,
) -> Rect {
    let col_w = legend_entry_width(font, entries) + LEGEND_GAP;
    let mut right = x;
    let mut bottom = y;
    for (c, range) in legend_split(entries, columns).into_iter().enumerate() {
        let cx = x + c as f64 * col_w;
        let mut yy = y + 12.0;
        for e in &entries[range] {
            let tx = match &e.mark {
                Some(m) => {
                    svg.raw(&legend_mark(m, cx, yy));
                    cx + 20.0
                }
                None => cx,
            };
            for (k, line) in e.lines.iter().enumerate() {
                let ly = yy + LEGEND_LINE * k as f64;
                svg.text(line, tx, ly, e.size, Anchor::Start, INK);
                let w = font.width(line, e.size);
                boxes.push(Rect::new(
                    tx,
                    ly - font.ascent(e.size),
                    w,
                    font.ascent(e.size) + font.descent(e.size),
                ));
                right = right.max(tx + w);
            }
            yy += e.height();
        }
        bottom = bottom.max(yy);
    }
    Rect {
        x0: x,
        y0: y,
        x1: right,
        y1: bottom,
    }
}

fn edge_symbols(edges: &[EdgeInfo], survey: bool, t: &Texts) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if survey {
        let keys = [
            "draw-strength-rarer",
            "draw-strength-monthly",
            "draw-strength-weekly",
            "draw-strength-daily",
        ];
        let tags = ["edge:0.8", "edge:1.7", "edge:2.6", "edge:3.5"];
        for s in (0..4).rev() {
            if edges.iter().any(|e| e.value == s as f64) {
                out.push((tags[s], t.get(keys[s])));
            }
        }
    } else if !edges.is_empty() {
        out.push(("edge:1.5", t.get("draw-legend-tie")));
    }
    out
}

/// Draws the caption lines at `y`; returns the y below them.
fn caption(
    svg: &mut Svg,
    font: &Font,
    text: &str,
    x: f64,
    y: f64,
    width: f64,
    boxes: &mut Vec<Rect>,
) -> f64 {
    let mut yy = y;
    for line in style::wrap(font, text, 11.0, width) {
        yy += 15.0;
        svg.text(&line, x, yy, 11.0, Anchor::Start, INK_SOFT);
        boxes.push(Rect::new(
            x,
            yy - font.ascent(11.0),
            font.width(&line, 11.0),
            font.ascent(11.0) + font.descent(11.0),
        ));
    }
    yy
}

fn positions(
    sc: &Scene,
    origin: P,
    edges: &[(usize, usize)],
    width: f64,
    height: f64,
) -> Positions {
    let d = P::new(sc.shift.x + origin.x, sc.shift.y + origin.y);
    let mv = |p: P| P::new(p.x + d.x, p.y + d.y);
    Positions {
        width,
        height,
        nodes: sc
            .nodes
            .iter()
            .enumerate()
            .map(|(v, n)| {
                let c = mv(sc.placement.pos[v]);
                let b = sc.placement.labels[v];
                NodePosition {
                    id: n.id.clone(),
                    label: n.label.clone(),
                    x: c.x,
                    y: c.y,
                    r: R,
                    label_box: Rect {
                        x0: b.x0 + d.x,
                        y0: b.y0 + d.y,
                        x1: b.x1 + d.x,
                        y1: b.y1 + d.y,
                    },
                }
            })
            .collect(),
        edges: edges.to_vec(),
        hulls: sc
            .hulls
            .iter()
            .map(|h| Hull {
                community: h.community,
                members: h.members.clone(),
                polygon: h.polygon.iter().map(|&p| mv(p)).collect(),
                pad: h.pad,
            })
            .collect(),
    }
}

fn yes_no(b: bool, t: &Texts) -> String {
    t.get(if b { "draw-yes" } else { "draw-no" })
}

/// The people network at the threshold `an` was built with: colour by
/// primary function, function codes as labels unless `opts.names`, edge
/// width by strength, clusters ([`cluster::clusters`]) as soft hulls, bridge
/// builders ringed, non-respondents hollow and dashed, isolated people in
/// columns at the right, a caption with threshold, combination rule and N.
pub fn people_network(
    net: &Network,
    an: &Analysed,
    res: &Analysis,
    opts: &NetworkOptions,
    t: &Texts,
) -> Result<Picture, DrawError> {
    people_network_with(net, an, res, opts, &ViewOptions::default(), t)
}

/// [`people_network`] with pseudonyms from a map and a legend placement.
pub fn people_network_with(
    net: &Network,
    an: &Analysed,
    res: &Analysis,
    opts: &NetworkOptions,
    view: &ViewOptions,
    t: &Texts,
) -> Result<Picture, DrawError> {
    check(net, an, res)?;
    let n = an.graph.node_count();
    if n == 0 {
        return Err(DrawError::Empty(t.get("draw-empty")));
    }
    let font = Font::load()?;
    let (all_styles, all_nodes) = roster(net, opts.names, view, t);
    let clusters = cluster::clusters(res);
    let mut cluster_of = vec![None; n];
    for (k, c) in clusters.iter().enumerate() {
        for &v in &c.members {
            cluster_of[v] = Some(k);
        }
    }
    let nodes: Vec<NodeInfo> = an
        .people
        .iter()
        .enumerate()
        .map(|(v, &i)| {
            let m = &res.nodes[v];
            let mut x = all_nodes[i].clone();
            x.bridge = m.bridge.as_ref().is_some_and(|r| !r.is_empty());
            x.community = m.community;
            x.cluster = cluster_of[v];
            x
        })
        .collect();
    let (styles, nodes) = only_present(all_styles, nodes);
    let raw_edges = undirected_edges(an);
    let edges: Vec<EdgeInfo> = raw_edges
        .iter()
        .map(|&(u, v, value)| EdgeInfo {
            u,
            v,
            value,
            mark: Mark::Plain,
        })
        .collect();
    let pairs: Vec<(usize, usize)> = raw_edges.iter().map(|e| (e.0, e.1)).collect();
    let sc = scene(&font, nodes, styles, &pairs, opts.seed);
    let survey = is_survey_scale(&edges);

    let title = opts
        .title
        .clone()
        .unwrap_or_else(|| t.format("draw-network-title", &[("name", Arg::Str(&net.name))]));
    let top = if view.bare { MARGIN } else { 40.0 };
    let origin = P::new(MARGIN, top);
    let mut symbols: Vec<(&str, String)> = Vec::new();
    let nonresp = sc.nodes.iter().filter(|x| !x.responded).count();
    let bridges = sc.nodes.iter().filter(|x| x.bridge).count();
    if nonresp > 0 {
        symbols.push(("nonrespondent", t.get("draw-legend-nonrespondent")));
    }
    if bridges > 0 {
        symbols.push(("bridge", t.get("draw-legend-bridge")));
    }
    if !sc.hulls.is_empty() {
        symbols.push(("community", t.get("draw-legend-community")));
    }
    symbols.extend(edge_symbols(&edges, survey, t));
    let entries = legend_entries(&font, t, &sc.styles, &symbols);
    let title_w = font.width(&title, 15.0) + 2.0 * MARGIN;
    let place_legend = |below: bool| {
        if below {
            let width = (sc.width + 2.0 * MARGIN)
                .max(legend_entry_width(&font, &entries) + 2.0 * MARGIN)
                .max(360.0)
                .max(title_w);
            let columns = legend_columns(&font, &entries, width - 2.0 * MARGIN);
            let (_, lh) = legend_size(&font, &entries, columns);
            let y = top + sc.height + 14.0;
            (P::new(MARGIN, y), columns, width, y + lh)
        } else {
            let (lw, lh) = legend_size(&font, &entries, 1);
            let x = origin.x + sc.width + 28.0;
            let width = (x + lw + MARGIN).max(360.0).max(title_w);
            (P::new(x, top), 1, width, (top + sc.height).max(top + lh))
        }
    };
    let (legend_at, columns, width, body_bottom) = match view.legend {
        LegendPlacement::Right => place_legend(false),
        LegendPlacement::Below => place_legend(true),
        LegendPlacement::Fit(boxes) => {
            // Captions are left out of the comparison: a host that fits
            // pictures to pages captions them itself (`bare`).
            let scale = |p: &(P, usize, f64, f64)| fit_scale(&boxes, p.2, p.3 + 12.0 + MARGIN);
            let (right, below) = (place_legend(false), place_legend(true));
            if scale(&below) > scale(&right) {
                below
            } else {
                right
            }
        }
    };

    let isolates = (0..n).filter(|&v| an.graph.degree(v) == 0).count();
    let communities = sc.hulls.len();
    let cap = t.format(
        "draw-network-caption",
        &[
            (
                "threshold",
                Arg::Str(&threshold_text(an.options.threshold, t)),
            ),
            ("rule", Arg::Str(&combine_text(an.options.combine, t))),
            ("n", Arg::Num(n as f64)),
            ("edges", Arg::Num(raw_edges.len() as f64)),
            ("nonrespondents", Arg::Num(nonresp as f64)),
            ("isolates", Arg::Num(isolates as f64)),
        ],
    );
    let cap_lines = if view.bare {
        0
    } else {
        style::wrap(&font, &cap, LABEL_SIZE, width - 2.0 * MARGIN).len()
    };
    let height = body_bottom + 12.0 + 15.0 * cap_lines as f64 + MARGIN;

    let mut svg = Svg::new(&font, width, height);
    let mut boxes = Vec::new();
    if !view.bare {
        svg.text(&title, MARGIN, 26.0, 15.0, Anchor::Start, INK);
    }
    let present = vec![true; n];
    draw_panel(&mut svg, &sc, origin, &present, &edges, survey);
    svg.raw("<g class=\"legend\">");
    legend(
        &mut svg,
        &font,
        legend_at.x,
        legend_at.y,
        &entries,
        columns,
        &mut boxes,
    );
    svg.raw("</g>");
    if !view.bare {
        caption(
            &mut svg,
            &font,
            &cap,
            MARGIN,
            body_bottom + 4.0,
            width - 2.0 * MARGIN,
            &mut boxes,
        );
    }

    let pos = positions(&sc, origin, &pairs, width, height);
    let centres: Vec<P> = pos.nodes.iter().map(|p| P::new(p.x, p.y)).collect();
    let labels: Vec<Rect> = pos.nodes.iter().map(|p| p.label_box).collect();
    let quality = quality::measure(&centres, R, &labels, &pairs);

    let bridge_labels: Vec<&str> = sc
        .nodes
        .iter()
        .filter(|x| x.bridge)
        .map(|x| x.label.as_str())
        .collect();
    let fn_counts: Vec<String> = sc
        .styles
        .iter()
        .enumerate()
        .map(|(k, s)| {
            format!(
                "{} {}",
                s.name,
                sc.nodes.iter().filter(|x| x.style == k).count()
            )
        })
        .collect();
    let stated = vec![
        ("n".to_string(), n as f64),
        ("edges".to_string(), raw_edges.len() as f64),
        ("communities".to_string(), communities as f64),
        ("bridges".to_string(), bridges as f64),
        ("isolates".to_string(), isolates as f64),
        ("nonrespondents".to_string(), nonresp as f64),
    ];
    let alt = t.format(
        "draw-network-alt",
        &[
            (
                "threshold",
                Arg::Str(&threshold_text(an.options.threshold, t)),
            ),
            ("rule", Arg::Str(&combine_text(an.options.combine, t))),
            ("n", Arg::Num(n as f64)),
            ("edges", Arg::Num(raw_edges.len() as f64)),
            ("communities", Arg::Num(communities as f64)),
            ("bridges", Arg::Num(bridges as f64)),
            (
                "bridgelist",
                Arg::Str(&if bridge_labels.is_empty() {
                    t.get("draw-none")
                } else {
                    bridge_labels.join(", ")
                }),
            ),
            ("isolates", Arg::Num(isolates as f64)),
            ("nonrespondents", Arg::Num(nonresp as f64)),
            ("functions", Arg::Str(&fn_counts.join(", "))),
        ],
    );
    let table = Table {
        header: [
            "draw-col-label",
            "draw-col-function",
            "draw-col-responded",
            "draw-col-degree",
            "draw-col-community",
            "draw-col-bridge",
            "draw-col-betweenness",
        ]
        .iter()
        .map(|k| t.get(k))
        .collect(),
        rows: sc
            .nodes
            .iter()
            .enumerate()
            .map(|(v, x)| {
                let m = &res.nodes[v];
                vec![
                    x.label.clone(),
                    sc.styles[x.style].name.clone(),
                    yes_no(x.responded, t),
                    an.graph.degree(v).to_string(),
                    x.cluster.map(|c| (c + 1).to_string()).unwrap_or_default(),
                    yes_no(x.bridge, t),
                    m.betweenness
                        .flatten()
                        .map(|b| t.number(b, 3))
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    };
    let legend_functions = sc.styles.iter().map(|s| s.key.clone()).collect();
    let title_desc = alt.clone();
    let (svg, svg_text) = svg.finish_both(&title, &title_desc);
    Ok(Picture {
        svg,
        svg_text,
        alt_text: alt,
        table,
        quality,
        positions: pos,
        legend_functions,
        stated,
    })
}

/// Two waves side by side over the same stable ids: one layout of the
/// union, so each person stands in the same place in both panels; in the
/// second panel, ties gained are solid blue and ties lost dashed orange.
pub fn two_waves(
    first: (&Network, &Analysed, &Analysis),
    second: (&Network, &Analysed, &Analysis),
    opts: &NetworkOptions,
    t: &Texts,
) -> Result<Picture, DrawError> {
    two_waves_with(first, second, opts, &ViewOptions::default(), t)
}

/// [`two_waves`] with pseudonyms from a map (one map for both rounds: the
/// later round's, extended over the earlier one's leavers) and a legend
/// placement.
pub fn two_waves_with(
    first: (&Network, &Analysed, &Analysis),
    second: (&Network, &Analysed, &Analysis),
    opts: &NetworkOptions,
    view: &ViewOptions,
    t: &Texts,
) -> Result<Picture, DrawError> {
    check(first.0, first.1, first.2)?;
    check(second.0, second.1, second.2)?;
    let cmp = samspill_engine::waves::compare((first.1, first.2), (second.1, second.2));
    let font = Font::load()?;
    // Union of people: the second wave's order, then those who left.
    let mut ids: Vec<String> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut people = Vec::new();
    for (net, an, res) in [second, first] {
        for (v, &i) in an.people.iter().enumerate() {
            let m = &res.nodes[v];
            if index.contains_key(&m.id) {
                continue;
            }
            index.insert(m.id.clone(), ids.len());
            ids.push(m.id.clone());
            let bridge = m.bridge.as_ref().is_some_and(|r| !r.is_empty());
            people.push((&net.people[i], m.community, bridge));
        }
    }
    let n = ids.len();
    if n == 0 {
        return Err(DrawError::Empty(t.get("draw-empty")));
    }
    if n > layout::MAX_NODES {
        return Err(DrawError::TooLarge {
            nodes: n,
            max: layout::MAX_NODES,
        });
    }
    let present_fns: Vec<Option<&str>> = people.iter().map(|p| p.0.primary_function()).collect();
    let styles = style::function_styles(&present_fns, t);
    let map = view
        .pseudonyms_for(first.0)
        .merged(&view.pseudonyms_for(second.0));
    let map = map.extend(second.0);
    let mut nodes = node_infos(&people, &styles, opts.names, &map, t);
    // Bridge rings would mix the waves: each panel rings its own below.
    let wave_edges = |an: &Analysed, res: &Analysis| -> BTreeMap<(usize, usize), f64> {
        undirected_edges(an)
            .into_iter()
            .map(|(u, v, w)| {
                let (a, b) = (index[&res.nodes[u].id], index[&res.nodes[v].id]);
                ((a.min(b), a.max(b)), w)
            })
            .collect()
    };
    let ea = wave_edges(first.1, first.2);
    let eb = wave_edges(second.1, second.2);
    let mut union: Vec<(usize, usize)> = ea.keys().chain(eb.keys()).copied().collect();
    union.sort_unstable();
    union.dedup();
    let sc = scene(&font, std::mem::take(&mut nodes), styles, &union, opts.seed);
    let pair_of = |a: &str, b: &str| {
        let (x, y) = (index[a], index[b]);
        (x.min(y), x.max(y))
    };
    let gained: Vec<(usize, usize)> = cmp.ties_gained.iter().map(|(a, b)| pair_of(a, b)).collect();
    let lost: Vec<(usize, usize)> = cmp.ties_lost.iter().map(|(a, b)| pair_of(a, b)).collect();
    let edges_a: Vec<EdgeInfo> = ea
        .iter()
        .map(|(&(u, v), &value)| EdgeInfo {
            u,
            v,
            value,
            mark: Mark::Plain,
        })
        .collect();
    let mut edges_b: Vec<EdgeInfo> = eb
        .iter()
        .map(|(&(u, v), &value)| EdgeInfo {
            u,
            v,
            value,
            mark: if gained.contains(&(u, v)) {
                Mark::Gained
            } else {
                Mark::Plain
            },
        })
        .collect();
    for &(u, v) in &lost {
        edges_b.push(EdgeInfo {
            u,
            v,
            value: ea.get(&(u, v)).copied().unwrap_or(1.0),
            mark: Mark::Lost,
        });
    }
    let survey = is_survey_scale(&edges_a) || is_survey_scale(&edges_b);
    let mut present_a = vec![false; n];
    for m in &first.2.nodes {
        present_a[index[&m.id]] = true;
    }
    let mut present_b = vec![false; n];
    for m in &second.2.nodes {
        present_b[index[&m.id]] = true;
    }
    let bridges_of = |res: &Analysis| -> Vec<bool> {
        let mut b = vec![false; n];
        for m in &res.nodes {
            if m.bridge.as_ref().is_some_and(|r| !r.is_empty()) {
                b[index[&m.id]] = true;
            }
        }
        b
    };
    let title = opts
        .title
        .clone()
        .unwrap_or_else(|| t.get("draw-waves-title"));
    // The panels' subtitles sit 12 px above the drawings.
    let top = if view.bare { MARGIN + 34.0 } else { 62.0 };
    let gap = 40.0;
    let origin_a = P::new(MARGIN, top);
    let origin_b = P::new(MARGIN + sc.width + gap, top);
    let mut symbols: Vec<(&str, String)> = vec![
        ("gained", t.get("draw-legend-gained")),
        ("lost", t.get("draw-legend-lost")),
    ];
    if sc.nodes.iter().any(|x| !x.responded) {
        symbols.push(("nonrespondent", t.get("draw-legend-nonrespondent")));
    }
    symbols.push(("bridge", t.get("draw-legend-bridge")));
    let entries = legend_entries(&font, t, &sc.styles, &symbols);
    let place_legend = |below: bool| {
        if below {
            let width = (origin_b.x + sc.width + MARGIN)
                .max(legend_entry_width(&font, &entries) + 2.0 * MARGIN);
            let columns = legend_columns(&font, &entries, width - 2.0 * MARGIN);
            let (_, lh) = legend_size(&font, &entries, columns);
            let y = top + sc.height + 14.0;
            (P::new(MARGIN, y), columns, width, y + lh)
        } else {
            let (lw, lh) = legend_size(&font, &entries, 1);
            let x = origin_b.x + sc.width + 28.0;
            (
                P::new(x, top),
                1,
                x + lw + MARGIN,
                (top + sc.height).max(top + lh),
            )
        }
    };
    let (legend_at, columns, width, body_bottom) = match view.legend {
        LegendPlacement::Right => place_legend(false),
        LegendPlacement::Below => place_legend(true),
        LegendPlacement::Fit(boxes) => {
            let scale = |p: &(P, usize, f64, f64)| fit_scale(&boxes, p.2, p.3 + 12.0 + MARGIN);
            let (right, below) = (place_legend(false), place_legend(true));
            if scale(&below) > scale(&right) {
                below
            } else {
                right
            }
        }
    };
    let cap = t.format(
        "draw-waves-caption",
        &[
            ("gained", Arg::Num(cmp.ties_gained.len() as f64)),
            ("lost", Arg::Num(cmp.ties_lost.len() as f64)),
            ("kept", Arg::Num(cmp.ties_kept as f64)),
            ("joined", Arg::Num(cmp.joined.len() as f64)),
            ("left", Arg::Num(cmp.left.len() as f64)),
            ("stayed", Arg::Num(cmp.stayed as f64)),
            (
                "threshold",
                Arg::Str(&threshold_text(second.1.options.threshold, t)),
            ),
            ("rule", Arg::Str(&combine_text(second.1.options.combine, t))),
        ],
    );
    let cap_lines = if view.bare {
        0
    } else {
        style::wrap(&font, &cap, 11.0, width - 2.0 * MARGIN).len()
    };
    let height = body_bottom + 12.0 + 15.0 * cap_lines as f64 + MARGIN;
    let mut svg = Svg::new(&font, width, height);
    let mut boxes = Vec::new();
    if !view.bare {
        svg.text(&title, MARGIN, 26.0, 15.0, Anchor::Start, INK);
    }
    for (origin, name, count, present, edges, res) in [
        (
            origin_a,
            &first.0.name,
            first.2.nodes.len(),
            &present_a,
            &edges_a,
            first.2,
        ),
        (
            origin_b,
            &second.0.name,
            second.2.nodes.len(),
            &present_b,
            &edges_b,
            second.2,
        ),
    ] {
        let sub = t.format(
            "draw-wave-subtitle",
            &[("name", Arg::Str(name)), ("n", Arg::Num(count as f64))],
        );
        svg.text(&sub, origin.x, top - 12.0, 12.0, Anchor::Start, INK_SOFT);
        let mut panel = Scene {
            nodes: sc.nodes.clone(),
            styles: sc.styles.clone(),
            placement: sc.placement.clone(),
            hulls: Vec::new(),
            shift: sc.shift,
            width: sc.width,
            height: sc.height,
        };
        let ring = bridges_of(res);
        for (v, x) in panel.nodes.iter_mut().enumerate() {
            x.bridge = ring[v];
        }
        svg.raw("<g class=\"wave\">");
        draw_panel(&mut svg, &panel, origin, present, edges, survey);
        svg.raw("</g>");
    }
    svg.raw("<g class=\"legend\">");
    legend(
        &mut svg,
        &font,
        legend_at.x,
        legend_at.y,
        &entries,
        columns,
        &mut boxes,
    );
    svg.raw("</g>");
    if !view.bare {
        caption(
            &mut svg,
            &font,
            &cap,
            MARGIN,
            body_bottom + 4.0,
            width - 2.0 * MARGIN,
            &mut boxes,
        );
    }

    let pos = positions(&sc, origin_b, &union, width, height);
    let centres: Vec<P> = pos.nodes.iter().map(|p| P::new(p.x, p.y)).collect();
    let labels: Vec<Rect> = pos.nodes.iter().map(|p| p.label_box).collect();
    let quality = quality::measure(&centres, R, &labels, &union);
    let alt = t.format(
        "draw-waves-alt",
        &[
            ("first", Arg::Str(&first.0.name)),
            ("second", Arg::Str(&second.0.name)),
            ("gained", Arg::Num(cmp.ties_gained.len() as f64)),
            ("lost", Arg::Num(cmp.ties_lost.len() as f64)),
            ("kept", Arg::Num(cmp.ties_kept as f64)),
            ("joined", Arg::Num(cmp.joined.len() as f64)),
            ("left", Arg::Num(cmp.left.len() as f64)),
            ("stayed", Arg::Num(cmp.stayed as f64)),
        ],
    );
    let label_of = |id: &str| sc.nodes[index[id]].label.clone();
    let mut rows = Vec::new();
    for (a, b) in &cmp.ties_gained {
        rows.push(vec![label_of(a), label_of(b), t.get("draw-legend-gained")]);
    }
    for (a, b) in &cmp.ties_lost {
        rows.push(vec![label_of(a), label_of(b), t.get("draw-legend-lost")]);
    }
    let table = Table {
        header: vec![
            t.get("draw-col-person"),
            t.get("draw-col-person"),
            t.get("draw-col-change"),
        ],
        rows,
    };
    let legend_functions = sc.styles.iter().map(|s| s.key.clone()).collect();
    let stated = vec![
        ("gained".to_string(), cmp.ties_gained.len() as f64),
        ("lost".to_string(), cmp.ties_lost.len() as f64),
        ("kept".to_string(), cmp.ties_kept as f64),
        ("joined".to_string(), cmp.joined.len() as f64),
        ("left".to_string(), cmp.left.len() as f64),
        ("stayed".to_string(), cmp.stayed as f64),
    ];
    let (svg, svg_text) = svg.finish_both(&title, &alt);
    Ok(Picture {
        svg,
        svg_text,
        alt_text: alt,
        table,
        quality,
        positions: pos,
        legend_functions,
        stated,
    })
}
