//! The xDS resources Istio would push to the client sidecar for a [`Mesh`]: outbound clusters
//! (with auto-mTLS transport socket matches, DestinationRule subsets and metadata), their
//! endpoints, `0.0.0.0_<port>` HTTP listeners with RDS route configurations named by port,
//! `<vip>_<port>` TCP listeners, the virtualOutbound/virtualInbound listeners, and the workload
//! certificate and root CA over SDS. Everything is served over ADS (testkit's server), to an
//! Envoy started on [`bootstrap`].

use std::collections::HashMap;
use std::net::SocketAddr;

use envoy_types::pb::envoy::config::cluster::v3 as cluster;
use envoy_types::pb::envoy::config::core::v3 as core3;
use envoy_types::pb::envoy::config::endpoint::v3 as endpoint;
use envoy_types::pb::envoy::config::listener::v3 as listener;
use envoy_types::pb::envoy::config::route::v3 as route;
use envoy_types::pb::envoy::extensions::filters::http::cors::v3::Cors;
use envoy_types::pb::envoy::extensions::filters::http::fault::v3::HttpFault;
use envoy_types::pb::envoy::extensions::filters::http::router::v3::Router;
use envoy_types::pb::envoy::extensions::filters::listener::http_inspector::v3::HttpInspector;
use envoy_types::pb::envoy::extensions::filters::listener::original_dst::v3::OriginalDst;
use envoy_types::pb::envoy::extensions::filters::listener::tls_inspector::v3::TlsInspector;
use envoy_types::pb::envoy::extensions::filters::network::http_connection_manager::v3 as hcm;
use envoy_types::pb::envoy::extensions::filters::network::tcp_proxy::v3 as tcp;
use envoy_types::pb::envoy::extensions::transport_sockets::raw_buffer::v3::RawBuffer;
use envoy_types::pb::envoy::extensions::transport_sockets::tls::v3 as tls;
use envoy_types::pb::envoy::extensions::upstreams::http::v3 as upstream_http;
use envoy_types::pb::google::protobuf::{
    value::Kind, Any, BoolValue, Duration, ListValue, Struct, UInt32Value, Value,
};
use prost::{Message, Name};
use serde_json::json;
use testkit::ads::{Resources, TypeResources};

use crate::mesh::{
    Health, Mesh, Protocol, Service, CLIENT_INBOUND_PORTS, CLIENT_IP, CLIENT_NAME, CLIENT_NAMESPACE,
};

/// PEM certificates for the SDS secrets: the workload's chain and key, and the mesh root.
#[derive(Debug, Clone)]
pub struct WorkloadCerts {
    pub chain_pem: String,
    pub key_pem: String,
    pub root_pem: String,
}

pub fn cluster_type_url() -> String {
    cluster::Cluster::type_url()
}
pub fn listener_type_url() -> String {
    listener::Listener::type_url()
}
pub fn endpoint_type_url() -> String {
    endpoint::ClusterLoadAssignment::type_url()
}
pub fn route_type_url() -> String {
    route::RouteConfiguration::type_url()
}
pub fn secret_type_url() -> String {
    tls::Secret::type_url()
}

// ------------------------------------------------------------------------------------------
// Small builders

fn any<M: Message + Name>(message: &M) -> Any {
    Any {
        type_url: M::type_url(),
        value: message.encode_to_vec(),
    }
}

fn seconds(s: i64) -> Option<Duration> {
    Some(Duration {
        seconds: s,
        nanos: 0,
    })
}

fn u32v(v: u32) -> Option<UInt32Value> {
    Some(UInt32Value { value: v })
}

fn boolv(v: bool) -> Option<BoolValue> {
    Some(BoolValue { value: v })
}

fn string(s: impl Into<String>) -> Value {
    Value {
        kind: Some(Kind::StringValue(s.into())),
    }
}

fn object(fields: Vec<(&str, Value)>) -> Struct {
    Struct {
        fields: fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    }
}

fn object_value(fields: Vec<(&str, Value)>) -> Value {
    Value {
        kind: Some(Kind::StructValue(object(fields))),
    }
}

fn metadata(entries: Vec<(&str, Struct)>) -> Option<core3::Metadata> {
    Some(core3::Metadata {
        filter_metadata: entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        ..Default::default()
    })
}

/// Istio's pointer back to the config object a resource came from.
fn istio_config_path(kind: &str, namespace: &str, name: &str) -> Value {
    string(format!(
        "/apis/networking.istio.io/v1alpha3/namespaces/{namespace}/{kind}/{name}"
    ))
}

fn ads() -> Option<core3::ConfigSource> {
    Some(core3::ConfigSource {
        config_source_specifier: Some(core3::config_source::ConfigSourceSpecifier::Ads(
            core3::AggregatedConfigSource {},
        )),
        resource_api_version: core3::ApiVersion::V3 as i32,
        ..Default::default()
    })
}

