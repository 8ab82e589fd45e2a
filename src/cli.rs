//! The command line as clap sees it. Nothing here is validated beyond what clap does:
//! `config.rs` turns these raw flags into a checked configuration before any work starts.
//!
//! Flags read their values as istioctl's flag library does (`goparse`): booleans take a value
//! only after `=`, so `--verbose false` leaves `false` as an argument; flags with a value take the
//! next word even when it starts with `-` (`--port -1`); a repeated flag's last value wins.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand};

use crate::goparse::{self, ValueError};

/// `--flag` is true; `--flag=V` takes Go's spellings of a boolean.
pub fn go_bool(text: &str) -> Result<bool, ValueError> {
    goparse::parse_bool(text)
}

/// A signed integer in Go's literal syntax.
pub fn go_int(text: &str) -> Result<i64, ValueError> {
    goparse::parse_int(text)
}

/// `--kubeclient-timeout`: a Go duration; zero is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoTimeout(pub Option<std::time::Duration>);

pub fn go_timeout(text: &str) -> Result<GoTimeout, ValueError> {
    goparse::parse_timeout(text).map(GoTimeout)
}

/// A path as given, the empty one included (`--file=` is no file, as in istioctl).
fn any_path(text: &str) -> Result<PathBuf, ValueError> {
    Ok(PathBuf::from(text))
}

#[derive(Debug, Parser)]
#[command(
    name = "meshctl",
    version,
    about = "Show what an Envoy sidecar in a service mesh is really configured to do",
    propagate_version = true,
    args_override_self = true
)]
#[command(after_help = examples::MESHCTL)]
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
    #[arg(
        short = 'n',
        long,
        global = true,
        value_name = "NAMESPACE",
        allow_hyphen_values = true
    )]
    pub namespace: Option<String>,
    /// Kubeconfig context to use.
    #[arg(long, global = true, value_name = "NAME", allow_hyphen_values = true)]
    pub context: Option<String>,
    /// Path to a kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).
    #[arg(long, global = true, value_name = "PATH", allow_hyphen_values = true)]
    pub kubeconfig: Option<PathBuf>,
    /// Output format: short, json, yaml, wide or raw. Default: short (bootstrap: json).
    #[arg(
        short = 'o',
        long,
        global = true,
        value_name = "FORMAT",
        allow_hyphen_values = true
    )]
    pub output: Option<String>,
    /// A saved `/stats` (text or `format=json`) for `-o wide`'s counters of clusters and
    /// listeners, instead of asking the proxy.
    #[arg(long, global = true, value_name = "FILE", value_parser = any_path)]
    pub stats_file: Option<PathBuf>,
    /// Envoy admin port inside the pod (default: found from the pod's proxy container).
    #[arg(long, global = true, value_name = "PORT", allow_hyphen_values = true,
          value_parser = go_int)]
    pub proxy_admin_port: Option<i64>,
    /// The container of the proxy, when a pod has several the admin port could be found in.
    #[arg(
        short = 'c',
        long,
        global = true,
        value_name = "NAME",
        allow_hyphen_values = true
    )]
    pub container: Option<String>,
    /// Talk to this Envoy admin endpoint directly (`http://` or `https://`) instead of a pod.
    #[arg(
        long,
        global = true,
        value_name = "URL",
        env = "MESHCTL_ADMIN_URL",
        allow_hyphen_values = true
    )]
    pub admin_url: Option<String>,
    /// PEM file of the CA that signs an `https://` --admin-url's certificate (default: the
    /// system's roots).
    #[arg(long, global = true, value_name = "PATH", allow_hyphen_values = true)]
    pub certificate_authority: Option<PathBuf>,
    /// Do not check an `https://` --admin-url's certificate.
    #[arg(long, global = true, action = ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_value = "false", default_missing_value = "true", value_parser = go_bool,
          value_name = "BOOL")]
    pub insecure_skip_tls_verify: bool,
    /// Say on stderr how the proxy's admin port was chosen (trace: also --explain).
    #[arg(short = 'v', global = true, action = ArgAction::SetTrue)]
    pub say_more: bool,
    /// Bound on the whole fetch from the cluster, e.g. `15s`, `500ms`, `2m` (default 15s).
    #[arg(long, global = true, value_name = "DURATION", allow_hyphen_values = true,
          value_parser = crate::goparse::parse_request_timeout, overrides_with = "kubeclient_timeout")]
    pub request_timeout: Option<std::time::Duration>,
    /// The request timeout as a Go duration (`15s`, `1m30s`; `0`: none), as istioctl names it.
    #[arg(long, global = true, value_name = "DURATION", allow_hyphen_values = true,
          value_parser = go_timeout, overrides_with = "request_timeout")]
    pub kubeclient_timeout: Option<GoTimeout>,
    /// User to impersonate for the Kubernetes API.
    #[arg(
        long = "as",
        global = true,
        value_name = "USER",
        allow_hyphen_values = true
    )]
    pub as_user: Option<String>,
    /// Group to impersonate; repeat for several.
    #[arg(long = "as-group", global = true, value_name = "GROUP", action = ArgAction::Append,
          allow_hyphen_values = true)]
    pub as_group: Vec<String>,
    /// UID to impersonate.
    #[arg(
        long = "as-uid",
        global = true,
        value_name = "UID",
        allow_hyphen_values = true
    )]
    pub as_uid: Option<String>,
    /// Istio's namespace: accepted for istioctl's command lines, not needed by meshctl.
    #[arg(
        short = 'i',
        long = "istioNamespace",
        global = true,
        value_name = "NAMESPACE",
        allow_hyphen_values = true
    )]
    pub istio_namespace: Option<String>,
}

