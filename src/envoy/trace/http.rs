//! The HTTP connection manager's part: route configuration, virtual host, route and action.

use serde::Deserialize;

use crate::envoy::resources::{
    istio_config_of, EnumValue, HttpConnectionManager, Route, RouteConfiguration, RouteMatch,
    VirtualHost,
};
use crate::envoy::trace::matchers::{full_match, header_matches, query_matches, query_params};
use crate::envoy::trace::{Downstream, HttpRequest, Outcome, Snapshot, Trace, WeightedCluster};

/// Where the port starts in a Host value: at its last `:`, unless that is inside an IPv6
/// literal's brackets.
fn port_start(host: &str) -> Option<usize> {
    let colon = host.rfind(':')?;
    match host.rfind(']') {
        Some(bracket) if bracket > colon => None,
        _ => Some(colon),
    }
}

fn without_port(host: &str) -> &str {
    port_start(host).map_or(host, |i| &host[..i])
}

/// Routes the request through the connection manager's route configuration.
pub fn route(
    snap: &Snapshot,
    hcm: &HttpConnectionManager,
    req: &HttpRequest,
    local_port: u16,
    conn: Downstream,
    t: &mut Trace,
) {
    if hcm.scoped_routes.is_some() {
        t.assumptions
            .push("the connection manager uses scoped routes, which trace does not follow".into());
        t.result = Outcome::Unsupported;
        return;
    }
    let fetched;
    let rc: &RouteConfiguration = if let Some(rds) = &hcm.rds {
        t.route_config = Some(rds.route_config_name.to_string());
        fetched = snap.route_config(&rds.route_config_name);
        match &fetched {
            Some(rc) => rc,
            None => {
                t.assumptions.push(format!(
                    "route configuration {:?} is not in the dump",
                    rds.route_config_name
                ));
                t.result = Outcome::NoRoute;
                return;
            }
        }
    } else if let Some(rc) = &hcm.route_config {
        t.route_config = Some(rc.name.to_string()).filter(|n| !n.is_empty());
        rc
    } else {
        t.result = Outcome::NoRoute;
        return;
    };
    // The connection manager rewrites the Host before routing: any port
    // (`strip_any_host_port`), or one equal to the connection's local port
    // (`strip_matching_host_port`).
    let mut req = req.clone();
    if let Some(i) = port_start(&req.authority) {
        let port = &req.authority[i + 1..];
        if hcm.strip_any_host_port
            || (hcm.strip_matching_host_port && port == local_port.to_string())
        {
            req.authority.truncate(i);
        }
    }
    // The path as routing sees it: dot segments removed (`normalize_path`), then runs of
    // slashes merged (`merge_slashes`), in that order; the query string is left alone.
    if hcm.normalize_path == Some(true) || hcm.merge_slashes {
        let (path, query) = match req.path.find('?') {
            Some(i) => req.path.split_at(i),
            None => (req.path.as_str(), ""),
        };
        let mut path = path.to_string();
        if hcm.normalize_path == Some(true) {
            path = remove_dot_segments(&canonical_escapes(&path));
        }
        if hcm.merge_slashes {
            path = merge_slashes(&path);
        }
        let normalized = format!("{path}{query}");
        if normalized != req.path {
            t.assumptions.push(format!(
                "the connection manager normalizes the path: {} is routed as {normalized}",
                req.path
            ));
            req.path = normalized;
        }
    }
    let Some(vh) = virtual_host(rc, &req.authority, t) else {
        t.result = Outcome::NoRoute;
        return;
    };
    // A virtual host that requires TLS answers a plaintext request with a redirect to https
    // before any route is looked at (`EXTERNAL_ONLY` too: the trace's requests are external).
    let requires_tls = vh
        .require_tls
        .as_ref()
        .is_some_and(|r| matches!(r.text().as_ref(), "ALL" | "EXTERNAL_ONLY" | "1" | "2"));
    if requires_tls && !conn.secure {
        t.result = Outcome::Redirect;
        t.action.redirect = Some(format!(
            "https://{}{}",
            without_port(&req.authority),
            req.path
        ));
        t.action.redirect_code = Some(301);
        t.route_match = Some("require_tls: plaintext is redirected to https".into());
        return;
    }
    let Some(r) = first_route(vh, &req, conn, t) else {
        t.result = Outcome::NoRoute;
        return;
    };
    t.route = Some(r.name.to_string()).filter(|n| !n.is_empty());
    t.virtual_service = Some(istio_config_of(r.metadata.as_ref())).filter(|s| !s.is_empty());
    action(r, &req, t);
}

