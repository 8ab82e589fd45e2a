//! Resolving a target to pods as istioctl does: a bare name is a pod, looked up with a GET (so a
//! typo fails with kubectl's `pods "x" not found` before any port-forward); `<type>/<name>` is
//! looked up as kubectl looks it up, and a workload's selector lists its pods.

use std::time::Duration;

use k8s_openapi::api::core::v1::{Pod, Service};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use kube::api::{ApiResource, DynamicObject, ListParams};
use kube::Api;
use serde_json::Value;

use super::cluster::{Call, Session};
use super::Progress;
use crate::error::Error;
use crate::goparse::quote;
use crate::target::{self, Kind, Resource, Target, GATEWAY_NAME_LABEL};

/// The pod a target resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodRef {
    pub name: String,
    pub namespace: String,
}

impl std::fmt::Display for PodRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "pod \"{}\" in namespace \"{}\"",
            self.name, self.namespace
        )
    }
}

impl PodRef {
    pub(crate) fn of(pod: &Pod, namespace: &str) -> PodRef {
        PodRef {
            name: pod.metadata.name.clone().unwrap_or_default(),
            namespace: namespace.to_string(),
        }
    }
}

/// How long a workload without pods is watched for one to appear, as istioctl waits.
const WAIT_FOR_PODS: Duration = Duration::from_secs(2);
const WAIT_STEP: Duration = Duration::from_millis(250);

/// What a target matches.
enum Matched {
    /// One pod, by name.
    Pod(Box<Pod>),
    /// The pods of a label selector; None selects every pod of the namespace (a workload whose
    /// selector is empty, as kubectl reads it).
    Selector(Option<String>),
}

/// The namespace a target is in: its own, else `-n`, else the context's, else `default`.
pub(crate) fn namespace_of(session: &Session, target: &Target) -> String {
    target
        .namespace
        .clone()
        .unwrap_or_else(|| session.default_namespace.clone())
}

/// The one running pod whose proxy a view asks: for a workload, the first in kubectl's order,
/// waiting a moment for one to appear. The pod object comes along for its containers.
pub(crate) async fn resolve(
    session: &Session,
    target: &Target,
    progress: &Progress,
) -> Result<(PodRef, Pod), Error> {
    let namespace = namespace_of(session, target);
    let pod = match lookup(session, target, &namespace, progress).await? {
        Matched::Pod(pod) => *pod,
        Matched::Selector(selector) => {
            first_pod(session, target, selector.as_deref(), &namespace, progress).await?
        }
    };
    target::ensure_running(&pod, &namespace)?;
    Ok((PodRef::of(&pod, &namespace), pod))
}

/// Every pod a target matches, in the API's list order, not yet checked to be running (`log`).
pub(crate) async fn resolve_all(
    session: &Session,
    target: &Target,
    progress: &Progress,
) -> Result<(Vec<Pod>, String), Error> {
    let namespace = namespace_of(session, target);
    let pods = match lookup(session, target, &namespace, progress).await? {
        Matched::Pod(pod) => vec![*pod],
        Matched::Selector(selector) => {
            progress.set(format!(
                "waiting for the API server to list the pods of {target}"
            ));
            list_pods(session, selector.as_deref(), &namespace).await?
        }
    };
    Ok((pods, namespace))
}

/// The first pod of a selector in kubectl's order. None yet: the list is asked again until
/// `WAIT_FOR_PODS` has passed, as istioctl watches for one.
async fn first_pod(
    session: &Session,
    target: &Target,
    selector: Option<&str>,
    namespace: &str,
    progress: &Progress,
) -> Result<Pod, Error> {
    progress.set(format!(
        "waiting for the API server to list the pods of {target} ({})",
        selector.unwrap_or("every pod")
    ));
    let deadline = tokio::time::Instant::now() + WAIT_FOR_PODS;
    loop {
        let pods = list_pods(session, selector, namespace).await?;
        if let Some(pod) = target::pick_pod(&pods) {
            return Ok(pod.clone());
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(Error::kube(format!(
                "no pods match {}",
                quote(&target.resname)
            )));
        }
        progress.set(format!(
            "waiting for a pod of {target} to appear in namespace \"{namespace}\""
        ));
        tokio::time::sleep(WAIT_STEP).await;
    }
}

/// Lists the pods matching a label selector (None: all) in one namespace.
pub(crate) async fn list_pods(
    session: &Session,
    selector: Option<&str>,
    namespace: &str,
) -> Result<Vec<Pod>, Error> {
    list_pods_in(session, selector, Some(namespace)).await
}

