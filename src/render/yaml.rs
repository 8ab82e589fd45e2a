//! `-o yaml`: the JSON document the JSON printers made, as YAML. Keys keep their order and
//! spelling, numbers their digits; strings that a YAML reader could take for something else
//! (`"on"`, `"12:30"`, 64-bit integers that protobuf prints as strings) are quoted so that they
//! stay strings (envoy_schema::json_to_yaml).

use std::io::Write;

use envoy_schema::TranscodeError;

use crate::error::{Error, Result};

/// Writes `json`, one JSON document, to `out` as YAML, ended by a blank line as istioctl ends
/// its YAML.
pub fn write_yaml(out: &mut dyn Write, json: &[u8]) -> Result<()> {
    let text = std::str::from_utf8(json)
        .map_err(|e| Error::input(format!("cannot print the dump as YAML: {e}")))?;
    envoy_schema::json_to_yaml(text, &mut *out).map_err(|e| match e {
        TranscodeError::Io(e) => Error::from(e),
        other => Error::input(format!("cannot print the dump as YAML: {other}")),
    })?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::write_yaml;

    #[test]
    fn same_document_as_yaml() {
        let json = br#"{"name":"outbound|80||web.default.svc.cluster.local","connectTimeout":"10s","maxRequests":"9007199254740993","metadata":{"filterMetadata":{"istio":{"config":"/apis/x"}}},"hosts":[]}"#;
        let mut out = Vec::new();
        write_yaml(&mut out, json).expect("valid JSON");
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            "name: outbound|80||web.default.svc.cluster.local\n\
             connectTimeout: 10s\n\
             maxRequests: \"9007199254740993\"\n\
             metadata:\n  filterMetadata:\n    istio:\n      config: /apis/x\n\
             hosts: []\n\n"
        );
    }

    #[test]
    fn bad_json_is_an_input_error() {
        let error = write_yaml(&mut Vec::new(), b"{\"a\":").expect_err("truncated");
        assert_eq!(error.code(), crate::error::Exit::Input);
        assert!(error.to_string().contains("byte 5"), "{error}");
    }
}
