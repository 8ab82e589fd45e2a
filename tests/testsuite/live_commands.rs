//! `pc log` and `pc rootca-compare` against real Envoys through the test API server.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;
use serde_json::json;
use testkit::apiserver::ApiServer;
use testkit::envoy::Envoy;

const USAGE: i32 = 2;
const KUBE: i32 = 3;
const PROXY: i32 = 4;
/// What the CLI returns when the two trust bundles differ.
const MISMATCH: i32 = 1;

/// An Envoy with only an admin listener, started with `-l info --component-log-level
/// upstream:debug,router:trace`: defaults that differ from istioctl's fallback (`warning`), so a
/// reset that reads the wrong thing is caught. Its own, since `pc log` changes state.
fn admin_only_envoy() -> Envoy {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bootstrap.yaml"),
        "admin:\n  address:\n    socket_address: {address: 127.0.0.1, port_value: 0}\n",
    )
    .unwrap();
    Envoy::start_with_log_levels(dir.path(), "info", "upstream:debug,router:trace")
}

fn labelled_pod(name: &str, app: &str) -> serde_json::Value {
    pod(PodSpec {
        name,
        labels: json!({"app": app}),
        ..Default::default()
    })
}

/// Parses `  name: level` lines of one `active loggers:` block.
fn levels(block: &str) -> Vec<(String, String)> {
    block
        .lines()
        .filter_map(|l| l.strip_prefix("  ")?.split_once(": "))
        .map(|(n, l)| (n.to_string(), l.to_string()))
        .collect()
}

fn level_of<'a>(levels: &'a [(String, String)], name: &str) -> &'a str {
    &levels
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no logger {name} in {levels:?}"))
        .1
}

/// A stand-in for Envoy whose logger list answers and whose level changes fail (500), on
/// kept-alive connections.
fn envoy_refusing_changes() -> std::net::SocketAddr {
    crate::support::keep_alive_server(|request_line| {
        if request_line.starts_with("POST /logging ") {
            ("200 OK", "active loggers:\n  admin: info\n  http: info\n")
        } else {
            ("500 Internal Server Error", "boom\n")
        }
    })
}

fn headers(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.ends_with(':') && !l.starts_with(' ') && *l != "active loggers:")
        .collect()
}

