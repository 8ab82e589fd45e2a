//! meshctl: what an Envoy sidecar is really configured to do, from a live pod or a saved dump.
//!
//! The flow is ripgrep's: `cli` parses, `config` validates everything into a `Config` before any
//! work starts, then `run` fetches only what the view needs and renders it to a writer.

pub mod cli;
pub mod complete;
pub mod config;
pub mod diff;
pub mod envoy;
pub mod error;
pub mod flags;
pub mod fleet;
pub mod format;
pub mod goparse;
pub mod gosort;
pub mod input;
pub mod live;
pub mod memory;
pub mod parallel;
pub mod render;
pub mod target;
pub mod views;

use std::collections::BTreeSet;
use std::io::Write;

use clap::{CommandFactory, FromArgMatches};

use crate::config::{Config, Source, Task, ViewKind};
use crate::error::{Error, Exit, Kind, Result};
use crate::input::received::Received;
use crate::input::Document;

/// Runs the command line and returns the process exit code; errors are one line on stderr
/// (a list of per-pod failures is one line each).
pub fn main_entry() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if complete::complete_if_asked(&args) {
        return std::process::ExitCode::SUCCESS;
    }
    if invoked_as(&args, "kubectl_complete-meshctl") {
        let _ = complete::kubectl_plugin_completion(&args, &mut std::io::stdout().lock());
        return std::process::ExitCode::SUCCESS;
    }
    let mut command = cli_command();
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| cli::Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(e) if !e.use_stderr() => {
            // Help and version go to stdout and exit 0.
            let _ = e.print();
            return std::process::ExitCode::SUCCESS;
        }
        Err(e) => {
            let words: Vec<String> = args
                .iter()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            eprintln!("Error: {}", flags::flag_error(&e, &words, &command));
            return std::process::ExitCode::from(Exit::Usage as u8);
        }
    };
    let result = Config::from_cli(cli).and_then(|config| {
        if config.task.streams() {
            // Each change set goes out as soon as it is known.
            return run(&config, &mut std::io::stdout());
        }
        std::thread::scope(|scope| {
            let mut out = render::background::BackgroundWriter::new(scope, std::io::stdout());
            let result = run(&config, &mut out);
            // What was written goes out even when the run fails: log prints the pods that
            // succeeded.
            let written = out.finish().map_err(Error::from);
            result.and_then(|exit| written.map(|()| exit))
        })
    });
    match result {
        Ok(exit) => std::process::ExitCode::from(exit as u8),
        // The reader went away (`| head`): what it wanted, it has.
        Err(e) if e.is_closed_output() => std::process::ExitCode::SUCCESS,
        Err(e) => {
            if e.kind == Kind::Arguments {
                // As istioctl does, the command's usage comes before the error about its arguments.
                eprintln!("{}", flags::usage_of(&mut command, &matches));
            }
            eprintln!("Error: {e}");
            std::process::ExitCode::from(e.code() as u8)
        }
    }
}

/// The command line's definition. Run as `kubectl-meshctl`, which kubectl runs for
/// `kubectl meshctl ...`, help and usage show the command the user typed.
fn cli_command() -> clap::Command {
    let command = cli::Cli::command();
    let args: Vec<std::ffi::OsString> = std::env::args_os().take(1).collect();
    if invoked_as(&args, "kubectl-meshctl") {
        command.bin_name("kubectl meshctl")
    } else {
        command
    }
}

/// Whether the program's file name is `name`.
fn invoked_as(args: &[std::ffi::OsString], name: &str) -> bool {
    args.first()
        .and_then(|arg0| std::path::Path::new(arg0).file_name())
        .is_some_and(|file| file == name)
}

