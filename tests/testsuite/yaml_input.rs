//! YAML input: how a YAML document becomes the JSON the views read.
//!
//! Plain scalars resolve by YAML 1.2's core schema (what meshctl has always read), not YAML
//! 1.1's: `on` and `yes` stay strings, a leading zero or an underscore keeps digits a string,
//! `.inf` and `.nan` are JSON's `null`. Mapping keys keep their order. What meshctl's `-o yaml`
//! and istioctl's `-o yaml` write reads back as the JSON they were written from.

use meshctl::input::Document;
use serde_json::Value;

fn read(yaml: &str) -> Result<String, String> {
    Document::from_bytes(yaml.as_bytes().to_vec(), "in.yaml".into())
        .map(|doc| doc.json().to_string())
        .map_err(|e| e.message)
}

/// The JSON text of `v: <scalar>`, as the member's value.
fn scalar(text: &str) -> String {
    let json = read(&format!("v: {text}\n")).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    json.strip_prefix("{\"v\":")
        .and_then(|rest| rest.strip_suffix('}'))
        .unwrap_or_else(|| panic!("{text:?}: {json}"))
        .to_string()
}

fn assert_scalars(cases: &[(&str, &str)]) {
    for (yaml, json) in cases {
        assert_eq!(scalar(yaml), *json, "{yaml:?}");
    }
}

#[test]
fn booleans_are_yaml_1_2_core_only() {
    assert_scalars(&[
        ("true", "true"),
        ("True", "true"),
        ("TRUE", "true"),
        ("false", "false"),
        ("FALSE", "false"),
        ("tRue", "\"tRue\""),
        ("on", "\"on\""),
        ("Off", "\"Off\""),
        ("yes", "\"yes\""),
        ("NO", "\"NO\""),
        ("y", "\"y\""),
        ("n", "\"n\""),
    ]);
}

#[test]
fn nulls() {
    assert_scalars(&[
        ("~", "null"),
        ("null", "null"),
        ("Null", "null"),
        ("NULL", "null"),
        ("", "null"),
        ("nULL", "\"nULL\""),
        ("\"null\"", "\"null\""),
        ("'~'", "\"~\""),
        ("!!str", "\"\""),
    ]);
}

#[test]
fn integers() {
    assert_scalars(&[
        ("0", "0"),
        ("-0", "0"),
        ("+12", "12"),
        ("-12", "-12"),
        ("0x1F", "31"),
        ("-0x1F", "-31"),
        ("0o17", "15"),
        ("0b101", "5"),
        ("18446744073709551615", "18446744073709551615"),
        ("-9223372036854775808", "-9223372036854775808"),
        // Neither octal nor decimal in YAML 1.2, so not a number.
        ("017", "\"017\""),
        ("08", "\"08\""),
        ("00", "\"00\""),
        ("-007", "\"-007\""),
        // YAML 1.1's digit separators.
        ("1_000", "\"1_000\""),
        ("0x_1F", "\"0x_1F\""),
        ("1_0.5", "\"1_0.5\""),
        // YAML 1.1's base 60.
        ("12:30", "\"12:30\""),
        ("1:20:30", "\"1:20:30\""),
    ]);
}

#[test]
fn floats_keep_serde_json_digits() {
    assert_scalars(&[
        ("0.5", "0.5"),
        (".5", "0.5"),
        ("-.5", "-0.5"),
        ("5.", "5.0"),
        ("00.5", "0.5"),
        ("1e5", "100000.0"),
        ("1E5", "100000.0"),
        ("1.e5", "100000.0"),
        ("1e+21", "1e+21"),
        ("6.02e23", "6.02e+23"),
        ("1.0e-7", "1e-7"),
        ("1e-400", "0.0"),
        ("3.14159265358979323846", "3.141592653589793"),
        // JSON has no infinities or NaN.
        (".inf", "null"),
        ("-.inf", "null"),
        ("+.inf", "null"),
        (".Inf", "null"),
        (".nan", "null"),
        (".NaN", "null"),
        // Not YAML's spellings.
        ("inf", "\"inf\""),
        ("nan", "\"nan\""),
        ("infinity", "\"infinity\""),
        (".", "\".\""),
    ]);
}

#[test]
fn quoted_and_tagged_scalars_stay_strings() {
    assert_scalars(&[
        ("\"123\"", "\"123\""),
        ("'123'", "\"123\""),
        ("\"on\"", "\"on\""),
        ("'0x1F'", "\"0x1F\""),
        ("\"1e3\"", "\"1e3\""),
        ("!!str 123", "\"123\""),
        ("!!str true", "\"true\""),
        // Protobuf JSON writes bytes as base64 text.
        ("!!binary aGVsbG8=", "\"aGVsbG8=\""),
        ("2001-12-14", "\"2001-12-14\""),
        (
            "2001-12-14t21:59:43.10-05:00",
            "\"2001-12-14t21:59:43.10-05:00\"",
        ),
    ]);
}

