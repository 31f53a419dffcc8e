//! The data model shared by every layer: people, relations, reported ties.
//!
//! A [`Network`] is what a survey round or a network file holds *before* any
//! analysis choice is made: every person with a stable id, every reported tie
//! with its value, per relation. Turning it into the graph that is analysed
//! (combination rule, threshold, non-respondents) is [`crate::build()`]'s job.
//!
//! Invariants (checked by [`Network::validate`]):
//! - person ids are unique and non-empty;
//! - every tie's `source` and `target` index an existing person;
//! - tie values are finite.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// An attribute value on a person, tie or network.
///
/// Formats differ in what they can type; this is the common ground that
/// GraphML, GEXF, CSV and XLSX can all hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AttrValue {
    /// A true/false value.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A real number (finite).
    Float(f64),
    /// Free text.
    Text(String),
}

impl AttrValue {
    /// The value as text, the way it would be written to a CSV cell.
    pub fn to_text(&self) -> String {
        match self {
            AttrValue::Bool(b) => b.to_string(),
            AttrValue::Int(i) => i.to_string(),
            AttrValue::Float(f) => f.to_string(),
            AttrValue::Text(s) => s.clone(),
        }
    }
}

/// The organisational level of a person (PRODUCT.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Top management (rådmann, kommunaldirektør).
    TopManagement,
    /// Leader of a unit or service.
    Leader,
    /// Professional staff.
    Professional,
    /// Elected politician.
    Politician,
    /// Someone outside the municipal organisation.
    External,
}

impl Level {
    /// All levels, in order from the top.
    pub const ALL: [Level; 5] = [
        Level::TopManagement,
        Level::Leader,
        Level::Professional,
        Level::Politician,
        Level::External,
    ];

    /// The stable machine name (`top_management`, `leader`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::TopManagement => "top_management",
            Level::Leader => "leader",
            Level::Professional => "professional",
            Level::Politician => "politician",
            Level::External => "external",
        }
    }

    /// Parses the stable machine name; `None` if it is not one.
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s.trim())
    }
}

/// A time interval during which a person or tie exists.
///
/// Pajek time marks (`[3]`, `[1-4]`, `[5-*]`) and GEXF spells both map onto
/// this. Points are kept as written so that dates survive a round trip; an
/// open end is `None`. A single time point `[3]` is `start = end = "3"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spell {
    /// First time point included, or `None` for "from the beginning".
    pub start: Option<String>,
    /// Last time point included, or `None` for "open-ended".
    pub end: Option<String>,
}

impl Spell {
    /// Whether the integer time point `t` lies in this spell.
    ///
    /// Points that are not integers (dates) never match.
    pub fn contains_int(&self, t: i64) -> bool {
        let ok_start = match &self.start {
            None => true,
            Some(s) => s.trim().parse::<i64>().map(|s| s <= t).unwrap_or(false),
        };
        let ok_end = match &self.end {
            None => true,
            Some(e) => e.trim().parse::<i64>().map(|e| t <= e).unwrap_or(false),
        };
        ok_start && ok_end
    }
}

/// One person (a vertex).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Stable identity, the same across survey rounds and waves.
    pub id: String,
    /// Display label (a name, or a pseudonym such as a function code).
    pub label: String,
    /// The person's functions from the catalogue; the first is the *primary*
    /// function used where a measure needs exactly one group per person.
    #[serde(default)]
    pub functions: Vec<String>,
    /// Organisational unit, if known.
    #[serde(default)]
    pub unit: Option<String>,
    /// Organisational level, if known.
    #[serde(default)]
    pub level: Option<Level>,
    /// Whether the person answered the survey. `true` for data that carries
    /// no such information (every reported tie is then taken at face value).
    #[serde(default = "default_true")]
    pub responded: bool,
    /// When the person is present (waves, dynamic networks); empty = always.
    #[serde(default)]
    pub spells: Vec<Spell>,
    /// Any further attributes (coordinates, colours, custom columns).
    #[serde(default)]
    pub attributes: BTreeMap<String, AttrValue>,
}

fn default_true() -> bool {
    true
}

impl Person {
    /// A person with an id and a label and nothing else known.
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Person {
        Person {
            id: id.into(),
            label: label.into(),
            functions: Vec::new(),
            unit: None,
            level: None,
            responded: true,
            spells: Vec::new(),
            attributes: BTreeMap::new(),
        }
    }

    /// The primary function: the first one listed.
    pub fn primary_function(&self) -> Option<&str> {
        self.functions.first().map(String::as_str)
    }
}

