//! # samspill-synth
//!
//! A seeded, deterministic generator of realistic, fictional municipalities
//! as the engine's types: the contact network of the social-housing workers
//! ([`Network`]: people with stable ids, fictional names, functions from the
//! 2015 study's catalogue, unit, level, who answered; relation `contact` of
//! directed reports with strength daily 3 / weekly 2 / monthly 1 / rarer 0
//! from respondents only), their contact with political bodies
//! ([`PoliticalContacts`]), the two 1–6 ratings ([`RatingAnswers`], `None` =
//! "vet ikke") and open answers ([`OpenAnswer`], each with a [`Theme`]).
//!
//! [`demo_programme`] gives five municipalities shaped like those of the 2015
//! study «Å koordinere det fragmenterte» (domain.md §3.1) under fictional
//! names; [`national_batch`] gives any number of them for benchmarks;
//! [`next_round`] gives a later survey round of the same municipality.
//!
//! How a network is made (every step draws from one [`SplitMix64`] seeded
//! by the specification, so the same [`Spec`] always gives the same data):
//! 1. people are placed in groups (a unit each) according to the [`Shape`]:
//!    dense groups, star-shaped groups, links between groups (direct ties or
//!    a chain of intermediaries), and "loose" people with no weekly contact;
//! 2. respondents are chosen first: everyone who holds the shape together
//!    (star hubs, chain members, link ends, one founder per group) answers,
//!    the rest are drawn to reach the response rate;
//! 3. ties are drawn so that every tie has at least one respondent to report
//!    it (a tie between two non-respondents could never be observed), so
//!    the shape survives the combination rule *either* exactly;
//! 4. each respondent reports their ties; when both ends answered, one of
//!    them forgets the tie for [`Spec::one_sided`] of the daily + weekly
//!    contacts (15–25 % in real rounds) and sometimes reports a lower
//!    frequency, which leaves the combined (max) strength unchanged, so the
//!    combination rule matters as it does in real data.

#![warn(missing_docs)]

mod texts;

use std::collections::BTreeMap;

use samspill_engine::model::{Level, Network, Person, Relation, Tie};
use samspill_engine::rng::SplitMix64;
use samspill_engine::survey::{ContactType, OpenAnswer, PoliticalContacts, RatingAnswers};
use serde::Serialize;

pub use texts::Theme;

/// The eleven standard functions of the 2015 study (domain.md §2.1), exactly
/// as the catalogue names them.
pub const FUNCTIONS: [&str; 11] = [
    "Økonomiske virkemidler/rådgivning",
    "Tjenester i bolig",
    "Tildeling av bolig",
    "Husleiekontrakter",
    "Utbygging",
    "Framskaffe boliger",
    "Arealplanlegging",
    "Drift og vedlikehold",
    "Boligsosial planlegging",
    "Samfunnsplanlegging",
    "Politisk folkevalgt",
];

/// Name of the contact relation in generated networks.
pub const CONTACT: &str = "contact";
/// Question key of the coordination rating.
pub const COORDINATION: &str = "coordination";
/// Question key of the meeting-places rating.
pub const MEETING_PLACES: &str = "meeting_places";
/// Question keys of the open questions, in the survey's order.
pub const OPEN_QUESTIONS: [&str; 7] = [
    "strengths",
    "challenges",
    "coordination",
    "responsibility",
    "turnover",
    "refugees",
    "focus",
];

/// The shape of a municipality's weekly contact network (domain.md §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// Well integrated: two clusters joined by a few bridges (like Volda).
    Integrated,
    /// An elongated chain of clusters (like Rissa).
    Chain,
    /// Elongated, with a chain of four people between the town hall and
    /// the services, plus a separate cluster (like Ørland).
    ChainWithSeparate,
    /// Poorly integrated: many without weekly contact (like Oppdal).
    Poor,
    /// Everyone has daily or weekly contact (like Nærøy).
    Dense,
}

impl Shape {
    /// Every shape.
    pub const ALL: [Shape; 5] = [
        Shape::Integrated,
        Shape::Chain,
        Shape::ChainWithSeparate,
        Shape::Poor,
        Shape::Dense,
    ];
}

