//! Resolving a target to the one running pod whose proxy answers: a GET for a plain pod (so a typo
//! fails with kubectl's `pods "x" not found` before any port-forward), or the workload's selector
//! and a LIST of pods for everything else.

use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{Pod, ReplicationController, Service};
use kube::api::ListParams;
use kube::Api;
use serde::de::DeserializeOwned;

use super::cluster::{Call, Session};
use super::Progress;
use crate::error::Error;
use crate::target::{self, Kind, Target, GATEWAY_NAME_LABEL};

/// The pod a target resolved to.
#[derive(Debug, Clone)]
pub(crate) struct PodRef {
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

pub(crate) async fn resolve(
    session: &Session,
    target: &Target,
    progress: &Progress,
) -> Result<PodRef, Error> {
    let namespace = target
        .namespace
        .clone()
        .unwrap_or_else(|| session.default_namespace.clone());
    progress.set(format!(
        "waiting for the API server to find {target} in namespace \"{namespace}\""
    ));
    if target.kind == Kind::Pod {
        let pod = get::<Pod>(session, Kind::Pod, &target.name, &namespace).await?;
        target::ensure_running(&pod, &namespace)?;
        return Ok(PodRef {
            name: target.name.clone(),
            namespace,
        });
    }
    let selector = workload_selector(session, target, &namespace).await?;
    progress.set(format!(
        "waiting for the API server to list the pods of {target} ({selector})"
    ));
    let pods = list_pods(session, &selector, &namespace).await?;
    let pod = target::pick_pod(&pods).ok_or_else(|| {
        Error::kube(format!(
            "no pods match {target} (selector {selector}) in namespace \"{namespace}\""
        ))
    })?;
    target::ensure_running(pod, &namespace)?;
    Ok(PodRef {
        name: pod.metadata.name.clone().unwrap_or_default(),
        namespace,
    })
}

/// Lists the pods matching a label selector in one namespace.
pub(crate) async fn list_pods(
    session: &Session,
    selector: &str,
    namespace: &str,
) -> Result<Vec<Pod>, Error> {
    let api: Api<Pod> = Api::namespaced(session.client.clone(), namespace);
    let list = api
        .list(&ListParams::default().labels(selector))
        .await
        .map_err(|e| {
            session.api_error(
                e,
                &Call {
                    verb: "list",
                    resource: "pods",
                    name: None,
                    namespace,
                },
            )
        })?;
    Ok(list.items)
}

async fn get<K>(session: &Session, kind: Kind, name: &str, namespace: &str) -> Result<K, Error>
where
    K: kube::Resource<Scope = k8s_openapi::NamespaceResourceScope>
        + Clone
        + DeserializeOwned
        + std::fmt::Debug,
    K::DynamicType: Default,
{
    let api: Api<K> = Api::namespaced(session.client.clone(), namespace);
    let resource = kind.qualified_resource();
    api.get(name).await.map_err(|e| {
        session.api_error(
            e,
            &Call {
                verb: "get",
                resource: &resource,
                name: Some(name),
                namespace,
            },
        )
    })
}

async fn workload_selector(
    session: &Session,
    target: &Target,
    namespace: &str,
) -> Result<String, Error> {
    let name = target.name.as_str();
    let selector = match target.kind {
        // `resolve` looks pods up directly; a pod has no selector of its own.
        Kind::Pod => None,
        Kind::Gateway => Some(format!("{GATEWAY_NAME_LABEL}={name}")),
        Kind::Deployment => {
            let d: Deployment = get(session, target.kind, name, namespace).await?;
            target::selector_string(&d.spec.unwrap_or_default().selector)?
        }
        Kind::StatefulSet => {
            let s: StatefulSet = get(session, target.kind, name, namespace).await?;
            target::selector_string(&s.spec.unwrap_or_default().selector)?
        }
        Kind::DaemonSet => {
            let d: DaemonSet = get(session, target.kind, name, namespace).await?;
            target::selector_string(&d.spec.unwrap_or_default().selector)?
        }
        Kind::ReplicaSet => {
            let r: ReplicaSet = get(session, target.kind, name, namespace).await?;
            target::selector_string(&r.spec.unwrap_or_default().selector)?
        }
        Kind::Job => {
            let j: Job = get(session, target.kind, name, namespace).await?;
            match j.spec.and_then(|s| s.selector) {
                Some(selector) => target::selector_string(&selector)?,
                None => None,
            }
        }
        Kind::ReplicationController => {
            let r: ReplicationController = get(session, target.kind, name, namespace).await?;
            r.spec
                .and_then(|s| s.selector)
                .as_ref()
                .and_then(target::map_selector_string)
        }
        Kind::Service => {
            let s: Service = get(session, target.kind, name, namespace).await?;
            s.spec
                .and_then(|s| s.selector)
                .as_ref()
                .and_then(target::map_selector_string)
        }
    };
    selector.ok_or_else(|| {
        Error::kube(format!(
            "{target} in namespace \"{namespace}\" has no pod selector, so no pod backs it"
        ))
    })
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
