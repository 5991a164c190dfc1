//! RFC 6902's own examples (appendix A) as a table, and, on the server build, a property: for random pairs of
//! documents, the `json-patch` crate's `diff` (what the server sends) applied here gives the second document.

use serde_json::{json, Value};

use super::{apply, parse_pointer};

fn patched(doc: Value, ops: Value) -> Result<Value, String> {
    let mut doc = doc;
    apply(&mut doc, &ops).map_err(|e| e.to_string())?;
    Ok(doc)
}

#[test]
fn rfc_6902_appendix_a() {
    let cases: Vec<(Value, Value, Result<Value, ()>)> = vec![
        // A.1 add an object member
        (
            json!({"foo": "bar"}),
            json!([{"op": "add", "path": "/baz", "value": "qux"}]),
            Ok(json!({"baz": "qux", "foo": "bar"})),
        ),
        // A.2 add an array element
        (
            json!({"foo": ["bar", "baz"]}),
            json!([{"op": "add", "path": "/foo/1", "value": "qux"}]),
            Ok(json!({"foo": ["bar", "qux", "baz"]})),
        ),
        // A.3 remove an object member
        (
            json!({"baz": "qux", "foo": "bar"}),
            json!([{"op": "remove", "path": "/baz"}]),
            Ok(json!({"foo": "bar"})),
        ),
        // A.4 remove an array element
        (
            json!({"foo": ["bar", "qux", "baz"]}),
            json!([{"op": "remove", "path": "/foo/1"}]),
            Ok(json!({"foo": ["bar", "baz"]})),
        ),
        // A.5 replace a value
        (
            json!({"baz": "qux", "foo": "bar"}),
            json!([{"op": "replace", "path": "/baz", "value": "boo"}]),
            Ok(json!({"baz": "boo", "foo": "bar"})),
        ),
        // A.6 move a value
        (
            json!({"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}}),
            json!([{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}]),
            Ok(json!({"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}})),
        ),
        // A.7 move an array element
        (
            json!({"foo": ["all", "grass", "cows", "eat"]}),
            json!([{"op": "move", "from": "/foo/1", "path": "/foo/3"}]),
            Ok(json!({"foo": ["all", "cows", "eat", "grass"]})),
        ),
        // A.8 test, success
        (
            json!({"baz": "qux", "foo": ["a", 2, "c"]}),
            json!([{"op": "test", "path": "/baz", "value": "qux"}, {"op": "test", "path": "/foo/1", "value": 2}]),
            Ok(json!({"baz": "qux", "foo": ["a", 2, "c"]})),
        ),
        // A.9 test, failure
        (
            json!({"baz": "qux"}),
            json!([{"op": "test", "path": "/baz", "value": "bar"}]),
            Err(()),
        ),
        // A.10 add a nested member object
        (
            json!({"foo": "bar"}),
            json!([{"op": "add", "path": "/child", "value": {"grandchild": {}}}]),
            Ok(json!({"foo": "bar", "child": {"grandchild": {}}})),
        ),
        // A.12 add to a nonexistent target
        (
            json!({"foo": "bar"}),
            json!([{"op": "add", "path": "/baz/bat", "value": "qux"}]),
            Err(()),
        ),
        // A.14 ~ escape ordering
        (
            json!({"/": 9, "~1": 10}),
            json!([{"op": "test", "path": "/~01", "value": 10}]),
            Ok(json!({"/": 9, "~1": 10})),
        ),
        // A.15 comparing strings and numbers
        (
            json!({"/": 9, "~1": 10}),
            json!([{"op": "test", "path": "/~01", "value": "10"}]),
            Err(()),
        ),
        // A.16 add an array value
        (
            json!({"foo": ["bar"]}),
            json!([{"op": "add", "path": "/foo/-", "value": ["abc", "def"]}]),
            Ok(json!({"foo": ["bar", ["abc", "def"]]})),
        ),
        // copy, and replacing the whole document
        (
            json!({"a": {"b": 1}}),
            json!([{"op": "copy", "from": "/a", "path": "/c"}]),
            Ok(json!({"a": {"b": 1}, "c": {"b": 1}})),
        ),
        (
            json!({"a": 1}),
            json!([{"op": "replace", "path": "", "value": [1]}]),
            Ok(json!([1])),
        ),
        // refusals: past the end, leading zero, replace of nothing, move into itself, unknown op
        (
            json!([1]),
            json!([{"op": "add", "path": "/2", "value": 0}]),
            Err(()),
        ),
        (
            json!([1, 2]),
            json!([{"op": "remove", "path": "/01"}]),
            Err(()),
        ),
        (
            json!({}),
            json!([{"op": "replace", "path": "/a", "value": 0}]),
            Err(()),
        ),
        (
            json!({"a": {}}),
            json!([{"op": "move", "from": "/a", "path": "/a/b"}]),
            Err(()),
        ),
        (
            json!({}),
            json!([{"op": "frobnicate", "path": "/a"}]),
            Err(()),
        ),
        (json!({}), json!({"op": "add"}), Err(())),
    ];
    for (doc, ops, expected) in cases {
        let got = patched(doc.clone(), ops.clone());
        match expected {
            Ok(want) => assert_eq!(got, Ok(want), "{doc} with {ops}"),
            Err(()) => assert!(got.is_err(), "{doc} with {ops} should fail, gave {got:?}"),
        }
    }
}

#[test]
fn pointers_unescape_tokens() {
    assert_eq!(parse_pointer(""), Ok(vec![]));
    assert_eq!(
        parse_pointer("/a~1b/~0c/0"),
        Ok(vec!["a/b".into(), "~c".into(), "0".into()])
    );
    assert!(parse_pointer("a").is_err());
}

#[test]
fn a_failed_operation_names_its_position() {
    let mut doc = json!({"a": 1});
    let ops = json!([{"op": "add", "path": "/b", "value": 2}, {"op": "remove", "path": "/zz"}]);
    let error = apply(&mut doc, &ops).expect_err("the second fails");
    assert_eq!(error.index, 1);
}

#[cfg(feature = "ssr")]
mod against_json_patch {
    use proptest::prelude::*;
    use serde_json::Value;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (0u32..50).prop_map(Value::from),
            "[a-c/~]{0,3}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("[a-d/~]{1,2}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn the_servers_diff_applies_here(a in json_value(), b in json_value()) {
            let ops = serde_json::to_value(json_patch::diff(&a, &b)).expect("json");
            let mut doc = a.clone();
            super::apply(&mut doc, &ops).expect("the diff applies");
            prop_assert_eq!(doc, b);
        }
    }
}
