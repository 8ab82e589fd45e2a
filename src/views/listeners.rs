//! `pc listeners`: one row per filter chain, as istioctl describes them.

use std::io::Write;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::config::{Format, ListenerFilter};
use crate::envoy::dump::{parse_raw, Dump, NoLists, SectionKind};
use crate::envoy::names::Naming;
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{
    describe_match, Address, FilterChain, FilterChainMatch, HttpConnectionManager, Listener,
    RouteConfiguration, TcpProxy, TypedExtension, HCM_FILTER, HCM_TYPE, TCP_PROXY_FILTER,
    TCP_PROXY_TYPE,
};
use crate::envoy::stats::{listener_stat_prefix, LISTENER_STATS};
use crate::error::{Error, Result};
use crate::render::{self, table::Table, Shape};
use crate::views::{equal_fold, Counters, LiveContext, State};

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
    let section = dump
        .require(SectionKind::Listeners)
        .map_err(|e| e.prefixed("listener dump: "))?;
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
pub(crate) fn main_address(l: &Listener) -> String {
    l.address.as_ref().map(listener_host).unwrap_or_default()
}

/// The main address, then the additional ones, which must be socket addresses: istioctl reads
/// them as such and cannot show any other kind, so neither does meshctl guess one.
fn all_addresses(l: &Listener) -> Result<Vec<String>> {
    let mut all = vec![main_address(l)];
    for extra in &l.additional_addresses {
        match extra
            .address
            .as_ref()
            .and_then(|a| a.socket_address.as_ref())
        {
            Some(s) => all.push(s.address.to_string()),
            None => {
                return Err(Error::input(format!(
                "listener {}: an additional address that is not a socket address cannot be shown",
                l.name
            )))
            }
        }
    }
    Ok(all)
}

/// The main address and the additional ones, joined with `,`.
fn addresses(l: &Listener) -> Result<String> {
    Ok(all_addresses(l)?.join(","))
}

pub(crate) fn port(l: &Listener) -> u32 {
    l.address.as_ref().map_or(0, |a| a.port())
}

impl ListenerFilter {
    pub fn matches(&self, l: &Listener) -> Result<bool> {
        if let Some(want) = &self.address {
            if !all_addresses(l)?.iter().any(|a| equal_fold(a, want)) {
                return Ok(false);
            }
        }
        Ok(self
            .port
            .is_none_or(|p| p as u32 == 0 || port(l) == p as u32)
            && self
                .listener_type
                .as_ref()
                .is_none_or(|t| equal_fold(listener_type(l), t)))
    }
}

/// The filter is told by its name alone: istioctl never looks at a filter's `@type` for this.
fn is_hcm(f: &TypedExtension) -> bool {
    f.name == HCM_FILTER
}

fn is_tcp_proxy(f: &TypedExtension) -> bool {
    f.name == TCP_PROXY_FILTER
}

/// A tcp_proxy whose config holds `BlackHoleCluster` neither counts nor decides. istioctl looks
/// for it in the config's protobuf encoding, where strings, map keys and nested `@type`s appear
/// as they are and field names do not: so string values and object keys here, at any depth,
/// unescaped, but not the config's own `@type`.
fn is_blackhole(f: &TypedExtension) -> bool {
    const BLACKHOLE: &str = "BlackHoleCluster";
    fn holds(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::String(s) => s.contains(BLACKHOLE),
            serde_json::Value::Array(items) => items.iter().any(holds),
            serde_json::Value::Object(members) => members
                .iter()
                .any(|(k, v)| k.contains(BLACKHOLE) || holds(v)),
            _ => false,
        }
    }
    let Some(raw) = f.typed_config else {
        return false;
    };
    // Cheap test first: an escape is the only way the text can hold it without saying it.
    if !raw.get().contains(BLACKHOLE) && !raw.get().contains('\\') {
        return false;
    }
    match serde_json::from_str::<serde_json::Value>(raw.get()) {
        Ok(serde_json::Value::Object(members)) => members
            .iter()
            .any(|(k, v)| k != "@type" && (k.contains(BLACKHOLE) || holds(v))),
        Ok(other) => holds(&other),
        Err(_) => false,
    }
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

