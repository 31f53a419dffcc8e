//! Every number a report states, computed once with the engine.
//!
//! The network is built with the round's analysis rules ([`Rules`]: the
//! combination rule, and whether non-respondents are kept with the ties
//! others reported about them) at two thresholds: daily, and daily +
//! weekly. The daily + weekly network is built a second time with the
//! other choice about non-respondents ([`Facts::weekly_alt`]), to say what
//! rests on reconstruction.
//!
//! Definitions (each used everywhere the report says it):
//! - a **part** is a connected component of two or more people; the
//!   largest part comes first, and a part other than the largest is
//!   «separate» (it has no tie to the rest);
//! - a **cluster** is a stable group of at least three people
//!   ([`samspill_draw::cluster`]: the same definition draws the hulls);
//!   clusters are named after the unit most of their members belong to;
//! - the **shape** (star and line tendency, diameter, average distance) is
//!   measured on the largest part;
//! - a bridge builder **joins clusters** when without them two clusters of
//!   their part no longer reach each other, or when they carry at least a
//!   quarter of the shortest paths between groups (the engine's rule);
//! - political contact counts **respondents** (only they were asked).
//!
//! Person numbers in these structures are indices into
//! [`Network::people`](samspill_engine::model::Network); [`Facts::json`]
//! writes them as the names the report shows.

use std::collections::BTreeMap;

use samspill_engine::analysis::{Analysis, AnalysisOptions, analyze};
use samspill_engine::bridges::BridgeReason;
use samspill_engine::build::{Analysed, BuildOptions, NonRespondents, Threshold, TieCounts, build};
use samspill_engine::graph::Graph;
use samspill_engine::survey::{ContactType, RatingSummary};
use serde_json::{Value, json};

use crate::{Input, ReportError, Rules};

pub use samspill_draw::cluster::{MIN_CLUSTER, STABLE_CLUSTER};

/// A chain of at least this many people (both ends included) is "long".
pub const LONG_CHAIN: usize = 4;

/// A function of the catalogue and how many hold it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FunctionRow {
    /// The function's name as in the roster.
    pub name: String,
    /// People holding it (as any of their functions).
    pub persons: usize,
    /// Of them, those who answered.
    pub respondents: usize,
    /// People holding it as their primary (first) function: the colour and
    /// code of the pictures.
    pub primary: usize,
}

/// A connected part of the network (two or more people).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Part {
    /// Named after the unit most of its members belong to.
    pub name: String,
    /// Its members.
    pub members: Vec<usize>,
}

/// A cluster of the network ([`samspill_draw::cluster::clusters`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cluster {
    /// Named after the unit most of its members belong to.
    pub name: String,
    /// Its members.
    pub members: Vec<usize>,
    /// Mean stability of its members over the seeds (0–1).
    pub stability: f64,
    /// The part it lies in (index into [`NetFacts::parts`]).
    pub part: usize,
}

/// A chain of people each of whom is the only link onward: a path of ties
/// whose removal would split the network, through people with exactly two
/// contacts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chain {
    /// The people, from one end to the other (both ends included).
    pub people: Vec<usize>,
    /// Cluster at the first end, if it is in a cluster.
    pub from: Option<String>,
    /// Cluster at the last end.
    pub to: Option<String>,
}

/// A bridge builder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Builder {
    /// The person.
    pub person: usize,
    /// The rules they meet.
    pub reasons: Vec<BridgeReason>,
    /// The part they lie in.
    pub part: usize,
    /// Whether they hold clusters of their part together (module docs).
    pub joins_clusters: bool,
}

/// The facts of one threshold view of the network.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetFacts {
    /// People in the view.
    pub people: usize,
    /// Of them, people who did not answer.
    pub non_respondents: usize,
    /// Ties.
    pub ties: usize,
    /// Density.
    pub density: f64,
    /// Connected components (isolates count as one each).
    pub components: usize,
    /// Parts of two or more people, largest first.
    pub parts: Vec<Part>,
    /// People in the largest part (0 without ties).
    pub largest: usize,
    /// People without any tie.
    pub isolates: Vec<usize>,
    /// Diameter of the largest part.
    pub diameter: Option<f64>,
    /// Average distance in the largest part.
    pub average_distance: Option<f64>,
    /// Star tendency of the largest part (Freeman degree centralisation,
    /// 0–1; `None` under three people).
    pub star: Option<f64>,
    /// Line tendency of the largest part (diameter / (size − 1)).
    pub line: Option<f64>,
    /// The person with the most contacts in the largest part.
    pub hub: Option<usize>,
    /// Clusters (stable groups of three or more), in cluster order.
    pub clusters: Vec<Cluster>,
    /// Groups of three or more that are not stable over the seeds: the
    /// part each lies in.
    pub unstable_groups: Vec<usize>,
    /// Bridge builders.
    pub builders: Vec<Builder>,
    /// Chains of at least [`LONG_CHAIN`] people, longest first.
    pub chains: Vec<Chain>,
    /// Functions whose holders all lack any tie in this view.
    pub isolated_functions: Vec<String>,
    /// People in the view by primary function (roster name; `""` for
    /// none), in order of first appearance: the pictures' colours.
    pub primary_functions: Vec<(String, usize)>,
    /// How the ties came about.
    pub tie_counts: TieCounts,
}

