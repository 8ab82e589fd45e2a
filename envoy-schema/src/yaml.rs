//! JSON text to block-style YAML, streaming, keys in their order, numbers as written.
//!
//! Strings are written plain only when every YAML reader, 1.1 (PyYAML, go-yaml v2) or 1.2,
//! reads them back as the same string; all others are double-quoted. So `"on"`, `"1_000"`,
//! `"12:30"` or `"2001-01-01"` stay strings, and 64-bit integers that protobuf JSON prints as
//! strings (`"9007199254740993"`) stay strings.

use crate::output::Output;
use crate::scan::Scanner;
use crate::TranscodeError;
use std::io::Write;

/// Writes the JSON document `json` as YAML: maps indented by two spaces, sequence items at their
/// key's indentation (`key:` then `- item`), empty collections as `{}` and `[]`, one trailing
/// newline. Any JSON value is accepted; nothing but the layout changes.
pub fn json_to_yaml(json: &str, out: &mut (impl Write + ?Sized)) -> Result<(), TranscodeError> {
    let mut output = Output::new(out, None);
    let mut yaml = Yaml {
        scan: Scanner::new(json),
        out: &mut output,
    };
    yaml.scan.skip_whitespace();
    yaml.node(Place::Top, 0, 0)?;
    yaml.scan.skip_whitespace();
    if !yaml.scan.at_end() {
        return Err(yaml.scan.syntax("trailing characters after the JSON value"));
    }
    output.finish()?;
    Ok(())
}

/// Where a node starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// At the start of the document.
    Top,
    /// After `key:` on its line.
    AfterKey,
    /// After `- ` on its line.
    AfterDash,
}

struct Yaml<'a, 'o, W> {
    scan: Scanner<'a>,
    out: &'o mut Output<W>,
}

impl<W: Write> Yaml<'_, '_, W> {
    /// One value. A map's keys go at column `map_column`, a sequence's dashes at `list_column`.
    fn node(
        &mut self,
        place: Place,
        map_column: usize,
        list_column: usize,
    ) -> Result<(), TranscodeError> {
        self.scan.skip_whitespace();
        let open = self.scan.peek();
        if let Some(bracket @ (b'{' | b'[')) = open {
            self.scan.enter()?;
            self.scan.skip_whitespace();
            let close = if bracket == b'{' { b'}' } else { b']' };
            if self.scan.peek() == Some(close) {
                self.scan.leave();
                self.scalar_start(place);
                self.out
                    .raw(if bracket == b'{' { b"{}\n" } else { b"[]\n" });
                return Ok(());
            }
            let column = if bracket == b'{' {
                map_column
            } else {
                list_column
            };
            let mut first = true;
            loop {
                match (first, place) {
                    (true, Place::AfterKey) => {
                        self.out.raw(b"\n");
                        self.spaces(column);
                    }
                    (true, _) => {}
                    (false, _) => self.spaces(column),
                }
                first = false;
                if bracket == b'{' {
                    let key = self.scan.key()?;
                    let key = self.scan.unescaped(key)?;
                    self.string(&key);
                    self.out.raw(b":");
                    self.node(Place::AfterKey, column + 2, column)?;
                } else {
                    self.out.raw(b"- ");
                    self.node(Place::AfterDash, column + 2, column + 2)?;
                }
                self.out.spill()?;
                if !self.scan.next_item(close)? {
                    return Ok(());
                }
            }
        }
        let start = self.scan.pos;
        match open {
            Some(b'"') => {
                let string = self.scan.string()?;
                let text = self.scan.unescaped(string)?;
                self.scalar_start(place);
                self.string(&text);
                self.out.raw(b"\n");
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
        // JSON numbers and literals mean the same in YAML.
        self.scalar_start(place);
        self.out
            .raw(&self.scan.text.as_bytes()[start..self.scan.pos]);
        self.out.raw(b"\n");
        Ok(())
    }

    fn scalar_start(&mut self, place: Place) {
        if place == Place::AfterKey {
            self.out.raw(b" ");
        }
    }

    fn spaces(&mut self, count: usize) {
        const SPACES: &[u8] = &[b' '; 64];
        let mut left = count;
        while left > 0 {
            let now = left.min(SPACES.len());
            self.out.raw(&SPACES[..now]);
            left -= now;
        }
    }

    fn string(&mut self, text: &str) {
        if plain_is_safe(text) {
            self.out.raw(text.as_bytes());
            return;
        }
        let mut quoted = String::with_capacity(text.len() + 2);
        quoted.push('"');
        for c in text.chars() {
            match c {
                '"' => quoted.push_str("\\\""),
                '\\' => quoted.push_str("\\\\"),
                '\n' => quoted.push_str("\\n"),
                '\t' => quoted.push_str("\\t"),
                '\r' => quoted.push_str("\\r"),
                // Characters YAML does not allow unescaped in a document.
                c if c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c) || c == '\u{feff}' => {
                    quoted.push_str(&format!("\\u{:04x}", u32::from(c)))
                }
                c => quoted.push(c),
            }
        }
        quoted.push('"');
        self.out.raw(quoted.as_bytes());
    }
}

/// Whether `text` can be written unquoted and still be read back as this very string by both
/// YAML 1.1 and 1.2 readers: identifier-like text (`outbound|80||web.default.svc.cluster.local`,
/// `envoy.lb`, `HUNDRED`) or a duration (`10s`, `0.5s`), never a word YAML gives a meaning.
fn plain_is_safe(text: &str) -> bool {
    const WORDS: &[&str] = &["y", "yes", "n", "no", "true", "false", "on", "off", "null"];
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if first.is_ascii_digit() {
        // Digits then a unit: not a number in any YAML (no exponent, hex, octal or binary).
        let letters = bytes.iter().filter(|b| b.is_ascii_alphabetic());
        let all_allowed = bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'.');
        return all_allowed
            && letters.clone().count() > 0
            && letters.clone().all(|b| !b"eExXoObB".contains(b));
    }
    let allowed = |b: &u8| b.is_ascii_alphanumeric() || b"._/|-+".contains(b);
    (first.is_ascii_alphabetic() || first == b'/' || first == b'_')
        && bytes.iter().all(allowed)
        && !WORDS.iter().any(|word| word.eq_ignore_ascii_case(text))
}

#[cfg(test)]
mod tests {
    use super::plain_is_safe;

    #[test]
    fn plain_only_when_unambiguous() {
        for plain in [
            "envoy.lb",
            "outbound|80||web.default.svc.cluster.local",
            "10s",
            "0.5s",
            "HUNDRED",
            "/apis/x",
            "a-b",
        ] {
            assert!(plain_is_safe(plain), "{plain}");
        }
        for quoted in [
            "",
            "on",
            "Off",
            "YES",
            "n",
            "null",
            "true",
            "1_000",
            "12:30",
            "2001-01-01",
            "1e3",
            "0x1F",
            "0o17",
            "10",
            "1.5",
            "10.1.0.5",
            "@type",
            "a b",
            "a:b",
            "-",
            "~",
            ".5",
            "+1",
        ] {
            assert!(!plain_is_safe(quoted), "{quoted}");
        }
    }
}