/// The virtual host for a Host value: Envoy lower-cases it (dropping the port first when the
/// route configuration has `ignore_port_in_host_matching`), then looks for an exact domain, then
/// the longest `*suffix`, then the longest `prefix*`, then `*`. A wildcard never matches an empty
/// part: `*.example.com` does not take `.example.com`.
pub fn virtual_host<'r, 'a>(
    rc: &'r RouteConfiguration<'a>,
    authority: &str,
    t: &mut Trace,
) -> Option<&'r VirtualHost<'a>> {
    let host = if rc.ignore_port_in_host_matching {
        without_port(authority)
    } else {
        authority
    }
    .to_ascii_lowercase();
    let mut exact = None;
    let mut suffix: Option<(usize, &VirtualHost, String)> = None;
    let mut prefix: Option<(usize, &VirtualHost, String)> = None;
    let mut any = None;
    for vh in &rc.virtual_hosts {
        for d in &vh.domains {
            let d = d.to_ascii_lowercase();
            if d == "*" {
                any.get_or_insert((vh, d));
            } else if let Some(s) = d.strip_prefix('*') {
                if host.len() > s.len()
                    && host.ends_with(s)
                    && suffix.as_ref().is_none_or(|(l, _, _)| s.len() > *l)
                {
                    suffix = Some((s.len(), vh, d.clone()));
                }
            } else if let Some(p) = d.strip_suffix('*') {
                if host.len() > p.len()
                    && host.starts_with(p)
                    && prefix.as_ref().is_none_or(|(l, _, _)| p.len() > *l)
                {
                    prefix = Some((p.len(), vh, d.clone()));
                }
            } else if d == host && exact.is_none() {
                exact = Some((vh, d));
            }
        }
    }
    let (vh, domain, how) = if let Some((vh, d)) = exact {
        (vh, d, "exact")
    } else if let Some((_, vh, d)) = suffix {
        (vh, d, "longest suffix wildcard")
    } else if let Some((_, vh, d)) = prefix {
        (vh, d, "longest prefix wildcard")
    } else if let Some((vh, d)) = any {
        (vh, d, "catch-all")
    } else {
        for vh in &rc.virtual_hosts {
            t.explain(
                "virtual host",
                vh.name.to_string(),
                format!("no domain matches {host:?}"),
            );
        }
        return None;
    };
    for other in &rc.virtual_hosts {
        if !std::ptr::eq(other, vh) {
            let reason = if other.domains.iter().any(|d| domain_matches(d, &host)) {
                format!("a domain matches {host:?}, but {domain:?} ({how}) is more specific")
            } else {
                format!("no domain matches {host:?}")
            };
            t.explain("virtual host", other.name.to_string(), reason);
        }
    }
    t.virtual_host = Some(vh.name.to_string());
    t.domain = Some(domain);
    Some(vh)
}

