//! `--format html`: one self-contained page (no script, no external file)
//! for reading results: each document's text with its entities highlighted
//! in a colour per label (a legend at the top), and under it the events with
//! their arguments, each a link to its highlight.
//!
//! Highlights are `<mark class="ent PERSON" id="d3-e5">`: the id joins the
//! document's position in the input and the entity id, so it is unique in
//! the page. All text goes through [`escape`].

use super::{arg_ids, arg_text, id_text, value_text, Record};
use crate::document::Label;
use serde_json::Value;
use std::collections::HashSet;
use std::io::{self, Write};

/// Background colour of each label's highlights.
fn colour(label: Label) -> &'static str {
    match label {
        Label::Person => "#ffd6a5",
        Label::Org => "#a0c4ff",
        Label::Role => "#caffbf",
        Label::Money => "#ffadad",
        Label::Date => "#e0c3fc",
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page head, style and legend.
pub fn begin(out: &mut dyn Write) -> io::Result<()> {
    let mut css = String::from(
        "body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em;line-height:1.5}\n\
         .text{white-space:pre-wrap;border-left:3px solid #ddd;padding-left:1em}\n\
         mark.ent{border-radius:3px;padding:0 2px}\n\
         mark.ent:target{outline:2px solid #333}\n\
         .legend span{margin-right:1em;padding:0 4px;border-radius:3px}\n\
         .error{color:#b00020}\n\
         .event-type{font-weight:bold}\n",
    );
    let mut legend = String::new();
    for label in Label::ALL {
        css.push_str(&format!(".{label}{{background:{}}}\n", colour(label)));
        legend.push_str(&format!(
            "<span class=\"ent {label}\" data-label=\"{label}\">{label}</span>"
        ));
    }
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>frextract</title>\n<style>\n{css}</style>\n</head>\n<body>\n\
         <h1>frextract</h1>\n<p class=\"legend\" id=\"legend\">{legend}</p>\n"
    )
}

/// One document's section.
pub fn document(r: &Record, out: &mut Vec<u8>) -> io::Result<()> {
    let prefix = format!("d{}", r.seq);
    writeln!(
        out,
        "<section class=\"doc\" id=\"{prefix}\">\n<h2>{}</h2>",
        escape(&id_text(r.id))
    )?;
    // Highlights, in text order; an entity overlapping the previous one
    // (none should) is left out rather than nesting marks.
    let mut marked = HashSet::new();
    let mut text = String::with_capacity(r.text.len() + r.text.len() / 4);
    let mut at = 0;
    for e in &r.doc.entities {
        if e.start < at || e.end > r.text.len() {
            continue;
        }
        text.push_str(&escape(&r.text[at..e.start]));
        let mut title = e.label.to_string();
        if let Some(c) = &e.canonical {
            title.push_str(&format!(" · {c}"));
        }
        if let Some(v) = value_text(e) {
            title.push_str(&format!(" · {v}"));
        }
        text.push_str(&format!(
            "<mark class=\"ent {}\" id=\"{prefix}-{}\" title=\"{}\">{}</mark>",
            e.label,
            escape(&e.id),
            escape(&title),
            escape(&e.text)
        ));
        marked.insert(e.id.as_str());
        at = e.end;
    }
    text.push_str(&escape(&r.text[at..]));
    writeln!(out, "<p class=\"text\">{text}</p>")?;
    if !r.doc.events.is_empty() {
        writeln!(out, "<h3>Events</h3>\n<ol class=\"events\">")?;
        for ev in &r.doc.events {
            write!(
                out,
                "<li class=\"event\" data-type=\"{ty}\"><span class=\"event-type\">{ty}</span> \
                 «<span class=\"trigger\">{}</span>» <small>{:?}, {:?}, rule {}</small>\n<ul class=\"args\">",
                escape(&ev.trigger.text),
                ev.polarity,
                ev.modality,
                escape(&ev.rule),
                ty = escape(&ev.kind),
            )?;
            for (slot, arg) in &ev.args {
                if let Some(span) = arg_text(arg) {
                    write!(
                        out,
                        "<li><span class=\"role\">{}</span> «<span class=\"text-arg\">{}</span>»</li>",
                        escape(slot),
                        escape(&span.text)
                    )?;
                }
                for id in arg_ids(arg) {
                    let Some(e) = r.doc.entity(id) else { continue };
                    let name = escape(&e.text);
                    if marked.contains(id.as_str()) {
                        write!(
                            out,
                            "<li><span class=\"role\">{}</span> <a class=\"arg\" data-role=\"{0}\" href=\"#{prefix}-{}\">{name}</a></li>",
                            escape(slot),
                            escape(id)
                        )?;
                    } else {
                        write!(
                            out,
                            "<li><span class=\"role\">{}</span> <span class=\"arg\">{name}</span></li>",
                            escape(slot)
                        )?;
                    }
                }
            }
            writeln!(out, "</ul></li>")?;
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</section>")
}

/// The section of a record that could not be read.
pub fn error(seq: u64, id: &Value, error: &str, out: &mut Vec<u8>) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"doc\" id=\"d{seq}\">\n<h2>{}</h2>\n<p class=\"error\">{}</p>\n</section>",
        escape(&id_text(id)),
        escape(error)
    )
}

/// The end of the page.
pub fn end(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "</body>\n</html>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<b>\"AT&T\"</b> l'an"),
            "&lt;b&gt;&quot;AT&amp;T&quot;&lt;/b&gt; l&#39;an"
        );
    }
}
