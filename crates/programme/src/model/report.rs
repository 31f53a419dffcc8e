//! Half-year, annual and final reports of a participant to the funder.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{MeasureId, ParticipantId, ReportId};

use super::plan::MeasureStatus;

/// A report of a participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Stable id.
    pub id: ReportId,
    /// Whose report.
    pub participant: ParticipantId,
    /// Which report.
    pub kind: ReportKind,
    /// The year reported on (for a final report, the year it is written).
    pub year: i32,
    /// «Behandlet i styringsgruppen»: when the steering group dealt with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steering_group_treated: Option<Date>,
    /// When it was submitted to the funder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Date>,
    /// When the funder read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<Date>,
    /// Who filled it in («Programleder i samarbeid med programgruppen»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filled_in_by: Option<String>,
    /// Status per measure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<MeasureReport>,
    /// The narrative part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
}

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// The half-year report (first half of `year`).
    HalfYear,
    /// The annual report (for `year`).
    Annual,
    /// The final report.
    Final,
}

impl ReportKind {
    /// The code used in keys and files.
    pub fn code(self) -> &'static str {
        match self {
            ReportKind::HalfYear => "half_year",
            ReportKind::Annual => "annual",
            ReportKind::Final => "final",
        }
    }
}

/// The status of one measure in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureReport {
    /// The measure.
    pub measure: MeasureId,
    /// Its status.
    pub status: MeasureStatus,
    /// A comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}
