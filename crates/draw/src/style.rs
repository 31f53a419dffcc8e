//! Colours, function names and small text helpers shared by the views.

use samspill_i18n::Texts;

use crate::font::Font;

/// The eleven standard functions of the 2015 study (domain.md §2.1), as
/// machine keys, in the study's order. Their display names and short codes
/// are `draw-fn-<key>` and `draw-code-<key>` in `draw.ftl`.
pub const STANDARD_FUNCTIONS: [&str; 11] = [
    "okonomiske_virkemidler",
    "tjenester_i_bolig",
    "tildeling",
    "husleiekontrakter",
    "utbygging",
    "framskaffe_boliger",
    "arealplanlegging",
    "drift_vedlikehold",
    "boligsosial_planlegging",
    "samfunnsplanlegging",
    "politisk_folkevalgt",
];

/// Colour-blind-safe categorical palette: Okabe & Ito (2008) without black,
/// then Paul Tol's "muted" colours for functions beyond the first seven.
/// Standard function `k` always gets colour `k`, so a function has the same
/// colour in every picture of every municipality.
pub const FUNCTION_PALETTE: [&str; 12] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#882255",
    "#44AA99", "#999933", "#AA4499", "#332288",
];

/// Colour of people without a function.
pub const NO_FUNCTION_COLOUR: &str = "#BBBBBB";

/// Text colour.
pub const INK: &str = "#222222";
/// Secondary text colour.
pub const INK_SOFT: &str = "#555555";

/// Margin around every picture, px.
pub const MARGIN: f64 = 16.0;

/// The smallest text in any picture, px (1/96 in): printed at its natural
/// size it is 8.25 pt, so a picture may be shrunk to 97 % on paper and
/// still be read (the report places figures accordingly).
pub const MIN_TEXT: f64 = 11.0;

fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'ä' => out.push('a'),
            'a'..='z' | '0'..='9' => out.push(c),
            _ => {
                if !out.ends_with('_') {
                    out.push('_');
                }
            }
        }
    }
    out.trim_matches('_').to_string()
}

/// The standard function a catalogue entry names (by key, or by its
/// Norwegian name as in the 2015 study: "Tildeling av bolig" → `tildeling`),
/// or `None` for a municipality's own function.
pub fn function_key(name: &str) -> Option<&'static str> {
    let f = fold(name);
    const ALIASES: [(&str, &str); 8] = [
        (
            "okonomiske_virkemidler_radgivning",
            "okonomiske_virkemidler",
        ),
        ("tildeling_av_bolig", "tildeling"),
        ("drift_og_vedlikehold", "drift_vedlikehold"),
        ("framskaffe_bolig", "framskaffe_boliger"),
        ("politisk_folkevalgte", "politisk_folkevalgt"),
        ("politiker", "politisk_folkevalgt"),
        ("tjenester_i_boligen", "tjenester_i_bolig"),
        ("husleiekontrakt", "husleiekontrakter"),
    ];
    STANDARD_FUNCTIONS
        .iter()
        .copied()
        .find(|k| *k == f)
        .or_else(|| ALIASES.iter().find(|a| a.0 == f).map(|a| a.1))
}

/// A function as the pictures know it: its legend order, colour, display
/// name and short code.
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionStyle {
    /// Key (standard key, the municipality's own name, or "" for none).
    pub key: String,
    /// Display name for the legend.
    pub name: String,
    /// Short code for labels ("Tildeling").
    pub code: String,
    /// Fill colour.
    pub colour: &'static str,
}

