//! The Panel's report to the Commissioner after a confirmation hearing (PRSRA 2011 Sch 8 para 4;
//! statute-and-security.md §1), derived from the meeting's state and nothing kept apart.
//!
//! It states the candidate and the post (S4:310), the outcome (a veto, or the recommendation to appoint
//! or not, para 4(4)-(5)), the Panel's reasons, each of the hearing's votes with its arithmetic, the day
//! the Panel received the notification and the last day of the three weeks (para 4(6)), and whether the
//! report was made in time. It is a **draft** until the chair reports (`ReportHearing`), then
//! **published** (para 4(7) "The panel must publish the report").
//!
//! The seeds give no form for the report (seeds-brief §6.1 "Not in the seeds"); this follows the headings
//! of the Commissioner's own report (S4:248-265) as a clerk would: the proposal, the outcome, reasons, the
//! vote, the dates.

use super::hearing::HearingOutcome;
use super::time::CivilDate;
use super::vote::Vote;
use super::Meeting;

/// Everything the report states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HearingReport {
    pub meeting_title: String,
    pub hearing_date: CivilDate,
    pub candidate: String,
    pub post: String,
    pub commissioner: String,
    /// None while the Panel has not decided.
    pub outcome: Option<HearingOutcome>,
    pub reasons: Option<String>,
    /// "Veto of the proposed Chief Constable appointment (PRSRA 2011 Sch 8)": its motion, outcome and
    /// arithmetic, for each closed vote of the hearing, in order.
    pub votes: Vec<ReportedVote>,
    pub notified_on: CivilDate,
    pub deadline: CivilDate,
    pub reported_on: Option<CivilDate>,
    pub commissioner_accepts: Option<bool>,
}

/// One of the hearing's votes as the report gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportedVote {
    pub kind_label: String,
    pub motion: String,
    pub outcome_label: String,
    pub arithmetic: String,
}

impl HearingReport {
    /// The report of the meeting's hearing, if it has one.
    pub fn of(meeting: &Meeting) -> Option<Self> {
        let hearing = meeting.hearing()?;
        let info = meeting.info()?;
        let of_hearing = |vote: &&Vote| Some(vote.id) == hearing.veto_vote || vote.for_hearing;
        let votes = meeting
            .votes()
            .iter()
            .filter(of_hearing)
            .filter_map(|vote| {
                let result = vote.result.as_ref()?;
                Some(ReportedVote {
                    kind_label: vote.kind.label().to_owned(),
                    motion: vote.motion.clone(),
                    outcome_label: result.outcome.label().to_owned(),
                    arithmetic: result.arithmetic.clone(),
                })
            })
            .collect();
        Some(Self {
            meeting_title: info.title.clone(),
            hearing_date: info.starts_at.london_date(),
            candidate: hearing.spec.candidate.clone(),
            post: hearing.spec.post.clone(),
            commissioner: info.commissioner.clone(),
            outcome: hearing.outcome,
            reasons: hearing.panel_reasons.clone(),
            votes,
            notified_on: hearing.spec.notified_on,
            deadline: hearing.spec.report_deadline(),
            reported_on: hearing.reported_on,
            commissioner_accepts: hearing.commissioner_accepts,
        })
    }

    pub fn is_published(&self) -> bool {
        self.reported_on.is_some()
    }

    /// The outcome as the report's resolution: "The Panel vetoes the proposed appointment of Mr Tim Smith
    /// as Chief Constable of Kent Police."
    pub fn outcome_statement(&self) -> String {
        let (candidate, post) = (&self.candidate, &self.post);
        match self.outcome {
            Some(HearingOutcome::Veto) => format!(
                "The Panel vetoes the proposed appointment of {candidate} as {post} (PRSRA 2011 Sch 8 para 5): at least two-thirds of the members of the Panel voted for the veto, so the Commissioner must not appoint the candidate."
            ),
            Some(HearingOutcome::RecommendAppoint) => format!(
                "The Panel recommends that {candidate} be appointed as {post} (PRSRA 2011 Sch 8 para 4(4))."
            ),
            Some(HearingOutcome::RecommendNotAppoint) => format!(
                "The Panel recommends that {candidate} not be appointed as {post} (PRSRA 2011 Sch 8 para 4(4))."
            ),
            None => "The Panel has not yet decided.".to_owned(),
        }
    }

    /// "Received 28 November 2022; due by 18 December 2022; reported on 6 December 2022, in time."
    pub fn dates_statement(&self) -> String {
        let met = match self.reported_on {
            Some(on) if on <= self.deadline => format!("reported on {on}, in time"),
            Some(on) => format!(
                "reported on {on}, {} after the three weeks ended",
                days(on.days_since_epoch() - self.deadline.days_since_epoch())
            ),
            None => "not yet reported".to_owned(),
        };
        format!(
            "Notification received {}; the three weeks beginning with that day end on {} (Sch 8 para 4(6)); {met}.",
            self.notified_on, self.deadline
        )
    }

