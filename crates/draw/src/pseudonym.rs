//! Pseudonyms: «Tildeling 5» instead of a name, the same person under the
//! same pseudonym in every picture, table and sentence of a round, and in
//! every round of a municipality.
//!
//! A pseudonym is a function code and a number. It belongs to a person's
//! stable id, never to a position in a list: [`Pseudonyms::extend`] keeps
//! every pseudonym already given and numbers only the newcomers, each after
//! the highest number ever given for that function, so a number is never
//! given to two people (not even after someone left).
//!
//! The one exception is a person whose primary function changed: the code
//! must match the colour and the legend entry of the pictures, so they get
//! a new number under the new function (and keep it from then on).
//!
//! Rules of the numbering (for reproducibility):
//! - the function is the person's primary (first) function; standard
//!   functions are recognised by [`crate::function_key`] (aliases
//!   included), a municipality's own function by its trimmed name, and
//!   people without a function share the code `draw-code-none` («Person»);
//! - newcomers are numbered in the network's roster order;
//! - the counter of a function is the highest number given so far
//!   ([`Pseudonyms::next`]), persisted with the map.

use std::collections::BTreeMap;

use samspill_engine::model::{Network, Person};
use samspill_i18n::Texts;
use serde::{Deserialize, Serialize};

/// The function identity a pseudonym is numbered under: a standard
/// function's key, a municipality's own function name, or `""` for none.
pub fn function_identity(primary: Option<&str>) -> String {
    match primary {
        None => String::new(),
        Some(name) => crate::function_key(name)
            .map(str::to_string)
            .unwrap_or_else(|| name.trim().to_string()),
    }
}

/// One person's pseudonym: function code and number («Tildeling 5»).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pseudonym {
    /// The function identity ([`function_identity`]): a standard key such
    /// as `tildeling`, a municipality's own function name, or `""`.
    pub function: String,
    /// The number, from 1, unique within the function.
    pub number: u32,
}

impl Pseudonym {
    /// The short code of the function in the language of `t` («Tildeling»).
    pub fn code(&self, t: &Texts) -> String {
        if self.function.is_empty() {
            t.get("draw-code-none")
        } else if crate::style::STANDARD_FUNCTIONS.contains(&self.function.as_str()) {
            t.get(&format!("draw-code-{}", self.function))
        } else {
            self.function.clone()
        }
    }

    /// The label shown for the person («Tildeling 5»).
    pub fn label(&self, t: &Texts) -> String {
        format!("{} {}", self.code(t), self.number)
    }
}

/// Pseudonyms by stable person id, with the counter of every function.
///
/// Persist the whole value (it is `serde`-serialisable) between rounds;
/// [`Pseudonyms::from_people`] rebuilds it from the people's entries alone
/// when only those were kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pseudonyms {
    /// Pseudonym per stable person id.
    pub people: BTreeMap<String, Pseudonym>,
    /// Highest number given so far per function identity (numbers are
    /// never given twice).
    pub next: BTreeMap<String, u32>,
}

impl Pseudonyms {
    /// An empty map (every person is a newcomer).
    pub fn new() -> Pseudonyms {
        Pseudonyms::default()
    }

    /// A map from stored entries; each function's counter is its highest
    /// number.
    pub fn from_people(people: impl IntoIterator<Item = (String, Pseudonym)>) -> Pseudonyms {
        let mut out = Pseudonyms::default();
        for (id, p) in people {
            let top = out.next.entry(p.function.clone()).or_insert(0);
            *top = (*top).max(p.number);
            out.people.insert(id, p);
        }
        out
    }

    /// The map for a new round of `net`: every pseudonym of `self` kept
    /// (people absent from `net` too, so a comparison can still name
    /// them), and each newcomer, or person whose primary function changed,
    /// numbered after the function's highest number, in roster order.
    /// Pure: `self` is not changed.
    pub fn extend(&self, net: &Network) -> Pseudonyms {
        let mut out = self.clone();
        // Counters never fall below a number in use (maps built by hand).
        for p in self.people.values() {
            let top = out.next.entry(p.function.clone()).or_insert(0);
            *top = (*top).max(p.number);
        }
        for person in &net.people {
            let function = function_identity(person.primary_function());
            if out
                .people
                .get(&person.id)
                .is_some_and(|p| p.function == function)
            {
                continue;
            }
            let top = out.next.entry(function.clone()).or_insert(0);
            *top += 1;
            let number = *top;
            out.people
                .insert(person.id.clone(), Pseudonym { function, number });
        }
        out
    }

    /// The pseudonym of the person with stable id `id`.
    pub fn get(&self, id: &str) -> Option<&Pseudonym> {
        self.people.get(id)
    }

    /// The label of `person` in the language of `t`; a person the map does
    /// not know (call [`Pseudonyms::extend`] first) gets their function
    /// code without a number.
    pub fn label(&self, person: &Person, t: &Texts) -> String {
        match self.people.get(&person.id) {
            Some(p) => p.label(t),
            None => Pseudonym {
                function: function_identity(person.primary_function()),
                number: 0,
            }
            .code(t),
        }
    }

