//! Dynamic shell completion. The script `meshctl completion SHELL` prints makes the shell run
//! `COMPLETE=SHELL meshctl -- WORDS...` at each TAB (clap_complete's engine); the candidates come
//! from the command line's definition, and for values from where they live: targets and
//! namespaces from the cluster, contexts from the kubeconfig, route configuration and cluster
//! names from the `-f` dump on the line or else the target's proxy. Completion only reads, and a
//! cluster lookup that takes longer than `LOOKUP_BUDGET` gives no candidates rather than stalling
//! the shell.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use clap::{Arg, Command, CommandFactory, ValueHint};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, EnvCompleter, Fish, Zsh};

use crate::config::{ClusterFilter, ClusterOptions, Impersonation, RouteFilter, ViewKind};
use crate::format::Format;
use crate::input::Document;
use crate::target::{self, Kind};

/// The environment variable that turns a run into a completion request.
pub const ENV_VAR: &str = "COMPLETE";

/// How long a completion may wait on the cluster: long enough for a healthy API server, short
/// enough that a TAB on a dead one costs a blink.
pub const LOOKUP_BUDGET: Duration = Duration::from_millis(1500);

/// The types offered before a `/`, in the short spelling kubectl users type.
const TARGET_TYPES: &[&str] = &["deploy", "sts", "ds", "rs", "rc", "job", "svc", "gtw"];

/// What the line being completed says about where to look.
#[derive(Debug, Default, Clone)]
struct Line {
    namespace: Option<String>,
    context: Option<String>,
    kubeconfig: Option<PathBuf>,
    impersonate: Impersonation,
    file: Option<PathBuf>,
    /// The command's target, when the line has one: live names from the proxy come from it.
    target: Option<String>,
    /// Bash inserts a candidate as typed text: shell metacharacters need a backslash (zsh's
    /// script quotes what it inserts, fish is given words).
    escape: bool,
}

static LINE: OnceLock<Line> = OnceLock::new();

impl Line {
    /// Reads the flags that say where to look from the words of the line (the program name
    /// first); `cursor` indexes the word being completed.
    fn read(words: &[String], cursor: usize, escape: bool) -> Line {
        let mut line = Line {
            escape,
            target: target_on_line(words, cursor),
            ..Line::default()
        };
        let mut words = words.iter().skip(1);
        while let Some(word) = words.next() {
            let (flag, inline) = match word.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
                _ => match word.strip_prefix("-n").or_else(|| word.strip_prefix("-f")) {
                    Some(rest) if !rest.is_empty() && !word.starts_with("--") => {
                        (&word[..2], Some(rest.to_string()))
                    }
                    _ => (word.as_str(), None),
                },
            };
            let slot = match flag {
                "-n" | "--namespace" => &mut line.namespace,
                "--context" => &mut line.context,
                "--as" => &mut line.impersonate.user,
                "--as-uid" => &mut line.impersonate.uid,
                "--as-group" => {
                    let value = inline.or_else(|| words.next().cloned());
                    line.impersonate.groups.extend(value);
                    continue;
                }
                "-f" | "--file" => {
                    let value = inline.or_else(|| words.next().cloned());
                    line.file = value.filter(|v| !v.is_empty()).map(PathBuf::from);
                    continue;
                }
                "--kubeconfig" => {
                    let value = inline.or_else(|| words.next().cloned());
                    line.kubeconfig = value.filter(|v| !v.is_empty()).map(PathBuf::from);
                    continue;
                }
                _ => continue,
            };
            *slot = inline
                .or_else(|| words.next().cloned())
                .filter(|v| !v.is_empty());
        }
        line
    }

    fn cluster(&self) -> ClusterOptions {
        ClusterOptions {
            kubeconfig: self.kubeconfig.clone(),
            context: self.context.clone(),
            namespace: self.namespace.clone(),
            request_timeout: LOOKUP_BUDGET,
            impersonate: self.impersonate.clone(),
            ..ClusterOptions::default()
        }
    }
}

