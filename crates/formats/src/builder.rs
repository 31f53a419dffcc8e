//! Building a [`Network`] from id-based formats (GraphML, GEXF, DL, XLSX),
//! and the attribute names samspill gives a meaning to.
//!
//! Person attributes named `label`, `functions` (`|`-separated), `unit`,
//! `level`, `responded`, `spells` (Pajek time-mark syntax),
//! `partition:NAME` and `vector:NAME` fill the model's fields; tie
//! attributes named `weight`, `relation` and `spells` likewise. Anything
//! else is kept as an attribute; a name written `attr:NAME` is always the
//! plain attribute `NAME` (the writers use this when an attribute's name
//! would otherwise be taken for one of the fields).

use std::collections::{BTreeMap, HashMap};

use samspill_engine::model::{AttrValue, Network, Partition, Person, Relation, Spell, Tie, Vector};

use crate::edgelist::{parse_bool, parse_level};
use crate::pajek::parse_spells;

/// Person attribute names that fill a field of [`Person`].
pub(crate) const PERSON_FIELDS: [&str; 6] =
    ["label", "functions", "unit", "level", "responded", "spells"];

/// Tie attribute names that fill a field of [`Tie`] or name its relation.
pub(crate) const TIE_FIELDS: [&str; 3] = ["weight", "relation", "spells"];

/// The name under which a person attribute must be written so that it reads
/// back as that attribute.
pub(crate) fn person_attr_key(name: &str) -> String {
    if PERSON_FIELDS.contains(&name)
        || name.starts_with("attr:")
        || name.starts_with("partition:")
        || name.starts_with("vector:")
    {
        format!("attr:{name}")
    } else {
        name.to_string()
    }
}

/// The name under which a tie attribute must be written.
pub(crate) fn tie_attr_key(name: &str) -> String {
    if TIE_FIELDS.contains(&name) || name.starts_with("attr:") {
        format!("attr:{name}")
    } else {
        name.to_string()
    }
}

/// Spells as Pajek time-mark text without brackets (`1-4,6`), if every
/// point can be written so.
pub(crate) fn spells_text(spells: &[Spell]) -> Option<String> {
    crate::pajek::time_mark(spells)
        .map(|m| m.trim_start_matches('[').trim_end_matches(']').to_string())
}

/// A network being read from a format that names people by id.
pub(crate) struct Builder {
    pub name: String,
    pub people: Vec<Person>,
    index: HashMap<String, usize>,
    relations: Vec<Relation>,
    rel_index: HashMap<String, usize>,
    partitions: Vec<(String, Vec<(usize, i64)>)>,
    vectors: Vec<(String, Vec<(usize, f64)>)>,
    pub attributes: BTreeMap<String, AttrValue>,
    /// People created because a tie named them before (or without) a
    /// declaration: count, and the first id.
    pub implicit: (usize, Option<String>),
    /// Ids created by ties and not (yet) declared.
    pending: std::collections::HashSet<String>,
}

impl Builder {
    pub fn new(name: String) -> Builder {
        Builder {
            name,
            people: Vec::new(),
            index: HashMap::new(),
            relations: Vec::new(),
            rel_index: HashMap::new(),
            partitions: Vec::new(),
            vectors: Vec::new(),
            attributes: BTreeMap::new(),
            implicit: (0, None),
            pending: std::collections::HashSet::new(),
        }
    }

    /// The person with this id, declared now: created if new. Returns the
    /// index and whether the id was declared before (a duplicate).
    pub fn declare(&mut self, id: &str) -> (usize, bool) {
        if let Some(&i) = self.index.get(id) {
            // Declared implicitly by a tie before: not a duplicate.
            let was_implicit = self.implicit_ids_contains(id);
            return (i, !was_implicit);
        }
        (self.create(id), false)
    }

