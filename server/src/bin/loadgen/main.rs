//! `loadgen`: Panelcast's load tool. Against servers already running on this machine's loopback it connects
//! crowds of public viewers (and members, and the chair's console), drives the chair through real commands,
//! and reports delivery latency per change, missing viewers and out-of-order messages, the upgrade rate,
//! server memory per idle viewer, the reconnect storm and many meetings at once — next to a naive axum
//! reference server (`naive_ref`) measured by the same tool in the same run. Prints one Markdown table and
//! writes the same as JSON. Every wait is bounded, and the whole run stops itself after `--max-seconds`.
//!
//! `loadgen prepare --database-url …` seeds the bench meetings before the server starts;
//! `loadgen run …` measures. `scripts/bench.sh` does both; see BENCH.md.

mod fanout;
mod fleet;
mod floor;
mod http;
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
    /// The loopback floor's stand-in server (started by `run` itself; see floor.rs).
    FloorServe {
        #[arg(long)]
        viewers: usize,
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
    /// Scenarios to run (comma separated): crowd,storm,naive,small,floor,multi.
    #[arg(
        long,
        default_value = "crowd,storm,naive,small,floor,multi",
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
    if let Cmd::FloorServe { viewers } = args.command {
        return floor::serve(viewers);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    match args.command {
        Cmd::FloorServe { .. } => Ok(()),
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
        rows.extend(multi(&args, &panelcast, &mut people).await?);
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
const QUIET: Duration = Duration::from_millis(400);

/// One meeting with its crowd alone, then every bench meeting with its crowd at once.
async fn multi(
    args: &RunArgs,
    target: &Target,
    people: &mut setup::People,
) -> anyhow::Result<Vec<Row>> {
    let ids: Vec<String> = (0..args.meetings).map(setup::bench_meeting).collect();
    for id in &ids {
        setup::open_at_first_item(&mut people.chair, id).await?;
    }
    let rounds = args.changes.max(3);
    let stagger = Duration::from_millis(args.stagger_ms.max(1));
    let (single, _) = fanout::connect(target, &ids[0], args.meeting_viewers).await;
    let single = Arc::new(single);
    let cookie = people.chair.cookie().map(str::to_owned);
    // One unmeasured round first (each run), so neither figure includes a cold start; then a pause longer
    // than the server's public coalescing interval, so the first measured change is not coalesced with it.
    fanout::many_meetings(
        vec![single.clone()],
        cookie.clone(),
        target.addr,
        1,
        stagger,
    )
    .await?;
    tokio::time::sleep(QUIET).await;
    // The lone meeting makes 4x as many changes (same spacing) so that its p99 rests on as many samples as
    // a few hundred, not a handful: 100 viewers x 5 changes would make its p99 the 5th-worst delay.
    let lone = |fleet: Arc<fleet::Fleet>, scenario: String, note: &'static str| {
        lone_meeting(
            fleet,
            cookie.clone(),
            target,
            scenario,
            note,
            rounds * 4,
            stagger * args.meetings as u32,
        )
    };
    let alone = lone(
        single.clone(),
        format!("1 meeting x {} viewers", args.meeting_viewers),
        "",
    )
    .await?;
    let alone_latency = alone.latency.unwrap_or_default();
    let mut fleets = vec![single];
    for id in &ids[1..] {
        let (fleet, _) = fanout::connect(target, id, args.meeting_viewers).await;
        fleets.push(Arc::new(fleet));
    }
    let viewers = fleets.iter().map(|f| f.len()).sum();
    // Diagnostic: the same lone meeting again, now with every other meeting's viewers connected but idle.
    // Against the first figure it shows what the connections alone cost (memory, caches, pings); against
    // the many-meetings figure, what the other meetings' changes cost.
    let crowded = lone(
        fleets[0].clone(),
        format!(
            "1 meeting x {} viewers, {} idle viewers of other meetings",
            args.meeting_viewers,
            viewers - fleets[0].len()
        ),
        " (diagnostic)",
    )
    .await?;
    tokio::time::sleep(QUIET).await;
    fanout::many_meetings(fleets.clone(), cookie.clone(), target.addr, 1, stagger).await?;
    tokio::time::sleep(QUIET).await;
    let (delays, worst, missing, out_of_order) =
        fanout::many_meetings(fleets.clone(), cookie, target.addr, rounds, stagger).await?;
    let mut many = Row::new(
        &format!(
            "{} meetings x {} viewers",
            args.meetings, args.meeting_viewers
        ),
        target.name,
        viewers,
    );
    let latency = report::Latency::of(delays);
    let ratio = latency.p99_ms / alone_latency.p99_ms.max(1e-3);
    many.latency = Some(latency);
    many.missing = missing;
    many.out_of_order = out_of_order;
    many.figure = format!(
        "p99 {ratio:.2}x one meeting's; worst meeting p99 {worst:.1} ms; changes {} ms apart",
        stagger.as_millis()
    );
    many.target = "p99 <= 1.2x one meeting's".into();
    many.pass = Some(ratio <= 1.2 && missing == 0);
    for fleet in fleets {
        if let Ok(fleet) = Arc::try_unwrap(fleet) {
            fleet.close().await;
        }
    }
    Ok(vec![alone, crowded, many])
}

/// One meeting's crowd alone changing: `changes` agenda moves `spacing` apart, as a row.
async fn lone_meeting(
    fleet: Arc<fleet::Fleet>,
    cookie: Option<String>,
    target: &Target,
    scenario: String,
    note: &str,
    changes: usize,
    spacing: Duration,
) -> anyhow::Result<Row> {
    let viewers = fleet.len();
    let (delays, _, missing, out_of_order) =
        fanout::many_meetings(vec![fleet], cookie, target.addr, changes, spacing).await?;
    let mut row = Row::new(&scenario, target.name, viewers);
    row.latency = Some(report::Latency::of(delays));
    row.missing = missing;
    row.out_of_order = out_of_order;
    row.figure = format!("x{changes} changes{note}");
    Ok(row)
}
