//! Reading a few fields of a document and skipping the rest at the scanner's speed: the
//! transcoder's strict scanner behind a small reader for callers with a full parser to fall
//! back on. Every read is checked as strictly as the transcoder checks, but the reader gives
//! no reasons: anything unexpected (bad syntax, another type, an escaped key) is `None`, and
//! the caller's parser then says what is wrong.

use crate::scan::Scanner;
use std::borrow::Cow;

pub struct Picker<'a> {
    scan: Scanner<'a>,
}

impl<'a> Picker<'a> {
    /// Reads `text`, which must be exactly one value, with `read`.
    pub fn whole<T>(text: &'a str, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let mut picker = Picker {
            scan: Scanner::new(text),
        };
        let value = read(&mut picker)?;
        picker.scan.skip_whitespace();
        picker.scan.at_end().then_some(value)
    }

    /// Reads an object, giving `member` each key and the picker positioned at its value, which
    /// `member` must read. A key with escapes is `None`: it could spell any name.
    pub fn object(
        &mut self,
        mut member: impl FnMut(&mut Self, &'a str) -> Option<()>,
    ) -> Option<()> {
        if !self.opens(b'{')? {
            return Some(());
        }
        let text = self.scan.text;
        loop {
            let key = self.scan.key().ok()?;
            if key.escaped {
                return None;
            }
            member(self, &text[key.start..key.end])?;
            if !self.scan.next_item(b'}').ok()? {
                return Some(());
            }
        }
    }

    /// Reads an array, calling `element` with the picker positioned at each element, which
    /// `element` must read.
    pub fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        if !self.opens(b'[')? {
            return Some(());
        }
        loop {
            element(self)?;
            if !self.scan.next_item(b']').ok()? {
                return Some(());
            }
        }
    }

    /// Past the `open` byte: whether the object or array has members (when it has none, past
    /// its closing byte too). `None` when the value is something else.
    fn opens(&mut self, open: u8) -> Option<bool> {
        self.scan.skip_whitespace();
        if self.scan.peek() != Some(open) {
            return None;
        }
        self.scan.enter().ok()?;
        self.scan.skip_whitespace();
        if self.scan.peek() == Some(open + 2) {
            // `}` and `]` are two past `{` and `[` in ASCII.
            self.scan.leave();
            return Some(false);
        }
        Some(true)
    }

    /// Reads the value with `read`, giving its text too.
    pub fn spanned<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<(T, &'a str)> {
        self.scan.skip_whitespace();
        let start = self.scan.pos;
        let value = read(self)?;
        Some((value, &self.scan.text[start..self.scan.pos]))
    }

    /// A string's value, unescaped.
    pub fn string(&mut self) -> Option<Cow<'a, str>> {
        self.scan.skip_whitespace();
        if self.scan.peek() != Some(b'"') {
            return None;
        }
        let string = self.scan.string().ok()?;
        self.scan.unescaped(string).ok()
    }

    /// A number written as a non-negative integer that fits in a `u64` (not `1.0` or `1e3`).
    pub fn unsigned(&mut self) -> Option<u64> {
        self.scan.skip_whitespace();
        let start = self.scan.pos;
        self.scan.number().ok()?;
        self.scan.text[start..self.scan.pos].parse().ok()
    }

    pub fn bool(&mut self) -> Option<bool> {
        self.scan.skip_whitespace();
        match self.scan.peek()? {
            b't' => self.scan.literal(b"true").ok().map(|()| true),
            b'f' => self.scan.literal(b"false").ok().map(|()| false),
            _ => None,
        }
    }

    /// Moves past a value of any type, checking its syntax.
    pub fn skip(&mut self) -> Option<()> {
        self.scan.skip_value().ok()
    }

    /// Moves past a value as `skip` does, and an object or array that repeats `last` byte for
    /// byte by comparing it (a big list repeats some values often: the zero stats of idle
    /// hosts). Text the same as a value checked before, at the same depth, is that value: it
    /// ends at the same closing bracket. `last` becomes the object or array skipped.
    pub fn skip_repeat(&mut self, last: &mut Skipped<'a>) -> Option<()> {
        self.scan.skip_whitespace();
        let (start, depth) = self.scan.mark();
        if !matches!(self.scan.peek(), Some(b'{' | b'[')) {
            return self.skip();
        }
        let text = self.scan.text;
        if last.depth == depth && !last.text.is_empty() && text[start..].starts_with(last.text) {
            self.scan.pos += last.text.len();
            return Some(());
        }
        self.skip()?;
        *last = Skipped {
            text: &text[start..self.scan.pos],
            depth,
        };
        Some(())
    }
}

