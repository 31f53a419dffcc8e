//! Charts without a layout: the function × function heat map and the
//! rating bars per municipality.

use samspill_engine::Analysis;
use samspill_engine::survey::RatingSummary;
use samspill_i18n::{Arg, Texts};

use crate::font::{Anchor, Font};
use crate::geometry::Rect;
use crate::style::{self, INK, INK_SOFT, MARGIN, MIN_TEXT};
use crate::svg::{Svg, num};
use crate::{DrawError, Picture, Positions, Table, quality};

/// Writes a text and records its box (for the collision checks of the
/// charts and the political figure).
#[allow(clippy::too_many_arguments)]
pub(crate) fn put(
    svg: &mut Svg,
    font: &Font,
    boxes: &mut Vec<Rect>,
    text: &str,
    x: f64,
    y: f64,
    size: f64,
    anchor: Anchor,
    fill: &str,
) {
    svg.text(text, x, y, size, anchor, fill);
    let w = font.width(text, size);
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - w / 2.0,
        Anchor::End => x - w,
    };
    boxes.push(Rect::new(
        x0,
        y - font.ascent(size),
        w,
        font.ascent(size) + font.descent(size),
    ));
}

/// Writes a wrapped caption's lines at the left margin from baseline `y`
/// down (11 px, 15 px apart), recording their boxes.
pub(crate) fn put_caption(
    svg: &mut Svg,
    font: &Font,
    boxes: &mut Vec<Rect>,
    lines: &[String],
    y: f64,
) {
    let mut y = y;
    for line in lines {
        put(
            svg,
            font,
            boxes,
            line,
            MARGIN,
            y,
            11.0,
            Anchor::Start,
            INK_SOFT,
        );
        y += 15.0;
    }
}

/// ColorBrewer "Blues" end points (sequential, colour-blind safe).
const LOW: &str = "#F7FBFF";
const HIGH: &str = "#08306B";

fn density_colour(d: f64) -> String {
    // A gentle curve so that low densities are still told apart.
    style::mix(LOW, HIGH, d.clamp(0.0, 1.0).sqrt())
}

