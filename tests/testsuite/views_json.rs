//! `-o json`, `-o yaml` and `-o raw` of every view on the real-Envoy fixtures, in-process.
//!
//! The JSON is read the way scripts written for istioctl read it (`jq '.[].filterChains'`,
//! `.[].virtualHosts[].routes[].route.cluster`): bare arrays of the selected resources in the
//! table's order, protobuf JSON names (lowerCamelCase), `@type` kept inside `Any`s, keys of map
//! fields and `google.protobuf.Struct` values untouched, values unchanged, four-space indent and
//! one trailing newline (spec §5). YAML is the same document. `-o raw` is Envoy's own snake_case,
//! and must be the dump's own objects, selected and ordered like the table.

use serde_json::Value;

use meshctl::config::{
    AllFilter, ClusterFilter, EndpointFilter, Format, ListenerFilter, RouteFilter, ViewKind,
};
use meshctl::input::Document;

use crate::support::{fixture, GATEWAY, NOW, SIDECAR};

fn document(scenario: &str, file: &str) -> Document {
    let path = fixture(scenario, file);
    Document::read(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message))
}

fn text(view: &ViewKind, scenario: &str, file: &str, format: Format) -> String {
    let mut out = Vec::new();
    meshctl::views::render(view, &document(scenario, file), format, NOW, &mut out)
        .unwrap_or_else(|e| panic!("{view:?} -o {format:?}: {}", e.message));
    String::from_utf8(out).expect("UTF-8 output")
}

/// The view's `-o json` output, checked for istioctl's layout, parsed.
fn json(view: &ViewKind, scenario: &str) -> Value {
    json_of(view, scenario, "config_dump.json", Format::Json)
}

fn raw(view: &ViewKind, scenario: &str) -> Value {
    json_of(view, scenario, "config_dump.json", Format::Raw)
}

fn json_of(view: &ViewKind, scenario: &str, file: &str, format: Format) -> Value {
    let out = text(view, scenario, file, format);
    assert!(
        out.ends_with("}\n") || out.ends_with("]\n"),
        "one trailing newline:\n{out}"
    );
    assert!(!out.ends_with("\n\n"), "one trailing newline only");
    // `all` is the dump as Envoy laid it out; the other views are istioctl's printing.
    let printed = !matches!(view, ViewKind::All(_));
    if let Some(second) = out.lines().nth(1).filter(|_| printed) {
        let indent = second.len() - second.trim_start().len();
        assert_eq!(indent, 4, "four-space indentation: {second:?}");
    }
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
}

/// The dump's own section, as Envoy wrote it.
fn dump_section(scenario: &str, section: &str) -> Value {
    let text = std::fs::read_to_string(fixture(scenario, "config_dump.json")).unwrap();
    let dump: Value = serde_json::from_str(&text).unwrap();
    let type_url = format!("type.googleapis.com/envoy.admin.v3.{section}");
    dump["configs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["@type"] == type_url.as_str())
        .unwrap()
        .clone()
}

fn strings(values: impl IntoIterator<Item = Value>) -> Vec<String> {
    values
        .into_iter()
        .map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("not a string: {v}"))
                .to_string()
        })
        .collect()
}

fn array(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap_or_else(|| panic!("not an array: {v}"))
}

/// `.[].<key>`
fn each(v: &Value, key: &str) -> Vec<Value> {
    array(v).iter().map(|x| x[key].clone()).collect()
}

fn all_listeners() -> ListenerFilter {
    ListenerFilter {
        address: None,
        port: None,
        listener_type: None,
        verbose: true,
    }
}

fn all_routes() -> RouteFilter {
    RouteFilter {
        name: None,
        verbose: true,
    }
}

