//! The admin port found from the pod when `--proxy-admin-port` is not given: pods in the test API
//! server shaped like each project's proxy pod (containers, images, labels, annotations, args as
//! that project's manifests and injectors write them), each port-forwarded to a real Envoy on the
//! port that project uses and on no other.

use std::net::SocketAddr;
use std::path::Path;

use crate::support::*;
use serde_json::{json, Value};
use testkit::apiserver::ApiServer;

const PROXY: i32 = 4;

/// A running, ready pod in `default` with these labels, annotations and containers.
fn proxy_pod(name: &str, meta: Value, containers: Value, init_containers: Value) -> Value {
    let statuses: Vec<Value> = containers
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!({"name": c["name"], "ready": true, "restartCount": 0, "image": c["image"], "imageID": ""}))
        .collect();
    json!({
        "metadata": {
            "name": name,
            "namespace": "default",
            "labels": meta["labels"],
            "annotations": meta["annotations"],
            "creationTimestamp": "2024-06-01T10:00:00Z",
        },
        "spec": {"nodeName": "node-1", "containers": containers, "initContainers": init_containers},
        "status": {
            "phase": "Running",
            "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2024-06-01T10:01:00Z"}],
            "containerStatuses": statuses,
        },
    })
}

/// Envoy Gateway's bootstrap argument, admin on `port`, as its operator writes it.
fn envoy_gateway_config_yaml(port: u16) -> String {
    format!(
        "--config-yaml admin:\n  access_log:\n  - name: envoy.access_loggers.file\n    \
         typed_config:\n      \"@type\": type.googleapis.com/envoy.extensions.access_loggers.file.v3.FileAccessLog\n      \
         path: /dev/null\n  address:\n    socket_address:\n      address: 127.0.0.1\n      \
         port_value: {port}\ndynamic_resources:\n  ads_config:\n    api_type: DELTA_GRPC\n"
    )
}

