//! One error type for the whole tool: a kind, a one-line message, and the I/O error behind it
//! where there is one. The kind decides the exit code, whether the input's name goes in front of
//! the message, and whether a closed standard output is a failure; the message text decides
//! nothing.

use std::fmt;
use std::io;

/// Exit codes, stable for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Exit {
    Success = 0,
    /// Bad input: a malformed, truncated, empty, unreadable or wrong-kind file, a missing dump
    /// section, nothing found; also output that could not be written.
    Input = 1,
    /// The command line itself is wrong (clap's own code for usage errors).
    Usage = 2,
    /// The Kubernetes API said no: not found, forbidden, unreachable, TLS or auth failure.
    Kube = 3,
    /// The proxy could not be reached or answered badly: no sidecar, non-200, body cut short.
    Proxy = 4,
    /// The request timeout ran out.
    Timeout = 5,
    /// `pc diff`: the two sides differ (not an error; what `diff(1)` says with 1, which means
    /// bad input here).
    Differ = 6,
    /// A view over several pods printed some of them; the others failed (each said on stderr).
    SomePods = 7,
}

/// What went wrong, as far as the code that handles an error needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The input's text is malformed at some place (JSON syntax, a value of the wrong type).
    /// The message says where in the text; `in_input` puts the input's name in front.
    Malformed,
    /// What the input holds cannot be shown: the wrong kind of document, a missing section,
    /// no resources, differing root CAs. The message already says which input where it matters.
    Input,
    /// The input could not be read: no such file, permission denied, a directory.
    Read(io::ErrorKind),
    /// The output could not be written: a closed pipe, a full disk.
    Write(io::ErrorKind),
    /// The command line is wrong.
    Usage,
    /// The command's arguments are wrong (their number, a combination of flags): a usage error
    /// that the command's usage line precedes.
    Arguments,
    /// The Kubernetes API refused or failed.
    Kube,
    /// The proxy could not be reached or answered badly.
    Proxy,
    /// The request timeout ran out.
    Timeout,
    /// Some pods of a fleet failed and the others were printed.
    SomePods,
}

#[derive(Debug)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    /// The I/O error behind a `Read` or `Write` error.
    source: Option<io::Error>,
    /// A malformed input's name is in the message already.
    named: bool,
    /// A list of errors, one per line by design (`Error::several`).
    list: bool,
}

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            source: None,
            named: false,
            list: false,
        }
    }
    pub fn malformed(message: impl Into<String>) -> Self {
        Self::new(Kind::Malformed, message)
    }
    pub fn input(message: impl Into<String>) -> Self {
        Self::new(Kind::Input, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn arguments(message: impl Into<String>) -> Self {
        Self::new(Kind::Arguments, message)
    }

    /// Several failures reported together, as istioctl lists them: `1 error occurred:` (or `N
    /// errors occurred:`), a tab-indented `* reason` line each, and an empty line after.
    pub fn several(kind: Kind, reasons: &[String]) -> Self {
        let mut message = match reasons.len() {
            1 => "1 error occurred:".to_string(),
            n => format!("{n} errors occurred:"),
        };
        for reason in reasons {
            message.push_str("\n\t* ");
            message.push_str(&reason.replace('\n', " "));
        }
        message.push('\n');
        Error {
            list: true,
            ..Self::new(kind, message)
        }
    }
    pub fn kube(message: impl Into<String>) -> Self {
        Self::new(Kind::Kube, message)
    }
    pub fn proxy(message: impl Into<String>) -> Self {
        Self::new(Kind::Proxy, message)
    }
    pub fn timeout(message: impl Into<String>) -> Self {
        Self::new(Kind::Timeout, message)
    }

    /// Reading `what` failed with `e`.
    pub fn read(what: &str, e: io::Error) -> Self {
        Error {
            kind: Kind::Read(e.kind()),
            message: format!("cannot read {what}: {}", io_reason(&e)),
            source: Some(e),
            named: false,
            list: false,
        }
    }

    /// Writing the output failed with `e`.
    pub fn write(e: io::Error) -> Self {
        Error {
            kind: Kind::Write(e.kind()),
            message: format!("cannot write the output: {}", io_reason(&e)),
            source: Some(e),
            named: false,
            list: false,
        }
    }

    /// The exit code this error ends the process with.
    pub fn code(&self) -> Exit {
        match self.kind {
            Kind::Malformed | Kind::Input | Kind::Read(_) | Kind::Write(_) => Exit::Input,
            Kind::Usage | Kind::Arguments => Exit::Usage,
            Kind::Kube => Exit::Kube,
            Kind::Proxy => Exit::Proxy,
            Kind::Timeout => Exit::Timeout,
            Kind::SomePods => Exit::SomePods,
        }
    }

    /// The reader of the output went away (`| head`): nothing more needs saying.
    pub fn is_closed_output(&self) -> bool {
        self.kind == Kind::Write(io::ErrorKind::BrokenPipe)
    }

    /// The same error, its message led by `prefix` (istioctl's `listener dump: ` and the like).
    pub fn prefixed(mut self, prefix: &str) -> Self {
        self.message.insert_str(0, prefix);
        self
    }

    /// A malformed input's error names the input (`origin`) first; other kinds are unchanged.
    pub fn in_input(mut self, origin: &str) -> Self {
        if self.kind == Kind::Malformed && !self.named {
            self.message = format!("{origin}: {}", self.message);
            self.named = true;
        }
        self
    }
}

/// The OS's reason in a user's words for the common cases, else the OS's own.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.list {
            return f.write_str(&self.message);
        }
        // Messages are one line by contract; fold any stray newline so stderr stays one line.
        f.write_str(&self.message.replace('\n', " "))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Writing is what every `?` on an `io::Error` in this crate does: views, tables and printers
/// write to the output. Reading names its input through `Error::read`.
impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::write(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_inputs_error_names_the_input_once() {
        let e = Error::malformed("invalid JSON at byte 3").in_input("a.json");
        assert_eq!(e.to_string(), "a.json: invalid JSON at byte 3");
        assert_eq!(
            e.in_input("b.json").to_string(),
            "a.json: invalid JSON at byte 3"
        );
        let found = Error::input("no clusters found").in_input("a.json");
        assert_eq!(found.to_string(), "no clusters found");
    }

    #[test]
    fn several_errors_are_listed_one_per_line_then_an_empty_line() {
        let one = Error::several(Kind::Proxy, &["a failed".to_string()]);
        assert_eq!(one.to_string(), "1 error occurred:\n\t* a failed\n");
        assert_eq!(one.code(), Exit::Proxy);
        let two = Error::several(Kind::Timeout, &["a\nfailed".to_string(), "b".to_string()]);
        assert_eq!(two.to_string(), "2 errors occurred:\n\t* a failed\n\t* b\n");
        assert_eq!(Error::arguments("x").code(), Exit::Usage);
    }

    #[test]
    fn write_errors_are_told_apart_by_kind_not_text() {
        let pipe = Error::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(pipe.is_closed_output());
        let full = Error::from(io::Error::from_raw_os_error(libc::ENOSPC));
        assert!(!full.is_closed_output());
        assert_eq!(full.kind, Kind::Write(io::ErrorKind::StorageFull));
        assert_eq!(full.code(), Exit::Input);
        // A file named like the message of a closed pipe is still just a missing file.
        let missing = Error::read("Broken pipe.json", io::Error::from(io::ErrorKind::NotFound));
        assert!(!missing.is_closed_output());
        assert_eq!(
            missing.to_string(),
            "cannot read Broken pipe.json: no such file"
        );
    }
}
