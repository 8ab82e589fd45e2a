//! Request handling: authentication, authorization, discovery, GET/LIST and the port-forward
//! upgrade, with `Status` bodies shaped like a real API server's.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::SystemTime;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use serde_json::{json, Value};

use super::selector::{FieldSelector, LabelSelector};
use super::store::{api_group, api_groups, resource_list, Kind};
use super::table::{table, IncludeObject};
use super::{portforward, RecordedRequest, State};

pub(crate) type Body = Full<Bytes>;

pub(crate) async fn handle(
    state: Arc<State>,
    request: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let query = request.uri().query().unwrap_or("").to_string();
    let accept = header(&request, "accept");
    let upgrade = header(&request, "upgrade");
    let subprotocols: Vec<String> = request
        .headers()
        .get_all("sec-websocket-protocol")
        .iter()
        .flat_map(|v| v.to_str().unwrap_or("").split(','))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let impersonate_user = header(&request, "impersonate-user");
    let impersonate_groups: Vec<String> = request
        .headers()
        .get_all("impersonate-group")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(str::to_string)
        .collect();
    let impersonate_uid = header(&request, "impersonate-uid");
    let user = authenticate(&state, &request);
    let response = match &user {
        Some(user) => route(&state, user, request),
        None => status_response(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "Unauthorized",
            None,
        ),
    };
    if state.config().log_requests {
        eprintln!(
            "{method} {path}{}{query} accept={}{} -> {}",
            if query.is_empty() { "" } else { "?" },
            accept.as_deref().unwrap_or("-"),
            upgrade
                .as_deref()
                .map(|u| format!(" upgrade={u} subprotocols={}", subprotocols.join(",")))
                .unwrap_or_default(),
            response.status().as_u16()
        );
    }
    if let Ok(mut requests) = state.requests.lock() {
        requests.push(RecordedRequest {
            method,
            path,
            query,
            user,
            accept,
            upgrade,
            subprotocols,
            impersonate_user,
            impersonate_groups,
            impersonate_uid,
            status: response.status().as_u16(),
        });
    }
    Ok(response)
}

