//! Backfire's simulation engine: a scenario goes in, a report comes out.
//!
//! **Architecture Invariant:** this crate knows nothing of the browser, the clock, files or threads;
//! the same scenario (seed included) gives the same report bit for bit on native and on wasm32.

mod agent;
mod archetype;
mod circle;
mod dice;
pub mod ensemble;
pub mod explain;
mod health;
mod incentive;
pub mod lever;
pub mod link;
mod moderation;
mod money;
pub mod named;
mod pattern;
mod population;
pub mod presets;
pub mod report;
mod rule;
pub mod scenario;
mod sim;
pub mod sweep;
pub mod validate;
pub mod wire;
pub mod words;

pub use named::Named;
pub use report::*;
pub use scenario::*;
pub use sim::{run, Simulation};
pub use validate::{validate, RuleIssue, Severity};

/// The engine's version, shown in the app's footer so a report can be tied to the code that made it.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
