//! `pc log`: show and change Envoy's logger levels through its admin API.
//!
//! Unlike istioctl, logger names are checked against the exact names the proxy reports
//! (no substring matches), and `--reset` restores the level Envoy was started with, read from
//! `/server_info`'s command-line options, including any per-component levels.

use std::io::Write;

use serde_json::Value;

use super::cluster::Session;
use super::forward::AdminConnection;
use super::resolve::{self, PodRef};
use super::{block_on, spinner, within, Method, Progress};
use crate::config::{ClusterOptions, LogTargets};
use crate::error::Error;
use crate::target;

/// Envoy's level names, in its own order (its admin API rejects anything else, `warn` included).
pub const LEVELS: [&str; 7] = [
    "trace", "debug", "info", "warning", "error", "critical", "off",
];

#[derive(Debug, Clone)]
pub struct LogRequest {
    pub targets: LogTargets,
    /// `--level`: comma-separated `level` or `logger:level` items.
    pub level: Option<String>,
    /// `--reset`: back to the levels the proxy was started with (applied before `--level`).
    pub reset: bool,
}

/// One `--level` item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelChange {
    /// A bare level: every logger.
    All(String),
    Logger {
        name: String,
        level: String,
    },
}

/// Parses `--level`. A bare level is applied before the per-logger items, whatever the order given,
/// so `http:debug,warning` keeps `http` at debug.
pub fn parse_level_changes(text: &str) -> Result<Vec<LevelChange>, Error> {
    let mut all = None;
    let mut loggers = Vec::new();
    for item in text.split(',').map(str::trim) {
        if item.is_empty() {
            return Err(Error::usage(format!("--level {text:?} has an empty item")));
        }
        match item.split_once(':') {
            Some((name, level)) => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(Error::usage(format!(
                        "--level item {item:?} names no logger"
                    )));
                }
                loggers.push(LevelChange::Logger {
                    name: name.to_string(),
                    level: check_level(level.trim())?,
                });
            }
            None => {
                if all.is_some() {
                    return Err(Error::usage(format!(
                        "--level {text:?} gives more than one level for all loggers"
                    )));
                }
                all = Some(LevelChange::All(check_level(item)?));
            }
        }
    }
    Ok(all.into_iter().chain(loggers).collect())
}

fn check_level(level: &str) -> Result<String, Error> {
    if LEVELS.contains(&level) {
        Ok(level.to_string())
    } else {
        Err(Error::usage(format!(
            "unknown log level {level:?}: expected one of {}",
            LEVELS.join(", ")
        )))
    }
}

/// Rejects loggers the proxy does not have: exact names only.
pub fn check_loggers(
    changes: &[LevelChange],
    known: &[(String, String)],
    pod: &str,
) -> Result<(), Error> {
    for change in changes {
        if let LevelChange::Logger { name, .. } = change {
            if !known.iter().any(|(known_name, _)| known_name == name) {
                return Err(Error::usage(format!(
                    "unknown logger {name:?}: the proxy on {pod} has no logger of that name \
                     (run `pc log` without --level to list them)"
                )));
            }
        }
    }
    Ok(())
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

/// The changes that restore the levels Envoy was started with: its `--log-level`, then each
/// `--component-log-level` entry, as `/server_info` reports them.
pub fn reset_changes(server_info: &[u8]) -> Result<Vec<LevelChange>, Error> {
    let info: Value = serde_json::from_slice(server_info)
        .map_err(|e| Error::proxy(format!("the proxy's /server_info is not JSON: {e}")))?;
    let options = &info["command_line_options"];
    let Some(default_level) = options["log_level"].as_str().filter(|l| !l.is_empty()) else {
        return Err(Error::proxy(
            "the proxy's /server_info has no command_line_options.log_level to reset to",
        ));
    };
    let mut changes = vec![LevelChange::All(default_level.to_string())];
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
        changes.push(LevelChange::Logger {
            name: name.to_string(),
            level: level.to_string(),
        });
    }
    Ok(changes)
}

fn change_path(change: &LevelChange) -> String {
    match change {
        LevelChange::All(level) => format!("/logging?level={level}"),
        LevelChange::Logger { name, level } => format!("/logging?{name}={level}"),
    }
}

/// Writes a logger list as istioctl does: `active loggers:` then `  name: level`, sorted by name.
pub fn write_loggers(out: &mut impl Write, loggers: &[(String, String)]) -> std::io::Result<()> {
    let mut sorted: Vec<_> = loggers.iter().collect();
    sorted.sort();
    writeln!(out, "active loggers:")?;
    for (name, level) in sorted {
        writeln!(out, "  {name}: {level}")?;
    }
    Ok(())
}

