//! Server-side printing: the `meta.k8s.io/v1` `Table` that `kubectl get` asks for, with the
//! columns and cell values a real API server computes for each kind.

use std::time::SystemTime;

use serde_json::{json, Value};

use super::time::{age, human_duration, parse_rfc3339, signed_seconds_between};

/// What each row carries besides its cells (`?includeObject=`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum IncludeObject {
    None,
    Metadata,
    Object,
}

impl IncludeObject {
    pub fn parse(value: Option<&str>) -> Result<Self, String> {
        match value {
            None | Some("") | Some("Metadata") => Ok(Self::Metadata),
            Some("None") => Ok(Self::None),
            Some("Object") => Ok(Self::Object),
            Some(other) => Err(format!(
                "includeObject: Unsupported value: {other:?}: supported values: \"Metadata\", \"None\", \"Object\""
            )),
        }
    }
}

struct Column {
    name: &'static str,
    kind: &'static str,
    format: &'static str,
    description: &'static str,
    priority: u8,
}

const fn col(name: &'static str, kind: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind,
        format: "",
        description,
        priority: 0,
    }
}

const fn wide(name: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind: "string",
        format: "",
        description,
        priority: 1,
    }
}

const NAME: Column = Column {
    name: "Name",
    kind: "string",
    format: "name",
    description: "Name must be unique within a namespace.",
    priority: 0,
};
const AGE: Column = col("Age", "string", "Time since the object was created.");
const CONTAINERS: Column = wide("Containers", "Names of each container in the template.");
const IMAGES: Column = wide(
    "Images",
    "Images referenced by each container in the template.",
);
const SELECTOR: Column = wide("Selector", "Label selector for the pods.");

/// Computes one row's cells at a given time.
type CellsFn = fn(&Value, SystemTime) -> Vec<Value>;

