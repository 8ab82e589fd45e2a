//! A real Envoy fed by the ADS server: its bootstrap, its start (admin on 127.0.0.1 port 0,
//! read back through `--admin-address-path`), the wait until it has ACKed and activated the
//! whole mesh, and plain HTTP/1.1 GETs on its admin API that stream the body to a writer.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::ads::AdsServer;
use crate::mesh::{CLIENT_IP, CLIENT_NAME, CLIENT_NAMESPACE};
use crate::xds;

const POLL: Duration = Duration::from_millis(200);
static STARTED: AtomicU32 = AtomicU32::new(0);

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// `$MESHCTL_ENVOY`, else the Envoy `dev/tools` installs.
pub fn envoy_binary() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("MESHCTL_ENVOY").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!("MESHCTL_ENVOY={} is not a file", p.display()))
        };
    }
    let installed = repo_root().join("target/tools/venv/bin/envoy");
    if installed.is_file() {
        Ok(installed)
    } else {
        Err(format!(
            "no Envoy at {}: run `bash dev/tools` (or set MESHCTL_ENVOY)",
            installed.display()
        ))
    }
}

/// Istio's sidecar bootstrap, reduced to what matters here: the node, ADS over gRPC to the
/// `xds-grpc` cluster, and Istio's habit of keeping only a few stats (thousands of clusters
/// would otherwise cost Envoy most of its memory in counters).
pub fn bootstrap(ads: SocketAddr) -> serde_json::Value {
    let ads_source = json!({"ads": {}, "resource_api_version": "V3"});
    json!({
        "node": {
            "id": xds::node_id(),
            "cluster": format!("{CLIENT_NAME}.{CLIENT_NAMESPACE}"),
            "locality": {"region": "us-east1", "zone": "us-east1-b"},
            "metadata": {
                "ISTIO_VERSION": "1.24.2",
                "CLUSTER_ID": "Kubernetes",
                "MESH_ID": "cluster.local",
                "NAMESPACE": CLIENT_NAMESPACE,
                "NAME": format!("{CLIENT_NAME}-5d8f7c9b4-x2x7q"),
                "WORKLOAD_NAME": CLIENT_NAME,
                "INSTANCE_IPS": CLIENT_IP.to_string(),
                "INTERCEPTION_MODE": "REDIRECT",
                "LABELS": {"app": CLIENT_NAME, "version": "v1", "security.istio.io/tlsMode": "istio"}
            }
        },
        "admin": {"address": {"socket_address": {"address": "127.0.0.1", "port_value": 0}}},
        "dynamic_resources": {
            "ads_config": {
                "api_type": "GRPC",
                "transport_api_version": "V3",
                "grpc_services": [{"envoy_grpc": {"cluster_name": "xds-grpc"}}],
                "set_node_on_first_message_only": true
            },
            "cds_config": ads_source,
            "lds_config": ads_source
        },
        "static_resources": {
            "clusters": [{
                "name": "xds-grpc",
                "type": "STATIC",
                "connect_timeout": "1s",
                "load_assignment": {
                    "cluster_name": "xds-grpc",
                    "endpoints": [{"lb_endpoints": [{"endpoint": {"address": {"socket_address": {
                        "address": ads.ip().to_string(), "port_value": ads.port()
                    }}}}]}]
                },
                "typed_extension_protocol_options": {
                    "envoy.extensions.upstreams.http.v3.HttpProtocolOptions": {
                        "@type": "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                        "explicit_http_config": {"http2_protocol_options": {}}
                    }
                }
            }]
        },
        "stats_config": {
            "stats_matcher": {"inclusion_list": {"patterns": [
                {"prefix": "cluster_manager."},
                {"prefix": "listener_manager."},
                {"prefix": "server."},
                {"prefix": "cluster.xds-grpc."}
            ]}}
        }
    })
}

/// A running Envoy; killed, reaped and its directory removed on drop.
pub struct Envoy {
    child: Child,
    admin: SocketAddr,
    work_dir: PathBuf,
    log: PathBuf,
}