/// The pods, each with the one port its Envoy is reached on.
fn pods() -> Vec<(&'static str, Value, u16)> {
    let app = json!({"name": "app", "image": "registry.example/shop/web:1.4"});
    vec![
        (
            "istio-sidecar",
            proxy_pod(
                "istio-sidecar",
                json!({"annotations": {"sidecar.istio.io/status": "{\"containers\":[\"istio-proxy\"]}"}}),
                json!([app, {"name": "istio-proxy", "image": "docker.io/istio/proxyv2:1.24.0",
                             "args": ["proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local"]}]),
                json!([{"name": "istio-init", "image": "docker.io/istio/proxyv2:1.24.0"}]),
            ),
            15000,
        ),
        (
            "istio-waypoint",
            proxy_pod(
                "istio-waypoint",
                json!({"labels": {"gateway.networking.k8s.io/gateway-name": "waypoint"}}),
                json!([{"name": "istio-proxy", "image": "docker.io/istio/proxyv2:1.24.0",
                        "args": ["proxy", "waypoint", "--domain", "$(POD_NAMESPACE).svc.cluster.local"]}]),
                json!([]),
            ),
            15000,
        ),
        (
            "envoy-default-37a8eec1-7d9f",
            proxy_pod(
                "envoy-default-37a8eec1-7d9f",
                json!({"labels": {
                    "app.kubernetes.io/component": "proxy",
                    "app.kubernetes.io/managed-by": "envoy-gateway",
                    "app.kubernetes.io/name": "envoy",
                    "gateway.envoyproxy.io/owning-gateway-name": "default",
                }}),
                json!([
                    {"name": "envoy", "image": "docker.io/envoyproxy/envoy:distroless-v1.34.1",
                     "command": ["envoy"],
                     "args": ["--service-cluster default", "--service-node $(ENVOY_POD_NAME)",
                              envoy_gateway_config_yaml(19000), "--log-level warn", "--cpuset-threads"]},
                    {"name": "shutdown-manager", "image": "docker.io/envoyproxy/gateway:v1.4.0",
                     "command": ["envoy-gateway"], "args": ["envoy", "shutdown-manager"]},
                ]),
                json!([]),
            ),
            19000,
        ),
        (
            "consul-web",
            proxy_pod(
                "consul-web",
                json!({"annotations": {"consul.hashicorp.com/connect-inject-status": "injected"}}),
                json!([app, {"name": "consul-dataplane", "image": "hashicorp/consul-dataplane:1.6.0",
                             "args": ["-addresses", "consul-server.consul.svc", "-grpc-port=8502",
                                      "-proxy-service-id-path=/consul/connect-inject/proxyid",
                                      "-log-level=info", "-log-json=false", "-envoy-concurrency=2",
                                      "-tls-disabled", "-envoy-ready-bind-port=21000",
                                      "-envoy-admin-bind-port=19000"]}]),
                json!([{"name": "consul-connect-inject-init", "image": "hashicorp/consul-k8s-control-plane:1.6.0"}]),
            ),
            19000,
        ),
        (
            "kuma-backend",
            proxy_pod(
                "kuma-backend",
                json!({"annotations": {"kuma.io/sidecar-injected": "true", "kuma.io/mesh": "default"}}),
                json!([app, {"name": "kuma-sidecar", "image": "docker.io/kumahq/kuma-dp:2.9.0",
                             "args": ["run", "--log-level=info", "--concurrency=2"]}]),
                json!([{"name": "kuma-init", "image": "docker.io/kumahq/kuma-init:2.9.0"}]),
            ),
            9901,
        ),
        (
            "kuma-custom-admin",
            proxy_pod(
                "kuma-custom-admin",
                json!({"annotations": {"kuma.io/sidecar-injected": "true", "kuma.io/envoy-admin-port": "9955"}}),
                json!([app, {"name": "kuma-sidecar", "image": "docker.io/kumahq/kuma-dp:2.9.0",
                             "args": ["run", "--log-level=info"]}]),
                json!([]),
            ),
            9955,
        ),
        (
            "contour-envoy-x7k2p",
            proxy_pod(
                "contour-envoy-x7k2p",
                json!({"labels": {"app": "envoy"}}),
                json!([
                    {"name": "shutdown-manager", "image": "ghcr.io/projectcontour/contour:v1.30.0",
                     "command": ["/bin/contour"], "args": ["envoy", "shutdown-manager"]},
                    {"name": "envoy", "image": "docker.io/envoyproxy/envoy:distroless-v1.31.0",
                     "command": ["envoy"],
                     "args": ["-c", "/config/envoy.json", "--service-cluster $(CONTOUR_NAMESPACE)",
                              "--service-node $(ENVOY_POD_NAME)", "--log-level info"]},
                ]),
                json!([{"name": "envoy-initconfig", "image": "ghcr.io/projectcontour/contour:v1.30.0",
                        "command": ["contour"],
                        "args": ["bootstrap", "/config/envoy.json", "--xds-address=contour",
                                 "--xds-port=8001", "--resources-dir=/config/resources"]}]),
            ),
            9001,
        ),
        (
            "gateway-proxy-5c8d",
            proxy_pod(
                "gateway-proxy-5c8d",
                json!({"labels": {"gloo": "gateway-proxy", "gateway-proxy-id": "gateway-proxy"}}),
                json!([{"name": "gateway-proxy", "image": "quay.io/solo-io/gloo-envoy-wrapper:1.17.0",
                        "args": ["--disable-hot-restart"]}]),
                json!([]),
            ),
            19000,
        ),
    ]
}

struct Cluster {
    _server: ApiServer,
    _home: tempfile::TempDir,
    kubeconfig: String,
    expected: String,
}

impl Cluster {
    fn home(&self) -> &Path {
        self._home.path()
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        let mut all = args.to_vec();
        all.extend(["--kubeconfig", &self.kubeconfig]);
        meshctl(self.home(), &all, &[])
    }
}

