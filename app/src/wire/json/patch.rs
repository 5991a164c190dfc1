//! RFC 6902 JSON Patch, applied to any [`Tree`]: what the browser and the [`crate::protocol::Follower`] do with
//! the server's patch messages (the server computes them with the `json-patch` crate's `diff`).
//!
//! Operations are applied in order. If one fails (a path that does not exist, a failed `test`), the error says
//! which, and the document may hold the operations before it: the caller must then drop the document (a client
//! reconnects and gets a fresh snapshot, see `protocol`), which is cheaper than keeping an undo log in the
//! browser for a case that only a bug or a lost message can cause.

use super::Tree;

/// Why a patch did not apply: the operation's position and what was wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("operation {index}: {reason}")]
pub struct PatchError {
    pub index: usize,
    pub reason: String,
}

/// Applies the operations in `ops` (a JSON array of RFC 6902 operation objects) to `doc`.
pub fn apply<T: Tree>(doc: &mut T, ops: &T) -> Result<(), PatchError> {
    if !ops.is_array() {
        return Err(PatchError {
            index: 0,
            reason: "the operations are not a list".into(),
        });
    }
    for index in 0..ops.len() {
        let op = ops.element(index).unwrap_or_else(T::object);
        apply_one(doc, &op).map_err(|reason| PatchError { index, reason })?;
    }
    Ok(())
}

fn apply_one<T: Tree>(doc: &mut T, op: &T) -> Result<(), String> {
    let text = |field: &str| {
        op.field(field)
            .and_then(|v| v.as_string())
            .ok_or_else(|| format!("no `{field}`"))
    };
    let path = parse_pointer(&text("path")?)?;
    let value = || op.field("value").ok_or_else(|| "no `value`".to_owned());
    match text("op")?.as_str() {
        "add" => add(doc, &path, value()?),
        "remove" => remove(doc, &path).map(drop),
        "replace" => {
            remove(doc, &path)?;
            add(doc, &path, value()?)
        }
        "move" => {
            let from = parse_pointer(&text("from")?)?;
            if path.len() > from.len() && path[..from.len()] == from[..] {
                return Err("cannot move a value into itself".into());
            }
            let moved = remove(doc, &from)?;
            add(doc, &path, moved)
        }
        "copy" => {
            let from = parse_pointer(&text("from")?)?;
            let copied = get(doc, &from).ok_or("`from` does not exist")?.deep_copy();
            add(doc, &path, copied)
        }
        "test" => match get(doc, &path) {
            Some(found) if found.json_eq(&value()?) => Ok(()),
            _ => Err("test failed".into()),
        },
        other => Err(format!("unknown operation `{other}`")),
    }
}

/// A JSON Pointer (RFC 6901) as its reference tokens: `""` is the whole document, `"/a~1b/0"` is `["a/b", "0"]`.
pub fn parse_pointer(pointer: &str) -> Result<Vec<String>, String> {
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let rest = pointer
        .strip_prefix('/')
        .ok_or_else(|| format!("`{pointer}` does not start with /"))?;
    Ok(rest
        .split('/')
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect())
}

/// An array index token: digits without a leading zero (RFC 6901 §4).
fn index(token: &str) -> Option<usize> {
    let digits = token.bytes().all(|b| b.is_ascii_digit());
    let canonical = token == "0" || !token.starts_with('0');
    (digits && canonical && !token.is_empty())
        .then(|| token.parse().ok())
        .flatten()
}

/// Runs `change` on the container that holds `path`'s last token, with that token.
fn at_parent<T: Tree, R>(
    doc: &mut T,
    path: &[String],
    change: impl FnOnce(&mut T, &str) -> Result<R, String>,
) -> Result<R, String> {
    match path {
        [] => Err("the whole document has no parent".into()),
        [last] => change(doc, last),
        [first, rest @ ..] => {
            if doc.is_array() && index(first).is_none() {
                return Err(format!("`{first}` is not an array index"));
            }
            doc.with_child(first, |child| at_parent(child, rest, change))
                .unwrap_or_else(|| Err(format!("`{first}` does not exist")))
        }
    }
}

fn get<T: Tree>(doc: &T, path: &[String]) -> Option<T> {
    let child = |node: &T, token: &str| {
        if node.is_array() {
            node.element(index(token)?)
        } else {
            node.field(token)
        }
    };
    let Some((first, rest)) = path.split_first() else {
        return Some(doc.deep_copy());
    };
    let mut found = child(doc, first)?;
    for token in rest {
        found = child(&found, token)?;
    }
    Some(found)
}

fn add<T: Tree>(doc: &mut T, path: &[String], value: T) -> Result<(), String> {
    if path.is_empty() {
        *doc = value;
        return Ok(());
    }
    at_parent(doc, path, |parent, token| {
        if parent.is_array() {
            let at = match token {
                "-" => parent.len(),
                token => index(token).ok_or_else(|| format!("`{token}` is not an array index"))?,
            };
            if at > parent.len() {
                return Err(format!("index {at} is past the end"));
            }
            parent.insert_element(at, value);
            Ok(())
        } else if parent.is_object() {
            parent.insert_field(token, value);
            Ok(())
        } else {
            Err(format!(
                "`{token}`'s parent is neither an object nor an array"
            ))
        }
    })
}

fn remove<T: Tree>(doc: &mut T, path: &[String]) -> Result<T, String> {
    if path.is_empty() {
        return Ok(std::mem::replace(doc, T::object()));
    }
    at_parent(doc, path, |parent, token| {
        let removed = if parent.is_array() {
            index(token).and_then(|at| parent.remove_element(at))
        } else {
            parent.remove_field(token)
        };
        removed.ok_or_else(|| format!("`{token}` does not exist"))
    })
}

#[cfg(test)]
mod tests;
