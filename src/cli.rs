//! The command line (OUTPUT.md), parsed with `clap`: `zhibiao extract [--json|--jsonl|--csv]
//! [--lines] [--catalog FILE] [--jobs N] FILE|DIR|-...` and `zhibiao completions SHELL`.
//!
//! A thin shell over the core: each argument becomes files (a folder is walked for every
//! supported file; an archive is opened by [`crate::input::expand`]), the files are decoded and
//! extracted in parallel on all cores (rayon) and written in input order. One JSON object for
//! one plain file, an array otherwise; `--jsonl` streams one object per line; `--csv` writes one
//! row per fact (UTF-8 with BOM). A file that cannot be read gets a one-line error on stderr
//! naming it; the others are still processed and the exit code is 1. A progress bar goes to
//! stderr when it is a terminal. Another subcommand is one more [`Command`] variant.

use crate::data::catalog::Catalog;
use crate::input::{self, expand::is_supported_name};
use crate::model::Report;
use crate::output;
use crate::review::derived::DerivedDef;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

/// `zhibiao`: the command line.
#[derive(Parser, Debug)]
#[command(
    name = "zhibiao",
    version,
    about = "Turn Chinese 法治政府建设年度报告 into structured, checkable metrics",
    long_about = None,
    propagate_version = true,
    arg_required_else_help = true,
    after_help = "Run `zhibiao extract --help` for the formats and options."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract the metrics of reports (files, folders, .zip archives; - reads standard input)
    Extract(ExtractArgs),
    /// Review reports (REVIEW.md): required parts, timeliness, derived rates, flags — one row per report
    Review(ReviewArgs),
    /// Print a shell completion script (e.g. `zhibiao completions bash > /etc/bash_completion.d/zhibiao`)
    Completions(CompletionsArgs),
}

/// The arguments of `zhibiao review`.
#[derive(Args, Debug)]
#[command(
    args_override_self = true,
    after_help = "One row (CSV) or object (JSON) per report: parts present n/4, on time, days late, flags and their \
kinds, density. The reports' full `review` objects are in `zhibiao extract --json`.\n\n\
Examples:\n  zhibiao review --csv reports/ > review.csv\n  zhibiao review --json 2023.txt 2024.txt"
)]
pub struct ReviewArgs {
    /// Write CSV, one row per report (UTF-8 with BOM; the default)
    #[arg(long, overrides_with = "json")]
    pub csv: bool,
    /// Write a JSON array, one object per report
    #[arg(long, overrides_with = "csv")]
    pub json: bool,
    /// The catalog, the number of workers and the inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

/// What `extract` and `review` read: the inputs, with which catalog, on how many cores.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Use an extended metric catalog (TOML, see data/catalog.toml; [[derived]] entries add derived indicators)
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Work on N files at once (default: all cores)
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Report files, folders or .zip archives; - reads standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// The output format of `extract`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// One JSON object for one file, a JSON array otherwise (OUTPUT.md).
    #[default]
    Json,
    /// One JSON object per line, written as soon as it is ready (in input order).
    Jsonl,
    /// One row per fact, UTF-8 with BOM (Excel reads it).
    Csv,
}

/// The arguments of `zhibiao extract`.
#[derive(Args, Debug)]
#[command(
    args_override_self = true,
    after_help = "Files are read by content: UTF-8/UTF-16/GB18030/GBK/Big5 text, HTML pages, Word .docx, \
legacy Word .doc and WPS .wps, PDF with a text layer, and .zip archives of these (each file inside is its own \
report, named archive.zip/folder/file). A folder is walked for every such file.\n\n\
Examples:\n  zhibiao extract --json report.txt\n  zhibiao extract --jsonl reports/ > all.jsonl\n  \
zhibiao extract --csv reports.zip > facts.csv\n  cat report.txt | zhibiao extract -"
)]
pub struct ExtractArgs {
    /// Write JSON: one object for one file, an array for several (the default)
    #[arg(long, overrides_with_all = ["jsonl", "csv"])]
    pub json: bool,
    /// Write one JSON object per line (JSON Lines), streamed in input order
    #[arg(long, overrides_with_all = ["json", "csv"])]
    pub jsonl: bool,
    /// Write CSV, one row per fact (UTF-8 with BOM)
    #[arg(long, overrides_with_all = ["json", "jsonl"])]
    pub csv: bool,
    /// Make every input line its own document
    #[arg(long)]
    pub lines: bool,
    /// The catalog, the number of workers and the inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

impl ExtractArgs {
    /// The chosen format (the last of --json/--jsonl/--csv; JSON by default).
    pub fn format(&self) -> Format {
        if self.csv {
            Format::Csv
        } else if self.jsonl {
            Format::Jsonl
        } else {
            Format::Json
        }
    }
}

/// The arguments of `zhibiao completions`.
#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to write the completion script for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Run the CLI with `args` (without the program name); returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let mut out = std::io::stdout().lock();
    // not locked for the whole run: the progress bar draws on stderr from the worker threads
    let mut err = std::io::stderr();
    let progress = std::io::stderr().is_terminal();
    run_inner(args, &mut out, &mut err, progress)
}

