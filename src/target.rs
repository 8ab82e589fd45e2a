//! Proxy targets on the command line: `[<type>/]<name>[.<namespace>]`, and the pure half of
//! resolving one to a pod: which kinds exist, how a workload's selector becomes a label-selector
//! string, and which of several pods kubectl would pick. The API round trips live in `live::resolve`.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

use crate::error::Error;
use crate::goparse::quote;

/// The kinds a target may name: a fixed table, so resolving needs no discovery round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pod,
    Deployment,
    StatefulSet,
    DaemonSet,
    ReplicaSet,
    ReplicationController,
    Job,
    Service,
    /// A Gateway API gateway: its pods carry `gateway.networking.k8s.io/gateway-name=<name>`.
    Gateway,
    /// A kind kubectl knows that selects no pods (a ConfigMap): looked up, then refused.
    Other,
}

/// The label the Gateway API puts on the pods of a gateway's deployment.
pub const GATEWAY_NAME_LABEL: &str = "gateway.networking.k8s.io/gateway-name";

/// One kind as the API serves it and as kubectl lets a user name it.
#[derive(Debug, PartialEq, Eq)]
pub struct KindNames {
    pub kind: Kind,
    /// The API's name of the kind, as in Go's type name (`*v1.ConfigMap`).
    pub name: &'static str,
    /// The plural resource name, as in paths and in `deployments.apps "x" not found`.
    pub resource: &'static str,
    singular: &'static str,
    /// Short names; unlike the plural and singular, kubectl takes these in lower case only.
    short: &'static [&'static str],
    pub group: &'static str,
    /// The versions served, preferred first.
    pub versions: &'static [&'static str],
    pub namespaced: bool,
}

const fn kind(
    kind: Kind,
    name: &'static str,
    resource: &'static str,
    singular: &'static str,
    short: &'static [&'static str],
    group: &'static str,
    versions: &'static [&'static str],
) -> KindNames {
    KindNames {
        kind,
        name,
        resource,
        singular,
        short,
        group,
        versions,
        namespaced: true,
    }
}

const fn cluster_scoped(names: KindNames) -> KindNames {
    KindNames {
        namespaced: false,
        ..names
    }
}

const V1: &[&str] = &["v1"];

