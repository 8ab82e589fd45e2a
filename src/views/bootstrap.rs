//! `pc bootstrap`: the bootstrap section as JSON (the default), or istioctl's version summary.

use std::io::Write;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::config::Format;
use crate::envoy::dump::{parse_raw, Dump, NoLists, SectionKind};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::Str;
use crate::error::Result;
use crate::render::{self, table::Table, Shape};

#[derive(Deserialize, Default)]
struct Bootstrap<'a> {
    #[serde(borrow, default)]
    node: Node<'a>,
}

#[derive(Deserialize, Default)]
struct Node<'a> {
    #[serde(borrow, default)]
    metadata: Option<&'a RawValue>,
    #[serde(borrow, default)]
    user_agent_build_version: BuildVersion<'a>,
}

#[derive(Deserialize, Default)]
struct BuildVersion<'a> {
    #[serde(default)]
    version: SemVer,
    #[serde(borrow, default)]
    metadata: std::collections::HashMap<Str<'a>, serde_json::Value>,
}

#[derive(Deserialize, Default)]
struct SemVer {
    #[serde(default)]
    major_number: u32,
    #[serde(default)]
    minor_number: u32,
    #[serde(default)]
    patch: u32,
}

fn string_at(map: &std::collections::HashMap<Str, serde_json::Value>, key: &str) -> String {
    map.get(key)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

/// The summary lines: Istio versions when the node metadata has them, and always Envoy's.
pub fn summary(dump: &Dump) -> Result<Table<'static>> {
    let section = dump.require(SectionKind::Bootstrap)?;
    let bootstrap: Bootstrap = match section.field("bootstrap") {
        Some(raw) => parse_raw(raw, "the bootstrap")?,
        None => Bootstrap::default(),
    };
    let node = &bootstrap.node;
    let metadata: std::collections::HashMap<Str, serde_json::Value> = match node.metadata {
        Some(raw) => parse_raw(raw, "the node metadata")?,
        None => Default::default(),
    };
    let mut t = Table::new(1);
    for (key, label) in [
        ("ISTIO_VERSION", "Istio Version:"),
        ("ISTIO_PROXY_SHA", "Istio Proxy Version:"),
    ] {
        if metadata.contains_key(key) {
            t.row(vec![label.to_string(), string_at(&metadata, key)]);
        }
    }
    let b = &node.user_agent_build_version;
    let label = string_at(&b.metadata, "build.label");
    let label = if label.is_empty() {
        label
    } else {
        format!("-{label}")
    };
    t.row(vec![
        "Envoy Version:".to_string(),
        format!(
            "{}.{}.{}{label}/{}/{}/{}",
            b.version.major_number,
            b.version.minor_number,
            b.version.patch,
            string_at(&b.metadata, "revision.status"),
            string_at(&b.metadata, "build.type"),
            string_at(&b.metadata, "ssl.version"),
        ),
    ]);
    Ok(t)
}

pub fn run(src: &DumpReader, format: Format, out: &mut dyn Write) -> Result<()> {
    let dump = &src.dump(&mut NoLists)?;
    if format.is_table() {
        summary(dump)?.write(out)?;
        return Ok(());
    }
    let section = dump.require(SectionKind::Bootstrap)?;
    render::write_document(out, format, Shape::Packed, &section.to_json())
}