/// What to generate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spec {
    /// Municipality name (fictional).
    pub name: String,
    /// Short machine name, prefix of the person ids.
    pub slug: String,
    /// The municipality's language (`nb`, `nn`, `da` or `en`).
    pub lang: String,
    /// People in the network.
    pub size: usize,
    /// How many of them answered.
    pub respondents: usize,
    /// Network shape.
    pub shape: Shape,
    /// Target mean of the coordination rating (without "vet ikke").
    pub coordination_mean: f64,
    /// Spread of the coordination answers (about one standard deviation).
    pub coordination_spread: f64,
    /// "Vet ikke" answers to the coordination question.
    pub coordination_dont_know: usize,
    /// Target mean of the meeting-places rating.
    pub meetings_mean: f64,
    /// Whether the municipality has a formal coordination forum.
    pub coordination_forum: bool,
    /// Political bodies asked about.
    pub bodies: Vec<String>,
    /// Challenge themes the municipality stresses besides the housing
    /// shortage.
    pub challenge_themes: Vec<Theme>,
    /// Share of the daily + weekly contacts that only one of the two people
    /// reports although both answered (one-sided ties; real rounds have
    /// 15–25 %, which is what makes the combination rule matter).
    pub one_sided: f64,
    /// Seed of every random draw.
    pub seed: u64,
}

/// One generated municipality and its survey round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Municipality {
    /// What it was generated from.
    pub spec: Spec,
    /// Name of the survey round.
    pub round: String,
    /// The contact network (relation [`CONTACT`]).
    pub network: Network,
    /// Contact with political bodies (respondents only).
    pub political: PoliticalContacts,
    /// "How well does coordination work?" (1–6, `None` = vet ikke).
    pub coordination: RatingAnswers,
    /// "How well do the formal meeting places work?"
    pub meeting_places: RatingAnswers,
    /// Open answers.
    pub open_answers: Vec<OpenAnswer>,
    /// The theme each open answer was coded with (parallel to
    /// `open_answers`).
    pub open_themes: Vec<Theme>,
}

impl Municipality {
    /// The municipality's name.
    pub fn name(&self) -> &str {
        &self.spec.name
    }

    /// Number of respondents.
    pub fn respondents(&self) -> usize {
        self.network.people.iter().filter(|p| p.responded).count()
    }

    /// Response rate in percent of the people asked.
    pub fn response_rate(&self) -> f64 {
        let n = self.network.people.len();
        if n == 0 {
            0.0
        } else {
            100.0 * self.respondents() as f64 / n as f64
        }
    }
}

/// The five municipalities of the demo programme: fictional, shaped like the
/// five of the 2015 study (sizes 43 / 29 / 29 / 27 / 29, response rates 56 /
/// 83 / 69 / 56 / 79 %, coordination means 4 / 4 / 3.7 / 2.9 / 2.7 with N
/// 24 / 24 / 20 / 15 / 23; one without a coordination forum).
pub fn demo_programme() -> Vec<Municipality> {
    demo_specs().iter().map(generate).collect()
}

/// The specifications behind [`demo_programme`].
pub fn demo_specs() -> Vec<Spec> {
    let bodies = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        Spec {
            name: "Brattvik".into(),
            slug: "brattvik".into(),
            lang: "nn".into(),
            size: 43,
            respondents: 24,
            shape: Shape::Integrated,
            coordination_mean: 4.0,
            coordination_spread: 0.8,
            coordination_dont_know: 3,
            meetings_mean: 3.9,
            coordination_forum: true,
            bodies: bodies(&["Formannskapet", "Ordføraren", "Kommunestyret"]),
            challenge_themes: vec![Theme::Resources],
            one_sided: 0.17,
            seed: 1101,
        },
        Spec {
            name: "Strandøy".into(),
            slug: "strandoy".into(),
            lang: "nb".into(),
            size: 29,
            respondents: 24,
            shape: Shape::Chain,
            coordination_mean: 4.0,
            coordination_spread: 0.7,
            coordination_dont_know: 6,
            meetings_mean: 3.8,
            coordination_forum: true,
            bodies: bodies(&[
                "Hovedutvalg helse og omsorg",
                "Formannskapet",
                "Ordføreren",
                "Kommunestyret",
            ]),
            challenge_themes: vec![Theme::PlanStrategy],
            one_sided: 0.22,
            seed: 1102,
        },
        Spec {
            name: "Lyngnes".into(),
            slug: "lyngnes".into(),
            lang: "nb".into(),
            size: 29,
            respondents: 20,
            shape: Shape::Dense,
            coordination_mean: 3.7,
            coordination_spread: 0.8,
            coordination_dont_know: 2,
            meetings_mean: 3.6,
            coordination_forum: true,
            bodies: bodies(&[
                "Helse- og sosialutvalget",
                "Formannskapet",
                "Ordføreren",
                "Kommunestyret",
            ]),
            challenge_themes: vec![Theme::Cooperation, Theme::FollowUp],
            one_sided: 0.2,
            seed: 1103,
        },
        Spec {
            name: "Kvitfjord".into(),
            slug: "kvitfjord".into(),
            lang: "nb".into(),
            size: 27,
            respondents: 15,
            shape: Shape::ChainWithSeparate,
            coordination_mean: 2.9,
            coordination_spread: 1.4,
            coordination_dont_know: 1,
            meetings_mean: 3.0,
            coordination_forum: true,
            bodies: bodies(&[
                "Formannskapet",
                "Komité helse og velferd",
                "Ordføreren",
                "Kommunestyret",
            ]),
            challenge_themes: vec![Theme::Cooperation],
            one_sided: 0.19,
            seed: 1104,
        },
        Spec {
            name: "Fjellstad".into(),
            slug: "fjellstad".into(),
            lang: "nb".into(),
            size: 29,
            respondents: 23,
            shape: Shape::Poor,
            coordination_mean: 2.7,
            coordination_spread: 0.5,
            coordination_dont_know: 2,
            meetings_mean: 2.4,
            coordination_forum: false,
            bodies: bodies(&["Formannskapet", "Ordføreren", "Kommunestyret"]),
            challenge_themes: vec![Theme::PlanStrategy, Theme::Cooperation, Theme::FollowUp],
            one_sided: 0.22,
            seed: 1105,
        },
    ]
}