#[test]
fn string_styles() {
    let yaml = "a: 'it''s'\n\
                b: \"tab\\there \\u00e9 \\x41 \\/ \\N\"\n\
                c: |\n  line one\n  line two\n\
                d: >\n  folded\n  text\n\
                e: |-\n  keep\n\
                f: plain\n  continued\n  across lines\n\
                g: \"two\\\n  lines\"\n\
                h: 2#not a comment # a comment\n\
                i: \"\\0 \\U0001F600\"\n";
    assert_eq!(
        read(yaml).unwrap(),
        r#"{"a":"it's","b":"tab\there é A / "#.to_string()
            + "\u{85}"
            + r#"","c":"line one\nline two\n","d":"folded text\n","e":"keep","f":"plain continued across lines","g":"twolines","h":"2#not a comment","i":"\u0000 😀"}"#
    );
    // YAML 1.2 has no line breaks but LF and CR: a line separator in a string is kept as it is.
    assert_eq!(
        read("a: \"x \u{2028} y\"\nb: x\u{2029}y\n").unwrap(),
        "{\"a\":\"x \u{2028} y\",\"b\":\"x\u{2029}y\"}"
    );
}

#[test]
fn keys_keep_their_order_and_scalar_keys_their_text() {
    assert_eq!(
        read("zeta: 1\nalpha: {y: 1, x: 2}\nmid: [b, a]\n80: http\ntrue: t\n1.5: f\n").unwrap(),
        r#"{"zeta":1,"alpha":{"y":1,"x":2},"mid":["b","a"],"80":"http","true":"t","1.5":"f"}"#
    );
}

#[test]
fn anchors_aliases_and_merge_keys() {
    // `<<` is an ordinary key (YAML 1.2 has no merge keys); an alias is a copy of its anchor.
    assert_eq!(
        read("base: &b\n  x: 1\nderived:\n  <<: *b\n  y: 2\nlist: [*b, *b]\n").unwrap(),
        r#"{"base":{"x":1},"derived":{"<<":{"x":1},"y":2},"list":[{"x":1},{"x":1}]}"#
    );
}

