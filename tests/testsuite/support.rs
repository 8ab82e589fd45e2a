//! Shared set-up for the integration tests: the fixtures and the clock the offline views are
//! rendered at; and for the live-mode end-to-end tests, the test API server from testkit, pods
//! shaped like a cluster's, a real Envoy shared by the tests that run at the same time, and the
//! meshctl binary run with a clean environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex, Weak};

use serde_json::{json, Value};
use testkit::envoy::Envoy;

/// 2025-06-15T00:00:00Z: inside the validity of the fixtures' current certificates, after the
/// expired ones.
pub const NOW: i64 = 1_749_945_600;

/// The fixture scenarios of a sidecar and of an ingress gateway.
pub const SIDECAR: &str = "web-frontend";
pub const GATEWAY: &str = "ingress-gateway";

/// `fixtures/<scenario>/<file>`, made by a real Envoy (`fixtures/make.py`).
pub fn fixture(scenario: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(scenario)
        .join(file)
}

/// One Envoy on the web-frontend scenario for every test that holds it at the same time: starting
/// Envoy costs seconds on a shared machine. It is killed when the last holder lets go, so nothing
/// outlives the test process.
pub fn web_frontend_envoy() -> Arc<Envoy> {
    static SHARED: Mutex<Weak<Envoy>> = Mutex::new(Weak::new());
    let mut shared = SHARED.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(envoy) = shared.upgrade() {
        return envoy;
    }
    let envoy = Arc::new(Envoy::start("web-frontend"));
    *shared = Arc::downgrade(&envoy);
    envoy
}

/// Held by a test while it runs several Envoys of its own on files: each takes an inotify
/// instance per watched file, and a machine allows a user few (128 by default), so two such
/// tests at once could leave an Envoy without one.
pub fn several_envoys() -> std::sync::MutexGuard<'static, ()> {
    static HELD: Mutex<()> = Mutex::new(());
    HELD.lock().unwrap_or_else(|p| p.into_inner())
}

/// A pod as the API server returns it. `ready_since` None: running but not ready.
pub struct PodSpec<'a> {
    pub name: &'a str,
    pub namespace: &'a str,
    pub labels: Value,
    pub phase: &'a str,
    pub ready_since: Option<&'a str>,
    pub created: &'a str,
    pub restarts: i64,
}

impl Default for PodSpec<'_> {
    fn default() -> Self {
        PodSpec {
            name: "pod",
            namespace: "default",
            labels: json!({}),
            phase: "Running",
            ready_since: Some("2024-06-01T10:01:00Z"),
            created: "2024-06-01T10:00:00Z",
            restarts: 0,
        }
    }
}

pub fn pod(spec: PodSpec) -> Value {
    let ready = spec.ready_since.is_some();
    json!({
        "metadata": {
            "name": spec.name,
            "namespace": spec.namespace,
            "labels": spec.labels,
            "creationTimestamp": spec.created,
        },
        "spec": {
            "nodeName": "node-1",
            "containers": [{"name": "app", "image": "app:1"}, {"name": "istio-proxy", "image": "proxyv2:1"}],
        },
        "status": {
            "phase": spec.phase,
            "conditions": [{
                "type": "Ready",
                "status": if ready { "True" } else { "False" },
                "lastTransitionTime": spec.ready_since.unwrap_or(spec.created),
            }],
            "containerStatuses": [
                {"name": "app", "ready": ready, "restartCount": spec.restarts, "image": "app:1", "imageID": ""},
                {"name": "istio-proxy", "ready": ready, "restartCount": 0, "image": "proxyv2:1", "imageID": ""},
            ],
        },
    })
}

/// A workload object with a `spec.selector` of match labels.
pub fn workload(kind: &str, name: &str, namespace: &str, match_labels: Value) -> Value {
    let api_version = match kind {
        "Job" => "batch/v1",
        _ => "apps/v1",
    };
    json!({
        "apiVersion": api_version,
        "kind": kind,
        "metadata": {"name": name, "namespace": namespace},
        "spec": {
            "selector": {"matchLabels": match_labels},
            "template": {"metadata": {"labels": match_labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}},
        },
    })
}

