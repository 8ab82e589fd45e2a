//! `pc ecds`: extension configs delivered over ECDS, merged across ECDS sections.

use std::io::Write;

use serde::Deserialize;

use crate::config::Format;
use crate::envoy::dump::{without_position, NoLists, SectionKind};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::TypedExtension;
use crate::error::{Error, Result};
use crate::render::{self, table::Table, Shape};

#[derive(Deserialize)]
struct Wrapped<'a> {
    #[serde(borrow)]
    ecds_filter: Option<TypedExtension<'a>>,
}

pub fn run(src: &DumpReader, format: Format, out: &mut dyn Write) -> Result<()> {
    let dump = &src.dump(&mut NoLists)?;
    let sections: Vec<_> = dump.sections_of(SectionKind::Ecds).collect();
    if sections.is_empty() {
        dump.require(SectionKind::Ecds)?;
    }
    if !format.is_table() {
        // One object of every section's filters, as istioctl merges them.
        let mut filters = Vec::new();
        for s in &sections {
            if let Some(raw) = s.field("ecds_filters") {
                let list: Vec<&serde_json::value::RawValue> =
                    crate::envoy::dump::parse_raw(raw, "ecds_filters")?;
                filters.extend(list.into_iter().map(|r| r.get()));
            }
        }
        let doc = format!(
            "{{\"@type\":\"{}\",\"ecds_filters\":[{}]}}",
            SectionKind::Ecds.type_url(),
            filters.join(",")
        );
        return render::write_document(out, format, Shape::Packed, &doc);
    }
    let mut rows = Vec::new();
    for s in &sections {
        for raw in s.list::<&serde_json::value::RawValue>("ecds_filters")? {
            let entry: Wrapped = serde_json::from_str(raw.get()).map_err(|e| {
                Error::input(format!(
                    "failed to retrieve TypedExtensionConfig: {}",
                    without_position(&e)
                ))
            })?;
            if let Some(f) = entry.ecds_filter {
                rows.push(Row {
                    name: f.name.to_string(),
                    type_url: f.type_url().unwrap_or_default(),
                });
            }
        }
    }
    // istioctl's order: by the whole type URL, then by name.
    crate::gosort::slice(&mut rows, |a, b| {
        (&a.type_url, &a.name) < (&b.type_url, &b.name)
    });
    let mut t = Table::new(5).header(&["ECDS NAME", "TYPE"]);
    for row in rows {
        let shown = shown_type(&row.type_url).to_string();
        t.row([row.name, shown]);
    }
    t.write(out)?;
    Ok(())
}

struct Row {
    name: String,
    type_url: String,
}

/// A type URL as the table shows it: without Google's prefix, any other left whole.
fn shown_type(url: &str) -> &str {
    url.strip_prefix("type.googleapis.com/").unwrap_or(url)
}
