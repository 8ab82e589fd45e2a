//! A real Envoy for tests: started on a copy of a fixture's xDS files (or any directory holding a
//! `bootstrap.yaml`), admin API on 127.0.0.1 with a kernel-chosen port, killed and reaped on drop.
//!
//! ```no_run
//! let envoy = testkit::envoy::Envoy::start("web-frontend");
//! let dump = envoy.admin_get("/config_dump").body;
//! assert!(dump.contains("0.0.0.0_80"));
//! ```

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use std::{env, fs};

/// How long Envoy may take to write its admin address and load its configuration. Generous: the
/// machine is shared by several builds at once.
const START_TIMEOUT: Duration = Duration::from_secs(60);
const POLL_INTERVAL: Duration = Duration::from_millis(50);
const ADMIN_TIMEOUT: Duration = Duration::from_secs(10);

/// Distinguishes the Envoys one test process starts (for `--base-id` and the temporary directory).
static STARTED: AtomicU32 = AtomicU32::new(0);

fn repo_root() -> PathBuf {
    // testkit/ sits directly under the repository root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("testkit has a parent directory")
        .to_path_buf()
}

/// The Envoy binary tests use: `$MESHCTL_ENVOY`, else the one `dev/tools` installs
/// (`target/tools/venv/bin/envoy`), else `envoy` on `PATH`. Panics when there is none.
pub fn envoy_binary() -> PathBuf {
    if let Some(path) = env::var_os("MESHCTL_ENVOY").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        if !path.is_file() {
            panic!(
                "MESHCTL_ENVOY={} is not a file; unset it or run dev/tools to install Envoy",
                path.display()
            );
        }
        return path;
    }
    let installed = repo_root().join("target/tools/venv/bin/envoy");
    if installed.is_file() {
        return installed;
    }
    if let Some(on_path) = env::var_os("PATH")
        .iter()
        .flat_map(env::split_paths)
        .map(|dir| dir.join("envoy"))
        .find(|candidate| candidate.is_file())
    {
        return on_path;
    }
    panic!(
        "no Envoy found: run dev/tools (installs target/tools/venv/bin/envoy) or set MESHCTL_ENVOY"
    );
}

/// A running Envoy. Dropping it kills the process, waits for it and removes its directory.
pub struct Envoy {
    child: Child,
    admin_addr: SocketAddr,
    work_dir: PathBuf,
}

impl Envoy {
    /// Starts Envoy on a copy of `fixtures/<scenario>/xds` and waits until its configuration is
    /// loaded. Panics (with Envoy's log) if it fails to start or to load within a minute.
    pub fn start(scenario: &str) -> Envoy {
        let xds = repo_root().join("fixtures").join(scenario).join("xds");
        if !xds.join("bootstrap.yaml").is_file() {
            panic!(
                "no fixture scenario {scenario:?}: {} has no bootstrap.yaml",
                xds.display()
            );
        }
        Envoy::start_with(&xds)
    }

