//! Sockets for the load tool: a raised open-file limit, client connections spread over several loopback
//! source addresses (so 10,000+ connections do not exhaust one address's ephemeral ports), and websocket
//! clients with deliberately small buffers (tungstenite zero-fills its whole read buffer on every read).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context;
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::tungstenite::{
    client::IntoClientRequest, http::HeaderValue, protocol::WebSocketConfig,
};
use tokio_tungstenite::WebSocketStream;

pub type Ws = WebSocketStream<TcpStream>;

/// Raises `RLIMIT_NOFILE` to its hard limit; returns the soft limit now in force.
pub fn raise_fd_limit() -> u64 {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => limit,
        Err(error) => {
            eprintln!("warning: could not raise the open-file limit: {error}");
            rlimit::getrlimit(rlimit::Resource::NOFILE)
                .map(|(soft, _)| soft)
                .unwrap_or(1024)
        }
    }
}

/// Round-robin source addresses 127.0.0.2 ..= 127.0.0.(1+count) for IPv4 loopback targets.
pub struct Sources {
    count: usize,
    next: AtomicUsize,
}

impl Sources {
    pub fn new(count: usize) -> Self {
        Self {
            count: count.clamp(1, 250),
            next: AtomicUsize::new(0),
        }
    }

    fn pick(&self, target: &SocketAddr) -> Option<IpAddr> {
        match target.ip() {
            IpAddr::V4(ip) if ip.is_loopback() => {
                let i = self.next.fetch_add(1, Ordering::Relaxed) % self.count;
                Some(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2 + i as u8)))
            }
            _ => None,
        }
    }
}

/// Only loopback targets: the load tool never sends traffic off this machine.
pub fn check_loopback(addr: &SocketAddr) -> anyhow::Result<()> {
    anyhow::ensure!(
        addr.ip().is_loopback(),
        "the load tool only targets loopback addresses, not {addr}"
    );
    Ok(())
}

/// A TCP connection to `target` from the next source address.
pub async fn tcp(target: SocketAddr, sources: &Sources) -> anyhow::Result<TcpStream> {
    check_loopback(&target)?;
    let socket = if target.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    if let Some(source) = sources.pick(&target) {
        socket.bind(SocketAddr::new(source, 0))?;
    }
    let stream = socket.connect(target).await?;
    stream.set_nodelay(true)?;
    Ok(stream)
}

/// The client side's buffers. tungstenite zero-fills its whole read buffer before every read, so its size is a
/// per-message cost paid on this machine's cores (shared with the server under test): after the first
/// snapshot (~11 KB, three reads), public viewers get patches of a few hundred bytes, so 4 KiB.
fn client_config() -> WebSocketConfig {
    WebSocketConfig::default()
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_message_size(Some(4 << 20))
        .max_frame_size(Some(4 << 20))
}

/// Opens a websocket to `ws://{target}{path}` with an optional session cookie.
pub async fn websocket(
    target: SocketAddr,
    path: &str,
    cookie: Option<&str>,
    sources: &Sources,
) -> anyhow::Result<Ws> {
    let stream = tcp(target, sources).await?;
    let mut request = format!("ws://{target}{path}")
        .into_client_request()
        .context("websocket request")?;
    if let Some(cookie) = cookie {
        request
            .headers_mut()
            .insert("Cookie", HeaderValue::from_str(cookie)?);
    }
    let (ws, _) =
        tokio_tungstenite::client_async_with_config(request, stream, Some(client_config()))
            .await
            .context("websocket handshake")?;
    Ok(ws)
}

/// A live message as the load tool sees it: its `seq`, and for a patch the version it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Update {
    pub seq: u64,
    pub base: Option<u64>,
}

