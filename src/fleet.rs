//! A view over many pods: every pod of a workload (`--all-pods`) or of a label selector (`-l`),
//! fetched by `live::fleet::fan_out`, each pod's answer turned into what is printed as soon as it
//! arrives (the view renders it as for one pod), then composed: tables with a `POD` column in
//! front (`NAMESPACE` too with `-A`), JSON and YAML as an array of `{"pod", "namespace", "items"}`
//! or `{"pod", "namespace", "error"}`, or with `--summary` the pods grouped by identical views.
//!
//! Views know nothing of fleets: a table a view writes for one pod is taken as cells
//! (`render::table::capture`) and laid out again with the pod in front, keeping istioctl's layout
//! rules and the view's row order within each pod; pods are in namespace, then name, order.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::sync::Mutex;

use serde_json::Value;

use crate::config::{ClusterOptions, DiffView, Fleet, Format, Output, PodSelection, ViewKind};
use crate::diff;
use crate::envoy::names::Naming;
use crate::envoy::stats::Stats;
use crate::error::{Error, Kind, Result};
use crate::input::Document;
use crate::live::fleet::{fan_out, PodOutcome};
use crate::live::{self, PodRef};
use crate::render::table::{self, Cells, Table};
use crate::views;

/// What one pod's view became.
enum Printed {
    /// The one table the view wrote, as cells.
    Table(Cells),
    /// Text that is not one table (`all`'s blocks): printed under the pod's name.
    Text(Vec<u8>),
    /// The view's JSON (or `-o raw`) text.
    Json(String),
    /// `--summary`: the view's JSON with volatile fields left out, and the pod's dump when it
    /// was the first seen with this view (what the group's differences are computed from).
    Normalised(Value, Option<Document>),
}

/// The comparison `pc diff` makes for a view, where it has one.
fn diff_view(view: &ViewKind) -> Option<DiffView> {
    Some(match view {
        ViewKind::All(_) => DiffView::All,
        ViewKind::Bootstrap => DiffView::Bootstrap,
        ViewKind::Clusters(f) => DiffView::Clusters(f.clone()),
        ViewKind::Listeners(f) => DiffView::Listeners(f.clone()),
        ViewKind::Routes(f) => DiffView::Routes(f.clone()),
        ViewKind::Endpoints(f) | ViewKind::Eds(f) => DiffView::Endpoints(f.clone()),
        ViewKind::Secrets => DiffView::Secrets,
        ViewKind::Ecds | ViewKind::Waypoint | ViewKind::Trace(_) => return None,
    })
}

