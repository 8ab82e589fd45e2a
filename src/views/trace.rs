//! `pc trace`: one request followed through the dump's configuration, printed as a short path
//! read top to bottom, or as one JSON/YAML document.

use std::io::Write;

use crate::config::{Format, TraceSpec};
use serde_json::value::RawValue;

use crate::envoy::dump::{Resource, ResourceReader, SectionKind};
use crate::envoy::reader::DumpReader;
use crate::envoy::trace::{self, Needs, Outcome, Snapshot, Trace};
use crate::error::{Error, Result};

static ROUTE_LISTS: [&str; 2] = ["static_route_configs", "dynamic_route_configs"];
static CLUSTER_LISTS: [&str; 2] = ["static_clusters", "dynamic_active_clusters"];
static EDS_LISTS: [&str; 2] = ["static_endpoint_configs", "dynamic_endpoint_configs"];

/// Keeps each resource of a section's lists as its text, read in the dump's one pass: the trace
/// parses only the few it follows.
#[allow(clippy::type_complexity)]
fn texts<'de>(
    kind: SectionKind,
    lists: &'static [&'static str],
) -> ResourceReader<
    'de,
    &'de RawValue,
    &'de RawValue,
    impl FnMut(Resource<'de, &'de RawValue>) -> Option<&'de RawValue> + Send,
> {
    ResourceReader::new(kind, lists, false, |r: Resource<'de, &'de RawValue>| {
        Some(r.value)
    })
}

/// Follows the request through the dump, and says which route configurations and clusters it
/// looked up by name.
fn follow(src: &DumpReader, spec: &TraceSpec) -> Result<(Trace, Needs)> {
    // Route configurations here, clusters and assignments on the helper thread of a big dump;
    // the listeners section is kept raw and read typed once the pass is done.
    let mut routes = texts(SectionKind::Routes, &ROUTE_LISTS);
    let mut rest = (
        texts(SectionKind::Clusters, &CLUSTER_LISTS),
        texts(SectionKind::Endpoints, &EDS_LISTS),
    );
    let dump = src.dump_split(&mut routes, &mut rest)?;
    let snap = Snapshot::new(
        Snapshot::listeners(&dump)?,
        routes.finish(),
        rest.0.finish(),
        rest.1.finish(),
    );
    let t = trace::trace(&snap, &spec.request);
    Ok((t, snap.needs()))
}

/// The route configurations and clusters the trace reads by name in `src`, which may hold only
/// some of the sections: live, what to fetch next.
pub fn needs(src: &DumpReader, spec: &TraceSpec) -> Result<Needs> {
    follow(src, spec).map(|(_, needs)| needs)
}

pub fn run(src: &DumpReader, spec: &TraceSpec, format: Format, out: &mut dyn Write) -> Result<()> {
    let (mut t, _) = follow(src, spec)?;
    if let Some(note) = &spec.note {
        t.assumptions.insert(0, note.clone());
    }
    match format {
        Format::Json | Format::Yaml => {
            let json = to_json(&t)?;
            if format == Format::Yaml {
                crate::render::yaml::write_yaml(out, &json)
            } else {
                out.write_all(&json)?;
                out.write_all(b"\n")?;
                Ok(())
            }
        }
        _ => {
            let mut text = String::new();
            write_short(&mut text, spec, &t);
            out.write_all(text.as_bytes())?;
            Ok(())
        }
    }
}

/// The trace as JSON, 4-space indented as the other views' JSON.
pub fn to_json(t: &Trace) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(t, &mut ser)
        .map_err(|e| Error::input(format!("cannot print the trace: {e}")))?;
    Ok(buf)
}

fn result_text(o: Outcome) -> &'static str {
    match o {
        Outcome::Cluster => "cluster",
        Outcome::WeightedClusters => "weighted clusters",
        Outcome::Redirect => "redirect",
        Outcome::DirectResponse => "direct response",
        Outcome::NoRoute => "no route (404 route_not_found)",
        Outcome::NoFilterChain => "no filter chain (connection closed)",
        Outcome::NoListener => "no listener",
        Outcome::NoCluster => "no cluster (503 cluster_not_found)",
        Outcome::Unsupported => "not followed",
    }
}

fn line(s: &mut String, label: &str, value: &str) {
    s.push_str(&format!("{:<16}{value}\n", format!("{label}:")));
}

fn with_note(value: &str, note: Option<&str>) -> String {
    match note {
        Some(n) if !n.is_empty() => format!("{value}  ({n})"),
        _ => value.to_string(),
    }
}

