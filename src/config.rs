//! Raw flags from `cli.rs` turned into a checked configuration before any work starts: every
//! usage mistake is reported here, with one line, before a file is read or a cluster contacted.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::ValueEnum;

use crate::cli::{self, Cli, Command, View};
use crate::error::{Error, Result};
pub use crate::format::Format;
use crate::goparse;

/// Where a view's data comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A saved dump or `/clusters` output; `-` is standard input.
    File(PathBuf),
    /// `[<type>/]<name>[.<namespace>]`, resolved through the Kubernetes API.
    Target(String),
    /// `--admin-url`: an Envoy admin endpoint reached directly, no cluster involved.
    AdminUrl(AdminUrl),
    /// Many pods: `--all-pods` on a target, `-l`, or `--summary`.
    Fleet(Fleet),
}

/// A checked `--admin-url`: `http` or `https`, a host, no query or fragment. A path is kept as a
/// prefix of every admin path (an admin API published under a path by a reverse proxy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminUrl {
    /// As given, for messages.
    pub text: String,
    pub https: bool,
}

impl AdminUrl {
    pub fn parse(text: &str) -> Result<AdminUrl> {
        let bad = |why: &str| Error::usage(format!("--admin-url {text:?}: {why}"));
        let url = reqwest::Url::parse(text).map_err(|e| bad(&e.to_string()))?;
        let https = match url.scheme() {
            "http" => false,
            "https" => true,
            other => {
                return Err(bad(&format!(
                    "the scheme must be http or https, not {other}"
                )))
            }
        };
        if url.host_str().is_none_or(str::is_empty) {
            return Err(bad("no host"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(bad("an admin URL takes no query or fragment"));
        }
        Ok(AdminUrl {
            text: text.trim_end_matches('/').to_string(),
            https,
        })
    }

    /// The URL of an admin path (`/config_dump?mask=...`) at this endpoint.
    pub fn join(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.text)
    }
}

/// How to check an `https://` admin URL's certificate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AdminTls {
    /// `--certificate-authority`: trust only the certificates in this PEM file.
    pub certificate_authority: Option<PathBuf>,
    /// `--insecure-skip-tls-verify`.
    pub insecure: bool,
}

/// Which pods a command works on when it works on several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PodSelection {
    /// Every pod a target matches (a pod target: that pod).
    Target(String),
    /// `-l`: every pod matching the selector in the namespace, or with `-A` in every namespace.
    Selector {
        selector: String,
        all_namespaces: bool,
    },
}

/// A view over many pods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fleet {
    pub pods: PodSelection,
    /// `--max-concurrency`: pods fetched at once; at least 1.
    pub max_concurrency: usize,
    /// `--summary`: the pods grouped by their view instead of every pod's rows.
    pub summary: bool,
}

/// Pods fetched at once unless `--max-concurrency` says otherwise: enough to hide a port-forward's
/// round trips, few enough that the dumps held at once stay small.
pub const DEFAULT_MAX_CONCURRENCY: usize = 8;

/// Whom to act as on the Kubernetes API: kubectl's `--as`, `--as-group`, `--as-uid`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Impersonation {
    pub user: Option<String>,
    pub groups: Vec<String>,
    pub uid: Option<String>,
}

/// How to reach the cluster and the proxy: the global flags of every live command.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// `--kubeconfig`; otherwise `KUBECONFIG` (several files merged), `~/.kube/config`, in-cluster.
    pub kubeconfig: Option<PathBuf>,
    /// `--context`; otherwise the kubeconfig's current context.
    pub context: Option<String>,
    /// `-n`; otherwise the context's namespace, then `default`. A `name.namespace` target wins.
    pub namespace: Option<String>,
    /// `--proxy-admin-port`: where Envoy's admin API listens inside the pod; None: found from
    /// the pod (`live::admin_port`).
    pub proxy_admin_port: Option<u16>,
    /// `-c/--container`: the proxy's container, for finding the admin port.
    pub container: Option<String>,
    /// `-v`: say on stderr which admin port was chosen and why.
    pub say_more: bool,
    /// TLS for an `https://` `--admin-url`.
    pub admin_tls: AdminTls,
    /// `--request-timeout` or `--kubeclient-timeout`: bounds everything one fetch does, from
    /// loading credentials on. `Duration::MAX` when the user asked for none.
    pub request_timeout: Duration,
    /// The flag that set `request_timeout`, for the message when it runs out.
    pub timeout_flag: &'static str,
    /// `--as`, `--as-group`, `--as-uid`: override the kubeconfig's own impersonation.
    pub impersonate: Impersonation,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            kubeconfig: None,
            context: None,
            namespace: None,
            proxy_admin_port: None,
            container: None,
            say_more: false,
            admin_tls: AdminTls::default(),
            request_timeout: DEFAULT_TIMEOUT,
            timeout_flag: "--request-timeout",
            impersonate: Impersonation::default(),
        }
    }
}

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// Which pods `log` sets the levels of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogTargets {
    /// One target in any form `pc` accepts (`pod`, `deploy/x.ns`, ...): every pod it matches.
    Target(String),
    /// `-l/--selector`: every pod matching the label selector in the namespace.
    Selector(String),
    /// `--admin-url`: the one Envoy at that endpoint.
    AdminUrl(AdminUrl),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterFilter {
    pub fqdn: Option<String>,
    pub direction: Option<String>,
    pub subset: Option<String>,
    /// Looked for as `|<port>|` in the name; never 0.
    pub port: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerFilter {
    pub address: Option<String>,
    /// Compared as a 32-bit unsigned port (-1 is 4294967295; one that is 0 so filters nothing,
    /// as in istioctl); never 0.
    pub port: Option<i64>,
    pub listener_type: Option<String>,
    pub verbose: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteFilter {
    pub name: Option<String>,
    pub verbose: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndpointFilter {
    pub address: Option<String>,
    /// Compared as a 32-bit unsigned port, as for listeners; never 0.
    pub port: Option<i64>,
    pub cluster: Option<String>,
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllFilter {
    pub clusters: ClusterFilter,
    pub listeners: ListenerFilter,
    pub routes: RouteFilter,
    pub endpoints: EndpointFilter,
    pub with_headers: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewKind {
    All(AllFilter),
    Bootstrap,
    Clusters(ClusterFilter),
    Listeners(ListenerFilter),
    Routes(RouteFilter),
    Endpoints(EndpointFilter),
    Eds(EndpointFilter),
    Secrets,
    Ecds,
    /// `listener --waypoint`: a table whatever `-o` says, without listener filters.
    Waypoint,
    /// `trace`: one request followed through the configuration.
    Trace(Box<TraceSpec>),
}

/// The part of a dump a diff compares: one view's resources, with its filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffView {
    All,
    Bootstrap,
    Clusters(ClusterFilter),
    Listeners(ListenerFilter),
    Routes(RouteFilter),
    /// Cluster load assignments (the dump's EDS part), by cluster name; `endpoints` and `eds`
    /// compare the same resources.
    Endpoints(EndpointFilter),
    Secrets,
}

/// A validated `trace`: the request as Envoy will see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceSpec {
    /// The URL as given, for the output's first line.
    pub url: String,
    pub request: crate::envoy::trace::Request,
    /// `--explain`: say why every candidate passed over did not match.
    pub explain: bool,
    /// The URL's host when it is a name and `--to` was not given: live, a Service's ClusterIP
    /// is looked up for it.
    pub service_host: Option<String>,
    /// What the live lookup found or why it failed, for the output.
    pub note: Option<String>,
}

impl ViewKind {
    /// The command name, for messages like istioctl's.
    pub fn command(&self) -> &'static str {
        match self {
            ViewKind::All(_) => "all",
            ViewKind::Bootstrap => "bootstrap",
            ViewKind::Clusters(_) => "cluster",
            ViewKind::Listeners(_) | ViewKind::Waypoint => "listener",
            ViewKind::Routes(_) => "route",
            ViewKind::Endpoints(_) => "endpoint",
            ViewKind::Eds(_) => "eds",
            ViewKind::Secrets => "secret",
            ViewKind::Ecds => "ecds",
            ViewKind::Trace(_) => "trace",
        }
    }

    /// The name istioctl's "requires pod name or --file" message gives the command: its own,
    /// but plural for `endpoint`.
    fn requires_name(&self) -> &'static str {
        match self {
            ViewKind::Endpoints(_) => "endpoints",
            other => other.command(),
        }
    }
}

/// What `-o` asked for. An unsupported name is an error only once the input has been read and
/// parsed (`all`: before), as istioctl reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Format(Format),
    Unsupported(String),
}

