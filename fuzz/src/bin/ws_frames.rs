//! The websocket frames a public viewer sends (the server's `ws/frames.rs`, RFC 6455 §5). The first byte of the
//! input chooses how the rest is cut into reads (as a socket may deliver it); the parser must never panic, and
//! its verdict must not depend on the cut: the first `Close` or `Malformed` it reports read by read is what it
//! reports for the same bytes in one read. `ws_frames --seeds DIR` writes the seed corpus: pongs, closes, a
//! text frame, and what RFC 6455 forbids (RSV bits, reserved opcodes, long or fragmented control frames).

use panelcast_fuzz::frames::{Incoming, Seen};
use panelcast_fuzz::{seeds_dir, write_seeds};

fn main() {
    if let Some(dir) = seeds_dir() {
        return write_seeds(&dir, seeds());
    }
    afl::fuzz!(|data: &[u8]| {
        let Some((&cut, bytes)) = data.split_first() else {
            return;
        };
        let whole = Incoming::default().feed(bytes);
        let mut incoming = Incoming::default();
        let mut piecewise = Seen::Nothing;
        // Read sizes 1..=8 in a pattern the first byte picks.
        let mut sizes = (0..8)
            .map(|i| 1 + usize::from((cut >> i) & 1) * (i + 1))
            .cycle();
        let mut rest = bytes;
        while !rest.is_empty() && piecewise == Seen::Nothing {
            let n = sizes.next().unwrap_or(1).min(rest.len());
            piecewise = incoming.feed(&rest[..n]);
            rest = &rest[n..];
        }
        assert_eq!(
            whole, piecewise,
            "the verdict depends on how the bytes were read"
        );
    });
}

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mask = [1u8, 2, 3, 4];
    let frame = |first: u8, payload: &[u8]| {
        let mut bytes = vec![0u8, first];
        match payload.len() {
            n if n < 126 => bytes.push(0x80 | n as u8),
            n => {
                bytes.push(0x80 | 126);
                bytes.extend_from_slice(&(n as u16).to_be_bytes());
            }
        }
        bytes.extend_from_slice(&mask);
        bytes.extend_from_slice(payload);
        bytes
    };
    let seeds = vec![
        (
            "pong-then-close",
            [frame(0x8A, b"abc"), frame(0x88, &[])[1..].to_vec()].concat(),
        ),
        (
            "close-with-reason",
            frame(0x88, &[3, 232, b'b', b'y', b'e']),
        ),
        ("text", frame(0x81, br#"{"type":"Hello"}"#)),
        (
            "fragmented-text",
            [frame(0x01, b"ab"), frame(0x80, b"cd")[1..].to_vec()].concat(),
        ),
        ("long-text", frame(0x81, &[b'x'; 300])),
        ("rsv1", frame(0xC1, b"a")),
        ("reserved-opcode", frame(0x83, b"a")),
        ("long-ping", frame(0x89, &[0; 126])),
        ("fragmented-ping", frame(0x09, b"a")),
        ("unmasked", vec![0, 0x8A, 0x00]),
        (
            "huge",
            vec![0, 0x82, 0xFF, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 3, 4],
        ),
    ];
    // Each seed starts with the cut pattern 0 (one byte per read); each again with 0xFF (reads of 2..=9 bytes).
    let other_cut: Vec<(String, Vec<u8>)> = seeds
        .iter()
        .map(|(name, bytes)| (format!("{name}-cut-ff"), [&[0xFF], &bytes[1..]].concat()))
        .collect();
    seeds
        .into_iter()
        .map(|(name, bytes)| (name.to_owned(), bytes))
        .chain(other_cut)
        .collect()
}
