//! `pc listeners`: one row per filter chain, as istioctl describes them.

use std::io::Write;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::config::{Format, ListenerFilter};
use crate::envoy::dump::{parse_raw, Dump, NoLists, SectionKind};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{
    describe_match, Address, FilterChain, FilterChainMatch, HttpConnectionManager, Listener,
    RouteAction, RouteConfiguration, TcpProxy, TypedExtension, HCM_FILTER, HCM_TYPE,
    TCP_PROXY_FILTER, TCP_PROXY_TYPE,
};
use crate::error::{Error, Result};
use crate::render::{self, table::Table, Shape};
use crate::views::State;

pub struct Entry<'a> {
    pub raw: &'a RawValue,
    pub listener: Listener<'a>,
    pub state: State,
}

#[derive(Deserialize)]
struct Dynamic<'a> {
    #[serde(borrow, default)]
    active_state: Option<Wrapped<'a>>,
    #[serde(borrow, default)]
    warming_state: Option<Wrapped<'a>>,
    #[serde(borrow, default)]
    draining_state: Option<Wrapped<'a>>,
}

#[derive(Deserialize)]
struct Wrapped<'a> {
    #[serde(borrow)]
    listener: Option<&'a RawValue>,
}

pub fn entries<'a>(dump: &Dump<'a>, with_inactive: bool) -> Result<Vec<Entry<'a>>> {
    let section = dump.require(SectionKind::Listeners)?;
    let mut found: Vec<(&'a RawValue, State)> = Vec::new();
    for d in section.list::<Dynamic>("dynamic_listeners")? {
        let mut states = vec![(d.active_state, State::Active)];
        if with_inactive {
            states.push((d.warming_state, State::Warming));
            states.push((d.draining_state, State::Draining));
        }
        for (w, state) in states {
            if let Some(raw) = w.and_then(|w| w.listener) {
                found.push((raw, state));
            }
        }
    }
    for w in section.list::<Wrapped>("static_listeners")? {
        if let Some(raw) = w.listener {
            found.push((raw, State::Static));
        }
    }
    found
        .into_iter()
        .map(|(raw, state)| {
            Ok(Entry {
                raw,
                listener: parse_raw(raw, "a listener")?,
                state,
            })
        })
        .collect()
}

/// A listener address as istioctl shows it: the socket address, the pipe path, or nothing
/// (internal listeners), never the `unix://` or `envoy://` forms endpoints use.
fn listener_host(a: &Address) -> String {
    if let Some(s) = &a.socket_address {
        s.address.to_string()
    } else if let Some(p) = &a.pipe {
        p.path.to_string()
    } else {
        String::new()
    }
}

/// The listener's main address: socket address, pipe path, or empty (internal listeners).
fn main_address(l: &Listener) -> String {
    l.address.as_ref().map(listener_host).unwrap_or_default()
}

/// The main address and the additional ones, joined with `,`.
fn addresses(l: &Listener) -> String {
    let mut all = vec![main_address(l)];
    all.extend(
        l.additional_addresses
            .iter()
            .filter_map(|a| a.address.as_ref())
            .map(listener_host),
    );
    all.join(",")
}

fn port(l: &Listener) -> u32 {
    l.address.as_ref().map_or(0, |a| a.port())
}

impl ListenerFilter {
    pub fn matches(&self, l: &Listener) -> bool {
        let address_ok = self.address.as_ref().is_none_or(|want| {
            std::iter::once(main_address(l))
                .chain(
                    l.additional_addresses
                        .iter()
                        .filter_map(|a| a.address.as_ref())
                        .map(listener_host),
                )
                .any(|a| a.eq_ignore_ascii_case(want))
        });
        address_ok
            && self.port.is_none_or(|p| port(l) == p)
            && self
                .listener_type
                .as_ref()
                .is_none_or(|t| listener_type(l).eq_ignore_ascii_case(t))
    }
}

fn is_hcm(f: &TypedExtension) -> bool {
    f.is(HCM_FILTER, HCM_TYPE)
}

fn is_tcp_proxy(f: &TypedExtension) -> bool {
    f.is(TCP_PROXY_FILTER, TCP_PROXY_TYPE)
}

/// A tcp_proxy whose config mentions BlackHoleCluster does not count or decide, as in istioctl.
fn is_blackhole(f: &TypedExtension) -> bool {
    f.typed_config
        .is_some_and(|c| c.get().contains("BlackHoleCluster"))
}

/// HTTP, TCP, HTTP+TCP or UNKNOWN, from the filters of all chains.
pub fn listener_type(l: &Listener) -> &'static str {
    let (mut http, mut tcp) = (0, 0);
    for f in l.chains().flat_map(|c| c.filters.iter()) {
        if is_hcm(f) {
            http += 1;
        } else if is_tcp_proxy(f) && !is_blackhole(f) {
            tcp += 1;
        }
    }
    match (http > 0, tcp > 0) {
        (true, false) => "HTTP",
        (true, true) => "HTTP+TCP",
        (false, true) => "TCP",
        (false, false) => "UNKNOWN",
    }
}

