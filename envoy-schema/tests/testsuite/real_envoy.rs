//! The transcoder on a dump a real Envoy prints for tests/envoy/bootstrap.yaml, a configuration
//! written to hold what the fixtures lack: `envoy.lb` metadata, an Any of a type that Envoy's
//! API names only by type URL (xds.type.v3.TypedStruct, which build.rs declares itself), Anys
//! holding well-known types, 64-bit integers beyond 2^53, doubles and strings with escapes.

use crate::support::{camel, camel_case, parse, transcoded, walk_pairs, Json};
use envoy_schema::{schema_gaps, KeyStyle, Root};
use std::path::Path;
use std::sync::OnceLock;
use testkit::envoy::Envoy;

const CONFIG_DUMP: &str = "envoy.admin.v3.ConfigDump";
const TYPED_STRUCT: &str = "type.googleapis.com/xds.type.v3.TypedStruct";

/// The dump, fetched once for all tests of this file.
fn dump() -> &'static str {
    static DUMP: OnceLock<String> = OnceLock::new();
    DUMP.get_or_init(|| {
        let envoy = Envoy::start_with(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/envoy"));
        let response = envoy.admin_get("/config_dump?include_eds");
        assert_eq!(response.status, 200, "config_dump: {}", response.body);
        response.body
    })
}

#[test]
fn round_trip_gives_back_envoys_bytes() {
    let istioctl = camel(dump(), CONFIG_DUMP);
    let back = transcoded(
        &istioctl,
        Root::Message(CONFIG_DUMP),
        KeyStyle::ProtoName,
        Some(b" "),
    ) + "\n";
    assert!(
        back == dump(),
        "ProtoJson then ProtoName does not give Envoy's bytes back"
    );
}

/// TypedStruct, missing from envoy-types' descriptors, is in the schema: there are no gaps, and
/// its fields get JSON names like every other message's while its Struct value is kept as is.
#[test]
fn typed_struct_is_a_known_type() {
    let gaps = schema_gaps(dump(), Root::Message(CONFIG_DUMP)).expect("JSON");
    assert!(gaps.unknown_types.is_empty(), "{:?}", gaps.unknown_types);
    assert!(gaps.unknown_fields.is_empty(), "{:?}", gaps.unknown_fields);

    let input = parse(dump());
    let output = parse(&camel(dump(), CONFIG_DUMP));
    let mut seen = 0;
    walk_pairs(
        &input,
        &output,
        "",
        &mut |path, _, _, value_in, value_out| {
            if value_in.get("@type").and_then(Json::as_str) == Some(TYPED_STRUCT) {
                seen += 1;
                assert_eq!(value_out.get("typeUrl"), value_in.get("type_url"), "{path}");
                assert!(value_out.get("type_url").is_none(), "{path}: not renamed");
                assert_eq!(value_out.get("value"), value_in.get("value"), "{path}");
            }
        },
    );
    // In the listener's typed_filter_metadata and as the fault filter's config, each shown both
    // in the bootstrap and in the listeners section.
    assert_eq!(seen, 4);
    assert!(!output.all_under("typedFilterMetadata").is_empty());
    assert!(!output.all_under("httpFilters").is_empty());
}

/// Anys holding Struct and Duration carry their value under `value`, kept as it is.
#[test]
fn well_known_types_in_any_keep_their_value() {
    let output = parse(&camel(dump(), CONFIG_DUMP));
    let metadata = output.all_under("typedFilterMetadata");
    assert!(!metadata.is_empty());
    for entries in metadata {
        let structure = entries
            .get("envoy.example.struct")
            .expect("the Struct entry");
        assert_eq!(structure.keys(), ["@type", "value"]);
        let value = structure.get("value").expect("value");
        // A Struct is a map: Envoy prints its keys in no fixed order.
        assert_eq!(sorted(value.keys()), ["camelKey", "snake_key"]);
        assert_eq!(
            value.get("snake_key").map(Json::keys),
            Some(vec!["nested_key"])
        );
        let duration = entries
            .get("envoy.example.duration")
            .expect("the Duration entry");
        assert_eq!(duration.get("value"), Some(&Json::String("1.500s".into())));
    }
}

