//! Panelcast: the live meeting room of the Kent and Medway Police and Crime Panel.
//!
//! `meeting` is the pure core (rules, events, projections); `ui` is the leptos application shared by the
//! server (SSR) and the browser (hydration).
#![recursion_limit = "512"]

/// The browser build's serde impls of an enum that is internally (`tag`) or adjacently (`tag` and `content`)
/// tagged on the wire. serde's derived decoding of such an enum buffers its input in serde's private `Content`
/// and decodes each variant from that, about 2 KB of wasm per variant, so in the browser build the enum derives
/// the default external tagging instead (its `serde(tag = …)` is `cfg_attr(not(feature = "hydrate"), …)` and it
/// carries `cfg_attr(feature = "hydrate", serde(remote = "Self"))`, which turns the derives into inherent
/// functions that the impls below wrap). The impls take the JavaScript value as it arrived (serde-wasm-bindgen's
/// `preserve`, see [`wire`]) and convert it between the two forms with [`json::tagging`]. The wire format is
/// unchanged; the server keeps the plain derives.
macro_rules! tagged_on_the_wire {
    ($ty:ty, tag = $tag:literal $(, content = $content:literal)?) => {
        #[cfg(feature = "hydrate")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value: wasm_bindgen::JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
                let value = $crate::json::tagging::to_external(value, $tag, None $(.or(Some($content)))?);
                <$ty>::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "hydrate")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let external = <$ty>::serialize(self, &serde_wasm_bindgen::Serializer::json_compatible())
                    .map_err(serde::ser::Error::custom)?;
                let value = $crate::json::tagging::to_internal(external, $tag, None $(.or(Some($content)))?);
                serde_wasm_bindgen::preserve::serialize(&value, serializer)
            }
        }
    };
}

pub mod api;
pub mod json;
pub mod meeting;
pub mod protocol;
pub mod ui;
pub mod wire;

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