impl Envoy {
    /// Starts Envoy on a bootstrap pointing at `ads`, and waits for its admin address.
    pub fn start(ads: SocketAddr, timeout: Duration) -> Result<Envoy, String> {
        let binary = envoy_binary()?;
        let seq = STARTED.fetch_add(1, Ordering::Relaxed);
        let pid = std::process::id();
        let work_dir = std::env::temp_dir().join(format!("meshgen-envoy-{pid}-{seq}"));
        let _ = std::fs::remove_dir_all(&work_dir);
        std::fs::create_dir_all(&work_dir)
            .map_err(|e| format!("creating {}: {e}", work_dir.display()))?;
        let bootstrap_path = work_dir.join("bootstrap.json");
        std::fs::write(&bootstrap_path, bootstrap(ads).to_string())
            .map_err(|e| format!("writing {}: {e}", bootstrap_path.display()))?;
        let address_file = work_dir.join("admin_address");
        let log = work_dir.join("envoy.log");
        // Unique per process and start: no two Envoys here share a base id.
        let base_id = (pid % 400_000) * 10 + seq % 10 + 1_000_000;
        let child = Command::new(&binary)
            .current_dir(&work_dir)
            .arg("-c")
            .arg(&bootstrap_path)
            .args(["--disable-hot-restart", "--base-id", &base_id.to_string()])
            .arg("--admin-address-path")
            .arg(&address_file)
            .args(["--concurrency", "1", "--log-level", "warning", "--log-path"])
            .arg(&log)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let mut envoy = Envoy {
            child,
            admin: SocketAddr::from(([127, 0, 0, 1], 0)),
            work_dir,
            log,
        };
        let deadline = Instant::now() + timeout;
        loop {
            envoy.check_running()?;
            if let Ok(text) = std::fs::read_to_string(&address_file) {
                if let Ok(addr) = text.trim().parse() {
                    envoy.admin = addr;
                    return Ok(envoy);
                }
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "Envoy wrote no admin address within {timeout:?}\n{}",
                    envoy.log_tail()
                ));
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn admin(&self) -> SocketAddr {
        self.admin
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn check_running(&mut self) -> Result<(), String> {
        match self.child.try_wait() {
            Ok(Some(status)) => Err(format!("Envoy exited ({status})\n{}", self.log_tail())),
            Ok(None) => Ok(()),
            Err(e) => Err(format!("cannot check on Envoy: {e}")),
        }
    }

    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// Waits until Envoy holds the whole mesh: every xDS type ACKed in full by the server's
    /// count, the CDS and LDS updates applied, and as many clusters and listeners active as
    /// were sent, none warming.
    pub fn wait_until_loaded(
        &mut self,
        server: &AdsServer,
        want: &Expected,
        timeout: Duration,
    ) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            self.check_running()?;
            let state = self.load_state(server, want)?;
            let Some(waiting_for) = state else {
                return Ok(());
            };
            if Instant::now() > deadline {
                return Err(format!(
                    "Envoy did not load the mesh within {timeout:?}: {waiting_for}\n{}",
                    self.log_tail()
                ));
            }
            std::thread::sleep(POLL);
        }
    }

