//! The connection's part: which listener takes it, what its listener filters detect, and which
//! filter chain it gets.

use std::net::IpAddr;

use crate::envoy::resources::{CidrRange, FilterChain, FilterChainMatch, Listener};
use crate::envoy::trace::{Detected, Request, Snapshot, Trace};

const TLS_INSPECTOR: (&str, &str) = (
    "envoy.filters.listener.tls_inspector",
    "envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector",
);
const ORIGINAL_DST: (&str, &str) = (
    "envoy.filters.listener.original_dst",
    "envoy.extensions.filters.listener.original_dst.v3.OriginalDst",
);
const HTTP_INSPECTOR: (&str, &str) = (
    "envoy.filters.listener.http_inspector",
    "envoy.extensions.filters.listener.http_inspector.v3.HttpInspector",
);

/// The listener a connection lands on, with the listener filters that looked at it.
pub struct Picked<'s, 'a> {
    pub listener: &'s Listener<'a>,
    /// Names of the inspectors that ran: the hand-off listener's and the target's, since the
    /// socket keeps what the first listener's filters detected.
    pub inspectors: Vec<&'static str>,
    pub how: String,
}

fn socket(l: &Listener) -> Option<(Option<IpAddr>, u16, bool)> {
    let s = l.address.as_ref()?.socket_address.as_ref()?;
    let text = s.address.trim_start_matches('[').trim_end_matches(']');
    let ip = text.parse::<IpAddr>().ok();
    Some((
        ip,
        s.port_value as u16,
        ip.is_some_and(|ip| ip.is_unspecified()),
    ))
}

/// Every socket address of a listener: its address and its `additional_addresses`.
fn sockets(l: &Listener) -> Vec<(Option<IpAddr>, u16, bool)> {
    let mut all: Vec<_> = socket(l).into_iter().collect();
    for extra in &l.additional_addresses {
        if let Some(s) = extra
            .address
            .as_ref()
            .and_then(|a| a.socket_address.as_ref())
        {
            let ip = s.address.parse::<IpAddr>().ok();
            all.push((
                ip,
                s.port_value as u16,
                ip.is_some_and(|ip| ip.is_unspecified()),
            ));
        }
    }
    all
}

fn inspectors(l: &Listener) -> Vec<&'static str> {
    let mut found = Vec::new();
    for f in &l.listener_filters {
        if f.is(TLS_INSPECTOR.0, TLS_INSPECTOR.1) {
            found.push("tls_inspector");
        } else if f.is(HTTP_INSPECTOR.0, HTTP_INSPECTOR.1) {
            found.push("http_inspector");
        }
    }
    found
}

fn is_inbound(l: &Listener) -> bool {
    l.traffic_direction.as_deref() == Some("INBOUND")
}

/// The listener for the connection's original destination among `candidates`: the one bound
/// to exactly IP:port, else the wildcard one of the IP's family for the port. With no IP known,
/// the wildcard one for the port, else any for the port (an assumption the trace states).
fn by_address<'s, 'a>(
    candidates: &[&'s Listener<'a>],
    request: &Request,
    t: &mut Trace,
) -> Option<(&'s Listener<'a>, String)> {
    let port = request.dest_port;
    let on_port = |l: &&&Listener| sockets(l).iter().any(|s| s.1 == port);
    if let Some(ip) = request.dest_ip {
        if let Some(l) = candidates
            .iter()
            .find(|l| sockets(l).iter().any(|s| s.0 == Some(ip) && s.1 == port))
        {
            return Some((l, format!("bound to {}", fmt_addr(ip, port))));
        }
        // Only the wildcard of the destination's own family takes it.
        let wild = candidates.iter().find(|l| {
            sockets(l)
                .iter()
                .any(|s| s.2 && s.1 == port && s.0.is_some_and(|a| a.is_ipv4() == ip.is_ipv4()))
        });
        if let Some(l) = wild {
            for other in candidates.iter().filter(on_port) {
                if !std::ptr::eq(*other, *l) {
                    t.explain(
                        "listener",
                        other.name.to_string(),
                        format!("bound to another address than {}", fmt_addr(ip, port)),
                    );
                }
            }
            return Some((
                l,
                format!("wildcard address for port {port} (no listener on {ip})"),
            ));
        }
        for l in candidates.iter().filter(on_port) {
            t.explain(
                "listener",
                l.name.to_string(),
                format!("bound to another address than {}", fmt_addr(ip, port)),
            );
        }
        return None;
    }
    let wild = candidates
        .iter()
        .find(|l| sockets(l).iter().any(|s| s.2 && s.1 == port));
    if let Some(l) = wild {
        t.assumptions.push(format!(
            "no destination IP given (--to): took the wildcard listener for port {port}"
        ));
        return Some((l, format!("wildcard address for port {port}")));
    }
    let any = candidates.iter().find(on_port)?;
    t.assumptions.push(format!(
        "no destination IP given (--to): took the first listener on port {port}"
    ));
    Some((any, format!("port {port}")))
}

