//! Running the slow steps with an estimate: each step says, before it starts, how long it took last time on
//! this machine (remembered in `target/xtask/timings.json`) or, the first time, how long it takes from cold on
//! 2 cores; while it runs, a line every 30 s says how far it is (cargo draws its own progress bar on a
//! terminal, so the lines are printed only when the output goes to a log).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// A step whose duration is remembered under `key`; `cold` is what it takes on a fresh 2-core machine.
pub struct Step<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub cold: Duration,
}

pub fn say(message: impl AsRef<str>) {
    eprintln!("[xtask] {}", message.as_ref());
}

/// Runs `command` (inheriting stdout and stderr), with the estimate before and the progress lines during it.
pub fn run(target_dir: &Path, step: Step<'_>, command: &mut Command) -> Result<()> {
    timed(target_dir, step, || {
        let status = command
            .status()
            .with_context(|| format!("starting {command:?}"))?;
        if !status.success() {
            bail!("{command:?} failed ({status})");
        }
        Ok(())
    })
}

/// Runs `work` as a remembered step.
pub fn timed<T>(target_dir: &Path, step: Step<'_>, work: impl FnOnce() -> Result<T>) -> Result<T> {
    let file = timings_file(target_dir);
    let mut timings = read_timings(&file);
    let estimate = match timings.get(step.key) {
        Some(secs) => format!("last time {}", minutes(Duration::from_secs_f64(*secs))),
        None => format!("about {} from cold on 2 cores", minutes(step.cold)),
    };
    say(format!("{}: {estimate}", step.label));
    let started = Instant::now();
    let (done, ticks) = mpsc::channel::<()>();
    let ticker = (!std::io::stderr().is_terminal()).then(|| {
        let label = step.label.to_owned();
        std::thread::spawn(move || {
            while let Err(mpsc::RecvTimeoutError::Timeout) =
                ticks.recv_timeout(Duration::from_secs(30))
            {
                say(format!(
                    "{label}: {} so far ({estimate})",
                    minutes(started.elapsed())
                ));
            }
        })
    });
    let result = work();
    drop(done);
    if let Some(ticker) = ticker {
        let _ = ticker.join();
    }
    let took = started.elapsed();
    if result.is_ok() {
        say(format!("{}: done in {}", step.label, minutes(took)));
        timings.insert(step.key.to_owned(), took.as_secs_f64());
        write_timings(&file, &timings);
    }
    result
}

fn timings_file(target_dir: &Path) -> PathBuf {
    target_dir.join("xtask").join("timings.json")
}

fn read_timings(file: &Path) -> BTreeMap<String, f64> {
    std::fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Best effort: a timing that cannot be written only costs the next estimate.
fn write_timings(file: &Path, timings: &BTreeMap<String, f64>) {
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(json) = serde_json::to_vec_pretty(timings) {
        let _ = std::fs::write(file, json);
    }
}

fn minutes(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 {
        format!("{secs}s")
    } else {
        format!("{}m{:02}s", secs / 60, secs % 60)
    }
}
