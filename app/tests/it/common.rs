//! Helpers shared by the integration tests: actors, times on the meeting day, and a driver that
//! decides and applies like the server's writer task does.

// Paths spelled out so that fuzz/src/lib.rs can load this file with #[path] too.
#[path = "common/hearing.rs"]
mod hearing;
#[allow(unused_imports)] // each test file uses a different part of the harness
pub use hearing::*;
#[path = "common/fractions.rs"]
pub mod fractions;

use app::demo::demo_meeting;
use app::meeting::*;

pub const DEC_2022: (i32, u8, u8) = (2022, 12, 6);
pub const FEB_2017: (i32, u8, u8) = (2017, 2, 2);

/// The twelve members present on 27 September 2022 (S4:89), all on the December roster.
pub const PRESENT_27_SEP_2022: [&str; 12] = [
    "mike-hill",
    "gurvinder-sandher",
    "ian-chittenden",
    "ashley-clark",
    "peter-feacey",
    "gary-hackwell",
    "jenny-hollingsbee",
    "shane-mochrie-cox",
    "lottie-parfitt-reid",
    "habib-tejan",
    "nancy-warne",
    "richard-wells",
];

/// The other eight members of the December 2022 Panel.
pub const OTHERS_2022: [&str; 8] = [
    "oliver-richardson",
    "peter-fleming",
    "richard-palmer",
    "george-kup",
    "des-keers",
    "mark-hood",
    "john-burden",
    "elaine-bolton",
];

pub fn chair() -> Actor {
    member("mike-hill")
}

pub fn clerk() -> Actor {
    Actor::Clerk {
        name: "Mr M Dentten".to_owned(),
    }
}

pub fn member(id: &str) -> Actor {
    Actor::Member {
        member: MemberId::new(id),
    }
}

/// UK local time on a date.
pub fn at(date: (i32, u8, u8), hour: u8, minute: u8) -> Timestamp {
    Timestamp::from_london(CivilDate::new(date.0, date.1, date.2), hour, minute)
}

/// A seeded meeting with a clock that moves on a minute per command.
pub struct Session {
    pub meeting: Meeting,
    pub log: Vec<Event>,
    pub now: Timestamp,
}

impl Session {
    pub fn new(id: &str, now: Timestamp) -> Self {
        let meeting = demo_meeting(id).expect("a demo meeting");
        let log = app::demo::demo_meetings()
            .into_iter()
            .find(|(m, _)| m.as_str() == id)
            .unwrap()
            .1;
        Self { meeting, log, now }
    }

    /// Decide and apply; panics with the clerk-readable message if refused.
    pub fn run(&mut self, actor: &Actor, command: Command) -> Vec<Event> {
        match self.try_run(actor, command.clone()) {
            Ok(events) => events,
            Err(error) => panic!("{command:?} by {actor:?} was refused: {error}"),
        }
    }

    /// Decide and, if accepted, apply.
    pub fn try_run(&mut self, actor: &Actor, command: Command) -> Result<Vec<Event>, CommandError> {
        self.now = Timestamp(self.now.0 + 60_000);
        let events = self.meeting.decide(actor, command, self.now)?;
        for event in &events {
            self.meeting.apply(event);
            self.log.push(event.clone());
        }
        Ok(events)
    }

    pub fn attend(&mut self, ids: &[&str], mark: AttendanceMark) {
        for id in ids {
            self.run(
                &clerk(),
                Command::RecordAttendance {
                    member: MemberId::new(*id),
                    mark,
                },
            );
        }
    }

    pub fn vote(&mut self, vote: u32, ids: &[&str], choice: Choice) {
        for id in ids {
            let ballot_id = BallotId::new(format!("{id}-{vote}-{choice:?}"));
            self.run(
                &member(id),
                Command::CastBallot {
                    vote: VoteId(vote),
                    choice,
                    ballot_id,
                },
            );
        }
    }

    pub fn view(&self, viewer: &Actor) -> MeetingView {
        project(&self.meeting, viewer)
    }

    pub fn public_json(&self) -> String {
        serde_json::to_string(&self.view(&Actor::Public)).unwrap()
    }
}

impl Session {
    /// The chair opens the meeting and takes the hearing through its stages to the vote.
    pub fn open_to_hearing_vote(&mut self) {
        self.run(&chair(), Command::OpenMeeting);
        for stage in [
            HearingStage::Questions,
            HearingStage::PrivateDeliberation,
            HearingStage::Vote,
        ] {
            self.run(&chair(), Command::SetHearingStage { stage });
        }
    }
}

/// One actor of every kind: the public, the system, the Commissioner, a clerk, the chair and a member.
pub fn every_actor() -> Vec<Actor> {
    vec![
        Actor::Public,
        Actor::System,
        Actor::Commissioner,
        clerk(),
        chair(),
        member("peter-feacey"),
    ]
}
