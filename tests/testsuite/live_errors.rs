//! Every live failure a user can meet ends in one stderr line they can act on, the documented exit
//! code and nothing on stdout: measured against the test API server's real responses and faults,
//! and a real Envoy where the proxy's own behaviour matters.

use std::time::{Duration, Instant};

use crate::support::*;
use serde_json::json;
use testkit::apiserver::{ApiServer, ApiServerBuilder, Denial, PortForwardFault};

const KUBE: i32 = 3;
const PROXY: i32 = 4;
const TIMEOUT: i32 = 5;

fn web_pod(name: &str) -> serde_json::Value {
    pod(PodSpec {
        name,
        labels: json!({"app": "web"}),
        ..Default::default()
    })
}

/// Runs `meshctl pc listeners TARGET` against `server` with `extra` flags.
fn listeners(server: &ApiServer, target: &str, extra: &[&str]) -> std::process::Output {
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kubeconfig = path_str(&kubeconfig);
    let mut args = vec!["pc", "listeners", target, "--kubeconfig", &kubeconfig];
    args.extend_from_slice(extra);
    meshctl(home.path(), &args, &[])
}

fn portforwards(server: &ApiServer) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/portforward"))
        .count()
}

fn builder_with_web() -> ApiServerBuilder {
    ApiServer::builder()
        .pod(web_pod("web-1"))
        .deployment(workload(
            "Deployment",
            "web",
            "default",
            json!({"app": "web"}),
        ))
}

#[test]
fn not_found_reads_like_kubectl_and_happens_before_any_port_forward() {
    let server = builder_with_web().start();
    // A bare pod name: meshctl's own words.
    let output = listeners(&server, "web-2", &[]);
    assert_fails(
        &output,
        KUBE,
        "pods \"web-2\" not found in namespace \"default\"",
    );
    // `<type>/<name>` is retrieved as istioctl retrieves it.
    for (target, message) in [
        (
            "deploy/nosuch.shop",
            "failed retrieving: deployments.apps \"nosuch\" not found in the \"shop\" namespace",
        ),
        (
            "sts/web",
            "failed retrieving: statefulsets.apps \"web\" not found in the \"default\" namespace",
        ),
        (
            "pod/web-2",
            "failed retrieving: pods \"web-2\" not found in the \"default\" namespace",
        ),
        (
            "cm/nosuch",
            "failed retrieving: configmaps \"nosuch\" not found in the \"default\" namespace",
        ),
    ] {
        let output = listeners(&server, target, &[]);
        assert_eq!(
            assert_fails(&output, KUBE, message).trim_end(),
            format!("Error: {message}")
        );
    }
    assert_eq!(portforwards(&server), 0);
}

#[test]
fn targets_that_select_no_pods_say_why() {
    let server = builder_with_web()
        .service(json!({"metadata": {"name": "external"}, "spec": {"type": "ExternalName", "externalName": "example.org"}}))
        .service(json!({"metadata": {"name": "empty-selector"}, "spec": {"selector": {}, "ports": [{"port": 80}]}}))
        .config_map(json!({"metadata": {"name": "settings"}, "data": {"a": "b"}}))
        .gateway(json!({"metadata": {"name": "edge"}, "spec": {"gatewayClassName": "istio",
            "addresses": [{"type": "Hostname", "value": "edge.example.com"}]}}))
        .gateway(json!({"metadata": {"name": "two"}, "spec": {"gatewayClassName": "istio",
            "addresses": [{"value": "10.0.0.1"}, {"value": "10.0.0.2"}]}}))
        .start();
    for (target, message) in [
        (
            "svc/external",
            "\"svc/external\" does not refer to a pod: invalid service 'external': Service is defined without a selector",
        ),
        (
            "service/empty-selector.default",
            "\"service/empty-selector\" does not refer to a pod: invalid service 'empty-selector': Service is defined without a selector",
        ),
        (
            "cm/settings",
            "\"cm/settings\" does not refer to a pod: selector for *v1.ConfigMap not implemented",
        ),
        (
            "configmaps.v1./settings",
            "\"configmaps.v1./settings\" does not refer to a pod: selector for *v1.ConfigMap not implemented",
        ),
        (
            "gtw/edge",
            "\"gtw/edge\" does not refer to a pod: gateway is not a managed gateway",
        ),
        (
            "gateway/two",
            "\"gateway/two\" does not refer to a pod: gateway is not a managed gateway",
        ),
    ] {
        let output = listeners(&server, target, &[]);
        assert_eq!(
            assert_fails(&output, KUBE, message).trim_end(),
            format!("Error: {message}")
        );
    }
    assert_eq!(portforwards(&server), 0);
}