/// The test cluster: the pods above, and two more (a Consul pod with two services, an unknown
/// proxy), each forwarding its ports to the Envoy at `admin`.
fn cluster(admin: SocketAddr) -> Cluster {
    let mut builder = ApiServer::builder();
    for (name, pod, port) in pods() {
        builder = builder
            .pod(pod)
            .portforward_backend("default", name, port, admin);
    }
    // consul-k8s's multi-port pods: one dataplane per service, admin on 19000 + the index.
    let multiport = proxy_pod(
        "consul-multiport",
        json!({"annotations": {"consul.hashicorp.com/connect-inject-status": "injected"}}),
        json!([
            {"name": "web", "image": "registry.example/web:1"},
            {"name": "consul-dataplane-web", "image": "hashicorp/consul-dataplane:1.6.0",
             "args": ["-addresses", "consul", "-envoy-admin-bind-port=19000"]},
            {"name": "consul-dataplane-web-admin", "image": "hashicorp/consul-dataplane:1.6.0",
             "args": ["-addresses", "consul", "-envoy-admin-bind-port=19001"]},
        ]),
        json!([]),
    );
    let unknown = proxy_pod(
        "plain-envoy",
        json!({}),
        json!([{"name": "envoy", "image": "docker.io/envoyproxy/envoy:v1.34.1"}]),
        json!([]),
    );
    let server = builder
        .pod(multiport)
        .portforward_backend("default", "consul-multiport", 19001, admin)
        .pod(unknown)
        .portforward_backend("default", "plain-envoy", 9901, admin)
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    Cluster {
        kubeconfig: path_str(&kubeconfig),
        expected: String::new(),
        _server: server,
        _home: home,
    }
}