/// What `normalize_path` does before removing dot segments (RFC 3986 §6.2.2, as Envoy's
/// URL canonicalizer does it): a backslash is a slash, a percent-encoded unreserved character
/// (`A-Z a-z 0-9 - . _ ~`, so `%2E` too) is decoded; other escapes stay as they are (a real
/// Envoy routes `%2f` and `%2F` apart).
fn canonical_escapes(path: &str) -> String {
    let bytes = path.as_bytes();
    let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let (Some(h), Some(l)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                let c = (h * 16 + l) as u8;
                if c.is_ascii_alphanumeric() || b"-._~".contains(&c) {
                    out.push(c);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(if bytes[i] == b'\\' { b'/' } else { bytes[i] });
        i += 1;
    }
    // Only ASCII bytes were replaced, by ASCII bytes.
    String::from_utf8(out).unwrap_or_else(|_| path.to_string())
}

/// RFC 3986's remove_dot_segments on an absolute path.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

fn merge_slashes(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    out
}

/// Whether one domain takes the (lower-case) host at all.
fn domain_matches(domain: &str, host: &str) -> bool {
    let d = domain.to_ascii_lowercase();
    if d == "*" {
        true
    } else if let Some(s) = d.strip_prefix('*') {
        host.len() > s.len() && host.ends_with(s)
    } else if let Some(p) = d.strip_suffix('*') {
        host.len() > p.len() && host.starts_with(p)
    } else {
        d == host
    }
}

/// The path as path matchers see it: without the query string and fragment.
fn bare_path(path: &str) -> &str {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    &path[..end]
}

/// The first route of the virtual host that matches, in order: its path specifier, then every
/// header and query parameter matcher and the other conditions.
fn first_route<'r, 'a>(
    vh: &'r VirtualHost<'a>,
    req: &HttpRequest,
    conn: Downstream,
    t: &mut Trace,
) -> Option<&'r Route<'a>> {
    for (i, r) in vh.routes.iter().enumerate() {
        let label = if r.name.is_empty() {
            format!("#{i}")
        } else {
            r.name.to_string()
        };
        match route_matches(&r.route_match, req, conn, t) {
            Ok(how) => {
                t.route_match = Some(how);
                if r.name.is_empty() {
                    t.assumptions.push(format!(
                        "the route has no name: it is route #{i} of its virtual host"
                    ));
                }
                return Some(r);
            }
            Err(why) => t.explain("route", label, why),
        }
    }
    None
}

/// Whether a route's match takes the request: Ok with what decided, or Err with why not.
pub fn route_matches(
    m: &RouteMatch,
    req: &HttpRequest,
    conn: Downstream,
    t: &mut Trace,
) -> Result<String, String> {
    let is_connect = req.method.eq_ignore_ascii_case("CONNECT");
    // A CONNECT request names an authority and carries no path: path matchers see none.
    let path = if is_connect { "" } else { bare_path(&req.path) };
    let sensitive = m.case_sensitive.unwrap_or(true);
    let fold = |s: &str| {
        if sensitive {
            s.to_string()
        } else {
            s.to_ascii_lowercase()
        }
    };
    let how = if let Some(r) = &m.safe_regex {
        if !full_match(&r.regex, path) {
            return Err(format!("regex {} does not match {path}", r.regex));
        }
        format!("regex {}", r.regex)
    } else if !m.path.is_empty() {
        if fold(path) != fold(&m.path) {
            return Err(format!("path {} is not {path}", m.path));
        }
        format!("path {}", m.path)
    } else if !m.path_separated_prefix.is_empty() {
        // The prefix, then the end of the path or a `/`.
        let p = fold(&m.path_separated_prefix);
        let fp = fold(path);
        let ok = fp.starts_with(&p) && matches!(fp.as_bytes().get(p.len()), None | Some(b'/'));
        if !ok {
            return Err(format!(
                "path-separated prefix {} does not match {path}",
                m.path_separated_prefix
            ));
        }
        format!("path-separated prefix {}", m.path_separated_prefix)
    } else if m.connect_matcher.is_some() {
        if !is_connect {
            return Err(format!("connect matcher: {} is not CONNECT", req.method));
        }
        "CONNECT".into()
    } else if let Some(policy) = &m.path_match_policy {
        let template = uri_template(policy);
        match template {
            Some(tpl) if template_matches(&tpl, path) => format!("URI template {tpl}"),
            Some(tpl) => return Err(format!("URI template {tpl} does not match {path}")),
            None => return Err("a path match policy trace does not know".into()),
        }
    } else {
        if !fold(path).starts_with(&fold(&m.prefix)) {
            return Err(format!("prefix {} does not match {path}", m.prefix));
        }
        format!(
            "prefix {}",
            if m.prefix.is_empty() { "" } else { &m.prefix }
        )
    };
    let how = if sensitive || m.safe_regex.is_some() {
        how
    } else {
        format!("{how} (case insensitive)")
    };
    let mut conditions = Vec::new();
    for h in &m.headers {
        header_matches(h, req)?;
        conditions.push(format!("header {}", h.name));
    }
    if !m.query_parameters.is_empty() {
        let params = query_params(&req.path);
        for q in &m.query_parameters {
            query_matches(q, &params)?;
            conditions.push(format!("query {}", q.name));
        }
    }
    if m.grpc.is_some() {
        let ct = req.header("content-type").unwrap_or_default();
        if !ct.starts_with("application/grpc") {
            return Err("grpc: content-type is not application/grpc".into());
        }
        conditions.push("gRPC".into());
    }
    if let Some(tls) = &m.tls_context {
        if tls.presented.is_some_and(|p| p != conn.presented) {
            return Err(format!(
                "tls_context: a client certificate is {}presented",
                if conn.presented { "" } else { "not " }
            ));
        }
        if tls.validated.is_some_and(|v| v != conn.validated) {
            return Err(format!(
                "tls_context: the client certificate is {}validated",
                if conn.validated { "" } else { "not " }
            ));
        }
        conditions.push("tls_context".into());
    }
    if let Some(raw) = m.runtime_fraction {
        // Without a runtime override the default fraction decides: none never matches, all
        // always does, anything between matches that share of requests.
        let percent = default_percent(raw.get());
        if percent <= 0.0 {
            return Err("runtime_fraction: its default is 0%".into());
        }
        if percent < 100.0 {
            t.assumptions.push(format!(
                "a route's runtime_fraction matches {percent}% of requests by default: assumed to match"
            ));
        }
        conditions.push(format!("runtime fraction {percent}%"));
    }
    Ok(if conditions.is_empty() {
        how
    } else {
        format!("{how} + {}", conditions.join(" + "))
    })
}

/// A `RuntimeFractionalPercent`'s default as a percentage.
fn default_percent(json: &str) -> f64 {
    #[derive(Deserialize, Default)]
    struct Fraction<'a> {
        #[serde(default)]
        numerator: u64,
        #[serde(borrow, default)]
        denominator: Option<EnumValue<'a>>,
    }
    #[derive(Deserialize)]
    struct Runtime<'a> {
        #[serde(borrow, default)]
        default_value: Option<Fraction<'a>>,
    }
    let Ok(r) = serde_json::from_str::<Runtime>(json) else {
        return 0.0;
    };
    let f = r.default_value.unwrap_or_default();
    let per = match f
        .denominator
        .as_ref()
        .map(|d| d.text().into_owned())
        .as_deref()
    {
        Some("TEN_THOUSAND") | Some("1") => 10_000.0,
        Some("MILLION") | Some("2") => 1_000_000.0,
        _ => 100.0,
    };
    (f.numerator as f64 / per * 100.0).min(100.0)
}