#[test]
fn metadata_and_node_keys_stay() {
    let input = parse(dump());
    let output = parse(&camel(dump(), CONFIG_DUMP));
    let lb_in: Vec<&Json> = input
        .all_under("filter_metadata")
        .into_iter()
        .filter_map(|m| m.get("envoy.lb"))
        .collect();
    let lb_out: Vec<&Json> = output
        .all_under("filterMetadata")
        .into_iter()
        .filter_map(|m| m.get("envoy.lb"))
        .collect();
    assert!(!lb_in.is_empty(), "no envoy.lb metadata in the dump");
    assert_eq!(lb_in, lb_out);
    assert!(lb_out.iter().all(|lb| lb.get("canary_weight").is_some()));

    let node_in = input.all_under("node")[0]
        .get("metadata")
        .expect("node metadata");
    let node_out = output.all_under("node")[0]
        .get("metadata")
        .expect("node metadata");
    assert_eq!(node_in, node_out);
    let snake = node_out.get("snake_case_key").expect("snake_case_key");
    assert_eq!(sorted(snake.keys()), ["innerCamelKey", "inner_snake_key"]);
    assert!(node_out
        .get("PLATFORM_METADATA")
        .and_then(|p| p.get("gcp_gke_cluster_name"))
        .is_some());
}

/// Values are copied as Envoy wrote them: 64-bit integers (strings), doubles, escapes.
#[test]
fn values_are_copied_exactly() {
    let output = camel(dump(), CONFIG_DUMP);
    for exact in [
        r#""hostSelectionRetryMaxAttempts": "9007199254740993""#,
        r#""minClusterSize": "9223372036854775807""#,
        r#""value": 12.5"#,
        r#""value": 33.3"#,
        r#""exact": "a\"b\\cé/\t""#,
        r#""connectTimeout": "10s""#,
    ] {
        assert!(output.contains(exact), "{exact} missing from the output");
        let envoy_spelling = exact.replace(
            exact.split('"').nth(1).unwrap_or_default(),
            &snake_case(exact.split('"').nth(1).unwrap_or_default()),
        );
        assert!(
            dump().contains(&envoy_spelling),
            "{envoy_spelling} missing from the dump"
        );
    }
}

fn sorted(mut keys: Vec<&str>) -> Vec<&str> {
    keys.sort_unstable();
    keys
}

fn snake_case(name: &str) -> String {
    name.chars()
        .flat_map(|c| {
            let lower = c.to_ascii_lowercase();
            if c.is_ascii_uppercase() {
                vec!['_', lower]
            } else {
                vec![lower]
            }
        })
        .collect()
}

/// Envoy prints `@type` first; an Any written with `@type` last (as another tool might) is
/// renamed the same way.
#[test]
fn type_url_anywhere_in_the_object() {
    let input = parse(dump());
    let mut anys = 0;
    walk_pairs(&input, &input, "", &mut |_, key, _, value, _| {
        let Json::Object(members) = value else { return };
        let known = value.get("@type").and_then(Json::as_str) != Some(TYPED_STRUCT);
        let renamable = known && members.iter().any(|(k, _)| k.contains('_'));
        if key != "typed_config"
            || members.first().map(|(k, _)| k.as_str()) != Some("@type")
            || !renamable
        {
            return;
        }
        anys += 1;
        let mut reordered = members.clone();
        reordered.rotate_left(1);
        let reordered = Json::Object(reordered).to_text();
        let as_printed = Json::Object(members.clone()).to_text();
        let any = Root::Message("google.protobuf.Any");
        let expected = parse(&transcoded(&as_printed, any, KeyStyle::ProtoJson, None));
        let Json::Object(mut got) = parse(&transcoded(&reordered, any, KeyStyle::ProtoJson, None))
        else {
            panic!("an object")
        };
        got.rotate_right(1);
        assert_eq!(Json::Object(got), expected);
        assert_ne!(
            expected.keys(),
            value.keys(),
            "nothing renamed in {as_printed}"
        );
    });
    assert!(
        anys >= 4,
        "only {anys} typed_config objects with snake_case fields"
    );
}

/// Every renamed key is protobuf's JSON name of the original one.
#[test]
fn renamed_keys_are_lower_camel_case() {
    let input = parse(dump());
    let output = parse(&camel(dump(), CONFIG_DUMP));
    walk_pairs(&input, &output, "", &mut |path, key_in, key_out, _, _| {
        if key_in != key_out {
            assert_eq!(key_out, camel_case(key_in), "{path}");
        }
    });
}
