//! `pc listener --waypoint`: an ambient waypoint's listeners as istioctl shows them, one row per
//! filter chain and per path through the listener's unified `filter_chain_matcher` that selects
//! the chain (`ip=10.96.0.1 -> port=80`).

use std::collections::BTreeMap;
use std::io::Write;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::envoy::dump::{parse_raw, NoLists};
use crate::envoy::reader::DumpReader;
use crate::envoy::resources::{
    CidrRange, FilterChain, IpMatcher, Matcher, OnMatch, Str, IP_MATCHER_TYPE,
};
use crate::error::{Error, Result};
use crate::render::table::Table;
use crate::views::listeners::{
    self, describe_chain_match, describe_destination, listener_type, main_address,
};

/// The listener fields this view reads beyond `Listener`'s.
#[derive(Deserialize)]
struct WaypointFields<'a> {
    /// Set (even `{}`) on an internal listener; only its presence matters.
    #[serde(borrow, default)]
    internal_listener: Option<&'a RawValue>,
    #[serde(borrow, default)]
    filter_chain_matcher: Option<Matcher<'a>>,
}

#[derive(Deserialize)]
struct TypeUrl<'a> {
    #[serde(borrow, default, rename = "@type")]
    type_url: Str<'a>,
}

/// Whether `on` is an action naming `chain`.
fn is_action_for(on: &OnMatch, chain: &str) -> bool {
    on.action.as_ref().is_some_and(|a| a.name == chain)
}

/// `10.0.0.0/8`; a single address (`/32`, `/128`) without its length.
fn cidr(range: &CidrRange) -> String {
    match range.prefix_len.unwrap_or(0) {
        32 | 128 => range.address_prefix.to_string(),
        len => format!("{}/{len}", range.address_prefix),
    }
}

/// The match strings of `chain` under the listener's matcher `top`: `UNMATCHED` when the
/// matcher's fallback picks it, else the paths that lead to it, else `NONE`.
fn chain_matches(top: &Matcher, chain: &str) -> Result<Vec<String>> {
    if let Some(fallback) = &top.on_no_match {
        if is_action_for(fallback, chain) {
            return Ok(vec!["UNMATCHED".into()]);
        }
    }
    let found = walk(top, chain)?;
    Ok(if found.is_empty() {
        vec!["NONE".into()]
    } else {
        found
    })
}

/// The paths through `m` that end in an action naming `chain`. A fallback (`on_no_match`) that
/// names the chain is `ANY`; a fallback that is a matcher is walked instead of `m`'s own tree,
/// as istioctl does.
fn walk(m: &Matcher, chain: &str) -> Result<Vec<String>> {
    if let Some(fallback) = &m.on_no_match {
        if is_action_for(fallback, chain) {
            return Ok(vec!["ANY".into()]);
        }
        if let Some(nested) = &fallback.matcher {
            let found = walk(nested, chain)?;
            return Ok(if found.is_empty() {
                vec!["NONE".into()]
            } else {
                found
            });
        }
    }
    // A matcher_list has no keys to show: it gives nothing.
    let Some(tree) = &m.matcher_tree else {
        return Ok(Vec::new());
    };
    let input = tree.input.as_ref().map(|i| i.name.as_ref()).unwrap_or("");
    let mut found = Vec::new();
    let mut follow = |text: String, on_match: &OnMatch| -> Result<()> {
        if is_action_for(on_match, chain) {
            found.push(text);
        } else if let Some(nested) = &on_match.matcher {
            for s in walk(nested, chain)? {
                found.push(format!("{text} -> {s}"));
            }
        }
        Ok(())
    };
    if let Some(exact) = &tree.exact_match_map {
        for (key, on_match) in &exact.map {
            follow(format!("{input}={key}"), on_match)?;
        }
    } else if let Some(prefix) = &tree.prefix_match_map {
        for (key, on_match) in &prefix.map {
            follow(format!("{input}^{key}"), on_match)?;
        }
    } else if let Some(custom) = &tree.custom_match {
        let type_url = match custom.typed_config {
            Some(raw) => parse_raw::<TypeUrl>(raw, "a custom matcher")?.type_url,
            None => Str::default(),
        };
        if type_url != IP_MATCHER_TYPE {
            return Err(Error::input(format!(
                "filter_chain_matcher: custom matcher {type_url:?} cannot be shown; \
                 only {IP_MATCHER_TYPE} can"
            )));
        }
        let ip: IpMatcher = match custom.typed_config {
            Some(raw) => parse_raw(raw, "an IPMatcher")?,
            None => IpMatcher::default(),
        };
        // One entry per CIDR: a later range with the same CIDR replaces the earlier.
        let mut by_cidr: BTreeMap<String, Option<&OnMatch>> = BTreeMap::new();
        for range_matcher in &ip.range_matchers {
            for range in &range_matcher.ranges {
                by_cidr.insert(cidr(range), range_matcher.on_match.as_ref());
            }
        }
        for (key, on_match) in by_cidr {
            if let Some(on_match) = on_match {
                follow(format!("{input}={key}"), on_match)?;
            }
        }
    }
    Ok(found)
}

