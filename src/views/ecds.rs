//! `pc ecds`: extension configs delivered over ECDS, merged across ECDS sections.

use std::io::Write;

use serde::Deserialize;

use crate::config::Format;
use crate::envoy::dump::{NoLists, SectionKind};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::TypedExtension;
use crate::error::Result;
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
        for w in s.list::<Wrapped>("ecds_filters")? {
            if let Some(f) = w.ecds_filter {
                rows.push((f.config_type().unwrap_or_default(), f.name.to_string()));
            }
        }
    }
    rows.sort();
    let mut t = Table::new(5).header(&["ECDS NAME", "TYPE"]);
    for (kind, name) in rows {
        t.row(vec![name, kind]);
    }
    t.write(out)?;
    Ok(())
}