/// Everything after validation, and the exit code of a run that went well (`diff`: whether
/// something differs). An error never leaves a partial table on stdout: views write only when
/// their output is complete, and the other commands are buffered (`log` prints the pods that
/// succeeded before its error, as istioctl does).
pub fn run(config: &Config, out: &mut dyn Write) -> Result<Exit> {
    match &config.task {
        Task::Diff(task) => run_diff(config, task, out),
        _ => run_task(config, out).map(|()| Exit::Success),
    }
}

/// Reads one side of a diff: a file, or the sections of the pod's dump that the view compares.
fn diff_side(config: &Config, view: &config::DiffView, source: &Source) -> Result<Document> {
    match source {
        Source::File(path) => Document::read(path),
        Source::Target(target) => {
            let request = live::diff_request(view);
            let body = live::fetch_view(&config.cluster, live::Proxy::Pod(target), &request)?;
            Document::from_received(body, target.clone())
        }
        Source::AdminUrl(url) => {
            let request = live::diff_request(view);
            let body = live::fetch_view(&config.cluster, live::Proxy::AdminUrl(url), &request)?;
            Document::from_received(body, url.text.clone())
        }
        Source::Fleet(_) => Err(Error::usage("diff compares two sides, not a fleet")),
    }
}

/// `pc diff`: the changes from A to B, or, watching a pod, each new set of changes as it comes;
/// `Exit::Differ` when there was any.
fn run_diff(config: &Config, task: &config::DiffTask, out: &mut dyn Write) -> Result<Exit> {
    let options = diff::DiffOptions {
        all_fields: task.all_fields,
    };
    let Some(watch) = &task.watch else {
        let old = diff_side(config, &task.view, &task.old)?;
        let new = diff_side(config, &task.view, &task.new)?;
        let changes = diff::changes(&task.view, &old, &new, &options)?;
        diff::print::write(&changes, task.format, out)?;
        return Ok(match changes.is_empty() {
            true => Exit::Success,
            false => Exit::Differ,
        });
    };
    let mut previous = diff_side(config, &task.view, &task.new)?;
    let mut sets = 0;
    loop {
        std::thread::sleep(watch.interval);
        let next = diff_side(config, &task.view, &task.new)?;
        let changes = diff::changes(&task.view, &previous, &next, &options)?;
        if !changes.is_empty() {
            if task.format.is_table() {
                let at = time::OffsetDateTime::now_utc()
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default();
                writeln!(out, "# {at}")?;
            }
            diff::print::write(&changes, task.format, out)?;
            out.flush()?;
            sets += 1;
            if watch.count.is_some_and(|count| sets >= count) {
                return Ok(Exit::Differ);
            }
        }
        previous = next;
    }
}