/// Runs the meshctl binary with no inherited cluster settings: no KUBECONFIG, HOME in `home` (so
/// no ~/.kube/config), no proxies; `env` adds variables.
pub fn meshctl(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_meshctl"));
    command.args(args).env("HOME", home).env("NO_COLOR", "1");
    for var in [
        "KUBECONFIG",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "NO_PROXY",
        "no_proxy",
    ] {
        command.env_remove(var);
    }
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run meshctl")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts a failed run: the exit code, nothing on stdout, one stderr line containing `expect`.
pub fn assert_fails(output: &Output, code: i32, expect: &str) -> String {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(code), "exit code; stderr: {err}");
    assert_eq!(stdout(output), "", "stdout must stay empty on error");
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(
        err.contains(expect),
        "stderr {err:?} should contain {expect:?}"
    );
    err
}

/// A temporary directory that doubles as HOME and holds kubeconfigs.
pub fn temp_home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

pub fn path_str(path: &Path) -> String {
    path.to_str()
        .expect("temporary paths are UTF-8")
        .to_string()
}

/// Go's tabwriter layout of `rows` (the header first): every cell but the last of its line is
/// padded to the widest cell of its column plus `padding`; widths count characters.
pub fn layout<S: AsRef<str>>(padding: usize, rows: &[Vec<S>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(row.len().saturating_sub(1)) {
            widths[i] = widths[i].max(cell.as_ref().chars().count() + padding);
        }
    }
    let mut text = String::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            text.push_str(cell.as_ref());
            if i + 1 < row.len() {
                let fill = widths[i] - cell.as_ref().chars().count();
                text.extend(std::iter::repeat_n(' ', fill));
            }
        }
        text.push('\n');
    }
    text
}

pub fn owned<const N: usize>(header: [&str; N], rows: &[[&str; N]]) -> Vec<Vec<String>> {
    std::iter::once(&header)
        .chain(rows)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// Compares two tables line by line, trailing blanks aside, naming the first differing line.
pub fn assert_same_text(actual: &str, expected: &str) {
    let a: Vec<&str> = actual.lines().map(str::trim_end).collect();
    let e: Vec<&str> = expected.lines().map(str::trim_end).collect();
    for (i, (x, y)) in a.iter().zip(&e).enumerate() {
        assert_eq!(
            x,
            y,
            "line {} differs\n--- actual ---\n{actual}--- expected ---\n{expected}",
            i + 1
        );
    }
    assert_eq!(
        a.len(),
        e.len(),
        "line count differs\n--- actual ---\n{actual}--- expected ---\n{expected}"
    );
    assert!(actual.ends_with('\n'), "output must end with a newline");
}

pub fn assert_table<const N: usize>(
    actual: &str,
    padding: usize,
    header: [&str; N],
    rows: &[[&str; N]],
) {
    assert_same_text(actual, &layout(padding, &owned(header, rows)));
}

/// A section of a fixture's dump as JSON, to read what Envoy listed in hash order.
pub fn section_value(scenario: &str, section: &str) -> serde_json::Value {
    let type_url = format!("type.googleapis.com/envoy.admin.v3.{section}");
    let text = std::fs::read_to_string(fixture(scenario, "config_dump.json")).unwrap();
    let dump: serde_json::Value = serde_json::from_str(&text).unwrap();
    dump["configs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["@type"] == type_url.as_str())
        .unwrap_or_else(|| panic!("no {section} in the {scenario} dump"))
        .clone()
}

/// An HTTP/1.1 server on 127.0.0.1 answering every request of its kept-alive connections with
/// `answer(request line)` = (status line text, body); requests carry no body.
pub fn keep_alive_server(answer: fn(&str) -> (&'static str, &'static str)) -> std::net::SocketAddr {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut stream = stream;
                loop {
                    let mut request_line = String::new();
                    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
                        return;
                    }
                    // The head ends with an empty line.
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                            break;
                        }
                    }
                    let (status, body) = answer(&request_line);
                    let response = format!(
                        "HTTP/1.1 {status}\r\ncontent-type: text/plain\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if stream.write_all(response.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    addr
}

/// `json` (Envoy's snake_case) in istioctl's camelCase, as the schema transcoder writes it: the
/// message `root` (`envoy.admin.v3.ConfigDump`, `envoy.admin.v3.Clusters`), `indent` per level.
pub fn camel_case(json: &str, root: &'static str, indent: Option<&[u8]>) -> String {
    let mut out = Vec::new();
    envoy_schema::transcode(
        json,
        envoy_schema::Root::Message(root),
        envoy_schema::KeyStyle::ProtoJson,
        &mut out,
        indent,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}