/// ALPN lists istioctl names; any other list is printed as is.
const APP_PROTOCOLS: [(&str, &[&str]); 4] = [
    (
        "HTTP TLS",
        &[
            "http/1.0",
            "http/1.1",
            "h2c",
            "istio-http/1.0",
            "istio-http/1.1",
            "istio-h2",
        ],
    ),
    (
        "Istio HTTP Plain",
        &["istio", "istio-http/1.0", "istio-http/1.1", "istio-h2"],
    ),
    ("TCP TLS", &["istio-peer-exchange", "istio"]),
    ("HTTP", &["http/1.0", "http/1.1", "h2c"]),
];

pub fn describe_chain_match(m: Option<&FilterChainMatch>) -> String {
    let Some(m) = m else { return "ALL".to_string() };
    let mut parts = Vec::new();
    if !m.server_names.is_empty() {
        parts.push(format!("SNI: {}", m.server_names.join(",")));
    }
    if !m.transport_protocol.is_empty() {
        parts.push(format!("Trans: {}", m.transport_protocol));
    }
    if !m.application_protocols.is_empty() {
        let named = APP_PROTOCOLS.iter().find(|(_, list)| {
            list.len() == m.application_protocols.len()
                && list
                    .iter()
                    .zip(&m.application_protocols)
                    .all(|(a, b)| a == b)
        });
        match named {
            Some((name, _)) => parts.push(format!("App: {name}")),
            None => parts.push(format!("App: {}", m.application_protocols.join(","))),
        }
    }
    let port = m
        .destination_port
        .map(|p| format!(":{p}"))
        .unwrap_or_default();
    if !m.prefix_ranges.is_empty() {
        let ranges: Vec<String> = m
            .prefix_ranges
            .iter()
            .map(|r| format!("{}/{}", r.address_prefix, r.prefix_len.unwrap_or(0)))
            .collect();
        parts.push(format!("Addr: {}{port}", ranges.join(",")));
    } else if !port.is_empty() {
        parts.push(format!("Addr: *{port}"));
    }
    if parts.is_empty() {
        "ALL".to_string()
    } else {
        parts.join("; ")
    }
}

/// A cluster name, bare when it names one of Istio's own clusters (PassthroughCluster, ...).
fn cluster_ref(name: &str) -> String {
    if name.contains("Cluster") {
        name.to_string()
    } else {
        format!("Cluster: {name}")
    }
}

/// What the chain does with traffic, from the first filter that decides.
pub fn describe_destination(chain: &FilterChain) -> Result<String> {
    for f in &chain.filters {
        if is_hcm(f) {
            let hcm: HttpConnectionManager = match f.typed_config {
                Some(raw) => parse_raw(raw, "an http_connection_manager config")?,
                None => HttpConnectionManager::default(),
            };
            if let Some(rc) = &hcm.route_config {
                return Ok(describe_inline_routes(rc));
            }
            if let Some(rds) = hcm.rds.as_ref().filter(|r| !r.route_config_name.is_empty()) {
                return Ok(format!("Route: {}", rds.route_config_name));
            }
            return Ok("HTTP".to_string());
        }
        if is_tcp_proxy(f) && !is_blackhole(f) {
            let tcp: TcpProxy = match f.typed_config {
                Some(raw) => parse_raw(raw, "a tcp_proxy config")?,
                None => TcpProxy::default(),
            };
            return Ok(cluster_ref(&tcp.cluster));
        }
    }
    Ok("Non-HTTP/Non-TCP".to_string())
}

fn describe_inline_routes(rc: &RouteConfiguration) -> String {
    if let [vh] = rc.virtual_hosts.as_slice() {
        if let [route] = vh.routes.as_slice() {
            let all_domains = vh.domains.len() == 1 && vh.domains[0] == "*";
            if let Some(RouteAction { cluster, .. }) = &route.route {
                if all_domains && route.route_match.prefix == "/" && !cluster.is_empty() {
                    return cluster.to_string();
                }
            }
        }
    }
    let vhosts: Vec<String> = rc
        .virtual_hosts
        .iter()
        .map(|vh| {
            let routes: Vec<String> = vh
                .routes
                .iter()
                .map(|r| describe_match(&r.route_match))
                .collect();
            let routes = routes.join(", ");
            if vh.domains.len() == 1 && vh.domains[0] == "*" {
                routes
            } else {
                format!("{} {routes}", vh.domains.join("/"))
            }
        })
        .collect();
    format!("Inline Route: {}", vhosts.join("; "))
}

pub fn select<'a>(
    dump: &Dump<'a>,
    filter: &ListenerFilter,
    with_inactive: bool,
) -> Result<Vec<Entry<'a>>> {
    let mut entries: Vec<Entry> = entries(dump, with_inactive)?
        .into_iter()
        .filter(|e| filter.matches(&e.listener))
        .collect();
    // The keys cost allocations and a walk of the filters: compute them once per listener.
    entries.sort_by_cached_key(|e| {
        (
            port(&e.listener),
            addresses(&e.listener),
            listener_type(&e.listener),
        )
    });
    Ok(entries)
}

