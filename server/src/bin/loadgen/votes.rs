//! Vote scenarios with the crowd connected: ballots from members' own sessions, timed from submission to
//! the chair's console (the chair's own websocket) updating; and a sustained burst of ballots, where the
//! public must be coalesced while every viewer still ends on the final state.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::fanout::{Target, DELIVERY_LIMIT};
use crate::fleet::Fleet;
use crate::net;
use crate::report::{Latency, Row};
use crate::setup::People;

/// Opens a general resolution on `meeting`; returns its vote number.
pub async fn open_vote(people: &mut People, meeting: &str) -> anyhow::Result<u64> {
    let open = json!({
        "type": "OpenVote",
        "kind": "general_resolution",
        "motion": "That the Panel notes the report (load test)",
    });
    people.chair.command(meeting, &open).await?;
    let view = people
        .chair
        .get(&format!("/api/v1/meetings/{meeting}"))
        .await?
        .json();
    let votes = view["view"]["votes"].as_array().map(Vec::len).unwrap_or(0);
    anyhow::ensure!(votes > 0, "the vote opened");
    Ok(votes as u64)
}

pub async fn close_vote(people: &mut People, meeting: &str, vote: u64) -> anyhow::Result<u64> {
    people
        .chair
        .command(meeting, &json!({"type": "CloseVote", "vote": vote}))
        .await
}

/// Ballot `k` of a run: members in turn, alternating For and Against, each with a fresh ballot id (a new id
/// replaces that member's earlier ballot until the vote closes).
async fn cast(
    people: &mut People,
    meeting: &str,
    vote: u64,
    k: usize,
) -> anyhow::Result<(Instant, u64)> {
    let n = people.members.len();
    let (_, member) = &mut people.members[k % n];
    let choice = if (k / n).is_multiple_of(2) {
        "for"
    } else {
        "against"
    };
    let ballot = json!({
        "type": "CastBallot", "vote": vote, "choice": choice, "ballot_id": format!("lg-{vote}-{k}"),
    });
    let submitted = Instant::now();
    let seq = member.command(meeting, &ballot).await?;
    Ok((submitted, seq))
}

/// What a run of ballots measured.
struct Ballots {
    /// Submission → the chair's console showing the ballot, one per ballot.
    delays: Vec<Duration>,
    /// Submission → the member's own acknowledgement (the server's command path alone).
    acks: Vec<Duration>,
    /// The slowest ballot to reach the chair: its delay, and when it was submitted after the run started.
    worst: Option<(Duration, Duration)>,
    /// The server's RSS (bytes), one sample per second.
    rss: Vec<u64>,
}

impl Ballots {
    /// Where a slow chair delay came from: the command path (ack) or the delivery after it; and when the
    /// worst ballot was sent, to line it up with periodic work (metrics upkeep, public updates).
    fn figure(&self) -> String {
        let acks = Latency::of(self.acks.iter().copied());
        let worst = self
            .worst
            .map(|(delay, at)| {
                format!(
                    "; worst {:.1} ms at +{:.2} s",
                    delay.as_secs_f64() * 1e3,
                    at.as_secs_f64()
                )
            })
            .unwrap_or_default();
        format!(
            "{} ballots; member's ack p99 {:.1} ms, max {:.1}{worst}",
            self.delays.len(),
            acks.p99_ms,
            acks.max_ms
        )
    }
}

/// Ballots at `rate` per second for `duration` (bounded by count), each timed to its acknowledgement and to
/// the chair's console; the server's RSS sampled once per second.
async fn ballots(
    people: &mut People,
    chair: &Fleet,
    pid: Option<u32>,
    meeting: &str,
    vote: u64,
    rate: f64,
    duration: Duration,
) -> anyhow::Result<Ballots> {
    let count = (rate * duration.as_secs_f64()).round() as usize;
    let start = Instant::now();
    let mut run = Ballots {
        delays: Vec::with_capacity(count),
        acks: Vec::with_capacity(count),
        worst: None,
        rss: Vec::new(),
    };
    let mut next_sample = start;
    for k in 0..count {
        let due = start + Duration::from_secs_f64(k as f64 / rate);
        tokio::time::sleep_until(due.into()).await;
        let (submitted, seq) = cast(people, meeting, vote, k).await?;
        run.acks.push(submitted.elapsed());
        chair.expect(seq);
        if chair.wait_all(DELIVERY_LIMIT).await == 1 {
            for delay in chair.delays(seq, submitted).into_iter().flatten() {
                run.delays.push(delay);
                if run.worst.is_none_or(|(worst, _)| delay > worst) {
                    run.worst = Some((delay, submitted - start));
                }
            }
        }
        if Instant::now() >= next_sample {
            run.rss.extend(pid.and_then(net::rss_bytes));
            next_sample += Duration::from_secs(1);
        }
    }
    Ok(run)
}

