//! `pc secrets`: SDS secrets and the certificates inside them.

use std::io::Write;

use crate::config::Format;
use crate::envoy::dump::{parse_raw, Dump, NoLists, SectionKind};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{DataSource, SecretEntry, SpiffeConfig, SPIFFE_VALIDATOR};
use crate::error::Result;
use crate::render::{self, table::Table, Shape};

/// What the table shows of one certificate.
pub struct CertRow {
    pub name: String,
    pub kind: &'static str,
    pub state: &'static str,
    pub valid: Option<bool>,
    pub serial: String,
    pub not_after: String,
    pub not_before: String,
    pub trust_domain: Option<String>,
}

/// The first certificate of a PEM bundle, described; `None` when there is none to read.
fn describe_first_cert(pem_bytes: &[u8], now: i64) -> Option<(bool, String, String, String)> {
    let (_, pem) = x509_parser::pem::parse_x509_pem(pem_bytes).ok()?;
    let cert = pem.parse_x509().ok()?;
    let validity = cert.validity();
    let (nb, na) = (
        validity.not_before.timestamp(),
        validity.not_after.timestamp(),
    );
    Some((
        nb <= now && now <= na,
        format!("{:032x}", cert.serial),
        rfc3339(na),
        rfc3339(nb),
    ))
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

pub fn rows(dump: &Dump, now: i64) -> Result<Vec<CertRow>> {
    let section = dump.require(SectionKind::Secrets)?;
    let mut out = Vec::new();
    for (field, state) in [
        ("dynamic_warming_secrets", "WARMING"),
        ("dynamic_active_secrets", "ACTIVE"),
    ] {
        for w in section.list::<SecretEntry>(field)? {
            let secret = w.secret.unwrap_or_default();
            let mut push =
                |kind: &'static str, source: Option<&DataSource>, trust_domain: Option<String>| {
                    let described = source
                        .and_then(|s| s.bytes())
                        .and_then(|b| describe_first_cert(&b, now));
                    let (valid, serial, not_after, not_before) = match described {
                        Some((v, s, a, b)) => (Some(v), s, a, b),
                        None => (None, String::new(), String::new(), String::new()),
                    };
                    out.push(CertRow {
                        name: w.name.to_string(),
                        kind,
                        state,
                        valid,
                        serial,
                        not_after,
                        not_before,
                        trust_domain,
                    });
                };
            if let Some(tls) = &secret.tls_certificate {
                push("Cert Chain", tls.certificate_chain.as_ref(), None);
            }
            if let Some(vc) = &secret.validation_context {
                let spiffe: Option<SpiffeConfig> = vc
                    .custom_validator_config
                    .as_ref()
                    .filter(|c| c.config_type().as_deref() == Some(SPIFFE_VALIDATOR))
                    .and_then(|c| c.typed_config)
                    .map(|raw| parse_raw(raw, "a SPIFFE validator config"))
                    .transpose()?;
                match spiffe {
                    Some(cfg) => {
                        for td in &cfg.trust_domains {
                            push("CA", td.trust_bundle.as_ref(), Some(td.name.to_string()));
                        }
                    }
                    None => push("CA", vc.trusted_ca.as_ref(), None),
                }
            }
            if secret.tls_certificate.is_none() && secret.validation_context.is_none() {
                // A secret that never arrived (warming) has nothing to describe but is listed.
                push("", None, None);
            }
        }
    }
    Ok(out)
}

pub fn table(rows: &[CertRow], kind_prefix: Option<&str>) -> Table<'static> {
    let with_domain = !rows.is_empty() && rows.iter().all(|r| r.trust_domain.is_some());
    let mut header = vec![
        if kind_prefix.is_some() {
            "NAME"
        } else {
            "RESOURCE NAME"
        },
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
    let mut t = Table::new(5).header(&header);
    for r in rows {
        let mut row = vec![
            format!("{}{}", kind_prefix.unwrap_or(""), r.name),
            r.kind.to_string(),
            r.state.to_string(),
            r.valid.map_or("false".to_string(), |v| v.to_string()),
            r.serial.clone(),
            r.not_after.clone(),
            r.not_before.clone(),
        ];
        if with_domain {
            row.push(r.trust_domain.clone().unwrap_or_default());
        }
        t.row(row);
    }
    t
}

pub fn run(src: &DumpReader, format: Format, now: i64, out: &mut dyn Write) -> Result<()> {
    let dump = &src.dump(&mut NoLists)?;
    if format.is_table() {
        let rows = rows(dump, now)?;
        if rows.is_empty() {
            out.write_all(b"No active or warming secrets found.\n")?;
            return Ok(());
        }
        table(&rows, None).write(out)?;
        return Ok(());
    }
    let section = dump.require(SectionKind::Secrets)?;
    render::write_document(out, format, Shape::Packed, &section.to_json())
}
