//! `loadgen chaos`: the chaos harness (docs/CHAOS.md). It starts the server itself (a debug build, or a
//! release build with `--features chaos`) on a loopback address over a fresh or existing database, seeds
//! `bench-NNN` meetings, signs the people in, and then runs simulated polls in every meeting at once while
//! ballots are cut off mid-flight and retried under the same ballot id, and while the server is `SIGKILL`ed
//! between a command's append and its reply and started again. Public viewers follow throughout and
//! reconnect. Then it checks the log (`check.rs`) and the viewers, prints a table, writes JSON, and exits
//! non-zero if anything failed. Bounded by `--max-seconds`; loopback only.

mod check;
pub mod instances;
mod journal;
mod polls;
mod supervisor;
mod viewers;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use journal::{lock, Journal};
use serde_json::json;

use crate::http::Http;
use crate::net::{self, Sources};
use crate::setup;

#[derive(Debug, Clone, clap::Args)]
pub struct ChaosArgs {
    /// The server binary to start and kill (debug, or release built with `--features chaos`).
    #[arg(long)]
    server_bin: PathBuf,
    /// The database (a SQLite file or a PostgreSQL database; bench meetings are added if missing).
    #[arg(long)]
    database_url: String,
    /// Where the server listens (loopback only).
    #[arg(long, default_value = "127.0.0.1:3119")]
    addr: SocketAddr,
    /// Simulated polls (votes), at least.
    #[arg(long, default_value_t = 1_000)]
    polls: u64,
    /// Forced client disconnects mid-ballot, spread over the polls.
    #[arg(long, default_value_t = 60_000)]
    disconnects: u64,
    /// Server `SIGKILL`s between an append and its reply, at least (polls go on until they happen).
    #[arg(long, default_value_t = 50)]
    kills: u64,
    /// Meetings polled at once (`bench-000`…).
    #[arg(long, default_value_t = 10)]
    meetings: usize,
    /// Ballots each member casts per poll (changing their mind), each under its own id.
    #[arg(long, default_value_t = 2)]
    ballots_per_member: usize,
    /// Chance that a member abandons a cut-off ballot and votes again under a new id.
    #[arg(long, default_value_t = 0.05)]
    abandon: f64,
    /// Public viewers that follow and reconnect.
    #[arg(long, default_value_t = 40)]
    viewers: usize,
    /// Loopback source addresses for the clients.
    #[arg(long, default_value_t = 8)]
    sources: usize,
    /// Random seed (default: from the clock; printed, so a run can be repeated).
    #[arg(long)]
    seed: Option<u64>,
    /// The server's log.
    #[arg(long, default_value = "chaos-server.log")]
    server_log: PathBuf,
    #[arg(long, default_value = "chaos-results.json")]
    json: PathBuf,
    /// Hard stop for the whole run.
    #[arg(long, default_value_t = 3600)]
    max_seconds: u64,
}

impl ChaosArgs {
    pub fn max_seconds(&self) -> u64 {
        self.max_seconds
    }
}

/// A reconnecting viewer must hold the current state within this long of the server's return.
const CONVERGE: Duration = Duration::from_secs(2);

