//! meshctl against the test API server and a real Envoy: every target form, the kubeconfig,
//! context and namespace flags, and the pod kubectl would pick.

use std::net::SocketAddr;
use std::path::Path;

use crate::support::*;
use serde_json::{json, Value};
use testkit::apiserver::{ApiServer, ApiServerBuilder, KubeContext};
use testkit::envoy::Envoy;

const ADMIN_PORT: u16 = 15000;

/// The pods the portforward requests went to, as `namespace/name`.
fn forwarded_pods(server: &ApiServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .filter_map(|r| {
            let rest = r.path.strip_prefix("/api/v1/namespaces/")?;
            let (namespace, rest) = rest.split_once("/pods/")?;
            let name = rest.strip_suffix("/portforward")?;
            Some(format!("{namespace}/{name}"))
        })
        .collect()
}

/// What `meshctl pc listeners --port 80` prints for a dump taken straight from the Envoy: the
/// live path must print the same.
fn offline_listeners(envoy: &Envoy, home: &Path) -> String {
    let dump = envoy.admin_get("/config_dump?mask=dynamic_listeners,static_listeners");
    assert_eq!(dump.status, 200);
    let file = home.join("listeners.json");
    std::fs::write(&file, dump.body).unwrap();
    let output = meshctl(
        home,
        &[
            "pc",
            "listeners",
            "--file",
            &path_str(&file),
            "--port",
            "80",
        ],
        &[],
    );
    assert!(
        output.status.success(),
        "offline listeners: {}",
        stderr(&output)
    );
    stdout(&output)
}

/// A cluster with one pod per workload kind, all forwarding to the same Envoy.
fn workloads_cluster(admin: SocketAddr) -> ApiServerBuilder {
    let mut builder = ApiServer::builder().https();
    let pods: [(&str, &str, Value); 10] = [
        ("web-pod", "default", json!({"app": "plain"})),
        ("web-pod", "shop", json!({"app": "plain"})),
        (
            "web-deploy-6f7c9-x2x4q",
            "default",
            json!({"app": "web-frontend", "pod-template-hash": "6f7c9"}),
        ),
        ("db-0", "default", json!({"app": "db"})),
        ("agent-k8s2n", "default", json!({"app": "agent"})),
        ("batch-7hx2p", "default", json!({"job-name": "batch"})),
        (
            "public-istio-5d8b-kw7",
            "default",
            json!({"gateway.networking.k8s.io/gateway-name": "public"}),
        ),
        ("web-shop-1", "shop", json!({"app": "web-frontend"})),
        // The replication controller's pod, and a decoy that matches only part of its selector
        // map and would win kubectl's tie-break on name if the selector lost a key.
        (
            "legacy-7m4qz",
            "default",
            json!({"app": "legacy", "tier": "old"}),
        ),
        ("legacy-5b9xt", "default", json!({"app": "legacy"})),
    ];
    for (name, namespace, labels) in pods {
        builder = builder
            .pod(pod(PodSpec {
                name,
                namespace,
                labels,
                ..Default::default()
            }))
            .portforward_backend(namespace, name, ADMIN_PORT, admin);
    }
    builder
        .deployment(workload("Deployment", "web-frontend", "default", json!({"app": "web-frontend"})))
        .deployment(workload("Deployment", "web-frontend", "shop", json!({"app": "web-frontend"})))
        .replicaset(workload("ReplicaSet", "web-frontend-6f7c9", "default", json!({"app": "web-frontend", "pod-template-hash": "6f7c9"})))
        .statefulset(workload("StatefulSet", "db", "default", json!({"app": "db"})))
        .daemonset(workload("DaemonSet", "agent", "default", json!({"app": "agent"})))
        .job(workload("Job", "batch", "default", json!({"job-name": "batch"})))
        // A core v1 ReplicationController: its selector is a plain label map, not a LabelSelector.
        .replication_controller(json!({
            "metadata": {"name": "legacy", "namespace": "default"},
            "spec": {
                "replicas": 1,
                "selector": {"app": "legacy", "tier": "old"},
                "template": {"metadata": {"labels": {"app": "legacy", "tier": "old"}}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}},
            },
        }))
        .service(json!({
            "metadata": {"name": "web-frontend", "namespace": "default"},
            "spec": {"selector": {"app": "web-frontend"}, "ports": [{"port": 80}]},
        }))
        .gateway(json!({
            "apiVersion": "gateway.networking.k8s.io/v1",
            "metadata": {"name": "public", "namespace": "default"},
            "spec": {"gatewayClassName": "istio", "listeners": [{"name": "http", "port": 80, "protocol": "HTTP"}]},
        }))
}

