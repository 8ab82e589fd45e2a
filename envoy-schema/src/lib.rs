//! Envoy's API schema as static tables, and a streaming JSON transcoder between the two key
//! spellings of protobuf JSON: the proto field names Envoy's admin API prints (`filter_chains`)
//! and the protobuf JSON names istioctl prints (`filterChains`).
//!
//! The tables are generated at build time from the FileDescriptorSet of Envoy's API that the
//! `envoy-types` crate ships, plus the cncf/xds `xds.type.*` and `udpa.type.*` messages Envoy
//! names only by type URL (which that set lacks; see build.rs), so every rename follows from the
//! schema: the transcoder walks the document knowing the message type of every object.
//!
//! # Rules
//!
//! * A field of a known message is renamed to its JSON name (`KeyStyle::ProtoJson`) or its proto
//!   name (`KeyStyle::ProtoName`); either spelling is accepted on input.
//! * Keys of map fields (`filter_metadata`, `typed_extension_protocol_options`, ...) and
//!   everything inside `google.protobuf.Struct`, `Value` and `ListValue` (node metadata, filter
//!   metadata values) are data and stay as they are.
//! * `google.protobuf.Any`: `@type` is kept, and the message named after the last `/` of its
//!   type URL gives the names of the other keys, wherever `@type` stands in the object. An Any
//!   that holds a well-known type with a special JSON form (`Struct`, `Duration`, another `Any`,
//!   ...) has its content under `value`, as protobuf JSON prescribes.
//! * An Any whose type the schema does not know keeps its whole content as it is. (istioctl
//!   drops such content: it cannot decode it.)
//! * A key that is not a field of its known message (for example a field newer than the schema)
//!   is renamed with protobuf's default JSON-name rule (`_x` becomes `X`) for `ProtoJson`, or the
//!   reverse (`X` becomes `_x`) for `ProtoName`; its value, whose type is unknown, stays as it is.
//! * Values are never changed: strings keep their exact escapes, numbers their exact digits.
//!   Only the layout (indentation) and the keys change.

mod output;
mod pick;
mod scan;
mod tables;
mod transcode;
mod yaml;

pub use pick::{Picker, Skipped};
pub use transcode::{
    schema_gaps, transcode, write_array_elements, JsonArrayWriter, SchemaGaps, TranscodeError,
};
pub use yaml::json_to_yaml;

/// Which spelling of field names the output uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyStyle {
    /// Protobuf JSON names, lowerCamelCase (`filterChains`): istioctl's output.
    ProtoJson,
    /// Proto field names, snake_case (`filter_chains`): what Envoy prints.
    ProtoName,
}

/// The type of the document given to [`transcode`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root<'a> {
    /// A message with this full name (`envoy.config.cluster.v3.Cluster`). With
    /// `google.protobuf.Any` the `@type` key stays in the output.
    Message(&'a str),
    /// A `google.protobuf.Any` as Envoy prints a packed resource (`{"@type": ".../Cluster", ...}`),
    /// written as the packed message alone, without `@type`: what istioctl prints for a resource
    /// it has unpacked. If the type is unknown to the schema the object is kept whole.
    UnpackedAny,
}

/// A message type known to the schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MessageType(u16);

impl MessageType {
    /// The message with this full name, e.g. `envoy.admin.v3.ClustersConfigDump`.
    pub fn named(full_name: &str) -> Option<MessageType> {
        tables::message_index(full_name).map(MessageType)
    }

    /// The full name, e.g. `envoy.config.listener.v3.Listener`.
    pub fn full_name(self) -> &'static str {
        tables::MESSAGES[usize::from(self.0)].full_name
    }
}

/// Whether `key`, in either spelling, is a repeated field of the message `full_name`, other than
/// a map: a field whose JSON value is an array.
pub fn is_list_field(full_name: &str, key: &str) -> bool {
    tables::message_index(full_name)
        .and_then(|index| tables::MESSAGES[usize::from(index)].field(key, 0))
        .is_some_and(|(_, field)| field.repeated)
}

/// The message a type URL names: the part after its last `/`
/// (`type.googleapis.com/envoy.config.cluster.v3.Cluster`).
pub fn message_for_type_url(type_url: &str) -> Option<MessageType> {
    let name = type_url.rsplit('/').next().unwrap_or(type_url);
    MessageType::named(name)
}

/// istioctl's JSON layout: four-space indentation and one trailing newline.
pub const ISTIOCTL_INDENT: &[u8] = b"    ";

/// Writes one document in istioctl's layout (four-space indent, trailing newline), e.g. a
/// `BootstrapConfigDump` for `proxy-config bootstrap -o json`.
pub fn write_istioctl_document(
    json: &str,
    root: Root<'_>,
    style: KeyStyle,
    out: &mut (impl std::io::Write + ?Sized),
) -> Result<(), TranscodeError> {
    transcode(json, root, style, &mut *out, Some(ISTIOCTL_INDENT))?;
    out.write_all(b"\n").map_err(TranscodeError::Io)
}
