//! Typed, borrowed views of the Envoy resources the tables read. Each struct names only the
//! fields a view shows; serde skips the rest. Keys are Envoy's proto names: istioctl's
//! camelCase JSON is rewritten into them when it is read (`input::spelling`).

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::envoy::names::istio_config_ref;

pub type Str<'a> = Cow<'a, str>;

/// A string that no longer borrows from the dump: for what is kept after the dump's pages are
/// released.
pub fn owned(s: Str<'_>) -> Str<'static> {
    Str::Owned(s.into_owned())
}

#[derive(Debug, Default, Deserialize)]
pub struct Metadata<'a> {
    #[serde(borrow, default)]
    pub filter_metadata: Option<FilterMetadata<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct FilterMetadata<'a> {
    #[serde(borrow, default)]
    pub istio: Option<IstioMetadata<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct IstioMetadata<'a> {
    /// Usually a string path; anything else is kept raw so a strange value cannot fail the read.
    #[serde(borrow, default)]
    pub config: Option<&'a RawValue>,
}

impl Metadata<'_> {
    /// `filter_metadata.istio.config` as a string; a non-string value reads as an empty path,
    /// which renders as `<unknown>`.
    pub fn istio_config(&self) -> Option<String> {
        let raw = self.filter_metadata.as_ref()?.istio.as_ref()?.config?;
        Some(serde_json::from_str::<String>(raw.get()).unwrap_or_default())
    }
}

/// The `name.namespace` of the Istio config (DestinationRule, VirtualService) a resource with
/// this metadata came from, as istioctl prints it; empty when there is none.
pub fn istio_config_of(metadata: Option<&Metadata>) -> String {
    metadata
        .and_then(Metadata::istio_config)
        .map(|path| istio_config_ref(&path))
        .unwrap_or_default()
}

/// An enum field as protobuf JSON writes it: the value's name, or its number when the name is
/// unknown to the writer.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum EnumValue<'a> {
    Name(#[serde(borrow)] Str<'a>),
    Number(i64),
}

impl EnumValue<'_> {
    /// The name, or the number as text.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            EnumValue::Name(n) => Cow::Borrowed(n.as_ref()),
            EnumValue::Number(n) => Cow::Owned(n.to_string()),
        }
    }
}

// ---------- clusters ----------

#[derive(Debug, Deserialize)]
pub struct Cluster<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default, rename = "type")]
    pub discovery_type: Option<EnumValue<'a>>,
    #[serde(borrow, default)]
    pub cluster_type: Option<TypedExtension<'a>>,
    #[serde(borrow, default)]
    pub metadata: Option<Metadata<'a>>,
    #[serde(borrow, default)]
    pub lb_policy: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub connect_timeout: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub transport_socket: Option<TypedExtension<'a>>,
    #[serde(borrow, default)]
    pub transport_socket_matches: Vec<TransportSocketMatch<'a>>,
    #[serde(borrow, default)]
    pub load_assignment: Option<ClusterLoadAssignment<'a>>,
    /// The name the cluster's stats go by, when not its name.
    #[serde(borrow, default)]
    pub alt_stat_name: Option<Str<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct TransportSocketMatch<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub transport_socket: Option<TypedExtension<'a>>,
}

/// Any `{name, typed_config}` pair: filters, transport sockets, extensions.
#[derive(Debug, Deserialize)]
pub struct TypedExtension<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub typed_config: Option<&'a RawValue>,
}

impl TypedExtension<'_> {
    /// The message type inside `typed_config`, e.g.
    /// `envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy`.
    pub fn config_type(&self) -> Option<String> {
        let url = self.type_url()?;
        Some(url.rsplit('/').next().unwrap_or_default().to_string())
    }

    /// The whole `@type` of `typed_config`, e.g.
    /// `type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy`.
    pub fn type_url(&self) -> Option<String> {
        #[derive(Deserialize)]
        struct TypeOnly<'a> {
            #[serde(borrow, rename = "@type")]
            type_url: Str<'a>,
        }
        let raw = self.typed_config?;
        let t: TypeOnly = serde_json::from_str(raw.get()).ok()?;
        Some(t.type_url.into_owned())
    }

    pub fn is(&self, filter_name: &str, config_type: &str) -> bool {
        self.name == filter_name || self.config_type().as_deref() == Some(config_type)
    }
}

