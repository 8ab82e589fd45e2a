//! Running a command the way the benchmark measures it: wall time, and peak RSS from the
//! child's own rusage (wait4), with standard output sent to a file.
//!
//! A child's `ru_maxrss` is not only its own: at exec, Linux folds the high-water RSS of the
//! memory the child came from into it, and a spawned child comes from its parent's memory. A
//! benchmark holding a loaded mesh (hundreds of MB) would see that in every measurement. So
//! [`isolated`] measures from a fresh, small process: the benchmark binary itself, restarted in
//! [`CHILD_MODE`], which runs the command and reports back.

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

/// The first argument that makes a benchmark binary run one measurement for [`isolated`].
pub const CHILD_MODE: &str = "--measure-child";

/// Measures `program args…` from a fresh copy of the current executable (see the module
/// comment). With `home`, the command gets it as HOME and inherits no kubeconfig or proxy
/// settings, so only the `--kubeconfig` it is given counts.
pub fn isolated(
    program: &Path,
    args: &[&str],
    output: &Path,
    home: Option<&Path>,
) -> Result<Measurement, String> {
    let me =
        std::env::current_exe().map_err(|e| format!("cannot find the benchmark binary: {e}"))?;
    let mut command = Command::new(me);
    command.arg(CHILD_MODE).arg(output).arg(program).args(args);
    if let Some(home) = home {
        command.env("HOME", home);
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
    }
    let shown = format!("{} {}", program.display(), args.join(" "));
    let result = command
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run the measuring process for {shown}: {e}"))?;
    if !result.status.success() {
        return Err(String::from_utf8_lossy(&result.stderr).trim().to_string());
    }
    let report = String::from_utf8_lossy(&result.stdout);
    let numbers: Vec<u64> = report
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers[..] {
        [wall_nanos, peak_rss, output_bytes] => Ok(Measurement {
            wall: Duration::from_nanos(wall_nanos),
            peak_rss,
            output_bytes,
        }),
        _ => Err(format!(
            "the measuring process for {shown} reported {report:?}"
        )),
    }
}

/// The measuring process: `CHILD_MODE OUTPUT PROGRAM ARGS…` runs the command and prints
/// `wall_nanos peak_rss output_bytes`. None when `args` (without the program name) are not
/// that.
pub fn child_main(args: &[String]) -> Option<std::process::ExitCode> {
    let [mode, output, program, rest @ ..] = args else {
        return None;
    };
    if mode != CHILD_MODE {
        return None;
    }
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    Some(match run(Path::new(program), &rest, Path::new(output)) {
        Ok(m) => {
            println!("{} {} {}", m.wall.as_nanos(), m.peak_rss, m.output_bytes);
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    })
}
