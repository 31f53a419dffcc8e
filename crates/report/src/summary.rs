//! «Sammendrag og veien videre»: the main findings in plain language, each
//! with its number, and concrete questions for the working group.
//!
//! Every sentence comes from one rule below. A rule looks at [`Facts`],
//! compares with its named thresholds, picks a message key and fills in the
//! numbers; every number and list it states is recorded with the path of
//! the fact it comes from in `facts.json` ([`Finding::values`],
//! [`Finding::lists`]), and the tests check both sides of every threshold.
//!
//! The rules describe structure in this order, each only where the
//! structure allows it to mean something:
//! 1. parts before clusters: a group with no daily or weekly tie to the rest
//!    is said first ([`separate`]), then how many are connected
//!    ([`integration`]);
//! 2. clusters only inside the largest part, only when stable over the
//!    seeds ([`clusters`]; otherwise «no stable sub-groups»), and bridge
//!    builders only where they join clusters;
//! 3. a shape only for a part of at least [`SHAPE_MIN`] people, a line only
//!    from a diameter of [`LINE_MIN_DIAMETER`] ([`shape`]);
//! 4. political information and political/professional discussion apart,
//!    always out of the respondents ([`political`], [`discussion`]);
//! 5. reconstruction stated when a large share of the ties rests on it, with
//!    what changes without it ([`reconstruction`]).
//!
//! A list is never printed empty: a rule whose list would be empty picks
//! another sentence or says nothing.

use samspill_i18n::{Arg, Texts};

use crate::facts::{Facts, LONG_CHAIN, MIN_CLUSTER, function_key};

/// Response rate (percent) from which it is called good.
pub const RESPONSE_GOOD: f64 = 70.0;
/// Response rate (percent) below which it is called low.
pub const RESPONSE_LOW: f64 = 50.0;
/// Share of people in the largest part from which "most" are connected.
pub const INTEGRATED_MOST: f64 = 0.8;
/// People a part other than the largest needs to be reported as a
/// separate group (smaller ones are counted among those outside).
pub const SEPARATE_MIN: usize = MIN_CLUSTER;
/// People the largest part needs before its shape is described.
pub const SHAPE_MIN: usize = 10;
/// Line tendency from which the largest part is called elongated…
pub const LINE_SHAPE: f64 = 0.25;
/// …when its longest distance is also at least this many steps.
pub const LINE_MIN_DIAMETER: f64 = 5.0;
/// Star tendency from which the largest part is called star-shaped.
pub const STAR_SHAPE: f64 = 0.5;
/// Coordination mean from which coordination is called good.
pub const RATING_GOOD: f64 = 4.0;
/// Coordination mean below which coordination is called weak.
pub const RATING_WEAK: f64 = 3.0;
/// Coordination mean below which the working group is asked about it.
pub const RATING_ASK: f64 = 3.5;
/// Share of respondents with political contact below which it is weak.
pub const POLITICAL_WEAK: f64 = 0.3;
/// Share of respondents who discuss with political bodies (politically or
/// professionally) below which there is "little discussion".
pub const DISCUSSION_LOW: f64 = 0.15;
/// Share of the daily + weekly ties resting on reconstruction from which
/// the summary says so.
pub const RECONSTRUCTED_LARGE: f64 = 0.25;
/// Open-answer themes named in the summary (the most frequent).
pub const THEMES_TOP: usize = 3;
/// Answers a theme needs to be named in the summary.
pub const THEME_MIN: usize = 2;

/// One generated sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's message key.
    pub key: &'static str,
    /// The number the sentence rests on, as shown beside it (empty for
    /// questions).
    pub number: String,
    /// The sentence.
    pub text: String,
    /// Every number the sentence (and its shown number) states: the path
    /// of the fact in `facts.json` and its value.
    pub values: Vec<(String, f64)>,
    /// Every list of names the sentence states, with its path.
    pub lists: Vec<(String, Vec<String>)>,
}

/// A percentage as people read it ("83 %"), halves rounded up (82.5 → 83,
/// where formatting alone would round to even).
pub fn percent(t: &Texts, x: f64) -> String {
    t.format(
        "report-percent",
        &[("value", Arg::Str(&t.number(x.round(), 0)))],
    )
}

/// The display name of a function in the report's language.
pub fn function_name(t: &Texts, name: &str) -> String {
    match function_key(name) {
        Some(k) => t.get(&format!("report-fn-name-{k}")),
        None => name.to_string(),
    }
}

/// Items joined as people write them: "A, B og C" (`report-list-and`).
pub fn and_list(t: &Texts, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => t.format(
            "report-list-and",
            &[
                ("head", Arg::Str(&head.join(", "))),
                ("last", Arg::Str(last)),
            ],
        ),
    }
}

/// The display name of an open-answer theme (its own word when it is not
/// one of [`crate::THEMES`]).
pub fn theme_name(t: &Texts, key: &str) -> String {
    if crate::THEMES.contains(&key) {
        t.get(&format!("report-theme-{key}"))
    } else {
        key.to_string()
    }
}

enum Value {
    Num(f64),
    Str(String),
}

/// A sentence in the making: its arguments, and the facts they state.
struct Sentence {
    args: Vec<(&'static str, Value)>,
    values: Vec<(String, f64)>,
    lists: Vec<(String, Vec<String>)>,
}

impl Sentence {
    fn new() -> Sentence {
        Sentence {
            args: Vec::new(),
            values: Vec::new(),
            lists: Vec::new(),
        }
    }

    /// A whole number from the fact at `path`.
    fn count(mut self, arg: &'static str, path: &str, x: usize) -> Sentence {
        self.args.push((arg, Value::Num(x as f64)));
        self.values.push((path.to_string(), x as f64));
        self
    }

    /// A number shown as `shown`, from the fact at `path` with value `x`.
    fn shown(mut self, arg: &'static str, path: &str, x: f64, shown: String) -> Sentence {
        self.args.push((arg, Value::Str(shown)));
        self.values.push((path.to_string(), x));
        self
    }

    /// A list of names from the fact at `path`, joined with ", ".
    fn list(mut self, arg: &'static str, path: &str, items: Vec<String>) -> Sentence {
        self.args.push((arg, Value::Str(items.join(", "))));
        self.lists.push((path.to_string(), items));
        self
    }

    /// A fact recorded without an argument (a number inside a list item).
    fn fact(mut self, path: &str, x: f64) -> Sentence {
        self.values.push((path.to_string(), x));
        self
    }

    /// Words that are not facts (a selector, a translated list).
    fn words(mut self, arg: &'static str, s: String) -> Sentence {
        self.args.push((arg, Value::Str(s)));
        self
    }

    /// The finding, its shown number stated by the fact at `path`.
    fn finish(self, t: &Texts, key: &'static str, number: Option<(&str, f64, String)>) -> Finding {
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    match v {
                        Value::Num(x) => Arg::Num(*x),
                        Value::Str(s) => Arg::Str(s.as_str()),
                    },
                )
            })
            .collect();
        let text = t.format(key, &args);
        let mut values = self.values;
        let shown = match number {
            Some((path, x, shown)) => {
                values.push((path.to_string(), x));
                shown
            }
            None => String::new(),
        };
        Finding {
            key,
            number: shown,
            text,
            values,
            lists: self.lists,
        }
    }
}

/// "whole" when the largest part is everyone, else "part": the selector
/// of sentences about the largest part.
fn scope(f: &Facts) -> String {
    if f.weekly.largest == f.weekly.people {
        "whole".into()
    } else {
        "part".into()
    }
}

