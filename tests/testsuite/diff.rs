//! `pc diff` on dumps a real Envoy made before and after a known xDS change
//! (`fixtures/make_diff.py`: one cluster's connect timeout and LB policy, a listener added, a
//! domain added to a listener's inline route configuration, a route removed, an endpoint added,
//! a certificate rotated), and live: two pods, a pod against a saved dump, and a pod watched
//! while its configuration changes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use testkit::apiserver::ApiServer;
use testkit::envoy::Envoy;

use crate::support::*;

const DIFFER: i32 = 6;
const INPUT: i32 = 1;
const USAGE: i32 = 2;

const V1: &str = "outbound|80|v1|customers.default.svc.cluster.local";
const CUSTOMERS: &str = "outbound|80||customers.default.svc.cluster.local";
const ZIPKIN_DOMAINS: &str = ".filterChains[0].filters[0].typedConfig.routeConfig.virtualHosts[\"zipkin.istio-system.svc.cluster.local:9411\"].domains[2]";
const LEGACY_ROUTE: &str =
    ".virtualHosts[\"customers.default.svc.cluster.local:80\"].routes[\"legacy-redirect\"]";
const ADDED_ENDPOINT: &str = ".endpoints[\"us-east1/us-east1-c\"].lbEndpoints[\"10.42.3.45:3000\"]";
const CERT_CHAIN: &str = ".tlsCertificate.certificateChain.inlineBytes";

fn diff_fixture(file: &str) -> PathBuf {
    fixture("diff", file)
}

fn run(args: &[&str]) -> std::process::Output {
    let home = temp_home();
    meshctl(home.path(), args, &[])
}

fn files_diff(a: &Path, b: &Path, extra: &[&str]) -> std::process::Output {
    let (a, b) = (path_str(a), path_str(b));
    let mut args = vec!["pc", "diff", "-f", &a, "-f", &b];
    args.extend_from_slice(extra);
    run(&args)
}

/// `(op, kind, name, path)` of each change in `-o json` output.
fn change_set(output: &std::process::Output) -> BTreeSet<(String, String, String, String)> {
    let changes: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("-o json does not parse: {e}\n{}", stdout(output)));
    changes
        .as_array()
        .expect("an array")
        .iter()
        .map(|c| {
            for key in ["op", "kind", "name", "path", "old", "new"] {
                assert!(c.get(key).is_some(), "{key} missing in {c}");
            }
            let s = |k: &str| c[k].as_str().unwrap().to_string();
            (s("op"), s("kind"), s("name"), s("path"))
        })
        .collect()
}

fn set(items: &[(&str, &str, &str, &str)]) -> BTreeSet<(String, String, String, String)> {
    items
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect()
}

/// The changes `make_diff.py` applied, as `view` shows them, from before to after
/// (`forward`) or back. A listener's inline route configuration is reported under its
/// listener in `all`; `routes` shows what Envoy lists: the new inline configuration next to the
/// old one, which Envoy keeps while the replaced listener drains.
fn applied(view: &str, forward: bool) -> BTreeSet<(String, String, String, String)> {
    let (add, remove) = if forward {
        ("added", "removed")
    } else {
        ("removed", "added")
    };
    let cluster = [
        ("changed", "cluster", V1, ".connectTimeout"),
        ("changed", "cluster", V1, ".lbPolicy"),
    ];
    let listener = [
        (add, "listener", "0.0.0.0_9000", ""),
        ("changed", "listener", "0.0.0.0_9411", ZIPKIN_DOMAINS),
    ];
    let route = [("changed", "route", "80", LEGACY_ROUTE)];
    let endpoints = [("changed", "endpoints", CUSTOMERS, ADDED_ENDPOINT)];
    let secret = [("changed", "secret", "default", CERT_CHAIN)];
    let _ = remove;
    match view {
        "clusters" => set(&cluster),
        "listeners" => set(&listener),
        "routes" => {
            let mut s = set(&route);
            s.extend(set(&[(add, "route", "zipkin-inline #1", "")]));
            s
        }
        "endpoints" | "eds" => set(&endpoints),
        "secrets" => set(&secret),
        "bootstrap" => BTreeSet::new(),
        "all" => [&cluster[..], &listener, &route, &endpoints, &secret]
            .concat()
            .iter()
            .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
            .collect(),
        other => panic!("no view {other}"),
    }
}

