//! Server configuration: a TOML file (documented key by key in
//! `docs/samspill.example.toml`), then environment variables over it, then
//! defaults. `samspill serve --config FILE` reads it.
//!
//! | file key | environment | default |
//! |---|---|---|
//! | `server.listen` | `SAMSPILL_LISTEN` | `127.0.0.1:8080` |
//! | `server.public_url` | `SAMSPILL_PUBLIC_URL` | `http://` + listen |
//! | `server.trusted_proxies` | `SAMSPILL_TRUSTED_PROXIES` (comma-separated) | none |
//! | `server.metrics_from` | `SAMSPILL_METRICS_FROM` (comma-separated) | none |
//! | `server.log_format` | `SAMSPILL_LOG_FORMAT` (`text`, `json`) | `text` |
//! | `server.landing` | `SAMSPILL_LANDING` | `/login` |
//! | `database.url` | `SAMSPILL_DATABASE_URL` | `sqlite://samspill.sqlite3` |
//! | `database.max_connections` | `SAMSPILL_DB_CONNECTIONS` | 16 |
//! | `database.sqlite_sync` | `SAMSPILL_SQLITE_SYNC` (`full`, `normal`) | `full` |
//! | `security.token_key_file` | `SAMSPILL_TOKEN_KEY_FILE` | the SQLite file + `.key` |
//! | `security.token_key` | `SAMSPILL_TOKEN_KEY` (64 hex digits) | from the key file |
//! | `security.max_hashes` | `SAMSPILL_MAX_HASHES` | half the cores |
//! | `mail.transport` | `SAMSPILL_MAIL_TRANSPORT` (`smtp`, `outbox`, `none`) | `smtp` if a host is set, else `none` |
//! | `mail.host` | `SAMSPILL_SMTP_HOST` | — |
//! | `mail.port` | `SAMSPILL_SMTP_PORT` | by `tls` |
//! | `mail.tls` | `SAMSPILL_SMTP_TLS` (`starttls`, `tls`, `none`) | `starttls` |
//! | `mail.user` | `SAMSPILL_SMTP_USER` | — |
//! | `mail.password_file` | `SAMSPILL_SMTP_PASSWORD_FILE` | — |
//! | `mail.password` | `SAMSPILL_SMTP_PASSWORD` | — |
//! | `mail.interval_ms` | `SAMSPILL_MAIL_INTERVAL_MS` | 10 000 |
//! | `mail.from` | `SAMSPILL_MAIL_FROM` | — (account mail of users without a tenant) |
//! | `security.operator_totp` | `SAMSPILL_OPERATOR_TOTP` (`true`, `false`) | `true` |
//! | `[[oidc]]` (`id`, `name`, `issuer`, `client_id`, `client_secret`, `client_secret_file`, `tenant`, `match`, `scopes`, `acr_values`, `token_auth`) | — | none |
//!
//! Cookies are `Secure` when the public URL is `https://` (or always, with
//! `server.secure_cookies = true`); HSTS is sent when it is `https://`.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use samspill_store::StoreConfig;
use serde::Deserialize;

use crate::WebError;
use crate::mail::{SmtpConfig, SmtpTls};

/// How mail leaves the server.
#[derive(Debug, Clone)]
pub enum MailTransport {
    /// Mail stays queued (nothing is sent).
    None,
    /// An SMTP server.
    Smtp(SmtpConfig),
    /// The built-in outbox: each message is stored as it would arrive and
    /// can be read on the outbox page (the demo; trials without SMTP).
    Outbox,
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Server configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// Where to listen.
    pub listen: SocketAddr,
    /// The address respondents' links start with (`https://samspill.kommune.no`).
    pub public_url: String,
    /// Secret for invitation tokens (keep it with the backups).
    pub token_key: [u8; 32],
    /// Outgoing mail.
    pub mail: MailTransport,
    /// Mark cookies `Secure`.
    pub secure_cookies: bool,
    /// How often the mail worker looks for queued mail.
    pub mail_interval: Duration,
    /// Database pool size.
    pub max_connections: u32,
    /// SQLite `synchronous = FULL` (default) or `NORMAL`.
    pub sqlite_sync_full: bool,
    /// Password hashes at once (see `samspill_store::StoreConfig::max_hashes`).
    pub max_hashes: Option<usize>,
    /// Proxies whose `X-Forwarded-For` is believed for the client address.
    pub trusted_proxies: Vec<IpAddr>,
    /// Addresses that may read `/metrics` without logging in.
    pub metrics_from: Vec<IpAddr>,
    /// Log format.
    pub log_format: LogFormat,
    /// Where `/` leads a visitor who is not logged in (default: the login
    /// page; the demo: its start page).
    pub landing: String,
    /// Whether operators must use TOTP with their password (default: yes;
    /// `samspill demo` turns it off and says so).
    pub operator_totp: bool,
    /// Sender address of account mail to users without a tenant
    /// (operators, funders, evaluators).
    pub mail_from: Option<String>,
    /// OpenID Connect providers users may log in with.
    pub oidc: Vec<OidcProvider>,
}

