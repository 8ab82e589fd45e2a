//! Throughput of the transcoder on a large dump, against serde_json passes over the same text.
//! `cargo bench -p envoy-schema` (optionally `-- SIZE_MB`, default 100). The input repeats the
//! sections of the web-frontend fixture (a dump a real Envoy printed) until it reaches the size.

use envoy_schema::{transcode, KeyStyle, Root};
use serde_json::value::RawValue;
use std::hint::black_box;
use std::time::{Duration, Instant};

const ROUNDS: usize = 5;

/// One measured pass; the argument is an output buffer reused between passes.
type Case<'a> = Box<dyn FnMut(&mut Vec<u8>) + 'a>;

fn main() {
    let size_mb: usize = std::env::args()
        .skip(1)
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(100);
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/web-frontend/config_dump.json"
    );
    let text = std::fs::read_to_string(fixture).expect("the web-frontend fixture is readable");
    #[derive(serde::Deserialize)]
    struct Dump<'a> {
        #[serde(borrow)]
        configs: Vec<&'a RawValue>,
    }
    let dump: Dump = serde_json::from_str(&text).expect("the fixture is a config dump");
    let mut big = String::from("{\n \"configs\": [\n  ");
    let mut first = true;
    while big.len() < size_mb << 20 {
        for section in &dump.configs {
            if !first {
                big.push_str(",\n  ");
            }
            first = false;
            big.push_str(section.get());
        }
    }
    big.push_str("\n ]\n}\n");
    let megabytes = big.len() as f64 / (1 << 20) as f64;
    println!(
        "input: {megabytes:.1} MiB ({} sections)",
        big.matches("\"@type\": \"type.googleapis.com/envoy.admin.v3.")
            .count()
    );

    let mut output = Vec::with_capacity(big.len() * 2);
    let config_dump = Root::Message("envoy.admin.v3.ConfigDump");
    let mut cases: Vec<(&str, Case)> = vec![
        (
            "serde_json IgnoredAny (validate only)",
            Box::new(|_| {
                black_box(serde_json::from_str::<serde::de::IgnoredAny>(&big).unwrap());
            }),
        ),
        (
            "Picker skip (the scanner, validate only)",
            Box::new(|_| {
                assert!(envoy_schema::Picker::whole(&big, |p| p.skip()).is_some());
            }),
        ),
        (
            "serde_json Value -> to_writer_pretty",
            Box::new(|output| {
                let value: serde_json::Value = serde_json::from_str(&big).unwrap();
                output.clear();
                serde_json::to_writer_pretty(&mut *output, &value).unwrap();
                black_box(output);
            }),
        ),
        (
            "schema_gaps (walk, no output)",
            Box::new(|_| {
                black_box(envoy_schema::schema_gaps(&big, config_dump).unwrap());
            }),
        ),
        (
            "transcode ProtoJson compact -> Vec",
            Box::new(|output| {
                output.clear();
                transcode(&big, config_dump, KeyStyle::ProtoJson, output, None).unwrap();
                black_box(output);
            }),
        ),
        (
            "transcode ProtoJson 4-space -> Vec",
            Box::new(|output| {
                output.clear();
                transcode(
                    &big,
                    config_dump,
                    KeyStyle::ProtoJson,
                    output,
                    Some(b"    "),
                )
                .unwrap();
                black_box(output);
            }),
        ),
        (
            "transcode ProtoName 4-space -> io::sink",
            Box::new(|_| {
                let mut sink = std::io::sink();
                transcode(
                    &big,
                    config_dump,
                    KeyStyle::ProtoName,
                    &mut sink,
                    Some(b"    "),
                )
                .unwrap();
            }),
        ),
    ];
    // Rounds interleave the cases so that a busy moment of the (shared) machine hits them alike;
    // the best round of each case is reported.
    let mut best = vec![Duration::MAX; cases.len()];
    for _ in 0..ROUNDS {
        for ((_, run), best) in cases.iter_mut().zip(&mut best) {
            let start = Instant::now();
            run(&mut output);
            *best = (*best).min(start.elapsed());
        }
    }
    let baseline = best[0].as_secs_f64();
    for ((name, _), best) in cases.iter().zip(&best) {
        let seconds = best.as_secs_f64();
        println!(
            "{name:<42} {:>8.1} ms {:>6.0} MiB/s {:>5.2}x",
            seconds * 1e3,
            megabytes / seconds,
            seconds / baseline
        );
    }
}