    /// Starts Envoy on a copy of `resources`, a directory with `bootstrap.yaml` and whatever files
    /// it refers to by relative path (Envoy runs with the copy as its working directory).
    pub fn start_with(resources: &Path) -> Envoy {
        let binary = envoy_binary();
        let sequence = STARTED.fetch_add(1, Ordering::Relaxed);
        let work_dir =
            env::temp_dir().join(format!("meshctl-envoy-{}-{sequence}", std::process::id()));
        // A leftover from a crashed run of a process with the same id would mix in stale files.
        let _ = fs::remove_dir_all(&work_dir);
        let config_dir = work_dir.join("xds");
        copy_dir(resources, &config_dir).unwrap_or_else(|e| {
            panic!(
                "copying {} to {}: {e}",
                resources.display(),
                config_dir.display()
            )
        });
        let address_file = work_dir.join("admin_address");
        let log_file = work_dir.join("envoy.log");

        let child = Command::new(&binary)
            .current_dir(&config_dir)
            .arg("-c")
            .arg("bootstrap.yaml")
            .arg("--disable-hot-restart")
            .arg("--base-id")
            .arg(base_id(std::process::id(), sequence).to_string())
            .arg("--admin-address-path")
            .arg(&address_file)
            .args(["--concurrency", "1", "--log-level", "warning"])
            .arg("--log-path")
            .arg(&log_file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {}: {e} (run dev/tools to install Envoy)",
                    binary.display()
                )
            });

        // From here on, Drop cleans up whatever happens while waiting.
        let mut envoy = Envoy {
            child,
            admin_addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            work_dir,
        };
        envoy.admin_addr = envoy.wait_for_admin_address(&address_file, &log_file);
        envoy.wait_until_loaded(&log_file);
        envoy
    }

    /// Where Envoy's admin API listens (127.0.0.1, port chosen by the kernel).
    pub fn admin_addr(&self) -> SocketAddr {
        self.admin_addr
    }

    /// `GET path` on the admin API. Panics if the request cannot be made.
    pub fn admin_get(&self, path: &str) -> HttpResponse {
        http_get(self.admin_addr, path)
            .unwrap_or_else(|e| panic!("GET {path} from Envoy at {}: {e}", self.admin_addr))
    }

    fn wait_for_admin_address(&mut self, address_file: &Path, log_file: &Path) -> SocketAddr {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            self.fail_if_exited(log_file);
            // Envoy writes the file once its admin listener is bound; a partial write has no newline yet
            // and does not parse.
            if let Ok(text) = fs::read_to_string(address_file) {
                if let Ok(addr) = text.trim().parse::<SocketAddr>() {
                    return addr;
                }
            }
            if Instant::now() > deadline {
                panic!(
                    "Envoy wrote no admin address within {START_TIMEOUT:?}\n{}",
                    log_tail(log_file)
                );
            }
            std::thread::sleep(POLL_INTERVAL);
        }
    }

    /// Ready means: the server finished initializing (`/ready` says LIVE, which Envoy only does after
    /// the first CDS and LDS answers and the warming of the initial clusters and listeners), nothing
    /// is still warming, and no xDS file was rejected.
    fn wait_until_loaded(&mut self, log_file: &Path) {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            self.fail_if_exited(log_file);
            let state = match self.load_state() {
                Ok(LoadState::Loaded) => return,
                Ok(LoadState::Rejected(what)) => {
                    panic!(
                        "Envoy rejected its configuration: {what}\n{}",
                        log_tail(log_file)
                    )
                }
                Ok(LoadState::Loading(what)) => what,
                Err(e) => format!("admin API: {e}"),
            };
            if Instant::now() > deadline {
                panic!(
                    "Envoy did not load its configuration within {START_TIMEOUT:?}: {state}\n{}",
                    log_tail(log_file)
                );
            }
            std::thread::sleep(POLL_INTERVAL);
        }
    }

    fn load_state(&self) -> io::Result<LoadState> {
        let ready = http_get(self.admin_addr, "/ready")?;
        if ready.status != 200 {
            return Ok(LoadState::Loading(format!(
                "/ready: {} {}",
                ready.status,
                ready.body.trim()
            )));
        }
        // The filter is a regex over stat names; "manager" keeps listener_manager.* and cluster_manager.*.
        let stats = http_get(self.admin_addr, "/stats?filter=manager")?;
        let stat = |name: &str| -> u64 {
            stats
                .body
                .lines()
                .find_map(|line| {
                    line.strip_prefix(name)?
                        .strip_prefix(": ")?
                        .trim()
                        .parse()
                        .ok()
                })
                .unwrap_or(0)
        };
        for api in ["listener_manager.lds", "cluster_manager.cds"] {
            let failures =
                stat(&format!("{api}.update_rejected")) + stat(&format!("{api}.update_failure"));
            if failures > 0 {
                return Ok(LoadState::Rejected(format!(
                    "{api}: {failures} update(s) rejected or failed"
                )));
            }
        }
        let warming = stat("listener_manager.total_listeners_warming")
            + stat("cluster_manager.warming_clusters");
        if warming > 0 {
            return Ok(LoadState::Loading(format!(
                "{warming} listener(s) or cluster(s) still warming"
            )));
        }
        Ok(LoadState::Loaded)
    }

    fn fail_if_exited(&mut self, log_file: &Path) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!("Envoy exited early ({status})\n{}", log_tail(log_file));
        }
    }
}

