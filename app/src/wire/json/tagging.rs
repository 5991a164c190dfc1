//! Conversions between serde's enum representations in JSON, for the browser build's decoding of internally and
//! adjacently tagged enums (see `tagged_on_the_wire!` in `wire/tagged.rs`). `content` is `None` for internal
//! tagging (`{"error": "unknown_vote", "vote": 3}`) and the content field for adjacent tagging
//! (`{"kind": "command", "detail": …}`); the external form is `"variant"` for a unit variant and
//! `{"variant": content}` otherwise. Over any [`Tree`]: the browser converts the values its `JSON.parse` made.

use super::Tree;

/// The externally tagged form of an internally or adjacently tagged `value`. A value without the tag is returned
/// as it is, less the tag (the derived code then reports it as invalid).
pub fn to_external<T: Tree>(value: T, tag: &str, content: Option<&str>) -> T {
    if !value.is_object() {
        return value;
    }
    let mut fields = value;
    let Some(variant) = fields.remove_field(tag).and_then(|v| v.as_string()) else {
        return fields;
    };
    let inner = match content {
        Some(content) => fields.remove_field(content),
        None => (!fields.is_empty()).then_some(fields),
    };
    match inner {
        None => T::string(&variant),
        Some(inner) => one_field(&variant, inner),
    }
}

/// The internally (`content` is `None`) or adjacently tagged form of an externally tagged `value`.
pub fn to_internal<T: Tree>(value: T, tag: &str, content: Option<&str>) -> T {
    if let Some(variant) = value.as_string() {
        return one_field(tag, T::string(&variant));
    }
    let Some((variant, inner)) = value.single_field() else {
        return value;
    };
    let mut fields = match content {
        Some(content) => one_field(content, inner),
        None if inner.is_object() => inner,
        None => one_field("value", inner),
    };
    fields.insert_field(tag, T::string(&variant));
    fields
}

fn one_field<T: Tree>(key: &str, value: T) -> T {
    let mut object = T::object();
    object.insert_field(key, value);
    object
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::{CommandError, VoteId};
    use crate::protocol::AppError;
    use serde_json::Value;

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