impl NetFacts {
    /// Share of the people in the largest part (0–1).
    pub fn integration(&self) -> f64 {
        if self.people == 0 {
            0.0
        } else {
            self.largest as f64 / self.people as f64
        }
    }

    /// Share of the ties that exist only through reconstruction (0–1).
    pub fn reconstructed_share(&self) -> f64 {
        if self.ties == 0 {
            0.0
        } else {
            self.tie_counts.reconstructed as f64 / self.ties as f64
        }
    }

    /// Clusters in the largest part.
    pub fn main_clusters(&self) -> Vec<&Cluster> {
        self.clusters.iter().filter(|c| c.part == 0).collect()
    }

    /// Bridge builders who hold clusters of the largest part together.
    pub fn joiners(&self) -> Vec<usize> {
        self.builders
            .iter()
            .filter(|b| b.part == 0 && b.joins_clusters)
            .map(|b| b.person)
            .collect()
    }
}

/// Political contact, from the respondents' answers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PoliticalFacts {
    /// The bodies asked about.
    pub bodies: Vec<String>,
    /// Respondents with any contact.
    pub with_contact: usize,
    /// Respondents who give information to any body.
    pub gives: usize,
    /// Respondents who receive information from any body.
    pub receives: usize,
    /// Respondents with political discussion with any body.
    pub political_discussion: usize,
    /// Respondents with professional discussion with any body.
    pub professional_discussion: usize,
    /// Respondents with any discussion (political or professional).
    pub discusses: usize,
    /// People per body and contact type ([`ContactType::ALL`] order).
    pub per_body: Vec<[usize; 4]>,
    /// Bodies nobody has contact with.
    pub no_contact: Vec<String>,
    /// Per person with contact: (person, body, types).
    pub people: Vec<(usize, usize, Vec<ContactType>)>,
}

/// How often a theme was given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThemeCount {
    /// Theme key.
    pub theme: String,
    /// Answers with that theme.
    pub count: usize,
}

/// Open answers: how many, how many were reviewed, the themes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OpenFacts {
    /// Answers given.
    pub answers: usize,
    /// Of them, reviewed (and so quoted).
    pub reviewed: usize,
    /// Answers to the strengths question.
    pub strengths: usize,
    /// Answers to the challenge questions (every question but strengths).
    pub challenges: usize,
    /// Themes of the strengths, most frequent first (coded answers).
    pub strength_themes: Vec<ThemeCount>,
    /// Themes of the challenges, most frequent first.
    pub challenge_themes: Vec<ThemeCount>,
}

impl OpenFacts {
    /// Answers not quoted because nobody reviewed them yet.
    pub fn left_out(&self) -> usize {
        self.answers - self.reviewed
    }
}

/// Everything a municipality report states.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// The analysis rules used.
    pub rules: Rules,
    /// People asked.
    pub people: usize,
    /// People who answered.
    pub respondents: usize,
    /// Response rate, percent.
    pub response_rate: f64,
    /// The persons-per-function table (Tabell 1), catalogue order.
    pub functions: Vec<FunctionRow>,
    /// Catalogue functions nobody on the roster holds.
    pub missing_functions: Vec<String>,
    /// Display name of each person: pseudonym ("Tildeling 2"), or the name
    /// when names may be shown.
    pub names: Vec<String>,
    /// Whether each person answered.
    pub responded: Vec<bool>,
    /// The daily view.
    pub daily: NetFacts,
    /// The daily + weekly view.
    pub weekly: NetFacts,
    /// The daily + weekly view with the other choice about non-respondents
    /// (without reconstruction when the rules keep them, with it when the
    /// rules leave them out).
    pub weekly_alt: NetFacts,
    /// Political contact.
    pub political: PoliticalFacts,
    /// The coordination rating.
    pub coordination: Option<RatingSummary>,
    /// The meeting-places rating.
    pub meeting_places: Option<RatingSummary>,
    /// Whether there is a formal coordination forum.
    pub coordination_forum: Option<bool>,
    /// Open answers.
    pub open: OpenFacts,
}

