//! Secondary indexes over the world's records, so that a list page, a sync item or a computed
//! field costs the records it concerns rather than every record of its kind (the benchmark's
//! large company holds a million direct cost lines). They are derived from the records alone:
//! `World` keeps them in step on every mutation and rebuilds them on load; they are never
//! persisted.
//!
//! Every set holds ids in ascending order, the order of `World::all`, so a lookup through an
//! index followed by the same filter yields the same records in the same order as a full scan.

use std::collections::BTreeSet;

/// The indexes' maps, with a fast hash (foldhash) instead of SipHash, which showed in the
/// simulator's profile of a large sync: the simulator serves the client under test on
/// loopback, so resisting crafted colliding keys buys nothing.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

use crate::state::{Kind, Record};

/// Data fields naming another record that lookups go through: the budget lines, committed and
/// direct cost lines and WBS codes of a cost code; the change orders of a contract.
pub const REFERENCES: &[(Kind, &str)] = &[
    (Kind::BudgetLineItem, "cost_code_id"),
    (Kind::CommitmentLineItem, "cost_code_id"),
    (Kind::DirectCostLineItem, "cost_code_id"),
    (Kind::WbsCode, "cost_code_id"),
    (Kind::PrimeChangeOrder, "contract_id"),
    (Kind::CommitmentChangeOrder, "contract_id"),
    (Kind::ChangeOrderPackage, "contract_id"),
];

/// Ids by key. Soft-deleted records are kept in every index except `by_origin`: lists can
/// include them, and callers filter on `deleted_at` as they did over a full scan.
#[derive(Debug, Default, PartialEq)]
pub struct Indexes {
    by_company: HashMap<(Kind, u64), BTreeSet<u64>>,
    by_project: HashMap<(Kind, Option<u64>), BTreeSet<u64>>,
    /// By `Kind as usize` of the children, then the container's id. Most containers hold one
    /// or a few records (a direct cost its lines), so each holds its ids in place or in a
    /// sorted slice, not a tree node: 24 bytes an entry, and a million direct costs.
    by_parent: [HashMap<u64, Ids>; Kind::ALL.len()],
    by_reference: HashMap<(Kind, &'static str, u64), BTreeSet<u64>>,
    /// Live records only: `origin_id` uniqueness and sync matching ignore deleted ones. By
    /// the origin's hash, not the origin: the record holds its origin already, and a second
    /// copy of each of two million origins was a tenth of the simulator's memory on the
    /// benchmark. Records under a hash may have another origin that shares it; `World`
    /// checks each record's own.
    by_origin: HashMap<(Kind, u64), HashMap<u64, Ids>>,
}

/// The ids under one key, ascending: nearly always a single record (a second with the same
/// origin is refused; a direct cost has one line or a few), so one is held in place rather
/// than in a vector of its own.
#[derive(Debug, Clone, PartialEq)]
enum Ids {
    One(u64),
    /// Two or more. A boxed slice, so that an entry is 16 bytes: growing it reallocates, and
    /// it rarely grows.
    Many(Box<[u64]>),
}

const _: () = assert!(std::mem::size_of::<Ids>() == 16);

impl Ids {
    fn as_slice(&self) -> &[u64] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(ids) => ids,
        }
    }

    fn add(&mut self, id: u64) {
        match self {
            Ids::One(one) if *one == id => {}
            Ids::One(one) => *self = Ids::Many(Box::new([id.min(*one), id.max(*one)])),
            Ids::Many(ids) => {
                if let Err(at) = ids.binary_search(&id) {
                    let mut grown = std::mem::take(ids).into_vec();
                    grown.insert(at, id);
                    *ids = grown.into_boxed_slice();
                }
            }
        }
    }

    /// Removes `id`; whether any id is left.
    fn remove(&mut self, id: u64) -> bool {
        match self {
            Ids::One(one) => *one != id,
            Ids::Many(ids) => {
                if let Ok(at) = ids.binary_search(&id) {
                    let mut left = std::mem::take(ids).into_vec();
                    left.remove(at);
                    *ids = left.into_boxed_slice();
                }
                if let [last] = ids[..] {
                    *self = Ids::One(last);
                }
                true
            }
        }
    }
}

/// The key of an origin in `by_origin`: a fixed seed, so a world's index is the same
/// whichever process built it.
fn origin_hash(origin: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0).hash_one(origin)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Add,
    Remove,
}

/// Adds `id` under `key`, or removes it. Empty sets are dropped, so that indexes kept up to
/// date equal indexes rebuilt from scratch.
fn edit<K: std::hash::Hash + Eq>(map: &mut HashMap<K, BTreeSet<u64>>, key: K, id: u64, how: Edit) {
    match how {
        Edit::Add => {
            map.entry(key).or_default().insert(id);
        }
        Edit::Remove => {
            if let Some(ids) = map.get_mut(&key) {
                ids.remove(&id);
                if ids.is_empty() {
                    map.remove(&key);
                }
            }
        }
    }
}

