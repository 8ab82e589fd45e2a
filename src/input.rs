//! Turning bytes into a JSON document the views can borrow from: a saved dump as operators
//! really have it (plain, saved with `curl -i`, YAML, istioctl's camelCase), or Envoy's
//! `/clusters?format=json`. The kind of document is told from its content, never its name.

use std::io::Read;
use std::path::Path;

pub mod layout;
pub mod received;
mod spelling;
pub(crate) mod yaml;

use crate::error::{Error, Result};
use crate::memory::Release;
use layout::ItemEnds;
use received::{Body, Received};

/// A JSON document held in memory; views borrow from it.
#[derive(Debug)]
pub struct Document {
    text: Text,
    /// Where the JSON starts (after an HTTP status line and headers).
    start: usize,
    /// Those of the JSON, found as the text was checked.
    item_ends: ItemEnds,
    /// Where the document came from, for error messages.
    pub origin: String,
}

/// The document's bytes, checked to be UTF-8: read into memory, or a file mapped into it (a
/// big dump is not copied: the copy cost as much as a whole validating pass over it).
#[derive(Debug)]
enum Text {
    Owned(String),
    Mapped(memmap2::Mmap),
    /// A body received into an anonymous mapping (`live::received`), this many bytes of it.
    Received(memmap2::Mmap, usize),
}

impl Text {
    fn as_str(&self) -> &str {
        match self {
            Text::Owned(s) => s,
            // SAFETY: checked by `check_text` when the map was made; the map is read-only.
            // A file changed under a running command is outside what meshctl can guard against,
            // as for every tool that maps its input.
            Text::Mapped(m) => unsafe { std::str::from_utf8_unchecked(m) },
            // SAFETY: checked by `check_text` in `from_received`; read-only since.
            Text::Received(m, len) => unsafe { std::str::from_utf8_unchecked(&m[..*len]) },
        }
    }
}

/// A document's JSON as a reader takes it: where it starts in its input (for error offsets),
/// where its top-level items may end (`ItemEnds`), and how to release its pages.
#[derive(Clone, Copy)]
pub struct DocText<'a, 'e> {
    pub json: &'a str,
    pub at: usize,
    pub ends: &'e ItemEnds,
    pub release: Release<'e>,
}

/// What a document is, from its first key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// `/config_dump`: `{"configs": [...]}`.
    ConfigDump,
    /// `/clusters?format=json`: `{"cluster_statuses": [...]}`.
    ClusterStatuses,
}

fn not_text(origin: &str, at: usize) -> Error {
    Error::input(format!("{origin} is not text: invalid UTF-8 at byte {at}"))
}

/// Inputs from this size on are checked as two halves on two threads: the check is a pass over
/// every byte that precedes all other work.
const UTF8_TWO_THREADS_FROM: usize = 8 << 20;

/// Bytes checked at a time: each megabyte is also searched for `ItemEnds` while in the cache.
const CHECKED_AT_A_TIME: usize = 1 << 20;

/// Checks that `bytes` are UTF-8 and finds their `ItemEnds` in the same pass; the error is
/// where they stop being UTF-8 (the offset `str::from_utf8` reports).
fn check_text(bytes: &[u8]) -> std::result::Result<ItemEnds, usize> {
    check_text_in(bytes, UTF8_TWO_THREADS_FROM, CHECKED_AT_A_TIME)
}

/// `check_text` with its sizes as arguments, so that tests cross the split and the steps on
/// small texts.
fn check_text_in(
    bytes: &[u8],
    two_threads_from: usize,
    at_a_time: usize,
) -> std::result::Result<ItemEnds, usize> {
    // Split where a character starts (a byte that is not 0b10xxxxxx), so that each half of
    // valid text is valid and an error is found where one pass finds it; a character is at
    // most four bytes, so one starts within four of the middle unless the text is broken
    // there, and then one pass tells where.
    let middle = (bytes.len() >= two_threads_from)
        .then(|| char_start_before(bytes, bytes.len() / 2))
        .flatten();
    let Some(middle) = middle else {
        return check_part(bytes, 0..bytes.len(), at_a_time)
            .map(|ends| ItemEnds::from_parts([ends]));
    };
    let (first, second) = crate::parallel::join(
        || check_part(bytes, 0..middle, at_a_time),
        || check_part(bytes, middle..bytes.len(), at_a_time),
    );
    Ok(ItemEnds::from_parts([first?, second?]))
}

