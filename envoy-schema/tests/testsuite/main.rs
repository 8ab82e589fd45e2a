//! envoy-schema's integration tests, one module per area, built into one test binary.

mod support;

mod fixtures;
mod oracle;
mod real_envoy;
mod rules;
mod yaml;