#[test]
fn a_workload_without_pods_or_with_a_stopped_pod() {
    let server = builder_with_web()
        .deployment(workload(
            "Deployment",
            "empty",
            "default",
            json!({"app": "nothing-here"}),
        ))
        .pod(pod(PodSpec {
            name: "pending-1",
            phase: "Pending",
            ready_since: None,
            ..Default::default()
        }))
        .deployment(workload(
            "Deployment",
            "done",
            "default",
            json!({"app": "done"}),
        ))
        .pod(pod(PodSpec {
            name: "done-1",
            phase: "Succeeded",
            ready_since: None,
            labels: json!({"app": "done"}),
            ..Default::default()
        }))
        .start();
    // No pod yet: istioctl waits two seconds for one to appear, then gives up.
    let started = Instant::now();
    assert_eq!(
        assert_fails(
            &listeners(&server, "deploy/empty", &[]),
            KUBE,
            "no pods match",
        ),
        "Error: no pods match \"deploy/empty\"\n"
    );
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "waited for a pod"
    );
    let lists = server
        .requests()
        .iter()
        .filter(|r| r.path == "/api/v1/namespaces/default/pods" && r.query.contains("nothing-here"))
        .count();
    assert!(
        lists > 1,
        "the pods were asked for again while waiting: {lists}"
    );
    assert_fails(
        &listeners(&server, "pending-1", &[]),
        KUBE,
        "pod \"pending-1\" in namespace \"default\" is not running (phase Pending)",
    );
    assert_fails(
        &listeners(&server, "deploy/done", &[]),
        KUBE,
        "pod \"done-1\" in namespace \"default\" is not running (phase Succeeded)",
    );
    assert_eq!(portforwards(&server), 0);
}

#[test]
fn no_proxy_listening_is_reported_from_the_error_channel() {
    // A refused backend (the kubelet's text on the error channel) and a pod with no backend at all.
    let server = builder_with_web()
        .pod(web_pod("web-2"))
        .portforward_fault("default", "web-1", PortForwardFault::Refused)
        .start();
    for target in ["web-1", "web-2"] {
        let err = assert_fails(
            &listeners(&server, target, &[]),
            PROXY,
            &format!("nothing is listening on port 15000 of pod \"{target}\" in namespace \"default\": is the sidecar injected?"),
        );
        assert!(
            err.contains("connect: connection refused"),
            "the kubelet's words are kept: {err}"
        );
    }
    // --proxy-admin-port is what gets forwarded (and reported).
    let err = assert_fails(
        &listeners(&server, "web-2", &["--proxy-admin-port", "15001"]),
        PROXY,
        "port 15001",
    );
    assert!(err.contains("check --proxy-admin-port"), "{err}");
    assert!(server
        .requests()
        .iter()
        .any(|r| r.path.ends_with("/portforward") && r.query.contains("ports=15001")));
}

#[test]
fn rbac_refusals_name_the_permission() {
    let server = builder_with_web()
        .pod(web_pod("web-2"))
        .portforward_fault("default", "web-2", PortForwardFault::Forbidden)
        .deny(Denial::new("get", "pods").namespace("locked"))
        .deny(Denial::new("list", "pods").namespace("listless"))
        .deployment(workload(
            "Deployment",
            "web",
            "listless",
            json!({"app": "web"}),
        ))
        .start();
    // 403 on the WebSocket upgrade: a Kubernetes 1.33 server checks `get` on pods/portforward.
    assert_fails(
        &listeners(&server, "web-2", &[]),
        KUBE,
        "cannot get pods/portforward in namespace \"default\": pods \"web-2\" is forbidden: User \"system:anonymous\" cannot get resource \"pods/portforward\"",
    );
    assert_fails(
        &listeners(&server, "web-1.locked", &[]),
        KUBE,
        "cannot get pods in namespace \"locked\": ",
    );
    assert_fails(
        &listeners(&server, "deploy/web.listless", &[]),
        KUBE,
        "cannot list pods in namespace \"listless\": ",
    );
    // A refused lookup of `<type>/<name>` is a failed retrieval, in the server's words.
    let guarded = builder_with_web()
        .deny(Denial::new("get", "deployments"))
        .start();
    assert_fails(
        &listeners(&guarded, "deploy/web", &[]),
        KUBE,
        "failed retrieving: deployments.apps \"web\" is forbidden: User \"system:anonymous\" cannot get resource \"deployments\" in API group \"apps\" in the namespace \"default\" in the \"default\" namespace",
    );

    // From Kubernetes 1.35 the same upgrade is authorized as `create`.
    let newer = builder_with_web()
        .version("v1.35.0")
        .portforward_fault("default", "web-1", PortForwardFault::Forbidden)
        .start();
    assert_fails(
        &listeners(&newer, "web-1", &[]),
        KUBE,
        "cannot create pods/portforward in namespace \"default\"",
    );
}

