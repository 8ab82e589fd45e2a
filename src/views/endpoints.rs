//! `pc endpoints`: every host of every cluster with its health, from Envoy's
//! `/clusters?format=json`, where health and outlier state live. Given a config dump instead,
//! the dump's EDS data is used and the outlier column says it is unknown.

use std::borrow::Cow;
use std::io::Write;

use crate::config::{EndpointFilter, Format};
use crate::envoy::cluster_statuses::{
    host_request_counts, ClusterStatus, HostStatus, StatusReader,
};
use crate::envoy::names::apply_permutation;
use crate::envoy::resources::{owned, EnumValue, Str};
use crate::error::Result;
use crate::render::{self, table::Table, Shape};
use crate::views::equal_fold;

/// One table row, whichever source it came from.
pub struct Row<'a> {
    pub host: Str<'a>,
    pub port: u32,
    pub status: Str<'a>,
    pub outlier: &'static str,
    pub cluster: Str<'a>,
    /// The host's `rq_success` and `rq_error`, for `-o wide`; None where the input has no
    /// per-host counters (a config dump's EDS data).
    pub requests: Option<(u64, u64)>,
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
    /// `--address` takes the bare address (istioctl) or `address:port` (meshctl too);
    /// `--cluster` and `--status` are case-insensitive.
    pub fn matches(&self, host: &str, port: u32, status: &str, cluster: &str) -> bool {
        self.address.as_ref().is_none_or(|a| {
            equal_fold(a, host) || (port != 0 && equal_fold(a, &format!("{host}:{port}")))
        }) && self.port.is_none_or(|p| p as u32 == 0 || p as u32 == port)
            && self.cluster.as_ref().is_none_or(|c| equal_fold(c, cluster))
            && self.status.as_ref().is_none_or(|s| equal_fold(s, status))
    }
}

/// istioctl's row order: `sort.Slice` by address text, then port, then cluster name. Rows whose
/// keys all differ have one sorted order whatever sorts them, so a faster sort orders them; Go's
/// own algorithm is needed only where rows share a key, for the order it leaves those in.
pub fn sort_rows(rows: &mut [Row]) {
    let order = {
        let mut keyed: Vec<((&str, u32, &str), usize)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| ((r.host.as_ref(), r.port, r.cluster.as_ref()), i))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        if keyed.windows(2).any(|pair| pair[0].0 == pair[1].0) {
            None
        } else {
            Some(keyed.into_iter().map(|(_, i)| i).collect::<Vec<usize>>())
        }
    };
    match order {
        Some(order) => apply_permutation(rows, order),
        None => crate::gosort::slice(rows, |a, b| {
            (a.host.as_ref(), a.port, a.cluster.as_ref())
                < (b.host.as_ref(), b.port, b.cluster.as_ref())
        }),
    }
}

/// The table; `wide` adds each host's request counters after istioctl's columns.
pub fn table<'r, 'a: 'r>(rows: impl IntoIterator<Item = &'r Row<'a>>, wide: bool) -> Table<'r> {
    let mut header = vec!["ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER"];
    if wide {
        header.extend(["RQ SUCCESS", "RQ ERROR"]);
    }
    let mut t = Table::new(5).header(&header);
    for r in rows {
        let mut cells = vec![
            Cow::Owned(r.endpoint()),
            r.status.as_ref().into(),
            r.outlier.into(),
            r.cluster.as_ref().into(),
        ];
        if wide {
            let (success, error) = match r.requests {
                Some((s, e)) => (s.to_string(), e.to_string()),
                None => ("-".to_string(), "-".to_string()),
            };
            cells.extend([Cow::Owned(success), Cow::Owned(error)]);
        }
        t.row(cells);
    }
    t
}

fn row_of<'a>(h: &HostStatus<'a>, cluster: &Str<'a>) -> Row<'a> {
    let health = &h.health_status;
    Row {
        host: h.address.host(),
        port: h.address.port(),
        // A number without a name prints as nothing here (the EDS view prints the number).
        status: match &health.eds_health_status {
            None => Str::Borrowed("UNKNOWN"),
            Some(EnumValue::Name(name)) => name.clone(),
            Some(EnumValue::Number(_)) => Str::Borrowed(""),
        },
        outlier: if health.failed_outlier_check {
            "FAILED"
        } else {
            "OK"
        },
        cluster: cluster.clone(),
        requests: None,
    }
}

