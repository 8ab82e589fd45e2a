//! The test API server is only worth something if real clients cannot tell it from a cluster:
//! every kubectl on this machine (`kubectl` and the versioned `kubectl.1.NN` beside it) runs
//! the same checks against it, and every failure is reported per version.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use testkit::apiserver::{timestamp_ago, ApiServer, Denial};

const USER: &str = "system:serviceaccount:default:meshctl-reader";
const TOKEN: &str = "reader-token";

fn find_on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
    })
}

/// `kubectl` itself, then the versioned binaries in the folder it resolves to, oldest first.
fn kubectl_binaries() -> Vec<PathBuf> {
    let Some(kubectl) = find_on_path("kubectl") else {
        panic!("kubectl is not on PATH: these fidelity checks need the real kubectl (the machine image provides it)");
    };
    let mut binaries = vec![kubectl.clone()];
    let resolved = std::fs::canonicalize(&kubectl).unwrap_or(kubectl);
    let dir = resolved.parent().unwrap_or(Path::new("/")).to_path_buf();
    let mut versioned: Vec<(u32, PathBuf)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().to_string();
                    let minor = name.strip_prefix("kubectl.1.")?.parse().ok()?;
                    Some((minor, e.path()))
                })
                .collect()
        })
        .unwrap_or_default();
    versioned.sort();
    binaries.extend(versioned.into_iter().map(|(_, path)| path));
    binaries
}

fn pod(name: &str, namespace: &str, labels: Value, created_ago: Duration) -> Value {
    json!({
        "metadata": {"name": name, "namespace": namespace, "labels": labels,
                     "creationTimestamp": timestamp_ago(created_ago)},
        "spec": {"nodeName": "node-1",
                 "containers": [{"name": "app", "image": "app:1"}, {"name": "istio-proxy", "image": "proxyv2:1"}]},
        "status": {"phase": "Running", "podIP": "10.1.0.7", "containerStatuses": [
            {"name": "app", "ready": true, "restartCount": 0, "state": {"running": {}}},
            {"name": "istio-proxy", "ready": true, "restartCount": 2, "state": {"running": {}},
             "lastState": {"terminated": {"exitCode": 1, "finishedAt": timestamp_ago(Duration::from_secs(20 * 60))}}}
        ]}
    })
}

/// A deployment with every server-filled field given, so the exact object must come back.
fn deployment() -> Value {
    json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "web", "namespace": "default", "uid": "6a1c4a1e-0d6f-4c55-9d0e-2f8b9c1d7e01",
                     "resourceVersion": "4242", "generation": 3,
                     "creationTimestamp": "2024-03-09T10:11:12Z",
                     "labels": {"app": "web"}, "annotations": {"deployment.kubernetes.io/revision": "3"}},
        "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}},
                              "spec": {"containers": [{"name": "app", "image": "app:1",
                                                       "ports": [{"containerPort": 8080, "protocol": "TCP"}]}]}}},
        "status": {"replicas": 3, "readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2,
                   "observedGeneration": 3}
    })
}

/// A core v1 replication controller part-way through scaling up (desired, current and ready all
/// differ), every server-filled field given: its `spec.selector` is a plain label map, not a
/// `LabelSelector`.
fn replication_controller() -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "ReplicationController",
        "metadata": {"name": "legacy", "namespace": "default", "uid": "0f3e5c2a-7b1d-4e8f-a6c9-3d2b1a0e9f11",
                     "resourceVersion": "4343", "generation": 2,
                     "creationTimestamp": "2024-03-09T10:11:12Z",
                     "labels": {"app": "legacy"}},
        "spec": {"replicas": 4, "selector": {"app": "legacy", "tier": "old"},
                 "template": {"metadata": {"labels": {"app": "legacy", "tier": "old"}},
                              "spec": {"containers": [{"name": "app", "image": "app:1"},
                                                      {"name": "istio-proxy", "image": "proxyv2:1"}]}}},
        "status": {"replicas": 3, "fullyLabeledReplicas": 3, "readyReplicas": 2, "availableReplicas": 2,
                   "observedGeneration": 2}
    })
}