const KINDS: &[KindNames] = &[
    kind(Kind::Pod, "Pod", "pods", "pod", &["po"], "", V1),
    kind(
        Kind::Deployment,
        "Deployment",
        "deployments",
        "deployment",
        &["deploy"],
        "apps",
        V1,
    ),
    kind(
        Kind::StatefulSet,
        "StatefulSet",
        "statefulsets",
        "statefulset",
        &["sts"],
        "apps",
        V1,
    ),
    kind(
        Kind::DaemonSet,
        "DaemonSet",
        "daemonsets",
        "daemonset",
        &["ds"],
        "apps",
        V1,
    ),
    kind(
        Kind::ReplicaSet,
        "ReplicaSet",
        "replicasets",
        "replicaset",
        &["rs"],
        "apps",
        V1,
    ),
    kind(
        Kind::ReplicationController,
        "ReplicationController",
        "replicationcontrollers",
        "replicationcontroller",
        &["rc"],
        "",
        V1,
    ),
    kind(Kind::Job, "Job", "jobs", "job", &[], "batch", V1),
    kind(
        Kind::Service,
        "Service",
        "services",
        "service",
        &["svc"],
        "",
        V1,
    ),
    kind(
        Kind::Gateway,
        "Gateway",
        "gateways",
        "gateway",
        &["gtw"],
        "gateway.networking.k8s.io",
        &["v1", "v1beta1"],
    ),
    // Kinds of a plain cluster that select no pods: named so that a target naming one is
    // looked up and refused as istioctl refuses it, not taken for an unknown type.
    kind(
        Kind::Other,
        "ConfigMap",
        "configmaps",
        "configmap",
        &["cm"],
        "",
        V1,
    ),
    kind(Kind::Other, "Secret", "secrets", "secret", &[], "", V1),
    kind(
        Kind::Other,
        "ServiceAccount",
        "serviceaccounts",
        "serviceaccount",
        &["sa"],
        "",
        V1,
    ),
    kind(
        Kind::Other,
        "Endpoints",
        "endpoints",
        "endpoints",
        &["ep"],
        "",
        V1,
    ),
    kind(
        Kind::Other,
        "PersistentVolumeClaim",
        "persistentvolumeclaims",
        "persistentvolumeclaim",
        &["pvc"],
        "",
        V1,
    ),
    kind(Kind::Other, "Event", "events", "event", &["ev"], "", V1),
    kind(
        Kind::Other,
        "LimitRange",
        "limitranges",
        "limitrange",
        &["limits"],
        "",
        V1,
    ),
    kind(
        Kind::Other,
        "ResourceQuota",
        "resourcequotas",
        "resourcequota",
        &["quota"],
        "",
        V1,
    ),
    kind(
        Kind::Other,
        "PodTemplate",
        "podtemplates",
        "podtemplate",
        &[],
        "",
        V1,
    ),
    kind(
        Kind::Other,
        "CronJob",
        "cronjobs",
        "cronjob",
        &["cj"],
        "batch",
        V1,
    ),
    kind(
        Kind::Other,
        "ControllerRevision",
        "controllerrevisions",
        "controllerrevision",
        &[],
        "apps",
        V1,
    ),
    kind(
        Kind::Other,
        "HorizontalPodAutoscaler",
        "horizontalpodautoscalers",
        "horizontalpodautoscaler",
        &["hpa"],
        "autoscaling",
        &["v2", "v1"],
    ),
    kind(
        Kind::Other,
        "PodDisruptionBudget",
        "poddisruptionbudgets",
        "poddisruptionbudget",
        &["pdb"],
        "policy",
        V1,
    ),
    kind(
        Kind::Other,
        "Ingress",
        "ingresses",
        "ingress",
        &["ing"],
        "networking.k8s.io",
        V1,
    ),
    kind(
        Kind::Other,
        "NetworkPolicy",
        "networkpolicies",
        "networkpolicy",
        &["netpol"],
        "networking.k8s.io",
        V1,
    ),
    kind(
        Kind::Other,
        "EndpointSlice",
        "endpointslices",
        "endpointslice",
        &[],
        "discovery.k8s.io",
        V1,
    ),
    kind(
        Kind::Other,
        "Lease",
        "leases",
        "lease",
        &[],
        "coordination.k8s.io",
        V1,
    ),
    kind(
        Kind::Other,
        "Role",
        "roles",
        "role",
        &[],
        "rbac.authorization.k8s.io",
        V1,
    ),
    kind(
        Kind::Other,
        "RoleBinding",
        "rolebindings",
        "rolebinding",
        &[],
        "rbac.authorization.k8s.io",
        V1,
    ),
    cluster_scoped(kind(Kind::Other, "Node", "nodes", "node", &["no"], "", V1)),
    cluster_scoped(kind(
        Kind::Other,
        "Namespace",
        "namespaces",
        "namespace",
        &["ns"],
        "",
        V1,
    )),
    cluster_scoped(kind(
        Kind::Other,
        "PersistentVolume",
        "persistentvolumes",
        "persistentvolume",
        &["pv"],
        "",
        V1,
    )),
];

impl KindNames {
    /// kubectl's `resource.group` spelling, used in its error messages (`deployments.apps "x" not found`).
    pub fn qualified_resource(&self) -> String {
        if self.group.is_empty() {
            self.resource.to_string()
        } else {
            format!("{}.{}", self.resource, self.group)
        }
    }

    /// Whether `resource` names this kind as kubectl reads it: a short name exactly, the plural
    /// or singular in any case.
    fn is_named(&self, resource: &str) -> bool {
        self.short.contains(&resource)
            || resource.eq_ignore_ascii_case(self.resource)
            || resource.eq_ignore_ascii_case(self.singular)
    }
}

impl Kind {
    fn names(self) -> &'static KindNames {
        // Every listed variant has a row; `Other` has many, and names none here.
        KINDS
            .iter()
            .find(|k| k.kind == self)
            .expect("every kind has a row in KINDS")
    }

    /// kubectl's `resource.group` spelling, used in its error messages (`deployments.apps "x" not found`).
    pub fn qualified_resource(self) -> String {
        self.names().qualified_resource()
    }
}

