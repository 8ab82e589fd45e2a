//! The `meshctl` binary in offline mode, as an operator runs it: no kubeconfig anywhere (HOME and
//! KUBECONFIG point into an empty temporary directory), a saved dump given with `-f FILE` or on
//! standard input with `-f -`.
//!
//! Contract checked for every run: exit 0 with the output on stdout and nothing on stderr, or a
//! non-zero exit code (1 bad input, 2 usage, 3 Kubernetes; src/error.rs) with nothing on stdout
//! and exactly one line on stderr, preceded by the command's usage when the error is about its
//! arguments.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::support::fixture;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn sidecar_dump() -> String {
    fixture("web-frontend", "config_dump.json")
        .display()
        .to_string()
}

/// Runs meshctl with no kubeconfig reachable, optionally feeding standard input.
fn meshctl(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let home = tempfile::tempdir().expect("temporary HOME");
    let mut command = Command::new(env!("CARGO_BIN_EXE_meshctl"));
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("KUBECONFIG", home.path().join("config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = command.spawn().expect("run meshctl");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        // Written from a thread so a large dump cannot deadlock against a full stdout pipe.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("wait for meshctl");
    Run {
        code: status.code().expect("meshctl exited, not killed"),
        stdout: String::from_utf8(stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(stderr).expect("UTF-8 stderr"),
    }
}

fn ok(args: &[&str]) -> String {
    let run = meshctl(args, None);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, ""),
        "meshctl {args:?} should succeed quietly"
    );
    run.stdout
}

/// An error run: the code, nothing on stdout, one line on stderr; returns that line.
fn fails(args: &[&str], stdin: Option<&[u8]>, code: i32) -> String {
    let run = meshctl(args, stdin);
    assert_eq!(
        run.code, code,
        "meshctl {args:?}: exit code\nstderr: {}",
        run.stderr
    );
    assert_eq!(run.stdout, "", "meshctl {args:?}: nothing on stdout");
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "meshctl {args:?}: exactly one line on stderr, got:\n{}",
        run.stderr
    );
    assert!(run.stderr.ends_with('\n'));
    run.stderr.trim_end().to_string()
}

const SEED: &str = "ADDRESSES PORT MATCH                        DESTINATION\n\
                    0.0.0.0   80   Trans: raw_buffer; App: HTTP Route: 80\n\
                    0.0.0.0   80   ALL                          PassthroughCluster\n";

#[test]
fn listeners_port_80_prints_the_seed_rows_without_a_kubeconfig() {
    let dump = sidecar_dump();
    assert_eq!(ok(&["pc", "listeners", "-f", &dump, "--port", "80"]), SEED);
    // The same with the long command name and the other aliases.
    for command in [
        ["proxy-config", "listener"],
        ["pc", "l"],
        ["pc", "listener"],
    ] {
        let args = [command[0], command[1], "-f", &dump, "--port", "80"];
        assert_eq!(ok(&args), SEED, "{args:?}");
    }
}

#[test]
fn a_dump_on_standard_input() {
    let bytes = std::fs::read(sidecar_dump()).unwrap();
    let run = meshctl(&["pc", "l", "-f", "-", "--port", "80"], Some(&bytes));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, SEED);
}

#[test]
fn every_view_and_alias_runs_offline() {
    let dump = sidecar_dump();
    let clusters = fixture("web-frontend", "clusters.json")
        .display()
        .to_string();
    let groups: [(&[&str], &str, &str); 9] = [
        (&["cluster", "clusters", "c"], &dump, "SERVICE FQDN"),
        (&["listener", "listeners", "l"], &dump, "ADDRESSES"),
        (&["route", "routes", "r"], &dump, "VHOST NAME"),
        (&["endpoint", "endpoints", "ep"], &clusters, "OUTLIER CHECK"),
        (&["eds"], &dump, "LOCALITY"),
        (&["secret", "secrets", "s"], &dump, "SERIAL NUMBER"),
        (&["ecds", "ec"], &dump, "ECDS NAME"),
        (&["all", "a"], &dump, "Envoy Version:"),
        (&["bootstrap", "b"], &dump, "\"bootstrap\": {"),
    ];
    for (names, file, marker) in groups {
        let first = ok(&["pc", names[0], "-f", file]);
        assert!(
            first.contains(marker),
            "pc {}: no {marker:?}:\n{first}",
            names[0]
        );
        for alias in &names[1..] {
            assert_eq!(ok(&["pc", alias, "-f", file]), first, "pc {alias}");
        }
    }
}