#[test]
fn every_target_form_reaches_the_pod_kubectl_would() {
    let envoy = web_frontend_envoy();
    let server = workloads_cluster(envoy.admin_addr()).start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kubeconfig = path_str(&kubeconfig);
    let expected = offline_listeners(&envoy, home.path());
    assert!(
        expected.contains("Route: 80"),
        "seed listener row missing from {expected}"
    );

    let cases: &[(&str, &[&str], &str)] = &[
        ("web-pod", &[], "default/web-pod"),
        ("web-pod.shop", &[], "shop/web-pod"),
        ("web-pod", &["-n", "shop"], "shop/web-pod"),
        ("pod/web-pod", &[], "default/web-pod"),
        ("po/web-pod.shop", &[], "shop/web-pod"),
        ("pods/web-pod", &[], "default/web-pod"),
        ("deploy/web-frontend", &[], "default/web-deploy-6f7c9-x2x4q"),
        ("deployment/web-frontend.shop", &[], "shop/web-shop-1"),
        (
            "deployments.apps/web-frontend",
            &["-n", "shop"],
            "shop/web-shop-1",
        ),
        // The target's own namespace wins over -n.
        (
            "deploy/web-frontend.shop",
            &["-n", "default"],
            "shop/web-shop-1",
        ),
        (
            "rs/web-frontend-6f7c9",
            &[],
            "default/web-deploy-6f7c9-x2x4q",
        ),
        (
            "replicaset/web-frontend-6f7c9",
            &[],
            "default/web-deploy-6f7c9-x2x4q",
        ),
        ("sts/db", &[], "default/db-0"),
        ("statefulset/db", &[], "default/db-0"),
        ("ds/agent", &[], "default/agent-k8s2n"),
        ("daemonset/agent", &[], "default/agent-k8s2n"),
        ("job/batch", &[], "default/batch-7hx2p"),
        ("jobs/batch", &[], "default/batch-7hx2p"),
        ("rc/legacy", &[], "default/legacy-7m4qz"),
        ("replicationcontroller/legacy", &[], "default/legacy-7m4qz"),
        (
            "replicationcontrollers/legacy.default",
            &[],
            "default/legacy-7m4qz",
        ),
        ("svc/web-frontend", &[], "default/web-deploy-6f7c9-x2x4q"),
        (
            "service/web-frontend",
            &[],
            "default/web-deploy-6f7c9-x2x4q",
        ),
        ("gtw/public", &[], "default/public-istio-5d8b-kw7"),
        // Any spelling kubectl takes: plural or singular in any case, `.group`, `.version.group`.
        ("pods./web-pod", &[], "default/web-pod"),
        (
            "DEPLOYMENTS/web-frontend",
            &[],
            "default/web-deploy-6f7c9-x2x4q",
        ),
        (
            "Deployment.v1.apps/web-frontend.shop",
            &[],
            "shop/web-shop-1",
        ),
        ("rc.v1./legacy", &[], "default/legacy-7m4qz"),
        (
            "gateways.v1beta1.gateway.networking.k8s.io/public",
            &[],
            "default/public-istio-5d8b-kw7",
        ),
        (
            "gateway/public.default",
            &[],
            "default/public-istio-5d8b-kw7",
        ),
    ];
    for (target, flags, pod) in cases {
        let before = forwarded_pods(&server).len();
        let mut args = vec![
            "pc",
            "listeners",
            *target,
            "--port",
            "80",
            "--kubeconfig",
            &kubeconfig,
        ];
        args.extend_from_slice(flags);
        let output = meshctl(home.path(), &args, &[]);
        assert!(
            output.status.success(),
            "{target} {flags:?}: {}",
            stderr(&output)
        );
        assert_eq!(stdout(&output), expected, "{target} {flags:?}");
        assert_eq!(
            forwarded_pods(&server)[before..],
            [pod.to_string()],
            "{target} {flags:?}"
        );
    }
    // The replication controller came from the core group, and its selector map went to the
    // server as one label selector holding every key.
    let requests = server.requests();
    assert!(
        requests.iter().any(|r| r.status == 200
            && r.path == "/api/v1/namespaces/default/replicationcontrollers/legacy"),
        "no GET of the replication controller"
    );
    assert!(
        requests
            .iter()
            .any(|r| r.path == "/api/v1/namespaces/default/pods"
                && r.query.contains("labelSelector=app%3Dlegacy%2Ctier%3Dold")),
        "no pod LIST with the replication controller's selector"
    );
}