/// Cluster names in the table's order (fqdn, subset, port, direction).
const SIDECAR_CLUSTERS: [&str; 22] = [
    "inbound|8080||",
    "inbound|9090||",
    "BlackHoleCluster",
    "InboundPassthroughClusterIpv4",
    "InboundPassthroughClusterIpv6",
    "PassthroughCluster",
    "agent",
    "outbound|80||customers.default.svc.cluster.local",
    "outbound|80|v1|customers.default.svc.cluster.local",
    "outbound|80|v2|customers.default.svc.cluster.local",
    "outbound|15010||istiod.istio-system.svc.cluster.local",
    "outbound|15012||istiod.istio-system.svc.cluster.local",
    "outbound|53||kube-dns.kube-system.svc.cluster.local",
    "outbound|443||kubernetes.default.svc.cluster.local",
    "outbound|443||legacy-billing.payments.svc.cluster.local",
    "prometheus_stats",
    "outbound|9080||ratings.default.svc.cluster.local",
    "sds-grpc",
    "unanswered-xds",
    "outbound|80||web-frontend.default.svc.cluster.local",
    "xds-grpc",
    "outbound|9411||zipkin.istio-system.svc.cluster.local",
];

/// Listener names in the dump's order (active dynamic ones, then static ones), which is the
/// order of `listener -o json`; the table sorts them.
const SIDECAR_LISTENERS: [&str; 10] = [
    "10.43.0.10_53",
    "0.0.0.0_80",
    "0.0.0.0_8080",
    "0.0.0.0_15010",
    "10.43.91.14_9080",
    "0.0.0.0_9411",
    "virtualOutbound",
    "virtualInbound",
    "0.0.0.0_15021",
    "0.0.0.0_15090",
];

mod clusters {
    use super::*;

    fn view(f: ClusterFilter) -> ViewKind {
        ViewKind::Clusters(f)
    }

    #[test]
    fn json_is_a_bare_array_of_clusters_in_table_order() {
        let v = json(&view(ClusterFilter::default()), SIDECAR);
        assert_eq!(strings(each(&v, "name")), SIDECAR_CLUSTERS);
        // Resources as istioctl prints decoded ones: no `cluster` wrapper, no `@type` on top.
        for c in array(&v) {
            assert!(
                c.get("cluster").is_none() && c.get("@type").is_none(),
                "{c}"
            );
        }
    }

