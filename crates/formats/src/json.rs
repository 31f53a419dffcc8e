//! samspill's JSON network document: the model's serde form under a header.
//!
//! ```json
//! {"format": "samspill-network", "version": 1, "networks": [ ... ]}
//! ```
//!
//! Each network is [`Network`] as serde writes it (people, relations with
//! ties, partitions, vectors, attributes). Everything the model holds
//! survives a round trip.

use samspill_engine::model::Network;
use serde::{Deserialize, Serialize};

use crate::{Document, FormatError, Location};

/// The value of the `format` field.
pub(crate) const FORMAT_NAME: &str = "samspill-network";
/// The version this crate writes and reads.
pub(crate) const VERSION: u32 = 1;

#[derive(Serialize)]
struct Out<'a> {
    format: &'a str,
    version: u32,
    networks: &'a [Network],
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct In {
    networks: Vec<Network>,
}

fn located(file: &str, e: &serde_json::Error, what: &str) -> FormatError {
    let loc = if e.line() > 0 {
        Location {
            file: file.to_string(),
            line: Some(e.line()),
            column: Some(e.column()),
        }
    } else {
        Location::file(file)
    };
    FormatError::new(loc, format!("{what}: {e}"))
}

pub(crate) fn read(bytes: &[u8], file_name: &str) -> Result<Document, FormatError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let header: Header = serde_json::from_slice(bytes).map_err(|e| {
        located(
            file_name,
            &e,
            "expected a JSON object with \"format\": \"samspill-network\"",
        )
    })?;
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(FormatError::translated(
            Location::file(file_name),
            format!(
                "expected \"format\": \"{FORMAT_NAME}\", found {}",
                header
                    .format
                    .map_or("no format field".to_string(), |f| format!("{f:?}"))
            ),
            crate::Text::new("formats-json-not-samspill", Vec::new()),
        ));
    }
    if header.version != Some(VERSION) {
        return Err(FormatError::new(
            Location::file(file_name),
            format!(
                "expected \"version\": {VERSION}, found {}",
                header
                    .version
                    .map_or("no version field".to_string(), |v| v.to_string())
            ),
        ));
    }
    let doc: In = serde_json::from_slice(bytes)
        .map_err(|e| located(file_name, &e, "expected a samspill network document"))?;
    Ok(Document {
        networks: doc.networks,
        warnings: Vec::new(),
    })
}

pub(crate) fn write(networks: &[Network]) -> Result<(Vec<u8>, Vec<String>), FormatError> {
    let mut dropped = Vec::new();
    let finite = |v: &samspill_engine::model::AttrValue| match v {
        samspill_engine::model::AttrValue::Float(f) => f.is_finite(),
        _ => true,
    };
    let bad = networks.iter().any(|n| {
        n.attributes.values().any(|v| !finite(v))
            || n.people
                .iter()
                .any(|p| p.attributes.values().any(|v| !finite(v)))
            || n.relations.iter().any(|r| {
                r.ties
                    .iter()
                    .any(|t| t.attributes.values().any(|v| !finite(v)))
            })
            || n.vectors
                .iter()
                .any(|v| v.values.iter().flatten().any(|x| !x.is_finite()))
    });
    if bad {
        dropped.push("non-finite numbers (JSON writes them as null)".to_string());
    }
    let out = Out {
        format: FORMAT_NAME,
        version: VERSION,
        networks,
    };
    let mut bytes = serde_json::to_vec_pretty(&out).map_err(|e| {
        FormatError::new(
            Location::file("<output>"),
            format!("cannot write JSON: {e}"),
        )
    })?;
    bytes.push(b'\n');
    Ok((bytes, dropped))
}