/// [`run`] with explicit output streams (for tests); no progress bar.
pub fn run_with(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    run_inner(args, out, err, false)
}

fn run_inner(args: &[String], out: &mut dyn Write, err: &mut dyn Write, progress: bool) -> i32 {
    let cli = match Cli::try_parse_from(
        std::iter::once("zhibiao".to_string()).chain(args.iter().cloned()),
    ) {
        Ok(c) => c,
        Err(e) => {
            let text = if progress {
                e.render().ansi().to_string()
            } else {
                e.render().to_string()
            };
            let _ = if e.use_stderr() {
                write!(err, "{text}")
            } else {
                write!(out, "{text}")
            };
            return e.exit_code();
        }
    };
    match cli.command {
        Command::Extract(a) => extract(&a, None, out, err, progress),
        Command::Review(r) => {
            let a = ExtractArgs {
                json: true,
                jsonl: false,
                csv: false,
                lines: false,
                input: r.input,
            };
            extract(&a, Some(r.json), out, err, progress)
        }
        Command::Completions(c) => {
            clap_complete::generate(c.shell, &mut Cli::command(), "zhibiao", out);
            0
        }
    }
}

/// One unit of work: a file (or standard input) to read, or an error found while listing.
enum Job {
    /// Bytes already read (standard input), with their name.
    Bytes(Vec<u8>, String),
    /// A file to read, with the name its reports get.
    File(PathBuf, String),
    /// A message for stderr.
    Error(String),
}

/// What every job is done with: the same for all of them.
struct Work<'a> {
    /// `--lines`: one report per line.
    lines: bool,
    cat: &'a Catalog,
    /// The derived measures of the user's catalog.
    derived: &'a [DerivedDef],
    /// The reports go out as a JSON array: each is serialized by the worker that made it.
    json: bool,
}

/// What one job gave.
struct Done {
    reports: Vec<Report>,
    /// `json[i]`: with [`Work::json`], `reports[i]` as an element of a pretty JSON array.
    json: Vec<Option<String>>,
    errors: Vec<String>,
    /// An archive (or --lines): its reports are several even if one.
    several: bool,
}

fn read_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::fs::File::open(path)?
        .take(input::MAX_BYTES as u64 + 1)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

fn source_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

/// The arguments → jobs, in order: folders walked (sorted by name), `-` read now.
fn jobs(files: &[PathBuf]) -> Vec<Job> {
    let mut jobs = Vec::new();
    for f in files {
        let shown = f.to_string_lossy().into_owned();
        if f.as_os_str() == "-" {
            let mut buf = Vec::new();
            jobs.push(
                match std::io::stdin()
                    .take(input::MAX_BYTES as u64 + 1)
                    .read_to_end(&mut buf)
                {
                    Ok(_) => Job::Bytes(buf, "-".into()),
                    Err(e) => Job::Error(format!("zhibiao: -: cannot read standard input: {e}")),
                },
            );
            continue;
        }
        match std::fs::metadata(f) {
            Err(e) => jobs.push(Job::Error(format!("zhibiao: {shown}: cannot read: {e}"))),
            Ok(m) if m.is_dir() => {
                let before = jobs.len();
                let base = shown.trim_end_matches('/').to_string();
                for entry in walkdir::WalkDir::new(f)
                    .follow_links(true)
                    .sort_by_file_name()
                {
                    match entry {
                        Err(e) => jobs.push(Job::Error(format!("zhibiao: {shown}: {e}"))),
                        Ok(e) if e.file_type().is_file() => {
                            let rel = e.path().strip_prefix(f).unwrap_or(e.path());
                            let rel = rel.to_string_lossy().replace('\\', "/");
                            if is_supported_name(&rel) {
                                jobs.push(Job::File(
                                    e.path().to_path_buf(),
                                    format!("{base}/{rel}"),
                                ));
                            }
                        }
                        Ok(_) => {}
                    }
                }
                if jobs.len() == before {
                    jobs.push(Job::Error(format!(
                        "zhibiao: {shown}: no report files in this folder (looked for {})",
                        input::expand::EXTENSIONS.join(" ")
                    )));
                }
            }
            Ok(_) => jobs.push(Job::File(f.clone(), source_name(f))),
        }
    }
    jobs
}

