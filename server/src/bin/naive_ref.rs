//! The naive reference for the load tool: what a first axum websocket server looks like, so `loadgen` can
//! measure Panelcast against it in the same run on the same machine.
//!
//! Deliberately naive, and nothing else: one task per viewer subscribed to a `tokio::sync::broadcast` of
//! `String`s (each viewer clones the message), axum's default websocket settings (128 KiB read buffer,
//! 128 KiB write buffer), and a task that both reads and writes its socket. It serves the same wire shape as
//! Panelcast — `{"type":"snapshot","seq":N,"view":{…}}` on `GET /ws/meetings/{id}` — with the public view of
//! the demo meeting of 6 December 2022, and `POST /api/v1/meetings/{id}/commands` bumps `seq` and broadcasts
//! a fresh snapshot (no rules, no log, no sign-in: every command is accepted as one event).
//!
//! `NAIVE_ADDR` (default `127.0.0.1:3200`) is the address to listen on.

use std::sync::{Arc, Mutex};

use app::demo;
use app::meeting::{project, Actor};
use axum::{
    extract::{
        ws::{Message, WebSocket, WebSocketUpgrade},
        State,
    },
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use tokio::sync::broadcast;

#[derive(Clone)]
struct Naive {
    /// The view's JSON, rendered once at start; each snapshot wraps it with the current `seq`.
    view: Arc<String>,
    current: Arc<Mutex<(u64, String)>>,
    changes: broadcast::Sender<String>,
}

impl Naive {
    fn snapshot(&self, seq: u64) -> String {
        format!(r#"{{"type":"snapshot","seq":{seq},"view":{}}}"#, self.view)
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let addr = std::env::var("NAIVE_ADDR").unwrap_or_else(|_| "127.0.0.1:3200".to_owned());
    let meeting = demo::demo_meeting("2022-12-06").expect("the demo meeting of 6 December 2022");
    let view = serde_json::to_string(&project(&meeting, &Actor::Public))?;
    let (changes, _) = broadcast::channel(16);
    let naive = Naive {
        view: Arc::new(view),
        current: Arc::new(Mutex::new((0, String::new()))),
        changes,
    };
    let first = naive.snapshot(0);
    naive.current.lock().unwrap_or_else(|e| e.into_inner()).1 = first;
    let app = Router::new()
        .route("/ws/meetings/{id}", get(upgrade))
        .route("/api/v1/meetings/{id}/commands", post(command))
        .route("/healthz", get(|| async { "ok" }))
        .with_state(naive);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("naive reference listening on {}", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(server::shutdown_signal())
        .await?;
    Ok(())
}

async fn upgrade(ws: WebSocketUpgrade, State(naive): State<Naive>) -> Response {
    ws.on_upgrade(move |socket| viewer(socket, naive))
}

/// One task per viewer: the current snapshot, then every broadcast one; reads the socket in the same loop.
async fn viewer(mut socket: WebSocket, naive: Naive) {
    let mut changes = naive.changes.subscribe();
    let first = naive
        .current
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .1
        .clone();
    if socket.send(Message::Text(first.into())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            change = changes.recv() => match change {
                Ok(text) => {
                    if socket.send(Message::Text(text.into())).await.is_err() {
                        return;
                    }
                }
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => {}
            },
        }
    }
}

/// Any command is one event: bump `seq`, render the snapshot, broadcast it.
async fn command(State(naive): State<Naive>) -> impl IntoResponse {
    let seq = {
        let mut current = naive.current.lock().unwrap_or_else(|e| e.into_inner());
        current.0 += 1;
        let seq = current.0;
        current.1 = naive.snapshot(seq);
        let _ = naive.changes.send(current.1.clone());
        seq
    };
    Json(serde_json::json!({ "seq": seq, "events": 1 }))
}
