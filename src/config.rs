//! Raw flags from `cli.rs` turned into a checked configuration before any work starts: every
//! usage mistake is reported here, with one line, before a file is read or a cluster contacted.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::cli::{self, Cli, Command, View};
use crate::error::{Error, Result};
pub use crate::format::Format;

/// Where a view's data comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A saved dump or `/clusters` output; `-` is standard input.
    File(PathBuf),
    /// `[<type>/]<name>[.<namespace>]`, resolved through the Kubernetes API.
    Target(String),
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
    /// `--proxy-admin-port`: where Envoy's admin API listens inside the pod.
    pub proxy_admin_port: u16,
    /// `--request-timeout`: bounds everything one fetch does, from loading credentials on.
    pub request_timeout: Duration,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            kubeconfig: None,
            context: None,
            namespace: None,
            proxy_admin_port: 15000,
            request_timeout: Duration::from_secs(15),
        }
    }
}

/// Which pods `log` sets the levels of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogTargets {
    /// One target in any form `pc` accepts (`pod`, `deploy/x.ns`, ...).
    Target(String),
    /// `-l/--selector`: every pod matching the label selector in the namespace.
    Selector(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterFilter {
    pub fqdn: Option<String>,
    pub direction: Option<String>,
    pub subset: Option<String>,
    pub port: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerFilter {
    pub address: Option<String>,
    pub port: Option<u32>,
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
    pub port: Option<u32>,
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
}

#[derive(Debug, Clone)]
pub enum Task {
    View {
        view: ViewKind,
        source: Source,
        format: Format,
    },
    Log {
        targets: LogTargets,
        level: Option<String>,
        reset: bool,
    },
    RootcaCompare {
        first: String,
        second: String,
    },
    Completion(clap_complete::Shell),
}

#[derive(Debug, Clone)]
pub struct Config {
    pub task: Task,
    pub cluster: ClusterOptions,
}

impl Config {
    pub fn from_cli(cli: Cli) -> Result<Config> {
        let g = cli.global;
        let request_timeout = parse_duration(&g.request_timeout)?;
        let cluster = ClusterOptions {
            kubeconfig: g.kubeconfig,
            context: g.context,
            namespace: g.namespace,
            proxy_admin_port: g.proxy_admin_port,
            request_timeout,
        };
        let view = match cli.command {
            Command::Completion { shell } => {
                return Ok(Config {
                    task: Task::Completion(shell),
                    cluster,
                })
            }
            Command::ProxyConfig { view } => view,
        };
        let (view, source) = match view {
            View::All {
                source,
                clusters,
                port,
                address,
                listener_type,
                name,
                verbose,
                with_headers,
            } => (
                ViewKind::All(AllFilter {
                    clusters: cluster_filter(clusters, port),
                    listeners: ListenerFilter {
                        address: address.clone(),
                        port: nonzero(port),
                        listener_type,
                        verbose: verbose.verbose,
                    },
                    routes: RouteFilter {
                        name,
                        verbose: verbose.verbose,
                    },
                    endpoints: EndpointFilter {
                        address,
                        port: nonzero(port),
                        ..Default::default()
                    },
                    with_headers,
                }),
                source,
            ),
            View::Bootstrap { source } => (ViewKind::Bootstrap, source),
            View::Cluster {
                source,
                filter,
                port,
            } => (ViewKind::Clusters(cluster_filter(filter, port)), source),
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
                    address,
                    port: nonzero(port),
                    listener_type,
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
                    name,
                    verbose: verbose.verbose,
                }),
                source,
            ),
            View::Endpoint { source, filter } => {
                (ViewKind::Endpoints(endpoint_filter(filter)), source)
            }
            View::Eds { source, filter } => (ViewKind::Eds(endpoint_filter(filter)), source),
            View::Secret { source } => (ViewKind::Secrets, source),
            View::Ecds { source } => (ViewKind::Ecds, source),
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
                let request = trace_request(&url, &flags)?;
                let service_host = match (&request.dest_ip, to.as_deref()) {
                    (None, None) => url_host(&url),
                    _ => None,
                };
                let format = g.output.unwrap_or(Format::Short);
                if !matches!(format, Format::Short | Format::Json | Format::Yaml) {
                    return Err(Error::usage("trace prints -o short, json or yaml"));
                }
                return Ok(Config {
                    task: Task::View {
                        view: ViewKind::Trace(Box::new(TraceSpec {
                            url,
                            request,
                            explain,
                            service_host,
                            note: None,
                        })),
                        source,
                        format,
                    },
                    cluster,
                });
            }
            View::Log {
                target,
                level,
                reset,
                selector,
            } => {
                let targets = match (target, selector) {
                    (Some(target), None) => LogTargets::Target(target),
                    (None, Some(selector)) => LogTargets::Selector(selector),
                    (None, None) => {
                        return Err(Error::usage("log requires pod name or --selector"))
                    }
                    (Some(_), Some(_)) => {
                        return Err(Error::usage("log takes pod names or --selector, not both"))
                    }
                };
                return Ok(Config {
                    task: Task::Log {
                        targets,
                        level,
                        reset,
                    },
                    cluster,
                });
            }
            View::RootcaCompare { first, second } => {
                return Ok(Config {
                    task: Task::RootcaCompare { first, second },
                    cluster,
                })
            }
        };
        let source = match (source.target, source.file) {
            (Some(_), Some(_)) => {
                return Err(Error::usage(format!(
                    "{} takes a pod name or --file, not both",
                    view.command()
                )))
            }
            (Some(t), None) => Source::Target(t),
            (None, Some(f)) => Source::File(f),
            (None, None) => {
                return Err(Error::usage(format!(
                    "{} requires pod name or --file parameter",
                    view.command()
                )))
            }
        };
        let format = match g.output {
            None if view == ViewKind::Bootstrap => Format::Json,
            None => Format::Short,
            Some(format) => format,
        };
        Ok(Config {
            task: Task::View {
                view,
                source,
                format,
            },
            cluster,
        })
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
    mtls: bool,
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
    if f.mtls && scheme == "https" {
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
    let tls = if f.mtls {
        Some(ClientHello {
            sni: None,
            alpn: mtls_alpn.iter().map(|p| p.to_string()).collect(),
        })
    } else {
        None
    };
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
        http,
    })
}

