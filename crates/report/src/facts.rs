//! Every number a report states, computed once with the engine.
//!
//! The network is built with the survey defaults (combination rule
//! *either*, non-respondents kept with the ties others reported about them)
//! at two thresholds: daily, and daily + weekly. The daily + weekly network
//! is built a second time without the non-respondents, to say whether key
//! positions depend on them.
//!
//! Person numbers in these structures are indices into
//! [`Network::people`](samspill_engine::model::Network).

use std::collections::BTreeMap;

use samspill_engine::analysis::{Analysis, AnalysisOptions, analyze};
use samspill_engine::bridges::BridgeReason;
use samspill_engine::build::{Analysed, BuildOptions, NonRespondents, Threshold, TieCounts, build};
use samspill_engine::graph::Graph;
use samspill_engine::survey::{ContactType, RatingSummary};

use crate::{Input, ReportError};

/// Clusters smaller than this are not named in the report.
pub const MIN_CLUSTER: usize = 3;
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
}

/// A cluster (community) of the network.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cluster {
    /// Named after the unit most of its members belong to.
    pub name: String,
    /// Its members.
    pub members: Vec<usize>,
}

/// A chain of people each of whom is the only link onward: a path of ties
/// whose removal would split the network, through people with exactly two
/// contacts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chain {
    /// The people, from one end to the other (both ends included).
    pub people: Vec<usize>,
    /// Cluster at the first end, if it is in a named cluster.
    pub from: Option<String>,
    /// Cluster at the last end.
    pub to: Option<String>,
}

/// The facts of one threshold view of the network.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetFacts {
    /// People in the view.
    pub people: usize,
    /// Ties.
    pub ties: usize,
    /// Density.
    pub density: f64,
    /// Connected components (isolates count as one each).
    pub components: usize,
    /// People in the largest component.
    pub largest: usize,
    /// People without any tie.
    pub isolates: Vec<usize>,
    /// Diameter of the largest component.
    pub diameter: Option<f64>,
    /// Average distance in the largest component.
    pub average_distance: Option<f64>,
    /// Star tendency (degree centralisation, 0–1).
    pub star: Option<f64>,
    /// Line tendency (diameter / (size − 1) of the largest component).
    pub line: Option<f64>,
    /// The person with the most contacts.
    pub hub: Option<usize>,
    /// Clusters of at least [`MIN_CLUSTER`] people.
    pub clusters: Vec<Cluster>,
    /// Bridge builders and the rules they meet.
    pub builders: Vec<(usize, Vec<BridgeReason>)>,
    /// Chains of at least [`LONG_CHAIN`] people, longest first.
    pub chains: Vec<Chain>,
    /// Functions whose holders all lack any tie in this view.
    pub isolated_functions: Vec<String>,
    /// How the ties came about.
    pub tie_counts: TieCounts,
}

impl NetFacts {
    /// Share of the people in the largest component (0–1).
    pub fn integration(&self) -> f64 {
        if self.people == 0 {
            0.0
        } else {
            self.largest as f64 / self.people as f64
        }
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
    /// Respondents who discuss (politically or professionally) with any body.
    pub discusses: usize,
    /// People per body and contact type ([`ContactType::ALL`] order).
    pub per_body: Vec<[usize; 4]>,
    /// Bodies nobody has contact with.
    pub no_contact: Vec<String>,
    /// Per person with contact: (person, body, types).
    pub people: Vec<(usize, usize, Vec<ContactType>)>,
}

/// Everything a municipality report states.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// People asked.
    pub people: usize,
    /// People who answered.
    pub respondents: usize,
    /// Response rate, percent.
    pub response_rate: f64,
    /// The persons-per-function table (Tabell 1), catalogue order.
    pub functions: Vec<FunctionRow>,
    /// Display name of each person: function code and number ("Tildeling
    /// 2"), or the name when names may be shown.
    pub names: Vec<String>,
    /// Whether each person answered.
    pub responded: Vec<bool>,
    /// The daily view.
    pub daily: NetFacts,
    /// The daily + weekly view.
    pub weekly: NetFacts,
    /// The daily + weekly view without reconstruction (non-respondents
    /// left out).
    pub weekly_without: NetFacts,
    /// Political contact.
    pub political: PoliticalFacts,
    /// The coordination rating.
    pub coordination: Option<RatingSummary>,
    /// The meeting-places rating.
    pub meeting_places: Option<RatingSummary>,
    /// Whether there is a formal coordination forum.
    pub coordination_forum: Option<bool>,
}