    #[test]
    fn json_field_names_are_lower_camel_case_and_map_keys_are_untouched() {
        let v = json(
            &view(ClusterFilter {
                fqdn: Some("customers".into()),
                subset: Some("v1".into()),
                ..Default::default()
            }),
            SIDECAR,
        );
        assert_eq!(array(&v).len(), 1);
        let c = &v[0];
        assert_eq!(c["connectTimeout"], "10s");
        assert_eq!(c["lbPolicy"], "LEAST_REQUEST");
        assert_eq!(c["type"], "EDS");
        assert_eq!(
            c["edsClusterConfig"]["serviceName"],
            "outbound|80|v1|customers.default.svc.cluster.local"
        );
        assert_eq!(
            c["circuitBreakers"]["thresholds"][0]["maxConnections"],
            4294967295u64
        );
        assert_eq!(c["outlierDetection"]["consecutive5xx"], 5);
        assert_eq!(c["outlierDetection"]["baseEjectionTime"], "30s");
        // filterMetadata → istio: a map key and a Struct, both as Envoy wrote them.
        let istio = &c["metadata"]["filterMetadata"]["istio"];
        assert_eq!(
            istio["config"],
            "/apis/networking.istio.io/v1alpha3/namespaces/default/destination-rule/customers"
        );
        let service = istio["services"][0].as_object().unwrap();
        let mut keys: Vec<&str> = service.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["host", "name", "namespace"]);
        // typedExtensionProtocolOptions: the map key stays, the Any keeps @type, its content is
        // renamed by the message @type names.
        let options = &c["typedExtensionProtocolOptions"]
            ["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"];
        assert_eq!(
            options["@type"],
            "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions"
        );
        assert_eq!(options["commonHttpProtocolOptions"]["idleTimeout"], "3600s");
        // transportSocketMatches: `match` is a Struct, `tlsMode` stays.
        let tls = &c["transportSocketMatches"][0];
        assert_eq!(tls["match"]["tlsMode"], "istio");
        assert_eq!(
            tls["transportSocket"]["typedConfig"]["@type"],
            "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext"
        );
        assert_eq!(
            tls["transportSocket"]["typedConfig"]["commonTlsContext"]["alpnProtocols"],
            serde_json::json!(["istio-peer-exchange", "istio"])
        );
    }

    #[test]
    fn raw_is_the_dumps_own_objects_selected_and_ordered_like_the_table() {
        let v = raw(
            &view(ClusterFilter {
                port: Some(80),
                ..Default::default()
            }),
            SIDECAR,
        );
        assert_eq!(
            strings(each(&v, "name")),
            [
                SIDECAR_CLUSTERS[7],
                SIDECAR_CLUSTERS[8],
                SIDECAR_CLUSTERS[9],
                SIDECAR_CLUSTERS[19]
            ]
        );
        let section = dump_section(SIDECAR, "ClustersConfigDump");
        for c in array(&v) {
            let original = array(&section["dynamic_active_clusters"])
                .iter()
                .find(|e| e["cluster"]["name"] == c["name"])
                .unwrap();
            // The dump's `cluster` is an Any: the raw output is the same object unpacked.
            let mut unpacked = original["cluster"].clone();
            unpacked.as_object_mut().unwrap().remove("@type");
            assert_eq!(*c, unpacked);
        }
        assert!(v[0].get("connect_timeout").is_some() && v[0].get("connectTimeout").is_none());
    }

    #[test]
    fn nothing_selected_is_an_empty_array() {
        let out = text(
            &view(ClusterFilter {
                fqdn: Some("nothing-like-this".into()),
                ..Default::default()
            }),
            SIDECAR,
            "config_dump.json",
            Format::Json,
        );
        assert_eq!(out, "[]\n");
    }

    #[test]
    fn json_layout_is_istioctls() {
        let out = text(
            &view(ClusterFilter {
                fqdn: Some("BlackHoleCluster".into()),
                ..Default::default()
            }),
            SIDECAR,
            "config_dump.json",
            Format::Json,
        );
        assert_eq!(
            out,
            "[\n    {\n        \"name\": \"BlackHoleCluster\",\n        \"type\": \"STATIC\",\n        \"connectTimeout\": \"10s\"\n    }\n]\n"
        );
    }

    #[test]
    fn gateway_clusters() {
        let v = json(&view(ClusterFilter::default()), GATEWAY);
        assert_eq!(
            strings(each(&v, "name")),
            [
                "BlackHoleCluster",
                "agent",
                "outbound|80||customers.default.svc.cluster.local",
                "outbound|3000||grafana.monitoring.svc.cluster.local",
                "prometheus_stats",
                "sds-grpc",
                "outbound|80||web-frontend.default.svc.cluster.local",
                "xds-grpc",
            ]
        );
    }
}

mod listeners {
    use super::*;

    fn view(f: ListenerFilter) -> ViewKind {
        ViewKind::Listeners(f)
    }

    #[test]
    fn jq_filter_chains_works_and_order_is_the_dumps() {
        let v = json(&view(all_listeners()), SIDECAR);
        assert_eq!(strings(each(&v, "name")), SIDECAR_LISTENERS);
        // `.[].filterChains`: every listener has its chains there.
        let chains: Vec<usize> = each(&v, "filterChains")
            .iter()
            .map(|c| array(c).len())
            .collect();
        assert_eq!(chains, [1, 1, 1, 1, 1, 1, 1, 12, 1, 1]);
    }

