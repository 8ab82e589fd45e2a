//! Views over many pods (`--all-pods`, `-l`, `-A`, `--summary`) end to end: a deployment whose
//! replicas are backed by real Envoys with different configurations (one cluster changed, one
//! listener added, one route moved), one pod whose port-forward is refused and one whose proxy
//! answers after the request timeout, all through the test API server; and the real kubectl
//! choosing the same pods for the same selector.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::*;
use serde_json::{json, Value};
use testkit::apiserver::{ApiServer, PortForwardFault};
use testkit::envoy::Envoy;

const USAGE: i32 = 2;
const PROXY: i32 = 4;
const TIMEOUT: i32 = 5;
const SOME_PODS: i32 = 7;

/// The replicas that answer, by name, and the two that do not.
const ANSWERING: [&str; 5] = [
    "web-frontend-a",
    "web-frontend-b",
    "web-frontend-c",
    "web-frontend-d",
    "web-frontend-e",
];
const REFUSING: &str = "web-frontend-f";
const SLOW: &str = "web-frontend-g";

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// The web-frontend scenario's xDS files in `dir`, `file` changed by `change`.
fn variant(dir: &Path, file: &str, change: impl Fn(&str) -> String) -> std::path::PathBuf {
    let xds = fixture(SIDECAR, "xds");
    copy_dir(&xds, dir);
    edit(&dir.join(file), change);
    dir.to_path_buf()
}

fn edit(path: &Path, change: impl Fn(&str) -> String) {
    let text = fs::read_to_string(path).unwrap();
    let changed = change(&text);
    assert_ne!(
        changed,
        text,
        "the edit of {} changed nothing",
        path.display()
    );
    fs::write(path, changed).unwrap();
}

/// One cluster's connect timeout changed: customers' (the first cluster of the file).
fn cluster_changed(text: &str) -> String {
    text.replacen("  connect_timeout: 10s\n", "  connect_timeout: 3s\n", 1)
}

/// One outbound TCP listener added for port 9090.
fn listener_added(text: &str) -> String {
    format!(
        "{text}- '@type': type.googleapis.com/envoy.config.listener.v3.Listener\n  \
         name: 0.0.0.0_9090\n  address:\n    socket_address:\n      address: 0.0.0.0\n      \
         port_value: 9090\n  filter_chains:\n  - filters:\n    - name: envoy.filters.network.tcp_proxy\n      \
         typed_config:\n        '@type': type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy\n        \
         stat_prefix: outbound|9090||metrics.default.svc.cluster.local\n        \
         cluster: outbound|9080||ratings.default.svc.cluster.local\n  \
         traffic_direction: OUTBOUND\n  bind_to_port: false\n"
    )
}

/// Route `health` moved before `legacy-redirect` in route configuration 80.
fn route_moved(text: &str) -> String {
    let legacy = text.find("    - name: legacy-redirect\n").unwrap();
    let health = text.find("    - name: health\n").unwrap();
    let default = text[health..].find("    - name: default\n").unwrap() + health;
    format!(
        "{}{}{}{}",
        &text[..legacy],
        &text[health..default],
        &text[legacy..health],
        &text[default..]
    )
}

fn labelled(name: &str, namespace: &str, app: &str) -> Value {
    pod(PodSpec {
        name,
        namespace,
        labels: json!({"app": app}),
        ..Default::default()
    })
}

struct World {
    _heavy: std::sync::MutexGuard<'static, ()>,
    _base: std::sync::Arc<Envoy>,
    _envoys: Vec<Envoy>,
    _work: tempfile::TempDir,
    _server: ApiServer,
    home: tempfile::TempDir,
    kubeconfig: String,
}

