//! The transcoder on the repository's fixtures: config dumps and `/clusters?format=json`
//! captures that a real Envoy 1.40 printed.

use crate::support::{
    camel, camel_case, fixture_scenarios, parse, read, transcoded, walk_pairs, Json,
};
use envoy_schema::{
    is_list_field, schema_gaps, write_array_elements, JsonArrayWriter, KeyStyle, Root,
};
use serde::Deserialize;
use serde_json::value::RawValue;

const CONFIG_DUMP: &str = "envoy.admin.v3.ConfigDump";
const CLUSTERS: &str = "envoy.admin.v3.Clusters";

/// Whether a fixture's dump is an Istio proxy's (its node metadata names the Istio version):
/// the checks of Istio's own shapes (its metadata, its retry policies) read only those; the
/// other control planes' dumps (`envoy-gateway`, `kuma`) have none of them.
fn is_istio(text: &str) -> bool {
    text.contains("\"ISTIO_VERSION\"")
}

/// Every Envoy document of the fixtures, as (description, text, root message).
fn documents() -> Vec<(String, String, &'static str)> {
    let mut documents = Vec::new();
    for (name, dir) in fixture_scenarios() {
        documents.push((
            format!("{name}/config_dump.json"),
            read(&dir.join("config_dump.json")),
            CONFIG_DUMP,
        ));
        let clusters = dir.join("clusters.json");
        if clusters.is_file() {
            documents.push((format!("{name}/clusters.json"), read(&clusters), CLUSTERS));
        }
    }
    documents
}

#[test]
fn camel_case_and_back_gives_envoys_bytes() {
    for (what, text, root) in documents() {
        let istioctl = camel(&text, root);
        assert_ne!(istioctl, text, "{what}: nothing was converted");
        // Envoy indents by one space and ends with a newline.
        let back = transcoded(
            &istioctl,
            Root::Message(root),
            KeyStyle::ProtoName,
            Some(b" "),
        ) + "\n";
        assert!(
            back == text,
            "{what}: ProtoJson then ProtoName does not give Envoy's bytes back"
        );
    }
}

#[test]
fn schema_covers_every_type_and_field_in_the_fixtures() {
    for (what, text, root) in documents() {
        let gaps = schema_gaps(&text, Root::Message(root)).expect("the fixture is JSON");
        assert!(
            gaps.unknown_types.is_empty() && gaps.unknown_fields.is_empty(),
            "{what}: outside the schema: {gaps:?}"
        );
    }
}

/// Only keys change, each either kept or turned into its lowerCamelCase form; and the names
/// istioctl users script against appear.
#[test]
fn keys_are_renamed_and_nothing_else_changes() {
    for (what, text, root) in documents() {
        let input = parse(&text);
        let output = parse(&camel(&text, root));
        let mut renamed = 0;
        walk_pairs(&input, &output, "", &mut |path, key_in, key_out, _, _| {
            if key_in != key_out {
                renamed += 1;
                assert_eq!(key_out, camel_case(key_in), "{what}: {path}/{key_in}");
            }
        });
        // Enough keys that the check means something; the other control planes' small
        // `/clusters` answers rename fewer than Istio's.
        assert!(renamed > 50, "{what}: only {renamed} keys renamed");
        let expected: &[&str] = if root == CONFIG_DUMP {
            &[
                "filterChains",
                "typedConfig",
                "lbEndpoints",
                "virtualHosts",
                "connectTimeout",
            ]
        } else {
            &["clusterStatuses", "hostStatuses", "healthStatus"]
        };
        for key in expected {
            assert!(!output.all_under(key).is_empty(), "{what}: no {key}");
        }
        for snake in [
            "filter_chains",
            "typed_config",
            "lb_endpoints",
            "host_statuses",
            "cluster_statuses",
        ] {
            assert!(
                output.all_under(snake).is_empty(),
                "{what}: {snake} left as it was"
            );
        }
    }
}

/// `@type` stays, first where Envoy put it first.
#[test]
fn type_urls_stay_in_place() {
    for (what, text, root) in documents() {
        let input = parse(&text);
        let output = parse(&camel(&text, root));
        let mut type_urls = 0;
        walk_pairs(
            &input,
            &output,
            "",
            &mut |path, _, _, value_in, value_out| {
                if let Some(url) = value_in.get("@type") {
                    type_urls += 1;
                    assert_eq!(value_out.get("@type"), Some(url), "{what}: {path}");
                    assert_eq!(
                        value_in.keys()[0] == "@type",
                        value_out.keys()[0] == "@type",
                        "{what}: {path}"
                    );
                }
            },
        );
        if root == CONFIG_DUMP {
            assert!(type_urls > 20, "{what}: only {type_urls} Anys");
        }
    }
}

