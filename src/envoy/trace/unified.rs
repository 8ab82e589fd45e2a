//! The unified `filter_chain_matcher` (ambient waypoints): a matcher tree over the connection's
//! inputs whose actions name the filter chain.

use std::net::IpAddr;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::envoy::resources::{
    IpMatcher, IpRangeMatcher, Matcher, OnMatch, Str, StringMatcher, TypedExtension,
};
use crate::envoy::trace::matchers::{describe_string, string_matches};

/// What the matcher's inputs read from the connection.
pub struct Inputs<'r> {
    pub dest_ip: Option<IpAddr>,
    pub dest_port: u16,
    pub source_ip: Option<IpAddr>,
    pub source_port: Option<u16>,
    pub server_name: Option<&'r str>,
    pub transport: &'r str,
    pub alpn: &'r [String],
    pub local: bool,
}

/// An action's `google.protobuf.StringValue` config, which names the chain.
#[derive(Deserialize)]
struct StringValue<'a> {
    #[serde(borrow, default)]
    value: Option<Str<'a>>,
}

fn type_of(ext: &TypedExtension) -> String {
    ext.config_type()
        .map(|t| t.rsplit('.').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// The chain an action names: its `StringValue`, else the action's name.
fn chain_of(action: &TypedExtension) -> String {
    action
        .typed_config
        .and_then(|raw| serde_json::from_str::<StringValue>(raw.get()).ok())
        .and_then(|t| t.value.map(|v| v.into_owned()))
        .unwrap_or_else(|| action.name.to_string())
}

/// The input's value, and a short name for the path; None when the connection has no value.
fn input(ext: &TypedExtension, c: &Inputs) -> Result<(&'static str, Option<String>), String> {
    let kind = type_of(ext);
    Ok(match kind.as_str() {
        "DestinationIPInput" => ("ip", c.dest_ip.map(|ip| ip.to_string())),
        "DestinationPortInput" => ("port", Some(c.dest_port.to_string())),
        "SourceIPInput" | "DirectSourceIPInput" => {
            ("source-ip", c.source_ip.map(|ip| ip.to_string()))
        }
        "SourcePortInput" => ("source-port", c.source_port.map(|p| p.to_string())),
        "ServerNameInput" => ("sni", c.server_name.map(str::to_string)),
        "TransportProtocolInput" => ("transport", Some(c.transport.to_string())),
        // Envoy's value: each protocol in single quotes, joined by commas.
        "ApplicationProtocolInput" => (
            "application-protocol",
            (!c.alpn.is_empty()).then(|| {
                c.alpn
                    .iter()
                    .map(|p| format!("'{p}'"))
                    .collect::<Vec<_>>()
                    .join(",")
            }),
        ),
        "SourceTypeInput" => ("source-type", c.local.then(|| "local".to_string())),
        other => return Err(format!("matcher input {other:?} is not followed")),
    })
}

/// Walks the listener's matcher: Ok(Some(chain)) with the path that led there, Ok(None) when
/// nothing matched (the default chain then), Err for a matcher trace does not follow.
pub fn select(raw: &RawValue, c: &Inputs) -> Result<(Option<String>, Vec<String>), String> {
    let m: Matcher = serde_json::from_str(raw.get()).map_err(|e| e.to_string())?;
    let mut path = Vec::new();
    let chain = eval(&m, c, &mut path)?;
    Ok((chain, path))
}

fn eval_on_match(
    on: &OnMatch,
    c: &Inputs,
    path: &mut Vec<String>,
) -> Result<Option<String>, String> {
    if let Some(a) = &on.action {
        return Ok(Some(chain_of(a)));
    }
    match &on.matcher {
        Some(m) => eval(m, c, path),
        None => Ok(None),
    }
}

/// `xds.type.matcher.v3.Matcher.MatcherList`: field matchers tried in order.
#[derive(Deserialize)]
struct MatcherList<'a> {
    #[serde(borrow, default)]
    matchers: Vec<FieldMatcher<'a>>,
}

#[derive(Deserialize)]
struct FieldMatcher<'a> {
    #[serde(borrow, default)]
    predicate: Option<Predicate<'a>>,
    #[serde(borrow, default)]
    on_match: Option<OnMatch<'a>>,
}

#[derive(Deserialize)]
struct Predicate<'a> {
    #[serde(borrow, default)]
    single_predicate: Option<SinglePredicate<'a>>,
    #[serde(borrow, default)]
    or_matcher: Option<PredicateList<'a>>,
    #[serde(borrow, default)]
    and_matcher: Option<PredicateList<'a>>,
    #[serde(borrow, default)]
    not_matcher: Option<Box<Predicate<'a>>>,
}

#[derive(Deserialize)]
struct PredicateList<'a> {
    #[serde(borrow, default)]
    predicate: Vec<Predicate<'a>>,
}

