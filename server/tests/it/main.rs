//! The server's integration tests, one test binary for the crate: the real server on port 0 (`common`), the
//! event store on SQLite and PostgreSQL, the websocket loop, the server binary as a process. Each former
//! `tests/<name>.rs` is a module here, so `cargo test -p server --test it <name>::` still runs one file's
//! tests. A new test file is `tests/it/<name>.rs` plus a `mod <name>;` line below (kept in alphabetical
//! order); fixtures stay in `tests/fixtures/` (docs/TESTS.md).

mod common;

mod agenda_changes;
mod agenda_import;
mod archive;
mod archive_https;
mod carried_actions;
mod chaos;
mod commands;
mod hearing_report;
mod instances;
mod links;
mod loadgen_smoke;
mod meeting_kinds;
mod minutes;
mod multi_instance;
mod openapi;
mod page_cache;
mod private_session;
mod process;
mod programme;
mod scheduling;
mod security;
mod server_basics;
mod server_functions;
mod sign_in;
mod store_contract;
mod stored_log;
mod vote_record;
mod ws_connection;
mod ws_live;
