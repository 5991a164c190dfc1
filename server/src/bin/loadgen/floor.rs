//! The loopback floor: how fast *any* server could reach a crowd on this machine with this tool reading.
//!
//! A stand-in server inside the tool accepts the crowd's websocket handshakes (same clients, same source
//! addresses, same read path as against Panelcast), then for each change writes one ~300-byte patch frame to
//! every connection with plain non-blocking `write` calls from two threads (one per core): no runtime, no
//! task wake-ups, no meeting logic, no JSON work. Its delivery latency and CPU per write are therefore a lower
//! bound for the real fan-out, set by the kernel's loopback TCP path and the co-located tool alone. The
//! 1,000- and 10,000-viewer targets are judged against it in BENCH.md.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;

use crate::fanout::{Target, DELIVERY_LIMIT};
use crate::net;
use crate::report::{Latency, Row};

/// Size of each frame's payload, about an agenda move's public patch.
const PAYLOAD: usize = 300;
/// Writer threads: one per core of this machine.
const WRITERS: usize = 2;

/// One change: the instant the writes began, and the writers' CPU time for them.
struct Written {
    began: Instant,
    cpu: Duration,
}

/// The stand-in server: a thread that accepts `viewers` handshakes, then writes a change per request.
struct Floor {
    addr: SocketAddr,
    changes: mpsc::Sender<(u64, oneshot::Sender<Written>)>,
}

impl Floor {
    fn start(viewers: usize) -> anyhow::Result<Floor> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let (changes, requests) = mpsc::channel::<(u64, oneshot::Sender<Written>)>();
        thread::Builder::new()
            .name("floor-accept".into())
            .spawn(move || {
                let mut crowd = Vec::with_capacity(viewers);
                while crowd.len() < viewers {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            if let Ok(stream) = handshake(stream) {
                                crowd.push(stream);
                            }
                        }
                        Err(_) => return,
                    }
                }
                for (seq, done) in requests {
                    let _ = done.send(write_change(&crowd, seq));
                }
            })?;
        Ok(Floor { addr, changes })
    }

    async fn change(&self, seq: u64) -> anyhow::Result<Written> {
        let (done, written) = oneshot::channel();
        self.changes.send((seq, done))?;
        Ok(written.await?)
    }
}

