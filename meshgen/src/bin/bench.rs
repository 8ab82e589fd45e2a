//! `meshgen-bench`: meshctl's benchmark. Run it through `bench/run`, which installs Envoy and
//! builds the release binaries first.
//!
//! For every offline view (short and json) on a generated dump of at least 100 MB it prints the
//! wall time and peak RSS of meshctl as ratios against, in the same run, (a) the floor: a
//! memory-mapped `serde_json::IgnoredAny` pass over the same file (`meshgen-floor`), and (b) jq
//! extracting the same columns. Then the small-dump render time, then live mode through the test
//! API server: bytes moved and time per view against fetching the full dump. Each goal is
//! printed PASS or FAIL; the exit status is 1 when any goal fails.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::builder::RangedU64ValueParser;
use clap::Parser;
use meshgen::measure::{self, Measurement};

/// The goals of issue 4.
const FLOOR_RATIO_GOAL: f64 = 2.0;
/// `pc trace` reads less than a view: every listener, then only what the request meets.
const TRACE_FLOOR_RATIO_GOAL: f64 = 1.5;
/// `pc diff` reads two dumps: at most this many times the floor of one.
const DIFF_FLOOR_RATIO_GOAL: f64 = 3.0;
const JQ_SPEEDUP_GOAL: f64 = 10.0;
const RSS_OVER_DUMP_GOAL: f64 = 1.5;
const SMALL_DUMP_GOAL: Duration = Duration::from_millis(10);

