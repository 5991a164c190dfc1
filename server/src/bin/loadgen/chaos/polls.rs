//! The simulated polls: for each, the chair opens a vote, every member casts a few ballots from their own
//! device (each under its own ballot id, changing their mind as a member may), and the chair closes it.
//!
//! A ballot's request is cut off mid-flight a given number of times first (the request half written, or
//! written whole and the connection dropped before, or soon after, the reply: with a FIN or a reset), and then
//! sent again under the **same ballot id** until the server answers; now and then a member gives up on a
//! cut-off ballot and votes again under a new id (an unacknowledged ballot that may or may not be in the log).
//! While the server is down (killed), every attempt fails and is retried. The chair's commands have no
//! idempotency key, so after a failed attempt the chair reads the meeting to see whether it landed.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use app::meeting::Choice;
use serde_json::json;
use tokio::io::AsyncWriteExt;

use super::journal::{lock, Journal, SentBallot};
use crate::http::Http;
use crate::net::{self, Sources};

/// How many polls, disconnects and kills the run wants, and how ballots behave.
#[derive(Debug, Clone)]
pub struct Plan {
    pub polls: u64,
    pub disconnects: u64,
    pub kills: u64,
    pub ballots_per_member: usize,
    /// Chance that a member gives up on a ballot after a forced disconnect and votes again under a new id.
    pub abandon: f64,
}

impl Plan {
    /// Whether another poll should start: until the polls are done and the kills have happened.
    fn claim(&self, journal: &Journal) -> Option<u64> {
        let index = journal.polls_started.fetch_add(1, Ordering::SeqCst);
        let more = index < self.polls || journal.kill_count.load(Ordering::SeqCst) < self.kills;
        more.then_some(index)
    }

    /// Forced disconnects in poll `index`: the total spread evenly over the polls.
    fn disconnects_in(&self, index: u64) -> u64 {
        let share = |i: u64| i * self.disconnects / self.polls.max(1);
        share(index + 1) - share(index)
    }
}

/// One meeting's poller: the chair's session and the members' cookies.
pub struct Poller {
    pub addr: SocketAddr,
    pub meeting: String,
    pub chair: Http,
    pub members: Vec<(String, String)>,
    pub sources: Arc<Sources>,
    pub votes_opened: u64,
    pub rng: fastrand::Rng,
}

