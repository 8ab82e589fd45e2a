//! What to ask a proxy's admin API for a view: only the sections the view shows, narrowed by
//! resource name where the Envoy can do it.

use crate::config::{DiffView, Format, ViewKind};
use crate::envoy::stats;

/// The admin request a view needs: only the sections it shows (istioctl's masks), and, where a
/// filter names resources, a narrower variant with Envoy's `name_regex` so that only those cross
/// the port-forward. The regex selects a superset of what the filter keeps (the view filters
/// again), so the answer is the same whether or not the Envoy applies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminRequest {
    /// The sections alone: what any Envoy understands.
    pub path: String,
    /// `path` plus `name_regex`, for an Envoy whose version supports it.
    pub narrowed: Option<String>,
    /// `-o wide`'s counters: `/stats?filter=` for the stats of the resources the view's
    /// filter selects, asked after the dump on the same port-forward.
    pub stats: Option<String>,
    /// The table's cells follow the naming rules of the proxy's control plane, which its node
    /// tells and the sections asked for do not hold: ask `/server_info` for it.
    pub node: bool,
}

impl AdminRequest {
    /// The path to ask an Envoy for, given whether it supports `name_regex`.
    pub fn path_for(&self, supports_name_regex: bool) -> &str {
        match (&self.narrowed, supports_name_regex) {
            (Some(narrowed), true) => narrowed,
            _ => &self.path,
        }
    }
}

/// The request that fetches what `view` shows in `format`.
pub fn admin_request(view: &ViewKind, format: Format) -> AdminRequest {
    let path = match view {
        ViewKind::All(_) => "/config_dump?include_eds=true",
        ViewKind::Eds(_) => {
            "/config_dump?include_eds=true&mask=dynamic_endpoint_configs,static_endpoint_configs"
        }
        ViewKind::Bootstrap => "/config_dump?mask=bootstrap",
        // Wide adds endpoint counts, which live in the EDS part of the dump.
        ViewKind::Clusters(_) if format == Format::Wide => "/config_dump?include_eds=true",
        ViewKind::Clusters(_) => {
            "/config_dump?mask=dynamic_active_clusters,dynamic_warming_clusters,static_clusters"
        }
        ViewKind::Listeners(_) | ViewKind::Waypoint => LISTENERS,
        ViewKind::Routes(_) => "/config_dump?mask=dynamic_route_configs,static_route_configs",
        ViewKind::Endpoints(_) => "/clusters?format=json",
        ViewKind::Secrets => "/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets",
        ViewKind::Ecds => "/config_dump",
        // The listeners first; the rest, in rounds, only what the trace leads to
        // (`trace_section`).
        ViewKind::Trace(_) => LISTENERS,
    };
    AdminRequest {
        path: path.to_string(),
        narrowed: name_regex(view).map(|re| format!("{path}&name_regex={}", query_escape(&re))),
        stats: (format == Format::Wide)
            .then(|| stats_filter(view))
            .flatten()
            .map(|re| format!("/stats?filter={}", query_escape(&re))),
        node: matches!(format, Format::Short | Format::Wide)
            && !path.contains("bootstrap")
            && !path.starts_with("/config_dump?include_eds=true")
            && matches!(
                view,
                ViewKind::Clusters(_) | ViewKind::Listeners(_) | ViewKind::Routes(_)
            ),
    }
}

/// The `/stats` pattern for the counters `-o wide` shows beside the view's resources: those of
/// the clusters whose names hold the filter's text, of every listener.
fn stats_filter(view: &ViewKind) -> Option<String> {
    match view {
        ViewKind::Clusters(f) => {
            let port = f.port.map(|p| format!("|{p}|"));
            let part = f
                .fqdn
                .as_ref()
                .or(f.subset.as_ref())
                .or(f.direction.as_ref())
                .or(port.as_ref());
            Some(stats::cluster_filter(part.map(String::as_str)))
        }
        // Not narrowed by port: a listener with a `stat_prefix` is counted under that, which
        // need not name its port; a proxy has few listeners.
        ViewKind::Listeners(_) => Some(stats::listener_filter()),
        _ => None,
    }
}

const LISTENERS: &str = "/config_dump?mask=dynamic_listeners,static_listeners";

/// The sections a trace reads after the listeners, each asked on its own: one mask cannot name
/// two sections, as Envoy refuses a mask whose fields are not all of one section's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraceSection {
    RouteConfigs,
    Clusters,
    /// The clusters' EDS assignments, named by cluster.
    Assignments,
}

/// The request for the resources of `section` a trace reads: those named alone when the Envoy
/// filters by `name_regex` (`names`), else the whole section. Warming and draining resources
/// are left out, as the trace reads only active and static ones.
pub fn trace_section<'a>(
    section: TraceSection,
    names: Option<impl IntoIterator<Item = &'a String>>,
) -> String {
    let path = match section {
        TraceSection::RouteConfigs => {
            "/config_dump?mask=dynamic_route_configs,static_route_configs"
        }
        TraceSection::Clusters => "/config_dump?mask=dynamic_active_clusters,static_clusters",
        TraceSection::Assignments => {
            "/config_dump?include_eds=true&mask=dynamic_endpoint_configs,static_endpoint_configs"
        }
    };
    match names {
        None => path.to_string(),
        Some(names) => {
            let names: Vec<String> = names.into_iter().map(|n| regex::escape(n)).collect();
            let pattern = format!("^(?:{})$", names.join("|"));
            format!("{path}&name_regex={}", query_escape(&pattern))
        }
    }
}