/// Lists the pods matching a label selector (None: all) in one namespace, or (None) in every
/// namespace.
pub(crate) async fn list_pods_in(
    session: &Session,
    selector: Option<&str>,
    namespace: Option<&str>,
) -> Result<Vec<Pod>, Error> {
    let api: Api<Pod> = match namespace {
        Some(namespace) => Api::namespaced(session.client.clone(), namespace),
        None => Api::all(session.client.clone()),
    };
    let params = match selector {
        Some(selector) => ListParams::default().labels(selector),
        None => ListParams::default(),
    };
    let list = api.list(&params).await.map_err(|e| {
        session.api_error(
            e,
            &Call {
                verb: "list",
                resource: "pods",
                name: None,
                namespace: namespace.unwrap_or(""),
            },
        )
    })?;
    Ok(list.items)
}

/// What a target names, looked up: a bare pod name with a GET (meshctl's own not-found wording);
/// `<type>/<name>` as kubectl retrieves it, then read for its pods as istioctl reads it.
async fn lookup(
    session: &Session,
    target: &Target,
    namespace: &str,
    progress: &Progress,
) -> Result<Matched, Error> {
    let retrieving = |reason: &str| {
        Error::kube(format!(
            "failed retrieving: {reason} in the {} namespace",
            quote(namespace)
        ))
    };
    let resource = target
        .resource
        .as_ref()
        .map_err(|reason| retrieving(reason))?;
    progress.set(format!(
        "waiting for the API server to find {target} in namespace \"{namespace}\""
    ));
    if !resource.typed {
        if resource.name.is_empty() {
            return Err(Error::kube("resource name may not be empty"));
        }
        let api: Api<Pod> = Api::namespaced(session.client.clone(), namespace);
        let pod = api.get(&resource.name).await.map_err(|e| {
            session.api_error(
                e,
                &Call {
                    verb: "get",
                    resource: "pods",
                    name: Some(&resource.name),
                    namespace,
                },
            )
        })?;
        return Ok(Matched::Pod(Box::new(pod)));
    }
    let (object, version) = match get_object(session, resource, namespace).await {
        Ok(found) => found,
        Err(Lookup::NotServed) => {
            let typ = target.resname.split('/').next().unwrap_or_default();
            return Err(retrieving(&format!(
                "the server doesn't have a resource type {}",
                quote(typ)
            )));
        }
        // The server answered: its reason, as kubectl reports it.
        Err(Lookup::Failed(kube::Error::Api(status))) => {
            let reason = match status.message.trim() {
                "" => format!(
                    "{} {} not found",
                    resource.names.qualified_resource(),
                    quote(&resource.name)
                ),
                said => said.to_string(),
            };
            return Err(retrieving(&reason));
        }
        // It did not: meshctl's own words for the connection, TLS or credentials.
        Err(Lookup::Failed(other)) => {
            return Err(session.api_error(
                other,
                &Call {
                    verb: "get",
                    resource: &resource.names.qualified_resource(),
                    name: Some(&resource.name),
                    namespace,
                },
            ))
        }
    };
    // The version the object came at names its Go type.
    let resource = Resource {
        version,
        ..resource.clone()
    };
    pods_of(target, &resource, object)
}

/// Why a GET found nothing.
enum Lookup {
    /// The server serves no such resource (no version of it).
    NotServed,
    Failed(kube::Error),
}

/// GETs the object at the target's version; a kind served at several versions is asked at the
/// next when the server does not serve the first (a Gateway API from before v1).
async fn get_object(
    session: &Session,
    resource: &Resource,
    namespace: &str,
) -> Result<(Value, &'static str), Lookup> {
    let names = resource.names;
    let first = names
        .versions
        .iter()
        .position(|v| *v == resource.version)
        .unwrap_or(0);
    for version in &names.versions[first..] {
        let api_resource = ApiResource {
            group: names.group.to_string(),
            version: version.to_string(),
            api_version: match names.group {
                "" => version.to_string(),
                group => format!("{group}/{version}"),
            },
            kind: names.name.to_string(),
            plural: names.resource.to_string(),
        };
        let api: Api<DynamicObject> = if names.namespaced {
            Api::namespaced_with(session.client.clone(), namespace, &api_resource)
        } else {
            Api::all_with(session.client.clone(), &api_resource)
        };
        match api.get(&resource.name).await {
            Ok(object) => {
                let value = serde_json::to_value(object)
                    .map_err(|e| Lookup::Failed(kube::Error::SerdeError(e)))?;
                return Ok((value, version));
            }
            Err(kube::Error::Api(status)) if is_not_served(&status) => continue,
            Err(e) => return Err(Lookup::Failed(e)),
        }
    }
    Err(Lookup::NotServed)
}

/// A 404 for the path rather than for the object: no details name an object.
fn is_not_served(status: &kube::core::Status) -> bool {
    status.code == 404 && status.details.as_ref().is_none_or(|d| d.name.is_empty())
}

