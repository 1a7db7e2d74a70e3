//! Runs one test body against a fresh SQLite file and a fresh PostgreSQL database.

use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

use erp::ErpStore;
use sqlx::Connection;

const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// Declares a `sqlite` and a `postgres` `#[tokio::test]` for each `async fn(ErpStore)` named.
macro_rules! backend_tests {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    $crate::support::run_sqlite(stringify!($name), super::$name).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    $crate::support::run_postgres(stringify!($name), super::$name).await;
                }
            )+
        }
    };
}

/// Runs `test` on a new SQLite file, removed afterwards even if the test panics.
pub async fn run_sqlite<F, Fut>(name: &str, test: F)
where
    F: FnOnce(ErpStore) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let path: PathBuf =
        std::env::temp_dir().join(format!("mpsync-erp-{name}-{}.db", uuid::Uuid::new_v4()));
    let url = format!("sqlite://{}", path.display());
    // Connecting twice checks that migrations already applied are recognised.
    ErpStore::connect(&url)
        .await
        .expect("first connect")
        .close()
        .await;
    let store = ErpStore::connect(&url).await.expect("second connect");
    let outcome = tokio::spawn(test(store.clone())).await;
    store.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Runs `test` on a new PostgreSQL database, dropped afterwards even if the test panics.
///
/// Without a server the test fails under `CI=true` and is skipped, loudly, elsewhere.
pub async fn run_postgres<F, Fut>(name: &str, test: F)
where
    F: FnOnce(ErpStore) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let base = std::env::var("MPSYNC_TEST_PG_URL").unwrap_or_else(|_| DEFAULT_PG_URL.to_owned());
    let admin = tokio::time::timeout(
        Duration::from_secs(10),
        sqlx::postgres::PgConnection::connect(&base),
    )
    .await;
    let mut admin = match admin {
        Ok(Ok(conn)) => conn,
        failure => {
            let reason = match failure {
                Ok(Err(e)) => e.to_string(),
                _ => "timed out".to_owned(),
            };
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("PostgreSQL at {base} is unreachable ({reason}) and CI=true");
            }
            eprintln!(
                "\n!!!!!!!! SKIPPED {name} on PostgreSQL: {base} is unreachable ({reason}). \
                 Start PostgreSQL or set MPSYNC_TEST_PG_URL. !!!!!!!!\n"
            );
            return;
        }
    };
    let database = format!("mpsync_erp_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {database}"))
        .execute(&mut admin)
        .await
        .expect("create test database");
    let mut url = url::Url::parse(&base).expect("PostgreSQL URL");
    url.set_path(&format!("/{database}"));
    let url = url.to_string();
    ErpStore::connect(&url)
        .await
        .expect("first connect")
        .close()
        .await;
    let store = ErpStore::connect(&url).await.expect("second connect");
    let outcome = tokio::spawn(test(store.clone())).await;
    store.close().await;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .expect("drop test database");
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
