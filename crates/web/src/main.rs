//! A bare samspill web server configured from the environment (see
//! `samspill_web::Config::from_env`). The product's single binary will
//! offer the same as `samspill serve`.

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SAMSPILL_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let config = match samspill_web::Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("samspill-web: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("samspill-web: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match rt.block_on(samspill_web::serve(config)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("samspill-web: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