// ---------- the unified matcher (xds.type.matcher.v3.Matcher) ----------

/// A listener's `filter_chain_matcher` (and the same shape nested in it): a tree over the
/// connection's inputs whose actions name filter chains.
#[derive(Debug, Default, Deserialize)]
pub struct Matcher<'a> {
    #[serde(borrow, default)]
    pub matcher_tree: Option<MatcherTree<'a>>,
    #[serde(borrow, default)]
    pub matcher_list: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub on_no_match: Option<Box<OnMatch<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct OnMatch<'a> {
    #[serde(borrow, default)]
    pub matcher: Option<Box<Matcher<'a>>>,
    #[serde(borrow, default)]
    pub action: Option<TypedExtension<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct MatcherTree<'a> {
    #[serde(borrow, default)]
    pub input: Option<TypedExtension<'a>>,
    #[serde(borrow, default)]
    pub exact_match_map: Option<MatchMap<'a>>,
    #[serde(borrow, default)]
    pub prefix_match_map: Option<MatchMap<'a>>,
    #[serde(borrow, default)]
    pub custom_match: Option<TypedExtension<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct MatchMap<'a> {
    /// Ordered by key: readers that show the entries show them in byte order.
    #[serde(borrow, default)]
    pub map: std::collections::BTreeMap<Str<'a>, OnMatch<'a>>,
}

/// `xds.type.matcher.v3.IPMatcher`, the custom matcher Istio's waypoints use on addresses.
#[derive(Debug, Default, Deserialize)]
pub struct IpMatcher<'a> {
    #[serde(borrow, default)]
    pub range_matchers: Vec<IpRangeMatcher<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct IpRangeMatcher<'a> {
    #[serde(borrow, default)]
    pub ranges: Vec<CidrRange<'a>>,
    #[serde(borrow, default)]
    pub on_match: Option<OnMatch<'a>>,
}

pub const IP_MATCHER_TYPE: &str = "type.googleapis.com/xds.type.matcher.v3.IPMatcher";

// ---------- endpoints ----------

#[derive(Debug, Default, Deserialize)]
pub struct ClusterLoadAssignment<'a> {
    /// The Any's type: an EDS entry of another type does not decode for istioctl and is skipped.
    #[serde(borrow, default, rename = "@type")]
    pub type_url: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub cluster_name: Str<'a>,
    #[serde(borrow, default)]
    pub endpoints: Vec<LocalityLbEndpoints<'a>>,
}

pub const ASSIGNMENT_TYPE_URL: &str =
    "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";

/// Whether an EDS entry of this `@type` is a load assignment (one without `@type` is read as one).
pub fn is_assignment(type_url: Option<&str>) -> bool {
    type_url.is_none_or(|t| t == ASSIGNMENT_TYPE_URL)
}

#[derive(Debug, Default, Deserialize)]
pub struct LocalityLbEndpoints<'a> {
    #[serde(borrow, default)]
    pub locality: Option<Locality<'a>>,
    #[serde(borrow, default)]
    pub lb_endpoints: Vec<LbEndpoint<'a>>,
    #[serde(default)]
    pub priority: u32,
}

#[derive(Debug, Default, Deserialize)]
pub struct Locality<'a> {
    #[serde(borrow, default)]
    pub region: Str<'a>,
    #[serde(borrow, default)]
    pub zone: Str<'a>,
    #[serde(borrow, default)]
    pub sub_zone: Str<'a>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LbEndpoint<'a> {
    #[serde(borrow, default)]
    pub endpoint: Option<Endpoint<'a>>,
    #[serde(borrow, default)]
    pub health_status: Option<EnumValue<'a>>,
}

