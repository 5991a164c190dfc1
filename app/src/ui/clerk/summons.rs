//! The schedule page's form, as plain functions. A draft summons (from an agenda pack, or an earlier meeting's
//! summons with its id and hearing dropped — a confirmation hearing is a one-off) fills the fields; the fields
//! the clerk types (address, title, date and time as people write them, venue, the Commissioner, when questions
//! close — possibly days before —, contact, webcast, the hearing) are laid over the draft's agenda and
//! membership. Every problem comes back tied to its field, in the core's words ([`summons_problems`]), so the
//! page can show an error summary and each error beside its field (the GOV.UK pattern). The server's core
//! checks the result again.

use super::kind_fields::{attendees_text, parse_attendees, set_kind};
use crate::meeting::import::{parse_date, parse_time};
use crate::meeting::summons_check::summons_problems;
use crate::meeting::{HearingSpec, ItemCode, MeetingId, MeetingKind, MeetingSpec, Timestamp};

/// The post a confirmation hearing is for, unless the draft says otherwise (S4:248-256).
const CHIEF_CONSTABLE: &str = "Chief Constable of Kent Police";

/// What the clerk types, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SummonsFields {
    pub id: String,
    pub title: String,
    /// "1 December 2026", "2026-12-01", "Tuesday, 1st December, 2026".
    pub date: String,
    /// "10.00 am", "10:00", UK time.
    pub time: String,
    pub venue: String,
    pub commissioner: String,
    /// The day questions close (empty: the meeting day).
    pub questions_date: String,
    /// The UK time they close (empty: the start time).
    pub questions_time: String,
    pub contact: String,
    pub webcast: String,
    /// The hearing, if any: empty candidate and notification date mean no hearing.
    pub hearing_item: String,
    pub hearing_candidate: String,
    /// One criterion per line.
    pub hearing_criteria: String,
    pub hearing_notified: String,
    /// The kind's key ([`MeetingKind::key`]): "panel", "performance_board", "sub_committee".
    pub kind: String,
    /// A Board's attendees, one "Organisation: name" per line (`kind_fields.rs`).
    pub attendees: String,
}

/// A problem shown beside the field whose id is `summons-{field}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    fn new(field: &'static str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut chars = message.chars();
        let message = chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        Self { field, message }
    }
}

/// A summons with nothing in it yet, before a pack is read or an earlier meeting chosen.
pub fn blank() -> MeetingSpec {
    MeetingSpec {
        id: MeetingId::new(""),
        title: String::new(),
        starts_at: Timestamp::default(),
        venue: String::new(),
        seats: Vec::new(),
        chair: None,
        vice_chair: None,
        commissioner: String::new(),
        sections: Vec::new(),
        question_deadline: None,
        hearing: None,
        substitutes_vote_on_vetoes: false,
        contact: None,
        webcast_url: None,
        kind: Default::default(),
        attendees: Vec::new(),
    }
}

/// The template for a new meeting from an earlier one's summons: no id, no hearing, and no item still
/// claiming the work programme entry it was scheduled from (that entry was the earlier meeting's; the
/// programme page would otherwise show it on the new agenda too).
pub fn template_from(mut earlier: MeetingSpec) -> MeetingSpec {
    earlier.hearing = None;
    earlier.id = MeetingId::new("");
    for item in earlier.sections.iter_mut().flat_map(|s| &mut s.items) {
        item.from_programme = None;
    }
    earlier
}

/// The fields as a draft fills them: the date as people write it, the time as a 24-hour clock.
pub fn fields_from(draft: &MeetingSpec) -> SummonsFields {
    let known = draft.starts_at != Timestamp::default();
    let deadline = draft.question_deadline.filter(|d| *d != draft.starts_at);
    let hearing = draft.hearing.as_ref();
    SummonsFields {
        // An id that is the meeting's date follows the date when the clerk changes it.
        id: if known && draft.id.as_str() == draft.starts_at.london_date().iso() {
            String::new()
        } else {
            draft.id.to_string()
        },
        title: draft.title.clone(),
        date: if known {
            draft.starts_at.london_date().to_string()
        } else {
            String::new()
        },
        time: if known {
            draft.starts_at.london_hm()
        } else {
            String::new()
        },
        venue: draft.venue.clone(),
        commissioner: draft.commissioner.clone(),
        questions_date: deadline
            .map(|d| d.london_date().to_string())
            .unwrap_or_default(),
        questions_time: deadline.map(|d| d.london_hm()).unwrap_or_default(),
        contact: draft.contact.clone().unwrap_or_default(),
        webcast: draft.webcast_url.clone().unwrap_or_default(),
        hearing_item: hearing.map(|h| h.item.to_string()).unwrap_or_default(),
        hearing_candidate: hearing.map(|h| h.candidate.clone()).unwrap_or_default(),
        hearing_criteria: hearing.map(|h| h.criteria.join("\n")).unwrap_or_default(),
        hearing_notified: hearing
            .map(|h| h.notified_on.to_string())
            .unwrap_or_default(),
        kind: draft.kind.key().to_owned(),
        attendees: attendees_text(&draft.attendees),
    }
}

