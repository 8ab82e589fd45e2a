//! `pc trace`'s engine: where one request goes in an Envoy's configuration, and why, step by step
//! as Envoy decides it: listener, listener filters, filter chain, network filter, virtual host,
//! route, action, cluster and endpoints. Pure functions over the typed resources of a dump: no
//! threads, no I/O. Every step records the candidates it passed over and why (`--explain`).

pub mod http;
pub mod listener;
pub mod matchers;
pub mod snapshot;
pub mod unified;

use std::net::IpAddr;

use serde::Serialize;

pub use snapshot::{Needs, Snapshot};

use crate::envoy::resources::{
    istio_config_of, Cluster, ClusterLoadAssignment, FilterChain, HttpConnectionManager, TcpProxy,
    TypedExtension, HCM_FILTER, HCM_TYPE, TCP_PROXY_FILTER, TCP_PROXY_TYPE,
};

/// What the client sends, as the connection and the request look to Envoy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// The original destination's IP; None when not known (offline, a name in the URL): the
    /// listener and chain steps then match on the port alone and say so.
    pub dest_ip: Option<IpAddr>,
    pub dest_port: u16,
    pub source_ip: Option<IpAddr>,
    pub source_port: Option<u16>,
    /// Traffic arriving at this proxy from a peer.
    pub inbound: bool,
    /// The client speaks TLS: its ClientHello's SNI and ALPN.
    pub tls: Option<ClientHello>,
    /// A peer sidecar's Istio mutual TLS, taken in place of plaintext when the inbound chains
    /// of the destination port expect it (`--inbound` without `--mtls`).
    pub mtls_if_expected: Option<ClientHello>,
    /// The HTTP request; None for raw TCP.
    pub http: Option<HttpRequest>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientHello {
    pub sni: Option<String>,
    pub alpn: Vec<String>,
    /// The client presents a certificate when asked (a peer sidecar's mutual TLS does).
    pub client_cert: bool,
}

/// The connection as a route's `tls_context` sees it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Downstream {
    /// The chain terminated the client's TLS.
    pub secure: bool,
    /// The client presented a certificate, the chain having asked for one.
    pub presented: bool,
    /// The chain validated it (it has a validation context; a certificate that fails
    /// validation fails the handshake, so a presented one here is a valid one).
    pub validated: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: String,
    /// The Host / `:authority` as sent, port included when the client sends one.
    pub authority: String,
    /// The `:path`, query string included.
    pub path: String,
    /// Other headers, names lower case, in order; a name may repeat.
    pub headers: Vec<(String, String)>,
    /// HTTP/2 (gRPC, h2c) rather than HTTP/1.1.
    pub http2: bool,
}

impl HttpRequest {
    /// A header's value as Envoy's matchers see it: every value of the name joined with `,`;
    /// the pseudo-headers `:method`, `:path`, `:authority`/`host` included.
    pub fn header(&self, name: &str) -> Option<String> {
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            ":method" => return Some(self.method.clone()),
            ":path" => return Some(self.path.clone()),
            ":authority" | "host" => return Some(self.authority.clone()),
            ":scheme" => return Some("http".to_string()),
            _ => {}
        }
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(","))
    }
}

/// The outcome of a trace. `-o json`'s `result` says one of seven words (`cluster`,
/// `weightedClusters`, `redirect`, `directResponse`, `noRoute`, `noFilterChain`, `noListener`),
/// and `resultDetail` what they leave out (`Outcome::json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    Cluster,
    WeightedClusters,
    Redirect,
    DirectResponse,
    NoRoute,
    NoFilterChain,
    NoListener,
    /// No cluster to forward to: `cluster_header` named a header the request does not carry, or
    /// the route is non-forwarding.
    NoCluster,
    /// A terminal network filter meshctl does not follow (named in `network`).
    Unsupported,
}

impl Outcome {
    /// `result` and `resultDetail` in `-o json`: a route to a cluster the request does not
    /// name is a `cluster` result whose cluster is not found; a step trace does not follow ends
    /// without a route.
    fn json(self) -> (Outcome, Option<&'static str>) {
        match self {
            Outcome::NoCluster => (Outcome::Cluster, Some("clusterNotFound")),
            Outcome::Unsupported => (Outcome::NoRoute, Some("notFollowed")),
            other => (other, None),
        }
    }
}

