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
        #[derive(Deserialize)]
        struct TypeOnly<'a> {
            #[serde(borrow, rename = "@type")]
            type_url: Str<'a>,
        }
        let raw = self.typed_config?;
        let t: TypeOnly = serde_json::from_str(raw.get()).ok()?;
        Some(
            t.type_url
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string(),
        )
    }

    pub fn is(&self, filter_name: &str, config_type: &str) -> bool {
        self.name == filter_name || self.config_type().as_deref() == Some(config_type)
    }
}

// ---------- endpoints ----------

#[derive(Debug, Default, Deserialize)]
pub struct ClusterLoadAssignment<'a> {
    #[serde(borrow, default)]
    pub cluster_name: Str<'a>,
    #[serde(borrow, default)]
    pub endpoints: Vec<LocalityLbEndpoints<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LocalityLbEndpoints<'a> {
    #[serde(borrow, default)]
    pub locality: Option<Locality<'a>>,
    #[serde(borrow, default)]
    pub lb_endpoints: Vec<LbEndpoint<'a>>,
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

#[derive(Debug, Default, Deserialize)]
pub struct HttpConnectionManager<'a> {
    #[serde(borrow, default)]
    pub rds: Option<Rds<'a>>,
    #[serde(borrow, default)]
    pub route_config: Option<RouteConfiguration<'a>>,
    #[serde(borrow, default)]
    pub http_filters: Vec<TypedExtension<'a>>,
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
}

#[derive(Debug, Default, Deserialize)]
pub struct VirtualHost<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub domains: Vec<Str<'a>>,
    #[serde(borrow, default)]
    pub routes: Vec<Route<'a>>,
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
}

#[derive(Debug, Default, Deserialize)]
pub struct WeightedClusters<'a> {
    #[serde(borrow, default)]
    pub clusters: Vec<ClusterWeight<'a>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ClusterWeight<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
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

/// An entry of a secrets section's lists: the secret's name and the secret.
#[derive(Deserialize)]
pub struct SecretEntry<'a> {
    #[serde(borrow, default)]
    pub name: Str<'a>,
    #[serde(borrow, default)]
    pub secret: Option<Secret<'a>>,
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

/// `SPIFFECertValidatorConfig`: a trust bundle per trust domain, or a SPIFFE bundle map.
#[derive(Deserialize, Default)]
pub struct SpiffeConfig<'a> {
    #[serde(borrow, default)]
    pub trust_domains: Vec<TrustDomain<'a>>,
    #[serde(borrow, default)]
    pub trust_bundles: Option<DataSource<'a>>,
}

/// The type URL of `SpiffeConfig`'s message, without its prefix.
pub const SPIFFE_VALIDATOR: &str =
    "envoy.extensions.transport_sockets.tls.v3.SPIFFECertValidatorConfig";

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

impl DataSource<'_> {
    /// The inline data: `inline_bytes` decoded, else `inline_string`. None for a file name
    /// (it points into the pod's file system), bad base64, or no data.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        if let Some(b) = &self.inline_bytes {
            return decode_base64(b);
        }
        if let Some(s) = &self.inline_string {
            return Some(s.as_bytes().to_vec());
        }
        None
    }
}
