//! Port-forward through the test API server with the kube crate's own client
//! (`Api::<Pod>::portforward`), to plain TCP backends, a real Envoy, and every injected fault.

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::Api;
use kube::config::{KubeConfigOptions, Kubeconfig};
use serde_json::json;
use testkit::apiserver::{ApiServer, ApiServerBuilder, Denial, PortForwardFault};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

const ADMIN_PORT: u16 = 15000;

fn running_pod(name: &str) -> serde_json::Value {
    json!({
        "metadata": {"name": name, "namespace": "default", "labels": {"app": "web"}},
        "spec": {"nodeName": "node-1", "containers": [{"name": "app", "image": "app:1"}]},
        "status": {"phase": "Running"}
    })
}

fn server_with_pod() -> ApiServerBuilder {
    ApiServer::builder().pod(running_pod("web-1"))
}

async fn client_for(srv: &ApiServer, dir: &Path) -> kube::Client {
    let path = dir.join("kubeconfig");
    srv.write_kubeconfig(&path, "test", "default")
        .expect("write kubeconfig");
    let kubeconfig = Kubeconfig::read_from(&path).expect("read kubeconfig");
    let config = kube::Config::from_custom_kubeconfig(kubeconfig, &KubeConfigOptions::default())
        .await
        .expect("kube config");
    kube::Client::try_from(config).expect("kube client")
}

async fn pod_api(srv: &ApiServer) -> (Api<Pod>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = client_for(srv, dir.path()).await;
    (Api::namespaced(client, "default"), dir)
}

/// An HTTP/1.1 backend answering every request (keep-alive) with `200` and a body naming the
/// path it was asked for, padded to `body_len` bytes; serves until the test ends.
async fn http_backend(body_len: usize) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind backend");
    let addr = listener.local_addr().expect("backend addr");
    tokio::spawn(async move {
        while let Ok((mut conn, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut pending = Vec::new();
                let mut buf = [0u8; 1024];
                loop {
                    let end = loop {
                        if let Some(i) = pending.windows(4).position(|w| w == b"\r\n\r\n") {
                            break i + 4;
                        }
                        match conn.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => pending.extend_from_slice(&buf[..n]),
                        }
                    };
                    let request: Vec<u8> = pending.drain(..end).collect();
                    let text = String::from_utf8_lossy(&request);
                    let path = text.split_whitespace().nth(1).unwrap_or("?").to_string();
                    let mut body = format!("you asked for {path}").into_bytes();
                    body.resize(body_len.max(body.len()), b'.');
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
                        body.len()
                    );
                    if conn.write_all(head.as_bytes()).await.is_err()
                        || conn.write_all(&body).await.is_err()
                    {
                        return;
                    }
                }
            });
        }
    });
    addr
}

/// A port on 127.0.0.1 where nothing listens.
fn closed_port() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr")
}

struct HttpReply {
    status_line: String,
    body: Vec<u8>,
    /// Content-Length, when the response has one.
    content_length: Option<usize>,
}

/// Sends `GET path` over the stream and reads one response: headers, then a Content-Length or
/// chunked body, stopping early if the stream ends.
async fn http_get<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, path: &str) -> HttpReply {
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .await
        .expect("send request");
    let mut reader = Reader {
        stream,
        buffered: Vec::new(),
    };
    let Some(head) = reader.until(b"\r\n\r\n").await else {
        return HttpReply {
            status_line: String::new(),
            body: reader.buffered,
            content_length: None,
        };
    };
    let head = String::from_utf8_lossy(&head).to_string();
    let header = |name: &str| {
        head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    };
    let content_length = header("content-length").and_then(|v| v.parse().ok());
    let mut body = Vec::new();
    if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        while let Some(size_line) = reader.until(b"\r\n").await {
            let size_text = String::from_utf8_lossy(&size_line);
            let size = usize::from_str_radix(size_text.trim().split(';').next().unwrap_or(""), 16)
                .expect("chunk size");
            let Some(chunk) = reader.exactly(size + 2).await else {
                break;
            };
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else {
        let want = content_length.unwrap_or(0);
        body = match reader.exactly(want).await {
            Some(all) => all,
            None => std::mem::take(&mut reader.buffered),
        };
    }
    HttpReply {
        status_line: head.lines().next().unwrap_or("").to_string(),
        body,
        content_length,
    }
}

struct Reader<'a, S> {
    stream: &'a mut S,
    buffered: Vec<u8>,
}

