//! Envoy's counters and gauges (`/stats`), for `-o wide`'s live columns.
//!
//! Envoy names a cluster's stats `cluster.<name>.<stat>` and a listener's
//! `listener.<prefix>.<stat>`, after turning every `:` of the name into `_` (its stat-name
//! sanitising; `|`, `/` and `.` stay as they are). A cluster with `alt_stat_name` is counted under
//! that name instead; a listener under its `stat_prefix`, else `<address>_<port>` of its socket
//! address (an IPv6 address in brackets, its colons sanitised too: `[__1]_80`).

use std::collections::HashMap;

use crate::error::{Error, Result};

/// The cluster stats `-o wide` shows, in the order of its columns, then the ones its HEALTH
/// column is made of.
pub const CLUSTER_STATS: [&str; 7] = [
    "upstream_rq_total",
    "upstream_rq_5xx",
    "upstream_cx_active",
    "membership_healthy",
    "membership_total",
    "membership_degraded",
    "outlier_detection.ejections_active",
];

/// The listener stats `-o wide` shows.
pub const LISTENER_STATS: [&str; 2] = ["downstream_cx_active", "downstream_cx_total"];

/// Counter and gauge values by full stat name. Histograms (`P0(...)` summaries) and text
/// readouts are left out: no view shows them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    values: HashMap<String, u64>,
}

impl Stats {
    /// Reads `/stats` as Envoy prints it: text (`name: value` lines) or `format=json`
    /// (`{"stats": [{"name": ..., "value": ...}, ...]}`), as received or saved.
    pub fn parse(bytes: &[u8], origin: &str) -> Result<Stats> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Error::malformed(format!("{origin}: stats are not UTF-8 text")))?;
        let body = text.trim_start();
        if body.starts_with('{') {
            return Stats::parse_json(body, origin);
        }
        let mut values = HashMap::new();
        for (number, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let Some((name, value)) = line.rsplit_once(": ") else {
                return Err(Error::malformed(format!(
                    "{origin}: line {} is not `name: value` as Envoy's /stats prints it",
                    number + 1
                )));
            };
            // Histogram summaries and text readouts are no numbers; they are not shown.
            if let Ok(value) = value.trim().parse::<u64>() {
                values.insert(name.to_string(), value);
            }
        }
        Ok(Stats { values })
    }

    fn parse_json(body: &str, origin: &str) -> Result<Stats> {
        #[derive(serde::Deserialize)]
        struct Dump {
            stats: Vec<serde_json::Value>,
        }
        let dump: Dump = serde_json::from_str(body).map_err(|e| {
            Error::malformed(format!(
                "{origin}: not Envoy's /stats?format=json ({{\"stats\": [...]}}): {e}"
            ))
        })?;
        let mut values = HashMap::new();
        for stat in dump.stats {
            // Histograms come as `{"histograms": ...}`; counters and gauges as name and value.
            if let (Some(name), Some(value)) = (stat["name"].as_str(), stat["value"].as_u64()) {
                values.insert(name.to_string(), value);
            }
        }
        Ok(Stats { values })
    }

    pub fn get(&self, name: &str) -> Option<u64> {
        self.values.get(name).copied()
    }

    /// `cluster.<stat name>.<stat>` for a cluster named `stat_name` (see [`cluster_stat_name`]).
    pub fn cluster(&self, stat_name: &str, stat: &str) -> Option<u64> {
        self.get(&format!("cluster.{stat_name}.{stat}"))
    }

    /// `listener.<prefix>.<stat>` for a listener counted under `prefix` (see
    /// [`listener_stat_prefix`]).
    pub fn listener(&self, prefix: &str, stat: &str) -> Option<u64> {
        self.get(&format!("listener.{prefix}.{stat}"))
    }
}

/// Envoy's stat-name sanitising: `:` becomes `_` (a NUL too, which no name here holds).
pub fn sanitize(name: &str) -> String {
    name.replace([':', '\0'], "_")
}

/// The name a cluster's stats go by: its `alt_stat_name` when set, else its name, sanitised.
pub fn cluster_stat_name(name: &str, alt_stat_name: Option<&str>) -> String {
    sanitize(alt_stat_name.filter(|a| !a.is_empty()).unwrap_or(name))
}

