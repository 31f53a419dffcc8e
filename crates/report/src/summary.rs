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

/// A percentage as people read it ("83 %").
pub fn percent(t: &Texts, x: f64) -> String {
    t.format("report-percent", &[("value", Arg::Str(&t.number(x, 0)))])
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
    let missing = f.people - f.respondents;
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
    let missing = f.people - f.respondents;
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
    Some(
        Sentence::new()
            .count("count", "weekly.non_respondent_builders_count", k)
            .list(
                "list",
                "weekly.non_respondent_builders",
                f.names_of(&key_people),
            )
            .count("builders", "weekly.builders_count", f.weekly.builders.len())
            .finish(
                t,
                "report-sum-nonresp-depends",
                Some((
                    "weekly.non_respondent_builders_count",
                    k as f64,
                    k.to_string(),
                )),
            ),
    )
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
            s.count("missing", "non_respondents", f.people - f.respondents),
        ));
    }
    push(q("report-q-roster"));
    out
}