fn result_json<S: serde::Serializer>(o: &Outcome, s: S) -> Result<S::Ok, S::Error> {
    o.json().0.serialize(s)
}

/// One candidate passed over at a step, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub step: &'static str,
    pub candidate: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightedCluster {
    pub name: String,
    pub weight: u32,
}

/// What the listener filters made of the connection, as filter chain matching sees it.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Detected {
    pub transport_protocol: String,
    pub server_name: Option<String>,
    pub application_protocols: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EndpointInfo {
    pub address: String,
    pub health: String,
    pub locality: String,
    pub priority: u32,
    pub weight: Option<u32>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterInfo {
    pub name: String,
    /// False when the dump holds no cluster of that name.
    pub found: bool,
    #[serde(rename = "type")]
    pub discovery_type: String,
    pub lb_policy: String,
    pub tls: String,
    pub destination_rule: Option<String>,
    pub endpoints: Vec<EndpointInfo>,
}

/// The action of the route that matched, beyond where it sends the request.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionInfo {
    pub timeout: Option<String>,
    pub retries: Option<String>,
    pub prefix_rewrite: Option<String>,
    pub host_rewrite: Option<String>,
    pub redirect: Option<String>,
    pub redirect_code: Option<u32>,
    pub direct_response_status: Option<u32>,
    /// `cluster_header`'s header name.
    pub cluster_header: Option<String>,
    /// The endpoint subset the route asks for (`metadata_match`'s `envoy.lb` keys).
    pub subset: Option<String>,
    pub total_weight: Option<u32>,
}

/// A whole trace, top to bottom; `None` where a step does not apply.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    pub listener: Option<String>,
    /// How the listener was reached: the address or port that chose it, the hand-off.
    pub listener_match: Option<String>,
    pub detected: Detected,
    /// The chain's name; None when it has none or no chain took the connection.
    pub filter_chain: Option<String>,
    /// What the chosen chain's match required, or `default_filter_chain`; None when no chain
    /// took the connection.
    pub filter_chain_match: Option<String>,
    /// The terminal network filter: `http_connection_manager`, `tcp_proxy`, or another's name.
    pub network_filter: Option<String>,
    pub route_config: Option<String>,
    pub virtual_host: Option<String>,
    /// The domain of the virtual host that took the Host.
    pub domain: Option<String>,
    pub route: Option<String>,
    /// The route's match that decided, as `prefix /api` or `path /healthz`.
    pub route_match: Option<String>,
    #[serde(serialize_with = "result_json")]
    pub result: Outcome,
    /// What `result` leaves out: `clusterNotFound`, `notFollowed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result_detail: Option<&'static str>,
    pub clusters: Vec<WeightedCluster>,
    pub action: ActionInfo,
    pub virtual_service: Option<String>,
    pub cluster_details: Vec<ClusterInfo>,
    /// What the trace assumed where the dump or the request do not say.
    pub assumptions: Vec<String>,
    pub explanations: Vec<Explanation>,
}

impl Trace {
    fn new() -> Trace {
        Trace {
            listener: None,
            listener_match: None,
            detected: Detected::default(),
            filter_chain: None,
            filter_chain_match: None,
            network_filter: None,
            route_config: None,
            virtual_host: None,
            domain: None,
            route: None,
            route_match: None,
            result: Outcome::NoListener,
            result_detail: None,
            clusters: Vec::new(),
            action: ActionInfo::default(),
            virtual_service: None,
            cluster_details: Vec::new(),
            assumptions: Vec::new(),
            explanations: Vec::new(),
        }
    }

    pub(crate) fn explain(
        &mut self,
        step: &'static str,
        candidate: impl Into<String>,
        reason: impl Into<String>,
    ) {
        self.explanations.push(Explanation {
            step,
            candidate: candidate.into(),
            reason: reason.into(),
        });
    }
}

/// Follows `request` through the configuration in `snap`.
pub fn trace(snap: &Snapshot, request: &Request) -> Trace {
    let mut t = follow(snap, request);
    t.result_detail = t.result.json().1;
    t
}

