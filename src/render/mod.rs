//! Output: tables, and the JSON/YAML printers for lists of resources and whole objects. Key
//! spelling comes from Envoy's API schema (the envoy-schema crate), never from a hand list.

pub mod background;
pub mod table;
pub mod yaml;

use std::borrow::Cow;
use std::io::Write;

use envoy_schema::{JsonArrayWriter, KeyStyle, Root};

use crate::config::Format;
use crate::error::{Error, Result};
use crate::memory::Release;

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
    match e {
        envoy_schema::TranscodeError::Io(e) => Error::from(e),
        other => Error::input(format!("cannot print the dump as JSON: {other}")),
    }
}

/// An element of a printed list: JSON text, or what makes it when it is printed.
pub trait ListItem: Sync {
    /// The length of its text, or near it: lists are cut into parts by it.
    fn size(&self) -> usize;
    fn text(&self) -> Cow<'_, str>;
    /// The input text its text ends with (all of it for an item that is input text): once it
    /// is printed, the input up to its end is no longer needed, when items are in input order.
    fn last_text(&self) -> &str;
}

impl ListItem for &str {
    fn size(&self) -> usize {
        self.len()
    }
    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
    fn last_text(&self) -> &str {
        self
    }
}

/// A bare JSON array of resources, as istioctl prints lists (`[]` when empty). JSON goes
/// straight to `out`: a copy of a big selection in memory would double the peak.
pub fn write_list<I: ListItem>(
    out: &mut dyn Write,
    format: Format,
    shape: Shape,
    items: &[I],
) -> Result<()> {
    write_list_releasing(out, format, shape, items, Release::NONE)
}

/// `write_list` of items in the order of the document `release` belongs to, whose pages are
/// released as the items are printed (items out of that order would only be read from the
/// file again).
pub fn write_list_releasing<I: ListItem>(
    out: &mut dyn Write,
    format: Format,
    shape: Shape,
    items: &[I],
    release: Release<'_>,
) -> Result<()> {
    if format == Format::Yaml {
        let mut json = Vec::new();
        write_list_releasing(&mut json, Format::Json, shape, items, release)?;
        return yaml::write_yaml(out, &json);
    }
    let size: usize = items.iter().map(ListItem::size).sum();
    // Parts stay small only when items are: a list of a few huge items (route configurations)
    // would hold several big buffers at once for little gain.
    if size >= TWO_THREADS_FROM && items.iter().all(|i| i.size() <= PART) {
        return write_list_on_two_threads(out, style(format), shape, items, release);
    }
    let mut array = JsonArrayWriter::istioctl(&mut *out, style(format)).map_err(schema_error)?;
    for item in items {
        array
            .push(&item.text(), shape.root())
            .map_err(schema_error)?;
    }
    array.finish().map_err(schema_error)?;
    Ok(())
}

/// Lists with at least this many bytes of JSON are printed by two threads.
const TWO_THREADS_FROM: usize = 1 << 20;
/// Bytes of input per part the two threads print.
const PART: usize = 256 * 1024;

/// Bytes of printed input released at a time (see `Release::in_steps`).
const RELEASE_EVERY: usize = 8 << 20;

/// Printed parts that may wait, behind a slower one, to be written.
const WAITING_PARTS: usize = 4;

/// The biggest part buffer handed back to the helper to print into again.
const KEPT_BUFFER: usize = 4 * PART;

/// `items` in runs of about `part` bytes (one item when it is bigger).
fn parts<I: ListItem>(items: &[I], part: usize) -> Vec<&[I]> {
    let mut parts = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        bytes += item.size();
        if bytes >= part || i + 1 == items.len() {
            parts.push(&items[start..=i]);
            (start, bytes) = (i + 1, 0);
        }
    }
    parts
}

/// Room in `buf` for the printed form of `part`: output is longer than its input (longer keys,
/// deeper indentation), so twice the input means a part is rarely copied as it grows.
fn reserve_for<I: ListItem>(part: &[I], buf: &mut Vec<u8>) {
    buf.reserve(part.iter().map(ListItem::size).sum::<usize>() * 2);
}

