//! The summary's rules on adversarial structures, each a small network
//! built here: two components; one dense unit; a pure line; a star; a
//! network whose bridge builders all did not answer; a round where most
//! ties are reconstructed. Facts come from the engine (no PDF is made).

use samspill_engine::model::{Network, Person, Relation, Tie};
use samspill_engine::rng::SplitMix64;
use samspill_i18n::{Lang, Texts};
use samspill_report::facts::Facts;
use samspill_report::summary::{Finding, findings, questions};
use samspill_report::{Input, figures};

/// A person: unit, primary function, answered or not.
fn person(i: usize, unit: &str, function: &str, responded: bool) -> Person {
    let mut p = Person::new(format!("p{i:02}"), format!("Navn {i}"));
    p.unit = Some(unit.into());
    p.functions.push(function.into());
    p.responded = responded;
    p
}

/// A network with weekly ties (strength 2) between the pairs, each
/// reported by every end that answered.
fn network(people: Vec<Person>, ties: &[(usize, usize)]) -> Network {
    let mut arcs = Vec::new();
    for &(a, b) in ties {
        if people[a].responded {
            arcs.push(Tie::arc(a, b, 2.0));
        }
        if people[b].responded {
            arcs.push(Tie::arc(b, a, 2.0));
        }
    }
    Network {
        name: "Prøve".into(),
        people,
        relations: vec![Relation {
            name: "contact".into(),
            ties: arcs,
        }],
        ..Network::default()
    }
}

fn complete(range: std::ops::Range<usize>) -> Vec<(usize, usize)> {
    let v: Vec<usize> = range.collect();
    let mut out = Vec::new();
    for (k, &a) in v.iter().enumerate() {
        for &b in &v[k + 1..] {
            out.push((a, b));
        }
    }
    out
}

fn summary(net: Network) -> (Facts, Vec<Finding>, Vec<Finding>) {
    let input = Input::new("Prøvekommune", Lang::Nb, "2025", net);
    let f = Facts::compute(&input).unwrap();
    let t = Texts::new(Lang::Nb);
    let (s, q) = (findings(&f, &t), questions(&f, &t));
    (f, s, q)
}

fn key<'a>(v: &'a [Finding], key: &str) -> Option<&'a Finding> {
    v.iter().find(|f| f.key == key)
}

fn keys(v: &[Finding]) -> Vec<&'static str> {
    v.iter().map(|f| f.key).collect()
}

#[test]
fn two_components_the_separate_one_is_said_first() {
    // Seven at the town hall, four at NAV; no tie between them.
    let mut people: Vec<Person> = (0..7)
        .map(|i| person(i, "Rådhuset", "Tildeling av bolig", true))
        .collect();
    people.extend((7..11).map(|i| person(i, "NAV", "Økonomiske virkemidler/rådgivning", true)));
    let mut ties = complete(0..7);
    ties.extend(complete(7..11));
    let (f, s, q) = summary(network(people, &ties));
    assert_eq!(f.weekly.parts.len(), 2);
    let k = keys(&s);
    let sep = k.iter().position(|x| *x == "report-sum-separate").unwrap();
    let int = k
        .iter()
        .position(|x| *x == "report-sum-integrated-poor")
        .unwrap();
    assert!(sep < int, "{k:?}");
    assert_eq!(
        s[sep].text,
        "Én gruppe har ingen daglig eller ukentlig kontakt med resten av nettverket: NAV (4 personer)."
    );
    assert!(
        s[int].text.contains("bare 7 av 11 henger sammen"),
        "{}",
        s[int].text
    );
    // Nobody «holds them together»: there is nothing between them.
    assert!(s.iter().all(|x| !x.text.contains("binder dem sammen")));
    assert!(key(&q, "report-q-separate").unwrap().text.contains("NAV"));
    // Seven people: too few for a shape.
    assert!(key(&s, "report-sum-shape-compact").is_none());
}