/// How an OpenID provider's users are matched to accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OidcMatch {
    /// By the `email` claim, which the provider must assert as verified
    /// (`email_verified: true`), or which the configuration declares
    /// verified by the issuer (`email_verified_by_issuer`, for a
    /// tenant-specific Entra ID issuer whose addresses are the directory's
    /// verified domains).
    Email {
        /// The issuer's own addresses count as verified.
        trusted: bool,
    },
    /// By the `sub` claim, bound to an account once: by the invitation
    /// link, or by the logged-in user on their account page.
    Subject,
}

/// One OpenID Connect provider (authorization code flow with PKCE).
#[derive(Debug, Clone)]
pub struct OidcProvider {
    /// Short key (URLs, the identity table).
    pub id: String,
    /// The button's label («Oppdal kommune (Entra ID)», «ID-porten»).
    pub name: String,
    /// The issuer (discovery at `{issuer}/.well-known/openid-configuration`).
    pub issuer: String,
    /// The client id registered at the provider.
    pub client_id: String,
    /// The client secret, if the client has one.
    pub client_secret: Option<String>,
    /// Only this tenant's users may log in with it (`None`: any account).
    pub tenant: Option<String>,
    /// How users are matched.
    pub matching: OidcMatch,
    /// Scopes besides `openid`.
    pub scopes: Vec<String>,
    /// `acr_values` to ask for (ID-porten: `idporten-loa-substantial`); the
    /// ID token's `acr` must then meet one of them (a higher ID-porten
    /// level meets a lower one), or the login is refused.
    pub acr_values: Option<String>,
    /// Send the client secret in the request body (`client_secret_post`,
    /// as ID-porten wants) instead of HTTP Basic.
    pub secret_in_body: bool,
}

impl Config {
    /// A configuration for a database URL with defaults: listen on
    /// 127.0.0.1:8080, mail kept queued, a random token key.
    pub fn new(database_url: &str) -> Config {
        Config {
            database_url: database_url.to_string(),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: "http://127.0.0.1:8080".into(),
            token_key: StoreConfig::url("sqlite://x").token_key,
            mail: MailTransport::None,
            secure_cookies: true,
            mail_interval: Duration::from_secs(10),
            max_connections: 16,
            sqlite_sync_full: true,
            max_hashes: None,
            trusted_proxies: Vec::new(),
            metrics_from: Vec::new(),
            log_format: LogFormat::Text,
            landing: "/login".into(),
            operator_totp: true,
            mail_from: None,
            oidc: Vec::new(),
        }
    }

    /// The SMTP settings, if mail goes over SMTP.
    pub fn smtp(&self) -> Option<&SmtpConfig> {
        match &self.mail {
            MailTransport::Smtp(s) => Some(s),
            _ => None,
        }
    }

    /// Whether the public address is HTTPS (HSTS, origin scheme).
    pub fn https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// The origin (`scheme://host[:port]`) of the public URL.
    pub fn public_origin(&self) -> String {
        let u = self.public_url.trim_end_matches('/');
        match u.find("://") {
            Some(i) => match u[i + 3..].find('/') {
                Some(j) => u[..i + 3 + j].to_string(),
                None => u.to_string(),
            },
            None => u.to_string(),
        }
    }