fn header(request: &Request<Incoming>, name: &str) -> Option<String> {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The user a request acts as: the token's user when tokens are configured (None for a missing
/// or unknown token), else the configured default identity.
fn authenticate(state: &State, request: &Request<Incoming>) -> Option<String> {
    let config = state.config();
    if config.tokens.is_empty() {
        return Some(config.default_user.clone());
    }
    let presented = request
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    config
        .tokens
        .iter()
        .find(|(token, _)| Some(token.as_str()) == presented)
        .map(|(_, user)| user.clone())
}

/// A `Status` failure body.
pub(crate) fn status_response(
    code: StatusCode,
    reason: &str,
    message: &str,
    details: Option<Value>,
) -> Response<Body> {
    let mut status = json!({
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Failure",
        "message": message,
        "reason": reason,
        "code": code.as_u16(),
    });
    if let Some(details) = details {
        status["details"] = details;
    }
    json_response(code, &status)
}

pub(crate) fn json_response(code: StatusCode, body: &Value) -> Response<Body> {
    let mut bytes = serde_json::to_vec(body).unwrap_or_default();
    bytes.push(b'\n');
    let mut response = Response::new(Full::new(Bytes::from(bytes)));
    *response.status_mut() = code;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

fn not_found_path() -> Response<Body> {
    status_response(
        StatusCode::NOT_FOUND,
        "NotFound",
        "the server could not find the requested resource",
        Some(json!({})),
    )
}

fn bad_request(message: &str) -> Response<Body> {
    status_response(StatusCode::BAD_REQUEST, "BadRequest", message, None)
}

fn group_details(kind: &Kind, name: Option<&str>) -> Value {
    let mut details = json!({"kind": kind.resource});
    if let Some(name) = name {
        details["name"] = json!(name);
    }
    if !kind.group.is_empty() {
        details["group"] = json!(kind.group);
    }
    details
}

/// `pods "x" not found`, as the API server words it.
pub(crate) fn not_found(kind: &Kind, name: &str) -> Response<Body> {
    status_response(
        StatusCode::NOT_FOUND,
        "NotFound",
        &format!("{} {name:?} not found", kind.qualified_resource()),
        Some(group_details(kind, Some(name))),
    )
}

/// What the authorizer is asked: verb on resource[/subresource], in a namespace, maybe named.
pub(crate) struct Attributes<'a> {
    pub verb: &'a str,
    pub kind: &'a Kind,
    pub subresource: Option<&'a str>,
    pub namespace: Option<&'a str>,
    pub name: Option<&'a str>,
}

/// `pods "x" is forbidden: User "u" cannot create resource "pods/portforward" in API group ""
/// in the namespace "default"`: the authorization filter's wording.
pub(crate) fn forbidden(user: &str, attributes: &Attributes) -> Response<Body> {
    let kind = attributes.kind;
    let resource = match attributes.subresource {
        Some(sub) => format!("{}/{sub}", kind.resource),
        None => kind.resource.to_string(),
    };
    let scope = match attributes.namespace {
        Some(ns) => format!("in the namespace {ns:?}"),
        None => "at the cluster scope".to_string(),
    };
    let subject = match attributes.name {
        Some(name) => format!("{} {name:?}", kind.qualified_resource()),
        None => kind.qualified_resource(),
    };
    let message = format!(
        "{subject} is forbidden: User {user:?} cannot {} resource {resource:?} in API group {:?} {scope}",
        attributes.verb, kind.group
    );
    status_response(
        StatusCode::FORBIDDEN,
        "Forbidden",
        &message,
        Some(group_details(kind, attributes.name)),
    )
}

fn route(state: &Arc<State>, user: &str, request: Request<Incoming>) -> Response<Body> {
    let path = request.uri().path().to_string();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let is_get = request.method() == Method::GET;
    match segments.as_slice() {
        ["version"] if is_get => version(state),
        ["api"] if is_get => json_response(
            StatusCode::OK,
            &json!({"kind": "APIVersions", "versions": ["v1"],
                    "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0",
                                                    "serverAddress": state.addr.to_string()}]}),
        ),
        ["apis"] if is_get => {
            let config = state.config();
            let groups: Vec<Value> = api_groups(|g, v| config.serves(g, v))
                .into_iter()
                .map(|(g, v)| api_group(g, &v))
                .collect();
            json_response(
                StatusCode::OK,
                &json!({"kind": "APIGroupList", "apiVersion": "v1", "groups": groups}),
            )
        }
        ["apis", group] if is_get => match api_groups(|g, v| state.config().serves(g, v))
            .into_iter()
            .find(|(g, _)| g == group)
        {
            Some((g, v)) => {
                let mut body = api_group(g, &v);
                body["kind"] = json!("APIGroup");
                body["apiVersion"] = json!("v1");
                json_response(StatusCode::OK, &body)
            }
            None => not_found_path(),
        },
        ["api", "v1"] if is_get => discovery("", "v1"),
        ["apis", group, version] if is_get && state.config().serves(group, version) => {
            discovery(group, version)
        }
        ["api", "v1", rest @ ..] => resource_request(state, user, request, "", "v1", rest),
        ["apis", group, version, rest @ ..] => {
            resource_request(state, user, request, group, version, rest)
        }
        _ => not_found_path(),
    }
}

fn version(state: &State) -> Response<Body> {
    let config = state.config();
    let (major, minor) = config.version_numbers();
    json_response(
        StatusCode::OK,
        &json!({
            "major": major.to_string(),
            "minor": minor.to_string(),
            "gitVersion": config.git_version,
            "gitCommit": format!("{:016x}", super::store::fnv1a(config.git_version.as_bytes())),
            "gitTreeState": "clean",
            "buildDate": "2025-01-01T00:00:00Z",
            "goVersion": "go1.24.0",
            "compiler": "gc",
            "platform": "linux/amd64",
        }),
    )
}

fn discovery(group: &str, version: &str) -> Response<Body> {
    match resource_list(group, version) {
        Some(list) => json_response(StatusCode::OK, &list),
        None => not_found_path(),
    }
}

/// The representation the client asked for, first acceptable match wins.
#[derive(Debug, PartialEq)]
enum Representation {
    Object,
    Table,
    PartialMetadata,
}

fn negotiate(accept: Option<&str>) -> Representation {
    let Some(accept) = accept else {
        return Representation::Object;
    };
    for item in accept.split(',') {
        let mut parts = item.split(';').map(str::trim);
        let media = parts.next().unwrap_or("");
        if !matches!(media, "application/json" | "*/*" | "application/*") {
            continue;
        }
        let params: Vec<(&str, &str)> = parts.filter_map(|p| p.split_once('=')).collect();
        let param = |key: &str| params.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        match param("as") {
            None => return Representation::Object,
            Some("Table") if param("g") == Some("meta.k8s.io") && param("v") == Some("v1") => {
                return Representation::Table
            }
            Some("PartialObjectMetadata" | "PartialObjectMetadataList")
                if param("g") == Some("meta.k8s.io") && param("v") == Some("v1") =>
            {
                return Representation::PartialMetadata
            }
            Some(_) => continue,
        }
    }
    Representation::Object
}

