//! Access-token supply for the API client: loads from the store, refreshes ahead of expiry with
//! exactly one refresh in flight, persists before use, and reacts to 401s.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::Utc;
use tokio::sync::Mutex;

use crate::error::{ErrorKind, ProcoreError};
use crate::oauth::{OAuthClient, TokenPair};
use crate::secret::Secret;
use crate::token_store::TokenStore;

/// How the client obtains tokens.
#[derive(Clone)]
pub(crate) enum AuthMode {
    /// A user's authorization-code grant, refreshed through a store.
    User(Arc<dyn TokenStore>),
    /// The app's service account: a new token whenever the current one expires.
    ClientCredentials,
}

/// A token handed to one request, with the generation it belongs to so a 401 invalidates only
/// that generation (N concurrent 401s cause one refresh, not N).
#[derive(Clone)]
pub(crate) struct IssuedToken {
    pub secret: Secret,
    pub generation: u64,
}

#[derive(Default)]
struct Current {
    pair: Option<TokenPair>,
    generation: u64,
    /// Set when a request answered 401 with this generation's token.
    rejected: bool,
}

#[derive(Default)]
struct RefreshState {
    /// A refreshed pair the store failed to save. Procore already consumed the previous refresh
    /// token, so this pair is the only valid grant left: dropping it would force the user to
    /// reconnect. It is kept here (never used for requests, since an unpersisted pair would be
    /// lost on a crash while the store still holds a dead one) and saving is retried first on
    /// the next attempt.
    unsaved: Option<TokenPair>,
    /// The pair whose refresh Procore refused, with that error: while the store still holds
    /// this pair, fail fast instead of calling the token endpoint again. A new pair in the store
    /// (the user reconnected) clears it.
    revoked: Option<(TokenPair, ProcoreError)>,
}

pub(crate) struct TokenManager {
    oauth: OAuthClient,
    mode: AuthMode,
    skew: Duration,
    current: RwLock<Current>,
    /// Held for the whole load/refresh: this is what makes the refresh single-flight.
    refresh: Mutex<RefreshState>,
}

impl TokenManager {
    pub fn new(oauth: OAuthClient, mode: AuthMode, skew: Duration) -> Self {
        TokenManager {
            oauth,
            mode,
            skew,
            current: RwLock::default(),
            refresh: Mutex::default(),
        }
    }

    pub fn is_client_credentials(&self) -> bool {
        matches!(self.mode, AuthMode::ClientCredentials)
    }

    fn fresh_token(&self) -> Option<IssuedToken> {
        let current = self.current.read().unwrap_or_else(|p| p.into_inner());
        let pair = current.pair.as_ref()?;
        if current.rejected || !pair.is_fresh(Utc::now(), self.skew) {
            return None;
        }
        Some(IssuedToken {
            secret: pair.access_token.clone(),
            generation: current.generation,
        })
    }

    fn install(&self, pair: TokenPair) -> IssuedToken {
        let mut current = self.current.write().unwrap_or_else(|p| p.into_inner());
        current.generation += 1;
        current.rejected = false;
        let token = IssuedToken {
            secret: pair.access_token.clone(),
            generation: current.generation,
        };
        current.pair = Some(pair);
        token
    }

    /// A token valid for at least the configured skew.
    pub async fn token(&self) -> Result<IssuedToken, ProcoreError> {
        if let Some(token) = self.fresh_token() {
            return Ok(token);
        }
        let mut state = self.refresh.lock().await;
        // Whoever held the lock before us may have refreshed already.
        if let Some(token) = self.fresh_token() {
            return Ok(token);
        }
        match &self.mode {
            AuthMode::ClientCredentials => {
                let pair = self.oauth.client_credentials().await?;
                Ok(self.install(pair))
            }
            AuthMode::User(store) => self.refresh_user(store.as_ref(), &mut state).await,
        }
    }

    async fn refresh_user(
        &self,
        store: &dyn TokenStore,
        state: &mut RefreshState,
    ) -> Result<IssuedToken, ProcoreError> {
        if let Some(pending) = state.unsaved.take() {
            if let Err(e) = store.save(&pending).await {
                state.unsaved = Some(pending);
                return Err(store_error(
                    "saving the refreshed token pair failed again",
                    e,
                ));
            }
            tracing::info!("previously unsaved token pair persisted");
            if pending.is_fresh(Utc::now(), self.skew) {
                return Ok(self.install(pending));
            }
            self.current.write().unwrap_or_else(|p| p.into_inner()).pair = Some(pending);
        }

        // Another process sharing the store may have rotated the pair; its pair wins over ours,
        // because our refresh token is dead once theirs was used.
        let stored = store
            .load()
            .await
            .map_err(|e| store_error("loading the token pair failed", e))?;
        let ours = self
            .current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .pair
            .clone();
        let rejected = self
            .current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .rejected;
        let candidate = match (stored, ours) {
            (Some(stored), Some(ours)) if stored != ours => {
                if stored.is_fresh(Utc::now(), self.skew) {
                    return Ok(self.install(stored));
                }
                stored
            }
            (Some(stored), _) => {
                if !rejected && stored.is_fresh(Utc::now(), self.skew) {
                    return Ok(self.install(stored));
                }
                stored
            }
            (None, Some(ours)) => ours,
            (None, None) => {
                return Err(ProcoreError::new(
                    ErrorKind::AuthRevoked,
                    "not connected to Procore: no token stored; authorize the app",
                ));
            }
        };

        if let Some((dead, err)) = &state.revoked {
            if *dead == candidate {
                return Err(err.clone());
            }
        }
        state.revoked = None;
        let Some(refresh_token) = candidate.refresh_token.clone() else {
            return Err(ProcoreError::new(
                ErrorKind::AuthRevoked,
                "access token expired and no refresh token is stored; reconnect to Procore",
            ));
        };
        tracing::debug!("refreshing the Procore access token");
        let pair = match self.oauth.refresh(&refresh_token).await {
            Ok(pair) => pair,
            Err(e) => {
                if e.kind() == ErrorKind::AuthRevoked {
                    tracing::warn!("refresh token refused; the user must reconnect");
                    state.revoked = Some((candidate, e.clone()));
                }
                return Err(e);
            }
        };
        if let Err(e) = store.save(&pair).await {
            state.unsaved = Some(pair);
            return Err(store_error("saving the refreshed token pair failed", e));
        }
        Ok(self.install(pair))
    }

    /// A request answered 401 with `token`: mark that generation unusable so the next
    /// [`token`](Self::token) refreshes. Later generations are left alone.
    pub fn reject(&self, token: &IssuedToken) {
        let mut current = self.current.write().unwrap_or_else(|p| p.into_inner());
        if current.generation == token.generation {
            current.rejected = true;
        }
    }
}

fn store_error(context: &str, e: crate::token_store::TokenStoreError) -> ProcoreError {
    ProcoreError::new(ErrorKind::Fatal, format!("{context}: {e}")).with_source(e)
}
