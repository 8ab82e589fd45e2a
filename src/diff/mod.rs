//! `pc diff`: what changed between two config dumps, resource by resource, in the names
//! istioctl's `-o json` prints (`filterChains`), so a dump in Envoy's snake_case and its camelCase
//! form compare equal.
//!
//! Resources are matched by name (listeners, clusters, route configurations, secrets; load
//! assignments by cluster name) over the reader's raw text: two resources whose texts are the
//! same bytes are the same and are never parsed; only those whose bytes differ are turned into
//! JSON values and compared field by field (`value`). Nested lists are matched by name or
//! address where their elements have one, and only then by position.

pub mod print;
mod value;

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

pub use crate::config::DiffView;
use crate::envoy::dump::{leading_field, ListReader, SectionKind, Want};
use crate::envoy::reader::DumpReader;
use crate::error::{Error, Result};
use crate::input::Document;

pub use value::ORDER_INSENSITIVE;

impl DiffView {
    fn kinds(&self) -> &'static [ResourceKind] {
        use ResourceKind::*;
        match self {
            DiffView::All => &[Bootstrap, Cluster, Listener, Route, Endpoints, Secret],
            DiffView::Bootstrap => &[Bootstrap],
            DiffView::Clusters(_) => &[Cluster],
            DiffView::Listeners(_) => &[Listener],
            DiffView::Routes(_) => &[Route],
            DiffView::Endpoints(_) => &[Endpoints],
            DiffView::Secrets => &[Secret],
        }
    }

    /// The dump sections the diff reads.
    pub fn want(&self) -> Want {
        self.kinds()
            .iter()
            .fold(Want::none(), |w, k| w.with(k.section()))
    }
}

/// What a diff ignores unless asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiffOptions {
    /// Also report `lastUpdated`, `versionInfo`, reorderings of lists whose order Envoy does
    /// not act on (`ORDER_INSENSITIVE`) and, in the bootstrap, the per-pod identity.
    pub all_fields: bool,
}

/// The kind of a resource, as `-o json` names it in a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResourceKind {
    Bootstrap,
    Cluster,
    Listener,
    Route,
    Endpoints,
    Secret,
}

impl ResourceKind {
    pub fn name(self) -> &'static str {
        match self {
            ResourceKind::Bootstrap => "bootstrap",
            ResourceKind::Cluster => "cluster",
            ResourceKind::Listener => "listener",
            ResourceKind::Route => "route",
            ResourceKind::Endpoints => "endpoints",
            ResourceKind::Secret => "secret",
        }
    }

    fn section(self) -> SectionKind {
        match self {
            ResourceKind::Bootstrap => SectionKind::Bootstrap,
            ResourceKind::Cluster => SectionKind::Clusters,
            ResourceKind::Listener => SectionKind::Listeners,
            ResourceKind::Route => SectionKind::Routes,
            ResourceKind::Endpoints => SectionKind::Endpoints,
            ResourceKind::Secret => SectionKind::Secrets,
        }
    }

    /// The lists of the section holding this kind that the view's `-o json` shows (`secret`'s
    /// shows the whole section).
    fn lists(self) -> &'static [&'static str] {
        match self {
            ResourceKind::Bootstrap => &[],
            ResourceKind::Cluster => &["dynamic_active_clusters", "static_clusters"],
            ResourceKind::Listener => &["dynamic_listeners", "static_listeners"],
            ResourceKind::Route => &["dynamic_route_configs", "static_route_configs"],
            ResourceKind::Endpoints => &["dynamic_endpoint_configs", "static_endpoint_configs"],
            ResourceKind::Secret => &[
                "dynamic_active_secrets",
                "static_secrets",
                "dynamic_warming_secrets",
            ],
        }
    }

    fn from_section(kind: SectionKind) -> Option<ResourceKind> {
        Some(match kind {
            SectionKind::Bootstrap => ResourceKind::Bootstrap,
            SectionKind::Clusters => ResourceKind::Cluster,
            SectionKind::Listeners => ResourceKind::Listener,
            SectionKind::Routes => ResourceKind::Route,
            SectionKind::Endpoints => ResourceKind::Endpoints,
            SectionKind::Secrets => ResourceKind::Secret,
            _ => return None,
        })
    }
}

