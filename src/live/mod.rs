//! Live mode: reach the Envoy admin API of a pod through the Kubernetes API alone, or an admin
//! endpoint directly.
//!
//! The target is resolved to one pod (`resolve`), its admin port chosen (`admin_port`), a
//! port-forward is opened in-process over the API server's WebSocket (`forward`), and HTTP/1.1 is
//! spoken over that stream with hyper. Nothing listens on a local port and no kubectl is needed.
//! An `--admin-url` is asked with reqwest instead (`direct`); either way the same requests are
//! made and judged (`admin`). The public entry points are synchronous: each builds a
//! current-thread runtime, so callers need not know about tokio.

mod admin;
mod admin_port;
mod cluster;
mod direct;
pub mod fleet;
mod forward;
pub mod log;
pub mod names;
mod request;
mod resolve;
pub mod rootca;
mod spinner;

use std::cell::RefCell;
use std::future::Future;
use std::time::Duration;

use crate::config::{AdminUrl, ClusterOptions};
use crate::error::Error;
use crate::target;

use crate::input::received::Received;
use admin::AdminConnection;
use cluster::Session;
use k8s_openapi::api::core::v1::Pod;
pub use request::{admin_request, diff_request, trace_section, AdminRequest, TraceSection};
pub use resolve::PodRef;

/// An admin request method. Envoy's admin API takes GET for reads and POST for changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// The Envoy to ask.
#[derive(Debug, Clone, Copy)]
pub enum Proxy<'a> {
    /// A target, `[<type>/]<name>[.<namespace>]`, resolved to a pod through the Kubernetes API.
    Pod(&'a str),
    /// An admin endpoint asked directly.
    AdminUrl(&'a AdminUrl),
}

/// Fetches one admin path from the Envoy behind `target` and returns the 200 body, fully read.
/// The whole operation, credentials and target resolution included, is bounded by
/// `opts.request_timeout`.
pub fn fetch(
    opts: &ClusterOptions,
    target: &str,
    method: Method,
    path_and_query: &str,
) -> Result<Received, Error> {
    ask(opts, Proxy::Pod(target), Ask::One(method, path_and_query))
}

/// Fetches what a view needs. When the request can be narrowed by `name_regex`, `/server_info`
/// is asked first, on the same connection, whether this Envoy supports it.
pub fn fetch_view(
    opts: &ClusterOptions,
    proxy: Proxy,
    request: &AdminRequest,
) -> Result<Received, Error> {
    ask(opts, proxy, Ask::View(request))
}

/// What a live proxy answered for a view.
pub struct ViewAnswers {
    pub dump: Received,
    /// `-o wide`'s counters (`request.stats`), asked right after the dump.
    pub stats: Option<Received>,
    /// `/server_info`, when the view needs the proxy's node (`request.node`) and Envoy gave it.
    pub server_info: Option<Received>,
}

/// Fetches what a view needs on one connection: `/server_info` first when the request can be
/// narrowed by `name_regex`, the dump, `-o wide`'s counters, then `/server_info` when the view
/// needs the node and has not asked it yet.
pub fn fetch_view_answers(
    opts: &ClusterOptions,
    proxy: Proxy,
    request: &AdminRequest,
) -> Result<ViewAnswers, Error> {
    let (bodies, _) = ask_with_service(opts, proxy, Ask::View(request), None)?;
    view_answers(bodies, request)
}

/// A view's answers, in the order `ask_endpoint` asked them.
fn view_answers(bodies: Vec<Received>, request: &AdminRequest) -> Result<ViewAnswers, Error> {
    let mut bodies = bodies.into_iter();
    let dump = bodies.next().ok_or_else(|| Error::proxy("no answer"))?;
    let stats = match request.stats {
        Some(_) => bodies.next(),
        None => None,
    };
    Ok(ViewAnswers {
        dump,
        stats,
        server_info: bodies.next(),
    })
}

/// The ClusterIP of the Service a trace's URL names: None when it names none (or no cluster is
/// asked), Err with the reason when the Service cannot be read or has none.
pub type ClusterIp = Option<Result<std::net::IpAddr, String>>;

/// What a staged fetch has received so far, for deciding what to ask next.
pub struct Answers<'a> {
    /// The bodies in the order asked: the first request's, then each round's.
    pub bodies: &'a [Received],
    /// Whether this Envoy filters `/config_dump` by `name_regex`.
    pub name_regex: bool,
    /// The ClusterIP of the Service `service_host` named, as `fetch_rounds` returns it.
    pub cluster_ip: Option<&'a Result<std::net::IpAddr, String>>,
}