#[test]
fn connection_tls_and_credential_failures() {
    let home = temp_home();
    // Nothing listens: bind a port, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let unreachable = home.path().join("unreachable.yaml");
    std::fs::write(
        &unreachable,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:{port}\n\
             users:\n- name: u\n  user: {{}}\ncontexts:\n- name: x\n  context: {{cluster: c, user: u}}\ncurrent-context: x\n"
        ),
    )
    .unwrap();
    let output = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "web-1",
            "--kubeconfig",
            &path_str(&unreachable),
        ],
        &[],
    );
    let err = assert_fails(
        &output,
        KUBE,
        &format!("cannot reach the API server at https://127.0.0.1:{port}"),
    );
    assert!(err.to_lowercase().contains("connection refused"), "{err}");

    // A server whose certificate the kubeconfig does not trust.
    let server = builder_with_web().https().start();
    let yaml = server.kubeconfig_yaml("test", None);
    let untrusted = home.path().join("untrusted.yaml");
    let without_ca: String = yaml
        .lines()
        .filter(|l| !l.contains("certificate-authority-data"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(without_ca, yaml, "the kubeconfig carried a CA to drop");
    std::fs::write(&untrusted, without_ca).unwrap();
    let output = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "web-1",
            "--kubeconfig",
            &path_str(&untrusted),
        ],
        &[],
    );
    let err = assert_fails(
        &output,
        KUBE,
        &format!(
            "TLS handshake with the API server at {} failed",
            server.url()
        ),
    );
    assert!(err.contains("certificate"), "{err}");

    // A token the server does not know.
    let server = builder_with_web().token("right", "alice").start();
    let wrong = home.path().join("wrong-token.yaml");
    std::fs::write(
        &wrong,
        server
            .kubeconfig_yaml("test", None)
            .replace("right", "wrong"),
    )
    .unwrap();
    let output = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "web-1",
            "--kubeconfig",
            &path_str(&wrong),
        ],
        &[],
    );
    assert_fails(
        &output,
        KUBE,
        &format!(
            "the API server at {} rejected the credentials (401 Unauthorized)",
            server.url()
        ),
    );

    // An exec credential plugin that fails, and one that works.
    let plugin = |name: &str, script: &str| {
        let path = home.path().join(name);
        std::fs::write(&path, script).unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        std::fs::set_permissions(&path, permissions).unwrap();
        let config = format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: {}\n\
             users:\n- name: u\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n      interactiveMode: Never\n\
             contexts:\n- name: x\n  context: {{cluster: c, user: u}}\ncurrent-context: x\n",
            server.url(),
            path.display()
        );
        let file = home.path().join(format!("{name}.yaml"));
        std::fs::write(&file, config).unwrap();
        path_str(&file)
    };
    let failing = plugin(
        "broken-plugin",
        "#!/bin/sh\necho 'sso session expired' >&2\nexit 1\n",
    );
    let output = meshctl(
        home.path(),
        &["pc", "listeners", "web-1", "--kubeconfig", &failing],
        &[],
    );
    assert_fails(
        &output,
        KUBE,
        &format!(
            "cannot get credentials for the API server at {}: the exec credential plugin failed (exit status: 1): sso session expired",
            server.url()
        ),
    );
    let working = plugin(
        "token-plugin",
        "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"right\"}}'\n",
    );
    let output = meshctl(
        home.path(),
        &["pc", "listeners", "web-1", "--kubeconfig", &working],
        &[],
    );
    // Authenticated as alice, the request reaches the port-forward (which has no backend here).
    assert_fails(&output, PROXY, "is the sidecar injected?");
    assert!(server
        .requests()
        .iter()
        .any(|r| r.path.ends_with("/portforward") && r.user.as_deref() == Some("alice")));
}

