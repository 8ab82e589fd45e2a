//! `pc endpoints`: every host of every cluster with its health, from Envoy's
//! `/clusters?format=json`, where health and outlier state live. Given a config dump instead,
//! the dump's EDS data is used and the outlier column says it is unknown.

use std::borrow::Cow;
use std::fmt;
use std::io::Write;
use std::ops::Range;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::config::{EndpointFilter, Format};
use crate::envoy::dump::parse_text;
use crate::envoy::resources::{owned, Address, InternalAddress, Pipe, SocketAddress, Str};
use crate::error::Result;
use crate::input::layout::{items_by_layout, ItemEnds};
use crate::memory::Release;
use crate::render::{self, table::Table, ListItem, Shape};
use envoy_schema::{Picker, Skipped};

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

/// The table needs only rows: one pass over the document, each cluster's hosts turned into
/// rows (and dropped when the filter drops them) as soon as they are read, so the typed host
/// list of the whole document never exists.
fn table_of_clusters_json(
    json: &str,
    at: usize,
    ends: &ItemEnds,
    filter: &EndpointFilter,
    out: &mut dyn Write,
    release: Release<'_>,
) -> Result<()> {
    // In Envoy's layout the cluster statuses are found without parsing, and read and sorted
    // as two halves on two threads, merged as the table is made; any doubt takes the one pass
    // below, which says where it failed.
    let sorted_half = |half: &[Range<usize>]| -> Result<Vec<Row<'static>>> {
        let mut rows = rows_of(json, half, filter, release)?;
        sort_rows(&mut rows);
        Ok(rows)
    };
    if let Some(pieces) = items_by_layout(json, "cluster_statuses", ends) {
        if let (Ok(first), Ok(second)) = on_two_halves(&pieces, sorted_half) {
            table(merged(&first, &second)).write(out)?;
            return Ok(());
        }
    }
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

/// The rows `filter` keeps of the cluster statuses at `statuses` in `json`, read in order; the
/// rows own their strings, so the text read is given back as the reading goes.
fn rows_of(
    json: &str,
    statuses: &[Range<usize>],
    filter: &EndpointFilter,
    release: Release<'_>,
) -> Result<Vec<Row<'static>>> {
    let mut rows = Vec::new();
    let Some(first) = statuses.first() else {
        return Ok(rows);
    };
    let mut read = release.in_steps(&json[first.clone()], GIVE_BACK_EVERY);
    let mut repeats = Repeats::default();
    for range in statuses {
        let text = &json[range.clone()];
        let status = read_status(text, &mut repeats)?;
        push_rows(&status.name, &status.hosts, filter, &mut rows);
        read.done_through(text, false);
    }
    Ok(rows)
}

/// Bytes of read text given back at a time: each call costs a flush of both threads' TLBs.
const GIVE_BACK_EVERY: usize = 2 << 20;

/// The rows of one cluster status that `filter` keeps, owning their strings.
fn push_rows<'a>(
    cluster: &Str<'a>,
    hosts: &[HostStatus<'a>],
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

/// `work` on the two halves of `items`, on two threads: the first half's result, then the
/// second's.
fn on_two_halves<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> R + Sync) -> (R, R) {
    let (first, second) = items.split_at(items.len() / 2);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| work(second));
        let first = work(first);
        let second = second.join();
        (
            first,
            second.unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        )
    })
}

/// `/clusters?format=json` read straight into filtered rows.
struct RowsSeed<'f, 'r> {
    filter: &'f EndpointFilter,
    rows: &'r mut Vec<Row<'static>>,
}

impl<'de> DeserializeSeed<'de> for RowsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RowsSeed<'_, '_> {
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

struct StatusesSeed<'f, 'r> {
    filter: &'f EndpointFilter,
    rows: &'r mut Vec<Row<'static>>,
}

impl<'de> DeserializeSeed<'de> for StatusesSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for StatusesSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of cluster statuses")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(cs) = seq.next_element::<ClusterStatus>()? {
            push_rows(&cs.name, &cs.host_statuses, self.filter, self.rows);
        }
        Ok(())
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

/// A cluster status's name and hosts, and the hosts' texts when picking gave them.
struct StatusRead<'a> {
    name: Str<'a>,
    hosts: Vec<HostStatus<'a>>,
    texts: Option<Vec<&'a str>>,
}

/// What statuses repeat, status after status and host after host, of what picking skips: in a
/// big mesh most hosts are idle, and their stats are the same zeros.
#[derive(Default)]
struct Repeats<'a> {
    circuit_breakers: Skipped<'a>,
    stats: Skipped<'a>,
    locality: Skipped<'a>,
}