impl World {
    fn start() -> World {
        let work = tempfile::tempdir().unwrap();
        // The unchanged replicas share the Envoy the other live tests use: every Envoy on
        // files takes an inotify instance per watched file, of which a machine has few.
        let base_envoy = web_frontend_envoy();
        let heavy = several_envoys();
        let cluster_dir = variant(&work.path().join("cluster"), "cds.yaml", cluster_changed);
        let listener_dir = variant(&work.path().join("listener"), "lds.yaml", listener_added);
        edit(&listener_dir.join("rds/80.yaml"), route_moved);
        let dirs = [cluster_dir, listener_dir];
        // Started at once: each takes seconds on a busy machine.
        let envoys: Vec<Envoy> = std::thread::scope(|scope| {
            let started: Vec<_> = dirs
                .iter()
                .map(|dir| scope.spawn(move || Envoy::start_with(dir)))
                .collect();
            started.into_iter().map(|t| t.join().unwrap()).collect()
        });
        let base = base_envoy.admin_addr();
        let [cluster, listener_and_route] = [0, 1].map(|i| envoys[i].admin_addr());
        let mut builder = ApiServer::builder()
            .deployment(workload(
                "Deployment",
                "web-frontend",
                "default",
                json!({"app": "web-frontend"}),
            ))
            .pod(labelled("other", "default", "other"))
            .portforward_backend("default", "other", 15000, base)
            .pod(labelled("web-frontend-z", "canary", "web-frontend"))
            .portforward_backend("canary", "web-frontend-z", 15000, base)
            .pod(labelled("mixed-1", "default", "mixed"))
            .portforward_backend("default", "mixed-1", 15000, base)
            .pod(pod(PodSpec {
                name: "mixed-2",
                phase: "Pending",
                ready_since: None,
                labels: json!({"app": "mixed"}),
                ..Default::default()
            }))
            .portforward_backend("default", "mixed-2", 15000, base)
            .pod(labelled(REFUSING, "default", "web-frontend"))
            .portforward_fault("default", REFUSING, PortForwardFault::Refused)
            .pod(labelled(SLOW, "default", "web-frontend"))
            .portforward_backend("default", SLOW, 15000, base)
            .portforward_fault(
                "default",
                SLOW,
                PortForwardFault::SlowFirstByte(Duration::from_secs(20)),
            );
        // Listed out of name order: the output is in name order whatever the API's order.
        for (name, admin) in [
            ("web-frontend-e", base),
            ("web-frontend-b", base),
            ("web-frontend-a", base),
            ("web-frontend-d", listener_and_route),
            ("web-frontend-c", cluster),
        ] {
            builder = builder
                .pod(labelled(name, "default", "web-frontend"))
                .portforward_backend("default", name, 15000, admin);
        }
        let server = builder.start();
        let home = temp_home();
        let kubeconfig = home.path().join("config");
        server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
        World {
            _heavy: heavy,
            _base: base_envoy,
            _envoys: envoys,
            _work: work,
            _server: server,
            home,
            kubeconfig: path_str(&kubeconfig),
        }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        let mut all = vec!["pc"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--kubeconfig", &self.kubeconfig, "--request-timeout", "2s"]);
        meshctl(self.home.path(), &all, &[])
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    }
}

/// A laid-out table's cells, cut at the columns its header starts: with a padding of 5, header
/// cells hold at most one space in a row; with a padding of 1, none.
fn cells(table: &str, padding: usize) -> Vec<Vec<String>> {
    let header = table.lines().next().unwrap();
    let mut starts = vec![0];
    let bytes = header.as_bytes();
    for i in 2..bytes.len() {
        if bytes[i] != b' ' && bytes[i - 1] == b' ' && (padding == 1 || bytes[i - 2] == b' ') {
            starts.push(i);
        }
    }
    table
        .lines()
        .map(|line| {
            (0..starts.len())
                .map(|c| {
                    let end = starts
                        .get(c + 1)
                        .copied()
                        .unwrap_or(line.len())
                        .min(line.len());
                    line.get(starts[c].min(end)..end)
                        .unwrap_or("")
                        .trim_end()
                        .to_string()
                })
                .collect()
        })
        .collect()
}

/// The fleet table that one-pod runs of `args` on each pod predict: their rows, each led by its
/// pod, under their header with `POD` in front.
fn predicted(world: &World, args: &[&str], pods: &[&str], padding: usize) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for name in pods {
        let mut one = vec![args[0], *name];
        one.extend_from_slice(&args[1..]);
        let table = cells(&world.ok(&one), padding);
        if rows.is_empty() {
            rows.push(
                std::iter::once("POD".to_string())
                    .chain(table[0].clone())
                    .collect(),
            );
        }
        for row in &table[1..] {
            rows.push(
                std::iter::once(name.to_string())
                    .chain(row.clone())
                    .collect(),
            );
        }
    }
    layout(padding, &rows)
}

/// The `* <pod>.<namespace>: ...` lines of a fleet's error, by pod.
fn failed_pods(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("\t* "))
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect()
}

