//! Live mode: reach the Envoy admin API of a pod through the Kubernetes API alone.
//!
//! The target is resolved to one pod (`resolve`), a port-forward is opened in-process over the API
//! server's WebSocket (`forward`), and HTTP/1.1 is spoken over that stream with hyper. Nothing
//! listens on a local port and no kubectl is needed. The public entry points are synchronous: each
//! builds a current-thread runtime, so callers need not know about tokio.

mod cluster;
pub mod fleet;
mod forward;
pub mod log;
mod request;
mod resolve;
pub mod rootca;
mod spinner;

use std::cell::RefCell;
use std::future::Future;
use std::time::Duration;

use crate::config::ClusterOptions;
use crate::error::Error;
use crate::target;

use crate::input::received::Received;
use cluster::Session;
pub use request::{admin_request, diff_request, AdminRequest};
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

/// Fetches one admin path from the Envoy behind `target` and returns the 200 body, fully read.
/// The whole operation, credentials and target resolution included, is bounded by
/// `opts.request_timeout`.
pub fn fetch(
    opts: &ClusterOptions,
    target: &str,
    method: Method,
    path_and_query: &str,
) -> Result<Received, Error> {
    ask(opts, target, Ask::One(method, path_and_query))
}

/// Fetches what a view needs. When the request can be narrowed by `name_regex`, `/server_info`
/// is asked first, on the same connection, whether this Envoy supports it.
pub fn fetch_view(
    opts: &ClusterOptions,
    target: &str,
    request: &AdminRequest,
) -> Result<Received, Error> {
    ask(opts, target, Ask::View(request))
}

/// Fetches what `trace` needs and, when `service_host` names a Service (`name`, `name.ns`,
/// `name.ns.svc[.cluster.local]`), that Service's ClusterIP, asked on the same session; the
/// namespace defaults to the pod's. The ClusterIP is Err with the reason when the Service cannot
/// be read or has none: the trace then says what it assumed instead.
pub fn fetch_trace(
    opts: &ClusterOptions,
    target: &str,
    request: &AdminRequest,
    service_host: Option<&str>,
) -> Result<(Received, Option<Result<std::net::IpAddr, String>>), Error> {
    ask_with_service(opts, target, Ask::View(request), service_host)
}

enum Ask<'a> {
    One(Method, &'a str),
    View(&'a AdminRequest),
}

fn ask(opts: &ClusterOptions, target: &str, ask: Ask) -> Result<Received, Error> {
    ask_with_service(opts, target, ask, None).map(|(body, _)| body)
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
    target: &str,
    ask: Ask,
    service_host: Option<&str>,
) -> Result<(Received, Option<Result<std::net::IpAddr, String>>), Error> {
    let target = target::parse(target);
    let (method, path) = match &ask {
        Ask::One(method, path) => (*method, *path),
        Ask::View(request) => (Method::Get, request.path.as_str()),
    };
    let _spinner =
        spinner::Spinner::start(format!("asking {target} for {} {path}", method.as_str()));
    block_on(async {
        let progress = Progress::new("loading the kubeconfig");
        let (session, connection, body) = within(opts, &progress, async {
            let session = Session::connect(opts, &progress).await?;
            let pod = resolve::resolve(&session, &target, &progress).await?;
            let cluster_ip = match service_host.and_then(service_name) {
                Some((name, ns)) => {
                    let ns = ns.unwrap_or(&pod.namespace);
                    progress.set(format!("reading Service {name}.{ns}"));
                    Some(resolve::cluster_ip(&session, name, ns).await)
                }
                None => None,
            };
            let mut connection =
                forward::AdminConnection::open(&session, &pod, opts.proxy_admin_port, &progress)
                    .await?;
            let path = match ask {
                Ask::View(request) if request.narrowed.is_some() => {
                    let supported = supports_name_regex(&mut connection, &progress).await?;
                    request.path_for(supported)
                }
                _ => path,
            };
            let body = connection.request(method, path, &progress).await?;
            Ok((session, connection, (body, cluster_ip)))
        })
        .await?;
        // Closing happens after the deadline: the answer is already in hand.
        connection.close().await;
        drop(session);
        Ok(body)
    })
}

/// The first Envoy release taken to filter `/config_dump` by `name_regex`. The parameter came
/// with envoyproxy/envoy#16774, reviewed in June 2021: 1.18 (April 2021) predates it, and
/// whether 1.19 (July 2021) has it is not settled here, so 1.20 is the first trusted. Guessing
/// wrong costs only bytes, never the answer: an Envoy ignores the parameter it does not know,
/// and the view filters again.
const NAME_REGEX_SINCE: (u32, u32) = (1, 20);

/// Whether the Envoy at the other end filters by `name_regex`, by the version in its
/// `/server_info`. An Envoy that will not say (an admin API that refuses the path, an unreadable
/// version) is taken not to.
async fn supports_name_regex(
    connection: &mut forward::AdminConnection,
    progress: &Progress,
) -> Result<bool, Error> {
    let (status, body) = connection
        .exchange(Method::Get, "/server_info", progress)
        .await?;
    Ok(status == hyper::StatusCode::OK
        && envoy_version(&body).is_some_and(|v| v >= NAME_REGEX_SINCE))
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
