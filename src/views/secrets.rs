//! `pc secrets`: SDS secrets and the certificates inside them.

use std::io::Write;

use crate::config::Format;
use crate::envoy::dump::{without_position, Dump, NoLists, SectionKind};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{
    first_pem_block, parse_certificate, Secret, SecretEntry, SpiffeConfig,
};
use crate::error::{Error, Result};
use crate::render::{self, table::Table, Shape};

/// What the table shows of one certificate.
pub struct CertRow {
    pub name: String,
    /// `CA`, `Cert Chain`, or empty when there is no certificate to read.
    pub kind: &'static str,
    pub state: &'static str,
    pub valid: bool,
    pub serial: String,
    pub not_after: String,
    pub not_before: String,
    pub trust_domain: String,
}

/// What a secrets section gives to show: rows, or the reason there is no table.
pub struct SecretRows {
    /// Whether either dynamic list holds an entry at all.
    pub listed: bool,
    pub rows: Vec<CertRow>,
}

pub const NO_SECRETS: &str = "No active or warming secrets found.";
pub const NO_ROWS: &str = "No secret items to show.";

/// What a certificate says about itself.
struct Certificate {
    ca: bool,
    not_before: i64,
    not_after: i64,
    serial: String,
    /// The host of its last `spiffe://` URI SAN.
    spiffe_domain: String,
}

/// The data's first PEM block read as an X.509 certificate; `None` when there is none to read.
fn read_certificate(data: &[u8]) -> Option<Certificate> {
    let der = first_pem_block(data)?;
    let cert = parse_certificate(&der).ok()?;
    let ca = match cert.basic_constraints() {
        Ok(constraints) => constraints.is_some_and(|c| c.value.ca),
        Err(_) => return None,
    };
    let uris: Vec<&str> = match cert.subject_alternative_name() {
        Ok(names) => names
            .into_iter()
            .flat_map(|san| san.value.general_names.iter())
            .filter_map(|name| match name {
                x509_parser::extensions::GeneralName::URI(uri) => Some(*uri),
                _ => None,
            })
            .collect(),
        Err(_) => return None,
    };
    let spiffe_domain = uris
        .iter()
        .rev()
        .find_map(|uri| spiffe_host(uri))
        .unwrap_or_default()
        .to_string();
    let validity = cert.validity();
    Some(Certificate {
        ca,
        not_before: validity.not_before.timestamp(),
        not_after: validity.not_after.timestamp(),
        serial: format!("{:032x}", cert.serial),
        spiffe_domain,
    })
}

/// The host of a URI whose scheme is `spiffe` in any case (as a URL parser lower-cases
/// schemes); `None` for another scheme. A URI without `//` has an empty host.
fn spiffe_host(uri: &str) -> Option<&str> {
    let (scheme, rest) = uri.split_once(':')?;
    if !scheme.eq_ignore_ascii_case("spiffe") {
        return None;
    }
    let rest = rest.split(['#', '?']).next().unwrap_or_default();
    let Some(authority) = rest.strip_prefix("//") else {
        return Some("");
    };
    let authority = authority.split('/').next().unwrap_or_default();
    Some(authority.rsplit('@').next().unwrap_or_default())
}