#[test]
fn fleet_views_fan_out_summarise_and_report_failed_pods() {
    let world = World::start();

    // Every replica of the deployment, one table, POD first; the failing pods on stderr.
    let started = Instant::now();
    let out = world.run(&["clusters", "deploy/web-frontend", "--all-pods"]);
    let elapsed = started.elapsed();
    assert_eq!(out.status.code(), Some(SOME_PODS), "{}", stderr(&out));
    let table = stdout(&out);
    assert_same_text(&table, &predicted(&world, &["clusters"], &ANSWERING, 5));
    assert!(table.starts_with("POD "), "{table}");
    let err = stderr(&out);
    assert_eq!(
        failed_pods(&err),
        [format!("{REFUSING}.default"), format!("{SLOW}.default")],
        "{err}"
    );
    assert!(err.starts_with("Error: 2 errors occurred:\n"), "{err}");
    assert!(err.contains("timed out after 2s"), "{err}");
    assert!(
        !table.contains(REFUSING) && !table.contains(SLOW),
        "{table}"
    );
    // The slow pod's 20 seconds are cut at the 2s timeout, beside the other pods' fetches.
    assert!(elapsed < Duration::from_secs(15), "{elapsed:?}");

    // The same pods by their label, in the namespace only.
    let selected = world.run(&["clusters", "-l", "app=web-frontend"]);
    assert_eq!(selected.status.code(), Some(SOME_PODS));
    assert_eq!(stdout(&selected), table);
    for view in [&["listeners"][..], &["routes"], &["clusters", "-o", "wide"]] {
        let mut args = view.to_vec();
        args.extend_from_slice(&["-l", "app=web-frontend", "--max-concurrency", "2"]);
        let out = world.run(&args);
        assert_eq!(out.status.code(), Some(SOME_PODS), "{view:?}");
        let padding = if view[0] == "listeners" { 1 } else { 5 };
        assert_same_text(&stdout(&out), &predicted(&world, view, &ANSWERING, padding));
    }

    // Every namespace: NAMESPACE then POD, namespaces first in order.
    let everywhere = world.run(&["routes", "-l", "app=web-frontend", "-A"]);
    assert_eq!(everywhere.status.code(), Some(SOME_PODS));
    let text = stdout(&everywhere);
    let leads: Vec<(String, String)> = cells(&text, 5)[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert!(text.starts_with("NAMESPACE     POD "), "{text}");
    let mut in_order = leads.clone();
    in_order.sort();
    assert_eq!(leads, in_order);
    assert_eq!(leads[0].0, "canary");
    assert_eq!(leads[0].1, "web-frontend-z");

    // JSON: one entry per pod in name order, the view's own JSON as items, or the error.
    let json_out = world.run(&[
        "clusters",
        "deploy/web-frontend",
        "--all-pods",
        "-o",
        "json",
    ]);
    assert_eq!(json_out.status.code(), Some(SOME_PODS));
    let entries: Vec<Value> = serde_json::from_str(&stdout(&json_out)).unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e["pod"].as_str().unwrap()).collect();
    let mut all_pods = ANSWERING.to_vec();
    all_pods.extend([REFUSING, SLOW]);
    assert_eq!(names, all_pods);
    for entry in &entries {
        let name = entry["pod"].as_str().unwrap();
        assert_eq!(entry["namespace"], "default");
        if ANSWERING.contains(&name) {
            let one: Value =
                serde_json::from_str(&world.ok(&["clusters", name, "-o", "json"])).unwrap();
            assert_eq!(entry["items"], one, "{name}");
            assert!(entry.get("error").is_none());
        } else {
            assert!(entry.get("items").is_none(), "{entry}");
            assert!(entry["error"].as_str().unwrap().contains(name), "{entry}");
        }
    }

    // A pod that is not running is said so, and never asked; the running one prints.
    let forwards = |srv: &ApiServer| {
        srv.requests()
            .iter()
            .filter(|r| r.path.ends_with("/mixed-2/portforward"))
            .count()
    };
    let mixed = world.run(&["routes", "-l", "app=mixed"]);
    assert_eq!(mixed.status.code(), Some(SOME_PODS));
    assert_eq!(
        stderr(&mixed),
        "Error: 1 error occurred:\n\t* mixed-2.default: pod \"mixed-2\" in namespace \"default\" \
         is not running (phase Pending)\n\n"
    );
    assert_same_text(
        &stdout(&mixed),
        &predicted(&world, &["routes"], &["mixed-1"], 5),
    );
    assert_eq!(forwards(&world._server), 0);

    // YAML is the same array.
    let yaml_out = world.run(&[
        "clusters",
        "deploy/web-frontend",
        "--all-pods",
        "-o",
        "yaml",
    ]);
    assert_eq!(yaml_out.status.code(), Some(SOME_PODS));
    let from_yaml: Vec<Value> = serde_saphyr::from_str(&stdout(&yaml_out)).unwrap();
    assert_eq!(from_yaml, entries);

    // A table without a header (the bootstrap summary) gets the pod in front of each row; a
    // view of several tables (`all`) prints each pod's under its name.
    let summary_rows = world.run(&["bootstrap", "-l", "app=web-frontend", "-o", "short"]);
    let text = stdout(&summary_rows);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 5 * 3, "{text}");
    for (i, row) in rows.iter().enumerate() {
        assert!(row.starts_with(&format!("{} ", ANSWERING[i / 3])), "{text}");
    }
    assert!(rows[0].contains(" Istio Version:"), "{text}");
    let blocks = stdout(&world.run(&["all", "deploy/web-frontend", "--all-pods"]));
    let headings: Vec<&str> = blocks
        .lines()
        .filter(|l| l.starts_with("web-frontend-") && l.ends_with(".default:"))
        .collect();
    let expected: Vec<String> = ANSWERING.iter().map(|p| format!("{p}.default:")).collect();
    assert_eq!(headings, expected);
    let one_pod = world.ok(&["all", "web-frontend-c"]);
    assert!(blocks.contains(&format!("web-frontend-c.default:\n{one_pod}")));

    // Every pod failing: the first failure's own code.
    for (pod, code, says) in [
        (REFUSING, PROXY, "nothing is listening on port 15000"),
        (SLOW, TIMEOUT, "timed out after 2s"),
    ] {
        let out = world.run(&["clusters", pod, "--all-pods"]);
        assert_eq!(out.status.code(), Some(code), "{}", stderr(&out));
        assert_eq!(stdout(&out), "");
        assert_eq!(failed_pods(&stderr(&out)), [format!("{pod}.default")]);
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
    }

    // --summary: the replicas grouped, the one out of step named, the failed ones apart.
    let summary = |view: &str| {
        let out = world.run(&[view, "deploy/web-frontend", "--summary"]);
        assert_eq!(out.status.code(), Some(SOME_PODS), "{}", stderr(&out));
        stdout(&out)
    };
    let failed_part = format!("FAILED: 2 pods\n  {REFUSING}: ");
    // How it is out of step, as `pc diff` prints it.
    for (view, odd, how) in [
        (
            "clusters",
            "web-frontend-c",
            "  differs from group 1:\n    ~ cluster outbound|80||customers.default.svc.cluster.local\n        \
             .connectTimeout: \"10s\" → \"3s\"\nFAILED",
        ),
        (
            "listeners",
            "web-frontend-d",
            "  differs from group 1:\n    + listener 0.0.0.0_9090\nFAILED",
        ),
        (
            "routes",
            "web-frontend-d",
            "    ~ route 80\n        .virtualHosts[\"customers.default.svc.cluster.local:80\"].routes (order): \
             [\"canary-by-path\",\"customer-by-id\",\"legacy-redirect\",\"health\",\"default\"] → \
             [\"canary-by-path\",\"customer-by-id\",\"health\",\"legacy-redirect\",\"default\"]\n",
        ),
    ] {
        let text = summary(view);
        let largest: Vec<&str> = ANSWERING.iter().copied().filter(|p| *p != odd).collect();
        assert!(
            text.starts_with(&format!(
                "GROUP 1 (the largest): 4 pods: {}\nGROUP 2: 1 pod: {odd}\n  differs from group 1:\n",
                largest.join(", ")
            )),
            "{view}: {text}"
        );
        assert!(text.contains(&failed_part), "{text}");
        assert!(text.contains(how), "{view}: {text}");
    }
    let text = summary("all");
    assert!(
        text.starts_with(
            "GROUP 1 (the largest): 3 pods: web-frontend-a, web-frontend-b, web-frontend-e\n\
             GROUP 2: 1 pod: web-frontend-c\n"
        ),
        "{text}"
    );
    let groups: Vec<&str> = text.lines().filter(|l| l.starts_with("GROUP ")).collect();
    assert_eq!(groups.len(), 3, "{text}");
    assert!(groups[2].ends_with(": web-frontend-d"), "{text}");
    // Both of its changes, under its group.
    let d = &text[text.find("GROUP 3").unwrap()..];
    assert!(
        d.contains("+ listener 0.0.0.0_9090") && d.contains("~ route 80"),
        "{text}"
    );
    // The real kubectl, asked for the pods of the same selector, names the same pods.
    for (meshctl_args, kubectl_args) in [
        (
            vec!["ecds", "-l", "app=web-frontend", "-o", "json"],
            vec!["get", "pods", "-l", "app=web-frontend"],
        ),
        (
            vec!["ecds", "-l", "app=web-frontend", "-A", "-o", "json"],
            vec!["get", "pods", "-A", "-l", "app=web-frontend"],
        ),
        (
            vec!["ecds", "deploy/web-frontend", "--all-pods", "-o", "json"],
            vec!["get", "pods", "-l", "app=web-frontend"],
        ),
    ] {
        let out = world.run(&meshctl_args);
        let entries: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
        let mut ours: Vec<String> = entries
            .iter()
            .map(|e| {
                format!(
                    "{}/{}",
                    e["namespace"].as_str().unwrap(),
                    e["pod"].as_str().unwrap()
                )
            })
            .collect();
        let listed = Command::new("kubectl")
            .args(&kubectl_args)
            .args([
                "-o",
                "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}",
            ])
            .env("KUBECONFIG", &world.kubeconfig)
            .env("HOME", world.home.path())
            .output()
            .expect("kubectl is on PATH (the machine image provides it)");
        assert!(listed.status.success(), "{}", stderr(&listed));
        let mut theirs: Vec<String> = stdout(&listed).lines().map(str::to_string).collect();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs, "{meshctl_args:?}");
    }

    // Where the replicas agree: one group.
    let out = world.run(&["ecds", "deploy/web-frontend", "--summary"]);
    assert_eq!(out.status.code(), Some(SOME_PODS));
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!(
            "GROUP 1 (all the same): 5 pods: {}\n{failed_part}",
            ANSWERING.join(", ")
        )),
        "{text}"
    );
}

