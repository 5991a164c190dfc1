//! A throwaway PostgreSQL server per test: its own cluster in a temporary folder, reachable only through a
//! unix socket in that folder (no TCP port, so tests running at once never collide), with durability off
//! (`-F`: the tests check behaviour, not crash safety). Stopped (immediate mode) when dropped.
//!
//! It needs the PostgreSQL server binaries (Debian's `postgresql` package, which `scripts/ensure-tools.sh`
//! installs). As root, the server runs as the `postgres` user through `runuser`, since `initdb` refuses root.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

pub struct TestPostgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
}

impl TestPostgres {
    /// Creates and starts a cluster. Panics with what to install when the binaries are missing.
    pub fn start() -> Self {
        let bin = server_binaries().expect(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin): \
             install Debian's `postgresql` package (scripts/ensure-tools.sh does)",
        );
        let dir = tempfile::tempdir().expect("temp dir");
        if as_root() {
            let owner = user_ids("postgres").expect("the `postgres` user exists");
            std::os::unix::fs::chown(dir.path(), Some(owner.0), Some(owner.1)).expect("chown");
        }
        let data = dir.path().join("data");
        let pg = Self { dir, bin };
        pg.run(
            "initdb",
            &[
                "-D",
                path(&data),
                "-U",
                "postgres",
                "--auth=trust",
                "-N",
                "-E",
                "UTF8",
                "--locale=C",
            ],
        );
        let server_options = format!("-k {} -c listen_addresses= -F", path(pg.dir.path()));
        let log = pg.dir.path().join("server.log");
        pg.run(
            "pg_ctl",
            &[
                "-D",
                path(&data),
                "-o",
                &server_options,
                "-l",
                path(&log),
                "-w",
                "start",
            ],
        );
        pg
    }

    /// The URL of database `name` (the cluster has `postgres`; [`create`](Self::create) makes others).
    pub fn url(&self, name: &str) -> String {
        format!(
            "postgres://postgres@localhost/{name}?host={}",
            path(self.dir.path())
        )
    }

    /// Creates database `name` and returns its URL.
    pub async fn create(&self, name: &str) -> String {
        use sqlx::Connection;
        let mut admin = sqlx::PgConnection::connect(&self.url("postgres"))
            .await
            .expect("connect to the test cluster");
        sqlx::query(&format!("CREATE DATABASE \"{name}\""))
            .execute(&mut admin)
            .await
            .expect("create database");
        self.url(name)
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let program = self.bin.join(tool);
        let output = if as_root() {
            let runuser = runuser();
            Command::new(&runuser)
                .args(["-u", "postgres", "--"])
                .arg(&program)
                .args(args)
                .output()
                .unwrap_or_else(|e| {
                    panic!(
                        "cannot run {} through {}: {e}",
                        program.display(),
                        runuser.display()
                    )
                })
        } else {
            Command::new(&program)
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()))
        };
        assert!(
            output.status.success(),
            "{tool} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

impl Drop for TestPostgres {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        self.run("pg_ctl", &["-D", path(&data), "-m", "immediate", "stop"]);
    }
}

/// The newest `/usr/lib/postgresql/<version>/bin` holding `initdb`.
fn server_binaries() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// `runuser` (util-linux) lives in `/usr/sbin`, which a stripped `PATH` (e.g. `env -i`) may lack; look there
/// first so a missing `PATH` entry is not reported as a missing `initdb`.
fn runuser() -> PathBuf {
    ["/usr/sbin/runuser", "/sbin/runuser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from("runuser"))
}

fn as_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// The uid and gid of `user`, from `id`.
fn user_ids(user: &str) -> Option<(u32, u32)> {
    let id = |flag: &str| -> Option<u32> {
        let output = Command::new("id").args([flag, user]).output().ok()?;
        String::from_utf8(output.stdout).ok()?.trim().parse().ok()
    };
    Some((id("-u")?, id("-g")?))
}

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}