#[test]
fn seed_views_through_a_deployment() {
    let envoy = web_frontend_envoy();
    let server = workloads_cluster(envoy.admin_addr()).start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kubeconfig = path_str(&kubeconfig);
    let kc = kubeconfig.as_str();

    let listeners = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "deploy/web-frontend",
            "--port",
            "80",
            "--kubeconfig",
            &kubeconfig,
        ],
        &[],
    );
    assert!(listeners.status.success(), "{}", stderr(&listeners));
    let rows: Vec<String> = stdout(&listeners)
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect();
    assert_eq!(rows.len(), 2, "two seed rows for port 80: {rows:?}");
    assert!(
        rows[0].contains("Route: 80") && rows[1].contains("PassthroughCluster"),
        "{rows:?}"
    );

    // Endpoints come from /clusters?format=json: the live table matches the one for the Envoy's own answer.
    let customers = "outbound|80||customers.default.svc.cluster.local";
    let clusters = envoy.admin_get("/clusters?format=json");
    let clusters_file = home.path().join("clusters.json");
    std::fs::write(&clusters_file, &clusters.body).unwrap();
    let offline = meshctl(
        home.path(),
        &[
            "pc",
            "endpoints",
            "--file",
            &path_str(&clusters_file),
            "--cluster",
            customers,
        ],
        &[],
    );
    let live = meshctl(
        home.path(),
        &[
            "pc",
            "endpoints",
            "deploy/web-frontend",
            "--cluster",
            customers,
            "--kubeconfig",
            &kubeconfig,
        ],
        &[],
    );
    assert!(live.status.success(), "{}", stderr(&live));
    assert_eq!(stdout(&live), stdout(&offline));
    assert!(stdout(&live)
        .lines()
        .skip(1)
        .all(|row| row.contains(customers)));
    assert!(stdout(&live).contains("HEALTHY"), "{}", stdout(&live));

    // Routes as istioctl's JSON, through every way of naming the namespace.
    for args in [
        vec![
            "pc",
            "routes",
            "deploy/web-frontend",
            "--name",
            "80",
            "-o",
            "json",
            "--kubeconfig",
            kc,
        ],
        vec![
            "pc",
            "routes",
            "deploy/web-frontend.shop",
            "--name",
            "80",
            "-o",
            "json",
            "--kubeconfig",
            kc,
        ],
        vec![
            "-n",
            "shop",
            "pc",
            "routes",
            "pod/web-shop-1",
            "--name",
            "80",
            "-o",
            "json",
            "--kubeconfig",
            kc,
        ],
        vec![
            "pc",
            "routes",
            "pod/web-shop-1",
            "--name",
            "80",
            "-o",
            "json",
            "--kubeconfig",
            kc,
            "-n",
            "shop",
        ],
    ] {
        let output = meshctl(home.path(), &args, &[]);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        let routes: Value = serde_json::from_slice(&output.stdout).expect("routes JSON");
        let names: Vec<&str> = routes
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["name"].as_str())
            .collect();
        assert_eq!(names, ["80"], "{args:?}");
        assert!(
            routes[0]["virtualHosts"].is_array(),
            "istioctl's field names: {}",
            routes[0]
        );
    }
}

