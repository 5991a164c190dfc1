//! Checking a published record: recounting each result from its own rows, comparing it row by row
//! with the record the log gives, and finding a member's ballot receipt in it.

use super::build::threshold_of;
use super::vote_record::{Position, SeatRecord, VoteRecord};
use crate::meeting::ids::{Receipt, SeatId, VoteId};
use crate::meeting::vote::{declare, Choice, Tally};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One thing wrong with a published record, naming the vote and, where it is one row, the seat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discrepancy {
    pub vote: VoteId,
    pub seat: Option<SeatId>,
    pub problem: String,
}

impl fmt::Display for Discrepancy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.seat {
            Some(seat) => write!(f, "vote {}, seat {seat}: {}", self.vote.0, self.problem),
            None => write!(f, "vote {}: {}", self.vote.0, self.problem),
        }
    }
}

/// Recomputes a published vote's result from its rows alone, by the same rules that closed it
/// ([`declare`]), and lists every way the published result, threshold or rows disagree with it.
///
/// Device voting: the tally is the rows' For, Against and Abstain. A show of hands names no one, so
/// its counts are the published tally's, which must fit the electors counted as present.
pub fn recount(record: &VoteRecord) -> Vec<Discrepancy> {
    let mut problems = Vec::new();
    let mut problem = |text: String| {
        problems.push(Discrepancy {
            vote: record.vote,
            seat: None,
            problem: text,
        })
    };
    let electorate = record.seats.len() as u32;
    if electorate != record.electorate {
        problem(format!(
            "{} seats are listed but the electorate is {}",
            electorate, record.electorate
        ));
    }
    if threshold_of(record.kind, record.electorate)
        != (record.threshold, record.threshold_text.clone())
    {
        problem(format!(
            "the threshold \"{}\" is not the one for {} electors",
            record.threshold_text, record.electorate
        ));
    }
    let count = |position: Position| {
        record
            .seats
            .iter()
            .filter(|s| s.position == position)
            .count() as u32
    };
    let show = record.result.by_show_of_hands;
    let tally = if show {
        let hands = count(Position::ShowOfHands);
        if record.result.tally.voted() > hands {
            problem(format!(
                "the show of hands counts {} but only {hands} electors are listed as counted",
                record.result.tally.voted()
            ));
        }
        record.result.tally
    } else {
        if count(Position::ShowOfHands) > 0 {
            problem("a device vote lists seats as counted in a show of hands".to_owned());
        }
        let (for_, against, abstain) = (
            count(Position::For),
            count(Position::Against),
            count(Position::Abstain),
        );
        Tally {
            for_,
            against,
            abstain,
            not_voting: record.electorate.saturating_sub(for_ + against + abstain),
        }
    };
    let casting = record.result.casting_vote;
    match declare(record.kind, tally, record.electorate, casting, show) {
        Ok(recounted) if recounted == record.result => {}
        Ok(recounted) => problem(format!(
            "the rows give {} ({}), but the published result is {} ({})",
            recounted.outcome.label(),
            recounted.arithmetic,
            record.result.outcome.label(),
            record.result.arithmetic
        )),
        Err(why) => problem(format!("the rows cannot give a result: {why:?}")),
    }
    if record.outcome_label != record.result.outcome.label() {
        problem(format!(
            "the outcome reads \"{}\" but the result is {}",
            record.outcome_label,
            record.result.outcome.label()
        ));
    }
    problems
}

/// Every difference between a `published` record and the one `derived` from the log, row by row: a
/// vote missing or added, a field of the vote, or a seat's member, position, receipt or time.
pub fn compare(published: &[VoteRecord], derived: &[VoteRecord]) -> Vec<Discrepancy> {
    let mut problems = Vec::new();
    for theirs in published {
        let Some(ours) = derived.iter().find(|v| v.vote == theirs.vote) else {
            problems.push(whole(
                theirs.vote,
                "is not a closed, published vote in the log",
            ));
            continue;
        };
        problems.extend(compare_vote(theirs, ours));
    }
    for ours in derived {
        if !published.iter().any(|v| v.vote == ours.vote) {
            problems.push(whole(
                ours.vote,
                "is in the log but missing from the published record",
            ));
        }
    }
    problems
}

fn whole(vote: VoteId, problem: &str) -> Discrepancy {
    Discrepancy {
        vote,
        seat: None,
        problem: problem.to_owned(),
    }
}

