//! Table rules that no real fixture reaches, on small dumps written here as JSON (they test
//! istioctl's printing rules, not Envoy). Every expected row is worked out from
//! `../shared/spec/proxy-config.md` by reading.

use meshctl::config::{ClusterFilter, EndpointFilter, Format, ListenerFilter, ViewKind};
use meshctl::input::Document;
use serde_json::{json, Value};

use crate::support::{assert_table, NOW};
use crate::views_tables::try_render_at;

const HCM: &str = "envoy.filters.network.http_connection_manager";
const HCM_TYPE: &str = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";
const TCP: &str = "envoy.filters.network.tcp_proxy";
const TCP_TYPE: &str = "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy";

/// A config dump of one section, its static list holding `items` under `key`.
fn dump(section: &str, list: &str, key: &str, items: Vec<Value>) -> Document {
    let items: Vec<Value> = items.into_iter().map(|i| json!({ key: i })).collect();
    let doc = json!({"configs": [{
        "@type": format!("type.googleapis.com/envoy.admin.v3.{section}"),
        list: items,
    }]});
    Document::from_bytes(doc.to_string().into_bytes(), "edge.json".into()).unwrap()
}

fn render(view: &ViewKind, doc: &Document, format: Format) -> String {
    try_render_at(view, doc, format, NOW)
        .unwrap_or_else(|e| panic!("{view:?} -o {format:?} failed: {}", e.message))
}

fn listeners(verbose: bool) -> ListenerFilter {
    ListenerFilter {
        address: None,
        port: None,
        listener_type: None,
        verbose,
    }
}

fn chain(name: &str, filter_chain_match: Value, filters: Vec<Value>) -> Value {
    json!({"name": name, "filter_chain_match": filter_chain_match, "filters": filters})
}

fn listener(name: &str, address: &str, port: u32, extra: Value) -> Value {
    let mut l = json!({
        "@type": "type.googleapis.com/envoy.config.listener.v3.Listener",
        "name": name,
        "address": {"socket_address": {"address": address, "port_value": port}},
    });
    l.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    l
}

/// Listener `a`'s chains, each exercising one DESTINATION rule; `b` has the same main address
/// and port as `a` and sorts before it by TYPE (`HTTP` < `HTTP+TCP`), though its joined
/// ADDRESSES would sort after; `c` has a lower port.
fn listener_dump() -> Document {
    let route_to = |cluster: &str| {
        json!({"virtual_hosts": [{"domains": ["*"], "routes": [
            {"match": {"prefix": "/"}, "route": {"cluster": cluster}}]}]})
    };
    let a = listener(
        "a",
        "10.0.0.1",
        80,
        json!({"filter_chains": [
            chain("one-cluster", json!({"prefix_ranges": [{"address_prefix": "10.1.0.0"}], "destination_port": 8080}),
                vec![json!({"name": HCM, "typed_config": {"@type": HCM_TYPE, "route_config": route_to("svc-a")}})]),
            chain("no-domains", json!({"destination_port": 0}),
                vec![json!({"name": HCM, "typed_config": {"@type": HCM_TYPE, "route_config": {"virtual_hosts": [
                    {"domains": ["a.com"]},
                    {"routes": [{"match": {"path": "/x"}, "direct_response": {"status": 200}}]}]}}})]),
            chain("escaped-blackhole", json!({"server_names": ["a", "b"], "transport_protocol": "tls", "application_protocols": ["h2", "x"]}),
                vec![json!({"name": TCP, "typed_config": {"@type": TCP_TYPE, "cluster": "BlackHole\u{43}luster", "stat_prefix": "s"}})]),
            chain("tcp-type-other-name", json!({}),
                vec![json!({"name": "custom.tcp", "typed_config": {"@type": TCP_TYPE, "cluster": "x"}})]),
            chain("unreadable", json!({}),
                vec![json!({"name": TCP, "typed_config": {"@type": TCP_TYPE, "cluster": 5}})]),
            chain("unknown-type", json!({}),
                vec![json!({"name": TCP, "typed_config": {"@type": "type.googleapis.com/example.Unknown", "cluster": "y"}})]),
        ]}),
    );
    let b = listener(
        "b",
        "10.0.0.1",
        80,
        json!({
            "additional_addresses": [{"address": {"socket_address": {"address": "10.0.0.9", "port_value": 80}}}],
            "filter_chains": [chain("rds", json!({}), vec![json!({"name": HCM, "typed_config": {"@type": HCM_TYPE, "rds": {"route_config_name": "r1"}}})])],
        }),
    );
    let c = listener(
        "c",
        "10.0.0.1",
        79,
        json!({"filter_chains": [{"filters": []}]}),
    );
    dump(
        "ListenersConfigDump",
        "static_listeners",
        "listener",
        vec![a, b, c],
    )
}

