//! An independent oracle: protobuf's own JSON printer (the Python `protobuf` runtime), fed the
//! same descriptor set the tables come from, must print every fixture with the same keys and
//! values as the transcoder.
//!
//! The Python runtime is installed from PyPI on first use into a venv of this test's own under
//! target/ (pinned below); the test fails, saying why, if `python3` or PyPI is not available.

mod common;

use common::{camel, fixture_scenarios, read};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const PROTOBUF: &str = "protobuf==7.36.2";

fn oracle_python() -> PathBuf {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("protobuf-oracle-venv");
    let python = venv.join("bin/python");
    let stamp = venv.join(".installed");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(PROTOBUF) {
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
    run(Command::new(&python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        PROTOBUF,
    ]));
    std::fs::write(&stamp, PROTOBUF).expect("the venv is writable");
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
            let output = Command::new(&python)
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