/// `n` municipalities of 25–45 people with every shape, response rates of
/// 50–90 % and coordination means of 2.5–4.5, for benchmarks. Deterministic
/// in `seed`.
pub fn national_batch(n: usize, seed: u64) -> Vec<Municipality> {
    let mut rng = SplitMix64::new(seed);
    (0..n)
        .map(|i| {
            let size = 25 + rng.below(21) as usize;
            let rate = 0.5 + 0.4 * rng.next_f64();
            let respondents = ((size as f64 * rate).round() as usize).clamp(1, size);
            let shape = Shape::ALL[rng.below(5) as usize];
            let spec = Spec {
                name: format!("Kommune {:03}", i + 1),
                slug: format!("k{:03}", i + 1),
                lang: "nb".into(),
                size,
                respondents,
                shape,
                coordination_mean: 2.5 + 2.0 * rng.next_f64(),
                coordination_spread: 0.5 + rng.next_f64(),
                coordination_dont_know: rng.below(4) as usize,
                meetings_mean: 2.5 + 2.0 * rng.next_f64(),
                coordination_forum: rng.next_f64() < 0.85,
                bodies: ["Formannskapet", "Ordføreren", "Kommunestyret"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                challenge_themes: vec![Theme::ALL[1 + rng.below(5) as usize]],
                one_sided: 0.17 + 0.06 * rng.next_f64(),
                seed: rng.next_u64(),
            };
            generate(&spec)
        })
        .collect()
}

/// How the people of a group are tied together.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A spanning tree plus each further pair with probability `p`.
    Dense(f64),
    /// One hub tied to everyone, few ties among the others.
    Star,
}

#[derive(Debug, Clone)]
struct Group {
    unit: &'static str,
    size: usize,
    kind: Kind,
    functions: &'static [usize],
}

#[derive(Debug, Clone, Copy)]
enum Link {
    /// `count` direct weekly ties between the two groups.
    Direct(usize, usize, usize),
    /// A chain through `k` intermediaries from the hub of one group to the
    /// hub of the other.
    Chain(usize, usize, usize),
}

const TOWN_HALL: &[usize] = &[9, 6, 8, 4, 5, 10, 0];
const SERVICES: &[usize] = &[1, 2, 1, 3, 0];
const PROPERTY: &[usize] = &[7, 3, 5, 4];
const ALLOCATION: &[usize] = &[2, 3, 0];
const NAV: &[usize] = &[0, 2];