impl LbEndpoint<'_> {
    /// STATUS as istioctl's EDS view prints it: the name, the number when it has none, and
    /// `UNKNOWN` when absent.
    pub fn status(&self) -> Str<'_> {
        self.health_status
            .as_ref()
            .map_or(Str::Borrowed("UNKNOWN"), EnumValue::text)
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Endpoint<'a> {
    #[serde(borrow, default)]
    pub address: Option<Address<'a>>,
    #[serde(borrow, default)]
    pub additional_addresses: Vec<AdditionalAddress<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AdditionalAddress<'a> {
    #[serde(borrow, default)]
    pub address: Option<Address<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Address<'a> {
    #[serde(borrow, default)]
    pub socket_address: Option<SocketAddress<'a>>,
    #[serde(borrow, default)]
    pub pipe: Option<Pipe<'a>>,
    #[serde(borrow, default)]
    pub envoy_internal_address: Option<InternalAddress<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SocketAddress<'a> {
    #[serde(borrow, default)]
    pub address: Str<'a>,
    #[serde(default)]
    pub port_value: u32,
}

#[derive(Debug, Default, Deserialize)]
pub struct Pipe<'a> {
    #[serde(borrow, default)]
    pub path: Str<'a>,
}

#[derive(Debug, Default, Deserialize)]
pub struct InternalAddress<'a> {
    #[serde(borrow, default)]
    pub server_listener_name: Str<'a>,
    #[serde(borrow, default)]
    pub endpoint_id: Str<'a>,
}

impl<'a> Address<'a> {
    /// The address without its port as `/clusters` views print it: an IP (borrowed from the
    /// input), `unix://path`, `envoy://listener/id`, or `unknown`.
    pub fn host(&self) -> Str<'a> {
        if let Some(s) = &self.socket_address {
            s.address.clone()
        } else if let Some(p) = &self.pipe {
            format!("unix://{}", p.path).into()
        } else if let Some(internal) = self.internal() {
            internal.into()
        } else {
            Str::Borrowed("unknown")
        }
    }

    /// `envoy://listener/id` for an internal address that names its listener.
    fn internal(&self) -> Option<String> {
        let i = self.envoy_internal_address.as_ref()?;
        (!i.server_listener_name.is_empty())
            .then(|| format!("envoy://{}/{}", i.server_listener_name, i.endpoint_id))
    }

    /// The address as the EDS view prints it: `ip:port` with the port always (`:0` too, IPv6
    /// unbracketed), a pipe's bare path, `envoy://listener/id`, or `unknown`.
    pub fn eds_text(&self) -> String {
        if let Some(s) = &self.socket_address {
            format!("{}:{}", s.address, s.port_value)
        } else if let Some(p) = &self.pipe {
            p.path.to_string()
        } else {
            self.internal().unwrap_or_else(|| "unknown".to_string())
        }
    }

    pub fn port(&self) -> u32 {
        self.socket_address.as_ref().map_or(0, |s| s.port_value)
    }

    /// `ip:port`, or the bare host when there is no port.
    pub fn host_port(&self) -> String {
        match self.port() {
            0 => self.host().into_owned(),
            p => format!("{}:{p}", self.host()),
        }
    }
}

// ---------- listeners ----------

#[derive(Debug, Deserialize)]
pub struct Listener<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub address: Option<Address<'a>>,
    #[serde(borrow, default)]
    pub additional_addresses: Vec<AdditionalAddress<'a>>,
    #[serde(borrow, default)]
    pub filter_chains: Vec<FilterChain<'a>>,
    #[serde(borrow, default)]
    pub default_filter_chain: Option<FilterChain<'a>>,
    #[serde(borrow, default)]
    pub listener_filters: Vec<TypedExtension<'a>>,
    /// Hands connections whose original destination was restored to the listener for it.
    #[serde(default)]
    pub use_original_dst: Option<bool>,
    /// `false`: the listener only takes connections handed off to it.
    #[serde(default)]
    pub bind_to_port: Option<bool>,
    #[serde(borrow, default)]
    pub traffic_direction: Option<Str<'a>>,
    /// The unified matcher that names the chain (it replaces `filter_chain_match`).
    #[serde(borrow, default)]
    pub filter_chain_matcher: Option<&'a RawValue>,
    /// The prefix the listener's stats go by, when not its address.
    #[serde(borrow, default)]
    pub stat_prefix: Option<Str<'a>>,
}