#[test]
fn kubeconfig_context_and_namespace_come_from_the_right_place() {
    let envoy = web_frontend_envoy();
    let server = workloads_cluster(envoy.admin_addr())
        .token("main-token", "alice")
        .kubeconfig_context(
            KubeContext::new("shop-ctx")
                .namespace("shop")
                .token("shop-token"),
        )
        .token("shop-token", "bob")
        .start();
    let home = temp_home();
    let main_file = home.path().join("main.yaml");
    server.write_kubeconfig(&main_file, "main", None).unwrap();
    let main_file = path_str(&main_file);

    let run = |args: &[String], env: &[(&str, &str)]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let args = args.as_slice();
        let before = server.requests().len();
        let output = meshctl(home.path(), args, env);
        assert!(
            output.status.success(),
            "{args:?} {env:?}: {}",
            stderr(&output)
        );
        let requests = server.requests()[before..].to_vec();
        let forwarded: Vec<String> = requests
            .iter()
            .filter(|r| r.path.ends_with("/portforward"))
            .map(|r| {
                format!(
                    "{} as {}",
                    r.path.trim_start_matches("/api/v1/namespaces/"),
                    r.user.clone().unwrap_or_default()
                )
            })
            .collect();
        forwarded
    };
    let listeners = ["pc", "listeners", "web-pod", "--port", "80"];
    let with = |extra: &[&str]| -> Vec<String> {
        listeners
            .iter()
            .chain(extra)
            .map(|a| a.to_string())
            .collect()
    };

    // --kubeconfig; the main context has no namespace, so `default`.
    assert_eq!(
        run(&with(&["--kubeconfig", &main_file]), &[]),
        ["default/pods/web-pod/portforward as alice"]
    );
    // --context: that context's namespace and user.
    assert_eq!(
        run(
            &with(&["--kubeconfig", &main_file, "--context", "shop-ctx"]),
            &[]
        ),
        ["shop/pods/web-pod/portforward as bob"]
    );
    // -n beats the context's namespace; global flags before the subcommand work too.
    let before_subcommand: Vec<String> = [
        "--context",
        "shop-ctx",
        "-n",
        "default",
        "--kubeconfig",
        &main_file,
    ]
    .iter()
    .chain(&listeners)
    .map(|a| a.to_string())
    .collect();
    assert_eq!(
        run(&before_subcommand, &[]),
        ["default/pods/web-pod/portforward as bob"]
    );

    // KUBECONFIG with two files: the first sets current-context to a context only the second defines.
    let first = home.path().join("first.yaml");
    std::fs::write(
        &first,
        "apiVersion: v1\nkind: Config\ncurrent-context: shop-ctx\n",
    )
    .unwrap();
    let second = home.path().join("second.yaml");
    server.write_kubeconfig(&second, "main", None).unwrap();
    let merged = format!("{}:{}", first.display(), second.display());
    assert_eq!(
        run(&with(&[]), &[("KUBECONFIG", &merged)]),
        ["shop/pods/web-pod/portforward as bob"]
    );

    // With neither flag nor KUBECONFIG, ~/.kube/config.
    std::fs::create_dir_all(home.path().join(".kube")).unwrap();
    let yaml = server.kubeconfig_yaml("main", None);
    assert!(yaml.contains("current-context: main\n"), "{yaml}");
    std::fs::write(
        home.path().join(".kube/config"),
        yaml.replace("current-context: main\n", "current-context: shop-ctx\n"),
    )
    .unwrap();
    assert_eq!(
        run(&with(&[]), &[]),
        ["shop/pods/web-pod/portforward as bob"]
    );
}

