//! `-o wide`'s counters against a real Envoy that served real requests: a listener routing to
//! two clusters named as Envoy Gateway and a name with `:` (which Envoy's stats spell `_`),
//! both pointing at a small HTTP server in this test. Live, through the test API server's
//! port-forward, the counters must be what that Envoy's own `/stats` and `/clusters` say;
//! offline they are `-`, and `--stats-file` prints the saved file's numbers.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use crate::support::*;
use serde_json::{json, Value};
use testkit::apiserver::ApiServer;
use testkit::envoy::Envoy;

const ROUTED: &str = "httproute/default/backend/rule/0";
/// Counted by Envoy as `cluster.backend_8080.*`.
const COLON: &str = "backend:8080";

/// An HTTP/1.1 server on kept-alive connections: `/fail...` answers 503, anything else 200.
fn upstream() -> SocketAddr {
    crate::support::keep_alive_server(|request_line| {
        if request_line.contains(" /fail") {
            ("503 Service Unavailable", "ok")
        } else {
            ("200 OK", "ok")
        }
    })
}

fn static_cluster(name: &str, upstream: SocketAddr) -> Value {
    json!({
        "name": name,
        "type": "STATIC",
        "connect_timeout": "2s",
        "load_assignment": {
            "cluster_name": name,
            "endpoints": [{"lb_endpoints": [{"endpoint": {"address": {"socket_address": {
                "address": "127.0.0.1", "port_value": upstream.port()}}}}]}]
        }
    })
}

/// A gateway-shaped proxy: one listener, bound by the kernel's choice of port, routing `/colon`
/// to one cluster and everything else to the other.
fn gateway_envoy(upstream: SocketAddr) -> Envoy {
    let route = |prefix: &str, cluster: &str| json!({"match": {"prefix": prefix}, "route": {"cluster": cluster}});
    let bootstrap = json!({
        "node": {"id": "envoy-default-eg-e41e7b31-5c7f9d8b4-x2k9p", "cluster": "envoy-default-eg-e41e7b31"},
        "admin": {"address": {"socket_address": {"address": "127.0.0.1", "port_value": 0}}},
        "static_resources": {
            "listeners": [{
                "name": "default/eg/http",
                "address": {"socket_address": {"address": "127.0.0.1", "port_value": 0}},
                "filter_chains": [{"filters": [{
                    "name": "envoy.filters.network.http_connection_manager",
                    "typed_config": {
                        "@type": "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
                        "stat_prefix": "http-10080",
                        "route_config": {
                            "name": "default/eg/http",
                            "virtual_hosts": [{
                                "name": "default/eg/http/www_example_com",
                                "domains": ["*"],
                                "routes": [route("/colon", COLON), route("/", ROUTED)]
                            }]
                        },
                        "http_filters": [{"name": "envoy.filters.http.router", "typed_config": {
                            "@type": "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"}}]
                    }
                }]}]
            }],
            "clusters": [static_cluster(ROUTED, upstream), static_cluster(COLON, upstream)]
        }
    });
    Envoy::try_start_with_bootstrap(&bootstrap, Duration::from_secs(60)).unwrap()
}

/// The port the kernel gave the listener, from `/listeners`.
fn listener_port(envoy: &Envoy) -> u16 {
    let listeners: Value =
        serde_json::from_str(&envoy.admin_get("/listeners?format=json").body).unwrap();
    listeners["listener_statuses"][0]["local_address"]["socket_address"]["port_value"]
        .as_u64()
        .unwrap() as u16
}

/// One request through the proxy; its status code.
fn request(port: u16, path: &str) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.split(' ').nth(1).unwrap().parse().unwrap()
}

/// A table's rows as maps from header to cell. Every cell but the last is padded to its
/// column, so a column starts where its header does; `names` are the headers, in order (some
/// hold a space, and the listener table pads by one space only).
fn rows(table: &str, names: &[&str]) -> Vec<HashMap<String, String>> {
    let mut lines = table.lines();
    let header = lines.next().unwrap();
    let mut starts = Vec::new();
    let mut at = 0;
    for name in names {
        let start = at
            + header[at..]
                .find(name)
                .unwrap_or_else(|| panic!("{name} in {header}"));
        starts.push(start);
        at = start + name.len();
    }
    assert_eq!(&header[at..], "", "every header named");
    lines
        .map(|line| {
            let mut row = HashMap::new();
            for (i, name) in names.iter().enumerate() {
                let end = starts
                    .get(i + 1)
                    .copied()
                    .unwrap_or(line.len())
                    .min(line.len());
                row.insert(
                    name.to_string(),
                    line[starts[i].min(end)..end].trim().to_string(),
                );
            }
            row
        })
        .collect()
}