fn run_task(config: &Config, out: &mut dyn Write) -> Result<()> {
    let mut buf = Vec::new();
    match &config.task {
        Task::Completion(shell) => complete::registration(*shell, &mut buf)?,
        Task::ProxyConfigHelp => {
            let mut cmd = cli_command();
            cmd.build();
            if let Some(pc) = cmd.find_subcommand_mut("proxy-config") {
                write!(buf, "{}", pc.render_help())?;
            }
        }
        Task::View {
            view,
            source,
            output,
        } => {
            // `all` refuses an unsupported format before reading anything; the other views
            // once their input has been read and parsed.
            if matches!(view, ViewKind::All(_)) {
                output.check()?;
            }
            let request_format = match output {
                config::Output::Format(format) => *format,
                config::Output::Unsupported(_) => config::Format::Short,
            };
            let proxy = match source {
                Source::Target(target) => Some((live::Proxy::Pod(target), target)),
                Source::AdminUrl(url) => Some((live::Proxy::AdminUrl(url), &url.text)),
                Source::File(_) | Source::Fleet(_) => None,
            };
            if let (ViewKind::Trace(spec), Some((proxy, origin))) = (view, proxy) {
                let (doc, spec) = fetch_trace(config, proxy, origin, spec)?;
                return views::render(
                    &ViewKind::Trace(Box::new(spec)),
                    &doc,
                    output.check()?,
                    unix_now(),
                    out,
                );
            }
            if let Source::Fleet(fleet) = source {
                return fleet::run(&config.cluster, fleet, view, output, unix_now(), out);
            }
            let (doc, stats, naming) = match source {
                Source::File(path) => (Document::read(path)?, None, None),
                Source::Fleet(_) => unreachable!("a fleet is run above"),
                Source::Target(target) => view_and_stats(
                    config,
                    view,
                    request_format,
                    live::Proxy::Pod(target),
                    target,
                )?,
                Source::AdminUrl(url) => view_and_stats(
                    config,
                    view,
                    request_format,
                    live::Proxy::AdminUrl(url),
                    &url.text,
                )?,
            };
            let stats = match &config.stats_file {
                Some(path) => Some(read_stats_file(path)?),
                None => stats,
            };
            let context = views::LiveContext {
                counters: views::Counters { stats },
                naming,
            };
            let format = match output.check() {
                Ok(format) => format,
                // `listener --waypoint` prints its table whatever `-o` says.
                Err(_) if *view == ViewKind::Waypoint => config::Format::Short,
                Err(unsupported) => {
                    doc.check_json()?;
                    return Err(unsupported);
                }
            };
            // Views write only once everything they print is known to be good; writing straight
            // out keeps a big JSON selection from being held twice.
            return views::render_with(view, &doc, format, unix_now(), &context, out);
        }
        Task::Log {
            targets,
            level,
            reset,
        } => {
            let request = live::log::LogRequest {
                targets: targets.clone(),
                level: level.clone(),
                reset: *reset,
            };
            let result = live::log::log(&config.cluster, &request, &mut buf);
            out.write_all(&buf)?;
            return result;
        }
        // Its exit code says whether anything differs: `run` runs it.
        Task::Diff(_) => {}
        Task::RootcaCompare { first, second } => {
            // istioctl tells a match on stderr; differing root CAs are an error.
            let message = live::rootca::rootca_compare(&config.cluster, first, second)?;
            eprintln!("{message}");
            return Ok(());
        }
    }
    out.write_all(&buf)?;
    Ok(())
}

/// What a view needs from a live proxy, `-o wide`'s counters asked on the same connection (not
/// when `--stats-file` gives them), and the naming rules its node tells.
fn view_and_stats(
    config: &Config,
    view: &ViewKind,
    format: config::Format,
    proxy: live::Proxy,
    origin: &str,
) -> Result<(
    Document,
    Option<envoy::stats::Stats>,
    Option<envoy::names::Naming>,
)> {
    let mut request = live::admin_request(view, format);
    if config.stats_file.is_some() {
        request.stats = None;
    }
    let answers = live::fetch_view_answers(&config.cluster, proxy, &request)?;
    let stats = answers
        .stats
        .map(|s| envoy::stats::Stats::parse(&s, &format!("{origin}'s /stats")))
        .transpose()?;
    let naming = answers
        .server_info
        .map(|info| envoy::names::Naming::of_server_info(&info));
    let doc = Document::from_received(answers.dump, origin.to_string())?;
    Ok((doc, stats, naming))
}

/// `--stats-file`: a saved `/stats` answer (text or `format=json`).
fn read_stats_file(path: &std::path::Path) -> Result<envoy::stats::Stats> {
    let origin = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::read(&origin, e))?;
    envoy::stats::Stats::parse(&bytes, &origin)
}

/// Live `pc trace`: the listeners, then round by round only the route configurations, clusters
/// and EDS assignments the trace reads, merged into one dump; and the spec with the original
/// destination the Service the URL names gives.
fn fetch_trace(
    config: &Config,
    proxy: live::Proxy,
    origin: &str,
    spec: &config::TraceSpec,
) -> Result<(Document, config::TraceSpec)> {
    let first = live::admin_request(
        &ViewKind::Trace(Box::new(spec.clone())),
        config::Format::Short,
    );
    let mut rounds = TraceRounds::new(spec, origin);
    let (bodies, cluster_ip) = live::fetch_rounds(
        &config.cluster,
        proxy,
        &first.path,
        spec.service_host.as_deref(),
        &mut |answers| rounds.next(answers),
    )?;
    let doc = rounds.merged(&bodies)?;
    Ok((doc, with_cluster_ip(spec, cluster_ip)))
}

