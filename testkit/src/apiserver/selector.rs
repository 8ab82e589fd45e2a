//! Label selectors (the full set-based syntax) and field selectors, parsed and matched as the
//! API server does.

use serde_json::Value;

use super::store::Kind;

#[derive(Debug, Clone, PartialEq)]
enum Operator {
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}

#[derive(Debug, Clone, PartialEq)]
struct Requirement {
    key: String,
    operator: Operator,
    values: Vec<String>,
}

/// A parsed label selector: every requirement must hold (comma means AND). Empty matches all.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct LabelSelector {
    requirements: Vec<Requirement>,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Identifier(String),
    Bang,
    Equals,
    DoubleEquals,
    NotEquals,
    In,
    NotIn,
    Greater,
    Less,
    Open,
    Close,
    Comma,
    End,
}

impl Token {
    fn describe(&self) -> String {
        match self {
            Token::Identifier(s) => s.clone(),
            Token::Bang => "!".into(),
            Token::Equals => "=".into(),
            Token::DoubleEquals => "==".into(),
            Token::NotEquals => "!=".into(),
            Token::In => "in".into(),
            Token::NotIn => "notin".into(),
            Token::Greater => ">".into(),
            Token::Less => "<".into(),
            Token::Open => "(".into(),
            Token::Close => ")".into(),
            Token::Comma => ",".into(),
            Token::End => "".into(),
        }
    }
}

fn is_special(c: char) -> bool {
    matches!(c, '!' | '=' | '(' | ')' | ',' | '<' | '>')
}

fn tokenize(input: &str) -> Vec<Token> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let next = chars.get(i + 1).copied();
        let (token, width) = match (c, next) {
            ('!', Some('=')) => (Token::NotEquals, 2),
            ('=', Some('=')) => (Token::DoubleEquals, 2),
            ('!', _) => (Token::Bang, 1),
            ('=', _) => (Token::Equals, 1),
            ('(', _) => (Token::Open, 1),
            (')', _) => (Token::Close, 1),
            (',', _) => (Token::Comma, 1),
            ('>', _) => (Token::Greater, 1),
            ('<', _) => (Token::Less, 1),
            _ => {
                let start = i;
                while i < chars.len() && !chars[i].is_whitespace() && !is_special(chars[i]) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let token = match word.as_str() {
                    "in" => Token::In,
                    "notin" => Token::NotIn,
                    _ => Token::Identifier(word),
                };
                tokens.push(token);
                continue;
            }
        };
        tokens.push(token);
        i += width;
    }
    tokens.push(Token::End);
    tokens
}

