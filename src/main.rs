//! The `frextract` command line: argument parsing only; the work is done by
//! the library.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use frextract::batch::{run, BatchOptions, InputKind};
use frextract::output::Format;
use frextract::{Extractor, Label};
use std::path::PathBuf;

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
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// A directory of lexicon files adding to (or, with `@replace`, replacing) the embedded ones.
    #[arg(long, value_name = "DIR")]
    lexicons: Option<PathBuf>,
    /// Only these labels, comma-separated (PERSON,ORG,ROLE,MONEY,DATE).
    #[arg(long, value_delimiter = ',')]
    labels: Vec<String>,
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
    let extractor = builder.build()?;
    let opts = BatchOptions {
        input: match args.input {
            InputArg::Text => InputKind::Text,
            InputArg::Jsonl => InputKind::Jsonl,
        },
        text_field: args.text_field,
        id_field: args.id_field,
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
