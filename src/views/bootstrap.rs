//! `pc bootstrap`: the bootstrap section as JSON (the default), or istioctl's version summary.

use std::collections::HashMap;
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
    metadata: HashMap<Str<'a>, serde_json::Value>,
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

/// A metadata value as text: a string as it is, anything else empty.
fn text_of(value: &serde_json::Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// What istioctl shows of `ISTIO_PROXY_SHA` (`istio-proxy:<sha>`): the part between the first
/// and second `:` when there is a `:`, else the whole value.
fn proxy_version(sha: &str) -> &str {
    match sha.split_once(':') {
        Some((_, rest)) => rest.split(':').next().unwrap_or_default(),
        None => sha,
    }
}

/// The summary lines: Istio versions when the node metadata has them, and always Envoy's.
pub fn summary(dump: &Dump) -> Result<Table<'static>> {
    let section = dump.require(SectionKind::Bootstrap)?;
    let bootstrap: Bootstrap = match section.field("bootstrap") {
        Some(raw) => parse_raw(raw, "the bootstrap")?,
        None => Bootstrap::default(),
    };
    let node = &bootstrap.node;
    let metadata: HashMap<Str, serde_json::Value> = match node.metadata {
        Some(raw) => parse_raw(raw, "the node metadata")?,
        None => Default::default(),
    };
    let at = |key: &str| metadata.get(key).map(text_of).unwrap_or_default();
    let mut t = Table::new(1);
    for (label, value) in [
        ("Istio Version:", at("ISTIO_VERSION")),
        ("Istio Proxy Version:", proxy_version(at("ISTIO_PROXY_SHA"))),
    ] {
        if !value.is_empty() {
            t.row([label.to_string(), value.to_string()]);
        }
    }
    let b = &node.user_agent_build_version;
    let mut envoy = format!(
        "{}.{}.{}",
        b.version.major_number, b.version.minor_number, b.version.patch
    );
    // Each part only when its key is there, even with an empty or non-string value.
    for (separator, key) in [
        ("-", "build.label"),
        ("/", "revision.status"),
        ("/", "build.type"),
        ("/", "ssl.version"),
    ] {
        if let Some(value) = b.metadata.get(key) {
            envoy.push_str(separator);
            envoy.push_str(text_of(value));
        }
    }
    t.row(["Envoy Version:".to_string(), envoy]);
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
