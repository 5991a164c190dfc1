//! `loadgen`: Panelcast's load tool. Against servers already running on this machine's loopback it connects
//! crowds of public viewers (and members, and the chair's console), drives the chair through real commands,
//! and reports delivery latency per change, missing viewers and out-of-order messages, the upgrade rate,
//! server memory per idle viewer, the reconnect storm and many meetings at once — next to a naive axum
//! reference server (`naive_ref`) measured by the same tool in the same run. Prints one Markdown table and
//! writes the same as JSON. Every wait is bounded, and the whole run stops itself after `--max-seconds`.
//!
//! `loadgen prepare --database-url …` seeds the bench meetings before the server starts;
//! `loadgen run …` measures. `scripts/bench.sh` does both; see BENCH.md.

mod abuse;
mod chaos;
mod fanout;
mod fleet;
mod floor;
mod http;
mod multi;
mod net;
mod report;
mod setup;
mod votes;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};

use crate::fanout::Target;
use crate::net::Sources;
use crate::report::Row;

#[derive(Debug, Parser)]
#[command(name = "loadgen", about = "Panelcast load tool (loopback only)")]
struct Args {
    #[command(subcommand)]
    command: Cmd,
}

// Parsed once at start; boxing the larger variant would only complicate clap's derive.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Cmd {
    /// Seed `bench-000`… copies of the demo meeting into a log, before the server starts.
    Prepare {
        #[arg(long)]
        database_url: String,
        #[arg(long, default_value_t = 100)]
        meetings: usize,
    },
    /// Run the scenarios and print the table.
    Run(RunArgs),
    /// The chaos harness: polls under forced disconnects and server kills, then checks the log
    /// (docs/CHAOS.md).
    Chaos(chaos::ChaosArgs),
    /// Three instances on one PostgreSQL database, one killed mid-vote (docs/CHAOS.md).
    Instances(chaos::instances::InstancesArgs),
    /// The loopback floor's stand-in server (started by `run` itself; see floor.rs).
    FloorServe {
        #[arg(long)]
        viewers: usize,
        /// Nice value of its writer threads (`run` passes its `--crowd-nice`).
        #[arg(long, default_value_t = server::config::DEFAULT_FANOUT_NICE)]
        nice: i32,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// The Panelcast server under test.
    #[arg(long, default_value = "127.0.0.1:3100")]
    server: SocketAddr,
    /// Its database (sign-in links are made there, as `server sign-in-link` does).
    #[arg(long)]
    database_url: String,
    /// The server's pid, to read its RSS.
    #[arg(long)]
    server_pid: Option<u32>,
    /// The naive reference server (`naive_ref`); omitted: no reference rows.
    #[arg(long)]
    naive: Option<SocketAddr>,
    #[arg(long)]
    naive_pid: Option<u32>,
    /// The large crowd.
    #[arg(long, default_value_t = 10_000)]
    viewers: usize,
    /// The small crowd.
    #[arg(long, default_value_t = 1_000)]
    small: usize,
    /// State changes measured per fan-out scenario.
    #[arg(long, default_value_t = 5)]
    changes: usize,
    /// Ballots per second and seconds of the burst.
    #[arg(long, default_value_t = 20.0)]
    burst_rate: f64,
    #[arg(long, default_value_t = 60)]
    burst_seconds: u64,
    /// Ballots for the chair-path scenario (one every 100 ms).
    #[arg(long, default_value_t = 100)]
    chair_ballots: usize,
    /// Meetings and viewers per meeting for the many-meetings scenario (0: skip).
    #[arg(long, default_value_t = 100)]
    meetings: usize,
    #[arg(long, default_value_t = 100)]
    meeting_viewers: usize,
    /// Milliseconds between two meetings' changes in the many-meetings scenario (each meeting changes once
    /// per round of `meetings` x this).
    #[arg(long, default_value_t = 10)]
    stagger_ms: u64,
    /// Loopback source addresses to spread connections over (127.0.0.2 …).
    #[arg(long, default_value_t = 8)]
    sources: usize,
    /// Websocket handshakes in flight at once.
    #[arg(long, default_value_t = 512)]
    parallel: usize,
    /// Nice value of the threads that read the public crowds (0–19); the chair's console and the commands
    /// stay at normal priority. Set it to the server's `PANELCAST_FANOUT_NICE`, so that neither the simulated
    /// crowd nor the server's fan-out is favoured on the shared cores.
    #[arg(long, default_value_t = server::config::DEFAULT_FANOUT_NICE)]
    crowd_nice: i32,
    /// Junk sign-ins per second in the abuse scenario, and ballots timed in each of its two halves.
    #[arg(long, default_value_t = 2_000.0)]
    abuse_rate: f64,
    #[arg(long, default_value_t = 100)]
    abuse_ballots: usize,
    /// Scenarios to run (comma separated): crowd,storm,naive,small,floor,multi,abuse.
    #[arg(
        long,
        default_value = "crowd,storm,naive,small,floor,multi,abuse",
        value_delimiter = ','
    )]
    only: Vec<String>,
    #[arg(long, default_value = "loadgen-results.json")]
    json: String,
    /// Hard stop for the whole run.
    #[arg(long, default_value_t = 900)]
    max_seconds: u64,
}

