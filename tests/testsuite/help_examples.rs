//! Every command's `--help` ends with examples, and the examples that read a saved dump run:
//! `dump.json` is the web-frontend fixture's config dump, `clusters.json` its `/clusters` answer.

use clap::CommandFactory;
use meshctl::cli::Cli;

use crate::support::*;

/// Every command and subcommand, hidden ones too, with its path (`meshctl pc listener`).
fn commands() -> Vec<(String, clap::Command)> {
    fn walk(path: String, cmd: &clap::Command, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.clone(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            // clap's own `help` subcommand prints the others' help.
            if sub.get_name() != "help" {
                walk(format!("{path} {}", sub.get_name()), sub, out);
            }
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk("meshctl".into(), &cmd, &mut out);
    out
}

/// The example lines of a help text: the indented lines after `Examples:`.
fn examples(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim() != "Examples:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.trim().to_string())
        .collect()
}

/// Splits a command line at spaces, keeping double-quoted words whole.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => out.extend(Some(std::mem::take(&mut word)).filter(|w| !w.is_empty())),
            c => word.push(c),
        }
    }
    out.extend(Some(word).filter(|w| !w.is_empty()));
    out
}

#[test]
fn every_command_help_has_examples_of_that_command() {
    let commands = commands();
    assert!(commands.len() >= 15, "{} commands", commands.len());
    for (path, mut cmd) in commands {
        let help = cmd.render_long_help().to_string();
        let examples = examples(&help);
        assert!(
            !examples.is_empty(),
            "`{path} --help` has no examples:\n{help}"
        );
        // Each example uses the command it documents (by name or alias), or is one of the
        // top-level command's overview lines.
        let mut names: Vec<String> = vec![cmd.get_name().to_string()];
        names.extend(cmd.get_all_aliases().map(str::to_string));
        for example in &examples {
            let uses = words(example).iter().any(|w| names.contains(w)) || path == "meshctl";
            assert!(uses, "`{path}`: example {example:?} does not use {names:?}");
        }
    }
}

#[test]
fn examples_that_read_a_saved_dump_run() {
    let home = temp_home();
    let dump = path_str(&fixture("web-frontend", "config_dump.json"));
    let clusters = path_str(&fixture("web-frontend", "clusters.json"));
    let mut ran = 0;
    for (path, mut cmd) in commands() {
        for example in examples(&cmd.render_long_help().to_string()) {
            let words = words(&example);
            let reads_a_file = words
                .iter()
                .any(|w| w == "dump.json" || w == "clusters.json");
            let plain = !words
                .iter()
                .any(|w| w.contains(['>', '|', '<']) && !w.contains("||"));
            if words[0] != "meshctl" || !reads_a_file || !plain || !words.iter().any(|w| w == "-f")
            {
                continue;
            }
            let args: Vec<&str> = words[1..]
                .iter()
                .map(|w| match w.as_str() {
                    "dump.json" => dump.as_str(),
                    "clusters.json" => clusters.as_str(),
                    w => w,
                })
                .collect();
            let out = meshctl(home.path(), &args, &[]);
            assert!(
                out.status.success() && !out.stdout.is_empty(),
                "`{path}` example {example:?} failed: {}",
                stderr(&out)
            );
            ran += 1;
        }
    }
    assert!(ran >= 15, "only {ran} examples ran");
}
