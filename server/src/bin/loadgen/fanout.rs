//! Public fan-out scenarios: connecting a crowd (upgrade rate, memory per idle viewer), one state change at a
//! time to every viewer, the reconnect storm, and many meetings at once.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::fleet::{Connected, Fleet};
use crate::http::Http;
use crate::net::{self, Sources};
use crate::report::{Latency, Row};

/// Where the crowd connects and how.
#[derive(Clone)]
pub struct Target {
    /// `panelcast` or `naive`.
    pub name: &'static str,
    pub addr: SocketAddr,
    pub pid: Option<u32>,
    pub sources: Arc<Sources>,
    /// Websocket handshakes in flight at once.
    pub parallel: usize,
}

/// Bounds on every wait.
pub const CONNECT_LIMIT: Duration = Duration::from_secs(60);
pub const DELIVERY_LIMIT: Duration = Duration::from_secs(10);

pub async fn connect(target: &Target, meeting: &str, viewers: usize) -> (Fleet, Connected) {
    Fleet::connect(
        target.addr,
        meeting,
        None,
        viewers,
        target.parallel,
        target.sources.clone(),
        CONNECT_LIMIT,
    )
    .await
}

pub fn connect_row(target: &Target, connected: &Connected) -> Row {
    let mut row = Row::new("connect (upgrades/s)", target.name, connected.viewers);
    row.missing = connected.failed;
    row.figure = format!(
        "{:.0} upgrades/s ({:.2} s)",
        connected.upgrades_per_sec,
        connected.all_upgraded.as_secs_f64()
    );
    row
}

/// Memory per idle viewer: the server's RSS growth over `viewers` connections, after they settle.
pub async fn idle_memory(target: &Target, rss_before: Option<u64>, fleet: &Fleet) -> Row {
    if target.pid.is_some() {
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    let mut row = Row::new("idle viewer memory", target.name, fleet.len());
    let after = target.pid.and_then(net::rss_bytes);
    if let (Some(before), Some(after)) = (rss_before, after) {
        let per = after.saturating_sub(before) as f64 / fleet.len().max(1) as f64 / 1024.0;
        row.figure = format!(
            "{per:.1} KiB/viewer (RSS {:.0} -> {:.0} MiB)",
            before as f64 / 1048576.0,
            after as f64 / 1048576.0
        );
        if target.name == "panelcast" {
            row.target = "<= 8 KiB".into();
            row.pass = Some(per <= 8.0);
        }
    } else {
        row.figure = "no --pid given".into();
    }
    row
}

/// The command that makes one public change: the agenda moves forward, then back, alternately.
pub fn agenda_move(i: usize) -> serde_json::Value {
    if i.is_multiple_of(2) {
        json!({"type": "AdvanceAgenda"})
    } else {
        json!({"type": "GoBackAgenda"})
    }
}

/// `changes` single state changes, `spacing` apart; every viewer's delay from each acknowledgement.
pub async fn changes(
    fleet: &Fleet,
    chair: &mut Http,
    changes: usize,
    spacing: Duration,
) -> anyhow::Result<(Vec<Duration>, usize)> {
    let mut delays = Vec::with_capacity(fleet.len() * changes);
    let mut last = 0;
    for i in 0..changes {
        let seq = chair.command(&fleet.meeting, &agenda_move(i)).await?;
        let ack = Instant::now();
        fleet.expect(seq);
        fleet.wait_all(DELIVERY_LIMIT).await;
        delays.extend(fleet.delays(seq, ack).into_iter().flatten());
        last = seq;
        tokio::time::sleep(spacing).await;
    }
    let missing = fleet.len() - fleet.holding(last);
    Ok((delays, missing))
}

pub async fn fanout_row(
    target: &Target,
    fleet: &Fleet,
    chair: &mut Http,
    count: usize,
) -> anyhow::Result<Row> {
    let me = std::process::id();
    let cpu_before = target.pid.and_then(net::cpu_time).zip(net::cpu_time(me));
    let (delays, missing) = changes(fleet, chair, count, Duration::from_millis(400)).await?;
    let cpu_after = target.pid.and_then(net::cpu_time).zip(net::cpu_time(me));
    let mut row = Row::new(
        &format!("{} viewers, one change (x{count})", fleet.len()),
        target.name,
        fleet.len(),
    );
    row.latency = Some(Latency::of(delays));
    row.missing = missing;
    row.out_of_order = fleet.out_of_order();
    // CPU time per change, of the server and of this tool (both on this machine's cores): with a co-located
    // tool their sum divided by the cores bounds how fast the last viewer can be reached.
    row.figure = match (cpu_before, cpu_after) {
        (Some((server0, tool0)), Some((server1, tool1))) => {
            let per_change = |d: Duration| d.as_secs_f64() * 1000.0 / count.max(1) as f64;
            let server = per_change(server1.saturating_sub(server0));
            format!(
                "ack -> viewer; CPU per change: server {server:.0} ms ({:.1} us/viewer), tool {:.0} ms",
                server * 1000.0 / fleet.len().max(1) as f64,
                per_change(tool1.saturating_sub(tool0))
            )
        }
        _ => "ack -> viewer".into(),
    };
    Ok(row)
}

/// Every viewer drops at once, then all reconnect: the upgrade rate and the time until all are back on
/// the current `seq`, from the drop.
pub async fn storm(target: &Target, fleet: Fleet, current_seq: u64) -> (Fleet, Row) {
    let viewers = fleet.len();
    let meeting = fleet.meeting.clone();
    let dropped = Instant::now();
    fleet.drop_all();
    let (fleet, connected) = connect(target, &meeting, viewers).await;
    fleet.expect(current_seq);
    let in_sync = fleet.wait_all(DELIVERY_LIMIT).await;
    let synced_after = dropped.elapsed();
    let mut row = Row::new("reconnect storm", target.name, viewers);
    row.missing = viewers - in_sync;
    row.out_of_order = fleet.out_of_order();
    row.figure = format!(
        "{:.0} upgrades/s; all in sync after {:.2} s",
        connected.upgrades_per_sec,
        synced_after.as_secs_f64()
    );
    row.target = ">= 4000/s, <= 5 s".into();
    row.pass = Some(
        connected.upgrades_per_sec >= 4000.0
            && synced_after <= Duration::from_secs(5)
            && row.missing == 0,
    );
    (fleet, row)
}

/// What [`many_meetings`] measured: each meeting's delays, change by change (ack -> each viewer's receipt).
pub struct Changes {
    /// `per_meeting[m][c]`: meeting `m`'s `c`-th change, one delay per viewer that received it.
    pub per_meeting: Vec<Vec<Vec<Duration>>>,
    /// Viewers that never reached their meeting's final `seq`.
    pub missing: usize,
    pub out_of_order: u64,
}

impl Changes {
    /// Every delay of every meeting.
    pub fn all(&self) -> impl Iterator<Item = Duration> + '_ {
        self.per_meeting.iter().flatten().flatten().copied()
    }
}