const VIEWS: [&str; 8] = [
    "all",
    "clusters",
    "listeners",
    "routes",
    "endpoints",
    "eds",
    "secrets",
    "bootstrap",
];

#[test]
fn the_applied_changes_and_nothing_else_in_both_directions_for_every_view() {
    let (before, after) = (diff_fixture("before.json"), diff_fixture("after.json"));
    for view in VIEWS {
        for forward in [true, false] {
            let (a, b) = if forward {
                (&before, &after)
            } else {
                (&after, &before)
            };
            let out = files_diff(a, b, &["--view", view, "-o", "json"]);
            let expected = applied(view, forward);
            let code = if expected.is_empty() { 0 } else { DIFFER };
            assert_eq!(out.status.code(), Some(code), "{view}: {}", stderr(&out));
            assert_eq!(change_set(&out), expected, "{view} forward={forward}");
        }
    }
}

#[test]
fn changed_fields_carry_their_old_and_new_values_in_istioctl_names() {
    let out = files_diff(
        &diff_fixture("before.json"),
        &diff_fixture("after.json"),
        &["-o", "json"],
    );
    // What a script does with it: jq reads every change's six keys.
    let mut jq = std::process::Command::new("jq")
        .args([
            "-e",
            "length > 0 and all(.[]; keys_unsorted == [\"op\",\"kind\",\"name\",\"path\",\"old\",\"new\"])",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("jq (dev/test installs it)");
    std::io::Write::write_all(jq.stdin.as_mut().unwrap(), &out.stdout).unwrap();
    let checked = jq.wait_with_output().unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
    let changes: Value = serde_json::from_slice(&out.stdout).unwrap();
    let find = |name: &str, path: &str| -> Value {
        changes
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name && c["path"] == path)
            .unwrap_or_else(|| panic!("no change {name} {path}"))
            .clone()
    };
    let timeout = find(V1, ".connectTimeout");
    assert_eq!(
        (&timeout["old"], &timeout["new"]),
        (&json!("10s"), &json!("2.500s"))
    );
    let lb = find(V1, ".lbPolicy");
    assert_eq!(
        (&lb["old"], &lb["new"]),
        (&json!("LEAST_REQUEST"), &json!("RANDOM"))
    );
    let domain = find("0.0.0.0_9411", ZIPKIN_DOMAINS);
    assert_eq!(
        (&domain["old"], &domain["new"]),
        (&Value::Null, &json!("zipkin.example"))
    );
    let route = find("80", LEGACY_ROUTE);
    assert_eq!(route["old"]["match"]["prefix"], "/legacy/");
    assert_eq!(route["new"], Value::Null);
    let endpoint = find(CUSTOMERS, ADDED_ENDPOINT);
    assert_eq!(
        endpoint["new"]["endpoint"]["address"]["socketAddress"]["address"],
        "10.42.3.45"
    );
    // An added resource is given whole, in istioctl's names.
    let listener = find("0.0.0.0_9000", "");
    assert_eq!(listener["op"], "added");
    assert_eq!(
        listener["new"]["address"]["socketAddress"]["portValue"],
        9000
    );
    assert_eq!(listener["new"]["bindToPort"], false);
    let cert = find("default", CERT_CHAIN);
    assert_ne!(cert["old"], cert["new"]);
}

#[test]
fn text_output_lists_resources_and_fields_with_old_and_new_values() {
    let out = files_diff(
        &diff_fixture("before.json"),
        &diff_fixture("after.json"),
        &["--view", "clusters"],
    );
    assert_eq!(out.status.code(), Some(DIFFER));
    assert_eq!(
        stdout(&out),
        format!(
            "~ cluster {V1}\n    .connectTimeout: \"10s\" → \"2.500s\"\n    .lbPolicy: \"LEAST_REQUEST\" → \"RANDOM\"\n"
        )
    );
    let out = files_diff(
        &diff_fixture("after.json"),
        &diff_fixture("before.json"),
        &["--view", "listeners"],
    );
    let text = stdout(&out);
    assert!(text.contains("- listener 0.0.0.0_9000\n"), "{text}");
    assert!(
        text.contains(&format!(
            "~ listener 0.0.0.0_9411\n    {ZIPKIN_DOMAINS}: \"zipkin.example\" → (none)\n"
        )),
        "{text}"
    );
    // YAML is the same list.
    let yaml = files_diff(
        &diff_fixture("before.json"),
        &diff_fixture("after.json"),
        &["--view", "clusters", "-o", "yaml"],
    );
    assert_eq!(yaml.status.code(), Some(DIFFER));
    assert!(
        stdout(&yaml).contains("path: \".connectTimeout\""),
        "{}",
        stdout(&yaml)
    );
}

/// istioctl's camelCase form of a fixture dump, in a temporary file.
fn camel_case_copy(dir: &Path, file: &str) -> PathBuf {
    let snake = std::fs::read_to_string(diff_fixture(file)).unwrap();
    let camel = crate::support::camel_case(&snake, "envoy.admin.v3.ConfigDump", Some(b"    "));
    assert!(camel.contains("\"dynamicActiveClusters\""));
    let path = dir.join(format!("camel-{file}"));
    std::fs::write(&path, camel).unwrap();
    path
}

#[test]
fn a_dump_against_itself_or_its_camel_case_form_is_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let before = diff_fixture("before.json");
    let camel_before = camel_case_copy(dir.path(), "before.json");
    let camel_after = camel_case_copy(dir.path(), "after.json");
    for view in VIEWS {
        for (a, b) in [(&before, &before), (&before, &camel_before)] {
            let out = files_diff(a, b, &["--view", view]);
            assert_eq!(out.status.code(), Some(0), "{view}: {}", stderr(&out));
            assert_eq!(stdout(&out), "", "{view}");
            let json = files_diff(a, b, &["--view", view, "-o", "json"]);
            assert_eq!(json.status.code(), Some(0));
            assert_eq!(change_set(&json), BTreeSet::new());
        }
        // The camelCase forms give the changes the snake_case dumps give.
        let out = files_diff(&camel_before, &camel_after, &["--view", view, "-o", "json"]);
        assert_eq!(change_set(&out), applied(view, true), "{view} camelCase");
    }
}

