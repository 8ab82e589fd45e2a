//! `pc rootca-compare`: do two proxies trust the same root CAs?
//!
//! Each proxy's `ROOTCA` secret is read from its secrets dump. Its trust anchors live in
//! `validation_context.trusted_ca` and, for SPIFFE validation, in the validator's per-trust-domain
//! bundles (or a SPIFFE bundle map). The dump's JSON carries `inline_bytes` as base64, which is
//! decoded once to PEM; each PEM block is decoded once to DER (istioctl decodes twice and never
//! matches). Bundles are compared as sets of DER certificates, so order and duplicates do
//! not matter.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use serde_json::Value;
use x509_parser::pem::Pem;

use super::cluster::Session;
use super::forward::AdminConnection;
use super::resolve;
use super::{block_on, spinner, within, Method, Progress};
use crate::config::ClusterOptions;
use crate::envoy::dump::{parse_raw, NoLists, SectionKind, Want};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{decode_base64, DataSource, Secret, SecretEntry, SpiffeConfig};
use crate::error::Error;
use crate::input::Document;
use crate::target;

/// The admin request for the secrets: static ones too, in case ROOTCA is bootstrapped.
pub const SECRETS_PATH: &str =
    "/config_dump?mask=static_secrets,dynamic_active_secrets,dynamic_warming_secrets";

const ROOTCA: &str = "ROOTCA";

/// A trust bundle: DER certificate → how to name it in a report.
pub type Bundle = BTreeMap<Vec<u8>, String>;

/// A proxy's root trust, by bundle: `trusted_ca`, `SPIFFE trust domain "td"`.
pub type RootTrust = BTreeMap<String, Bundle>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Match,
    Mismatch,
}

/// `pc rootca-compare A B`: prints what each bundle holds or how they differ, and returns the
/// verdict; the caller exits non-zero on `Mismatch`.
pub fn rootca_compare(
    opts: &ClusterOptions,
    first: &str,
    second: &str,
    out: &mut impl Write,
) -> Result<Verdict, Error> {
    let targets = [target::parse(first)?, target::parse(second)?];
    let _spinner = spinner::Spinner::start(format!("reading the ROOTCA of {first} and {second}"));
    let (pods, dumps) = block_on(async {
        let progress = Progress::new("loading the kubeconfig");
        within(opts.request_timeout, &progress, async {
            let session = Session::connect(opts, &progress).await?;
            let mut pods = Vec::new();
            let mut dumps = Vec::new();
            for target in &targets {
                let pod = resolve::resolve(&session, target, &progress).await?;
                let mut connection =
                    AdminConnection::open(&session, &pod, opts.proxy_admin_port, &progress).await?;
                dumps.push(
                    connection
                        .request(Method::Get, SECRETS_PATH, &progress)
                        .await?,
                );
                connection.close().await;
                pods.push(pod);
            }
            Ok((pods, dumps))
        })
        .await
    })?;
    let names = [pods[0].to_string(), pods[1].to_string()];
    let trust_a = root_trust(&dumps[0], &names[0])?;
    let trust_b = root_trust(&dumps[1], &names[1])?;
    let report = compare(&trust_a, &trust_b, &names[0], &names[1]);
    write!(out, "{}", report.text)?;
    Ok(report.verdict)
}

pub struct Report {
    pub verdict: Verdict,
    pub text: String,
}

