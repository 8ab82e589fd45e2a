//! The resources a trace reads, taken from a dump's sections: active and static listeners, route
//! configurations, active and static clusters, and the EDS assignments.

use serde::Deserialize;

use crate::envoy::dump::{Dump, SectionKind};
use crate::envoy::resources::{Cluster, ClusterLoadAssignment, Listener, RouteConfiguration};
use crate::error::Result;

/// What a trace looks at. Warming and draining listeners take no new connections, so only
/// active and static ones are read.
#[derive(Debug, Default)]
pub struct Snapshot<'a> {
    pub listeners: Vec<Listener<'a>>,
    pub route_configs: Vec<RouteConfiguration<'a>>,
    pub clusters: Vec<Cluster<'a>>,
    pub assignments: Vec<ClusterLoadAssignment<'a>>,
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
    route_config: Option<RouteConfiguration<'a>>,
}

#[derive(Deserialize)]
struct ClusterItem<'a> {
    #[serde(borrow, default)]
    cluster: Option<Cluster<'a>>,
}

#[derive(Deserialize)]
struct EndpointItem<'a> {
    #[serde(borrow, default)]
    endpoint_config: Option<ClusterLoadAssignment<'a>>,
}

impl<'a> Snapshot<'a> {
    /// Reads the snapshot from a dump holding at least the listeners section; the other
    /// sections may be missing (a trace then stops where it needs them).
    pub fn from_dump(dump: &Dump<'a>) -> Result<Snapshot<'a>> {
        let mut snap = Snapshot::default();
        let listeners = dump.require(SectionKind::Listeners)?;
        for item in listeners.list::<ListenerItem>("static_listeners")? {
            snap.listeners.extend(item.listener);
        }
        for item in listeners.list::<DynamicListener>("dynamic_listeners")? {
            snap.listeners
                .extend(item.active_state.and_then(|s| s.listener));
        }
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
}