/// Ballot submitted → chair's console updated, with the crowd connected.
pub async fn chair_path(
    target: &Target,
    people: &mut People,
    public: &Fleet,
    chair: &Fleet,
    ballots_per_sec: f64,
    duration: Duration,
) -> anyhow::Result<Row> {
    let meeting = public.meeting.clone();
    let vote = open_vote(people, &meeting).await?;
    let run = ballots(
        people,
        chair,
        target.pid,
        &meeting,
        vote,
        ballots_per_sec,
        duration,
    )
    .await?;
    let closed = close_vote(people, &meeting, vote).await?;
    public.expect(closed);
    let reached = public.wait_all(DELIVERY_LIMIT).await;
    let mut row = Row::new("ballot -> chair console", target.name, public.len());
    let latency = Latency::of(run.delays.iter().copied());
    row.pass = Some(latency.p99_ms <= 20.0 && latency.samples > 0);
    row.latency = Some(latency);
    row.missing = public.len() - reached;
    row.out_of_order = public.out_of_order() + chair.out_of_order();
    row.figure = format!("{} at {ballots_per_sec}/s", run.figure());
    row.target = "p99 <= 20 ms".into();
    Ok(row)
}

/// A sustained burst: public updates per viewer per second, RSS over the burst, final state for everyone.
pub async fn burst(
    target: &Target,
    people: &mut People,
    public: &Fleet,
    chair: &Fleet,
    ballots_per_sec: f64,
    duration: Duration,
) -> anyhow::Result<Vec<Row>> {
    let meeting = public.meeting.clone();
    let vote = open_vote(people, &meeting).await?;
    let since = Instant::now();
    let run = ballots(
        people,
        chair,
        target.pid,
        &meeting,
        vote,
        ballots_per_sec,
        duration,
    )
    .await?;
    let elapsed = since.elapsed().as_secs_f64();
    let received = public.messages_since(since);
    let closed = close_vote(people, &meeting, vote).await?;
    public.expect(closed);
    let reached = public.wait_all(DELIVERY_LIMIT).await;
    let max_rate = received.iter().copied().max().unwrap_or(0) as f64 / elapsed;
    let mean_rate = received.iter().sum::<usize>() as f64 / received.len().max(1) as f64 / elapsed;
    let mib = |b: u64| b as f64 / 1048576.0;
    let rss = &run.rss;
    let (first, last, peak) = (
        rss.first().copied().unwrap_or(0),
        rss.last().copied().unwrap_or(0),
        rss.iter().copied().max().unwrap_or(0),
    );
    let mut row = Row::new("ballot burst: public", target.name, public.len());
    row.missing = public.len() - reached;
    row.out_of_order = public.out_of_order();
    row.figure = format!(
        "{:.0} ballots in {elapsed:.0} s; public {mean_rate:.2}/s mean, {max_rate:.2}/s max; RSS {:.0} -> {:.0} MiB (peak {:.0})",
        ballots_per_sec * duration.as_secs_f64(),
        mib(first),
        mib(last),
        mib(peak)
    );
    row.target = "<= 4/s, RSS flat, all final".into();
    let flat = last <= first + first / 10 + (16 << 20);
    row.pass = Some(max_rate <= 4.0 && row.missing == 0 && flat);
    let mut chair_row = Row::new("ballot burst: chair console", target.name, public.len());
    let latency = Latency::of(run.delays.iter().copied());
    chair_row.pass = Some(latency.p99_ms <= 20.0 && latency.samples > 0);
    chair_row.latency = Some(latency);
    chair_row.out_of_order = chair.out_of_order();
    chair_row.figure = run.figure();
    chair_row.target = "p99 <= 20 ms".into();
    Ok(vec![row, chair_row])
}
