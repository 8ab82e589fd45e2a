//! clap's parse errors in the words of istioctl's flag library (`unknown flag: --foo`,
//! `invalid argument "x" for "--port" flag: ...`), and the usage line printed before an error
//! about a command's arguments.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgMatches, Command};

use crate::goparse::{quote, ValueError};

/// The message for a command line clap refused. `words` are the arguments after the program
/// name, as given; `command` is the command clap parsed them with.
pub fn flag_error(error: &clap::Error, words: &[String], command: &Command) -> String {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        _ => None,
    };
    let message = match error.kind() {
        ErrorKind::UnknownArgument => context(ContextKind::InvalidArg).and_then(|arg| {
            if let Some(long) = arg.strip_prefix("--") {
                let name = long.split('=').next().unwrap_or(long);
                Some(format!("unknown flag: --{name}"))
            } else if let Some(short) = arg.strip_prefix('-') {
                let letter = short.chars().next()?;
                Some(format!(
                    "unknown shorthand flag: '{letter}' in {}",
                    short_word(words, letter).unwrap_or(&arg)
                ))
            } else {
                unknown_command(&arg, words)
            }
        }),
        ErrorKind::InvalidSubcommand => {
            context(ContextKind::InvalidSubcommand).and_then(|name| unknown_command(&name, words))
        }
        // With every value flag taking the next word whatever it is, a missing value can only be
        // the last word's.
        ErrorKind::InvalidValue
            if context(ContextKind::InvalidValue).is_some_and(|v| v.is_empty()) =>
        {
            words.last().map(|last| match last.strip_prefix("--") {
                Some(long) => format!("flag needs an argument: --{long}"),
                None => format!(
                    "flag needs an argument: '{}' in {last}",
                    last.chars().last().unwrap_or('-')
                ),
            })
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .and_then(|source| source.downcast_ref::<ValueError>())
                .map(ToString::to_string);
            match (
                context(ContextKind::InvalidArg),
                context(ContextKind::InvalidValue),
                why,
            ) {
                (Some(arg), Some(value), Some(why)) => Some(format!(
                    "invalid argument {} for {} flag: {why}",
                    quote(&value),
                    quote(&flag_display_name(&arg, command))
                )),
                _ => None,
            }
        }
        _ => None,
    };
    message.unwrap_or_else(|| {
        // Anything else in clap's own words, its first line only.
        let text = error.to_string();
        let first = text.lines().next().unwrap_or_default();
        first.strip_prefix("error: ").unwrap_or(first).to_string()
    })
}

/// The word a short flag was found in (`-xv` for `x`): the first such word before `--`.
fn short_word(words: &[String], letter: char) -> Option<&str> {
    words
        .iter()
        .take_while(|w| *w != "--")
        .find(|w| w.starts_with('-') && !w.starts_with("--") && w[1..].contains(letter))
        .map(String::as_str)
}

/// `unknown command "x" for "meshctl proxy-config"`: the parent is `proxy-config` when one of
/// its names comes before the word.
fn unknown_command(name: &str, words: &[String]) -> Option<String> {
    let at = words.iter().position(|w| w == name)?;
    let under_pc = words[..at].iter().any(|w| w == "pc" || w == "proxy-config");
    let parent = if under_pc {
        "meshctl proxy-config"
    } else {
        "meshctl"
    };
    Some(format!(
        "unknown command {} for {}",
        quote(name),
        quote(parent)
    ))
}

/// How istioctl's flag library names a flag in a value error: `--port`, or `-r, --reset` for a
/// flag with a short form. `arg` is clap's rendering (`--port <PORT>`, `--reset[=<BOOL>]`).
fn flag_display_name(arg: &str, command: &Command) -> String {
    let end = arg.find([' ', '=', '[']).unwrap_or(arg.len());
    let spelled = &arg[..end];
    let Some(long) = spelled.strip_prefix("--") else {
        return spelled.to_string();
    };
    match find_short(command, long) {
        Some(short) => format!("-{short}, --{long}"),
        None => format!("--{long}"),
    }
}

