//! «Sammendrag og veien videre»: the main findings in plain language, each
//! with its number, and concrete questions for the working group.
//!
//! Every sentence comes from one rule below. A rule looks at [`Facts`],
//! compares with its named thresholds, picks a message key and fills in the
//! numbers; each rule has a unit test that feeds a small case and checks the
//! sentence and its number.

use samspill_i18n::{Arg, Texts};

use crate::facts::{Facts, LONG_CHAIN, function_key};

/// Response rate (percent) from which it is called good.
pub const RESPONSE_GOOD: f64 = 70.0;
/// Response rate (percent) below which it is called low.
pub const RESPONSE_LOW: f64 = 50.0;
/// Share of people in the largest weekly component from which "most" are
/// connected.
pub const INTEGRATED_MOST: f64 = 0.8;
/// Line tendency from which the network is called elongated.
pub const LINE_SHAPE: f64 = 0.25;
/// Star tendency from which the network is called star-shaped.
pub const STAR_SHAPE: f64 = 0.5;
/// Coordination mean from which coordination is called good.
pub const RATING_GOOD: f64 = 4.0;
/// Coordination mean below which coordination is called weak.
pub const RATING_WEAK: f64 = 3.0;
/// Coordination mean below which the working group is asked about it.
pub const RATING_ASK: f64 = 3.5;
/// Share of respondents with political contact below which it is weak.
pub const POLITICAL_WEAK: f64 = 0.3;

/// One generated sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's message key.
    pub key: &'static str,
    /// The number the sentence rests on, as shown beside it.
    pub number: String,
    /// The sentence.
    pub text: String,
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

fn finding(t: &Texts, key: &'static str, number: String, args: &[(&str, Arg<'_>)]) -> Finding {
    Finding {
        key,
        number,
        text: t.format(key, args),
    }
}

fn n(x: usize) -> Arg<'static> {
    Arg::Num(x as f64)
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
    Some(finding(
        t,
        key,
        p.clone(),
        &[
            ("respondents", n(f.respondents)),
            ("people", n(f.people)),
            ("rate", Arg::Str(&p)),
        ],
    ))
}

/// How integrated the daily + weekly network is.
pub fn integration(f: &Facts, t: &Texts) -> Option<Finding> {
    let w = &f.weekly;
    if w.people == 0 {
        return None;
    }
    let share = w.integration();
    let p = percent(t, 100.0 * share);
    let args = [
        ("people", n(w.people)),
        ("largest", n(w.largest)),
        ("outside", n(w.people - w.largest)),
        ("isolates", n(w.isolates.len())),
    ];
    let key = if w.largest == w.people {
        "report-sum-integrated-all"
    } else if share >= INTEGRATED_MOST {
        "report-sum-integrated-most"
    } else {
        "report-sum-integrated-poor"
    };
    Some(finding(t, key, p, &args))
}

