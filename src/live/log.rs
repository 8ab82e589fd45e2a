//! `pc log`: show and change Envoy's logger levels through its admin API.
//!
//! As istioctl: every pod of the target (or of `-l`) is asked for its loggers first, `--level` is
//! read against the last pod's list, then each pod gets its requests, and the pods that failed
//! are listed together. Unlike istioctl, logger names must equal a listed logger (no substring
//! matches), a bare level combines with logger levels in any order, and `--reset` restores the
//! levels Envoy was started with, read from `/server_info`, per-component levels included.

use std::io::Write;

use k8s_openapi::api::core::v1::Pod;
use serde_json::Value;

use super::admin::AdminConnection;
use super::cluster::Session;
use super::direct::Direct;
use super::resolve::PodRef;
use super::{block_on, spinner, within, Method, Progress};
use crate::config::{AdminUrl, ClusterOptions, LogTargets, PodSelection};
use crate::error::{Error, Kind};
use crate::target;

/// The level names `--level` takes: Envoy's own, and `warn` for `warning`.
pub const LEVELS: [&str; 8] = [
    "trace", "debug", "info", "warning", "warn", "error", "critical", "off",
];

/// The logger name that stands for every logger.
const ALL_LOGGERS: &str = "level";

#[derive(Debug, Clone)]
pub struct LogRequest {
    pub targets: LogTargets,
    /// `--level`: comma-separated `level` or `logger:level` items.
    pub level: Option<String>,
    /// `--reset`: back to the levels the proxy was started with (before `--level`, when a
    /// library caller gives both).
    pub reset: bool,
}

/// What `--level` asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LevelPlan {
    /// A bare level (or `level:<L>`) for every logger; the last one given wins. Sent first.
    pub all: Option<String>,
    /// Per logger, in the order first named, the last level given.
    pub loggers: Vec<(String, String)>,
}

impl LevelPlan {
    /// The admin requests that apply the plan, in order.
    fn paths(&self) -> Vec<String> {
        self.all
            .iter()
            .map(|level| format!("/logging?{ALL_LOGGERS}={level}"))
            .chain(
                self.loggers
                    .iter()
                    .map(|(name, level)| format!("/logging?{name}={level}")),
            )
            .collect()
    }
}

/// Envoy's name for a level given to `--level`.
fn level_of(text: &str) -> Result<String, Error> {
    match text {
        "warn" => Ok("warning".to_string()),
        level if LEVELS.contains(&level) => Ok(level.to_string()),
        other => Err(Error::usage(format!("unrecognized logging level: {other}"))),
    }
}

/// Reads `--level` as istioctl does: items split at `,`; an item with neither `:` nor `=` is a
/// bare level; otherwise all up to its last `::` is dropped (a namespace prefix,
/// `envoy::http:debug`) and the rest splits at the first `:` or `=` into a logger, which must be
/// one of `known` (or `level`), and its level. Items are checked in order.
pub fn parse_levels(text: &str, known: &[String]) -> Result<LevelPlan, Error> {
    let mut plan = LevelPlan::default();
    for item in text.split(',') {
        if !item.contains([':', '=']) {
            plan.all = Some(level_of(item)?);
            continue;
        }
        let item = item.rfind("::").map_or(item, |at| &item[at + 2..]);
        let (logger, level) = match item.find([':', '=']) {
            Some(at) => (&item[..at], &item[at + 1..]),
            None => (item, ""),
        };
        if logger != ALL_LOGGERS && !known.iter().any(|k| k == logger) {
            return Err(Error::usage(format!("unrecognized logger name: {logger}")));
        }
        let level = level_of(level)?;
        if logger == ALL_LOGGERS {
            plan.all = Some(level);
        } else if let Some(entry) = plan.loggers.iter_mut().find(|(name, _)| name == logger) {
            entry.1 = level;
        } else {
            plan.loggers.push((logger.to_string(), level));
        }
    }
    Ok(plan)
}

