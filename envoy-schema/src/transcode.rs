//! The streaming transcoder: one pass over the input text, writing as it reads.
//!
//! JSON is scanned here rather than through serde's data model so that numbers and strings are
//! copied byte for byte (serde would round floats through f64 and re-escape strings); the output
//! layout is serde_json's own `Formatter`, so indentation matches `serde_json::to_writer_pretty`.

use crate::tables::{self, Kind, MessageTable, MESSAGES};
use crate::{message_for_type_url, KeyStyle, Root};
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::fmt;
use std::io::{self, BufWriter, Write};

/// Nesting deeper than this is refused, as serde_json refuses it, instead of exhausting the stack.
const MAX_DEPTH: usize = 128;
const OUTPUT_BUFFER: usize = 64 * 1024;

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

/// Rewrites the keys of `json`, a document of type `root`, into `style`, writing the result to
/// `out`: compact when `pretty_indent` is `None`, else pretty with that indent per level. No
/// trailing newline is written. Nothing of a later document is needed: the input is exactly one
/// JSON value (surrounding whitespace allowed).
pub fn transcode(
    json: &str,
    root: Root<'_>,
    style: KeyStyle,
    out: &mut impl Write,
    pretty_indent: Option<&[u8]>,
) -> Result<(), TranscodeError> {
    let root = root_walk(root)?;
    let mut out = BufWriter::with_capacity(OUTPUT_BUFFER, out);
    match pretty_indent {
        Some(indent) => {
            let mut formatter = PrettyFormatter::with_indent(indent);
            Walk::new(json, style, &mut out, &mut formatter).document(root)?;
        }
        None => {
            Walk::new(json, style, &mut out, &mut CompactFormatter).document(root)?;
        }
    }
    out.flush().map_err(TranscodeError::Io)
}

/// Writes a JSON array whose elements are transcoded documents, laid out as serde_json (and
/// istioctl) lay out arrays: `[]` when empty, otherwise one element after another at one level
/// of indentation.
pub struct JsonArrayWriter<W: Write> {
    out: BufWriter<W>,
    formatter: PrettyFormatter<'static>,
    style: KeyStyle,
    empty: bool,
}

impl<W: Write> JsonArrayWriter<W> {
    /// An array in istioctl's layout (four-space indent; `finish` adds the trailing newline).
    pub fn istioctl(out: W, style: KeyStyle) -> Result<Self, TranscodeError> {
        let mut out = BufWriter::with_capacity(OUTPUT_BUFFER, out);
        let mut formatter = PrettyFormatter::with_indent(crate::ISTIOCTL_INDENT);
        formatter
            .begin_array(&mut out)
            .map_err(TranscodeError::Io)?;
        Ok(JsonArrayWriter {
            out,
            formatter,
            style,
            empty: true,
        })
    }

    /// Appends one element: `json`, a document of type `root`. On a syntax error the output
    /// holds a partial element; discard it.
    pub fn push(&mut self, json: &str, root: Root<'_>) -> Result<(), TranscodeError> {
        let root = root_walk(root)?;
        self.formatter
            .begin_array_value(&mut self.out, self.empty)
            .map_err(TranscodeError::Io)?;
        self.empty = false;
        Walk::new(json, self.style, &mut self.out, &mut self.formatter).document(root)?;
        self.formatter
            .end_array_value(&mut self.out)
            .map_err(TranscodeError::Io)
    }

    /// Closes the array, writes the trailing newline and flushes; gives the writer back.
    pub fn finish(mut self) -> Result<W, TranscodeError> {
        self.formatter
            .end_array(&mut self.out)
            .map_err(TranscodeError::Io)?;
        self.out.write_all(b"\n").map_err(TranscodeError::Io)?;
        self.out
            .into_inner()
            .map_err(|e| TranscodeError::Io(e.into_error()))
    }
}