/// The kind and version a type names, as kubectl resolves it: `resource.version.group` first (a
/// served version of that group), then `resource.group`, then a bare resource; group and
/// version are case-sensitive.
fn resolve_type(typ: &str) -> Option<(&'static KindNames, &'static str)> {
    let find = |resource: &str, group: Option<&str>| {
        KINDS
            .iter()
            .find(|k| group.is_none_or(|g| g == k.group) && k.is_named(resource))
    };
    if typ.matches('.').count() >= 2 {
        let mut parts = typ.splitn(3, '.');
        let (resource, version, group) = (parts.next()?, parts.next()?, parts.next()?);
        if let Some(names) = find(resource, Some(group)) {
            if let Some(version) = names.versions.iter().find(|v| **v == version) {
                return Some((names, version));
            }
        }
    }
    let (resource, group) = match typ.split_once('.') {
        Some((resource, group)) => (resource, Some(group)),
        None => (typ, None),
    };
    find(resource, group).map(|names| (names, names.versions[0]))
}

/// The kind a type names as kubectl reads it (`deploy`, `deployments.apps`, `ns`), for listing
/// names when completing a target.
pub fn kind_named(typ: &str) -> Option<&'static KindNames> {
    resolve_type(typ).map(|(names, _)| names)
}

/// What a target names once its namespace is split off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub names: &'static KindNames,
    /// The API version to ask for.
    pub version: &'static str,
    pub name: String,
    /// `<type>/<name>`: looked up as kubectl looks it up. A bare name is a pod name, used as is.
    pub typed: bool,
}

impl Resource {
    pub fn kind(&self) -> Kind {
        self.names.kind
    }

    /// The API group version to ask for: `v1`, `apps/v1`.
    pub fn api_version(&self) -> String {
        if self.names.group.is_empty() {
            self.version.to_string()
        } else {
            format!("{}/{}", self.names.group, self.version)
        }
    }

    /// Go's name for the object's type, as istioctl names a kind it cannot select pods for
    /// (`*v1.ConfigMap`).
    pub fn go_type(&self) -> String {
        format!("*{}.{}", self.version, self.names.name)
    }
}

/// A parsed target: `[<type>/]<name>[.<namespace>]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The target without its namespace, as typed (`deploy/web`), for messages.
    pub resname: String,
    /// Only what the target itself said; None for none or an empty one (`pod.`).
    pub namespace: Option<String>,
    /// What it names, or why kubectl would refuse it (reported once the namespace is known).
    pub resource: Result<Resource, String>,
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.resource {
            Ok(r) if r.kind() == Kind::Pod => write!(f, "pod/{}", r.name),
            Ok(r) => write!(f, "{}/{}", r.names.singular, r.name),
            Err(_) => f.write_str(&self.resname),
        }
    }
}

/// Parses `[<type>/]<name>[.<namespace>]` as istioctl does. The namespace follows the last `.`
/// after the last `/` when a `/` stands after the first character (a type may hold dots:
/// `deployments.apps/x`), else the last `.`: so a dotted pod name loses its tail to the
/// namespace, as istioctl splits it.
pub fn parse(text: &str) -> Target {
    let dot = match text.rfind('/') {
        Some(slash) if slash > 0 => text[slash..].rfind('.').map(|d| slash + d),
        _ => text.rfind('.'),
    };
    let (resname, namespace) = match dot {
        Some(dot) => (
            &text[..dot],
            Some(&text[dot + 1..]).filter(|ns| !ns.is_empty()),
        ),
        None => (text, None),
    };
    let resource = if resname.contains('/') {
        typed_resource(resname)
    } else {
        Ok(Resource {
            names: Kind::Pod.names(),
            version: "v1",
            name: resname.to_string(),
            typed: false,
        })
    };
    Target {
        resname: resname.to_string(),
        namespace: namespace.map(str::to_string),
        resource,
    }
}

/// `<type>/<name>`, or the reason kubectl gives for refusing it.
fn typed_resource(resname: &str) -> Result<Resource, String> {
    let parts: Vec<&str> = resname.split('/').collect();
    let [typ, name] = parts[..] else {
        return Err("arguments in resource/name form may not have more than one slash".into());
    };
    if typ.is_empty() || name.is_empty() {
        return Err("arguments in resource/name form must have a single resource and name".into());
    }
    let (names, version) = resolve_type(typ)
        .ok_or_else(|| format!("the server doesn't have a resource type {}", quote(typ)))?;
    Ok(Resource {
        names,
        version,
        name: name.to_string(),
        typed: true,
    })
}

