//! A config dump, read in one pass. Each section of `configs` is kept as its fields' raw JSON
//! text (borrowed from the input), and only the sections a view asks for are kept at all: the
//! rest is skipped without building anything. Typed views of the kept fields are parsed later,
//! from those raw slices, by the module that needs them.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::error::{Error, Result};

/// The section types of an admin config dump, by their `@type` URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionKind {
    Bootstrap,
    Clusters,
    Ecds,
    Endpoints,
    Listeners,
    Routes,
    ScopedRoutes,
    Secrets,
}

impl SectionKind {
    pub const ALL: [SectionKind; 8] = [
        SectionKind::Bootstrap,
        SectionKind::Clusters,
        SectionKind::Ecds,
        SectionKind::Endpoints,
        SectionKind::Listeners,
        SectionKind::Routes,
        SectionKind::ScopedRoutes,
        SectionKind::Secrets,
    ];

    pub fn type_url(self) -> &'static str {
        match self {
            SectionKind::Bootstrap => "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump",
            SectionKind::Clusters => "type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
            SectionKind::Ecds => "type.googleapis.com/envoy.admin.v3.EcdsConfigDump",
            SectionKind::Endpoints => "type.googleapis.com/envoy.admin.v3.EndpointsConfigDump",
            SectionKind::Listeners => "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
            SectionKind::Routes => "type.googleapis.com/envoy.admin.v3.RoutesConfigDump",
            SectionKind::ScopedRoutes => {
                "type.googleapis.com/envoy.admin.v3.ScopedRoutesConfigDump"
            }
            SectionKind::Secrets => "type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
        }
    }

    fn from_type_url(url: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.type_url() == url)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Which sections a view needs; the others are skipped while parsing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Want(u16);

impl Want {
    pub fn none() -> Self {
        Want(0)
    }
    pub fn all() -> Self {
        Want(u16::MAX)
    }
    pub fn with(self, kind: SectionKind) -> Self {
        Want(self.0 | kind.bit())
    }
    pub fn has(self, kind: SectionKind) -> bool {
        self.0 & kind.bit() != 0
    }
}

/// One section: its `@type` and each field's raw JSON, in input order, `@type` excluded.
#[derive(Debug)]
pub struct Section<'a> {
    pub type_url: Cow<'a, str>,
    pub fields: Vec<(Cow<'a, str>, &'a RawValue)>,
}

impl<'a> Section<'a> {
    /// The raw value of a field, by its proto name; the lowerCamelCase spelling is accepted too.
    pub fn field(&self, proto_name: &str) -> Option<&'a RawValue> {
        self.fields
            .iter()
            .find(|(k, _)| key_matches(k, proto_name))
            .map(|(_, v)| *v)
    }

    /// The section as a JSON object again: `@type` first, then its fields as they were.
    pub fn to_json(&self) -> String {
        let mut s = String::from("{\"@type\":");
        s.push_str(&serde_json::to_string(self.type_url.as_ref()).unwrap_or_default());
        for (k, v) in &self.fields {
            s.push(',');
            s.push_str(&serde_json::to_string(k.as_ref()).unwrap_or_default());
            s.push(':');
            s.push_str(v.get());
        }
        s.push('}');
        s
    }

    /// Parses a repeated field into typed items; an absent field is an empty list.
    pub fn list<T: Deserialize<'a>>(&self, proto_name: &str) -> Result<Vec<T>> {
        match self.field(proto_name) {
            None => Ok(Vec::new()),
            Some(raw) => parse_raw(raw, proto_name),
        }
    }
}

/// A list item that wraps one resource, e.g. `{"version_info": ..., "cluster": {...}}`. Each
/// section's wrapper names its resource differently; an item holds only one of these.
#[derive(Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
struct Wrapped<T> {
    #[serde(
        rename = "cluster",
        alias = "route_config",
        alias = "routeConfig",
        alias = "endpoint_config",
        alias = "endpointConfig"
    )]
    resource: Option<T>,
}

/// A resource read from a section's list.
pub struct Resource<'a, T> {
    /// Which of the lists asked for it held it.
    pub list: usize,
    /// Its JSON text, kept only when asked for (JSON output); tables read it typed in one pass.
    pub raw: Option<&'a RawValue>,
    pub value: T,
}

