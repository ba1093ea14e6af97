//! `--format html` loaded in a real browser: headless Chromium (Debian's
//! `chromium`, installed by `.ci/run`) parses the page and dumps the DOM it
//! built; the test checks what the browser made of it: one highlight per
//! entity with the right text and label, the legend, event arguments
//! linking to highlights that exist, and hostile document text kept as text.
//!
//! Without Chromium the test is skipped with a notice, unless `CI` is set:
//! then a missing browser is a failure.

mod common;

use common::{stderr, tempdir};
use regex::Regex;
use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

const INPUT: &str = "{\"id\": \"d1\", \"text\": \"Le PDG Sam Altman a quitté OpenAI.\\nIl a rejoint Anthropic, qui a levé 1,4 milliard de dollars.\"}\n\
{\"id\": \"<b>d2</b>\", \"text\": \"</p></section><script>document.title='pwned'</script> Airbus & \\\"Renault\\\" <i>recrutent</i>.\"}\n\
not json\n";

/// The DOM Chromium built from `page`, or `None` when there is no Chromium
/// outside CI.
fn dump_dom(page: &std::path::Path) -> Option<String> {
    if !std::path::Path::new(CHROMIUM).exists() {
        if std::env::var_os("CI").is_some() {
            panic!("{CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)");
        }
        eprintln!("NOTICE: html_browser skipped: {CHROMIUM} not found (apt-get install chromium)");
        return None;
    }
    let profile = tempdir("chromium-profile");
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
            "--dump-dom",
            &format!("file://{}", page.display()),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let _ = std::fs::remove_dir_all(&profile);
    assert!(out.status.success(), "chromium failed: {:?}", out.status);
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn html_page_renders_highlights_legend_and_linked_events() {
    let dir = tempdir("html");
    let page = dir.join("page.html");
    let out = common::frextract(&["extract", "--input", "jsonl", "--format", "html"], INPUT);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    std::fs::write(&page, &out.stdout).unwrap();
    let Some(dom) = dump_dom(&page) else { return };

    // The browser kept the page's title: the script in the text is text.
    assert!(dom.contains("<title>frextract</title>"), "{dom}");
    assert!(
        !dom.contains("<script"),
        "document text became markup: {dom}"
    );
    assert!(dom
        .contains("&lt;/p&gt;&lt;/section&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt;"));
    assert!(
        dom.contains("<h2>&lt;b&gt;d2&lt;/b&gt;</h2>"),
        "ids are escaped too"
    );

    // Legend: one entry per label.
    let legend = Regex::new(r#"<span class="ent (\w+)" data-label="(\w+)">(\w+)</span>"#).unwrap();
    let labels: Vec<&str> = legend
        .captures_iter(&dom)
        .map(|c| c.get(3).unwrap().as_str())
        .collect();
    assert_eq!(labels, ["PERSON", "ORG", "ROLE", "MONEY", "DATE"]);

    // Highlights: as the browser parsed them, in document order.
    let mark = Regex::new(r#"<mark class="ent (\w+)" id="([\w-]+)" title="[^"]*">([^<]*)</mark>"#)
        .unwrap();
    let marks: Vec<(String, String, String)> = mark
        .captures_iter(&dom)
        .map(|c| (c[1].to_string(), c[2].to_string(), c[3].to_string()))
        .collect();
    let shown: Vec<(&str, &str)> = marks
        .iter()
        .map(|(l, _, t)| (l.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("ROLE", "PDG"),
            ("PERSON", "Sam Altman"),
            ("ORG", "OpenAI"),
            ("ORG", "Anthropic"),
            ("MONEY", "1,4 milliard de dollars"),
            ("ORG", "Airbus"),
            ("ORG", "Renault"),
        ]
    );
    let ids: HashSet<&str> = marks.iter().map(|(_, id, _)| id.as_str()).collect();
    assert_eq!(
        ids.len(),
        marks.len(),
        "highlight ids are unique in the page"
    );
    assert!(ids.contains("d0-e2") && ids.contains("d1-e1"));

    // Every event argument links to a highlight of the page.
    let link =
        Regex::new(r##"<a class="arg" data-role="(\w+)" href="#([\w-]+)">([^<]*)</a>"##).unwrap();
    let links: Vec<(String, String, String)> = link
        .captures_iter(&dom)
        .map(|c| (c[1].to_string(), c[2].to_string(), c[3].to_string()))
        .collect();
    assert!(links.len() >= 6, "{links:?}");
    for (role, target, text) in &links {
        let m = marks.iter().find(|(_, id, _)| id == target);
        let m = m.unwrap_or_else(|| panic!("{role} links to #{target}, which is not on the page"));
        assert_eq!(&m.2, text, "the link shows its entity's text");
    }
    assert!(links.contains(&("person".into(), "d0-e2".into(), "Sam Altman".into())));
    assert!(links.contains(&(
        "amount".into(),
        "d0-e5".into(),
        "1,4 milliard de dollars".into()
    )));
    assert_eq!(
        dom.matches("<li class=\"event\"").count(),
        3,
        "DEPARTURE, JOIN, FUNDING"
    );

    // The unreadable record is on the page, as an error.
    assert!(
        dom.contains("<p class=\"error\">-:3: invalid JSON"),
        "{dom}"
    );
}
