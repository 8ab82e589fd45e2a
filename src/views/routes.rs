//! `pc routes`: one row per route of each route configuration.

use std::borrow::Cow;
use std::io::Write;

use crate::config::{Format, RouteFilter};
use crate::envoy::dump::{Dump, Resource, ResourceReader, SectionKind};
use crate::envoy::names::{apply_permutation, go_atoi, Naming};
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
    /// None for a config `--name` drops: istioctl filters after sorting, and an unstable
    /// sort's order depends on every element.
    rows: Option<Vec<Vec<Cow<'static, str>>>>,
    /// The rows whose VIRTUAL SERVICE istioctl leaves empty for a route that has a name,
    /// with that name: another control plane's dump shows it there (`Naming`).
    named: Vec<(usize, String)>,
}

/// The VIRTUAL SERVICE column of a verbose row.
const VIRTUAL_SERVICE: usize = 4;

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

/// Reads, while the dump is parsed, every route config's name, and the rows of the configs
/// `filter` keeps: dynamic ones, then static ones, laid out by `layout`.
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
            let (rows, named) = match filter.keeps(&r.value.name) {
                true => {
                    let (rows, named) = rows(&r.value, layout);
                    (Some(rows), named)
                }
                false => (None, Vec::new()),
            };
            Some(Entry {
                rows,
                named,
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
    let (dump, read) = src.leading_texts(SectionKind::Routes, &LISTS, "name", |_| true)?;
    dump.require(SectionKind::Routes)?;
    let Some(mut read) = read else {
        // Reading the configs typed says where the name that is not a string is.
        src.dump(&mut reader(filter, Layout::default()))?;
        return Err(Error::malformed(
            "config dump: a route configuration's name is not a string",
        ));
    };
    let order = istioctl_order(&read.iter().map(|(name, _)| name).collect::<Vec<_>>());
    apply_permutation(&mut read, order);
    Ok(read
        .into_iter()
        .filter(|(name, _)| filter.keeps(name))
        .map(|(_, raw)| raw)
        .collect())
}

/// istioctl's order of route configs: `sort.Slice` with a less-function that compares names
/// as numbers when both are Go integers and says "not less" otherwise. That is no strict weak
/// order; the result is whatever Go's algorithm makes of it, which `gosort` reproduces.
/// Returns, for each position, the index of the entry that belongs there.
fn istioctl_order<S: AsRef<str>>(names: &[S]) -> Vec<usize> {
    let mut keyed: Vec<(Option<i64>, usize)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let (value, is_integer) = go_atoi(n.as_ref());
            (is_integer.then_some(value), i)
        })
        .collect();
    crate::gosort::slice(&mut keyed, |a, b| match (a.0, b.0) {
        (Some(x), Some(y)) => x < y,
        _ => false,
    });
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The route configs a reader read, in istioctl's order, those `--name` keeps; an error when the
/// dump has no route section, or no route configs at all, filter or not.
pub fn sorted(dump: &Dump<'_>, mut read: Vec<Entry>) -> Result<Vec<Entry>> {
    dump.require(SectionKind::Routes)?;
    if read.is_empty() {
        return Err(Error::input("no routes found"));
    }
    let names: Vec<&str> = read.iter().map(|e| e.name.as_ref()).collect();
    let order = istioctl_order(&names);
    apply_permutation(&mut read, order);
    read.retain(|e| e.rows.is_some());
    Ok(read)
}

pub fn run(
    src: &DumpReader,
    filter: &RouteFilter,
    format: Format,
    live: &crate::views::LiveContext,
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
    table(entries, layout, live.naming(&dump)?).write(out)?;
    Ok(())
}

fn is_passthrough(r: &Route) -> bool {
    r.route
        .as_ref()
        .is_some_and(|a| a.cluster.as_deref() == Some("PassthroughCluster"))
}

/// The routes table of entries read with `layout`; `naming` says whether an unnamed virtual
/// service shows the route's own name.
pub fn table(entries: Vec<Entry>, layout: Layout, naming: Naming) -> Table<'static> {
    let mut header: Vec<&str> = if layout.verbose {
        vec!["NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE"]
    } else {
        vec!["NAME", "VIRTUAL HOSTS"]
    };
    if layout.wide && layout.verbose {
        header.extend(["ACTION", "TIMEOUT", "RETRIES"]);
    }
    let mut t = Table::new(5).header(&header);
    for e in entries {
        let mut rows = e.rows.unwrap_or_default();
        if naming == Naming::Other {
            for (i, name) in e.named {
                rows[i][VIRTUAL_SERVICE] = name.into();
            }
        }
        for row in rows {
            t.row(row);
        }
    }
    t
}

/// The table rows of one route configuration, owning their strings, and the rows whose empty
/// VIRTUAL SERVICE another control plane's dump fills with the route's name.
#[allow(clippy::type_complexity)]
fn rows(
    config: &RouteConfiguration<'_>,
    layout: Layout,
) -> (Vec<Vec<Cow<'static, str>>>, Vec<(usize, String)>) {
    let name: Cow<str> = format!("{}{}", layout.prefix, config.name).into();
    if !layout.verbose {
        return (
            vec![vec![name, config.virtual_hosts.len().to_string().into()]],
            Vec::new(),
        );
    }
    let mut rows = Vec::new();
    let mut named = Vec::new();
    for vh in &config.virtual_hosts {
        let domains: Cow<str> = describe_domains(&vh.domains).into();
        let vh_name: Cow<str> = vh.name.to_string().into();
        for r in vh.routes.iter().filter(|r| !is_passthrough(r)) {
            let vs = istio_config_of(r.metadata.as_ref());
            if vs.is_empty() && !r.name.is_empty() {
                named.push((rows.len(), r.name.to_string()));
            }
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
    (rows, named)
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
            a.cluster.as_deref().unwrap_or_default().to_string()
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

/// istioctl's short form of a virtual host's domains: one as it is; of more, those without a
/// `:` and the bracketed IPv6 ones (more than two `:`, ending in `]`), less each whose
/// `.svc.cluster.local` or `.svc` expansion of a kept shorter name is kept too; more than two
/// are cut to the first two and a count.
pub fn describe_domains<S: AsRef<str>>(domains: &[S]) -> String {
    match domains {
        [] => return String::new(),
        [one] => return one.as_ref().to_string(),
        _ => {}
    }
    let kept: Vec<&str> = domains
        .iter()
        .map(|d| d.as_ref())
        .filter(|d| !d.contains(':') || (d.matches(':').count() > 2 && d.ends_with(']')))
        .collect();
    let listed = |h: &str| kept.contains(&h);
    let unique: Vec<&str> = kept
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
    fn bracketed_ipv6_domains_need_more_than_two_colons() {
        assert_eq!(describe_domains(&["[fd00::1]", "a"]), "a");
        assert_eq!(describe_domains(&["[fd00::1:2]", "a"]), "[fd00::1:2], a");
        assert_eq!(describe_domains(&["fd00::1:2:3", "a"]), "a");
        assert_eq!(describe_domains(&["[fd00::1:2]:80", "a"]), "a");
    }

    #[test]
    fn numeric_names_sort_only_between_non_numeric_ones() {
        // Up to 12 elements Go's sort.Slice is an insertion sort: a numeric name moves left
        // only past numeric names, so non-numeric names fence the runs.
        let names = ["8080", "x", "80", "15010", "y", "443", "-1", "+7"];
        let mut items = names.to_vec();
        apply_permutation(&mut items, istioctl_order(&names));
        assert_eq!(items, ["8080", "x", "80", "15010", "y", "-1", "+7", "443"]);
    }
}