/// Read, expand, decode and extract one job.
fn process(job: Job, work: &Work) -> Done {
    let mut done = Done {
        reports: Vec::new(),
        json: Vec::new(),
        errors: Vec::new(),
        several: work.lines,
    };
    let (bytes, name) = match job {
        Job::Error(e) => {
            done.errors.push(e);
            return done;
        }
        Job::Bytes(b, name) => (b, name),
        Job::File(path, name) => match read_file(&path) {
            Ok(b) => (b, name),
            Err(e) => {
                done.errors.push(format!(
                    "zhibiao: {}: cannot read: {e}",
                    path.to_string_lossy()
                ));
                return done;
            }
        },
    };
    let parts = input::expand(bytes, &name);
    if parts.len() != 1 || parts[0].name != name {
        done.several = true;
    }
    for part in parts {
        let decoded = match part.bytes.and_then(|b| input::decode(&b, &part.name)) {
            Ok(d) => d,
            Err(e) => {
                done.errors.push(format!("zhibiao: {e}"));
                continue;
            }
        };
        if work.lines {
            for line in decoded.text.lines() {
                done.reports
                    .push(crate::pipeline::extract_with(line, &part.name, work.cat));
            }
        } else {
            let mut r = crate::pipeline::extract_with(&decoded.text, &part.name, work.cat);
            r.warnings.extend(decoded.warnings);
            done.reports.push(r);
        }
    }
    if !work.derived.is_empty() {
        for r in &mut done.reports {
            crate::review::add_derived(r, work.derived);
        }
    }
    done.json = (done.reports.iter())
        .map(|r| work.json.then(|| output::json_element(r)))
        .collect();
    done
}

/// The user's catalog (`--catalog`) with the derived measures it defines, or the exit code
/// after a message on `err`.
fn load_catalog(
    a: &ExtractArgs,
    err: &mut dyn Write,
) -> Result<(Option<Catalog>, Vec<DerivedDef>), i32> {
    let Some(p) = &a.input.catalog else {
        return Ok((None, Vec::new()));
    };
    let mut derived: Vec<DerivedDef> = Vec::new();
    match std::fs::read_to_string(p)
        .map_err(|e| format!("{}: {e}", p.to_string_lossy()))
        .and_then(|s| {
            derived = crate::review::derived::user_defs(&s).map_err(|e| e.to_string())?;
            Catalog::from_toml(&s).map_err(|e| e.to_string())
        }) {
        Ok(c) => Ok((Some(c), derived)),
        Err(e) => {
            let _ = writeln!(
                err,
                "zhibiao: --catalog: {e}\nhint: the catalog format is described at the top of data/catalog.toml"
            );
            Err(2)
        }
    }
}

/// A progress bar on stderr for `n` files when `progress` (stderr is a terminal), else hidden.
fn progress_bar(progress: bool, n: usize) -> ProgressBar {
    if !progress || n <= 1 {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {bar:40} {pos}/{len} files  {per_sec}  eta {eta}")
    {
        b.set_style(style);
    }
    b
}

/// What the parallel run gathered, in input order.
#[derive(Default)]
struct Gathered {
    /// The reports (empty for `--jsonl`, which writes them as they come).
    reports: Vec<Report>,
    /// `json[i]`: `reports[i]` as an element of the JSON array, when made (see [`Work::json`])
    /// and still current.
    json: Vec<Option<String>>,
    /// Some input could not be read.
    failed: bool,
    /// Some input gave several reports (an archive, `--lines`).
    several: bool,
    /// Writing a `--jsonl` line failed.
    write_failed: bool,
}

impl Gathered {
    /// Take one input's results: errors to `err`, reports to `out` (`--jsonl`) or kept.
    fn take(
        &mut self,
        d: Done,
        format: Format,
        bar: &ProgressBar,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) {
        self.several |= d.several;
        if !d.errors.is_empty() {
            self.failed = true;
            bar.suspend(|| {
                for e in &d.errors {
                    let _ = writeln!(err, "{}", e.replace(['\n', '\r'], " "));
                }
            });
        }
        if format == Format::Jsonl {
            for r in &d.reports {
                let line = serde_json::to_string(r).unwrap_or_default();
                if !self.write_failed && writeln!(out, "{line}").is_err() {
                    self.write_failed = true;
                }
            }
        } else {
            self.json.extend(d.json);
            self.reports.extend(d.reports);
        }
    }
}

/// Extract every job on `pool`'s threads, taking the results in input order as they arrive.
#[allow(clippy::too_many_arguments)]
fn run_jobs(
    pool: rayon::ThreadPool,
    jobs: Vec<Job>,
    work: &Work,
    format: Format,
    bar: &ProgressBar,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Gathered {
    let mut got = Gathered::default();
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Done)>();
    std::thread::scope(|s| {
        let worker_bar = bar.clone();
        s.spawn(move || {
            pool.install(|| {
                jobs.into_par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, job)| {
                        let d = process(job, work);
                        worker_bar.inc(1);
                        let _ = tx.send((i, d));
                    })
            })
        });
        // write in input order as results arrive
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        for (i, d) in rx {
            pending.insert(i, d);
            while let Some(d) = pending.remove(&next) {
                next += 1;
                got.take(d, format, bar, out, err);
            }
        }
    });
    got
}

