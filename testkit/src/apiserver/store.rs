//! The resource kinds the server knows and the objects it holds.

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde_json::{json, Map, Value};

use super::time::format_rfc3339;

/// One served resource, with what discovery says about it.
#[derive(Debug)]
pub(crate) struct Kind {
    /// API group; empty for the core group.
    pub group: &'static str,
    pub version: &'static str,
    /// Plural resource name as it appears in paths.
    pub resource: &'static str,
    pub singular: &'static str,
    pub kind: &'static str,
    pub namespaced: bool,
    pub short_names: &'static [&'static str],
    pub categories: &'static [&'static str],
    pub verbs: &'static [&'static str],
    /// Subresources listed in discovery: (name, verbs).
    pub subresources: &'static [(&'static str, &'static [&'static str])],
}

const ALL_VERBS: &[&str] = &[
    "create",
    "delete",
    "deletecollection",
    "get",
    "list",
    "patch",
    "update",
    "watch",
];
const STATUS_VERBS: &[&str] = &["get", "patch", "update"];
const SCALE_VERBS: &[&str] = &["get", "patch", "update"];

pub(crate) const KINDS: &[Kind] = &[
    // A kind no workload selector comes from: targets naming one are refused by type.
    Kind {
        group: "",
        version: "v1",
        resource: "configmaps",
        singular: "configmap",
        kind: "ConfigMap",
        namespaced: true,
        short_names: &["cm"],
        categories: &[],
        verbs: ALL_VERBS,
        subresources: &[],
    },
    // Cluster-scoped: listed by `-n` completion. Namespaces need not exist for objects in them,
    // as the store fills `default` without one.
    Kind {
        group: "",
        version: "v1",
        resource: "namespaces",
        singular: "namespace",
        kind: "Namespace",
        namespaced: false,
        short_names: &["ns"],
        categories: &[],
        verbs: &[
            "create", "delete", "get", "list", "patch", "update", "watch",
        ],
        subresources: &[("finalize", &["update"]), ("status", STATUS_VERBS)],
    },
    Kind {
        group: "",
        version: "v1",
        resource: "pods",
        singular: "pod",
        kind: "Pod",
        namespaced: true,
        short_names: &["po"],
        categories: &["all"],
        verbs: ALL_VERBS,
        subresources: &[
            ("attach", &["create", "get"]),
            ("binding", &["create"]),
            ("ephemeralcontainers", &["get", "patch", "update"]),
            ("eviction", &["create"]),
            ("exec", &["create", "get"]),
            ("log", &["get"]),
            ("portforward", &["create", "get"]),
            ("proxy", &["create", "delete", "get", "patch", "update"]),
            ("resize", &["get", "patch", "update"]),
            ("status", STATUS_VERBS),
        ],
    },
    Kind {
        group: "",
        version: "v1",
        resource: "replicationcontrollers",
        singular: "replicationcontroller",
        kind: "ReplicationController",
        namespaced: true,
        short_names: &["rc"],
        categories: &["all"],
        verbs: ALL_VERBS,
        subresources: &[("scale", SCALE_VERBS), ("status", STATUS_VERBS)],
    },
    Kind {
        group: "",
        version: "v1",
        resource: "services",
        singular: "service",
        kind: "Service",
        namespaced: true,
        short_names: &["svc"],
        categories: &["all"],
        verbs: &[
            "create",
            "delete",
            "deletecollection",
            "get",
            "list",
            "patch",
            "update",
            "watch",
        ],
        subresources: &[
            ("proxy", &["create", "delete", "get", "patch", "update"]),
            ("status", STATUS_VERBS),
        ],
    },
    Kind {
        group: "apps",
        version: "v1",
        resource: "deployments",
        singular: "deployment",
        kind: "Deployment",
        namespaced: true,
        short_names: &["deploy"],
        categories: &["all"],
        verbs: ALL_VERBS,
        subresources: &[("scale", SCALE_VERBS), ("status", STATUS_VERBS)],
    },
    Kind {
        group: "apps",
        version: "v1",
        resource: "replicasets",
        singular: "replicaset",
        kind: "ReplicaSet",
        namespaced: true,
        short_names: &["rs"],
        categories: &["all"],
        verbs: ALL_VERBS,
        subresources: &[("scale", SCALE_VERBS), ("status", STATUS_VERBS)],
    },
    Kind {
        group: "apps",
        version: "v1",
        resource: "statefulsets",
        singular: "statefulset",
        kind: "StatefulSet",
        namespaced: true,
        short_names: &["sts"],
        categories: &["all"],
        verbs: ALL_VERBS,
        subresources: &[("scale", SCALE_VERBS), ("status", STATUS_VERBS)],
    },
    Kind {
        group: "apps",
        version: "v1",
        resource: "daemonsets",
        singular: "daemonset",
        kind: "DaemonSet",
        namespaced: true,
        short_names: &["ds"],
        categories: &["all"],
        verbs: ALL_VERBS,
        subresources: &[("status", STATUS_VERBS)],
    },
    Kind {
        group: "batch",
        version: "v1",
        resource: "jobs",
        singular: "job",
        kind: "Job",
        namespaced: true,
        short_names: &[],
        categories: &["all"],
        verbs: ALL_VERBS,
        subresources: &[("status", STATUS_VERBS)],
    },
    Kind {
        group: "gateway.networking.k8s.io",
        version: "v1",
        resource: "gateways",
        singular: "gateway",
        kind: "Gateway",
        namespaced: true,
        short_names: &["gtw"],
        categories: &["gateway-api"],
        verbs: ALL_VERBS,
        subresources: &[("status", STATUS_VERBS)],
    },
    // The same gateways at the older version, as a Gateway API install serves both (one from
    // before v1 serves only this: see `ApiServerBuilder::without_version`).
    Kind {
        group: "gateway.networking.k8s.io",
        version: "v1beta1",
        resource: "gateways",
        singular: "gateway",
        kind: "Gateway",
        namespaced: true,
        short_names: &["gtw"],
        categories: &["gateway-api"],
        verbs: ALL_VERBS,
        subresources: &[("status", STATUS_VERBS)],
    },
];

