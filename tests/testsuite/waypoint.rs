//! The ambient waypoint fixture (`fixtures/waypoint`): `listener --waypoint` through the
//! binary, the IP matcher's JSON names, and every other view's table.
//!
//! How the expected rows were made: worked out by hand from `../shared/spec/proxy-config.md`
//! (§4.5 for `--waypoint`, §4.3-§4.11 for the others) and from what the fixture's Envoy was given
//! (`fixtures/waypoint/xds/**`, written by `waypoint()` in `fixtures/make.py`), then checked
//! against the captured dump. Where Envoy changes what it was given, the dump is the truth and a
//! comment says so: EDS health in the dump is coarse (`DRAINING` shows as `UNHEALTHY`,
//! `UNKNOWN` as `HEALTHY`), while `/clusters` keeps `DRAINING`; the dump lists a catalog
//! cluster's `eu-west1-b` locality before `rack-2`, the reverse of the EDS file.
//!
//! Envoy lists route configurations and secrets in hash order, which changes with every capture;
//! where the spec keeps input order for those, the expected order is read from the dump. The
//! layout is Go's tabwriter rule computed here independently (`layout`), and trailing blanks are
//! ignored, as the spec allows.

use meshctl::config::{
    AllFilter, ClusterFilter, EndpointFilter, Format, ListenerFilter, RouteFilter, ViewKind,
};
use meshctl::input::Document;

use crate::support::{
    assert_same_text, fixture, layout, meshctl, owned, section_value, stderr, stdout, temp_home,
    NOW,
};

const WAYPOINT: &str = "waypoint";

const CATALOG_HTTP: &str = "inbound-vip|8080|http|catalog.storefront.svc.cluster.local";
const CATALOG_V1: &str = "inbound-vip|8080|http/v1|catalog.storefront.svc.cluster.local";
const CATALOG_V2: &str = "inbound-vip|8080|http/v2|catalog.storefront.svc.cluster.local";
const CATALOG_GRPC: &str = "inbound-vip|9090|http|catalog.storefront.svc.cluster.local";
const CATALOG_GRPC_TCP: &str = "inbound-vip|9090|tcp|catalog.storefront.svc.cluster.local";
const LEDGER: &str = "inbound-vip|5432|tcp|ledger-db.storefront.svc.cluster.local";
const AUDIT: &str = "inbound-vip|9000|tcp|audit-log.storefront.svc.cluster.local";

fn dump() -> Document {
    let path = fixture(WAYPOINT, "config_dump.json");
    Document::read(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message))
}

fn render(view: &ViewKind, doc: &Document) -> String {
    let mut out = Vec::new();
    meshctl::views::render(view, doc, Format::Short, NOW, &mut out)
        .unwrap_or_else(|e| panic!("{view:?} failed: {}", e.message));
    String::from_utf8(out).expect("tables are UTF-8")
}

// ---------------------------------------------------------------------------------------------
// listener --waypoint
// ---------------------------------------------------------------------------------------------

mod waypoint_view {
    use super::*;

    const HEADER: [&str; 4] = ["LISTENER", "CHAIN", "MATCH", "DESTINATION"];

