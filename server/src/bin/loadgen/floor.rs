//! The loopback floor: how fast *any* server could reach a crowd on this machine with this tool reading.
//!
//! A stand-in server inside the tool accepts the crowd's websocket handshakes (same clients, same source
//! addresses, same read path as against Panelcast), then for each change writes one ~300-byte patch frame to
//! every connection with plain non-blocking `write` calls from two threads (one per core): no runtime, no
//! task wake-ups, no meeting logic, no JSON work (at the crowd's priority, `--crowd-nice`, which
//! `scripts/bench.sh` sets to the server's fan-out priority). Its delivery latency and CPU per write are
//! therefore a lower bound for the real fan-out, set by the kernel's loopback TCP path and the co-located
//! tool alone. The 1,000- and 10,000-viewer targets are judged against it in BENCH.md.

use std::io::{ErrorKind, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::Stdio;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;

use crate::fanout::{Target, CONNECT_LIMIT, DELIVERY_LIMIT};
use crate::net;
use crate::report::{Latency, Row};

/// Size of each frame's payload, about an agenda move's public patch.
const PAYLOAD: usize = 300;
/// Writer threads: one per core of this machine, like Panelcast's fan-out runtime.
const WRITERS: usize = 2;

/// The stand-in server, run as a child process of the tool (`loadgen floor-serve`) so that, like a real
/// server, it has its own descriptors and its own CPU time. Protocol on its stdin/stdout, one line each:
/// it prints `listening <addr>`, then `ready` once `viewers` handshakes are done; each `change <seq>` it
/// answers with `done` when the frame has been written to every viewer. It ends at the end of its stdin.
/// Its writer threads run at `nice`.
pub fn serve(viewers: usize, nice: i32) -> anyhow::Result<()> {
    net::raise_fd_limit();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let crowd = runtime.block_on(accept(viewers))?;
    println!("ready");
    for line in std::io::stdin().lines() {
        let line = line?;
        let seq: u64 = line
            .strip_prefix("change ")
            .and_then(|n| n.trim().parse().ok())
            .ok_or_else(|| anyhow::anyhow!("bad request {line:?}"))?;
        write_change(&crowd, seq, nice);
        println!("done");
    }
    Ok(())
}

/// Listens (deep backlog), prints the address, and completes `viewers` handshakes.
async fn accept(viewers: usize) -> anyhow::Result<Vec<TcpStream>> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind("127.0.0.1:0".parse()?)?;
    let listener = socket.listen(4096)?;
    println!("listening {}", listener.local_addr()?);
    let mut handshakes = tokio::task::JoinSet::new();
    let mut crowd = Vec::with_capacity(viewers);
    while crowd.len() < viewers {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _) = accepted?;
                handshakes.spawn(handshake(stream));
            }
            Some(done) = handshakes.join_next() => {
                if let Ok(Ok(stream)) = done {
                    crowd.push(stream);
                }
            }
        }
    }
    Ok(crowd)
}