fn compare_vote(theirs: &VoteRecord, ours: &VoteRecord) -> Vec<Discrepancy> {
    let mut problems = Vec::new();
    let seatless = |theirs_seats: &VoteRecord| VoteRecord {
        seats: vec![],
        ..theirs_seats.clone()
    };
    if seatless(theirs) != seatless(ours) {
        let field = vote_field_that_differs(theirs, ours);
        problems.push(Discrepancy {
            vote: theirs.vote,
            seat: None,
            problem: format!("its {field} differs from the log"),
        });
    }
    for row in &theirs.seats {
        let problem = match ours.seats.iter().find(|s| s.seat == row.seat) {
            None => "is not an elector of this vote in the log".to_owned(),
            Some(logged) if logged == row => continue,
            Some(logged) => seat_difference(row, logged),
        };
        problems.push(Discrepancy {
            vote: theirs.vote,
            seat: Some(row.seat.clone()),
            problem,
        });
    }
    for logged in &ours.seats {
        if !theirs.seats.iter().any(|s| s.seat == logged.seat) {
            problems.push(Discrepancy {
                vote: theirs.vote,
                seat: Some(logged.seat.clone()),
                problem: format!("{} is missing from the published record", logged.name),
            });
        }
    }
    problems
}

/// The first field of the vote (not its seats) that differs, by name.
fn vote_field_that_differs(a: &VoteRecord, b: &VoteRecord) -> &'static str {
    let checks: [(&'static str, bool); 11] = [
        ("kind", a.kind == b.kind && a.kind_label == b.kind_label),
        ("motion", a.motion == b.motion),
        ("item", a.item == b.item),
        (
            "meeting",
            a.meeting == b.meeting && a.in_private == b.in_private,
        ),
        ("opening time", a.opened_at == b.opened_at),
        ("closing time", a.closed_at == b.closed_at),
        ("electorate", a.electorate == b.electorate),
        (
            "threshold",
            a.threshold == b.threshold && a.threshold_text == b.threshold_text,
        ),
        (
            "result",
            a.result == b.result && a.outcome_label == b.outcome_label,
        ),
        ("closing seq", a.closed_seq == b.closed_seq),
        ("hash at the close", a.closed_hash == b.closed_hash),
    ];
    checks
        .into_iter()
        .find(|(_, same)| !same)
        .map(|(name, _)| name)
        .unwrap_or("record")
}

/// "Cllr X: published For, the log says Against".
fn seat_difference(published: &SeatRecord, logged: &SeatRecord) -> String {
    let who = &logged.name;
    if published.position != logged.position {
        format!(
            "{who}: published {}, the log says {}",
            published.position.label(),
            logged.position.label()
        )
    } else if published.member != logged.member || published.name != logged.name {
        format!(
            "published as {} ({}), the log says {who} ({})",
            published.name, published.member, logged.member
        )
    } else if published.receipt != logged.receipt {
        format!("{who}: the ballot receipt differs from the log")
    } else if published.voted_at != logged.voted_at {
        format!("{who}: the time of the ballot differs from the log")
    } else {
        format!("{who}: the seat's name or substitute flag differs from the log")
    }
}

/// What a ballot receipt shows in the published record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "found", rename_all = "snake_case")]
pub enum ReceiptCheck {
    /// The receipt is the counted ballot of this seat, with this choice.
    Counted {
        vote: VoteId,
        seat: SeatId,
        name: String,
        choice: Choice,
    },
    /// Not in the record: not yet closed or published, superseded by a later ballot, or not a receipt.
    NotFound,
}

/// Looks a receipt up in a published record. Only the ballot that counted carries its receipt in the
/// record: a receipt a member replaced by voting again is reported as not found.
pub fn find_receipt(records: &[VoteRecord], receipt: &Receipt) -> ReceiptCheck {
    for record in records {
        for seat in &record.seats {
            if seat.receipt.as_ref() == Some(receipt) {
                let choice = match seat.position {
                    Position::For => Choice::For,
                    Position::Against => Choice::Against,
                    Position::Abstain => Choice::Abstain,
                    _ => continue,
                };
                return ReceiptCheck::Counted {
                    vote: record.vote,
                    seat: seat.seat.clone(),
                    name: seat.name.clone(),
                    choice,
                };
            }
        }
    }
    ReceiptCheck::NotFound
}
