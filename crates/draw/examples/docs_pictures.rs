//! Renders the pictures in `docs/pictures/` from the example municipality
//! (`examples/eksempelkommune*.csv`) and made-up survey answers. Made-up
//! numbers are only ever shown beside fictional municipality names (those
//! of samspill-synth's demo programme), never beside a real one.
//! Run from the repository root:
//! `cargo run -p samspill-draw --example docs_pictures -- docs/pictures`

use samspill_draw::{
    NetworkOptions, function_matrix, people_network, political, ratings, two_waves,
};
use samspill_engine::survey::{ContactType, PoliticalContacts, RatingAnswers};
use samspill_engine::{AnalysisOptions, BuildOptions, Threshold, analyze, build};
use samspill_formats::ReadOptions;
use samspill_i18n::{Lang, Texts};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "docs/pictures".into()),
    );
    let doc = samspill_formats::read_path(
        std::path::Path::new("examples/eksempelkommune.csv"),
        &ReadOptions {
            nodes: Some("examples/eksempelkommune-nodes.csv".into()),
            ..ReadOptions::default()
        },
    )?;
    let net = doc.networks.into_iter().next().ok_or("no network")?;
    let t = Texts::new(Lang::Nb);
    let opts = NetworkOptions::default();
    let write = |name: &str, svg: &str| -> Result<(), Box<dyn std::error::Error>> {
        std::fs::write(
            out.join(format!("{name}.png")),
            samspill_draw::png(svg, 120.0)?,
        )?;
        Ok(())
    };
    let weekly = build(&net, &BuildOptions::survey())?;
    let res = analyze(&net, &weekly, &AnalysisOptions::default());
    let pic = people_network(&net, &weekly, &res, &opts, &t)?;
    write("network-weekly", &pic.svg)?;
    println!("network-weekly: {:?}", pic.quality);
    let daily = build(
        &net,
        &BuildOptions {
            threshold: Threshold::DAILY,
            ..BuildOptions::survey()
        },
    )?;
    let res_d = analyze(&net, &daily, &AnalysisOptions::default());
    let pic = people_network(&net, &daily, &res_d, &opts, &t)?;
    write("network-daily", &pic.svg)?;
    println!("network-daily: {:?}", pic.quality);
    let all = build(
        &net,
        &BuildOptions {
            threshold: Threshold::All,
            ..BuildOptions::survey()
        },
    )?;
    let res_a = analyze(&net, &all, &AnalysisOptions::default());
    write("function-matrix", &function_matrix(&res_a, None, &t)?.svg)?;
    // A second round: some ties gone, a few new ones.
    let mut later = net.clone();
    later.name = "eksempelkommune, runde 2".into();
    net.name.clone_into(&mut later.name);
    later.name.push_str(" – runde 2");
    let rel = &mut later.relations[0];
    let mut k = 0;
    rel.ties.retain(|_| {
        k += 1;
        k % 6 != 0
    });
    for (a, b) in [(0, 20), (20, 0), (5, 14), (14, 5), (9, 27), (27, 9)] {
        rel.ties.push(samspill_engine::model::Tie::arc(a, b, 2.0));
    }
    let w2 = build(&later, &BuildOptions::survey())?;
    let r2 = analyze(&later, &w2, &AnalysisOptions::default());
    let pic = two_waves((&net, &weekly, &res), (&later, &w2, &r2), &opts, &t)?;
    write("two-waves", &pic.svg)?;
    let answers = |v: &[Option<u8>]| {
        RatingAnswers {
            question: "coordination".into(),
            answers: v.to_vec(),
        }
        .summary()
    };
    let rows = vec![
        (
            "Kvitfjord".to_string(),
            answers(&[
                Some(4),
                Some(5),
                None,
                Some(3),
                Some(4),
                Some(6),
                None,
                Some(4),
                Some(5),
                Some(2),
            ]),
        ),
        (
            "Lyngnes".to_string(),
            answers(&[
                Some(2),
                Some(3),
                Some(3),
                Some(4),
                None,
                Some(3),
                Some(1),
                Some(4),
            ]),
        ),
        (
            "Fjellstad".to_string(),
            answers(&[Some(5), Some(5), Some(4), Some(6), Some(3), None, Some(4)]),
        ),
        (
            "Strandøy".to_string(),
            answers(&[
                Some(3),
                Some(4),
                None,
                None,
                Some(4),
                Some(2),
                Some(3),
                Some(5),
                Some(4),
            ]),
        ),
        (
            "Brattvik".to_string(),
            answers(&[Some(4), Some(4), Some(5), Some(3), Some(2), Some(4)]),
        ),
    ];
    write(
        "ratings",
        &ratings(
            "Hvor godt fungerer samordningen av det boligsosiale arbeidet?",
            &rows,
            &t,
        )?
        .svg,
    )?;
    let kinds = ContactType::ALL;
    let mut contacts = Vec::new();
    for p in 0..net.people.len() {
        for b in 0..4 {
            for (k, kind) in kinds.iter().enumerate() {
                if (p * 7 + b * 5 + k * 3) % 11 == 0 && (p % 3 != 1 || b == 0) {
                    contacts.push((p, b, *kind));
                }
            }
        }
    }
    let pc = PoliticalContacts {
        bodies: vec![
            "Ordfører".into(),
            "Formannskap".into(),
            "Kommunestyre".into(),
            "Helse- og sosialutvalget".into(),
        ],
        contacts,
    };
    write("political", &political(&net, &pc, &opts, &t)?.svg)?;
    Ok(())
}
