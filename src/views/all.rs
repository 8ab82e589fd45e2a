//! `pc all`: the bootstrap summary and every table, or the whole dump as JSON.

use std::io::Write;

use crate::config::{AllFilter, Format};
use crate::envoy::dump::NoLists;
use crate::envoy::names::Naming;
use crate::envoy::reader::DumpReader;
use crate::error::Result;
use crate::render::{self, table::Table};
use crate::views::{bootstrap, clusters, eds, listeners, routes, secrets};

pub fn run(
    src: &DumpReader,
    filter: &AllFilter,
    format: Format,
    now: i64,
    out: &mut dyn Write,
) -> Result<()> {
    if !format.is_table() {
        // The dump exactly as it was received (istioctl's users' jq scripts read Envoy's own
        // keys); read through first, so that a broken dump is an error before any output.
        src.dump(&mut NoLists)?;
        return render::write_received(out, format, src.json(), src.release());
    }
    let wide = format == Format::Wide;
    let route_layout = routes::Layout {
        verbose: filter.routes.verbose,
        wide,
        prefix: "route/",
    };
    // The big sections are read typed in the one pass, clusters and routes on this thread, the
    // endpoints on a second one, which then lays out the endpoint table, the biggest, while this
    // thread still reads; the small sections are kept raw.
    let mut here = (
        clusters::reader(&filter.clusters, wide),
        routes::reader(&filter.routes, route_layout),
    );
    let mut helper = (
        clusters::EndpointCounts::reader(wide),
        eds::reader(&filter.endpoints, false),
    );
    let (dump, endpoints) = src.dump_split_then(&mut here, &mut helper, &|(_, endpoints)| {
        let rows = eds::sorted(endpoints.finish());
        let mut text = Vec::new();
        eds::table(&rows, Some("endpoint/")).write(&mut text)?;
        Ok::<_, std::io::Error>(text)
    })?;
    let (mut cluster_reader, mut route_reader) = here;
    let (mut counts, _) = helper;
    let dump = &dump;
    let header = |out: &mut dyn Write, first: bool, title: &str| -> std::io::Result<()> {
        if !first {
            out.write_all(b"\n")?;
        }
        if filter.with_headers {
            writeln!(out, "------ {title} INFO ------\n")?;
        }
        Ok(())
    };
    let lay_out = |blocks: &[(&str, Table)], first: bool| -> std::io::Result<Vec<u8>> {
        let mut text = Vec::new();
        for (i, (title, table)) in blocks.iter().enumerate() {
            header(&mut text, first && i == 0, title)?;
            table.write(&mut text)?;
        }
        Ok(text)
    };
    // Every table is laid out before any is printed: an error leaves no partial output. The
    // listener, route and secret tables are laid out on a second thread while this one sorts
    // and lays out the clusters; errors are reported in the order the tables are printed.
    let (first, rest) = crate::parallel::join(
        || -> Result<Vec<u8>> {
            let bootstrap = bootstrap::summary(dump)?;
            let counts = wide.then(|| clusters::EndpointCounts::new(counts.finish()));
            let cluster_rows = clusters::sorted(dump, cluster_reader.finish())?;
            let cluster_table = clusters::table(
                cluster_rows,
                Some("cluster/"),
                Naming::of(dump)?,
                counts.as_ref(),
                None,
            );
            Ok(lay_out(
                &[("BOOTSTRAP", bootstrap), ("CLUSTER", cluster_table)],
                true,
            )?)
        },
        || -> Result<Vec<u8>> {
            let listener_rows = listeners::select(dump, &filter.listeners, wide)?;
            let listener_table = listeners::table(
                &listener_rows,
                filter.listeners.verbose,
                Some("listener/"),
                Naming::of(dump)?,
                wide,
                None,
            )?;
            let route_entries = routes::sorted(dump, route_reader.finish())?;
            let secret_rows = secrets::rows(dump, now)?;
            let tables = [
                ("LISTENER", listener_table),
                (
                    "ROUTE",
                    routes::table(route_entries, route_layout, Naming::of(dump)?),
                ),
                ("SECRET", secrets::table(&secret_rows, Some("secret/"))),
            ];
            Ok(lay_out(&tables, false)?)
        },
    );
    let (first, rest, endpoints) = (first?, rest?, endpoints?);
    out.write_all(&first)?;
    out.write_all(&rest)?;
    header(out, false, "ENDPOINTS")?;
    out.write_all(&endpoints)?;
    Ok(())
}
