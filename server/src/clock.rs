//! The server clock: the only place the time is read. The core gets `now` passed in.

use app::meeting::Timestamp;
use time::{format_description::well_known::Rfc3339, OffsetDateTime};

/// Now, in Unix milliseconds (UTC).
pub fn now() -> Timestamp {
    let now = OffsetDateTime::now_utc();
    Timestamp((now.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// RFC 3339 form of a timestamp, for the log's `recorded_at` column.
pub fn rfc3339(at: Timestamp) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(at.0) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| at.0.to_string())
}
