//! `--admin-url`: a real Envoy's admin API asked directly, over http and over https (a second
//! real Envoy terminating TLS in front of the admin port), printing what the offline views of
//! that Envoy's own dump print; the pushdown, the proxy variables, and one line per failure.

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::time::Duration;

use crate::support::*;
use serde_json::{json, Value};
use testkit::envoy::Envoy;
use testkit::relay::Relay;

const USAGE: i32 = 2;
const PROXY: i32 = 4;
const TIMEOUT: i32 = 5;

fn url(addr: SocketAddr) -> String {
    format!("http://{addr}")
}

/// `args` run against `file`, offline.
fn offline(home: &Path, args: &[&str], file: &Path) -> String {
    let mut all = args.to_vec();
    let file = path_str(file);
    all.extend(["-f", &file]);
    let output = meshctl(home, &all, &[]);
    assert!(output.status.success(), "{all:?}: {}", stderr(&output));
    stdout(&output)
}

fn live(home: &Path, args: &[&str], admin_url: &str, env: &[(&str, &str)]) -> String {
    let mut all = args.to_vec();
    all.extend(["--admin-url", admin_url]);
    let output = meshctl(home, &all, env);
    assert!(output.status.success(), "{all:?}: {}", stderr(&output));
    assert_eq!(stderr(&output), "", "{all:?}");
    stdout(&output)
}

/// The Envoy's own dump and `/clusters`, saved: what the offline views read.
fn saved_dumps(envoy: &Envoy, home: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let dump = home.join("dump.json");
    envoy.save("/config_dump?include_eds=true", &dump).unwrap();
    let clusters = home.join("clusters.json");
    envoy.save("/clusters?format=json", &clusters).unwrap();
    (dump, clusters)
}

const VIEWS: &[&[&str]] = &[
    &["pc", "listeners", "--port", "80"],
    &["pc", "listeners"],
    &["pc", "clusters"],
    &["pc", "clusters", "--port", "9080"],
    &["pc", "routes"],
    &["pc", "routes", "--name", "80", "-o", "json"],
    &["pc", "all"],
    &["pc", "secrets"],
    &["pc", "trace", CUSTOMERS, "--to", "10.43.246.220:80"],
    &["pc", "trace", CUSTOMERS, "--to", "10.43.246.220:80", "-v"],
];

const CUSTOMERS: &str = "http://customers.default.svc.cluster.local/api/v2/customers";