/// Map keys and Struct contents are data: `filter_metadata` children (`istio`), the extension
/// names of `typed_extension_protocol_options`, node metadata.
#[test]
fn map_keys_and_struct_contents_stay() {
    let istio_dumps = documents()
        .into_iter()
        .filter(|d| d.2 == CONFIG_DUMP && is_istio(&d.1));
    for (what, text, root) in istio_dumps {
        let input = parse(&text);
        let output = parse(&camel(&text, root));

        let metadata_in = input.all_under("filter_metadata");
        let metadata_out = output.all_under("filterMetadata");
        assert!(!metadata_in.is_empty(), "{what}: no filter_metadata");
        assert_eq!(metadata_in, metadata_out, "{what}: filter_metadata changed");
        assert!(
            metadata_out.iter().any(|m| m.get("istio").is_some()),
            "{what}: no istio metadata"
        );

        let node_in = input.all_under("node");
        let node_out = output.all_under("node");
        assert!(!node_in.is_empty(), "{what}: no node");
        for (node_in, node_out) in node_in.iter().zip(&node_out) {
            let metadata = node_in.get("metadata").expect("Istio's node has metadata");
            assert_eq!(
                node_out.get("metadata"),
                Some(metadata),
                "{what}: node metadata changed"
            );
            assert!(
                metadata.keys().iter().any(|k| k.contains('_')),
                "{what}: no snake_case key in node metadata"
            );
        }

        let options_in = input.all_under("typed_extension_protocol_options");
        let options_out = output.all_under("typedExtensionProtocolOptions");
        assert!(
            !options_in.is_empty(),
            "{what}: no typed_extension_protocol_options"
        );
        assert_eq!(options_in.len(), options_out.len());
        for (options_in, options_out) in options_in.iter().zip(&options_out) {
            assert_eq!(
                options_in.keys(),
                options_out.keys(),
                "{what}: extension names changed"
            );
            for (name, options) in options_out
                .keys()
                .iter()
                .zip(options_out.keys().iter().map(|k| options_out.get(k)))
            {
                let options = options.expect("listed key");
                let url = options
                    .get("@type")
                    .and_then(Json::as_str)
                    .unwrap_or_default();
                assert!(url.ends_with(name), "{what}: {name} holds {url}");
                // The options themselves are a message: their fields are renamed.
                for key in options.keys() {
                    assert!(!key.contains('_'), "{what}: {name} kept field {key}");
                }
            }
        }
    }
}

/// Durations and 64-bit integers are strings in Envoy's JSON and stay the same strings.
#[test]
fn durations_and_64_bit_integers_stay_strings() {
    for (what, text, root) in documents().into_iter().filter(|d| d.2 == CONFIG_DUMP) {
        let input = parse(&text);
        let output = parse(&camel(&text, root));
        for (snake, camel_key) in [
            ("connect_timeout", "connectTimeout"),
            (
                "host_selection_retry_max_attempts",
                "hostSelectionRetryMaxAttempts",
            ),
        ] {
            let values_in = input.all_under(snake);
            // Retry policies with host selection are Istio's.
            if snake == "host_selection_retry_max_attempts" && !is_istio(&text) {
                continue;
            }
            assert!(!values_in.is_empty(), "{what}: no {snake}");
            assert!(
                values_in.iter().all(|v| matches!(v, Json::String(_))),
                "{what}: {snake} not a string"
            );
            assert_eq!(values_in, output.all_under(camel_key), "{what}: {snake}");
        }
    }
}

#[derive(Deserialize)]
struct Dump<'a> {
    #[serde(borrow)]
    configs: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct ClustersSection<'a> {
    #[serde(rename = "@type")]
    type_url: String,
    #[serde(borrow, default)]
    dynamic_active_clusters: Vec<DynamicCluster<'a>>,
}

#[derive(Deserialize)]
struct DynamicCluster<'a> {
    #[serde(borrow)]
    cluster: &'a RawValue,
}

