//! The command line as clap sees it. Nothing here is validated beyond what clap does:
//! `config.rs` turns these raw flags into a checked configuration before any work starts.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand};

use crate::format::Format;

#[derive(Debug, Parser)]
#[command(
    name = "meshctl",
    version,
    about = "Show what an Envoy sidecar in a service mesh is really configured to do",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags accepted before or after the subcommand and its target, as kubectl and istioctl accept them.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Namespace of the target (default: the kubeconfig context's namespace, then `default`).
    #[arg(short = 'n', long, global = true, value_name = "NAMESPACE")]
    pub namespace: Option<String>,
    /// Kubeconfig context to use.
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,
    /// Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).
    #[arg(long, global = true, value_name = "PATH")]
    pub kubeconfig: Option<PathBuf>,
    /// Output format. Default: short (bootstrap: json).
    #[arg(short = 'o', long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<Format>,
    /// Envoy admin port inside the pod.
    #[arg(long, global = true, default_value_t = 15000, value_name = "PORT",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub proxy_admin_port: u16,
    /// Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m`.
    #[arg(long, global = true, default_value = "15s", value_name = "DURATION")]
    pub request_timeout: String,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Inspect the Envoy configuration of a pod or a saved dump.
    #[command(name = "proxy-config", visible_alias = "pc")]
    ProxyConfig {
        #[command(subcommand)]
        view: View,
    },
    /// Print a shell completion script.
    Completion {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// What every resource view takes: one target, or a file.
#[derive(Debug, Args, Clone, Default)]
pub struct TargetOrFile {
    /// `[<type>/]<name>[.<namespace>]`: a pod, or deploy/, sts/, ds/, rs/, job/, svc/, gtw/ NAME.
    #[arg(value_name = "TARGET")]
    pub target: Option<String>,
    /// Read a saved dump instead of a pod (`-` for standard input).
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ClusterFilterArgs {
    /// Cluster names containing this FQDN.
    #[arg(long)]
    pub fqdn: Option<String>,
    /// Cluster names containing this direction (inbound, outbound).
    #[arg(long)]
    pub direction: Option<String>,
    /// Cluster names containing this subset.
    #[arg(long)]
    pub subset: Option<String>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct VerboseArg {
    /// One row per filter chain or route (`--verbose=false`: one per listener or route config).
    #[arg(long, default_value_t = true, action = ArgAction::Set, num_args = 0..=1,
          default_missing_value = "true", value_name = "BOOL")]
    pub verbose: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct EndpointFilterArgs {
    /// Endpoint address (an IP, or ip:port).
    #[arg(long)]
    pub address: Option<String>,
    /// Endpoint port.
    #[arg(long)]
    pub port: Option<u32>,
    /// Cluster name (exact, case-insensitive).
    #[arg(long)]
    pub cluster: Option<String>,
    /// Health status, e.g. HEALTHY, UNHEALTHY.
    #[arg(long)]
    pub status: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum View {
    /// Everything: bootstrap summary, clusters, listeners, routes, secrets, endpoints.
    #[command(visible_alias = "a")]
    All {
        #[command(flatten)]
        source: TargetOrFile,
        #[command(flatten)]
        clusters: ClusterFilterArgs,
        /// Port (clusters, listeners, endpoints).
        #[arg(long)]
        port: Option<u32>,
        /// Address (listeners, endpoints).
        #[arg(long)]
        address: Option<String>,
        /// Listener type (HTTP, TCP, HTTP+TCP).
        #[arg(long = "type")]
        listener_type: Option<String>,
        /// Route config name.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        verbose: VerboseArg,
        /// Put a `------ X INFO ------` heading before each block.
        #[arg(long)]
        with_headers: bool,
    },
    /// The bootstrap configuration.
    #[command(visible_alias = "b")]
    Bootstrap {
        #[command(flatten)]
        source: TargetOrFile,
    },
    /// Clusters.
    #[command(visible_aliases = ["clusters", "c"])]
    Cluster {
        #[command(flatten)]
        source: TargetOrFile,
        #[command(flatten)]
        filter: ClusterFilterArgs,
        /// Cluster names containing `|PORT|`.
        #[arg(long)]
        port: Option<u32>,
    },
    /// Listeners, one row per filter chain.
    #[command(visible_aliases = ["listeners", "l"])]
    Listener {
        #[command(flatten)]
        source: TargetOrFile,
        /// Listener address.
        #[arg(long)]
        address: Option<String>,
        /// Listener port.
        #[arg(long)]
        port: Option<u32>,
        /// Listener type (HTTP, TCP, HTTP+TCP).
        #[arg(long = "type")]
        listener_type: Option<String>,
        #[command(flatten)]
        verbose: VerboseArg,
        // Hidden, as in istioctl. `--waypoint` alone is true; a value needs `=`, so the next
        // word is never taken for it.
        /// An ambient waypoint's view: per filter chain, the matcher paths that select it.
        #[arg(long, hide = true, default_value_t = false, action = ArgAction::Set,
              num_args = 0..=1, require_equals = true, default_missing_value = "true",
              value_name = "BOOL", value_parser = parse_go_bool)]
        waypoint: bool,
    },
    /// Route configurations, one row per route.
    #[command(visible_aliases = ["routes", "r"])]
    Route {
        #[command(flatten)]
        source: TargetOrFile,
        /// Route config name (exact).
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        verbose: VerboseArg,
    },
    /// Endpoints with health, from Envoy's /clusters (or a dump's EDS data).
    #[command(visible_aliases = ["endpoints", "ep"])]
    Endpoint {
        #[command(flatten)]
        source: TargetOrFile,
        #[command(flatten)]
        filter: EndpointFilterArgs,
    },
    /// Endpoints from the dump's EDS section, with locality.
    Eds {
        #[command(flatten)]
        source: TargetOrFile,
        #[command(flatten)]
        filter: EndpointFilterArgs,
    },
    /// SDS secrets and their certificates.
    #[command(visible_aliases = ["secrets", "s"])]
    Secret {
        #[command(flatten)]
        source: TargetOrFile,
    },
    /// Extension configs delivered over ECDS.
    #[command(visible_alias = "ec")]
    Ecds {
        #[command(flatten)]
        source: TargetOrFile,
    },
    /// Where a request goes in this Envoy, and why: listener, filter chain, route, cluster.
    Trace {
        /// `TARGET URL` live, or `URL` with `-f FILE`. URL: `http://host[:port]/path?query`,
        /// `https://...`, `tcp://host:port` or `grpc://host:port/pkg.Service/Method`.
        #[arg(value_name = "TARGET_OR_URL", num_args = 1..=2, required = true)]
        args: Vec<String>,
        /// Read a saved dump instead of a pod (`-` for standard input).
        #[arg(short = 'f', long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// The connection's original destination, IP:PORT (default: the URL's host when it is
        /// an IP).
        #[arg(long, value_name = "IP:PORT")]
        to: Option<String>,
        /// The request method (default GET; gRPC: POST).
        #[arg(short = 'X', long, value_name = "METHOD")]
        method: Option<String>,
        /// A request header, `Name: value` (repeatable).
        #[arg(short = 'H', long = "header", value_name = "HEADER")]
        headers: Vec<String>,
        /// The source address, IP[:PORT], for source matches.
        #[arg(long, value_name = "IP[:PORT]")]
        from: Option<String>,
        /// Traffic arriving at this proxy from a peer: the inbound listener and its chains.
        #[arg(long)]
        inbound: bool,
        /// Istio mutual TLS from a peer sidecar: a TLS connection offering Istio's ALPN
        /// (`istio-http/1.1`, `istio-h2` for gRPC, `istio-peer-exchange,istio` for TCP).
        #[arg(long)]
        mtls: bool,
        /// ALPN the client offers on TLS (https://), comma separated.
        #[arg(long, value_name = "PROTOCOLS", default_value = "h2,http/1.1")]
        alpn: String,
        /// For every candidate passed over, say why it did not match.
        #[arg(short = 'v', long)]
        explain: bool,
    },
    /// Show or change Envoy's log levels (the only command that changes anything).
    #[command(visible_alias = "o")]
    Log {
        /// The pod, `[<type>/]<name>[.<namespace>]`.
        #[arg(value_name = "TARGET")]
        target: Option<String>,
        /// `level` or `logger:level` items, comma separated.
        #[arg(long)]
        level: Option<String>,
        /// Reset every logger to the default level.
        #[arg(short = 'r', long)]
        reset: bool,
        /// Label selector choosing many pods in the namespace.
        #[arg(short = 'l', long)]
        selector: Option<String>,
    },
    /// Compare the root CA trust bundles of two pods.
    #[command(name = "rootca-compare", visible_alias = "rc")]
    RootcaCompare {
        #[arg(value_name = "POD1")]
        first: String,
        #[arg(value_name = "POD2")]
        second: String,
    },
}

/// A boolean flag's value as Go's `strconv.ParseBool` reads it, which istioctl's flags use.
fn parse_go_bool(value: &str) -> Result<bool, String> {
    match value {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Ok(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Ok(false),
        _ => Err(format!(
            "strconv.ParseBool: parsing {value:?}: invalid syntax"
        )),
    }
}