/// The rows `filter` keeps of one cluster status, owning their strings: the text they come
/// from is released as the reading goes.
fn push_rows(
    cluster: &Str<'_>,
    hosts: &[HostStatus<'_>],
    filter: &EndpointFilter,
    rows: &mut Vec<Row<'static>>,
) {
    for h in hosts {
        let row = row_of(h, cluster);
        if filter.matches(&row.host, row.port, &row.status, cluster) {
            rows.push(Row {
                host: owned(row.host),
                status: owned(row.status),
                cluster: owned(row.cluster),
                ..row
            });
        }
    }
}

/// The rows `filter` keeps of one cluster status, with each host's request counters.
fn wide_rows(
    status: ClusterStatus<'_>,
    filter: &EndpointFilter,
    rows: &mut Vec<Row<'static>>,
) -> Result<()> {
    let texts = status.host_texts()?;
    for (h, text) in status.hosts.iter().zip(texts) {
        let row = row_of(h, &status.name);
        if filter.matches(&row.host, row.port, &row.status, &status.name) {
            rows.push(Row {
                host: owned(row.host),
                status: owned(row.status),
                cluster: owned(row.cluster),
                requests: Some(host_request_counts(text)?),
                ..row
            });
        }
    }
    Ok(())
}

/// A cluster status that has a host the filter keeps, printed whole, as istioctl prints it.
fn select_status<'a>(
    status: ClusterStatus<'a>,
    filter: &EndpointFilter,
    selected: &mut Vec<&'a str>,
) -> Result<()> {
    let keeps = status.hosts.iter().any(|h| {
        let r = row_of(h, &status.name);
        filter.matches(&r.host, r.port, &r.status, &status.name)
    });
    if keeps {
        selected.push(status.text);
    }
    Ok(())
}

