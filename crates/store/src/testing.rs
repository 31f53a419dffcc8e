//! Test support: a throwaway PostgreSQL cluster (feature `test-support`).
//!
//! [`PgCluster::shared`] starts one cluster per test process with Debian's
//! `initdb`/`pg_ctl` in a temporary directory on a free loopback port
//! (as the `postgres` user when running as root, since PostgreSQL refuses to
//! run as root), and a watchdog stops it and deletes the directory when the
//! test process ends, however it ends. Each test gets its own database from
//! [`PgCluster::database`]. If the binaries are missing the tests fail when
//! `CI` is set and are skipped with a loud message otherwise.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A running throwaway cluster.
#[derive(Debug)]
pub struct PgCluster {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

fn find_bin() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("PG_BIN") {
        return Some(PathBuf::from(p));
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("bin"))
        .filter(|b| b.join("initdb").exists() && b.join("pg_ctl").exists())
        .collect();
    found.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    found.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(54329)
}

impl PgCluster {
    fn cmd(&self, program: &str) -> Command {
        let exe = self.bin.join(program);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(exe);
            c
        } else {
            Command::new(exe)
        }
    }

    /// Starts a new cluster; `None` (with a loud message) when PostgreSQL
    /// is not installed and `CI` is not set. Panics when `CI` is set and it
    /// cannot be started.
    pub fn start() -> Option<PgCluster> {
        let ci = std::env::var_os("CI").is_some();
        let Some(bin) = find_bin() else {
            let msg = "PostgreSQL binaries not found (apt-get install postgresql); PostgreSQL tests SKIPPED";
            if ci {
                panic!("{msg} — but CI is set, so this is a failure");
            }
            eprintln!("\n!!!!! {msg} !!!!!\n");
            return None;
        };
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "samspill-pg-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create cluster dir");
        let as_postgres = is_root();
        if as_postgres {
            let ok = Command::new("chown")
                .arg("postgres:postgres")
                .arg(&dir)
                .status();
            assert!(
                ok.map(|s| s.success()).unwrap_or(false),
                "chown {} to postgres failed",
                dir.display()
            );
        }
        let c = PgCluster {
            dir: dir.clone(),
            bin,
            port: free_port(),
            as_postgres,
        };
        let data = dir.join("data");
        let out = c
            .cmd("initdb")
            .args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-locale",
                "-D",
            ])
            .arg(&data)
            .stdout(Stdio::null())
            .output()
            .expect("run initdb");
        assert!(
            out.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB",
            c.port,
            dir.display()
        );
        let out = c
            .cmd("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-o", &opts, "-l"])
            .arg(dir.join("log"))
            .args(["-w", "-t", "60", "start"])
            .stdout(Stdio::null())
            .output()
            .expect("run pg_ctl");
        if !out.status.success() {
            let log = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
            panic!(
                "pg_ctl start failed: {}\n{log}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        c.watchdog(&data);
        eprintln!(
            "PostgreSQL test cluster on 127.0.0.1:{} in {}",
            c.port,
            dir.display()
        );
        Some(c)
    }

    /// Stops the cluster and removes its directory once this process ends.
    fn watchdog(&self, data: &Path) {
        let stop = format!(
            "{}{} -D {} -m immediate stop",
            if self.as_postgres {
                "runuser -u postgres -- "
            } else {
                ""
            },
            self.bin.join("pg_ctl").display(),
            data.display()
        );
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {stop} >/dev/null 2>&1; rm -rf {dir}",
            pid = std::process::id(),
            dir = self.dir.display()
        );
        let _ = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
    }

    /// The cluster shared by all tests of this process (started on first use).
    pub fn shared() -> Option<&'static PgCluster> {
        static CLUSTER: OnceLock<Option<PgCluster>> = OnceLock::new();
        CLUSTER.get_or_init(PgCluster::start).as_ref()
    }

    /// Creates a fresh database and returns its URL.
    pub fn database(&self) -> String {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "t{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        );
        let out = self
            .cmd("createdb")
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
                &name,
            ])
            .output()
            .expect("run createdb");
        assert!(
            out.status.success(),
            "createdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }
}

/// A fresh SQLite database file in a new temporary directory. All of a
/// test process's directories live under one parent that a watchdog
/// removes when the process ends.
pub fn sqlite_url() -> (PathBuf, String) {
    static N: AtomicUsize = AtomicUsize::new(0);
    static PARENT: OnceLock<PathBuf> = OnceLock::new();
    let parent = PARENT.get_or_init(|| {
        let p = std::env::temp_dir().join(format!("samspill-sqlite-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&p);
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; rm -rf {dir}",
            pid = std::process::id(),
            dir = p.display()
        );
        let _ = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        p
    });
    let dir = parent.join(N.fetch_add(1, Ordering::SeqCst).to_string());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.join("samspill.sqlite3").display()
    );
    (dir, url)
}
