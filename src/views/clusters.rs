//! `pc clusters`: istioctl's cluster table, `-o wide` extras, JSON of the selected clusters.

use std::io::Write;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::config::{ClusterFilter, Format};
use crate::envoy::dump::{Dump, SectionKind};
use crate::envoy::names::{istio_config_ref, sort_by_cluster_name, ClusterName};
use crate::envoy::resources::Cluster;
use crate::error::{Error, Result};
use crate::render::{self, table::Table, Shape};
use crate::views::State;

/// One cluster of the dump, with its raw JSON when it will be printed as JSON.
pub struct Entry<'a> {
    pub raw: Option<&'a RawValue>,
    pub cluster: Cluster<'a>,
    pub state: State,
}

/// Active clusters, then static ones, as istioctl lists them; warming ones too when asked.
/// Tables need only the typed view, read in the same pass; JSON output keeps the raw text too.
pub fn entries<'a>(dump: &Dump<'a>, with_warming: bool, keep_raw: bool) -> Result<Vec<Entry<'a>>> {
    let section = dump.require(SectionKind::Clusters)?;
    let mut fields = vec![
        ("dynamic_active_clusters", State::Active),
        ("static_clusters", State::Static),
    ];
    if with_warming {
        fields.push(("dynamic_warming_clusters", State::Warming));
    }
    let lists: Vec<&str> = fields.iter().map(|(f, _)| *f).collect();
    Ok(section
        .resources::<Cluster>(&lists, "a cluster", keep_raw)?
        .into_iter()
        .map(|r| Entry {
            raw: r.raw,
            cluster: r.value,
            state: fields[r.list].1,
        })
        .collect())
}

impl ClusterFilter {
    /// istioctl's tests are substring tests on the whole cluster name.
    pub fn matches(&self, name: &str) -> bool {
        self.fqdn.as_ref().is_none_or(|f| name.contains(f.as_str()))
            && self
                .direction
                .as_ref()
                .is_none_or(|d| name.contains(d.as_str()))
            && self
                .subset
                .as_ref()
                .is_none_or(|s| name.contains(s.as_str()))
            && self.port.is_none_or(|p| name.contains(&format!("|{p}|")))
    }
}

pub fn select<'a>(
    dump: &Dump<'a>,
    filter: &ClusterFilter,
    with_warming: bool,
    keep_raw: bool,
) -> Result<Vec<Entry<'a>>> {
    let entries: Vec<Entry> = entries(dump, with_warming, keep_raw)?
        .into_iter()
        .filter(|e| filter.matches(&e.cluster.name))
        .collect();
    Ok(sort_by_cluster_name(entries, |e| &e.cluster.name))
}

pub fn run(dump: &Dump, filter: &ClusterFilter, format: Format, out: &mut dyn Write) -> Result<()> {
    let wide = format == Format::Wide;
    let entries = select(dump, filter, wide, !format.is_table())?;
    if format.is_table() {
        if entries.is_empty() && filter == &ClusterFilter::default() {
            return Err(Error::input("no clusters found"));
        }
        let health = if wide {
            Some(EndpointCounts::from_dump(dump)?)
        } else {
            None
        };
        table(&entries, None, health.as_ref()).write(out)?;
        return Ok(());
    }
    let raws: Vec<&str> = entries
        .iter()
        .filter_map(|e| e.raw.map(RawValue::get))
        .collect();
    render::write_list(out, format, Shape::Packed, &raws)
}

/// The cluster table; `kind_prefix` adds `all`'s leading NAME column.
pub fn table(entries: &[Entry], kind_prefix: Option<&str>, wide: Option<&EndpointCounts>) -> Table {
    let mut header = vec![
        "SERVICE FQDN",
        "PORT",
        "SUBSET",
        "DIRECTION",
        "TYPE",
        "DESTINATION RULE",
    ];
    if kind_prefix.is_some() {
        header.insert(0, "NAME");
    }
    if wide.is_some() {
        header.extend(["STATE", "LB POLICY", "CONNECT TIMEOUT", "TLS", "ENDPOINTS"]);
    }
    let mut t = Table::new(5).header(&header);
    for e in entries {
        let c = &e.cluster;
        let (fqdn, port, subset, direction) = match ClusterName::parse(&c.name) {
            Some(n) => (
                n.fqdn.to_string(),
                n.port.to_string(),
                if n.subset.is_empty() {
                    "-".to_string()
                } else {
                    n.subset.to_string()
                },
                n.direction.to_string(),
            ),
            None => (c.name.to_string(), "-".into(), "-".into(), "-".into()),
        };
        let dr = c
            .metadata
            .as_ref()
            .and_then(|m| m.istio_config())
            .map(|p| istio_config_ref(&p, "destination-rule"))
            .unwrap_or_default();
        let mut row = vec![fqdn, port, subset, direction, discovery_type(c), dr];
        if let Some(prefix) = kind_prefix {
            row.insert(0, format!("{prefix}{}", c.name));
        }
        if let Some(counts) = wide {
            row.push(e.state.label().to_string());
            row.push(c.lb_policy.as_deref().unwrap_or("ROUND_ROBIN").to_string());
            row.push(c.connect_timeout.as_deref().unwrap_or("5s").to_string());
            row.push(tls_mode(c));
            row.push(counts.describe(c));
        }
        t.row(row);
    }
    t
}