impl Output {
    /// The error for an unsupported format, if it is one.
    pub fn check(&self) -> Result<Format> {
        match self {
            Output::Format(format) => Ok(*format),
            Output::Unsupported(name) => Err(Error::usage(format!(
                "output format {} not supported",
                goparse::quote(name)
            ))),
        }
    }
}

// Made once per run: the size of its biggest variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Task {
    View {
        view: ViewKind,
        source: Source,
        output: Output,
    },
    Log {
        targets: LogTargets,
        /// `--level`, as given; never empty. Read once the proxies' loggers are known.
        level: Option<String>,
        reset: bool,
    },
    RootcaCompare {
        first: String,
        second: String,
    },
    /// `pc diff`: what changed from `old` to `new`.
    Diff(Box<DiffTask>),
    Completion(clap_complete::Shell),
    /// `pc` alone: its help, on standard output.
    ProxyConfigHelp,
}

/// A validated `pc diff`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffTask {
    pub view: DiffView,
    /// A: a file, or a pod; with `--watch`, the pod of both sides.
    pub old: Source,
    /// B: a file, or a pod.
    pub new: Source,
    pub all_fields: bool,
    /// Short (and wide) print text; json and yaml the list of changes.
    pub format: Format,
    pub watch: Option<Watch>,
}

/// `pc diff TARGET --watch`: poll the pod every `interval`, print each new change set, stop
/// after `count` of them (else at Ctrl-C).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    pub interval: Duration,
    pub count: Option<u64>,
}

