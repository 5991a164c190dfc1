//! The websocket framing that public viewers need (RFC 6455 §5), and no more: the header of an unmasked frame
//! the server sends, and a parser of the client's frames that keeps only the current header. Clients of the
//! public view only ever send pongs and close frames; data frames are skipped, anything malformed closes.

pub const TEXT: u8 = 0x1;
pub const CLOSE: u8 = 0x8;
pub const PING: u8 = 0x9;

/// Frames from a viewer larger than this close the connection (the signed-in path caps messages at 16 KiB).
const MAX_INCOMING: u64 = 16 * 1024;

/// The header of an unmasked, final frame of `len` payload bytes (RFC 6455 §5.2): the buffer and how much of
/// it is used (2, 4 or 10 bytes).
pub fn frame_head(opcode: u8, len: usize) -> ([u8; 10], usize) {
    let mut head = [0u8; 10];
    head[0] = 0x80 | opcode;
    let used = if len < 126 {
        head[1] = len as u8;
        2
    } else if len <= usize::from(u16::MAX) {
        head[1] = 126;
        head[2..4].copy_from_slice(&(len as u16).to_be_bytes());
        4
    } else {
        head[1] = 127;
        head[2..10].copy_from_slice(&(len as u64).to_be_bytes());
        10
    };
    (head, used)
}

/// Whether a client frame's first two bytes are allowed (RFC 6455 §5.2, §5.5): masked (§5.1); no RSV bit, since
/// no extension is negotiated; not a reserved opcode (0x3–0x7, 0xB–0xF); and a control frame (close, ping, pong)
/// final and with at most 125 payload bytes (it may not be fragmented, and its 7-bit length is its length).
fn well_formed(first: u8, second: u8) -> bool {
    let (fin, rsv, opcode) = (first & 0x80 != 0, first & 0x70, first & 0x0f);
    let (masked, length) = (second & 0x80 != 0, second & 0x7f);
    let reserved = matches!(opcode, 0x3..=0x7 | 0xB..=0xF);
    let control = opcode & 0x8 != 0;
    masked && rsv == 0 && !reserved && !(control && (!fin || length > 125))
}

/// What the bytes read so far from a viewer amount to.
#[derive(Debug, PartialEq, Eq)]
pub enum Seen {
    Nothing,
    Close,
    Malformed,
}

/// A parser of client frames that keeps only the current header: payloads are skipped, not stored.
#[derive(Debug, Default)]
pub struct Incoming {
    head: [u8; 14],
    have: usize,
    skip: u64,
}

impl Incoming {
    pub fn feed(&mut self, mut data: &[u8]) -> Seen {
        while !data.is_empty() {
            if self.skip > 0 {
                let n = (self.skip.min(data.len() as u64)) as usize;
                self.skip -= n as u64;
                data = &data[n..];
                continue;
            }
            let need = self.header_len();
            let n = (need - self.have).min(data.len());
            self.head[self.have..self.have + n].copy_from_slice(&data[..n]);
            self.have += n;
            data = &data[n..];
            if self.have >= 2 && !well_formed(self.head[0], self.head[1]) {
                return Seen::Malformed;
            }
            if self.have < 2 || self.have < self.header_len() {
                continue;
            }
            let length = match self.head[1] & 0x7f {
                126 => u64::from(u16::from_be_bytes([self.head[2], self.head[3]])),
                127 => u64::from_be_bytes(self.head[2..10].try_into().unwrap_or_default()),
                n => u64::from(n),
            };
            if length > MAX_INCOMING {
                return Seen::Malformed;
            }
            if self.head[0] & 0x0f == CLOSE {
                return Seen::Close;
            }
            self.skip = length;
            self.have = 0;
        }
        Seen::Nothing
    }

    /// The length of the current header: 2 bytes, plus the extended length, plus the 4-byte mask.
    fn header_len(&self) -> usize {
        if self.have < 2 {
            return 2;
        }
        let extended = match self.head[1] & 0x7f {
            126 => 2,
            127 => 8,
            _ => 0,
        };
        2 + extended + 4
    }
}

#[cfg(test)]
mod tests {
    use super::{Incoming, Seen};