const CLUSTER_COLUMNS: [&str; 15] = [
    "SERVICE FQDN",
    "PORT",
    "SUBSET",
    "DIRECTION",
    "TYPE",
    "DESTINATION RULE",
    "STATE",
    "LB POLICY",
    "CONNECT TIMEOUT",
    "TLS",
    "ENDPOINTS",
    "RQ TOTAL",
    "RQ 5XX",
    "CX ACTIVE",
    "HEALTH",
];
const LISTENER_COLUMNS: [&str; 11] = [
    "ADDRESSES",
    "PORT",
    "MATCH",
    "DESTINATION",
    "STATE",
    "CHAIN",
    "SOURCE",
    "TLS",
    "FILTERS",
    "CX ACTIVE",
    "CX TOTAL",
];
const ENDPOINT_COLUMNS: [&str; 6] = [
    "ENDPOINT",
    "STATUS",
    "OUTLIER CHECK",
    "CLUSTER",
    "RQ SUCCESS",
    "RQ ERROR",
];

fn row<'a>(
    rows: &'a [HashMap<String, String>],
    column: &str,
    value: &str,
) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| r[column] == value)
        .unwrap_or_else(|| panic!("no row with {column} {value:?} in {rows:?}"))
}

/// `/stats` as `name: value` numbers.
fn stats(envoy: &Envoy) -> HashMap<String, u64> {
    envoy
        .admin_get("/stats")
        .body
        .lines()
        .filter_map(|l| {
            let (name, value) = l.rsplit_once(": ")?;
            Some((name.to_string(), value.parse().ok()?))
        })
        .collect()
}

