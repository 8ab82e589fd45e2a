//! Property tests of the loader and every view on damaged real input: whatever the bytes,
//! `Document::from_bytes` and `views::render` return, never panic, and an error is one
//! non-empty line.
//!
//! Two kinds of damage to the real fixtures, bounded to run in a few seconds with the normal
//! suite (the cargo-fuzz target in fuzz/ runs the same check for as long as one wants):
//! - bytes: truncation, overwritten, inserted, deleted and repeated ranges, which mostly test
//!   the JSON/YAML readers and their error messages;
//! - structure: a valid dump with one value somewhere replaced by a value of another JSON type
//!   (or removed), which gets past the reader into every view's own parsing.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

use meshctl::config::{
    AllFilter, ClusterFilter, EndpointFilter, Format, ListenerFilter, RouteFilter, ViewKind,
};
use meshctl::input::Document;

use crate::support::fixture;

/// Cases per property in the normal suite: 4 × CASES inputs, each rendered by every view.
/// `PROPTEST_CASES=n` runs more (proptest's own variable).
const CASES: u32 = 48;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES)
}

fn read(scenario: &str, file: &str) -> Vec<u8> {
    std::fs::read(fixture(scenario, file)).unwrap()
}

/// The smaller dump and both /clusters captures: damage is found as well in less text.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        vec![
            read("ingress-gateway", "config_dump.json"),
            read("ingress-gateway", "clusters.json"),
            read("web-frontend", "clusters.json"),
        ]
    })
}

fn views() -> Vec<ViewKind> {
    let listeners = ListenerFilter {
        address: Some("0.0.0.0".into()),
        port: None,
        listener_type: None,
        verbose: true,
    };
    let routes = RouteFilter {
        name: None,
        verbose: true,
    };
    vec![
        ViewKind::Clusters(ClusterFilter::default()),
        ViewKind::Listeners(listeners.clone()),
        ViewKind::Routes(routes.clone()),
        ViewKind::Eds(EndpointFilter::default()),
        ViewKind::Endpoints(EndpointFilter {
            status: Some("HEALTHY".into()),
            ..Default::default()
        }),
        ViewKind::Secrets,
        ViewKind::Ecds,
        ViewKind::Bootstrap,
        ViewKind::All(AllFilter {
            clusters: ClusterFilter::default(),
            listeners,
            routes,
            endpoints: EndpointFilter::default(),
            with_headers: true,
        }),
    ]
}

fn one_line(e: &meshctl::error::Error) -> Result<(), TestCaseError> {
    let shown = e.to_string();
    prop_assert!(!shown.trim().is_empty(), "empty error message");
    prop_assert_eq!(shown.lines().count(), 1, "not one line: {:?}", shown);
    Ok(())
}

