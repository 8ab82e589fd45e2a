//! The resources a trace reads, taken from a dump's sections: active and static listeners, typed,
//! and the route configurations, clusters and EDS assignments as their texts, of which a trace
//! parses only the few it follows.

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::envoy::dump::{leading_field, Dump, SectionKind};
use crate::envoy::resources::{Cluster, ClusterLoadAssignment, Listener, RouteConfiguration};
use crate::error::Result;

/// What a trace looks at. Warming and draining listeners take no new connections, so only
/// active and static ones are read.
#[derive(Debug, Default)]
pub struct Snapshot<'a> {
    pub listeners: Vec<Listener<'a>>,
    route_configs: Vec<&'a RawValue>,
    clusters: Vec<&'a RawValue>,
    assignments: Vec<&'a RawValue>,
    /// The names a trace looked up, found or not: what a live trace fetches next.
    looked_up: RefCell<Needs>,
}

/// The route configurations and clusters (with their EDS assignments) a trace reads by name.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Needs {
    pub route_configs: BTreeSet<String>,
    pub clusters: BTreeSet<String>,
}

#[derive(Deserialize)]
struct DynamicListener<'a> {
    #[serde(borrow, default)]
    active_state: Option<ListenerItem<'a>>,
}

#[derive(Deserialize)]
struct ListenerItem<'a> {
    #[serde(borrow, default)]
    listener: Option<Listener<'a>>,
}

#[derive(Deserialize)]
struct RouteItem<'a> {
    #[serde(borrow, default)]
    route_config: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct ClusterItem<'a> {
    #[serde(borrow, default)]
    cluster: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct EndpointItem<'a> {
    #[serde(borrow, default)]
    endpoint_config: Option<&'a RawValue>,
}

/// The resource in `texts` whose `field` is `name`, parsed. The field is read from the front
/// of each text, where Envoy writes a resource's name; a text where it is elsewhere is parsed
/// whole to find it.
fn find<'a, T: Deserialize<'a>>(
    texts: &[&'a RawValue],
    field: &str,
    name: &str,
    name_of: impl Fn(&T) -> &str,
) -> Option<T> {
    texts
        .iter()
        .find_map(|raw| match leading_field(raw.get(), field) {
            Some(n) if n != name => None,
            Some(_) => serde_json::from_str(raw.get()).ok(),
            None => serde_json::from_str::<T>(raw.get())
                .ok()
                .filter(|t| name_of(t) == name),
        })
}

impl<'a> Snapshot<'a> {
    /// A snapshot of typed listeners and resource texts (tests and callers that have them).
    pub fn new(
        listeners: Vec<Listener<'a>>,
        route_configs: Vec<&'a RawValue>,
        clusters: Vec<&'a RawValue>,
        assignments: Vec<&'a RawValue>,
    ) -> Self {
        Snapshot {
            listeners,
            route_configs,
            clusters,
            assignments,
            looked_up: RefCell::default(),
        }
    }

    /// The active and static listeners of a dump holding the listeners section.
    pub fn listeners(dump: &Dump<'a>) -> Result<Vec<Listener<'a>>> {
        let mut all = Vec::new();
        let listeners = dump.require(SectionKind::Listeners)?;
        for item in listeners.list::<ListenerItem>("static_listeners")? {
            all.extend(item.listener);
        }
        for item in listeners.list::<DynamicListener>("dynamic_listeners")? {
            all.extend(item.active_state.and_then(|s| s.listener));
        }
        Ok(all)
    }

    /// Reads the snapshot from a dump whose sections were kept raw, holding at least the
    /// listeners section; the other sections may be missing (a trace then stops where it needs
    /// them).
    pub fn from_dump(dump: &Dump<'a>) -> Result<Snapshot<'a>> {
        let mut snap = Snapshot {
            listeners: Snapshot::listeners(dump)?,
            ..Default::default()
        };
        if let Some(routes) = dump.section(SectionKind::Routes) {
            for list in ["static_route_configs", "dynamic_route_configs"] {
                for item in routes.list::<RouteItem>(list)? {
                    snap.route_configs.extend(item.route_config);
                }
            }
        }
        if let Some(clusters) = dump.section(SectionKind::Clusters) {
            for list in ["static_clusters", "dynamic_active_clusters"] {
                for item in clusters.list::<ClusterItem>(list)? {
                    snap.clusters.extend(item.cluster);
                }
            }
        }
        if let Some(endpoints) = dump.section(SectionKind::Endpoints) {
            for list in ["static_endpoint_configs", "dynamic_endpoint_configs"] {
                for item in endpoints.list::<EndpointItem>(list)? {
                    snap.assignments.extend(item.endpoint_config);
                }
            }
        }
        Ok(snap)
    }

    /// The route configurations and clusters looked up so far, found or not.
    pub fn needs(&self) -> Needs {
        self.looked_up.borrow().clone()
    }

    pub fn route_config(&self, name: &str) -> Option<RouteConfiguration<'a>> {
        self.looked_up
            .borrow_mut()
            .route_configs
            .insert(name.to_string());
        find(
            &self.route_configs,
            "name",
            name,
            |r: &RouteConfiguration| r.name.as_ref(),
        )
    }

    /// A cluster by name; its EDS assignment is looked up with it.
    pub fn cluster(&self, name: &str) -> Option<Cluster<'a>> {
        self.looked_up
            .borrow_mut()
            .clusters
            .insert(name.to_string());
        find(&self.clusters, "name", name, |c: &Cluster| c.name.as_ref())
    }

    /// The cluster's EDS assignment from the dump's endpoints section.
    pub fn assignment(&self, cluster: &str) -> Option<ClusterLoadAssignment<'a>> {
        find(
            &self.assignments,
            "cluster_name",
            cluster,
            |a: &ClusterLoadAssignment| a.cluster_name.as_ref(),
        )
    }
}