impl<'a> Listener<'a> {
    /// `filter_chains`, then `default_filter_chain` when there is one.
    pub fn chains(&self) -> impl Iterator<Item = &FilterChain<'a>> {
        self.filter_chains
            .iter()
            .chain(self.default_filter_chain.iter())
    }
}

#[derive(Debug, Deserialize)]
pub struct FilterChain<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub filter_chain_match: Option<FilterChainMatch<'a>>,
    #[serde(borrow, default)]
    pub filters: Vec<TypedExtension<'a>>,
    #[serde(borrow, default)]
    pub transport_socket: Option<TypedExtension<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct FilterChainMatch<'a> {
    #[serde(borrow, default)]
    pub server_names: Vec<Str<'a>>,
    #[serde(borrow, default)]
    pub transport_protocol: Str<'a>,
    #[serde(borrow, default)]
    pub application_protocols: Vec<Str<'a>>,
    #[serde(borrow, default)]
    pub prefix_ranges: Vec<CidrRange<'a>>,
    #[serde(borrow, default)]
    pub source_prefix_ranges: Vec<CidrRange<'a>>,
    #[serde(borrow, default)]
    pub direct_source_prefix_ranges: Vec<CidrRange<'a>>,
    #[serde(default)]
    pub source_ports: Vec<u32>,
    #[serde(borrow, default)]
    pub source_type: Option<Str<'a>>,
    #[serde(default)]
    pub destination_port: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CidrRange<'a> {
    #[serde(borrow, default)]
    pub address_prefix: Str<'a>,
    #[serde(default)]
    pub prefix_len: Option<u32>,
}

impl CidrRange<'_> {
    /// Whether `ip` lies in the range (a range of the other family, or unreadable, holds none).
    pub fn contains(&self, ip: std::net::IpAddr) -> bool {
        let Ok(base) = self.address_prefix.parse::<std::net::IpAddr>() else {
            return false;
        };
        let len = self.prefix_len.unwrap_or(0);
        match (base, ip) {
            (std::net::IpAddr::V4(b), std::net::IpAddr::V4(i)) => {
                let len = len.min(32);
                let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
                u32::from(b) & mask == u32::from(i) & mask
            }
            (std::net::IpAddr::V6(b), std::net::IpAddr::V6(i)) => {
                let len = len.min(128);
                let mask = if len == 0 {
                    0
                } else {
                    u128::MAX << (128 - len)
                };
                u128::from(b) & mask == u128::from(i) & mask
            }
            _ => false,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct HttpConnectionManager<'a> {
    #[serde(borrow, default)]
    pub rds: Option<Rds<'a>>,
    #[serde(borrow, default)]
    pub route_config: Option<RouteConfiguration<'a>>,
    #[serde(borrow, default)]
    pub http_filters: Vec<TypedExtension<'a>>,
    #[serde(borrow, default)]
    pub scoped_routes: Option<&'a RawValue>,
    #[serde(default)]
    pub strip_matching_host_port: bool,
    #[serde(default)]
    pub strip_any_host_port: bool,
    #[serde(default)]
    pub normalize_path: Option<bool>,
    #[serde(default)]
    pub merge_slashes: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct Rds<'a> {
    #[serde(borrow, default)]
    pub route_config_name: Str<'a>,
}

#[derive(Debug, Default, Deserialize)]
pub struct TcpProxy<'a> {
    #[serde(borrow, default)]
    pub cluster: Str<'a>,
    #[serde(borrow, default)]
    pub weighted_clusters: Option<WeightedClusters<'a>>,
}

// ---------- routes ----------