    /// The store configuration of this server.
    pub fn store_config(&self) -> StoreConfig {
        let mut sc = StoreConfig::url(self.database_url.clone()).with_token_key(self.token_key);
        sc.max_connections = self.max_connections;
        sc.sqlite_sync_full = self.sqlite_sync_full;
        if let Some(n) = self.max_hashes {
            sc.max_hashes = n;
        }
        sc
    }

    /// The SQLite database file, if the database is SQLite.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        let rest = self.database_url.strip_prefix("sqlite://")?;
        let path = rest.split('?').next().unwrap_or(rest);
        (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
    }

    /// Reads the environment only (no file).
    pub fn from_env() -> Result<Config, WebError> {
        Config::load(None)
    }

    /// Reads `file` (if given), then the environment over it.
    pub fn load(file: Option<&Path>) -> Result<Config, WebError> {
        let file_cfg = match file {
            None => FileConfig::default(),
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| WebError::Config(format!("cannot read {}: {e}", p.display())))?;
                toml::from_str::<FileConfig>(&text)
                    .map_err(|e| WebError::Config(format!("{}: {e}", p.display())))?
            }
        };
        let base = file.and_then(Path::parent).unwrap_or(Path::new(""));
        resolve(file_cfg, base, &|k| {
            std::env::var(k).ok().filter(|v| !v.trim().is_empty())
        })
    }
}

