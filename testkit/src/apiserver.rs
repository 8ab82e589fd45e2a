//! A Kubernetes API server for tests, in the spirit of cargo's test-support registry: started
//! in-process by a test, speaking the real wire protocol on 127.0.0.1, torn down on drop.
//!
//! It serves discovery (`/version`, `/api`, `/apis`, group versions), GET and LIST of pods,
//! services, replicationcontrollers, configmaps, deployments, replicasets, statefulsets,
//! daemonsets, jobs and Gateway API gateways (v1 and v1beta1; label selectors in their full syntax, field selectors, server-side
//! `Table` printing for `kubectl get`), `Status` errors worded as a real server words them (404,
//! 403 from configured RBAC denials, 401 with token auth), and `pods/{name}/portforward` over
//! WebSocket (`v4.channel.k8s.io`) to configured backends, with injectable faults.
//!
//! ```no_run
//! use serde_json::json;
//! use testkit::apiserver::{ApiServer, Denial, PortForwardFault};
//!
//! let srv = ApiServer::builder()
//!     .pod(json!({"metadata": {"name": "web-1", "labels": {"app": "web"}},
//!                 "spec": {"nodeName": "node-1", "containers": [{"name": "app"}]},
//!                 "status": {"phase": "Running"}}))
//!     .portforward_backend("default", "web-1", 15000, "127.0.0.1:9901".parse().unwrap())
//!     .deny(Denial::new("list", "pods").namespace("kube-system"))
//!     .start();
//! let dir = tempfile::tempdir().unwrap();
//! srv.write_kubeconfig(dir.path().join("config"), "test", "default").unwrap();
//! srv.set_portforward_fault("default", "web-1", Some(PortForwardFault::Refused));
//! ```
//!
//! Read-only: writes answer 405. Port-forward needs the pod to have `spec.nodeName`, as a real
//! API server refuses to forward to an unscheduled pod.

mod http;
mod portforward;
mod selector;
mod store;
mod table;
mod time;
mod tls;

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use base64::Engine;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use tokio::sync::oneshot;

use self::http::Attributes;
use self::store::{Kind, Store};

/// The Kubernetes version reported by `/version` unless the builder says otherwise: the one
/// the workspace's k8s-openapi is built for.
pub const DEFAULT_VERSION: &str = "v1.33.1";

/// An RFC 3339 timestamp (whole seconds, UTC) `ago` before now, as the API server writes
/// `creationTimestamp` and container state times; for objects whose AGE a test checks.
pub fn timestamp_ago(ago: Duration) -> String {
    time::format_rfc3339(std::time::SystemTime::now() - ago)
}

/// A fault injected into a pod's port-forwards (all its ports).
#[derive(Debug, Clone, PartialEq)]
pub enum PortForwardFault {
    /// Nothing listens on the port: the kubelet's "connection refused" text on the error
    /// channel, then the connection closes (also what happens when no backend is configured).
    Refused,
    /// RBAC refuses the upgrade: 403 `pods "x" is forbidden: ... resource "pods/portforward"`.
    Forbidden,
    /// The connection drops (no WebSocket close) after the backend's response headers and this
    /// many bytes of its body.
    DropAfterBodyBytes(usize),
    /// The backend's first byte is held back this long.
    SlowFirstByte(Duration),
    /// The upgrade succeeds, then nothing more ever arrives.
    Hang,
}

/// An RBAC refusal: requests matching every given field get 403.
///
/// `resource` is a plural resource, optionally with a subresource (`pods/portforward`); `*`
/// matches any verb or resource. Like RBAC, `pods` does not cover `pods/portforward`.
/// Note the verb a WebSocket port-forward (a GET) is authorized as: `get` before Kubernetes 1.35
/// (see [`ApiServerBuilder::version`]), `create` from 1.35 and for POST.
#[derive(Debug, Clone)]
pub struct Denial {
    verb: String,
    resource: String,
    subresource: Option<String>,
    namespace: Option<String>,
    name: Option<String>,
    user: Option<String>,
}

