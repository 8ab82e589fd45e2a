//! Envoy's value matchers as routes use them: `StringMatcher`, `HeaderMatcher`,
//! `QueryParameterMatcher`, and RE2-style whole-string regexes.

use crate::envoy::resources::{HeaderMatcher, QueryParameterMatcher, Regex, StringMatcher};
use crate::envoy::trace::HttpRequest;

/// Whether `regex` matches the whole of `value`: Envoy's `safe_regex` matchers are full matches
/// (RE2 `FullMatch`), never searches. A pattern that does not compile matches nothing (Envoy
/// would have refused the config).
pub fn full_match(regex: &str, value: &str) -> bool {
    regex::Regex::new(&format!("^(?:{regex})$")).is_ok_and(|r| r.is_match(value))
}

fn regex_text<'a>(r: &'a Regex) -> &'a str {
    r.regex.as_ref()
}

/// A `StringMatcher`; `ignore_case` folds ASCII only, and never applies to `safe_regex`.
pub fn string_matches(m: &StringMatcher, value: &str) -> bool {
    let fold = |s: &str| {
        if m.ignore_case {
            s.to_ascii_lowercase()
        } else {
            s.to_string()
        }
    };
    let v = fold(value);
    if let Some(e) = &m.exact {
        v == fold(e)
    } else if let Some(p) = &m.prefix {
        v.starts_with(&fold(p))
    } else if let Some(s) = &m.suffix {
        v.ends_with(&fold(s))
    } else if let Some(c) = &m.contains {
        v.contains(&fold(c))
    } else if let Some(r) = &m.safe_regex {
        full_match(regex_text(r), value)
    } else {
        false
    }
}

pub fn describe_string(m: &StringMatcher) -> String {
    let ic = if m.ignore_case { " (ignore case)" } else { "" };
    let form = if let Some(e) = &m.exact {
        format!("exact {e:?}")
    } else if let Some(p) = &m.prefix {
        format!("prefix {p:?}")
    } else if let Some(s) = &m.suffix {
        format!("suffix {s:?}")
    } else if let Some(c) = &m.contains {
        format!("contains {c:?}")
    } else if let Some(r) = &m.safe_regex {
        format!("regex {:?}", r.regex)
    } else {
        "nothing".into()
    };
    format!("{form}{ic}")
}

/// How one header matcher compares a present value; `None` is a presence check.
enum HeaderForm<'m> {
    String(StringMatcher<'m>),
    Range(i64, i64),
    Present(bool),
}

fn text<'m>(s: &'m str) -> Option<crate::envoy::resources::Str<'m>> {
    Some(std::borrow::Cow::Borrowed(s))
}

fn form<'m>(h: &'m HeaderMatcher<'m>) -> HeaderForm<'m> {
    let mut m = StringMatcher::default();
    if let Some(sm) = &h.string_match {
        m.exact = sm.exact.as_deref().and_then(text);
        m.prefix = sm.prefix.as_deref().and_then(text);
        m.suffix = sm.suffix.as_deref().and_then(text);
        m.contains = sm.contains.as_deref().and_then(text);
        m.safe_regex = sm.safe_regex.as_ref().map(|r| Regex {
            regex: std::borrow::Cow::Borrowed(r.regex.as_ref()),
        });
        m.ignore_case = sm.ignore_case;
    } else if let Some(e) = &h.exact_match {
        m.exact = text(e);
    } else if let Some(p) = &h.prefix_match {
        m.prefix = text(p);
    } else if let Some(p) = &h.suffix_match {
        m.suffix = text(p);
    } else if let Some(p) = &h.contains_match {
        m.contains = text(p);
    } else if let Some(r) = &h.safe_regex_match {
        m.safe_regex = Some(Regex {
            regex: std::borrow::Cow::Borrowed(r.regex.as_ref()),
        });
    } else if let Some(r) = &h.range_match {
        return HeaderForm::Range(r.start, r.end);
    } else {
        // No form at all, or `present_match`: a presence check.
        return HeaderForm::Present(h.present_match.unwrap_or(true));
    }
    HeaderForm::String(m)
}

/// A `HeaderMatcher` against the request: Envoy reads every value of the header joined by `,`.
/// A missing header fails every form except `present_match: false` (true inverted), unless
/// `treat_missing_header_as_empty` makes it an empty value; `invert_match` inverts the rest.
/// Returns why it failed.
pub fn header_matches(h: &HeaderMatcher, req: &HttpRequest) -> Result<(), String> {
    let name = h.name.as_ref();
    let value = req.header(name);
    let f = form(h);
    let inv = if h.invert_match { "inverted " } else { "" };
    let describe = |f: &HeaderForm| match f {
        HeaderForm::String(m) => describe_string(m),
        HeaderForm::Range(a, b) => format!("range [{a}, {b})"),
        HeaderForm::Present(p) => format!("present {p}"),
    };
    let Some(value) = value.or_else(|| h.treat_missing_header_as_empty.then(String::new)) else {
        let ok = match f {
            HeaderForm::Present(p) => p == h.invert_match,
            _ => false,
        };
        return if ok {
            Ok(())
        } else {
            Err(format!("header {name}: missing ({inv}{})", describe(&f)))
        };
    };
    let hit = match &f {
        HeaderForm::String(m) => string_matches(m, &value),
        HeaderForm::Range(a, b) => value.parse::<i64>().is_ok_and(|v| *a <= v && v < *b),
        HeaderForm::Present(p) => *p,
    };
    if hit != h.invert_match {
        Ok(())
    } else {
        Err(format!(
            "header {name}: {value:?} does not match {inv}{}",
            describe(&f)
        ))
    }
}

