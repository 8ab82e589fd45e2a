//! Proxies of other control planes, dumped by a real Envoy (`fixtures/make.py`): an Envoy
//! Gateway proxy (`envoy-gateway`) and a Kuma data plane proxy (`kuma`). Their names follow no
//! Istio convention; istioctl's rules apply where they can, and where they would leave a named
//! thing's cell empty the raw name shows, because the bootstrap's node is not Istio's.

use meshctl::config::{
    ClusterFilter, EndpointFilter, Format, ListenerFilter, RouteFilter, ViewKind,
};
use meshctl::input::Document;

use crate::support::{assert_table, fixture, NOW};
use crate::views_tables::try_render_at;

const GATEWAY: &str = "envoy-gateway";
const KUMA: &str = "kuma";

const CLUSTERS: [&str; 6] = [
    "SERVICE FQDN",
    "PORT",
    "SUBSET",
    "DIRECTION",
    "TYPE",
    "DESTINATION RULE",
];
const LISTENERS: [&str; 4] = ["ADDRESSES", "PORT", "MATCH", "DESTINATION"];
const ROUTES: [&str; 5] = ["NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE"];
const ENDPOINTS: [&str; 4] = ["ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER"];

fn document(scenario: &str, file: &str) -> Document {
    Document::read(&fixture(scenario, file)).unwrap()
}

fn render(view: ViewKind, doc: &Document) -> String {
    try_render_at(&view, doc, Format::Short, NOW)
        .unwrap_or_else(|e| panic!("{view:?} failed: {}", e.message))
}

fn clusters(doc: &Document) -> String {
    render(ViewKind::Clusters(ClusterFilter::default()), doc)
}

fn listeners(doc: &Document) -> String {
    render(
        ViewKind::Listeners(ListenerFilter {
            address: None,
            port: None,
            listener_type: None,
            verbose: true,
        }),
        doc,
    )
}

fn routes(doc: &Document) -> String {
    render(
        ViewKind::Routes(RouteFilter {
            name: None,
            verbose: true,
        }),
        doc,
    )
}

fn endpoints(doc: &Document) -> String {
    render(ViewKind::Endpoints(EndpointFilter::default()), doc)
}

#[test]
fn envoy_gateway_clusters_show_their_xroute_names_whole() {
    let dump = document(GATEWAY, "config_dump.json");
    assert_table(
        &clusters(&dump),
        5,
        CLUSTERS,
        &[
            ["httproute/default/backend/rule/0", "-", "-", "-", "EDS", ""],
            ["httproute/default/backend/rule/1", "-", "-", "-", "EDS", ""],
            ["prometheus_stats", "-", "-", "-", "STATIC", ""],
            ["tcproute/default/tcp-app/rule/-1", "-", "-", "-", "EDS", ""],
            ["xds_cluster", "-", "-", "-", "STATIC", ""],
        ],
    );
}

#[test]
fn envoy_gateway_listeners_name_their_route_configs_and_clusters() {
    let dump = document(GATEWAY, "config_dump.json");
    assert_table(
        &listeners(&dump),
        1,
        LISTENERS,
        &[
            ["0.0.0.0", "10080", "ALL", "Route: default/eg/http"],
            [
                "0.0.0.0",
                "10090",
                "ALL",
                "Cluster: tcproute/default/tcp-app/rule/-1",
            ],
            [
                "0.0.0.0",
                "19001",
                "ALL",
                "Inline Route: /stats/prometheus*",
            ],
        ],
    );
}

/// Envoy Gateway names each route after its xRoute rule and match: with no Istio
/// VirtualService, that name is what made the route.
#[test]
fn envoy_gateway_routes_show_the_route_name_where_istio_shows_its_virtual_service() {
    let dump = document(GATEWAY, "config_dump.json");
    let www = "default/eg/http/www_example_com";
    assert_table(
        &routes(&dump),
        5,
        ROUTES,
        &[
            [
                "default/eg/http",
                www,
                "www.example.com",
                "PathPrefix:/api",
                "httproute/default/backend/rule/1/match/0/www_example_com",
            ],
            [
                "default/eg/http",
                www,
                "www.example.com",
                "/*",
                "httproute/default/backend/rule/0/match/0/www_example_com",
            ],
            [
                "default/eg/http",
                "default/eg/http/legacy_example_com",
                "legacy.example.com",
                "/*",
                "httproute/default/legacy-redirect/rule/0/match/0/legacy_example_com",
            ],
            // An unnamed route keeps the empty cell: there is no name to show.
            [
                "local_route",
                "prometheus_stats",
                "*",
                "/stats/prometheus*",
                "",
            ],
        ],
    );
}