/// The last of the four bytes up to `at` where a character starts; None when text is broken
/// there (or `at` is 0).
fn char_start_before(bytes: &[u8], at: usize) -> Option<usize> {
    (at.saturating_sub(3)..=at)
        .rev()
        .find(|&i| i > 0 && bytes[i] & 0xC0 != 0x80)
}

/// `check_text` of `range`, which starts where a character does, a megabyte at a time: the
/// `ItemEnds` that start in it, or the offset in `bytes` where it stops being UTF-8.
fn check_part(
    bytes: &[u8],
    range: std::ops::Range<usize>,
    at_a_time: usize,
) -> std::result::Result<Vec<usize>, usize> {
    let mut ends = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let mut next = range.end;
        if range.end - at > at_a_time {
            // Where no character starts near the step, the text is broken there: the rest
            // is checked at once, which tells where.
            next = char_start_before(bytes, at + at_a_time).unwrap_or(range.end);
        }
        if let Err(e) = std::str::from_utf8(&bytes[at..next]) {
            return Err(at + e.valid_up_to());
        }
        ItemEnds::find_in(bytes, at..next, &mut ends);
        at = next;
    }
    Ok(ends)
}

impl Document {
    pub fn json(&self) -> &str {
        &self.text.as_str()[self.start..]
    }

