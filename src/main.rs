//! The `frextract` command line: argument parsing only; the work is done by
//! the library.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use frextract::batch::{run, BatchOptions, InputKind, Progress};
use frextract::output::{Format, Table};
use frextract::{eval, Extractor, Label, NaiveDate};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Extraction allocates many small, short-lived strings and vectors per
/// document: mimalloc serves them faster than the system allocator
/// (docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

/// mimalloc as the global allocator, asked for a plain `mi_malloc` when
/// the alignment asked for is at most a word.
///
/// `mimalloc::MiMalloc` calls `mi_malloc_aligned` for every allocation.
/// mimalloc 3 serves that from the size's free list when its first block
/// happens to be aligned, but when the list is empty (or the size is above
/// 1 KiB and not a power of two) it over-allocates by the alignment
/// instead of refilling the list: about 150 instructions more, for 6 % of
/// the allocations of a run (docs/PERFORMANCE.md, branch `speed17`).
/// Every block of mimalloc is aligned to a word (its sizes are whole
/// words, its pages start on 16 bytes), so `mi_malloc` fits any layout of
/// that alignment; mimalloc's own `mi_realloc_aligned` relies on the same
/// guarantee.
struct MiMalloc;

/// The alignment every mimalloc block has.
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: each method forwards to mimalloc, whose blocks satisfy the
// layout: aligned to a word always (above), to more through the `_aligned`
// calls; `mi_free` and `mi_realloc_aligned` accept any block of either.
unsafe impl std::alloc::GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
    }
}

#[derive(Parser)]
#[command(
    name = "frextract",
    version,
    about = "Extract persons, organisations, roles, money and dates from French news text"
)]
#[command(after_help = "Examples:
  frextract extract corpus/seed/openai-departures.fr.txt
  frextract extract --input jsonl articles.jsonl > entities.jsonl
  cat article.txt | frextract extract --format json
  frextract extract --input jsonl --text-field body --id-field url --threads 2 news.jsonl")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract entities from text files, directories, JSONL or standard input.
    #[command(after_help = "Examples:
  frextract extract article.txt
  frextract extract --input jsonl --format jsonl articles.jsonl
  frextract extract news/ --format tsv --table events > events.tsv
  frextract extract --format brat --output-dir ann/ articles/
  echo 'Luc Marin a rejoint Airbus.' | frextract extract

