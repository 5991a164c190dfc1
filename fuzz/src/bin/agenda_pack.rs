//! The agenda-pack importer (`app::meeting::import`): the text a clerk pastes or uploads to schedule a meeting
//! (`POST /api/v1/agenda-imports`). Any bytes go to `import_agenda_bytes`, as the server hands it the upload;
//! a draft it reads must be checked by the summons form's checks without panicking, and if the draft is
//! complete enough to be scheduled, its events must apply and project. `agenda_pack --seeds DIR` writes the
//! seed corpus: the opening 2 KiB and 4 KiB of each agenda pack in `app/tests/fixtures/`.

use app::meeting::import::import_agenda_bytes;
use app::meeting::summons_check::summons_problems;
use app::meeting::*;
use panelcast_fuzz::{seeds_dir, write_seeds};

fn main() {
    if let Some(dir) = seeds_dir() {
        return write_seeds(&dir, seeds());
    }
    let clerk = Actor::Clerk {
        name: "Anna Taylor".into(),
    };
    afl::fuzz!(|data: &[u8]| {
        let Ok(draft) = import_agenda_bytes(data) else {
            return;
        };
        let _ = summons_problems(&draft.spec);
        let command = Command::ScheduleMeeting(Box::new(draft.spec));
        if let Ok(events) = Meeting::default().decide(&clerk, command, Timestamp(0)) {
            let mut meeting = Meeting::default();
            for event in &events {
                meeting.apply(event);
            }
            let _ = project(&meeting, &Actor::Public);
        }
    });
}

/// The start of each pack in the tests' fixtures, cut at a line's end (a whole pack is 40–220 KB, slow to
/// mutate; its agenda part, which is what the importer reads, comes first).
fn seeds() -> Vec<(String, Vec<u8>)> {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/tests/fixtures");
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(&fixtures).expect("app/tests/fixtures") {
        let path = entry.expect("a fixture").path();
        let text = std::fs::read(&path).expect("a fixture read");
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for size in [2048, 4096] {
            let end = text[..size.min(text.len())]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(text.len().min(size), |at| at + 1);
            seeds.push((format!("{name}-{size}.txt"), text[..end].to_vec()));
        }
    }
    seeds
}