#[test]
fn bootstrap_defaults_to_json_others_to_short() {
    let dump = sidecar_dump();
    let out = ok(&["pc", "bootstrap", "-f", &dump]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON by default");
    assert_eq!(
        v["bootstrap"]["node"]["metadata"]["ISTIO_VERSION"],
        "1.24.2"
    );
    let short = ok(&["pc", "bootstrap", "-f", &dump, "-o", "short"]);
    assert!(short.starts_with("Istio Version:"), "{short}");
}

#[test]
fn output_formats_and_global_flags_after_the_command() {
    let dump = sidecar_dump();
    for format in ["json", "raw"] {
        let out = ok(&["pc", "c", "-f", &dump, "--fqdn", "customers", "-o", format]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 3, "-o {format}");
    }
    let yaml = ok(&[
        "pc",
        "c",
        "-f",
        &dump,
        "--fqdn",
        "customers",
        "--output",
        "yaml",
    ]);
    let v: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    let wide = ok(&["-o", "wide", "pc", "c", "-f", &dump, "--fqdn", "customers"]);
    assert!(wide.lines().next().unwrap().contains("LB POLICY"), "{wide}");
}

#[test]
fn verbose_takes_an_optional_value_and_port_0_is_no_filter() {
    let dump = sidecar_dump();
    let terse = ok(&["pc", "l", "-f", &dump, "--verbose=false"]);
    assert!(terse.starts_with("ADDRESSES   PORT  TYPE\n"), "{terse}");
    assert_eq!(terse.lines().count(), 11);
    let verbose = ok(&["pc", "l", "-f", &dump, "--verbose"]);
    assert_eq!(verbose, ok(&["pc", "l", "-f", &dump]));
    assert_eq!(ok(&["pc", "l", "-f", &dump, "--port", "0"]), verbose);
    assert_eq!(
        ok(&["pc", "c", "-f", &dump, "--port", "0"]),
        ok(&["pc", "c", "-f", &dump])
    );
}

#[test]
fn all_with_headers_and_filters() {
    let dump = sidecar_dump();
    let out = ok(&[
        "pc",
        "all",
        "-f",
        &dump,
        "--with-headers",
        "--port",
        "8080",
        "--name",
        "8080",
    ]);
    assert!(out.starts_with("------ BOOTSTRAP INFO ------\n\n"), "{out}");
    assert!(
        out.contains("\n\n------ ENDPOINTS INFO ------\n\n"),
        "{out}"
    );
    assert!(out.contains("listener/0.0.0.0_8080 "), "{out}");
    assert!(!out.contains("listener/0.0.0.0_80 "), "{out}");
}

#[test]
fn bad_input_exits_1_with_one_line() {
    let missing = fails(&["pc", "c", "-f", "/nonexistent/dump.json"], None, 1);
    assert_eq!(
        missing,
        "Error: cannot read /nonexistent/dump.json: no such file"
    );
    let empty = fails(&["pc", "c", "-f", "-"], Some(b""), 1);
    assert_eq!(empty, "Error: standard input is empty");
    let clusters = fixture("web-frontend", "clusters.json")
        .display()
        .to_string();
    let wrong = fails(&["pc", "c", "-f", &clusters], None, 1);
    assert_eq!(
        wrong,
        "Error: config dump has no configuration type type.googleapis.com/envoy.admin.v3.ClustersConfigDump"
    );
    let gateway = fixture("ingress-gateway", "config_dump.json")
        .display()
        .to_string();
    let no_ecds = fails(&["pc", "ecds", "-f", &gateway], None, 1);
    assert_eq!(
        no_ecds,
        "Error: config dump has no configuration type type.googleapis.com/envoy.admin.v3.EcdsConfigDump"
    );
}

/// An error about a command's arguments: exit 2, nothing on stdout, the command's usage on stderr
/// and then the error as the last line; returns that line.
fn fails_after_usage(args: &[&str], usage: &str) -> String {
    let run = meshctl(args, None);
    assert_eq!(
        run.code, 2,
        "meshctl {args:?}: exit code\nstderr: {}",
        run.stderr
    );
    assert_eq!(run.stdout, "", "meshctl {args:?}: nothing on stdout");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines.len() >= 2 && lines[0].starts_with(usage),
        "meshctl {args:?}: the usage ({usage}) first, got:\n{}",
        run.stderr
    );
    lines.last().unwrap().to_string()
}