struct Parser {
    tokens: Vec<Token>,
    position: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        &self.tokens[self.position.min(self.tokens.len() - 1)]
    }

    fn next(&mut self) -> Token {
        let token = self.peek().clone();
        self.position += 1;
        token
    }

    fn requirement(&mut self) -> Result<Requirement, String> {
        if *self.peek() == Token::Bang {
            self.next();
            let key = self.key()?;
            return Ok(Requirement {
                key,
                operator: Operator::DoesNotExist,
                values: vec![],
            });
        }
        let key = self.key()?;
        if matches!(self.peek(), Token::End | Token::Comma) {
            return Ok(Requirement {
                key,
                operator: Operator::Exists,
                values: vec![],
            });
        }
        let operator = match self.next() {
            Token::Equals | Token::DoubleEquals => Operator::Equals,
            Token::NotEquals => Operator::NotEquals,
            Token::In => Operator::In,
            Token::NotIn => Operator::NotIn,
            Token::Greater => Operator::GreaterThan,
            Token::Less => Operator::LessThan,
            other => {
                return Err(format!(
                    "found '{}', expected: in, notin, =, ==, !=, gt, lt",
                    other.describe()
                ))
            }
        };
        let values = match operator {
            Operator::In | Operator::NotIn => self.value_set()?,
            _ => vec![self.single_value()?],
        };
        for value in &values {
            validate_label_value(value)?;
        }
        if matches!(operator, Operator::GreaterThan | Operator::LessThan)
            && values[0].parse::<i64>().is_err()
        {
            return Err(format!(
                "for 'Gt', 'Lt' operators, the value must be an integer: {:?}",
                values[0]
            ));
        }
        Ok(Requirement {
            key,
            operator,
            values,
        })
    }

    fn key(&mut self) -> Result<String, String> {
        match self.next() {
            Token::Identifier(key) => {
                validate_label_key(&key)?;
                Ok(key)
            }
            other => Err(format!(
                "found '{}', expected: identifier",
                other.describe()
            )),
        }
    }

    fn single_value(&mut self) -> Result<String, String> {
        match self.peek().clone() {
            Token::Identifier(value) => {
                self.next();
                Ok(value)
            }
            // `key=` selects the empty value.
            Token::End | Token::Comma => Ok(String::new()),
            other => Err(format!(
                "found '{}', expected: identifier",
                other.describe()
            )),
        }
    }

    fn value_set(&mut self) -> Result<Vec<String>, String> {
        match self.next() {
            Token::Open => {}
            other => return Err(format!("found '{}', expected: '('", other.describe())),
        }
        let mut values = Vec::new();
        let mut expect_value = true;
        loop {
            match self.next() {
                Token::Identifier(value) if expect_value => {
                    values.push(value);
                    expect_value = false;
                }
                // An empty entry (`(a,,b)` or `(a,)`) is the empty value.
                Token::Comma => {
                    if expect_value {
                        values.push(String::new());
                    }
                    expect_value = true;
                }
                Token::Close => {
                    if expect_value && !values.is_empty() {
                        values.push(String::new());
                    }
                    break;
                }
                other => {
                    return Err(format!(
                        "found '{}', expected: ',' or ')'",
                        other.describe()
                    ))
                }
            }
        }
        if values.is_empty() {
            return Err("for 'in', 'notin' operators, values set can't be empty".into());
        }
        Ok(values)
    }
}

fn is_name_part(s: &str) -> bool {
    let bytes = s.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn is_dns_subdomain(s: &str) -> bool {
    s.len() <= 253
        && s.split('.').all(|label| {
            let b = label.as_bytes();
            !b.is_empty()
                && b.len() <= 63
                && b[0].is_ascii_alphanumeric()
                && b[b.len() - 1].is_ascii_alphanumeric()
                && b.iter()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        })
}

fn validate_label_key(key: &str) -> Result<(), String> {
    let valid = match key.split_once('/') {
        Some((prefix, name)) => is_dns_subdomain(prefix) && is_name_part(name),
        None => is_name_part(key),
    };
    if valid {
        Ok(())
    } else {
        Err(format!(
            "key: Invalid value: {key:?}: not a valid label key"
        ))
    }
}

fn validate_label_value(value: &str) -> Result<(), String> {
    if value.is_empty() || is_name_part(value) {
        Ok(())
    } else {
        Err(format!(
            "values[0][{value}]: Invalid value: {value:?}: not a valid label value"
        ))
    }
}

impl LabelSelector {
    pub fn parse(input: &str) -> Result<Self, String> {
        let mut parser = Parser {
            tokens: tokenize(input),
            position: 0,
        };
        let mut requirements = Vec::new();
        if *parser.peek() == Token::End {
            return Ok(Self { requirements });
        }
        loop {
            requirements.push(
                parser
                    .requirement()
                    .map_err(|e| format!("unable to parse requirement: {e}"))?,
            );
            match parser.next() {
                Token::End => break,
                Token::Comma if *parser.peek() != Token::End => {}
                other => {
                    return Err(format!(
                        "found '{}', expected: ',' or 'end of string'",
                        other.describe()
                    ))
                }
            }
        }
        Ok(Self { requirements })
    }

    /// Whether an object's `metadata.labels` satisfy every requirement.
    pub fn matches(&self, object: &Value) -> bool {
        let labels = object.pointer("/metadata/labels");
        let label = |key: &str| labels.and_then(|l| l.get(key)).and_then(Value::as_str);
        self.requirements.iter().all(|r| {
            let value = label(&r.key);
            match r.operator {
                Operator::Exists => value.is_some(),
                Operator::DoesNotExist => value.is_none(),
                Operator::Equals | Operator::In => {
                    value.is_some_and(|v| r.values.iter().any(|w| w == v))
                }
                Operator::NotEquals | Operator::NotIn => {
                    value.is_none_or(|v| r.values.iter().all(|w| w != v))
                }
                Operator::GreaterThan | Operator::LessThan => {
                    let (Some(have), Ok(bound)) = (
                        value.and_then(|v| v.parse::<i64>().ok()),
                        r.values[0].parse::<i64>(),
                    ) else {
                        return false;
                    };
                    if r.operator == Operator::GreaterThan {
                        have > bound
                    } else {
                        have < bound
                    }
                }
            }
        })
    }
}

/// A parsed field selector: `field=value`, `field==value` or `field!=value` terms, ANDed.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct FieldSelector {
    terms: Vec<(String, bool, String)>,
}

