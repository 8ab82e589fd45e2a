//! Shell completion. The scripts in completions/ are what `meshctl completion <shell>` prints:
//! registrations that call `COMPLETE=<shell> meshctl -- WORDS` at each TAB, so they change only
//! with clap_complete's protocol (regenerate with `meshctl completion bash >
//! completions/meshctl.bash`, likewise zsh → `_meshctl`, fish). The candidates come from the
//! binary: targets, namespaces and contexts from the test API server and its kubeconfig, names
//! from a real Envoy's dump.

use std::process::Command;

fn generated(shell: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(["completion", shell])
        .output()
        .expect("run meshctl");
    assert!(
        out.status.success(),
        "meshctl completion {shell} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 completion script")
}

#[test]
fn committed_completion_scripts_match_the_cli() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (shell, file) in [
        ("bash", "meshctl.bash"),
        ("zsh", "_meshctl"),
        ("fish", "meshctl.fish"),
    ] {
        let committed = std::fs::read_to_string(format!("{root}/completions/{file}"))
            .expect("committed script");
        let fresh = generated(shell);
        assert!(
            fresh.contains(&format!("COMPLETE=\"{shell}\" meshctl --"))
                || fresh.contains(&format!("COMPLETE={shell} meshctl --")),
            "{shell} script does not ask meshctl for candidates:\n{fresh}"
        );
        assert!(
            committed == fresh,
            "completions/{file} is stale: regenerate with `meshctl completion {shell} > completions/{file}`"
        );
    }
}
