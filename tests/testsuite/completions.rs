//! Shell completion. The scripts in completions/ are what `meshctl completion <shell>` prints:
//! registrations that call `COMPLETE=<shell> meshctl -- WORDS` at each TAB, so they change only
//! with clap_complete's protocol (regenerate with `meshctl completion bash >
//! completions/meshctl.bash`, likewise zsh → `_meshctl`, fish). The candidates come from the
//! binary: targets, namespaces and contexts from the test API server and its kubeconfig, names
//! from a real Envoy's dump.

use std::process::Command;

fn generated(shell: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(["completion", shell])
        .output()
        .expect("run meshctl");
    assert!(
        out.status.success(),
        "meshctl completion {shell} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 completion script")
}

#[test]
fn committed_completion_scripts_match_the_cli() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (shell, file) in [
        ("bash", "meshctl.bash"),
        ("zsh", "_meshctl"),
        ("fish", "meshctl.fish"),
    ] {
        let committed = std::fs::read_to_string(format!("{root}/completions/{file}"))
            .expect("committed script");
        let fresh = generated(shell);
        assert!(
            fresh.contains(&format!("COMPLETE=\"{shell}\""))
                || fresh.contains(&format!("COMPLETE={shell} meshctl --")),
            "{shell} script does not ask meshctl for candidates:\n{fresh}"
        );
        assert!(
            committed == fresh,
            "completions/{file} is stale: regenerate with `meshctl completion {shell} > completions/{file}`"
        );
    }
}

use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::*;
use serde_json::json;
use testkit::apiserver::{ApiServer, KubeContext};

/// The candidates meshctl gives bash for the last of `words` (the program name first), as the
/// registration script asks: `COMPLETE=bash meshctl -- WORDS`, the index of the word under the
/// cursor in `_CLAP_COMPLETE_INDEX`.
fn bash_candidates(home: &Path, words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let index = (words.len() - 1).to_string();
    let mut args = vec!["--"];
    args.extend_from_slice(words);
    let mut all_env = vec![
        ("COMPLETE", "bash"),
        ("_CLAP_COMPLETE_INDEX", index.as_str()),
        ("_CLAP_IFS", "\n"),
    ];
    all_env.extend_from_slice(env);
    let out = meshctl(home, &args, &all_env);
    assert!(out.status.success(), "completion failed: {}", stderr(&out));
    stdout(&out)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn namespace(name: &str) -> serde_json::Value {
    json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}})
}

/// A server with workloads in two namespaces, and a kubeconfig for it (context `test`, namespace
/// `default`, plus a context `staging`).
fn cluster(home: &Path) -> (ApiServer, String) {
    let labels = json!({"app": "web"});
    let server = ApiServer::builder()
        .deployment(workload(
            "Deployment",
            "web-frontend",
            "default",
            labels.clone(),
        ))
        .deployment(workload("Deployment", "reviews", "default", labels.clone()))
        .deployment(workload(
            "Deployment",
            "billing",
            "payments",
            labels.clone(),
        ))
        .statefulset(workload("StatefulSet", "db", "default", labels.clone()))
        .pod(pod(PodSpec {
            name: "web-frontend-7d9f8-abcde",
            labels: labels.clone(),
            ..PodSpec::default()
        }))
        .pod(pod(PodSpec {
            name: "billing-5c4b-xyz12",
            namespace: "payments",
            ..PodSpec::default()
        }))
        .add(namespace("default"))
        .add(namespace("payments"))
        .add(namespace("istio-system"))
        .kubeconfig_context(KubeContext::new("staging").namespace("payments"))
        .log_requests()
        .start();
    let kubeconfig = home.join("kubeconfig");
    server
        .write_kubeconfig(&kubeconfig, "test", "default")
        .unwrap();
    (server, path_str(&kubeconfig))
}

#[test]
fn deploy_tab_lists_the_deployments_of_the_api_server() {
    let home = temp_home();
    let (server, kubeconfig) = cluster(home.path());
    let env = [("KUBECONFIG", kubeconfig.as_str())];
    let got = bash_candidates(home.path(), &["meshctl", "pc", "clusters", "deploy/"], &env);
    assert_eq!(got, ["deploy/reviews", "deploy/web-frontend"]);
    // A prefix narrows; `-n` (anywhere on the line) and the context choose the namespace.
    let got = bash_candidates(
        home.path(),
        &["meshctl", "pc", "listeners", "deploy/w"],
        &env,
    );
    assert_eq!(got, ["deploy/web-frontend"]);
    let got = bash_candidates(
        home.path(),
        &["meshctl", "-n", "payments", "pc", "routes", "deployments/"],
        &env,
    );
    assert_eq!(got, ["deployments/billing"]);
    let got = bash_candidates(
        home.path(),
        &["meshctl", "pc", "routes", "--context", "staging", "deploy/"],
        &env,
    );
    assert_eq!(got, ["deploy/billing"]);
    let got = bash_candidates(home.path(), &["meshctl", "pc", "secret", "sts/"], &env);
    assert_eq!(got, ["sts/db"]);
    // With `-f` on the line the input is the file: no target, no cluster asked.
    let asked = server.requests().len();
    let got = bash_candidates(
        home.path(),
        &["meshctl", "pc", "c", "-f", "dump.json", "deploy/"],
        &env,
    );
    assert!(got.is_empty(), "{got:?}");
    assert_eq!(server.requests().len(), asked);
    // Completion only reads: every request was a list.
    let requests = server.requests();
    assert!(!requests.is_empty());
    for request in &requests {
        assert_eq!(request.method, "GET", "{request:?}");
        assert!(!request.path.contains("portforward"), "{request:?}");
    }
}