impl<S: AsyncRead + Unpin> Reader<'_, S> {
    async fn fill(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        match self.stream.read(&mut buf).await {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.buffered.extend_from_slice(&buf[..n]);
                true
            }
        }
    }

    /// Bytes up to and including `delimiter`.
    async fn until(&mut self, delimiter: &[u8]) -> Option<Vec<u8>> {
        loop {
            if let Some(i) = self
                .buffered
                .windows(delimiter.len())
                .position(|w| w == delimiter)
            {
                return Some(self.buffered.drain(..i + delimiter.len()).collect());
            }
            if !self.fill().await {
                return None;
            }
        }
    }

    async fn exactly(&mut self, n: usize) -> Option<Vec<u8>> {
        while self.buffered.len() < n {
            if !self.fill().await {
                return None;
            }
        }
        Some(self.buffered.drain(..n).collect())
    }
}

fn api_error(result: Result<kube::api::Portforwarder, kube::Error>) -> kube::core::Status {
    match result {
        Err(kube::Error::Api(status)) => *status,
        Err(other) => panic!("expected an API Status error, got {other:?}"),
        Ok(_) => panic!("expected the port-forward to be refused"),
    }
}

#[tokio::test]
async fn kube_portforward_reaches_http_backend() {
    let backend = http_backend(0).await;
    let srv = server_with_pod()
        .portforward_backend("default", "web-1", ADMIN_PORT, backend)
        .start();
    let (pods, _dir) = pod_api(&srv).await;
    let mut pf = pods
        .portforward("web-1", &[ADMIN_PORT])
        .await
        .expect("portforward");
    let mut stream = pf.take_stream(ADMIN_PORT).expect("stream");
    let reply = http_get(&mut stream, "/server_info").await;
    assert_eq!(reply.status_line, "HTTP/1.1 200 OK");
    assert_eq!(reply.body, b"you asked for /server_info");
    // The backend keeps the connection open: a second request on the same stream works too.
    let again = http_get(&mut stream, "/ready").await;
    assert_eq!(again.body, b"you asked for /ready");
    drop(stream);
    let error = pf.take_error(ADMIN_PORT).expect("error future");
    pf.join().await.expect("port-forward ends cleanly");
    assert_eq!(error.await, None, "no error text when the forward worked");

    let upgrade = srv
        .requests()
        .into_iter()
        .find(|r| r.path.ends_with("/portforward"))
        .expect("recorded upgrade");
    assert_eq!(upgrade.method, "GET");
    assert_eq!(upgrade.status, 101);
    assert_eq!(
        upgrade.path,
        "/api/v1/namespaces/default/pods/web-1/portforward"
    );
}

#[tokio::test]
async fn two_ports_in_one_forward_use_their_own_channels() {
    let admin = http_backend(0).await;
    let health = http_backend(3000).await;
    let srv = server_with_pod()
        .portforward_backend("default", "web-1", ADMIN_PORT, admin)
        .portforward_backend("default", "web-1", 15021, health)
        .start();
    let (pods, _dir) = pod_api(&srv).await;
    let mut pf = pods
        .portforward("web-1", &[ADMIN_PORT, 15021])
        .await
        .expect("portforward");
    let mut first = pf.take_stream(ADMIN_PORT).expect("stream 15000");
    let mut second = pf.take_stream(15021).expect("stream 15021");
    let (a, b) = tokio::join!(
        http_get(&mut first, "/a"),
        http_get(&mut second, "/healthz/ready")
    );
    assert_eq!(a.body, b"you asked for /a");
    assert_eq!(b.body.len(), 3000);
    assert!(b.body.starts_with(b"you asked for /healthz/ready"));
}

