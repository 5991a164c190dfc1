//! Authentication: who is making a request. (What they may do is the meeting core's business.)
//!
//! Sign-in needs no email server: the clerk (or the `sign-in-link` CLI) creates a single-use link per person;
//! opening it and pressing "Sign in" sets a session cookie (`HttpOnly`, `SameSite=Strict`, `Secure` over TLS).
//! The link is redeemed by a POST, not by the GET, so a link-preview bot cannot use it up.

mod link_routes;
pub mod links;
mod routes;
mod sessions;
pub mod store;
mod tokens;

use std::{collections::HashMap, sync::Arc, sync::Mutex, time::Duration};

use app::api::ssr::Identity;
use axum::{extract::Request, extract::State, middleware::Next, response::Response};
use axum_extra::extract::CookieJar;
use sqlx::AnyPool;
use tokio_util::sync::CancellationToken;

use crate::store::{Backend, EventStore};

pub use routes::routes;
pub use tokens::token_hash;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "panelcast_session";

/// The PostgreSQL notification channel on which a sign-out announces the session's token hash, so every
/// instance closes its own websockets of that session (`crate::peers`).
pub const SIGN_OUT_CHANNEL: &str = "panelcast_sign_out";

/// Authentication state shared by the middleware and the sign-in routes.
#[derive(Clone)]
pub struct Auth {
    pub pool: AnyPool,
    pub public_url: String,
    pub link_ttl: Duration,
    pub session_ttl: Duration,
    pub secure_cookies: bool,
    /// Whether other instances share the database and must hear of sign-outs (PostgreSQL).
    announce_sign_outs: bool,
    /// Live websockets by session token hash (never the token itself, so a sign-out can be announced).
    sockets: Arc<Mutex<HashMap<String, CancellationToken>>>,
    /// Sessions found live a moment ago ([`sessions`]: at most 5 s, forgotten on sign-out).
    sessions: sessions::Sessions,
}

/// The session a request came with, kept beside its [`Identity`] so sign-out and sockets can find it.
#[derive(Debug, Clone)]
pub struct SessionKey(pub String);

impl Auth {
    /// Accounts in `store`'s database; sign-outs are announced to other instances when it is PostgreSQL.
    pub fn new(
        store: &EventStore,
        public_url: String,
        link_ttl: Duration,
        session_ttl: Duration,
        secure: bool,
    ) -> Self {
        Self {
            pool: store.pool().clone(),
            public_url,
            link_ttl,
            session_ttl,
            secure_cookies: secure,
            announce_sign_outs: store.backend() == Backend::Postgres,
            sockets: Default::default(),
            sessions: Default::default(),
        }
    }

    /// Creates a sign-in link for `identity` and returns its full URL.
    pub async fn sign_in_url(
        &self,
        identity: &Identity,
    ) -> Result<String, crate::error::StoreError> {
        self.sign_in_url_for(identity, None).await
    }

    /// [`Auth::sign_in_url`], listed on `meeting`'s links page when given.
    pub async fn sign_in_url_for(
        &self,
        identity: &Identity,
        meeting: Option<&str>,
    ) -> Result<String, crate::error::StoreError> {
        let token = store::create_link_for(
            &self.pool,
            &identity.actor,
            &identity.display_name,
            self.link_ttl,
            meeting,
        )
        .await?;
        Ok(format!("{}/sign-in/{token}", self.public_url))
    }

    /// A token that is cancelled when `session` signs out; websockets of that session watch it.
    pub fn socket_guard(&self, session: &SessionKey) -> CancellationToken {
        let mut sockets = self.sockets.lock().unwrap_or_else(|e| e.into_inner());
        sockets.entry(token_hash(&session.0)).or_default().clone()
    }

    /// Ends `session` in the database (announcing it to other instances on PostgreSQL) and closes this
    /// instance's websockets of it. The sockets close even if the database fails (logged once).
    pub async fn sign_out(&self, session: &SessionKey) {
        let hash = token_hash(&session.0);
        let announce = self.announce_sign_outs.then_some(SIGN_OUT_CHANNEL);
        if let Err(error) = store::end_session(&self.pool, &hash, announce).await {
            tracing::error!(%error, "ending a session failed");
        }
        self.close_sockets_of(&hash);
    }

    /// Closes this instance's websockets of every session that is no longer live in the database: the
    /// catch-up for sign-outs announced while this instance was not listening (`crate::peers`, after each
    /// (re)connection). Expired sessions' sockets close too, which is what a reconnect would find anyway.
    pub async fn close_sockets_of_ended_sessions(&self) -> Result<(), crate::error::StoreError> {
        self.sessions.forget_all();
        let watched: Vec<String> = self
            .sockets
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .keys()
            .cloned()
            .collect();
        for hash in watched {
            if !store::session_is_live(&self.pool, &hash).await? {
                self.close_sockets_of(&hash);
            }
        }
        Ok(())
    }

    /// Closes every websocket of the session whose token hashes to `session_hash` (it signed out, here or
    /// on another instance), and forgets that it was live.
    pub fn close_sockets_of(&self, session_hash: &str) {
        self.sessions.forget(session_hash);
        let token = self
            .sockets
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(session_hash);
        if let Some(token) = token {
            token.cancel();
        }
    }

    /// The identity of `session` if it is live: from [`sessions`] when it was looked up a moment ago, else
    /// from the database. A database failure counts as not signed in, logged once.
    async fn live_session(&self, session: &str) -> Option<Identity> {
        let hash = token_hash(session);
        let now = (crate::clock::now().0, std::time::Instant::now());
        let ticket = match self.sessions.get(&hash, now.0, now.1) {
            Ok(identity) => return Some(identity),
            Err(ticket) => ticket,
        };
        match store::session_identity(&self.pool, &hash).await {
            Ok(Some((identity, expires_at))) => {
                self.sessions
                    .put(hash, identity.clone(), expires_at, ticket);
                Some(identity)
            }
            Ok(None) => None,
            Err(error) => {
                tracing::error!(%error, "session lookup failed; treating the request as public");
                None
            }
        }
    }
}

/// Middleware: puts the request's [`Identity`] (public if no valid session) and, if any, its [`SessionKey`]
/// into the request extensions. A database failure degrades to public, logged once.
pub async fn identify(
    State(auth): State<Auth>,
    jar: CookieJar,
    mut request: Request,
    next: Next,
) -> Response {
    let mut identity = Identity::public();
    if let Some(cookie) = jar.get(SESSION_COOKIE) {
        let session = cookie.value();
        if tokens::looks_like_token(session) {
            if let Some(found) = auth.live_session(session).await {
                identity = found;
                request
                    .extensions_mut()
                    .insert(SessionKey(session.to_owned()));
            }
        }
    }
    request.extensions_mut().insert(identity);
    next.run(request).await
}
