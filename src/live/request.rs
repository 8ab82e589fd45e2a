//! What to ask a proxy's admin API for a view: only the sections the view shows, narrowed by
//! resource name where the Envoy can do it.

use crate::config::{DiffView, Format, ViewKind};

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
        ViewKind::Listeners(_) | ViewKind::Waypoint => {
            "/config_dump?mask=dynamic_listeners,static_listeners"
        }
        ViewKind::Routes(_) => "/config_dump?mask=dynamic_route_configs,static_route_configs",
        ViewKind::Endpoints(_) => "/clusters?format=json",
        ViewKind::Secrets => "/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets",
        ViewKind::Ecds => "/config_dump",
        // Listeners, routes, clusters and the EDS assignments: one mask cannot name them, as
        // Envoy refuses a mask whose fields are not all of one section's message.
        ViewKind::Trace(_) => "/config_dump?include_eds=true",
    };
    AdminRequest {
        path: path.to_string(),
        narrowed: name_regex(view).map(|re| format!("{path}&name_regex={}", query_escape(&re))),
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
        assert_eq!(waypoint, admin_request(&listener, Format::Short));
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
            }
        );
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

    fn narrowed(view: &ViewKind) -> String {
        let request = admin_request(view, Format::Short);
        assert_eq!(request.path_for(false), request.path);
        request.path_for(true).to_string()
    }
}
