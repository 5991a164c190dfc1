//! What a case of `meeting_props_vetoes.rs` is made of, and its generators: how each seat is found on the day,
//! and the votes the chair puts with what happens while each is open.

use proptest::prelude::*;

/// How a seat is found on the day: `fill` 0 vacant, 1–2 a substitute in place of the holder, else its holder;
/// `absent` below the case's absence rate, the person who sits in it sends apologies or is absent.
#[derive(Clone, Debug)]
pub struct SeatPlan {
    pub fill: u8,
    pub absent: u8,
}

/// One thing that happens while a vote is open.
#[derive(Clone, Debug)]
pub enum Act {
    /// Person `who` (an index into everyone the case knows) casts or changes a ballot.
    Ballot {
        who: u8,
        choice: u8,
    },
    /// The clerk records `who` as having left, or as having arrived late.
    Leaves {
        who: u8,
    },
    Arrives {
        who: u8,
    },
}

/// One vote: its kind, what happens while it is open, how the chair ends it, and a change of seat before it.
/// `lean` (of 20) is how many of every 20 ballots are for; with `sweep`, everyone tries to vote once as it opens.
#[derive(Clone, Debug)]
pub struct VotePlan {
    pub kind: u8,
    pub lean: u8,
    pub sweep: bool,
    pub acts: Vec<Act>,
    pub casting: u8,
    pub void: bool,
    pub seat_change: Option<(u8, bool)>,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub substitutes_vote_on_vetoes: bool,
    pub absence_rate: u8,
    pub seats: Vec<SeatPlan>,
    pub votes: Vec<VotePlan>,
}

pub fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        // Mostly ballots, mostly for: vetoes must be able to pass.
        12 => (any::<u8>(), 0u8..20).prop_map(|(who, choice)| Act::Ballot { who, choice }),
        1 => any::<u8>().prop_map(|who| Act::Leaves { who }),
        1 => any::<u8>().prop_map(|who| Act::Arrives { who }),
    ]
}

pub fn vote_plan() -> impl Strategy<Value = VotePlan> {
    (
        (
            0u8..4,
            prop::sample::select(vec![6u8, 12, 16, 19, 20]),
            0u8..4,
        ),
        prop::collection::vec(act(), 0..30),
        any::<u8>(),
        0u8..10,
        prop::option::weighted(0.3, (any::<u8>(), any::<bool>())),
    )
        .prop_map(
            |((kind, lean, sweep), acts, casting, void, seat_change)| VotePlan {
                kind,
                lean,
                sweep: sweep != 0,
                acts,
                casting,
                void: void == 0,
                seat_change,
            },
        )
}

pub fn case() -> impl Strategy<Value = Case> {
    (
        any::<bool>(),
        prop::sample::select(vec![0u8, 0, 1, 2, 4, 8]),
        prop::collection::vec(
            (0u8..12, 0u8..16).prop_map(|(fill, absent)| SeatPlan { fill, absent }),
            20,
        ),
        prop::collection::vec(vote_plan(), 1..7),
    )
        .prop_map(
            |(substitutes_vote_on_vetoes, absence_rate, seats, votes)| Case {
                substitutes_vote_on_vetoes,
                absence_rate,
                seats,
                votes,
            },
        )
}