/// Reads a cluster status once: picked (see `pick_status`), or typed when picking declines.
fn read_status<'a>(text: &'a str, repeats: &mut Repeats<'a>) -> Result<StatusRead<'a>> {
    if let Some(read) = pick_status(text, repeats) {
        return Ok(read);
    }
    let cs: ClusterStatus = parse_text(text, "a cluster status")?;
    Ok(StatusRead {
        name: cs.name,
        hosts: cs.host_statuses,
        texts: None,
    })
}

/// A cluster status's name and hosts, with each host's text, in one pass at the speed of
/// skipping JSON (a typed read of a host costs half as much again as skipping it). The fields
/// are those of `ClusterStatus` and `HostStatus`; whatever the typed read could take
/// otherwise (a camelCase field, a null, a field given twice) declines, and the typed read
/// then reads it or says what is wrong.
fn pick_status<'a>(text: &'a str, repeats: &mut Repeats<'a>) -> Option<StatusRead<'a>> {
    let (mut name, mut hosts) = (None, None);
    Picker::whole(text, |p| {
        p.object(|p, key| match key {
            "name" => once(&mut name, p.string()?),
            "host_statuses" => {
                let (mut read, mut texts) = (Vec::new(), Vec::new());
                p.array(|p| {
                    let (host, text) = p.spanned(|p| pick_host(p, repeats))?;
                    read.push(host);
                    texts.push(text);
                    Some(())
                })?;
                once(&mut hosts, (read, texts))
            }
            "hostStatuses" => None,
            "circuit_breakers" => p.skip_repeat(&mut repeats.circuit_breakers),
            _ => p.skip(),
        })
    })?;
    let (hosts, texts) = hosts.unwrap_or_default();
    Some(StatusRead {
        name: name.unwrap_or_default(),
        hosts,
        texts: Some(texts),
    })
}

fn pick_host<'a>(p: &mut Picker<'a>, repeats: &mut Repeats<'a>) -> Option<HostStatus<'a>> {
    let (mut address, mut health_status) = (None, None);
    p.object(|p, key| match key {
        "address" => once(&mut address, pick_address(p)?),
        "health_status" => once(&mut health_status, pick_health(p)?),
        "healthStatus" => None,
        "stats" => p.skip_repeat(&mut repeats.stats),
        "locality" => p.skip_repeat(&mut repeats.locality),
        _ => p.skip(),
    })?;
    Some(HostStatus {
        address: address.unwrap_or_default(),
        health_status: health_status.unwrap_or_default(),
    })
}

fn pick_address<'a>(p: &mut Picker<'a>) -> Option<Address<'a>> {
    let mut address = Address::default();
    p.object(|p, key| match key {
        "socket_address" => {
            let (mut host, mut port) = (None, None);
            p.object(|p, key| match key {
                "address" => once(&mut host, p.string()?),
                "port_value" => once(&mut port, u32::try_from(p.unsigned()?).ok()?),
                "portValue" => None,
                _ => p.skip(),
            })?;
            let socket = SocketAddress {
                address: host.unwrap_or_default(),
                port_value: port.unwrap_or_default(),
            };
            once(&mut address.socket_address, socket)
        }
        "pipe" => {
            let mut path = None;
            p.object(|p, key| match key {
                "path" => once(&mut path, p.string()?),
                _ => p.skip(),
            })?;
            let path = path.unwrap_or_default();
            once(&mut address.pipe, Pipe { path })
        }
        "envoy_internal_address" => {
            let (mut listener, mut id) = (None, None);
            p.object(|p, key| match key {
                "server_listener_name" => once(&mut listener, p.string()?),
                "endpoint_id" => once(&mut id, p.string()?),
                "serverListenerName" | "endpointId" => None,
                _ => p.skip(),
            })?;
            let internal = InternalAddress {
                server_listener_name: listener.unwrap_or_default(),
                endpoint_id: id.unwrap_or_default(),
            };
            once(&mut address.envoy_internal_address, internal)
        }
        "socketAddress" | "envoyInternalAddress" => None,
        _ => p.skip(),
    })?;
    Some(address)
}

fn pick_health<'a>(p: &mut Picker<'a>) -> Option<HealthStatus<'a>> {
    let (mut eds, mut failed) = (None, None);
    p.object(|p, key| match key {
        "eds_health_status" => once(&mut eds, p.string()?),
        "failed_outlier_check" => once(&mut failed, p.bool()?),
        "edsHealthStatus" | "failedOutlierCheck" => None,
        _ => p.skip(),
    })?;
    Some(HealthStatus {
        eds_health_status: eds,
        failed_outlier_check: failed.unwrap_or_default(),
    })
}

/// Fills `slot` with a field's value; a field given twice declines (the typed read refuses it).
fn once<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    slot.is_none().then(|| *slot = Some(value))
}

