//! Secrets at rest: the Procore client secret and token pairs, encrypted with XChaCha20-Poly1305.
//!
//! A state database is routinely copied (backups, support bundles); the tokens in it grant
//! access to a customer's Procore company, so they are stored only encrypted, under a key that
//! lives outside the database: `MPSYNC_KEY` (base64 of 32 bytes) or a key file created with
//! mode 0600. Each ciphertext is bound to its secret's name (associated data), so copying one
//! row's value over another's fails to decrypt instead of handing out the wrong token.

use std::fmt;
use std::fs::OpenOptions;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use procore::{Secret, TokenPair, TokenStore, TokenStoreError};
use rand::RngCore;
use sqlx::FromRow;

use crate::error::{Result, StateError};
use crate::pairing::PairingId;
use crate::store::{now, with_conn, StateStore};

/// Environment variable holding the base64 encryption key.
pub const KEY_ENV: &str = "MPSYNC_KEY";
/// Key length in bytes.
pub const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;

/// The encryption key, ready to seal and open secrets. Never printed.
#[derive(Clone)]
pub struct Cipher {
    aead: XChaCha20Poly1305,
}

impl fmt::Debug for Cipher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Cipher([redacted])")
    }
}

/// A sealed secret: random nonce and ciphertext (with its authentication tag).
#[derive(Clone, PartialEq, Eq)]
pub struct Sealed {
    /// 24 random bytes, unique per encryption (XChaCha's nonce is large enough to draw at random).
    pub nonce: Vec<u8>,
    /// Ciphertext followed by the 16-byte tag.
    pub ciphertext: Vec<u8>,
}

impl fmt::Debug for Sealed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sealed({} bytes)", self.ciphertext.len())
    }
}

impl Cipher {
    /// A cipher with the given key.
    pub fn from_key(key: &[u8; KEY_LEN]) -> Self {
        Cipher {
            aead: XChaCha20Poly1305::new(key.into()),
        }
    }

    /// A fresh random key.
    pub fn generate_key() -> [u8; KEY_LEN] {
        let mut key = [0u8; KEY_LEN];
        rand::rngs::OsRng.fill_bytes(&mut key);
        key
    }

    /// A cipher from a base64 key; `origin` names where it came from, for the error message.
    pub fn from_base64(encoded: &str, origin: &str) -> Result<Self> {
        let invalid = |reason: String| StateError::InvalidKey {
            origin: origin.to_owned(),
            reason,
        };
        let bytes = BASE64
            .decode(encoded.trim())
            .map_err(|e| invalid(format!("not base64 ({e})")))?;
        let key: [u8; KEY_LEN] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| invalid(format!("{} bytes, expected {KEY_LEN}", bytes.len())))?;
        Ok(Cipher::from_key(&key))
    }

    /// The key from `MPSYNC_KEY` if set, else from `key_file`, created on first use.
    pub fn load(key_file: &Path) -> Result<Self> {
        Cipher::load_from(std::env::var(KEY_ENV).ok().as_deref(), key_file)
    }

    /// [`Cipher::load`] with the environment value passed in (tests, or callers that read
    /// configuration themselves).
    pub fn load_from(env_key: Option<&str>, key_file: &Path) -> Result<Self> {
        if let Some(encoded) = env_key.filter(|k| !k.trim().is_empty()) {
            return Cipher::from_base64(encoded, KEY_ENV);
        }
        let origin = key_file.display().to_string();
        let io_err = |source| StateError::KeyFile {
            path: key_file.to_owned(),
            source,
        };
        // create_new makes the first-use race harmless: exactly one process writes the key,
        // the others find the file and read it.
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(key_file) {
            Ok(mut file) => {
                let key = Cipher::generate_key();
                file.write_all(BASE64.encode(key).as_bytes())
                    .and_then(|()| file.write_all(b"\n"))
                    .and_then(|()| file.sync_all())
                    .map_err(io_err)?;
                tracing::info!(path = %key_file.display(), "created a new encryption key file");
                Ok(Cipher::from_key(&key))
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                warn_if_readable_by_others(key_file);
                let mut encoded = String::new();
                std::fs::File::open(key_file)
                    .and_then(|mut f| f.read_to_string(&mut encoded))
                    .map_err(io_err)?;
                Cipher::from_base64(&encoded, &origin)
            }
            Err(e) => Err(io_err(e)),
        }
    }

    /// Encrypts `plaintext` for the secret called `name`.
    pub fn seal(&self, name: &str, plaintext: &[u8]) -> Sealed {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let payload = Payload {
            msg: plaintext,
            aad: name.as_bytes(),
        };
        let ciphertext = self
            .aead
            .encrypt(XNonce::from_slice(&nonce), payload)
            // Encryption fails only for messages beyond 256 GiB.
            .unwrap_or_else(|_| unreachable!("XChaCha20-Poly1305 refused a small message"));
        Sealed {
            nonce: nonce.to_vec(),
            ciphertext,
        }
    }

    /// Decrypts the secret called `name`; fails if the key differs or the value was altered.
    pub fn open(&self, name: &str, sealed: &Sealed) -> Result<Vec<u8>> {
        let failed = || StateError::Decrypt {
            name: name.to_owned(),
        };
        if sealed.nonce.len() != NONCE_LEN {
            return Err(failed());
        }
        let payload = Payload {
            msg: &sealed.ciphertext,
            aad: name.as_bytes(),
        };
        self.aead
            .decrypt(XNonce::from_slice(&sealed.nonce), payload)
            .map_err(|_| failed())
    }
}