fn fmt_addr(ip: IpAddr, port: u16) -> String {
    match ip {
        IpAddr::V4(v4) => format!("{v4}:{port}"),
        IpAddr::V6(v6) => format!("[{v6}]:{port}"),
    }
}

/// Whether a listener is where the mesh's redirection sends every connection of its direction:
/// one that hands connections off (`use_original_dst`) or restores their original destination
/// with the `original_dst` listener filter (Istio's `virtualOutbound` and `virtualInbound`).
fn captures(l: &Listener, inbound: bool) -> bool {
    let restores = l.use_original_dst == Some(true)
        || l.listener_filters
            .iter()
            .any(|f| f.is(ORIGINAL_DST.0, ORIGINAL_DST.1));
    restores && is_inbound(l) == inbound && socket(l).is_some()
}

/// The listener that takes the connection. A proxy with a capturing listener for the direction
/// (`captures`) has it accept the connection. With `use_original_dst` it hands the connection to
/// the listener for exactly the original IP:port, else to the wildcard one for the port, and
/// with neither keeps it on its own chains; the hand-off reaches `bind_to_port: false` listeners
/// too, which take nothing otherwise. Without `use_original_dst` (Istio's `virtualInbound`) its
/// own chains match on the restored destination. Without a capturing listener, the connection
/// reaches the bound listener the kernel picks: exact address first, then wildcard.
/// Whether a chain of `listener` for `port` (by `destination_port`, or any port) takes only TLS
/// offering one of Istio's ALPN values: what Istio's inbound chains for mutual TLS look like.
pub fn expects_istio_mtls(listener: &Listener, port: u16) -> bool {
    listener.filter_chains.iter().any(|c| {
        let Some(m) = &c.filter_chain_match else {
            return false;
        };
        m.destination_port.is_none_or(|p| p == u32::from(port))
            && m.transport_protocol.as_ref() == "tls"
            && m.application_protocols
                .iter()
                .any(|p| p.as_ref() == "istio" || p.starts_with("istio-"))
    })
}

