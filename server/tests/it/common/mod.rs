//! Test harness: the real server on port 0 with a temporary SQLite file, plus HTTP and websocket clients.

pub mod loadgen;
pub mod playlists;
pub mod postgres;

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use app::api::ssr::Identity;
use app::meeting::{Actor, Command, MemberId};
use app::protocol::{Followed, Follower, ServerMsg};
use futures_util::StreamExt;
use server::{config::Settings, startup::Application, store::EventStore};
use tokio::task::JoinHandle;
use tokio_tungstenite::{tungstenite::Message, MaybeTlsStream, WebSocketStream};

pub type Socket = WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>;

/// A running server. Dropping it does not delete the database; `restart` reuses it.
pub struct TestApp {
    pub addr: SocketAddr,
    pub base: String,
    pub db_dir: tempfile::TempDir,
    pub database_url: String,
    pub store: EventStore,
    pub app_state: server::state::AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
}

pub const DEMO: &str = "2022-12-06";

pub async fn spawn_app() -> TestApp {
    let db_dir = tempfile::tempdir().expect("temp dir");
    start(db_dir).await
}

/// A server on an existing database (e.g. one of several instances sharing a PostgreSQL database).
pub async fn spawn_app_at(database_url: &str) -> TestApp {
    let db_dir = tempfile::tempdir().expect("temp dir");
    start_at(database_url.to_owned(), db_dir).await
}

fn database_url(dir: &tempfile::TempDir) -> String {
    let path: PathBuf = dir.path().join("panelcast-test.db");
    format!("sqlite://{}?mode=rwc", path.display())
}

async fn start(db_dir: tempfile::TempDir) -> TestApp {
    start_at(database_url(&db_dir), db_dir).await
}

/// A server whose settings `adjust` changes first (e.g. small rate limits, a metrics token).
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let db_dir = tempfile::tempdir().expect("temp dir");
    let mut settings = Settings::for_tests(database_url(&db_dir));
    adjust(&mut settings);
    start_with(settings, db_dir).await
}

async fn start_at(database_url: String, db_dir: tempfile::TempDir) -> TestApp {
    start_with(Settings::for_tests(database_url), db_dir).await
}

async fn start_with(settings: Settings, db_dir: tempfile::TempDir) -> TestApp {
    let database_url = settings.database_url.clone();
    let app = Application::build(&settings)
        .await
        .expect("the application builds");
    let addr = app.local_addr();
    let app_state = app.state.clone();
    let store = app.state.store.clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        app.run_until(async {
            let _ = stopped.await;
        })
        .await
        .expect("server runs");
    });
    TestApp {
        addr,
        base: format!("http://{addr}"),
        db_dir,
        database_url,
        store,
        app_state,
        stop: Some(stop),
        server: Some(server),
    }
}

impl TestApp {
    /// Stops this server (sockets close) and starts a new one on the same database: state must be replayed.
    pub async fn restart(mut self) -> TestApp {
        self.shutdown().await;
        let db_dir = std::mem::replace(&mut self.db_dir, tempfile::tempdir().expect("temp dir"));
        start_at(self.database_url.clone(), db_dir).await
    }