#[test]
fn a_bare_word_completes_to_pods_and_target_types() {
    let home = temp_home();
    let (_server, kubeconfig) = cluster(home.path());
    let env = [("KUBECONFIG", kubeconfig.as_str())];
    let got = bash_candidates(home.path(), &["meshctl", "pc", "c", ""], &env);
    // The engine offers the flags after the values.
    let (values, flags) = got.split_at(got.iter().position(|c| c.starts_with('-')).unwrap());
    assert!(flags.iter().all(|f| f.starts_with('-')), "{flags:?}");
    assert_eq!(
        values,
        [
            "deploy/",
            "sts/",
            "ds/",
            "rs/",
            "rc/",
            "job/",
            "svc/",
            "gtw/",
            "web-frontend-7d9f8-abcde"
        ]
    );
    let got = bash_candidates(home.path(), &["meshctl", "pc", "c", "web"], &env);
    assert_eq!(got, ["web-frontend-7d9f8-abcde"]);
    // After a `.`, the namespace of `name.namespace`.
    let got = bash_candidates(
        home.path(),
        &["meshctl", "pc", "c", "deploy/billing.p"],
        &env,
    );
    assert_eq!(got, ["deploy/billing.payments"]);
}

#[test]
fn namespaces_and_contexts_complete() {
    let home = temp_home();
    let (_server, kubeconfig) = cluster(home.path());
    let env = [("KUBECONFIG", kubeconfig.as_str())];
    let got = bash_candidates(home.path(), &["meshctl", "pc", "c", "-n", ""], &env);
    assert_eq!(got, ["default", "istio-system", "payments"]);
    let got = bash_candidates(
        home.path(),
        &["meshctl", "pc", "c", "--namespace", "i"],
        &env,
    );
    assert_eq!(got, ["istio-system"]);
    let got = bash_candidates(home.path(), &["meshctl", "--context", ""], &env);
    assert_eq!(got, ["test", "staging"]);
    // `--kubeconfig` on the line wins over KUBECONFIG.
    let got = bash_candidates(
        home.path(),
        &[
            "meshctl",
            "--kubeconfig",
            &kubeconfig,
            "pc",
            "c",
            "--context",
            "s",
        ],
        &[("KUBECONFIG", "/nonexistent")],
    );
    assert_eq!(got, ["staging"]);
}