impl FieldSelector {
    pub fn parse(input: &str, kind: &Kind) -> Result<Self, String> {
        let mut terms = Vec::new();
        for term in split_unescaped(input, ',') {
            if term.trim().is_empty() {
                continue;
            }
            let (field, equal, value) = if let Some(i) = find_unescaped(&term, "!=") {
                (&term[..i], false, &term[i + 2..])
            } else if let Some(i) = find_unescaped(&term, "==") {
                (&term[..i], true, &term[i + 2..])
            } else if let Some(i) = find_unescaped(&term, "=") {
                (&term[..i], true, &term[i + 1..])
            } else {
                return Err(format!(
                    "invalid selector: '{input}'; can't understand '{term}'"
                ));
            };
            let field = field.trim().to_string();
            if !supported_fields(kind).contains(&field.as_str()) {
                return Err(format!("field label not supported: {field}"));
            }
            terms.push((field, equal, unescape(value.trim())));
        }
        Ok(Self { terms })
    }

    pub fn matches(&self, object: &Value) -> bool {
        self.terms
            .iter()
            .all(|(field, equal, value)| (field_value(object, field) == *value) == *equal)
    }
}

fn supported_fields(kind: &Kind) -> &'static [&'static str] {
    match kind.resource {
        "pods" => &[
            "metadata.name",
            "metadata.namespace",
            "spec.nodeName",
            "spec.restartPolicy",
            "spec.schedulerName",
            "spec.serviceAccountName",
            "spec.hostNetwork",
            "status.phase",
            "status.podIP",
            "status.nominatedNodeName",
        ],
        "jobs" => &["metadata.name", "metadata.namespace", "status.successful"],
        "replicasets" | "replicationcontrollers" => {
            &["metadata.name", "metadata.namespace", "status.replicas"]
        }
        _ => &["metadata.name", "metadata.namespace"],
    }
}

/// A field as the API server's field-selector index sees it: scalars as text, missing as "".
fn field_value(object: &Value, field: &str) -> String {
    let pointer = format!("/{}", field.replace('.', "/"));
    match object.pointer(&pointer) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        // The index stores a missing boolean as false and a missing count as 0.
        None if field == "spec.hostNetwork" => "false".into(),
        None if field == "status.successful" || field == "status.replicas" => "0".into(),
        _ => String::new(),
    }
}

fn split_unescaped(input: &str, separator: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in input.chars() {
        if !escaped && c == separator {
            parts.push(std::mem::take(&mut current));
            continue;
        }
        escaped = !escaped && c == '\\';
        current.push(c);
    }
    parts.push(current);
    parts
}

