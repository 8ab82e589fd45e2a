//! `pc routes`: one row per route of each route configuration.

use std::borrow::Cow;
use std::io::Write;

use crate::config::{Format, RouteFilter};
use crate::envoy::dump::{Dump, Resource, ResourceReader, SectionKind};
use crate::envoy::names::apply_permutation;
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{
    describe_match, istio_config_of, owned, Route, RouteConfiguration, Str,
};
use crate::error::{Error, Result};
use crate::render::{self, table::Table, Shape};

/// A route configuration as a table keeps it: its name and its table rows, made as soon as it
/// is read so that the typed tree of a big route configuration is gone before the next is
/// read. Rows own their strings: the section's pages can be released.
pub struct Entry {
    pub name: Str<'static>,
    rows: Vec<Vec<Cow<'static, str>>>,
}

/// How a routes table is laid out.
#[derive(Clone, Copy, Default)]
pub struct Layout {
    /// One row per route, not one per route configuration.
    pub verbose: bool,
    /// With action, timeout and retries (verbose only).
    pub wide: bool,
    /// Before each name, `route/` in `pc all`.
    pub prefix: &'static str,
}

static LISTS: [&str; 2] = ["dynamic_route_configs", "static_route_configs"];

/// Reads, while the dump is parsed, the route configs `filter` keeps: dynamic ones, then static
/// ones, as the rows of a table laid out by `layout`.
#[allow(clippy::type_complexity)]
pub fn reader<'de, 'f>(
    filter: &'f RouteFilter,
    layout: Layout,
) -> ResourceReader<
    'de,
    RouteConfiguration<'de>,
    Entry,
    impl FnMut(Resource<'de, RouteConfiguration<'de>>) -> Option<Entry> + 'f,
> {
    ResourceReader::new(
        SectionKind::Routes,
        &LISTS,
        false,
        move |r: Resource<'de, RouteConfiguration<'de>>| {
            filter.keeps(&r.value.name).then(|| Entry {
                rows: rows(&r.value, layout),
                name: owned(r.value.name),
            })
        },
    )
    .owning(true)
}

impl RouteFilter {
    fn keeps(&self, name: &str) -> bool {
        self.name.as_ref().is_none_or(|n| name == n.as_str())
    }
}

/// The JSON texts of the route configs `filter` keeps, in istioctl's order. Only the name is
/// read, from each config's text: the rest is printed from the text, never held as a tree.
fn json_texts<'a>(src: &DumpReader<'a>, filter: &RouteFilter) -> Result<Vec<&'a str>> {
    let (dump, kept) =
        src.leading_texts(SectionKind::Routes, &LISTS, "name", |n| filter.keeps(n))?;
    dump.require(SectionKind::Routes)?;
    let Some(mut kept) = kept else {
        // Reading the configs typed says where the name that is not a string is.
        src.dump(&mut reader(filter, Layout::default()))?;
        return Err(Error::malformed(
            "config dump: a route configuration's name is not a string",
        ));
    };
    let order = numeric_order(&kept.iter().map(|(name, _)| name).collect::<Vec<_>>());
    apply_permutation(&mut kept, order);
    Ok(kept.into_iter().map(|(_, raw)| raw).collect())
}

/// istioctl sorts route configs by their names as numbers and gives up on names that are not:
/// here numeric names are sorted among the places numeric names held, others stay where they are.
/// Returns, for each position, the index of the entry that belongs there.
fn numeric_order<S: AsRef<str>>(names: &[S]) -> Vec<usize> {
    let number = |i: &usize| names[*i].as_ref().parse::<i64>().ok();
    let slots: Vec<usize> = (0..names.len()).filter(|i| number(i).is_some()).collect();
    let mut numeric = slots.clone();
    numeric.sort_by_key(|i| number(i));
    let mut order: Vec<usize> = (0..names.len()).collect();
    for (slot, from) in slots.iter().zip(numeric) {
        order[*slot] = from;
    }
    order
}

fn sort_numeric_in_place(entries: &mut [Entry]) {
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_ref()).collect();
    let order = numeric_order(&names);
    apply_permutation(entries, order);
}

/// The route configs a reader kept, in istioctl's order; an error when the dump has no route
/// section.
pub fn sorted(dump: &Dump<'_>, mut kept: Vec<Entry>) -> Result<Vec<Entry>> {
    dump.require(SectionKind::Routes)?;
    sort_numeric_in_place(&mut kept);
    Ok(kept)
}

pub fn run(
    src: &DumpReader,
    filter: &RouteFilter,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    if !format.is_table() {
        let texts = json_texts(src, filter)?;
        return render::write_list(out, format, Shape::Packed, &texts);
    }
    let layout = Layout {
        verbose: filter.verbose,
        wide: format == Format::Wide,
        prefix: "",
    };
    let mut reader = reader(filter, layout);
    let dump = src.dump(&mut reader)?;
    let entries = sorted(&dump, reader.finish())?;
    if entries.is_empty() && filter.name.is_none() {
        return Err(Error::input("no routes found"));
    }
    table(entries, layout).write(out)?;
    Ok(())
}

fn is_passthrough(r: &Route) -> bool {
    r.route
        .as_ref()
        .is_some_and(|a| a.cluster == "PassthroughCluster")
}

/// The routes table of entries read with `layout`.
pub fn table(entries: Vec<Entry>, layout: Layout) -> Table<'static> {
    let mut header: Vec<&str> = if layout.verbose {
        vec!["NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE"]
    } else {
        vec!["NAME", "VIRTUAL HOSTS"]
    };
    if layout.wide && layout.verbose {
        header.extend(["ACTION", "TIMEOUT", "RETRIES"]);
    }
    let mut t = Table::new(5).header(&header);
    for row in entries.into_iter().flat_map(|e| e.rows) {
        t.row(row);
    }
    t
}

