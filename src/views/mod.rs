//! One module per view. Each takes a reader of its input (`DumpReader`, or `StatusReader` for
//! `/clusters`), a filter, a format and a writer, so every table and JSON printer is tested
//! in-process. A view declares what it reads and turns resources into rows; the reading itself,
//! its threads and its memory are the readers'.

pub mod all;
pub mod bootstrap;
pub mod clusters;
pub mod ecds;
pub mod eds;
pub mod endpoints;
pub mod listeners;
pub mod routes;
pub mod secrets;
pub mod trace;
pub mod waypoint;

use std::io::Write;

use crate::config::{Format, ViewKind};
use crate::envoy::cluster_statuses::StatusReader;
use crate::envoy::dump::{SectionKind, Want};
use crate::envoy::names::Naming;
use crate::envoy::reader::DumpReader;
use crate::envoy::stats::Stats;
use crate::error::{Error, Kind, Result};
use crate::input::{DocKind, Document};

/// Where a resource stands in Envoy's life cycle; istioctl shows only active and static ones,
/// `-o wide` shows all with this label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Active,
    Warming,
    Draining,
    Static,
}

impl State {
    /// istioctl reads only active and static resources.
    pub fn shown_by_istioctl(self) -> bool {
        matches!(self, State::Active | State::Static)
    }

    pub fn label(self) -> &'static str {
        match self {
            State::Active => "ACTIVE",
            State::Warming => "WARMING",
            State::Draining => "DRAINING",
            State::Static => "STATIC",
        }
    }
}

/// `-o wide`'s live counters: the stats Envoy answered (live) or a saved `/stats`
/// (`--stats-file`); without them (offline) every counter cell is `-`.
#[derive(Debug, Default, Clone)]
pub struct Counters {
    pub stats: Option<Stats>,
}

/// What a live proxy said beside the dump, for the tables: `-o wide`'s counters, and whose
/// naming rules its node has (its dump's sections do not hold the bootstrap). Offline, both
/// come from the input.
#[derive(Debug, Default, Clone)]
pub struct LiveContext {
    pub counters: Counters,
    pub naming: Option<Naming>,
}

impl LiveContext {
    /// The naming rules the proxy's node said, else those of the dump's bootstrap.
    pub fn naming(&self, dump: &crate::envoy::dump::Dump) -> Result<Naming> {
        match self.naming {
            Some(naming) => Ok(naming),
            None => Naming::of(dump),
        }
    }
}

impl Counters {
    /// A counter cell: the value, or `-` when there are no stats or Envoy has no such stat.
    pub fn cell(&self, value: impl FnOnce(&Stats) -> Option<u64>) -> String {
        match self.stats.as_ref().and_then(value) {
            Some(v) => v.to_string(),
            None => "-".to_string(),
        }
    }
}

/// Go's `strings.EqualFold`, which istioctl's filters use: equal under simple Unicode case
/// folding, one character to one character.
pub fn equal_fold(a: &str, b: &str) -> bool {
    fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
        let c = chars.next()?;
        chars.next().is_none().then_some(c)
    }
    let folds = |x: char, y: char| {
        if x == y {
            return true;
        }
        let lower = single(x.to_lowercase());
        if lower.is_some() && lower == single(y.to_lowercase()) {
            return true;
        }
        let upper = single(x.to_uppercase());
        upper.is_some() && upper == single(y.to_uppercase())
    };
    a.chars().count() == b.chars().count() && a.chars().zip(b.chars()).all(|(x, y)| folds(x, y))
}