/// What happened to a resource or a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Added,
    Removed,
    Changed,
}

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Added => "added",
            Op::Removed => "removed",
            Op::Changed => "changed",
        }
    }
}

/// One difference. A resource added or removed is one change with an empty `path` and the
/// resource as `new` or `old`; a changed resource gives one change per field that differs,
/// `path` in istioctl's JSON names (`.filterChains["0.0.0.0_80"].filters[0].typedConfig`),
/// `old` or `new` None where the field is absent on that side.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub op: Op,
    pub kind: ResourceKind,
    /// The resource's name; an unnamed one (an inline route configuration) is `#N`, its
    /// position among the unnamed ones of its kind.
    pub name: String,
    pub path: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// The differences from `old` to `new` in what `view` shows, resources in the order of `new`
/// (removed ones last, in the order of `old`). This is the diff's whole engine and knows
/// nothing of where the documents came from: `pc diff` gives it two files, a file and a pod,
/// or two fetches of one pod; a fleet summary may give it two replicas of a group and print
/// the result with `print::write_text`.
pub fn changes(
    view: &DiffView,
    old: &Document,
    new: &Document,
    options: &DiffOptions,
) -> Result<Vec<Change>> {
    let (old_read, new_read) = crate::parallel::join(
        || read(view, old).map_err(|e| e.in_input(&old.origin)),
        || read(view, new).map_err(|e| e.in_input(&new.origin)),
    );
    let (old_read, new_read) = (old_read?, new_read?);
    let mut out = Vec::new();
    let mut changed_listeners: Vec<(Option<Value>, Option<Value>)> = Vec::new();
    for &kind in view.kinds() {
        let olds = old_read.get(&kind).map(Vec::as_slice).unwrap_or_default();
        let news = new_read.get(&kind).map(Vec::as_slice).unwrap_or_default();
        let olds: Vec<&Item> = olds.iter().filter(|i| keeps(view, i)).collect();
        let news: Vec<&Item> = news.iter().filter(|i| keeps(view, i)).collect();
        let mut found = compare_kind(kind, &olds, &news, options)?;
        if kind == ResourceKind::Listener {
            changed_listeners = found.iter().map(|c| c.values.clone()).collect();
        }
        if kind == ResourceKind::Route && *view == DiffView::All {
            // Envoy lists a listener's inline route configurations among the static ones too;
            // a change in one is reported once, under its listener.
            let inline = inline_route_configs(&changed_listeners);
            found.retain(|c| !c.is_inline(&inline));
        }
        out.extend(found.into_iter().flat_map(|c| c.changes));
    }
    Ok(out)
}

/// Whether the view's filters keep a resource.
fn keeps(view: &DiffView, item: &Item) -> bool {
    match view {
        DiffView::Clusters(f) => f.matches(&item.name),
        DiffView::Routes(f) => f.name.as_ref().is_none_or(|n| *n == item.name),
        DiffView::Endpoints(f) => f
            .cluster
            .as_ref()
            .is_none_or(|c| crate::views::equal_fold(c, &item.name)),
        DiffView::Listeners(f) => {
            let filtered = f.address.is_some() || f.port.is_some() || f.listener_type.is_some();
            !filtered
                || serde_json::from_str::<crate::envoy::resources::Listener>(&item.text)
                    .ok()
                    .and_then(|l| f.matches(&l).ok())
                    .unwrap_or(false)
        }
        DiffView::All | DiffView::Bootstrap | DiffView::Secrets => true,
    }
}

/// One resource as read: its text, where its name and its wrapper's fields are.
#[derive(Debug)]
struct Item<'a> {
    /// Secrets: warming ones are told apart from active ones of the same name.
    group: u8,
    name: String,
    /// The resource's JSON text, in Envoy's spelling: borrowed from the dump, or rebuilt (the
    /// bootstrap section).
    text: Cow<'a, str>,
    version_info: Option<&'a str>,
    last_updated: Option<&'a str>,
}

