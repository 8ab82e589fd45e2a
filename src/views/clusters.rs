//! `pc clusters`: istioctl's cluster table, `-o wide` extras, JSON of the selected clusters.

use std::io::Write;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::config::{ClusterFilter, Format};
use crate::envoy::dump::{Dump, Resource, ResourceReader, SectionKind};
use crate::envoy::names::{sort_by_cluster_name, ClusterName, Naming};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{
    is_assignment, istio_config_of, owned, Cluster, ClusterLoadAssignment, Str,
};
use crate::envoy::stats::{cluster_stat_name, Stats};
use crate::error::{Error, Result};
use crate::render::{self, table::Table, Shape};
use crate::views::{eds, Counters, LiveContext, State};

/// One cluster of the dump as its table row shows it, made as the cluster is read. Entries own
/// their strings, so the section's pages can be released as soon as it is read.
pub struct Entry {
    name: Str<'static>,
    state: State,
    /// SERVICE FQDN, PORT, SUBSET, DIRECTION, TYPE, DESTINATION RULE; with `-o wide` also STATE,
    /// LB POLICY, CONNECT TIMEOUT, TLS. None for a cluster the filter drops: istioctl filters
    /// after sorting, and an unstable sort's order depends on every element.
    cells: Option<Vec<String>>,
    /// Healthy and total hosts of the cluster's own load assignment, for `-o wide`'s ENDPOINTS
    /// when the dump has no EDS data for it.
    assigned: Option<(usize, usize)>,
    /// The name its stats go by, for `-o wide`'s counters.
    stat_name: Option<String>,
}

static LISTS: [&str; 3] = [
    "dynamic_active_clusters",
    "static_clusters",
    "dynamic_warming_clusters",
];
static STATES: [State; 3] = [State::Active, State::Static, State::Warming];

/// Reads, while the dump is parsed, every cluster, and the rows of those `filter` keeps: active
/// ones, then static ones, as istioctl lists them, and for `wide` warming ones too, with the
/// wide columns.
#[allow(clippy::type_complexity)]
pub fn reader<'de, 'f>(
    filter: &'f ClusterFilter,
    wide: bool,
) -> ResourceReader<
    'de,
    Cluster<'de>,
    Entry,
    impl FnMut(Resource<'de, Cluster<'de>>) -> Option<Entry> + 'f,
> {
    let lists = if wide { &LISTS[..] } else { &LISTS[..2] };
    ResourceReader::new(
        SectionKind::Clusters,
        lists,
        false,
        move |r: Resource<'de, Cluster<'de>>| {
            Some(entry(
                &r.value,
                STATES[r.list],
                wide,
                filter.matches(&r.value.name),
            ))
        },
    )
    .owning(true)
}

/// The clusters the filter keeps, in istioctl's order: all sorted, then filtered. An error when
/// the dump has no cluster section, or no clusters at all, filter or not.
pub fn sorted(dump: &Dump<'_>, read: Vec<Entry>) -> Result<Vec<Entry>> {
    dump.require(SectionKind::Clusters)?;
    if !read.iter().any(|e| e.state.shown_by_istioctl()) {
        return Err(Error::input("no clusters found"));
    }
    let mut all = sort_by_cluster_name(read, |e| &e.name);
    all.retain(|e| e.cells.is_some());
    Ok(all)
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

pub fn run(
    src: &DumpReader,
    filter: &ClusterFilter,
    format: Format,
    live: &LiveContext,
    out: &mut dyn Write,
) -> Result<()> {
    if !format.is_table() {
        let texts = json_texts(src, filter)?;
        return render::write_list(out, format, Shape::Packed, &texts);
    }
    let wide = format == Format::Wide;
    // Endpoint counts come from the EDS section, which only `-o wide` asks for.
    let mut clusters = reader(filter, wide);
    let mut counts = EndpointCounts::reader(wide);
    let dump = src.dump_split(&mut clusters, &mut counts)?;
    let entries = sorted(&dump, clusters.finish())?;
    let naming = live.naming(&dump)?;
    let health = wide.then(|| EndpointCounts::new(counts.finish()));
    let counters = wide.then_some(&live.counters);
    table(entries, None, naming, health.as_ref(), counters).write(out)?;
    Ok(())
}

/// The JSON texts of the clusters `filter` keeps, in istioctl's order. Only the name is read,
/// from each cluster's text: the rest is printed from the text, never held as a tree.
fn json_texts<'a>(src: &DumpReader<'a>, filter: &ClusterFilter) -> Result<Vec<&'a str>> {
    let lists = &LISTS[..2];
    let (dump, read) = src.leading_texts(SectionKind::Clusters, lists, "name", |_| true)?;
    dump.require(SectionKind::Clusters)?;
    let Some(read) = read else {
        // Reading the clusters typed says where the name that is not a string is.
        src.dump(&mut reader(filter, false))?;
        return Err(Error::malformed(
            "config dump: a cluster's name is not a string",
        ));
    };
    // Sorted first, then filtered, as the table is.
    let all = sort_by_cluster_name(read, |(name, _)| name);
    Ok(all
        .into_iter()
        .filter(|(name, _)| filter.matches(name))
        .map(|(_, raw)| raw)
        .collect())
}