#[test]
fn admin_url_views_print_what_the_offline_views_of_the_envoys_dump_print() {
    let envoy = web_frontend_envoy();
    let home = temp_home();
    let (dump, clusters) = saved_dumps(&envoy, home.path());
    let admin = url(envoy.admin_addr());
    for args in VIEWS {
        let expected = offline(home.path(), args, &dump);
        assert!(!expected.is_empty(), "{args:?} printed nothing offline");
        assert_same_text(&live(home.path(), args, &admin, &[]), &expected);
    }
    // `-v` is trace's `--explain`.
    let trace = ["pc", "trace", CUSTOMERS, "--to", "10.43.246.220:80"];
    let explained = offline(home.path(), &[&trace[..], &["--explain"]].concat(), &dump);
    assert_ne!(explained, offline(home.path(), &trace, &dump));
    assert_eq!(
        explained,
        offline(home.path(), &[&trace[..], &["-v"]].concat(), &dump)
    );
    // Live endpoints come from /clusters, as istioctl reads them.
    let args = &["pc", "endpoints"];
    assert_same_text(
        &live(home.path(), args, &admin, &[]),
        &offline(home.path(), args, &clusters),
    );
    // MESHCTL_ADMIN_URL stands for the flag.
    let output = meshctl(
        home.path(),
        &["pc", "listeners", "--port", "80"],
        &[("MESHCTL_ADMIN_URL", &admin)],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_same_text(
        &stdout(&output),
        &offline(home.path(), &["pc", "listeners", "--port", "80"], &dump),
    );
}

#[test]
fn admin_url_asks_for_the_same_narrowed_paths_as_a_port_forward() {
    let envoy = web_frontend_envoy();
    let relay = Relay::start(envoy.admin_addr()).unwrap();
    let home = temp_home();
    live(
        home.path(),
        &["pc", "routes", "--name", "80"],
        &url(relay.addr()),
        &[],
    );
    assert_eq!(
        relay.take_request_lines(),
        [
            "GET /server_info HTTP/1.1",
            "GET /config_dump?mask=dynamic_route_configs,static_route_configs&name_regex=%5E80%24 HTTP/1.1",
        ]
    );
    live(home.path(), &["pc", "listeners"], &url(relay.addr()), &[]);
    // The table's cells follow the naming rules of the node, which `/server_info` tells.
    assert_eq!(
        relay.take_request_lines(),
        [
            "GET /config_dump?mask=dynamic_listeners,static_listeners HTTP/1.1",
            "GET /server_info HTTP/1.1"
        ]
    );
}

#[test]
fn admin_url_goes_through_http_proxy_unless_no_proxy_says_otherwise() {
    let envoy = web_frontend_envoy();
    let home = temp_home();
    let test_ca = ca("meshctl test CA");
    let (cert, key) = server_certificate(&test_ca);
    let front = Front::start(envoy.admin_addr(), &cert, &key);
    // Nothing listens at the URL itself: only through the proxy can the answer come.
    let admin = format!("http://{}", closed_port());
    let proxy_url = url(front.http_proxy);
    let args = ["pc", "listeners", "--port", "80"];
    let through = live(home.path(), &args, &admin, &[("HTTP_PROXY", &proxy_url)]);
    let (dump, _) = saved_dumps(&envoy, home.path());
    assert_same_text(&through, &offline(home.path(), &args, &dump));
    let lower = live(home.path(), &args, &admin, &[("http_proxy", &proxy_url)]);
    assert_same_text(&lower, &through);

    let output = meshctl(
        home.path(),
        &["pc", "listeners", "--admin-url", &admin],
        &[("HTTP_PROXY", &proxy_url), ("NO_PROXY", "127.0.0.1")],
    );
    assert_fails(
        &output,
        PROXY,
        &format!("cannot connect to the Envoy admin API at {admin}: "),
    );
}

/// A port on which nothing listens.
fn closed_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

// ---------- https ----------

struct Ca {
    params: rcgen::CertificateParams,
    key: rcgen::KeyPair,
    pem: String,
}

fn ca(common_name: &str) -> Ca {
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, common_name);
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let key = rcgen::KeyPair::generate().unwrap();
    let pem = params.self_signed(&key).unwrap().pem();
    Ca { params, key, pem }
}

/// A certificate for 127.0.0.1 signed by `ca`, and its key, in PEM.
fn server_certificate(ca: &Ca) -> (String, String) {
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.subject_alt_names = vec![rcgen::SanType::IpAddress([127, 0, 0, 1].into())];
    let key = rcgen::KeyPair::generate().unwrap();
    let issuer = rcgen::Issuer::from_params(&ca.params, &ca.key);
    let cert = params.signed_by(&key, &issuer).unwrap();
    (cert.pem(), key.serialize_pem())
}

/// A second Envoy in front of an admin API: one listener terminates TLS with a given certificate
/// and passes the bytes on (the admin API published over https, as a TLS front publishes it); the
/// other is a plain HTTP proxy whose every route leads to the admin API (what `HTTP_PROXY` names).
struct Front {
    _envoy: Envoy,
    https: SocketAddr,
    http_proxy: SocketAddr,
}

