//! `frextract extract` on real-world input: gzip, nested directories, and
//! every kind of bad record (issue #8: bad input never loses data and never
//! kills the run). Every run checks that as many records come out as went in.

mod common;

use common::{frextract, frextract_bytes, records, stderr, tempdir};
use flate2::{write::GzEncoder, Compression};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn error_of(r: &Value) -> &str {
    r["error"]
        .as_str()
        .unwrap_or_else(|| panic!("not an error record: {r}"))
}

fn first_entity(r: &Value) -> &str {
    r["entities"][0]["text"].as_str().unwrap_or("")
}

#[test]
fn gzip_files_and_nested_directories() {
    let dir = tempdir("gz");
    std::fs::create_dir_all(dir.join("a/b")).unwrap();
    std::fs::write(dir.join("1.txt"), "Airbus recrute.").unwrap();
    std::fs::write(
        dir.join("a/2.jsonl.gz"),
        gzip(b"{\"id\": \"j1\", \"text\": \"Renault recrute.\"}\n{\"id\": \"j2\", \"text\": \"Xavier Niel investit.\"}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("a/b/3.txt.gz"),
        gzip("Société Générale recrute.".as_bytes()),
    )
    .unwrap();
    std::fs::write(dir.join("a/notes.md"), "not an input").unwrap();
    let out = frextract(&["extract", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = records(&out);
    let ids: Vec<String> = r
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids[0].ends_with("1.txt"));
    assert_eq!(&ids[1..3], ["j1", "j2"]);
    assert!(ids[3].ends_with("a/b/3.txt.gz"));
    let texts: Vec<&str> = r.iter().map(first_entity).collect();
    assert_eq!(
        texts,
        ["Airbus", "Renault", "Xavier Niel", "Société Générale"]
    );

    // Gzipped standard input is recognised by its magic bytes.
    let out = frextract_bytes(
        &["extract", "--input", "jsonl"],
        &gzip(b"{\"id\": 7, \"text\": \"Airbus\"}\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out)[0]["id"], 7);
}

#[test]
fn invalid_utf8_names_file_and_offset_or_line_and_lossy_replaces() {
    let dir = tempdir("utf8");
    std::fs::write(dir.join("bad.txt"), b"Airbus \xff rach\xc3\xa8te").unwrap();
    std::fs::write(dir.join("good.txt"), "Renault recrute.").unwrap();
    let jsonl = dir.join("docs.jsonl");
    std::fs::write(
        &jsonl,
        b"{\"id\": \"a\", \"text\": \"Airbus\"}\n{\"id\": \"b\", \"text\": \"Air\xe9 Renault\"}\n",
    )
    .unwrap();
    let out = frextract(&["extract", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 4);
    let bad_txt = error_of(&r[0]);
    assert!(
        bad_txt.contains("bad.txt") && bad_txt.contains("invalid UTF-8 at byte offset 7"),
        "{bad_txt}"
    );
    assert_eq!(r[1]["id"], "a");
    let bad_line = error_of(&r[2]);
    assert!(
        bad_line.contains("docs.jsonl:2:") && bad_line.contains("invalid UTF-8"),
        "{bad_line}"
    );
    assert_eq!(first_entity(&r[3]), "Renault");
    assert!(
        stderr(&out).contains("4 record(s) in, 4 out: 2 extracted, 2 failed"),
        "{}",
        stderr(&out)
    );

    let out = frextract(&["extract", "--lossy", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = records(&out);
    assert_eq!(r.len(), 4);
    assert_eq!(first_entity(&r[0]), "Airbus");
    assert_eq!(r[2]["entities"][0]["text"], "Renault");
    // Offsets count the replacement character, as in the text that was read.
    assert_eq!(r[2]["entities"][0]["char_start"], 5);
}

#[test]
fn bad_jsonl_lines_give_error_records_in_place() {
    let input = "{\"id\": 1, \"text\": \"Airbus\"}\n[1, 2]\n{\"id\": 3, \"body\": \"Renault\"}\n{\"id\": 4, \"text\": \"  \"}\n{\"id\": 5, \"text\": \"Renault\"}\n";
    let out = frextract(&["extract", "--input", "jsonl"], input);
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 5);
    assert!(error_of(&r[1]).contains("-:2: not a JSON object"));
    assert_eq!(
        r[1]["id"], "-:2",
        "no id in the record: its place is the id"
    );
    assert!(error_of(&r[2]).contains("no string field \"text\""));
    assert_eq!(r[2]["id"], 3);
    assert!(error_of(&r[3]).contains("empty document"));
    assert_eq!(first_entity(&r[4]), "Renault");
}

#[test]
fn empty_documents_are_error_records() {
    let dir = tempdir("empty");
    std::fs::write(dir.join("a.txt"), "").unwrap();
    std::fs::write(dir.join("b.txt"), " \n\t\n").unwrap();
    std::fs::write(dir.join("c.txt"), "Airbus").unwrap();
    let out = frextract(&["extract", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 3);
    assert!(
        error_of(&r[0]).ends_with("a.txt: empty document"),
        "{}",
        r[0]
    );
    assert!(error_of(&r[1]).ends_with("b.txt: empty document"));
    assert_eq!(first_entity(&r[2]), "Airbus");
}

#[test]
fn a_100_mb_document_is_an_error_record_and_the_run_goes_on() {
    let dir = tempdir("huge");
    let sentence = "Luc Marin a rejoint Airbus pour 3 millions d'euros. ";
    let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("a-huge.txt")).unwrap());
    let block = sentence.repeat(20_000);
    let mut written = 0;
    while written < 100_000_000 {
        f.write_all(block.as_bytes()).unwrap();
        written += block.len();
    }
    f.flush().unwrap();
    drop(f);
    std::fs::write(dir.join("b-small.txt"), sentence).unwrap();
    let out = frextract(&["extract", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 2);
    let e = error_of(&r[0]);
    assert!(
        e.contains(&format!(
            "document of {written} bytes is larger than the limit of 10000000 bytes"
        )),
        "{e}"
    );
    assert!(e.contains("--max-doc-mb"));
    assert_eq!(first_entity(&r[1]), "Luc Marin");

    // The same for a JSONL line, with a smaller limit.
    let long = format!(
        "{{\"id\": \"long\", \"text\": \"{}\"}}\n{{\"id\": \"ok\", \"text\": \"Airbus\"}}\n",
        sentence.repeat(30_000)
    );
    let out = frextract(&["extract", "--input", "jsonl", "--max-doc-mb", "1"], &long);
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0]["id"], "-:1");
    assert!(error_of(&r[0]).contains("larger than the limit of 1000000 bytes"));
    assert_eq!(r[1]["id"], "ok");
}

#[test]
fn binary_garbage_is_an_error_record() {
    let dir = tempdir("binary");
    // A deterministic scramble of all byte values, NUL included.
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(dir.join("a.txt"), &garbage).unwrap();
    std::fs::write(dir.join("b.txt"), "Airbus").unwrap();
    for lossy in [false, true] {
        let mut args = vec!["extract", dir.to_str().unwrap()];
        if lossy {
            args.push("--lossy");
        }
        let out = frextract(&args, "");
        assert_eq!(out.status.code(), Some(2));
        let r = records(&out);
        assert_eq!(r.len(), 2);
        assert!(
            error_of(&r[0]).contains("binary data, not text (NUL byte at byte offset"),
            "{}",
            r[0]
        );
        assert_eq!(first_entity(&r[1]), "Airbus");
    }
    // Garbage lines amid JSON Lines.
    let mut input = b"{\"id\": 1, \"text\": \"Airbus\"}\n".to_vec();
    input.extend(garbage.iter().filter(|&&b| b != b'\n'));
    input.extend(b"\n{\"id\": 3, \"text\": \"Renault\"}\n");
    let out = frextract_bytes(&["extract", "--input", "jsonl"], &input);
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 3);
    assert_eq!(r[1]["id"], "-:2");
    assert_eq!(r[2]["id"], 3);
}

#[test]
fn a_missing_file_is_an_error_record() {
    let dir = tempdir("missing");
    std::fs::write(dir.join("a.txt"), "Airbus").unwrap();
    let missing = dir.join("nope.txt");
    let out = frextract(
        &[
            "extract",
            missing.to_str().unwrap(),
            dir.join("a.txt").to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 2);
    assert!(error_of(&r[0]).contains("nope.txt: cannot open"));
    assert_eq!(first_entity(&r[1]), "Airbus");
}

#[test]
fn strict_stops_at_the_first_bad_record() {
    let input = "{\"id\": 1, \"text\": \"Airbus\"}\nnot json\n{\"id\": 3, \"text\": \"Renault\"}\n";
    let out = frextract(&["extract", "--input", "jsonl", "--strict"], input);
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(
        r.len(),
        2,
        "the good record before and the error record, nothing after"
    );
    assert_eq!(r[0]["id"], 1);
    assert!(error_of(&r[1]).contains("invalid JSON"));
    assert!(
        stderr(&out).contains("stopped at the first bad record"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn exit_status_1_on_usage_errors() {
    for args in [
        &["extract", "--no-such-option"][..],
        &["extract", "--format", "brat"],
        &["extract", "--table", "events"],
        &["extract", "--format", "xml"],
        &["extract", "--max-doc-mb", "0"],
        &["nothing"],
    ] {
        let out = frextract(args, "Airbus");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    let out = frextract(&["extract", "--help"], "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn quiet_runs_say_nothing_and_no_progress_bar_without_a_terminal() {
    let out = frextract(&["extract", "--quiet"], "Airbus");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
    let out = frextract(&["extract"], "Airbus");
    let err = stderr(&out);
    assert!(err.starts_with("frextract: 1 record(s) in, 1 out"), "{err}");
    assert!(!err.contains("docs/s") && !err.contains('\r'), "{err}");
}

/// A coprocess writes one line and waits for its answer before writing the
/// next (as Spark's `RDD.pipe` may): each answer must come without waiting
/// for the end of the input, one whole line at a time.
#[test]
fn jsonl_line_in_line_out_before_the_end_of_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frextract"))
        .args(["extract", "--input", "jsonl", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    for (i, org) in ["Airbus", "Renault", "Iliad"].iter().enumerate() {
        writeln!(stdin, "{{\"id\": {i}, \"text\": \"{org} recrute.\"}}").unwrap();
        stdin.flush().unwrap();
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("an answer before the next line is written");
        let r: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(r["id"], i);
        assert_eq!(first_entity(&r), *org);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

/// On a terminal (made by `script`, from util-linux), a progress bar with
/// documents/s and MB/s; `--quiet` silences it.
#[test]
fn progress_bar_on_a_terminal_only() {
    let dir = tempdir("tty");
    let input = dir.join("docs.jsonl");
    std::fs::write(&input, "{\"id\": 1, \"text\": \"Airbus\"}\n").unwrap();
    let run = |quiet: &str| {
        let command = format!(
            "{} extract {quiet} {} > /dev/null",
            env!("CARGO_BIN_EXE_frextract"),
            input.display()
        );
        Command::new("script")
            .args(["-qc", &command, "/dev/null"])
            .output()
    };
    let Ok(out) = run("") else {
        eprintln!("NOTICE: progress_bar_on_a_terminal_only skipped: no `script` command");
        return;
    };
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        shown.contains("1 documents, ") && shown.contains(" docs/s, ") && shown.contains(" MB/s"),
        "{shown:?}"
    );
    let quiet = String::from_utf8_lossy(&run("--quiet").unwrap().stdout).into_owned();
    assert!(!quiet.contains("docs/s"), "{quiet:?}");
}
