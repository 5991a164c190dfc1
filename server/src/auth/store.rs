//! Sign-in links and sessions in the database.
//!
//! A link is single-use: redeeming it is one `UPDATE … WHERE used_at IS NULL AND expires_at > now`, so two
//! concurrent redemptions cannot both succeed. A session ends at its expiry or on sign-out.

use std::time::Duration;

use app::api::ssr::Identity;
use app::meeting::Actor;
use sqlx::AnyPool;

use super::tokens::{new_token, token_hash};
use crate::{clock, error::StoreError};

/// The rows of a live session (known, not ended, not expired): `$1` the token's hash, `$2` now. One text for
/// every query that asks, so "live" cannot mean two things.
macro_rules! live_session {
    () => {
        "FROM session WHERE token_hash = $1 AND ended_at IS NULL AND expires_at > $2"
    };
}

/// Creates a sign-in link for `actor` valid for `ttl`; returns the secret token (shown once, never stored).
pub async fn create_link(
    pool: &AnyPool,
    actor: &Actor,
    display_name: &str,
    ttl: Duration,
) -> Result<String, StoreError> {
    create_link_for(pool, actor, display_name, ttl, None).await
}

/// [`create_link`], listed under `meeting` on the clerk's links page (`super::links`) when given.
pub async fn create_link_for(
    pool: &AnyPool,
    actor: &Actor,
    display_name: &str,
    ttl: Duration,
    meeting: Option<&str>,
) -> Result<String, StoreError> {
    let token = new_token();
    let now = clock::now().0;
    sqlx::query(
        "INSERT INTO sign_in_link (token_hash, principal, display_name, created_at, expires_at, meeting_id) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash(&token))
    .bind(serde_json::to_string(actor)?)
    .bind(display_name)
    .bind(now)
    .bind(now + ttl.as_millis() as i64)
    .bind(meeting)
    .execute(pool)
    .await?;
    Ok(token)
}

/// Uses up the link `token` and opens a session; `None` if the link is unknown, expired, already used or
/// revoked by the clerk.
pub async fn redeem_link(
    pool: &AnyPool,
    token: &str,
    session_ttl: Duration,
) -> Result<Option<(String, Identity)>, StoreError> {
    let now = clock::now().0;
    let mut tx = pool.begin().await?;
    let row: Option<(String, String)> = sqlx::query_as(
        "UPDATE sign_in_link SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $3 \
         RETURNING principal, display_name",
    )
    .bind(now)
    .bind(token_hash(token))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((principal, display_name)) = row else {
        return Ok(None);
    };
    let session = new_token();
    sqlx::query(
        "INSERT INTO session (token_hash, principal, display_name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash(&session))
    .bind(&principal)
    .bind(&display_name)
    .bind(now)
    .bind(now + session_ttl.as_millis() as i64)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let actor: Actor = serde_json::from_str(&principal)?;
    Ok(Some((
        session,
        Identity {
            actor,
            display_name,
            signed_in: true,
        },
    )))
}

/// The identity of a live session and when it expires (Unix ms), or `None` if it is unknown, expired or
/// ended.
pub async fn session_identity(
    pool: &AnyPool,
    session_hash: &str,
) -> Result<Option<(Identity, i64)>, StoreError> {
    let row: Option<(String, String, i64)> = sqlx::query_as(concat!(
        "SELECT principal, display_name, expires_at ",
        live_session!()
    ))
    .bind(session_hash)
    .bind(clock::now().0)
    .fetch_optional(pool)
    .await?;
    row.map(|(principal, display_name, expires_at)| {
        let identity = Identity {
            actor: serde_json::from_str(&principal)?,
            display_name,
            signed_in: true,
        };
        Ok((identity, expires_at))
    })
    .transpose()
}

/// Whether the session whose token hashes to `session_hash` is live (known, not expired, not ended).
pub async fn session_is_live(pool: &AnyPool, session_hash: &str) -> Result<bool, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(concat!("SELECT token_hash ", live_session!()))
        .bind(session_hash)
        .bind(clock::now().0)
        .fetch_optional(pool)
        .await?;
    Ok(row.is_some())
}

/// Ends the session whose token hashes to `session_hash` (sign-out). Ending an unknown or ended session is
/// not an error. With `announce`, the same transaction notifies that channel with the hash (PostgreSQL).
pub async fn end_session(
    pool: &AnyPool,
    session_hash: &str,
    announce: Option<&str>,
) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE session SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL")
        .bind(clock::now().0)
        .bind(session_hash)
        .execute(&mut *tx)
        .await?;
    if let Some(channel) = announce {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(channel)
            .bind(session_hash)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}