    #[test]
    fn port_80_chains_read_like_istioctls_json() {
        let v = json(
            &view(ListenerFilter {
                port: Some(80),
                ..all_listeners()
            }),
            SIDECAR,
        );
        assert_eq!(array(&v).len(), 1);
        let chain = &v[0]["filterChains"][0];
        assert_eq!(chain["filterChainMatch"]["transportProtocol"], "raw_buffer");
        assert_eq!(
            chain["filterChainMatch"]["applicationProtocols"],
            serde_json::json!(["http/1.0", "http/1.1", "h2c"])
        );
        let hcm = &chain["filters"][0]["typedConfig"];
        assert_eq!(
            hcm["@type"],
            "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager"
        );
        assert_eq!(hcm["rds"]["routeConfigName"], "80");
        assert_eq!(hcm["statPrefix"], "outbound_0.0.0.0_80");
        assert!(hcm["httpFilters"].is_array());
        assert_eq!(
            v[0]["defaultFilterChain"]["filters"][0]["typedConfig"]["cluster"],
            "PassthroughCluster"
        );
        assert_eq!(
            v[0]["listenerFilters"][0]["typedConfig"]["@type"],
            "type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector"
        );
        assert_eq!(v[0]["address"]["socketAddress"]["portValue"], 80);
        assert_eq!(v[0]["trafficDirection"], "OUTBOUND");
    }

    #[test]
    fn filters_select_the_same_listeners_as_the_table() {
        let v = json(
            &view(ListenerFilter {
                listener_type: Some("tcp".into()),
                ..all_listeners()
            }),
            SIDECAR,
        );
        assert_eq!(
            strings(each(&v, "name")),
            ["10.43.0.10_53", "virtualOutbound"]
        );
        let v = json(
            &view(ListenerFilter {
                address: Some("10.43.91.14".into()),
                ..all_listeners()
            }),
            SIDECAR,
        );
        assert_eq!(strings(each(&v, "name")), ["10.43.91.14_9080"]);
        let v = json(
            &view(ListenerFilter {
                port: Some(1),
                ..all_listeners()
            }),
            SIDECAR,
        );
        assert_eq!(v, serde_json::json!([]));
    }

    #[test]
    fn raw_keeps_snake_case_and_the_dumps_values() {
        let v = raw(
            &view(ListenerFilter {
                port: Some(15006),
                ..all_listeners()
            }),
            SIDECAR,
        );
        let section = dump_section(SIDECAR, "ListenersConfigDump");
        let original = array(&section["dynamic_listeners"])
            .iter()
            .find(|l| l["name"] == "virtualInbound")
            .unwrap();
        let mut unpacked = original["active_state"]["listener"].clone();
        unpacked.as_object_mut().unwrap().remove("@type");
        assert_eq!(v[0], unpacked);
        assert!(v[0]["filter_chains"].is_array());
    }

    #[test]
    fn gateway_sni_chains() {
        let v = json(
            &view(ListenerFilter {
                port: Some(8443),
                ..all_listeners()
            }),
            GATEWAY,
        );
        let names: Vec<Value> = array(&v[0]["filterChains"])
            .iter()
            .map(|c| c["filterChainMatch"]["serverNames"].clone())
            .collect();
        assert_eq!(
            names,
            [
                serde_json::json!(["frontend.bigbang.dev", "*.apps.bigbang.dev"]),
                serde_json::json!(["legacy.bigbang.dev"]),
                serde_json::json!(["grafana.bigbang.dev"]),
            ]
        );
        let tls = &v[0]["filterChains"][1]["transportSocket"]["typedConfig"];
        assert_eq!(tls["requireClientCertificate"], true);
    }
}

mod routes {
    use super::*;

    fn view(name: Option<&str>) -> ViewKind {
        ViewKind::Routes(RouteFilter {
            name: name.map(String::from),
            ..all_routes()
        })
    }

