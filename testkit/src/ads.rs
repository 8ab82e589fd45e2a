//! A state-of-the-world ADS server (envoy-types' generated `AggregatedDiscoveryService` on
//! tonic) serving a fixed set of resources, and recording what Envoy ACKed or NACKed, so that
//! [`Envoy::wait_for_ads`] knows when Envoy holds all of it.
//!
//! The protocol, per type on the one stream: Envoy asks (CDS and LDS as wildcards, EDS, RDS and
//! SDS by name); the server answers with a nonce; Envoy's next request for that type carries the
//! nonce back, with `error_detail` when it rejected the response. A request whose names differ
//! from the last answer's gets a new answer.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use envoy_types::pb::envoy::service::discovery::v3::aggregated_discovery_service_server::{
    AggregatedDiscoveryService, AggregatedDiscoveryServiceServer,
};
use envoy_types::pb::envoy::service::discovery::v3::{
    DeltaDiscoveryRequest, DeltaDiscoveryResponse, DiscoveryRequest, DiscoveryResponse,
};
use envoy_types::pb::google::protobuf::Any;
use tokio::sync::{mpsc, oneshot};
use tokio_stream::wrappers::{ReceiverStream, TcpListenerStream};
use tokio_stream::Stream;
use tonic::{Request, Response, Status, Streaming};

use crate::envoy::{Envoy, Stats};
use crate::http::http_get;

/// The one version of every resource: what is served never changes while it is served.
const VERSION: &str = "2025-01-01T00:00:00Z/1";

/// One xDS type's resources, in the order they are sent.
#[derive(Debug, Default)]
pub struct TypeResources {
    pub type_url: String,
    /// Sent whole to a wildcard subscription (CDS, LDS); otherwise only what Envoy asks for.
    pub wildcard: bool,
    /// Each resource with its name.
    pub items: Vec<(String, Any)>,
}

/// Everything the ADS server serves, by type URL.
#[derive(Debug, Default)]
pub struct Resources {
    pub types: Vec<TypeResources>,
}

impl Resources {
    pub fn of(&self, type_url: &str) -> Option<&TypeResources> {
        self.types.iter().find(|t| t.type_url == type_url)
    }

    pub fn count(&self, type_url: &str) -> usize {
        self.of(type_url).map_or(0, |t| t.items.len())
    }

    /// Total size of the serialized resources.
    pub fn encoded_bytes(&self) -> usize {
        self.types
            .iter()
            .flat_map(|t| &t.items)
            .map(|(_, a)| a.value.len())
            .sum()
    }
}

/// What Envoy has said about one type's responses.
#[derive(Debug, Default, Clone)]
pub struct TypeProgress {
    /// Resources in the latest response Envoy ACKed.
    pub acked: usize,
    /// Envoy's message for the latest rejected response.
    pub nacked: Option<String>,
    pub responses: usize,
}

#[derive(Debug, Default)]
struct Progress {
    by_type: HashMap<String, TypeProgress>,
    /// Resource count of every response sent, by nonce.
    sent: HashMap<String, usize>,
    next_nonce: u64,
}

#[derive(Clone)]
struct Ads {
    resources: Arc<Resources>,
    progress: Arc<Mutex<Progress>>,
}

type ResponseStream = Pin<Box<dyn Stream<Item = Result<DiscoveryResponse, Status>> + Send>>;
type DeltaStream = Pin<Box<dyn Stream<Item = Result<DeltaDiscoveryResponse, Status>> + Send>>;

#[tonic::async_trait]
impl AggregatedDiscoveryService for Ads {
    type StreamAggregatedResourcesStream = ResponseStream;
    type DeltaAggregatedResourcesStream = DeltaStream;