/// The build options of a view under `rules`.
pub fn build_options(rules: &Rules, threshold: Threshold, reconstruct: bool) -> BuildOptions {
    BuildOptions {
        threshold,
        combine: rules.combine,
        non_respondents: if reconstruct {
            NonRespondents::Keep
        } else {
            NonRespondents::Drop
        },
        ..BuildOptions::survey()
    }
}

impl Facts {
    /// Computes the facts of `input`.
    pub fn compute(input: &Input) -> Result<Facts, ReportError> {
        let net = &input.network;
        let n = net.people.len();
        let respondents = net.people.iter().filter(|p| p.responded).count();
        let names = display_names(input);
        let responded: Vec<bool> = net.people.iter().map(|p| p.responded).collect();
        let (functions, missing_functions) = function_rows(input);
        let rules = input.rules;
        let view = |threshold, reconstruct| -> Result<NetFacts, ReportError> {
            let an = build(net, &build_options(&rules, threshold, reconstruct))?;
            let a = analyze(net, &an, &AnalysisOptions::default());
            Ok(net_facts(input, &an, &a))
        };
        let coordination =
            (!input.coordination.answers.is_empty()).then(|| input.coordination.summary());
        let meeting_places =
            (!input.meeting_places.answers.is_empty()).then(|| input.meeting_places.summary());
        Ok(Facts {
            rules,
            people: n,
            respondents,
            response_rate: if n > 0 {
                100.0 * respondents as f64 / n as f64
            } else {
                0.0
            },
            functions,
            missing_functions,
            names,
            responded,
            daily: view(Threshold::DAILY, rules.reconstruct)?,
            weekly: view(Threshold::WEEKLY, rules.reconstruct)?,
            weekly_alt: view(Threshold::WEEKLY, !rules.reconstruct)?,
            political: political_facts(input),
            coordination,
            meeting_places,
            coordination_forum: input.coordination_forum,
            open: open_facts(input),
        })
    }

    /// The display names of people, joined with ", ".
    pub fn list(&self, people: &[usize]) -> String {
        self.names_of(people).join(", ")
    }

    /// The display names of people.
    pub fn names_of(&self, people: &[usize]) -> Vec<String> {
        people
            .iter()
            .map(|&p| self.names.get(p).cloned().unwrap_or_default())
            .collect()
    }

    /// Every number and list the report states, as the JSON written beside
    /// it (`facts.json`): people by the names the report shows, never by
    /// id. The `summary`, `questions` and `figures` sections are added by
    /// [`crate::facts_document`].
    pub fn json(&self) -> Value {
        let rating = |s: &Option<RatingSummary>| match s {
            Some(s) => json!({
                "n": s.n,
                "dont_know": s.dont_know,
                "valued": s.n - s.dont_know,
                "mean": s.mean,
                "counts": s.counts,
            }),
            None => Value::Null,
        };
        let themes = |v: &[ThemeCount]| -> Value {
            v.iter()
                .map(|t| json!({"theme": t.theme, "count": t.count}))
                .collect()
        };
        let p = &self.political;
        json!({
            "rules": {
                "combine": self.rules.combine.as_str(),
                "reconstruct": self.rules.reconstruct,
                "threshold_daily": 3,
                "threshold_weekly": 2,
            },
            "rating_scale": {"min": 1, "max": 6},
            "people": self.people,
            "respondents": self.respondents,
            "non_respondents": self.people - self.respondents,
            "response_rate": self.response_rate,
            "functions": self.functions.iter().map(|f| json!({
                "name": f.name,
                "persons": f.persons,
                "respondents": f.respondents,
                "primary": f.primary,
            })).collect::<Vec<_>>(),
            "functions_total": self.functions.iter().map(|f| f.persons).sum::<usize>(),
            "missing_functions": self.missing_functions,
            "missing_functions_count": self.missing_functions.len(),
            "names": self.names,
            "daily": self.view_json(&self.daily),
            "weekly": self.view_json(&self.weekly),
            "weekly_alt": self.view_json(&self.weekly_alt),
            "political": {
                "bodies": p.bodies,
                "bodies_count": p.bodies.len(),
                "with_contact": p.with_contact,
                "gives": p.gives,
                "receives": p.receives,
                "political_discussion": p.political_discussion,
                "professional_discussion": p.professional_discussion,
                "discusses": p.discusses,
                "share": if self.respondents > 0 {
                    100.0 * p.with_contact as f64 / self.respondents as f64
                } else {
                    0.0
                },
                "per_body": p.per_body,
                "no_contact": p.no_contact,
                "no_contact_count": p.no_contact.len(),
            },
            "coordination": rating(&self.coordination),
            "meeting_places": rating(&self.meeting_places),
            "coordination_forum": self.coordination_forum,
            "open": {
                "answers": self.open.answers,
                "reviewed": self.open.reviewed,
                "left_out": self.open.left_out(),
                "strengths": self.open.strengths,
                "challenges": self.open.challenges,
                "strength_themes": themes(&self.open.strength_themes),
                "challenge_themes": themes(&self.open.challenge_themes),
            },
        })
    }

