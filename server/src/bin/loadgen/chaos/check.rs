//! After the run, the checks, made from the log itself and the server's published record, never from the
//! server's own counts:
//! - the hash chain of every meeting verifies;
//! - every acknowledged ballot is in the log exactly once, for its member, vote and choice; no ballot the
//!   server never acknowledged is there twice; no ballot is there that no device sent; a member's
//!   acknowledged ballots are in the log in the order they were sent;
//! - every stalled append the server was killed after is in the log (it had committed);
//! - every poll was opened once and closed once, and its result, recounted here from the ballots in the log
//!   (each seat's last ballot), equals the tally in its `VoteClosed` event and the published vote record
//!   (`GET /api/v1/meetings/{id}/votes`), seat by seat.

use std::collections::{BTreeMap, HashMap};

use app::meeting::{Choice, Event, MeetingId};
use server::store::EventStore;

use super::journal::{lock, Journal};
use crate::http::Http;

/// What the checks found: counts for the report, and every discrepancy.
#[derive(Debug, Default, serde::Serialize)]
pub struct Findings {
    pub events: u64,
    pub ballots_in_log: u64,
    pub acked: u64,
    pub unacked: u64,
    pub unacked_in_log: u64,
    pub votes_closed: u64,
    pub kills_committed: u64,
    pub problems: Vec<String>,
}

/// One ballot as the log holds it.
struct Logged {
    seq: u64,
    vote: u64,
    voter: String,
    choice: Choice,
}

pub async fn run(
    database_url: &str,
    http: &mut Http,
    meetings: &[String],
    journal: &Journal,
) -> anyhow::Result<Findings> {
    let store = EventStore::connect(database_url).await?;
    let mut found = Findings::default();
    let mut by_id: HashMap<String, Vec<Logged>> = HashMap::new();
    for meeting in meetings {
        let id = MeetingId(meeting.clone());
        match store.verify_chain(&id).await {
            Ok(_) => {}
            Err(error) => found.problems.push(format!("{meeting}: {error}")),
        }
        let log = store.load(&id).await?;
        found.events += log.len() as u64;
        let mut opened: BTreeMap<u64, usize> = BTreeMap::new();
        let mut counted: BTreeMap<u64, BTreeMap<String, Choice>> = BTreeMap::new();
        let mut closed: BTreeMap<u64, Vec<app::meeting::VoteResult>> = BTreeMap::new();
        for stored in &log {
            match &stored.event {
                Event::VoteOpened { vote, .. } => {
                    *opened.entry(u64::from(vote.0)).or_default() += 1
                }
                Event::BallotCast {
                    vote,
                    seat,
                    voter,
                    choice,
                    ballot_id,
                    ..
                } => {
                    let vote = u64::from(vote.0);
                    counted
                        .entry(vote)
                        .or_default()
                        .insert(seat.0.clone(), *choice);
                    by_id
                        .entry(ballot_id.as_str().to_owned())
                        .or_default()
                        .push(Logged {
                            seq: stored.seq,
                            vote,
                            voter: voter.0.clone(),
                            choice: *choice,
                        });
                    found.ballots_in_log += 1;
                }
                Event::VoteClosed { vote, result, .. } => closed
                    .entry(u64::from(vote.0))
                    .or_default()
                    .push(result.clone()),
                _ => {}
            }
        }
        let published = published_tallies(http, meeting).await?;
        let polls: Vec<u64> = lock(&journal.polls)
            .iter()
            .filter(|(m, _)| m == meeting)
            .map(|(_, v)| *v)
            .collect();
        for vote in polls {
            let opens = opened.get(&vote).copied().unwrap_or(0);
            let closes = closed.get(&vote).map_or(0, Vec::len);
            if opens != 1 || closes != 1 {
                found.problems.push(format!(
                    "{meeting} vote {vote}: opened {opens} times, closed {closes} times"
                ));
                continue;
            }
            found.votes_closed += 1;
            let seats = counted.get(&vote).cloned().unwrap_or_default();
            let recount = tally(seats.values());
            let result = &closed[&vote][0];
            let logged = [
                result.tally.for_,
                result.tally.against,
                result.tally.abstain,
            ];
            if recount != logged {
                found.problems.push(format!("{meeting} vote {vote}: ballots in the log give {recount:?}, its close says {logged:?}"));
            }
            match published.get(&vote) {
                Some((tally, positions)) => {
                    if *tally != recount {
                        found.problems.push(format!("{meeting} vote {vote}: the published record says {tally:?}, the log {recount:?}"));
                    }
                    for (seat, choice) in &seats {
                        let want = serde_json::to_value(choice)?;
                        if positions.get(seat).map(String::as_str) != want.as_str() {
                            found.problems.push(format!(
                                "{meeting} vote {vote} seat {seat}: published {:?}, counted {want}",
                                positions.get(seat)
                            ));
                        }
                    }
                }
                None => found.problems.push(format!(
                    "{meeting} vote {vote}: not in the published record"
                )),
            }
        }
        for kill in lock(&journal.kills)
            .iter()
            .filter(|k| &k.meeting == meeting)
        {
            if log.iter().any(|stored| stored.seq == kill.seq) {
                found.kills_committed += 1;
            } else {
                found.problems.push(format!(
                    "{meeting}: the append at seq {} stalled before a kill is not in the log",
                    kill.seq
                ));
            }
        }
    }
    ballots(&mut found, journal, &by_id);
    found
        .problems
        .extend(lock(&journal.problems).iter().cloned());
    Ok(found)
}

