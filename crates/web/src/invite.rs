//! What every invitation says, on the opening page, in the printable
//! letters and in the mails, written once: why this person was asked (their
//! functions and unit on the list, and who drew up the list), the deadline
//! in the language's words, and whom to contact.
//!
//! The 2015 study lost respondents who did not understand why they got the
//! survey (domain.md §2.6, lesson 5a); every channel therefore says it.

use samspill_i18n::{Arg, Texts};
use samspill_store::RoundContact;

/// A function's name in the reader's language: the standard functions of
/// the 2015 study are translated, a municipality's own function is shown as
/// it was written.
pub fn function_name(t: &Texts, name: &str) -> String {
    match samspill_draw::function_key(name) {
        Some(k) => t.get(&format!("draw-fn-{k}")),
        None => name.to_string(),
    }
}

/// «A», «A og B», «A, B og C» in the reader's language.
pub fn and_list(t: &Texts, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), t.get("everyday-and")),
    }
}

/// Who a person is on the list and how they are reached.
pub struct Invitee<'a> {
    /// The tenant's name.
    pub tenant: &'a str,
    /// The person's functions on the list, primary first.
    pub functions: &'a [String],
    /// The person's unit.
    pub unit: Option<&'a str>,
    /// Whom to contact and who drew up the list.
    pub contact: &'a RoundContact,
    /// The last day to answer (`YYYY-MM-DD`).
    pub closes_on: Option<&'a str>,
}

impl Invitee<'_> {
    /// Why this person was asked: their place on the list, who drew up the
    /// list and what the answers are for.
    pub fn why(&self, t: &Texts) -> Vec<String> {
        let functions: Vec<String> = self
            .functions
            .iter()
            .map(|f| format!("«{}»", function_name(t, f)))
            .collect();
        let list = and_list(t, &functions);
        let count = Arg::Num(functions.len() as f64);
        let unit = self.unit.map(str::trim).filter(|u| !u.is_empty());
        let place = match (functions.is_empty(), unit) {
            (false, Some(u)) => t.format(
                "everyday-why-functions-unit",
                &[
                    ("functions", Arg::Str(&list)),
                    ("count", count),
                    ("unit", Arg::Str(u)),
                ],
            ),
            (false, None) => t.format(
                "everyday-why-functions",
                &[("functions", Arg::Str(&list)), ("count", count)],
            ),
            (true, Some(u)) => t.format("everyday-why-unit", &[("unit", Arg::Str(u))]),
            (true, None) => t.get("everyday-why-none"),
        };
        let mut out = vec![place];
        if let Some(by) = self.contact.list_by.as_deref() {
            out.push(t.format(
                "everyday-why-list-by",
                &[("by", Arg::Str(by)), ("tenant", Arg::Str(self.tenant))],
            ));
        }
        out.push(t.format("everyday-why-purpose", &[("tenant", Arg::Str(self.tenant))]));
        out
    }

    /// «Svarfrist: 17. desember 2026.», when there is a deadline.
    pub fn deadline(&self, t: &Texts) -> Option<String> {
        self.closes_on
            .map(|d| t.format("survey-deadline", &[("date", Arg::Str(&t.date_or_text(d)))]))
    }

    /// Whom to contact with questions, when anyone is named.
    pub fn contact(&self, t: &Texts) -> Option<String> {
        contact_line(t, self.contact)
    }
}

/// «Spørsmål om undersøkelsen? Kontakt Kari Nordmann, kari@…, tlf. …»,
/// from what the round names (`None` when it names nobody).
pub fn contact_line(t: &Texts, c: &RoundContact) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(n) = &c.name {
        parts.push(n.clone());
    }
    if let Some(e) = &c.email {
        parts.push(e.clone());
    }
    if let Some(p) = &c.phone {
        parts.push(t.format("everyday-phone", &[("phone", Arg::Str(p))]));
    }
    if parts.is_empty() {
        return None;
    }
    Some(t.format(
        "everyday-contact",
        &[("contact", Arg::Str(&parts.join(", ")))],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use samspill_i18n::Lang;

    fn contact() -> RoundContact {
        RoundContact {
            name: Some("Kari Koordinator".into()),
            email: Some("kari@oppdal.example".into()),
            phone: Some("+47 99 88 77 66".into()),
            list_by: Some("boliggruppa".into()),
        }
    }

    #[test]
    fn says_why_in_every_language() {
        let functions = vec![
            "Tildeling av bolig".to_string(),
            "Boligkontoret".to_string(),
        ];
        let c = contact();
        let who = Invitee {
            tenant: "Oppdal kommune",
            functions: &functions,
            unit: Some("NAV"),
            contact: &c,
            closes_on: Some("2026-12-17"),
        };
        let nb = Texts::new(Lang::Nb);
        let why = who.why(&nb).join(" ");
        assert!(
            why.contains("«Tildeling av bolig» og «Boligkontoret»"),
            "{why}"
        );
        assert!(why.contains("NAV"), "{why}");
        assert!(why.contains("boliggruppa"), "{why}");
        assert_eq!(who.deadline(&nb).unwrap(), "Svarfrist: 17. desember 2026.");
        let line = who.contact(&nb).unwrap();
        assert!(line.contains("Kari Koordinator, kari@oppdal.example, tlf. +47 99 88 77 66"));
        // English: the standard function is translated, the own one kept.
        let en = Texts::new(Lang::En);
        let why = who.why(&en).join(" ");
        assert!(
            why.contains("«Housing allocation» and «Boligkontoret»"),
            "{why}"
        );
        assert!(who.deadline(&en).unwrap().contains("17 December 2026"));
        for lang in Lang::ALL {
            let t = Texts::new(lang);
            for line in who.why(&t) {
                assert!(!line.starts_with('['), "{lang:?}: {line}");
            }
        }
    }

    #[test]
    fn says_what_it_knows_and_no_more() {
        let none = RoundContact::default();
        let who = Invitee {
            tenant: "Oppdal kommune",
            functions: &[],
            unit: None,
            contact: &none,
            closes_on: None,
        };
        let nb = Texts::new(Lang::Nb);
        assert_eq!(who.why(&nb).len(), 2, "place and purpose, no list-maker");
        assert!(who.deadline(&nb).is_none());
        assert!(who.contact(&nb).is_none());
        assert_eq!(
            and_list(&nb, &["a".into(), "b".into(), "c".into()]),
            "a, b og c"
        );
    }
}