#[test]
fn a_view_without_target_or_file_is_a_usage_error() {
    let dump = sidecar_dump();
    for (args, name) in [
        (&["pc", "clusters"][..], "cluster"),
        (&["pc", "l"], "listener"),
        (&["pc", "ecds"], "ecds"),
        (&["pc", "ep"], "endpoints"),
        (&["pc", "endpoint", "a", "b"], "endpoints"),
        // A file and exactly one target is the one refused combination.
        (&["pc", "r", "somepod", "-f", &dump], "route"),
        // The next word is never a boolean's value: `false` is a target next to the file.
        (&["pc", "l", "-f", &dump, "--verbose", "false"], "listener"),
    ] {
        let command = args[1];
        let full = match command {
            "clusters" => "cluster",
            "l" => "listener",
            "ep" | "endpoint" => "endpoint",
            "r" => "route",
            other => other,
        };
        let line = fails_after_usage(args, &format!("Usage: meshctl proxy-config {full} "));
        assert_eq!(
            line,
            format!("Error: {name} requires pod name or --file parameter")
        );
    }
    assert_eq!(
        fails_after_usage(
            &["pc", "rc", "a"],
            "Usage: meshctl proxy-config rootca-compare "
        ),
        "Error: rootca-compare requires 2 pods as an argument"
    );
    assert_eq!(
        fails_after_usage(&["pc", "log"], "Usage: meshctl proxy-config log "),
        "Error: log requires pod name or --selector"
    );
    assert_eq!(
        fails_after_usage(
            &["pc", "log", "p", "--reset", "--level", "debug"],
            "Usage: meshctl proxy-config log "
        ),
        "Error: --level cannot be combined with --reset"
    );
}

#[test]
fn a_file_with_several_targets_ignores_them() {
    let dump = sidecar_dump();
    assert_eq!(
        ok(&["pc", "l", "a", "b", "-f", &dump, "--port", "80"]),
        SEED
    );
}

#[test]
fn pc_alone_prints_its_help_and_exits_0() {
    let help = ok(&["pc"]);
    assert!(help.contains("Usage: meshctl proxy-config"), "{help}");
    for command in ["all", "cluster", "listener", "route", "endpoint", "log"] {
        assert!(help.contains(command), "pc lacks {command}:\n{help}");
    }
}

