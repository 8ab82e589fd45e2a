//! Input the way operators really have it, and input that is wrong.
//!
//! Accepted (the views must give what the plain dump gives): a dump saved with `curl -i` (HTTP
//! status line and headers first, CRLF or LF, a `100 Continue` first, HTTP/2), a YAML dump, a
//! camelCase dump (istioctl's own `-o json`; made here with the envoy-schema transcoder and with
//! `meshctl pc all -o json`), a UTF-8 byte-order mark, unknown `@type` sections (kept in
//! `all -o json`, which istioctl drops).
//!
//! Refused: one line on stderr naming the problem (with the byte offset for JSON errors), exit
//! code 1, nothing on stdout. Every error line is asserted exactly, so the table of bad inputs in
//! the closing note is this file.
//!
//! Every input is derived at test time from the real fixtures, in a temporary directory that is
//! the working directory of the run, so messages name short relative paths.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use meshctl::config::{
    AllFilter, ClusterFilter, EndpointFilter, Format, ListenerFilter, RouteFilter, ViewKind,
};
use meshctl::input::Document;

use crate::support::{fixture, NOW};

fn sidecar_dump() -> Vec<u8> {
    std::fs::read(fixture("web-frontend", "config_dump.json")).unwrap()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs meshctl in `dir` with no kubeconfig reachable.
fn meshctl_in(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("KUBECONFIG", dir.join("no-kubeconfig"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run meshctl");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A temporary working directory holding `files`.
fn workdir(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// Runs `meshctl <args>` on `file` holding `bytes`; expects exit 1, nothing on stdout and one
/// line on stderr, and returns that line.
fn refused(file: &str, bytes: &[u8], args: &[&str]) -> String {
    let dir = workdir(&[(file, bytes)]);
    let mut all = args.to_vec();
    all.extend(["-f", file]);
    refused_run(meshctl_in(dir.path(), &all, None), &all)
}

fn refused_run(run: Run, args: &[&str]) -> String {
    assert_eq!(run.code, 1, "{args:?}: exit code\nstderr: {}", run.stderr);
    assert_eq!(run.stdout, "", "{args:?}: nothing on stdout");
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "{args:?}: one line on stderr:\n{}",
        run.stderr
    );
    run.stderr.trim_end().to_string()
}

/// Runs `meshctl <args> -f file`; expects success and returns stdout.
fn accepted(file: &str, bytes: &[u8], args: &[&str]) -> String {
    let dir = workdir(&[(file, bytes)]);
    let mut all = args.to_vec();
    all.extend(["-f", file]);
    let run = meshctl_in(dir.path(), &all, None);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, ""),
        "{all:?} should succeed"
    );
    run.stdout
}

fn plain(args: &[&str]) -> String {
    accepted("dump.json", &sidecar_dump(), args)
}

fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_slice(&sidecar_dump()).unwrap();
    edit(&mut value);
    value.to_string().into_bytes()
}

// ---------------------------------------------------------------------------------------------
// Malformed, truncated, empty, not text
// ---------------------------------------------------------------------------------------------

#[test]
fn malformed_json_names_the_byte_offset() {
    let dump = sidecar_dump();
    // A `:` after a key, and a `,` between object members, replaced by `#`: near the start,
    // half-way and near the end of the real dump.
    for from in [5_000, dump.len() / 2, dump.len() - 2_000] {
        let colon = from + find(&dump[from..], b"\": ");
        let comma = member_separator(&dump, from);
        for (at, problem) in [(colon + 1, "expected `:`"), (comma, "expected `,` or `}`")] {
            let mut bytes = dump.clone();
            bytes[at] = b'#';
            let line = refused("malformed.json", &bytes, &["pc", "clusters"]);
            let (row, column) = line_and_column(&bytes, at);
            assert_eq!(
                line,
                format!("Error: error unmarshalling config dump response from Envoy: malformed.json: invalid JSON at byte {at} (line {row}, column {column}): {problem}")
            );
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("pattern in the dump")
}

/// The first `,` at or after `from` that ends an object member: `,` newline, indent, `"key":`.
fn member_separator(dump: &[u8], from: usize) -> usize {
    let mut at = from;
    loop {
        at += find(&dump[at..], b",\n");
        let rest = &dump[at + 2..];
        let key = rest.iter().position(|b| *b != b' ').unwrap();
        if rest[key] == b'"' {
            let close = key + 1 + rest[key + 1..].iter().position(|b| *b == b'"').unwrap();
            if rest[close + 1] == b':' {
                return at;
            }
        }
        at += 1;
    }
}

fn line_and_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = at
        - before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1)
        + 1;
    (line, column)
}

#[test]
fn truncated_dumps_name_where_the_input_ends() {
    let dump = sidecar_dump();
    assert!(dump.is_ascii(), "offsets below assume an ASCII dump");
    let end = dump.trim_ascii_end().len();
    for offset in [1, 2, 17, 1_000, end / 3, end / 2, end - 2, end - 1] {
        let line = refused("truncated.json", &dump[..offset], &["pc", "listeners"]);
        let expected = format!("Error: error unmarshalling config dump response from Envoy: truncated.json: truncated JSON: the input ends at byte {offset} (EOF while parsing ");
        assert!(line.starts_with(&expected), "cut at {offset}: {line}");
    }
}

#[test]
fn empty_input() {
    assert_eq!(
        refused("empty.json", b"", &["pc", "c"]),
        "Error: empty.json is empty"
    );
    assert_eq!(
        refused("blank.json", b"  \n\t\n", &["pc", "c"]),
        "Error: blank.json is empty"
    );
    let dir = workdir(&[]);
    let run = meshctl_in(dir.path(), &["pc", "l", "-f", "-"], Some(Vec::new()));
    assert_eq!(
        refused_run(run, &["-f", "-"]),
        "Error: standard input is empty"
    );
}

#[test]
fn binary_garbage_and_invalid_utf8() {
    let garbage: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert_eq!(
        refused("garbage.bin", &garbage, &["pc", "c"]),
        "Error: garbage.bin is not text: invalid UTF-8 at byte 128"
    );
    // One bad byte inside a real dump.
    let mut dump = sidecar_dump();
    dump.insert(3_000, 0xff);
    assert_eq!(
        refused("latin1.json", &dump, &["pc", "c"]),
        "Error: latin1.json is not text: invalid UTF-8 at byte 3000"
    );
    // Valid UTF-8 that is neither JSON nor YAML.
    let line = refused("controls.bin", b"\x01\x02\x03 not a dump", &["pc", "c"]);
    assert!(
        line.starts_with("Error: controls.bin is neither JSON nor YAML"),
        "{line}"
    );
}

#[test]
fn a_directory_and_a_missing_file() {
    let dir = workdir(&[]);
    std::fs::create_dir(dir.path().join("dumps")).unwrap();
    let run = meshctl_in(dir.path(), &["pc", "c", "-f", "dumps"], None);
    assert_eq!(
        refused_run(run, &["dumps"]),
        "Error: cannot read dumps: it is a directory"
    );
    let run = meshctl_in(dir.path(), &["pc", "c", "-f", "nowhere.json"], None);
    assert_eq!(
        refused_run(run, &["nowhere.json"]),
        "Error: cannot read nowhere.json: no such file"
    );
}

#[test]
fn trailing_garbage_after_the_dump() {
    let mut dump = sidecar_dump();
    let at = dump.len();
    dump.extend_from_slice(b"\n{\"configs\":[]}");
    let line = refused("twice.json", &dump, &["pc", "c"]);
    assert!(
        line.starts_with(&format!(
            "Error: error unmarshalling config dump response from Envoy: twice.json: invalid JSON at byte {} ",
            at + 1
        )),
        "{line}"
    );
    assert!(line.ends_with("trailing characters"), "{line}");
}

#[test]
fn deep_nesting_is_refused_or_skipped_never_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        refused("deep.json", deep.as_bytes(), &["pc", "c"]),
        "Error: error unmarshalling config dump response from Envoy: deep.json: not a JSON object (found a JSON array)"
    );
    // Deep enough for the YAML reader's recursion limit. (Much deeper YAML is slow to refuse: the
    // YAML scanner's time grows with the square of the depth, 44 s for 100,000 in a debug build.)
    let deep_yaml = format!("a: {}", "[".repeat(2_000));
    let line = refused("deep.yaml", deep_yaml.as_bytes(), &["pc", "c"]);
    assert!(
        line.starts_with("Error: deep.yaml is neither JSON nor YAML at line 1, column "),
        "{line}"
    );
    assert!(line.ends_with("recursion limit exceeded"), "{line}");
}

