//! meshctl as a kubectl plugin: every real kubectl on this machine (`kubectl` on PATH and the
//! `kubectl.1.NN` builds beside it) finds `kubectl-meshctl` in the build's directory, runs it for
//! `kubectl meshctl ...` with the same output as meshctl, and completes `kubectl meshctl ...`
//! through `kubectl_complete-meshctl`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::*;
use serde_json::json;
use testkit::apiserver::ApiServer;

/// `kubectl` as found on PATH, and every `kubectl.1.NN` next to the file it resolves to.
fn kubectls() -> Vec<PathBuf> {
    let Some(kubectl) = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join("kubectl"))
            .find(|candidate| candidate.is_file())
    }) else {
        return Vec::new();
    };
    let mut found = vec![kubectl.clone()];
    if let Some(dir) = std::fs::canonicalize(&kubectl)
        .ok()
        .and_then(|real| real.parent().map(Path::to_path_buf))
    {
        let mut versions: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("kubectl.1."))
            })
            .collect();
        versions.sort();
        found.extend(versions);
    }
    found
}

fn bin_dir() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_kubectl-meshctl"))
        .parent()
        .expect("the binaries' directory")
}

/// Runs `kubectl` with the build's directory first on PATH and a HOME of its own.
fn kubectl(kubectl: &Path, home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let path = format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut command = Command::new(kubectl);
    command
        .args(args)
        .env("PATH", path)
        .env("HOME", home)
        .env_remove("KUBECONFIG");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run kubectl")
}

#[test]
fn kubectl_meshctl_runs_meshctl() {
    let kubectls = kubectls();
    assert!(!kubectls.is_empty(), "no kubectl on PATH");
    let home = temp_home();
    let dump = path_str(&fixture("web-frontend", "config_dump.json"));
    let direct = meshctl(home.path(), &["pc", "clusters", "-f", &dump], &[]);
    assert!(direct.status.success(), "{}", stderr(&direct));
    assert!(stdout(&direct).starts_with("SERVICE FQDN"));
    for exe in &kubectls {
        let via = kubectl(
            exe,
            home.path(),
            &["meshctl", "pc", "clusters", "-f", &dump],
            &[],
        );
        assert_eq!(
            stdout(&via),
            stdout(&direct),
            "{}: {}",
            exe.display(),
            stderr(&via)
        );
        assert!(via.status.success());
        // An error keeps meshctl's exit code, and usage names the command as typed.
        let bad = kubectl(exe, home.path(), &["meshctl", "pc", "clusters"], &[]);
        assert_eq!(bad.status.code(), Some(2), "{}", exe.display());
        assert!(
            stderr(&bad).contains("Usage: kubectl meshctl proxy-config cluster"),
            "{}: {}",
            exe.display(),
            stderr(&bad)
        );
        let list = kubectl(exe, home.path(), &["plugin", "list"], &[]);
        let plugin = bin_dir().join("kubectl-meshctl");
        assert!(
            stdout(&list).lines().any(|l| l == plugin.to_str().unwrap()),
            "{}: plugin list: {}{}",
            exe.display(),
            stdout(&list),
            stderr(&list)
        );
    }
}

#[test]
fn kubectl_completes_meshctl_deployments_through_its_plugin_protocol() {
    let home = temp_home();
    let server = ApiServer::builder()
        .deployment(workload(
            "Deployment",
            "web-frontend",
            "default",
            json!({"app": "web"}),
        ))
        .deployment(workload(
            "Deployment",
            "reviews",
            "default",
            json!({"app": "r"}),
        ))
        .start();
    let kubeconfig = home.path().join("kubeconfig");
    server
        .write_kubeconfig(&kubeconfig, "test", "default")
        .unwrap();
    let kubeconfig = path_str(&kubeconfig);
    // kubectl learned plugin completion in 1.26; every build here is newer.
    for exe in kubectls() {
        let out = kubectl(
            &exe,
            home.path(),
            &["__complete", "meshctl", "pc", "clusters", "deploy/"],
            &[("KUBECONFIG", &kubeconfig)],
        );
        assert_eq!(
            stdout(&out),
            "deploy/reviews\ndeploy/web-frontend\n:4\n",
            "{}: {}",
            exe.display(),
            stderr(&out)
        );
    }
}

/// The krew manifest template names the binaries the package builds, for every platform, and
/// holds nothing to fill but its `{{...}}` placeholders.
#[test]
fn krew_manifest_installs_the_plugin_binaries() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("dist/krew/meshctl.yaml")).unwrap();
    let manifest: serde_json::Value = serde_saphyr::from_str(&text).expect("YAML");
    assert_eq!(
        manifest["apiVersion"],
        "krew.googlecontainertools.github.com/v1alpha2"
    );
    assert_eq!(manifest["kind"], "Plugin");
    // krew names the plugin's binary kubectl-<name>.
    assert_eq!(manifest["metadata"]["name"], "meshctl");
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let platforms = manifest["spec"]["platforms"].as_array().unwrap();
    let mut seen = Vec::new();
    for platform in platforms {
        let labels = &platform["selector"]["matchLabels"];
        seen.push(format!(
            "{}/{}",
            labels["os"].as_str().unwrap(),
            labels["arch"].as_str().unwrap()
        ));
        assert_eq!(platform["bin"], "kubectl-meshctl");
        let files: Vec<&str> = platform["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["from"].as_str().unwrap())
            .collect();
        assert_eq!(files, ["kubectl-meshctl", "kubectl_complete-meshctl"]);
        for file in files {
            assert!(
                cargo.contains(&format!("name = \"{file}\"")),
                "{file} is not a [[bin]] of Cargo.toml"
            );
        }
        for key in ["uri", "sha256"] {
            let value = platform[key].as_str().unwrap();
            assert!(
                value.starts_with("{{") && value.ends_with("}}"),
                "{key}: {value}"
            );
        }
    }
    assert_eq!(
        seen,
        ["linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64"]
    );
}
