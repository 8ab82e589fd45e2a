//! The test API server's HTTP surface, checked on the wire and through the kube crate's client:
//! discovery documents, list and get shapes, selectors, paging, Table printing, Status errors,
//! token auth, run-time changes, and the standalone binary.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ListParams};
use serde_json::{json, Value};
use testkit::apiserver::{ApiServer, Denial};
use testkit::http::http_get_with_headers;

const TABLE: &str = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

struct Reply {
    status: u16,
    body: Value,
}

fn get(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> Reply {
    let response =
        http_get_with_headers(addr, path, headers).unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let body = serde_json::from_str(&response.body)
        .unwrap_or_else(|e| panic!("{path}: body is not JSON ({e}): {}", response.body));
    Reply {
        status: response.status,
        body,
    }
}

fn pod(name: &str, namespace: &str, labels: Value, phase: &str) -> Value {
    json!({
        "metadata": {"name": name, "namespace": namespace, "labels": labels},
        "spec": {"nodeName": "node-1", "containers": [{"name": "app", "image": "app:1"}]},
        "status": {"phase": phase}
    })
}

fn sample() -> ApiServer {
    ApiServer::builder()
        .pod(pod("web-1", "default", json!({"app": "web", "version": "v1"}), "Running"))
        .pod(pod("web-2", "default", json!({"app": "web", "version": "v2"}), "Pending"))
        .pod(pod("db-0", "prod", json!({"app": "db"}), "Running"))
        .deployment(json!({"metadata": {"name": "web", "labels": {"app": "web"}},
                           "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}}}}))
        .statefulset(json!({"metadata": {"name": "db", "namespace": "prod"}, "spec": {"replicas": 1}}))
        .daemonset(json!({"metadata": {"name": "node-agent"}}))
        .replicaset(json!({"metadata": {"name": "web-5d8f", "labels": {"app": "web"}}}))
        .job(json!({"metadata": {"name": "migrate"}}))
        .replication_controller(json!({"metadata": {"name": "legacy"},
                                       "spec": {"replicas": 3, "selector": {"app": "legacy"}},
                                       "status": {"replicas": 2, "readyReplicas": 1}}))
        .service(json!({"metadata": {"name": "web"},
                        "spec": {"clusterIP": "10.96.0.20", "selector": {"app": "web"}, "ports": [{"port": 80}]}}))
        .gateway(json!({"metadata": {"name": "public", "namespace": "istio-ingress"},
                        "spec": {"gatewayClassName": "istio"},
                        "status": {"addresses": [{"value": "203.0.113.7"}],
                                   "conditions": [{"type": "Programmed", "status": "True"}]}}))
        .start()
}

fn cells(table: &Value, row: usize) -> Vec<Value> {
    table["rows"][row]["cells"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The body at `path`, after checking that it is of this `kind` and `apiVersion`.
fn get_typed(addr: SocketAddr, path: &str, kind: &str, api_version: &str) -> Value {
    let body = get(addr, path, &[]).body;
    assert_eq!(
        (&body["kind"], &body["apiVersion"]),
        (&json!(kind), &json!(api_version)),
        "{path}"
    );
    body
}

fn names(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["metadata"]["name"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn discovery_documents() {
    let srv = sample();
    let addr = srv.addr();
    let version = get(addr, "/version", &[]).body;
    assert_eq!(version["gitVersion"], testkit::apiserver::DEFAULT_VERSION);
    assert_eq!(
        (version["major"].as_str(), version["minor"].as_str()),
        (Some("1"), Some("33"))
    );

    assert_eq!(get(addr, "/api", &[]).body["versions"], json!(["v1"]));
    let groups = get(addr, "/apis", &[]).body;
    assert_eq!(groups["kind"], "APIGroupList");
    let group_names: Vec<&str> = groups["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(|g| g["name"].as_str())
        .collect();
    assert_eq!(group_names, ["apps", "batch", "gateway.networking.k8s.io"]);
    assert_eq!(
        get(addr, "/apis/apps", &[]).body["preferredVersion"]["groupVersion"],
        "apps/v1"
    );

    let resource = |path: &str, name: &str| -> Value {
        let list = get(addr, path, &[]).body;
        assert_eq!(list["kind"], "APIResourceList", "{path}");
        list["resources"]
            .as_array()
            .expect("resources")
            .iter()
            .find(|r| r["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} missing from {path}"))
    };
    let pods = resource("/api/v1", "pods");
    assert_eq!(
        (
            &pods["singularName"],
            &pods["kind"],
            &pods["namespaced"],
            &pods["shortNames"]
        ),
        (&json!("pod"), &json!("Pod"), &json!(true), &json!(["po"]))
    );
    assert!(pods["verbs"]
        .as_array()
        .expect("verbs")
        .contains(&json!("list")));
    assert_eq!(
        resource("/api/v1", "pods/portforward")["verbs"],
        json!(["create", "get"])
    );
    assert_eq!(
        resource("/api/v1", "services")["shortNames"],
        json!(["svc"])
    );
    let rc = resource("/api/v1", "replicationcontrollers");
    assert_eq!(
        (&rc["kind"], &rc["shortNames"], &rc["categories"]),
        (
            &json!("ReplicationController"),
            &json!(["rc"]),
            &json!(["all"])
        )
    );
    assert_eq!(
        resource("/api/v1", "replicationcontrollers/scale")["kind"],
        "Scale"
    );
    for (name, short) in [
        ("deployments", "deploy"),
        ("statefulsets", "sts"),
        ("daemonsets", "ds"),
        ("replicasets", "rs"),
    ] {
        assert_eq!(
            resource("/apis/apps/v1", name)["shortNames"],
            json!([short]),
            "{name}"
        );
    }
    assert_eq!(resource("/apis/batch/v1", "jobs")["kind"], "Job");
    let gateways = resource("/apis/gateway.networking.k8s.io/v1", "gateways");
    assert_eq!(
        (&gateways["kind"], &gateways["shortNames"]),
        (&json!("Gateway"), &json!(["gtw"]))
    );

    let missing = get(addr, "/apis/apps/v2", &[]);
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.body["message"],
        "the server could not find the requested resource"
    );
}

#[test]
fn lists_have_their_kind_and_items_without_type_meta() {
    let srv = sample();
    let addr = srv.addr();
    let pods = get_typed(addr, "/api/v1/namespaces/default/pods", "PodList", "v1");
    assert!(pods["metadata"]["resourceVersion"]
        .as_str()
        .is_some_and(|rv| !rv.is_empty()));
    assert_eq!(names(&pods), ["web-1", "web-2"]);
    assert!(pods["items"][0].get("kind").is_none() && pods["items"][0].get("apiVersion").is_none());
    let first = &pods["items"][0]["metadata"];
    assert_eq!(first["uid"].as_str().map(str::len), Some(36), "uid filled");
    assert!(first["creationTimestamp"]
        .as_str()
        .is_some_and(|t| t.ends_with('Z')));

    let all = get(addr, "/api/v1/pods", &[]).body;
    assert_eq!(names(&all), ["web-1", "web-2", "db-0"]);

    let deployments = "/apis/apps/v1/namespaces/default/deployments";
    get_typed(addr, deployments, "DeploymentList", "apps/v1");
    get_typed(addr, &format!("{deployments}/web"), "Deployment", "apps/v1");
    let rcs = "/api/v1/namespaces/default/replicationcontrollers";
    let list = get_typed(addr, rcs, "ReplicationControllerList", "v1");
    assert_eq!(names(&list), ["legacy"]);
    let rc = get_typed(
        addr,
        &format!("{rcs}/legacy"),
        "ReplicationController",
        "v1",
    );
    assert_eq!(rc["spec"]["selector"], json!({"app": "legacy"}));
    let gateways = get(addr, "/apis/gateway.networking.k8s.io/v1/gateways", &[]).body;
    assert_eq!(gateways["kind"], "GatewayList");
    assert_eq!(names(&gateways), ["public"]);
}

#[test]
fn selectors_and_paging() {
    let srv = sample();
    let addr = srv.addr();
    let list = |query: &str| get(addr, &format!("/api/v1/pods?{query}"), &[]);
    assert_eq!(
        names(&list("labelSelector=app%3Dweb%2Cversion+in+%28v1%2Cv3%29").body),
        ["web-1"]
    );
    assert_eq!(
        names(&list("labelSelector=app+notin+%28web%29").body),
        ["db-0"]
    );
    assert_eq!(names(&list("labelSelector=%21version").body), ["db-0"]);
    assert_eq!(
        names(&list("labelSelector=version").body),
        ["web-1", "web-2"]
    );
    assert_eq!(
        names(&list("fieldSelector=status.phase%3DRunning").body),
        ["web-1", "db-0"]
    );
    assert_eq!(
        names(&list("fieldSelector=metadata.name%3Dweb-2").body),
        ["web-2"]
    );
    assert_eq!(
        names(&list("fieldSelector=metadata.namespace!%3Ddefault").body),
        ["db-0"]
    );

    let rcs = |query: &str| {
        names(
            &get(
                addr,
                &format!("/api/v1/replicationcontrollers?{query}"),
                &[],
            )
            .body,
        )
    };
    assert_eq!(rcs("fieldSelector=status.replicas%3D2"), ["legacy"]);
    assert!(rcs("fieldSelector=status.replicas%3D0").is_empty());

    let bad = list("labelSelector=app+in+web");
    assert_eq!(
        (bad.status, &bad.body["reason"]),
        (400, &json!("BadRequest"))
    );
    let bad_field = list("fieldSelector=spec.containers%3Dx");
    assert_eq!(bad_field.status, 400);
    assert_eq!(
        bad_field.body["message"],
        "field label not supported: spec.containers"
    );

    let page = list("limit=2").body;
    assert_eq!(names(&page), ["web-1", "web-2"]);
    assert_eq!(page["metadata"]["remainingItemCount"], 1);
    let token = page["metadata"]["continue"]
        .as_str()
        .expect("continue token")
        .to_string();
    let rest = list(&format!("limit=2&continue={token}")).body;
    assert_eq!(names(&rest), ["db-0"]);
    assert!(rest["metadata"].get("continue").is_none());
}

#[test]
fn tables_for_kubectl_get() {
    let srv = sample();
    let addr = srv.addr();
    let accept = [("Accept", TABLE)];
    let columns = |table: &Value| -> Vec<String> {
        table["columnDefinitions"]
            .as_array()
            .expect("columns")
            .iter()
            .filter(|c| c["priority"] == 0)
            .map(|c| c["name"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let pods = get(addr, "/api/v1/namespaces/default/pods", &accept).body;
    assert_eq!(
        (&pods["kind"], &pods["apiVersion"]),
        (&json!("Table"), &json!("meta.k8s.io/v1"))
    );
    assert_eq!(
        columns(&pods),
        ["Name", "Ready", "Status", "Restarts", "Age"]
    );
    assert_eq!(
        cells(&pods, 1)[..4],
        [json!("web-2"), json!("0/1"), json!("Pending"), json!("0")]
    );
    assert_eq!(pods["rows"][0]["object"]["kind"], "PartialObjectMetadata");

    let deploy = get(
        addr,
        "/apis/apps/v1/namespaces/default/deployments/web",
        &accept,
    )
    .body;
    assert_eq!(
        columns(&deploy),
        ["Name", "Ready", "Up-to-date", "Available", "Age"]
    );
    assert_eq!(
        cells(&deploy, 0)[..4],
        [json!("web"), json!("0/2"), json!(0), json!(0)]
    );

    let svc = get(addr, "/api/v1/namespaces/default/services", &accept).body;
    assert_eq!(
        columns(&svc),
        [
            "Name",
            "Type",
            "Cluster-IP",
            "External-IP",
            "Port(s)",
            "Age"
        ]
    );
    assert_eq!(
        cells(&svc, 0)[..5],
        [
            json!("web"),
            json!("ClusterIP"),
            json!("10.96.0.20"),
            json!("<none>"),
            json!("80/TCP")
        ]
    );

    let rc = get(
        addr,
        "/api/v1/namespaces/default/replicationcontrollers",
        &accept,
    )
    .body;
    assert_eq!(columns(&rc), ["Name", "Desired", "Current", "Ready", "Age"]);
    assert_eq!(
        cells(&rc, 0)[..4],
        [json!("legacy"), json!(3), json!(2), json!(1)]
    );
    // The wide cells: no template, so no containers or images; the selector map as labels.
    assert_eq!(
        cells(&rc, 0)[5..],
        [json!(""), json!(""), json!("app=legacy")]
    );

    let gtw = get(
        addr,
        "/apis/gateway.networking.k8s.io/v1/namespaces/istio-ingress/gateways",
        &accept,
    )
    .body;
    assert_eq!(
        columns(&gtw),
        ["Name", "Class", "Address", "Programmed", "Age"]
    );
    assert_eq!(
        cells(&gtw, 0)[..4],
        [
            json!("public"),
            json!("istio"),
            json!("203.0.113.7"),
            json!("True")
        ]
    );

    let full = get(
        addr,
        "/api/v1/namespaces/default/pods?includeObject=Object",
        &accept,
    )
    .body;
    assert_eq!(full["rows"][0]["object"]["spec"]["nodeName"], "node-1");
    let bare = get(
        addr,
        "/api/v1/namespaces/default/pods?includeObject=None",
        &accept,
    )
    .body;
    assert!(bare["rows"][0].get("object").is_none());
}

#[test]
fn status_errors_read_like_a_real_server() {
    let srv = ApiServer::builder()
        .pod(pod("web-1", "default", json!({}), "Running"))
        .deny(Denial::new("list", "pods").namespace("kube-system"))
        .deny(Denial::new("get", "deployments").name("secret"))
        .deny(
            Denial::new("list", "pods")
                .user("system:anonymous")
                .namespace("locked"),
        )
        .start();
    let addr = srv.addr();
    let not_found = get(addr, "/api/v1/namespaces/default/pods/nope", &[]);
    assert_eq!(not_found.status, 404);
    assert_eq!(
        not_found.body,
        json!({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
               "message": "pods \"nope\" not found", "reason": "NotFound",
               "details": {"name": "nope", "kind": "pods"}, "code": 404})
    );
    let deploy = get(
        addr,
        "/apis/apps/v1/namespaces/default/deployments/nope",
        &[],
    )
    .body;
    assert_eq!(deploy["message"], "deployments.apps \"nope\" not found");
    assert_eq!(
        deploy["details"],
        json!({"name": "nope", "group": "apps", "kind": "deployments"})
    );

    let list = get(addr, "/api/v1/namespaces/kube-system/pods", &[]);
    assert_eq!(list.status, 403);
    assert_eq!(
        list.body["message"],
        "pods is forbidden: User \"system:anonymous\" cannot list resource \"pods\" in API group \"\" in the namespace \"kube-system\""
    );
    assert_eq!(list.body["reason"], "Forbidden");
    let named = get(
        addr,
        "/apis/apps/v1/namespaces/default/deployments/secret",
        &[],
    )
    .body;
    assert_eq!(
        named["message"],
        "deployments.apps \"secret\" is forbidden: User \"system:anonymous\" cannot get resource \"deployments\" in API group \"apps\" in the namespace \"default\""
    );
    assert_eq!(
        named["details"],
        json!({"name": "secret", "group": "apps", "kind": "deployments"})
    );
    // Denied before existence is checked, as authorization runs first.
    assert_eq!(get(addr, "/api/v1/namespaces/locked/pods", &[]).status, 403);
    // Other namespaces and the cluster-wide list are not covered by these denials.
    assert_eq!(get(addr, "/api/v1/pods", &[]).status, 200);

    srv.deny(Denial::new("list", "pods"));
    let cluster = get(addr, "/api/v1/pods", &[]).body;
    assert_eq!(
        cluster["message"],
        "pods is forbidden: User \"system:anonymous\" cannot list resource \"pods\" in API group \"\" at the cluster scope"
    );
}

#[test]
fn bearer_tokens_identify_users() {
    let srv = ApiServer::builder()
        .token("admin-token", "kubernetes-admin")
        .token("viewer-token", "system:serviceaccount:default:viewer")
        .deny(Denial::new("*", "pods").user("system:serviceaccount:default:viewer"))
        .pod(pod("web-1", "default", json!({}), "Running"))
        .start();
    let addr = srv.addr();
    let path = "/api/v1/namespaces/default/pods/web-1";
    let missing = get(addr, path, &[]);
    assert_eq!(missing.status, 401);
    assert_eq!(
        missing.body,
        json!({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
               "message": "Unauthorized", "reason": "Unauthorized", "code": 401})
    );
    assert_eq!(
        get(addr, path, &[("Authorization", "Bearer nope")]).status,
        401
    );
    assert_eq!(
        get(addr, path, &[("Authorization", "Bearer admin-token")]).status,
        200
    );
    let viewer = get(addr, path, &[("Authorization", "Bearer viewer-token")]);
    assert_eq!(viewer.status, 403);
    assert!(viewer.body["message"]
        .as_str()
        .is_some_and(|m| m.contains("User \"system:serviceaccount:default:viewer\" cannot get")));

    let users: Vec<Option<String>> = srv.requests().into_iter().map(|r| r.user).collect();
    assert_eq!(
        users,
        [
            None,
            None,
            Some("kubernetes-admin".to_string()),
            Some("system:serviceaccount:default:viewer".to_string())
        ]
    );
}

#[test]
fn gateways_at_both_versions_or_only_the_older_one() {
    let gateway = json!({"apiVersion": "gateway.networking.k8s.io/v1beta1", "kind": "Gateway",
                         "metadata": {"name": "public", "namespace": "default"},
                         "spec": {"gatewayClassName": "istio"}});
    let both = ApiServer::builder().add(gateway.clone()).start();
    let group = get(both.addr(), "/apis/gateway.networking.k8s.io", &[]).body;
    assert_eq!(
        group["versions"],
        json!([{"groupVersion": "gateway.networking.k8s.io/v1", "version": "v1"},
               {"groupVersion": "gateway.networking.k8s.io/v1beta1", "version": "v1beta1"}])
    );
    assert_eq!(group["preferredVersion"]["version"], "v1");
    for version in ["v1", "v1beta1"] {
        let path =
            format!("/apis/gateway.networking.k8s.io/{version}/namespaces/default/gateways/public");
        let reply = get(both.addr(), &path, &[]);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(
            reply.body["apiVersion"],
            format!("gateway.networking.k8s.io/{version}"),
            "one object, given at the version asked for"
        );
    }

    let older = ApiServer::builder()
        .without_version("gateway.networking.k8s.io/v1")
        .add(gateway)
        .start();
    let groups = get(older.addr(), "/apis", &[]).body;
    let gateway_group = groups["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "gateway.networking.k8s.io")
        .unwrap();
    assert_eq!(gateway_group["preferredVersion"]["version"], "v1beta1");
    assert_eq!(gateway_group["versions"].as_array().unwrap().len(), 1);
    let unserved = get(
        older.addr(),
        "/apis/gateway.networking.k8s.io/v1/namespaces/default/gateways/public",
        &[],
    );
    assert_eq!(unserved.status, 404);
    assert_eq!(
        unserved.body["message"],
        "the server could not find the requested resource"
    );
    assert_eq!(
        get(older.addr(), "/apis/gateway.networking.k8s.io/v1", &[]).status,
        404
    );
    assert_eq!(
        get(
            older.addr(),
            "/apis/gateway.networking.k8s.io/v1beta1/namespaces/default/gateways/public",
            &[]
        )
        .status,
        200
    );
}

#[test]
fn impersonation_headers_are_recorded() {
    let srv = ApiServer::builder()
        .pod(pod("web-1", "default", json!({}), "Running"))
        .start();
    let path = "/api/v1/namespaces/default/pods/web-1";
    assert_eq!(get(srv.addr(), path, &[]).status, 200);
    let headers = [
        ("Impersonate-User", "jane"),
        ("Impersonate-Group", "dev"),
        ("Impersonate-Group", "ops"),
        ("Impersonate-Uid", "42"),
    ];
    assert_eq!(get(srv.addr(), path, &headers).status, 200);
    let seen: Vec<_> = srv
        .requests()
        .into_iter()
        .map(|r| (r.impersonate_user, r.impersonate_groups, r.impersonate_uid))
        .collect();
    assert_eq!(
        seen,
        [
            (None, vec![], None),
            (
                Some("jane".to_string()),
                vec!["dev".to_string(), "ops".to_string()],
                Some("42".to_string())
            ),
        ]
    );
}

#[test]
fn objects_change_at_run_time_and_writes_are_refused() {
    let srv = ApiServer::builder().start();
    let addr = srv.addr();
    assert_eq!(
        names(&get(addr, "/api/v1/pods", &[]).body),
        Vec::<String>::new()
    );
    srv.add(
        json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "late", "namespace": "ns"}}),
    )
    .expect("add");
    assert_eq!(names(&get(addr, "/api/v1/pods", &[]).body), ["late"]);
    assert!(srv
        .add(json!({"kind": "Secret", "metadata": {"name": "x"}}))
        .is_err());
    assert!(srv.remove("Pod", "ns", "late"));
    assert!(!srv.remove("Pod", "ns", "late"));
    assert_eq!(
        get(addr, "/api/v1/namespaces/ns/pods/late", &[]).status,
        404
    );

    let mut conn = TcpStream::connect(addr).expect("connect");
    conn.write_all(
        b"DELETE /api/v1/namespaces/ns/pods/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .expect("send");
    let mut reply = String::new();
    conn.read_to_string(&mut reply).expect("read");
    assert!(reply.starts_with("HTTP/1.1 405"), "{reply}");
}

#[tokio::test]
async fn kube_client_lists_and_gets() {
    let srv = sample();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config");
    srv.write_kubeconfig(&path, "test", None)
        .expect("kubeconfig");
    let kubeconfig = kube::config::Kubeconfig::read_from(&path).expect("read");
    let config = kube::Config::from_custom_kubeconfig(kubeconfig, &Default::default())
        .await
        .expect("config");
    assert_eq!(
        config.default_namespace, "default",
        "no namespace in the context means default"
    );
    let client = kube::Client::try_from(config).expect("client");

    let deployments: Api<Deployment> = Api::default_namespaced(client.clone());
    let web = deployments.get("web").await.expect("get deployment");
    assert_eq!(web.spec.and_then(|s| s.replicas), Some(2));

    let pods: Api<Pod> = Api::all(client.clone());
    let running = pods
        .list(
            &ListParams::default()
                .labels("app")
                .fields("status.phase=Running"),
        )
        .await
        .expect("list pods");
    let found: Vec<String> = running
        .items
        .into_iter()
        .filter_map(|p| p.metadata.name)
        .collect();
    assert_eq!(found, ["web-1", "db-0"]);

    match Api::<Pod>::namespaced(client, "prod").get("web-1").await {
        Err(kube::Error::Api(status)) => {
            assert_eq!((status.code, status.reason.as_str()), (404, "NotFound"));
            assert_eq!(status.message, "pods \"web-1\" not found");
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
}

#[test]
fn kubeconfig_has_every_context() {
    let srv = ApiServer::builder()
        .token("main-token", "admin")
        .kubeconfig_context(
            testkit::apiserver::KubeContext::new("viewer")
                .namespace("prod")
                .token("viewer-token"),
        )
        .start();
    let yaml: Value = serde_saphyr::from_str(&srv.kubeconfig_yaml("main", "web")).expect("YAML");
    assert_eq!(yaml["current-context"], "main");
    assert_eq!(yaml["clusters"][0]["cluster"]["server"], srv.url());
    let contexts = yaml["contexts"].as_array().expect("contexts");
    assert_eq!(contexts.len(), 2);
    assert_eq!(contexts[0]["context"]["namespace"], "web");
    assert_eq!(contexts[1]["name"], "viewer");
    assert_eq!(contexts[1]["context"]["namespace"], "prod");
    let tokens: Vec<&str> = yaml["users"]
        .as_array()
        .expect("users")
        .iter()
        .filter_map(|u| u["user"]["token"].as_str())
        .collect();
    assert_eq!(tokens, ["main-token", "viewer-token"]);
}

#[test]
fn binary_serves_objects_from_a_file_and_writes_a_kubeconfig() {
    let dir = tempfile::tempdir().expect("tempdir");
    let objects = dir.path().join("objects.yaml");
    std::fs::write(
        &objects,
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web-1, labels: {app: web}}\n---\n\
         apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n",
    )
    .expect("write objects");
    let kubeconfig = dir.path().join("kubeconfig");
    let mut child = Command::new(env!("CARGO_BIN_EXE_meshctl-test-apiserver"))
        .arg("--objects")
        .arg(&objects)
        .arg("--kubeconfig-out")
        .arg(&kubeconfig)
        .args(["--context", "manual", "--namespace", "shop"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start binary");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read URL");
    let url = line.trim().to_string();
    let served = std::panic::catch_unwind(|| {
        let addr: SocketAddr = url
            .strip_prefix("http://")
            .expect("http URL")
            .parse()
            .expect("address");
        assert_eq!(
            names(&get(addr, "/api/v1/namespaces/default/pods", &[]).body),
            ["web-1"]
        );
        assert_eq!(
            get(addr, "/apis/apps/v1/namespaces/shop/deployments/web", &[]).status,
            200
        );
        let config: Value =
            serde_saphyr::from_str(&std::fs::read_to_string(&kubeconfig).expect("kubeconfig"))
                .expect("YAML");
        assert_eq!(config["current-context"], "manual");
        assert_eq!(config["contexts"][0]["context"]["namespace"], "shop");
        assert_eq!(config["clusters"][0]["cluster"]["server"], url.as_str());
    });
    let _ = child.kill();
    let _ = child.wait();
    if let Err(panic) = served {
        std::panic::resume_unwind(panic);
    }

    std::fs::write(&objects, "kind: Widget\nmetadata: {name: w}\n").expect("write");
    let bad = Command::new(env!("CARGO_BIN_EXE_meshctl-test-apiserver"))
        .arg("--objects")
        .arg(&objects)
        .output()
        .expect("run binary");
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("unsupported kind Widget"), "{stderr}");
    assert!(bad.stdout.is_empty());

    for (flag, value, complaint) in [
        (
            "--fault",
            "default/web-1=explode",
            "unknown fault \"explode\"",
        ),
        (
            "--backend",
            "default/web-1=127.0.0.1:1",
            "expected NS/POD:PORT",
        ),
        ("--deny", "get", "--deny wants VERB:RESOURCE[:NAMESPACE]"),
        ("--token", "no-user", "--token wants TOKEN=USER"),
    ] {
        let bad = Command::new(env!("CARGO_BIN_EXE_meshctl-test-apiserver"))
            .args([flag, value])
            .output()
            .expect("run binary");
        let stderr = String::from_utf8_lossy(&bad.stderr);
        assert_eq!(bad.status.code(), Some(2), "{flag} {value}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(complaint), "{flag} {value}: {stderr}");
    }
}
