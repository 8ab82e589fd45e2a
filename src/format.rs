//! The output formats, one enum for the flag and for the views: what `-o` takes is what the
//! views are given.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// istioctl's tables.
    Short,
    /// istioctl's tables with extra columns.
    Wide,
    /// istioctl's JSON: protobuf JSON names (lowerCamelCase).
    Json,
    /// istioctl's YAML: the same document as YAML.
    Yaml,
    /// Envoy's own JSON: proto field names (snake_case), filtered like the table.
    Raw,
}

impl Format {
    pub fn is_table(self) -> bool {
        matches!(self, Format::Short | Format::Wide)
    }
}