/// The cluster table; `kind_prefix` adds `all`'s leading NAME column, `naming` says how names
/// are split, `wide` adds the wide columns (entries read for `wide`), `counters` the live
/// counters after them.
pub fn table(
    entries: Vec<Entry>,
    kind_prefix: Option<&str>,
    naming: Naming,
    wide: Option<&EndpointCounts>,
    counters: Option<&Counters>,
) -> Table<'static> {
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
    if counters.is_some() {
        header.extend(["RQ TOTAL", "RQ 5XX", "CX ACTIVE", "HEALTH"]);
    }
    let mut t = Table::new(5).header(&header);
    for e in entries {
        let Some(mut row) = e.cells else { continue };
        if naming == Naming::Other && ClusterName::parse(&e.name).is_some() {
            // Split the Istio way, another control plane's name with four `|` parts could
            // show an empty FQDN: it is shown whole instead.
            row.splice(
                0..4,
                [e.name.to_string(), "-".into(), "-".into(), "-".into()],
            );
        }
        if let Some(prefix) = kind_prefix {
            // `all` names every cluster, also in SERVICE FQDN when the name has no Istio parts;
            // a cluster without a name gets no NAME cell at all, as in istioctl.
            if !e.name.is_empty() {
                if naming == Naming::Other || ClusterName::parse(&e.name).is_none() {
                    row[0] = format!("{prefix}{}", e.name);
                }
                row.insert(0, format!("{prefix}{}", e.name));
            }
        }
        if let Some(counts) = wide {
            row.push(counts.describe(&e.name, e.assigned));
        }
        if let Some(counters) = counters {
            let stat_name = e.stat_name.as_deref().unwrap_or(&e.name);
            // Envoy makes response-class counters (`upstream_rq_5xx`) on first use: of a
            // cluster it reports, a counter it lacks is 0.
            let reported = |s: &Stats| s.cluster(stat_name, "upstream_rq_total").is_some();
            for stat in ["upstream_rq_total", "upstream_rq_5xx", "upstream_cx_active"] {
                row.push(counters.cell(|s| {
                    s.cluster(stat_name, stat)
                        .or_else(|| reported(s).then_some(0))
                }));
            }
            row.push(match &counters.stats {
                Some(stats) => health(stats, stat_name),
                None => "-".to_string(),
            });
        }
        t.row(row);
    }
    t
}

/// A cluster's entry: its row's cells but the ENDPOINTS count, which needs the EDS section;
/// only the name when the filter does not `keep` it.
fn entry(c: &Cluster, state: State, wide: bool, keep: bool) -> Entry {
    if !keep {
        return Entry {
            name: owned(c.name.clone()),
            state,
            cells: None,
            assigned: None,
            stat_name: None,
        };
    }
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
    let dr = istio_config_of(c.metadata.as_ref());
    let mut cells = vec![fqdn, port, subset, direction, discovery_type(c), dr];
    let mut assigned = None;
    let mut stat_name = None;
    if wide {
        stat_name = Some(cluster_stat_name(&c.name, c.alt_stat_name.as_deref()));
        cells.push(state.label().to_string());
        cells.push(c.lb_policy.as_deref().unwrap_or("ROUND_ROBIN").to_string());
        cells.push(c.connect_timeout.as_deref().unwrap_or("5s").to_string());
        cells.push(tls_mode(c));
        assigned = c.load_assignment.as_ref().map(|la| {
            let eps = la.endpoints.iter().flat_map(|l| &l.lb_endpoints);
            let healthy = eps
                .clone()
                .filter(|e| counts_as_healthy(&e.status()))
                .count();
            (healthy, eps.count())
        });
    }
    Entry {
        name: owned(c.name.clone()),
        state,
        cells: Some(cells),
        assigned,
        stat_name,
    }
}

