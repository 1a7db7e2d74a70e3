//! The synchronized entities: for each, the engine declaration, the pure mappers between the
//! maestro* record, the canonical [`Fields`] and the Procore record, and the few Procore calls
//! the runner needs (list changed, get one, sync a batch).

use std::collections::{BTreeSet, VecDeque};

use async_trait::async_trait;
use engine::entity::EntitySpec;
use engine::fields::Fields;
use engine::matching::MatchKeys;
use engine::plan::{ErpRecord as PlannedErp, ProcoreRecord as PlannedProcore};
use erp::{EntityStore, ErpConnector};
use procore::{Client, Pager, ProcoreError, SyncOutcome, TimeRange, UnreadableRecord};
use serde::de::DeserializeOwned;

use crate::progress::PageProgress;
use serde_json::Value;

pub mod customers;
pub mod directory;
pub mod employees;
pub mod projects;
pub mod suppliers;

/// Every entity the runner knows, in declaration order (the engine orders them by dependency):
/// the [`SyncEntity`] ones and the project-scoped [`crate::cost_codes`] and [`crate::budgets`].
pub const SPECS: &[EntitySpec] = &[
    customers::SPEC,
    suppliers::SPEC,
    employees::SPEC,
    projects::SPEC,
    crate::cost_codes::SPEC,
    crate::budgets::ORIGINAL,
    crate::billing::PRIME_CONTRACTS,
    crate::billing::BILLING_CHANGE_ORDERS,
    crate::commitments::SUBCONTRACTS,
    crate::commitments::PURCHASE_ORDERS,
    crate::commitments::SUBCONTRACT_CHANGE_ORDERS,
    crate::project_costs::PROJECT_COSTS,
    crate::order_invoices::ORDER_INVOICES,
    crate::budgets::MODIFIED,
];

/// A maestro* record as the planner and the matcher see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ErpSide {
    pub planned: PlannedErp,
    pub keys: MatchKeys,
}

/// A Procore record mapped for the planner, with what the mapping had to change.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcoreSide {
    pub planned: PlannedProcore,
    pub keys: MatchKeys,
    /// The record syncs, but not exactly as Procore holds it (an address cut to 40 characters):
    /// shown as warnings when the value reaches maestro*.
    pub warnings: Vec<String>,
    /// The record may be linked to an unbound maestro* record it matches, but is not this
    /// entity's otherwise: unlinked, it is left out of the plan without a word (a plain vendor,
    /// for customers).
    pub link_only: bool,
}

/// One synchronized entity: its declaration, mappers and Procore calls.
#[async_trait]
pub trait SyncEntity: Send + Sync + 'static {
    /// The maestro* record.
    type Erp: erp::ErpRecord<Key = String>;
    /// The Procore record.
    type Procore: Clone + DeserializeOwned + Send + Sync + 'static;
    /// One item of the Procore sync action.
    type Item: Send + 'static;

    const SPEC: EntitySpec;
    /// Singular name for messages (`project`, `supplier`).
    const LABEL: &'static str;
    /// Other entities kept in the same Procore resource: a Procore record bound to one of them
    /// is never this entity's (a directory company is a supplier or a customer, not both).
    const SHARES_PROCORE_WITH: &'static [&'static str] = &[];

    fn store(erp: &dyn ErpConnector) -> &dyn EntityStore<Self::Erp>;

    fn from_erp(record: &Self::Erp) -> ErpSide;
    /// Why a maestro* record cannot be synchronized at all (an error outcome naming the record
    /// and the field), as opposed to one kept out on purpose (`excluded`, a skip).
    fn erp_invalid(_record: &Self::Erp) -> Option<String> {
        None
    }
    /// The record mapped for the planner, or why it cannot be synchronized at all (an error
    /// outcome naming the record and the field).
    fn from_procore(record: &Self::Procore) -> Result<ProcoreSide, String>;
    fn procore_id(record: &Self::Procore) -> u64;

    /// A new maestro* record for a Procore record (`procore_id`) whose canonical fields are
    /// `fields`, or why none can be made.
    fn new_erp(procore_id: u64, fields: &Fields) -> Result<Self::Erp, String>;
    /// `record` with `changes` written over it.
    fn apply_to_erp(record: &Self::Erp, changes: &Fields) -> Self::Erp;
    /// A sync item writing `fields` (all or only the changed ones) to Procore.
    fn procore_item(id: Option<u64>, origin_id: &str, fields: &Fields) -> Self::Item;

    /// Procore records updated within `range`, every record when `None`, page by page.
    fn pages(client: &Client, range: Option<TimeRange>) -> Pages<Self::Procore>;
    /// Every record of [`SyncEntity::pages`] at once, telling `progress` after each page.
    async fn list(
        client: &Client,
        range: Option<TimeRange>,
        progress: PageProgress<'_>,
    ) -> Result<Listed<Self::Procore>, ProcoreError> {
        Self::pages(client, range).collect(progress).await
    }
    async fn get(client: &Client, id: u64) -> Result<Self::Procore, ProcoreError>;
    async fn sync(
        client: &Client,
        items: Vec<Self::Item>,
    ) -> Result<SyncOutcome<Self::Procore>, ProcoreError>;
    /// The `origin_id` Procore holds for a record.
    fn origin_id(record: &Self::Procore) -> Option<&str>;
    /// The `origin_id` the record with maestro* key `erp_key` carries in Procore.
    fn origin_id_for(erp_key: &str) -> String {
        erp_key.to_owned()
    }
}

