//! Property test: random full Panels vote, and every closed vote is checked against a reference.
//!
//! `meeting_props.rs` walks at random through every command with at most nine members present, so a veto (which
//! needs at least two-thirds of the members of the Panel, 14 of 20) can never pass there. Here each case builds
//! the 6 December 2022 Panel as a clerk might find it on the day: seats fallen vacant, substitutes in place of
//! holders (voting on vetoes or not, as the summons says), apologies and absences; then the chair puts a run of
//! votes (both vetoes, recommendations, resolutions), members cast and change ballots, some leave or arrive
//! while a vote is open, seats change hands between votes, and the chair closes or voids each vote.
//!
//! A model kept by the test alone (seats, holders, substitutes, who is present, the ballots that stand) says,
//! without asking the core: who the electorate of each vote is (one elector per filled seat: the substitute, or
//! the holder where substitutes may not vote on vetoes); whether each ballot must be accepted (the elector who
//! sits in the seat, present now and when the vote opened); whether a close must be accepted (no casting vote on
//! a veto; one, For or Against, exactly when a resolution is tied); and each closed vote's tally and outcome,
//! the veto's by exact fractions (`common::fractions`). The core's vote, the public's view and each elector's
//! own view must agree with it. A guard test checks that the generator reaches passing and failing vetoes.

use crate::common::*;
use crate::panel_model::plans::{case, Act, Case, VotePlan};
use crate::panel_model::{Model, OpenVote};
use app::demo::demo_meetings;
use app::meeting::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// What the runs reached, so that the guard below can see the properties were not vacuous.
#[derive(Debug, Default)]
struct Reached {
    vetoed: u32,
    not_vetoed: u32,
    with_vacancy: u32,
    substitute_ballots: u32,
    refused_ballots: u32,
    voided: u32,
}

struct Run {
    meeting: Meeting,
    now: Timestamp,
    model: Model,
    everyone: Vec<Person>,
    reached: Reached,
}

impl Run {
    fn decide(&mut self, actor: &Actor, command: Command) -> Result<Vec<Event>, CommandError> {
        self.now = Timestamp(self.now.0 + 60_000);
        let events = self.meeting.decide(actor, command, self.now)?;
        events.iter().for_each(|e| self.meeting.apply(e));
        Ok(events)
    }

    fn must(&mut self, actor: &Actor, command: Command) {
        if let Err(error) = self.decide(actor, command.clone()) {
            panic!("{command:?} by {actor:?} refused: {error}");
        }
    }

    /// The clerk records `mark`; the model follows what was accepted.
    fn attend(&mut self, who: &MemberId, mark: AttendanceMark) {
        let command = Command::RecordAttendance {
            member: who.clone(),
            mark,
        };
        if self.decide(&clerk(), command).is_ok() {
            if matches!(mark, AttendanceMark::Present | AttendanceMark::ArrivedLate) {
                self.model.present.insert(who.clone());
            } else {
                self.model.present.remove(who);
            }
        }
    }

    fn vote(&self, id: VoteId) -> &Vote {
        self.meeting.votes().iter().find(|v| v.id == id).unwrap()
    }

    fn person(&self, who: u8) -> Person {
        self.everyone[usize::from(who) % self.everyone.len()].clone()
    }
}