/// The target of the command on the line, the word being completed left out, read by clap as
/// a run would read it (so a flag's value is never taken for the target).
fn target_on_line(words: &[String], cursor: usize) -> Option<String> {
    let others = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != cursor)
        .map(|(_, w)| w.as_str());
    let matches = crate::cli::Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(others)
        .ok()?;
    let mut matches = &matches;
    while let Some((_, sub)) = matches.subcommand() {
        matches = sub;
    }
    ["targets", "args"]
        .iter()
        .find_map(|id| matches.try_get_many::<String>(id).ok()??.next().cloned())
}

fn line() -> Line {
    LINE.get().cloned().unwrap_or_default()
}

/// Answers a completion request when `COMPLETE` is set, and says whether it did.
pub fn complete_if_asked(args: &[OsString]) -> bool {
    let Some(shell) = std::env::var_os(ENV_VAR) else {
        return false;
    };
    if shell.is_empty() || shell == "0" {
        return false;
    }
    let words: Vec<String> = match args.iter().position(|a| a == "--") {
        Some(dashes) => args[dashes + 1..]
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect(),
        None => Vec::new(),
    };
    let escape = shell == "bash";
    // Bash and zsh say which word is under the cursor; fish completes the last.
    let cursor = std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|i| i.parse().ok())
        .unwrap_or(words.len().saturating_sub(1));
    let _ = LINE.set(Line::read(&words, cursor, escape));
    crate::live::names::quiet();
    let current_dir = std::env::current_dir().ok();
    // A failed completion prints nothing: the shell then offers nothing, which is all it can do.
    let _ = clap_complete::CompleteEnv::with_factory(command)
        .try_complete(args.iter().cloned(), current_dir.as_deref());
    true
}

/// Answers kubectl's completion of `kubectl meshctl WORDS` (kubectl 1.26 on runs
/// `kubectl_complete-meshctl WORDS`, the word under the cursor last, possibly empty): candidates
/// one a line, a tab before a description, then cobra's directive `:4`, no file completion
/// (a file is offered as a candidate where one is wanted).
pub fn kubectl_plugin_completion(
    args: &[OsString],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut words: Vec<OsString> = vec!["meshctl".into()];
    words.extend(args.iter().skip(1).cloned());
    if words.len() == 1 {
        words.push(OsString::new());
    }
    let text: Vec<String> = words
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    let _ = LINE.set(Line::read(&text, text.len() - 1, false));
    crate::live::names::quiet();
    let current_dir = std::env::current_dir().ok();
    let mut cmd = command();
    cmd.build();
    // Fish's answer is cobra's: `value<TAB>description` lines for the last word.
    let mut buf = Vec::new();
    if Fish
        .write_complete(&mut cmd, words, current_dir.as_deref(), &mut buf)
        .is_ok()
    {
        out.write_all(&buf)?;
    }
    writeln!(out, ":4")
}

/// The command line's definition with the completers attached to the values they complete.
pub fn command() -> Command {
    with_completers(crate::cli::Cli::command())
}

fn with_completers(cmd: Command) -> Command {
    cmd.mut_args(complete_global)
        .mut_subcommands(|sub| with_completers(sub.mut_args(complete_view_arg)))
}

fn complete_global(arg: Arg) -> Arg {
    match arg.get_id().as_str() {
        "namespace" => arg.add(ArgValueCompleter::new(namespaces)),
        "context" => arg.add(ArgValueCompleter::new(contexts)),
        "kubeconfig" => arg.value_hint(ValueHint::FilePath),
        "output" => arg.add(ArgValueCompleter::new(formats)),
        _ => arg,
    }
}

fn complete_view_arg(arg: Arg) -> Arg {
    match arg.get_id().as_str() {
        // `trace`'s first word is its target (with `-f`, its URL: see `targets`).
        "targets" | "args" => arg.add(ArgValueCompleter::new(targets)),
        "file" | "files" | "since" => arg.value_hint(ValueHint::FilePath),
        "name" => arg.add(ArgValueCompleter::new(route_names)),
        "cluster" => arg.add(ArgValueCompleter::new(cluster_names)),
        _ => arg,
    }
}

/// The registration script for `shell`: it runs `meshctl` (found on PATH) at each TAB.
pub fn registration(
    shell: clap_complete::Shell,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::Elvish => &clap_complete::env::Elvish,
        clap_complete::Shell::PowerShell => &clap_complete::env::Powershell,
        _ => &Bash,
    };
    completer.write_registration(ENV_VAR, "meshctl", "meshctl", "meshctl", out)
}