    async fn stream_aggregated_resources(
        &self,
        request: Request<Streaming<DiscoveryRequest>>,
    ) -> Result<Response<ResponseStream>, Status> {
        let mut requests = request.into_inner();
        let (tx, rx) = mpsc::channel(16);
        let ads = self.clone();
        tokio::spawn(async move {
            // Names of the last answer per type: a request asking for the same set is an ACK only.
            let mut answered: HashMap<String, Vec<String>> = HashMap::new();
            while let Ok(Some(req)) = requests.message().await {
                let Some(response) = ads.handle(&req, &mut answered) else {
                    continue;
                };
                if tx.send(Ok(response)).await.is_err() {
                    break;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn delta_aggregated_resources(
        &self,
        _request: Request<Streaming<DeltaDiscoveryRequest>>,
    ) -> Result<Response<DeltaStream>, Status> {
        Err(Status::unimplemented(
            "this server speaks state-of-the-world ADS only",
        ))
    }
}

impl Ads {
    fn handle(
        &self,
        req: &DiscoveryRequest,
        answered: &mut HashMap<String, Vec<String>>,
    ) -> Option<DiscoveryResponse> {
        let mut progress = self.progress.lock().unwrap_or_else(|e| e.into_inner());
        if !req.response_nonce.is_empty() {
            let count = progress.sent.get(&req.response_nonce).copied();
            let entry = progress.by_type.entry(req.type_url.clone()).or_default();
            match (&req.error_detail, count) {
                (Some(status), _) => entry.nacked = Some(status.message.clone()),
                (None, Some(count)) => entry.acked = count,
                (None, None) => {}
            }
        }
        let resources = self.resources.of(&req.type_url)?;
        let mut names = req.resource_names.clone();
        names.sort_unstable();
        if answered.get(&req.type_url) == Some(&names) {
            return None;
        }
        let items: Vec<_> = if resources.wildcard {
            resources.items.iter().map(|(_, a)| a.clone()).collect()
        } else {
            resources
                .items
                .iter()
                .filter(|(n, _)| names.binary_search(n).is_ok())
                .map(|(_, a)| a.clone())
                .collect()
        };
        answered.insert(req.type_url.clone(), names);
        progress.next_nonce += 1;
        let nonce = progress.next_nonce.to_string();
        progress.sent.insert(nonce.clone(), items.len());
        progress
            .by_type
            .entry(req.type_url.clone())
            .or_default()
            .responses += 1;
        Some(DiscoveryResponse {
            version_info: VERSION.to_string(),
            resources: items,
            type_url: req.type_url.clone(),
            nonce,
            ..Default::default()
        })
    }
}

/// A running ADS server on 127.0.0.1; stopped when dropped.
pub struct AdsServer {
    addr: SocketAddr,
    progress: Arc<Mutex<Progress>>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl AdsServer {
    /// Starts serving `resources` on a kernel-chosen port, on a thread of its own.
    pub fn start(resources: Resources) -> std::io::Result<AdsServer> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let progress = Arc::new(Mutex::new(Progress::default()));
        let ads = Ads {
            resources: Arc::new(resources),
            progress: progress.clone(),
        };
        let (shutdown, stopped) = oneshot::channel::<()>();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let thread = std::thread::Builder::new()
            .name("ads".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let incoming = match tokio::net::TcpListener::from_std(listener) {
                        Ok(l) => TcpListenerStream::new(l),
                        Err(e) => return eprintln!("ADS server: {e}"),
                    };
                    // Envoy's EDS request names every cluster; allow far more than tonic's 4 MiB default.
                    let service = AggregatedDiscoveryServiceServer::new(ads)
                        .max_decoding_message_size(256 << 20);
                    let served = tonic::transport::Server::builder()
                        .serve_with_incoming_shutdown(service, incoming, async {
                            let _ = stopped.await;
                        })
                        .await;
                    if let Err(e) = served {
                        eprintln!("ADS server: {e}");
                    }
                })
            })?;
        Ok(AdsServer {
            addr,
            progress,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// What Envoy has ACKed or NACKed so far, per type URL.
    pub fn progress(&self, type_url: &str) -> TypeProgress {
        let progress = self.progress.lock().unwrap_or_else(|e| e.into_inner());
        progress.by_type.get(type_url).cloned().unwrap_or_default()
    }
}

impl Drop for AdsServer {
    fn drop(&mut self) {
        if let Some(s) = self.shutdown.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// What a loaded Envoy must show: ACKed resources per type, and active clusters and listeners.
#[derive(Debug, Clone)]
pub struct Expected {
    pub resources: Vec<(String, usize)>,
    pub active_clusters: u64,
    pub active_listeners: u64,
}

/// How often the wait looks: the admin API shares Envoy's main thread with xDS updates.
const ADS_POLL_INTERVAL: Duration = Duration::from_millis(200);

impl Envoy {
    /// Waits until Envoy holds everything `server` serves: every xDS type ACKed in full by the
    /// server's count, the CDS and LDS updates applied, and as many clusters and listeners
    /// active as `want` says, none warming. A NACK or a rejected update is an error at once.
    pub fn wait_for_ads(
        &mut self,
        server: &AdsServer,
        want: &Expected,
        timeout: Duration,
    ) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            self.check_running()?;
            let Some(waiting_for) = self.ads_state(server, want)? else {
                return Ok(());
            };
            if Instant::now() > deadline {
                return Err(format!(
                    "Envoy did not load what the ADS server serves within {timeout:?}: {waiting_for}\n{}",
                    self.log_tail()
                ));
            }
            std::thread::sleep(ADS_POLL_INTERVAL);
        }
    }

    /// `None` when loaded, else what is still missing.
    fn ads_state(&self, server: &AdsServer, want: &Expected) -> Result<Option<String>, String> {
        for (type_url, count) in &want.resources {
            let p = server.progress(type_url);
            if let Some(message) = p.nacked {
                return Err(format!(
                    "Envoy rejected {type_url}: {message}\n{}",
                    self.log_tail()
                ));
            }
            if p.acked != *count {
                return Ok(Some(format!("{type_url}: {} of {count} ACKed", p.acked)));
            }
        }
        let stats = match http_get(self.admin_addr(), "/stats?filter=_manager") {
            Ok(r) if r.status == 200 => Stats(r.body),
            Ok(r) => return Ok(Some(format!("/stats answered {}", r.status))),
            Err(e) => return Ok(Some(format!("admin API: {e}"))),
        };
        for rejected in [
            "cluster_manager.cds.update_rejected",
            "listener_manager.lds.update_rejected",
        ] {
            if stats.get(rejected) > 0 {
                return Err(format!(
                    "{rejected} = {}\n{}",
                    stats.get(rejected),
                    self.log_tail()
                ));
            }
        }
        let checks = [
            (
                "cluster_manager.cds.update_success",
                stats.get("cluster_manager.cds.update_success") >= 1,
            ),
            (
                "listener_manager.lds.update_success",
                stats.get("listener_manager.lds.update_success") >= 1,
            ),
            (
                "cluster_manager.active_clusters",
                stats.get("cluster_manager.active_clusters") == want.active_clusters,
            ),
            (
                "cluster_manager.warming_clusters",
                stats.get("cluster_manager.warming_clusters") == 0,
            ),
            (
                "listener_manager.total_listeners_active",
                stats.get("listener_manager.total_listeners_active") == want.active_listeners,
            ),
            (
                "listener_manager.total_listeners_warming",
                stats.get("listener_manager.total_listeners_warming") == 0,
            ),
        ];
        Ok(checks
            .iter()
            .find(|(_, ok)| !ok)
            .map(|(name, _)| format!("{name} = {}", stats.get(name))))
    }
}
