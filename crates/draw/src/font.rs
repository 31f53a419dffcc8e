//! The embedded sans-serif font (DejaVu Sans Condensed, Bitstream Vera
//! licence, see `assets/DejaVu-LICENSE.txt`): text measurement and glyph
//! outlines, so every picture renders the same everywhere without relying
//! on installed fonts.

use std::fmt::Write;

use crate::DrawError;

/// The embedded font file (DejaVu Sans Condensed), for renderers that draw
/// the `<text>` version of a picture (see [`crate::svg::Svg::finish_both`]).
pub static FONT_DATA: &[u8] = include_bytes!("../assets/DejaVuSansCondensed.ttf");

/// The family name under which [`FONT_DATA`] is found (its typographic
/// family; the face is the family's condensed width).
pub const FAMILY: &str = "DejaVu Sans";

/// Horizontal anchoring of a text run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is where the text starts.
    Start,
    /// `x` is the middle of the text.
    Middle,
    /// `x` is where the text ends.
    End,
}

/// The parsed embedded font.
pub struct Font {
    face: ttf_parser::Face<'static>,
    upem: f64,
}

impl Font {
    /// Parses the embedded font.
    pub fn load() -> Result<Font, DrawError> {
        let face =
            ttf_parser::Face::parse(FONT_DATA, 0).map_err(|e| DrawError::Font(e.to_string()))?;
        let upem = f64::from(face.units_per_em());
        Ok(Font { face, upem })
    }

    /// Font units per em.
    pub fn units_per_em(&self) -> f64 {
        self.upem
    }

    /// Glyph ids and advances (font units) of `text`; characters the font
    /// lacks become `?`.
    pub fn glyphs(&self, text: &str) -> Vec<(u16, f64)> {
        let fallback = self.face.glyph_index('?');
        text.chars()
            .filter(|c| !c.is_control())
            .filter_map(|c| self.face.glyph_index(c).or(fallback))
            .map(|g| {
                let adv = self
                    .face
                    .glyph_hor_advance(g)
                    .map(f64::from)
                    .unwrap_or(self.upem / 2.0);
                (g.0, adv)
            })
            .collect()
    }

    /// Width of `text` in px at `size` px.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        let units: f64 = self.glyphs(text).iter().map(|g| g.1).sum();
        units * size / self.upem
    }

    /// Ascent above the baseline, in px at `size`.
    pub fn ascent(&self, size: f64) -> f64 {
        f64::from(self.face.ascender()) * size / self.upem
    }

    /// Descent below the baseline (positive), in px at `size`.
    pub fn descent(&self, size: f64) -> f64 {
        -f64::from(self.face.descender()) * size / self.upem
    }

    /// The outline of glyph `gid` as SVG path data in font units (y up), or
    /// `None` for glyphs without an outline (space).
    pub fn outline(&self, gid: u16) -> Option<String> {
        let mut b = PathBuilder(String::new());
        self.face.outline_glyph(ttf_parser::GlyphId(gid), &mut b)?;
        Some(b.0)
    }
}

struct PathBuilder(String);

fn f(x: f32) -> String {
    crate::svg::num(f64::from(x))
}

impl ttf_parser::OutlineBuilder for PathBuilder {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{} {}", f(x), f(y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{} {}", f(x), f(y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{} {} {} {}", f(x1), f(y1), f(x), f(y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(
            self.0,
            "C{} {} {} {} {} {}",
            f(x1),
            f(y1),
            f(x2),
            f(y2),
            f(x),
            f(y)
        );
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}