/// Runs `view` on every pod `fleet` selects and prints the composed output. Every pod that
/// failed is one line of the error; the error's kind is `SomePods` when others succeeded, else
/// the first failure's.
pub fn run(
    cluster: &ClusterOptions,
    fleet: &Fleet,
    view: &ViewKind,
    output: &Output,
    now: i64,
    out: &mut dyn Write,
) -> Result<()> {
    let format = match output.check() {
        // `listener --waypoint` prints its table whatever `-o` says.
        _ if *view == ViewKind::Waypoint => Format::Short,
        Ok(format) => format,
        Err(unsupported) => return Err(unsupported),
    };
    // What each pod's view is rendered as.
    let pod_format = match format {
        _ if fleet.summary => Format::Json,
        Format::Yaml => Format::Json,
        other => other,
    };
    // A summary asks for the dump sections the diff compares (the view reads them as well), so
    // that a group's differences can be shown.
    let compared = diff_view(view).filter(|_| fleet.summary);
    let request = match &compared {
        Some(compared) => live::diff_request(compared),
        None => live::admin_request(view, pod_format),
    };
    // The views seen so far: a pod whose view is new keeps its dump, the others drop theirs.
    let seen: Mutex<HashSet<String>> = Mutex::new(HashSet::new());
    let make = |pod: &PodRef, answers: live::ViewAnswers| -> Result<Printed> {
        let origin = format!("{}.{}", pod.name, pod.namespace);
        let stats = answers
            .stats
            .map(|s| Stats::parse(&s, &format!("{origin}'s /stats")))
            .transpose()?;
        let context = views::LiveContext {
            counters: views::Counters { stats },
            naming: answers
                .server_info
                .map(|info| Naming::of_server_info(&info)),
        };
        let doc = Document::from_received(answers.dump, origin)?;
        let mut text = Vec::new();
        if fleet.summary {
            views::render_with(view, &doc, pod_format, now, &context, &mut text)?;
            let value: Value = match view {
                // The waypoint view prints its table whatever the format: grouped by its text.
                ViewKind::Waypoint => Value::String(String::from_utf8_lossy(&text).into_owned()),
                _ => serde_json::from_slice(&text).map_err(|e| {
                    Error::input(format!("the view's JSON does not read back: {e}"))
                })?,
            };
            let value = normalised(value);
            let first = compared.is_some()
                && seen
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(value.to_string());
            return Ok(Printed::Normalised(value, first.then_some(doc)));
        }
        if !pod_format.is_table() {
            views::render_with(view, &doc, pod_format, now, &context, &mut text)?;
            return Ok(Printed::Json(String::from_utf8_lossy(&text).into_owned()));
        }
        if let ViewKind::All(_) = view {
            // Several tables, laid out on several threads: printed whole, under the pod's name.
            views::render_with(view, &doc, pod_format, now, &context, &mut text)?;
            return Ok(Printed::Text(text));
        }
        let (rendered, mut tables) =
            table::capture(|| views::render_with(view, &doc, pod_format, now, &context, &mut text));
        rendered?;
        if tables.len() == 1 && text.is_empty() {
            return Ok(Printed::Table(tables.remove(0)));
        }
        // Not one table alone: the view's own output, whole, under the pod's name.
        text.clear();
        views::render_with(view, &doc, pod_format, now, &context, &mut text)?;
        Ok(Printed::Text(text))
    };
    let outcomes = fan_out(cluster, &fleet.pods, &request, fleet.max_concurrency, &make)?;
    let all_namespaces = matches!(
        fleet.pods,
        PodSelection::Selector {
            all_namespaces: true,
            ..
        }
    );
    let mut text = Vec::new();
    if fleet.summary {
        write_summary(&mut text, &outcomes, compared.as_ref(), all_namespaces)?;
    } else if format.is_table() {
        write_tables(&mut text, &outcomes, all_namespaces)?;
    } else {
        let mut json = Vec::new();
        write_json(&mut json, &outcomes)?;
        if format == Format::Yaml {
            crate::render::yaml::write_yaml(&mut text, &json)?;
        } else {
            text = json;
        }
    }
    out.write_all(&text)?;
    failures(&outcomes)
}

/// `name`, or `name.namespace` when pods of several namespaces are shown.
fn label(pod: &PodRef, all_namespaces: bool) -> String {
    if all_namespaces {
        format!("{}.{}", pod.name, pod.namespace)
    } else {
        pod.name.clone()
    }
}

/// The error that ends a fleet with failed pods: one line each, `<pod>.<namespace>: <why>`.
fn failures<T>(outcomes: &[PodOutcome<T>]) -> Result<()> {
    let failed: Vec<(&PodRef, &Error)> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().err().map(|e| (&o.pod, e)))
        .collect();
    let Some((_, first)) = failed.first() else {
        return Ok(());
    };
    let kind = if failed.len() < outcomes.len() {
        Kind::SomePods
    } else {
        first.kind
    };
    let reasons: Vec<String> = failed
        .iter()
        .map(|(pod, e)| format!("{}.{}: {}", pod.name, pod.namespace, e))
        .collect();
    Err(Error::several(kind, &reasons))
}

/// One table: the view's header and every pod's rows, each row led by its pod. A pod whose
/// table has another header or none (a sentence instead of rows) starts a new table, after an
/// empty line; pods whose view was not one table follow, each under its name.
fn write_tables(
    out: &mut Vec<u8>,
    outcomes: &[PodOutcome<Printed>],
    all_namespaces: bool,
) -> Result<()> {
    let lead: &[&str] = if all_namespaces {
        &["NAMESPACE", "POD"]
    } else {
        &["POD"]
    };
    let mut tables: Vec<(&Cells, Table)> = Vec::new();
    for outcome in outcomes {
        let Ok(Printed::Table(cells)) = &outcome.result else {
            continue;
        };
        let same = tables
            .last()
            .is_some_and(|(c, _)| c.padding == cells.padding && c.header == cells.header);
        if !same {
            let mut table = Table::new(cells.padding);
            if let Some(header) = &cells.header {
                let row: Vec<&str> = lead
                    .iter()
                    .copied()
                    .chain(header.iter().map(String::as_str))
                    .collect();
                table = table.header(&row);
            }
            tables.push((cells, table));
        }
        let (_, table) = tables.last_mut().expect("a table was just started");
        // The table borrows every pod's cells: a fleet's rows are held once, not copied.
        for row in &cells.rows {
            let mut line: Vec<&str> = Vec::with_capacity(row.len() + 2);
            if all_namespaces {
                line.push(&outcome.pod.namespace);
            }
            line.push(&outcome.pod.name);
            line.extend(row.iter().map(String::as_str));
            table.row(line);
        }
    }
    let mut first = true;
    for (_, table) in &tables {
        if !std::mem::take(&mut first) {
            out.push(b'\n');
        }
        table.write(out)?;
    }
    for outcome in outcomes {
        if let Ok(Printed::Text(text)) = &outcome.result {
            if !std::mem::take(&mut first) {
                out.push(b'\n');
            }
            writeln!(out, "{}:", label(&outcome.pod, true))?;
            out.extend_from_slice(text);
        }
    }
    Ok(())
}

