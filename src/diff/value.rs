//! Two JSON values of one resource compared field by field. Lists whose elements have a name
//! (filter chains, virtual hosts, routes, filters) or an address (endpoints) are matched by it,
//! other lists by position.

use std::collections::HashMap;

use serde_json::Value;

use super::DiffOptions;

/// Lists whose order Envoy does not act on: a filter chain is chosen by the most specific match,
/// a virtual host by its most specific domain, endpoints and localities are balanced over as
/// sets, and weighted clusters by their weights. Reordering them is reported only with
/// `--all-fields`. Every other list's order counts: routes are tried in order, filters run in
/// order, and `domains` keep theirs (Envoy refuses a duplicate, and tables show them in order).
pub const ORDER_INSENSITIVE: &[&str] = &[
    "filterChains",
    "virtualHosts",
    "localityLbEndpoints",
    "lbEndpoints",
    "endpoints",
    "clusters",
];

/// One field that differs: its path, and its value on each side (None: absent).
pub type FieldChange = (String, Option<Value>, Option<Value>);

/// Appends the differences from `a` to `b` (at `path`) to `out`.
pub fn diff(
    a: &Value,
    b: &Value,
    options: &DiffOptions,
    path: &mut String,
    out: &mut Vec<FieldChange>,
) {
    diff_at(a, b, "", options, path, out)
}

fn diff_at(
    a: &Value,
    b: &Value,
    field: &str,
    options: &DiffOptions,
    path: &mut String,
    out: &mut Vec<FieldChange>,
) {
    if a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let len = path.len();
            for (key, va) in x {
                push_key(path, key);
                match y.get(key) {
                    Some(vb) => diff_at(va, vb, key, options, path, out),
                    None => out.push((path.clone(), Some(va.clone()), None)),
                }
                path.truncate(len);
            }
            for (key, vb) in y {
                if !x.contains_key(key) {
                    push_key(path, key);
                    out.push((path.clone(), None, Some(vb.clone())));
                    path.truncate(len);
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => diff_lists(x, y, field, options, path, out),
        _ => out.push((path.clone(), Some(a.clone()), Some(b.clone()))),
    }
}

/// `.key`, or `["key"]` for a key that is not a plain name (map keys such as `envoy.lb`).
fn push_key(path: &mut String, key: &str) {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        path.push('.');
        path.push_str(key);
    } else {
        push_name(path, key);
    }
}

fn push_name(path: &mut String, name: &str) {
    path.push('[');
    path.push_str(&serde_json::to_string(name).unwrap_or_default());
    path.push(']');
}

/// Lists whose elements are matched by their `name` (when every element has a distinct one):
/// the resources' own nested lists. Network `filters` are matched by position, as a chain
/// usually holds one or two and their names repeat across chains.
const NAMED_LISTS: &[&str] = &[
    "filterChains",
    "virtualHosts",
    "routes",
    "clusters",
    "listeners",
    "secrets",
    "httpFilters",
    "listenerFilters",
    "transportSocketMatches",
];

/// What identifies an element of a list of `field`, when every element has one and no two
/// share it.
fn keys_of(list: &[Value], field: &str) -> Option<Vec<String>> {
    let key = |v: &Value| -> Option<String> {
        match field {
            // An endpoint by its address; a locality group by its locality and priority.
            "lbEndpoints" => v.pointer("/endpoint/address").and_then(address_text),
            "localityLbEndpoints" | "endpoints" if v.get("lbEndpoints").is_some() => {
                let part = |k: &str| v.pointer(&format!("/locality/{k}")).and_then(Value::as_str);
                let mut locality = [part("region"), part("zone"), part("subZone")]
                    .map(Option::unwrap_or_default)
                    .join("/");
                while locality.ends_with('/') {
                    locality.pop();
                }
                match v.get("priority").and_then(Value::as_u64).unwrap_or(0) {
                    0 => Some(locality),
                    p => Some(format!("{locality} priority {p}")),
                }
            }
            f if NAMED_LISTS.contains(&f) => v
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty())
                .map(str::to_string),
            _ => None,
        }
    };
    let keys: Vec<String> = list.iter().map(key).collect::<Option<_>>()?;
    let mut seen = std::collections::HashSet::new();
    keys.iter().all(|k| seen.insert(k)).then_some(keys)
}

/// An endpoint address as it is written: `ip:port`, a pipe's path, or an internal address.
fn address_text(a: &Value) -> Option<String> {
    if let Some(s) = a.get("socketAddress") {
        let ip = s.get("address")?.as_str()?;
        let port = s
            .get("portValue")
            .map(|p| p.to_string())
            .or_else(|| s.get("namedPort").map(|p| p.to_string()))
            .unwrap_or_default();
        return Some(format!("{ip}:{port}"));
    }
    if let Some(p) = a.pointer("/pipe/path") {
        return p.as_str().map(str::to_string);
    }
    serde_json::to_string(a).ok()
}

