//! Reading Envoy's `/clusters?format=json`: every cluster status with its hosts' addresses and
//! health. A big answer is split into its statuses by Envoy's layout and read as two halves on
//! two threads; each status is picked (`envoy_schema::Picker`: the few fields a view shows, at
//! the speed of skipping JSON) or, where picking declines, read typed. Views get statuses or
//! their own rows back; the threads, the split and page release stay here.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::envoy::dump::parse_text;
use crate::envoy::resources::{Address, EnumValue, InternalAddress, Pipe, SocketAddress, Str};
use crate::error::Result;
use crate::input::layout::{items_by_layout, ItemEnds};
use crate::input::{json_error, DocText, Document};
use crate::memory::Release;
use crate::parallel::on_halves;
use envoy_schema::{Picker, Skipped};

/// A `/clusters?format=json` document to read.
pub struct StatusReader<'d> {
    text: DocText<'d, 'd>,
}

/// Bytes of read text released at a time: each `madvise` costs a TLB flush on every thread.
const RELEASE_EVERY: usize = 2 << 20;

impl<'d> StatusReader<'d> {
    pub fn new(doc: &'d Document) -> Self {
        StatusReader { text: doc.text() }
    }

    /// A text in memory (nothing to release), `ends` being its `ItemEnds`.
    pub fn of_text(json: &'d str, ends: &'d ItemEnds) -> Self {
        let text = DocText {
            json,
            at: 0,
            ends,
            release: Release::NONE,
        };
        StatusReader { text }
    }

    /// Releases the pages of text that was printed (see `Release::in_steps`).
    pub fn release(&self) -> Release<'d> {
        self.text.release
    }

    /// Rows for a table: `rows` turns each status's hosts into rows owning their text. In
    /// Envoy's layout the statuses are read as two halves on two threads, each releasing the
    /// text it has read; otherwise, or where a half fails, in one typed pass, which says where
    /// the document is broken. The parts' rows, in order.
    pub fn rows<R: Send>(
        &self,
        rows: impl Fn(&Str<'_>, &[HostStatus<'_>], &mut Vec<R>) + Sync,
    ) -> Result<Vec<Vec<R>>> {
        let part = |statuses: &[Range<usize>]| -> Result<Vec<R>> {
            let mut out = Vec::new();
            let Some(first) = statuses.first() else {
                return Ok(out);
            };
            let mut read = self
                .release()
                .in_steps(&self.text.json[first.clone()], RELEASE_EVERY);
            let mut repeats = LastSkipped::default();
            for range in statuses {
                let text = &self.text.json[range.clone()];
                let status = read_status(text, &mut repeats)?;
                rows(&status.name, &status.hosts, &mut out);
                read.done_through(text, false);
            }
            Ok(out)
        };
        if let Some(pieces) = items_by_layout(self.text.json, "cluster_statuses", self.text.ends) {
            if let (Ok(first), Ok(second)) = on_halves(&pieces, part) {
                return Ok(vec![first, second]);
            }
        }
        let mut out = Vec::new();
        let mut de = serde_json::Deserializer::from_str(self.text.json);
        RowsSeed {
            each: &mut |name, hosts| rows(name, hosts, &mut out),
        }
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| json_error(self.text.json, self.text.at, &e))?;
        Ok(vec![out])
    }

    /// What `select` makes of each status, in document order. The statuses are read as two
    /// halves on two threads, found by Envoy's layout or else by a first pass, which says
    /// where the document is broken; the first half's error is reported before the second's.
    /// Their text stays mapped: what `select` keeps may borrow it.
    pub fn select<T: Send>(
        &self,
        select: impl Fn(ClusterStatus<'d>, &mut Vec<T>) -> Result<()> + Sync,
    ) -> Result<Vec<T>> {
        let part = |texts: &[&'d str]| -> Result<Vec<T>> {
            let mut out = Vec::new();
            let mut repeats = LastSkipped::default();
            for &text in texts {
                select(read_status(text, &mut repeats)?, &mut out)?;
            }
            Ok(out)
        };
        let both = |texts: &[&'d str]| -> Result<Vec<T>> {
            let (first, second) = on_halves(texts, part);
            let mut all = first?;
            all.extend(second?);
            Ok(all)
        };
        let json = self.text.json;
        let found = items_by_layout(json, "cluster_statuses", self.text.ends)
            .map(|pieces| pieces.into_iter().map(|r| &json[r]).collect::<Vec<_>>());
        if let Some(Ok(selected)) = found.map(|texts| both(&texts)) {
            return Ok(selected);
        }
        let doc: Clusters =
            serde_json::from_str(json).map_err(|e| json_error(json, self.text.at, &e))?;
        let texts: Vec<&str> = doc.cluster_statuses.iter().map(|r| r.get()).collect();
        both(&texts)
    }
}

