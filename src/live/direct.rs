//! HTTP to an Envoy admin endpoint named by `--admin-url`, with reqwest: `https://` through
//! rustls with ring (the TLS stack kube already brings), the system's roots or
//! `--certificate-authority`; `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY` are
//! honoured by reqwest as every HTTP tool honours them.

use std::error::Error as StdError;

use hyper::StatusCode;

use super::{Method, Progress};
use crate::config::{AdminTls, AdminUrl};
use crate::error::Error;
use crate::input::received::Received;

/// A client for one admin URL; reqwest keeps the connection for the next request.
pub(crate) struct Direct {
    client: reqwest::Client,
    url: AdminUrl,
}

impl Direct {
    pub(crate) fn open(url: &AdminUrl, tls: &AdminTls) -> Result<Direct, Error> {
        // reqwest is built without a crypto provider of its own: it takes the process default,
        // ring. Installing fails only when one is installed already, which is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder().http1_only();
        if let Some(path) = &tls.certificate_authority {
            let what = format!("--certificate-authority {}", path.display());
            let pem = std::fs::read(path).map_err(|e| Error::read(&what, e))?;
            let certificates = reqwest::Certificate::from_pem_bundle(&pem)
                .ok()
                .filter(|c| !c.is_empty())
                .ok_or_else(|| Error::input(format!("{what} holds no PEM certificate")))?;
            builder = builder.tls_certs_only(certificates);
        }
        if tls.insecure {
            builder = builder.tls_danger_accept_invalid_certs(true);
        }
        let client = builder.build().map_err(|e| {
            Error::proxy(format!(
                "cannot set up HTTP for {}: {}",
                url.text,
                root_cause(&e)
            ))
        })?;
        Ok(Direct {
            client,
            url: url.clone(),
        })
    }

    pub(crate) fn url(&self) -> &str {
        &self.url.text
    }

    /// Sends one admin request; returns the status and the body, read to the end.
    pub(crate) async fn exchange(
        &mut self,
        method: Method,
        path_and_query: &str,
        progress: &Progress,
    ) -> Result<(StatusCode, Received), Error> {
        let what = format!("{} {path_and_query}", method.as_str());
        progress.set(format!(
            "waiting for Envoy's answer to {what} from {}",
            self.url.text
        ));
        let target = self.url.join(path_and_query);
        let request = match method {
            Method::Get => self.client.get(&target),
            Method::Post => self.client.post(&target),
        };
        let mut response = request
            .send()
            .await
            .map_err(|e| self.unanswered(&what, &e))?;
        let status = response.status();
        progress.set(format!(
            "reading Envoy's answer to {what} from {}",
            self.url.text
        ));
        let cannot_hold =
            |e: std::io::Error| Error::proxy(format!("cannot hold Envoy's answer to {what}: {e}"));
        // Sized up front when Envoy says how much is coming, capped as the number is the
        // peer's word (see `Received`).
        let announced = response.content_length();
        let expected = announced.map_or(0, |n| n.min(1 << 30) as usize);
        let mut received = Received::with_capacity(expected).map_err(cannot_hold)?;
        loop {
            match response.chunk().await {
                Ok(Some(data)) => received.extend(&data).map_err(cannot_hold)?,
                Ok(None) => break,
                Err(e) => {
                    let got = received.len();
                    return Err(Error::proxy(match announced {
                        Some(total) => format!(
                            "Envoy's answer to {what} from {} was cut short: {got} of {total} \
                             bytes arrived ({})",
                            self.url.text,
                            root_cause(&e)
                        ),
                        None => format!(
                            "Envoy's answer to {what} from {} was cut short after {got} bytes ({})",
                            self.url.text,
                            root_cause(&e)
                        ),
                    }));
                }
            }
        }
        Ok((status, received))
    }

    /// No answer came: a TLS failure, a refused or failed connection (to Envoy or to a proxy
    /// the environment names), said in one line.
    fn unanswered(&self, what: &str, err: &reqwest::Error) -> Error {
        let cause = root_cause(err);
        if let Some(tls) = rustls_failure(err) {
            // A certificate refused is what a CA flag can fix; other TLS failures are not.
            let hint = match tls {
                rustls::Error::InvalidCertificate(_) => {
                    " (check --certificate-authority or --insecure-skip-tls-verify)"
                }
                _ => "",
            };
            return Error::proxy(format!(
                "the TLS handshake with {} failed: {cause}{hint}",
                self.url.text
            ));
        }
        if err.is_connect() {
            return Error::proxy(format!(
                "cannot connect to the Envoy admin API at {}: {cause}",
                self.url.text
            ));
        }
        Error::proxy(format!(
            "the connection to {} failed before Envoy answered {what}: {cause}",
            self.url.text
        ))
    }
}

/// The innermost error's text: reqwest's and hyper's wrappers say nothing a user needs.
fn root_cause(err: &(dyn StdError + 'static)) -> String {
    let mut cause = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

/// The rustls error somewhere in the chain, if rustls refused.
fn rustls_failure<'a>(err: &'a (dyn StdError + 'static)) -> Option<&'a rustls::Error> {
    let mut cause = Some(err);
    while let Some(e) = cause {
        if let Some(tls) = carried_rustls(e) {
            return Some(tls);
        }
        cause = e.source();
    }
    None
}

/// `e` as a rustls error, or the rustls error an I/O error wraps, however deep: an I/O error's
/// `source` skips the error it wraps, so the wrapping is followed by hand.
fn carried_rustls<'a>(e: &'a (dyn StdError + 'static)) -> Option<&'a rustls::Error> {
    if let Some(tls) = e.downcast_ref::<rustls::Error>() {
        return Some(tls);
    }
    let inner = e.downcast_ref::<std::io::Error>()?.get_ref()?;
    carried_rustls(inner)
}