// Parsed once per run: the size of its biggest variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Inspect the Envoy configuration of a pod or a saved dump.
    #[command(name = "proxy-config", visible_alias = "pc")]
    #[command(after_help = examples::PROXY_CONFIG)]
    ProxyConfig {
        /// None: `pc` alone, which prints its help.
        #[command(subcommand)]
        view: Option<View>,
    },
    /// Print a shell completion script.
    #[command(after_help = examples::COMPLETION)]
    Completion {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// What every resource view takes: one target, or a file.
#[derive(Debug, Args, Clone, Default)]
pub struct TargetOrFile {
    /// `[<type>/]<name>[.<namespace>]`: a pod, or deploy/, sts/, ds/, rs/, rc/, job/, svc/, gtw/ NAME.
    #[arg(value_name = "TARGET")]
    pub targets: Vec<String>,
    /// Read a saved dump instead of a pod (`-` for standard input).
    #[arg(short = 'f', long, value_name = "FILE", allow_hyphen_values = true,
          value_parser = any_path)]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub fleet: FleetArgs,
}

/// Many pods at once: every pod of a workload, or of a label selector.
#[derive(Debug, Args, Clone, Default)]
pub struct FleetArgs {
    /// Label selector: the view of every matching pod in the namespace (no target).
    #[arg(short = 'l', long, value_name = "SELECTOR", allow_hyphen_values = true)]
    pub selector: Option<String>,
    /// With --selector: the matching pods of every namespace.
    #[arg(short = 'A', long, action = ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_value = "false", default_missing_value = "true", value_parser = go_bool,
          value_name = "BOOL")]
    pub all_namespaces: bool,
    /// The view of every pod of the workload target, not only the one kubectl would pick.
    #[arg(long, action = ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_value = "false", default_missing_value = "true", value_parser = go_bool,
          value_name = "BOOL")]
    pub all_pods: bool,
    /// Pods asked at once when several are (default 8).
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = go_int)]
    pub max_concurrency: Option<i64>,
    /// Group the pods whose view is the same and show how the others differ (implies
    /// --all-pods).
    #[arg(long, action = ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_value = "false", default_missing_value = "true", value_parser = go_bool,
          value_name = "BOOL")]
    pub summary: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ClusterFilterArgs {
    /// Cluster names containing this FQDN.
    #[arg(long, allow_hyphen_values = true)]
    pub fqdn: Option<String>,
    /// Cluster names containing this direction (inbound, outbound).
    #[arg(long, allow_hyphen_values = true)]
    pub direction: Option<String>,
    /// Cluster names containing this subset.
    #[arg(long, allow_hyphen_values = true)]
    pub subset: Option<String>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct VerboseArg {
    /// One row per filter chain or route (`--verbose=false`: one per listener or route config).
    #[arg(long, action = ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_value = "true", default_missing_value = "true", value_parser = go_bool,
          value_name = "BOOL")]
    pub verbose: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct EndpointFilterArgs {
    /// Endpoint address (an IP, or ip:port).
    #[arg(long, allow_hyphen_values = true)]
    pub address: Option<String>,
    /// Endpoint port.
    #[arg(long, allow_hyphen_values = true, value_parser = go_int)]
    pub port: Option<i64>,
    /// Cluster name (exact, case-insensitive).
    #[arg(long, allow_hyphen_values = true)]
    pub cluster: Option<String>,
    /// Health status, e.g. HEALTHY, UNHEALTHY.
    #[arg(long, allow_hyphen_values = true)]
    pub status: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum View {
    /// Everything: bootstrap summary, clusters, listeners, routes, secrets, endpoints.
    #[command(visible_alias = "a")]
    #[command(after_help = examples::ALL)]
    All {
        #[command(flatten)]
        source: TargetOrFile,
        #[command(flatten)]
        clusters: ClusterFilterArgs,
        /// Port (clusters, listeners, endpoints).
        #[arg(long, allow_hyphen_values = true, value_parser = go_int)]
        port: Option<i64>,
        /// Address (listeners, endpoints).
        #[arg(long, allow_hyphen_values = true)]
        address: Option<String>,
        /// Listener type (HTTP, TCP, HTTP+TCP).
        #[arg(long = "type", allow_hyphen_values = true)]
        listener_type: Option<String>,
        /// Route config name.
        #[arg(long, allow_hyphen_values = true)]
        name: Option<String>,
        #[command(flatten)]
        verbose: VerboseArg,
        /// Put a `------ X INFO ------` heading before each block.
        #[arg(long, action = ArgAction::Set, num_args = 0..=1, require_equals = true,
              default_value = "false", default_missing_value = "true", value_parser = go_bool,
              value_name = "BOOL")]
        with_headers: bool,
    },
    /// The bootstrap configuration.
    #[command(visible_alias = "b")]
    #[command(after_help = examples::BOOTSTRAP)]
    Bootstrap {
        #[command(flatten)]
        source: TargetOrFile,
    },
    /// Clusters.
    #[command(visible_aliases = ["clusters", "c"])]
    #[command(after_help = examples::CLUSTER)]
    Cluster {
        #[command(flatten)]
        source: TargetOrFile,
        #[command(flatten)]
        filter: ClusterFilterArgs,
        /// Cluster names containing `|PORT|`.
        #[arg(long, allow_hyphen_values = true, value_parser = go_int)]
        port: Option<i64>,
    },
    /// Listeners, one row per filter chain.
    #[command(visible_aliases = ["listeners", "l"])]
    #[command(after_help = examples::LISTENER)]
    Listener {
        #[command(flatten)]
        source: TargetOrFile,
        /// Listener address.
        #[arg(long, allow_hyphen_values = true)]
        address: Option<String>,
        /// Listener port.
        #[arg(long, allow_hyphen_values = true, value_parser = go_int)]
        port: Option<i64>,
        /// Listener type (HTTP, TCP, HTTP+TCP).
        #[arg(long = "type", allow_hyphen_values = true)]
        listener_type: Option<String>,
        #[command(flatten)]
        verbose: VerboseArg,
        // Hidden, as in istioctl. `--waypoint` alone is true; a value needs `=`, so the next
        // word is never taken for it.
        /// An ambient waypoint's view: per filter chain, the matcher paths that select it.
        #[arg(long, hide = true, default_value_t = false, action = ArgAction::Set,
              num_args = 0..=1, require_equals = true, default_missing_value = "true",
              value_name = "BOOL", value_parser = go_bool)]
        waypoint: bool,
    },
    /// Route configurations, one row per route.
    #[command(visible_aliases = ["routes", "r"])]
    #[command(after_help = examples::ROUTE)]
    Route {
        #[command(flatten)]
        source: TargetOrFile,
        /// Route config name (exact).
        #[arg(long, allow_hyphen_values = true)]
        name: Option<String>,
        #[command(flatten)]
        verbose: VerboseArg,
    },
    /// Endpoints with health, from Envoy's /clusters (or a dump's EDS data).
    #[command(visible_aliases = ["endpoints", "ep"])]
    #[command(after_help = examples::ENDPOINT)]
    Endpoint {
        #[command(flatten)]
        source: TargetOrFile,
        #[command(flatten)]
        filter: EndpointFilterArgs,
    },
    /// Endpoints from the dump's EDS section, with locality.
    #[command(hide = true)]
    #[command(after_help = examples::EDS)]
    Eds {
        #[command(flatten)]
        source: TargetOrFile,
        #[command(flatten)]
        filter: EndpointFilterArgs,
    },
    /// SDS secrets and their certificates.
    #[command(visible_aliases = ["secrets", "s"])]
    #[command(after_help = examples::SECRET)]
    Secret {
        #[command(flatten)]
        source: TargetOrFile,
    },
    /// Extension configs delivered over ECDS.
    #[command(visible_alias = "ec")]
    #[command(after_help = examples::ECDS)]
    Ecds {
        #[command(flatten)]
        source: TargetOrFile,
    },
    /// Where a request goes in this Envoy, and why: listener, filter chain, route, cluster.
    #[command(after_help = examples::TRACE)]
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
        /// With --inbound it is on when the port's chains expect it; --mtls=false turns it off.
        #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true,
              default_missing_value = "true", value_parser = clap::builder::BoolishValueParser::new())]
        mtls: Option<bool>,
        /// ALPN the client offers on TLS (https://), comma separated.
        #[arg(long, value_name = "PROTOCOLS", default_value = "h2,http/1.1")]
        alpn: String,
        /// For every candidate passed over, say why it did not match (also `-v`).
        #[arg(long)]
        explain: bool,
    },
    /// What changed between two dumps or pods (or one pod over time), resource by resource.
    ///
    /// Exits 0 when nothing differs, 6 when something does.
    #[command(after_help = examples::DIFF)]
    Diff {
        /// Two pods; one pod and one `-f` (the file is A); one pod with `--since` or `--watch`.
        #[arg(value_name = "TARGET")]
        targets: Vec<String>,
        /// A saved dump (`-` for standard input); give it twice to compare two files.
        #[arg(short = 'f', long = "file", value_name = "FILE", action = ArgAction::Append,
              allow_hyphen_values = true, value_parser = any_path)]
        files: Vec<PathBuf>,
        /// What to compare: clusters, listeners, routes, endpoints, eds, secrets, bootstrap or all.
        #[arg(long, default_value = "all", value_name = "VIEW")]
        view: String,
        /// Also show lastUpdated, versionInfo, reorderings Envoy does not act on, and a
        /// bootstrap's per-pod identity.
        #[arg(long, action = ArgAction::Set, num_args = 0..=1, require_equals = true,
              default_value = "false", default_missing_value = "true", value_parser = go_bool,
              value_name = "BOOL")]
        all_fields: bool,
        /// Compare the pod with a dump saved earlier (A).
        #[arg(long, value_name = "FILE", value_parser = any_path)]
        since: Option<PathBuf>,
        /// Poll the pod and print each new set of changes as its configuration changes.
        #[arg(long, action = ArgAction::Set, num_args = 0..=1, require_equals = true,
              default_value = "false", default_missing_value = "true", value_parser = go_bool,
              value_name = "BOOL")]
        watch: bool,
        /// Time between two polls of `--watch`, e.g. `5s`, `500ms`.
        #[arg(long, value_name = "DURATION", value_parser = crate::goparse::parse_request_timeout)]
        interval: Option<std::time::Duration>,
        /// With `--watch`: stop after this many change sets.
        #[arg(long, value_name = "N", value_parser = go_int)]
        count: Option<i64>,
        #[command(flatten)]
        clusters: ClusterFilterArgs,
        /// Port (clusters: `|PORT|` in the name; listeners).
        #[arg(long, allow_hyphen_values = true, value_parser = go_int)]
        port: Option<i64>,
        /// Listener address.
        #[arg(long, allow_hyphen_values = true)]
        address: Option<String>,
        /// Listener type (HTTP, TCP, HTTP+TCP).
        #[arg(long = "type", allow_hyphen_values = true)]
        listener_type: Option<String>,
        /// Route config name (exact).
        #[arg(long, allow_hyphen_values = true)]
        name: Option<String>,
        /// Cluster name of the load assignments (exact, case-insensitive).
        #[arg(long, allow_hyphen_values = true)]
        cluster: Option<String>,
    },
    /// Show or change Envoy's log levels (the only command that changes anything).
    #[command(visible_alias = "o")]
    #[command(after_help = examples::LOG)]
    Log {
        /// The pods, `[<type>/]<name>[.<namespace>]`: a pod, or every pod of a workload. Only
        /// the first is used.
        #[arg(value_name = "TARGET")]
        targets: Vec<String>,
        /// `level` or `logger:level` items, comma separated.
        #[arg(long, allow_hyphen_values = true)]
        level: Option<String>,
        /// Restore the levels the proxy was started with.
        #[arg(short = 'r', long, action = ArgAction::Set, num_args = 0..=1, require_equals = true,
              default_value = "false", default_missing_value = "true", value_parser = go_bool,
              value_name = "BOOL")]
        reset: bool,
        /// Label selector choosing every matching pod in the namespace (targets are ignored).
        #[arg(short = 'l', long, allow_hyphen_values = true)]
        selector: Option<String>,
    },
    /// Compare the root CA trust bundles of two pods.
    #[command(name = "rootca-compare", visible_alias = "rc")]
    #[command(after_help = examples::ROOTCA_COMPARE)]
    RootcaCompare {
        /// Two pods, `[<type>/]<name>[.<namespace>]` each.
        #[arg(value_name = "POD")]
        targets: Vec<String>,
    },
}