#[test]
fn a_deployment_whose_first_pod_is_not_ready_resolves_to_a_ready_one() {
    let envoy = web_frontend_envoy();
    let admin = envoy.admin_addr();
    let labels = json!({"app": "web-frontend"});
    let server = ApiServer::builder()
        .deployment(workload(
            "Deployment",
            "web-frontend",
            "default",
            labels.clone(),
        ))
        // Oldest and most restarted, but not ready: kubectl passes it over.
        .pod(pod(PodSpec {
            name: "web-a-not-ready",
            labels: labels.clone(),
            ready_since: None,
            restarts: 7,
            created: "2024-06-01T09:00:00Z",
            ..Default::default()
        }))
        .pod(pod(PodSpec {
            name: "web-b-pending",
            labels: labels.clone(),
            phase: "Pending",
            ready_since: None,
            created: "2024-06-01T08:00:00Z",
            ..Default::default()
        }))
        .pod(pod(PodSpec {
            name: "web-c-ready-recently",
            labels: labels.clone(),
            ready_since: Some("2024-06-01T11:00:00Z"),
            ..Default::default()
        }))
        .pod(pod(PodSpec {
            name: "web-d-ready-longest",
            labels: labels.clone(),
            ready_since: Some("2024-06-01T10:30:00Z"),
            created: "2024-06-01T10:20:00Z",
            ..Default::default()
        }))
        .portforward_backend("default", "web-d-ready-longest", ADMIN_PORT, admin)
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let output = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "deploy/web-frontend",
            "--kubeconfig",
            &path_str(&kubeconfig),
        ],
        &[],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(forwarded_pods(&server), ["default/web-d-ready-longest"]);
    // The selector went to the server as a label selector.
    let list = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/api/v1/namespaces/default/pods")
        .expect("a pod LIST");
    assert!(
        list.query.contains("labelSelector=app%3Dweb-frontend"),
        "{}",
        list.query
    );
}

#[test]
fn the_library_fetch_returns_envoys_body() {
    let envoy = web_frontend_envoy();
    let server = workloads_cluster(envoy.admin_addr()).start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server
        .write_kubeconfig(&kubeconfig, "test", "shop")
        .unwrap();
    let opts = meshctl::config::ClusterOptions {
        kubeconfig: Some(kubeconfig),
        ..Default::default()
    };
    let body = meshctl::live::fetch(
        &opts,
        "deploy/web-frontend",
        meshctl::live::Method::Get,
        "/server_info",
    )
    .unwrap();
    let info: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(info["state"], "LIVE");
    assert_eq!(forwarded_pods(&server), ["shop/web-shop-1"]);
    // The same connection path carries large bodies intact.
    let dump = meshctl::live::fetch(
        &opts,
        "web-pod",
        meshctl::live::Method::Get,
        "/config_dump?include_eds=true",
    )
    .unwrap();
    let direct = envoy.admin_get("/config_dump?include_eds=true");
    assert_eq!(dump.len(), direct.body.len());
}