    #[test]
    fn jq_route_cluster_path_works() {
        let v = json(&view(Some("80")), SIDECAR);
        assert_eq!(strings(each(&v, "name")), ["80"]);
        // `.[].virtualHosts[].routes[].route.cluster`
        let clusters: Vec<Value> = array(&v)
            .iter()
            .flat_map(|rc| array(&rc["virtualHosts"]).clone())
            .flat_map(|vh| array(&vh["routes"]).clone())
            .map(|r| r["route"]["cluster"].clone())
            .collect();
        assert_eq!(
            clusters,
            [
                Value::Null, // weighted
                "outbound|80|v1|customers.default.svc.cluster.local".into(),
                Value::Null, // redirect
                Value::Null, // direct response
                "outbound|80||customers.default.svc.cluster.local".into(),
                "outbound|80||web-frontend.default.svc.cluster.local".into(),
                "PassthroughCluster".into(),
            ]
        );
        let canary = &v[0]["virtualHosts"][0]["routes"][0];
        assert_eq!(canary["match"]["path"], "/api/v2/customers");
        assert_eq!(canary["match"]["caseSensitive"], true);
        let weights: Vec<Value> = array(&canary["route"]["weightedClusters"]["clusters"])
            .iter()
            .map(|c| c["weight"].clone())
            .collect();
        assert_eq!(weights, [80, 20]);
        assert_eq!(
            canary["metadata"]["filterMetadata"]["istio"]["config"],
            "/apis/networking.istio.io/v1alpha3/namespaces/default/virtual-service/customers"
        );
        let by_id = &v[0]["virtualHosts"][0]["routes"][1];
        assert_eq!(
            by_id["match"]["safeRegex"]["regex"],
            "^/api/customers/[0-9]+$"
        );
        assert_eq!(by_id["route"]["retryPolicy"]["numRetries"], 3);
        assert_eq!(by_id["route"]["retryPolicy"]["retryOn"], "5xx,reset");
        assert_eq!(by_id["route"]["timeout"], "5s");
    }

    #[test]
    fn values_are_unchanged_durations_and_64_bit_integers_as_envoy_wrote_them() {
        let v = json(
            &view(Some("ratings.default.svc.cluster.local:9080")),
            SIDECAR,
        );
        assert_eq!(
            v[0]["virtualHosts"][0]["routes"][0]["route"]["timeout"],
            "2.500s"
        );
        let v = json(&view(Some("http.8080")), GATEWAY);
        let retry = &v[0]["virtualHosts"][0]["routes"][0]["route"]["retryPolicy"];
        assert_eq!(retry["hostSelectionRetryMaxAttempts"], "5");
        assert_eq!(retry["retriableStatusCodes"], serde_json::json!([503]));
        assert_eq!(
            retry["retryHostPredicate"][0]["typedConfig"]["@type"],
            "type.googleapis.com/envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate"
        );
    }

    #[test]
    fn order_is_the_tables_numeric_names_ascending() {
        let v = json(&view(None), SIDECAR);
        let names =
            strings(
                each(&v, "name")
                    .into_iter()
                    .map(|n| if n.is_null() { "".into() } else { n }),
            );
        assert_eq!(names.len(), 14);
        let numeric: Vec<&String> = names.iter().filter(|n| n.parse::<u32>().is_ok()).collect();
        assert_eq!(numeric, ["80", "8080", "15010"]);
        // Same order as the table's NAME column (each config's rows are together there).
        let table = text(&view(None), SIDECAR, "config_dump.json", Format::Short);
        let mut table_names: Vec<String> = table
            .lines()
            .skip(1)
            .map(|l| l.split("     ").next().unwrap().trim().to_string())
            .collect();
        table_names.dedup();
        let mut json_names = names.clone();
        json_names.dedup();
        assert_eq!(json_names, table_names);
    }

    #[test]
    fn raw_keeps_snake_case() {
        let v = raw(&view(Some("80")), SIDECAR);
        assert!(v[0]["virtual_hosts"][0]["routes"][0]["route"]["weighted_clusters"].is_object());
        assert!(v[0].get("virtualHosts").is_none());
    }
}

mod endpoints {
    use super::*;

