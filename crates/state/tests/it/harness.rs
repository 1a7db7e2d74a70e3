//! Fresh databases per test: a temporary SQLite file, or a uniquely named PostgreSQL database.

use std::future::Future;
use std::path::{Path, PathBuf};

use sqlx::{Connection, PgConnection};
use state::{Backend, NewPairing, Pairing, StateStore};

/// Default server for the PostgreSQL half of the suite (trust authentication).
const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// Generates one `#[tokio::test]` per backend for each listed `async fn(StateStore)`.
macro_rules! backend_tests {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    $crate::harness::with_sqlite(super::$name).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    $crate::harness::with_postgres(super::$name).await;
                }
            )+
        }
    };
}

/// A directory of its own under the system temp dir, removed by [`TempDir::drop`].
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> Self {
        let dir =
            std::env::temp_dir().join(format!("mpsync-state-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `test` on a new SQLite database file.
pub async fn with_sqlite<F, Fut>(test: F)
where
    F: FnOnce(StateStore) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let dir = TempDir::new();
    with_sqlite_file(&dir, |store, _| test(store)).await;
}

/// Runs `test` on a new SQLite database file and tells it the file's path.
pub async fn with_sqlite_file<F, Fut>(dir: &TempDir, test: F)
where
    F: FnOnce(StateStore, PathBuf) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let path = dir.path().join("state.db");
    let store = StateStore::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("open SQLite state database");
    assert_eq!(store.backend(), Backend::Sqlite);
    let outcome = tokio::spawn(test(store.clone(), path)).await;
    store.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Runs `test` on a new PostgreSQL database, dropped afterwards even if the test panics.
///
/// Without a reachable server the test fails under `CI=true` and is skipped, loudly, elsewhere.
pub async fn with_postgres<F, Fut>(test: F)
where
    F: FnOnce(StateStore) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let base = std::env::var("MPSYNC_TEST_PG_URL").unwrap_or_else(|_| DEFAULT_PG_URL.to_owned());
    let mut admin = match PgConnection::connect(&base).await {
        Ok(conn) => conn,
        Err(e) => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("PostgreSQL at {base} is unreachable under CI=true: {e}");
            }
            eprintln!(
                "\n!!!!! SKIPPED: PostgreSQL at {base} is unreachable ({e}).\n\
                 !!!!! Start it or set MPSYNC_TEST_PG_URL; with CI=true this test fails.\n"
            );
            return;
        }
    };
    let name = format!("mpsync_state_test_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create test database");
    let store = StateStore::connect(&with_database(&base, &name))
        .await
        .expect("open PostgreSQL state database");
    assert_eq!(store.backend(), Backend::Postgres);
    let outcome = tokio::spawn(test(store.clone())).await;
    store.close().await;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .expect("drop test database");
    let _ = admin.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// `base` with its database name replaced by `name` (query parameters kept).
fn with_database(base: &str, name: &str) -> String {
    let (url, query) = match base.split_once('?') {
        Some((url, query)) => (url, Some(query)),
        None => (base, None),
    };
    let scheme_end = url.find("://").map_or(0, |i| i + 3);
    let authority_end = url[scheme_end..]
        .find('/')
        .map_or(url.len(), |i| scheme_end + i);
    let mut out = format!("{}/{name}", &url[..authority_end]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

/// The production pairing most tests use.
pub async fn production_pairing(store: &StateStore, erp_company: &str) -> Pairing {
    store
        .pair(&NewPairing::new(
            erp_company,
            &procore::Environment::Production,
            1_000_010_000,
        ))
        .await
        .expect("pair with production")
}

/// A monthly-sandbox pairing: same Procore company id and record ids as production.
pub async fn sandbox_pairing(store: &StateStore, erp_company: &str) -> Pairing {
    store
        .pair(&NewPairing::new(
            erp_company,
            &procore::Environment::MonthlySandbox,
            1_000_010_000,
        ))
        .await
        .expect("pair with monthly sandbox")
}

#[test]
fn database_name_is_replaced() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
        "postgres://postgres@127.0.0.1:5432/t1"
    );
    assert_eq!(
        with_database("postgres://u:p@h/db?sslmode=disable", "t2"),
        "postgres://u:p@h/t2?sslmode=disable"
    );
    assert_eq!(
        with_database("postgres://h:5432", "t3"),
        "postgres://h:5432/t3"
    );
}
