//! Settings from the environment, checked once at start-up with a clear message for a bad value.

use std::{net::SocketAddr, str::FromStr, time::Duration};

use anyhow::{anyhow, Context};

/// Everything the server needs to start. Tests build it directly (port 0, temporary database).
#[derive(Debug, Clone)]
pub struct Settings {
    /// `DATABASE_URL`; default `sqlite://data/panelcast.db?mode=rwc` (the file is created on first start).
    /// `postgres://…` for several server instances on one database (see `crate::peers`).
    pub database_url: String,
    /// `PANELCAST_ADDR`, else `LEPTOS_SITE_ADDR` (set by `cargo xtask end-to-end` and cargo-leptos), else `127.0.0.1:3000`.
    pub addr: SocketAddr,
    /// `RUST_LOG` filter; default `info,sqlx=warn`.
    pub log_filter: String,
    /// `PANELCAST_PUBLIC_URL`: the origin the site is served from, used for sign-in links and the websocket
    /// `Origin` check. Default `http://<addr>`.
    pub public_url: String,
    /// `PANELCAST_SEED_DEMO` (`true`/`false`, default `true`): append the demo meetings to an empty log.
    pub seed_demo: bool,
    /// `PANELCAST_LINK_TTL_MINUTES` (default 1440): how long a sign-in link stays valid.
    pub link_ttl: Duration,
    /// `PANELCAST_SESSION_TTL_HOURS` (default 12): how long a signed-in session lasts.
    pub session_ttl: Duration,
    /// `PANELCAST_FANOUT_NICE` (0–19, default 19): the nice value of the public fan-out threads. 19 lets the
    /// chair's path take a core at once during a large fan-out (the fan-out still gets every idle cycle, and
    /// ~1.5 % of a core against each busy normal thread); 0 runs the fan-out at normal priority.
    pub fanout_nice: i32,
    /// `PANELCAST_METRICS_TOKEN` and the `PANELCAST_RATE_*` limits (`crate::security`, docs/SECURITY.md).
    pub security: crate::security::SecuritySettings,
    /// `PANELCAST_TLS_EXTRA_ROOTS`: a PEM file of certificate authorities trusted, beyond the Mozilla roots,
    /// when the server reads an `https://` recording playlist (`crate::archive::tls`). Unset: none.
    pub tls_extra_roots: Option<std::path::PathBuf>,
}

impl Settings {
    /// Reads the environment. A value that is present but malformed is an error naming the variable.
    pub fn from_env() -> anyhow::Result<Self> {
        let addr: SocketAddr = match var("PANELCAST_ADDR").or_else(|| var("LEPTOS_SITE_ADDR")) {
            Some(raw) => parse("PANELCAST_ADDR", &raw)?,
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
        };
        let public_url = var("PANELCAST_PUBLIC_URL").unwrap_or_else(|| format!("http://{addr}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(anyhow!(
                "PANELCAST_PUBLIC_URL must start with http:// or https://, got {public_url:?}"
            ));
        }
        let log_filter = var("RUST_LOG").unwrap_or_else(|| "info,sqlx=warn".to_owned());
        tracing_subscriber::EnvFilter::try_new(&log_filter)
            .with_context(|| format!("RUST_LOG is not a valid log filter: {log_filter:?}"))?;
        let database_url =
            var("DATABASE_URL").unwrap_or_else(|| "sqlite://data/panelcast.db?mode=rwc".to_owned());
        database_url_backend(&database_url)?;
        Ok(Self {
            database_url,
            addr,
            log_filter,
            public_url: public_url.trim_end_matches('/').to_owned(),
            seed_demo: var_parsed("PANELCAST_SEED_DEMO")?.unwrap_or(true),
            link_ttl: Duration::from_secs(
                60 * var_parsed::<u64>("PANELCAST_LINK_TTL_MINUTES")?.unwrap_or(1440),
            ),
            session_ttl: Duration::from_secs(
                3600 * var_parsed::<u64>("PANELCAST_SESSION_TTL_HOURS")?.unwrap_or(12),
            ),
            fanout_nice: fanout_nice(var("PANELCAST_FANOUT_NICE").as_deref())?,
            security: security()?,
            tls_extra_roots: match var("PANELCAST_TLS_EXTRA_ROOTS") {
                Some(path) => {
                    let path = std::path::PathBuf::from(path);
                    crate::archive::tls::read_roots(&path)
                        .map_err(|why| anyhow!("PANELCAST_TLS_EXTRA_ROOTS: {why}"))?;
                    Some(path)
                }
                None => None,
            },
        })
    }

    /// Settings for tests and tools: the given database, port 0 on loopback, demo seeded.
    pub fn for_tests(database_url: impl Into<String>) -> Self {
        Self {
            database_url: database_url.into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            log_filter: "warn".to_owned(),
            public_url: "http://127.0.0.1".to_owned(),
            seed_demo: true,
            link_ttl: Duration::from_secs(600),
            session_ttl: Duration::from_secs(3600),
            fanout_nice: DEFAULT_FANOUT_NICE,
            security: Default::default(),
            tls_extra_roots: None,
        }
    }

    /// Whether cookies must carry `Secure` (the site is served over TLS).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// `PANELCAST_METRICS_TOKEN` and `PANELCAST_RATE_{SIGN_IN,QUESTIONS,BALLOTS,CLERK}_PER_MINUTE` (each at least 1).