/// Groups, links and the number of loose people for a shape and size.
fn layout(shape: Shape, n: usize) -> (Vec<Group>, Vec<Link>, usize) {
    let g = |unit, size, kind, functions| Group {
        unit,
        size,
        kind,
        functions,
    };
    match shape {
        Shape::Integrated => {
            let a = (n * 20 + 21) / 43;
            (
                vec![
                    g("Rådhuset", a, Kind::Dense(0.45), TOWN_HALL),
                    g("Helse og omsorg", n - a, Kind::Dense(0.4), SERVICES),
                ],
                vec![Link::Direct(0, 1, 3)],
                0,
            )
        }
        Shape::Chain => {
            let base = n / 4;
            let extra = n % 4;
            let size = |i: usize| base + usize::from(i < extra);
            (
                vec![
                    g("Rådhuset", size(0), Kind::Dense(0.3), TOWN_HALL),
                    g("Eiendom", size(1), Kind::Dense(0.3), PROPERTY),
                    g("Tildelingskontoret", size(2), Kind::Dense(0.3), ALLOCATION),
                    g("Helse og omsorg", size(3), Kind::Dense(0.3), SERVICES),
                ],
                vec![
                    Link::Direct(0, 1, 1),
                    Link::Direct(1, 2, 1),
                    Link::Direct(2, 3, 1),
                ],
                0,
            )
        }
        Shape::ChainWithSeparate => {
            let loose = (n / 9).max(2);
            let separate = (n / 5).max(4);
            let rest = n - 2 - loose - separate;
            let a = rest / 2;
            (
                vec![
                    g("Rådhuset", a, Kind::Star, TOWN_HALL),
                    g("Helse og omsorg", rest - a, Kind::Star, SERVICES),
                    g("NAV", separate, Kind::Star, NAV),
                ],
                vec![Link::Chain(0, 1, 2)],
                loose,
            )
        }
        Shape::Poor => {
            let loose = (n as f64 * 0.38).round() as usize;
            let rest = n - loose;
            let first = rest / 2;
            let mut sizes = vec![first];
            let mut left = rest - first;
            for s in [4usize, 3, 2, 2, 2, 2, 2, 2] {
                if left == 0 {
                    break;
                }
                let take = if left - s.min(left) == 1 {
                    left
                } else {
                    s.min(left)
                };
                if take < 2 {
                    sizes[0] += take;
                    left = 0;
                    break;
                }
                sizes.push(take);
                left -= take;
            }
            sizes[0] += left;
            let units: [(&str, &[usize]); 5] = [
                ("Rådhuset", TOWN_HALL),
                ("Helse og omsorg", SERVICES),
                ("NAV", NAV),
                ("Eiendom", PROPERTY),
                ("Tildelingskontoret", ALLOCATION),
            ];
            let groups = sizes
                .iter()
                .enumerate()
                .map(|(i, &s)| {
                    let (unit, f) = units[i % units.len()];
                    g(unit, s, Kind::Dense(if i == 0 { 0.12 } else { 0.3 }), f)
                })
                .collect();
            (groups, vec![], loose)
        }
        Shape::Dense => (
            vec![g(
                "Rådhuset",
                n,
                Kind::Dense(0.45),
                &[9, 8, 1, 2, 0, 5, 7, 3, 10, 4, 6],
            )],
            vec![],
            0,
        ),
    }
}

/// A tie strength that is weekly or daily.
fn weekly_or_daily(rng: &mut SplitMix64, daily: f64) -> u8 {
    if rng.next_f64() < daily { 3 } else { 2 }
}

