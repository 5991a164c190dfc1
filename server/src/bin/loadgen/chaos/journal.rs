//! What the chaos harness's clients did and were told, kept for the checks afterwards: every ballot sent
//! (its id, member, vote and choice, and whether the server ever acknowledged it), the forced disconnects,
//! the kills, and anything the server refused that it should not have.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use app::meeting::Choice;

/// One ballot as its member's device sent it, under one ballot id (however many times it was retried).
#[derive(Debug, Clone)]
pub struct SentBallot {
    pub meeting: String,
    pub vote: u64,
    pub member: String,
    pub ballot_id: String,
    pub choice: Choice,
    /// The server answered 200 to one of the attempts (a receipt, new or the retry's "already recorded").
    pub acked: bool,
    /// Its place in the member's sequence of ballots for this vote (0, 1, …).
    pub order: usize,
}

/// A server `SIGKILL`ed while a writer stood between an append and its reply.
#[derive(Debug, Clone)]
pub struct Kill {
    /// The meeting and seq named by the stalled writer: the append that was committed and never answered.
    pub meeting: String,
    pub seq: u64,
    pub killed_at: Instant,
    /// When the restarted server first answered `/healthz`.
    pub ready_at: Option<Instant>,
}

/// Shared by every task of a run.
#[derive(Default)]
pub struct Journal {
    pub ballots: Mutex<Vec<SentBallot>>,
    pub polls: Mutex<Vec<(String, u64)>>,
    pub kills: Mutex<Vec<Kill>>,
    /// Refusals and failures a correct server never gives here (each one fails the run).
    pub problems: Mutex<Vec<String>>,
    pub disconnects: AtomicU64,
    /// Attempts that failed because the server was down or was killed under them (not counted as forced).
    pub failed_attempts: AtomicU64,
    pub polls_started: AtomicU64,
    pub polls_done: AtomicU64,
    pub kill_count: AtomicU64,
}

impl Journal {
    pub fn ballot(&self, ballot: SentBallot) {
        lock(&self.ballots).push(ballot);
    }

    pub fn problem(&self, problem: String) {
        eprintln!("chaos: {problem}");
        lock(&self.problems).push(problem);
    }

    pub fn count(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::SeqCst)
    }
}

pub fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