fn socket_address(ip: impl ToString, port: u16) -> Option<core3::Address> {
    Some(core3::Address {
        address: Some(core3::address::Address::SocketAddress(
            core3::SocketAddress {
                address: ip.to_string(),
                port_specifier: Some(core3::socket_address::PortSpecifier::PortValue(port as u32)),
                ..Default::default()
            },
        )),
    })
}

fn sds(name: &str) -> tls::SdsSecretConfig {
    tls::SdsSecretConfig {
        name: name.to_string(),
        sds_config: ads(),
    }
}

fn tls_params() -> Option<tls::TlsParameters> {
    Some(tls::TlsParameters {
        tls_minimum_protocol_version: tls::tls_parameters::TlsProtocol::TlSv12 as i32,
        tls_maximum_protocol_version: tls::tls_parameters::TlsProtocol::TlSv13 as i32,
        ..Default::default()
    })
}

fn uri_san(
    matcher: envoy_types::pb::envoy::r#type::matcher::v3::string_matcher::MatchPattern,
) -> tls::SubjectAltNameMatcher {
    tls::SubjectAltNameMatcher {
        san_type: tls::subject_alt_name_matcher::SanType::Uri as i32,
        matcher: Some(envoy_types::pb::envoy::r#type::matcher::v3::StringMatcher {
            match_pattern: Some(matcher),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn common_tls(alpn: &[&str], peer: tls::SubjectAltNameMatcher) -> Option<tls::CommonTlsContext> {
    Some(tls::CommonTlsContext {
        tls_params: tls_params(),
        alpn_protocols: alpn.iter().map(|s| s.to_string()).collect(),
        tls_certificate_sds_secret_configs: vec![sds("default")],
        validation_context_type: Some(
            tls::common_tls_context::ValidationContextType::CombinedValidationContext(
                tls::common_tls_context::CombinedCertificateValidationContext {
                    default_validation_context: Some(tls::CertificateValidationContext {
                        match_typed_subject_alt_names: vec![peer],
                        ..Default::default()
                    }),
                    validation_context_sds_secret_config: Some(sds("ROOTCA")),
                    ..Default::default()
                },
            ),
        ),
        ..Default::default()
    })
}

fn transport_socket(name: &str, config: Any) -> Option<core3::TransportSocket> {
    Some(core3::TransportSocket {
        name: name.to_string(),
        config_type: Some(core3::transport_socket::ConfigType::TypedConfig(config)),
    })
}

fn network_filter(name: &str, config: Any) -> listener::Filter {
    listener::Filter {
        name: name.to_string(),
        config_type: Some(listener::filter::ConfigType::TypedConfig(config)),
    }
}

fn listener_filter(name: &str, config: Any) -> listener::ListenerFilter {
    listener::ListenerFilter {
        name: name.to_string(),
        config_type: Some(listener::listener_filter::ConfigType::TypedConfig(config)),
        ..Default::default()
    }
}

fn http_filter(name: &str, config: Any) -> hcm::HttpFilter {
    hcm::HttpFilter {
        name: name.to_string(),
        config_type: Some(hcm::http_filter::ConfigType::TypedConfig(config)),
        ..Default::default()
    }
}

fn tcp_proxy(cluster: &str) -> listener::Filter {
    network_filter(
        "envoy.filters.network.tcp_proxy",
        any(&tcp::TcpProxy {
            stat_prefix: cluster.to_string(),
            cluster_specifier: Some(tcp::tcp_proxy::ClusterSpecifier::Cluster(
                cluster.to_string(),
            )),
            idle_timeout: seconds(3600),
            ..Default::default()
        }),
    )
}

fn http_connection_manager(
    stat_prefix: &str,
    routes: hcm::http_connection_manager::RouteSpecifier,
    inbound: bool,
) -> listener::Filter {
    let mut filters = vec![
        http_filter("envoy.filters.http.fault", any(&HttpFault::default())),
        http_filter("envoy.filters.http.cors", any(&Cors::default())),
    ];
    filters.push(http_filter(
        "envoy.filters.http.router",
        any(&Router::default()),
    ));
    network_filter(
        "envoy.filters.network.http_connection_manager",
        any(&hcm::HttpConnectionManager {
            stat_prefix: stat_prefix.to_string(),
            http_filters: filters,
            route_specifier: Some(routes),
            use_remote_address: boolv(false),
            stream_idle_timeout: seconds(0),
            normalize_path: boolv(true),
            upgrade_configs: vec![hcm::http_connection_manager::UpgradeConfig {
                upgrade_type: "websocket".to_string(),
                ..Default::default()
            }],
            server_name: if inbound {
                "istio-envoy".to_string()
            } else {
                String::new()
            },
            forward_client_cert_details: if inbound {
                hcm::http_connection_manager::ForwardClientCertDetails::AppendForward as i32
            } else {
                0
            },
            ..Default::default()
        }),
    )
}

fn listener_base(
    name: &str,
    ip: &str,
    port: u16,
    direction: core3::TrafficDirection,
) -> listener::Listener {
    listener::Listener {
        name: name.to_string(),
        address: socket_address(ip, port),
        traffic_direction: direction as i32,
        // No listener binds a socket: the mesh is only dumped, never served, and several
        // generators may run at once.
        bind_to_port: boolv(false),
        ..Default::default()
    }
}

// ------------------------------------------------------------------------------------------
// Clusters

fn circuit_breakers() -> Option<cluster::CircuitBreakers> {
    let unlimited = u32v(u32::MAX);
    Some(cluster::CircuitBreakers {
        thresholds: vec![cluster::circuit_breakers::Thresholds {
            max_connections: unlimited,
            max_pending_requests: unlimited,
            max_requests: unlimited,
            max_retries: unlimited,
            track_remaining: true,
            ..Default::default()
        }],
        ..Default::default()
    })
}

fn http_protocol_options() -> HashMap<String, Any> {
    let options = upstream_http::HttpProtocolOptions {
        common_http_protocol_options: Some(core3::HttpProtocolOptions { idle_timeout: seconds(3600), ..Default::default() }),
        upstream_protocol_options: Some(upstream_http::http_protocol_options::UpstreamProtocolOptions::UseDownstreamProtocolConfig(
            upstream_http::http_protocol_options::UseDownstreamHttpConfig {
                http_protocol_options: Some(Default::default()),
                http2_protocol_options: Some(Default::default()),
                ..Default::default()
            },
        )),
        ..Default::default()
    };
    HashMap::from([(
        upstream_http::HttpProtocolOptions::full_name(),
        any(&options),
    )])
}

fn outbound_cluster(service: &Service, port: u16, name: &str) -> cluster::Cluster {
    let host = service.host();
    let mut istio = vec![(
        "services",
        Value {
            kind: Some(Kind::ListValue(ListValue {
                values: vec![object_value(vec![
                    ("host", string(&host)),
                    ("name", string(&service.name)),
                    ("namespace", string(&service.namespace)),
                ])],
            })),
        },
    )];
    if let Some(dr) = &service.destination_rule {
        istio.push((
            "config",
            istio_config_path("destination-rule", &service.namespace, dr),
        ));
    }
    let sni = format!("outbound_.{port}_._.{host}");
    let peer = format!(
        "spiffe://cluster.local/ns/{}/sa/{}",
        service.namespace, service.name
    );
    let alpn: &[&str] = match service.protocol {
        Protocol::Http => &["istio-peer-exchange", "istio", "istio-http/1.1", "istio-h2"],
        Protocol::Tcp => &["istio-peer-exchange", "istio"],
    };
    let upstream_tls = tls::UpstreamTlsContext {
        common_tls_context: common_tls(
            alpn,
            uri_san(
                envoy_types::pb::envoy::r#type::matcher::v3::string_matcher::MatchPattern::Exact(
                    peer,
                ),
            ),
        ),
        sni,
        ..Default::default()
    };
    cluster::Cluster {
        name: name.to_string(),
        cluster_discovery_type: Some(cluster::cluster::ClusterDiscoveryType::Type(cluster::cluster::DiscoveryType::Eds as i32)),
        eds_cluster_config: Some(cluster::cluster::EdsClusterConfig { eds_config: ads(), service_name: name.to_string() }),
        connect_timeout: seconds(10),
        lb_policy: cluster::cluster::LbPolicy::LeastRequest as i32,
        circuit_breakers: circuit_breakers(),
        common_lb_config: Some(cluster::cluster::CommonLbConfig {
            locality_config_specifier: Some(cluster::cluster::common_lb_config::LocalityConfigSpecifier::LocalityWeightedLbConfig(
                Default::default(),
            )),
            ..Default::default()
        }),
        metadata: metadata(vec![("istio", object(istio))]),
        typed_extension_protocol_options: match service.protocol {
            Protocol::Http => http_protocol_options(),
            Protocol::Tcp => HashMap::new(),
        },
        transport_socket_matches: vec![
            cluster::cluster::TransportSocketMatch {
                name: "tlsMode-istio".to_string(),
                r#match: Some(object(vec![("tlsMode", string("istio"))])),
                transport_socket: transport_socket("envoy.transport_sockets.tls", any(&upstream_tls)),
            },
            cluster::cluster::TransportSocketMatch {
                name: "tlsMode-disabled".to_string(),
                r#match: Some(Struct::default()),
                transport_socket: transport_socket("envoy.transport_sockets.raw_buffer", any(&RawBuffer::default())),
            },
        ],
        ..Default::default()
    }
}

fn static_cluster(
    name: &str,
    discovery: cluster::cluster::DiscoveryType,
    target: Option<(&str, u16)>,
) -> cluster::Cluster {
    let mut c = cluster::Cluster {
        name: name.to_string(),
        cluster_discovery_type: Some(cluster::cluster::ClusterDiscoveryType::Type(
            discovery as i32,
        )),
        connect_timeout: seconds(10),
        ..Default::default()
    };
    if discovery == cluster::cluster::DiscoveryType::OriginalDst {
        c.lb_policy = cluster::cluster::LbPolicy::ClusterProvided as i32;
        c.circuit_breakers = circuit_breakers();
    }
    if let Some((ip, port)) = target {
        c.load_assignment = Some(endpoint::ClusterLoadAssignment {
            cluster_name: name.to_string(),
            endpoints: vec![endpoint::LocalityLbEndpoints {
                lb_endpoints: vec![lb_endpoint(ip, port, Health::Healthy, None)],
                ..Default::default()
            }],
            ..Default::default()
        });
    }
    c
}

/// The clusters Istio sends besides the outbound ones: passthrough, blackhole, and one inbound
/// cluster per port of the client workload.
fn mesh_wide_clusters() -> Vec<cluster::Cluster> {
    use cluster::cluster::DiscoveryType;
    let mut clusters = vec![
        static_cluster("BlackHoleCluster", DiscoveryType::Static, None),
        static_cluster("PassthroughCluster", DiscoveryType::OriginalDst, None),
        static_cluster(
            "InboundPassthroughCluster",
            DiscoveryType::OriginalDst,
            None,
        ),
    ];
    for port in CLIENT_INBOUND_PORTS {
        clusters.push(static_cluster(
            &format!("inbound|{port}||"),
            DiscoveryType::Static,
            Some(("127.0.0.1", port)),
        ));
    }
    clusters
}

// ------------------------------------------------------------------------------------------
// Endpoints

fn lb_endpoint(
    ip: &str,
    port: u16,
    health: Health,
    labels: Option<(String, bool)>,
) -> endpoint::LbEndpoint {
    let health_status = match health {
        Health::Healthy => core3::HealthStatus::Healthy,
        Health::Unhealthy => core3::HealthStatus::Unhealthy,
        Health::Draining => core3::HealthStatus::Draining,
    };
    let metadata = labels.and_then(|(workload, mtls)| {
        let mut entries = vec![("istio", object(vec![("workload", string(workload))]))];
        if mtls {
            entries.push((
                "envoy.transport_socket_match",
                object(vec![("tlsMode", string("istio"))]),
            ));
        }
        metadata(entries)
    });
    endpoint::LbEndpoint {
        health_status: health_status as i32,
        metadata,
        load_balancing_weight: u32v(1),
        host_identifier: Some(endpoint::lb_endpoint::HostIdentifier::Endpoint(
            endpoint::Endpoint {
                address: socket_address(ip, port),
                ..Default::default()
            },
        )),
    }
}

fn load_assignment(
    service: &Service,
    port: u16,
    name: &str,
    subset: Option<&str>,
) -> endpoint::ClusterLoadAssignment {
    // Locality groups in first-seen order, so the output is stable.
    let mut groups: Vec<endpoint::LocalityLbEndpoints> = Vec::new();
    for pod in service
        .pods
        .iter()
        .filter(|p| subset.is_none_or(|s| p.version == s))
    {
        let workload = format!(
            "{};{};{}-{};{};Kubernetes",
            service.name, service.namespace, service.name, pod.version, pod.version
        );
        let lb = lb_endpoint(
            &pod.ip.to_string(),
            port,
            pod.health,
            Some((workload, pod.mtls)),
        );
        let locality = core3::Locality {
            region: pod.region.to_string(),
            zone: pod.zone.to_string(),
            ..Default::default()
        };
        match groups
            .iter_mut()
            .find(|g| g.locality.as_ref() == Some(&locality))
        {
            Some(g) => g.lb_endpoints.push(lb),
            None => groups.push(endpoint::LocalityLbEndpoints {
                locality: Some(locality),
                lb_endpoints: vec![lb],
                ..Default::default()
            }),
        }
    }
    for g in &mut groups {
        g.load_balancing_weight = u32v(g.lb_endpoints.len() as u32);
    }
    endpoint::ClusterLoadAssignment {
        cluster_name: name.to_string(),
        endpoints: groups,
        ..Default::default()
    }
}

// ------------------------------------------------------------------------------------------
// Routes

/// Istio's domains for a service port: the FQDN, the short forms, and the VIP, each with and
/// without the port.
fn service_domains(service: &Service, port: u16) -> Vec<String> {
    let host = service.host();
    let names = [
        host.clone(),
        service.name.clone(),
        format!("{}.{}", service.name, service.namespace),
        format!("{}.{}.svc", service.name, service.namespace),
        service.vip.to_string(),
    ];
    names
        .iter()
        .flat_map(|n| [n.clone(), format!("{n}:{port}")])
        .collect()
}

fn retry_policy() -> Option<route::RetryPolicy> {
    Some(route::RetryPolicy {
        retry_on: "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes"
            .to_string(),
        num_retries: u32v(2),
        host_selection_retry_max_attempts: 5,
        retriable_status_codes: vec![503],
        ..Default::default()
    })
}

fn route_to(
    name: &str,
    path: route::route_match::PathSpecifier,
    target: route::route_action::ClusterSpecifier,
    decorator: &str,
) -> route::Route {
    route::Route {
        name: name.to_string(),
        r#match: Some(route::RouteMatch {
            path_specifier: Some(path),
            ..Default::default()
        }),
        action: Some(route::route::Action::Route(route::RouteAction {
            cluster_specifier: Some(target),
            timeout: seconds(0),
            retry_policy: retry_policy(),
            max_stream_duration: Some(route::route_action::MaxStreamDuration {
                max_stream_duration: seconds(0),
                grpc_timeout_header_max: seconds(0),
                ..Default::default()
            }),
            ..Default::default()
        })),
        decorator: Some(route::Decorator {
            operation: decorator.to_string(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn service_routes(service: &Service, port: u16) -> Vec<route::Route> {
    use route::route_action::ClusterSpecifier;
    use route::route_match::PathSpecifier;
    let names = service.cluster_names(port);
    let decorator = format!("{}:{port}/*", service.host());
    let Some(vs) = &service.virtual_service else {
        return vec![route_to(
            "default",
            PathSpecifier::Prefix("/".into()),
            ClusterSpecifier::Cluster(names[0].clone()),
            &decorator,
        )];
    };
    let vs_metadata = metadata(vec![(
        "istio",
        object(vec![(
            "config",
            istio_config_path("virtual-service", &service.namespace, vs),
        )]),
    )]);
    // A canary route on a header and a path, then the main route: split over the subsets when the
    // DestinationRule has them.
    let canary_target = names.get(2).or(names.get(1)).unwrap_or(&names[0]).clone();
    let mut canary = route_to(
        &format!("{vs}-canary"),
        PathSpecifier::Prefix("/api/".into()),
        ClusterSpecifier::Cluster(canary_target),
        &decorator,
    );
    if let Some(m) = canary.r#match.as_mut() {
        m.headers = vec![route::HeaderMatcher {
            name: "x-canary".to_string(),
            header_match_specifier: Some(route::header_matcher::HeaderMatchSpecifier::StringMatch(
                envoy_types::pb::envoy::r#type::matcher::v3::StringMatcher {
                    match_pattern: Some(envoy_types::pb::envoy::r#type::matcher::v3::string_matcher::MatchPattern::Exact("true".into())),
                    ..Default::default()
                },
            )),
            ..Default::default()
        }];
    }
    let main_target = if names.len() > 1 {
        let subsets = &names[1..];
        let first = 100 - 10 * (subsets.len() as u32 - 1);
        ClusterSpecifier::WeightedClusters(route::WeightedCluster {
            clusters: subsets
                .iter()
                .enumerate()
                .map(|(i, n)| route::weighted_cluster::ClusterWeight {
                    name: n.clone(),
                    weight: u32v(if i == 0 { first } else { 10 }),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
    } else {
        ClusterSpecifier::Cluster(names[0].clone())
    };
    let main = route_to(
        &format!("{vs}-main"),
        PathSpecifier::Prefix("/".into()),
        main_target,
        &decorator,
    );
    let mut routes = vec![canary, main];
    for r in &mut routes {
        r.metadata = vs_metadata.clone();
    }
    routes
}

fn allow_any_vhost() -> route::VirtualHost {
    use route::route_action::ClusterSpecifier;
    let mut passthrough = route_to(
        "allow_any",
        route::route_match::PathSpecifier::Prefix("/".into()),
        ClusterSpecifier::Cluster("PassthroughCluster".into()),
        "",
    );
    passthrough.decorator = None;
    if let Some(route::route::Action::Route(a)) = passthrough.action.as_mut() {
        a.retry_policy = None;
    }
    route::VirtualHost {
        name: "allow_any".to_string(),
        domains: vec!["*".to_string()],
        routes: vec![passthrough],
        include_request_attempt_count: true,
        ..Default::default()
    }
}

fn route_configuration(
    name: String,
    virtual_hosts: Vec<route::VirtualHost>,
) -> route::RouteConfiguration {
    route::RouteConfiguration {
        name,
        virtual_hosts,
        validate_clusters: boolv(false),
        max_direct_response_body_size_bytes: u32v(1_048_576),
        ignore_port_in_host_matching: true,
        ..Default::default()
    }
}

// ------------------------------------------------------------------------------------------
// Listeners

fn outbound_http_listener(port: u16) -> listener::Listener {
    let name = format!("0.0.0.0_{port}");
    let rds = hcm::http_connection_manager::RouteSpecifier::Rds(hcm::Rds {
        config_source: ads(),
        route_config_name: port.to_string(),
    });
    listener::Listener {
        filter_chains: vec![listener::FilterChain {
            filter_chain_match: Some(listener::FilterChainMatch {
                transport_protocol: "raw_buffer".to_string(),
                application_protocols: vec!["http/1.1".into(), "h2c".into(), "http/1.0".into()],
                ..Default::default()
            }),
            filters: vec![http_connection_manager(
                &format!("outbound_0.0.0.0_{port}"),
                rds,
                false,
            )],
            name: name.clone(),
            ..Default::default()
        }],
        default_filter_chain: Some(listener::FilterChain {
            filters: vec![tcp_proxy("PassthroughCluster")],
            name: "PassthroughFilterChain".to_string(),
            ..Default::default()
        }),
        listener_filters: vec![
            listener_filter(
                "envoy.filters.listener.tls_inspector",
                any(&TlsInspector::default()),
            ),
            listener_filter(
                "envoy.filters.listener.http_inspector",
                any(&HttpInspector::default()),
            ),
        ],
        listener_filters_timeout: seconds(0),
        continue_on_listener_filters_timeout: true,
        ..listener_base(&name, "0.0.0.0", port, core3::TrafficDirection::Outbound)
    }
}

fn outbound_tcp_listener(service: &Service, port: u16) -> listener::Listener {
    let name = format!("{}_{port}", service.vip);
    let cluster = &service.cluster_names(port)[0];
    listener::Listener {
        filter_chains: vec![listener::FilterChain {
            filters: vec![tcp_proxy(cluster)],
            ..Default::default()
        }],
        continue_on_listener_filters_timeout: true,
        ..listener_base(
            &name,
            &service.vip.to_string(),
            port,
            core3::TrafficDirection::Outbound,
        )
    }
}

fn virtual_outbound() -> listener::Listener {
    listener::Listener {
        filter_chains: vec![listener::FilterChain {
            filter_chain_match: Some(listener::FilterChainMatch {
                destination_port: u32v(15001),
                ..Default::default()
            }),
            filters: vec![tcp_proxy("BlackHoleCluster")],
            name: "virtualOutbound-blackhole".to_string(),
            ..Default::default()
        }],
        default_filter_chain: Some(listener::FilterChain {
            filters: vec![tcp_proxy("PassthroughCluster")],
            name: "PassthroughFilterChain".to_string(),
            ..Default::default()
        }),
        use_original_dst: boolv(true),
        ..listener_base(
            "virtualOutbound",
            "0.0.0.0",
            15001,
            core3::TrafficDirection::Outbound,
        )
    }
}

fn downstream_mtls(alpn: &[&str]) -> Option<core3::TransportSocket> {
    let context = tls::DownstreamTlsContext {
        common_tls_context: common_tls(
            alpn,
            uri_san(
                envoy_types::pb::envoy::r#type::matcher::v3::string_matcher::MatchPattern::Prefix(
                    "spiffe://cluster.local/".into(),
                ),
            ),
        ),
        require_client_certificate: boolv(true),
        ..Default::default()
    };
    transport_socket("envoy.transport_sockets.tls", any(&context))
}

fn inbound_route_config(port: u16) -> hcm::http_connection_manager::RouteSpecifier {
    use route::route_action::ClusterSpecifier;
    let cluster = format!("inbound|{port}||");
    let host = format!("{CLIENT_NAME}.{CLIENT_NAMESPACE}.svc.cluster.local");
    let mut r = route_to(
        "default",
        route::route_match::PathSpecifier::Prefix("/".into()),
        ClusterSpecifier::Cluster(cluster.clone()),
        &format!("{host}:{port}/*"),
    );
    if let Some(route::route::Action::Route(a)) = r.action.as_mut() {
        a.retry_policy = None;
    }
    hcm::http_connection_manager::RouteSpecifier::RouteConfig(route::RouteConfiguration {
        name: cluster,
        virtual_hosts: vec![route::VirtualHost {
            name: format!("inbound|http|{port}"),
            domains: vec!["*".to_string()],
            routes: vec![r],
            ..Default::default()
        }],
        validate_clusters: boolv(false),
        ..Default::default()
    })
}

fn virtual_inbound() -> listener::Listener {
    let any_ipv4 = vec![core3::CidrRange {
        address_prefix: "0.0.0.0".into(),
        prefix_len: u32v(0),
    }];
    let istio_http = ["istio-http/1.0", "istio-http/1.1", "istio-h2"];
    let chain = |name: &str,
                 m: listener::FilterChainMatch,
                 filter: listener::Filter,
                 tls_alpn: Option<&[&str]>| listener::FilterChain {
        filter_chain_match: Some(m),
        filters: vec![filter],
        name: name.to_string(),
        transport_socket: tls_alpn.and_then(downstream_mtls),
        ..Default::default()
    };
    let mut chains = vec![
        chain(
            "virtualInbound-blackhole",
            listener::FilterChainMatch {
                destination_port: u32v(15006),
                ..Default::default()
            },
            tcp_proxy("BlackHoleCluster"),
            None,
        ),
        chain(
            "virtualInbound",
            listener::FilterChainMatch {
                prefix_ranges: any_ipv4.clone(),
                transport_protocol: "tls".into(),
                application_protocols: vec!["istio-peer-exchange".into(), "istio".into()],
                ..Default::default()
            },
            tcp_proxy("InboundPassthroughCluster"),
            Some(&["istio-peer-exchange", "h2", "http/1.1"]),
        ),
        chain(
            "virtualInbound",
            listener::FilterChainMatch {
                prefix_ranges: any_ipv4,
                transport_protocol: "raw_buffer".into(),
                ..Default::default()
            },
            tcp_proxy("InboundPassthroughCluster"),
            None,
        ),
    ];
    for port in CLIENT_INBOUND_PORTS {
        let name = format!("0.0.0.0_{port}");
        let stat = format!("inbound_0.0.0.0_{port}");
        chains.push(chain(
            &name,
            listener::FilterChainMatch {
                destination_port: u32v(port as u32),
                transport_protocol: "tls".into(),
                application_protocols: istio_http.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            },
            http_connection_manager(&stat, inbound_route_config(port), true),
            Some(&["h2", "http/1.1"]),
        ));
        chains.push(chain(
            &name,
            listener::FilterChainMatch {
                destination_port: u32v(port as u32),
                transport_protocol: "raw_buffer".into(),
                ..Default::default()
            },
            http_connection_manager(&stat, inbound_route_config(port), true),
            None,
        ));
    }
    listener::Listener {
        filter_chains: chains,
        listener_filters: vec![
            listener_filter(
                "envoy.filters.listener.original_dst",
                any(&OriginalDst::default()),
            ),
            listener_filter(
                "envoy.filters.listener.tls_inspector",
                any(&TlsInspector::default()),
            ),
            listener_filter(
                "envoy.filters.listener.http_inspector",
                any(&HttpInspector::default()),
            ),
        ],
        listener_filters_timeout: seconds(0),
        continue_on_listener_filters_timeout: true,
        use_original_dst: boolv(true),
        ..listener_base(
            "virtualInbound",
            "0.0.0.0",
            15006,
            core3::TrafficDirection::Inbound,
        )
    }
}

// ------------------------------------------------------------------------------------------
// Secrets

fn secrets(certs: &WorkloadCerts) -> Vec<tls::Secret> {
    // istio-agent's SDS sends certificates and keys as bytes, which a config dump shows as base64.
    let inline = |s: &str| {
        Some(core3::DataSource {
            specifier: Some(core3::data_source::Specifier::InlineBytes(
                s.as_bytes().to_vec(),
            )),
            ..Default::default()
        })
    };
    vec![
        tls::Secret {
            name: "default".into(),
            r#type: Some(tls::secret::Type::TlsCertificate(tls::TlsCertificate {
                certificate_chain: inline(&certs.chain_pem),
                private_key: inline(&certs.key_pem),
                ..Default::default()
            })),
        },
        tls::Secret {
            name: "ROOTCA".into(),
            r#type: Some(tls::secret::Type::ValidationContext(
                tls::CertificateValidationContext {
                    trusted_ca: inline(&certs.root_pem),
                    ..Default::default()
                },
            )),
        },
    ]
}

// ------------------------------------------------------------------------------------------

/// All resources of the mesh, as Istio would push them to the client sidecar.
pub fn resources(mesh: &Mesh, certs: &WorkloadCerts) -> Resources {
    let mut clusters: Vec<(String, Any)> = Vec::new();
    let mut endpoints: Vec<(String, Any)> = Vec::new();
    let mut listeners: Vec<(String, Any)> = Vec::new();
    let mut vhosts_by_port: Vec<(u16, Vec<route::VirtualHost>)> = mesh
        .http_ports()
        .into_iter()
        .map(|p| (p, Vec::new()))
        .collect();

    for c in mesh_wide_clusters() {
        clusters.push((c.name.clone(), any(&c)));
    }
    for service in &mesh.services {
        for &port in &service.ports {
            let names = service.cluster_names(port);
            for (i, name) in names.iter().enumerate() {
                let subset = if i == 0 {
                    None
                } else {
                    Some(service.subsets[i - 1])
                };
                clusters.push((name.clone(), any(&outbound_cluster(service, port, name))));
                endpoints.push((
                    name.clone(),
                    any(&load_assignment(service, port, name, subset)),
                ));
            }
            match service.protocol {
                Protocol::Tcp => {
                    let l = outbound_tcp_listener(service, port);
                    listeners.push((l.name.clone(), any(&l)));
                }
                Protocol::Http => {
                    if let Some((_, vhosts)) = vhosts_by_port.iter_mut().find(|(p, _)| *p == port) {
                        vhosts.push(route::VirtualHost {
                            name: format!("{}:{port}", service.host()),
                            domains: service_domains(service, port),
                            routes: service_routes(service, port),
                            include_request_attempt_count: true,
                            ..Default::default()
                        });
                    }
                }
            }
        }
    }
    let mut routes = Vec::new();
    for (port, mut vhosts) in vhosts_by_port {
        vhosts.push(allow_any_vhost());
        let rc = route_configuration(port.to_string(), vhosts);
        routes.push((rc.name.clone(), any(&rc)));
        let l = outbound_http_listener(port);
        listeners.push((l.name.clone(), any(&l)));
    }
    for l in [virtual_outbound(), virtual_inbound()] {
        listeners.push((l.name.clone(), any(&l)));
    }
    let secrets = secrets(certs)
        .into_iter()
        .map(|s| (s.name.clone(), any(&s)))
        .collect();

    let typed = |type_url: String, wildcard, items| TypeResources {
        type_url,
        wildcard,
        items,
    };
    Resources {
        types: vec![
            typed(cluster_type_url(), true, clusters),
            typed(endpoint_type_url(), false, endpoints),
            typed(listener_type_url(), true, listeners),
            typed(route_type_url(), false, routes),
            typed(secret_type_url(), false, secrets),
        ],
    }
}

/// A mesh CA and the client workload's certificate, made fresh (Envoy checks that the key
/// matches the certificate, so they cannot be placeholders).
pub fn workload_certs() -> Result<WorkloadCerts, String> {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose,
        SanType,
    };
    let fail = |what: &str, e: rcgen::Error| format!("making the {what} certificate: {e}");
    let ca_key = KeyPair::generate().map_err(|e| fail("mesh CA", e))?;
    let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(|e| fail("mesh CA", e))?;
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    ca.distinguished_name
        .push(DnType::OrganizationName, "cluster.local");
    let ca_cert = ca.self_signed(&ca_key).map_err(|e| fail("mesh CA", e))?;
    let issuer = Issuer::new(ca, ca_key);

    let key = KeyPair::generate().map_err(|e| fail("workload", e))?;
    let mut leaf = CertificateParams::new(Vec::<String>::new()).map_err(|e| fail("workload", e))?;
    // Istio workload certificates have an empty subject: the identity is the URI SAN.
    leaf.distinguished_name = rcgen::DistinguishedName::new();
    let identity = format!("spiffe://cluster.local/ns/{CLIENT_NAMESPACE}/sa/{CLIENT_NAME}");
    leaf.subject_alt_names = vec![SanType::URI(
        identity
            .as_str()
            .try_into()
            .map_err(|e| fail("workload", e))?,
    )];
    leaf.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    let cert = leaf
        .signed_by(&key, &issuer)
        .map_err(|e| fail("workload", e))?;
    Ok(WorkloadCerts {
        chain_pem: cert.pem() + &ca_cert.pem(),
        key_pem: key.serialize_pem(),
        root_pem: ca_cert.pem(),
    })
}

/// The client sidecar's node identity, as Istio's agent sets it.
pub fn node_id() -> String {
    format!("sidecar~{CLIENT_IP}~{CLIENT_NAME}-5d8f7c9b4-x2x7q.{CLIENT_NAMESPACE}~{CLIENT_NAMESPACE}.svc.cluster.local")
}

/// Istio's sidecar bootstrap, reduced to what matters here: the node, ADS over gRPC to the
/// `xds-grpc` cluster, and Istio's habit of keeping only a few stats (thousands of clusters
/// would otherwise cost Envoy most of its memory in counters).
pub fn bootstrap(ads: SocketAddr) -> serde_json::Value {
    let ads_source = json!({"ads": {}, "resource_api_version": "V3"});
    json!({
        "node": {
            "id": node_id(),
            "cluster": format!("{CLIENT_NAME}.{CLIENT_NAMESPACE}"),
            "locality": {"region": "us-east1", "zone": "us-east1-b"},
            "metadata": {
                "ISTIO_VERSION": "1.24.2",
                "CLUSTER_ID": "Kubernetes",
                "MESH_ID": "cluster.local",
                "NAMESPACE": CLIENT_NAMESPACE,
                "NAME": format!("{CLIENT_NAME}-5d8f7c9b4-x2x7q"),
                "WORKLOAD_NAME": CLIENT_NAME,
                "INSTANCE_IPS": CLIENT_IP.to_string(),
                "INTERCEPTION_MODE": "REDIRECT",
                "LABELS": {"app": CLIENT_NAME, "version": "v1", "security.istio.io/tlsMode": "istio"}
            }
        },
        "admin": {"address": {"socket_address": {"address": "127.0.0.1", "port_value": 0}}},
        "dynamic_resources": {
            "ads_config": {
                "api_type": "GRPC",
                "transport_api_version": "V3",
                "grpc_services": [{"envoy_grpc": {"cluster_name": "xds-grpc"}}],
                "set_node_on_first_message_only": true
            },
            "cds_config": ads_source,
            "lds_config": ads_source
        },
        "static_resources": {
            "clusters": [{
                "name": "xds-grpc",
                "type": "STATIC",
                "connect_timeout": "1s",
                "load_assignment": {
                    "cluster_name": "xds-grpc",
                    "endpoints": [{"lb_endpoints": [{"endpoint": {"address": {"socket_address": {
                        "address": ads.ip().to_string(), "port_value": ads.port()
                    }}}}]}]
                },
                "typed_extension_protocol_options": {
                    "envoy.extensions.upstreams.http.v3.HttpProtocolOptions": {
                        "@type": "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                        "explicit_http_config": {"http2_protocol_options": {}}
                    }
                }
            }]
        },
        "stats_config": {
            "stats_matcher": {"inclusion_list": {"patterns": [
                {"prefix": "cluster_manager."},
                {"prefix": "listener_manager."},
                {"prefix": "server."},
                {"prefix": "cluster.xds-grpc."}
            ]}}
        }
    })
}