#[test]
fn one_dense_unit_is_not_split_into_named_clusters() {
    // Twenty people of one unit, each pair tied with probability 0.6.
    let people: Vec<Person> = (0..20)
        .map(|i| person(i, "Rådhuset", "Tjenester i bolig", true))
        .collect();
    let mut rng = SplitMix64::new(13);
    let ties: Vec<(usize, usize)> = complete(0..20)
        .into_iter()
        .filter(|_| rng.next_f64() < 0.6)
        .collect();
    let net = network(people, &ties);
    let (f, s, q) = summary(net.clone());
    assert!(f.weekly.clusters.len() <= 1, "{:?}", f.weekly.clusters);
    let c = s
        .iter()
        .find(|x| x.key.starts_with("report-sum-clusters") || x.key == "report-sum-no-clusters")
        .unwrap();
    assert!(
        c.key == "report-sum-clusters-unstable" || c.key == "report-sum-no-clusters",
        "{}",
        c.text
    );
    assert!(
        s.iter().all(|x| !x.text.contains("Rådhuset (")),
        "no numbered clusters"
    );
    assert!(key(&q, "report-q-clusters").is_none());
    assert_eq!(
        key(&s, "report-sum-shape-compact").map(|x| x.key),
        Some("report-sum-shape-compact")
    );
    // The picture draws no cluster either: one definition.
    let mut input = Input::new("Prøvekommune", Lang::Nb, "2025", net);
    input.figures = figures::for_municipality(&input).unwrap();
    let weekly = input
        .figures
        .iter()
        .find(|x| x.id == "network-weekly")
        .unwrap();
    assert_eq!(
        weekly.svg.matches("class=\"hull\"").count(),
        f.weekly.clusters.len()
    );
    let stated = weekly
        .stated
        .iter()
        .find(|x| x.0 == "communities")
        .unwrap()
        .1;
    assert_eq!(stated as usize, f.weekly.clusters.len());
}

#[test]
fn a_pure_line_is_elongated_and_every_inner_person_holds_it() {
    let people: Vec<Person> = (0..12)
        .map(|i| person(i, "Eiendom", "Utbygging", true))
        .collect();
    let ties: Vec<(usize, usize)> = (0..11).map(|i| (i, i + 1)).collect();
    let (f, s, q) = summary(network(people, &ties));
    assert_eq!(f.weekly.diameter, Some(11.0));
    let line = key(&s, "report-sum-shape-line").expect("a line");
    assert_eq!(line.number, "11");
    assert!(
        line.text.starts_with("Nettverket er langstrakt"),
        "{}",
        line.text
    );
    assert!(line.text.contains("11 ledd"));
    assert_eq!(f.weekly.builders.len(), 10);
    assert!(key(&q, "report-q-builders").is_some());
    // Never «compact», never «star».
    assert!(key(&s, "report-sum-shape-compact").is_none());
    assert!(key(&s, "report-sum-shape-star").is_none());
}

#[test]
fn a_star_is_star_shaped_around_its_hub() {
    let mut people = vec![person(0, "Rådhuset", "Tildeling av bolig", true)];
    people.extend((1..12).map(|i| person(i, "Helse og omsorg", "Tjenester i bolig", true)));
    let ties: Vec<(usize, usize)> = (1..12).map(|i| (0, i)).collect();
    let (f, s, _) = summary(network(people, &ties));
    assert_eq!(f.weekly.star, Some(1.0));
    let star = key(&s, "report-sum-shape-star").expect("a star");
    assert_eq!(star.number, "1,00");
    let hub = &f.names[0];
    assert_eq!(hub, "Tildeling 1");
    assert!(star.text.contains(&format!("rundt {hub}")), "{}", star.text);
    assert!(key(&s, "report-sum-clusters").is_none());
}