impl Kind {
    /// `v1` or `apps/v1`.
    pub fn api_version(&self) -> String {
        if self.group.is_empty() {
            self.version.to_string()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }

    /// How errors name the resource: `pods`, `deployments.apps`.
    pub fn qualified_resource(&self) -> String {
        if self.group.is_empty() {
            self.resource.to_string()
        } else {
            format!("{}.{}", self.resource, self.group)
        }
    }

    pub fn by_api_version_and_kind(api_version: &str, kind: &str) -> Option<&'static Kind> {
        KINDS
            .iter()
            .find(|k| k.kind == kind && k.api_version() == api_version)
    }

    pub fn by_kind(kind: &str) -> Option<&'static Kind> {
        KINDS.iter().find(|k| k.kind == kind)
    }

    pub fn by_path(group: &str, version: &str, resource: &str) -> Option<&'static Kind> {
        KINDS
            .iter()
            .find(|k| k.group == group && k.version == version && k.resource == resource)
    }
}

/// Objects keyed by kind, namespace and name, so lists come out in the API server's storage order
/// (namespace, then name).
#[derive(Default)]
pub(crate) struct Store {
    objects: BTreeMap<(&'static str, String, String), Value>,
    /// Last resourceVersion handed out; lists report it.
    resource_version: u64,
    next_uid: u64,
}

impl Store {
    /// Stores `object`, filling `apiVersion` (when its `kind` is unambiguous), the namespace
    /// (`default`), `uid`, `resourceVersion` and `creationTimestamp` where missing, as the API
    /// server would on create. Replaces an object of the same kind, namespace and name.
    pub fn insert(&mut self, mut object: Value) -> Result<&'static Kind, String> {
        if !object.is_object() {
            return Err(format!("an object must be a JSON/YAML map, got {object}"));
        }
        let fields = object.as_object_mut().ok_or("an object must be a map")?;
        let kind_name = fields
            .get("kind")
            .and_then(Value::as_str)
            .ok_or("object has no \"kind\"")?
            .to_string();
        let kind = match fields.get("apiVersion").and_then(Value::as_str) {
            Some(api_version) => Kind::by_api_version_and_kind(api_version, &kind_name)
                .ok_or_else(|| format!("unsupported kind {kind_name} in {api_version}"))?,
            None => {
                Kind::by_kind(&kind_name).ok_or_else(|| format!("unsupported kind {kind_name}"))?
            }
        };
        fields.insert("apiVersion".into(), Value::String(kind.api_version()));