/// The cluster statuses with the hosts `filter` keeps, in host order. A cluster whose hosts
/// all pass, already in order, is its own text; one the filter changes is cut around its
/// hosts' texts, which only a status that picking declined is read again for.
fn select_hosts<'a>(statuses: &[&'a str], filter: &EndpointFilter) -> Result<Vec<Selected<'a>>> {
    let mut selected = Vec::new();
    let mut repeats = Repeats::default();
    for &raw in statuses {
        let status = read_status(raw, &mut repeats)?;
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
            continue;
        }
        let texts = match status.texts {
            Some(texts) => texts,
            None => {
                let texts: HostTexts = parse_text(raw, "a cluster status")?;
                texts.host_statuses.iter().map(|t| t.get()).collect()
            }
        };
        let mut kept: Vec<(&Row, &str)> = rows
            .iter()
            .zip(&texts)
            .filter(|(row, _)| keep(row))
            .map(|(row, text)| (row, *text))
            .collect();
        if kept.is_empty() {
            continue;
        }
        kept.sort_by(|a, b| in_order(a.0, b.0));
        // Both read from `raw`, the first and last hosts' texts give where the list starts
        // and ends in it.
        let offset = |host: &str| host.as_ptr() as usize - raw.as_ptr() as usize;
        let (first, last) = (texts[0], texts[texts.len() - 1]);
        selected.push(Selected::Hosts {
            before: &raw[..offset(first)],
            hosts: kept.iter().map(|(_, text)| *text).collect(),
            after: &raw[offset(last) + last.len()..],
        });
    }
    Ok(selected)
}

