//! The streaming transcoder: one pass over the input text, writing as it reads.
//!
//! JSON is scanned here (src/scan.rs) rather than through serde's data model so that numbers and
//! strings are copied byte for byte: serde would round floats through f64 and re-escape strings,
//! and serde_json's `arbitrary_precision` would change number handling for the whole workspace.
//! The layout is serde_json's (src/output.rs).

use crate::output::Output;
use crate::scan::{Scanner, Str};
use crate::tables::{self, FieldTable, Kind, MessageTable, MESSAGES};
use crate::{message_for_type_url, KeyStyle, Root};
use std::collections::BTreeSet;
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

#[derive(Debug)]
pub enum TranscodeError {
    /// The input is not valid JSON. `offset` counts bytes from the start of the text given to
    /// this call.
    Syntax {
        offset: usize,
        problem: &'static str,
    },
    /// `Root::Message` names a message the schema does not have.
    UnknownMessage(String),
    /// Writing the output failed.
    Io(io::Error),
}

impl fmt::Display for TranscodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TranscodeError::Syntax { offset, problem } => {
                write!(f, "invalid JSON at byte {offset}: {problem}")
            }
            TranscodeError::UnknownMessage(name) => {
                write!(f, "no message named {name} in Envoy's API schema")
            }
            TranscodeError::Io(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

impl std::error::Error for TranscodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TranscodeError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for TranscodeError {
    fn from(e: io::Error) -> Self {
        TranscodeError::Io(e)
    }
}

/// Rewrites the keys of `json`, a document of type `root`, into `style`, writing the result to
/// `out`: compact when `pretty_indent` is `None`, else pretty with that indent per level, laid
/// out as serde_json lays out JSON. No trailing newline is written. The input is exactly one JSON
/// value (surrounding whitespace allowed). On an error, `out` may hold part of the output.
pub fn transcode(
    json: &str,
    root: Root<'_>,
    style: KeyStyle,
    out: &mut (impl Write + ?Sized),
    pretty_indent: Option<&[u8]>,
) -> Result<(), TranscodeError> {
    let root = root_walk(root)?;
    let mut output = Output::new(out, pretty_indent);
    Walk::new(json, style, &mut output).document(root)?;
    output.finish()?;
    Ok(())
}

/// What a document holds that the schema does not describe; the transcoder keeps such content as
/// it is (see the crate documentation).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SchemaGaps {
    /// Type URLs of `Any`s whose message the schema lacks.
    pub unknown_types: BTreeSet<String>,
    /// `message.key` for keys that are no field of their known message.
    pub unknown_fields: BTreeSet<String>,
}

/// Lists what in `json`, a document of type `root`, falls outside the schema.
pub fn schema_gaps(json: &str, root: Root<'_>) -> Result<SchemaGaps, TranscodeError> {
    let root = root_walk(root)?;
    let mut output = Output::new(io::sink(), None);
    let mut walk = Walk::new(json, KeyStyle::ProtoJson, &mut output);
    walk.gaps = Some(SchemaGaps::default());
    walk.document(root)?;
    Ok(walk.gaps.unwrap_or_default())
}

/// Writes a JSON array whose elements are transcoded documents, laid out as serde_json (and
/// istioctl) lay out arrays: `[]` when empty, otherwise one element after another at one level
/// of indentation.
pub struct JsonArrayWriter<W: Write> {
    output: Output<W>,
    style: KeyStyle,
    empty: bool,
}

impl<W: Write> JsonArrayWriter<W> {
    /// An array in istioctl's layout (four-space indent; `finish` adds the trailing newline).
    pub fn istioctl(out: W, style: KeyStyle) -> Result<Self, TranscodeError> {
        let mut output = Output::new(out, Some(crate::ISTIOCTL_INDENT));
        output.open(b'[');
        Ok(JsonArrayWriter {
            output,
            style,
            empty: true,
        })
    }

    /// Appends one element: `json`, a document of type `root`. After an error the array is
    /// unusable (it may hold part of the element).
    pub fn push(&mut self, json: &str, root: Root<'_>) -> Result<(), TranscodeError> {
        let root = root_walk(root)?;
        self.output.item(self.empty);
        self.empty = false;
        Walk::new(json, self.style, &mut self.output).document(root)?;
        Ok(self.output.spill()?)
    }

