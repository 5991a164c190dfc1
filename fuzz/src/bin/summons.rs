//! The summons: the JSON body of `POST /api/v1/meetings` (a `MeetingSpec`, axum's `Json`). Whatever decodes is
//! checked as the clerk's form checks it (`summons_problems`) and decided as `ScheduleMeeting` on an empty
//! meeting, as the server does; an accepted summons must be within its limits, and its events must apply and
//! project. `summons --seeds DIR` writes the seed corpus: the sample summons and every demo meeting's.

use app::meeting::summons_check::summons_problems;
use app::meeting::*;
use panelcast_fuzz::{seeds_dir, summons_seeds, write_corpus};

fn main() {
    if let Some(dir) = seeds_dir() {
        return write_corpus(&dir, summons_seeds(), true);
    }
    let clerk = Actor::Clerk {
        name: "Anna Taylor".into(),
    };
    afl::fuzz!(|data: &[u8]| {
        let Ok(spec) = serde_json::from_slice::<MeetingSpec>(data) else {
            return;
        };
        let _ = summons_problems(&spec);
        let command = Command::ScheduleMeeting(Box::new(spec));
        if let Ok(events) = Meeting::default().decide(&clerk, command.clone(), Timestamp(0)) {
            assert_eq!(
                limits::check(&command),
                Ok(()),
                "accepted beyond its limits"
            );
            let mut meeting = Meeting::default();
            for event in &events {
                meeting.apply(event);
            }
            let _ = project(&meeting, &Actor::Public);
            let _ = project(&meeting, &clerk);
        }
    });
}