/// Answers one client handshake (RFC 6455 §4.2.2) and sends the first snapshot, `seq` 1; hands the
/// connection back as a non-blocking std stream.
async fn handshake(mut stream: tokio::net::TcpStream) -> anyhow::Result<TcpStream> {
    let mut request = Vec::with_capacity(512);
    let mut buf = [0u8; 512];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf)).await??;
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
    stream.write_all(response.as_bytes()).await?;
    stream
        .write_all(&frame(r#"{"type":"snapshot","seq":1,"view":{}}"#))
        .await?;
    stream.set_nodelay(true)?;
    // A tokio stream is already non-blocking; the std stream keeps that mode.
    Ok(stream.into_std()?)
}

/// An unmasked final text frame, with the server's own frame header.
fn frame(text: &str) -> Vec<u8> {
    let (head, used) = server::ws::frame_head(0x1, text.len());
    [&head[..used], text.as_bytes()].concat()
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

/// Writes the frame to every connection, split over [`WRITERS`] threads at `nice`; returns when all are
/// written.
fn write_change(crowd: &[TcpStream], seq: u64, nice: i32) {
    let bytes = patch_frame(seq);
    let share = crowd.len().div_ceil(WRITERS).max(1);
    thread::scope(|scope| {
        for part in crowd.chunks(share) {
            let bytes = &bytes;
            scope.spawn(move || {
                // The same priority as Panelcast's fan-out threads and the tool's crowd, so the stand-in
                // does not win the cores from the readers that a real server would share them with.
                server::priority::lower_this_thread(nice);
                for mut stream in part {
                    write_all_nonblocking(&mut stream, bytes);
                }
            });
        }
    });
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

/// The tool's side of the stand-in: the child process and its stdin/stdout.
struct Floor {
    child: tokio::process::Child,
    requests: tokio::process::ChildStdin,
    replies: tokio::io::Lines<BufReader<tokio::process::ChildStdout>>,
}

impl Floor {
    async fn start(viewers: usize) -> anyhow::Result<(Floor, SocketAddr)> {
        let mut child = tokio::process::Command::new(std::env::current_exe()?)
            .args(["floor-serve", "--viewers", &viewers.to_string()])
            .args(["--nice", &crate::fleet::crowd_nice().to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        let requests = child.stdin.take().context("child stdin")?;
        let mut replies = BufReader::new(child.stdout.take().context("child stdout")?).lines();
        let addr = Self::reply(&mut replies)
            .await?
            .strip_prefix("listening ")
            .context("the stand-in did not say where it listens")?
            .parse()?;
        Ok((
            Floor {
                child,
                requests,
                replies,
            },
            addr,
        ))
    }

    async fn reply(
        replies: &mut tokio::io::Lines<BufReader<tokio::process::ChildStdout>>,
    ) -> anyhow::Result<String> {
        tokio::time::timeout(CONNECT_LIMIT, replies.next_line())
            .await
            .context("the stand-in did not answer in time")??
            .context("the stand-in ended")
    }

    async fn expect(&mut self, word: &str) -> anyhow::Result<()> {
        let line = Self::reply(&mut self.replies).await?;
        anyhow::ensure!(line == word, "the stand-in said {line:?}, not {word:?}");
        Ok(())
    }

    /// Asks for a change; returns when its request is sent (the delivery clock starts here).
    async fn change(&mut self, seq: u64) -> anyhow::Result<Instant> {
        let began = Instant::now();
        self.requests
            .write_all(format!("change {seq}\n").as_bytes())
            .await?;
        self.requests.flush().await?;
        Ok(began)
    }
}

/// `changes` changes to `viewers` viewers of the stand-in; one row with the latency from each request to
/// each viewer's receipt, the stand-in's CPU per write and the tool's CPU per change.
pub async fn row(target: &Target, viewers: usize, changes: usize) -> anyhow::Result<Row> {
    let (mut floor, addr) = Floor::start(viewers).await?;
    let stand_in = Target {
        name: "floor",
        addr,
        pid: floor.child.id(),
        ..target.clone()
    };
    let (fleet, connected) = crate::fanout::connect(&stand_in, "floor", viewers).await;
    anyhow::ensure!(
        connected.failed == 0,
        "{} of {viewers} floor viewers failed to connect",
        connected.failed
    );
    floor.expect("ready").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let me = std::process::id();
    let cpu = || stand_in.pid.and_then(net::cpu_time).zip(net::cpu_time(me));
    let before = cpu();
    let mut delays = Vec::with_capacity(viewers * changes);
    let mut last = 1;
    for seq in 2..2 + changes as u64 {
        fleet.expect(seq);
        let began = floor.change(seq).await?;
        floor.expect("done").await?;
        fleet.wait_all(DELIVERY_LIMIT).await;
        delays.extend(fleet.delays(seq, began).into_iter().flatten());
        last = seq;
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    let after = cpu();
    let per_change = |d: Duration| d.as_secs_f64() * 1000.0 / changes.max(1) as f64;
    let mut row = Row::new(
        &format!("loopback floor, {viewers} viewers (x{changes})"),
        "floor",
        viewers,
    );
    row.latency = Some(Latency::of(delays));
    row.missing = viewers - fleet.holding(last);
    row.out_of_order = fleet.out_of_order();
    row.figure = match before.zip(after) {
        Some(((writer0, tool0), (writer1, tool1))) => {
            let writer = writer1.saturating_sub(writer0);
            format!(
                "raw writes, {WRITERS} threads, {PAYLOAD} B: stand-in CPU {:.0} ms per change ({:.1} us/write), tool {:.0} ms",
                per_change(writer),
                writer.as_secs_f64() * 1e6 / (viewers * changes).max(1) as f64,
                per_change(tool1.saturating_sub(tool0))
            )
        }
        None => format!("raw writes, {WRITERS} threads, {PAYLOAD} B"),
    };
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