    fn view_json(&self, v: &NetFacts) -> Value {
        let builders: Vec<Value> = v
            .builders
            .iter()
            .map(|b| {
                json!({
                    "person": self.names.get(b.person),
                    "responded": self.responded.get(b.person),
                    "reasons": b.reasons,
                    "part": b.part,
                    "joins_clusters": b.joins_clusters,
                })
            })
            .collect();
        let main = v.main_clusters();
        json!({
            "people": v.people,
            "non_respondents": v.non_respondents,
            "ties": v.ties,
            "density": v.density,
            "components": v.components,
            "parts": v.parts.iter().map(|p| json!({
                "name": p.name,
                "size": p.members.len(),
                "members": self.names_of(&p.members),
            })).collect::<Vec<_>>(),
            "parts_count": v.parts.len(),
            "separate_parts": v.parts.iter().skip(1).filter(|p| p.members.len() >= MIN_CLUSTER).count(),
            "largest": v.largest,
            "outside": v.people - v.largest,
            "integration": 100.0 * v.integration(),
            "isolates": self.names_of(&v.isolates),
            "isolates_count": v.isolates.len(),
            "diameter": v.diameter,
            "average_distance": v.average_distance,
            "star": v.star,
            "line": v.line,
            "hub": v.hub.and_then(|h| self.names.get(h)),
            "clusters": v.clusters.iter().map(|c| json!({
                "name": c.name,
                "size": c.members.len(),
                "members": self.names_of(&c.members),
                "stability": c.stability,
                "part": c.part,
            })).collect::<Vec<_>>(),
            "clusters_count": v.clusters.len(),
            "main_clusters": main.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
            "main_clusters_count": main.len(),
            "unstable_groups": v.unstable_groups.len(),
            "non_respondent_builders_count": v.builders.iter()
                .filter(|b| !self.responded.get(b.person).copied().unwrap_or(true)).count(),
            "builders": builders,
            "builders_count": v.builders.len(),
            "builders_list": self.names_of(&v.builders.iter().map(|b| b.person).collect::<Vec<_>>()),
            "joiners": self.names_of(&v.joiners()),
            "joiners_count": v.joiners().len(),
            "non_respondent_builders": self.names_of(&v.builders.iter().map(|b| b.person)
                .filter(|&p| !self.responded.get(p).copied().unwrap_or(true)).collect::<Vec<_>>()),
            "chains": v.chains.iter().map(|c| json!({
                "people": self.names_of(&c.people),
                "length": c.people.len(),
                "from": c.from,
                "to": c.to,
            })).collect::<Vec<_>>(),
            "isolated_functions": v.isolated_functions,
            "primary_functions": v.primary_functions.iter()
                .map(|(name, count)| json!({"name": name, "count": count}))
                .collect::<Vec<_>>(),
            "isolated_functions_count": v.isolated_functions.len(),
            "ties_confirmed": v.tie_counts.confirmed,
            "ties_one_sided": v.tie_counts.one_sided,
            "ties_reconstructed": v.tie_counts.reconstructed,
            "reconstructed_share": 100.0 * v.reconstructed_share(),
            "confirmed_share": if v.ties > 0 { 100.0 * v.tie_counts.confirmed as f64 / v.ties as f64 } else { 0.0 },
        })
    }
}