#[test]
fn listener_destinations_types_and_order_follow_istioctl() {
    let out = render(
        &ViewKind::Listeners(listeners(true)),
        &listener_dump(),
        Format::Short,
    );
    // a's chains by DESTINATION, descending in byte order; the two Non-HTTP/Non-TCP chains
    // keep their order. The blackhole spelled with an escape is still a blackhole; a
    // tcp_proxy config under another filter name decides nothing; a config that does not
    // read is the row's cell; a config of an unknown type reads as empty (`Cluster: `).
    #[rustfmt::skip]
    assert_table(&out, 1, ["ADDRESSES", "PORT", "MATCH", "DESTINATION"], &[
        ["10.0.0.1",          "79", "ALL",                              "Non-HTTP/Non-TCP"],
        ["10.0.0.1,10.0.0.9", "80", "ALL",                              "Route: r1"],
        ["10.0.0.1",          "80", "ALL",                              "proto: cannot parse invalid wire-format data"],
        ["10.0.0.1",          "80", "SNI: a,b; Trans: tls; App: h2,x",  "Non-HTTP/Non-TCP"],
        ["10.0.0.1",          "80", "ALL",                              "Non-HTTP/Non-TCP"],
        ["10.0.0.1",          "80", "Addr: *:0",                        "Inline Route: a.com ; /x"],
        ["10.0.0.1",          "80", "Addr: 10.1.0.0/0:8080",            "Cluster: svc-a"],
        ["10.0.0.1",          "80", "ALL",                              "Cluster: "],
    ]);
    let out = render(
        &ViewKind::Listeners(listeners(false)),
        &listener_dump(),
        Format::Short,
    );
    // TYPE counts filters by name: two HCMs and two tcp_proxy filters that are no blackhole.
    #[rustfmt::skip]
    assert_table(&out, 1, ["ADDRESSES", "PORT", "TYPE"], &[
        ["10.0.0.1",          "79", "UNKNOWN"],
        ["10.0.0.1,10.0.0.9", "80", "HTTP"],
        ["10.0.0.1",          "80", "HTTP+TCP"],
    ]);
}

#[test]
fn listener_address_and_type_filters_use_equal_fold_over_every_address() {
    let by_address = ListenerFilter {
        address: Some("10.0.0.9".into()),
        ..listeners(false)
    };
    let out = render(
        &ViewKind::Listeners(by_address),
        &listener_dump(),
        Format::Short,
    );
    assert_table(
        &out,
        1,
        ["ADDRESSES", "PORT", "TYPE"],
        &[["10.0.0.1,10.0.0.9", "80", "HTTP"]],
    );
    let by_type = ListenerFilter {
        listener_type: Some("http+tcp".into()),
        ..listeners(false)
    };
    let out = render(
        &ViewKind::Listeners(by_type),
        &listener_dump(),
        Format::Short,
    );
    assert_table(
        &out,
        1,
        ["ADDRESSES", "PORT", "TYPE"],
        &[["10.0.0.1", "80", "HTTP+TCP"]],
    );
}

#[test]
fn no_listeners_found_is_raised_before_filters() {
    let empty = dump(
        "ListenersConfigDump",
        "static_listeners",
        "listener",
        vec![],
    );
    let filtered = ListenerFilter {
        port: Some(80),
        ..listeners(true)
    };
    let e = try_render_at(&ViewKind::Listeners(filtered), &empty, Format::Short, NOW).unwrap_err();
    assert_eq!(e.message, "no listeners found");
    // A filter that matches nothing in a dump that has listeners leaves the header.
    let none = ListenerFilter {
        port: Some(1),
        ..listeners(true)
    };
    let out = render(&ViewKind::Listeners(none), &listener_dump(), Format::Short);
    assert_eq!(out, "ADDRESSES PORT MATCH DESTINATION\n");
}

