//! Flag values read as istioctl's flag library reads them: integers and booleans in Go's
//! literal syntax, durations in Go's duration syntax, and their error texts, so that a bad value
//! is reported in the words istioctl users know.

use std::fmt;
use std::time::Duration;

/// Why a flag value was refused, worded as Go's parsers word it (`strconv.ParseInt: parsing
/// "x": invalid syntax`). The flag's name is added by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError(pub String);

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ValueError {}

fn num_error(func: &str, text: &str, why: &str) -> ValueError {
    ValueError(format!("strconv.{func}: parsing {}: {why}", quote(text)))
}

/// A signed 64-bit integer in Go's literal syntax: optional sign; `0x`, `0o`, `0b` prefixes or a
/// leading `0` for octal; `_` between digits.
pub fn parse_int(text: &str) -> Result<i64, ValueError> {
    let syntax = || num_error("ParseInt", text, "invalid syntax");
    let range = || num_error("ParseInt", text, "value out of range");
    let (negative, unsigned) = match text.as_bytes().first() {
        None => return Err(syntax()),
        Some(b'+') => (false, &text[1..]),
        Some(b'-') => (true, &text[1..]),
        Some(_) => (false, text),
    };
    let magnitude = match parse_unsigned(unsigned) {
        Ok(n) => n,
        Err(Unsigned::Syntax) => return Err(syntax()),
        // Too big for 64 bits unsigned is too big for 64 bits signed, whatever the sign.
        Err(Unsigned::Range) => return Err(range()),
    };
    const LIMIT: u64 = 1 << 63;
    match (negative, magnitude) {
        (false, n) if n >= LIMIT => Err(range()),
        (true, n) if n > LIMIT => Err(range()),
        (true, n) => Ok((n as i64).wrapping_neg()),
        (false, n) => Ok(n as i64),
    }
}

enum Unsigned {
    Syntax,
    Range,
}

/// An unsigned 64-bit integer in Go's literal syntax (no sign). A value that overflows is a range
/// error as soon as the overflow is seen, even if a bad character follows, as Go reports it.
fn parse_unsigned(text: &str) -> Result<u64, Unsigned> {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return Err(Unsigned::Syntax);
    }
    let (base, digits): (u64, &[u8]) = if bytes[0] == b'0' {
        match bytes.get(1).map(u8::to_ascii_lowercase) {
            Some(b'b') if bytes.len() >= 3 => (2, &bytes[2..]),
            Some(b'o') if bytes.len() >= 3 => (8, &bytes[2..]),
            Some(b'x') if bytes.len() >= 3 => (16, &bytes[2..]),
            _ => (8, &bytes[1..]),
        }
    } else {
        (10, bytes)
    };
    let mut value: u64 = 0;
    let mut underscores = false;
    for &c in digits {
        let digit = match c {
            b'_' => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            c if c.is_ascii_alphabetic() => u64::from(c.to_ascii_lowercase() - b'a') + 10,
            _ => return Err(Unsigned::Syntax),
        };
        if digit >= base {
            return Err(Unsigned::Syntax);
        }
        value = value
            .checked_mul(base)
            .and_then(|v| v.checked_add(digit))
            .ok_or(Unsigned::Range)?;
    }
    if underscores && !underscores_between_digits(text) {
        return Err(Unsigned::Syntax);
    }
    Ok(value)
}

/// Go's rule for `_` in an integer literal: only between digits, or between a base prefix and a
/// digit; never first or last.
fn underscores_between_digits(text: &str) -> bool {
    let bytes = text.as_bytes();
    #[derive(PartialEq)]
    enum Last {
        Start,
        Digit,
        Underscore,
        Other,
    }
    let mut last = Last::Start;
    let mut i = 0;
    let mut hex = false;
    if bytes.len() >= 2
        && bytes[0] == b'0'
        && matches!(bytes[1].to_ascii_lowercase(), b'b' | b'o' | b'x')
    {
        hex = bytes[1].eq_ignore_ascii_case(&b'x');
        last = Last::Digit;
        i = 2;
    }
    for &c in &bytes[i..] {
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            last = Last::Digit;
        } else if c == b'_' {
            if last != Last::Digit {
                return false;
            }
            last = Last::Underscore;
        } else if last == Last::Underscore {
            return false;
        } else {
            last = Last::Other;
        }
    }
    last != Last::Underscore
}

