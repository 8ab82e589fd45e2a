//! Output: tables, and the JSON/YAML printers for lists of resources and whole objects. Key
//! spelling comes from Envoy's API schema (the envoy-schema crate), never from a hand list.

pub mod background;
pub mod table;
pub mod yaml;

use std::io::Write;

use envoy_schema::{JsonArrayWriter, KeyStyle, Root};

use crate::config::Format;
use crate::error::{Error, Result};

/// What a printed JSON document is.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// A resource packed in an Any (`{"@type": ".../Cluster", ...}`), printed unpacked as
    /// istioctl prints resources it has decoded.
    Packed,
    /// A message of this full name, e.g. `envoy.admin.v3.ClusterStatus`.
    Message(&'static str),
}

impl Shape {
    fn root(self) -> Root<'static> {
        match self {
            Shape::Packed => Root::UnpackedAny,
            Shape::Message(name) => Root::Message(name),
        }
    }
}

fn style(format: Format) -> KeyStyle {
    match format {
        Format::Raw => KeyStyle::ProtoName,
        _ => KeyStyle::ProtoJson,
    }
}

fn schema_error(e: envoy_schema::TranscodeError) -> Error {
    Error::input(format!("cannot print the dump as JSON: {e}"))
}

/// A bare JSON array of resources, as istioctl prints lists (`[]` when empty). JSON goes
/// straight to `out`: a copy of a big selection in memory would double the peak.
pub fn write_list(out: &mut dyn Write, format: Format, shape: Shape, items: &[&str]) -> Result<()> {
    if format == Format::Yaml {
        let mut json = Vec::new();
        write_list(&mut json, Format::Json, shape, items)?;
        return yaml::write_yaml(out, &json);
    }
    let mut array = JsonArrayWriter::istioctl(&mut *out, style(format)).map_err(schema_error)?;
    for item in items {
        array.push(item, shape.root()).map_err(schema_error)?;
    }
    array.finish().map_err(schema_error)?;
    Ok(())
}

/// One JSON document (a dump section, or the whole dump) in the chosen format.
pub fn write_document(out: &mut dyn Write, format: Format, shape: Shape, doc: &str) -> Result<()> {
    if format == Format::Yaml {
        let mut json = Vec::new();
        write_document(&mut json, Format::Json, shape, doc)?;
        return yaml::write_yaml(out, &json);
    }
    envoy_schema::write_istioctl_document(doc, shape.root(), style(format), &mut *out)
        .map_err(schema_error)
}
