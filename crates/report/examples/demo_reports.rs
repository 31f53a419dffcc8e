//! Writes the demo programme's reports (HTML + PDF with figures and each
//! report's `facts.json`, the cross-municipality report and a two-round
//! comparison) to a directory and prints timings. With `--national N`, also times the reports of a
//! national batch of N municipalities (written nowhere).
//!
//! `cargo run --release -p samspill-report --example demo_reports -- OUT_DIR [--national 356] [--par-iter]`
//!
//! The batch runs through `pdf::par_map`; `--par-iter` runs it as a
//! parallel iterator inside the pool instead, for comparison.

use std::time::Instant;

/// The allocator of the `samspill` binary, so that the figures are its own.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    // `--par-iter`: the batch as a parallel iterator inside the pool, the
    // way it ran before `pdf::par_map` (for comparison).
    let par_map = !std::env::args().any(|a| a == "--par-iter");
    run(&pool, par_map);
}

fn run(pool: &rayon::ThreadPool, par_map: bool) {
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
    let done: Vec<(Input, samspill_report::Rendered)> =
        samspill_report::pdf::par_map(pool, &demo, report);
    let write = |stem: &str, r: &samspill_report::Rendered| {
        std::fs::write(format!("{out}/{stem}.html"), &r.html).expect("write");
        std::fs::write(format!("{out}/{stem}.pdf"), &r.pdf).expect("write");
        std::fs::write(format!("{out}/{stem}.facts.json"), &r.facts_json).expect("write");
    };
    for (m, (_, r)) in demo.iter().zip(&done) {
        write(&m.spec.slug, r);
    }
    let inputs: Vec<Input> = done.into_iter().map(|(i, _)| i).collect();
    let p = pool
        .install(|| {
            samspill_report::programme_report("Demoprogrammet", samspill_i18n::Lang::Nb, &inputs)
        })
        .expect("programme report");
    write("programme", &p);
    // The later round numbers its newcomers after the first round's map,
    // as the store keeps it.
    let first = Input::from_synth(&demo[3], None);
    let mut later = Input::from_synth(&samspill_synth::next_round(&demo[3], 1), None);
    later.pseudonyms = first.pseudonym_map();
    let w = pool
        .install(|| samspill_report::comparison_report(&first, &later))
        .expect("comparison");
    write("comparison", &w);
    println!(
        "demo: 5 municipality reports + programme + comparison (HTML + PDF with figures) in {:.2} s on {} threads",
        start.elapsed().as_secs_f64(),
        pool.current_num_threads()
    );

    if let Some(n) = national {
        // Where the time goes, one thread, on the first 20.
        let batch = samspill_synth::national_batch(20.min(n), 2015);
        pool.install(|| breakdown(&batch));

        let batch = samspill_synth::national_batch(n, 2015);
        let start = Instant::now();
        let size = |m: &samspill_synth::Municipality| {
            let (_, r) = report(m);
            r.html.len() + r.pdf.len()
        };
        let bytes: usize = if par_map {
            samspill_report::pdf::par_map(pool, &batch, size)
                .into_iter()
                .sum()
        } else {
            pool.install(|| batch.par_iter().map(size).sum())
        };
        println!(
            "national batch: {n} municipality reports (HTML + PDF with figures, {:.1} MB) in {:.2} s on {} threads",
            bytes as f64 / 1e6,
            start.elapsed().as_secs_f64(),
            pool.current_num_threads()
        );
    }
}

/// Where the time of one report goes, one report at a time.
fn breakdown(batch: &[samspill_synth::Municipality]) {
    let (mut tf, mut tx, mut th, mut tp) = (0.0, 0.0, 0.0, 0.0);
    let mut tpdf = samspill_report::pdf::Timing::default();
    for m in batch {
        let t0 = Instant::now();
        let mut input = Input::from_synth(m, None);
        input.figures = figures::for_municipality(&input).expect("figures");
        let t1 = Instant::now();
        let facts = samspill_report::facts::Facts::compute(&input).expect("facts");
        let doc = samspill_report::municipality::document(&input, &facts);
        let t2 = Instant::now();
        let _ = samspill_report::html::render(&doc);
        let t3 = Instant::now();
        let (_, t) = samspill_report::pdf::render_timed(&doc).expect("pdf");
        tpdf.prepare += t.prepare;
        tpdf.layout += t.layout;
        tpdf.export += t.export;
        let t4 = Instant::now();
        tf += (t1 - t0).as_secs_f64();
        tx += (t2 - t1).as_secs_f64();
        th += (t3 - t2).as_secs_f64();
        tp += (t4 - t3).as_secs_f64();
    }
    let k = batch.len() as f64;
    println!(
        "per report (mean of {k}, one thread): figures {:.0} ms, facts + text {:.0} ms, HTML {:.1} ms, PDF {:.0} ms (data {:.1} ms, typst layout {:.0} ms, PDF export {:.0} ms)",
        1e3 * tf / k,
        1e3 * tx / k,
        1e3 * th / k,
        1e3 * tp / k,
        1e3 * tpdf.prepare.as_secs_f64() / k,
        1e3 * tpdf.layout.as_secs_f64() / k,
        1e3 * tpdf.export.as_secs_f64() / k,
    );
}