/// Response rate: good, fair or low.
pub fn response_rate(f: &Facts, t: &Texts) -> Option<Finding> {
    if f.people == 0 {
        return None;
    }
    let key = if f.response_rate >= RESPONSE_GOOD {
        "report-sum-response-good"
    } else if f.response_rate >= RESPONSE_LOW {
        "report-sum-response-fair"
    } else {
        "report-sum-response-low"
    };
    let p = percent(t, f.response_rate);
    Some(
        Sentence::new()
            .count("respondents", "respondents", f.respondents)
            .count("people", "people", f.people)
            .shown("rate", "response_rate", f.response_rate, p.clone())
            .finish(t, key, Some(("response_rate", f.response_rate, p))),
    )
}

/// Groups with no daily or weekly tie to the rest: said first.
pub fn separate(f: &Facts, t: &Texts) -> Option<Finding> {
    let w = &f.weekly;
    let parts: Vec<(usize, &crate::facts::Part)> = w
        .parts
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, p)| p.members.len() >= SEPARATE_MIN)
        .collect();
    if parts.is_empty() {
        return None;
    }
    let items: Vec<String> = parts
        .iter()
        .map(|(_, p)| {
            t.format(
                "report-sum-separate-item",
                &[
                    ("name", Arg::Str(&p.name)),
                    ("count", Arg::Num(p.members.len() as f64)),
                ],
            )
        })
        .collect();
    let mut s = Sentence::new()
        .count("count", "weekly.separate_parts", parts.len())
        .words("list", and_list(t, &items));
    for (k, p) in &parts {
        s = s.fact(&format!("weekly.parts.{k}.size"), p.members.len() as f64);
        s.lists
            .push((format!("weekly.parts.{k}.name"), vec![p.name.clone()]));
    }
    Some(s.finish(
        t,
        "report-sum-separate",
        Some((
            "weekly.separate_parts",
            parts.len() as f64,
            parts.len().to_string(),
        )),
    ))
}

/// How many are connected with daily or weekly contact.
pub fn integration(f: &Facts, t: &Texts) -> Option<Finding> {
    let w = &f.weekly;
    if w.people == 0 {
        return None;
    }
    let share = 100.0 * w.integration();
    let key = if w.largest == w.people {
        "report-sum-integrated-all"
    } else if w.integration() >= INTEGRATED_MOST {
        "report-sum-integrated-most"
    } else {
        "report-sum-integrated-poor"
    };
    let mut s = Sentence::new()
        .count("people", "weekly.people", w.people)
        .count("largest", "weekly.largest", w.largest)
        .count("outside", "weekly.outside", w.people - w.largest);
    if key == "report-sum-integrated-poor" {
        s = s.count("isolates", "weekly.isolates_count", w.isolates.len());
    }
    Some(s.finish(
        t,
        key,
        Some(("weekly.integration", share, percent(t, share))),
    ))
}

/// Clusters of the largest part and the bridge builders who join them.
pub fn clusters(f: &Facts, t: &Texts) -> Option<Finding> {
    let w = &f.weekly;
    if w.largest < 2 * MIN_CLUSTER {
        return None;
    }
    let main = w.main_clusters();
    let k = main.len();
    let s = Sentence::new()
        .words("scope", scope(f))
        .count("largest", "weekly.largest", w.largest);
    if k >= 2 {
        let names: Vec<String> = main.iter().map(|c| c.name.clone()).collect();
        let joiners = w.joiners();
        let s = s.count("clusters", "weekly.main_clusters_count", k).list(
            "names",
            "weekly.main_clusters",
            names,
        );
        let number = Some(("weekly.main_clusters_count", k as f64, k.to_string()));
        if joiners.is_empty() {
            return Some(s.finish(t, "report-sum-clusters-robust", number));
        }
        return Some(
            s.count("builders", "weekly.joiners_count", joiners.len())
                .list("list", "weekly.joiners", f.names_of(&joiners))
                .finish(t, "report-sum-clusters", number),
        );
    }
    let unstable = w.unstable_groups.iter().filter(|&&p| p == 0).count();
    let number = Some(("weekly.main_clusters_count", k as f64, k.to_string()));
    if unstable > 0 {
        Some(s.finish(t, "report-sum-clusters-unstable", number))
    } else {
        Some(s.finish(t, "report-sum-no-clusters", number))
    }
}

/// The longest chain of people, if it is long.
pub fn chain(f: &Facts, t: &Texts) -> Option<Finding> {
    let c = f.weekly.chains.first()?;
    let people = c.people.len();
    if people < LONG_CHAIN {
        return None;
    }
    let s = Sentence::new()
        .count("people", "weekly.chains.0.length", people)
        .list("list", "weekly.chains.0.people", f.names_of(&c.people));
    let number = Some(("weekly.chains.0.length", people as f64, people.to_string()));
    Some(match (&c.from, &c.to) {
        (Some(a), Some(b)) if a != b => {
            let mut s = s.words("from", a.clone()).words("to", b.clone());
            s.lists
                .push(("weekly.chains.0.from".into(), vec![a.clone()]));
            s.lists.push(("weekly.chains.0.to".into(), vec![b.clone()]));
            s.finish(t, "report-sum-chain-between", number)
        }
        _ => s.finish(t, "report-sum-chain", number),
    })
}

/// Functions (or else people) without daily or weekly contact.
pub fn isolated(f: &Facts, t: &Texts) -> Option<Finding> {
    let w = &f.weekly;
    if !w.isolated_functions.is_empty() {
        let names: Vec<String> = w
            .isolated_functions
            .iter()
            .map(|x| function_name(t, x))
            .collect();
        let list = and_list(t, &names);
        let k = w.isolated_functions.len();
        return Some(
            Sentence::new()
                .count("count", "weekly.isolated_functions_count", k)
                .words("list", list)
                .finish(
                    t,
                    "report-sum-isolated-functions",
                    Some(("weekly.isolated_functions_count", k as f64, k.to_string())),
                ),
        );
    }
    if w.isolates.is_empty() {
        return None;
    }
    let k = w.isolates.len();
    Some(
        Sentence::new()
            .count("count", "weekly.isolates_count", k)
            .list("list", "weekly.isolates", f.names_of(&w.isolates))
            .finish(
                t,
                "report-sum-isolates",
                Some(("weekly.isolates_count", k as f64, k.to_string())),
            ),
    )
}

/// Catalogue functions nobody on the roster holds.
pub fn missing_functions(f: &Facts, t: &Texts) -> Option<Finding> {
    let k = f.missing_functions.len();
    if k == 0 {
        return None;
    }
    let names: Vec<String> = f
        .missing_functions
        .iter()
        .map(|x| function_name(t, x))
        .collect();
    let list = and_list(t, &names);
    Some(
        Sentence::new()
            .count("count", "missing_functions_count", k)
            .words("list", list)
            .finish(
                t,
                "report-sum-missing-functions",
                Some(("missing_functions_count", k as f64, k.to_string())),
            ),
    )
}

/// Star, line or compact shape of the largest part (domain.md §2.3), when
/// it has at least [`SHAPE_MIN`] people.
pub fn shape(f: &Facts, t: &Texts) -> Option<Finding> {
    let w = &f.weekly;
    if w.largest < SHAPE_MIN {
        return None;
    }
    let diameter = w.diameter?;
    let s = Sentence::new()
        .words("scope", scope(f))
        .count("largest", "weekly.largest", w.largest);
    if let Some(l) = w.line
        && l >= LINE_SHAPE
        && diameter >= LINE_MIN_DIAMETER
    {
        return Some(
            s.shown(
                "diameter",
                "weekly.diameter",
                diameter,
                t.number(diameter, 0),
            )
            .finish(
                t,
                "report-sum-shape-line",
                Some(("weekly.diameter", diameter, t.number(diameter, 0))),
            ),
        );
    }
    if let (Some(star), Some(hub)) = (w.star, w.hub)
        && star >= STAR_SHAPE
    {
        let name = f.names.get(hub).cloned().unwrap_or_default();
        return Some(s.list("hub", "weekly.hub", vec![name]).finish(
            t,
            "report-sum-shape-star",
            Some(("weekly.star", star, t.number(star, 2))),
        ));
    }
    let avg = w.average_distance.unwrap_or(0.0);
    let a = t.number(avg, 1);
    Some(
        s.shown("distance", "weekly.average_distance", avg, a.clone())
            .shown(
                "diameter",
                "weekly.diameter",
                diameter,
                t.number(diameter, 0),
            )
            .finish(
                t,
                "report-sum-shape-compact",
                Some(("weekly.average_distance", avg, a)),
            ),
    )
}

