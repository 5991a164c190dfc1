//! One published vote and its seats: the shape of `GET /api/v1/meetings/{id}/votes`.

use crate::meeting::ids::{ItemCode, MeetingId, MemberId, Receipt, SeatId, VoteId};
use crate::meeting::time::{CivilDate, Timestamp};
use crate::meeting::vote::{VoteKind, VoteResult};
use serde::{Deserialize, Serialize};

/// How one seat stands in a closed vote.
///
/// `Absent` and `DidNotVote` differ by presence when the vote opened (see [`super::present_at_open`]): a
/// member who was not in the room then, and cast no ballot, is absent; one who was present and cast none
/// did not vote. Under the veto rule both count against the veto (statute §6.1). A ballot always wins:
/// a member who arrived after the vote opened and voted is recorded with their vote. In a show of hands the
/// clerk counts hands, not names, so a present elector is `ShowOfHands`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    For,
    Against,
    Abstain,
    DidNotVote,
    Absent,
    ShowOfHands,
}

impl Position {
    /// "For", "Did not vote", "Absent", "Counted in the show of hands".
    pub fn label(self) -> &'static str {
        match self {
            Position::For => "For",
            Position::Against => "Against",
            Position::Abstain => "Abstain",
            Position::DidNotVote => "Did not vote",
            Position::Absent => "Absent",
            Position::ShowOfHands => "Counted in the show of hands",
        }
    }
}

/// A seat entitled to vote when the vote opened, who voted for it, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatRecord {
    pub seat: SeatId,
    /// "Sevenoaks District Council".
    pub seat_name: String,
    pub member: MemberId,
    pub name: String,
    /// The member votes as the seat's substitute for this meeting.
    pub substitute: bool,
    pub position: Position,
    /// The receipt of the counted ballot (its `meeting/vote/Bn` number), so a member can find it.
    pub receipt: Option<Receipt>,
    pub voted_at: Option<Timestamp>,
}

/// A closed vote as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteRecord {
    pub meeting: MeetingId,
    pub vote: VoteId,
    pub kind: VoteKind,
    pub kind_label: String,
    pub motion: String,
    pub item: Option<ItemCode>,
    /// Taken while the public were excluded (published only after, see the module doc).
    pub in_private: bool,
    pub opened_at: Timestamp,
    pub closed_at: Timestamp,
    /// Members of the Panel (electors) when the vote opened.
    pub electorate: u32,
    /// Votes for the veto that veto (⌈2n/3⌉); none for a majority vote.
    pub threshold: Option<u32>,
    /// "veto needs 14 of 20 members", or "a simple majority of those voting".
    pub threshold_text: String,
    pub seats: Vec<SeatRecord>,
    /// Tally, outcome, arithmetic, show of hands, casting vote: exactly as the close recorded them.
    pub result: VoteResult,
    pub outcome_label: String,
    /// The seq of the `VoteClosed` event in the meeting's log, and its link in the SHA-256 hash chain.
    pub closed_seq: u64,
    pub closed_hash: String,
}

/// The document `GET /api/v1/meetings/{id}/votes` serves and `server verify-votes --file` reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedVotes {
    pub meeting: MeetingId,
    pub votes: Vec<VoteRecord>,
}

/// RFC 3339 UTC to the second, "2022-12-06T10:42:00Z".
pub fn utc_text(at: Timestamp) -> String {
    const DAY: i64 = 86_400_000;
    let date = CivilDate::from_days_since_epoch(at.0.div_euclid(DAY));
    let seconds = at.0.rem_euclid(DAY) / 1000;
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        date.year,
        date.month,
        date.day,
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_rfc_3339_utc() {
        let table = [
            (Timestamp(0), "1970-01-01T00:00:00Z"),
            (
                Timestamp::from_utc(CivilDate::new(2022, 12, 6), 10, 42),
                "2022-12-06T10:42:00Z",
            ),
            (Timestamp(-1000), "1969-12-31T23:59:59Z"),
            (
                Timestamp(Timestamp::from_utc(CivilDate::new(2024, 2, 29), 23, 59).0 + 59_999),
                "2024-02-29T23:59:59Z",
            ),
        ];
        for (at, text) in table {
            assert_eq!(utc_text(at), text);
        }
    }
}
