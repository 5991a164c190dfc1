//! The client's side of the live wire: a [`Follower`] holds the last view it was sent, as JSON, and turns each
//! [`ServerMsg`] into the current [`MeetingView`]: a snapshot replaces it, a patch is applied to it only if it
//! was computed from exactly the version held (`base == seq held`), otherwise the client must reconnect (the
//! server then starts again with a full snapshot). Pure: no I/O, used by the browser, the tests and tools.
//!
//! [`patch_between`] is the server's side: the RFC 6902 difference between two versions of a view.

use serde_json::Value;

use super::ServerMsg;
use crate::meeting::MeetingView;

/// Why a message could not be followed; in every case the client reconnects and gets a fresh snapshot.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FollowError {
    #[error("a patch from version {base} arrived, but this client holds version {held:?}")]
    NotMyVersion { base: u64, held: Option<u64> },
    #[error("the patch does not apply: {0}")]
    BadPatch(String),
    #[error("unreadable message: {0}")]
    Unreadable(String),
}

/// What a message meant for the client.
#[derive(Debug, Clone, PartialEq)]
pub enum Followed {
    /// The view after the event numbered `seq`.
    View { seq: u64, view: Box<MeetingView> },
    /// Older than what the client holds (a race with a reconnect): ignore it.
    Stale,
    /// The server is closing the socket, for this reason.
    Closing(String),
}

/// The last version a client was sent, kept as JSON so that patches can be applied to it.
#[derive(Debug, Clone, Default)]
pub struct Follower {
    held: Option<(u64, Value)>,
}

impl Follower {
    pub fn new() -> Self {
        Self::default()
    }

    /// The seq of the version held, if any.
    pub fn seq(&self) -> Option<u64> {
        self.held.as_ref().map(|(seq, _)| *seq)
    }

    /// Reads one text message from the server.
    ///
    /// The message is read as a `serde_json::Value` and taken apart by hand, not through `ServerMsg`'s derived
    /// `Deserialize`: `ServerMsg` and json-patch's operations are internally tagged enums, whose derived code
    /// buffers every message in serde's `Content` and brings that machinery into the browser bundle; and a
    /// snapshot's `view` is kept as the JSON it arrived as instead of being serialized back from the typed view.
    pub fn receive(&mut self, text: &str) -> Result<Followed, FollowError> {
        let msg = serde_json::from_str::<Value>(text).map_err(unreadable)?;
        self.follow_json(msg)
    }

    /// Follows one message: snapshots only move forward; a patch must start from the version held.
    pub fn follow(&mut self, msg: ServerMsg) -> Result<Followed, FollowError> {
        let msg = serde_json::to_value(&msg).map_err(unreadable)?;
        self.follow_json(msg)
    }

    /// [`Follower::follow`] on a message as JSON (the wire format of [`ServerMsg`]).
    fn follow_json(&mut self, mut msg: Value) -> Result<Followed, FollowError> {
        let number = |msg: &Value, field: &str| {
            msg.get(field).and_then(Value::as_u64).ok_or_else(|| {
                FollowError::Unreadable(format!("no `{field}` number in the message"))
            })
        };
        let kind = msg.get_mut("type").map(Value::take).unwrap_or_default();
        match kind.as_str() {
            Some("snapshot") => {
                let seq = number(&msg, "seq")?;
                if self.seq().is_some_and(|held| seq < held) {
                    return Ok(Followed::Stale);
                }
                let doc = msg.get_mut("view").map(Value::take).unwrap_or_default();
                let view =
                    serde_json::from_value::<MeetingView>(doc.clone()).map_err(unreadable)?;
                self.held = Some((seq, doc));
                Ok(Followed::View {
                    seq,
                    view: Box::new(view),
                })
            }
            Some("patch") => {
                let (seq, base) = (number(&msg, "seq")?, number(&msg, "base")?);
                let ops = match msg.get_mut("ops").map(Value::take) {
                    Some(Value::Array(ops)) => ops
                        .into_iter()
                        .map(operation)
                        .collect::<Result<Vec<_>, _>>()
                        .map(json_patch::Patch)?,
                    _ => return Err(FollowError::Unreadable("no `ops` list in the patch".into())),
                };
                let held = self.seq();
                let Some((_, doc)) = self.held.as_mut().filter(|(at, _)| *at == base) else {
                    return Err(FollowError::NotMyVersion { base, held });
                };
                // `json_patch::patch` undoes every operation if one fails, so `doc` stays the version held.
                json_patch::patch(doc, &ops).map_err(|e| FollowError::BadPatch(e.to_string()))?;
                let view = serde_json::from_value::<MeetingView>(doc.clone());
                match view {
                    Ok(view) => {
                        self.held = self.held.take().map(|(_, doc)| (seq, doc));
                        Ok(Followed::View {
                            seq,
                            view: Box::new(view),
                        })
                    }
                    Err(e) => {
                        // The document no longer matches the version held: forget it, so that nothing more
                        // is applied until the fresh snapshot after the reconnect.
                        self.held = None;
                        Err(FollowError::BadPatch(e.to_string()))
                    }
                }
            }
            Some("closing") => match msg.get_mut("reason").map(Value::take) {
                Some(Value::String(reason)) => Ok(Followed::Closing(reason)),
                _ => Err(FollowError::Unreadable(
                    "no `reason` in the closing message".into(),
                )),
            },
            _ => Err(FollowError::Unreadable("unknown message type".into())),
        }
    }
}

fn unreadable(error: serde_json::Error) -> FollowError {
    FollowError::Unreadable(error.to_string())
}