#[test]
fn fleet_flags_are_checked_before_any_request() {
    let home = temp_home();
    let dump = path_str(&fixture(SIDECAR, "config_dump.json"));
    for (args, expect) in [
        (
            vec!["pc", "clusters", "-A", "deploy/x"],
            "--all-namespaces needs --selector",
        ),
        (
            vec!["pc", "clusters", "-l", "app=x", "deploy/x"],
            "name cannot be provided when a selector is specified",
        ),
        (
            vec!["pc", "clusters", "--all-pods", "-f", &dump],
            "not --file",
        ),
        (
            vec!["pc", "clusters", "--all-pods"],
            "cluster requires pod name or --selector",
        ),
        (
            vec![
                "pc",
                "clusters",
                "deploy/x",
                "--all-pods",
                "--max-concurrency",
                "0",
            ],
            "--max-concurrency must be at least 1",
        ),
        (
            vec!["pc", "clusters", "deploy/x", "--summary", "-o", "json"],
            "--summary prints a text summary",
        ),
    ] {
        let out = meshctl(home.path(), &args, &[]);
        assert_eq!(out.status.code(), Some(USAGE), "{args:?}");
        assert_eq!(stdout(&out), "");
        // An error about the arguments comes after the command's usage line.
        let err = stderr(&out);
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("Error: ") && last.contains(expect),
            "{args:?}: {err}"
        );
    }
}

