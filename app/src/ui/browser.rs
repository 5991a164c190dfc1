//! The little the UI needs from the browser itself: the clock (to turn "15:00" into today's instant) and
//! fresh ids for ballots. On the server these are never called from an event handler, but they compile.

use crate::meeting::{CivilDate, Timestamp};

/// Now, from the browser's clock (the server's clock still decides every rule).
pub fn now() -> Timestamp {
    #[cfg(feature = "hydrate")]
    {
        Timestamp(web_sys::js_sys::Date::now() as i64)
    }
    // The rule against clocks is for the pure core (`meeting/`); this is the UI's clock, and on the server it is
    // only compiled, never called (event handlers run in the browser).
    #[cfg(not(feature = "hydrate"))]
    #[allow(clippy::disallowed_methods)]
    {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or_default();
        Timestamp(ms)
    }
}

/// Today's date in the UK.
pub fn today() -> CivilDate {
    now().london_date()
}

/// A fresh ballot id: re-sending the same id is a retry, a new one replaces the ballot (see the core).
pub fn fresh_id() -> String {
    #[cfg(feature = "hydrate")]
    let (a, b) = (
        (web_sys::js_sys::Math::random() * 4_294_967_296.0) as u64,
        (web_sys::js_sys::Math::random() * 4_294_967_296.0) as u64,
    );
    #[cfg(not(feature = "hydrate"))]
    let (a, b) = (now().0 as u64, u64::from(std::process::id()));
    format!("b-{:x}-{a:08x}{b:08x}", now().0)
}

/// "15:00" from a time input as UK local hours and minutes.
pub fn parse_hm(raw: &str) -> Option<(u8, u8)> {
    let (h, m) = raw.trim().split_once(':')?;
    let (h, m) = (h.parse::<u8>().ok()?, m.get(..2)?.parse::<u8>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}
