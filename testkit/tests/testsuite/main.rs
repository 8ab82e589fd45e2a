//! testkit's integration tests, one module per server, built into one test binary.

mod apiserver_http;
mod apiserver_portforward;
mod envoy_launcher;
mod kubectl_fidelity;
