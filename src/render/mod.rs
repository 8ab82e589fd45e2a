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
    let size: usize = items.iter().map(|i| i.len()).sum();
    // Parts stay small only when items are: a list of a few huge items (route configurations)
    // would hold several big buffers at once for little gain.
    if size >= TWO_THREADS_FROM && items.iter().all(|i| i.len() <= PART) {
        return write_list_on_two_threads(out, style(format), shape, items);
    }
    let mut array = JsonArrayWriter::istioctl(&mut *out, style(format)).map_err(schema_error)?;
    for item in items {
        array.push(item, shape.root()).map_err(schema_error)?;
    }
    array.finish().map_err(schema_error)?;
    Ok(())
}

/// Lists with at least this many bytes of JSON are printed by two threads.
const TWO_THREADS_FROM: usize = 1 << 20;
/// Bytes of input per part the two threads take turns at.
const PART: usize = 256 * 1024;

/// The array `JsonArrayWriter` prints, made in parts that this thread and a helper take turns
/// at: printing re-keys and re-indents every byte, the bulk of a big JSON view's time. This
/// thread writes the parts in order; the helper is at most two parts ahead, so memory stays
/// a few parts whatever the list's size.
fn write_list_on_two_threads(
    out: &mut dyn Write,
    style: KeyStyle,
    shape: Shape,
    items: &[&str],
) -> Result<()> {
    let mut parts: Vec<&[&str]> = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        bytes += item.len();
        if bytes >= PART || i + 1 == items.len() {
            parts.push(&items[start..=i]);
            (start, bytes) = (i + 1, 0);
        }
    }
    let print = |k: usize| -> Result<Vec<u8>> {
        let part: &[&str] = parts[k];
        // Output is up to about 1.7 times its input (longer keys, deeper indentation): room
        // for twice the input means a part is not copied as it grows.
        let mut buf = Vec::with_capacity(part.iter().map(|i| i.len()).sum::<usize>() * 2);
        envoy_schema::write_array_elements(part, shape.root(), style, k == 0, &mut buf)
            .map_err(schema_error)?;
        Ok(buf)
    };
    let count = parts.len();
    out.write_all(b"[")?;
    std::thread::scope(|scope| -> Result<()> {
        let (ahead, behind) = std::sync::mpsc::sync_channel(1);
        let print = &print;
        scope.spawn(move || {
            for k in (1..count).step_by(2) {
                // A send fails once this thread's partner stopped on an error.
                if ahead.send(print(k)).is_err() {
                    break;
                }
            }
        });
        for k in (0..count).step_by(2) {
            out.write_all(&print(k)?)?;
            if k + 1 < count {
                let next = behind
                    .recv()
                    .map_err(|_| Error::input("the printing thread stopped"))?;
                out.write_all(&next?)?;
            }
        }
        Ok(())
    })?;
    out.write_all(b"\n]\n")?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The clusters of the web-frontend fixture, as their JSON texts.
    fn fixture_clusters(json: &str) -> Vec<&str> {
        let dump: crate::envoy::dump::Dump = crate::envoy::dump::Dump::parse(
            json,
            0,
            crate::envoy::dump::Want::none().with(crate::envoy::dump::SectionKind::Clusters),
        )
        .unwrap();
        let section = dump.sections.first().unwrap();
        let list = section.field("dynamic_active_clusters").unwrap();
        let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(list.get()).unwrap();
        items
            .into_iter()
            .map(|i| {
                let wrapped: std::collections::BTreeMap<&str, &serde_json::value::RawValue> =
                    serde_json::from_str(i.get()).unwrap();
                wrapped["cluster"].get()
            })
            .collect()
    }

    fn one_thread(items: &[&str]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut array = JsonArrayWriter::istioctl(&mut out, KeyStyle::ProtoJson).unwrap();
        for item in items {
            array.push(item, Shape::Packed.root()).unwrap();
        }
        array.finish().unwrap();
        out
    }

    #[test]
    fn a_big_list_printed_by_two_threads_is_the_one_thread_array() {
        let json = crate::fixture_text("web-frontend", "config_dump.json");
        let clusters = fixture_clusters(&json);
        assert!(clusters.len() > 10);
        // Enough copies for several parts, in two sizes whose last parts differ.
        for copies in [150, 213] {
            let items: Vec<&str> = clusters
                .iter()
                .cycle()
                .take(clusters.len() * copies)
                .copied()
                .collect();
            let size: usize = items.iter().map(|i| i.len()).sum();
            assert!(size >= TWO_THREADS_FROM, "{size}");
            let mut two = Vec::new();
            write_list(&mut two, Format::Json, Shape::Packed, &items).unwrap();
            assert!(two == one_thread(&items), "{copies} copies differ");
        }
    }
}
