//! The two kinds of text the store accepts, checked in one place.
//!
//! * **Lines** ([`check_line`]): names, units, e-mail addresses, function
//!   and body names, round names. They end up in mail headers, file names,
//!   CSV cells and picture labels, so they may hold no control character at
//!   all (a CR/LF in a display name broke the mail worker), and no invisible
//!   or direction-changing character (a zero-width space made a second
//!   person of the same e-mail; a right-to-left override makes «Kari» look
//!   like another name).
//! * **Texts** ([`check_text`]): open answers and instrument wording. Line
//!   breaks and tabs are allowed; other control characters and the bidi
//!   embedding/override/isolate controls are not.
//!
//! Both give [`StoreError::Invalid`] naming the field, which the web layer
//! turns into a message beside it.

use crate::{Result, StoreError};

/// Whether a character is invisible or changes the text direction: the
/// Unicode "format" (Cf) characters that render as nothing, and the
/// fillers that render as blank. The list is written out because the
/// standard library has no Unicode category table; it follows the Cf list
/// of Unicode 15 (plus the Hangul and Braille fillers).
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                      // soft hyphen
        | '\u{034F}'                    // combining grapheme joiner
        | '\u{0600}'..='\u{0605}'       // Arabic number signs
        | '\u{061C}'                    // Arabic letter mark
        | '\u{06DD}' | '\u{070F}' | '\u{08E2}'
        | '\u{115F}' | '\u{1160}'       // Hangul fillers
        | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'       // Mongolian selectors and vowel separator
        | '\u{200B}'..='\u{200F}'       // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}'       // bidi isolates, deprecated format chars
        | '\u{2800}'                    // Braille blank
        | '\u{3164}'                    // Hangul filler
        | '\u{FE00}'..='\u{FE0F}'       // variation selectors
        | '\u{FEFF}'                    // zero-width no-break space / BOM
        | '\u{FFA0}'                    // halfwidth Hangul filler
        | '\u{FFF9}'..='\u{FFFB}'       // interlinear annotation
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}' // tags
        | '\u{E0100}'..='\u{E01EF}'     // variation selectors supplement
    )
}

/// Whether a character overrides or embeds a text direction.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn too_long(field: &str, s: &str, max: usize) -> Result<()> {
    if s.chars().count() > max {
        return Err(StoreError::Invalid(format!(
            "{field} is longer than {max} characters"
        )));
    }
    Ok(())
}

/// A one-line text: at most `max` characters, no control character (not
/// even a line break or tab), no invisible or direction-changing character.
pub fn check_line(field: &str, s: &str, max: usize) -> Result<()> {
    too_long(field, s, max)?;
    if s.chars().any(|c| c.is_control() || is_invisible(c)) {
        return Err(StoreError::Invalid(format!(
            "{field} contains control or invisible characters"
        )));
    }
    Ok(())
}

/// A multi-line text: at most `max` characters; line breaks and tabs are
/// allowed, other control characters and bidi controls are not.
pub fn check_text(field: &str, s: &str, max: usize) -> Result<()> {
    too_long(field, s, max)?;
    if s.chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\r' && c != '\t') || is_bidi_control(c))
    {
        return Err(StoreError::Invalid(format!(
            "{field} contains control characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_refuse_breaks_and_invisibles() {
        assert!(check_line("name", "Kari Nordmann-Øvrebø", 200).is_ok());
        for bad in [
            "Kari\nNordmann",
            "Kari\r\nBcc: x@y.z",
            "Kari\tN",
            "Ka\u{200B}ri",
            "\u{202E}iraK",
            "Kari\u{2066}",
            "\u{FEFF}Kari",
            "Kari\u{00AD}",
            "\u{E0041}",
        ] {
            assert!(check_line("name", bad, 200).is_err(), "{bad:?}");
        }
        assert!(check_line("name", &"x".repeat(201), 200).is_err());
        assert!(check_line("name", &"ø".repeat(200), 200).is_ok());
    }

    #[test]
    fn texts_allow_breaks_but_not_overrides() {
        assert!(check_text("text", "linje 1\nlinje 2\r\n\tinnrykk", 100).is_ok());
        assert!(check_text("text", "a\u{202E}b", 100).is_err());
        assert!(check_text("text", "a\u{0007}b", 100).is_err());
        assert!(check_text("text", "a\u{200B}b", 100).is_ok());
    }
}