/// Runs meshctl under `script`, so stderr is a terminal; returns everything the terminal got.
fn on_a_terminal(home: &Path, args: &[&str], no_color: bool) -> String {
    let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_meshctl"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect();
    let mut command = std::process::Command::new("script");
    command
        .args(["-qec", &quoted.join(" "), "/dev/null"])
        .env("HOME", home)
        .env_remove("KUBECONFIG");
    if no_color {
        command.env("NO_COLOR", "1");
    } else {
        command.env_remove("NO_COLOR");
    }
    let output = command
        .output()
        .expect("script(1) from util-linux runs a command on a pseudo-terminal");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_spinner_shows_on_a_terminal_only_while_a_fetch_is_slow() {
    let envoy = web_frontend_envoy();
    let server = ApiServer::builder()
        .pod(pod(PodSpec {
            name: "fast",
            ..Default::default()
        }))
        .pod(pod(PodSpec {
            name: "slow",
            ..Default::default()
        }))
        .portforward_backend("default", "fast", ADMIN_PORT, envoy.admin_addr())
        .portforward_backend("default", "slow", ADMIN_PORT, envoy.admin_addr())
        .portforward_fault(
            "default",
            "slow",
            testkit::apiserver::PortForwardFault::SlowFirstByte(std::time::Duration::from_millis(
                1500,
            )),
        )
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let expected = offline_listeners(&envoy, home.path()).replace('\n', "\r\n");
    let table_start = expected.lines().next().unwrap().to_string();

    let slow = on_a_terminal(
        home.path(),
        &[
            "pc",
            "listeners",
            "slow",
            "--port",
            "80",
            "--kubeconfig",
            &kc,
        ],
        false,
    );
    let spinner = slow
        .find("asking pod/slow for GET /config_dump")
        .unwrap_or_else(|| panic!("no spinner in {slow:?}"));
    let erased = slow.rfind("\r\x1b[K").expect("the spinner line is erased");
    let table = slow.find(&table_start).expect("the table follows");
    assert!(spinner < erased && erased < table, "{slow:?}");
    assert!(
        slow.ends_with(&expected),
        "the output itself is untouched: {slow:?}"
    );
    assert!(
        slow.contains("\x1b[2m"),
        "dimmed when colour is allowed: {slow:?}"
    );

    let plain = on_a_terminal(
        home.path(),
        &[
            "pc",
            "listeners",
            "slow",
            "--port",
            "80",
            "--kubeconfig",
            &kc,
        ],
        true,
    );
    assert!(
        plain.contains("asking pod/slow") && !plain.contains("\x1b[2m"),
        "NO_COLOR: {plain:?}"
    );

    // A quick fetch shows none; on a machine loaded enough to make it slow, it must at least have
    // taken the spinner's delay.
    let started = std::time::Instant::now();
    let fast = on_a_terminal(
        home.path(),
        &[
            "pc",
            "listeners",
            "fast",
            "--port",
            "80",
            "--kubeconfig",
            &kc,
        ],
        false,
    );
    if fast != expected {
        assert!(
            started.elapsed() >= std::time::Duration::from_millis(500),
            "spinner on a quick fetch: {fast:?}"
        );
        assert!(fast.ends_with(&expected), "{fast:?}");
    }

    // Not a terminal: nothing on stderr, however slow.
    let piped = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "slow",
            "--port",
            "80",
            "--kubeconfig",
            &kc,
        ],
        &[],
    );
    assert!(piped.status.success());
    assert_eq!(stderr(&piped), "");
}

