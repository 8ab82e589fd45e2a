//! Running a command the way the benchmark measures it: wall time, and peak RSS from the
//! child's own rusage (wait4), with standard output sent to a file.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Measurement {
    pub wall: Duration,
    /// The child's peak resident set size (file-backed pages of a memory map included).
    pub peak_rss: u64,
    /// Bytes the command wrote to standard output.
    pub output_bytes: u64,
}

/// Runs `program args…` with standard output in `output`, standard error kept for the error.
pub fn run(program: &Path, args: &[&str], output: &Path) -> Result<Measurement, String> {
    let mut command = Command::new(program);
    command.args(args);
    run_command(
        command,
        &format!("{} {}", program.display(), args.join(" ")),
        output,
    )
}

/// Like [`run`], for a live-mode command: HOME is `home` and no kubeconfig or proxy settings
/// are inherited, so only the given `--kubeconfig` is used.
pub fn run_in(
    program: &Path,
    args: &[&str],
    output: &Path,
    home: &Path,
) -> Result<Measurement, String> {
    let mut command = Command::new(program);
    command.args(args).env("HOME", home);
    for var in [
        "KUBECONFIG",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        command.env_remove(var);
    }
    run_command(
        command,
        &format!("{} {}", program.display(), args.join(" ")),
        output,
    )
}

fn run_command(mut command: Command, shown: &str, output: &Path) -> Result<Measurement, String> {
    let out =
        std::fs::File::create(output).map_err(|e| format!("creating {}: {e}", output.display()))?;
    let started = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data that wait4 fills in; the pid is our own unreaped child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = loop {
        // SAFETY: as above.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    let wall = started.elapsed();
    if waited != pid {
        return Err(format!(
            "waiting for {shown}: {}",
            std::io::Error::last_os_error()
        ));
    }
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let mut stderr = String::new();
        if let Some(mut e) = child.stderr {
            use std::io::Read;
            let _ = e.read_to_string(&mut stderr);
        }
        return Err(format!(
            "{shown} failed (wait status {status}): {}",
            stderr.trim()
        ));
    }
    let output_bytes = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    Ok(Measurement {
        wall,
        peak_rss: usage.ru_maxrss as u64 * 1024,
        output_bytes,
    })
}
