//! `project`: the meeting as one viewer may see it (rules in `view/mod.rs`).

use super::*;
use crate::meeting::roles::{allowed_commands, Actor, Viewer};
use crate::meeting::Meeting;

/// What `viewer` may see of `meeting`.
pub fn project(meeting: &Meeting, viewer: &Viewer) -> MeetingView {
    let role = meeting.role_of(viewer);
    let me = match viewer {
        Actor::Member { member } if role != Role::Public => Some(member.clone()),
        _ => None,
    };
    let see = Sight {
        meeting,
        role,
        me: me.as_ref(),
    };
    let hidden = see.private_hidden();
    let info = meeting.info();
    MeetingView {
        seq: meeting.seq(),
        id: meeting.id().cloned(),
        title: info.map(|i| i.title.clone()).unwrap_or_default(),
        date: info
            .map(|i| i.starts_at.london_date().long_text())
            .unwrap_or_default(),
        time: info.map(|i| i.starts_at.london_hm()).unwrap_or_default(),
        venue: info.map(|i| i.venue.clone()).unwrap_or_default(),
        contact: info.and_then(|i| i.contact.clone()),
        webcast_url: if meeting.private_session().is_some() {
            None
        } else {
            info.and_then(|i| i.webcast_url.clone())
        },
        commissioner: info.map(|i| i.commissioner.clone()).unwrap_or_default(),
        phase: meeting.phase().code().to_owned(),
        phase_label: meeting.phase().label(),
        private_session: meeting.private_session().map(|p| p.banner()),
        sections: see.sections(hidden),
        current_item: if hidden {
            None
        } else {
            meeting.agenda().current.clone()
        },
        roster: see.roster(),
        declarations: if hidden { vec![] } else { see.declarations() },
        question_deadline: info
            .and_then(|i| i.question_deadline)
            .map(|d| format!("{} on {}", d.london_hm(), d.london_date())),
        questions: if hidden { vec![] } else { see.questions() },
        votes: if hidden {
            vec![]
        } else {
            meeting.votes().iter().map(|v| see.vote(v)).collect()
        },
        my_ballots: see.my_ballots(),
        hearing: meeting.hearing().map(|h| see.hearing(h, hidden)),
        viewer: ViewerView {
            role,
            role_label: if role == Role::Chair && *viewer == Actor::Commissioner {
                "Chair (the Commissioner)".to_owned()
            } else {
                role.label().to_owned()
            },
            name: me
                .as_ref()
                .and_then(|m| meeting.roster().name_of(m))
                .map(str::to_owned),
            member: me.clone(),
            is_chair: role == Role::Chair,
            // The roles table, less what this kind of meeting never takes (`kind.rs`).
            allowed: allowed_commands(role)
                .into_iter()
                .filter(|command| meeting.kind().allows(*command))
                .collect(),
            present: me
                .as_ref()
                .is_some_and(|m| meeting.attendance(m).is_present()),
        },
        resolutions: if hidden { vec![] } else { see.resolutions() },
        actions: if hidden { vec![] } else { see.actions() },
        minutes_version: meeting.record().latest().map(|p| p.version),
        minute_taking: see.minute_taking(),
        presiding: match info {
            Some(i) if i.kind.commissioner_presides() => Some(i.commissioner.clone()),
            _ => meeting.presiding().map(|m| see.name(m)),
        },
        present_count: meeting
            .roster()
            .seats
            .iter()
            .filter_map(|seat| meeting.occupant(&seat.id).filter(|_| seat.holder.is_some()))
            .filter(|m| meeting.attendance(m).is_present())
            .count() as u32,
        members_count: meeting.roster().members_of_panel(),
        election: see.election(),
        opening_checks: see.opening_checks(),
        starts_on: info.map(|i| i.starts_at.london_date()),
        private_paragraph: meeting.private_session().map(|p| p.paragraph),
        adjournment_reason: match meeting.phase() {
            crate::meeting::Phase::Adjourned { reason, .. } if !reason.is_empty() => {
                Some(reason.clone())
            }
            _ => None,
        },
        cancellation: match meeting.phase() {
            crate::meeting::Phase::Cancelled { reason, .. } => {
                Some(crate::meeting::agenda_changes::cancellation_notice(reason))
            }
            _ => None,
        },
        postponement: meeting.postponements().last().map(|p| p.notice()),
        carried_updates: if hidden {
            0
        } else {
            let updates = &meeting.record().carried_updates;
            let seen = updates.iter().filter(|u| see.sees_carried(&u.action));
            seen.count() as u32
        },
        changed_at: if hidden {
            meeting.private_session().map(|p| p.since.0)
        } else {
            meeting.last_at().map(|at| at.0)
        },
        kind: meeting.kind(),
        attendees: info.map(|i| i.attendees.clone()).unwrap_or_default(),
    }
}

/// What one viewer may see; the vote and ballot parts are in `votes.rs`.
pub(super) struct Sight<'a> {
    pub(super) meeting: &'a Meeting,
    pub(super) role: Role,
    pub(super) me: Option<&'a MemberId>,
}

