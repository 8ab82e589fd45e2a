//! Which port a pod's Envoy admin API listens on, when `--proxy-admin-port` does not say.
//!
//! Each mesh or gateway project puts its proxy in the pod in a shape of its own: a container
//! name, an image, labels, annotations, arguments. `RULES` recognises each by the markers that
//! project's own manifests and injectors put there, and knows the admin port the project uses.
//! Where the pod names its admin port itself (an annotation, a proxy argument, a bootstrap in the
//! arguments), that wins over the project's default; `--proxy-admin-port` wins over everything.

use k8s_openapi::api::core::v1::{Container, Pod};
use serde_json::Value;

use super::resolve::PodRef;
use crate::error::Error;

/// The admin port chosen for a pod, and why, for `-v`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Choice {
    pub port: u16,
    pub why: String,
}

/// One project's proxy: how to recognise its container, its default admin port, and where the
/// pod may name another.
struct Rule {
    /// The project, for messages.
    project: &'static str,
    default_port: u16,
    /// What is looked for, for the message when nothing matches.
    markers: &'static str,
    /// Why `container` is this project's proxy in `pod`, or None when it is not.
    recognise: fn(&Pod, &Container) -> Option<String>,
    /// The admin port the pod names itself for this container, and where.
    named_port: fn(&Pod, &Container) -> Option<(u16, String)>,
}

