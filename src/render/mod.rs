//! Output: tables, and the JSON/YAML printers for lists of resources and whole objects.

pub mod table;

use std::io::Write;

use serde_json::value::RawValue;

use crate::config::Format;
use crate::error::{Error, Result};

/// A bare JSON array of resources of one message type, as istioctl prints lists.
pub fn write_list(out: &mut dyn Write, format: Format, message: &str, items: &[&RawValue]) -> Result<()> {
    let texts: Vec<&str> = items.iter().map(|r| r.get()).collect();
    write_list_text(out, format, message, &texts)
}

pub fn write_list_text(out: &mut dyn Write, format: Format, message: &str, items: &[&str]) -> Result<()> {
    let doc = format!("[{}]", items.join(","));
    write_object(out, format, message, &doc)
}

/// One JSON document (an object, or an array of `message`s) in the chosen format.
pub fn write_object(out: &mut dyn Write, format: Format, _message: &str, doc: &str) -> Result<()> {
    let _ = format;
    let mut de = serde_json::Deserializer::from_str(doc);
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, serde_json::ser::PrettyFormatter::with_indent(b"    "));
    let v: serde_json::Value = serde::Deserialize::deserialize(&mut de).map_err(|e| Error::input(e.to_string()))?;
    serde::Serialize::serialize(&v, &mut ser).map_err(|e| Error::input(e.to_string()))?;
    out.write_all(b"\n")?;
    Ok(())
}
