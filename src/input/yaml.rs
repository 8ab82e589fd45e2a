//! YAML input: a YAML document read into compact JSON text, in document order.

use crate::error::{Error, Result};

/// Collections nested deeper than this are refused: Envoy's documents stay far below it, and it
/// bounds the reader's recursion.
const YAML_MAX_DEPTH: usize = 128;

/// The YAML reader's stack. serde-saphyr and the visitors below recurse once per nesting level,
/// and unoptimized, `YAML_MAX_DEPTH` levels take more than the 2 MB of a test thread.
const YAML_STACK: usize = 16 << 20;

/// A YAML document as compact JSON text, written as it is read, so mapping keys keep their order
/// (Envoy's layout, which the views rely on). Plain scalars resolve by YAML 1.2's core schema:
/// `on`, `yes` and `n` stay strings, as do `0755` and `1_000`; `.inf` and `.nan` become JSON's
/// `null`.
pub fn to_json(body: &str, origin: &str) -> Result<String> {
    crate::parallel::with_stack("yaml", YAML_STACK, || read_yaml(body, origin))
        .map_err(|e| Error::input(format!("{origin}: cannot start the YAML reader: {e}")))?
}

fn read_yaml(body: &str, origin: &str) -> Result<String> {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options.leading_zero_numbers_as_strings = true;
    options.underscored_numbers_as_strings = true;
    // `<<` is a key like any other: YAML 1.2 has no merge keys.
    options.merge_keys = serde_saphyr::MergeKeyPolicy::AsOrdinary;
    // Protobuf JSON writes bytes as base64 text: a `!!binary` scalar stays that text.
    options.ignore_binary_tag_for_string = true;
    // `.inf` and `.nan` reach the visitor, which writes JSON's `null`.
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::PassThrough;
    options.emit_comments = false;
    options.with_snippet = false;
    // A big dump has millions of nodes: only the depth is limited.
    let mut budget = serde_saphyr::Budget::default();
    budget.max_events = usize::MAX;
    budget.max_nodes = usize::MAX;
    budget.max_total_scalar_bytes = usize::MAX;
    budget.max_depth = YAML_MAX_DEPTH;
    options.budget = Some(budget);

    let mut json = JsonText {
        out: Vec::with_capacity(body.len()),
        no_json: None,
    };
    serde_saphyr::with_deserializer_from_str_with_options(body, options, |de| {
        serde::de::DeserializeSeed::deserialize(YamlValue(&mut json), de)
    })
    .map_err(|e| {
        let at = e
            .location()
            .map(|l| format!(" at line {}, column {}", l.line(), l.column()))
            .unwrap_or_default();
        let reason = match e.without_snippet() {
            // The parser's own words for its nesting limit.
            serde_saphyr::Error::Budget {
                breach: serde_saphyr::budget::BudgetBreach::Depth { .. },
                ..
            } => "recursion limit exceeded".to_string(),
            e => e.render_with_formatter(&serde_saphyr::UserMessageFormatter),
        };
        let reason = reason.split(" at line ").next().unwrap_or(&reason);
        Error::input(format!("{origin} is neither JSON nor YAML{at}: {reason}"))
    })?;
    if json.out.first() != Some(&b'{') {
        return Err(Error::input(format!(
            "{origin} is not an Envoy config dump or /clusters?format=json output (not a JSON or YAML object)"
        )));
    }
    if let Some(problem) = json.no_json {
        return Err(Error::input(format!(
            "{origin}: YAML that has no JSON equivalent: {problem}"
        )));
    }
    Ok(String::from_utf8(json.out).expect("JSON text is UTF-8"))
}

/// The JSON text written so far, and the first thing met that JSON cannot hold (reported once
/// the whole document has been read, so that a YAML syntax error further on is reported first).
struct JsonText {
    out: Vec<u8>,
    no_json: Option<&'static str>,
}

impl JsonText {
    fn string(&mut self, s: &str) {
        serde_json::to_writer(&mut self.out, s).expect("a Vec takes every write");
    }

    /// A number or boolean, whose text is the same in JSON.
    fn plain(&mut self, v: impl std::fmt::Display) {
        use std::io::Write;
        write!(self.out, "{v}").expect("a Vec takes every write");
    }
}

/// Writes one YAML node as JSON.
struct YamlValue<'a>(&'a mut JsonText);

impl<'de> serde::de::DeserializeSeed<'de> for YamlValue<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for YamlValue<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a YAML node")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<(), E> {
        self.0.plain(v);
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<(), E> {
        self.0.plain(v);
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<(), E> {
        self.0.plain(v);
        Ok(())
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<(), E> {
        // serde_json's shortest round-trip digits; NaN and the infinities, which JSON lacks, as
        // `null`.
        serde_json::to_writer(&mut self.0.out, &v).expect("a Vec takes every write");
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<(), E> {
        self.0.string(v);
        Ok(())
    }
    fn visit_unit<E>(self) -> std::result::Result<(), E> {
        self.0.out.extend_from_slice(b"null");
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<(), A::Error> {
        self.0.out.push(b'[');
        let mut first = true;
        loop {
            let before = self.0.out.len();
            if !first {
                self.0.out.push(b',');
            }
            if seq.next_element_seed(YamlValue(self.0))?.is_none() {
                self.0.out.truncate(before);
                break;
            }
            first = false;
        }
        self.0.out.push(b']');
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<(), A::Error> {
        self.0.out.push(b'{');
        let mut first = true;
        loop {
            let before = self.0.out.len();
            if !first {
                self.0.out.push(b',');
            }
            if map.next_key_seed(YamlKey(self.0))?.is_none() {
                self.0.out.truncate(before);
                break;
            }
            self.0.out.push(b':');
            map.next_value_seed(YamlValue(self.0))?;
            first = false;
        }
        self.0.out.push(b'}');
        Ok(())
    }
}

/// Writes a mapping key as a JSON member name: a scalar as its text (`80: x` is `"80"`); a null,
/// a NaN or a collection has no JSON spelling.
struct YamlKey<'a>(&'a mut JsonText);

impl YamlKey<'_> {
    fn text(self, text: impl std::fmt::Display) {
        self.0.string(&text.to_string());
    }

    fn no_json(self, problem: &'static str) {
        self.0.no_json.get_or_insert(problem);
        self.0.out.extend_from_slice(b"\"\"");
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for YamlKey<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for YamlKey<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a YAML mapping key")
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<(), E> {
        self.0.string(v);
        Ok(())
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<(), E> {
        self.text(v);
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<(), E> {
        self.text(v);
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<(), E> {
        self.text(v);
        Ok(())
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<(), E> {
        if v.is_finite() {
            self.text(serde_json::to_string(&v).expect("a finite float"));
        } else {
            self.no_json("float key must be finite (got NaN or +/-inf)");
        }
        Ok(())
    }
    fn visit_unit<E>(self) -> std::result::Result<(), E> {
        self.no_json("key must be a string");
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<(), A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        self.no_json("key must be a string");
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<(), A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        self.no_json("key must be a string");
        Ok(())
    }
}