async fn expect_refused_text(srv: &ApiServer) {
    let (pods, _dir) = pod_api(srv).await;
    let mut pf = pods
        .portforward("web-1", &[ADMIN_PORT])
        .await
        .expect("upgrade succeeds");
    let mut stream = pf.take_stream(ADMIN_PORT).expect("stream");
    let error = pf.take_error(ADMIN_PORT).expect("error future");
    let text = tokio::time::timeout(Duration::from_secs(10), error)
        .await
        .expect("error text arrives")
        .expect("an error text");
    assert!(
        text.starts_with("error forwarding port 15000 to pod ")
            && text.contains(", uid : failed to execute portforward in network namespace \"/var/run/netns/cni-")
            && text.contains("failed to connect to localhost:15000 inside namespace ")
            && text.contains("IPv4: dial tcp4 127.0.0.1:15000: connect: connection refused IPv6 dial tcp6 [::1]:15000: connect: connection refused"),
        "unexpected error text: {text}"
    );
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest).await;
    assert!(rest.is_empty(), "no data after a refused connect");
}

#[tokio::test]
async fn no_backend_reports_connection_refused_on_error_channel() {
    let srv = server_with_pod().start();
    expect_refused_text(&srv).await;
}

#[tokio::test]
async fn closed_backend_port_reports_connection_refused() {
    let srv = server_with_pod()
        .portforward_backend("default", "web-1", ADMIN_PORT, closed_port())
        .start();
    expect_refused_text(&srv).await;
}

#[tokio::test]
async fn refused_fault_overrides_a_working_backend() {
    let backend = http_backend(0).await;
    let srv = server_with_pod()
        .portforward_backend("default", "web-1", ADMIN_PORT, backend)
        .portforward_fault("default", "web-1", PortForwardFault::Refused)
        .start();
    expect_refused_text(&srv).await;
    // Cleared at run time, the same pod forwards again.
    srv.set_portforward_fault("default", "web-1", None);
    let (pods, _dir) = pod_api(&srv).await;
    let mut pf = pods
        .portforward("web-1", &[ADMIN_PORT])
        .await
        .expect("portforward");
    let mut stream = pf.take_stream(ADMIN_PORT).expect("stream");
    assert_eq!(http_get(&mut stream, "/x").await.body, b"you asked for /x");
}

#[tokio::test]
async fn forbidden_fault_refuses_the_upgrade_like_rbac() {
    let srv = server_with_pod()
        .portforward_fault("default", "web-1", PortForwardFault::Forbidden)
        .start();
    let (pods, _dir) = pod_api(&srv).await;
    let status = api_error(pods.portforward("web-1", &[ADMIN_PORT]).await);
    assert_eq!(status.code, 403);
    assert_eq!(status.reason, "Forbidden");
    assert_eq!(
        status.message,
        "pods \"web-1\" is forbidden: User \"system:anonymous\" cannot get resource \"pods/portforward\" in API group \"\" in the namespace \"default\""
    );
}

#[tokio::test]
async fn rbac_denial_names_the_user_and_the_verb_of_the_server_version() {
    let user = "system:serviceaccount:default:meshctl";
    for (version, verb) in [("v1.33.1", "get"), ("v1.35.0", "create")] {
        let srv = server_with_pod()
            .token("t0ken", user)
            .version(version)
            .deny(
                Denial::new(verb, "pods/portforward")
                    .namespace("default")
                    .user(user),
            )
            .start();
        let (pods, _dir) = pod_api(&srv).await;
        let status = api_error(pods.portforward("web-1", &[ADMIN_PORT]).await);
        assert_eq!(status.code, 403, "{version}");
        assert_eq!(
            status.message,
            format!("pods \"web-1\" is forbidden: User \"{user}\" cannot {verb} resource \"pods/portforward\" in API group \"\" in the namespace \"default\""),
        );
        // Denying plain `pods` does not cover the subresource, as in RBAC.
        let srv = server_with_pod().deny(Denial::new("*", "pods")).start();
        let (pods, _dir) = pod_api(&srv).await;
        assert!(pods.portforward("web-1", &[ADMIN_PORT]).await.is_ok());
    }
}

