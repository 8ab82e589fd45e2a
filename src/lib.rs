//! meshctl: what an Envoy sidecar is really configured to do, from a live pod or a saved dump.
//!
//! The flow is ripgrep's: `cli` parses, `config` validates everything into a `Config` before any
//! work starts, then `run` fetches only what the view needs and renders it to a writer.

pub mod cli;
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

use std::io::Write;

use clap::{CommandFactory, FromArgMatches};

use crate::config::{Config, Source, Task, ViewKind};
use crate::error::{Error, Exit, Kind, Result};
use crate::input::Document;

/// Runs the command line and returns the process exit code; errors are one line on stderr
/// (a list of per-pod failures is one line each).
pub fn main_entry() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = cli::Cli::command();
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
            let body = live::fetch_view(&config.cluster, target, &request)?;
            Document::from_received(body, target.clone())
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
        Task::Completion(shell) => {
            let mut cmd = cli::Cli::command();
            clap_complete::generate(*shell, &mut cmd, "meshctl", &mut buf);
        }
        Task::ProxyConfigHelp => {
            let mut cmd = cli::Cli::command();
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
            if let (ViewKind::Trace(spec), Source::Target(target)) = (view, source) {
                // Live, the Service the URL names gives the original destination.
                let request = live::admin_request(view, request_format);
                let (body, cluster_ip) = live::fetch_trace(
                    &config.cluster,
                    target,
                    &request,
                    spec.service_host.as_deref(),
                )?;
                let doc = Document::from_received(body, target.clone())?;
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
                return views::render(
                    &ViewKind::Trace(spec),
                    &doc,
                    output.check()?,
                    unix_now(),
                    out,
                );
            }
            if let Source::Fleet(fleet) = source {
                return fleet::run(&config.cluster, fleet, view, output, unix_now(), out);
            }
            let doc = match source {
                Source::File(path) => Document::read(path)?,
                Source::Fleet(_) => unreachable!("a fleet is run above"),
                Source::Target(target) => {
                    let request = live::admin_request(view, request_format);
                    let body = live::fetch_view(&config.cluster, target, &request)?;
                    Document::from_received(body, target.clone())?
                }
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
            return views::render(view, &doc, format, unix_now(), out);
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
