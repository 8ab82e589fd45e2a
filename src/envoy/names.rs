//! Istio's naming conventions, as they appear in Envoy resources.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::envoy::dump::{parse_raw, Dump, SectionKind};
use crate::error::Result;

/// Whose naming conventions a dump's resources follow. istioctl reads every name by Istio's
/// rules, and so does meshctl for an Istio proxy's dump, even where those print an empty
/// cell; a proxy that is recognisably another control plane's (Envoy Gateway, Kuma, Consul)
/// gets the raw name in those cells instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Naming {
    #[default]
    Istio,
    Other,
}

#[derive(Deserialize)]
struct Node<'a> {
    #[serde(borrow, default)]
    id: std::borrow::Cow<'a, str>,
    #[serde(borrow, default)]
    metadata: Option<HashMap<std::borrow::Cow<'a, str>, &'a RawValue>>,
}

impl Naming {
    /// From the bootstrap's node: another control plane's when the node has an id that is not
    /// Istio's `<type>~<ip>~<pod>.<namespace>~<domain>` and its metadata has no
    /// `ISTIO_VERSION`. A dump without a bootstrap section (a live view asks for its own
    /// sections only: see `of_server_info`) or without a node id is read as istioctl reads it.
    pub fn of(dump: &Dump<'_>) -> Result<Naming> {
        #[derive(Deserialize, Default)]
        struct Bootstrap<'a> {
            #[serde(borrow, default)]
            node: Option<Node<'a>>,
        }
        let Some(raw) = dump
            .section(SectionKind::Bootstrap)
            .and_then(|s| s.field("bootstrap"))
        else {
            return Ok(Naming::Istio);
        };
        let bootstrap: Bootstrap = parse_raw(raw, "the bootstrap")?;
        Ok(Naming::of_node(bootstrap.node))
    }

    /// From the node in a live proxy's `/server_info`; an answer without one is read as
    /// istioctl reads a dump.
    pub fn of_server_info(server_info: &[u8]) -> Naming {
        #[derive(Deserialize, Default)]
        struct ServerInfo<'a> {
            #[serde(borrow, default)]
            node: Option<Node<'a>>,
        }
        let info: ServerInfo = serde_json::from_slice(server_info).unwrap_or_default();
        Naming::of_node(info.node)
    }

    fn of_node(node: Option<Node>) -> Naming {
        let Some(node) = node.filter(|n| !n.id.is_empty()) else {
            return Naming::Istio;
        };
        let istio_id = node.id.split('~').count() == 4;
        let istio_metadata = node
            .metadata
            .is_some_and(|m| m.contains_key("ISTIO_VERSION"));
        if istio_id || istio_metadata {
            Naming::Istio
        } else {
            Naming::Other
        }
    }
}

/// A cluster name split the Istio way: `direction|port|subset|fqdn`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterName<'a> {
    pub direction: &'a str,
    pub port: i64,
    pub subset: &'a str,
    pub fqdn: &'a str,
}