/// Information exchanged with the political environment, out of the
/// respondents.
pub fn political(f: &Facts, t: &Texts) -> Option<Finding> {
    let p = &f.political;
    if p.bodies.is_empty() || f.respondents == 0 {
        return None;
    }
    let share = p.with_contact as f64 / f.respondents as f64;
    let key = if share < POLITICAL_WEAK {
        "report-sum-political-weak"
    } else {
        "report-sum-political"
    };
    Some(
        Sentence::new()
            .count("with", "political.with_contact", p.with_contact)
            .count("respondents", "respondents", f.respondents)
            .count("gives", "political.gives", p.gives)
            .count("receives", "political.receives", p.receives)
            .finish(
                t,
                key,
                Some(("political.share", 100.0 * share, percent(t, 100.0 * share))),
            ),
    )
}

/// Political and professional discussion with political bodies, apart.
pub fn discussion(f: &Facts, t: &Texts) -> Option<Finding> {
    let p = &f.political;
    if p.bodies.is_empty() || f.respondents == 0 {
        return None;
    }
    let key = if p.discusses == 0 {
        "report-sum-discussion-none"
    } else if (p.discusses as f64) < DISCUSSION_LOW * f.respondents as f64 {
        "report-sum-discussion-low"
    } else {
        "report-sum-discussion"
    };
    Some(
        Sentence::new()
            .count("respondents", "respondents", f.respondents)
            .count(
                "political",
                "political.political_discussion",
                p.political_discussion,
            )
            .count(
                "professional",
                "political.professional_discussion",
                p.professional_discussion,
            )
            .finish(
                t,
                key,
                Some((
                    "political.political_discussion",
                    p.political_discussion as f64,
                    p.political_discussion.to_string(),
                )),
            ),
    )
}

/// Bodies nobody has contact with.
pub fn political_gaps(f: &Facts, t: &Texts) -> Option<Finding> {
    let p = &f.political;
    if p.no_contact.is_empty() {
        return None;
    }
    let k = p.no_contact.len();
    Some(
        Sentence::new()
            .count("count", "political.no_contact_count", k)
            .list("list", "political.no_contact", p.no_contact.clone())
            .finish(
                t,
                "report-sum-political-gap",
                Some(("political.no_contact_count", k as f64, k.to_string())),
            ),
    )
}

/// The coordination score.
pub fn coordination(f: &Facts, t: &Texts) -> Option<Finding> {
    let s = f.coordination.as_ref()?;
    let mean = s.mean?;
    let key = if mean >= RATING_GOOD {
        "report-sum-rating-good"
    } else if mean >= RATING_WEAK {
        "report-sum-rating-middling"
    } else {
        "report-sum-rating-weak"
    };
    let m = t.number(mean, 1);
    Some(
        Sentence::new()
            .shown("mean", "coordination.mean", mean, m.clone())
            .count("n", "coordination.n", s.n)
            .count("dontknow", "coordination.dont_know", s.dont_know)
            .fact("rating_scale.max", 6.0)
            .finish(t, key, Some(("coordination.mean", mean, m))),
    )
}

/// No formal coordination forum.
pub fn forum(f: &Facts, t: &Texts) -> Option<Finding> {
    if f.coordination_forum != Some(false) {
        return None;
    }
    let mean = f.meeting_places.as_ref().and_then(|s| s.mean);
    let s = Sentence::new();
    Some(match mean {
        Some(m) => {
            let shown = t.number(m, 1);
            s.shown("mean", "meeting_places.mean", m, shown.clone())
                .fact("rating_scale.max", 6.0)
                .finish(
                    t,
                    "report-sum-no-forum",
                    Some(("meeting_places.mean", m, shown)),
                )
        }
        None => s.finish(t, "report-sum-no-forum-unrated", None),
    })
}

/// The open answers' most frequent themes, of challenges or strengths.
fn themes(f: &Facts, t: &Texts, strengths: bool) -> Option<Finding> {
    let (list, total, path, total_path) = if strengths {
        (
            &f.open.strength_themes,
            f.open.strengths,
            "open.strength_themes",
            "open.strengths",
        )
    } else {
        (
            &f.open.challenge_themes,
            f.open.challenges,
            "open.challenge_themes",
            "open.challenges",
        )
    };
    let top: Vec<(usize, &crate::facts::ThemeCount)> = list
        .iter()
        .enumerate()
        .filter(|(_, x)| x.theme != "other" && x.count >= THEME_MIN)
        .take(THEMES_TOP)
        .collect();
    let first = top.first()?;
    let items: Vec<String> = top
        .iter()
        .map(|(_, x)| {
            t.format(
                "report-sum-theme-item",
                &[
                    ("theme", Arg::Str(&theme_name(t, &x.theme))),
                    ("count", Arg::Num(x.count as f64)),
                ],
            )
        })
        .collect();
    let mut s = Sentence::new()
        .count("total", total_path, total)
        .words("list", and_list(t, &items));
    for (i, x) in &top {
        s = s.fact(&format!("{path}.{i}.count"), x.count as f64);
    }
    Some(s.finish(
        t,
        if strengths {
            "report-sum-themes-strengths"
        } else {
            "report-sum-themes-challenges"
        },
        Some((
            &format!("{path}.{}.count", first.0),
            first.1.count as f64,
            first.1.count.to_string(),
        )),
    ))
}

/// The challenges named most often in the open answers.
pub fn challenge_themes(f: &Facts, t: &Texts) -> Option<Finding> {
    themes(f, t, false)
}

/// The strengths named most often in the open answers.
pub fn strength_themes(f: &Facts, t: &Texts) -> Option<Finding> {
    themes(f, t, true)
}

/// The share of ties resting on reconstruction, when large, and what
/// changes with the other choice.
pub fn reconstruction(f: &Facts, t: &Texts) -> Option<Finding> {
    let missing = f.people.saturating_sub(f.respondents);
    if missing == 0 {
        return None;
    }
    // The view with reconstruction: the report's own when the rules keep
    // non-respondents, else the alternative.
    let (with, with_path, without, without_path, key) = if f.rules.reconstruct {
        (
            &f.weekly,
            "weekly",
            &f.weekly_alt,
            "weekly_alt",
            "report-sum-reconstructed",
        )
    } else {
        (
            &f.weekly_alt,
            "weekly_alt",
            &f.weekly,
            "weekly",
            "report-sum-unreconstructed",
        )
    };
    let share = with.reconstructed_share();
    if with.ties == 0 || share < RECONSTRUCTED_LARGE {
        return None;
    }
    let pct = 100.0 * share;
    let p = |s: &str| format!("{with_path}.{s}");
    let q = |s: &str| format!("{without_path}.{s}");
    Some(
        Sentence::new()
            .count(
                "reconstructed",
                &p("ties_reconstructed"),
                with.tie_counts.reconstructed,
            )
            .count("ties", &p("ties"), with.ties)
            .shown("share", &p("reconstructed_share"), pct, percent(t, pct))
            .count("missing", "non_respondents", missing)
            .count("largest", &p("largest"), with.largest)
            .count("people", &p("people"), with.people)
            .count("builders", &p("builders_count"), with.builders.len())
            .count("altlargest", &q("largest"), without.largest)
            .count("altpeople", &q("people"), without.people)
            .count("altbuilders", &q("builders_count"), without.builders.len())
            .finish(
                t,
                key,
                Some((&p("reconstructed_share"), pct, percent(t, pct))),
            ),
    )
}

