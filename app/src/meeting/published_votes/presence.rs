//! Who was present when a vote opened: what separates "absent" from "did not vote" in the record.
//!
//! The core does not yet store presence with the vote (`VoteOpened` carries the electorate only), so it
//! is derived here, as a pure function, from the attendance the log had recorded before the
//! `VoteOpened` event: the state folded from every earlier event. An elector whose attendance then was
//! present (in the room from the start, or arrived late and not yet left) was present at the opening;
//! one with apologies, absent, departed or not yet recorded was not. This is the one place the record
//! asks the question, so when the vote carries its own snapshot of presence only this
//! function changes.

use crate::meeting::ids::SeatId;
use crate::meeting::vote::Elector;
use crate::meeting::Meeting;
use std::collections::BTreeSet;

/// The seats of `electorate` whose voter was present in `before`, the meeting just before the vote
/// opened.
pub fn present_at_open(before: &Meeting, electorate: &[Elector]) -> BTreeSet<SeatId> {
    electorate
        .iter()
        .filter(|elector| before.attendance(&elector.voter).is_present())
        .map(|elector| elector.seat.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_meeting;
    use crate::meeting::attendance::AttendanceMark;
    use crate::meeting::event::Event;
    use crate::meeting::ids::MemberId;
    use crate::meeting::time::Timestamp;

    fn elector(seat: &str, voter: &str) -> Elector {
        Elector {
            seat: SeatId::new(seat),
            voter: MemberId::new(voter),
            name: voter.to_owned(),
            substitute: false,
        }
    }

    #[test]
    fn presence_follows_the_attendance_recorded_before_the_opening() {
        let mut meeting = demo_meeting("2022-12-06").expect("the demo meeting");
        meeting.apply(&Event::MeetingOpened { at: Timestamp(0) });
        let marks = [
            ("mike-hill", AttendanceMark::Present),
            ("ashley-clark", AttendanceMark::Present),
            ("ashley-clark", AttendanceMark::LeftEarly),
            ("peter-feacey", AttendanceMark::ArrivedLate),
            ("nancy-warne", AttendanceMark::Apologies),
            ("gary-hackwell", AttendanceMark::Absent),
        ];
        for (member, mark) in marks {
            meeting.apply(&Event::AttendanceRecorded {
                member: MemberId::new(member),
                mark,
                item: None,
                at: Timestamp(0),
            });
        }
        let electorate = [
            elector("a", "mike-hill"),
            elector("b", "ashley-clark"),
            elector("c", "peter-feacey"),
            elector("d", "nancy-warne"),
            elector("e", "gary-hackwell"),
            elector("f", "richard-wells"),
        ];
        let present: Vec<_> = present_at_open(&meeting, &electorate)
            .into_iter()
            .map(|seat| seat.0)
            .collect();
        assert_eq!(present, ["a", "c"]);
    }
}