/// Reads Envoy's `active loggers:` listing into `(name, level)` pairs.
pub fn parse_active_loggers(body: &str) -> Result<Vec<(String, String)>, Error> {
    let mut lines = body.lines().skip_while(|l| l.trim() != "active loggers:");
    if lines.next().is_none() {
        return Err(Error::proxy(format!(
            "the proxy's /logging answer has no \"active loggers:\" list: {}",
            body.lines().next().unwrap_or("(empty)")
        )));
    }
    let mut loggers = Vec::new();
    for line in lines.map(str::trim).filter(|l| !l.is_empty()) {
        let Some((name, level)) = line.split_once(": ") else {
            return Err(Error::proxy(format!(
                "unexpected line in the proxy's logger list: {line:?}"
            )));
        };
        loggers.push((name.trim().to_string(), level.trim().to_string()));
    }
    Ok(loggers)
}

/// The requests that restore the levels Envoy was started with: its `--log-level`, then each
/// `--component-log-level` entry, as `/server_info` reports them.
pub fn reset_paths(server_info: &[u8]) -> Result<Vec<String>, Error> {
    let info: Value = serde_json::from_slice(server_info)
        .map_err(|e| Error::proxy(format!("the proxy's /server_info is not JSON: {e}")))?;
    let options = &info["command_line_options"];
    let Some(default_level) = options["log_level"].as_str().filter(|l| !l.is_empty()) else {
        return Err(Error::proxy(
            "the proxy's /server_info has no command_line_options.log_level to reset to",
        ));
    };
    let mut plan = LevelPlan {
        all: Some(default_level.to_string()),
        loggers: Vec::new(),
    };
    let components = options["component_log_level"].as_str().unwrap_or("");
    for item in components
        .split(',')
        .map(str::trim)
        .filter(|i| !i.is_empty())
    {
        let Some((name, level)) = item.split_once(':') else {
            return Err(Error::proxy(format!(
                "the proxy's --component-log-level has a malformed item {item:?}"
            )));
        };
        plan.loggers.push((name.to_string(), level.to_string()));
    }
    Ok(plan.paths())
}

/// Writes a logger list: `active loggers:` then `  name: level`, sorted by name.
pub fn write_loggers(out: &mut impl Write, loggers: &[(String, String)]) -> std::io::Result<()> {
    let mut sorted: Vec<_> = loggers.iter().collect();
    sorted.sort();
    writeln!(out, "active loggers:")?;
    for (name, level) in sorted {
        writeln!(out, "  {name}: {level}")?;
    }
    Ok(())
}

