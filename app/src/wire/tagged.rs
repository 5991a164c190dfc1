//! Enums that are internally or adjacently tagged on the wire, decoded in the browser without serde's
//! buffering (see the macro's doc). `AppError` uses the macro (`protocol/mod.rs`); `CommandError` has its own
//! impls (`command_error.rs`), which only the screens that send commands install.

/// The browser build's serde impls of an enum that is internally (`tag`) or adjacently (`tag` and `content`)
/// tagged on the wire. serde's derived decoding of such an enum buffers its input in serde's private `Content`
/// and decodes each variant from that, about 2 KB of wasm per variant, so in the browser build the enum derives
/// the default external tagging instead (its `serde(tag = …)` is `cfg_attr(not(feature = "hydrate"), …)` and it
/// carries `cfg_attr(feature = "hydrate", serde(remote = "Self"))`, which turns the derives into inherent
/// functions that the impls below wrap). The impls take the JavaScript value as it arrived (serde-wasm-bindgen's
/// `preserve`, see [`super::codec`]) and convert it between the two forms with [`super::json::tagging`]. The wire format is
/// unchanged; the server keeps the plain derives.
macro_rules! tagged_on_the_wire {
    ($ty:ty, tag = $tag:literal $(, content = $content:literal)?) => {
        #[cfg(feature = "hydrate")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value: wasm_bindgen::JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
                let value = $crate::wire::json::tagging::to_external(value, $tag, None $(.or(Some($content)))?);
                <$ty>::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "hydrate")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let external = <$ty>::serialize(self, &serde_wasm_bindgen::Serializer::json_compatible())
                    .map_err(serde::ser::Error::custom)?;
                let value = $crate::wire::json::tagging::to_internal(external, $tag, None $(.or(Some($content)))?);
                serde_wasm_bindgen::preserve::serialize(&value, serializer)
            }
        }
    };
}

pub(crate) use tagged_on_the_wire;