#[test]
fn an_additional_address_that_is_no_socket_fails_naming_the_listener() {
    let odd = listener(
        "odd",
        "10.0.0.1",
        80,
        json!({"additional_addresses": [{"address": {"pipe": {"path": "/tmp/s"}}}]}),
    );
    let doc = dump(
        "ListenersConfigDump",
        "static_listeners",
        "listener",
        vec![odd],
    );
    let e = try_render_at(
        &ViewKind::Listeners(listeners(true)),
        &doc,
        Format::Short,
        NOW,
    )
    .unwrap_err();
    assert!(e.message.contains("listener odd"), "{}", e.message);
    // JSON does not read addresses: it prints.
    let out = render(&ViewKind::Listeners(listeners(true)), &doc, Format::Json);
    assert!(out.contains("\"additionalAddresses\""), "{out}");
}

#[test]
fn cluster_names_are_split_like_parse_subset_key() {
    let clusters = vec![
        json!({"name": "plain", "type": "EDS"}),
        json!({"name": "outbound_.80_.v1_.srv.svc|a|b|c", "type": 9}),
        json!({"name": "inbound|80|x|a|b", "cluster_type": {"name": "envoy.clusters.aggregate"}}),
        json!({"name": "outbound|-5||neg.svc"}),
    ];
    let doc = dump("ClustersConfigDump", "static_clusters", "cluster", clusters);
    let out = render(
        &ViewKind::Clusters(ClusterFilter::default()),
        &doc,
        Format::Short,
    );
    // Sorted by FQDN first: the 5-part name's FQDN still holds a separator, so it is empty.
    #[rustfmt::skip]
    assert_table(&out, 5, ["SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE"], &[
        ["",              "80", "x",  "inbound",  "STATIC", ""],
        ["neg.svc",       "-5", "-",  "outbound", "STATIC", ""],
        ["plain",         "-",  "-",  "-",        "EDS",    ""],
        ["srv.svc|a|b|c", "80", "v1", "outbound", "9",      ""],
    ]);
    // `--port` looks for `|p|` in the name.
    let filter = ClusterFilter {
        port: Some(80),
        ..ClusterFilter::default()
    };
    let out = render(&ViewKind::Clusters(filter), &doc, Format::Short);
    #[rustfmt::skip]
    assert_table(&out, 5, ["SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE"], &[
        ["", "80", "x", "inbound", "STATIC", ""],
    ]);
}

fn eds_dump() -> Document {
    let socket = |a: &str, p: u32| json!({"socket_address": {"address": a, "port_value": p}});
    let assignments = vec![
        json!({"cluster_name": "outbound|80||a.svc", "endpoints": [
            {"locality": {"zone": "z"}, "lb_endpoints": [
                {"endpoint": {"address": socket("10.0.0.5", 0)}, "health_status": "HEALTHY"},
                {"endpoint": {"address": {"pipe": {"path": "/run/s.sock"}}}},
            ]},
            {"locality": {"region": "r", "sub_zone": "s"}, "lb_endpoints": [
                {"endpoint": {"address": {"envoy_internal_address": {"server_listener_name": "main", "endpoint_id": "10.0.0.6:80"}}}, "health_status": 7},
                {"endpoint": {"address": {"envoy_internal_address": {"endpoint_id": "x"}},
                              "additional_addresses": [{"address": socket("fd00::1", 80)}]}},
            ]},
        ]}),
        json!({"cluster_name": "outbound|80||empty.svc", "endpoints": [{"locality": {"region": "r"}}]}),
    ];
    dump(
        "EndpointsConfigDump",
        "static_endpoint_configs",
        "endpoint_config",
        assignments,
    )
}