/// The short form of the flag named `long`, anywhere in the command tree.
fn find_short(command: &Command, long: &str) -> Option<char> {
    command
        .get_arguments()
        .find(|a| a.get_long() == Some(long))
        .and_then(|a| a.get_short())
        .or_else(|| {
            command
                .get_subcommands()
                .find_map(|sub| find_short(sub, long))
        })
}

/// The usage line of the (sub)command the arguments chose.
pub fn usage_of(command: &mut Command, matches: &ArgMatches) -> String {
    let mut path = Vec::new();
    let mut current = matches;
    while let Some((name, sub)) = current.subcommand() {
        path.push(name.to_string());
        current = sub;
    }
    command.build();
    let mut chosen = command.clone();
    for name in &path {
        match chosen.find_subcommand(name) {
            Some(sub) => chosen = sub.clone(),
            None => break,
        }
    }
    chosen.render_usage().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// The message for `meshctl <line>`, which must fail to parse.
    fn error_for(line: &[&str]) -> String {
        let mut command = crate::cli::Cli::command();
        let args = std::iter::once("meshctl").chain(line.iter().copied());
        let error = command
            .try_get_matches_from_mut(args)
            .expect_err("the line must be refused");
        let words: Vec<String> = line.iter().map(|w| w.to_string()).collect();
        flag_error(&error, &words, &command)
    }

    #[test]
    fn unknown_flags_in_istioctls_words() {
        assert_eq!(error_for(&["pc", "c", "--foo"]), "unknown flag: --foo");
        assert_eq!(error_for(&["pc", "c", "--foo=bar"]), "unknown flag: --foo");
        assert_eq!(
            error_for(&["pc", "c", "-x"]),
            "unknown shorthand flag: 'x' in -x"
        );
        assert_eq!(
            error_for(&["pc", "log", "-rx"]),
            "unknown shorthand flag: 'x' in -rx"
        );
    }

    #[test]
    fn a_missing_value_in_istioctls_words() {
        assert_eq!(
            error_for(&["pc", "c", "-f", "d.json", "--port"]),
            "flag needs an argument: --port"
        );
        assert_eq!(
            error_for(&["pc", "c", "pod", "-n"]),
            "flag needs an argument: 'n' in -n"
        );
    }

    #[test]
    fn bad_values_in_istioctls_words() {
        assert_eq!(
            error_for(&["pc", "c", "--port", "x"]),
            "invalid argument \"x\" for \"--port\" flag: strconv.ParseInt: parsing \"x\": invalid syntax"
        );
        assert_eq!(
            error_for(&["pc", "l", "--port=99999999999999999999"]),
            "invalid argument \"99999999999999999999\" for \"--port\" flag: strconv.ParseInt: \
             parsing \"99999999999999999999\": value out of range"
        );
        assert_eq!(
            error_for(&["pc", "l", "--verbose=yes"]),
            "invalid argument \"yes\" for \"--verbose\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax"
        );
        assert_eq!(
            error_for(&["pc", "l", "--waypoint=yes"]),
            "invalid argument \"yes\" for \"--waypoint\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax"
        );
        assert_eq!(
            error_for(&["pc", "l", "--verbose="]),
            "invalid argument \"\" for \"--verbose\" flag: strconv.ParseBool: parsing \"\": invalid syntax"
        );
        assert_eq!(
            error_for(&["pc", "log", "p", "-r=maybe"]),
            "invalid argument \"maybe\" for \"-r, --reset\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax"
        );
        assert_eq!(
            error_for(&["pc", "c", "--proxy-admin-port", "--port"]),
            "invalid argument \"--port\" for \"--proxy-admin-port\" flag: strconv.ParseInt: \
             parsing \"--port\": invalid syntax"
        );
        assert_eq!(
            error_for(&["pc", "c", "--kubeclient-timeout", "5"]),
            "invalid argument \"5\" for \"--kubeclient-timeout\" flag: time: missing unit in duration \"5\""
        );
    }

    #[test]
    fn unknown_commands_name_their_parent() {
        assert_eq!(
            error_for(&["pc", "bogus"]),
            "unknown command \"bogus\" for \"meshctl proxy-config\""
        );
        assert_eq!(
            error_for(&["bogus"]),
            "unknown command \"bogus\" for \"meshctl\""
        );
    }
}
