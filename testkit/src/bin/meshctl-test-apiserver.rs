//! Runs the test Kubernetes API server on 127.0.0.1 for manual use and kubectl checks.
//! Prints its URL on the first line of stdout, then serves until killed.

use std::io::Write;
use std::time::Duration;

use serde_json::Value;
use testkit::apiserver::{ApiServer, ApiServerBuilder, Denial, PortForwardFault};

const USAGE: &str =
    "usage: meshctl-test-apiserver [--objects FILE]... [--https] [--log] [--token TOKEN=USER]...
    [--user NAME] [--deny VERB:RESOURCE[:NAMESPACE]]... [--backend NS/POD:PORT=HOST:PORT]...
    [--fault NS/POD=refused|forbidden|hang|drop-after:BYTES|slow:MILLIS]... [--version vX.Y.Z]
    [--kubeconfig-out PATH [--context NAME] [--namespace NS]]

FILE is YAML (several documents allowed) or JSON: one object, an array, or a List with items.";

fn main() {
    if let Err(message) = run() {
        eprintln!("meshctl-test-apiserver: {message}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut builder = ApiServer::builder();
    let mut kubeconfig_out = None;
    let mut context = "meshctl-test".to_string();
    let mut namespace = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            return Ok(());
        }
        if flag == "--https" {
            builder = builder.https();
            continue;
        }
        if flag == "--log" {
            builder = builder.log_requests();
            continue;
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        builder = match flag.as_str() {
            "--objects" => add_objects(builder, &value)?,
            "--token" => {
                let (token, user) = value
                    .split_once('=')
                    .ok_or_else(|| format!("--token wants TOKEN=USER, got {value:?}"))?;
                builder.token(token, user)
            }
            "--user" => builder.default_user(&value),
            "--deny" => {
                let mut parts = value.split(':');
                let (Some(verb), Some(resource)) = (parts.next(), parts.next()) else {
                    return Err(format!(
                        "--deny wants VERB:RESOURCE[:NAMESPACE], got {value:?}"
                    ));
                };
                let denial = Denial::new(verb, resource);
                builder.deny(match parts.next() {
                    Some(ns) => denial.namespace(ns),
                    None => denial,
                })
            }
            "--backend" => {
                let (target, addr) = value.split_once('=').ok_or_else(|| {
                    format!("--backend wants NS/POD:PORT=HOST:PORT, got {value:?}")
                })?;
                let (ns, pod, port) = parse_pod_port(target)?;
                let addr = addr
                    .parse()
                    .map_err(|e| format!("--backend address {addr:?}: {e}"))?;
                builder.portforward_backend(ns, pod, port, addr)
            }
            "--fault" => {
                let (target, fault) = value
                    .split_once('=')
                    .ok_or_else(|| format!("--fault wants NS/POD=FAULT, got {value:?}"))?;
                let (ns, pod) = target
                    .split_once('/')
                    .ok_or_else(|| format!("--fault target must be NS/POD, got {target:?}"))?;
                builder.portforward_fault(ns, pod, parse_fault(fault)?)
            }
            "--version" => builder.version(&value),
            "--kubeconfig-out" => {
                kubeconfig_out = Some(value);
                builder
            }
            "--context" => {
                context = value;
                builder
            }
            "--namespace" => {
                namespace = Some(value);
                builder
            }
            _ => return Err(format!("unknown flag {flag:?}\n{USAGE}")),
        };
    }
    let server = builder
        .try_start()
        .map_err(|e| format!("cannot start: {e}"))?;
    if let Some(path) = &kubeconfig_out {
        server
            .write_kubeconfig(path, &context, namespace.as_deref())
            .map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "{}", server.url());
    let _ = stdout.flush();
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

fn parse_pod_port(target: &str) -> Result<(&str, &str, u16), String> {
    let bad = || format!("expected NS/POD:PORT, got {target:?}");
    let (ns, rest) = target.split_once('/').ok_or_else(bad)?;
    let (pod, port) = rest.rsplit_once(':').ok_or_else(bad)?;
    Ok((ns, pod, port.parse().map_err(|_| bad())?))
}

fn parse_fault(text: &str) -> Result<PortForwardFault, String> {
    let number = |n: &str| {
        n.parse::<u64>()
            .map_err(|_| format!("bad number in fault {text:?}"))
    };
    Ok(match text.split_once(':') {
        None if text == "refused" => PortForwardFault::Refused,
        None if text == "forbidden" => PortForwardFault::Forbidden,
        None if text == "hang" => PortForwardFault::Hang,
        Some(("drop-after", n)) => PortForwardFault::DropAfterBodyBytes(number(n)? as usize),
        Some(("slow", ms)) => PortForwardFault::SlowFirstByte(Duration::from_millis(number(ms)?)),
        _ => return Err(format!("unknown fault {text:?}")),
    })
}

fn add_objects(mut builder: ApiServerBuilder, path: &str) -> Result<ApiServerBuilder, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut documents: Vec<Value> = Vec::new();
    if text.trim_start().starts_with(['{', '[']) {
        documents.push(serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?);
    } else {
        // Empty documents (a stray `---`) are skipped.
        documents = serde_saphyr::from_multiple(&text).map_err(|e| format!("{path}: {e}"))?;
    }
    let mut objects = Vec::new();
    for document in documents {
        match document {
            Value::Array(items) => objects.extend(items),
            Value::Object(ref fields)
                if fields
                    .get("kind")
                    .and_then(Value::as_str)
                    .is_some_and(|k| k.ends_with("List")) =>
            {
                objects.extend(
                    fields
                        .get("items")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default(),
                )
            }
            other => objects.push(other),
        }
    }
    for object in objects {
        let name = object
            .pointer("/metadata/name")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        builder = builder
            .try_add(object)
            .map_err(|e| format!("{path}: object {name:?}: {e}"))?;
    }
    Ok(builder)
}
