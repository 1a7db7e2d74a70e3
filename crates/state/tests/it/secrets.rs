use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use procore::{Secret, TokenPair, TokenStore, TokenStoreError};
use state::{Cipher, StateError, StateStore, StateTokenStore};

use crate::harness::{production_pairing, with_sqlite_file, TempDir};

const ACCESS: &str = "access-token-PLAINTEXT-MARKER-7f3a";
const REFRESH: &str = "refresh-token-PLAINTEXT-MARKER-91bc";
const CONTROL: &str = "unencrypted-CONTROL-value-5d2e";

fn pair(generation: u32) -> TokenPair {
    let created_at =
        Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap() + Duration::hours(i64::from(generation));
    TokenPair {
        access_token: Secret::new(format!("{ACCESS}-{generation}")),
        refresh_token: Some(Secret::new(format!("{REFRESH}-{generation}"))),
        expires_at: created_at + Duration::hours(1),
        created_at,
    }
}

fn cipher() -> Arc<Cipher> {
    Arc::new(Cipher::from_key(&Cipher::generate_key()))
}

async fn token_pair_round_trip(store: StateStore) {
    let p = production_pairing(&store, "ACME").await.id;
    let tokens = StateTokenStore::for_pairing(store.clone(), cipher(), p);
    assert_eq!(tokens.load().await.unwrap(), None);
    tokens.save(&pair(1)).await.unwrap();
    assert_eq!(tokens.load().await.unwrap(), Some(pair(1)));
    // A refresh replaces both tokens at once.
    tokens.save(&pair(2)).await.unwrap();
    assert_eq!(tokens.load().await.unwrap(), Some(pair(2)));
    assert!(!format!("{tokens:?}").contains(ACCESS));
}

async fn wrong_key_fails_clearly(store: StateStore) {
    let right = cipher();
    let wrong = cipher();
    store
        .put_secret(&right, "procore.client_secret", &Secret::new("s3cr3t"))
        .await
        .unwrap();
    assert_eq!(
        store
            .secret(&right, "procore.client_secret")
            .await
            .unwrap()
            .map(|s| s.expose().to_owned()),
        Some("s3cr3t".to_owned())
    );
    let err = store
        .secret(&wrong, "procore.client_secret")
        .await
        .unwrap_err();
    assert!(matches!(err, StateError::Decrypt { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("procore.client_secret") && message.contains("MPSYNC_KEY"),
        "{message}"
    );
    assert!(!message.contains("s3cr3t"));

    let tokens = StateTokenStore::named(store.clone(), right, "procore.token_pair.pending");
    tokens.save(&pair(1)).await.unwrap();
    let with_wrong = StateTokenStore::named(store.clone(), wrong, "procore.token_pair.pending");
    match with_wrong.load().await {
        Err(TokenStoreError::Corrupt(message)) => assert!(!message.contains(ACCESS), "{message}"),
        other => panic!("expected a Corrupt error, got {other:?}"),
    }
    assert!(store
        .delete_secret("procore.token_pair.pending")
        .await
        .unwrap());
}

async fn sealed_value_is_bound_to_its_name(store: StateStore) {
    let c = cipher();
    let sealed = c.seal("a", b"value");
    assert_eq!(c.open("a", &sealed).unwrap(), b"value");
    assert!(matches!(
        c.open("b", &sealed),
        Err(StateError::Decrypt { .. })
    ));
    drop(store);
}

backend_tests!(
    token_pair_round_trip,
    wrong_key_fails_clearly,
    sealed_value_is_bound_to_its_name
);

#[tokio::test]
async fn plaintext_token_absent_from_sqlite_file() {
    let dir = TempDir::new();
    let root = dir.path().to_owned();
    with_sqlite_file(&dir, |store, _path| async move {
        let p = production_pairing(&store, "ACME").await.id;
        let tokens = StateTokenStore::for_pairing(store.clone(), cipher(), p);
        tokens.save(&pair(1)).await.unwrap();
        tokens.save(&pair(2)).await.unwrap();
        assert_eq!(tokens.load().await.unwrap(), Some(pair(2)));
        // Positive control: an unencrypted value written the same way must be found by the scan.
        store
            .set_setting("ACME", "control", &serde_json::json!(CONTROL))
            .await
            .unwrap();
    })
    .await;
    // The database file and its WAL/SHM companions: WAL mode may hold the rows outside the
    // main file until a checkpoint.
    let mut control_found = false;
    for entry in std::fs::read_dir(&root).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        control_found |= bytes
            .windows(CONTROL.len())
            .any(|w| w == CONTROL.as_bytes());
        for needle in [ACCESS, REFRESH, "PLAINTEXT-MARKER"] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "'{needle}' found in plaintext in the state database"
            );
        }
    }
    assert!(
        control_found,
        "the scan did not see the database's contents"
    );
}

#[test]
fn key_file_created_private_and_reused() {
    let dir = TempDir::new();
    let path = dir.path().join("mpsync.key");
    let first = Cipher::load_from(None, &path).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let second = Cipher::load_from(None, &path).unwrap();
    let sealed = first.seal("x", b"hello");
    assert_eq!(second.open("x", &sealed).unwrap(), b"hello");
    assert_eq!(format!("{first:?}"), "Cipher([redacted])");
}

#[test]
fn key_from_environment_wins_and_is_validated() {
    use base64::Engine;
    let dir = TempDir::new();
    let path = dir.path().join("unused.key");
    let key = Cipher::generate_key();
    let encoded = base64::engine::general_purpose::STANDARD.encode(key);
    let from_env = Cipher::load_from(Some(&encoded), &path).unwrap();
    assert!(
        !path.exists(),
        "an environment key must not create a key file"
    );
    let sealed = Cipher::from_key(&key).seal("x", b"v");
    assert_eq!(from_env.open("x", &sealed).unwrap(), b"v");

    for bad in ["not base64!", "c2hvcnQ="] {
        match Cipher::load_from(Some(bad), &path) {
            Err(StateError::InvalidKey { origin, .. }) => assert_eq!(origin, "MPSYNC_KEY"),
            other => panic!("expected InvalidKey, got {other:?}"),
        }
    }
}
