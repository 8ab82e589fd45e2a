//! Test support for meshctl, in the spirit of cargo's test-support crate: real servers started
//! in-process by the tests.
pub mod apiserver;
pub mod envoy;
pub mod relay;