fn candidates(
    current: &str,
    names: impl IntoIterator<Item = String>,
    escape: bool,
) -> Vec<CompletionCandidate> {
    let current = unquoted(current);
    names
        .into_iter()
        .filter(|name| name.starts_with(&current))
        .map(|name| CompletionCandidate::new(if escape { shell_escaped(&name) } else { name }))
        .collect()
}

/// The word being completed as the shell will read it: a candidate inserted earlier came with
/// backslashes (bash, fish) and a word may open with a quote.
fn unquoted(word: &str) -> String {
    let word = word.strip_prefix(['"', '\'']).unwrap_or(word);
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// A backslash before each character bash would read as syntax (`|` in cluster names).
fn shell_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !(c.is_ascii_alphanumeric() || "-_./:@%+,=".contains(c)) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The names of a kind in the cluster, or none when the lookup fails or runs out of time.
fn cluster_names_of(kind: &str, line: &Line) -> Vec<String> {
    let Some(names) = target::kind_named(kind) else {
        return Vec::new();
    };
    crate::live::names::list_names(&line.cluster(), names).unwrap_or_default()
}

/// `[<type>/]<name>[.<namespace>]`: a pod name or a type prefix; after `TYPE/`, that kind's
/// names; after a `.`, namespaces. None with `-f` on the line: the input is the file, and the
/// cluster is not asked.
fn targets(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let line = line();
    if line.file.is_some() {
        return Vec::new();
    }
    let (typ, rest) = match current.split_once('/') {
        Some((typ, rest)) => (Some(typ), rest),
        None => (None, current),
    };
    if let Some((_, ns_prefix)) = rest.rsplit_once('.') {
        let head = &current[..current.len() - ns_prefix.len()];
        let namespaces = cluster_names_of("namespaces", &line);
        return candidates(
            current,
            namespaces.into_iter().map(|ns| format!("{head}{ns}")),
            line.escape,
        );
    }
    match typ {
        None => {
            let mut names: Vec<String> = TARGET_TYPES.iter().map(|t| format!("{t}/")).collect();
            names.extend(cluster_names_of("pods", &line));
            candidates(current, names, line.escape)
        }
        Some(typ) => {
            let selects_pods =
                target::kind_named(typ).is_some_and(|names| names.kind != Kind::Other);
            if !selects_pods {
                return Vec::new();
            }
            let names = cluster_names_of(typ, &line);
            candidates(
                current,
                names.into_iter().map(|name| format!("{typ}/{name}")),
                line.escape,
            )
        }
    }
}

fn namespaces(current: &OsStr) -> Vec<CompletionCandidate> {
    let line = line();
    candidates(
        &current.to_string_lossy(),
        cluster_names_of("namespaces", &line),
        line.escape,
    )
}

/// Context names from the kubeconfig the line would use: `--kubeconfig`, else `KUBECONFIG`'s
/// files, else `~/.kube/config`. No cluster is asked.
fn contexts(current: &OsStr) -> Vec<CompletionCandidate> {
    use kube::config::Kubeconfig;
    let line = line();
    let kubeconfig = match &line.kubeconfig {
        Some(path) => Kubeconfig::read_from(path).ok(),
        None => match Kubeconfig::from_env() {
            Ok(Some(config)) => Some(config),
            _ => std::env::var_os("HOME")
                .map(|home| Path::new(&home).join(".kube").join("config"))
                .and_then(|path| Kubeconfig::read_from(path).ok()),
        },
    };
    let names = kubeconfig
        .map(|config| {
            config
                .contexts
                .into_iter()
                .map(|c| c.name)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    candidates(&current.to_string_lossy(), names, line.escape)
}

fn formats(current: &OsStr) -> Vec<CompletionCandidate> {
    let names = ["short", "wide", "json", "yaml", "raw"].map(String::from);
    candidates(&current.to_string_lossy(), names, false)
}

/// Route configuration names from the `-f` dump on the line, else from the proxy of the line's
/// target.
fn route_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let line = line();
    let view = ViewKind::Routes(RouteFilter {
        name: None,
        verbose: true,
    });
    candidates(
        &current.to_string_lossy(),
        proxy_names(&line, &view),
        line.escape,
    )
}

/// Cluster names from the `-f` dump on the line, else from the proxy of the line's target.
fn cluster_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let line = line();
    let view = ViewKind::Clusters(ClusterFilter::default());
    candidates(
        &current.to_string_lossy(),
        proxy_names(&line, &view),
        line.escape,
    )
}

/// The `name` of every resource `view` selects, read as the view reads its input: from the
/// line's `-f` file (JSON or YAML, either key spelling), else live from the line's target within
/// the lookup budget (one port-forward, the view's own sections of the dump).
fn proxy_names(line: &Line, view: &ViewKind) -> Vec<String> {
    let doc = match (&line.file, &line.target) {
        (Some(path), _) if path != Path::new("-") => Document::read(path).ok(),
        (Some(_), _) => None,
        (None, Some(target)) => {
            let request = crate::live::admin_request(view, Format::Json);
            crate::live::fetch_view(&line.cluster(), crate::live::Proxy::Pod(target), &request)
                .and_then(|body| Document::from_received(body, target.clone()))
                .ok()
        }
        (None, None) => None,
    };
    let Some(doc) = doc else {
        return Vec::new();
    };
    let mut json = Vec::new();
    if crate::views::render(view, &doc, Format::Json, 0, &mut json).is_err() {
        return Vec::new();
    }
    let Ok(serde_json::Value::Array(items)) = serde_json::from_slice(&json) else {
        return Vec::new();
    };
    // Inbound listeners carry inline route configurations of the same name.
    let mut seen = std::collections::HashSet::new();
    items
        .iter()
        .filter_map(|item| item.get("name")?.as_str())
        .filter(|name| seen.insert(*name))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn the_line_says_where_to_look_in_every_flag_spelling() {
        let line = Line::read(
            &words("meshctl pc clusters -nprod --context=kind --kubeconfig /k -f d.json --as=me --as-group g deploy/"),
            13,
            true,
        );
        assert_eq!(line.impersonate.user.as_deref(), Some("me"));
        assert_eq!(line.impersonate.groups, ["g"]);
        assert_eq!(line.namespace.as_deref(), Some("prod"));
        assert_eq!(line.context.as_deref(), Some("kind"));
        assert_eq!(line.kubeconfig.as_deref(), Some(Path::new("/k")));
        assert_eq!(line.file.as_deref(), Some(Path::new("d.json")));
        let line = Line::read(&words("meshctl --namespace=a -n b --file=x pc"), 6, false);
        assert_eq!(line.namespace.as_deref(), Some("b"));
        assert_eq!(line.file.as_deref(), Some(Path::new("x")));
    }

    #[test]
    fn the_target_is_read_as_clap_reads_it() {
        let target = |line: &str, cursor| target_on_line(&words(line), cursor);
        assert_eq!(
            target("meshctl pc routes -n x deploy/web --name 8", 7).as_deref(),
            Some("deploy/web")
        );
        // A flag's value is not the target; the word under the cursor is not either.
        assert_eq!(
            target("meshctl pc r --name 80 web-1 --name", 6),
            Some("web-1".into())
        );
        assert_eq!(target("meshctl pc r --name web", 4), None);
        assert_eq!(
            target("meshctl pc trace web-1 http://a/ -v", 5).as_deref(),
            Some("web-1")
        );
    }

    #[test]
    fn cluster_names_are_escaped_for_bash() {
        assert_eq!(
            shell_escaped("outbound|80||a.b.svc.cluster.local"),
            "outbound\\|80\\|\\|a.b.svc.cluster.local"
        );
        assert_eq!(
            shell_escaped("deploy/web-1.default"),
            "deploy/web-1.default"
        );
    }

    #[test]
    fn the_current_word_is_matched_as_the_shell_reads_it() {
        assert_eq!(unquoted(r"outbound\|80\|v"), "outbound|80|v");
        assert_eq!(unquoted(r#""outbound|80"#), "outbound|80");
        assert_eq!(unquoted("deploy/web"), "deploy/web");
    }
}