/// Compares two proxies' root trust bundle by bundle.
pub fn compare(a: &RootTrust, b: &RootTrust, name_a: &str, name_b: &str) -> Report {
    let mut lines = Vec::new();
    let bundles: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for bundle in bundles {
        match (a.get(bundle), b.get(bundle)) {
            (Some(certs_a), Some(certs_b)) if certs_a.keys().eq(certs_b.keys()) => {
                let names: Vec<&str> = certs_a.values().map(String::as_str).collect();
                lines.push((
                    true,
                    format!(
                        "  {bundle}: same {} ({})",
                        count(names.len()),
                        names.join("; ")
                    ),
                ));
            }
            (Some(certs_a), Some(certs_b)) => {
                for (der, name) in certs_a {
                    if !certs_b.contains_key(der) {
                        lines.push((false, format!("  {bundle}: only {name_a} trusts {name}")));
                    }
                }
                for (der, name) in certs_b {
                    if !certs_a.contains_key(der) {
                        lines.push((false, format!("  {bundle}: only {name_b} trusts {name}")));
                    }
                }
            }
            (Some(_), None) => {
                lines.push((false, format!("  {bundle}: only {name_a} has this bundle")))
            }
            (None, Some(_)) => {
                lines.push((false, format!("  {bundle}: only {name_b} has this bundle")))
            }
            (None, None) => {}
        }
    }
    let verdict = if lines.iter().all(|(same, _)| *same) {
        Verdict::Match
    } else {
        Verdict::Mismatch
    };
    let headline = match verdict {
        Verdict::Match => format!(
            "ROOTCA of {name_a} and {name_b} match: they can verify each other's certificates"
        ),
        Verdict::Mismatch => {
            format!("ROOTCA of {name_a} and {name_b} differ: mTLS between them may fail")
        }
    };
    let mut text = headline + "\n";
    for (_, line) in lines {
        text.push_str(&line);
        text.push('\n');
    }
    Report { verdict, text }
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 certificate".to_string()
    } else {
        format!("{n} certificates")
    }
}

/// Extracts the ROOTCA trust bundles from a secrets config dump, read as every view reads a dump.
pub fn root_trust(dump: &[u8], pod: &str) -> Result<RootTrust, Error> {
    let origin = format!("the secrets dump of {pod}");
    // What the proxy answered is the proxy's fault, whatever is wrong with it.
    let from_proxy = |e: Error| Error::proxy(e.in_input(&origin).message);
    let doc = Document::from_bytes(dump.to_vec(), origin.clone()).map_err(from_proxy)?;
    let reader = DumpReader::new(&doc, Want::none().with(SectionKind::Secrets));
    let dump = reader.dump(&mut NoLists).map_err(from_proxy)?;
    let section = dump
        .section(SectionKind::Secrets)
        .ok_or_else(|| Error::proxy(format!("the config dump of {pod} has no secrets section")))?;
    let named_rootca = |list: &str| -> Result<Option<Secret>, Error> {
        let entries: Vec<SecretEntry> = section.list(list).map_err(from_proxy)?;
        Ok(entries.into_iter().find_map(|entry| {
            let secret = entry.secret?;
            let name = if entry.name.is_empty() {
                secret.name.clone()
            } else {
                entry.name
            };
            (name == ROOTCA).then_some(secret)
        }))
    };
    let secret = match named_rootca("dynamic_active_secrets")? {
        Some(secret) => secret,
        None => match named_rootca("static_secrets")? {
            Some(secret) => secret,
            None if named_rootca("dynamic_warming_secrets")?.is_some() => {
                return Err(Error::proxy(format!(
                    "the ROOTCA secret of {pod} is still warming: the proxy has not received it yet"
                )))
            }
            None => {
                return Err(Error::proxy(format!(
                    "{pod} has no ROOTCA secret: is it a mesh sidecar with mTLS certificates?"
                )))
            }
        },
    };
    let context = secret.validation_context.ok_or_else(|| {
        Error::proxy(format!(
            "the ROOTCA secret of {pod} has no validation_context"
        ))
    })?;
    let mut trust = RootTrust::new();
    if let Some(source) = &context.trusted_ca {
        let pem = data_source_bytes(source, pod, "trusted_ca")?;
        trust.insert(
            "trusted_ca".to_string(),
            pem_bundle(&pem, pod, "trusted_ca")?,
        );
    }
    if let Some(validator) = &context.custom_validator_config {
        let config: SpiffeConfig = match validator.typed_config {
            Some(raw) => parse_raw(raw, "a SPIFFE validator config").map_err(from_proxy)?,
            None => SpiffeConfig::default(),
        };
        for domain in &config.trust_domains {
            let label = format!("SPIFFE trust domain \"{}\"", domain.name);
            let source = domain.trust_bundle.as_ref().ok_or_else(|| {
                Error::proxy(format!(
                    "{label} in the ROOTCA of {pod} has no trust_bundle"
                ))
            })?;
            let pem = data_source_bytes(source, pod, &label)?;
            trust.insert(label.clone(), pem_bundle(&pem, pod, &label)?);
        }
        if let Some(source) = &config.trust_bundles {
            let map = data_source_bytes(source, pod, "SPIFFE trust bundle map")?;
            for (domain, bundle) in spiffe_bundle_map(&map, pod)? {
                trust.insert(format!("SPIFFE trust domain \"{domain}\""), bundle);
            }
        }
    }
    if trust.is_empty() {
        return Err(Error::proxy(format!(
            "the ROOTCA secret of {pod} holds no trusted CA and no SPIFFE trust bundle"
        )));
    }
    Ok(trust)
}