/// A listener with what sorting it needs, computed once.
struct Listed<'a> {
    entry: listeners::Entry<'a>,
    fields: WaypointFields<'a>,
    port: u32,
    address: String,
    kind: &'static str,
}

impl Listed<'_> {
    fn internal(&self) -> bool {
        self.fields.internal_listener.is_some()
    }
}

/// istioctl's order: internal listeners by name among themselves, any other pair as the
/// listener table orders them (port, main address, TYPE).
fn less(a: &Listed, b: &Listed) -> bool {
    if a.internal() && b.internal() {
        return a.entry.listener.name < b.entry.listener.name;
    }
    (a.port, &a.address, a.kind) < (b.port, &b.address, b.kind)
}

/// `internal` for an internal listener whose one chain is named after it, else its address.
fn listener_label(l: &Listed) -> String {
    let name = &l.entry.listener.name;
    let own = format!("envoy://{name}");
    let mut chains = l.entry.listener.chains();
    let only_chain_is_own = matches!(
        (chains.next(), chains.next()),
        (Some(chain), None) if chain.name == own
    );
    if l.internal() && only_chain_is_own {
        "internal".to_string()
    } else {
        own
    }
}

fn chain_rows(l: &Listed, chain: &FilterChain, t: &mut Table) -> Result<()> {
    let matches = match &l.fields.filter_chain_matcher {
        Some(top) => chain_matches(top, &chain.name)
            .map_err(|e| e.prefixed(&format!("listener {}: ", l.entry.listener.name)))?,
        None => vec![describe_chain_match(chain.filter_chain_match.as_ref())],
    };
    let destination = describe_destination(chain);
    let label = listener_label(l);
    for m in matches {
        t.row([
            label.clone(),
            chain.name.to_string(),
            m,
            destination.clone(),
        ]);
    }
    Ok(())
}