/// Builds the `Table` for `objects` of the resource `resource` (plural name).
pub(crate) fn table(
    resource: &str,
    objects: &[&Value],
    include: IncludeObject,
    resource_version: &str,
    now: SystemTime,
) -> Value {
    let (columns, cells): (Vec<Column>, CellsFn) = match resource {
        "pods" => (
            vec![
                NAME,
                col("Ready", "string", "Ready containers out of all containers."),
                col(
                    "Status",
                    "string",
                    "Aggregate status of the containers in this pod.",
                ),
                col(
                    "Restarts",
                    "string",
                    "Container restarts, with the time of the latest.",
                ),
                AGE,
                wide("IP", "IP address allocated to the pod."),
                wide("Node", "Node the pod is scheduled on."),
                wide(
                    "Nominated Node",
                    "Node the scheduler nominated for preemption.",
                ),
                wide("Readiness Gates", "Readiness gates that are satisfied."),
            ],
            pod_cells,
        ),
        "deployments" => (
            vec![
                NAME,
                col("Ready", "string", "Ready replicas out of desired replicas."),
                col(
                    "Up-to-date",
                    "integer",
                    "Replicas updated to the desired template.",
                ),
                col("Available", "integer", "Replicas available to users."),
                AGE,
                CONTAINERS,
                IMAGES,
                SELECTOR,
            ],
            deployment_cells,
        ),
        "replicasets" | "replicationcontrollers" => (
            vec![
                NAME,
                col("Desired", "integer", "Desired replicas."),
                col("Current", "integer", "Observed replicas."),
                col("Ready", "integer", "Ready replicas."),
                AGE,
                CONTAINERS,
                IMAGES,
                SELECTOR,
            ],
            if resource == "replicasets" {
                replicaset_cells
            } else {
                replication_controller_cells
            },
        ),
        "statefulsets" => (
            vec![
                NAME,
                col("Ready", "string", "Ready replicas out of desired replicas."),
                AGE,
                CONTAINERS,
                IMAGES,
            ],
            statefulset_cells,
        ),
        "daemonsets" => (
            vec![
                NAME,
                col(
                    "Desired",
                    "integer",
                    "Nodes that should run the daemon pod.",
                ),
                col("Current", "integer", "Nodes running the daemon pod."),
                col("Ready", "integer", "Nodes with a ready daemon pod."),
                col(
                    "Up-to-date",
                    "integer",
                    "Nodes running the updated daemon pod.",
                ),
                col(
                    "Available",
                    "integer",
                    "Nodes with an available daemon pod.",
                ),
                col(
                    "Node Selector",
                    "string",
                    "Node selector of the pod template.",
                ),
                AGE,
                CONTAINERS,
                IMAGES,
                SELECTOR,
            ],
            daemonset_cells,
        ),
        "jobs" => (
            vec![
                NAME,
                col("Status", "string", "Status of the job."),
                col(
                    "Completions",
                    "string",
                    "Successful pods out of desired completions.",
                ),
                col(
                    "Duration",
                    "string",
                    "Time the job took, or has been running.",
                ),
                AGE,
                CONTAINERS,
                IMAGES,
                SELECTOR,
            ],
            job_cells,
        ),
        "services" => (
            vec![
                NAME,
                col("Type", "string", "How the service is exposed."),
                col("Cluster-IP", "string", "Cluster IP of the service."),
                col(
                    "External-IP",
                    "string",
                    "External addresses of the service.",
                ),
                col("Port(s)", "string", "Ports the service exposes."),
                AGE,
                wide("Selector", "Pods the service routes to."),
            ],
            service_cells,
        ),
        // A CRD: its additionalPrinterColumns, with Age as a date column.
        "gateways" => (
            vec![
                NAME,
                col("Class", "string", ""),
                col("Address", "string", ""),
                col("Programmed", "string", ""),
                col("Age", "date", ""),
            ],
            gateway_cells,
        ),
        _ => (vec![NAME, AGE], generic_cells),
    };
    let rows: Vec<Value> = objects
        .iter()
        .map(|object| {
            let mut row = json!({"cells": cells(object, now)});
            match include {
                IncludeObject::None => {}
                IncludeObject::Metadata => {
                    row["object"] = json!({
                        "kind": "PartialObjectMetadata",
                        "apiVersion": "meta.k8s.io/v1",
                        "metadata": object.get("metadata").cloned().unwrap_or(json!({})),
                    })
                }
                IncludeObject::Object => row["object"] = (*object).clone(),
            }
            row
        })
        .collect();
    let column_definitions: Vec<Value> = columns
        .iter()
        .map(|c| {
            json!({"name": c.name, "type": c.kind, "format": c.format,
                   "description": c.description, "priority": c.priority})
        })
        .collect();
    json!({
        "kind": "Table",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": {"resourceVersion": resource_version},
        "columnDefinitions": column_definitions,
        "rows": rows,
    })
}

fn str_at<'a>(object: &'a Value, pointer: &str) -> Option<&'a str> {
    object.pointer(pointer).and_then(Value::as_str)
}

fn int_at(object: &Value, pointer: &str) -> i64 {
    object.pointer(pointer).and_then(Value::as_i64).unwrap_or(0)
}

fn array_at<'a>(object: &'a Value, pointer: &str) -> &'a [Value] {
    object
        .pointer(pointer)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn or_none(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.is_empty() => v.to_string(),
        _ => "<none>".to_string(),
    }
}

fn creation_age(object: &Value, now: SystemTime) -> Value {
    json!(age(str_at(object, "/metadata/creationTimestamp"), now))
}

fn name_cell(object: &Value) -> Value {
    json!(str_at(object, "/metadata/name").unwrap_or(""))
}

fn generic_cells(object: &Value, now: SystemTime) -> Vec<Value> {
    vec![name_cell(object), creation_age(object, now)]
}

fn condition_true(object: &Value, condition: &str) -> bool {
    array_at(object, "/status/conditions")
        .iter()
        .any(|c| c["type"] == condition && c["status"] == "True")
}