/// [`edit`] for maps whose ids are [`Ids`].
fn edit_ids<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Ids>, key: K, id: u64, how: Edit) {
    use std::collections::hash_map::Entry;
    match (how, map.entry(key)) {
        (Edit::Add, Entry::Occupied(mut ids)) => ids.get_mut().add(id),
        (Edit::Add, Entry::Vacant(slot)) => {
            slot.insert(Ids::One(id));
        }
        (Edit::Remove, Entry::Occupied(mut ids)) => {
            if !ids.get_mut().remove(id) {
                ids.remove();
            }
        }
        (Edit::Remove, Entry::Vacant(_)) => {}
    }
}

fn references(r: &Record) -> impl Iterator<Item = (&'static str, u64)> + '_ {
    REFERENCES
        .iter()
        .filter(move |(kind, _)| *kind == r.kind)
        .filter_map(move |(_, field)| r.u64_field(field).map(|id| (*field, id)))
}

fn live_origin(r: &Record) -> Option<&str> {
    r.origin_id().filter(|_| r.deleted_at.is_none())
}

impl Indexes {
    #[cfg(test)]
    pub fn build<'a>(records: impl IntoIterator<Item = &'a Record>) -> Indexes {
        let mut indexes = Indexes::default();
        for r in records {
            indexes.add(r);
        }
        indexes
    }

    /// Indexes `r` under its current scope, parent, references and origin.
    pub fn add(&mut self, r: &Record) {
        self.apply(r, Edit::Add);
    }

    /// Undoes `add(r)`: `r` must be in the state it was indexed in.
    pub fn remove(&mut self, r: &Record) {
        self.apply(r, Edit::Remove);
    }

    /// One walk over every index entry of `r`, so adding and removing cannot disagree.
    fn apply(&mut self, r: &Record, how: Edit) {
        edit(&mut self.by_company, (r.kind, r.company_id), r.id, how);
        edit(&mut self.by_project, (r.kind, r.project_id), r.id, how);
        if let Some(parent) = r.parent_id {
            edit_ids(&mut self.by_parent[r.kind as usize], parent, r.id, how);
        }
        for (field, target) in references(r) {
            edit(&mut self.by_reference, (r.kind, field, target), r.id, how);
        }
        if let Some(origin) = live_origin(r) {
            let key = (r.kind, r.company_id);
            let hash = origin_hash(origin);
            let origins = self.by_origin.entry(key).or_default();
            edit_ids(origins, hash, r.id, how);
            if origins.is_empty() {
                self.by_origin.remove(&key);
            }
        }
    }

    pub fn in_company(&self, kind: Kind, company_id: u64) -> Option<&BTreeSet<u64>> {
        self.by_company.get(&(kind, company_id))
    }

    pub fn in_project(&self, kind: Kind, project_id: Option<u64>) -> Option<&BTreeSet<u64>> {
        self.by_project.get(&(kind, project_id))
    }

    pub fn children(&self, kind: Kind, parent_id: u64) -> &[u64] {
        self.by_parent[kind as usize]
            .get(&parent_id)
            .map_or(&[], Ids::as_slice)
    }

    /// Panics on a field missing from [`REFERENCES`]: an empty answer would be silently wrong.
    pub fn referencing(&self, kind: Kind, field: &str, target: u64) -> Option<&BTreeSet<u64>> {
        let Some(&(_, field)) = REFERENCES.iter().find(|(k, f)| *k == kind && *f == field) else {
            panic!("{}.{field} is not an indexed reference", kind.as_str());
        };
        self.by_reference.get(&(kind, field, target))
    }

    /// The live records of `kind` in the company whose origin is `origin` or shares its hash:
    /// the caller keeps those whose origin it is.
    pub fn live_with_origin_hash(&self, kind: Kind, company_id: u64, origin: &str) -> &[u64] {
        self.by_origin
            .get(&(kind, company_id))
            .and_then(|origins| origins.get(&origin_hash(origin)))
            .map_or(&[], Ids::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_under_one_origin_go_from_one_to_many_and_back() {
        let mut ids = Ids::One(7);
        ids.add(7);
        assert_eq!(ids, Ids::One(7));
        ids.add(3);
        assert_eq!(ids.as_slice(), [3, 7]);
        ids.add(5);
        assert_eq!(ids.as_slice(), [3, 5, 7]);
        assert!(ids.remove(5));
        assert!(ids.remove(3));
        assert_eq!(ids, Ids::One(7));
        assert!(ids.remove(9), "another id leaves it as it was");
        assert!(!ids.remove(7));
    }
}