/// Prints the table whatever the format: istioctl's `--waypoint` has no JSON or YAML form.
pub fn run(src: &DumpReader, out: &mut dyn Write) -> Result<()> {
    let dump = &src.dump(&mut NoLists)?;
    // A missing section is reported as by every listener output (`listener dump: ...`).
    let mut listed = Vec::new();
    for entry in listeners::entries(dump, false)? {
        let fields: WaypointFields = parse_raw(entry.raw, "a listener")?;
        listed.push(Listed {
            port: listeners::port(&entry.listener),
            address: main_address(&entry.listener),
            kind: listener_type(&entry.listener),
            entry,
            fields,
        });
    }
    if listed.is_empty() {
        return Err(Error::input("no listeners found"));
    }
    // `less` is no strict weak order (internal listeners compare by name, others by port):
    // Go's own algorithm decides what it makes of it.
    crate::gosort::slice(&mut listed, less);
    let mut t = Table::new(1).header(&["LISTENER", "CHAIN", "MATCH", "DESTINATION"]);
    for l in &listed {
        for chain in l.entry.listener.chains() {
            chain_rows(l, chain, &mut t)?;
        }
    }
    t.write(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envoy::dump::SectionKind;
    use serde_json::json;

    fn matcher(value: serde_json::Value) -> String {
        value.to_string()
    }

    /// The match strings of `chain` under the matcher given as JSON.
    fn matches(top: &str, chain: &str) -> Result<Vec<String>> {
        let m: Matcher = serde_json::from_str(top).expect("a matcher");
        chain_matches(&m, chain)
    }

    fn action(chain: &str) -> serde_json::Value {
        json!({"action": {"name": chain, "typed_config": {
            "@type": "type.googleapis.com/google.protobuf.StringValue", "value": chain}}})
    }

    fn input(name: &str) -> serde_json::Value {
        json!({"name": name, "typed_config": {"@type":
            "type.googleapis.com/envoy.extensions.matching.common_inputs.network.v3.DestinationPortInput"}})
    }

    fn exact(name: &str, map: serde_json::Value) -> serde_json::Value {
        json!({"matcher_tree": {"input": input(name), "exact_match_map": {"map": map}}})
    }

    #[test]
    fn the_top_fallback_naming_the_chain_is_unmatched_and_its_tree_is_unread() {
        let mut top = exact("port", json!({"80": action("a")}));
        top["on_no_match"] = action("a");
        assert_eq!(matches(&matcher(top.clone()), "a").unwrap(), ["UNMATCHED"]);
        // Another chain's fallback: the tree is read.
        assert_eq!(matches(&matcher(top), "b").unwrap(), ["NONE"]);
    }

    #[test]
    fn exact_keys_in_byte_order_and_nested_paths_joined_with_arrows() {
        let top = exact(
            "ip",
            json!({
                "10.0.0.9": {"matcher": exact("port", json!({"8080": action("a"), "80": action("a")}))},
                "10.0.0.10": action("a"),
                "10.0.0.11": action("b"),
            }),
        );
        assert_eq!(
            matches(&matcher(top), "a").unwrap(),
            [
                "ip=10.0.0.10",
                "ip=10.0.0.9 -> port=80",
                "ip=10.0.0.9 -> port=8080"
            ]
        );
    }

    #[test]
    fn a_nested_fallback_naming_the_chain_is_any() {
        let mut ports = exact("port", json!({"80": action("a")}));
        ports["on_no_match"] = action("b");
        let top = exact("ip", json!({"10.0.0.1": {"matcher": ports}}));
        assert_eq!(
            matches(&matcher(top.clone()), "b").unwrap(),
            ["ip=10.0.0.1 -> ANY"]
        );
        assert_eq!(
            matches(&matcher(top), "a").unwrap(),
            ["ip=10.0.0.1 -> port=80"]
        );
    }

    #[test]
    fn a_chain_no_path_reaches_is_none() {
        let top = exact("port", json!({"80": action("a")}));
        assert_eq!(matches(&matcher(top), "elsewhere").unwrap(), ["NONE"]);
    }

    /// A fallback that is a matcher replaces the tree it stands beside: at the top and below,
    /// a walk that finds nothing there is `NONE`.
    #[test]
    fn a_fallback_matcher_is_walked_instead_of_the_tree_and_none_when_empty() {
        let mut top = exact("port", json!({"80": action("a")}));
        top["on_no_match"] = json!({"matcher": exact("ip", json!({"10.0.0.1": action("b")}))});
        let top = matcher(top);
        assert_eq!(matches(&top, "b").unwrap(), ["ip=10.0.0.1"]);
        // The tree beside the fallback is not read, so port 80 does not lead to `a`.
        assert_eq!(matches(&top, "a").unwrap(), ["NONE"]);

        let mut inner = exact("port", json!({"80": action("a")}));
        inner["on_no_match"] = json!({"matcher": exact("ip", json!({"10.0.0.2": action("b")}))});
        let nested = matcher(exact("sni", json!({"x.com": {"matcher": inner}})));
        assert_eq!(matches(&nested, "b").unwrap(), ["sni=x.com -> ip=10.0.0.2"]);
        // Below the top, the empty walk of the fallback is itself a string, `NONE`.
        assert_eq!(matches(&nested, "a").unwrap(), ["sni=x.com -> NONE"]);
    }

    #[test]
    fn prefix_map_keys_use_a_caret() {
        let top = json!({"matcher_tree": {"input": input("sni"), "prefix_match_map": {"map": {
            "api.": action("a"), "": action("a"), "www": action("b")}}}});
        assert_eq!(matches(&matcher(top), "a").unwrap(), ["sni^", "sni^api."]);
    }

    fn ip_matcher(range_matchers: serde_json::Value) -> serde_json::Value {
        json!({"matcher_tree": {"input": input("ip"), "custom_match": {"name": "ip", "typed_config": {
            "@type": IP_MATCHER_TYPE, "range_matchers": range_matchers}}}})
    }

    #[test]
    fn ip_ranges_are_cidrs_with_single_addresses_bare_and_the_last_duplicate_wins() {
        let top = ip_matcher(json!([
            {"ranges": [{"address_prefix": "10.96.0.1", "prefix_len": 32},
                        {"address_prefix": "fd00::1", "prefix_len": 128},
                        {"address_prefix": "10.0.0.0", "prefix_len": 8},
                        {"address_prefix": "0.0.0.0"}],
             "on_match": action("a")},
            {"ranges": [{"address_prefix": "10.96.0.2", "prefix_len": 31}],
             "on_match": {"matcher": exact("port", json!({"443": action("a")}))}},
            // Same CIDR as above: this one replaces it, and it leads elsewhere.
            {"ranges": [{"address_prefix": "10.0.0.0", "prefix_len": 8}], "on_match": action("b")},
        ]));
        let top = matcher(top);
        assert_eq!(
            matches(&top, "a").unwrap(),
            [
                "ip=0.0.0.0/0",
                "ip=10.96.0.1",
                "ip=10.96.0.2/31 -> port=443",
                "ip=fd00::1"
            ]
        );
        assert_eq!(matches(&top, "b").unwrap(), ["ip=10.0.0.0/8"]);
    }

    #[test]
    fn another_custom_matcher_is_an_error_naming_its_type() {
        let top = json!({"matcher_tree": {"input": input("sni"), "custom_match": {"name": "x",
            "typed_config": {"@type": "type.googleapis.com/xds.type.matcher.v3.ServerNameMatcher"}}}});
        let e = matches(&matcher(top), "a").unwrap_err();
        assert_eq!(e.kind, crate::error::Kind::Input);
        assert!(
            e.message.contains("xds.type.matcher.v3.ServerNameMatcher"),
            "{}",
            e.message
        );
        // Unread, it is no error: the top fallback names the chain.
        let mut unread = json!({"matcher_tree": {"input": input("sni"), "custom_match": {
            "typed_config": {"@type": "type.googleapis.com/other.Matcher"}}}});
        unread["on_no_match"] = action("a");
        assert_eq!(matches(&matcher(unread), "a").unwrap(), ["UNMATCHED"]);
    }

    #[test]
    fn a_matcher_list_gives_nothing() {
        let top =
            json!({"matcher_list": {"matchers": [{"predicate": {}, "on_match": action("a")}]}});
        assert_eq!(matches(&matcher(top), "a").unwrap(), ["NONE"]);
    }

    fn run_on(dump: serde_json::Value) -> Result<String> {
        let doc =
            crate::input::Document::from_bytes(dump.to_string().into_bytes(), "test.json".into())
                .unwrap();
        let src = DumpReader::new(
            &doc,
            crate::envoy::dump::Want::none().with(SectionKind::Listeners),
        );
        let mut out = Vec::new();
        run(&src, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn the_custom_matcher_error_names_the_listener() {
        let top = json!({"matcher_tree": {"input": input("sni"), "custom_match": {"name": "x",
            "typed_config": {"@type": "type.googleapis.com/example.SniTrie"}}}});
        let dump = json!({"configs": [{
            "@type": "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
            "dynamic_listeners": [{"name": "main", "active_state": {"listener": {
                "name": "main", "internal_listener": {}, "filter_chain_matcher": top,
                "filter_chains": [{"name": "a"}]}}}]}]});
        let e = run_on(dump).unwrap_err();
        assert_eq!(e.kind, crate::error::Kind::Input);
        assert!(e.message.starts_with("listener main: "), "{}", e.message);
        assert!(e.message.contains("example.SniTrie"), "{}", e.message);
    }

    /// The table of a small dump: labels, chain names, the §4.4 MATCH of a chain without a
    /// matcher, destinations, and the internal-first order.
    #[test]
    fn rows_per_chain_and_listener_labels() {
        let tcp = |cluster: &str| {
            json!({"name": "envoy.filters.network.tcp_proxy", "typed_config": {
                "@type": "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy",
                "cluster": cluster}})
        };
        let mut top = exact("port", json!({"80": action("web")}));
        top["on_no_match"] = action("rest");
        let dump = json!({"configs": [{
        "@type": "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
        "dynamic_listeners": [
            {"name": "outer", "active_state": {"listener": {"name": "outer",
                "address": {"socket_address": {"address": "0.0.0.0", "port_value": 15008}},
                "filter_chains": [{"filter_chain_match": {"destination_port": 15008},
                                   "filters": [tcp("main")]}]}}},
            {"name": "zeta", "active_state": {"listener": {"name": "zeta", "internal_listener": {},
                "filter_chains": [{"name": "envoy://zeta", "filters": [tcp("tunnel")]}]}}},
            {"name": "main", "active_state": {"listener": {"name": "main", "internal_listener": {},
                "filter_chain_matcher": top,
                "filter_chains": [{"name": "web", "filters": [tcp("web")]},
                                  {"name": "rest", "filters": [tcp("PassthroughCluster")]}]}}},
            {"name": "solo", "active_state": {"listener": {"name": "solo", "internal_listener": {},
                "filter_chains": [{"name": "other", "filters": [tcp("tunnel")]}]}}},
        ]}]});
        assert_eq!(
            run_on(dump).unwrap(),
            "LISTENER      CHAIN        MATCH         DESTINATION\n\
             envoy://main  web          port=80       Cluster: web\n\
             envoy://main  rest         UNMATCHED     PassthroughCluster\n\
             envoy://solo  other        ALL           Cluster: tunnel\n\
             internal      envoy://zeta ALL           Cluster: tunnel\n\
             envoy://outer              Addr: *:15008 Cluster: main\n"
        );
    }
}