/// Why a terminated container stopped: its reason, else its signal or exit code.
fn termination_text(terminated: &Value) -> String {
    match terminated.get("reason").and_then(Value::as_str) {
        Some(reason) if !reason.is_empty() => reason.to_string(),
        _ => {
            let signal = terminated
                .get("signal")
                .and_then(Value::as_i64)
                .unwrap_or(0);
            if signal != 0 {
                format!("Signal:{signal}")
            } else {
                format!(
                    "ExitCode:{}",
                    terminated
                        .get("exitCode")
                        .and_then(Value::as_i64)
                        .unwrap_or(0)
                )
            }
        }
    }
}

/// Restart bookkeeping: the count and the latest time a container last terminated.
#[derive(Default, Clone, Copy)]
struct Restarts {
    count: i64,
    latest: Option<SystemTime>,
}

impl Restarts {
    fn add(&mut self, status: &Value) {
        self.count += status
            .get("restartCount")
            .and_then(Value::as_i64)
            .unwrap_or(0);
        let finished = status
            .pointer("/lastState/terminated/finishedAt")
            .and_then(Value::as_str)
            .and_then(parse_rfc3339);
        if let Some(t) = finished {
            if self.latest.is_none_or(|latest| t > latest) {
                self.latest = Some(t);
            }
        }
    }

    fn text(&self, now: SystemTime) -> String {
        match self.latest {
            Some(t) => format!(
                "{} ({} ago)",
                self.count,
                human_duration(signed_seconds_between(t, now))
            ),
            None => self.count.to_string(),
        }
    }
}

/// READY, STATUS and RESTARTS of a pod, derived from its container statuses the way the API
/// server's pod printer does (init containers, sidecars, waiting/terminated reasons, deletion).
fn pod_cells(pod: &Value, now: SystemTime) -> Vec<Value> {
    let mut reason = str_at(pod, "/status/phase").unwrap_or("").to_string();
    if let Some(r) = str_at(pod, "/status/reason").filter(|r| !r.is_empty()) {
        reason = r.to_string();
    }
    let init_specs = array_at(pod, "/spec/initContainers");
    let is_sidecar = |name: &str| {
        init_specs
            .iter()
            .any(|c| c["name"] == name && c["restartPolicy"] == "Always")
    };
    let sidecars = init_specs
        .iter()
        .filter(|c| c["restartPolicy"] == "Always")
        .count();
    let total = (array_at(pod, "/spec/containers").len() + sidecars) as i64;
    let mut ready = 0;
    let mut all_restarts = Restarts::default();
    let mut sidecar_restarts = Restarts::default();
    let mut initializing = false;

    for (index, status) in array_at(pod, "/status/initContainerStatuses")
        .iter()
        .enumerate()
    {
        let sidecar = is_sidecar(status["name"].as_str().unwrap_or(""));
        all_restarts.add(status);
        if sidecar {
            sidecar_restarts.add(status);
        }
        let terminated = status.pointer("/state/terminated");
        if terminated.is_some_and(|t| t.get("exitCode").and_then(Value::as_i64) == Some(0)) {
            continue;
        }
        if sidecar && status["started"] == true {
            if status["ready"] == true {
                ready += 1;
            }
            continue;
        }
        let waiting_reason = str_at(status, "/state/waiting/reason").unwrap_or("");
        reason = if let Some(t) = terminated {
            format!("Init:{}", termination_text(t))
        } else if !waiting_reason.is_empty() && waiting_reason != "PodInitializing" {
            format!("Init:{waiting_reason}")
        } else {
            format!("Init:{}/{}", index, init_specs.len())
        };
        initializing = true;
        break;
    }

    let mut restarts = all_restarts;
    if !initializing || condition_true(pod, "Initialized") {
        restarts = sidecar_restarts;
        let mut has_running = false;
        for status in array_at(pod, "/status/containerStatuses").iter().rev() {
            restarts.add(status);
            let waiting_reason = str_at(status, "/state/waiting/reason").unwrap_or("");
            let terminated = status.pointer("/state/terminated");
            if !waiting_reason.is_empty() {
                reason = waiting_reason.to_string();
            } else if let Some(t) = terminated {
                reason = termination_text(t);
            } else if status["ready"] == true && status.pointer("/state/running").is_some() {
                has_running = true;
                ready += 1;
            }
        }
        if reason == "Completed" && has_running {
            reason = if condition_true(pod, "Ready") {
                "Running"
            } else {
                "NotReady"
            }
            .to_string();
        }
    }

    if pod.pointer("/metadata/deletionTimestamp").is_some() {
        let phase = str_at(pod, "/status/phase").unwrap_or("");
        if str_at(pod, "/status/reason") == Some("NodeLost") {
            reason = "Unknown".to_string();
        } else if phase != "Succeeded" && phase != "Failed" {
            reason = "Terminating".to_string();
        }
    }

    let gates = array_at(pod, "/spec/readinessGates");
    let readiness_gates = if gates.is_empty() {
        "<none>".to_string()
    } else {
        let satisfied = gates
            .iter()
            .filter(|g| {
                g["conditionType"]
                    .as_str()
                    .is_some_and(|t| condition_true(pod, t))
            })
            .count();
        format!("{satisfied}/{}", gates.len())
    };

    vec![
        name_cell(pod),
        json!(format!("{ready}/{total}")),
        json!(reason),
        json!(restarts.text(now)),
        creation_age(pod, now),
        json!(or_none(str_at(pod, "/status/podIP"))),
        json!(or_none(str_at(pod, "/spec/nodeName"))),
        json!(or_none(str_at(pod, "/status/nominatedNodeName"))),
        json!(readiness_gates),
    ]
}

