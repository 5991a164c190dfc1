//! The body of one minute, in the order a clerk writes it (S4:101-243): who was in attendance for
//! the item, declarations (item 3, in the sentence form of S4:98), the questions with their answers
//! (the questions item, S4:174-223), the clerk's numbered paragraphs (numbering running on after the
//! answers, S4:185-221), each counted vote with its named record and arithmetic (and, for a veto, the
//! statement the statute requires), the hearing's outcome, the actions in bold (S2:111, S2:137), any
//! adjournment line (S0:112), and last the RESOLVED lines.

use super::action_updates;
use super::document::Block;
use super::names;
use crate::meeting::ids::{ItemCode, MemberId};
use crate::meeting::question::{Question, QuestionStatus};
use crate::meeting::result::Outcome;
use crate::meeting::veto;
use crate::meeting::vote::{Choice, Vote, VoteKind};
use crate::meeting::Meeting;

/// Builds the blocks of one item's minute.
pub(super) struct Body<'a> {
    meeting: &'a Meeting,
    item: &'a ItemCode,
    blocks: Vec<Block>,
    numbered: u32,
}

impl<'a> Body<'a> {
    pub(super) fn new(meeting: &'a Meeting, item: &'a ItemCode) -> Self {
        Self {
            meeting,
            item,
            blocks: vec![],
            numbered: 0,
        }
    }

    pub(super) fn blocks(mut self) -> Vec<Block> {
        let record = self.meeting.record().item(self.item).cloned();
        if let Some(guests) = record.as_ref().filter(|r| !r.guests.is_empty()) {
            let verb = if guests.guests.len() == 1 {
                "was"
            } else {
                "were"
            };
            self.text(format!(
                "{} {verb} in attendance for this item.",
                names::list(&guests.guests)
            ));
        }
        if self.item.as_str() == "3" {
            self.declarations();
        }
        if self.is_questions_item() {
            self.questions();
        }
        if action_updates::place(self.meeting).as_ref() == Some(self.item) {
            self.blocks.extend(action_updates::blocks(self.meeting));
        }
        for paragraph in record.iter().flat_map(|r| r.paragraphs.iter()) {
            self.number(paragraph.clone());
        }
        let votes: Vec<&Vote> = self
            .meeting
            .votes()
            .iter()
            .filter(|v| v.item.as_ref() == Some(self.item) && v.result.is_some())
            .collect();
        for vote in votes {
            self.vote(vote);
        }
        self.hearing_outcome();
        let actions: Vec<String> = self
            .meeting
            .record()
            .actions
            .iter()
            .filter(|a| &a.item == self.item)
            .map(|a| a.text.clone())
            .collect();
        for text in actions {
            self.blocks.push(Block::Action { text });
        }
        let notes: Vec<String> = self
            .meeting
            .record()
            .adjournments
            .iter()
            .filter(|a| a.item.as_ref() == Some(self.item))
            .map(|a| {
                let reason = a.reason.trim().trim_end_matches('.');
                let until = a.until.london_hm();
                match reason {
                    "" => format!("Meeting adjourned until {until}"),
                    r if r.to_lowercase().starts_with("due to") => {
                        format!("Meeting adjourned until {until} {r}")
                    }
                    r => format!("Meeting adjourned until {until} due to {r}"),
                }
            })
            .collect();
        for text in notes {
            self.blocks.push(Block::Note { text });
        }
        for resolution in record.iter().flat_map(|r| r.resolutions.iter()) {
            self.blocks.push(Block::Resolved {
                text: resolution.text.clone(),
            });
        }
        self.blocks
    }

    fn text(&mut self, text: String) {
        self.blocks.push(Block::Text { text });
    }

    fn number(&mut self, text: String) {
        self.numbered += 1;
        self.blocks.push(Block::Numbered {
            number: self.numbered,
            text,
        });
    }

    fn name(&self, member: &MemberId) -> String {
        self.meeting
            .roster()
            .name_of(member)
            .unwrap_or(member.as_str())
            .to_owned()
    }

    /// "Cllr Clark declared, in relation to Item B1 'Commissioner's Annual Report 2021/22', that he
    /// was in receipt of a Kent Police pension." (S4:98). An interest typed without "that" is given
    /// after "an interest:".
    fn declarations(&mut self) {
        for d in self.meeting.declarations() {
            let title = self
                .meeting
                .agenda()
                .item(&d.item)
                .map(|i| format!(" '{}'", i.title))
                .unwrap_or_default();
            let interest = d.interest.trim().trim_end_matches('.');
            let interest = if interest.to_lowercase().starts_with("that ") {
                interest.to_owned()
            } else {
                format!("an interest: {interest}")
            };
            let who = names::short(&self.name(&d.member));
            self.blocks.push(Block::Text {
                text: format!(
                    "{who} declared, in relation to Item {}{title}, {interest}.",
                    d.item
                ),
            });
        }
    }

    fn is_questions_item(&self) -> bool {
        self.meeting.agenda().item(self.item).is_some_and(|item| {
            item.title
                .to_lowercase()
                .contains("questions to the commissioner")
        })
    }