fn server(version: &str) -> ApiServer {
    let hours = |h: u64, m: u64| Duration::from_secs(h * 3600 + m * 60);
    ApiServer::builder()
        .version(version)
        // client-go sends bearer tokens only over TLS: HTTPS, with the CA in the kubeconfig.
        .https()
        .token(TOKEN, USER)
        .pod(pod(
            "web-1",
            "default",
            json!({"app": "web", "version": "v1"}),
            hours(3, 10),
        ))
        .pod(pod(
            "web-2",
            "default",
            json!({"app": "web", "version": "v2", "canary": "true"}),
            hours(3, 10),
        ))
        .pod(pod(
            "web-3",
            "default",
            json!({"app": "web", "version": "v3"}),
            hours(3, 10),
        ))
        .pod(pod("db-0", "prod", json!({"app": "db"}), hours(30, 0)))
        .add(deployment())
        .replication_controller(replication_controller())
        .deny(Denial::new("get", "pods").namespace("prod").user(USER))
        .start()
}

struct Kubectl<'a> {
    binary: &'a Path,
    kubeconfig: PathBuf,
    home: PathBuf,
}

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Kubectl<'_> {
    fn run(&self, args: &[&str]) -> Output {
        let output = Command::new(self.binary)
            .args(args)
            .env("KUBECONFIG", &self.kubeconfig)
            .env("HOME", &self.home)
            .env_remove("KUBECTL_EXTERNAL_DIFF")
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.binary.display()));
        Output {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// The table `kubectl get` printed, as rows of whitespace-separated cells (header first).
    fn table(&self, args: &[&str]) -> Result<Vec<Vec<String>>, String> {
        let out = self.run(args);
        if out.code != 0 {
            return Err(format!("exit {}: {}", out.code, out.stderr.trim()));
        }
        Ok(out
            .stdout
            .lines()
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .collect())
    }
}

fn expect_eq<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

fn column(rows: &[Vec<String>], index: usize) -> Vec<String> {
    rows.iter()
        .skip(1)
        .filter_map(|r| r.get(index).cloned())
        .collect()
}