/// `listener --waypoint` prints its table whatever `-o` says: a fleet of waypoints gets the
/// `POD` column, and `--summary` groups them by that table.
#[test]
fn fleet_waypoint_tables_and_summary() {
    let _heavy = several_envoys();
    let waypoint = Envoy::start("waypoint");
    let mut builder = ApiServer::builder();
    for name in ["waypoint-2", "waypoint-1"] {
        builder = builder
            .pod(labelled(name, "default", "waypoint"))
            .portforward_backend("default", name, 15000, waypoint.admin_addr());
    }
    let server = builder.start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let run = |args: &[&str]| {
        let mut all = vec!["pc", "listener", "--waypoint", "-l", "app=waypoint"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--kubeconfig", &kc]);
        let out = meshctl(home.path(), &all, &[]);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    let one = meshctl(
        home.path(),
        &[
            "pc",
            "listener",
            "--waypoint",
            "waypoint-1",
            "--kubeconfig",
            &kc,
        ],
        &[],
    );
    let one = cells(&stdout(&one), 1);
    let mut rows = vec![std::iter::once("POD".to_string())
        .chain(one[0].clone())
        .collect()];
    for name in ["waypoint-1", "waypoint-2"] {
        for row in &one[1..] {
            rows.push(
                std::iter::once(name.to_string())
                    .chain(row.clone())
                    .collect::<Vec<_>>(),
            );
        }
    }
    assert_same_text(&run(&["-o", "json"]), &layout(1, &rows));
    assert_eq!(
        run(&["--summary"]),
        "GROUP 1 (all the same): 2 pods: waypoint-1, waypoint-2\n"
    );
}