/// A list entry of any section, as Envoy wraps a resource.
#[derive(Deserialize)]
struct Wrapper<'a> {
    #[serde(
        borrow,
        rename = "cluster",
        alias = "listener",
        alias = "route_config",
        alias = "endpoint_config",
        alias = "secret"
    )]
    resource: Option<&'a RawValue>,
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    version_info: Option<&'a RawValue>,
    #[serde(borrow, default)]
    last_updated: Option<&'a RawValue>,
    #[serde(borrow, default)]
    active_state: Option<Box<Wrapper<'a>>>,
}

/// Reads the wanted lists of every wanted section as items, keeping their texts.
struct ItemReader<'a> {
    kinds: &'static [ResourceKind],
    items: HashMap<ResourceKind, Vec<Item<'a>>>,
}

impl<'a> ListReader<'a> for ItemReader<'a> {
    fn takes_kind(&self, kind: SectionKind) -> bool {
        ResourceKind::from_section(kind).is_some_and(|k| self.kinds.contains(&k))
    }
    fn takes(&self, kind: SectionKind, field: &str) -> bool {
        ResourceKind::from_section(kind)
            .is_some_and(|k| self.kinds.contains(&k) && k.lists().contains(&field))
    }
    fn restart(&mut self, kind: SectionKind) {
        if let Some(k) = ResourceKind::from_section(kind) {
            self.items.remove(&k);
        }
    }
    fn item<D: serde::Deserializer<'a>>(
        &mut self,
        kind: SectionKind,
        field: &str,
        item: D,
    ) -> std::result::Result<(), D::Error> {
        let Some(kind) = ResourceKind::from_section(kind) else {
            return serde::de::IgnoredAny::deserialize(item).map(|_| ());
        };
        let mut wrapper = Wrapper::deserialize(item)?;
        if let Some(active) = wrapper.active_state.take() {
            // A dynamic listener: its name outside, the rest in its active state.
            wrapper = Wrapper {
                name: wrapper.name,
                ..*active
            };
        } else if field == "dynamic_listeners" {
            // Warming or draining only: not what the view shows.
            return Ok(());
        }
        let Some(resource) = wrapper.resource else {
            return Ok(());
        };
        let text = resource.get();
        let name = match kind {
            ResourceKind::Endpoints => leading_field(text, "cluster_name"),
            ResourceKind::Secret => wrapper.name.clone(),
            _ => leading_field(text, "name"),
        }
        .map(Cow::into_owned)
        .or_else(|| wrapper.name.map(Cow::into_owned))
        .unwrap_or_default();
        let string = |raw: Option<&'a RawValue>| raw.map(RawValue::get);
        self.items.entry(kind).or_default().push(Item {
            group: u8::from(field == "dynamic_warming_secrets"),
            name,
            text: Cow::Borrowed(text),
            version_info: string(wrapper.version_info),
            last_updated: string(wrapper.last_updated),
        });
        Ok(())
    }
}

/// The items of every kind `view` compares; the bootstrap is one item, its section.
fn read<'a>(view: &DiffView, doc: &'a Document) -> Result<HashMap<ResourceKind, Vec<Item<'a>>>> {
    doc.kind()?;
    let src = DumpReader::new(doc, view.want());
    let mut reader = ItemReader {
        kinds: view.kinds(),
        items: HashMap::new(),
    };
    let dump = src.dump(&mut reader)?;
    let mut items = reader.items;
    for &kind in view.kinds() {
        if kind == ResourceKind::Bootstrap {
            let section = match dump.section(SectionKind::Bootstrap) {
                Some(section) => section,
                None if *view == DiffView::All => continue,
                None => dump.require(SectionKind::Bootstrap)?,
            };
            items.entry(kind).or_default().push(Item {
                group: 0,
                name: String::new(),
                text: Cow::Owned(section.to_json()),
                version_info: None,
                last_updated: None,
            });
        } else if dump.section(kind.section()).is_none() && *view != DiffView::All {
            // One view's diff needs its section, as the view does; `all` compares what the
            // dumps have (a section missing from both is no change).
            return Err(Error::input(format!(
                "config dump has no configuration type {}",
                kind.section().type_url()
            )));
        }
    }
    Ok(items)
}

