//! One kind's records by id. The simulator allocates ids upwards from each kind's base, so
//! nearly every record sits in a vector indexed by its id's offset from the base: in a B-tree
//! each of a large company's two million records cost about twice its size (nodes half full
//! after ascending inserts) and every lookup walked several levels. Ids elsewhere (a seed's, a
//! test's, a restored world's) live in a tree beside it. The vector is kept in chunks: grown
//! by doubling, a table of a million records was copied into a new allocation twice its size
//! each time, touching twice the memory it ends with (fresh pages are dear on the machines the
//! benchmark runs on) and holding both for the copy.

use std::collections::BTreeMap;

use crate::state::Record;

/// How far past the vector's end an id may land and still extend it (the slots between stay
/// empty): more sparse than that, and it goes to the tree.
const GAP: u64 = 4096;

/// Slots per chunk of the vector (about 400 KiB of records).
const CHUNK: usize = 4096;

#[derive(Debug)]
pub(crate) struct RecordTable {
    base: u64,
    /// The record of id `base + i` at slot `i` (chunk `i / CHUNK`, place `i % CHUNK`) for `i`
    /// below `len`; every slot from `len` on is empty. No id in `base..base + len` is in
    /// `sparse`.
    dense: Vec<Box<[Option<Record>]>>,
    len: usize,
    sparse: BTreeMap<u64, Record>,
}

impl RecordTable {
    pub(crate) fn new(base: u64) -> RecordTable {
        RecordTable {
            base,
            dense: Vec::new(),
            len: 0,
            sparse: BTreeMap::new(),
        }
    }

    /// The slot of `id` in `dense`, if it falls within it.
    fn slot(&self, id: u64) -> Option<usize> {
        let offset = id.checked_sub(self.base)?;
        (offset < self.len as u64).then_some(offset as usize)
    }

    fn at(&mut self, slot: usize) -> &mut Option<Record> {
        &mut self.dense[slot / CHUNK][slot % CHUNK]
    }

    pub(crate) fn get(&self, id: u64) -> Option<&Record> {
        match self.slot(id) {
            Some(i) => self.dense[i / CHUNK][i % CHUNK].as_ref(),
            None => self.sparse.get(&id),
        }
    }

    pub(crate) fn get_mut(&mut self, id: u64) -> Option<&mut Record> {
        match self.slot(id) {
            Some(i) => self.at(i).as_mut(),
            None => self.sparse.get_mut(&id),
        }
    }

    /// Adds `record` under its id; the record it replaces, if any.
    pub(crate) fn insert(&mut self, record: Record) -> Option<Record> {
        let id = record.id;
        if let Some(i) = self.slot(id) {
            return self.at(i).replace(record);
        }
        let end = self.base + self.len as u64;
        if id >= end && id - end <= GAP {
            let grown = (id - self.base + 1) as usize;
            while self.dense.len() * CHUNK < grown {
                self.dense.push((0..CHUNK).map(|_| None).collect());
            }
            self.len = grown;
            // The tree's ids the vector now covers move into it.
            let moved: Vec<u64> = self.sparse.range(end..=id).map(|(k, _)| *k).collect();
            for k in moved {
                let r = self.sparse.remove(&k).expect("a key just listed");
                *self.at((k - self.base) as usize) = Some(r);
            }
            return self.at(grown - 1).replace(record);
        }
        self.sparse.insert(id, record)
    }

    pub(crate) fn remove(&mut self, id: u64) -> Option<Record> {
        match self.slot(id) {
            Some(i) => self.at(i).take(),
            None => self.sparse.remove(&id),
        }
    }

    /// Every record, in id order.
    pub(crate) fn values(&self) -> impl Iterator<Item = &Record> {
        let end = self.base + self.len as u64;
        self.sparse
            .range(..self.base)
            .map(|(_, r)| r)
            .chain(self.dense.iter().flat_map(|chunk| chunk.iter()).flatten())
            .chain(self.sparse.range(end..).map(|(_, r)| r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Fields;
    use crate::state::Kind;

    fn record(id: u64) -> Record {
        Record {
            kind: Kind::DirectCost,
            id,
            company_id: 1,
            project_id: None,
            parent_id: None,
            deleted_at: None,
            data: Fields::new(),
        }
    }

    fn ids(table: &RecordTable) -> Vec<u64> {
        table.values().map(|r| r.id).collect()
    }

    #[test]
    fn a_kind_as_a_number_is_its_place_among_all_kinds() {
        // `World` keeps its tables and change counters by `Kind as usize`.
        for (i, kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, i, "{kind:?}");
        }
    }

    #[test]
    fn records_come_back_by_id_and_in_id_order_wherever_they_are_kept() {
        let mut table = RecordTable::new(1000);
        // Below the base, far above it, then ascending from the base with a gap.
        for id in [7, 1000 + 10 * GAP, 1000, 1001, 1003, 42] {
            assert!(table.insert(record(id)).is_none(), "{id}");
        }
        assert_eq!(ids(&table), vec![7, 42, 1000, 1001, 1003, 1000 + 10 * GAP]);
        assert_eq!(table.get(1002).map(|r| r.id), None);
        for id in [7, 42, 1000, 1001, 1003, 1000 + 10 * GAP] {
            assert_eq!(table.get(id).map(|r| r.id), Some(id));
        }

        // A far id kept in the tree moves into the vector once the vector reaches it.
        let far = 1003 + GAP + 1;
        table.insert(record(far));
        assert_eq!(table.get(far).map(|r| r.id), Some(far));
        table.insert(record(1003 + GAP));
        table.insert(record(far + 1));
        assert!(table.sparse.range(1000..far + 2).next().is_none());
        assert_eq!(
            ids(&table),
            vec![
                7,
                42,
                1000,
                1001,
                1003,
                1003 + GAP,
                far,
                far + 1,
                1000 + 10 * GAP
            ]
        );

        // Replacing and removing, in either place.
        let mut changed = record(1001);
        changed.company_id = 2;
        assert_eq!(table.insert(changed).map(|r| r.company_id), Some(1));
        assert_eq!(table.get(1001).map(|r| r.company_id), Some(2));
        if let Some(r) = table.get_mut(42) {
            r.company_id = 3;
        }
        assert_eq!(table.get(42).map(|r| r.company_id), Some(3));
        assert_eq!(table.remove(1001).map(|r| r.id), Some(1001));
        assert_eq!(table.remove(1001).map(|r| r.id), None);
        assert_eq!(table.remove(7).map(|r| r.id), Some(7));
        assert_eq!(
            ids(&table),
            vec![42, 1000, 1003, 1003 + GAP, far, far + 1, 1000 + 10 * GAP]
        );
    }

    #[test]
    fn the_vector_grows_a_chunk_at_a_time_and_keeps_every_record() {
        let mut table = RecordTable::new(0);
        let n = 3 * CHUNK as u64 + 5;
        for id in 0..n {
            table.insert(record(id));
        }
        assert_eq!(table.dense.len(), 4);
        assert_eq!(ids(&table), (0..n).collect::<Vec<_>>());
        for id in [0, CHUNK as u64 - 1, CHUNK as u64, n - 1] {
            assert_eq!(table.get(id).map(|r| r.id), Some(id));
        }
        assert!(table.get(n).is_none(), "past the end, in the last chunk");
        assert_eq!(table.remove(CHUNK as u64).map(|r| r.id), Some(CHUNK as u64));
        assert_eq!(table.values().count() as u64, n - 1);
    }
}