// ---------------------------------------------------------------------------------------------
// Wrong kind of document
// ---------------------------------------------------------------------------------------------

#[test]
fn wrong_kinds_of_json_document() {
    let mut array = b"[".to_vec();
    array.extend(sidecar_dump());
    array.push(b']');
    assert_eq!(
        refused("array.json", &array, &["pc", "c"]),
        "Error: error unmarshalling config dump response from Envoy: array.json: not a JSON object (found a JSON array)"
    );
    // Any object is a dump to istioctl; one without `configs` has no sections.
    assert_eq!(
        refused("object.json", b"{\"kind\": \"Pod\"}", &["pc", "c"]),
        "Error: config dump has no configuration type type.googleapis.com/envoy.admin.v3.ClustersConfigDump"
    );
    assert_eq!(
        refused("null.json", b"null", &["pc", "c"]),
        "Error: null.json is not an Envoy config dump or /clusters?format=json output (not a JSON or YAML object)"
    );
    assert_eq!(
        refused("configs.json", b"{\"configs\": 5}", &["pc", "c"]),
        "Error: error unmarshalling config dump response from Envoy: configs.json: unexpected JSON content at byte 12 (line 1, column 13): invalid type: integer `5`, expected a list of config dump sections"
    );
}

/// istioctl reads a `/clusters` answer given to a dump view as a dump without sections: each
/// view says which section it lacks, the EDS view prints its header, `all -o json` the text.
#[test]
fn clusters_json_given_to_a_dump_only_view() {
    let clusters = std::fs::read(fixture("web-frontend", "clusters.json")).unwrap();
    for (command, missing) in [
        ("clusters", "ClustersConfigDump"),
        ("listeners", "ListenersConfigDump"),
        ("routes", "RoutesConfigDump"),
        ("all", "BootstrapConfigDump"),
    ] {
        let prefix = if command == "listeners" {
            "listener dump: "
        } else {
            ""
        };
        assert_eq!(
            refused("clusters.json", &clusters, &["pc", command]),
            format!("Error: {prefix}config dump has no configuration type type.googleapis.com/envoy.admin.v3.{missing}")
        );
    }
    assert_eq!(
        accepted("clusters.json", &clusters, &["pc", "eds"]),
        "NAME     STATUS     LOCALITY     CLUSTER\n"
    );
    assert_eq!(
        accepted("clusters.json", &clusters, &["pc", "all", "-o", "json"]).as_bytes(),
        &clusters[..]
    );
}