    /// Gives back the memory of parts of `json()` that were read for the last time.
    pub fn release(&self) -> Release<'_> {
        match &self.text {
            Text::Mapped(map) => Release::of_map(map),
            // Released anonymous pages would read as zeros: only a file's are read again.
            Text::Owned(_) | Text::Received(..) => Release::NONE,
        }
    }

    /// The JSON with what readers need of it.
    pub fn text(&self) -> DocText<'_, '_> {
        DocText {
            json: self.json(),
            at: self.start,
            ends: &self.item_ends,
            release: self.release(),
        }
    }

    /// Reads `-f PATH` (mapped when it is a regular file), or standard input for `-`.
    pub fn read(path: &Path) -> Result<Document> {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Error::read("standard input", e))?;
            return Document::from_bytes(buf, "standard input".to_string());
        }
        let origin = path.display().to_string();
        let cannot = |e: std::io::Error| Error::read(&origin, e);
        let file = std::fs::File::open(path).map_err(cannot)?;
        let meta = file.metadata().map_err(cannot)?;
        if !meta.is_file() || meta.len() == 0 {
            // Pipes, devices and empty files cannot be mapped; directories fail here.
            let bytes = std::fs::read(path).map_err(cannot)?;
            return Document::from_bytes(bytes, origin);
        }
        // SAFETY: a read-only private map of a regular file; see `Text::as_str`.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(cannot)?;
        let ends = check_text(&map).map_err(|at| not_text(&origin, at))?;
        Document::from_text(Text::Mapped(map), ends, origin)
    }

    /// A body received from Envoy, read where it was received.
    pub fn from_received(received: Received, origin: String) -> Result<Document> {
        let store = received
            .into_store()
            .map_err(|e| Error::read(&format!("{origin}'s answer"), e))?;
        match store {
            Body::Vec(bytes) => Document::from_bytes(bytes, origin),
            Body::Map(map, len) => {
                let ends = check_text(&map[..len]).map_err(|at| not_text(&origin, at))?;
                Document::from_text(Text::Received(map, len), ends, origin)
            }
        }
    }

    /// One config dump made of the `configs` of several `/config_dump` answers, each asked with
    /// a mask naming other sections, in the order given.
    pub fn from_dump_parts(parts: &[&[u8]], origin: String) -> Result<Document> {
        #[derive(serde::Deserialize)]
        struct Part<'a> {
            #[serde(borrow)]
            configs: Vec<&'a serde_json::value::RawValue>,
        }
        let mut merged = b"{\"configs\":[".to_vec();
        let mut first = true;
        for part in parts {
            let part: Part = serde_json::from_slice(part).map_err(|e| {
                Error::malformed(format!("{origin}'s answer is no config dump: {e}"))
            })?;
            for config in part.configs {
                if !first {
                    merged.push(b',');
                }
                first = false;
                merged.extend_from_slice(config.get().as_bytes());
            }
        }
        merged.extend_from_slice(b"]}");
        Document::from_bytes(merged, origin)
    }

    /// Accepts JSON or YAML, optionally behind an HTTP status line and headers (`curl -i`).
    pub fn from_bytes(bytes: Vec<u8>, origin: String) -> Result<Document> {
        let ends = check_text(&bytes).map_err(|at| not_text(&origin, at))?;
        // SAFETY: checked just above.
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        Document::from_text(Text::Owned(text), ends, origin)
    }

    /// `ends`: the `ItemEnds` of all of `text`.
    fn from_text(text: Text, ends: ItemEnds, origin: String) -> Result<Document> {
        let all = text.as_str();
        let start = body_start(all, &origin)?;
        let body = &all[start..];
        let doc = match body.trim_start().chars().next() {
            None => return Err(Error::input(format!("{origin} is empty"))),
            Some('{') | Some('[') => Document {
                item_ends: ends.from(start),
                text,
                start,
                origin,
            },
            Some(_) => {
                let json = yaml::to_json(body, &origin)?;
                Document {
                    item_ends: ItemEnds::find(json.as_bytes()),
                    text: Text::Owned(json),
                    start: 0,
                    origin,
                }
            }
        };
        Ok(doc.in_envoy_spelling())
    }

    /// The document in Envoy's snake_case: itself, or, spelled in camelCase, rewritten.
    fn in_envoy_spelling(self) -> Document {
        let json = self.json();
        if !spelling::is_camel_case(json, &self.item_ends) {
            return self;
        }
        let root = match first_key(json).and_then(kind_of_key) {
            Some(DocKind::ClusterStatuses) => "envoy.admin.v3.Clusters",
            _ => "envoy.admin.v3.ConfigDump",
        };
        match spelling::to_snake_case(json, root) {
            Some(snake) => Document {
                item_ends: ItemEnds::find(snake.as_bytes()),
                text: Text::Owned(snake),
                start: 0,
                origin: self.origin,
            },
            None => self,
        }
    }

    /// Checks that the whole document is well-formed JSON, as istioctl has parsed its input
    /// before it looks at the output format.
    pub fn check_json(&self) -> Result<()> {
        let json = self.json();
        serde_json::from_str::<serde::de::IgnoredAny>(json)
            .map(|_| ())
            .map_err(|e| json_error(json, self.start, &e).in_input(&self.origin))
    }

    /// Tells a config dump from `/clusters?format=json` output; anything else is an error.
    pub fn kind(&self) -> Result<DocKind> {
        let json = self.json();
        // Envoy and istioctl print the telling key first; reading it saves a pass over a big
        // document. Anything else (another key first, a non-object) is scanned in full.
        if let Some(kind) = first_key(json).and_then(kind_of_key) {
            return Ok(kind);
        }
        let mut de = serde_json::Deserializer::from_str(json);
        let found: Found = serde::Deserialize::deserialize(&mut de)
            .map_err(|e| json_error(json, self.start, &e).in_input(&self.origin))?;
        match found {
            Found::Object(Some(kind)) => Ok(kind),
            // istioctl reads any object as a config dump, unknown fields ignored: one without
            // `configs` has no sections, and each view says which one it lacks.
            Found::Object(None) => Ok(DocKind::ConfigDump),
            Found::Other(what) => Err(Error::malformed(format!(
                "not a JSON object (found {what})"
            ))
            .in_input(&self.origin)),
        }
    }
}

