//! istioctl prints Envoy's config dump with protobuf's JSON names (lowerCamelCase:
//! `dynamicActiveClusters`), Envoy with the proto field names (snake_case). A document in
//! camelCase is rewritten into Envoy's spelling once, when it is read, with the schema
//! transcoder, so everything after reads one spelling.

use envoy_schema::{KeyStyle, Root};

use crate::input::layout::{items_by_layout, leading_type, skip_whitespace, ItemEnds};

/// Keys that only a camelCase dump or `/clusters` answer has at its top levels: the fields of
/// the admin API's section messages, in protobuf's JSON spelling.
const CAMEL_CASE_KEYS: &[&str] = &[
    "\"clusterStatuses\"",
    "\"hostStatuses\"",
    "\"lastUpdated\"",
    "\"versionInfo\"",
    "\"staticClusters\"",
    "\"dynamicActiveClusters\"",
    "\"dynamicWarmingClusters\"",
    "\"staticListeners\"",
    "\"dynamicListeners\"",
    "\"staticRouteConfigs\"",
    "\"dynamicRouteConfigs\"",
    "\"staticSecrets\"",
    "\"dynamicActiveSecrets\"",
    "\"dynamicWarmingSecrets\"",
    "\"staticEndpointConfigs\"",
    "\"dynamicEndpointConfigs\"",
    "\"ecdsFilters\"",
    "\"inlineScopedRouteConfigs\"",
    "\"dynamicScopedRouteConfigs\"",
];

/// Whether `json` (whose `ItemEnds` are `ends`) is spelled in camelCase. A `/clusters` answer's
/// first key tells; in a config dump in Envoy's layout, the key after each section's `@type`
/// does, without reading the sections; any other layout (istioctl's, or a YAML dump read as
/// JSON) is searched for the section fields' camelCase keys.
pub fn is_camel_case(json: &str, ends: &ItemEnds) -> bool {
    // `/clusters?format=json` says it with its first key, which both Envoy and istioctl write.
    match super::first_key(json) {
        Some("cluster_statuses") => return false,
        Some("clusterStatuses") => return true,
        _ => {}
    }
    if let Some(sections) = items_by_layout(json, "configs", ends) {
        return sections
            .iter()
            .filter_map(|range| key_after_type(&json[range.clone()]))
            .any(|key| key.bytes().any(|b| b.is_ascii_uppercase()));
    }
    let bytes = json.as_bytes();
    CAMEL_CASE_KEYS
        .iter()
        .any(|key| memchr::memmem::find(bytes, key.as_bytes()).is_some())
}

/// The key that follows a section's leading `@type`, as Envoy writes a section.
fn key_after_type(section: &str) -> Option<&str> {
    let type_url = leading_type(section)?;
    let bytes = section.as_bytes();
    let mut pos = type_url.as_ptr() as usize - section.as_ptr() as usize + type_url.len();
    for token in [&b"\""[..], b",", b"\""] {
        pos = skip_whitespace(bytes, pos);
        pos += bytes[pos..].starts_with(token).then_some(token.len())?;
    }
    let len = memchr::memchr2(b'"', b'\\', &bytes[pos..])?;
    section.get(pos..pos + len)
}

/// `json` in Envoy's spelling and layout, `root` being its message (`envoy.admin.v3.ConfigDump`
/// or `envoy.admin.v3.Clusters`). None when the transcoder refuses the text: then it is read as
/// it is, and the reader says what is wrong with it, and where.
pub fn to_snake_case(json: &str, root: &str) -> Option<String> {
    let mut out = Vec::with_capacity(json.len());
    // One space a level: Envoy's own layout, which the readers split big documents by.
    envoy_schema::transcode(
        json,
        Root::Message(root),
        KeyStyle::ProtoName,
        &mut out,
        Some(b" "),
    )
    .ok()?;
    out.push(b'\n');
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camel(json: &str) -> bool {
        is_camel_case(json, &ItemEnds::find(json.as_bytes()))
    }

    #[test]
    fn envoys_dumps_are_snake_case_and_istioctls_are_camel_case() {
        for scenario in ["web-frontend", "ingress-gateway"] {
            let dump = crate::fixture_text(scenario, "config_dump.json");
            let clusters = crate::fixture_text(scenario, "clusters.json");
            assert!(!camel(&dump) && !camel(&clusters), "{scenario}");
            for (text, root) in [
                (&dump, "envoy.admin.v3.ConfigDump"),
                (&clusters, "envoy.admin.v3.Clusters"),
            ] {
                for indent in [&b" "[..], b"    "] {
                    let mut out = Vec::new();
                    let style = KeyStyle::ProtoJson;
                    envoy_schema::transcode(
                        text,
                        Root::Message(root),
                        style,
                        &mut out,
                        Some(indent),
                    )
                    .unwrap();
                    let camel_text = String::from_utf8(out).unwrap();
                    assert!(camel(&camel_text), "{scenario} {root} indent {indent:?}");
                    assert_eq!(
                        to_snake_case(&camel_text, root).as_deref(),
                        Some(text.as_str()),
                        "{scenario} {root}: back to Envoy's own text"
                    );
                }
            }
        }
    }

    #[test]
    fn the_key_after_a_sections_type_is_read_as_envoy_writes_it() {
        let section = "{\n   \"@type\": \"type.googleapis.com/x\",\n   \"versionInfo\": \"1\"";
        assert_eq!(key_after_type(section), Some("versionInfo"));
        assert_eq!(key_after_type("{\n   \"name\": \"a\""), None);
    }
}
