//! The admin paths meshctl asks for narrow what a real Envoy sends: `name_regex` pushes a
//! view's name filter down, so only the named resources cross the port-forward.

use meshctl::config::{ClusterFilter, EndpointFilter, Format, RouteFilter, ViewKind};
use meshctl::views::admin_path;
use testkit::envoy::Envoy;

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
    let envoy = Envoy::start("web-frontend");

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
