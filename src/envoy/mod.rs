//! Typed, borrowed views of Envoy's admin output.
pub mod dump;
pub mod names;
pub mod resources;