#[derive(Debug, Default, Deserialize)]
pub struct RouteConfiguration<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub virtual_hosts: Vec<VirtualHost<'a>>,
    #[serde(default)]
    pub ignore_port_in_host_matching: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct VirtualHost<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub domains: Vec<Str<'a>>,
    #[serde(borrow, default)]
    pub routes: Vec<Route<'a>>,
    /// `ALL` or `EXTERNAL_ONLY`: plaintext requests are redirected to https.
    #[serde(borrow, default)]
    pub require_tls: Option<EnumValue<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Route<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default, rename = "match")]
    pub route_match: RouteMatch<'a>,
    #[serde(borrow, default)]
    pub route: Option<RouteAction<'a>>,
    #[serde(borrow, default)]
    pub redirect: Option<&'a RawValue>,
    #[serde(default)]
    pub direct_response: Option<DirectResponse>,
    #[serde(borrow, default)]
    pub non_forwarding_action: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub metadata: Option<Metadata<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RouteMatch<'a> {
    #[serde(borrow, default)]
    pub prefix: Str<'a>,
    #[serde(borrow, default)]
    pub path: Str<'a>,
    #[serde(borrow, default)]
    pub path_separated_prefix: Str<'a>,
    #[serde(borrow, default)]
    pub safe_regex: Option<Regex<'a>>,
    #[serde(borrow, default)]
    pub connect_matcher: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub path_match_policy: Option<TypedExtension<'a>>,
    /// Absent means case sensitive.
    #[serde(default)]
    pub case_sensitive: Option<bool>,
    #[serde(borrow, default)]
    pub headers: Vec<HeaderMatcher<'a>>,
    #[serde(borrow, default)]
    pub query_parameters: Vec<QueryParameterMatcher<'a>>,
    #[serde(borrow, default)]
    pub grpc: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub runtime_fraction: Option<&'a RawValue>,
    #[serde(default)]
    pub tls_context: Option<TlsContextMatch>,
}

#[derive(Debug, Default, Deserialize)]
pub struct TlsContextMatch {
    #[serde(default)]
    pub presented: Option<bool>,
    #[serde(default)]
    pub validated: Option<bool>,
}

/// A `HeaderMatcher`: one of its match forms (the v3 `string_match` or the older fields),
/// inverted or not.
#[derive(Debug, Default, Deserialize)]
pub struct HeaderMatcher<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub string_match: Option<StringMatcher<'a>>,
    #[serde(borrow, default)]
    pub exact_match: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub prefix_match: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub suffix_match: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub contains_match: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub safe_regex_match: Option<Regex<'a>>,
    #[serde(default)]
    pub present_match: Option<bool>,
    #[serde(default)]
    pub range_match: Option<Int64Range>,
    #[serde(default)]
    pub invert_match: bool,
    #[serde(default)]
    pub treat_missing_header_as_empty: bool,
}

/// Envoy's `StringMatcher`: one form, optionally ignoring ASCII case.
#[derive(Debug, Default, Deserialize)]
pub struct StringMatcher<'a> {
    #[serde(borrow, default)]
    pub exact: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub prefix: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub suffix: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub contains: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub safe_regex: Option<Regex<'a>>,
    #[serde(default)]
    pub ignore_case: bool,
}

/// `[start, end)`; protobuf JSON writes 64-bit integers as strings, older writers as numbers.
#[derive(Debug, Default, Deserialize)]
pub struct Int64Range {
    #[serde(default, deserialize_with = "int64")]
    pub start: i64,
    #[serde(default, deserialize_with = "int64")]
    pub end: i64,
}