/// The Panel of 6 December 2022, set up as `case` says, the meeting opened and the hearing at its vote.
fn set_up(case: &Case) -> Run {
    let (_, mut log) = demo_meetings()
        .into_iter()
        .find(|(id, _)| id.as_str() == "2022-12-06")
        .unwrap();
    if let Some(Event::MeetingScheduled(spec)) = log.first_mut() {
        spec.substitutes_vote_on_vetoes = case.substitutes_vote_on_vetoes;
    }
    let mut meeting = Meeting::default();
    log.iter().for_each(|e| meeting.apply(e));
    let holders: Vec<(SeatId, Person)> = meeting
        .roster()
        .seats
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                s.holder.clone().expect("every seat filled in 2022"),
            )
        })
        .collect();
    let chair_id = MemberId::new("mike-hill");
    let mut everyone: Vec<Person> = holders.iter().map(|(_, p)| p.clone()).collect();
    everyone
        .extend((1..=5).map(|n| Person::new(&format!("sub-{n}"), &format!("Cllr Substitute {n}"))));
    everyone
        .extend((1..=3).map(|n| Person::new(&format!("new-{n}"), &format!("Cllr New Member {n}"))));
    let mut run = Run {
        meeting,
        now: at(DEC_2022, 9, 0),
        model: Model {
            substitutes_vote_on_vetoes: case.substitutes_vote_on_vetoes,
            seats: holders
                .iter()
                .map(|(s, p)| (s.clone(), Some(p.clone()), None))
                .collect(),
            present: BTreeSet::new(),
        },
        everyone,
        reached: Reached::default(),
    };
    let mut substitutes = 0;
    for (i, ((seat, holder), plan)) in holders.iter().zip(&case.seats).enumerate() {
        let away = plan.absent < case.absence_rate;
        // The Chairman presides at every case's meeting: his seat is always his, and he is there.
        let plan_fill = if holder.id == chair_id { 9 } else { plan.fill };
        match plan_fill {
            0 => {
                run.must(
                    &clerk(),
                    Command::UpdateSeat {
                        seat: seat.clone(),
                        holder: None,
                    },
                );
                run.model.seats[i].1 = None;
            }
            1 | 2 if substitutes < 5 => {
                substitutes += 1;
                let sub = Person::new(
                    &format!("sub-{substitutes}"),
                    &format!("Cllr Substitute {substitutes}"),
                );
                run.must(
                    &clerk(),
                    Command::AppointSubstitute {
                        seat: seat.clone(),
                        substitute: sub.clone(),
                    },
                );
                run.model.seats[i].2 = Some(sub.clone());
                let mark = if away {
                    AttendanceMark::Absent
                } else {
                    AttendanceMark::Present
                };
                run.attend(&sub.id, mark);
            }
            _ => {
                let mark = if away && holder.id != chair_id {
                    AttendanceMark::Apologies
                } else {
                    AttendanceMark::Present
                };
                run.attend(&holder.id, mark);
            }
        }
    }
    run.must(&chair(), Command::OpenMeeting);
    for stage in [
        HearingStage::Questions,
        HearingStage::PrivateDeliberation,
        HearingStage::Vote,
    ] {
        run.must(&chair(), Command::SetHearingStage { stage });
    }
    run
}

/// A seat changes hands (or falls vacant) between votes; the model follows what was accepted.
fn change_seat(run: &mut Run, (which, fill): (u8, bool), n: usize) {
    let i = usize::from(which) % run.model.seats.len();
    let seat = run.model.seats[i].0.clone();
    if run.model.seats[i]
        .1
        .as_ref()
        .is_some_and(|p| p.id.as_str() == "mike-hill")
    {
        return;
    }
    let holder = fill.then(|| run.everyone[20 + 5 + n % 3].clone());
    let command = Command::UpdateSeat {
        seat,
        holder: holder.clone(),
    };
    if run.decide(&clerk(), command).is_ok() {
        run.model.seats[i].1 = holder.clone();
        if let Some(new) = holder {
            run.attend(&new.id, AttendanceMark::Present);
        }
    }
}

fn kind_of(plan: &VotePlan) -> (VoteKind, Option<String>) {
    match plan.kind {
        0 => (VoteKind::ChiefConstableVeto, None),
        1 => (VoteKind::PreceptVeto, None),
        2 => (
            VoteKind::Recommendation,
            Some("That the Panel recommends the appointment".into()),
        ),
        _ => (
            VoteKind::GeneralResolution,
            Some("That the report be noted".into()),
        ),
    }
}

