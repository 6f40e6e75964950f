//! Backfire's simulation engine: a scenario goes in, a report comes out.
//!
//! **Architecture Invariant:** this crate knows nothing of the browser, the clock, files or threads;
//! the same scenario (seed included) gives the same report bit for bit on native and on wasm32.

mod agent;
mod archetype;
pub mod assumptions;
mod calendar;
mod circle;
pub mod cost;
mod dice;
pub mod ensemble;
mod exclusion;
pub mod exemplar;
pub mod explain;
mod health;
mod incentive;
pub mod issue;
pub mod lang;
pub mod lever;
pub mod limits;
pub mod link;
mod moderation;
mod money;
pub mod named;
mod pattern;
mod people;
mod population;
pub mod presets;
pub mod report;
mod rule;
mod rules;
pub mod scenario;
pub mod search;
pub mod settings;
mod sim;
pub mod sweep;
mod tallies;
pub mod timeline;
pub mod validate;
pub mod wire;
pub mod words;
mod world;

pub use named::Named;
pub use report::*;
pub use scenario::*;
pub use sim::{run, Simulation};
pub use validate::{validate, RuleIssue, Severity};