#[test]
fn log_shows_changes_validates_and_resets() {
    let envoy = admin_only_envoy();
    let server = ApiServer::builder()
        .pod(labelled_pod("proxy-a", "proxy"))
        .pod(labelled_pod("proxy-b", "proxy"))
        .pod(labelled_pod("other", "other"))
        .pod(labelled_pod("flaky-1", "flaky"))
        .pod(pod(PodSpec {
            name: "stopped",
            phase: "Pending",
            ready_since: None,
            labels: json!({"app": "stopped"}),
            ..Default::default()
        }))
        .portforward_backend("default", "proxy-a", 15000, envoy.admin_addr())
        .portforward_backend("default", "proxy-b", 15000, envoy.admin_addr())
        .portforward_backend("default", "flaky-1", 15000, envoy_refusing_changes())
        .deployment(workload(
            "Deployment",
            "proxy",
            "default",
            json!({"app": "proxy"}),
        ))
        .deployment(workload(
            "Deployment",
            "empty",
            "default",
            json!({"app": "nothing"}),
        ))
        .start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let run = |args: &[&str]| {
        let mut all = vec!["pc", "log"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--kubeconfig", &kc]);
        meshctl(home.path(), &all, &[])
    };
    let portforwards = || {
        server
            .requests()
            .iter()
            .filter(|r| r.path.ends_with("/portforward"))
            .count()
    };

    // One pod: its name and namespace head its loggers.
    let shown = run(&["proxy-a"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown);
    assert!(
        text.starts_with("proxy-a.default:\nactive loggers:\n"),
        "{text}"
    );
    let before = levels(&text);
    assert!(
        before.len() > 20,
        "Envoy reports its whole logger list: {text}"
    );
    let mut sorted = before.clone();
    sorted.sort();
    assert_eq!(before, sorted, "sorted by name");
    assert_eq!(level_of(&before, "admin"), "info");
    assert_eq!(level_of(&before, "upstream"), "debug");
    assert_eq!(level_of(&before, "router"), "trace");

    // A workload: every one of its pods, in the API's order. A bare level goes first, so the
    // logger item survives it, whatever the order given.
    let changed = run(&["deploy/proxy", "--level", "http:debug,error"]);
    assert!(changed.status.success(), "{}", stderr(&changed));
    let text = stdout(&changed);
    assert_eq!(headers(&text), ["proxy-a.default:", "proxy-b.default:"]);
    let after = levels(text.split("proxy-b.default:").nth(1).unwrap());
    assert_eq!(level_of(&after, "http"), "debug");
    assert_eq!(level_of(&after, "admin"), "error");
    assert_eq!(level_of(&after, "upstream"), "error");

    // `warn` is Envoy's `warning`; a namespace prefix is dropped.
    let warned = run(&["proxy-a", "--level", "envoy::admin:warn"]);
    assert!(warned.status.success(), "{}", stderr(&warned));
    assert_eq!(level_of(&levels(&stdout(&warned)), "admin"), "warning");

    // Exact logger names only (istioctl would take these substrings of its list), checked once
    // the loggers are known; nothing is changed.
    let forwards = portforwards();
    for bad in ["htt:debug", "ttp:debug", "http3:debug"] {
        let name = bad.split(':').next().unwrap();
        assert_eq!(
            assert_fails(
                &run(&["proxy-a", "--level", &format!("router:info,{bad}")]),
                USAGE,
                "unrecognized logger name",
            ),
            format!("Error: unrecognized logger name: {name}\n")
        );
    }
    assert_fails(
        &run(&["proxy-a", "--level", "loud"]),
        USAGE,
        "unrecognized logging level: loud",
    );
    assert!(
        portforwards() > forwards,
        "the loggers were asked for first"
    );
    let unchanged = levels(&stdout(&run(&["proxy-a"])));
    assert_eq!(
        level_of(&unchanged, "router"),
        "error",
        "router:info was not sent"
    );
    assert_eq!(level_of(&unchanged, "admin"), "warning");

    // --reset restores the start-up levels, per-component ones included.
    let reset = run(&["proxy-a", "--reset"]);
    assert!(reset.status.success(), "{}", stderr(&reset));
    assert_eq!(levels(&stdout(&reset)), before);
    // Reset then level, in one go (the library does both; the CLI refuses the pair).
    let opts = meshctl::config::ClusterOptions {
        kubeconfig: Some(kubeconfig.clone()),
        ..Default::default()
    };
    let request = meshctl::live::log::LogRequest {
        targets: meshctl::config::LogTargets::Target("proxy-a".to_string()),
        level: Some("admin:critical".to_string()),
        reset: true,
    };
    let mut out = Vec::new();
    meshctl::live::log::log(&opts, &request, &mut out).unwrap();
    let both = levels(&String::from_utf8(out).unwrap());
    assert_eq!(level_of(&both, "admin"), "critical");
    assert_eq!(level_of(&both, "upstream"), "debug");
    assert_eq!(level_of(&both, "http"), "info");

    // Many pods by selector: each block says which pod it is.
    let many = run(&["-l", "app=proxy", "ignored-target"]);
    assert!(many.status.success(), "{}", stderr(&many));
    let text = stdout(&many);
    assert_eq!(headers(&text), ["proxy-a.default:", "proxy-b.default:"]);
    assert_eq!(text.matches("active loggers:").count(), 2);

    // A pod that cannot list its loggers ends the command before anything is changed.
    let partial = run(&["-l", "app in (proxy,other)", "--level", "admin:off"]);
    let line = assert_fails(&partial, PROXY, "pod \"other\" in namespace \"default\"");
    assert!(
        line.starts_with("Error: failed to execute command on Envoy: "),
        "{line}"
    );
    let unchanged = levels(&stdout(&run(&["proxy-a"])));
    assert_eq!(level_of(&unchanged, "admin"), "critical");

    // A pod whose change fails is listed after the others' output, as istioctl lists errors.
    let flaky = run(&["-l", "app in (proxy,flaky)", "--level", "admin:info"]);
    assert_eq!(flaky.status.code(), Some(PROXY), "{}", stderr(&flaky));
    let text = stdout(&flaky);
    assert_eq!(headers(&text), ["proxy-a.default:", "proxy-b.default:"]);
    assert_eq!(level_of(&levels(&text), "admin"), "info");
    let err = stderr(&flaky);
    assert!(
        err.starts_with(
            "Error: 1 error occurred:\n\t* error configuring log level for flaky-1.default: "
        ),
        "{err:?}"
    );
    assert!(err.contains("500"), "{err:?}");
    assert!(
        err.ends_with("\n\n"),
        "an empty line ends the list: {err:?}"
    );
    assert_eq!(err.lines().count(), 3, "{err:?}");

    // A workload without pods prints nothing; a selector without pods is an error.
    let none = run(&["deploy/empty"]);
    assert!(none.status.success(), "{}", stderr(&none));
    assert_eq!(
        (stdout(&none), stderr(&none)),
        (String::new(), String::new())
    );
    assert_fails(&run(&["-l", "app=nothing"]), KUBE, "no pods found");

    // Every pod must be running before any of them is asked anything.
    let forwards = portforwards();
    assert_fails(
        &run(&["-l", "app in (proxy,stopped)"]),
        KUBE,
        "pod \"stopped\" in namespace \"default\" is not running (phase Pending)",
    );
    assert_eq!(portforwards(), forwards);
}

fn root_pem(common_name: &str) -> String {
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, common_name);
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params
        .self_signed(&rcgen::KeyPair::generate().unwrap())
        .unwrap()
        .pem()
}

fn indent(text: &str, spaces: usize) -> String {
    text.lines()
        .map(|l| format!("{}{l}\n", " ".repeat(spaces)))
        .collect()
}

/// The web-frontend scenario with its ROOTCA secret replaced by `validation_context` (YAML lines).
fn web_frontend_with_rootca(dir: &Path, validation_context: &str) -> PathBuf {
    let xds = dir.join("xds");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/web-frontend/xds"),
        &xds,
    );
    let secret = format!(
        "resources:\n- '@type': type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret\n  name: ROOTCA\n  validation_context:\n{}",
        indent(validation_context, 4)
    );
    fs::write(xds.join("sds/ROOTCA.yaml"), secret).unwrap();
    xds
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// The fixtures' mesh root as their `ROOTCA` secret carries it: base64 `inline_bytes`.
fn mesh_root_inline_bytes() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/web-frontend/xds/sds/ROOTCA.yaml");
    let text = fs::read_to_string(path).unwrap();
    text.lines()
        .find_map(|l| l.trim().strip_prefix("inline_bytes: "))
        .expect("ROOTCA.yaml carries inline_bytes")
        .to_string()
}

