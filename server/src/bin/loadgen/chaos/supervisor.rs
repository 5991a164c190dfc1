//! The server under chaos: started by the harness as a child process on a fixed loopback address, armed to
//! stall its N-th append (`server::chaos`, N drawn at random for each start), `SIGKILL`ed a random 0–20 ms
//! after it says it stalled, and started again at once on the same database, until the run has its kills.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::{mpsc, watch};

use super::journal::{lock, Journal, Kill};
use crate::http::Http;

/// How to start the server.
#[derive(Debug, Clone)]
pub struct ServerSpec {
    pub bin: PathBuf,
    pub addr: SocketAddr,
    pub database_url: String,
    /// Its stdout (the tracing log) is appended here.
    pub log: PathBuf,
}

/// A running server and the stall markers it writes.
pub struct Running {
    pub child: Child,
    stalls: mpsc::UnboundedReceiver<(String, u64)>,
}

/// Starts the server; `stall_at` arms the hook. Rate limits are lifted (the harness retries on purpose).
pub async fn start(spec: &ServerSpec, stall_at: Option<u64>) -> anyhow::Result<Running> {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&spec.log)
        .with_context(|| format!("server log {}", spec.log.display()))?;
    let mut command = Command::new(&spec.bin);
    command
        .arg("serve")
        .env("DATABASE_URL", &spec.database_url)
        .env("PANELCAST_ADDR", spec.addr.to_string())
        .env("PANELCAST_PUBLIC_URL", format!("http://{}", spec.addr))
        .env("PANELCAST_SEED_DEMO", "false")
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .env_remove("LEPTOS_SITE_ADDR")
        .env_remove(server::chaos::STALL_ENV)
        .stdout(Stdio::from(log))
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .kill_on_drop(true);
    for limit in ["SIGN_IN", "QUESTIONS", "BALLOTS", "CLERK"] {
        command.env(format!("PANELCAST_RATE_{limit}_PER_MINUTE"), "10000000");
    }
    if let Some(at) = stall_at {
        command.env(server::chaos::STALL_ENV, at.to_string());
    }
    let mut child = command
        .spawn()
        .with_context(|| format!("starting {}", spec.bin.display()))?;
    let stderr = child.stderr.take().context("the server's stderr")?;
    let (found, stalls) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut lines = BufReader::new(stderr).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            match stall_of(&line) {
                Some(stall) => {
                    let _ = found.send(stall);
                }
                None => eprintln!("server: {line}"),
            }
        }
    });
    Ok(Running { child, stalls })
}

/// `… (meeting bench-003, seq 1234)` → (`bench-003`, 1234).
fn stall_of(line: &str) -> Option<(String, u64)> {
    let rest = line.strip_prefix(server::chaos::STALL_MARKER)?;
    let rest = rest.trim().strip_prefix("(meeting ")?.strip_suffix(')')?;
    let (meeting, seq) = rest.split_once(", seq ")?;
    Some((meeting.to_owned(), seq.parse().ok()?))
}

/// Waits until the server answers `/healthz` (bounded: a replay of a long log takes a while in debug builds).
pub async fn ready(addr: SocketAddr, running: &mut Running) -> anyhow::Result<Instant> {
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        if let Some(status) = running.child.try_wait()? {
            anyhow::bail!("the server exited while starting: {status}");
        }
        let mut http = Http::new(addr, None);
        if let Ok(Ok(reply)) =
            tokio::time::timeout(Duration::from_secs(2), http.get("/healthz")).await
        {
            if reply.status == 200 {
                return Ok(Instant::now());
            }
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "the server did not answer /healthz within 300 s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Kills the server with `SIGKILL` and reaps it.
pub async fn kill(running: &mut Running) -> anyhow::Result<()> {
    running.child.start_kill()?;
    running.child.wait().await?;
    Ok(())
}

/// The kill schedule: restarts armed at a random append until `kills` kills are done, then one unarmed
/// server that runs until `stop`. Returns that last server, still running.
pub async fn run(
    spec: ServerSpec,
    kills: u64,
    mean_appends: u64,
    seed: u64,
    journal: Arc<Journal>,
    mut stop: watch::Receiver<bool>,
) -> anyhow::Result<Running> {
    let mut rng = fastrand::Rng::with_seed(seed);
    loop {
        let done = journal.kill_count.load(Ordering::SeqCst);
        let armed = (done < kills).then(|| rng.u64(1..=2 * mean_appends.max(1)));
        let mut running = start(&spec, armed).await?;
        let ready_at = ready(spec.addr, &mut running).await?;
        if let Some(last) = lock(&journal.kills).last_mut() {
            last.ready_at.get_or_insert(ready_at);
        }
        tokio::select! {
            stall = running.stalls.recv(), if armed.is_some() => {
                let Some((meeting, seq)) = stall else {
                    anyhow::bail!("the server closed its stderr");
                };
                // A random point after the append: the other meetings' writers go on meanwhile.
                tokio::time::sleep(Duration::from_millis(rng.u64(0..=20))).await;
                kill(&mut running).await?;
                lock(&journal.kills).push(Kill { meeting, seq, killed_at: Instant::now(), ready_at: None });
                journal.kill_count.fetch_add(1, Ordering::SeqCst);
            }
            _ = async { stop.wait_for(|stop| *stop).await.map(|_| ()) } => return Ok(running),
            status = running.child.wait() => {
                anyhow::bail!("the server exited by itself: {status:?}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_stall_marker_names_its_meeting_and_seq() {
        let line = format!(
            "{} (meeting bench-003, seq 1234)",
            server::chaos::STALL_MARKER
        );
        assert_eq!(super::stall_of(&line), Some(("bench-003".into(), 1234)));
        assert_eq!(super::stall_of("panic at the disco"), None);
    }
}