#[test]
fn eds_names_localities_and_statuses_follow_istioctl() {
    let out = render(
        &ViewKind::Eds(EndpointFilter::default()),
        &eds_dump(),
        Format::Short,
    );
    // The assignment without endpoints is dropped; port 0 is printed; pipes are bare; an
    // internal address without a listener name is `unknown`; a health number without a name
    // is the number; LOCALITY is region, then /zone, then /sub_zone only after a zone.
    #[rustfmt::skip]
    assert_table(&out, 5, ["NAME", "STATUS", "LOCALITY", "CLUSTER"], &[
        ["10.0.0.5:0",                   "HEALTHY", "/z", "outbound|80||a.svc"],
        ["/run/s.sock",                  "UNKNOWN", "/z", "outbound|80||a.svc"],
        ["envoy://main/10.0.0.6:80",     "7",       "r",  "outbound|80||a.svc"],
        ["unknown,fd00::1:80",           "UNKNOWN", "r",  "outbound|80||a.svc"],
    ]);
    // --address: any address text of the endpoint, and (meshctl) a socket address without
    // its port, case-insensitively.
    for (address, name) in [
        ("10.0.0.5", "10.0.0.5:0"),
        ("10.0.0.5:0", "10.0.0.5:0"),
        ("ENVOY://main/10.0.0.6:80", "envoy://main/10.0.0.6:80"),
        ("fd00::1:80", "unknown,fd00::1:80"),
        ("fd00::1", "unknown,fd00::1:80"),
    ] {
        let filter = EndpointFilter {
            address: Some(address.into()),
            ..Default::default()
        };
        let out = render(&ViewKind::Eds(filter), &eds_dump(), Format::Short);
        let rows: Vec<&str> = out
            .lines()
            .skip(1)
            .map(|l| l.split(' ').next().unwrap())
            .collect();
        assert_eq!(rows, [name], "--address {address}");
    }
}

#[test]
fn endpoint_view_of_a_dump_prints_addresses_as_the_clusters_view_does() {
    let out = render(
        &ViewKind::Endpoints(EndpointFilter::default()),
        &eds_dump(),
        Format::Short,
    );
    // ENDPOINT is `A:P` when P is not 0; pipes are `unix://`; rows sorted by address text.
    #[rustfmt::skip]
    assert_table(&out, 5, ["ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER"], &[
        ["10.0.0.5",                 "HEALTHY", "UNKNOWN", "outbound|80||a.svc"],
        ["envoy://main/10.0.0.6:80", "7",       "UNKNOWN", "outbound|80||a.svc"],
        ["unix:///run/s.sock",       "UNKNOWN", "UNKNOWN", "outbound|80||a.svc"],
        ["unknown",                  "UNKNOWN", "UNKNOWN", "outbound|80||a.svc"],
    ]);
}

/// Clusters of which half have equal sort keys (names of five parts: FQDN empty, the same
/// port, subset and direction), interleaved with others (FQDN `<i>.svc`), told apart by their
/// DESTINATION RULE cell. The FQDN of each, in input order, is returned too.
fn equal_key_clusters(count: usize) -> (Document, Vec<String>, Vec<String>) {
    let name = |i: usize| {
        if i.is_multiple_of(2) {
            format!("outbound|80|v1|a|{i}")
        } else {
            format!("outbound|80|v1|{i:02}.svc")
        }
    };
    let names: Vec<String> = (0..count).map(name).collect();
    let fqdns: Vec<String> = (0..count)
        .map(|i| {
            if i.is_multiple_of(2) {
                String::new()
            } else {
                format!("{i:02}.svc")
            }
        })
        .collect();
    let clusters = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            json!({"name": name, "type": "EDS", "metadata": {"filter_metadata": {"istio": {
                "config": format!("/apis/networking.istio.io/v1/namespaces/ns/destination-rule/dr{i}")
            }}}})
        })
        .collect();
    let doc = dump("ClustersConfigDump", "static_clusters", "cluster", clusters);
    (doc, names, fqdns)
}

/// The DESTINATION RULE cells of a cluster table, top to bottom.
fn rule_column(out: &str) -> Vec<String> {
    out.lines()
        .skip(1)
        .map(|l| l.split_whitespace().last().unwrap().to_string())
        .collect()
}

