//! `pc rootca-compare`: do two proxies trust a common root CA?
//!
//! Each proxy's active `ROOTCA` secret is read from the `secret` view's dump. Its trust anchors
//! are the certificates of `validation_context.trusted_ca`, or, without that, of its SPIFFE
//! validator's trust bundles. `inline_bytes` is decoded once to PEM and each PEM block once to
//! DER (istioctl decodes twice and always fails). The proxies match when one certificate is
//! byte for byte in both sets.

use super::cluster::Session;
use super::resolve;
use super::{block_on, spinner, within, Method, Progress};
use crate::config::{ClusterOptions, Format, ViewKind};
use crate::envoy::dump::{without_position, NoLists, SectionKind, Want};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{
    parse_certificate, pem_blocks, DataSource, Secret, SecretEntry, SpiffeConfig,
};
use crate::error::{Error, Result};
use crate::input::Document;
use crate::target;

const ROOTCA: &str = "ROOTCA";

/// `pc rootca-compare A B`: on a match, istioctl's sentence saying so, for stderr; differing
/// root CAs are an error.
pub fn rootca_compare(opts: &ClusterOptions, first: &str, second: &str) -> Result<String> {
    let targets = [target::parse(first), target::parse(second)];
    let _spinner = spinner::Spinner::start(format!("reading the ROOTCA of {first} and {second}"));
    let path = super::admin_request(&ViewKind::Secrets, Format::Short).path;
    let pods = block_on(async {
        let progress = Progress::new("loading the kubeconfig");
        within(opts, &progress, async {
            let session = Session::connect(opts, &progress).await?;
            let mut pods = Vec::new();
            // One pod after the other, as istioctl: the first pod's failure is the one told.
            for target in &targets {
                let (pod, spec) = resolve::resolve(&session, target, &progress).await?;
                let mut connection =
                    super::open_forwarded(&session, opts, &pod, &spec, &progress).await?;
                let body = connection.request(Method::Get, &path, &progress).await?;
                connection.close().await;
                let doc = Document::from_received(body, format!("the secrets dump of {pod}"))?;
                let anchors = trust_anchors(&doc)?;
                pods.push((format!("{}.{}", pod.name, pod.namespace), anchors));
            }
            Ok(pods)
        })
        .await
    })?;
    verdict(&pods[0].1, &pods[1].1, &pods[0].0, &pods[1].0)
}

/// istioctl's sentence when the two sets of trust anchors share a certificate, else its error.
pub fn verdict(a: &[Vec<u8>], b: &[Vec<u8>], pod_a: &str, pod_b: &str) -> Result<String> {
    if a.iter().any(|cert| b.contains(cert)) {
        Ok(format!(
            "Both [{pod_a}] and [{pod_b}] have the identical ROOTCA, theoretically the connectivity between them is available"
        ))
    } else {
        Err(Error::input(format!(
            "Both [{pod_a}] and [{pod_b}] have the non identical ROOTCA, theoretically the connectivity between them is unavailable"
        )))
    }
}

fn cannot_dump(reason: impl std::fmt::Display) -> Error {
    Error::input(format!("can not dump ROOTCA from secret: {reason}"))
}