/// The table rows of one route configuration, owning their strings.
fn rows(config: &RouteConfiguration<'_>, layout: Layout) -> Vec<Vec<Cow<'static, str>>> {
    let name: Cow<str> = format!("{}{}", layout.prefix, config.name).into();
    if !layout.verbose {
        return vec![vec![name, config.virtual_hosts.len().to_string().into()]];
    }
    let mut rows = Vec::new();
    for vh in &config.virtual_hosts {
        let domains: Cow<str> = describe_domains(&vh.domains).into();
        let vh_name: Cow<str> = vh.name.to_string().into();
        for r in vh.routes.iter().filter(|r| !is_passthrough(r)) {
            let vs = istio_config_of(r.metadata.as_ref(), "virtual-service");
            let mut row = vec![
                name.clone(),
                vh_name.clone(),
                domains.clone(),
                describe_match(&r.route_match).into(),
                vs.into(),
            ];
            if layout.wide {
                row.extend(describe_action(r).map(Cow::from));
            }
            rows.push(row);
        }
        if vh.routes.is_empty() {
            let mut row = vec![
                name.clone(),
                vh_name.clone(),
                domains.clone(),
                "/*".into(),
                "404".into(),
            ];
            if layout.wide {
                row.extend(["-", "-", "-"].map(Cow::from));
            }
            rows.push(row);
        }
    }
    rows
}

/// Action, timeout and retries of a route, for `-o wide`.
fn describe_action(r: &Route) -> [String; 3] {
    if let Some(a) = &r.route {
        let action = if let Some(w) = &a.weighted_clusters {
            w.clusters
                .iter()
                .map(|c| format!("{}={}", c.name, c.weight.unwrap_or(0)))
                .collect::<Vec<_>>()
                .join(",")
        } else if !a.cluster_header.is_empty() {
            format!("header {}", a.cluster_header)
        } else {
            a.cluster.to_string()
        };
        let timeout = a.timeout.as_deref().unwrap_or("15s").to_string();
        let retries = match &a.retry_policy {
            Some(p) => format!("{}x {}", p.num_retries.unwrap_or(1), p.retry_on),
            None => "-".to_string(),
        };
        return [action, timeout, retries];
    }
    let action = if r.redirect.is_some() {
        "redirect".to_string()
    } else if let Some(d) = &r.direct_response {
        format!("direct response {}", d.status)
    } else {
        "-".to_string()
    };
    [action, "-".to_string(), "-".to_string()]
}

/// `host:port`, `host:*` (Istio's any-port form) and `[v6]:port` carry a port; a bare IPv6
/// literal does not.
fn has_port(domain: &str) -> bool {
    let host_end = if domain.starts_with('[') {
        domain.find(']').map_or(0, |i| i + 1)
    } else {
        0
    };
    match domain[host_end..].rfind(':') {
        Some(i) => {
            let port = &domain[host_end + i + 1..];
            !port.is_empty()
                && (port == "*" || port.bytes().all(|b| b.is_ascii_digit()))
                && (host_end > 0 || !domain[..i].contains(':'))
        }
        None => false,
    }
}

/// istioctl's short form of a virtual host's domains.
pub fn describe_domains<S: AsRef<str>>(domains: &[S]) -> String {
    match domains {
        [] => return String::new(),
        [one] => return one.as_ref().to_string(),
        _ => {}
    }
    let without_port: Vec<&str> = domains
        .iter()
        .map(|d| d.as_ref())
        .filter(|d| !has_port(d))
        .collect();
    let listed = |h: &str| without_port.contains(&h);
    let unique: Vec<&str> = without_port
        .iter()
        .copied()
        .filter(|h| {
            let full = h.strip_suffix(".svc.cluster.local").is_some_and(listed);
            let partial = h.strip_suffix(".svc").is_some_and(listed);
            !(full || partial)
        })
        .collect();
    if unique.len() > 2 {
        format!("{} + {} more...", unique[..2].join(", "), unique.len() - 2)
    } else {
        unique.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_drop_ports_and_expanded_names() {
        let d = [
            "customers.default.svc.cluster.local",
            "customers.default.svc.cluster.local:80",
            "customers",
            "customers:80",
            "customers.default.svc.cluster",
            "customers.default.svc.cluster:80",
            "customers.default.svc",
            "customers.default.svc:80",
            "customers.default",
            "customers.default:80",
            "10.43.246.220",
            "10.43.246.220:80",
        ];
        assert_eq!(
            describe_domains(&d),
            "customers, customers.default.svc.cluster + 2 more..."
        );
        assert_eq!(describe_domains(&["a:80", "b"]), "b");
        assert_eq!(describe_domains(&["only:80"]), "only:80");
        assert_eq!(describe_domains::<&str>(&[]), "");
    }

    #[test]
    fn ipv6_literals_without_port_are_kept() {
        assert!(!has_port("[fd00::1]"));
        assert!(has_port("[fd00::1]:80"));
        assert!(has_port("a.b:8080"));
        assert!(!has_port("fd00::1"));
    }

    #[test]
    fn numeric_names_sort_around_fixed_non_numeric_ones() {
        let names = ["8080", "x", "80", "15010", "y", "443"];
        let mut items = names.to_vec();
        apply_permutation(&mut items, numeric_order(&names));
        assert_eq!(items, ["80", "x", "443", "8080", "y", "15010"]);
    }
}