    /// "Question 1", its text, "(Cllr Ashley Clark, Canterbury City Council)", then the answer's
    /// summary as a numbered paragraph (S4:177-221); a written answer as S4:194-213.
    fn questions(&mut self) {
        let put: Vec<Question> = self
            .meeting
            .questions()
            .iter()
            .filter(|q| {
                matches!(
                    q.status,
                    QuestionStatus::BeingAnswered
                        | QuestionStatus::Answered
                        | QuestionStatus::WrittenAnswerToFollow
                )
            })
            .cloned()
            .collect();
        for (n, q) in put.iter().enumerate() {
            let name = self.name(&q.asker);
            let roster = self.meeting.roster();
            let seat = roster
                .seat_held_by(&q.asker)
                .or_else(|| {
                    roster
                        .seat_substituted_by(&q.asker)
                        .and_then(|s| roster.seat(s))
                })
                .map(|s| format!(", {}", s.name))
                .unwrap_or_default();
            self.blocks.push(Block::Subheading {
                text: format!("Question {}", n + 1),
            });
            self.text(q.text.clone());
            self.text(format!("({}{seat})", names::full(&name)));
            let short = names::short(&name);
            match (&q.answer, q.answered_in_writing, q.status) {
                (Some(answer), true, _) => {
                    self.number(format!(
                        "A written response to the question was provided by the Commissioner following the meeting, as {short} was not present. The Commissioner's response was as follows:"
                    ));
                    self.blocks.push(Block::Quote {
                        text: answer.clone(),
                    });
                }
                (Some(answer), false, _) => self.number(answer.clone()),
                (None, _, QuestionStatus::WrittenAnswerToFollow) => self.number(format!(
                    "A written response to the question will be provided by the Commissioner following the meeting, as {short} was not present."
                )),
                (None, _, _) => {}
            }
            if let Some(s) = &q.supplementary {
                let answer = s
                    .answer
                    .as_ref()
                    .map(|a| format!(" {a}"))
                    .unwrap_or_default();
                self.number(format!(
                    "{short} asked a supplementary question: {}{answer}",
                    s.text
                ));
            }
        }
    }

    /// The motion, the named record, the arithmetic and, for a veto, the statute's statement.
    fn vote(&mut self, vote: &Vote) {
        let Some(result) = &vote.result else { return };
        let how = if result.by_show_of_hands {
            "by a show of hands"
        } else {
            "by a recorded vote"
        };
        self.text(format!(
            "The Panel voted {how} on the motion: {}",
            vote.motion
        ));
        if !result.by_show_of_hands {
            let choice_of = |seat| vote.ballots.get(seat).map(|b| b.choice);
            let mut rows: Vec<String> = vec![];
            for (label, choice) in [
                ("For", Some(Choice::For)),
                ("Against", Some(Choice::Against)),
                ("Abstained", Some(Choice::Abstain)),
                ("Did not vote", None),
            ] {
                let who: Vec<String> = vote
                    .electorate
                    .iter()
                    .filter(|e| choice_of(&e.seat) == choice)
                    .map(|e| names::initials(&e.name))
                    .collect();
                let list = if who.is_empty() {
                    "none".to_owned()
                } else {
                    names::list(&who)
                };
                rows.push(format!("{label} ({}): {list}.", who.len()));
            }
            for row in rows {
                self.text(row);
            }
        }
        self.text(format!("{}.", result.arithmetic));
        if vote.kind.is_veto() {
            self.text(veto_statement(vote, result.outcome));
        }
    }

    fn hearing_outcome(&mut self) {
        let Some(hearing) = self.meeting.hearing() else {
            return;
        };
        if &hearing.spec.item != self.item {
            return;
        }
        if let Some(outcome) = hearing.outcome {
            self.text(format!(
                "Outcome of the confirmation hearing on the proposed appointment of {} as {}: {}.",
                hearing.spec.candidate,
                hearing.spec.post,
                outcome.label()
            ));
        }
    }
}

/// The statement a veto's minutes carry (Sch 5 para 4(2) for the precept: the report "must include a
/// statement that the panel has vetoed it"; Sch 8 para 5 for a chief constable), with the required
/// majority in the statute's words.
fn veto_statement(vote: &Vote, outcome: Outcome) -> String {
    let (what, law) = match vote.kind {
        VoteKind::PreceptVeto => (
            "proposed precept",
            "Police Reform and Social Responsibility Act 2011, Schedule 5 paragraph 4",
        ),
        _ => (
            "proposed appointment",
            "Police Reform and Social Responsibility Act 2011, Schedule 8 paragraph 5",
        ),
    };
    let n = vote.electorate_size();
    let needed = veto::veto_threshold(n);
    let for_ = vote.result.as_ref().map(|r| r.tally.for_).unwrap_or(0);
    if outcome == Outcome::Vetoed {
        format!(
            "The Panel has vetoed the {what}: {for_} of the {n} persons who were members of the Panel when the decision was made voted in favour, at least two-thirds ({needed}) as the required majority demands ({law})."
        )
    } else {
        format!(
            "The Panel has not vetoed the {what}: a veto needs at least two-thirds of the persons who are members of the Panel at the time ({needed} of {n}), and {for_} voted in favour ({law})."
        )
    }
}