/// The persons-per-function table in catalogue order (the input's
/// catalogue, then functions found only on the roster), and the catalogue
/// functions nobody holds.
fn function_rows(input: &Input) -> (Vec<FunctionRow>, Vec<String>) {
    let net = &input.network;
    let mut order: Vec<String> = input.catalogue.clone();
    for p in &net.people {
        for f in &p.functions {
            if !order.contains(f) {
                order.push(f.clone());
            }
        }
    }
    let mut rows: Vec<FunctionRow> = order
        .iter()
        .map(|name| FunctionRow {
            name: name.clone(),
            ..FunctionRow::default()
        })
        .collect();
    for p in &net.people {
        let mut seen: Vec<&String> = Vec::new();
        for (k, f) in p.functions.iter().enumerate() {
            if seen.contains(&f) {
                continue;
            }
            seen.push(f);
            if let Some(row) = rows.iter_mut().find(|r| &r.name == f) {
                row.persons += 1;
                if p.responded {
                    row.respondents += 1;
                }
                if k == 0 {
                    row.primary += 1;
                }
            }
        }
    }
    let missing = rows
        .iter()
        .filter(|r| r.persons == 0)
        .map(|r| r.name.clone())
        .collect();
    (rows, missing)
}

/// The short code of a catalogue function, used in pseudonyms, as the key
/// suffix of its `report-fn-*` messages; `None` for a custom function.
pub fn function_key(name: &str) -> Option<&'static str> {
    const KEYS: [&str; 11] = [
        "economic",
        "services",
        "allocation",
        "tenancy",
        "development",
        "procurement",
        "land-use",
        "maintenance",
        "housing-planning",
        "community-planning",
        "politician",
    ];
    let key = samspill_draw::function_key(name)?;
    samspill_draw::STANDARD_FUNCTIONS
        .iter()
        .position(|f| *f == key)
        .map(|i| KEYS[i])
}

/// Pseudonyms from the input's map (extended over the roster) exactly as
/// samspill-draw labels the pictures, or the names when they may be shown.
fn display_names(input: &Input) -> Vec<String> {
    let texts = samspill_i18n::Texts::new(input.lang);
    let people = &input.network.people;
    if input.show_names {
        return people.iter().map(|p| p.label.clone()).collect();
    }
    let map = input.pseudonyms.extend(&input.network);
    people.iter().map(|p| map.label(p, &texts)).collect()
}

/// The unit most of `members` belong to (ties: alphabetical), or `None`.
fn dominant_unit(input: &Input, members: &[usize]) -> Option<String> {
    let mut units: BTreeMap<&str, usize> = BTreeMap::new();
    for &p in members {
        if let Some(u) = &input.network.people[p].unit {
            *units.entry(u.as_str()).or_default() += 1;
        }
    }
    units
        .iter()
        .max_by_key(|(u, k)| (**k, std::cmp::Reverse(**u)))
        .map(|(u, _)| u.to_string())
}

/// Names for groups: the dominant unit, numbered "(1)", "(2)" where two
/// groups share one; `fallback(i)` for a group without units.
fn group_names(
    input: &Input,
    groups: &[Vec<usize>],
    fallback: impl Fn(usize) -> String,
) -> Vec<String> {
    let raw: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, m)| dominant_unit(input, m).unwrap_or_else(|| fallback(i)))
        .collect();
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    raw.iter()
        .map(|name| {
            if raw.iter().filter(|x| *x == name).count() > 1 {
                let k = used.entry(name).or_insert(0);
                *k += 1;
                format!("{name} ({k})")
            } else {
                name.clone()
            }
        })
        .collect()
}

/// Undirected neighbour lists of a graph.
fn neighbours(g: &Graph) -> Vec<Vec<usize>> {
    let n = g.node_count();
    let mut adj = vec![Vec::new(); n];
    for (u, v, _) in g.edges() {
        if u != v {
            adj[u].push(v);
            adj[v].push(u);
        }
    }
    for a in &mut adj {
        a.sort_unstable();
        a.dedup();
    }
    adj
}

/// Component label of every node, skipping `removed`.
fn component_labels(adj: &[Vec<usize>], removed: Option<usize>) -> Vec<usize> {
    let n = adj.len();
    let mut label = vec![usize::MAX; n];
    let mut next = 0;
    for s in 0..n {
        if label[s] != usize::MAX || Some(s) == removed {
            continue;
        }
        label[s] = next;
        let mut stack = vec![s];
        while let Some(x) = stack.pop() {
            for &y in &adj[x] {
                if label[y] == usize::MAX && Some(y) != removed {
                    label[y] = next;
                    stack.push(y);
                }
            }
        }
        next += 1;
    }
    label
}

