//! `pc all`: the bootstrap summary and every table, or the whole dump as JSON.

use std::io::Write;

use crate::config::{AllFilter, Format};
use crate::envoy::dump::NoLists;
use crate::error::Result;
use crate::render::{self, Shape};
use crate::views::{bootstrap, clusters, eds, listeners, routes, secrets, Source};

pub fn run(
    src: &Source,
    filter: &AllFilter,
    format: Format,
    now: i64,
    out: &mut dyn Write,
) -> Result<()> {
    if !format.is_table() {
        // Read through first: a broken dump is an error before any output, not half a document.
        src.dump(&mut NoLists)?;
        // Envoy's dump as received, in the chosen spelling.
        return render::write_document(
            out,
            format,
            Shape::Message("envoy.admin.v3.ConfigDump"),
            src.json(),
        );
    }
    let wide = format == Format::Wide;
    // The big sections are read typed in the one pass; the rest are small and kept raw.
    let mut readers = (
        (
            clusters::reader(&filter.clusters, wide, false),
            clusters::EndpointCounts::reader(wide),
        ),
        (
            routes::reader(&filter.routes, false),
            eds::reader(&filter.endpoints, false),
        ),
    );
    let dump = src.dump(&mut readers)?;
    let ((cluster_reader, counts), (route_reader, eds_reader)) = readers;
    let dump = &dump;
    let mut blocks: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut block = |title, t: crate::render::table::Table| -> Result<()> {
        let mut buf = Vec::new();
        t.write(&mut buf)?;
        blocks.push((title, buf));
        Ok(())
    };
    block("BOOTSTRAP", bootstrap::summary(dump)?)?;
    let counts = wide.then(|| clusters::EndpointCounts::new(counts.finish()));
    block(
        "CLUSTER",
        clusters::table(
            &clusters::sorted(dump, cluster_reader.finish())?,
            Some("cluster/"),
            counts.as_ref(),
        ),
    )?;
    let ls = listeners::select(dump, &filter.listeners, wide)?;
    block(
        "LISTENER",
        listeners::table(&ls, filter.listeners.verbose, Some("listener/"), wide)?,
    )?;
    let rs = routes::sorted(dump, route_reader.finish())?;
    block(
        "ROUTE",
        routes::table(&rs, filter.routes.verbose, Some("route/"), wide),
    )?;
    block(
        "SECRET",
        secrets::table(&secrets::rows(dump, now)?, Some("secret/")),
    )?;
    block(
        "ENDPOINTS",
        eds::table(&eds::sorted(eds_reader.finish()), Some("endpoint/")),
    )?;
    for (i, (title, body)) in blocks.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        if filter.with_headers {
            writeln!(out, "------ {title} INFO ------\n")?;
        }
        out.write_all(body)?;
    }
    Ok(())
}
