//! JSON documents as the live wire needs them, over any tree: [`Tree`] is what the RFC 6902 [`patch`] and the
//! tag conversions in [`tagging`] need of a JSON value. The server, the tests and the load tool use
//! `serde_json::Value` ([`serde_tree`]); the browser uses the JavaScript values its own `JSON.parse` makes
//! (`js_tree`), so that the public page's bundle carries no JSON parser or value type of its own (the
//! wasm bundle's size). Both are the same algorithm, tested here on `serde_json::Value` against the `json-patch`
//! crate the server diffs with.

pub mod patch;
mod serde_tree;
pub mod tagging;

#[cfg(feature = "hydrate")]
pub mod js_tree;

/// A JSON value that can be read and changed in place. Containers are changed through their own methods; a
/// child is reached with [`Tree::with_child`], so that an implementation whose children are handles (a
/// JavaScript object) and one that owns them (`serde_json::Value`) both work.
pub trait Tree: Sized {
    /// Parses JSON text.
    fn parse(text: &str) -> Result<Self, String>;
    /// A JSON string.
    fn string(text: &str) -> Self;
    /// An empty JSON object.
    fn object() -> Self;

    fn is_object(&self) -> bool;
    fn is_array(&self) -> bool;
    /// The string, if this is one.
    fn as_string(&self) -> Option<String>;
    /// The number, if this is a non-negative integer that fits.
    fn as_u64(&self) -> Option<u64>;
    /// The number of fields of an object or elements of an array (0 for anything else).
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// An object's field, as a copy (`serde_json`) or a handle (JavaScript).
    fn field(&self, key: &str) -> Option<Self>;
    /// An array's element, as a copy or a handle.
    fn element(&self, index: usize) -> Option<Self>;
    /// An object's only field, with its name (externally tagged enums: `{"variant": content}`).
    fn single_field(&self) -> Option<(String, Self)>;
    /// Runs `change` on an object's field or an array's element in place; `None` if there is none.
    fn with_child<R>(&mut self, token: &str, change: impl FnOnce(&mut Self) -> R) -> Option<R>;

    /// Sets an object's field (nothing happens to anything else).
    fn insert_field(&mut self, key: &str, value: Self);
    /// Removes an object's field.
    fn remove_field(&mut self, key: &str) -> Option<Self>;
    /// Inserts into an array at `index` (≤ its length).
    fn insert_element(&mut self, index: usize, value: Self);
    /// Removes an array's element.
    fn remove_element(&mut self, index: usize) -> Option<Self>;

    /// An independent copy (a JavaScript handle would otherwise alias).
    fn deep_copy(&self) -> Self;
    /// Whether two values are equal as JSON (RFC 6902 `test`).
    fn json_eq(&self, other: &Self) -> bool;

    /// The typed value this JSON is the serde form of.
    fn decode<V: serde::de::DeserializeOwned>(&self) -> Result<V, String>;
}
