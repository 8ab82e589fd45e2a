//! Fan-out: one view's admin request to every pod of a selection, at most `max_concurrency` at
//! once, each through its own port-forward and within its own request timeout.
//!
//! The pods are listed once; then each of up to `max_concurrency` worker threads runs its own
//! current-thread runtime and API session, takes the next pod, fetches its answer and hands it to
//! the caller's `make` on the same thread, which turns it into what is printed; the answer is
//! dropped before the worker takes another pod. So at most `max_concurrency` answers are held at
//! once, whatever the number of pods, and the CPU work of reading them runs beside the fetches.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use k8s_openapi::api::core::v1::Pod;

use super::cluster::Session;
use super::resolve::{self, PodRef};
use super::{
    ask_endpoint, block_on, open_forwarded, view_answers, within, AdminRequest, Ask, Progress,
    ViewAnswers,
};
use crate::config::{ClusterOptions, PodSelection};
use crate::error::Error;
use crate::goparse::quote;
use crate::target;

/// One pod of a fleet and what became of it.
pub struct PodOutcome<T> {
    pub pod: PodRef,
    pub result: Result<T, Error>,
}

/// The pods a selection names, each with its namespace, in the API's list order.
pub(crate) async fn select_pods(
    session: &Session,
    selection: &PodSelection,
    progress: &Progress,
) -> Result<Vec<(Pod, String)>, Error> {
    let pods = match selection {
        PodSelection::Target(text) => {
            let target = target::parse(text);
            let (pods, namespace) = resolve::resolve_all(session, &target, progress).await?;
            pods.into_iter().map(|p| (p, namespace.clone())).collect()
        }
        PodSelection::Selector {
            selector,
            all_namespaces,
        } => {
            let namespace = (!all_namespaces).then(|| session.default_namespace.clone());
            progress.set(format!(
                "waiting for the API server to list pods matching {selector}"
            ));
            let pods = resolve::list_pods_in(session, Some(selector), namespace.as_deref()).await?;
            pods.into_iter()
                .map(|p| {
                    let ns = p.metadata.namespace.clone().unwrap_or_else(|| {
                        namespace.clone().unwrap_or_else(|| "default".to_string())
                    });
                    (p, ns)
                })
                .collect()
        }
    };
    let pods: Vec<(Pod, String)> = pods;
    // A workload without pods is no error for `log`, which then sets nothing.
    if pods.is_empty() && matches!(selection, PodSelection::Selector { .. }) {
        return Err(Error::kube("no pods found"));
    }
    Ok(pods)
}

/// Fetches `request` from every pod `selection` names and passes each answer to `make` as soon
/// as it arrives. The outcomes come back ordered by namespace, then pod name. Listing the pods
/// is the only step whose failure fails the whole: a pod that is not running, has no proxy,
/// refuses or runs out of time is an outcome with its error.
pub fn fan_out<T: Send>(
    opts: &ClusterOptions,
    selection: &PodSelection,
    request: &AdminRequest,
    max_concurrency: usize,
    make: &(dyn Fn(&PodRef, ViewAnswers) -> Result<T, Error> + Sync),
) -> Result<Vec<PodOutcome<T>>, Error> {
    let listed = block_on(async {
        let progress = Progress::new("loading the kubeconfig");
        within(opts, &progress, async {
            let session = Session::connect(opts, &progress).await?;
            select_pods(&session, selection, &progress).await
        })
        .await
    })?;
    if let (true, PodSelection::Target(text)) = (listed.is_empty(), selection) {
        return Err(Error::kube(format!("no pods match {}", quote(text))));
    }
    let mut pods: Vec<(PodRef, Result<(), Error>, Pod)> = listed
        .into_iter()
        .map(|(pod, namespace)| {
            let running = target::ensure_running(&pod, &namespace);
            let name = PodRef {
                name: pod.metadata.name.clone().unwrap_or_default(),
                namespace,
            };
            (name, running, pod)
        })
        .collect();
    pods.sort_by(|(a, ..), (b, ..)| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));

    let total = pods.len();
    let slots: Vec<Mutex<Option<Result<T, Error>>>> =
        (0..total).map(|_| Mutex::new(None)).collect();
    let runnable: Vec<usize> = (0..total).filter(|&i| pods[i].1.is_ok()).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(total - runnable.len());
    let workers = max_concurrency.min(runnable.len());
    let running = AtomicUsize::new(workers);
    let this = std::thread::current();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                // Counted out even when the worker panics, so the progress line ends.
                let _finished = Finished(&running, &this);
                worker(
                    opts, request, make, &pods, &runnable, &next, &slots, &done, &this,
                );
            });
        }
        show_progress(&done, total, &running);
    });
    Ok(pods
        .into_iter()
        .zip(slots)
        .map(|((pod, running, _), slot)| {
            let result = match running {
                Err(e) => Err(e),
                Ok(()) => slot
                    .into_inner()
                    .unwrap_or_else(|p| p.into_inner())
                    .unwrap_or_else(|| Err(Error::proxy("the pod was not asked"))),
            };
            PodOutcome { pod, result }
        })
        .collect())
}