fn uri_template(policy: &crate::envoy::resources::TypedExtension) -> Option<String> {
    #[derive(Deserialize)]
    struct Config {
        path_template: String,
    }
    let c: Config = serde_json::from_str(policy.typed_config?.get()).ok()?;
    Some(c.path_template)
}

/// A URI template (`/v1/{name}/**`): `*` and `{var}` take one non-empty segment, `**` and
/// `{var=**}` any number of characters.
fn template_matches(tpl: &str, path: &str) -> bool {
    let mut re = String::from("^");
    for (i, seg) in tpl.split('/').enumerate() {
        if i > 0 {
            re.push('/');
        }
        let inner = seg
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .map(|v| v.split_once('=').map_or("*", |(_, p)| p));
        match inner.unwrap_or(seg) {
            "**" => re.push_str(".*"),
            "*" => re.push_str("[^/]+"),
            lit => re.push_str(&regex::escape(lit)),
        }
    }
    re.push('$');
    regex::Regex::new(&re).is_ok_and(|r| r.is_match(path))
}

#[derive(Deserialize, Default)]
struct Redirect<'a> {
    #[serde(borrow, default)]
    scheme_redirect: Option<std::borrow::Cow<'a, str>>,
    #[serde(default)]
    https_redirect: bool,
    #[serde(borrow, default)]
    host_redirect: Option<std::borrow::Cow<'a, str>>,
    #[serde(default)]
    port_redirect: Option<u32>,
    #[serde(borrow, default)]
    path_redirect: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    prefix_rewrite: Option<std::borrow::Cow<'a, str>>,
    #[serde(default)]
    strip_query: bool,
    #[serde(borrow, default)]
    response_code: Option<EnumValue<'a>>,
}

fn redirect_code(code: Option<&EnumValue>) -> u32 {
    match code {
        None => 301,
        Some(EnumValue::Number(n)) => match n {
            1 => 302,
            2 => 303,
            3 => 307,
            4 => 308,
            _ => 301,
        },
        Some(EnumValue::Name(n)) => match n.as_ref() {
            "FOUND" => 302,
            "SEE_OTHER" => 303,
            "TEMPORARY_REDIRECT" => 307,
            "PERMANENT_REDIRECT" => 308,
            _ => 301,
        },
    }
}