/// Whether bridge builders are among the non-respondents.
pub fn non_respondents(f: &Facts, t: &Texts) -> Option<Finding> {
    let missing = f.people.saturating_sub(f.respondents);
    if missing == 0 || !f.rules.reconstruct {
        return None;
    }
    let key_people: Vec<usize> = f
        .weekly
        .builders
        .iter()
        .map(|b| b.person)
        .filter(|&p| !f.responded.get(p).copied().unwrap_or(true))
        .collect();
    if key_people.is_empty() {
        if f.weekly.builders.is_empty() {
            return None;
        }
        return Some(
            Sentence::new()
                .count("missing", "non_respondents", missing)
                .finish(
                    t,
                    "report-sum-nonresp-independent",
                    Some(("non_respondents", missing as f64, missing.to_string())),
                ),
        );
    }
    let k = key_people.len();
    let all = k == f.weekly.builders.len();
    let s = Sentence::new()
        .count("count", "weekly.non_respondent_builders_count", k)
        .list(
            "list",
            "weekly.non_respondent_builders",
            f.names_of(&key_people),
        );
    let s = if all {
        s
    } else {
        s.count("builders", "weekly.builders_count", f.weekly.builders.len())
    };
    Some(s.finish(
        t,
        if all {
            "report-sum-nonresp-all"
        } else {
            "report-sum-nonresp-depends"
        },
        Some((
            "weekly.non_respondent_builders_count",
            k as f64,
            k.to_string(),
        )),
    ))
}

/// A summary rule.
pub type Rule = fn(&Facts, &Texts) -> Option<Finding>;

/// Every finding rule, in the order of the summary.
pub const RULES: [Rule; 17] = [
    response_rate,
    separate,
    integration,
    clusters,
    chain,
    isolated,
    missing_functions,
    shape,
    political,
    discussion,
    political_gaps,
    coordination,
    forum,
    challenge_themes,
    strength_themes,
    reconstruction,
    non_respondents,
];

/// The main findings.
pub fn findings(f: &Facts, t: &Texts) -> Vec<Finding> {
    RULES.iter().filter_map(|r| r(f, t)).collect()
}

