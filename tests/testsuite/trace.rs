//! `pc trace` through the binary on the real-Envoy web-frontend dump: the path a request takes,
//! `-o json`/`yaml`, `--explain`, and usage errors (exit 2, one line, nothing on stdout).

use serde_json::Value;

use crate::support::{assert_fails, fixture, meshctl, stdout, temp_home};

fn dump() -> String {
    fixture("web-frontend", "config_dump.json")
        .display()
        .to_string()
}

fn trace(args: &[&str]) -> std::process::Output {
    let home = temp_home();
    let d = dump();
    let mut all = vec!["pc", "trace", "-f", d.as_str()];
    all.extend_from_slice(args);
    meshctl(home.path(), &all, &[])
}

fn trace_json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["-o", "json"]);
    let out = trace(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::support::stderr(&out)
    );
    serde_json::from_str(&stdout(&out)).expect("one JSON document")
}

const CUSTOMERS: &str = "http://customers.default.svc.cluster.local/api/v2/customers";

#[test]
fn trace_shows_the_customers_canary_split() {
    let out = trace(&[CUSTOMERS, "--to", "10.43.246.220:80"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let value = |label: &str| {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(&format!("{label}:")))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no {label} line in\n{text}"))
    };
    assert!(value("Listener").starts_with("0.0.0.0_80  ("), "{text}");
    assert!(value("Listener").contains("virtualOutbound"), "{text}");
    assert_eq!(value("Route config"), "80");
    assert_eq!(
        value("Virtual host"),
        "customers.default.svc.cluster.local:80  (domain customers.default.svc.cluster.local)"
    );
    assert_eq!(value("Route"), "canary-by-path  (path /api/v2/customers)");
    assert_eq!(value("VirtualService"), "customers.default");
    assert_eq!(value("Result"), "weighted clusters");
    assert!(value("Cluster 80/100")
        .starts_with("outbound|80|v1|customers.default.svc.cluster.local  (EDS,"));
    assert!(value("Cluster 80/100").ends_with("DestinationRule customers.default"));
    assert!(value("Cluster 20/100").starts_with("outbound|80|v2|"));
    // Each subset's endpoints with health and locality, under its cluster.
    assert!(text.contains("  10.42.1.31:3000        UNHEALTHY  us-east1/us-east1-b/rack-7\n"));
    assert!(text.contains("  10.42.3.44:3000        HEALTHY    us-east1/us-east1-c\n"));
    assert!(!text.contains("Passed over"), "{text}");
}

#[test]
fn json_has_the_issue_fields() {
    let v = trace_json(&[CUSTOMERS, "--to", "10.43.246.220:80"]);
    assert_eq!(v["listener"], "0.0.0.0_80");
    assert_eq!(v["filterChain"], "0.0.0.0_80");
    assert_eq!(v["routeConfig"], "80");
    assert_eq!(v["virtualHost"], "customers.default.svc.cluster.local:80");
    assert_eq!(v["route"], "canary-by-path");
    assert_eq!(v["result"], "weightedClusters");
    assert_eq!(
        v["clusters"],
        serde_json::json!([
            {"name": "outbound|80|v1|customers.default.svc.cluster.local", "weight": 80},
            {"name": "outbound|80|v2|customers.default.svc.cluster.local", "weight": 20}
        ])
    );
    assert_eq!(
        v["clusterDetails"][1]["endpoints"][0]["address"],
        "10.42.3.44:3000"
    );
    assert!(v["explanations"].is_array());
    // A single cluster is one element of weight 100; steps that do not apply are null.
    let v = trace_json(&["tcp://10.43.0.10:53"]);
    assert_eq!(v["listener"], "10.43.0.10_53");
    assert_eq!(v["result"], "cluster");
    assert_eq!(v["routeConfig"], Value::Null);
    assert_eq!(v["filterChain"], Value::Null);
    assert_eq!(v["route"], Value::Null);
    assert_eq!(
        v["clusters"],
        serde_json::json!([{"name": "outbound|53||kube-dns.kube-system.svc.cluster.local", "weight": 100}])
    );
    // YAML is the same document.
    let out = trace(&["tcp://10.43.0.10:53", "-o", "yaml"]);
    assert!(stdout(&out).contains("\nfilterChain: null\n"));
    assert!(stdout(&out).starts_with("listener: \"10.43.0.10_53\"\n"));
}

#[test]
fn each_outcome_is_a_trace_with_exit_zero() {
    let host = "http://customers.default.svc.cluster.local";
    let cases: [(&str, &[&str], &str); 5] = [
        ("/healthz", &[], "directResponse"),
        ("/legacy/a", &[], "redirect"),
        ("/api/customers/7", &[], "cluster"),
        ("/anything", &[], "cluster"),
        ("/", &["-H", "Host: nowhere.example"], "cluster"),
    ];
    for (path, extra, result) in cases {
        let url = format!("{host}{path}");
        let mut args = vec![url.as_str(), "--to", "10.43.246.220:80"];
        args.extend_from_slice(extra);
        let v = trace_json(&args);
        assert_eq!(v["result"], result, "{path}: {v}");
    }
    let v = trace_json(&[&format!("{host}/legacy/a"), "--to", "10.43.246.220:80"]);
    assert_eq!(v["action"]["redirectCode"], 308);
    assert_eq!(
        v["action"]["redirect"],
        "http://customers.default.svc.cluster.local/api/customers"
    );
    let v = trace_json(&[
        "http://x/",
        "-H",
        "Host: nowhere.example",
        "--to",
        "10.43.246.220:80",
    ]);
    assert_eq!(v["virtualHost"], "allow_any");
    assert_eq!(v["clusters"][0]["name"], "PassthroughCluster");
}

#[test]
fn explain_says_why_candidates_were_passed_over() {
    let out = trace(&[
        "http://customers.default.svc.cluster.local/api/customers/x",
        "--to",
        "10.43.246.220:80",
        "--explain",
    ]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "  route \"canary-by-path\": path /api/v2/customers is not /api/customers/x\n"
        ),
        "{text}"
    );
    assert!(text.contains(
        "  route \"customer-by-id\": regex ^/api/customers/[0-9]+$ does not match /api/customers/x\n"
    ));
    assert!(
        text.contains("Route:          default  (prefix /)\n"),
        "{text}"
    );
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    for (args, expect) in [
        (&["ftp://x/"][..], "invalid URL"),
        (&["http://x:0/"], "the port must be 1 to 65535"),
        (&["http://x:99999/"], "the port must be 1 to 65535"),
        (&["tcp://x"], "tcp:// needs a port"),
        (&["http://x/", "-H", "no colon"], "invalid --header"),
        (&["http://x/", "--to", "10.0.0.1"], "invalid --to"),
        (&["http://x/", "--from", "nonsense"], "invalid --from"),
        (&["http://x/", "-X", "GE T"], "invalid --method"),
        (
            &["http://x/", "-o", "wide"],
            "trace prints -o short, json or yaml",
        ),
        (&["a", "b"], "trace -f FILE takes one URL"),
    ] {
        assert_fails(&trace(args), 2, expect);
    }
    let home = temp_home();
    let out = meshctl(home.path(), &["pc", "trace", "http://x/"], &[]);
    assert_fails(&out, 2, "trace requires pod name and a URL");
}

