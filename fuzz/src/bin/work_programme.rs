//! The work-programme importer (`app::meeting::programme::import_programme`): the text a clerk pastes on the
//! programme page (`POST /programme/{year}`, action `import`). Any bytes that are UTF-8 go to the importer; what
//! it reads is merged into an empty year by `decide` as the clerk's import is, the events applied, the
//! programme printed in the packs' form, and that text read again — none of which may panic.
//! `work_programme --seeds DIR` writes the seed corpus: the programme parts of the three packs in
//! `app/tests/fixtures/programme_*.txt`.

use app::meeting::programme::{
    decide, import_programme, programme_text, replay, ProgrammeCommand, YearKey,
};
use app::meeting::Actor;
use panelcast_fuzz::{seeds_dir, write_seeds};

fn main() {
    if let Some(dir) = seeds_dir() {
        return write_seeds(&dir, seeds());
    }
    let clerk = Actor::Clerk {
        name: "Anna Taylor".into(),
    };
    let year = YearKey::parse("2022/23").expect("a year");
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let Ok(read) = import_programme(text) else {
            return;
        };
        let command = ProgrammeCommand::Import {
            programme: read.programme,
        };
        if let Ok(events) = decide(&Default::default(), &clerk, &year, &command) {
            let programme = replay(&events);
            let printed = programme_text(&programme);
            assert!(import_programme(&printed).is_ok(), "the printed programme reads");
        }
    });
}

/// The work programme of each pack in the tests' fixtures, from its heading to its end.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/tests/fixtures");
    ["2017-03-28", "2020-02-06", "2022-12-06"]
        .into_iter()
        .map(|date| {
            let text = std::fs::read_to_string(fixtures.join(format!("programme_{date}.txt")))
                .expect("a fixture");
            let heading = |line: &str| {
                line.starts_with("Police and Crime Panel") && line.contains("work programme")
            };
            let lines: Vec<&str> = text.lines().collect();
            let start = lines.iter().position(|l| heading(l)).unwrap_or(0);
            let programme = lines[start..].join("\n");
            (format!("programme-{date}.txt"), programme.into_bytes())
        })
        .collect()
}