/// Questions and tasks for the working group, each from one rule.
pub fn questions(f: &Facts, t: &Texts) -> Vec<Finding> {
    let w = &f.weekly;
    let mut out = Vec::new();
    let q = |key: &'static str| (key, Sentence::new());
    let mut push = |(key, s): (&'static str, Sentence)| out.push(s.finish(t, key, None));
    let separate: Vec<&crate::facts::Part> = w
        .parts
        .iter()
        .skip(1)
        .filter(|p| p.members.len() >= SEPARATE_MIN)
        .collect();
    if !separate.is_empty() {
        let names: Vec<String> = separate.iter().map(|p| p.name.clone()).collect();
        let (k, s) = q("report-q-separate");
        push((
            k,
            s.count("count", "weekly.separate_parts", separate.len())
                .words("list", and_list(t, &names)),
        ));
    }
    if !w.isolates.is_empty() {
        let (k, s) = q("report-q-outside");
        push((
            k,
            s.count("count", "weekly.isolates_count", w.isolates.len()),
        ));
    }
    if let Some(c) = w.chains.first().filter(|c| c.people.len() >= LONG_CHAIN) {
        let (k, s) = q("report-q-chain");
        push((
            k,
            s.count("people", "weekly.chains.0.length", c.people.len()),
        ));
    }
    if !w.builders.is_empty() {
        let (k, s) = q("report-q-builders");
        push((
            k,
            s.count("count", "weekly.builders_count", w.builders.len()),
        ));
    }
    if w.main_clusters().len() >= 2 {
        let (k, s) = q("report-q-clusters");
        push((
            k,
            s.count(
                "clusters",
                "weekly.main_clusters_count",
                w.main_clusters().len(),
            ),
        ));
    }
    if !w.isolated_functions.is_empty() {
        let names: Vec<String> = w
            .isolated_functions
            .iter()
            .map(|x| function_name(t, x))
            .collect();
        let list = and_list(t, &names);
        let (k, s) = q("report-q-functions");
        push((k, s.words("list", list)));
    }
    if !f.missing_functions.is_empty() {
        let names: Vec<String> = f
            .missing_functions
            .iter()
            .map(|x| function_name(t, x))
            .collect();
        let list = and_list(t, &names);
        let (k, s) = q("report-q-missing");
        push((k, s.words("list", list)));
    }
    if f.coordination_forum == Some(false) {
        push(q("report-q-forum"));
    }
    if f.coordination
        .as_ref()
        .and_then(|s| s.mean)
        .is_some_and(|m| m < RATING_ASK)
    {
        push(q("report-q-rating"));
    }
    let p = &f.political;
    if !p.bodies.is_empty() && f.respondents > 0 {
        if (p.with_contact as f64) < POLITICAL_WEAK * f.respondents as f64
            || !p.no_contact.is_empty()
        {
            push(q("report-q-political"));
        }
        if (p.discusses as f64) < DISCUSSION_LOW * f.respondents as f64 {
            push(q("report-q-discussion"));
        }
    }
    if let Some(x) = f
        .open
        .challenge_themes
        .iter()
        .find(|x| x.theme != "other" && x.count >= THEME_MIN)
    {
        let (k, s) = q("report-q-theme");
        push((k, s.words("theme", theme_name(t, &x.theme))));
    }
    if reconstruction(f, t).is_some() {
        let (k, s) = q("report-q-reconstruction");
        push((
            k,
            s.count(
                "missing",
                "non_respondents",
                f.people.saturating_sub(f.respondents),
            ),
        ));
    }
    push(q("report-q-roster"));
    out
}

#[cfg(test)]
mod tests {
    //! Every rule on both sides of each of its thresholds, with the exact
    //! numbers it states (whole tokens: «3» is not found in «37»).

    use super::*;
    use crate::Rules;
    use crate::facts::{Builder, Chain, Cluster, NetFacts, Part, ThemeCount};
    use samspill_engine::bridges::BridgeReason;
    use samspill_engine::survey::RatingAnswers;
    use samspill_i18n::Lang;

    fn nb() -> Texts {
        Texts::new(Lang::Nb)
    }

    /// The whole-number and decimal tokens of a text.
    fn tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let decimal = (c == ',' || c == '.')
                && !cur.is_empty()
                && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit());
            if c.is_ascii_digit() || decimal {
                cur.push(c);
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    /// Asserts that the text states exactly these numbers, in this order.
    #[track_caller]
    fn states(f: &Finding, numbers: &[&str]) {
        assert_eq!(tokens(&f.text), numbers, "{}", f.text);
    }

    fn people(range: std::ops::Range<usize>) -> Vec<usize> {
        range.collect()
    }

    /// `people` people, `respondents` of them answered (the first ones),
    /// all in one weekly part.
    fn base(people: usize, respondents: usize) -> Facts {
        Facts {
            rules: Rules::default(),
            people,
            respondents,
            response_rate: 100.0 * respondents as f64 / people.max(1) as f64,
            names: (1..=people).map(|i| format!("Tildeling {i}")).collect(),
            responded: (0..people).map(|i| i < respondents).collect(),
            weekly: NetFacts {
                people,
                largest: people,
                ties: 2 * people,
                parts: vec![Part {
                    name: "Rådhuset".into(),
                    members: (0..people).collect(),
                }],
                components: 1,
                diameter: Some(3.0),
                average_distance: Some(1.8),
                line: Some(0.1),
                star: Some(0.2),
                ..NetFacts::default()
            },
            ..Facts::default()
        }
    }

    fn keys(v: &[Finding]) -> Vec<&'static str> {
        v.iter().map(|f| f.key).collect()
    }

    #[test]
    fn response_rate_at_70_and_50_percent() {
        let t = nb();
        let mut x = base(100, 70);
        let f = response_rate(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-response-good");
        assert_eq!(f.number, "70 %");
        states(&f, &["70", "100", "70"]);
        x.response_rate = 69.999;
        assert_eq!(
            response_rate(&x, &t).unwrap().key,
            "report-sum-response-fair"
        );
        x.response_rate = 50.0;
        assert_eq!(
            response_rate(&x, &t).unwrap().key,
            "report-sum-response-fair"
        );
        x.response_rate = 49.999;
        let f = response_rate(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-response-low");
        assert!(
            f.text.contains("bare 70 av 100 svarte (50 %)"),
            "{}",
            f.text
        );
        assert!(response_rate(&base(0, 0), &t).is_none());
    }

    #[test]
    fn a_separate_group_needs_three_people_and_is_said_by_name() {
        let t = nb();
        let mut x = base(10, 10);
        assert!(separate(&x, &t).is_none());
        x.weekly.parts = vec![
            Part {
                name: "Rådhuset".into(),
                members: people(0..5),
            },
            Part {
                name: "NAV".into(),
                members: people(5..8),
            },
            Part {
                name: "Eiendom".into(),
                members: people(8..10),
            },
        ];
        let f = separate(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-separate");
        assert_eq!(f.number, "1");
        assert_eq!(
            f.text,
            "Én gruppe har ingen daglig eller ukentlig kontakt med resten av nettverket: NAV (3 personer)."
        );
        // Two people are not a group of their own.
        x.weekly.parts[1].members = people(5..7);
        assert!(separate(&x, &t).is_none());
        x.weekly.parts[1].members = people(5..8);
        x.weekly.parts[2].members = people(8..11);
        let f = separate(&x, &t).unwrap();
        assert_eq!(f.number, "2");
        assert!(f.text.starts_with("2 grupper har"), "{}", f.text);
        assert!(
            f.text
                .ends_with("NAV (3 personer) og Eiendom (3 personer).")
        );
        // The largest part is never «separate».
        x.weekly.parts.truncate(1);
        assert!(separate(&x, &t).is_none());
    }

    #[test]
    fn integration_all_most_at_80_percent_and_poor() {
        let t = nb();
        let f = integration(&base(29, 20), &t).unwrap();
        assert_eq!(f.key, "report-sum-integrated-all");
        assert_eq!(f.number, "100 %");
        states(&f, &["29"]);
        let mut x = base(20, 20);
        x.weekly.largest = 16;
        x.weekly.isolates = vec![16, 17, 18, 19];
        let f = integration(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-integrated-most");
        assert_eq!(f.number, "80 %");
        states(&f, &["16", "20", "4"]);
        x.weekly.largest = 15;
        let f = integration(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-integrated-poor");
        assert_eq!(f.number, "75 %");
        states(&f, &["15", "20", "4"]);
        // The others may be in small groups rather than alone.
        x.weekly.isolates.clear();
        let f = integration(&x, &t).unwrap();
        assert!(
            f.text.ends_with("de andre er i mindre grupper for seg."),
            "{}",
            f.text
        );
        x.weekly.isolates = vec![19];
        let f = integration(&x, &t).unwrap();
        assert!(f.text.contains("1 person har ingen"), "{}", f.text);
        assert!(integration(&base(0, 0), &t).is_none());
    }

    fn cluster(name: &str, members: std::ops::Range<usize>, part: usize) -> Cluster {
        Cluster {
            name: name.into(),
            members: members.collect(),
            stability: 1.0,
            part,
        }
    }

    #[test]
    fn clusters_only_stable_only_in_the_largest_part_and_builders_only_when_they_join() {
        let t = nb();
        let mut x = base(10, 10);
        let f = clusters(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-no-clusters");
        assert_eq!(f.text, "Nettverket deler seg ikke i tydelige klynger.");
        // Unstable groups in the largest part: no stable sub-groups.
        x.weekly.unstable_groups = vec![0, 0];
        let f = clusters(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-clusters-unstable");
        assert_eq!(f.number, "0");
        // …but not when they lie in another part.
        x.weekly.unstable_groups = vec![1];
        assert_eq!(clusters(&x, &t).unwrap().key, "report-sum-no-clusters");
        x.weekly.clusters = vec![
            cluster("Rådhuset", 0..4, 0),
            cluster("Helse og omsorg", 4..7, 0),
            cluster("NAV", 7..10, 1),
        ];
        let f = clusters(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-clusters-robust");
        assert_eq!(f.number, "2");
        assert!(f.text.contains("(Rådhuset, Helse og omsorg)"), "{}", f.text);
        // A bridge builder who does not join clusters is not named here.
        x.weekly.builders = vec![Builder {
            person: 2,
            reasons: vec![BridgeReason::Lengthens],
            part: 0,
            joins_clusters: false,
        }];
        assert_eq!(clusters(&x, &t).unwrap().key, "report-sum-clusters-robust");
        x.weekly.builders.push(Builder {
            person: 3,
            reasons: vec![BridgeReason::Splits],
            part: 0,
            joins_clusters: true,
        });
        let f = clusters(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-clusters");
        assert!(
            f.text
                .ends_with("Én brobygger binder dem sammen: Tildeling 4."),
            "{}",
            f.text
        );
        // A joiner in another part does not hold these together.
        x.weekly.builders[1].part = 1;
        assert_eq!(clusters(&x, &t).unwrap().key, "report-sum-clusters-robust");
        // One cluster in the largest part is not a split.
        x.weekly.clusters.remove(1);
        assert_eq!(clusters(&x, &t).unwrap().key, "report-sum-no-clusters");
        // Of the largest part when not everyone is in it.
        x.weekly.largest = 7;
        let f = clusters(&x, &t).unwrap();
        assert!(
            f.text
                .starts_with("Den største sammenhengende delen (7 personer)"),
            "{}",
            f.text
        );
        // Two clusters need six people: a smaller largest part says nothing.
        x.weekly.largest = 6;
        assert!(clusters(&x, &t).is_some());
        x.weekly.largest = 5;
        assert!(clusters(&x, &t).is_none());
    }

    #[test]
    fn a_chain_of_four_people_between_two_clusters() {
        let t = nb();
        let mut x = base(10, 10);
        assert!(chain(&x, &t).is_none());
        x.weekly.chains = vec![Chain {
            people: vec![0, 1, 2, 3],
            from: Some("rådhuset".into()),
            to: Some("tjenestene".into()),
        }];
        let f = chain(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-chain-between");
        assert_eq!(f.number, "4");
        assert!(
            f.text
                .starts_with("Mellom rådhuset og tjenestene går en kjede på fire personer (Tildeling 1, Tildeling 2, Tildeling 3, Tildeling 4)"),
            "{}",
            f.text
        );
        x.weekly.chains[0].to = Some("rådhuset".into());
        assert_eq!(chain(&x, &t).unwrap().key, "report-sum-chain");
        x.weekly.chains[0].to = None;
        assert_eq!(chain(&x, &t).unwrap().key, "report-sum-chain");
        // Three people is not a long chain.
        x.weekly.chains[0].people.truncate(3);
        assert!(chain(&x, &t).is_none());
    }

    #[test]
    fn isolated_functions_before_isolated_people_and_missing_functions_apart() {
        let t = nb();
        let mut x = base(10, 10);
        assert!(isolated(&x, &t).is_none());
        x.weekly.isolates = vec![7, 8];
        let f = isolated(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-isolates");
        assert_eq!(f.number, "2");
        assert!(
            f.text.ends_with(": Tildeling 8, Tildeling 9."),
            "{}",
            f.text
        );
        x.weekly.isolated_functions = vec!["Arealplanlegging".into(), "Utbygging".into()];
        let f = isolated(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-isolated-functions");
        assert_eq!(f.number, "2");
        assert!(
            f.text.ends_with(": Arealplanlegging og Utbygging."),
            "{}",
            f.text
        );
        assert!(missing_functions(&x, &t).is_none());
        x.missing_functions = vec!["Politisk folkevalgt".into()];
        let f = missing_functions(&x, &t).unwrap();
        assert_eq!(
            f.text,
            "Ingen på lista over personer i nettverket har funksjonen Politisk folkevalgt."
        );
        x.missing_functions.push("Husleiekontrakter".into());
        let f = missing_functions(&x, &t).unwrap();
        assert_eq!(f.number, "2");
        assert!(
            f.text
                .contains("funksjonene Politisk folkevalgt og Husleiekontrakter")
        );
    }

    #[test]
    fn shape_needs_ten_people_and_a_line_needs_five_steps() {
        let t = nb();
        let mut x = base(10, 10);
        let f = shape(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-shape-compact");
        assert_eq!(f.number, "1,8");
        states(&f, &["1,8", "3"]);
        x.weekly.largest = 9;
        assert!(shape(&x, &t).is_none(), "nine people: no shape");
        x.weekly.largest = 10;
        x.weekly.star = Some(0.5);
        x.weekly.hub = Some(0);
        let f = shape(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-shape-star");
        assert_eq!(f.number, "0,50");
        assert!(f.text.contains("rundt Tildeling 1"), "{}", f.text);
        x.weekly.star = Some(0.4999);
        assert_eq!(shape(&x, &t).unwrap().key, "report-sum-shape-compact");
        // Line tendency alone is not enough: the distance must be long.
        x.weekly.line = Some(0.25);
        x.weekly.diameter = Some(4.0);
        assert_eq!(shape(&x, &t).unwrap().key, "report-sum-shape-compact");
        x.weekly.diameter = Some(5.0);
        let f = shape(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-shape-line");
        assert_eq!(f.number, "5");
        assert!(f.text.contains("5 ledd"), "{}", f.text);
        x.weekly.line = Some(0.2499);
        assert_eq!(shape(&x, &t).unwrap().key, "report-sum-shape-compact");
        // Of the largest part when it is not everyone.
        x.weekly.largest = 10;
        x.weekly.people = 14;
        let f = shape(&x, &t).unwrap();
        assert!(
            f.text
                .starts_with("Den største sammenhengende delen (10 personer) er kompakt")
        );
        x.weekly.diameter = None;
        assert!(shape(&x, &t).is_none());
    }

    fn political_base() -> Facts {
        let mut x = base(20, 10);
        x.political.bodies = vec!["Formannskapet".into(), "Ordføreren".into()];
        x
    }

    #[test]
    fn political_contact_at_30_percent_of_the_respondents() {
        let t = nb();
        let mut x = political_base();
        x.political.with_contact = 3;
        x.political.gives = 2;
        x.political.receives = 3;
        let f = political(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-political");
        assert_eq!(f.number, "30 %");
        states(&f, &["3", "10", "2", "3"]);
        x.political.with_contact = 2;
        x.political.receives = 2;
        let f = political(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-political-weak");
        assert!(f.text.contains("bare 2 av 10 som svarte"), "{}", f.text);
        x.political.bodies.clear();
        assert!(political(&x, &t).is_none());
        let mut x = political_base();
        x.respondents = 0;
        assert!(political(&x, &t).is_none());
    }

    #[test]
    fn political_and_professional_discussion_apart_at_15_percent() {
        let t = nb();
        let mut x = political_base();
        x.respondents = 20;
        let f = discussion(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-discussion-none");
        assert_eq!(f.number, "0");
        states(&f, &["20"]);
        // 3 of 20 discuss: exactly 15 %.
        x.political.discusses = 3;
        x.political.political_discussion = 0;
        x.political.professional_discussion = 3;
        let f = discussion(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-discussion");
        assert_eq!(
            f.text,
            "Av 20 som svarte, har ingen politisk diskusjon og 3 faglig diskusjon med et politisk organ."
        );
        x.political.discusses = 2;
        x.political.political_discussion = 1;
        x.political.professional_discussion = 2;
        let f = discussion(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-discussion-low");
        assert_eq!(f.number, "1");
        states(&f, &["20", "1", "2"]);
        x.political.bodies.clear();
        assert!(discussion(&x, &t).is_none());
        let mut x = political_base();
        x.respondents = 0;
        assert!(discussion(&x, &t).is_none());
    }

    #[test]
    fn bodies_without_contact() {
        let t = nb();
        let mut x = political_base();
        assert!(political_gaps(&x, &t).is_none());
        x.political.no_contact = vec!["Ordføreren".into()];
        let f = political_gaps(&x, &t).unwrap();
        assert_eq!(f.number, "1");
        assert_eq!(
            f.text,
            "Ingen av dem som svarte, har kontakt med Ordføreren."
        );
    }

    fn rating(v: &[Option<u8>]) -> Option<samspill_engine::survey::RatingSummary> {
        Some(
            RatingAnswers {
                question: "coordination".into(),
                answers: v.to_vec(),
            }
            .summary(),
        )
    }

    #[test]
    fn coordination_score_at_4_and_at_3() {
        let t = nb();
        let mut x = base(10, 10);
        assert!(coordination(&x, &t).is_none());
        x.coordination = rating(&[Some(4), Some(4), Some(5), Some(3), None]);
        let f = coordination(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-rating-good");
        assert_eq!(f.number, "4,0");
        states(&f, &["4,0", "6", "5", "1"]);
        // 3.999…: middling (the shown «4,0» is a rounding of it).
        x.coordination = rating(&[Some(4); 999]);
        if let Some(s) = x.coordination.as_mut() {
            s.mean = Some(3.9999);
        }
        assert_eq!(
            coordination(&x, &t).unwrap().key,
            "report-sum-rating-middling"
        );
        x.coordination = rating(&[Some(3), Some(3), Some(3)]);
        assert_eq!(
            coordination(&x, &t).unwrap().key,
            "report-sum-rating-middling"
        );
        x.coordination = rating(&[Some(2), Some(3), Some(3)]);
        let f = coordination(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-rating-weak");
        assert_eq!(f.number, "2,7");
        x.coordination = rating(&[None]);
        assert!(coordination(&x, &t).is_none());
    }

    #[test]
    fn no_forum_with_and_without_a_meeting_places_score() {
        let t = nb();
        let mut x = base(10, 10);
        assert!(forum(&x, &t).is_none());
        x.coordination_forum = Some(true);
        assert!(forum(&x, &t).is_none());
        x.coordination_forum = Some(false);
        let f = forum(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-no-forum-unrated");
        assert_eq!(f.number, "");
        x.meeting_places = rating(&[Some(2), Some(3)]);
        let f = forum(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-no-forum");
        assert_eq!(f.number, "2,5");
        states(&f, &["2,5", "6"]);
    }

    fn themed(v: &[(&str, usize)]) -> Vec<ThemeCount> {
        v.iter()
            .map(|&(theme, count)| ThemeCount {
                theme: theme.into(),
                count,
            })
            .collect()
    }

    #[test]
    fn the_top_themes_need_two_answers_and_other_is_never_named() {
        let t = nb();
        let mut x = base(10, 10);
        assert!(challenge_themes(&x, &t).is_none());
        x.open.challenges = 20;
        x.open.challenge_themes = themed(&[
            ("other", 9),
            ("housing-shortage", 5),
            ("cooperation", 3),
            ("refugees", 2),
            ("resources", 2),
            ("turnover", 1),
        ]);
        let f = challenge_themes(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-themes-challenges");
        assert_eq!(f.number, "5");
        assert!(
            f.text.contains(
                "Mangel på egnede boliger (5), Samarbeid og ansvarsavklaring (3) og Bosetting av flyktninger (2)"
            ),
            "{}",
            f.text
        );
        states(&f, &["5", "3", "2", "20"]);
        x.open.challenge_themes = themed(&[("other", 9), ("resources", 1)]);
        assert!(challenge_themes(&x, &t).is_none());
        x.open.challenge_themes = themed(&[("resources", 2)]);
        assert!(challenge_themes(&x, &t).is_some());
        // Strengths apart; a theme of the coordinator's own is shown as written.
        x.open.strengths = 7;
        x.open.strength_themes = themed(&[("Korte veier", 4)]);
        let f = strength_themes(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-themes-strengths");
        assert!(f.text.contains("Korte veier (4)"), "{}", f.text);
        states(&f, &["4", "7"]);
    }

    #[test]
    fn reconstruction_is_said_from_a_quarter_of_the_ties() {
        let t = nb();
        let mut x = base(20, 15);
        x.weekly.ties = 40;
        x.weekly.tie_counts.reconstructed = 9;
        x.weekly_alt = NetFacts {
            people: 15,
            largest: 12,
            ..NetFacts::default()
        };
        assert!(reconstruction(&x, &t).is_none(), "22.5 %");
        x.weekly.tie_counts.reconstructed = 10;
        let f = reconstruction(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-reconstructed");
        assert_eq!(f.number, "25 %");
        assert!(
            f.text
                .starts_with("10 av 40 kontakter med daglig eller ukentlig kontakt (25 %)"),
            "{}",
            f.text
        );
        assert!(
            f.text
                .contains("uten dem henger 12 av 15 sammen, og ingen er brobyggere.")
        );
        // Under the rule that leaves them out, the other view is the one
        // with reconstruction.
        x.rules.reconstruct = false;
        std::mem::swap(&mut x.weekly, &mut x.weekly_alt);
        let f = reconstruction(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-unreconstructed");
        assert!(f.text.contains("mot nå 12 av 15"), "{}", f.text);
        let mut x = base(20, 20);
        x.weekly.tie_counts.reconstructed = 30;
        assert!(reconstruction(&x, &t).is_none(), "everyone answered");
        let mut x = base(20, 15);
        x.weekly.ties = 0;
        assert!(reconstruction(&x, &t).is_none());
    }

    #[test]
    fn bridge_builders_among_the_non_respondents() {
        let t = nb();
        let mut x = base(10, 8);
        assert!(non_respondents(&x, &t).is_none(), "no bridge builders");
        let b = |person| Builder {
            person,
            reasons: vec![BridgeReason::Splits],
            part: 0,
            joins_clusters: false,
        };
        x.weekly.builders = vec![b(1)];
        let f = non_respondents(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-nonresp-independent");
        assert_eq!(f.number, "2");
        x.weekly.builders = vec![b(9)];
        let f = non_respondents(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-nonresp-all");
        assert!(
            f.text
                .starts_with("Den eneste brobyggeren (Tildeling 10) har ikke svart selv"),
            "{}",
            f.text
        );
        x.weekly.builders = vec![b(9), b(8)];
        let f = non_respondents(&x, &t).unwrap();
        assert!(
            f.text
                .starts_with("Alle de 2 brobyggerne (Tildeling 10, Tildeling 9)"),
            "{}",
            f.text
        );
        x.weekly.builders = vec![b(9), b(1)];
        let f = non_respondents(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-nonresp-depends");
        assert_eq!(f.number, "1");
        assert!(
            f.text.starts_with("Én av de 2 brobyggerne (Tildeling 10)"),
            "{}",
            f.text
        );
        x.rules.reconstruct = false;
        assert!(non_respondents(&x, &t).is_none());
        assert!(non_respondents(&base(5, 5), &t).is_none());
    }

    #[test]
    fn questions_follow_the_findings_on_both_sides_of_their_thresholds() {
        let t = nb();
        let x = base(10, 10);
        assert_eq!(keys(&questions(&x, &t)), ["report-q-roster"]);
        let mut x = political_base();
        x.respondents = 10;
        x.coordination_forum = Some(false);
        x.weekly.isolates = vec![9];
        x.weekly.parts.push(Part {
            name: "NAV".into(),
            members: vec![6, 7, 8],
        });
        x.weekly.chains = vec![Chain {
            people: vec![0, 1, 2, 3],
            from: None,
            to: None,
        }];
        x.weekly.builders = vec![Builder {
            person: 1,
            reasons: vec![BridgeReason::Splits],
            part: 0,
            joins_clusters: true,
        }];
        x.weekly.clusters = vec![cluster("A", 0..3, 0), cluster("B", 3..6, 0)];
        x.weekly.isolated_functions = vec!["Utbygging".into()];
        x.missing_functions = vec!["Husleiekontrakter".into()];
        x.coordination = rating(&[Some(3), Some(3)]);
        x.political.with_contact = 2;
        x.political.discusses = 1;
        x.open.challenge_themes = themed(&[("cooperation", 2)]);
        x.weekly.ties = 4;
        x.weekly.tie_counts.reconstructed = 1;
        x.respondents = 8;
        x.people = 10;
        let all = questions(&x, &t);
        assert_eq!(
            keys(&all),
            [
                "report-q-separate",
                "report-q-outside",
                "report-q-chain",
                "report-q-builders",
                "report-q-clusters",
                "report-q-functions",
                "report-q-missing",
                "report-q-forum",
                "report-q-rating",
                "report-q-political",
                "report-q-discussion",
                "report-q-theme",
                "report-q-reconstruction",
                "report-q-roster",
            ]
        );
        for f in &all {
            assert!(!f.text.starts_with('['), "missing message {}", f.key);
            assert!(f.number.is_empty());
        }
        assert!(all[0].text.starts_with("Hvordan kan NAV få fast kontakt"));
        assert!(all[11].text.contains("«Samarbeid og ansvarsavklaring»"));
        // Each question's threshold, from the other side.
        let without = |x: &Facts, key: &str| !keys(&questions(x, &t)).contains(&key);
        let mut y = x.clone();
        y.weekly.parts[1].members.truncate(2);
        assert!(without(&y, "report-q-separate"));
        let mut y = x.clone();
        y.weekly.chains[0].people.truncate(3);
        assert!(without(&y, "report-q-chain"));
        let mut y = x.clone();
        y.weekly.clusters.truncate(1);
        assert!(without(&y, "report-q-clusters"));
        let mut y = x.clone();
        y.weekly.clusters[1].part = 1;
        assert!(without(&y, "report-q-clusters"));
        let mut y = x.clone();
        // A mean of exactly 3.5 is not below 3.5.
        y.coordination = rating(&[Some(3), Some(4), Some(4), Some(3)]);
        assert!(without(&y, "report-q-rating"));
        y.coordination.as_mut().unwrap().mean = Some(3.4999);
        assert!(!without(&y, "report-q-rating"));
        // Political: 3 of 10 have contact (30 %) and no body is left out.
        let mut y = x.clone();
        y.respondents = 10;
        y.political.with_contact = 3;
        assert!(without(&y, "report-q-political"));
        y.political.with_contact = 2;
        assert!(!without(&y, "report-q-political"));
        y.political.with_contact = 3;
        y.political.no_contact = vec!["Ordføreren".into()];
        assert!(!without(&y, "report-q-political"));
        // Discussion: 15 % of the respondents is enough.
        let mut y = x.clone();
        y.respondents = 20;
        y.political.discusses = 3;
        assert!(without(&y, "report-q-discussion"));
        y.political.discusses = 2;
        assert!(!without(&y, "report-q-discussion"));
        let mut y = x.clone();
        y.open.challenge_themes = themed(&[("cooperation", 1), ("other", 5)]);
        assert!(without(&y, "report-q-theme"));
        let mut y = x.clone();
        y.weekly.tie_counts.reconstructed = 0;
        assert!(without(&y, "report-q-reconstruction"));
        let mut y = x.clone();
        y.political.bodies.clear();
        assert!(without(&y, "report-q-political") && without(&y, "report-q-discussion"));
        // Nobody answered: no political question, even with a body nobody
        // reported contact with (there are no answers it could rest on).
        let mut y = x.clone();
        y.respondents = 0;
        y.political.with_contact = 0;
        y.political.discusses = 0;
        y.political.no_contact = vec!["Ordføreren".into()];
        assert!(without(&y, "report-q-political") && without(&y, "report-q-discussion"));
    }

    /// A case where every rule and every question speaks.
    fn everything() -> Facts {
        let mut x = political_base();
        x.people = 20;
        x.respondents = 10;
        x.response_rate = 50.0;
        x.coordination_forum = Some(false);
        x.meeting_places = rating(&[Some(2), Some(3)]);
        x.coordination = rating(&[Some(3), Some(3), None]);
        x.missing_functions = vec!["Husleiekontrakter".into()];
        x.political.with_contact = 2;
        x.political.gives = 1;
        x.political.receives = 2;
        x.political.discusses = 1;
        x.political.political_discussion = 1;
        x.political.no_contact = vec!["Ordføreren".into()];
        x.open.challenges = 9;
        x.open.strengths = 6;
        x.open.challenge_themes = themed(&[("housing-shortage", 5), ("cooperation", 3)]);
        x.open.strength_themes = themed(&[("competence", 4)]);
        let w = &mut x.weekly;
        w.people = 20;
        w.largest = 12;
        w.ties = 30;
        w.tie_counts.reconstructed = 12;
        w.parts = vec![
            Part {
                name: "Rådhuset".into(),
                members: people(0..12),
            },
            Part {
                name: "NAV".into(),
                members: people(12..16),
            },
        ];
        w.isolates = vec![16, 17, 18, 19];
        w.clusters = vec![cluster("Rådhuset", 0..6, 0), cluster("Helse", 6..12, 0)];
        w.builders = vec![
            Builder {
                person: 5,
                reasons: vec![BridgeReason::Splits],
                part: 0,
                joins_clusters: true,
            },
            Builder {
                person: 11,
                reasons: vec![BridgeReason::Carries],
                part: 0,
                joins_clusters: true,
            },
        ];
        w.chains = vec![Chain {
            people: vec![4, 5, 6, 7],
            from: Some("Rådhuset".into()),
            to: Some("Helse".into()),
        }];
        w.isolated_functions = vec!["Utbygging".into()];
        w.diameter = Some(6.0);
        w.line = Some(6.0 / 11.0);
        w.average_distance = Some(2.6);
        x.weekly_alt = NetFacts {
            people: 10,
            largest: 8,
            builders: vec![Builder::default(); 3],
            ..NetFacts::default()
        };
        x
    }

    #[test]
    fn every_stated_value_is_the_fact_at_its_path_in_facts_json() {
        let t = nb();
        let x = everything();
        let json = x.json();
        let at = |path: &str| {
            path.split('.')
                .try_fold(&json, |v, seg| match seg.parse::<usize>() {
                    Ok(i) => v.get(i),
                    Err(_) => v.get(seg),
                })
                .cloned()
        };
        let all: Vec<Finding> = findings(&x, &t)
            .into_iter()
            .chain(questions(&x, &t))
            .collect();
        // Every rule has spoken.
        assert_eq!(
            findings(&x, &t).len(),
            RULES.len(),
            "{:?}",
            keys(&findings(&x, &t))
        );
        let mut checked = 0;
        for f in &all {
            for (path, value) in &f.values {
                let fact = at(path)
                    .and_then(|v| v.as_f64())
                    .unwrap_or_else(|| panic!("{}: no fact at {path}", f.key));
                assert!(
                    (fact - value).abs() < 1e-9,
                    "{}: {path} = {fact}, stated {value}",
                    f.key
                );
                checked += 1;
            }
            for (path, items) in &f.lists {
                let fact: Vec<String> = match at(path) {
                    Some(serde_json::Value::Array(a)) => a
                        .iter()
                        .map(|v| v.as_str().unwrap_or_default().to_string())
                        .collect(),
                    Some(serde_json::Value::String(s)) => vec![s],
                    other => panic!("{}: no list at {path}: {other:?}", f.key),
                };
                assert_eq!(&fact, items, "{}: {path}", f.key);
                checked += 1;
            }
        }
        assert!(checked > 60, "{checked}");
    }

    #[test]
    fn the_summary_follows_the_rules_in_order() {
        let t = nb();
        let mut x = base(10, 6);
        x.weekly.parts.push(Part {
            name: "NAV".into(),
            members: vec![7, 8, 9],
        });
        x.weekly.largest = 7;
        let k = keys(&findings(&x, &t));
        assert_eq!(
            k,
            [
                "report-sum-response-fair",
                "report-sum-separate",
                "report-sum-integrated-poor",
                "report-sum-no-clusters"
            ]
        );
    }

    #[test]
    fn and_lists_read_as_sentences() {
        let t = nb();
        let s = |v: &[&str]| and_list(&t, &v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["A"]), "A");
        assert_eq!(s(&["A", "B"]), "A og B");
        assert_eq!(s(&["A", "B", "C"]), "A, B og C");
        assert_eq!(
            and_list(&Texts::new(Lang::En), &["A".into(), "B".into()]),
            "A and B"
        );
        assert_eq!(theme_name(&t, "refugees"), "Bosetting av flyktninger");
        assert_eq!(theme_name(&t, "Eget tema"), "Eget tema");
        assert_eq!(
            function_name(&t, "Tildeling av bolig"),
            "Tildeling av bolig"
        );
        assert_eq!(function_name(&t, "Vaktmester"), "Vaktmester");
        assert_eq!(percent(&t, 82.5), "83 %");
    }

    #[test]
    fn every_message_exists_in_every_language() {
        let sources = include_str!("summary.rs");
        let mut used: Vec<&str> = sources
            .split('"')
            .filter(|s| {
                (s.starts_with("report-sum-") || s.starts_with("report-q-"))
                    && !s.ends_with('-')
                    && s.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            })
            .collect();
        used.sort_unstable();
        used.dedup();
        assert!(used.len() > 40, "{used:?}");
        for lang in Lang::ALL {
            let keys = samspill_i18n::keys(lang);
            for k in &used {
                assert!(keys.iter().any(|x| x == k), "{} lacks {k}", lang.code());
            }
            for theme in crate::THEMES {
                let k = format!("report-theme-{theme}");
                assert!(keys.contains(&k), "{} lacks {k}", lang.code());
            }
        }
    }
}