/// The changes of one resource, and its two values when they were parsed.
struct Found {
    changes: Vec<Change>,
    values: (Option<Value>, Option<Value>),
}

impl Found {
    /// Whether this is a route configuration found inline in a listener on its side.
    fn is_inline(&self, inline: &[Value]) -> bool {
        let (old, new) = &self.values;
        [old, new]
            .into_iter()
            .flatten()
            .all(|v| inline.iter().any(|i| i == v))
            && (old.is_some() || new.is_some())
    }
}

/// The route configurations inside the connection managers of listeners (both sides).
fn inline_route_configs(listeners: &[(Option<Value>, Option<Value>)]) -> Vec<Value> {
    fn walk(v: &Value, out: &mut Vec<Value>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if k == "routeConfig" && v.is_object() {
                        out.push(v.clone());
                    } else {
                        walk(v, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (old, new) in listeners {
        for v in [old, new].into_iter().flatten() {
            walk(v, &mut out);
        }
    }
    out
}

/// A resource's text as istioctl's JSON value.
fn to_value(kind: ResourceKind, text: &str) -> Result<Value> {
    let mut out = Vec::with_capacity(text.len());
    envoy_schema::transcode(
        text,
        envoy_schema::Root::UnpackedAny,
        envoy_schema::KeyStyle::ProtoJson,
        &mut out,
        None,
    )
    .map_err(|e| Error::input(format!("cannot read a {}: {e}", kind.name())))?;
    serde_json::from_slice(&out).map_err(|e| {
        Error::malformed(format!(
            "config dump: unexpected content in a {}: {}",
            kind.name(),
            crate::envoy::dump::without_position(&e)
        ))
    })
}

/// The bootstrap fields that name one pod rather than its workload, ignored between pods.
const POD_IDENTITY: &[&[&str]] = &[
    &["bootstrap", "node", "id"],
    &["bootstrap", "node", "metadata", "NAME"],
    &["bootstrap", "node", "metadata", "POD_NAME"],
    &["bootstrap", "node", "metadata", "INSTANCE_IPS"],
    &["bootstrap", "node", "metadata", "INSTANCE_IP"],
    &["bootstrap", "node", "metadata", "HOSTNAME"],
    &["bootstrap", "node", "metadata", "IP"],
    &[
        "bootstrap",
        "node",
        "metadata",
        "LABELS",
        "pod-template-hash",
    ],
    &[
        "bootstrap",
        "node",
        "metadata",
        "LABELS",
        "statefulset.kubernetes.io/pod-name",
    ],
    &[
        "bootstrap",
        "node",
        "metadata",
        "LABELS",
        "apps.kubernetes.io/pod-index",
    ],
];

/// The value of a resource, less what the diff ignores unless `--all-fields`.
fn comparable(kind: ResourceKind, item: &Item, options: &DiffOptions) -> Result<Value> {
    let mut value = to_value(kind, &item.text)?;
    if kind == ResourceKind::Bootstrap && !options.all_fields {
        if let Value::Object(map) = &mut value {
            map.remove("lastUpdated");
        }
        for path in POD_IDENTITY {
            remove_path(&mut value, path);
        }
    }
    Ok(value)
}

fn remove_path(value: &mut Value, path: &[&str]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = value;
    for key in parents {
        match at.get_mut(*key) {
            Some(next) => at = next,
            None => return,
        }
    }
    if let Value::Object(map) = at {
        map.remove(*last);
    }
}

/// Compares the resources of one kind: by name; resources that share a name on a side (inline
/// route configurations: Envoy lists one per filter chain, and keeps a replaced listener's
/// while it drains) and unnamed ones by content, then by position.
fn compare_kind(
    kind: ResourceKind,
    olds: &[&Item],
    news: &[&Item],
    options: &DiffOptions,
) -> Result<Vec<Found>> {
    let (old_groups, new_groups) = (by_name(olds), by_name(news));
    // For each resource of `new` in order, then each of `old` left: the pair and its name.
    let mut old_partner: Vec<Option<usize>> = vec![None; olds.len()];
    let mut new_partner: Vec<Option<usize>> = vec![None; news.len()];
    for (key, js) in &new_groups {
        let Some(is) = old_groups.get(key) else {
            continue;
        };
        for (i, j) in pair_up(kind, olds, is, news, js, options)? {
            old_partner[i] = Some(j);
            new_partner[j] = Some(i);
        }
    }
    // A resource's name, with its place among those of the same name when it is not alone.
    let shown = |items: &[&Item], groups: &HashMap<(u8, &str), Vec<usize>>, at: usize| {
        let item = items[at];
        let same = &groups[&(item.group, item.name.as_str())];
        let place = same.iter().position(|&k| k == at).unwrap_or(0) + 1;
        let name = match (item.name.as_str(), same.len()) {
            // The one bootstrap has no name.
            ("", 1) if kind == ResourceKind::Bootstrap => String::new(),
            ("", _) => format!("#{place}"),
            (name, 1) => name.to_string(),
            (name, _) => format!("{name} #{place}"),
        };
        match item.group {
            0 => name,
            _ => format!("{name} (warming)"),
        }
    };
    let mut found = Vec::new();
    for (j, partner) in new_partner.iter().enumerate() {
        let old = partner.map(|i| olds[i]);
        let name = shown(news, &new_groups, j);
        if let Some(f) = compare_one(kind, name, old, Some(news[j]), options)? {
            found.push(f);
        }
    }
    for (i, partner) in old_partner.iter().enumerate() {
        if partner.is_none() {
            let name = shown(olds, &old_groups, i);
            if let Some(f) = compare_one(kind, name, Some(olds[i]), None, options)? {
                found.push(f);
            }
        }
    }
    Ok(found)
}

/// Each name's resources, by their index in `items`.
fn by_name<'i>(items: &[&'i Item]) -> HashMap<(u8, &'i str), Vec<usize>> {
    let mut groups: HashMap<(u8, &str), Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        groups.entry((item.group, &item.name)).or_default().push(i);
    }
    groups
}