fn int64<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either<'a> {
        Number(i64),
        Text(#[serde(borrow)] Str<'a>),
    }
    match Either::deserialize(d)? {
        Either::Number(n) => Ok(n),
        Either::Text(t) => t.parse().map_err(serde::de::Error::custom),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct QueryParameterMatcher<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub string_match: Option<StringMatcher<'a>>,
    #[serde(default)]
    pub present_match: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Regex<'a> {
    #[serde(borrow, default)]
    pub regex: Str<'a>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RouteAction<'a> {
    /// Present (even empty) when the action names its cluster: istioctl tells the two apart.
    #[serde(borrow, default)]
    pub cluster: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub weighted_clusters: Option<WeightedClusters<'a>>,
    #[serde(borrow, default)]
    pub cluster_header: Str<'a>,
    #[serde(borrow, default)]
    pub timeout: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub retry_policy: Option<RetryPolicy<'a>>,
    #[serde(borrow, default)]
    pub prefix_rewrite: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub host_rewrite_literal: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub regex_rewrite: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub metadata_match: Option<&'a RawValue>,
}

#[derive(Debug, Default, Deserialize)]
pub struct WeightedClusters<'a> {
    #[serde(borrow, default)]
    pub clusters: Vec<ClusterWeight<'a>>,
    #[serde(default)]
    pub total_weight: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ClusterWeight<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    /// The cluster is the value of this request header instead of `name`.
    #[serde(borrow, default)]
    pub cluster_header: Str<'a>,
    #[serde(default)]
    pub weight: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RetryPolicy<'a> {
    #[serde(borrow, default)]
    pub retry_on: Str<'a>,
    #[serde(default)]
    pub num_retries: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DirectResponse {
    #[serde(default)]
    pub status: u32,
}

/// How istioctl describes a route match: `/p*`, a path, `PathPrefix:/p`, `regex r`.
/// A route's match as istioctl prints it: the first of prefix, path-separated prefix, path and
/// regex that is set; empty for what it does not describe (headers only, CONNECT, policies).
pub fn describe_match(m: &RouteMatch) -> String {
    if !m.prefix.is_empty() {
        format!("{}*", m.prefix)
    } else if !m.path_separated_prefix.is_empty() {
        format!("PathPrefix:{}", m.path_separated_prefix)
    } else if !m.path.is_empty() {
        m.path.to_string()
    } else if let Some(r) = &m.safe_regex {
        format!("regex {}", r.regex)
    } else {
        String::new()
    }
}

pub const HCM_FILTER: &str = "envoy.filters.network.http_connection_manager";
pub const HCM_TYPE: &str =
    "envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";
pub const TCP_PROXY_FILTER: &str = "envoy.filters.network.tcp_proxy";
pub const TCP_PROXY_TYPE: &str = "envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy";

/// Decodes a protobuf `bytes` value as JSON carries it: base64 in the standard or the URL-safe
/// alphabet, padded or not (protobuf's JSON parsers take all four), line breaks ignored as Go's
/// decoder ignores them.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    use base64::{alphabet, Engine};
    const CONFIG: GeneralPurposeConfig =
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    const STANDARD: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, CONFIG);
    const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, CONFIG);
    let text: std::borrow::Cow<str> = if text.contains(['\r', '\n']) {
        text.replace(['\r', '\n'], "").into()
    } else {
        text.into()
    };
    STANDARD
        .decode(text.as_bytes())
        .or_else(|_| URL_SAFE.decode(text.as_bytes()))
        .ok()
}

/// An entry of a secrets section's lists: the secret's name and the secret, left raw so that
/// an undecodable secret fails with its entry's name.
#[derive(Deserialize)]
pub struct SecretEntry<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub secret: Option<&'a RawValue>,
}

/// An SDS secret: a certificate chain, or what validates peers.
#[derive(Deserialize, Default)]
pub struct Secret<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub tls_certificate: Option<TlsCertificate<'a>>,
    #[serde(borrow, default)]
    pub validation_context: Option<ValidationContext<'a>>,
}

#[derive(Deserialize, Default)]
pub struct TlsCertificate<'a> {
    #[serde(borrow, default)]
    pub certificate_chain: Option<DataSource<'a>>,
}

#[derive(Deserialize, Default)]
pub struct ValidationContext<'a> {
    #[serde(borrow, default)]
    pub trusted_ca: Option<DataSource<'a>>,
    #[serde(borrow, default)]
    pub custom_validator_config: Option<TypedExtension<'a>>,
}

impl<'a> ValidationContext<'a> {
    /// The validator's config when it is a SPIFFE validator (by its full `@type`), still raw.
    pub fn spiffe_validator(&self) -> Option<&'a RawValue> {
        let validator = self.custom_validator_config.as_ref()?;
        (validator.type_url().as_deref() == Some(SPIFFE_VALIDATOR))
            .then_some(validator.typed_config)
            .flatten()
    }
}

/// `SPIFFECertValidatorConfig`: a trust bundle per trust domain.
#[derive(Deserialize, Default)]
pub struct SpiffeConfig<'a> {
    #[serde(borrow, default)]
    pub trust_domains: Vec<TrustDomain<'a>>,
}

/// The type URL of `SpiffeConfig`'s message.
pub const SPIFFE_VALIDATOR: &str =
    "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.SPIFFECertValidatorConfig";