    /// Closes the array, writes the trailing newline and flushes; gives the writer back.
    pub fn finish(mut self) -> Result<W, TranscodeError> {
        self.output.close(b']', self.empty);
        self.output.raw(b"\n");
        Ok(self.output.finish()?)
    }
}

/// Elements of an istioctl array (`JsonArrayWriter::istioctl`), appended to `out` as they sit
/// inside it: each on its own line at the array's indentation, after a comma unless `first`.
/// Between an opening `[` and a closing `\n]\n`, parts made separately, on several threads,
/// join into the array `JsonArrayWriter` writes.
pub fn write_array_elements(
    items: &[&str],
    root: Root<'_>,
    style: KeyStyle,
    first: bool,
    out: &mut Vec<u8>,
) -> Result<(), TranscodeError> {
    let root = root_walk(root)?;
    let mut output = Output::appending(std::mem::take(out), Some(crate::ISTIOCTL_INDENT));
    output.nest(1);
    let mut repeats = Repeats::default();
    let written = items.iter().enumerate().try_for_each(|(i, item)| {
        output.item(first && i == 0);
        let mut walk = Walk::new(item, style, &mut output);
        walk.repeats = Some(&mut repeats);
        walk.document(root)
    });
    *out = output.into_buffer();
    written
}

/// How the members of one JSON object are named and walked.
#[derive(Clone, Copy)]
enum ObjectShape {
    /// The fields of a message.
    Message(&'static MessageTable),
    /// An Any holding this message: `@type` is kept, the rest are its fields.
    PackedMessage(&'static MessageTable),
    /// An Any holding this message, with `@type` left out of the output.
    UnpackedMessage(&'static MessageTable),
    /// An Any holding a well-known type with a special JSON form, which sits under `value`.
    PackedSpecial(Kind),
    /// Keys are data: map keys, or an object of unknown type. Values are of this kind.
    Data(Kind),
}

/// What becomes of one member's key.
enum KeyOut {
    /// Copied as it was in the input (including its escapes).
    Same,
    Name(&'static str),
    Converted(String),
    /// The member is left out of the output.
    Dropped,
}

/// How the top-level value is walked.
#[derive(Clone, Copy)]
enum RootWalk {
    Value(Kind),
    /// An Any whose `@type` is dropped (`Root::UnpackedAny`).
    Unpacked,
}

fn root_walk(root: Root<'_>) -> Result<RootWalk, TranscodeError> {
    match root {
        Root::Message(name) => tables::message_index(name)
            .map(|index| RootWalk::Value(MESSAGES[usize::from(index)].kind))
            .ok_or_else(|| TranscodeError::UnknownMessage(name.to_string())),
        Root::UnpackedAny => Ok(RootWalk::Unpacked),
    }
}

/// The shape of an object holding a value of `kind`; `None` when the kind says nothing about
/// its keys.
fn object_shape(kind: Kind) -> Option<ObjectShape> {
    match kind {
        Kind::Message(index) => Some(ObjectShape::Message(&MESSAGES[usize::from(index)])),
        Kind::Map(value) => Some(ObjectShape::Data(*value)),
        Kind::Any | Kind::Verbatim => None,
    }
}

struct Walk<'a, 'o, W> {
    scan: Scanner<'a>,
    out: &'o mut Output<W>,
    style: KeyStyle,
    /// Collected only by `schema_gaps`.
    gaps: Option<SchemaGaps>,
    /// Given only where the output stays in its buffer (`Output::appending`).
    repeats: Option<&'o mut Repeats<'a>>,
}

/// The shapes of the type URLs met last, on this thread: a dump repeats a few types many
/// times, and this spares the binary search over thousands of long, alike names. It outlives a
/// walk because the big lists are walked an element at a time (a cluster holds four or five
/// types), and it holds only what the schema says of a URL, the same for every document.
struct RecentTypes {
    types: [(Box<str>, Option<ObjectShape>); RECENT_TYPES],
    next: usize,
}

const RECENT_TYPES: usize = 16;

thread_local! {
    static RECENT: std::cell::RefCell<RecentTypes> = std::cell::RefCell::new(RecentTypes {
        types: std::array::from_fn(|_| (Box::from(""), None)),
        next: 0,
    });
}

/// The shape of the Any whose type URL is `url`: its message's, when the schema knows it.
fn shape_of_type_url(url: &str) -> Option<ObjectShape> {
    RECENT.with_borrow_mut(|recent| {
        if let Some((_, shape)) = recent.types.iter().find(|(known, _)| **known == *url) {
            return *shape;
        }
        let shape = message_for_type_url(url).map(|message| {
            let table = &MESSAGES[usize::from(message.0)];
            match table.kind {
                Kind::Message(_) => ObjectShape::PackedMessage(table),
                special => ObjectShape::PackedSpecial(special),
            }
        });
        let next = recent.next;
        recent.types[next] = (Box::from(url), shape);
        recent.next = (next + 1) % RECENT_TYPES;
        shape
    })
}

/// The last object or array value printed for each of a few fields, to print a value that
/// repeats it byte for byte by copying its output: idle hosts in `/clusters` repeat the same
/// zero stats host after host (nearly half of a big mesh's bytes), and clusters and routes
/// repeat the same settings. Text the same as a value read and checked before, at the same
/// depth, is that value: it ends at the same closing bracket, and prints the same.
struct Repeats<'a> {
    /// Indexed by the field's address: a field whose slot another took is printed as usual.
    slots: [Repeat<'a>; REPEAT_SLOTS],
}

impl Default for Repeats<'_> {
    fn default() -> Self {
        Repeats {
            slots: std::array::from_fn(|_| Repeat::default()),
        }
    }
}

const REPEAT_SLOTS: usize = 64;

/// Misses after which a field whose values rarely repeat is no longer compared (at most one
/// hit in three): a miss costs a comparison up to the first difference, and in a config dump
/// values that begin alike (endpoints of one locality, TLS settings up to their SNI) are common.
const MISSES_TRIED: usize = 8;

#[derive(Default, Clone)]
struct Repeat<'a> {
    /// The field's address in the schema tables.
    field: usize,
    input: &'a str,
    depth: usize,
    /// Where its printed form is in the output buffer.
    output: Range<usize>,
    /// How often the field's values repeated the last one, and how often not.
    hits: usize,
    misses: usize,
}

impl<'a, 'o, W: Write> Walk<'a, 'o, W> {
    fn new(text: &'a str, style: KeyStyle, out: &'o mut Output<W>) -> Self {
        Walk {
            scan: Scanner::new(text),
            out,
            style,
            gaps: None,
            repeats: None,
        }
    }

    /// The whole input: one value, then only whitespace.
    fn document(&mut self, root: RootWalk) -> Result<(), TranscodeError> {
        self.scan.skip_whitespace();
        match root {
            RootWalk::Value(kind) => self.value(kind)?,
            RootWalk::Unpacked if self.scan.peek() == Some(b'{') => {
                let shape = match self.find_type_url()? {
                    Some(ObjectShape::PackedMessage(message)) => {
                        ObjectShape::UnpackedMessage(message)
                    }
                    // A special well-known type keeps `@type` and `value`, as an unknown type
                    // keeps everything: without `@type` the rest would not say what it is.
                    Some(other) => other,
                    None => ObjectShape::Data(Kind::Verbatim),
                };
                self.object(shape)?
            }
            RootWalk::Unpacked => self.value(Kind::Verbatim)?,
        }
        self.scan.skip_whitespace();
        if !self.scan.at_end() {
            return Err(self.scan.syntax("trailing characters after the JSON value"));
        }
        Ok(())
    }

    fn value(&mut self, kind: Kind) -> Result<(), TranscodeError> {
        self.scan.skip_whitespace();
        let start = self.scan.pos;
        match self.scan.peek() {
            Some(b'{') => {
                let shape = match kind {
                    Kind::Any => self.find_type_url()?,
                    other => object_shape(other),
                };
                return self.object(shape.unwrap_or(ObjectShape::Data(Kind::Verbatim)));
            }
            // A repeated field: every element is of the field's kind.
            Some(b'[') => return self.array(kind),
            Some(b'"') => {
                let string = self.scan.string()?;
                // Quotes included: the string exactly as written.
                self.out
                    .raw(&self.scan.text.as_bytes()[string.start - 1..string.end + 1]);
                return Ok(());
            }
            Some(b't') => self.scan.literal(b"true")?,
            Some(b'f') => self.scan.literal(b"false")?,
            Some(b'n') => self.scan.literal(b"null")?,
            Some(b'-' | b'0'..=b'9') => self.scan.number()?,
            Some(_) => return Err(self.scan.syntax("expected a JSON value")),
            None => {
                return Err(self
                    .scan
                    .syntax("unexpected end of input, expected a JSON value"))
            }
        }
        // Numbers and literals: copied as written.
        self.out
            .raw(&self.scan.text.as_bytes()[start..self.scan.pos]);
        Ok(())
    }

    fn array(&mut self, kind: Kind) -> Result<(), TranscodeError> {
        self.scan.enter()?;
        self.out.open(b'[');
        self.scan.skip_whitespace();
        if self.scan.peek() == Some(b']') {
            self.scan.leave();
            self.out.close(b']', true);
            return Ok(());
        }
        let mut first = true;
        loop {
            self.out.item(first);
            first = false;
            self.value(kind)?;
            self.out.spill()?;
            if !self.scan.next_item(b']')? {
                break;
            }
        }
        self.out.close(b']', false);
        Ok(())
    }

    /// Walks the object at the current `{`, naming and walking its members as `shape` says.
    fn object(&mut self, shape: ObjectShape) -> Result<(), TranscodeError> {
        self.scan.enter()?;
        self.out.open(b'{');
        self.scan.skip_whitespace();
        if self.scan.peek() == Some(b'}') {
            self.scan.leave();
            self.out.close(b'}', true);
            return Ok(());
        }
        let mut empty = true;
        // Where the next field is expected in the message's field-number order.
        let mut field_hint = 0;
        loop {
            let key = self.scan.key()?;
            let (key_out, kind, field) = self.member(shape, key, &mut field_hint)?;
            if let KeyOut::Dropped = key_out {
                self.scan.skip_value()?;
            } else {
                self.out.item(empty);
                empty = false;
                match key_out {
                    KeyOut::Same => self
                        .out
                        .raw(&self.scan.text.as_bytes()[key.start - 1..key.end + 1]),
                    KeyOut::Name(name) => self.out.string(name),
                    KeyOut::Converted(name) => self.out.string(&name),
                    KeyOut::Dropped => {}
                }
                self.out.colon();
                match field {
                    Some(field) if self.repeats.is_some() => self.field_value(kind, field)?,
                    _ => self.value(kind)?,
                }
                self.out.spill()?;
            }
            if !self.scan.next_item(b'}')? {
                break;
            }
        }
        self.out.close(b'}', empty);
        Ok(())
    }

    /// The output key and value kind of the member whose key is `key`, and its field when it is
    /// one of its message.
    fn member(
        &mut self,
        shape: ObjectShape,
        key: Str,
        field_hint: &mut usize,
    ) -> Result<(KeyOut, Kind, Option<&'static FieldTable>), TranscodeError> {
        let message = match shape {
            ObjectShape::Data(kind) => return Ok((KeyOut::Same, kind, None)),
            ObjectShape::Message(message) => message,
            ObjectShape::PackedMessage(message) | ObjectShape::UnpackedMessage(message) => message,
            ObjectShape::PackedSpecial(kind) => {
                let kind = match self.scan.unescaped(key)?.as_ref() {
                    "value" => kind,
                    _ => Kind::Verbatim,
                };
                return Ok((KeyOut::Same, kind, None));
            }
        };
        let name = self.scan.unescaped(key)?;
        // `@type` is no field name: looking it up would search the whole message in vain.
        match shape {
            ObjectShape::PackedMessage(_) if name == "@type" => {
                return Ok((KeyOut::Same, Kind::Verbatim, None))
            }
            ObjectShape::UnpackedMessage(_) if name == "@type" => {
                return Ok((KeyOut::Dropped, Kind::Verbatim, None))
            }
            _ => {}
        }
        if let Some((index, field)) = message.field(&name, *field_hint) {
            *field_hint = index + 1;
            let spelled = match self.style {
                KeyStyle::ProtoJson => field.json_name,
                KeyStyle::ProtoName => field.proto_name,
            };
            return Ok((KeyOut::Name(spelled), field.kind, Some(field)));
        }
        // Any other key, `@type` in a message that is no Any included.
        let (key_out, kind) = self.unknown_field(message, key, &name);
        Ok((key_out, kind, None))
    }

    /// A field's value: printed, or copied when it repeats the field's last object or array.
    fn field_value(
        &mut self,
        kind: Kind,
        field: &'static FieldTable,
    ) -> Result<(), TranscodeError> {
        self.scan.skip_whitespace();
        let Some(repeats) = self.repeats.as_deref_mut() else {
            return self.value(kind);
        };
        if !matches!(self.scan.peek(), Some(b'{' | b'[')) {
            return self.value(kind);
        }
        let id = field as *const FieldTable as usize;
        let slot = id / std::mem::size_of::<FieldTable>() % REPEAT_SLOTS;
        let (start, depth) = self.scan.mark();
        let last = &mut repeats.slots[slot];
        let (mut hits, mut misses) = (0, 0);
        if last.field == id {
            if last.misses > 2 * last.hits + MISSES_TRIED {
                return self.value(kind);
            }
            if last.depth == depth && self.scan.text[start..].starts_with(last.input) {
                last.hits += 1;
                self.out.repeat(last.output.clone());
                self.scan.pos += last.input.len();
                return Ok(());
            }
            (hits, misses) = (last.hits, last.misses + 1);
        }
        let printed_from = self.out.position();
        self.value(kind)?;
        if let Some(repeats) = self.repeats.as_deref_mut() {
            repeats.slots[slot] = Repeat {
                field: id,
                input: &self.scan.text[start..self.scan.pos],
                depth,
                output: printed_from..self.out.position(),
                hits,
                misses,
            };
        }
        Ok(())
    }

    /// A key that is no field of `message`: renamed by protobuf's default rule, value kept.
    fn unknown_field(&mut self, message: &MessageTable, key: Str, name: &str) -> (KeyOut, Kind) {
        if let Some(gaps) = &mut self.gaps {
            gaps.unknown_fields
                .insert(format!("{}.{}", message.full_name, name));
        }
        // A key spelled with escapes is no field name protobuf would print: keep it.
        if key.escaped {
            return (KeyOut::Same, Kind::Verbatim);
        }
        let converted = match self.style {
            KeyStyle::ProtoJson => default_json_name(name),
            KeyStyle::ProtoName => snake_case_name(name),
        };
        let key_out = if converted == name {
            KeyOut::Same
        } else {
            KeyOut::Converted(converted)
        };
        (key_out, Kind::Verbatim)
    }

    /// Reads ahead through the Any object at the current `{` for its `@type`, and gives the shape
    /// its members take (`None`: unknown, keep it as it is). The position is left at the `{`.
    fn find_type_url(&mut self) -> Result<Option<ObjectShape>, TranscodeError> {
        let object_start = self.scan.mark();
        self.scan.enter()?;
        let mut type_url = None;
        self.scan.skip_whitespace();
        if self.scan.peek() != Some(b'}') {
            loop {
                let key = self.scan.key()?;
                self.scan.skip_whitespace();
                if self.scan.peek() == Some(b'"') && self.scan.unescaped(key)? == "@type" {
                    let url = self.scan.string()?;
                    type_url = Some(self.scan.unescaped(url)?);
                    break;
                }
                self.scan.skip_value()?;
                if !self.scan.next_item(b'}')? {
                    break;
                }
            }
        }
        self.scan.rewind(object_start);
        let Some(url) = type_url else { return Ok(None) };
        let shape = shape_of_type_url(&url);
        if let (None, Some(gaps)) = (shape, &mut self.gaps) {
            gaps.unknown_types.insert(url.into_owned());
        }
        Ok(shape)
    }
}

/// protobuf's default JSON name of a field: each `_` is dropped and the letter after it is
/// upper-cased (`filter_chains` → `filterChains`).
fn default_json_name(name: &str) -> String {
    let mut json_name = String::with_capacity(name.len());
    let mut upper_next = false;
    for c in name.chars() {
        if c == '_' {
            upper_next = true;
        } else if upper_next {
            json_name.push(c.to_ascii_uppercase());
            upper_next = false;
        } else {
            json_name.push(c);
        }
    }
    json_name
}

/// The proto-style name of a lowerCamelCase key: `_` and the lower case of each ASCII capital
/// (`filterChains` → `filter_chains`).
fn snake_case_name(name: &str) -> String {
    let mut snake = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            snake.push('_');
            snake.push(c.to_ascii_lowercase());
        } else {
            snake.push(c);
        }
    }
    snake
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Elements printed together (where repeats are copied) as each prints alone.
    fn together_and_alone(items: &[&str], root: &str) -> (String, String) {
        let mut together = b"[".to_vec();
        write_array_elements(
            items,
            Root::Message(root),
            KeyStyle::ProtoJson,
            true,
            &mut together,
        )
        .unwrap();
        together.extend_from_slice(b"\n]\n");
        let mut alone = JsonArrayWriter::istioctl(Vec::new(), KeyStyle::ProtoJson).unwrap();
        for item in items {
            alone.push(item, Root::Message(root)).unwrap();
        }
        let alone = alone.finish().unwrap();
        (
            String::from_utf8(together).unwrap(),
            String::from_utf8(alone).unwrap(),
        )
    }