/// jq programs extracting what each meshctl table shows, and the JSON it prints.
const JQ_DEFS: &str = r#"
def sec(t): .configs[] | select(."@type" | endswith("." + t));
def dr: (.metadata.filter_metadata.istio.config // "") | split("/") | if length > 7 then "\(.[7]).\(.[5])" else "" end;
def clusters: sec("ClustersConfigDump") | ((.dynamic_active_clusters // []) + (.static_clusters // []))[] | .cluster;
def cluster_rows: [clusters | (.name | split("|")) as $p
  | if ($p | length) == 4 then [$p[3], $p[1], (if $p[2] == "" then "-" else $p[2] end), $p[0], (.type // "EDS"), dr]
    else [.name, "-", "-", "-", (.type // "EDS"), dr] end]
  | sort_by(.[0], .[2], .[1], .[3])[] | @tsv;
def listeners: sec("ListenersConfigDump") | (.dynamic_listeners // [])[] | .active_state.listener // empty;
def chain_match: (.filter_chain_match // {}) | [
    (if .destination_port then "Port: \(.destination_port)" else empty end),
    (if .transport_protocol then "Trans: \(.transport_protocol)" else empty end),
    (if .application_protocols then "App: \(.application_protocols | join(","))" else empty end)]
  | if length == 0 then "ALL" else join("; ") end;
def destination: [.filters[]? | .typed_config
    | if .rds then "Route: \(.rds.route_config_name)" elif .route_config then "Inline Route: \(.route_config.name // "")"
      elif .cluster then "Cluster: \(.cluster)" else empty end] | first // "Non-HTTP/Non-TCP";
def listener_rows: [listeners | . as $l | ((.filter_chains // []) + [.default_filter_chain // empty])[]
    | [$l.address.socket_address.address, $l.address.socket_address.port_value, chain_match, destination]]
  | sort_by(.[1], .[0])[] | map(tostring) | @tsv;
def routes: sec("RoutesConfigDump") | ((.dynamic_route_configs // []) + (.static_route_configs // []))[] | .route_config;
def route_rows: routes | .name as $n | .virtual_hosts[]? | .name as $v
  | (.domains | if length > 2 then "\(.[0]), \(.[1]) + \(length - 2) more..." else join(", ") end) as $d
  | .routes[]? | [$n, $v, $d, (.match | .prefix // .path // .safe_regex.regex // "/*"),
      ((.metadata.filter_metadata.istio.config // "") | split("/") | if length > 7 then "\(.[7]).\(.[5])" else "" end)] | @tsv;
def assignments: sec("EndpointsConfigDump") | ((.dynamic_endpoint_configs // []) + (.static_endpoint_configs // []))[] | .endpoint_config;
def address: "\(.endpoint.address.socket_address.address):\(.endpoint.address.socket_address.port_value)";
def eds_rows: assignments | .cluster_name as $c | (.endpoints // [])[]
  | ((.locality // {}) | [.region, .zone] | map(select(. != null)) | join("/")) as $loc
  | .lb_endpoints[]? | [address, (.health_status // "UNKNOWN"), $loc, $c] | @tsv;
def endpoint_rows: assignments | .cluster_name as $c | (.endpoints // [])[] | .lb_endpoints[]?
  | [address, (.health_status // "UNKNOWN"), "UNKNOWN", $c] | @tsv;
def secret_rows: sec("SecretsConfigDump") | (.dynamic_active_secrets // [])[] | [.name, .version_info] | @tsv;
def bootstrap_rows: sec("BootstrapConfigDump") | .bootstrap.node | [.metadata.ISTIO_VERSION, .id] | @tsv;
"#;

struct View {
    name: &'static str,
    jq_short: &'static str,
    jq_json: &'static str,
}

const VIEWS: [View; 6] = [
    View {
        name: "clusters",
        jq_short: "cluster_rows",
        jq_json: "[clusters]",
    },
    View {
        name: "listeners",
        jq_short: "listener_rows",
        jq_json: "[listeners]",
    },
    View {
        name: "routes",
        jq_short: "route_rows",
        jq_json: "[routes]",
    },
    View {
        name: "endpoint",
        jq_short: "endpoint_rows",
        jq_json: "[assignments]",
    },
    View {
        name: "eds",
        jq_short: "eds_rows",
        jq_json: "[assignments]",
    },
    View {
        name: "all",
        jq_short: "bootstrap_rows, cluster_rows, listener_rows, route_rows, secret_rows, eds_rows",
        jq_json: ".",
    },
];

/// `pc endpoint` on Envoy's own `/clusters?format=json`, as istioctl reads it.
const JQ_CLUSTER_STATUS_SHORT: &str = r#".cluster_statuses[]? | .name as $c | (.host_statuses // [])[]
  | ["\(.address.socket_address.address):\(.address.socket_address.port_value)",
     (.health_status.eds_health_status // "HEALTHY"), (if .health_status.failed_outlier_check then "FAILED" else "OK" end), $c] | @tsv"#;
const JQ_CLUSTER_STATUS_JSON: &str = "[.cluster_statuses[]?]";

struct Options {
    services: usize,
    runs: usize,
    jq_runs: usize,
    small_runs: usize,
    live_runs: usize,
    live: bool,
    fleet: FleetOptions,
    meshctl: PathBuf,
    jq: PathBuf,
    cache: PathBuf,
    out: PathBuf,
}

/// The fan-out measurement: one view over many pods through the test API server.
struct FleetOptions {
    pods: usize,
    envoys: usize,
    services: usize,
    concurrency: usize,
    only: bool,
}

/// Where the benchmark's own binaries are: meshctl and meshgen-floor are looked for beside it.
fn own_dir() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| repo_root().join("target/release"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// meshctl's benchmark: offline views on generated dumps against the floor and jq, the small
/// dump's render time, and live mode through the test API server. Exit status 1 when a goal
/// fails, 2 on errors.
#[derive(Parser)]
#[command(name = "meshgen-bench", args_override_self = true)]
struct Args {
    /// Services in the big mesh, the dump the offline goals are measured on
    #[arg(long, value_name = "N", default_value_t = 8000, value_parser = positive())]
    services: usize,
    /// Runs per meshctl and floor measurement; the median time is kept
    #[arg(long, value_name = "K", default_value_t = 5, value_parser = positive())]
    runs: usize,
    /// Runs per jq measurement (jq is far slower, its noise does not matter)
    #[arg(long, value_name = "K", default_value_t = 1, value_parser = positive())]
    jq_runs: usize,
    /// Runs per view on the 10-service dump
    #[arg(long, value_name = "K", default_value_t = 20, value_parser = positive())]
    small_runs: usize,
    /// Runs per live view
    #[arg(long, value_name = "K", default_value_t = 3, value_parser = positive())]
    live_runs: usize,
    /// Skip live mode
    #[arg(long)]
    no_live: bool,
    /// Pods in the fan-out measurement (`pc clusters -l`), spread over --fleet-envoys Envoys
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = positive())]
    fleet_pods: usize,
    /// Real Envoys standing behind the fan-out's pods
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = positive())]
    fleet_envoys: usize,
    /// Services in each fan-out Envoy's mesh
    #[arg(long, value_name = "N", default_value_t = 1000, value_parser = positive())]
    fleet_services: usize,
    /// meshctl's --max-concurrency in the fan-out measurement [default: the cores]. The Envoys,
    /// the test API server and meshctl share this machine's cores, and each pod's work is
    /// mostly CPU (Envoy serializing, meshctl reading): more pods at once than cores overlap
    /// no waiting and only queue
    #[arg(long, value_name = "N", value_parser = positive())]
    fleet_concurrency: Option<usize>,
    /// Run only the fan-out measurement (to check it quickly, e.g. on a debug build)
    #[arg(long)]
    fleet_only: bool,
    /// The meshctl to measure [default: meshctl beside this binary]
    #[arg(long, value_name = "PATH")]
    meshctl: Option<PathBuf>,
    /// The jq to compare with [default: jq on PATH, else /usr/bin/jq]
    #[arg(long, value_name = "PATH")]
    jq: Option<PathBuf>,
    /// Where generated meshes are kept between runs [default: target/bench/meshes]
    #[arg(long, value_name = "DIR")]
    cache: Option<PathBuf>,
}

fn positive() -> RangedU64ValueParser<usize> {
    RangedU64ValueParser::new().range(1..)
}

fn parse_options() -> Result<Options, String> {
    let args = Args::parse();
    let root = repo_root();
    let o = Options {
        services: args.services,
        runs: args.runs,
        jq_runs: args.jq_runs,
        small_runs: args.small_runs,
        live_runs: args.live_runs,
        live: !args.no_live,
        fleet: FleetOptions {
            pods: args.fleet_pods,
            envoys: args.fleet_envoys,
            services: args.fleet_services,
            concurrency: args
                .fleet_concurrency
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())),
            only: args.fleet_only,
        },
        meshctl: args.meshctl.unwrap_or_else(|| own_dir().join("meshctl")),
        jq: args
            .jq
            .or_else(|| find_on_path("jq"))
            .unwrap_or_else(|| PathBuf::from("/usr/bin/jq")),
        cache: args
            .cache
            .unwrap_or_else(|| root.join("target/bench/meshes")),
        out: root.join("target/bench/out"),
    };
    for (what, path) in [("meshctl", &o.meshctl), ("jq", &o.jq)] {
        if !path.is_file() {
            return Err(format!(
                "{what} not found at {} (bench/run builds meshctl and installs jq)",
                path.display()
            ));
        }
    }
    Ok(o)
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(code) = measure::child_main(&args) {
        return code;
    }
    let options = match parse_options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("meshgen-bench: {e}");
            ExitCode::from(2)
        }
    }
}

/// A mesh's capture, generated on first use and kept in the cache.
struct Capture {
    dir: PathBuf,
    dump: PathBuf,
    dump_bytes: u64,
    summary: String,
}

fn ensure_mesh(cache: &Path, services: usize) -> Result<Capture, String> {
    let dir = cache.join(format!("n{services}"));
    let summary_path = dir.join("mesh.txt");
    let current = std::fs::read_to_string(&summary_path)
        .ok()
        .filter(|s| s.lines().next() == Some(format!("format {}", meshgen::FORMAT).as_str()));
    let summary = match current {
        Some(s)
            if dir.join("config_dump.json").is_file() && dir.join("clusters.json").is_file() =>
        {
            s
        }
        _ => {
            eprintln!(
                "generating the {services}-service mesh into {} ...",
                dir.display()
            );
            let loaded = meshgen::load(services, Duration::from_secs(900))?;
            loaded.capture(&dir)?;
            std::fs::read_to_string(&summary_path).map_err(|e| e.to_string())?
        }
    };
    let dump = dir.join("config_dump.json");
    let dump_bytes = std::fs::metadata(&dump).map_err(|e| e.to_string())?.len();
    Ok(Capture {
        dir,
        dump,
        dump_bytes,
        summary,
    })
}

fn summary_value(summary: &str, key: &str) -> String {
    summary
        .lines()
        .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
        .unwrap_or_default()
}

/// Waits until the files written so far are on disk (`sync`); without the command, nothing.
/// A kept output of tens of megabytes is otherwise written back by the kernel during the
/// measured runs that follow it, on the same two cores.
fn settle_writes() {
    let _ = std::process::Command::new("sync").status();
}

/// Reads a file once so that every measured run sees it in the page cache.
fn warm(path: &Path) -> Result<(), String> {
    let mut f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut buf = vec![0u8; 1 << 20];
    while f.read(&mut buf).map_err(|e| e.to_string())? > 0 {}
    Ok(())
}

#[derive(Debug, Clone, Copy)]
struct Stats {
    /// Median wall time.
    wall: Duration,
    /// Highest peak RSS over the runs.
    peak_rss: u64,
    output_bytes: u64,
}

/// One unmeasured run that keeps the output in `output` (for its size, and to look at; it also
/// warms up), then `runs` measured runs writing to /dev/null, so that no tool is timed writing
/// files.
fn repeat(program: &Path, args: &[&str], runs: usize, output: &Path) -> Result<Stats, String> {
    let output_bytes = measure::isolated(program, args, output, None)?.output_bytes;
    settle_writes();
    let mut all: Vec<Measurement> = Vec::with_capacity(runs);
    for _ in 0..runs {
        all.push(measure::isolated(
            program,
            args,
            Path::new("/dev/null"),
            None,
        )?);
    }
    let mut walls: Vec<Duration> = all.iter().map(|m| m.wall).collect();
    walls.sort();
    Ok(Stats {
        wall: walls[walls.len() / 2],
        peak_rss: all.iter().map(|m| m.peak_rss).max().unwrap_or(0),
        output_bytes,
    })
}

/// Like `repeat` for the floor and a view together, their measured runs taken in turns: load
/// from other work on the machine comes and goes within seconds, and a ratio of runs taken far
/// apart would measure it rather than meshctl.
fn repeat_with_floor(
    floor: (&Path, &[&str], &Path),
    view: (&Path, &[&str], &Path),
    runs: usize,
) -> Result<(Stats, Stats), String> {
    let mut samples = [Vec::with_capacity(runs), Vec::with_capacity(runs)];
    let mut output_bytes = [0; 2];
    for (i, (program, args, output)) in [floor, view].into_iter().enumerate() {
        output_bytes[i] = measure::isolated(program, args, output, None)?.output_bytes;
    }
    settle_writes();
    for _ in 0..runs {
        for (i, (program, args, _)) in [floor, view].into_iter().enumerate() {
            samples[i].push(measure::isolated(
                program,
                args,
                Path::new("/dev/null"),
                None,
            )?);
        }
    }
    let stats = |all: &[Measurement], output_bytes: u64| {
        let mut walls: Vec<Duration> = all.iter().map(|m| m.wall).collect();
        walls.sort();
        Stats {
            wall: walls[walls.len() / 2],
            peak_rss: all.iter().map(|m| m.peak_rss).max().unwrap_or(0),
            output_bytes,
        }
    };
    Ok((
        stats(&samples[0], output_bytes[0]),
        stats(&samples[1], output_bytes[1]),
    ))
}

/// Writes `dump` to `to` with a handful of values changed, each in one resource spread over
/// the file (a cluster's connect timeout, an endpoint's health, a route's prefix), every edit
/// keeping the JSON valid. Returns how many edits were made.
fn changed_copy(dump: &Path, to: &Path) -> Result<usize, String> {
    let mut text = std::fs::read_to_string(dump).map_err(|e| format!("{}: {e}", dump.display()))?;
    let edits = [
        (
            "\"connect_timeout\": \"10s\"",
            "\"connect_timeout\": \"7s\"",
        ),
        (
            "\"health_status\": \"HEALTHY\"",
            "\"health_status\": \"DEGRADED\"",
        ),
        ("\"prefix\": \"/api/\"", "\"prefix\": \"/api/v2/\""),
    ];
    let mut made = 0;
    for (from, into) in edits {
        for fraction in [0.2, 0.5, 0.8] {
            let mut at = (text.len() as f64 * fraction) as usize;
            while !text.is_char_boundary(at) {
                at += 1;
            }
            if let Some(found) = text[at..].find(from) {
                let start = at + found;
                text.replace_range(start..start + from.len(), into);
                made += 1;
            }
        }
    }
    std::fs::write(to, text).map_err(|e| format!("{}: {e}", to.display()))?;
    Ok(made)
}

/// A command's row beside its floor, in the view table's columns (no jq), and its goal: at most
/// `goal` times the floor's time.
fn floor_row(
    label: &str,
    run: &Stats,
    floor: &Stats,
    dump_bytes: u64,
    goal: f64,
    what: &str,
) -> (String, Goal) {
    let x_floor = run.wall.as_secs_f64() / floor.wall.as_secs_f64();
    let line = format!(
        "{:<22} {:>9.3} {:>8.3} {:>7.2} {:>8} {:>7} {:>8.0} {:>8.2}  {}",
        label,
        run.wall.as_secs_f64(),
        floor.wall.as_secs_f64(),
        x_floor,
        "-",
        "-",
        mb(run.peak_rss),
        run.peak_rss as f64 / dump_bytes as f64,
        verdict(x_floor <= goal)
    );
    let name = format!(
        "{} <= {goal:.1}x {what}",
        label.split(' ').next().unwrap_or(label)
    );
    let goal = Goal {
        name,
        ok: x_floor <= goal,
        worst: format!("{x_floor:.2}x"),
    };
    (line, goal)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "PASS"
    } else {
        "FAIL"
    }
}

/// The worst value of a goal over the rows, and whether all of them meet it.
struct Goal {
    name: String,
    ok: bool,
    worst: String,
}

fn run(o: &Options) -> Result<bool, String> {
    std::fs::create_dir_all(&o.out).map_err(|e| format!("creating {}: {e}", o.out.display()))?;
    if o.fleet.only {
        let mut goals = Vec::new();
        fan_out(o, &mut goals)?;
        for g in &goals {
            println!("{} {}: {}", verdict(g.ok), g.name, g.worst);
        }
        return Ok(goals.iter().all(|g| g.ok));
    }
    let small = ensure_mesh(&o.cache, 10)?;
    let mid = ensure_mesh(&o.cache, 1000)?;
    let big = ensure_mesh(&o.cache, o.services)?;
    let floor = own_dir().join("meshgen-floor");
    if !floor.is_file() {
        return Err(format!(
            "no meshgen-floor beside the benchmark at {}",
            floor.display()
        ));
    }
    let meshctl = &o.meshctl;
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let mut goals: Vec<Goal> = Vec::new();

    println!("# meshctl benchmark");
    println!(
        "meshctl: {} ({})",
        meshctl.display(),
        std::env::var("MESHCTL_BENCH_REVISION").unwrap_or_else(|_| "revision not given".into())
    );
    println!(
        "big dump: {} ({:.1} MB; {} services, {} clusters, {} listeners, {} route configs, {} endpoint assignments)",
        big.dump.display(),
        mb(big.dump_bytes),
        summary_value(&big.summary, "services"),
        summary_value(&big.summary, "Cluster"),
        summary_value(&big.summary, "Listener"),
        summary_value(&big.summary, "RouteConfiguration"),
        summary_value(&big.summary, "ClusterLoadAssignment"),
    );
    println!(
        "{cores} cores; times are medians of {} runs (jq: {}) writing to /dev/null, RSS the highest peak",
        o.runs, o.jq_runs
    );

    // ---- Offline, big dump
    let clusters_json = big.dir.join("clusters.json");
    warm(&big.dump)?;
    warm(&clusters_json)?;
    let dump_arg = big.dump.to_string_lossy().to_string();
    let floor_stats = repeat(&floor, &[&dump_arg], o.runs, &o.out.join("floor.out"))?;
    println!(
        "floor (mmap + serde_json IgnoredAny): {:.3} s, peak RSS {:.0} MB ({:.2}x the dump); measured again with each row, in turns with its runs",
        floor_stats.wall.as_secs_f64(),
        mb(floor_stats.peak_rss),
        floor_stats.peak_rss as f64 / big.dump_bytes as f64
    );
    println!();
    println!(
        "{:<22} {:>9} {:>8} {:>7} {:>8} {:>7} {:>8} {:>8} {:>9} {:>9}  time / jq / rss",
        "view",
        "meshctl s",
        "floor s",
        "xfloor",
        "jq s",
        "jq/mc",
        "RSS MB",
        "RSS/dump",
        "out MB",
        "jq out MB",
    );
    let mut rows: Vec<(String, Stats, Stats, f64, u64)> = Vec::new();
    for view in &VIEWS {
        for format in ["short", "json"] {
            let label = format!("{} -o {format}", view.name);
            let file = format!("{}-{format}", view.name);
            // The outputs kept from the rows before (tens of MB) are written to disk first:
            // the kernel's writeback otherwise lands in this row's runs and takes a core.
            settle_writes();
            // The floor again, in turns with the view's runs.
            let (row_floor, mc) = repeat_with_floor(
                (&floor, &[&dump_arg], &o.out.join("floor.out")),
                (
                    meshctl,
                    &["pc", view.name, "-f", &dump_arg, "-o", format],
                    &o.out.join(format!("{file}.meshctl")),
                ),
                o.runs,
            )?;
            let program = format!(
                "{JQ_DEFS}{}",
                if format == "short" {
                    view.jq_short
                } else {
                    view.jq_json
                }
            );
            let mut jq_args = vec![];
            if format == "short" {
                jq_args.push("-r");
            }
            jq_args.extend([program.as_str(), dump_arg.as_str()]);
            let jq = repeat(
                &o.jq,
                &jq_args,
                o.jq_runs,
                &o.out.join(format!("{file}.jq")),
            )?;
            rows.push((label, mc, jq, row_floor.wall.as_secs_f64(), big.dump_bytes));
        }
    }
    // `pc trace` of a request to the first service's VIP: every listener read, then only the
    // one route configuration, clusters and assignments it follows. No jq equivalent exists, so
    // it has its own line and goal.
    let traced = meshgen::mesh::Mesh::new(o.services);
    let service = &traced.services[0];
    let port = service.ports[0];
    let url = format!("http://{}:{port}/", service.host());
    let to = format!("{}:{port}", service.vip);
    settle_writes();
    let (trace_floor, trace) = repeat_with_floor(
        (&floor, &[&dump_arg], &o.out.join("floor.out")),
        (
            meshctl,
            &["pc", "trace", "-f", &dump_arg, &url, "--to", &to],
            &o.out.join("trace.meshctl"),
        ),
        o.runs,
    )?;
    let (trace_line, goal) = floor_row(
        "trace -o short",
        &trace,
        &trace_floor,
        big.dump_bytes,
        TRACE_FLOOR_RATIO_GOAL,
        "the floor's time",
    );
    goals.push(goal);
    // `pc diff` of the big dump and a copy with a handful of resources changed: both read,
    // every resource matched by name, only the changed ones parsed.
    let changed_dump = o.out.join("config_dump.changed.json");
    let edits = changed_copy(&big.dump, &changed_dump)?;
    warm(&changed_dump)?;
    let changed_arg = changed_dump.to_string_lossy().to_string();
    settle_writes();
    // Through a shell that turns the diff's exit code for "they differ" (6) into success, and
    // anything else, a diff that found nothing included, into a failure of the benchmark.
    let meshctl_arg = meshctl.to_string_lossy().to_string();
    let diff_args = [
        "-c",
        "\"$0\" \"$@\"; test $? -eq 6",
        &meshctl_arg,
        "pc",
        "diff",
        "-f",
        &dump_arg,
        "-f",
        &changed_arg,
    ];
    let (diff_floor, diff) = repeat_with_floor(
        (&floor, &[&dump_arg], &o.out.join("floor.out")),
        (
            Path::new("/bin/sh"),
            &diff_args,
            &o.out.join("diff.meshctl"),
        ),
        o.runs,
    )?;
    let reported = std::fs::read_to_string(o.out.join("diff.meshctl"))
        .map_err(|e| format!("reading the diff's output: {e}"))?
        .lines()
        .filter(|l| l.starts_with(['~', '+', '-']))
        .count();
    let (diff_line, goal) = floor_row(
        "diff (two dumps)",
        &diff,
        &diff_floor,
        big.dump_bytes,
        DIFF_FLOOR_RATIO_GOAL,
        "the floor of one dump",
    );
    let diff_line = format!("{diff_line}  ({edits} fields edited, {reported} resources reported)");
    goals.push(goal);
    // `pc endpoint` on /clusters?format=json, against a floor over that file.
    let cs_arg = clusters_json.to_string_lossy().to_string();
    let cs_bytes = std::fs::metadata(&clusters_json)
        .map_err(|e| e.to_string())?
        .len();
    let mut cs_floor_wall = 0f64;
    for (format, program) in [
        ("short", JQ_CLUSTER_STATUS_SHORT),
        ("json", JQ_CLUSTER_STATUS_JSON),
    ] {
        let file = format!("endpoint-clusters-json-{format}");
        settle_writes();
        let (cs_floor, mc) = repeat_with_floor(
            (&floor, &[&cs_arg], &o.out.join("floor-clusters.out")),
            (
                meshctl,
                &["pc", "endpoint", "-f", &cs_arg, "-o", format],
                &o.out.join(format!("{file}.meshctl")),
            ),
            o.runs,
        )?;
        cs_floor_wall = cs_floor.wall.as_secs_f64();
        let mut jq_args = vec![];
        if format == "short" {
            jq_args.push("-r");
        }
        jq_args.extend([program, cs_arg.as_str()]);
        let jq = repeat(
            &o.jq,
            &jq_args,
            o.jq_runs,
            &o.out.join(format!("{file}.jq")),
        )?;
        rows.push((
            format!("endpoint -o {format} (1)"),
            mc,
            jq,
            cs_floor_wall,
            cs_bytes,
        ));
    }
    let (mut worst_floor, mut worst_jq, mut worst_rss) = (0f64, f64::MAX, 0f64);
    let (mut worst_floor_at, mut worst_jq_at, mut worst_rss_at) =
        (String::new(), String::new(), String::new());
    for (label, mc, jq, floor_wall, input_bytes) in &rows {
        let x_floor = mc.wall.as_secs_f64() / floor_wall;
        let speedup = jq.wall.as_secs_f64() / mc.wall.as_secs_f64();
        let rss_ratio = mc.peak_rss as f64 / *input_bytes as f64;
        println!(
            "{:<22} {:>9.3} {:>8.3} {:>7.2} {:>8.2} {:>7.1} {:>8.0} {:>8.2} {:>9.2} {:>9.2}  {} / {} / {}",
            label,
            mc.wall.as_secs_f64(),
            floor_wall,
            x_floor,
            jq.wall.as_secs_f64(),
            speedup,
            mb(mc.peak_rss),
            rss_ratio,
            mb(mc.output_bytes),
            mb(jq.output_bytes),
            verdict(x_floor <= FLOOR_RATIO_GOAL),
            verdict(speedup >= JQ_SPEEDUP_GOAL),
            verdict(rss_ratio <= RSS_OVER_DUMP_GOAL),
        );
        if x_floor > worst_floor {
            (worst_floor, worst_floor_at) = (x_floor, label.clone());
        }
        if speedup < worst_jq {
            (worst_jq, worst_jq_at) = (speedup, label.clone());
        }
        if rss_ratio > worst_rss {
            (worst_rss, worst_rss_at) = (rss_ratio, label.clone());
        }
    }
    println!(
        "(1) on /clusters?format=json ({:.1} MB; its floor {:.3} s)",
        mb(cs_bytes),
        cs_floor_wall
    );
    println!("{trace_line}");
    println!("{diff_line}");
    goals.push(Goal {
        name: format!("every offline view <= {FLOOR_RATIO_GOAL:.1}x the floor's time"),
        ok: worst_floor <= FLOOR_RATIO_GOAL,
        worst: format!("worst {worst_floor:.2}x ({worst_floor_at})"),
    });
    goals.push(Goal {
        name: format!("every offline view >= {JQ_SPEEDUP_GOAL:.0}x faster than jq"),
        ok: worst_jq >= JQ_SPEEDUP_GOAL,
        worst: format!("worst {worst_jq:.1}x ({worst_jq_at})"),
    });
    goals.push(Goal {
        name: format!("peak RSS <= {RSS_OVER_DUMP_GOAL:.1}x the input's size"),
        ok: worst_rss <= RSS_OVER_DUMP_GOAL,
        worst: format!("worst {worst_rss:.2}x ({worst_rss_at})"),
    });

    // ---- Small dump
    println!();
    let small_arg = small.dump.to_string_lossy().to_string();
    println!(
        "small dump: {} ({:.2} MB, {} services); median of {} runs, process start included",
        small.dump.display(),
        mb(small.dump_bytes),
        summary_value(&small.summary, "services"),
        o.small_runs
    );
    warm(&small.dump)?;
    let mut worst_small = (Duration::ZERO, String::new());
    let mut line = String::new();
    for view in &VIEWS {
        for format in ["short", "json"] {
            let s = repeat(
                meshctl,
                &["pc", view.name, "-f", &small_arg, "-o", format],
                o.small_runs,
                &o.out.join("small.out"),
            )?;
            line.push_str(&format!(
                "{} -o {format} {:.1} ms; ",
                view.name,
                s.wall.as_secs_f64() * 1e3
            ));
            if s.wall > worst_small.0 {
                worst_small = (s.wall, format!("{} -o {format}", view.name));
            }
        }
    }
    println!("{}", line.trim_end_matches("; "));
    goals.push(Goal {
        name: format!(
            "small dump rendered in < {} ms",
            SMALL_DUMP_GOAL.as_millis()
        ),
        ok: worst_small.0 < SMALL_DUMP_GOAL,
        worst: format!(
            "worst {:.1} ms ({})",
            worst_small.0.as_secs_f64() * 1e3,
            worst_small.1
        ),
    });

    // ---- Mid-size dump: how the ratios scale
    let mid_arg = mid.dump.to_string_lossy().to_string();
    warm(&mid.dump)?;
    let mid_floor = repeat(&floor, &[&mid_arg], o.runs, &o.out.join("floor-mid.out"))?;
    let mut line = String::new();
    for view in &VIEWS {
        let s = repeat(
            meshctl,
            &["pc", view.name, "-f", &mid_arg],
            o.runs,
            &o.out.join("mid.out"),
        )?;
        line.push_str(&format!(
            "{} {:.3} s ({:.1}x); ",
            view.name,
            s.wall.as_secs_f64(),
            s.wall.as_secs_f64() / mid_floor.wall.as_secs_f64()
        ));
    }
    println!();
    println!(
        "mid dump ({} services, {:.1} MB; floor {:.3} s), -o short: {}",
        summary_value(&mid.summary, "services"),
        mb(mid.dump_bytes),
        mid_floor.wall.as_secs_f64(),
        line.trim_end_matches("; ")
    );

    // ---- Live
    println!();
    if o.live {
        live(o, &mut goals)?;
        println!();
        fan_out(o, &mut goals)?;
    } else {
        println!("live mode: SKIPPED (--no-live given)");
    }

    println!();
    println!("## goals");
    let mut all_ok = true;
    for g in &goals {
        println!("{} {}: {}", verdict(g.ok), g.name, g.worst);
        all_ok &= g.ok;
    }
    Ok(all_ok)
}

// ------------------------------------------------------------------------------------------
// Live mode

fn live(o: &Options, goals: &mut Vec<Goal>) -> Result<(), String> {
    use serde_json::json;
    use testkit::apiserver::ApiServer;

    eprintln!(
        "loading the {}-service mesh into Envoy for live mode ...",
        o.services
    );
    let loaded = meshgen::load(o.services, Duration::from_secs(900))?;
    let relay = testkit::relay::Relay::start(loaded.envoy.admin_addr())
        .map_err(|e| format!("relay: {e}"))?;
    let pod = format!("{}-5d8f7c9b4-x2x7q", meshgen::mesh::CLIENT_NAME);
    let namespace = meshgen::mesh::CLIENT_NAMESPACE;
    let server = ApiServer::builder()
        .pod(json!({
            "metadata": {"name": pod, "namespace": namespace, "labels": {"app": meshgen::mesh::CLIENT_NAME},
                         "creationTimestamp": "2025-01-01T00:00:00Z"},
            "spec": {"nodeName": "node-1", "containers": [{"name": "app", "image": "app:1"}, {"name": "istio-proxy", "image": "proxyv2:1"}]},
            "status": {"phase": "Running", "podIP": meshgen::mesh::CLIENT_IP.to_string(),
                       "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2025-01-01T00:00:00Z"}]}
        }))
        .portforward_backend(namespace, &pod, 15000, relay.addr())
        .try_start()
        .map_err(|e| format!("starting the test API server: {e}"))?;
    let home = o.out.join("live-home");
    std::fs::create_dir_all(&home).map_err(|e| e.to_string())?;
    let kubeconfig = home.join("kubeconfig");
    server
        .write_kubeconfig(&kubeconfig, "bench", namespace)
        .map_err(|e| format!("writing the kubeconfig: {e}"))?;
    let kubeconfig_arg = kubeconfig.to_string_lossy().to_string();

    // Yardsticks fetched straight from Envoy: the whole dump (what istioctl moves for every
    // view), and per view the least Envoy can send for it: its sections alone, by mask.
    let fetch = |path: &str| -> Result<(u64, Duration), String> {
        relay.take_bytes();
        let started = Instant::now();
        let status = testkit::http::http_get_to(relay.addr(), path, &mut std::io::sink())
            .map_err(|e| format!("GET {path}: {e}"))?;
        let wall = started.elapsed();
        if status != 200 {
            return Err(format!("GET {path} answered {status}"));
        }
        Ok((relay.take_bytes(), wall))
    };
    println!(
        "live mode: meshctl -> test API server (testkit) -> WebSocket port-forward -> Envoy admin ({} services); median of {} runs",
        o.services, o.live_runs
    );
    let (full_bytes, full_wall) = fetch("/config_dump?include_eds=true")?;
    let (no_eds_bytes, no_eds_wall) = fetch("/config_dump")?;
    let (server_info_bytes, _) = fetch("/server_info")?;
    println!(
        "full dump, direct from Envoy: /config_dump?include_eds=true {:.1} MB in {:.3} s; /config_dump {:.1} MB in {:.3} s; /server_info {:.2} MB",
        mb(full_bytes),
        full_wall.as_secs_f64(),
        mb(no_eds_bytes),
        no_eds_wall.as_secs_f64(),
        mb(server_info_bytes)
    );
    let mut needed: Vec<(&str, u64)> = Vec::new();
    for (view, path) in [
        (
            "clusters",
            "/config_dump?mask=dynamic_active_clusters,dynamic_warming_clusters,static_clusters",
        ),
        (
            "listeners",
            "/config_dump?mask=dynamic_listeners,static_listeners",
        ),
        (
            "routes",
            "/config_dump?mask=dynamic_route_configs,static_route_configs",
        ),
        ("endpoint", "/clusters?format=json"),
        (
            "eds",
            "/config_dump?include_eds=true&mask=dynamic_endpoint_configs,static_endpoint_configs",
        ),
        ("all", "/config_dump?include_eds=true"),
    ] {
        needed.push((view, fetch(path)?.0));
    }
    println!("needed = the view's own sections by mask (endpoint: /clusters?format=json); x full = moved / whole dump");
    println!();
    println!(
        "{:<34} {:>9} {:>10} {:>8} {:>8} {:>10} {:>8}",
        "view", "moved MB", "needed MB", "x needed", "x full", "meshctl s", "RSS MB"
    );
    let sample = meshgen::mesh::Mesh::new(o.services);
    let first = &sample.services[0];
    let one_cluster = first.cluster_names(first.ports[0])[0].clone();
    let mut cases: Vec<(String, &str, Vec<String>)> = Vec::new();
    for view in &VIEWS {
        for format in ["short", "json"] {
            cases.push((
                format!("{} -o {format}", view.name),
                view.name,
                vec![view.name.into(), "-o".into(), format.into()],
            ));
        }
    }
    let fqdn_case = format!("clusters --fqdn {}", first.host());
    cases.push((
        fqdn_case.clone(),
        "clusters",
        vec!["clusters".into(), "--fqdn".into(), first.host()],
    ));
    cases.push((
        "endpoint --cluster <one>".into(),
        "endpoint",
        vec!["endpoint".into(), "--cluster".into(), one_cluster],
    ));
    let mut worst_excess = (0f64, String::new());
    let mut moved_by_case: Vec<(String, u64)> = Vec::new();
    for (label, view, view_args) in &cases {
        let mut args: Vec<&str> = vec!["pc"];
        args.extend(view_args.iter().map(String::as_str));
        args.extend([
            pod.as_str(),
            "-n",
            namespace,
            "--kubeconfig",
            &kubeconfig_arg,
            "--request-timeout",
            "300s",
        ]);
        let mut walls = Vec::new();
        let mut bytes = 0;
        let mut rss = 0;
        for _ in 0..o.live_runs {
            relay.take_bytes();
            let m = measure::isolated(&o.meshctl, &args, &o.out.join("live.out"), Some(&home))?;
            bytes = relay.take_bytes();
            walls.push(m.wall);
            rss = rss.max(m.peak_rss);
        }
        walls.sort();
        let wall = walls[walls.len() / 2];
        let need = needed
            .iter()
            .find(|(v, _)| v == view)
            .map_or(full_bytes, |(_, b)| *b);
        let over = bytes as f64 / need as f64;
        println!(
            "{:<34} {:>9.3} {:>10.3} {:>8.2} {:>8.3} {:>10.3} {:>8.0}",
            label,
            mb(bytes),
            mb(need),
            over,
            bytes as f64 / full_bytes as f64,
            wall.as_secs_f64(),
            mb(rss)
        );
        // Filtered views are judged by the pushdown goal below, not against the whole section.
        let filtered = label.contains("--");
        if !filtered
            && bytes.saturating_sub(server_info_bytes) as f64 > 1.05 * need as f64
            && over > worst_excess.0
        {
            worst_excess = (over, label.clone());
        }
        moved_by_case.push((label.clone(), bytes));
    }
    goals.push(Goal {
        name: "live: each view moves only its own sections (<= 1.05x the masked sections, + /server_info)".into(),
        ok: worst_excess.1.is_empty(),
        worst: if worst_excess.1.is_empty() {
            "all views within".into()
        } else {
            format!("worst {:.2}x ({})", worst_excess.0, worst_excess.1)
        },
    });
    let bytes_of = |label: &str| {
        moved_by_case
            .iter()
            .find(|(l, _)| l == label)
            .map_or(0, |(_, b)| *b)
    };
    let unfiltered = bytes_of("clusters -o short");
    let one = bytes_of(&fqdn_case);
    goals.push(Goal {
        name: "live: a --fqdn filter is pushed down to Envoy as name_regex (moves < 5% of the unfiltered view)".into(),
        ok: (one as f64) < 0.05 * unfiltered as f64,
        worst: format!("{:.2} MB moved vs {:.2} MB unfiltered", mb(one), mb(unfiltered)),
    });
    drop(server);
    drop(loaded);
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Fan-out: one view over many pods

/// `pc clusters -l` over `fleet.pods` pods standing before `fleet.envoys` real Envoys (each
/// with a `fleet.services`-service mesh over ADS), at `--max-concurrency fleet.concurrency`,
/// against one pod's `pc clusters` by name: the fan-out should take at most 1.3 x (pods /
/// concurrency) x one pod's time, and its peak RSS should follow the concurrency, not the pods
/// (half the pods at the same concurrency: about the same peak).
fn fan_out(o: &Options, goals: &mut Vec<Goal>) -> Result<(), String> {
    use serde_json::json;
    use testkit::apiserver::ApiServer;

    let f = &o.fleet;
    eprintln!(
        "loading {} Envoys with a {}-service mesh each for the fan-out ...",
        f.envoys, f.services
    );
    let loaded: Vec<meshgen::LoadedMesh> = std::thread::scope(|scope| {
        let started: Vec<_> = (0..f.envoys)
            .map(|_| scope.spawn(|| meshgen::load(f.services, Duration::from_secs(900))))
            .collect();
        started
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|_| Err("a loader panicked".into())))
            .collect::<Result<_, _>>()
    })?;
    let namespace = "fleet";
    let pod_name = |i: usize| format!("web-{i:03}");
    let mut builder = ApiServer::builder();
    for i in 0..f.pods {
        let name = pod_name(i);
        let labels = json!({"app": "web", "half": if i % 2 == 0 { "even" } else { "odd" }});
        builder = builder
            .pod(json!({
                "metadata": {"name": name, "namespace": namespace, "labels": labels,
                             "creationTimestamp": "2025-01-01T00:00:00Z"},
                "spec": {"nodeName": "node-1", "containers": [{"name": "app", "image": "app:1"}, {"name": "istio-proxy", "image": "proxyv2:1"}]},
                "status": {"phase": "Running",
                           "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2025-01-01T00:00:00Z"}]}
            }))
            .portforward_backend(namespace, &name, 15000, loaded[i % loaded.len()].envoy.admin_addr());
    }
    let server = builder
        .try_start()
        .map_err(|e| format!("starting the test API server: {e}"))?;
    let home = o.out.join("fleet-home");
    std::fs::create_dir_all(&home).map_err(|e| e.to_string())?;
    let kubeconfig = home.join("kubeconfig");
    server
        .write_kubeconfig(&kubeconfig, "bench", namespace)
        .map_err(|e| format!("writing the kubeconfig: {e}"))?;
    let kubeconfig_arg = kubeconfig.to_string_lossy().to_string();
    let concurrency = f.concurrency.to_string();
    let median = |args: &[&str]| -> Result<(Duration, u64), String> {
        let mut all: Vec<&str> = vec!["pc", "clusters"];
        all.extend_from_slice(args);
        all.extend(["--kubeconfig", &kubeconfig_arg, "--request-timeout", "300s"]);
        let mut walls = Vec::new();
        let mut rss = 0;
        for _ in 0..o.live_runs {
            let m = measure::isolated(&o.meshctl, &all, &o.out.join("fleet.out"), Some(&home))?;
            walls.push(m.wall);
            rss = rss.max(m.peak_rss);
        }
        walls.sort();
        Ok((walls[walls.len() / 2], rss))
    };
    let first = pod_name(0);
    let (one, one_rss) = median(&[&first])?;
    let (all, all_rss) = median(&["-l", "app=web", "--max-concurrency", &concurrency])?;
    let (_, half_rss) = median(&["-l", "half=even", "--max-concurrency", &concurrency])?;
    let bound = f.pods as f64 / f.concurrency as f64 * one.as_secs_f64();
    let ratio = all.as_secs_f64() / bound;
    println!(
        "fan-out: pc clusters -l over {} pods before {} Envoys ({} services each), --max-concurrency {}; median of {} runs",
        f.pods, loaded.len(), f.services, f.concurrency, o.live_runs
    );
    println!("{:<40} {:>10} {:>8}", "run", "meshctl s", "RSS MB");
    println!(
        "{:<40} {:>10.3} {:>8.0}",
        "one pod by name",
        one.as_secs_f64(),
        mb(one_rss)
    );
    println!(
        "{:<40} {:>10.3} {:>8.0}",
        format!("{} pods (-l)", f.pods),
        all.as_secs_f64(),
        mb(all_rss)
    );
    println!(
        "{:<40} {:>10} {:>8.0}",
        format!("{} pods (-l, peak RSS only)", f.pods.div_ceil(2)),
        "",
        mb(half_rss)
    );
    println!(
        "fan-out ratio: {:.3} s / ({} / {} x {:.3} s) = {ratio:.2}; peak RSS {} pods / {} pods = {:.2}",
        all.as_secs_f64(),
        f.pods,
        f.concurrency,
        one.as_secs_f64(),
        f.pods,
        f.pods.div_ceil(2),
        all_rss as f64 / half_rss.max(1) as f64
    );
    goals.push(Goal {
        name: format!(
            "fan-out: {} pods take <= 1.3 x ({} / concurrency {}) x one pod's time",
            f.pods, f.pods, f.concurrency
        ),
        ok: ratio <= 1.3,
        worst: format!("{ratio:.2}x"),
    });
    goals.push(Goal {
        name: "fan-out: peak RSS follows the concurrency, not the pods (all pods <= 1.25x half of them)".into(),
        ok: (all_rss as f64) <= 1.25 * half_rss as f64,
        worst: format!("{:.0} MB vs {:.0} MB", mb(all_rss), mb(half_rss)),
    });
    drop(server);
    drop(loaded);
    Ok(())
}
