//! The schedule page's form, as plain functions: the summons of an earlier meeting becomes the template for the
//! next (its agenda and membership kept, its hearing dropped — a confirmation hearing is a one-off), and the
//! fields the clerk fills in (address, title, date and time, venue, questions deadline) are laid over the
//! summons the clerk may also edit as JSON. The server's core checks the result again; these functions only
//! turn the form into a `MeetingSpec` and say plainly what cannot be read.

use crate::meeting::{CivilDate, MeetingId, MeetingSpec, Timestamp};

/// What the clerk types above the summons.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SummonsFields {
    pub id: String,
    pub title: String,
    /// `yyyy-mm-dd`, as a date input gives it.
    pub date: String,
    /// `hh:mm`, UK time, as a time input gives it.
    pub time: String,
    pub venue: String,
    /// Questions close at this UK time on the meeting day (empty: at the start).
    pub questions_close: String,
}

/// The template for a new meeting from an earlier one's summons: no id, no hearing, and the JSON the clerk
/// edits (pretty-printed).
pub fn template_from(mut earlier: MeetingSpec) -> (SummonsFields, String) {
    earlier.hearing = None;
    earlier.id = MeetingId::new("");
    let fields = SummonsFields {
        title: earlier.title.clone(),
        venue: earlier.venue.clone(),
        time: earlier.starts_at.london_hm(),
        ..SummonsFields::default()
    };
    let json = serde_json::to_string_pretty(&earlier).unwrap_or_default();
    (fields, json)
}

/// The summons to post: the JSON the clerk edited, with the fields laid over it.
pub fn compose(fields: &SummonsFields, json: &str) -> Result<MeetingSpec, String> {
    let mut spec: MeetingSpec = serde_json::from_str(json).map_err(|e| {
        format!(
            "The summons is not valid: {e} (line {}, column {})",
            e.line(),
            e.column()
        )
    })?;
    let date = parse_date(&fields.date)?;
    let starts_at = at(date, &fields.time, "start time")?;
    let questions_close = match fields.questions_close.trim() {
        "" => starts_at,
        time => at(date, time, "time questions close")?,
    };
    if questions_close > starts_at {
        return Err("Questions must close by the start of the meeting".to_owned());
    }
    let id = match fields.id.trim() {
        "" => fields.date.trim().to_owned(),
        id => id.to_owned(),
    };
    spec.id = MeetingId::new(id);
    spec.title = fields.title.trim().to_owned();
    spec.venue = fields.venue.trim().to_owned();
    spec.starts_at = starts_at;
    spec.question_deadline = Some(questions_close);
    Ok(spec)
}

/// `yyyy-mm-dd` (a date input's value).
fn parse_date(text: &str) -> Result<CivilDate, String> {
    let bad = || format!("The date {text:?} is not a date like 2023-02-07");
    let mut parts = text.trim().splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    let (year, month, day): (i32, u8, u8) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    let date = CivilDate::new(year, month, day);
    // Round-trips only if the day exists (no 31 February).
    if !(1..=12).contains(&month)
        || CivilDate::from_days_since_epoch(date.days_since_epoch()) != date
    {
        return Err(bad());
    }
    Ok(date)
}

/// The instant of `hh:mm` UK time on `date`.
fn at(date: CivilDate, text: &str, what: &str) -> Result<Timestamp, String> {
    let bad = || format!("The {what} {text:?} is not a time like 10:00");
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    let (hour, minute): (u8, u8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if hour > 23 || minute > 59 {
        return Err(bad());
    }
    Ok(Timestamp::from_london(date, hour, minute))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::seed::demo_specs;

    fn december() -> MeetingSpec {
        demo_specs()
            .into_iter()
            .find(|s| s.id.as_str() == "2022-12-06")
            .expect("demo")
    }

    fn filled(json: &str) -> (SummonsFields, String) {
        let (mut fields, _) = template_from(december());
        fields.date = "2023-02-07".into();
        fields.time = "10:00".into();
        (fields, json.to_owned())
    }

    #[test]
    fn a_template_keeps_agenda_and_members_and_drops_id_and_hearing() {
        let (fields, json) = template_from(december());
        let template: MeetingSpec = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(template.hearing, None);
        assert_eq!(template.id.as_str(), "");
        assert_eq!(template.seats, december().seats);
        assert_eq!(template.sections, december().sections);
        assert_eq!(fields.title, december().title);
        assert_eq!(fields.venue, december().venue);
        assert_eq!(fields.time, december().starts_at.london_hm());
    }

    #[test]
    fn the_fields_are_laid_over_the_summons_and_the_id_defaults_to_the_date() {
        let (_, json) = template_from(december());
        let (fields, json) = filled(&json);
        let spec = compose(&fields, &json).expect("composes");
        assert_eq!(spec.id.as_str(), "2023-02-07");
        let start = Timestamp::from_london(CivilDate::new(2023, 2, 7), 10, 0);
        assert_eq!(spec.starts_at, start);
        assert_eq!(spec.question_deadline, Some(start));
        assert_eq!(spec.seats, december().seats);
    }

    #[test]
    fn summer_times_are_uk_time_and_questions_may_close_earlier() {
        let (_, json) = template_from(december());
        let (mut fields, json) = filled(&json);
        fields.date = "2023-06-13".into();
        fields.questions_close = "09:30".into();
        let spec = compose(&fields, &json).expect("composes");
        // 10:00 BST is 09:00 UTC.
        assert_eq!(
            spec.starts_at,
            Timestamp::from_utc(CivilDate::new(2023, 6, 13), 9, 0)
        );
        assert_eq!(
            spec.question_deadline,
            Some(Timestamp::from_utc(CivilDate::new(2023, 6, 13), 8, 30))
        );
    }

    #[test]
    fn what_cannot_be_read_is_said_plainly() {
        let (_, json) = template_from(december());
        let table: [(&str, &str, &str, &str, &str); 6] = [
            ("2023-02-30", "10:00", "", "{json}", "not a date"),
            ("7 Feb", "10:00", "", "{json}", "not a date"),
            ("2023-02-07", "25:00", "", "{json}", "not a time"),
            ("2023-02-07", "10", "", "{json}", "not a time"),
            (
                "2023-02-07",
                "10:00",
                "10:30",
                "{json}",
                "close by the start",
            ),
            ("2023-02-07", "10:00", "", "{ \"id\": ", "not valid"),
        ];
        for (date, time, close, body, expected) in table {
            let (mut fields, _) = filled("");
            fields.date = date.into();
            fields.time = time.into();
            fields.questions_close = close.into();
            let body = body.replace("{json}", &json);
            let error = compose(&fields, &body).expect_err(expected);
            assert!(error.contains(expected), "{date} {time} {close}: {error}");
        }
    }
}