/// A boolean as Go spells one: `1 t T true TRUE True` and `0 f F false FALSE False`.
pub fn parse_bool(text: &str) -> Result<bool, ValueError> {
    match text {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Ok(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Ok(false),
        _ => Err(num_error("ParseBool", text, "invalid syntax")),
    }
}

/// A Go duration (`15s`, `1m30s`, `1.5h`, `300ms`, `-2m`), in nanoseconds.
pub fn parse_duration(text: &str) -> Result<i64, ValueError> {
    let invalid = || ValueError(format!("time: invalid duration {}", time_quote(text)));
    let mut s = text;
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-') {
        negative = true;
        s = rest;
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest;
    }
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    const LIMIT: u64 = 1 << 63;
    let mut total: u64 = 0;
    while !s.is_empty() {
        if !(s.starts_with('.') || s.as_bytes()[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // The whole part; more than 2^63 is out of any duration's range.
        let whole_len = s.bytes().take_while(u8::is_ascii_digit).count();
        let mut whole: u64 = 0;
        for c in s[..whole_len].bytes() {
            if whole > LIMIT / 10 {
                return Err(invalid());
            }
            whole = whole * 10 + u64::from(c - b'0');
            if whole > LIMIT {
                return Err(invalid());
            }
        }
        s = &s[whole_len..];
        // The fraction: its digits as an integer and the power of ten they are over; digits
        // beyond what 63 bits hold are dropped.
        let mut fraction: u64 = 0;
        let mut scale: f64 = 1.0;
        let mut fraction_len = 0;
        if let Some(rest) = s.strip_prefix('.') {
            s = rest;
            fraction_len = s.bytes().take_while(u8::is_ascii_digit).count();
            let mut overflow = false;
            for c in s[..fraction_len].bytes() {
                if overflow {
                    continue;
                }
                if fraction > (LIMIT - 1) / 10 {
                    overflow = true;
                    continue;
                }
                let next = fraction * 10 + u64::from(c - b'0');
                if next > LIMIT {
                    overflow = true;
                    continue;
                }
                fraction = next;
                scale *= 10.0;
            }
            s = &s[fraction_len..];
        }
        if whole_len == 0 && fraction_len == 0 {
            return Err(invalid());
        }
        let unit_len = s
            .char_indices()
            .find(|(_, c)| *c == '.' || c.is_ascii_digit())
            .map_or(s.len(), |(i, _)| i);
        if unit_len == 0 {
            return Err(ValueError(format!(
                "time: missing unit in duration {}",
                time_quote(text)
            )));
        }
        let unit_text = &s[..unit_len];
        s = &s[unit_len..];
        let unit: u64 = match unit_text {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => {
                return Err(ValueError(format!(
                    "time: unknown unit {} in duration {}",
                    time_quote(unit_text),
                    time_quote(text)
                )))
            }
        };
        if whole > LIMIT / unit {
            return Err(invalid());
        }
        let mut value = whole * unit;
        if fraction > 0 {
            value += (fraction as f64 * (unit as f64 / scale)) as u64;
            if value > LIMIT {
                return Err(invalid());
            }
        }
        total += value;
        if total > LIMIT {
            return Err(invalid());
        }
    }
    if negative {
        return Ok((total as i64).wrapping_neg());
    }
    if total > LIMIT - 1 {
        return Err(invalid());
    }
    Ok(total as i64)
}

/// `--request-timeout`: `15s`, `500ms`, `2m`, `1h`, or a bare number of seconds.
pub fn parse_request_timeout(s: &str) -> Result<Duration, ValueError> {
    let bad = || ValueError("use e.g. 15s, 500ms, 2m".to_string());
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: f64 = num.parse().map_err(|_| bad())?;
    let secs = match unit {
        "" | "s" => n,
        "ms" => n / 1000.0,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        _ => return Err(bad()),
    };
    if !(secs > 0.0 && secs.is_finite()) {
        return Err(bad());
    }
    Ok(Duration::from_secs_f64(secs))
}

/// A Go duration as a timeout: zero means none (as for kubectl), a negative one is refused.
pub fn parse_timeout(text: &str) -> Result<Option<Duration>, ValueError> {
    let nanos = parse_duration(text)?;
    match nanos {
        0 => Ok(None),
        n if n < 0 => Err(ValueError(format!(
            "a timeout cannot be negative: {}",
            quote(text)
        ))),
        n => Ok(Some(Duration::from_nanos(n as u64))),
    }
}

/// How Go's time package quotes text in its errors: `"` and `\` escaped, bytes outside
/// printable ASCII as `\xNN`.
fn time_quote(text: &str) -> String {
    let mut out = String::from("\"");
    for b in text.bytes() {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            b' '..=b'~' => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    out
}

/// A string quoted as Go's `%q` quotes it: printable characters as they are (`"` and `\`
/// escaped), the usual C escapes, `\xNN` for other control bytes, `\uNNNN` for other
/// non-printable characters.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_control() || is_format_or_separator(c) => {
                if (c as u32) < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters Go does not count as printable beyond control characters: the common format and
/// separator characters (spaces other than U+0020 included).
fn is_format_or_separator(c: char) -> bool {
    matches!(c,
        '\u{a0}' | '\u{ad}' | '\u{1680}' | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}'
        | '\u{205f}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{3000}' | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_and_nonsense_is_refused() {
        assert_eq!(
            parse_request_timeout("15s").unwrap(),
            Duration::from_secs(15)
        );
        assert_eq!(
            parse_request_timeout("500ms").unwrap(),
            Duration::from_millis(500)
        );
        assert_eq!(
            parse_request_timeout("2m").unwrap(),
            Duration::from_secs(120)
        );
        assert_eq!(parse_request_timeout("3").unwrap(), Duration::from_secs(3));
        assert!(parse_request_timeout("0s").is_err());
        assert!(parse_request_timeout("fast").is_err());
    }

    #[test]
    fn integers_in_go_literal_syntax() {
        for (text, want) in [
            ("80", 80),
            ("+80", 80),
            ("-1", -1),
            ("0", 0),
            ("-0", 0),
            ("0x50", 80),
            ("0X50", 80),
            ("0o17", 15),
            ("0O17", 15),
            ("017", 15),
            ("0_17", 15),
            ("0b11", 3),
            ("1_000", 1000),
            ("0x_50", 80),
            ("0xdead_beef", 0xdead_beef),
            ("9223372036854775807", i64::MAX),
            ("-9223372036854775808", i64::MIN),
            ("-0x8000000000000000", i64::MIN),
        ] {
            assert_eq!(parse_int(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn bad_integers_get_gos_words() {
        for text in [
            "", "x", "-", "+", "08", "0x", "0b", "0b2", "1_", "_1", "1__0", "0x_", "1.0", " 1",
            "1e3", "--1", "0x1g",
        ] {
            assert_eq!(
                parse_int(text).unwrap_err().0,
                format!("strconv.ParseInt: parsing {}: invalid syntax", quote(text)),
                "{text:?}"
            );
        }
        for text in [
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            // The overflow is seen before the bad character.
            "99999999999999999999x",
        ] {
            assert_eq!(
                parse_int(text).unwrap_err().0,
                format!("strconv.ParseInt: parsing \"{text}\": value out of range"),
            );
        }
    }

    #[test]
    fn booleans_as_go_spells_them() {
        for text in ["1", "t", "T", "true", "TRUE", "True"] {
            assert_eq!(parse_bool(text), Ok(true));
        }
        for text in ["0", "f", "F", "false", "FALSE", "False"] {
            assert_eq!(parse_bool(text), Ok(false));
        }
        for text in ["", "yes", "tRUE", "2", "on"] {
            assert_eq!(
                parse_bool(text).unwrap_err().0,
                format!("strconv.ParseBool: parsing \"{text}\": invalid syntax")
            );
        }
    }

    #[test]
    fn durations_in_go_syntax() {
        let s = 1_000_000_000i64;
        for (text, want) in [
            ("15s", 15 * s),
            ("1m30s", 90 * s),
            ("1.5h", 5400 * s),
            ("300ms", 300_000_000),
            (".5s", 500_000_000),
            ("1.s", s),
            ("2us", 2_000),
            ("2\u{b5}s", 2_000),
            ("2\u{3bc}s", 2_000),
            ("7ns", 7),
            ("0", 0),
            ("-0", 0),
            ("-2m", -120 * s),
            ("+1h", 3600 * s),
            ("1h1m1s1ms", 3_661_001_000_000),
        ] {
            assert_eq!(parse_duration(text), Ok(want), "{text}");
        }
        for (text, why) in [
            ("", "time: invalid duration \"\""),
            ("x", "time: invalid duration \"x\""),
            ("-", "time: invalid duration \"-\""),
            (".s", "time: invalid duration \".s\""),
            ("1", "time: missing unit in duration \"1\""),
            ("1m1", "time: missing unit in duration \"1m1\""),
            ("1q", "time: unknown unit \"q\" in duration \"1q\""),
            ("1 s", "time: unknown unit \" s\" in duration \"1 s\""),
            (
                "1é",
                "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"",
            ),
            ("9999999999h", "time: invalid duration \"9999999999h\""),
        ] {
            assert_eq!(parse_duration(text).unwrap_err().0, why, "{text:?}");
        }
        assert_eq!(parse_timeout("0s"), Ok(None));
        assert_eq!(parse_timeout("2s"), Ok(Some(Duration::from_secs(2))));
        assert!(parse_timeout("-1s").is_err());
    }

    #[test]
    fn quoting_as_go_quotes() {
        assert_eq!(quote("x"), "\"x\"");
        assert_eq!(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(quote("\t\n\u{1}"), "\"\\t\\n\\x01\"");
        assert_eq!(quote("héllo ☃"), "\"héllo ☃\"");
        assert_eq!(quote("\u{200b}"), "\"\\u200b\"");
    }
}