/// The array `JsonArrayWriter` prints, made in parts by two threads: printing re-keys and
/// re-indents every byte, the bulk of a big JSON view's time.
fn write_list_on_two_threads<I: ListItem>(
    out: &mut dyn Write,
    style: KeyStyle,
    shape: Shape,
    items: &[I],
    release: Release<'_>,
) -> Result<()> {
    let parts = parts(items, PART);
    out.write_all(b"[")?;
    let first = items.first().map_or("", ListItem::last_text);
    let mut printed = release.in_steps(first, RELEASE_EVERY);
    write_in_order_on_two_threads(
        out,
        parts.len(),
        |k, buf| {
            reserve_for(parts[k], buf);
            let texts: Vec<Cow<str>> = parts[k].iter().map(ListItem::text).collect();
            let texts: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
            envoy_schema::write_array_elements(&texts, shape.root(), style, k == 0, buf)
                .map_err(schema_error)
        },
        |k| {
            if let Some(last) = parts[k].last() {
                printed.done_through(last.last_text(), k + 1 == parts.len());
            }
        },
    )?;
    out.write_all(b"\n]\n")?;
    Ok(())
}

/// Writes what `print(0, buffer)`, `print(1, buffer)`, ... `print(count - 1, buffer)` put in
/// their (empty) buffers, in order. This thread and a helper each take the next part when they
/// are free (parts differ in cost, and taking turns left each waiting for the other's slower
/// part); this thread writes
/// them in order, and calls `written(k)` once part `k` is. The helper waits once it is two parts
/// ahead of what this thread has taken in, and this thread takes no more parts while a few wait
/// to be written, so memory stays a few parts whatever the output's size.
fn write_in_order_on_two_threads(
    out: &mut dyn Write,
    count: usize,
    print: impl Fn(usize, &mut Vec<u8>) -> Result<()> + Sync,
    mut written: impl FnMut(usize),
) -> Result<()> {
    let next = &std::sync::atomic::AtomicUsize::new(0);
    let take = || next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::thread::scope(|scope| -> Result<()> {
        let (ahead, behind) = std::sync::mpsc::sync_channel::<(usize, Result<Vec<u8>>)>(1);
        let (spent, reuse) = std::sync::mpsc::channel::<Vec<u8>>();
        let print = &print;
        scope.spawn(move || loop {
            let k = take();
            if k >= count {
                break;
            }
            let mut buf = reuse.try_recv().unwrap_or_default();
            buf.clear();
            let printed = print(k, &mut buf).map(|()| buf);
            // A send fails once this thread's partner stopped on an error.
            if ahead.send((k, printed)).is_err() {
                break;
            }
        });
        // Printed parts waiting to be written, each with whether the helper printed it: a
        // buffer goes back to the thread that filled it, whose cache and heap it is in.
        let mut done: std::collections::BTreeMap<usize, (Vec<u8>, bool)> = Default::default();
        let mut own = Vec::new();
        let mut next_out = 0;
        while next_out < count {
            while let Ok((k, printed)) = behind.try_recv() {
                done.insert(k, (printed?, true));
            }
            if let Some((buf, helpers)) = done.remove(&next_out) {
                out.write_all(&buf)?;
                written(next_out);
                next_out += 1;
                if !helpers {
                    own = buf;
                } else if buf.capacity() <= KEPT_BUFFER {
                    // Only buffers of a usual part's size go back: one that grew for a huge
                    // item would be held to the end. (Once the helper is done, this drops it.)
                    let _ = spent.send(buf);
                }
                continue;
            }
            // Parts printed but not yet written wait for a slow one before them: a few at most.
            let k = if done.len() < WAITING_PARTS {
                take()
            } else {
                count
            };
            if k < count {
                let mut buf = std::mem::take(&mut own);
                buf.clear();
                print(k, &mut buf)?;
                done.insert(k, (buf, false));
            } else {
                let (k, printed) = behind
                    .recv()
                    .map_err(|_| Error::input("the printing thread stopped"))?;
                done.insert(k, (printed?, true));
            }
        }
        Ok(())
    })
}

