//! A fleet of websocket viewers of one meeting. Each viewer is a task that reads snapshots and patches, notes
//! the `seq` and the instant of each, and counts any that go backwards or patch a version it does not hold. The coordinator sets a target `seq` and waits
//! until every viewer has seen it; latencies are computed afterwards from the viewers' logs.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message;

use crate::net::{self, Sources};

/// At most this many receipts are kept per viewer (the burst sends ≤ 4/s for 60 s).
const LOG_CAP: usize = 4096;

/// What one viewer saw.
#[derive(Default)]
pub struct ViewerLog {
    pub receipts: Vec<(u64, Instant)>,
    pub messages: u64,
    pub out_of_order: u64,
    pub last_seq: Option<u64>,
    pub failed: bool,
}

/// Shared between the coordinator and the viewers of a fleet.
struct Probe {
    target: AtomicU64,
    reached: AtomicUsize,
    connected: AtomicUsize,
}

pub struct Fleet {
    pub meeting: String,
    logs: Vec<Arc<Mutex<ViewerLog>>>,
    tasks: Vec<JoinHandle<()>>,
    probe: Arc<Probe>,
}

/// How a fleet connected: the upgrade rate and how long until every viewer held its first snapshot.
pub struct Connected {
    pub viewers: usize,
    pub failed: usize,
    pub upgrades_per_sec: f64,
    pub all_upgraded: Duration,
}

impl Fleet {
    /// Connects `count` viewers of `meeting` (at most `parallel` handshakes in flight); returns once every
    /// upgrade completed or failed, or `limit` passed.
    pub async fn connect(
        target: SocketAddr,
        meeting: &str,
        cookie: Option<String>,
        count: usize,
        parallel: usize,
        sources: Arc<Sources>,
        limit: Duration,
    ) -> (Fleet, Connected) {
        let probe = Arc::new(Probe {
            target: AtomicU64::new(u64::MAX),
            reached: AtomicUsize::new(0),
            connected: AtomicUsize::new(0),
        });
        let gate = Arc::new(Semaphore::new(parallel.max(1)));
        let done = Arc::new(AtomicUsize::new(0));
        let path: Arc<str> = format!("/ws/meetings/{meeting}").into();
        let started = Instant::now();
        let mut logs = Vec::with_capacity(count);
        let mut tasks = Vec::with_capacity(count);
        for _ in 0..count {
            let log = Arc::new(Mutex::new(ViewerLog::default()));
            logs.push(log.clone());
            let (probe, gate, done, path, sources, cookie) = (
                probe.clone(),
                gate.clone(),
                done.clone(),
                path.clone(),
                sources.clone(),
                cookie.clone(),
            );
            tasks.push(crowd_runtime(cookie.is_none()).spawn(async move {
                let permit = gate.acquire_owned().await;
                let ws = net::websocket(target, &path, cookie.as_deref(), &sources).await;
                drop(permit);
                done.fetch_add(1, Ordering::Relaxed);
                match ws {
                    Ok(ws) => {
                        probe.connected.fetch_add(1, Ordering::Relaxed);
                        watch(ws, log, probe).await;
                    }
                    Err(_) => lock(&log).failed = true,
                }
            }));
        }
        let deadline = started + limit;
        while done.load(Ordering::Relaxed) < count && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let all_upgraded = started.elapsed();
        let connected = probe.connected.load(Ordering::Relaxed);
        let fleet = Fleet {
            meeting: meeting.to_owned(),
            logs,
            tasks,
            probe,
        };
        let report = Connected {
            viewers: count,
            failed: count - connected,
            upgrades_per_sec: connected as f64 / all_upgraded.as_secs_f64().max(1e-6),
            all_upgraded,
        };
        (fleet, report)
    }

    pub fn len(&self) -> usize {
        self.logs.len()
    }

    /// Arms the probe: from now on, viewers count themselves when they see `seq` or later.
    pub fn expect(&self, seq: u64) {
        self.probe.reached.store(0, Ordering::SeqCst);
        self.probe.target.store(seq, Ordering::SeqCst);
        // Viewers that already hold `seq` (it arrived before the acknowledgement) count too.
        let already = self
            .logs
            .iter()
            .filter(|l| lock(l).last_seq.is_some_and(|s| s >= seq))
            .count();
        self.probe.reached.fetch_add(already, Ordering::SeqCst);
    }