/// What a live trace asks for after the listeners: each round, the resources the trace of the
/// answers so far looks up and has not been asked for, by `name_regex` where the Envoy supports
/// it, else their whole sections. It ends when the trace looks up nothing new.
struct TraceRounds<'a> {
    spec: &'a config::TraceSpec,
    origin: &'a str,
    /// Each request after the listeners, in order.
    asked: Vec<Asked>,
}

/// One request of a live trace after the listeners.
struct Asked {
    section: live::TraceSection,
    /// None: the whole section.
    names: Option<BTreeSet<String>>,
    /// The answer's place among the bodies.
    body: usize,
}

impl<'a> TraceRounds<'a> {
    fn new(spec: &'a config::TraceSpec, origin: &'a str) -> Self {
        TraceRounds {
            spec,
            origin,
            asked: Vec::new(),
        }
    }

    fn latest(&self, section: live::TraceSection) -> Option<&Asked> {
        self.asked.iter().rev().find(|a| a.section == section)
    }

    /// The listeners and the latest answer for each section (it holds every name asked), as one
    /// dump.
    fn merged(&self, bodies: &[Received]) -> Result<Document> {
        use live::TraceSection::*;
        let mut parts: Vec<&[u8]> = vec![&bodies[0]];
        for section in [RouteConfigs, Clusters, Assignments] {
            if let Some(asked) = self.latest(section) {
                parts.push(&bodies[asked.body]);
            }
        }
        Document::from_dump_parts(&parts, self.origin.to_string())
    }

    fn next(&mut self, answers: &live::Answers) -> Result<Vec<String>> {
        use live::TraceSection::*;
        let spec = with_cluster_ip(self.spec, answers.cluster_ip.cloned());
        let needs = views::trace_needs(&spec, &self.merged(answers.bodies)?)?;
        let mut paths = Vec::new();
        for (section, names) in [
            (RouteConfigs, &needs.route_configs),
            (Clusters, &needs.clusters),
            (Assignments, &needs.clusters),
        ] {
            if names.is_empty() {
                continue;
            }
            let names = match self.latest(section).map(|a| &a.names) {
                Some(None) => continue,
                Some(Some(had)) if names.is_subset(had) => continue,
                Some(Some(had)) => had | names,
                None => names.clone(),
            };
            let names = Some(names).filter(|_| answers.name_regex);
            paths.push(live::trace_section(section, names.as_ref()));
            self.asked.push(Asked {
                section,
                names,
                body: answers.bodies.len() + paths.len() - 1,
            });
        }
        Ok(paths)
    }
}

