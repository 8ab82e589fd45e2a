//! Proxy targets on the command line: `[<type>/]<name>[.<namespace>]`, and the pure half of
//! resolving one to a pod: which kinds exist, how a workload's selector becomes a label-selector
//! string, and which of several pods kubectl would pick. The API round trips live in `live::resolve`.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

use crate::error::Error;

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
}

/// The label the Gateway API puts on the pods of a gateway's deployment.
pub const GATEWAY_NAME_LABEL: &str = "gateway.networking.k8s.io/gateway-name";

struct KindNames {
    kind: Kind,
    /// kubectl's plural resource name, as in `deployments.apps "x" not found`.
    resource: &'static str,
    group: &'static str,
    /// Every spelling kubectl accepts: singular, plural, short names.
    aliases: &'static [&'static str],
}

const KINDS: &[KindNames] = &[
    KindNames {
        kind: Kind::Pod,
        resource: "pods",
        group: "",
        aliases: &["po", "pod", "pods"],
    },
    KindNames {
        kind: Kind::Deployment,
        resource: "deployments",
        group: "apps",
        aliases: &["deploy", "deployment", "deployments"],
    },
    KindNames {
        kind: Kind::StatefulSet,
        resource: "statefulsets",
        group: "apps",
        aliases: &["sts", "statefulset", "statefulsets"],
    },
    KindNames {
        kind: Kind::DaemonSet,
        resource: "daemonsets",
        group: "apps",
        aliases: &["ds", "daemonset", "daemonsets"],
    },
    KindNames {
        kind: Kind::ReplicaSet,
        resource: "replicasets",
        group: "apps",
        aliases: &["rs", "replicaset", "replicasets"],
    },
    KindNames {
        kind: Kind::ReplicationController,
        resource: "replicationcontrollers",
        group: "",
        aliases: &["rc", "replicationcontroller", "replicationcontrollers"],
    },
    KindNames {
        kind: Kind::Job,
        resource: "jobs",
        group: "batch",
        aliases: &["job", "jobs"],
    },
    KindNames {
        kind: Kind::Service,
        resource: "services",
        group: "",
        aliases: &["svc", "service", "services"],
    },
    KindNames {
        kind: Kind::Gateway,
        resource: "gateways",
        group: "gateway.networking.k8s.io",
        aliases: &["gtw", "gateway", "gateways"],
    },
];

impl Kind {
    fn names(self) -> &'static KindNames {
        // Every variant has a row; the table is the single source of names.
        KINDS
            .iter()
            .find(|k| k.kind == self)
            .expect("every kind has a row in KINDS")
    }

    /// kubectl's `resource.group` spelling, used in its error messages (`deployments.apps "x" not found`).
    pub fn qualified_resource(self) -> String {
        let names = self.names();
        if names.group.is_empty() {
            names.resource.to_string()
        } else {
            format!("{}.{}", names.resource, names.group)
        }
    }

    /// Looks up a type as typed by a user: `deploy`, `Deployment`, `deployments.apps`.
    fn from_user(typ: &str) -> Option<Kind> {
        let typ = typ.to_ascii_lowercase();
        KINDS.iter().find_map(|k| {
            let matches = k.aliases.iter().any(|alias| {
                typ == *alias
                    || (!k.group.is_empty()
                        && typ
                            .strip_prefix(alias)
                            .and_then(|rest| rest.strip_prefix('.'))
                            == Some(k.group))
            });
            matches.then_some(k.kind)
        })
    }
}

/// A parsed target. `namespace` is only what the target itself said (`name.namespace`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: Kind,
    pub name: String,
    pub namespace: Option<String>,
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::Pod => write!(f, "pod/{}", self.name),
            kind => write!(f, "{}/{}", kind.names().aliases[1], self.name),
        }
    }
}

