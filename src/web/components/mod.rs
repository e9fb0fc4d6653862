//! The page's views. Each takes what it reads (a `…Props` struct of borrowed fields, or yew
//! `Properties` for the few stateful function components) and `Callback`s for what it asks
//! for; none of them knows the app (`super::app`) — the app wires them.

pub mod card;
pub mod chart;
pub mod compare;
pub mod drawer;
pub mod figures;
pub mod header;
pub mod messages;
pub mod metrics;
pub mod results;
pub mod review;
pub mod sidebar;
pub mod source;
pub mod summary;
pub mod text_pane;

use crate::model::Span;

/// A request to show spans of the source, optionally selecting a fact (its index in the open
/// report's metrics).
pub type Jump = (Vec<Span>, Option<usize>);