fn find_unescaped(term: &str, operator: &str) -> Option<usize> {
    let bytes = term.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if term[i..].starts_with(operator) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(escaped) = chars.next() {
                out.push(escaped);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn labelled(labels: Value) -> Value {
        json!({"metadata": {"name": "p", "labels": labels}})
    }

    fn selects(selector: &str, labels: Value) -> bool {
        LabelSelector::parse(selector)
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
            .matches(&labelled(labels))
    }

    #[test]
    fn equality_operators() {
        let web = json!({"app": "web", "version": "v1"});
        assert!(selects("app=web", web.clone()));
        assert!(selects("app==web", web.clone()));
        assert!(selects(" app = web , version = v1 ", web.clone()));
        assert!(!selects("app=db", web.clone()));
        assert!(!selects("app!=web", web.clone()));
        assert!(selects("app!=db", web.clone()));
        assert!(
            selects("tier!=front", web.clone()),
            "!= matches a missing key"
        );
        assert!(!selects("app=web,version=v2", web));
    }

    #[test]
    fn set_operators() {
        let v2 = json!({"app": "web", "version": "v2"});
        assert!(selects("version in (v1, v2)", v2.clone()));
        assert!(selects("version in (v2)", v2.clone()));
        assert!(!selects("version in (v1,v3)", v2.clone()));
        assert!(selects("version notin (v1,v3)", v2.clone()));
        assert!(!selects("version notin (v2)", v2.clone()));
        assert!(
            selects("tier notin (front)", v2.clone()),
            "notin matches a missing key"
        );
        assert!(!selects("tier in (front)", v2.clone()));
        assert!(selects("app=web,version in (v1,v2)", v2.clone()));
        assert!(selects("version in (v2,)", v2.clone()));
        assert!(selects("tier in (,x)", json!({"tier": ""})));
    }

    #[test]
    fn existence_operators() {
        let canary = json!({"app": "web", "canary": "true"});
        assert!(selects("canary", canary.clone()));
        assert!(!selects("!canary", canary.clone()));
        assert!(selects("!stable", canary.clone()));
        assert!(selects("app,!stable", canary.clone()));
        assert!(!selects("stable", canary));
        assert!(selects("", json!({})));
        assert!(selects(
            "example.com/team",
            json!({"example.com/team": "a"})
        ));
    }

    #[test]
    fn numeric_comparisons() {
        let gen = json!({"generation": "5"});
        assert!(selects("generation>4", gen.clone()));
        assert!(!selects("generation>5", gen.clone()));
        assert!(selects("generation<6", gen.clone()));
        assert!(!selects("missing<6", gen));
    }

    #[test]
    fn empty_value_equality() {
        assert!(selects("tier=", json!({"tier": ""})));
        assert!(!selects("tier=", json!({"tier": "x"})));
    }

    #[test]
    fn malformed_selectors_are_rejected() {
        for bad in [
            "app in v1",
            "app in ()",
            "app=web,",
            ",app",
            "app=(",
            "!",
            "app==web==x",
            "bad key=x",
            "app=-bad-",
            "generation>abc",
            "a in (b",
        ] {
            assert!(
                LabelSelector::parse(bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn field_selectors() {
        let pods = Kind::by_kind("Pod").unwrap();
        let pod = json!({"metadata": {"name": "web-1", "namespace": "prod"},
                         "status": {"phase": "Running"}});
        let sel = |s: &str| FieldSelector::parse(s, pods).unwrap().matches(&pod);
        assert!(sel("metadata.name=web-1"));
        assert!(sel("metadata.name==web-1,status.phase=Running"));
        assert!(!sel("status.phase!=Running"));
        assert!(sel("status.phase!=Pending"));
        assert!(sel("spec.nodeName="));
        assert!(sel("spec.hostNetwork=false"));
        assert!(sel(""));
        assert!(FieldSelector::parse("spec.containers=x", pods).is_err());
        assert!(FieldSelector::parse("justaword", pods).is_err());
        let deploys = Kind::by_kind("Deployment").unwrap();
        assert!(FieldSelector::parse("status.phase=Running", deploys).is_err());
    }

    #[test]
    fn field_selector_escapes() {
        let pods = Kind::by_kind("Pod").unwrap();
        let pod = json!({"metadata": {"name": "a,b=c"}});
        assert!(FieldSelector::parse(r"metadata.name=a\,b\=c", pods)
            .unwrap()
            .matches(&pod));
    }
}
