//! `loadgen instances`: three server instances on one PostgreSQL database, public viewers spread over them
//! as a load balancer would spread them, one instance `SIGKILL`ed in the middle of a vote.
//!
//! 1. The added cross-instance latency: the chair moves the agenda through instance A, `--changes` times,
//!    600 ms apart (longer than the public coalescing interval); each viewer's delay from the chair's
//!    acknowledgement to its receipt, p99 on A's viewers against p99 on B's and C's.
//! 2. The kill: a vote opens; members, spread over the three instances, cast their ballots one after another;
//!    half-way instance B is killed. Its members retry on the next instance under the same ballot id; its
//!    viewers reconnect to the next instance (as a balancer would send them). Each must hold the current
//!    state within 15 s of the kill; every acknowledged ballot is in the log exactly once; the chain verifies.
//! 3. B starts again on the same database and must serve exactly the state A serves.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::meeting::{Event, MeetingId};
use app::protocol::{Followed, Follower};
use futures_util::StreamExt;
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;

use super::journal::lock;
use super::supervisor::{self, ServerSpec};
use super::viewers::fresh_view;
use crate::fanout::{agenda_move, CONNECT_LIMIT, DELIVERY_LIMIT};
use crate::fleet::Fleet;
use crate::http::Http;
use crate::net::{self, Sources};
use crate::report::Latency;
use crate::{setup, votes};

#[derive(Debug, Clone, clap::Args)]
pub struct InstancesArgs {
    /// The server binary (any build).
    #[arg(long)]
    server_bin: PathBuf,
    /// A PostgreSQL database shared by the three instances.
    #[arg(long)]
    database_url: String,
    /// Instances listen on 127.0.0.1:PORT, PORT+1 and PORT+2.
    #[arg(long, default_value_t = 3140)]
    base_port: u16,
    /// Public viewers, spread evenly over the instances.
    #[arg(long, default_value_t = 300)]
    viewers: usize,
    /// Agenda moves timed for the cross-instance latency.
    #[arg(long, default_value_t = 30)]
    changes: usize,
    #[arg(long, default_value_t = 8)]
    sources: usize,
    #[arg(long, default_value = "instances-server.log")]
    server_log: PathBuf,
    #[arg(long, default_value = "instances-results.json")]
    json: PathBuf,
    #[arg(long, default_value_t = 600)]
    max_seconds: u64,
}

impl InstancesArgs {
    pub fn max_seconds(&self) -> u64 {
        self.max_seconds
    }
}

/// A viewer of the killed instance must hold the current state within this long.
const HOLD_WITHIN: Duration = Duration::from_secs(15);