/// The bytes of an Envoy `DataSource` as the dump shows it.
fn data_source_bytes(source: &DataSource, pod: &str, what: &str) -> Result<Vec<u8>, Error> {
    if let Some(encoded) = &source.inline_bytes {
        return decode_base64(encoded).ok_or_else(|| {
            Error::proxy(format!(
                "{what} in the ROOTCA of {pod} has invalid base64 inline_bytes"
            ))
        });
    }
    if let Some(text) = &source.inline_string {
        return Ok(text.as_bytes().to_vec());
    }
    if let Some(path) = &source.filename {
        return Err(Error::proxy(format!(
            "{what} in the ROOTCA of {pod} is read from file {path} inside the pod, which cannot be compared from here"
        )));
    }
    Err(Error::proxy(format!(
        "{what} in the ROOTCA of {pod} has no inline data"
    )))
}

/// Decodes each PEM certificate block to DER, once, and names it by subject and serial.
fn pem_bundle(pem: &[u8], pod: &str, what: &str) -> Result<Bundle, Error> {
    let mut bundle = Bundle::new();
    for block in Pem::iter_from_buffer(pem) {
        let block = block.map_err(|e| {
            Error::proxy(format!(
                "{what} in the ROOTCA of {pod} has a malformed PEM block: {e}"
            ))
        })?;
        if block.label != "CERTIFICATE" {
            continue;
        }
        let name = describe_certificate(&block.contents, pod, what)?;
        bundle.insert(block.contents, name);
    }
    if bundle.is_empty() {
        return Err(Error::proxy(format!(
            "{what} in the ROOTCA of {pod} holds no PEM certificate"
        )));
    }
    Ok(bundle)
}

fn describe_certificate(der: &[u8], pod: &str, what: &str) -> Result<String, Error> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).map_err(|e| {
        Error::proxy(format!(
            "{what} in the ROOTCA of {pod} holds an unreadable certificate: {e}"
        ))
    })?;
    Ok(format!(
        "{} (serial {})",
        cert.subject(),
        cert.raw_serial_as_string()
    ))
}