    pub async fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            // Open websockets keep graceful shutdown waiting; they are dropped with the runtime anyway.
            let _ = tokio::time::timeout(Duration::from_secs(2), server).await;
        }
    }

    /// A client with a session for `actor` (signed in through a real single-use link).
    pub async fn client_as(&self, actor: Actor, name: &str) -> reqwest::Client {
        let client = cookie_client();
        let token = self.link_token(actor, name).await;
        let response = client
            .post(format!("{}/sign-in", self.base))
            .form(&[("token", token)])
            .send()
            .await
            .expect("sign in");
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "sign-in failed: {}",
            response.status()
        );
        client
    }

    /// Signs in through a real link and returns the `panelcast_session=…` cookie pair.
    pub async fn session_cookie(&self, actor: Actor, name: &str) -> String {
        let token = self.link_token(actor, name).await;
        let response = cookie_client()
            .post(format!("{}/sign-in", self.base))
            .form(&[("token", token)])
            .send()
            .await
            .expect("sign in");
        let set_cookie = response
            .headers()
            .get("set-cookie")
            .expect("a session cookie")
            .to_str()
            .expect("ascii");
        assert!(
            set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"),
            "cookie flags: {set_cookie}"
        );
        set_cookie.split(';').next().expect("name=value").to_owned()
    }

    /// A fresh single-use sign-in token for `actor`.
    pub async fn link_token(&self, actor: Actor, name: &str) -> String {
        let url = self
            .app_state
            .auth
            .sign_in_url(&Identity {
                actor,
                display_name: name.to_owned(),
                signed_in: true,
            })
            .await
            .expect("link created");
        url.rsplit('/').next().expect("token in url").to_owned()
    }

    pub async fn member(&self, id: &str) -> reqwest::Client {
        self.client_as(member_actor(id), id).await
    }

    /// The demo meeting's chair (Mr Mike Hill), signed in.
    pub async fn chair(&self) -> reqwest::Client {
        let id = self.chair_id();
        self.member(&id).await
    }

    pub fn chair_id(&self) -> String {
        let handle = self.app_state.hub.get(DEMO).expect("demo meeting");
        let members = handle.current().meeting.members();
        members
            .into_iter()
            .find(|(_, _, chair)| *chair)
            .map(|(id, _, _)| id.0)
            .expect("the demo meeting has a chair")
    }

    /// Every member of the demo meeting's panel (ids), chair included.
    pub fn member_ids(&self) -> Vec<String> {
        let handle = self.app_state.hub.get(DEMO).expect("demo meeting");
        handle
            .current()
            .meeting
            .members()
            .into_iter()
            .map(|(id, _, _)| id.0)
            .collect()
    }

    pub async fn clerk(&self) -> reqwest::Client {
        self.client_as(
            Actor::Clerk {
                name: "Test Clerk".into(),
            },
            "Test Clerk",
        )
        .await
    }

    /// POSTs `body` as JSON to `path` on this server; returns the status and the JSON body (null if none).
    pub async fn post_json(
        &self,
        client: &reqwest::Client,
        path: &str,
        body: &impl serde::Serialize,
    ) -> (u16, serde_json::Value) {
        let response = client
            .post(format!("{}{path}", self.base))
            .json(body)
            .send()
            .await
            .expect("POST request");
        let status = response.status().as_u16();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }

    /// POSTs a command; returns the status and the JSON body.
    pub async fn command(
        &self,
        client: &reqwest::Client,
        meeting: &str,
        command: &Command,
    ) -> (u16, serde_json::Value) {
        self.post_json(
            client,
            &format!("/api/v1/meetings/{meeting}/commands"),
            command,
        )
        .await
    }

    /// Like `command` but panics unless it was accepted; returns the receipt's seq.
    pub async fn ok(&self, client: &reqwest::Client, meeting: &str, command: Command) -> u64 {
        let (status, body) = self.command(client, meeting, &command).await;
        assert_eq!(status, 200, "command {command:?} was refused: {body}");
        body["seq"].as_u64().expect("receipt seq")
    }

    pub async fn log_len(&self, meeting: &str) -> usize {
        self.store
            .load(&app::meeting::MeetingId(meeting.to_owned()))
            .await
            .expect("load")
            .len()
    }

    pub fn ws_url(&self, meeting: &str) -> String {
        format!("ws://{}/ws/meetings/{meeting}", self.addr)
    }

    /// A websocket sent with a session cookie (`name=value`, from [`session_cookie`](Self::session_cookie)).
    pub async fn connect_with_cookie(&self, meeting: &str, cookie: &str) -> Socket {
        use tokio_tungstenite::tungstenite::{client::IntoClientRequest, http::HeaderValue};
        let mut request = self.ws_url(meeting).into_client_request().expect("request");
        request.headers_mut().insert(
            "Cookie",
            HeaderValue::from_str(cookie).expect("cookie header"),
        );
        let (socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("websocket connects");
        socket
    }

    /// Signs out the session of `cookie` through this server.
    pub async fn sign_out(&self, cookie: &str) {
        let response = cookie_client()
            .post(format!("{}/sign-out", self.base))
            .header("Cookie", cookie)
            .send()
            .await
            .expect("sign out");
        assert!(response.status().is_redirection());
    }

    pub async fn connect(&self, meeting: &str) -> Socket {
        let (socket, _) = tokio_tungstenite::connect_async(self.ws_url(meeting))
            .await
            .expect("websocket connects");
        socket
    }
}

pub fn member_actor(id: &str) -> Actor {
    Actor::Member {
        member: MemberId(id.to_owned()),
    }
}

pub fn cookie_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// The next `ServerMsg` on the socket (skipping pings), within 5 s.
pub async fn next_msg(socket: &mut Socket) -> ServerMsg {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("a message within 5 s")
            .expect("socket open")
            .expect("frame");
        match frame {
            Message::Text(text) => return serde_json::from_str(&text).expect("a ServerMsg"),
            Message::Ping(_) | Message::Pong(_) => continue,
            other => panic!("unexpected frame {other:?}"),
        }
    }
}

/// Reads until the server closes the socket (within 5 s); whether it first said why (a `closing` message).
pub async fn closed_with_reason(socket: &mut Socket) -> bool {
    let mut saw_closing = false;
    loop {
        match tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("the server closes the socket within 5 s")
        {
            Some(Ok(Message::Text(text))) => {
                if let Ok(ServerMsg::Closing { .. }) = serde_json::from_str(&text) {
                    saw_closing = true;
                }
            }
            Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return saw_closing,
            Some(Ok(_)) => {}
        }
    }
}

/// The next view on the socket, followed as the browser follows it (snapshots and patches), within 5 s each.
pub async fn next_view(
    socket: &mut Socket,
    follower: &mut Follower,
) -> (u64, app::meeting::MeetingView) {
    loop {
        let msg = next_msg(socket).await;
        match follower.follow(msg).expect("every message follows on") {
            Followed::View { seq, view } => return (seq, *view),
            Followed::Stale => continue,
            Followed::Closing(reason) => panic!("closed: {reason}"),
        }
    }
}

/// Follows the socket until the view is at `seq` or later; returns it.
pub async fn view_at_least(
    socket: &mut Socket,
    follower: &mut Follower,
    seq: u64,
) -> (u64, app::meeting::MeetingView) {
    loop {
        let (got, view) = next_view(socket, follower).await;
        if got >= seq {
            return (got, view);
        }
    }
}

/// The first view on a fresh socket (always a full snapshot), at `seq` or later.
pub async fn snapshot_at_least(socket: &mut Socket, seq: u64) -> (u64, app::meeting::MeetingView) {
    view_at_least(socket, &mut Follower::new(), seq).await
}