/// The function × function contact matrix as a heat map: the number of
/// ties in each cell, the colour its density (share of possible ties).
pub fn function_matrix(
    res: &Analysis,
    title: Option<&str>,
    t: &Texts,
) -> Result<Picture, DrawError> {
    let m = res
        .groups
        .as_ref()
        .and_then(|g| g.function_matrix.as_ref())
        .ok_or_else(|| DrawError::Empty(t.get("draw-matrix-missing")))?;
    let k = m.labels.len();
    if k == 0 {
        return Err(DrawError::Empty(t.get("draw-matrix-missing")));
    }
    let font = Font::load()?;
    let present: Vec<Option<&str>> = m.labels.iter().map(|l| Some(l.as_str())).collect();
    let styles = style::function_styles(&present, t);
    // Rows in legend order.
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by_key(|&i| (style::style_index(&styles, Some(&m.labels[i])), i));
    let st = |i: usize| &styles[style::style_index(&styles, Some(&m.labels[i]))];
    // Rows are numbered; the columns carry the numbers, which keeps the
    // grid narrow enough to print at a legible size.
    let row_names: Vec<String> = order
        .iter()
        .map(|&i| format!("{} ({})", st(i).name, m.sizes[i]))
        .collect();
    let number_w = font.width(&k.to_string(), MIN_TEXT) + 12.0;
    let name_w = row_names
        .iter()
        .map(|s| font.width(s, MIN_TEXT))
        .fold(0.0, f64::max)
        + 12.0
        + number_w;
    let widest_count = (0..k)
        .flat_map(|i| (0..k).map(move |j| (i, j)))
        .map(|(i, j)| font.width(&m.counts[i][j].to_string(), MIN_TEXT))
        .fold(font.width(&k.to_string(), MIN_TEXT), f64::max);
    let cw = (widest_count + 14.0).max(32.0);
    let ch = 26.0;
    let x0 = MARGIN + name_w;
    let y0 = 70.0;
    let grid_w = cw * k as f64;
    let title = title
        .map(str::to_string)
        .unwrap_or_else(|| t.get("draw-matrix-title"));
    let cap = t.get("draw-matrix-caption");
    let width = (x0 + grid_w + MARGIN)
        .max(font.width(&title, 15.0) + 2.0 * MARGIN)
        .max(420.0);
    let cap_lines = style::wrap(&font, &cap, 11.0, width - 2.0 * MARGIN);
    let scale_y = y0 + ch * k as f64 + 22.0;
    let height = scale_y + 40.0 + 15.0 * cap_lines.len() as f64 + MARGIN;
    let mut svg = Svg::new(&font, width, height);
    let mut boxes = Vec::new();
    put(
        &mut svg,
        &font,
        &mut boxes,
        &title,
        MARGIN,
        26.0,
        15.0,
        Anchor::Start,
        INK,
    );
    for (c, &i) in order.iter().enumerate() {
        let cx = x0 + cw * (c as f64 + 0.5);
        put(
            &mut svg,
            &font,
            &mut boxes,
            &(c + 1).to_string(),
            cx,
            y0 - 10.0,
            MIN_TEXT,
            Anchor::Middle,
            INK,
        );
        svg.raw(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"4\" fill=\"{}\"/>",
            num(x0 + cw * c as f64 + 2.0),
            num(y0 - 5.0),
            num(cw - 4.0),
            st(i).colour
        ));
    }
    let mut top_pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (r, &i) in order.iter().enumerate() {
        let y = y0 + ch * r as f64;
        put(
            &mut svg,
            &font,
            &mut boxes,
            &row_names[r],
            x0 - 8.0 - number_w,
            y + ch / 2.0 + 4.0,
            MIN_TEXT,
            Anchor::End,
            INK,
        );
        put(
            &mut svg,
            &font,
            &mut boxes,
            &(r + 1).to_string(),
            x0 - 8.0,
            y + ch / 2.0 + 4.0,
            MIN_TEXT,
            Anchor::End,
            INK,
        );
        for (c, &j) in order.iter().enumerate() {
            let x = x0 + cw * c as f64;
            let count = m.counts[i][j];
            let (fill, text) = match m.density[i][j] {
                Some(d) => (density_colour(d), count.to_string()),
                None => ("#E6E6E6".to_string(), "–".to_string()),
            };
            svg.raw(&format!(
                "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>",
                num(x),
                num(y),
                num(cw),
                num(ch)
            ));
            let ink = if style::luminance(&fill) < 0.35 {
                "#FFFFFF"
            } else {
                INK
            };
            put(
                &mut svg,
                &font,
                &mut boxes,
                &text,
                x + cw / 2.0,
                y + ch / 2.0 + 4.0,
                11.0,
                Anchor::Middle,
                ink,
            );
            if r <= c && count > 0 {
                top_pairs.push((count, i, j));
            }
        }
    }
    // Colour scale.
    let label = t.get("draw-matrix-density");
    put(
        &mut svg,
        &font,
        &mut boxes,
        &label,
        x0,
        scale_y + 4.0,
        11.0,
        Anchor::Start,
        INK_SOFT,
    );
    let sx = x0 + font.width(&label, 11.0) + 10.0;
    for s in 0..5 {
        let d = s as f64 / 4.0;
        svg.raw(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"38\" height=\"12\" fill=\"{}\" stroke=\"#BBBBBB\" stroke-width=\"0.5\"/>",
            num(sx + 42.0 * s as f64),
            num(scale_y - 6.0),
            density_colour(d)
        ));
        put(
            &mut svg,
            &font,
            &mut boxes,
            &t.number(d, 2),
            sx + 42.0 * s as f64 + 19.0,
            scale_y + 20.0,
            MIN_TEXT,
            Anchor::Middle,
            INK_SOFT,
        );
    }
    put_caption(&mut svg, &font, &mut boxes, &cap_lines, scale_y + 40.0);
    top_pairs.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let strongest: Vec<String> = top_pairs
        .iter()
        .take(3)
        .map(|&(c, i, j)| {
            if i == j {
                t.format(
                    "draw-matrix-within",
                    &[("a", Arg::Str(&st(i).name)), ("n", Arg::Num(c as f64))],
                )
            } else {
                t.format(
                    "draw-matrix-between",
                    &[
                        ("a", Arg::Str(&st(i).name)),
                        ("b", Arg::Str(&st(j).name)),
                        ("n", Arg::Num(c as f64)),
                    ],
                )
            }
        })
        .collect();
    let total: usize = (0..k)
        .map(|i| (i..k).map(|j| m.counts[i][j]).sum::<usize>())
        .sum();
    let alt = t.format(
        "draw-matrix-alt",
        &[
            ("functions", Arg::Num(k as f64)),
            ("ties", Arg::Num(total as f64)),
            ("strongest", Arg::Str(&strongest.join("; "))),
        ],
    );
    let mut header = vec![t.get("draw-col-function")];
    header.extend(order.iter().map(|&i| st(i).name.clone()));
    let rows = order
        .iter()
        .map(|&i| {
            let mut row = vec![st(i).name.clone()];
            row.extend(order.iter().map(|&j| m.counts[i][j].to_string()));
            row
        })
        .collect();
    let (svg, svg_text) = svg.finish_both(&title, &alt);
    Ok(Picture {
        svg,
        svg_text,
        alt_text: alt,
        table: Table { header, rows },
        quality: quality::chart(&boxes),
        positions: Positions::default(),
        legend_functions: order.iter().map(|&i| st(i).key.clone()).collect(),
        stated: vec![
            ("functions".to_string(), k as f64),
            ("ties".to_string(), total as f64),
        ],
    })
}

