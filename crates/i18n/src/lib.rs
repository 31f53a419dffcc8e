//! # samspill-i18n
//!
//! Every text samspill shows a person comes from the Fluent files in
//! `locales/<lang>/<area>.ftl` (bokmål `nb`, nynorsk `nn`, Danish `da`,
//! English `en`; one file per area of the product, e.g. `cli.ftl`,
//! `web.ftl`), all embedded in the binary by `build.rs`. No layer hard-codes
//! user-facing words. Keys must be unique across the files of a language.
//!
//! ```
//! use samspill_i18n::{Lang, Texts};
//! let t = Texts::new(Lang::Nb);
//! assert_eq!(t.get("measure-density"), "Tetthet");
//! ```

#![warn(missing_docs)]

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

mod sources {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// A language samspill speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Norwegian bokmål.
    Nb,
    /// Norwegian nynorsk.
    Nn,
    /// Danish.
    Da,
    /// English.
    En,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 4] = [Lang::Nb, Lang::Nn, Lang::Da, Lang::En];

    /// The BCP 47 code (`nb`, `nn`, `da`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Parses a code or locale such as `nb`, `nb-NO`, `no`, `da_DK.UTF-8`.
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s.trim().split(['-', '_', '.']).next()?.to_ascii_lowercase();
        match base.as_str() {
            "nb" | "no" | "nob" => Some(Lang::Nb),
            "nn" | "nno" => Some(Lang::Nn),
            "da" | "dan" => Some(Lang::Da),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Nb => sources::NB,
            Lang::Nn => sources::NN,
            Lang::Da => sources::DA,
            Lang::En => sources::EN,
        }
    }

    /// The decimal separator used when writing numbers for people.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            _ => ',',
        }
    }
}

/// The texts of one language, with English as the fallback for any key a
/// translation lacks (a test keeps all four complete).
pub struct Texts {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would end up in HTML and PDF output.
    b.set_use_isolating(false);
    // The files are embedded and checked by tests; a syntax error or a
    // duplicate key is reported through `problems` rather than a panic.
    for (_, src) in lang.sources() {
        let res = match FluentResource::try_new(src.to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = b.add_resource(res);
    }
    b
}

impl Texts {
    /// The texts of `lang`.
    pub fn new(lang: Lang) -> Texts {
        Texts {
            lang,
            bundle: bundle(lang),
            fallback: (lang != Lang::En).then(|| bundle(Lang::En)),
        }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text for `key` without arguments.
    pub fn get(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The text for `key` with named arguments (numbers or strings).
    ///
    /// A missing key yields the key itself in brackets, so a gap is visible
    /// in the output instead of silently empty.
    pub fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fa.set(*k, FluentValue::from(*s)),
                Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
            }
        }
        for b in std::iter::once(&self.bundle).chain(self.fallback.as_ref()) {
            if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return b
                    .format_pattern(pattern, Some(&fa), &mut errors)
                    .into_owned();
            }
        }
        format!("[{key}]")
    }

    /// A date `YYYY-MM-DD` as people read it in this language («17. desember
    /// 2026», «17 December 2026»); `None` when `iso` is not such a date.
    pub fn date(&self, iso: &str) -> Option<String> {
        let (y, m, d) = parse_date(iso)?;
        let month = self.get(&format!("date-month-{m}"));
        Some(self.format(
            "date-long",
            &[
                ("day", Arg::Num(d as f64)),
                ("month", Arg::Str(&month)),
                ("year", Arg::Str(&y.to_string())),
            ],
        ))
    }

    /// A date, or the text as it is when it is not a `YYYY-MM-DD` date.
    pub fn date_or_text(&self, s: &str) -> String {
        self.date(s).unwrap_or_else(|| s.to_string())
    }

    /// Formats a number for people: `decimals` places with the language's
    /// decimal separator.
    pub fn number(&self, x: f64, decimals: usize) -> String {
        let s = format!("{x:.decimals$}");
        if self.lang.decimal_separator() == ',' {
            s.replace('.', ",")
        } else {
            s
        }
    }
}

/// Splits `YYYY-MM-DD` into numbers (month 1–12, day 1–31).
fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: u32 = s[..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..].parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// An argument to [`Texts::format`].
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Text.
    Str(&'a str),
    /// A number (plural rules apply).
    Num(f64),
}

/// The message keys defined in a language's file (for completeness tests).
pub fn keys(lang: Lang) -> Vec<String> {
    let mut k: Vec<String> = lang
        .sources()
        .iter()
        .flat_map(|(_, src)| src.lines())
        .filter_map(|l| {
            let (name, _) = l.split_once(" =")?;
            (!name.starts_with([' ', '#', '.', '*', '[']) && !name.is_empty())
                .then(|| name.trim().to_string())
        })
        .collect();
    k.sort();
    k
}

/// Syntax problems in a language's file (empty when it parses cleanly).
pub fn problems(lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for (file, src) in lang.sources() {
        if let Err((_, errs)) = FluentResource::try_new(src.to_string()) {
            out.extend(
                errs.iter()
                    .map(|e| format!("{}/{file}: {e:?}", lang.code())),
            );
        }
    }
    let mut k = keys(lang);
    let before = k.len();
    k.dedup();
    if k.len() != before {
        out.push(format!(
            "{}: {} duplicate keys across files",
            lang.code(),
            before - k.len()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_parses_and_has_every_key() {
        let en = keys(Lang::En);
        assert!(en.len() > 20);
        for lang in Lang::ALL {
            assert!(problems(lang).is_empty(), "{lang:?}: {:?}", problems(lang));
            assert_eq!(keys(lang), en, "{lang:?} keys differ from English");
        }
    }

    #[test]
    fn arguments_and_plurals() {
        let t = Texts::new(Lang::Nb);
        assert_eq!(
            t.format("count-people", &[("n", Arg::Num(1.0))]),
            "1 person"
        );
        assert_eq!(
            t.format("count-people", &[("n", Arg::Num(3.0))]),
            "3 personer"
        );
        let e = Texts::new(Lang::En);
        assert_eq!(
            e.format("count-people", &[("n", Arg::Num(1.0))]),
            "1 person"
        );
        assert_eq!(
            e.format("count-people", &[("n", Arg::Num(2.0))]),
            "2 people"
        );
        assert!(
            !t.format("count-people", &[("n", Arg::Num(2.0))])
                .contains('\u{2068}')
        );
    }

    #[test]
    fn numbers_use_the_local_separator_and_missing_keys_show() {
        assert_eq!(Texts::new(Lang::Da).number(0.456, 2), "0,46");
        assert_eq!(Texts::new(Lang::En).number(0.456, 2), "0.46");
        assert_eq!(Texts::new(Lang::En).get("no-such-key"), "[no-such-key]");
        assert_eq!(Lang::parse("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::parse("sv"), None);
    }

    #[test]
    fn dates_in_each_language() {
        assert_eq!(
            Texts::new(Lang::Nb).date("2026-12-17").unwrap(),
            "17. desember 2026"
        );
        assert_eq!(
            Texts::new(Lang::Nn).date("2026-03-01").unwrap(),
            "1. mars 2026"
        );
        assert_eq!(
            Texts::new(Lang::Da).date("2026-05-09").unwrap(),
            "9. maj 2026"
        );
        assert_eq!(
            Texts::new(Lang::En).date("2026-12-17").unwrap(),
            "17 December 2026"
        );
        assert_eq!(Texts::new(Lang::Nb).date("2026-13-01"), None);
        assert_eq!(Texts::new(Lang::Nb).date_or_text("snart"), "snart");
    }
}
