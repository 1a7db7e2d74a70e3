//! Benchmark sizes. `medium` is ten times `small` in every dimension, so the two side by side
//! show how time and memory grow with the data; `large` is the size of a large contractor
//! (500 projects, 20,000 suppliers, 200,000 budget lines, 1,000,000 project costs).

use std::str::FromStr;

/// How many records of each kind the maestro* company holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Size {
    pub projects: usize,
    pub suppliers: usize,
    pub customers: usize,
    pub employees: usize,
    /// Budget lines, spread evenly over the projects.
    pub budget_lines: usize,
    /// Project costs (each one direct cost with one line in Procore), spread evenly.
    pub project_costs: usize,
}

impl Size {
    /// Seconds in a debug build: the CI preset.
    pub const SMALL: Size = Size {
        projects: 2,
        suppliers: 1_100,
        customers: 10,
        employees: 10,
        budget_lines: 800,
        project_costs: 2_200,
    };
    pub const MEDIUM: Size = Size {
        projects: 20,
        suppliers: 11_000,
        customers: 100,
        employees: 100,
        budget_lines: 8_000,
        project_costs: 22_000,
    };
    pub const LARGE: Size = Size {
        projects: 500,
        suppliers: 20_000,
        customers: 400,
        employees: 450,
        budget_lines: 200_000,
        project_costs: 1_000_000,
    };
}

/// A named size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Small,
    Medium,
    Large,
}

impl Preset {
    pub fn size(self) -> Size {
        match self {
            Preset::Small => Size::SMALL,
            Preset::Medium => Size::MEDIUM,
            Preset::Large => Size::LARGE,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Preset::Small => "small",
            Preset::Medium => "medium",
            Preset::Large => "large",
        }
    }
}

/// A preset name other than small, medium or large.
#[derive(Debug, thiserror::Error)]
#[error("unknown preset {0:?}: small, medium or large")]
pub struct UnknownPreset(String);

impl FromStr for Preset {
    type Err = UnknownPreset;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "small" => Ok(Preset::Small),
            "medium" => Ok(Preset::Medium),
            "large" => Ok(Preset::Large),
            other => Err(UnknownPreset(other.to_owned())),
        }
    }
}