pub async fn run(args: ChaosArgs) -> anyhow::Result<bool> {
    net::check_loopback(&args.addr)?;
    net::raise_fd_limit();
    let seed = args.seed.unwrap_or_else(|| fastrand::u64(..));
    eprintln!("chaos: seed {seed}");
    let started = Instant::now();
    let meetings: Vec<String> = (0..args.meetings).map(setup::bench_meeting).collect();
    setup::prepare(&args.database_url, args.meetings).await?;
    let spec = supervisor::ServerSpec {
        bin: args.server_bin.clone(),
        addr: args.addr,
        database_url: args.database_url.clone(),
        log: args.server_log.clone(),
    };

    // Setting up (sign-ins, the roll) on an unarmed server, which is then killed and replaced by armed ones.
    let mut first = supervisor::start(&spec, None).await?;
    supervisor::ready(args.addr, &mut first).await?;
    let mut people = setup::sign_in_people(args.addr, &args.database_url, &meetings[0]).await?;
    let mut opened = Vec::new();
    for meeting in &meetings {
        setup::open_and_take_roll(&mut people, meeting).await?;
        let view = people
            .chair
            .get(&format!("/api/v1/meetings/{meeting}"))
            .await?
            .json();
        opened.push(view["view"]["votes"].as_array().map_or(0, Vec::len) as u64);
    }
    supervisor::kill(&mut first).await?;

    let journal = Arc::new(Journal::default());
    let plan = Arc::new(polls::Plan {
        polls: args.polls,
        disconnects: args.disconnects,
        kills: args.kills,
        ballots_per_member: args.ballots_per_member,
        abandon: args.abandon,
    });
    let members = people.members.len() as u64;
    let appends = args.polls * (members * args.ballots_per_member as u64 + 2);
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let mut server = tokio::spawn(supervisor::run(
        spec,
        args.kills,
        appends / (args.kills + 1),
        seed,
        journal.clone(),
        stopping,
    ));
    let sources = Arc::new(Sources::new(args.sources));
    let viewers = viewers::Viewers::start(args.addr, &meetings, args.viewers, sources.clone());

    let chair_cookie = people.chair.cookie().map(str::to_owned);
    let cookies: Vec<(String, String)> = people
        .members
        .iter()
        .filter_map(|(id, http)| Some((id.clone(), http.cookie()?.to_owned())))
        .collect();
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let pollers = meetings.iter().zip(opened).map(|(meeting, votes_opened)| {
        let poller = polls::Poller {
            addr: args.addr,
            meeting: meeting.clone(),
            chair: Http::new(args.addr, chair_cookie.clone()),
            members: cookies.clone(),
            sources: sources.clone(),
            votes_opened,
            rng: fastrand::Rng::with_seed(rng.u64(..)),
        };
        tokio::spawn(poller.run(plan.clone(), journal.clone()))
    });
    let polling = futures_util::future::join_all(pollers);
    tokio::select! {
        _ = polling => {}
        ended = &mut server => anyhow::bail!("the server supervisor stopped: {:?}", ended.map(|r| r.map(|_| ()))),
    }
    let polled = Instant::now();
    let _ = stop.send(true);
    let mut last = server.await??;

    let mut references = Vec::new();
    for meeting in &meetings {
        let (seq, view) = viewers::fresh_view(args.addr, meeting, &sources).await?;
        references.push((meeting.clone(), seq, view));
    }
    let (converged_in, behind) =
        viewers::converge(&viewers, &references, polled, Duration::from_secs(30)).await;
    let reconnects = reconnect_delays(&journal, &viewers);
    let mut http = Http::new(args.addr, None);
    let found = check::run(&args.database_url, &mut http, &meetings, &journal).await?;
    let broken: u64 = viewers.seen.iter().map(|(_, s)| lock(s).broken).sum();
    viewers.stop();
    supervisor::kill(&mut last).await?;

    let polls = Journal::count(&journal.polls_done);
    let disconnects = Journal::count(&journal.disconnects);
    let kills = Journal::count(&journal.kill_count);
    let worst_reconnect = reconnects.iter().copied().max().unwrap_or_default();
    let enough = polls >= args.polls && disconnects >= args.disconnects && kills >= args.kills;
    let passed = enough && found.problems.is_empty() && behind == 0 && broken == 0;
    let report = json!({
        "database": if args.database_url.starts_with("postgres") { "postgresql" } else { "sqlite" },
        "seed": seed,
        "seconds": started.elapsed().as_secs_f64(),
        "polls": polls,
        "meetings": args.meetings,
        "disconnects": disconnects,
        "failed_attempts_while_down": Journal::count(&journal.failed_attempts),
        "kills": kills,
        "findings": found,
        "viewers": args.viewers,
        "viewers_behind_at_end": behind,
        "final_convergence_ms": converged_in.as_secs_f64() * 1e3,
        "reconnects_measured": reconnects.len(),
        "worst_reconnect_to_current_ms": worst_reconnect.as_secs_f64() * 1e3,
        "reconnect_to_current": crate::report::Latency::of(reconnects.iter().copied()),
        "reconnects_over_2s": reconnects.iter().filter(|d| **d > CONVERGE).count(),
        "unfollowable_messages": broken,
        "passed": passed,
    });
    std::fs::write(&args.json, serde_json::to_string_pretty(&report)?)?;
    println!("{}", table(&report));
    for problem in found.problems.iter().take(20) {
        println!("- {problem}");
    }
    Ok(passed)
}

