//! `pc endpoints`: every host of every cluster with its health, from Envoy's
//! `/clusters?format=json`, where health and outlier state live. Given a config dump instead,
//! the dump's EDS data is used and the outlier column says it is unknown.

use std::borrow::Cow;
use std::fmt;
use std::io::Write;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::config::{EndpointFilter, Format};
use crate::envoy::dump::{parse_raw, RawObject};
use crate::envoy::resources::{Address, Str};
use crate::error::Result;
use crate::render::{self, table::Table, Shape};

#[derive(Deserialize)]
struct Clusters<'a> {
    #[serde(borrow, default, alias = "clusterStatuses")]
    cluster_statuses: Vec<&'a RawValue>,
}

/// A cluster status with its hosts read typed.
#[derive(Deserialize)]
struct ClusterStatus<'a> {
    #[serde(borrow, default)]
    name: Str<'a>,
    #[serde(borrow, default, alias = "hostStatuses")]
    host_statuses: Vec<HostStatus<'a>>,
}

/// A cluster status's hosts as their JSON texts.
#[derive(Deserialize)]
struct HostTexts<'a> {
    #[serde(borrow, default, alias = "hostStatuses")]
    host_statuses: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct HostStatus<'a> {
    #[serde(borrow, default)]
    address: Address<'a>,
    #[serde(borrow, default, alias = "healthStatus")]
    health_status: HealthStatus<'a>,
}

#[derive(Deserialize, Default)]
struct HealthStatus<'a> {
    #[serde(borrow, default, alias = "edsHealthStatus")]
    eds_health_status: Option<Str<'a>>,
    #[serde(default, alias = "failedOutlierCheck")]
    failed_outlier_check: bool,
}

/// One table row, whichever source it came from.
pub struct Row<'a> {
    pub host: Str<'a>,
    pub port: u32,
    pub status: Str<'a>,
    pub outlier: &'static str,
    pub cluster: Str<'a>,
}

impl Row<'_> {
    pub fn endpoint(&self) -> String {
        if self.port == 0 {
            self.host.to_string()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

impl EndpointFilter {
    /// `--address` takes the bare address (istioctl) or `ip:port`.
    pub fn matches(&self, host: &str, port: u32, status: &str, cluster: &str) -> bool {
        self.address.as_ref().is_none_or(|a| {
            a.eq_ignore_ascii_case(host)
                || (port != 0 && a.eq_ignore_ascii_case(&format!("{host}:{port}")))
        }) && self.port.is_none_or(|p| p == port)
            && self
                .cluster
                .as_ref()
                .is_none_or(|c| c.eq_ignore_ascii_case(cluster))
            && self
                .status
                .as_ref()
                .is_none_or(|s| s.eq_ignore_ascii_case(status))
    }
}

pub fn sort_rows(rows: &mut [Row]) {
    rows.sort_by(|a, b| (&a.host, a.port, &a.cluster).cmp(&(&b.host, b.port, &b.cluster)));
}

pub fn table<'r>(rows: &'r [Row]) -> Table<'r> {
    let mut t = Table::new(5).header(&["ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER"]);
    for r in rows {
        t.row([
            Cow::Owned(r.endpoint()),
            r.status.as_ref().into(),
            r.outlier.into(),
            r.cluster.as_ref().into(),
        ]);
    }
    t
}

fn row_of<'a>(h: &HostStatus<'a>, cluster: &Str<'a>) -> Row<'a> {
    let health = &h.health_status;
    Row {
        host: h.address.host(),
        port: h.address.port(),
        status: health
            .eds_health_status
            .clone()
            .unwrap_or(Str::Borrowed("UNKNOWN")),
        outlier: if health.failed_outlier_check {
            "FAILED"
        } else {
            "OK"
        },
        cluster: cluster.clone(),
    }
}

/// The table needs only rows: one pass over the document, each cluster's hosts turned into
/// rows (and dropped when the filter drops them) as soon as they are read, so the typed host
/// list of the whole document never exists.
fn table_of_clusters_json(
    json: &str,
    at: usize,
    filter: &EndpointFilter,
    out: &mut dyn Write,
) -> Result<()> {
    let mut rows = Vec::new();
    let mut de = serde_json::Deserializer::from_str(json);
    RowsSeed {
        filter,
        rows: &mut rows,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end())
    .map_err(|e| crate::input::json_error(json, at, &e))?;
    sort_rows(&mut rows);
    table(&rows).write(out)?;
    Ok(())
}