    /// Both maps' people, `later`'s entries winning, and the higher of the
    /// two counters per function.
    pub fn merged(&self, later: &Pseudonyms) -> Pseudonyms {
        let mut out = self.clone();
        for (id, p) in &later.people {
            out.people.insert(id.clone(), p.clone());
        }
        for (f, n) in &later.next {
            let top = out.next.entry(f.clone()).or_insert(0);
            *top = (*top).max(*n);
        }
        for p in out.people.values() {
            let top = out.next.entry(p.function.clone()).or_insert(0);
            *top = (*top).max(p.number);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use samspill_i18n::Lang;

    fn person(id: &str, function: Option<&str>) -> Person {
        let mut p = Person::new(id, format!("Name {id}"));
        if let Some(f) = function {
            p.functions.push(f.to_string());
        }
        p
    }

    fn net(people: Vec<Person>) -> Network {
        Network {
            people,
            ..Network::default()
        }
    }

    #[test]
    fn roster_order_per_function_and_labels_in_every_language() {
        let n = net(vec![
            person("a", Some("Tildeling av bolig")),
            person("b", Some("Tjenester i bolig")),
            person("c", Some("Tildeling av bolig")),
            person("d", None),
            person("e", Some("Vaktmester")),
        ]);
        let m = Pseudonyms::new().extend(&n);
        let nb = Texts::new(Lang::Nb);
        let labels: Vec<String> = n.people.iter().map(|p| m.label(p, &nb)).collect();
        assert_eq!(
            labels,
            [
                "Tildeling 1",
                "Tjenester 1",
                "Tildeling 2",
                "Person 1",
                "Vaktmester 1"
            ]
        );
        let en = Texts::new(Lang::En);
        assert_eq!(m.label(&n.people[2], &en), "Allocation 2");
    }

    #[test]
    fn a_person_keeps_the_pseudonym_and_newcomers_get_new_numbers() {
        let first = net(vec![
            person("a", Some("Tildeling av bolig")),
            person("b", Some("Tildeling av bolig")),
            person("c", Some("Tildeling av bolig")),
        ]);
        let m1 = Pseudonyms::new().extend(&first);
        // b left, x joined in front of everyone, a moved to the end.
        let second = net(vec![
            person("x", Some("Tildeling av bolig")),
            person("c", Some("Tildeling av bolig")),
            person("a", Some("Tildeling av bolig")),
        ]);
        let m2 = m1.extend(&second);
        let nb = Texts::new(Lang::Nb);
        let label = |m: &Pseudonyms, id: &str| m.get(id).unwrap().label(&nb);
        assert_eq!(label(&m2, "a"), "Tildeling 1");
        assert_eq!(label(&m2, "c"), "Tildeling 3");
        // The newcomer does not take the number of the one who left.
        assert_eq!(label(&m2, "x"), "Tildeling 4");
        assert_eq!(label(&m2, "b"), "Tildeling 2");
        // Pure: the first map is unchanged.
        assert_eq!(m1.people.len(), 3);
        assert_eq!(m1.extend(&first), m1);
    }

    #[test]
    fn a_changed_function_gives_a_new_number_never_reused() {
        let first = net(vec![
            person("a", Some("Tildeling av bolig")),
            person("b", Some("Tildeling av bolig")),
        ]);
        let m1 = Pseudonyms::new().extend(&first);
        let second = net(vec![
            person("a", Some("Tildeling av bolig")),
            person("b", Some("Tjenester i bolig")),
            person("z", Some("Tildeling av bolig")),
        ]);
        let m2 = m1.extend(&second);
        let nb = Texts::new(Lang::Nb);
        assert_eq!(m2.get("b").unwrap().label(&nb), "Tjenester 1");
        // «Tildeling 2» was b's: z gets 3.
        assert_eq!(m2.get("z").unwrap().label(&nb), "Tildeling 3");
        // Rebuilt from the entries alone, the counters follow the numbers.
        let rebuilt = Pseudonyms::from_people(m2.people.clone());
        assert_eq!(rebuilt.next.get("tildeling"), Some(&3));
    }

    #[test]
    fn merged_prefers_the_later_map_and_keeps_the_higher_counter() {
        let a = Pseudonyms::from_people([(
            "p".to_string(),
            Pseudonym {
                function: "tildeling".into(),
                number: 7,
            },
        )]);
        let b = Pseudonyms::from_people([(
            "p".to_string(),
            Pseudonym {
                function: "tildeling".into(),
                number: 2,
            },
        )]);
        let m = a.merged(&b);
        assert_eq!(m.get("p").unwrap().number, 2);
        assert_eq!(m.next.get("tildeling"), Some(&7));
        let json = serde_json::to_string(&m).unwrap();
        let back: Pseudonyms = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
    }
}
