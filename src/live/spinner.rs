//! A spinner on stderr while a live fetch is slow. It appears only after a short delay (fast
//! fetches show nothing), only when stderr is a terminal, and is erased before anything is printed.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

const DELAY: Duration = Duration::from_millis(500);
const FRAME_INTERVAL: Duration = Duration::from_millis(100);
const FRAMES: [char; 4] = ['|', '/', '-', '\\'];
/// Longer messages are cut so the line never wraps on a narrow terminal (erasing only clears one
/// line).
const MAX_MESSAGE_CHARS: usize = 60;

/// Set while completing: the terminal's stderr then belongs to the shell's prompt line.
static SILENCED: AtomicBool = AtomicBool::new(false);

/// No spinner from now on in this process.
pub(crate) fn silence() {
    SILENCED.store(true, Ordering::Relaxed);
}

/// Stops and erases itself when dropped.
pub(crate) struct Spinner {
    running: Option<(mpsc::Sender<()>, JoinHandle<()>)>,
}

impl Spinner {
    pub(crate) fn start(message: String) -> Spinner {
        let stderr = std::io::stderr();
        let dumb_terminal = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        if !stderr.is_terminal() || dumb_terminal || SILENCED.load(Ordering::Relaxed) {
            return Spinner { running: None };
        }
        // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
        let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let message = match message.char_indices().nth(MAX_MESSAGE_CHARS) {
            Some((cut, _)) => format!("{}...", &message[..cut]),
            None => message,
        };
        let (stop, stopped) = mpsc::channel();
        let thread = std::thread::spawn(move || spin(&message, colour, &stopped));
        Spinner {
            running: Some((stop, thread)),
        }
    }
}

fn spin(message: &str, colour: bool, stopped: &mpsc::Receiver<()>) {
    if !matches!(stopped.recv_timeout(DELAY), Err(RecvTimeoutError::Timeout)) {
        return;
    }
    let (dim, plain) = if colour {
        ("\x1b[2m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut stderr = std::io::stderr();
    for frame in FRAMES.iter().cycle() {
        let _ = write!(stderr, "\r{dim}{frame} {message}{plain}\x1b[K");
        let _ = stderr.flush();
        if !matches!(
            stopped.recv_timeout(FRAME_INTERVAL),
            Err(RecvTimeoutError::Timeout)
        ) {
            break;
        }
    }
    let _ = write!(stderr, "\r\x1b[K");
    let _ = stderr.flush();
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some((stop, thread)) = self.running.take() {
            let _ = stop.send(());
            let _ = thread.join();
        }
    }
}