#[test]
fn a_section_without_type() {
    let bytes = edited(|v| {
        v["configs"]
            .as_array_mut()
            .unwrap()
            .insert(1, serde_json::json!({"static_clusters": []}));
    });
    let line = refused("untyped.json", &bytes, &["pc", "listeners"]);
    assert!(
        line.starts_with("Error: error unmarshalling config dump response from Envoy: untyped.json: unexpected JSON content at byte "),
        "{line}"
    );
    assert!(
        line.ends_with("a config dump section has no `@type`"),
        "{line}"
    );
}

#[test]
fn a_dump_missing_the_needed_section() {
    let bytes = edited(|v| {
        v["configs"]
            .as_array_mut()
            .unwrap()
            .retain(|s| s["@type"] != "type.googleapis.com/envoy.admin.v3.ListenersConfigDump")
    });
    assert_eq!(
        refused("nolisteners.json", &bytes, &["pc", "listeners"]),
        "Error: listener dump: config dump has no configuration type type.googleapis.com/envoy.admin.v3.ListenersConfigDump"
    );
    // Other views of the same dump still work.
    assert!(accepted("nolisteners.json", &bytes, &["pc", "clusters"]).starts_with("SERVICE FQDN"));
}

#[test]
fn a_section_of_the_wrong_shape() {
    let bytes = edited(|v| {
        for s in v["configs"].as_array_mut().unwrap() {
            if s["@type"] == "type.googleapis.com/envoy.admin.v3.ClustersConfigDump" {
                s["static_clusters"] = "oops".into();
            }
        }
    });
    let line = refused("shape.json", &bytes, &["pc", "clusters"]);
    // The list is read as the dump is parsed, so the error says where in the file it is.
    let oops = String::from_utf8_lossy(&bytes).find("\"oops\"").unwrap();
    let at: usize = line
        .strip_prefix("Error: error unmarshalling config dump response from Envoy: shape.json: unexpected JSON content at byte ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{line}"));
    assert!(
        (oops..=oops + 6).contains(&at),
        "{line} (the value is at byte {oops})"
    );
    assert!(
        line.ends_with("invalid type: string \"oops\", expected a list in static_clusters"),
        "{line}"
    );
}

