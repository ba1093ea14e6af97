//! `frextract lexicon check`: validates a directory of user lexicons and
//! event rule files, reporting **every** bad line, not just the first.
//!
//! The loaders stop at the first error (an extractor is either built or
//! not), so the check runs them again and again, each time setting aside
//! the line just reported (a whole rule, when the error is about the rule),
//! until a file reads cleanly. Line numbers stay those of the file.

use crate::error::Error;
use crate::events::RuleSet;
use crate::lexicon::Lexicons;
use std::path::{Path, PathBuf};

/// What was checked and what is wrong.
#[derive(Debug, Default)]
pub struct Report {
    /// Lexicon files read.
    pub lexicon_files: usize,
    /// Rule files read.
    pub rule_files: usize,
    /// Every problem found, `file:line: message` when displayed.
    pub problems: Vec<Error>,
}

/// Checks the lexicon files of `dir` (and of `dir/tokenizer`), the rule
/// files `dir/*.rules` and `rule_files`. An error only when `dir` cannot be read.
pub fn check(dir: &Path, rule_files: &[PathBuf]) -> Result<Report, Error> {
    let io = |path: &Path, source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut report = Report::default();
    let mut rules: Vec<PathBuf> = rule_files.to_vec();
    for sub in ["", "tokenizer"] {
        let d = dir.join(sub);
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if sub.is_empty() => return Err(io(dir, e)),
            Err(_) => continue,
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "rules" && sub.is_empty() {
                rules.push(path);
                continue;
            }
            if ext != "tsv" && ext != "txt" {
                continue;
            }
            let file_name = path.file_name().unwrap_or_default().to_string_lossy();
            let name = if sub.is_empty() {
                file_name.into_owned()
            } else {
                format!("{sub}/{file_name}")
            };
            if Lexicons::file_names().all(|known| known != name) {
                report.problems.push(Error::UnknownLexicon {
                    path,
                    known: Lexicons::file_names().collect::<Vec<_>>().join(", "),
                });
                continue;
            }
            report.lexicon_files += 1;
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let mut found = Vec::new();
                    check_lexicon(&name, &path, &bytes, &mut found);
                    report.problems.extend(in_line_order(found));
                }
                Err(e) => report.problems.push(io(&path, e)),
            }
        }
    }
    // Rules are compiled against the user's lexicons (verb forms, cues)
    // when they load, the embedded ones otherwise.
    let lexicons = Lexicons::load(Some(dir), false)
        .or_else(|_| Lexicons::embedded())
        .map_err(|e| io(dir, std::io::Error::other(e.to_string())))?;
    for path in rules {
        report.rule_files += 1;
        match std::fs::read(&path) {
            Ok(bytes) => {
                let mut found = Vec::new();
                check_rules(&path, &bytes, &lexicons, &mut found);
                report.problems.extend(in_line_order(found));
            }
            Err(e) => report.problems.push(io(&path, e)),
        }
    }
    Ok(report)
}

/// The problems of one file by line (the loaders check columns before contents).
fn in_line_order(mut problems: Vec<Error>) -> Vec<Error> {
    problems.sort_by_key(|e| match e {
        Error::Lexicon { line, .. } | Error::Rule { line, .. } => *line,
        _ => 0,
    });
    problems
}

/// The lines of `bytes`; each line that is not UTF-8 is reported and
/// replaced by an empty one.
fn utf8_lines(
    label: &str,
    bytes: &[u8],
    problems: &mut Vec<Error>,
    make: fn(String, usize, String) -> Error,
) -> Vec<String> {
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, line)| match std::str::from_utf8(line) {
            Ok(s) => s.to_string(),
            Err(e) => {
                problems.push(make(
                    label.to_string(),
                    i + 1,
                    format!(
                        "invalid UTF-8 at byte {} of the line; files must be UTF-8",
                        e.valid_up_to()
                    ),
                ));
                String::new()
            }
        })
        .collect()
}

fn check_lexicon(name: &str, path: &Path, bytes: &[u8], problems: &mut Vec<Error>) {
    let label = path.display().to_string();
    let mut lines = utf8_lines(&label, bytes, problems, |file, line, message| {
        Error::Lexicon {
            file,
            line,
            message,
        }
    });
    for _ in 0..=lines.len() {
        match Lexicons::check_file(name, &label, &lines.join("\n")) {
            Some(Err(e)) => {
                let Error::Lexicon { line, .. } = &e else {
                    problems.push(e);
                    return;
                };
                let Some(bad) = lines.get_mut(line.wrapping_sub(1)) else {
                    problems.push(e);
                    return;
                };
                bad.clear();
                problems.push(e);
            }
            _ => return,
        }
    }
}

fn check_rules(path: &Path, bytes: &[u8], lexicons: &Lexicons, problems: &mut Vec<Error>) {
    let label = path.display().to_string();
    let mut lines = utf8_lines(&label, bytes, problems, |file, line, message| Error::Rule {
        file,
        line,
        message,
    });
    let embedded = (
        "rules/events.rules (embedded)".to_string(),
        crate::events::DEFAULT_RULES.to_string(),
    );
    let mut damaged = std::collections::HashSet::new();
    // Lines too long to compile quickly, reported before compiling.
    for i in 0..lines.len() {
        if let Some((_, message)) = crate::lexicon::parse::long_rule_line(&lines[i]) {
            problems.push(Error::Rule {
                file: label.clone(),
                line: i + 1,
                message,
            });
            set_aside(&mut lines, i, &mut damaged);
        }
    }
    for _ in 0..=lines.len() {
        let sources = [embedded.clone(), (label.clone(), lines.join("\n"))];
        let e = match RuleSet::compile(&sources, lexicons) {
            Ok(_) => return,
            Err(e) => e,
        };
        let line = match &e {
            Error::Rule { file, line, .. }
                if *file == label && *line >= 1 && *line <= lines.len() =>
            {
                *line
            }
            _ => {
                problems.push(e);
                return;
            }
        };
        // An error on a `[rule]` header is about the whole rule: set aside
        // the rule up to the next header. Not reported when it only follows
        // from a bad line of that rule set aside before (`no type` after a
        // bad `type` line).
        let i = line - 1;
        let is_header = lines[i].trim_start().starts_with('[');
        if is_header && damaged.contains(&i) {
            // Already reported through one of its lines.
        } else {
            problems.push(e);
        }
        set_aside(&mut lines, i, &mut damaged);
    }
}

/// Comments out line `i` of a rule file, and the whole rule when it is the
/// rule's `[header]`; a rule that loses a line is `damaged` (its header's
/// index), so what follows from the loss is not reported again.
fn set_aside(lines: &mut [String], i: usize, damaged: &mut std::collections::HashSet<usize>) {
    let is_header = lines[i].trim_start().starts_with('[');
    if !is_header {
        if let Some(h) = lines[..i]
            .iter()
            .rposition(|l| l.trim_start().starts_with('['))
        {
            damaged.insert(h);
        }
    }
    lines[i] = "#".to_string();
    if is_header {
        for l in lines[i + 1..].iter_mut() {
            if l.trim_start().starts_with('[') {
                break;
            }
            *l = "#".to_string();
        }
    }
}