pub async fn run(args: InstancesArgs) -> anyhow::Result<bool> {
    anyhow::ensure!(
        args.database_url.starts_with("postgres"),
        "several instances need a PostgreSQL database"
    );
    net::raise_fd_limit();
    let meeting = setup::bench_meeting(0);
    setup::prepare(&args.database_url, 1).await?;
    let addrs: Vec<SocketAddr> = (0..3)
        .map(|i| SocketAddr::from(([127, 0, 0, 1], args.base_port + i)))
        .collect();
    let spec = |addr: SocketAddr| ServerSpec {
        bin: args.server_bin.clone(),
        addr,
        database_url: args.database_url.clone(),
        log: args.server_log.clone(),
    };
    let mut running = Vec::new();
    for addr in &addrs {
        let mut server = supervisor::start(&spec(*addr), None).await?;
        supervisor::ready(*addr, &mut server).await?;
        running.push(server);
    }
    let mut people = setup::sign_in_people(addrs[0], &args.database_url, &meeting).await?;
    setup::open_and_take_roll(&mut people, &meeting).await?;
    tokio::time::sleep(crate::QUIET).await;
    let sources = Arc::new(Sources::new(args.sources));

    // 1. Cross-instance latency.
    let mut fleets = Vec::new();
    for addr in &addrs {
        let count = args.viewers / 3;
        let (fleet, _) = Fleet::connect(
            *addr,
            &meeting,
            None,
            count,
            64,
            sources.clone(),
            CONNECT_LIMIT,
        )
        .await;
        fleets.push(fleet);
    }
    let (mut writer, mut others) = (Vec::new(), Vec::new());
    let mut missing = 0;
    for k in 0..args.changes {
        tokio::time::sleep(Duration::from_millis(600)).await;
        let sent = Instant::now();
        let seq = people.chair.command(&meeting, &agenda_move(k)).await?;
        let acked = Instant::now();
        let _ = sent;
        for (i, fleet) in fleets.iter().enumerate() {
            fleet.expect(seq);
            missing += fleet.len() - fleet.wait_all(DELIVERY_LIMIT).await;
            let delays = fleet.delays(seq, acked).into_iter().flatten();
            if i == 0 {
                writer.extend(delays)
            } else {
                others.extend(delays)
            }
        }
    }
    let out_of_order: u64 = fleets.iter().map(Fleet::out_of_order).sum();
    for fleet in fleets {
        fleet.close().await;
    }
    let (writer, others) = (Latency::of(writer), Latency::of(others));

    // 2. The kill, mid-vote.
    let watchers: Vec<Arc<Mutex<Watch>>> = (0..args.viewers).map(|_| Arc::default()).collect();
    let stop = Arc::new(AtomicBool::new(false));
    let tasks: Vec<_> = watchers
        .iter()
        .enumerate()
        .map(|(i, watch)| {
            tokio::spawn(follow(
                addrs.clone(),
                i % 3,
                meeting.clone(),
                watch.clone(),
                sources.clone(),
                stop.clone(),
            ))
        })
        .collect();
    let all_watching = Instant::now();
    while watchers.iter().any(|w| lock(w).seq.is_none()) && all_watching.elapsed() < CONNECT_LIMIT {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let vote = votes::open_vote(&mut people, &meeting).await?;
    let mut acked = Vec::new();
    let mut problems = Vec::new();
    let mut killed_at = None;
    let mut orphans: Vec<Arc<Mutex<Watch>>> = Vec::new();
    let (victim, members) = (1, people.members.len());
    for (k, (member, http)) in people.members.iter().enumerate() {
        if k == members / 2 {
            orphans = watchers
                .iter()
                .filter(|w| lock(w).on == Some(victim))
                .cloned()
                .collect();
            // Timed from the signal: its viewers may be back before the kill is reaped.
            killed_at = Some(Instant::now());
            supervisor::kill(&mut running[victim]).await?;
        }
        let cookie = http.cookie().map(str::to_owned);
        let ballot_id = format!("mi-{vote}-{member}");
        let body =
            json!({"type": "CastBallot", "vote": vote, "choice": "for", "ballot_id": ballot_id});
        let mut home = k % 3;
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let mut client = Http::new(addrs[home], cookie.clone());
            let path = format!("/api/v1/meetings/{meeting}/commands");
            match tokio::time::timeout(Duration::from_secs(10), client.post_json(&path, &body))
                .await
            {
                Ok(Ok(reply)) if reply.status == 200 => {
                    acked.push(ballot_id);
                    break;
                }
                Ok(Ok(reply)) if reply.status != 503 => {
                    problems.push(format!(
                        "ballot {ballot_id}: {} {}",
                        reply.status,
                        String::from_utf8_lossy(&reply.body)
                    ));
                    break;
                }
                _ => home = (home + 1) % 3, // the balancer sends the retry elsewhere
            }
            if Instant::now() > deadline {
                problems.push(format!("ballot {ballot_id} never answered"));
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let killed_at = killed_at.expect("the kill happened");
    let head = fresh_view(addrs[0], &meeting, &sources).await?.0;
    let hold_deadline = Instant::now() + Duration::from_secs(60);
    while watchers.iter().any(|w| lock(w).seq != Some(head)) && Instant::now() < hold_deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let back: Vec<Duration> = orphans
        .iter()
        .filter_map(|w| {
            lock(w)
                .snapshots
                .iter()
                .find(|at| **at > killed_at)
                .map(|at| *at - killed_at)
        })
        .collect();
    let worst_back = back.iter().copied().max().unwrap_or_default();
    let not_back = orphans.len() - back.len();
    let behind = watchers
        .iter()
        .filter(|w| lock(w).seq != Some(head))
        .count();
    let closed = votes::close_vote(&mut people, &meeting, vote).await;
    if let Err(error) = closed {
        problems.push(format!("closing the vote: {error}"));
    }
    stop.store(true, Ordering::SeqCst);
    for task in tasks {
        task.abort();
    }

    // 3. The killed instance again.
    let mut again = supervisor::start(&spec(addrs[victim]), None).await?;
    supervisor::ready(addrs[victim], &mut again).await?;
    running[victim] = again;
    let reference = fresh_view(addrs[0], &meeting, &sources).await?;
    let restarted = fresh_view(addrs[victim], &meeting, &sources).await?;
    let caught_up = restarted == reference;

    let store = server::store::EventStore::connect(&args.database_url).await?;
    let id = MeetingId(meeting.clone());
    if let Err(error) = store.verify_chain(&id).await {
        problems.push(format!("hash chain: {error}"));
    }
    let log = store.load(&id).await?;
    for ballot in &acked {
        let times = log
            .iter()
            .filter(|s| matches!(&s.event, Event::BallotCast { ballot_id, .. } if ballot_id.as_str() == ballot))
            .count();
        if times != 1 {
            problems.push(format!(
                "acknowledged ballot {ballot} is in the log {times} times"
            ));
        }
    }
    for server in &mut running {
        supervisor::kill(server).await?;
    }

    let added = others.p99_ms - writer.p99_ms;
    let passed = problems.is_empty()
        && missing == 0
        && out_of_order == 0
        && not_back == 0
        && behind == 0
        && worst_back <= HOLD_WITHIN
        && caught_up
        && acked.len() == members;
    let report = json!({
        "instances": 3,
        "viewers": args.viewers,
        "changes": args.changes,
        "writer_instance": writer,
        "other_instances": others,
        "added_p99_ms": added,
        "missing": missing,
        "out_of_order": out_of_order,
        "ballots_acknowledged": acked.len(),
        "members": members,
        "orphaned_viewers": orphans.len(),
        "orphans_not_back": not_back,
        "worst_orphan_back_ms": worst_back.as_secs_f64() * 1e3,
        "viewers_behind_at_end": behind,
        "restarted_instance_caught_up": caught_up,
        "problems": problems,
        "passed": passed,
    });
    std::fs::write(&args.json, serde_json::to_string_pretty(&report)?)?;
    println!("| instances | figure |\n|---|---|");
    println!(
        "| delivery p99, writing instance A | {:.1} ms (p50 {:.1}, {} samples) |",
        writer.p99_ms, writer.p50_ms, writer.samples
    );
    println!(
        "| delivery p99, instances B and C | {:.1} ms (p50 {:.1}, {} samples) |",
        others.p99_ms, others.p50_ms, others.samples
    );
    println!("| added cross-instance p99 | {added:.1} ms |");
    println!("| B killed mid-vote: its {} viewers back on A/C, worst | {:.0} ms (not back: {not_back}) |", orphans.len(), worst_back.as_secs_f64() * 1e3);
    println!(
        "| ballots acknowledged / members; each once in the log | {} / {members}; problems {} |",
        acked.len(),
        report["problems"].as_array().map_or(0, Vec::len)
    );
    println!("| B restarted serves A's state | {caught_up} |");
    println!("| passed | {passed} |");
    for problem in report["problems"].as_array().into_iter().flatten() {
        println!("- {problem}");
    }
    Ok(passed)
}

/// What one failing-over viewer holds.
#[derive(Default)]
struct Watch {
    /// The instance it is connected to now.
    on: Option<usize>,
    seq: Option<u64>,
    snapshots: Vec<Instant>,
}

/// A viewer that starts on instance `home` and, when its connection ends, goes to the next instance.
async fn follow(
    addrs: Vec<SocketAddr>,
    mut home: usize,
    meeting: String,
    watch: Arc<Mutex<Watch>>,
    sources: Arc<Sources>,
    stop: Arc<AtomicBool>,
) {
    let path = format!("/ws/meetings/{meeting}");
    while !stop.load(Ordering::SeqCst) {
        let Ok(mut ws) = net::websocket(addrs[home], &path, None, &sources).await else {
            home = (home + 1) % addrs.len();
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let mut follower = Follower::new();
        let mut first = true;
        while let Some(Ok(frame)) = ws.next().await {
            let Message::Text(text) = frame else { continue };
            match follower.receive(&text) {
                Ok(Followed::View { seq, .. }) => {
                    let mut watch = lock(&watch);
                    if first {
                        watch.snapshots.push(Instant::now());
                        watch.on = Some(home);
                        first = false;
                    }
                    watch.seq = Some(seq);
                }
                Ok(Followed::Stale) => {}
                _ => break,
            }
        }
        lock(&watch).on = None;
        home = (home + 1) % addrs.len();
    }
}
