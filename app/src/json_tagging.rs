//! Conversions between serde's enum representations in JSON, for the browser build's decoding of internally and
//! adjacently tagged enums (see `deserialize_via_json_value!` in `lib.rs`). `content` is `None` for internal
//! tagging (`{"error": "unknown_vote", "vote": 3}`) and the content field for adjacent tagging
//! (`{"kind": "command", "detail": …}`); the external form is `"variant"` for a unit variant and
//! `{"variant": content}` otherwise.

use serde_json::{Map, Value};

/// The externally tagged form of an internally or adjacently tagged `value`. A value without the tag is returned
/// as it is (the derived code then reports it as invalid).
pub fn to_external(value: Value, tag: &str, content: Option<&str>) -> Value {
    let Value::Object(mut fields) = value else {
        return value;
    };
    let Some(Value::String(variant)) = fields.remove(tag) else {
        return Value::Object(fields);
    };
    let inner = match content {
        Some(content) => fields.remove(content),
        None => (!fields.is_empty()).then_some(Value::Object(fields)),
    };
    match inner {
        None => Value::String(variant),
        Some(inner) => Value::Object(Map::from_iter([(variant, inner)])),
    }
}

/// The internally (`content` is `None`) or adjacently tagged form of an externally tagged `value`.
pub fn to_internal(value: Value, tag: &str, content: Option<&str>) -> Value {
    match value {
        Value::String(variant) => {
            Value::Object(Map::from_iter([(tag.to_owned(), Value::String(variant))]))
        }
        Value::Object(outer) if outer.len() == 1 => {
            let Some((variant, inner)) = outer.into_iter().next() else {
                unreachable!("one entry")
            };
            let mut fields = match (content, inner) {
                (Some(content), inner) => Map::from_iter([(content.to_owned(), inner)]),
                (None, Value::Object(fields)) => fields,
                (None, other) => Map::from_iter([("value".to_owned(), other)]),
            };
            fields.insert(tag.to_owned(), Value::String(variant));
            Value::Object(fields)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::{CommandError, VoteId};
    use crate::protocol::AppError;

    /// The server's (derived, tagged) JSON survives the round trip through the external form unchanged.
    fn round_trip(value: Value, tag: &str, content: Option<&str>) {
        let external = to_external(value.clone(), tag, content);
        assert_ne!(external, value);
        assert_eq!(to_internal(external, tag, content), value);
    }

    #[test]
    fn internally_and_adjacently_tagged_values_round_trip() {
        let errors = [
            CommandError::PublicCannotAct,
            CommandError::UnknownVote { vote: VoteId(3) },
            CommandError::TooManyHands {
                counted: 15,
                entitled: 14,
            },
        ];
        for error in errors {
            round_trip(serde_json::to_value(&error).unwrap(), "error", None);
            let app = AppError::Command(error);
            round_trip(serde_json::to_value(&app).unwrap(), "kind", Some("detail"));
        }
        for app in [AppError::NotFound, AppError::BadRequest("no".into())] {
            round_trip(serde_json::to_value(&app).unwrap(), "kind", Some("detail"));
        }
        assert_eq!(
            to_external(serde_json::json!({"error": "not_tied"}), "error", None),
            serde_json::json!("not_tied")
        );
        assert_eq!(
            to_external(
                serde_json::json!({"kind": "bad_request", "detail": "x"}),
                "kind",
                Some("detail")
            ),
            serde_json::json!({"bad_request": "x"})
        );
    }
}
