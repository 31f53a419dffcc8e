//! The political contact figure: people × political bodies, the four
//! contact types told apart by shape and colour.

use samspill_engine::Network;
use samspill_engine::survey::{ContactType, PoliticalContacts};
use samspill_i18n::{Arg, Texts};

use crate::chart::{put, put_caption};
use crate::font::{Anchor, Font};
use crate::network::{NetworkOptions, ViewOptions, only_present, roster};
use crate::style::{self, INK, MARGIN};
use crate::svg::{Svg, num};
use crate::{DrawError, Picture, Positions, Table, quality};

/// Okabe–Ito colours for the four contact types, in questionnaire order.
const TYPE_COLOURS: [&str; 4] = ["#56B4E9", "#D55E00", "#CC79A7", "#009E73"];
const SLOT: f64 = 17.0;

fn type_key(c: ContactType) -> &'static str {
    match c {
        ContactType::ReceivesInformation => "draw-contact-receives",
        ContactType::GivesInformation => "draw-contact-gives",
        ContactType::PoliticalDiscussion => "draw-contact-political",
        ContactType::ProfessionalDiscussion => "draw-contact-professional",
    }
}

/// A marker for contact type `k` centred at (x, y): receives ▼, gives ▲,
/// political discussion ●, professional discussion ■.
fn marker(k: usize, x: f64, y: f64, fill: &str) -> String {
    let s = 5.5;
    match k {
        0 => format!(
            "<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"0.8\"/>",
            num(x - s),
            num(y - s * 0.8),
            num(x + s),
            num(y - s * 0.8),
            num(x),
            num(y + s * 0.9),
            style::darker(fill, 0.6)
        ),
        1 => format!(
            "<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"0.8\"/>",
            num(x - s),
            num(y + s * 0.8),
            num(x + s),
            num(y + s * 0.8),
            num(x),
            num(y - s * 0.9),
            style::darker(fill, 0.6)
        ),
        2 => format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"0.8\"/>",
            num(x),
            num(y),
            num(s * 0.85),
            style::darker(fill, 0.6)
        ),
        _ => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"0.8\"/>",
            num(x - s * 0.8),
            num(y - s * 0.8),
            num(s * 1.6),
            num(s * 1.6),
            style::darker(fill, 0.6)
        ),
    }
}

/// The two-mode political figure: one row per person with any political
/// contact (grouped by function), one column per body, and in each cell a
/// marker per contact type reported. The bottom row counts people per body
/// and type.
pub fn political(
    net: &Network,
    contacts: &PoliticalContacts,
    opts: &NetworkOptions,
    t: &Texts,
) -> Result<Picture, DrawError> {
    political_with(net, contacts, opts, &ViewOptions::default(), t)
}

