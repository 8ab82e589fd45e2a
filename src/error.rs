//! One error type for the whole tool: a one-line message and the exit code it maps to.
//! Every failure a user can cause ends up here, so `main` prints one line and exits with a code
//! that scripts can rely on (documented in the README).

use std::fmt;

/// Exit codes, stable for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ExitCode {
    Success = 0,
    /// Bad input: a malformed, truncated, empty or wrong-kind file, or a missing dump section.
    Input = 1,
    /// The command line itself is wrong (clap's own code for usage errors).
    Usage = 2,
    /// The Kubernetes API said no: not found, forbidden, unreachable, TLS or auth failure.
    Kube = 3,
    /// The proxy could not be reached or answered badly: no sidecar, non-200, body cut short.
    Proxy = 4,
    /// The request timeout ran out.
    Timeout = 5,
}

#[derive(Debug)]
pub struct Error {
    pub code: ExitCode,
    pub message: String,
}

impl Error {
    pub fn new(code: ExitCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
        }
    }
    pub fn input(message: impl Into<String>) -> Self {
        Self::new(ExitCode::Input, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ExitCode::Usage, message)
    }
    pub fn kube(message: impl Into<String>) -> Self {
        Self::new(ExitCode::Kube, message)
    }
    pub fn proxy(message: impl Into<String>) -> Self {
        Self::new(ExitCode::Proxy, message)
    }
    pub fn timeout(message: impl Into<String>) -> Self {
        Self::new(ExitCode::Timeout, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages are one line by contract; fold any stray newline so stderr stays one line.
        f.write_str(&self.message.replace('\n', " "))
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        // A closed stdout (e.g. `| head`) is handled in main; anything else is an input problem.
        Error::input(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
