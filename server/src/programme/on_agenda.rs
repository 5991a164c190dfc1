//! What the meetings' logs say about the programme, derived each time and never stored twice: the meeting
//! scheduled on a planned date, and the agenda items scheduled from an entry
//! ([`app::meeting::AgendaItem::from_programme`]).

use std::collections::HashMap;

use app::meeting::programme::YearKey;
use app::meeting::time::CivilDate;
use app::meeting::Phase;

use crate::hub::Hub;

/// A scheduled meeting, as the programme page names it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Scheduled {
    pub id: String,
    pub title: String,
    pub date: CivilDate,
    pub cancelled: bool,
}

/// An agenda item that came from an entry of the programme.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct OnAgenda {
    pub meeting: Scheduled,
    pub item: String,
}

/// Every scheduled meeting with the day it is on (UK date), in date order.
pub fn scheduled(hub: &Hub) -> Vec<Scheduled> {
    let mut all: Vec<Scheduled> = hub
        .meetings()
        .into_iter()
        .filter_map(|(id, handle)| {
            let current = handle.current();
            let info = current.meeting.info()?;
            Some(Scheduled {
                id: id.0.clone(),
                title: info.title.clone(),
                date: info.starts_at.london_date(),
                cancelled: matches!(current.meeting.phase(), Phase::Cancelled { .. }),
            })
        })
        .collect();
    all.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    all
}

/// The meetings scheduled on `day`.
pub fn on_day(all: &[Scheduled], day: CivilDate) -> Vec<&Scheduled> {
    all.iter().filter(|m| m.date == day).collect()
}

/// For each entry of `year`'s programme, the agenda items scheduled from it.
pub fn items_from(hub: &Hub, year: &YearKey) -> HashMap<u32, Vec<OnAgenda>> {
    let mut found: HashMap<u32, Vec<OnAgenda>> = HashMap::new();
    for meeting in scheduled(hub) {
        let Some(handle) = hub.get(&meeting.id) else {
            continue;
        };
        let current = handle.current();
        for item in current.meeting.agenda().items() {
            if let Some(from) = item.from_programme.as_ref().filter(|f| &f.year == year) {
                found.entry(from.entry).or_default().push(OnAgenda {
                    meeting: meeting.clone(),
                    item: item.code.0.clone(),
                });
            }
        }
    }
    found
}
