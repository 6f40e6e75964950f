//! Backfire's browser app: a Yew shell around the engine, plus the Web Worker that runs simulations.
//!
//! **Architecture Invariant:** everything that decides an outcome lives in `backfire-engine`; this crate
//! only edits scenarios, moves them to the worker and back, and draws reports.

pub mod app;
pub mod comparison;
pub mod components;
pub mod explaining;
pub mod export;
pub mod glossary;
pub mod hooks;
pub mod library;
pub mod locale;
pub mod pool;
pub mod problem;
pub mod protocol;
pub mod runner;
pub mod search_session;
pub mod searching;
pub mod share;
pub mod sim_worker;
pub mod state;
pub mod view_link;
pub mod view_model;
