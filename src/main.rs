//! The `frextract` command line: argument parsing only; the work is done by
//! the library.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use frextract::batch::{run, BatchOptions, InputKind};
use frextract::output::Format;
use frextract::{eval, Extractor, Label, NaiveDate};
use std::path::PathBuf;

/// Extraction allocates many small, short-lived strings and vectors per
/// document: mimalloc serves them faster than the system allocator
/// (docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
  echo 'Luc Marin a rejoint Airbus.' | frextract extract")]
    Extract(ExtractArgs),
    /// Score the extractor (or saved predictions) against gold files.
    #[command(after_help = "Examples:
  frextract eval corpus/test
  frextract eval --errors corpus/dev corpus/seed
  frextract extract --input jsonl corpus/test/*.gold.jsonl > pred.jsonl && frextract eval --pred pred.jsonl corpus/test
  frextract eval --floors quality/floors.json corpus/test")]
    Eval(EvalArgs),
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
    /// Score only these labels, comma-separated (gold entities of other labels are ignored).
    #[arg(long, value_delimiter = ',')]
    labels: Vec<String>,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Input files or directories (`.txt` one document each, `.jsonl` one a line); standard input when absent or `-`.
    paths: Vec<PathBuf>,
    /// How to read files given on the command line and standard input.
    #[arg(long, value_enum, default_value_t = InputArg::Text)]
    input: InputArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    format: FormatArg,
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

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Jsonl,
    Json,
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval(args),
    };
    match code {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("frextract: {e:#}");
            std::process::exit(1);
        }
    }
}

fn extract(args: ExtractArgs) -> Result<i32> {
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
        format: match args.format {
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Json => Format::Json,
        },
        ..BatchOptions::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let summary = run(&extractor, &args.paths, &opts, &mut out).context("extraction failed")?;
    if summary.failed > 0 {
        eprintln!(
            "frextract: {} document(s) extracted, {} record(s) failed (error records written)",
            summary.ok, summary.failed
        );
        return Ok(2);
    }
    Ok(0)
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
        gold.iter_mut()
            .for_each(|g| g.entities.retain(|e| labels.contains(&e.label)));
        pred.iter_mut()
            .for_each(|p| p.entities.retain(|e| labels.contains(&e.label)));
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