/// `spec.replicas`, which the API server defaults to 1.
fn desired_replicas(object: &Value) -> i64 {
    object
        .pointer("/spec/replicas")
        .and_then(Value::as_i64)
        .unwrap_or(1)
}

fn template_containers(object: &Value) -> (Value, Value) {
    let containers = array_at(object, "/spec/template/spec/containers");
    let join = |field: &str| {
        containers
            .iter()
            .map(|c| c[field].as_str().unwrap_or(""))
            .collect::<Vec<_>>()
            .join(",")
    };
    (json!(join("name")), json!(join("image")))
}

/// A plain label map as `labels.FormatLabels` prints it: `a=1,b=2`, or `<none>` when empty.
fn label_map_text(labels: Option<&Value>) -> String {
    match labels.and_then(Value::as_object) {
        Some(labels) if !labels.is_empty() => {
            let mut pairs: Vec<_> = labels.iter().collect();
            pairs.sort_by(|a, b| a.0.cmp(b.0));
            pairs
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
                .collect::<Vec<_>>()
                .join(",")
        }
        _ => "<none>".to_string(),
    }
}

/// A `LabelSelector` object as selector text: `app=web,tier in (a,b)`.
fn selector_text(selector: Option<&Value>) -> String {
    let Some(selector) = selector else {
        return "<none>".to_string();
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(labels) = selector.get("matchLabels").and_then(Value::as_object) {
        let mut pairs: Vec<_> = labels.iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        parts.extend(
            pairs
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or(""))),
        );
    }
    for expr in selector
        .get("matchExpressions")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
    {
        let key = expr["key"].as_str().unwrap_or("");
        let mut values: Vec<&str> = expr["values"]
            .as_array()
            .map(|v| v.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        values.sort_unstable();
        parts.push(match expr["operator"].as_str().unwrap_or("") {
            "In" => format!("{key} in ({})", values.join(",")),
            "NotIn" => format!("{key} notin ({})", values.join(",")),
            "Exists" => key.to_string(),
            "DoesNotExist" => format!("!{key}"),
            other => format!("{key} {other}"),
        });
    }
    if parts.is_empty() {
        "<none>".to_string()
    } else {
        parts.join(",")
    }
}