impl RunArgs {
    fn wants(&self, name: &str) -> bool {
        self.only.iter().any(|s| s == name)
    }
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Cmd::FloorServe { viewers, nice } = args.command {
        return floor::serve(viewers, nice);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    match args.command {
        Cmd::FloorServe { .. } => Ok(()),
        Cmd::Instances(instances) => {
            let limit = Duration::from_secs(instances.max_seconds());
            let passed = runtime.block_on(async {
                tokio::time::timeout(limit, chaos::instances::run(instances))
                    .await
                    .map_err(|_| anyhow::anyhow!("the run passed --max-seconds and was stopped"))?
            });
            runtime.shutdown_timeout(Duration::from_secs(1));
            anyhow::ensure!(passed?, "the instances run failed its checks (see above)");
            Ok(())
        }
        Cmd::Chaos(chaos) => {
            let limit = Duration::from_secs(chaos.max_seconds());
            let passed = runtime.block_on(async {
                tokio::time::timeout(limit, chaos::run(chaos))
                    .await
                    .map_err(|_| anyhow::anyhow!("the run passed --max-seconds and was stopped"))?
            });
            runtime.shutdown_timeout(Duration::from_secs(1));
            anyhow::ensure!(passed?, "the chaos run failed its checks (see above)");
            Ok(())
        }
        Cmd::Prepare {
            database_url,
            meetings,
        } => runtime.block_on(setup::prepare(&database_url, meetings)),
        Cmd::Run(run) => {
            let limit = Duration::from_secs(run.max_seconds);
            let result = runtime.block_on(async {
                tokio::time::timeout(limit, measure(run))
                    .await
                    .map_err(|_| anyhow::anyhow!("the run passed --max-seconds and was stopped"))?
            });
            // Viewer tasks may still hold sockets; do not wait for them.
            runtime.shutdown_timeout(Duration::from_secs(1));
            result
        }
    }
}

async fn measure(args: RunArgs) -> anyhow::Result<()> {
    let fd_limit = net::raise_fd_limit();
    fleet::set_crowd_nice(args.crowd_nice);
    let needed = (args.viewers.max(args.meetings * args.meeting_viewers) + 200) as u64;
    anyhow::ensure!(
        fd_limit >= needed,
        "open-file limit {fd_limit} is below the {needed} this run needs (raise the hard limit: ulimit -Hn)"
    );
    let started = Instant::now();
    let sources = Arc::new(Sources::new(args.sources));
    let panelcast = Target {
        name: "panelcast",
        addr: args.server,
        pid: args.server_pid,
        sources: sources.clone(),
        parallel: args.parallel,
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut people = setup::sign_in_people(args.server, &args.database_url, setup::DEMO).await?;
    setup::open_and_take_roll(&mut people, setup::DEMO).await?;
    tokio::time::sleep(QUIET).await;

    let mut p99_10k = None;
    if args.wants("crowd") {
        let rss_before = panelcast.pid.and_then(net::rss_bytes);
        let (crowd, connected) = fanout::connect(&panelcast, setup::DEMO, args.viewers).await;
        rows.push(fanout::connect_row(&panelcast, &connected));
        rows.push(fanout::idle_memory(&panelcast, rss_before, &crowd).await);
        let mut row =
            fanout::fanout_row(&panelcast, &crowd, &mut people.chair, args.changes).await?;
        p99_10k = row.latency.map(|l| l.p99_ms);
        row.target = "p99 <= 60 ms, <= 0.5x naive".into();
        rows.push(row);
        eprintln!("{}", report::table(&rows));

        let (chair_console, _) = fleet::Fleet::connect(
            args.server,
            setup::DEMO,
            people.chair.cookie().map(str::to_owned),
            1,
            1,
            sources.clone(),
            fanout::CONNECT_LIMIT,
        )
        .await;
        let ballots = Duration::from_millis(100) * args.chair_ballots as u32;
        rows.push(
            votes::chair_path(
                &panelcast,
                &mut people,
                &crowd,
                &chair_console,
                10.0,
                ballots,
            )
            .await?,
        );
        let burst = Duration::from_secs(args.burst_seconds);
        rows.extend(
            votes::burst(
                &panelcast,
                &mut people,
                &crowd,
                &chair_console,
                args.burst_rate,
                burst,
            )
            .await?,
        );
        eprintln!("{}", report::table(&rows));
        chair_console.close().await;

        let crowd = if args.wants("storm") {
            let current = people
                .chair
                .command(setup::DEMO, &fanout::agenda_move(args.changes))
                .await?;
            let (crowd, row) = fanout::storm(&panelcast, crowd, current).await;
            rows.push(row);
            crowd
        } else {
            crowd
        };
        crowd.close().await;
        tokio::time::sleep(Duration::from_secs(2)).await;
    }

    let naive = args.naive.map(|addr| Target {
        name: "naive",
        addr,
        pid: args.naive_pid,
        sources: sources.clone(),
        parallel: args.parallel,
    });
    if let (Some(naive), true) = (&naive, args.wants("naive")) {
        let mut commands = http::Http::new(naive.addr, None);
        let rss_before = naive.pid.and_then(net::rss_bytes);
        let (crowd, connected) = fanout::connect(naive, "naive", args.viewers).await;
        rows.push(fanout::connect_row(naive, &connected));
        rows.push(fanout::idle_memory(naive, rss_before, &crowd).await);
        let row = fanout::fanout_row(naive, &crowd, &mut commands, args.changes).await?;
        let naive_p99 = row.latency.map(|l| l.p99_ms);
        rows.push(row);
        crowd.close().await;
        if let (Some(ours), Some(theirs)) = (p99_10k, naive_p99) {
            let ratio = ours / theirs.max(1e-3);
            let mut row = Row::new(
                &format!("{} viewers: p99 ratio to naive", args.viewers),
                "panelcast/naive",
                args.viewers,
            );
            row.figure = format!("{ratio:.2}x ({ours:.1} / {theirs:.1} ms)");
            row.target = "p99 <= 60 ms and <= 0.5x".into();
            row.pass = Some(ratio <= 0.5 && ours <= 60.0);
            rows.push(row);
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }

    if args.wants("small") {
        let (crowd, _) = fanout::connect(&panelcast, setup::DEMO, args.small).await;
        let mut row =
            fanout::fanout_row(&panelcast, &crowd, &mut people.chair, args.changes * 4).await?;
        let ours = row.latency.map(|l| l.p99_ms).unwrap_or(f64::MAX);
        row.target = "p99 <= 5 ms, all reach it".into();
        row.pass = Some(ours <= 5.0 && row.missing == 0 && row.out_of_order == 0);
        rows.push(row);
        crowd.close().await;
        if let Some(naive) = &naive {
            let mut commands = http::Http::new(naive.addr, None);
            let (crowd, _) = fanout::connect(naive, "naive", args.small).await;
            rows.push(fanout::fanout_row(naive, &crowd, &mut commands, args.changes * 4).await?);
            crowd.close().await;
        }
    }

    if args.wants("floor") {
        // The same crowd sizes and change counts against a stand-in that only writes: the loopback floor.
        rows.push(floor::row(&panelcast, args.viewers, args.changes).await?);
        tokio::time::sleep(Duration::from_secs(2)).await;
        rows.push(floor::row(&panelcast, args.small, args.changes * 4).await?);
        tokio::time::sleep(Duration::from_secs(2)).await;
    }

    if args.wants("multi") && args.meetings > 0 {
        rows.extend(multi::rows(&args, &panelcast, &mut people).await?);
    }

    if args.wants("abuse") {
        rows.extend(
            abuse::rows(
                &panelcast,
                &mut people,
                setup::DEMO,
                args.abuse_rate,
                args.abuse_ballots,
            )
            .await?,
        );
    }

    let table = report::table(&rows);
    println!("{table}");
    let report = report::Report {
        machine: report::Machine::here(fd_limit),
        started_unix: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
        seconds: started.elapsed().as_secs_f64(),
        rows: &rows,
    };
    std::fs::write(&args.json, serde_json::to_string_pretty(&report)?)?;
    eprintln!("wrote {}", args.json);
    Ok(())
}

/// Longer than the server's public coalescing interval (250 ms): a change this long after the previous one
/// is published to the public at once.
pub const QUIET: Duration = Duration::from_millis(400);