/// `clusters -o json` and `routes -o json` read only as far as each resource's name (`eds -o
/// json` each assignment's cluster name); a name that is not a string still gets the error,
/// with its place in the file, that the table's typed read gives.
#[test]
fn a_name_read_alone_that_is_not_a_string() {
    let cases = [
        (
            "Clusters",
            "dynamic_active_clusters",
            "cluster",
            "name",
            "clusters",
        ),
        (
            "Endpoints",
            "dynamic_endpoint_configs",
            "endpoint_config",
            "cluster_name",
            "eds",
        ),
        (
            "Routes",
            "dynamic_route_configs",
            "route_config",
            "name",
            "routes",
        ),
    ];
    for (section, list, wrapper, field, view) in cases {
        let bytes = edited(|v| {
            let kind = format!("type.googleapis.com/envoy.admin.v3.{section}ConfigDump");
            for s in v["configs"].as_array_mut().unwrap() {
                if s["@type"] == kind.as_str() {
                    s[list][0][wrapper][field] = 7.into();
                }
            }
        });
        for args in [&["pc", view][..], &["pc", view, "-o", "json"]] {
            let line = refused("name.json", &bytes, args);
            assert!(
                line.starts_with("Error: error unmarshalling config dump response from Envoy: name.json: unexpected JSON content at byte ")
                    && line.ends_with("invalid type: integer `7`, expected a string"),
                "{args:?}: {line}"
            );
        }
    }
}

#[test]
fn unknown_section_types_are_ignored_by_tables_and_kept_in_json() {
    let mystery = serde_json::json!({
        "@type": "type.googleapis.com/envoy.admin.v3.MysteryConfigDump",
        "secret_sauce": {"x_y": 1}
    });
    let bytes = edited(|v| v["configs"].as_array_mut().unwrap().push(mystery.clone()));
    assert_eq!(
        accepted("mystery.json", &bytes, &["pc", "clusters"]),
        plain(&["pc", "clusters"])
    );
    // istioctl drops what it cannot decode; meshctl keeps it as it is.
    for format in ["json", "raw"] {
        let out = accepted("mystery.json", &bytes, &["pc", "all", "-o", format]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v["configs"].as_array().unwrap().last().unwrap(),
            &mystery,
            "-o {format}"
        );
    }
    // With only unknown sections, istioctl's words for the missing one.
    let only = serde_json::json!({"configs": [mystery]}).to_string();
    assert_eq!(
        refused("only-mystery.json", only.as_bytes(), &["pc", "clusters"]),
        "Error: config dump has no configuration type type.googleapis.com/envoy.admin.v3.ClustersConfigDump"
    );
}

// ---------------------------------------------------------------------------------------------
// Saved HTTP responses
// ---------------------------------------------------------------------------------------------

fn with_head(head: &str, body: &[u8]) -> Vec<u8> {
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend_from_slice(body);
    bytes
}

#[test]
fn curl_i_responses_are_read_past_their_head() {
    let expected = plain(&["pc", "listeners", "--port", "80"]);
    let heads = [
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncache-control: no-cache, max-age=0\r\nx-content-type-options: nosniff\r\ndate: Sat, 01 Jun 2024 10:00:00 GMT\r\nserver: envoy\r\ntransfer-encoding: chunked\r\n\r\n",
        "HTTP/1.1 200 OK\ncontent-type: application/json\n\n",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n",
        "HTTP/2 200 \r\ncontent-type: application/json\r\n\r\n",
    ];
    for head in heads {
        let out = accepted(
            "saved.txt",
            &with_head(head, &sidecar_dump()),
            &["pc", "listeners", "--port", "80"],
        );
        assert_eq!(out, expected, "head {head:?}");
    }
    // /clusters saved the same way, for `endpoint`.
    let clusters = std::fs::read(fixture("web-frontend", "clusters.json")).unwrap();
    let out = accepted(
        "clusters.txt",
        &with_head(heads[0], &clusters),
        &["pc", "endpoints"],
    );
    let direct = accepted("clusters.json", &clusters, &["pc", "endpoints"]);
    assert_eq!(out, direct);
}

