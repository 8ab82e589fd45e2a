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
    /// Gathered bytes are handed over from this many on.
    spill_at: usize,
}

impl Output<io::Sink> {
    /// Output written straight into `buffer`, after what it holds, rather than gathered and
    /// then copied there; `into_buffer` gives it back.
    pub(crate) fn appending(buffer: Vec<u8>, indent: Option<&[u8]>) -> Self {
        Output::gathering_in(buffer, usize::MAX, io::sink(), indent)
    }

    pub(crate) fn into_buffer(self) -> Vec<u8> {
        self.buffer
    }
}

impl<W: Write> Output<W> {
    pub(crate) fn new(sink: W, indent: Option<&[u8]>) -> Self {
        Self::gathering_in(Vec::with_capacity(SPILL_AT + 4096), SPILL_AT, sink, indent)
    }

    fn gathering_in(buffer: Vec<u8>, spill_at: usize, sink: W, indent: Option<&[u8]>) -> Self {
        Output {
            sink,
            buffer,
            indent: indent.map(<[u8]>::to_vec),
            line_start: vec![b'\n'],
            depth: 0,
            written: 0,
            spill_at,
        }
    }

    #[inline]
    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        put(&mut self.buffer, bytes);
    }

    /// A string whose content is already valid JSON string text (escapes included).
    #[inline]
    pub(crate) fn string(&mut self, content: &str) {
        self.buffer.push(b'"');
        put(&mut self.buffer, content.as_bytes());
        self.buffer.push(b'"');
    }

    /// `depth` levels deeper without writing brackets: for elements of an array opened elsewhere.
    pub(crate) fn nest(&mut self, depth: usize) {
        self.depth += depth;
    }

    /// How many bytes were written so far, the gathered ones included.
    pub(crate) fn position(&self) -> usize {
        self.written + self.buffer.len()
    }

    /// Writes again what was written from `printed.start` to `printed.end`, which must still be
    /// gathered (always, for `appending` output).
    pub(crate) fn repeat(&mut self, printed: std::ops::Range<usize>) {
        let gathered = printed.start - self.written..printed.end - self.written;
        self.buffer.extend_from_within(gathered);
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
        self.buffer.push(b':');
        if self.indent.is_some() {
            self.buffer.push(b' ');
        }
    }

    #[inline]
    fn new_line(&mut self) {
        let Some(indent) = &self.indent else { return };
        let length = 1 + indent.len() * self.depth;
        while self.line_start.len() < length {
            self.line_start.extend_from_slice(indent);
        }
        put(&mut self.buffer, &self.line_start[..length]);
    }

    /// Hands the gathered bytes to the writer once there are enough of them.
    #[inline]
    pub(crate) fn spill(&mut self) -> io::Result<()> {
        if self.buffer.len() >= self.spill_at {
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

/// Appends `bytes`. Most are a few bytes (keys, short values, indentation), for which a call
/// to `memcpy` costs more than the copy: those are copied here, in two overlapping words.
#[inline(always)]
fn put(buffer: &mut Vec<u8>, bytes: &[u8]) {
    /// Copies `len` bytes, `W::SIZE <= len <= 2 * W::SIZE`, as two words of type `W`.
    ///
    /// SAFETY: `src` must be readable and `dst` writable for `len` bytes.
    #[inline(always)]
    unsafe fn two_words<W: Copy>(src: *const u8, dst: *mut u8, len: usize) {
        let last = len - std::mem::size_of::<W>();
        let (head, tail) = (
            src.cast::<W>().read_unaligned(),
            src.add(last).cast::<W>().read_unaligned(),
        );
        dst.cast::<W>().write_unaligned(head);
        dst.add(last).cast::<W>().write_unaligned(tail);
    }
    let len = bytes.len();
    if !(4..=32).contains(&len) {
        buffer.extend_from_slice(bytes);
        return;
    }
    buffer.reserve(len);
    let at = buffer.len();
    // SAFETY: `reserve` made room for `len` bytes after `at`, and `bytes` has `len`; the words
    // chosen are at most `len` and together cover it, and `set_len` counts only bytes written.
    unsafe {
        let (src, dst) = (bytes.as_ptr(), buffer.as_mut_ptr().add(at));
        match len {
            4..=7 => two_words::<u32>(src, dst, len),
            8..=15 => two_words::<u64>(src, dst, len),
            _ => two_words::<u128>(src, dst, len),
        }
        buffer.set_len(at + len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length, on either side of each word size, copies exactly its bytes after what the
    /// buffer held, with room or without.
    #[test]
    fn put_appends_exactly_the_bytes_of_every_length() {
        let source: Vec<u8> = (0..64u8)
            .map(|b| b.wrapping_mul(37).wrapping_add(1))
            .collect();
        for len in 0..=40 {
            for held in [0, 3, 61] {
                let bytes = &source[64 - len..];
                let mut tight = vec![0xAA; held];
                tight.shrink_to_fit();
                let mut roomy = Vec::with_capacity(256);
                roomy.extend_from_slice(&tight);
                for buffer in [&mut tight, &mut roomy] {
                    put(buffer, bytes);
                    assert_eq!(&buffer[..held], &vec![0xAA; held][..], "len {len}");
                    assert_eq!(&buffer[held..], bytes, "len {len}, {held} held");
                }
            }
        }
    }
}