#[test]
fn kubeconfig_and_target_mistakes() {
    let server = builder_with_web().start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kubeconfig = path_str(&kubeconfig);
    let run = |args: &[&str]| meshctl(home.path(), args, &[]);
    assert_fails(
        &run(&[
            "pc",
            "listeners",
            "web-1",
            "--kubeconfig",
            &kubeconfig,
            "--context",
            "prod",
        ]),
        KUBE,
        &format!("context \"prod\" does not exist in kubeconfig {kubeconfig}"),
    );
    let missing = home.path().join("missing.yaml");
    assert_fails(
        &run(&[
            "pc",
            "listeners",
            "web-1",
            "--kubeconfig",
            &path_str(&missing),
        ]),
        KUBE,
        &format!("cannot read kubeconfig {}", missing.display()),
    );
    // No kubeconfig anywhere and not in a cluster.
    assert_fails(
        &run(&["pc", "listeners", "web-1"]),
        KUBE,
        "no kubeconfig found",
    );
    for (target, reason) in [
        (
            "widget/nightly",
            "the server doesn't have a resource type \"widget\"",
        ),
        (
            "pod/a/b",
            "arguments in resource/name form may not have more than one slash",
        ),
        (
            "deploy/",
            "arguments in resource/name form must have a single resource and name",
        ),
    ] {
        assert_fails(
            &run(&["pc", "listeners", target, "--kubeconfig", &kubeconfig]),
            KUBE,
            &format!("failed retrieving: {reason} in the \"default\" namespace"),
        );
    }
    assert!(
        server.requests().is_empty(),
        "a target kubectl would refuse is refused before any request"
    );
    // A kind meshctl knows that this server does not serve.
    assert_fails(
        &run(&["pc", "listeners", "cronjob/nightly.jobs", "--kubeconfig", &kubeconfig]),
        KUBE,
        "failed retrieving: the server doesn't have a resource type \"cronjob\" in the \"jobs\" namespace",
    );
}

#[test]
fn proxy_answers_that_go_wrong() {
    let envoy = web_frontend_envoy();
    let admin = envoy.admin_addr();
    let server = builder_with_web()
        .pod(web_pod("web-cut"))
        .pod(web_pod("web-slow"))
        .pod(web_pod("web-hang"))
        .portforward_backend("default", "web-1", 15000, admin)
        .portforward_backend("default", "web-cut", 15000, admin)
        .portforward_backend("default", "web-slow", 15000, admin)
        .portforward_backend("default", "web-hang", 15000, admin)
        .portforward_fault(
            "default",
            "web-cut",
            PortForwardFault::DropAfterBodyBytes(100),
        )
        .portforward_fault(
            "default",
            "web-slow",
            PortForwardFault::SlowFirstByte(Duration::from_secs(30)),
        )
        .portforward_fault("default", "web-hang", PortForwardFault::Hang)
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let opts = meshctl::config::ClusterOptions {
        kubeconfig: Some(kubeconfig.clone()),
        ..Default::default()
    };

    // Envoy's own refusal: a mask that fits no section is a 400 with its reason.
    let err = meshctl::live::fetch(
        &opts,
        "web-1",
        meshctl::live::Method::Get,
        "/config_dump?mask=no_such_field",
    )
    .unwrap_err();
    assert_eq!(err.code() as i32, PROXY);
    assert_eq!(
        err.message,
        "Envoy on pod \"web-1\" in namespace \"default\" answered 400 Bad Request to GET \
         /config_dump?mask=no_such_field: FieldMask no_such_field could not be successfully applied to \
         any configs."
    );
    let err = meshctl::live::fetch(
        &opts,
        "web-1",
        meshctl::live::Method::Get,
        "/no-such-admin-page",
    )
    .unwrap_err();
    assert!(
        err.message.contains("answered 404 Not Found"),
        "{}",
        err.message
    );

    // A body cut after 100 bytes: Envoy's admin answers are chunked, so the framing is what fails.
    let output = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "web-cut",
            "--kubeconfig",
            &path_str(&kubeconfig),
        ],
        &[],
    );
    let err = assert_fails(&output, PROXY, "Envoy's answer to GET /config_dump?mask=dynamic_listeners,static_listeners from pod \"web-cut\" in namespace \"default\" was cut short");
    assert!(err.contains("bytes"), "{err}");

    // A slow or silent proxy runs into --request-timeout, which says what it was waiting for.
    for pod in ["web-slow", "web-hang"] {
        let started = Instant::now();
        let output = meshctl(
            home.path(),
            &[
                "pc",
                "listeners",
                pod,
                "--kubeconfig",
                &path_str(&kubeconfig),
                "--request-timeout",
                "3s",
            ],
            &[],
        );
        assert_fails(
            &output,
            TIMEOUT,
            &format!("timed out after 3s waiting for Envoy's answer to GET /config_dump?mask=dynamic_listeners,static_listeners from pod \"{pod}\" in namespace \"default\" (--request-timeout)"),
        );
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{pod}: the timeout bounds the run"
        );
    }
}