fn net_facts(input: &Input, an: &Analysed, a: &Analysis) -> NetFacts {
    let g = &an.graph;
    let n = g.node_count();
    let person = |v: usize| an.people[v];
    let gm = &a.graph;
    let adj = neighbours(g);
    let isolates: Vec<usize> = (0..n).filter(|&v| adj[v].is_empty()).map(person).collect();

    // Parts: components of two or more, largest first (then by first node).
    let label = component_labels(&adj, None);
    let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (v, &l) in label.iter().enumerate() {
        comps.entry(l).or_default().push(v);
    }
    let mut part_nodes: Vec<Vec<usize>> = comps.into_values().filter(|m| m.len() >= 2).collect();
    part_nodes.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let mut part_of = vec![usize::MAX; n];
    for (k, m) in part_nodes.iter().enumerate() {
        for &v in m {
            part_of[v] = k;
        }
    }
    let part_people: Vec<Vec<usize>> = part_nodes
        .iter()
        .map(|m| m.iter().map(|&v| person(v)).collect())
        .collect();
    let part_names = group_names(input, &part_people, |i| format!("{}", i + 1));
    let parts: Vec<Part> = part_people
        .iter()
        .zip(part_names)
        .map(|(m, name)| Part {
            name,
            members: m.clone(),
        })
        .collect();

    // The largest part's shape: degree centralisation over its members.
    let main: &[usize] = part_nodes.first().map_or(&[], |m| m.as_slice());
    let c = main.len();
    let star = (c >= 3).then(|| {
        let max = main.iter().map(|&v| adj[v].len()).max().unwrap_or(0);
        main.iter()
            .map(|&v| (max - adj[v].len()) as f64)
            .sum::<f64>()
            / ((c - 1) * (c - 2)) as f64
    });
    // Distances within the largest part (hops; BFS from every member).
    let (diameter, average_distance) = if c >= 2 {
        let mut far = 0usize;
        let mut total = 0usize;
        for &s in main {
            let mut dist = vec![usize::MAX; n];
            dist[s] = 0;
            let mut queue = std::collections::VecDeque::from([s]);
            while let Some(x) = queue.pop_front() {
                for &y in &adj[x] {
                    if dist[y] == usize::MAX {
                        dist[y] = dist[x] + 1;
                        queue.push_back(y);
                    }
                }
            }
            for &t in main {
                far = far.max(dist[t]);
                total += dist[t];
            }
        }
        (Some(far as f64), Some(total as f64 / (c * (c - 1)) as f64))
    } else {
        (None, None)
    };
    let hub = main
        .iter()
        .copied()
        .max_by_key(|&v| (adj[v].len(), std::cmp::Reverse(v)))
        .map(person);

    // Clusters: the one definition (samspill-draw), named by unit.
    let groups = samspill_draw::cluster::groups(a);
    let stable: Vec<_> = groups
        .iter()
        .filter(|g| g.stability >= STABLE_CLUSTER)
        .collect();
    let unstable_groups: Vec<usize> = groups
        .iter()
        .filter(|g| g.stability < STABLE_CLUSTER)
        .map(|g| part_of[g.members[0]])
        .collect();
    let cluster_people: Vec<Vec<usize>> = stable
        .iter()
        .map(|c| c.members.iter().map(|&v| person(v)).collect())
        .collect();
    let cluster_names = group_names(input, &cluster_people, |i| format!("{}", i + 1));
    let clusters: Vec<Cluster> = stable
        .iter()
        .zip(cluster_people)
        .zip(cluster_names)
        .map(|((c, members), name)| Cluster {
            name,
            members,
            stability: c.stability,
            part: part_of[c.members[0]],
        })
        .collect();
    let mut cluster_of: Vec<Option<usize>> = vec![None; n];
    for (k, c) in stable.iter().enumerate() {
        for &v in &c.members {
            cluster_of[v] = Some(k);
        }
    }

    let builders = a
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(v, x)| {
            let r = x.bridge.as_ref()?;
            if r.is_empty() {
                return None;
            }
            let part = part_of[v];
            let joins = r.contains(&BridgeReason::Carries)
                || separates_clusters(&adj, v, &cluster_of, part_of[v], &part_of);
            Some(Builder {
                person: person(v),
                reasons: r.clone(),
                part,
                joins_clusters: joins,
            })
        })
        .collect();

    let mut chains: Vec<Chain> = cut_chains(g)
        .into_iter()
        .filter(|c| c.len() >= LONG_CHAIN)
        .map(|c| {
            let name = |v: usize| cluster_of[v].map(|k| clusters[k].name.clone());
            Chain {
                from: name(c[0]),
                to: name(c[c.len() - 1]),
                people: c.into_iter().map(person).collect(),
            }
        })
        .collect();
    chains.sort_by_key(|c| std::cmp::Reverse(c.people.len()));

    // Functions whose every holder (in the view) has no tie.
    let mut holders: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (v, neighbours) in adj.iter().enumerate() {
        let p = &input.network.people[person(v)];
        for f in &p.functions {
            let e = holders.entry(f.as_str()).or_default();
            e.0 += 1;
            if neighbours.is_empty() {
                e.1 += 1;
            }
        }
    }
    let isolated_functions = input
        .catalogue
        .iter()
        .map(String::as_str)
        .chain(
            holders
                .keys()
                .copied()
                .filter(|f| !input.catalogue.iter().any(|c| c == f)),
        )
        .filter(|f| {
            holders
                .get(f)
                .is_some_and(|(all, iso)| *all > 0 && all == iso)
        })
        .map(str::to_string)
        .collect();

    let mut primary_functions: Vec<(String, usize)> = Vec::new();
    for &i in &an.people {
        let f = input.network.people[i]
            .primary_function()
            .unwrap_or("")
            .to_string();
        match primary_functions.iter_mut().find(|(name, _)| *name == f) {
            Some(e) => e.1 += 1,
            None => primary_functions.push((f, 1)),
        }
    }
    NetFacts {
        primary_functions,
        people: n,
        non_respondents: an
            .people
            .iter()
            .filter(|&&i| !input.network.people[i].responded)
            .count(),
        ties: g.edge_count(),
        density: gm.density.flatten().unwrap_or(0.0),
        components: gm.weak_components.flatten().unwrap_or(0),
        largest: c,
        parts,
        isolates,
        diameter,
        average_distance,
        star,
        line: diameter.map(|d| d / (c - 1) as f64),
        hub,
        clusters,
        unstable_groups,
        builders,
        chains,
        isolated_functions,
        tie_counts: an.ties,
    }
}