    /// The report as Markdown, for download. Text from people is escaped so it cannot become markup.
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "# Report to the Police and Crime Commissioner: proposed appointment of {}\n\n",
            md(&self.candidate)
        );
        if !self.is_published() {
            out.push_str("**DRAFT: not yet reported to the Commissioner.**\n\n");
        }
        out.push_str(&format!(
            "Kent and Medway Police and Crime Panel, confirmation hearing at the meeting of {} ({}).\n\n",
            self.hearing_date.long_text(),
            md(&self.meeting_title)
        ));
        out.push_str(&format!(
            "- Post: {}\n- Candidate: {}\n- Commissioner: {}\n\n",
            md(&self.post),
            md(&self.candidate),
            md(&self.commissioner)
        ));
        out.push_str(&format!(
            "## Outcome\n\n{}\n\n",
            md(&self.outcome_statement())
        ));
        out.push_str("## The Panel's reasons\n\n");
        match &self.reasons {
            Some(reasons) => out.push_str(&format!("{}\n\n", md(reasons))),
            None => out.push_str("Not yet recorded.\n\n"),
        }
        out.push_str("## The vote\n\n");
        if self.votes.is_empty() {
            out.push_str("No vote of the hearing has closed.\n\n");
        }
        // The outcome and arithmetic are the core's own words (`result::declare`), never a person's.
        for vote in &self.votes {
            out.push_str(&format!(
                "- {}: \"{}\". **{}**: {}.\n",
                md(&vote.kind_label),
                md(&vote.motion),
                vote.outcome_label,
                vote.arithmetic
            ));
        }
        out.push_str(&format!("\n## Dates\n\n{}\n", md(&self.dates_statement())));
        if let Some(accepts) = self.commissioner_accepts {
            let word = if accepts { "accepts" } else { "rejects" };
            out.push_str(&format!(
                "\n## The Commissioner's response\n\nThe Commissioner {word} the Panel's recommendation (Sch 8 para 7(3)).\n"
            ));
        }
        out
    }
}

/// Markdown-escapes text from people: inline markup characters (`\\`, `` ` ``, `*`, `_`, `[`, `]`, `<`,
/// `>`, `|`) get a backslash, a leading `#`, `-`, `+` or `=` too, and line breaks become spaces, so the text
/// can neither start a heading or list nor make a link or HTML.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// What the console says about the report's deadline on `today`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportDue {
    pub text: String,
    /// Past the deadline with no report: the console shows it as a warning.
    pub overdue: bool,
}

/// "report due in 9 days (18 December 2022)", "report due today (18 December 2022)", "report overdue by
/// 2 days (due 18 December 2022)", or, once reported, when and whether in time.
pub fn report_due(
    deadline: CivilDate,
    today: CivilDate,
    reported_on: Option<CivilDate>,
) -> ReportDue {
    let left = deadline.days_since_epoch() - today.days_since_epoch();
    let (text, overdue) = match reported_on {
        Some(on) if on <= deadline => {
            (format!("reported on {on}, in time (due {deadline})"), false)
        }
        Some(on) => (
            format!(
                "reported on {on}, {} late (due {deadline})",
                days(on.days_since_epoch() - deadline.days_since_epoch())
            ),
            false,
        ),
        None if left > 0 => (format!("report due in {} ({deadline})", days(left)), false),
        None if left == 0 => (format!("report due today ({deadline})"), false),
        None => (
            format!("report overdue by {} (due {deadline})", days(-left)),
            true,
        ),
    };
    ReportDue { text, overdue }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_console_says_when_the_report_is_due_and_warns_when_overdue() {
        let due = CivilDate::new(2022, 12, 18);
        let table = [
            (
                (2022, 12, 9),
                None,
                "report due in 9 days (18 December 2022)",
                false,
            ),
            (
                (2022, 12, 17),
                None,
                "report due in 1 day (18 December 2022)",
                false,
            ),
            (
                (2022, 12, 18),
                None,
                "report due today (18 December 2022)",
                false,
            ),
            (
                (2022, 12, 19),
                None,
                "report overdue by 1 day (due 18 December 2022)",
                true,
            ),
            (
                (2023, 1, 2),
                None,
                "report overdue by 15 days (due 18 December 2022)",
                true,
            ),
            (
                (2023, 1, 2),
                Some((2022, 12, 6)),
                "reported on 6 December 2022, in time (due 18 December 2022)",
                false,
            ),
            (
                (2023, 1, 2),
                Some((2022, 12, 18)),
                "reported on 18 December 2022, in time (due 18 December 2022)",
                false,
            ),
            (
                (2023, 1, 2),
                Some((2022, 12, 20)),
                "reported on 20 December 2022, 2 days late (due 18 December 2022)",
                false,
            ),
        ];
        for ((y, m, d), reported, text, overdue) in table {
            let reported = reported.map(|(y, m, d)| CivilDate::new(y, m, d));
            let shown = report_due(due, CivilDate::new(y, m, d), reported);
            assert_eq!(
                shown,
                ReportDue {
                    text: text.to_owned(),
                    overdue
                },
                "{y}-{m}-{d}"
            );
        }
    }

    #[test]
    fn markdown_from_people_cannot_become_markup() {
        assert_eq!(
            md("# Heading\n- item [x](y) <b>"),
            "\\# Heading - item \\[x\\](y) \\<b\\>"
        );
        assert_eq!(md("Mr Tim Smith"), "Mr Tim Smith");
    }
}
