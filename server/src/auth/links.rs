//! The clerk's list of sign-in links in the database: every link created for a meeting, and revoking one.
//! The token itself is never stored (only its SHA-256, which is the link's `id` here), so the list cannot
//! show a link's address; the address is shown once, when the link is created (docs/LINKS.md).

use app::protocol::links::SignInLinkRow;
use sqlx::AnyPool;

use crate::{clock, error::StoreError};

/// Why a link did not sign in, for the refusal page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Unknown, used or expired: the page does not say which (an unknown link reveals nothing).
    UsedOrExpired,
    /// The clerk revoked it.
    Revoked,
}

/// Every link created for `meeting`, newest first.
pub async fn list(pool: &AnyPool, meeting: &str) -> Result<Vec<SignInLinkRow>, StoreError> {
    type Row = (String, String, String, i64, i64, Option<i64>, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT token_hash, principal, display_name, created_at, expires_at, used_at, revoked_at \
         FROM sign_in_link WHERE meeting_id = $1 ORDER BY created_at DESC, token_hash",
    )
    .bind(meeting)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(
            |(id, principal, display_name, created_at, expires_at, used_at, revoked_at)| {
                Ok(SignInLinkRow {
                    id,
                    actor: serde_json::from_str(&principal)?,
                    display_name,
                    created_at,
                    expires_at,
                    used_at,
                    revoked_at,
                })
            },
        )
        .collect()
}

/// Revokes the link whose token hashes to `id`: from now on it does not sign in. `false` if there is no such
/// link. Revoking twice keeps the first time; revoking a used link is allowed and changes nothing for the
/// session it opened (signing out ends that).
pub async fn revoke(pool: &AnyPool, id: &str) -> Result<bool, StoreError> {
    sqlx::query(
        "UPDATE sign_in_link SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL",
    )
    .bind(clock::now().0)
    .bind(id)
    .execute(pool)
    .await?;
    let found: Option<(String,)> =
        sqlx::query_as("SELECT token_hash FROM sign_in_link WHERE token_hash = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(found.is_some())
}

/// Why the link whose token hashes to `id` was refused (called after a redemption found nothing to use).
pub async fn refusal(pool: &AnyPool, id: &str) -> Result<Refusal, StoreError> {
    let row: Option<(Option<i64>, Option<i64>)> =
        sqlx::query_as("SELECT used_at, revoked_at FROM sign_in_link WHERE token_hash = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(match row {
        Some((None, Some(_))) => Refusal::Revoked,
        _ => Refusal::UsedOrExpired,
    })
}
