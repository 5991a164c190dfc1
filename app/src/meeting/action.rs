//! Actions arising at a meeting: a Panel request or recommendation, or a Commissioner's commitment
//! ("He agreed to report back to the Panel on the progress made", S4:127; "The Commissioner agreed to
//! provide a more detailed breakdown", S2:137), each with its owner and the meeting it is due at. They
//! are listed per meeting and carried until marked done, like the "Overview of Actions" of the
//! Commissioner's own board (S3:128-133: Status | Owner | Due date).

use super::ids::ItemCode;
use serde::{Deserialize, Serialize};

/// Whose action it is (S4:127 "He agreed to report back to the Panel"; S2:111 "The Panel recommended").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// The Panel asks the Commissioner for something (S4:127 "requested a report").
    PanelRequest,
    PanelRecommendation,
    /// The Commissioner agrees to do something (S2:137, S4:221).
    CommissionerCommitment,
}

impl ActionKind {
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::PanelRequest => "Panel request",
            ActionKind::PanelRecommendation => "Panel recommendation",
            ActionKind::CommissionerCommitment => "Commissioner's commitment",
        }
    }
}

/// An action arising at the meeting, carried until marked done (S3:128-133 "Overview of Actions").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: u32,
    pub item: ItemCode,
    pub kind: ActionKind,
    /// "The Commissioner agreed to report back to the Panel on the progress made to improve performance."
    pub text: String,
    /// "The Commissioner".
    pub owner: String,
    /// The meeting it is due at: "7 February 2023".
    pub due: String,
    pub done: bool,
}
