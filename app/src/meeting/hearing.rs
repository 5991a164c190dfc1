//! The confirmation hearing for a proposed Chief Constable (PRSRA 2011 Sch 8 Part 1).
//!
//! The Commissioner notifies the Panel of the candidate, the criteria, why the candidate meets them
//! and the terms of appointment (Sch 8 para 3; S4:252-256). The Panel holds a hearing at which the
//! candidate answers members' questions (S4:288), deliberates in private (practice, statute §7),
//! votes, and reports to the Commissioner within three weeks "beginning with the day on which the
//! panel receives the notification" (Sch 8 para 4(6)). The outcome is a veto (two-thirds of members,
//! S4:262-263), or a recommendation that the candidate be, or not be, appointed (S4:261). After a
//! recommendation the Commissioner notifies the Panel whether he accepts it (Sch 8 para 7(3)); after a
//! veto he must not appoint the candidate (S4:264), so there is nothing to accept.
//!
//! Choices where the law and seeds are silent, as a clerk would expect:
//! - The deadline is the last day of the three-week period: notification day + 20 days. A report on
//!   or before that day is in time; one after it is recorded as late (statute §6.7). Any post-election
//!   period (para 4(9)) is not modelled: the clerk sets the notification date accordingly.
//! - The stages move one step at a time, forward only; the chair moves them.
//! - A veto vote that reaches two-thirds settles the outcome. A veto vote that fails leaves the Panel
//!   to vote on a recommendation; if that recommendation ("that the candidate be appointed") is lost,
//!   the Panel recommends that the candidate not be appointed.
//! - There is one veto vote per hearing: there is no second veto (statute §6.8).

use super::ids::{ItemCode, VoteId};
use super::time::CivilDate;
use serde::{Deserialize, Serialize};

/// Days after the notification day on which the three-week period ends (Sch 8 para 4(6)).
pub const REPORT_PERIOD_LAST_DAY: i64 = 20;

/// What the Commissioner notified under Sch 8 para 3.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingSpec {
    /// The agenda item where the hearing is taken ("A1", S4:47).
    pub item: ItemCode,
    /// "Chief Constable of Kent Police".
    pub post: String,
    /// "Mr Tim Smith" (S4:310).
    pub candidate: String,
    pub criteria: Vec<String>,
    pub reasons: Vec<String>,
    pub terms: Vec<String>,
    /// The day the Panel received the notification.
    pub notified_on: CivilDate,
}

impl HearingSpec {
    /// The last day on which the report is in time.
    pub fn report_deadline(&self) -> CivilDate {
        self.notified_on.plus_days(REPORT_PERIOD_LAST_DAY)
    }
}

/// Where the hearing is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Hash, Eq, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum HearingStage {
    /// Notified; the hearing has not begun.
    #[default]
    Notified,
    /// The candidate answers members' questions, in public.
    Questions,
    /// The Panel deliberates (normally with the public excluded).
    PrivateDeliberation,
    /// The Panel votes on a veto and/or a recommendation.
    Vote,
    /// The report has been made to the Commissioner.
    Report,
}

impl HearingStage {
    pub fn label(self) -> &'static str {
        match self {
            HearingStage::Notified => "Notified",
            HearingStage::Questions => "Questions to the candidate",
            HearingStage::PrivateDeliberation => "Private deliberation",
            HearingStage::Vote => "Vote",
            HearingStage::Report => "Report",
        }
    }

    /// The stage the chair may move to next. The report stage is reached only by reporting.
    pub fn next(self) -> Option<HearingStage> {
        match self {
            HearingStage::Notified => Some(HearingStage::Questions),
            HearingStage::Questions => Some(HearingStage::PrivateDeliberation),
            HearingStage::PrivateDeliberation => Some(HearingStage::Vote),
            HearingStage::Vote | HearingStage::Report => None,
        }
    }
}

/// The outcome the report states (S4:258-263).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HearingOutcome {
    Veto,
    RecommendAppoint,
    RecommendNotAppoint,
}

impl HearingOutcome {
    pub fn label(self) -> &'static str {
        match self {
            HearingOutcome::Veto => "Veto of the proposed appointment",
            HearingOutcome::RecommendAppoint => "Recommendation that the candidate be appointed",
            HearingOutcome::RecommendNotAppoint => {
                "Recommendation that the candidate not be appointed"
            }
        }
    }
}

/// The hearing's state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hearing {
    pub spec: HearingSpec,
    pub stage: HearingStage,
    pub outcome: Option<HearingOutcome>,
    /// The vote that settled the outcome.
    pub decided_by: Option<VoteId>,
    /// The veto vote, once one has been opened (there is only ever one).
    pub veto_vote: Option<VoteId>,
    pub reported_on: Option<CivilDate>,
    pub reported_in_time: Option<bool>,
    /// The Commissioner's notice under Sch 8 para 7(3): `Some(true)` accepts the recommendation.
    pub commissioner_accepts: Option<bool>,
    /// The Panel's reasons for its outcome, as its report states them (set before the report is made).
    #[serde(default)]
    pub panel_reasons: Option<String>,
}

impl Hearing {
    pub fn new(spec: HearingSpec) -> Self {
        Self {
            spec,
            stage: HearingStage::Notified,
            outcome: None,
            decided_by: None,
            veto_vote: None,
            reported_on: None,
            reported_in_time: None,
            commissioner_accepts: None,
            panel_reasons: None,
        }
    }

    /// The fixed veto motion (statute §6.6).
    pub fn veto_motion(&self) -> String {
        format!(
            "That the Panel vetoes the proposed appointment of {} as {}",
            self.spec.candidate, self.spec.post
        )
    }

    /// The recommendation motion, framed so that "For" recommends appointment.
    pub fn recommendation_motion(&self) -> String {
        format!(
            "That the Panel recommends that {} be appointed as {}",
            self.spec.candidate, self.spec.post
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_week_period_includes_the_notification_day() {
        let spec = HearingSpec {
            item: ItemCode::new("A1"),
            post: "Chief Constable".into(),
            candidate: "Mr Tim Smith".into(),
            criteria: vec![],
            reasons: vec![],
            terms: vec![],
            notified_on: CivilDate::new(2022, 11, 28),
        };
        assert_eq!(spec.report_deadline(), CivilDate::new(2022, 12, 18));
    }

    #[test]
    fn stages_move_forward_one_at_a_time_and_report_is_reached_only_by_reporting() {
        assert_eq!(HearingStage::Notified.next(), Some(HearingStage::Questions));
        assert_eq!(
            HearingStage::PrivateDeliberation.next(),
            Some(HearingStage::Vote)
        );
        assert_eq!(HearingStage::Vote.next(), None);
    }
}