/// Every sent ballot against the log.
fn ballots(found: &mut Findings, journal: &Journal, by_id: &HashMap<String, Vec<Logged>>) {
    let sent = lock(&journal.ballots);
    let mut last_acked: HashMap<(&str, u64, &str), (usize, u64)> = HashMap::new();
    let mut sorted: Vec<_> = sent.iter().collect();
    sorted.sort_by_key(|b| b.order);
    for ballot in sorted {
        let entries = by_id.get(&ballot.ballot_id).map_or(&[][..], Vec::as_slice);
        for entry in entries {
            if entry.vote != ballot.vote
                || entry.voter != ballot.member
                || entry.choice != ballot.choice
            {
                found.problems.push(format!(
                    "ballot {} is in the log for vote {} by {} ({:?}), not as sent",
                    ballot.ballot_id, entry.vote, entry.voter, entry.choice
                ));
            }
        }
        if ballot.acked {
            found.acked += 1;
            if entries.len() != 1 {
                found.problems.push(format!(
                    "acknowledged ballot {} is in the log {} times",
                    ballot.ballot_id,
                    entries.len()
                ));
            }
            if let Some(entry) = entries.first() {
                let key = (ballot.meeting.as_str(), ballot.vote, ballot.member.as_str());
                if let Some((order, seq)) = last_acked.get(&key) {
                    if *seq > entry.seq {
                        found.problems.push(format!(
                            "ballot {} (sent {}th) is logged before ballot number {order}",
                            ballot.ballot_id, ballot.order
                        ));
                    }
                }
                last_acked.insert(key, (ballot.order, entry.seq));
            }
        } else {
            found.unacked += 1;
            found.unacked_in_log += entries.len() as u64;
            if entries.len() > 1 {
                found.problems.push(format!(
                    "unacknowledged ballot {} is in the log {} times",
                    ballot.ballot_id,
                    entries.len()
                ));
            }
        }
    }
    let known: std::collections::HashSet<&str> =
        sent.iter().map(|b| b.ballot_id.as_str()).collect();
    for id in by_id.keys().filter(|id| !known.contains(id.as_str())) {
        found
            .problems
            .push(format!("ballot {id} is in the log but no device sent it"));
    }
}

fn tally<'a>(choices: impl Iterator<Item = &'a Choice>) -> [u32; 3] {
    let mut tally = [0; 3];
    for choice in choices {
        tally[match choice {
            Choice::For => 0,
            Choice::Against => 1,
            Choice::Abstain => 2,
        }] += 1;
    }
    tally
}

/// Each vote of the published record: its tally and each seat's position, as published.
async fn published_tallies(
    http: &mut Http,
    meeting: &str,
) -> anyhow::Result<HashMap<u64, ([u32; 3], HashMap<String, String>)>> {
    let reply = http
        .get(&format!("/api/v1/meetings/{meeting}/votes"))
        .await?;
    anyhow::ensure!(
        reply.status == 200,
        "the vote record of {meeting}: {}",
        reply.status
    );
    let record = reply.json();
    let mut votes = HashMap::new();
    for vote in record["votes"].as_array().into_iter().flatten() {
        let number = |v: &serde_json::Value| v.as_u64().unwrap_or(u64::MAX) as u32;
        let t = &vote["result"]["tally"];
        let tally = [
            number(&t["for"]),
            number(&t["against"]),
            number(&t["abstain"]),
        ];
        let positions = vote["seats"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| {
                Some((
                    s["seat"].as_str()?.to_owned(),
                    s["position"].as_str()?.to_owned(),
                ))
            })
            .collect();
        votes.insert(vote["vote"].as_u64().unwrap_or(0), (tally, positions));
    }
    Ok(votes)
}