/// A document as it was received: its own text, then a newline unless it ends with one; or
/// that document as YAML, its keys as they are. The pages of a mapped input are released
/// through `release` as they are written.
pub fn write_received(
    out: &mut dyn Write,
    format: Format,
    doc: &str,
    release: Release<'_>,
) -> Result<()> {
    if format == Format::Yaml {
        return yaml::write_yaml(out, doc.as_bytes());
    }
    let mut printed = release.in_steps(doc, RELEASE_EVERY);
    let mut start = 0;
    while start < doc.len() {
        let mut end = (start + PART).min(doc.len());
        while !doc.is_char_boundary(end) {
            end += 1;
        }
        let part = &doc[start..end];
        out.write_all(part.as_bytes())?;
        printed.done_through(part, end == doc.len());
        start = end;
    }
    if !doc.ends_with('\n') {
        out.write_all(b"\n")?;
    }
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

    /// `all -o json` is the dump's own bytes: a newline is added only when the text has none
    /// at its end, and YAML keeps Envoy's keys.
    #[test]
    fn a_received_document_is_written_as_it_is() {
        let json = crate::fixture_text("web-frontend", "config_dump.json");
        let mut out = Vec::new();
        write_received(&mut out, Format::Json, &json, Release::NONE).unwrap();
        assert!(out == json.as_bytes());
        let unended = "{\"configs\": []}";
        let mut out = Vec::new();
        write_received(&mut out, Format::Raw, unended, Release::NONE).unwrap();
        assert_eq!(out, b"{\"configs\": []}\n");
        let mut out = Vec::new();
        let doc = "{\"configs\": [{\"@type\": \"x\", \"dynamic_listeners\": []}]}";
        write_received(&mut out, Format::Yaml, doc, Release::NONE).unwrap();
        let yaml = String::from_utf8(out).unwrap();
        assert!(yaml.contains("dynamic_listeners:"), "{yaml}");
        assert!(yaml.ends_with("\n\n"), "{yaml:?}");
    }

    /// Parts of uneven cost finish out of order on the two threads; they are written, and
    /// reported written, in order, and both threads printed some.
    #[test]
    fn parts_finished_out_of_order_are_written_in_order() {
        let count = 60;
        let printed_by = std::sync::Mutex::new(vec![None; count]);
        let mut out = Vec::new();
        let mut reported = Vec::new();
        write_in_order_on_two_threads(
            &mut out,
            count,
            |k, buf| {
                // Every third part is slow, so the other thread runs ahead of it.
                if k % 3 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(3));
                }
                printed_by.lock().unwrap()[k] = Some(std::thread::current().id());
                buf.extend_from_slice(format!("{k},").as_bytes());
                Ok(())
            },
            |k| reported.push(k),
        )
        .unwrap();
        let expected: String = (0..count).map(|k| format!("{k},")).collect();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
        assert_eq!(reported, (0..count).collect::<Vec<_>>());
        let threads: std::collections::HashSet<_> = printed_by
            .into_inner()
            .unwrap()
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(threads.len(), 2, "both threads printed parts");
    }

    /// A part that fails stops the writing there: what was written is parts in order, and
    /// nothing from the failed part on.
    #[test]
    fn a_part_that_fails_stops_the_writing() {
        let mut out = Vec::new();
        let failed = write_in_order_on_two_threads(
            &mut out,
            40,
            |k, buf| {
                if k == 7 {
                    return Err(Error::input("part 7 is bad"));
                }
                buf.extend_from_slice(format!("{k},").as_bytes());
                Ok(())
            },
            |_| {},
        );
        assert!(failed.is_err());
        let written = String::from_utf8(out).unwrap();
        assert!("0,1,2,3,4,5,6,".starts_with(&written), "{written}");
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