/// `pc log`: asks every selected proxy for its loggers, reads `--level` against the last list,
/// then applies `--reset` or `--level` (or nothing) to each and prints, per pod that succeeded,
/// `<pod>.<namespace>:` and its loggers. The pods that failed make one error listing each.
pub fn log(opts: &ClusterOptions, request: &LogRequest, out: &mut impl Write) -> Result<(), Error> {
    let what = match &request.targets {
        LogTargets::Target(text) => text.clone(),
        LogTargets::Selector(selector) => format!("pods matching {selector}"),
        LogTargets::AdminUrl(url) => url.text.clone(),
    };
    let _spinner = spinner::Spinner::start(format!("asking {what} for their log levels"));
    block_on(async {
        // Each proxy's name in the output (`<pod>.<namespace>`, or the admin URL), then how to
        // reach it.
        let (session, peers) = match &request.targets {
            LogTargets::AdminUrl(url) => (None, vec![(url.text.clone(), Peer::Url(url))]),
            targets => {
                let progress = Progress::new("loading the kubeconfig");
                let (session, pods) = within(opts, &progress, async {
                    let session = Session::connect(opts, &progress).await?;
                    let pods = select_pods(&session, targets, &progress).await?;
                    Ok((session, pods))
                })
                .await?;
                // No admin request before every pod is known to be running.
                for (pod, namespace) in &pods {
                    target::ensure_running(pod, namespace)?;
                }
                let peers = pods
                    .into_iter()
                    .map(|(pod, namespace)| {
                        let pod_ref = PodRef::of(&pod, &namespace);
                        let name = format!("{}.{}", pod_ref.name, pod_ref.namespace);
                        (name, Peer::Pod(pod_ref, Box::new(pod)))
                    })
                    .collect();
                (Some(session), peers)
            }
        };

        // Every proxy's loggers first; one that cannot say ends the command.
        let mut connections = Vec::new();
        let mut known = Vec::new();
        for (_, peer) in &peers {
            let progress = Progress::new(match peer {
                Peer::Pod(pod, _) => format!("opening a port-forward to {pod}"),
                Peer::Url(url) => format!("connecting to {}", url.text),
            });
            let listed = within(opts, &progress, async {
                let mut connection = match (peer, &session) {
                    (Peer::Pod(pod, spec), Some(session)) => {
                        super::open_forwarded(session, opts, pod, spec, &progress).await?
                    }
                    (Peer::Url(url), _) => {
                        AdminConnection::Direct(Direct::open(url, &opts.admin_tls)?)
                    }
                    (Peer::Pod(..), None) => unreachable!("pods come with a session"),
                };
                let body = connection
                    .request(Method::Post, "/logging", &progress)
                    .await?;
                let loggers = parse_active_loggers(&String::from_utf8_lossy(&body))?;
                Ok((connection, loggers))
            })
            .await;
            let (connection, loggers) = listed.map_err(|e| {
                Error::new(
                    e.kind,
                    format!("failed to execute command on Envoy: {}", e.message),
                )
            })?;
            connections.push(connection);
            known = loggers.into_iter().map(|(name, _)| name).collect();
        }
        let plan = match &request.level {
            Some(text) => parse_levels(text, &known)?,
            None => LevelPlan::default(),
        };

        let mut failures: Vec<(Kind, String)> = Vec::new();
        for ((name, _), mut connection) in peers.iter().zip(connections) {
            let progress = Progress::new(format!("setting the log levels of {name}"));
            let outcome = within(opts, &progress, async {
                apply(&mut connection, request.reset, &plan, &progress).await
            })
            .await;
            connection.close().await;
            match outcome {
                Ok(loggers) => {
                    writeln!(out, "{name}:")?;
                    write_loggers(out, &loggers)?;
                }
                Err(e) => failures.push((
                    e.kind,
                    format!("error configuring log level for {name}: {}", e.message),
                )),
            }
        }
        match failures.first() {
            None => Ok(()),
            Some((kind, _)) => {
                let reasons: Vec<String> = failures.iter().map(|(_, r)| r.clone()).collect();
                Err(Error::several(*kind, &reasons))
            }
        }
    })
}

/// A proxy `log` works on.
enum Peer<'a> {
    Pod(PodRef, Box<Pod>),
    Url(&'a AdminUrl),
}

/// The pods `log` works on, each with its namespace, in the API's list order.
async fn select_pods(
    session: &Session,
    targets: &LogTargets,
    progress: &Progress,
) -> Result<Vec<(Pod, String)>, Error> {
    let selection = match targets {
        LogTargets::Target(text) => PodSelection::Target(text.clone()),
        LogTargets::AdminUrl(_) => unreachable!("an admin URL is no pod"),
        LogTargets::Selector(selector) => PodSelection::Selector {
            selector: selector.clone(),
            all_namespaces: false,
        },
    };
    super::fleet::select_pods(session, &selection, progress).await
}