/// An object or array `Picker::skip_repeat` skipped, to pass its repeats by comparing them.
#[derive(Clone, Copy, Default)]
pub struct Skipped<'a> {
    text: &'a str,
    depth: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Socket addresses picked from a list, as a caller reads Envoy's hosts.
    fn addresses(text: &str) -> Option<Vec<(String, u64, String)>> {
        Picker::whole(text, |p| {
            let mut found = Vec::new();
            p.array(|p| {
                let (mut address, mut port) = (None, None);
                let ((), text) = p.spanned(|p| {
                    p.object(|p, key| match key {
                        "address" => {
                            address = Some(p.string()?.into_owned());
                            Some(())
                        }
                        "port" => {
                            port = Some(p.unsigned()?);
                            Some(())
                        }
                        _ => p.skip(),
                    })
                })?;
                found.push((address?, port?, text.to_string()));
                Some(())
            })?;
            Some(found)
        })
    }

    #[test]
    fn picks_fields_and_spans_and_skips_the_rest() {
        let text = r#" [ {"address": "10.0.0.1", "stats": [{"n": 1.5e3}, null, true], "port": 80},
            {"port": 8080, "address": "a\u0062c", "x": {}} , {"address":"","port":0,"y":[]} ] "#;
        let expected = vec![
            (
                "10.0.0.1".to_string(),
                80,
                r#"{"address": "10.0.0.1", "stats": [{"n": 1.5e3}, null, true], "port": 80}"#
                    .to_string(),
            ),
            (
                "abc".to_string(),
                8080,
                r#"{"port": 8080, "address": "a\u0062c", "x": {}}"#.to_string(),
            ),
            (
                String::new(),
                0,
                r#"{"address":"","port":0,"y":[]}"#.to_string(),
            ),
        ];
        assert_eq!(addresses(text), Some(expected));
        assert_eq!(addresses("[]"), Some(vec![]));
    }

    /// Whatever a full parser would have to explain is `None`, never a guess.
    #[test]
    fn anything_unexpected_is_none() {
        for text in [
            r#"[{"address": "a", "port": 80}"#,                    // truncated
            r#"[{"address": "a", "port": 80}] x"#,                 // trailing content
            r#"[{"address": "a", "port": 80,}]"#,                  // trailing comma
            r#"[{"address": "a", "port": "80"}]"#,                 // another type
            r#"[{"address": "a", "port": -80}]"#,                  // negative
            r#"[{"address": "a", "port": 80.0}]"#,                 // not an integer
            r#"[{"address": "a", "port": 18446744073709551616}]"#, // too big for u64
            r#"[{"address": "a", "port": 80, "stats": [1 2]}]"#,   // bad syntax skipped over
            r#"[{"address": "a", "port": 80, "s": "\x"}]"#,        // bad escape skipped over
            r#"[{"addr\u0065ss": "a", "port": 80}]"#,              // escaped key
            r#"[{"address": "a", "port": 80}, {"address": null, "port": 1}]"#, // null
            r#"{"address": "a", "port": 80}"#,                     // an object, not a list
        ] {
            assert_eq!(addresses(text), None, "{text}");
        }
    }

    /// Stats lists skipped with `skip_repeat`, one `Skipped` for all: the hosts' addresses.
    fn addresses_past_stats(text: &str) -> Option<Vec<String>> {
        let mut last = Skipped::default();
        Picker::whole(text, |p| {
            let mut found = Vec::new();
            p.array(|p| {
                p.object(|p, key| match key {
                    "address" => {
                        found.push(p.string()?.into_owned());
                        Some(())
                    }
                    "stats" => p.skip_repeat(&mut last),
                    _ => p.skip(),
                })
            })?;
            Some(found)
        })
    }

    #[test]
    fn repeats_are_skipped_as_values_and_only_whole() {
        let text = r#"[{"stats": [{"n": 1}], "address": "a"}, {"stats": [{"n": 1}], "address": "b"},
            {"stats": [{"n": 1}, {"n": 2}], "address": "c"}, {"stats": [{"n": 1}, {"n": 2}]},
            {"stats": 7, "address": "d"}, {"stats": [{"n": 1}, {"n": 2}], "address": "e"}]"#;
        assert_eq!(
            addresses_past_stats(text),
            Some(["a", "b", "c", "d", "e"].map(String::from).to_vec())
        );
        // After a repeat, what follows is still checked.
        for bad in [
            r#"[{"stats": [{"n": 1}], "address": "a"}, {"stats": [{"n": 1}] "address": "b"}]"#,
            r#"[{"stats": [{"n": 1}], "address": "a"}, {"stats": [{"n": 1}]]"#,
            r#"[{"stats": [{"n": 1}], "address": "a"}, {"stats": [{"n": 1}], "address": 2}]"#,
        ] {
            assert_eq!(addresses_past_stats(bad), None, "{bad}");
        }
    }

    /// Deeper, a repeat is read, so that its nesting counts to the limit as a first read's.
    #[test]
    fn repeats_deeper_than_their_first_are_read() {
        fn down<'a>(p: &mut Picker<'a>, levels: usize, last: &mut Skipped<'a>) -> Option<()> {
            if levels == 0 {
                return p.skip_repeat(last);
            }
            p.array(|p| down(p, levels - 1, last))
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        for (wrapped, fits) in [(26, true), (27, false)] {
            let text = format!(
                "[{deep}, {}{deep}{}]",
                "[".repeat(wrapped),
                "]".repeat(wrapped)
            );
            let mut last = Skipped::default();
            let mut first = true;
            let read = Picker::whole(&text, |p| {
                p.array(|p| {
                    let levels = if first { 0 } else { wrapped };
                    first = false;
                    down(p, levels, &mut last)
                })
            });
            assert_eq!(read.is_some(), fits, "{wrapped} levels around");
        }
    }

    #[test]
    fn bools_are_true_or_false_only() {
        let read = |text| Picker::whole(text, |p| p.bool());
        assert_eq!(read(" true "), Some(true));
        assert_eq!(read("false"), Some(false));
        assert_eq!(read("null"), None);
        assert_eq!(read("tru"), None);
        assert_eq!(read("1"), None);
    }
}