/// Checks the core's open vote, the public's view and each elector's view against the model.
fn check_open(run: &Run, open: &OpenVote) -> Result<(), TestCaseError> {
    let vote = run.vote(open.id);
    let electorate: BTreeMap<SeatId, MemberId> = vote
        .electorate
        .iter()
        .map(|e| (e.seat.clone(), e.voter.clone()))
        .collect();
    let expected: BTreeMap<SeatId, MemberId> = open
        .electorate
        .iter()
        .map(|(s, p)| (s.clone(), p.id.clone()))
        .collect();
    prop_assert_eq!(electorate, expected, "the electorate of vote {}", open.id);
    let public = project(&run.meeting, &Actor::Public);
    let view = public.votes.iter().find(|v| v.id == open.id).unwrap();
    prop_assert_eq!(view.electorate, open.electorate.len() as u32);
    prop_assert!(view.tally.is_none() && view.named_ballots.is_empty());
    for person in &run.everyone {
        let viewer = member(person.id.as_str());
        let mine = project(&run.meeting, &viewer);
        let Some(view) = mine.votes.iter().find(|v| v.id == open.id) else {
            continue;
        };
        // The chair sees the count while the vote is open (he runs the vote); no other member does.
        if run.meeting.role_of(&viewer) != Role::Chair {
            prop_assert!(view.tally.is_none(), "{} sees a running count", person.id);
        }
        let elector = open.electorate.values().any(|p| p.id == person.id);
        if elector {
            prop_assert_eq!(
                view.my_refusal.is_none(),
                open.may_cast(&run.model, &person.id).is_some(),
                "{}'s view of whether they may vote: {:?}",
                person.id,
                &view.my_refusal
            );
        }
        let own = mine
            .my_ballots
            .iter()
            .find(|b| b.vote == open.id)
            .map(|b| b.choice);
        let stands = open
            .ballots
            .values()
            .find(|(who, _)| who == &person.id)
            .map(|(_, c)| *c);
        prop_assert_eq!(own, stands, "{}'s own ballot", person.id);
    }
    Ok(())
}

/// Checks a closed vote's result in the core and in the public's and the electors' views against the model.
fn check_closed(run: &Run, open: &OpenVote, casting: Option<Choice>) -> Result<(), TestCaseError> {
    let tally = open.tally();
    let outcome = open.outcome(casting);
    let members = open.electorate.len() as u32;
    let vote = run.vote(open.id);
    let result = vote.result.as_ref().expect("a closed vote has a result");
    prop_assert_eq!(
        result.outcome,
        outcome,
        "vote {} ({:?}): {}",
        open.id,
        open.kind,
        &result.arithmetic
    );
    prop_assert_eq!(result.tally, tally);
    prop_assert_eq!(result.electorate, members);
    let named: BTreeSet<(String, Option<Choice>)> = open
        .electorate
        .iter()
        .map(|(seat, p)| (p.name.clone(), open.ballots.get(seat).map(|(_, c)| *c)))
        .collect();
    let viewers = std::iter::once(Actor::Public)
        .chain(open.electorate.values().map(|p| member(p.id.as_str())));
    for viewer in viewers {
        let view = project(&run.meeting, &viewer);
        let shown = view.votes.iter().find(|v| v.id == open.id).unwrap();
        prop_assert_eq!(shown.status, VoteStatus::Closed);
        prop_assert_eq!(shown.electorate, members);
        prop_assert_eq!(shown.tally, Some(tally));
        let result = shown.result.as_ref().expect("a result shown");
        prop_assert_eq!(result.outcome, outcome, "as {:?} sees it", viewer);
        let shown_named: BTreeSet<(String, Option<Choice>)> = shown
            .named_ballots
            .iter()
            .map(|b| (b.name.clone(), b.choice))
            .collect();
        prop_assert_eq!(
            &shown_named,
            &named,
            "how each voted, as {:?} sees it",
            viewer
        );
    }
    Ok(())
}

/// Person `who` casts `choice`; the core must accept it exactly when the model says they may, and the ballot
/// then stands for their seat.
fn cast(
    run: &mut Run,
    open: &mut OpenVote,
    who: u8,
    choice: Choice,
    ballot_id: String,
) -> Result<(), TestCaseError> {
    let person = run.person(who);
    let may = open.may_cast(&run.model, &person.id);
    let command = Command::CastBallot {
        vote: open.id,
        choice,
        ballot_id: BallotId::new(ballot_id),
    };
    let cast = run.decide(&member(person.id.as_str()), command);
    prop_assert_eq!(
        cast.is_ok(),
        may.is_some(),
        "{}'s ballot: {:?}",
        person.id,
        cast
    );
    match may {
        Some(seat) => {
            open.ballots.insert(seat, (person.id.clone(), choice));
            if person.id.as_str().starts_with("sub-") {
                run.reached.substitute_ballots += 1;
            }
        }
        None => run.reached.refused_ballots += 1,
    }
    Ok(())
}

