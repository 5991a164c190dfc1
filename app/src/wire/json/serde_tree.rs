//! [`Tree`] for `serde_json::Value`: the server's, the tests' and the load tool's documents.

use serde_json::{Map, Value};

use super::Tree;

impl Tree for Value {
    fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn string(text: &str) -> Self {
        Value::String(text.to_owned())
    }

    fn object() -> Self {
        Value::Object(Map::new())
    }

    fn is_object(&self) -> bool {
        Value::is_object(self)
    }

    fn is_array(&self) -> bool {
        Value::is_array(self)
    }

    fn as_string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn as_u64(&self) -> Option<u64> {
        Value::as_u64(self)
    }

    fn len(&self) -> usize {
        match self {
            Value::Object(fields) => fields.len(),
            Value::Array(elements) => elements.len(),
            _ => 0,
        }
    }

    fn field(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }

    fn element(&self, index: usize) -> Option<Self> {
        self.as_array()?.get(index).cloned()
    }

    fn single_field(&self) -> Option<(String, Self)> {
        match self.as_object()? {
            fields if fields.len() == 1 => {
                fields.iter().next().map(|(k, v)| (k.clone(), v.clone()))
            }
            _ => None,
        }
    }

    fn with_child<R>(&mut self, token: &str, change: impl FnOnce(&mut Self) -> R) -> Option<R> {
        let child = match self {
            Value::Object(fields) => fields.get_mut(token),
            Value::Array(elements) => elements.get_mut(token.parse::<usize>().ok()?),
            _ => None,
        };
        child.map(change)
    }

    fn insert_field(&mut self, key: &str, value: Self) {
        if let Some(fields) = self.as_object_mut() {
            fields.insert(key.to_owned(), value);
        }
    }

    fn remove_field(&mut self, key: &str) -> Option<Self> {
        self.as_object_mut()?.remove(key)
    }

    fn insert_element(&mut self, index: usize, value: Self) {
        if let Some(elements) = self.as_array_mut() {
            elements.insert(index.min(elements.len()), value);
        }
    }

    fn remove_element(&mut self, index: usize) -> Option<Self> {
        let elements = self.as_array_mut()?;
        (index < elements.len()).then(|| elements.remove(index))
    }

    fn deep_copy(&self) -> Self {
        self.clone()
    }

    fn json_eq(&self, other: &Self) -> bool {
        self == other
    }

    fn decode<V: serde::de::DeserializeOwned>(&self) -> Result<V, String> {
        V::deserialize(self).map_err(|e| e.to_string())
    }
}