/// Pairs the resources `is` of `olds` with `js` of `news`, all of one name: one each is a
/// pair; otherwise the same text first, then the same value, then by position.
fn pair_up(
    kind: ResourceKind,
    olds: &[&Item],
    is: &[usize],
    news: &[&Item],
    js: &[usize],
    options: &DiffOptions,
) -> Result<Vec<(usize, usize)>> {
    if let ([i], [j]) = (is, js) {
        return Ok(vec![(*i, *j)]);
    }
    let mut pairs = Vec::new();
    let mut old_left: Vec<usize> = is.to_vec();
    let mut new_left = Vec::new();
    for &j in js {
        match old_left.iter().position(|&i| olds[i].text == news[j].text) {
            Some(p) => pairs.push((old_left.remove(p), j)),
            None => new_left.push(j),
        }
    }
    if !new_left.is_empty() && !old_left.is_empty() {
        let old_values = old_left
            .iter()
            .map(|&i| comparable(kind, olds[i], options))
            .collect::<Result<Vec<_>>>()?;
        let mut taken = vec![false; old_left.len()];
        let mut still = Vec::new();
        for j in new_left {
            let v = comparable(kind, news[j], options)?;
            match (0..old_values.len()).find(|&p| !taken[p] && old_values[p] == v) {
                Some(p) => {
                    taken[p] = true;
                    pairs.push((old_left[p], j));
                }
                None => still.push(j),
            }
        }
        let rest = (0..old_left.len())
            .filter(|&p| !taken[p])
            .map(|p| old_left[p]);
        pairs.extend(rest.zip(still));
    }
    Ok(pairs)
}