/// One pod's requests: the reset's and the plan's, or a plain `POST /logging` when there is
/// nothing to set. As in istioctl, the pod's outcome is its last request's.
async fn apply(
    connection: &mut AdminConnection,
    reset: bool,
    plan: &LevelPlan,
    progress: &Progress,
) -> Result<Vec<(String, String)>, Error> {
    let mut paths = Vec::new();
    if reset {
        let server_info = connection
            .request(Method::Get, "/server_info", progress)
            .await?;
        paths.extend(reset_paths(&server_info)?);
    }
    paths.extend(plan.paths());
    if paths.is_empty() {
        paths.push("/logging".to_string());
    }
    let mut outcome = Err(Error::proxy("no request was sent"));
    for path in &paths {
        outcome = connection.request(Method::Post, path, progress).await;
    }
    parse_active_loggers(&String::from_utf8_lossy(&outcome?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Exit;

    fn known() -> Vec<String> {
        ["admin", "http", "http2", "router", "upstream"]
            .iter()
            .map(|n| n.to_string())
            .collect()
    }

    fn plan(all: Option<&str>, loggers: &[(&str, &str)]) -> LevelPlan {
        LevelPlan {
            all: all.map(str::to_string),
            loggers: loggers
                .iter()
                .map(|(n, l)| (n.to_string(), l.to_string()))
                .collect(),
        }
    }

    #[test]
    fn level_items_parse_as_istioctl_reads_them() {
        let parse = |text| parse_levels(text, &known()).unwrap();
        assert_eq!(parse("debug"), plan(Some("debug"), &[]));
        // `warn` is sent as Envoy's `warning`; `=` splits like `:`.
        assert_eq!(
            parse("http:warn,router=trace"),
            plan(None, &[("http", "warning"), ("router", "trace")])
        );
        // A namespace prefix is dropped up to the last `::`.
        assert_eq!(
            parse("envoy::http:debug,a::b::router=info"),
            plan(None, &[("http", "debug"), ("router", "info")])
        );
        // `level` is every logger; later values win, loggers keep their first place.
        assert_eq!(
            parse("http:debug,info,router:trace,level:error,http:off"),
            plan(Some("error"), &[("http", "off"), ("router", "trace")])
        );
        // A bare level erases no logger level, whatever the order given.
        assert_eq!(
            parse("http:debug,warning"),
            plan(Some("warning"), &[("http", "debug")])
        );
        assert_eq!(
            parse("http:debug,warning").paths(),
            ["/logging?level=warning", "/logging?http=debug"]
        );
    }

    #[test]
    fn bad_level_items_are_refused_in_order() {
        for (text, expect) in [
            ("loud", "unrecognized logging level: loud"),
            ("DEBUG", "unrecognized logging level: DEBUG"),
            ("debug,", "unrecognized logging level: "),
            ("http:loud", "unrecognized logging level: loud"),
            ("http:", "unrecognized logging level: "),
            // Exact logger names only: istioctl would take these substrings of its list.
            ("htt:debug", "unrecognized logger name: htt"),
            ("ttp:debug", "unrecognized logger name: ttp"),
            ("HTTP:debug", "unrecognized logger name: HTTP"),
            (":debug", "unrecognized logger name: "),
            // The logger is checked before its level, and items in order.
            ("nope:loud", "unrecognized logger name: nope"),
            ("loud,nope:debug", "unrecognized logging level: loud"),
            ("nope:debug,loud", "unrecognized logger name: nope"),
        ] {
            let err = parse_levels(text, &known()).unwrap_err();
            assert_eq!(err.code(), Exit::Usage);
            assert_eq!(err.message, expect, "{text}");
        }
        // Without a pod there is no logger to name.
        assert_eq!(
            parse_levels("http:debug", &[]).unwrap_err().message,
            "unrecognized logger name: http"
        );
        assert_eq!(
            parse_levels("level=debug", &[]).unwrap(),
            plan(Some("debug"), &[])
        );
    }

    #[test]
    fn envoy_listing_parses_and_prints_sorted() {
        let body = "active loggers:\n  router: info\n  admin: warning\n  http: trace\n";
        let loggers = parse_active_loggers(body).unwrap();
        assert_eq!(loggers.len(), 3);
        let mut out = Vec::new();
        write_loggers(&mut out, &loggers).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "active loggers:\n  admin: warning\n  http: trace\n  router: info\n"
        );
        assert!(parse_active_loggers("error: unknown logger name\n").is_err());
    }

    #[test]
    fn reset_reads_the_startup_levels() {
        let info = br#"{"state":"LIVE","command_line_options":{"log_level":"info","component_log_level":"upstream:debug,http:trace"}}"#;
        assert_eq!(
            reset_paths(info).unwrap(),
            [
                "/logging?level=info",
                "/logging?upstream=debug",
                "/logging?http=trace"
            ]
        );
        let plain = br#"{"command_line_options":{"log_level":"warning","component_log_level":""}}"#;
        assert_eq!(reset_paths(plain).unwrap(), ["/logging?level=warning"]);
        assert!(reset_paths(br#"{"command_line_options":{}}"#).is_err());
    }
}
