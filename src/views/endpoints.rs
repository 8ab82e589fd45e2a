//! `pc endpoints`: every host of every cluster with its health, from Envoy's
//! `/clusters?format=json`, where health and outlier state live. Given a config dump instead,
//! the dump's EDS data is used and the outlier column says it is unknown.

use std::borrow::Cow;
use std::io::Write;

use crate::config::{EndpointFilter, Format};
use crate::envoy::cluster_statuses::{ClusterStatus, HostStatus, StatusReader};
use crate::envoy::resources::{owned, Str};
use crate::error::Result;
use crate::render::{self, table::Table, ListItem, Shape};

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

fn row_order(a: &Row, b: &Row) -> std::cmp::Ordering {
    (&a.host, a.port, &a.cluster).cmp(&(&b.host, b.port, &b.cluster))
}

pub fn sort_rows(rows: &mut [Row]) {
    rows.sort_by(row_order);
}

/// Rows of two sorted lists in order, `first`'s before `second`'s when equal: what sorting
/// the two as one list gives, without the copy that joins them.
fn merged<'r, 'a>(
    first: &'r [Row<'a>],
    second: &'r [Row<'a>],
) -> impl Iterator<Item = &'r Row<'a>> {
    let (mut first, mut second) = (first.iter().peekable(), second.iter().peekable());
    std::iter::from_fn(move || match (first.peek(), second.peek()) {
        (Some(a), Some(b)) if row_order(b, a).is_lt() => second.next(),
        (Some(_), _) => first.next(),
        (None, _) => second.next(),
    })
}

pub fn table<'r, 'a: 'r>(rows: impl IntoIterator<Item = &'r Row<'a>>) -> Table<'r> {
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

/// A cluster status as it is printed: its own text, or its text with a new host list.
enum Selected<'a> {
    Whole(&'a str),
    /// The status's text before its first host and after its last, and the texts of the
    /// hosts kept, in host order: the status's text is made again as it is printed, so the
    /// changed statuses of a big file are never all held at once.
    Hosts {
        before: &'a str,
        hosts: Vec<&'a str>,
        after: &'a str,
    },
}

impl ListItem for Selected<'_> {
    fn size(&self) -> usize {
        match self {
            Selected::Whole(text) => text.len(),
            Selected::Hosts {
                before,
                hosts,
                after,
            } => before.len() + hosts.iter().map(|h| h.len() + 1).sum::<usize>() + after.len(),
        }
    }

    fn text(&self) -> Cow<'_, str> {
        match self {
            Selected::Whole(text) => Cow::Borrowed(text),
            Selected::Hosts {
                before,
                hosts,
                after,
            } => {
                let mut text = String::with_capacity(self.size());
                text.push_str(before);
                for (i, host) in hosts.iter().enumerate() {
                    if i > 0 {
                        text.push(',');
                    }
                    text.push_str(host);
                }
                text.push_str(after);
                Cow::Owned(text)
            }
        }
    }

    fn last_text(&self) -> &str {
        match self {
            Selected::Whole(text) => text,
            Selected::Hosts { after, .. } => after,
        }
    }
}

