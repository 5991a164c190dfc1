//! The schedule page's question to the work programme: what is planned for a day
//! (`GET /api/v1/programme/on/{YYYY-MM-DD}`, public, `null` when no year's programme has a meeting that day),
//! with the agenda items already scheduled from each entry. The answer's shape is the server's
//! (`server/src/programme/api.rs`); only what the page shows is read.

use serde::Deserialize;

use crate::meeting::programme::{Entry, PlannedMeeting, YearKey};
use crate::meeting::time::CivilDate;

/// The planned meeting on a day and its entries.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PlannedDay {
    pub year: YearKey,
    pub meeting: PlannedMeeting,
    pub entries: Vec<PlannedEntry>,
}

/// An entry of the work programme ("Panel Annual Report | Requested by the Panel | Panel", S4:2042) and the
/// scheduled meetings' items made from it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PlannedEntry {
    #[serde(flatten)]
    pub entry: Entry,
    #[serde(default)]
    pub on_agenda: Vec<OnAgenda>,
}

/// An agenda item scheduled from an entry: the meeting and the item's code.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct OnAgenda {
    pub meeting: ScheduledMeeting,
    pub item: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ScheduledMeeting {
    pub id: String,
    pub title: String,
    pub date: CivilDate,
    #[serde(default)]
    pub cancelled: bool,
}

/// What the work programme plans for `day` (`None`: nothing), or the sentence to show.
pub async fn planned_on(day: CivilDate) -> Result<Option<PlannedDay>, String> {
    #[cfg(feature = "hydrate")]
    {
        use gloo_net::http::Request;
        let response = Request::get(&format!("/api/v1/programme/on/{}", day.iso()))
            .send()
            .await
            .map_err(|_| "could not reach the server".to_owned())?;
        if !response.ok() {
            return Err(format!("the server answered {}", response.status()));
        }
        response
            .json()
            .await
            .map_err(|_| "the server's answer could not be read".to_owned())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = day.iso();
        Err("reading the work programme needs JavaScript in the browser".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_servers_answer_is_read() {
        let answer = r#"{"year":"2022-23","meeting":{"id":1,"date":{"type":"Day","date":{"year":2023,"month":2,"day":1}},"time":null,"note":null,"reserve":false,"entries":[]},
            "entries":[{"id":7,"subject":"Panel Annual Report","reason":"Requested by the Panel","author":"Panel",
            "on_agenda":[{"meeting":{"id":"2023-02-01","title":"Kent and Medway Police and Crime Panel","date":{"year":2023,"month":2,"day":1},"cancelled":false},"item":"E2"}]}]}"#;
        let day: PlannedDay = serde_json::from_str(answer).expect("reads");
        assert_eq!(day.year.key(), "2022-23");
        assert_eq!(day.entries[0].entry.subject, "Panel Annual Report");
        assert_eq!(day.entries[0].entry.id, 7);
        assert_eq!(day.entries[0].on_agenda[0].item, "E2");
        assert_eq!(day.entries[0].on_agenda[0].meeting.date.iso(), "2023-02-01");
        let nothing: Option<PlannedDay> = serde_json::from_str("null").expect("reads");
        assert_eq!(nothing, None);
    }
}