impl Task {
    /// Whether the task prints as it goes (`diff --watch`), so its output must not wait in a
    /// buffer.
    pub fn streams(&self) -> bool {
        matches!(self, Task::Diff(task) if task.watch.is_some())
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub task: Task,
    pub cluster: ClusterOptions,
    /// `--stats-file`: a saved `/stats` for `-o wide`'s counters, live or offline.
    pub stats_file: Option<PathBuf>,
}

impl Config {
    pub fn from_cli(cli: Cli) -> Result<Config> {
        let g = cli.global;
        let (timeout, timeout_flag) = match (g.request_timeout, g.kubeclient_timeout) {
            (Some(timeout), _) => (timeout, "--request-timeout"),
            (None, Some(cli::GoTimeout(Some(timeout)))) => (timeout, "--kubeclient-timeout"),
            // `--kubeclient-timeout 0`: no bound.
            (None, Some(cli::GoTimeout(None))) => (Duration::MAX, "--kubeclient-timeout"),
            (None, None) => (DEFAULT_TIMEOUT, "--request-timeout"),
        };
        let admin_port = g.proxy_admin_port;
        let admin_url = nonempty(g.admin_url);
        let stats_file = g.stats_file;
        let mut cluster = ClusterOptions {
            kubeconfig: g.kubeconfig,
            context: g.context,
            namespace: g.namespace,
            proxy_admin_port: None,
            container: nonempty(g.container),
            say_more: g.say_more,
            admin_tls: AdminTls {
                certificate_authority: g.certificate_authority,
                insecure: g.insecure_skip_tls_verify,
            },
            request_timeout: timeout,
            timeout_flag,
            impersonate: Impersonation {
                user: g.as_user,
                groups: g.as_group,
                uid: g.as_uid,
            },
        };
        let view = match cli.command {
            Command::Completion { shell } => {
                return Ok(Config {
                    task: Task::Completion(shell),
                    cluster,
                    stats_file: None,
                })
            }
            Command::ProxyConfig { view: None } => {
                return Ok(Config {
                    task: Task::ProxyConfigHelp,
                    cluster,
                    stats_file: None,
                })
            }
            Command::ProxyConfig { view: Some(view) } => view,
        };
        let task = match view {
            View::Log {
                targets,
                level,
                reset,
                selector,
            } => {
                // With a selector the targets are ignored; without, only the first is used.
                let targets = match (nonempty(selector), targets.into_iter().next()) {
                    (None, None) if admin_url.is_some() => {
                        LogTargets::AdminUrl(AdminUrl::parse(admin_url.as_deref().unwrap_or(""))?)
                    }
                    (_, _) if admin_url.is_some() => {
                        return Err(admin_url_with("a target or --selector"))
                    }
                    (Some(selector), _) => LogTargets::Selector(selector),
                    (None, Some(target)) => LogTargets::Target(target),
                    (None, None) => {
                        return Err(Error::arguments("log requires pod name or --selector"))
                    }
                };
                let level = nonempty(level);
                if reset && level.is_some() {
                    return Err(Error::arguments("--level cannot be combined with --reset"));
                }
                if g.output.as_deref().is_some_and(|o| o != "short") {
                    return Err(Error::usage("--output is not applicable for this command"));
                }
                Task::Log {
                    targets,
                    level,
                    reset,
                }
            }
            View::Diff { .. } if admin_url.is_some() => {
                return Err(Error::usage(
                    "diff compares two sides given as targets or --file; --admin-url is not one",
                ))
            }
            View::RootcaCompare { .. } if admin_url.is_some() => {
                return Err(Error::usage(
                    "rootca-compare compares two pods; --admin-url names one Envoy",
                ))
            }
            View::RootcaCompare { targets } => match <[String; 2]>::try_from(targets) {
                Ok([first, second]) => Task::RootcaCompare { first, second },
                Err(_) => {
                    return Err(Error::arguments(
                        "rootca-compare requires 2 pods as an argument",
                    ))
                }
            },
            View::Trace {
                args,
                file,
                to,
                method,
                headers,
                from,
                inbound,
                mtls,
                alpn,
                explain,
            } => {
                let (source, url) = match (file, args.as_slice()) {
                    (None, [url]) if admin_url.is_some() => (
                        Source::AdminUrl(AdminUrl::parse(admin_url.as_deref().unwrap_or(""))?),
                        url.clone(),
                    ),
                    _ if admin_url.is_some() => return Err(admin_url_with("a target or --file")),
                    (Some(f), [url]) => (Source::File(f), url.clone()),
                    (None, [target, url]) => (Source::Target(target.clone()), url.clone()),
                    (Some(_), _) => return Err(Error::usage("trace -f FILE takes one URL")),
                    (None, _) => {
                        return Err(Error::usage(
                            "trace requires pod name and a URL, or --file and a URL",
                        ))
                    }
                };
                let flags = TraceFlags {
                    to: to.as_deref(),
                    method: method.as_deref(),
                    headers: &headers,
                    from: from.as_deref(),
                    inbound,
                    mtls,
                    alpn: &alpn,
                };
                let explain = explain || g.say_more;
                let request = trace_request(&url, &flags)?;
                let service_host = match (&request.dest_ip, to.as_deref()) {
                    (None, None) => url_host(&url),
                    _ => None,
                };
                let format = match g.output.as_deref() {
                    None => Format::Short,
                    Some(name) => <Format as ValueEnum>::from_str(name, false)
                        .ok()
                        .filter(|f| matches!(f, Format::Short | Format::Json | Format::Yaml))
                        .ok_or_else(|| Error::usage("trace prints -o short, json or yaml"))?,
                };
                Task::View {
                    view: ViewKind::Trace(Box::new(TraceSpec {
                        url,
                        request,
                        explain,
                        service_host,
                        note: None,
                    })),
                    source,
                    output: Output::Format(format),
                }
            }
            View::Diff {
                targets,
                files,
                view,
                all_fields,
                since,
                watch,
                interval,
                count,
                clusters,
                port,
                address,
                listener_type,
                name,
                cluster: cluster_name,
            } => {
                let filters = DiffFilters {
                    clusters,
                    port: nonzero(port),
                    address: nonempty(address),
                    listener_type: nonempty(listener_type),
                    name: nonempty(name),
                    cluster: nonempty(cluster_name),
                };
                let view = diff_view(&view, filters)?;
                let files: Vec<PathBuf> = files
                    .into_iter()
                    .filter(|f| !f.as_os_str().is_empty())
                    .collect();
                let format = match g.output.as_deref() {
                    None => Format::Short,
                    Some(name) => <Format as ValueEnum>::from_str(name, false)
                        .ok()
                        .filter(|f| matches!(f, Format::Short | Format::Json | Format::Yaml))
                        .ok_or_else(|| Error::usage("diff prints -o short, json or yaml"))?,
                };
                let (old, new, watch) = diff_sides(targets, files, since, watch, interval, count)?;
                Task::Diff(Box::new(DiffTask {
                    view,
                    old,
                    new,
                    all_fields,
                    format,
                    watch,
                }))
            }
            view => {
                let (view, source) = view_and_source(view);
                let source = match admin_url.as_deref() {
                    Some(url) => admin_url_source(url, source)?,
                    None => source_of(&view, source)?,
                };
                if let Source::Fleet(fleet) = &source {
                    let table = matches!(g.output.as_deref(), None | Some("short") | Some("wide"));
                    if fleet.summary && (view == ViewKind::Bootstrap || !table) {
                        return Err(Error::usage("--summary prints a text summary: no -o"));
                    }
                }
                let output = match g.output {
                    None if view == ViewKind::Bootstrap => Output::Format(Format::Json),
                    None => Output::Format(Format::Short),
                    Some(name) => match <Format as ValueEnum>::from_str(&name, false) {
                        Ok(format) => Output::Format(format),
                        Err(_) => Output::Unsupported(name),
                    },
                };
                Task::View {
                    view,
                    source,
                    output,
                }
            }
        };
        cluster.proxy_admin_port = admin_port.map(admin_port_of).transpose()?;
        let tls = &cluster.admin_tls;
        if tls.certificate_authority.is_some() || tls.insecure {
            let flag = match tls.certificate_authority {
                Some(_) => "--certificate-authority",
                None => "--insecure-skip-tls-verify",
            };
            // The cluster's own CA and TLS settings come from the kubeconfig.
            if !admin_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https:"))
            {
                return Err(Error::usage(format!(
                    "{flag} applies to an https:// --admin-url only"
                )));
            }
        }
        if stats_file.is_some() && !reads_stats(&task) {
            return Err(Error::usage(
                "--stats-file is read only by clusters and listeners with -o wide",
            ));
        }
        Ok(Config {
            task,
            cluster,
            stats_file,
        })
    }
}

/// Whether the task shows counters from `/stats`: `-o wide` of clusters and listeners.
fn reads_stats(task: &Task) -> bool {
    matches!(
        task,
        Task::View {
            view: ViewKind::Clusters(_) | ViewKind::Listeners(_),
            output: Output::Format(Format::Wide),
            ..
        }
    )
}

/// `--proxy-admin-port`, checked after the arguments as istioctl checks it.
fn admin_port_of(port: i64) -> Result<u16> {
    u16::try_from(port)
        .ok()
        .filter(|p| *p != 0)
        .ok_or_else(|| Error::usage(format!("port number {port} must be in the range 1..65535")))
}

/// A view and its raw source flags; `log` and `rootca-compare` are not views.
fn view_and_source(view: View) -> (ViewKind, cli::TargetOrFile) {
    match view {
        View::All {
            source,
            clusters,
            port,
            address,
            listener_type,
            name,
            verbose,
            with_headers,
        } => {
            let address = nonempty(address);
            let port = nonzero(port);
            let all = AllFilter {
                clusters: cluster_filter(clusters, port),
                listeners: ListenerFilter {
                    address: address.clone(),
                    port,
                    listener_type: nonempty(listener_type),
                    verbose: verbose.verbose,
                },
                routes: RouteFilter {
                    name: nonempty(name),
                    verbose: verbose.verbose,
                },
                endpoints: EndpointFilter {
                    address,
                    port,
                    ..Default::default()
                },
                with_headers,
            };
            (ViewKind::All(all), source)
        }
        View::Bootstrap { source } => (ViewKind::Bootstrap, source),
        View::Cluster {
            source,
            filter,
            port,
        } => (
            ViewKind::Clusters(cluster_filter(filter, nonzero(port))),
            source,
        ),
        // istioctl's waypoint view ignores --address, --port, --type and --verbose.
        View::Listener {
            source,
            waypoint: true,
            ..
        } => (ViewKind::Waypoint, source),
        View::Listener {
            source,
            address,
            port,
            listener_type,
            verbose,
            waypoint: false,
        } => (
            ViewKind::Listeners(ListenerFilter {
                address: nonempty(address),
                port: nonzero(port),
                listener_type: nonempty(listener_type),
                verbose: verbose.verbose,
            }),
            source,
        ),
        View::Route {
            source,
            name,
            verbose,
        } => (
            ViewKind::Routes(RouteFilter {
                name: nonempty(name),
                verbose: verbose.verbose,
            }),
            source,
        ),
        View::Endpoint { source, filter } => (ViewKind::Endpoints(endpoint_filter(filter)), source),
        View::Eds { source, filter } => (ViewKind::Eds(endpoint_filter(filter)), source),
        View::Secret { source } => (ViewKind::Secrets, source),
        View::Ecds { source } => (ViewKind::Ecds, source),
        View::Log { .. } | View::RootcaCompare { .. } | View::Trace { .. } | View::Diff { .. } => {
            unreachable!("log, rootca-compare, trace and diff are handled before views")
        }
    }
}

/// istioctl's rule: one target and no file, or a file and any number of targets but one (which
/// are then ignored). An empty `--file=` is no file.
fn source_of(view: &ViewKind, source: cli::TargetOrFile) -> Result<Source> {
    let file = source.file.filter(|f| !f.as_os_str().is_empty());
    let fleet = source.fleet;
    let selector = nonempty(fleet.selector);
    if fleet.all_namespaces && selector.is_none() {
        return Err(Error::usage("--all-namespaces needs --selector"));
    }
    let max_concurrency = match fleet.max_concurrency {
        None => DEFAULT_MAX_CONCURRENCY,
        Some(n) => usize::try_from(n).ok().filter(|n| *n > 0).ok_or_else(|| {
            Error::usage(format!("--max-concurrency must be at least 1, not {n}"))
        })?,
    };
    let many = selector.is_some() || fleet.all_pods || fleet.summary;
    if many {
        if file.is_some() {
            return Err(Error::usage(
                "--selector, --all-pods and --summary read live pods, not --file",
            ));
        }
        let pods = match (selector, source.targets.as_slice()) {
            (Some(selector), []) => PodSelection::Selector {
                selector,
                all_namespaces: fleet.all_namespaces,
            },
            // kubectl's words for the same mistake.
            (Some(_), _) => {
                return Err(Error::arguments(
                    "name cannot be provided when a selector is specified",
                ))
            }
            (None, [target]) => PodSelection::Target(target.clone()),
            (None, _) => {
                return Err(Error::arguments(format!(
                    "{} requires pod name or --selector with --all-pods or --summary",
                    view.requires_name()
                )))
            }
        };
        return Ok(Source::Fleet(Fleet {
            pods,
            max_concurrency,
            summary: fleet.summary,
        }));
    }
    let mut targets = source.targets;
    match (file, targets.len()) {
        (Some(file), n) if n != 1 => Ok(Source::File(file)),
        (None, 1) => Ok(Source::Target(targets.remove(0))),
        _ => Err(Error::arguments(format!(
            "{} requires pod name or --file parameter",
            view.requires_name()
        ))),
    }
}

/// A view's source with `--admin-url`: neither a target nor a file may be given too.
fn admin_url_source(url: &str, source: cli::TargetOrFile) -> Result<Source> {
    let file = source.file.filter(|f| !f.as_os_str().is_empty());
    if file.is_some() || !source.targets.is_empty() {
        return Err(admin_url_with("a target or --file"));
    }
    let fleet = &source.fleet;
    if fleet.selector.is_some() || fleet.all_pods || fleet.summary {
        return Err(admin_url_with("--selector, --all-pods or --summary"));
    }
    Ok(Source::AdminUrl(AdminUrl::parse(url)?))
}

fn admin_url_with(what: &str) -> Error {
    Error::usage(format!(
        "--admin-url (or MESHCTL_ADMIN_URL) names the Envoy to ask: {what} cannot be given too"
    ))
}

/// `diff`'s filter flags, before they are given to its view.
struct DiffFilters {
    clusters: cli::ClusterFilterArgs,
    port: Option<i64>,
    address: Option<String>,
    listener_type: Option<String>,
    name: Option<String>,
    cluster: Option<String>,
}

/// `--view` and the filters that view takes; a filter the view does not take is an error.
fn diff_view(name: &str, f: DiffFilters) -> Result<DiffView> {
    let cluster_flags = [
        (
            "--fqdn",
            f.clusters.fqdn.as_ref().is_some_and(|s| !s.is_empty()),
        ),
        (
            "--direction",
            f.clusters.direction.as_ref().is_some_and(|s| !s.is_empty()),
        ),
        (
            "--subset",
            f.clusters.subset.as_ref().is_some_and(|s| !s.is_empty()),
        ),
    ];
    let given = [
        ("--port", f.port.is_some()),
        ("--address", f.address.is_some()),
        ("--type", f.listener_type.is_some()),
        ("--name", f.name.is_some()),
        ("--cluster", f.cluster.is_some()),
    ];
    let takes: &[&str] = match name {
        "clusters" | "cluster" => &["--fqdn", "--direction", "--subset", "--port"],
        "listeners" | "listener" => &["--port", "--address", "--type"],
        "routes" | "route" => &["--name"],
        "endpoints" | "endpoint" | "eds" => &["--cluster"],
        "secrets" | "secret" | "bootstrap" | "all" => &[],
        other => {
            return Err(Error::usage(format!(
                "invalid --view {}: use clusters, listeners, routes, endpoints, eds, secrets, \
                 bootstrap or all",
                goparse::quote(other)
            )))
        }
    };
    if let Some((flag, _)) = cluster_flags
        .iter()
        .chain(&given)
        .find(|(flag, set)| *set && !takes.contains(flag))
    {
        return Err(Error::usage(format!(
            "{flag} does not apply to diff --view {name}"
        )));
    }
    Ok(match name {
        "clusters" | "cluster" => DiffView::Clusters(cluster_filter(f.clusters, f.port)),
        "listeners" | "listener" => DiffView::Listeners(ListenerFilter {
            address: f.address,
            port: f.port,
            listener_type: f.listener_type,
            verbose: true,
        }),
        "routes" | "route" => DiffView::Routes(RouteFilter {
            name: f.name,
            verbose: true,
        }),
        "endpoints" | "endpoint" | "eds" => DiffView::Endpoints(EndpointFilter {
            cluster: f.cluster,
            ..Default::default()
        }),
        "secrets" | "secret" => DiffView::Secrets,
        "bootstrap" => DiffView::Bootstrap,
        _ => DiffView::All,
    })
}

/// A and B of `diff`: two pods, a file (A) and a pod, two files, a saved dump (`--since`, A)
/// and a pod, or one pod polled (`--watch`).
fn diff_sides(
    mut targets: Vec<String>,
    mut files: Vec<PathBuf>,
    since: Option<PathBuf>,
    watch: bool,
    interval: Option<Duration>,
    count: Option<i64>,
) -> Result<(Source, Source, Option<Watch>)> {
    if !watch && (interval.is_some() || count.is_some()) {
        return Err(Error::usage("--interval and --count go with --watch"));
    }
    if watch {
        if since.is_some() || !files.is_empty() || targets.len() != 1 {
            return Err(Error::arguments(
                "diff --watch requires one pod name and no file",
            ));
        }
        let count = match count {
            None => None,
            Some(n) if n > 0 => Some(n as u64),
            Some(n) => return Err(Error::usage(format!("invalid --count {n}: at least 1"))),
        };
        let interval = interval.unwrap_or(Duration::from_secs(5));
        if interval.is_zero() {
            return Err(Error::usage("invalid --interval: it must be more than 0"));
        }
        let target = Source::Target(targets.remove(0));
        return Ok((target.clone(), target, Some(Watch { interval, count })));
    }
    if let Some(since) = since {
        if !files.is_empty() || targets.len() != 1 {
            return Err(Error::arguments(
                "diff --since requires one pod name and no --file",
            ));
        }
        return Ok((Source::File(since), Source::Target(targets.remove(0)), None));
    }
    match (targets.len(), files.len()) {
        (2, 0) => {
            let b = targets.remove(1);
            Ok((Source::Target(targets.remove(0)), Source::Target(b), None))
        }
        (1, 1) => Ok((
            Source::File(files.remove(0)),
            Source::Target(targets.remove(0)),
            None,
        )),
        (0, 2) => {
            let b = files.remove(1);
            Ok((Source::File(files.remove(0)), Source::File(b), None))
        }
        _ => Err(Error::arguments(
            "diff requires two pod names, a pod name and --file, or --file twice",
        )),
    }
}

/// The host of a URL `trace_request` accepted, lower case.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    (!host.is_empty() && !host.starts_with('[')).then(|| host.to_ascii_lowercase())
}