        let metadata = fields
            .entry("metadata")
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .ok_or("metadata must be a map")?;
        let name = metadata
            .get("name")
            .and_then(Value::as_str)
            .filter(|n| !n.is_empty())
            .ok_or_else(|| format!("{kind_name} has no metadata.name"))?
            .to_string();
        let namespace = if kind.namespaced {
            let ns = metadata
                .get("namespace")
                .and_then(Value::as_str)
                .unwrap_or("default")
                .to_string();
            metadata.insert("namespace".into(), Value::String(ns.clone()));
            ns
        } else {
            String::new()
        };
        if !metadata.contains_key("uid") {
            self.next_uid += 1;
            metadata.insert(
                "uid".into(),
                Value::String(make_uid(&namespace, &name, self.next_uid)),
            );
        }
        self.resource_version += 1;
        if !metadata.contains_key("resourceVersion") {
            metadata.insert(
                "resourceVersion".into(),
                Value::String(self.resource_version.to_string()),
            );
        }
        if !metadata.contains_key("creationTimestamp") {
            metadata.insert(
                "creationTimestamp".into(),
                Value::String(format_rfc3339(SystemTime::now())),
            );
        }
        self.objects
            .insert((kind.resource, namespace, name), object);
        Ok(kind)
    }

    pub fn get(&self, kind: &Kind, namespace: &str, name: &str) -> Option<&Value> {
        self.objects
            .get(&(kind.resource, namespace.to_string(), name.to_string()))
    }

    /// Objects of `kind`, in one namespace or (`None`) all of them.
    pub fn list<'a>(
        &'a self,
        kind: &'a Kind,
        namespace: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Value> + 'a {
        self.objects
            .iter()
            .filter(move |((resource, ns, _), _)| {
                *resource == kind.resource && namespace.is_none_or(|want| want == ns)
            })
            .map(|(_, object)| object)
    }

    pub fn remove(&mut self, kind: &Kind, namespace: &str, name: &str) -> Option<Value> {
        let removed =
            self.objects
                .remove(&(kind.resource, namespace.to_string(), name.to_string()));
        if removed.is_some() {
            self.resource_version += 1;
        }
        removed
    }

    pub fn resource_version(&self) -> String {
        self.resource_version.to_string()
    }
}

/// A UUID-shaped uid that differs per object and per server run order, stable for a given
/// insertion sequence so failures are reproducible.
fn make_uid(namespace: &str, name: &str, serial: u64) -> String {
    let h = fnv1a(format!("{namespace}/{name}/{serial}").as_bytes());
    let l = fnv1a(format!("{serial}/{name}/{namespace}").as_bytes());
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        h >> 32,
        (h >> 16) & 0xffff,
        h & 0xfff,
        (l >> 48) & 0xfff,
        l & 0xffff_ffff_ffff
    )
}

/// FNV-1a, 64-bit: a tiny stable hash for generated identifiers.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The discovery document (`APIResourceList`) of one group version.
pub(crate) fn resource_list(group: &str, version: &str) -> Option<Value> {
    let kinds: Vec<&Kind> = KINDS
        .iter()
        .filter(|k| k.group == group && k.version == version)
        .collect();
    let first = kinds.first()?;
    let mut resources = Vec::new();
    for kind in &kinds {
        let mut entry = json!({
            "name": kind.resource,
            "singularName": kind.singular,
            "namespaced": kind.namespaced,
            "kind": kind.kind,
            "verbs": kind.verbs,
            "categories": kind.categories,
        });
        if !kind.short_names.is_empty() {
            entry["shortNames"] = json!(kind.short_names);
        }
        resources.push(entry);
        for (sub, verbs) in kind.subresources {
            let sub_kind = match *sub {
                "scale" => "Scale",
                "eviction" => "Eviction",
                "binding" => "Binding",
                "attach" | "exec" | "portforward" => "PodAttachOptions",
                _ => kind.kind,
            };
            let mut sub_entry = json!({
                "name": format!("{}/{}", kind.resource, sub),
                "singularName": "",
                "namespaced": kind.namespaced,
                "kind": sub_kind,
                "verbs": verbs,
            });
            if *sub == "scale" {
                sub_entry["group"] = json!("autoscaling");
                sub_entry["version"] = json!("v1");
            }
            if *sub == "eviction" {
                sub_entry["group"] = json!("policy");
                sub_entry["version"] = json!("v1");
            }
            resources.push(sub_entry);
        }
    }
    Some(json!({
        "kind": "APIResourceList",
        "apiVersion": "v1",
        "groupVersion": first.api_version(),
        "resources": resources,
    }))
}