/// Picks the paths of a staged fetch's next round from its answers so far; none ends it.
pub type NextRound<'a> = dyn FnMut(&Answers) -> Result<Vec<String>, Error> + 'a;

/// Fetches in rounds on one connection, for a command whose later requests depend on earlier
/// answers (`trace`: the listeners, then the route configuration and clusters they lead to):
/// `first`, then each round `next` names. When the proxy is a pod and `service_host` names a
/// Service (`name`, `name.ns`, `name.ns.svc[.cluster.local]`), that Service's ClusterIP is read
/// first, on the same session; the namespace defaults to the pod's.
pub fn fetch_rounds(
    opts: &ClusterOptions,
    proxy: Proxy,
    first: &str,
    service_host: Option<&str>,
    next: &mut NextRound,
) -> Result<(Vec<Received>, ClusterIp), Error> {
    ask_with_service(opts, proxy, Ask::Rounds(first, next), service_host)
}

enum Ask<'a, 'n> {
    One(Method, &'a str),
    View(&'a AdminRequest),
    Rounds(&'a str, &'a mut NextRound<'n>),
}

fn ask(opts: &ClusterOptions, proxy: Proxy, ask: Ask) -> Result<Received, Error> {
    let (mut bodies, _) = ask_with_service(opts, proxy, ask, None)?;
    Ok(bodies.remove(0))
}

/// A Service host's name and namespace: `name`, `name.ns`, `name.ns.svc`, `name.ns.svc.<domain>`.
fn service_name(host: &str) -> Option<(&str, Option<&str>)> {
    let parts: Vec<&str> = host.split('.').collect();
    match parts.as_slice() {
        [name] => Some((name, None)),
        [name, ns] => Some((name, Some(ns))),
        [name, ns, "svc", ..] => Some((name, Some(ns))),
        _ => None,
    }
}

fn ask_with_service(
    opts: &ClusterOptions,
    proxy: Proxy,
    ask: Ask,
    service_host: Option<&str>,
) -> Result<(Vec<Received>, ClusterIp), Error> {
    let (method, path) = match &ask {
        Ask::One(method, path) => (*method, *path),
        Ask::View(request) => (Method::Get, request.path.as_str()),
        Ask::Rounds(first, _) => (Method::Get, *first),
    };
    let target = match proxy {
        Proxy::AdminUrl(url) => {
            let _spinner = spinner::Spinner::start(format!(
                "asking {} for {} {path}",
                url.text,
                method.as_str()
            ));
            return block_on(async {
                let progress = Progress::new(format!("connecting to {}", url.text));
                let mut connection =
                    AdminConnection::Direct(direct::Direct::open(url, &opts.admin_tls)?);
                let bodies = within(
                    opts,
                    &progress,
                    ask_endpoint(&mut connection, ask, None, &progress),
                )
                .await?;
                Ok((bodies, None))
            });
        }
        Proxy::Pod(target) => target::parse(target),
    };
    let _spinner =
        spinner::Spinner::start(format!("asking {target} for {} {path}", method.as_str()));
    block_on(async {
        let progress = Progress::new("loading the kubeconfig");
        let (session, connection, body) = within(opts, &progress, async {
            let session = Session::connect(opts, &progress).await?;
            let (pod, spec) = resolve::resolve(&session, &target, &progress).await?;
            let cluster_ip = match service_host.and_then(service_name) {
                Some((name, ns)) => {
                    let ns = ns.unwrap_or(&pod.namespace);
                    progress.set(format!("reading Service {name}.{ns}"));
                    Some(resolve::cluster_ip(&session, name, ns).await)
                }
                None => None,
            };
            let mut connection = open_forwarded(&session, opts, &pod, &spec, &progress).await?;
            let bodies = ask_endpoint(&mut connection, ask, cluster_ip.as_ref(), &progress).await?;
            Ok((session, connection, (bodies, cluster_ip)))
        })
        .await?;
        // Closing happens after the deadline: the answer is already in hand.
        connection.close().await;
        drop(session);
        Ok(body)
    })
}

/// Opens a port-forward to the admin port of `pod`: `--proxy-admin-port`, else the one found from
/// the pod's proxy container; `-v` says which and why.
pub(crate) async fn open_forwarded(
    session: &Session,
    opts: &ClusterOptions,
    pod: &PodRef,
    spec: &Pod,
    progress: &Progress,
) -> Result<AdminConnection, Error> {
    let choice = admin_port::choose(spec, pod, opts.container.as_deref(), opts.proxy_admin_port)?;
    if opts.say_more {
        eprintln!("{pod}: admin port {}: {}", choice.port, choice.why);
    }
    let connection = forward::Forwarded::open(session, pod, choice.port, progress).await?;
    Ok(AdminConnection::Forwarded(connection))
}

/// Asks one admin endpoint, however it is reached, for what `ask` names: for a view that can be
/// narrowed, and before rounds, `/server_info` first to learn whether `name_regex` is understood.
async fn ask_endpoint(
    connection: &mut AdminConnection,
    ask: Ask<'_, '_>,
    cluster_ip: Option<&Result<std::net::IpAddr, String>>,
    progress: &Progress,
) -> Result<Vec<Received>, Error> {
    match ask {
        Ask::One(method, path) => Ok(vec![connection.request(method, path, progress).await?]),
        Ask::View(request) => {
            // Whether `name_regex` is understood is needed before the dump; the node only
            // after it.
            let mut info = match request.narrowed {
                Some(_) => Some(server_info(connection, progress).await?),
                None => None,
            };
            let supported = info.as_ref().is_some_and(|i| i.name_regex);
            let mut bodies = vec![
                connection
                    .request(Method::Get, request.path_for(supported), progress)
                    .await?,
            ];
            // A view's `-o wide` counters, asked right after its dump.
            if let Some(stats) = &request.stats {
                bodies.push(connection.request(Method::Get, stats, progress).await?);
            }
            if request.node {
                if info.is_none() {
                    info = Some(server_info(connection, progress).await?);
                }
                bodies.extend(info.and_then(|i| i.body));
            }
            Ok(bodies)
        }
        Ask::Rounds(first, next) => {
            let name_regex = server_info(connection, progress).await?.name_regex;
            let mut bodies = vec![connection.request(Method::Get, first, progress).await?];
            loop {
                let answers = Answers {
                    bodies: &bodies,
                    name_regex,
                    cluster_ip,
                };
                let paths = next(&answers)?;
                if paths.is_empty() {
                    return Ok(bodies);
                }
                for path in paths {
                    bodies.push(connection.request(Method::Get, &path, progress).await?);
                }
            }
        }
    }
}

/// The first Envoy release taken to filter `/config_dump` by `name_regex`. The parameter came
/// with envoyproxy/envoy#16774, reviewed in June 2021: 1.18 (April 2021) predates it, and
/// whether 1.19 (July 2021) has it is not settled here, so 1.20 is the first trusted. Guessing
/// wrong costs only bytes, never the answer: an Envoy ignores the parameter it does not know,
/// and the view filters again.
const NAME_REGEX_SINCE: (u32, u32) = (1, 20);

/// What `/server_info` says: whether the Envoy at the other end filters by `name_regex`, by
/// its version (an Envoy that will not say, an admin API that refuses the path or an unreadable
/// version, is taken not to), and the answer itself when it was a 200.
struct ServerInfo {
    name_regex: bool,
    body: Option<Received>,
}

async fn server_info(
    connection: &mut AdminConnection,
    progress: &Progress,
) -> Result<ServerInfo, Error> {
    let (status, body) = connection
        .exchange(Method::Get, "/server_info", progress)
        .await?;
    if status != hyper::StatusCode::OK {
        return Ok(ServerInfo {
            name_regex: false,
            body: None,
        });
    }
    let mut received = Received::with_capacity(body.len())
        .map_err(|e| Error::proxy(format!("cannot hold /server_info: {e}")))?;
    received
        .extend(&body)
        .map_err(|e| Error::proxy(format!("cannot hold /server_info: {e}")))?;
    Ok(ServerInfo {
        name_regex: envoy_version(&body).is_some_and(|v| v >= NAME_REGEX_SINCE),
        body: Some(received),
    })
}

/// Major and minor version from `/server_info`'s `version`, which reads
/// `<commit>/<major>.<minor>.<patch>[-suffix]/<status>/<build type>/<TLS library>`.
fn envoy_version(server_info: &[u8]) -> Option<(u32, u32)> {
    #[derive(serde::Deserialize)]
    struct ServerInfo<'a> {
        #[serde(borrow)]
        version: std::borrow::Cow<'a, str>,
    }
    let info: ServerInfo = serde_json::from_slice(server_info).ok()?;
    let number = info.version.split('/').nth(1)?;
    let mut parts = number.split(['.', '-']);
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// What the current operation is waiting on, so a timeout can say what timed out.
pub(crate) struct Progress(RefCell<String>);

impl Progress {
    pub(crate) fn new(stage: impl Into<String>) -> Self {
        Progress(RefCell::new(stage.into()))
    }

    pub(crate) fn set(&self, stage: impl Into<String>) {
        *self.0.borrow_mut() = stage.into();
    }

    fn current(&self) -> String {
        self.0.borrow().clone()
    }
}

/// Runs `work` within the request timeout; on expiry the error names the stage that was running
/// and the flag that set the timeout.
pub(crate) async fn within<T>(
    opts: &ClusterOptions,
    progress: &Progress,
    work: impl Future<Output = Result<T, Error>>,
) -> Result<T, Error> {
    let limit = opts.request_timeout;
    match tokio::time::timeout(limit, work).await {
        Ok(result) => result,
        Err(_) => Err(Error::timeout(format!(
            "timed out after {} {} ({})",
            format_duration(limit),
            progress.current(),
            opts.timeout_flag
        ))),
    }
}

fn format_duration(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{}s", d.as_secs())
    } else if d.as_secs() == 0 {
        format!("{}ms", d.as_millis())
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

/// Drives a future to completion on a fresh current-thread runtime.
pub(crate) fn block_on<T>(work: impl Future<Output = Result<T, Error>>) -> Result<T, Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::kube(format!("cannot start the async runtime: {e}")))?;
    let result = runtime.block_on(work);
    // Do not wait for a blocking task (an exec credential plugin) that the timeout gave up on.
    runtime.shutdown_background();
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Exit;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(Duration::from_secs(15)), "15s");
        assert_eq!(format_duration(Duration::from_millis(300)), "300ms");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1.5s");
    }