/// For each restart and each viewer: from the server answering again to the viewer's first snapshot after the
/// kill (a viewer already reconnected counts 0). Restarts followed by another kill within 2 s are skipped.
fn reconnect_delays(journal: &Journal, viewers: &viewers::Viewers) -> Vec<Duration> {
    let kills = lock(&journal.kills).clone();
    let mut delays = Vec::new();
    for (i, kill) in kills.iter().enumerate() {
        let Some(ready) = kill.ready_at else { continue };
        let next = kills.get(i + 1).map(|k| k.killed_at);
        if next.is_some_and(|next| next < ready + CONVERGE) {
            continue;
        }
        for (_, seen) in &viewers.seen {
            let seen = lock(seen);
            if let Some(at) = seen.snapshots.iter().find(|at| **at > kill.killed_at) {
                if next.is_none_or(|next| *at < next) {
                    delays.push(at.saturating_duration_since(ready));
                }
            }
        }
    }
    delays
}

fn table(report: &serde_json::Value) -> String {
    let f = &report["findings"];
    let mut rows = vec!["| chaos | figure |".to_owned(), "|---|---|".to_owned()];
    let mut row = |what: &str, figure: String| rows.push(format!("| {what} | {figure} |"));
    row("database", report["database"].to_string());
    row(
        "polls (votes) closed",
        format!("{} in {} meetings", report["polls"], report["meetings"]),
    );
    row(
        "forced disconnects mid-ballot",
        report["disconnects"].to_string(),
    );
    row(
        "SIGKILLs between append and reply",
        format!(
            "{} (stalled appends found in the log: {})",
            report["kills"], f["kills_committed"]
        ),
    );
    row(
        "ballots sent / acknowledged / in the log",
        format!(
            "{} / {} / {}",
            f["acked"].as_u64().unwrap_or(0) + f["unacked"].as_u64().unwrap_or(0),
            f["acked"],
            f["ballots_in_log"]
        ),
    );
    row(
        "abandoned ballots (never acknowledged) / of them in the log",
        format!("{} / {}", f["unacked"], f["unacked_in_log"]),
    );
    row(
        "events in the log, hash chain verified",
        f["events"].to_string(),
    );
    row(
        "viewers; behind at the end; final state reached in",
        format!(
            "{}; {}; {:.0} ms",
            report["viewers"],
            report["viewers_behind_at_end"],
            report["final_convergence_ms"].as_f64().unwrap_or(0.0)
        ),
    );
    row(
        "reconnects measured; worst to current state; over 2 s",
        format!(
            "{}; {:.0} ms; {}",
            report["reconnects_measured"],
            report["worst_reconnect_to_current_ms"]
                .as_f64()
                .unwrap_or(0.0),
            report["reconnects_over_2s"]
        ),
    );
    row(
        "problems",
        f["problems"].as_array().map_or(0, Vec::len).to_string(),
    );
    row(
        "wall time",
        format!(
            "{:.0} s, seed {}",
            report["seconds"].as_f64().unwrap_or(0.0),
            report["seed"]
        ),
    );
    row("passed", report["passed"].to_string());
    rows.join("\n")
}