/// The short form: one line per step, then the clusters with their endpoints.
fn write_short(s: &mut String, spec: &TraceSpec, t: &Trace) {
    let method = spec.request.http.as_ref().map(|h| h.method.as_str());
    line(
        s,
        "Request",
        &format!(
            "{}{}",
            method.map_or(String::new(), |m| format!("{m} ")),
            spec.url
        ),
    );
    let Some(listener) = &t.listener else {
        line(s, "Listener", "none");
        line(s, "Result", result_text(t.result));
        return finish(s, spec, t);
    };
    line(
        s,
        "Listener",
        &with_note(listener, t.listener_match.as_deref()),
    );
    let d = &t.detected;
    let mut conn = d.transport_protocol.clone();
    if let Some(sni) = &d.server_name {
        conn.push_str(&format!(", SNI {sni}"));
    }
    if !d.application_protocols.is_empty() {
        conn.push_str(&format!(", ALPN {}", d.application_protocols.join(",")));
    }
    line(s, "Connection", &conn);
    match &t.filter_chain_match {
        Some(how) => {
            let name = t.filter_chain.as_deref().unwrap_or("<unnamed>");
            line(s, "Filter chain", &with_note(name, Some(how)));
        }
        None => {
            line(s, "Filter chain", "none matched, no default_filter_chain");
            line(s, "Result", result_text(t.result));
            return finish(s, spec, t);
        }
    }
    if let Some(nf) = &t.network_filter {
        line(s, "Network filter", nf);
    }
    if t.network_filter.as_deref() == Some("http_connection_manager") {
        line(
            s,
            "Route config",
            t.route_config.as_deref().unwrap_or("<inline>"),
        );
        if let Some(vh) = &t.virtual_host {
            line(
                s,
                "Virtual host",
                &with_note(
                    vh,
                    t.domain
                        .as_deref()
                        .map(|d| format!("domain {d}"))
                        .as_deref(),
                ),
            );
        }
        if let Some(m) = &t.route_match {
            line(
                s,
                "Route",
                &with_note(t.route.as_deref().unwrap_or("<unnamed>"), Some(m)),
            );
        }
        if let Some(vs) = &t.virtual_service {
            line(s, "VirtualService", vs);
        }
    }
    line(s, "Result", result_text(t.result));
    let a = &t.action;
    if let Some(r) = &a.redirect {
        line(
            s,
            "Redirect",
            &format!("{} {r}", a.redirect_code.unwrap_or(301)),
        );
    }
    if let Some(st) = a.direct_response_status {
        line(s, "Direct response", &st.to_string());
    }
    let mut extras = Vec::new();
    if let Some(h) = &a.cluster_header {
        extras.push(format!("cluster from header {h}"));
    }
    if let Some(subset) = &a.subset {
        extras.push(format!("subset {subset}"));
    }
    if let Some(p) = &a.prefix_rewrite {
        extras.push(format!("prefix rewrite {p}"));
    }
    if let Some(h) = &a.host_rewrite {
        extras.push(format!("host rewrite {h}"));
    }
    if let Some(to) = &a.timeout {
        extras.push(format!("timeout {to}"));
    }
    if let Some(r) = &a.retries {
        extras.push(format!("retries {r}"));
    }
    if !extras.is_empty() {
        line(s, "Action", &extras.join(", "));
    }
    for (c, info) in t.clusters.iter().zip(&t.cluster_details) {
        let label = if t.result == Outcome::WeightedClusters {
            format!("Cluster {}/{}", c.weight, a.total_weight.unwrap_or(100))
        } else {
            "Cluster".to_string()
        };
        if !info.found {
            line(s, &label, &format!("{}  (not in the dump)", c.name));
            continue;
        }
        let mut desc = format!(
            "{}  ({}, {}, TLS {})",
            c.name, info.discovery_type, info.lb_policy, info.tls
        );
        if let Some(dr) = &info.destination_rule {
            desc.push_str(&format!("  DestinationRule {dr}"));
        }
        line(s, &label, &desc);
        for e in &info.endpoints {
            let mut row = format!("  {:<22} {:<10}", e.address, e.health);
            if !e.locality.is_empty() {
                row.push_str(&format!(" {}", e.locality));
            }
            if e.priority > 0 {
                row.push_str(&format!(" priority {}", e.priority));
            }
            s.push_str(row.trim_end());
            s.push('\n');
        }
    }
    finish(s, spec, t)
}

fn finish(s: &mut String, spec: &TraceSpec, t: &Trace) {
    for a in &t.assumptions {
        line(s, "Assumed", a);
    }
    if spec.explain && !t.explanations.is_empty() {
        s.push_str("Passed over:\n");
        for e in &t.explanations {
            s.push_str(&format!("  {} {:?}: {}\n", e.step, e.candidate, e.reason));
        }
    }
}
