//! Test support for meshctl, in the spirit of cargo's test-support crate: real servers started
//! in-process by the tests (and by the mesh generator).
#[cfg(feature = "ads")]
pub mod ads;
pub mod apiserver;
pub mod envoy;
pub mod http;
pub mod relay;