/// Each command's `--help` ends with examples; `tests/testsuite/help_examples.rs` runs the ones
/// that read a saved dump (`dump.json`, `clusters.json`) against the fixtures.
mod examples {
    pub const MESHCTL: &str = "\
Examples:
  meshctl pc listeners deploy/web-frontend --port 80
  meshctl pc clusters -f dump.json --fqdn customers -o wide
  kubectl meshctl pc routes web-frontend-7d9f8-abcde.default --name 80
  source <(meshctl completion bash)";

    pub const PROXY_CONFIG: &str = "\
Examples:
  meshctl pc all deploy/web-frontend -o json > dump.json
  meshctl pc clusters -f dump.json
  curl -s localhost:15000/config_dump | meshctl pc secrets -f -";

    pub const COMPLETION: &str = "\
Examples:
  source <(meshctl completion bash)
  meshctl completion zsh > ~/.zfunc/_meshctl
  meshctl completion fish > ~/.config/fish/completions/meshctl.fish";

    pub const ALL: &str = "\
Examples:
  meshctl pc all deploy/web-frontend -o json > dump.json
  meshctl pc all -f dump.json --with-headers
  meshctl pc all -f dump.json --port 80 --fqdn customers";

    pub const BOOTSTRAP: &str = "\
Examples:
  meshctl pc bootstrap deploy/web-frontend
  meshctl pc bootstrap -f dump.json -o yaml";