fn deployment_cells(deploy: &Value, now: SystemTime) -> Vec<Value> {
    let (containers, images) = template_containers(deploy);
    vec![
        name_cell(deploy),
        json!(format!(
            "{}/{}",
            int_at(deploy, "/status/readyReplicas"),
            desired_replicas(deploy)
        )),
        json!(int_at(deploy, "/status/updatedReplicas")),
        json!(int_at(deploy, "/status/availableReplicas")),
        creation_age(deploy, now),
        containers,
        images,
        json!(selector_text(deploy.pointer("/spec/selector"))),
    ]
}

fn replicaset_cells(rs: &Value, now: SystemTime) -> Vec<Value> {
    replicas_cells(rs, now, selector_text(rs.pointer("/spec/selector")))
}

/// As a ReplicaSet's, but the selector is a plain label map, not a `LabelSelector`.
fn replication_controller_cells(rc: &Value, now: SystemTime) -> Vec<Value> {
    replicas_cells(rc, now, label_map_text(rc.pointer("/spec/selector")))
}

/// DESIRED, CURRENT and READY are `spec.replicas`, `status.replicas` and `status.readyReplicas`,
/// as the API server's printers have them for ReplicaSets and ReplicationControllers.
fn replicas_cells(object: &Value, now: SystemTime, selector: String) -> Vec<Value> {
    let (containers, images) = template_containers(object);
    vec![
        name_cell(object),
        json!(desired_replicas(object)),
        json!(int_at(object, "/status/replicas")),
        json!(int_at(object, "/status/readyReplicas")),
        creation_age(object, now),
        containers,
        images,
        json!(selector),
    ]
}

fn statefulset_cells(sts: &Value, now: SystemTime) -> Vec<Value> {
    let (containers, images) = template_containers(sts);
    vec![
        name_cell(sts),
        json!(format!(
            "{}/{}",
            int_at(sts, "/status/readyReplicas"),
            desired_replicas(sts)
        )),
        creation_age(sts, now),
        containers,
        images,
    ]
}

fn daemonset_cells(ds: &Value, now: SystemTime) -> Vec<Value> {
    let (containers, images) = template_containers(ds);
    let node_selector = label_map_text(ds.pointer("/spec/template/spec/nodeSelector"));
    vec![
        name_cell(ds),
        json!(int_at(ds, "/status/desiredNumberScheduled")),
        json!(int_at(ds, "/status/currentNumberScheduled")),
        json!(int_at(ds, "/status/numberReady")),
        json!(int_at(ds, "/status/updatedNumberScheduled")),
        json!(int_at(ds, "/status/numberAvailable")),
        json!(node_selector),
        creation_age(ds, now),
        containers,
        images,
        json!(selector_text(ds.pointer("/spec/selector"))),
    ]
}

fn job_cells(job: &Value, now: SystemTime) -> Vec<Value> {
    let (containers, images) = template_containers(job);
    let succeeded = int_at(job, "/status/succeeded");
    let completions = match job.pointer("/spec/completions").and_then(Value::as_i64) {
        Some(c) => format!("{succeeded}/{c}"),
        None => {
            let parallelism = job
                .pointer("/spec/parallelism")
                .and_then(Value::as_i64)
                .unwrap_or(1);
            if parallelism > 1 {
                format!("{succeeded}/1 of {parallelism}")
            } else {
                format!("{succeeded}/1")
            }
        }
    };
    let start = str_at(job, "/status/startTime").and_then(parse_rfc3339);
    let end = str_at(job, "/status/completionTime").and_then(parse_rfc3339);
    let duration = match (start, end) {
        (Some(s), Some(e)) => human_duration(signed_seconds_between(s, e)),
        (Some(s), None) => human_duration(signed_seconds_between(s, now)),
        _ => String::new(),
    };
    let status = if condition_true(job, "Complete") {
        "Complete"
    } else if condition_true(job, "Failed") {
        "Failed"
    } else if job.pointer("/metadata/deletionTimestamp").is_some() {
        "Terminating"
    } else if condition_true(job, "FailureTarget") {
        "FailureTarget"
    } else if condition_true(job, "SuccessCriteriaMet") {
        "SuccessCriteriaMet"
    } else if condition_true(job, "Suspended") {
        "Suspended"
    } else {
        "Running"
    };
    vec![
        name_cell(job),
        json!(status),
        json!(completions),
        json!(duration),
        creation_age(job, now),
        containers,
        images,
        json!(selector_text(job.pointer("/spec/selector"))),
    ]
}