/// Live: a Deployment's pod through the test API server to the real Envoy running the
/// web-frontend scenario; the Service the URL names gives the original destination.
#[test]
fn live_trace_resolves_the_service_cluster_ip() {
    use crate::support::{path_str, pod, web_frontend_envoy, workload, PodSpec};
    use serde_json::json;
    let envoy = web_frontend_envoy();
    let server = testkit::apiserver::ApiServer::builder()
        .pod(pod(PodSpec {
            name: "web-frontend-7d9f8-abcde",
            labels: json!({"app": "web-frontend"}),
            ..Default::default()
        }))
        .deployment(workload(
            "Deployment",
            "web-frontend",
            "default",
            json!({"app": "web-frontend"}),
        ))
        .service(json!({
            "metadata": {"name": "customers", "namespace": "default"},
            "spec": {"clusterIP": "10.43.246.220", "ports": [{"port": 80}]},
        }))
        .portforward_backend(
            "default",
            "web-frontend-7d9f8-abcde",
            15000,
            envoy.admin_addr(),
        )
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let run = |url: &str| {
        let out = meshctl(
            home.path(),
            &[
                "pc",
                "trace",
                "deploy/web-frontend",
                url,
                "-o",
                "json",
                "--kubeconfig",
                &kc,
            ],
            &[],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            crate::support::stderr(&out)
        );
        serde_json::from_str::<Value>(&stdout(&out)).unwrap()
    };
    let v = run("http://customers.default/api/v2/customers");
    assert_eq!(v["listener"], "0.0.0.0_80");
    assert_eq!(v["routeConfig"], "80");
    assert_eq!(v["virtualHost"], "customers.default.svc.cluster.local:80");
    assert_eq!(v["result"], "weightedClusters");
    assert_eq!(v["clusters"][0]["weight"], 80);
    assert_eq!(v["clusters"][1]["weight"], 20);
    assert_eq!(v["virtualService"], "customers.default");
    assert_eq!(
        v["clusterDetails"][0]["destinationRule"],
        "customers.default"
    );
    assert_eq!(
        v["assumptions"][0],
        "--to 10.43.246.220:80: the ClusterIP of Service customers.default"
    );
    assert!(v["listenerMatch"]
        .as_str()
        .unwrap()
        .contains("no listener on 10.43.246.220"));
    // A Service that does not exist: the trace says so and matches on the port alone.
    let v = run("http://nothing.default/");
    assert!(v["assumptions"][0]
        .as_str()
        .unwrap()
        .starts_with("no ClusterIP: Service nothing.default"));
    assert_eq!(v["listener"], "0.0.0.0_80");
}