fn diff_lists(
    x: &[Value],
    y: &[Value],
    field: &str,
    options: &DiffOptions,
    path: &mut String,
    out: &mut Vec<FieldChange>,
) {
    let len = path.len();
    let (Some(kx), Some(ky)) = (keys_of(x, field), keys_of(y, field)) else {
        // By position.
        for i in 0..x.len().max(y.len()) {
            path.push_str(&format!("[{i}]"));
            match (x.get(i), y.get(i)) {
                (Some(a), Some(b)) => diff_at(a, b, "", options, path, out),
                (a, b) => out.push((path.clone(), a.cloned(), b.cloned())),
            }
            path.truncate(len);
        }
        return;
    };
    let in_y: HashMap<&str, usize> = ky
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let in_x: HashMap<&str, usize> = kx
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    for (i, k) in kx.iter().enumerate() {
        push_name(path, k);
        match in_y.get(k.as_str()) {
            Some(&j) => diff_at(&x[i], &y[j], "", options, path, out),
            None => out.push((path.clone(), Some(x[i].clone()), None)),
        }
        path.truncate(len);
    }
    for (j, k) in ky.iter().enumerate() {
        if !in_x.contains_key(k.as_str()) {
            push_name(path, k);
            out.push((path.clone(), None, Some(y[j].clone())));
            path.truncate(len);
        }
    }
    // The order of the elements on both sides.
    let kept_x: Vec<&String> = kx
        .iter()
        .filter(|k| in_y.contains_key(k.as_str()))
        .collect();
    let kept_y: Vec<&String> = ky
        .iter()
        .filter(|k| in_x.contains_key(k.as_str()))
        .collect();
    if kept_x != kept_y && (options.all_fields || !ORDER_INSENSITIVE.contains(&field)) {
        let names = |keys: Vec<&String>| Value::from(keys.into_iter().cloned().collect::<Vec<_>>());
        path.push_str(" (order)");
        out.push((path.clone(), Some(names(kept_x)), Some(names(kept_y))));
        path.truncate(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn changes(a: Value, b: Value, all_fields: bool) -> Vec<FieldChange> {
        let mut out = Vec::new();
        diff(
            &a,
            &b,
            &DiffOptions { all_fields },
            &mut String::new(),
            &mut out,
        );
        out
    }

    #[test]
    fn named_elements_are_matched_by_name_and_order_counts_only_where_envoy_acts_on_it() {
        let a = json!({"filterChains": [{"name": "a", "x": 1}, {"name": "b", "x": 2}],
                       "routes": [{"name": "r1"}, {"name": "r2"}]});
        let b = json!({"filterChains": [{"name": "b", "x": 3}, {"name": "a", "x": 1}],
                       "routes": [{"name": "r2"}, {"name": "r1"}]});
        let found = changes(a.clone(), b.clone(), false);
        assert_eq!(
            found,
            vec![
                (
                    ".filterChains[\"b\"].x".to_string(),
                    Some(json!(2)),
                    Some(json!(3))
                ),
                (
                    ".routes (order)".to_string(),
                    Some(json!(["r1", "r2"])),
                    Some(json!(["r2", "r1"]))
                ),
            ]
        );
        let all = changes(a, b, true);
        assert_eq!(all.len(), 3);
        assert_eq!(all[1].0, ".filterChains (order)");
    }

    #[test]
    fn unnamed_elements_and_map_keys() {
        let a = json!({"domains": ["a", "b"], "filterMetadata": {"envoy.lb": {"k": 1}}});
        let b = json!({"domains": ["b"], "filterMetadata": {"envoy.lb": {"k": 2}}});
        let found = changes(a, b, false);
        let paths: Vec<&str> = found.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(
            paths,
            [
                ".domains[0]",
                ".domains[1]",
                ".filterMetadata[\"envoy.lb\"].k"
            ]
        );
        assert_eq!(found[1], (".domains[1]".into(), Some(json!("b")), None));
    }

    #[test]
    fn endpoints_are_matched_by_address() {
        let ep = |ip: &str| json!({"endpoint": {"address": {"socketAddress": {"address": ip, "portValue": 80}}}});
        let a = json!({"lbEndpoints": [ep("10.0.0.1"), ep("10.0.0.2")]});
        let b = json!({"lbEndpoints": [ep("10.0.0.2"), ep("10.0.0.3"), ep("10.0.0.1")]});
        let found = changes(a, b, false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, ".lbEndpoints[\"10.0.0.3:80\"]");
        assert_eq!(found[0].1, None);
    }
}
