//! The set-up the 6 December 2022 tests share (scenarios, minutes, the hearing report, the veto, the vote
//! record): who attends, and the confirmation hearing taken through its stages to the veto vote. The seeds are
//! silent on who attended on 6 December 2022 (seeds-brief §6.1); the tests assume 18 present, with apologies
//! from Cllr Palmer and Cllr Kup.

use super::{chair, Session, OTHERS_2022, PRESENT_27_SEP_2022};
use app::meeting::*;

/// The two members who sent apologies.
pub const ABSENT: [&str; 2] = ["richard-palmer", "george-kup"];

/// Records [`ABSENT`]'s apologies and every other member of the December 2022 Panel present; returns those 18.
pub fn eighteen_present(s: &mut Session) -> Vec<&'static str> {
    s.attend(&ABSENT, AttendanceMark::Apologies);
    let present: Vec<&str> = PRESENT_27_SEP_2022
        .iter()
        .chain(&OTHERS_2022)
        .copied()
        .filter(|m| !ABSENT.contains(m))
        .collect();
    s.attend(&present, AttendanceMark::Present);
    present
}

/// Moves the hearing through `stages`, in order, as the chair.
pub fn hearing_stages(s: &mut Session, stages: &[HearingStage]) {
    for stage in stages {
        s.run(&chair(), Command::SetHearingStage { stage: *stage });
    }
}

/// Every stage from the questions to the vote.
pub const TO_THE_VOTE: [HearingStage; 3] = [
    HearingStage::Questions,
    HearingStage::PrivateDeliberation,
    HearingStage::Vote,
];

/// The chair opens the veto vote on the proposed appointment.
pub fn open_veto(s: &mut Session) {
    s.run(
        &chair(),
        Command::OpenVote {
            kind: VoteKind::ChiefConstableVeto,
            motion: None,
            item: None,
        },
    );
}