/// The groups served under `/apis` with their versions, preferred first, in a stable order;
/// `served` says whether a group version is served.
pub(crate) fn api_groups(
    served: impl Fn(&str, &str) -> bool,
) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for kind in KINDS
        .iter()
        .filter(|k| !k.group.is_empty() && served(k.group, k.version))
    {
        match groups.iter_mut().find(|(g, _)| *g == kind.group) {
            Some((_, versions)) if !versions.contains(&kind.version) => versions.push(kind.version),
            Some(_) => {}
            None => groups.push((kind.group, vec![kind.version])),
        }
    }
    groups
}

/// One `APIGroup` entry; the first version is the preferred one.
pub(crate) fn api_group(group: &str, versions: &[&str]) -> Value {
    let entry =
        |version: &&str| json!({"groupVersion": format!("{group}/{version}"), "version": version});
    let listed: Vec<Value> = versions.iter().map(entry).collect();
    json!({"name": group, "versions": listed, "preferredVersion": versions.first().map(entry)})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_fills_missing_metadata_and_keeps_given_fields() {
        let mut store = Store::default();
        store
            .insert(json!({"kind": "Pod", "metadata": {"name": "a"}}))
            .unwrap();
        store
            .insert(json!({"apiVersion": "v1", "kind": "Pod",
                "metadata": {"name": "b", "namespace": "prod", "uid": "given",
                             "creationTimestamp": "2024-01-01T00:00:00Z"}}))
            .unwrap();
        let pods = Kind::by_kind("Pod").unwrap();
        let a = store.get(pods, "default", "a").unwrap();
        assert_eq!(a["apiVersion"], "v1");
        assert_eq!(a["metadata"]["uid"].as_str().unwrap().len(), 36);
        assert!(a["metadata"]["resourceVersion"].is_string());
        assert!(a["metadata"]["creationTimestamp"].is_string());
        let b = store.get(pods, "prod", "b").unwrap();
        assert_eq!(b["metadata"]["uid"], "given");
        assert_eq!(b["metadata"]["creationTimestamp"], "2024-01-01T00:00:00Z");
        assert_eq!(store.list(pods, None).count(), 2);
        assert_eq!(store.list(pods, Some("prod")).count(), 1);
    }

    #[test]
    fn insert_rejects_unknown_kinds_and_nameless_objects() {
        let mut store = Store::default();
        assert!(store
            .insert(json!({"kind": "Widget", "metadata": {"name": "a"}}))
            .is_err());
        assert!(store
            .insert(json!({"apiVersion": "apps/v2", "kind": "Deployment"}))
            .is_err());
        assert!(store
            .insert(json!({"kind": "Pod", "metadata": {}}))
            .is_err());
        assert!(store.insert(json!(["not", "an", "object"])).is_err());
    }

    #[test]
    fn discovery_lists_short_names() {
        let apps = resource_list("apps", "v1").unwrap();
        let deploy = apps["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "deployments")
            .unwrap();
        assert_eq!(deploy["shortNames"], json!(["deploy"]));
        assert_eq!(deploy["kind"], "Deployment");
        assert!(resource_list("apps", "v2").is_none());
    }

    #[test]
    fn core_discovery_lists_replication_controllers_as_a_real_server() {
        let core = resource_list("", "v1").unwrap();
        let resources = core["resources"].as_array().unwrap();
        let find = |name: &str| resources.iter().find(|r| r["name"] == name).unwrap();
        assert_eq!(
            find("replicationcontrollers"),
            &json!({
                "name": "replicationcontrollers",
                "singularName": "replicationcontroller",
                "namespaced": true,
                "kind": "ReplicationController",
                "verbs": ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
                "shortNames": ["rc"],
                "categories": ["all"],
            })
        );
        assert_eq!(
            find("replicationcontrollers/scale"),
            &json!({
                "name": "replicationcontrollers/scale",
                "singularName": "",
                "namespaced": true,
                "group": "autoscaling",
                "version": "v1",
                "kind": "Scale",
                "verbs": ["get", "patch", "update"],
            })
        );
        assert_eq!(
            find("replicationcontrollers/status"),
            &json!({
                "name": "replicationcontrollers/status",
                "singularName": "",
                "namespaced": true,
                "kind": "ReplicationController",
                "verbs": ["get", "patch", "update"],
            })
        );
        // A real /api/v1 lists its resources alphabetically.
        let names: Vec<&str> = resources
            .iter()
            .filter_map(|r| r["name"].as_str())
            .filter(|n| !n.contains('/'))
            .collect();
        assert_eq!(
            names,
            [
                "configmaps",
                "namespaces",
                "pods",
                "replicationcontrollers",
                "services"
            ]
        );
    }
}