    fn implicit_ids_contains(&mut self, id: &str) -> bool {
        if self.pending.remove(id) {
            self.implicit.0 = self.implicit.0.saturating_sub(1);
            if self.implicit.1.as_deref() == Some(id) {
                self.implicit.1 = self.pending.iter().next().cloned();
            }
            true
        } else {
            false
        }
    }

    fn create(&mut self, id: &str) -> usize {
        let i = self.people.len();
        self.people.push(Person::new(id, id));
        self.index.insert(id.to_string(), i);
        i
    }

    /// The person a tie names: created (and counted as implicit) if new.
    pub fn person_for_tie(&mut self, id: &str) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        self.implicit.0 += 1;
        if self.implicit.1.is_none() {
            self.implicit.1 = Some(id.to_string());
        }
        self.pending.insert(id.to_string());
        self.create(id)
    }

    /// Sets a person attribute by name (see the module documentation).
    pub fn set_person(&mut self, i: usize, name: &str, value: AttrValue) {
        if let Some(p) = name.strip_prefix("partition:") {
            let class = match &value {
                AttrValue::Int(c) => Some(*c),
                AttrValue::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(*f as i64),
                AttrValue::Text(t) => t.trim().parse::<i64>().ok(),
                _ => None,
            };
            if let Some(c) = class {
                let k = match self.partitions.iter().position(|(n, _)| n == p) {
                    Some(k) => k,
                    None => {
                        self.partitions.push((p.to_string(), Vec::new()));
                        self.partitions.len() - 1
                    }
                };
                if let Some((_, v)) = self.partitions.get_mut(k) {
                    v.push((i, c));
                }
                return;
            }
        }
        if let Some(p) = name.strip_prefix("vector:") {
            let val = match &value {
                AttrValue::Int(c) => Some(*c as f64),
                AttrValue::Float(f) => Some(*f),
                AttrValue::Text(t) => crate::edgelist::parse_number(t),
                _ => None,
            };
            if let Some(x) = val {
                let k = match self.vectors.iter().position(|(n, _)| n == p) {
                    Some(k) => k,
                    None => {
                        self.vectors.push((p.to_string(), Vec::new()));
                        self.vectors.len() - 1
                    }
                };
                if let Some((_, v)) = self.vectors.get_mut(k) {
                    v.push((i, x));
                }
                return;
            }
        }
        let Some(person) = self.people.get_mut(i) else {
            return;
        };
        match name {
            "label" => {
                person.label = value.to_text();
                return;
            }
            "functions" => {
                if let AttrValue::Text(t) = &value {
                    person.functions = t
                        .split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect();
                    return;
                }
            }
            "unit" => {
                if let AttrValue::Text(t) = &value {
                    person.unit = Some(t.clone());
                    return;
                }
            }
            "level" => {
                if let Some(l) = parse_level(&value.to_text()) {
                    person.level = Some(l);
                    return;
                }
            }
            "responded" => {
                let b = match &value {
                    AttrValue::Bool(b) => Some(*b),
                    AttrValue::Text(t) => parse_bool(t),
                    AttrValue::Int(0) => Some(false),
                    AttrValue::Int(1) => Some(true),
                    _ => None,
                };
                if let Some(b) = b {
                    person.responded = b;
                    return;
                }
            }
            "spells" => {
                if let Some(s) = parse_spells(&value.to_text()) {
                    person.spells = s;
                    return;
                }
            }
            _ => {}
        }
        let key = name.strip_prefix("attr:").unwrap_or(name);
        person.attributes.insert(key.to_string(), value);
    }

    /// Adds a tie to a relation (`None`: the network's default relation,
    /// named after the network).
    pub fn add_tie(&mut self, relation: Option<&str>, tie: Tie) {
        let name = relation.unwrap_or(&self.name).to_string();
        let r = match self.rel_index.get(&name) {
            Some(&r) => r,
            None => {
                self.relations.push(Relation {
                    name: name.clone(),
                    ties: Vec::new(),
                });
                self.rel_index.insert(name, self.relations.len() - 1);
                self.relations.len() - 1
            }
        };
        if let Some(rel) = self.relations.get_mut(r) {
            rel.ties.push(tie);
        }
    }

    /// Fixes the order of partitions and vectors before any value is read
    /// (`partition:NAME` / `vector:NAME` columns in declaration order).
    /// Columns that get no value are left out of the network.
    pub fn reserve_column(&mut self, name: &str) {
        if let Some(p) = name.strip_prefix("partition:") {
            if !self.partitions.iter().any(|(n, _)| n == p) {
                self.partitions.push((p.to_string(), Vec::new()));
            }
        } else if let Some(v) = name.strip_prefix("vector:") {
            if !self.vectors.iter().any(|(n, _)| n == v) {
                self.vectors.push((v.to_string(), Vec::new()));
            }
        }
    }

    /// Makes sure a relation exists even without ties.
    pub fn ensure_relation(&mut self, name: &str) {
        if !self.rel_index.contains_key(name) {
            self.relations.push(Relation {
                name: name.to_string(),
                ties: Vec::new(),
            });
            self.rel_index
                .insert(name.to_string(), self.relations.len() - 1);
        }
    }

    pub fn finish(mut self) -> Network {
        if self.relations.is_empty() {
            let name = self.name.clone();
            self.ensure_relation(&name);
        }
        let n = self.people.len();
        let partitions = self
            .partitions
            .into_iter()
            .filter(|(_, vals)| !vals.is_empty())
            .map(|(name, vals)| {
                let mut classes = vec![None; n];
                for (i, c) in vals {
                    if let Some(slot) = classes.get_mut(i) {
                        *slot = Some(c);
                    }
                }
                Partition { name, classes }
            })
            .collect();
        let vectors = self
            .vectors
            .into_iter()
            .filter(|(_, vals)| !vals.is_empty())
            .map(|(name, vals)| {
                let mut values = vec![None; n];
                for (i, c) in vals {
                    if let Some(slot) = values.get_mut(i) {
                        *slot = Some(c);
                    }
                }
                Vector { name, values }
            })
            .collect();
        Network {
            name: self.name,
            people: self.people,
            relations: self.relations,
            partitions,
            vectors,
            attributes: self.attributes,
        }
    }
}

