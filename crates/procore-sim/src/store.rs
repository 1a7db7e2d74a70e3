//! SQLite persistence of the whole world, so a demo survives restarts: one row per record
//! `(kind, id, json)` plus a meta table for id counters, OAuth grants and settings. Every
//! mutation is written through before its response is sent.

use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::Row;

use crate::error::SimError;
use crate::state::{Kind, Record, World};

pub struct Store {
    pool: SqlitePool,
    path: String,
}

/// What changed since the last flush, serialized under the state lock.
#[derive(Debug, Default)]
pub struct Batch {
    pub wipe: bool,
    pub upserts: Vec<(String, i64, String)>,
    pub deletes: Vec<(String, i64)>,
    pub meta: Vec<(String, String)>,
}

pub fn meta_rows(world: &World) -> Vec<(String, String)> {
    let to_text = |v: serde_json::Result<String>| v.unwrap_or_else(|_| "null".into());
    vec![
        (
            "next_ids".into(),
            to_text(serde_json::to_string(&world.next_ids)),
        ),
        ("auth".into(), to_text(serde_json::to_string(&world.auth))),
        (
            "settings".into(),
            to_text(serde_json::to_string(&world.settings)),
        ),
    ]
}

pub fn snapshot_dirty(world: &mut World) -> Batch {
    let dirty = std::mem::take(&mut world.dirty);
    let mut batch = Batch {
        wipe: dirty.everything,
        ..Batch::default()
    };
    if dirty.everything {
        for kind in Kind::ALL {
            for r in world.all(kind) {
                batch.upserts.push(row(r));
            }
        }
    } else {
        for (kind, id) in dirty.records {
            match world.get(kind, id) {
                Some(r) => batch.upserts.push(row(r)),
                None => batch.deletes.push((kind.as_str().to_owned(), id as i64)),
            }
        }
    }
    if dirty.meta || dirty.everything {
        batch.meta = meta_rows(world);
    }
    batch
}

fn row(r: &Record) -> (String, i64, String) {
    (
        r.kind.as_str().to_owned(),
        r.id as i64,
        serde_json::to_string(r).unwrap_or_default(),
    )
}