#[test]
fn a_silent_api_server_yields_no_candidates_within_the_budget() {
    let home = temp_home();
    // Accepts connections and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let server = ApiServer::builder().start();
    let kubeconfig = home.path().join("kubeconfig");
    let yaml = server.kubeconfig_yaml("test", "default").replace(
        &server.url(),
        &format!("http://{}", silent.local_addr().unwrap()),
    );
    std::fs::write(&kubeconfig, yaml).unwrap();
    let kubeconfig = path_str(&kubeconfig);
    let env = [("KUBECONFIG", kubeconfig.as_str())];
    for words in [
        &["meshctl", "pc", "c", "deploy/"][..],
        &["meshctl", "pc", "c", "-n", ""][..],
    ] {
        let started = Instant::now();
        let got = bash_candidates(home.path(), words, &env);
        let took = started.elapsed();
        assert!(got.is_empty(), "{words:?}: {got:?}");
        assert!(
            took < Duration::from_secs(3),
            "{words:?} took {took:?}: completion must give up on a silent server"
        );
    }
    // Nothing listening at all: no candidates but the types, at once.
    drop(silent);
    let started = Instant::now();
    let got = bash_candidates(home.path(), &["meshctl", "pc", "c", "s"], &env);
    assert_eq!(got, ["sts/", "svc/"]);
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn route_and_cluster_names_come_from_the_dump_on_the_line() {
    let home = temp_home();
    let dump = path_str(&fixture("web-frontend", "config_dump.json"));
    let got = bash_candidates(
        home.path(),
        &["meshctl", "pc", "routes", "-f", &dump, "--name", "80"],
        &[],
    );
    assert_eq!(got, ["80", "8080"]);
    // Bash inserts a candidate as typed: `|` is escaped.
    let got = bash_candidates(
        home.path(),
        &[
            "meshctl",
            "pc",
            "ep",
            "-f",
            &dump,
            "--cluster",
            "outbound|80|v",
        ],
        &[],
    );
    assert_eq!(
        got,
        [
            "outbound\\|80\\|v1\\|customers.default.svc.cluster.local",
            "outbound\\|80\\|v2\\|customers.default.svc.cluster.local"
        ]
    );
    // Fish is given words.
    let out = meshctl(
        home.path(),
        &[
            "--",
            "meshctl",
            "pc",
            "ep",
            "-f",
            &dump,
            "--cluster",
            "outbound|80|v1",
        ],
        &[("COMPLETE", "fish")],
    );
    assert_eq!(
        stdout(&out),
        "outbound|80|v1|customers.default.svc.cluster.local\n"
    );
}

/// The committed bash script, sourced by a real bash, completes `deploy/<TAB>` from the cluster.
#[test]
fn real_bash_completes_deployments_through_the_committed_script() {
    let home = temp_home();
    let (_server, kubeconfig) = cluster(home.path());
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_meshctl")).parent().unwrap();
    let script = format!("{}/completions/meshctl.bash", env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {script}; complete -p meshctl >&2; \
             COMP_WORDS=(meshctl pc clusters deploy/w); COMP_CWORD=3; \
             COMP_LINE='meshctl pc clusters deploy/w'; COMP_POINT=${{#COMP_LINE}}; \
             _clap_complete_meshctl meshctl deploy/w clusters; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\""
        ))
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("HOME", home.path())
        .env("KUBECONFIG", &kubeconfig)
        .output()
        .expect("run bash");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("_clap_complete_meshctl meshctl"),
        "registered: {err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "deploy/web-frontend\n"
    );
}

/// Without `-f`, `--name` and `--cluster` names come from the proxy of the target on the line:
/// a real Envoy behind the test API server's port-forward.
#[test]
fn route_and_cluster_names_come_live_from_the_targets_proxy() {
    let envoy = web_frontend_envoy();
    let pod_name = "web-frontend-7d9f8-abcde";
    let server = ApiServer::builder()
        .pod(pod(PodSpec {
            name: pod_name,
            ..PodSpec::default()
        }))
        .portforward_backend("default", pod_name, 15000, envoy.admin_addr())
        .log_requests()
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("kubeconfig");
    server
        .write_kubeconfig(&kubeconfig, "test", "default")
        .unwrap();
    let kubeconfig = path_str(&kubeconfig);
    let env = [("KUBECONFIG", kubeconfig.as_str())];
    let got = bash_candidates(
        home.path(),
        &["meshctl", "pc", "routes", pod_name, "--name", "80"],
        &env,
    );
    assert_eq!(got, ["80", "8080"]);
    let got = bash_candidates(
        home.path(),
        &[
            "meshctl",
            "pc",
            "ep",
            pod_name,
            "--cluster",
            "outbound|80|v",
        ],
        &env,
    );
    assert_eq!(
        got,
        [
            "outbound\\|80\\|v1\\|customers.default.svc.cluster.local",
            "outbound\\|80\\|v2\\|customers.default.svc.cluster.local"
        ]
    );
    assert!(server
        .requests()
        .iter()
        .any(|r| r.path.ends_with("/portforward")));
}

/// Runs `script` in `shell` with the build's directory first on PATH. The shells are installed
/// by dev/test; a machine without them fails here and says so.
fn in_shell(shell: &str, args: &[&str], home: &Path, env: &[(&str, &str)]) -> std::process::Output {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_meshctl")).parent().unwrap();
    let mut command = std::process::Command::new(shell);
    command
        .args(args)
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("HOME", home)
        .env_remove("KUBECONFIG");
    for (key, value) in env {
        command.env(key, value);
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("{shell} is needed for this test (dev/test installs it): {e}"))
}

/// The committed fish script, sourced by a real fish, completes from the cluster and from a dump;
/// a cluster name typed with fish's escapes still matches.
#[test]
fn real_fish_completes_through_the_committed_script() {
    let home = temp_home();
    let (_server, kubeconfig) = cluster(home.path());
    let script = format!("{}/completions/meshctl.fish", env!("CARGO_MANIFEST_DIR"));
    let dump = path_str(&fixture("web-frontend", "config_dump.json"));
    for (line, expect) in [
        (
            "meshctl pc clusters deploy/".to_string(),
            "deploy/reviews\ndeploy/web-frontend\n",
        ),
        (
            format!("meshctl pc ep -f {dump} --cluster outbound\\|80\\|v"),
            "outbound|80|v1|customers.default.svc.cluster.local\n\
             outbound|80|v2|customers.default.svc.cluster.local\n",
        ),
    ] {
        let out = in_shell(
            "fish",
            &[
                "--no-config",
                "-c",
                &format!("source {script}; complete -C '{line}'"),
            ],
            home.path(),
            &[("KUBECONFIG", &kubeconfig)],
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expect,
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The committed zsh script is valid zsh (completing in zsh needs a terminal; what it asks
/// meshctl is the protocol the other tests drive).
#[test]
fn committed_zsh_script_parses() {
    let home = temp_home();
    let script = format!("{}/completions/_meshctl", env!("CARGO_MANIFEST_DIR"));
    let out = in_shell("zsh", &["-n", &script], home.path(), &[]);
    assert!(
        out.status.success(),
        "zsh -n: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