fn rfc3339(ts: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(ts)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// A row of `name` showing the certificate in `data`; `trust_domain` is a SPIFFE validator's
/// name for the bundle, empty otherwise.
fn row(name: &str, state: &'static str, data: &[u8], now: i64, trust_domain: &str) -> CertRow {
    let mut row = CertRow {
        name: name.to_string(),
        kind: "",
        state,
        valid: false,
        serial: String::new(),
        not_after: String::new(),
        not_before: String::new(),
        trust_domain: String::new(),
    };
    if let Some(cert) = read_certificate(data) {
        row.kind = if cert.ca { "CA" } else { "Cert Chain" };
        row.valid = cert.not_before < now && now < cert.not_after;
        row.serial = cert.serial;
        row.not_after = rfc3339(cert.not_after);
        row.not_before = rfc3339(cert.not_before);
        row.trust_domain = if trust_domain.is_empty() {
            cert.spiffe_domain
        } else {
            trust_domain.to_string()
        };
    }
    row
}

/// istioctl's error for a secret it cannot read; it says `warming` whichever list the secret is in.
fn unreadable(name: &str, reason: impl std::fmt::Display) -> Error {
    Error::input(format!("failed building warming secret {name}: {reason}"))
}

/// The rows of the dynamic secrets: warming ones, then active ones, each in dump order.
pub fn rows(dump: &Dump, now: i64) -> Result<SecretRows> {
    let section = dump.require(SectionKind::Secrets)?;
    let mut listed = false;
    let mut out = Vec::new();
    for (field, state) in [
        ("dynamic_warming_secrets", "WARMING"),
        ("dynamic_active_secrets", "ACTIVE"),
    ] {
        for entry in section.list::<SecretEntry>(field)? {
            listed = true;
            let name = entry.name.as_ref();
            let raw = entry
                .secret
                .filter(|raw| raw.get() != "null")
                .ok_or_else(|| unreadable(name, "the entry has no secret"))?;
            let secret: Secret = serde_json::from_str(raw.get())
                .map_err(|e| unreadable(name, without_position(&e)))?;
            // Both are decoded, as istioctl decodes the whole secret, before the first that
            // holds data is taken.
            let sources = [
                secret
                    .tls_certificate
                    .as_ref()
                    .and_then(|t| t.certificate_chain.as_ref()),
                secret
                    .validation_context
                    .as_ref()
                    .and_then(|v| v.trusted_ca.as_ref()),
            ];
            let mut data = Vec::new();
            for source in sources.into_iter().flatten() {
                let bytes = source.data().map_err(|e| unreadable(name, e))?;
                if data.is_empty() {
                    data = bytes;
                }
            }
            let spiffe = secret
                .validation_context
                .as_ref()
                .and_then(|v| v.spiffe_validator());
            match spiffe {
                Some(raw) if data.is_empty() => {
                    let config: SpiffeConfig = serde_json::from_str(raw.get()).map_err(|e| {
                        unreadable(
                            name,
                            format!("error unmarshaling spiffe config: {}", without_position(&e)),
                        )
                    })?;
                    for domain in &config.trust_domains {
                        let data = match &domain.trust_bundle {
                            Some(bundle) => bundle.data().map_err(|e| {
                                unreadable(name, format!("error unmarshaling spiffe config: {e}"))
                            })?,
                            None => Vec::new(),
                        };
                        out.push(row(&secret.name, state, &data, now, &domain.name));
                    }
                }
                _ => out.push(row(name, state, &data, now, "")),
            }
        }
    }
    Ok(SecretRows { listed, rows: out })
}

/// The secrets table, or istioctl's sentence in its place; `prefix` goes before each name
/// (`secret/` in `all`).
pub fn table(secrets: &SecretRows, prefix: Option<&str>) -> Table<'static> {
    let mut t = Table::new(5);
    if !secrets.listed || secrets.rows.is_empty() {
        t.row([if secrets.listed { NO_ROWS } else { NO_SECRETS }]);
        return t;
    }
    let rows = &secrets.rows;
    let with_domain = rows.iter().all(|r| !r.trust_domain.is_empty());
    let mut header = vec![
        "RESOURCE NAME",
        "TYPE",
        "STATUS",
        "VALID CERT",
        "SERIAL NUMBER",
        "NOT AFTER",
        "NOT BEFORE",
    ];
    if with_domain {
        header.push("TRUST DOMAIN");
    }
    let mut t = t.header(&header);
    for r in rows {
        let mut cells = vec![
            format!("{}{}", prefix.unwrap_or(""), r.name),
            r.kind.to_string(),
            r.state.to_string(),
            r.valid.to_string(),
            r.serial.clone(),
            r.not_after.clone(),
            r.not_before.clone(),
        ];
        if with_domain {
            cells.push(r.trust_domain.clone());
        }
        t.row(cells);
    }
    t
}

pub fn run(src: &DumpReader, format: Format, now: i64, out: &mut dyn Write) -> Result<()> {
    let dump = &src.dump(&mut NoLists)?;
    if format.is_table() {
        table(&rows(dump, now)?, None).write(out)?;
        return Ok(());
    }
    let section = dump.require(SectionKind::Secrets).map_err(|e| {
        Error::new(
            e.kind,
            format!("sidecar doesn't support secrets: {}", e.message),
        )
    })?;
    render::write_document(out, format, Shape::Packed, &section.to_json())
}