impl Facts {
    /// Computes the facts of `input`.
    pub fn compute(input: &Input) -> Result<Facts, ReportError> {
        let net = &input.network;
        let n = net.people.len();
        let respondents = net.people.iter().filter(|p| p.responded).count();
        let names = display_names(input);
        let responded: Vec<bool> = net.people.iter().map(|p| p.responded).collect();

        let mut by_fn: BTreeMap<usize, FunctionRow> = BTreeMap::new();
        let mut order: Vec<String> = samspill_synth::FUNCTIONS
            .iter()
            .map(|s| s.to_string())
            .collect();
        for p in &net.people {
            for f in &p.functions {
                if !order.contains(f) {
                    order.push(f.clone());
                }
            }
        }
        for p in &net.people {
            let mut seen: Vec<&String> = Vec::new();
            for f in &p.functions {
                if seen.contains(&f) {
                    continue;
                }
                seen.push(f);
                let i = order.iter().position(|x| x == f).unwrap_or(0);
                let row = by_fn.entry(i).or_insert_with(|| FunctionRow {
                    name: f.clone(),
                    ..FunctionRow::default()
                });
                row.persons += 1;
                if p.responded {
                    row.respondents += 1;
                }
            }
        }
        // Catalogue functions with nobody are listed too (with 0).
        let functions = order
            .iter()
            .enumerate()
            .map(|(i, name)| {
                by_fn.remove(&i).unwrap_or(FunctionRow {
                    name: name.clone(),
                    ..FunctionRow::default()
                })
            })
            .collect();

        let opts = |threshold, nr| BuildOptions {
            threshold,
            non_respondents: nr,
            ..BuildOptions::survey()
        };
        let view = |threshold, nr| -> Result<NetFacts, ReportError> {
            let an = build(net, &opts(threshold, nr))?;
            let a = analyze(net, &an, &AnalysisOptions::default());
            Ok(net_facts(input, &an, &a))
        };
        let coordination =
            (!input.coordination.answers.is_empty()).then(|| input.coordination.summary());
        let meeting_places =
            (!input.meeting_places.answers.is_empty()).then(|| input.meeting_places.summary());
        Ok(Facts {
            people: n,
            respondents,
            response_rate: if n > 0 {
                100.0 * respondents as f64 / n as f64
            } else {
                0.0
            },
            functions,
            names,
            responded,
            daily: view(Threshold::DAILY, NonRespondents::Keep)?,
            weekly: view(Threshold::WEEKLY, NonRespondents::Keep)?,
            weekly_without: view(Threshold::WEEKLY, NonRespondents::Drop)?,
            political: political_facts(input),
            coordination,
            meeting_places,
            coordination_forum: input.coordination_forum,
        })
    }

