//! A small mesh through the real ADS server into a real Envoy: the captured dump must hold
//! every Istio shape the generator promises, as Envoy itself reports it.

use serde_json::Value;

fn section<'a>(dump: &'a Value, kind: &str) -> &'a Value {
    dump["configs"]
        .as_array()
        .and_then(|c| {
            c.iter().find(|s| {
                s["@type"]
                    .as_str()
                    .is_some_and(|t| t.rsplit('.').next() == Some(kind))
            })
        })
        .unwrap_or_else(|| panic!("no {kind} section"))
}

#[test]
fn envoy_loads_and_dumps_the_whole_generated_mesh() {
    let services = 60;
    let loaded = meshgen::load(services, std::time::Duration::from_secs(120))
        .unwrap_or_else(|e| panic!("{e}"));
    let dir = std::env::temp_dir().join(format!("meshgen-test-{}", std::process::id()));
    loaded.capture(&dir).unwrap_or_else(|e| panic!("{e}"));
    let dump: Value =
        serde_json::from_slice(&std::fs::read(dir.join("config_dump.json")).unwrap()).unwrap();
    let statuses: Value =
        serde_json::from_slice(&std::fs::read(dir.join("clusters.json")).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);

    let clusters = section(&dump, "ClustersConfigDump")["dynamic_active_clusters"]
        .as_array()
        .unwrap();
    let mesh = meshgen::mesh::Mesh::new(services);
    let outbound: usize = mesh
        .services
        .iter()
        .map(|s| s.ports.len() * (1 + s.subsets.len()))
        .sum();
    assert_eq!(
        clusters
            .iter()
            .filter(|c| c["cluster"]["name"]
                .as_str()
                .unwrap()
                .starts_with("outbound|"))
            .count(),
        outbound
    );
    let dr_config = |c: &&Value| {
        c["cluster"]["metadata"]["filter_metadata"]["istio"]["config"]
            .as_str()
            .is_some_and(|p| {
                p.starts_with("/apis/networking.istio.io/v1alpha3/namespaces/")
                    && p.contains("/destination-rule/")
            })
    };
    assert!(clusters
        .iter()
        .any(|c| dr_config(&c) && c["cluster"]["name"].as_str().unwrap().contains("|v2|")));

    let listeners = section(&dump, "ListenersConfigDump")["dynamic_listeners"]
        .as_array()
        .unwrap();
    let names: Vec<&str> = listeners
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    for expected in ["virtualOutbound", "virtualInbound", "0.0.0.0_80"] {
        assert!(names.contains(&expected), "{expected} not in {names:?}");
    }
    let tcp = mesh
        .services
        .iter()
        .find(|s| s.protocol == meshgen::mesh::Protocol::Tcp)
        .expect("a TCP service");
    assert!(names.contains(&format!("{}_{}", tcp.vip, tcp.ports[0]).as_str()));

    let routes = section(&dump, "RoutesConfigDump")["dynamic_route_configs"]
        .as_array()
        .unwrap();
    let vs_route = routes
        .iter()
        .flat_map(|r| r["route_config"]["virtual_hosts"].as_array().unwrap())
        .flat_map(|v| v["routes"].as_array().unwrap())
        .any(|r| {
            r["metadata"]["filter_metadata"]["istio"]["config"]
                .as_str()
                .is_some_and(|p| p.contains("/virtual-service/"))
        });
    assert!(vs_route, "no route carries VirtualService metadata");

    let eds = section(&dump, "EndpointsConfigDump")["dynamic_endpoint_configs"].to_string();
    assert!(
        eds.contains("\"UNHEALTHY\"") && eds.contains("\"zone\":\"us-west1-a\""),
        "EDS lacks health or localities"
    );
    let hosts = statuses["cluster_statuses"].to_string();
    assert!(
        hosts.contains(r#""eds_health_status":"UNHEALTHY""#),
        "/clusters shows no EDS-unhealthy host"
    );
    let secrets = section(&dump, "SecretsConfigDump")["dynamic_active_secrets"]
        .as_array()
        .unwrap();
    assert_eq!(secrets.len(), 2);
    // Certificates as istio-agent sends them: bytes, which the dump shows as base64 of the PEM.
    for secret in secrets {
        let source = match secret["name"].as_str().unwrap() {
            "default" => &secret["secret"]["tls_certificate"]["certificate_chain"],
            _ => &secret["secret"]["validation_context"]["trusted_ca"],
        };
        let encoded = source["inline_bytes"]
            .as_str()
            .unwrap_or_else(|| panic!("no inline_bytes in {secret}"));
        assert!(
            encoded.starts_with("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"),
            "not a base64 PEM certificate: {encoded}"
        );
        assert!(source.get("inline_string").is_none(), "{secret}");
    }
}
