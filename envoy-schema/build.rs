//! Turns Envoy's API descriptors into static field tables (`$OUT_DIR/schema_tables.rs`).
//!
//! The descriptors come from the `envoy-types` package, a build-dependency pinned in Cargo.lock:
//! it ships a serialized `FileDescriptorSet` of Envoy's whole API at `src/generated/types.bin`
//! but does not export it, so this script asks `cargo metadata` where cargo unpacked that
//! package (registry, vendor directory or git checkout alike) and reads the file from there.
//! Decoding happens here, once; at run time only sorted static arrays remain.
//!
//! That set holds the files Envoy's protos import, and nothing else. The messages of cncf/xds's
//! `xds.type.*` and `udpa.type.*` packages that Envoy's API names only by type URL, inside an
//! `Any` (`TypedStruct`, the unified matcher's `IPMatcher`, ...), are imported by no Envoy proto,
//! so the set lacks them; `cncf_type_files` declares them and they join the pool before the tables
//! are built. The oracle test reads the same merged set, written to `$OUT_DIR`.

use prost_reflect::prost_types::field_descriptor_proto::{Label, Type};
use prost_reflect::prost_types::{DescriptorProto, FieldDescriptorProto, FileDescriptorProto};
use prost_reflect::{DescriptorPool, FieldDescriptor, Kind, MessageDescriptor};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