/// Whether removing `v` leaves two clusters of part `part` (other than
/// `v`'s own members) without a path between them.
fn separates_clusters(
    adj: &[Vec<usize>],
    v: usize,
    cluster_of: &[Option<usize>],
    part: usize,
    part_of: &[usize],
) -> bool {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (u, c) in cluster_of.iter().enumerate() {
        if let Some(c) = c
            && part_of[u] == part
            && u != v
        {
            members.entry(*c).or_default().push(u);
        }
    }
    if members.len() < 2 {
        return false;
    }
    let label = component_labels(adj, Some(v));
    // Every cluster's members must share one component with every other's.
    let reach: Vec<std::collections::BTreeSet<usize>> = members
        .values()
        .map(|m| m.iter().map(|&u| label[u]).collect())
        .collect();
    let first = &reach[0];
    reach
        .iter()
        .skip(1)
        .any(|r| r.intersection(first).next().is_none())
}

/// Maximal paths of cut edges (ties whose removal splits the network)
/// through people with exactly two contacts, with neither end a leaf: "a
/// chain of four people". Graph node numbers; each chain once.
pub fn cut_chains(g: &Graph) -> Vec<Vec<usize>> {
    let und;
    let g = if g.is_directed() {
        und = g.to_undirected();
        &und
    } else {
        g
    };
    let n = g.node_count();
    let is_cut = |u: usize, v: usize| -> bool {
        // Can v be reached from u without the tie u–v?
        let mut seen = vec![false; n];
        let mut stack = vec![u];
        seen[u] = true;
        while let Some(x) = stack.pop() {
            for &y in g.out_neighbors(x) {
                let y = y as usize;
                if (x == u && y == v) || (x == v && y == u) || seen[y] {
                    continue;
                }
                if y == v {
                    return false;
                }
                seen[y] = true;
                stack.push(y);
            }
        }
        true
    };
    let mut cut: std::collections::BTreeSet<(usize, usize)> = Default::default();
    for u in 0..n {
        for &v in g.out_neighbors(u) {
            let v = v as usize;
            if u < v && is_cut(u, v) {
                cut.insert((u, v));
            }
        }
    }
    let cut_edge = |a: usize, b: usize| cut.contains(&(a.min(b), a.max(b)));
    let mut used: std::collections::BTreeSet<(usize, usize)> = Default::default();
    let mut chains = Vec::new();
    for &(u, v) in &cut {
        if used.contains(&(u, v)) {
            continue;
        }
        let mut path = vec![u, v];
        used.insert((u, v));
        // Extend at both ends through people with exactly two contacts whose
        // other tie is also a cut edge.
        for side in 0..2 {
            loop {
                let (end, prev) = if side == 0 {
                    (path[path.len() - 1], path[path.len() - 2])
                } else {
                    (path[0], path[1])
                };
                if g.degree(end) != 2 {
                    break;
                }
                let next = g
                    .out_neighbors(end)
                    .iter()
                    .map(|&x| x as usize)
                    .find(|&x| x != prev);
                match next {
                    Some(x) if cut_edge(end, x) && !path.contains(&x) => {
                        used.insert((end.min(x), end.max(x)));
                        if side == 0 {
                            path.push(x);
                        } else {
                            path.insert(0, x);
                        }
                    }
                    _ => break,
                }
            }
        }
        let leaf = |x: usize| g.degree(x) <= 1;
        if !leaf(path[0]) && !leaf(path[path.len() - 1]) {
            chains.push(path);
        }
    }
    chains
}

