//! Names of objects in the cluster, for shell completion: the pods or workloads of one kind in a
//! namespace, or the namespaces. Only `list` calls, asking for object metadata alone.
//! Completion draws no spinner (`quiet`): the terminal's stderr is the shell's prompt line.

use kube::api::{Api, ApiResource, DynamicObject, ListParams};

use super::cluster::{Call, Session};
use super::{block_on, within, Progress};
use crate::config::ClusterOptions;
use crate::error::Error;
use crate::target::KindNames;

/// No progress spinner in this process: completion runs under the shell's prompt.
pub fn quiet() {
    super::spinner::silence();
}

/// Completion never needs more; a shell shows a few screens at most.
const LIST_LIMIT: u32 = 500;

/// The names of the objects of `kind`: in `-n`'s namespace (else the context's) when the kind is
/// namespaced, else all of them. The whole call, credentials included, is bounded by
/// `opts.request_timeout`.
pub fn list_names(opts: &ClusterOptions, kind: &'static KindNames) -> Result<Vec<String>, Error> {
    block_on(async {
        let progress = Progress::new("loading the kubeconfig");
        within(opts, &progress, async {
            let session = Session::connect(opts, &progress).await?;
            let version = kind.versions[0];
            let resource = ApiResource {
                group: kind.group.to_string(),
                version: version.to_string(),
                api_version: if kind.group.is_empty() {
                    version.to_string()
                } else {
                    format!("{}/{version}", kind.group)
                },
                kind: kind.name.to_string(),
                plural: kind.resource.to_string(),
            };
            let namespace = session.default_namespace.clone();
            let api: Api<DynamicObject> = if kind.namespaced {
                Api::namespaced_with(session.client.clone(), &namespace, &resource)
            } else {
                Api::all_with(session.client.clone(), &resource)
            };
            progress.set(format!("listing {}", kind.qualified_resource()));
            let list = api
                .list_metadata(&ListParams::default().limit(LIST_LIMIT))
                .await
                .map_err(|e| {
                    let resource = kind.qualified_resource();
                    session.api_error(
                        e,
                        &Call {
                            verb: "list",
                            resource: &resource,
                            name: None,
                            namespace: &namespace,
                        },
                    )
                })?;
            Ok(list
                .items
                .into_iter()
                .filter_map(|item| item.metadata.name)
                .collect())
        })
        .await
    })
}