/// One reported tie.
///
/// In survey data a directed tie is a *report*: `source` said they are in
/// contact with `target`, with strength `value` (daily 3, weekly 2, monthly
/// 1, rarer 0). In network files it is simply an arc (`directed`) or an edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tie {
    /// Index of the reporting person (or the arc's tail) in [`Network::people`].
    pub source: usize,
    /// Index of the named person (or the arc's head).
    pub target: usize,
    /// Tie value: a strength 0–3 for survey data, any finite number in files
    /// (Sampson's affect ties run from −3 to 3 and keep their sign).
    pub value: f64,
    /// `true` for an arc, `false` for an undirected edge.
    pub directed: bool,
    /// When the tie exists (Pajek time marks, GEXF spells); empty = always.
    #[serde(default)]
    pub spells: Vec<Spell>,
    /// Any further attributes.
    #[serde(default)]
    pub attributes: BTreeMap<String, AttrValue>,
}

impl Tie {
    /// An arc `source → target` with a value.
    pub fn arc(source: usize, target: usize, value: f64) -> Tie {
        Tie {
            source,
            target,
            value,
            directed: true,
            spells: Vec::new(),
            attributes: BTreeMap::new(),
        }
    }

    /// An undirected edge `source — target` with a value.
    pub fn edge(source: usize, target: usize, value: f64) -> Tie {
        Tie {
            directed: false,
            ..Tie::arc(source, target, value)
        }
    }
}

/// One relation: a named set of ties among the same people
/// (e.g. "contact about social housing", "asks for advice").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Name of the relation.
    pub name: String,
    /// The ties, in the order they were read or reported.
    pub ties: Vec<Tie>,
}

impl Relation {
    /// A relation is directed when any of its ties is an arc.
    ///
    /// A relation without ties cannot say; [`Network::relation_directed`]
    /// then asks the network's [`DIRECTED_ATTRIBUTE`].
    pub fn is_directed(&self) -> bool {
        self.ties.iter().any(|t| t.directed)
    }
}

/// The network attribute (`Bool`) with which a file declares its relations
/// directed even where they have no ties to show it: Pajek `*Arcs`,
/// GraphML `edgedefault="directed"`, GEXF `defaultedgetype="directed"`, an
/// asymmetric-capable DL file. Readers set it only for relations without
/// ties, so that a directed file with no ties is still analysed as directed.
pub const DIRECTED_ATTRIBUTE: &str = "directed";

/// A partition: one class per person (Pajek `.clu`, a community assignment,
/// a grouping attribute). `None` marks a person without a class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partition {
    /// Name of the partition.
    pub name: String,
    /// Class per person, in [`Network::people`] order.
    pub classes: Vec<Option<i64>>,
}

/// A vector: one real value per person (Pajek `.vec`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vector {
    /// Name of the vector.
    pub name: String,
    /// Value per person, in [`Network::people`] order.
    pub values: Vec<Option<f64>>,
}

/// A whole network as collected: people, relations, partitions and vectors.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Network {
    /// Name (file stem, Pajek `*Network` name, round name).
    pub name: String,
    /// The people, in a fixed order that indexes ties and partitions.
    pub people: Vec<Person>,
    /// The relations (at least one for anything that can be analysed).
    pub relations: Vec<Relation>,
    /// Partitions over the people.
    #[serde(default)]
    pub partitions: Vec<Partition>,
    /// Vectors over the people.
    #[serde(default)]
    pub vectors: Vec<Vector>,
    /// Network-level attributes.
    #[serde(default)]
    pub attributes: BTreeMap<String, AttrValue>,
}

/// What is wrong with a [`Network`] that breaks the model's invariants.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    /// Two people share an id.
    #[error("person id {id:?} is used twice (people {first} and {second})")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Index of the first person with it.
        first: usize,
        /// Index of the second person with it.
        second: usize,
    },
    /// A person has an empty id.
    #[error("person {index} has an empty id")]
    EmptyId {
        /// Index of the person.
        index: usize,
    },
    /// A tie points outside the people list.
    #[error(
        "relation {relation:?}, tie {tie}: person index {index} does not exist (there are {people} people)"
    )]
    TieOutOfRange {
        /// Relation name.
        relation: String,
        /// Index of the tie in the relation.
        tie: usize,
        /// The bad person index.
        index: usize,
        /// Number of people.
        people: usize,
    },
    /// A tie value is NaN or infinite.
    #[error("relation {relation:?}, tie {tie}: value is not a finite number")]
    NonFiniteValue {
        /// Relation name.
        relation: String,
        /// Index of the tie in the relation.
        tie: usize,
    },
    /// A partition or vector does not have one entry per person.
    #[error("{kind} {name:?} has {len} entries but there are {people} people")]
    WrongLength {
        /// "partition" or "vector".
        kind: &'static str,
        /// Its name.
        name: String,
        /// Its length.
        len: usize,
        /// Number of people.
        people: usize,
    },
}