#[test]
fn inbound_mtls_takes_the_tls_chain_of_the_port() {
    let args = [
        "http://10.42.0.15:9090/api",
        "--inbound",
        "--from",
        "10.42.1.9",
    ];
    let mut mtls = args.to_vec();
    mtls.push("--mtls");
    let v = trace_json(&mtls);
    assert_eq!(v["listener"], "virtualInbound");
    assert_eq!(v["filterChain"], "0.0.0.0_9090");
    assert!(v["filterChainMatch"]
        .as_str()
        .unwrap()
        .contains("transport tls"));
    assert_eq!(v["detected"]["applicationProtocols"][0], "istio-http/1.1");
    assert_eq!(v["routeConfig"], "inbound|9090||");
    assert_eq!(v["clusters"][0]["name"], "inbound|9090||");
    // Without --mtls, the port's chains expecting Istio's mutual TLS make it the peer's.
    let auto = trace_json(&args);
    assert_eq!(auto["filterChain"], v["filterChain"]);
    assert_eq!(auto["filterChainMatch"], v["filterChainMatch"]);
    assert!(auto["assumptions"].as_array().unwrap().iter().any(|a| a
        .as_str()
        .unwrap()
        .starts_with("the inbound chains of port 9090 expect Istio mutual TLS")));
    // In the clear, the raw chain of the port, which wants a source in 10.42.0.0/16.
    let mut plain = args.to_vec();
    plain.push("--mtls=false");
    let v = trace_json(&plain);
    assert_eq!(
        v["filterChainMatch"],
        "destination port 9090, transport raw_buffer, source 10.42.0.0/16"
    );
    // Outbound, nothing is assumed.
    let v = trace_json(&["http://10.42.0.15:9090/api"]);
    assert!(!v["filterChainMatch"].as_str().unwrap_or("").contains("tls"));
    assert_fails(&trace(&["https://x/", "--mtls"]), 2, "--mtls takes");
}

/// Pod `web-1` in the test API server, port-forwarded to the web-frontend Envoy through a relay
/// that records the admin requests; a home with a kubeconfig for it.
fn relayed_pod(
    envoy: &testkit::envoy::Envoy,
) -> (
    testkit::relay::Relay,
    testkit::apiserver::ApiServer,
    tempfile::TempDir,
    String,
) {
    use crate::support::{path_str, pod, PodSpec};
    let relay = testkit::relay::Relay::start(envoy.admin_addr()).unwrap();
    let server = testkit::apiserver::ApiServer::builder()
        .pod(pod(PodSpec {
            name: "web-1",
            labels: serde_json::json!({"app": "web"}),
            ..Default::default()
        }))
        .portforward_backend("default", "web-1", 15000, relay.addr())
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    (relay, server, home, kc)
}