    /// §4.5 on the fixture. Listeners: the three internal ones by name (`connect_originate`,
    /// `inner_connect_originate`, `main_internal`; they have no address, so port 0 puts them
    /// before every other), then `connect_terminate` (15008) and the static 15021 and 15090.
    /// `inner_connect_originate` is internal with one chain named `envoy://` + its name: the
    /// label `internal`. Chains in `filter_chains` order. Match strings of `main_internal`'s
    /// chains: the IP matcher's CIDRs in byte order (`10.44.0.0/16`, `10.96.40.11`,
    /// `10.96.40.27`, `10.96.40.35`, `fd00:10:44::/48`, `fd00:10:96::4011`; `/32` and `/128`
    /// bare), each path to an action naming the chain; the ALPN level's fallback is `ANY` for
    /// the TCP chain of port 9090, the pod map's fallback `ANY` for `direct-tcp`, the top
    /// fallback `UNMATCHED` for `passthrough`. Listeners without a matcher: §4.4 MATCH, `ALL`.
    /// DESTINATION (§4.4): RDS → `Route: <name>`; tcp_proxy → `Cluster: <cluster>`, bare when the
    /// name holds `Cluster`; an inline match-all route (one `*` host, one `/` prefix route) →
    /// its cluster, `Cluster: ` prefixed; other inline routes → `Inline Route: ` and the match
    /// texts (`connect_matcher` has none).
    #[rustfmt::skip]
    pub const ROWS: [[&str; 4]; 20] = [
        ["envoy://connect_originate", "",                                "ALL",                                                         "Cluster: connect_originate"],
        ["internal",                  "envoy://inner_connect_originate", "ALL",                                                         "Cluster: connect_originate"],
        ["envoy://main_internal",     CATALOG_HTTP,                      "ip=10.96.40.11 -> port=8080",                                 "Route: inbound-vip|8080|http|catalog.storefront.svc.cluster.local"],
        ["envoy://main_internal",     CATALOG_HTTP,                      "ip=fd00:10:96::4011 -> port=8080",                            "Route: inbound-vip|8080|http|catalog.storefront.svc.cluster.local"],
        ["envoy://main_internal",     CATALOG_GRPC,                      "ip=10.96.40.11 -> port=9090 -> application-protocol='h2'",      "Cluster: inbound-vip|9090|http|catalog.storefront.svc.cluster.local"],
        ["envoy://main_internal",     CATALOG_GRPC,                      "ip=fd00:10:96::4011 -> port=9090 -> application-protocol='h2'", "Cluster: inbound-vip|9090|http|catalog.storefront.svc.cluster.local"],
        ["envoy://main_internal",     CATALOG_GRPC_TCP,                  "ip=10.96.40.11 -> port=9090 -> ANY",                          "Cluster: inbound-vip|9090|tcp|catalog.storefront.svc.cluster.local"],
        ["envoy://main_internal",     CATALOG_GRPC_TCP,                  "ip=fd00:10:96::4011 -> port=9090 -> ANY",                     "Cluster: inbound-vip|9090|tcp|catalog.storefront.svc.cluster.local"],
        ["envoy://main_internal",     LEDGER,                            "ip=10.96.40.27 -> port=5432",                                 "Cluster: inbound-vip|5432|tcp|ledger-db.storefront.svc.cluster.local"],
        ["envoy://main_internal",     AUDIT,                             "ip=10.96.40.35 -> port=9000",                                 "Cluster: inbound-vip|9000|tcp|audit-log.storefront.svc.cluster.local"],
        ["envoy://main_internal",     "direct-http",                     "ip=10.44.0.0/16 -> ip=10.44.1.21 -> port=8080",               "Cluster: encap"],
        ["envoy://main_internal",     "direct-http",                     "ip=10.44.0.0/16 -> ip=fd00:10:44::1:21 -> port=8080",         "Cluster: encap"],
        ["envoy://main_internal",     "direct-http",                     "ip=fd00:10:44::/48 -> ip=10.44.1.21 -> port=8080",            "Cluster: encap"],
        ["envoy://main_internal",     "direct-http",                     "ip=fd00:10:44::/48 -> ip=fd00:10:44::1:21 -> port=8080",      "Cluster: encap"],
        ["envoy://main_internal",     "direct-tcp",                      "ip=10.44.0.0/16 -> ANY",                                      "Cluster: encap"],
        ["envoy://main_internal",     "direct-tcp",                      "ip=fd00:10:44::/48 -> ANY",                                   "Cluster: encap"],
        ["envoy://main_internal",     "passthrough",                     "UNMATCHED",                                                   "PassthroughCluster"],
        ["envoy://connect_terminate", "",                                "ALL",                                                         "Inline Route: "],
        ["envoy://0.0.0.0_15021",     "",                                "ALL",                                                         "Inline Route: /healthz/ready*"],
        ["envoy://0.0.0.0_15090",     "",                                "ALL",                                                         "Inline Route: /stats/prometheus*; localhost/127.0.0.1 /ready, regex ^/debug/(config|syncz)$"],
    ];

    fn run(extra: &[&str]) -> std::process::Output {
        let home = temp_home();
        let file = fixture(WAYPOINT, "config_dump.json");
        let mut args = vec!["pc", "listener", "-f", file.to_str().unwrap(), "--waypoint"];
        args.extend_from_slice(extra);
        meshctl(home.path(), &args, &[])
    }