impl Front {
    fn start(admin: SocketAddr, cert: &str, key: &str) -> Front {
        let admin_cluster = json!({
            "name": "admin",
            "type": "STATIC",
            "connect_timeout": "1s",
            "load_assignment": {"cluster_name": "admin", "endpoints": [{"lb_endpoints": [{
                "endpoint": {"address": {"socket_address": {
                    "address": admin.ip().to_string(),
                    "port_value": admin.port(),
                }}},
            }]}]},
        });
        let local = json!({"socket_address": {"address": "127.0.0.1", "port_value": 0}});
        let bootstrap = json!({
            "admin": {"address": local},
            "static_resources": {
                "listeners": [{
                    "name": "tls_front",
                    "address": local,
                    "filter_chains": [{
                        "transport_socket": {
                            "name": "envoy.transport_sockets.tls",
                            "typed_config": {
                                "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext",
                                "common_tls_context": {"tls_certificates": [{
                                    "certificate_chain": {"inline_string": cert},
                                    "private_key": {"inline_string": key},
                                }]},
                            },
                        },
                        "filters": [{
                            "name": "envoy.filters.network.tcp_proxy",
                            "typed_config": {
                                "@type": "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy",
                                "stat_prefix": "front",
                                "cluster": "admin",
                            },
                        }],
                    }],
                }, {
                    "name": "http_proxy",
                    "address": local,
                    "filter_chains": [{"filters": [{
                        "name": "envoy.filters.network.http_connection_manager",
                        "typed_config": {
                            "@type": "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
                            "stat_prefix": "proxy",
                            "route_config": {"virtual_hosts": [{
                                "name": "any",
                                "domains": ["*"],
                                "routes": [{"match": {"prefix": "/"}, "route": {"cluster": "admin"}}],
                            }]},
                            "http_filters": [{
                                "name": "envoy.filters.http.router",
                                "typed_config": {"@type": "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"},
                            }],
                        },
                    }]}],
                }],
                "clusters": [admin_cluster],
            },
        });
        let envoy = Envoy::try_start_with_bootstrap(&bootstrap, Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("{e}"));
        // The listeners' ports, chosen by the kernel, as Envoy reports them once bound.
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            let listeners: Value =
                serde_json::from_str(&envoy.admin_get("/listeners?format=json").body)
                    .unwrap_or(Value::Null);
            let port = |name: &str| {
                listeners["listener_statuses"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|l| l["name"] == name)
                    .and_then(|l| l["local_address"]["socket_address"]["port_value"].as_u64())
                    .filter(|p| *p != 0)
                    .map(|p| SocketAddr::from(([127, 0, 0, 1], p as u16)))
            };
            if let (Some(https), Some(http_proxy)) = (port("tls_front"), port("http_proxy")) {
                return Front {
                    _envoy: envoy,
                    https,
                    http_proxy,
                };
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the front listeners never bound: {}",
                envoy.log_tail()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn admin_url_over_https_checks_the_certificate_against_the_given_ca() {
    let envoy = web_frontend_envoy();
    let home = temp_home();
    let test_ca = ca("meshctl test CA");
    let (cert, key) = server_certificate(&test_ca);
    let front = Front::start(envoy.admin_addr(), &cert, &key);
    let https = format!("https://{}", front.https);
    let ca_file = home.path().join("ca.pem");
    std::fs::write(&ca_file, &test_ca.pem).unwrap();
    let other_ca_file = home.path().join("other-ca.pem");
    std::fs::write(&other_ca_file, ca("another CA").pem).unwrap();
    let (dump, _) = saved_dumps(&envoy, home.path());
    let args = ["pc", "listeners", "--port", "80"];
    let expected = offline(home.path(), &args, &dump);

    let mut with_ca = args.to_vec();
    with_ca.extend(["--certificate-authority", ca_file.to_str().unwrap()]);
    assert_same_text(&live(home.path(), &with_ca, &https, &[]), &expected);

    let mut insecure = args.to_vec();
    insecure.push("--insecure-skip-tls-verify");
    assert_same_text(&live(home.path(), &insecure, &https, &[]), &expected);

    let mut wrong_ca = args.to_vec();
    wrong_ca.extend([
        "--certificate-authority",
        other_ca_file.to_str().unwrap(),
        "--admin-url",
        &https,
    ]);
    let err = assert_fails(
        &meshctl(home.path(), &wrong_ca, &[]),
        PROXY,
        &format!("Error: the TLS handshake with {https} failed: "),
    );
    assert!(err.contains("UnknownIssuer"), "{err}");
    // The system's roots do not know the test CA either.
    let mut args_https = args.to_vec();
    args_https.extend(["--admin-url", &https]);
    assert_fails(
        &meshctl(home.path(), &args_https, &[]),
        PROXY,
        &format!("Error: the TLS handshake with {https} failed: "),
    );
}

// ---------- failures ----------

#[test]
fn admin_url_failures_are_one_line_with_their_exit_code() {
    let envoy = web_frontend_envoy();
    let home = temp_home();
    let run = |args: &[&str]| meshctl(home.path(), args, &[]);

    let closed = format!("http://{}", closed_port());
    assert_fails(
        &run(&["pc", "clusters", "--admin-url", &closed]),
        PROXY,
        &format!("Error: cannot connect to the Envoy admin API at {closed}: "),
    );

    // A path prefix Envoy does not serve: its 404, in one line.
    let prefixed = format!("{}/not-admin", url(envoy.admin_addr()));
    assert_fails(
        &run(&["pc", "listeners", "--admin-url", &prefixed]),
        PROXY,
        &format!(
            "Error: Envoy at {prefixed} answered 404 Not Found to GET \
             /config_dump?mask=dynamic_listeners,static_listeners: "
        ),
    );

    // A peer that accepts and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_url = format!("http://{}", silent.local_addr().unwrap());
    assert_fails(
        &run(&[
            "pc",
            "listeners",
            "--admin-url",
            &silent_url,
            "--request-timeout",
            "300ms",
        ]),
        TIMEOUT,
        &format!(
            "Error: timed out after 300ms waiting for Envoy's answer to GET \
             /config_dump?mask=dynamic_listeners,static_listeners from {silent_url} \
             (--request-timeout)"
        ),
    );
    drop(silent);

    let admin = url(envoy.admin_addr());
    for (args, expect) in [
        (
            vec!["pc", "listeners", "web-1", "--admin-url", &admin],
            "--admin-url (or MESHCTL_ADMIN_URL) names the Envoy to ask: a target or --file cannot be given too",
        ),
        (
            vec!["pc", "listeners", "-f", "x.json", "--admin-url", &admin],
            "a target or --file cannot be given too",
        ),
        (
            vec!["pc", "rootca-compare", "a", "b", "--admin-url", &admin],
            "rootca-compare compares two pods; --admin-url names one Envoy",
        ),
        (
            vec!["pc", "listeners", "--admin-url", "ftp://127.0.0.1:1"],
            "the scheme must be http or https, not ftp",
        ),
        (
            vec!["pc", "listeners", "--admin-url", &admin, "--certificate-authority", "ca.pem"],
            "--certificate-authority applies to an https:// --admin-url only",
        ),
        (
            vec!["pc", "listeners", "web-1", "--insecure-skip-tls-verify"],
            "--insecure-skip-tls-verify applies to an https:// --admin-url only",
        ),
    ] {
        assert_fails(&run(&args), USAGE, expect);
    }
}

#[test]
fn log_with_admin_url_lists_that_envoys_loggers() {
    let envoy = web_frontend_envoy();
    let home = temp_home();
    let admin = url(envoy.admin_addr());
    let listed = live(home.path(), &["pc", "log"], &admin, &[]);
    let mut lines = listed.lines();
    assert_eq!(lines.next(), Some(format!("{admin}:").as_str()));
    assert_eq!(lines.next(), Some("active loggers:"));
    assert!(
        listed.contains("\n  admin: "),
        "Envoy's own loggers are listed: {listed}"
    );
}
