//! `persona-atlas`: the command-line tool over the core's use cases.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use persona_atlas::analysis::report::{Style, render};
use persona_atlas::matrix::{MatrixKind, to_csv};
use persona_atlas::model::{Date, Days, Thresholds, Unit};
use persona_atlas::print::Paper;
use persona_atlas::{api, generate, interchange};

/// Persona Atlas: map a company's B2B persona ecosystem.
#[derive(Parser)]
#[command(name = "persona-atlas", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The SQL engines `rules-sql` writes for.
#[derive(Clone, Copy, clap::ValueEnum)]
enum DialectArg {
    /// DuckDB.
    Duckdb,
    /// PostgreSQL.
    Postgres,
    /// Google BigQuery.
    Bigquery,
    /// Snowflake.
    Snowflake,
    /// Apache Spark SQL and Databricks.
    Spark,
}

/// The kinds of evidence a match is saved as.
#[derive(Clone, Copy, clap::ValueEnum)]
enum FromArg {
    /// Found from the file.
    Auto,
    /// Interchange JSON.
    #[value(name = "persona-atlas")]
    PersonaAtlas,
    /// An XLSX workbook in the spreadsheet layout.
    Xlsx,
    /// CSV files in the spreadsheet layout.
    Csv,
    /// A Kumu map: its spreadsheet layout, a blueprint or a backup.
    Kumu,
}