impl Denial {
    pub fn new(verb: &str, resource: &str) -> Self {
        let (resource, subresource) = match resource.split_once('/') {
            Some((r, s)) => (r.to_string(), Some(s.to_string())),
            None => (resource.to_string(), None),
        };
        Self {
            verb: verb.to_string(),
            resource,
            subresource,
            namespace: None,
            name: None,
            user: None,
        }
    }

    /// Only in this namespace (default: every namespace and cluster-wide requests).
    pub fn namespace(mut self, namespace: &str) -> Self {
        self.namespace = Some(namespace.to_string());
        self
    }

    /// Only for this object name.
    pub fn name(mut self, name: &str) -> Self {
        self.name = Some(name.to_string());
        self
    }

    /// Only for this user (default: everyone).
    pub fn user(mut self, user: &str) -> Self {
        self.user = Some(user.to_string());
        self
    }

    fn matches(&self, user: &str, a: &Attributes) -> bool {
        (self.verb == "*" || self.verb == a.verb)
            && (self.resource == "*"
                || (self.resource == a.kind.resource
                    && self.subresource.as_deref() == a.subresource))
            && self
                .namespace
                .as_deref()
                .is_none_or(|ns| a.namespace == Some(ns))
            && self.name.as_deref().is_none_or(|n| a.name == Some(n))
            && self.user.as_deref().is_none_or(|u| u == user)
    }
}

/// An extra kubeconfig context written by [`ApiServer::write_kubeconfig`], pointing at the same
/// server, with its own user (bearer token) and namespace.
#[derive(Debug, Clone)]
pub struct KubeContext {
    name: String,
    namespace: Option<String>,
    token: Option<String>,
}

impl KubeContext {
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_string(),
            namespace: None,
            token: None,
        }
    }

    pub fn namespace(mut self, namespace: &str) -> Self {
        self.namespace = Some(namespace.to_string());
        self
    }

    pub fn token(mut self, token: &str) -> Self {
        self.token = Some(token.to_string());
        self
    }
}

/// One request the server answered.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// The raw query string.
    pub query: String,
    /// The authenticated user; None when authentication failed.
    pub user: Option<String>,
    pub accept: Option<String>,
    /// The `Upgrade` header (`websocket`, `SPDY/3.1`), if any.
    pub upgrade: Option<String>,
    /// The WebSocket subprotocols offered, in the client's order.
    pub subprotocols: Vec<String>,
    /// The `Impersonate-User` header: whom the client asked to act as.
    pub impersonate_user: Option<String>,
    /// Every `Impersonate-Group` header, in order.
    pub impersonate_groups: Vec<String>,
    /// The `Impersonate-Uid` header.
    pub impersonate_uid: Option<String>,
    pub status: u16,
}

pub(crate) struct Config {
    /// (token, user): when non-empty, every request needs one of these bearer tokens.
    tokens: Vec<(String, String)>,
    default_user: String,
    denials: Vec<Denial>,
    backends: HashMap<(String, String, u16), SocketAddr>,
    faults: HashMap<(String, String), PortForwardFault>,
    git_version: String,
    log_requests: bool,
    /// Group versions not served (`gateway.networking.k8s.io/v1`).
    unserved: Vec<String>,
}

impl Config {
    /// Whether `group`/`version` is served (the core group always is).
    pub(crate) fn serves(&self, group: &str, version: &str) -> bool {
        group.is_empty() || !self.unserved.contains(&format!("{group}/{version}"))
    }

    fn version_numbers(&self) -> (u32, u32) {
        let mut parts = self
            .git_version
            .trim_start_matches('v')
            .split(['.', '-', '+'])
            .map(|p| p.parse::<u32>().unwrap_or(0));
        (parts.next().unwrap_or(1), parts.next().unwrap_or(0))
    }

    /// From 1.35 the API server authorizes WebSocket upgrades of exec/attach/portforward as
    /// `create`, as it always did for SPDY's POST.
    fn upgrade_needs_create(&self) -> bool {
        self.version_numbers() >= (1, 35)
    }

    fn denies(&self, user: &str, attributes: &Attributes) -> bool {
        self.denials.iter().any(|d| d.matches(user, attributes))
    }
}