const RULES: &[Rule] = &[
    // Istio: the injector's sidecar, and the gateway and waypoint deployments, run a container
    // named `istio-proxy` from the `proxyv2` image with `proxy sidecar|router|waypoint` (istio's
    // manifests/charts/istio-control/istio-discovery/files/injection-template.yaml,
    // gateway-injection-template.yaml, waypoint.yaml). With native sidecars it is an init
    // container. Admin on 15000 (ProxyConfig.proxyAdminPort), which `proxy.istio.io/config` may
    // set per pod; injectors before ProxyConfig passed pilot-agent `--proxyAdminPort N`.
    Rule {
        project: "Istio",
        default_port: 15000,
        markers: "Istio's istio-proxy container (image proxyv2)",
        recognise: |_, c| {
            if c.name == "istio-proxy" {
                Some("Istio's proxy (container name istio-proxy)".into())
            } else if image_name(c) == Some("proxyv2") {
                Some(format!("Istio's proxy (image {})", image(c)))
            } else {
                None
            }
        },
        named_port: |pod, c| {
            if let Some(port) = flag_value(&arguments(c), "--proxyAdminPort") {
                return Some((port.parse().ok()?, "its --proxyAdminPort argument".into()));
            }
            let text = annotation(pod, "proxy.istio.io/config")?;
            let config = yaml_value(text)?;
            let port = port_of(&config["proxyAdminPort"])?;
            Some((
                port,
                "proxyAdminPort in annotation proxy.istio.io/config".into(),
            ))
        },
    },
    // Envoy Gateway: the proxy Deployment the operator creates carries
    // app.kubernetes.io/managed-by=envoy-gateway and runs Envoy in a container named `envoy` whose
    // arguments hold the bootstrap, `--config-yaml <bootstrap>`, with admin on 127.0.0.1:19000
    // (envoyproxy/gateway's internal/infrastructure/kubernetes/proxy/testdata/deployments/
    // default.yaml).
    Rule {
        project: "Envoy Gateway",
        default_port: 19000,
        markers:
            "Envoy Gateway's envoy container (label app.kubernetes.io/managed-by=envoy-gateway)",
        recognise: |pod, c| {
            (c.name == "envoy"
                && label(pod, "app.kubernetes.io/managed-by") == Some("envoy-gateway"))
            .then(|| {
                "Envoy Gateway's proxy (container envoy, label \
                     app.kubernetes.io/managed-by=envoy-gateway)"
                    .into()
            })
        },
        named_port: |_, c| {
            let bootstrap = flag_value(&arguments(c), "--config-yaml")?;
            let bootstrap = yaml_value(&bootstrap)?;
            let port = port_of(&bootstrap["admin"]["address"]["socket_address"]["port_value"])?;
            Some((
                port,
                "the admin address of its --config-yaml bootstrap".into(),
            ))
        },
    },
    // Consul on Kubernetes: the connect injector adds a `consul-dataplane` container (image
    // hashicorp/consul-dataplane; `consul-dataplane-<service>` per service of a multi-port pod)
    // and passes `-envoy-admin-bind-port=<19000 + service index>`; consul-dataplane's own default
    // is 19000 (hashicorp/consul-k8s's control-plane/connect-inject/webhook/
    // consul_dataplane_sidecar.go, consul-dataplane's flag list).
    Rule {
        project: "Consul",
        default_port: 19000,
        markers: "Consul's consul-dataplane container",
        recognise: |_, c| {
            if c.name == "consul-dataplane" || c.name.starts_with("consul-dataplane-") {
                Some(format!("Consul's dataplane (container name {})", c.name))
            } else if image_name(c) == Some("consul-dataplane") {
                Some(format!("Consul's dataplane (image {})", image(c)))
            } else {
                None
            }
        },
        named_port: |_, c| {
            let port = go_flag_value(&command_line(c), "envoy-admin-bind-port")?;
            Some((
                port.parse().ok()?,
                "its -envoy-admin-bind-port argument".into(),
            ))
        },
    },
    // Kuma (and Kong Mesh): the injector adds a `kuma-sidecar` container running kuma-dp (image
    // kumahq/kuma-dp or kong/kuma-dp) and annotates the pod kuma.io/sidecar-injected=true; the
    // admin port is 9901 unless the pod's kuma.io/envoy-admin-port annotation says otherwise
    // (Kuma's documentation of its Kubernetes annotations and data plane ports).
    Rule {
        project: "Kuma",
        default_port: 9901,
        markers: "Kuma's kuma-sidecar container (image kuma-dp)",
        recognise: |_, c| {
            if c.name == "kuma-sidecar" {
                Some("Kuma's data plane proxy (container name kuma-sidecar)".into())
            } else if image_name(c) == Some("kuma-dp") {
                Some(format!("Kuma's data plane proxy (image {})", image(c)))
            } else {
                None
            }
        },
        named_port: |pod, _| {
            let port = annotation(pod, "kuma.io/envoy-admin-port")?
                .trim()
                .parse()
                .ok()?;
            Some((port, "annotation kuma.io/envoy-admin-port".into()))
        },
    },
    // Contour: the Envoy DaemonSet runs Envoy in a container named `envoy`, its bootstrap written
    // by an init container running `contour bootstrap` (image projectcontour/contour); Envoy's
    // admin API itself is a Unix socket, and the bootstrap publishes its read-only paths on
    // 127.0.0.1:9001, `contour bootstrap --admin-port`'s default (projectcontour/contour's
    // examples/contour/03-envoy.yaml).
    Rule {
        project: "Contour",
        default_port: 9001,
        markers: "Contour's envoy container (with a `contour bootstrap` init container)",
        recognise: |pod, c| {
            (c.name == "envoy" && contour_bootstrap(pod).is_some()).then(|| {
                "Contour's Envoy (container envoy, bootstrapped by `contour bootstrap`)".into()
            })
        },
        named_port: |pod, _| {
            let port = flag_value(&arguments(contour_bootstrap(pod)?), "--admin-port")?;
            Some((
                port.parse().ok()?,
                "the --admin-port of its `contour bootstrap`".into(),
            ))
        },
    },
    // Gloo Edge: the gateway-proxy Deployment's pods carry gloo=gateway-proxy and run the
    // gloo-envoy-wrapper image (gloo-ee-envoy-wrapper in Enterprise) in a container named after
    // the proxy (`gateway-proxy`); its bootstrap puts admin on 19000 (solo-io/gloo's helm chart
    // and its image lookup in the upgrade checks).
    Rule {
        project: "Gloo Edge",
        default_port: 19000,
        markers: "Gloo Edge's gateway-proxy container (image gloo-envoy-wrapper)",
        recognise: |pod, c| match image_name(c) {
            Some(name @ ("gloo-envoy-wrapper" | "gloo-ee-envoy-wrapper")) => {
                Some(format!("Gloo Edge's gateway proxy (image {name})"))
            }
            _ => (c.name == "gateway-proxy" && label(pod, "gloo") == Some("gateway-proxy"))
                .then(|| "Gloo Edge's gateway proxy (label gloo=gateway-proxy)".into()),
        },
        named_port: |_, _| None,
    },
];

