//! meshgen's integration tests, built into one test binary.

mod real_envoy;