#[test]
fn when_every_bridge_builder_did_not_answer_it_is_said() {
    // Two groups of five who answered, joined only through two people who
    // did not, each tied to everyone: everything between the groups rests
    // on reconstruction.
    let mut people: Vec<Person> = (0..5)
        .map(|i| person(i, "Rådhuset", "Tildeling av bolig", true))
        .collect();
    people.extend((5..10).map(|i| person(i, "Helse og omsorg", "Tjenester i bolig", true)));
    people.push(person(
        10,
        "NAV",
        "Økonomiske virkemidler/rådgivning",
        false,
    ));
    people.push(person(
        11,
        "NAV",
        "Økonomiske virkemidler/rådgivning",
        false,
    ));
    let mut ties = complete(0..5);
    ties.extend(complete(5..10));
    ties.extend((0..10).map(|i| (i, 10)));
    ties.extend((0..10).map(|i| (i, 11)));
    let (f, s, _) = summary(network(people, &ties));
    let builders: Vec<usize> = f.weekly.builders.iter().map(|b| b.person).collect();
    assert!(!builders.is_empty());
    assert!(builders.iter().all(|&p| !f.responded[p]), "{builders:?}");
    let all = key(&s, "report-sum-nonresp-all").expect("said");
    for &p in &builders {
        assert!(all.text.contains(&f.names[p]), "{}", all.text);
    }
    // Without reconstruction the two groups fall apart, and the summary
    // says what changes.
    assert_eq!(f.weekly.parts.len(), 1);
    assert_eq!(f.weekly_alt.parts.len(), 2);
    let r = key(&s, "report-sum-reconstructed").expect("20 of 40 ties rest on it");
    assert!(
        r.text.contains("uten dem henger 5 av 10 sammen"),
        "{}",
        r.text
    );
}

#[test]
fn the_only_bridge_builder_who_did_not_answer() {
    // Two triangles joined through one person, tied to all six, who did
    // not answer.
    let mut people: Vec<Person> = (0..6)
        .map(|i| {
            person(
                i,
                if i < 3 { "Rådhuset" } else { "Eiendom" },
                "Utbygging",
                true,
            )
        })
        .collect();
    people.push(person(6, "NAV", "Tildeling av bolig", false));
    let mut ties = vec![(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)];
    ties.extend((0..6).map(|i| (i, 6)));
    let (f, s, _) = summary(network(people, &ties));
    assert_eq!(f.weekly.builders.len(), 1, "{:?}", f.weekly.builders);
    let all = key(&s, "report-sum-nonresp-all").expect("said");
    assert_eq!(
        all.text,
        format!(
            "Den eneste brobyggeren ({}) har ikke svart selv: det som holder nettverket sammen, bygger bare på det andre har oppgitt.",
            f.names[6]
        )
    );
}

#[test]
fn a_round_where_most_ties_are_reconstructed_says_so_and_what_changes() {
    // Four answered, twelve did not; the four name most of the others.
    let mut people: Vec<Person> = (0..4)
        .map(|i| person(i, "Rådhuset", "Samfunnsplanlegging", true))
        .collect();
    people.extend((4..16).map(|i| person(i, "Helse og omsorg", "Tjenester i bolig", false)));
    let mut ties = vec![(0, 1), (2, 3)];
    for i in 4..16 {
        ties.push((i % 4, i));
    }
    let (f, s, q) = summary(network(people, &ties));
    assert_eq!(f.weekly.ties, 14);
    assert_eq!(f.weekly.tie_counts.reconstructed, 12);
    let r = key(&s, "report-sum-reconstructed").expect("said");
    assert_eq!(r.number, "86 %");
    assert!(
        r.text
            .starts_with("12 av 14 kontakter med daglig eller ukentlig kontakt (86 %) finnes bare fordi andre har oppgitt dem om de 12 som ikke svarte."),
        "{}",
        r.text
    );
    assert!(
        r.text.contains("uten dem henger 2 av 4 sammen"),
        "{}",
        r.text
    );
    assert_eq!(
        key(&s, "report-sum-response-low").map(|x| x.number.as_str()),
        Some("25 %")
    );
    assert!(
        key(&q, "report-q-reconstruction")
            .unwrap()
            .text
            .contains("de 12 som ikke svarte")
    );
}