#[test]
fn documents_and_directives() {
    for yaml in [
        "a: 1\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "# a comment\na: 1 # another\n",
        "%YAML 1.2\n---\na: 1\n",
    ] {
        assert_eq!(read(yaml).unwrap(), r#"{"a":1}"#, "{yaml:?}");
    }
    // A YAML 1.1 directive does not bring YAML 1.1's booleans back.
    assert_eq!(read("%YAML 1.1\n---\na: yes\n").unwrap(), r#"{"a":"yes"}"#);
}

#[test]
fn not_an_object() {
    for yaml in ["- 1\n- 2\n", "just words", "# only a comment\n", "---\n"] {
        assert_eq!(
            read(yaml).unwrap_err(),
            "in.yaml is not an Envoy config dump or /clusters?format=json output (not a JSON or YAML object)",
            "{yaml:?}"
        );
    }
}

#[test]
fn keys_json_cannot_hold() {
    for yaml in ["~: a\n", "x: 1\n[1, 2]: a\n", "? {x: 1}\n: a\n"] {
        assert_eq!(
            read(yaml).unwrap_err(),
            "in.yaml: YAML that has no JSON equivalent: key must be a string",
            "{yaml:?}"
        );
    }
    assert_eq!(
        read(".nan: a\n").unwrap_err(),
        "in.yaml: YAML that has no JSON equivalent: float key must be finite (got NaN or +/-inf)"
    );
    // A syntax error further on is reported first.
    assert!(read("~: a\nb: [\n")
        .unwrap_err()
        .starts_with("in.yaml is neither JSON nor YAML at line "));
}

#[test]
fn errors_are_one_line_with_the_place() {
    for (yaml, starts) in [
        ("a: [1, 2\n", "at line 1, column 4: "),
        ("a: b: c\n", "at line 1, column 5: "),
        ("a:\n  - b\n - c\n", "at line 3, column 2: "),
        (
            "a: 1\na: 2\n",
            "at line 2, column 1: duplicate mapping key `a`",
        ),
        ("a: 1\n---\nb: 2\n", "at line 3, column 1: "),
        ("a: *nowhere\n", "at line 1, column 4: "),
        ("a: @x\n", "at line 1, column 4: "),
        ("a: \"\\ud83d\"\n", "at line 1, column 4: "),
    ] {
        let message = read(yaml).unwrap_err();
        let want = format!("in.yaml is neither JSON nor YAML {starts}");
        assert!(message.starts_with(&want), "{yaml:?}: {message}");
        assert!(!message.contains('\n'), "{yaml:?}: {message}");
        assert_eq!(message.matches(" at line ").count(), 1, "{message}");
    }
}

#[test]
fn nesting_is_limited_at_128() {
    let flow = |depth: usize| format!("a: {}{}", "[".repeat(depth - 1), "]".repeat(depth - 1));
    assert!(read(&flow(128)).is_ok());
    assert_eq!(
        read(&flow(129)).unwrap_err(),
        "in.yaml is neither JSON nor YAML at line 1, column 131: recursion limit exceeded"
    );
    let block = |depth: usize| {
        let mut yaml = String::new();
        for level in 0..depth {
            yaml.push_str(&"  ".repeat(level));
            yaml.push_str(if level + 1 == depth { "k: 1\n" } else { "k:\n" });
        }
        yaml
    };
    assert!(read(&block(128)).is_ok());
    assert!(read(&block(129))
        .unwrap_err()
        .ends_with("recursion limit exceeded"));
    // Refused as soon as the limit is passed, however deep the rest goes.
    let deep = format!("a: {}", "[".repeat(100_000));
    let started = std::time::Instant::now();
    assert!(read(&deep)
        .unwrap_err()
        .ends_with("recursion limit exceeded"));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn a_big_document_is_not_refused_for_its_size() {
    // More nodes and parser events than a YAML reader's default limits allow.
    let mut yaml = String::from("items:\n");
    for _ in 0..1_100_000 {
        yaml.push_str("- a\n");
    }
    let json = read(&yaml).unwrap();
    assert_eq!(json.len(), "{\"items\":[]}".len() + 1_100_000 * 4 - 1);
}

/// Strings that YAML could read as something else, as keys and as values: meshctl's `-o yaml`
/// writer quotes them, so they read back as the very same strings.
#[test]
fn meshctl_yaml_reads_back_as_its_json() {
    let strings = [
        "on",
        "off",
        "yes",
        "no",
        "y",
        "n",
        "Y",
        "NO",
        "true",
        "True",
        "FALSE",
        "null",
        "Null",
        "~",
        "",
        "0",
        "-0",
        "+1",
        "017",
        "0755",
        "08",
        "1_000",
        "0x1F",
        "0X1F",
        "0o17",
        "0O17",
        "0b101",
        "0B101",
        "1e3",
        "1E3",
        "1e400",
        "-1e400",
        ".5",
        "5.",
        ".inf",
        "-.inf",
        "+.inf",
        ".nan",
        "-.nan",
        "+.nan",
        "inf",
        "nan",
        "18446744073709551616",
        "-9223372036854775809",
        "9007199254740993",
        "12:30",
        "1:20:30",
        "2001-12-14",
        "2001-12-14t21:59:43.10-05:00",
        "<<",
        "=",
        "!tag",
        "&a",
        "*a",
        "@type",
        "- x",
        "? x",
        "a: b",
        "a #b",
        "#x",
        "%YAML",
        "'q'",
        "\"q\"",
        "line\nbreak",
        "tab\there",
        "trailing ",
        "  leading",
        "\u{2028}",
        "a\u{2029}b",
        "\u{85}",
        "\u{feff}",
        "\u{1}",
        "é",
        "10s",
        "0.5s",
        "envoy.lb",
        "outbound|80||web.default.svc.cluster.local",
    ];
    let mut members: Vec<String> = Vec::new();
    for (i, s) in strings.iter().enumerate() {
        let s = serde_json::to_string(s).unwrap();
        members.push(format!("\"value{i}\":{s}"));
        members.push(format!("{s}:{i}"));
    }
    members.push(r#""list":["on",1,1.5,12.50,-0.0,1e-7,1E+5,18446744073709551615,-9223372036854775808,true,null,{},[]]"#.into());
    let json = format!("{{{}}}", members.join(","));
    let mut yaml = Vec::new();
    envoy_schema::json_to_yaml(&json, &mut yaml).unwrap();
    let back = read(std::str::from_utf8(&yaml).unwrap()).unwrap();
    let (want, got): (Value, Value) = (
        serde_json::from_str(&json).unwrap(),
        serde_json::from_str(&back).unwrap(),
    );
    assert_eq!(got, want, "{}", String::from_utf8_lossy(&yaml));
    // And in the same order.
    let keys = |text: &str| -> Vec<String> {
        let mut de = serde_json::Deserializer::from_str(text);
        let order: Keys = serde::Deserialize::deserialize(&mut de).unwrap();
        order.0
    };
    assert_eq!(keys(&back), keys(&json));
}

/// The top-level keys of a JSON object, in order.
struct Keys(Vec<String>);

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Keys, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        d.deserialize_map(V)
    }
}

/// YAML as istioctl prints it (`-o yaml`: its JSON through go-yaml v2): keys sorted, sequence
/// items at their key's indentation, strings that would read as another type double-quoted,
/// strings that cannot be plain (`'@type'`, `'*'`) single-quoted, multi-line strings as literal
/// blocks, long strings folded onto continuation lines. Being camelCase, both the YAML and its
/// JSON are rewritten into Envoy's spelling as they are read: the same text either way.
#[test]
fn istioctl_yaml_reads_as_its_json() {
    let yaml = r#"configs:
- '@type': type.googleapis.com/envoy.admin.v3.ClustersConfigDump
  dynamicActiveClusters:
  - cluster:
      '@type': type.googleapis.com/envoy.config.cluster.v3.Cluster
      circuitBreakers:
        thresholds:
        - maxConnections: 4294967295
          trackRemaining: true
      commonLbConfig: {}
      connectTimeout: 10s
      filters: []
      lbPolicy: LEAST_REQUEST
      metadata:
        filterMetadata:
          istio:
            "80": http
            ratio: 0.25
            replicas: 3
            revision: "1"
            services:
            - host: customers.default.svc.cluster.local
              name: customers
            sidecar: "on"
            unset: null
      name: outbound|80||customers.default.svc.cluster.local
      transportSocket:
        typedConfig:
          commonTlsContext:
            validationContext:
              trustedCa:
                inlineString: |
                  -----BEGIN CERTIFICATE-----
                  MIIBszCCAVmgAwIBAgIUP2==
                  -----END CERTIFICATE-----
      type: EDS
    lastUpdated: "2025-06-15T00:00:00.000Z"
    versionInfo: 2025-06-15T00:00:00Z/12
- '@type': type.googleapis.com/envoy.admin.v3.RoutesConfigDump
  dynamicRouteConfigs:
  - routeConfig:
      '@type': type.googleapis.com/envoy.config.route.v3.RouteConfiguration
      name: "80"
      virtualHosts:
      - domains:
        - '*'
        name: allow_any
        routes:
        - directResponse:
            body:
              inlineString: the upstream answered with a status that this route does not
                pass on, so the sidecar answers in its place
            status: 503
          match:
            prefix: /
          maxGrpcTimeout: 0s
          retryPolicy:
            maxInterval: ""
    versionInfo: "9007199254740993"
"#;
    let want = concat!(
        r#"{"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump","dynamicActiveClusters":[{"cluster":{"#,
        r#""@type":"type.googleapis.com/envoy.config.cluster.v3.Cluster","circuitBreakers":{"thresholds":[{"maxConnections":4294967295,"trackRemaining":true}]},"#,
        r#""commonLbConfig":{},"connectTimeout":"10s","filters":[],"lbPolicy":"LEAST_REQUEST","metadata":{"filterMetadata":{"istio":{"80":"http","ratio":0.25,"replicas":3,"revision":"1","#,
        r#""services":[{"host":"customers.default.svc.cluster.local","name":"customers"}],"sidecar":"on","unset":null}}},"#,
        r#""name":"outbound|80||customers.default.svc.cluster.local","#,
        r#""transportSocket":{"typedConfig":{"commonTlsContext":{"validationContext":{"trustedCa":{"inlineString":"-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUP2==\n-----END CERTIFICATE-----\n"}}}}},"#,
        r#""type":"EDS"},"lastUpdated":"2025-06-15T00:00:00.000Z","versionInfo":"2025-06-15T00:00:00Z/12"}]},"#,
        r#"{"@type":"type.googleapis.com/envoy.admin.v3.RoutesConfigDump","dynamicRouteConfigs":[{"routeConfig":{"#,
        r#""@type":"type.googleapis.com/envoy.config.route.v3.RouteConfiguration","name":"80","virtualHosts":[{"domains":["*"],"name":"allow_any","routes":[{"#,
        r#""directResponse":{"body":{"inlineString":"the upstream answered with a status that this route does not pass on, so the sidecar answers in its place"},"status":503},"#,
        r#""match":{"prefix":"/"},"maxGrpcTimeout":"0s","retryPolicy":{"maxInterval":""}}]}]},"versionInfo":"9007199254740993"}]}]}"#,
    );
    let read_yaml = read(yaml).unwrap();
    assert_eq!(read_yaml, read(want).unwrap());
    assert!(
        read_yaml.contains("\"dynamic_active_clusters\": ["),
        "{read_yaml}"
    );
}
