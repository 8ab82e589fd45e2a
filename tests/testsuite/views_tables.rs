//! Every table view of `proxy-config` (`-o short` and `-o wide`), with every filter of the spec,
//! on the real-Envoy fixtures, rendered in-process through `meshctl::views::render`.
//!
//! How the expected tables were made: each row below was worked out by hand from
//! `../shared/spec/proxy-config.md` and from what the fixture's Envoy was given
//! (`fixtures/*/xds/**`), then checked line by line against the captured dump. Where Envoy
//! itself changes what it was given, the dump is the truth and a comment says so (EDS health is
//! Envoy's coarse health: `UNKNOWN` becomes `HEALTHY`, `DRAINING` becomes `UNHEALTHY`; a
//! STRICT_DNS `localhost` is resolved to `127.0.0.1`).
//!
//! The layout is checked against an independent implementation of Go's `text/tabwriter` rule
//! (`layout` below: each column as wide as its widest cell plus the padding, the last cell of a
//! line not padded), so a row list is the whole expectation. Trailing blanks are ignored, as the
//! spec allows. Row lists are kept one row per line with their columns aligned
//! (`#[rustfmt::skip]`), so that they read as the tables they stand for.
//!
//! Envoy lists route configurations and secrets in hash order, which changes with every capture
//! (`fixtures_regenerate.rs` beside this file compares them as multisets). Where the spec keeps
//! input order for those, the expected order is read from the dump under test; everything else
//! is fixed here.
//!
//! The sidecar's plain-HTTP chains are expected as `App: HTTP`: istioctl names only the exact
//! ALPN list `http/1.0,http/1.1,h2c` so, and Istio writes that list (the seed's
//! `0.0.0.0 80 Trans: raw_buffer; App: HTTP Route: 80`).

use meshctl::config::{
    AllFilter, ClusterFilter, EndpointFilter, Format, ListenerFilter, RouteFilter, ViewKind,
};
use meshctl::input::Document;

use crate::support::{
    assert_same_text, assert_table, fixture, layout, section_value, GATEWAY, NOW, SIDECAR,
};

fn dump(scenario: &str) -> Document {
    let path = fixture(scenario, "config_dump.json");
    Document::read(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message))
}

fn clusters_json(scenario: &str) -> Document {
    let path = fixture(scenario, "clusters.json");
    Document::read(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message))
}

pub(crate) fn try_render_at(
    view: &ViewKind,
    doc: &Document,
    format: Format,
    now: i64,
) -> Result<String, meshctl::error::Error> {
    let mut out = Vec::new();
    meshctl::views::render(view, doc, format, now, &mut out)?;
    Ok(String::from_utf8(out).expect("tables are UTF-8"))
}

fn render_at(view: &ViewKind, doc: &Document, format: Format, now: i64) -> String {
    try_render_at(view, doc, format, now)
        .unwrap_or_else(|e| panic!("{view:?} -o {format:?} failed: {}", e.message))
}

fn render(view: &ViewKind, doc: &Document, format: Format) -> String {
    render_at(view, doc, format, NOW)
}