/// The top level of `/clusters?format=json`.
#[derive(Deserialize)]
struct Clusters<'a> {
    #[serde(borrow, default)]
    cluster_statuses: Vec<&'a RawValue>,
}

/// A cluster status with its hosts read typed.
#[derive(Deserialize)]
struct TypedStatus<'a> {
    #[serde(borrow, default)]
    name: Str<'a>,
    #[serde(borrow, default)]
    host_statuses: Vec<HostStatus<'a>>,
}

/// A cluster status's hosts as their JSON texts.
#[derive(Deserialize)]
struct HostTexts<'a> {
    #[serde(borrow, default)]
    host_statuses: Vec<&'a RawValue>,
}

/// A host of a cluster status: where it is, and its health.
#[derive(Deserialize)]
pub struct HostStatus<'a> {
    #[serde(borrow, default)]
    pub address: Address<'a>,
    #[serde(borrow, default)]
    pub health_status: HealthStatus<'a>,
}

#[derive(Deserialize, Default)]
pub struct HealthStatus<'a> {
    #[serde(borrow, default)]
    pub eds_health_status: Option<EnumValue<'a>>,
    #[serde(default)]
    pub failed_outlier_check: bool,
}

/// A host's request counters from its `stats` in `/clusters?format=json`: `rq_success` and
/// `rq_error`, which Envoy prints as `{"name": "rq_success", "value": "12"}` (a 64-bit value as
/// a string, as protobuf's JSON does) and without `value` when it is 0.
pub fn host_request_counts(host_text: &str) -> Result<(u64, u64)> {
    #[derive(Deserialize)]
    struct Host<'a> {
        #[serde(borrow, default)]
        stats: Vec<HostStat<'a>>,
    }
    #[derive(Deserialize)]
    struct HostStat<'a> {
        #[serde(borrow, default)]
        name: Str<'a>,
        #[serde(default)]
        value: Option<serde_json::Value>,
    }
    let host: Host = parse_text(host_text, "a host status")?;
    let (mut success, mut error) = (0, 0);
    for stat in host.stats {
        let value = match &stat.value {
            Some(serde_json::Value::String(s)) => s.parse().unwrap_or(0),
            Some(v) => v.as_u64().unwrap_or(0),
            None => 0,
        };
        match stat.name.as_ref() {
            "rq_success" => success = value,
            "rq_error" => error = value,
            _ => {}
        }
    }
    Ok((success, error))
}

/// A cluster status read: its name and hosts, its own text, and the hosts' texts when picking
/// gave them.
pub struct ClusterStatus<'a> {
    pub name: Str<'a>,
    pub hosts: Vec<HostStatus<'a>>,
    pub text: &'a str,
    texts: Option<Vec<&'a str>>,
}

impl<'a> ClusterStatus<'a> {
    /// Each host's own text, in host order; read again where picking did not keep them.
    pub fn host_texts(&self) -> Result<Vec<&'a str>> {
        match &self.texts {
            Some(texts) => Ok(texts.clone()),
            None => {
                let texts: HostTexts = parse_text(self.text, "a cluster status")?;
                Ok(texts.host_statuses.iter().map(|t| t.get()).collect())
            }
        }
    }
}

