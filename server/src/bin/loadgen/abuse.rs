//! The abuse scenario: ballots timed from submission to the chair's console, first on a quiet server, then
//! while a flood of junk sign-ins (random single-use tokens posted to `/sign-in`, 2,000 a second by default,
//! all from one client address as one attacker's would be) hits the same server. The sign-in rate limit
//! (`PANELCAST_RATE_SIGN_IN_PER_MINUTE`) answers most of the flood with 429 before the database is asked; the
//! figure is the chair's path (ballot p95 and p99) with and without the flood.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use hyper::Method;

use crate::fanout::{Target, CONNECT_LIMIT};
use crate::fleet::Fleet;
use crate::http::Http;
use crate::report::Row;
use crate::setup::People;
use crate::votes;

/// How the flood's requests were answered.
#[derive(Default)]
struct Flood {
    sent: AtomicU64,
    limited: AtomicU64,
    refused: AtomicU64,
    failed: AtomicU64,
}

/// Tasks sending the flood, each on its own keep-alive connection.
const FLOOD_TASKS: u64 = 64;

/// The two rows: the chair's path without and with the flood.
pub async fn rows(
    target: &Target,
    people: &mut People,
    meeting: &str,
    flood_per_sec: f64,
    ballots: usize,
) -> anyhow::Result<Vec<Row>> {
    let (chair, _) = Fleet::connect(
        target.addr,
        meeting,
        people.chair.cookie().map(str::to_owned),
        1,
        1,
        target.sources.clone(),
        CONNECT_LIMIT,
    )
    .await;
    let (public, _) = Fleet::connect(
        target.addr,
        meeting,
        None,
        0,
        1,
        target.sources.clone(),
        CONNECT_LIMIT,
    )
    .await;
    let duration = Duration::from_millis(100) * ballots as u32;
    let mut quiet = votes::chair_path(target, people, &public, &chair, 10.0, duration).await?;
    quiet.scenario = "abuse: ballot -> chair console, no flood".into();
    quiet.target = "p95 reported; p99 <= 20 ms".into();

    let flood = Arc::new(Flood::default());
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let senders: Vec<_> = (0..FLOOD_TASKS)
        .map(|task| {
            let (flood, stop) = (flood.clone(), stop.clone());
            let every = Duration::from_secs_f64(FLOOD_TASKS as f64 / flood_per_sec.max(1.0));
            let addr = target.addr;
            tokio::spawn(async move {
                let mut http = Http::new(addr, None);
                let mut tick = tokio::time::interval(every);
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
                let mut n = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    tick.tick().await;
                    n += 1;
                    let body = Bytes::from(format!(
                        "token=junk{task:02}{n:012}{:016x}",
                        fastrand::u64(..)
                    ));
                    let reply = http
                        .request(
                            Method::POST,
                            "/sign-in",
                            Some("application/x-www-form-urlencoded"),
                            body,
                        )
                        .await;
                    flood.sent.fetch_add(1, Ordering::Relaxed);
                    match reply {
                        Ok(reply) if reply.status == 429 => {
                            flood.limited.fetch_add(1, Ordering::Relaxed)
                        }
                        Ok(_) => flood.refused.fetch_add(1, Ordering::Relaxed),
                        Err(_) => {
                            http = Http::new(addr, None);
                            flood.failed.fetch_add(1, Ordering::Relaxed)
                        }
                    };
                }
            })
        })
        .collect();
    // Let the flood reach its rate before the ballots are timed.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let flooded = votes::chair_path(target, people, &public, &chair, 10.0, duration).await;
    stop.store(true, Ordering::Relaxed);
    for sender in senders {
        let _ = tokio::time::timeout(Duration::from_secs(5), sender).await;
    }
    let seconds = started.elapsed().as_secs_f64();
    let mut flooded = flooded?;
    let count = |c: &AtomicU64| c.load(Ordering::Relaxed);
    flooded.scenario =
        format!("abuse: ballot -> chair console, {flood_per_sec:.0} junk sign-ins/s");
    flooded.figure = format!(
        "{}; flood {:.0}/s sent ({} in {seconds:.0} s): {} answered 429, {} other refusals, {} failed",
        flooded.figure,
        count(&flood.sent) as f64 / seconds,
        count(&flood.sent),
        count(&flood.limited),
        count(&flood.refused),
        count(&flood.failed),
    );
    flooded.target = "p95 reported; p99 <= 20 ms".into();
    chair.close().await;
    Ok(vec![quiet, flooded])
}