impl Poller {
    /// Runs polls one after another until the plan is done.
    pub async fn run(mut self, plan: Arc<Plan>, journal: Arc<Journal>) {
        while let Some(index) = plan.claim(&journal) {
            let vote = self.open_vote(&journal).await;
            lock(&journal.polls).push((self.meeting.clone(), vote));
            let mut counts = vec![0u32; self.members.len() * plan.ballots_per_member];
            for _ in 0..plan.disconnects_in(index) {
                let at = self.rng.usize(..counts.len());
                counts[at] += 1;
            }
            let ballots = self
                .members
                .iter()
                .enumerate()
                .map(|(m, (member, cookie))| {
                    let device = Device {
                        addr: self.addr,
                        meeting: self.meeting.clone(),
                        vote,
                        member: member.clone(),
                        cookie: cookie.clone(),
                        sources: self.sources.clone(),
                        rng: fastrand::Rng::with_seed(self.rng.u64(..)),
                    };
                    let cuts =
                        counts[m * plan.ballots_per_member..][..plan.ballots_per_member].to_vec();
                    device.vote(cuts, plan.abandon, journal.clone())
                });
            futures_util::future::join_all(ballots).await;
            self.close_vote(vote, &journal).await;
            journal.polls_done.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// Opens a general resolution and returns its number; after a failed attempt, the meeting's vote count
    /// says whether it was opened (only this poller opens votes in its meeting).
    async fn open_vote(&mut self, journal: &Journal) -> u64 {
        let want = self.votes_opened + 1;
        let open = json!({"type": "OpenVote", "kind": "general_resolution", "motion": "That the Panel notes the report (chaos)"});
        let path = format!("/api/v1/meetings/{}/commands", self.meeting);
        loop {
            match tokio::time::timeout(ATTEMPT, self.chair.post_json(&path, &open)).await {
                Ok(Ok(reply)) if reply.status == 200 => break,
                Ok(Ok(reply)) if reply.status == 503 || reply.status == 429 => {}
                Ok(Ok(reply)) => journal.problem(format!(
                    "opening a vote in {}: {} {}",
                    self.meeting,
                    reply.status,
                    String::from_utf8_lossy(&reply.body)
                )),
                _ => {
                    journal.failed_attempts.fetch_add(1, Ordering::SeqCst);
                    if self.votes_in_view().await >= want {
                        break;
                    }
                }
            }
            tokio::time::sleep(PAUSE).await;
        }
        self.votes_opened = want;
        want
    }

    /// Closes the vote (with the chair's casting vote when tied); a vote found closed after a failed attempt
    /// was closed by it.
    async fn close_vote(&mut self, vote: u64, journal: &Journal) {
        let path = format!("/api/v1/meetings/{}/commands", self.meeting);
        let mut close = json!({"type": "CloseVote", "vote": vote});
        let mut failed = false;
        loop {
            match tokio::time::timeout(ATTEMPT, self.chair.post_json(&path, &close)).await {
                Ok(Ok(reply)) if reply.status == 200 => return,
                Ok(Ok(reply)) if reply.status == 503 || reply.status == 429 => {}
                Ok(Ok(reply)) => {
                    let body = String::from_utf8_lossy(&reply.body).into_owned();
                    if body.contains("casting vote") && close.get("casting_vote").is_none() {
                        close["casting_vote"] = json!("for");
                        continue;
                    }
                    if failed && body.contains("closed") {
                        return;
                    }
                    journal.problem(format!(
                        "closing vote {vote} in {}: {} {body}",
                        self.meeting, reply.status
                    ));
                    return;
                }
                _ => {
                    failed = true;
                    journal.failed_attempts.fetch_add(1, Ordering::SeqCst);
                }
            }
            tokio::time::sleep(PAUSE).await;
        }
    }

    async fn votes_in_view(&mut self) -> u64 {
        loop {
            let path = format!("/api/v1/meetings/{}", self.meeting);
            if let Ok(Ok(reply)) = tokio::time::timeout(ATTEMPT, self.chair.get(&path)).await {
                if reply.status == 200 {
                    let view = reply.json();
                    return view["view"]["votes"].as_array().map_or(0, Vec::len) as u64;
                }
            }
            tokio::time::sleep(PAUSE).await;
        }
    }
}

/// A bound on one attempt: a stalled writer answers only when it is killed.
const ATTEMPT: Duration = Duration::from_secs(60);
/// Between attempts while the server is down.
const PAUSE: Duration = Duration::from_millis(25);

/// One member's device in one vote.
struct Device {
    addr: SocketAddr,
    meeting: String,
    vote: u64,
    member: String,
    cookie: String,
    sources: Arc<Sources>,
    rng: fastrand::Rng,
}

impl Device {
    /// Casts one ballot per entry of `cuts`, each cut off that many times before it is sent through.
    async fn vote(mut self, cuts: Vec<u32>, abandon: f64, journal: Arc<Journal>) {
        let path = format!("/api/v1/meetings/{}/commands", self.meeting);
        let mut http = Http::new(self.addr, Some(self.cookie.clone()));
        let mut order = 0;
        for cut in cuts {
            let mut pending = Some(cut);
            while let Some(cut) = pending.take() {
                let choice = [Choice::For, Choice::Against, Choice::Abstain][self.rng.usize(..3)];
                let ballot_id =
                    format!("cx-{}-{}-{}-{order}", self.meeting, self.vote, self.member);
                let body = json!({"type": "CastBallot", "vote": self.vote, "choice": choice, "ballot_id": ballot_id});
                let mut ballot = SentBallot {
                    meeting: self.meeting.clone(),
                    vote: self.vote,
                    member: self.member.clone(),
                    ballot_id,
                    choice,
                    acked: false,
                    order,
                };
                order += 1;
                let mut gave_up = false;
                for done in 1..=cut {
                    self.cut_off(&path, &body).await;
                    journal.disconnects.fetch_add(1, Ordering::SeqCst);
                    if self.rng.f64() < abandon {
                        // The member votes again under a new id; this ballot's remaining cuts go with it.
                        pending = Some(cut - done);
                        gave_up = true;
                        break;
                    }
                }
                if !gave_up {
                    ballot.acked = self.send_through(&mut http, &path, &body, &journal).await;
                }
                journal.ballot(ballot);
            }
        }
    }

    /// Sends the ballot and drops the connection mid-flight, in one of four ways.
    async fn cut_off(&mut self, path: &str, body: &serde_json::Value) {
        let body = body.to_string();
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            self.cookie,
            body.len()
        );
        let Ok(mut stream) = net::tcp(self.addr, &self.sources).await else {
            return; // the server is down: the cut happened before it began
        };
        let bytes = request.as_bytes();
        match self.rng.u8(..4) {
            0 => {
                let _ = stream
                    .write_all(&bytes[..self.rng.usize(1..bytes.len())])
                    .await;
            }
            1 => {
                let _ = stream.write_all(bytes).await;
            }
            2 => {
                let _ = stream.write_all(bytes).await;
                tokio::time::sleep(Duration::from_micros(self.rng.u64(0..3000))).await;
            }
            _ => {
                let _ = stream.write_all(bytes).await;
                tokio::time::sleep(Duration::from_micros(self.rng.u64(0..3000))).await;
                // A reset rather than an orderly close.
                let _ = stream.set_zero_linger();
            }
        }
        drop(stream);
    }

    /// Sends the ballot until the server answers it; true if it was acknowledged (200).
    async fn send_through(
        &mut self,
        http: &mut Http,
        path: &str,
        body: &serde_json::Value,
        journal: &Journal,
    ) -> bool {
        loop {
            match tokio::time::timeout(ATTEMPT, http.post_json(path, body)).await {
                Ok(Ok(reply)) if reply.status == 200 => return true,
                Ok(Ok(reply)) if reply.status == 503 || reply.status == 429 => {}
                Ok(Ok(reply)) => {
                    journal.problem(format!(
                        "ballot {body} refused: {} {}",
                        reply.status,
                        String::from_utf8_lossy(&reply.body)
                    ));
                    return false;
                }
                _ => {
                    journal.failed_attempts.fetch_add(1, Ordering::SeqCst);
                    *http = Http::new(self.addr, Some(self.cookie.clone()));
                }
            }
            tokio::time::sleep(PAUSE).await;
        }
    }
}