#[test]
fn envoy_gateway_endpoints_from_clusters_json_and_from_the_dump() {
    let rows = |outlier: &'static str| -> Vec<[&'static str; 4]> {
        vec![
            [
                "10.244.1.12:3000",
                "HEALTHY",
                outlier,
                "httproute/default/backend/rule/0",
            ],
            [
                "10.244.1.30:3000",
                "HEALTHY",
                outlier,
                "httproute/default/backend/rule/1",
            ],
            [
                "10.244.2.7:3000",
                "UNHEALTHY",
                outlier,
                "httproute/default/backend/rule/0",
            ],
            [
                "10.244.3.4:9000",
                "HEALTHY",
                outlier,
                "tcproute/default/tcp-app/rule/-1",
            ],
            [
                "10.244.3.9:9000",
                "DEGRADED",
                outlier,
                "tcproute/default/tcp-app/rule/-1",
            ],
            ["127.0.0.1:19000", "HEALTHY", outlier, "prometheus_stats"],
            ["unix://./sds/xds.sock", "HEALTHY", outlier, "xds_cluster"],
        ]
    };
    let statuses = document(GATEWAY, "clusters.json");
    assert_table(&endpoints(&statuses), 5, ENDPOINTS, &rows("OK"));
    let dump = document(GATEWAY, "config_dump.json");
    assert_table(&endpoints(&dump), 5, ENDPOINTS, &rows("UNKNOWN"));
}

#[test]
fn kuma_clusters_show_kuma_service_names_whole() {
    let dump = document(KUMA, "config_dump.json");
    assert_table(
        &clusters(&dump),
        5,
        CLUSTERS,
        &[
            ["ads_cluster", "-", "-", "-", "STATIC", ""],
            ["backend_kuma-demo_svc_3001", "-", "-", "-", "EDS", ""],
            [
                "inbound:passthrough:ipv4",
                "-",
                "-",
                "-",
                "ORIGINAL_DST",
                "",
            ],
            ["kuma:envoy:admin", "-", "-", "-", "STATIC", ""],
            ["localhost:3001", "-", "-", "-", "STATIC", ""],
            [
                "outbound:passthrough:ipv4",
                "-",
                "-",
                "-",
                "ORIGINAL_DST",
                "",
            ],
            ["redis_kuma-demo_svc_6379-_0_", "-", "-", "-", "EDS", ""],
            ["redis_kuma-demo_svc_6379-_1_", "-", "-", "-", "EDS", ""],
        ],
    );
}

/// Kuma splits TCP traffic with a tcp_proxy over weighted clusters, where istioctl prints
/// `Cluster: ` and nothing after.
#[test]
fn kuma_listeners_name_the_clusters_a_tcp_split_goes_to() {
    let dump = document(KUMA, "config_dump.json");
    assert_table(
        &listeners(&dump),
        1,
        LISTENERS,
        &[
            ["10.42.0.7", "3001", "ALL", "Cluster: localhost:3001"],
            ["10.43.45.67", "3001", "ALL", "Inline Route: /healthz, /*"],
            [
                "10.43.12.34",
                "6379",
                "ALL",
                "Clusters: redis_kuma-demo_svc_6379-_0_=90,redis_kuma-demo_svc_6379-_1_=10",
            ],
            [
                "0.0.0.0",
                "15001",
                "ALL",
                "Cluster: outbound:passthrough:ipv4",
            ],
            [
                "0.0.0.0",
                "15006",
                "ALL",
                "Cluster: inbound:passthrough:ipv4",
            ],
        ],
    );
}

#[test]
fn kuma_routes_show_a_named_routes_name() {
    let dump = document(KUMA, "config_dump.json");
    let outbound = "outbound:backend_kuma-demo_svc_3001";
    let backend = "backend_kuma-demo_svc_3001";
    assert_table(
        &routes(&dump),
        5,
        ROUTES,
        &[
            [
                outbound,
                backend,
                "*",
                "/healthz",
                "9Zuf5Tg79OuZcQITwBbQykxAk2u4fRKrwYn3//AL4Yo=",
            ],
            [outbound, backend, "*", "/*", ""],
            ["inbound:backend_kuma-demo_svc_3001", backend, "*", "/*", ""],
        ],
    );
}