#[test]
fn flag_errors_read_like_istioctls() {
    let dump = sidecar_dump();
    for (args, want) in [
        (&["pc", "c", "-f", &dump, "--bogus"][..], "Error: unknown flag: --bogus"),
        (&["pc", "c", "-f", &dump, "-Z"], "Error: unknown shorthand flag: 'Z' in -Z"),
        (&["pc", "c", "-f", &dump, "--port"], "Error: flag needs an argument: --port"),
        (&["pc", "c", "-f", &dump, "-n"], "Error: flag needs an argument: 'n' in -n"),
        (
            &["pc", "l", "-f", &dump, "--port", "x"],
            "Error: invalid argument \"x\" for \"--port\" flag: strconv.ParseInt: parsing \"x\": invalid syntax",
        ),
        (
            &["pc", "l", "-f", &dump, "--port", "08"],
            "Error: invalid argument \"08\" for \"--port\" flag: strconv.ParseInt: parsing \"08\": invalid syntax",
        ),
        (
            &["pc", "l", "-f", &dump, "--verbose=no"],
            "Error: invalid argument \"no\" for \"--verbose\" flag: strconv.ParseBool: parsing \"no\": invalid syntax",
        ),
        (
            &["pc", "all", "-f", &dump, "--with-headers=2"],
            "Error: invalid argument \"2\" for \"--with-headers\" flag: strconv.ParseBool: parsing \"2\": invalid syntax",
        ),
        (
            &["pc", "c", "-f", &dump, "--proxy-admin-port", "0"],
            "Error: port number 0 must be in the range 1..65535",
        ),
        (
            &["pc", "c", "-f", &dump, "--kubeclient-timeout", "soon"],
            "Error: invalid argument \"soon\" for \"--kubeclient-timeout\" flag: time: invalid duration \"soon\"",
        ),
        // Flags are read before the arguments are counted.
        (&["pc", "c", "--port", "x"], "Error: invalid argument \"x\" for \"--port\" flag: strconv.ParseInt: parsing \"x\": invalid syntax"),
    ] {
        assert_eq!(fails(args, None, 2), want, "{args:?}");
    }
}

#[test]
fn an_unsupported_output_format_is_refused_once_the_dump_is_read() {
    let dump = sidecar_dump();
    assert_eq!(
        fails(&["pc", "c", "-f", &dump, "-o", "bogus"], None, 2),
        "Error: output format \"bogus\" not supported"
    );
    // The file is read and parsed first ...
    let missing = fails(
        &["pc", "c", "-f", "/nonexistent/dump.json", "-o", "bogus"],
        None,
        1,
    );
    assert_eq!(
        missing,
        "Error: cannot read /nonexistent/dump.json: no such file"
    );
    let truncated = fails(
        &["pc", "r", "-f", "-", "-o", "JSON"],
        Some(b"{\"configs\": [{"),
        1,
    );
    assert!(truncated.contains("truncated JSON"), "{truncated}");
    // ... except by `all`, which refuses the format first.
    assert_eq!(
        fails(
            &["pc", "all", "-f", "/nonexistent/dump.json", "-o", "bogus"],
            None,
            2
        ),
        "Error: output format \"bogus\" not supported"
    );
    // `log` refuses any format but short before doing anything (no kubeconfig is needed).
    assert_eq!(
        fails(&["pc", "log", "pod", "-o", "json"], None, 2),
        "Error: --output is not applicable for this command"
    );
}

#[test]
fn ports_in_go_syntax_and_negative_ports_match_nothing() {
    let dump = sidecar_dump();
    for port in ["0x50", "0o120", "0120", "0b1010000", "8_0", "+80"] {
        assert_eq!(
            ok(&["pc", "l", "-f", &dump, "--port", port]),
            SEED,
            "--port {port}"
        );
    }
    let listeners = ok(&["pc", "l", "-f", &dump, "--port", "-1"]);
    assert_eq!(listeners, "ADDRESSES PORT MATCH DESTINATION\n");
    // -1 is 4294967295 as a 32-bit port, which no listener has; 2^32 + 80 is 80.
    assert_eq!(ok(&["pc", "l", "-f", &dump, "--port=4294967376"]), SEED);
    let clusters = ok(&["pc", "c", "-f", &dump, "--port", "-1"]);
    assert_eq!(clusters.lines().count(), 1, "{clusters}");
    let eds = ok(&["pc", "eds", "-f", &dump, "--port=-1"]);
    assert_eq!(eds, "NAME     STATUS     LOCALITY     CLUSTER\n");
    // 2^32 + 9080 is port 9080 as EDS compares ports.
    assert_eq!(
        ok(&["pc", "eds", "-f", &dump, "--port=4294976376"]),
        ok(&["pc", "eds", "-f", &dump, "--port=9080"])
    );
    let endpoints = fixture("web-frontend", "clusters.json")
        .display()
        .to_string();
    let ep = ok(&["pc", "ep", "-f", &endpoints, "--port=-1"]);
    assert_eq!(ep.lines().count(), 1, "{ep}");
}