pub fn select<'s, 'a>(
    snap: &'s Snapshot<'a>,
    request: &Request,
    t: &mut Trace,
) -> Option<Picked<'s, 'a>> {
    let capture = snap
        .listeners
        .iter()
        .find(|l| captures(l, request.inbound) && l.use_original_dst == Some(true))
        .or_else(|| snap.listeners.iter().find(|l| captures(l, request.inbound)));
    if let Some(h) = capture {
        let mut inspect = inspectors(h);
        if h.use_original_dst != Some(true) {
            return Some(Picked {
                listener: h,
                inspectors: inspect,
                how: "takes every redirected connection (original_dst)".into(),
            });
        }
        let others: Vec<&Listener> = snap
            .listeners
            .iter()
            .filter(|l| !std::ptr::eq(*l, h))
            .collect();
        return Some(match by_address(&others, request, t) {
            Some((l, how)) => {
                inspect.extend(inspectors(l));
                Picked {
                    listener: l,
                    inspectors: inspect,
                    how: format!("{how}, handed off by {} (use_original_dst)", h.name),
                }
            }
            None => Picked {
                listener: h,
                inspectors: inspect,
                how: format!(
                    "no listener for the original destination: {} (use_original_dst) keeps it",
                    h.name
                ),
            },
        });
    }
    let bound: Vec<&Listener> = snap
        .listeners
        .iter()
        .filter(|l| {
            let binds = l.bind_to_port != Some(false);
            if !binds && sockets(l).iter().any(|s| s.1 == request.dest_port) {
                t.explain(
                    "listener",
                    l.name.to_string(),
                    "bind_to_port: false and no use_original_dst listener hands off to it",
                );
            }
            binds
        })
        .collect();
    let Some((l, how)) = by_address(&bound, request, t) else {
        // A gateway's listeners are on its container ports (a Service's targetPort), which a
        // URL's default port often is not.
        let ports = |bind: bool| {
            let mut ports: Vec<u16> = snap
                .listeners
                .iter()
                .filter(|l| (l.bind_to_port != Some(false)) == bind)
                .flat_map(|l| sockets(l))
                .map(|s| s.1)
                .collect();
            ports.sort_unstable();
            ports.dedup();
            ports
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (bound, unbound) = (ports(true), ports(false));
        let mut why = format!(
            "no listener takes port {} and none hands connections off (use_original_dst)",
            request.dest_port
        );
        if !bound.is_empty() {
            why.push_str(&format!(
                "; listeners bind ports {bound}: --to names the one the client reaches"
            ));
        }
        if !unbound.is_empty() {
            why.push_str(&format!("; bind_to_port: false on ports {unbound}"));
        }
        t.assumptions.push(why);
        return None;
    };
    Some(Picked {
        listener: l,
        inspectors: inspectors(l),
        how,
    })
}

/// What the listener filters find: `tls_inspector` reads a ClientHello's SNI and ALPN and sets
/// the transport `tls`; `http_inspector` sets `http/1.1` or `h2c` for plaintext HTTP. A
/// connection no filter recognized gets the transport `raw_buffer`.
pub fn detect(inspectors: &[&str], request: &Request) -> Detected {
    let has = |n: &str| inspectors.contains(&n);
    match (&request.tls, &request.http) {
        (Some(hello), _) if has("tls_inspector") => Detected {
            transport_protocol: "tls".into(),
            server_name: hello.sni.clone(),
            application_protocols: hello.alpn.clone(),
        },
        (None, Some(http)) if has("http_inspector") => Detected {
            transport_protocol: "raw_buffer".into(),
            server_name: None,
            application_protocols: vec![if http.http2 { "h2c" } else { "http/1.1" }.into()],
        },
        _ => Detected {
            transport_protocol: "raw_buffer".into(),
            server_name: None,
            application_protocols: Vec::new(),
        },
    }
}

/// The longest prefix of `ranges` holding `ip`: Some(len) for a match, Some(0) when there are
/// no ranges (Envoy files those under the any-address), None when none holds it.
fn longest_prefix(ranges: &[CidrRange], ip: IpAddr) -> Option<u32> {
    if ranges.is_empty() {
        return Some(0);
    }
    ranges
        .iter()
        .filter(|r| r.contains(ip))
        .map(|r| r.prefix_len.unwrap_or(0))
        .max()
}

type Candidates<'s, 'a> = Vec<(usize, &'s FilterChain<'a>)>;

fn chain_label(i: usize, c: &FilterChain) -> String {
    if c.name.is_empty() {
        format!("#{i}")
    } else {
        c.name.to_string()
    }
}

/// One step of the filter chain match: each candidate's score (None: does not match, higher:
/// more specific); only the best-scoring ones go on. `what` describes the step's criterion for
/// the explanations.
fn narrow<'s, 'a>(
    cands: Candidates<'s, 'a>,
    t: &mut Trace,
    what: &str,
    score: impl Fn(&FilterChainMatch) -> Option<i64>,
) -> Candidates<'s, 'a> {
    let empty = FilterChainMatch::default();
    let scored: Vec<_> = cands
        .into_iter()
        .map(|(i, c)| {
            let s = score(c.filter_chain_match.as_ref().unwrap_or(&empty));
            (i, c, s)
        })
        .collect();
    let best = scored.iter().filter_map(|(_, _, s)| *s).max();
    let mut kept = Vec::new();
    for (i, c, s) in scored {
        match (s, best) {
            (Some(s), Some(b)) if s == b => kept.push((i, c)),
            (Some(_), _) => t.explain(
                "filter chain",
                chain_label(i, c),
                format!("{what}: a more specific chain matched"),
            ),
            (None, _) => t.explain(
                "filter chain",
                chain_label(i, c),
                format!("{what}: no match"),
            ),
        }
    }
    kept
}

/// The filter chain for the connection, in Envoy's order (destination port, destination IP by
/// longest prefix, server name exact then longest `*.` wildcard, transport protocol,
/// application protocols, direct source IP, source type, source IP, source port): at each
/// step only the chains matching most specifically go on, and a chain with no value for the
/// criterion is the least specific match. Envoy never backtracks: when the most specific chains
/// of a step fail a later step, nothing matches and `default_filter_chain` is used.
pub fn select_chain<'s, 'a>(
    listener: &'s Listener<'a>,
    request: &Request,
    detected: &Detected,
    t: &mut Trace,
) -> Option<&'s FilterChain<'a>> {
    if let Some(matcher) = listener.filter_chain_matcher {
        return unified_chain(listener, matcher, request, detected, t);
    }
    let mut cands: Candidates = listener.filter_chains.iter().enumerate().collect();
    let port = request.dest_port;
    cands = narrow(cands, t, &format!("destination port {port}"), |m| {
        match m.destination_port {
            None => Some(0),
            Some(p) if p == port as u32 => Some(1),
            Some(_) => None,
        }
    });
    match request.dest_ip {
        Some(ip) => {
            cands = narrow(cands, t, &format!("destination IP {ip}"), |m| {
                longest_prefix(&m.prefix_ranges, ip).map(|l| l as i64 + 1)
            })
        }
        None => {
            cands = narrow(cands, t, "destination IP unknown", |m| {
                m.prefix_ranges.is_empty().then_some(0)
            })
        }
    }
    let sni = detected.server_name.as_deref().map(str::to_ascii_lowercase);
    cands = narrow(
        cands,
        t,
        &format!("server name {}", sni.as_deref().unwrap_or("(none)")),
        |m| server_name_score(&m.server_names, sni.as_deref()),
    );
    let transport = detected.transport_protocol.as_str();
    cands = narrow(
        cands,
        t,
        &format!("transport protocol {transport}"),
        |m| match m.transport_protocol.as_ref() {
            "" => Some(0),
            p if p == transport => Some(1),
            _ => None,
        },
    );
    // Envoy takes the first of the connection's protocols that some chain lists.
    let alpn = &detected.application_protocols;
    let first_listed = alpn.iter().position(|p| {
        cands.iter().any(|(_, c)| {
            c.filter_chain_match
                .as_ref()
                .is_some_and(|m| m.application_protocols.iter().any(|a| a == p))
        })
    });
    cands = narrow(
        cands,
        t,
        &format!("application protocols [{}]", alpn.join(",")),
        |m| {
            if m.application_protocols.is_empty() {
                return Some(0);
            }
            let p = &alpn[first_listed?];
            m.application_protocols.iter().any(|a| a == p).then_some(1)
        },
    );
    let source = request.source_ip;
    cands = source_prefix_step(cands, t, source, "direct source IP", true);
    let local = is_local(request);
    cands = narrow(cands, t, "source type", |m| {
        match m.source_type.as_deref().unwrap_or("ANY") {
            "ANY" => Some(0),
            "SAME_IP_OR_LOOPBACK" if source.is_some() && local => Some(1),
            "EXTERNAL" if source.is_some() && !local => Some(1),
            _ => None,
        }
    });
    cands = source_prefix_step(cands, t, source, "source IP", false);
    let sport = request.source_port;
    cands = narrow(cands, t, "source port", |m| {
        if m.source_ports.is_empty() {
            Some(0)
        } else {
            sport
                .filter(|p| m.source_ports.contains(&(*p as u32)))
                .map(|_| 1)
        }
    });
    if let Some((_, chain)) = cands.first() {
        t.filter_chain = Some(chain.name.to_string()).filter(|n| !n.is_empty());
        t.filter_chain_match = Some(describe(chain.filter_chain_match.as_ref()));
        return Some(chain);
    }
    let chain = listener.default_filter_chain.as_ref()?;
    t.filter_chain = Some(chain.name.to_string()).filter(|n| !n.is_empty());
    t.filter_chain_match = Some("default_filter_chain (no chain matched)".into());
    Some(chain)
}

/// Envoy's SAME_IP_OR_LOOPBACK: the source is the loopback address itself (127.0.0.1 or ::1,
/// not the rest of 127/8) or the destination's IP.
fn is_local(request: &Request) -> bool {
    let loopback = |ip: IpAddr| match ip {
        IpAddr::V4(v4) => v4 == std::net::Ipv4Addr::LOCALHOST,
        IpAddr::V6(v6) => v6 == std::net::Ipv6Addr::LOCALHOST,
    };
    request
        .source_ip
        .is_some_and(|s| loopback(s) || Some(s) == request.dest_ip)
}

/// The chain the unified matcher names: the matcher replaces `filter_chain_match`; an action
/// naming no chain of the listener, or no match, falls to `default_filter_chain`.
fn unified_chain<'s, 'a>(
    listener: &'s Listener<'a>,
    matcher: &serde_json::value::RawValue,
    request: &Request,
    detected: &Detected,
    t: &mut Trace,
) -> Option<&'s FilterChain<'a>> {
    let inputs = crate::envoy::trace::unified::Inputs {
        dest_ip: request.dest_ip,
        dest_port: request.dest_port,
        source_ip: request.source_ip,
        source_port: request.source_port,
        server_name: detected.server_name.as_deref(),
        transport: &detected.transport_protocol,
        alpn: &detected.application_protocols,
        local: is_local(request),
    };
    match crate::envoy::trace::unified::select(matcher, &inputs) {
        Ok((Some(name), path)) => {
            let chain = listener.filter_chains.iter().find(|c| c.name == name);
            if let Some(chain) = chain {
                t.filter_chain = Some(name);
                t.filter_chain_match = Some(if path.is_empty() {
                    "filter_chain_matcher: on_no_match".into()
                } else {
                    format!("filter_chain_matcher: {}", path.join(" -> "))
                });
                return Some(chain);
            }
            t.explain(
                "filter chain",
                name,
                "the matcher names a chain the listener does not have",
            );
        }
        Ok((None, _)) => {}
        Err(why) => t.assumptions.push(format!("filter_chain_matcher: {why}")),
    }
    let chain = listener.default_filter_chain.as_ref()?;
    t.filter_chain = Some(chain.name.to_string()).filter(|n| !n.is_empty());
    t.filter_chain_match = Some("default_filter_chain (the matcher matched nothing)".into());
    Some(chain)
}

/// A source-address step: `direct` for `direct_source_prefix_ranges`, else
/// `source_prefix_ranges`.
fn source_prefix_step<'s, 'a>(
    cands: Candidates<'s, 'a>,
    t: &mut Trace,
    source: Option<IpAddr>,
    what: &str,
    direct: bool,
) -> Candidates<'s, 'a> {
    let pick = |m: &FilterChainMatch| -> Vec<(String, Option<u32>)> {
        let r = if direct {
            &m.direct_source_prefix_ranges
        } else {
            &m.source_prefix_ranges
        };
        r.iter()
            .map(|c| (c.address_prefix.to_string(), c.prefix_len))
            .collect()
    };
    let needs = cands.iter().any(|(_, c)| {
        c.filter_chain_match
            .as_ref()
            .is_some_and(|m| !pick(m).is_empty())
    });
    match source {
        Some(ip) => narrow(cands, t, &format!("{what} {ip}"), |m| {
            let r = pick(m);
            if r.is_empty() {
                return Some(0);
            }
            r.iter()
                .filter(|(a, l)| {
                    CidrRange {
                        address_prefix: a.as_str().into(),
                        prefix_len: *l,
                    }
                    .contains(ip)
                })
                .map(|(_, l)| l.unwrap_or(0) as i64 + 1)
                .max()
        }),
        None => {
            if needs {
                t.assumptions.push(format!(
                    "no source address given (--from): chains that match on {what} were left out"
                ));
            }
            narrow(cands, t, &format!("{what} unknown"), |m| {
                pick(m).is_empty().then_some(0)
            })
        }
    }
}

/// Exact names score highest, then `*.suffix` wildcards by length, then chains without names.
fn server_name_score(names: &[crate::envoy::resources::Str], sni: Option<&str>) -> Option<i64> {
    if names.is_empty() {
        return Some(0);
    }
    let sni = sni?;
    let mut best = None;
    for n in names {
        let n = n.to_ascii_lowercase();
        if n == sni {
            return Some(i64::MAX);
        }
        // `*.example.com` takes `www.example.com` (a suffix starting at a dot, not at the
        // first character), the longest wildcard winning.
        if let Some(suffix) = n.strip_prefix('*') {
            if suffix.starts_with('.') && sni.len() > suffix.len() && sni.ends_with(suffix) {
                best = best.max(Some(suffix.len() as i64 + 1));
            }
        }
    }
    best
}

/// What a chain's match requires, as one line.
pub fn describe(m: Option<&FilterChainMatch>) -> String {
    let Some(m) = m else {
        return "any connection".into();
    };
    let mut parts = Vec::new();
    if let Some(p) = m.destination_port {
        parts.push(format!("destination port {p}"));
    }
    let cidrs = |r: &[CidrRange]| {
        r.iter()
            .map(|c| format!("{}/{}", c.address_prefix, c.prefix_len.unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(",")
    };
    if !m.prefix_ranges.is_empty() {
        parts.push(format!("destination {}", cidrs(&m.prefix_ranges)));
    }
    if !m.server_names.is_empty() {
        let names: Vec<&str> = m.server_names.iter().map(|s| s.as_ref()).collect();
        parts.push(format!("SNI {}", names.join(",")));
    }
    if !m.transport_protocol.is_empty() {
        parts.push(format!("transport {}", m.transport_protocol));
    }
    if !m.application_protocols.is_empty() {
        let names: Vec<&str> = m.application_protocols.iter().map(|s| s.as_ref()).collect();
        parts.push(format!("ALPN {}", names.join(",")));
    }
    if !m.direct_source_prefix_ranges.is_empty() {
        parts.push(format!(
            "direct source {}",
            cidrs(&m.direct_source_prefix_ranges)
        ));
    }
    if let Some(st) = m.source_type.as_deref().filter(|s| *s != "ANY") {
        parts.push(format!("source type {st}"));
    }
    if !m.source_prefix_ranges.is_empty() {
        parts.push(format!("source {}", cidrs(&m.source_prefix_ranges)));
    }
    if !m.source_ports.is_empty() {
        let ports: Vec<String> = m.source_ports.iter().map(u32::to_string).collect();
        parts.push(format!("source ports {}", ports.join(",")));
    }
    if parts.is_empty() {
        "any connection".into()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envoy::trace::test_support::{http, snapshot};
    use crate::envoy::trace::{trace, ClientHello, Outcome};

    fn tcp(cluster: &str) -> String {
        format!(
            r#"[{{"name":"envoy.filters.network.tcp_proxy","typed_config":{{"@type":"type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy","cluster":"{cluster}"}}}}]"#
        )
    }

    fn request(ip: &str, port: u16) -> Request {
        Request {
            dest_ip: Some(ip.parse().unwrap()),
            dest_port: port,
            ..Default::default()
        }
    }

    #[test]
    fn hand_off_takes_exact_then_wildcard_then_keeps_the_connection() {
        let listeners = format!(
            r#"[
            {{"name":"virtual","address":{{"socket_address":{{"address":"0.0.0.0","port_value":15001}}}},
              "use_original_dst":true,"filter_chains":[{{"name":"own","filters":{t0}}}]}},
            {{"name":"wild80","address":{{"socket_address":{{"address":"0.0.0.0","port_value":80}}}},
              "bind_to_port":false,"filter_chains":[{{"filters":{t1}}}]}},
            {{"name":"exact80","address":{{"socket_address":{{"address":"10.0.0.5","port_value":80}}}},
              "bind_to_port":false,"filter_chains":[{{"filters":{t2}}}]}},
            {{"name":"inbound","address":{{"socket_address":{{"address":"0.0.0.0","port_value":15006}}}},
              "use_original_dst":true,"traffic_direction":"INBOUND","filter_chains":[{{"filters":{t3}}}]}}
            ]"#,
            t0 = tcp("passthrough"),
            t1 = tcp("wild"),
            t2 = tcp("exact"),
            t3 = tcp("in"),
        );
        let snap = snapshot(&listeners, "[]", "[]");
        let name = |r: &Request| trace(&snap, r).listener.unwrap();
        assert_eq!(name(&request("10.0.0.5", 80)), "exact80");
        assert_eq!(name(&request("10.0.0.6", 80)), "wild80");
        // The IPv4 wildcard does not take an IPv6 destination.
        assert_eq!(name(&request("fd00::1", 80)), "virtual");
        let t = trace(&snap, &request("10.0.0.6", 81));
        assert_eq!(t.listener.as_deref(), Some("virtual"));
        assert_eq!(t.clusters[0].name, "passthrough");
        let mut r = request("10.0.0.6", 9080);
        r.inbound = true;
        assert_eq!(name(&r), "inbound");
    }

    #[test]
    fn without_hand_off_only_bound_listeners_take_connections() {
        let listeners = format!(
            r#"[
            {{"name":"wild80","address":{{"socket_address":{{"address":"0.0.0.0","port_value":80}}}},
              "filter_chains":[{{"filters":{t1}}}]}},
            {{"name":"unbound","address":{{"socket_address":{{"address":"10.0.0.5","port_value":80}}}},
              "bind_to_port":false,"filter_chains":[{{"filters":{t2}}}]}}
            ]"#,
            t1 = tcp("wild"),
            t2 = tcp("exact"),
        );
        let snap = snapshot(&listeners, "[]", "[]");
        let t = trace(&snap, &request("10.0.0.5", 80));
        assert_eq!(t.listener.as_deref(), Some("wild80"));
        assert!(t.explanations.iter().any(|e| e.candidate == "unbound"));
        let t = trace(&snap, &request("10.0.0.5", 81));
        assert_eq!(t.result, Outcome::NoListener);
    }

    /// Chains of one listener and the name of the chain each connection gets.
    fn chain_for(chains: &str, filters: &str, r: &Request) -> Option<String> {
        let listeners = format!(
            r#"[{{"name":"l","address":{{"socket_address":{{"address":"0.0.0.0","port_value":443}}}},
              "additional_addresses":[{{"address":{{"socket_address":{{"address":"0.0.0.0","port_value":8443}}}}}}],
              "listener_filters":{filters},"filter_chains":{chains},
              "default_filter_chain":{{"name":"default","filters":{t}}}}}]"#,
            t = tcp("d")
        );
        let snap = snapshot(&listeners, "[]", "[]");
        trace(&snap, r).filter_chain
    }

    #[test]
    fn the_most_specific_chain_wins_at_each_step_without_backtracking() {
        let t = tcp("c");
        let chains = format!(
            r#"[
            {{"name":"port","filter_chain_match":{{"destination_port":443,"server_names":["a.example.com"]}},"filters":{t}}},
            {{"name":"cidr16","filter_chain_match":{{"prefix_ranges":[{{"address_prefix":"10.1.0.0","prefix_len":16}}]}},"filters":{t}}},
            {{"name":"cidr8","filter_chain_match":{{"prefix_ranges":[{{"address_prefix":"10.0.0.0","prefix_len":8}}],"server_names":["*.example.com"]}},"filters":{t}}},
            {{"name":"exact-sni","filter_chain_match":{{"prefix_ranges":[{{"address_prefix":"10.0.0.0","prefix_len":8}}],"server_names":["www.example.com"]}},"filters":{t}}},
            {{"name":"long-wild","filter_chain_match":{{"prefix_ranges":[{{"address_prefix":"10.0.0.0","prefix_len":8}}],"server_names":["*.b.example.com"]}},"filters":{t}}},
            {{"name":"tls","filter_chain_match":{{"prefix_ranges":[{{"address_prefix":"10.0.0.0","prefix_len":8}}],"transport_protocol":"tls"}},"filters":{t}}},
            {{"name":"h2","filter_chain_match":{{"prefix_ranges":[{{"address_prefix":"10.0.0.0","prefix_len":8}}],"transport_protocol":"raw_buffer","application_protocols":["h2c"]}},"filters":{t}}},
            {{"name":"any","filters":{t}}}
            ]"#
        );
        let inspectors = r#"[{"name":"envoy.filters.listener.tls_inspector"},{"name":"envoy.filters.listener.http_inspector"}]"#;
        let tls = |ip: &str, port: u16, sni: &str| {
            let mut r = request(ip, port);
            r.tls = Some(ClientHello {
                sni: Some(sni.into()),
                alpn: vec!["h2".into()],
                client_cert: false,
            });
            r
        };
        let pick = |r: &Request| chain_for(&chains, inspectors, r).unwrap();
        // Destination port first: the port chain's SNI does not match, and Envoy does not go
        // back to the chains without a port.
        assert_eq!(pick(&tls("10.1.2.3", 443, "b.example.com")), "default");
        assert_eq!(pick(&tls("10.1.2.3", 443, "a.example.com")), "port");
        let other_port = |ip: &str, sni: &str| {
            let mut r = tls(ip, 443, sni);
            r.dest_port = 8443;
            r
        };
        // Longest prefix: /16 over /8, then only /16's chain goes on.
        assert_eq!(pick(&other_port("10.1.2.3", "www.example.com")), "cidr16");
        // Server names: exact, then the longest wildcard, then chains without names.
        assert_eq!(
            pick(&other_port("10.2.0.1", "www.example.com")),
            "exact-sni"
        );
        assert_eq!(
            pick(&other_port("10.2.0.1", "x.b.example.com")),
            "long-wild"
        );
        assert_eq!(pick(&other_port("10.2.0.1", "x.example.com")), "cidr8");
        assert_eq!(pick(&other_port("10.2.0.1", "other.org")), "tls");
        // Plain HTTP/2: http_inspector says h2c.
        let mut h2 = request("10.2.0.1", 8443);
        let mut req = http("h", "/");
        req.http2 = true;
        h2.http = Some(req);
        assert_eq!(pick(&h2), "h2");
        // Plain HTTP/1.1: no chain for it on 10/8 (h2 wants h2c, tls wants TLS).
        let mut h1 = request("10.2.0.1", 8443);
        h1.http = Some(http("h", "/"));
        assert_eq!(pick(&h1), "default");
        // Outside every range: the chain without ranges.
        assert_eq!(pick(&other_port("192.168.0.1", "x")), "any");
        // Without tls_inspector a TLS connection is raw_buffer and has no SNI.
        assert_eq!(
            chain_for(&chains, "[]", &other_port("10.2.0.1", "www.example.com")).unwrap(),
            "default"
        );
    }

    #[test]
    fn source_matches_come_last() {
        let t = tcp("c");
        let chains = format!(
            r#"[
            {{"name":"src","filter_chain_match":{{"source_prefix_ranges":[{{"address_prefix":"192.168.0.0","prefix_len":16}}]}},"filters":{t}}},
            {{"name":"port","filter_chain_match":{{"source_ports":[5000]}},"filters":{t}}},
            {{"name":"local","filter_chain_match":{{"source_type":"SAME_IP_OR_LOOPBACK"}},"filters":{t}}},
            {{"name":"rest","filter_chain_match":{{}},"filters":{t}}}
            ]"#
        );
        let from = |ip: &str, port: Option<u16>| {
            let mut r = request("10.0.0.1", 443);
            r.source_ip = Some(ip.parse().unwrap());
            r.source_port = port;
            chain_for(&chains, "[]", &r).unwrap()
        };
        assert_eq!(from("192.168.1.1", Some(5000)), "src");
        assert_eq!(from("127.0.0.1", Some(5000)), "local");
        assert_eq!(from("10.0.0.1", Some(5000)), "local");
        // The rest of 127/8 is not loopback to Envoy.
        assert_eq!(from("127.0.0.5", Some(5000)), "port");
        assert_eq!(from("172.16.0.1", Some(5000)), "port");
        assert_eq!(from("172.16.0.1", Some(5001)), "rest");
    }
}