/// `[{"pod", "namespace", "items"}, {"pod", "namespace", "error"}]`, 4-space indented like
/// istioctl's JSON; each pod's items are the view's own JSON text, indented to its place.
fn write_json(out: &mut Vec<u8>, outcomes: &[PodOutcome<Printed>]) -> Result<()> {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    out.extend_from_slice(b"[\n");
    for (i, outcome) in outcomes.iter().enumerate() {
        write!(
            out,
            "    {{\n        \"pod\": {},\n        \"namespace\": {},\n",
            quote(&outcome.pod.name),
            quote(&outcome.pod.namespace)
        )?;
        match &outcome.result {
            Ok(Printed::Json(text)) => {
                // A newline in JSON text is only ever whitespace between tokens, so indenting
                // after each keeps the document as it was.
                let items = text.trim_end().replace('\n', "\n        ");
                write!(out, "        \"items\": {items}\n    }}")?;
            }
            Ok(_) => write!(out, "        \"items\": null\n    }}")?,
            Err(e) => write!(
                out,
                "        \"error\": {}\n    }}",
                quote(&e.to_string().replace('\n', " "))
            )?,
        }
        out.extend_from_slice(if i + 1 < outcomes.len() {
            b",\n"
        } else {
            b"\n"
        });
    }
    out.extend_from_slice(b"]\n");
    Ok(())
}

/// Keys whose values differ between identical proxies: when and at which version a resource
/// arrived.
const VOLATILE_KEYS: [&str; 2] = ["lastUpdated", "versionInfo"];
/// Node metadata naming the pod itself, which every pod's bootstrap has its own of.
const POD_IDENTITY_METADATA: [&str; 4] = ["NAME", "POD_NAME", "INSTANCE_IPS", "POD_PORTS"];

/// A view's JSON without what differs between pods whose configuration is the same: the
/// volatile keys at any depth, the bootstrap node's id and pod identity, and the order of
/// resource lists, which is the order of Envoy's own hash tables (the view's list, and each
/// section's lists in a dump); lists inside a resource keep their order, which means something.
fn normalised(mut value: Value) -> Value {
    strip(&mut value);
    match &mut value {
        Value::Array(resources) => sort_by_text(resources),
        Value::Object(dump) => {
            if let Some(Value::Array(sections)) = dump.get_mut("configs") {
                for section in sections.iter_mut().filter_map(Value::as_object_mut) {
                    for list in section.values_mut().filter_map(Value::as_array_mut) {
                        sort_by_text(list);
                    }
                }
            }
        }
        _ => {}
    }
    value
}

fn sort_by_text(items: &mut [Value]) {
    items.sort_by_cached_key(Value::to_string);
}

fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for key in VOLATILE_KEYS {
                map.remove(key);
            }
            if let Some(Value::Object(node)) = map.get_mut("node") {
                node.remove("id");
                if let Some(Value::Object(metadata)) = node.get_mut("metadata") {
                    for key in POD_IDENTITY_METADATA {
                        metadata.remove(key);
                    }
                }
            }
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// A group of pods whose normalised views are equal.
struct Group<'a> {
    pods: Vec<&'a PodRef>,
    /// The dump of one of them, kept when the view can be compared.
    dump: Option<&'a Document>,
}

