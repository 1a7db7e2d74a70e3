//! The theoretical minimum of Procore calls a sync of the benchmark's data needs: reads at the
//! largest page Procore serves, writes in sync actions of 1,000 where Procore has one. A pure
//! function of the sizes, so it is the same on every machine.
//!
//! Procore has no company-wide list of cost codes, budget lines, commitments or prime
//! contracts: those are read per project (a partition), one page at least even when empty.
//! docs/BENCHMARKS.md gives the formula of each entity in words.

use serde::Serialize;

use crate::dataset::{Counts, ErpEdits};

/// Items per sync action (facts §3.5).
pub const SYNC_BATCH: u64 = 1_000;
/// Largest page of the v1.0 lists the sync reads.
pub const PAGE: u64 = 1_000;
/// Commitment and billing lists read per project: work order contracts, purchase order
/// contracts, change order packages, prime contracts, prime contract change orders.
pub const DOCUMENT_LISTS: u64 = 5;
/// Levels of the activity tree: a cost code names its parent's id, so each level is its own
/// sync action after the one above.
pub const LEVELS: u64 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
    Initial,
    /// The sync right after the initial one: it reads back what the initial one wrote (its
    /// cursor is the initial run's start), and writes nothing.
    Echo,
    NoChange,
    Incremental,
    RateLimited,
}

impl Scenario {
    pub fn name(self) -> &'static str {
        match self {
            Scenario::Initial => "1 initial",
            Scenario::Echo => "2a first sync after 1",
            Scenario::NoChange => "2 no change",
            Scenario::Incremental => "3 incremental 1 %",
            Scenario::RateLimited => "4 rate-limited initial",
        }
    }
}

/// One entity's share of the minimum.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EntityMinimum {
    pub entity: &'static str,
    pub reads: u64,
    pub writes: u64,
}

/// The minimum calls of a scenario.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Minimum {
    pub reads: u64,
    pub writes: u64,
    pub entities: Vec<EntityMinimum>,
}

impl Minimum {
    pub fn total(&self) -> u64 {
        self.reads + self.writes
    }

    fn add(&mut self, entity: &'static str, reads: u64, writes: u64) {
        self.reads += reads;
        self.writes += writes;
        self.entities.push(EntityMinimum {
            entity,
            reads,
            writes,
        });
    }
}

/// Records edited in Procore by the incremental scenario.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ProcoreEdits {
    pub suppliers: u64,
    pub customers: u64,
    pub projects: u64,
}

/// Everything the incremental scenario changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub erp: ErpEdits,
    pub procore: ProcoreEdits,
}

impl Changes {
    pub fn records(&self) -> u64 {
        let (e, p) = (&self.erp, &self.procore);
        e.projects
            + e.suppliers
            + e.customers
            + e.employees
            + e.budget_lines
            + p.suppliers
            + p.customers
            + p.projects
    }
}

fn pages(records: u64) -> u64 {
    records.div_ceil(PAGE).max(1)
}

fn batches(records: u64) -> u64 {
    records.div_ceil(SYNC_BATCH)
}

/// Reads every sync makes whatever changed: each company list once (filtered by
/// `updated_at`), and per Procore project (`visible`: ours and those Procore already had)
/// the lists without a company-wide form.
fn quiet_reads(m: &mut Minimum, visible: u64) {
    m.add("projects (list)", 1, 0);
    // Vendors: the active list filters on updated_at; inactive vendors have their own list.
    m.add("customers (vendors + inactive vendors)", 2, 0);
    m.add("suppliers (vendors + inactive vendors)", 2, 0);
    m.add("employees (company users)", 1, 0);
    m.add("cost types (line item types)", 1, 0);
    m.add("budget views, per project", visible, 0);
    // Procore's budgets have no updated_at: modifications are read per project every run.
    m.add("budget detail rows, per project", visible, 0);
    m.add(
        "commitments and prime contracts, per project",
        DOCUMENT_LISTS * visible,
        0,
    );
}

/// What the Procore company held before the first sync (the sandbox's own records).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Existing {
    pub projects: u64,
    /// Vendors without an `origin_id`: the suppliers entity brings them into maestro* and
    /// stamps each with its new supplier code (what finds the link again if it is lost), a
    /// write of its own in the vendors' sync actions.
    pub vendors: u64,
}