fn offline_listeners(cluster: &mut Cluster, envoy: &testkit::envoy::Envoy) {
    let file = cluster.home().join("listeners.json");
    envoy
        .save(
            "/config_dump?mask=dynamic_listeners,static_listeners",
            &file,
        )
        .unwrap();
    let output = meshctl(
        cluster.home(),
        &["pc", "listeners", "-f", &path_str(&file), "--port", "80"],
        &[],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    cluster.expected = stdout(&output);
}

#[test]
fn each_projects_proxy_pod_is_reached_on_its_admin_port_without_flags() {
    let envoy = web_frontend_envoy();
    let mut cluster = cluster(envoy.admin_addr());
    offline_listeners(&mut cluster, &envoy);
    let why: &[(&str, &str)] = &[
        ("istio-sidecar", "container \"istio-proxy\" is Istio's proxy (container name istio-proxy); port from Istio's default"),
        ("istio-waypoint", "container \"istio-proxy\" is Istio's proxy (container name istio-proxy); port from Istio's default"),
        ("envoy-default-37a8eec1-7d9f", "container \"envoy\" is Envoy Gateway's proxy (container envoy, label app.kubernetes.io/managed-by=envoy-gateway); port from the admin address of its --config-yaml bootstrap"),
        ("consul-web", "container \"consul-dataplane\" is Consul's dataplane (container name consul-dataplane); port from its -envoy-admin-bind-port argument"),
        ("kuma-backend", "container \"kuma-sidecar\" is Kuma's data plane proxy (container name kuma-sidecar); port from Kuma's default"),
        ("kuma-custom-admin", "container \"kuma-sidecar\" is Kuma's data plane proxy (container name kuma-sidecar); port from annotation kuma.io/envoy-admin-port"),
        ("contour-envoy-x7k2p", "container \"envoy\" is Contour's Envoy (container envoy, bootstrapped by `contour bootstrap`); port from Contour's default"),
        ("gateway-proxy-5c8d", "container \"gateway-proxy\" is Gloo Edge's gateway proxy (image gloo-envoy-wrapper); port from Gloo Edge's default"),
    ];
    for ((name, _, port), (why_name, why)) in pods().iter().zip(why) {
        assert_eq!(name, why_name);
        let quiet = cluster.run(&["pc", "listeners", name, "--port", "80"]);
        assert!(quiet.status.success(), "{name}: {}", stderr(&quiet));
        assert_eq!(stderr(&quiet), "", "{name}: nothing on stderr without -v");
        assert_same_text(&stdout(&quiet), &cluster.expected);
        let told = cluster.run(&["pc", "listeners", name, "--port", "80", "-v"]);
        assert!(told.status.success(), "{name}: {}", stderr(&told));
        assert_eq!(
            stderr(&told),
            format!("pod \"{name}\" in namespace \"default\": admin port {port}: {why}\n")
        );
        assert_same_text(&stdout(&told), &cluster.expected);
    }
}

#[test]
fn container_flag_and_explicit_port_decide_when_the_pod_does_not() {
    let envoy = web_frontend_envoy();
    let mut cluster = cluster(envoy.admin_addr());
    offline_listeners(&mut cluster, &envoy);

    // Two dataplanes with different admin ports: -c says which.
    let several = cluster.run(&["pc", "listeners", "consul-multiport"]);
    assert_fails(
        &several,
        PROXY,
        "Error: pod \"consul-multiport\" in namespace \"default\" has several proxy containers \
         with different admin ports (consul-dataplane-web on 19000, consul-dataplane-web-admin on \
         19001): pick one with -c",
    );
    let picked = cluster.run(&[
        "pc",
        "listeners",
        "consul-multiport",
        "--port",
        "80",
        "-c",
        "consul-dataplane-web-admin",
        "-v",
    ]);
    assert!(picked.status.success(), "{}", stderr(&picked));
    assert_same_text(&stdout(&picked), &cluster.expected);
    assert!(
        stderr(&picked).contains(": admin port 19001: container \"consul-dataplane-web-admin\""),
        "{}",
        stderr(&picked)
    );

    // An unrecognised proxy: one line saying what was looked for and how to say it.
    let unknown = cluster.run(&["pc", "listeners", "plain-envoy"]);
    let err = assert_fails(
        &unknown,
        PROXY,
        "Error: no Envoy proxy recognised in pod \"plain-envoy\" in namespace \"default\" \
         (looked for Istio's istio-proxy container (image proxyv2), Envoy Gateway's envoy container",
    );
    assert!(
        err.trim_end()
            .ends_with("give its admin port with --proxy-admin-port"),
        "{err}"
    );
    let given = cluster.run(&[
        "pc",
        "listeners",
        "plain-envoy",
        "--port",
        "80",
        "--proxy-admin-port",
        "9901",
        "-v",
    ]);
    assert!(given.status.success(), "{}", stderr(&given));
    assert_same_text(&stdout(&given), &cluster.expected);
    assert_eq!(
        stderr(&given),
        "pod \"plain-envoy\" in namespace \"default\": admin port 9901: given by --proxy-admin-port\n"
    );

    // --proxy-admin-port wins over what the pod says: Kuma's 9901 is not asked.
    let overridden = cluster.run(&[
        "pc",
        "listeners",
        "kuma-custom-admin",
        "--proxy-admin-port",
        "9901",
    ]);
    assert_fails(
        &overridden,
        PROXY,
        "Error: nothing is listening on port 9901 of pod \"kuma-custom-admin\" in namespace \
         \"default\"",
    );

    // -c naming no container of the pod.
    let missing = cluster.run(&["pc", "listeners", "kuma-backend", "-c", "sidecar"]);
    assert_fails(
        &missing,
        PROXY,
        "Error: pod \"kuma-backend\" in namespace \"default\" has no container \"sidecar\" (-c); \
         it has: app, kuma-sidecar",
    );
}

#[test]
fn log_and_rootca_compare_find_the_admin_port_too() {
    let envoy = web_frontend_envoy();
    let cluster = cluster(envoy.admin_addr());
    let log = cluster.run(&["pc", "log", "kuma-backend"]);
    assert!(log.status.success(), "{}", stderr(&log));
    assert!(
        stdout(&log).starts_with("kuma-backend.default:\nactive loggers:\n"),
        "{}",
        stdout(&log)
    );
    // Both reach the one Envoy (on 19000 and 9901): its ROOTCA is compared with itself.
    let compared = cluster.run(&[
        "pc",
        "rootca-compare",
        "envoy-default-37a8eec1-7d9f",
        "kuma-backend",
    ]);
    assert!(compared.status.success(), "{}", stderr(&compared));
    assert_eq!(
        stderr(&compared),
        "Both [envoy-default-37a8eec1-7d9f.default] and [kuma-backend.default] have the \
         identical ROOTCA, theoretically the connectivity between them is available\n"
    );
}