fn follow(snap: &Snapshot, request: &Request) -> Trace {
    let mut t = Trace::new();
    let Some(picked) = listener::select(snap, request, &mut t) else {
        t.result = Outcome::NoListener;
        return t;
    };
    t.listener = Some(picked.listener.name.to_string());
    t.listener_match = Some(picked.how.clone());
    let with_mtls;
    let request = match &request.mtls_if_expected {
        Some(hello) if listener::expects_istio_mtls(picked.listener, request.dest_port) => {
            t.assumptions.push(format!(
                "the inbound chains of port {} expect Istio mutual TLS: traced as a peer \
                 sidecar's (ALPN {}); --mtls=false for plaintext",
                request.dest_port,
                hello.alpn.join(",")
            ));
            with_mtls = Request {
                tls: Some(hello.clone()),
                ..request.clone()
            };
            &with_mtls
        }
        _ => request,
    };
    t.detected = listener::detect(&picked.inspectors, request);
    let Some(chain) = listener::select_chain(picked.listener, request, &t.detected.clone(), &mut t)
    else {
        t.result = Outcome::NoFilterChain;
        return t;
    };
    network(snap, chain, request, &mut t);
    t
}

/// The chain's terminal network filter: HCM routing or tcp_proxy's cluster.
fn network(snap: &Snapshot, chain: &FilterChain, request: &Request, t: &mut Trace) {
    let terminal = chain.filters.last();
    let Some(filter) = terminal else {
        t.network_filter = Some("<none>".into());
        t.result = Outcome::Unsupported;
        return;
    };
    if filter.is(HCM_FILTER, HCM_TYPE) {
        t.network_filter = Some("http_connection_manager".into());
        let hcm: HttpConnectionManager = typed(filter).unwrap_or_default();
        // HTTP routing needs the bytes in the clear: a TLS connection reaches the HCM only
        // when the chain terminates TLS with its own transport socket.
        let Some(http_req) = &request.http else {
            t.assumptions.push(
                "raw TCP reached an HTTP connection manager: no HTTP request to route".into(),
            );
            t.result = Outcome::NoRoute;
            return;
        };
        if request.tls.is_some() && chain.transport_socket.is_none() {
            t.assumptions.push(
                "the chain does not terminate TLS: the HTTP connection manager would see TLS bytes"
                    .into(),
            );
        }
        // The request is secure when the chain terminates the client's TLS; the chain asks for
        // a client certificate when it can validate one.
        let secure = request.tls.is_some() && chain.transport_socket.is_some();
        let validates = secure && chain.transport_socket.as_ref().is_some_and(validates_peers);
        let presented = validates && request.tls.as_ref().is_some_and(|h| h.client_cert);
        let conn = Downstream {
            secure,
            presented,
            validated: presented,
        };
        http::route(snap, &hcm, http_req, request.dest_port, conn, t);
    } else if filter.is(TCP_PROXY_FILTER, TCP_PROXY_TYPE) {
        t.network_filter = Some("tcp_proxy".into());
        let tcp: TcpProxy = typed(filter).unwrap_or_default();
        if let Some(w) = &tcp.weighted_clusters {
            t.result = Outcome::WeightedClusters;
            t.clusters = w
                .clusters
                .iter()
                .map(|c| WeightedCluster {
                    name: c.name.to_string(),
                    weight: c.weight.unwrap_or(0),
                })
                .collect();
            t.action.total_weight = Some(t.clusters.iter().map(|c| c.weight).sum());
        } else {
            t.result = Outcome::Cluster;
            t.clusters = vec![WeightedCluster {
                name: tcp.cluster.to_string(),
                weight: 100,
            }];
        }
    } else {
        t.network_filter = Some(filter.name.to_string());
        t.result = Outcome::Unsupported;
    }
    t.cluster_details = t
        .clusters
        .iter()
        .map(|c| cluster_info(snap, &c.name))
        .collect();
}

/// Whether a chain's TLS transport socket validates client certificates: its common TLS context
/// has a validation context, inline, combined or by SDS.
fn validates_peers(socket: &TypedExtension) -> bool {
    let Some(config) = socket.typed_config else {
        return false;
    };
    let Ok(config) = serde_json::from_str::<serde_json::Value>(config.get()) else {
        return false;
    };
    let common = &config["common_tls_context"];
    [
        "validation_context",
        "combined_validation_context",
        "validation_context_sds_secret_config",
    ]
    .iter()
    .any(|k| !common[k].is_null())
}