/// The admin port for `pod`: `explicit` when given; else the port of the proxy container found
/// by `RULES` (only `container` when named). None found, or several that disagree: one line
/// saying what was looked for and how to say it.
pub(crate) fn choose(
    pod: &Pod,
    pod_ref: &PodRef,
    container: Option<&str>,
    explicit: Option<u16>,
) -> Result<Choice, Error> {
    if let Some(port) = explicit {
        return Ok(Choice {
            port,
            why: "given by --proxy-admin-port".into(),
        });
    }
    let containers = all_containers(pod);
    let candidates: Vec<&Container> = match container {
        Some(name) => match containers.iter().find(|c| c.name == name) {
            Some(c) => vec![c],
            None => {
                let names: Vec<&str> = containers.iter().map(|c| c.name.as_str()).collect();
                return Err(Error::proxy(format!(
                    "{pod_ref} has no container {name:?} (-c); it has: {}",
                    names.join(", ")
                )));
            }
        },
        None => containers.iter().collect(),
    };
    let mut found: Vec<(&Container, Choice)> = Vec::new();
    for c in candidates {
        if let Some(choice) = RULES.iter().find_map(|rule| choice_for(rule, pod, c)) {
            found.push((c, choice));
        }
    }
    match found.as_slice() {
        [] => {
            let looked_for: Vec<&str> = RULES.iter().map(|r| r.markers).collect();
            let which = match container {
                Some(name) => format!("container {name:?} of {pod_ref}"),
                None => pod_ref.to_string(),
            };
            Err(Error::proxy(format!(
                "no Envoy proxy recognised in {which} (looked for {}): give its admin port \
                 with --proxy-admin-port",
                looked_for.join(", ")
            )))
        }
        [(_, first), rest @ ..] if rest.iter().all(|(_, c)| c.port == first.port) => {
            Ok(first.clone())
        }
        several => {
            let listed: Vec<String> = several
                .iter()
                .map(|(c, choice)| format!("{} on {}", c.name, choice.port))
                .collect();
            Err(Error::proxy(format!(
                "{pod_ref} has several proxy containers with different admin ports ({}): \
                 pick one with -c",
                listed.join(", ")
            )))
        }
    }
}

fn choice_for(rule: &Rule, pod: &Pod, c: &Container) -> Option<Choice> {
    let what = (rule.recognise)(pod, c)?;
    let (port, source) = match (rule.named_port)(pod, c) {
        Some((port, source)) => (port, source),
        None => (rule.default_port, format!("{}'s default", rule.project)),
    };
    Some(Choice {
        port,
        why: format!("container {:?} is {what}; port from {source}", c.name),
    })
}

/// The containers, then the init containers (a native sidecar is one that keeps running).
fn all_containers(pod: &Pod) -> Vec<Container> {
    let Some(spec) = &pod.spec else {
        return Vec::new();
    };
    let mut all = spec.containers.clone();
    all.extend(
        spec.init_containers
            .iter()
            .flatten()
            .filter(|c| c.restart_policy.as_deref() == Some("Always"))
            .cloned(),
    );
    all
}

/// The init container that runs `contour bootstrap`.
fn contour_bootstrap(pod: &Pod) -> Option<&Container> {
    let spec = pod.spec.as_ref()?;
    spec.init_containers.iter().flatten().find(|c| {
        let runs_contour = image_name(c) == Some("contour")
            || c.command.iter().flatten().any(|w| w.ends_with("contour"));
        runs_contour && arguments(c).first().map(String::as_str) == Some("bootstrap")
    })
}

fn label<'a>(pod: &'a Pod, key: &str) -> Option<&'a str> {
    pod.metadata.labels.as_ref()?.get(key).map(String::as_str)
}

fn annotation<'a>(pod: &'a Pod, key: &str) -> Option<&'a str> {
    pod.metadata
        .annotations
        .as_ref()?
        .get(key)
        .map(String::as_str)
}

fn image(c: &Container) -> &str {
    c.image.as_deref().unwrap_or("")
}

/// An image reference's repository name, without registry, path, tag or digest:
/// `docker.io/istio/proxyv2:1.24.0` is `proxyv2`.
fn image_name(c: &Container) -> Option<&str> {
    let reference = c.image.as_deref()?;
    let reference = reference.split('@').next()?;
    let last = reference.rsplit('/').next()?;
    last.split(':').next().filter(|n| !n.is_empty())
}

/// The container's arguments.
fn arguments(c: &Container) -> Vec<String> {
    c.args.iter().flatten().cloned().collect()
}

/// The container's command, then its arguments.
fn command_line(c: &Container) -> Vec<String> {
    c.command
        .iter()
        .chain(c.args.iter())
        .flatten()
        .cloned()
        .collect()
}

