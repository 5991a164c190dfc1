//! The public path: the anonymous viewers of a meeting's page, thousands at once.
//!
//! - [`handshake`]: the websocket upgrade, answered by hand, and the fan-out runtime the connections run on;
//!   it joins each new viewer to its meeting's audience before the first snapshot.
//! - [`audience`]: the viewers of each meeting and the fan-out tasks that write every public update (coalesced
//!   by `hub::coalesce`) straight to their sockets.
//! - [`viewer`]: one viewer's connection and the task that does what the fan-out does not (first snapshot,
//!   pings, the client's frames, the slow path).
//! - [`outbox`]: what a viewer's socket still owes it, written without copying the shared payload.

pub mod audience;
pub mod handshake;
mod outbox;
pub mod viewer;

pub use audience::Audiences;
pub use handshake::{set_fanout_nice, upgrade};
