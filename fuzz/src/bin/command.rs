//! Commands as the wire carries them: the JSON body of `POST /api/v1/meetings/{id}/commands` (axum's `Json`,
//! `serde_json::from_slice`) and the server function `/api/run_command`'s arguments (`app::wire::from_str`, what
//! the server decodes them with). Whatever decodes is decided as every actor on a live meeting; accepted
//! commands must be within their limits and their events must apply (`panelcast_fuzz::decide_everything`).
//! `command --seeds DIR` writes the seed corpus: every sample command, alone and as a call.

use app::api::RunCommand;
use app::meeting::Command;
use panelcast_fuzz::{command_seeds, decide_everything, live_meeting, seeds_dir, write_corpus};

fn main() {
    if let Some(dir) = seeds_dir() {
        return write_corpus(&dir, command_seeds(), true);
    }
    let meeting = live_meeting();
    afl::fuzz!(|data: &[u8]| {
        if let Ok(command) = serde_json::from_slice::<Command>(data) {
            decide_everything(&meeting, &command);
        }
        if let Ok(text) = std::str::from_utf8(data) {
            if let Ok(call) = app::wire::from_str::<RunCommand>(text) {
                decide_everything(&meeting, &call.command);
            }
        }
    });
}
