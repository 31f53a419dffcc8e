//! `samspill convert IN OUT`.

use std::path::PathBuf;

use anyhow::Result;
use samspill_formats::{Format, ReadOptions, WriteOptions};
use samspill_i18n::{Arg, Texts};

use crate::UserError;

/// Arguments of `samspill convert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to read.
    input: PathBuf,
    /// The file to write; its extension chooses the format.
    output: PathBuf,
    /// Node-attribute CSV for a CSV edge-list input.
    #[arg(long)]
    nodes: Option<PathBuf>,
    /// Read a CSV/XLSX edge list as undirected edges.
    #[arg(long)]
    undirected: bool,
    /// Output format, when the extension does not say it (pajek, csv,
    /// graphml, gexf, dl, xlsx, json).
    #[arg(long)]
    to: Option<String>,
    /// Write GEXF 1.2draft instead of 1.3.
    #[arg(long)]
    gexf_1_2: bool,
}

/// Reads, converts and writes; the output file is written only after the
/// whole input was read and converted.
pub fn run(args: &Args, t: &Texts) -> Result<()> {
    let opts = ReadOptions {
        nodes: args.nodes.clone(),
        undirected: args.undirected,
        ..ReadOptions::default()
    };
    let doc =
        samspill_formats::read_path(&args.input, &opts).map_err(|e| UserError(e.localized(t)))?;
    for w in &doc.warnings {
        eprintln!(
            "{}",
            t.format("cli-warning", &[("message", Arg::Str(&w.to_string()))])
        );
    }
    let format = match &args.to {
        Some(name) => Format::parse(name),
        None => Format::from_path(&args.output),
    }
    .ok_or_else(|| {
        UserError(t.format(
            "cli-unknown-output-format",
            &[("path", Arg::Str(&args.output.display().to_string()))],
        ))
    })?;
    let written = samspill_formats::write_bytes(
        &doc,
        format,
        &WriteOptions {
            gexf_1_2: args.gexf_1_2,
            ..WriteOptions::default()
        },
    )
    .map_err(|e| UserError(e.localized(t)))?;
    for what in &written.dropped {
        eprintln!(
            "{}",
            t.format(
                "cli-warning",
                &[(
                    "message",
                    Arg::Str(&t.format(
                        "cli-dropped",
                        &[
                            ("format", Arg::Str(format.name())),
                            ("what", Arg::Str(what))
                        ]
                    ))
                )]
            )
        );
    }
    write_atomically(&args.output, &written.bytes, t)?;
    let stem = args.output.with_extension("");
    for (suffix, bytes) in &written.extra {
        let path = PathBuf::from(format!("{}{}", stem.display(), suffix));
        write_atomically(&path, bytes, t)?;
        eprintln!(
            "{}",
            t.format(
                "cli-wrote",
                &[("path", Arg::Str(&path.display().to_string()))]
            )
        );
    }
    eprintln!(
        "{}",
        t.format(
            "cli-wrote",
            &[("path", Arg::Str(&args.output.display().to_string()))]
        )
    );
    Ok(())
}

/// Writes to a temporary file beside `path` and renames it into place, so a
/// failure never leaves half a file.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8], t: &Texts) -> Result<()> {
    write_pieces_atomically(path, &[bytes], t)
}

/// [`write_atomically`] for a file given in pieces, written one after the
/// other (a batch's JSON is 10+ MB: joining it first cost a copy).
pub fn write_pieces_atomically(path: &std::path::Path, pieces: &[&[u8]], t: &Texts) -> Result<()> {
    let tmp = path.with_extension(format!(
        "{}.partial",
        path.extension().and_then(|e| e.to_str()).unwrap_or("out")
    ));
    let fail = |e: std::io::Error| {
        UserError(t.format(
            "cli-cannot-write",
            &[
                ("path", Arg::Str(&path.display().to_string())),
                ("reason", Arg::Str(&e.to_string())),
            ],
        ))
    };
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        let mut file = std::fs::File::create(&tmp)?;
        for piece in pieces {
            file.write_all(piece)?;
        }
        Ok(())
    };
    if let Err(e) = write() {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e).into());
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })?;
    Ok(())
}