#[tokio::test]
async fn unknown_pod_and_unscheduled_pod_are_refused_before_upgrade() {
    let mut pending = running_pod("pending-1");
    pending["spec"]
        .as_object_mut()
        .expect("spec")
        .remove("nodeName");
    pending["status"]["phase"] = json!("Pending");
    let srv = server_with_pod().pod(pending).start();
    let (pods, _dir) = pod_api(&srv).await;
    let status = api_error(pods.portforward("nope", &[ADMIN_PORT]).await);
    assert_eq!((status.code, status.reason.as_str()), (404, "NotFound"));
    assert_eq!(status.message, "pods \"nope\" not found");
    let status = api_error(pods.portforward("pending-1", &[ADMIN_PORT]).await);
    assert_eq!((status.code, status.reason.as_str()), (400, "BadRequest"));
    assert_eq!(
        status.message,
        "pod pending-1 does not have a host assigned"
    );
}

#[tokio::test]
async fn drop_after_body_bytes_cuts_the_response_mid_body() {
    let backend = http_backend(5000).await;
    let srv = server_with_pod()
        .portforward_backend("default", "web-1", ADMIN_PORT, backend)
        .portforward_fault(
            "default",
            "web-1",
            PortForwardFault::DropAfterBodyBytes(100),
        )
        .start();
    let (pods, _dir) = pod_api(&srv).await;
    let mut pf = pods
        .portforward("web-1", &[ADMIN_PORT])
        .await
        .expect("portforward");
    let mut stream = pf.take_stream(ADMIN_PORT).expect("stream");
    let reply = tokio::time::timeout(
        Duration::from_secs(10),
        http_get(&mut stream, "/config_dump"),
    )
    .await
    .expect("the stream ends instead of hanging");
    // What kube hands over depends on how far its reader got before the socket failed; the
    // body is never complete. The exact cut is checked on the raw WebSocket below.
    assert_eq!(reply.content_length.or(Some(5000)), Some(5000));
    assert!(reply.body.len() <= 100, "{} body bytes", reply.body.len());
    // The connection was dropped, not closed with an error text.
    let error = pf.take_error(ADMIN_PORT).expect("error future");
    assert_eq!(
        tokio::time::timeout(Duration::from_secs(5), error)
            .await
            .ok()
            .flatten(),
        None
    );

    let (mut ws, _) = raw_upgrade(&srv, Some("v4.channel.k8s.io"))
        .await
        .expect("upgrade");
    let mut request = vec![0u8];
    request.extend_from_slice(b"GET /config_dump HTTP/1.1\r\nHost: x\r\n\r\n");
    ws.send(Message::binary(request)).await.expect("send");
    let mut data = Vec::new();
    // The first two frames open the data and error channels with the port number.
    let mut opening_frames = 2;
    let ending = loop {
        match tokio::time::timeout(Duration::from_secs(10), ws.next())
            .await
            .expect("no hang")
        {
            Some(Ok(Message::Binary(_))) if opening_frames > 0 => opening_frames -= 1,
            Some(Ok(Message::Binary(frame))) => {
                assert_eq!(frame[0], 0, "data channel");
                data.extend_from_slice(&frame[1..]);
            }
            other => break other,
        }
    };
    let text = String::from_utf8_lossy(&data);
    let (head, body) = text.split_once("\r\n\r\n").expect("headers arrive whole");
    assert!(
        head.starts_with("HTTP/1.1 200 OK") && head.contains("Content-Length: 5000"),
        "{head}"
    );
    assert_eq!(body.len(), 100);
    assert!(
        !matches!(ending, Some(Ok(Message::Close(_)))),
        "a drop sends no close frame, got {ending:?}"
    );
}

