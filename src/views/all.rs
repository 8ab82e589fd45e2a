//! `pc all`: the bootstrap summary and every table, or the whole dump as JSON.

use std::io::Write;

use crate::config::{AllFilter, Format};
use crate::envoy::dump::Dump;
use crate::error::Result;
use crate::render::{self, Shape};
use crate::views::{bootstrap, clusters, eds, listeners, routes, secrets};

pub fn run(
    json: &str,
    dump: &Dump,
    filter: &AllFilter,
    format: Format,
    now: i64,
    out: &mut dyn Write,
) -> Result<()> {
    if !format.is_table() {
        // Envoy's dump as received, in the chosen spelling.
        return render::write_document(
            out,
            format,
            Shape::Message("envoy.admin.v3.ConfigDump"),
            json,
        );
    }
    let wide = format == Format::Wide;
    let mut blocks: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut block = |title, t: crate::render::table::Table| -> Result<()> {
        let mut buf = Vec::new();
        t.write(&mut buf)?;
        blocks.push((title, buf));
        Ok(())
    };
    block("BOOTSTRAP", bootstrap::summary(dump)?)?;
    let counts = if wide {
        Some(clusters::EndpointCounts::from_dump(dump)?)
    } else {
        None
    };
    block(
        "CLUSTER",
        clusters::table(
            &clusters::select(dump, &filter.clusters, wide, false)?,
            Some("cluster/"),
            counts.as_ref(),
        ),
    )?;
    let ls = listeners::select(dump, &filter.listeners, wide)?;
    block(
        "LISTENER",
        listeners::table(&ls, filter.listeners.verbose, Some("listener/"), wide)?,
    )?;
    let rs = routes::select(dump, &filter.routes, false)?;
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
        eds::table(
            &eds::select(dump, &filter.endpoints, false)?,
            Some("endpoint/"),
        ),
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
