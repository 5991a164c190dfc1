//! The client's side of the live wire: a [`Follower`] holds the last view it was sent, as a JSON document, and
//! turns each [`ServerMsg`] into the current [`MeetingView`]: a snapshot replaces it, a patch is applied to it
//! only if it was computed from exactly the version held (`base == seq held`), otherwise the client must
//! reconnect (the server then starts again with a full snapshot). A patch that does not apply leaves the
//! follower holding nothing, so that nothing more is applied until that fresh snapshot. Pure: no I/O; the
//! browser follows over its own JavaScript values (`Follower<JsValue>`), the tests and tools over
//! `serde_json::Value` (see [`crate::wire::json`]).
//!
//! [`patch_between`] is the server's side: the RFC 6902 difference between two versions of a view.

use serde_json::Value;

use super::ServerMsg;
use crate::meeting::MeetingView;
use crate::wire::json::{patch, Tree};

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

/// The last version a client was sent, kept as JSON (`D`) so that patches can be applied to it.
#[derive(Debug, Clone)]
pub struct Follower<D = Value> {
    held: Option<(u64, D)>,
}

impl<D> Default for Follower<D> {
    fn default() -> Self {
        Self { held: None }
    }
}

impl Follower<Value> {
    /// A follower over `serde_json` values (tests and tools).
    pub fn new() -> Self {
        Self::default()
    }

    /// Follows one typed message (tests): as [`Follower::receive`] on its JSON.
    pub fn follow(&mut self, msg: ServerMsg) -> Result<Followed, FollowError> {
        let msg = serde_json::to_value(&msg).map_err(|e| FollowError::Unreadable(e.to_string()))?;
        self.follow_json(msg)
    }
}

impl<D: Tree> Follower<D> {
    /// The seq of the version held, if any.
    pub fn seq(&self) -> Option<u64> {
        self.held.as_ref().map(|(seq, _)| *seq)
    }

    /// Reads one text message from the server: snapshots only move forward; a patch must start from the
    /// version held.
    ///
    /// The message is taken apart as JSON, not through `ServerMsg`'s derived `Deserialize`: `ServerMsg` and
    /// the patch operations are internally tagged enums, whose derived code buffers every message in serde's
    /// `Content` and brings that machinery into the browser bundle; and a snapshot's `view` is kept as the JSON
    /// it arrived as instead of being serialized back from the typed view.
    pub fn receive(&mut self, text: &str) -> Result<Followed, FollowError> {
        let msg = D::parse(text).map_err(FollowError::Unreadable)?;
        self.follow_json(msg)
    }

    fn follow_json(&mut self, mut msg: D) -> Result<Followed, FollowError> {
        let number = |msg: &D, field: &str| {
            msg.field(field).and_then(|v| v.as_u64()).ok_or_else(|| {
                FollowError::Unreadable(format!("no `{field}` number in the message"))
            })
        };
        match msg.field("type").and_then(|v| v.as_string()).as_deref() {
            Some("snapshot") => {
                let seq = number(&msg, "seq")?;
                if self.seq().is_some_and(|held| seq < held) {
                    return Ok(Followed::Stale);
                }
                let doc = msg
                    .remove_field("view")
                    .ok_or_else(|| FollowError::Unreadable("no `view` in the snapshot".into()))?;
                let view = doc
                    .decode::<MeetingView>()
                    .map_err(FollowError::Unreadable)?;
                self.held = Some((seq, doc));
                Ok(Followed::View {
                    seq,
                    view: Box::new(view),
                })
            }
            Some("patch") => {
                let (seq, base) = (number(&msg, "seq")?, number(&msg, "base")?);
                let ops = msg
                    .remove_field("ops")
                    .filter(Tree::is_array)
                    .ok_or_else(|| FollowError::Unreadable("no `ops` list in the patch".into()))?;
                let held = self.seq();
                let mut doc = match self.held.take() {
                    Some((at, doc)) if at == base => doc,
                    other => {
                        self.held = other;
                        return Err(FollowError::NotMyVersion { base, held });
                    }
                };
                // On any failure the document is dropped with `doc` (see the module's doc).
                patch::apply(&mut doc, &ops).map_err(|e| FollowError::BadPatch(e.to_string()))?;
                let view = doc.decode::<MeetingView>().map_err(FollowError::BadPatch)?;
                self.held = Some((seq, doc));
                Ok(Followed::View {
                    seq,
                    view: Box::new(view),
                })
            }
            Some("closing") => msg
                .field("reason")
                .and_then(|v| v.as_string())
                .map(Followed::Closing)
                .ok_or_else(|| {
                    FollowError::Unreadable("no `reason` in the closing message".into())
                }),
            _ => Err(FollowError::Unreadable("unknown message type".into())),
        }
    }
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
    use crate::demo;
    use crate::meeting::{project, Actor, Meeting};

    fn demo() -> Meeting {
        let (_, events) = demo::demo_meetings()
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
            None,
            "a failed patch forgets the version held: nothing more applies until a fresh snapshot"
        );
        assert!(matches!(
            follower.receive("not json"),
            Err(FollowError::Unreadable(_))
        ));
    }
}