/// Renders `/clusters?format=json` output.
pub fn run_clusters_json<'a>(
    json: &'a str,
    at: usize,
    ends: &ItemEnds,
    filter: &EndpointFilter,
    format: Format,
    out: &mut dyn Write,
    release: Release<'_>,
) -> Result<()> {
    if format.is_table() {
        return table_of_clusters_json(json, at, ends, filter, out, release);
    }
    // Cluster statuses are independent: the two halves of the list are read on two threads.
    // In Envoy's layout they are found without a first pass; any doubt takes that pass, which
    // says where the document is broken.
    // The first half's error is reported before the second's.
    let select = |texts: &[&'a str]| -> Result<Vec<Selected<'a>>> {
        let (first, second) = on_two_halves(texts, |half| select_hosts(half, filter));
        let mut all = first?;
        all.extend(second?);
        Ok(all)
    };
    let found = items_by_layout(json, "cluster_statuses", ends)
        .map(|pieces| pieces.into_iter().map(|r| &json[r]).collect::<Vec<_>>());
    let selected = match found.map(|texts| select(&texts)) {
        Some(Ok(selected)) => selected,
        _ => {
            let doc: Clusters =
                serde_json::from_str(json).map_err(|e| crate::input::json_error(json, at, &e))?;
            let texts: Vec<&str> = doc.cluster_statuses.iter().map(|r| r.get()).collect();
            select(&texts)?
        }
    };
    render::write_list(
        out,
        format,
        Shape::Message("envoy.admin.v3.ClusterStatus"),
        &selected,
        release,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses_by_layout(json: &str) -> Option<Vec<Range<usize>>> {
        items_by_layout(json, "cluster_statuses", &ItemEnds::find(json.as_bytes()))
    }

    fn table_text(json: &str, filter: &EndpointFilter) -> String {
        let mut out = Vec::new();
        let ends = ItemEnds::find(json.as_bytes());
        run_clusters_json(
            json,
            0,
            &ends,
            filter,
            Format::Short,
            &mut out,
            Release::NONE,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
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
        let mut out = Vec::new();
        let ends = ItemEnds::find(json.as_bytes());
        run_clusters_json(
            json,
            0,
            &ends,
            filter,
            Format::Json,
            &mut out,
            Release::NONE,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
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
        let doc: Clusters = serde_json::from_str(&shuffled).unwrap();
        let texts: Vec<&str> = doc.cluster_statuses.iter().map(|r| r.get()).collect();
        let selected = select_hosts(&texts, &all).unwrap();
        let made_anew = selected
            .iter()
            .filter(|s| matches!(s, Selected::Hosts { .. }));
        assert_eq!(made_anew.count(), reversed);
    }

    /// What a typed read of a status gives a table: its name and each host's columns.
    fn columns(name: &Str, hosts: &[HostStatus]) -> Vec<(String, u32, String, &'static str)> {
        hosts
            .iter()
            .map(|h| {
                let row = row_of(h, name);
                (
                    row.host.to_string(),
                    row.port,
                    row.status.to_string(),
                    row.outlier,
                )
            })
            .collect()
    }

    fn typed_columns(text: &str) -> Option<(String, Vec<(String, u32, String, &'static str)>)> {
        let cs: ClusterStatus = serde_json::from_str(text).ok()?;
        Some((cs.name.to_string(), columns(&cs.name, &cs.host_statuses)))
    }

    /// Every status Envoy printed is picked, not read typed, and picking gives what the typed
    /// read gives, with each host's own text, what it skips as a repeat of the last included.
    #[test]
    fn picking_envoys_statuses_gives_the_typed_reads_columns_and_host_texts() {
        for scenario in ["web-frontend", "ingress-gateway"] {
            let json = crate::fixture_text(scenario, "clusters.json");
            let doc: Clusters = serde_json::from_str(&json).unwrap();
            let mut hosts = 0;
            let mut repeats = Repeats::default();
            for raw in &doc.cluster_statuses {
                let picked =
                    pick_status(raw.get(), &mut repeats).expect("Envoy's own status is picked");
                let typed: HostTexts = serde_json::from_str(raw.get()).unwrap();
                let texts: Vec<&str> = typed.host_statuses.iter().map(|t| t.get()).collect();
                assert_eq!(picked.texts.as_ref(), Some(&texts));
                assert_eq!(
                    Some((
                        picked.name.to_string(),
                        columns(&picked.name, &picked.hosts)
                    )),
                    typed_columns(raw.get())
                );
                hosts += picked.hosts.len();
            }
            assert!(hosts > 5, "{scenario} has hosts");
        }
    }

    /// A status picking declines is read typed: the same columns, or the same refusal.
    #[test]
    fn what_picking_declines_the_typed_read_reads_or_refuses() {
        let host = |address: &str, health: &str| {
            format!(
                r#"{{"address": {address}, "stats": [{{"name": "cx_total"}}], "health_status": {health}, "weight": 1}}"#
            )
        };
        let socket = r#"{"socket_address": {"address": "10.0.0.2", "port_value": 80}}"#;
        let healthy = r#"{"eds_health_status": "HEALTHY"}"#;
        let status = |hosts: &[String]| {
            format!(r#"{{"name": "c", "host_statuses": [{}]}}"#, hosts.join(","))
        };
        let cases = [
            // camelCase spellings, which istioctl prints
            r#"{"name": "c", "hostStatuses": [{"address": {"socketAddress": {"address": "10.0.0.1", "portValue": 8080}}, "healthStatus": {"edsHealthStatus": "HEALTHY", "failedOutlierCheck": true}}]}"#.to_string(),
            status(&[host(r#"{"pipe": {"path": "/run/s.sock"}}"#, healthy)]),
            status(&[host(r#"{"envoy_internal_address": {"server_listener_name": "l", "endpoint_id": "e"}}"#, healthy)]),
            status(&[host(socket, r#"{"eds_health_status": null}"#)]),
            status(&[host(socket, r#"{"failed_outlier_check": true}"#)]),
            status(&[host(r#"{"socket_address": {"address": "10.0.0.2", "port_value": "80"}}"#, healthy)]),
            status(&[host(r#"{"socket_address": {"address": "10.0.0.2", "port_value": 4294967296}}"#, healthy)]),
            status(&[host(r#"{"socket_address": {"address": "10.0.0.2", "port_value": 80, "port_value": 81}}"#, healthy)]),
            status(&[host(r#"{"socket_address": {"addr\u0065ss": "10.0.0.2", "port_value": 80}}"#, healthy)]),
            status(&[host(r#"{"socket_address": {"address": "10.0.0.\u0032", "port_value": 80}}"#, healthy)]),
            status(&[host(socket, healthy), host(socket, "null")]),
            r#"{"name": "c", "name": "d", "host_statuses": []}"#.to_string(),
            r#"{"name": "c", "host_statuses": null}"#.to_string(),
            r#"{"name": "c"}"#.to_string(),
            r#"{"name": 7, "host_statuses": []}"#.to_string(),
        ];
        let mut repeats = Repeats::default();
        for text in &cases {
            let read = read_status(text, &mut repeats)
                .ok()
                .map(|r| (r.name.to_string(), columns(&r.name, &r.hosts)));
            assert_eq!(read, typed_columns(text), "{text}");
        }
        // Those with a typed reading the picker can take are picked: the fast path is no
        // stricter than it must be.
        for picked in [&cases[1], &cases[2], &cases[4], &cases[9], &cases[13]] {
            assert!(
                pick_status(picked, &mut Repeats::default()).is_some(),
                "{picked}"
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
        let (ends, release) = (doc.item_ends(), doc.release());
        run_clusters_json(text, 0, ends, &all, Format::Json, &mut printed, release).unwrap();
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
