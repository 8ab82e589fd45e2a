//! HTTP/1.1 to Envoy's admin port over an in-process port-forward.
//!
//! kube's `Portforwarder` gives a byte stream per port plus an error channel on which the kubelet
//! reports why it could not connect (typically "connection refused" when no sidecar listens). The
//! kubelet may close the data stream before that text arrives, so every failed exchange waits
//! briefly for the error channel before deciding what to report.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::client::conn::http1::SendRequest;
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use k8s_openapi::api::core::v1::Pod;
use kube::api::Portforwarder;
use kube::Api;

use super::cluster::{Call, Session};
use super::resolve::PodRef;
use super::{Method, Progress};
use crate::error::Error;
use crate::input::received::Received;

/// How long to wait for the kubelet's error text once the stream has failed. It normally follows
/// the close within milliseconds; the overall request timeout still bounds the wait.
const ERROR_CHANNEL_GRACE: Duration = Duration::from_secs(2);

type ErrorChannel = Pin<Box<dyn Future<Output = Option<String>> + Send>>;

/// One port-forwarded HTTP/1.1 connection to a pod's admin port; it carries several requests.
pub(crate) struct Forwarded {
    sender: SendRequest<Empty<Bytes>>,
    forwarder: Portforwarder,
    errors: Option<ErrorChannel>,
    pod: PodRef,
    port: u16,
}

/// Where an exchange broke, for the fallback message when the kubelet says nothing.
enum Broke {
    BeforeAnswer,
    MidBody {
        received: usize,
        announced: Option<u64>,
    },
}

impl Forwarded {
    pub(crate) async fn open(
        session: &Session,
        pod: &PodRef,
        port: u16,
        progress: &Progress,
    ) -> Result<Self, Error> {
        progress.set(format!(
            "waiting for the API server to open a port-forward to {pod} port {port}"
        ));
        let pods: Api<Pod> = Api::namespaced(session.client.clone(), &pod.namespace);
        let mut forwarder = pods.portforward(&pod.name, &[port]).await.map_err(|e| {
            session.api_error(
                e,
                &Call {
                    verb: "create",
                    resource: "pods/portforward",
                    name: Some(&pod.name),
                    namespace: &pod.namespace,
                },
            )
        })?;
        let (Some(stream), Some(errors)) =
            (forwarder.take_stream(port), forwarder.take_error(port))
        else {
            return Err(Error::proxy(format!(
                "the port-forward to {pod} has no stream for port {port}"
            )));
        };
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| {
                Error::proxy(format!(
                    "cannot start HTTP over the port-forward to {pod}: {e}"
                ))
            })?;
        // The connection task ends by itself when `sender` is dropped or the stream closes; its
        // failures surface through `send_request` and the body, where they are reported.
        tokio::spawn(connection);
        Ok(Forwarded {
            sender,
            forwarder,
            errors: Some(Box::pin(errors)),
            pod: pod.clone(),
            port,
        })
    }

    pub(crate) fn pod(&self) -> &PodRef {
        &self.pod
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
            self.pod
        ));
        if let Err(e) = self.sender.ready().await {
            return Err(self.exchange_failed(&what, Broke::BeforeAnswer, &e).await);
        }
        let request = Request::builder()
            .method(method.as_str())
            .uri(path_and_query)
            .header(hyper::header::HOST, "localhost")
            .body(Empty::<Bytes>::new())
            .map_err(|e| Error::usage(format!("invalid admin path {path_and_query:?}: {e}")))?;
        let response = match self.sender.send_request(request).await {
            Ok(response) => response,
            Err(e) => return Err(self.exchange_failed(&what, Broke::BeforeAnswer, &e).await),
        };
        let status = response.status();
        let announced = response
            .headers()
            .get(hyper::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        progress.set(format!(
            "reading Envoy's answer to {what} from {}",
            self.pod
        ));
        let mut body = response.into_body();
        // One buffer, sized up front when Envoy says how much is coming (capped, as the number
        // is the peer's word), that grows without copying when it does not (see `Received`).
        let cannot_hold =
            |e: std::io::Error| Error::proxy(format!("cannot hold Envoy's answer to {what}: {e}"));
        let expected = announced.map_or(0, |n| n.min(1 << 30) as usize);
        let mut received = Received::with_capacity(expected).map_err(cannot_hold)?;
        while let Some(frame) = body.frame().await {
            match frame {
                Ok(frame) => {
                    if let Some(data) = frame.data_ref() {
                        received.extend(data).map_err(cannot_hold)?;
                    }
                }
                Err(e) => {
                    let broke = Broke::MidBody {
                        received: received.len(),
                        announced,
                    };
                    return Err(self.exchange_failed(&what, broke, &e).await);
                }
            }
        }
        Ok((status, received))
    }

    /// Ends the exchange tidily: close the stream so the forwarder sends a WebSocket close, and
    /// give the forwarder a moment to finish before abandoning it.
    pub(crate) async fn close(self) {
        let Forwarded {
            sender, forwarder, ..
        } = self;
        drop(sender);
        let _ = tokio::time::timeout(Duration::from_millis(500), forwarder.join()).await;
    }

    async fn exchange_failed(&mut self, what: &str, broke: Broke, cause: &hyper::Error) -> Error {
        let kubelet_says = match self.errors.take() {
            Some(errors) => tokio::time::timeout(ERROR_CHANNEL_GRACE, errors)
                .await
                .ok()
                .flatten(),
            None => None,
        };
        describe_failure(
            &self.pod,
            self.port,
            what,
            broke,
            kubelet_says.as_deref(),
            cause,
        )
    }
}

