//! Percentiles, the result rows, the printed table and the JSON file.

use std::time::Duration;

use hdrhistogram::Histogram;
use serde::Serialize;

/// Latency percentiles in milliseconds over every viewer's receipt.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Latency {
    pub samples: u64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Latency {
    pub fn of(delays: impl IntoIterator<Item = Duration>) -> Self {
        let mut histogram =
            Histogram::<u64>::new_with_bounds(1, 600_000_000, 3).expect("valid bounds");
        for delay in delays {
            let micros = (delay.as_micros() as u64).clamp(1, 600_000_000);
            histogram.record(micros).expect("within bounds");
        }
        if histogram.is_empty() {
            return Self::default();
        }
        let ms = |q: f64| histogram.value_at_quantile(q) as f64 / 1000.0;
        Self {
            samples: histogram.len(),
            p50_ms: ms(0.50),
            p95_ms: ms(0.95),
            p99_ms: ms(0.99),
            max_ms: histogram.max() as f64 / 1000.0,
        }
    }
}

/// One line of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub scenario: String,
    /// `panelcast` or `naive`.
    pub server: String,
    pub viewers: usize,
    pub latency: Option<Latency>,
    /// Viewers that never reached the final state.
    pub missing: usize,
    /// Messages that arrived with a `seq` not above the previous one.
    pub out_of_order: u64,
    /// The scenario's own figure, e.g. "4,180 upgrades/s" or "7.2 KiB/viewer".
    pub figure: String,
    pub target: String,
    /// `None` when the scenario has no target of its own (e.g. the naive reference).
    pub pass: Option<bool>,
}

impl Row {
    pub fn new(scenario: &str, server: &str, viewers: usize) -> Self {
        Self {
            scenario: scenario.to_owned(),
            server: server.to_owned(),
            viewers,
            latency: None,
            missing: 0,
            out_of_order: 0,
            figure: String::new(),
            target: String::new(),
            pass: None,
        }
    }
}

fn ms(value: Option<f64>) -> String {
    value
        .map(|v| format!("{v:.1}"))
        .unwrap_or_else(|| "-".into())
}

/// The table, as Markdown (it reads in a terminal and pastes into BENCH.md).
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| scenario | server | viewers | p50 ms | p95 ms | p99 ms | max ms | missing | out of order | figure | target | pass |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n",
    );
    for row in rows {
        let l = row.latency;
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            row.scenario,
            row.server,
            row.viewers,
            ms(l.map(|l| l.p50_ms)),
            ms(l.map(|l| l.p95_ms)),
            ms(l.map(|l| l.p99_ms)),
            ms(l.map(|l| l.max_ms)),
            row.missing,
            row.out_of_order,
            row.figure,
            row.target,
            match row.pass {
                Some(true) => "yes",
                Some(false) => "NO",
                None => "",
            }
        ));
    }
    out
}

/// Everything the run measured, for `--json`.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub machine: Machine,
    pub started_unix: u64,
    pub seconds: f64,
    pub rows: &'a [Row],
}

#[derive(Debug, Serialize)]
pub struct Machine {
    pub cores: usize,
    pub fd_limit: u64,
    pub note: &'static str,
}

impl Machine {
    pub fn here(fd_limit: u64) -> Self {
        Self {
            cores: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            fd_limit,
            note: "load tool on the same machine as the servers, loopback only",
        }
    }
}