fn political_facts(input: &Input) -> PoliticalFacts {
    let p = &input.political;
    let k = p.bodies.len();
    let responded = |person: usize| {
        input
            .network
            .people
            .get(person)
            .is_some_and(|x| x.responded)
    };
    // Only respondents were asked; anything else is ignored.
    let contacts: Vec<&(usize, usize, ContactType)> = p
        .contacts
        .iter()
        .filter(|c| responded(c.0) && c.1 < k)
        .collect();
    let mut per_body = vec![[0usize; 4]; k];
    for (b, row) in per_body.iter_mut().enumerate() {
        for (t, kind) in ContactType::ALL.iter().enumerate() {
            let mut who: Vec<usize> = contacts
                .iter()
                .filter(|c| c.1 == b && c.2 == *kind)
                .map(|c| c.0)
                .collect();
            who.sort_unstable();
            who.dedup();
            row[t] = who.len();
        }
    }
    let distinct = |f: &dyn Fn(ContactType) -> bool| {
        let mut v: Vec<usize> = contacts.iter().filter(|c| f(c.2)).map(|c| c.0).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let mut people: BTreeMap<(usize, usize), Vec<ContactType>> = BTreeMap::new();
    for &&(person, body, kind) in &contacts {
        let e = people.entry((person, body)).or_default();
        if !e.contains(&kind) {
            e.push(kind);
        }
    }
    PoliticalFacts {
        bodies: p.bodies.clone(),
        with_contact: distinct(&|_| true),
        gives: distinct(&|t| t == ContactType::GivesInformation),
        receives: distinct(&|t| t == ContactType::ReceivesInformation),
        political_discussion: distinct(&|t| t == ContactType::PoliticalDiscussion),
        professional_discussion: distinct(&|t| t == ContactType::ProfessionalDiscussion),
        discusses: distinct(&|t| {
            matches!(
                t,
                ContactType::PoliticalDiscussion | ContactType::ProfessionalDiscussion
            )
        }),
        no_contact: (0..k)
            .filter(|&b| per_body[b].iter().all(|&x| x == 0))
            .map(|b| p.bodies[b].clone())
            .collect(),
        per_body,
        people: people
            .into_iter()
            .map(|((person, body), mut kinds)| {
                kinds.sort();
                (person, body, kinds)
            })
            .collect(),
    }
}

/// The question key of the strengths question; every other open question
/// asks about challenges.
pub const STRENGTHS_QUESTION: &str = "strengths";

fn open_facts(input: &Input) -> OpenFacts {
    let a = &input.open_answers;
    let count = |strengths: bool| -> Vec<ThemeCount> {
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        for x in a {
            if (x.question == STRENGTHS_QUESTION) != strengths {
                continue;
            }
            if let Some(t) = x.theme.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                *by.entry(t).or_default() += 1;
            }
        }
        let mut v: Vec<ThemeCount> = by
            .into_iter()
            .map(|(theme, count)| ThemeCount {
                theme: theme.to_string(),
                count,
            })
            .collect();
        // Most frequent first; equal counts in the catalogue's order.
        let rank = |t: &str| {
            crate::THEMES
                .iter()
                .position(|k| *k == t)
                .unwrap_or(crate::THEMES.len())
        };
        v.sort_by(|x, y| {
            y.count
                .cmp(&x.count)
                .then(rank(&x.theme).cmp(&rank(&y.theme)))
                .then(x.theme.cmp(&y.theme))
        });
        v
    };
    OpenFacts {
        answers: a.len(),
        reviewed: a.iter().filter(|x| x.reviewed).count(),
        strengths: a
            .iter()
            .filter(|x| x.question == STRENGTHS_QUESTION)
            .count(),
        challenges: a
            .iter()
            .filter(|x| x.question != STRENGTHS_QUESTION)
            .count(),
        strength_themes: count(true),
        challenge_themes: count(false),
    }
}