/// Styles for the functions in `present` (each a raw function name or
/// `None` for "no function"), in legend order: standard functions in the
/// study's order, then the municipality's own in alphabetical order, then
/// "no function".
pub fn function_styles(present: &[Option<&str>], t: &Texts) -> Vec<FunctionStyle> {
    let mut standard: Vec<usize> = Vec::new();
    let mut own: Vec<String> = Vec::new();
    let mut none = false;
    for p in present {
        match p {
            None => none = true,
            Some(name) => match function_key(name) {
                Some(k) => {
                    let i = STANDARD_FUNCTIONS.iter().position(|s| *s == k).unwrap_or(0);
                    if !standard.contains(&i) {
                        standard.push(i);
                    }
                }
                None => {
                    let s = name.trim().to_string();
                    if !own.contains(&s) {
                        own.push(s);
                    }
                }
            },
        }
    }
    standard.sort_unstable();
    own.sort();
    let mut out: Vec<FunctionStyle> = standard
        .into_iter()
        .map(|i| {
            let k = STANDARD_FUNCTIONS[i];
            FunctionStyle {
                key: k.to_string(),
                name: t.get(&format!("draw-fn-{k}")),
                code: t.get(&format!("draw-code-{k}")),
                colour: FUNCTION_PALETTE[i],
            }
        })
        .collect();
    let own_palette = if out.len() + own.len() <= 11 {
        // Colours not taken by the standard functions present.
        let used: Vec<&str> = out.iter().map(|s| s.colour).collect();
        FUNCTION_PALETTE
            .iter()
            .copied()
            .filter(|c| !used.contains(c))
            .collect::<Vec<_>>()
    } else {
        FUNCTION_PALETTE[11..].to_vec()
    };
    for (k, name) in own.into_iter().enumerate() {
        out.push(FunctionStyle {
            key: name.clone(),
            code: name.clone(),
            name,
            colour: own_palette[k % own_palette.len()],
        });
    }
    if none {
        out.push(FunctionStyle {
            key: String::new(),
            name: t.get("draw-fn-none"),
            code: t.get("draw-code-none"),
            colour: NO_FUNCTION_COLOUR,
        });
    }
    out
}

/// Index in `styles` of a raw function name (`None`: no function).
pub fn style_index(styles: &[FunctionStyle], name: Option<&str>) -> usize {
    let key = match name {
        None => String::new(),
        Some(n) => function_key(n)
            .map(str::to_string)
            .unwrap_or_else(|| n.trim().to_string()),
    };
    styles.iter().position(|s| s.key == key).unwrap_or(0)
}

/// Breaks `text` into lines no wider than `width` px at `size`.
pub fn wrap(font: &Font, text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && font.width(&candidate, size) > width {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A darker shade of a `#RRGGBB` colour (for outlines).
pub fn darker(hex: &str, f: f64) -> String {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x888888);
    let c = |s: u32| ((((v >> s) & 0xff) as f64) * f).round().clamp(0.0, 255.0) as u32;
    format!("#{:02X}{:02X}{:02X}", c(16), c(8), c(0))
}

/// Linear interpolation between colours `a` and `b`.
pub fn mix(a: &str, b: &str, t: f64) -> String {
    let pa = u32::from_str_radix(a.trim_start_matches('#'), 16).unwrap_or(0);
    let pb = u32::from_str_radix(b.trim_start_matches('#'), 16).unwrap_or(0);
    let t = t.clamp(0.0, 1.0);
    let ch = |s: u32| {
        let x = ((pa >> s) & 0xff) as f64;
        let y = ((pb >> s) & 0xff) as f64;
        (x + (y - x) * t).round() as u32
    };
    format!("#{:02X}{:02X}{:02X}", ch(16), ch(8), ch(0))
}

/// Relative luminance of a `#RRGGBB` colour (0 black … 1 white).
pub fn luminance(hex: &str) -> f64 {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    let lin = |s: u32| {
        let c = ((v >> s) & 0xff) as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(16) + 0.7152 * lin(8) + 0.0722 * lin(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_aliases() {
        assert_eq!(function_key("Tildeling av bolig"), Some("tildeling"));
        assert_eq!(
            function_key("okonomiske_virkemidler"),
            Some("okonomiske_virkemidler")
        );
        assert_eq!(
            function_key("Økonomiske virkemidler/rådgivning"),
            Some("okonomiske_virkemidler")
        );
        assert_eq!(
            function_key("Drift og vedlikehold"),
            Some("drift_vedlikehold")
        );
        assert_eq!(function_key("Rus og psykiatri"), None);
        assert_eq!(darker("#FFFFFF", 0.5), "#808080");
        assert_eq!(mix("#000000", "#FFFFFF", 0.5), "#808080");
    }
}
