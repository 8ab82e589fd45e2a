//! `meshgen --services N --out DIR`: generates an Istio-shaped mesh of N services, feeds it to a
//! real Envoy over ADS, and saves Envoy's `/config_dump?include_eds=true` and
//! `/clusters?format=json` in DIR.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: meshgen --services N (--out DIR | --hold) [--timeout SECONDS]

Generates an Istio-shaped mesh of N services (namespaces, ports, DestinationRule subsets,
VirtualService routes, TCP listeners, virtualOutbound/virtualInbound, EDS with localities and
unhealthy endpoints), serves it to a real Envoy over ADS, waits until Envoy has ACKed and
activated all of it, and saves DIR/config_dump.json (/config_dump?include_eds=true),
DIR/clusters.json (/clusters?format=json) and DIR/mesh.txt (what was sent).
Envoy: $MESHCTL_ENVOY, else target/tools/venv/bin/envoy (bash dev/tools installs it).
--hold keeps Envoy serving the mesh instead (for live-mode experiments): it prints Envoy's admin
address and stops when standard input closes.
The timeout (default 900 s) bounds the start and the load.";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("meshgen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut services: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut hold = false;
    let mut timeout = Duration::from_secs(900);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--services" => {
                let v = value("--services")?;
                services = Some(
                    v.parse()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| format!("--services: {v:?} is not a positive number"))?,
                );
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--hold" => hold = true,
            "--timeout" => {
                let v = value("--timeout")?;
                timeout = Duration::from_secs(
                    v.parse()
                        .map_err(|_| format!("--timeout: {v:?} is not a number of seconds"))?,
                );
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let Some(services) = services else {
        return Err(format!("--services is required\n{USAGE}"));
    };
    if out.is_none() == !hold {
        return Err(format!("give one of --out DIR and --hold\n{USAGE}"));
    }
    let loaded = meshgen::load(services, timeout)?;
    let rss = loaded
        .envoy
        .rss_bytes()
        .map(|b| format!(", Envoy RSS {} MB", b >> 20))
        .unwrap_or_default();
    eprintln!(
        "meshgen: {services} services loaded in {:.1} s ({} clusters, {} listeners{rss})",
        loaded.load_time.as_secs_f64(),
        loaded.expected.active_clusters,
        loaded.expected.active_listeners
    );
    if let Some(out) = out {
        let bytes = loaded.capture(&out)?;
        eprintln!(
            "meshgen: saved {} ({:.1} MB config dump)",
            out.display(),
            bytes as f64 / 1e6
        );
        return Ok(());
    }
    println!("admin {}", loaded.envoy.admin_addr());
    let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
    Ok(())
}