Exit status: 0 all records extracted, 1 usage error, 2 some records failed
(each gets an error record {\"id\": …, \"error\": …}). See docs/CLI.md.")]
    Extract(ExtractArgs),
    /// Score the extractor (or saved predictions) against gold files.
    #[command(after_help = "Examples:
  frextract eval corpus/test
  frextract eval --errors corpus/dev corpus/seed
  frextract extract --input jsonl corpus/test/*.gold.jsonl > pred.jsonl && frextract eval --pred pred.jsonl corpus/test
  frextract eval --floors quality/floors.json corpus/test
  frextract eval --subset invented corpus/dev corpus/test")]
    Eval(EvalArgs),
    /// Work with user lexicons.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Check a directory of user lexicons and its `*.rules` files; report every bad line (exit status 2 if any).
    #[command(after_help = "Examples:
  frextract lexicon check my-lexicons/
  frextract lexicon check my-lexicons/ --rules my.rules")]
    Check {
        /// The lexicon directory (files named as in lexicons/).
        dir: PathBuf,
        /// A rule file to check too (besides DIR/*.rules); may be repeated.
        #[arg(long, value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Gold files (`*.gold.jsonl`) or directories holding them.
    #[arg(required = true)]
    gold: Vec<PathBuf>,
    /// Score these predictions (output of `frextract extract`) instead of running the extractor.
    #[arg(long, value_name = "FILE")]
    pred: Option<PathBuf>,
    /// List every false positive and false negative with its context.
    #[arg(long)]
    errors: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Fail (exit status 1) if a figure falls below its floor in this JSON file.
    #[arg(long, value_name = "FILE")]
    floors: Option<PathBuf>,
    /// A directory of lexicon files adding to the embedded ones.
    #[arg(long, value_name = "DIR")]
    lexicons: Option<PathBuf>,
    /// Score only these entity labels, comma-separated (gold entities of other labels are ignored; events and relations are not scored).
    #[arg(long, value_delimiter = ',')]
    labels: Vec<String>,
    /// Score only a subset: `invented` = PERSON and ORG on the names each gold file lists as invented (docs/EVALUATION.md).
    #[arg(long, value_enum)]
    subset: Option<SubsetArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum SubsetArg {
    Invented,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Input files or directories (`*.txt` one document each, `*.jsonl` one a line, either may be gzipped `*.gz`); standard input when absent or `-`.
    paths: Vec<PathBuf>,
    /// How to read standard input and files not named `*.txt[.gz]` or `*.jsonl[.gz]`.
    #[arg(long, value_enum, default_value_t = InputArg::Text)]
    input: InputArg,
    /// Output format (docs/CLI.md describes each).
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    format: FormatArg,
    /// The table written by `--format tsv`.
    #[arg(long, value_enum, default_value_t = TableArg::Entities)]
    table: TableArg,
    /// Directory for the `.txt` and `.ann` files of `--format brat` (created if missing).
    #[arg(long, value_name = "DIR")]
    output_dir: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD instead of writing an error record.
    #[arg(long)]
    lossy: bool,
    /// Stop at the first record that cannot be read (after writing its error record).
    #[arg(long)]
    strict: bool,
    /// No progress bar, and no summary unless some records failed.
    #[arg(long, short)]
    quiet: bool,
    /// Documents (or JSONL lines) larger than this many megabytes give an error record.
    #[arg(long, value_name = "MB", default_value_t = 10)]
    max_doc_mb: usize,
    /// JSONL field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// JSONL field holding the publication date (YYYY-MM-DD), for relative dates.
    #[arg(long, default_value = "date")]
    date_field: String,
    /// Publication date of documents that give none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// A directory of lexicon files adding to (or, with `@replace`, replacing) the embedded ones.
    #[arg(long, value_name = "DIR")]
    lexicons: Option<PathBuf>,
    /// Only these labels, comma-separated (PERSON,ORG,ROLE,MONEY,DATE).
    #[arg(long, value_delimiter = ',')]
    labels: Vec<String>,
    /// A file of event rules adding to the embedded ones (format: docs/RULES.md); may be repeated.
    #[arg(long, value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Skip event extraction (entities and relations only).
    #[arg(long)]
    no_events: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputArg {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Jsonl,
    Json,
    Tsv,
    Conll,
    Brat,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TableArg {
    Entities,
    Events,
    Relations,
}

/// Exit statuses: 0 all went well, 1 usage or set-up error, 2 some
/// records failed (or a lexicon check found problems).
fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap exits with 2 on usage errors; 2 means "some records failed" here.
            std::process::exit(if e.use_stderr() { 1 } else { 0 });
        }
    };
    let code = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval(args),
        Command::Lexicon(LexiconCommand::Check { dir, rules }) => lexicon_check(&dir, &rules),
    };
    match code {
        Ok(code) => std::process::exit(code),
        Err(e) if is_broken_pipe(&e) => std::process::exit(0),
        Err(e) => {
            eprintln!("frextract: {e:#}");
            std::process::exit(1);
        }
    }
}

/// The reader of our output went away (`| head`): not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn lexicon_check(dir: &std::path::Path, rules: &[PathBuf]) -> Result<i32> {
    let report = frextract::check::check(dir, rules)?;
    for p in &report.problems {
        println!("{p}");
    }
    eprintln!(
        "frextract: {} lexicon file(s), {} rule file(s) checked in {}: {} problem(s)",
        report.lexicon_files,
        report.rule_files,
        dir.display(),
        report.problems.len()
    );
    Ok(if report.problems.is_empty() { 0 } else { 2 })
}

fn extract(args: ExtractArgs) -> Result<i32> {
    let format = output_format(&args)?;
    if args.max_doc_mb == 0 {
        anyhow::bail!("--max-doc-mb must be at least 1");
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot set the number of threads")?;
    }
    let mut builder = Extractor::builder();
    if let Some(dir) = &args.lexicons {
        builder = builder.lexicon_dir(dir);
    }
    if !args.labels.is_empty() {
        let labels = args
            .labels
            .iter()
            .map(|l| {
                Label::parse(l.trim()).with_context(|| {
                    format!("unknown label {l:?}; expected PERSON, ORG, ROLE, MONEY or DATE")
                })
            })
            .collect::<Result<Vec<_>>>()?;
        builder = builder.labels(&labels);
    }
    for file in &args.rules {
        builder = builder.rules_file(file);
    }
    builder = builder.no_events(args.no_events);
    let extractor = builder.build()?;
    let opts = BatchOptions {
        input: match args.input {
            InputArg::Text => InputKind::Text,
            InputArg::Jsonl => InputKind::Jsonl,
        },
        text_field: args.text_field,
        id_field: args.id_field,
        date_field: args.date_field,
        date: args.date,
        format,
        max_doc_bytes: args.max_doc_mb.saturating_mul(1_000_000),
        lossy: args.lossy,
        strict: args.strict,
        ..BatchOptions::default()
    };
    let progress = Progress::new(std::io::stderr().is_terminal() && !args.quiet);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let summary = run(&extractor, &args.paths, &opts, &mut out, &progress);
    // The process ends with this command: freeing the lexicons, tries and
    // rules one allocation at a time would be work for nothing (about 5 M
    // instructions, 1.5 % of a run over 500 KB, and the part of a run's
    // count that varied most between runs, as mimalloc frees memory of the
    // builder's threads).
    std::mem::forget(extractor);
    progress.finish();
    let summary = summary.context("cannot write the output")?;
    if summary.failed > 0 || !args.quiet {
        eprintln!(
            "frextract: {} record(s) in, {} out: {} extracted, {} failed{} ({:.1} MB in {:.1} s)",
            summary.ok + summary.failed,
            summary.ok + summary.failed,
            summary.ok,
            summary.failed,
            if summary.stopped {
                "; stopped at the first bad record (--strict)"
            } else {
                ""
            },
            summary.bytes as f64 / 1e6,
            progress.elapsed_secs()
        );
    }
    Ok(if summary.failed > 0 { 2 } else { 0 })
}

/// The output format, or what is wrong with the options that choose it.
fn output_format(args: &ExtractArgs) -> Result<Format> {
    if args.format != FormatArg::Tsv && args.table != TableArg::Entities {
        anyhow::bail!("--table applies to --format tsv only");
    }
    if args.format != FormatArg::Brat && args.output_dir.is_some() {
        anyhow::bail!("--output-dir applies to --format brat only");
    }
    Ok(match args.format {
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Json => Format::Json,
        FormatArg::Tsv => Format::Tsv(match args.table {
            TableArg::Entities => Table::Entities,
            TableArg::Events => Table::Events,
            TableArg::Relations => Table::Relations,
        }),
        FormatArg::Conll => Format::Conll,
        FormatArg::Html => Format::Html,
        FormatArg::Brat => {
            Format::Brat(args.output_dir.clone().context(
                "--format brat writes files: give their directory with --output-dir DIR",
            )?)
        }
    })
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a YYYY-MM-DD date"))
}

fn eval(args: EvalArgs) -> Result<i32> {
    let mut gold = eval::load_gold(&args.gold).context("cannot read the gold files")?;
    let labels = parse_labels(&args.labels)?;
    if gold.is_empty() {
        anyhow::bail!("no gold document found in {:?}", args.gold);
    }
    let pred = match &args.pred {
        Some(path) => eval::load_predictions(path, &gold)
            .with_context(|| format!("cannot read {}", path.display()))?,
        None => {
            let mut builder = Extractor::builder();
            if let Some(dir) = &args.lexicons {
                builder = builder.lexicon_dir(dir);
            }
            eval::predict(&builder.build()?, &gold)
        }
    };
    let mut pred = pred;
    if let Some(labels) = &labels {
        // An entity-only evaluation (corpora such as WikiNEuRal annotate no
        // events): events and relations would only add false positives.
        for g in &mut gold {
            g.entities.retain(|e| labels.contains(&e.label));
            g.events.clear();
            g.relations.clear();
        }
        for p in &mut pred {
            p.entities.retain(|e| labels.contains(&e.label));
            p.events.clear();
            p.relations.clear();
        }
    }
    if let Some(SubsetArg::Invented) = args.subset {
        if gold.iter().all(|g| g.invented.is_empty()) {
            anyhow::bail!("--subset invented: no gold document lists invented names (the `invented` field written by corpus/tools/build_gold.py)");
        }
        eval::subset::restrict_to_invented(&mut gold, &mut pred);
    }
    let report = eval::score(&gold, &pred, args.errors);
    if args.json {
        let mut value = serde_json::to_value(&report)?;
        value["figures"] = serde_json::to_value(report.figures())?;
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        print!("{}", report.to_table());
        if args.errors {
            println!();
            for e in &report.errors {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    e.doc, e.kind, e.what, e.text, e.context
                );
            }
        }
    }
    if let Some(path) = &args.floors {
        let floors: std::collections::BTreeMap<String, f64> = serde_json::from_str(
            &std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?,
        )
        .with_context(|| {
            format!(
                "{}: expected a JSON object of figure names and floors",
                path.display()
            )
        })?;
        let below = eval::below_floors(&report, &floors);
        for (name, got, floor) in &below {
            eprintln!("frextract: {name} = {got:.3} is below its floor {floor:.3}");
        }
        if !below.is_empty() {
            return Ok(1);
        }
        eprintln!(
            "frextract: all {} figures at or above their floors",
            floors.len()
        );
    }
    Ok(0)
}

/// `PERSON,ORG` → labels; `None` when no label is given.
fn parse_labels(names: &[String]) -> Result<Option<Vec<Label>>> {
    if names.is_empty() {
        return Ok(None);
    }
    names
        .iter()
        .map(|l| {
            Label::parse(l.trim()).with_context(|| {
                format!("unknown label {l:?}; expected PERSON, ORG, ROLE, MONEY or DATE")
            })
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

#[cfg(test)]
mod tests {
    use super::MiMalloc;
    use std::alloc::{GlobalAlloc, Layout};

    /// Every size up to past mimalloc's small blocks (1 KiB) and a few
    /// large ones, at every alignment from a byte to a page: the block is
    /// aligned, zeroed when asked, and keeps its bytes through a realloc
    /// that grows it (across size classes) and one that shrinks it.
    #[test]
    fn blocks_fit_their_layout() {
        let sizes = (1..=1100).chain([4095, 4096, 5000, 70_000, 1 << 20]);
        for size in sizes {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: the layouts have a non-zero size; each block is
                // freed once, with the layout it was last given.
                unsafe {
                    let zeroed = MiMalloc.alloc_zeroed(layout);
                    assert_eq!(zeroed as usize % align, 0, "zeroed {size} {align}");
                    assert!((0..size).all(|i| *zeroed.add(i) == 0), "{size} {align}");
                    MiMalloc.dealloc(zeroed, layout);
                    let p = MiMalloc.alloc(layout);
                    assert_eq!(p as usize % align, 0, "alloc {size} {align}");
                    for i in 0..size {
                        *p.add(i) = i as u8;
                    }
                    let grown = MiMalloc.realloc(p, layout, size * 3);
                    assert_eq!(grown as usize % align, 0, "grown {size} {align}");
                    let layout = Layout::from_size_align(size * 3, align).unwrap();
                    let shrunk = MiMalloc.realloc(grown, layout, size.div_ceil(2));
                    assert_eq!(shrunk as usize % align, 0, "shrunk {size} {align}");
                    assert!((0..size.div_ceil(2)).all(|i| *shrunk.add(i) == i as u8));
                    let layout = Layout::from_size_align(size.div_ceil(2), align).unwrap();
                    MiMalloc.dealloc(shrunk, layout);
                }
            }
        }
    }
}