fn security() -> anyhow::Result<crate::security::SecuritySettings> {
    let defaults = crate::security::rate::RateSettings::default();
    let rate = |name: &str, default: u32| -> anyhow::Result<u32> {
        match var_parsed::<u32>(name)? {
            Some(0) => Err(anyhow!("{name} must be at least 1")),
            Some(n) => Ok(n),
            None => Ok(default),
        }
    };
    Ok(crate::security::SecuritySettings {
        metrics_token: var("PANELCAST_METRICS_TOKEN"),
        rates: crate::security::rate::RateSettings {
            sign_in_per_minute: rate(
                "PANELCAST_RATE_SIGN_IN_PER_MINUTE",
                defaults.sign_in_per_minute,
            )?,
            questions_per_minute: rate(
                "PANELCAST_RATE_QUESTIONS_PER_MINUTE",
                defaults.questions_per_minute,
            )?,
            ballots_per_minute: rate(
                "PANELCAST_RATE_BALLOTS_PER_MINUTE",
                defaults.ballots_per_minute,
            )?,
            clerk_per_minute: rate("PANELCAST_RATE_CLERK_PER_MINUTE", defaults.clerk_per_minute)?,
        },
    })
}

/// See [`Settings::fanout_nice`].
pub const DEFAULT_FANOUT_NICE: i32 = 19;

fn fanout_nice(raw: Option<&str>) -> anyhow::Result<i32> {
    let Some(raw) = raw else {
        return Ok(DEFAULT_FANOUT_NICE);
    };
    let nice: i32 = parse("PANELCAST_FANOUT_NICE", raw)?;
    if !(0..=19).contains(&nice) {
        return Err(anyhow!(
            "PANELCAST_FANOUT_NICE must be between 0 and 19, got {nice}"
        ));
    }
    Ok(nice)
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The URL must name SQLite or PostgreSQL; the message names the variable, not the URL (it may hold a
/// password).
fn database_url_backend(url: &str) -> anyhow::Result<crate::store::Backend> {
    crate::store::Backend::of(url).map_err(|e| anyhow!("DATABASE_URL: {e}"))
}

fn var_parsed<T: FromStr>(name: &str) -> anyhow::Result<Option<T>>
where
    T::Err: std::fmt::Display,
{
    var(name).map(|raw| parse(name, &raw)).transpose()
}

fn parse<T: FromStr>(name: &str, raw: &str) -> anyhow::Result<T>
where
    T::Err: std::fmt::Display,
{
    raw.trim()
        .parse()
        .map_err(|e| anyhow!("{name} has a bad value {raw:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_value_names_its_variable_and_the_value() {
        let error = parse::<SocketAddr>("PANELCAST_ADDR", "localhost:port")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("PANELCAST_ADDR") && error.contains("localhost:port"),
            "{error}"
        );
        let error = parse::<u64>("PANELCAST_LINK_TTL_MINUTES", "-5")
            .unwrap_err()
            .to_string();
        assert!(error.contains("PANELCAST_LINK_TTL_MINUTES"), "{error}");
    }

    #[test]
    fn good_values_parse_with_surrounding_space() {
        assert_eq!(
            parse::<SocketAddr>("PANELCAST_ADDR", " 0.0.0.0:8080 ").unwrap(),
            SocketAddr::from(([0, 0, 0, 0], 8080))
        );
        assert!(parse::<bool>("PANELCAST_SEED_DEMO", "false").is_ok_and(|b| !b));
    }

    #[test]
    fn the_fanout_nice_value_defaults_to_19_and_stays_within_0_to_19() {
        assert_eq!(fanout_nice(None).unwrap(), 19);
        assert_eq!(fanout_nice(Some("10")).unwrap(), 10);
        assert_eq!(fanout_nice(Some(" 0 ")).unwrap(), 0);
        assert_eq!(fanout_nice(Some("19")).unwrap(), 19);
        for bad in ["20", "-1", "low"] {
            let error = fanout_nice(Some(bad)).unwrap_err().to_string();
            assert!(error.contains("PANELCAST_FANOUT_NICE"), "{error}");
        }
    }

    #[test]
    fn the_database_url_names_sqlite_or_postgresql() {
        use crate::store::Backend;
        assert_eq!(
            database_url_backend("sqlite://data/panelcast.db?mode=rwc").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(
            database_url_backend("postgres://pc:secret@db/pc").unwrap(),
            Backend::Postgres
        );
        let error = database_url_backend("mysql://pc:secret@db/pc")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("DATABASE_URL") && error.contains("mysql"),
            "{error}"
        );
        assert!(!error.contains("secret"), "{error}");
    }

    #[test]
    fn cookies_are_secure_only_over_tls() {
        let mut settings = Settings::for_tests("sqlite::memory:");
        assert!(!settings.secure_cookies());
        settings.public_url = "https://panel.example".into();
        assert!(settings.secure_cookies());
    }
}