fn service_cells(svc: &Value, now: SystemTime) -> Vec<Value> {
    let service_type = str_at(svc, "/spec/type").unwrap_or("ClusterIP");
    let external_ips: Vec<String> = array_at(svc, "/spec/externalIPs")
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    let external = match service_type {
        "ExternalName" => or_none(str_at(svc, "/spec/externalName")),
        "LoadBalancer" => {
            let mut addresses: Vec<String> = array_at(svc, "/status/loadBalancer/ingress")
                .iter()
                .filter_map(|i| i["ip"].as_str().or(i["hostname"].as_str()))
                .map(str::to_string)
                .collect();
            addresses.extend(external_ips);
            if addresses.is_empty() {
                "<pending>".to_string()
            } else {
                addresses.join(",")
            }
        }
        _ if external_ips.is_empty() => "<none>".to_string(),
        _ => external_ips.join(","),
    };
    let ports: Vec<String> = array_at(svc, "/spec/ports")
        .iter()
        .map(|p| {
            let port = p["port"].as_i64().unwrap_or(0);
            let protocol = p["protocol"].as_str().unwrap_or("TCP");
            match p["nodePort"].as_i64() {
                Some(node_port) if node_port != 0 => format!("{port}:{node_port}/{protocol}"),
                _ => format!("{port}/{protocol}"),
            }
        })
        .collect();
    let selector = label_map_text(svc.pointer("/spec/selector"));
    let cluster_ip = if service_type == "ExternalName" {
        "<none>".to_string()
    } else {
        or_none(str_at(svc, "/spec/clusterIP"))
    };
    vec![
        name_cell(svc),
        json!(service_type),
        json!(cluster_ip),
        json!(external),
        json!(if ports.is_empty() {
            "<none>".to_string()
        } else {
            ports.join(",")
        }),
        creation_age(svc, now),
        json!(selector),
    ]
}