#[derive(Deserialize)]
struct SinglePredicate<'a> {
    #[serde(borrow, default)]
    input: Option<TypedExtension<'a>>,
    #[serde(borrow, default)]
    value_match: Option<StringMatcher<'a>>,
    #[serde(borrow, default)]
    custom_match: Option<TypedExtension<'a>>,
}

/// Whether a predicate holds, and what it said: an input without a value matches no value.
fn holds(p: &Predicate, c: &Inputs) -> Result<(bool, String), String> {
    if let Some(single) = &p.single_predicate {
        let (label, value) = match &single.input {
            Some(i) => input(i, c)?,
            None => ("?", None),
        };
        let Some(m) = &single.value_match else {
            let kind = single
                .custom_match
                .as_ref()
                .map(type_of)
                .unwrap_or_default();
            return Err(format!("custom predicate {kind} is not followed"));
        };
        let said = format!("{label} {}", describe_string(m));
        return Ok((value.is_some_and(|v| string_matches(m, &v)), said));
    }
    let all = |list: &PredicateList| -> Result<Vec<(bool, String)>, String> {
        list.predicate.iter().map(|p| holds(p, c)).collect()
    };
    if let Some(list) = &p.or_matcher {
        let parts = all(list)?;
        let said = parts.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>();
        return Ok((
            parts.iter().any(|(ok, _)| *ok),
            format!("({})", said.join(" or ")),
        ));
    }
    if let Some(list) = &p.and_matcher {
        let parts = all(list)?;
        let said = parts.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>();
        return Ok((
            parts.iter().all(|(ok, _)| *ok),
            format!("({})", said.join(" and ")),
        ));
    }
    if let Some(inner) = &p.not_matcher {
        let (ok, said) = holds(inner, c)?;
        return Ok((!ok, format!("not {said}")));
    }
    Err("an empty predicate".into())
}

fn eval(m: &Matcher, c: &Inputs, path: &mut Vec<String>) -> Result<Option<String>, String> {
    if let Some(raw) = m.matcher_list {
        // The first field matcher whose predicate holds; when what it leads to matches
        // nothing, the next one is tried, as with a tree's nested matcher.
        let list: MatcherList = serde_json::from_str(raw.get()).map_err(|e| e.to_string())?;
        for field in &list.matchers {
            let Some(p) = &field.predicate else { continue };
            let (ok, said) = holds(p, c)?;
            if !ok {
                continue;
            }
            let Some(on) = &field.on_match else { continue };
            path.push(said);
            if let Some(chain) = eval_on_match(on, c, path)? {
                return Ok(Some(chain));
            }
            path.pop();
        }
    }
    if let Some(tree) = &m.matcher_tree {
        let (label, value) = match &tree.input {
            Some(i) => input(i, c)?,
            None => ("?", None),
        };
        let found = match value.as_deref() {
            None => None,
            Some(v) => {
                if let Some(map) = &tree.exact_match_map {
                    map.map.get(v).map(|on| (on, v.to_string()))
                } else if let Some(map) = &tree.prefix_match_map {
                    // The longest key that starts the value.
                    map.map
                        .iter()
                        .filter(|(k, _)| v.starts_with(k.as_ref()))
                        .max_by_key(|(k, _)| k.len())
                        .map(|(k, on)| (on, format!("^{k}")))
                } else if let Some(custom) = &tree.custom_match {
                    if let Some(chain) = ip_match(custom, v, label, c, path)? {
                        return Ok(Some(chain));
                    }
                    None
                } else {
                    None
                }
            }
        };
        if let Some((on, key)) = found {
            path.push(format!("{label}={key}"));
            if let Some(chain) = eval_on_match(on, c, path)? {
                return Ok(Some(chain));
            }
            path.pop();
        }
    }
    match &m.on_no_match {
        Some(on) => eval_on_match(on, c, path),
        None => Ok(None),
    }
}