impl<'a> ClusterName<'a> {
    /// Names with more than three `|` parts are Istio service clusters, split as istioctl's
    /// `ParseSubsetKey` splits them: at `_.` for the DNS SRV form (`outbound_.80_.v1_.host`),
    /// else at `|`. A missing separator leaves that part and the later ones empty; an FQDN that
    /// still holds a separator is empty. Anything else (PassthroughCluster, agent, ...) has no
    /// parts.
    pub fn parse(name: &'a str) -> Option<ClusterName<'a>> {
        name.split('|').nth(3)?;
        let sep = if name.starts_with("outbound_") || name.starts_with("inbound_") {
            "_."
        } else {
            "|"
        };
        let mut parsed = ClusterName {
            direction: "",
            port: 0,
            subset: "",
            fqdn: "",
        };
        let Some((direction, rest)) = name.split_once(sep) else {
            return Some(parsed);
        };
        parsed.direction = direction;
        let Some((port, rest)) = rest.split_once(sep) else {
            return Some(parsed);
        };
        parsed.port = go_atoi(port).0;
        let Some((subset, rest)) = rest.split_once(sep) else {
            return Some(parsed);
        };
        parsed.subset = subset;
        if !rest.contains(sep) {
            parsed.fqdn = rest;
        }
        Some(parsed)
    }
}

/// Go's `strconv.Atoi`: the value, and whether the text was a Go integer (an optional sign and
/// decimal digits that fit 64 bits). Like Go, a text that runs past 64 bits before any stray
/// character gives the largest or smallest value (and `false`); other failures give 0.
pub fn go_atoi(s: &str) -> (i64, bool) {
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() {
        return (0, false);
    }
    let mut magnitude: u64 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return (0, false);
        }
        match magnitude
            .checked_mul(10)
            .and_then(|m| m.checked_add(u64::from(b - b'0')))
        {
            Some(m) => magnitude = m,
            None => return (if negative { i64::MIN } else { i64::MAX }, false),
        }
    }
    if negative {
        match magnitude {
            m if m <= i64::MAX as u64 => (-(m as i64), true),
            m if m == i64::MAX as u64 + 1 => (i64::MIN, true),
            _ => (i64::MIN, false),
        }
    } else if magnitude > i64::MAX as u64 {
        (i64::MAX, false)
    } else {
        (magnitude as i64, true)
    }
}

/// What istioctl sorts cluster names by: (FQDN, subset, port, direction).
pub type ClusterKey<'a> = (&'a str, &'a str, i64, &'a str);

/// The key istioctl sorts cluster names by; a name without parts is (name, "", 0, "").
pub fn cluster_sort_key(name: &str) -> ClusterKey<'_> {
    match ClusterName::parse(name) {
        Some(n) => (n.fqdn, n.subset, n.port, n.direction),
        None => (name, "", 0, ""),
    }
}

/// Sorts items by their cluster names as istioctl's `sort.Slice` does (§ cluster key above).
/// Each name is split once, not per comparison: keys are sorted beside their items' places,
/// and the items then moved once. Keys that all differ have one sorted order whatever sorts
/// them, so Rust's sort orders them; Go's algorithm is run only when two keys tie, for the
/// order its unstable sort leaves those in.
pub fn sort_by_cluster_name<T>(items: Vec<T>, name: impl Fn(&T) -> &str) -> Vec<T> {
    let order = {
        let mut keyed: Vec<(ClusterKey, usize)> = items
            .iter()
            .enumerate()
            .map(|(i, item)| (cluster_sort_key(name(item)), i))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        if keyed.windows(2).any(|pair| pair[0].0 == pair[1].0) {
            keyed.sort_unstable_by_key(|(_, i)| *i);
            crate::gosort::slice(&mut keyed, |a, b| a.0 < b.0);
        }
        keyed.into_iter().map(|(_, i)| i).collect::<Vec<usize>>()
    };
    // In place: a second vector of big items would be a second copy of them at once.
    let mut items = items;
    apply_permutation(&mut items, order);
    items
}

