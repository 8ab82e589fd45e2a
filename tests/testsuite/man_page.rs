//! The man pages in doc/man/ are what clap_mangen makes from the CLI definition, one per
//! command: this fails when a flag or help text changes and they were not regenerated
//! (`MESHCTL_BLESS=1 cargo test --test testsuite man_page` writes them).

use std::collections::BTreeMap;
use std::path::Path;

use clap::CommandFactory;

fn pages(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            (
                name,
                std::fs::read_to_string(entry.path()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn committed_man_pages_match_the_cli() {
    let fresh_dir = tempfile::tempdir().unwrap();
    clap_mangen::generate_to(meshctl::cli::Cli::command(), fresh_dir.path()).unwrap();
    let fresh = pages(fresh_dir.path());
    assert!(fresh.contains_key("meshctl.1"), "{:?}", fresh.keys());
    assert!(fresh.contains_key("meshctl-proxy-config-listener.1"));
    assert!(fresh["meshctl-proxy-config-listener.1"].contains("Examples:"));
    let committed_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("doc/man");
    if std::env::var_os("MESHCTL_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(&committed_dir);
        std::fs::create_dir_all(&committed_dir).unwrap();
        for (name, text) in &fresh {
            std::fs::write(committed_dir.join(name), text).unwrap();
        }
    }
    let committed = pages(&committed_dir);
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "doc/man/ is stale: regenerate with MESHCTL_BLESS=1 cargo test --test testsuite man_page"
    );
    for (name, text) in &fresh {
        assert!(
            committed[name] == *text,
            "doc/man/{name} is stale: regenerate with MESHCTL_BLESS=1 cargo test --test testsuite man_page"
        );
    }
}

/// groff, which `man` runs, reads every page without a warning.
#[test]
fn man_pages_format_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("doc/man");
    for name in pages(&dir).keys() {
        let out = std::process::Command::new("groff")
            // Plain text: no overstriking for bold and underline.
            .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
            .arg(dir.join(name))
            .output()
            .expect("run groff (man's formatter)");
        let warnings = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && warnings.is_empty(),
            "{name}: {warnings}"
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("\nNAME\n") && text.contains("\nOPTIONS\n"),
            "{name}: {text}"
        );
    }
}