#[tokio::test]
async fn slow_backend_delays_the_first_byte() {
    let backend = http_backend(0).await;
    let delay = Duration::from_millis(800);
    let srv = server_with_pod()
        .portforward_backend("default", "web-1", ADMIN_PORT, backend)
        .portforward_fault("default", "web-1", PortForwardFault::SlowFirstByte(delay))
        .start();
    let (pods, _dir) = pod_api(&srv).await;
    let mut pf = pods
        .portforward("web-1", &[ADMIN_PORT])
        .await
        .expect("portforward");
    let mut stream = pf.take_stream(ADMIN_PORT).expect("stream");
    let started = Instant::now();
    let reply = http_get(&mut stream, "/stats").await;
    assert!(
        started.elapsed() >= delay,
        "answered after {:?}",
        started.elapsed()
    );
    assert_eq!(reply.body, b"you asked for /stats");
}

#[tokio::test]
async fn hang_fault_never_answers() {
    let backend = http_backend(0).await;
    let srv = server_with_pod()
        .portforward_backend("default", "web-1", ADMIN_PORT, backend)
        .portforward_fault("default", "web-1", PortForwardFault::Hang)
        .start();
    let (pods, _dir) = pod_api(&srv).await;
    let mut pf = pods
        .portforward("web-1", &[ADMIN_PORT])
        .await
        .expect("upgrade succeeds");
    let mut stream = pf.take_stream(ADMIN_PORT).expect("stream");
    let waited =
        tokio::time::timeout(Duration::from_millis(1500), http_get(&mut stream, "/x")).await;
    assert!(waited.is_err(), "a hung forward must not answer");
    pf.abort();
}

#[tokio::test]
async fn https_kubeconfig_with_ca_data_and_token() {
    let backend = http_backend(0).await;
    let srv = server_with_pod()
        .https()
        .token("s3cret", "system:serviceaccount:mesh:reader")
        .portforward_backend("default", "web-1", ADMIN_PORT, backend)
        .start();
    assert!(srv.url().starts_with("https://127.0.0.1:"));
    let dir = tempfile::tempdir().expect("tempdir");
    let kubeconfig = srv.kubeconfig_yaml("tls", "default");
    assert!(kubeconfig.contains("certificate-authority-data:"));
    assert!(kubeconfig.contains("token: s3cret"));
    let pods: Api<Pod> = Api::namespaced(client_for(&srv, dir.path()).await, "default");
    let pod = pods.get("web-1").await.expect("GET over TLS");
    assert_eq!(pod.metadata.name.as_deref(), Some("web-1"));
    let mut pf = pods
        .portforward("web-1", &[ADMIN_PORT])
        .await
        .expect("portforward over TLS");
    let mut stream = pf.take_stream(ADMIN_PORT).expect("stream");
    assert_eq!(
        http_get(&mut stream, "/tls").await.body,
        b"you asked for /tls"
    );
    assert!(srv
        .requests()
        .iter()
        .all(|r| r.user.as_deref() == Some("system:serviceaccount:mesh:reader")));
}

/// Opens the port-forward WebSocket by hand, offering `protocols`.
async fn raw_upgrade(
    srv: &ApiServer,
    protocols: Option<&str>,
) -> Result<
    (
        tokio_tungstenite::WebSocketStream<
            tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
        >,
        Option<String>,
    ),
    tokio_tungstenite::tungstenite::Error,