/// Generates the municipality described by `spec`.
pub fn generate(spec: &Spec) -> Municipality {
    let mut rng = SplitMix64::new(spec.seed);
    let n = spec.size.max(2);
    let (groups, links, loose) = layout(spec.shape, n);
    let chain_people: usize = links
        .iter()
        .map(|l| match l {
            Link::Chain(_, _, k) => *k,
            Link::Direct(..) => 0,
        })
        .sum();

    // 1. People: groups first, then chain intermediaries, then loose people.
    let mut group_of: Vec<Option<usize>> = Vec::with_capacity(n);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (gi, g) in groups.iter().enumerate() {
        for _ in 0..g.size {
            members[gi].push(group_of.len());
            group_of.push(Some(gi));
        }
    }
    let chain_start = group_of.len();
    group_of.extend(std::iter::repeat_n(None, chain_people + loose));
    let total = group_of.len();

    // 2. Respondents: the structure holders first.
    let mut must = vec![false; total];
    for (gi, g) in groups.iter().enumerate() {
        if let Some(&first) = members[gi].first() {
            must[first] = true; // the hub of a star, the founder of a dense group
        }
        let _ = g;
    }
    for m in must.iter_mut().skip(chain_start).take(chain_people) {
        *m = true;
    }
    let mut responded = must.clone();
    let mut others: Vec<usize> = (0..total).filter(|&v| !must[v]).collect();
    rng.shuffle(&mut others);
    let want = spec.respondents.min(total);
    let have = responded.iter().filter(|&&r| r).count();
    for &v in others.iter().take(want.saturating_sub(have)) {
        responded[v] = true;
    }

    // 3. Ties (undirected, strength 0–3), each with a respondent at one end.
    let mut ties: BTreeMap<(usize, usize), u8> = BTreeMap::new();
    let tie = |a: usize, b: usize, s: u8, ties: &mut BTreeMap<(usize, usize), u8>| {
        if a != b {
            let key = (a.min(b), a.max(b));
            let e = ties.entry(key).or_insert(s);
            *e = (*e).max(s);
        }
    };
    let daily = if spec.shape == Shape::Dense {
        0.45
    } else {
        0.3
    };
    for (gi, g) in groups.iter().enumerate() {
        let m = &members[gi];
        match g.kind {
            Kind::Star => {
                let hub = m[0];
                for &v in &m[1..] {
                    let s = weekly_or_daily(&mut rng, daily);
                    tie(hub, v, s, &mut ties);
                }
                for i in 1..m.len() {
                    for j in (i + 1)..m.len() {
                        if (responded[m[i]] || responded[m[j]]) && rng.next_f64() < 0.06 {
                            tie(m[i], m[j], 2, &mut ties);
                        }
                    }
                }
            }
            Kind::Dense(p) => {
                for i in 1..m.len() {
                    let earlier: Vec<usize> = m[..i]
                        .iter()
                        .copied()
                        .filter(|&u| responded[u] || responded[m[i]])
                        .collect();
                    let u = earlier[rng.below(earlier.len() as u64) as usize];
                    let s = weekly_or_daily(&mut rng, daily);
                    tie(u, m[i], s, &mut ties);
                }
                for i in 0..m.len() {
                    for j in (i + 1)..m.len() {
                        if (responded[m[i]] || responded[m[j]]) && rng.next_f64() < p {
                            let s = weekly_or_daily(&mut rng, daily);
                            tie(m[i], m[j], s, &mut ties);
                        }
                    }
                }
            }
        }
    }
    let mut next_chain = chain_start;
    for link in &links {
        match *link {
            Link::Direct(a, b, count) => {
                let mut made = 0;
                let mut guard = 0;
                while made < count && guard < 1000 {
                    guard += 1;
                    let u = members[a][rng.below(members[a].len() as u64) as usize];
                    let v = members[b][rng.below(members[b].len() as u64) as usize];
                    if (responded[u] || responded[v]) && !ties.contains_key(&(u.min(v), u.max(v))) {
                        tie(u, v, 2, &mut ties);
                        made += 1;
                    }
                }
            }
            Link::Chain(a, b, k) => {
                let mut prev = members[a][0];
                for _ in 0..k {
                    tie(prev, next_chain, 2, &mut ties);
                    prev = next_chain;
                    next_chain += 1;
                }
                tie(prev, members[b][0], 2, &mut ties);
            }
        }
    }
    // Monthly and rarer contact in the background; loose people get some.
    let background = match spec.shape {
        Shape::Poor => 0.14,
        Shape::Dense => 0.05,
        _ => 0.07,
    };
    for a in 0..total {
        for b in (a + 1)..total {
            if (responded[a] || responded[b])
                && !ties.contains_key(&(a, b))
                && rng.next_f64() < background
            {
                let s = if rng.next_f64() < 0.6 { 1 } else { 0 };
                tie(a, b, s, &mut ties);
            }
        }
    }
    let respondents_list: Vec<usize> = (0..total).filter(|&v| responded[v]).collect();
    for v in (total - loose)..total {
        let has_monthly = ties
            .iter()
            .any(|(&(a, b), &s)| (a == v || b == v) && s >= 1);
        if !has_monthly && !respondents_list.is_empty() {
            let u = respondents_list[rng.below(respondents_list.len() as u64) as usize];
            if u != v {
                tie(u, v, 1, &mut ties);
            }
        }
    }

    // People with fictional names, functions, unit and level.
    let mut people = Vec::with_capacity(total);
    for v in 0..total {
        let given = texts::GIVEN[rng.below(texts::GIVEN.len() as u64) as usize];
        let family = texts::FAMILY[rng.below(texts::FAMILY.len() as u64) as usize];
        let mut p = Person::new(
            format!("{}-{:03}", spec.slug, v + 1),
            format!("{given} {family}"),
        );
        let (unit, pool, is_first): (&str, &[usize], bool) = match group_of[v] {
            Some(gi) => (groups[gi].unit, groups[gi].functions, members[gi][0] == v),
            None if v < chain_start + chain_people => ("Eiendom", PROPERTY, false),
            None => (
                ["NAV", "Helse og omsorg", "Eiendom"][v % 3],
                [NAV, SERVICES, PROPERTY][v % 3],
                false,
            ),
        };
        let primary = pool[rng.below(pool.len() as u64) as usize];
        p.functions.push(FUNCTIONS[primary].to_string());
        if primary != 10 && rng.next_f64() < 0.2 {
            let second = rng.below(10) as usize;
            if second != primary {
                p.functions.push(FUNCTIONS[second].to_string());
            }
        }
        p.unit = Some(unit.to_string());
        p.level = Some(if primary == 10 {
            Level::Politician
        } else if is_first && unit == "Rådhuset" {
            Level::TopManagement
        } else if is_first {
            Level::Leader
        } else if unit == "NAV" {
            Level::External
        } else {
            Level::Professional
        });
        p.responded = responded[v];
        people.push(p);
    }

    // 4. Reports from respondents only. Between two respondents, a share
    //    of the ties is reported by one side only (`spec.one_sided` of the
    //    daily + weekly contacts, as far as there are such pairs; the same
    //    fraction of the rarer ones), and some others one step lower by one
    //    side. The side that reports always gives the true strength, so the
    //    combined (max) strength, and the shape, stay as drawn.
    let both_answered = |&(a, b): &(usize, usize)| responded[a] && responded[b];
    let weekly_total = ties.values().filter(|&&s| s >= 2).count();
    let mut pairs_weekly: Vec<(usize, usize)> = ties
        .iter()
        .filter(|(k, s)| **s >= 2 && both_answered(k))
        .map(|(k, _)| *k)
        .collect();
    let mut pairs_rarer: Vec<(usize, usize)> = ties
        .iter()
        .filter(|(k, s)| **s < 2 && both_answered(k))
        .map(|(k, _)| *k)
        .collect();
    rng.shuffle(&mut pairs_weekly);
    rng.shuffle(&mut pairs_rarer);
    let wanted = ((spec.one_sided * weekly_total as f64).round() as usize).min(pairs_weekly.len());
    let fraction = if pairs_weekly.is_empty() {
        spec.one_sided
    } else {
        wanted as f64 / pairs_weekly.len() as f64
    };
    let rarer = (fraction * pairs_rarer.len() as f64).round() as usize;
    let one_sided: std::collections::BTreeSet<(usize, usize)> = pairs_weekly[..wanted]
        .iter()
        .chain(&pairs_rarer[..rarer])
        .copied()
        .collect();
    let mut arcs = Vec::new();
    for (&(a, b), &s) in &ties {
        let both = responded[a] && responded[b];
        let mut va = s;
        let mut vb = s;
        let mut a_reports = responded[a];
        let mut b_reports = responded[b];
        if both {
            let a_side = rng.next_f64() < 0.5;
            if one_sided.contains(&(a, b)) {
                if a_side {
                    a_reports = false
                } else {
                    b_reports = false
                }
            } else if rng.next_f64() < 0.2 && s >= 1 {
                if a_side { va = s - 1 } else { vb = s - 1 }
            }
        }
        if a_reports {
            arcs.push(Tie::arc(a, b, va as f64));
        }
        if b_reports {
            arcs.push(Tie::arc(b, a, vb as f64));
        }
    }
    let network = Network {
        name: spec.name.clone(),
        people,
        relations: vec![Relation {
            name: CONTACT.to_string(),
            ties: arcs,
        }],
        ..Network::default()
    };

    let political = political_contacts(spec, &network, &mut rng);
    let coordination = RatingAnswers {
        question: COORDINATION.to_string(),
        answers: ratings(
            &mut rng,
            respondents_list.len(),
            spec.coordination_dont_know,
            spec.coordination_mean,
            spec.coordination_spread,
        ),
    };
    let meeting_dont_know = if spec.coordination_forum {
        spec.coordination_dont_know
    } else {
        respondents_list.len() / 3
    };
    let meeting_places = RatingAnswers {
        question: MEETING_PLACES.to_string(),
        answers: ratings(
            &mut rng,
            respondents_list.len(),
            meeting_dont_know,
            spec.meetings_mean,
            spec.coordination_spread,
        ),
    };
    let (open_answers, open_themes) = open_answers(spec, respondents_list.len(), &mut rng);
    Municipality {
        spec: spec.clone(),
        round: "2015".into(),
        network,
        political,
        coordination,
        meeting_places,
        open_answers,
        open_themes,
    }
}

