//! `pc eds`: endpoints from the dump's EDS section, with locality. Also the source of
//! `pc endpoints -f <dump>` when the user has a config dump rather than `/clusters` output.

use std::borrow::Cow;
use std::io::Write;
use std::sync::Arc;

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::config::{EndpointFilter, Format};
use crate::envoy::dump::{parse_raw, RawObject, Resource, ResourceReader, SectionKind};
use crate::envoy::names::sort_by_cluster_name;
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{
    is_assignment, owned, ClusterLoadAssignment, LbEndpoint, Locality, LocalityLbEndpoints, Str,
};
use crate::error::Result;
use crate::render::{self, table::Table, Shape};
use crate::views::endpoints::{self, Row};
use crate::views::equal_fold;

/// The lists of an EDS section that hold load assignments.
pub static LISTS: [&str; 2] = ["dynamic_endpoint_configs", "static_endpoint_configs"];

/// A load assignment the filter keeps: its rows, and its raw JSON when printed as JSON.
pub struct Entry<'a> {
    pub raw: Option<&'a RawValue>,
    pub cluster_name: Str<'a>,
    pub rows: Vec<EdsRow<'a>>,
    /// Whether the filter dropped some of its endpoints (JSON then prints it without them).
    pub thinned: bool,
}

/// Reads the load assignments while the dump is parsed, each turned into its rows at once. A
/// dump without an EDS section has no endpoints: an empty table, as istioctl prints. For a
/// table (no raw text kept) the rows own their strings, so the section's pages can be released.
#[allow(clippy::type_complexity)]
pub fn reader<'de, 'f>(
    filter: &'f EndpointFilter,
    keep_raw: bool,
) -> ResourceReader<
    'de,
    ClusterLoadAssignment<'de>,
    Entry<'de>,
    impl FnMut(Resource<'de, ClusterLoadAssignment<'de>>) -> Option<Entry<'de>> + 'f,
> {
    ResourceReader::new(
        SectionKind::Endpoints,
        &LISTS,
        keep_raw,
        move |r: Resource<'de, ClusterLoadAssignment<'de>>| {
            if !is_assignment(r.value.type_url.as_deref()) {
                return None;
            }
            let own = |s: Str<'de>| if keep_raw { s } else { owned(s) };
            let rows = rows(&r.value, filter, own);
            // An assignment left without endpoints is not shown, filter or not.
            let total = r
                .value
                .endpoints
                .iter()
                .map(|g| g.lb_endpoints.len())
                .sum::<usize>();
            (!rows.is_empty()).then(|| Entry {
                raw: r.raw,
                cluster_name: own(r.value.cluster_name),
                thinned: rows.len() < total,
                rows,
            })
        },
    )
    .owning(!keep_raw)
}

/// Assignments in the order clusters are listed.
pub fn sorted(kept: Vec<Entry>) -> Vec<Entry> {
    sort_by_cluster_name(kept, |e| &e.cluster_name)
}

/// One endpoint; the strings borrow from the dump where they are its own text.
pub struct EdsRow<'a> {
    pub name: String,
    pub host: Str<'a>,
    pub port: u32,
    pub status: Str<'a>,
    pub locality: Arc<str>,
    pub cluster: Str<'a>,
}

/// An endpoint of an assignment with the address and status its rows show.
struct Kept<'c, 'a> {
    /// The NAME: every address's EDS text, joined with `,`.
    name: String,
    /// The main address and port as the endpoint view shows them (`pc endpoint -f <dump>`).
    host: Str<'a>,
    port: u32,
    status: Str<'c>,
}

impl EndpointFilter {
    /// istioctl's EDS filters: `--address` against every address text of the endpoint (and, in
    /// meshctl, a socket address without its port too), `--port` the main socket port,
    /// `--cluster` and `--status` case-insensitive.
    fn keeps_eds(&self, lb: &LbEndpoint, texts: &[String], status: &str, cluster: &str) -> bool {
        let addresses = || {
            let endpoint = lb.endpoint.as_ref();
            endpoint.and_then(|e| e.address.as_ref()).into_iter().chain(
                endpoint
                    .into_iter()
                    .flat_map(|e| &e.additional_addresses)
                    .filter_map(|a| a.address.as_ref()),
            )
        };
        let address_ok = self.address.as_ref().is_none_or(|want| {
            texts.iter().any(|t| equal_fold(t, want))
                || addresses()
                    .filter_map(|a| a.socket_address.as_ref())
                    .any(|s| equal_fold(&s.address, want))
        });
        let port = || addresses().next().map_or(0, |a| a.port());
        address_ok
            && self
                .port
                .is_none_or(|p| p as u32 == 0 || port() == p as u32)
            && self.cluster.as_ref().is_none_or(|c| equal_fold(cluster, c))
            && self.status.as_ref().is_none_or(|s| equal_fold(status, s))
    }
}

