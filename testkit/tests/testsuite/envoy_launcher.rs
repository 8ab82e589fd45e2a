//! The Envoy launcher against a real Envoy: the fixture scenarios load, the admin API answers raw
//! HTTP/1.1, broken configurations fail loudly, and dropping the handle stops the process.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;
use std::{env, fs};

use testkit::envoy::Envoy;
use testkit::http::HttpResponse;

fn raw_get(envoy: &Envoy, path: &str) -> HttpResponse {
    let mut stream = TcpStream::connect(envoy.admin_addr()).expect("connect to Envoy's admin port");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .expect("read the admin response");
    assert!(
        raw.starts_with(b"HTTP/1.1 200"),
        "unexpected response: {}",
        String::from_utf8_lossy(&raw[..raw.len().min(200)])
    );
    HttpResponse::parse(&raw).expect("a well-formed HTTP response")
}

#[test]
fn web_frontend_scenario_serves_its_listeners_on_the_admin_api() {
    let envoy = Envoy::start("web-frontend");
    assert!(envoy.admin_addr().ip().is_loopback());
    let dump = raw_get(&envoy, "/config_dump").body;
    assert!(dump.contains("\"@type\": \"type.googleapis.com/envoy.admin.v3.ListenersConfigDump\""));
    // The listener is active (loaded from the fixture's LDS file), with its RDS route name. In the
    // dump, a dynamic listener's name is followed by the object of its state.
    let after_name = dump
        .match_indices("\"name\": \"0.0.0.0_80\",")
        .map(|(at, name)| dump[at + name.len()..].trim_start())
        .find(|rest| rest.starts_with("\"active_state\""))
        .expect("0.0.0.0_80 is an active listener");
    assert!(after_name.contains("\"route_config_name\": \"80\""));
    // The launcher starts from the initial resources: the post-init updates of make.py are not applied.
    assert!(!dump.contains("dynamic_warming_clusters"));
}

#[test]
fn ingress_gateway_scenario_loads_with_its_secrets() {
    let envoy = Envoy::start("ingress-gateway");
    let secrets = envoy.admin_get("/config_dump?mask=dynamic_active_secrets");
    assert_eq!(secrets.status, 200);
    for name in [
        "kubernetes://frontend-cert",
        "kubernetes://legacy-cert",
        "kubernetes://legacy-cert-cacert",
    ] {
        assert!(
            secrets.body.contains(&format!("\"name\": \"{name}\"")),
            "secret {name} missing:\n{}",
            secrets.body
        );
    }
}

#[test]
fn dropping_the_handle_stops_envoy() {
    let envoy = Envoy::start("ingress-gateway");
    let addr = envoy.admin_addr();
    assert_eq!(envoy.admin_get("/ready").body.trim(), "LIVE");
    drop(envoy);
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err(),
        "Envoy still answers on {addr}"
    );
}