/// Rating answers: `dont_know` "vet ikke" and the rest with a mean as close
/// to `mean` as whole answers allow, spread around it, never 6 (nobody chose
/// «svært godt» in 2015), in a shuffled order.
fn ratings(
    rng: &mut SplitMix64,
    n: usize,
    dont_know: usize,
    mean: f64,
    spread: f64,
) -> Vec<Option<u8>> {
    let dk = dont_know.min(n);
    let k = n - dk;
    let mut v: Vec<i64> = (0..k)
        .map(|i| {
            let q = (i as f64 + 0.5) / k as f64;
            let z = (q / (1.0 - q)).ln() * 0.55;
            ((mean + spread * z).round() as i64).clamp(1, 5)
        })
        .collect();
    let target = ((mean * k as f64).round() as i64).clamp(k as i64, 5 * k as i64);
    let mut sum: i64 = v.iter().sum();
    let mut step = 0usize;
    while sum != target && k > 0 && step < 100 * k {
        // Move the answers nearest the middle first, spreading the change.
        let i = (step * 7 + k / 2) % k;
        if sum < target && v[i] < 5 {
            v[i] += 1;
            sum += 1;
        } else if sum > target && v[i] > 1 {
            v[i] -= 1;
            sum -= 1;
        }
        step += 1;
    }
    let mut out: Vec<Option<u8>> = v.into_iter().map(|x| Some(x as u8)).collect();
    out.extend(std::iter::repeat_n(None, dk));
    rng.shuffle(&mut out);
    out
}

