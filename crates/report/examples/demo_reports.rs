//! Writes the demo programme's reports to a directory and prints timings.
//!
//! `cargo run --release -p samspill-report --example demo_reports -- OUT_DIR`

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/demo-reports".into());
    std::fs::create_dir_all(&out).expect("create the output directory");
    let start = std::time::Instant::now();
    for m in samspill_synth::demo_programme() {
        let input = samspill_report::Input::from_synth(&m, None);
        let r = samspill_report::municipality_report(&input).expect("report");
        std::fs::write(format!("{out}/{}.html", m.spec.slug), &r.html).expect("write");
        std::fs::write(format!("{out}/{}.pdf", m.spec.slug), &r.pdf).expect("write");
    }
    println!("demo reports: {:.2} s", start.elapsed().as_secs_f64());
}
