//! Identifiers. Every id is a newtype so a seat can never be passed where a member is expected.
//!
//! String ids are slugs chosen by people (a meeting's date, a person's name, a council); numeric ids
//! (`QuestionId`, `VoteId`) are handed out by counters inside the meeting, so `decide` stays pure.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }
    };
}

macro_rules! counter_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}{}", $prefix, self.0)
            }
        }
    };
}

string_id!(
    /// A meeting, by its date slug: "2022-12-06".
    MeetingId
);
string_id!(
    /// A person, by a name slug: "mike-hill". The same person has the same id in every meeting.
    MemberId
);
string_id!(
    /// A seat on the Panel, by slug: "kcc", "sevenoaks", "co-opted-2", "independent-1".
    SeatId
);
string_id!(
    /// An agenda item's printed code: "1" … "4", "A1", "B2". Unique within a meeting's agenda.
    ItemCode
);
string_id!(
    /// A ballot's client-generated id (a UUID in practice). Re-sending the same id is a retry, not a
    /// new ballot (statute-and-security §9, "Idempotent submission").
    BallotId
);
string_id!(
    /// What a member is given when a ballot is recorded: "2022-12-06/V1/B7" (meeting, vote, the
    /// ballot's running number in that vote). Deterministic, so replaying the log gives the same receipt.
    Receipt
);

counter_id!(
    /// A question to the Commissioner, numbered from 1 in order of submission ("Question 1:", S4:183).
    QuestionId,
    "Q"
);
counter_id!(
    /// A vote, numbered from 1 in the order the chair opens them.
    VoteId,
    "V"
);
