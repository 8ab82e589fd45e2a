//! One module per view. Each takes parsed input, a filter, a format and a writer, so every
//! table and JSON printer is tested in-process.

pub mod all;
pub mod bootstrap;
pub mod clusters;
pub mod ecds;
pub mod eds;
pub mod endpoints;
pub mod listeners;
pub mod routes;
pub mod secrets;

use std::io::Write;

use crate::config::{Format, ViewKind};
use crate::envoy::dump::{Dump, SectionKind, Want};
use crate::error::{Error, Result};
use crate::input::{DocKind, Document};

/// The admin request a view needs: only the sections it shows (istioctl's masks).
pub fn admin_path(view: &ViewKind, format: Format) -> &'static str {
    match view {
        ViewKind::All(_) | ViewKind::Eds(_) => "/config_dump?include_eds=true",
        ViewKind::Bootstrap => "/config_dump?mask=bootstrap",
        // Wide adds endpoint counts, which live in the EDS part of the dump.
        ViewKind::Clusters(_) if format == Format::Wide => "/config_dump?include_eds=true",
        ViewKind::Clusters(_) => {
            "/config_dump?mask=dynamic_active_clusters,dynamic_warming_clusters,static_clusters"
        }
        ViewKind::Listeners(_) => "/config_dump?mask=dynamic_listeners,static_listeners",
        ViewKind::Routes(_) => "/config_dump?mask=dynamic_route_configs,static_route_configs",
        ViewKind::Endpoints(_) => "/clusters?format=json",
        ViewKind::Secrets => "/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets",
        ViewKind::Ecds => "/config_dump",
    }
}

/// The dump sections a view reads.
fn wanted(view: &ViewKind, format: Format) -> Want {
    use SectionKind::*;
    let w = Want::none();
    match view {
        ViewKind::All(_) => Want::all(),
        ViewKind::Bootstrap => w.with(Bootstrap),
        ViewKind::Clusters(_) if format == Format::Wide => w.with(Clusters).with(Endpoints),
        ViewKind::Clusters(_) => w.with(Clusters),
        ViewKind::Listeners(_) => w.with(Listeners),
        ViewKind::Routes(_) => w.with(Routes),
        ViewKind::Endpoints(_) | ViewKind::Eds(_) => w.with(Endpoints),
        ViewKind::Secrets => w.with(Secrets),
        ViewKind::Ecds => w.with(Ecds),
    }
}

/// Renders a view of a document. `now` is the Unix time certificates are judged against.
pub fn render(
    view: &ViewKind,
    doc: &Document,
    format: Format,
    now: i64,
    out: &mut dyn Write,
) -> Result<()> {
    let kind = doc.kind()?;
    let json = doc.json();
    if let ViewKind::Endpoints(filter) = view {
        if kind == DocKind::ClusterStatuses {
            return endpoints::run_clusters_json(json, filter, format, out)
                .map_err(|e| crate::input::with_origin(&doc.origin, e));
        }
    }
    if kind == DocKind::ClusterStatuses {
        return Err(Error::input(format!(
            "{} is /clusters?format=json output; `{}` needs a config dump (`endpoint` reads this file)",
            doc.origin,
            view.command()
        )));
    }
    let dump = Dump::parse(json, wanted(view, format))
        .map_err(|e| crate::input::with_origin(&doc.origin, e))?;
    match view {
        ViewKind::All(f) => all::run(json, &dump, f, format, now, out),
        ViewKind::Bootstrap => bootstrap::run(&dump, format, out),
        ViewKind::Clusters(f) => clusters::run(&dump, f, format, out),
        ViewKind::Listeners(f) => listeners::run(&dump, f, format, out),
        ViewKind::Routes(f) => routes::run(&dump, f, format, out),
        ViewKind::Endpoints(f) => eds::run_as_endpoints(&dump, f, format, out),
        ViewKind::Eds(f) => eds::run(&dump, f, format, out),
        ViewKind::Secrets => secrets::run(&dump, format, now, out),
        ViewKind::Ecds => ecds::run(&dump, format, out),
    }
}