/// Diverging ColorBrewer RdYlBu, six classes (colour-blind safe): 1 (very
/// poor) red … 6 (very good) blue.
const RATING_COLOURS: [&str; 6] = [
    "#D73027", "#FC8D59", "#FEE090", "#E0F3F8", "#91BFDB", "#4575B4",
];
const DONT_KNOW: &str = "#BDBDBD";

/// Rating distributions as percent bars, one per municipality: the shares
/// of 1–6 of all answers, "don't know" as a separate bar beside them, N
/// and the mean (without "don't know") at the end of each row.
pub fn ratings(
    title: &str,
    rows: &[(String, RatingSummary)],
    t: &Texts,
) -> Result<Picture, DrawError> {
    if rows.is_empty() {
        return Err(DrawError::Empty(t.get("draw-ratings-missing")));
    }
    let font = Font::load()?;
    let name_w = rows
        .iter()
        .map(|r| font.width(&r.0, 11.0))
        .fold(0.0, f64::max)
        + 14.0;
    let bar_w = 300.0;
    let px = bar_w / 100.0;
    let max_dk = rows
        .iter()
        .map(|r| r.1.dont_know_percent)
        .fold(0.0, f64::max);
    let dk_w = (max_dk * px).max(40.0) + 32.0;
    let x0 = MARGIN + name_w;
    let xdk = x0 + bar_w + 24.0;
    let xn = xdk + dk_w + 12.0;
    let stats: Vec<String> = rows
        .iter()
        .map(|(_, s)| match s.mean {
            Some(m) => t.format(
                "draw-ratings-n-mean",
                &[
                    ("n", Arg::Num(s.n as f64)),
                    ("mean", Arg::Str(&t.number(m, 1))),
                ],
            ),
            None => t.format("draw-ratings-n", &[("n", Arg::Num(s.n as f64))]),
        })
        .collect();
    let stat_w = stats
        .iter()
        .map(|s| font.width(s, 11.0))
        .fold(0.0, f64::max);
    let width = (xn + stat_w + MARGIN).max(font.width(title, 15.0) + 2.0 * MARGIN);
    let legend_y = 52.0;
    let y0 = 92.0;
    let bh = 22.0;
    let step = 32.0;
    let axis_y = y0 + step * rows.len() as f64 + 4.0;
    let cap = t.get("draw-ratings-caption");
    let cap_lines = style::wrap(&font, &cap, 11.0, width - 2.0 * MARGIN);
    let height = axis_y + 30.0 + 15.0 * cap_lines.len() as f64 + MARGIN;
    let mut svg = Svg::new(&font, width, height);
    let mut boxes = Vec::new();
    put(
        &mut svg,
        &font,
        &mut boxes,
        title,
        MARGIN,
        26.0,
        15.0,
        Anchor::Start,
        INK,
    );
    // Legend: 1 … 6 and "don't know".
    let mut lx = x0;
    // v is both the rating and the colour index.
    #[allow(clippy::needless_range_loop)]
    for v in 0..7 {
        let (colour, text) = if v < 6 {
            (RATING_COLOURS[v], t.get(&format!("draw-rating-{}", v + 1)))
        } else {
            (DONT_KNOW, t.get("draw-dont-know"))
        };
        if v == 6 {
            lx = lx.max(xdk);
        }
        svg.raw(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{colour}\" stroke=\"#888888\" stroke-width=\"0.5\"/>",
            num(lx),
            num(legend_y - 10.0)
        ));
        put(
            &mut svg,
            &font,
            &mut boxes,
            &text,
            lx + 16.0,
            legend_y,
            MIN_TEXT,
            Anchor::Start,
            INK,
        );
        lx += 16.0 + font.width(&text, MIN_TEXT) + 12.0;
    }
    put(
        &mut svg,
        &font,
        &mut boxes,
        &t.get("draw-dont-know"),
        xdk,
        y0 - 8.0,
        MIN_TEXT,
        Anchor::Start,
        INK_SOFT,
    );
    for (r, ((name, s), stat)) in rows.iter().zip(&stats).enumerate() {
        let y = y0 + step * r as f64;
        put(
            &mut svg,
            &font,
            &mut boxes,
            name,
            x0 - 8.0,
            y + bh / 2.0 + 4.0,
            11.0,
            Anchor::End,
            INK,
        );
        svg.raw(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#F3F4F6\"/>",
            num(x0),
            num(y),
            num(bar_w),
            num(bh)
        ));
        let mut x = x0;
        for (v, pct) in s.percent.iter().enumerate() {
            let w = pct * px;
            if w <= 0.0 {
                continue;
            }
            svg.raw(&format!(
                "<rect class=\"segment\" data-value=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"0.8\"/>",
                v + 1,
                num(x),
                num(y),
                num(w),
                num(bh),
                RATING_COLOURS[v]
            ));
            let label = format!("{}", pct.round());
            if w >= font.width(&label, MIN_TEXT) + 6.0 {
                let ink = if style::luminance(RATING_COLOURS[v]) < 0.3 {
                    "#FFFFFF"
                } else {
                    INK
                };
                put(
                    &mut svg,
                    &font,
                    &mut boxes,
                    &label,
                    x + w / 2.0,
                    y + bh / 2.0 + 4.0,
                    MIN_TEXT,
                    Anchor::Middle,
                    ink,
                );
            }
            x += w;
        }
        let w = s.dont_know_percent * px;
        if w > 0.0 {
            svg.raw(&format!(
                "<rect class=\"dont-know\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{DONT_KNOW}\"/>",
                num(xdk),
                num(y),
                num(w),
                num(bh)
            ));
        }
        let label = format!("{}", s.dont_know_percent.round());
        put(
            &mut svg,
            &font,
            &mut boxes,
            &label,
            xdk + w + 4.0,
            y + bh / 2.0 + 4.0,
            MIN_TEXT,
            Anchor::Start,
            INK_SOFT,
        );
        put(
            &mut svg,
            &font,
            &mut boxes,
            stat,
            xn,
            y + bh / 2.0 + 4.0,
            11.0,
            Anchor::Start,
            INK,
        );
    }
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = x0 + tick * px;
        svg.raw(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#999999\" stroke-width=\"0.8\"/>",
            num(x),
            num(axis_y - 4.0),
            num(x),
            num(axis_y + 2.0)
        ));
        put(
            &mut svg,
            &font,
            &mut boxes,
            &format!("{tick} %"),
            x,
            axis_y + 14.0,
            MIN_TEXT,
            Anchor::Middle,
            INK_SOFT,
        );
    }
    put_caption(&mut svg, &font, &mut boxes, &cap_lines, axis_y + 34.0);
    let parts: Vec<String> = rows
        .iter()
        .map(|(name, s)| {
            let pct: Vec<String> = s.percent.iter().map(|p| format!("{}", p.round())).collect();
            t.format(
                "draw-ratings-alt-row",
                &[
                    ("name", Arg::Str(name)),
                    ("n", Arg::Num(s.n as f64)),
                    (
                        "mean",
                        Arg::Str(&s.mean.map(|m| t.number(m, 1)).unwrap_or_else(|| "–".into())),
                    ),
                    ("percents", Arg::Str(&pct.join(", "))),
                    ("dontknow", Arg::Num(s.dont_know as f64)),
                    (
                        "dontknowpct",
                        Arg::Str(&format!("{}", s.dont_know_percent.round())),
                    ),
                ],
            )
        })
        .collect();
    let alt = t.format(
        "draw-ratings-alt",
        &[
            ("title", Arg::Str(title)),
            ("rows", Arg::Str(&parts.join("; "))),
        ],
    );
    let mut header = vec![t.get("draw-col-municipality"), "N".to_string()];
    header.extend((1..=6).map(|v| v.to_string()));
    header.push(t.get("draw-dont-know"));
    header.push(t.get("draw-col-mean"));
    let table_rows = rows
        .iter()
        .map(|(name, s)| {
            let mut row = vec![name.clone(), s.n.to_string()];
            row.extend(s.counts.iter().map(|c| c.to_string()));
            row.push(s.dont_know.to_string());
            row.push(s.mean.map(|m| t.number(m, 2)).unwrap_or_default());
            row
        })
        .collect();
    let (svg, svg_text) = svg.finish_both(title, &alt);
    Ok(Picture {
        svg,
        svg_text,
        alt_text: alt,
        table: Table {
            header,
            rows: table_rows,
        },
        quality: quality::chart(&boxes),
        positions: Positions::default(),
        legend_functions: Vec::new(),
        stated: rows
            .iter()
            .map(|(_, s)| ("n".to_string(), s.n as f64))
            .collect(),
    })
}