#[cfg(unix)]
fn warn_if_readable_by_others(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.permissions().mode() & 0o077 != 0 {
            tracing::warn!(path = %path.display(), "encryption key file is readable by other users; chmod 600 it");
        }
    }
}

#[cfg(not(unix))]
fn warn_if_readable_by_others(_path: &Path) {}

#[derive(FromRow)]
struct SecretRow {
    nonce: Vec<u8>,
    ciphertext: Vec<u8>,
}

impl StateStore {
    /// Stores raw bytes encrypted under `name`, replacing any previous value in one statement.
    pub async fn put_secret_bytes(
        &self,
        cipher: &Cipher,
        name: &str,
        plaintext: &[u8],
    ) -> Result<()> {
        let sealed = cipher.seal(name, plaintext);
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query(
                "INSERT INTO secrets (name, nonce, ciphertext, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (name) DO UPDATE SET nonce = excluded.nonce, ciphertext = excluded.ciphertext, \
                 updated_at = excluded.updated_at",
            )
            .bind(name)
            .bind(&sealed.nonce)
            .bind(&sealed.ciphertext)
            .bind(now())
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// The decrypted bytes stored under `name`.
    pub async fn secret_bytes(&self, cipher: &Cipher, name: &str) -> Result<Option<Vec<u8>>> {
        let mut pooled = self.acquire().await?;
        let row: Option<SecretRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as("SELECT nonce, ciphertext FROM secrets WHERE name = $1")
                .bind(name)
                .fetch_optional(&mut *c)
                .await?
        });
        row.map(|row| {
            cipher.open(
                name,
                &Sealed {
                    nonce: row.nonce,
                    ciphertext: row.ciphertext,
                },
            )
        })
        .transpose()
    }

    /// Stores a secret string (e.g. the Procore client secret) encrypted.
    pub async fn put_secret(&self, cipher: &Cipher, name: &str, secret: &Secret) -> Result<()> {
        self.put_secret_bytes(cipher, name, secret.expose().as_bytes())
            .await
    }

    /// A secret string stored with [`StateStore::put_secret`].
    pub async fn secret(&self, cipher: &Cipher, name: &str) -> Result<Option<Secret>> {
        self.secret_bytes(cipher, name)
            .await?
            .map(|bytes| {
                String::from_utf8(bytes)
                    .map(Secret::new)
                    .map_err(|_| StateError::Corrupt(format!("secret '{name}' is not UTF-8")))
            })
            .transpose()
    }

    /// Removes a secret (disconnect); returns whether it existed.
    pub async fn delete_secret(&self, name: &str) -> Result<bool> {
        let mut pooled = self.acquire().await?;
        let affected = with_conn!(&mut pooled.conn(), c => {
            sqlx::query("DELETE FROM secrets WHERE name = $1")
                .bind(name)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(affected > 0)
    }
}

/// A [`procore::TokenStore`] keeping one connection's token pair encrypted in the state database.
///
/// Both tokens live in one row, written by one statement, so a crash can never leave a new
/// access token beside a spent refresh token.
#[derive(Debug, Clone)]
pub struct StateTokenStore {
    store: StateStore,
    cipher: Arc<Cipher>,
    name: String,
}

impl StateTokenStore {
    /// The token store of a pairing's Procore connection.
    pub fn for_pairing(store: StateStore, cipher: Arc<Cipher>, pairing: PairingId) -> Self {
        StateTokenStore::named(
            store,
            cipher,
            format!("procore.token_pair.pairing.{}", pairing.0),
        )
    }

    /// A token store under an explicit secret name (a connection not yet paired, e.g. while
    /// the user picks the Procore company).
    pub fn named(store: StateStore, cipher: Arc<Cipher>, name: impl Into<String>) -> Self {
        StateTokenStore {
            store,
            cipher,
            name: name.into(),
        }
    }

    /// The secret name the pair is stored under.
    pub fn secret_name(&self) -> &str {
        &self.name
    }
}

#[async_trait]
impl TokenStore for StateTokenStore {
    async fn load(&self) -> Result<Option<TokenPair>, TokenStoreError> {
        let bytes = match self.store.secret_bytes(&self.cipher, &self.name).await {
            Ok(bytes) => bytes,
            Err(e @ StateError::Decrypt { .. }) => {
                return Err(TokenStoreError::Corrupt(e.to_string()))
            }
            Err(e) => return Err(TokenStoreError::Storage(e.to_string())),
        };
        bytes
            .map(|bytes| {
                // The serde error could quote the JSON, i.e. the token: report only its position.
                serde_json::from_slice(&bytes).map_err(|e| {
                    TokenStoreError::Corrupt(format!(
                        "token pair '{}' does not decode (line {}, column {})",
                        self.name,
                        e.line(),
                        e.column()
                    ))
                })
            })
            .transpose()
    }

    async fn save(&self, pair: &TokenPair) -> Result<(), TokenStoreError> {
        let json = serde_json::to_vec(pair).map_err(|_| {
            TokenStoreError::Storage(format!("token pair '{}' does not encode", self.name))
        })?;
        self.store
            .put_secret_bytes(&self.cipher, &self.name, &json)
            .await
            .map_err(|e| TokenStoreError::Storage(e.to_string()))
    }
}