/// Answers one client handshake (RFC 6455 §4.2.2) and sends the first snapshot, `seq` 1; the connection is
/// non-blocking afterwards.
fn handshake(mut stream: TcpStream) -> anyhow::Result<TcpStream> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut request = Vec::with_capacity(512);
    let mut buf = [0u8; 512];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf)?;
        anyhow::ensure!(n > 0 && request.len() < 8192, "bad handshake");
        request.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&request);
    let key = text
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("sec-websocket-key")
                .then(|| value.trim().to_owned())
        })
        .ok_or_else(|| anyhow::anyhow!("no key"))?;
    let response = format!(
        "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\
         Sec-WebSocket-Accept: {}\r\n\r\n",
        derive_accept_key(key.as_bytes())
    );
    stream.write_all(response.as_bytes())?;
    stream.write_all(&frame(r#"{"type":"snapshot","seq":1,"view":{}}"#))?;
    stream.set_nodelay(true)?;
    stream.set_nonblocking(true)?;
    Ok(stream)
}

/// An unmasked final text frame.
fn frame(text: &str) -> Vec<u8> {
    let len = text.len();
    let mut out = Vec::with_capacity(len + 4);
    out.push(0x81);
    if len < 126 {
        out.push(len as u8);
    } else {
        out.push(126);
        out.extend_from_slice(&(len as u16).to_be_bytes());
    }
    out.extend_from_slice(text.as_bytes());
    out
}

/// The patch frame taking a viewer from `seq - 1` to `seq`, padded to [`PAYLOAD`] bytes.
fn patch_frame(seq: u64) -> Vec<u8> {
    let head = format!(
        r#"{{"type":"patch","seq":{seq},"base":{},"ops":[{{"op":"replace","path":"/current","value":""#,
        seq - 1
    );
    let tail = r#""}]}"#;
    let pad = PAYLOAD.saturating_sub(head.len() + tail.len());
    frame(&format!("{head}{}{tail}", "x".repeat(pad)))
}

/// Writes the frame to every connection, split over [`WRITERS`] threads; returns when all are written.
fn write_change(crowd: &[TcpStream], seq: u64) -> Written {
    let bytes = patch_frame(seq);
    let began = Instant::now();
    let share = crowd.len().div_ceil(WRITERS).max(1);
    let cpu = thread::scope(|scope| {
        let writers: Vec<_> = crowd
            .chunks(share)
            .map(|part| {
                let bytes = &bytes;
                scope.spawn(move || {
                    let start = thread_cpu();
                    for mut stream in part {
                        write_all_nonblocking(&mut stream, bytes);
                    }
                    thread_cpu().saturating_sub(start)
                })
            })
            .collect();
        writers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .sum()
    });
    Written { began, cpu }
}

/// A 300-byte frame fits any socket buffer at once; if one ever does not, retry briefly, then give up on
/// that viewer (it then shows as missing).
fn write_all_nonblocking(stream: &mut &TcpStream, mut bytes: &[u8]) {
    let deadline = Instant::now() + Duration::from_secs(1);
    while !bytes.is_empty() && Instant::now() < deadline {
        match stream.write(bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == ErrorKind::WouldBlock => thread::yield_now(),
            Err(_) => return,
        }
    }
}

fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// `changes` changes to `viewers` viewers of the stand-in; one row with the latency from the first write to
/// each viewer's receipt, the writers' CPU per write and the tool's CPU per change.
pub async fn row(target: &Target, viewers: usize, changes: usize) -> anyhow::Result<Row> {
    let floor = Floor::start(viewers)?;
    let stand_in = Target {
        name: "floor",
        addr: floor.addr,
        pid: None,
        ..target.clone()
    };
    let (fleet, connected) = crate::fanout::connect(&stand_in, "floor", viewers).await;
    anyhow::ensure!(
        connected.failed == 0,
        "{} of {viewers} floor viewers failed to connect",
        connected.failed
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let me = std::process::id();
    let mut delays = Vec::with_capacity(viewers * changes);
    let mut writer_cpu = Duration::ZERO;
    let tool_before = net::cpu_time(me);
    let mut last = 1;
    for seq in 2..2 + changes as u64 {
        fleet.expect(seq);
        let written = floor.change(seq).await?;
        fleet.wait_all(DELIVERY_LIMIT).await;
        delays.extend(fleet.delays(seq, written.began).into_iter().flatten());
        writer_cpu += written.cpu;
        last = seq;
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    // The tool's process CPU includes the stand-in's writers; take them out.
    let tool = net::cpu_time(me)
        .zip(tool_before)
        .map(|(after, before)| after.saturating_sub(before).saturating_sub(writer_cpu));
    let per_change = |d: Duration| d.as_secs_f64() * 1000.0 / changes.max(1) as f64;
    let mut row = Row::new(
        &format!("loopback floor, {viewers} viewers (x{changes})"),
        "floor",
        viewers,
    );
    row.latency = Some(Latency::of(delays));
    row.missing = viewers - fleet.holding(last);
    row.out_of_order = fleet.out_of_order();
    row.figure = format!(
        "raw writes, {WRITERS} threads, {PAYLOAD} B: writers {:.0} ms per change ({:.1} us/write), tool {}",
        per_change(writer_cpu),
        writer_cpu.as_secs_f64() * 1e6 / (viewers * changes).max(1) as f64,
        tool.map(|t| format!("{:.0} ms", per_change(t)))
            .unwrap_or_else(|| "?".into())
    );
    fleet.close().await;
    drop(floor);
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::{frame, patch_frame, PAYLOAD};
    use crate::net::{live_update, Update};

    #[test]
    fn a_patch_frame_is_one_text_frame_of_the_payload_size_the_tool_reads() {
        let bytes = patch_frame(7);
        assert_eq!(bytes[0], 0x81);
        assert_eq!(bytes[1], 126);
        let len = u16::from_be_bytes([bytes[2], bytes[3]]) as usize;
        assert_eq!(len, PAYLOAD);
        assert_eq!(bytes.len(), 4 + PAYLOAD);
        let text = std::str::from_utf8(&bytes[4..]).expect("utf-8");
        assert_eq!(
            live_update(text),
            Some(Update {
                seq: 7,
                base: Some(6)
            })
        );
        assert!(serde_json::from_str::<serde_json::Value>(text).is_ok());
        assert_eq!(frame("hi"), vec![0x81, 2, b'h', b'i']);
    }
}