/// `/clusters?format=json` read straight into filtered rows.
struct RowsSeed<'f, 'r, 'a> {
    filter: &'f EndpointFilter,
    rows: &'r mut Vec<Row<'a>>,
}

impl<'de> DeserializeSeed<'de> for RowsSeed<'_, '_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RowsSeed<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an Envoy /clusters?format=json object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let mut seen = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "cluster_statuses" || key == "clusterStatuses" {
                if std::mem::replace(&mut seen, true) {
                    return Err(serde::de::Error::duplicate_field("cluster_statuses"));
                }
                map.next_value_seed(StatusesSeed {
                    filter: self.filter,
                    rows: &mut *self.rows,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct StatusesSeed<'f, 'r, 'a> {
    filter: &'f EndpointFilter,
    rows: &'r mut Vec<Row<'a>>,
}

impl<'de> DeserializeSeed<'de> for StatusesSeed<'_, '_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for StatusesSeed<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of cluster statuses")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(cs) = seq.next_element::<ClusterStatus>()? {
            for h in &cs.host_statuses {
                let row = row_of(h, &cs.name);
                if self
                    .filter
                    .matches(&row.host, row.port, &row.status, &cs.name)
                {
                    self.rows.push(row);
                }
            }
        }
        Ok(())
    }
}

/// The cluster statuses with the hosts `filter` keeps, in host order, as JSON text. A cluster
/// whose hosts all pass, already in order, is its own text, read typed once; only a cluster
/// the filter changes is read again for its hosts' texts.
fn select_hosts<'a>(
    statuses: &[&'a RawValue],
    filter: &EndpointFilter,
) -> Result<Vec<Cow<'a, str>>> {
    let mut selected = Vec::new();
    for raw in statuses {
        let cs: ClusterStatus = parse_raw(raw, "a cluster status")?;
        let rows: Vec<Row> = cs
            .host_statuses
            .iter()
            .map(|h| row_of(h, &cs.name))
            .collect();
        let keep = |r: &Row| filter.matches(&r.host, r.port, &r.status, &cs.name);
        let in_order = |a: &Row, b: &Row| (&a.host, a.port).cmp(&(&b.host, b.port));
        if rows.iter().all(keep) && rows.is_sorted_by(|a, b| in_order(a, b).is_le()) {
            if !rows.is_empty() {
                selected.push(Cow::Borrowed(raw.get()));
            }
            continue;
        }
        let texts: HostTexts = parse_raw(raw, "a cluster status")?;
        let mut kept: Vec<(&Row, &RawValue)> = rows
            .iter()
            .zip(&texts.host_statuses)
            .filter(|(row, _)| keep(row))
            .map(|(row, text)| (row, *text))
            .collect();
        if kept.is_empty() {
            continue;
        }
        kept.sort_by(|a, b| in_order(a.0, b.0));
        let hosts: Vec<&str> = kept.iter().map(|(_, r)| r.get()).collect();
        let obj: RawObject = parse_raw(raw, "a cluster status")?;
        let json = obj.to_json_with("host_statuses", &format!("[{}]", hosts.join(",")));
        selected.push(Cow::Owned(json));
    }
    Ok(selected)
}

/// Renders `/clusters?format=json` output.
pub fn run_clusters_json(
    json: &str,
    at: usize,
    filter: &EndpointFilter,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    if format.is_table() {
        return table_of_clusters_json(json, at, filter, out);
    }
    let doc: Clusters =
        serde_json::from_str(json).map_err(|e| crate::input::json_error(json, at, &e))?;
    // Cluster statuses are independent: each half of the list is read on its own thread.
    let statuses = &doc.cluster_statuses;
    let (first, second) = statuses.split_at(statuses.len() / 2);
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| select_hosts(second, filter));
        let first = select_hosts(first, filter);
        let second = second.join();
        (
            first,
            second.unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        )
    });
    let mut selected = first?;
    selected.extend(second?);
    let texts: Vec<&str> = selected.iter().map(AsRef::as_ref).collect();
    render::write_list(
        out,
        format,
        Shape::Message("envoy.admin.v3.ClusterStatus"),
        &texts,
    )
}