/// The file's shape (every key optional).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    #[serde(default)]
    server: ServerSection,
    #[serde(default)]
    database: DatabaseSection,
    #[serde(default)]
    security: SecuritySection,
    #[serde(default)]
    mail: MailSection,
    #[serde(default)]
    oidc: Vec<OidcSection>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OidcSection {
    id: String,
    name: String,
    issuer: String,
    client_id: String,
    client_secret: Option<String>,
    client_secret_file: Option<String>,
    tenant: Option<String>,
    #[serde(rename = "match")]
    matching: Option<String>,
    email_verified_by_issuer: Option<bool>,
    #[serde(default)]
    scopes: Vec<String>,
    acr_values: Option<String>,
    token_auth: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServerSection {
    listen: Option<String>,
    public_url: Option<String>,
    secure_cookies: Option<bool>,
    #[serde(default)]
    trusted_proxies: Vec<String>,
    #[serde(default)]
    metrics_from: Vec<String>,
    log_format: Option<String>,
    landing: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatabaseSection {
    url: Option<String>,
    max_connections: Option<u32>,
    sqlite_sync: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SecuritySection {
    token_key_file: Option<String>,
    token_key: Option<String>,
    max_hashes: Option<usize>,
    operator_totp: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MailSection {
    transport: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    tls: Option<String>,
    user: Option<String>,
    password: Option<String>,
    password_file: Option<String>,
    interval_ms: Option<u64>,
    from: Option<String>,
}

fn parse_hex32(s: &str) -> Option<[u8; 32]> {
    let s = s.trim();
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

fn ips(list: &[String], key: &str) -> Result<Vec<IpAddr>, WebError> {
    list.iter()
        .map(|s| {
            s.trim()
                .parse()
                .map_err(|_| WebError::Config(format!("{key}: {s:?} is not an IP address")))
        })
        .collect()
}

fn relative(base: &Path, p: &str) -> PathBuf {
    let p = Path::new(p);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    }
}

/// Reads the token key file, creating it with a random key (mode 0600) if
/// it does not exist.
fn key_from_file(file: &Path, fresh: [u8; 32]) -> Result<[u8; 32], WebError> {
    match std::fs::read_to_string(file) {
        Ok(s) => parse_hex32(&s).ok_or_else(|| {
            WebError::Config(format!("{}: not a key (64 hex digits)", file.display()))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let hex: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            use std::io::Write;
            opts.open(file)
                .and_then(|mut f| f.write_all(hex.as_bytes()))
                .map_err(|e| WebError::Config(format!("cannot create {}: {e}", file.display())))?;
            Ok(fresh)
        }
        Err(e) => Err(WebError::Config(format!(
            "cannot read {}: {e}",
            file.display()
        ))),
    }
}

fn resolve(
    f: FileConfig,
    base: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Config, WebError> {
    let db = env("SAMSPILL_DATABASE_URL")
        .or(f.database.url)
        .unwrap_or_else(|| "sqlite://samspill.sqlite3".into());
    // A relative SQLite path in the file is relative to the file.
    let db = match db.strip_prefix("sqlite://") {
        Some(p) if !p.starts_with('/') && !base.as_os_str().is_empty() => {
            format!("sqlite://{}", base.join(p).display())
        }
        _ => db,
    };
    let mut c = Config::new(&db);
    if let Some(l) = env("SAMSPILL_LISTEN").or(f.server.listen) {
        c.listen = l
            .parse()
            .map_err(|_| WebError::Config(format!("listen = {l:?} is not host:port")))?;
    }
    c.public_url = env("SAMSPILL_PUBLIC_URL")
        .or(f.server.public_url)
        .unwrap_or_else(|| format!("http://{}", c.listen))
        .trim_end_matches('/')
        .to_string();
    if !(c.public_url.starts_with("http://") || c.public_url.starts_with("https://")) {
        return Err(WebError::Config(format!(
            "public_url = {:?} must start with http:// or https://",
            c.public_url
        )));
    }
    c.secure_cookies = f.server.secure_cookies.unwrap_or(c.https());
    if env("SAMSPILL_INSECURE_COOKIES").is_some() {
        c.secure_cookies = false;
    }
    let proxies: Vec<String> = match env("SAMSPILL_TRUSTED_PROXIES") {
        Some(v) => v.split(',').map(str::to_string).collect(),
        None => f.server.trusted_proxies,
    };
    c.trusted_proxies = ips(&proxies, "trusted_proxies")?;
    let metrics: Vec<String> = match env("SAMSPILL_METRICS_FROM") {
        Some(v) => v.split(',').map(str::to_string).collect(),
        None => f.server.metrics_from,
    };
    c.metrics_from = ips(&metrics, "metrics_from")?;
    c.log_format = match env("SAMSPILL_LOG_FORMAT")
        .or(f.server.log_format)
        .as_deref()
    {
        None | Some("text") => LogFormat::Text,
        Some("json") => LogFormat::Json,
        Some(o) => {
            return Err(WebError::Config(format!(
                "log_format = {o:?} (text or json)"
            )));
        }
    };
    if let Some(l) = env("SAMSPILL_LANDING").or(f.server.landing) {
        if !l.starts_with('/') || l.starts_with("//") {
            return Err(WebError::Config(format!(
                "landing = {l:?} must be a path on this server (starting with /)"
            )));
        }
        c.landing = l;
    }
    if let Some(n) = env("SAMSPILL_DB_CONNECTIONS")
        .and_then(|v| v.parse().ok())
        .or(f.database.max_connections)
    {
        c.max_connections = n;
    }
    match env("SAMSPILL_SQLITE_SYNC")
        .or(f.database.sqlite_sync)
        .as_deref()
    {
        None | Some("full") => {}
        Some("normal") => c.sqlite_sync_full = false,
        Some(o) => {
            return Err(WebError::Config(format!(
                "sqlite_sync = {o:?} (full or normal)"
            )));
        }
    }
    c.max_hashes = env("SAMSPILL_MAX_HASHES")
        .and_then(|v| v.parse().ok())
        .or(f.security.max_hashes);
    let host = env("SAMSPILL_SMTP_HOST").or(f.mail.host);
    let transport = env("SAMSPILL_MAIL_TRANSPORT").or(f.mail.transport);
    c.mail = match (transport.as_deref(), host) {
        (Some("none"), _) | (None, None) => MailTransport::None,
        (Some("outbox"), _) => MailTransport::Outbox,
        (Some("smtp") | None, Some(host)) => {
            let tls = match env("SAMSPILL_SMTP_TLS").or(f.mail.tls).as_deref() {
                None | Some("starttls") => SmtpTls::StartTls,
                Some("tls") => SmtpTls::Tls,
                Some("none") => SmtpTls::None,
                Some(o) => {
                    return Err(WebError::Config(format!(
                        "mail.tls = {o:?} (starttls, tls or none)"
                    )));
                }
            };
            let password = match (
                env("SAMSPILL_SMTP_PASSWORD").or(f.mail.password),
                env("SAMSPILL_SMTP_PASSWORD_FILE")
                    .map(PathBuf::from)
                    .or_else(|| f.mail.password_file.map(|p| relative(base, &p))),
            ) {
                (Some(p), _) => Some(p),
                (None, Some(file)) => Some(
                    std::fs::read_to_string(&file)
                        .map_err(|e| {
                            WebError::Config(format!("cannot read {}: {e}", file.display()))
                        })?
                        .trim_end_matches(['\r', '\n'])
                        .to_string(),
                ),
                (None, None) => None,
            };
            MailTransport::Smtp(SmtpConfig {
                host,
                port: env("SAMSPILL_SMTP_PORT")
                    .and_then(|p| p.parse().ok())
                    .or(f.mail.port),
                tls,
                user: env("SAMSPILL_SMTP_USER").or(f.mail.user),
                password,
            })
        }
        (Some("smtp"), None) => {
            return Err(WebError::Config(
                "mail.transport = \"smtp\" needs mail.host".into(),
            ));
        }
        (Some(o), _) => {
            return Err(WebError::Config(format!(
                "mail.transport = {o:?} (smtp, outbox or none)"
            )));
        }
    };
    if let Some(ms) = env("SAMSPILL_MAIL_INTERVAL_MS")
        .and_then(|v| v.parse().ok())
        .or(f.mail.interval_ms)
    {
        c.mail_interval = Duration::from_millis(ms.max(100));
    }
    c.mail_from = env("SAMSPILL_MAIL_FROM").or(f.mail.from);
    c.operator_totp = match env("SAMSPILL_OPERATOR_TOTP").as_deref() {
        Some("true") => true,
        Some("false") => false,
        Some(o) => {
            return Err(WebError::Config(format!(
                "SAMSPILL_OPERATOR_TOTP = {o:?} (true or false)"
            )));
        }
        None => f.security.operator_totp.unwrap_or(true),
    };
    for o in f.oidc {
        let key = format!("oidc {:?}", o.id);
        if o.id.is_empty()
            || o.id.len() > 40
            || !o
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(WebError::Config(format!(
                "{key}: id must be 1–40 of a-z, 0-9, -"
            )));
        }
        if c.oidc.iter().any(|p| p.id == o.id) {
            return Err(WebError::Config(format!("{key}: the id is used twice")));
        }
        if !(o.issuer.starts_with("https://")
            || o.issuer.starts_with("http://127.0.0.1")
            || o.issuer.starts_with("http://localhost"))
        {
            return Err(WebError::Config(format!(
                "{key}: issuer must be an https:// address"
            )));
        }
        if o.issuer.contains("/common/") || o.issuer.contains("/organizations/") {
            return Err(WebError::Config(format!(
                "{key}: use the tenant-specific Entra ID issuer (https://login.microsoftonline.com/<tenant id>/v2.0), not common or organizations"
            )));
        }
        let client_secret = match (o.client_secret, o.client_secret_file) {
            (Some(s), _) => Some(s),
            (None, Some(file)) => {
                let file = relative(base, &file);
                Some(
                    std::fs::read_to_string(&file)
                        .map_err(|e| {
                            WebError::Config(format!("{key}: cannot read {}: {e}", file.display()))
                        })?
                        .trim_end_matches(['\r', '\n'])
                        .to_string(),
                )
            }
            (None, None) => None,
        };
        let matching = match o.matching.as_deref() {
            None | Some("email") => OidcMatch::Email {
                trusted: o.email_verified_by_issuer.unwrap_or(false),
            },
            Some("subject") => OidcMatch::Subject,
            Some(m) => {
                return Err(WebError::Config(format!(
                    "{key}: match = {m:?} (email or subject)"
                )));
            }
        };
        let secret_in_body = match o.token_auth.as_deref() {
            None | Some("basic") => false,
            Some("post") => true,
            Some(a) => {
                return Err(WebError::Config(format!(
                    "{key}: token_auth = {a:?} (basic or post)"
                )));
            }
        };
        c.oidc.push(OidcProvider {
            id: o.id,
            name: o.name,
            issuer: o.issuer.trim_end_matches('/').to_string(),
            client_id: o.client_id,
            client_secret,
            tenant: o.tenant,
            matching,
            scopes: o.scopes,
            acr_values: o.acr_values,
            secret_in_body,
        });
    }
    // Last: the key file is created when missing, so only once everything
    // else in the configuration is known to be right.
    if let Some(k) = env("SAMSPILL_TOKEN_KEY").or(f.security.token_key) {
        c.token_key = parse_hex32(&k)
            .ok_or_else(|| WebError::Config("token_key must be 64 hex digits".into()))?;
    } else {
        let file = env("SAMSPILL_TOKEN_KEY_FILE")
            .map(PathBuf::from)
            .or_else(|| f.security.token_key_file.map(|p| relative(base, &p)))
            .or_else(|| {
                c.sqlite_path()
                    .map(|p| PathBuf::from(format!("{}.key", p.display())))
            });
        let Some(file) = file else {
            return Err(WebError::Config(
                "set security.token_key_file (or SAMSPILL_TOKEN_KEY_FILE): PostgreSQL has no file to keep the key beside".into(),
            ));
        };
        c.token_key = key_from_file(&file, c.token_key)?;
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, env: &[(&str, &str)]) -> Result<Config, WebError> {
        let f: FileConfig = toml::from_str(text).map_err(|e| WebError::Config(e.to_string()))?;
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        resolve(f, Path::new("/etc/samspill"), &move |k| {
            env.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone())
        })
    }

    const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    #[test]
    fn file_then_environment() {
        let c = parse(
            &format!(
                "[server]\nlisten = \"0.0.0.0:9000\"\npublic_url = \"https://samspill.example/\"\ntrusted_proxies = [\"10.0.0.1\"]\n[database]\nurl = \"postgres://u@db/samspill\"\n[security]\ntoken_key = \"{KEY}\"\n[mail]\nhost = \"smtp.example\"\ntls = \"tls\"\nuser = \"u\"\n"
            ),
            &[("SAMSPILL_LISTEN", "127.0.0.1:7000")],
        )
        .unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:7000");
        assert_eq!(c.public_url, "https://samspill.example");
        assert_eq!(c.public_origin(), "https://samspill.example");
        assert!(c.secure_cookies && c.https());
        assert_eq!(
            c.trusted_proxies,
            vec!["10.0.0.1".parse::<IpAddr>().unwrap()]
        );
        let smtp = c.smtp().unwrap();
        assert_eq!(
            (smtp.host.as_str(), smtp.tls),
            ("smtp.example", SmtpTls::Tls)
        );
        assert_eq!(c.database_url, "postgres://u@db/samspill");
    }

    #[test]
    fn relative_sqlite_path_is_beside_the_file() {
        let c = parse(
            &format!(
                "[database]\nurl = \"sqlite://data/s.sqlite3\"\n[security]\ntoken_key = \"{KEY}\"\n"
            ),
            &[],
        )
        .unwrap();
        assert_eq!(c.database_url, "sqlite:///etc/samspill/data/s.sqlite3");
        assert!(!c.secure_cookies);
    }

    #[test]
    fn mistakes_are_named() {
        let err = |t: &str| match parse(t, &[]) {
            Err(WebError::Config(m)) => m,
            other => panic!("{other:?}"),
        };
        assert!(err("[server]\nlisten = \"nowhere\"").contains("listen"));
        assert!(err("[mail]\ntransport = \"pigeon\"").contains("pigeon"));
        assert!(err("[security]\ntoken_key = \"abc\"").contains("64 hex"));
        assert!(
            err(&format!(
                "[server]\nmetrics_from = [\"x\"]\n[security]\ntoken_key = \"{KEY}\""
            ))
            .contains("metrics_from")
        );
        assert!(toml::from_str::<FileConfig>("[server]\nlisen = 1").is_err());
        assert!(err("[database]\nurl = \"postgres://x\"").contains("token_key_file"));
    }
}
