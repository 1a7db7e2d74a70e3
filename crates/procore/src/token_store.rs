//! Where a user's token pair lives between runs.

use async_trait::async_trait;
use tokio::sync::Mutex;

use crate::oauth::TokenPair;

/// A token store failed to load or save.
#[derive(Debug, thiserror::Error)]
pub enum TokenStoreError {
    /// The backing storage (database, keyring, file) failed.
    #[error("token storage failed: {0}")]
    Storage(String),
    /// The stored value could not be read back.
    #[error("stored token is unreadable: {0}")]
    Corrupt(String),
}

/// Persistence of the current token pair.
///
/// Procore refresh tokens are single-use: once a refresh succeeds, the old pair is dead. A store
/// must therefore save atomically (both tokens or neither) and durably before `save` returns.
#[async_trait]
pub trait TokenStore: Send + Sync {
    /// The stored pair, if the user has connected.
    async fn load(&self) -> Result<Option<TokenPair>, TokenStoreError>;
    /// Replaces the stored pair.
    async fn save(&self, pair: &TokenPair) -> Result<(), TokenStoreError>;
}

/// A store that keeps the pair in memory only (tests, one-off commands).
#[derive(Debug, Default)]
pub struct MemoryTokenStore {
    pair: Mutex<Option<TokenPair>>,
}

impl MemoryTokenStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// A store holding `pair`.
    pub fn with_pair(pair: TokenPair) -> Self {
        MemoryTokenStore {
            pair: Mutex::new(Some(pair)),
        }
    }
}

#[async_trait]
impl TokenStore for MemoryTokenStore {
    async fn load(&self) -> Result<Option<TokenPair>, TokenStoreError> {
        Ok(self.pair.lock().await.clone())
    }

    async fn save(&self, pair: &TokenPair) -> Result<(), TokenStoreError> {
        *self.pair.lock().await = Some(pair.clone());
        Ok(())
    }
}