/// A one-shot HTTP backend that writes `response` to the first connection and closes it.
fn one_shot_backend(response: Vec<u8>) -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0u8; 4096];
            let _ = std::io::Read::read(&mut stream, &mut request);
            let _ = std::io::Write::write_all(&mut stream, &response);
        }
    });
    addr
}

#[test]
fn framing_failures_without_kubelet_text() {
    // A Content-Length body that stops short: the proxy closes after 1000 of 5000 bytes.
    let mut short = b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n".to_vec();
    short.extend(std::iter::repeat_n(b'x', 1000));
    // A proxy that takes the request and closes without a word.
    let silent = b"".to_vec();
    let server = builder_with_web()
        .pod(web_pod("web-2"))
        .portforward_backend("default", "web-1", 15000, one_shot_backend(short))
        .portforward_backend("default", "web-2", 15000, one_shot_backend(silent))
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let opts = meshctl::config::ClusterOptions {
        kubeconfig: Some(kubeconfig),
        ..Default::default()
    };
    let err = meshctl::live::fetch(
        &opts,
        "web-1",
        meshctl::live::Method::Get,
        "/clusters?format=json",
    )
    .unwrap_err();
    assert_eq!(err.code() as i32, PROXY);
    assert_eq!(
        err.message,
        "Envoy's answer to GET /clusters?format=json from pod \"web-1\" in namespace \"default\" was \
         cut short: 1000 of 5000 bytes arrived"
    );
    let err =
        meshctl::live::fetch(&opts, "web-2", meshctl::live::Method::Get, "/ready").unwrap_err();
    assert_eq!(err.code() as i32, PROXY);
    assert!(
        err.message.starts_with(
            "the connection to port 15000 of pod \"web-2\" in namespace \"default\" closed before \
             Envoy answered GET /ready ("
        ),
        "{}",
        err.message
    );
}

fn kubeconfig_for(server_url: &str, user: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: {server_url}\n\
         users:\n- name: u\n  user: {user}\ncontexts:\n- name: x\n  context: {{cluster: c, user: u}}\ncurrent-context: x\n"
    )
}

#[test]
fn timeouts_name_the_stage_that_hung() {
    let home = temp_home();
    // An API server that accepts connections and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    let silent = home.path().join("silent.yaml");
    std::fs::write(&silent, kubeconfig_for(&silent_url, "{}")).unwrap();
    let started = Instant::now();
    let output = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "deploy/web",
            "--kubeconfig",
            &path_str(&silent),
            "--request-timeout",
            "1s",
        ],
        &[],
    );
    assert_fails(
        &output,
        TIMEOUT,
        "timed out after 1s waiting for the API server to find deployment/web in namespace \"default\" (--request-timeout)",
    );
    // istioctl's name for the same timeout, in Go's duration syntax.
    let output = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "deploy/web",
            "--kubeconfig",
            &path_str(&silent),
            "--kubeclient-timeout",
            "0.5s",
        ],
        &[],
    );
    assert_fails(
        &output,
        TIMEOUT,
        "timed out after 500ms waiting for the API server to find deployment/web in namespace \"default\" (--kubeclient-timeout)",
    );

    // An exec credential plugin that never returns.
    let plugin = home.path().join("stuck-plugin");
    std::fs::write(&plugin, "#!/bin/sh\nexec sleep 30\n").unwrap();
    let mut permissions = std::fs::metadata(&plugin).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&plugin, permissions).unwrap();
    let stuck = home.path().join("stuck.yaml");
    let user = format!(
        "\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n      interactiveMode: Never",
        plugin.display()
    );
    std::fs::write(&stuck, kubeconfig_for(&silent_url, &user)).unwrap();
    let output = meshctl(
        home.path(),
        &[
            "pc",
            "listeners",
            "web-1",
            "--kubeconfig",
            &path_str(&stuck),
            "--request-timeout",
            "1s",
        ],
        &[],
    );
    assert_fails(
        &output,
        TIMEOUT,
        &format!(
            "timed out after 1s setting up credentials for the API server at {silent_url} (--request-timeout)"
        ),
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "both runs were bounded by the timeout"
    );
}