#[test]
fn all_fields_shows_last_updated_version_info_and_a_replicas_identity() {
    let (before, after) = (diff_fixture("before.json"), diff_fixture("after.json"));
    let out = files_diff(
        &before,
        &after,
        &["--view", "clusters", "--all-fields", "-o", "json"],
    );
    let changes = change_set(&out);
    // The CDS file's version changed; Envoy gives it to the clusters it updated.
    assert!(changes.contains(&(
        "changed".into(),
        "cluster".into(),
        V1.into(),
        ".versionInfo".into()
    )));
    assert!(changes.contains(&(
        "changed".into(),
        "cluster".into(),
        V1.into(),
        ".lastUpdated".into()
    )));
    assert!(changes.contains(&(
        "changed".into(),
        "cluster".into(),
        V1.into(),
        ".connectTimeout".into()
    )));

    // Another replica of the pod: nothing differs but who it is, which only --all-fields shows.
    let replica = diff_fixture("replica.json");
    for view in VIEWS {
        let out = files_diff(&before, &replica, &["--view", view]);
        assert_eq!(out.status.code(), Some(0), "{view}: {}", stdout(&out));
        assert_eq!(stdout(&out), "");
    }
    let out = files_diff(
        &before,
        &replica,
        &["--view", "bootstrap", "--all-fields", "-o", "json"],
    );
    assert_eq!(out.status.code(), Some(DIFFER));
    let paths: BTreeSet<String> = change_set(&out).into_iter().map(|c| c.3).collect();
    let expected: BTreeSet<String> = [
        ".bootstrap.node.id",
        ".bootstrap.node.metadata.NAME",
        ".bootstrap.node.metadata.INSTANCE_IPS",
        ".lastUpdated",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(paths, expected);
}

#[test]
fn filters_narrow_the_compared_resources() {
    let (before, after) = (diff_fixture("before.json"), diff_fixture("after.json"));
    let out = files_diff(
        &before,
        &after,
        &["--view", "clusters", "--fqdn", "ratings"],
    );
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));
    let out = files_diff(
        &before,
        &after,
        &["--view", "clusters", "--subset", "v1", "-o", "json"],
    );
    assert_eq!(change_set(&out), applied("clusters", true));
    let out = files_diff(
        &before,
        &after,
        &["--view", "routes", "--name", "80", "-o", "json"],
    );
    assert_eq!(
        change_set(&out),
        set(&[("changed", "route", "80", LEGACY_ROUTE)])
    );
    let out = files_diff(
        &before,
        &after,
        &["--view", "listeners", "--port", "9000", "-o", "json"],
    );
    assert_eq!(
        change_set(&out),
        set(&[("added", "listener", "0.0.0.0_9000", "")])
    );
    let out = files_diff(&before, &after, &["--view", "eds", "--cluster", V1]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn usage_and_input_errors_have_their_exit_codes() {
    let before = path_str(&diff_fixture("before.json"));
    for (args, code, message) in [
        (
            vec!["pc", "diff", "-f", &before],
            USAGE,
            "diff requires two pod names",
        ),
        (
            vec!["pc", "diff", "-f", &before, "-f", &before, "-f", &before],
            USAGE,
            "diff requires two pod names",
        ),
        (
            vec!["pc", "diff", "-f", &before, "-f", &before, "--view", "nope"],
            USAGE,
            "invalid --view \"nope\"",
        ),
        (
            vec!["pc", "diff", "-f", &before, "-f", &before, "--name", "80"],
            USAGE,
            "--name does not apply to diff --view all",
        ),
        (
            vec!["pc", "diff", "-f", &before, "-f", &before, "-o", "wide"],
            USAGE,
            "diff prints -o short, json or yaml",
        ),
        (
            vec!["pc", "diff", "-f", &before, "-f", &before, "--count", "2"],
            USAGE,
            "--interval and --count go with --watch",
        ),
        (
            vec!["pc", "diff", "a", "--watch", "-f", &before],
            USAGE,
            "diff --watch requires one pod name",
        ),
        (
            vec!["pc", "diff", "-f", &before, "-f", "/nonexistent/x.json"],
            INPUT,
            "cannot read /nonexistent/x.json: no such file",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
    }
    // A dump without the section a view compares.
    let dir = tempfile::tempdir().unwrap();
    let clusters_only = dir.path().join("clusters.json");
    let dump: Value =
        serde_json::from_str(&std::fs::read_to_string(diff_fixture("before.json")).unwrap())
            .unwrap();
    let kept: Vec<Value> = dump["configs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["@type"].as_str().unwrap().ends_with("ClustersConfigDump"))
        .cloned()
        .collect();
    std::fs::write(&clusters_only, json!({"configs": kept}).to_string()).unwrap();
    let out = files_diff(
        &diff_fixture("before.json"),
        &clusters_only,
        &["--view", "listeners"],
    );
    assert_eq!(out.status.code(), Some(INPUT));
    assert!(
        stderr(&out).contains("config dump has no configuration type type.googleapis.com/envoy.admin.v3.ListenersConfigDump"),
        "{}",
        stderr(&out)
    );
    let out = files_diff(
        &diff_fixture("before.json"),
        &clusters_only,
        &["--view", "clusters"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Every file of `a` is in `b` with the same bytes (`b` may have more).
fn assert_same_tree(a: &Path, b: &Path) {
    for entry in std::fs::read_dir(a).unwrap() {
        let entry = entry.unwrap();
        let other = b.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            assert_same_tree(&entry.path(), &other);
        } else {
            assert!(
                std::fs::read(entry.path()).unwrap() == std::fs::read(&other).unwrap(),
                "{} differs from {}",
                entry.path().display(),
                other.display()
            );
        }
    }
}

/// Replaces `relative` in a running Envoy's resources with the fixture's changed file, by a
/// rename, which Envoy's file watch reloads.
fn apply_change(envoy: &Envoy, relative: &str) {
    let target = envoy.config_dir().join(relative);
    let staging = target.with_extension("next");
    std::fs::copy(diff_fixture("change").join(relative), &staging).unwrap();
    std::fs::rename(&staging, &target).unwrap();
}

/// The changed files of `fixtures/diff/change/`, relative to it.
fn change_files(dir: &Path, under: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            change_files(&path, under, out);
        } else {
            out.push(path.strip_prefix(under).unwrap().display().to_string());
        }
    }
}

/// Live, against pods backed by real Envoys: A is the shared web-frontend Envoy (the fixture's
/// files are its files); B is an Envoy of its own, watched while its cluster file changes, then
/// given the rest of the changes. One Envoy of its own, not two: each Envoy on file-based xDS
/// holds a score of inotify instances, of which a user has 128, and tests run two at a time.
#[test]
fn live_two_pods_a_pod_and_a_saved_dump_and_a_watched_pod() {
    assert_same_tree(&diff_fixture("xds"), &fixture(SIDECAR, "xds"));
    let a = web_frontend_envoy();
    let b = Envoy::start_with(&diff_fixture("xds"));
    let server = ApiServer::builder()
        .pod(pod(PodSpec {
            name: "a",
            ..Default::default()
        }))
        .portforward_backend("default", "a", 15000, a.admin_addr())
        .pod(pod(PodSpec {
            name: "b",
            ..Default::default()
        }))
        .portforward_backend("default", "b", 15000, b.admin_addr())
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let live = |args: &[&str]| {
        let mut all = vec!["pc", "diff"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--kubeconfig", &kc]);
        meshctl(home.path(), &all, &[])
    };
    let before = path_str(&diff_fixture("before.json"));

    // The same configuration: no change, whenever each resource was accepted.
    let out = live(&["a", "b"]);
    assert_eq!(
        (out.status.code(), stdout(&out)),
        (Some(0), String::new()),
        "{}",
        stderr(&out)
    );
    let out = live(&["a", "-f", &before]);
    assert_eq!(
        (out.status.code(), stdout(&out)),
        (Some(0), String::new()),
        "{}",
        stderr(&out)
    );

    // Watched: the first change set once the cluster file changes, then it stops (--count 1).
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args([
            "pc",
            "diff",
            "b",
            "--watch",
            "--interval",
            "200ms",
            "--count",
            "1",
            "--view",
            "clusters",
            "-o",
            "json",
            "--kubeconfig",
            &kc,
        ])
        .env("HOME", home.path())
        .env_remove("KUBECONFIG")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Its first poll is its baseline: change the cluster once it has had time for it.
    std::thread::sleep(Duration::from_secs(2));
    apply_change(&b, "cds.yaml");
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("diff --watch saw no change in 30 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(DIFFER), "{}", stderr(&out));
    assert_eq!(
        change_set(&out),
        applied("clusters", true),
        "{}",
        stdout(&out)
    );

    // The rest of the changes, then B against A: what the fixture's dumps show.
    let change = diff_fixture("change");
    let mut files = Vec::new();
    change_files(&change, &change, &mut files);
    for file in files.iter().filter(|f| *f != "cds.yaml") {
        apply_change(&b, file);
    }
    let loaded = |dump: &str| {
        [
            "0.0.0.0_9000",
            "zipkin.example",
            "10.42.3.45",
            "2024-06-01T10:30:00Z/4",
        ]
        .iter()
        .all(|s| dump.contains(s))
            && !dump.contains("\"/legacy/\"")
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while !loaded(&b.admin_get("/config_dump?include_eds=true").body) {
        assert!(
            Instant::now() < deadline,
            "Envoy did not load the changes in 30 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    for view in VIEWS {
        for forward in [true, false] {
            let (x, y) = if forward { ("a", "b") } else { ("b", "a") };
            let out = live(&[x, y, "--view", view, "-o", "json"]);
            let expected = applied(view, forward);
            let code = if expected.is_empty() { 0 } else { DIFFER };
            assert_eq!(out.status.code(), Some(code), "{view}: {}", stderr(&out));
            let mut found = change_set(&out);
            if view == "routes" {
                // Envoy orders its inline route configurations by address: the new one is
                // first or second of the two of its name.
                let op = if forward { "added" } else { "removed" };
                let second = (
                    op.into(),
                    "route".into(),
                    "zipkin-inline #2".into(),
                    String::new(),
                );
                if found.remove(&second) {
                    found.insert((
                        op.into(),
                        "route".into(),
                        "zipkin-inline #1".into(),
                        String::new(),
                    ));
                }
            }
            assert_eq!(found, expected, "{view} forward={forward}");
        }
    }
    // A pod against a dump saved earlier.
    let out = live(&["b", "--since", &before, "-o", "json"]);
    assert_eq!(out.status.code(), Some(DIFFER), "{}", stderr(&out));
    assert_eq!(change_set(&out), applied("all", true));
}