impl Network {
    /// Whether `relation` (one of this network's) is directed: it has an
    /// arc, or it has no ties and the network declares itself directed
    /// ([`DIRECTED_ATTRIBUTE`]).
    pub fn relation_directed(&self, relation: &Relation) -> bool {
        relation.is_directed()
            || (relation.ties.is_empty()
                && matches!(
                    self.attributes.get(DIRECTED_ATTRIBUTE),
                    Some(AttrValue::Bool(true))
                ))
    }

    /// Checks the model's invariants (see the module documentation).
    pub fn validate(&self) -> Result<(), ModelError> {
        let mut seen: std::collections::HashMap<&str, usize> =
            std::collections::HashMap::with_capacity(self.people.len());
        for (i, p) in self.people.iter().enumerate() {
            if p.id.is_empty() {
                return Err(ModelError::EmptyId { index: i });
            }
            if let Some(&first) = seen.get(p.id.as_str()) {
                return Err(ModelError::DuplicateId {
                    id: p.id.clone(),
                    first,
                    second: i,
                });
            }
            seen.insert(&p.id, i);
        }
        let n = self.people.len();
        for r in &self.relations {
            for (k, t) in r.ties.iter().enumerate() {
                for index in [t.source, t.target] {
                    if index >= n {
                        return Err(ModelError::TieOutOfRange {
                            relation: r.name.clone(),
                            tie: k,
                            index,
                            people: n,
                        });
                    }
                }
                if !t.value.is_finite() {
                    return Err(ModelError::NonFiniteValue {
                        relation: r.name.clone(),
                        tie: k,
                    });
                }
            }
        }
        for p in &self.partitions {
            if p.classes.len() != n {
                return Err(ModelError::WrongLength {
                    kind: "partition",
                    name: p.name.clone(),
                    len: p.classes.len(),
                    people: n,
                });
            }
        }
        for v in &self.vectors {
            if v.values.len() != n {
                return Err(ModelError::WrongLength {
                    kind: "vector",
                    name: v.name.clone(),
                    len: v.values.len(),
                    people: n,
                });
            }
        }
        Ok(())
    }

    /// Index of the person with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.people.iter().position(|p| p.id == id)
    }

    /// The relation with this name, or the first one when `name` is `None`.
    pub fn relation(&self, name: Option<&str>) -> Option<&Relation> {
        match name {
            None => self.relations.first(),
            Some(n) => self.relations.iter().find(|r| r.name == n),
        }
    }
}

/// The survey's frequency answer for a contact (PRODUCT.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// More rarely than monthly: strength 0.
    Rarer,
    /// Monthly: strength 1.
    Monthly,
    /// Weekly: strength 2.
    Weekly,
    /// Daily: strength 3.
    Daily,
}

impl Frequency {
    /// All answers, from rarest to most frequent.
    pub const ALL: [Frequency; 4] = [
        Frequency::Rarer,
        Frequency::Monthly,
        Frequency::Weekly,
        Frequency::Daily,
    ];

    /// The ordered tie strength: daily 3, weekly 2, monthly 1, rarer 0.
    pub fn strength(self) -> f64 {
        match self {
            Frequency::Rarer => 0.0,
            Frequency::Monthly => 1.0,
            Frequency::Weekly => 2.0,
            Frequency::Daily => 3.0,
        }
    }

    /// The stable machine name (`daily`, `weekly`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Rarer => "rarer",
            Frequency::Monthly => "monthly",
            Frequency::Weekly => "weekly",
            Frequency::Daily => "daily",
        }
    }

    /// Parses the stable machine name.
    pub fn parse(s: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|f| f.as_str() == s.trim())
    }
}

/// Maps an answer on another ordered scale onto the 0–3 strength scale.
///
/// The scale runs from `low` (rarest) to `high` (most frequent); the answer
/// is placed linearly and rounded to the nearest strength, halves up. A
/// 5-point scale 1..=5 maps 1→0, 2→1 (0.75 rounds up), 3→2 (1.5), 4→2
/// (2.25), 5→3. Returns `None` when the answer lies outside the scale or the
/// scale is empty.
pub fn map_to_strength(answer: f64, low: f64, high: f64) -> Option<f64> {
    if !(answer.is_finite() && low.is_finite() && high.is_finite()) || high <= low {
        return None;
    }
    if answer < low || answer > high {
        return None;
    }
    let x = (answer - low) / (high - low) * 3.0;
    Some((x + 0.5).floor().min(3.0))
}
