//! A real Envoy, started by tests and by the mesh generator: admin API on 127.0.0.1 with a
//! kernel-chosen port (read back through `--admin-address-path`), killed and reaped on drop.
//!
//! Two ways in: a fixture scenario's xDS files ([`Envoy::start`], [`Envoy::start_with`]), which
//! return once Envoy has loaded them and panic otherwise, as tests want; or a bootstrap given as
//! JSON ([`Envoy::try_start_with_bootstrap`], e.g. one pointing at the ADS server of the `ads`
//! module), which returns once the admin API is up and reports failures as errors.
//!
//! ```no_run
//! let envoy = testkit::envoy::Envoy::start("web-frontend");
//! let dump = envoy.admin_get("/config_dump").body;
//! assert!(dump.contains("0.0.0.0_80"));
//! ```

use std::io::{self, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use std::{env, fs};

use crate::http::{http_get, http_get_to, HttpResponse};

/// How long Envoy may take to write its admin address and load a fixture's configuration.
/// Generous: the machine is shared by several builds at once.
const START_TIMEOUT: Duration = Duration::from_secs(60);
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// Distinguishes the Envoys one process starts (for `--base-id` and the temporary directory).
static STARTED: AtomicU32 = AtomicU32::new(0);

fn repo_root() -> PathBuf {
    // testkit/ sits directly under the repository root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("testkit has a parent directory")
        .to_path_buf()
}

/// The Envoy binary to run: `$MESHCTL_ENVOY`, else the one `dev/tools` installs
/// (`target/tools/venv/bin/envoy`), else `envoy` on `PATH`. Panics when there is none.
pub fn envoy_binary() -> PathBuf {
    find_envoy_binary().unwrap_or_else(|e| panic!("{e}"))
}

/// [`envoy_binary`], with an error instead of a panic.
pub fn find_envoy_binary() -> Result<PathBuf, String> {
    if let Some(path) = env::var_os("MESHCTL_ENVOY").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        if !path.is_file() {
            return Err(format!(
                "MESHCTL_ENVOY={} is not a file; unset it or run dev/tools to install Envoy",
                path.display()
            ));
        }
        return Ok(path);
    }
    let installed = repo_root().join("target/tools/venv/bin/envoy");
    if installed.is_file() {
        return Ok(installed);
    }
    env::var_os("PATH")
        .iter()
        .flat_map(env::split_paths)
        .map(|dir| dir.join("envoy"))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| {
            "no Envoy found: run dev/tools (installs target/tools/venv/bin/envoy) or set MESHCTL_ENVOY"
                .to_string()
        })
}

/// A running Envoy. Dropping it kills the process, waits for it and removes its directory.
pub struct Envoy {
    child: Child,
    admin_addr: SocketAddr,
    work_dir: PathBuf,
    log_file: PathBuf,
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
    /// it refers to by relative path (Envoy runs with the copy as its working directory), and
    /// waits until its configuration is loaded. Panics like [`Envoy::start`].
    pub fn start_with(resources: &Path) -> Envoy {
        Envoy::start_dir(resources, &["--log-level", "warning"])
    }

    /// [`Envoy::start_with`] with other log levels than `warning`: `level` for every logger, then
    /// `components` (`name:level,...`, as `--component-log-level` takes them) over it.
    pub fn start_with_log_levels(resources: &Path, level: &str, components: &str) -> Envoy {
        Envoy::start_dir(
            resources,
            &["--log-level", level, "--component-log-level", components],
        )
    }