/// The summons to post: the fields laid over the draft, or every problem with its field.
pub fn compose(
    fields: &SummonsFields,
    draft: &MeetingSpec,
) -> Result<MeetingSpec, Vec<FieldError>> {
    let mut errors = Vec::new();
    let date = read(
        &mut errors,
        "date",
        parse_date(&fields.date).map_err(|p| p.0),
    );
    let time = read(
        &mut errors,
        "time",
        parse_time(&fields.time).map_err(|p| p.0),
    );
    let starts_at = match (date, time) {
        (Some(date), Some((hour, minute))) => Some(Timestamp::from_london(date, hour, minute)),
        _ => None,
    };
    let questions_date = match fields.questions_date.trim() {
        "" => date,
        text => read(
            &mut errors,
            "questions-date",
            parse_date(text).map_err(|p| p.0),
        ),
    };
    let questions_time = match fields.questions_time.trim() {
        "" => time,
        text => read(
            &mut errors,
            "questions-time",
            parse_time(text).map_err(|p| p.0),
        ),
    };
    let deadline = match (questions_date, questions_time) {
        (Some(day), Some((hour, minute))) => Some(Timestamp::from_london(day, hour, minute)),
        _ => None,
    };
    let hearing = hearing(fields, draft, &mut errors);
    let mut spec = draft.clone();
    spec.id = MeetingId::new(match (fields.id.trim(), date) {
        ("", Some(date)) => date.iso(),
        (id, _) => id.to_owned(),
    });
    spec.title = fields.title.trim().to_owned();
    spec.venue = fields.venue.trim().to_owned();
    spec.commissioner = fields.commissioner.trim().to_owned();
    spec.contact = Some(fields.contact.trim().to_owned()).filter(|c| !c.is_empty());
    spec.webcast_url = Some(fields.webcast.trim().to_owned()).filter(|w| !w.is_empty());
    spec.hearing = hearing;
    let kind = MeetingKind::from_key(&fields.kind).unwrap_or_default();
    let attendees = read(&mut errors, "attendees", parse_attendees(&fields.attendees));
    set_kind(&mut spec, kind, attendees.unwrap_or_default());
    if let Some(starts_at) = starts_at {
        spec.starts_at = starts_at;
        spec.question_deadline = deadline;
    }
    for problem in summons_problems(&spec) {
        let field = problem.field.key();
        let shown = starts_at.is_some() || !matches!(field, "questions-date" | "hearing");
        if shown && !(field == "id" && fields.id.trim().is_empty() && date.is_none()) {
            errors.push(FieldError::new(field, problem.message));
        }
    }
    if errors.is_empty() {
        Ok(spec)
    } else {
        Err(errors)
    }
}

fn read<T>(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    result: Result<T, String>,
) -> Option<T> {
    result
        .map_err(|message| errors.push(FieldError::new(field, message)))
        .ok()
}