/// `pc log`: applies `--reset` and `--level` (if given) to each selected proxy and prints each
/// proxy's resulting levels. With several pods, each block is headed by `<pod>.<namespace>:`;
/// a failure on one pod does not stop the others, and the error names every pod that failed.
pub fn log(opts: &ClusterOptions, request: &LogRequest, out: &mut impl Write) -> Result<(), Error> {
    let changes = match &request.level {
        Some(text) => parse_level_changes(text)?,
        None => Vec::new(),
    };
    let what = match &request.targets {
        LogTargets::Target(text) => text.clone(),
        LogTargets::Selector(selector) => format!("pods matching {selector}"),
    };
    let _spinner = spinner::Spinner::start(format!("asking {what} for their log levels"));
    block_on(async {
        let progress = Progress::new("loading the kubeconfig");
        let (session, pods) = within(opts, &progress, async {
            let session = Session::connect(opts, &progress).await?;
            let pods = select_pods(&session, &request.targets, &progress).await?;
            Ok((session, pods))
        })
        .await?;
        let many = matches!(request.targets, LogTargets::Selector(_));
        let mut failures = Vec::new();
        for (index, pod) in pods.iter().enumerate() {
            let progress = Progress::new(format!("opening a port-forward to {pod}"));
            let outcome = within(opts, &progress, async {
                apply(
                    &session,
                    pod,
                    opts.proxy_admin_port,
                    request.reset,
                    &changes,
                    &progress,
                )
                .await
            })
            .await;
            match outcome {
                Ok(loggers) => {
                    if many {
                        if index > 0 {
                            writeln!(out)?;
                        }
                        writeln!(out, "{}.{}:", pod.name, pod.namespace)?;
                    }
                    write_loggers(out, &loggers)?;
                }
                Err(e) if !many => return Err(e),
                Err(e) => failures.push(e),
            }
        }
        match failures.len() {
            0 => Ok(()),
            1 => Err(failures.remove(0)),
            n => Err(Error::new(
                failures[0].kind,
                format!(
                    "{n} of {} pods failed: {}",
                    pods.len(),
                    failures
                        .iter()
                        .map(|e| e.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            )),
        }
    })
}

async fn select_pods(
    session: &Session,
    targets: &LogTargets,
    progress: &Progress,
) -> Result<Vec<PodRef>, Error> {
    match targets {
        LogTargets::Target(text) => {
            let target = target::parse(text)?;
            Ok(vec![resolve::resolve(session, &target, progress).await?])
        }
        LogTargets::Selector(selector) => {
            let namespace = session.default_namespace.clone();
            progress.set(format!(
                "waiting for the API server to list pods matching {selector}"
            ));
            let mut pods = resolve::list_pods(session, selector, &namespace).await?;
            if pods.is_empty() {
                return Err(Error::kube(format!(
                    "no pods match {selector} in namespace \"{namespace}\""
                )));
            }
            pods.sort_by(|a, b| a.metadata.name.cmp(&b.metadata.name));
            Ok(pods
                .into_iter()
                .map(|p| PodRef {
                    name: p.metadata.name.unwrap_or_default(),
                    namespace: namespace.clone(),
                })
                .collect())
        }
    }
}

async fn apply(
    session: &Session,
    pod: &PodRef,
    port: u16,
    reset: bool,
    changes: &[LevelChange],
    progress: &Progress,
) -> Result<Vec<(String, String)>, Error> {
    let mut connection = AdminConnection::open(session, pod, port, progress).await?;
    let listing = connection
        .request(Method::Post, "/logging", progress)
        .await?;
    let mut loggers = parse_active_loggers(&String::from_utf8_lossy(&listing))?;
    check_loggers(changes, &loggers, &pod.to_string())?;
    let mut plan = Vec::new();
    if reset {
        let server_info = connection
            .request(Method::Get, "/server_info", progress)
            .await?;
        plan.extend(reset_changes(&server_info)?);
    }
    plan.extend_from_slice(changes);
    for change in &plan {
        let answer = connection
            .request(Method::Post, &change_path(change), progress)
            .await?;
        loggers = parse_active_loggers(&String::from_utf8_lossy(&answer))?;
    }
    connection.close().await;
    Ok(loggers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Exit;

    fn logger(name: &str, level: &str) -> LevelChange {
        LevelChange::Logger {
            name: name.into(),
            level: level.into(),
        }
    }

    #[test]
    fn level_items_parse_and_the_bare_level_goes_first() {
        assert_eq!(
            parse_level_changes("debug").unwrap(),
            vec![LevelChange::All("debug".into())]
        );
        assert_eq!(
            parse_level_changes("http:debug, warning ,router:trace").unwrap(),
            vec![
                LevelChange::All("warning".into()),
                logger("http", "debug"),
                logger("router", "trace")
            ]
        );
    }

    #[test]
    fn bad_level_items_are_rejected() {
        for (text, expect) in [
            ("warn", "unknown log level \"warn\": expected one of trace, debug, info, warning, error, critical, off"),
            ("http:loud", "unknown log level \"loud\""),
            (":debug", "names no logger"),
            ("debug,,http:info", "empty item"),
            ("debug,info", "more than one level"),
        ] {
            let err = parse_level_changes(text).unwrap_err();
            assert_eq!(err.code(), Exit::Usage);
            assert!(err.message.contains(expect), "{text}: {}", err.message);
        }
    }

    #[test]
    fn loggers_must_match_exactly() {
        let known = vec![
            ("http".to_string(), "info".to_string()),
            ("http2".to_string(), "info".to_string()),
        ];
        assert!(check_loggers(&[logger("http2", "debug")], &known, "pod \"p\"").is_ok());
        // istioctl accepts any substring of its logger list; "ttp" and "http:" parts must not pass.
        for name in ["ttp", "htt", "http3", "HTTP"] {
            let err = check_loggers(&[logger(name, "debug")], &known, "pod \"p\"").unwrap_err();
            assert!(
                err.message
                    .starts_with(&format!("unknown logger \"{name}\"")),
                "{}",
                err.message
            );
        }
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
            reset_changes(info).unwrap(),
            vec![
                LevelChange::All("info".into()),
                logger("upstream", "debug"),
                logger("http", "trace")
            ]
        );
        let plain = br#"{"command_line_options":{"log_level":"warning","component_log_level":""}}"#;
        assert_eq!(
            reset_changes(plain).unwrap(),
            vec![LevelChange::All("warning".into())]
        );
        assert!(reset_changes(br#"{"command_line_options":{}}"#).is_err());
        assert_eq!(
            change_path(&LevelChange::All("info".into())),
            "/logging?level=info"
        );
        assert_eq!(change_path(&logger("http", "debug")), "/logging?http=debug");
    }
}