impl Sight<'_> {
    /// Panel members, the chair and the clerk stay in the room during a private session.
    pub(super) fn insider(&self) -> bool {
        matches!(
            self.role,
            Role::Member | Role::Substitute | Role::Chair | Role::Clerk
        )
    }

    pub(super) fn officer(&self) -> bool {
        matches!(self.role, Role::Chair | Role::Clerk)
    }

    fn private_hidden(&self) -> bool {
        self.meeting.private_session().is_some() && !self.insider()
    }

    pub(super) fn name(&self, member: &MemberId) -> String {
        self.meeting
            .roster()
            .name_of(member)
            .unwrap_or(member.as_str())
            .to_owned()
    }

    fn sections(&self, hidden: bool) -> Vec<SectionView> {
        let current = if hidden {
            None
        } else {
            self.meeting.agenda().current.as_ref()
        };
        let item = |i: &crate::meeting::AgendaItem| ItemView {
            code: i.code.clone(),
            title: i.title.clone(),
            pages: i.pages.map(|p| p.to_string()),
            to_follow: i.to_follow.clone(),
            verbal: i.verbal,
            exempt: i.exempt,
            is_current: current == Some(&i.code),
            day_note: self.meeting.day_note(&i.code).map(|n| n.label()),
            set_aside: self
                .meeting
                .day_note(&i.code)
                .is_some_and(|n| n.is_set_aside()),
            paper_changes: self
                .meeting
                .paper_changes(&i.code)
                .iter()
                .map(|c| c.label())
                .collect(),
        };
        let section = |s: &crate::meeting::AgendaSection| SectionView {
            letter: s.letter.clone(),
            title: s.title.clone(),
            empty_note: s.empty_note.clone(),
            items: s.items.iter().map(item).collect(),
        };
        self.meeting.agenda().sections.iter().map(section).collect()
    }

    fn roster(&self) -> Vec<SeatView> {
        let roster = self.meeting.roster();
        let presiding = self.meeting.presiding();
        let seat = |seat: &crate::meeting::Seat| {
            let holder_id = seat.holder.as_ref().map(|p| p.id.clone());
            let is = |office: &Option<MemberId>| holder_id.is_some() && office == &holder_id;
            let substitute = roster.substitutes.get(&seat.id).map(|sub| SubstituteView {
                id: sub.id.clone(),
                name: sub.name.clone(),
                attendance: self.meeting.attendance(&sub.id).label(),
                label: format!(
                    "Substitute for {}",
                    seat.holder
                        .as_ref()
                        .map(|h| h.name.as_str())
                        .unwrap_or("a vacancy")
                ),
            });
            SeatView {
                seat: seat.id.clone(),
                seat_name: seat.name.clone(),
                kind: seat.kind,
                kind_label: seat.kind.label().to_owned(),
                holder: seat
                    .holder
                    .as_ref()
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| "VACANCY".to_owned()),
                vacancy: seat.holder.is_none(),
                is_chair: is(&roster.chair),
                is_vice_chair: is(&roster.vice_chair),
                is_presiding: holder_id.is_some() && presiding == holder_id.as_ref(),
                attendance: holder_id
                    .as_ref()
                    .map(|m| self.meeting.attendance(m).label())
                    .unwrap_or_default(),
                holder_id,
                substitute,
            }
        };
        roster.seats.iter().map(seat).collect()
    }

    fn declarations(&self) -> Vec<DeclarationView> {
        let view = |d: &crate::meeting::Declaration| DeclarationView {
            member: d.member.clone(),
            name: self.name(&d.member),
            item: d.item.clone(),
            interest: d.interest.clone(),
        };
        self.meeting.declarations().iter().map(view).collect()
    }

    fn questions(&self) -> Vec<QuestionView> {
        let visible = |q: &&crate::meeting::Question| {
            self.officer() || q.status.is_public() || Some(&q.asker) == self.me
        };
        let view = |q: &crate::meeting::Question| {
            let is_mine = Some(&q.asker) == self.me;
            QuestionView {
                id: q.id,
                asker: q.asker.clone(),
                asker_name: self.name(&q.asker),
                text: q.text.clone(),
                status: q.status,
                status_label: q.status.label().to_owned(),
                answer: q.answer.clone(),
                answered_in_writing: q.answered_in_writing,
                supplementary: q.supplementary.as_ref().map(|s| s.text.clone()),
                supplementary_answer: q.supplementary.as_ref().and_then(|s| s.answer.clone()),
                rejection_reason: (self.officer() || is_mine)
                    .then(|| q.rejection_reason.clone())
                    .flatten(),
                is_mine,
            }
        };
        self.meeting
            .questions()
            .iter()
            .filter(visible)
            .map(view)
            .collect()
    }

    fn hearing(&self, h: &crate::meeting::Hearing, hidden: bool) -> HearingView {
        HearingView {
            item: h.spec.item.clone(),
            post: h.spec.post.clone(),
            candidate: h.spec.candidate.clone(),
            criteria: h.spec.criteria.clone(),
            reasons: h.spec.reasons.clone(),
            terms: h.spec.terms.clone(),
            notified_on: h.spec.notified_on.to_string(),
            report_deadline: h.spec.report_deadline().to_string(),
            stage: h.stage,
            stage_label: h.stage.label().to_owned(),
            outcome: if hidden {
                None
            } else {
                h.outcome.map(|o| o.label().to_owned())
            },
            reported_on: h.reported_on.map(|d| d.to_string()),
            reported_in_time: h.reported_in_time,
            commissioner_accepts: h.commissioner_accepts,
            next_step: if hidden { None } else { self.next_step(h) },
            report_deadline_date: h.spec.report_deadline(),
            reported_on_date: h.reported_on,
        }
    }
}