/// A directory under the system temp dir, removed on drop (also when the test panics).
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn new(name: &str) -> ScratchDir {
        let dir = env::temp_dir().join(format!("testkit-envoy-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        ScratchDir(dir)
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

const MINIMAL_BOOTSTRAP: &str = "\
node: {id: custom, cluster: custom}
admin: {address: {socket_address: {address: 127.0.0.1, port_value: 0}}}
dynamic_resources:
  cds_config: {path_config_source: {path: ./cds.yaml}, resource_api_version: V3}
";

#[test]
fn start_with_runs_a_custom_resource_directory() {
    let scratch = ScratchDir::new("custom");
    let dir = &scratch.0;
    fs::write(dir.join("bootstrap.yaml"), MINIMAL_BOOTSTRAP).unwrap();
    fs::write(
        dir.join("cds.yaml"),
        "version_info: v1\nresources:\n- {\"@type\": type.googleapis.com/envoy.config.cluster.v3.Cluster, name: only-cluster, connect_timeout: 1s}\n",
    )
    .unwrap();
    let envoy = Envoy::start_with(dir);
    let clusters = envoy.admin_get("/clusters?format=json");
    assert!(
        clusters.body.contains("\"name\": \"only-cluster\""),
        "{}",
        clusters.body
    );
}

#[test]
#[should_panic(expected = "Envoy rejected its configuration: cluster_manager.cds")]
fn start_with_fails_loudly_on_a_rejected_resource() {
    let scratch = ScratchDir::new("rejected");
    let dir = &scratch.0;
    fs::write(dir.join("bootstrap.yaml"), MINIMAL_BOOTSTRAP).unwrap();
    // A STATIC cluster needs a connect timeout > 0: Envoy's validation rejects this file.
    fs::write(
        dir.join("cds.yaml"),
        "version_info: v1\nresources:\n- {\"@type\": type.googleapis.com/envoy.config.cluster.v3.Cluster, name: bad, connect_timeout: -1s}\n",
    )
    .unwrap();
    Envoy::start_with(dir);
}

/// Envoy fed over ADS by testkit's server: a bootstrap with ADS for CDS and LDS and one static
/// cluster for the server itself, and one cluster served, valid or not.
#[cfg(feature = "ads")]
mod over_ads {
    use std::net::SocketAddr;
    use std::time::Duration;

    use envoy_types::pb::envoy::config::cluster::v3::Cluster;
    use envoy_types::pb::envoy::config::listener::v3::Listener;
    use envoy_types::pb::google::protobuf::{Any, Duration as ProtoDuration};
    use prost::{Message, Name};
    use serde_json::json;
    use testkit::ads::{AdsServer, Expected, Resources, TypeResources};
    use testkit::envoy::Envoy;

    fn bootstrap(ads: SocketAddr) -> serde_json::Value {
        let over_ads = json!({"ads": {}, "resource_api_version": "V3"});
        json!({
            "node": {"id": "ads-test", "cluster": "ads-test"},
            "admin": {"address": {"socket_address": {"address": "127.0.0.1", "port_value": 0}}},
            "dynamic_resources": {
                "ads_config": {
                    "api_type": "GRPC",
                    "transport_api_version": "V3",
                    "grpc_services": [{"envoy_grpc": {"cluster_name": "ads"}}]
                },
                "cds_config": over_ads,
                "lds_config": over_ads
            },
            "static_resources": {"clusters": [{
                "name": "ads",
                "type": "STATIC",
                "connect_timeout": "1s",
                "load_assignment": {"cluster_name": "ads", "endpoints": [{"lb_endpoints": [{"endpoint": {
                    "address": {"socket_address": {"address": ads.ip().to_string(), "port_value": ads.port()}}
                }}]}]},
                "typed_extension_protocol_options": {
                    "envoy.extensions.upstreams.http.v3.HttpProtocolOptions": {
                        "@type": "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                        "explicit_http_config": {"http2_protocol_options": {}}
                    }
                }
            }]}
        })
    }

    /// Serves one cluster with this connect timeout (and no listeners), and starts Envoy on it.
    fn serve_one_cluster(connect_timeout_seconds: i64) -> (AdsServer, Envoy, Expected) {
        let cluster = Cluster {
            name: "served".into(),
            connect_timeout: Some(ProtoDuration {
                seconds: connect_timeout_seconds,
                nanos: 0,
            }),
            ..Default::default()
        };
        let any = Any {
            type_url: Cluster::type_url(),
            value: cluster.encode_to_vec(),
        };
        let resources = Resources {
            types: vec![
                TypeResources {
                    type_url: Cluster::type_url(),
                    wildcard: true,
                    items: vec![("served".into(), any)],
                },
                TypeResources {
                    type_url: Listener::type_url(),
                    wildcard: true,
                    items: vec![],
                },
            ],
        };
        let expected = Expected {
            resources: vec![(Cluster::type_url(), 1), (Listener::type_url(), 0)],
            // The bootstrap's own cluster and the one served.
            active_clusters: 2,
            active_listeners: 0,
        };
        let server = AdsServer::start(resources).expect("start the ADS server");
        let envoy =
            Envoy::try_start_with_bootstrap(&bootstrap(server.addr()), Duration::from_secs(60))
                .unwrap_or_else(|e| panic!("{e}"));
        (server, envoy, expected)
    }

    #[test]
    fn envoy_acks_and_activates_what_the_ads_server_serves() {
        let (server, mut envoy, expected) = serve_one_cluster(1);
        envoy
            .wait_for_ads(&server, &expected, Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("{e}"));
        let progress = server.progress(&Cluster::type_url());
        assert_eq!(progress.acked, 1);
        assert!(progress.nacked.is_none());
        let clusters = envoy.admin_get("/clusters?format=json");
        assert!(
            clusters.body.contains("\"name\": \"served\""),
            "{}",
            clusters.body
        );
    }

    #[test]
    fn a_rejected_resource_ends_the_wait_with_envoys_reason() {
        let (server, mut envoy, expected) = serve_one_cluster(-1);
        let error = envoy
            .wait_for_ads(&server, &expected, Duration::from_secs(60))
            .expect_err("Envoy must reject a negative connect timeout");
        assert!(
            error.starts_with(&format!("Envoy rejected {}: ", Cluster::type_url())),
            "{error}"
        );
        assert!(error.contains("Expected positive duration"), "{error}");
        assert_eq!(server.progress(&Cluster::type_url()).acked, 0);
    }
}