/// A cluster status with the hosts `filter` keeps, in host order. A cluster whose hosts all
/// pass, already in order, is its own text; one the filter changes is cut around its hosts'
/// texts.
fn select_hosts<'a>(
    status: ClusterStatus<'a>,
    filter: &EndpointFilter,
    selected: &mut Vec<Selected<'a>>,
) -> Result<()> {
    let raw = status.text;
    let rows: Vec<Row> = status
        .hosts
        .iter()
        .map(|h| row_of(h, &status.name))
        .collect();
    let keep = |r: &Row| filter.matches(&r.host, r.port, &r.status, &status.name);
    let in_order = |a: &Row, b: &Row| (&a.host, a.port).cmp(&(&b.host, b.port));
    if rows.iter().all(keep) && rows.is_sorted_by(|a, b| in_order(a, b).is_le()) {
        if !rows.is_empty() {
            selected.push(Selected::Whole(raw));
        }
        return Ok(());
    }
    let texts = status.host_texts()?;
    let mut kept: Vec<(&Row, &str)> = rows
        .iter()
        .zip(&texts)
        .filter(|(row, _)| keep(row))
        .map(|(row, text)| (row, *text))
        .collect();
    if kept.is_empty() {
        return Ok(());
    }
    kept.sort_by(|a, b| in_order(a.0, b.0));
    // Both read from `raw`, the first and last hosts' texts give where the list starts and
    // ends in it.
    let offset = |host: &str| host.as_ptr() as usize - raw.as_ptr() as usize;
    let (first, last) = (texts[0], texts[texts.len() - 1]);
    selected.push(Selected::Hosts {
        before: &raw[..offset(first)],
        hosts: kept.iter().map(|(_, text)| *text).collect(),
        after: &raw[offset(last) + last.len()..],
    });
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
    if format.is_table() {
        let parts = statuses.rows(
            |name, hosts, rows| push_rows(name, hosts, filter, rows),
            |rows| sort_rows(rows),
        )?;
        return match &parts[..] {
            [first, second] => table(merged(first, second)).write(out),
            parts => table(parts.iter().flatten()).write(out),
        }
        .map_err(Into::into);
    }
    let selected = statuses.select(|status, selected| select_hosts(status, filter, selected))?;
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

    fn table_text(json: &str, filter: &EndpointFilter) -> String {
        printed(json, filter, Format::Short)
    }

    #[test]
    fn merged_halves_are_the_sorted_whole_and_keep_the_first_halfs_rows_first_on_ties() {
        let row = |host: &'static str, port, status: &'static str| Row {
            host: host.into(),
            port,
            status: status.into(),
            outlier: "OK",
            cluster: "c".into(),
        };
        let mut first = vec![row("10.0.0.2", 80, "A"), row("10.0.0.1", 80, "A")];
        let mut second = vec![row("10.0.0.1", 80, "B"), row("10.0.0.3", 80, "B")];
        let mut whole: Vec<Row> = first.iter().chain(&second).map(|r| row_copy(r)).collect();
        sort_rows(&mut first);
        sort_rows(&mut second);
        sort_rows(&mut whole);
        let seen: Vec<(String, &str)> = merged(&first, &second)
            .map(|r| (r.endpoint(), r.status.as_ref()))
            .collect();
        let expected: Vec<(String, &str)> = whole
            .iter()
            .map(|r| (r.endpoint(), r.status.as_ref()))
            .collect();
        assert_eq!(seen, expected);
        assert_eq!(seen[0], ("10.0.0.1:80".to_string(), "A"));
    }

    fn row_copy<'a>(r: &Row<'a>) -> Row<'a> {
        Row {
            host: r.host.clone(),
            port: r.port,
            status: r.status.clone(),
            outlier: r.outlier,
            cluster: r.cluster.clone(),
        }
    }

    fn json_text(json: &str, filter: &EndpointFilter) -> String {
        printed(json, filter, Format::Json)
    }

    /// A status whose hosts are out of order, or partly filtered out, is printed made anew
    /// from its text around its hosts and the hosts kept: the same JSON whatever order Envoy
    /// listed them in.
    #[test]
    fn hosts_print_in_host_order_whatever_order_envoy_gave() {
        let json = crate::fixture_text("web-frontend", "clusters.json");
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut reversed = 0;
        for status in value["cluster_statuses"].as_array_mut().unwrap() {
            if let Some(hosts) = status
                .get_mut("host_statuses")
                .and_then(|h| h.as_array_mut())
            {
                reversed += usize::from(hosts.len() > 1);
                hosts.reverse();
            }
        }
        assert!(reversed > 1, "the fixture has clusters of several hosts");
        let shuffled = serde_json::to_string_pretty(&value).unwrap();
        assert_ne!(shuffled, json);
        // Keys are reordered by the rewrite, so the printed lists are compared as values.
        let printed = |json: &str, filter: &EndpointFilter| -> serde_json::Value {
            serde_json::from_str(&json_text(json, filter)).unwrap()
        };
        let all = EndpointFilter::default();
        let healthy = EndpointFilter {
            status: Some("healthy".into()),
            ..Default::default()
        };
        for filter in [&all, &healthy] {
            assert!(printed(&shuffled, filter) == printed(&json, filter));
        }
        assert!(printed(&json, &healthy) != printed(&json, &all));
        // The reversed clusters were printed made anew, the others as they were.
        let ends = ItemEnds::find(shuffled.as_bytes());
        let selected = StatusReader::of_text(&shuffled, &ends)
            .select(|status, selected| select_hosts(status, &all, selected))
            .unwrap();
        let made_anew = selected
            .iter()
            .filter(|s| matches!(s, Selected::Hosts { .. }));
        assert_eq!(made_anew.count(), reversed);
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