/// What a retrieved object selects, as istioctl reads each kind.
fn pods_of(target: &Target, resource: &Resource, object: Value) -> Result<Matched, Error> {
    let not_a_pod = |reason: String| {
        Error::kube(format!(
            "{} does not refer to a pod: {reason}",
            quote(&target.resname)
        ))
    };
    let name = object["metadata"]["name"]
        .as_str()
        .unwrap_or(&resource.name)
        .to_string();
    let spec = &object["spec"];
    let selector = match resource.kind() {
        Kind::Pod => {
            let pod: Pod = serde_json::from_value(object).map_err(|e| {
                Error::kube(format!(
                    "unexpected answer from the API server to get pods: {e}"
                ))
            })?;
            return Ok(Matched::Pod(Box::new(pod)));
        }
        Kind::Deployment | Kind::StatefulSet | Kind::DaemonSet | Kind::ReplicaSet | Kind::Job => {
            let selector: Option<LabelSelector> = serde_json::from_value(spec["selector"].clone())
                .map_err(|e| not_a_pod(format!("unreadable selector: {e}")))?;
            match selector {
                Some(selector) => {
                    target::selector_string(&selector).map_err(|e| not_a_pod(e.message))?
                }
                None => None,
            }
        }
        Kind::ReplicationController => map_selector(&spec["selector"]),
        Kind::Service => match map_selector(&spec["selector"]) {
            Some(selector) => Some(selector),
            None => {
                return Err(not_a_pod(format!(
                    "invalid service '{name}': Service is defined without a selector"
                )))
            }
        },
        Kind::Gateway => {
            if !is_managed_gateway(spec) {
                return Err(not_a_pod("gateway is not a managed gateway".into()));
            }
            Some(format!("{GATEWAY_NAME_LABEL}={name}"))
        }
        Kind::Other => {
            return Err(not_a_pod(format!(
                "selector for {} not implemented",
                resource.go_type()
            )));
        }
    };
    Ok(Matched::Selector(selector))
}

/// A plain `key: value` selector (a Service's, a ReplicationController's); None when empty.
fn map_selector(value: &Value) -> Option<String> {
    let map = value.as_object()?;
    let labels: std::collections::BTreeMap<String, String> = map
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
        .collect();
    target::map_selector_string(&labels)
}

/// A gateway whose deployment the mesh manages: no addresses asked for, or one whose type is
/// unset or `IPAddress`.
fn is_managed_gateway(spec: &Value) -> bool {
    match spec["addresses"].as_array().map(Vec::as_slice) {
        None | Some([]) => true,
        Some([address]) => match &address["type"] {
            Value::Null => true,
            Value::String(t) => t == "IPAddress",
            _ => false,
        },
        Some(_) => false,
    }
}

/// A Service's ClusterIP; Err with the reason when it cannot be read or is headless.
pub(crate) async fn cluster_ip(
    session: &Session,
    name: &str,
    namespace: &str,
) -> Result<std::net::IpAddr, String> {
    let api: Api<Service> = Api::namespaced(session.client.clone(), namespace);
    let service = api
        .get(name)
        .await
        .map_err(|e| format!("Service {name}.{namespace}: {e}"))?;
    let ip = service.spec.and_then(|s| s.cluster_ip).unwrap_or_default();
    ip.parse()
        .map_err(|_| format!("Service {name}.{namespace} has no ClusterIP ({ip:?})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn managed_gateways_ask_for_at_most_one_ip_address() {
        for spec in [
            json!({}),
            json!({"addresses": []}),
            json!({"addresses": [{"value": "10.0.0.1"}]}),
            json!({"addresses": [{"type": "IPAddress", "value": "10.0.0.1"}]}),
        ] {
            assert!(is_managed_gateway(&spec), "{spec}");
        }
        for spec in [
            json!({"addresses": [{"type": "Hostname", "value": "gw.example"}]}),
            json!({"addresses": [{"type": "NamedAddress", "value": "x"}]}),
            json!({"addresses": [{"value": "10.0.0.1"}, {"value": "10.0.0.2"}]}),
            json!({"addresses": [{"type": "IPAddress", "value": "10.0.0.1"}, {"type": "IPAddress", "value": "10.0.0.2"}]}),
        ] {
            assert!(!is_managed_gateway(&spec), "{spec}");
        }
    }

    #[test]
    fn map_selectors_are_sorted_and_empty_ones_select_nothing_here() {
        assert_eq!(
            map_selector(&json!({"tier": "old", "app": "legacy"})).as_deref(),
            Some("app=legacy,tier=old")
        );
        assert_eq!(map_selector(&json!({})), None);
        assert_eq!(map_selector(&Value::Null), None);
    }
}
