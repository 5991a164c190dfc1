//! # The wire: JSON between server and browser, and a small browser bundle
//!
//! Thousands of public viewers download the public meeting page's wasm and JS, so its size is budgeted
//! (`cargo xtask bundle-size --check`, run by `scripts/test.sh`; the budget is `PUBLIC_PAGE_BUDGET` in
//! `xtask/src/bundle.rs`). Everything in the application that exists for that budget is in this module. What goes
//! over the wire is unchanged by all of it: plain JSON, exactly what `serde_json` writes, so the HTTP API, the
//! websocket and the stored log read the same on every side.
//!
//! - **One codec** for everything the browser reads and sends ([`codec`]: [`Wire`], [`WireJson`], [`resource`]),
//!   decoding with the browser's own `JSON.parse` and serde-wasm-bindgen. Saves the JSON parser, and compiles
//!   serde's derived decoding once per type, for one deserializer (≈ 30 KB brotli). Tested: `codec`'s unit
//!   test (the wire is plain JSON both ways).
//! - **JSON documents over any tree** ([`json`]): RFC 6902 patches and tag conversions on the JavaScript values
//!   `JSON.parse` made (`js_tree`), the same code on `serde_json::Value` on the server and in tests
//!   (`serde_tree`). Saves `serde_json::Value` and `json-patch` in the bundle, while public viewers get patches
//!   of a few hundred bytes instead of an ~11 KB snapshot. Tested: `json/patch/tests.rs`, against the
//!   `json-patch` crate the server diffs with.
//! - **Tagged enums** ([`tagged`]: `tagged_on_the_wire!`, used by `protocol::AppError`): an internally or
//!   adjacently tagged enum derives serde's external tagging in the browser build (it carries
//!   `cfg_attr(feature = "hydrate", serde(remote = "Self"))`) and the impls convert. Saves serde's buffering of
//!   tagged enums, about 2 KB of wasm per variant. Tested: `json/tagging.rs`'s unit tests, and `codec`'s test
//!   round-trips an `AppError` holding a `CommandError`.
//! - **A refusal is read only where commands are sent** ([`command_error`], browser only): `CommandError`'s
//!   decoding is reached through a function pointer that `read_command_errors` installs, called by
//!   `ui::command::Dispatch`, which only the lazily loaded screens use. Moves about 60 KB of wasm (before
//!   wasm-opt) out of the public page's bundle into those chunks. Tested: `json/tagging.rs` (the conversion)
//!   and the browser journey `end2end/tests/refusal.spec.ts` (a refusal shown in the rule's words).
//!
//! The core (`meeting/`) holds no browser code: `CommandError` carries only the two `cfg_attr` serde attributes
//! that pick its tagging per build; its browser impls are here.
//!
//! The same budget is kept outside the application's source, where each trick belongs to its layer:
//! - code splitting: `ui/split.rs` (every page but the public meeting page, and the router, are wasm chunks
//!   fetched when shown; docs/TOOLCHAIN.md);
//! - `--cfg erase_components` in `.cargo/config.toml` (views type-erased: about 15 % of the wasm);
//! - `vendor/tachys`, leptos's renderer with one upstream change (about 450 KB of wasm before wasm-opt;
//!   vendor/README.md says when to delete it).

pub mod codec;
#[cfg(feature = "hydrate")]
mod command_error;
pub mod json;
mod tagged;

pub use codec::{from_str, resource, to_string, Wire, WireJson};
#[cfg(feature = "hydrate")]
pub use command_error::read_command_errors;
pub(crate) use tagged::tagged_on_the_wire;