/// How the members of one JSON object are named and walked.
#[derive(Clone, Copy)]
enum Shape {
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
/// its keys (they are copied as they are).
fn object_shape(kind: Kind) -> Option<Shape> {
    match kind {
        Kind::Message(index) => Some(Shape::Message(&MESSAGES[usize::from(index)])),
        Kind::Map(value) => Some(Shape::Data(*value)),
        Kind::Any | Kind::Verbatim => None,
    }
}

struct Walk<'a, 'f, W, F> {
    text: &'a str,
    input: &'a [u8],
    pos: usize,
    style: KeyStyle,
    out: W,
    formatter: &'f mut F,
    depth: usize,
}

impl<'a, 'f, W: Write, F: Formatter> Walk<'a, 'f, W, F> {
    fn new(text: &'a str, style: KeyStyle, out: W, formatter: &'f mut F) -> Self {
        Walk {
            text,
            input: text.as_bytes(),
            pos: 0,
            style,
            out,
            formatter,
            depth: 0,
        }
    }

    /// The whole input: one value, then only whitespace.
    fn document(&mut self, root: RootWalk) -> Result<(), TranscodeError> {
        self.skip_whitespace();
        match root {
            RootWalk::Value(kind) => self.value(kind)?,
            RootWalk::Unpacked if self.peek() == Some(b'{') => {
                let shape = match self.find_type_url()? {
                    Some(Shape::PackedMessage(message)) => Shape::UnpackedMessage(message),
                    // A special well-known type keeps `@type` and `value`, as an unknown type
                    // keeps everything: without `@type` the rest would not say what it is.
                    Some(other) => other,
                    None => Shape::Data(Kind::Verbatim),
                };
                self.object(shape)?
            }
            RootWalk::Unpacked => self.value(Kind::Verbatim)?,
        }
        self.skip_whitespace();
        if self.pos < self.input.len() {
            return Err(self.syntax("trailing characters after the JSON value"));
        }
        Ok(())
    }

    fn syntax(&self, problem: &'static str) -> TranscodeError {
        TranscodeError::Syntax {
            offset: self.pos,
            problem,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, problem: &'static str) -> Result<(), TranscodeError> {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax(problem))
        }
    }

