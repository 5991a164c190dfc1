//! The browser journeys against the built server, as `cargo leptos end-to-end` ran them: the server starts from
//! the workspace root with cargo-leptos' variables (`Project::server_env`), the `end2end-cmd` (`npx playwright
//! test`) runs in `end2end-dir` once `/healthz` answers, and the server is stopped (SIGTERM, its graceful
//! shutdown) whatever the result. Journeys that start servers of their own find the binary through
//! `PANELCAST_SERVER_BINARY`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::config::Project;
use crate::progress::say;
use crate::server;

pub fn run(project: &Project, release: bool, playwright_args: &[String]) -> Result<()> {
    let binary = server::binary(project, release);
    say(format!(
        "starting {} serve on {}",
        binary.display(),
        project.site_addr
    ));
    let child = Command::new(&binary)
        .arg("serve")
        .current_dir(&project.root)
        .envs(project.server_env(release))
        .spawn()
        .with_context(|| format!("starting {}", binary.display()))?;
    let mut server = Running(child);
    wait_until_healthy(&mut server.0, &project.site_addr)?;

    let mut words = project.end2end_cmd.split_whitespace();
    let program = words.next().context("end2end-cmd is empty")?;
    let status = Command::new(program)
        .args(words)
        .args(playwright_args)
        .current_dir(project.path(&project.end2end_dir))
        .env("LEPTOS_SITE_ADDR", &project.site_addr)
        .env("PANELCAST_SERVER_BINARY", &binary)
        .status()
        .with_context(|| format!("starting {}", project.end2end_cmd))?;
    drop(server);
    if !status.success() {
        bail!("{} failed ({status})", project.end2end_cmd);
    }
    Ok(())
}

/// Polls `GET /healthz` until it answers 200 (60 s at most), failing at once if the server exits.
fn wait_until_healthy(server: &mut Child, addr: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Some(status) = server.try_wait()? {
            bail!("the server exited before it was ready ({status})");
        }
        if healthy(addr) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    bail!("the server on {addr} did not answer /healthz within 60 s")
}

fn healthy(addr: &str) -> bool {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let mut response = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut response).is_ok()
        && response.starts_with("HTTP/1.1 200")
}

/// The server process, stopped when dropped: SIGTERM, then SIGKILL if it has not exited within 10 s.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