/// Contact with political bodies: leaders and politicians broadly, some
/// professionals a little ("middels bred politisk kontakt").
fn political_contacts(spec: &Spec, net: &Network, rng: &mut SplitMix64) -> PoliticalContacts {
    let bodies = spec.bodies.clone();
    let k = bodies.len();
    let mut contacts = Vec::new();
    if k == 0 {
        return PoliticalContacts { bodies, contacts };
    }
    for (v, p) in net.people.iter().enumerate() {
        if !p.responded {
            continue;
        }
        match p.level {
            Some(Level::TopManagement) | Some(Level::Politician) => {
                for b in 0..k {
                    contacts.push((v, b, ContactType::GivesInformation));
                    contacts.push((v, b, ContactType::ReceivesInformation));
                    contacts.push((
                        v,
                        b,
                        if p.level == Some(Level::Politician) {
                            ContactType::PoliticalDiscussion
                        } else {
                            ContactType::ProfessionalDiscussion
                        },
                    ));
                }
            }
            Some(Level::Leader) => {
                let b = rng.below(k.min(2) as u64) as usize;
                contacts.push((v, b, ContactType::GivesInformation));
                contacts.push((v, b, ContactType::ReceivesInformation));
                if rng.next_f64() < 0.5 {
                    contacts.push((v, b, ContactType::ProfessionalDiscussion));
                }
            }
            _ => {
                let town_hall = p.unit.as_deref() == Some("Rådhuset");
                if rng.next_f64() < if town_hall { 0.35 } else { 0.12 } {
                    let b = rng.below(k as u64) as usize;
                    contacts.push((v, b, ContactType::ReceivesInformation));
                    if rng.next_f64() < 0.3 {
                        contacts.push((v, b, ContactType::GivesInformation));
                    }
                }
            }
        }
    }
    PoliticalContacts { bodies, contacts }
}

