//! The input side: a strict JSON scanner (RFC 8259) over the text, giving byte ranges so that
//! values can be copied exactly as they were written.

use crate::TranscodeError;
use std::borrow::Cow;

/// Nesting deeper than this is refused instead of exhausting the stack: serde_json's limit, so
/// that what the loader accepts the transcoder accepts too.
const MAX_DEPTH: usize = 127;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const SPACES: u64 = ONES * b' ' as u64;

/// The high bit of each byte of `word` that is zero. Bits above the lowest one may be false
/// positives (borrows), so only the lowest set bit is reliable, which is the one used.
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGH_BITS
}

/// A string's content (between the quotes) as a byte range of the input.
#[derive(Clone, Copy)]
pub(crate) struct Str {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Holds a backslash escape, so its text differs from its value.
    pub(crate) escaped: bool,
}

pub(crate) struct Scanner<'a> {
    pub(crate) text: &'a str,
    bytes: &'a [u8],
    pub(crate) pos: usize,
    depth: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    pub(crate) fn syntax(&self, problem: &'static str) -> TranscodeError {
        TranscodeError::Syntax {
            offset: self.pos,
            problem,
        }
    }

    /// The current position, to come back to with `rewind`.
    pub(crate) fn mark(&self) -> (usize, usize) {
        (self.pos, self.depth)
    }

    pub(crate) fn rewind(&mut self, (pos, depth): (usize, usize)) {
        self.pos = pos;
        self.depth = depth;
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    #[inline]
    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips whitespace. Pretty-printed dumps are largely indentation, so runs of spaces are
    /// skipped eight bytes at a time.
    #[inline]
    pub(crate) fn skip_whitespace(&mut self) {
        let bytes = self.bytes;
        let mut i = self.pos;
        // Most calls find a token straight away.
        match bytes.get(i) {
            Some(b' ' | b'\n' | b'\r' | b'\t') => {}
            _ => return,
        }
        loop {
            if let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                let not_spaces = word ^ SPACES;
                if not_spaces == 0 {
                    i += 8;
                    continue;
                }
                i += (not_spaces.trailing_zeros() / 8) as usize;
            }
            match bytes.get(i) {
                Some(b' ' | b'\n' | b'\r' | b'\t') => i += 1,
                _ => break,
            }
        }
        self.pos = i;
    }

    #[inline]
    pub(crate) fn expect(&mut self, byte: u8, problem: &'static str) -> Result<(), TranscodeError> {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax(problem))
        }
    }

    /// Moves past the `{` or `[` at the current position, counting the nesting.
    #[inline]
    pub(crate) fn enter(&mut self) -> Result<(), TranscodeError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.syntax("nesting deeper than 127 levels"));
        }
        self.pos += 1;
        Ok(())
    }

    /// Moves past the `}` or `]` at the current position.
    #[inline]
    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
        self.pos += 1;
    }

    /// After a member or element: `Ok(true)` past a `,`, `Ok(false)` past the closing byte.
    #[inline]
    pub(crate) fn next_item(&mut self, close: u8) -> Result<bool, TranscodeError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(byte) if byte == close => {
                self.leave();
                Ok(false)
            }
            _ if close == b'}' => Err(self.syntax("expected ',' or '}' in an object")),
            _ => Err(self.syntax("expected ',' or ']' in an array")),
        }
    }

    /// Reads an object key and the `:` after it.
    #[inline]
    pub(crate) fn key(&mut self) -> Result<Str, TranscodeError> {
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return Err(self.syntax("expected a string key in an object"));
        }
        let key = self.string()?;
        self.expect(b':', "expected ':' after an object key")?;
        Ok(key)
    }

    /// The value of a string: its text, unescaped when it holds escapes.
    #[inline]
    pub(crate) fn unescaped(&self, string: Str) -> Result<Cow<'a, str>, TranscodeError> {
        if !string.escaped {
            return Ok(Cow::Borrowed(&self.text[string.start..string.end]));
        }
        // Quotes included, the range is a complete JSON string whose escapes `string` checked.
        serde_json::from_str::<String>(&self.text[string.start - 1..string.end + 1])
            .map(Cow::Owned)
            .map_err(|_| TranscodeError::Syntax {
                offset: string.start,
                problem: "invalid escape in a string",
            })
    }

    /// Moves past the string at the current `"`, checking its escapes and that it holds no raw
    /// control characters.
    #[inline]
    pub(crate) fn string(&mut self) -> Result<Str, TranscodeError> {
        const QUOTES: u64 = ONES * b'"' as u64;
        const BACKSLASHES: u64 = ONES * b'\\' as u64;
        const BELOW_SPACE: u64 = ONES * 0x20;
        let bytes = self.bytes;
        let start = self.pos + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            // Eight bytes at a time up to the first quote, backslash or control character.
            while let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                let stops = zero_bytes(word ^ QUOTES)
                    | zero_bytes(word ^ BACKSLASHES)
                    | (word.wrapping_sub(BELOW_SPACE) & !word & HIGH_BITS);
                if stops != 0 {
                    i += (stops.trailing_zeros() / 8) as usize;
                    break;
                }
                i += 8;
            }
            match bytes.get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(Str {
                        start,
                        end: i,
                        escaped,
                    });
                }
                Some(b'\\') => {
                    escaped = true;
                    i = self.escape(i)?;
                }
                Some(0..=0x1f) => {
                    self.pos = i;
                    return Err(self.syntax("control character inside a string"));
                }
                Some(_) => i += 1,
                None => {
                    self.pos = bytes.len();
                    return Err(self.syntax("unexpected end of input inside a string"));
                }
            }
        }
    }

    /// Checks the escape whose backslash is at `at`, giving the index after it. Surrogates must
    /// come in pairs, as serde_json requires.
    fn escape(&mut self, at: usize) -> Result<usize, TranscodeError> {
        self.pos = at;
        match self.bytes.get(at + 1) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(at + 2),
            Some(b'u') => match self.hex4(at + 2)? {
                0xD800..=0xDBFF => {
                    if self.bytes.get(at + 6..at + 8) != Some(b"\\u") {
                        return Err(self.syntax("lone leading surrogate in a \\u escape"));
                    }
                    self.pos = at + 6;
                    if !(0xDC00..=0xDFFF).contains(&self.hex4(at + 8)?) {
                        return Err(self.syntax("invalid trailing surrogate in a \\u escape"));
                    }
                    Ok(at + 12)
                }
                0xDC00..=0xDFFF => Err(self.syntax("lone trailing surrogate in a \\u escape")),
                _ => Ok(at + 6),
            },
            _ => Err(self.syntax("invalid escape in a string")),
        }
    }

    fn hex4(&self, at: usize) -> Result<u16, TranscodeError> {
        let digits = self.bytes.get(at..at + 4).unwrap_or_default();
        let mut unit = 0u16;
        for &digit in digits {
            let value = (digit as char)
                .to_digit(16)
                .ok_or_else(|| self.syntax("invalid \\u escape: expected four hex digits"))?;
            unit = unit << 4 | value as u16;
        }
        if digits.len() < 4 {
            return Err(self.syntax("invalid \\u escape: expected four hex digits"));
        }
        Ok(unit)
    }

    /// Moves past a number, checking RFC 8259's grammar, and refusing one too big for an f64
    /// as serde_json does (`1.5e3001`).
    pub(crate) fn number(&mut self) -> Result<(), TranscodeError> {
        let start = self.pos;
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
            return self.in_f64_range(start);
        }
        // Without an exponent only a number of over 300 digits can overflow.
        if self.pos - start > 300 {
            return self.in_f64_range(start);
        }
        Ok(())
    }

    fn in_f64_range(&self, start: usize) -> Result<(), TranscodeError> {
        let value = std::str::from_utf8(&self.bytes[start..self.pos])
            .ok()
            .and_then(|text| text.parse::<f64>().ok());
        match value {
            Some(v) if v.is_finite() => Ok(()),
            _ => Err(self.syntax("number out of range")),
        }
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    pub(crate) fn literal(&mut self, word: &'static [u8]) -> Result<(), TranscodeError> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.syntax("invalid literal, expected true, false or null"))
        }
    }

    /// Moves past one value, checking its syntax.
    pub(crate) fn skip_value(&mut self) -> Result<(), TranscodeError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => {
                self.enter()?;
                self.skip_whitespace();
                if self.peek() == Some(b'}') {
                    self.leave();
                    return Ok(());
                }
                loop {
                    self.key()?;
                    self.skip_value()?;
                    if !self.next_item(b'}')? {
                        return Ok(());
                    }
                }
            }
            Some(b'[') => {
                self.enter()?;
                self.skip_whitespace();
                if self.peek() == Some(b']') {
                    self.leave();
                    return Ok(());
                }
                loop {
                    self.skip_value()?;
                    if !self.next_item(b']')? {
                        return Ok(());
                    }
                }
            }
            Some(b'"') => self.string().map(|_| ()),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.syntax("expected a JSON value")),
            None => Err(self.syntax("unexpected end of input, expected a JSON value")),
        }
    }
}