/// Reorders `items` so that position `i` holds the item that was at `order[i]`, in place.
pub fn apply_permutation<T>(items: &mut [T], mut order: Vec<usize>) {
    for i in 0..items.len() {
        let mut current = i;
        while order[current] != i {
            let next = order[current];
            items.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

/// istioctl's reading of an Istio config path (`filter_metadata.istio.config`):
/// `/apis/networking.istio.io/<v>/namespaces/<ns>/<kind>/<name>` → `<name>.<ns>`, whatever the
/// version, the `namespaces` piece and the kind say; a path of that prefix in another number of
/// pieces is empty; any other text is `<unknown>`.
pub fn istio_config_ref(path: &str) -> String {
    if !path.starts_with("/apis/networking.istio.io/") {
        return "<unknown>".to_string();
    }
    let pieces: Vec<&str> = path.split('/').collect();
    match pieces.as_slice() {
        [_, _, _, _, _, namespace, _, name] => format!("{name}.{namespace}"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn istio_cluster_names_split_into_four_parts() {
        let parts =
            |name| ClusterName::parse(name).map(|n| (n.direction, n.port, n.subset, n.fqdn));
        assert_eq!(
            parts("outbound|80|v1|customers.default.svc.cluster.local"),
            Some(("outbound", 80, "v1", "customers.default.svc.cluster.local"))
        );
        assert_eq!(parts("inbound|9080||"), Some(("inbound", 9080, "", "")));
        assert_eq!(parts("PassthroughCluster"), None);
        assert_eq!(parts("a|b|c"), None);
        // Five or more parts: the FQDN still holds a separator, so it is empty.
        assert_eq!(
            parts("outbound|80|v1|a|b"),
            Some(("outbound", 80, "v1", ""))
        );
        // Signed ports, ports that are no numbers, ports beyond 64 bits.
        assert_eq!(parts("outbound|-5||a|"), Some(("outbound", -5, "", "")));
        assert_eq!(
            parts("outbound|http||a.svc"),
            Some(("outbound", 0, "", "a.svc"))
        );
        assert_eq!(
            parts("x|99999999999999999999z||a.svc"),
            Some(("x", i64::MAX, "", "a.svc"))
        );
    }

    #[test]
    fn srv_form_names_split_at_underscore_dot() {
        let n = ClusterName::parse("outbound_.80_.v1_.reviews|a|b|c").unwrap();
        assert_eq!(
            (n.direction, n.port, n.subset, n.fqdn),
            ("outbound", 80, "v1", "reviews|a|b|c")
        );
        // Separators missing: that part and all later ones are empty.
        let n = ClusterName::parse("inbound_.80|a|b|c").unwrap();
        assert_eq!(
            (n.direction, n.port, n.subset, n.fqdn),
            ("inbound", 0, "", "")
        );
        let n = ClusterName::parse("inbound_.80_.x|a|b|c").unwrap();
        assert_eq!(
            (n.direction, n.port, n.subset, n.fqdn),
            ("inbound", 80, "", "")
        );
    }

    #[test]
    fn go_atoi_agrees_with_strconv() {
        assert_eq!(go_atoi("80"), (80, true));
        assert_eq!(go_atoi("+80"), (80, true));
        assert_eq!(go_atoi("-80"), (-80, true));
        assert_eq!(go_atoi("-9223372036854775808"), (i64::MIN, true));
        assert_eq!(go_atoi("9223372036854775808"), (i64::MAX, false));
        assert_eq!(go_atoi("9223372036854775808x"), (0, false));
        assert_eq!(go_atoi("-99999999999999999999x"), (i64::MIN, false));
        for bad in ["", "+", "-", " 1", "1_0", "0x10", "1.0"] {
            assert_eq!(go_atoi(bad), (0, false), "{bad:?}");
        }
    }

    #[test]
    fn cluster_names_sort_by_fqdn_subset_port_direction() {
        let names = [
            "outbound|80|v1|b.svc",
            "inbound|80||b.svc",
            "PassthroughCluster",
            "outbound|443||a.svc",
            "outbound|80||b.svc",
            "agent",
        ];
        let sorted = sort_by_cluster_name(names.to_vec(), |n| n);
        // Byte order of the fqdn first: upper case before lower case, "agent" before "b.svc".
        assert_eq!(
            sorted,
            [
                "PassthroughCluster",
                "outbound|443||a.svc",
                "agent",
                "inbound|80||b.svc",
                "outbound|80||b.svc",
                "outbound|80|v1|b.svc",
            ]
        );
    }

    #[test]
    fn istio_config_paths_name_the_object() {
        let p = "/apis/networking.istio.io/v1alpha3/namespaces/default/destination-rule/customers";
        assert_eq!(istio_config_ref(p), "customers.default");
        // Pieces 4 and 6 are not read.
        let p = "/apis/networking.istio.io/v1/x/default/anything/customers";
        assert_eq!(istio_config_ref(p), "customers.default");
        // The prefix with another number of pieces: empty.
        assert_eq!(istio_config_ref("/apis/networking.istio.io/v1/a"), "");
        assert_eq!(
            istio_config_ref("/apis/networking.istio.io/v1/a/b/c/d/e/f"),
            ""
        );
        for other in [
            "something else",
            "",
            "/apis/security.istio.io/v1/namespaces/a/b/c",
        ] {
            assert_eq!(istio_config_ref(other), "<unknown>");
        }
    }
}