    #[test]
    fn eds_json_is_the_selected_load_assignments_sorted_like_clusters() {
        let v = json(
            &ViewKind::Eds(EndpointFilter {
                address: Some("10.42.1.28:3000".into()),
                ..Default::default()
            }),
            SIDECAR,
        );
        assert_eq!(
            strings(each(&v, "clusterName")),
            [
                "outbound|80||customers.default.svc.cluster.local",
                "outbound|80|v1|customers.default.svc.cluster.local",
            ]
        );
        let first = &v[0]["endpoints"][0]["lbEndpoints"][0];
        assert_eq!(
            first["endpoint"]["address"]["socketAddress"]["address"],
            "10.42.1.28"
        );
        assert_eq!(
            first["endpoint"]["address"]["socketAddress"]["portValue"],
            3000
        );
        assert_eq!(first["healthStatus"], "HEALTHY");
        // filterMetadata keys (one with dots) and the Struct inside stay as they are.
        assert_eq!(
            first["metadata"]["filterMetadata"]["envoy.transport_socket_match"]["tlsMode"],
            "istio"
        );
        assert_eq!(
            first["metadata"]["filterMetadata"]["istio"]["workload"],
            "customers-v1;default;customers;v1;Kubernetes"
        );
        assert_eq!(v[0]["endpoints"][0]["locality"]["subZone"], "rack-7");
    }

    /// eds -o json with --address keeps every locality group of a selected assignment and
    /// removes only the endpoints that do not match: a group left without any keeps its other
    /// fields and loses `lbEndpoints`.
    #[test]
    fn eds_json_address_filter_thins_endpoints_and_keeps_every_locality() {
        let v = json(
            &ViewKind::Eds(EndpointFilter {
                address: Some("10.42.1.31".into()),
                ..Default::default()
            }),
            SIDECAR,
        );
        assert_eq!(array(&v).len(), 2);
        for cla in array(&v) {
            let groups = array(&cla["endpoints"]);
            assert!(!groups.is_empty(), "{cla}");
            let hosts = strings(
                array(&groups[0]["lbEndpoints"])
                    .iter()
                    .map(|lb| lb["endpoint"]["address"]["socketAddress"]["address"].clone()),
            );
            assert_eq!(hosts, ["10.42.1.31"]);
            assert_eq!(groups[0]["locality"]["subZone"], "rack-7");
            for other in &groups[1..] {
                assert!(other.get("lbEndpoints").is_none(), "{cla}");
                assert!(other["locality"]["region"].is_string(), "{cla}");
            }
        }
        let customers = array(&v)
            .iter()
            .find(|c| c["clusterName"] == "outbound|80||customers.default.svc.cluster.local")
            .unwrap();
        assert_eq!(array(&customers["endpoints"]).len(), 2);
        assert_eq!(customers["endpoints"][1]["locality"]["zone"], "us-east1-c");
    }

    #[test]
    fn eds_raw_keeps_snake_case() {
        let v = json_of(
            &ViewKind::Eds(EndpointFilter {
                port: Some(53),
                ..Default::default()
            }),
            SIDECAR,
            "config_dump.json",
            Format::Raw,
        );
        assert_eq!(
            strings(each(&v, "cluster_name")),
            ["outbound|53||kube-dns.kube-system.svc.cluster.local"]
        );
        assert!(v[0]["endpoints"][0]["lb_endpoints"].is_array());
    }

    #[test]
    fn endpoint_json_is_whole_cluster_statuses_that_have_a_selected_host() {
        let v = json_of(
            &ViewKind::Endpoints(EndpointFilter {
                address: Some("10.42.3.44".into()),
                ..Default::default()
            }),
            SIDECAR,
            "clusters.json",
            Format::Json,
        );
        let mut names = strings(each(&v, "name"));
        names.sort();
        assert_eq!(
            names,
            [
                "outbound|80|v2|customers.default.svc.cluster.local",
                "outbound|80||customers.default.svc.cluster.local",
            ]
        );
        // Each whole, in Envoy's order: the other hosts of the status stay.
        let hosts: Vec<usize> = array(&v)
            .iter()
            .map(|s| array(&s["hostStatuses"]).len())
            .collect();
        let mut hosts_sorted = hosts.clone();
        hosts_sorted.sort();
        assert_eq!(hosts_sorted, [1, 3], "{v}");
        for status in array(&v) {
            let addresses: Vec<&Value> = array(&status["hostStatuses"])
                .iter()
                .map(|h| &h["address"]["socketAddress"]["address"])
                .collect();
            assert!(addresses.iter().any(|a| *a == "10.42.3.44"), "{status}");
        }
        let raw = json_of(
            &ViewKind::Endpoints(EndpointFilter {
                address: Some("10.42.3.44".into()),
                ..Default::default()
            }),
            SIDECAR,
            "clusters.json",
            Format::Raw,
        );
        assert_eq!(
            raw[0]["host_statuses"][0]["health_status"]["eds_health_status"],
            "HEALTHY"
        );
    }
}

