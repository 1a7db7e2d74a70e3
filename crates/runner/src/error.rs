//! Failures that stop a run. A record Procore or maestro* refuses is not one of them: it becomes
//! an error outcome and the other records carry on.

use engine::entity::OrderError;
use erp::ErpError;
use procore::ProcoreError;
use state::StateError;

#[derive(Debug, thiserror::Error)]
pub enum RunnerError {
    #[error("unknown entity `{0}` (known: {known})", known = crate::entity_names().join(", "))]
    UnknownEntity(String),
    #[error(transparent)]
    Order(#[from] OrderError),
    #[error("maestro*: {0}")]
    Erp(#[from] ErpError),
    #[error("Procore: {0}")]
    Procore(#[from] ProcoreError),
    #[error("sync state: {0}")]
    State(#[from] StateError),
    /// A configuration change that would make existing links wrong.
    #[error("setting refused: {0}")]
    SettingRefused(String),
    /// A link asked by hand that would be wrong.
    #[error("link refused: {0}")]
    LinkRefused(String),
    /// A stream did not end within the read budget: better stop than loop.
    #[error("{entity}: more than {pages} pages of maestro* changes in one run")]
    TooManyChanges { entity: &'static str, pages: u32 },
}