/// What statuses repeat, status after status and host after host, of what picking skips: in a
/// big mesh most hosts are idle, and their stats are the same zeros.
#[derive(Default)]
struct LastSkipped<'a> {
    circuit_breakers: Skipped<'a>,
    stats: Skipped<'a>,
    locality: Skipped<'a>,
}

/// Reads a cluster status once: picked (see `pick_status`), or typed when picking declines.
fn read_status<'a>(text: &'a str, repeats: &mut LastSkipped<'a>) -> Result<ClusterStatus<'a>> {
    if let Some(read) = pick_status(text, repeats) {
        return Ok(read);
    }
    let cs: TypedStatus = parse_text(text, "a cluster status")?;
    Ok(ClusterStatus {
        name: cs.name,
        hosts: cs.host_statuses,
        text,
        texts: None,
    })
}

/// A cluster status's name and hosts, with each host's text, in one pass at the speed of
/// skipping JSON (a typed read of a host costs more than skipping it). The fields
/// are those of `ClusterStatus` and `HostStatus`; whatever the typed read could take
/// otherwise (a null, a field given twice) declines, and the typed read
/// then reads it or says what is wrong.
fn pick_status<'a>(text: &'a str, repeats: &mut LastSkipped<'a>) -> Option<ClusterStatus<'a>> {
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
            "circuit_breakers" => p.skip_repeat(&mut repeats.circuit_breakers),
            _ => p.skip(),
        })
    })?;
    let (hosts, texts) = hosts.unwrap_or_default();
    Some(ClusterStatus {
        name: name.unwrap_or_default(),
        hosts,
        text,
        texts: Some(texts),
    })
}

fn pick_host<'a>(p: &mut Picker<'a>, repeats: &mut LastSkipped<'a>) -> Option<HostStatus<'a>> {
    let (mut address, mut health_status) = (None, None);
    p.object(|p, key| match key {
        "address" => once(&mut address, pick_address(p)?),
        "health_status" => once(&mut health_status, pick_health(p)?),
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
                _ => p.skip(),
            })?;
            let internal = InternalAddress {
                server_listener_name: listener.unwrap_or_default(),
                endpoint_id: id.unwrap_or_default(),
            };
            once(&mut address.envoy_internal_address, internal)
        }
        _ => p.skip(),
    })?;
    Some(address)
}