/// Live, a trace asks the Envoy for its listeners, then only the route configuration, clusters
/// and EDS assignments the request leads to (by `name_regex`), never the whole dump; what it
/// prints is what the offline trace of that Envoy's whole dump prints.
#[test]
fn live_trace_fetches_only_what_it_follows() {
    let envoy = crate::support::web_frontend_envoy();
    let (relay, _server, home, kc) = relayed_pod(&envoy);
    let whole = home.path().join("whole.json");
    let answer = envoy.admin_get("/config_dump?include_eds=true");
    assert_eq!(answer.status, 200);
    std::fs::write(&whole, answer.body).unwrap();
    let whole = crate::support::path_str(&whole);

    let host = "http://customers.default.svc.cluster.local";
    let cases: Vec<Vec<String>> = [
        vec![format!("{host}/api/v2/customers")],
        vec![
            format!("{host}/api/v2/customers"),
            "-o".into(),
            "json".into(),
        ],
        vec![format!("{host}/healthz")],
        vec![format!("{host}/legacy/a"), "--explain".into()],
        vec![
            format!("{host}/api/customers/7"),
            "-o".into(),
            "yaml".into(),
        ],
        vec![
            "http://x/".into(),
            "-H".into(),
            "Host: nowhere.example".into(),
        ],
        vec!["tcp://10.43.0.10:53".into()],
        vec!["http://10.42.0.15:9090/api".into(), "--inbound".into()],
        vec!["http://10.99.0.1:4444/".into()],
    ]
    .into_iter()
    .map(|mut c| {
        if !c[0].contains("10.") {
            c.extend(["--to".into(), "10.43.246.220:80".into()]);
        }
        c
    })
    .collect();
    for case in &cases {
        let args: Vec<&str> = case.iter().map(String::as_str).collect();
        let mut live_args = vec!["pc", "trace", "web-1", "--kubeconfig", &kc];
        live_args.extend(&args);
        let live = meshctl(home.path(), &live_args, &[]);
        assert_eq!(
            live.status.code(),
            Some(0),
            "{case:?}: {}",
            crate::support::stderr(&live)
        );
        let asked = relay.take_request_lines();
        let mut offline_args = vec!["pc", "trace", "-f", &whole];
        offline_args.extend(&args);
        let offline = meshctl(home.path(), &offline_args, &[]);
        assert_eq!(stdout(&live), stdout(&offline), "{case:?}");

        assert_eq!(asked[0], "GET /server_info HTTP/1.1", "{case:?}");
        assert_eq!(
            asked[1], "GET /config_dump?mask=dynamic_listeners,static_listeners HTTP/1.1",
            "{case:?}"
        );
        for line in &asked[2..] {
            assert!(
                line.contains("&name_regex=%5E%28%3F%3A"),
                "{case:?}: {line}"
            );
        }
    }
}

/// The rounds of the customers trace, request by request: the route configuration `80` the
/// listener names, then the two subsets' clusters and their EDS assignments together.
#[test]
fn live_trace_asks_for_the_route_configuration_then_the_clusters() {
    let envoy = crate::support::web_frontend_envoy();
    let (relay, _server, home, kc) = relayed_pod(&envoy);
    let out = meshctl(
        home.path(),
        &[
            "pc",
            "trace",
            "web-1",
            "--kubeconfig",
            &kc,
            CUSTOMERS,
            "--to",
            "10.43.246.220:80",
        ],
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::support::stderr(&out)
    );
    let escape = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    let subsets = escape(
        r"^(?:outbound\|80\|v1\|customers\.default\.svc\.cluster\.local|outbound\|80\|v2\|customers\.default\.svc\.cluster\.local)$",
    );
    assert_eq!(
        relay.take_request_lines(),
        [
            "GET /server_info HTTP/1.1".to_string(),
            "GET /config_dump?mask=dynamic_listeners,static_listeners HTTP/1.1".into(),
            format!(
                "GET /config_dump?mask=dynamic_route_configs,static_route_configs&name_regex={} HTTP/1.1",
                escape("^(?:80)$")
            ),
            format!(
                "GET /config_dump?mask=dynamic_active_clusters,static_clusters&name_regex={subsets} HTTP/1.1"
            ),
            format!(
                "GET /config_dump?include_eds=true&mask=dynamic_endpoint_configs,static_endpoint_configs&name_regex={subsets} HTTP/1.1"
            ),
        ]
    );
}

/// The ingress-gateway fixture's listeners do not bind (`bind_to_port: false`) and none hands
/// connections off: no listener takes the request, and the trace names the ports that exist.
#[test]
fn no_listener_names_the_ports_listeners_are_on() {
    let home = temp_home();
    let d = fixture("ingress-gateway", "config_dump.json")
        .display()
        .to_string();
    let out = meshctl(
        home.path(),
        &[
            "pc",
            "trace",
            "-f",
            &d,
            "http://bookinfo.example.com/",
            "-o",
            "json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["result"], "noListener");
    let said = v["assumptions"].to_string();
    assert!(
        said.contains("no listener takes port 80")
            && said.contains("bind_to_port: false on ports 8080, 8443, 15021, 15090"),
        "{said}"
    );
}