/// Loads and renders `bytes` with every view in the formats given; fails on a panic (proptest
/// reports it) or on an error that is not one line.
fn survives(bytes: Vec<u8>, formats: &[Format]) -> Result<(), TestCaseError> {
    let doc = match Document::from_bytes(bytes, "fuzzed".into()) {
        Ok(doc) => doc,
        Err(e) => return one_line(&e),
    };
    for view in views() {
        for format in formats {
            let mut out = Vec::new();
            if let Err(e) = meshctl::views::render(&view, &doc, *format, 0, &mut out) {
                one_line(&e)?;
            }
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum ByteDamage {
    Truncate(Index),
    Overwrite(Index, Vec<u8>),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    Repeat(Index, usize),
}

fn byte_damage() -> impl Strategy<Value = ByteDamage> {
    // Bytes that matter to JSON and YAML, plus anything at all.
    let interesting = prop_oneof![
        prop::sample::select(b"{}[]:,\"\\-0123456789eE.+ \n\t\r#&*!|>'%@`".to_vec()),
        any::<u8>(),
    ];
    let chunk = prop::collection::vec(interesting, 1..8);
    prop_oneof![
        any::<Index>().prop_map(ByteDamage::Truncate),
        (any::<Index>(), chunk.clone()).prop_map(|(i, b)| ByteDamage::Overwrite(i, b)),
        (any::<Index>(), chunk).prop_map(|(i, b)| ByteDamage::Insert(i, b)),
        (any::<Index>(), 1..4096usize).prop_map(|(i, n)| ByteDamage::Delete(i, n)),
        (any::<Index>(), 1..512usize).prop_map(|(i, n)| ByteDamage::Repeat(i, n)),
    ]
}

fn damage_bytes(seed: &[u8], damage: &[ByteDamage]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for d in damage {
        let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len) };
        match d {
            ByteDamage::Truncate(i) => bytes.truncate(at(i, bytes.len())),
            ByteDamage::Overwrite(i, new) => {
                let start = at(i, bytes.len());
                for (k, b) in new.iter().enumerate() {
                    if let Some(slot) = bytes.get_mut(start + k) {
                        *slot = *b;
                    }
                }
            }
            ByteDamage::Insert(i, new) => {
                let start = at(i, bytes.len() + 1);
                bytes.splice(start..start, new.iter().copied());
            }
            ByteDamage::Delete(i, n) => {
                let start = at(i, bytes.len());
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            ByteDamage::Repeat(i, n) => {
                let start = at(i, bytes.len());
                let end = (start + n).min(bytes.len());
                let copy = bytes[start..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}

/// A JSON value of some type, small.
fn replacement() -> impl Strategy<Value = Option<Value>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(Value::from(u64::MAX)),
        "[a-z0-9:/|._*-]{0,12}".prop_map(Value::String),
        Just(Value::String(
            "type.googleapis.com/envoy.config.cluster.v3.Cluster".into()
        )),
        Just(Value::String("\u{0}\u{202e}é\n".into())),
    ];
    let value = leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_@]{1,8}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    // None: remove the member (or element) instead.
    prop::option::weighted(0.85, value)
}

/// Every place in a value: object members and array elements, as paths.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Element(usize),
}

fn places(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(members) => {
            for (k, v) in members {
                path.push(Step::Key(k.clone()));
                out.push(path.clone());
                places(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Step::Element(i));
                out.push(path.clone());
                places(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

struct Parsed {
    value: Value,
    places: Vec<Vec<Step>>,
}

fn parsed_seeds() -> &'static [Parsed] {
    static PARSED: OnceLock<Vec<Parsed>> = OnceLock::new();
    PARSED.get_or_init(|| {
        seeds()
            .iter()
            .map(|bytes| {
                let value: Value = serde_json::from_slice(bytes).unwrap();
                let mut all = Vec::new();
                places(&value, &mut Vec::new(), &mut all);
                Parsed { value, places: all }
            })
            .collect()
    })
}

fn replace_at(value: &mut Value, path: &[Step], new: Option<Value>) {
    let (last, parents) = path.split_last().unwrap();
    let mut parent = value;
    for step in parents {
        parent = match step {
            Step::Key(k) => &mut parent[k.as_str()],
            Step::Element(i) => &mut parent[*i],
        };
    }
    match (last, new, parent) {
        (Step::Key(k), Some(v), Value::Object(m)) => {
            m.insert(k.clone(), v);
        }
        (Step::Key(k), None, Value::Object(m)) => {
            m.remove(k);
        }
        (Step::Element(i), Some(v), Value::Array(a)) => a[*i] = v,
        (Step::Element(i), None, Value::Array(a)) => {
            a.remove(*i);
        }
        _ => unreachable!("paths come from this value"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        // Failures are reported with the shrunk input; no regression file is written into the
        // source tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn damaged_bytes_never_panic_and_errors_are_one_line(
        seed in any::<Index>(),
        damage in prop::collection::vec(byte_damage(), 1..4),
    ) {
        let seed = &seeds()[seed.index(seeds().len())];
        survives(damage_bytes(seed, &damage), &[Format::Short, Format::Json])?;
    }

    #[test]
    fn truncated_at_any_byte_never_panics(seed in any::<Index>(), at in any::<Index>()) {
        let seed = &seeds()[seed.index(seeds().len())];
        let cut = seed[..at.index(seed.len())].to_vec();
        survives(cut, &[Format::Short, Format::Raw])?;
    }

    #[test]
    fn values_of_the_wrong_type_never_panic(
        seed in any::<Index>(),
        edits in prop::collection::vec((any::<Index>(), replacement()), 1..4),
    ) {
        let parsed = &parsed_seeds()[seed.index(parsed_seeds().len())];
        let mut value = parsed.value.clone();
        // Paths are taken from the undamaged value, the deepest first so earlier edits cannot
        // remove the place of a later one.
        let mut chosen: Vec<(Vec<Step>, Option<Value>)> = edits
            .into_iter()
            .map(|(i, v)| (parsed.places[i.index(parsed.places.len())].clone(), v))
            .collect();
        chosen.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        for (path, new) in chosen {
            if reachable(&value, &path) {
                replace_at(&mut value, &path, new);
            }
        }
        let bytes = value.to_string().into_bytes();
        survives(bytes, &[Format::Short, Format::Wide, Format::Json])?;
    }

    #[test]
    fn yaml_of_damaged_values_never_panics(
        seed in any::<Index>(),
        edit in (any::<Index>(), replacement()),
    ) {
        let parsed = &parsed_seeds()[seed.index(parsed_seeds().len())];
        let mut value = parsed.value.clone();
        let path = &parsed.places[edit.0.index(parsed.places.len())];
        replace_at(&mut value, path, edit.1);
        let yaml = serde_saphyr::to_string(&value).unwrap();
        survives(yaml.into_bytes(), &[Format::Short, Format::Yaml])?;
    }
}

fn reachable(value: &Value, path: &[Step]) -> bool {
    let mut current = value;
    for step in path {
        current = match (step, current) {
            (Step::Key(k), Value::Object(m)) => match m.get(k) {
                Some(v) => v,
                None => return false,
            },
            (Step::Element(i), Value::Array(a)) => match a.get(*i) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    true
}