/// Clusters and the bridge builders between them.
pub fn clusters(f: &Facts, t: &Texts) -> Option<Finding> {
    let w = &f.weekly;
    let k = w.clusters.len();
    let names = w
        .clusters
        .iter()
        .map(|c| c.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let builders: Vec<usize> = w.builders.iter().map(|b| b.0).collect();
    let list = f.list(&builders);
    let key = if k < 2 {
        "report-sum-no-clusters"
    } else if builders.is_empty() {
        "report-sum-clusters-robust"
    } else {
        "report-sum-clusters"
    };
    Some(finding(
        t,
        key,
        k.to_string(),
        &[
            ("clusters", n(k)),
            ("names", Arg::Str(&names)),
            ("builders", n(builders.len())),
            ("list", Arg::Str(&list)),
        ],
    ))
}

/// The longest chain of people, if it is long.
pub fn chain(f: &Facts, t: &Texts) -> Option<Finding> {
    let c = f.weekly.chains.first()?;
    if c.people.len() < LONG_CHAIN {
        return None;
    }
    let list = f.list(&c.people);
    let people = c.people.len();
    Some(match (&c.from, &c.to) {
        (Some(a), Some(b)) if a != b => finding(
            t,
            "report-sum-chain-between",
            people.to_string(),
            &[
                ("from", Arg::Str(a)),
                ("to", Arg::Str(b)),
                ("people", n(people)),
                ("list", Arg::Str(&list)),
            ],
        ),
        _ => finding(
            t,
            "report-sum-chain",
            people.to_string(),
            &[("people", n(people)), ("list", Arg::Str(&list))],
        ),
    })
}

/// Functions (or else people) without weekly contact.
pub fn isolated(f: &Facts, t: &Texts) -> Option<Finding> {
    let w = &f.weekly;
    if !w.isolated_functions.is_empty() {
        let list = w
            .isolated_functions
            .iter()
            .map(|x| function_name(t, x))
            .collect::<Vec<_>>()
            .join(", ");
        let k = w.isolated_functions.len();
        return Some(finding(
            t,
            "report-sum-isolated-functions",
            k.to_string(),
            &[("count", n(k)), ("list", Arg::Str(&list))],
        ));
    }
    if w.isolates.is_empty() {
        return None;
    }
    let k = w.isolates.len();
    Some(finding(
        t,
        "report-sum-isolates",
        k.to_string(),
        &[("count", n(k)), ("list", Arg::Str(&f.list(&w.isolates)))],
    ))
}

/// Star, line or compact shape (domain.md §2.3).
pub fn shape(f: &Facts, t: &Texts) -> Option<Finding> {
    let w = &f.weekly;
    let diameter = w.diameter?;
    if w.line.is_some_and(|l| l >= LINE_SHAPE) {
        return Some(finding(
            t,
            "report-sum-shape-line",
            t.number(diameter, 0),
            &[("diameter", Arg::Num(diameter))],
        ));
    }
    if let (Some(s), Some(hub)) = (w.star, w.hub)
        && s >= STAR_SHAPE
    {
        let name = f.names.get(hub).cloned().unwrap_or_default();
        return Some(finding(
            t,
            "report-sum-shape-star",
            t.number(s, 2),
            &[("hub", Arg::Str(&name))],
        ));
    }
    let avg = w.average_distance.unwrap_or(0.0);
    let a = t.number(avg, 1);
    Some(finding(
        t,
        "report-sum-shape-compact",
        a.clone(),
        &[("distance", Arg::Str(&a)), ("diameter", Arg::Num(diameter))],
    ))
}

/// Contact with the political environment.
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
    Some(finding(
        t,
        key,
        percent(t, 100.0 * share),
        &[
            ("with", n(p.with_contact)),
            ("respondents", n(f.respondents)),
            ("gives", n(p.gives)),
            ("receives", n(p.receives)),
            ("discusses", n(p.discusses)),
        ],
    ))
}

/// Bodies nobody has contact with.
pub fn political_gaps(f: &Facts, t: &Texts) -> Option<Finding> {
    let p = &f.political;
    if p.no_contact.is_empty() {
        return None;
    }
    Some(finding(
        t,
        "report-sum-political-gap",
        p.no_contact.len().to_string(),
        &[
            ("count", n(p.no_contact.len())),
            ("list", Arg::Str(&p.no_contact.join(", "))),
        ],
    ))
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
    Some(finding(
        t,
        key,
        m.clone(),
        &[
            ("mean", Arg::Str(&m)),
            ("n", n(s.n)),
            ("dontknow", n(s.dont_know)),
        ],
    ))
}

/// No formal coordination forum.
pub fn forum(f: &Facts, t: &Texts) -> Option<Finding> {
    if f.coordination_forum != Some(false) {
        return None;
    }
    let number = f
        .meeting_places
        .as_ref()
        .and_then(|s| s.mean)
        .map(|m| t.number(m, 1))
        .unwrap_or_else(|| "–".into());
    Some(finding(
        t,
        "report-sum-no-forum",
        number.clone(),
        &[("mean", Arg::Str(&number))],
    ))
}