/// Renders `/clusters?format=json` output: the table, sorted, or the cluster statuses that
/// keep a host, in their order.
pub fn run_clusters_json(
    statuses: &StatusReader<'_>,
    filter: &EndpointFilter,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    if format == Format::Wide {
        // The hosts' counters are read from each kept host's own text, which the fast
        // reading of the short table skips.
        let mut rows = statuses.select(|status, rows| wide_rows(status, filter, rows))?;
        sort_rows(&mut rows);
        table(&rows, true).write(out)?;
        return Ok(());
    }
    if format.is_table() {
        let parts = statuses.rows(|name, hosts, rows| push_rows(name, hosts, filter, rows))?;
        // One sort over all rows: an unstable sort of two halves merged is another order.
        let mut rows: Vec<Row> = parts.into_iter().flatten().collect();
        sort_rows(&mut rows);
        table(&rows, false).write(out)?;
        return Ok(());
    }
    let selected = statuses.select(|status, selected| select_status(status, filter, selected))?;
    render::write_list_releasing(
        out,
        format,
        Shape::Message("envoy.admin.v3.ClusterStatus"),
        &selected,
        statuses.release(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::input::layout::{items_by_layout, ItemEnds};
    use std::ops::Range;

    fn statuses_by_layout(json: &str) -> Option<Vec<Range<usize>>> {
        items_by_layout(json, "cluster_statuses", &ItemEnds::find(json.as_bytes()))
    }

    fn printed(json: &str, filter: &EndpointFilter, format: Format) -> String {
        let mut out = Vec::new();
        let ends = ItemEnds::find(json.as_bytes());
        run_clusters_json(
            &StatusReader::of_text(json, &ends),
            filter,
            format,
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The fast path and Go's algorithm give the same rows: with distinct keys the sorted order
    /// is unique; with shared keys (here many, beyond Go's 12-element insertion sort) Go's
    /// unstable order is kept, which a stable sort would not give.
    #[test]
    fn rows_sort_as_go_sort_slice_does() {
        let row = |i: usize, hosts: usize| Row {
            host: format!("10.0.{}.{}", (i * 7) % hosts, i % 3).into(),
            port: 80,
            status: format!("S{i}").into(),
            outlier: "OK",
            cluster: "c".into(),
            requests: None,
        };
        let go_order = |rows: &mut Vec<Row>| {
            crate::gosort::slice(rows, |a, b| {
                (a.host.as_ref(), a.port, a.cluster.as_ref())
                    < (b.host.as_ref(), b.port, b.cluster.as_ref())
            })
        };
        let statuses =
            |rows: &[Row]| -> Vec<String> { rows.iter().map(|r| r.status.to_string()).collect() };
        for hosts in [1000, 4] {
            let mut ours: Vec<Row> = (0..40).map(|i| row(i, hosts)).collect();
            let mut go: Vec<Row> = (0..40).map(|i| row(i, hosts)).collect();
            sort_rows(&mut ours);
            go_order(&mut go);
            assert_eq!(statuses(&ours), statuses(&go), "{hosts} hosts");
        }
        let mut stable: Vec<Row> = (0..40).map(|i| row(i, 4)).collect();
        stable.sort_by(|a, b| (&a.host, a.port).cmp(&(&b.host, b.port)));
        let mut ours: Vec<Row> = (0..40).map(|i| row(i, 4)).collect();
        sort_rows(&mut ours);
        assert_ne!(
            statuses(&ours),
            statuses(&stable),
            "shared keys keep Go's order"
        );
    }

    fn table_text(json: &str, filter: &EndpointFilter) -> String {
        printed(json, filter, Format::Short)
    }

    fn json_text(json: &str, filter: &EndpointFilter) -> String {
        printed(json, filter, Format::Json)
    }

    /// istioctl prints each cluster status that has a host the filter keeps whole, hosts in
    /// Envoy's order, statuses in input order.
    #[test]
    fn statuses_print_whole_in_input_order() {
        let json = crate::fixture_text("web-frontend", "clusters.json");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let statuses = value["cluster_statuses"].as_array().unwrap();
        let printed = |filter: &EndpointFilter| -> serde_json::Value {
            serde_json::from_str(&json_text(&json, filter)).unwrap()
        };
        // Unfiltered: the statuses that have hosts, as they are.
        let with_hosts: Vec<&serde_json::Value> = statuses
            .iter()
            .filter(|s| s["host_statuses"].as_array().is_some_and(|h| !h.is_empty()))
            .collect();
        let all = printed(&EndpointFilter::default());
        let all: Vec<&serde_json::Value> = all.as_array().unwrap().iter().collect();
        assert_eq!(all.len(), with_hosts.len());
        for (seen, want) in all.iter().zip(&with_hosts) {
            assert_eq!(seen["name"], want["name"]);
            assert_eq!(
                seen["hostStatuses"].as_array().map(Vec::len),
                want["host_statuses"].as_array().map(Vec::len)
            );
        }
        // A status filter keeps a status with one unhealthy host whole, healthy hosts too.
        let unhealthy = printed(&EndpointFilter {
            status: Some("unhealthy".into()),
            ..Default::default()
        });
        let unhealthy = unhealthy.as_array().unwrap();
        assert!(!unhealthy.is_empty());
        for status in unhealthy {
            let hosts = status["hostStatuses"].as_array().unwrap();
            let name = status["name"].as_str().unwrap();
            let original = statuses.iter().find(|s| s["name"] == name).unwrap();
            assert_eq!(
                hosts.len(),
                original["host_statuses"].as_array().unwrap().len()
            );
        }
    }

    /// Printing a mapped file's statuses gives their memory back as they are printed, and
    /// prints what the same text in memory prints.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_mapped_files_statuses_are_given_back_as_they_are_printed() {
        let json = crate::fixture_text("web-frontend", "clusters.json");
        let statuses: Vec<&str> = statuses_by_layout(&json)
            .unwrap()
            .into_iter()
            .map(|r| &json[r])
            .collect();
        // Over 8 MB in Envoy's layout, so that several parts are printed on two threads.
        let mut big = String::from("{\n \"cluster_statuses\": [\n  ");
        while big.len() < 9 << 20 {
            big.push_str(&statuses.join(",\n  "));
            big.push_str(",\n  ");
        }
        big.push_str(statuses[0]);
        big.push_str("\n ]\n}\n");
        let mut file = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut file, big.as_bytes()).unwrap();
        let doc = crate::input::Document::read(file.path()).unwrap();
        let text = doc.json();
        let start = text.as_ptr() as usize;
        assert!(crate::resident_kb(start) * 1024 >= big.len() - 4096);
        let all = EndpointFilter::default();
        let mut printed = Vec::new();
        run_clusters_json(&StatusReader::new(&doc), &all, Format::Json, &mut printed).unwrap();
        let resident = crate::resident_kb(start);
        assert!(resident <= 256, "{resident} KB still resident");
        assert!(printed == json_text(&big, &all).into_bytes());
    }

    /// Envoy's layout is read in two halves on two threads; the same document laid out
    /// otherwise is read in one pass. The tables are the same.
    #[test]
    fn clusters_json_in_envoys_layout_or_not_gives_one_table() {
        let json = crate::fixture_text("web-frontend", "clusters.json");
        assert!(statuses_by_layout(&json).is_some_and(|p| p.len() > 10));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(statuses_by_layout(&compact), None);
        for filter in [
            EndpointFilter::default(),
            EndpointFilter {
                status: Some("healthy".into()),
                ..Default::default()
            },
        ] {
            let table = table_text(&json, &filter);
            assert!(table.lines().count() > 3, "{table}");
            assert_eq!(table, table_text(&compact, &filter));
        }
    }
}