/// [`political`] labelled from a pseudonym map. Only respondents were
/// asked about political contact: the caption and text alternative count
/// people out of the respondents.
pub fn political_with(
    net: &Network,
    contacts: &PoliticalContacts,
    opts: &NetworkOptions,
    view: &ViewOptions,
    t: &Texts,
) -> Result<Picture, DrawError> {
    let nb = contacts.bodies.len();
    if nb == 0 {
        return Err(DrawError::Empty(t.get("draw-political-missing")));
    }
    if let Some(c) = contacts
        .contacts
        .iter()
        .find(|c| c.0 >= net.people.len() || c.1 >= nb)
    {
        return Err(DrawError::Mismatch(format!(
            "political contact ({}, {}) refers to a person or body that does not exist",
            c.0, c.1
        )));
    }
    let font = Font::load()?;
    let (styles, nodes) = roster(net, opts.names, view, t);
    // has[person][body][type]
    let mut has = vec![vec![[false; 4]; nb]; net.people.len()];
    for &(p, b, k) in &contacts.contacts {
        let ki = ContactType::ALL.iter().position(|x| *x == k).unwrap_or(0);
        has[p][b][ki] = true;
    }
    let mut rows: Vec<usize> = (0..net.people.len())
        .filter(|&p| has[p].iter().any(|c| c.iter().any(|&x| x)))
        .collect();
    rows.sort_by_key(|&p| (nodes[p].style, p));
    let kept: Vec<_> = rows.iter().map(|&p| nodes[p].clone()).collect();
    let (styles, kept) = only_present(styles, kept);

    let title = opts
        .title
        .clone()
        .unwrap_or_else(|| t.get("draw-political-title"));
    let label_w = kept
        .iter()
        .map(|n| font.width(&n.label, 11.0))
        .fold(font.width(&t.get("draw-political-total"), 11.0), f64::max)
        + 30.0;
    let cell_min = 4.0 * SLOT + 12.0;
    let col_w: Vec<f64> = contacts
        .bodies
        .iter()
        .map(|b| (font.width(b, 11.0) + 14.0).max(cell_min))
        .collect();
    let x0 = MARGIN + label_w;
    let legend_y = 52.0;
    let head_y = 92.0;
    let y0 = head_y + 12.0;
    let rh = 22.0;
    let grid_w: f64 = col_w.iter().sum();
    let total_y = y0 + rh * rows.len() as f64 + 8.0;
    // Legend: the four types.
    let type_names: Vec<String> = ContactType::ALL
        .iter()
        .map(|&c| t.get(type_key(c)))
        .collect();
    let legend_w: f64 = type_names.iter().map(|s| font.width(s, 11.0) + 34.0).sum();
    let width = (x0 + grid_w + MARGIN)
        .max(MARGIN * 2.0 + legend_w)
        .max(font.width(&title, 15.0) + 2.0 * MARGIN);
    let reached = rows.len();
    let respondents = net.people.iter().filter(|p| p.responded).count();
    let cap = t.format(
        "draw-political-caption",
        &[
            ("k", Arg::Num(reached as f64)),
            ("n", Arg::Num(respondents as f64)),
        ],
    );
    let cap_lines = style::wrap(&font, &cap, 11.0, width - 2.0 * MARGIN);
    let height = total_y + 36.0 + 15.0 * cap_lines.len() as f64 + MARGIN;
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
    let mut lx = MARGIN;
    for (k, name) in type_names.iter().enumerate() {
        svg.raw(&marker(k, lx + 7.0, legend_y - 4.0, TYPE_COLOURS[k]));
        put(
            &mut svg,
            &font,
            &mut boxes,
            name,
            lx + 18.0,
            legend_y,
            11.0,
            Anchor::Start,
            INK,
        );
        lx += font.width(name, 11.0) + 34.0;
    }
    // Column heads.
    let mut cx = x0;
    let mut col_x = Vec::new();
    for (b, w) in contacts.bodies.iter().zip(&col_w) {
        put(
            &mut svg,
            &font,
            &mut boxes,
            b,
            cx + w / 2.0,
            head_y,
            11.0,
            Anchor::Middle,
            INK,
        );
        col_x.push(cx);
        cx += w;
    }
    for (r, (&p, node)) in rows.iter().zip(&kept).enumerate() {
        let y = y0 + rh * r as f64;
        if r % 2 == 0 {
            svg.raw(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#F3F4F6\"/>",
                num(MARGIN),
                num(y),
                num(label_w + grid_w),
                num(rh)
            ));
        }
        let colour = styles[node.style].colour;
        svg.raw(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{colour}\" stroke=\"{}\"/>",
            num(MARGIN + 9.0),
            num(y + rh / 2.0),
            style::darker(colour, 0.6)
        ));
        put(
            &mut svg,
            &font,
            &mut boxes,
            &node.label,
            MARGIN + 20.0,
            y + rh / 2.0 + 4.0,
            11.0,
            Anchor::Start,
            INK,
        );
        for b in 0..nb {
            let left = col_x[b] + (col_w[b] - 4.0 * SLOT) / 2.0;
            for k in 0..4 {
                let mx = left + SLOT * (k as f64 + 0.5);
                let my = y + rh / 2.0;
                if has[p][b][k] {
                    svg.raw(&marker(k, mx, my, TYPE_COLOURS[k]));
                } else {
                    svg.raw(&format!(
                        "<circle cx=\"{}\" cy=\"{}\" r=\"1.6\" fill=\"#C8C8C8\"/>",
                        num(mx),
                        num(my)
                    ));
                }
            }
        }
    }
    // Totals.
    put(
        &mut svg,
        &font,
        &mut boxes,
        &t.get("draw-political-total"),
        MARGIN + 20.0,
        total_y + 14.0,
        11.0,
        Anchor::Start,
        INK,
    );
    for b in 0..nb {
        let left = col_x[b] + (col_w[b] - 4.0 * SLOT) / 2.0;
        for (k, &c) in ContactType::ALL.iter().enumerate() {
            let count = contacts.people_with(b, c);
            put(
                &mut svg,
                &font,
                &mut boxes,
                &count.to_string(),
                left + SLOT * (k as f64 + 0.5),
                total_y + 14.0,
                11.0,
                Anchor::Middle,
                INK,
            );
        }
    }
    put_caption(&mut svg, &font, &mut boxes, &cap_lines, total_y + 40.0);
    let per_body: Vec<String> = contacts
        .bodies
        .iter()
        .enumerate()
        .map(|(b, name)| {
            let parts: Vec<String> = ContactType::ALL
                .iter()
                .map(|&c| {
                    format!(
                        "{} {}",
                        t.get(type_key(c)).to_lowercase(),
                        contacts.people_with(b, c)
                    )
                })
                .collect();
            format!("{name}: {}", parts.join(", "))
        })
        .collect();
    let alt = t.format(
        "draw-political-alt",
        &[
            ("k", Arg::Num(reached as f64)),
            ("n", Arg::Num(respondents as f64)),
            ("bodies", Arg::Num(nb as f64)),
            ("perbody", Arg::Str(&per_body.join("; "))),
        ],
    );
    let mut header = vec![t.get("draw-col-person"), t.get("draw-col-body")];
    header.extend(type_names.iter().cloned());
    let mut table_rows = Vec::new();
    for (&p, node) in rows.iter().zip(&kept) {
        // b indexes both the bodies and each person's contact flags.
        #[allow(clippy::needless_range_loop)]
        for b in 0..nb {
            if has[p][b].iter().any(|&x| x) {
                let mut row = vec![node.label.clone(), contacts.bodies[b].clone()];
                row.extend(
                    has[p][b]
                        .iter()
                        .map(|&x| t.get(if x { "draw-yes" } else { "draw-no" })),
                );
                table_rows.push(row);
            }
        }
    }
    let (svg, svg_text) = svg.finish_both(&title, &alt);
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
        legend_functions: styles.iter().map(|s| s.key.clone()).collect(),
        stated: vec![
            ("k".to_string(), reached as f64),
            ("n".to_string(), respondents as f64),
            ("bodies".to_string(), nb as f64),
        ],
    })
}