pub(crate) struct State {
    addr: SocketAddr,
    store: Mutex<Store>,
    config: Mutex<Config>,
    requests: Mutex<Vec<RecordedRequest>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking test thread must not wedge the server for the others.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl State {
    fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.store)
    }

    fn config(&self) -> MutexGuard<'_, Config> {
        lock(&self.config)
    }
}

/// Configures and starts an [`ApiServer`].
pub struct ApiServerBuilder {
    store: Store,
    https: bool,
    config: Config,
    contexts: Vec<KubeContext>,
}

impl ApiServerBuilder {
    /// Adds any supported object; `kind` is required, `apiVersion` is filled from it. Missing
    /// `metadata.namespace` (`default`), `uid`, `resourceVersion` and `creationTimestamp` are
    /// filled. Panics on an unsupported or malformed object (see [`ApiServer::add`]).
    // `add` reads naturally in a builder chain; it is not arithmetic.
    #[allow(clippy::should_implement_trait)]
    pub fn add(self, object: Value) -> Self {
        self.try_add(object)
            .unwrap_or_else(|e| panic!("test API server: {e}"))
    }

    /// [`ApiServerBuilder::add`] that reports a bad object instead of panicking.
    pub fn try_add(mut self, object: Value) -> Result<Self, String> {
        self.store.insert(object)?;
        Ok(self)
    }

    fn typed(self, kind: &str, mut object: Value) -> Self {
        if let Some(fields) = object.as_object_mut() {
            fields.entry("kind").or_insert_with(|| json!(kind));
        }
        self.add(object)
    }

    pub fn pod(self, object: Value) -> Self {
        self.typed("Pod", object)
    }

    pub fn service(self, object: Value) -> Self {
        self.typed("Service", object)
    }

    pub fn deployment(self, object: Value) -> Self {
        self.typed("Deployment", object)
    }

    pub fn replicaset(self, object: Value) -> Self {
        self.typed("ReplicaSet", object)
    }

    pub fn statefulset(self, object: Value) -> Self {
        self.typed("StatefulSet", object)
    }

    pub fn daemonset(self, object: Value) -> Self {
        self.typed("DaemonSet", object)
    }

    pub fn job(self, object: Value) -> Self {
        self.typed("Job", object)
    }

    /// A core `v1` ReplicationController: its `spec.selector` is a plain label map.
    pub fn replication_controller(self, object: Value) -> Self {
        self.typed("ReplicationController", object)
    }

    pub fn gateway(self, object: Value) -> Self {
        self.typed("Gateway", object)
    }

    pub fn config_map(self, object: Value) -> Self {
        self.typed("ConfigMap", object)
    }

    /// Serve HTTPS with a certificate for 127.0.0.1 made at start; [`ApiServer::ca_pem`] and
    /// the kubeconfig's `certificate-authority-data` carry its CA.
    pub fn https(mut self) -> Self {
        self.https = true;
        self
    }

    /// Accept this bearer token as `user`. Once any token is configured, requests without a
    /// known token get 401. The first token is the one the main kubeconfig context uses.
    /// kubectl (client-go) sends tokens only over TLS: combine with [`ApiServerBuilder::https`].
    pub fn token(mut self, token: &str, user: &str) -> Self {
        self.config
            .tokens
            .push((token.to_string(), user.to_string()));
        self
    }

    /// The user requests act as when no tokens are configured (default `system:anonymous`).
    pub fn default_user(mut self, user: &str) -> Self {
        self.config.default_user = user.to_string();
        self
    }

    pub fn deny(mut self, denial: Denial) -> Self {
        self.config.denials.push(denial);
        self
    }

    /// Where port-forwards to `port` of the pod connect.
    pub fn portforward_backend(
        mut self,
        namespace: &str,
        pod: &str,
        port: u16,
        addr: SocketAddr,
    ) -> Self {
        self.config
            .backends
            .insert((namespace.to_string(), pod.to_string(), port), addr);
        self
    }

    pub fn portforward_fault(
        mut self,
        namespace: &str,
        pod: &str,
        fault: PortForwardFault,
    ) -> Self {
        self.config
            .faults
            .insert((namespace.to_string(), pod.to_string()), fault);
        self
    }