/// The request for one side of `pc diff`: every list the diff compares of the sections its
/// view reads (static secrets too, which `secret` does not show).
pub fn diff_request(view: &DiffView) -> AdminRequest {
    let path = match view {
        DiffView::All => "/config_dump?include_eds=true",
        DiffView::Bootstrap => "/config_dump?mask=bootstrap",
        DiffView::Clusters(_) => "/config_dump?mask=dynamic_active_clusters,static_clusters",
        DiffView::Listeners(_) => "/config_dump?mask=dynamic_listeners,static_listeners",
        DiffView::Routes(_) => "/config_dump?mask=dynamic_route_configs,static_route_configs",
        DiffView::Endpoints(_) => {
            "/config_dump?include_eds=true&mask=dynamic_endpoint_configs,static_endpoint_configs"
        }
        DiffView::Secrets => {
            "/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets,static_secrets"
        }
    };
    AdminRequest {
        path: path.to_string(),
        narrowed: None,
        stats: None,
        node: false,
    }
}

/// An RE2 pattern over resource names that every resource the view's filter keeps matches.
fn name_regex(view: &ViewKind) -> Option<String> {
    match view {
        ViewKind::Routes(f) => f.name.as_ref().map(|n| format!("^{}$", regex::escape(n))),
        // Cluster filters are substring tests on the name; one of them is enough to narrow.
        ViewKind::Clusters(f) => {
            let port = f.port.map(|p| format!("|{p}|"));
            let part = f
                .fqdn
                .as_ref()
                .or(f.subset.as_ref())
                .or(f.direction.as_ref())
                .or(port.as_ref())?;
            Some(format!(".*{}.*", regex::escape(part)))
        }
        // EDS resources are named by their cluster; `--cluster` is a case-insensitive equality.
        ViewKind::Eds(f) => f
            .cluster
            .as_ref()
            .map(|c| format!("(?i)^{}$", regex::escape(c))),
        _ => None,
    }
}

/// Percent-encodes a query parameter value (everything but RFC 3986's unreserved characters).
fn query_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ClusterFilter, EndpointFilter, RouteFilter};

    /// Live, `listener --waypoint` asks for what `listener` asks for, whatever `-o` says.
    #[test]
    fn waypoint_fetches_the_listener_sections() {
        use crate::config::{Format, ListenerFilter, ViewKind};
        let listener = ViewKind::Listeners(ListenerFilter {
            address: None,
            port: None,
            listener_type: None,
            verbose: true,
        });
        let waypoint = admin_request(&ViewKind::Waypoint, Format::Json);
        assert_eq!(waypoint, admin_request(&listener, Format::Json));
        assert_eq!(
            waypoint.path,
            "/config_dump?mask=dynamic_listeners,static_listeners"
        );
    }

    #[test]
    fn filters_that_name_resources_are_pushed_down_as_name_regex() {
        let routes = ViewKind::Routes(RouteFilter {
            name: Some("80".into()),
            verbose: true,
        });
        assert_eq!(
            admin_request(&routes, Format::Short),
            AdminRequest {
                path: "/config_dump?mask=dynamic_route_configs,static_route_configs".into(),
                narrowed: Some(
                    "/config_dump?mask=dynamic_route_configs,static_route_configs\
                     &name_regex=%5E80%24"
                        .into()
                ),
                stats: None,
                node: true,
            }
        );
        // JSON has no cells a control plane's naming decides.
        assert!(!admin_request(&routes, Format::Json).node);
        let clusters = ViewKind::Clusters(ClusterFilter {
            port: Some(9080),
            ..Default::default()
        });
        assert!(narrowed(&clusters).ends_with("&name_regex=.%2A%5C%7C9080%5C%7C.%2A"));
        let eds = ViewKind::Eds(EndpointFilter {
            cluster: Some("outbound|80||a.b".into()),
            ..Default::default()
        });
        assert!(narrowed(&eds)
            .starts_with("/config_dump?include_eds=true&mask=dynamic_endpoint_configs,static_endpoint_configs&name_regex=%28%3Fi%29%5E"));
        let unfiltered = ViewKind::Clusters(ClusterFilter::default());
        let request = admin_request(&unfiltered, Format::Short);
        assert_eq!(request.narrowed, None);
        assert_eq!(request.path_for(true), request.path);
    }

    /// `-o wide` of clusters and listeners asks `/stats` for its counters, of the clusters the
    /// filter selects; other views and formats ask nothing more.
    #[test]
    fn wide_asks_for_the_counters_of_what_it_shows() {
        use crate::config::ListenerFilter;
        let customers = ViewKind::Clusters(ClusterFilter {
            fqdn: Some("customers".into()),
            ..Default::default()
        });
        let stats = admin_request(&customers, Format::Wide).stats.unwrap();
        let pattern = stats.strip_prefix("/stats?filter=").unwrap();
        assert!(pattern.starts_with("%5Ecluster%5C..%2Acustomers.%2A%5C.%28upstream_rq_total%7C"));
        assert_eq!(admin_request(&customers, Format::Short).stats, None);
        let listeners = ViewKind::Listeners(ListenerFilter {
            address: None,
            port: Some(80),
            listener_type: None,
            verbose: true,
        });
        assert_eq!(
            admin_request(&listeners, Format::Wide).stats.as_deref(),
            Some(
                "/stats?filter=%5Elistener%5C..%2B%5C.%28downstream_cx_active%7Cdownstream_cx_total%29%24"
            )
        );
        let endpoints = ViewKind::Endpoints(EndpointFilter::default());
        assert_eq!(admin_request(&endpoints, Format::Wide).stats, None);
    }

    fn narrowed(view: &ViewKind) -> String {
        let request = admin_request(view, Format::Short);
        assert_eq!(request.path_for(false), request.path);
        request.path_for(true).to_string()
    }
}