/// The route's action: a cluster, weighted clusters, the cluster a header names, a redirect or
/// a direct response; with the rewrites, timeout and retries that go with it.
fn action(r: &Route, req: &HttpRequest, t: &mut Trace) {
    if let Some(raw) = r.redirect {
        let rd: Redirect = serde_json::from_str(raw.get()).unwrap_or_default();
        let scheme = if rd.https_redirect {
            "https".to_string()
        } else {
            rd.scheme_redirect.as_deref().unwrap_or("http").to_string()
        };
        let host = rd
            .host_redirect
            .as_deref()
            .unwrap_or(without_port(&req.authority))
            .to_string();
        let port = rd.port_redirect.map_or(String::new(), |p| format!(":{p}"));
        let path = rd
            .path_redirect
            .as_deref()
            .map(str::to_string)
            .or_else(|| rd.prefix_rewrite.as_ref().map(|p| format!("{p}…")))
            .unwrap_or_else(|| bare_path(&req.path).to_string());
        let query = match req.path.split_once('?') {
            Some((_, q))
                if !rd.strip_query
                    && rd.path_redirect.as_deref().is_none_or(|p| !p.contains('?')) =>
            {
                format!("?{q}")
            }
            _ => String::new(),
        };
        t.result = Outcome::Redirect;
        t.action.redirect = Some(format!("{scheme}://{host}{port}{path}{query}"));
        t.action.redirect_code = Some(redirect_code(rd.response_code.as_ref()));
        return;
    }
    if let Some(d) = &r.direct_response {
        t.result = Outcome::DirectResponse;
        t.action.direct_response_status = Some(d.status);
        return;
    }
    if r.route.is_none() && r.non_forwarding_action.is_some() {
        // The router finds no cluster to forward to (Envoy logs 503 cluster_not_found).
        t.result = Outcome::NoCluster;
        t.assumptions.push(
            "a non-forwarding route: the router has no cluster (503 cluster_not_found)".into(),
        );
        return;
    }
    let Some(a) = &r.route else {
        t.result = Outcome::NoRoute;
        t.assumptions
            .push("the route has no route, redirect or direct response action".into());
        return;
    };
    t.action.timeout = a.timeout.as_ref().map(|s| s.to_string());
    t.action.retries = a.retry_policy.as_ref().map(|p| {
        format!(
            "{} × {}",
            p.num_retries.unwrap_or(1),
            if p.retry_on.is_empty() {
                "-"
            } else {
                &p.retry_on
            }
        )
    });
    t.action.prefix_rewrite = a.prefix_rewrite.as_ref().map(|s| s.to_string());
    t.action.host_rewrite = a.host_rewrite_literal.as_ref().map(|s| s.to_string());
    t.action.subset = a.metadata_match.and_then(|raw| {
        let v: serde_json::Value = serde_json::from_str(raw.get()).ok()?;
        let lb = v.get("filter_metadata")?.get("envoy.lb")?.as_object()?;
        let pairs: Vec<String> = lb.iter().map(|(k, v)| format!("{k}={v}")).collect();
        Some(pairs.join(","))
    });
    if let Some(w) = &a.weighted_clusters {
        t.result = Outcome::WeightedClusters;
        t.clusters = w
            .clusters
            .iter()
            .map(|c| {
                let name = if c.cluster_header.is_empty() {
                    c.name.to_string()
                } else {
                    // Picked, this entry's cluster is the header's value; without the
                    // header the router answers 503 cluster_not_found.
                    req.header(&c.cluster_header).unwrap_or_else(|| {
                        t.assumptions.push(format!(
                            "cluster_header {} of a weighted cluster: the request has no such \
                             header (503 cluster_not_found when that cluster is picked)",
                            c.cluster_header
                        ));
                        String::new()
                    })
                };
                WeightedCluster {
                    name,
                    weight: c.weight.unwrap_or(0),
                }
            })
            .collect();
        t.action.total_weight = Some(
            w.total_weight
                .unwrap_or_else(|| t.clusters.iter().map(|c| c.weight).sum()),
        );
    } else if !a.cluster_header.is_empty() {
        t.action.cluster_header = Some(a.cluster_header.to_string());
        match req.header(&a.cluster_header) {
            Some(name) => {
                t.result = Outcome::Cluster;
                t.clusters = vec![WeightedCluster { name, weight: 100 }];
            }
            None => {
                t.result = Outcome::NoCluster;
                t.assumptions.push(format!(
                    "cluster_header {}: the request has no such header",
                    a.cluster_header
                ));
            }
        }
    } else if let Some(c) = &a.cluster {
        t.result = Outcome::Cluster;
        t.clusters = vec![WeightedCluster {
            name: c.to_string(),
            weight: 100,
        }];
    } else {
        t.result = Outcome::NoCluster;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envoy::trace::test_support::{http, snapshot};
    use crate::envoy::trace::Trace;

    fn rc(json: &str) -> RouteConfiguration<'_> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn virtual_hosts_exact_then_suffix_then_prefix_then_any() {
        let c = rc(r#"{"name":"r","virtual_hosts":[
            {"name":"any","domains":["*"]},
            {"name":"pre","domains":["api.*","api.ex*"]},
            {"name":"suf","domains":["*.example.com","*.com"]},
            {"name":"exact","domains":["www.Example.com"]}]}"#);
        let pick = |host: &str| {
            let mut t = Trace::new();
            virtual_host(&c, host, &mut t).map(|v| (v.name.to_string(), t.domain.clone().unwrap()))
        };
        assert_eq!(pick("WWW.example.COM").unwrap().0, "exact");
        assert_eq!(
            pick("a.example.com").unwrap(),
            ("suf".into(), "*.example.com".into())
        );
        assert_eq!(pick("a.b.com").unwrap(), ("suf".into(), "*.com".into()));
        // A suffix wildcard beats a prefix one; the longest prefix wins among prefixes.
        assert_eq!(pick("api.example.com").unwrap().0, "suf");
        assert_eq!(pick("api.exo").unwrap(), ("pre".into(), "api.ex*".into()));
        // The wildcard takes no empty part.
        assert_eq!(pick(".example.com").unwrap().0, "suf");
        assert_eq!(pick("example.com").unwrap(), ("suf".into(), "*.com".into()));
        assert_eq!(pick("other").unwrap().0, "any");
        // The port is part of the Host unless the config ignores it.
        assert_eq!(pick("www.example.com:80").unwrap().0, "any");
        let c2 = rc(r#"{"name":"r","ignore_port_in_host_matching":true,
            "virtual_hosts":[{"name":"exact","domains":["www.example.com"]}]}"#);
        let mut t = Trace::new();
        assert!(virtual_host(&c2, "www.example.com:8080", &mut t).is_some());
        let c3 = rc(r#"{"name":"r","virtual_hosts":[{"name":"v6","domains":["[::1]"]}]}"#);
        assert_eq!(without_port("[::1]"), "[::1]");
        assert_eq!(without_port("[::1]:80"), "[::1]");
        assert!(virtual_host(&c3, "[::1]", &mut Trace::new()).is_some());
        assert!(virtual_host(&c3, "nothing", &mut Trace::new()).is_none());
    }

    fn matches(m: &str, req: &HttpRequest) -> bool {
        let m: RouteMatch = serde_json::from_str(m).unwrap();
        route_matches(&m, req, Downstream::default(), &mut Trace::new()).is_ok()
    }

    #[test]
    fn path_specifiers_see_the_path_without_its_query() {
        let r = http("h", "/api/v2/Items?x=/api/v1");
        assert!(matches(r#"{"prefix":"/api/v2"}"#, &r));
        assert!(!matches(r#"{"prefix":"/api/v1"}"#, &r));
        assert!(!matches(r#"{"prefix":"/api/v2/items"}"#, &r));
        assert!(matches(
            r#"{"prefix":"/api/v2/items","case_sensitive":false}"#,
            &r
        ));
        assert!(matches(r#"{"path":"/api/v2/Items"}"#, &r));
        assert!(!matches(r#"{"path":"/api/v2"}"#, &r));
        assert!(matches(
            r#"{"safe_regex":{"regex":"/api/v[0-9]/\\w+"}}"#,
            &r
        ));
        assert!(!matches(r#"{"safe_regex":{"regex":"/api/v[0-9]"}}"#, &r));
        // Separated prefixes end at a slash or at the end.
        assert!(matches(r#"{"path_separated_prefix":"/api/v2"}"#, &r));
        assert!(!matches(r#"{"path_separated_prefix":"/api/v"}"#, &r));
        assert!(matches(r#"{"path_separated_prefix":"/api/v2/Items"}"#, &r));
        assert!(!matches(r#"{"connect_matcher":{}}"#, &r));
        let mut connect = http("h", "/");
        connect.method = "CONNECT".into();
        assert!(matches(r#"{"connect_matcher":{}}"#, &connect));
        // The trace's client presents no certificate.
        assert!(matches(
            r#"{"prefix":"/","tls_context":{"presented":false}}"#,
            &r
        ));
        assert!(!matches(
            r#"{"prefix":"/","tls_context":{"presented":true}}"#,
            &r
        ));
        // Runtime fractions by their defaults.
        let rt = |v: &str| {
            format!(
                r#"{{"prefix":"/","runtime_fraction":{{"default_value":{v},"runtime_key":"k"}}}}"#
            )
        };
        assert!(matches(&rt(r#"{"numerator":100}"#), &r));
        assert!(matches(
            &rt(r#"{"numerator":50,"denominator":"TEN_THOUSAND"}"#),
            &r
        ));
        assert!(!matches(&rt(r#"{"numerator":0}"#), &r));
        assert!(!matches(&rt("{}"), &r));
        let tpl = r#"{"path_match_policy":{"name":"envoy.path.match.uri_template.uri_template_matcher",
            "typed_config":{"@type":"type.googleapis.com/envoy.extensions.path.match.uri_template.v3.UriTemplateMatchConfig",
            "path_template":"/api/{version}/*"}}}"#;
        assert!(matches(tpl, &r));
        assert!(!matches(tpl, &http("h", "/api/v2/a/b")));
        // Query parameters and gRPC.
        assert!(matches(
            r#"{"prefix":"/","query_parameters":[{"name":"x","string_match":{"prefix":"/api"}}]}"#,
            &r
        ));
        assert!(!matches(r#"{"prefix":"/","grpc":{}}"#, &r));
        let mut g = http("h", "/pkg.Svc/Call");
        g.headers
            .push(("content-type".into(), "application/grpc+proto".into()));
        assert!(matches(r#"{"prefix":"/","grpc":{}}"#, &g));
    }

    /// Routes a request through the route configuration `r` of `routes` (a JSON array), as an
    /// HCM on port 80 naming it by RDS sees it in the clear.
    fn router(routes: &str) -> impl Fn(HttpRequest) -> Trace + '_ {
        let snap = snapshot("[]", routes, "[]");
        let hcm: HttpConnectionManager =
            serde_json::from_str(r#"{"rds":{"route_config_name":"r"}}"#).unwrap();
        move |req: HttpRequest| {
            let mut t = Trace::new();
            route(&snap, &hcm, &req, 80, Downstream::default(), &mut t);
            t
        }
    }

    /// Envoy answers a non-forwarding route 503 `cluster_not_found`; a weighted cluster named by
    /// a header is the header's value; a CONNECT carries no path, so only `connect_matcher`
    /// takes it.
    #[test]
    fn non_forwarding_header_weighted_and_connect_routes() {
        let run = router(
            r#"[{"name":"r","virtual_hosts":[{"name":"v","domains":["*"],"routes":[
              {"name":"nf","match":{"path":"/nf"},"non_forwarding_action":{}},
              {"name":"wh","match":{"path":"/wh"},"route":{"weighted_clusters":{"clusters":[
                 {"cluster_header":"x-to","weight":30},{"name":"b","weight":70}]}}},
              {"name":"any","match":{"prefix":"/"},"route":{"cluster":"any"}},
              {"name":"connect","match":{"connect_matcher":{}},"route":{"cluster":"tunnel"}}
            ]}]}]"#,
        );
        let t = run(http("h", "/nf"));
        assert_eq!(
            (t.result, t.route.as_deref()),
            (Outcome::NoCluster, Some("nf"))
        );
        let mut req = http("h", "/wh");
        let t = run(req.clone());
        assert_eq!(t.clusters[0].name, "");
        assert!(t.assumptions[0].contains("x-to"), "{:?}", t.assumptions);
        req.headers.push(("x-to".into(), "a".into()));
        let t = run(req);
        let names: Vec<_> = t
            .clusters
            .iter()
            .map(|c| (c.name.as_str(), c.weight))
            .collect();
        assert_eq!(names, [("a", 30), ("b", 70)]);
        let mut connect = http("h:443", "/");
        connect.method = "CONNECT".into();
        let t = run(connect);
        assert_eq!(t.route.as_deref(), Some("connect"));
    }

    /// A real Envoy with `normalize_path` routes `%2E%2e`, `.%2e`, `%65` and `\\` as `.`, `..`, `e`
    /// and `/`, and `%2f` apart from `%2F`.
    #[test]
    fn normalize_path_decodes_unreserved_escapes_and_backslashes() {
        let normalized = |p: &str| remove_dot_segments(&canonical_escapes(p));
        assert_eq!(normalized("/x/%2E%2e/exact"), "/exact");
        assert_eq!(normalized("/x/.%2e/exact"), "/exact");
        assert_eq!(normalized("/%65xact"), "/exact");
        assert_eq!(normalized("/x\\..\\exact"), "/exact");
        assert_eq!(normalized("/esc%2fx"), "/esc%2fx");
        assert_eq!(normalized("/a%zz%4"), "/a%zz%4");
    }

    #[test]
    fn actions_say_where_the_request_goes() {
        let run = router(
            r#"[{"name":"r","virtual_hosts":[{"name":"v","domains":["*"],"routes":[
              {"name":"w","match":{"path":"/w"},"route":{"weighted_clusters":{"clusters":[
                 {"name":"a","weight":80},{"name":"b","weight":20}]}}},
              {"name":"ch","match":{"path":"/ch"},"route":{"cluster_header":"x-cluster"}},
              {"name":"rd","match":{"prefix":"/old/"},"redirect":{"host_redirect":"new.example","path_redirect":"/new","response_code":"FOUND"}},
              {"name":"dr","match":{"path":"/healthz"},"direct_response":{"status":200}},
              {"name":"c","match":{"prefix":"/","headers":[{"name":"x-canary","string_match":{"exact":"1"}}]},"route":{"cluster":"canary","timeout":"5s","retry_policy":{"retry_on":"5xx","num_retries":3},"metadata_match":{"filter_metadata":{"envoy.lb":{"version":"v2"}}}}}
            ]}]}]"#,
        );
        let t = run(http("h", "/w"));
        assert_eq!(t.result, Outcome::WeightedClusters);
        assert_eq!(t.action.total_weight, Some(100));
        assert_eq!(t.clusters[1].name, "b");
        assert_eq!(t.clusters[1].weight, 20);
        let mut req = http("h", "/ch");
        assert_eq!(run(req.clone()).result, Outcome::NoCluster);
        req.headers.push(("x-cluster".into(), "named".into()));
        let t = run(req);
        assert_eq!(
            (t.result, t.clusters[0].name.as_str()),
            (Outcome::Cluster, "named")
        );
        let t = run(http("h", "/old/x?q=1"));
        assert_eq!(t.result, Outcome::Redirect);
        assert_eq!(
            t.action.redirect.as_deref(),
            Some("http://new.example/new?q=1")
        );
        assert_eq!(t.action.redirect_code, Some(302));
        let t = run(http("h", "/healthz"));
        assert_eq!(
            (t.result, t.action.direct_response_status),
            (Outcome::DirectResponse, Some(200))
        );
        let t = run(http("h", "/other"));
        assert_eq!(t.result, Outcome::NoRoute);
        assert!(t
            .explanations
            .iter()
            .any(|e| e.candidate == "c" && e.reason == "header x-canary: missing (exact \"1\")"));
        let mut req = http("h", "/other");
        req.headers.push(("x-canary".into(), "1".into()));
        let t = run(req);
        assert_eq!(t.route.as_deref(), Some("c"));
        assert_eq!(t.route_match.as_deref(), Some("prefix / + header x-canary"));
        assert_eq!(t.action.retries.as_deref(), Some("3 × 5xx"));
        assert_eq!(t.action.timeout.as_deref(), Some("5s"));
        assert_eq!(t.action.subset.as_deref(), Some("version=\"v2\""));
    }

    #[test]
    fn paths_are_normalized_then_slashes_merged() {
        assert_eq!(remove_dot_segments("/a/b/../c"), "/a/c");
        assert_eq!(remove_dot_segments("/a/./b/."), "/a/b/");
        assert_eq!(remove_dot_segments("/../a"), "/a");
        assert_eq!(remove_dot_segments("/a/.."), "/");
        assert_eq!(remove_dot_segments("/x//../exact"), "/x/exact");
        assert_eq!(merge_slashes("//a///b/"), "/a/b/");
    }

    #[test]
    fn a_virtual_host_requiring_tls_redirects_plaintext() {
        let snap = snapshot(
            "[]",
            r#"[{"name":"r","virtual_hosts":[{"name":"v","domains":["a","a:8080"],"require_tls":"ALL",
                "routes":[{"name":"x","match":{"prefix":"/"},"route":{"cluster":"c"}}]}]}]"#,
            "[]",
        );
        let hcm: HttpConnectionManager =
            serde_json::from_str(r#"{"rds":{"route_config_name":"r"}}"#).unwrap();
        let mut t = Trace::new();
        route(
            &snap,
            &hcm,
            &http("a:8080", "/p?q"),
            8080,
            Downstream::default(),
            &mut t,
        );
        assert_eq!(t.result, Outcome::Redirect);
        assert_eq!(t.action.redirect.as_deref(), Some("https://a/p?q"));
        assert_eq!(t.route, None);
        let mut t = Trace::new();
        let secure = Downstream {
            secure: true,
            ..Default::default()
        };
        route(&snap, &hcm, &http("a", "/p"), 443, secure, &mut t);
        assert_eq!(
            (t.result, t.route.as_deref()),
            (Outcome::Cluster, Some("x"))
        );
    }

    #[test]
    fn host_ports_are_stripped_as_the_connection_manager_says() {
        let snap = snapshot(
            "[]",
            r#"[{"name":"r","virtual_hosts":[{"name":"v","domains":["a"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"c"}}]}]}]"#,
            "[]",
        );
        let run = |hcm: &str, authority: &str| {
            let hcm: HttpConnectionManager = serde_json::from_str(hcm).unwrap();
            let mut t = Trace::new();
            route(
                &snap,
                &hcm,
                &http(authority, "/"),
                80,
                Downstream::default(),
                &mut t,
            );
            t.result
        };
        let rds = r#""rds":{"route_config_name":"r"}"#;
        assert_eq!(run(&format!("{{{rds}}}"), "a:80"), Outcome::NoRoute);
        let matching = format!("{{{rds},\"strip_matching_host_port\":true}}");
        assert_eq!(run(&matching, "a:80"), Outcome::Cluster);
        assert_eq!(run(&matching, "a:81"), Outcome::NoRoute);
        let any = format!("{{{rds},\"strip_any_host_port\":true}}");
        assert_eq!(run(&any, "a:81"), Outcome::Cluster);
    }
}