    fn start_dir(resources: &Path, log_args: &[&str]) -> Envoy {
        let (work_dir, sequence) = new_work_dir();
        let config_dir = work_dir.0.join("xds");
        copy_dir(resources, &config_dir).unwrap_or_else(|e| {
            panic!(
                "copying {} to {}: {e}",
                resources.display(),
                config_dir.display()
            )
        });
        let mut envoy = Envoy::spawn(
            work_dir,
            sequence,
            Some(&config_dir),
            Path::new("bootstrap.yaml"),
            log_args,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let loaded = envoy
            .wait_for_admin_address(START_TIMEOUT)
            .and_then(|()| envoy.wait_until_loaded());
        if let Err(e) = loaded {
            panic!("{e}");
        }
        envoy
    }

    /// Starts Envoy on `bootstrap` (written out as JSON) and waits for its admin API, at most
    /// `timeout`. What the bootstrap configures is not waited for: `Envoy::wait_for_ads` (feature
    /// `ads`) does that for a bootstrap that points at the ADS server.
    pub fn try_start_with_bootstrap(
        bootstrap: &serde_json::Value,
        timeout: Duration,
    ) -> Result<Envoy, String> {
        let (work_dir, sequence) = new_work_dir();
        fs::create_dir_all(&work_dir.0)
            .map_err(|e| format!("creating {}: {e}", work_dir.0.display()))?;
        let bootstrap_path = work_dir.0.join("bootstrap.json");
        fs::write(&bootstrap_path, bootstrap.to_string())
            .map_err(|e| format!("writing {}: {e}", bootstrap_path.display()))?;
        let mut envoy = Envoy::spawn(
            work_dir,
            sequence,
            None,
            &bootstrap_path,
            &["--log-level", "warning"],
        )?;
        envoy.wait_for_admin_address(timeout)?;
        Ok(envoy)
    }

    /// Runs Envoy on `config`, in `config_dir` (default `work_dir`); the log and the admin
    /// address file go to `work_dir`, which the returned handle removes on drop.
    fn spawn(
        work_dir: WorkDir,
        sequence: u32,
        config_dir: Option<&Path>,
        config: &Path,
        log_args: &[&str],
    ) -> Result<Envoy, String> {
        let binary = find_envoy_binary()?;
        let log_file = work_dir.0.join("envoy.log");
        let child = Command::new(&binary)
            .current_dir(config_dir.unwrap_or(&work_dir.0))
            .arg("-c")
            .arg(config)
            // Each Envoy stands alone: no hot restart, and a base id of its own so that the
            // Envoys of parallel tests and processes never share one.
            .arg("--disable-hot-restart")
            .arg("--base-id")
            .arg(base_id(std::process::id(), sequence).to_string())
            .arg("--admin-address-path")
            .arg(work_dir.0.join("admin_address"))
            .args(["--concurrency", "1"])
            .args(log_args)
            .arg("--log-path")
            .arg(&log_file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start {}: {e} (run dev/tools to install Envoy)",
                    binary.display()
                )
            })?;
        Ok(Envoy {
            child,
            admin_addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            work_dir: work_dir.take(),
            log_file,
        })
    }

    /// The copy of the resources an Envoy of `start`/`start_with` runs in: replacing one of its
    /// files (moving another onto it) changes the configuration through file-based xDS.
    pub fn config_dir(&self) -> PathBuf {
        self.work_dir.join("xds")
    }

    /// Where Envoy's admin API listens (127.0.0.1, port chosen by the kernel).
    pub fn admin_addr(&self) -> SocketAddr {
        self.admin_addr
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `GET path` on the admin API. Panics if the request cannot be made.
    pub fn admin_get(&self, path: &str) -> HttpResponse {
        http_get(self.admin_addr, path)
            .unwrap_or_else(|e| panic!("GET {path} from Envoy at {}: {e}", self.admin_addr))
    }

    /// `GET path` on the admin API into the file `to` (written aside, then renamed, so that a
    /// failed transfer leaves no partial file under that name); returns its size.
    pub fn save(&self, path: &str, to: &Path) -> Result<u64, String> {
        let partial = to.with_extension("partial");
        let file = fs::File::create(&partial)
            .map_err(|e| format!("creating {}: {e}", partial.display()))?;
        let mut out = io::BufWriter::with_capacity(1 << 20, file);
        let status =
            http_get_to(self.admin_addr, path, &mut out).map_err(|e| format!("GET {path}: {e}"))?;
        out.flush()
            .map_err(|e| format!("writing {}: {e}", partial.display()))?;
        if status != 200 {
            let _ = fs::remove_file(&partial);
            return Err(format!("GET {path} answered {status}"));
        }
        fs::rename(&partial, to).map_err(|e| format!("renaming to {}: {e}", to.display()))?;
        fs::metadata(to)
            .map(|m| m.len())
            .map_err(|e| format!("{}: {e}", to.display()))
    }

    /// Envoy's resident set size now, from /proc.
    pub fn rss_bytes(&self) -> Option<u64> {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let kb: u64 = status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        Some(kb * 1024)
    }

    /// The last lines of Envoy's log, under a line naming the file.
    pub fn log_tail(&self) -> String {
        let log = fs::read_to_string(&self.log_file)
            .unwrap_or_else(|e| format!("(no Envoy log at {}: {e})", self.log_file.display()));
        let lines: Vec<&str> = log.lines().collect();
        let tail = lines[lines.len().saturating_sub(20)..].join("\n");
        format!("--- last lines of {} ---\n{tail}", self.log_file.display())
    }

    /// An error with Envoy's log when the process has exited.
    pub(crate) fn check_running(&mut self) -> Result<(), String> {
        match self.child.try_wait() {
            Ok(Some(status)) => Err(format!(
                "Envoy exited early ({status})\n{}",
                self.log_tail()
            )),
            Ok(None) => Ok(()),
            Err(e) => Err(format!("cannot check on Envoy: {e}")),
        }
    }

    fn wait_for_admin_address(&mut self, timeout: Duration) -> Result<(), String> {
        let address_file = self.work_dir.join("admin_address");
        let deadline = Instant::now() + timeout;
        loop {
            self.check_running()?;
            // Envoy writes the file once its admin listener is bound; a partial write has no
            // newline yet and does not parse.
            if let Ok(text) = fs::read_to_string(&address_file) {
                if let Ok(addr) = text.trim().parse::<SocketAddr>() {
                    self.admin_addr = addr;
                    return Ok(());
                }
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "Envoy wrote no admin address within {timeout:?}\n{}",
                    self.log_tail()
                ));
            }
            std::thread::sleep(POLL_INTERVAL);
        }
    }

    /// Ready means: the server finished initializing (`/ready` says LIVE, which Envoy only does
    /// after the first CDS and LDS answers and the warming of the initial clusters and
    /// listeners), nothing is still warming, and no xDS file was rejected.
    fn wait_until_loaded(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            self.check_running()?;
            let state = match self.load_state() {
                Ok(LoadState::Loaded) => return Ok(()),
                Ok(LoadState::Rejected(what)) => {
                    return Err(format!(
                        "Envoy rejected its configuration: {what}\n{}",
                        self.log_tail()
                    ))
                }
                Ok(LoadState::Loading(what)) => what,
                Err(e) => format!("admin API: {e}"),
            };
            if Instant::now() > deadline {
                return Err(format!(
                    "Envoy did not load its configuration within {START_TIMEOUT:?}: {state}\n{}",
                    self.log_tail()
                ));
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
        // The filter is a regex over stat names; "manager" keeps listener_manager.* and
        // cluster_manager.*.
        let stats = Stats(http_get(self.admin_addr, "/stats?filter=manager")?.body);
        for api in ["listener_manager.lds", "cluster_manager.cds"] {
            let failures = stats.get(&format!("{api}.update_rejected"))
                + stats.get(&format!("{api}.update_failure"));
            if failures > 0 {
                return Ok(LoadState::Rejected(format!(
                    "{api}: {failures} update(s) rejected or failed"
                )));
            }
        }
        let warming = stats.get("listener_manager.total_listeners_warming")
            + stats.get("cluster_manager.warming_clusters");
        if warming > 0 {
            return Ok(LoadState::Loading(format!(
                "{warming} listener(s) or cluster(s) still warming"
            )));
        }
        Ok(LoadState::Loaded)
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

/// The body of `/stats` in Envoy's text format, one `name: value` per line.
pub(crate) struct Stats(pub(crate) String);

impl Stats {
    /// A counter's or gauge's value; 0 when Envoy does not list it (yet).
    pub(crate) fn get(&self, name: &str) -> u64 {
        self.0
            .lines()
            .filter_map(|line| line.split_once(": "))
            .find(|(key, _)| *key == name)
            .and_then(|(_, value)| value.trim().parse().ok())
            .unwrap_or(0)
    }
}

/// A fresh directory for one Envoy's files, under the system's temporary directory, and the
/// sequence number of that Envoy in this process.
fn new_work_dir() -> (WorkDir, u32) {
    let sequence = STARTED.fetch_add(1, Ordering::Relaxed);
    let dir = env::temp_dir().join(format!("meshctl-envoy-{}-{sequence}", std::process::id()));
    // A leftover from a crashed run of a process with the same id would mix in stale files.
    let _ = fs::remove_dir_all(&dir);
    (WorkDir(dir), sequence)
}

/// An Envoy's directory until the handle owns it: removed on drop, so that a start failing
/// half-way leaves nothing behind.
struct WorkDir(PathBuf);

impl WorkDir {
    fn take(mut self) -> PathBuf {
        std::mem::take(&mut self.0)
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        if !self.0.as_os_str().is_empty() {
            let _ = fs::remove_dir_all(&self.0);
        }
    }
}

/// Unique among the Envoys of all processes running at once: hot restart is disabled, so the id
/// only has to differ, and the process id makes it differ between processes.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_ids_differ_between_processes_and_within_one() {
        assert_ne!(base_id(4242, 0), base_id(4243, 0));
        assert_ne!(base_id(4242, 0), base_id(4242, 1));
    }

    #[test]
    fn stats_are_read_by_exact_name() {
        let stats = Stats(
            "cluster_manager.warming_clusters: 2\ncluster_manager.warming_clusters_x: 7\n".into(),
        );
        assert_eq!(stats.get("cluster_manager.warming_clusters"), 2);
        assert_eq!(stats.get("cluster_manager.active_clusters"), 0);
    }
}
