//! Business on the day (rules in `on_the_day.rs`): the chair adds an item not on the published
//! agenda, and withdraws or defers an item, with the reason the minutes will give (the clerk may also
//! set an item aside before the meeting opens, `agenda_changes.rs`).

use super::{text, Ctx};
use crate::meeting::agenda::AgendaItem;
use crate::meeting::error::CommandError;
use crate::meeting::event::Event;
use crate::meeting::ids::ItemCode;
use crate::meeting::on_the_day::{item_code_ok, Aside, DayItemKind, MAX_ITEM_CODE_CHARS};

impl Ctx<'_> {
    /// The chair takes an item not on the agenda: an urgent item needs the chair's reason (LGA 1972
    /// s100B(4)(b)); a presentation may have one. It goes after `after`, or at the end. The meeting
    /// must be open: business is added in the meeting, by its chair.
    pub(super) fn add_item(
        &self,
        code: ItemCode,
        title: String,
        kind: DayItemKind,
        reason: Option<String>,
        after: Option<ItemCode>,
    ) -> Result<Vec<Event>, CommandError> {
        self.require_open()?;
        let code = ItemCode::new(code.as_str().trim());
        if !item_code_ok(code.as_str()) {
            return Err(CommandError::BadItemCode {
                max: MAX_ITEM_CODE_CHARS as u32,
            });
        }
        let agenda = &self.meeting.agenda;
        if agenda.item(&code).is_some() {
            return Err(CommandError::ItemAlreadyOnAgenda { item: code });
        }
        if let Some(after) = &after {
            if agenda.item(after).is_none() {
                return Err(CommandError::UnknownItem {
                    item: after.clone(),
                });
            }
        }
        let title = text(&title, "item's title")?;
        let reason = match (kind, reason.filter(|r| !r.trim().is_empty())) {
            (DayItemKind::Urgent, None) => {
                return Err(CommandError::TextRequired {
                    what: "chair's reason for taking an urgent item (LGA 1972 s100B(4)(b))"
                        .to_owned(),
                })
            }
            (_, reason) => reason.map(|r| text(&r, "reason")).transpose()?,
        };
        let mut item = AgendaItem::new(code.as_str(), &title, None);
        item.verbal = true;
        Ok(vec![Event::ItemAdded {
            item,
            kind,
            reason,
            after,
            at: self.now,
        }])
    }

    /// The chair withdraws or defers an item on the day; before the meeting opens the clerk or the
    /// Chairman may (`agenda_changes.rs`). Not while adjourned (the chair does it when the meeting
    /// resumes), not the item being taken now, nor one already set aside; a reason is required, since the
    /// minutes and the notice record it.
    pub(super) fn set_item_aside(
        &self,
        item: ItemCode,
        aside: Aside,
        reason: String,
    ) -> Result<Vec<Event>, CommandError> {
        if !matches!(self.meeting.phase, crate::meeting::Phase::Scheduled) {
            self.require_open()?;
            if self.role != crate::meeting::Role::Chair {
                return Err(CommandError::ChairDecidesOnTheDay {
                    action: "withdraw or defer an item".to_owned(),
                });
            }
        }
        if self.meeting.agenda.item(&item).is_none() {
            return Err(CommandError::UnknownItem { item });
        }
        self.require_not_set_aside(&item)?;
        if self.meeting.agenda.current.as_ref() == Some(&item) {
            return Err(CommandError::ItemIsCurrent {
                item,
                how: aside.past().to_owned(),
            });
        }
        let reason = text(&reason, "reason")?;
        Ok(vec![Event::ItemSetAside {
            item,
            aside,
            reason,
            at: self.now,
        }])
    }

    /// Refuses an item withdrawn or deferred on the day.
    pub(super) fn require_not_set_aside(&self, item: &ItemCode) -> Result<(), CommandError> {
        match self.meeting.day_note(item).and_then(|n| n.how_set_aside()) {
            Some(how) => Err(CommandError::ItemSetAside {
                item: item.clone(),
                how,
            }),
            None => Ok(()),
        }
    }
}
