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