    /// `None` when loaded, else what is still missing. A NACK is an error at once.
    fn load_state(&self, server: &AdsServer, want: &Expected) -> Result<Option<String>, String> {
        for (type_url, count) in &want.resources {
            let p = server.progress(type_url);
            if let Some(message) = p.nacked {
                return Err(format!(
                    "Envoy rejected {type_url}: {message}\n{}",
                    self.log_tail()
                ));
            }
            if p.acked != *count {
                return Ok(Some(format!("{type_url}: {} of {count} ACKed", p.acked)));
            }
        }
        let mut body = Vec::new();
        let status = match get(self.admin, "/stats?filter=_manager", &mut body) {
            Ok(s) => s,
            Err(e) => return Ok(Some(format!("admin API: {e}"))),
        };
        if status != 200 {
            return Ok(Some(format!("/stats answered {status}")));
        }
        let text = String::from_utf8_lossy(&body);
        let stat = |name: &str| -> u64 {
            text.lines()
                .filter_map(|l| l.split_once(": "))
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| v.trim().parse().ok())
                .unwrap_or(0)
        };
        for rejected in [
            "cluster_manager.cds.update_rejected",
            "listener_manager.lds.update_rejected",
        ] {
            if stat(rejected) > 0 {
                return Err(format!(
                    "{rejected} = {}\n{}",
                    stat(rejected),
                    self.log_tail()
                ));
            }
        }
        let checks = [
            (
                "cluster_manager.cds.update_success",
                stat("cluster_manager.cds.update_success") >= 1,
            ),
            (
                "listener_manager.lds.update_success",
                stat("listener_manager.lds.update_success") >= 1,
            ),
            (
                "cluster_manager.active_clusters",
                stat("cluster_manager.active_clusters") == want.active_clusters,
            ),
            (
                "cluster_manager.warming_clusters",
                stat("cluster_manager.warming_clusters") == 0,
            ),
            (
                "listener_manager.total_listeners_active",
                stat("listener_manager.total_listeners_active") == want.active_listeners,
            ),
            (
                "listener_manager.total_listeners_warming",
                stat("listener_manager.total_listeners_warming") == 0,
            ),
        ];
        Ok(checks
            .iter()
            .find(|(_, ok)| !ok)
            .map(|(name, _)| format!("{name} = {}", stat(name))))
    }

    /// GETs an admin path into a file (written aside, then renamed), returning its size.
    pub fn save(&self, path: &str, to: &Path) -> Result<u64, String> {
        let partial = to.with_extension("partial");
        let file = std::fs::File::create(&partial)
            .map_err(|e| format!("creating {}: {e}", partial.display()))?;
        let mut out = io::BufWriter::with_capacity(1 << 20, file);
        let status = get(self.admin, path, &mut out).map_err(|e| format!("GET {path}: {e}"))?;
        out.flush()
            .map_err(|e| format!("writing {}: {e}", partial.display()))?;
        if status != 200 {
            return Err(format!("GET {path} answered {status}"));
        }
        std::fs::rename(&partial, to).map_err(|e| format!("renaming to {}: {e}", to.display()))?;
        std::fs::metadata(to)
            .map(|m| m.len())
            .map_err(|e| e.to_string())
    }

    /// Envoy's resident set size now, from /proc.
    pub fn rss_bytes(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let kb: u64 = status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        Some(kb * 1024)
    }
}

impl Drop for Envoy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.work_dir);
    }
}

/// What a loaded Envoy must show: ACKed resources per type, and active clusters and listeners.
#[derive(Debug, Clone)]
pub struct Expected {
    pub resources: Vec<(String, usize)>,
    pub active_clusters: u64,
    pub active_listeners: u64,
}

/// `GET path` over HTTP/1.1 on a fresh connection; the body (chunked or not) goes to `out`.
pub fn get(addr: SocketAddr, path: &str, out: &mut dyn Write) -> io::Result<u16> {
    let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(300)))?;
    (&stream).write_all(
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    )?;
    let mut reader = BufReader::with_capacity(1 << 20, stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("bad status line {line:?}"),
            )
        })?;
    let mut chunked = false;
    let mut length: Option<u64> = None;
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let value = value.trim();
            if name.eq_ignore_ascii_case("transfer-encoding")
                && value.eq_ignore_ascii_case("chunked")
            {
                chunked = true;
            } else if name.eq_ignore_ascii_case("content-length") {
                length = value.parse().ok();
            }
        }
    }
    if !chunked {
        match length {
            Some(n) => io::copy(&mut (&mut reader).take(n), out)?,
            None => io::copy(&mut reader, out)?,
        };
        return Ok(status);
    }
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let size_text = line.trim_end().split(';').next().unwrap_or("");
        let size = u64::from_str_radix(size_text, 16).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("bad chunk size {line:?}"),
            )
        })?;
        if size == 0 {
            return Ok(status);
        }
        let copied = io::copy(&mut (&mut reader).take(size), out)?;
        if copied != size {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "truncated chunk",
            ));
        }
        line.clear();
        reader.read_line(&mut line)?; // the CRLF after the chunk
    }
}