/// Parses `[<type>/]<name>[.<namespace>]`. The namespace is split off at the last `.` after the
/// last `/`, as istioctl does. A pod name that itself contains a dot is therefore mis-split, as
/// istioctl splits it.
pub fn parse(text: &str) -> Result<Target, Error> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::usage(
            "empty target: expected [<type>/]<name>[.<namespace>]",
        ));
    }
    let (kind, rest) = match text.rfind('/') {
        Some(slash) => {
            let typ = &text[..slash];
            let kind = Kind::from_user(typ).ok_or_else(|| {
                Error::usage(format!(
                    "unknown resource type {typ:?} in target {text:?}: expected one of \
                     pod (po), deployment (deploy), statefulset (sts), daemonset (ds), \
                     replicaset (rs), replicationcontroller (rc), job, service (svc), gateway (gtw)"
                ))
            })?;
            (kind, &text[slash + 1..])
        }
        None => (Kind::Pod, text),
    };
    let (name, namespace) = match rest.rfind('.') {
        Some(dot) => (&rest[..dot], Some(&rest[dot + 1..])),
        None => (rest, None),
    };
    if name.is_empty() {
        return Err(Error::usage(format!("target {text:?} has no name")));
    }
    if namespace == Some("") {
        return Err(Error::usage(format!(
            "target {text:?} ends with '.' but names no namespace"
        )));
    }
    Ok(Target {
        kind,
        name: name.to_string(),
        namespace: namespace.map(str::to_string),
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

fn phase_rank(pod: &Pod) -> u8 {
    // kubectl ranks Running over Unknown over Pending; any other phase ranks with Pending.
    match pod.status.as_ref().and_then(|s| s.phase.as_deref()) {
        Some("Running") => 2,
        Some("Unknown") => 1,
        _ => 0,
    }
}

fn ready_since(pod: &Pod) -> Option<Option<k8s_openapi::jiff::Timestamp>> {
    let ready = pod
        .status
        .as_ref()?
        .conditions
        .as_ref()?
        .iter()
        .find(|c| c.type_ == "Ready" && c.status == "True")?;
    Some(ready.last_transition_time.as_ref().map(|t| t.0))
}

fn max_restarts(pod: &Pod) -> i32 {
    pod.status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|statuses| statuses.iter().map(|c| c.restart_count).max())
        .unwrap_or(0)
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

/// The order in which kubectl considers a workload's pods for `logs`, `exec` and `port-forward`:
/// the best candidate sorts first.
pub fn kubectl_pod_order(a: &Pod, b: &Pod) -> Ordering {
    let ready_a = ready_since(a);
    let ready_b = ready_since(b);
    is_scheduled(b)
        .cmp(&is_scheduled(a))
        .then_with(|| phase_rank(b).cmp(&phase_rank(a)))
        .then_with(|| ready_b.is_some().cmp(&ready_a.is_some()))
        .then_with(|| match (ready_a, ready_b) {
            (Some(since_a), Some(since_b)) => earlier_first(since_a, since_b),
            _ => Ordering::Equal,
        })
        .then_with(|| max_restarts(b).cmp(&max_restarts(a)))
        .then_with(|| {
            earlier_first(
                a.metadata.creation_timestamp.as_ref().map(|t| t.0),
                b.metadata.creation_timestamp.as_ref().map(|t| t.0),
            )
        })
        // kubectl leaves full ties to an unstable sort; the name makes our choice repeatable.
        .then_with(|| a.metadata.name.cmp(&b.metadata.name))
}

/// The pod kubectl would pick among a workload's pods.
pub fn pick_pod(pods: &[Pod]) -> Option<&Pod> {
    pods.iter().min_by(|a, b| kubectl_pod_order(a, b))
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

    fn target(kind: Kind, name: &str, ns: Option<&str>) -> Target {
        Target {
            kind,
            name: name.into(),
            namespace: ns.map(Into::into),
        }
    }

    #[test]
    fn bare_names_are_pods() {
        assert_eq!(parse("web-1").unwrap(), target(Kind::Pod, "web-1", None));
        assert_eq!(
            parse("web-1.shop").unwrap(),
            target(Kind::Pod, "web-1", Some("shop"))
        );
    }

    #[test]
    fn namespace_splits_at_the_last_dot_after_the_last_slash() {
        assert_eq!(
            parse("deployment/productpage-v1.bookinfo").unwrap(),
            target(Kind::Deployment, "productpage-v1", Some("bookinfo"))
        );
        // istioctl's quirk, kept: a dotted pod name loses its tail to the namespace.
        assert_eq!(
            parse("pod/a.b.c").unwrap(),
            target(Kind::Pod, "a.b", Some("c"))
        );
        // Dots in the type part do not count.
        assert_eq!(
            parse("deployments.apps/web").unwrap(),
            target(Kind::Deployment, "web", None)
        );
    }

    #[test]
    fn every_kubectl_spelling_is_accepted() {
        let cases: &[(&str, Kind)] = &[
            ("po", Kind::Pod),
            ("pod", Kind::Pod),
            ("pods", Kind::Pod),
            ("deploy", Kind::Deployment),
            ("deployment", Kind::Deployment),
            ("deployments", Kind::Deployment),
            ("Deployment", Kind::Deployment),
            ("sts", Kind::StatefulSet),
            ("statefulset", Kind::StatefulSet),
            ("statefulsets.apps", Kind::StatefulSet),
            ("ds", Kind::DaemonSet),
            ("daemonsets", Kind::DaemonSet),
            ("rs", Kind::ReplicaSet),
            ("replicaset", Kind::ReplicaSet),
            ("rc", Kind::ReplicationController),
            ("job", Kind::Job),
            ("jobs.batch", Kind::Job),
            ("svc", Kind::Service),
            ("service", Kind::Service),
            ("services", Kind::Service),
            ("gtw", Kind::Gateway),
            ("gateway", Kind::Gateway),
            ("gateways.gateway.networking.k8s.io", Kind::Gateway),
        ];
        for (typ, kind) in cases {
            let parsed = parse(&format!("{typ}/x.ns")).unwrap();
            assert_eq!(parsed, target(*kind, "x", Some("ns")), "type {typ}");
        }
    }

    #[test]
    fn bad_targets_are_usage_errors() {
        for (text, expect) in [
            ("cronjob/x", "unknown resource type \"cronjob\""),
            (
                "deployments.batch/x",
                "unknown resource type \"deployments.batch\"",
            ),
            ("/x", "unknown resource type \"\""),
            ("deploy/", "has no name"),
            ("deploy/.ns", "has no name"),
            ("web.", "names no namespace"),
            ("", "empty target"),
        ] {
            let err = parse(text).unwrap_err();
            assert_eq!(err.code(), crate::error::Exit::Usage, "{text}");
            assert!(err.message.contains(expect), "{text}: {}", err.message);
        }
    }

    #[test]
    fn qualified_resources_read_like_kubectl() {
        assert_eq!(Kind::Pod.qualified_resource(), "pods");
        assert_eq!(Kind::Deployment.qualified_resource(), "deployments.apps");
        assert_eq!(Kind::Job.qualified_resource(), "jobs.batch");
        assert_eq!(
            target(Kind::StatefulSet, "db", None).to_string(),
            "statefulset/db"
        );
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
        assert_eq!(
            picked(vec![
                pod(PodShape { name: "b", ..BASE }),
                pod(PodShape { name: "a", ..BASE })
            ]),
            "a"
        );
        assert!(pick_pod(&[]).is_none());
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
