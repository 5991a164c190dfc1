//! Which page an address is, decided the same way by the server (from the request) and by the browser (from
//! `location.pathname`), so that both render — and the browser hydrates — the same tree.

/// The meeting whose public page is at `path` (`/meetings/{id}`), or `None` for any other page. An id is
/// recognised in the form meeting ids take (letters, digits and hyphens: `schedule_problem` in
/// `meeting/decide/session.rs` accepts nothing else); anything else, a trailing slash included, is left to the
/// router, which answers it as before (a 404 or a page). An id of that form that no meeting has gets the
/// meeting page's own "Page not found".
pub fn public_meeting_at(path: &str) -> Option<&str> {
    let id = path.strip_prefix("/meetings/")?;
    let plain = !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    plain.then_some(id)
}

/// The path of the page being rendered: the request's on the server, the window's in the browser.
pub fn current_path() -> String {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<leptos_router::location::RequestUrl>()
            .and_then(|url| url.parse().ok())
            .map(|url| url.path().to_owned())
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        leptos::prelude::window()
            .location()
            .pathname()
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::public_meeting_at;

    #[test]
    fn only_a_meetings_own_address_is_its_public_page() {
        let table = [
            ("/meetings/2022-12-06", Some("2022-12-06")),
            ("/meetings/bench-000", Some("bench-000")),
            ("/meetings/a_b", None),
            ("/meetings/NoSuch", Some("NoSuch")),
            ("/meetings/2022-12-06/console", None),
            ("/meetings/2022-12-06/member", None),
            ("/meetings/2022-12-06/commissioner", None),
            ("/meetings/2022-12-06/", None),
            ("/meetings/", None),
            ("/meetings", None),
            ("/", None),
            ("", None),
            ("/clerk/schedule", None),
            ("/meetings/%20x", None),
            ("/meetingsx/2022", None),
        ];
        for (path, expected) in table {
            assert_eq!(public_meeting_at(path), expected, "{path}");
        }
    }
}