/// Counts a worker out, and wakes the thread that shows the progress.
struct Finished<'a>(&'a AtomicUsize, &'a std::thread::Thread);

impl Drop for Finished<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
        self.1.unpark();
    }
}

/// One worker: its own runtime and session, pods taken in turn until none is left.
#[allow(clippy::too_many_arguments)]
fn worker<T>(
    opts: &ClusterOptions,
    request: &AdminRequest,
    make: &(dyn Fn(&PodRef, ViewAnswers) -> Result<T, Error> + Sync),
    pods: &[(PodRef, Result<(), Error>, Pod)],
    runnable: &[usize],
    next: &AtomicUsize,
    slots: &[Mutex<Option<Result<T, Error>>>],
    done: &AtomicUsize,
    progress: &std::thread::Thread,
) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok();
    let mut session: Option<Session> = None;
    while let Some(&index) = runnable.get(next.fetch_add(1, Ordering::Relaxed)) {
        let (pod, _, spec) = &pods[index];
        let result = match &runtime {
            None => Err(Error::kube("cannot start the async runtime")),
            Some(runtime) => runtime.block_on(fetch_pod(opts, &mut session, pod, spec, request)),
        };
        // The answer becomes what is printed here, and is dropped before the next pod.
        let made = result.and_then(|body| make(pod, body));
        *slots[index].lock().unwrap_or_else(|p| p.into_inner()) = Some(made);
        done.fetch_add(1, Ordering::Relaxed);
        progress.unpark();
    }
    if let Some(runtime) = runtime {
        // Do not wait for a blocking task (an exec credential plugin) a timeout gave up on.
        runtime.shutdown_background();
    }
}

/// One pod's answers, within the request timeout; the worker's session is made on first use.
async fn fetch_pod(
    opts: &ClusterOptions,
    session: &mut Option<Session>,
    pod: &PodRef,
    spec: &Pod,
    request: &AdminRequest,
) -> Result<ViewAnswers, Error> {
    let progress = Progress::new("loading the kubeconfig");
    let (connection, bodies) = within(opts, &progress, async {
        if session.is_none() {
            *session = Some(Session::connect(opts, &progress).await?);
        }
        let session = session.as_ref().expect("the session was just made");
        let mut connection = open_forwarded(session, opts, pod, spec, &progress).await?;
        let bodies = ask_endpoint(&mut connection, Ask::View(request), None, &progress).await?;
        Ok((connection, bodies))
    })
    .await?;
    // Closing happens after the deadline: the answer is already in hand.
    connection.close().await;
    view_answers(bodies, request)
}

/// `12/40 pods` on stderr while the workers run, when stderr is a terminal; erased at the end.
fn show_progress(done: &AtomicUsize, total: usize, running: &AtomicUsize) {
    let stderr = std::io::stderr();
    let dumb_terminal = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let shown = stderr.is_terminal() && !dumb_terminal;
    let mut last = usize::MAX;
    loop {
        let now = done.load(Ordering::Relaxed);
        if shown && now != last {
            let _ = write!(stderr.lock(), "\r{now}/{total} pods\x1b[K");
            last = now;
        }
        if now >= total || running.load(Ordering::Relaxed) == 0 {
            break;
        }
        // Woken by each pod done; the timeout only bounds a missed wake-up.
        std::thread::park_timeout(Duration::from_millis(100));
    }
    if shown {
        let _ = write!(stderr.lock(), "\r\x1b[K");
    }
}
