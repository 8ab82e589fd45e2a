//! `pc eds`: endpoints from the dump's EDS section, with locality. Also the source of
//! `pc endpoints -f <dump>` when the user has a config dump rather than `/clusters` output.

use std::borrow::Cow;
use std::io::Write;
use std::sync::Arc;

use serde_json::value::RawValue;

use crate::config::{EndpointFilter, Format};
use crate::envoy::dump::{parse_raw, RawObject, Resource, ResourceReader, SectionKind};
use crate::envoy::names::sort_by_cluster_name;
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{
    owned, ClusterLoadAssignment, Endpoint, LbEndpoint, LocalityLbEndpoints, Str,
};
use crate::error::Result;
use crate::render::{self, table::Table, Shape};
use crate::views::endpoints::{self, Row};

/// The lists of an EDS section that hold load assignments.
pub static LISTS: [&str; 2] = ["dynamic_endpoint_configs", "static_endpoint_configs"];

/// A load assignment the filter keeps: its rows, and its raw JSON when printed as JSON.
pub struct Entry<'a> {
    pub raw: Option<&'a RawValue>,
    pub cluster_name: Str<'a>,
    pub rows: Vec<EdsRow<'a>>,
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
    // Without a filter every assignment is listed, also one with no endpoints.
    let keep_empty = filter == &EndpointFilter::default();
    ResourceReader::new(
        SectionKind::Endpoints,
        &LISTS,
        keep_raw,
        move |r: Resource<'de, ClusterLoadAssignment<'de>>| {
            let own = |s: Str<'de>| if keep_raw { s } else { owned(s) };
            let rows = rows(&r.value, filter, own);
            (keep_empty || !rows.is_empty()).then(|| Entry {
                raw: r.raw,
                cluster_name: own(r.value.cluster_name),
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
    endpoint: &'c Endpoint<'a>,
    host: Str<'a>,
    port: u32,
    status: Str<'a>,
}

/// The endpoints of one locality group that `filter` keeps.
fn kept_endpoints<'c, 'a>(
    cla: &'c ClusterLoadAssignment<'a>,
    group: &'c LocalityLbEndpoints<'a>,
    filter: &'c EndpointFilter,
) -> impl Iterator<Item = Kept<'c, 'a>> {
    group.lb_endpoints.iter().filter_map(move |lb| {
        let endpoint = lb.endpoint.as_ref()?;
        let addr = endpoint.address.as_ref();
        let (host, port) = addr.map(|a| (a.host(), a.port())).unwrap_or_default();
        let status = lb.health_status.clone().unwrap_or(Str::Borrowed("UNKNOWN"));
        filter
            .matches(&host, port, &status, &cla.cluster_name)
            .then_some(Kept {
                endpoint,
                host,
                port,
                status,
            })
    })
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
            .map(|l| Arc::from(format!("{}/{}/{}", l.region, l.zone, l.sub_zone).trim_matches('/')))
            .unwrap_or_else(|| Arc::from(""));
        for Kept {
            endpoint: ep,
            host,
            port,
            status,
        } in kept_endpoints(cla, group, filter)
        {
            let addr = ep.address.as_ref();
            let mut name = addr.map(|a| a.host_port()).unwrap_or_default();
            for extra in ep
                .additional_addresses
                .iter()
                .filter_map(|a| a.address.as_ref())
            {
                name.push(',');
                name.push_str(&extra.host_port());
            }
            out.push(EdsRow {
                name,
                host: own(host),
                port,
                status: own(status),
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

pub fn run(
    src: &DumpReader,
    filter: &EndpointFilter,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    if !format.is_table() && filter == &EndpointFilter::default() {
        if let Some(texts) = unfiltered_texts(src)? {
            return render::write_list(out, format, Shape::Packed, &texts);
        }
    }
    let selected = select(src, filter, !format.is_table())?;
    if format.is_table() {
        table(&selected, None).write(out)?;
        return Ok(());
    }
    // Like the table, JSON keeps only the endpoints the filter keeps; a cluster filter alone
    // keeps whole load assignments as they are.
    let by_endpoint = filter.address.is_some() || filter.port.is_some() || filter.status.is_some();
    // Unfiltered assignments are printed from the input's own text, not a copy of it.
    let mut texts: Vec<Cow<str>> = Vec::new();
    for e in &selected {
        texts.push(match by_endpoint {
            true => filtered_assignment(e, filter)?.into(),
            false => raw_of(e)?.get().into(),
        });
    }
    let texts: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
    render::write_list(out, format, Shape::Packed, &texts)
}

/// Every load assignment's text, in the order clusters are listed; None when one has no
/// readable cluster name, for the typed read to say where.
fn unfiltered_texts<'a>(src: &DumpReader<'a>) -> Result<Option<Vec<&'a str>>> {
    let (_, kept) = src.leading_texts(SectionKind::Endpoints, &LISTS, "cluster_name", |_| true)?;
    Ok(kept.map(|kept| {
        let kept = sort_by_cluster_name(kept, |(name, _)| name);
        kept.into_iter().map(|(_, raw)| raw).collect()
    }))
}

fn raw_of<'a>(e: &Entry<'a>) -> Result<&'a RawValue> {
    e.raw.ok_or_else(|| {
        crate::error::Error::input("internal: a load assignment read without its JSON")
    })
}

/// A load assignment's JSON with only the endpoints `filter` keeps, and only the locality
/// groups that still have one.
fn filtered_assignment(e: &Entry, filter: &EndpointFilter) -> Result<String> {
    let cla: RawObject = parse_raw(raw_of(e)?, "a cluster load assignment")?;
    let groups: Vec<&RawValue> = match cla.0.iter().find(|(k, _)| k == "endpoints") {
        Some((_, raw)) => parse_raw(raw, "endpoints")?,
        None => Vec::new(),
    };
    let mut kept_groups = Vec::new();
    for group_raw in groups {
        let group: RawObject = parse_raw(group_raw, "a locality's endpoints")?;
        let Some((_, lbs_raw)) = group.0.iter().find(|(k, _)| k == "lb_endpoints") else {
            continue;
        };
        let mut kept = Vec::new();
        for lb_raw in parse_raw::<Vec<&RawValue>>(lbs_raw, "lb_endpoints")? {
            let lb: LbEndpoint = parse_raw(lb_raw, "an endpoint")?;
            let addr = lb.endpoint.as_ref().and_then(|ep| ep.address.as_ref());
            let (host, port) = addr.map(|a| (a.host(), a.port())).unwrap_or_default();
            let status = lb.health_status.as_deref().unwrap_or("UNKNOWN");
            if filter.matches(&host, port, status, &e.cluster_name) {
                kept.push(lb_raw.get());
            }
        }
        if !kept.is_empty() {
            kept_groups.push(group.to_json_with("lb_endpoints", &format!("[{}]", kept.join(","))));
        }
    }
    Ok(cla.to_json_with("endpoints", &format!("[{}]", kept_groups.join(","))))
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
            let groups = cla.endpoints.iter();
            let endpoints = groups.flat_map(|group| kept_endpoints(cla, group, filter));
            endpoints
                .map(|k| Row {
                    host: owned(k.host),
                    port: k.port,
                    status: owned(k.status),
                    outlier: "UNKNOWN",
                    cluster: owned(cla.cluster_name.clone()),
                })
                .collect::<Vec<_>>()
        },
    )
    .owning(true);
    src.dump(&mut reader)?;
    let mut rows = reader.finish();
    endpoints::sort_rows(&mut rows);
    endpoints::table(&rows).write(out)?;
    Ok(())
}
