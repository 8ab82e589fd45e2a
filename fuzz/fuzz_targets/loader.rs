//! Any bytes as a `-f` file: reading them and rendering every view in every format returns,
//! never panics, and an error is one non-empty line (the same check as
//! tests/testsuite/bad_input_fuzz.rs, for as long as libFuzzer is given).

#![no_main]

use libfuzzer_sys::fuzz_target;

use meshctl::config::{
    AllFilter, ClusterFilter, EndpointFilter, Format, ListenerFilter, RouteFilter, ViewKind,
};
use meshctl::input::Document;

fn views() -> Vec<ViewKind> {
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
        ViewKind::Clusters(ClusterFilter::default()),
        ViewKind::Listeners(listeners.clone()),
        ViewKind::Routes(routes.clone()),
        ViewKind::Eds(EndpointFilter::default()),
        ViewKind::Endpoints(EndpointFilter::default()),
        ViewKind::Secrets,
        ViewKind::Ecds,
        ViewKind::Bootstrap,
        ViewKind::All(AllFilter {
            clusters: ClusterFilter::default(),
            listeners,
            routes,
            endpoints: EndpointFilter::default(),
            with_headers: false,
        }),
    ]
}

fn one_line(e: &meshctl::error::Error) {
    let shown = e.to_string();
    assert!(!shown.trim().is_empty(), "empty error message");
    assert_eq!(shown.lines().count(), 1, "error is not one line: {shown:?}");
}

fuzz_target!(|data: &[u8]| {
    let doc = match Document::from_bytes(data.to_vec(), "fuzz".into()) {
        Ok(doc) => doc,
        Err(e) => return one_line(&e),
    };
    for view in views() {
        for format in [Format::Short, Format::Wide, Format::Json, Format::Yaml] {
            let mut out = Vec::new();
            if let Err(e) = meshctl::views::render(&view, &doc, format, 0, &mut out) {
                one_line(&e);
            }
        }
    }
});