/// The value of `flag` among `args`: `flag=value`, `flag value` in one argument, or `flag`
/// followed by the value as the next argument.
fn flag_value(args: &[String], flag: &str) -> Option<String> {
    for (i, arg) in args.iter().enumerate() {
        if arg == flag {
            return args.get(i + 1).cloned();
        }
        if let Some(rest) = arg.strip_prefix(flag) {
            if let Some(value) = rest.strip_prefix('=') {
                return Some(value.to_string());
            }
            if rest.starts_with([' ', '\n', '\t']) {
                return Some(rest.trim_start_matches([' ', '\t']).to_string());
            }
        }
    }
    None
}

/// A Go flag's value (`-name=v`, `--name=v`, `-name v`), also inside a shell command line
/// (`/bin/sh -ec "consul-dataplane ... -name=v"`), as consul-k8s has written it.
fn go_flag_value(args: &[String], name: &str) -> Option<String> {
    let words: Vec<String> = args
        .iter()
        .flat_map(|a| a.split_whitespace())
        .map(str::to_string)
        .collect();
    flag_value(&words, &format!("-{name}")).or_else(|| flag_value(&words, &format!("--{name}")))
}

fn yaml_value(text: &str) -> Option<Value> {
    let json = crate::input::yaml::to_json(text, "the pod's proxy configuration").ok()?;
    serde_json::from_str(&json).ok()
}