    /// The display names of people, joined with ", ".
    pub fn list(&self, people: &[usize]) -> String {
        people
            .iter()
            .map(|&p| self.names.get(p).cloned().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(", ")
    }
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
    samspill_synth::FUNCTIONS
        .iter()
        .position(|f| *f == name)
        .map(|i| KEYS[i])
}

/// Function code and running number per primary function ("Tildeling 2")
/// in the roster's order, exactly as samspill-draw labels the pictures, or
/// the label when names may be shown.
fn display_names(input: &Input) -> Vec<String> {
    let texts = samspill_i18n::Texts::new(input.lang);
    let people = &input.network.people;
    if input.show_names {
        return people.iter().map(|p| p.label.clone()).collect();
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    people
        .iter()
        .map(|p| {
            let code = match p.primary_function() {
                Some(f) => match samspill_draw::function_key(f) {
                    Some(k) => texts.get(&format!("draw-code-{k}")),
                    None => f.to_string(),
                },
                None => texts.get("draw-code-none"),
            };
            let k = seen.entry(code.clone()).or_insert(0);
            *k += 1;
            format!("{code} {k}")
        })
        .collect()
}

fn net_facts(input: &Input, an: &Analysed, a: &Analysis) -> NetFacts {
    let g = &an.graph;
    let n = g.node_count();
    let person = |v: usize| an.people[v];
    let gm = &a.graph;
    let isolates: Vec<usize> = (0..n).filter(|&v| g.degree(v) == 0).map(person).collect();
    let hub = (0..n)
        .filter(|&v| g.degree(v) > 0)
        .max_by_key(|&v| (g.degree(v), std::cmp::Reverse(v)))
        .map(person);

    // Clusters: communities of at least MIN_CLUSTER people, named by unit.
    let membership: Vec<Option<usize>> = a.nodes.iter().map(|x| x.community).collect();
    let mut comms: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (v, c) in membership.iter().enumerate() {
        if let Some(c) = c {
            comms.entry(*c).or_default().push(v);
        }
    }
    let mut clusters: Vec<(usize, Cluster)> = Vec::new();
    let mut name_count: BTreeMap<String, usize> = BTreeMap::new();
    let mut raw: Vec<(usize, String, Vec<usize>)> = Vec::new();
    for (c, members) in &comms {
        if members.len() < MIN_CLUSTER {
            continue;
        }
        let mut units: BTreeMap<String, usize> = BTreeMap::new();
        for &v in members {
            if let Some(u) = &input.network.people[person(v)].unit {
                *units.entry(u.clone()).or_default() += 1;
            }
        }
        let name = units
            .iter()
            .max_by_key(|(u, k)| (**k, std::cmp::Reverse((*u).clone())))
            .map(|(u, _)| u.clone())
            .unwrap_or_else(|| format!("{}", c + 1));
        *name_count.entry(name.clone()).or_default() += 1;
        raw.push((*c, name, members.clone()));
    }
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    for (c, name, members) in raw {
        let name = if name_count[&name] > 1 {
            let k = used.entry(name.clone()).or_insert(0);
            *k += 1;
            format!("{name} ({k})")
        } else {
            name
        };
        clusters.push((
            c,
            Cluster {
                name,
                members: members.into_iter().map(person).collect(),
            },
        ));
    }
    let cluster_of = |v: usize| -> Option<String> {
        let c = membership[v]?;
        clusters
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, cl)| cl.name.clone())
    };

    let builders = a
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(v, x)| {
            let r = x.bridge.as_ref()?;
            (!r.is_empty()).then(|| (person(v), r.clone()))
        })
        .collect();

    let mut chains: Vec<Chain> = cut_chains(g)
        .into_iter()
        .filter(|c| c.len() >= LONG_CHAIN)
        .map(|c| Chain {
            from: cluster_of(c[0]),
            to: cluster_of(c[c.len() - 1]),
            people: c.into_iter().map(person).collect(),
        })
        .collect();
    chains.sort_by_key(|c| std::cmp::Reverse(c.people.len()));

    // Functions whose every holder (in the view) has no tie.
    let mut holders: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for v in 0..n {
        let p = &input.network.people[person(v)];
        for f in &p.functions {
            let e = holders.entry(f.as_str()).or_default();
            e.0 += 1;
            if g.degree(v) == 0 {
                e.1 += 1;
            }
        }
    }
    let isolated_functions = samspill_synth::FUNCTIONS
        .iter()
        .copied()
        .chain(
            holders
                .keys()
                .copied()
                .filter(|f| !samspill_synth::FUNCTIONS.contains(f)),
        )
        .filter(|f| {
            holders
                .get(f)
                .is_some_and(|(all, iso)| *all > 0 && all == iso)
        })
        .map(str::to_string)
        .collect();

    NetFacts {
        people: n,
        ties: g.edge_count(),
        density: gm.density.flatten().unwrap_or(0.0),
        components: gm.weak_components.flatten().unwrap_or(0),
        largest: gm.largest_component.flatten().unwrap_or(0),
        isolates,
        diameter: gm.diameter.flatten(),
        average_distance: gm.average_path_length.flatten(),
        star: gm.star_tendency.flatten(),
        line: gm.line_tendency.flatten(),
        hub,
        clusters: clusters.into_iter().map(|(_, c)| c).collect(),
        builders,
        chains,
        isolated_functions,
        tie_counts: an.ties,
    }
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
    let mut per_body = vec![[0usize; 4]; k];
    for (b, row) in per_body.iter_mut().enumerate() {
        for (t, kind) in ContactType::ALL.iter().enumerate() {
            row[t] = p.people_with(b, *kind);
        }
    }
    let distinct = |f: &dyn Fn(ContactType) -> bool| {
        let mut v: Vec<usize> = p.contacts.iter().filter(|c| f(c.2)).map(|c| c.0).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let mut people: BTreeMap<(usize, usize), Vec<ContactType>> = BTreeMap::new();
    for &(person, body, kind) in &p.contacts {
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