#[test]
fn a_saved_error_response_names_its_status() {
    let saved = with_head(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 19\r\ncontent-type: text/plain\r\n\r\n",
        b"no healthy upstream",
    );
    assert_eq!(
        refused("503.txt", &saved, &["pc", "clusters"]),
        "Error: 503.txt holds an HTTP 503 response, not a dump: no healthy upstream"
    );
    let saved = with_head("HTTP/1.1 404 Not Found\r\n\r\n", b"");
    assert_eq!(
        refused("404.txt", &saved, &["pc", "clusters"]),
        "Error: 404.txt holds an HTTP 404 response, not a dump: (no body)"
    );
    assert_eq!(
        refused(
            "headonly.txt",
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n",
            &["pc", "c"]
        ),
        "Error: headonly.txt: an HTTP response head with no body after it"
    );
}

/// The offset counted from the start of the body, not of the file the user has.
#[test]
fn truncated_body_after_a_head_named_an_offset_in_the_body_not_the_file() {
    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n";
    let line = refused(
        "cut.txt",
        &with_head(head, &sidecar_dump()[..5_000]),
        &["pc", "c"],
    );
    let end = head.len() + 5_000;
    assert!(
        line.starts_with(&format!(
            "Error: error unmarshalling config dump response from Envoy: cut.txt: truncated JSON: the input ends at byte {end} "
        )),
        "{line}"
    );
    // A syntax error inside the body is located in the file too.
    let mut body = sidecar_dump();
    let colon = body
        .iter()
        .position(|b| *b == b':')
        .expect("a colon in the dump");
    body[colon] = b'#';
    let line = refused("bad.txt", &with_head(head, &body), &["pc", "c"]);
    let at = head.len() + colon;
    assert!(line.contains(&format!(" at byte {at} ")), "{line}");
}

// ---------------------------------------------------------------------------------------------
// YAML and camelCase dumps: the same answers as the plain dump, for every view
// ---------------------------------------------------------------------------------------------

fn every_view() -> Vec<(ViewKind, &'static str)> {
    let listeners = ListenerFilter {
        address: None,
        port: None,
        listener_type: None,
        verbose: true,
    };
    let routes = RouteFilter {
        name: None,
        verbose: true,
    };
    vec![
        (
            ViewKind::Clusters(ClusterFilter::default()),
            "config_dump.json",
        ),
        (ViewKind::Listeners(listeners.clone()), "config_dump.json"),
        (ViewKind::Routes(routes.clone()), "config_dump.json"),
        (ViewKind::Eds(EndpointFilter::default()), "config_dump.json"),
        (
            ViewKind::Endpoints(EndpointFilter::default()),
            "config_dump.json",
        ),
        (
            ViewKind::Endpoints(EndpointFilter::default()),
            "clusters.json",
        ),
        (ViewKind::Secrets, "config_dump.json"),
        (ViewKind::Ecds, "config_dump.json"),
        (ViewKind::Bootstrap, "config_dump.json"),
        (
            ViewKind::All(AllFilter {
                clusters: ClusterFilter::default(),
                listeners,
                routes,
                endpoints: EndpointFilter::default(),
                with_headers: true,
            }),
            "config_dump.json",
        ),
    ]
}

fn render(view: &ViewKind, bytes: &[u8], format: Format) -> Result<String, String> {
    let doc = Document::from_bytes(bytes.to_vec(), "input".into()).map_err(|e| e.message)?;
    let mut out = Vec::new();
    meshctl::views::render(view, &doc, format, NOW, &mut out).map_err(|e| e.message)?;
    Ok(String::from_utf8(out).unwrap())
}

/// Same tables byte for byte, same JSON (raw: Envoy's spelling) as values; with `exact`, every
/// format byte for byte.
fn assert_same_answers(describe: &str, exact: bool, convert: impl Fn(&[u8], &str) -> Vec<u8>) {
    for scenario in ["web-frontend", "ingress-gateway"] {
        for (view, file) in every_view() {
            let original = std::fs::read(fixture(scenario, file)).unwrap();
            let converted = convert(&original, file);
            let formats = [
                Format::Short,
                Format::Wide,
                Format::Json,
                Format::Yaml,
                Format::Raw,
            ];
            for format in formats {
                let want = render(&view, &original, format);
                let got = render(&view, &converted, format);
                let context = format!("{describe} {scenario}/{file} {view:?} -o {format:?}");
                match (want, got) {
                    (Ok(want), Ok(got)) if exact || format.is_table() => {
                        assert_eq!(got, want, "{context}")
                    }
                    // Compared as values below: YAML once read back is the same document.
                    (Ok(_), Ok(_)) if format == Format::Yaml => {}
                    (Ok(want), Ok(got)) => {
                        let want: serde_json::Value = serde_json::from_str(&want).unwrap();
                        let got: serde_json::Value = serde_json::from_str(&got).unwrap();
                        assert_eq!(got, want, "{context}");
                    }
                    // The gateway has no ECDS section: the same error either way.
                    (Err(want), Err(got)) => assert_eq!(got, want, "{context}"),
                    (want, got) => panic!("{context}: {want:?} vs {got:?}"),
                }
            }
        }
    }
}