/// What istioctl prints in place of a destination whose config its protobuf decoder refuses.
const UNDECODABLE: &str = "proto: cannot parse invalid wire-format data";

/// A filter's config read as `T`. istioctl decodes the config as the message the filter's name
/// implies whatever its `@type` says: a config of another type reads as an empty message here
/// (the fields such a config shares with `T` by number are not carried over). A config of the
/// right type that cannot be read becomes the decoder's complaint, in the row, not an error.
fn filter_config<'a, T: Default + serde::Deserialize<'a>>(
    f: &TypedExtension<'a>,
    type_name: &str,
) -> std::result::Result<T, &'static str> {
    match f.typed_config {
        Some(raw) if f.config_type().as_deref() == Some(type_name) => {
            serde_json::from_str(raw.get()).map_err(|_| UNDECODABLE)
        }
        _ => Ok(T::default()),
    }
}

/// What the chain does with traffic, from the first filter that decides, as istioctl says it.
pub fn describe_destination(chain: &FilterChain) -> String {
    describe_destination_by(chain, Naming::Istio)
}

/// [`describe_destination`]; for another control plane's dump, a tcp_proxy that splits over
/// weighted clusters names them (`Clusters: a=90,b=10`) where istioctl says `Cluster: `.
fn describe_destination_by(chain: &FilterChain, naming: Naming) -> String {
    for f in &chain.filters {
        if is_hcm(f) {
            let hcm: HttpConnectionManager = match filter_config(f, HCM_TYPE) {
                Ok(hcm) => hcm,
                Err(complaint) => return complaint.to_string(),
            };
            if let Some(rc) = &hcm.route_config {
                return describe_inline_routes(rc);
            }
            if let Some(rds) = hcm.rds.as_ref().filter(|r| !r.route_config_name.is_empty()) {
                return format!("Route: {}", rds.route_config_name);
            }
            return "HTTP".to_string();
        }
        if is_tcp_proxy(f) && !is_blackhole(f) {
            return match filter_config::<TcpProxy>(f, TCP_PROXY_TYPE) {
                Ok(TcpProxy {
                    weighted_clusters: Some(weighted),
                    ..
                }) if naming == Naming::Other && !weighted.clusters.is_empty() => {
                    let split: Vec<String> = weighted
                        .clusters
                        .iter()
                        .map(|c| format!("{}={}", c.name, c.weight.unwrap_or(0)))
                        .collect();
                    format!("Clusters: {}", split.join(","))
                }
                Ok(tcp) => cluster_ref(&tcp.cluster),
                Err(complaint) => complaint.to_string(),
            };
        }
    }
    "Non-HTTP/Non-TCP".to_string()
}

/// The one cluster an inline route config sends everything to (one virtual host for `*`, one
/// route on prefix `/` with a cluster set, even to ""), as istioctl recognises it.
fn match_all_cluster<'r>(rc: &'r RouteConfiguration) -> Option<&'r str> {
    let [vh] = rc.virtual_hosts.as_slice() else {
        return None;
    };
    let [route] = vh.routes.as_slice() else {
        return None;
    };
    if vh.domains.len() != 1 || vh.domains[0] != "*" || route.route_match.prefix != "/" {
        return None;
    }
    route.route.as_ref()?.cluster.as_deref()
}

fn describe_inline_routes(rc: &RouteConfiguration) -> String {
    if let Some(cluster) = match_all_cluster(rc) {
        return cluster_ref(cluster);
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
            let any_domain =
                vh.domains.is_empty() || (vh.domains.len() == 1 && vh.domains[0] == "*");
            if any_domain {
                routes
            } else {
                format!("{} {routes}", vh.domains.join("/"))
            }
        })
        .collect();
    format!("Inline Route: {}", vhosts.join("; "))
}