#[test]
fn a_target_without_a_kubeconfig_is_a_kubernetes_error_in_one_line() {
    let line = fails(
        &["pc", "clusters", "web-frontend-7d9f8-abcde.default"],
        None,
        3,
    );
    assert!(line.starts_with("Error: "), "{line}");
    assert!(line.contains("kubeconfig"), "{line}");
}

/// clap's own usage errors (unknown flag, bad value) are errors like any other: exit 2, nothing
/// on stdout, one line on stderr.
#[test]
fn usage_errors_from_argument_parsing_are_one_line() {
    let dump = sidecar_dump();
    let cases: [&[&str]; 7] = [
        &["pc", "clusters", "-f", &dump, "--bogus"],
        &["pc", "c", "-f", &dump, "-o", "bogus"],
        &["pc", "c", "-f", &dump, "--proxy-admin-port", "0"],
        &["pc", "l", "-f", &dump, "--port", "x"],
        &["pc", "bogus"],
        &["completion", "bogus"],
        &["bogus"],
    ];
    for args in cases {
        fails(args, None, 2);
    }
}

#[test]
fn help_and_version_go_to_stdout_and_exit_0() {
    let help = ok(&["--help"]);
    assert!(help.contains("proxy-config"), "{help}");
    assert!(help.contains("completion"), "{help}");
    let pc_help = ok(&["pc", "--help"]);
    for command in [
        "all",
        "bootstrap",
        "cluster",
        "listener",
        "route",
        "endpoint",
        "secret",
        "ecds",
    ] {
        assert!(
            pc_help.contains(command),
            "pc --help lacks {command}:\n{pc_help}"
        );
    }
    let listener_help = ok(&["pc", "listener", "--help"]);
    for flag in [
        "--address",
        "--port",
        "--type",
        "--verbose",
        "--file",
        "--output",
    ] {
        assert!(listener_help.contains(flag), "listener --help lacks {flag}");
    }
    let version = ok(&["--version"]);
    assert!(version.starts_with("meshctl "), "{version}");
}