/// Spec §7.6: the ROOTCAs match when a certificate is in both; the sentence goes to stderr.
#[test]
fn rootca_compare_reads_real_bundles() {
    let _heavy = several_envoys();
    let web = web_frontend_envoy();
    let gateway = Envoy::start("ingress-gateway");
    let work = tempfile::tempdir().unwrap();
    let rotated = Envoy::start_with(&web_frontend_with_rootca(
        &work.path().join("rotated"),
        &format!(
            "trusted_ca:\n  inline_string: |\n{}",
            indent(&root_pem("rotated root"), 4)
        ),
    ));
    // No trusted CA: the SPIFFE validator's bundles, one of them the mesh root.
    let spiffe_domains = format!(
        "custom_validator_config:\n  name: envoy.tls.cert_validator.spiffe\n  typed_config:\n    \
         '@type': type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.SPIFFECertValidatorConfig\n    \
         trust_domains:\n    - name: remote.example\n      trust_bundle:\n        inline_string: |\n{}    \
         - name: cluster.local\n      trust_bundle:\n        inline_bytes: {}\n",
        indent(&root_pem("remote root"), 10),
        mesh_root_inline_bytes()
    );
    let spiffe = Envoy::start_with(&web_frontend_with_rootca(
        &work.path().join("spiffe"),
        &spiffe_domains,
    ));
    let bare = admin_only_envoy();

    let mut builder = ApiServer::builder();
    for (name, admin) in [
        ("web", web.admin_addr()),
        ("gateway", gateway.admin_addr()),
        ("rotated", rotated.admin_addr()),
        ("spiffe", spiffe.admin_addr()),
        ("no-mesh", bare.admin_addr()),
    ] {
        builder = builder
            .pod(labelled_pod(name, name))
            .portforward_backend("default", name, 15000, admin);
    }
    let server = builder.start();
    let home = temp_home();
    let kubeconfig = home.path().join("config");
    server.write_kubeconfig(&kubeconfig, "test", None).unwrap();
    let kc = path_str(&kubeconfig);
    let compare = |a: &str, b: &str| {
        meshctl(
            home.path(),
            &["pc", "rootca-compare", a, b, "--kubeconfig", &kc],
            &[],
        )
    };
    let identical = |a: &str, b: &str| {
        let out = compare(a, b);
        assert!(out.status.success(), "{a} {b}: {}", stderr(&out));
        assert_eq!(stdout(&out), "");
        assert_eq!(
            stderr(&out),
            format!("Both [{a}.default] and [{b}.default] have the identical ROOTCA, theoretically the connectivity between them is available\n")
        );
    };

    // The two fixture proxies share the mesh root, in inline_bytes (istioctl never matches).
    identical("web", "gateway");
    // One SPIFFE bundle is the mesh root.
    identical("spiffe", "web");

    assert_fails(
        &compare("web", "rotated"),
        MISMATCH,
        "Error: Both [web.default] and [rotated.default] have the non identical ROOTCA, theoretically the connectivity between them is unavailable",
    );
    assert_fails(
        &compare("rotated", "spiffe"),
        MISMATCH,
        "Error: Both [rotated.default] and [spiffe.default] have the non identical ROOTCA",
    );
    assert_fails(
        &compare("web", "no-mesh"),
        MISMATCH,
        "Error: cannot find ROOTCA from secret",
    );
    assert_fails(
        &compare("web", "ghost"),
        KUBE,
        "pods \"ghost\" not found in namespace \"default\"",
    );
}