fn pick_health<'a>(p: &mut Picker<'a>) -> Option<HealthStatus<'a>> {
    let (mut eds, mut failed) = (None, None);
    p.object(|p, key| match key {
        "eds_health_status" => once(&mut eds, EnumValue::Name(p.string()?)),
        "failed_outlier_check" => once(&mut failed, p.bool()?),
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

/// `/clusters?format=json` read in one typed pass, each status's hosts handed to `each` as they
/// are read, so that the hosts of the whole document are never held at once.
struct RowsSeed<'f> {
    each: &'f mut dyn FnMut(&Str<'_>, &[HostStatus<'_>]),
}

impl<'de> DeserializeSeed<'de> for RowsSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RowsSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an Envoy /clusters?format=json object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let mut seen = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "cluster_statuses" {
                if std::mem::replace(&mut seen, true) {
                    return Err(serde::de::Error::duplicate_field("cluster_statuses"));
                }
                map.next_value_seed(StatusesSeed {
                    each: &mut *self.each,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct StatusesSeed<'f> {
    each: &'f mut dyn FnMut(&Str<'_>, &[HostStatus<'_>]),
}

impl<'de> DeserializeSeed<'de> for StatusesSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for StatusesSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of cluster statuses")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(cs) = seq.next_element::<TypedStatus>()? {
            (self.each)(&cs.name, &cs.host_statuses);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a read of a status gives a table: each host's address, port, health and outlier
    /// state.
    fn columns(hosts: &[HostStatus]) -> Vec<(String, u32, Option<String>, bool)> {
        hosts
            .iter()
            .map(|h| {
                let health = &h.health_status;
                (
                    h.address.host().to_string(),
                    h.address.port(),
                    health
                        .eds_health_status
                        .as_ref()
                        .map(|s| s.text().into_owned()),
                    health.failed_outlier_check,
                )
            })
            .collect()
    }

    type Columns = (String, Vec<(String, u32, Option<String>, bool)>);

    fn typed_columns(text: &str) -> Option<Columns> {
        let cs: TypedStatus = serde_json::from_str(text).ok()?;
        Some((cs.name.to_string(), columns(&cs.host_statuses)))
    }

    /// Every status Envoy printed is picked, not read typed, and picking gives what the typed
    /// read gives, with each host's own text, what it skips as a repeat of the last included.
    #[test]
    fn picking_envoys_statuses_gives_the_typed_reads_columns_and_host_texts() {
        for scenario in ["web-frontend", "ingress-gateway"] {
            let json = crate::fixture_text(scenario, "clusters.json");
            let doc: Clusters = serde_json::from_str(&json).unwrap();
            let mut hosts = 0;
            let mut repeats = LastSkipped::default();
            for raw in &doc.cluster_statuses {
                let picked =
                    pick_status(raw.get(), &mut repeats).expect("Envoy's own status is picked");
                let typed: HostTexts = serde_json::from_str(raw.get()).unwrap();
                let texts: Vec<&str> = typed.host_statuses.iter().map(|t| t.get()).collect();
                assert_eq!(picked.texts.as_ref(), Some(&texts));
                assert_eq!(
                    Some((picked.name.to_string(), columns(&picked.hosts))),
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
            status(&[host(r#"{"pipe": {"path": "/run/s.sock"}}"#, healthy)]),
            status(&[host(
                r#"{"envoy_internal_address": {"server_listener_name": "l", "endpoint_id": "e"}}"#,
                healthy,
            )]),
            status(&[host(socket, r#"{"eds_health_status": null}"#)]),
            status(&[host(socket, r#"{"failed_outlier_check": true}"#)]),
            status(&[host(
                r#"{"socket_address": {"address": "10.0.0.2", "port_value": "80"}}"#,
                healthy,
            )]),
            status(&[host(
                r#"{"socket_address": {"address": "10.0.0.2", "port_value": 4294967296}}"#,
                healthy,
            )]),
            status(&[host(
                r#"{"socket_address": {"address": "10.0.0.2", "port_value": 80, "port_value": 81}}"#,
                healthy,
            )]),
            status(&[host(
                r#"{"socket_address": {"addr\u0065ss": "10.0.0.2", "port_value": 80}}"#,
                healthy,
            )]),
            status(&[host(
                r#"{"socket_address": {"address": "10.0.0.\u0032", "port_value": 80}}"#,
                healthy,
            )]),
            status(&[host(socket, healthy), host(socket, "null")]),
            r#"{"name": "c", "name": "d", "host_statuses": []}"#.to_string(),
            r#"{"name": "c", "host_statuses": null}"#.to_string(),
            r#"{"name": "c"}"#.to_string(),
            r#"{"name": 7, "host_statuses": []}"#.to_string(),
        ];
        let mut repeats = LastSkipped::default();
        for text in &cases {
            let read = read_status(text, &mut repeats)
                .ok()
                .map(|r| (r.name.to_string(), columns(&r.hosts)));
            assert_eq!(read, typed_columns(text), "{text}");
        }
        // Those with a typed reading the picker can take are picked: the fast path is no
        // stricter than it must be.
        for picked in [&cases[0], &cases[1], &cases[3], &cases[8], &cases[12]] {
            assert!(
                pick_status(picked, &mut LastSkipped::default()).is_some(),
                "{picked}"
            );
        }
    }
}