pub fn run(
    src: &DumpReader,
    filter: &ListenerFilter,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let dump = &src.dump(&mut NoLists)?;
    let entries = select(dump, filter, format == Format::Wide)?;
    if format.is_table() {
        if entries.is_empty()
            && filter.address.is_none()
            && filter.port.is_none()
            && filter.listener_type.is_none()
        {
            return Err(Error::input("no listeners found"));
        }
        table(&entries, filter.verbose, None, format == Format::Wide)?.write(out)?;
        return Ok(());
    }
    let raws: Vec<&str> = entries.iter().map(|e| e.raw.get()).collect();
    render::write_list(out, format, Shape::Packed, &raws)
}

pub fn table(
    entries: &[Entry],
    verbose: bool,
    kind_prefix: Option<&str>,
    wide: bool,
) -> Result<Table<'static>> {
    let mut header: Vec<&str> = if verbose {
        vec!["ADDRESSES", "PORT", "MATCH", "DESTINATION"]
    } else {
        vec!["ADDRESSES", "PORT", "TYPE"]
    };
    if kind_prefix.is_some() {
        header.insert(0, "NAME");
    }
    if wide {
        header.extend(if verbose {
            &["STATE", "CHAIN", "SOURCE", "TLS", "FILTERS"][..]
        } else {
            &["STATE"][..]
        });
    }
    let mut t = Table::new(1).header(&header);
    for e in entries {
        let l = &e.listener;
        let lead = |row: &mut Vec<String>| {
            if let Some(prefix) = kind_prefix {
                row.insert(0, format!("{prefix}{}", l.name));
            }
        };
        if !verbose {
            let mut row = vec![
                addresses(l),
                port(l).to_string(),
                listener_type(l).to_string(),
            ];
            lead(&mut row);
            if wide {
                row.push(e.state.label().to_string());
            }
            t.row(row);
            continue;
        }
        let mut rows = Vec::new();
        for chain in l.chains() {
            rows.push((
                describe_chain_match(chain.filter_chain_match.as_ref()),
                describe_destination(chain)?,
                chain,
            ));
        }
        // istioctl sorts by destination, descending, with an unstable sort: keep input order on ties.
        rows.sort_by(|a, b| b.1.cmp(&a.1));
        for (m, dest, chain) in rows {
            let mut row = vec![addresses(l), port(l).to_string(), m, dest];
            lead(&mut row);
            if wide {
                row.push(e.state.label().to_string());
                row.push(if chain.name.is_empty() {
                    "-".into()
                } else {
                    chain.name.to_string()
                });
                row.push(describe_source(chain.filter_chain_match.as_ref()));
                row.push(describe_tls(chain));
                let filters: Vec<&str> = chain
                    .filters
                    .iter()
                    .map(|f| short_filter_name(&f.name))
                    .collect();
                row.push(filters.join(","));
            }
            t.row(row);
        }
    }
    Ok(t)
}

/// DumpReader conditions of a chain: source CIDRs and ports, and the source type.
fn describe_source(m: Option<&FilterChainMatch>) -> String {
    let Some(m) = m else { return "-".into() };
    let mut parts = Vec::new();
    if let Some(t) = m.source_type.as_deref().filter(|t| *t != "ANY") {
        parts.push(t.to_string());
    }
    if !m.source_prefix_ranges.is_empty() {
        let r: Vec<String> = m
            .source_prefix_ranges
            .iter()
            .map(|r| format!("{}/{}", r.address_prefix, r.prefix_len.unwrap_or(0)))
            .collect();
        parts.push(r.join(","));
    }
    if !m.source_ports.is_empty() {
        let p: Vec<String> = m.source_ports.iter().map(|p| p.to_string()).collect();
        parts.push(format!("ports {}", p.join(",")));
    }
    if parts.is_empty() {
        "-".into()
    } else {
        parts.join(" ")
    }
}

/// The chain's downstream TLS: `mTLS` when it requires client certificates, `TLS` otherwise.
fn describe_tls(chain: &FilterChain) -> String {
    #[derive(Deserialize, Default)]
    struct Downstream {
        #[serde(default)]
        require_client_certificate: Option<bool>,
    }
    let Some(ts) = &chain.transport_socket else {
        return "-".into();
    };
    match ts.config_type().as_deref() {
        Some("envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext") => {
            let d: Downstream = ts
                .typed_config
                .and_then(|r| serde_json::from_str(r.get()).ok())
                .unwrap_or_default();
            if d.require_client_certificate == Some(true) {
                "mTLS"
            } else {
                "TLS"
            }
            .into()
        }
        Some("envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer") => "-".into(),
        _ => ts.name.to_string(),
    }
}

/// `envoy.filters.network.tcp_proxy` → `tcp_proxy`: the last dotted part is what operators say.
fn short_filter_name(name: &str) -> &str {
    name.strip_prefix("envoy.filters.network.").unwrap_or(name)
}
