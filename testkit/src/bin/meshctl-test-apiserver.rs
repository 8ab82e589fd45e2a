//! Runs the test Kubernetes API server on 127.0.0.1 for manual use and kubectl checks.
//! Prints its URL on the first line of stdout, then serves until killed.

use std::io::Write;
use std::time::Duration;

use clap::Parser;
use serde_json::Value;
use testkit::apiserver::{ApiServer, ApiServerBuilder, Denial, PortForwardFault};

/// Runs the test Kubernetes API server on 127.0.0.1 for manual use and kubectl checks. Prints
/// its URL on the first line of stdout, then serves until killed.
#[derive(Parser)]
#[command(name = "meshctl-test-apiserver", args_override_self = true)]
struct Args {
    /// Objects to serve: YAML (several documents allowed) or JSON (one object, an array, or a
    /// List with items)
    #[arg(long, value_name = "FILE")]
    objects: Vec<String>,
    /// Serve HTTPS (the kubeconfig carries the CA)
    #[arg(long)]
    https: bool,
    /// Print each request and its status on stderr
    #[arg(long)]
    log: bool,
    /// Accept a bearer token as a user
    #[arg(long = "token", value_name = "TOKEN=USER")]
    tokens: Vec<String>,
    /// The user requests act as when no tokens are configured
    #[arg(long, value_name = "NAME")]
    user: Option<String>,
    /// Answer 403 to a verb on a resource (in one namespace, or all)
    #[arg(long = "deny", value_name = "VERB:RESOURCE[:NAMESPACE]")]
    denials: Vec<String>,
    /// Where port-forwards to a pod's port connect
    #[arg(long = "backend", value_name = "NS/POD:PORT=HOST:PORT")]
    backends: Vec<String>,
    /// How port-forwards to a pod fail: refused, forbidden, hang, drop-after:BYTES or
    /// slow:MILLIS
    #[arg(long = "fault", value_name = "NS/POD=FAULT")]
    faults: Vec<String>,
    /// The gitVersion /version reports
    #[arg(long, value_name = "vX.Y.Z")]
    version: Option<String>,
    /// Write a kubeconfig for the server here
    #[arg(long, value_name = "PATH")]
    kubeconfig_out: Option<String>,
    /// The kubeconfig's context
    #[arg(long, value_name = "NAME", default_value = "meshctl-test")]
    context: String,
    /// The kubeconfig context's namespace
    #[arg(long, value_name = "NS")]
    namespace: Option<String>,
}

fn main() {
    if let Err(message) = run(Args::parse()) {
        eprintln!("meshctl-test-apiserver: {message}");
        std::process::exit(2);
    }
}

/// Flag values are checked here, not by clap, so that a bad one is a single line on stderr.
fn run(args: Args) -> Result<(), String> {
    let mut builder = ApiServer::builder();
    if args.https {
        builder = builder.https();
    }
    if args.log {
        builder = builder.log_requests();
    }
    for path in &args.objects {
        builder = add_objects(builder, path)?;
    }
    for value in &args.tokens {
        let (token, user) = value
            .split_once('=')
            .ok_or_else(|| format!("--token wants TOKEN=USER, got {value:?}"))?;
        builder = builder.token(token, user);
    }
    if let Some(user) = &args.user {
        builder = builder.default_user(user);
    }
    for value in &args.denials {
        let mut parts = value.split(':');
        let (Some(verb), Some(resource)) = (parts.next(), parts.next()) else {
            return Err(format!(
                "--deny wants VERB:RESOURCE[:NAMESPACE], got {value:?}"
            ));
        };
        let denial = Denial::new(verb, resource);
        builder = builder.deny(match parts.next() {
            Some(ns) => denial.namespace(ns),
            None => denial,
        });
    }
    for value in &args.backends {
        let (target, addr) = value
            .split_once('=')
            .ok_or_else(|| format!("--backend wants NS/POD:PORT=HOST:PORT, got {value:?}"))?;
        let (ns, pod, port) = parse_pod_port(target)?;
        let addr = addr
            .parse()
            .map_err(|e| format!("--backend address {addr:?}: {e}"))?;
        builder = builder.portforward_backend(ns, pod, port, addr);
    }
    for value in &args.faults {
        let (target, fault) = value
            .split_once('=')
            .ok_or_else(|| format!("--fault wants NS/POD=FAULT, got {value:?}"))?;
        let (ns, pod) = target
            .split_once('/')
            .ok_or_else(|| format!("--fault target must be NS/POD, got {target:?}"))?;
        builder = builder.portforward_fault(ns, pod, parse_fault(fault)?);
    }
    if let Some(version) = &args.version {
        builder = builder.version(version);
    }
    let server = builder
        .try_start()
        .map_err(|e| format!("cannot start: {e}"))?;
    if let Some(path) = &args.kubeconfig_out {
        server
            .write_kubeconfig(path, &args.context, args.namespace.as_deref())
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