/// `application/x-www-form-urlencoded` decoding of a query string, as Go's `url.ParseQuery`.
fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&hi), Some(&lo)) => hex(hi).zip(hex(lo)).map(|(h, l)| h << 4 | l),
            _ => None,
        };
        match (bytes[i], escaped) {
            (_, Some(b)) => {
                out.push(b);
                i += 3;
                continue;
            }
            (b'+', None) => out.push(b' '),
            (b, None) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn resource_request(
    state: &Arc<State>,
    user: &str,
    request: Request<Incoming>,
    group: &str,
    version: &str,
    rest: &[&str],
) -> Response<Body> {
    // Paths: {resource}, namespaces/{ns}/{resource}[/{name}[/{subresource}]].
    let (namespace, resource, name, subresource) = match rest {
        [resource] => (None, *resource, None, None),
        ["namespaces", ns, resource] => (Some(*ns), *resource, None, None),
        ["namespaces", ns, resource, name] => (Some(*ns), *resource, Some(*name), None),
        ["namespaces", ns, resource, name, sub] => (Some(*ns), *resource, Some(*name), Some(*sub)),
        _ => return not_found_path(),
    };
    let Some(kind) = Kind::by_path(group, version, resource) else {
        return not_found_path();
    };
    if !state.config().serves(group, version) {
        return not_found_path();
    }
    let query = parse_query(request.uri().query().unwrap_or(""));
    let param = |key: &str| {
        query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let watch = matches!(param("watch"), Some("true" | "1"));
    let verb = match (request.method().clone(), name, subresource) {
        (Method::GET, None, _) if watch => "watch",
        (Method::GET, None, _) => "list",
        // A WebSocket connect is a GET; API servers before 1.35 authorize it as `get`.
        (Method::GET, Some(_), Some("portforward")) if !state.config().upgrade_needs_create() => {
            "get"
        }
        (Method::GET, Some(_), Some("portforward")) => "create",
        (Method::GET, Some(_), _) => "get",
        (Method::POST, _, _) => "create",
        (Method::PUT, _, _) => "update",
        (Method::PATCH, _, _) => "patch",
        (Method::DELETE, None, _) => "deletecollection",
        (Method::DELETE, Some(_), _) => "delete",
        _ => "",
    };
    let attributes = Attributes {
        verb,
        kind,
        subresource,
        namespace,
        name,
    };
    if state.config().denies(user, &attributes) {
        return forbidden(user, &attributes);
    }
    if subresource == Some("portforward") && kind.resource == "pods" {
        if let (Some(ns), Some(pod)) = (namespace, name) {
            return portforward::connect(state, user, request, ns, pod);
        }
    }
    if subresource.is_some() {
        return not_found_path();
    }
    if request.method() != Method::GET {
        return status_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            "the server does not allow this method on the requested resource",
            Some(json!({})),
        );
    }
    if watch {
        return status_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            "watch is not supported by the meshctl test API server",
            Some(json!({})),
        );
    }
    let representation = negotiate(
        request
            .headers()
            .get("accept")
            .and_then(|v| v.to_str().ok()),
    );
    let include = match IncludeObject::parse(param("includeObject")) {
        Ok(include) => include,
        Err(message) => return bad_request(&message),
    };
    let store = state.store();
    let now = SystemTime::now();
    match name {
        Some(name) => {
            let Some(object) = store.get(kind, namespace.unwrap_or(""), name) else {
                return not_found(kind, name);
            };
            match representation {
                // One object stored for every version of its kind, given at the one asked for.
                Representation::Object => {
                    let mut object = object.clone();
                    object["apiVersion"] = json!(kind.api_version());
                    json_response(StatusCode::OK, &object)
                }
                Representation::Table => json_response(
                    StatusCode::OK,
                    &table(
                        kind.resource,
                        &[object],
                        include,
                        &store.resource_version(),
                        now,
                    ),
                ),
                Representation::PartialMetadata => {
                    json_response(StatusCode::OK, &partial_metadata(object))
                }
            }
        }
        None => {
            let labels = match LabelSelector::parse(param("labelSelector").unwrap_or("")) {
                Ok(selector) => selector,
                Err(message) => return bad_request(&message),
            };
            let fields = match FieldSelector::parse(param("fieldSelector").unwrap_or(""), kind) {
                Ok(selector) => selector,
                Err(message) => return bad_request(&message),
            };
            let matching: Vec<&Value> = store
                .list(kind, namespace)
                .filter(|o| labels.matches(o) && fields.matches(o))
                .collect();
            let (page, next) = match paginate(&matching, param("limit"), param("continue")) {
                Ok(page) => page,
                Err(message) => {
                    return status_response(StatusCode::GONE, "Expired", &message, None)
                }
            };
            let resource_version = store.resource_version();
            let mut body = match representation {
                Representation::Table => {
                    table(kind.resource, page, include, &resource_version, now)
                }
                Representation::PartialMetadata => json!({
                    "kind": "PartialObjectMetadataList",
                    "apiVersion": "meta.k8s.io/v1",
                    "metadata": {"resourceVersion": resource_version},
                    "items": page.iter().map(|o| partial_metadata(o)).collect::<Vec<_>>(),
                }),
                Representation::Object => json!({
                    "kind": format!("{}List", kind.kind),
                    "apiVersion": kind.api_version(),
                    "metadata": {"resourceVersion": resource_version},
                    // Like the real server, list items carry neither kind nor apiVersion.
                    "items": page.iter().map(|o| without_type_meta(o)).collect::<Vec<_>>(),
                }),
            };
            if let Some((token, remaining)) = next {
                body["metadata"]["continue"] = json!(token);
                body["metadata"]["remainingItemCount"] = json!(remaining);
            }
            json_response(StatusCode::OK, &body)
        }
    }
}

