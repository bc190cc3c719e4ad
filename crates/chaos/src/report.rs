//! The report: per database, how the requests and the faults went and one line per
//! invariant with its violation count (and a few examples indented below it); last, the
//! summary line `chaos: <rounds> rounds, <n> violations`.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::faults::RoundFaults;
use crate::invariants::Finding;
use crate::observed::Tally;

/// What one database's run gives the report.
pub struct DatabaseRun {
    pub label: &'static str,
    pub rounds: Vec<RoundFaults>,
    pub tallies: BTreeMap<&'static str, Tally>,
    pub orders: usize,
    pub settled: (Duration, bool),
    /// Workshop webhook events received, and how many of them more than once.
    pub webhooks: (usize, usize),
    pub elapsed: Duration,
    pub findings: Vec<Finding>,
}

impl DatabaseRun {
    pub fn violations(&self) -> usize {
        self.findings.iter().map(|f| f.violations).sum()
    }
}

/// Prints one database's part.
pub fn database(run: &DatabaseRun) {
    let kills = run.rounds.len();
    let outages = run.rounds.iter().filter(|r| r.outage.is_some()).count();
    let (settle, at_rest) = run.settled;
    println!(
        "== {}: {} rounds in {:.0} s, {kills} servers killed, {outages} Stripe outages, \
         {} orders answered 201, settled in {:.1} s{}",
        run.label,
        run.rounds.len(),
        run.elapsed.as_secs_f64(),
        run.orders,
        settle.as_secs_f64(),
        if at_rest {
            ""
        } else {
            " (not at rest: time limit)"
        }
    );
    let requests: Vec<String> = run
        .tallies
        .iter()
        .map(|(action, t)| format!("{action} {}/{}/{}", t.ok, t.refused, t.failed))
        .collect();
    println!("requests (ok/refused/failed): {}", requests.join(", "));
    let (received, again) = run.webhooks;
    println!(
        "workshop webhooks: {received} events received, {again} of them more than once \
         (allowed: delivery is at least once)"
    );
    for finding in &run.findings {
        match &finding.skipped {
            Some(why) => println!("{}: skipped ({why})", finding.title),
            None => println!("{}: {} violations", finding.title, finding.violations),
        }
        for example in &finding.examples {
            println!("    {example}");
        }
    }
}

/// The last line.
pub fn summary(rounds: usize, violations: usize) {
    println!("chaos: {rounds} rounds, {violations} violations");
}