/// Go's sort.Slice order of positions by FQDN (meshctl::gosort, proven against Go's own in
/// go_sort.rs), and what a stable sort gives, as DESTINATION RULE cells.
fn orders(fqdns: &[String], keep: impl Fn(usize) -> bool) -> (Vec<String>, Vec<String>) {
    let mut go: Vec<usize> = (0..fqdns.len()).collect();
    meshctl::gosort::slice(&mut go, |a, b| fqdns[*a] < fqdns[*b]);
    let mut stable: Vec<usize> = (0..fqdns.len()).collect();
    stable.sort_by(|a, b| fqdns[*a].cmp(&fqdns[*b]));
    let cells = |order: Vec<usize>| -> Vec<String> {
        order
            .into_iter()
            .filter(|i| keep(*i))
            .map(|i| format!("dr{i}.ns"))
            .collect()
    };
    (cells(go), cells(stable))
}

#[test]
fn equal_cluster_keys_come_out_in_go_sort_slice_order_and_filters_apply_after() {
    let (doc, _, fqdns) = equal_key_clusters(40);
    let (go, stable) = orders(&fqdns, |_| true);
    assert_ne!(
        go, stable,
        "with more than 12 rows Go's order of equal keys is not input order"
    );
    let out = render(
        &ViewKind::Clusters(ClusterFilter::default()),
        &doc,
        Format::Short,
    );
    assert_eq!(rule_column(&out), go);
    // `--fqdn a|` keeps the equal-key clusters, in the order they have among all of them:
    // istioctl filters after sorting.
    let filter = ClusterFilter {
        fqdn: Some("a|".into()),
        ..ClusterFilter::default()
    };
    let out = render(&ViewKind::Clusters(filter), &doc, Format::Short);
    let (kept, _) = orders(&fqdns, |i| i % 2 == 0);
    assert_eq!(rule_column(&out), kept);
    // Sorting only the kept clusters would give another order.
    let kept_fqdns: Vec<String> = fqdns.iter().step_by(2).cloned().collect();
    let (alone, _) = orders(&kept_fqdns, |_| true);
    let alone: Vec<String> = alone
        .iter()
        .map(|c| {
            let i: usize = c
                .trim_start_matches("dr")
                .trim_end_matches(".ns")
                .parse()
                .unwrap();
            format!("dr{}.ns", i * 2)
        })
        .collect();
    assert_ne!(
        alone, kept,
        "the order of the kept clusters depends on the dropped ones"
    );
}

/// An EDS entry that is no ClusterLoadAssignment does not decode for istioctl, which skips it:
/// no rows, no JSON, no endpoint rows; the other entries print.
#[test]
fn an_eds_entry_of_another_type_is_skipped() {
    let socket = |a: &str| json!({"socket_address": {"address": a, "port_value": 80}});
    let assignment = |type_url: &str, cluster: &str, address: &str| {
        json!({"@type": type_url, "cluster_name": cluster, "endpoints": [
            {"lb_endpoints": [{"endpoint": {"address": socket(address)}}]}]})
    };
    let doc = dump(
        "EndpointsConfigDump",
        "static_endpoint_configs",
        "endpoint_config",
        vec![
            assignment(
                "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment",
                "kept",
                "10.0.0.1",
            ),
            assignment(
                "type.googleapis.com/envoy.config.cluster.v3.Cluster",
                "other",
                "10.0.0.2",
            ),
        ],
    );
    let out = render(
        &ViewKind::Eds(EndpointFilter::default()),
        &doc,
        Format::Short,
    );
    assert_table(
        &out,
        5,
        ["NAME", "STATUS", "LOCALITY", "CLUSTER"],
        &[["10.0.0.1:80", "UNKNOWN", "", "kept"]],
    );
    let json: Value = serde_json::from_str(&render(
        &ViewKind::Eds(EndpointFilter::default()),
        &doc,
        Format::Json,
    ))
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1, "{json}");
    assert_eq!(json[0]["clusterName"], "kept");
    let out = render(
        &ViewKind::Endpoints(EndpointFilter::default()),
        &doc,
        Format::Short,
    );
    assert_table(
        &out,
        5,
        ["ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER"],
        &[["10.0.0.1:80", "UNKNOWN", "UNKNOWN", "kept"]],
    );
}
