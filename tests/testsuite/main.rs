//! meshctl's integration tests, one module per area, built into one test binary: one link of
//! the meshctl library instead of one per file, and one process in which the live-mode tests
//! share their Envoy (`support::web_frontend_envoy`).

mod support;

mod admin_port;
mod admin_url;
mod bad_input;
mod bad_input_fuzz;
mod cli_offline;
mod completions;
mod diff;
mod edge_tables;
mod fixtures_regenerate;
mod fleet;
mod go_sort;
mod help_examples;
mod kubectl_plugin;
mod kubectl_targets;
mod live_commands;
mod live_counters;
mod live_errors;
mod live_fetch;
mod live_pushdown;
mod man_page;
mod other_meshes;
mod packages;
mod trace;
mod trace_envoy;
mod views_json;
mod views_tables;
mod waypoint;
mod yaml_input;
