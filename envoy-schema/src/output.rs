//! The output side: serde_json's layout (`to_writer` compact, `to_writer_pretty` with a chosen
//! indent), written through one buffer with the newline-plus-indentation of each level prepared
//! once, because deep dumps spend most output bytes on indentation.

use std::io::{self, Write};

/// Bytes gathered before they are handed to the writer.
const SPILL_AT: usize = 64 * 1024;

pub(crate) struct Output<W> {
    sink: W,
    buffer: Vec<u8>,
    /// `None` for compact output.
    indent: Option<Vec<u8>>,
    /// `\n` followed by `indent` repeated: the prefix of a line at each level is a slice of it.
    line_start: Vec<u8>,
    depth: usize,
    /// Bytes handed to the writer so far.
    written: usize,
}

impl<W: Write> Output<W> {
    pub(crate) fn new(sink: W, indent: Option<&[u8]>) -> Self {
        Output {
            sink,
            buffer: Vec::with_capacity(SPILL_AT + 4096),
            indent: indent.map(<[u8]>::to_vec),
            line_start: vec![b'\n'],
            depth: 0,
            written: 0,
        }
    }

    #[inline]
    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// A string whose content is already valid JSON string text (escapes included).
    #[inline]
    pub(crate) fn string(&mut self, content: &str) {
        self.buffer.push(b'"');
        self.buffer.extend_from_slice(content.as_bytes());
        self.buffer.push(b'"');
    }

    /// `depth` levels deeper without writing brackets: for elements of an array opened elsewhere.
    pub(crate) fn nest(&mut self, depth: usize) {
        self.depth += depth;
    }

    /// How deep the next line is indented, in levels.
    pub(crate) fn depth(&self) -> usize {
        self.depth
    }

    /// How many bytes were written so far, the gathered ones included.
    pub(crate) fn position(&self) -> usize {
        self.written + self.buffer.len()
    }

    /// Starts an object (`{`) or array (`[`).
    #[inline]
    pub(crate) fn open(&mut self, bracket: u8) {
        self.buffer.push(bracket);
        self.depth += 1;
    }

    /// Ends an object (`}`) or array (`]`); an empty one stays on its line (`{}`, `[]`).
    #[inline]
    pub(crate) fn close(&mut self, bracket: u8, empty: bool) {
        self.depth -= 1;
        if !empty {
            self.new_line();
        }
        self.buffer.push(bracket);
    }

    /// Before an element of an array or a key of an object.
    #[inline]
    pub(crate) fn item(&mut self, first: bool) {
        if !first {
            self.buffer.push(b',');
        }
        self.new_line();
    }

    /// Between a key and its value.
    #[inline]
    pub(crate) fn colon(&mut self) {
        let separator: &[u8] = if self.indent.is_some() { b": " } else { b":" };
        self.buffer.extend_from_slice(separator);
    }

    #[inline]
    fn new_line(&mut self) {
        let Some(indent) = &self.indent else { return };
        let length = 1 + indent.len() * self.depth;
        while self.line_start.len() < length {
            self.line_start.extend_from_slice(indent);
        }
        self.buffer.extend_from_slice(&self.line_start[..length]);
    }

    /// Hands the gathered bytes to the writer once there are enough of them.
    #[inline]
    pub(crate) fn spill(&mut self) -> io::Result<()> {
        if self.buffer.len() >= SPILL_AT {
            self.sink.write_all(&self.buffer)?;
            self.written += self.buffer.len();
            self.buffer.clear();
        }
        Ok(())
    }

    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.sink.write_all(&self.buffer)?;
        self.sink.flush()?;
        Ok(self.sink)
    }
}