/// The scripts register meshctl as its own completer; the words come from the binary at each TAB.
#[test]
fn completion_scripts_for_bash_zsh_and_fish() {
    let bash = ok(&["completion", "bash"]);
    assert!(
        bash.contains("-F _clap_complete_meshctl meshctl"),
        "bash script: {bash}"
    );
    // The script is valid bash.
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("meshctl.bash");
    std::fs::write(&script, &bash).unwrap();
    let check = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .expect("bash");
    assert!(
        check.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let zsh = ok(&["completion", "zsh"]);
    assert!(zsh.starts_with("#compdef meshctl"), "zsh script");
    assert!(zsh.contains("compdef _clap_dynamic_completer_meshctl meshctl"));
    let fish = ok(&["completion", "fish"]);
    assert!(
        fish.contains("complete --keep-order --exclusive --command meshctl"),
        "fish script"
    );

    // What the scripts ask: `COMPLETE=<shell> meshctl -- WORDS`, the last word completed.
    let home = tempfile::tempdir().unwrap();
    for (words, expect) in [
        (&["meshctl", "proxy-"][..], "proxy-config"),
        (&["meshctl", "pc", "listen"][..], "listener"),
        (&["meshctl", "pc", "all", "--with-h"][..], "--with-headers"),
        (&["meshctl", "pc", "clusters", "--fq"][..], "--fqdn"),
        (&["meshctl", "pc", "c", "-o", "ya"][..], "yaml"),
    ] {
        let mut args = vec!["--"];
        args.extend_from_slice(words);
        let out = crate::support::meshctl(home.path(), &args, &[("COMPLETE", "fish")]);
        let got = crate::support::stdout(&out);
        assert!(
            got.lines().any(|l| l.split('\t').next() == Some(expect)),
            "{words:?}: {got:?}"
        );
    }
}

/// `meshctl ... | head -c 100`: output big enough to be written from the output thread; the
/// reader going away ends meshctl quietly with success, as it does for a table.
#[test]
fn a_reader_that_stops_early_ends_meshctl_quietly() {
    use std::io::Read;
    let dump = sidecar_dump();
    let mut child = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(["pc", "all", "-o", "json", "-f", &dump])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run meshctl");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    assert!(
        first.starts_with(b"{"),
        "{:?}",
        String::from_utf8_lossy(&first)
    );
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
}

/// The process runs on small pages from its first allocation (huge pages are turned back on
/// for config dumps only): the allocator's first, mostly empty 2 MB pages are 4 MB of the peak
/// RSS the benchmark holds `/clusters` views to. Seen while meshctl waits for a dump on stdin.
#[cfg(target_os = "linux")]
#[test]
fn meshctl_starts_without_huge_pages() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(["pc", "clusters", "-f", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("run meshctl");
    let status_file = format!("/proc/{}/status", child.id());
    let thp_enabled = || {
        let status = std::fs::read_to_string(&status_file).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("THP_enabled:"))
            .map(|v| v.trim().to_string())
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let mut seen = thp_enabled();
    while seen.as_deref() != Some("0") && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
        seen = thp_enabled();
    }
    drop(child.stdin.take());
    let _ = child.wait();
    assert_eq!(seen.as_deref(), Some("0"), "THP_enabled in {status_file}");
}

/// Regression: a missing file whose name held the text of a closed pipe's error ("Broken
/// pipe") was taken for a closed standard output, and meshctl exited 0 with nothing printed.
#[test]
fn missing_file_named_broken_pipe_is_an_error_not_a_closed_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Broken pipe.json");
    let path = path.to_str().unwrap();
    let line = fails(&["pc", "clusters", "-f", path], None, 1);
    assert_eq!(line, format!("Error: cannot read {path}: no such file"));
}

/// Regression: a write error on standard output other than a closed pipe (a full disk) was
/// filed as bad input with the OS's bare text; it is a write error and says so.
#[cfg(target_os = "linux")]
#[test]
fn full_disk_on_standard_output_fails_with_its_own_message() {
    let dump = sidecar_dump();
    for args in [
        &["pc", "clusters", "-f", &dump][..],
        &["pc", "all", "-o", "json", "-f", &dump][..],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_meshctl"))
            .args(args)
            .stdout(std::fs::File::create("/dev/full").expect("/dev/full"))
            .stderr(Stdio::piped())
            .output()
            .expect("run meshctl");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(
            stderr, "Error: cannot write the output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

/// `meshctl ... | head -1` on a table: the reader has gone away before meshctl writes (its end
/// of the pipe is closed before meshctl starts), so every write fails with EPIPE; meshctl exits 0
/// and says nothing.
#[test]
fn a_table_written_to_a_closed_pipe_exits_0_quietly() {
    let dump = sidecar_dump();
    for args in [
        &["pc", "all", "-f", &dump][..],
        &["pc", "clusters", "-f", &dump][..],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = Command::new(env!("CARGO_BIN_EXE_meshctl"))
            .args(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("run meshctl");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
}