    /// The same text under the same field is copied only at the depth it was printed at: deeper,
    /// it is indented deeper (and nests closer to the limit).
    #[test]
    fn a_repeat_is_copied_only_at_the_same_depth() {
        let shallow = r#"{"not_rule": {"destination_port": 80, "not_rule": {"any": true}}}"#;
        let deeper = r#"{"and_rules": {"rules": [{"not_rule": {"destination_port": 80, "not_rule": {"any": true}}}]}}"#;
        let items = [shallow, deeper, shallow, deeper, deeper];
        let (together, alone) = together_and_alone(&items, "envoy.config.rbac.v3.Permission");
        assert_eq!(together, alone);
        assert!(together.contains("\n                        \"destinationPort\": 80"));
        assert!(together.contains("\n            \"destinationPort\": 80"));
    }

    /// A repeat is the whole value: text that starts like the last one but goes on differs.
    #[test]
    fn a_value_that_only_begins_like_the_last_one_is_printed() {
        let items = [
            r#"{"stats": [{"name": "cx_total"}], "health_status": {"eds_health_status": "HEALTHY"}}"#,
            r#"{"stats": [{"name": "cx_total"}, {"name": "rq_total"}], "health_status": {"eds_health_status": "HEALTHY"}}"#,
            r#"{"stats": [{"name": "cx_total"}], "health_status": {"eds_health_status": "HEALTHY"}, "weight": 1}"#,
            r#"{"stats": [{"name": "cx_total", "value": "3"}], "health_status": {"eds_health_status": "DRAINING"}}"#,
        ];
        let (together, alone) = together_and_alone(&items, "envoy.admin.v3.HostStatus");
        assert_eq!(together, alone);
        assert_eq!(together.matches("rq_total").count(), 1);
        assert_eq!(together.matches("edsHealthStatus").count(), 4);
    }