fn gateway_cells(gateway: &Value, now: SystemTime) -> Vec<Value> {
    let addresses: Vec<Value> = array_at(gateway, "/status/addresses")
        .iter()
        .filter_map(|a| a.get("value").cloned())
        .collect();
    let address = match addresses.len() {
        0 => Value::Null,
        1 => addresses[0].clone(),
        _ => Value::Array(addresses),
    };
    let programmed = array_at(gateway, "/status/conditions")
        .iter()
        .find(|c| c["type"] == "Programmed")
        .and_then(|c| c.get("status").cloned())
        .unwrap_or(Value::Null);
    vec![
        name_cell(gateway),
        gateway
            .pointer("/spec/gatewayClassName")
            .cloned()
            .unwrap_or(Value::Null),
        address,
        programmed,
        creation_age(gateway, now),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> SystemTime {
        parse_rfc3339("2024-05-01T12:00:00Z").unwrap()
    }

    fn pod_row(pod: Value) -> Vec<Value> {
        pod_cells(&pod, now())
    }

    fn running(name: &str, ready: bool, restarts: i64) -> Value {
        json!({"name": name, "ready": ready, "restartCount": restarts,
               "state": {"running": {"startedAt": "2024-05-01T11:00:00Z"}}})
    }

    #[test]
    fn running_pod_with_sidecar() {
        let cells = pod_row(json!({
            "metadata": {"name": "web-1", "creationTimestamp": "2024-05-01T11:00:00Z"},
            "spec": {"containers": [{"name": "app"}, {"name": "istio-proxy"}], "nodeName": "n1"},
            "status": {"phase": "Running", "podIP": "10.0.0.5",
                       "containerStatuses": [running("app", true, 0), running("istio-proxy", true, 0)]}
        }));
        assert_eq!(
            cells[..5],
            [
                json!("web-1"),
                json!("2/2"),
                json!("Running"),
                json!("0"),
                json!("60m")
            ]
        );
        assert_eq!(cells[5], "10.0.0.5");
        assert_eq!(cells[6], "n1");
        assert_eq!(cells[7], "<none>");
        assert_eq!(cells[8], "<none>");
    }

    #[test]
    fn crash_looping_container_shows_waiting_reason_and_last_restart() {
        let cells = pod_row(json!({
            "metadata": {"name": "web-2", "creationTimestamp": "2024-05-01T10:00:00Z"},
            "spec": {"containers": [{"name": "app"}]},
            "status": {"phase": "Running", "containerStatuses": [{
                "name": "app", "ready": false, "restartCount": 4,
                "state": {"waiting": {"reason": "CrashLoopBackOff"}},
                "lastState": {"terminated": {"exitCode": 1, "finishedAt": "2024-05-01T11:58:00Z"}}
            }]}
        }));
        assert_eq!(cells[1], "0/1");
        assert_eq!(cells[2], "CrashLoopBackOff");
        assert_eq!(cells[3], "4 (2m ago)");
        assert_eq!(cells[4], "120m");
    }

    #[test]
    fn init_containers_and_termination() {
        let waiting_init = pod_row(json!({
            "metadata": {"name": "p"},
            "spec": {"initContainers": [{"name": "a"}, {"name": "b"}], "containers": [{"name": "app"}]},
            "status": {"phase": "Pending", "initContainerStatuses": [
                {"name": "a", "restartCount": 0, "state": {"terminated": {"exitCode": 0}}},
                {"name": "b", "restartCount": 0, "state": {"waiting": {"reason": "PodInitializing"}}}
            ]}
        }));
        assert_eq!(waiting_init[2], "Init:1/2");
        assert_eq!(waiting_init[4], "<unknown>");

        let failed_init = pod_row(json!({
            "metadata": {"name": "p"},
            "spec": {"initContainers": [{"name": "a"}], "containers": [{"name": "app"}]},
            "status": {"phase": "Pending", "initContainerStatuses": [
                {"name": "a", "restartCount": 2, "state": {"terminated": {"exitCode": 3}}}
            ]}
        }));
        assert_eq!(failed_init[2], "Init:ExitCode:3");
        assert_eq!(failed_init[3], "2");

        let deleting = pod_row(json!({
            "metadata": {"name": "p", "deletionTimestamp": "2024-05-01T11:59:00Z"},
            "spec": {"containers": [{"name": "app"}]},
            "status": {"phase": "Running", "containerStatuses": [running("app", true, 0)]}
        }));
        assert_eq!(deleting[2], "Terminating");

        let completed = pod_row(json!({
            "metadata": {"name": "p"},
            "spec": {"containers": [{"name": "app"}]},
            "status": {"phase": "Succeeded", "containerStatuses": [{"name": "app", "ready": false,
                "restartCount": 0, "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}}]}
        }));
        assert_eq!(completed[1], "0/1");
        assert_eq!(completed[2], "Completed");
    }

    #[test]
    fn native_sidecars_count_towards_ready() {
        let cells = pod_row(json!({
            "metadata": {"name": "p"},
            "spec": {"initContainers": [{"name": "proxy", "restartPolicy": "Always"}],
                     "containers": [{"name": "app"}]},
            "status": {"phase": "Running", "conditions": [{"type": "Initialized", "status": "True"}],
                "initContainerStatuses": [{"name": "proxy", "started": true, "ready": true, "restartCount": 1,
                    "state": {"running": {}}}],
                "containerStatuses": [running("app", true, 2)]}
        }));
        assert_eq!(cells[1], "2/2");
        assert_eq!(cells[2], "Running");
        assert_eq!(cells[3], "3");
    }

    #[test]
    fn deployment_row() {
        let deploy = json!({
            "metadata": {"name": "web", "creationTimestamp": "2024-04-28T12:00:00Z"},
            "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
                     "template": {"spec": {"containers": [{"name": "app", "image": "nginx:1"}]}}},
            "status": {"readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2}
        });
        let cells = deployment_cells(&deploy, now());
        assert_eq!(
            cells,
            vec![
                json!("web"),
                json!("2/3"),
                json!(3),
                json!(2),
                json!("3d"),
                json!("app"),
                json!("nginx:1"),
                json!("app=web")
            ]
        );
    }

    #[test]
    fn replication_controller_row() {
        let rc = json!({
            "metadata": {"name": "legacy", "creationTimestamp": "2024-04-30T12:00:00Z"},
            "spec": {"replicas": 3, "selector": {"tier": "old", "app": "legacy"},
                     "template": {"spec": {"containers": [{"name": "app", "image": "app:1"},
                                                          {"name": "istio-proxy", "image": "proxyv2:1"}]}}},
            "status": {"replicas": 2, "readyReplicas": 1}
        });
        assert_eq!(
            replication_controller_cells(&rc, now()),
            vec![
                json!("legacy"),
                json!(3),
                json!(2),
                json!(1),
                json!("24h"),
                json!("app,istio-proxy"),
                json!("app:1,proxyv2:1"),
                json!("app=legacy,tier=old")
            ]
        );
        let bare = json!({"metadata": {"name": "bare"}});
        let cells = replication_controller_cells(&bare, now());
        assert_eq!(cells[1..4], [json!(1), json!(0), json!(0)]);
        assert_eq!(cells[7], "<none>");
        let t = table(
            "replicationcontrollers",
            &[&rc],
            IncludeObject::None,
            "7",
            now(),
        );
        let columns: Vec<(&str, i64)> = t["columnDefinitions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["name"].as_str().unwrap(), c["priority"].as_i64().unwrap()))
            .collect();
        assert_eq!(
            columns,
            [
                ("Name", 0),
                ("Desired", 0),
                ("Current", 0),
                ("Ready", 0),
                ("Age", 0),
                ("Containers", 1),
                ("Images", 1),
                ("Selector", 1)
            ]
        );
    }

    #[test]
    fn services_and_selectors() {
        let svc = json!({"metadata": {"name": "web"},
            "spec": {"type": "NodePort", "clusterIP": "10.96.0.10",
                     "ports": [{"port": 80, "nodePort": 30080}, {"port": 53, "protocol": "UDP"}],
                     "selector": {"app": "web"}}});
        let cells = service_cells(&svc, now());
        assert_eq!(cells[1], "NodePort");
        assert_eq!(cells[2], "10.96.0.10");
        assert_eq!(cells[3], "<none>");
        assert_eq!(cells[4], "80:30080/TCP,53/UDP");
        assert_eq!(cells[6], "app=web");
        let lb = json!({"metadata": {"name": "lb"}, "spec": {"type": "LoadBalancer", "ports": []}});
        assert_eq!(service_cells(&lb, now())[3], "<pending>");
        let expr = json!({"matchLabels": {"b": "2", "a": "1"},
                          "matchExpressions": [{"key": "t", "operator": "In", "values": ["y", "x"]}]});
        assert_eq!(selector_text(Some(&expr)), "a=1,b=2,t in (x,y)");
    }

    #[test]
    fn table_rows_carry_partial_metadata_by_default() {
        let pod = json!({"kind": "Pod", "metadata": {"name": "a", "namespace": "ns"}, "spec": {}});
        let t = table("pods", &[&pod], IncludeObject::Metadata, "7", now());
        assert_eq!(t["kind"], "Table");
        assert_eq!(t["metadata"]["resourceVersion"], "7");
        assert_eq!(t["rows"][0]["object"]["kind"], "PartialObjectMetadata");
        assert_eq!(t["rows"][0]["object"]["metadata"]["namespace"], "ns");
        let none = table("widgets", &[&pod], IncludeObject::None, "7", now());
        assert_eq!(none["columnDefinitions"].as_array().unwrap().len(), 2);
        assert!(none["rows"][0].get("object").is_none());
    }
}