    #[test]
    fn pongs_are_skipped_and_a_close_is_seen_across_reads() {
        let mut incoming = Incoming::default();
        // A masked pong with a 3-byte payload, then a masked close split over two reads.
        let pong = [0x8A, 0x83, 1, 2, 3, 4, 9, 9, 9];
        assert_eq!(incoming.feed(&pong), Seen::Nothing);
        assert_eq!(incoming.feed(&[0x88, 0x80, 1]), Seen::Nothing);
        assert_eq!(incoming.feed(&[2, 3, 4]), Seen::Close);
    }

    /// RFC 6455 §5.2 and §5.5, one masked frame header at a time: what must fail the connection.
    #[test]
    fn what_rfc_6455_forbids_is_malformed_and_what_it_allows_is_not() {
        let table: [(&str, [u8; 2], Seen); 12] = [
            ("a final pong", [0x8A, 0x80], Seen::Nothing),
            ("a final text frame", [0x81, 0x80], Seen::Nothing),
            (
                "a continuation of a fragmented text",
                [0x00, 0x80],
                Seen::Nothing,
            ),
            (
                "a close with a 125-byte reason",
                [0x88, 0x80 | 125],
                Seen::Close,
            ),
            ("RSV1 without an extension", [0xC1, 0x80], Seen::Malformed),
            ("RSV2", [0xA1, 0x80], Seen::Malformed),
            ("RSV3 on a pong", [0x9A, 0x80], Seen::Malformed),
            ("reserved data opcode 0x3", [0x83, 0x80], Seen::Malformed),
            ("reserved control opcode 0xB", [0x8B, 0x80], Seen::Malformed),
            ("reserved opcode 0xF", [0x8F, 0x80], Seen::Malformed),
            ("a ping over 125 bytes", [0x89, 0x80 | 126], Seen::Malformed),
            (
                "a fragmented (non-final) ping",
                [0x09, 0x80],
                Seen::Malformed,
            ),
        ];
        for (what, head, seen) in table {
            let mut frame = head.to_vec();
            if head[1] & 0x7f == 126 {
                frame.extend_from_slice(&200u16.to_be_bytes());
            }
            frame.extend_from_slice(&[1, 2, 3, 4]);
            assert_eq!(Incoming::default().feed(&frame), seen, "{what}");
        }
    }

    #[test]
    fn an_unmasked_or_oversized_frame_is_malformed() {
        assert_eq!(Incoming::default().feed(&[0x8A, 0x00]), Seen::Malformed);
        let huge = [0x81, 0xFF, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 3, 4];
        assert_eq!(Incoming::default().feed(&huge), Seen::Malformed);
    }

    proptest::proptest! {
        /// Fuzz smoke: any bytes, cut into any reads, never panic the parser; and once it has said `Close` or
        /// `Malformed` the viewer's socket is finished (the caller stops reading).
        #[test]
        fn any_bytes_in_any_reads_never_panic(
            chunks in proptest::collection::vec(proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), 0..20)
        ) {
            let mut incoming = Incoming::default();
            for chunk in &chunks {
                if incoming.feed(chunk) != Seen::Nothing {
                    break;
                }
            }
        }

        /// Well-formed pongs, then a close, split anywhere: never malformed, and the close is seen.
        #[test]
        fn valid_frames_split_anywhere_end_in_the_close(
            pongs in proptest::collection::vec(0u8..=125, 0..6),
            cut in proptest::collection::vec(1usize..8, 1..40),
        ) {
            let mut bytes = Vec::new();
            for len in pongs {
                bytes.extend_from_slice(&[0x8A, 0x80 | len, 7, 7, 7, 7]);
                bytes.extend(std::iter::repeat_n(0u8, usize::from(len)));
            }
            bytes.extend_from_slice(&[0x88, 0x80, 1, 2, 3, 4]);
            let mut incoming = Incoming::default();
            let mut rest = &bytes[..];
            let mut seen = Seen::Nothing;
            for n in cut.iter().cycle() {
                if rest.is_empty() {
                    break;
                }
                let n = (*n).min(rest.len());
                seen = incoming.feed(&rest[..n]);
                rest = &rest[n..];
                proptest::prop_assert_ne!(&seen, &Seen::Malformed);
                if seen == Seen::Close {
                    break;
                }
            }
            proptest::prop_assert_eq!(seen, Seen::Close);
        }
    }
}