/// The pods grouped by equal views: the largest group first (ties: the group holding the pod
/// first by name), then the others by the same rule. Pods come in name order.
fn groups(outcomes: &[PodOutcome<Printed>]) -> Vec<Group<'_>> {
    let mut by_view: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for outcome in outcomes {
        let Ok(Printed::Normalised(view, dump)) = &outcome.result else {
            continue;
        };
        // serde_json's maps keep keys sorted, so equal views print equal text.
        let key = view.to_string();
        let at = *by_view.entry(key).or_insert_with(|| {
            groups.push(Group {
                pods: Vec::new(),
                dump: None,
            });
            groups.len() - 1
        });
        groups[at].pods.push(&outcome.pod);
        groups[at].dump = groups[at].dump.or(dump.as_ref());
    }
    // Groups were made in pod order, so a stable sort by size keeps ties in that order.
    groups.sort_by_key(|g| std::cmp::Reverse(g.pods.len()));
    groups
}

/// `--summary`: each group with its pod count and names, how each group but the largest
/// differs from the largest, and the pods that failed.
fn write_summary(
    out: &mut Vec<u8>,
    outcomes: &[PodOutcome<Printed>],
    compared: Option<&DiffView>,
    all_namespaces: bool,
) -> Result<()> {
    let names = |pods: &[&PodRef]| -> String {
        pods.iter()
            .map(|p| label(p, all_namespaces))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let count = |n: usize| format!("{n} pod{}", if n == 1 { "" } else { "s" });
    let groups = groups(outcomes);
    for (i, group) in groups.iter().enumerate() {
        let note = match (i, groups.len()) {
            (0, 1) => " (all the same)",
            (0, _) => " (the largest)",
            _ => "",
        };
        writeln!(
            out,
            "GROUP {}{note}: {}: {}",
            i + 1,
            count(group.pods.len()),
            names(&group.pods)
        )?;
        if i > 0 {
            writeln!(out, "  differs from group 1:")?;
            let said = differences(compared, groups[0].dump, group.dump);
            for line in said.lines() {
                writeln!(out, "    {line}")?;
            }
        }
    }
    let failed: Vec<&PodOutcome<Printed>> = outcomes.iter().filter(|o| o.result.is_err()).collect();
    if !failed.is_empty() {
        writeln!(out, "FAILED: {}", count(failed.len()))?;
        for outcome in failed {
            if let Err(e) = &outcome.result {
                writeln!(
                    out,
                    "  {}: {}",
                    label(&outcome.pod, all_namespaces),
                    e.to_string().replace('\n', " ")
                )?;
            }
        }
    }
    Ok(())
}

/// How `other` differs from `reference`, as `pc diff` prints it (with its default of ignoring
/// the fields that differ between identical proxies); a sentence where it cannot say.
fn differences(
    compared: Option<&DiffView>,
    reference: Option<&Document>,
    other: Option<&Document>,
) -> String {
    let (Some(compared), Some(reference), Some(other)) = (compared, reference, other) else {
        return "(this view has no field-by-field comparison)\n".to_string();
    };
    let options = diff::DiffOptions::default();
    let mut text = Vec::new();
    match diff::changes(compared, reference, other, &options)
        .and_then(|changes| diff::print::write_text(&changes, &mut text).map(|()| changes))
    {
        Ok(changes) if changes.is_empty() => {
            "(no difference in the fields pc diff compares)\n".to_string()
        }
        Ok(_) => String::from_utf8_lossy(&text).into_owned(),
        Err(e) => format!("(cannot compare: {e})\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pod(name: &str) -> PodRef {
        PodRef {
            name: name.to_string(),
            namespace: "default".to_string(),
        }
    }

    fn table(rows: &[&[&str]]) -> Printed {
        let mut rows = rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        Printed::Table(Cells {
            padding: 5,
            header: rows.next(),
            rows: rows.collect(),
        })
    }

    #[test]
    fn each_pods_rows_are_led_by_the_pod_and_laid_out_together() {
        let outcomes = vec![
            PodOutcome {
                pod: pod("web-a"),
                result: Ok(table(&[&["NAME", "PORT"], &["outbound|80", "80"]])),
            },
            PodOutcome {
                pod: pod("web-b"),
                result: Err(Error::proxy("refused")),
            },
            PodOutcome {
                pod: pod("web-long-name"),
                result: Ok(table(&[&["NAME", "PORT"], &["x", "9080"], &["y", "1"]])),
            },
        ];
        let mut out = Vec::new();
        write_tables(&mut out, &outcomes, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "POD               NAME            PORT\n\
             web-a             outbound|80     80\n\
             web-long-name     x               9080\n\
             web-long-name     y               1\n"
        );
        let err = failures(&outcomes).unwrap_err();
        assert_eq!(err.kind, Kind::SomePods);
        assert_eq!(
            err.to_string(),
            "1 error occurred:\n\t* web-b.default: refused\n"
        );
    }

    #[test]
    fn when_every_pod_fails_the_first_failure_gives_the_exit() {
        let outcomes: Vec<PodOutcome<Printed>> = vec![
            PodOutcome {
                pod: pod("a"),
                result: Err(Error::timeout("slow")),
            },
            PodOutcome {
                pod: pod("b"),
                result: Err(Error::proxy("refused")),
            },
        ];
        assert_eq!(failures(&outcomes).unwrap_err().kind, Kind::Timeout);
    }

    #[test]
    fn json_items_keep_their_text_indented_to_their_place() {
        let outcomes = vec![
            PodOutcome {
                pod: pod("a"),
                result: Ok(Printed::Json(
                    "[\n    {\n        \"name\": \"x\"\n    }\n]\n".into(),
                )),
            },
            PodOutcome {
                pod: pod("b"),
                result: Err(Error::proxy("no \"sidecar\"")),
            },
        ];
        let mut out = Vec::new();
        write_json(&mut out, &outcomes).unwrap();
        let text = String::from_utf8(out).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value,
            json!([
                {"pod": "a", "namespace": "default", "items": [{"name": "x"}]},
                {"pod": "b", "namespace": "default", "error": "no \"sidecar\""},
            ])
        );
        assert!(text.contains("\n        \"items\": [\n            {\n                \"name\""));
    }

    #[test]
    fn volatile_fields_and_pod_identity_do_not_split_groups() {
        let a = json!({"configs": [{"bootstrap": {"node": {"id": "sidecar~10.0.0.1~a", "metadata": {"NAME": "a", "APP": "web"}}}},
                                  {"versionInfo": "1", "lastUpdated": "2025", "cluster": {"name": "c"}}]});
        let b = json!({"configs": [{"bootstrap": {"node": {"id": "sidecar~10.0.0.2~b", "metadata": {"NAME": "b", "APP": "web"}}}},
                                  {"versionInfo": "2", "lastUpdated": "2026", "cluster": {"name": "c"}}]});
        assert_eq!(normalised(a), normalised(b.clone()));
        let c = json!({"configs": [{"bootstrap": {"node": {"id": "x", "metadata": {"NAME": "c", "APP": "api"}}}},
                                  {"cluster": {"name": "c"}}]});
        assert_ne!(normalised(b), normalised(c));
        // Resources in another hash order are the same; routes in another order are not.
        let routes = |names: [&str; 2]| json!([{"name": "80", "routes": names}, {"name": "8080"}]);
        let swapped = json!([{"name": "8080"}, {"name": "80", "routes": ["x", "y"]}]);
        assert_eq!(normalised(routes(["x", "y"])), normalised(swapped));
        assert_ne!(
            normalised(routes(["x", "y"])),
            normalised(routes(["y", "x"]))
        );
    }

    #[test]
    fn the_largest_group_comes_first_and_ties_go_to_the_first_pod() {
        let view = |v: i64| Ok(Printed::Normalised(json!({"v": v}), None));
        let outcomes = vec![
            PodOutcome {
                pod: pod("a"),
                result: view(1),
            },
            PodOutcome {
                pod: pod("b"),
                result: view(2),
            },
            PodOutcome {
                pod: pod("c"),
                result: view(2),
            },
            PodOutcome {
                pod: pod("d"),
                result: view(3),
            },
            PodOutcome {
                pod: pod("e"),
                result: Err(Error::proxy("refused")),
            },
        ];
        let grouped = groups(&outcomes);
        let names: Vec<Vec<&str>> = grouped
            .iter()
            .map(|g| g.pods.iter().map(|p| p.name.as_str()).collect())
            .collect();
        assert_eq!(names, [vec!["b", "c"], vec!["a"], vec!["d"]]);
        // A tie between single pods: the first by name leads.
        let tie = vec![
            PodOutcome {
                pod: pod("x"),
                result: view(1),
            },
            PodOutcome {
                pod: pod("y"),
                result: view(2),
            },
        ];
        assert_eq!(groups(&tie)[0].pods[0].name, "x");
    }
}