/// istioctl treats a port of 0 as "no filter".
fn nonzero(port: Option<u32>) -> Option<u32> {
    port.filter(|p| *p != 0)
}

fn cluster_filter(a: cli::ClusterFilterArgs, port: Option<u32>) -> ClusterFilter {
    ClusterFilter {
        fqdn: a.fqdn,
        direction: a.direction,
        subset: a.subset,
        port: nonzero(port),
    }
}

fn endpoint_filter(a: cli::EndpointFilterArgs) -> EndpointFilter {
    EndpointFilter {
        address: a.address,
        port: nonzero(a.port),
        cluster: a.cluster,
        status: a.status,
    }
}

/// `15s`, `500ms`, `2m`, `1h`, or a bare number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration> {
    let bad = || {
        Error::usage(format!(
            "invalid --request-timeout {s:?}: use e.g. 15s, 500ms, 2m"
        ))
    };
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: f64 = num.parse().map_err(|_| bad())?;
    let secs = match unit {
        "" | "s" => n,
        "ms" => n / 1000.0,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        _ => return Err(bad()),
    };
    if !(secs > 0.0 && secs.is_finite()) {
        return Err(bad());
    }
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn config(args: &[&str]) -> Result<Config> {
        let cli = Cli::try_parse_from(std::iter::once("meshctl").chain(args.iter().copied()))
            .map_err(|e| Error::usage(e.to_string()))?;
        Config::from_cli(cli)
    }

    #[test]
    fn a_view_needs_a_target_or_a_file_like_istioctl() {
        let e = config(&["pc", "clusters"]).unwrap_err();
        assert_eq!(e.message, "cluster requires pod name or --file parameter");
        let e = config(&["pc", "l", "pod", "-f", "x.json"]).unwrap_err();
        assert_eq!(e.message, "listener takes a pod name or --file, not both");
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
        ])
        .unwrap();
        assert_eq!(c.cluster.context.as_deref(), Some("kind"));
        assert_eq!(c.cluster.namespace.as_deref(), Some("ns"));
        match c.task {
            Task::View { format, source, .. } => {
                assert_eq!(format, Format::Json);
                assert_eq!(source, Source::Target("web.default".into()));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn bootstrap_defaults_to_json_and_verbose_takes_a_value() {
        let c = config(&["pc", "b", "-f", "d.json"]).unwrap();
        assert!(matches!(
            c.task,
            Task::View {
                format: Format::Json,
                ..
            }
        ));
        let c = config(&["pc", "l", "-f", "d.json", "--verbose=false", "--port", "0"]).unwrap();
        match c.task {
            Task::View {
                view: ViewKind::Listeners(f),
                ..
            } => {
                assert!(!f.verbose);
                assert_eq!(f.port, None);
            }
            other => panic!("unexpected {other:?}"),
        }
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
    fn durations_parse_and_nonsense_is_refused() {
        assert_eq!(parse_duration("15s").unwrap(), Duration::from_secs(15));
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("2m").unwrap(), Duration::from_secs(120));
        assert_eq!(parse_duration("3").unwrap(), Duration::from_secs(3));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("fast").is_err());
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

    #[test]
    fn admin_port_must_be_a_real_port() {
        assert!(config(&["pc", "c", "-f", "x", "--proxy-admin-port", "0"]).is_err());
        assert!(config(&["pc", "c", "-f", "x", "--proxy-admin-port", "70000"]).is_err());
    }
}