    fn table_of(out: &std::process::Output) -> String {
        assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(out));
        stdout(out)
    }

    /// The first three columns alone: what the matcher walk and the listener order give,
    /// independent of the DESTINATION rule the listener table shares.
    #[test]
    fn listeners_chains_and_match_strings() {
        let out = table_of(&run(&[]));
        let actual: Vec<Vec<String>> = out
            .lines()
            .map(|line| {
                // Split at the column starts of the header line: the cells hold single spaces.
                let header = out.lines().next().unwrap();
                let starts: Vec<usize> = ["CHAIN", "MATCH", "DESTINATION"]
                    .iter()
                    .map(|h| header.find(h).unwrap())
                    .collect();
                vec![
                    line[..starts[0]].trim_end().to_string(),
                    line[starts[0]..starts[1]].trim_end().to_string(),
                    line[starts[1]..starts[2]].trim_end().to_string(),
                ]
            })
            .collect();
        let expected: Vec<Vec<String>> = owned(HEADER, &ROWS)
            .into_iter()
            .map(|row| row[..3].to_vec())
            .collect();
        assert_eq!(actual, expected);
    }

    #[test]
    fn whole_table_with_destinations() {
        assert_same_text(&table_of(&run(&[])), &layout(1, &owned(HEADER, &ROWS)));
    }

    /// `-o` and the listener filters change nothing: istioctl's waypoint view has no JSON and
    /// no filters.
    #[test]
    fn output_format_and_listener_filters_are_ignored() {
        let plain = table_of(&run(&[]));
        for extra in [
            &["-o", "json"][..],
            &["-o", "yaml", "--port", "15008"],
            // Not even an unsupported format is refused.
            &["-o", "bogus"],
            &["--address", "0.0.0.0", "--type", "TCP", "--verbose=false"],
        ] {
            assert_eq!(table_of(&run(extra)), plain, "{extra:?}");
        }
    }

    #[test]
    fn the_flag_is_hidden_from_help() {
        let home = temp_home();
        let out = meshctl(home.path(), &["pc", "listener", "--help"], &[]);
        assert_eq!(out.status.code(), Some(0));
        let help = stdout(&out);
        assert!(help.contains("--verbose"), "{help}");
        assert!(!help.contains("waypoint"), "{help}");
    }

    /// Without a listener section, the message of every listener output.
    #[test]
    fn a_dump_without_listeners_names_the_section() {
        let text = std::fs::read_to_string(fixture(WAYPOINT, "config_dump.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["configs"]
            .as_array_mut()
            .unwrap()
            .retain(|s| s["@type"] != "type.googleapis.com/envoy.admin.v3.ListenersConfigDump");
        let home = temp_home();
        let file = home.path().join("no-listeners.json");
        std::fs::write(&file, value.to_string()).unwrap();
        let out = meshctl(
            home.path(),
            &["pc", "l", "-f", file.to_str().unwrap(), "--waypoint"],
            &[],
        );
        let err = crate::support::assert_fails(
            &out,
            1,
            "listener dump: config dump has no configuration type \
             type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
        );
        assert!(
            err.starts_with("Error: listener dump: config dump"),
            "{err}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// listener -o json: the IP matcher is a known message
// ---------------------------------------------------------------------------------------------

/// The IP matcher inside `main_internal`'s `filter_chain_matcher` and the TypedStructs of its
/// HTTP filters get protobuf JSON names like every other message (§5), not Envoy's snake_case.
#[test]
fn listener_json_names_the_ip_matcher_fields_in_lower_camel_case() {
    let home = temp_home();
    let file = fixture(WAYPOINT, "config_dump.json");
    let out = meshctl(
        home.path(),
        &["pc", "listener", "-f", file.to_str().unwrap(), "-o", "json"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let listeners: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let main = listeners
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == "main_internal")
        .expect("main_internal");
    assert_eq!(main["internalListener"], serde_json::json!({}));
    let tree = &main["filterChainMatcher"]["matcherTree"];
    assert_eq!(tree["input"]["name"], "ip");
    let ip = &tree["customMatch"]["typedConfig"];
    assert_eq!(
        ip["@type"],
        "type.googleapis.com/xds.type.matcher.v3.IPMatcher"
    );
    let first = &ip["rangeMatchers"][0];
    assert_eq!(
        first["ranges"],
        serde_json::json!([
            {"addressPrefix": "10.96.40.11", "prefixLen": 32},
            {"addressPrefix": "fd00:10:96::4011", "prefixLen": 128},
        ])
    );
    let ports = &first["onMatch"]["matcher"]["matcherTree"];
    assert_eq!(ports["input"]["name"], "port");
    assert_eq!(
        ports["exactMatchMap"]["map"]["9090"]["matcher"]["onNoMatch"]["action"]["name"],
        CATALOG_GRPC_TCP
    );
    let pods = &ip["rangeMatchers"][3];
    assert_eq!(
        pods["ranges"][1],
        serde_json::json!({"addressPrefix": "fd00:10:44::", "prefixLen": 48})
    );
    assert_eq!(
        pods["onMatch"]["matcher"]["onNoMatch"]["action"]["name"],
        "direct-tcp"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for snake in [
        "range_matchers",
        "on_match",
        "address_prefix",
        "prefix_len",
        "type_url",
    ] {
        assert!(!text.contains(snake), "{snake} left in snake_case");
    }
    let filters = &main["filterChains"][0]["filters"][0]["typedConfig"]["httpFilters"];
    assert_eq!(
        filters[0]["typedConfig"]["typeUrl"],
        "type.googleapis.com/envoy.extensions.filters.http.grpc_stats.v3.FilterConfig"
    );
    // A TypedStruct's value is a Struct: its keys are data and stay as they are.
    assert_eq!(
        filters[1]["typedConfig"]["value"],
        serde_json::json!({"max_active_faults": 100})
    );
}

// ---------------------------------------------------------------------------------------------
// The other views
// ---------------------------------------------------------------------------------------------

mod clusters {
    use super::*;

    pub const HEADER: [&str; 6] = [
        "SERVICE FQDN",
        "PORT",
        "SUBSET",
        "DIRECTION",
        "TYPE",
        "DESTINATION RULE",
    ];

    /// §4.3. `inbound-vip|<port>|<proto>|<host>` has four `|` parts and does not start with
    /// `inbound_`: direction `inbound-vip`, the port, the protocol as subset (`http/v1` for the
    /// subset clusters), the host as FQDN. Other names stand whole with `-`. Sorted by FQDN
    /// (or name), subset, port, direction: upper case first, `http` < `http/v1` < `tcp`. Only
    /// the subset clusters carry a DestinationRule path (`.../destination-rule/catalog`).
    #[rustfmt::skip]
    pub const ROWS: [[&str; 6]; 16] = [
        ["BlackHoleCluster",                       "-",    "-",       "-",           "STATIC",       ""],
        ["PassthroughCluster",                     "-",    "-",       "-",           "ORIGINAL_DST", ""],
        ["agent",                                  "-",    "-",       "-",           "STATIC",       ""],
        ["audit-log.storefront.svc.cluster.local", "9000", "tcp",     "inbound-vip", "EDS",          ""],
        ["catalog.storefront.svc.cluster.local",   "8080", "http",    "inbound-vip", "EDS",          ""],
        ["catalog.storefront.svc.cluster.local",   "9090", "http",    "inbound-vip", "EDS",          ""],
        ["catalog.storefront.svc.cluster.local",   "8080", "http/v1", "inbound-vip", "EDS",          "catalog.storefront"],
        ["catalog.storefront.svc.cluster.local",   "8080", "http/v2", "inbound-vip", "EDS",          "catalog.storefront"],
        ["catalog.storefront.svc.cluster.local",   "9090", "tcp",     "inbound-vip", "EDS",          ""],
        ["connect_originate",                      "-",    "-",       "-",           "ORIGINAL_DST", ""],
        ["encap",                                  "-",    "-",       "-",           "STATIC",       ""],
        ["ledger-db.storefront.svc.cluster.local", "5432", "tcp",     "inbound-vip", "EDS",          ""],
        ["main_internal",                          "-",    "-",       "-",           "STATIC",       ""],
        ["prometheus_stats",                       "-",    "-",       "-",           "STATIC",       ""],
        ["sds-grpc",                               "-",    "-",       "-",           "STATIC",       ""],
        ["xds-grpc",                               "-",    "-",       "-",           "STATIC",       ""],
    ];

    /// The cluster name a row stands for.
    pub fn name_of(row: &[&str; 6]) -> String {
        match row {
            [name, "-", "-", "-", _, _] => name.to_string(),
            [fqdn, port, subset, direction, _, _] => format!("{direction}|{port}|{subset}|{fqdn}"),
        }
    }

    #[test]
    fn table() {
        let out = render(&ViewKind::Clusters(ClusterFilter::default()), &dump());
        assert_same_text(&out, &layout(5, &owned(HEADER, &ROWS)));
    }

    /// `--subset http` is a substring test on the name: `http/v1`, `http/v2` match too.
    #[test]
    fn subset_filter_is_a_substring_of_the_name() {
        let filter = ClusterFilter {
            subset: Some("http/".into()),
            ..Default::default()
        };
        let out = render(&ViewKind::Clusters(filter), &dump());
        assert_same_text(&out, &layout(5, &owned(HEADER, &ROWS[6..8])));
    }
}

mod listeners {
    use super::*;

    pub const HEADER: [&str; 4] = ["ADDRESSES", "PORT", "MATCH", "DESTINATION"];

    /// §4.4, a row per chain, with the listener's name for `all`. Listeners by port, main
    /// address, TYPE: the internal ones (no address: `""`, port 0) first, `main_internal`
    /// (HTTP+TCP) before the two TCP ones, which keep dump order; then 15008, 15021, 15090.
    /// `filter_chain_matcher` is ignored and no chain has a `filter_chain_match`: MATCH `ALL`.
    /// Chains by DESTINATION, descending: `Route: ...` > `PassthroughCluster` > `Cluster: ...`
    /// (`Cluster: encap` last; its two chains keep their order).
    #[rustfmt::skip]
    pub const ROWS: [(&str, [&str; 4]); 13] = [
        ("main_internal",           ["",        "0",     "ALL", "Route: inbound-vip|8080|http|catalog.storefront.svc.cluster.local"]),
        ("main_internal",           ["",        "0",     "ALL", "PassthroughCluster"]),
        ("main_internal",           ["",        "0",     "ALL", "Cluster: inbound-vip|9090|tcp|catalog.storefront.svc.cluster.local"]),
        ("main_internal",           ["",        "0",     "ALL", "Cluster: inbound-vip|9090|http|catalog.storefront.svc.cluster.local"]),
        ("main_internal",           ["",        "0",     "ALL", "Cluster: inbound-vip|9000|tcp|audit-log.storefront.svc.cluster.local"]),
        ("main_internal",           ["",        "0",     "ALL", "Cluster: inbound-vip|5432|tcp|ledger-db.storefront.svc.cluster.local"]),
        ("main_internal",           ["",        "0",     "ALL", "Cluster: encap"]),
        ("main_internal",           ["",        "0",     "ALL", "Cluster: encap"]),
        ("connect_originate",       ["",        "0",     "ALL", "Cluster: connect_originate"]),
        ("inner_connect_originate", ["",        "0",     "ALL", "Cluster: connect_originate"]),
        ("connect_terminate",       ["0.0.0.0", "15008", "ALL", "Inline Route: "]),
        ("0.0.0.0_15021",           ["0.0.0.0", "15021", "ALL", "Inline Route: /healthz/ready*"]),
        ("0.0.0.0_15090",           ["0.0.0.0", "15090", "ALL", "Inline Route: /stats/prometheus*; localhost/127.0.0.1 /ready, regex ^/debug/(config|syncz)$"]),
    ];

    /// `--verbose=false`: a row per listener with TYPE from the filter names (§4.4): an HCM
    /// and a tcp_proxy (`passthrough` is no black hole) make `main_internal` HTTP+TCP.
    #[rustfmt::skip]
    pub const TERSE: [(&str, [&str; 3]); 6] = [
        ("main_internal",           ["",        "0",     "HTTP+TCP"]),
        ("connect_originate",       ["",        "0",     "TCP"]),
        ("inner_connect_originate", ["",        "0",     "TCP"]),
        ("connect_terminate",       ["0.0.0.0", "15008", "HTTP"]),
        ("0.0.0.0_15021",           ["0.0.0.0", "15021", "HTTP"]),
        ("0.0.0.0_15090",           ["0.0.0.0", "15090", "HTTP"]),
    ];

    pub fn all_listeners(verbose: bool) -> ListenerFilter {
        ListenerFilter {
            address: None,
            port: None,
            listener_type: None,
            verbose,
        }
    }

    #[test]
    fn table() {
        let out = render(&ViewKind::Listeners(all_listeners(true)), &dump());
        let rows: Vec<[&str; 4]> = ROWS.iter().map(|(_, r)| *r).collect();
        assert_same_text(&out, &layout(1, &owned(HEADER, &rows)));
    }

    #[test]
    fn terse_table() {
        let out = render(&ViewKind::Listeners(all_listeners(false)), &dump());
        let rows: Vec<[&str; 3]> = TERSE.iter().map(|(_, r)| *r).collect();
        assert_same_text(
            &out,
            &layout(1, &owned(["ADDRESSES", "PORT", "TYPE"], &rows)),
        );
    }

    /// `--type TCP` keeps the two tunnel listeners; an internal listener's address is empty.
    #[test]
    fn type_filter() {
        let filter = ListenerFilter {
            listener_type: Some("tcp".into()),
            ..all_listeners(true)
        };
        let out = render(&ViewKind::Listeners(filter), &dump());
        let rows: Vec<[&str; 4]> = ROWS[8..10].iter().map(|(_, r)| *r).collect();
        assert_same_text(&out, &layout(1, &owned(HEADER, &rows)));
    }
}

mod routes {
    use super::*;

    pub const HEADER: [&str; 5] = ["NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE"];

    /// §4.6 rows of one route configuration, told apart by name and number of virtual hosts
    /// (the two static listeners' inline configs have no name). VirtualService metadata
    /// `/apis/networking.istio.io/v1/namespaces/storefront/virtual-service/catalog` has 8
    /// pieces: `catalog.storefront`. Two domains are kept whole (`localhost, 127.0.0.1`); a
    /// `connect_matcher` has no match text.
    #[rustfmt::skip]
    fn rows_of(name: &str, vhosts: usize) -> Vec<[&'static str; 4]> {
        match (name, vhosts) {
            (CATALOG_HTTP, 1) => vec![
                ["catalog.storefront.svc.cluster.local:8080", "*", "/api/*",   "catalog.storefront"],
                ["catalog.storefront.svc.cluster.local:8080", "*", "/healthz", "catalog.storefront"],
                ["catalog.storefront.svc.cluster.local:8080", "*", "/*",       "catalog.storefront"],
            ],
            (CATALOG_GRPC, 1) => vec![[CATALOG_GRPC, "*", "/*", ""]],
            ("direct-http", 1) => vec![["direct-http", "*", "/*", ""]],
            ("connect_terminate", 1) => vec![["connect_terminate", "*", "", ""]],
            ("", 1) => vec![["backend", "*", "/healthz/ready*", ""]],
            ("", 2) => vec![
                ["backend",     "*",                    "/stats/prometheus*",              ""],
                ["local-debug", "localhost, 127.0.0.1", "/ready",                          ""],
                ["local-debug", "localhost, 127.0.0.1", "regex ^/debug/(config|syncz)$", ""],
            ],
            other => panic!("no expected rows for route config {other:?}"),
        }
    }

    /// Route configs in dump order (dynamic, then static in Envoy's hash order): no name is a
    /// Go integer, so sorting moves none.
    pub fn configs() -> Vec<(String, usize)> {
        let section = section_value(WAYPOINT, "RoutesConfigDump");
        let mut configs = Vec::new();
        for field in ["dynamic_route_configs", "static_route_configs"] {
            for entry in section[field].as_array().into_iter().flatten() {
                let config = &entry["route_config"];
                configs.push((
                    config["name"].as_str().unwrap_or("").to_string(),
                    config["virtual_hosts"].as_array().map_or(0, Vec::len),
                ));
            }
        }
        assert_eq!(configs.len(), 6, "{configs:?}");
        configs
    }

    pub fn expected(prefix: &str) -> Vec<Vec<String>> {
        let mut table = vec![HEADER.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
        for (name, vhosts) in configs() {
            for row in rows_of(&name, vhosts) {
                let mut cells = vec![format!("{prefix}{name}")];
                cells.extend(row.iter().map(|c| c.to_string()));
                table.push(cells);
            }
        }
        table
    }

    #[test]
    fn table() {
        let view = ViewKind::Routes(RouteFilter {
            name: None,
            verbose: true,
        });
        assert_same_text(&render(&view, &dump()), &layout(5, &expected("")));
    }

    #[test]
    fn terse_table_counts_virtual_hosts() {
        let view = ViewKind::Routes(RouteFilter {
            name: None,
            verbose: false,
        });
        let mut table = vec![vec!["NAME".to_string(), "VIRTUAL HOSTS".to_string()]];
        for (name, vhosts) in configs() {
            table.push(vec![name, vhosts.to_string()]);
        }
        assert_same_text(&render(&view, &dump()), &layout(5, &table));
    }
}

mod eds {
    use super::*;

    pub const HEADER: [&str; 4] = ["NAME", "STATUS", "LOCALITY", "CLUSTER"];

    /// §4.7. Assignments without endpoints (BlackHoleCluster, PassthroughCluster,
    /// connect_originate) are dropped; the rest sorted by cluster key as the cluster table.
    /// Internal addresses are `envoy://<listener>/<endpoint id>` (an empty id leaves the slash),
    /// pipes their bare path. Localities in the dump's order (`eu-west1-b` before `rack-2` in the
    /// catalog clusters), health as the dump has it (ledger-db's DRAINING endpoint shows
    /// `UNHEALTHY`, audit-log's UNKNOWN one `HEALTHY`). Static clusters have `{}` localities.
    #[rustfmt::skip]
    pub const ROWS: [[&str; 4]; 26] = [
        ["127.0.0.1:15020",                               "HEALTHY",   "",                           "agent"],
        ["envoy://connect_originate/10.44.2.61:9000",     "HEALTHY",   "eu-west1/eu-west1-b",        AUDIT],
        ["/var/run/audit-relay/relay.sock",               "HEALTHY",   "eu-west1/eu-west1-b",        AUDIT],
        ["envoy://connect_originate/10.44.2.9:8080",      "HEALTHY",   "eu-west1/eu-west1-b",        CATALOG_HTTP],
        ["envoy://connect_originate/10.44.2.15:8080",     "DEGRADED",  "eu-west1/eu-west1-b",        CATALOG_HTTP],
        ["envoy://connect_originate/10.44.1.21:8080",     "HEALTHY",   "eu-west1/eu-west1-a/rack-2", CATALOG_HTTP],
        ["envoy://connect_originate/10.44.1.33:8080",     "UNHEALTHY", "eu-west1/eu-west1-a/rack-2", CATALOG_HTTP],
        ["envoy://connect_originate/10.44.2.9:9090",      "HEALTHY",   "eu-west1/eu-west1-b",        CATALOG_GRPC],
        ["envoy://connect_originate/10.44.2.15:9090",     "DEGRADED",  "eu-west1/eu-west1-b",        CATALOG_GRPC],
        ["envoy://connect_originate/10.44.1.21:9090",     "HEALTHY",   "eu-west1/eu-west1-a/rack-2", CATALOG_GRPC],
        ["envoy://connect_originate/10.44.1.33:9090",     "UNHEALTHY", "eu-west1/eu-west1-a/rack-2", CATALOG_GRPC],
        ["envoy://connect_originate/10.44.1.21:8080",     "HEALTHY",   "eu-west1/eu-west1-a/rack-2", CATALOG_V1],
        ["envoy://connect_originate/10.44.1.33:8080",     "UNHEALTHY", "eu-west1/eu-west1-a/rack-2", CATALOG_V1],
        ["envoy://connect_originate/10.44.2.9:8080",      "HEALTHY",   "eu-west1/eu-west1-b",        CATALOG_V2],
        ["envoy://connect_originate/10.44.2.15:8080",     "DEGRADED",  "eu-west1/eu-west1-b",        CATALOG_V2],
        ["envoy://connect_originate/10.44.2.9:9090",      "HEALTHY",   "eu-west1/eu-west1-b",        CATALOG_GRPC_TCP],
        ["envoy://connect_originate/10.44.2.15:9090",     "DEGRADED",  "eu-west1/eu-west1-b",        CATALOG_GRPC_TCP],
        ["envoy://connect_originate/10.44.1.21:9090",     "HEALTHY",   "eu-west1/eu-west1-a/rack-2", CATALOG_GRPC_TCP],
        ["envoy://connect_originate/10.44.1.33:9090",     "UNHEALTHY", "eu-west1/eu-west1-a/rack-2", CATALOG_GRPC_TCP],
        ["envoy://connect_originate/",                    "HEALTHY",   "",                           "encap"],
        ["envoy://connect_originate/10.44.3.40:5432",     "HEALTHY",   "eu-west1/eu-west1-c",        LEDGER],
        ["envoy://connect_originate/10.44.1.50:5432",     "UNHEALTHY", "eu-west1/eu-west1-a/rack-2", LEDGER],
        ["envoy://main_internal/",                        "HEALTHY",   "",                           "main_internal"],
        ["127.0.0.1:15000",                               "HEALTHY",   "",                           "prometheus_stats"],
        ["./var/run/secrets/workload-spiffe-uds/socket",  "HEALTHY",   "",                           "sds-grpc"],
        ["./etc/istio/proxy/XDS",                         "HEALTHY",   "",                           "xds-grpc"],
    ];

    #[test]
    fn table() {
        let out = render(&ViewKind::Eds(EndpointFilter::default()), &dump());
        assert_same_text(&out, &layout(5, &owned(HEADER, &ROWS)));
    }

    /// `--address` compares the whole address text, case-insensitively: an internal address
    /// is matched as `envoy://...`, a pipe by its path.
    #[test]
    fn address_filter_matches_internal_and_pipe_addresses() {
        let by = |address: &str| {
            render(
                &ViewKind::Eds(EndpointFilter {
                    address: Some(address.into()),
                    ..Default::default()
                }),
                &dump(),
            )
        };
        assert_same_text(
            &by("ENVOY://connect_originate/10.44.1.50:5432"),
            &layout(5, &owned(HEADER, &ROWS[21..22])),
        );
        assert_same_text(
            &by("/var/run/audit-relay/relay.sock"),
            &layout(5, &owned(HEADER, &ROWS[2..3])),
        );
    }
}

mod endpoints {
    use super::*;

    const HEADER: [&str; 4] = ["ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER"];

    /// §4.8 from `clusters.json`: every host, sorted by address text, port, cluster name.
    /// Internal addresses have no port, so they stand bare; pipes are `unix://<path>` (`.` sorts
    /// before `/`). `/clusters` keeps ledger-db's DRAINING, reports audit-log's UNKNOWN as
    /// HEALTHY. Within one address, `http/v1` and `http/v2` sort before `http|` (`/` < `|`).
    #[rustfmt::skip]
    const ROWS: [[&str; 4]; 26] = [
        ["127.0.0.1:15000",                                      "HEALTHY",   "OK", "prometheus_stats"],
        ["127.0.0.1:15020",                                      "HEALTHY",   "OK", "agent"],
        ["envoy://connect_originate/",                           "HEALTHY",   "OK", "encap"],
        ["envoy://connect_originate/10.44.1.21:8080",            "HEALTHY",   "OK", CATALOG_V1],
        ["envoy://connect_originate/10.44.1.21:8080",            "HEALTHY",   "OK", CATALOG_HTTP],
        ["envoy://connect_originate/10.44.1.21:9090",            "HEALTHY",   "OK", CATALOG_GRPC],
        ["envoy://connect_originate/10.44.1.21:9090",            "HEALTHY",   "OK", CATALOG_GRPC_TCP],
        ["envoy://connect_originate/10.44.1.33:8080",            "UNHEALTHY", "OK", CATALOG_V1],
        ["envoy://connect_originate/10.44.1.33:8080",            "UNHEALTHY", "OK", CATALOG_HTTP],
        ["envoy://connect_originate/10.44.1.33:9090",            "UNHEALTHY", "OK", CATALOG_GRPC],
        ["envoy://connect_originate/10.44.1.33:9090",            "UNHEALTHY", "OK", CATALOG_GRPC_TCP],
        ["envoy://connect_originate/10.44.1.50:5432",            "DRAINING",  "OK", LEDGER],
        ["envoy://connect_originate/10.44.2.15:8080",            "DEGRADED",  "OK", CATALOG_V2],
        ["envoy://connect_originate/10.44.2.15:8080",            "DEGRADED",  "OK", CATALOG_HTTP],
        ["envoy://connect_originate/10.44.2.15:9090",            "DEGRADED",  "OK", CATALOG_GRPC],
        ["envoy://connect_originate/10.44.2.15:9090",            "DEGRADED",  "OK", CATALOG_GRPC_TCP],
        ["envoy://connect_originate/10.44.2.61:9000",            "HEALTHY",   "OK", AUDIT],
        ["envoy://connect_originate/10.44.2.9:8080",             "HEALTHY",   "OK", CATALOG_V2],
        ["envoy://connect_originate/10.44.2.9:8080",             "HEALTHY",   "OK", CATALOG_HTTP],
        ["envoy://connect_originate/10.44.2.9:9090",             "HEALTHY",   "OK", CATALOG_GRPC],
        ["envoy://connect_originate/10.44.2.9:9090",             "HEALTHY",   "OK", CATALOG_GRPC_TCP],
        ["envoy://connect_originate/10.44.3.40:5432",            "HEALTHY",   "OK", LEDGER],
        ["envoy://main_internal/",                               "HEALTHY",   "OK", "main_internal"],
        ["unix://./etc/istio/proxy/XDS",                         "HEALTHY",   "OK", "xds-grpc"],
        ["unix://./var/run/secrets/workload-spiffe-uds/socket",  "HEALTHY",   "OK", "sds-grpc"],
        ["unix:///var/run/audit-relay/relay.sock",               "HEALTHY",   "OK", AUDIT],
    ];

    fn clusters_json() -> Document {
        let path = fixture(WAYPOINT, "clusters.json");
        Document::read(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message))
    }

    #[test]
    fn table() {
        let out = render(
            &ViewKind::Endpoints(EndpointFilter::default()),
            &clusters_json(),
        );
        assert_same_text(&out, &layout(5, &owned(HEADER, &ROWS)));
    }

    /// `--status` is case-insensitive; `/clusters` knows DRAINING where the dump does not.
    #[test]
    fn status_filter_finds_the_draining_host() {
        let filter = EndpointFilter {
            status: Some("draining".into()),
            ..Default::default()
        };
        let out = render(&ViewKind::Endpoints(filter), &clusters_json());
        assert_same_text(&out, &layout(5, &owned(HEADER, &ROWS[11..12])));
    }
}

mod secrets {
    use super::*;

    #[rustfmt::skip]
    const HEADER: [&str; 7] = ["RESOURCE NAME", "TYPE", "STATUS", "VALID CERT", "SERIAL NUMBER", "NOT AFTER", "NOT BEFORE"];

    /// §4.9 at `NOW` (2025-06-15). Both secrets come as `inline_bytes`. `default`: the
    /// waypoint's leaf (not a CA) valid 2025-03-01 to 2110-03-01; `ROOTCA`: the mesh CA. The CA
    /// has no SPIFFE name, so not every row has a trust domain: no TRUST DOMAIN column.
    #[rustfmt::skip]
    fn rows_of(name: &str) -> [&'static str; 5] {
        match name {
            "default" => ["Cert Chain", "true", "37716e2348099dc80659d81ae38eb8f9", "2110-03-01T00:00:00Z", "2025-03-01T00:00:00Z"],
            "ROOTCA" =>  ["CA",         "true", "55dac0fb0355f5cbc52b558b63562475", "2124-01-01T00:00:00Z", "2024-01-01T00:00:00Z"],
            other => panic!("no expected row for secret {other:?}"),
        }
    }

    /// Active secrets in the dump's (hash) order; there are no warming ones.
    pub fn expected(name_column: &str, prefix: &str) -> Vec<Vec<String>> {
        let section = section_value(WAYPOINT, "SecretsConfigDump");
        let mut header: Vec<String> = HEADER.iter().map(|c| c.to_string()).collect();
        header[0] = name_column.to_string();
        let mut table = vec![header];
        for entry in section["dynamic_active_secrets"].as_array().unwrap() {
            let name = entry["name"].as_str().unwrap();
            let r = rows_of(name);
            let mut cells = vec![format!("{prefix}{name}"), r[0].into(), "ACTIVE".into()];
            cells.extend(r[1..].iter().map(|c| c.to_string()));
            table.push(cells);
        }
        assert_eq!(table.len(), 3);
        table
    }

    #[test]
    fn table() {
        let out = render(&ViewKind::Secrets, &dump());
        assert_same_text(&out, &layout(5, &expected("RESOURCE NAME", "")));
    }
}

mod bootstrap {
    use super::*;

    /// §4.10: `ISTIO_PROXY_SHA` is `istio-proxy:<sha>`, so only the SHA shows. Envoy's own
    /// build version has no patch number (0) and no `build.label`; its status, type and TLS
    /// library follow with `/`.
    pub const SUMMARY: [[&str; 2]; 3] = [
        ["Istio Version:", "1.26.2"],
        [
            "Istio Proxy Version:",
            "5c1a2b3d4e5f60718293a4b5c6d7e8f901234567",
        ],
        ["Envoy Version:", "1.40.0/Clean/RELEASE/BoringSSL"],
    ];

    #[test]
    fn summary() {
        let mut out = Vec::new();
        meshctl::views::render(&ViewKind::Bootstrap, &dump(), Format::Short, NOW, &mut out)
            .unwrap();
        let rows: Vec<Vec<&str>> = SUMMARY.iter().map(|r| r.to_vec()).collect();
        assert_same_text(&String::from_utf8(out).unwrap(), &layout(1, &rows));
    }
}

mod all {
    use super::*;

    /// A table with a first NAME column: `rows` are (name, the view's own cells).
    fn with_name_column<const N: usize>(
        header: [&str; N],
        rows: impl IntoIterator<Item = (String, Vec<String>)>,
    ) -> Vec<Vec<String>> {
        let mut table = vec![std::iter::once("NAME".to_string())
            .chain(header.iter().map(|c| c.to_string()))
            .collect::<Vec<_>>()];
        for (name, row) in rows {
            table.push(std::iter::once(name).chain(row).collect());
        }
        table
    }

    fn cells(row: &[&str]) -> Vec<String> {
        row.iter().map(|c| c.to_string()).collect()
    }

    /// §4.11: the bootstrap summary, then each view's table with `all`'s names: a first NAME
    /// column `cluster/<name>` (a name of at most three `|` parts also in SERVICE FQDN) and
    /// `listener/<name>`; routes, secrets and EDS prefix their own first column.
    #[test]
    fn every_block_with_kind_prefixed_names_and_blank_lines_between() {
        let filter = AllFilter {
            clusters: ClusterFilter::default(),
            listeners: listeners::all_listeners(true),
            routes: RouteFilter {
                name: None,
                verbose: true,
            },
            endpoints: EndpointFilter::default(),
            with_headers: false,
        };
        let out = render(&ViewKind::All(filter), &dump());

        let boot: Vec<Vec<&str>> = bootstrap::SUMMARY.iter().map(|r| r.to_vec()).collect();
        let cluster_rows = clusters::ROWS.iter().map(|r| {
            let name = format!("cluster/{}", clusters::name_of(r));
            let mut row = cells(r);
            if r[1] == "-" {
                // A name of at most three `|` parts: `cluster/<name>` in SERVICE FQDN too.
                row[0] = name.clone();
            }
            (name, row)
        });
        let listener_rows = listeners::ROWS
            .iter()
            .map(|(n, r)| (format!("listener/{n}"), cells(r)));
        let mut eds = vec![eds::HEADER
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()];
        eds.extend(eds::ROWS.iter().map(|r| {
            let mut cells: Vec<String> = r.iter().map(|c| c.to_string()).collect();
            cells[0] = format!("endpoint/{}", cells[0]);
            cells
        }));
        let blocks = [
            ("bootstrap", layout(1, &boot)),
            (
                "clusters",
                layout(5, &with_name_column(clusters::HEADER, cluster_rows)),
            ),
            (
                "listeners",
                layout(1, &with_name_column(listeners::HEADER, listener_rows)),
            ),
            ("routes", layout(5, &routes::expected("route/"))),
            // Secrets keep their own header, RESOURCE NAME.
            (
                "secrets",
                layout(5, &secrets::expected("RESOURCE NAME", "secret/")),
            ),
            ("eds", layout(5, &eds)),
        ];
        // Block by block, so that a failure names every block that differs.
        let trimmed = |text: &str| -> String {
            text.lines()
                .map(|l| format!("{}\n", l.trim_end()))
                .collect()
        };
        let actual: Vec<&str> = out.split("\n\n").collect();
        assert_eq!(actual.len(), blocks.len(), "blocks of:\n{out}");
        let differing: Vec<String> = blocks
            .iter()
            .zip(&actual)
            .filter(|((_, expected), actual)| trimmed(expected) != trimmed(actual))
            .map(|((name, expected), actual)| {
                format!("{name}:\n--- actual ---\n{actual}\n--- expected ---\n{expected}")
            })
            .collect();
        assert!(
            differing.is_empty(),
            "blocks differ: {}",
            differing.join("\n")
        );
        assert_same_text(
            &out,
            &blocks
                .iter()
                .map(|(_, b)| b.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
}