impl Store {
    pub async fn open(path: &Path) -> Result<Store, SimError> {
        let shown = path.display().to_string();
        let err = |source| SimError::Store {
            path: shown.clone(),
            source,
        };
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .map_err(err)?;
        for ddl in [
            "CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, id INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id))",
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, json TEXT NOT NULL)",
        ] {
            sqlx::query(ddl).execute(&pool).await.map_err(err)?;
        }
        Ok(Store { pool, path: shown })
    }

    fn err(&self, source: sqlx::Error) -> SimError {
        SimError::Store {
            path: self.path.clone(),
            source,
        }
    }

    /// The stored world, or `None` for a fresh file.
    pub async fn load(&self) -> Result<Option<World>, SimError> {
        let meta = sqlx::query("SELECT key, json FROM meta")
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        if meta.is_empty() {
            return Ok(None);
        }
        let mut world = World::empty();
        for row in meta {
            let key: String = row.get(0);
            let json: String = row.get(1);
            let bad = |e: serde_json::Error| SimError::Corrupt(format!("meta {key}: {e}"));
            match key.as_str() {
                "next_ids" => world.next_ids = serde_json::from_str(&json).map_err(bad)?,
                "auth" => world.auth = serde_json::from_str(&json).map_err(bad)?,
                "settings" => world.settings = serde_json::from_str(&json).map_err(bad)?,
                _ => {}
            }
        }
        let rows = sqlx::query("SELECT kind, json FROM records")
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.err(e))?;
        for row in rows {
            let kind: String = row.get(0);
            let json: String = row.get(1);
            Kind::from_str(&kind).map_err(SimError::Corrupt)?;
            let record: Record = serde_json::from_str(&json)
                .map_err(|e| SimError::Corrupt(format!("record {kind}: {e}")))?;
            world.insert(record);
        }
        world.dirty = Default::default();
        Ok(Some(world))
    }

    pub async fn write_all(&self, world: &World) -> Result<(), SimError> {
        let mut batch = Batch {
            wipe: true,
            meta: meta_rows(world),
            ..Batch::default()
        };
        for kind in Kind::ALL {
            batch.upserts.extend(world.all(kind).map(row));
        }
        self.write(batch).await
    }

    pub async fn write(&self, batch: Batch) -> Result<(), SimError> {
        if !batch.wipe
            && batch.upserts.is_empty()
            && batch.deletes.is_empty()
            && batch.meta.is_empty()
        {
            return Ok(());
        }
        let mut tx = self.pool.begin().await.map_err(|e| self.err(e))?;
        if batch.wipe {
            sqlx::query("DELETE FROM records")
                .execute(&mut *tx)
                .await
                .map_err(|e| self.err(e))?;
        }
        for (kind, id, json) in batch.upserts {
            sqlx::query("INSERT INTO records (kind, id, json) VALUES (?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET json = excluded.json")
                .bind(kind)
                .bind(id)
                .bind(json)
                .execute(&mut *tx)
                .await
                .map_err(|e| self.err(e))?;
        }
        for (kind, id) in batch.deletes {
            sqlx::query("DELETE FROM records WHERE kind = ? AND id = ?")
                .bind(kind)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(|e| self.err(e))?;
        }
        for (key, json) in batch.meta {
            sqlx::query("INSERT INTO meta (key, json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET json = excluded.json")
                .bind(key)
                .bind(json)
                .execute(&mut *tx)
                .await
                .map_err(|e| self.err(e))?;
        }
        tx.commit().await.map_err(|e| self.err(e))
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::config::SimConfig;
    use crate::seed::{COMPANY_ID, PROJECT_ID};

    /// The indexes are not stored: a loaded world must rebuild them from its records, including
    /// records changed, soft-deleted and removed after the first write.
    #[tokio::test]
    async fn a_loaded_world_rebuilds_its_indexes() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir =
            std::env::temp_dir().join(format!("procore-sim-store-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&dir.join("sim.sqlite")).await.unwrap();
        let mut world = crate::seed::world(&SimConfig::default());
        store.write_all(&world).await.unwrap();

        world.update(Kind::Project, PROJECT_ID, |p| {
            p.data.insert("origin_id", json!("P-1"))
        });
        let vendors: Vec<u64> = world
            .in_company(Kind::Vendor, COMPANY_ID)
            .map(|v| v.id)
            .take(2)
            .collect();
        world.update(Kind::Vendor, vendors[0], |v| {
            v.data.insert("origin_id", json!("S-1"));
            v.deleted_at = Some("2026-01-01T00:00:00Z".into());
        });
        world.update(Kind::Vendor, vendors[1], |v| {
            v.data.insert("origin_id", json!("S-1"))
        });
        let wbs = world
            .in_project(Kind::WbsCode, Some(PROJECT_ID))
            .map(|w| w.id)
            .next()
            .unwrap();
        world.remove(Kind::WbsCode, wbs);
        store.write(snapshot_dirty(&mut world)).await.unwrap();

        let loaded = store.load().await.unwrap().expect("a saved world");
        store.close().await;
        let _ = std::fs::remove_dir_all(&dir);
        loaded.assert_indexes_consistent();
        for kind in Kind::ALL {
            let saved: Vec<&Record> = world.all(kind).collect();
            assert_eq!(loaded.all(kind).collect::<Vec<_>>(), saved, "{kind:?}");
        }
        let origin = |kind, origin| -> Vec<u64> {
            loaded
                .live_with_origin(kind, COMPANY_ID, origin)
                .map(|r| r.id)
                .collect()
        };
        assert_eq!(origin(Kind::Project, "P-1"), [PROJECT_ID]);
        assert_eq!(origin(Kind::Vendor, "S-1"), [vendors[1]]);
        assert!(loaded.get(Kind::WbsCode, wbs).is_none());
    }
}