/// A port number, as a number or as text.
fn port_of(value: &Value) -> Option<u16> {
    let port = match value {
        Value::Number(n) => u16::try_from(n.as_u64()?).ok()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    (port != 0).then_some(port)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pod(value: Value) -> Pod {
        serde_json::from_value(value).unwrap()
    }

    fn pod_ref() -> PodRef {
        PodRef {
            name: "p".into(),
            namespace: "ns".into(),
        }
    }

    fn port(value: Value) -> Result<u16, String> {
        choose(&pod(value), &pod_ref(), None, None)
            .map(|c| c.port)
            .map_err(|e| e.message)
    }

    #[test]
    fn each_projects_default_port() {
        let with = |containers: Value, labels: Value| {
            json!({"metadata": {"name": "p", "labels": labels},
                   "spec": {"containers": containers}})
        };
        let istio = with(
            json!([{"name": "app"}, {"name": "istio-proxy", "image": "docker.io/istio/proxyv2:1.24.0"}]),
            json!({}),
        );
        assert_eq!(port(istio), Ok(15000));
        let eg = with(
            json!([{"name": "envoy", "image": "envoyproxy/envoy:distroless-v1.34.1"}, {"name": "shutdown-manager"}]),
            json!({"app.kubernetes.io/managed-by": "envoy-gateway"}),
        );
        assert_eq!(port(eg), Ok(19000));
        let consul = with(
            json!([{"name": "app"}, {"name": "consul-dataplane", "image": "hashicorp/consul-dataplane:1.6"}]),
            json!({}),
        );
        assert_eq!(port(consul), Ok(19000));
        let kuma = with(
            json!([{"name": "app"}, {"name": "kuma-sidecar", "image": "kumahq/kuma-dp:2.9"}]),
            json!({}),
        );
        assert_eq!(port(kuma), Ok(9901));
        let gloo = with(
            json!([{"name": "gateway-proxy", "image": "quay.io/solo-io/gloo-envoy-wrapper:1.17.0"}]),
            json!({"gloo": "gateway-proxy"}),
        );
        assert_eq!(port(gloo), Ok(19000));
        let contour = json!({"metadata": {"name": "p"}, "spec": {
            "containers": [{"name": "shutdown-manager"}, {"name": "envoy", "image": "envoyproxy/envoy:v1.35"}],
            "initContainers": [{"name": "envoy-initconfig", "image": "ghcr.io/projectcontour/contour:v1.30",
                                "command": ["contour"], "args": ["bootstrap", "/config/envoy.json"]}]}});
        assert_eq!(port(contour), Ok(9001));
        // An Envoy Gateway-looking container without the label is nobody's.
        let bare = with(
            json!([{"name": "envoy", "image": "envoyproxy/envoy:v1.35"}]),
            json!({}),
        );
        let err = port(bare).unwrap_err();
        assert!(
            err.starts_with(
                "no Envoy proxy recognised in pod \"p\" in namespace \"ns\" (looked for Istio's"
            ),
            "{err}"
        );
        assert!(
            err.ends_with("give its admin port with --proxy-admin-port"),
            "{err}"
        );
    }

    #[test]
    fn a_port_the_pod_names_wins_over_the_default() {
        let kuma = json!({"metadata": {"name": "p", "annotations": {"kuma.io/envoy-admin-port": "9999"}},
                          "spec": {"containers": [{"name": "kuma-sidecar"}]}});
        assert_eq!(port(kuma), Ok(9999));
        let consul = json!({"metadata": {"name": "p"}, "spec": {"containers": [
            {"name": "consul-dataplane-web", "args": ["-addresses", "consul", "-envoy-admin-bind-port=19001"]}]}});
        assert_eq!(port(consul), Ok(19001));
        let consul_shell = json!({"metadata": {"name": "p"}, "spec": {"containers": [
            {"name": "consul-dataplane", "command": ["/bin/sh", "-ec",
             "consul-dataplane -addresses=1.1.1.1 -envoy-admin-bind-port=19002"]}]}});
        assert_eq!(port(consul_shell), Ok(19002));
        let eg = json!({"metadata": {"name": "p", "labels": {"app.kubernetes.io/managed-by": "envoy-gateway"}},
            "spec": {"containers": [{"name": "envoy", "args": [
                "--service-cluster default",
                "--config-yaml admin:\n  address:\n    socket_address:\n      address: 127.0.0.1\n      port_value: 19100\nnode:\n  id: x\n",
                "--log-level warn"]}]}});
        assert_eq!(port(eg), Ok(19100));
        let istio = json!({"metadata": {"name": "p", "annotations": {"proxy.istio.io/config": "proxyAdminPort: 15100\n"}},
                           "spec": {"containers": [{"name": "istio-proxy"}]}});
        assert_eq!(port(istio), Ok(15100));
        let old_istio = json!({"metadata": {"name": "p"}, "spec": {"containers": [{"name": "istio-proxy",
            "args": ["proxy", "sidecar", "--proxyAdminPort", "15001", "--statusPort", "15020"]}]}});
        assert_eq!(port(old_istio), Ok(15001));
        let contour = json!({"metadata": {"name": "p"}, "spec": {
            "containers": [{"name": "envoy"}],
            "initContainers": [{"name": "envoy-initconfig", "command": ["contour"],
                                "args": ["bootstrap", "/config/envoy.json", "--admin-port=9101"]}]}});
        assert_eq!(port(contour), Ok(9101));
    }

    #[test]
    fn explicit_port_and_container_choice() {
        let two = pod(json!({"metadata": {"name": "p"}, "spec": {"containers": [
            {"name": "consul-dataplane-web", "args": ["-envoy-admin-bind-port=19000"]},
            {"name": "consul-dataplane-admin", "args": ["-envoy-admin-bind-port=19001"]}]}}));
        let err = choose(&two, &pod_ref(), None, None).unwrap_err();
        assert_eq!(
            err.message,
            "pod \"p\" in namespace \"ns\" has several proxy containers with different admin \
             ports (consul-dataplane-web on 19000, consul-dataplane-admin on 19001): pick one with -c"
        );
        let picked = choose(&two, &pod_ref(), Some("consul-dataplane-admin"), None).unwrap();
        assert_eq!(picked.port, 19001);
        assert_eq!(
            picked.why,
            "container \"consul-dataplane-admin\" is Consul's dataplane (container name \
             consul-dataplane-admin); port from its -envoy-admin-bind-port argument"
        );
        let explicit = choose(&two, &pod_ref(), Some("nope"), Some(1234)).unwrap();
        assert_eq!(explicit.port, 1234);
        let missing = choose(&two, &pod_ref(), Some("nope"), None).unwrap_err();
        assert!(
            missing.message.contains("has no container \"nope\" (-c)"),
            "{}",
            missing.message
        );
    }

    #[test]
    fn native_sidecars_are_init_containers_that_keep_running() {
        let native = json!({"metadata": {"name": "p"}, "spec": {"containers": [{"name": "app"}],
            "initContainers": [{"name": "istio-proxy", "restartPolicy": "Always"}]}});
        assert_eq!(port(native), Ok(15000));
        let one_shot = json!({"metadata": {"name": "p"}, "spec": {"containers": [{"name": "app"}],
            "initContainers": [{"name": "istio-proxy"}]}});
        assert!(port(one_shot).is_err());
    }
}