/// The `type` enum name; absent means the default, STATIC (also for `cluster_type` clusters).
fn discovery_type(c: &Cluster) -> String {
    c.discovery_type.as_deref().unwrap_or("STATIC").to_string()
}

/// How the cluster talks to its endpoints: `mTLS` when it presents a certificate, `TLS` when it
/// only verifies, `-` for plaintext; Istio's auto-mTLS socket matches show as `mTLS/plaintext`.
fn tls_mode(c: &Cluster) -> String {
    #[derive(Deserialize, Default)]
    struct Upstream<'a> {
        #[serde(borrow, default, alias = "commonTlsContext")]
        common_tls_context: Option<Common<'a>>,
    }
    #[derive(Deserialize, Default)]
    struct Common<'a> {
        #[serde(borrow, default, alias = "tlsCertificateSdsSecretConfigs")]
        tls_certificate_sds_secret_configs: Vec<&'a RawValue>,
        #[serde(borrow, default, alias = "tlsCertificates")]
        tls_certificates: Vec<&'a RawValue>,
    }
    let describe = |ts: &crate::envoy::resources::TypedExtension| -> String {
        match ts.config_type().as_deref() {
            Some("envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext") => {
                let up: Upstream = ts
                    .typed_config
                    .and_then(|r| serde_json::from_str(r.get()).ok())
                    .unwrap_or_default();
                let presents = up.common_tls_context.is_some_and(|c| {
                    !c.tls_certificate_sds_secret_configs.is_empty()
                        || !c.tls_certificates.is_empty()
                });
                if presents { "mTLS" } else { "TLS" }.to_string()
            }
            Some("envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer") => "-".to_string(),
            _ if ts.name.is_empty() => "-".to_string(),
            _ => ts.name.to_string(),
        }
    };
    if let Some(ts) = &c.transport_socket {
        return describe(ts);
    }
    let modes: Vec<String> = c
        .transport_socket_matches
        .iter()
        .filter_map(|m| m.transport_socket.as_ref().map(|ts| describe(ts)))
        .collect();
    if modes.is_empty() {
        "-".to_string()
    } else {
        let mut uniq: Vec<String> = Vec::new();
        for m in modes {
            if !uniq.contains(&m) {
                uniq.push(m);
            }
        }
        uniq.iter()
            .map(|m| if m == "-" { "plaintext" } else { m.as_str() })
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// Healthy and total endpoint counts per cluster, from the dump's EDS data (present when the
/// dump was taken with `include_eds`) and the clusters' own load assignments.
pub struct EndpointCounts {
    by_cluster: std::collections::HashMap<String, (usize, usize)>,
}

impl EndpointCounts {
    pub fn from_dump(dump: &Dump) -> Result<EndpointCounts> {
        let mut by_cluster = std::collections::HashMap::new();
        if let Some(section) = dump.section(SectionKind::Endpoints) {
            for cla in crate::views::eds::assignments(section)? {
                let e = by_cluster
                    .entry(cla.cluster_name.to_string())
                    .or_insert((0, 0));
                for l in &cla.endpoints {
                    for ep in &l.lb_endpoints {
                        e.1 += 1;
                        if counts_as_healthy(ep.health_status.as_deref()) {
                            e.0 += 1;
                        }
                    }
                }
            }
        }
        Ok(EndpointCounts { by_cluster })
    }

    fn describe(&self, c: &Cluster) -> String {
        if let Some((healthy, total)) = self.by_cluster.get(c.name.as_ref()) {
            return format!("{healthy}/{total}");
        }
        if let Some(la) = &c.load_assignment {
            let eps: Vec<_> = la
                .endpoints
                .iter()
                .flat_map(|l| l.lb_endpoints.iter())
                .collect();
            let healthy = eps
                .iter()
                .filter(|e| counts_as_healthy(e.health_status.as_deref()))
                .count();
            return format!("{healthy}/{}", eps.len());
        }
        "-".to_string()
    }
}

/// Envoy routes to UNKNOWN and HEALTHY hosts (and DEGRADED ones last).
fn counts_as_healthy(status: Option<&str>) -> bool {
    matches!(status, None | Some("UNKNOWN") | Some("HEALTHY"))
}