/// The listeners the filter keeps, in dump order (`-o json` prints them so), or istioctl's
/// error when the dump holds none at all, filter or not.
pub fn select<'a>(
    dump: &Dump<'a>,
    filter: &ListenerFilter,
    with_inactive: bool,
) -> Result<Vec<Entry<'a>>> {
    let all = entries(dump, with_inactive)?;
    if !all.iter().any(|e| e.state.shown_by_istioctl()) {
        return Err(Error::input("no listeners found"));
    }
    let mut kept = Vec::with_capacity(all.len());
    for e in all {
        if filter.matches(&e.listener)? {
            kept.push(e);
        }
    }
    Ok(kept)
}

/// Table order: istioctl's `sort.Slice` by port, then main address, then TYPE. The keys cost
/// allocations and a walk of the filters: they are computed once per listener.
pub fn sorted<'a, 'e>(entries: &'e [Entry<'a>]) -> Vec<&'e Entry<'a>> {
    let mut keyed: Vec<((u32, String, &'static str), &Entry)> = entries
        .iter()
        .map(|e| {
            let l = &e.listener;
            ((port(l), main_address(l), listener_type(l)), e)
        })
        .collect();
    crate::gosort::slice(&mut keyed, |a, b| a.0 < b.0);
    keyed.into_iter().map(|(_, e)| e).collect()
}

pub fn run(
    src: &DumpReader,
    filter: &ListenerFilter,
    format: Format,
    live: &LiveContext,
    out: &mut dyn Write,
) -> Result<()> {
    let dump = &src.dump(&mut NoLists)?;
    let wide = format == Format::Wide;
    let entries = select(dump, filter, wide)?;
    if format.is_table() {
        table(
            &entries,
            filter.verbose,
            None,
            live.naming(dump)?,
            wide,
            wide.then_some(&live.counters),
        )?
        .write(out)?;
        return Ok(());
    }
    let raws: Vec<&str> = entries.iter().map(|e| e.raw.get()).collect();
    render::write_list(out, format, Shape::Packed, &raws)
}

pub fn table(
    entries: &[Entry],
    verbose: bool,
    kind_prefix: Option<&str>,
    naming: Naming,
    wide: bool,
    counters: Option<&Counters>,
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
    if counters.is_some() {
        header.extend(["CX ACTIVE", "CX TOTAL"]);
    }
    let mut t = Table::new(1).header(&header);
    for e in sorted(entries) {
        let l = &e.listener;
        let lead = |row: &mut Vec<String>| {
            if let Some(prefix) = kind_prefix {
                row.insert(0, format!("{prefix}{}", l.name));
            }
        };
        // A listener's connection counters, on each of its rows: Envoy counts per listener.
        let stat_prefix = listener_stat_prefix(
            l.stat_prefix.as_deref(),
            l.address
                .as_ref()
                .and_then(|a| a.socket_address.as_ref())
                .map(|s| (s.address.as_ref(), port(l))),
        );
        let counted = |row: &mut Vec<String>| {
            if let Some(counters) = counters {
                for stat in LISTENER_STATS {
                    row.push(match &stat_prefix {
                        Some(prefix) => counters.cell(|s| s.listener(prefix, stat)),
                        None => "-".to_string(),
                    });
                }
            }
        };
        if !verbose {
            let mut row = vec![
                addresses(l)?,
                port(l).to_string(),
                listener_type(l).to_string(),
            ];
            lead(&mut row);
            if wide {
                row.push(e.state.label().to_string());
            }
            counted(&mut row);
            t.row(row);
            continue;
        }
        let mut rows = Vec::new();
        for chain in l.chains() {
            rows.push((
                describe_chain_match(chain.filter_chain_match.as_ref()),
                describe_destination_by(chain, naming),
                chain,
            ));
        }
        // Chains in istioctl's order: by DESTINATION, descending.
        crate::gosort::slice(&mut rows, |a, b| a.1 > b.1);
        let shown_addresses = addresses(l)?;
        for (m, dest, chain) in rows {
            let mut row = vec![shown_addresses.clone(), port(l).to_string(), m, dest];
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
            counted(&mut row);
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
