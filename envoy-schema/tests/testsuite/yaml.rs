//! YAML output: the same document as the JSON, keys in the same order, strings still strings.

use crate::support::{camel, fixture_scenarios, parse, read, Json};
use envoy_schema::{json_to_yaml, TranscodeError};
use proptest::prelude::*;
use serde_json::Value;

fn yaml(json: &str) -> String {
    let mut out = Vec::new();
    json_to_yaml(json, &mut out).unwrap_or_else(|e| panic!("{json:?}: {e}"));
    String::from_utf8(out).expect("UTF-8")
}

/// An independent YAML reader's reading of a YAML text (serde-saphyr's, with its defaults, which
/// take YAML 1.1's `yes` and `on` for booleans), as an ordered tree.
fn read_yaml(text: &str) -> Json {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("not YAML: {e}"))
}

#[test]
fn fixtures_read_back_as_the_same_document() {
    for (name, dir) in fixture_scenarios() {
        for (file, root) in [
            ("config_dump.json", "envoy.admin.v3.ConfigDump"),
            ("clusters.json", "envoy.admin.v3.Clusters"),
        ] {
            let path = dir.join(file);
            if !path.is_file() {
                continue;
            }
            let json = camel(&read(&path), root);
            let yaml = yaml(&json);
            assert!(
                yaml.ends_with('\n') && !yaml.ends_with("\n\n"),
                "{name}/{file}"
            );
            assert_eq!(read_yaml(&yaml), parse(&json), "{name}/{file}");
        }
    }
}

#[test]
fn layout() {
    let json = r#"{"name":"web","lbEndpoints":[{"endpoint":{"address":"10.0.0.1"},"metadata":{}},[1,[]]],"tags":[],"weight":90,"@type":"x","ok":true,"none":null}"#;
    assert_eq!(
        yaml(json),
        "name: web\n\
         lbEndpoints:\n\
         - endpoint:\n    address: \"10.0.0.1\"\n  metadata: {}\n\
         - - 1\n  - []\n\
         tags: []\n\
         weight: 90\n\
         \"@type\": x\n\
         ok: true\n\
         none: null\n"
    );
    assert_eq!(yaml("[]"), "[]\n");
    assert_eq!(yaml(r#""on""#), "\"on\"\n");
}

#[test]
fn strings_stay_strings_and_numbers_keep_their_digits() {
    let json = r#"{"big":"9007199254740993","max":18446744073709551615,"ratio":12.50,"tiny":1e-7,"flag":"on","when":"12:30","n":"1_000","quote":"a\"b\\c\u00e9\n"}"#;
    let text = yaml(json);
    for line in [
        "big: \"9007199254740993\"",
        "max: 18446744073709551615",
        "ratio: 12.50",
        "tiny: 1e-7",
        "flag: \"on\"",
        "when: \"12:30\"",
        // `n` is a boolean to YAML 1.1 readers, as a key too.
        "\"n\": \"1_000\"",
        "quote: \"a\\\"b\\\\cé\\n\"",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} not in\n{text}");
    }
    assert_eq!(read_yaml(&text), parse(json));
}

#[test]
fn bad_json_is_refused() {
    for bad in ["", "{", "[1,]", "{} {}", "\"\\ud800\""] {
        assert!(
            matches!(
                json_to_yaml(bad, &mut Vec::new()),
                Err(TranscodeError::Syntax { .. })
            ),
            "{bad:?}"
        );
    }
}

fn json_values() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e300f64..1e300).prop_map(Value::from),
        "[a-zA-Z0-9_@:. |/\\-\"\\\\\n\t\u{e9}\u{1}\u{85}]{0,10}".prop_map(Value::String),
        prop::sample::select(vec![
            "yes",
            "No",
            "ON",
            "null",
            "~",
            "1e3",
            "0x10",
            "10s",
            "2001-01-01",
            "12:30",
            "-",
            "#x"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[a-z@ :\"-]{0,6}", inner, 0..5)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever the JSON, a YAML reader gets the same value back.
    #[test]
    fn yaml_reads_back_as_the_json(value in json_values()) {
        let json = serde_json::to_string(&value).expect("serializable");
        let yaml = yaml(&json);
        let back: Value = serde_saphyr::from_str(&yaml).map_err(|e| TestCaseError::fail(format!("{e}\n{yaml}")))?;
        prop_assert_eq!(back, value, "{}", yaml);
    }
}