/// `trace`'s raw flags.
struct TraceFlags<'a> {
    to: Option<&'a str>,
    method: Option<&'a str>,
    headers: &'a [String],
    from: Option<&'a str>,
    inbound: bool,
    /// None: on with --inbound where the port's chains expect it.
    mtls: Option<bool>,
    alpn: &'a str,
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// `IP:PORT` (`[v6]:PORT`), or with `port_optional` a bare IP.
fn parse_socket(text: &str, flag: &str, port_optional: bool) -> Result<(IpAddr, Option<u16>)> {
    let bad = || {
        Error::usage(format!(
            "invalid {flag} {text:?}: use IP:PORT{}",
            if port_optional { " or IP" } else { "" }
        ))
    };
    if let Ok(ip) = text.parse::<IpAddr>() {
        return if port_optional {
            Ok((ip, None))
        } else {
            Err(bad())
        };
    }
    let sa: std::net::SocketAddr = text.parse().map_err(|_| bad())?;
    if sa.port() == 0 {
        return Err(bad());
    }
    Ok((sa.ip(), Some(sa.port())))
}

/// The URL and flags of `trace` as the request Envoy sees: the connection (destination,
/// source, TLS) and the HTTP request (method, Host, path, headers).
fn trace_request(url: &str, f: &TraceFlags) -> Result<crate::envoy::trace::Request> {
    use crate::envoy::trace::{ClientHello, HttpRequest, Request};
    let bad = |why: &str| Error::usage(format!("invalid URL {url:?}: {why}"));
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| bad("use http://, https://, tcp:// or grpc://"))?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" | "grpc" => Some(80),
        "https" => Some(443),
        "tcp" => None,
        _ => return Err(bad("use http://, https://, tcp:// or grpc://")),
    };
    let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    let path = path.split('#').next().unwrap_or_default();
    let path = match path {
        "" => "/".to_string(),
        p if p.starts_with('?') => format!("/{p}"),
        p => p.to_string(),
    };
    if authority.contains('@') {
        return Err(bad("user information is not supported"));
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (h, after) = v6.split_once(']').ok_or_else(|| bad("unclosed ["))?;
        (format!("[{h}]"), after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (authority.to_string(), None),
        }
    };
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._[]:".contains(&b));
    if !host_ok {
        return Err(bad("no valid host"));
    }
    let explicit_port = match port {
        Some(p) => Some(
            p.parse::<u16>()
                .ok()
                .filter(|p| *p != 0)
                .ok_or_else(|| bad("the port must be 1 to 65535"))?,
        ),
        None => None,
    };
    let url_port = explicit_port
        .or(default_port)
        .ok_or_else(|| bad("tcp:// needs a port"))?;
    let host_ip = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .ok();
    let (dest_ip, dest_port) = match f.to {
        Some(to) => {
            let (ip, port) = parse_socket(to, "--to", false)?;
            (Some(ip), port.unwrap_or(url_port))
        }
        None => (host_ip, url_port),
    };
    let (source_ip, source_port) = match f.from {
        Some(from) => {
            let (ip, port) = parse_socket(from, "--from", true)?;
            (Some(ip), port)
        }
        None => (None, None),
    };
    let grpc = scheme == "grpc";
    let method = match f.method {
        Some(m) if is_token(m) => m.to_string(),
        Some(m) => return Err(Error::usage(format!("invalid --method {m:?}"))),
        None if grpc => "POST".to_string(),
        None => "GET".to_string(),
    };
    // The Host a client sends: the port only when it is not the scheme's default.
    let mut authority = match explicit_port {
        Some(p) if Some(p) != default_port => format!("{host}:{p}"),
        _ => host.clone(),
    };
    let mut headers = Vec::new();
    for h in f.headers {
        let (name, value) = h
            .split_once(':')
            .filter(|(n, _)| is_token(n.trim_end()) && n.trim_end() == *n)
            .ok_or_else(|| Error::usage(format!("invalid --header {h:?}: use 'Name: value'")))?;
        let name = name.to_ascii_lowercase();
        let value = value.trim().to_string();
        if name == "host" {
            authority = value;
        } else {
            headers.push((name, value));
        }
    }
    if grpc && !headers.iter().any(|(n, _)| n == "content-type") {
        headers.push(("content-type".into(), "application/grpc".into()));
    }
    if f.mtls == Some(true) && scheme == "https" {
        return Err(Error::usage(
            "--mtls takes an http://, grpc:// or tcp:// URL",
        ));
    }
    // A peer sidecar wraps the application's bytes in Istio's mutual TLS, telling the protocol
    // inside by ALPN.
    let mtls_alpn: &[&str] = match scheme.as_str() {
        "http" => &["istio-http/1.1", "istio"],
        "grpc" => &["istio-h2", "istio"],
        _ => &["istio-peer-exchange", "istio"],
    };
    let mtls_hello = ClientHello {
        sni: None,
        alpn: mtls_alpn.iter().map(|p| p.to_string()).collect(),
        client_cert: true,
    };
    let tls = (f.mtls == Some(true)).then(|| mtls_hello.clone());
    let mtls_if_expected =
        (f.mtls.is_none() && f.inbound && scheme != "https").then_some(mtls_hello);
    let tls = tls.or_else(|| {
        (scheme == "https").then(|| ClientHello {
            sni: host_ip.is_none().then(|| host.clone()),
            alpn: f
                .alpn
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            client_cert: false,
        })
    });
    let http = (scheme != "tcp").then_some(HttpRequest {
        method,
        authority,
        path,
        headers,
        http2: grpc,
    });
    Ok(Request {
        dest_ip,
        dest_port,
        source_ip,
        source_port,
        inbound: f.inbound,
        tls,
        mtls_if_expected,
        http,
    })
}