/// Many meetings live at once: each meeting's chair moves the agenda `rounds` times; within a round the
/// meetings take turns `stagger` apart, as independent meetings would.
pub async fn many_meetings(
    fleets: Vec<Arc<Fleet>>,
    chair_cookie: Option<String>,
    addr: SocketAddr,
    rounds: usize,
    stagger: Duration,
) -> anyhow::Result<Changes> {
    let count = fleets.len() as u32;
    let start = Instant::now();
    let mut tasks = Vec::new();
    for (m, fleet) in fleets.iter().cloned().enumerate() {
        let cookie = chair_cookie.clone();
        let offset = stagger * m as u32;
        let round_length = stagger * count.max(1);
        tasks.push(tokio::spawn(async move {
            let mut chair = Http::new(addr, cookie);
            let mut changes = Vec::new();
            let mut last = 0;
            for round in 0..rounds {
                tokio::time::sleep_until((start + offset + round_length * round as u32).into())
                    .await;
                let seq = chair.command(&fleet.meeting, &agenda_move(round)).await?;
                let ack = Instant::now();
                fleet.expect(seq);
                fleet.wait_all(DELIVERY_LIMIT).await;
                changes.push(fleet.delays(seq, ack).into_iter().flatten().collect());
                last = seq;
            }
            let missing = fleet.len() - fleet.holding(last);
            anyhow::Ok((changes, missing))
        }));
    }
    let mut per_meeting = Vec::new();
    let mut missing = 0;
    for task in tasks {
        let (changes, lost) = task.await??;
        per_meeting.push(changes);
        missing += lost;
    }
    let out_of_order = fleets.iter().map(|f| f.out_of_order()).sum();
    Ok(Changes {
        per_meeting,
        missing,
        out_of_order,
    })
}
