//! The Panel's report to the Commissioner (`app::meeting::report`), from the 6 December 2022 hearing.
//! Assumes, as `scenarios.rs` does (the seeds are silent, seeds-brief §6.1), 18 present, the veto failing
//! and the Panel recommending appointment.

use crate::common::*;
use app::meeting::report::HearingReport;
use app::meeting::*;

fn hearing_at_vote() -> (Session, Vec<&'static str>) {
    let mut s = Session::new("2022-12-06", at(DEC_2022, 9, 30));
    let present = eighteen_present(&mut s);
    s.run(&chair(), Command::OpenMeeting);
    let item = ItemCode::new("A1");
    s.run(&chair(), Command::GoToItem { item });
    hearing_stages(&mut s, &TO_THE_VOTE);
    (s, present)
}

fn open(s: &mut Session, kind: VoteKind) {
    let (motion, item) = (None, None);
    s.run(&chair(), Command::OpenVote { kind, motion, item });
}

fn close(s: &mut Session, vote: u32) {
    let (vote, casting_vote) = (VoteId(vote), None);
    s.run(&chair(), Command::CloseVote { vote, casting_vote });
}

#[test]
fn a_recommendation_to_appoint_is_drafted_then_published_with_its_votes_and_dates() {
    let (mut s, present) = hearing_at_vote();
    assert_eq!(HearingReport::of(&s.meeting).unwrap().outcome, None);
    open(&mut s, VoteKind::ChiefConstableVeto);
    s.vote(1, &present[..2], Choice::For);
    s.vote(1, &present[2..], Choice::Against);
    close(&mut s, 1);
    open(&mut s, VoteKind::Recommendation);
    s.vote(2, &present[..15], Choice::For);
    s.vote(2, &present[15..], Choice::Against);
    close(&mut s, 2);
    let reasons =
        "Mr Smith met or exceeded every criterion; the Panel was assured by his answers on VAWG.";
    let reasons_command = Command::RecordHearingReasons {
        reasons: reasons.into(),
    };
    let refused = s.try_run(&member("ashley-clark"), reasons_command.clone());
    assert_eq!(
        refused.unwrap_err().to_string(),
        "Only the chair or the clerk can record the Panel's reasons"
    );
    s.run(&clerk(), reasons_command.clone());

    let draft = HearingReport::of(&s.meeting).unwrap();
    assert!(!draft.is_published());
    assert_eq!(draft.outcome, Some(HearingOutcome::RecommendAppoint));
    assert_eq!(
        draft.outcome_statement(),
        "The Panel recommends that Mr Tim Smith be appointed as Chief Constable of Kent Police (PRSRA 2011 Sch 8 para 4(4))."
    );
    assert_eq!(draft.votes.len(), 2);
    assert!(draft.votes[0].arithmetic.starts_with(
        "2 of 20 members voted for the veto; 3 × 2 = 6 < 2 × 20 = 40, so the proposal is not vetoed"
    ));
    assert_eq!(draft.votes[1].outcome_label, "Carried");
    assert_eq!(draft.deadline, CivilDate::new(2022, 12, 18));
    assert!(draft.to_markdown().contains("**DRAFT: not yet reported"));

    s.run(&chair(), Command::ReportHearing);
    let published = HearingReport::of(&s.meeting).unwrap();
    assert!(published.is_published());
    assert_eq!(
        published.dates_statement(),
        format!(
            "Notification received {}; the three weeks beginning with that day end on 18 December 2022 (Sch 8 para 4(6)); reported on 6 December 2022, in time.",
            published.notified_on
        )
    );
    let markdown = published.to_markdown();
    for part in [
        "# Report to the Police and Crime Commissioner: proposed appointment of Mr Tim Smith",
        "## Outcome",
        "Mr Smith met or exceeded every criterion; the Panel was assured by his answers on VAWG.",
        "3 × 2 = 6 < 2 × 20 = 40",
        "15 for, 3 against",
    ] {
        assert!(markdown.contains(part), "{part} missing from:\n{markdown}");
    }
    assert!(!markdown.contains("DRAFT"));
    assert_eq!(
        s.try_run(&clerk(), reasons_command),
        Err(CommandError::AlreadyReported),
        "the reasons are fixed once the report is published"
    );
}

#[test]
fn a_veto_is_reported_as_a_veto_with_no_recommendation() {
    let (mut s, present) = hearing_at_vote();
    open(&mut s, VoteKind::ChiefConstableVeto);
    s.vote(1, &present[..14], Choice::For);
    close(&mut s, 1);
    let report = HearingReport::of(&s.meeting).unwrap();
    assert_eq!(report.outcome, Some(HearingOutcome::Veto));
    assert!(report
        .outcome_statement()
        .starts_with("The Panel vetoes the proposed appointment of Mr Tim Smith"));
    assert!(report.votes[0]
        .arithmetic
        .contains("3 × 14 = 42 ≥ 2 × 20 = 40"));
    assert_eq!(
        s.try_run(
            &clerk(),
            Command::RecordHearingReasons {
                reasons: " ".into()
            }
        ),
        Err(CommandError::TextRequired {
            what: "the Panel's reasons".into()
        })
    );
}
