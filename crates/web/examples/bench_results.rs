//! Benchmark (not a test) of a closed round's results through the web
//! app: the results page and the PDF report of a 45-person round, cold (the
//! first request after the server started) and warm (cached renderings),
//! through the same router the server runs.
//!
//! ```sh
//! cargo run --release -p samspill-web --example bench_results
//! ```
//!
//! Goal (issue 11): ≤ 300 ms for the page and ≤ 1 s for the PDF on 2 cores.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use samspill_store::{Store, StoreConfig};
use tower::ServiceExt;

async fn call(app: &axum::Router, req: Request<Body>) -> (u16, Vec<u8>, axum::http::HeaderMap) {
    let res = app.clone().oneshot(req).await.expect("a response");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes()
        .to_vec();
    (status, body, headers)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = std::env::temp_dir().join(format!("samspill-bench-results-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/bench.sqlite3", dir.display());
    let mut config = samspill_web::Config::new(&url);
    config.secure_cookies = false;
    let store = Store::open(&StoreConfig::url(&url).with_token_key(config.token_key))
        .await
        .unwrap();
    let mut spec = samspill_synth::demo_specs()[1].clone();
    spec.size = 45;
    let m = samspill_synth::generate(&spec);
    let seeded = samspill_seed::municipality(&store, &m, "benchmark-passord", Default::default())
        .await
        .unwrap();
    println!(
        "round: {} people invited, {} answered",
        seeded.invited, seeded.respondents
    );
    let state = samspill_web::AppState::new(store, config).unwrap();
    let app = samspill_web::app(state);
    let login = format!(
        "email={}&password=benchmark-passord",
        seeded.login.replace('@', "%40")
    );
    let (_, _, h) = call(
        &app,
        Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(login))
            .unwrap(),
    )
    .await;
    let cookie = h[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let get = |path: String| {
        Request::get(path)
            .header(header::COOKIE, cookie.clone())
            .body(Body::empty())
            .unwrap()
    };
    let page = format!("/coord/rounds/{}/results", seeded.closed_round);
    let pdf = format!("/coord/rounds/{}/report/report.pdf", seeded.closed_round);
    let t = Instant::now();
    let (s, body, _) = call(&app, get(page.clone())).await;
    let page_cold = t.elapsed();
    assert_eq!(s, 200);
    let t = Instant::now();
    let (s, pdf_body, _) = call(&app, get(pdf.clone())).await;
    let pdf_cold = t.elapsed();
    assert_eq!(s, 200);
    let mut page_warm = Vec::new();
    let mut pdf_warm = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        call(&app, get(page.clone())).await;
        page_warm.push(t.elapsed());
        let t = Instant::now();
        call(&app, get(pdf.clone())).await;
        pdf_warm.push(t.elapsed());
    }
    // Another rule: a new rendering of an already loaded round.
    let t = Instant::now();
    call(&app, get(format!("{page}?combine=both"))).await;
    let page_other_rule = t.elapsed();
    let t = Instant::now();
    call(&app, get(format!("{pdf}?combine=both"))).await;
    let pdf_other_rule = t.elapsed();
    println!(
        "results page: cold {:.0} ms, warm median {:.1} ms, another rule {:.0} ms ({} kB)",
        page_cold.as_secs_f64() * 1e3,
        median(page_warm).as_secs_f64() * 1e3,
        page_other_rule.as_secs_f64() * 1e3,
        body.len() / 1024
    );
    println!(
        "PDF report:   cold {:.0} ms, warm median {:.1} ms, another rule {:.0} ms ({} kB)",
        pdf_cold.as_secs_f64() * 1e3,
        median(pdf_warm).as_secs_f64() * 1e3,
        pdf_other_rule.as_secs_f64() * 1e3,
        pdf_body.len() / 1024
    );
    let _ = std::fs::remove_dir_all(&dir);
}
