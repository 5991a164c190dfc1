//! Viewers that reconnect: public websocket viewers spread over the meetings, each following the live wire
//! as the browser does (`app::protocol::Follower`: snapshots and patches), reconnecting every 50 ms while the
//! server is down, and noting when each connection's first snapshot arrived.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::meeting::MeetingView;
use app::protocol::{Followed, Follower};
use futures_util::StreamExt;
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message;

use super::journal::lock;
use crate::net::{self, Sources};

/// What one viewer holds and when it (re)connected.
#[derive(Default)]
pub struct Seen {
    pub seq: Option<u64>,
    pub view: Option<Box<MeetingView>>,
    /// When each connection's first snapshot arrived.
    pub snapshots: Vec<Instant>,
    /// Messages that could not be followed (each ends that connection).
    pub broken: u64,
}

pub struct Viewers {
    pub seen: Vec<(String, Arc<Mutex<Seen>>)>,
    tasks: Vec<JoinHandle<()>>,
    stop: Arc<AtomicBool>,
}

impl Viewers {
    /// Starts `count` viewers, meeting by meeting in turn.
    pub fn start(
        addr: SocketAddr,
        meetings: &[String],
        count: usize,
        sources: Arc<Sources>,
    ) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let mut seen = Vec::new();
        let mut tasks = Vec::new();
        for i in 0..count {
            let meeting = meetings[i % meetings.len()].clone();
            let state = Arc::new(Mutex::new(Seen::default()));
            seen.push((meeting.clone(), state.clone()));
            let (stop, sources) = (stop.clone(), sources.clone());
            tasks.push(tokio::spawn(follow(addr, meeting, state, sources, stop)));
        }
        Self { seen, tasks, stop }
    }

    pub fn stop(self) {
        self.stop.store(true, Ordering::SeqCst);
        for task in self.tasks {
            task.abort();
        }
    }
}

/// One viewer: connect, follow until the connection ends, connect again.
async fn follow(
    addr: SocketAddr,
    meeting: String,
    seen: Arc<Mutex<Seen>>,
    sources: Arc<Sources>,
    stop: Arc<AtomicBool>,
) {
    let path = format!("/ws/meetings/{meeting}");
    while !stop.load(Ordering::SeqCst) {
        let Ok(mut ws) = net::websocket(addr, &path, None, &sources).await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let mut follower = Follower::new();
        let mut first = true;
        while let Some(Ok(frame)) = ws.next().await {
            let Message::Text(text) = frame else {
                continue;
            };
            match follower.receive(&text) {
                Ok(Followed::View { seq, view }) => {
                    let mut seen = lock(&seen);
                    if first {
                        seen.snapshots.push(Instant::now());
                        first = false;
                    }
                    seen.seq = Some(seq);
                    seen.view = Some(view);
                }
                Ok(Followed::Stale) => {}
                Ok(Followed::Closing(_)) => break,
                Err(_) => {
                    lock(&seen).broken += 1;
                    break;
                }
            }
        }
    }
}

/// The view a fresh public connection is given now: the reference every viewer must converge on.
pub async fn fresh_view(
    addr: SocketAddr,
    meeting: &str,
    sources: &Sources,
) -> anyhow::Result<(u64, serde_json::Value)> {
    let mut ws = net::websocket(addr, &format!("/ws/meetings/{meeting}"), None, sources).await?;
    let mut follower = Follower::new();
    while let Some(frame) = tokio::time::timeout(Duration::from_secs(10), ws.next()).await? {
        if let Message::Text(text) = frame? {
            if let Ok(Followed::View { seq, view }) = follower.receive(&text) {
                return Ok((seq, serde_json::to_value(&*view)?));
            }
        }
    }
    anyhow::bail!("no snapshot from {meeting}")
}

/// Waits (bounded) until every viewer holds its meeting's reference view; returns how long it took and
/// how many never did.
pub async fn converge(
    viewers: &Viewers,
    references: &[(String, u64, serde_json::Value)],
    from: Instant,
    limit: Duration,
) -> (Duration, usize) {
    loop {
        let behind = viewers
            .seen
            .iter()
            .filter(|(meeting, seen)| {
                let seen = lock(seen);
                let reference = references.iter().find(|(m, _, _)| m == meeting);
                match (reference, &seen.view) {
                    (Some((_, seq, view)), Some(held)) => {
                        seen.seq != Some(*seq)
                            || serde_json::to_value(&**held).ok().as_ref() != Some(view)
                    }
                    _ => true,
                }
            })
            .count();
        if behind == 0 || from.elapsed() >= limit {
            return (from.elapsed(), behind);
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}