/// The first key of a JSON object, when it is a plain string (no escapes).
fn first_key(json: &str) -> Option<&str> {
    let rest = json
        .trim_start()
        .strip_prefix('{')?
        .trim_start()
        .strip_prefix('"')?;
    let end = rest.find(['"', '\\'])?;
    (rest.as_bytes()[end] == b'"').then(|| &rest[..end])
}

fn kind_of_key(key: &str) -> Option<DocKind> {
    match key {
        "configs" => Some(DocKind::ConfigDump),
        "cluster_statuses" | "clusterStatuses" => Some(DocKind::ClusterStatuses),
        _ => None,
    }
}

/// The offset of the body in a response saved with its HTTP head, or 0 for a bare body.
fn body_start(text: &str, origin: &str) -> Result<usize> {
    let mut start = 0;
    // `curl -i` may show an interim `100 Continue` head before the real one.
    while text[start..].starts_with("HTTP/") {
        let head = &text[start..];
        let status_line = head.lines().next().unwrap_or_default();
        let status = status_line.split_whitespace().nth(1).unwrap_or_default();
        let end = head
            .find("\r\n\r\n")
            .map(|i| i + 4)
            .or_else(|| head.find("\n\n").map(|i| i + 2))
            .ok_or_else(|| {
                Error::input(format!(
                    "{origin}: an HTTP response head with no body after it"
                ))
            })?;
        if status.starts_with('1') {
            start += end;
            continue;
        }
        if status != "200" {
            return Err(Error::input(format!(
                "{origin} holds an HTTP {} response, not a dump: {}",
                status,
                head[end..].trim().lines().next().unwrap_or("(no body)")
            )));
        }
        start += end;
        break;
    }
    Ok(start)
}

/// A one-line description of a JSON error, with the byte offset where it happened. `at` is where
/// `json` starts in the file (after a saved HTTP head), so the offset counts from the file's start.
pub fn json_error(json: &str, at: usize, e: &serde_json::Error) -> Error {
    let offset = at + byte_offset(json, e.line(), e.column());
    let reason = e.to_string();
    let reason = reason
        .split(" at line ")
        .next()
        .unwrap_or(&reason)
        .to_string();
    match e.classify() {
        serde_json::error::Category::Eof => Error::malformed(format!(
            "truncated JSON: the input ends at byte {} ({reason})",
            at + json.len()
        )),
        serde_json::error::Category::Data => Error::malformed(format!(
            "unexpected JSON content at byte {offset} (line {}, column {}): {reason}",
            e.line(),
            e.column()
        )),
        _ => Error::malformed(format!(
            "invalid JSON at byte {offset} (line {}, column {}): {reason}",
            e.line(),
            e.column()
        )),
    }
}

/// serde_json reports 1-based lines and columns counted in bytes; turn them into an offset.
fn byte_offset(json: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let line_start = json
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map(|(i, _)| i + 1)
        .filter(|_| line > 1)
        .unwrap_or(0);
    (line_start + column.saturating_sub(1)).min(json.len())
}