/// The dump sections a view reads.
fn wanted(view: &ViewKind, format: Format) -> Want {
    use SectionKind::*;
    let w = Want::none();
    match view {
        ViewKind::All(_) => Want::all(),
        ViewKind::Bootstrap => w.with(Bootstrap),
        // The bootstrap's node says whose naming rules the tables follow (`Naming`).
        ViewKind::Clusters(_) if format == Format::Wide => {
            w.with(Clusters).with(Endpoints).with(Bootstrap)
        }
        ViewKind::Clusters(_) => w.with(Clusters).with(Bootstrap),
        ViewKind::Listeners(_) => w.with(Listeners).with(Bootstrap),
        ViewKind::Waypoint => w.with(Listeners),
        ViewKind::Routes(_) => w.with(Routes).with(Bootstrap),
        ViewKind::Endpoints(_) | ViewKind::Eds(_) => w.with(Endpoints),
        ViewKind::Secrets => w.with(Secrets),
        ViewKind::Ecds => w.with(Ecds),
        ViewKind::Trace(_) => w
            .with(Listeners)
            .with(Routes)
            .with(Clusters)
            .with(Endpoints),
    }
}

/// Renders a view of a document. `now` is the Unix time certificates are judged against.
/// `-o wide`'s counters print `-` (see [`render_with`]).
pub fn render(
    view: &ViewKind,
    doc: &Document,
    format: Format,
    now: i64,
    out: &mut dyn Write,
) -> Result<()> {
    render_with(view, doc, format, now, &LiveContext::default(), out)
}

/// [`render`] with what a live proxy said beside the dump: `-o wide`'s counters beside clusters
/// and listeners, and its node's naming rules.
pub fn render_with(
    view: &ViewKind,
    doc: &Document,
    format: Format,
    now: i64,
    live: &LiveContext,
    out: &mut dyn Write,
) -> Result<()> {
    let kind = doc.kind().map_err(unmarshalling)?;
    crate::memory::for_input(kind == DocKind::ConfigDump);
    if let ViewKind::Endpoints(filter) = view {
        if kind == DocKind::ClusterStatuses {
            let statuses = StatusReader::new(doc);
            return endpoints::run_clusters_json(&statuses, filter, format, out)
                .map_err(|e| e.in_input(&doc.origin));
        }
    }
    // Any other view reads a `/clusters` answer as istioctl does: a document without sections.
    let src = DumpReader::new(doc, wanted(view, format));
    let rendered = match view {
        ViewKind::All(f) => all::run(&src, f, format, now, out),
        ViewKind::Clusters(f) => clusters::run(&src, f, format, live, out),
        ViewKind::Routes(f) => routes::run(&src, f, format, live, out),
        ViewKind::Endpoints(f) => eds::run_as_endpoints(&src, f, format, out),
        ViewKind::Eds(f) => eds::run(&src, f, format, out),
        ViewKind::Bootstrap => bootstrap::run(&src, format, out),
        ViewKind::Listeners(f) => listeners::run(&src, f, format, live, out),
        ViewKind::Waypoint => waypoint::run(&src, out),
        ViewKind::Secrets => secrets::run(&src, format, now, out),
        ViewKind::Ecds => ecds::run(&src, format, out),
        ViewKind::Trace(spec) => trace::run(&src, spec, format, out),
    };
    // Malformed content names the file; "no clusters found" and the like speak of the dump.
    rendered.map_err(|e| unmarshalling(e.in_input(&doc.origin)))
}

/// The route configurations and clusters a trace of `doc` reads by name; `doc` may hold only
/// some sections (live, what to fetch next).
pub fn trace_needs(
    spec: &crate::config::TraceSpec,
    doc: &Document,
) -> Result<crate::envoy::trace::Needs> {
    let view = ViewKind::Trace(Box::new(spec.clone()));
    let src = DumpReader::new(doc, wanted(&view, Format::Short));
    trace::needs(&src, spec).map_err(|e| unmarshalling(e.in_input(&doc.origin)))
}

/// A config dump that does not decode fails with istioctl's words first, then meshctl's reason.
fn unmarshalling(e: Error) -> Error {
    match e.kind {
        Kind::Malformed => e.prefixed("error unmarshalling config dump response from Envoy: "),
        _ => e,
    }
}