/// HEALTH: what Envoy's membership gauges say of the cluster's hosts right now: `ok` when all
/// are healthy, else how many are `unhealthy`, `degraded` and `ejected` by outlier detection;
/// `no hosts` for none; `-` when Envoy reported no membership for it.
fn health(stats: &Stats, stat_name: &str) -> String {
    let get = |stat| stats.cluster(stat_name, stat);
    let (Some(healthy), Some(total)) = (get("membership_healthy"), get("membership_total")) else {
        return "-".to_string();
    };
    let degraded = get("membership_degraded").unwrap_or(0);
    let ejected = get("outlier_detection.ejections_active").unwrap_or(0);
    let unhealthy = total.saturating_sub(healthy + degraded);
    let flags: Vec<String> = [
        ("unhealthy", unhealthy),
        ("degraded", degraded),
        ("ejected", ejected),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(flag, n)| format!("{flag}:{n}"))
    .collect();
    match (flags.is_empty(), total) {
        (true, 0) => "no hosts".to_string(),
        (true, _) => "ok".to_string(),
        (false, _) => flags.join(","),
    }
}

/// The `type` enum name (a number without a name as the number); STATIC when absent, the
/// default, and for `cluster_type` clusters.
fn discovery_type(c: &Cluster) -> String {
    match (&c.discovery_type, &c.cluster_type) {
        (Some(t), None) => t.text().into_owned(),
        _ => "STATIC".to_string(),
    }
}

/// How the cluster talks to its endpoints: `mTLS` when it presents a certificate, `TLS` when it
/// only verifies, `-` for plaintext; Istio's auto-mTLS socket matches show as `mTLS/plaintext`.
fn tls_mode(c: &Cluster) -> String {
    #[derive(Deserialize, Default)]
    struct Upstream<'a> {
        #[serde(borrow, default)]
        common_tls_context: Option<Common<'a>>,
    }
    #[derive(Deserialize, Default)]
    struct Common<'a> {
        #[serde(borrow, default)]
        tls_certificate_sds_secret_configs: Vec<&'a RawValue>,
        #[serde(borrow, default)]
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
        .filter_map(|m| m.transport_socket.as_ref().map(&describe))
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
/// dump was taken with `include_eds`), else the clusters' own load assignments.
pub struct EndpointCounts {
    by_cluster: std::collections::HashMap<String, (usize, usize)>,
}

/// Healthy and total endpoints of one load assignment.
type Counted<'a> = (Str<'a>, (usize, usize));

impl EndpointCounts {
    /// Reads the counts of each load assignment while the dump is parsed, when `wanted`.
    #[allow(clippy::type_complexity)]
    pub fn reader<'de>(
        wanted: bool,
    ) -> ResourceReader<
        'de,
        ClusterLoadAssignment<'de>,
        Counted<'de>,
        impl FnMut(Resource<'de, ClusterLoadAssignment<'de>>) -> Option<Counted<'de>>,
    > {
        let lists = if wanted { &eds::LISTS[..] } else { &[] };
        ResourceReader::new(
            SectionKind::Endpoints,
            lists,
            false,
            |r: Resource<'de, ClusterLoadAssignment<'de>>| {
                let cla = r.value;
                if !is_assignment(cla.type_url.as_deref()) {
                    return None;
                }
                let mut counts = (0, 0);
                for ep in cla.endpoints.iter().flat_map(|l| &l.lb_endpoints) {
                    counts.1 += 1;
                    if counts_as_healthy(&ep.status()) {
                        counts.0 += 1;
                    }
                }
                Some((cla.cluster_name, counts))
            },
        )
    }

    pub fn new(counted: Vec<Counted>) -> EndpointCounts {
        let mut by_cluster = std::collections::HashMap::new();
        for (name, (healthy, total)) in counted {
            let e = by_cluster.entry(name.into_owned()).or_insert((0, 0));
            e.0 += healthy;
            e.1 += total;
        }
        EndpointCounts { by_cluster }
    }

    /// ENDPOINTS of the cluster `name`: from the EDS data, else from its own load assignment.
    fn describe(&self, name: &str, assigned: Option<(usize, usize)>) -> String {
        match self.by_cluster.get(name).copied().or(assigned) {
            Some((healthy, total)) => format!("{healthy}/{total}"),
            None => "-".to_string(),
        }
    }
}

/// Envoy routes to UNKNOWN and HEALTHY hosts (and DEGRADED ones last).
fn counts_as_healthy(status: &str) -> bool {
    matches!(status, "UNKNOWN" | "HEALTHY")
}