/// A tie being read, with its relation.
pub(crate) struct TieDraft {
    pub tie: Tie,
    pub relation: Option<String>,
}

impl TieDraft {
    pub fn new(source: usize, target: usize, directed: bool) -> TieDraft {
        TieDraft {
            tie: Tie {
                source,
                target,
                value: 1.0,
                directed,
                spells: Vec::new(),
                attributes: BTreeMap::new(),
            },
            relation: None,
        }
    }

    /// Sets a tie attribute by name; an error message when a weight is not
    /// a finite number.
    pub fn set(&mut self, name: &str, value: AttrValue) -> Result<(), String> {
        match name {
            "weight" => {
                let v = match &value {
                    AttrValue::Int(i) => Some(*i as f64),
                    AttrValue::Float(f) => Some(*f),
                    AttrValue::Text(t) => crate::edgelist::parse_number(t),
                    AttrValue::Bool(_) => None,
                };
                match v {
                    Some(v) if v.is_finite() => self.tie.value = v,
                    _ => {
                        return Err(format!(
                            "expected a finite number as the weight, found {:?}",
                            value.to_text()
                        ));
                    }
                }
            }
            "relation" => self.relation = Some(value.to_text()),
            "spells" => match parse_spells(&value.to_text()) {
                Some(s) => self.tie.spells = s,
                None => {
                    self.tie.attributes.insert("spells".to_string(), value);
                }
            },
            _ => {
                let key = name.strip_prefix("attr:").unwrap_or(name);
                self.tie.attributes.insert(key.to_string(), value);
            }
        }
        Ok(())
    }
}