/// Messages whose protobuf JSON form is not an object of their fields. Struct, Value and
/// ListValue hold user data whose keys are not field names; the others print as scalars.
const VERBATIM_WELL_KNOWN_TYPES: &[&str] = &[
    "google.protobuf.BoolValue",
    "google.protobuf.BytesValue",
    "google.protobuf.DoubleValue",
    "google.protobuf.Duration",
    "google.protobuf.FieldMask",
    "google.protobuf.FloatValue",
    "google.protobuf.Int32Value",
    "google.protobuf.Int64Value",
    "google.protobuf.ListValue",
    "google.protobuf.StringValue",
    "google.protobuf.Struct",
    "google.protobuf.Timestamp",
    "google.protobuf.UInt32Value",
    "google.protobuf.UInt64Value",
    "google.protobuf.Value",
];
const ANY: &str = "google.protobuf.Any";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let descriptor_path = envoy_types_dir().join("src/generated/types.bin");
    println!("cargo:rerun-if-changed={}", descriptor_path.display());
    let bytes = std::fs::read(&descriptor_path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", descriptor_path.display())));
    let mut pool = DescriptorPool::decode(bytes.as_slice()).unwrap_or_else(|e| {
        fail(&format!(
            "{} is not a valid FileDescriptorSet: {e}",
            descriptor_path.display()
        ))
    });
    for file in cncf_type_files() {
        // A later envoy-types that ships the file wins: its descriptors come from the .proto.
        if pool.get_file_by_name(file.name()).is_none() {
            let name = file.name().to_string();
            pool.add_file_descriptor_proto(file)
                .unwrap_or_else(|e| fail(&format!("declared file {name}: {e}")));
        }
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // For the oracle test, which checks the tables against protobuf's own JSON printer fed the
    // same descriptors.
    let merged_path = out_dir.join("envoy_api_descriptors.bin");
    std::fs::write(&merged_path, pool.encode_to_vec())
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", merged_path.display())));
    println!(
        "cargo:rustc-env=ENVOY_SCHEMA_DESCRIPTOR_SET={}",
        merged_path.display()
    );
    let tables = generate_tables(&pool);
    std::fs::write(out_dir.join("schema_tables.rs"), tables)
        .unwrap_or_else(|e| fail(&format!("cannot write schema_tables.rs: {e}")));
}

fn fail(message: &str) -> ! {
    panic!("envoy-schema build: {message}");
}

/// A field of a declared message: proto name, number, type, repeated. Message types are full
/// names with the leading dot, as descriptors write them.
type FieldDecl = (&'static str, i32, FieldKind, bool);

#[derive(Clone, Copy)]
enum FieldKind {
    String,
    Bool,
    Int32,
    Int64,
    Double,
    Message(&'static str),
}

/// A declared message and the messages nested in it.
struct MessageDecl {
    name: &'static str,
    fields: &'static [FieldDecl],
    nested: &'static [MessageDecl],
}

const fn message(name: &'static str, fields: &'static [FieldDecl]) -> MessageDecl {
    MessageDecl {
        name,
        fields,
        nested: &[],
    }
}

const ON_MATCH: FieldKind = FieldKind::Message(".xds.type.matcher.v3.Matcher.OnMatch");

/// A message with messages nested in it (the matchers' per-range entries).
const fn outer_message(
    name: &'static str,
    fields: &'static [FieldDecl],
    nested: &'static [MessageDecl],
) -> MessageDecl {
    MessageDecl {
        name,
        fields,
        nested,
    }
}

/// The `xds.type.*` and `udpa.type.*` messages Envoy's API refers to by type URL only (a
/// `TypedStruct` in any `typed_config`; the matchers and inputs of the unified matcher API), as
/// cncf/xds defines them. Their dependencies (`Struct`, `CidrRange`, `Matcher`, `CelExpression`)
/// are in envoy-types' set already.
fn cncf_type_files() -> Vec<FileDescriptorProto> {
    use FieldKind::*;
    const TYPED_STRUCT: &[MessageDecl] = &[message(
        "TypedStruct",
        &[
            ("type_url", 1, String, false),
            ("value", 2, Message(".google.protobuf.Struct"), false),
        ],
    )];
    /// File name, package, imports, messages.
    type FileDecl = (
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static [MessageDecl],
    );
    const FILES: &[FileDecl] = &[
        (
            "udpa/type/v1/typed_struct.proto",
            "udpa.type.v1",
            &["google/protobuf/struct.proto"],
            TYPED_STRUCT,
        ),
        (
            "xds/type/v3/typed_struct.proto",
            "xds.type.v3",
            &["google/protobuf/struct.proto"],
            TYPED_STRUCT,
        ),
        (
            "xds/type/v3/range.proto",
            "xds.type.v3",
            &[],
            &[
                message(
                    "Int64Range",
                    &[("start", 1, Int64, false), ("end", 2, Int64, false)],
                ),
                message(
                    "Int32Range",
                    &[("start", 1, Int32, false), ("end", 2, Int32, false)],
                ),
                message(
                    "DoubleRange",
                    &[("start", 1, Double, false), ("end", 2, Double, false)],
                ),
            ],
        ),
        (
            "xds/type/matcher/v3/ip.proto",
            "xds.type.matcher.v3",
            &[
                "xds/core/v3/cidr.proto",
                "xds/type/matcher/v3/matcher.proto",
            ],
            &[outer_message(
                "IPMatcher",
                &[(
                    "range_matchers",
                    1,
                    Message(".xds.type.matcher.v3.IPMatcher.IPRangeMatcher"),
                    true,
                )],
                &[message(
                    "IPRangeMatcher",
                    &[
                        ("ranges", 1, Message(".xds.core.v3.CidrRange"), true),
                        ("on_match", 2, ON_MATCH, false),
                        ("exclusive", 3, Bool, false),
                    ],
                )],
            )],
        ),
        (
            "xds/type/matcher/v3/domain.proto",
            "xds.type.matcher.v3",
            &["xds/type/matcher/v3/matcher.proto"],
            &[outer_message(
                "ServerNameMatcher",
                &[(
                    "domain_matchers",
                    1,
                    Message(".xds.type.matcher.v3.ServerNameMatcher.DomainMatcher"),
                    true,
                )],
                &[message(
                    "DomainMatcher",
                    &[
                        ("domains", 1, String, true),
                        ("on_match", 2, ON_MATCH, false),
                    ],
                )],
            )],
        ),
        (
            "xds/type/matcher/v3/range.proto",
            "xds.type.matcher.v3",
            &[
                "xds/type/v3/range.proto",
                "xds/type/matcher/v3/matcher.proto",
            ],
            &[
                outer_message(
                    "Int64RangeMatcher",
                    &[(
                        "range_matchers",
                        1,
                        Message(".xds.type.matcher.v3.Int64RangeMatcher.RangeMatcher"),
                        true,
                    )],
                    &[message(
                        "RangeMatcher",
                        &[
                            ("ranges", 1, Message(".xds.type.v3.Int64Range"), true),
                            ("on_match", 2, ON_MATCH, false),
                        ],
                    )],
                ),
                outer_message(
                    "Int32RangeMatcher",
                    &[(
                        "range_matchers",
                        1,
                        Message(".xds.type.matcher.v3.Int32RangeMatcher.RangeMatcher"),
                        true,
                    )],
                    &[message(
                        "RangeMatcher",
                        &[
                            ("ranges", 1, Message(".xds.type.v3.Int32Range"), true),
                            ("on_match", 2, ON_MATCH, false),
                        ],
                    )],
                ),
                outer_message(
                    "DoubleRangeMatcher",
                    &[(
                        "range_matchers",
                        1,
                        Message(".xds.type.matcher.v3.DoubleRangeMatcher.RangeMatcher"),
                        true,
                    )],
                    &[message(
                        "RangeMatcher",
                        &[
                            ("ranges", 1, Message(".xds.type.v3.DoubleRange"), true),
                            ("on_match", 2, ON_MATCH, false),
                        ],
                    )],
                ),
            ],
        ),
        (
            "xds/type/matcher/v3/cel.proto",
            "xds.type.matcher.v3",
            &["xds/type/v3/cel.proto"],
            &[message(
                "CelMatcher",
                &[
                    (
                        "expr_match",
                        1,
                        Message(".xds.type.v3.CelExpression"),
                        false,
                    ),
                    ("description", 2, String, false),
                ],
            )],
        ),
        (
            "xds/type/matcher/v3/http_inputs.proto",
            "xds.type.matcher.v3",
            &[],
            &[message("HttpAttributesCelMatchInput", &[])],
        ),
    ];
    FILES
        .iter()
        .map(
            |&(name, package, dependencies, messages)| FileDescriptorProto {
                name: Some(name.to_string()),
                package: Some(package.to_string()),
                dependency: dependencies.iter().map(|d| d.to_string()).collect(),
                message_type: messages.iter().map(message_proto).collect(),
                syntax: Some("proto3".to_string()),
                ..Default::default()
            },
        )
        .collect()
}

fn message_proto(decl: &MessageDecl) -> DescriptorProto {
    DescriptorProto {
        name: Some(decl.name.to_string()),
        field: decl
            .fields
            .iter()
            .map(|&(name, number, kind, repeated)| {
                let (field_type, type_name) = match kind {
                    FieldKind::String => (Type::String, None),
                    FieldKind::Bool => (Type::Bool, None),
                    FieldKind::Int32 => (Type::Int32, None),
                    FieldKind::Int64 => (Type::Int64, None),
                    FieldKind::Double => (Type::Double, None),
                    FieldKind::Message(full_name) => (Type::Message, Some(full_name.to_string())),
                };
                FieldDescriptorProto {
                    name: Some(name.to_string()),
                    number: Some(number),
                    label: Some(if repeated {
                        Label::Repeated
                    } else {
                        Label::Optional
                    } as i32),
                    r#type: Some(field_type as i32),
                    type_name,
                    json_name: Some(json_name(name)),
                    ..Default::default()
                }
            })
            .collect(),
        nested_type: decl.nested.iter().map(message_proto).collect(),
        ..Default::default()
    }
}

/// protoc's JSON name: each `_` dropped and the letter after it upper-cased.
fn json_name(proto_name: &str) -> String {
    let mut out = String::with_capacity(proto_name.len());
    let mut upper = false;
    for c in proto_name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The directory cargo unpacked the `envoy-types` build-dependency into.
fn envoy_types_dir() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("Cargo.toml");
    let host = std::env::var("HOST").expect("cargo sets HOST");
    // --filter-platform keeps cargo from fetching other platforms' packages; the build-dependency
    // is compiled for the host, so it is in that platform's graph.
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--filter-platform",
            &host,
        ])
        .arg("--manifest-path")
        .arg(&manifest)
        .output()
        .unwrap_or_else(|e| fail(&format!("cannot run cargo metadata: {e}")));
    if !output.status.success() {
        fail(&format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| fail(&format!("cargo metadata printed invalid JSON: {e}")));

    // Follow the resolve graph from this package, so that another envoy-types version elsewhere in
    // the workspace cannot be picked by mistake.
    let this_package = std::env::var("CARGO_PKG_NAME").expect("cargo sets it");
    let packages = metadata["packages"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let package_id = |name: &str| {
        packages
            .iter()
            .filter(|p| p["name"] == name && p["manifest_path"].as_str() == manifest.to_str())
            .find_map(|p| p["id"].as_str())
    };
    let this_id = package_id(&this_package)
        .unwrap_or_else(|| fail("cargo metadata does not list envoy-schema"));
    let nodes = metadata["resolve"]["nodes"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let envoy_types_id = nodes
        .iter()
        .filter(|node| node["id"] == this_id)
        .flat_map(|node| node["deps"].as_array().into_iter().flatten())
        .find(|dep| dep["name"] == "envoy_types")
        .and_then(|dep| dep["pkg"].as_str())
        .unwrap_or_else(|| fail("envoy-types is not among envoy-schema's resolved dependencies"));
    let envoy_types_manifest = packages
        .iter()
        .find(|p| p["id"] == envoy_types_id)
        .and_then(|p| p["manifest_path"].as_str())
        .unwrap_or_else(|| fail("cargo metadata has no manifest path for envoy-types"));
    PathBuf::from(envoy_types_manifest)
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| fail("envoy-types manifest path has no parent"))
}

/// How a value of a given protobuf type is walked at run time (mirrors `Kind` in src/tables.rs).
fn kind_expr(message_index: &BTreeMap<&str, usize>, message: &MessageDescriptor) -> String {
    let name = message.full_name();
    if name == ANY {
        "Kind::Any".to_string()
    } else if VERBATIM_WELL_KNOWN_TYPES.contains(&name) {
        "Kind::Verbatim".to_string()
    } else {
        format!("Kind::Message({})", message_index[name])
    }
}

fn field_kind_expr(message_index: &BTreeMap<&str, usize>, field: &FieldDescriptor) -> String {
    if field.is_map() {
        let Kind::Message(entry) = field.kind() else {
            fail(&format!(
                "map field {} has no entry message",
                field.full_name()
            ))
        };
        let value_kind = match entry.map_entry_value_field().kind() {
            Kind::Message(value) => kind_expr(message_index, &value),
            _ => "Kind::Verbatim".to_string(),
        };
        return format!("Kind::Map(&{value_kind})");
    }
    match field.kind() {
        Kind::Message(message) => kind_expr(message_index, &message),
        _ => "Kind::Verbatim".to_string(),
    }
}

fn generate_tables(pool: &DescriptorPool) -> String {
    // Map entries are synthetic messages: they never appear as a type URL or a field's declared type.
    let mut messages: Vec<MessageDescriptor> =
        pool.all_messages().filter(|m| !m.is_map_entry()).collect();
    messages.sort_by(|a, b| a.full_name().cmp(b.full_name()));
    let message_index: BTreeMap<&str, usize> = messages
        .iter()
        .enumerate()
        .map(|(i, m)| (m.full_name(), i))
        .collect();
    if u16::try_from(messages.len()).is_err() {
        fail("more messages than a u16 index can address");
    }
    if !message_index.contains_key(ANY) || !message_index.contains_key("envoy.admin.v3.ConfigDump")
    {
        fail("the descriptor set lacks google.protobuf.Any or envoy.admin.v3.ConfigDump");
    }

    let mut code = String::new();
    code.push_str("// Generated by envoy-schema's build.rs from envoy-types' descriptor set.\n");
    code.push_str("pub(crate) static MESSAGES: &[MessageTable] = &[\n");
    for message in &messages {
        // Field-number order is the order protobuf's JSON printers (Envoy's too) write fields in,
        // so the transcoder finds the next key by looking a few places ahead.
        let mut fields: Vec<FieldDescriptor> = message.fields().collect();
        fields.sort_by_key(FieldDescriptor::number);
        for field in &fields {
            for name in [field.name(), field.json_name()] {
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    fail(&format!(
                        "field name {name:?} of {} is not an identifier",
                        message.full_name()
                    ));
                }
            }
        }
        let mut by_proto_name: Vec<usize> = (0..fields.len()).collect();
        by_proto_name.sort_by(|&a, &b| fields[a].name().cmp(fields[b].name()));
        let mut by_json_name: Vec<usize> = (0..fields.len()).collect();
        by_json_name.sort_by(|&a, &b| fields[a].json_name().cmp(fields[b].json_name()));

        writeln!(code, "    MessageTable {{").unwrap();
        writeln!(code, "        full_name: {:?},", message.full_name()).unwrap();
        writeln!(
            code,
            "        kind: {},",
            kind_expr(&message_index, message)
        )
        .unwrap();
        code.push_str("        fields: &[\n");
        for field in &fields {
            writeln!(
                code,
                "            FieldTable {{ proto_name: {:?}, json_name: {:?}, kind: {}, repeated: {} }},",
                field.name(),
                field.json_name(),
                field_kind_expr(&message_index, field),
                // A map is a repeated field of entries in the descriptor, but an object in JSON.
                field.is_list()
            )
            .unwrap();
        }
        code.push_str("        ],\n");
        writeln!(code, "        by_proto_name: &{by_proto_name:?},").unwrap();
        writeln!(code, "        by_json_name: &{by_json_name:?},").unwrap();
        code.push_str("    },\n");
    }
    code.push_str("];\n");
    code
}
