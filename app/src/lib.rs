//! Panelcast: the live meeting room of the Kent and Medway Police and Crime Panel.
//!
//! `meeting` is the pure core (rules, events, projections); `ui` is the leptos application shared by the
//! server (SSR) and the browser (hydration).
#![recursion_limit = "512"]

/// In the browser build, makes `$ty`'s `Deserialize` read a `serde_json::Value` first and run the derived code on
/// that, so the derived code is compiled once (for `Value`) instead of once per deserializer that reaches it: a
/// meeting view arrives from the SSR resource (`from_str`), a server function (`from_slice`) and the websocket
/// (a `Value`), and each copy of the view's derived code was tens of KB of wasm; an `AppError` likewise arrives
/// from every server function and resource. The type must carry
/// `#[cfg_attr(feature = "hydrate", serde(remote = "Self"))]`, which turns its derives into inherent functions that
/// the impls below wrap. The wire format is unchanged; the server keeps the plain derives.
///
/// With `tag = …` (and `content = …`), for an enum that is internally (adjacently) tagged on the wire: serde's
/// derived code for such an enum buffers its input in serde's private `Content` and decodes each variant from
/// that, about 2 KB of wasm per variant (`CommandError` has 60). So in the browser build the enum must use the
/// default, external tagging (its `serde(tag = …)` only `cfg_attr(not(feature = "hydrate"), …)`), and the value is
/// converted between the two forms by [`json_tagging`] on the way in and out.
macro_rules! deserialize_via_json_value {
    ($ty:ty) => {
        #[cfg(feature = "hydrate")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                <$ty>::deserialize(value).map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "hydrate")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$ty>::serialize(self, serializer)
            }
        }
    };
    ($ty:ty, tag = $tag:literal $(, content = $content:literal)?) => {
        #[cfg(feature = "hydrate")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                let value = $crate::json_tagging::to_external(value, $tag, None $(.or(Some($content)))?);
                <$ty>::deserialize(value).map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "hydrate")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let value = <$ty>::serialize(self, serde_json::value::Serializer).map_err(serde::ser::Error::custom)?;
                let value = $crate::json_tagging::to_internal(value, $tag, None $(.or(Some($content)))?);
                serde::Serialize::serialize(&value, serializer)
            }
        }
    };
}

pub mod api;
#[doc(hidden)]
pub mod json_tagging;
pub mod meeting;
pub mod protocol;
pub mod ui;

/// The browser entry point: hydrates the server-rendered page. A page whose code is in a lazily loaded chunk
/// (every page but the public meeting page, see `ui::split`) first loads that chunk, so that hydration stays
/// synchronous and matches the server's HTML exactly.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    match ui::preload_for_path(&path) {
        None => leptos::mount::hydrate_body(ui::App),
        Some(chunk) => wasm_bindgen_futures::spawn_local(async move {
            chunk.await;
            leptos::mount::hydrate_body(ui::App);
        }),
    }
}