    pub const CLUSTER: &str = "\
Examples:
  meshctl pc clusters deploy/web-frontend --fqdn customers.default.svc.cluster.local
  meshctl pc clusters -f dump.json --direction outbound --port 80 -o wide
  meshctl pc clusters -f dump.json --subset v1 -o json";

    pub const LISTENER: &str = "\
Examples:
  meshctl pc listeners deploy/web-frontend --port 80
  meshctl pc listeners -f dump.json --type HTTP --verbose=false
  meshctl pc listeners -f dump.json --address 0.0.0.0 -o wide";

    pub const ROUTE: &str = "\
Examples:
  meshctl pc routes deploy/web-frontend --name 80
  meshctl pc routes -f dump.json --name 80 -o json
  meshctl pc routes -f dump.json --verbose=false";

    pub const ENDPOINT: &str = "\
Examples:
  meshctl pc ep deploy/web-frontend --cluster \"outbound|80||customers.default.svc.cluster.local\"
  meshctl pc endpoints -f clusters.json --status HEALTHY
  meshctl pc endpoints -f dump.json --port 3000";

    pub const EDS: &str = "\
Examples:
  meshctl pc eds deploy/web-frontend
  meshctl pc eds -f dump.json --port 3000";

    pub const SECRET: &str = "\
Examples:
  meshctl pc secrets deploy/web-frontend
  meshctl pc secrets -f dump.json -o json";

    pub const ECDS: &str = "\
Examples:
  meshctl pc ecds deploy/web-frontend -o yaml
  meshctl pc ecds -f dump.json";

    pub const TRACE: &str = "\
Examples:
  meshctl pc trace deploy/web-frontend http://customers.default/api/v2/customers
  meshctl pc trace -f dump.json http://customers.default/api/v2/customers --to 10.43.246.220:80
  meshctl pc trace -f dump.json tcp://10.43.0.10:53 -v";

    pub const DIFF: &str = "\
Examples:
  meshctl pc diff web-frontend-7d9f8-abcde web-frontend-7d9f8-fghij --view clusters
  meshctl pc diff -f before.json -f after.json --view routes --name 80
  meshctl pc diff deploy/web-frontend --since before.json
  meshctl pc diff deploy/web-frontend --watch --interval 5s";

    pub const LOG: &str = "\
Examples:
  meshctl pc log deploy/web-frontend
  meshctl pc log deploy/web-frontend --level http:debug,router:debug
  meshctl pc log -l app=web-frontend --reset";

    pub const ROOTCA_COMPARE: &str = "\
Examples:
  meshctl pc rootca-compare web-frontend-7d9f8-abcde reviews-v1-5b9c4-q2w3e.default";
}