/// An empty text filter is no filter.
fn nonempty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.is_empty())
}

/// istioctl treats a port of 0 as "no filter".
fn nonzero(port: Option<i64>) -> Option<i64> {
    port.filter(|p| *p != 0)
}

fn cluster_filter(a: cli::ClusterFilterArgs, port: Option<i64>) -> ClusterFilter {
    ClusterFilter {
        fqdn: nonempty(a.fqdn),
        direction: nonempty(a.direction),
        subset: nonempty(a.subset),
        port,
    }
}

fn endpoint_filter(a: cli::EndpointFilterArgs) -> EndpointFilter {
    EndpointFilter {
        address: nonempty(a.address),
        port: nonzero(a.port),
        cluster: nonempty(a.cluster),
        status: nonempty(a.status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;
    use clap::Parser;

    fn config(args: &[&str]) -> Result<Config> {
        let cli = Cli::try_parse_from(std::iter::once("meshctl").chain(args.iter().copied()))
            .map_err(|e| Error::usage(e.to_string()))?;
        Config::from_cli(cli)
    }

    fn view(args: &[&str]) -> (ViewKind, Source, Output) {
        match config(args).unwrap().task {
            Task::View {
                view,
                source,
                output,
            } => (view, source, output),
            other => panic!("{args:?}: unexpected {other:?}"),
        }
    }

    fn arguments_error(args: &[&str]) -> String {
        let e = config(args).unwrap_err();
        assert_eq!(e.kind, Kind::Arguments, "{args:?}: {}", e.message);
        e.message
    }

    #[test]
    fn a_view_takes_one_target_or_a_file_with_any_number_of_targets_but_one() {
        let file = Source::File("x.json".into());
        assert_eq!(view(&["pc", "c", "-f", "x.json"]).1, file);
        assert_eq!(view(&["pc", "c", "-f", "x.json", "a", "b"]).1, file);
        assert_eq!(view(&["pc", "c", "a", "b", "c", "-f", "x.json"]).1, file);
        assert_eq!(view(&["pc", "c", "a"]).1, Source::Target("a".into()));
        for args in [
            &["pc", "clusters"][..],
            &["pc", "c", "a", "b"],
            &["pc", "c", "a", "-f", "x.json"],
            // An empty --file is no file.
            &["pc", "c", "--file="],
            &["pc", "c", "--file=", "a", "b"],
        ] {
            assert_eq!(
                arguments_error(args),
                "cluster requires pod name or --file parameter"
            );
        }
        assert_eq!(
            view(&["pc", "c", "--file=", "a"]).1,
            Source::Target("a".into())
        );
        for (command, name) in [
            ("all", "all"),
            ("b", "bootstrap"),
            ("l", "listener"),
            ("routes", "route"),
            ("ep", "endpoints"),
            ("endpoint", "endpoints"),
            ("eds", "eds"),
            ("s", "secret"),
            ("ec", "ecds"),
        ] {
            assert_eq!(
                arguments_error(&["pc", command]),
                format!("{name} requires pod name or --file parameter")
            );
        }
    }

    #[test]
    fn log_needs_a_target_or_a_selector_and_not_both_level_and_reset() {
        let log = |args: &[&str]| match config(args).unwrap().task {
            Task::Log {
                targets,
                level,
                reset,
            } => (targets, level, reset),
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(
            arguments_error(&["pc", "log"]),
            "log requires pod name or --selector"
        );
        assert_eq!(
            arguments_error(&["pc", "log", "-l", ""]),
            "log requires pod name or --selector"
        );
        // Extra targets are ignored; with a selector, all are.
        assert_eq!(
            log(&["pc", "log", "a", "b"]).0,
            LogTargets::Target("a".into())
        );
        assert_eq!(
            log(&["pc", "o", "a", "-l", "app=x"]).0,
            LogTargets::Selector("app=x".into())
        );
        assert_eq!(
            arguments_error(&["pc", "log", "a", "--level", "debug", "-r"]),
            "--level cannot be combined with --reset"
        );
        assert_eq!(
            arguments_error(&["pc", "log", "--reset", "--level=x"]),
            "log requires pod name or --selector",
            "the target is checked first"
        );
        // An empty --level is no level; --reset=false is no reset.
        assert_eq!(
            log(&["pc", "log", "a", "--level=", "--reset"]),
            (LogTargets::Target("a".into()), None, true)
        );
        assert_eq!(
            log(&["pc", "log", "a", "--level", "debug", "-r=false"]),
            (LogTargets::Target("a".into()), Some("debug".into()), false)
        );
    }

    #[test]
    fn log_refuses_any_output_format_but_short() {
        assert!(config(&["pc", "log", "a", "-o", "short"]).is_ok());
        for format in ["json", "yaml", "wide", "bogus", ""] {
            let e = config(&["pc", "log", "a", "-o", format]).unwrap_err();
            assert_eq!(e.kind, Kind::Usage);
            assert_eq!(e.message, "--output is not applicable for this command");
        }
        // The arguments are checked first.
        assert_eq!(
            arguments_error(&["pc", "log", "-o", "json"]),
            "log requires pod name or --selector"
        );
    }

    #[test]
    fn rootca_compare_takes_exactly_two_pods() {
        for args in [
            &["pc", "rc"][..],
            &["pc", "rootca-compare", "a"],
            &["pc", "rc", "a", "b", "c"],
        ] {
            assert_eq!(
                arguments_error(args),
                "rootca-compare requires 2 pods as an argument"
            );
        }
        match config(&["pc", "rc", "a", "b.ns"]).unwrap().task {
            Task::RootcaCompare { first, second } => {
                assert_eq!((first, second), ("a".into(), "b.ns".into()))
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    fn diff_task(args: &[&str]) -> DiffTask {
        match config(args).unwrap().task {
            Task::Diff(task) => *task,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn diff_takes_two_sides_from_pods_files_since_or_watch() {
        let t = diff_task(&["pc", "diff", "a", "b.ns"]);
        assert_eq!(
            (t.old, t.new, t.view, t.watch),
            (
                Source::Target("a".into()),
                Source::Target("b.ns".into()),
                DiffView::All,
                None
            )
        );
        let t = diff_task(&[
            "pc",
            "diff",
            "-f",
            "x.json",
            "--file=y.json",
            "--view",
            "eds",
        ]);
        assert_eq!(
            (t.old, t.new),
            (Source::File("x.json".into()), Source::File("y.json".into()))
        );
        assert_eq!(t.view, DiffView::Endpoints(EndpointFilter::default()));
        // A file and a pod: the file is A, as with --since.
        for args in [
            &["pc", "diff", "pod", "-f", "saved.json"][..],
            &["pc", "diff", "pod", "--since", "saved.json"],
        ] {
            let t = diff_task(args);
            assert_eq!(
                (t.old, t.new),
                (
                    Source::File("saved.json".into()),
                    Source::Target("pod".into())
                )
            );
        }
        let t = diff_task(&[
            "pc",
            "diff",
            "pod",
            "--watch",
            "--interval",
            "1s",
            "--count",
            "3",
            "-o",
            "json",
        ]);
        assert_eq!(
            t.watch,
            Some(Watch {
                interval: Duration::from_secs(1),
                count: Some(3)
            })
        );
        assert_eq!((t.format, t.old == t.new), (Format::Json, true));
        let t = diff_task(&["pc", "diff", "pod", "--watch"]);
        assert_eq!(t.watch.unwrap().interval, Duration::from_secs(5));
        let t = diff_task(&[
            "pc",
            "diff",
            "a",
            "b",
            "--view",
            "clusters",
            "--fqdn",
            "x",
            "--port",
            "80",
            "--all-fields",
        ]);
        assert!(t.all_fields);
        match t.view {
            DiffView::Clusters(f) => assert_eq!((f.fqdn.as_deref(), f.port), (Some("x"), Some(80))),
            other => panic!("unexpected {other:?}"),
        }
        for (args, kind) in [
            (&["pc", "diff", "a"][..], Kind::Arguments),
            (&["pc", "diff", "a", "b", "c"], Kind::Arguments),
            (
                &["pc", "diff", "a", "b", "--since", "s.json"],
                Kind::Arguments,
            ),
            (
                &["pc", "diff", "a", "--watch", "--since", "s.json"],
                Kind::Arguments,
            ),
            (&["pc", "diff", "a", "--watch", "--count", "0"], Kind::Usage),
            (
                &["pc", "diff", "a", "--watch", "--interval", "0s"],
                Kind::Usage,
            ),
            (
                &["pc", "diff", "a", "b", "--view", "routes", "--port", "80"],
                Kind::Usage,
            ),
            (&["pc", "diff", "a", "b", "-o", "raw"], Kind::Usage),
        ] {
            assert_eq!(config(args).unwrap_err().kind, kind, "{args:?}");
        }
    }

    #[test]
    fn pc_alone_is_its_help() {
        assert!(matches!(
            config(&["pc"]).unwrap().task,
            Task::ProxyConfigHelp
        ));
    }

    #[test]
    fn global_flags_are_accepted_after_the_target() {
        let c = config(&[
            "pc",
            "routes",
            "web.default",
            "--context",
            "kind",
            "-n",
            "ns",
            "-o",
            "json",
            "-i",
            "istio-system",
        ])
        .unwrap();
        assert_eq!(c.cluster.context.as_deref(), Some("kind"));
        assert_eq!(c.cluster.namespace.as_deref(), Some("ns"));
        match c.task {
            Task::View { output, source, .. } => {
                assert_eq!(output, Output::Format(Format::Json));
                assert_eq!(source, Source::Target("web.default".into()));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn output_formats_are_checked_later_by_name() {
        assert_eq!(
            view(&["pc", "b", "-f", "d.json"]).2,
            Output::Format(Format::Json)
        );
        assert_eq!(
            view(&["pc", "c", "-f", "d.json"]).2,
            Output::Format(Format::Short)
        );
        for (name, format) in [
            ("short", Format::Short),
            ("json", Format::Json),
            ("yaml", Format::Yaml),
            ("wide", Format::Wide),
            ("raw", Format::Raw),
        ] {
            assert_eq!(
                view(&["pc", "c", "-f", "d.json", "-o", name]).2,
                Output::Format(format)
            );
        }
        for name in ["JSON", "bogus", ""] {
            let output = view(&["pc", "c", "-f", "d.json", "-o", name]).2;
            assert_eq!(output, Output::Unsupported(name.into()));
            let e = output.check().unwrap_err();
            assert_eq!(e.kind, Kind::Usage);
            assert_eq!(e.message, format!("output format \"{name}\" not supported"));
        }
    }

    #[test]
    fn booleans_take_a_value_only_after_equals() {
        let listeners = |args: &[&str]| match view(args).0 {
            ViewKind::Listeners(f) => f,
            other => panic!("unexpected {other:?}"),
        };
        assert!(listeners(&["pc", "l", "-f", "d.json"]).verbose);
        assert!(listeners(&["pc", "l", "-f", "d.json", "--verbose"]).verbose);
        for value in ["1", "t", "T", "true", "TRUE", "True"] {
            let flag = format!("--verbose={value}");
            assert!(listeners(&["pc", "l", "-f", "d.json", "--verbose=false", &flag]).verbose);
        }
        for value in ["0", "f", "F", "false", "FALSE", "False"] {
            let flag = format!("--verbose={value}");
            assert!(!listeners(&["pc", "l", "-f", "d.json", &flag]).verbose);
        }
        // The next word is never the value: `false` is a target here.
        assert_eq!(
            view(&["pc", "l", "--verbose", "false"]).1,
            Source::Target("false".into())
        );
        let all = |args: &[&str]| match view(args).0 {
            ViewKind::All(f) => f,
            other => panic!("unexpected {other:?}"),
        };
        assert!(!all(&["pc", "all", "-f", "d.json"]).with_headers);
        assert!(all(&["pc", "all", "-f", "d.json", "--with-headers"]).with_headers);
        assert!(all(&["pc", "all", "-f", "d.json", "--with-headers=T"]).with_headers);
        assert!(
            !all(&[
                "pc",
                "all",
                "-f",
                "d.json",
                "--with-headers",
                "--with-headers=0"
            ])
            .with_headers
        );
        assert_eq!(
            view(&["pc", "all", "--with-headers", "true"]).1,
            Source::Target("true".into())
        );
        assert!(config(&["pc", "l", "-f", "d.json", "--verbose=yes"]).is_err());
    }

    #[test]
    fn ports_are_go_integers_and_zero_is_no_filter() {
        let port = |args: &[&str]| match view(args).0 {
            ViewKind::Listeners(f) => f.port,
            ViewKind::Clusters(f) => f.port,
            ViewKind::Endpoints(f) | ViewKind::Eds(f) => f.port,
            other => panic!("unexpected {other:?}"),
        };
        for (text, want) in [
            ("80", Some(80)),
            ("0x50", Some(80)),
            ("0o17", Some(15)),
            ("017", Some(15)),
            ("0b11", Some(3)),
            ("8_0", Some(80)),
            ("-1", Some(-1)),
            ("0", None),
            ("0x0", None),
            ("4294967296", Some(4_294_967_296)),
        ] {
            for command in ["l", "c", "ep", "eds"] {
                assert_eq!(
                    port(&["pc", command, "-f", "d.json", "--port", text]),
                    want,
                    "{command} {text}"
                );
            }
        }
        // The value may start with `-`, even when it looks like a flag.
        assert!(config(&["pc", "l", "-f", "d.json", "--port", "--verbose"]).is_err());
        let all = match view(&["pc", "all", "-f", "d.json", "--port=-2"]).0 {
            ViewKind::All(f) => f,
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(
            (all.clusters.port, all.listeners.port, all.endpoints.port),
            (Some(-2), Some(-2), Some(-2))
        );
    }

    #[test]
    fn an_empty_text_filter_is_no_filter() {
        match view(&[
            "pc",
            "all",
            "-f",
            "d.json",
            "--fqdn=",
            "--direction=",
            "--subset=",
            "--address=",
            "--type=",
            "--name=",
        ])
        .0
        {
            ViewKind::All(f) => {
                assert_eq!(f.clusters, ClusterFilter::default());
                assert_eq!(
                    (f.listeners.address, f.listeners.listener_type),
                    (None, None)
                );
                assert_eq!(f.routes.name, None);
                assert_eq!(f.endpoints, EndpointFilter::default());
            }
            other => panic!("unexpected {other:?}"),
        }
        for command in ["ep", "eds"] {
            match view(&[
                "pc",
                command,
                "-f",
                "d.json",
                "--address=",
                "--cluster=",
                "--status=",
            ])
            .0
            {
                ViewKind::Endpoints(f) | ViewKind::Eds(f) => {
                    assert_eq!(f, EndpointFilter::default())
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        match view(&["pc", "r", "-f", "d.json", "--name="]).0 {
            ViewKind::Routes(f) => assert_eq!(f.name, None),
            other => panic!("unexpected {other:?}"),
        }
        match view(&["pc", "l", "-f", "d.json", "--type=", "--address="]).0 {
            ViewKind::Listeners(f) => assert_eq!((f.address, f.listener_type), (None, None)),
            other => panic!("unexpected {other:?}"),
        }
        match view(&[
            "pc",
            "c",
            "-f",
            "d.json",
            "--fqdn=",
            "--subset=",
            "--direction=",
        ])
        .0
        {
            ViewKind::Clusters(f) => assert_eq!(f, ClusterFilter::default()),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn kubernetes_flags() {
        let c = config(&[
            "pc",
            "c",
            "pod",
            "--as",
            "jane",
            "--as-group",
            "dev",
            "--as-group=ops",
            "--as-uid",
            "42",
            "--kubeclient-timeout",
            "1m30s",
        ])
        .unwrap();
        assert_eq!(
            c.cluster.impersonate,
            Impersonation {
                user: Some("jane".into()),
                groups: vec!["dev".into(), "ops".into()],
                uid: Some("42".into()),
            }
        );
        assert_eq!(c.cluster.request_timeout, Duration::from_secs(90));
        let timeout = |args: &[&str]| {
            let mut all = vec!["pc", "c", "pod"];
            all.extend_from_slice(args);
            config(&all).unwrap().cluster.request_timeout
        };
        assert_eq!(timeout(&[]), Duration::from_secs(15));
        assert_eq!(timeout(&["--kubeclient-timeout=0"]), Duration::MAX);
        // Two names for one timeout: the last given wins.
        assert_eq!(
            timeout(&["--kubeclient-timeout=2s", "--request-timeout=3s"]),
            Duration::from_secs(3)
        );
        assert_eq!(
            timeout(&["--request-timeout=3s", "--kubeclient-timeout=2s"]),
            Duration::from_secs(2)
        );
        assert!(config(&["pc", "c", "pod", "--kubeclient-timeout", "5"]).is_err());
    }

    #[test]
    fn waypoint_is_its_own_view_and_takes_go_booleans_after_an_equals_sign() {
        let view = |args: &[&str]| match config(args).unwrap().task {
            Task::View { view, .. } => view,
            other => panic!("unexpected {other:?}"),
        };
        let waypoint = view(&["pc", "l", "-f", "d.json", "--waypoint", "--port", "80"]);
        assert_eq!(waypoint, ViewKind::Waypoint);
        assert_eq!(waypoint.command(), "listener");
        for value in ["1", "t", "T", "true", "TRUE", "True"] {
            let flag = format!("--waypoint={value}");
            assert_eq!(
                view(&["pc", "l", "-f", "d.json", &flag]),
                ViewKind::Waypoint
            );
        }
        for value in ["0", "f", "F", "false", "FALSE", "False"] {
            let flag = format!("--waypoint={value}");
            assert!(matches!(
                view(&["pc", "l", "-f", "d.json", &flag]),
                ViewKind::Listeners(_)
            ));
        }
        assert!(config(&["pc", "l", "-f", "d.json", "--waypoint=yes"]).is_err());
        // The next word is never the value: here it is the target.
        match config(&["pc", "l", "--waypoint", "false"]).unwrap().task {
            Task::View { view, source, .. } => {
                assert_eq!(view, ViewKind::Waypoint);
                assert_eq!(source, Source::Target("false".into()));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn admin_port_must_be_a_real_port_checked_after_the_arguments() {
        for (text, shown) in [
            ("0", "0"),
            ("70000", "70000"),
            ("-1", "-1"),
            ("0x10000", "65536"),
        ] {
            let e = config(&["pc", "c", "-f", "x", "--proxy-admin-port", text]).unwrap_err();
            assert_eq!(e.kind, Kind::Usage);
            assert_eq!(
                e.message,
                format!("port number {shown} must be in the range 1..65535")
            );
        }
        assert_eq!(
            config(&["pc", "c", "-f", "x", "--proxy-admin-port", "0x3A98"])
                .unwrap()
                .cluster
                .proxy_admin_port,
            Some(15000)
        );
        assert_eq!(
            config(&["pc", "c", "pod"])
                .unwrap()
                .cluster
                .proxy_admin_port,
            None,
            "not given: found from the pod"
        );
        assert_eq!(
            arguments_error(&["pc", "c", "--proxy-admin-port", "0"]),
            "cluster requires pod name or --file parameter"
        );
    }

    #[test]
    fn admin_url_is_a_source_of_its_own() {
        let source = |args: &[&str]| match config(args).unwrap().task {
            Task::View { source, .. } => source,
            other => panic!("{other:?}"),
        };
        let url = AdminUrl::parse("http://127.0.0.1:15000/").unwrap();
        assert_eq!(url.text, "http://127.0.0.1:15000");
        assert_eq!(url.join("/ready"), "http://127.0.0.1:15000/ready");
        assert!(!url.https);
        assert_eq!(
            source(&["pc", "l", "--admin-url", "http://127.0.0.1:15000/"]),
            Source::AdminUrl(url.clone())
        );
        let prefixed = AdminUrl::parse("https://gw.example/envoy/").unwrap();
        assert!(prefixed.https);
        assert_eq!(
            prefixed.join("/config_dump?mask=bootstrap"),
            "https://gw.example/envoy/config_dump?mask=bootstrap"
        );
        match config(&["pc", "trace", "--admin-url", "http://e:1", "http://x/"])
            .unwrap()
            .task
        {
            Task::View { source, .. } => {
                assert_eq!(
                    source,
                    Source::AdminUrl(AdminUrl::parse("http://e:1").unwrap())
                )
            }
            other => panic!("{other:?}"),
        }
        match config(&["pc", "log", "--admin-url", "http://e:1"])
            .unwrap()
            .task
        {
            Task::Log { targets, .. } => assert_eq!(
                targets,
                LogTargets::AdminUrl(AdminUrl::parse("http://e:1").unwrap())
            ),
            other => panic!("{other:?}"),
        }
        for (args, expect) in [
            (
                &["pc", "l", "--admin-url", "127.0.0.1:15000"][..],
                "relative URL without a base",
            ),
            (
                &["pc", "l", "--admin-url", "http://e:1/?x=1"][..],
                "no query or fragment",
            ),
            (
                &["pc", "log", "pod", "--admin-url", "http://e:1"][..],
                "a target or --selector",
            ),
            (
                &[
                    "pc",
                    "diff",
                    "-f",
                    "a",
                    "-f",
                    "b",
                    "--admin-url",
                    "http://e:1",
                ][..],
                "--admin-url is not one",
            ),
            (
                &[
                    "pc",
                    "trace",
                    "pod",
                    "http://x/",
                    "--admin-url",
                    "http://e:1",
                ][..],
                "a target or --file",
            ),
            (
                &[
                    "pc",
                    "l",
                    "--admin-url",
                    "https://e:1",
                    "--insecure-skip-tls-verify=false",
                    "--certificate-authority",
                    "c",
                ][..],
                "",
            ),
        ] {
            match config(args) {
                Err(e) => {
                    assert_eq!(e.kind, Kind::Usage, "{args:?}");
                    assert!(e.message.contains(expect), "{args:?}: {}", e.message);
                }
                Ok(c) => {
                    assert_eq!(expect, "", "{args:?}");
                    assert_eq!(
                        c.cluster.admin_tls,
                        AdminTls {
                            certificate_authority: Some("c".into()),
                            insecure: false
                        }
                    );
                }
            }
        }
    }

    fn traced(args: &[&str]) -> TraceSpec {
        let mut all = vec!["pc", "trace", "-f", "d.json"];
        all.extend_from_slice(args);
        match config(&all).unwrap().task {
            Task::View {
                view: ViewKind::Trace(spec),
                ..
            } => *spec,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn trace_urls_become_the_connection_and_request_envoy_sees() {
        let s = traced(&[
            "http://Svc.ns:8080/a?b=1#frag",
            "-H",
            "X-A: 1",
            "-H",
            "x-a:2",
        ]);
        let r = &s.request;
        let http = r.http.as_ref().unwrap();
        assert_eq!((r.dest_ip, r.dest_port), (None, 8080));
        assert_eq!(http.authority, "Svc.ns:8080");
        assert_eq!(http.path, "/a?b=1");
        assert_eq!(http.method, "GET");
        assert_eq!(
            http.headers,
            [("x-a".into(), "1".into()), ("x-a".into(), "2".into())]
        );
        assert_eq!(s.service_host.as_deref(), Some("svc.ns"));
        assert!(r.tls.is_none());
        // The default port stays out of the Host; an IP host is the destination.
        let s = traced(&["http://10.0.0.1:80"]);
        let http = s.request.http.as_ref().unwrap();
        assert_eq!(
            (http.authority.as_str(), http.path.as_str()),
            ("10.0.0.1", "/")
        );
        assert_eq!(s.request.dest_ip, Some("10.0.0.1".parse().unwrap()));
        assert_eq!(s.service_host, None);
        // TLS: SNI from a name only; ALPN from --alpn.
        let s = traced(&[
            "https://api.example.com/",
            "--alpn",
            "h2",
            "--to",
            "[fd00::1]:8443",
        ]);
        let hello = s.request.tls.as_ref().unwrap();
        assert_eq!(hello.sni.as_deref(), Some("api.example.com"));
        assert_eq!(hello.alpn, ["h2"]);
        assert_eq!(s.request.dest_ip, Some("fd00::1".parse().unwrap()));
        assert_eq!(s.request.dest_port, 8443);
        assert!(traced(&["https://10.0.0.1/"])
            .request
            .tls
            .unwrap()
            .sni
            .is_none());
        // gRPC: HTTP/2 POST with the gRPC content type; raw TCP has no HTTP request.
        let s = traced(&["grpc://svc:9090/pkg.Svc/Call"]);
        let http = s.request.http.as_ref().unwrap();
        assert!(http.http2);
        assert_eq!(http.method, "POST");
        assert_eq!(
            http.header("content-type").as_deref(),
            Some("application/grpc")
        );
        assert!(traced(&["tcp://10.0.0.1:5432"]).request.http.is_none());
        // Host replaces the URL's authority; --from gives the source.
        let s = traced(&["http://a/", "-H", "Host: b:81", "--from", "10.1.1.1:5000"]);
        assert_eq!(s.request.http.unwrap().authority, "b:81");
        assert_eq!(s.request.source_ip, Some("10.1.1.1".parse().unwrap()));
        assert_eq!(s.request.source_port, Some(5000));
    }
}
