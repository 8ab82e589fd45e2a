//! One Envoy admin endpoint, however it is reached: a pod's admin port through a port-forward
//! (`forward`), or an `--admin-url` directly (`direct`). What is asked and how answers are judged
//! (a 200 or one line saying what came back) is written once, here, for both.

use hyper::StatusCode;

use super::direct::Direct;
use super::forward::{self, Forwarded};
use super::{Method, Progress};
use crate::error::Error;
use crate::input::received::Received;

/// How much of a non-200 body goes into the error message.
const EXCERPT_CHARS: usize = 200;

/// A connection to one Envoy's admin API; it carries several requests.
pub(crate) enum AdminConnection {
    Forwarded(Forwarded),
    Direct(Direct),
}

impl AdminConnection {
    /// Sends one admin request; returns the body of a 200 answer, read to the end.
    pub(crate) async fn request(
        &mut self,
        method: Method,
        path_and_query: &str,
        progress: &Progress,
    ) -> Result<Received, Error> {
        let (status, body) = self.exchange(method, path_and_query, progress).await?;
        if status != StatusCode::OK {
            return Err(Error::proxy(format!(
                "Envoy {} answered {status} to {} {path_and_query}: {}",
                self.located(),
                method.as_str(),
                excerpt(&body)
            )));
        }
        Ok(body)
    }

    /// Sends one admin request; returns the status and the body, read to the end.
    pub(crate) async fn exchange(
        &mut self,
        method: Method,
        path_and_query: &str,
        progress: &Progress,
    ) -> Result<(StatusCode, Received), Error> {
        match self {
            AdminConnection::Forwarded(c) => c.exchange(method, path_and_query, progress).await,
            AdminConnection::Direct(c) => c.exchange(method, path_and_query, progress).await,
        }
    }

    /// Where the Envoy is, after "Envoy": `on pod "x" in namespace "y"`, `at https://...`.
    fn located(&self) -> String {
        match self {
            AdminConnection::Forwarded(c) => format!("on {}", c.pod()),
            AdminConnection::Direct(c) => format!("at {}", c.url()),
        }
    }

    pub(crate) async fn close(self) {
        match self {
            AdminConnection::Forwarded(c) => c.close().await,
            AdminConnection::Direct(_) => {}
        }
    }
}

/// The start of a body, on one line, for error messages.
fn excerpt(body: &[u8]) -> String {
    let text = forward::one_line(&String::from_utf8_lossy(body));
    if text.is_empty() {
        return "(empty body)".to_string();
    }
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_single_lines() {
        assert_eq!(excerpt(b"invalid\n  mask\n"), "invalid mask");
        assert_eq!(excerpt(b""), "(empty body)");
        let long = "x".repeat(500);
        assert_eq!(excerpt(long.as_bytes()).len(), EXCERPT_CHARS + 3);
    }
}