/// The changes between two sides of one resource; None when there are none.
fn compare_one(
    kind: ResourceKind,
    name: String,
    old: Option<&Item>,
    new: Option<&Item>,
    options: &DiffOptions,
) -> Result<Option<Found>> {
    let change = |op, path: String, old, new| Change {
        op,
        kind,
        name: name.clone(),
        path,
        old,
        new,
    };
    let (old, new) = match (old, new) {
        (Some(old), Some(new)) => (old, new),
        (None, Some(new)) => {
            let v = comparable(kind, new, options)?;
            return Ok(Some(Found {
                changes: vec![change(Op::Added, String::new(), None, Some(v.clone()))],
                values: (None, Some(v)),
            }));
        }
        (Some(old), None) => {
            let v = comparable(kind, old, options)?;
            return Ok(Some(Found {
                changes: vec![change(Op::Removed, String::new(), Some(v.clone()), None)],
                values: (Some(v), None),
            }));
        }
        (None, None) => return Ok(None),
    };
    let mut changes = Vec::new();
    let mut values = (None, None);
    if old.text != new.text {
        let (a, b) = (
            comparable(kind, old, options)?,
            comparable(kind, new, options)?,
        );
        let mut fields = Vec::new();
        value::diff(&a, &b, options, &mut String::new(), &mut fields);
        changes.extend(
            fields
                .into_iter()
                .map(|(path, o, n)| change(Op::Changed, path, o, n)),
        );
        values = (Some(a), Some(b));
    }
    if options.all_fields {
        for (field, a, b) in [
            ("versionInfo", old.version_info, new.version_info),
            ("lastUpdated", old.last_updated, new.last_updated),
        ] {
            if a != b {
                let parse = |t: Option<&str>| t.and_then(|t| serde_json::from_str(t).ok());
                changes.push(change(Op::Changed, format!(".{field}"), parse(a), parse(b)));
            }
        }
    }
    if changes.is_empty() {
        return Ok(None);
    }
    Ok(Some(Found { changes, values }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Format, RouteFilter};

    fn doc(file: &str) -> Document {
        let text = crate::fixture_text("diff", file);
        Document::from_bytes(text.into_bytes(), file.to_string()).unwrap()
    }

    fn resources(changes: &[Change]) -> Vec<(Op, &'static str, &str)> {
        let mut seen: Vec<(Op, &'static str, &str)> = Vec::new();
        for c in changes {
            let r = (c.op, c.kind.name(), c.name.as_str());
            if !seen.contains(&r) {
                seen.push(r);
            }
        }
        seen
    }

    #[test]
    fn an_inline_route_configuration_change_is_reported_once_under_its_listener() {
        let (before, after) = (doc("before.json"), doc("after.json"));
        let options = DiffOptions::default();
        let all = changes(&DiffView::All, &before, &after, &options).unwrap();
        assert_eq!(
            resources(&all),
            [
                (
                    Op::Changed,
                    "cluster",
                    "outbound|80|v1|customers.default.svc.cluster.local"
                ),
                (Op::Changed, "listener", "0.0.0.0_9411"),
                (Op::Added, "listener", "0.0.0.0_9000"),
                (Op::Changed, "route", "80"),
                (
                    Op::Changed,
                    "endpoints",
                    "outbound|80||customers.default.svc.cluster.local"
                ),
                (Op::Changed, "secret", "default"),
            ]
        );
        // The routes alone show what Envoy lists: the new inline configuration beside the one
        // the replaced listener keeps while it drains.
        let routes = DiffView::Routes(RouteFilter {
            name: None,
            verbose: true,
        });
        let found = changes(&routes, &before, &after, &options).unwrap();
        assert_eq!(
            resources(&found),
            [
                (Op::Added, "route", "zipkin-inline #1"),
                (Op::Changed, "route", "80")
            ]
        );
    }

    #[test]
    fn the_text_printer_writes_one_line_per_resource_and_field() {
        let (before, after) = (doc("before.json"), doc("after.json"));
        let clusters = DiffView::Clusters(Default::default());
        let found = changes(&clusters, &after, &before, &DiffOptions::default()).unwrap();
        let mut out = Vec::new();
        print::write(&found, Format::Short, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "~ cluster outbound|80|v1|customers.default.svc.cluster.local\n    \
             .connectTimeout: \"2.500s\" → \"10s\"\n    .lbPolicy: \"RANDOM\" → \"LEAST_REQUEST\"\n"
        );
        assert!(
            changes(&clusters, &before, &before, &DiffOptions::default())
                .unwrap()
                .is_empty()
        );
    }
}
