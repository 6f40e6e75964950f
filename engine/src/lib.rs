//! Backfire's simulation engine: a scenario goes in, a report comes out.

/// The engine's version, shown in the app's footer so a report can be tied to the code that made it.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