#[test]
fn yaml_dumps_give_the_same_answers() {
    assert_same_answers("YAML", false, |json, _| {
        // Through a tree that keeps member order as Envoy wrote it.
        let value: Ordered = serde_json::from_slice(json).unwrap();
        serde_saphyr::to_string(&value).unwrap().into_bytes()
    });
}

/// A JSON value with its members in their order (serde_json's `Value` sorts them), for writing
/// it out again with another serializer.
enum Ordered {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Ordered>),
    Object(Vec<(String, Ordered)>),
}

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ordered, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<Ordered, E> {
                Ok(Ordered::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Ordered, E> {
                Ok(Ordered::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Ordered, E> {
                Ok(Ordered::Number(n.into()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Ordered, E> {
                Ok(Ordered::Number(n.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Ordered, E> {
                serde_json::Number::from_f64(n)
                    .map(Ordered::Number)
                    .ok_or_else(|| E::custom("not a JSON number"))
            }
            fn visit_str<E>(self, s: &str) -> Result<Ordered, E> {
                Ok(Ordered::String(s.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Ordered, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Ordered::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Ordered, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Ordered::Object(members))
            }
        }
        d.deserialize_any(V)
    }
}

impl serde::Serialize for Ordered {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Ordered::Null => s.serialize_unit(),
            Ordered::Bool(b) => s.serialize_bool(*b),
            Ordered::Number(n) => n.serialize(s),
            Ordered::String(text) => s.serialize_str(text),
            Ordered::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Ordered::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// A camelCase dump is rewritten into Envoy's spelling when it is read: every view and format
/// prints byte for byte what the snake_case original prints, whatever the camelCase text's
/// layout (istioctl's indentation, compact, or Envoy's own).
#[test]
fn camel_case_dumps_give_byte_identical_answers() {
    for indent in [Some(&b"    "[..]), None, Some(b" ")] {
        assert_same_answers("camelCase", true, |json, file| {
            let root = if file == "clusters.json" {
                "envoy.admin.v3.Clusters"
            } else {
                "envoy.admin.v3.ConfigDump"
            };
            let text = crate::support::camel_case(std::str::from_utf8(json).unwrap(), root, indent);
            assert!(
                text.contains("\"dynamicActiveClusters\"") || text.contains("\"clusterStatuses\""),
                "the transcoder gave camelCase"
            );
            text.into_bytes()
        });
    }
}

#[test]
fn istioctl_style_json_of_all_reads_back() {
    // istioctl's camelCase JSON of a dump (what `istioctl proxy-config ... -o json` prints for
    // the config dump's messages), made by the schema transcoder: feed it back.
    let snake = std::fs::read_to_string(fixture("web-frontend", "config_dump.json")).unwrap();
    let camel = crate::support::camel_case(&snake, "envoy.admin.v3.ConfigDump", Some(b"    "));
    assert!(camel.contains("\"dynamicListeners\""));
    let out = accepted(
        "istioctl.json",
        camel.as_bytes(),
        &["pc", "listeners", "--port", "80"],
    );
    assert_eq!(out, plain(&["pc", "listeners", "--port", "80"]));
    let out = accepted("istioctl.json", camel.as_bytes(), &["pc", "routes"]);
    assert_eq!(out, plain(&["pc", "routes"]));
    // And YAML of the dump too.
    let yaml = plain(&["pc", "all", "-o", "yaml"]);
    let out = accepted(
        "istioctl.yaml",
        yaml.as_bytes(),
        &["pc", "clusters", "-o", "wide"],
    );
    assert_eq!(out, plain(&["pc", "clusters", "-o", "wide"]));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(sidecar_dump());
    assert_eq!(
        accepted("bom.json", &bytes, &["pc", "listeners", "--port", "80"]),
        plain(&["pc", "listeners", "--port", "80"])
    );
}