/// The trace's spec with the original destination a Service's ClusterIP gives, or a note on why
/// there is none.
fn with_cluster_ip(spec: &config::TraceSpec, cluster_ip: live::ClusterIp) -> config::TraceSpec {
    let mut spec = spec.clone();
    match cluster_ip {
        Some(Ok(ip)) => {
            spec.request.dest_ip = Some(ip);
            spec.note = Some(format!(
                "--to {ip}:{}: the ClusterIP of Service {}",
                spec.request.dest_port,
                spec.service_host.as_deref().unwrap_or_default()
            ));
        }
        Some(Err(why)) => spec.note = Some(format!("no ClusterIP: {why}")),
        None => {}
    }
    spec
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A fixture file's text (`fixtures/<scenario>/<file>`, made by a real Envoy), for unit tests.
#[cfg(test)]
pub(crate) fn fixture_text(scenario: &str, file: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(scenario)
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Resident kilobytes of the mapping that starts at `start`, from /proc/self/smaps.
#[cfg(all(test, target_os = "linux"))]
pub(crate) fn resident_kb(start: usize) -> usize {
    let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
    let mut lines = smaps.lines().skip_while(|l| {
        let range = l.split_whitespace().next().unwrap_or("");
        usize::from_str_radix(range.split('-').next().unwrap_or(""), 16) != Ok(start)
    });
    assert!(lines.next().is_some(), "no mapping at {start:x}");
    let rss = lines.find(|l| l.starts_with("Rss:")).unwrap();
    rss.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::received::Received;

    /// The trace spec of `pc trace -f - ARGS`.
    fn spec(args: &[&str]) -> config::TraceSpec {
        let mut all = vec!["meshctl", "pc", "trace", "-f", "-"];
        all.extend_from_slice(args);
        let cli = <cli::Cli as clap::Parser>::try_parse_from(all).unwrap();
        match Config::from_cli(cli).unwrap().task {
            Task::View {
                view: ViewKind::Trace(spec),
                ..
            } => *spec,
            _ => unreachable!("pc trace is a trace"),
        }
    }

    /// What an Envoy answers for a mask naming `types`' sections: the fixture's configs of those
    /// types.
    fn answer(dump: &serde_json::Value, types: &[&str]) -> Received {
        let configs: Vec<&serde_json::Value> = dump["configs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| {
                types
                    .iter()
                    .any(|t| c["@type"].as_str().unwrap().ends_with(t))
            })
            .collect();
        let text = serde_json::to_vec(&serde_json::json!({ "configs": configs })).unwrap();
        let mut received = Received::with_capacity(text.len()).unwrap();
        received.extend(&text).unwrap();
        received
    }

    /// An Envoy without `name_regex`: the rounds ask for whole sections, the route
    /// configurations first, then the clusters with their assignments, then nothing; the
    /// merged answers trace as the whole dump does.
    #[test]
    fn trace_rounds_without_name_regex_ask_for_whole_sections_once() {
        let text = fixture_text("web-frontend", "config_dump.json");
        let dump: serde_json::Value = serde_json::from_str(&text).unwrap();
        let spec = spec(&[
            "http://customers.default/api/v2/customers",
            "--to",
            "10.43.246.220:80",
        ]);
        let mut rounds = TraceRounds::new(&spec, "web-1");
        let mut bodies = vec![answer(&dump, &["ListenersConfigDump"])];
        let mut asked = Vec::new();
        loop {
            let answers = live::Answers {
                bodies: &bodies,
                name_regex: false,
                cluster_ip: None,
            };
            let paths = rounds.next(&answers).unwrap();
            if paths.is_empty() {
                break;
            }
            for path in &paths {
                let section = if path.contains("route_configs") {
                    "RoutesConfigDump"
                } else if path.contains("endpoint_configs") {
                    "EndpointsConfigDump"
                } else {
                    "ClustersConfigDump"
                };
                bodies.push(answer(&dump, &[section]));
            }
            asked.push(paths);
        }
        assert_eq!(
            asked,
            [
                vec!["/config_dump?mask=dynamic_route_configs,static_route_configs".to_string()],
                vec![
                    "/config_dump?mask=dynamic_active_clusters,static_clusters".to_string(),
                    "/config_dump?include_eds=true&mask=dynamic_endpoint_configs,\
                     static_endpoint_configs"
                        .to_string(),
                ],
            ]
        );
        let view = ViewKind::Trace(Box::new(spec.clone()));
        let render = |doc: &Document| {
            let mut out = Vec::new();
            views::render(&view, doc, config::Format::Short, 0, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let whole = Document::from_bytes(text.into_bytes(), "whole".into()).unwrap();
        let merged = render(&rounds.merged(&bodies).unwrap());
        assert_eq!(merged, render(&whole));
        assert!(merged.contains("10.42.3.44:3000"), "{merged}");
    }
}