/// The report of `item`, to be written into: its JSON no longer current.
fn stale<'a>(item: &'a mut (&mut Report, &mut Option<String>)) -> &'a mut Report {
    *item.1 = None;
    item.0
}

/// Write the gathered reports (or the review table) and give the exit code.
fn write_out(
    got: Gathered,
    review: Option<bool>,
    format: Format,
    single_arg: bool,
    out: &mut dyn Write,
) -> i32 {
    let reports = got.reports;
    if let Some(json) = review {
        let s = if json {
            crate::review::table::review_json(&reports) + "\n"
        } else {
            crate::review::table::review_csv(&reports)
        };
        return if out.write_all(s.as_bytes()).is_err() {
            1
        } else {
            i32::from(got.failed)
        };
    }
    let written = match format {
        Format::Jsonl => out.flush(),
        Format::Json => {
            if reports.len() == 1 && single_arg && !got.several {
                writeln!(out, "{}", output::json(&reports))
            } else {
                output::write_json_array(&reports, got.json, out)
            }
        }
        Format::Csv => write!(out, "{}", output::csv_facts(&reports)),
    };
    if written.is_err() || got.write_failed {
        return 1;
    }
    i32::from(got.failed)
}

/// `extract`, or with `review` = Some(json?) the review table of `zhibiao review`.
fn extract(
    a: &ExtractArgs,
    review: Option<bool>,
    out: &mut dyn Write,
    err: &mut dyn Write,
    progress: bool,
) -> i32 {
    let (catalog, derived) = match load_catalog(a, err) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let format = a.format();
    // one plain file (or standard input) gives one object; folders and archives an array
    let single_arg = a.input.files.len() == 1
        && (a.input.files[0].as_os_str() == "-"
            || std::fs::metadata(&a.input.files[0]).is_ok_and(|m| m.is_file()));
    let jobs = jobs(&a.input.files);
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(a.input.jobs.map_or(0, usize::from))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "zhibiao: cannot start worker threads: {e}");
            return 1;
        }
    };
    // the built-in catalog and data files load on all cores (the first reports would take
    // turns loading them)
    if jobs.len() > 1 {
        pool.install(|| {
            rayon::join(
                || catalog.is_none().then(crate::data::catalog::builtin),
                || {
                    crate::pipeline::loaders()
                        .into_par_iter()
                        .with_max_len(1)
                        .for_each(|load| load())
                },
            )
        });
    }
    let cat = catalog
        .as_ref()
        .unwrap_or_else(|| crate::data::catalog::builtin());
    let bar = progress_bar(progress, jobs.len());
    let work = Work {
        lines: a.lines,
        cat,
        derived: &derived,
        json: review.is_none() && format == Format::Json,
    };
    let mut got = run_jobs(pool, jobs, &work, format, &bar, out, err);
    bar.finish_and_clear();
    if got.reports.len() > 1 {
        // (a report that gets a series or a flag is serialized again)
        let mut items: Vec<(&mut Report, &mut Option<String>)> =
            got.reports.iter_mut().zip(got.json.iter_mut()).collect();
        crate::review::series::across_by(&mut items, |it| &*it.0, stale);
    }
    write_out(got, review, format, single_arg, out)
}