fn describe_failure(
    pod: &PodRef,
    port: u16,
    what: &str,
    broke: Broke,
    kubelet_says: Option<&str>,
    cause: &dyn std::fmt::Display,
) -> Error {
    if let Some(text) = kubelet_says.map(str::trim).filter(|t| !t.is_empty()) {
        let text = one_line(text);
        if let Some(refused) = text.find("connection refused") {
            // The kubelet's text names sandbox ids and network namespaces; the dial is what matters.
            let dial = text[..refused].find("dial tcp").unwrap_or(0);
            let text = &text[dial..refused + "connection refused".len()];
            return Error::proxy(format!(
                "nothing is listening on port {port} of {pod}: is the sidecar injected? \
                 (check --proxy-admin-port; kubelet: {text})"
            ));
        }
        return Error::proxy(format!(
            "the port-forward to {pod} port {port} failed: {text}"
        ));
    }
    match broke {
        Broke::BeforeAnswer => Error::proxy(format!(
            "the connection to port {port} of {pod} closed before Envoy answered {what} ({cause})"
        )),
        Broke::MidBody {
            received,
            announced: Some(total),
        } => Error::proxy(format!(
            "Envoy's answer to {what} from {pod} was cut short: {received} of {total} bytes arrived"
        )),
        Broke::MidBody {
            received,
            announced: None,
        } => Error::proxy(format!(
            "Envoy's answer to {what} from {pod} was cut short after {received} bytes \
             (the chunked body never ended)"
        )),
    }
}

pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod() -> PodRef {
        PodRef {
            name: "web-1".into(),
            namespace: "shop".into(),
        }
    }

    #[test]
    fn refused_on_the_error_channel_means_no_sidecar() {
        let err = describe_failure(
            &pod(),
            15000,
            "GET /config_dump",
            Broke::BeforeAnswer,
            Some("error forwarding port 15000 to pod abc: dial tcp 127.0.0.1:15000:\n connect: connection refused"),
            &"connection closed before message completed",
        );
        assert_eq!(err.code(), crate::error::Exit::Proxy);
        assert_eq!(
            err.message,
            "nothing is listening on port 15000 of pod \"web-1\" in namespace \"shop\": is the sidecar \
             injected? (check --proxy-admin-port; kubelet: dial tcp 127.0.0.1:15000: connect: \
             connection refused)"
        );
        // Without a dial in the text, all of it up to the refusal.
        let err = describe_failure(
            &pod(),
            1,
            "GET /x",
            Broke::BeforeAnswer,
            Some("port 1: connection refused; retry"),
            &"eof",
        );
        assert!(
            err.message
                .ends_with("(check --proxy-admin-port; kubelet: port 1: connection refused)"),
            "{}",
            err.message
        );
    }

    #[test]
    fn other_kubelet_errors_are_passed_on() {
        let err = describe_failure(
            &pod(),
            15000,
            "GET /x",
            Broke::BeforeAnswer,
            Some("pod sandbox gone"),
            &"eof",
        );
        assert_eq!(
            err.message,
            "the port-forward to pod \"web-1\" in namespace \"shop\" port 15000 failed: pod sandbox gone"
        );
    }

    #[test]
    fn without_kubelet_text_the_framing_tells() {
        let cut = describe_failure(
            &pod(),
            15000,
            "GET /clusters",
            Broke::MidBody {
                received: 10,
                announced: Some(99),
            },
            None,
            &"eof",
        );
        assert_eq!(
            cut.message,
            "Envoy's answer to GET /clusters from pod \"web-1\" in namespace \"shop\" was cut short: 10 of 99 bytes arrived"
        );
        let chunked = describe_failure(
            &pod(),
            1,
            "GET /x",
            Broke::MidBody {
                received: 5,
                announced: None,
            },
            Some(" "),
            &"eof",
        );
        assert!(chunked
            .message
            .contains("cut short after 5 bytes (the chunked body never ended)"));
        let early = describe_failure(
            &pod(),
            1,
            "GET /x",
            Broke::BeforeAnswer,
            None,
            &"connection closed",
        );
        assert!(early
            .message
            .ends_with("closed before Envoy answered GET /x (connection closed)"));
    }
}
