//! JSON on the wire, one codec for everything the browser reads and sends: server functions
//! ([`WireJson`], `#[server(input = WireJson, output = WireJson)]`), resources serialized into the page
//! (`Resource::new_with_options` with [`Wire`]) and the websocket (`protocol::Follower`).
//!
//! The text is plain JSON, the same as `serde_json` writes, so the HTTP API is unchanged. On the server (and in
//! tests) it is `serde_json`. In the browser it is the browser's own `JSON.parse`/`JSON.stringify` with
//! serde-wasm-bindgen between the JavaScript values and the Rust types: the bundle then carries no JSON parser,
//! and serde's derived decoding of each type is compiled once, for one deserializer (the public page's
//! bundle size; it was one copy per deserializer and the `serde_json` parser, ≈ 30 KB brotli).

use leptos::prelude::Resource;
use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::{de::DeserializeOwned, Serialize};

/// Decodes JSON text.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    #[cfg(feature = "hydrate")]
    {
        use crate::wire::json::Tree;
        <wasm_bindgen::JsValue as Tree>::parse(text)?.decode()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// Encodes as JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    #[cfg(feature = "hydrate")]
    {
        // JSON-compatible: maps as objects, `None` as null, 64-bit numbers as numbers.
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = value.serialize(&serializer).map_err(|e| e.to_string())?;
        web_sys::js_sys::JSON::stringify(&value)
            .map(String::from)
            .map_err(|e| crate::wire::json::js_tree::describe(&e))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        serde_json::to_string(value).map_err(|e| e.to_string())
    }
}

/// A resource (see `leptos::prelude::Resource::new`) whose value the server writes into the page and the
/// browser reads with [`Wire`].
#[track_caller]
pub fn resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T, Wire>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// The codec: JSON text, read and written as described in the module's doc.
pub struct Wire;

/// Server functions' arguments and answers as [`Wire`] JSON in a `POST` body.
pub type WireJson = Post<Wire>;

impl<T: Serialize> codee::Encoder<T> for Wire {
    type Error = String;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, String> {
        to_string(value)
    }
}

impl<T: DeserializeOwned> codee::Decoder<T> for Wire {
    type Error = String;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, String> {
        from_str(text)
    }
}

impl ContentType for Wire {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for Wire {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for Wire {
    type Error = String;

    fn encode(value: &T) -> Result<Bytes, String> {
        to_string(value).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for Wire {
    type Error = String;

    fn decode(bytes: Bytes) -> Result<T, String> {
        let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
        from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::{CommandError, VoteId};
    use crate::protocol::AppError;

    /// The codec writes what `serde_json` writes and reads it back (the server's side of every exchange).
    #[test]
    fn the_wire_is_plain_json() {
        let errors = [
            AppError::NotFound,
            AppError::Command(CommandError::UnknownVote { vote: VoteId(3) }),
        ];
        for error in errors {
            let text = <Wire as codee::Encoder<AppError>>::encode(&error).expect("encodes");
            assert_eq!(text, serde_json::to_string(&error).expect("json"));
            let back: AppError =
                <Wire as codee::Decoder<AppError>>::decode(&text).expect("decodes");
            assert_eq!(back, error);
        }
        let bytes = <Wire as Encodes<(u64, String)>>::encode(&(7, "x".into())).expect("encodes");
        assert_eq!(&bytes[..], br#"[7,"x"]"#);
        let back: (u64, String) = <Wire as Decodes<_>>::decode(bytes).expect("decodes");
        assert_eq!(back, (7, "x".to_owned()));
        assert!(from_str::<u64>("not json").is_err());
    }
}