impl From<FromArg> for api::ImportFormat {
    fn from(a: FromArg) -> Self {
        match a {
            FromArg::Auto => api::ImportFormat::Auto,
            FromArg::PersonaAtlas => api::ImportFormat::PersonaAtlas,
            FromArg::Xlsx => api::ImportFormat::Xlsx,
            FromArg::Csv => api::ImportFormat::Csv,
            FromArg::Kumu => api::ImportFormat::Kumu,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportArg {
    /// Interchange JSON.
    Json,
    /// An XLSX workbook in the import's layout, with a Findings sheet.
    Xlsx,
    /// A folder of CSV files in the import's layout.
    Csv,
    /// GraphML, for yEd, Gephi and NetworkX.
    Graphml,
    /// GEXF 1.3, for Gephi.
    Gexf,
    /// A Kumu JSON blueprint.
    Kumu,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum EvidenceArg {
    /// Customer records from a CRM.
    Crm,
    /// Records from analytics.
    Analytics,
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
        /// Also write a table of made-up CRM contacts (CSV) to try the
        /// personas' rules on: `persona-atlas match FILE CONTACTS`.
        #[arg(long, value_name = "CSV")]
        contacts: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Create a project file from interchange JSON, checking everything first.
    Import {
        /// The file to read: interchange JSON, an XLSX workbook, a CSV file
        /// of personas, or a folder of CSV files.
        input: PathBuf,
        /// The project file to create (.patlas).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// The input's format (found from the file by default).
        #[arg(long, value_enum, default_value = "auto")]
        from: FromArg,
        /// How a Kumu element type maps onto a kind: KUMU_TYPE=KIND, e.g.
        /// Stakeholder=persona (kinds: persona, market_segment,
        /// customer_segment, buying_role, need, product, competitor).
        #[arg(long = "type", value_name = "KUMU_TYPE=KIND")]
        types: Vec<String>,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a project as interchange JSON (to standard output by default),
    /// an XLSX workbook or a folder of CSV files.
    Export {
        /// The project file (.patlas) or interchange file.
        input: PathBuf,
        /// The format to write.
        #[arg(long, value_enum, default_value = "json")]
        format: ExportArg,
        /// Where to write (a folder for csv; required but for json).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Merge two teams' projects into a new one: the same entity is kept
    /// once, a clashing id is renamed and listed, and personas both teams
    /// wrote show as golden candidates.
    Merge {
        /// The first project (its name and thresholds are kept).
        a: PathBuf,
        /// The second project.
        b: PathBuf,
        /// The merged project to create (.patlas).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
        /// Judge the findings on this day (default: today).
        #[arg(long, value_name = "DATE", value_parser = date)]
        today: Option<Date>,
    },
    /// Say what changed from one project to another: entities added,
    /// removed and changed field by field, and findings that appeared or
    /// went.
    Diff {
        /// The earlier project.
        a: PathBuf,
        /// The later project.
        b: PathBuf,
        /// How to write the comparison.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Judge the findings on this day (default: today).
        #[arg(long, value_name = "DATE", value_parser = date)]
        today: Option<Date>,
    },
    /// Write the workbook to fill for an import: every sheet with its
    /// header, notes on each column and an example row.
    Template {
        /// Where to write it (.xlsx).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List the starter sets (common buying roles, segments, needs), or add
    /// one to a project as one edit; what the project already has, by name,
    /// is left out.
    Starter {
        /// The project file to add to (.patlas); without it, the sets are listed.
        file: Option<PathBuf>,
        /// The set to add, e.g. buying-roles.
        #[arg(requires = "file")]
        set: Option<String>,
    },
    /// Say what is in a project file.
    Info {
        /// The project file (.patlas).
        file: PathBuf,
    },
    /// Find golden, underserved and overlapping personas, buying units that
    /// cannot close, the portfolio's gaps, and personas that rest on guesses.
    Analyze {
        /// A project file (.patlas) or an interchange file (.json).
        file: PathBuf,
        /// How to write the findings.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The day to judge what is stale on, YYYY-MM-DD (default: today, UTC).
        #[arg(long, value_name = "DATE", value_parser = date)]
        today: Option<Date>,
        #[command(flatten)]
        thresholds: ThresholdArgs,
    },
    /// Write a matrix of the portfolio as CSV, for a spreadsheet: persona ×
    /// product relations, need × product and competitor scores, or how much
    /// of each market segment each product covers.
    Matrix {
        /// A project file (.patlas) or an interchange file (.json).
        file: PathBuf,
        /// Which matrix.
        #[arg(long, value_enum, default_value_t = Matrix::Needs)]
        kind: Matrix,
    },
    /// Apply edits to a project, one JSON edit per line (the shapes the app
    /// sends; see the README), each in its own transaction. A bad line is
    /// refused with its number; the lines before it stay applied.
    Edit {
        /// The project file (.patlas).
        file: PathBuf,
        /// The edits, one JSON object per line (`-` for standard input).
        edits: PathBuf,
    },
    /// Print a persona's one-pager: a PDF, or a PNG when OUT ends in .png.
    OnePager {
        /// A project file (.patlas) or an interchange file (.json).
        file: PathBuf,
        /// The persona's id.
        #[arg(long, value_name = "ID")]
        persona: String,
        /// Where to write it (.pdf or .png).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// The paper size.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// The day to judge what is stale on, YYYY-MM-DD (default: today, UTC).
        #[arg(long, value_name = "DATE", value_parser = date)]
        today: Option<Date>,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the portfolio report as a PDF: a cover, the portfolio at a
    /// glance, the findings, a page per persona and one per journey.
    Report {
        /// A project file (.patlas) or an interchange file (.json).
        file: PathBuf,
        /// Where to write it (.pdf).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// The paper size.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// The day to judge what is stale on, YYYY-MM-DD (default: today, UTC).
        #[arg(long, value_name = "DATE", value_parser = date)]
        today: Option<Date>,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Test the personas' rules against a table of customer records (CSV,
    /// TSV or XLSX): how many records each persona covers, which fit none or
    /// several, the data points the table lacks. Reads the table once and
    /// stores nothing of it.
    Match {
        /// A project file (.patlas) or an interchange file (.json).
        file: PathBuf,
        /// The table of records: CSV or TSV with a header row, or an XLSX workbook.
        data: PathBuf,
        /// How to write the report.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Group records into accounts by this column, and say which accounts
        /// lack a required buying role.
        #[arg(long, value_name = "COLUMN")]
        account: Option<String>,
        /// The sheet of a workbook to read (default: the first).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Save the figures (never a record) as evidence on each persona
        /// tested, in one edit of the project file.
        #[arg(long)]
        save: bool,
        /// The kind of evidence saved: crm or analytics.
        #[arg(long, value_enum, default_value_t = EvidenceArg::Crm, requires = "save")]
        evidence: EvidenceArg,
    },
    /// Print the personas' rules as one SQL query for a warehouse: every
    /// column of the table, then one boolean column per persona, true
    /// exactly when its rule is (the same answers as `match`).
    RulesSql {
        /// A project file (.patlas) or an interchange file (.json).
        file: PathBuf,
        /// The SQL engine to write for.
        #[arg(long, value_enum)]
        dialect: DialectArg,
        /// The table of records.
        #[arg(long, value_name = "NAME", default_value = "records")]
        table: String,
    },
    /// Show the thresholds a project is analysed with, or change them.
    Thresholds {
        /// The project file (.patlas).
        file: PathBuf,
        #[command(flatten)]
        thresholds: ThresholdArgs,
    },
    /// Write a synthetic portfolio of any size (deterministic).
    Generate {
        /// How many personas.
        #[arg(long, default_value_t = 2000)]
        personas: usize,
        /// The seed: the same seed gives the same portfolio.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The file to write: .patlas, or .json for the interchange format.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// The paper a printed document is laid out for.
#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Matrix {
    /// Each persona's relations to each product.
    #[value(name = "persona-product")]
    Personas,
    /// How well each product and competitor meets each need, and the gap.
    #[value(name = "need-product")]
    Needs,
    /// The share of each segment's needs each product meets.
    #[value(name = "segment-product")]
    Segments,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    /// A readable report for a terminal.
    Text,
    /// A report to paste into a deck.
    Markdown,
    /// The findings as JSON (the shape in the interchange spec).
    Json,
}

/// Thresholds given on the command line; unset ones keep the project's.
#[derive(clap::Args)]
struct ThresholdArgs {
    /// Underserved below this service level, 0-1 (default 0.6).
    #[arg(long, value_name = "X", value_parser = unit)]
    underserved_below: Option<Unit>,
    /// A need is important from this importance, 0-1 (default 0.7).
    #[arg(long, value_name = "X", value_parser = unit)]
    important_need: Option<Unit>,
    /// A product meets a need from this score, 0-1 (default 0.5).
    #[arg(long, value_name = "X", value_parser = unit)]
    met_at: Option<Unit>,
    /// Two personas overlap from this similarity, 0-1 (default 0.7).
    #[arg(long, value_name = "X", value_parser = unit)]
    overlap_at: Option<Unit>,
    /// A persona not reviewed for more days than this is stale (default 365).
    #[arg(long, value_name = "DAYS", value_parser = days)]
    stale_after_days: Option<Days>,
}

impl ThresholdArgs {
    fn any(&self) -> bool {
        self.underserved_below.is_some()
            || self.important_need.is_some()
            || self.met_at.is_some()
            || self.overlap_at.is_some()
            || self.stale_after_days.is_some()
    }

    fn apply(&self, mut t: Thresholds) -> Thresholds {
        for (name, value) in [
            ("underserved_below", self.underserved_below),
            ("important_need", self.important_need),
            ("met_at", self.met_at),
            ("overlap_at", self.overlap_at),
        ] {
            if let Some(v) = value {
                t.set(name, v);
            }
        }
        if let Some(d) = self.stale_after_days {
            t.stale_after_days = d;
        }
        t
    }
}

fn days(s: &str) -> Result<Days, String> {
    let v: i64 = s
        .parse()
        .map_err(|_| format!("{s:?} is not a whole number of days"))?;
    Days::new(v)
}

fn date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

fn unit(s: &str) -> Result<Unit, String> {
    let v: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    Unit::new(v)
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
        Command::Demo {
            output,
            contacts,
            force,
        } => {
            if let Some(csv) = &contacts {
                // Checked first, so that nothing is written when it cannot be.
                if csv.exists() && !force {
                    return Err(with_hint(persona_atlas::Error::Exists {
                        path: csv.clone(),
                    }));
                }
            }
            api::create_demo(&output, force).map_err(with_hint)?;
            eprintln!("wrote the demo portfolio to {}", output.display());
            if let Some(csv) = contacts {
                api::write_demo_contacts(&csv, force).map_err(with_hint)?;
                eprintln!(
                    "wrote {} made-up contacts to {}",
                    persona_atlas::demo::CONTACTS,
                    csv.display()
                );
            }
        }
        Command::Import {
            input,
            output,
            from,
            types,
            force,
        } => {
            let types = persona_atlas::kumu::TypeMap::parse(&types).map_err(anyhow::Error::msg)?;
            let (session, preview) =
                api::import_with(&input, from.into(), &types, &output, force).map_err(with_hint)?;
            for t in &preview.unmapped_types {
                eprintln!(
                    "left out {} {} of type {}: map the type with --type {:?}=KIND",
                    t.elements,
                    if t.elements == 1 {
                        "element"
                    } else {
                        "elements"
                    },
                    if t.kind.is_empty() {
                        "(none)".to_owned()
                    } else {
                        format!("{:?}", t.kind)
                    },
                    if t.kind.is_empty() { "TYPE" } else { &t.kind }
                );
            }
            if preview.unmapped_connections > 0 {
                eprintln!(
                    "left out {} {} between kinds no link joins, or to elements left out",
                    preview.unmapped_connections,
                    if preview.unmapped_connections == 1 {
                        "connection"
                    } else {
                        "connections"
                    }
                );
            }
            for note in &preview.notes {
                eprintln!("note: {note}");
            }
            let counts = session.project().counts();
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
        Command::Export {
            input,
            format,
            output,
            force,
        } => {
            let format = match format {
                ExportArg::Json => api::ExportFormat::Json,
                ExportArg::Xlsx => api::ExportFormat::Xlsx,
                ExportArg::Csv => api::ExportFormat::Csv,
                ExportArg::Graphml => api::ExportFormat::Graphml,
                ExportArg::Gexf => api::ExportFormat::Gexf,
                ExportArg::Kumu => api::ExportFormat::Kumu,
            };
            match output {
                Some(path) => api::export_as(&input, format, &path, Date::today(), force)
                    .map_err(with_hint)?,
                None if format == api::ExportFormat::Json => {
                    write_stdout(&api::export_json(&input)?)?;
                }
                None => anyhow::bail!(
                    "--format {} needs -o: where to write the {}",
                    match format {
                        api::ExportFormat::Xlsx => "xlsx",
                        api::ExportFormat::Csv => "csv",
                        api::ExportFormat::Graphml => "graphml",
                        api::ExportFormat::Kumu => "kumu",
                        _ => "gexf",
                    },
                    match format {
                        api::ExportFormat::Xlsx => "workbook",
                        api::ExportFormat::Csv => "folder of CSV files",
                        api::ExportFormat::Kumu => "blueprint",
                        _ => "graph file",
                    }
                ),
            }
        }
        Command::Merge {
            a,
            b,
            output,
            force,
            today,
        } => {
            let today = today.unwrap_or_else(Date::today);
            let (_, report) = api::merge_files(&a, &b, &output, force, today).map_err(with_hint)?;
            eprint!("{}", report.render());
            eprintln!("wrote the merged project to {}", output.display());
        }
        Command::Diff {
            a,
            b,
            format,
            today,
        } => {
            let today = today.unwrap_or_else(Date::today);
            let diff = api::diff_files(&a, &b, today)?;
            let text = match format {
                Format::Text => diff.render(false),
                Format::Markdown => diff.render(true),
                Format::Json => {
                    let mut json = serde_json::to_string_pretty(&diff)
                        .context("cannot write the comparison as JSON")?;
                    json.push('\n');
                    json
                }
            };
            write_stdout(&text)?;
        }
        Command::Template { output, force } => {
            api::write_template(&output, force).map_err(with_hint)?;
            eprintln!("wrote the workbook to fill to {}", output.display());
        }
        Command::Starter { file, set } => match (file, set) {
            (Some(file), Some(set)) => {
                let mut session = api::open(&file)?;
                let added = api::add_starter_set(&mut session, &set)?;
                eprintln!(
                    "added {added} {} of {set} to {}",
                    if added == 1 { "entry" } else { "entries" },
                    file.display()
                );
            }
            (Some(_), None) => anyhow::bail!(
                "name the set to add after the file; `persona-atlas starter` lists them"
            ),
            _ => {
                let mut out = String::new();
                for set in api::starter_sets() {
                    out.push_str(&format!(
                        "{}  {} ({})\n    {}\n",
                        set.id,
                        set.name,
                        set.kind.label(),
                        set.items.join(", ")
                    ));
                }
                print!("{out}");
            }
        },
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
        Command::Analyze {
            file,
            format,
            today,
            thresholds,
        } => {
            let overrides = thresholds.any().then(|| {
                let stored = api::read_any(&file)
                    .map(|p| p.thresholds)
                    .unwrap_or_default();
                thresholds.apply(stored)
            });
            let (project, analysis) =
                api::analyze(&file, overrides, today.unwrap_or_else(Date::today))?;
            let text = match format {
                Format::Text => render(&project, &analysis, Style::Text),
                Format::Markdown => render(&project, &analysis, Style::Markdown),
                Format::Json => {
                    let mut json = serde_json::to_string_pretty(&analysis)
                        .context("cannot write the findings as JSON")?;
                    json.push('\n');
                    json
                }
            };
            write_stdout(&text)?;
        }
        Command::OnePager {
            file,
            persona,
            output,
            paper,
            today,
            force,
        } => {
            let today = today.unwrap_or_else(Date::today);
            api::write_one_pager(&file, &persona, &output, paper.into(), today, force)
                .map_err(with_hint)?;
        }
        Command::Report {
            file,
            output,
            paper,
            today,
            force,
        } => {
            let today = today.unwrap_or_else(Date::today);
            api::write_report(&file, &output, paper.into(), today, force).map_err(with_hint)?;
        }
        Command::Matrix { file, kind } => {
            let kind = match kind {
                Matrix::Personas => MatrixKind::PersonaProduct,
                Matrix::Needs => MatrixKind::NeedProduct,
                Matrix::Segments => MatrixKind::SegmentProduct,
            };
            write_stdout(&to_csv(&api::matrices_of(&file)?, kind))?;
        }
        Command::Edit { file, edits } => edit_file(&file, &edits)?,
        Command::Match {
            file,
            data,
            format,
            account,
            sheet,
            save,
            evidence,
        } => {
            if save && file.extension().is_none_or(|e| e != "patlas") {
                anyhow::bail!(
                    "--save writes the figures into a project file (.patlas); {} is not one",
                    file.display()
                );
            }
            let project = api::read_any(&file)?;
            // The values common among unmatched records are for people
            // reading the report in words; the JSON is the spec's.
            let options = persona_atlas::rules::MatchOptions {
                account,
                sheet,
                unmatched_values: !matches!(format, Format::Json),
            };
            let found = api::match_table_watched(
                &project,
                &data,
                &options,
                &persona_atlas::rules::Watch::default(),
            )?;
            let report = &found.report;
            let names = persona_atlas::profile::Names::new(&project);
            let name = |id: &str| names.name(id);
            let text = match format {
                Format::Text => found.text(&name),
                Format::Markdown => found.markdown(&name),
                Format::Json => {
                    let mut json = serde_json::to_string_pretty(&report)
                        .context("cannot write the report as JSON")?;
                    json.push('\n');
                    json
                }
            };
            write_stdout(&text)?;
            if save {
                let kind = match evidence {
                    EvidenceArg::Crm => persona_atlas::model::EvidenceKind::Crm,
                    EvidenceArg::Analytics => persona_atlas::model::EvidenceKind::Analytics,
                };
                let edit = api::match_evidence(report, kind, Date::today());
                let saved = match &edit {
                    persona_atlas::edit::Edit::RecordMatch { personas, .. } => personas.len(),
                    _ => 0,
                };
                let mut session = api::open(&file)?;
                api::edit(&mut session, &edit)?;
                eprintln!(
                    "saved the figures as evidence on {saved} {} in {}",
                    if saved == 1 { "persona" } else { "personas" },
                    file.display()
                );
            }
        }
        Command::RulesSql {
            file,
            dialect,
            table,
        } => {
            use persona_atlas::rules::Dialect;
            let dialect = match dialect {
                DialectArg::Duckdb => Dialect::DuckDb,
                DialectArg::Postgres => Dialect::Postgres,
                DialectArg::Bigquery => Dialect::BigQuery,
                DialectArg::Snowflake => Dialect::Snowflake,
                DialectArg::Spark => Dialect::Spark,
            };
            let project = api::read_any(&file)?;
            let sql = persona_atlas::rules::compile_project(&project, dialect, &table)
                .map_err(|p| anyhow::anyhow!("{}: {p}", file.display()))?;
            write_stdout(&sql)?;
        }
        Command::Thresholds { file, thresholds } => {
            let t = if thresholds.any() {
                api::change_thresholds(&file, |stored| thresholds.apply(stored))?
            } else {
                api::open_read_only(&file)?.load()?.thresholds
            };
            let mut out = String::new();
            for name in Thresholds::NAMES {
                let value = t.get(name).map_or(0.0, Unit::get);
                let default = Thresholds::DEFAULT.get(name).map_or(0.0, Unit::get);
                let note = if value == default { " (default)" } else { "" };
                out.push_str(&format!("{name:<18} {value}{note}\n"));
            }
            let days = t.stale_after_days.get();
            let note = if t.stale_after_days == Thresholds::DEFAULT.stale_after_days {
                " (default)"
            } else {
                ""
            };
            out.push_str(&format!(
                "{:<18} {days}{note}\n",
                Thresholds::STALE_AFTER_DAYS
            ));
            write_stdout(&out)?;
        }
        Command::Generate {
            personas,
            seed,
            output,
            force,
        } => {
            let project = generate::portfolio(personas, seed);
            if output.extension().is_some_and(|e| e == "json") {
                if !force && output.exists() {
                    return Err(with_hint(persona_atlas::Error::Exists { path: output }));
                }
                api::write_text(&output, &interchange::write(&project))?;
            } else {
                api::create(&output, &project, force).map_err(with_hint)?;
            }
            eprintln!(
                "wrote {} personas, {} products and {} needs to {}",
                project.personas.len(),
                project.products.len(),
                project.needs.len(),
                output.display()
            );
        }
    }
    Ok(())
}

/// The largest edits file `edit` reads: a million edits of a kilobyte.
const MAX_EDITS_BYTES: u64 = 1 << 30;

/// `persona-atlas edit`: each line one edit, in order, each committed alone.
fn edit_file(file: &std::path::Path, edits: &std::path::Path) -> anyhow::Result<()> {
    use std::io::BufRead as _;
    let input: Box<dyn std::io::Read> = if edits.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let meta =
            std::fs::metadata(edits).with_context(|| format!("cannot read {}", edits.display()))?;
        anyhow::ensure!(meta.is_file(), "{} is not a regular file", edits.display());
        anyhow::ensure!(
            meta.len() <= MAX_EDITS_BYTES,
            "{} is larger than the {} MB an edits file may be",
            edits.display(),
            MAX_EDITS_BYTES >> 20
        );
        Box::new(
            std::fs::File::open(edits)
                .with_context(|| format!("cannot read {}", edits.display()))?,
        )
    };
    let mut session = api::open(file)?;
    let mut applied = 0usize;
    let mut unchanged = 0usize;
    let reader = std::io::BufReader::new(std::io::Read::take(input, MAX_EDITS_BYTES));
    for (i, line) in reader.lines().enumerate() {
        let n = i + 1;
        let line = line.with_context(|| format!("{}: line {n}: cannot read", edits.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let result = api::parse_edit(&line).and_then(|edit| api::edit_latest(&mut session, &edit));
        match result {
            Ok(persona_atlas::session::Outcome::Changed) => applied += 1,
            Ok(persona_atlas::session::Outcome::Unchanged) => unchanged += 1,
            Err(e) => anyhow::bail!(
                "{}: line {n}: {e}\n(the {applied} edits applied before line {n} are kept in {})",
                edits.display(),
                file.display()
            ),
        }
    }
    let same = if unchanged > 0 {
        format!(" ({unchanged} changed nothing)")
    } else {
        String::new()
    };
    eprintln!("applied {applied} edits to {}{same}", file.display());
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
