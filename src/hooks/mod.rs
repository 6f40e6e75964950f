//! The app's own hooks: effects that more than one component needs, or that would crowd a component.

pub mod use_document_keydown;
pub mod use_fast_explain;
pub mod use_help_key;
pub mod use_page_title;
pub mod use_pasted_link;
pub mod use_typed_value;
pub mod use_undo_keys;