/// The prefix a listener's stats go by: its `stat_prefix` when set, else `<address>_<port>` of
/// its socket address (IPv6 in brackets); None for a listener without a socket address
/// (internal listeners, pipes), whose stats meshctl does not look up.
pub fn listener_stat_prefix(
    stat_prefix: Option<&str>,
    socket: Option<(&str, u32)>,
) -> Option<String> {
    if let Some(prefix) = stat_prefix.filter(|p| !p.is_empty()) {
        return Some(sanitize(prefix));
    }
    let (address, port) = socket?;
    let address = if address.contains(':') {
        format!("[{address}]")
    } else {
        address.to_string()
    };
    Some(sanitize(&format!("{address}_{port}")))
}

/// The `/stats?filter=` pattern (RE2) that selects the stats `-o wide` shows for clusters
/// whose names contain `part` (every cluster when None): only those cross the port-forward.
pub fn cluster_filter(part: Option<&str>) -> String {
    let name = match part {
        Some(part) => format!(".*{}.*", regex::escape(&sanitize(part))),
        None => ".+".to_string(),
    };
    format!("^cluster\\.{name}\\.({})$", alternatives(&CLUSTER_STATS))
}

/// The `/stats?filter=` pattern for the listener stats `-o wide` shows, of every listener.
pub fn listener_filter() -> String {
    format!("^listener\\..+\\.({})$", alternatives(&LISTENER_STATS))
}

fn alternatives(stats: &[&str]) -> String {
    stats
        .iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_json_stats_read_alike() {
        let text = "cluster.outbound|80||a.b.upstream_rq_total: 7\n\
                    cluster.httproute/default/backend/rule/0.upstream_rq_5xx: 2\n\
                    cluster.x.upstream_rq_time: P0(nan,1.0) P25(nan,1.05)\n\
                    server.version_text: \"1.40.0\"\n";
        let json = r#"{"stats":[{"name":"cluster.outbound|80||a.b.upstream_rq_total","value":7},
            {"name":"cluster.httproute/default/backend/rule/0.upstream_rq_5xx","value":2},
            {"histograms":{"supported_quantiles":[0]}}]}"#;
        for input in [text, json] {
            let stats = Stats::parse(input.as_bytes(), "stats").unwrap();
            assert_eq!(
                stats.cluster("outbound|80||a.b", "upstream_rq_total"),
                Some(7)
            );
            assert_eq!(
                stats.cluster("httproute/default/backend/rule/0", "upstream_rq_5xx"),
                Some(2)
            );
            assert_eq!(stats.cluster("x", "upstream_rq_time"), None);
        }
        let bad = Stats::parse(b"no value here\n", "s.txt").unwrap_err();
        assert!(bad.message.starts_with("s.txt: line 1 "), "{}", bad.message);
        assert!(Stats::parse(br#"{"configs": []}"#, "s.json").is_err());
    }

    #[test]
    fn names_are_sanitised_as_envoy_does() {
        assert_eq!(cluster_stat_name("a:b", None), "a_b");
        assert_eq!(cluster_stat_name("x.y", Some("alt:name")), "alt_name");
        assert_eq!(
            listener_stat_prefix(Some("outbound:10.43.0.1:5000"), None).as_deref(),
            Some("outbound_10.43.0.1_5000")
        );
        assert_eq!(
            listener_stat_prefix(None, Some(("::1", 5001))).as_deref(),
            Some("[__1]_5001")
        );
        assert_eq!(
            listener_stat_prefix(None, Some(("0.0.0.0", 80))).as_deref(),
            Some("0.0.0.0_80")
        );
        assert_eq!(listener_stat_prefix(None, None), None);
    }

    #[test]
    fn filters_are_anchored_and_escaped() {
        let re = regex::Regex::new(&cluster_filter(Some("outbound|80|"))).unwrap();
        assert!(re.is_match("cluster.outbound|80||a.b.upstream_rq_total"));
        assert!(!re.is_match("cluster.outbound|80||a.b.upstream_rq_time"));
        assert!(!re.is_match("cluster.outbound|8080||a.b.upstream_rq_total"));
        let re = regex::Regex::new(&cluster_filter(None)).unwrap();
        assert!(re.is_match("cluster.a_b.outlier_detection.ejections_active"));
        let re = regex::Regex::new(&listener_filter()).unwrap();
        assert!(re.is_match("listener.0.0.0.0_80.downstream_cx_total"));
        assert!(re.is_match("listener.[__1]_5001.downstream_cx_active"));
        assert!(!re.is_match("listener.0.0.0.0_80.downstream_cx_destroy"));
    }
}