#[derive(Deserialize, Default)]
pub struct TrustDomain<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub trust_bundle: Option<DataSource<'a>>,
}

/// An Envoy DataSource: inline bytes (base64 in JSON), an inline string, or a file name.
#[derive(Deserialize, Default)]
pub struct DataSource<'a> {
    #[serde(borrow, default)]
    pub inline_bytes: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub inline_string: Option<Str<'a>>,
    #[serde(borrow, default)]
    pub filename: Option<Str<'a>>,
}

/// `inline_bytes` that is not base64.
#[derive(Debug, PartialEq, Eq)]
pub struct BadBase64;

impl std::fmt::Display for BadBase64 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("inline_bytes is not base64")
    }
}

impl DataSource<'_> {
    /// The inline data: `inline_bytes` decoded once, else, when that is absent or empty,
    /// `inline_string` (meshctl reads both; istioctl only the bytes). Empty for a file name,
    /// which points into the pod's file system, or no data.
    pub fn data(&self) -> Result<Vec<u8>, BadBase64> {
        if let Some(encoded) = self.inline_bytes.as_deref().filter(|b| !b.is_empty()) {
            let bytes = decode_base64(encoded).ok_or(BadBase64)?;
            if !bytes.is_empty() {
                return Ok(bytes);
            }
        }
        Ok(self
            .inline_string
            .as_deref()
            .unwrap_or_default()
            .as_bytes()
            .to_vec())
    }
}

/// The blocks of PEM text, in order, as Go's `encoding/pem` finds them one after the other
/// (istioctl reads certificates with it): a block starts at a line `-----BEGIN <label>-----`,
/// may have `key: value` header lines, and ends at `-----END <label>-----` with the same label;
/// its body is padded standard base64 where blanks and line breaks do not count. Text that
/// does not make a block is skipped and the search goes on after its BEGIN line.
pub fn pem_blocks(data: &[u8]) -> Vec<Vec<u8>> {
    let mut blocks = Vec::new();
    let mut rest = data;
    while let Some((block, after)) = next_pem_block(rest) {
        blocks.push(block);
        rest = after;
    }
    blocks
}

/// The first PEM block of `data` (see `pem_blocks`).
pub fn first_pem_block(data: &[u8]) -> Option<Vec<u8>> {
    next_pem_block(data).map(|(block, _)| block)
}

/// A line of `data` without its line break and trailing blanks, and what follows the break.
fn pem_line(data: &[u8]) -> (&[u8], &[u8]) {
    let (line, rest) = match memchr::memchr(b'\n', data) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &data[data.len()..]),
    };
    let end = line
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t' | b'\r'))
        .map_or(0, |i| i + 1);
    (&line[..end], rest)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn next_pem_block(data: &[u8]) -> Option<(Vec<u8>, &[u8])> {
    const BEGIN: &[u8] = b"-----BEGIN ";
    const END: &[u8] = b"-----END ";
    const DASHES: &[u8] = b"-----";
    let mut rest = data;
    loop {
        // A BEGIN at the very start, or at the start of any later line.
        rest = if rest.starts_with(BEGIN) {
            &rest[BEGIN.len()..]
        } else {
            let at = find(rest, b"\n-----BEGIN ")?;
            &rest[at + 1 + BEGIN.len()..]
        };
        let (label_line, after) = pem_line(rest);
        rest = after;
        let Some(label) = label_line.strip_suffix(DASHES) else {
            continue;
        };
        let mut has_headers = false;
        loop {
            if rest.is_empty() {
                // The text ended inside the headers: Go gives up on the whole text here.
                return None;
            }
            let (line, next) = pem_line(rest);
            if !line.contains(&b':') {
                break;
            }
            has_headers = true;
            rest = next;
        }
        let (body_end, trailer_at) = if !has_headers && rest.starts_with(END) {
            (0, END.len())
        } else {
            match find(rest, b"\n-----END ") {
                Some(i) => (i, i + 1 + END.len()),
                None => continue,
            }
        };
        let trailer = &rest[trailer_at..];
        let Some(after_label) = trailer.strip_prefix(label) else {
            continue;
        };
        let Some(end_rest) = after_label.strip_prefix(DASHES) else {
            continue;
        };
        let (end_line_rest, after_block) = pem_line(end_rest);
        if !end_line_rest.is_empty() {
            continue;
        }
        let body: Vec<u8> = rest[..body_end]
            .iter()
            .copied()
            .filter(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .collect();
        match pem_base64(&body) {
            Some(bytes) => return Some((bytes, after_block)),
            None => continue,
        }
    }
}

/// A PEM body: standard alphabet, padding required; unused bits of the last character allowed.
fn pem_base64(body: &[u8]) -> Option<Vec<u8>> {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    use base64::{alphabet, Engine};
    const PEM: GeneralPurpose = GeneralPurpose::new(
        &alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::RequireCanonical)
            .with_decode_allow_trailing_bits(true),
    );
    PEM.decode(body).ok()
}

