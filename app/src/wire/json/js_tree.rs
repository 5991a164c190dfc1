//! [`Tree`] for the browser's own JavaScript values (what `JSON.parse` returns): objects and arrays are handles,
//! so a child reached with [`Tree::with_child`] is changed in place. `json_eq` compares the two values'
//! `JSON.stringify` text, so objects with the same fields in another order differ: only an RFC 6902 `test`
//! uses it, and the server never sends one.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Object, Reflect, JSON};

use super::Tree;

/// The largest integer a JavaScript number holds exactly (2^53 − 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

fn as_array(value: &JsValue) -> Option<&Array> {
    value.dyn_ref::<Array>()
}

fn as_plain_object(value: &JsValue) -> Option<&Object> {
    (value.is_object() && !Array::is_array(value)).then(|| value.unchecked_ref::<Object>())
}

/// The message of a thrown JavaScript error, or its text.
pub fn describe(error: &JsValue) -> String {
    Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "a JavaScript error".to_owned())
}

impl Tree for JsValue {
    fn parse(text: &str) -> Result<Self, String> {
        JSON::parse(text).map_err(|e| describe(&e))
    }

    fn string(text: &str) -> Self {
        JsValue::from_str(text)
    }

    fn object() -> Self {
        Object::new().into()
    }

    fn is_object(&self) -> bool {
        as_plain_object(self).is_some()
    }

    fn is_array(&self) -> bool {
        Array::is_array(self)
    }

    fn as_string(&self) -> Option<String> {
        JsValue::as_string(self)
    }

    fn as_u64(&self) -> Option<u64> {
        let n = self.as_f64()?;
        (n >= 0.0 && n.fract() == 0.0 && n <= MAX_SAFE_INTEGER).then_some(n as u64)
    }

    fn len(&self) -> usize {
        if let Some(array) = as_array(self) {
            array.length() as usize
        } else if let Some(object) = as_plain_object(self) {
            Object::keys(object).length() as usize
        } else {
            0
        }
    }

    fn field(&self, key: &str) -> Option<Self> {
        let object = as_plain_object(self)?;
        let key = JsValue::from_str(key);
        Object::has_own(object, &key)
            .then(|| Reflect::get(object, &key).ok())
            .flatten()
    }

    fn element(&self, index: usize) -> Option<Self> {
        let array = as_array(self)?;
        (index < array.length() as usize).then(|| array.get(index as u32))
    }

    fn single_field(&self) -> Option<(String, Self)> {
        let keys = Object::keys(as_plain_object(self)?);
        if keys.length() != 1 {
            return None;
        }
        let key = keys.get(0).as_string()?;
        let value = self.field(&key)?;
        Some((key, value))
    }

    fn with_child<R>(&mut self, token: &str, change: impl FnOnce(&mut Self) -> R) -> Option<R> {
        let mut child = if self.is_array() {
            self.element(token.parse().ok()?)?
        } else {
            self.field(token)?
        };
        Some(change(&mut child))
    }

    fn insert_field(&mut self, key: &str, value: Self) {
        if let Some(object) = as_plain_object(self) {
            // Setting a data property on a plain object from `JSON.parse` cannot throw.
            let _ = Reflect::set(object, &JsValue::from_str(key), &value);
        }
    }

    fn remove_field(&mut self, key: &str) -> Option<Self> {
        let previous = self.field(key)?;
        let object = as_plain_object(self)?;
        Reflect::delete_property(object, &JsValue::from_str(key)).ok()?;
        Some(previous)
    }

    fn insert_element(&mut self, index: usize, value: Self) {
        if let Some(array) = as_array(self) {
            array.splice(index.min(array.length() as usize) as u32, 0, &value);
        }
    }

    fn remove_element(&mut self, index: usize) -> Option<Self> {
        let array = as_array(self)?;
        (index < array.length() as usize).then(|| array.splice_many(index as u32, 1, &[]).get(0))
    }

    fn deep_copy(&self) -> Self {
        JSON::stringify(self)
            .ok()
            .and_then(|text| JSON::parse(&String::from(text)).ok())
            .unwrap_or(JsValue::NULL)
    }

    fn json_eq(&self, other: &Self) -> bool {
        let text = |v: &JsValue| JSON::stringify(v).ok().map(String::from);
        text(self) == text(other)
    }

    fn decode<V: serde::de::DeserializeOwned>(&self) -> Result<V, String> {
        serde_wasm_bindgen::from_value(self.clone()).map_err(|e| e.to_string())
    }
}