    /// A repeat of a value that was fine is still followed by a check of what comes after it.
    #[test]
    fn a_repeat_followed_by_bad_json_is_refused() {
        let good = r#"{"stats": [{"name": "cx_total"}]}"#;
        for bad in [
            r#"{"stats": [{"name": "cx_total"}] x}"#,
            r#"{"stats": [{"name": "cx_total"}]"#,
            r#"{"stats": [{"name": "cx_total"}]]"#,
        ] {
            let mut out = Vec::new();
            let written = write_array_elements(
                &[good, bad],
                Root::Message("envoy.admin.v3.HostStatus"),
                KeyStyle::ProtoJson,
                true,
                &mut out,
            );
            assert!(
                matches!(written, Err(TranscodeError::Syntax { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn default_json_name_follows_protobuf() {
        assert_eq!(default_json_name("filter_chains"), "filterChains");
        assert_eq!(default_json_name("ipv4_compat"), "ipv4Compat");
        assert_eq!(default_json_name("a__b_"), "aB");
        assert_eq!(default_json_name("@type"), "@type");
    }

    #[test]
    fn snake_case_name_reverses_default_json_name_of_snake_names() {
        for name in [
            "filter_chains",
            "per_connection_buffer_limit_bytes",
            "name",
            "ipv4_compat",
        ] {
            assert_eq!(snake_case_name(&default_json_name(name)), name);
        }
    }
}