impl<'a> Section<'a> {
    /// The resources wrapped in the items of `lists` (clusters, route configs, load
    /// assignments), list by list, in input order.
    pub fn resources<T: Deserialize<'a>>(
        &self,
        lists: &[&str],
        what: &str,
        keep_raw: bool,
    ) -> Result<Vec<Resource<'a, T>>> {
        let mut out = Vec::new();
        for (list, field) in lists.iter().enumerate() {
            if keep_raw {
                for w in self.list::<Wrapped<&'a RawValue>>(field)? {
                    if let Some(raw) = w.resource {
                        out.push(Resource {
                            list,
                            raw: Some(raw),
                            value: parse_raw(raw, what)?,
                        });
                    }
                }
            } else {
                for w in self.list::<Wrapped<T>>(field)? {
                    if let Some(value) = w.resource {
                        out.push(Resource {
                            list,
                            raw: None,
                            value,
                        });
                    }
                }
            }
        }
        Ok(out)
    }
}

/// Parses a raw slice of the dump into `T`, naming the field in the error.
pub fn parse_raw<'a, T: Deserialize<'a>>(raw: &'a RawValue, what: &str) -> Result<T> {
    serde_json::from_str(raw.get()).map_err(|e| {
        // serde's line and column count from the start of this slice, not the file: leave them out.
        let reason = e.to_string();
        let reason = reason.split(" at line ").next().unwrap_or(&reason);
        Error::input(format!(
            "config dump: unexpected content in {what}: {reason}"
        ))
    })
}

/// Whether a JSON key is a proto field name in either spelling Envoy and istioctl use.
pub fn key_matches(key: &str, proto_name: &str) -> bool {
    if key == proto_name {
        return true;
    }
    // lowerCamelCase: `dynamic_active_clusters` == `dynamicActiveClusters`.
    let mut expected = proto_name.split('_');
    let mut rest = key;
    let Some(first) = expected.next() else {
        return false;
    };
    let Some(r) = rest.strip_prefix(first) else {
        return false;
    };
    rest = r;
    for part in expected {
        let mut chars = part.chars();
        let Some(c) = chars.next() else {
            return false;
        };
        let Some(r) = rest.strip_prefix(c.to_ascii_uppercase()) else {
            return false;
        };
        let Some(r) = r.strip_prefix(chars.as_str()) else {
            return false;
        };
        rest = r;
    }
    rest.is_empty()
}

/// The sections of a dump that a view asked for.
#[derive(Debug, Default)]
pub struct Dump<'a> {
    /// Wanted sections; the last one of a type wins, ECDS sections are all kept (they merge).
    pub sections: Vec<Section<'a>>,
    /// `@type`s this reader does not know, for error messages.
    pub unknown_types: Vec<String>,
}

impl<'a> Dump<'a> {
    /// Reads a config dump, keeping only the wanted sections. `at` is where `json` starts in its
    /// file, for error offsets.
    pub fn parse(json: &'a str, at: usize, want: Want) -> Result<Dump<'a>> {
        let mut de = serde_json::Deserializer::from_str(json);
        let dump = DumpSeed { want }
            .deserialize(&mut de)
            .and_then(|d| de.end().map(|_| d))
            .map_err(|e| crate::input::json_error(json, at, &e))?;
        Ok(dump)
    }

    pub fn section(&self, kind: SectionKind) -> Option<&Section<'a>> {
        self.sections
            .iter()
            .rev()
            .find(|s| s.type_url == kind.type_url())
    }

    /// A section the view cannot do without, or istioctl's error naming it.
    pub fn require(&self, kind: SectionKind) -> Result<&Section<'a>> {
        self.section(kind).ok_or_else(|| {
            let mut msg = format!("config dump has no configuration type {}", kind.type_url());
            if !self.unknown_types.is_empty() {
                msg.push_str(&format!(
                    " (unknown types present: {})",
                    self.unknown_types.join(", ")
                ));
            }
            Error::input(msg)
        })
    }

    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &Section<'a>> {
        self.sections
            .iter()
            .filter(move |s| s.type_url == kind.type_url())
    }
}

struct DumpSeed {
    want: Want,
}