    /// The `gitVersion` `/version` reports, e.g. `v1.30.2` (default [`DEFAULT_VERSION`]).
    /// kubectl's version dispatcher picks its client by it.
    pub fn version(mut self, git_version: &str) -> Self {
        self.config.git_version = git_version.to_string();
        self
    }

    /// Stop serving one version of a group, e.g. `gateway.networking.k8s.io/v1` for a cluster
    /// whose Gateway API predates v1: discovery leaves it out and its paths answer 404.
    pub fn without_version(mut self, group_version: &str) -> Self {
        self.config.unserved.push(group_version.to_string());
        self
    }

    /// Print each request and its status on stderr (for debugging a client).
    pub fn log_requests(mut self) -> Self {
        self.config.log_requests = true;
        self
    }

    /// An extra context for [`ApiServer::write_kubeconfig`].
    pub fn kubeconfig_context(mut self, context: KubeContext) -> Self {
        self.contexts.push(context);
        self
    }

    /// Starts the server; panics when it cannot (test support).
    pub fn start(self) -> ApiServer {
        self.try_start()
            .unwrap_or_else(|e| panic!("test API server failed to start: {e}"))
    }

    /// Binds 127.0.0.1 on a free port and serves from a background thread with its own tokio
    /// runtime, so sync and async tests alike can use it.
    pub fn try_start(self) -> io::Result<ApiServer> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let tls = if self.https {
            Some(tls::generate().map_err(io::Error::other)?)
        } else {
            None
        };
        let ca_pem = tls.as_ref().map(|t| t.ca_pem.clone());
        let acceptor = tls.map(|t| t.acceptor);
        let state = Arc::new(State {
            addr,
            store: Mutex::new(self.store),
            config: Mutex::new(self.config),
            requests: Mutex::new(Vec::new()),
        });
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (shutdown_tx, shutdown_rx) = oneshot::channel::<()>();
        let served = state.clone();
        let thread = std::thread::Builder::new()
            .name(format!("test-apiserver-{}", addr.port()))
            .spawn(move || {
                runtime.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(listener) {
                        Ok(listener) => listener,
                        Err(e) => {
                            eprintln!("test API server: {e}");
                            return;
                        }
                    };
                    tokio::select! {
                        _ = accept_loop(listener, served, acceptor) => {}
                        _ = shutdown_rx => {}
                    }
                });
                // Dropping the runtime here ends every connection and port-forward.
            })?;
        Ok(ApiServer {
            state,
            ca_pem,
            contexts: self.contexts,
            shutdown: Some(shutdown_tx),
            thread: Some(thread),
        })
    }
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    state: Arc<State>,
    tls: Option<tokio_rustls::TlsAcceptor>,
) {
    loop {
        let tcp = match listener.accept().await {
            Ok((tcp, _)) => tcp,
            Err(_) => {
                // Out of descriptors or similar: back off instead of spinning.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let state = state.clone();
        let tls = tls.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| http::handle(state.clone(), request));
            let connection = hyper::server::conn::http1::Builder::new();
            match tls {
                Some(acceptor) => {
                    if let Ok(stream) = acceptor.accept(tcp).await {
                        let _ = connection
                            .serve_connection(TokioIo::new(stream), service)
                            .with_upgrades()
                            .await;
                    }
                }
                None => {
                    let _ = connection
                        .serve_connection(TokioIo::new(tcp), service)
                        .with_upgrades()
                        .await;
                }
            }
        });
    }
}

/// A running test API server; stops when dropped.
pub struct ApiServer {
    state: Arc<State>,
    ca_pem: Option<String>,
    contexts: Vec<KubeContext>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl ApiServer {
    pub fn builder() -> ApiServerBuilder {
        ApiServerBuilder {
            store: Store::default(),
            https: false,
            config: Config {
                tokens: Vec::new(),
                default_user: "system:anonymous".to_string(),
                denials: Vec::new(),
                backends: HashMap::new(),
                faults: HashMap::new(),
                git_version: DEFAULT_VERSION.to_string(),
                log_requests: false,
                unserved: Vec::new(),
            },
            contexts: Vec::new(),
        }
    }

    /// `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        let scheme = if self.ca_pem.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}", self.state.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.state.addr
    }

