//! The browser build's serde impls of [`CommandError`], a command's refusal: like
//! `tagged_on_the_wire!(CommandError, tag = "error")`, except that the derived decoding (about 60 KB of wasm
//! before wasm-opt, one copy per variant) is reached only through a function pointer that
//! [`read_command_errors`] installs. Only the screens that send commands call it, and they are lazily loaded
//! chunks (`ui/split.rs`), so that code is in their chunks, not in the public page's bundle. A command's refusal
//! reaches the browser only as the answer to a command those screens sent.

use std::sync::OnceLock;

use serde::de::Error as _;
use serde::ser::Error as _;
use serde_wasm_bindgen::{preserve, Deserializer, Serializer};
use wasm_bindgen::JsValue;

use crate::meeting::CommandError;
use crate::wire::json::tagging::{to_external, to_internal};

type Read = fn(JsValue) -> Result<CommandError, serde_wasm_bindgen::Error>;
static READ: OnceLock<Read> = OnceLock::new();

/// Makes this browser able to read a command's refusal (see the module's doc); idempotent.
pub fn read_command_errors() {
    READ.get_or_init(|| {
        |value| CommandError::deserialize(Deserializer::from(to_external(value, "error", None)))
    });
}

impl<'de> serde::Deserialize<'de> for CommandError {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value: JsValue = preserve::deserialize(deserializer)?;
        let read = READ.get().ok_or_else(|| {
            D::Error::custom("a command's refusal arrived on a screen that sends no commands")
        })?;
        read(value).map_err(D::Error::custom)
    }
}

impl serde::Serialize for CommandError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = CommandError::serialize(self, &Serializer::json_compatible())
            .map_err(S::Error::custom)?;
        preserve::serialize(&to_internal(value, "error", None), serializer)
    }
}