/// Whether key positions depend on non-respondents.
pub fn non_respondents(f: &Facts, t: &Texts) -> Option<Finding> {
    let missing = f.people - f.respondents;
    if missing == 0 {
        return None;
    }
    let key_people: Vec<usize> = f
        .weekly
        .builders
        .iter()
        .map(|b| b.0)
        .filter(|&p| !f.responded.get(p).copied().unwrap_or(true))
        .collect();
    if key_people.is_empty() {
        return Some(finding(
            t,
            "report-sum-nonresp-independent",
            missing.to_string(),
            &[("missing", n(missing))],
        ));
    }
    Some(finding(
        t,
        "report-sum-nonresp-depends",
        key_people.len().to_string(),
        &[
            ("count", n(key_people.len())),
            ("list", Arg::Str(&f.list(&key_people))),
            ("missing", n(missing)),
        ],
    ))
}

/// Every finding rule, in the order of the summary.
pub const RULES: [fn(&Facts, &Texts) -> Option<Finding>; 11] = [
    response_rate,
    integration,
    clusters,
    chain,
    isolated,
    shape,
    political,
    political_gaps,
    coordination,
    forum,
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
    let mut q = |key: &'static str, args: &[(&str, Arg<'_>)]| {
        out.push(finding(t, key, String::new(), args));
    };
    if !w.isolates.is_empty() {
        q("report-q-outside", &[("count", n(w.isolates.len()))]);
    }
    if let Some(c) = w.chains.first().filter(|c| c.people.len() >= LONG_CHAIN) {
        q("report-q-chain", &[("people", n(c.people.len()))]);
    }
    if !w.builders.is_empty() {
        q("report-q-builders", &[("count", n(w.builders.len()))]);
    }
    if w.clusters.len() >= 2 {
        q("report-q-clusters", &[("clusters", n(w.clusters.len()))]);
    }
    if !w.isolated_functions.is_empty() {
        let list = w
            .isolated_functions
            .iter()
            .map(|x| function_name(t, x))
            .collect::<Vec<_>>()
            .join(", ");
        q("report-q-functions", &[("list", Arg::Str(&list))]);
    }
    if f.coordination_forum == Some(false) {
        q("report-q-forum", &[]);
    }
    if f.coordination
        .as_ref()
        .and_then(|s| s.mean)
        .is_some_and(|m| m < RATING_ASK)
    {
        q("report-q-rating", &[]);
    }
    let p = &f.political;
    if !p.bodies.is_empty()
        && f.respondents > 0
        && ((p.with_contact as f64) < POLITICAL_WEAK * f.respondents as f64
            || !p.no_contact.is_empty())
    {
        q("report-q-political", &[]);
    }
    q("report-q-roster", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Chain, Cluster, NetFacts};
    use samspill_engine::bridges::BridgeReason;
    use samspill_engine::survey::RatingAnswers;
    use samspill_i18n::Lang;

    fn nb() -> Texts {
        Texts::new(Lang::Nb)
    }

    fn base(people: usize, respondents: usize) -> Facts {
        Facts {
            people,
            respondents,
            response_rate: 100.0 * respondents as f64 / people as f64,
            names: (1..=people).map(|i| format!("Tildeling {i}")).collect(),
            responded: (0..people).map(|i| i < respondents).collect(),
            weekly: NetFacts {
                people,
                largest: people,
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

    #[test]
    fn response_rate_levels_and_number() {
        let t = nb();
        let f = response_rate(&base(29, 24), &t).unwrap();
        assert_eq!(f.key, "report-sum-response-good");
        assert_eq!(f.number, "83 %");
        assert!(f.text.contains("24 av 29"), "{}", f.text);
        let f = response_rate(&base(27, 15), &t).unwrap();
        assert_eq!(f.key, "report-sum-response-fair");
        assert_eq!(f.number, "56 %");
        let f = response_rate(&base(10, 4), &t).unwrap();
        assert_eq!(f.key, "report-sum-response-low");
        assert!(f.text.contains("40 %"), "{}", f.text);
    }

    #[test]
    fn integration_all_most_poor() {
        let t = nb();
        let f = integration(&base(29, 20), &t).unwrap();
        assert_eq!(f.key, "report-sum-integrated-all");
        assert_eq!(f.number, "100 %");
        assert!(f.text.contains("29"), "{}", f.text);
        let mut x = base(20, 20);
        x.weekly.largest = 17;
        x.weekly.isolates = vec![17, 18, 19];
        let f = integration(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-integrated-most");
        assert_eq!(f.number, "85 %");
        assert!(
            f.text.contains("17 av 20") && f.text.contains('3'),
            "{}",
            f.text
        );
        x.weekly.largest = 9;
        x.weekly.isolates = (9..20).collect();
        let f = integration(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-integrated-poor");
        assert_eq!(f.number, "45 %");
        assert!(f.text.contains("11 personer"), "{}", f.text);
    }

    #[test]
    fn clusters_and_bridge_builders() {
        let t = nb();
        let mut x = base(10, 10);
        let f = clusters(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-no-clusters");
        x.weekly.clusters = vec![
            Cluster {
                name: "Rådhuset".into(),
                members: vec![0, 1, 2, 3],
            },
            Cluster {
                name: "Helse og omsorg".into(),
                members: vec![4, 5, 6],
            },
        ];
        let f = clusters(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-clusters-robust");
        assert_eq!(f.number, "2");
        x.weekly.builders = vec![
            (3, vec![BridgeReason::Splits]),
            (4, vec![BridgeReason::Carries]),
        ];
        let f = clusters(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-clusters");
        assert!(f.text.contains("Rådhuset, Helse og omsorg"), "{}", f.text);
        assert!(f.text.contains("Tildeling 4, Tildeling 5"), "{}", f.text);
    }

    #[test]
    fn a_chain_of_four_people_between_town_hall_and_services() {
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
                .starts_with("Mellom rådhuset og tjenestene går en kjede på fire personer"),
            "{}",
            f.text
        );
        x.weekly.chains[0].to = None;
        let f = chain(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-chain");
        // Three people is not a long chain.
        x.weekly.chains[0].people.truncate(3);
        assert!(chain(&x, &t).is_none());
    }

    #[test]
    fn isolated_functions_before_isolated_people() {
        let t = nb();
        let mut x = base(10, 10);
        assert!(isolated(&x, &t).is_none());
        x.weekly.isolates = vec![7, 8];
        let f = isolated(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-isolates");
        assert_eq!(f.number, "2");
        assert!(f.text.contains("Tildeling 8, Tildeling 9"), "{}", f.text);
        x.weekly.isolated_functions = vec!["Arealplanlegging".into()];
        let f = isolated(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-isolated-functions");
        assert_eq!(f.number, "1");
        assert!(f.text.contains("Arealplanlegging"), "{}", f.text);
    }

    #[test]
    fn shape_line_star_compact() {
        let t = nb();
        let mut x = base(10, 10);
        let f = shape(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-shape-compact");
        assert_eq!(f.number, "1,8");
        x.weekly.star = Some(0.62);
        x.weekly.hub = Some(0);
        let f = shape(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-shape-star");
        assert_eq!(f.number, "0,62");
        assert!(f.text.contains("Tildeling 1"), "{}", f.text);
        x.weekly.line = Some(0.36);
        x.weekly.diameter = Some(10.0);
        let f = shape(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-shape-line");
        assert_eq!(f.number, "10");
        assert!(f.text.contains("10 ledd"), "{}", f.text);
    }

    #[test]
    fn political_contact_share_and_gaps() {
        let t = nb();
        let mut x = base(20, 10);
        x.political.bodies = vec!["Formannskapet".into(), "Ordføreren".into()];
        x.political.with_contact = 4;
        x.political.gives = 3;
        let f = political(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-political");
        assert_eq!(f.number, "40 %");
        assert!(
            f.text.contains("4 av 10") && f.text.contains('3'),
            "{}",
            f.text
        );
        x.political.with_contact = 2;
        assert_eq!(political(&x, &t).unwrap().key, "report-sum-political-weak");
        assert!(political_gaps(&x, &t).is_none());
        x.political.no_contact = vec!["Ordføreren".into()];
        let f = political_gaps(&x, &t).unwrap();
        assert!(f.text.contains("Ordføreren"), "{}", f.text);
    }

    #[test]
    fn coordination_score_levels() {
        let t = nb();
        let mut x = base(10, 10);
        let r = |v: Vec<Option<u8>>| {
            RatingAnswers {
                question: "coordination".into(),
                answers: v,
            }
            .summary()
        };
        x.coordination = Some(r(vec![Some(4), Some(4), Some(5), Some(3), None]));
        let f = coordination(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-rating-good");
        assert_eq!(f.number, "4,0");
        assert!(
            f.text.contains("N = 5") && f.text.contains("1 svarte «vet ikke»"),
            "{}",
            f.text
        );
        x.coordination = Some(r(vec![Some(3), Some(4), Some(4)]));
        assert_eq!(
            coordination(&x, &t).unwrap().key,
            "report-sum-rating-middling"
        );
        x.coordination = Some(r(vec![Some(2), Some(3), Some(3)]));
        let f = coordination(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-rating-weak");
        assert_eq!(f.number, "2,7");
        x.coordination = Some(r(vec![None]));
        assert!(coordination(&x, &t).is_none());
    }

    #[test]
    fn no_forum() {
        let t = nb();
        let mut x = base(10, 10);
        assert!(forum(&x, &t).is_none());
        x.coordination_forum = Some(false);
        let f = forum(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-no-forum");
        assert!(f.text.contains("ikke noe formelt"), "{}", f.text);
    }

    #[test]
    fn key_positions_held_by_non_respondents() {
        let t = nb();
        let mut x = base(10, 8);
        let f = non_respondents(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-nonresp-independent");
        assert_eq!(f.number, "2");
        x.weekly.builders = vec![
            (9, vec![BridgeReason::Splits]),
            (1, vec![BridgeReason::Splits]),
        ];
        let f = non_respondents(&x, &t).unwrap();
        assert_eq!(f.key, "report-sum-nonresp-depends");
        assert_eq!(f.number, "1");
        assert!(f.text.contains("Tildeling 10"), "{}", f.text);
        assert!(non_respondents(&base(5, 5), &t).is_none());
    }

    #[test]
    fn questions_follow_the_findings() {
        let t = nb();
        let x = base(10, 10);
        let q = questions(&x, &t);
        assert_eq!(
            q.iter().map(|f| f.key).collect::<Vec<_>>(),
            ["report-q-roster"]
        );
        let mut x = base(10, 10);
        x.coordination_forum = Some(false);
        x.weekly.isolates = vec![9];
        x.weekly.chains = vec![Chain {
            people: vec![0, 1, 2, 3],
            from: None,
            to: None,
        }];
        let keys: Vec<_> = questions(&x, &t).iter().map(|f| f.key).collect();
        assert_eq!(
            keys,
            [
                "report-q-outside",
                "report-q-chain",
                "report-q-forum",
                "report-q-roster"
            ]
        );
        for f in questions(&x, &t) {
            assert!(!f.text.starts_with('['), "missing message {}", f.key);
        }
    }

    #[test]
    fn every_key_exists_in_every_language() {
        for lang in Lang::ALL {
            let keys = samspill_i18n::keys(lang);
            for k in [
                "report-sum-response-good",
                "report-sum-response-fair",
                "report-sum-response-low",
                "report-sum-integrated-all",
                "report-sum-integrated-most",
                "report-sum-integrated-poor",
                "report-sum-no-clusters",
                "report-sum-clusters-robust",
                "report-sum-clusters",
                "report-sum-chain-between",
                "report-sum-chain",
                "report-sum-isolated-functions",
                "report-sum-isolates",
                "report-sum-shape-line",
                "report-sum-shape-star",
                "report-sum-shape-compact",
                "report-sum-political",
                "report-sum-political-weak",
                "report-sum-political-gap",
                "report-sum-rating-good",
                "report-sum-rating-middling",
                "report-sum-rating-weak",
                "report-sum-no-forum",
                "report-sum-nonresp-independent",
                "report-sum-nonresp-depends",
                "report-q-outside",
                "report-q-chain",
                "report-q-builders",
                "report-q-clusters",
                "report-q-functions",
                "report-q-forum",
                "report-q-rating",
                "report-q-political",
                "report-q-roster",
            ] {
                assert!(keys.iter().any(|x| x == k), "{} lacks {k}", lang.code());
            }
        }
    }
}
