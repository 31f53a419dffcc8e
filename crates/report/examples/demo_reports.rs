//! Writes the demo programme's reports (HTML + PDF with figures, the
//! cross-municipality report and a two-round comparison) to a directory and
//! prints timings. With `--national N`, also times the reports of a
//! national batch of N municipalities (written nowhere).
//!
//! `cargo run --release -p samspill-report --example demo_reports -- OUT_DIR [--national 356]`

use std::time::Instant;

use rayon::prelude::*;
use samspill_report::{Input, figures};

fn report(m: &samspill_synth::Municipality) -> (Input, samspill_report::Rendered) {
    let mut input = Input::from_synth(m, None);
    input.figures = figures::for_municipality(&input).expect("figures");
    let r = samspill_report::municipality_report(&input).expect("report");
    (input, r)
}

fn main() {
    let pool =
        samspill_report::pdf::thread_pool(rayon::current_num_threads()).expect("a thread pool");
    pool.install(run);
}

fn run() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args
        .first()
        .cloned()
        .unwrap_or_else(|| "target/demo-reports".into());
    let national: Option<usize> = args
        .iter()
        .position(|a| a == "--national")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok());
    std::fs::create_dir_all(&out).expect("create the output directory");

    let start = Instant::now();
    let demo = samspill_synth::demo_programme();
    let done: Vec<(Input, samspill_report::Rendered)> = demo.par_iter().map(report).collect();
    for (m, (_, r)) in demo.iter().zip(&done) {
        std::fs::write(format!("{out}/{}.html", m.spec.slug), &r.html).expect("write");
        std::fs::write(format!("{out}/{}.pdf", m.spec.slug), &r.pdf).expect("write");
    }
    let inputs: Vec<Input> = done.into_iter().map(|(i, _)| i).collect();
    let lang = inputs[0].lang;
    let p = samspill_report::programme_report("Demoprogrammet", samspill_i18n::Lang::Nb, &inputs)
        .expect("programme report");
    let _ = lang;
    std::fs::write(format!("{out}/programme.html"), &p.html).expect("write");
    std::fs::write(format!("{out}/programme.pdf"), &p.pdf).expect("write");
    let later = samspill_synth::next_round(&demo[3], 1);
    let w = samspill_report::comparison_report(
        &Input::from_synth(&demo[3], None),
        &Input::from_synth(&later, None),
    )
    .expect("comparison");
    std::fs::write(format!("{out}/comparison.html"), &w.html).expect("write");
    std::fs::write(format!("{out}/comparison.pdf"), &w.pdf).expect("write");
    println!(
        "demo: 5 municipality reports + programme + comparison (HTML + PDF with figures) in {:.2} s on {} threads",
        start.elapsed().as_secs_f64(),
        rayon::current_num_threads()
    );

    if let Some(n) = national {
        // Where the time goes, one thread, on the first 20.
        let batch = samspill_synth::national_batch(20.min(n), 2015);
        let (mut tf, mut tx, mut th, mut tp) = (0.0, 0.0, 0.0, 0.0);
        for m in &batch {
            let t0 = Instant::now();
            let mut input = Input::from_synth(m, None);
            input.figures = figures::for_municipality(&input).expect("figures");
            let t1 = Instant::now();
            let facts = samspill_report::facts::Facts::compute(&input).expect("facts");
            let doc = samspill_report::municipality::document(&input, &facts);
            let t2 = Instant::now();
            let _ = samspill_report::html::render(&doc);
            let t3 = Instant::now();
            let _ = samspill_report::pdf::render(&doc).expect("pdf");
            let t4 = Instant::now();
            tf += (t1 - t0).as_secs_f64();
            tx += (t2 - t1).as_secs_f64();
            th += (t3 - t2).as_secs_f64();
            tp += (t4 - t3).as_secs_f64();
        }
        let k = batch.len() as f64;
        println!(
            "per report (mean of {k}, one thread): figures {:.0} ms, facts + text {:.0} ms, HTML {:.1} ms, PDF {:.0} ms",
            1e3 * tf / k,
            1e3 * tx / k,
            1e3 * th / k,
            1e3 * tp / k
        );

        let batch = samspill_synth::national_batch(n, 2015);
        let start = Instant::now();
        let bytes: usize = batch
            .par_iter()
            .map(|m| {
                let (_, r) = report(m);
                r.html.len() + r.pdf.len()
            })
            .sum();
        println!(
            "national batch: {n} municipality reports (HTML + PDF with figures, {:.1} MB) in {:.2} s on {} threads",
            bytes as f64 / 1e6,
            start.elapsed().as_secs_f64(),
            rayon::current_num_threads()
        );
    }
}