/// A DER certificate read as istioctl's Go reads one: the whole input one certificate, its
/// serial number not negative (current Go refuses those).
pub fn parse_certificate(
    der: &[u8],
) -> Result<x509_parser::certificate::X509Certificate<'_>, String> {
    let (rest, cert) = x509_parser::parse_x509_certificate(der).map_err(|e| e.to_string())?;
    if !rest.is_empty() {
        return Err("trailing data after the certificate".to_string());
    }
    if cert.raw_serial().first().is_none_or(|b| b & 0x80 != 0) {
        return Err("negative serial number".to_string());
    }
    Ok(cert)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `AQID` is the bytes 1 2 3, `BAUG` 4 5 6.
    #[test]
    fn pem_blocks_are_found_as_go_finds_them() {
        let two =
            "-----BEGIN A-----\nAQID\n-----END A-----\n-----BEGIN B-----\nBA UG\n-----END B-----";
        assert_eq!(pem_blocks(two.as_bytes()), [vec![1, 2, 3], vec![4, 5, 6]]);
        // Text before a block, headers, CRLF line ends and trailing blanks.
        let dressed =
            "text\r\n-----BEGIN A-----  \r\nProc-Type: 4,ENCRYPTED\r\n\r\nAQID\r\n-----END A-----\t\r\n";
        assert_eq!(pem_blocks(dressed.as_bytes()), [vec![1, 2, 3]]);
        // Not blocks: BEGIN inside a line, a mismatched END label, a body that is not padded
        // base64, text after the END marker; the search goes on after each.
        for skipped in [
            "x-----BEGIN A-----\nAQID\n-----END A-----\n",
            "-----BEGIN A-----\nAQID\n-----END B-----\n",
            "-----BEGIN A-----\nAQI\n-----END A-----\n",
            "-----BEGIN A-----\nAQID\n-----END A----- x\n",
        ] {
            assert_eq!(
                pem_blocks(skipped.as_bytes()),
                Vec::<Vec<u8>>::new(),
                "{skipped:?}"
            );
            let then = format!("{skipped}-----BEGIN B-----\nBAUG\n-----END B-----\n");
            assert_eq!(
                first_pem_block(then.as_bytes()),
                Some(vec![4, 5, 6]),
                "{skipped:?}"
            );
        }
        // Text that ends among the header lines ends the search.
        let cut = "-----BEGIN A-----\nKey: value\n";
        assert_eq!(pem_blocks(cut.as_bytes()), Vec::<Vec<u8>>::new());
    }

    #[test]
    fn data_is_inline_bytes_decoded_once_else_inline_string() {
        fn source(
            bytes: Option<&'static str>,
            string: Option<&'static str>,
        ) -> DataSource<'static> {
            DataSource {
                inline_bytes: bytes.map(Str::from),
                inline_string: string.map(Str::from),
                filename: None,
            }
        }
        assert_eq!(source(Some("aGk="), Some("no")).data().unwrap(), b"hi");
        assert_eq!(source(Some(""), Some("yes")).data().unwrap(), b"yes");
        assert_eq!(source(None, Some("yes")).data().unwrap(), b"yes");
        assert_eq!(source(None, None).data().unwrap(), b"");
        assert_eq!(source(Some("a*=="), Some("no")).data(), Err(BadBase64));
    }
}