#[test]
fn impersonation_flags_go_with_every_api_request() {
    let envoy = web_frontend_envoy();
    let server = ApiServer::builder()
        .pod(pod(PodSpec {
            name: "web",
            ..Default::default()
        }))
        .portforward_backend("default", "web", ADMIN_PORT, envoy.admin_addr())
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let run = |flags: &[&str]| {
        let mut args = vec!["pc", "l", "web", "--port", "80", "--kubeconfig", &kc];
        args.extend_from_slice(flags);
        meshctl(home.path(), &args, &[])
    };

    let output = run(&[
        "--as",
        "jane",
        "--as-group",
        "dev",
        "--as-group=ops",
        "--as-uid",
        "42",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let requests = server.requests();
    assert!(
        requests.iter().any(|r| r.path.ends_with("/portforward")),
        "the port-forward is an API request too: {requests:?}"
    );
    for r in &requests {
        assert_eq!(
            (
                r.impersonate_user.as_deref(),
                r.impersonate_groups.clone(),
                r.impersonate_uid.as_deref()
            ),
            (
                Some("jane"),
                vec!["dev".to_string(), "ops".to_string()],
                Some("42")
            ),
            "{} {}",
            r.method,
            r.path
        );
    }

    let before = server.requests().len();
    let plain = run(&[]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(server.requests()[before..]
        .iter()
        .all(|r| r.impersonate_user.is_none() && r.impersonate_groups.is_empty()));

    // Groups without a user are refused, as kubectl refuses them, before any request.
    let before = server.requests().len();
    assert_fails(
        &run(&["--as-group", "dev"]),
        2,
        "--as-group and --as-uid need a user to impersonate: add --as",
    );
    assert_eq!(server.requests().len(), before);
}

#[test]
fn gateways_from_before_v1_and_with_one_ip_address() {
    let envoy = web_frontend_envoy();
    let server = ApiServer::builder()
        .without_version("gateway.networking.k8s.io/v1")
        .pod(pod(PodSpec {
            name: "public-istio-1",
            labels: json!({"gateway.networking.k8s.io/gateway-name": "public"}),
            ..Default::default()
        }))
        .portforward_backend("default", "public-istio-1", ADMIN_PORT, envoy.admin_addr())
        .gateway(json!({
            "apiVersion": "gateway.networking.k8s.io/v1beta1",
            "metadata": {"name": "public", "namespace": "default"},
            "spec": {"gatewayClassName": "istio", "addresses": [{"type": "IPAddress", "value": "10.0.0.9"}]},
        }))
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let output = meshctl(
        home.path(),
        &["pc", "l", "gtw/public", "--port", "80", "--kubeconfig", &kc],
        &[],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(forwarded_pods(&server), ["default/public-istio-1"]);
    let gets: Vec<(String, u16)> = server
        .requests()
        .iter()
        .filter(|r| r.path.contains("/gateways/"))
        .map(|r| (r.path.clone(), r.status))
        .collect();
    assert_eq!(
        gets,
        [
            (
                "/apis/gateway.networking.k8s.io/v1/namespaces/default/gateways/public".to_string(),
                404
            ),
            (
                "/apis/gateway.networking.k8s.io/v1beta1/namespaces/default/gateways/public"
                    .to_string(),
                200
            ),
        ],
        "v1 first, then the version this cluster serves"
    );
}

#[test]
fn a_pod_that_appears_while_waiting_is_used() {
    let envoy = web_frontend_envoy();
    let server = ApiServer::builder()
        .deployment(workload(
            "Deployment",
            "late",
            "default",
            json!({"app": "late"}),
        ))
        .portforward_backend("default", "late-1", ADMIN_PORT, envoy.admin_addr())
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let output = std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(std::time::Duration::from_millis(800));
            let mut late = pod(PodSpec {
                name: "late-1",
                labels: json!({"app": "late"}),
                ..Default::default()
            });
            late["kind"] = json!("Pod");
            server.add(late).unwrap();
        });
        meshctl(
            home.path(),
            &[
                "pc",
                "l",
                "deploy/late",
                "--port",
                "80",
                "--kubeconfig",
                &kc,
            ],
            &[],
        )
    });
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(forwarded_pods(&server), ["default/late-1"]);
}

#[test]
fn an_empty_workload_selector_selects_every_pod_of_the_namespace() {
    let envoy = web_frontend_envoy();
    let server = ApiServer::builder()
        .pod(pod(PodSpec {
            name: "only",
            namespace: "solo",
            labels: json!({"app": "unrelated"}),
            ..Default::default()
        }))
        .portforward_backend("solo", "only", ADMIN_PORT, envoy.admin_addr())
        .deployment(json!({
            "metadata": {"name": "any", "namespace": "solo"},
            "spec": {"selector": {}, "template": {"spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
        }))
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let output = meshctl(
        home.path(),
        &[
            "pc",
            "l",
            "deploy/any.solo",
            "--port",
            "80",
            "--kubeconfig",
            &kc,
        ],
        &[],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(forwarded_pods(&server), ["solo/only"]);
    assert!(server
        .requests()
        .iter()
        .any(|r| r.path == "/api/v1/namespaces/solo/pods" && !r.query.contains("labelSelector")));
}