> {
    let url = format!(
        "ws://{}/api/v1/namespaces/default/pods/web-1/portforward?ports=15000",
        srv.addr()
    );
    let mut request = url.into_client_request().expect("request");
    if let Some(protocols) = protocols {
        request
            .headers_mut()
            .insert("Sec-WebSocket-Protocol", protocols.parse().expect("header"));
    }
    let (ws, response) = tokio_tungstenite::connect_async(request).await?;
    let chosen = response
        .headers()
        .get("Sec-WebSocket-Protocol")
        .map(|v| v.to_str().unwrap_or("").to_string());
    Ok((ws, chosen))
}

#[tokio::test]
async fn subprotocol_negotiation_and_channel_framing() {
    let backend = http_backend(0).await;
    let srv = server_with_pod()
        .portforward_backend("default", "web-1", ADMIN_PORT, backend)
        .start();

    // kube offers v5 first; the kubelet's port-forward only speaks v4 and picks it.
    let (mut ws, chosen) = raw_upgrade(&srv, Some("v5.channel.k8s.io, v4.channel.k8s.io"))
        .await
        .expect("upgrade");
    assert_eq!(chosen.as_deref(), Some("v4.channel.k8s.io"));
    let port = ADMIN_PORT.to_le_bytes();
    for channel in [0u8, 1] {
        match ws.next().await {
            Some(Ok(Message::Binary(frame))) => {
                assert_eq!(
                    frame.as_ref(),
                    [channel, port[0], port[1]],
                    "opening frame of channel {channel}"
                )
            }
            other => panic!("expected the port frame on channel {channel}, got {other:?}"),
        }
    }
    let mut request = vec![0u8];
    request.extend_from_slice(b"GET /raw HTTP/1.1\r\nHost: x\r\n\r\n");
    ws.send(Message::binary(request)).await.expect("send");
    let mut data = Vec::new();
    while !data.ends_with(b"you asked for /raw") {
        match tokio::time::timeout(Duration::from_secs(5), ws.next()).await {
            Ok(Some(Ok(Message::Binary(frame)))) => {
                assert_eq!(frame[0], 0, "response bytes arrive on the data channel");
                data.extend_from_slice(&frame[1..]);
            }
            other => panic!(
                "unexpected {other:?} after {:?}",
                String::from_utf8_lossy(&data)
            ),
        }
    }

    // No subprotocol offered: the binary channel protocol, no Sec-WebSocket-Protocol answered.
    let (_ws, chosen) = raw_upgrade(&srv, None)
        .await
        .expect("upgrade without subprotocol");
    assert_eq!(chosen, None);

    // Only unsupported subprotocols: the kubelet's handshake answers a bare 403.
    match raw_upgrade(
        &srv,
        Some("v4.base64.channel.k8s.io, SPDY/3.1+portforward.k8s.io"),
    )
    .await
    {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 403)
        }
        Err(other) => panic!("expected HTTP 403, got {other:?}"),
        Ok(_) => panic!("expected the handshake to be refused"),
    }
}

#[tokio::test]
async fn real_envoy_server_info_through_kube_portforward() {
    let envoy = testkit::envoy::Envoy::start("web-frontend");
    let srv = server_with_pod()
        .portforward_backend("default", "web-1", ADMIN_PORT, envoy.admin_addr())
        .start();
    let (pods, _dir) = pod_api(&srv).await;
    let mut pf = pods
        .portforward("web-1", &[ADMIN_PORT])
        .await
        .expect("portforward");
    let mut stream = pf.take_stream(ADMIN_PORT).expect("stream");
    let reply = http_get(&mut stream, "/server_info").await;
    assert_eq!(reply.status_line, "HTTP/1.1 200 OK");
    let info: serde_json::Value = serde_json::from_slice(&reply.body).expect("server_info is JSON");
    assert_eq!(info["state"], "LIVE", "{info}");
    assert!(
        info["version"]
            .as_str()
            .is_some_and(|v| v.contains("1.40.0")),
        "{}",
        info["version"]
    );
    // Keep-alive: a second admin request on the same forwarded stream.
    let ready = http_get(&mut stream, "/ready").await;
    assert_eq!(String::from_utf8_lossy(&ready.body).trim(), "LIVE");
}