/// The query string's parameters, percent-decoded as Envoy decodes them, in order.
pub fn query_params(path: &str) -> Vec<(String, String)> {
    let Some((_, query)) = path.split_once('?') else {
        return Vec::new();
    };
    let query = query.split('#').next().unwrap_or_default();
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A `QueryParameterMatcher`: the parameter's first value against `string_match`, or its
/// presence.
pub fn query_matches(q: &QueryParameterMatcher, params: &[(String, String)]) -> Result<(), String> {
    let name = q.name.as_ref();
    let value = params.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    match (&q.string_match, value) {
        (Some(m), Some(v)) if string_matches(m, v) => Ok(()),
        (Some(m), Some(v)) => Err(format!(
            "query parameter {name}: {v:?} does not match {}",
            describe_string(m)
        )),
        (Some(_), None) => Err(format!("query parameter {name}: missing")),
        (None, v) if v.is_some() || q.present_match == Some(false) => Ok(()),
        (None, _) => Err(format!("query parameter {name}: missing")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envoy::trace::test_support::http;

    fn header(json: &str) -> HeaderMatcher<'_> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn regexes_match_the_whole_value() {
        assert!(full_match("/api/[0-9]+", "/api/12"));
        assert!(!full_match("/api/[0-9]+", "/api/12/x"));
        assert!(!full_match("[0-9]+", "a1"));
        // Alternation is inside the anchors.
        assert!(!full_match("a|b", "ab"));
    }

    #[test]
    fn header_forms_follow_envoys_rules() {
        let mut req = http("h", "/");
        req.headers = vec![
            ("x-v".into(), "canary".into()),
            ("x-n".into(), "42".into()),
            ("x-m".into(), "a".into()),
            ("x-m".into(), "b".into()),
        ];
        let ok = |j: &str| header_matches(&header(j), &req).is_ok();
        assert!(ok(r#"{"name":"x-v","string_match":{"exact":"canary"}}"#));
        assert!(!ok(r#"{"name":"x-v","string_match":{"exact":"CANARY"}}"#));
        assert!(ok(
            r#"{"name":"x-v","string_match":{"exact":"CANARY","ignore_case":true}}"#
        ));
        assert!(ok(r#"{"name":"x-v","exact_match":"canary"}"#));
        assert!(ok(r#"{"name":"x-v","string_match":{"prefix":"can"}}"#));
        assert!(ok(r#"{"name":"x-v","string_match":{"suffix":"ary"}}"#));
        assert!(ok(r#"{"name":"x-v","string_match":{"contains":"nar"}}"#));
        assert!(ok(
            r#"{"name":"x-v","string_match":{"safe_regex":{"regex":"c.*y"}}}"#
        ));
        assert!(!ok(
            r#"{"name":"x-v","string_match":{"safe_regex":{"regex":"c.*r"}}}"#
        ));
        // Range is [start, end), 64-bit values as protobuf JSON strings or numbers.
        assert!(ok(
            r#"{"name":"x-n","range_match":{"start":"40","end":"43"}}"#
        ));
        assert!(!ok(r#"{"name":"x-n","range_match":{"start":40,"end":42}}"#));
        assert!(!ok(r#"{"name":"x-v","range_match":{"start":0,"end":100}}"#));
        // Repeated headers are joined with commas.
        assert!(ok(r#"{"name":"x-m","string_match":{"exact":"a,b"}}"#));
        // Presence, inversion, missing headers.
        assert!(ok(r#"{"name":"x-v"}"#));
        assert!(ok(r#"{"name":"x-v","present_match":true}"#));
        assert!(!ok(r#"{"name":"x-gone","present_match":true}"#));
        assert!(ok(r#"{"name":"x-gone","present_match":false}"#));
        assert!(ok(
            r#"{"name":"x-gone","present_match":true,"invert_match":true}"#
        ));
        assert!(!ok(
            r#"{"name":"x-gone","string_match":{"exact":"a"},"invert_match":true}"#
        ));
        assert!(ok(
            r#"{"name":"x-v","string_match":{"exact":"x"},"invert_match":true}"#
        ));
        assert!(ok(
            r#"{"name":"x-gone","string_match":{"exact":""},"treat_missing_header_as_empty":true}"#
        ));
        // Pseudo-headers.
        assert!(ok(r#"{"name":":method","string_match":{"exact":"GET"}}"#));
        let e =
            header_matches(&header(r#"{"name":"x-canary","exact_match":"1"}"#), &req).unwrap_err();
        assert!(e.starts_with("header x-canary: missing"), "{e}");
    }

    #[test]
    fn query_parameters_are_decoded_and_matched() {
        let params = query_params("/p?a=1&b=x%20y&c&a=2#frag");
        assert_eq!(
            params,
            [
                ("a".into(), "1".into()),
                ("b".into(), "x y".into()),
                ("c".into(), "".into()),
                ("a".into(), "2".into())
            ]
        );
        let q = |j: &'static str| -> QueryParameterMatcher<'static> {
            serde_json::from_str(j).unwrap()
        };
        assert!(query_matches(&q(r#"{"name":"a","string_match":{"exact":"1"}}"#), &params).is_ok());
        assert!(
            query_matches(&q(r#"{"name":"a","string_match":{"exact":"2"}}"#), &params).is_err()
        );
        assert!(query_matches(
            &q(r#"{"name":"b","string_match":{"exact":"x y"}}"#),
            &params
        )
        .is_ok());
        assert!(query_matches(&q(r#"{"name":"c","present_match":true}"#), &params).is_ok());
        assert!(query_matches(&q(r#"{"name":"d","present_match":true}"#), &params).is_err());
    }
}
