//! Target types as kubectl reads them: for every spelling here, the real kubectl on this machine,
//! asked for `<type>/<name>` by the test API server, must accept exactly those meshctl accepts and
//! find the same kind.

use std::process::Command;

use crate::support::*;
use meshctl::target::{self, Kind};
use serde_json::json;
use testkit::apiserver::ApiServer;

/// Spellings of the kinds the test API server serves, and near misses.
const SPELLINGS: &[&str] = &[
    "po",
    "pod",
    "pods",
    "Pod",
    "PODS",
    "Po",
    "PO",
    "pods.",
    "pods.v1.",
    "pods.v1",
    "pods.V1.",
    "deploy",
    "Deploy",
    "DEPLOY",
    "deployment",
    "deployments",
    "Deployment",
    "DEPLOYMENT",
    "deployment.apps",
    "deploy.apps",
    "Deployment.apps",
    "deployments.v1.apps",
    "deploy.v1.apps",
    "deployments.APPS",
    "deployments.V1.apps",
    "deployments.apps.",
    "deploy.apps.v1",
    "deployments.v1beta1.apps",
    "deploy.v1",
    "deployments.batch",
    "rc",
    "RC",
    "replicationcontroller",
    "ReplicationController",
    "replicationcontrollers.v1.",
    "rc.v1.",
    "svc",
    "service",
    "Services",
    "svc.v1.",
    "job",
    "jobs.batch",
    "job.v1.batch",
    "Jobs",
    "gtw",
    "GTW",
    "gateway",
    "Gateways",
    "gateways.gateway.networking.k8s.io",
    "gateways.v1.gateway.networking.k8s.io",
    "gateways.v1beta1.gateway.networking.k8s.io",
    "gtw.gateway.networking.k8s.io",
    "cm",
    "CM",
    "configmap",
    "ConfigMaps",
    "configmaps.v1.",
    "foo",
    "deploy ",
];

#[test]
fn target_types_are_read_as_the_real_kubectl_reads_them() {
    let server = ApiServer::builder()
        .pod(json!({"metadata": {"name": "x"}, "spec": {"nodeName": "n", "containers": [{"name": "a", "image": "a"}]}}))
        .deployment(workload("Deployment", "x", "default", json!({"app": "x"})))
        .job(workload("Job", "x", "default", json!({"app": "x"})))
        .replication_controller(json!({"metadata": {"name": "x"}, "spec": {"selector": {"app": "x"}}}))
        .service(json!({"metadata": {"name": "x"}, "spec": {"selector": {"app": "x"}}}))
        .gateway(json!({"metadata": {"name": "x"}, "spec": {"gatewayClassName": "istio"}}))
        .config_map(json!({"metadata": {"name": "x"}}))
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let mut disagreements = Vec::new();
    for typ in SPELLINGS {
        let text = format!("{typ}/x");
        let output = Command::new("kubectl")
            .args(["get", &text, "-o", "name"])
            .env("KUBECONFIG", &kubeconfig)
            .env("HOME", home.path())
            .output()
            .expect("kubectl is on PATH (the machine image provides it)");
        // `deployment.apps/x`: the kind's singular name before the group.
        let kubectl = output.status.success().then(|| {
            let out = String::from_utf8_lossy(&output.stdout);
            out.trim()
                .split(['.', '/'])
                .next()
                .unwrap_or("")
                .to_string()
        });
        let parsed = target::parse(&text).resource.ok();
        let meshctl = parsed.as_ref().map(|r| r.names.name.to_ascii_lowercase());
        if kubectl != meshctl {
            disagreements.push(format!("{typ}: kubectl {kubectl:?}, meshctl {meshctl:?}"));
        }
        if let Some(r) = parsed {
            assert!(r.typed && r.name == "x", "{typ}");
            assert!(matches!(
                r.kind(),
                Kind::Pod
                    | Kind::Deployment
                    | Kind::Job
                    | Kind::ReplicationController
                    | Kind::Service
                    | Kind::Gateway
                    | Kind::Other
            ));
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