/// A filter's `typed_config` read as `T`.
fn typed<'a, T: serde::Deserialize<'a>>(f: &TypedExtension<'a>) -> Option<T> {
    serde_json::from_str(f.typed_config?.get()).ok()
}

/// A cluster as the trace shows it: type, LB policy, TLS, Istio DestinationRule, endpoints
/// from the dump's EDS section (or the cluster's own `load_assignment`).
pub fn cluster_info(snap: &Snapshot, name: &str) -> ClusterInfo {
    let Some(c) = snap.cluster(name) else {
        return ClusterInfo {
            name: name.to_string(),
            ..Default::default()
        };
    };
    let eds = snap.assignment(name);
    let assignment = eds.as_ref().or(c.load_assignment.as_ref());
    ClusterInfo {
        name: name.to_string(),
        found: true,
        discovery_type: discovery_type(&c),
        lb_policy: c.lb_policy.as_deref().unwrap_or("ROUND_ROBIN").to_string(),
        tls: cluster_tls(&c),
        destination_rule: Some(istio_config_of(c.metadata.as_ref())).filter(|s| !s.is_empty()),
        endpoints: assignment.map(endpoints).unwrap_or_default(),
    }
}

fn discovery_type(c: &Cluster) -> String {
    if let Some(ext) = &c.cluster_type {
        return ext.name.to_string();
    }
    c.discovery_type
        .as_ref()
        .map_or_else(|| "STATIC".to_string(), |t| t.text().into_owned())
}

/// The upstream TLS: `tls` with the transport socket, `istio mTLS` when Istio's
/// `transport_socket_matches` send TLS only to endpoints labelled `tlsMode: istio`.
fn cluster_tls(c: &Cluster) -> String {
    let is_tls = |s: &TypedExtension| {
        s.name.contains("tls")
            || s.config_type()
                .is_some_and(|t| t.contains("UpstreamTlsContext"))
    };
    if c.transport_socket.as_ref().is_some_and(is_tls) {
        return "TLS".into();
    }
    if c.transport_socket_matches
        .iter()
        .any(|m| m.transport_socket.as_ref().is_some_and(is_tls))
    {
        return "ISTIO_MUTUAL (tlsMode: istio endpoints)".into();
    }
    "none".into()
}