impl Drop for Envoy {
    fn drop(&mut self) {
        // kill() fails only if the process was already reaped; wait() then returns at once.
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.work_dir);
    }
}

enum LoadState {
    Loaded,
    Loading(String),
    Rejected(String),
}

/// Unique among the Envoys of all test processes running at once: hot restart is disabled, so the
/// id only has to differ, and the process id makes it differ between processes.
fn base_id(pid: u32, sequence: u32) -> u32 {
    pid.wrapping_mul(1000).wrapping_add(sequence % 1000)
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn log_tail(log_file: &Path) -> String {
    let log = fs::read_to_string(log_file)
        .unwrap_or_else(|e| format!("(no Envoy log at {}: {e})", log_file.display()));
    let lines: Vec<&str> = log.lines().collect();
    let tail = lines[lines.len().saturating_sub(20)..].join("\n");
    format!("--- last lines of {} ---\n{tail}", log_file.display())
}

/// An HTTP/1.1 response: status code and body (de-chunked, decoded as UTF-8 lossily).
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    /// Parses a complete response as read from a connection the server closed: status line,
    /// headers, and a body that is either chunked or runs to the end.
    pub fn parse(raw: &[u8]) -> io::Result<HttpResponse> {
        let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
        let head_end = find(raw, b"\r\n\r\n").ok_or_else(|| invalid("no end of headers"))?;
        let head = String::from_utf8_lossy(&raw[..head_end]);
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let status = status_line
            .strip_prefix("HTTP/1.")
            .and_then(|rest| rest.get(2..5))
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| invalid(&format!("bad status line {status_line:?}")))?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
            .collect();
        let body = &raw[head_end + 4..];
        let chunked = headers.iter().any(|(name, value)| {
            name == "transfer-encoding" && value.eq_ignore_ascii_case("chunked")
        });
        let body = if chunked {
            dechunk(body).ok_or_else(|| invalid("bad chunked body"))?
        } else {
            body.to_vec()
        };
        Ok(HttpResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }
}

/// `GET path` over a fresh connection with `Connection: close`.
pub fn http_get(addr: SocketAddr, path: &str) -> io::Result<HttpResponse> {
    let mut stream = TcpStream::connect_timeout(&addr, ADMIN_TIMEOUT)?;
    stream.set_read_timeout(Some(ADMIN_TIMEOUT))?;
    stream.set_write_timeout(Some(ADMIN_TIMEOUT))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    HttpResponse::parse(&raw)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        // Chunk extensions (";name=value") are allowed after the size.
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?.strip_prefix(b"\r\n")?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_chunked_response() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\ncontent-type: application/json\r\n\r\n\
                    5\r\n{\"a\":\r\n3;x=y\r\n 1}\r\n0\r\n\r\n";
        let response = HttpResponse::parse(raw).unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.body, "{\"a\": 1}");
        assert!(response
            .headers
            .contains(&("content-type".into(), "application/json".into())));
    }

    #[test]
    fn parses_a_response_that_runs_to_the_end() {
        let response =
            HttpResponse::parse(b"HTTP/1.1 503 Service Unavailable\r\n\r\nPRE_INITIALIZING\n")
                .unwrap();
        assert_eq!(response.status, 503);
        assert_eq!(response.body, "PRE_INITIALIZING\n");
    }

    #[test]
    fn rejects_truncated_chunks_and_bad_status_lines() {
        assert!(HttpResponse::parse(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort"
        )
        .is_err());
        assert!(HttpResponse::parse(b"SMTP ready\r\n\r\n").is_err());
        assert!(HttpResponse::parse(b"HTTP/1.1 200 OK\r\n").is_err());
    }

    #[test]
    fn base_ids_differ_between_processes_and_within_one() {
        assert_ne!(base_id(4242, 0), base_id(4243, 0));
        assert_ne!(base_id(4242, 0), base_id(4242, 1));
    }
}