/// What the lead's `-o json` does: resources taken out of the dump one by one, printed unpacked
/// (no `@type`) in an array laid out as istioctl lays it out.
#[test]
fn resources_print_unpacked_in_an_istioctl_array() {
    for (name, dir) in fixture_scenarios() {
        let text = read(&dir.join("config_dump.json"));
        let dump: Dump = serde_json::from_str(&text).expect("a config dump");
        let clusters: Vec<&RawValue> = dump
            .configs
            .iter()
            .filter_map(|section| serde_json::from_str::<ClustersSection>(section.get()).ok())
            .filter(|section| section.type_url.ends_with(".ClustersConfigDump"))
            .flat_map(|section| section.dynamic_active_clusters)
            .map(|dynamic| dynamic.cluster)
            .collect();
        assert!(!clusters.is_empty(), "{name}: no dynamic clusters");

        let mut array = JsonArrayWriter::istioctl(Vec::new(), KeyStyle::ProtoJson).expect("a Vec");
        for cluster in &clusters {
            array
                .push(cluster.get(), Root::UnpackedAny)
                .expect("a cluster");
        }
        let printed = String::from_utf8(array.finish().expect("a Vec")).expect("UTF-8");
        assert!(
            printed.starts_with("[\n    {\n        \"name\": "),
            "{name}: {}",
            &printed[..40]
        );
        assert!(printed.ends_with("\n    }\n]\n"), "{name}: array end");

        // Each element is the dump's cluster, renamed as in the whole dump, minus `@type`.
        let whole = parse(&camel(&text, CONFIG_DUMP));
        let in_dump: Vec<&Json> = whole
            .all_under("dynamicActiveClusters")
            .into_iter()
            .flat_map(Json::items)
            .filter_map(|dynamic| dynamic.get("cluster"))
            .collect();
        let Json::Array(elements) = parse(&printed) else {
            panic!("{name}: not an array")
        };
        assert_eq!(elements.len(), in_dump.len());
        for (element, packed) in elements.iter().zip(in_dump) {
            let Json::Object(members) = packed else {
                panic!("a cluster is an object")
            };
            let unpacked = Json::Object(
                members
                    .iter()
                    .filter(|(k, _)| k != "@type")
                    .cloned()
                    .collect(),
            );
            assert_eq!(element, &unpacked, "{name}");
        }
    }
    let empty = JsonArrayWriter::istioctl(Vec::new(), KeyStyle::ProtoJson).expect("a Vec");
    assert_eq!(empty.finish().expect("a Vec"), b"[]\n");
}

/// Envoy's cluster statuses printed as one list, where a value that repeats the last one of its
/// field (idle hosts' zero stats, the same circuit breakers) is copied, print as each status
/// printed alone; in both styles, as one run and in runs of three.
#[test]
fn cluster_statuses_print_the_same_with_their_repeats_copied() {
    #[derive(Deserialize)]
    struct Clusters<'a> {
        #[serde(borrow)]
        cluster_statuses: Vec<&'a RawValue>,
    }
    for (what, text, _) in documents().into_iter().filter(|d| d.2 == CLUSTERS) {
        let doc: Clusters = serde_json::from_str(&text).expect("a /clusters capture");
        let statuses: Vec<&str> = doc.cluster_statuses.iter().map(|s| s.get()).collect();
        let stats: Vec<&str> = text
            .split("\"stats\": ")
            .skip(1)
            .filter_map(|rest| rest.split_inclusive("\n     ]").next())
            .collect();
        let repeated = stats
            .iter()
            .filter(|s| stats.iter().filter(|t| t == s).count() > 1);
        assert!(repeated.count() > 2, "{what}: no stats repeat");
        let root = Root::Message("envoy.admin.v3.ClusterStatus");
        for style in [KeyStyle::ProtoJson, KeyStyle::ProtoName] {
            let mut alone = JsonArrayWriter::istioctl(Vec::new(), style).expect("a Vec");
            for status in &statuses {
                alone.push(status, root).expect("a status");
            }
            let alone = alone.finish().expect("a Vec");
            for run in [3, usize::MAX] {
                let mut together = b"[".to_vec();
                for (k, part) in statuses.chunks(run).enumerate() {
                    write_array_elements(part, root, style, k == 0, &mut together)
                        .expect("statuses");
                }
                together.extend_from_slice(b"\n]\n");
                assert!(
                    together == alone,
                    "{what}: {style:?} in runs of {run} differs"
                );
            }
        }
    }
}

#[test]
fn list_fields_are_the_repeated_fields_that_are_no_maps() {
    let dump = "envoy.admin.v3.ClustersConfigDump";
    assert!(is_list_field(dump, "dynamic_active_clusters"));
    assert!(is_list_field(dump, "dynamicActiveClusters"));
    assert!(!is_list_field(dump, "version_info"));
    assert!(!is_list_field(dump, "no_such_field"));
    assert!(!is_list_field(
        "envoy.config.core.v3.Metadata",
        "filter_metadata"
    ));
    assert!(is_list_field(
        "envoy.config.listener.v3.Listener",
        "filter_chains"
    ));
}