/// A `LabelSelector` as the string the API's `labelSelector` parameter takes, requirements sorted
/// by key as kubectl prints them. `None` for an empty selector, which would select every pod.
pub fn selector_string(selector: &LabelSelector) -> Result<Option<String>, Error> {
    let mut requirements: Vec<(String, String)> = Vec::new();
    for (key, value) in selector.match_labels.iter().flatten() {
        requirements.push((key.clone(), format!("{key}={value}")));
    }
    for expr in selector.match_expressions.iter().flatten() {
        let values = expr.values.clone().unwrap_or_default();
        let mut sorted = values.clone();
        sorted.sort();
        let text = match expr.operator.as_str() {
            "In" | "NotIn" if values.is_empty() => {
                return Err(Error::kube(format!(
                    "selector requirement on {:?} uses {} without values",
                    expr.key, expr.operator
                )))
            }
            "In" => format!("{} in ({})", expr.key, sorted.join(",")),
            "NotIn" => format!("{} notin ({})", expr.key, sorted.join(",")),
            "Exists" => expr.key.clone(),
            "DoesNotExist" => format!("!{}", expr.key),
            other => {
                return Err(Error::kube(format!(
                    "selector requirement on {:?} has unknown operator {other:?}",
                    expr.key
                )))
            }
        };
        requirements.push((expr.key.clone(), text));
    }
    if requirements.is_empty() {
        return Ok(None);
    }
    requirements.sort();
    Ok(Some(
        requirements
            .into_iter()
            .map(|(_, text)| text)
            .collect::<Vec<_>>()
            .join(","),
    ))
}

/// A service's (or replication controller's) plain `key: value` selector as a selector string.
pub fn map_selector_string(selector: &BTreeMap<String, String>) -> Option<String> {
    if selector.is_empty() {
        return None;
    }
    Some(
        selector
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(","),
    )
}

/// kubectl ranks Running before Unknown before Pending; any other phase ranks as Running.
fn phase_rank(pod: &Pod) -> u8 {
    match pod.status.as_ref().and_then(|s| s.phase.as_deref()) {
        Some("Unknown") => 1,
        Some("Pending") => 2,
        _ => 0,
    }
}

/// The pod's Ready condition (the first one, as kubectl reads it).
fn ready_condition(pod: &Pod) -> Option<&k8s_openapi::api::core::v1::PodCondition> {
    pod.status
        .as_ref()?
        .conditions
        .as_ref()?
        .iter()
        .find(|c| c.type_ == "Ready")
}

fn is_ready(pod: &Pod) -> bool {
    ready_condition(pod).is_some_and(|c| c.status == "True")
}

fn ready_since(pod: &Pod) -> Option<k8s_openapi::jiff::Timestamp> {
    ready_condition(pod)?
        .last_transition_time
        .as_ref()
        .map(|t| t.0)
}

fn max_restarts(pod: &Pod) -> i32 {
    pod.status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|statuses| statuses.iter().map(|c| c.restart_count).max())
        .unwrap_or(0)
        .max(0)
}

fn is_scheduled(pod: &Pod) -> bool {
    pod.spec
        .as_ref()
        .and_then(|s| s.node_name.as_deref())
        .is_some_and(|n| !n.is_empty())
}