/// `xds.type.matcher.v3.IPMatcher`: the range matcher with the longest prefix holding the IP
/// decides.
fn ip_match(
    custom: &TypedExtension,
    value: &str,
    label: &str,
    c: &Inputs,
    path: &mut Vec<String>,
) -> Result<Option<String>, String> {
    if type_of(custom) != "IPMatcher" {
        return Err(format!(
            "custom matcher {} is not followed",
            type_of(custom)
        ));
    }
    let Some(raw) = custom.typed_config else {
        return Ok(None);
    };
    let m: IpMatcher = serde_json::from_str(raw.get()).map_err(|e| e.to_string())?;
    let Ok(ip) = value.parse::<IpAddr>() else {
        return Ok(None);
    };
    let mut best: Option<(u32, &IpRangeMatcher)> = None;
    for rm in &m.range_matchers {
        for r in &rm.ranges {
            let len = r.prefix_len.unwrap_or(0);
            if r.contains(ip) && best.is_none_or(|(l, _)| len > l) {
                best = Some((len, rm));
            }
        }
    }
    let Some((len, rm)) = best else {
        return Ok(None);
    };
    let Some(on) = &rm.on_match else {
        return Ok(None);
    };
    path.push(format!("{label}={ip}/{len}"));
    let chain = eval_on_match(on, c, path)?;
    if chain.is_none() {
        path.pop();
    }
    Ok(chain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs<'r>(ip: &str, port: u16, alpn: &'r [String]) -> Inputs<'r> {
        Inputs {
            dest_ip: ip.parse().ok(),
            dest_port: port,
            source_ip: None,
            source_port: None,
            server_name: None,
            transport: "tls",
            alpn,
            local: false,
        }
    }

    fn input(name: &str) -> serde_json::Value {
        serde_json::json!({"name": name, "typed_config": {"@type": format!(
            "type.googleapis.com/envoy.extensions.matching.common_inputs.network.v3.{name}")}})
    }

    fn chain(name: &str) -> serde_json::Value {
        serde_json::json!({"action": {"name": name, "typed_config": {
            "@type": "type.googleapis.com/google.protobuf.StringValue", "value": name}}})
    }

    /// A matcher list takes the first field matcher whose predicate holds; a nested list that
    /// matches nothing passes on to the next one (as a real Envoy does).
    #[test]
    fn matcher_lists_take_the_first_predicate_that_holds_and_fall_through() {
        let single = |name: &str, m: serde_json::Value| serde_json::json!({"single_predicate": {"input": input(name), "value_match": m}});
        let m = serde_json::json!({
            "matcher_list": {"matchers": [
                {"predicate": {"not_matcher": single("TransportProtocolInput", serde_json::json!({"exact": "tls"}))},
                 "on_match": {"matcher": {"matcher_list": {"matchers": [
                    {"predicate": single("DestinationPortInput", serde_json::json!({"exact": "1"})),
                     "on_match": chain("never")}]}}}},
                {"predicate": {"or_matcher": {"predicate": [
                    single("DestinationPortInput", serde_json::json!({"exact": "80"})),
                    single("DestinationIPInput", serde_json::json!({"prefix": "10.9."}))]}},
                 "on_match": chain("either")},
            ]},
            "on_no_match": chain("fallback")
        })
        .to_string();
        let raw: Box<RawValue> = serde_json::from_str(&m).unwrap();
        let mut c = inputs("10.1.0.1", 80, &[]);
        c.transport = "raw_buffer";
        let (chain, path) = select(&raw, &c).unwrap();
        assert_eq!(chain.as_deref(), Some("either"));
        assert_eq!(path, [r#"(port exact "80" or ip prefix "10.9.")"#]);
        let (chain, _) = select(&raw, &inputs("10.1.0.1", 81, &[])).unwrap();
        assert_eq!(chain.as_deref(), Some("fallback"));
    }

    #[test]
    fn ip_ranges_longest_first_then_nested_maps_then_the_fallback() {
        let m = serde_json::json!({
            "matcher_tree": {"input": input("DestinationIPInput"), "custom_match": {"name": "ip",
                "typed_config": {"@type": "type.googleapis.com/xds.type.matcher.v3.IPMatcher",
                "range_matchers": [
                    {"ranges": [{"address_prefix": "10.0.0.0", "prefix_len": 8}], "on_match": {"matcher": {
                        "matcher_tree": {"input": input("DestinationPortInput"),
                            "exact_match_map": {"map": {"80": {"matcher": {"matcher_tree": {
                                "input": input("ApplicationProtocolInput"),
                                "exact_match_map": {"map": {"'h2'": chain("h2")}}},
                                "on_no_match": chain("not-h2")}}}}}}}},
                    {"ranges": [{"address_prefix": "10.1.0.0", "prefix_len": 16}], "on_match": chain("narrow")}
                ]}}},
            "on_no_match": chain("fallback")
        })
        .to_string();
        let raw: Box<RawValue> = serde_json::from_str(&m).unwrap();
        let h2 = ["h2".to_string()];
        let pick = |ip: &str, port: u16, alpn: &[String]| {
            let (chain, path) = select(&raw, &inputs(ip, port, alpn)).unwrap();
            (chain.unwrap_or_default(), path.join(" -> "))
        };
        assert_eq!(
            pick("10.2.0.1", 80, &h2),
            (
                "h2".into(),
                "ip=10.2.0.1/8 -> port=80 -> application-protocol='h2'".into()
            )
        );
        assert_eq!(pick("10.2.0.1", 80, &[]).0, "not-h2");
        // A nested map that matches nothing falls back to the enclosing on_no_match.
        assert_eq!(
            pick("10.2.0.1", 81, &h2),
            ("fallback".into(), String::new())
        );
        assert_eq!(pick("10.1.0.1", 80, &h2).0, "narrow");
        assert_eq!(pick("192.168.0.1", 80, &h2).0, "fallback");
    }
}