impl<'de> DeserializeSeed<'de> for DumpSeed {
    type Value = Dump<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DumpSeed {
    type Value = Dump<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an Envoy config dump object with a `configs` list")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut dump = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "configs" {
                dump = Some(map.next_value_seed(ConfigsSeed { want: self.want })?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        dump.ok_or_else(|| de::Error::custom("not a config dump: no `configs` list"))
    }
}

struct ConfigsSeed {
    want: Want,
}

impl<'de> DeserializeSeed<'de> for ConfigsSeed {
    type Value = Dump<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ConfigsSeed {
    type Value = Dump<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of config dump sections")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut dump = Dump::default();
        while let Some(section) = seq.next_element_seed(SectionSeed { want: self.want })? {
            match section {
                Scanned::Kept(s) => dump.sections.push(s),
                Scanned::Skipped => {}
                Scanned::Unknown(t) => {
                    if !dump.unknown_types.contains(&t) {
                        dump.unknown_types.push(t)
                    }
                }
            }
        }
        Ok(dump)
    }
}

enum Scanned<'a> {
    Kept(Section<'a>),
    Skipped,
    Unknown(String),
}

struct SectionSeed {
    want: Want,
}

impl<'de> DeserializeSeed<'de> for SectionSeed {
    type Value = Scanned<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SectionSeed {
    type Value = Scanned<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a config dump section object with an `@type`")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // Envoy and istioctl print `@type` first; until it is seen, fields are kept so that a
        // section written in another order still reads correctly.
        let mut type_url: Option<Cow<'de, str>> = None;
        let mut keep = true;
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "@type" {
                let url: Cow<'de, str> = map.next_value()?;
                keep = SectionKind::from_type_url(&url).is_some_and(|k| self.want.has(k));
                type_url = Some(url);
            } else if keep {
                fields.push((key, map.next_value::<&'de RawValue>()?));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        let type_url =
            type_url.ok_or_else(|| de::Error::custom("a config dump section has no `@type`"))?;
        Ok(match SectionKind::from_type_url(&type_url) {
            None => Scanned::Unknown(type_url.into_owned()),
            Some(_) if keep => Scanned::Kept(Section { type_url, fields }),
            Some(_) => Scanned::Skipped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_keys_match_proto_names() {
        assert!(key_matches(
            "dynamic_active_clusters",
            "dynamic_active_clusters"
        ));
        assert!(key_matches(
            "dynamicActiveClusters",
            "dynamic_active_clusters"
        ));
        assert!(!key_matches("dynamicActive", "dynamic_active_clusters"));
        assert!(!key_matches(
            "dynamicActiveClustersX",
            "dynamic_active_clusters"
        ));
        assert!(!key_matches("static_clusters", "dynamic_active_clusters"));
    }

    #[test]
    fn only_wanted_sections_are_kept_and_last_one_wins() {
        let json = r#"{"configs":[
            {"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump","static_clusters":[1]},
            {"@type":"type.googleapis.com/envoy.admin.v3.ListenersConfigDump","x":2},
            {"static_clusters":[3],"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump"},
            {"@type":"type.googleapis.com/envoy.admin.v3.Mystery","y":1}
        ]}"#;
        let dump = Dump::parse(json, 0, Want::none().with(SectionKind::Clusters)).unwrap();
        assert_eq!(dump.sections.len(), 2);
        let s = dump.section(SectionKind::Clusters).unwrap();
        assert_eq!(s.field("static_clusters").unwrap().get(), "[3]");
        assert!(dump.section(SectionKind::Listeners).is_none());
        assert_eq!(
            dump.unknown_types,
            vec!["type.googleapis.com/envoy.admin.v3.Mystery"]
        );
        let err = dump.require(SectionKind::Routes).unwrap_err();
        assert!(err.message.contains("RoutesConfigDump"), "{}", err.message);
        assert!(err.message.contains("Mystery"), "{}", err.message);
    }

    #[test]
    fn a_section_without_type_is_an_error() {
        let err = Dump::parse(r#"{"configs":[{"a":1}]}"#, 0, Want::all()).unwrap_err();
        assert!(err.message.contains("no `@type`"), "{}", err.message);
    }
}

/// A JSON object as its fields' raw values, in input order: for output that rebuilds an object
/// with one field changed, without reformatting the rest.
#[derive(Debug)]
pub struct RawObject<'a>(pub Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for RawObject<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawObject<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Vec::new();
                while let Some(k) = map.next_key::<Cow<'de, str>>()? {
                    fields.push((k, map.next_value::<&'de RawValue>()?));
                }
                Ok(RawObject(fields))
            }
        }
        d.deserialize_map(V)
    }
}

impl RawObject<'_> {
    /// The object as JSON text, with `replace`'s field (by proto name, either spelling) swapped
    /// for the given JSON text.
    pub fn to_json_with(&self, replace: &str, value: &str) -> String {
        let mut s = String::from("{");
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            s.push_str(&serde_json::to_string(k.as_ref()).unwrap_or_default());
            s.push(':');
            s.push_str(if key_matches(k, replace) {
                value
            } else {
                v.get()
            });
        }
        s.push('}');
        s
    }
}
