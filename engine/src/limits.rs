//! Hard limits on the size of a scenario's lists and texts, enforced while decoding, before the work they would cause.
//!
//! Numeric settings have their bounds in the settings catalogue; these are the bounds on shape.

pub use crate::scenario::CIRCLES_MAX;

/// Longest scenario JSON read, in bytes (a file import; a link's payload is capped lower, at
/// [`crate::link::MAX_DECODED_BYTES`]). Longer text is refused before it is parsed.
pub const SCENARIO_BYTES_MAX: usize = 1024 * 1024;
/// Most clauses in one rule (a rule key keeps four bits for the clause, one value meaning "refused").
pub const CLAUSES_MAX: usize = 8;
/// Most conditions in one clause (there are eight kinds, and repeating one adds nothing).
pub const CONDITIONS_MAX: usize = 8;
/// Most assumption notes on a scenario.
pub const NOTES_MAX: usize = 40;
/// Longest note, in characters.
pub const NOTE_CHARS_MAX: usize = 1_000;
/// Longest scenario or circle name, in characters.
pub const NAME_CHARS_MAX: usize = 80;

// INVARIANT: `rule::key` packs the clause in four bits and reserves 15 for "refused".
const _: () = assert!(CLAUSES_MAX < 15);
