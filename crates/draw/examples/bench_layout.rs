//! Benchmark (not a test): layout + SVG of a 45-person municipal network.
//! `cargo run --release -p samspill-draw --example bench_layout` (`RUNS=n` to
//! change the number of runs, e.g. for `perf record`).

use samspill_draw::{NetworkOptions, people_network};
use samspill_engine::model::{Network, Person, Relation, Tie};
use samspill_engine::{AnalysisOptions, BuildOptions, Threshold, analyze, build};
use samspill_i18n::{Lang, Texts};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fns = [
        "tildeling",
        "tjenester_i_bolig",
        "okonomiske_virkemidler",
        "utbygging",
        "politisk_folkevalgt",
        "drift_vedlikehold",
    ];
    let n = 45;
    let mut people = Vec::new();
    for i in 0..n {
        let mut p = Person::new(format!("p{i:02}"), format!("Person {i}"));
        p.functions = vec![fns[i % fns.len()].to_string()];
        p.responded = i % 9 != 4;
        people.push(p);
    }
    let mut ties = Vec::new();
    // a and b are person numbers in the tie rule as well as indices.
    #[allow(clippy::needless_range_loop)]
    for a in 0..n {
        for b in 0..n {
            let same = a % fns.len() == b % fns.len();
            let h = (a * 31 + b * 17 + 7) % 23;
            if a != b
                && people[a].responded
                && ((same && h < 8)
                    || (!same && (a < n / 2) == (b < n / 2) && h < 2)
                    || h == 22 && a % 5 == 0)
            {
                ties.push(Tie::arc(a, b, (1 + (a + b) % 3) as f64));
            }
        }
    }
    let net = Network {
        name: "bench".into(),
        people,
        relations: vec![Relation {
            name: "contact".into(),
            ties,
        }],
        ..Network::default()
    };
    let an = build(
        &net,
        &BuildOptions {
            threshold: Threshold::All,
            ..BuildOptions::survey()
        },
    )?;
    let res = analyze(&net, &an, &AnalysisOptions::default());
    let t = Texts::new(Lang::Nb);
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..runs {
        let start = std::time::Instant::now();
        let pic = people_network(&net, &an, &res, &NetworkOptions::default(), &t)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        bytes = pic.svg.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "45 people, {} ties: layout + SVG median {:.1} ms, min {:.1} ms, max {:.1} ms over {runs} runs ({} bytes of SVG)",
        an.graph.edge_count(),
        times[runs / 2],
        times[0],
        times[runs - 1],
        bytes
    );
    Ok(())
}
