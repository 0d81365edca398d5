//! `persona-atlas`: the command-line tool over the core's use cases.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use persona_atlas::api;

/// Persona Atlas: map a company's B2B persona ecosystem.
#[derive(Parser)]
#[command(name = "persona-atlas", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create an empty project file.
    New {
        /// The project file to create (.patlas).
        file: PathBuf,
        /// The project's name (default: the file's name).
        #[arg(long)]
        name: Option<String>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the built-in demo portfolio to a project file.
    Demo {
        /// The project file to create (.patlas).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Create a project file from interchange JSON, checking everything first.
    Import {
        /// The interchange file (.json).
        input: PathBuf,
        /// The project file to create (.patlas).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a project as interchange JSON (to standard output by default).
    Export {
        /// The project file (.patlas).
        input: PathBuf,
        /// Where to write the JSON.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Say what is in a project file.
    Info {
        /// The project file (.patlas).
        file: PathBuf,
    },
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::New { file, name, force } => {
            let name = name.unwrap_or_else(|| {
                file.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "Untitled".to_owned())
            });
            api::new_project(&file, &name, force).map_err(with_hint)?;
            eprintln!("created {}", file.display());
        }
        Command::Demo { output, force } => {
            api::create_demo(&output, force).map_err(with_hint)?;
            eprintln!("wrote the demo portfolio to {}", output.display());
        }
        Command::Import {
            input,
            output,
            force,
        } => {
            let file = api::import_json(&input, &output, force).map_err(with_hint)?;
            let counts = file.load()?.counts();
            let plural = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            eprintln!(
                "imported {}, {} and {} into {}",
                plural(counts.personas, "persona", "personas"),
                plural(counts.products, "product", "products"),
                plural(counts.needs, "need", "needs"),
                output.display()
            );
        }
        Command::Export { input, output } => {
            let json = api::export_json(&input)?;
            match output {
                Some(path) => api::write_text(&path, &json)?,
                None => write_stdout(&json)?,
            }
        }
        Command::Info { file } => {
            let info = api::info(&file)?;
            let c = info.counts;
            let mut out = format!("{}\n", info.project.name);
            if let Some(d) = info.project.description.filter(|d| !d.is_empty()) {
                out.push_str(&format!("  {d}\n"));
            }
            out.push_str(&format!(
                "  file: {} (project format {})\n",
                file.display(),
                info.schema_version
            ));
            for (n, one, many) in [
                (c.personas, "persona", "personas"),
                (c.market_segments, "market segment", "market segments"),
                (c.customer_segments, "customer segment", "customer segments"),
                (c.buying_roles, "buying role", "buying roles"),
                (c.needs, "need", "needs"),
                (c.products, "product", "products"),
                (c.competitors, "competitor", "competitors"),
                (c.relationships, "relationship", "relationships"),
                (c.buying_units, "buying unit", "buying units"),
            ] {
                out.push_str(&format!("  {n:>6} {}\n", if n == 1 { one } else { many }));
            }
            write_stdout(&out)?;
        }
    }
    Ok(())
}

/// Writes to standard output, failing (not panicking) when it is closed.
fn write_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}

/// Adds what to do about an existing file, which the core cannot know.
fn with_hint(e: persona_atlas::Error) -> anyhow::Error {
    match e {
        persona_atlas::Error::Exists { .. } => {
            anyhow::anyhow!("{e} (pass --force to replace it)")
        }
        e => e.into(),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
