//! The page/worker protocol: requests, pool jobs and the tagged replies that cross the worker boundary.
//!
//! Messages travel as JSON strings: gloo-worker's own codec cannot report a decode failure (it panics),
//! so the payload is a `String` that always arrives, and [`Request::decode`] / [`Response::decode`]
//! turn a bad one into an error the receiver answers or shows. Replies are tagged, never sentinels: a
//! run reply names its run, a job reply names its job and carries `Ok` or `Err` with a message.

use backfire_engine::sweep::{cell_summary, CellSummary};
use backfire_engine::{run, validate, Report, Scenario, Severity};
use serde::{Deserialize, Serialize};

/// A request from the page.
#[derive(Serialize, Deserialize, Debug)]
pub enum Request {
    /// Start a run, replacing any run in progress.
    Run {
        /// Chosen by the page; replies carry it so stale ones can be ignored.
        run_id: u32,
        /// The scenario to run.
        scenario: Box<Scenario>,
        /// User visits in the first chunk between yields; the worker then sizes chunks by how long the
        /// last one took (smaller = more responsive, more overhead).
        chunk_visits: u64,
        /// Send a partial report every this many chunks (0 = only at the end).
        report_every: u32,
    },
    /// Stop the run with this id; the worker answers [`RunReply::Cancelled`] once it has stopped.
    Cancel {
        /// The run to stop.
        run_id: u32,
    },
    /// One unit of analysis work (a sweep cell, a comparison seed, an explanation), run to the end.
    Job {
        /// Chosen by the page's pool; the reply carries it.
        job_id: u32,
        /// What to compute.
        job: Job,
    },
}

impl Request {
    /// Reads a request from its JSON text, or says why it cannot be read.
    pub fn decode(text: &str) -> Result<Request, String> {
        serde_json::from_str(text).map_err(|e| format!("malformed request: {e}"))
    }
}

/// Analysis work a pool worker does in one go.
#[derive(Serialize, Deserialize, Debug)]
pub enum Job {
    /// Run a scenario and return its whole report (comparison runs, one seed each).
    Report(Box<Scenario>),
    /// Run a scenario and return the small summary a sweep cell needs.
    Summary(Box<Scenario>),
    /// Run one run of an explanation made in pieces (the baseline or a lever, on one seed, already sized) and
    /// return its whole report. Unlike [`Job::Report`] it is not refused for rule errors: `explain_with` runs
    /// its levers as they are, and the pieces must add up to what it gives.
    Counterfactual(Box<Scenario>),
}

/// What a job produced.
#[derive(Serialize, Deserialize, Debug)]
pub enum JobResult {
    /// A whole report.
    Report(Box<Report>),
    /// A sweep cell's summary.
    Summary(Box<CellSummary>),
}

/// Why a scenario is refused, as one sentence ("the rules have errors: days: …"), or `None` when the engine
/// accepts it: a comparison run, an explanation and a search all refuse rules with errors in these words.
pub fn refusal(scenario: &Scenario) -> Option<String> {
    let errors: Vec<String> = validate(scenario)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| format!("{}: {}", i.path, i.message))
        .collect();
    (!errors.is_empty()).then(|| format!("the rules have errors: {}", errors.join("; ")))
}

impl Job {
    /// Does the work (synchronously: a job is one run).
    ///
    /// A comparison run of a scenario with rule errors is refused (an explanation is refused before its runs
    /// are sent, see `explaining::submit`), as the page's own
    /// Run refuses it: its numbers would belong to clamped rules, not the ones on screen. Sweep cells
    /// are the engine's grid over rules the sweep panel already checked, and run as the engine gives them.
    pub fn perform(self) -> Result<JobResult, String> {
        match self {
            Job::Report(s) => match refusal(&s) {
                Some(why) => Err(why),
                None => Ok(JobResult::Report(Box::new(run(&s)))),
            },
            Job::Summary(s) => Ok(JobResult::Summary(Box::new(cell_summary(&run(&s))))),
            Job::Counterfactual(s) => Ok(JobResult::Report(Box::new(run(&s)))),
        }
    }
}

/// A reply about a run (the main worker's stream).
#[derive(Serialize, Deserialize, Debug)]
pub enum RunReply {
    /// The run reached `hour` of `total_hours`; `report` is a partial report when one was due.
    Progress {
        /// The run this is about.
        run_id: u32,
        /// Simulated hours done.
        hour: u32,
        /// Simulated hours in all.
        total_hours: u32,
        /// A partial report, sent every `report_every` chunks.
        report: Option<Box<Report>>,
    },
    /// The run finished.
    Done {
        /// The run this is about.
        run_id: u32,
        /// The final report.
        report: Box<Report>,
    },
    /// The worker stopped the run (or it had already ended): nothing more comes about it.
    Cancelled {
        /// The run stopped.
        run_id: u32,
    },
    /// The run could not start.
    Failed {
        /// The run this is about.
        run_id: u32,
        /// What went wrong, for the page to show.
        message: String,
    },
}

/// The answer to one pool job: its result, or why it failed.
#[derive(Serialize, Deserialize, Debug)]
pub struct JobReply {
    /// The job this answers.
    pub job_id: u32,
    /// What the job produced, or a message saying why it could not.
    pub result: Result<JobResult, String>,
}

/// A reply to the page.
#[derive(Serialize, Deserialize, Debug)]
pub enum Response {
    /// About a run.
    Run(RunReply),
    /// About a pool job.
    Job(JobReply),
    /// The worker could not read the page's message, so it cannot say which run or job it was; the
    /// page knows what it last sent that worker and fails that.
    Malformed {
        /// Why the message could not be read.
        message: String,
    },
}

impl Response {
    /// Reads a reply from its JSON text; an unreadable one becomes `Malformed`, so the page still answers it.
    pub fn decode(text: &str) -> Response {
        serde_json::from_str(text).unwrap_or_else(|e| Response::Malformed {
            message: format!("unreadable reply from the worker: {e}"),
        })
    }
}

/// Encodes a protocol message as the JSON string that crosses the boundary.
pub fn encode<T: Serialize>(msg: &T) -> String {
    serde_json::to_string(msg).unwrap_or_else(|e| {
        serde_json::to_string(&Response::Malformed {
            message: format!("encode: {e}"),
        })
        .unwrap_or_else(|_| r#"{"Malformed":{"message":"encode failed"}}"#.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reply_round_trips_with_its_failure() {
        let reply = Response::Job(JobReply {
            job_id: 7,
            result: Err("the rules have errors: days: a run lasts 1 to 90 days, not 0".into()),
        });
        let back = Response::decode(&encode(&reply));
        assert!(
            matches!(&back, Response::Job(JobReply { job_id: 7, result: Err(m) }) if m.contains("days")),
            "{back:?}"
        );
    }

    #[test]
    fn garbage_decodes_to_an_error_not_a_panic() {
        assert!(Request::decode("{not json").is_err());
        assert!(Request::decode(r#"{"Job":{"job_id":1}}"#).is_err());
        assert!(matches!(Response::decode("\"Nope\""), Response::Malformed { .. }));
    }

    #[test]
    fn a_comparison_run_of_broken_rules_is_refused_with_the_reason() {
        let broken = Scenario {
            days: 0,
            ..Scenario::default()
        };
        let result = Job::Report(Box::new(broken)).perform();
        assert!(
            matches!(&result, Err(m) if m.starts_with("the rules have errors: days:")),
            "{result:?}"
        );
    }
}