    /// Waits until every viewer has seen the target `seq` (or `limit` passes); returns how many did.
    /// The shared counter is only a cheap hint (it may count a viewer racing `expect` twice); the logs decide.
    pub async fn wait_all(&self, limit: Duration) -> usize {
        let deadline = Instant::now() + limit;
        let want = self.len();
        let target = self.probe.target.load(Ordering::SeqCst);
        loop {
            let hint = self.probe.reached.load(Ordering::SeqCst);
            if hint >= want || Instant::now() >= deadline {
                let holding = self.holding(target);
                if holding >= want || Instant::now() >= deadline {
                    return holding;
                }
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }

    /// How many viewers have seen `seq` or later.
    pub fn holding(&self, seq: u64) -> usize {
        self.logs
            .iter()
            .filter(|l| lock(l).last_seq.is_some_and(|s| s >= seq))
            .count()
    }

    /// Each viewer's delay from `from` to its first receipt of `seq` or later (`None`: never received).
    pub fn delays(&self, seq: u64, from: Instant) -> Vec<Option<Duration>> {
        self.logs
            .iter()
            .map(|l| {
                lock(l)
                    .receipts
                    .iter()
                    .find(|(s, _)| *s >= seq)
                    .map(|(_, at)| at.saturating_duration_since(from))
            })
            .collect()
    }

    /// Messages each viewer received after `since`.
    pub fn messages_since(&self, since: Instant) -> Vec<usize> {
        self.logs
            .iter()
            .map(|l| {
                lock(l)
                    .receipts
                    .iter()
                    .filter(|(_, at)| *at >= since)
                    .count()
            })
            .collect()
    }

    pub fn out_of_order(&self) -> u64 {
        self.logs.iter().map(|l| lock(l).out_of_order).sum()
    }

    /// Drops every connection at once, without a closing handshake (the reconnect storm's trigger).
    pub fn drop_all(self) {
        for task in &self.tasks {
            task.abort();
        }
    }

    /// Closes every connection and waits (bounded) for the tasks to end.
    pub async fn close(self) {
        for task in &self.tasks {
            task.abort();
        }
        for task in self.tasks {
            let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
        }
    }
}

/// The nice value of the crowd runtime's threads (`--crowd-nice`), set before the first crowd connects.
static CROWD_NICE: std::sync::atomic::AtomicI32 =
    std::sync::atomic::AtomicI32::new(server::config::DEFAULT_FANOUT_NICE);

pub fn set_crowd_nice(nice: i32) {
    CROWD_NICE.store(nice.clamp(0, 19), Ordering::Relaxed);
}

/// The crowd's nice value, which the floor's stand-in writers take too.
pub fn crowd_nice() -> i32 {
    CROWD_NICE.load(Ordering::Relaxed)
}

/// Public crowds run on the tool's own crowd runtime, so that a signed-in console (the chair's) and the
/// commands are not measured queued behind ten thousand public receipts in the tool's run queue, just as a
/// real chair's device is not behind the public's; for the same reason its threads run at a lower priority
/// (`--crowd-nice`, like the server's fan-out threads), so that on this one machine the operating system does
/// not make the chair's console wait for ten thousand simulated phones. Built on first use, two threads.
fn crowd_runtime(public: bool) -> tokio::runtime::Handle {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    if !public {
        return tokio::runtime::Handle::current();
    }
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("crowd")
                .on_thread_start(|| server::priority::lower_this_thread(crowd_nice()))
                .enable_all()
                .build()
                .expect("the crowd runtime starts")
        })
        .handle()
        .clone()
}

fn lock(log: &Mutex<ViewerLog>) -> std::sync::MutexGuard<'_, ViewerLog> {
    log.lock().unwrap_or_else(|e| e.into_inner())
}

/// One viewer's read loop. Pings are answered by tungstenite itself on the next read.
async fn watch(mut ws: net::Ws, log: Arc<Mutex<ViewerLog>>, probe: Arc<Probe>) {
    let mut counted_for = u64::MAX;
    while let Some(frame) = ws.next().await {
        let text = match frame {
            Ok(Message::Text(text)) => text,
            Ok(Message::Close(_)) | Err(_) => break,
            Ok(_) => continue,
        };
        let at = Instant::now();
        let Some(update) = net::live_update(&text) else {
            continue;
        };
        let seq = update.seq;
        {
            let mut log = lock(&log);
            log.messages += 1;
            // A patch must start from the version this viewer holds; a seq must only go forward.
            let broken = update.base.is_some_and(|base| log.last_seq != Some(base));
            if broken || log.last_seq.is_some_and(|last| seq <= last) {
                log.out_of_order += 1;
            } else {
                log.last_seq = Some(seq);
            }
            if log.receipts.len() < LOG_CAP {
                log.receipts.push((seq, at));
            }
        }
        let target = probe.target.load(Ordering::SeqCst);
        if seq >= target && counted_for != target {
            counted_for = target;
            probe.reached.fetch_add(1, Ordering::SeqCst);
        }
    }
    lock(&log).failed = true;
}