/// One RFC 6902 operation, read by hand (see [`Follower::receive`]).
fn operation(op: Value) -> Result<json_patch::PatchOperation, FollowError> {
    use json_patch::{
        AddOperation, CopyOperation, MoveOperation, PatchOperation, RemoveOperation,
        ReplaceOperation, TestOperation,
    };
    let Value::Object(mut op) = op else {
        return Err(FollowError::Unreadable(
            "a patch operation is not an object".into(),
        ));
    };
    let mut pointer = |field: &str| match op.remove(field) {
        Some(Value::String(pointer)) => json_patch::jsonptr::PointerBuf::parse(pointer)
            .map_err(|e| FollowError::Unreadable(format!("bad `{field}` pointer: {e}"))),
        _ => Err(FollowError::Unreadable(format!(
            "no `{field}` pointer in the operation"
        ))),
    };
    let path = pointer("path")?;
    let from = pointer("from");
    let value = op
        .remove("value")
        .ok_or_else(|| FollowError::Unreadable("no `value` in the operation".into()));
    Ok(match op.get("op").and_then(Value::as_str) {
        Some("add") => PatchOperation::Add(AddOperation {
            path,
            value: value?,
        }),
        Some("remove") => PatchOperation::Remove(RemoveOperation { path }),
        Some("replace") => PatchOperation::Replace(ReplaceOperation {
            path,
            value: value?,
        }),
        Some("move") => PatchOperation::Move(MoveOperation { from: from?, path }),
        Some("copy") => PatchOperation::Copy(CopyOperation { from: from?, path }),
        Some("test") => PatchOperation::Test(TestOperation {
            path,
            value: value?,
        }),
        _ => return Err(FollowError::Unreadable("unknown patch operation".into())),
    })
}

/// The patch message that turns `base` (the view at `base_seq`, as JSON) into `next` (the view at `seq`).
#[cfg(feature = "ssr")]
pub fn patch_between(base_seq: u64, base: &Value, seq: u64, next: &Value) -> ServerMsg {
    ServerMsg::Patch {
        seq,
        base: base_seq,
        ops: json_patch::diff(base, next),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::meeting::{project, seed, Actor, Meeting};

    fn demo() -> Meeting {
        let (_, events) = seed::demo_meetings()
            .into_iter()
            .next()
            .expect("a demo meeting");
        let mut meeting = Meeting::default();
        for event in &events {
            meeting.apply(event);
        }
        meeting
    }

    fn snapshot(meeting: &Meeting) -> (ServerMsg, Value) {
        let view = project(meeting, &Actor::Public);
        let doc = serde_json::to_value(&view).expect("json");
        let msg = ServerMsg::Snapshot {
            seq: meeting.seq(),
            view: Box::new(view),
        };
        (msg, doc)
    }

    #[test]
    fn a_patch_on_the_version_held_gives_the_next_view_and_is_small() {
        let meeting = demo();
        let (first, first_doc) = snapshot(&meeting);
        // A different view of the same meeting stands in for "the next version": what matters is that the
        // patch rebuilds it exactly.
        let mut next_view = project(&meeting, &Actor::Public);
        next_view.seq += 1;
        next_view.phase = "open".into();
        next_view.phase_label = "Open".into();
        let next_doc = serde_json::to_value(&next_view).expect("json");
        let patch = patch_between(meeting.seq(), &first_doc, meeting.seq() + 1, &next_doc);

        let full = serde_json::to_string(&first).expect("json").len();
        let small = serde_json::to_string(&patch).expect("json").len();
        assert!(small * 10 < full, "patch {small} B vs snapshot {full} B");

        let mut follower = Follower::new();
        follower.follow(first).expect("snapshot");
        let Followed::View { seq, view } = follower.follow(patch).expect("patch applies") else {
            panic!("a view")
        };
        assert_eq!(seq, meeting.seq() + 1);
        assert_eq!(*view, next_view);
        assert_eq!(follower.seq(), Some(meeting.seq() + 1));
    }

    #[test]
    fn a_patch_from_another_version_is_refused_and_changes_nothing() {
        let meeting = demo();
        let (first, doc) = snapshot(&meeting);
        let mut follower = Follower::new();
        let patch = patch_between(meeting.seq() + 7, &doc, meeting.seq() + 8, &doc);
        assert_eq!(
            follower.follow(patch.clone()),
            Err(FollowError::NotMyVersion {
                base: meeting.seq() + 7,
                held: None
            })
        );
        follower.follow(first).expect("snapshot");
        assert!(matches!(
            follower.follow(patch),
            Err(FollowError::NotMyVersion { .. })
        ));
        assert_eq!(follower.seq(), Some(meeting.seq()));
    }

    #[test]
    fn an_older_snapshot_is_stale_and_a_bad_patch_is_an_error() {
        let meeting = demo();
        let (first, _) = snapshot(&meeting);
        let mut follower = Follower::new();
        follower.follow(first.clone()).expect("snapshot");
        let mut older = first;
        if let ServerMsg::Snapshot { seq, .. } = &mut older {
            *seq -= 1;
        }
        assert_eq!(follower.follow(older), Ok(Followed::Stale));

        let bad =
            r#"{"type":"patch","seq":999,"base":SEQ,"ops":[{"op":"remove","path":"/no/such"}]}"#
                .replace("SEQ", &meeting.seq().to_string());
        assert!(matches!(
            follower.receive(&bad),
            Err(FollowError::BadPatch(_))
        ));
        assert_eq!(
            follower.seq(),
            Some(meeting.seq()),
            "a failed patch keeps the version held"
        );
        assert!(matches!(
            follower.receive("not json"),
            Err(FollowError::Unreadable(_))
        ));
    }
}
