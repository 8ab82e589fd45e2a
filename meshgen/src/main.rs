//! `meshgen --services N --out DIR`: generates an Istio-shaped mesh of N services, feeds it to a
//! real Envoy over ADS, and saves Envoy's `/config_dump?include_eds=true` and
//! `/clusters?format=json` in DIR.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::builder::RangedU64ValueParser;
use clap::{ArgGroup, Parser};

/// Generates an Istio-shaped mesh of N services (namespaces, ports, DestinationRule subsets,
/// VirtualService routes, TCP listeners, virtualOutbound/virtualInbound, EDS with localities and
/// unhealthy endpoints), serves it to a real Envoy over ADS, waits until Envoy has ACKed and
/// activated all of it, and saves DIR/config_dump.json (/config_dump?include_eds=true),
/// DIR/clusters.json (/clusters?format=json) and DIR/mesh.txt (what was sent).
///
/// Envoy: $MESHCTL_ENVOY, else target/tools/venv/bin/envoy (bash dev/tools installs it).
#[derive(Parser)]
#[command(name = "meshgen", args_override_self = true)]
#[command(group(ArgGroup::new("output").required(true).args(["out", "hold"])))]
struct Args {
    /// Services in the mesh
    #[arg(long, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..))]
    services: usize,
    /// Save the captures into DIR
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Keep Envoy serving the mesh instead (for live-mode experiments): print Envoy's admin
    /// address and stop when standard input closes
    #[arg(long)]
    hold: bool,
    /// Bound on the start and the load, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 900)]
    timeout: u64,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("meshgen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    let services = args.services;
    let loaded = meshgen::load(services, Duration::from_secs(args.timeout))?;
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
    // The group admits exactly one of --out and --hold.
    if let Some(out) = args.out {
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