/// Open answers from `respondents` people, each coded with a theme.
fn open_answers(
    spec: &Spec,
    respondents: usize,
    rng: &mut SplitMix64,
) -> (Vec<OpenAnswer>, Vec<Theme>) {
    let mut answers = Vec::new();
    let mut themes = Vec::new();
    let mut weights: Vec<(Theme, u32)> = Theme::ALL.iter().map(|&t| (t, 1)).collect();
    for (t, w) in weights.iter_mut() {
        if *t == Theme::HousingShortage || spec.challenge_themes.contains(t) {
            *w = 4;
        }
    }
    let pick_weighted = |rng: &mut SplitMix64, options: &[(Theme, u32)]| {
        let total: u32 = options.iter().map(|x| x.1).sum();
        let mut r = rng.below(total as u64) as u32;
        for &(t, w) in options {
            if r < w {
                return t;
            }
            r -= w;
        }
        options[0].0
    };
    for _ in 0..respondents {
        for &q in &OPEN_QUESTIONS {
            let (count, p) = match q {
                "strengths" | "challenges" => (2, 0.8),
                _ => (1, 0.4),
            };
            for _ in 0..count {
                if rng.next_f64() >= p {
                    continue;
                }
                let theme = match q {
                    "strengths" => pick_weighted(
                        rng,
                        &[
                            (Theme::Cooperation, 3),
                            (Theme::Competence, 4),
                            (Theme::PlanStrategy, 1),
                            (
                                Theme::MeetingPlaces,
                                if spec.coordination_forum { 2 } else { 0 },
                            ),
                            (Theme::FollowUp, 1),
                            (Theme::Resources, 1),
                        ],
                    ),
                    "challenges" => pick_weighted(rng, &weights),
                    "coordination" => pick_weighted(
                        rng,
                        &[
                            (Theme::Cooperation, 3),
                            (Theme::MeetingPlaces, 2),
                            (Theme::Resources, 1),
                        ],
                    ),
                    "responsibility" => Theme::Cooperation,
                    "turnover" => {
                        pick_weighted(rng, &[(Theme::HousingShortage, 2), (Theme::FollowUp, 1)])
                    }
                    "refugees" => {
                        pick_weighted(rng, &[(Theme::Refugees, 3), (Theme::HousingShortage, 1)])
                    }
                    _ => pick_weighted(rng, &[(Theme::PlanStrategy, 2), (Theme::Resources, 1)]),
                };
                let list = if q == "strengths" {
                    texts::strengths(theme)
                } else {
                    texts::challenges(theme)
                };
                let text = list[rng.below(list.len() as u64) as usize];
                answers.push(OpenAnswer {
                    question: q.to_string(),
                    text: text.to_string(),
                });
                themes.push(theme);
            }
        }
    }
    (answers, themes)
}

/// A later survey round of `m`: two people left and two joined (new stable
/// ids), a handful of ties gained and lost, a few answers changed.
/// Deterministic in `seed`.
pub fn next_round(m: &Municipality, seed: u64) -> Municipality {
    let mut rng = SplitMix64::new(seed ^ m.spec.seed);
    let mut out = m.clone();
    out.round = "2017".into();
    let net = &mut out.network;
    let n = net.people.len();
    // Two non-respondents leave (never the structure holders, who answered).
    let mut leavers: Vec<usize> = (0..n).filter(|&v| !net.people[v].responded).collect();
    rng.shuffle(&mut leavers);
    leavers.truncate(2);
    let keep: Vec<usize> = (0..n).filter(|v| !leavers.contains(v)).collect();
    let mut new_index = vec![usize::MAX; n];
    for (i, &v) in keep.iter().enumerate() {
        new_index[v] = i;
    }
    net.people = keep.iter().map(|&v| net.people[v].clone()).collect();
    for r in &mut net.relations {
        r.ties
            .retain(|t| new_index[t.source] != usize::MAX && new_index[t.target] != usize::MAX);
        for t in &mut r.ties {
            t.source = new_index[t.source];
            t.target = new_index[t.target];
        }
    }
    out.political
        .contacts
        .retain(|c| new_index[c.0] != usize::MAX);
    for c in &mut out.political.contacts {
        c.0 = new_index[c.0];
    }
    // Two join and answer.
    let respondents: Vec<usize> = (0..net.people.len())
        .filter(|&v| net.people[v].responded)
        .collect();
    if respondents.is_empty() {
        return out;
    }
    for j in 0..2 {
        let v = net.people.len();
        let mut p = Person::new(
            format!("{}-{:03}", m.spec.slug, n + j + 1),
            format!("Ny Person {}", j + 1),
        );
        p.functions.push(FUNCTIONS[[2, 1][j]].to_string());
        p.unit = Some("Helse og omsorg".into());
        p.level = Some(Level::Professional);
        net.people.push(p);
        out.coordination.answers.push(Some(4));
        out.meeting_places.answers.push(Some(4));
        for _ in 0..2 {
            let u = respondents[rng.below(respondents.len() as u64) as usize];
            net.relations[0].ties.push(Tie::arc(v, u, 2.0));
            net.relations[0].ties.push(Tie::arc(u, v, 2.0));
        }
    }
    // Ties gained between respondents in different units, a few lost.
    let ties = &mut net.relations[0].ties;
    for _ in 0..5 {
        let a = respondents[rng.below(respondents.len() as u64) as usize];
        let b = respondents[rng.below(respondents.len() as u64) as usize];
        if a != b {
            ties.push(Tie::arc(a, b, 2.0));
        }
    }
    for _ in 0..3 {
        if !ties.is_empty() {
            let i = rng.below(ties.len() as u64) as usize;
            ties.remove(i);
        }
    }
    for x in out.coordination.answers.iter_mut().flatten() {
        if *x < 5 && rng.next_f64() < 0.3 {
            *x += 1;
        }
    }
    out
}
