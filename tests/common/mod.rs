//! Helpers shared by the tests: running `frextract`, reading its JSON
//! lines, scratch directories, an event's arguments.
#![allow(dead_code)] // each test file uses some of them

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Runs `frextract args` with `stdin` as standard input.
pub fn frextract(args: &[&str], stdin: &str) -> Output {
    frextract_bytes(args, stdin.as_bytes())
}

/// Runs `frextract args` with `stdin` (any bytes) as standard input.
pub fn frextract_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frextract"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run frextract");
    // frextract may exit before reading (usage errors): a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

/// The JSON lines of standard output.
pub fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh, empty directory for one test.
pub fn tempdir(name: &str) -> PathBuf {
    // Tests run in parallel threads of one process: a counter keeps two
    // directories of the same name apart.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("frextract-cli-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The canonical texts (else the texts) of the entities in `slot` of `ev`.
pub fn args_text(doc: &frextract::Document, ev: &frextract::Event, slot: &str) -> Vec<String> {
    let canon = |id: &str| {
        let e = doc.entity(id).unwrap();
        e.canonical.clone().unwrap_or_else(|| e.text.clone())
    };
    match ev.args.get(slot) {
        Some(frextract::Arg::One(id)) => vec![canon(id)],
        Some(frextract::Arg::Many(ids)) => ids.iter().map(|i| canon(i)).collect(),
        Some(frextract::Arg::Text(span)) => vec![span.text.clone()],
        None => vec![],
    }
}