/// Printing rules no real Envoy config reaches (odd certificates and secrets), on small dumps
/// written here; the fixtures' secrets are in `tests/testsuite/views_tables.rs`.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::envoy::dump::Want;
    use base64::Engine;
    use rcgen::{CertificateParams, IsCa, KeyPair, SanType, SerialNumber};
    use serde_json::json;

    /// 2025-06-15T00:00:00Z.
    const NOW: i64 = 1_749_945_600;

    fn params(serial: &[u8]) -> CertificateParams {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.serial_number = Some(SerialNumber::from_slice(serial));
        params.not_before = rcgen::date_time_ymd(2024, 1, 1);
        params.not_after = rcgen::date_time_ymd(2124, 1, 1);
        params
    }

    fn der(params: CertificateParams) -> Vec<u8> {
        let key = KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().der().to_vec()
    }

    fn pem(label: &str, der: &[u8]) -> String {
        let body = base64::engine::general_purpose::STANDARD.encode(der);
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        format!(
            "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
            lines.join("\n")
        )
    }

    fn cert_pem(params: CertificateParams) -> String {
        pem("CERTIFICATE", &der(params))
    }

    fn with_uris(uris: &[&str]) -> CertificateParams {
        let mut p = params(&[0x42]);
        p.subject_alt_names = uris
            .iter()
            .map(|u| SanType::URI((*u).try_into().unwrap()))
            .collect();
        p
    }

    fn bytes(text: &str) -> serde_json::Value {
        json!({ "inline_bytes": base64::engine::general_purpose::STANDARD.encode(text) })
    }

    /// The rows of active secrets `{name, secret}` at `NOW`.
    fn rows_of(active: serde_json::Value) -> Result<SecretRows> {
        let dump = json!({"configs": [{
            "@type": "type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
            "dynamic_active_secrets": active
        }]})
        .to_string();
        let dump = Dump::parse(&dump, 0, Want::none().with(SectionKind::Secrets))?;
        rows(&dump, NOW)
    }

    /// The one row of a secret holding `chain` as its certificate chain.
    fn chain_row(chain: &str) -> CertRow {
        let secret = json!({"name": "s", "tls_certificate": {"certificate_chain": bytes(chain)}});
        let mut rows = rows_of(json!([{ "name": "s", "secret": secret }]))
            .unwrap()
            .rows;
        assert_eq!(rows.len(), 1);
        rows.remove(0)
    }

    fn unread(row: &CertRow) -> bool {
        row.kind.is_empty()
            && !row.valid
            && row.serial.is_empty()
            && row.not_after.is_empty()
            && row.not_before.is_empty()
            && row.trust_domain.is_empty()
    }

    #[test]
    fn serial_is_lower_case_hex_at_least_32_digits() {
        assert_eq!(
            chain_row(&cert_pem(params(&[0x01]))).serial,
            "00000000000000000000000000000001"
        );
        let twenty = [0x7a; 20];
        assert_eq!(
            chain_row(&cert_pem(params(&twenty))).serial,
            "7a".repeat(20)
        );
        // A leading zero byte keeps a high first digit positive.
        assert_eq!(
            chain_row(&cert_pem(params(&[0xab, 0xcd]))).serial,
            "0000000000000000000000000000abcd"
        );
    }

    #[test]
    fn a_negative_serial_makes_the_certificate_unreadable() {
        let positive = der(params(&[0x7f, 0x11, 0x22, 0x33]));
        let at = positive
            .windows(6)
            .position(|w| w == [0x02, 0x04, 0x7f, 0x11, 0x22, 0x33])
            .unwrap();
        let mut negative = positive.clone();
        negative[at + 2] = 0xff;
        assert!(!unread(&chain_row(&pem("CERTIFICATE", &positive))));
        let row = chain_row(&pem("CERTIFICATE", &negative));
        assert!(unread(&row), "{:?}", row.serial);
    }

    #[test]
    fn type_is_ca_only_when_basic_constraints_say_so() {
        let mut ca = params(&[1]);
        ca.is_ca = IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let mut explicit_no = params(&[2]);
        explicit_no.is_ca = IsCa::ExplicitNoCa;
        assert_eq!(chain_row(&cert_pem(ca)).kind, "CA");
        assert_eq!(chain_row(&cert_pem(explicit_no)).kind, "Cert Chain");
        // No basic constraints at all.
        assert_eq!(chain_row(&cert_pem(params(&[3]))).kind, "Cert Chain");
    }

    #[test]
    fn dates_are_rfc3339_utc_to_the_second_and_validity_is_strict() {
        let mut p = params(&[1]);
        p.not_before = rcgen::date_time_ymd(2023, 5, 16) + time::Duration::seconds(5572);
        p.not_after = time::OffsetDateTime::from_unix_timestamp(NOW).unwrap();
        let row = chain_row(&cert_pem(p));
        assert_eq!(row.not_before, "2023-05-16T01:32:52Z");
        assert_eq!(row.not_after, "2025-06-15T00:00:00Z");
        assert!(!row.valid, "not after now, so not valid");
        assert!(chain_row(&cert_pem(params(&[1]))).valid);
    }

    /// The host of the last `spiffe` URI SAN, whatever the scheme's case.
    #[test]
    fn trust_domain_is_the_last_spiffe_uri_host() {
        let domain = |uris: &[&str]| chain_row(&cert_pem(with_uris(uris))).trust_domain;
        assert_eq!(domain(&["spiffe://td.example/ns/a/sa/b"]), "td.example");
        assert_eq!(
            domain(&[
                "spiffe://first.example/x",
                "https://other.example/",
                "SPIFFE://Second.Example/ns/x",
                "urn:example:x",
            ]),
            "Second.Example"
        );
        assert_eq!(domain(&["https://td.example/"]), "");
        assert_eq!(domain(&[]), "");
    }

    /// Go's PEM reader: the first block whatever its label; text around blocks and blocks that
    /// do not decode are skipped.
    #[test]
    fn the_first_pem_block_is_read_whatever_its_label() {
        let cert = der(params(&[0x05]));
        let trusted = format!("junk before\n{}", pem("TRUSTED CERTIFICATE", &cert));
        assert_eq!(chain_row(&trusted).serial, format!("{:0>32}", "5"));
        let broken = "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n";
        let after_broken = format!("{broken}{}", pem("CERTIFICATE", &cert));
        assert_eq!(chain_row(&after_broken).serial, format!("{:0>32}", "5"));
        // A first block that is not a certificate: the certificate after it is not read.
        let key_first = format!(
            "{}{}",
            pem("EC PRIVATE KEY", b"key"),
            pem("CERTIFICATE", &cert)
        );
        assert!(unread(&chain_row(&key_first)));
        assert!(unread(&chain_row("no PEM here")));
    }

    #[test]
    fn data_is_the_chain_then_the_trusted_ca_and_inline_string_stands_in_for_empty_bytes() {
        let (a, b) = (cert_pem(params(&[0x0a])), cert_pem(params(&[0x0b])));
        let serial_of = |secret: serde_json::Value| {
            let rows = rows_of(json!([{ "name": "s", "secret": secret }]))
                .unwrap()
                .rows;
            assert_eq!(rows.len(), 1);
            rows[0].serial.trim_start_matches('0').to_string()
        };
        let context = json!({"trusted_ca": {"inline_string": b}});
        assert_eq!(
            serial_of(
                json!({"tls_certificate": {"certificate_chain": bytes(&a)}, "validation_context": context})
            ),
            "a"
        );
        assert_eq!(
            serial_of(
                json!({"tls_certificate": {"certificate_chain": {"inline_bytes": ""}}, "validation_context": context})
            ),
            "b"
        );
        assert_eq!(
            serial_of(
                json!({"validation_context": {"trusted_ca": {"inline_bytes": "", "inline_string": a}}})
            ),
            "a"
        );
        let both = json!({"inline_bytes": bytes(&a)["inline_bytes"], "inline_string": b});
        assert_eq!(
            serial_of(json!({"validation_context": {"trusted_ca": both}})),
            "a"
        );
        // A file is not read: a row without a certificate.
        let from_file =
            json!({"tls_certificate": {"certificate_chain": {"filename": "/etc/certs/chain.pem"}}});
        let rows = rows_of(json!([{ "name": "s", "secret": from_file }]))
            .unwrap()
            .rows;
        assert!(unread(&rows[0]));
    }

    #[test]
    fn spiffe_rows_use_the_domain_name_else_the_certificates_uri() {
        let spiffe = |domains: serde_json::Value| {
            json!([{ "name": "entry", "secret": {"name": "inner", "validation_context": {
                "custom_validator_config": {"name": "envoy.tls.cert_validator.spiffe", "typed_config": {
                    "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.SPIFFECertValidatorConfig",
                    "trust_domains": domains
                }}
            }}}])
        };
        let with_uri = cert_pem(with_uris(&["spiffe://from-uri.example/x"]));
        let rows = rows_of(spiffe(json!([
            {"name": "named.example", "trust_bundle": bytes(&with_uri)},
            {"name": "", "trust_bundle": {"inline_string": with_uri}},
            {"name": "unread.example", "trust_bundle": {"inline_string": "no PEM"}}
        ])))
        .unwrap();
        let seen: Vec<(&str, &str)> = rows
            .rows
            .iter()
            .map(|r| (r.name.as_str(), r.trust_domain.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("inner", "named.example"),
                ("inner", "from-uri.example"),
                ("inner", "")
            ]
        );
        assert!(rows.listed);
        let none = rows_of(spiffe(json!([]))).unwrap();
        assert!(none.listed && none.rows.is_empty());
    }

    #[test]
    fn the_sentences_take_the_tables_place() {
        let text = |rows: &SecretRows, prefix| {
            let mut out = Vec::new();
            table(rows, prefix).write(&mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let none = SecretRows {
            listed: false,
            rows: Vec::new(),
        };
        assert_eq!(text(&none, None), "No active or warming secrets found.\n");
        let empty = SecretRows {
            listed: true,
            rows: Vec::new(),
        };
        assert_eq!(text(&empty, Some("secret/")), "No secret items to show.\n");
    }

    #[test]
    fn bad_base64_fails_naming_the_secret() {
        let secret = json!({"tls_certificate": {"certificate_chain": {"inline_bytes": "a*=="}}});
        let e = rows_of(json!([{ "name": "s", "secret": secret }]))
            .err()
            .unwrap();
        assert_eq!(
            e.message,
            "failed building warming secret s: inline_bytes is not base64"
        );
        assert_eq!(e.code(), crate::error::Exit::Input);
    }
}