/// The DER certificates the active `ROOTCA` secret of a secrets dump trusts.
pub fn trust_anchors(doc: &Document) -> Result<Vec<Vec<u8>>> {
    let reader = DumpReader::new(doc, Want::none().with(SectionKind::Secrets));
    let dump = reader
        .dump(&mut NoLists)
        .map_err(|e| e.in_input(&doc.origin))?;
    let not_found = || Error::input("cannot find ROOTCA from secret");
    let section = dump.section(SectionKind::Secrets).ok_or_else(not_found)?;
    let entry = section
        .list::<SecretEntry>("dynamic_active_secrets")
        .map_err(|e| e.in_input(&doc.origin))?
        .into_iter()
        .find(|entry| entry.name == ROOTCA)
        .ok_or_else(not_found)?;
    let secret: Secret = match entry.secret {
        Some(raw) => {
            serde_json::from_str(raw.get()).map_err(|e| cannot_dump(without_position(&e)))?
        }
        None => Secret::default(),
    };
    let decoded = |source: &DataSource| {
        source
            .data()
            .map_err(|e| cannot_dump(format!("failed to decode inlinebytes: {e}")))
    };
    let context = secret.validation_context.unwrap_or_default();
    let mut sources = Vec::new();
    if let Some(ca) = &context.trusted_ca {
        sources.push(decoded(ca)?);
    }
    sources.retain(|data| !data.is_empty());
    if sources.is_empty() {
        if let Some(raw) = context.spiffe_validator() {
            let config: SpiffeConfig = serde_json::from_str(raw.get()).map_err(|e| {
                cannot_dump(format!(
                    "error unmarshaling spiffe config: {}",
                    without_position(&e)
                ))
            })?;
            for domain in &config.trust_domains {
                if let Some(bundle) = &domain.trust_bundle {
                    sources.push(decoded(bundle)?);
                }
            }
            sources.retain(|data| !data.is_empty());
        }
    }
    if sources.is_empty() {
        return Err(cannot_dump("cannot retrieve trustedCa from secret ROOTCA"));
    }
    let mut anchors = Vec::new();
    for data in &sources {
        let blocks = pem_blocks(data);
        if blocks.is_empty() {
            return Err(Error::input(format!(
                "failed to parse certificates: {}",
                String::from_utf8_lossy(data)
            )));
        }
        for der in blocks {
            parse_certificate(&der)
                .map_err(|reason| Error::input(format!("failed to parse certificate: {reason}")))?;
            anchors.push(der);
        }
    }
    Ok(anchors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use serde_json::json;

    #[test]
    fn base64_round_trips() {
        use crate::envoy::resources::decode_base64;
        assert_eq!(decode_base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("aGVsbG8h").unwrap(), b"hello!");
        assert_eq!(decode_base64("aGk").unwrap(), b"hi");
        assert_eq!(decode_base64("aG\nVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("_-8").unwrap(), [0xFF, 0xEF]);
        assert!(decode_base64("aG Vs").is_none());
        assert!(decode_base64("a").is_none());
        assert!(decode_base64("a*==").is_none());
    }

    fn root_pem(common_name: &str) -> String {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, common_name);
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let key = rcgen::KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().pem()
    }

    fn der_of(pem: &str) -> Vec<u8> {
        let blocks = pem_blocks(pem.as_bytes());
        assert_eq!(blocks.len(), 1);
        blocks.into_iter().next().unwrap()
    }

    fn base64(text: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(text)
    }

    fn document(section: serde_json::Value) -> Document {
        let mut section = section;
        section["@type"] = "type.googleapis.com/envoy.admin.v3.SecretsConfigDump".into();
        let dump = json!({"configs": [section]});
        Document::from_bytes(dump.to_string().into_bytes(), "test".into()).unwrap()
    }

    /// A dump whose active secrets are a workload certificate and a ROOTCA with this context.
    fn rootca(validation_context: serde_json::Value) -> Document {
        document(json!({"dynamic_active_secrets": [
            {"name": "default", "secret": {"name": "default", "tls_certificate": {}}},
            {"name": "ROOTCA", "secret": {"name": "ROOTCA", "validation_context": validation_context}}
        ]}))
    }

    fn message(result: Result<Vec<Vec<u8>>>) -> String {
        let e = result.expect_err("an error");
        assert_eq!(e.code(), crate::error::Exit::Input, "{}", e.message);
        e.message
    }

    #[test]
    fn trusted_ca_inline_bytes_are_decoded_once() {
        let (a, b) = (root_pem("Root A"), root_pem("Root B"));
        let doc = rootca(json!({"trusted_ca": {"inline_bytes": base64(&format!("{a}{b}"))}}));
        assert_eq!(trust_anchors(&doc).unwrap(), [der_of(&a), der_of(&b)]);
    }

    /// Spec §7.1: `inline_string` when `inline_bytes` is absent or empty.
    #[test]
    fn inline_string_is_read_when_inline_bytes_is_absent_or_empty() {
        let a = root_pem("Root A");
        for source in [
            json!({"inline_string": a}),
            json!({"inline_bytes": "", "inline_string": a}),
        ] {
            let doc = rootca(json!({ "trusted_ca": source }));
            assert_eq!(trust_anchors(&doc).unwrap(), [der_of(&a)], "{source}");
        }
    }

    #[test]
    fn spiffe_bundles_stand_in_for_a_missing_trusted_ca() {
        let (a, b, c) = (root_pem("Root A"), root_pem("Root B"), root_pem("Root C"));
        let validator = json!({
            "name": "envoy.tls.cert_validator.spiffe",
            "typed_config": {
                "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.SPIFFECertValidatorConfig",
                "trust_domains": [
                    {"name": "cluster.local", "trust_bundle": {"inline_bytes": base64(&a)}},
                    {"name": "no-bundle"},
                    {"name": "remote.example", "trust_bundle": {"inline_string": b}}
                ]
            }
        });
        let doc = rootca(json!({ "custom_validator_config": validator }));
        assert_eq!(trust_anchors(&doc).unwrap(), [der_of(&a), der_of(&b)]);
        // With a trusted CA, the validator's bundles are not read.
        let doc = rootca(json!({
            "trusted_ca": {"inline_string": c},
            "custom_validator_config": validator
        }));
        assert_eq!(trust_anchors(&doc).unwrap(), [der_of(&c)]);
    }

    #[test]
    fn no_trusted_ca_and_no_bundle_is_istioctls_error() {
        let expected =
            "can not dump ROOTCA from secret: cannot retrieve trustedCa from secret ROOTCA";
        for context in [
            json!({}),
            json!({"trusted_ca": {"filename": "/etc/certs/root-cert.pem"}}),
            json!({"custom_validator_config": {
                "name": "other",
                "typed_config": {"@type": "type.googleapis.com/google.protobuf.Struct", "value": {}}
            }}),
        ] {
            assert_eq!(
                message(trust_anchors(&rootca(context.clone()))),
                expected,
                "{context}"
            );
        }
        let doc = document(
            json!({"dynamic_active_secrets": [{"name": "ROOTCA", "secret": {"name": "ROOTCA"}}]}),
        );
        assert_eq!(message(trust_anchors(&doc)), expected);
    }

    #[test]
    fn only_an_active_dynamic_secret_named_rootca_counts() {
        let pem = root_pem("Root A");
        let secret =
            json!({"name": "ROOTCA", "validation_context": {"trusted_ca": {"inline_string": pem}}});
        for section in [
            json!({}),
            json!({"dynamic_warming_secrets": [{"name": "ROOTCA", "secret": secret}]}),
            json!({"static_secrets": [{"name": "ROOTCA", "secret": secret}]}),
            json!({"dynamic_active_secrets": [{"name": "rootca", "secret": secret}]}),
        ] {
            assert_eq!(
                message(trust_anchors(&document(section.clone()))),
                "cannot find ROOTCA from secret",
                "{section}"
            );
        }
        let no_section = Document::from_bytes(br#"{"configs":[]}"#.to_vec(), "t".into()).unwrap();
        assert_eq!(
            message(trust_anchors(&no_section)),
            "cannot find ROOTCA from secret"
        );
    }

    #[test]
    fn every_pem_block_must_be_a_certificate() {
        let a = root_pem("Root A");
        let junk = format!("{a}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        let e = message(trust_anchors(&rootca(
            json!({"trusted_ca": {"inline_string": junk}}),
        )));
        assert!(e.starts_with("failed to parse certificate: "), "{e}");
        let e = message(trust_anchors(&rootca(
            json!({"trusted_ca": {"inline_string": "no PEM here"}}),
        )));
        assert_eq!(e, "failed to parse certificates: no PEM here");
        let e = message(trust_anchors(&rootca(
            json!({"trusted_ca": {"inline_bytes": "not base64!"}}),
        )));
        assert!(
            e.starts_with("can not dump ROOTCA from secret: failed to decode inlinebytes: "),
            "{e}"
        );
    }

    #[test]
    fn one_shared_certificate_is_a_match() {
        let [a, b, c] = ["Root A", "Root B", "Root C"].map(|n| der_of(&root_pem(n)));
        assert_eq!(
            verdict(&[a.clone(), b.clone()], &[c.clone(), b], "web.default", "gw.istio-system")
                .unwrap(),
            "Both [web.default] and [gw.istio-system] have the identical ROOTCA, theoretically the connectivity between them is available"
        );
        let e = verdict(&[a], &[c], "web.default", "gw.istio-system").unwrap_err();
        assert_eq!(
            e.message,
            "Both [web.default] and [gw.istio-system] have the non identical ROOTCA, theoretically the connectivity between them is unavailable"
        );
        assert_eq!(e.code(), crate::error::Exit::Input);
    }

    /// The ROOTCA is read as `pc secret` reads a dump: the same secret in istioctl's camelCase,
    /// with its `inline_bytes` base64 unpadded and URL-safe, gives the same anchors, and
    /// `pc secret` shows the certificate from the same bytes.
    #[test]
    fn rootca_and_pc_secret_read_the_same_inputs() {
        let root = root_pem("Root C");
        let unpadded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&root);
        // Envoy's secrets are Anys: with the type named, the transcoder knows their fields.
        let dump = serde_json::to_vec(&json!({"configs": [{
            "@type": "type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
            "dynamic_active_secrets": [{"name": "ROOTCA", "secret": {
                "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret",
                "name": "ROOTCA",
                "validation_context": {"trusted_ca": {"inline_bytes": unpadded}}
            }}]
        }]}))
        .unwrap();
        let mut camel = Vec::new();
        envoy_schema::transcode(
            std::str::from_utf8(&dump).unwrap(),
            envoy_schema::Root::Message("envoy.admin.v3.ConfigDump"),
            envoy_schema::KeyStyle::ProtoJson,
            &mut camel,
            Some(b"    "),
        )
        .unwrap();
        assert!(String::from_utf8_lossy(&camel).contains("\"trustedCa\""));
        let snake = Document::from_bytes(dump, "snake.json".into()).unwrap();
        let camel = Document::from_bytes(camel, "camel.json".into()).unwrap();
        assert_eq!(trust_anchors(&snake).unwrap(), [der_of(&root)]);
        assert_eq!(trust_anchors(&camel).unwrap(), [der_of(&root)]);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let mut table = Vec::new();
        crate::views::render(
            &crate::config::ViewKind::Secrets,
            &camel,
            crate::config::Format::Short,
            now,
            &mut table,
        )
        .unwrap();
        let table = String::from_utf8(table).unwrap();
        let row = table.lines().find(|l| l.starts_with("ROOTCA")).unwrap();
        assert!(row.contains(" CA ") && row.contains(" true "), "{table}");
    }
}