    fn enter(&mut self) -> Result<(), TranscodeError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.syntax("nesting deeper than 128 levels"));
        }
        Ok(())
    }

    fn value(&mut self, kind: Kind) -> Result<(), TranscodeError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => {
                let shape = match kind {
                    Kind::Any => self.find_type_url()?,
                    other => object_shape(other),
                };
                self.object(shape.unwrap_or(Shape::Data(Kind::Verbatim)))
            }
            // A repeated field: every element is of the field's kind.
            Some(b'[') => self.array(kind),
            Some(b'"') => {
                let (start, end, _) = self.scan_string()?;
                self.write_string(start, end)
            }
            Some(b't') => {
                self.literal(b"true")?;
                self.formatter
                    .write_bool(&mut self.out, true)
                    .map_err(TranscodeError::Io)
            }
            Some(b'f') => {
                self.literal(b"false")?;
                self.formatter
                    .write_bool(&mut self.out, false)
                    .map_err(TranscodeError::Io)
            }
            Some(b'n') => {
                self.literal(b"null")?;
                self.formatter
                    .write_null(&mut self.out)
                    .map_err(TranscodeError::Io)
            }
            Some(b'-' | b'0'..=b'9') => {
                let start = self.pos;
                self.scan_number()?;
                let number = &self.text[start..self.pos];
                self.formatter
                    .write_number_str(&mut self.out, number)
                    .map_err(TranscodeError::Io)
            }
            Some(_) => Err(self.syntax("expected a JSON value")),
            None => Err(self.syntax("unexpected end of input, expected a JSON value")),
        }
    }

    fn array(&mut self, kind: Kind) -> Result<(), TranscodeError> {
        self.enter()?;
        self.pos += 1;
        self.formatter
            .begin_array(&mut self.out)
            .map_err(TranscodeError::Io)?;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            let mut first = true;
            loop {
                self.formatter
                    .begin_array_value(&mut self.out, first)
                    .map_err(TranscodeError::Io)?;
                first = false;
                self.value(kind)?;
                self.formatter
                    .end_array_value(&mut self.out)
                    .map_err(TranscodeError::Io)?;
                self.skip_whitespace();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.syntax("expected ',' or ']' in an array")),
                }
            }
        }
        self.depth -= 1;
        self.formatter
            .end_array(&mut self.out)
            .map_err(TranscodeError::Io)
    }

    /// Walks the object at the current `{`, naming and walking its members as `shape` says.
    fn object(&mut self, shape: Shape) -> Result<(), TranscodeError> {
        self.enter()?;
        self.pos += 1;
        self.formatter
            .begin_object(&mut self.out)
            .map_err(TranscodeError::Io)?;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            let mut first = true;
            loop {
                self.skip_whitespace();
                if self.peek() != Some(b'"') {
                    return Err(self.syntax("expected a string key in an object"));
                }
                let (key_start, key_end, key_escaped) = self.scan_string()?;
                self.expect(b':', "expected ':' after an object key")?;
                let (key_out, kind) = self.member(shape, key_start, key_end, key_escaped)?;
                if let KeyOut::Dropped = key_out {
                    self.skip_value()?;
                } else {
                    self.formatter
                        .begin_object_key(&mut self.out, first)
                        .map_err(TranscodeError::Io)?;
                    first = false;
                    match key_out {
                        KeyOut::Same => self.write_string(key_start, key_end)?,
                        KeyOut::Name(name) => self.write_str(name)?,
                        KeyOut::Converted(name) => self.write_str(&name)?,
                        KeyOut::Dropped => {}
                    }
                    self.formatter
                        .end_object_key(&mut self.out)
                        .map_err(TranscodeError::Io)?;
                    self.formatter
                        .begin_object_value(&mut self.out)
                        .map_err(TranscodeError::Io)?;
                    self.value(kind)?;
                    self.formatter
                        .end_object_value(&mut self.out)
                        .map_err(TranscodeError::Io)?;
                }
                self.skip_whitespace();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.syntax("expected ',' or '}' in an object")),
                }
            }
        }
        self.depth -= 1;
        self.formatter
            .end_object(&mut self.out)
            .map_err(TranscodeError::Io)
    }

    /// The output key and value kind of the member whose key is `input[start..end]`.
    fn member(
        &self,
        shape: Shape,
        start: usize,
        end: usize,
        escaped: bool,
    ) -> Result<(KeyOut, Kind), TranscodeError> {
        let message = match shape {
            Shape::Data(kind) => return Ok((KeyOut::Same, kind)),
            Shape::Message(message) => message,
            Shape::PackedMessage(message) | Shape::UnpackedMessage(message) => {
                if self.key(start, end, escaped)? == "@type" {
                    let key_out = match shape {
                        Shape::UnpackedMessage(_) => KeyOut::Dropped,
                        _ => KeyOut::Same,
                    };
                    return Ok((key_out, Kind::Verbatim));
                }
                message
            }
            Shape::PackedSpecial(kind) => {
                let kind = match self.key(start, end, escaped)?.as_ref() {
                    "value" => kind,
                    _ => Kind::Verbatim,
                };
                return Ok((KeyOut::Same, kind));
            }
        };
        let key = self.key(start, end, escaped)?;
        Ok(match message.field(&key) {
            Some(field) => {
                let name = match self.style {
                    KeyStyle::ProtoJson => field.json_name,
                    KeyStyle::ProtoName => field.proto_name,
                };
                let key_out = if name == key {
                    KeyOut::Same
                } else {
                    KeyOut::Name(name)
                };
                (key_out, field.kind)
            }
            // A key spelled with escapes is no field name protobuf would print: keep it.
            None if escaped => (KeyOut::Same, Kind::Verbatim),
            None => {
                let converted = match self.style {
                    KeyStyle::ProtoJson => default_json_name(&key),
                    KeyStyle::ProtoName => snake_case_name(&key),
                };
                let key_out = if converted == key {
                    KeyOut::Same
                } else {
                    KeyOut::Converted(converted)
                };
                (key_out, Kind::Verbatim)
            }
        })
    }

    /// The unescaped text of the string whose content is `input[start..end]`.
    fn key(
        &self,
        start: usize,
        end: usize,
        escaped: bool,
    ) -> Result<std::borrow::Cow<'a, str>, TranscodeError> {
        if !escaped {
            return Ok(std::borrow::Cow::Borrowed(&self.text[start..end]));
        }
        // Quotes included: the slice is a complete JSON string, already validated by scan_string.
        serde_json::from_str::<String>(&self.text[start - 1..end + 1])
            .map(std::borrow::Cow::Owned)
            .map_err(|_| TranscodeError::Syntax {
                offset: start,
                problem: "invalid escape in a string",
            })
    }

    /// Reads ahead through the Any object at the current `{` for its `@type`, and gives the shape
    /// its members take. The position is left at the `{`.
    fn find_type_url(&mut self) -> Result<Option<Shape>, TranscodeError> {
        let object_start = self.pos;
        self.pos += 1;
        let mut type_url = None;
        self.skip_whitespace();
        if self.peek() != Some(b'}') {
            loop {
                self.skip_whitespace();
                if self.peek() != Some(b'"') {
                    return Err(self.syntax("expected a string key in an object"));
                }
                let (start, end, escaped) = self.scan_string()?;
                self.expect(b':', "expected ':' after an object key")?;
                self.skip_whitespace();
                if self.key(start, end, escaped)? == "@type" && self.peek() == Some(b'"') {
                    let (start, end, escaped) = self.scan_string()?;
                    type_url = Some(self.key(start, end, escaped)?);
                    break;
                }
                self.skip_value()?;
                self.skip_whitespace();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => break,
                    _ => return Err(self.syntax("expected ',' or '}' in an object")),
                }
            }
        }
        self.pos = object_start;
        let Some(message) = type_url.as_deref().and_then(message_for_type_url) else {
            return Ok(None);
        };
        let table = &MESSAGES[usize::from(message.0)];
        Ok(Some(match table.kind {
            Kind::Message(_) => Shape::PackedMessage(table),
            special => Shape::PackedSpecial(special),
        }))
    }

    /// Moves past one value, checking its syntax, writing nothing.
    fn skip_value(&mut self) -> Result<(), TranscodeError> {
        self.skip_whitespace();
        match self.peek() {
            Some(open @ (b'{' | b'[')) => {
                self.enter()?;
                self.pos += 1;
                let close = if open == b'{' { b'}' } else { b']' };
                self.skip_whitespace();
                if self.peek() == Some(close) {
                    self.pos += 1;
                } else {
                    loop {
                        if open == b'{' {
                            self.skip_whitespace();
                            if self.peek() != Some(b'"') {
                                return Err(self.syntax("expected a string key in an object"));
                            }
                            self.scan_string()?;
                            self.expect(b':', "expected ':' after an object key")?;
                        }
                        self.skip_value()?;
                        self.skip_whitespace();
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(byte) if byte == close => {
                                self.pos += 1;
                                break;
                            }
                            _ if open == b'{' => {
                                return Err(self.syntax("expected ',' or '}' in an object"))
                            }
                            _ => return Err(self.syntax("expected ',' or ']' in an array")),
                        }
                    }
                }
                self.depth -= 1;
                Ok(())
            }
            Some(b'"') => self.scan_string().map(|_| ()),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.scan_number(),
            Some(_) => Err(self.syntax("expected a JSON value")),
            None => Err(self.syntax("unexpected end of input, expected a JSON value")),
        }
    }

    fn literal(&mut self, word: &'static [u8]) -> Result<(), TranscodeError> {
        if self.input[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.syntax("invalid literal, expected true, false or null"))
        }
    }

    /// Moves past a number, checking RFC 8259's grammar.
    fn scan_number(&mut self) -> Result<(), TranscodeError> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.syntax("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax("invalid number: no digit after '.'"));
            }
            self.skip_digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax("invalid number: no digit in the exponent"));
            }
            self.skip_digits();
        }
        Ok(())
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// Moves past the string at the current `"`, checking its escapes. Gives the range of its
    /// content (quotes excluded) and whether it holds escapes.
    fn scan_string(&mut self) -> Result<(usize, usize, bool), TranscodeError> {
        let start = self.pos + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            let rest = &self.input[i..];
            let Some(stop) = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            else {
                self.pos = self.input.len();
                return Err(self.syntax("unexpected end of input inside a string"));
            };
            i += stop;
            match self.input[i] {
                b'"' => {
                    self.pos = i + 1;
                    return Ok((start, i, escaped));
                }
                b'\\' => {
                    escaped = true;
                    self.pos = i;
                    i = self.escape(i)?;
                }
                _ => {
                    self.pos = i;
                    return Err(self.syntax("control character inside a string"));
                }
            }
        }
    }

    /// Checks the escape at `input[at] == '\\'`, giving the index after it. Surrogates must come
    /// in pairs, as serde_json requires.
    fn escape(&mut self, at: usize) -> Result<usize, TranscodeError> {
        match self.input.get(at + 1) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(at + 2),
            Some(b'u') => {
                let unit = self.hex4(at + 2)?;
                match unit {
                    0xD800..=0xDBFF => {
                        if self.input.get(at + 6..at + 8) != Some(b"\\u") {
                            self.pos = at;
                            return Err(self.syntax("lone leading surrogate in a \\u escape"));
                        }
                        if !(0xDC00..=0xDFFF).contains(&self.hex4(at + 8)?) {
                            self.pos = at + 6;
                            return Err(self.syntax("invalid trailing surrogate in a \\u escape"));
                        }
                        Ok(at + 12)
                    }
                    0xDC00..=0xDFFF => Err(self.syntax("lone trailing surrogate in a \\u escape")),
                    _ => Ok(at + 6),
                }
            }
            _ => Err(self.syntax("invalid escape in a string")),
        }
    }

    fn hex4(&mut self, at: usize) -> Result<u16, TranscodeError> {
        let digits = self
            .input
            .get(at..at + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let Some(digits) = digits else {
            self.pos = at;
            return Err(self.syntax("invalid \\u escape: expected four hex digits"));
        };
        // Four ASCII hex digits: both conversions succeed.
        let text = std::str::from_utf8(digits).unwrap_or("0");
        Ok(u16::from_str_radix(text, 16).unwrap_or(0))
    }

    /// Writes the string whose escaped content is `input[start..end]`, byte for byte.
    fn write_string(&mut self, start: usize, end: usize) -> Result<(), TranscodeError> {
        let content = &self.text[start..end];
        self.formatter
            .begin_string(&mut self.out)
            .map_err(TranscodeError::Io)?;
        self.formatter
            .write_string_fragment(&mut self.out, content)
            .map_err(TranscodeError::Io)?;
        self.formatter
            .end_string(&mut self.out)
            .map_err(TranscodeError::Io)
    }

    /// Writes a name that needs no escaping (field names are identifiers).
    fn write_str(&mut self, name: &str) -> Result<(), TranscodeError> {
        self.formatter
            .begin_string(&mut self.out)
            .map_err(TranscodeError::Io)?;
        self.formatter
            .write_string_fragment(&mut self.out, name)
            .map_err(TranscodeError::Io)?;
        self.formatter
            .end_string(&mut self.out)
            .map_err(TranscodeError::Io)
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
