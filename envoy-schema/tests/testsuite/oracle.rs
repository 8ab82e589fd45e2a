//! Independent oracles: protobuf's own JSON printer (the Python `protobuf` runtime), fed the
//! same descriptor set the tables come from, must print every fixture with the same keys and
//! values as the transcoder; and a YAML 1.1 reader (PyYAML) must read the YAML output as the
//! same document as the JSON.
//!
//! The Python packages are installed from PyPI on first use into a venv of these tests' own under
//! target/ (pinned below); the tests fail, saying why, if `python3` or PyPI is not available.

use crate::support::{camel, fixture_scenarios, read};
use envoy_schema::json_to_yaml;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const PACKAGES: [&str; 2] = ["protobuf==7.36.2", "pyyaml==6.0.3"];

fn oracle_python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(install_oracle)
}

fn install_oracle() -> PathBuf {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("oracle-venv");
    let python = venv.join("bin/python");
    let stamp = venv.join(".installed");
    let wanted = PACKAGES.join(" ");
    if std::fs::read_to_string(&stamp).ok() == Some(wanted.clone()) {
        return python;
    }
    let run = |command: &mut Command| {
        let output = command
            .output()
            .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
        assert!(
            output.status.success(),
            "{command:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    run(Command::new("python3")
        .arg("-m")
        .arg("venv")
        .arg("--clear")
        .arg(&venv));
    run(Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(PACKAGES));
    std::fs::write(&stamp, wanted).expect("the venv is writable");
    python
}

/// Equal as protobuf JSON: objects as maps (protobuf prints Struct keys in its own order),
/// numbers by value (protobuf's Python printer writes a Struct's 15090 as 15090.0).
fn same_json(a: &Value, b: &Value, path: &str) -> Result<(), String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys_x: Vec<&String> = x.keys().collect();
            let keys_y: Vec<&String> = y.keys().collect();
            if keys_x != keys_y {
                return Err(format!("{path}: keys {keys_x:?} vs {keys_y:?}"));
            }
            x.iter()
                .try_for_each(|(k, v)| same_json(v, &y[k], &format!("{path}/{k}")))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .try_for_each(|(i, (v, w))| same_json(v, w, &format!("{path}/{i}"))),
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => Ok(()),
        (x, y) if x == y => Ok(()),
        (x, y) => Err(format!("{path}: {x} vs {y}")),
    }
}

#[test]
fn protobuf_prints_the_fixtures_as_the_transcoder_does() {
    let python = oracle_python();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/protobuf_json.py");
    let mut checked = 0;
    for (name, dir) in fixture_scenarios() {
        for (file, root) in [
            ("config_dump.json", "envoy.admin.v3.ConfigDump"),
            ("clusters.json", "envoy.admin.v3.Clusters"),
        ] {
            let path = dir.join(file);
            if !path.is_file() {
                continue;
            }
            let output = Command::new(python)
                .arg(&script)
                .arg(env!("ENVOY_SCHEMA_DESCRIPTOR_SET"))
                .arg(root)
                .arg(&path)
                .output()
                .expect("python runs");
            assert!(
                output.status.success(),
                "{name}/{file}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let oracle: Value =
                serde_json::from_slice(&output.stdout).expect("protobuf prints JSON");
            let ours: Value = serde_json::from_str(&camel(&read(&path), root)).expect("JSON");
            if let Err(difference) = same_json(&ours, &oracle, "") {
                panic!("{name}/{file}: transcoder and protobuf differ at {difference}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} documents checked");
}

/// PyYAML reads YAML 1.1, where `on`, `no`, `1_000` or `12:30` are no strings: the YAML output
/// must still read back as the JSON document.
#[test]
fn yaml_1_1_reader_reads_the_yaml_as_the_json() {
    let python = oracle_python();
    let compare = "import json, sys, yaml\n\
        with open(sys.argv[1]) as j, open(sys.argv[2]) as y:\n\
        \x20   same = json.load(j) == yaml.safe_load(y)\n\
        sys.exit(0 if same else 3)\n";
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("yaml-oracle");
    std::fs::create_dir_all(&work).expect("target/tmp is writable");
    let mut checked = 0;
    for (name, dir) in fixture_scenarios() {
        let json = camel(
            &read(&dir.join("config_dump.json")),
            "envoy.admin.v3.ConfigDump",
        );
        let mut yaml = Vec::new();
        json_to_yaml(&json, &mut yaml).expect("JSON");
        let (json_path, yaml_path) = (
            work.join(format!("{name}.json")),
            work.join(format!("{name}.yaml")),
        );
        std::fs::write(&json_path, &json).expect("writable");
        std::fs::write(&yaml_path, &yaml).expect("writable");
        let output = Command::new(python)
            .args(["-c", compare])
            .arg(&json_path)
            .arg(&yaml_path)
            .output()
            .expect("python runs");
        assert!(
            output.status.success(),
            "{name}: PyYAML reads {} differently from {} ({})",
            yaml_path.display(),
            json_path.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        checked += 1;
    }
    assert!(checked >= 2, "only {checked} fixtures checked");
}