/// The hearing from its fields, keeping the draft's reasons and terms; `None` when they are all empty.
fn hearing(
    fields: &SummonsFields,
    draft: &MeetingSpec,
    errors: &mut Vec<FieldError>,
) -> Option<HearingSpec> {
    let parts = [
        &fields.hearing_item,
        &fields.hearing_candidate,
        &fields.hearing_notified,
        &fields.hearing_criteria,
    ];
    if parts.iter().all(|part| part.trim().is_empty()) {
        return None;
    }
    let notified = match fields.hearing_notified.trim() {
        "" => {
            errors.push(FieldError::new(
                "hearing-notified",
                "enter the day the Panel was notified of the candidate",
            ));
            None
        }
        text => read(
            errors,
            "hearing-notified",
            parse_date(text).map_err(|p| p.0),
        ),
    }?;
    let earlier = draft.hearing.clone();
    Some(HearingSpec {
        item: ItemCode::new(fields.hearing_item.trim()),
        post: earlier
            .as_ref()
            .map_or_else(|| CHIEF_CONSTABLE.to_owned(), |h| h.post.clone()),
        candidate: fields.hearing_candidate.trim().to_owned(),
        criteria: fields
            .hearing_criteria
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        reasons: earlier
            .as_ref()
            .map(|h| h.reasons.clone())
            .unwrap_or_default(),
        terms: earlier.map(|h| h.terms).unwrap_or_default(),
        notified_on: notified,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_spec;
    use crate::meeting::import::import_agenda;
    use crate::meeting::CivilDate;

    fn december() -> MeetingSpec {
        demo_spec("2022-12-06").expect("demo")
    }

    fn filled() -> (SummonsFields, MeetingSpec) {
        let draft = template_from(december());
        let mut fields = fields_from(&draft);
        fields.date = "7 February 2023".into();
        fields.time = "10.00 am".into();
        fields.id = String::new();
        (fields, draft)
    }

    #[test]
    fn the_fields_are_laid_over_the_draft_and_the_id_defaults_to_the_date() {
        let (fields, draft) = filled();
        let spec = compose(&fields, &draft).expect("composes");
        assert_eq!(spec.id.as_str(), "2023-02-07");
        let start = Timestamp::from_london(CivilDate::new(2023, 2, 7), 10, 0);
        assert_eq!(
            (spec.starts_at, spec.question_deadline),
            (start, Some(start))
        );
        assert_eq!(
            (spec.seats, spec.sections),
            (december().seats, december().sections)
        );
        assert_eq!(spec.hearing, None);
    }

    #[test]
    fn a_template_forgets_which_programme_entries_its_items_came_from() {
        let mut earlier = december();
        earlier.sections[2].items[0].from_programme =
            Some(crate::meeting::programme::ProgrammeRef {
                year: crate::meeting::programme::YearKey::starting(2022).expect("year"),
                entry: 3,
            });
        let template = template_from(earlier.clone());
        assert!(template
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .all(|i| i.from_programme.is_none()));
        assert_eq!(
            template.sections[2].items[0].title,
            earlier.sections[2].items[0].title
        );
    }

    #[test]
    fn dates_are_taken_as_people_write_them_and_questions_may_close_days_before() {
        for written in [
            "1 December 2026",
            "2026-12-01",
            "Tuesday, 1st December, 2026",
        ] {
            let (mut fields, draft) = filled();
            fields.date = written.into();
            fields.questions_date = "27 November 2026".into();
            fields.questions_time = "5pm".into();
            let spec = compose(&fields, &draft).expect(written);
            assert_eq!(spec.id.as_str(), "2026-12-01");
            assert_eq!(
                spec.question_deadline,
                Some(Timestamp::from_london(CivilDate::new(2026, 11, 27), 17, 0))
            );
        }
    }

    #[test]
    fn every_problem_is_beside_its_field_in_the_cores_words() {
        let (mut fields, draft) = filled();
        fields.date = "31 February 2023".into();
        fields.venue = String::new();
        fields.commissioner = String::new();
        fields.webcast = "javascript:alert(1)".into();
        let errors = compose(&fields, &draft).expect_err("refused");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["date", "venue", "commissioner", "webcast"]);
        assert_eq!(
            errors[0].message,
            "\"31 February 2023\" is not a day of the calendar"
        );
        assert_eq!(errors[1].message, "It needs the venue");
    }

    #[test]
    fn a_hearing_reported_too_late_for_the_meeting_is_refused_with_the_statutes_reason() {
        let (mut fields, draft) = filled();
        fields.hearing_item = "A1".into();
        fields.hearing_candidate = "Mr Tim Smith".into();
        fields.hearing_notified = "2023-01-02".into();
        let errors = compose(&fields, &draft).expect_err("too late");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "hearing");
        assert!(errors[0]
            .message
            .contains("within three weeks of being notified (PRSRA 2011 Sch 8 para 4(6))"));
        fields.hearing_notified = "20 January 2023".into();
        let spec = compose(&fields, &draft).expect("in time");
        assert_eq!(
            spec.hearing.map(|h| h.notified_on),
            Some(CivilDate::new(2023, 1, 20))
        );
        fields.hearing_notified = "soon".into();
        let errors = compose(&fields, &draft).expect_err("not a date");
        assert_eq!(errors[0].field, "hearing-notified");
    }

    #[test]
    fn an_imported_pack_needs_only_the_commissioner() {
        let pack = include_str!("../../../tests/fixtures/agenda_2022-12-06.txt");
        let draft = import_agenda(pack).expect("reads").spec;
        let mut fields = fields_from(&draft);
        assert_eq!(
            (fields.date.as_str(), fields.time.as_str()),
            ("6 December 2022", "10:00")
        );
        let errors = compose(&fields, &draft).expect_err("no Commissioner");
        assert_eq!(
            errors,
            [FieldError::new(
                "commissioner",
                "it needs the Commissioner's name"
            )]
        );
        fields.commissioner = "Mr Matthew Scott".into();
        assert_eq!(
            compose(&fields, &draft).map(|s| s.sections),
            Ok(december().sections)
        );
    }
}
