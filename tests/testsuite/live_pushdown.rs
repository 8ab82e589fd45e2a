//! The admin paths meshctl asks for narrow what a real Envoy sends: `name_regex` pushes a
//! view's name filter down, so only the named resources cross the port-forward, once the
//! Envoy's `/server_info` says it supports the parameter.

use crate::support::*;
use meshctl::config::{ClusterFilter, EndpointFilter, Format, RouteFilter, ViewKind};
use meshctl::live::admin_request;
use serde_json::json;
use testkit::apiserver::ApiServer;
use testkit::envoy::Envoy;
use testkit::relay::Relay;

fn admin_path(view: &ViewKind, format: Format) -> String {
    let request = admin_request(view, format);
    request.narrowed.expect("a filter that names resources")
}

fn get(envoy: &Envoy, path: &str) -> serde_json::Value {
    let resp = envoy.admin_get(path);
    assert_eq!(resp.status, 200, "{path}: {}", resp.body);
    serde_json::from_str(&resp.body).expect("JSON body")
}

/// Every `name`-like string under the dump's resource lists.
fn names(dump: &serde_json::Value, list: &str, inner: &str, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for section in dump["configs"].as_array().unwrap() {
        for item in section[list].as_array().into_iter().flatten() {
            out.push(item[inner][key].as_str().unwrap_or_default().to_string());
        }
    }
    out
}

#[test]
fn name_filters_reach_envoy_as_name_regex() {
    let envoy = web_frontend_envoy();

    let routes = ViewKind::Routes(RouteFilter {
        name: Some("80".into()),
        verbose: true,
    });
    let dump = get(&envoy, &admin_path(&routes, Format::Short));
    assert_eq!(
        names(&dump, "dynamic_route_configs", "route_config", "name"),
        ["80"]
    );

    let clusters = ViewKind::Clusters(ClusterFilter {
        fqdn: Some("customers".into()),
        ..Default::default()
    });
    let dump = get(&envoy, &admin_path(&clusters, Format::Short));
    let got = names(&dump, "dynamic_active_clusters", "cluster", "name");
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|n| n.contains("customers")), "{got:?}");

    let cluster = "OUTBOUND|80|v1|customers.default.svc.cluster.local";
    let eds = ViewKind::Eds(EndpointFilter {
        cluster: Some(cluster.into()),
        ..Default::default()
    });
    let dump = get(&envoy, &admin_path(&eds, Format::Short));
    let got = names(
        &dump,
        "dynamic_endpoint_configs",
        "endpoint_config",
        "cluster_name",
    );
    assert_eq!(got, ["outbound|80|v1|customers.default.svc.cluster.local"]);
}

/// `pc routes --name 80` against a real Envoy behind the test API server: meshctl asks
/// `/server_info` first, then the narrowed dump, on one port-forward; without a name filter it
/// asks for the dump alone. Either way the table is the one for Envoy's full answer.
#[test]
fn name_regex_is_sent_once_server_info_shows_an_envoy_that_supports_it() {
    let envoy = web_frontend_envoy();
    let relay = Relay::start(envoy.admin_addr()).unwrap();
    let server = ApiServer::builder()
        .pod(pod(PodSpec {
            name: "web-1",
            labels: json!({"app": "web"}),
            ..Default::default()
        }))
        .portforward_backend("default", "web-1", 15000, relay.addr())
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kubeconfig = path_str(&kubeconfig);
    let live = |args: &[&str]| {
        let mut all = vec!["pc", "routes", "web-1", "--kubeconfig", &kubeconfig];
        all.extend_from_slice(args);
        let out = meshctl(home.path(), &all, &[]);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        (stdout(&out), relay.take_request_lines())
    };

    let routes_section = "/config_dump?mask=dynamic_route_configs,static_route_configs";
    let (named, asked) = live(&["--name", "80"]);
    assert_eq!(
        asked,
        [
            "GET /server_info HTTP/1.1".to_string(),
            format!("GET {routes_section}&name_regex=%5E80%24 HTTP/1.1"),
        ]
    );
    // Unnarrowed, the dump comes first; then `/server_info` for the node whose naming rules the
    // table follows.
    let (all, asked) = live(&[]);
    assert_eq!(
        asked,
        [
            format!("GET {routes_section} HTTP/1.1"),
            "GET /server_info HTTP/1.1".to_string()
        ]
    );

    let dump = home.path().join("routes.json");
    std::fs::write(&dump, envoy.admin_get(routes_section).body).unwrap();
    let dump = path_str(&dump);
    let offline = |args: &[&str]| {
        let mut all = vec!["pc", "routes", "-f", &dump];
        all.extend_from_slice(args);
        stdout(&meshctl(home.path(), &all, &[]))
    };
    assert_eq!(named, offline(&["--name", "80"]));
    assert_eq!(all, offline(&[]));
    assert!(named.lines().count() > 1 && all.lines().count() > named.lines().count());
}