fn header(rows: &[Vec<String>]) -> Vec<String> {
    rows.first().cloned().unwrap_or_default()
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// `kubectl <args>` prints a table with this header, and a first row that starts with `row`.
fn header_and_row(k: &Kubectl, args: &[&str], want: &[&str], row: &[&str]) -> Result<(), String> {
    let rows = k.table(args)?;
    expect_eq("header", header(&rows), strings(want))?;
    expect_eq(
        "row",
        rows.get(1).map(|r| r[..row.len().min(r.len())].to_vec()),
        Some(strings(row)),
    )
}

/// `kubectl <args> -o json` prints `want` as it is stored.
fn object_unchanged(k: &Kubectl, args: &[&str], want: Value) -> Result<(), String> {
    let out = k.run(&[args, &["-o", "json"]].concat());
    if out.code != 0 {
        return Err(format!("exit {}: {}", out.code, out.stderr.trim()));
    }
    let got: Value = serde_json::from_str(&out.stdout).map_err(|e| format!("not JSON: {e}"))?;
    expect_eq("object", got, want)
}

/// `kubectl <args>` fails with exit code 1 and exactly this message.
fn fails_with(k: &Kubectl, args: &[&str], stderr: &str) -> Result<(), String> {
    let out = k.run(args);
    expect_eq("exit code", out.code, 1)?;
    expect_eq("stdout", out.stdout.as_str(), "")?;
    expect_eq("stderr", out.stderr.as_str(), stderr)
}

type Check = (&'static str, fn(&Kubectl) -> Result<(), String>);

const POD_HEADER: [&str; 5] = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];

const CHECKS: &[Check] = &[
    ("get pods -l 'app=web,version in (v1,v2)'", |k| {
        let rows = k.table(&["get", "pods", "-l", "app=web,version in (v1,v2)"])?;
        expect_eq(
            "header",
            header(&rows),
            POD_HEADER.map(String::from).to_vec(),
        )?;
        expect_eq(
            "names",
            column(&rows, 0),
            vec!["web-1".to_string(), "web-2".to_string()],
        )
    }),
    ("get pods -l '!canary'", |k| {
        let rows = k.table(&["get", "pods", "-l", "!canary"])?;
        expect_eq(
            "names",
            column(&rows, 0),
            vec!["web-1".to_string(), "web-3".to_string()],
        )
    }),
    (
        "get pods -l 'version notin (v1),app' and 'version!=v3'",
        |k| {
            let rows = k.table(&["get", "pods", "-l", "version notin (v1),app"])?;
            expect_eq(
                "notin",
                column(&rows, 0),
                vec!["web-2".to_string(), "web-3".to_string()],
            )?;
            let rows = k.table(&["get", "pods", "-l", "version!=v3"])?;
            expect_eq(
                "!=",
                column(&rows, 0),
                vec!["web-1".to_string(), "web-2".to_string()],
            )
        },
    ),
    (
        "get po (short name): cells as a real server prints them",
        |k| {
            let rows = k.table(&["get", "po"])?;
            expect_eq(
                "header",
                header(&rows),
                POD_HEADER.map(String::from).to_vec(),
            )?;
            let web1 = rows
                .iter()
                .find(|r| r.first().map(String::as_str) == Some("web-1"));
            let want: Vec<String> = ["web-1", "2/2", "Running", "2", "(20m", "ago)", "3h10m"]
                .map(String::from)
                .to_vec();
            expect_eq("web-1 row", web1.cloned(), Some(want))
        },
    ),
    ("get pods -A", |k| {
        let rows = k.table(&["get", "pods", "-A"])?;
        expect_eq(
            "header",
            header(&rows)[..2].to_vec(),
            vec!["NAMESPACE".to_string(), "NAME".to_string()],
        )?;
        let pairs: Vec<String> = rows
            .iter()
            .skip(1)
            .map(|r| format!("{}/{}", r[0], r[1]))
            .collect();
        expect_eq(
            "namespace/name",
            pairs,
            [
                "default/web-1",
                "default/web-2",
                "default/web-3",
                "prod/db-0",
            ]
            .map(String::from)
            .to_vec(),
        )?;
        expect_eq(
            "db-0 age",
            rows.last().and_then(|r| r.last()).cloned(),
            Some("30h".to_string()),
        )
    }),
    ("get pods -o wide", |k| {
        let rows = k.table(&["get", "pods", "-o", "wide", "-l", "version=v1"])?;
        let want = [
            "NAME",
            "READY",
            "STATUS",
            "RESTARTS",
            "AGE",
            "IP",
            "NODE",
            "NOMINATED",
            "NODE",
            "READINESS",
            "GATES",
        ];
        expect_eq("header", header(&rows), want.map(String::from).to_vec())?;
        expect_eq(
            "ip and node",
            rows.get(1).map(|r| r[r.len() - 4..].to_vec()),
            Some(
                ["10.1.0.7", "node-1", "<none>", "<none>"]
                    .map(String::from)
                    .to_vec(),
            ),
        )
    }),
    ("get deploy", |k| {
        header_and_row(
            k,
            &["get", "deploy"],
            &["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
            &["web", "2/3", "3", "2"],
        )
    }),
    ("get deploy web -o json returns the object unchanged", |k| {
        object_unchanged(k, &["get", "deploy", "web"], deployment())
    }),
    ("get rc", |k| {
        header_and_row(
            k,
            &["get", "rc"],
            &["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
            &["legacy", "4", "3", "2"],
        )
    }),
    ("get replicationcontrollers -o wide", |k| {
        let rows = k.table(&["get", "replicationcontrollers", "-o", "wide"])?;
        expect_eq(
            "header",
            header(&rows),
            [
                "NAME",
                "DESIRED",
                "CURRENT",
                "READY",
                "AGE",
                "CONTAINERS",
                "IMAGES",
                "SELECTOR",
            ]
            .map(String::from)
            .to_vec(),
        )?;
        expect_eq(
            "wide cells",
            rows.get(1).map(|r| r[r.len() - 3..].to_vec()),
            Some(
                ["app,istio-proxy", "app:1,proxyv2:1", "app=legacy,tier=old"]
                    .map(String::from)
                    .to_vec(),
            ),
        )
    }),
    ("get rc legacy -o json returns the object unchanged", |k| {
        object_unchanged(k, &["get", "rc", "legacy"], replication_controller())
    }),
    ("get rc nope: NotFound names the core resource", |k| {
        fails_with(
            k,
            &["get", "rc", "nope"],
            "Error from server (NotFound): replicationcontrollers \"nope\" not found\n",
        )
    }),
    ("get pods -o json: a List of the pods", |k| {
        let out = k.run(&["get", "pods", "-l", "canary", "-o", "json"]);
        let got: Value = serde_json::from_str(&out.stdout)
            .map_err(|e| format!("not JSON ({e}): {}", out.stderr))?;
        expect_eq("kind", got["kind"].clone(), json!("List"))?;
        expect_eq(
            "item",
            got["items"][0]["metadata"]["name"].clone(),
            json!("web-2"),
        )?;
        expect_eq("item kind", got["items"][0]["kind"].clone(), json!("Pod"))
    }),
    ("get pod nope: NotFound", |k| {
        fails_with(
            k,
            &["get", "pod", "nope"],
            "Error from server (NotFound): pods \"nope\" not found\n",
        )
    }),
    ("get deploy nope: NotFound names the group", |k| {
        fails_with(
            k,
            &["get", "deploy", "nope"],
            "Error from server (NotFound): deployments.apps \"nope\" not found\n",
        )
    }),
    ("get pod db-0 -n prod: Forbidden", |k| {
        fails_with(
            k,
            &["get", "pod", "db-0", "-n", "prod"],
            "Error from server (Forbidden): pods \"db-0\" is forbidden: User \"system:serviceaccount:default:meshctl-reader\" cannot get resource \"pods\" in API group \"\" in the namespace \"prod\"\n",
        )
    }),
    ("wrong token: Unauthorized", |k| {
        let out = k.run(&["get", "pods", "--token", "wrong"]);
        expect_eq("exit code", out.code, 1)?;
        expect_eq(
            "stderr",
            out.stderr.trim_end(),
            "error: You must be logged in to the server (Unauthorized)",
        )
    }),
    ("api-resources lists short names", |k| {
        let rows = k.table(&["api-resources", "--no-headers"])?;
        for (name, short) in [
            ("pods", "po"),
            ("services", "svc"),
            ("deployments", "deploy"),
            ("statefulsets", "sts"),
            ("daemonsets", "ds"),
            ("replicasets", "rs"),
            ("replicationcontrollers", "rc"),
            ("gateways", "gtw"),
        ] {
            let row = rows
                .iter()
                .find(|r| r.first().map(String::as_str) == Some(name));
            expect_eq(
                name,
                row.and_then(|r| r.get(1)).cloned(),
                Some(short.to_string()),
            )?;
        }
        Ok(())
    }),
];

/// kubectl's port-forward speaks SPDY (up to 1.30), or SPDY tunnelled in a WebSocket
/// (`SPDY/3.1+portforward.k8s.io`, from 1.31, falling back to SPDY); this server speaks neither,
/// only the kubelet's `v4.channel.k8s.io` that the kube crate uses. Checks that this is still
/// what kubectl does and that it ends with the server's explanation instead of hanging.
fn port_forward_attempts(kubectl: &Kubectl, srv: &ApiServer, minor: u32) -> Result<String, String> {
    let before = srv.requests().len();
    let mut child = Command::new(kubectl.binary)
        .args(["port-forward", "pod/web-1", "0:15000"])
        .env("KUBECONFIG", &kubectl.kubeconfig)
        .env("HOME", &kubectl.home)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().map_err(|e| e.to_string())?.is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err("kubectl port-forward still running after 30 s".to_string());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let attempts: Vec<String> = srv.requests()[before..]
        .iter()
        .filter(|r| r.path.ends_with("/portforward"))
        .map(|r| {
            format!(
                "{} {} [{}] -> {}",
                r.method,
                r.upgrade.as_deref().unwrap_or("-"),
                r.subprotocols.join(","),
                r.status
            )
        })
        .collect();
    let mut want = Vec::new();
    if minor >= 31 {
        want.push("GET websocket [SPDY/3.1+portforward.k8s.io] -> 403".to_string());
    }
    want.push("POST SPDY/3.1 [] -> 400".to_string());
    expect_eq("upgrade attempts", &attempts, &want)?;
    expect_eq("exit code", output.status.code(), Some(1))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !stderr.contains("SPDY is not supported by the meshctl test API server") {
        return Err(format!(
            "stderr does not carry the server's reason: {stderr}"
        ));
    }
    Ok(attempts.join(", then "))
}

#[test]
fn every_kubectl_reads_the_test_server_as_a_real_cluster() {
    let binaries = kubectl_binaries();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for binary in &binaries {
        let name = binary
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        // Serve the version this kubectl was built for (the unversioned one gets the default);
        // kubectl's own version is what `kubectl version --client` reports.
        let client = Command::new(binary)
            .args(["version", "--client", "-o", "json"])
            .env("HOME", dir.path())
            .output()
            .ok()
            .and_then(|o| serde_json::from_slice::<Value>(&o.stdout).ok())
            .and_then(|v| {
                v["clientVersion"]["gitVersion"]
                    .as_str()
                    .map(str::to_string)
            })
            .unwrap_or_else(|| "unknown".to_string());
        let server_version = match name.strip_prefix("kubectl.") {
            Some(minor) => format!("v{minor}.0"),
            None => testkit::apiserver::DEFAULT_VERSION.to_string(),
        };
        let srv = server(&server_version);
        let home = dir.path().join(format!("home-{name}"));
        std::fs::create_dir_all(&home).expect("home");
        let kubeconfig = home.join("kubeconfig");
        srv.write_kubeconfig(&kubeconfig, "test", "default")
            .expect("kubeconfig");
        let kubectl = Kubectl {
            binary,
            kubeconfig,
            home,
        };
        let mut passed = 0;
        for (check, run) in CHECKS {
            match run(&kubectl) {
                Ok(()) => passed += 1,
                Err(why) => failures.push(format!(
                    "{name} ({client}) against {server_version}: {check}: {why}"
                )),
            }
        }
        // `kubectl` on this machine may be a dispatcher that runs the kubectl matching the
        // server's minor version: record which one it picks for this server.
        let dispatcher = Kubectl {
            binary: &binaries[0],
            kubeconfig: kubectl.kubeconfig.clone(),
            home: kubectl.home.clone(),
        };
        let dispatched = dispatcher
            .run(&["version", "-o", "json"])
            .stdout
            .parse::<Value>()
            .ok()
            .and_then(|v| {
                v["clientVersion"]["gitVersion"]
                    .as_str()
                    .map(str::to_string)
            })
            .unwrap_or_else(|| "?".to_string());
        let runs_as = if binary == &binaries[0] {
            &dispatched
        } else {
            &client
        };
        let minor: u32 = runs_as
            .split('.')
            .nth(1)
            .and_then(|m| m.parse().ok())
            .unwrap_or(0);
        let port_forward = match port_forward_attempts(&kubectl, &srv, minor) {
            Ok(seen) => seen,
            Err(why) => {
                failures.push(format!(
                    "{name} ({client}) against {server_version}: port-forward: {why}"
                ));
                "unexpected".to_string()
            }
        };
        summary.push(format!(
            "{name:<14} client {client:<20} server {server_version:<8} `kubectl` runs {dispatched:<20} {passed}/{} checks passed; port-forward tried: {port_forward}",
            CHECKS.len()
        ));
    }
    println!("{}", summary.join("\n"));
    assert!(
        failures.is_empty(),
        "kubectl fidelity failures:\n{}\n\nsummary:\n{}",
        failures.join("\n"),
        summary.join("\n")
    );
}