/// Just enough of the top level to tell the document's kind, skipping everything else.
enum Found {
    Object(Option<DocKind>),
    Other(&'static str),
}

impl<'de> serde::Deserialize<'de> for Found {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Found;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Found, A::Error> {
                let mut kind = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    if kind.is_none() {
                        kind = kind_of_key(&key);
                    }
                }
                Ok(Found::Object(kind))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Found, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Found::Other("a JSON array"))
            }
            fn visit_str<E>(self, _: &str) -> std::result::Result<Found, E> {
                Ok(Found::Other("a JSON string"))
            }
            fn visit_bool<E>(self, _: bool) -> std::result::Result<Found, E> {
                Ok(Found::Other("a JSON boolean"))
            }
            fn visit_i64<E>(self, _: i64) -> std::result::Result<Found, E> {
                Ok(Found::Other("a JSON number"))
            }
            fn visit_u64<E>(self, _: u64) -> std::result::Result<Found, E> {
                Ok(Found::Other("a JSON number"))
            }
            fn visit_f64<E>(self, _: f64) -> std::result::Result<Found, E> {
                Ok(Found::Other("a JSON number"))
            }
            fn visit_unit<E>(self) -> std::result::Result<Found, E> {
                Ok(Found::Other("JSON null"))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Result<Document> {
        Document::from_bytes(s.as_bytes().to_vec(), "test".into())
    }

    /// A mapped dump's pages are released once read, and its text reads the same after.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_mapped_dump_given_back_reads_the_same() {
        let text = crate::fixture_text("web-frontend", "config_dump.json").repeat(8);
        let mut file = tempfile::NamedTempFile::new().unwrap();
        use std::io::Write as _;
        file.write_all(text.as_bytes()).unwrap();
        let d = Document::read(file.path()).unwrap();
        let json = d.json();
        let start = json.as_ptr() as usize;
        let touched: usize = json.bytes().map(usize::from).sum();
        let before = crate::resident_kb(start);
        assert!(before * 1024 >= text.len() - 4096, "{before} KB resident");
        d.release().pages_of(json);
        // What is left is at most the partial blocks at either end.
        let after = crate::resident_kb(start);
        assert!(
            after * 1024 <= 2 * crate::memory::RELEASE_BLOCK,
            "{after} KB still resident"
        );
        assert_eq!(json.bytes().map(usize::from).sum::<usize>(), touched);
        assert!(json == text);
        // Text read into memory is never released.
        let owned = doc(&text).unwrap();
        owned.release().pages_of(owned.json());
        assert!(owned.json() == text);
    }

    /// A big body received from Envoy is read in place, and never released: its pages are
    /// anonymous, they would read as zeros.
    #[test]
    fn a_received_body_reads_as_it_came_and_is_not_given_back() {
        let text = crate::fixture_text("web-frontend", "config_dump.json").repeat(8);
        let mut received = Received::with_capacity(0).unwrap();
        for chunk in text.as_bytes().chunks(16 * 1024) {
            received.extend(chunk).unwrap();
        }
        let d = Document::from_received(received, "web-1".into()).unwrap();
        assert!(d.json() == text);
        d.release().pages_of(d.json());
        assert!(d.json() == text);
        assert!(
            matches!(d.text, Text::Received(..)),
            "{} bytes in a Vec",
            text.len()
        );
    }

    /// The check on two halves finds what one pass finds, wherever the fault is around the
    /// split, and accepts text whose characters straddle the middle.
    /// Small sizes for the split and the steps, so that the tests cross them on kilobytes.
    const TWO_THREADS_FROM: usize = 8 << 10;
    const AT_A_TIME: usize = 1 << 10;

    #[test]
    fn utf8_checked_in_halves_agrees_with_one_pass() {
        let one_pass = |b: &[u8]| std::str::from_utf8(b).err().map(|e| e.valid_up_to());
        let checked = |b: &[u8]| check_text_in(b, TWO_THREADS_FROM, AT_A_TIME).err();
        // Four-byte characters all through, so that the middle and the megabyte steps fall
        // inside one.
        let text = "\u{1F600}".repeat(TWO_THREADS_FROM / 4 + 3);
        let half = text.len() / 2;
        assert_eq!(checked(text.as_bytes()), None);
        let steps = (1..3).flat_map(|k| [k * AT_A_TIME, half + k * AT_A_TIME]);
        let around = |at: usize| at - 9..at + 9;
        for at in around(half)
            .chain(steps.flat_map(around))
            .chain([0, text.len() - 1])
        {
            for bad in [0xFF, 0x80, 0xF0] {
                let mut bytes = text.clone().into_bytes();
                bytes[at] = bad;
                assert_eq!(checked(&bytes), one_pass(&bytes), "byte {bad:#x} at {at}");
            }
        }
    }

    /// The item ends found as the text is checked, in halves and a megabyte at a time, are
    /// those one search finds: one that straddles the middle or a step is found once.
    #[test]
    fn item_ends_found_in_the_check_are_those_of_one_search() {
        let mut bytes = vec![b' '; TWO_THREADS_FROM + 5];
        let half = bytes.len() / 2;
        let mut places = vec![0, 7, bytes.len() - 4];
        for boundary in [half, AT_A_TIME, half + 2 * AT_A_TIME] {
            places.push(boundary - 2);
        }
        places.sort_unstable();
        for &at in &places {
            bytes[at..at + 4].copy_from_slice(b"\n  }");
        }
        let found = check_text_in(&bytes, TWO_THREADS_FROM, AT_A_TIME).expect("ASCII");
        assert_eq!(found, ItemEnds::from_parts([places]));
        assert_eq!(found, ItemEnds::find(&bytes));
    }

    #[test]
    fn http_head_from_curl_i_is_skipped() {
        let d = doc("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n{\"configs\":[]}").unwrap();
        assert_eq!(d.json(), "{\"configs\":[]}");
        assert_eq!(d.kind().unwrap(), DocKind::ConfigDump);
    }

    #[test]
    fn a_saved_error_response_is_reported_with_its_status() {
        let e = doc("HTTP/1.1 404 Not Found\r\n\r\ninvalid path\n").unwrap_err();
        assert_eq!(
            e.message,
            "test holds an HTTP 404 response, not a dump: invalid path"
        );
    }

    #[test]
    fn yaml_is_read_as_json_in_the_same_order() {
        let d = doc("cluster_statuses:\n- name: b\n- name: a\n").unwrap();
        assert_eq!(
            d.json(),
            r#"{"cluster_statuses":[{"name":"b"},{"name":"a"}]}"#
        );
        assert_eq!(d.kind().unwrap(), DocKind::ClusterStatuses);
    }

    #[test]
    fn wrong_kinds_of_document_are_named() {
        assert!(doc("[1,2]")
            .unwrap()
            .kind()
            .unwrap_err()
            .message
            .contains("found a JSON array"));
        // Any object is a config dump to istioctl, one without `configs` a dump without sections.
        assert_eq!(
            doc("{\"a\":1}").unwrap().kind().unwrap(),
            DocKind::ConfigDump
        );
        assert_eq!(doc("  \n").unwrap_err().message, "test is empty");
        assert!(doc("just words")
            .unwrap_err()
            .message
            .contains("not a JSON or YAML object"));
    }

    #[test]
    fn the_first_key_tells_the_kind_without_a_full_scan() {
        // The rest is cut short: the kind still reads, the view's parse reports the cut.
        assert_eq!(
            doc("{ \"configs\": [{").unwrap().kind().unwrap(),
            DocKind::ConfigDump
        );
        assert_eq!(
            doc("{\"clusterStatuses\":[").unwrap().kind().unwrap(),
            DocKind::ClusterStatuses
        );
        assert_eq!(first_key("{\"con\\u0066igs\": 1}"), None);
    }

    #[test]
    fn truncated_json_names_the_byte_offset() {
        // Another key first, so the kind is found by a full scan, which meets the cut.
        let d = doc("{\"version\":[{\"a\":").unwrap();
        let e = d.kind().unwrap_err();
        assert!(
            e.message
                .starts_with("test: truncated JSON: the input ends at byte 17"),
            "{}",
            e.message
        );
    }

    #[test]
    fn malformed_json_names_the_byte_offset_on_later_lines() {
        let d = doc("{\n  \"version\": [\n    x\n]}").unwrap();
        let e = d.kind().unwrap_err();
        // The `x` is at byte 21: 2 (`{\n`) + 15 (`  "version": [\n`) + 4 spaces.
        assert!(
            e.message
                .contains("invalid JSON at byte 21 (line 3, column 5)"),
            "{}",
            e.message
        );
    }
}