mod sections {
    use super::*;

    #[test]
    fn bootstrap_json_keeps_node_metadata_keys() {
        let v = json(&ViewKind::Bootstrap, SIDECAR);
        // The section's fields, without its own `@type`.
        assert!(v.get("@type").is_none(), "{v}");
        let node = &v["bootstrap"]["node"];
        assert_eq!(node["metadata"]["ISTIO_VERSION"], "1.24.2");
        assert_eq!(
            node["metadata"]["LABELS"]["security.istio.io/tlsMode"],
            "istio"
        );
        assert_eq!(
            node["metadata"]["PROXY_CONFIG"]["proxyMetadata"]["ISTIO_META_DNS_CAPTURE"],
            "true"
        );
        assert_eq!(
            node["metadata"]["PILOT_SAN"],
            serde_json::json!(["istiod.istio-system.svc"])
        );
        assert_eq!(node["userAgentBuildVersion"]["version"]["majorNumber"], 1);
        assert_eq!(
            node["userAgentBuildVersion"]["metadata"]["build.type"],
            "RELEASE"
        );
        let clusters = &v["bootstrap"]["staticResources"]["clusters"];
        assert_eq!(
            strings(each(clusters, "name")),
            [
                "prometheus_stats",
                "agent",
                "sds-grpc",
                "xds-grpc",
                "unanswered-xds"
            ]
        );
        assert_eq!(
            clusters[2]["typedExtensionProtocolOptions"]
                ["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"]["explicitHttpConfig"]
                ["http2ProtocolOptions"],
            serde_json::json!({})
        );
        assert!(v["lastUpdated"].is_string());
        let raw = raw(&ViewKind::Bootstrap, SIDECAR);
        assert!(raw["bootstrap"]["static_resources"].is_object());
        assert_eq!(
            raw["bootstrap"]["node"]["metadata"]["LABELS"]["app"],
            "web-frontend"
        );
    }

    #[test]
    fn secrets_json_is_the_section_with_any_types_kept() {
        let v = json(&ViewKind::Secrets, SIDECAR);
        assert_eq!(
            strings(each(&v["dynamicWarmingSecrets"], "name")),
            ["kubernetes://payments-client-cert"]
        );
        let mut active = strings(each(&v["dynamicActiveSecrets"], "name"));
        active.sort();
        assert_eq!(
            active,
            [
                "ROOTCA",
                "default",
                "kubernetes://federated-roots",
                "kubernetes://legacy-client-cert"
            ]
        );
        // The section's fields, without its own `@type`.
        assert!(v.get("@type").is_none(), "{v}");
        for s in array(&v["dynamicActiveSecrets"]) {
            assert_eq!(
                s["secret"]["@type"],
                "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret"
            );
            let secret = &s["secret"];
            let name = s["name"].as_str().unwrap();
            match name {
                // As istio-agent sends them: bytes, base64 in JSON (`-----BEGIN CERTIFICATE-----`).
                "default" => {
                    assert!(secret["tlsCertificate"]["certificateChain"]["inlineBytes"]
                        .as_str()
                        .unwrap()
                        .starts_with("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"));
                }
                // The fixtures' one secret in `inline_string`.
                "kubernetes://legacy-client-cert" => {
                    assert!(secret["tlsCertificate"]["certificateChain"]["inlineString"]
                        .as_str()
                        .unwrap()
                        .starts_with("-----BEGIN CERTIFICATE-----"));
                }
                "ROOTCA" => assert!(secret["validationContext"]["trustedCa"]["inlineBytes"]
                    .as_str()
                    .unwrap()
                    .starts_with("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t")),
                _ => {
                    let spiffe =
                        &secret["validationContext"]["customValidatorConfig"]["typedConfig"];
                    assert_eq!(
                        strings(each(&spiffe["trustDomains"], "name")),
                        ["cluster.local", "remote.example"]
                    );
                }
            }
        }
    }