/// Reads `{"type":"snapshot","seq":N,…}` or `{"type":"patch","seq":N,"base":B,…}` from the first bytes,
/// without parsing the view (the server writes the fields in this order).
pub fn live_update(text: &str) -> Option<Update> {
    let head = text.get(..80.min(text.len()))?;
    let seq = number_after(head, r#""seq":"#)?;
    if head.starts_with(r#"{"type":"snapshot""#) {
        Some(Update { seq, base: None })
    } else if head.starts_with(r#"{"type":"patch""#) {
        Some(Update {
            seq,
            base: Some(number_after(head, r#""base":"#)?),
        })
    } else {
        None
    }
}

fn number_after(head: &str, key: &str) -> Option<u64> {
    let digits = &head[head.find(key)? + key.len()..];
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok()
}

/// Resident set size of a process in bytes (`VmRSS` in `/proc/{pid}/status`).
pub fn rss_bytes(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// CPU time a process has used so far, user plus system (`utime` + `stime` in `/proc/{pid}/stat`, in clock
/// ticks). Unlike wall-clock latency it does not depend on what else the machine is doing.
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // `after` starts at field 3 (state): utime is field 14, stime field 15.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(from_clock_ticks(ticks))
}

/// `/proc`'s CPU times are in clock ticks (`USER_HZ`).
fn from_clock_ticks(ticks: u64) -> Duration {
    let per_second = rustix::param::clock_ticks_per_second().max(1);
    Duration::from_micros(ticks * 1_000_000 / per_second)
}

/// CPU time the hypervisor took from this virtual machine so far, all CPUs (`steal`, the 8th figure of
/// `/proc/stat`'s `cpu` line): on a shared host, time the measured servers wanted and did not get.
pub fn steal_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let ticks: u64 = stat
        .lines()
        .next()?
        .strip_prefix("cpu ")?
        .split_whitespace()
        .nth(7)?
        .parse()
        .ok()?;
    Some(from_clock_ticks(ticks))
}

/// Host steal over a phase of the run, as a share of the machine's CPU time.
pub struct Steal {
    started: std::time::Instant,
    stolen: Option<Duration>,
}

impl Steal {
    pub fn start() -> Self {
        Self {
            started: std::time::Instant::now(),
            stolen: steal_time(),
        }
    }

    /// `"; host steal 1.2 % of CPU"` since `start`, or nothing where `/proc/stat` has no steal figure.
    pub fn note(&self) -> String {
        let (Some(before), Some(after)) = (self.stolen, steal_time()) else {
            return String::new();
        };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
        let share = (after - before).as_secs_f64() / (self.started.elapsed().as_secs_f64() * cores);
        format!("; host steal {:.1} % of CPU", 100.0 * share)
    }
}

#[cfg(test)]
mod tests {
    use super::{live_update, Update};

    #[test]
    fn reads_the_seq_of_a_snapshot_and_the_base_of_a_patch() {
        assert_eq!(
            live_update(r#"{"type":"snapshot","seq":42,"view":{}}"#),
            Some(Update {
                seq: 42,
                base: None
            })
        );
        assert_eq!(
            live_update(r#"{"type":"patch","seq":43,"base":42,"ops":[]}"#),
            Some(Update {
                seq: 43,
                base: Some(42)
            })
        );
        assert_eq!(live_update(r#"{"type":"closing","reason":"x"}"#), None);
    }

    #[test]
    fn reads_the_machines_steal_time_which_never_goes_back() {
        let Some(before) = super::steal_time() else {
            return; // not Linux, or a kernel without the figure: the note is then left out
        };
        let after = super::steal_time().expect("read once, read again");
        assert!(after >= before);
        assert!(super::Steal::start().note().starts_with("; host steal "));
    }

    #[test]
    fn reads_this_process_cpu_time_which_grows_with_work() {
        let pid = std::process::id();
        let before = super::cpu_time(pid).expect("cpu time of this process");
        let mut x = 0u64;
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_millis(60) {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
        }
        std::hint::black_box(x);
        let after = super::cpu_time(pid).expect("cpu time");
        assert!(after > before, "{before:?} -> {after:?}");
    }
}