/// A SPIFFE bundle map (`{"trust_domains": {"td": {"keys": [{"use": "x509-svid", "x5c": [b64 DER]}]}}}`).
fn spiffe_bundle_map(json: &[u8], pod: &str) -> Result<Vec<(String, Bundle)>, Error> {
    let what = "the SPIFFE trust bundle map";
    let map: Value = serde_json::from_slice(json)
        .map_err(|e| Error::proxy(format!("{what} in the ROOTCA of {pod} is not JSON: {e}")))?;
    let mut bundles = Vec::new();
    for (domain, bundle) in map["trust_domains"].as_object().into_iter().flatten() {
        let mut certs = Bundle::new();
        for key in bundle["keys"].as_array().into_iter().flatten() {
            if key["use"].as_str() != Some("x509-svid") {
                continue;
            }
            for encoded in key["x5c"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                let der = decode_base64(encoded).ok_or_else(|| {
                    Error::proxy(format!(
                        "{what} in the ROOTCA of {pod} has invalid base64 in x5c"
                    ))
                })?;
                let name = describe_certificate(&der, pod, what)?;
                certs.insert(der, name);
            }
        }
        bundles.push((domain.clone(), certs));
    }
    Ok(bundles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        assert_eq!(decode_base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("aGVsbG8h").unwrap(), b"hello!");
        assert_eq!(decode_base64("aGk").unwrap(), b"hi");
        assert_eq!(decode_base64("aG\nVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("_-8").unwrap(), [0xFF, 0xEF]);
        assert!(decode_base64("aG Vs").is_none());
        assert!(decode_base64("a").is_none());
        assert!(decode_base64("a*==").is_none());
    }

    fn bundle(certs: &[(&[u8], &str)]) -> Bundle {
        certs
            .iter()
            .map(|(der, name)| (der.to_vec(), name.to_string()))
            .collect()
    }

    #[test]
    fn comparison_is_by_certificate_set() {
        let a = RootTrust::from([(
            "trusted_ca".to_string(),
            bundle(&[(b"one", "CN=one"), (b"two", "CN=two")]),
        )]);
        let b = RootTrust::from([(
            "trusted_ca".to_string(),
            bundle(&[(b"two", "CN=two"), (b"one", "CN=one")]),
        )]);
        let same = compare(&a, &b, "pod \"a\"", "pod \"b\"");
        assert_eq!(same.verdict, Verdict::Match);
        assert_eq!(
            same.text,
            "ROOTCA of pod \"a\" and pod \"b\" match: they can verify each other's certificates\n  \
             trusted_ca: same 2 certificates (CN=one; CN=two)\n"
        );
        let c = RootTrust::from([
            (
                "trusted_ca".to_string(),
                bundle(&[(b"one", "CN=one"), (b"three", "CN=three")]),
            ),
            (
                "SPIFFE trust domain \"td\"".to_string(),
                bundle(&[(b"one", "CN=one")]),
            ),
        ]);
        let differ = compare(&a, &c, "pod \"a\"", "pod \"c\"");
        assert_eq!(differ.verdict, Verdict::Mismatch);
        assert_eq!(
            differ.text,
            "ROOTCA of pod \"a\" and pod \"c\" differ: mTLS between them may fail\n  \
             SPIFFE trust domain \"td\": only pod \"c\" has this bundle\n  \
             trusted_ca: only pod \"a\" trusts CN=two\n  \
             trusted_ca: only pod \"c\" trusts CN=three\n"
        );
    }

    fn pod() -> &'static str {
        "pod \"p\" in namespace \"ns\""
    }

    #[test]
    fn missing_or_warming_rootca_is_an_error() {
        let none =
            br#"{"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.SecretsConfigDump"}]}"#;
        assert!(root_trust(none, pod())
            .unwrap_err()
            .message
            .contains("has no ROOTCA secret"));
        let warming =
            br#"{"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
            "dynamic_warming_secrets":[{"name":"ROOTCA","secret":{"name":"ROOTCA"}}]}]}"#;
        assert!(root_trust(warming, pod())
            .unwrap_err()
            .message
            .contains("still warming"));
        let from_file =
            br#"{"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
            "dynamic_active_secrets":[{"name":"ROOTCA","secret":{"name":"ROOTCA",
            "validation_context":{"trusted_ca":{"filename":"/etc/certs/root.pem"}}}}]}]}"#;
        assert!(root_trust(from_file, pod())
            .unwrap_err()
            .message
            .contains("read from file /etc/certs/root.pem"));
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

    fn secrets_dump(validation_context: serde_json::Value) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({"configs": [{
            "@type": "type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
            "dynamic_active_secrets": [
                {"name": "default", "secret": {"name": "default", "tls_certificate": {}}},
                {"name": "ROOTCA", "secret": {"name": "ROOTCA", "validation_context": validation_context}}
            ]
        }]}))
        .unwrap()
    }

    #[test]
    fn real_bundles_are_read_from_every_place() {
        use base64::Engine;
        let encode = |text: &str| base64::engine::general_purpose::STANDARD.encode(text);
        let (root_a, root_b) = (root_pem("Root A"), root_pem("Root B"));
        let der_of = |pem: &str| {
            Pem::iter_from_buffer(pem.as_bytes())
                .next()
                .unwrap()
                .unwrap()
                .contents
        };
        let bundle_map = serde_json::json!({"trust_domains": {"other.domain": {"keys": [
            {"use": "x509-svid", "x5c": [base64::engine::general_purpose::STANDARD.encode(der_of(&root_b))]}
        ]}}});
        let dump = secrets_dump(serde_json::json!({
            "trusted_ca": {"inline_bytes": encode(&format!("{root_a}{root_b}"))},
            "custom_validator_config": {
                "name": "envoy.tls.cert_validator.spiffe",
                "typed_config": {
                    "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.SPIFFECertValidatorConfig",
                    "trust_domains": [{"name": "cluster.local", "trust_bundle": {"inline_string": root_a}}],
                    "trust_bundles": {"inline_string": bundle_map.to_string()}
                }
            }
        }));
        let trust = root_trust(&dump, pod()).unwrap();
        let summary: Vec<(String, Vec<String>)> = trust
            .iter()
            .map(|(label, bundle)| {
                (
                    label.clone(),
                    bundle
                        .values()
                        .map(|n| n.split(" (").next().unwrap().to_string())
                        .collect(),
                )
            })
            .collect();
        let mut trusted_ca = vec!["CN=Root A".to_string(), "CN=Root B".to_string()];
        trusted_ca.sort_by_key(|n| der_of(if n.ends_with('A') { &root_a } else { &root_b }));
        assert_eq!(
            summary,
            vec![
                (
                    "SPIFFE trust domain \"cluster.local\"".to_string(),
                    vec!["CN=Root A".to_string()]
                ),
                (
                    "SPIFFE trust domain \"other.domain\"".to_string(),
                    vec!["CN=Root B".to_string()]
                ),
                ("trusted_ca".to_string(), trusted_ca),
            ]
        );
        // The same roots in another order and encoding compare equal; a rotated root does not.
        let reordered = secrets_dump(serde_json::json!({
            "trusted_ca": {"inline_string": format!("{root_b}{root_a}")}
        }));
        let only_ca =
            |t: &RootTrust| RootTrust::from([("trusted_ca".to_string(), t["trusted_ca"].clone())]);
        let verdict = compare(
            &only_ca(&trust),
            &root_trust(&reordered, pod()).unwrap(),
            "a",
            "b",
        )
        .verdict;
        assert_eq!(verdict, Verdict::Match);
        let rotated =
            secrets_dump(serde_json::json!({"trusted_ca": {"inline_string": root_pem("Root A")}}));
        let report = compare(
            &only_ca(&trust),
            &root_trust(&rotated, pod()).unwrap(),
            "a",
            "b",
        );
        assert_eq!(report.verdict, Verdict::Mismatch);
        assert_eq!(
            report.text.matches("only b trusts CN=Root A").count(),
            1,
            "{}",
            report.text
        );
    }

    /// The ROOTCA is read as `pc secret` reads a dump: the same secret in istioctl's camelCase,
    /// with its `inline_bytes` base64 unpadded and URL-safe, gives the same bundle, and
    /// `pc secret` shows the certificate from the same bytes.
    #[test]
    fn rootca_and_pc_secret_read_the_same_inputs() {
        use base64::Engine;
        let root = root_pem("Root C");
        let unpadded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&root);
        // Envoy's secrets are Anys: with the type named, the transcoder knows their fields.
        let dump = serde_json::to_vec(&serde_json::json!({"configs": [{
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
        let snake_trust = root_trust(&dump, pod()).unwrap();
        assert_eq!(root_trust(&camel, pod()).unwrap(), snake_trust);
        assert_eq!(snake_trust["trusted_ca"].len(), 1);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let doc = Document::from_bytes(camel, "camel.json".into()).unwrap();
        let mut table = Vec::new();
        crate::views::render(
            &crate::config::ViewKind::Secrets,
            &doc,
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
