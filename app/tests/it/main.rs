//! The core's integration tests, one test binary for the crate (linking one binary per file cost link time
//! and gigabytes of `target/`). Each former `tests/<name>.rs` is a module here, so `cargo test -p app
//! --features ssr --test it <name>::` still runs one file's tests. A new test file is `tests/it/<name>.rs` plus
//! a `mod <name>;` line below (kept in alphabetical order); shared helpers are in `common`; fixtures stay in
//! `tests/fixtures/`, and proptest keeps its regressions in `tests/proptest-regressions/<name>.txt`
//! (docs/TESTS.md).

mod common;

mod agenda_changes;
mod agenda_changes_props;
mod agenda_import;
mod carried_actions;
mod chapters;
mod fuzz_smoke;
mod hearing_report;
mod in_step;
mod input_limits;
mod meeting_kinds;
mod meeting_props;
mod meeting_props_vetoes;
mod meeting_rules;
mod minutes;
mod panel_model;
mod playlist_props;
mod programme_import;
mod programme_rules;
mod record_props;
mod roles_table;
mod running_the_day;
mod running_the_day_props;
mod scenarios;
mod scheduling;
mod substitute_correction;
mod summons_check;
mod veto;
mod vote_record;
