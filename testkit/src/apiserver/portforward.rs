//! `pods/{name}/portforward` over WebSocket, framed like the kubelet's channel protocol: for the
//! i-th requested port, data on channel 2i and errors on channel 2i+1, each channel opened by a
//! frame holding the port number (2 bytes, little-endian), every frame prefixed by its channel.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::{SinkExt, StreamExt};
use hyper::body::Incoming;
use hyper::header::{
    HeaderValue, CONNECTION, SEC_WEBSOCKET_ACCEPT, SEC_WEBSOCKET_PROTOCOL, UPGRADE,
};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::Role;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

use super::http::{forbidden, not_found, status_response, Attributes, Body};
use super::store::{fnv1a, Kind};
use super::{PortForwardFault, State};

/// The channel subprotocol the kubelet speaks for port-forward. It also accepts a request that
/// offers no subprotocol at all; it does not speak v5 (that is remotecommand's).
const V4_BINARY: &str = "v4.channel.k8s.io";

/// How long a dropped connection stays silent before it closes, so the client has processed the
/// bytes that made it through (kube-client discards frames still queued when its socket fails).
const ABORT_GRACE: Duration = Duration::from_millis(200);

/// Checks the request as the API server and kubelet would, then answers `101 Switching
/// Protocols` and runs the forwarding session on the upgraded connection.
pub(crate) fn connect(
    state: &Arc<State>,
    user: &str,
    request: Request<Incoming>,
    namespace: &str,
    pod_name: &str,
) -> Response<Body> {
    let pods = Kind::by_kind("Pod").expect("the pod kind is always served");
    let Some(pod) = state.store().get(pods, namespace, pod_name).cloned() else {
        return not_found(pods, pod_name);
    };
    let (fault, backends, upgrade_needs_create) = {
        let config = state.config();
        let key = (namespace.to_string(), pod_name.to_string());
        (
            config.faults.get(&key).cloned(),
            config.backends.clone(),
            config.upgrade_needs_create(),
        )
    };
    if fault == Some(PortForwardFault::Forbidden) {
        let verb = if request.method() == Method::GET && !upgrade_needs_create {
            "get"
        } else {
            "create"
        };
        return forbidden(
            user,
            &Attributes {
                verb,
                kind: pods,
                subresource: Some("portforward"),
                namespace: Some(namespace),
                name: Some(pod_name),
            },
        );
    }
    if pod
        .pointer("/spec/nodeName")
        .and_then(|n| n.as_str())
        .is_none_or(str::is_empty)
    {
        return bad_request(&format!("pod {pod_name} does not have a host assigned"));
    }
    let headers = request.headers();
    let header_has = |name: &str, token: &str| {
        headers.get_all(name).iter().any(|v| {
            v.to_str()
                .unwrap_or("")
                .split(',')
                .any(|part| part.trim().eq_ignore_ascii_case(token))
        })
    };
    if !header_has("connection", "upgrade") || !header_has("upgrade", "websocket") {
        let message = if header_has("upgrade", "SPDY/3.1") {
            "SPDY is not supported by the meshctl test API server: port-forward over WebSocket (v4.channel.k8s.io)"
        } else {
            "Upgrade request required"
        };
        return bad_request(message);
    }
    let Some(key) = headers
        .get("sec-websocket-key")
        .map(|k| derive_accept_key(k.as_bytes()))
    else {
        return bad_request("Upgrade request required");
    };
    let offered: Vec<String> = headers
        .get_all(SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .flat_map(|v| v.to_str().unwrap_or("").split(','))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let protocol = if offered.is_empty() {
        None
    } else if offered.iter().any(|p| p == V4_BINARY) {
        Some(V4_BINARY)
    } else {
        // The kubelet's WebSocket handshake refuses unknown subprotocols with a bare 403.
        let mut response = Response::new(Body::default());
        *response.status_mut() = StatusCode::FORBIDDEN;
        return response;
    };

    let ports = match requested_ports(request.uri().query().unwrap_or("")) {
        Ok(ports) => ports,
        Err(message) => return bad_request(&message),
    };

    let uid = pod
        .pointer("/metadata/uid")
        .and_then(|u| u.as_str())
        .unwrap_or("");
    let errors = KubeletErrors::for_pod(uid);
    let plans: Vec<PortPlan> = ports
        .iter()
        .map(|&port| PortPlan {
            port,
            backend: backends
                .get(&(namespace.to_string(), pod_name.to_string(), port))
                .copied(),
        })
        .collect();
    tokio::spawn(async move {
        if let Ok(upgraded) = hyper::upgrade::on(request).await {
            let ws =
                WebSocketStream::from_raw_socket(TokioIo::new(upgraded), Role::Server, None).await;
            run_session(ws, plans, fault, errors).await;
        }
    });

    let mut response = Response::new(Body::default());
    *response.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
    let h = response.headers_mut();
    h.insert(CONNECTION, HeaderValue::from_static("Upgrade"));
    h.insert(UPGRADE, HeaderValue::from_static("websocket"));
    if let Ok(accept) = HeaderValue::from_str(&key) {
        h.insert(SEC_WEBSOCKET_ACCEPT, accept);
    }
    if let Some(protocol) = protocol {
        h.insert(SEC_WEBSOCKET_PROTOCOL, HeaderValue::from_static(protocol));
    }
    response
}

fn bad_request(message: &str) -> Response<Body> {
    status_response(StatusCode::BAD_REQUEST, "BadRequest", message, None)
}

/// `ports=80,1234` or `ports=80&ports=1234` (the API server accepts both).
fn requested_ports(query: &str) -> Result<Vec<u16>, String> {
    let mut ports = Vec::new();
    for pair in query.split('&') {
        let Some(value) = pair.strip_prefix("ports=") else {
            continue;
        };
        for part in value.replace("%2C", ",").replace("%2c", ",").split(',') {
            if part.is_empty() {
                continue;
            }
            let port: u16 = part
                .parse()
                .map_err(|_| format!("unable to parse {part:?} as a port"))?;
            if port == 0 {
                return Err(format!("port {part:?} must be > 0"));
            }
            ports.push(port);
        }
    }
    if ports.is_empty() {
        return Err("at least one port must be specified".to_string());
    }
    Ok(ports)
}

#[derive(Clone, Debug)]
struct PortPlan {
    port: u16,
    backend: Option<SocketAddr>,
}

/// The container runtime's identifiers for the pod, which its error texts quote.
#[derive(Clone, Debug)]
struct KubeletErrors {
    sandbox_id: String,
    netns: String,
}

impl KubeletErrors {
    fn for_pod(uid: &str) -> Self {
        let part = |seed: &str| fnv1a(format!("{seed}/{uid}").as_bytes());
        let sandbox_id = format!(
            "{:016x}{:016x}{:016x}{:016x}",
            part("a"),
            part("b"),
            part("c"),
            part("d")
        );
        let n = part("netns");
        let m = part("netns2");
        let netns = format!(
            "/var/run/netns/cni-{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            n >> 32,
            (n >> 16) & 0xffff,
            n & 0xffff,
            m >> 48,
            m & 0xffff_ffff_ffff
        );
        Self { sandbox_id, netns }
    }

    /// What containerd reports through the kubelet when nothing listens on the port.
    fn connection_refused(&self, port: u16) -> String {
        format!(
            "error forwarding port {port} to pod {id}, uid : failed to execute portforward in network namespace {netns:?}: failed to connect to localhost:{port} inside namespace {id:?}, IPv4: dial tcp4 127.0.0.1:{port}: connect: connection refused IPv6 dial tcp6 [::1]:{port}: connect: connection refused ",
            id = self.sandbox_id,
            netns = self.netns,
        )
    }
}

enum Outgoing {
    Frame(Vec<u8>),
    PortDone,
    /// Drop the connection without a close frame.
    Abort,
}

async fn run_session<S>(
    mut ws: WebSocketStream<S>,
    plans: Vec<PortPlan>,
    fault: Option<PortForwardFault>,
    errors: KubeletErrors,
) where
    S: AsyncRead + AsyncWrite + Unpin,
{
    // The kubelet opens every channel by writing the port number on it.
    for (index, plan) in plans.iter().enumerate() {
        let port = plan.port.to_le_bytes();
        for channel in [2 * index, 2 * index + 1] {
            let frame = vec![channel as u8, port[0], port[1]];
            if ws.send(Message::binary(frame)).await.is_err() {
                return;
            }
        }
    }
    let (out_tx, mut out_rx) = mpsc::channel::<Outgoing>(16);
    let mut to_ports = Vec::new();
    // Dropping the set when the session ends stops every port task and its backend connection.
    let mut tasks = JoinSet::new();
    for (index, plan) in plans.into_iter().enumerate() {
        let (tx, rx) = mpsc::unbounded_channel();
        to_ports.push(tx);
        tasks.spawn(forward_port(
            index,
            plan,
            fault.clone(),
            out_tx.clone(),
            rx,
            errors.clone(),
        ));
    }
    drop(out_tx);
    let mut ports_done = 0;
    loop {
        tokio::select! {
            incoming = ws.next() => match incoming {
                Some(Ok(Message::Binary(data))) => {
                    if let Some((&channel, payload)) = data.split_first() {
                        let channel = usize::from(channel);
                        if channel % 2 == 0 && !payload.is_empty() {
                            if let Some(tx) = to_ports.get(channel / 2) {
                                let _ = tx.send(Bytes::copy_from_slice(payload));
                            }
                        }
                    }
                }
                Some(Ok(Message::Close(_))) => {
                    // Answer the client's close frame (queued by tungstenite) before leaving.
                    let _ = ws.flush().await;
                    return;
                }
                Some(Err(_)) | None => return,
                Some(Ok(_)) => {}
            },
            outgoing = out_rx.recv() => match outgoing {
                Some(Outgoing::Frame(frame)) => {
                    if ws.send(Message::binary(frame)).await.is_err() {
                        return;
                    }
                }
                Some(Outgoing::PortDone) => {
                    ports_done += 1;
                    if ports_done == to_ports.len() {
                        close_gracefully(&mut ws).await;
                        return;
                    }
                }
                Some(Outgoing::Abort) => {
                    // Let the client take in what was sent, as after a real drop mid-transfer,
                    // then vanish without a close frame.
                    tokio::time::sleep(ABORT_GRACE).await;
                    return;
                }
                None => return,
            },
        }
    }
}

async fn close_gracefully<S: AsyncRead + AsyncWrite + Unpin>(ws: &mut WebSocketStream<S>) {
    if ws.close(None).await.is_err() {
        return;
    }
    let drain = async { while let Some(Ok(_)) = ws.next().await {} };
    let _ = tokio::time::timeout(Duration::from_secs(5), drain).await;
}

async fn forward_port(
    index: usize,
    plan: PortPlan,
    fault: Option<PortForwardFault>,
    out: mpsc::Sender<Outgoing>,
    mut from_client: mpsc::UnboundedReceiver<Bytes>,
    errors: KubeletErrors,
) {
    let data_channel = (2 * index) as u8;
    let error_channel = data_channel + 1;
    if fault == Some(PortForwardFault::Hang) {
        // Accept what the client sends and never answer.
        while from_client.recv().await.is_some() {}
        std::future::pending::<()>().await;
    }
    let stream = match (&fault, plan.backend) {
        (Some(PortForwardFault::Refused), _) | (_, None) => None,
        (_, Some(addr)) => TcpStream::connect(addr).await.ok(),
    };
    let Some(stream) = stream else {
        let mut frame = vec![error_channel];
        frame.extend_from_slice(errors.connection_refused(plan.port).as_bytes());
        let _ = out.send(Outgoing::Frame(frame)).await;
        let _ = out.send(Outgoing::PortDone).await;
        return;
    };
    let (reader, mut writer) = stream.into_split();
    let to_backend = async move {
        while let Some(bytes) = from_client.recv().await {
            if writer.write_all(&bytes).await.is_err() {
                break;
            }
        }
        let _ = writer.shutdown().await;
    };
    let from_backend = relay_from_backend(reader, data_channel, fault, out.clone());
    tokio::pin!(to_backend, from_backend);
    let mut to_backend_done = false;
    loop {
        tokio::select! {
            aborted = &mut from_backend => {
                if !aborted {
                    let _ = out.send(Outgoing::PortDone).await;
                }
                return;
            }
            _ = &mut to_backend, if !to_backend_done => to_backend_done = true,
        }
    }
}

/// Copies the backend's bytes to the data channel, applying the slow-start and mid-body-drop
/// faults. Returns true when it aborted the connection.
async fn relay_from_backend(
    mut reader: tokio::net::tcp::OwnedReadHalf,
    data_channel: u8,
    fault: Option<PortForwardFault>,
    out: mpsc::Sender<Outgoing>,
) -> bool {
    let mut buf = vec![0u8; 32 * 1024];
    let mut first = true;
    let mut cut = match fault {
        Some(PortForwardFault::DropAfterBodyBytes(n)) => Some(BodyCut::new(n)),
        _ => None,
    };
    loop {
        let n = match reader.read(&mut buf).await {
            Ok(0) | Err(_) => return false,
            Ok(n) => n,
        };
        if first {
            first = false;
            if let Some(PortForwardFault::SlowFirstByte(delay)) = fault {
                tokio::time::sleep(delay).await;
            }
        }
        let keep = cut.as_mut().and_then(|c| c.bytes_before_cut(&buf[..n]));
        let send = keep.unwrap_or(n);
        if send > 0 {
            let mut frame = Vec::with_capacity(send + 1);
            frame.push(data_channel);
            frame.extend_from_slice(&buf[..send]);
            if out.send(Outgoing::Frame(frame)).await.is_err() {
                return false;
            }
        }
        if keep.is_some() {
            let _ = out.send(Outgoing::Abort).await;
            return true;
        }
    }
}

/// Finds where to cut an HTTP response stream: after its headers and `limit` body bytes.
struct BodyCut {
    limit: usize,
    in_body: bool,
    /// The last bytes of the headers seen so far, to find a `\r\n\r\n` split across reads.
    tail: Vec<u8>,
}

impl BodyCut {
    fn new(limit: usize) -> Self {
        Self {
            limit,
            in_body: false,
            tail: Vec::new(),
        }
    }

    /// How many bytes of `chunk` to pass before cutting, or None to pass all of it.
    fn bytes_before_cut(&mut self, chunk: &[u8]) -> Option<usize> {
        let mut body_start = 0;
        if !self.in_body {
            let mut seen = std::mem::take(&mut self.tail);
            let carried = seen.len();
            seen.extend_from_slice(chunk);
            match seen.windows(4).position(|w| w == b"\r\n\r\n") {
                Some(at) => {
                    self.in_body = true;
                    body_start = at + 4 - carried;
                }
                None => {
                    self.tail = seen[seen.len().saturating_sub(3)..].to_vec();
                    return None;
                }
            }
        }
        let body = chunk.len() - body_start;
        if body >= self.limit {
            Some(body_start + self.limit)
        } else {
            self.limit -= body;
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_from_query() {
        assert_eq!(requested_ports("&ports=80%2C1234").unwrap(), vec![80, 1234]);
        assert_eq!(
            requested_ports("ports=15000&ports=15021").unwrap(),
            vec![15000, 15021]
        );
        assert!(requested_ports("").is_err());
        assert!(requested_ports("ports=0").is_err());
        assert!(requested_ports("ports=http").is_err());
        assert!(requested_ports("ports=70000").is_err());
    }

    #[test]
    fn body_cut_counts_only_body_bytes() {
        let mut cut = BodyCut::new(5);
        assert_eq!(
            cut.bytes_before_cut(b"HTTP/1.1 200 OK\r\nContent-Length: 20\r"),
            None
        );
        assert_eq!(cut.bytes_before_cut(b"\n\r\nabc"), None);
        assert_eq!(cut.bytes_before_cut(b"defgh"), Some(2));

        let mut at_once = BodyCut::new(3);
        let response = b"HTTP/1.1 200 OK\r\n\r\n0123456789";
        assert_eq!(
            at_once.bytes_before_cut(response),
            Some(response.len() - 10 + 3)
        );

        let mut headers_only = BodyCut::new(0);
        assert_eq!(
            headers_only.bytes_before_cut(b"HTTP/1.1 200 OK\r\n\r\nbody"),
            Some(19)
        );
    }

    #[test]
    fn refused_text_reads_like_containerd() {
        let errors = KubeletErrors::for_pod("0b4f-uid");
        let text = errors.connection_refused(15000);
        assert!(text.starts_with("error forwarding port 15000 to pod "));
        assert!(text.contains(
            ", uid : failed to execute portforward in network namespace \"/var/run/netns/cni-"
        ));
        assert!(text.ends_with("dial tcp6 [::1]:15000: connect: connection refused "));
        assert_eq!(errors.sandbox_id.len(), 64);
        assert_ne!(
            errors.sandbox_id,
            KubeletErrors::for_pod("other").sandbox_id
        );
    }
}
