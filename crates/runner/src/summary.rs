//! What a run did, per entity and per side: the numbers the CLI prints and tests check.

use serde::Serialize;
use state::RunId;

/// A count per side written (or, for errors and warnings, per side the record was meant for).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PerSide {
    pub erp: u64,
    pub procore: u64,
}

impl PerSide {
    pub fn total(&self) -> u64 {
        self.erp + self.procore
    }
}

impl std::ops::AddAssign for PerSide {
    fn add_assign(&mut self, other: PerSide) {
        self.erp += other.erp;
        self.procore += other.procore;
    }
}

/// One entity's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    pub entity: String,
    /// Records created on each side.
    pub created: PerSide,
    /// Records updated on each side.
    pub updated: PerSide,
    /// Existing records on both sides linked by onboarding.
    pub linked: u64,
    /// Bound records with nothing to write.
    pub unchanged: u64,
    /// Records not synchronized, with their reason (not flagged, NOTMAESTRO, …).
    pub skipped: u64,
    /// Fields changed differently on both sides, left unwritten.
    pub conflicts: u64,
    /// Records written with a remark (an address cut to 40 characters).
    pub warnings: PerSide,
    /// Records that could not be written to that side.
    pub errors: PerSide,
    /// Procore writes left for the next run: the rate limit or an outage stopped them.
    pub pending: u64,
    /// Conflicts a user resolved whose chosen side this run wrote.
    pub resolutions_applied: u64,
    /// A dry run's plan: what each record would get, in the words of an outcome.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub planned: Vec<state::NewOutcome>,
}

impl EntitySummary {
    pub fn new(entity: &str) -> Self {
        EntitySummary {
            entity: entity.to_owned(),
            ..EntitySummary::default()
        }
    }

    /// Adds the counts (and planned outcomes) of a part of the same entity.
    pub fn absorb(&mut self, part: EntitySummary) {
        let EntitySummary {
            entity: _,
            created,
            updated,
            linked,
            unchanged,
            skipped,
            conflicts,
            warnings,
            errors,
            pending,
            resolutions_applied,
            planned,
        } = part;
        self.created += created;
        self.updated += updated;
        self.linked += linked;
        self.unchanged += unchanged;
        self.skipped += skipped;
        self.conflicts += conflicts;
        self.warnings += warnings;
        self.errors += errors;
        self.pending += pending;
        self.resolutions_applied += resolutions_applied;
        self.planned.extend(planned);
    }

    /// Records created or updated on either side.
    pub fn writes(&self) -> u64 {
        self.created.total() + self.updated.total()
    }
}

/// A whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RunSummary {
    /// The recorded run; `None` for a dry run, which records nothing.
    pub run_id: Option<RunId>,
    pub dry_run: bool,
    /// In the order the entities ran.
    pub entities: Vec<EntitySummary>,
}

impl RunSummary {
    pub fn entity(&self, name: &str) -> Option<&EntitySummary> {
        self.entities.iter().find(|e| e.entity == name)
    }

    /// Records created or updated on either side, all entities.
    pub fn writes(&self) -> u64 {
        self.entities.iter().map(EntitySummary::writes).sum()
    }

    pub fn errors(&self) -> u64 {
        self.entities.iter().map(|e| e.errors.total()).sum()
    }
}

/// A link between existing records, proposed or made by `mpsync link`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposedLink {
    pub entity: &'static str,
    pub erp_key: String,
    pub procore_id: u64,
    /// The attribute both records share.
    pub matched_on: engine::matching::MatchedOn,
}

/// A maestro* record matching several Procore records: a person links it by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmbiguousLink {
    pub entity: &'static str,
    pub erp_key: String,
    pub candidates: Vec<u64>,
    pub matched_on: engine::matching::MatchedOn,
}

/// What `mpsync link --auto` found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LinkReport {
    /// Nothing was stored.
    pub dry_run: bool,
    pub links: Vec<ProposedLink>,
    pub ambiguous: Vec<AmbiguousLink>,
}