    #[test]
    fn a_timeout_names_the_stage_that_ran_out() {
        let err = block_on(async {
            let progress = Progress::new("loading");
            let opts = ClusterOptions {
                request_timeout: Duration::from_millis(20),
                ..Default::default()
            };
            within(&opts, &progress, async {
                progress.set("waiting for Envoy's answer to GET /ready from pod \"web\"");
                tokio::time::sleep(Duration::from_secs(5)).await;
                Ok(())
            })
            .await
        })
        .unwrap_err();
        assert_eq!(err.code(), Exit::Timeout);
        assert_eq!(
            err.message,
            "timed out after 20ms waiting for Envoy's answer to GET /ready from pod \"web\" \
             (--request-timeout)"
        );
    }

    #[test]
    fn the_envoy_version_is_read_from_server_info() {
        let info = |version: &str| format!(r#"{{"version": "{version}", "state": "LIVE"}}"#);
        let version = |v: &str| envoy_version(info(v).as_bytes());
        assert_eq!(
            version("0123abcd/1.40.0/Clean/RELEASE/BoringSSL"),
            Some((1, 40))
        );
        assert_eq!(
            version("0123abcd/1.19.1/Modified/DEBUG/OpenSSL"),
            Some((1, 19))
        );
        assert_eq!(
            version("0123abcd/1.27.0-dev/Clean/RELEASE/BoringSSL"),
            Some((1, 27))
        );
        assert_eq!(version("istio-proxy"), None);
        assert_eq!(version("0123abcd/latest/Clean/RELEASE/BoringSSL"), None);
        assert_eq!(envoy_version(b"<html>admin</html>"), None);
        assert_eq!(envoy_version(br#"{"state": "LIVE"}"#), None);
    }
}
