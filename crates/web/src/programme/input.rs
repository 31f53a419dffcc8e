//! Reading the fields of the programme's forms (agreement, pre-analysis,
//! vocabulary, reports): every problem is collected as a translated
//! sentence naming the field by its label on the form, so one answer lists
//! them all and the store is never asked to change anything while one is
//! left. The store validates the whole programme again after.

use samspill_i18n::{Arg, Texts};
use samspill_programme::date::Date;

use crate::forms::FormData;

/// Longest one-line field (names, titles, parties), in characters.
pub(crate) const MAX_LINE: usize = 300;
/// Longest multi-line field (notes, definitions, narratives).
pub(crate) const MAX_TEXT: usize = 5_000;
/// Most rows of a repeated part of a form (obligations, informants, …).
pub(crate) const MAX_ROWS: usize = 50;

/// The fields of one posted form and the problems found reading them.
pub(crate) struct Fields<'a> {
    form: &'a FormData,
    t: &'a Texts,
    /// Problems, in the order of the form.
    pub problems: Vec<String>,
}

impl<'a> Fields<'a> {
    pub(crate) fn new(form: &'a FormData, t: &'a Texts) -> Fields<'a> {
        Fields {
            form,
            t,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, key: &str, label: &str, extra: &[(&str, Arg<'_>)]) {
        let mut args = vec![("field", Arg::Str(label))];
        args.extend_from_slice(extra);
        self.problems.push(self.t.format(key, &args));
    }

    fn checked(&mut self, name: &str, label: &str, multiline: bool, max: usize) -> Option<String> {
        let raw = self.form.get(name).unwrap_or("");
        let s = raw.trim();
        let bad = |c: char| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'));
        if s.chars().any(bad) {
            self.problem("pp-error-control", label, &[]);
            return None;
        }
        let n = s.chars().count();
        if n > max {
            self.problem(
                "pp-error-too-long",
                label,
                &[("chars", Arg::Num(n as f64)), ("max", Arg::Num(max as f64))],
            );
            return None;
        }
        (!s.is_empty()).then(|| s.replace("\r\n", "\n"))
    }

    /// An optional one-line text.
    pub(crate) fn line(&mut self, name: &str, label: &str) -> Option<String> {
        self.checked(name, label, false, MAX_LINE)
    }

    /// A one-line text that must be given.
    pub(crate) fn required_line(&mut self, name: &str, label: &str) -> Option<String> {
        let before = self.problems.len();
        let v = self.checked(name, label, false, MAX_LINE);
        if v.is_none() && self.problems.len() == before {
            self.problem("pp-error-required", label, &[]);
        }
        v
    }

    /// An optional multi-line text.
    pub(crate) fn text(&mut self, name: &str, label: &str) -> Option<String> {
        self.checked(name, label, true, MAX_TEXT)
    }

    /// Lines of a multi-line field, each checked as a line (empty lines
    /// dropped).
    pub(crate) fn lines(&mut self, name: &str, label: &str) -> Vec<String> {
        let Some(all) = self.checked(name, label, true, MAX_TEXT) else {
            return Vec::new();
        };
        let lines: Vec<String> = all
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if lines.iter().any(|l| l.contains('\t')) {
            self.problem("pp-error-control", label, &[]);
            return Vec::new();
        }
        if let Some(l) = lines.iter().find(|l| l.chars().count() > MAX_LINE) {
            let n = l.chars().count();
            self.problem(
                "pp-error-too-long",
                label,
                &[
                    ("chars", Arg::Num(n as f64)),
                    ("max", Arg::Num(MAX_LINE as f64)),
                ],
            );
            return Vec::new();
        }
        if lines.len() > MAX_ROWS {
            self.problem(
                "pp-error-too-many",
                label,
                &[("max", Arg::Num(MAX_ROWS as f64))],
            );
            return Vec::new();
        }
        lines
    }

    /// An optional date (`2026-03-01`, `2026-03`, `2026`, `2026-H`…).
    pub(crate) fn date(&mut self, name: &str, label: &str) -> Option<Date> {
        let s = self.checked(name, label, false, 40)?;
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(_) => {
                self.problem("pp-error-date", label, &[("value", Arg::Str(&s))]);
                None
            }
        }
    }

    /// An optional whole number from 0 to `max`.
    pub(crate) fn count(&mut self, name: &str, label: &str, max: u32) -> Option<u32> {
        let s = self.checked(name, label, false, 20)?;
        match s.parse::<u32>() {
            Ok(n) if n <= max => Some(n),
            _ => {
                self.problem(
                    "pp-error-number",
                    label,
                    &[("value", Arg::Str(&s)), ("max", Arg::Num(f64::from(max)))],
                );
                None
            }
        }
    }

    /// A checkbox.
    pub(crate) fn checked_box(&self, name: &str) -> bool {
        self.form.get(name).is_some_and(|v| !v.is_empty())
    }

    /// One of `choices` (by code), or none when empty.
    pub(crate) fn choice<T: Copy>(
        &mut self,
        name: &str,
        label: &str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let s = self.form.text(name);
        if s.is_empty() {
            return None;
        }
        match choices.iter().find(|(c, _)| *c == s) {
            Some((_, v)) => Some(*v),
            None => {
                self.problem("pp-error-choice", label, &[]);
                None
            }
        }
    }

    /// The label of `key` with a row number.
    pub(crate) fn row_label(&self, key: &str, row: usize) -> String {
        self.t.format(
            "pp-row-field",
            &[
                ("field", Arg::Str(&self.t.get(key))),
                ("row", Arg::Num((row + 1) as f64)),
            ],
        )
    }

    /// The label of `key`.
    pub(crate) fn label(&self, key: &str) -> String {
        self.t.get(key)
    }
}