fn render_err(view: &ViewKind, doc: &Document, format: Format) -> meshctl::error::Error {
    match try_render_at(view, doc, format, NOW) {
        Ok(out) => panic!("{view:?} -o {format:?} should fail, printed:\n{out}"),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------------------------------------
// Clusters
// ---------------------------------------------------------------------------------------------

mod clusters {
    use super::*;

    #[rustfmt::skip]
    const HEADER: [&str; 6] = ["SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE"];

    /// The sidecar's active and static clusters (not the warming one), sorted by
    /// (fqdn, subset, port, direction); names without parts sort as (name, "", 0, ""), so the
    /// inbound clusters (empty FQDN) come first and upper case before lower case. The
    /// DestinationRule path on the two subset clusters shows as `customers.default`.
    #[rustfmt::skip]
    pub const SIDECAR_ROWS: [[&str; 6]; 22] = [
        ["",                                          "8080",  "-",  "inbound",  "ORIGINAL_DST", ""],
        ["",                                          "9090",  "-",  "inbound",  "STATIC",       ""],
        ["BlackHoleCluster",                          "-",     "-",  "-",        "STATIC",       ""],
        ["InboundPassthroughClusterIpv4",             "-",     "-",  "-",        "ORIGINAL_DST", ""],
        ["InboundPassthroughClusterIpv6",             "-",     "-",  "-",        "ORIGINAL_DST", ""],
        ["PassthroughCluster",                        "-",     "-",  "-",        "ORIGINAL_DST", ""],
        ["agent",                                     "-",     "-",  "-",        "STATIC",       ""],
        ["customers.default.svc.cluster.local",       "80",    "-",  "outbound", "EDS",          ""],
        ["customers.default.svc.cluster.local",       "80",    "v1", "outbound", "EDS",          "customers.default"],
        ["customers.default.svc.cluster.local",       "80",    "v2", "outbound", "EDS",          "customers.default"],
        ["istiod.istio-system.svc.cluster.local",     "15010", "-",  "outbound", "EDS",          ""],
        ["istiod.istio-system.svc.cluster.local",     "15012", "-",  "outbound", "EDS",          ""],
        ["kube-dns.kube-system.svc.cluster.local",    "53",    "-",  "outbound", "EDS",          ""],
        ["kubernetes.default.svc.cluster.local",      "443",   "-",  "outbound", "EDS",          ""],
        ["legacy-billing.payments.svc.cluster.local", "443",   "-",  "outbound", "EDS",          ""],
        ["prometheus_stats",                          "-",     "-",  "-",        "STATIC",       ""],
        ["ratings.default.svc.cluster.local",         "9080",  "-",  "outbound", "EDS",          ""],
        ["sds-grpc",                                  "-",     "-",  "-",        "STATIC",       ""],
        ["unanswered-xds",                            "-",     "-",  "-",        "STATIC",       ""],
        ["web-frontend.default.svc.cluster.local",    "80",    "-",  "outbound", "EDS",          ""],
        ["xds-grpc",                                  "-",     "-",  "-",        "STATIC",       ""],
        ["zipkin.istio-system.svc.cluster.local",     "9411",  "-",  "outbound", "STRICT_DNS",   ""],
    ];

    #[rustfmt::skip]
    pub const GATEWAY_ROWS: [[&str; 6]; 8] = [
        ["BlackHoleCluster",                       "-",    "-", "-",        "STATIC", ""],
        ["agent",                                  "-",    "-", "-",        "STATIC", ""],
        ["customers.default.svc.cluster.local",    "80",   "-", "outbound", "EDS",    ""],
        ["grafana.monitoring.svc.cluster.local",   "3000", "-", "outbound", "EDS",    ""],
        ["prometheus_stats",                       "-",    "-", "-",        "STATIC", ""],
        ["sds-grpc",                               "-",    "-", "-",        "STATIC", ""],
        ["web-frontend.default.svc.cluster.local", "80",   "-", "outbound", "EDS",    ""],
        ["xds-grpc",                               "-",    "-", "-",        "STATIC", ""],
    ];

    /// The cluster name a row stands for (what `all` prints after `cluster/`).
    pub fn name_of(row: &[&str; 6]) -> String {
        match row {
            [fqdn, "-", "-", "-", _, _] => fqdn.to_string(),
            [fqdn, port, subset, direction, _, _] => {
                let subset = if *subset == "-" { "" } else { subset };
                format!("{direction}|{port}|{subset}|{fqdn}")
            }
        }
    }

    fn view(f: ClusterFilter) -> ViewKind {
        ViewKind::Clusters(f)
    }

    fn only(rows: &[[&'static str; 6]], keep: impl Fn(&str) -> bool) -> Vec<[&'static str; 6]> {
        rows.iter().filter(|r| keep(&name_of(r))).copied().collect()
    }

    fn filtered(f: ClusterFilter) -> String {
        render(&view(f), &dump(SIDECAR), Format::Short)
    }

    #[test]
    fn sidecar_table_is_every_active_and_static_cluster_sorted_by_fqdn_subset_port_direction() {
        let out = render(
            &view(ClusterFilter::default()),
            &dump(SIDECAR),
            Format::Short,
        );
        assert_table(&out, 5, HEADER, &SIDECAR_ROWS);
    }

    #[test]
    fn gateway_table() {
        let out = render(
            &view(ClusterFilter::default()),
            &dump(GATEWAY),
            Format::Short,
        );
        assert_table(&out, 5, HEADER, &GATEWAY_ROWS);
    }

    #[test]
    fn padding_is_five_spaces_after_the_widest_cell() {
        let out = filtered(ClusterFilter {
            fqdn: Some("customers".into()),
            subset: Some("v2".into()),
            ..Default::default()
        });
        // "SERVICE FQDN" is 12 wide, the FQDN 35: its column is 40 wide; "SUBSET" 6 → 11.
        assert_eq!(
            out,
            "SERVICE FQDN                            PORT     SUBSET     DIRECTION     TYPE     DESTINATION RULE\n\
             customers.default.svc.cluster.local     80       v2         outbound      EDS      customers.default\n"
        );
    }

    #[test]
    fn the_warming_cluster_is_never_shown_in_short_output() {
        let out = render(
            &view(ClusterFilter::default()),
            &dump(SIDECAR),
            Format::Short,
        );
        assert!(!out.contains("payments.payments"), "{out}");
    }

    #[test]
    fn fqdn_filter_is_a_substring_test_on_the_whole_name() {
        let out = filtered(ClusterFilter {
            fqdn: Some("customers".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &SIDECAR_ROWS[7..10]);

        // quirk: any part of the name matches, e.g. the namespace of several services...
        let out = filtered(ClusterFilter {
            fqdn: Some("default".into()),
            ..Default::default()
        });
        let expected = only(&SIDECAR_ROWS, |n| n.contains("default"));
        assert_eq!(expected.len(), 6);
        assert_table(&out, 5, HEADER, &expected);

        // ... or the direction part.
        let out = filtered(ClusterFilter {
            fqdn: Some("outbound".into()),
            ..Default::default()
        });
        let expected = only(&SIDECAR_ROWS, |n| n.starts_with("outbound|"));
        assert_eq!(expected.len(), 11);
        assert_table(&out, 5, HEADER, &expected);
    }

    #[test]
    fn direction_filter_is_a_case_sensitive_substring_test() {
        let out = filtered(ClusterFilter {
            direction: Some("inbound".into()),
            ..Default::default()
        });
        // `InboundPassthroughClusterIpv4` does not contain `inbound`.
        assert_table(&out, 5, HEADER, &SIDECAR_ROWS[0..2]);

        let out = filtered(ClusterFilter {
            direction: Some("Passthrough".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &SIDECAR_ROWS[3..6]);
    }

    #[test]
    fn subset_filter_is_a_substring_test_on_the_whole_name() {
        let out = filtered(ClusterFilter {
            subset: Some("v1".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &SIDECAR_ROWS[8..9]);

        // quirk: `svc` is in every service FQDN, with or without a subset.
        let out = filtered(ClusterFilter {
            subset: Some("svc".into()),
            ..Default::default()
        });
        let expected = only(&SIDECAR_ROWS, |n| n.contains("svc"));
        assert_eq!(expected.len(), 11);
        assert_table(&out, 5, HEADER, &expected);
    }

    #[test]
    fn port_filter_is_the_substring_pipe_port_pipe() {
        let out = filtered(ClusterFilter {
            port: Some(80),
            ..Default::default()
        });
        // `|80|` is in neither `inbound|8080||` nor `outbound|9080||...`.
        let expected = [
            SIDECAR_ROWS[7],
            SIDECAR_ROWS[8],
            SIDECAR_ROWS[9],
            SIDECAR_ROWS[19],
        ];
        assert_table(&out, 5, HEADER, &expected);

        let out = filtered(ClusterFilter {
            port: Some(8080),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &SIDECAR_ROWS[0..1]);

        let out = filtered(ClusterFilter {
            port: Some(443),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &SIDECAR_ROWS[13..15]);
    }

    #[test]
    fn filters_combine() {
        let out = filtered(ClusterFilter {
            fqdn: Some("customers".into()),
            port: Some(80),
            direction: Some("outbound".into()),
            subset: Some("v1".into()),
        });
        assert_table(&out, 5, HEADER, &SIDECAR_ROWS[8..9]);
    }

    #[test]
    fn a_filter_that_matches_nothing_prints_the_header_only() {
        let out = filtered(ClusterFilter {
            fqdn: Some("customers".into()),
            direction: Some("inbound".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &[]);
    }

    #[rustfmt::skip]
    const WIDE_HEADER: [&str; 15] = ["SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE", "STATE", "LB POLICY", "CONNECT TIMEOUT", "TLS", "ENDPOINTS", "RQ TOTAL", "RQ 5XX", "CX ACTIVE", "HEALTH"];

    #[test]
    fn wide_adds_state_lb_policy_timeout_tls_and_endpoint_counts_and_shows_warming_clusters() {
        let out = render(
            &view(ClusterFilter::default()),
            &dump(SIDECAR),
            Format::Wide,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines.len(),
            1 + SIDECAR_ROWS.len() + 1,
            "one more row: the warming cluster\n{out}"
        );
        // Rows are the short rows plus five cells and four counters, `-` offline; the layout
        // is checked as a whole below.
        let cells = |fqdn_port_subset: (&str, &str, &str)| -> Vec<String> {
            let row = lines
                .iter()
                .find(|l| {
                    let w: Vec<&str> = l.split_whitespace().collect();
                    w.len() >= 3
                        && w[0] == fqdn_port_subset.0
                        && w[1] == fqdn_port_subset.1
                        && w[2] == fqdn_port_subset.2
                })
                .unwrap_or_else(|| panic!("no row for {fqdn_port_subset:?}\n{out}"));
            row.split_whitespace().map(String::from).collect()
        };
        // outbound|80||customers: LEAST_REQUEST, 10s, Istio's auto-mTLS socket matches, 3
        // endpoints of which one is UNHEALTHY.
        assert_eq!(
            cells(("customers.default.svc.cluster.local", "80", "-"))[5..],
            [
                "ACTIVE",
                "LEAST_REQUEST",
                "10s",
                "mTLS/plaintext",
                "2/3",
                "-",
                "-",
                "-",
                "-"
            ]
        );
        assert_eq!(
            cells(("customers.default.svc.cluster.local", "80", "v1"))[6..],
            [
                "ACTIVE",
                "LEAST_REQUEST",
                "10s",
                "mTLS/plaintext",
                "1/2",
                "-",
                "-",
                "-",
                "-"
            ]
        );
        // legacy-billing has one transport socket presenting a client certificate.
        assert_eq!(
            cells(("legacy-billing.payments.svc.cluster.local", "443", "-"))[5..],
            [
                "ACTIVE",
                "LEAST_REQUEST",
                "10s",
                "mTLS",
                "1/1",
                "-",
                "-",
                "-",
                "-"
            ]
        );
        // The warming cluster is there, with its state and no endpoints known.
        assert_eq!(
            cells(("payments.payments.svc.cluster.local", "8443", "-"))[4..],
            [
                "EDS",
                "WARMING",
                "LEAST_REQUEST",
                "10s",
                "mTLS",
                "-",
                "-",
                "-",
                "-",
                "-"
            ]
        );
        // Static clusters say so; no lb_policy is Envoy's default ROUND_ROBIN.
        assert_eq!(
            cells(("agent", "-", "-"))[4..],
            [
                "STATIC",
                "STATIC",
                "ROUND_ROBIN",
                "1s",
                "-",
                "1/1",
                "-",
                "-",
                "-",
                "-"
            ]
        );
        // ratings: one UNHEALTHY (DRAINING in EDS) and one DEGRADED endpoint.
        assert_eq!(
            cells(("ratings.default.svc.cluster.local", "9080", "-"))[9],
            "0/2"
        );
        // The layout is Go's, padding 5.
        let table: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| split_by_columns(l, &column_starts(lines[0], &WIDE_HEADER)))
            .collect();
        assert_same_text(&out, &layout(5, &table));
    }

    /// Where each header cell starts in a header line.
    pub fn column_starts(header_line: &str, header: &[&str]) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut from = 0;
        for h in header {
            let at = header_line[from..].find(h).expect("header cell") + from;
            starts.push(at);
            from = at + h.len();
        }
        starts
    }

    /// A line cut at the column starts, each cell trimmed.
    pub fn split_by_columns<'l>(line: &'l str, starts: &[usize]) -> Vec<&'l str> {
        let mut cells = Vec::new();
        for (i, start) in starts.iter().enumerate() {
            let end = starts
                .get(i + 1)
                .copied()
                .unwrap_or(line.len())
                .min(line.len());
            let start = (*start).min(line.len());
            cells.push(line[start..end].trim_end());
        }
        cells
    }

    #[test]
    fn type_is_static_when_absent_and_for_cluster_type_clusters() {
        // Every fixture cluster names its type; take two away, give one a `cluster_type`.
        let text = std::fs::read_to_string(fixture(GATEWAY, "config_dump.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for section in value["configs"].as_array_mut().unwrap() {
            for entry in section["dynamic_active_clusters"]
                .as_array_mut()
                .into_iter()
                .flatten()
            {
                let cluster = entry["cluster"].as_object_mut().unwrap();
                match cluster["name"].as_str().unwrap() {
                    "outbound|3000||grafana.monitoring.svc.cluster.local" => {
                        cluster.remove("type");
                    }
                    "outbound|80||customers.default.svc.cluster.local" => {
                        cluster.remove("type");
                        cluster.insert(
                            "cluster_type".into(),
                            serde_json::json!({"name": "envoy.clusters.aggregate"}),
                        );
                    }
                    _ => {}
                }
            }
        }
        let doc = Document::from_bytes(value.to_string().into_bytes(), "typeless".into()).unwrap();
        let out = render(&view(ClusterFilter::default()), &doc, Format::Short);
        let mut expected = GATEWAY_ROWS;
        expected[2][4] = "STATIC";
        expected[3][4] = "STATIC";
        assert_table(&out, 5, HEADER, &expected);
    }

    #[test]
    fn empty_cluster_list_is_no_clusters_found() {
        let text = std::fs::read_to_string(fixture(SIDECAR, "config_dump.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for section in value["configs"].as_array_mut().unwrap() {
            if section["@type"]
                .as_str()
                .unwrap()
                .ends_with("ClustersConfigDump")
            {
                let object = section.as_object_mut().unwrap();
                object.remove("static_clusters");
                object.remove("dynamic_active_clusters");
            }
        }
        let doc = Document::from_bytes(value.to_string().into_bytes(), "emptied".into()).unwrap();
        let e = render_err(&view(ClusterFilter::default()), &doc, Format::Short);
        assert_eq!(e.message, "no clusters found");
        assert_eq!(e.code(), meshctl::error::Exit::Input);
    }
}

// ---------------------------------------------------------------------------------------------
// Listeners
// ---------------------------------------------------------------------------------------------

mod listeners {
    use super::*;

    const HEADER: [&str; 4] = ["ADDRESSES", "PORT", "MATCH", "DESTINATION"];

    /// (listener name, row). Listeners sorted by port, then address, then type; the chains of
    /// one listener by DESTINATION, descending (byte order), ties in input order: Go's
    /// sort.Slice is an insertion sort up to 12 elements, and virtualInbound has 12 chains.
    /// The BlackHoleCluster tcp_proxy chains decide nothing: `Non-HTTP/Non-TCP`. Inline route
    /// configs with one `*` vhost and one `/` route show their cluster, `Cluster: ` first
    /// unless the name holds `Cluster` (`Cluster: inbound|8080||`, which sorts last);
    /// others are described.
    #[rustfmt::skip]
    pub const SIDECAR_ROWS: [(&str, [&str; 4]); 26] = [
        ("10.43.0.10_53",    ["10.43.0.10",  "53",    "ALL",                                                                      "Cluster: outbound|53||kube-dns.kube-system.svc.cluster.local"]),
        ("0.0.0.0_80",       ["0.0.0.0",     "80",    "Trans: raw_buffer; App: HTTP",                                             "Route: 80"]),
        ("0.0.0.0_80",       ["0.0.0.0",     "80",    "ALL",                                                                      "PassthroughCluster"]),
        ("0.0.0.0_8080",     ["0.0.0.0",     "8080",  "Trans: raw_buffer; App: HTTP",                                             "Route: 8080"]),
        ("0.0.0.0_8080",     ["0.0.0.0",     "8080",  "ALL",                                                                      "PassthroughCluster"]),
        ("10.43.91.14_9080", ["10.43.91.14", "9080",  "Trans: raw_buffer; App: HTTP",                                             "Route: ratings.default.svc.cluster.local:9080"]),
        ("10.43.91.14_9080", ["10.43.91.14", "9080",  "ALL",                                                                      "Cluster: outbound|9080||ratings.default.svc.cluster.local"]),
        ("0.0.0.0_9411",     ["0.0.0.0",     "9411",  "ALL",                                                                      "Inline Route: zipkin.istio-system.svc.cluster.local/zipkin.istio-system /api/v2/spans*, /health"]),
        ("virtualOutbound",  ["0.0.0.0",     "15001", "ALL",                                                                      "PassthroughCluster"]),
        ("virtualOutbound",  ["0.0.0.0",     "15001", "Addr: *:15001",                                                            "Non-HTTP/Non-TCP"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Addr: *:15006",                                                            "Non-HTTP/Non-TCP"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Addr: 10.42.0.15/32:15020",                                                "Non-HTTP/Non-TCP"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: tls; App: Istio HTTP Plain; Addr: *:9090",                          "Inline Route: /metrics, regex ^/debug/.*, /*"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: raw_buffer; Addr: *:9090",                                          "Inline Route: /metrics, regex ^/debug/.*, /*"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: raw_buffer; Addr: ::0/0",                                           "InboundPassthroughClusterIpv6"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: tls; App: istio-http/1.0,istio-http/1.1,istio-h2; Addr: 0.0.0.0/0", "InboundPassthroughClusterIpv4"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: raw_buffer; App: HTTP; Addr: 0.0.0.0/0",                            "InboundPassthroughClusterIpv4"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: tls; App: TCP TLS; Addr: 0.0.0.0/0",                                "InboundPassthroughClusterIpv4"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: raw_buffer; Addr: 0.0.0.0/0",                                       "InboundPassthroughClusterIpv4"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: tls; App: istio-http/1.0,istio-http/1.1,istio-h2; Addr: *:8080",    "Cluster: inbound|8080||"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: tls; App: HTTP TLS; Addr: *:8081",                                  "Cluster: inbound|8080||"]),
        ("virtualInbound",   ["0.0.0.0",     "15006", "Trans: raw_buffer; Addr: *:8080",                                          "Cluster: inbound|8080||"]),
        ("0.0.0.0_15010",    ["0.0.0.0",     "15010", "Trans: raw_buffer; App: HTTP",                                             "Route: 15010"]),
        ("0.0.0.0_15010",    ["0.0.0.0",     "15010", "ALL",                                                                      "PassthroughCluster"]),
        ("0.0.0.0_15021",    ["0.0.0.0",     "15021", "ALL",                                                                      "Inline Route: /healthz/ready*"]),
        ("0.0.0.0_15090",    ["0.0.0.0",     "15090", "ALL",                                                                      "Inline Route: /stats/prometheus*; localhost/127.0.0.1 /ready, regex ^/debug/(config|syncz)$"]),
    ];

    /// The gateway's SNI chains, by destination descending: `Route: https.443.https-legacy...`
    /// sorts after (above) `...https-frontend...`, both above `Cluster: ...`.
    #[rustfmt::skip]
    pub const GATEWAY_ROWS: [(&str, [&str; 4]); 6] = [
        ("0.0.0.0_8080",  ["0.0.0.0", "8080",  "ALL",                                          "Route: http.8080"]),
        ("0.0.0.0_8443",  ["0.0.0.0", "8443",  "SNI: legacy.bigbang.dev",                      "Route: https.443.https-legacy.public.istio-system"]),
        ("0.0.0.0_8443",  ["0.0.0.0", "8443",  "SNI: frontend.bigbang.dev,*.apps.bigbang.dev", "Route: https.443.https-frontend.public.istio-system"]),
        ("0.0.0.0_8443",  ["0.0.0.0", "8443",  "SNI: grafana.bigbang.dev",                     "Cluster: outbound|3000||grafana.monitoring.svc.cluster.local"]),
        ("0.0.0.0_15021", ["0.0.0.0", "15021", "ALL",                                          "Inline Route: /healthz/ready*"]),
        ("0.0.0.0_15090", ["0.0.0.0", "15090", "ALL",                                          "Inline Route: /stats/prometheus*; localhost/127.0.0.1 /ready, regex ^/debug/(config|syncz)$"]),
    ];

    pub fn rows<const N: usize>(rows: &[(&str, [&'static str; N])]) -> Vec<[&'static str; N]> {
        rows.iter().map(|(_, r)| *r).collect()
    }

    pub fn all_listeners() -> ListenerFilter {
        ListenerFilter {
            address: None,
            port: None,
            listener_type: None,
            verbose: true,
        }
    }

    fn view(f: ListenerFilter) -> ViewKind {
        ViewKind::Listeners(f)
    }

    fn sidecar(f: ListenerFilter) -> String {
        render(&view(f), &dump(SIDECAR), Format::Short)
    }

    #[test]
    fn seed_rows_for_port_80() {
        let out = sidecar(ListenerFilter {
            port: Some(80),
            ..all_listeners()
        });
        assert_eq!(
            out,
            "ADDRESSES PORT MATCH                        DESTINATION\n\
             0.0.0.0   80   Trans: raw_buffer; App: HTTP Route: 80\n\
             0.0.0.0   80   ALL                          PassthroughCluster\n"
        );
    }

    #[test]
    fn sidecar_table_is_one_row_per_chain_of_active_and_static_listeners() {
        let out = sidecar(all_listeners());
        assert_table(&out, 1, HEADER, &rows(&SIDECAR_ROWS));
    }

    #[test]
    fn gateway_table_describes_sni_chains() {
        let out = render(&view(all_listeners()), &dump(GATEWAY), Format::Short);
        assert_table(&out, 1, HEADER, &rows(&GATEWAY_ROWS));
    }

    #[test]
    fn warming_and_draining_listeners_are_not_in_short_output() {
        let out = sidecar(all_listeners());
        assert!(
            !out.contains(" 8443 "),
            "warming 0.0.0.0_8443 shown:\n{out}"
        );
        assert!(
            !out.contains("10.43.0.1 "),
            "draining 10.43.0.1_443 shown:\n{out}"
        );
    }

    #[test]
    fn address_filter_is_exact_on_the_address() {
        let out = sidecar(ListenerFilter {
            address: Some("10.43.91.14".into()),
            ..all_listeners()
        });
        assert_table(&out, 1, HEADER, &rows(&SIDECAR_ROWS[5..7]));

        let out = sidecar(ListenerFilter {
            address: Some("0.0.0.0".into()),
            ..all_listeners()
        });
        let expected: Vec<[&str; 4]> = rows(&SIDECAR_ROWS)
            .into_iter()
            .filter(|r| r[0] == "0.0.0.0")
            .collect();
        assert_eq!(expected.len(), 23);
        assert_table(&out, 1, HEADER, &expected);

        // Not a prefix or substring test.
        let out = sidecar(ListenerFilter {
            address: Some("10.43.91".into()),
            ..all_listeners()
        });
        assert_table(&out, 1, HEADER, &[]);
    }

    #[test]
    fn port_filter_is_exact() {
        let out = sidecar(ListenerFilter {
            port: Some(15001),
            ..all_listeners()
        });
        assert_table(&out, 1, HEADER, &rows(&SIDECAR_ROWS[8..10]));
        // No listener on 808 even though 8080 starts with it.
        let out = sidecar(ListenerFilter {
            port: Some(808),
            ..all_listeners()
        });
        assert_table(&out, 1, HEADER, &[]);
    }

    #[test]
    fn type_filter_is_exact_and_case_insensitive() {
        // HTTP listeners: only an HTTP connection manager (9411 and the two static ones).
        let out = sidecar(ListenerFilter {
            listener_type: Some("http".into()),
            ..all_listeners()
        });
        let expected = [SIDECAR_ROWS[7].1, SIDECAR_ROWS[24].1, SIDECAR_ROWS[25].1];
        assert_table(&out, 1, HEADER, &expected);

        // TCP: a tcp_proxy not to BlackHoleCluster, no HCM (53, and 15001 whose other chain goes
        // to BlackHoleCluster).
        let out = sidecar(ListenerFilter {
            listener_type: Some("TCP".into()),
            ..all_listeners()
        });
        let expected = [SIDECAR_ROWS[0].1, SIDECAR_ROWS[8].1, SIDECAR_ROWS[9].1];
        assert_table(&out, 1, HEADER, &expected);

        let out = sidecar(ListenerFilter {
            listener_type: Some("Http+Tcp".into()),
            port: Some(15006),
            ..all_listeners()
        });
        assert_table(&out, 1, HEADER, &rows(&SIDECAR_ROWS[10..22]));

        let out = sidecar(ListenerFilter {
            listener_type: Some("UNKNOWN".into()),
            ..all_listeners()
        });
        assert_table(&out, 1, HEADER, &[]);
    }

    const TERSE_HEADER: [&str; 3] = ["ADDRESSES", "PORT", "TYPE"];

    /// `--verbose=false`: one row per listener, with its type.
    #[rustfmt::skip]
    pub const SIDECAR_TERSE: [[&str; 3]; 10] = [
        ["10.43.0.10",  "53",    "TCP"],
        ["0.0.0.0",     "80",    "HTTP+TCP"],
        ["0.0.0.0",     "8080",  "HTTP+TCP"],
        ["10.43.91.14", "9080",  "HTTP+TCP"],
        ["0.0.0.0",     "9411",  "HTTP"],
        ["0.0.0.0",     "15001", "TCP"],
        ["0.0.0.0",     "15006", "HTTP+TCP"],
        ["0.0.0.0",     "15010", "HTTP+TCP"],
        ["0.0.0.0",     "15021", "HTTP"],
        ["0.0.0.0",     "15090", "HTTP"],
    ];

    #[test]
    fn verbose_false_is_one_row_per_listener_with_its_type() {
        let out = sidecar(ListenerFilter {
            verbose: false,
            ..all_listeners()
        });
        assert_table(&out, 1, TERSE_HEADER, &SIDECAR_TERSE);

        let out = render(
            &view(ListenerFilter {
                verbose: false,
                ..all_listeners()
            }),
            &dump(GATEWAY),
            Format::Short,
        );
        #[rustfmt::skip]
        assert_table(&out, 1, TERSE_HEADER, &[
            ["0.0.0.0", "8080",  "HTTP"],
            ["0.0.0.0", "8443",  "HTTP+TCP"],
            ["0.0.0.0", "15021", "HTTP"],
            ["0.0.0.0", "15090", "HTTP"],
        ]);
    }

    #[test]
    fn wide_shows_warming_and_draining_listeners_with_their_state() {
        let out = render(
            &view(ListenerFilter {
                verbose: false,
                ..all_listeners()
            }),
            &dump(SIDECAR),
            Format::Wide,
        );
        // Offline, the connection counters are `-`.
        let mut expected: Vec<[&str; 6]> = SIDECAR_TERSE
            .iter()
            .map(|r| {
                let state = if r[1] == "15021" || r[1] == "15090" {
                    "STATIC"
                } else {
                    "ACTIVE"
                };
                [r[0], r[1], r[2], state, "-", "-"]
            })
            .collect();
        // In port order: the draining 10.43.0.1_443 after 80, the warming 8443 after 8080.
        expected.insert(2, ["10.43.0.1", "443", "TCP", "DRAINING", "-", "-"]);
        expected.insert(4, ["0.0.0.0", "8443", "HTTP+TCP", "WARMING", "-", "-"]);
        #[rustfmt::skip]
        let header = ["ADDRESSES", "PORT", "TYPE", "STATE", "CX ACTIVE", "CX TOTAL"];
        assert_table(&out, 1, header, &expected);
    }

    #[test]
    fn wide_chain_rows_name_the_chain_source_tls_and_filters() {
        let out = render(
            &view(ListenerFilter {
                port: Some(15006),
                ..all_listeners()
            }),
            &dump(SIDECAR),
            Format::Wide,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 13, "{out}");
        #[rustfmt::skip]
        let header = ["ADDRESSES", "PORT", "MATCH", "DESTINATION", "STATE", "CHAIN", "SOURCE", "TLS", "FILTERS", "CX ACTIVE", "CX TOTAL"];
        let starts = clusters::column_starts(lines[0], &header);
        let table: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| clusters::split_by_columns(l, &starts))
            .collect();
        assert_same_text(&out, &layout(1, &table));
        // The short columns are the short table's.
        for (row, (_, short)) in table[1..].iter().zip(&SIDECAR_ROWS[10..22]) {
            assert_eq!(row[..4], short[..]);
            assert_eq!(row[4], "ACTIVE");
        }
        // TLS chains require client certificates (mTLS); plain ones have no transport socket.
        assert_eq!(
            table[10][5..],
            [
                "0.0.0.0_8080",
                "-",
                "mTLS",
                "http_connection_manager",
                "-",
                "-"
            ]
        );
        assert_eq!(
            table[12][5..],
            [
                "0.0.0.0_8080",
                "-",
                "-",
                "http_connection_manager",
                "-",
                "-"
            ]
        );
        assert_eq!(
            table[1][5..],
            ["virtualInbound-blackhole", "-", "-", "tcp_proxy", "-", "-"]
        );
        // The raw_buffer 9090 chain only accepts sources from the pod network.
        #[rustfmt::skip]
        assert_eq!(table[4][5..], ["0.0.0.0_9090", "10.42.0.0/16", "-", "http_connection_manager", "-", "-"]);
    }

    #[test]
    fn gateway_wide_tells_tls_from_mtls() {
        let out = render(
            &view(ListenerFilter {
                port: Some(8443),
                ..all_listeners()
            }),
            &dump(GATEWAY),
            Format::Wide,
        );
        let lines: Vec<&str> = out.lines().collect();
        #[rustfmt::skip]
        let header = ["ADDRESSES", "PORT", "MATCH", "DESTINATION", "STATE", "CHAIN", "SOURCE", "TLS", "FILTERS", "CX ACTIVE", "CX TOTAL"];
        let starts = clusters::column_starts(lines[0], &header);
        let table: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| clusters::split_by_columns(l, &starts))
            .collect();
        // legacy requires client certificates, frontend does not, grafana is passed through.
        assert_eq!(table[1][2], "SNI: legacy.bigbang.dev");
        assert_eq!(table[1][7], "mTLS");
        assert_eq!(table[2][2], "SNI: frontend.bigbang.dev,*.apps.bigbang.dev");
        assert_eq!(table[2][7], "TLS");
        assert_eq!(table[3][7], "-");
        assert_eq!(table[3][8], "tcp_proxy");
    }

    #[test]
    fn a_filter_that_matches_nothing_prints_the_header_only() {
        let out = sidecar(ListenerFilter {
            address: Some("192.0.2.1".into()),
            ..all_listeners()
        });
        assert_table(&out, 1, HEADER, &[]);
    }

    #[test]
    fn empty_listener_list_is_no_listeners_found() {
        let text = std::fs::read_to_string(fixture(GATEWAY, "config_dump.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for section in value["configs"].as_array_mut().unwrap() {
            if section["@type"]
                .as_str()
                .unwrap()
                .ends_with("ListenersConfigDump")
            {
                let object = section.as_object_mut().unwrap();
                object.remove("static_listeners");
                object.remove("dynamic_listeners");
            }
        }
        let doc = Document::from_bytes(value.to_string().into_bytes(), "emptied".into()).unwrap();
        let e = render_err(&view(all_listeners()), &doc, Format::Short);
        assert_eq!(e.message, "no listeners found");
    }
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

mod routes {
    use super::*;

    const HEADER: [&str; 5] = ["NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE"];

    /// The rows of each route configuration (NAME left out), by a key: its name, or for the
    /// unnamed inline configs of the static listeners, its first virtual host's first route.
    /// Routes to exactly PassthroughCluster (the `allow_any` vhosts) are left out; a vhost
    /// without routes is `/*  404`. DOMAINS: ports dropped, then `h.svc.cluster.local` and
    /// `h.svc` dropped when `h` is listed, then `d0, d1 + N more...`.
    #[rustfmt::skip]
    fn rows_of(key: &str) -> Vec<[&'static str; 4]> {
        match key {
            "ratings.default.svc.cluster.local:9080" => vec![
                ["ratings.default.svc.cluster.local:9080",        "ratings, ratings.default.svc.cluster + 2 more...",            "/ratings*",                     "ratings.default"],
                ["ratings.default.svc.cluster.local:9080",        "ratings, ratings.default.svc.cluster + 2 more...",            "/*",                            "ratings.default"],
            ],
            "80" => vec![
                ["customers.default.svc.cluster.local:80",        "customers, customers.default.svc.cluster + 2 more...",        "/api/v2/customers",             "customers.default"],
                ["customers.default.svc.cluster.local:80",        "customers, customers.default.svc.cluster + 2 more...",        "regex ^/api/customers/[0-9]+$", "customers.default"],
                ["customers.default.svc.cluster.local:80",        "customers, customers.default.svc.cluster + 2 more...",        "/legacy/*",                     "customers.default"],
                ["customers.default.svc.cluster.local:80",        "customers, customers.default.svc.cluster + 2 more...",        "/healthz",                      "customers.default"],
                ["customers.default.svc.cluster.local:80",        "customers, customers.default.svc.cluster + 2 more...",        "/*",                            "customers.default"],
                ["web-frontend.default.svc.cluster.local:80",     "web-frontend, web-frontend.default.svc.cluster + 2 more...",  "/*",                            ""],
            ],
            "8080" => vec![
                ["metrics-api.monitoring.svc.cluster.local:8080", "metrics-api, metrics-api.monitoring.svc.cluster + 2 more...", "/*",                            ""],
                ["retired.default.svc.cluster.local:8080",        "retired.default.svc.cluster.local",                           "/*",                            "404"],
            ],
            "15010" => vec![
                ["istiod.istio-system.svc.cluster.local:15010",   "istiod, istiod.istio-system.svc.cluster + 2 more...",         "/*",                            ""],
            ],
            "inbound|http|0" => vec![
                ["inbound|http|0",                                "*",                                                           "/*",                            ""],
            ],
            "zipkin-inline" => vec![
                ["zipkin.istio-system.svc.cluster.local:9411",    "zipkin.istio-system",                                         "/api/v2/spans*",                ""],
                ["zipkin.istio-system.svc.cluster.local:9411",    "zipkin.istio-system",                                         "/health",                       ""],
            ],
            "inbound|8080||" => vec![
                ["inbound|http|8080",                             "*",                                                           "/*",                            ""],
            ],
            "inbound|9090||" => vec![
                ["inbound|http|9090",                             "*",                                                           "/metrics",                      ""],
                ["inbound|http|9090",                             "*",                                                           "regex ^/debug/.*",              ""],
                ["inbound|http|9090",                             "*",                                                           "/*",                            ""],
            ],
            // The agent's static listeners 15090 and 15021.
            "/stats/prometheus" => vec![
                ["backend",                                       "*",                                                           "/stats/prometheus*",            ""],
                ["local-debug",                                   "localhost, 127.0.0.1",                                        "/ready",                        ""],
                ["local-debug",                                   "localhost, 127.0.0.1",                                        "regex ^/debug/(config|syncz)$", ""],
            ],
            "/healthz/ready" => vec![
                ["backend",                                       "*",                                                           "/healthz/ready*",               ""],
            ],
            // Gateway: `host:*` is a host with a (wildcard) port, dropped like `host:80`.
            "https.443.https-legacy.public.istio-system" => vec![
                ["legacy.bigbang.dev:443",                        "legacy.bigbang.dev",                                          "/*",                            "legacy.istio-system"],
            ],
            "http.8080" => vec![
                ["frontend.bigbang.dev:80",                       "frontend.bigbang.dev",                                        "/*",                            "web-frontend.default"],
                ["legacy.bigbang.dev:80",                         "legacy.bigbang.dev",                                          "/*",                            "legacy.istio-system"],
                ["blackhole:80",                                  "*",                                                           "/*",                            ""],
            ],
            "https.443.https-frontend.public.istio-system" => vec![
                ["frontend.bigbang.dev:443",                      "frontend.bigbang.dev",                                        "/api/customers*",               "web-frontend.default"],
                ["frontend.bigbang.dev:443",                      "frontend.bigbang.dev",                                        "/*",                            "web-frontend.default"],
                ["*.apps.bigbang.dev:443",                        "*.apps.bigbang.dev",                                          "/*",                            "web-frontend.default"],
            ],
            other => panic!("no expected rows for route config {other:?}"),
        }
    }

    /// Virtual hosts per route config, `allow_any` (routes only to PassthroughCluster) included.
    fn vhost_count(key: &str) -> usize {
        match key {
            "80" | "8080" => 3,
            "15010" | "/stats/prometheus" => 2,
            _ => 1,
        }
    }

    /// The route configs of a dump in input order (dynamic, then static), as (name, key).
    fn configs_in_dump_order(scenario: &str) -> Vec<(String, String)> {
        let section = section_value(scenario, "RoutesConfigDump");
        let mut configs = Vec::new();
        for field in ["dynamic_route_configs", "static_route_configs"] {
            for entry in section[field].as_array().into_iter().flatten() {
                let config = &entry["route_config"];
                let name = config["name"].as_str().unwrap_or("").to_string();
                let key = if name.is_empty() {
                    let first = &config["virtual_hosts"][0]["routes"][0]["match"]["prefix"];
                    first.as_str().unwrap_or("").to_string()
                } else {
                    name.clone()
                };
                configs.push((name, key));
            }
        }
        configs
    }

    /// The spec's order: Go's `sort.Slice` of the dump's route configs with istioctl's
    /// less-function (both names Go integers and a < b, else false). The permutation comes from
    /// meshctl's port of sort.Slice with the xorshift of the Go that builds istioctl, which
    /// `go_sort.rs` proves against Go's own; on this fixture the two Go xorshifts give
    /// different orders, so the machine's Go cannot be asked directly.
    fn expected_order(configs: Vec<(String, String)>) -> Vec<(String, String)> {
        let number = |name: &str| name.parse::<i64>().ok();
        let mut ordered = configs;
        meshctl::gosort::slice(&mut ordered, |a, b| match (number(&a.0), number(&b.0)) {
            (Some(x), Some(y)) => x < y,
            _ => false,
        });
        ordered
    }

    fn expected_table(scenario: &str) -> Vec<Vec<String>> {
        let mut table = vec![HEADER.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
        for (name, key) in expected_order(configs_in_dump_order(scenario)) {
            for row in rows_of(&key) {
                let mut cells = vec![name.clone()];
                cells.extend(row.iter().map(|c| c.to_string()));
                table.push(cells);
            }
        }
        table
    }

    pub fn all_routes() -> RouteFilter {
        RouteFilter {
            name: None,
            verbose: true,
        }
    }

    fn view(f: RouteFilter) -> ViewKind {
        ViewKind::Routes(f)
    }

    #[test]
    fn sidecar_table_is_one_row_per_route_in_go_sort_order() {
        let configs = configs_in_dump_order(SIDECAR);
        // More than 12: Go's sort.Slice is a pdqsort here, not an insertion sort, and
        // istioctl's comparator gives up on the non-numeric names.
        assert_eq!(configs.len(), 14, "4 dynamic and 10 inline route configs");
        let out = render(&view(all_routes()), &dump(SIDECAR), Format::Short);
        assert_same_text(&out, &layout(5, &expected_table(SIDECAR)));
    }

    #[test]
    fn gateway_table_drops_domains_with_a_wildcard_port() {
        let out = render(&view(all_routes()), &dump(GATEWAY), Format::Short);
        assert_same_text(&out, &layout(5, &expected_table(GATEWAY)));
    }

    #[test]
    fn name_filter_is_exact() {
        let out = render(
            &view(RouteFilter {
                name: Some("80".into()),
                ..all_routes()
            }),
            &dump(SIDECAR),
            Format::Short,
        );
        let rows: Vec<[&str; 5]> = rows_of("80")
            .into_iter()
            .map(|r| ["80", r[0], r[1], r[2], r[3]])
            .collect();
        assert_table(&out, 5, HEADER, &rows);

        // `8` is neither 80 nor 8080; nothing matches, the header stays.
        let out = render(
            &view(RouteFilter {
                name: Some("8".into()),
                ..all_routes()
            }),
            &dump(SIDECAR),
            Format::Short,
        );
        assert_table(&out, 5, HEADER, &[]);
    }

    #[test]
    fn name_filter_keeps_every_config_of_that_name() {
        let out = render(
            &view(RouteFilter {
                name: Some("inbound|9090||".into()),
                ..all_routes()
            }),
            &dump(SIDECAR),
            Format::Short,
        );
        let once: Vec<[&str; 5]> = rows_of("inbound|9090||")
            .into_iter()
            .map(|r| ["inbound|9090||", r[0], r[1], r[2], r[3]])
            .collect();
        let twice: Vec<[&str; 5]> = once.iter().chain(&once).copied().collect();
        assert_table(&out, 5, HEADER, &twice);
    }

    #[test]
    fn verbose_false_counts_virtual_hosts() {
        let out = render(
            &view(RouteFilter {
                name: None,
                verbose: false,
            }),
            &dump(SIDECAR),
            Format::Short,
        );
        let mut expected = vec![vec!["NAME".to_string(), "VIRTUAL HOSTS".to_string()]];
        for (name, key) in expected_order(configs_in_dump_order(SIDECAR)) {
            expected.push(vec![name, vhost_count(&key).to_string()]);
        }
        assert_same_text(&out, &layout(5, &expected));
    }

    #[test]
    fn wide_adds_action_timeout_and_retries() {
        let out = render(
            &view(RouteFilter {
                name: Some("80".into()),
                ..all_routes()
            }),
            &dump(SIDECAR),
            Format::Wide,
        );
        #[rustfmt::skip]
        let header = ["NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE", "ACTION", "TIMEOUT", "RETRIES"];
        let lines: Vec<&str> = out.lines().collect();
        let starts = clusters::column_starts(lines[0], &header);
        let table: Vec<Vec<&str>> = lines
            .iter()
            .map(|l| clusters::split_by_columns(l, &starts))
            .collect();
        assert_same_text(&out, &layout(5, &table));
        assert_eq!(table.len(), 7, "{out}");
        for (row, short) in table[1..].iter().zip(rows_of("80")) {
            assert_eq!(row[1..5], short[..]);
        }
        let retry =
            "2x connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";
        // The canary: both weighted clusters with their weights.
        assert!(
            table[1][5].contains("outbound|80|v1|customers.default.svc.cluster.local"),
            "{}",
            table[1][5]
        );
        assert!(table[1][5].contains("80"), "{}", table[1][5]);
        assert!(
            table[1][5].contains("outbound|80|v2|customers.default.svc.cluster.local"),
            "{}",
            table[1][5]
        );
        assert!(table[1][5].contains("20"), "{}", table[1][5]);
        assert_eq!(table[1][6..], ["0s", retry]);
        #[rustfmt::skip]
        assert_eq!(table[2][5..], ["outbound|80|v1|customers.default.svc.cluster.local", "5s", "3x 5xx,reset"]);
        assert_eq!(table[3][5], "redirect");
        assert_eq!(table[4][5], "direct response 200");
        assert_eq!(
            table[5][5..],
            [
                "outbound|80||customers.default.svc.cluster.local",
                "0s",
                retry
            ]
        );
    }

    #[test]
    fn empty_route_list_is_no_routes_found() {
        let text = std::fs::read_to_string(fixture(GATEWAY, "config_dump.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for section in value["configs"].as_array_mut().unwrap() {
            if section["@type"]
                .as_str()
                .unwrap()
                .ends_with("RoutesConfigDump")
            {
                let object = section.as_object_mut().unwrap();
                object.remove("static_route_configs");
                object.remove("dynamic_route_configs");
            }
        }
        let doc = Document::from_bytes(value.to_string().into_bytes(), "emptied".into()).unwrap();
        let e = render_err(&view(all_routes()), &doc, Format::Short);
        assert_eq!(e.message, "no routes found");
    }

    /// The sidecar's route table with `all`'s `route/` prefix on the names.
    pub fn expected_sidecar_table_in_all(verbose: bool) -> Vec<Vec<String>> {
        let mut table = if verbose {
            expected_table(SIDECAR)
        } else {
            let mut t = vec![vec!["NAME".to_string(), "VIRTUAL HOSTS".to_string()]];
            for (name, key) in expected_order(configs_in_dump_order(SIDECAR)) {
                t.push(vec![name, vhost_count(&key).to_string()]);
            }
            t
        };
        for row in &mut table[1..] {
            row[0] = format!("route/{}", row[0]);
        }
        table
    }

    pub fn expected_sidecar_table_named(name: &str) -> Vec<Vec<String>> {
        let mut table = vec![HEADER.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
        for row in rows_of(name) {
            let mut cells = vec![format!("route/{name}")];
            cells.extend(row.iter().map(|c| c.to_string()));
            table.push(cells);
        }
        table
    }
}

// ---------------------------------------------------------------------------------------------
// Endpoints (`endpoint`, from /clusters?format=json or a dump) and EDS
// ---------------------------------------------------------------------------------------------

mod endpoints {
    use super::*;

    const HEADER: [&str; 4] = ["ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER"];

    /// Every host of `clusters.json`, sorted by address (as a string), port (as a number), then
    /// cluster. Pipes show as `unix://path`, without a port. No host failed an outlier check.
    #[rustfmt::skip]
    pub const SIDECAR_ROWS: [[&str; 4]; 21] = [
        ["10.42.0.15:8080",                                     "HEALTHY",   "OK", "outbound|80||web-frontend.default.svc.cluster.local"],
        ["10.42.0.3:53",                                        "HEALTHY",   "OK", "outbound|53||kube-dns.kube-system.svc.cluster.local"],
        ["10.42.1.28:3000",                                     "HEALTHY",   "OK", "outbound|80|v1|customers.default.svc.cluster.local"],
        ["10.42.1.28:3000",                                     "HEALTHY",   "OK", "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.1.31:3000",                                     "UNHEALTHY", "OK", "outbound|80|v1|customers.default.svc.cluster.local"],
        ["10.42.1.31:3000",                                     "UNHEALTHY", "OK", "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.2.21:9080",                                     "DRAINING",  "OK", "outbound|9080||ratings.default.svc.cluster.local"],
        ["10.42.2.22:9080",                                     "DEGRADED",  "OK", "outbound|9080||ratings.default.svc.cluster.local"],
        ["10.42.2.4:53",                                        "HEALTHY",   "OK", "outbound|53||kube-dns.kube-system.svc.cluster.local"],
        ["10.42.2.9:15010",                                     "HEALTHY",   "OK", "outbound|15010||istiod.istio-system.svc.cluster.local"],
        ["10.42.2.9:15012",                                     "HEALTHY",   "OK", "outbound|15012||istiod.istio-system.svc.cluster.local"],
        ["10.42.3.44:3000",                                     "HEALTHY",   "OK", "outbound|80|v2|customers.default.svc.cluster.local"],
        ["10.42.3.44:3000",                                     "HEALTHY",   "OK", "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.4.7:8443",                                      "HEALTHY",   "OK", "outbound|443||legacy-billing.payments.svc.cluster.local"],
        ["127.0.0.1:9090",                                      "HEALTHY",   "OK", "inbound|9090||"],
        ["127.0.0.1:9411",                                      "HEALTHY",   "OK", "outbound|9411||zipkin.istio-system.svc.cluster.local"],
        ["127.0.0.1:15000",                                     "HEALTHY",   "OK", "prometheus_stats"],
        ["127.0.0.1:15020",                                     "HEALTHY",   "OK", "agent"],
        ["172.18.0.2:6443",                                     "HEALTHY",   "OK", "outbound|443||kubernetes.default.svc.cluster.local"],
        ["unix://./etc/istio/proxy/XDS",                        "HEALTHY",   "OK", "xds-grpc"],
        ["unix://./var/run/secrets/workload-spiffe-uds/socket", "HEALTHY",   "OK", "sds-grpc"],
    ];

    #[rustfmt::skip]
    pub const GATEWAY_ROWS: [[&str; 4]; 8] = [
        ["10.42.0.15:8080",                                     "HEALTHY",   "OK", "outbound|80||web-frontend.default.svc.cluster.local"],
        ["10.42.1.28:3000",                                     "HEALTHY",   "OK", "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.3.44:3000",                                     "UNHEALTHY", "OK", "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.5.12:3000",                                     "HEALTHY",   "OK", "outbound|3000||grafana.monitoring.svc.cluster.local"],
        ["127.0.0.1:15000",                                     "HEALTHY",   "OK", "prometheus_stats"],
        ["127.0.0.1:15020",                                     "HEALTHY",   "OK", "agent"],
        ["unix://./etc/istio/proxy/XDS",                        "HEALTHY",   "OK", "xds-grpc"],
        ["unix://./var/run/secrets/workload-spiffe-uds/socket", "HEALTHY",   "OK", "sds-grpc"],
    ];

    fn view(f: EndpointFilter) -> ViewKind {
        ViewKind::Endpoints(f)
    }

    fn sidecar(f: EndpointFilter) -> String {
        render(&view(f), &clusters_json(SIDECAR), Format::Short)
    }

    fn pick(indices: &[usize]) -> Vec<[&'static str; 4]> {
        indices.iter().map(|i| SIDECAR_ROWS[*i]).collect()
    }

    #[test]
    fn sidecar_table_from_clusters_json() {
        assert_table(
            &sidecar(EndpointFilter::default()),
            5,
            HEADER,
            &SIDECAR_ROWS,
        );
    }

    #[test]
    fn gateway_table_from_clusters_json() {
        let out = render(
            &view(EndpointFilter::default()),
            &clusters_json(GATEWAY),
            Format::Short,
        );
        assert_table(&out, 5, HEADER, &GATEWAY_ROWS);
    }

    #[test]
    fn address_filter_takes_the_bare_address_case_insensitively_or_ip_port() {
        let bare = sidecar(EndpointFilter {
            address: Some("10.42.1.28".into()),
            ..Default::default()
        });
        assert_table(&bare, 5, HEADER, &pick(&[2, 3]));
        let with_port = sidecar(EndpointFilter {
            address: Some("10.42.1.28:3000".into()),
            ..Default::default()
        });
        assert_eq!(with_port, bare);
        // Equality, not a prefix.
        let none = sidecar(EndpointFilter {
            address: Some("10.42.1.2".into()),
            ..Default::default()
        });
        assert_table(&none, 5, HEADER, &[]);
        let pipe = sidecar(EndpointFilter {
            address: Some("UNIX://./etc/istio/proxy/XDS".into()),
            ..Default::default()
        });
        assert_table(&pipe, 5, HEADER, &pick(&[19]));
    }

    #[test]
    fn port_cluster_and_status_filters() {
        let out = sidecar(EndpointFilter {
            port: Some(3000),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &pick(&[2, 3, 4, 5, 11, 12]));

        // The cluster name is compared whole, ignoring case.
        let out = sidecar(EndpointFilter {
            cluster: Some("OUTBOUND|80||Customers.default.svc.cluster.local".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &pick(&[3, 5, 12]));
        let out = sidecar(EndpointFilter {
            cluster: Some("customers".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &[]);

        let out = sidecar(EndpointFilter {
            status: Some("DRAINING".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &pick(&[6]));

        let out = sidecar(EndpointFilter {
            port: Some(3000),
            status: Some("UNHEALTHY".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &pick(&[4, 5]));
    }

    #[test]
    fn failed_outlier_check_shows_failed() {
        // The capture has no ejected host; mark one, as Envoy reports an ejection.
        let text = std::fs::read_to_string(fixture(GATEWAY, "clusters.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut marked = 0;
        for cluster in value["cluster_statuses"].as_array_mut().unwrap() {
            if cluster["name"] == "outbound|80||customers.default.svc.cluster.local" {
                for host in cluster["host_statuses"].as_array_mut().unwrap() {
                    if host["address"]["socket_address"]["address"] == "10.42.3.44" {
                        host["health_status"]["failed_outlier_check"] = true.into();
                        marked += 1;
                    }
                }
            }
        }
        assert_eq!(marked, 1);
        let doc = Document::from_bytes(value.to_string().into_bytes(), "ejected".into()).unwrap();
        let out = render(&view(EndpointFilter::default()), &doc, Format::Short);
        let mut expected = GATEWAY_ROWS;
        expected[2][2] = "FAILED";
        assert_table(&out, 5, HEADER, &expected);
    }

    #[test]
    fn a_config_dump_gives_eds_health_and_an_unknown_outlier_state() {
        let out = render(
            &view(EndpointFilter::default()),
            &dump(SIDECAR),
            Format::Short,
        );
        // Same hosts and order; the dump's EDS health is Envoy's coarse health (DRAINING is
        // UNHEALTHY there) and outlier detection is not in a dump at all.
        let expected: Vec<[&str; 4]> = SIDECAR_ROWS
            .iter()
            .map(|r| {
                let status = if r[1] == "DRAINING" {
                    "UNHEALTHY"
                } else {
                    r[1]
                };
                [r[0], status, "UNKNOWN", r[3]]
            })
            .collect();
        assert_table(&out, 5, HEADER, &expected);

        let out = render(
            &view(EndpointFilter {
                address: Some("10.42.3.44".into()),
                ..Default::default()
            }),
            &dump(GATEWAY),
            Format::Short,
        );
        #[rustfmt::skip]
        assert_table(&out, 5, HEADER, &[
            ["10.42.3.44:3000", "UNHEALTHY", "UNKNOWN", "outbound|80||customers.default.svc.cluster.local"],
        ]);
    }
}

mod eds {
    use super::*;

    const HEADER: [&str; 4] = ["NAME", "STATUS", "LOCALITY", "CLUSTER"];

    /// Load assignments sorted like clusters (inbound|9090|| with its empty FQDN first; the
    /// clusters without endpoints have no rows), endpoints in their input order. Locality is
    /// Istio's `LocalityToString`: region, `/zone` if any, then `/sub_zone` if any. Pipes are
    /// bare paths (only the `/clusters` view writes `unix://`). Health is what the dump says:
    /// Envoy's coarse health (UNKNOWN in EDS is HEALTHY here, DRAINING is UNHEALTHY).
    #[rustfmt::skip]
    pub const SIDECAR_ROWS: [[&str; 4]; 21] = [
        ["127.0.0.1:9090",                                      "HEALTHY",   "",                           "inbound|9090||"],
        ["127.0.0.1:15020",                                     "HEALTHY",   "",                           "agent"],
        ["10.42.1.28:3000",                                     "HEALTHY",   "us-east1/us-east1-b/rack-7", "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.1.31:3000",                                     "UNHEALTHY", "us-east1/us-east1-b/rack-7", "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.3.44:3000",                                     "HEALTHY",   "us-east1/us-east1-c",        "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.1.28:3000",                                     "HEALTHY",   "us-east1/us-east1-b/rack-7", "outbound|80|v1|customers.default.svc.cluster.local"],
        ["10.42.1.31:3000",                                     "UNHEALTHY", "us-east1/us-east1-b/rack-7", "outbound|80|v1|customers.default.svc.cluster.local"],
        ["10.42.3.44:3000",                                     "HEALTHY",   "us-east1/us-east1-c",        "outbound|80|v2|customers.default.svc.cluster.local"],
        ["10.42.2.9:15010",                                     "HEALTHY",   "us-east1/us-east1-c",        "outbound|15010||istiod.istio-system.svc.cluster.local"],
        ["10.42.2.9:15012",                                     "HEALTHY",   "us-east1/us-east1-c",        "outbound|15012||istiod.istio-system.svc.cluster.local"],
        ["10.42.0.3:53",                                        "HEALTHY",   "us-east1/us-east1-b/rack-7", "outbound|53||kube-dns.kube-system.svc.cluster.local"],
        ["10.42.2.4:53",                                        "HEALTHY",   "us-east1/us-east1-c",        "outbound|53||kube-dns.kube-system.svc.cluster.local"],
        ["172.18.0.2:6443",                                     "HEALTHY",   "",                           "outbound|443||kubernetes.default.svc.cluster.local"],
        ["10.42.4.7:8443",                                      "HEALTHY",   "us-east1/us-east1-b/rack-7", "outbound|443||legacy-billing.payments.svc.cluster.local"],
        ["127.0.0.1:15000",                                     "HEALTHY",   "",                           "prometheus_stats"],
        ["10.42.2.21:9080",                                     "UNHEALTHY", "us-east1/us-east1-c",        "outbound|9080||ratings.default.svc.cluster.local"],
        ["10.42.2.22:9080",                                     "DEGRADED",  "us-east1/us-east1-c",        "outbound|9080||ratings.default.svc.cluster.local"],
        ["./var/run/secrets/workload-spiffe-uds/socket",        "HEALTHY",   "",                           "sds-grpc"],
        ["10.42.0.15:8080",                                     "HEALTHY",   "us-east1/us-east1-b/rack-7", "outbound|80||web-frontend.default.svc.cluster.local"],
        ["./etc/istio/proxy/XDS",                               "HEALTHY",   "",                           "xds-grpc"],
        ["127.0.0.1:9411",                                      "HEALTHY",   "",                           "outbound|9411||zipkin.istio-system.svc.cluster.local"],
    ];

    #[rustfmt::skip]
    pub const GATEWAY_ROWS: [[&str; 4]; 8] = [
        ["127.0.0.1:15020",                                     "HEALTHY",   "",                           "agent"],
        ["10.42.3.44:3000",                                     "UNHEALTHY", "us-east1/us-east1-c",        "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.1.28:3000",                                     "HEALTHY",   "us-east1/us-east1-b/rack-7", "outbound|80||customers.default.svc.cluster.local"],
        ["10.42.5.12:3000",                                     "HEALTHY",   "us-east1/us-east1-c",        "outbound|3000||grafana.monitoring.svc.cluster.local"],
        ["127.0.0.1:15000",                                     "HEALTHY",   "",                           "prometheus_stats"],
        ["./var/run/secrets/workload-spiffe-uds/socket",        "HEALTHY",   "",                           "sds-grpc"],
        ["10.42.0.15:8080",                                     "HEALTHY",   "us-east1/us-east1-b/rack-7", "outbound|80||web-frontend.default.svc.cluster.local"],
        ["./etc/istio/proxy/XDS",                               "HEALTHY",   "",                           "xds-grpc"],
    ];

    fn view(f: EndpointFilter) -> ViewKind {
        ViewKind::Eds(f)
    }

    fn sidecar(f: EndpointFilter) -> String {
        render(&view(f), &dump(SIDECAR), Format::Short)
    }

    fn pick(indices: &[usize]) -> Vec<[&'static str; 4]> {
        indices.iter().map(|i| SIDECAR_ROWS[*i]).collect()
    }

    #[test]
    fn sidecar_table_sorted_like_clusters_with_locality() {
        assert_table(
            &sidecar(EndpointFilter::default()),
            5,
            HEADER,
            &SIDECAR_ROWS,
        );
    }

    #[test]
    fn gateway_table() {
        let out = render(
            &view(EndpointFilter::default()),
            &dump(GATEWAY),
            Format::Short,
        );
        assert_table(&out, 5, HEADER, &GATEWAY_ROWS);
    }

    #[test]
    fn address_filter_takes_ip_port_and_also_a_bare_ip() {
        let with_port = sidecar(EndpointFilter {
            address: Some("10.42.1.28:3000".into()),
            ..Default::default()
        });
        assert_table(&with_port, 5, HEADER, &pick(&[2, 5]));
        // istioctl's quirk (a bare IP never matches) is not kept.
        let bare = sidecar(EndpointFilter {
            address: Some("10.42.1.28".into()),
            ..Default::default()
        });
        assert_eq!(bare, with_port);
        let other_port = sidecar(EndpointFilter {
            address: Some("10.42.1.28:80".into()),
            ..Default::default()
        });
        assert_table(&other_port, 5, HEADER, &[]);
    }

    #[test]
    fn port_cluster_and_status_filters() {
        let out = sidecar(EndpointFilter {
            port: Some(53),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &pick(&[10, 11]));

        let out = sidecar(EndpointFilter {
            cluster: Some("outbound|80|v1|customers.default.svc.cluster.local".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &pick(&[5, 6]));

        let out = sidecar(EndpointFilter {
            status: Some("UNHEALTHY".into()),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &pick(&[3, 6, 15]));

        let out = sidecar(EndpointFilter {
            status: Some("HEALTHY".into()),
            port: Some(9080),
            ..Default::default()
        });
        assert_table(&out, 5, HEADER, &[]);
    }

    #[test]
    fn a_dump_without_eds_is_an_empty_table() {
        let text = std::fs::read_to_string(fixture(SIDECAR, "config_dump.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["configs"].as_array_mut().unwrap().retain(|s| {
            !s["@type"]
                .as_str()
                .unwrap()
                .ends_with("EndpointsConfigDump")
        });
        let doc = Document::from_bytes(value.to_string().into_bytes(), "no-eds".into()).unwrap();
        let out = render(&view(EndpointFilter::default()), &doc, Format::Short);
        assert_table(&out, 5, HEADER, &[]);
    }
}

// ---------------------------------------------------------------------------------------------
// Secrets, ECDS, bootstrap
// ---------------------------------------------------------------------------------------------

mod secrets {
    use super::*;

    #[rustfmt::skip]
    pub const HEADER: [&str; 7] = ["RESOURCE NAME", "TYPE", "STATUS", "VALID CERT", "SERIAL NUMBER", "NOT AFTER", "NOT BEFORE"];

    /// The mesh root (`ROOTCA`, `kubernetes://legacy-cert-cacert`, the SPIFFE `cluster.local`
    /// bundle) at `NOW` (2025-06-15): a CA, 2024 to 2124.
    #[rustfmt::skip]
    const MESH_ROOT: [&str; 5] = ["CA",         "true",  "55dac0fb0355f5cbc52b558b63562475", "2124-01-01T00:00:00Z", "2024-01-01T00:00:00Z"];
    /// The `remote.example` root of the SPIFFE validator.
    #[rustfmt::skip]
    const REMOTE_ROOT: [&str; 5] = ["CA",         "true",  "77bc7e712143ca4242da86b0018cf719", "2124-01-01T00:00:00Z", "2024-01-01T00:00:00Z"];

    /// One secret's rows at `NOW`, without the name and status, with the trust domain. Serials
    /// are the certificates' (32 lower-case hex digits, zero-padded: `07744ccc...`), dates
    /// RFC 3339 UTC. A chain shows its first certificate, the leaf (`Cert Chain`: not a CA),
    /// whose trust domain is its `spiffe://` URI SAN's host. The SPIFFE validator has one row
    /// per trust domain, named by it. The warming secret never arrived: no certificate, so no
    /// TYPE, VALID CERT false, nothing else. `kubernetes://legacy-client-cert` is the one
    /// `inline_string` secret: meshctl reads it (spec §7.1; istioctl shows an empty row).
    #[rustfmt::skip]
    pub fn rows_of(scenario: &str, name: &str) -> Vec<[&'static str; 6]> {
        let with = |r: [&'static str; 5], domain: &'static str| [r[0], r[1], r[2], r[3], r[4], domain];
        match (scenario, name) {
            (_, "ROOTCA") | (_, "kubernetes://legacy-cert-cacert") => vec![with(MESH_ROOT, "")],
            (SIDECAR, "kubernetes://payments-client-cert") => vec![
                ["",           "false", "",                                 "",                     "",                     ""],
            ],
            (SIDECAR, "default") => vec![
                ["Cert Chain", "true",  "07744ccc64553209367cc35038542723", "2120-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "cluster.local"],
            ],
            (SIDECAR, "kubernetes://legacy-client-cert") => vec![
                ["Cert Chain", "false", "7f43b20a0152299195219c4ede36a42f", "2021-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "cluster.local"],
            ],
            (SIDECAR, "kubernetes://federated-roots") => vec![
                with(MESH_ROOT, "cluster.local"),
                with(REMOTE_ROOT, "remote.example"),
            ],
            (GATEWAY, "default") => vec![
                ["Cert Chain", "true",  "5c5cbc0285b4863817a1916a5c94653d", "2120-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "cluster.local"],
            ],
            // DNS names only: no trust domain.
            (GATEWAY, "kubernetes://legacy-cert") => vec![
                ["Cert Chain", "false", "3fc81ed018056398b8068ad25e74b83f", "2020-06-01T00:00:00Z", "2019-06-01T00:00:00Z", ""],
            ],
            (GATEWAY, "kubernetes://frontend-cert") => vec![
                ["Cert Chain", "true",  "655518fe9c760ab99707cf5b9768bc37", "2120-01-01T00:00:00Z", "2025-01-01T00:00:00Z", ""],
            ],
            other => panic!("no expected rows for secret {other:?}"),
        }
    }

    /// The expected table of a secrets section (as edited): warming secrets first, then active
    /// ones, each list in the dump's order (Envoy's hash order); the TRUST DOMAIN column only
    /// when every row has one.
    pub fn expected_of(
        scenario: &str,
        section: &serde_json::Value,
        prefix: &str,
    ) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        for (field, state) in [
            ("dynamic_warming_secrets", "WARMING"),
            ("dynamic_active_secrets", "ACTIVE"),
        ] {
            for entry in section[field].as_array().into_iter().flatten() {
                let name = entry["name"].as_str().unwrap();
                for r in rows_of(scenario, name) {
                    let mut cells = vec![
                        format!("{prefix}{name}"),
                        r[0].to_string(),
                        state.to_string(),
                    ];
                    cells.extend(r[1..].iter().map(|c| c.to_string()));
                    rows.push(cells);
                }
            }
        }
        let with_domain = rows.iter().all(|r| !r[7].is_empty());
        let mut header: Vec<String> = HEADER.iter().map(|c| c.to_string()).collect();
        if with_domain {
            header.push("TRUST DOMAIN".to_string());
        }
        for r in &mut rows {
            if !with_domain {
                r.truncate(7);
            }
        }
        std::iter::once(header).chain(rows).collect()
    }

    pub fn expected_table(scenario: &str, prefix: &str) -> Vec<Vec<String>> {
        expected_of(
            scenario,
            &section_value(scenario, "SecretsConfigDump"),
            prefix,
        )
    }

    #[test]
    fn sidecar_table_lists_the_warming_secret_first_then_active_ones() {
        let out = render(&ViewKind::Secrets, &dump(SIDECAR), Format::Short);
        let expected = expected_table(SIDECAR, "");
        assert_eq!(expected.len(), 1 + 6);
        assert_eq!(
            expected[0].len(),
            7,
            "the warming secret has no trust domain"
        );
        assert_eq!(expected[1][0], "kubernetes://payments-client-cert");
        assert_same_text(&out, &layout(5, &expected));
    }

    #[test]
    fn gateway_table_marks_the_expired_certificate() {
        let out = render(&ViewKind::Secrets, &dump(GATEWAY), Format::Short);
        assert_same_text(&out, &layout(5, &expected_table(GATEWAY, "")));
    }

    /// The sidecar's secrets as the dump lists them, edited.
    fn sidecar_with(edit: impl FnOnce(&mut serde_json::Value)) -> (Document, serde_json::Value) {
        let mut section = section_value(SIDECAR, "SecretsConfigDump");
        edit(&mut section);
        let kept = section.clone();
        let doc = edited::dump_with(SIDECAR, "SecretsConfigDump", |s| *s = section);
        (doc, kept)
    }

    fn keep_active(section: &mut serde_json::Value, names: &[&str]) {
        section
            .as_object_mut()
            .unwrap()
            .remove("dynamic_warming_secrets");
        section["dynamic_active_secrets"]
            .as_array_mut()
            .unwrap()
            .retain(|e| names.contains(&e["name"].as_str().unwrap()));
        assert_eq!(
            section["dynamic_active_secrets"].as_array().unwrap().len(),
            names.len()
        );
    }

    fn active<'v>(section: &'v mut serde_json::Value, name: &str) -> &'v mut serde_json::Value {
        section["dynamic_active_secrets"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|e| e["name"] == name)
            .unwrap()
    }

    /// TRUST DOMAIN appears when every row has one: the SPIFFE validator's names, and the
    /// workload certificate's `spiffe://cluster.local/...` URI SAN. A CA without one hides it.
    #[test]
    fn trust_domain_column_when_every_row_has_one() {
        let (doc, section) = sidecar_with(|s| {
            keep_active(
                s,
                &[
                    "default",
                    "kubernetes://federated-roots",
                    "kubernetes://legacy-client-cert",
                ],
            )
        });
        let out = render(&ViewKind::Secrets, &doc, Format::Short);
        let expected = expected_of(SIDECAR, &section, "");
        assert_eq!(expected[0].last().unwrap(), "TRUST DOMAIN");
        assert_same_text(&out, &layout(5, &expected));

        let (doc, section) = sidecar_with(|s| keep_active(s, &["default", "ROOTCA"]));
        let out = render(&ViewKind::Secrets, &doc, Format::Short);
        let expected = expected_of(SIDECAR, &section, "");
        assert_eq!(expected[0].len(), 7);
        assert_same_text(&out, &layout(5, &expected));
    }

    /// The SPIFFE rows take the inner secret's name; other rows the entry's.
    #[test]
    fn spiffe_rows_are_named_by_the_inner_secret() {
        let (doc, section) = sidecar_with(|s| {
            keep_active(s, &["kubernetes://federated-roots", "ROOTCA"]);
            active(s, "kubernetes://federated-roots")["name"] = "entry-name".into();
            active(s, "ROOTCA")["secret"]["name"] = "inner-name".into();
        });
        let out = render(&ViewKind::Secrets, &doc, Format::Short);
        let names: Vec<&str> = out
            .lines()
            .skip(1)
            .map(|l| l.split(' ').next().unwrap())
            .collect();
        let mut expected = Vec::new();
        for entry in section["dynamic_active_secrets"].as_array().unwrap() {
            match entry["name"].as_str().unwrap() {
                "entry-name" => expected.extend(["kubernetes://federated-roots"; 2]),
                name => expected.push(name),
            }
        }
        assert_eq!(names, expected, "{out}");
    }

    /// The validator is read only when neither the chain nor `trusted_ca` has data, and only
    /// when its `@type` is exactly the SPIFFE one.
    #[test]
    fn spiffe_validator_only_without_other_data_and_by_its_exact_type() {
        let ca_bytes = section_value(SIDECAR, "SecretsConfigDump")["dynamic_active_secrets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == "ROOTCA")
            .unwrap()["secret"]["validation_context"]["trusted_ca"]
            .clone();
        let (doc, _) = sidecar_with(|s| {
            keep_active(s, &["kubernetes://federated-roots"]);
            active(s, "kubernetes://federated-roots")["secret"]["validation_context"]
                ["trusted_ca"] = ca_bytes;
        });
        let out = render(&ViewKind::Secrets, &doc, Format::Short);
        #[rustfmt::skip]
        assert_table(&out, 5, HEADER, &[
            ["kubernetes://federated-roots", "CA", "ACTIVE", MESH_ROOT[1], MESH_ROOT[2], MESH_ROOT[3], MESH_ROOT[4]],
        ]);
        let (doc, _) = sidecar_with(|s| {
            keep_active(s, &["kubernetes://federated-roots"]);
            active(s, "kubernetes://federated-roots")["secret"]["validation_context"]
                ["custom_validator_config"]["typed_config"]["@type"] =
                "example.com/envoy.extensions.transport_sockets.tls.v3.SPIFFECertValidatorConfig"
                    .into();
        });
        let out = render(&ViewKind::Secrets, &doc, Format::Short);
        #[rustfmt::skip]
        assert_table(&out, 5, HEADER, &[
            ["kubernetes://federated-roots", "", "ACTIVE", "false", "", "", ""],
        ]);
    }

    /// A secret has one row: the chain's first certificate, else the trusted CA's.
    #[test]
    fn a_secret_with_a_chain_and_a_trusted_ca_has_one_row_from_the_chain() {
        let (doc, _) = sidecar_with(|s| {
            keep_active(s, &["default", "ROOTCA"]);
            let ca = active(s, "ROOTCA")["secret"]["validation_context"].clone();
            active(s, "default")["secret"]["validation_context"] = ca;
            // An empty chain counts as none.
            active(s, "ROOTCA")["secret"]["tls_certificate"] =
                serde_json::json!({"certificate_chain": {"inline_bytes": ""}});
        });
        let out = render(&ViewKind::Secrets, &doc, Format::Short);
        let kinds: Vec<(&str, &str)> = out
            .lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split("     ").filter(|c| !c.is_empty()).collect();
                (cells[0].trim(), cells[1].trim())
            })
            .collect();
        let mut kinds = kinds;
        kinds.sort();
        assert_eq!(
            kinds,
            [("ROOTCA", "CA"), ("default", "Cert Chain")],
            "{out}"
        );
    }

    #[test]
    fn valid_cert_is_strictly_between_not_before_and_not_after() {
        // kubernetes://legacy-client-cert: 2020-01-01T00:00:00Z to 2021-01-01T00:00:00Z.
        let (not_before, not_after) = (1_577_836_800, 1_609_459_200);
        for (now, expected) in [
            (not_before - 1, "false"),
            (not_before, "false"),
            (not_before + 1, "true"),
            (not_after - 1, "true"),
            (not_after, "false"),
        ] {
            let out = render_at(&ViewKind::Secrets, &dump(SIDECAR), Format::Short, now);
            let valid: Vec<(String, String)> = layout_rows(&out)
                .into_iter()
                .map(|cells| (cells[0].clone(), cells[3].clone()))
                .collect();
            assert_eq!(valid.len(), 6);
            for (name, is_valid) in &valid {
                let want = if name == "kubernetes://legacy-client-cert" {
                    expected
                } else {
                    "false"
                };
                assert_eq!(is_valid, want, "{name} at {now}\n{out}");
            }
        }
    }

    /// The cells of a 7-column secrets table, cut at the header's column starts.
    fn layout_rows(out: &str) -> Vec<Vec<String>> {
        let lines: Vec<&str> = out.lines().collect();
        let starts = clusters::column_starts(lines[0], &HEADER);
        lines[1..]
            .iter()
            .map(|l| {
                clusters::split_by_columns(l, &starts)
                    .into_iter()
                    .map(String::from)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn no_secrets_is_a_message() {
        let doc = edited::dump_with(GATEWAY, "SecretsConfigDump", |s| {
            s.as_object_mut().unwrap().remove("dynamic_active_secrets");
        });
        let out = render(&ViewKind::Secrets, &doc, Format::Short);
        assert_eq!(out, "No active or warming secrets found.\n");
        // Static secrets never show.
        let doc = edited::dump_with(GATEWAY, "SecretsConfigDump", |s| {
            let entries = s
                .as_object_mut()
                .unwrap()
                .remove("dynamic_active_secrets")
                .unwrap();
            s["static_secrets"] = entries;
        });
        let out = render(&ViewKind::Secrets, &doc, Format::Short);
        assert_eq!(out, "No active or warming secrets found.\n");
    }

    /// Secrets listed, but none gives a row: a SPIFFE validator without trust domains.
    #[test]
    fn no_rows_is_another_message() {
        let (doc, _) = sidecar_with(|s| {
            keep_active(s, &["kubernetes://federated-roots"]);
            active(s, "kubernetes://federated-roots")["secret"]["validation_context"]
                ["custom_validator_config"]["typed_config"]
                .as_object_mut()
                .unwrap()
                .remove("trust_domains");
        });
        let out = render(&ViewKind::Secrets, &doc, Format::Short);
        assert_eq!(out, "No secret items to show.\n");
    }

    /// An unreadable secret fails the command, named; istioctl says `warming` for every list.
    #[test]
    fn an_unreadable_secret_fails_naming_it() {
        let fails = |edit: &dyn Fn(&mut serde_json::Value), prefix: &str| {
            let doc = edited::dump_with(SIDECAR, "SecretsConfigDump", |s| edit(s));
            let e = render_err(&ViewKind::Secrets, &doc, Format::Short);
            assert!(e.message.starts_with(prefix), "{}", e.message);
            assert_eq!(e.code(), meshctl::error::Exit::Input);
        };
        fails(
            &|s| {
                s["dynamic_warming_secrets"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("secret");
            },
            "failed building warming secret kubernetes://payments-client-cert: ",
        );
        fails(
            &|s| active(s, "ROOTCA")["secret"]["validation_context"] = "text".into(),
            "failed building warming secret ROOTCA: ",
        );
        fails(
            &|s| {
                active(s, "default")["secret"]["tls_certificate"]["certificate_chain"]
                    ["inline_bytes"] = "not base64!".into()
            },
            "failed building warming secret default: ",
        );
        fails(
            &|s| {
                active(s, "kubernetes://federated-roots")["secret"]["validation_context"]
                    ["custom_validator_config"]["typed_config"]["trust_domains"] = 7.into()
            },
            "failed building warming secret kubernetes://federated-roots: error unmarshaling spiffe config: ",
        );
    }

    #[test]
    fn json_and_yaml_without_a_secrets_section_name_the_sidecar() {
        let doc = missing_sections::without("SecretsConfigDump");
        let plain = "config dump has no configuration type type.googleapis.com/envoy.admin.v3.SecretsConfigDump";
        for format in [Format::Json, Format::Yaml] {
            let e = render_err(&ViewKind::Secrets, &doc, format);
            assert_eq!(
                e.message,
                format!("sidecar doesn't support secrets: {plain}"),
                "{format:?}"
            );
        }
        let e = render_err(&ViewKind::Secrets, &doc, Format::Short);
        assert_eq!(e.message, plain);
    }
}

mod ecds {
    use super::*;

    #[test]
    fn sidecar_ecds_sections_are_merged_and_sorted_by_type_then_name() {
        let out = render(&ViewKind::Ecds, &dump(SIDECAR), Format::Short);
        #[rustfmt::skip]
        assert_table(&out, 5, ["ECDS NAME", "TYPE"], &[
            ["default.inbound-ratelimit",             "envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit"],
            ["istio-system.inbound-connection-limit", "envoy.extensions.filters.listener.local_ratelimit.v3.LocalRateLimit"],
        ]);
    }

    /// The sidecar's dump with `edit` applied to the ECDS filters of every ECDS section, in
    /// dump order (the HTTP rate limit, then the listener one).
    fn filters_with(edit: impl FnOnce(&mut [&mut serde_json::Value])) -> Document {
        let text = std::fs::read_to_string(fixture(SIDECAR, "config_dump.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut filters: Vec<&mut serde_json::Value> = value["configs"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .filter(|s| s["@type"] == "type.googleapis.com/envoy.admin.v3.EcdsConfigDump")
            .flat_map(|s| s["ecds_filters"].as_array_mut().unwrap().iter_mut())
            .map(|f| &mut f["ecds_filter"])
            .collect();
        assert_eq!(filters.len(), 2);
        edit(&mut filters);
        Document::from_bytes(value.to_string().into_bytes(), "edited".into()).unwrap()
    }

    const HTTP_TYPE: &str =
        "type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit";

    #[test]
    fn rows_sort_by_type_before_name() {
        let doc = filters_with(|f| f[1]["name"] = "a.connection-limit".into());
        let out = render(&ViewKind::Ecds, &doc, Format::Short);
        #[rustfmt::skip]
        assert_table(&out, 5, ["ECDS NAME", "TYPE"], &[
            ["default.inbound-ratelimit", "envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit"],
            ["a.connection-limit",        "envoy.extensions.filters.listener.local_ratelimit.v3.LocalRateLimit"],
        ]);
        // One type: by name, against the dump's order.
        let doc = filters_with(|f| {
            f[0]["name"] = "z.last".into();
            f[1]["typed_config"]["@type"] = HTTP_TYPE.into();
        });
        let out = render(&ViewKind::Ecds, &doc, Format::Short);
        #[rustfmt::skip]
        assert_table(&out, 5, ["ECDS NAME", "TYPE"], &[
            ["istio-system.inbound-connection-limit", "envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit"],
            ["z.last",                                "envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit"],
        ]);
    }

    /// Only a leading `type.googleapis.com/` goes; another prefix stays, and no type is empty.
    /// Rows sort by the whole type URL: `example.com/...` before `type.googleapis.com/...`.
    #[test]
    fn type_is_the_type_url_without_the_google_prefix_only() {
        let http = [
            "default.inbound-ratelimit",
            &HTTP_TYPE["type.googleapis.com/".len()..],
        ];
        let other = |shown| ["istio-system.inbound-connection-limit", shown];
        for (url, rows) in [
            (
                Some("example.com/foo.Bar"),
                [other("example.com/foo.Bar"), http],
            ),
            (
                Some("type.googleapis.com/type.googleapis.com/foo.Bar"),
                [http, other("type.googleapis.com/foo.Bar")],
            ),
            (Some("type.googleapis.com/a.B"), [other("a.B"), http]),
            (Some("foo.Bar"), [other("foo.Bar"), http]),
            (None, [other(""), http]),
        ] {
            let doc = filters_with(|f| match url {
                Some(url) => f[1]["typed_config"]["@type"] = url.into(),
                None => {
                    f[1].as_object_mut().unwrap().remove("typed_config");
                }
            });
            let out = render(&ViewKind::Ecds, &doc, Format::Short);
            assert_table(&out, 5, ["ECDS NAME", "TYPE"], &rows);
        }
    }

    #[test]
    fn an_undecodable_filter_fails() {
        let doc = filters_with(|f| f[1]["name"] = serde_json::json!(["not", "a", "name"]));
        let e = render_err(&ViewKind::Ecds, &doc, Format::Short);
        assert!(
            e.message
                .starts_with("failed to retrieve TypedExtensionConfig: "),
            "{}",
            e.message
        );
        assert_eq!(e.code(), meshctl::error::Exit::Input);
    }

    #[test]
    fn gateway_has_no_ecds_section() {
        let e = render_err(&ViewKind::Ecds, &dump(GATEWAY), Format::Short);
        assert_eq!(
            e.message,
            "config dump has no configuration type type.googleapis.com/envoy.admin.v3.EcdsConfigDump"
        );
        assert_eq!(e.code(), meshctl::error::Exit::Input);
    }
}

mod bootstrap {
    use super::*;

    #[rustfmt::skip]
    pub fn summary(scenario: &str) -> Vec<[&'static str; 2]> {
        let mut rows = vec![["Istio Version:", "1.24.2"]];
        if scenario == SIDECAR {
            rows.push(["Istio Proxy Version:", "b1d2a0c4e5f60718293a4b5c6d7e8f9012345678"]);
        }
        // Envoy reports 1.40 without a patch number: 0.
        rows.push(["Envoy Version:", "1.40.0/Clean/RELEASE/BoringSSL"]);
        rows
    }

    #[test]
    fn summary_names_istio_and_envoy_versions_with_padding_one() {
        let out = render(&ViewKind::Bootstrap, &dump(SIDECAR), Format::Short);
        assert_eq!(
            out,
            "Istio Version:       1.24.2\n\
             Istio Proxy Version: b1d2a0c4e5f60718293a4b5c6d7e8f9012345678\n\
             Envoy Version:       1.40.0/Clean/RELEASE/BoringSSL\n"
        );
    }

    #[test]
    fn gateway_has_no_proxy_sha_so_no_istio_proxy_version_line() {
        let out = render(&ViewKind::Bootstrap, &dump(GATEWAY), Format::Short);
        let rows: Vec<Vec<&str>> = summary(GATEWAY).iter().map(|r| r.to_vec()).collect();
        assert_same_text(&out, &layout(1, &rows));
    }

    /// The gateway's summary with its node metadata values set (`None`: removed).
    fn with_metadata(values: &[(&str, Option<serde_json::Value>)]) -> String {
        let doc = edited::dump_with(GATEWAY, "BootstrapConfigDump", |s| {
            let metadata = s["bootstrap"]["node"]["metadata"].as_object_mut().unwrap();
            for (key, value) in values {
                match value {
                    Some(v) => metadata.insert(key.to_string(), v.clone()),
                    None => metadata.remove(*key),
                };
            }
        });
        render(&ViewKind::Bootstrap, &doc, Format::Short)
    }

    #[test]
    fn istio_proxy_version_is_between_the_first_and_second_colon() {
        let envoy = "Envoy Version:       1.40.0/Clean/RELEASE/BoringSSL\n";
        for (sha, shown) in [
            ("istio-proxy:abc", "abc"),
            ("a:b:c", "b"),
            (":x", "x"),
            ("no-colon", "no-colon"),
        ] {
            let out = with_metadata(&[("ISTIO_PROXY_SHA", Some(sha.into()))]);
            assert_eq!(
                out,
                format!("Istio Version:       1.24.2\nIstio Proxy Version: {shown}\n{envoy}"),
                "{sha}"
            );
        }
    }

    /// A line only for a non-empty string value.
    #[test]
    fn empty_or_non_string_versions_have_no_line() {
        let envoy_only = "Envoy Version: 1.40.0/Clean/RELEASE/BoringSSL\n";
        let non_strings = [
            serde_json::json!(""),
            serde_json::json!(17),
            serde_json::json!({"sha": "abc"}),
        ];
        for value in non_strings
            .iter()
            .chain(&[serde_json::json!("istio-proxy:"), serde_json::json!("a::b")])
        {
            let out = with_metadata(&[
                ("ISTIO_PROXY_SHA", Some(value.clone())),
                ("ISTIO_VERSION", None),
            ]);
            assert_eq!(out, envoy_only, "ISTIO_PROXY_SHA {value}");
        }
        for value in non_strings {
            let out = with_metadata(&[("ISTIO_VERSION", Some(value.clone()))]);
            assert_eq!(out, envoy_only, "ISTIO_VERSION {value}");
        }
        let out = with_metadata(&[("ISTIO_VERSION", None)]);
        assert_eq!(out, envoy_only);
    }

    /// The gateway's Envoy version with `edit` applied to `user_agent_build_version`.
    fn envoy_version(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let doc = edited::dump_with(GATEWAY, "BootstrapConfigDump", |s| {
            edit(&mut s["bootstrap"]["node"]["user_agent_build_version"]);
        });
        let out = render(&ViewKind::Bootstrap, &doc, Format::Short);
        out.lines()
            .last()
            .unwrap()
            .strip_prefix("Envoy Version: ")
            .unwrap()
            .to_string()
    }

    /// Each metadata part only when its key is there; a non-string value shows empty.
    #[test]
    fn envoy_version_suffixes_follow_the_metadata_keys() {
        let version = envoy_version(|b| {
            b["version"]["patch"] = 2.into();
            b["metadata"]["build.label"] = "dev".into();
        });
        assert_eq!(version, "1.40.2-dev/Clean/RELEASE/BoringSSL");
        let version = envoy_version(|b| {
            let metadata = b["metadata"].as_object_mut().unwrap();
            metadata.remove("revision.status");
            metadata.remove("build.type");
            metadata.insert("build.label".into(), serde_json::json!(true));
        });
        assert_eq!(version, "1.40.0-/BoringSSL");
        let version = envoy_version(|b| {
            b["metadata"]["ssl.version"] = serde_json::json!(["BoringSSL"]);
            b["metadata"]["build.type"] = "".into();
        });
        assert_eq!(version, "1.40.0/Clean//");
        let version = envoy_version(|b| {
            b.as_object_mut().unwrap().remove("metadata");
        });
        assert_eq!(version, "1.40.0");
        let doc = edited::dump_with(GATEWAY, "BootstrapConfigDump", |s| {
            let node = s["bootstrap"]["node"].as_object_mut().unwrap();
            node.remove("user_agent_build_version");
            node["metadata"]
                .as_object_mut()
                .unwrap()
                .remove("ISTIO_VERSION");
        });
        let out = render(&ViewKind::Bootstrap, &doc, Format::Short);
        assert_eq!(out, "Envoy Version: 0.0.0\n");
    }
}

// ---------------------------------------------------------------------------------------------
// Missing sections
// ---------------------------------------------------------------------------------------------

mod missing_sections {
    use super::*;

    pub fn without(section: &str) -> Document {
        without_all(&[section])
    }

    fn without_all(sections: &[&str]) -> Document {
        let text = std::fs::read_to_string(fixture(SIDECAR, "config_dump.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let configs = value["configs"].as_array_mut().unwrap();
        for section in sections {
            let before = configs.len();
            let type_url = format!("type.googleapis.com/envoy.admin.v3.{section}");
            configs.retain(|s| s["@type"] != type_url.as_str());
            assert!(configs.len() < before, "the fixture has a {section}");
        }
        Document::from_bytes(value.to_string().into_bytes(), sections.join("-")).unwrap()
    }

    /// `all` lays out its tables on two threads, and still names the first missing section in
    /// the order it prints them, whichever thread found it.
    #[test]
    fn all_names_the_first_missing_section_it_prints() {
        let cases: [(&[&str], &str); 5] = [
            (
                &["BootstrapConfigDump", "ListenersConfigDump"],
                "BootstrapConfigDump",
            ),
            (
                &["ClustersConfigDump", "ListenersConfigDump"],
                "ClustersConfigDump",
            ),
            (
                &["ClustersConfigDump", "SecretsConfigDump"],
                "ClustersConfigDump",
            ),
            (
                &["ListenersConfigDump", "RoutesConfigDump"],
                "ListenersConfigDump",
            ),
            (
                &["RoutesConfigDump", "SecretsConfigDump"],
                "RoutesConfigDump",
            ),
        ];
        let all = ViewKind::All(AllFilter {
            clusters: ClusterFilter::default(),
            listeners: listeners::all_listeners(),
            routes: routes::all_routes(),
            endpoints: EndpointFilter::default(),
            with_headers: false,
        });
        for (missing, first) in cases {
            let e = render_err(&all, &without_all(missing), Format::Short);
            // istioctl's listener printer says where it stopped.
            let prefix = if first == "ListenersConfigDump" {
                "listener dump: "
            } else {
                ""
            };
            assert_eq!(
                e.message,
                format!("{prefix}config dump has no configuration type type.googleapis.com/envoy.admin.v3.{first}"),
                "without {missing:?}"
            );
        }
    }

    #[test]
    fn each_view_names_the_section_it_needs() {
        let cases: [(ViewKind, &str); 6] = [
            (
                ViewKind::Clusters(ClusterFilter::default()),
                "ClustersConfigDump",
            ),
            (
                ViewKind::Listeners(listeners::all_listeners()),
                "ListenersConfigDump",
            ),
            (ViewKind::Routes(routes::all_routes()), "RoutesConfigDump"),
            (ViewKind::Secrets, "SecretsConfigDump"),
            (ViewKind::Bootstrap, "BootstrapConfigDump"),
            (ViewKind::Ecds, "EcdsConfigDump"),
        ];
        for (view, section) in cases {
            for format in [Format::Short, Format::Json] {
                let e = render_err(&view, &without(section), format);
                // istioctl's listener printer and `secret -o json|yaml` put their own words first.
                let prefix = match (&view, format) {
                    (ViewKind::Listeners(_), _) => "listener dump: ",
                    (ViewKind::Secrets, Format::Json) => "sidecar doesn't support secrets: ",
                    _ => "",
                };
                assert_eq!(
                    e.message,
                    format!("{prefix}config dump has no configuration type type.googleapis.com/envoy.admin.v3.{section}"),
                    "{view:?} -o {format:?}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// all
// ---------------------------------------------------------------------------------------------

mod all {
    use super::*;

    fn everything(verbose: bool, with_headers: bool) -> AllFilter {
        AllFilter {
            clusters: ClusterFilter::default(),
            listeners: ListenerFilter {
                verbose,
                ..listeners::all_listeners()
            },
            routes: RouteFilter {
                name: None,
                verbose,
            },
            endpoints: EndpointFilter::default(),
            with_headers,
        }
    }

    fn with_name_column<const N: usize, C: ToString>(
        header: [&str; N],
        rows: impl IntoIterator<Item = (String, [C; N])>,
    ) -> Vec<Vec<String>> {
        let mut table = vec![std::iter::once("NAME".to_string())
            .chain(header.iter().map(|c| c.to_string()))
            .collect::<Vec<_>>()];
        for (name, row) in rows {
            table.push(
                std::iter::once(name)
                    .chain(row.iter().map(|c| c.to_string()))
                    .collect(),
            );
        }
        table
    }

    /// The blocks of `all` for the sidecar: each block is the view's own table with a leading
    /// NAME column of `<kind>/<name>` (route, secret and endpoint tables prefix their own first
    /// column).
    fn sidecar_blocks(
        cluster_rows: &[[&'static str; 6]],
        listener_rows: &[(&'static str, [&'static str; 4])],
        routes: Vec<Vec<String>>,
        eds_rows: &[[&'static str; 4]],
    ) -> Vec<(&'static str, String)> {
        let bootstrap: Vec<Vec<&str>> = bootstrap::summary(SIDECAR)
            .iter()
            .map(|r| r.to_vec())
            .collect();
        #[rustfmt::skip]
        let clusters = with_name_column(
            ["SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE"],
            cluster_rows.iter().map(|r| {
                let name = format!("cluster/{}", clusters::name_of(r));
                let mut cells = r.map(String::from);
                // A name without Istio's `|` parts is named in SERVICE FQDN too.
                if r[1] == "-" {
                    cells[0] = name.clone();
                }
                (name, cells)
            }),
        );
        let listeners = with_name_column(
            ["ADDRESSES", "PORT", "MATCH", "DESTINATION"],
            listener_rows
                .iter()
                .map(|(n, r)| (format!("listener/{n}"), *r)),
        );
        let secrets = secrets::expected_table(SIDECAR, "secret/");
        let mut eds: Vec<Vec<String>> = vec![["NAME", "STATUS", "LOCALITY", "CLUSTER"]
            .iter()
            .map(|c| c.to_string())
            .collect()];
        eds.extend(eds_rows.iter().map(|r| {
            let mut cells: Vec<String> = r.iter().map(|c| c.to_string()).collect();
            cells[0] = format!("endpoint/{}", cells[0]);
            cells
        }));
        vec![
            ("BOOTSTRAP", layout(1, &bootstrap)),
            ("CLUSTER", layout(5, &clusters)),
            ("LISTENER", layout(1, &listeners)),
            ("ROUTE", layout(5, &routes)),
            ("SECRET", layout(5, &secrets)),
            ("ENDPOINTS", layout(5, &eds)),
        ]
    }

    fn joined(blocks: &[(&str, String)], with_headers: bool) -> String {
        let mut text = String::new();
        for (i, (title, body)) in blocks.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            if with_headers {
                text.push_str(&format!("------ {title} INFO ------\n\n"));
            }
            text.push_str(body);
        }
        text
    }

    #[test]
    fn the_secret_sentences_stand_in_for_the_secret_table() {
        let emptied = edited::dump_with(SIDECAR, "SecretsConfigDump", |s| {
            let s = s.as_object_mut().unwrap();
            s.remove("dynamic_active_secrets");
            s.remove("dynamic_warming_secrets");
        });
        let out = render(
            &ViewKind::All(everything(true, true)),
            &emptied,
            Format::Short,
        );
        assert!(
            out.contains("\n------ SECRET INFO ------\n\nNo active or warming secrets found.\n\n------ ENDPOINTS INFO ------\n"),
            "{out}"
        );
        let no_rows = edited::dump_with(SIDECAR, "SecretsConfigDump", |s| {
            let s = s.as_object_mut().unwrap();
            s.remove("dynamic_warming_secrets");
            let active = s["dynamic_active_secrets"].as_array_mut().unwrap();
            active.retain(|e| e["name"] == "kubernetes://federated-roots");
            active[0]["secret"]["validation_context"]["custom_validator_config"]["typed_config"]
                ["trust_domains"] = serde_json::json!([]);
        });
        let out = render(
            &ViewKind::All(everything(true, false)),
            &no_rows,
            Format::Short,
        );
        assert!(
            out.contains("\n\nNo secret items to show.\n\nNAME "),
            "{out}"
        );
    }

    #[test]
    fn all_is_every_table_with_a_kind_prefixed_name_column_separated_by_blank_lines() {
        let out = render(
            &ViewKind::All(everything(true, false)),
            &dump(SIDECAR),
            Format::Short,
        );
        let blocks = sidecar_blocks(
            &clusters::SIDECAR_ROWS,
            &listeners::SIDECAR_ROWS,
            routes::expected_sidecar_table_in_all(true),
            &eds::SIDECAR_ROWS,
        );
        assert_same_text(&out, &joined(&blocks, false));
    }

    #[test]
    fn with_headers_puts_a_title_and_a_blank_line_before_each_block() {
        let out = render(
            &ViewKind::All(everything(true, true)),
            &dump(SIDECAR),
            Format::Short,
        );
        let blocks = sidecar_blocks(
            &clusters::SIDECAR_ROWS,
            &listeners::SIDECAR_ROWS,
            routes::expected_sidecar_table_in_all(true),
            &eds::SIDECAR_ROWS,
        );
        assert_same_text(&out, &joined(&blocks, true));
        assert!(
            out.starts_with("------ BOOTSTRAP INFO ------\n\nIstio Version:"),
            "{out}"
        );
    }

    #[test]
    fn filters_reach_their_tables() {
        let filter = AllFilter {
            clusters: ClusterFilter {
                port: Some(8080),
                ..Default::default()
            },
            listeners: ListenerFilter {
                port: Some(8080),
                ..listeners::all_listeners()
            },
            routes: RouteFilter {
                name: Some("8080".into()),
                verbose: true,
            },
            endpoints: EndpointFilter {
                port: Some(8080),
                ..Default::default()
            },
            with_headers: false,
        };
        let out = render(&ViewKind::All(filter), &dump(SIDECAR), Format::Short);
        let blocks = sidecar_blocks(
            &clusters::SIDECAR_ROWS[0..1],
            &listeners::SIDECAR_ROWS[3..5],
            routes::expected_sidecar_table_named("8080"),
            &eds::SIDECAR_ROWS[18..19],
        );
        assert_same_text(&out, &joined(&blocks, false));
    }

    #[test]
    fn verbose_false_makes_listener_and_route_tables_terse() {
        let out = render(
            &ViewKind::All(everything(false, false)),
            &dump(SIDECAR),
            Format::Short,
        );
        let mut blocks = sidecar_blocks(
            &clusters::SIDECAR_ROWS,
            &listeners::SIDECAR_ROWS,
            routes::expected_sidecar_table_in_all(false),
            &eds::SIDECAR_ROWS,
        );
        let names = [
            "10.43.0.10_53",
            "0.0.0.0_80",
            "0.0.0.0_8080",
            "10.43.91.14_9080",
            "0.0.0.0_9411",
            "virtualOutbound",
            "virtualInbound",
            "0.0.0.0_15010",
            "0.0.0.0_15021",
            "0.0.0.0_15090",
        ];
        let terse = with_name_column(
            ["ADDRESSES", "PORT", "TYPE"],
            names
                .iter()
                .zip(listeners::SIDECAR_TERSE)
                .map(|(n, r)| (format!("listener/{n}"), r)),
        );
        blocks[2].1 = layout(1, &terse);
        assert_same_text(&out, &joined(&blocks, false));
    }

    #[test]
    fn wide_all_shows_warming_and_draining_resources() {
        let out = render(
            &ViewKind::All(everything(true, false)),
            &dump(SIDECAR),
            Format::Wide,
        );
        for needle in [
            "cluster/outbound|8443||payments.payments.svc.cluster.local",
            "listener/0.0.0.0_8443",
            "listener/10.43.0.1_443",
            "WARMING",
            "DRAINING",
        ] {
            assert!(out.contains(needle), "{needle} missing:\n{out}");
        }
    }

    #[test]
    fn gateway_all_renders_without_an_ecds_section() {
        let out = render(
            &ViewKind::All(everything(true, true)),
            &dump(GATEWAY),
            Format::Short,
        );
        let titles: Vec<&str> = out.lines().filter(|l| l.starts_with("------ ")).collect();
        assert_eq!(
            titles,
            [
                "------ BOOTSTRAP INFO ------",
                "------ CLUSTER INFO ------",
                "------ LISTENER INFO ------",
                "------ ROUTE INFO ------",
                "------ SECRET INFO ------",
                "------ ENDPOINTS INFO ------",
            ]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Regression tests, each named after the bug it pins
// ---------------------------------------------------------------------------------------------

mod regression {
    use super::*;

    /// Spec §4 Routes, DOMAINS: "drop entries with a port". Istio's gateways list `host:*`
    /// (any port) next to `host`; it was kept as if `*` were no port.
    #[test]
    fn wildcard_port_domain_was_not_dropped() {
        let out = render(
            &ViewKind::Routes(RouteFilter {
                name: Some("http.8080".into()),
                verbose: true,
            }),
            &dump(GATEWAY),
            Format::Short,
        );
        let domains: Vec<&str> = out
            .lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split("     ").filter(|c| !c.is_empty()).collect();
                cells[2].trim()
            })
            .collect();
        assert_eq!(domains, ["frontend.bigbang.dev", "legacy.bigbang.dev", "*"]);
    }

    /// Spec §4 Secrets: "Warming secrets first (`WARMING`)". A warming secret that has not
    /// arrived has neither a certificate chain nor a validation context, and had no row at all.
    #[test]
    fn warming_secret_without_content_was_not_listed() {
        let out = render(&ViewKind::Secrets, &dump(SIDECAR), Format::Short);
        let first = out.lines().nth(1).unwrap();
        let cells: Vec<&str> = first.split_whitespace().collect();
        assert_eq!(
            cells,
            ["kubernetes://payments-client-cert", "WARMING", "false"]
        );
    }

    /// Spec §4 Listeners: "Address: socket address, or pipe path, or empty (internal
    /// listeners, port 0)". The listener table used the endpoint forms `unix:///path` and
    /// `envoy://name/id`.
    #[test]
    fn listener_pipe_and_internal_addresses_were_shown_as_endpoint_urls() {
        let doc = edited::dump_with(GATEWAY, "ListenersConfigDump", |s| {
            edited::listener(s, "0.0.0.0_8080")["address"] =
                serde_json::json!({"pipe": {"path": "/var/run/gateway.sock"}});
            edited::listener(s, "0.0.0.0_8443")["address"] = serde_json::json!({
                "envoy_internal_address": {"server_listener_name": "tunnel"}
            });
        });
        let out = render(&edited::terse(None), &doc, Format::Short);
        // Port 0 sorts first; then the address as a string: "" before "/var/...".
        #[rustfmt::skip]
        assert_table(&out, 1, ["ADDRESSES", "PORT", "TYPE"], &[
            ["",                      "0",     "HTTP+TCP"],
            ["/var/run/gateway.sock", "0",     "HTTP"],
            ["0.0.0.0",               "15021", "HTTP"],
            ["0.0.0.0",               "15090", "HTTP"],
        ]);
    }
}

// ---------------------------------------------------------------------------------------------
// Spec rules the fixtures do not reach, on real dumps with one thing changed
// ---------------------------------------------------------------------------------------------

mod edited {
    use super::*;

    /// The fixture's dump with `edit` applied to the named section.
    pub fn dump_with(
        scenario: &str,
        section: &str,
        edit: impl FnOnce(&mut serde_json::Value),
    ) -> Document {
        let text = std::fs::read_to_string(fixture(scenario, "config_dump.json")).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let type_url = format!("type.googleapis.com/envoy.admin.v3.{section}");
        let target = value["configs"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|s| s["@type"] == type_url.as_str())
            .unwrap();
        edit(target);
        Document::from_bytes(value.to_string().into_bytes(), "edited".into()).unwrap()
    }

    pub fn listener<'v>(
        section: &'v mut serde_json::Value,
        name: &str,
    ) -> &'v mut serde_json::Value {
        section["dynamic_listeners"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|l| l["name"] == name)
            .map(|l| &mut l["active_state"]["listener"])
            .unwrap()
    }

    pub fn terse(address: Option<&str>) -> ViewKind {
        ViewKind::Listeners(ListenerFilter {
            verbose: false,
            address: address.map(String::from),
            ..listeners::all_listeners()
        })
    }

    #[test]
    fn additional_listener_addresses_are_joined_and_matched() {
        let doc = dump_with(GATEWAY, "ListenersConfigDump", |s| {
            listener(s, "0.0.0.0_8080")["additional_addresses"] = serde_json::json!([
                {"address": {"socket_address": {"address": "::", "port_value": 8080}}}
            ]);
        });
        let out = render(&terse(Some("::")), &doc, Format::Short);
        #[rustfmt::skip]
        assert_table(&out, 1, ["ADDRESSES", "PORT", "TYPE"], &[
            ["0.0.0.0,::", "8080", "HTTP"],
        ]);
        let out = render(&terse(Some("0.0.0.0")), &doc, Format::Short);
        assert!(out.contains("0.0.0.0,:: 8080  HTTP\n"), "{out}");
    }

    #[test]
    fn istio_config_paths_give_name_and_namespace_whatever_the_kind() {
        // istioctl reads pieces 5 and 7 of an 8-piece networking path and no other: a
        // VirtualService path on a cluster still names it; another number of pieces is empty;
        // another string, or no string, is `<unknown>`.
        let configs = [
            ("outbound|3000||grafana.monitoring.svc.cluster.local", serde_json::json!("/apis/networking.istio.io/v1/namespaces/monitoring/virtual-service/grafana")),
            ("outbound|80||customers.default.svc.cluster.local", serde_json::json!("/apis/networking.istio.io/v1/namespaces/default/destination-rule/customers/extra")),
            ("outbound|80||web-frontend.default.svc.cluster.local", serde_json::json!(7)),
            ("BlackHoleCluster", serde_json::json!("/apis/security.istio.io/v1/namespaces/a/b/c")),
        ];
        let doc = dump_with(GATEWAY, "ClustersConfigDump", |s| {
            for c in s["dynamic_active_clusters"].as_array_mut().unwrap() {
                for (name, config) in &configs {
                    if c["cluster"]["name"] == *name {
                        c["cluster"]["metadata"] = serde_json::json!({"filter_metadata": {"istio": {
                            "config": config
                        }}});
                    }
                }
            }
        });
        let out = render(
            &ViewKind::Clusters(ClusterFilter::default()),
            &doc,
            Format::Short,
        );
        let mut expected = clusters::GATEWAY_ROWS;
        let row = |fqdn: &str| expected.iter().position(|r| r[0] == fqdn).unwrap();
        let (grafana, customers, web, blackhole) = (
            row("grafana.monitoring.svc.cluster.local"),
            row("customers.default.svc.cluster.local"),
            row("web-frontend.default.svc.cluster.local"),
            row("BlackHoleCluster"),
        );
        expected[grafana][5] = "grafana.monitoring";
        expected[customers][5] = "";
        expected[web][5] = "<unknown>";
        expected[blackhole][5] = "<unknown>";
        #[rustfmt::skip]
        assert_table(&out, 5, ["SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE"], &expected);
    }

    #[test]
    fn eds_additional_endpoint_addresses_are_joined() {
        let doc = dump_with(GATEWAY, "EndpointsConfigDump", |s| {
            for cla in s["dynamic_endpoint_configs"].as_array_mut().unwrap() {
                if cla["endpoint_config"]["cluster_name"]
                    == "outbound|3000||grafana.monitoring.svc.cluster.local"
                {
                    cla["endpoint_config"]["endpoints"][0]["lb_endpoints"][0]["endpoint"]
                        ["additional_addresses"] = serde_json::json!([{"address": {"socket_address": {"address": "fd00::5:12", "port_value": 3000}}}]);
                }
            }
        });
        let out = render(
            &ViewKind::Eds(EndpointFilter {
                port: Some(3000),
                cluster: Some("outbound|3000||grafana.monitoring.svc.cluster.local".into()),
                ..Default::default()
            }),
            &doc,
            Format::Short,
        );
        #[rustfmt::skip]
        assert_table(&out, 5, ["NAME", "STATUS", "LOCALITY", "CLUSTER"], &[
            ["10.42.5.12:3000,fd00::5:12:3000", "HEALTHY", "us-east1/us-east1-c", "outbound|3000||grafana.monitoring.svc.cluster.local"],
        ]);
    }

    #[test]
    fn inline_routes_describe_path_separated_prefixes_and_domains() {
        let doc = dump_with(GATEWAY, "ListenersConfigDump", |s| {
            let hcm =
                &mut listener(s, "0.0.0.0_8080")["filter_chains"][0]["filters"][0]["typed_config"];
            hcm.as_object_mut().unwrap().remove("rds");
            hcm["route_config"] = serde_json::json!({"virtual_hosts": [
                {"name": "a", "domains": ["a.example", "b.example"], "routes": [
                    {"match": {"path_separated_prefix": "/api"}, "route": {"cluster": "x"}},
                    {"match": {"prefix": "/"}, "route": {"cluster": "y"}}
                ]},
                {"name": "b", "domains": ["*"], "routes": [
                    {"match": {"prefix": "/"}, "route": {"cluster": "z"}}
                ]}
            ]});
        });
        let out = render(
            &ViewKind::Listeners(ListenerFilter {
                port: Some(8080),
                ..listeners::all_listeners()
            }),
            &doc,
            Format::Short,
        );
        #[rustfmt::skip]
        assert_table(&out, 1, ["ADDRESSES", "PORT", "MATCH", "DESTINATION"], &[
            ["0.0.0.0", "8080", "ALL", "Inline Route: a.example/b.example PathPrefix:/api, /*; /*"],
        ]);
    }
}