fn endpoints(a: &ClusterLoadAssignment) -> Vec<EndpointInfo> {
    let mut out = Vec::new();
    for group in &a.endpoints {
        let locality = group.locality.as_ref().map_or(String::new(), |l| {
            [&l.region, &l.zone, &l.sub_zone]
                .iter()
                .filter(|p| !p.is_empty())
                .map(|p| p.as_ref())
                .collect::<Vec<_>>()
                .join("/")
        });
        for lb in &group.lb_endpoints {
            let address = lb
                .endpoint
                .as_ref()
                .and_then(|e| e.address.as_ref())
                .map_or_else(|| "unknown".to_string(), |a| a.eds_text());
            out.push(EndpointInfo {
                address,
                health: lb.status().into_owned(),
                locality: locality.clone(),
                priority: group.priority,
                weight: None,
            });
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// A snapshot of listeners, route configs and clusters given as JSON arrays.
    pub fn snapshot<'a>(listeners: &'a str, routes: &'a str, clusters: &'a str) -> Snapshot<'a> {
        Snapshot::new(
            serde_json::from_str(listeners).unwrap(),
            serde_json::from_str(routes).unwrap(),
            serde_json::from_str(clusters).unwrap(),
            Vec::new(),
        )
    }

    pub fn http(authority: &str, path: &str) -> HttpRequest {
        HttpRequest {
            method: "GET".into(),
            authority: authority.into(),
            path: path.into(),
            headers: Vec::new(),
            http2: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envoy::dump::{Dump, SectionKind, Want};

    fn fixture_trace(to: &str, authority: &str, path: &str, headers: &[(&str, &str)]) -> Trace {
        let text = crate::fixture_text("web-frontend", "config_dump.json");
        let want = Want::none()
            .with(SectionKind::Listeners)
            .with(SectionKind::Routes)
            .with(SectionKind::Clusters)
            .with(SectionKind::Endpoints);
        let dump = Dump::parse(&text, 0, want).unwrap();
        let snap = Snapshot::from_dump(&dump).unwrap();
        let (ip, port) = to.rsplit_once(':').unwrap();
        let mut http = test_support::http(authority, path);
        http.headers = headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        let request = Request {
            dest_ip: Some(ip.parse().unwrap()),
            dest_port: port.parse().unwrap(),
            http: Some(http),
            ..Default::default()
        };
        trace(&snap, &request)
    }

    /// `result` keeps to the seven words; what they leave out is `resultDetail`.
    #[test]
    fn result_is_one_of_seven_words_and_the_detail_says_the_rest() {
        let json = |o: Outcome| {
            let mut t = Trace::new();
            t.result = o;
            t.result_detail = o.json().1;
            let v = serde_json::to_value(&t).unwrap();
            (v["result"].clone(), v.get("resultDetail").cloned())
        };
        assert_eq!(
            json(Outcome::NoCluster),
            ("cluster".into(), Some("clusterNotFound".into()))
        );
        assert_eq!(
            json(Outcome::Unsupported),
            ("noRoute".into(), Some("notFollowed".into()))
        );
        assert_eq!(
            json(Outcome::WeightedClusters),
            ("weightedClusters".into(), None)
        );
    }

    #[test]
    fn the_web_frontend_sidecar_splits_customers_v2_80_20() {
        let host = "customers.default.svc.cluster.local";
        let t = fixture_trace("10.43.246.220:80", host, "/api/v2/customers", &[]);
        assert_eq!(t.listener.as_deref(), Some("0.0.0.0_80"));
        assert!(t
            .listener_match
            .as_deref()
            .unwrap()
            .contains("virtualOutbound"));
        assert_eq!(t.filter_chain.as_deref(), Some("0.0.0.0_80"));
        assert_eq!(t.route_config.as_deref(), Some("80"));
        assert_eq!(
            t.virtual_host.as_deref(),
            Some("customers.default.svc.cluster.local:80")
        );
        assert_eq!(t.domain.as_deref(), Some(host));
        assert_eq!(t.route.as_deref(), Some("canary-by-path"));
        assert_eq!(t.result, Outcome::WeightedClusters);
        let split: Vec<(&str, u32)> = t
            .clusters
            .iter()
            .map(|c| (c.name.as_str(), c.weight))
            .collect();
        assert_eq!(
            split,
            [
                ("outbound|80|v1|customers.default.svc.cluster.local", 80),
                ("outbound|80|v2|customers.default.svc.cluster.local", 20)
            ]
        );
        assert_eq!(t.virtual_service.as_deref(), Some("customers.default"));
        let v1 = &t.cluster_details[0];
        assert!(v1.found);
        assert_eq!(v1.destination_rule.as_deref(), Some("customers.default"));
        assert_eq!(v1.discovery_type, "EDS");
        // The regex route, the redirect, the direct response, and the catch-all.
        let t = fixture_trace("10.43.246.220:80", host, "/api/customers/42", &[]);
        assert_eq!(t.route.as_deref(), Some("customer-by-id"));
        assert_eq!(
            t.clusters[0].name,
            "outbound|80|v1|customers.default.svc.cluster.local"
        );
        assert!(!t.cluster_details[0].endpoints.is_empty());
        let t = fixture_trace("10.43.246.220:80", host, "/legacy/x", &[]);
        assert_eq!(t.result, Outcome::Redirect);
        let t = fixture_trace("10.43.246.220:80", "customers:80", "/healthz", &[]);
        assert_eq!(
            (t.result, t.action.direct_response_status),
            (Outcome::DirectResponse, Some(200))
        );
        let t = fixture_trace("10.43.246.220:80", "unknown.example", "/", &[]);
        assert_eq!(t.virtual_host.as_deref(), Some("allow_any"));
        assert_eq!(t.clusters[0].name, "PassthroughCluster");
        // A port with no listener stays on virtualOutbound: its default chain.
        let t = fixture_trace("10.43.246.220:81", host, "/", &[]);
        assert_eq!(t.listener.as_deref(), Some("virtualOutbound"));
        assert_eq!(t.filter_chain.as_deref(), Some("PassthroughFilterChain"));
        assert_eq!(t.clusters[0].name, "PassthroughCluster");
        // The exact listener for ratings' VIP.
        let t = fixture_trace("10.43.91.14:9080", "ratings", "/", &[]);
        assert_eq!(t.listener.as_deref(), Some("10.43.91.14_9080"));
    }
}