/// The records of a Procore list, and the entries it held that could not be read as records
/// (each reported as an error naming the record and the field, while the others sync).
#[derive(Debug)]
pub struct Listed<T> {
    pub records: Vec<T>,
    pub unreadable: Vec<UnreadableRecord>,
}

/// A Procore list read a page at a time, or several lists one after the other (the vendors,
/// then the inactive vendors), so that a reader can keep only what it needs of each page
/// instead of holding the whole list. Unreadable records are set aside, each reported once.
pub struct Pages<T> {
    lists: VecDeque<Listing<T>>,
    /// Items (records and unreadable ones) of the lists already read to their end.
    before: u64,
    /// Items of the list being read.
    current: u64,
    /// Ids of the unreadable records handed out: one listed twice is reported once.
    reported: BTreeSet<u64>,
}

/// Keeps a record of its list: a window applied to a list that takes no date filter.
pub type Keep<T> = Box<dyn Fn(&T) -> bool + Send + Sync>;

struct Listing<T> {
    pager: Pager<T>,
    keep: Option<Keep<T>>,
}

impl<T: DeserializeOwned> Pages<T> {
    /// The pages of `pager`.
    pub fn of(pager: Pager<T>) -> Self {
        Pages {
            lists: VecDeque::new(),
            before: 0,
            current: 0,
            reported: BTreeSet::new(),
        }
        .then(pager, None)
    }

    /// The pages of `pager` after these, with only the records `keep` keeps when given.
    pub fn then(mut self, pager: Pager<T>, keep: Option<Keep<T>>) -> Self {
        self.lists.push_back(Listing {
            pager: pager.keep_unreadable(),
            keep,
        });
        self
    }

    /// The next page (possibly empty once `keep` applied), `None` after the last one; tells
    /// `progress` how many items were read, out of how many once Procore announced it.
    pub async fn next_page(
        &mut self,
        progress: PageProgress<'_>,
    ) -> Result<Option<Listed<T>>, ProcoreError> {
        while let Some(listing) = self.lists.front_mut() {
            let Some(records) = listing.pager.next_page().await? else {
                self.before += self.current;
                self.current = 0;
                self.lists.pop_front();
                continue;
            };
            let unreadable = listing.pager.take_unreadable();
            self.current += (records.len() + unreadable.len()) as u64;
            progress(
                self.before + self.current,
                listing.pager.total().map(|t| t + self.before),
            );
            let records = match &listing.keep {
                Some(keep) => records.into_iter().filter(|r| keep(r)).collect(),
                None => records,
            };
            let reported = &mut self.reported;
            let unreadable = unreadable
                .into_iter()
                .filter(|u| u.id.is_none_or(|id| reported.insert(id)))
                .collect();
            return Ok(Some(Listed {
                records,
                unreadable,
            }));
        }
        Ok(None)
    }

    /// Every page at once.
    pub async fn collect(mut self, progress: PageProgress<'_>) -> Result<Listed<T>, ProcoreError> {
        let mut all = Listed {
            records: Vec::new(),
            unreadable: Vec::new(),
        };
        while let Some(page) = self.next_page(progress).await? {
            all.records.extend(page.records);
            all.unreadable.extend(page.unreadable);
        }
        Ok(all)
    }
}

/// Every item of `pager`, telling `progress` after each page; `already` items were read before
/// (an earlier list of the same entity). A record that cannot be read fails the list, naming it.
pub(crate) async fn collect<T: DeserializeOwned>(
    mut pager: Pager<T>,
    already: u64,
    progress: PageProgress<'_>,
) -> Result<Vec<T>, ProcoreError> {
    let mut all = Vec::new();
    while let Some(page) = pager.next_page().await? {
        all.extend(page);
        progress(
            already + all.len() as u64,
            pager.total().map(|t| t + already),
        );
    }
    Ok(all)
}

/// Text of a canonical field, `None` for no value.
pub(crate) fn text(fields: &Fields, name: &str) -> Option<String> {
    match fields.get(name) {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Text for a Procore write: an emptied field is sent as `""` so Procore clears it too (an
/// absent attribute would leave the old value in place).
pub(crate) fn procore_text(fields: &Fields, name: &str) -> Option<String> {
    Some(text(fields, name).unwrap_or_default())
}

/// `value` cut to `max` characters, with a warning naming the record and the field when cut.
pub(crate) fn cut(
    label: &str,
    key: &str,
    field: &str,
    value: Option<String>,
    max: usize,
    warnings: &mut Vec<String>,
) -> Option<String> {
    let value = value?;
    let trimmed = value.trim();
    let length = trimmed.chars().count();
    if length <= max {
        return Some(value);
    }
    warnings.push(format!(
        "{label} {key}: {field}: cut to {max} characters for maestro* (Procore holds {length})"
    ));
    Some(trimmed.chars().take(max).collect::<String>())
}
