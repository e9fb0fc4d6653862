//! The text layer: normalising, blanking page clutter, segmenting, the sections' layout and
//! offsets between the normalised text and the original. Imports only `model`, `data` and `re`.

pub mod clutter;
pub mod layout;
pub mod lines;
pub mod markdown;
pub mod normalise;
pub mod offsets;
pub mod segment;
pub mod spaced;
pub mod swar;
pub mod unwrap;

pub use offsets::chars_slice;