/// Scenario 1: everything created in a Procore that holds `existing`.
pub fn initial(c: &Counts, existing: &Existing) -> Minimum {
    let mut m = Minimum::default();
    let visible = c.projects + existing.projects;
    m.add("projects", 1, batches(c.projects));
    m.add("customers", 2, batches(c.customers));
    m.add("suppliers", 2, batches(c.suppliers + existing.vendors));
    m.add("employees", 1, batches(c.employees));
    m.add("cost types (line item types)", 1, 0);
    let a = &c.activities_per_project;
    let per_level: u64 = [a.divisions, a.sections, a.items, a.leaves]
        .into_iter()
        .map(batches)
        .sum();
    m.add(
        "cost codes: tree read per project, one sync per level",
        visible * pages(a.total()),
        c.projects * per_level,
    );
    // Budget codes (WBS) read once and created in one bulk call; lines in one budget line
    // item sync per 1,000; the detail rows read once (lines have no list of their own).
    m.add(
        "original budget: WBS codes + bulk create, view, detail rows, line sync",
        visible * (pages(c.budget_lines_per_project) + 1 + pages(c.budget_lines_per_project)),
        c.projects
            * (batches(c.budget_lines_per_project).max(1)
                + batches(c.budget_lines_per_project).max(1)),
    );
    m.add(
        "project costs: direct costs + their lines, two syncs per 1,000",
        0,
        c.projects * 2 * batches(c.project_costs_per_project),
    );
    m.add(
        "commitments and prime contracts, per project",
        DOCUMENT_LISTS * visible,
        0,
    );
    m
}

/// Scenario 2: nothing changed on either side.
pub fn no_change(_c: &Counts, visible_projects: u64) -> Minimum {
    let mut m = Minimum::default();
    quiet_reads(&mut m, visible_projects);
    m
}

/// Scenario 3: `changes` on both sides, Procore's edits flowing to maestro* (no Procore write).
pub fn incremental(_c: &Counts, visible_projects: u64, changes: &Changes) -> Minimum {
    let mut m = no_change(_c, visible_projects);
    let e = &changes.erp;
    m.add("projects (edited in maestro*)", 0, batches(e.projects));
    m.add("customers (edited in maestro*)", 0, batches(e.customers));
    m.add("suppliers (edited in maestro*)", 0, batches(e.suppliers));
    m.add("employees (edited in maestro*)", 0, batches(e.employees));
    // One budget line item sync per project holding an edited line (≤ 1,000 each).
    m.add(
        "budget lines (edited in maestro*), per project",
        0,
        e.budget_projects.max(batches(e.budget_lines)),
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::ActivityLevels;

    fn counts() -> Counts {
        Counts {
            projects: 2,
            customers: 10,
            suppliers: 2_500,
            employees: 10,
            activities_per_project: ActivityLevels {
                divisions: 1,
                sections: 2,
                items: 10,
                leaves: 1_200,
            },
            budget_lines_per_project: 400,
            project_costs_per_project: 1_500,
        }
    }

    #[test]
    fn initial_counts_pages_and_batches_of_a_thousand() {
        let m = initial(
            &counts(),
            &Existing {
                projects: 1,
                vendors: 0,
            },
        );
        let of = |name: &str| {
            m.entities
                .iter()
                .find(|e| e.entity == name)
                .unwrap()
                .clone()
        };
        assert_eq!(of("suppliers").writes, 3);
        assert_eq!(of("customers").writes, 1);
        // Procore's own vendors are stamped in the suppliers' sync actions: 2,500 + 500 still
        // fit in three, 2,500 + 501 need a fourth.
        let stamped = |vendors| {
            let m = initial(
                &counts(),
                &Existing {
                    projects: 1,
                    vendors,
                },
            );
            m.entities
                .iter()
                .find(|e| e.entity == "suppliers")
                .unwrap()
                .writes
        };
        assert_eq!((stamped(500), stamped(501)), (3, 4));
        // 1 + 1 + 1 + 2 sync actions per project; the tree (1,213 codes) is two pages.
        let codes = of("cost codes: tree read per project, one sync per level");
        assert_eq!((codes.reads, codes.writes), (3 * 2, 2 * 5));
        let costs = of("project costs: direct costs + their lines, two syncs per 1,000");
        assert_eq!(costs.writes, 2 * 2 * 2);
        assert_eq!(m.reads, m.entities.iter().map(|e| e.reads).sum::<u64>());
        assert_eq!(m.total(), m.reads + m.writes);
    }

    #[test]
    fn a_quiet_sync_writes_nothing_and_reads_one_page_per_list_and_project() {
        let m = no_change(&counts(), 3);
        assert_eq!(m.writes, 0);
        assert_eq!(m.reads, 1 + 2 + 2 + 1 + 1 + 3 + 3 + 5 * 3);
    }

    #[test]
    fn incremental_writes_only_what_changed() {
        let changes = Changes {
            erp: ErpEdits {
                projects: 0,
                suppliers: 25,
                customers: 0,
                employees: 0,
                budget_lines: 8,
                budget_projects: 2,
            },
            procore: ProcoreEdits {
                suppliers: 25,
                customers: 1,
                projects: 1,
            },
        };
        let m = incremental(&counts(), 3, &changes);
        assert_eq!(m.writes, 1 + 2);
        assert_eq!(m.reads, no_change(&counts(), 3).reads);
        assert_eq!(changes.records(), 25 + 8 + 25 + 1 + 1);
    }
}
