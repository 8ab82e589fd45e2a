//! Typed, borrowed views of Envoy's admin output.
pub mod cluster_statuses;
pub mod dump;
pub mod names;
pub mod reader;
pub mod resources;
pub mod stats;
pub mod trace;
