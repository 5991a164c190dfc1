//! The two-thirds veto rule (PRSRA 2011 Sch 5 para 4(4), Sch 8): exhaustive and property checks
//! against references that do not share the implementation's formula.

use crate::common::fractions::reference_vetoed;
use crate::common::*;
use app::meeting::veto::{arithmetic_text, threshold_text};
use app::meeting::*;
use proptest::prelude::*;

/// ⌈2n/3⌉ written another way: everyone except the largest whole third.
fn reference_threshold(members: u32) -> u32 {
    members - members / 3
}

#[test]
fn every_vote_count_for_panels_of_one_to_thirty_matches_the_rational_reference() {
    let mut cases = 0;
    for members in 1..=30u32 {
        for votes in 0..=members {
            assert_eq!(
                is_vetoed(votes, members),
                reference_vetoed(votes, members),
                "{votes} of {members}"
            );
            assert_eq!(
                is_vetoed(votes, members),
                votes >= reference_threshold(members),
                "{votes} of {members}"
            );
            cases += 1;
        }
    }
    assert_eq!(cases, 495);
}

#[test]
fn the_threshold_is_the_smallest_number_of_votes_that_vetoes() {
    for members in 1..=10_000u32 {
        let needed = veto_threshold(members);
        assert_eq!(needed, reference_threshold(members), "{members} members");
        assert!(is_vetoed(needed, members), "{members} members");
        assert!(!is_vetoed(needed - 1, members), "{members} members");
    }
}

#[test]
fn a_panel_with_no_members_can_never_veto() {
    assert!(!is_vetoed(0, 0));
    assert!(!is_vetoed(5, 0));
}

#[test]
fn on_a_full_panel_of_twenty_thirteen_votes_do_not_veto_and_fourteen_do() {
    assert_eq!(veto_threshold(20), 14);
    assert!(!is_vetoed(13, 20));
    assert!(is_vetoed(14, 20));
    assert_eq!(threshold_text(20), "veto needs 14 of 20 members");
    assert_eq!(
        arithmetic_text(14, 20),
        "14 of 20 members voted for the veto; 3 × 14 = 42 ≥ 2 × 20 = 40, so the proposal is vetoed"
    );
}

#[test]
fn the_statutes_named_fixtures_hold() {
    for (members, needed) in [(20, 14), (16, 11), (17, 12), (19, 13), (18, 12), (13, 9)] {
        assert_eq!(veto_threshold(members), needed, "{members} members");
    }
}

#[test]
fn standing_is_known_before_the_vote_closes() {
    assert_eq!(Standing::of(14, 18, 20).text(), "vetoed");
    assert_eq!(
        Standing::of(3, 12, 20).text(),
        "cannot be vetoed: 12 present, 14 needed"
    );
    assert_eq!(
        Standing::of(9, 16, 20).text(),
        "open: veto needs 14 of 20 members; 9 for so far"
    );
}

proptest! {
    #[test]
    fn the_rule_matches_the_rational_reference_for_any_panel(members in 0u32..=u32::MAX, votes in 0u32..=u32::MAX) {
        let votes = if members == 0 { votes } else { votes % (members.saturating_add(1)).max(1) };
        prop_assert_eq!(is_vetoed(votes, members), reference_vetoed(votes, members));
    }

    #[test]
    fn adding_a_vote_for_the_veto_never_undoes_a_veto(members in 1u32..10_000, votes in 0u32..10_000) {
        let votes = votes % (members + 1);
        if is_vetoed(votes, members) {
            prop_assert!(is_vetoed(votes + 1, members));
        }
    }
}

/// Drives a real 20-member veto through `decide`: `for_veto` members vote for it, the rest present
/// vote against.
fn veto_vote_on_full_panel(for_veto: usize) -> VoteResult {
    let mut s = Session::new("2022-12-06", at((2022, 12, 6), 9, 55));
    let everyone: Vec<String> = s
        .meeting
        .members()
        .into_iter()
        .map(|(id, _, _)| id.0)
        .collect();
    let ids: Vec<&str> = everyone.iter().map(String::as_str).collect();
    s.attend(&ids, AttendanceMark::Present);
    s.run(&chair(), Command::OpenMeeting);
    hearing_stages(&mut s, &TO_THE_VOTE);
    open_veto(&mut s);
    s.vote(1, &ids[..for_veto], Choice::For);
    s.vote(1, &ids[for_veto..], Choice::Against);
    s.run(
        &chair(),
        Command::CloseVote {
            vote: VoteId(1),
            casting_vote: None,
        },
    );
    s.meeting.votes()[0].result.clone().unwrap()
}

#[test]
fn thirteen_of_twenty_members_voting_for_the_veto_through_the_whole_core_do_not_veto() {
    let result = veto_vote_on_full_panel(13);
    assert_eq!(result.outcome, Outcome::NotVetoed);
    assert!(result
        .arithmetic
        .starts_with("13 of 20 members voted for the veto; 3 × 13 = 39 < 2 × 20 = 40"));
}

#[test]
fn fourteen_of_twenty_members_voting_for_the_veto_through_the_whole_core_veto() {
    let result = veto_vote_on_full_panel(14);
    assert_eq!(result.outcome, Outcome::Vetoed);
    assert!(
        result.arithmetic.contains("veto needs 14 of 20 members"),
        "{}",
        result.arithmetic
    );
}