#[test]
fn wide_counters_are_what_envoy_counted_for_real_traffic() {
    let upstream = upstream();
    let envoy = gateway_envoy(upstream);
    let port = listener_port(&envoy);
    let mut codes = Vec::new();
    for path in [
        "/", "/a", "/b", "/c", "/d", "/fail", "/fail/2", "/colon", "/colon/x", "/colon/y",
    ] {
        codes.push(request(port, path));
    }
    assert_eq!(codes, [200, 200, 200, 200, 200, 503, 503, 200, 200, 200]);

    let server = ApiServer::builder()
        .pod(pod(PodSpec {
            name: "envoy-default-eg",
            ..Default::default()
        }))
        .portforward_backend("default", "envoy-default-eg", 15000, envoy.admin_addr())
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let live = |args: &[&str]| -> String {
        let mut all = vec!["pc"];
        all.extend_from_slice(args);
        all.extend(["envoy-default-eg", "-o", "wide", "--kubeconfig", &kc]);
        let output = meshctl(home.path(), &all, &[]);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        stdout(&output)
    };

    // Clusters: the counters of each shown cluster, under Envoy's stat name for it.
    let clusters = live(&["clusters"]);
    let now = stats(&envoy);
    let table = rows(&clusters, &CLUSTER_COLUMNS);
    for (name, stat_name, total, errors) in [(ROUTED, ROUTED, 7, 2), (COLON, "backend_8080", 3, 0)]
    {
        let r = row(&table, "SERVICE FQDN", name);
        // Envoy makes `upstream_rq_5xx` on the first 5xx: absent, it is 0.
        let stat = |s: &str| {
            let name = format!("cluster.{stat_name}.{s}");
            now.get(&name).copied().unwrap_or(0).to_string()
        };
        assert!(now.contains_key(&format!("cluster.{stat_name}.upstream_rq_total")));
        assert_eq!(r["RQ TOTAL"], stat("upstream_rq_total"), "{clusters}");
        assert_eq!(r["RQ TOTAL"], total.to_string(), "{clusters}");
        assert_eq!(r["RQ 5XX"], stat("upstream_rq_5xx"), "{clusters}");
        assert_eq!(r["RQ 5XX"], errors.to_string(), "{clusters}");
        assert_eq!(r["CX ACTIVE"], stat("upstream_cx_active"), "{clusters}");
        assert_eq!(r["HEALTH"], "ok", "{clusters}");
    }

    // Listeners: counted by address and configured port (`127.0.0.1_0`), on every chain's row.
    let listeners = live(&["listeners"]);
    let now = stats(&envoy);
    let r = row(
        &rows(&listeners, &LISTENER_COLUMNS),
        "ADDRESSES",
        "127.0.0.1",
    )
    .clone();
    assert_eq!(r["CX TOTAL"], "10", "{listeners}");
    assert_eq!(
        r["CX TOTAL"],
        now["listener.127.0.0.1_0.downstream_cx_total"].to_string()
    );
    assert_eq!(
        r["CX ACTIVE"],
        now["listener.127.0.0.1_0.downstream_cx_active"].to_string()
    );

    // Endpoints: each host's requests, from `/clusters` as Envoy answers it.
    let endpoints = live(&["endpoints"]);
    let statuses: Value =
        serde_json::from_str(&envoy.admin_get("/clusters?format=json").body).unwrap();
    let host_stat = |cluster: &str, stat: &str| -> String {
        let status = statuses["cluster_statuses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == cluster)
            .unwrap();
        let found = status["host_statuses"][0]["stats"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == stat)
            .unwrap();
        found["value"].as_str().unwrap_or("0").to_string()
    };
    let table = rows(&endpoints, &ENDPOINT_COLUMNS);
    for (cluster, success, error) in [(ROUTED, "5", "2"), (COLON, "3", "0")] {
        let r = table.iter().find(|r| r["CLUSTER"] == cluster).unwrap();
        assert_eq!(r["ENDPOINT"], format!("127.0.0.1:{}", upstream.port()));
        assert_eq!(
            r["RQ SUCCESS"],
            host_stat(cluster, "rq_success"),
            "{endpoints}"
        );
        assert_eq!(r["RQ SUCCESS"], success, "{endpoints}");
        assert_eq!(r["RQ ERROR"], host_stat(cluster, "rq_error"), "{endpoints}");
        assert_eq!(r["RQ ERROR"], error, "{endpoints}");
    }

    // Offline the counters are `-`; a saved /stats (text or JSON) gives its numbers.
    let dump = home.path().join("dump.json");
    std::fs::write(&dump, envoy.admin_get("/config_dump?include_eds=true").body).unwrap();
    let dump = path_str(&dump);
    let offline = |extra: &[&str]| -> Vec<HashMap<String, String>> {
        let mut args = vec!["pc", "clusters", "-f", &dump, "-o", "wide"];
        args.extend_from_slice(extra);
        let output = meshctl(home.path(), &args, &[]);
        assert!(output.status.success(), "{}", stderr(&output));
        rows(&stdout(&output), &CLUSTER_COLUMNS)
    };
    let r = row(&offline(&[]), "SERVICE FQDN", ROUTED).clone();
    for column in ["RQ TOTAL", "RQ 5XX", "CX ACTIVE", "HEALTH"] {
        assert_eq!(r[column], "-");
    }
    request(port, "/fail/3");
    for query in ["/stats", "/stats?format=json"] {
        let saved = home.path().join("stats.out");
        std::fs::write(&saved, envoy.admin_get(query).body).unwrap();
        let r = row(
            &offline(&["--stats-file", &path_str(&saved)]),
            "SERVICE FQDN",
            ROUTED,
        )
        .clone();
        assert_eq!(
            (r["RQ TOTAL"].as_str(), r["RQ 5XX"].as_str()),
            ("8", "3"),
            "{query}"
        );
    }
}

/// `--stats-file` is read only where counters show; a file that is no `/stats` is bad input:
/// one line on stderr, exit 1, nothing on stdout.
#[test]
fn stats_file_misuse_and_bad_files_are_one_line_errors() {
    let home = temp_home();
    let dump = path_str(&fixture(SIDECAR, "config_dump.json"));
    let run = |args: &[&str]| {
        let mut all = vec!["pc"];
        all.extend_from_slice(args);
        meshctl(home.path(), &all, &[])
    };
    let usage = run(&["routes", "-f", &dump, "-o", "wide", "--stats-file", &dump]);
    assert_fails(
        &usage,
        2,
        "--stats-file is read only by clusters and listeners with -o wide",
    );
    let short = run(&["clusters", "-f", &dump, "--stats-file", &dump]);
    assert_fails(&short, 2, "--stats-file");
    let not_stats = run(&["clusters", "-f", &dump, "-o", "wide", "--stats-file", &dump]);
    assert_fails(&not_stats, 1, "not Envoy's /stats?format=json");
    let missing = home.path().join("missing.txt");
    let missing = run(&[
        "listeners",
        "-f",
        &dump,
        "-o",
        "wide",
        "--stats-file",
        &path_str(&missing),
    ]);
    assert_fails(&missing, 1, "missing.txt");
}