fn run_case(case: &Case) -> Result<Reached, TestCaseError> {
    let mut run = set_up(case);
    let mut decided: Vec<VoteKind> = Vec::new();
    for (n, plan) in case.votes.iter().enumerate() {
        if let Some(change) = plan.seat_change {
            change_seat(&mut run, change, n);
        }
        let (kind, motion) = kind_of(plan);
        let opened = run.decide(
            &chair(),
            Command::OpenVote {
                kind,
                motion,
                item: None,
            },
        );
        if kind.is_veto() && decided.contains(&kind) {
            prop_assert!(opened.is_err(), "a second {:?} was opened", kind);
        }
        if opened.is_err() {
            continue;
        }
        let mut open = OpenVote {
            id: run.meeting.votes().last().unwrap().id,
            kind,
            electorate: run.model.electorate(kind),
            present_at_open: run.model.present.clone(),
            ballots: BTreeMap::new(),
        };
        if open.electorate.len() < 20 {
            run.reached.with_vacancy += 1;
        }
        // With a sweep, everyone the case knows tries once as the vote opens, then the plan's acts.
        let sweep = (0..run.everyone.len() as u8)
            .filter(|_| plan.sweep)
            .map(|who| Act::Ballot {
                who,
                choice: ((usize::from(who) * 7 + n * 13) % 20) as u8,
            });
        for (a, act) in sweep.chain(plan.acts.iter().cloned()).enumerate() {
            match act {
                Act::Ballot { who, choice } => {
                    let choice = if choice < plan.lean {
                        Choice::For
                    } else if choice % 2 == 0 {
                        Choice::Against
                    } else {
                        Choice::Abstain
                    };
                    cast(&mut run, &mut open, who, choice, format!("b-{n}-{a}"))?;
                }
                Act::Leaves { who } => {
                    let person = run.person(who);
                    if person.id.as_str() != "mike-hill" {
                        run.attend(&person.id, AttendanceMark::LeftEarly);
                    }
                }
                Act::Arrives { who } => {
                    let person = run.person(who);
                    run.attend(&person.id, AttendanceMark::ArrivedLate);
                }
            }
        }
        check_open(&run, &open)?;
        if plan.void {
            run.must(
                &chair(),
                Command::VoidVote {
                    vote: open.id,
                    reason: format!("voided [{n}]"),
                },
            );
            run.reached.voided += 1;
            let vote = run.vote(open.id);
            prop_assert!(vote.is_voided() && vote.result.is_none());
            continue;
        }
        let asked = [
            None,
            Some(Choice::For),
            Some(Choice::Against),
            Some(Choice::Abstain),
        ][usize::from(plan.casting % 4)];
        let closed = run.decide(
            &chair(),
            Command::CloseVote {
                vote: open.id,
                casting_vote: asked,
            },
        );
        prop_assert_eq!(
            closed.is_ok(),
            open.close_accepted(asked),
            "close with {:?}: {:?}",
            asked,
            closed
        );
        let casting = if closed.is_ok() {
            asked
        } else {
            let tally = open.tally();
            let casting =
                (!kind.is_veto() && tally.for_ == tally.against).then_some(Choice::Against);
            run.must(
                &chair(),
                Command::CloseVote {
                    vote: open.id,
                    casting_vote: casting,
                },
            );
            casting
        };
        check_closed(&run, &open, casting)?;
        if kind.is_veto() {
            decided.push(kind);
            match open.outcome(casting) {
                Outcome::Vetoed => run.reached.vetoed += 1,
                _ => run.reached.not_vetoed += 1,
            }
        }
    }
    Ok(run.reached)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_closed_vote_on_a_random_full_panel_matches_the_reference(case in case()) {
        run_case(&case)?;
    }
}

/// Guards the generator: vetoes must both pass and fail, on Panels with vacancies, with substitutes voting,
/// ballots refused and votes voided, or the property above would hold vacuously.
#[test]
fn the_generator_reaches_passing_and_failing_vetoes_vacancies_and_substitutes() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut total = Reached::default();
    for _ in 0..60 {
        let case = case().new_tree(&mut runner).unwrap().current();
        let reached = run_case(&case).unwrap();
        total.vetoed += reached.vetoed;
        total.not_vetoed += reached.not_vetoed;
        total.with_vacancy += reached.with_vacancy;
        total.substitute_ballots += reached.substitute_ballots;
        total.refused_ballots += reached.refused_ballots;
        total.voided += reached.voided;
    }
    assert!(
        total.vetoed >= 8
            && total.not_vetoed >= 20
            && total.with_vacancy >= 20
            && total.substitute_ballots >= 20
            && total.refused_ballots >= 20
            && total.voided >= 3,
        "{total:?}"
    );
}