#[test]
fn kuma_endpoints_from_clusters_json() {
    let statuses = document(KUMA, "clusters.json");
    assert_table(
        &endpoints(&statuses),
        5,
        ENDPOINTS,
        &[
            [
                "10.42.0.7:3001",
                "HEALTHY",
                "OK",
                "backend_kuma-demo_svc_3001",
            ],
            [
                "10.42.1.9:3001",
                "HEALTHY",
                "OK",
                "backend_kuma-demo_svc_3001",
            ],
            [
                "10.42.2.3:6379",
                "HEALTHY",
                "OK",
                "redis_kuma-demo_svc_6379-_0_",
            ],
            [
                "10.42.2.4:6379",
                "HEALTHY",
                "OK",
                "redis_kuma-demo_svc_6379-_1_",
            ],
            ["127.0.0.1:3001", "HEALTHY", "OK", "localhost:3001"],
            ["127.0.0.1:9901", "HEALTHY", "OK", "kuma:envoy:admin"],
            ["unix://./sds/kuma-dp.sock", "HEALTHY", "OK", "ads_cluster"],
        ],
    );
}

/// The raw-name cells key on the node alone: the same Kuma resources under an Istio sidecar's
/// node id, or with `ISTIO_VERSION` in its metadata, or with no bootstrap at all (what a live
/// view asks for), print istioctl's cells.
#[test]
fn the_same_resources_under_an_istio_node_or_no_bootstrap_print_istioctls_cells() {
    let text = std::fs::read_to_string(fixture(KUMA, "config_dump.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let bootstrap = value["configs"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["@type"] == "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump")
        .unwrap();
    let with_node = |edit: &dyn Fn(&mut serde_json::Value)| -> Document {
        let mut v = value.clone();
        edit(&mut v["configs"][bootstrap]["bootstrap"]["node"]);
        Document::from_bytes(v.to_string().into_bytes(), "edited.json".into()).unwrap()
    };
    let istio_id = with_node(&|node| {
        node["id"] =
            "sidecar~10.42.0.7~backend-5d8c7f9b4-abcde.kuma-demo~kuma-demo.svc.cluster.local".into()
    });
    let istio_metadata = with_node(&|node| node["metadata"]["ISTIO_VERSION"] = "1.24.2".into());
    value["configs"].as_array_mut().unwrap().remove(bootstrap);
    let no_bootstrap =
        Document::from_bytes(value.to_string().into_bytes(), "edited.json".into()).unwrap();
    for doc in [&istio_id, &istio_metadata, &no_bootstrap] {
        let listeners = listeners(doc);
        let split = listeners.lines().find(|l| l.contains("6379")).unwrap();
        assert_eq!(
            split.trim_end(),
            "10.43.12.34 6379  ALL   Cluster:",
            "{listeners}"
        );
        let routes = routes(doc);
        let healthz = routes.lines().find(|l| l.contains("/healthz")).unwrap();
        assert!(healthz.trim_end().ends_with("/healthz"), "{routes}");
    }
}

/// A cluster name of another control plane with five `|` parts: split the Istio way its FQDN
/// would be empty; shown whole, with `-` for the parts Istio's names have.
#[test]
fn another_control_planes_name_with_istio_separators_is_shown_whole() {
    let text = std::fs::read_to_string(fixture(KUMA, "config_dump.json")).unwrap();
    let renamed = text.replace(
        "\"backend_kuma-demo_svc_3001\"",
        "\"mesh|backend|kuma-demo|svc|3001\"",
    );
    assert_ne!(renamed, text);
    let doc = Document::from_bytes(renamed.into_bytes(), "renamed.json".into()).unwrap();
    let table = clusters(&doc);
    let row = table.lines().find(|l| l.starts_with("mesh|")).unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        cells,
        ["mesh|backend|kuma-demo|svc|3001", "-", "-", "-", "EDS"],
        "{table}"
    );
}

/// Live, a view's sections hold no bootstrap: the node in `/server_info` says whose naming rules
/// the tables follow, so a real Envoy Gateway-shaped and Kuma-shaped Envoy print live what their
/// saved dumps print offline.
#[test]
fn live_tables_follow_the_nodes_naming_rules_as_the_saved_dump_does() {
    use crate::support::{meshctl, stdout, temp_home};
    for scenario in ["envoy-gateway", "kuma"] {
        let envoy = testkit::envoy::Envoy::start(scenario);
        let url = format!("http://{}", envoy.admin_addr());
        let dump = crate::support::fixture(scenario, "config_dump.json");
        let dump = dump.to_str().unwrap();
        let home = temp_home();
        for view in ["routes", "listeners", "clusters"] {
            let live = meshctl(home.path(), &["pc", view, "--admin-url", &url], &[]);
            assert!(live.status.success(), "{scenario} {view}");
            let offline = meshctl(home.path(), &["pc", view, "-f", dump], &[]);
            assert_eq!(stdout(&live), stdout(&offline), "{scenario} {view}");
        }
    }
}