/// The EDS texts of an endpoint's addresses: the main one, then the additional ones.
fn address_texts(lb: &LbEndpoint) -> Vec<String> {
    let Some(endpoint) = &lb.endpoint else {
        return vec!["unknown".to_string()];
    };
    let main = endpoint.address.as_ref();
    let mut texts = vec![main.map_or_else(|| "unknown".to_string(), |a| a.eds_text())];
    texts.extend(endpoint.additional_addresses.iter().map(|a| {
        a.address
            .as_ref()
            .map_or_else(|| "unknown".to_string(), |a| a.eds_text())
    }));
    texts
}

/// The endpoints of one locality group that `filter` keeps.
fn kept_endpoints<'c, 'a>(
    cla: &'c ClusterLoadAssignment<'a>,
    group: &'c LocalityLbEndpoints<'a>,
    filter: &'c EndpointFilter,
) -> impl Iterator<Item = Kept<'c, 'a>> {
    group.lb_endpoints.iter().filter_map(move |lb| {
        let texts = address_texts(lb);
        let status = lb.status();
        if !filter.keeps_eds(lb, &texts, &status, &cla.cluster_name) {
            return None;
        }
        let main = lb.endpoint.as_ref().and_then(|e| e.address.as_ref());
        let (host, port) = main.map_or((Str::Borrowed("unknown"), 0), |a| (a.host(), a.port()));
        Some(Kept {
            name: texts.join(","),
            host,
            port,
            status,
        })
    })
}

/// LOCALITY as Istio's `LocalityToString`: the region, then `/zone` if there is a zone, and then
/// `/sub_zone` if there is a sub-zone.
fn locality_text(l: &Locality) -> String {
    let mut text = l.region.to_string();
    if !l.zone.is_empty() {
        text.push('/');
        text.push_str(&l.zone);
        if !l.sub_zone.is_empty() {
            text.push('/');
            text.push_str(&l.sub_zone);
        }
    }
    text
}

fn rows<'a>(
    cla: &ClusterLoadAssignment<'a>,
    filter: &EndpointFilter,
    own: impl Fn(Str<'a>) -> Str<'a>,
) -> Vec<EdsRow<'a>> {
    let mut out = Vec::new();
    for group in &cla.endpoints {
        let locality: Arc<str> = group
            .locality
            .as_ref()
            .map(|l| Arc::from(locality_text(l)))
            .unwrap_or_else(|| Arc::from(""));
        for k in kept_endpoints(cla, group, filter) {
            out.push(EdsRow {
                name: k.name,
                host: own(k.host),
                port: k.port,
                status: own(owned(k.status)),
                locality: locality.clone(),
                cluster: own(cla.cluster_name.clone()),
            });
        }
    }
    out
}

pub fn table<'e>(selected: &'e [Entry], kind_prefix: Option<&str>) -> Table<'e> {
    let mut t = Table::new(5).header(&["NAME", "STATUS", "LOCALITY", "CLUSTER"]);
    for r in selected.iter().flat_map(|e| &e.rows) {
        let name = match kind_prefix {
            Some(prefix) => Cow::Owned(format!("{prefix}{}", r.name)),
            None => Cow::Borrowed(r.name.as_str()),
        };
        t.row([
            name,
            r.status.as_ref().into(),
            r.locality.as_ref().into(),
            r.cluster.as_ref().into(),
        ]);
    }
    t
}

/// The load assignments `filter` keeps, read in one pass.
fn select<'a>(
    src: &DumpReader<'a>,
    filter: &EndpointFilter,
    keep_raw: bool,
) -> Result<Vec<Entry<'a>>> {
    let mut reader = reader(filter, keep_raw);
    src.dump(&mut reader)?;
    Ok(sorted(reader.finish()))
}

/// What JSON output needs of an assignment no filter thins: its name, and whether it has an
/// endpoint; the rest is printed from its text, never read.
#[derive(Deserialize)]
struct Outline<'a> {
    #[serde(borrow, default, rename = "@type")]
    type_url: Option<Str<'a>>,
    #[serde(borrow, default)]
    cluster_name: Str<'a>,
    #[serde(default)]
    endpoints: Vec<GroupOutline>,
}

#[derive(Deserialize)]
struct GroupOutline {
    #[serde(default)]
    lb_endpoints: Vec<IgnoredAny>,
}