type Page<'a, 'b> = (&'a [&'b Value], Option<(String, usize)>);

/// Applies `limit` and `continue`: the token is the offset of the next item.
fn paginate<'a, 'b>(
    items: &'a [&'b Value],
    limit: Option<&str>,
    continue_token: Option<&str>,
) -> Result<Page<'a, 'b>, String> {
    let start = match continue_token.filter(|t| !t.is_empty()) {
        Some(token) => token
            .strip_prefix("offset-")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n <= items.len())
            .ok_or_else(|| "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.".to_string())?,
        None => 0,
    };
    let rest = &items[start..];
    let limit = limit
        .and_then(|l| l.parse::<usize>().ok())
        .filter(|l| *l > 0);
    match limit {
        Some(limit) if limit < rest.len() => Ok((
            &rest[..limit],
            Some((format!("offset-{}", start + limit), rest.len() - limit)),
        )),
        _ => Ok((rest, None)),
    }
}

fn without_type_meta(object: &Value) -> Value {
    let mut item = object.clone();
    if let Some(fields) = item.as_object_mut() {
        fields.remove("kind");
        fields.remove("apiVersion");
    }
    item
}

fn partial_metadata(object: &Value) -> Value {
    json!({
        "kind": "PartialObjectMetadata",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": object.get("metadata").cloned().unwrap_or(json!({})),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_negotiation_follows_client_order() {
        let kubectl = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
        assert_eq!(negotiate(Some(kubectl)), Representation::Table);
        assert_eq!(negotiate(Some("application/json")), Representation::Object);
        assert_eq!(negotiate(None), Representation::Object);
        assert_eq!(
            negotiate(Some(
                "application/vnd.kubernetes.protobuf, application/json"
            )),
            Representation::Object
        );
        assert_eq!(
            negotiate(Some(
                "application/json;as=Table;v=v1beta1;g=meta.k8s.io, application/json"
            )),
            Representation::Object
        );
        assert_eq!(
            negotiate(Some(
                "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"
            )),
            Representation::PartialMetadata
        );
    }

    #[test]
    fn query_decoding() {
        let q = parse_query("labelSelector=app%3Dweb%2Cversion+in+%28v1%2Cv2%29&limit=500&x");
        assert_eq!(
            q[0],
            ("labelSelector".into(), "app=web,version in (v1,v2)".into())
        );
        assert_eq!(q[1], ("limit".into(), "500".into()));
        assert_eq!(q[2], ("x".into(), "".into()));
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn pagination() {
        let a = json!(1);
        let b = json!(2);
        let c = json!(3);
        let items = [&a, &b, &c];
        let (page, next) = paginate(&items, Some("2"), None).unwrap();
        assert_eq!(page.len(), 2);
        let (token, remaining) = next.unwrap();
        assert_eq!(remaining, 1);
        let (page, next) = paginate(&items, Some("2"), Some(&token)).unwrap();
        assert_eq!(page, [&c]);
        assert!(next.is_none());
        assert!(paginate(&items, None, Some("bogus")).is_err());
        assert_eq!(paginate(&items, Some("0"), None).unwrap().0.len(), 3);
    }
}