    /// The CA certificate (PEM) when serving HTTPS.
    pub fn ca_pem(&self) -> Option<&str> {
        self.ca_pem.as_deref()
    }

    /// Adds or replaces an object while running (same rules as [`ApiServerBuilder::add`]).
    pub fn add(&self, object: Value) -> Result<(), String> {
        self.state.store().insert(object).map(|_| ())
    }

    /// Removes an object by kind (`Pod`, `Deployment`, ...), namespace and name; true if it
    /// existed.
    pub fn remove(&self, kind: &str, namespace: &str, name: &str) -> bool {
        match Kind::by_kind(kind) {
            Some(kind) => self.state.store().remove(kind, namespace, name).is_some(),
            None => false,
        }
    }

    pub fn set_portforward_backend(&self, namespace: &str, pod: &str, port: u16, addr: SocketAddr) {
        self.state
            .config()
            .backends
            .insert((namespace.to_string(), pod.to_string(), port), addr);
    }

    /// Sets (Some) or clears (None) the fault injected into the pod's port-forwards.
    pub fn set_portforward_fault(
        &self,
        namespace: &str,
        pod: &str,
        fault: Option<PortForwardFault>,
    ) {
        let key = (namespace.to_string(), pod.to_string());
        let mut config = self.state.config();
        match fault {
            Some(fault) => config.faults.insert(key, fault),
            None => config.faults.remove(&key),
        };
    }

    pub fn deny(&self, denial: Denial) {
        self.state.config().denials.push(denial);
    }

    /// Every request answered so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.state.requests).clone()
    }

    /// A kubeconfig whose current context `context` points at this server, in `namespace`
    /// (None: no namespace, so clients use `default`), authenticating with the first configured
    /// token if any; plus the builder's extra contexts.
    pub fn kubeconfig_yaml<'a>(
        &self,
        context: &str,
        namespace: impl Into<Option<&'a str>>,
    ) -> String {
        const CLUSTER: &str = "meshctl-test";
        let mut cluster = json!({"server": self.url()});
        if let Some(pem) = &self.ca_pem {
            cluster["certificate-authority-data"] =
                json!(base64::engine::general_purpose::STANDARD.encode(pem));
        }
        let main_token = self.state.config().tokens.first().map(|(t, _)| t.clone());
        let main = KubeContext {
            name: context.to_string(),
            namespace: namespace.into().map(str::to_string),
            token: main_token,
        };
        let mut users = Vec::new();
        let mut contexts = Vec::new();
        for ctx in std::iter::once(&main).chain(&self.contexts) {
            let user_name = format!("{}-user", ctx.name);
            let user = match &ctx.token {
                Some(token) => json!({"token": token}),
                None => json!({}),
            };
            users.push(json!({"name": user_name, "user": user}));
            let mut entry = json!({"cluster": CLUSTER, "user": user_name});
            if let Some(ns) = &ctx.namespace {
                entry["namespace"] = json!(ns);
            }
            contexts.push(json!({"name": ctx.name, "context": entry}));
        }
        let config = json!({
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": [{"name": CLUSTER, "cluster": cluster}],
            "users": users,
            "contexts": contexts,
            "current-context": context,
            "preferences": {},
        });
        // Every value on its key's line, as kubectl writes a kubeconfig, so that tests can edit
        // it line by line (a long value such as the CA would otherwise be a folded block).
        let mut options = serde_saphyr::SerializerOptions::default();
        options.prefer_block_scalars = false;
        serde_saphyr::to_string_with_options(&config, options).unwrap_or_default()
    }

    /// Writes [`ApiServer::kubeconfig_yaml`] to `path`.
    pub fn write_kubeconfig<'a>(
        &self,
        path: impl AsRef<Path>,
        context: &str,
        namespace: impl Into<Option<&'a str>>,
    ) -> io::Result<()> {
        std::fs::write(path, self.kubeconfig_yaml(context, namespace))
    }
}

impl Drop for ApiServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