    #[test]
    fn ecds_json_merges_sections() {
        let v = json(&ViewKind::Ecds, SIDECAR);
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["ecdsFilters"]);
        let filters: Vec<Value> = array(&v["ecdsFilters"])
            .iter()
            .map(|f| f["ecdsFilter"].clone())
            .collect();
        assert_eq!(
            strings(filters.iter().map(|f| f["name"].clone())),
            [
                "default.inbound-ratelimit",
                "istio-system.inbound-connection-limit"
            ]
        );
        assert_eq!(
            filters[0]["typedConfig"]["@type"],
            "type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit"
        );
        assert_eq!(
            filters[0]["typedConfig"]["statPrefix"],
            "http_local_rate_limiter"
        );
        assert!(filters[0]["typedConfig"]["tokenBucket"]["maxTokens"].is_number());
    }

    #[test]
    fn all_json_is_the_dump_byte_for_byte() {
        let filter = AllFilter {
            clusters: ClusterFilter::default(),
            listeners: all_listeners(),
            routes: all_routes(),
            endpoints: EndpointFilter::default(),
            with_headers: false,
        };
        let original = std::fs::read_to_string(fixture(SIDECAR, "config_dump.json")).unwrap();
        for format in [Format::Json, Format::Raw] {
            let out = text(
                &ViewKind::All(filter.clone()),
                SIDECAR,
                "config_dump.json",
                format,
            );
            assert!(out == original, "-o {format:?} is not the file's own bytes");
        }
        // jq scripts written for istioctl's `all -o json` read Envoy's snake_case keys.
        let v = json(&ViewKind::All(filter), SIDECAR);
        assert_eq!(
            v["configs"][0]["@type"],
            "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump"
        );
        let listeners = array(&v["configs"])
            .iter()
            .find(|s| s["@type"] == "type.googleapis.com/envoy.admin.v3.ListenersConfigDump")
            .unwrap();
        assert!(
            listeners["dynamic_listeners"][0]["active_state"]["listener"]["filter_chains"]
                .is_array()
        );
    }
}

/// YAML is the same document as JSON, for every view.
#[test]
fn yaml_is_the_json_document_for_every_view() {
    let views: Vec<(ViewKind, &str)> = vec![
        (
            ViewKind::Clusters(ClusterFilter::default()),
            "config_dump.json",
        ),
        (ViewKind::Listeners(all_listeners()), "config_dump.json"),
        (ViewKind::Routes(all_routes()), "config_dump.json"),
        (ViewKind::Eds(EndpointFilter::default()), "config_dump.json"),
        (
            ViewKind::Endpoints(EndpointFilter::default()),
            "clusters.json",
        ),
        (ViewKind::Secrets, "config_dump.json"),
        (ViewKind::Ecds, "config_dump.json"),
        (ViewKind::Bootstrap, "config_dump.json"),
        (
            ViewKind::All(AllFilter {
                clusters: ClusterFilter::default(),
                listeners: all_listeners(),
                routes: all_routes(),
                endpoints: EndpointFilter::default(),
                with_headers: false,
            }),
            "config_dump.json",
        ),
    ];
    for (view, file) in views {
        let json = json_of(&view, SIDECAR, file, Format::Json);
        let yaml = text(&view, SIDECAR, file, Format::Yaml);
        assert!(
            yaml.ends_with("\n\n"),
            "{view:?}: YAML ends with a blank line"
        );
        let from_yaml: Value =
            serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{view:?}: not YAML ({e})"));
        assert_eq!(from_yaml, json, "{view:?}: YAML and JSON differ");
        assert!(
            !yaml.trim_start().starts_with('{'),
            "{view:?}: YAML, not JSON"
        );
    }
}
