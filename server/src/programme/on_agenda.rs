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

/// What the meetings' logs say about one year's programme, read in one pass over the hub.
pub struct Survey {
    /// Every scheduled meeting with the day it is on (UK date), in date order.
    pub scheduled: Vec<Scheduled>,
    /// For each entry of the year's programme, the agenda items scheduled from it.
    pub from: HashMap<u32, Vec<OnAgenda>>,
}

/// Reads every meeting's current state once: its day, and its agenda items that came from `year`'s programme.
pub fn survey(hub: &Hub, year: &YearKey) -> Survey {
    let mut scheduled = Vec::new();
    let mut from: HashMap<u32, Vec<OnAgenda>> = HashMap::new();
    for (id, handle) in hub.meetings() {
        let current = handle.current();
        let Some(info) = current.meeting.info() else {
            continue;
        };
        let meeting = Scheduled {
            id: id.0.clone(),
            title: info.title.clone(),
            date: info.starts_at.london_date(),
            cancelled: matches!(current.meeting.phase(), Phase::Cancelled { .. }),
        };
        for item in current.meeting.agenda().items() {
            if let Some(entry) = item.from_programme.as_ref().filter(|f| &f.year == year) {
                from.entry(entry.entry).or_default().push(OnAgenda {
                    meeting: meeting.clone(),
                    item: item.code.0.clone(),
                });
            }
        }
        scheduled.push(meeting);
    }
    scheduled.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    for items in from.values_mut() {
        items.sort_by(|a, b| (a.meeting.date, &a.meeting.id).cmp(&(b.meeting.date, &b.meeting.id)));
    }
    Survey { scheduled, from }
}

/// The meetings scheduled on `day`.
pub fn on_day(all: &[Scheduled], day: CivilDate) -> Vec<&Scheduled> {
    all.iter().filter(|m| m.date == day).collect()
}