/// Every assignment that has an endpoint, as its text, in table order.
fn unfiltered_texts<'a>(src: &DumpReader<'a>) -> Result<Vec<&'a str>> {
    let mut reader = ResourceReader::new(
        SectionKind::Endpoints,
        &LISTS,
        true,
        |r: Resource<'a, Outline<'a>>| {
            let has_endpoint = is_assignment(r.value.type_url.as_deref())
                && r.value.endpoints.iter().any(|g| !g.lb_endpoints.is_empty());
            has_endpoint.then_some(r.raw.map(|raw| (r.value.cluster_name, raw.get())))
        },
    );
    src.dump(&mut reader)?;
    let kept: Vec<(Str, &str)> = reader.finish().into_iter().flatten().collect();
    let kept = sort_by_cluster_name(kept, |(name, _)| name);
    Ok(kept.into_iter().map(|(_, raw)| raw).collect())
}

pub fn run(
    src: &DumpReader,
    filter: &EndpointFilter,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    if !format.is_table() && filter == &EndpointFilter::default() {
        let texts = unfiltered_texts(src)?;
        return render::write_list(out, format, Shape::Packed, &texts);
    }
    let selected = select(src, filter, !format.is_table())?;
    if format.is_table() {
        table(&selected, None).write(out)?;
        return Ok(());
    }
    // An assignment the filter left whole is printed from the input's own text; one it thinned
    // keeps every locality group, less the endpoints the filter dropped.
    let mut texts: Vec<Cow<str>> = Vec::new();
    for e in &selected {
        texts.push(match e.thinned {
            true => filtered_assignment(e, filter)?.into(),
            false => raw_of(e)?.get().into(),
        });
    }
    let texts: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
    render::write_list(out, format, Shape::Packed, &texts)
}

fn raw_of<'a>(e: &Entry<'a>) -> Result<&'a RawValue> {
    e.raw.ok_or_else(|| {
        crate::error::Error::input("internal: a load assignment read without its JSON")
    })
}

/// A load assignment's JSON with only the endpoints `filter` keeps; a locality group left with
/// none keeps its other fields and loses `lb_endpoints`.
fn filtered_assignment(e: &Entry, filter: &EndpointFilter) -> Result<String> {
    let cla: RawObject = parse_raw(raw_of(e)?, "a cluster load assignment")?;
    let groups: Vec<&RawValue> = match cla.0.iter().find(|(k, _)| k == "endpoints") {
        Some((_, raw)) => parse_raw(raw, "endpoints")?,
        None => Vec::new(),
    };
    let mut groups_text = Vec::new();
    for group_raw in groups {
        let group: RawObject = parse_raw(group_raw, "a locality's endpoints")?;
        let Some((_, lbs_raw)) = group.0.iter().find(|(k, _)| k == "lb_endpoints") else {
            groups_text.push(group_raw.get().to_string());
            continue;
        };
        let mut kept = Vec::new();
        for lb_raw in parse_raw::<Vec<&RawValue>>(lbs_raw, "lb_endpoints")? {
            let lb: LbEndpoint = parse_raw(lb_raw, "an endpoint")?;
            if filter.keeps_eds(&lb, &address_texts(&lb), &lb.status(), &e.cluster_name) {
                kept.push(lb_raw.get());
            }
        }
        let kept = (!kept.is_empty()).then(|| format!("[{}]", kept.join(",")));
        groups_text.push(group.to_json_with("lb_endpoints", kept.as_deref()));
    }
    Ok(cla.to_json_with("endpoints", Some(&format!("[{}]", groups_text.join(",")))))
}

/// `pc endpoints -f <config dump>`: the endpoint table from EDS data, where outlier state is
/// not recorded.
pub fn run_as_endpoints(
    src: &DumpReader,
    filter: &EndpointFilter,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    if !format.is_table() {
        return run(src, filter, format, out);
    }
    // Rows straight from each assignment: the table sorts them itself, so neither the
    // assignments nor the EDS view's names and localities are kept.
    let mut reader = ResourceReader::new(
        SectionKind::Endpoints,
        &LISTS,
        false,
        |r: Resource<ClusterLoadAssignment>| {
            let cla = &r.value;
            let mut rows = Vec::new();
            if !is_assignment(cla.type_url.as_deref()) {
                return rows;
            }
            for lb in cla.endpoints.iter().flat_map(|g| &g.lb_endpoints) {
                let main = lb.endpoint.as_ref().and_then(|e| e.address.as_ref());
                let (host, port) =
                    main.map_or((Str::Borrowed("unknown"), 0), |a| (a.host(), a.port()));
                let status = lb.status();
                if filter.matches(&host, port, &status, &cla.cluster_name) {
                    rows.push(Row {
                        host: owned(host),
                        port,
                        status: owned(status),
                        outlier: "UNKNOWN",
                        cluster: owned(cla.cluster_name.clone()),
                        requests: None,
                    });
                }
            }
            rows
        },
    )
    .owning(true);
    src.dump(&mut reader)?;
    let mut rows = reader.finish();
    endpoints::sort_rows(&mut rows);
    endpoints::table(&rows, format == Format::Wide).write(out)?;
    Ok(())
}