/// Earlier times first; a missing time sorts after any known one.
fn earlier_first(
    a: Option<k8s_openapi::jiff::Timestamp>,
    b: Option<k8s_openapi::jiff::Timestamp>,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The order in which kubectl considers a workload's pods for `logs`, `exec` and `port-forward`
/// (its `ByLogging`): the best candidate sorts first; a full tie is `Equal`.
pub fn kubectl_pod_order(a: &Pod, b: &Pod) -> Ordering {
    is_scheduled(b)
        .cmp(&is_scheduled(a))
        .then_with(|| phase_rank(a).cmp(&phase_rank(b)))
        .then_with(|| is_ready(b).cmp(&is_ready(a)))
        .then_with(|| match is_ready(a) && is_ready(b) {
            true => earlier_first(ready_since(a), ready_since(b)),
            false => Ordering::Equal,
        })
        .then_with(|| max_restarts(b).cmp(&max_restarts(a)))
        .then_with(|| {
            earlier_first(
                a.metadata.creation_timestamp.as_ref().map(|t| t.0),
                b.metadata.creation_timestamp.as_ref().map(|t| t.0),
            )
        })
}

/// The pod kubectl would pick among a workload's pods: the first after Go's `sort.Sort` by
/// `kubectl_pod_order`, which leaves ties where Go's sort leaves them (in list order up to
/// twelve pods).
pub fn pick_pod(pods: &[Pod]) -> Option<&Pod> {
    let mut sorted: Vec<&Pod> = pods.iter().collect();
    crate::gosort::slice(&mut sorted, |a, b| {
        kubectl_pod_order(a, b) == Ordering::Less
    });
    sorted.first().copied()
}

/// A port-forward only works to a running pod; say so before trying, as kubectl does.
pub fn ensure_running(pod: &Pod, namespace: &str) -> Result<(), Error> {
    let name = pod.metadata.name.as_deref().unwrap_or("");
    let phase = pod
        .status
        .as_ref()
        .and_then(|s| s.phase.as_deref())
        .unwrap_or("Unknown");
    if pod.metadata.deletion_timestamp.is_some() {
        return Err(Error::kube(format!(
            "pod \"{name}\" in namespace \"{namespace}\" is terminating"
        )));
    }
    if phase != "Running" {
        return Err(Error::kube(format!(
            "pod \"{name}\" in namespace \"{namespace}\" is not running (phase {phase})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::core::v1::{ContainerStatus, PodCondition, PodSpec, PodStatus};
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::{
        LabelSelectorRequirement, ObjectMeta, Time,
    };

    /// (kind's API name, name, namespace) of a target that names a resource.
    fn named(text: &str) -> (&'static str, String, Option<String>, bool) {
        let t = parse(text);
        let r = t
            .resource
            .unwrap_or_else(|e| panic!("{text}: refused: {e}"));
        (r.names.name, r.name, t.namespace, r.typed)
    }

    #[test]
    fn bare_names_are_pods_used_as_is() {
        assert_eq!(named("web-1"), ("Pod", "web-1".into(), None, false));
        assert_eq!(
            named("web-1.shop"),
            ("Pod", "web-1".into(), Some("shop".into()), false)
        );
        // A dotted pod name loses its tail to the namespace, as istioctl splits it.
        assert_eq!(
            named("my.pod"),
            ("Pod", "my".into(), Some("pod".into()), false)
        );
        assert_eq!(
            named("a.b.c"),
            ("Pod", "a.b".into(), Some("c".into()), false)
        );
        // Nothing after the dot: no namespace of its own.
        assert_eq!(named("pod."), ("Pod", "pod".into(), None, false));
        assert_eq!(parse("pod.").resname, "pod");
    }

    #[test]
    fn the_namespace_follows_the_last_dot_after_the_last_slash() {
        assert_eq!(
            named("deploy/x.bookinfo"),
            ("Deployment", "x".into(), Some("bookinfo".into()), true)
        );
        assert_eq!(
            named("deployments.apps/x"),
            ("Deployment", "x".into(), None, true)
        );
        assert_eq!(
            named("deployments.apps/x.ns"),
            ("Deployment", "x".into(), Some("ns".into()), true)
        );
        assert_eq!(
            named("pod/a.b.c"),
            ("Pod", "a.b".into(), Some("c".into()), true)
        );
        assert_eq!(named("deploy/x."), ("Deployment", "x".into(), None, true));
        let t = parse("a/b.c.d");
        assert_eq!(
            (t.resname.as_str(), t.namespace.as_deref()),
            ("a/b.c", Some("d"))
        );
        // A `/` in first place does not count: the last `.` of all splits.
        let t = parse("/x.y");
        assert_eq!(
            (t.resname.as_str(), t.namespace.as_deref()),
            ("/x", Some("y"))
        );
    }

    /// Every spelling kubectl takes for the kinds, checked against the real kubectl: plural and
    /// singular in any case, short names in lower case only, `.group`, `.version.group`.
    #[test]
    fn every_kubectl_spelling_is_accepted() {
        let cases: &[(&str, &str)] = &[
            ("po", "Pod"),
            ("pod", "Pod"),
            ("pods", "Pod"),
            ("Pod", "Pod"),
            ("PODS", "Pod"),
            ("pods.", "Pod"),
            ("pods.v1.", "Pod"),
            ("deploy", "Deployment"),
            ("deployment", "Deployment"),
            ("deployments", "Deployment"),
            ("Deployment", "Deployment"),
            ("DEPLOYMENT", "Deployment"),
            ("Deployments", "Deployment"),
            ("deployment.apps", "Deployment"),
            ("deploy.apps", "Deployment"),
            ("Deployment.apps", "Deployment"),
            ("deployments.v1.apps", "Deployment"),
            ("deploy.v1.apps", "Deployment"),
            ("Deployment.v1.apps", "Deployment"),
            ("sts", "StatefulSet"),
            ("statefulset", "StatefulSet"),
            ("statefulsets.apps", "StatefulSet"),
            ("sts.apps", "StatefulSet"),
            ("ds", "DaemonSet"),
            ("daemonsets", "DaemonSet"),
            ("DaemonSet", "DaemonSet"),
            ("rs", "ReplicaSet"),
            ("replicaset", "ReplicaSet"),
            ("rc", "ReplicationController"),
            ("ReplicationController", "ReplicationController"),
            ("replicationcontrollers.v1.", "ReplicationController"),
            ("rc.v1.", "ReplicationController"),
            ("replicationcontrollers.", "ReplicationController"),
            ("job", "Job"),
            ("jobs.batch", "Job"),
            ("job.v1.batch", "Job"),
            ("svc", "Service"),
            ("service", "Service"),
            ("services", "Service"),
            ("svc.v1.", "Service"),
            ("gtw", "Gateway"),
            ("gateway", "Gateway"),
            ("Gateway", "Gateway"),
            ("Gateways", "Gateway"),
            ("gateways.gateway.networking.k8s.io", "Gateway"),
            ("gateways.v1.gateway.networking.k8s.io", "Gateway"),
            ("gateways.v1beta1.gateway.networking.k8s.io", "Gateway"),
            ("gtw.gateway.networking.k8s.io", "Gateway"),
            ("cm", "ConfigMap"),
            ("configmaps", "ConfigMap"),
            ("cronjob", "CronJob"),
            ("hpa", "HorizontalPodAutoscaler"),
        ];
        for (typ, kind) in cases {
            let t = parse(&format!("{typ}/x.ns"));
            let r = t.resource.unwrap_or_else(|e| panic!("{typ}: {e}"));
            assert_eq!((r.names.name, r.name.as_str()), (*kind, "x"), "type {typ}");
            assert_eq!(t.namespace.as_deref(), Some("ns"));
        }
    }

    #[test]
    fn spellings_kubectl_refuses_and_malformed_targets() {
        for typ in [
            "Deploy",
            "DEPLOY",
            "Po",
            "PO",
            "RC",
            "GTW",
            "deployments.APPS",
            "deployments.V1.apps",
            "Deployments.Apps",
            "pods.v1",
            "pods.V1.",
            "deployments.apps.",
            "deploy.apps.v1",
            "deployments.v1beta1.apps",
            "deployments.v2.apps",
            "deploy.v1",
            "deployments.batch",
            "foo",
            "deploy ",
        ] {
            assert_eq!(
                parse(&format!("{typ}/x")).resource,
                Err(format!("the server doesn't have a resource type \"{typ}\"")),
                "{typ}"
            );
        }
        for text in ["/p", "pod/", "/"] {
            assert_eq!(
                parse(text).resource,
                Err("arguments in resource/name form must have a single resource and name".into()),
                "{text}"
            );
        }
        assert_eq!(
            parse("pod/p/q").resource,
            Err("arguments in resource/name form may not have more than one slash".into())
        );
    }

    #[test]
    fn go_type_names_come_from_the_version_asked_for() {
        let go_type = |text: &str| parse(text).resource.unwrap().go_type();
        assert_eq!(go_type("cm/x"), "*v1.ConfigMap");
        assert_eq!(go_type("hpa/x"), "*v2.HorizontalPodAutoscaler");
        assert_eq!(
            go_type("horizontalpodautoscalers.v1.autoscaling/x"),
            "*v1.HorizontalPodAutoscaler"
        );
    }

    #[test]
    fn qualified_resources_read_like_kubectl() {
        assert_eq!(Kind::Pod.qualified_resource(), "pods");
        assert_eq!(Kind::Deployment.qualified_resource(), "deployments.apps");
        assert_eq!(Kind::Job.qualified_resource(), "jobs.batch");
        assert_eq!(parse("sts/db").to_string(), "statefulset/db");
        assert_eq!(parse("db-0").to_string(), "pod/db-0");
        assert_eq!(parse("foo/x").to_string(), "foo/x");
    }

    fn requirement(key: &str, op: &str, values: &[&str]) -> LabelSelectorRequirement {
        LabelSelectorRequirement {
            key: key.into(),
            operator: op.into(),
            values: Some(values.iter().map(|v| v.to_string()).collect()),
        }
    }

    #[test]
    fn selectors_become_label_selector_strings() {
        let selector = LabelSelector {
            match_labels: Some(BTreeMap::from([
                ("app".to_string(), "web".to_string()),
                ("version".to_string(), "v1".to_string()),
            ])),
            match_expressions: Some(vec![
                requirement("tier", "In", &["front", "edge"]),
                requirement("track", "NotIn", &["canary"]),
                requirement("managed", "Exists", &[]),
                requirement("legacy", "DoesNotExist", &[]),
            ]),
        };
        assert_eq!(
            selector_string(&selector).unwrap().unwrap(),
            "app=web,!legacy,managed,tier in (edge,front),track notin (canary),version=v1"
        );
        assert_eq!(selector_string(&LabelSelector::default()).unwrap(), None);
        let bad = LabelSelector {
            match_labels: None,
            match_expressions: Some(vec![requirement("x", "Near", &["y"])]),
        };
        assert!(selector_string(&bad)
            .unwrap_err()
            .message
            .contains("unknown operator \"Near\""));
        let empty_in = LabelSelector {
            match_labels: None,
            match_expressions: Some(vec![requirement("x", "In", &[])]),
        };
        assert!(selector_string(&empty_in).is_err());
        assert_eq!(
            map_selector_string(&BTreeMap::from([("app".to_string(), "web".to_string())])),
            Some("app=web".to_string())
        );
        assert_eq!(map_selector_string(&BTreeMap::new()), None);
    }

    struct PodShape {
        name: &'static str,
        node: bool,
        phase: &'static str,
        ready_since: Option<&'static str>,
        restarts: i32,
        created: &'static str,
    }

    const BASE: PodShape = PodShape {
        name: "p",
        node: true,
        phase: "Running",
        ready_since: Some("2024-01-01T00:10:00Z"),
        restarts: 0,
        created: "2024-01-01T00:00:00Z",
    };

    fn pod(shape: PodShape) -> Pod {
        let time = |s: &str| Time(s.parse().unwrap());
        Pod {
            metadata: ObjectMeta {
                name: Some(shape.name.into()),
                creation_timestamp: Some(time(shape.created)),
                ..Default::default()
            },
            spec: Some(PodSpec {
                node_name: shape.node.then(|| "node-1".to_string()),
                ..Default::default()
            }),
            status: Some(PodStatus {
                phase: Some(shape.phase.into()),
                conditions: Some(vec![PodCondition {
                    type_: "Ready".into(),
                    status: if shape.ready_since.is_some() {
                        "True"
                    } else {
                        "False"
                    }
                    .into(),
                    last_transition_time: shape.ready_since.map(time),
                    ..Default::default()
                }]),
                container_statuses: Some(vec![ContainerStatus {
                    name: "app".into(),
                    restart_count: shape.restarts,
                    ..Default::default()
                }]),
                ..Default::default()
            }),
        }
    }

    fn picked(pods: Vec<Pod>) -> String {
        pick_pod(&pods).unwrap().metadata.name.clone().unwrap()
    }

    #[test]
    fn kubectl_pod_choice() {
        // Each pair: the pod that must win listed second, so input order cannot decide.
        let rules: Vec<(&str, PodShape, PodShape)> = vec![
            (
                "scheduled beats unscheduled",
                PodShape {
                    name: "loser",
                    node: false,
                    ..BASE
                },
                PodShape {
                    name: "winner",
                    phase: "Pending",
                    ready_since: None,
                    ..BASE
                },
            ),
            (
                "running beats pending",
                PodShape {
                    name: "loser",
                    phase: "Pending",
                    ..BASE
                },
                PodShape {
                    name: "winner",
                    ready_since: None,
                    ..BASE
                },
            ),
            (
                "unknown beats pending",
                PodShape {
                    name: "loser",
                    phase: "Pending",
                    ..BASE
                },
                PodShape {
                    name: "winner",
                    phase: "Unknown",
                    ..BASE
                },
            ),
            (
                "ready beats not ready",
                PodShape {
                    name: "loser",
                    ready_since: None,
                    restarts: 9,
                    ..BASE
                },
                PodShape {
                    name: "winner",
                    created: "2024-06-01T00:00:00Z",
                    ..BASE
                },
            ),
            (
                "ready longer beats ready recently",
                PodShape {
                    name: "loser",
                    ready_since: Some("2024-01-02T00:00:00Z"),
                    ..BASE
                },
                PodShape {
                    name: "winner",
                    ready_since: Some("2024-01-01T12:00:00Z"),
                    ..BASE
                },
            ),
            (
                "more restarts beats fewer",
                PodShape {
                    name: "loser",
                    restarts: 1,
                    ..BASE
                },
                PodShape {
                    name: "winner",
                    restarts: 3,
                    created: "2024-02-01T00:00:00Z",
                    ..BASE
                },
            ),
            (
                "older beats newer",
                PodShape {
                    name: "loser",
                    created: "2024-01-01T00:00:05Z",
                    ..BASE
                },
                PodShape {
                    name: "winner",
                    ..BASE
                },
            ),
        ];
        for (rule, loser, winner) in rules {
            assert_eq!(picked(vec![pod(loser), pod(winner)]), "winner", "{rule}");
        }
        assert!(pick_pod(&[]).is_none());
    }

    #[test]
    fn phases_other_than_unknown_and_pending_rank_as_running() {
        // kubectl ranks only Unknown and Pending after Running: a Succeeded pod ties with a
        // Running one on phase, and then the older wins.
        let succeeded = PodShape {
            name: "succeeded",
            phase: "Succeeded",
            ..BASE
        };
        let running = PodShape {
            name: "running",
            created: "2024-03-01T00:00:00Z",
            ..BASE
        };
        assert_eq!(picked(vec![pod(running), pod(succeeded)]), "succeeded");
        let failed = PodShape {
            name: "failed",
            phase: "Failed",
            ..BASE
        };
        let pending = PodShape {
            name: "pending",
            phase: "Pending",
            created: "2023-01-01T00:00:00Z",
            ..BASE
        };
        assert_eq!(picked(vec![pod(pending), pod(failed)]), "failed");
    }

    #[test]
    fn full_ties_keep_the_lists_order() {
        for names in [["b", "a", "c"], ["c", "b", "a"]] {
            let pods: Vec<Pod> = names
                .iter()
                .map(|name| pod(PodShape { name, ..BASE }))
                .collect();
            assert_eq!(picked(pods), names[0]);
        }
    }

    #[test]
    fn beyond_twelve_pods_ties_fall_where_gos_sort_leaves_them() {
        // Ten pods not ready, then ten ready ones equal in every other way. Go's sort.Sort
        // (go1.19, run on this list) puts the sixth ready pod, p15, first; a stable sort would
        // put p10 first.
        let pods: Vec<Pod> = (0..20)
            .map(|i| {
                let name: &'static str = Box::leak(format!("p{i:02}").into_boxed_str());
                pod(PodShape {
                    name,
                    ready_since: (i >= 10).then_some("2024-01-01T00:10:00Z"),
                    ..BASE
                })
            })
            .collect();
        assert_eq!(picked(pods), "p15");
    }

    #[test]
    fn the_first_ready_condition_is_the_one_read() {
        let mut twice = pod(PodShape {
            name: "twice",
            ready_since: None,
            ..BASE
        });
        // A later Ready condition saying True does not make the pod ready.
        if let Some(conditions) = twice.status.as_mut().and_then(|s| s.conditions.as_mut()) {
            conditions.push(PodCondition {
                type_: "Ready".into(),
                status: "True".into(),
                ..Default::default()
            });
        }
        let ready = pod(PodShape {
            name: "ready",
            created: "2024-05-01T00:00:00Z",
            ..BASE
        });
        assert_eq!(picked(vec![twice, ready]), "ready");
    }

    #[test]
    fn only_running_pods_can_be_forwarded() {
        assert!(ensure_running(&pod(BASE), "default").is_ok());
        let err = ensure_running(
            &pod(PodShape {
                name: "web",
                phase: "Pending",
                ..BASE
            }),
            "shop",
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "pod \"web\" in namespace \"shop\" is not running (phase Pending)"
        );
    }
}
