//! Security management: users and user groups with their rights, sign-in sessions, per-user API
//! tokens, throttled sign-ins, the audit log, and the lease that keeps two runs of a company
//! apart.
//!
//! Passwords are kept as Argon2id PHC strings; session cookies and API tokens as their SHA-256,
//! so a copy of the database signs nobody in. A user's rights are its own plus those of every
//! group it belongs to.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, PasswordVerifier};
use chrono::{DateTime, Duration, Utc};
use procore::Secret;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::types::Json;
use sqlx::FromRow;

use crate::error::{Result, StateError};
use crate::run::Page;
use crate::store::{now, with_conn, StateStore};

/// One right a user or group may hold.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Right {
    /// Change the interface's configuration: connection, settings, schedules, pairing.
    Configure,
    /// Start synchronizations: of every entity (`None`) or of one.
    Run(Option<String>),
    /// Resolve conflicts, link and unlink records, retry failed records.
    Resolve,
    /// Read the Synchronization Manager: runs, outcomes, conflicts.
    View,
    /// Create users and groups and grant rights.
    ManageUsers,
}

impl Right {
    /// Every right of an administrator.
    pub fn all() -> BTreeSet<Right> {
        [
            Right::Configure,
            Right::Run(None),
            Right::Resolve,
            Right::View,
            Right::ManageUsers,
        ]
        .into()
    }
}

impl fmt::Display for Right {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Right::Configure => f.write_str("configure"),
            Right::Run(None) => f.write_str("run"),
            Right::Run(Some(entity)) => write!(f, "run:{entity}"),
            Right::Resolve => f.write_str("resolve"),
            Right::View => f.write_str("view"),
            Right::ManageUsers => f.write_str("manage_users"),
        }
    }
}

impl FromStr for Right {
    type Err = StateError;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "configure" => Right::Configure,
            "run" => Right::Run(None),
            "resolve" => Right::Resolve,
            "view" => Right::View,
            "manage_users" => Right::ManageUsers,
            other => match other.strip_prefix("run:") {
                Some(entity) if !entity.is_empty() => Right::Run(Some(entity.to_owned())),
                _ => {
                    return Err(StateError::Invalid(format!(
                        "'{other}' is not a right: use configure, run, run:<entity>, resolve, \
                         view or manage_users"
                    )))
                }
            },
        })
    }
}

impl Serialize for Right {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Right {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The rights a user holds, its own and its groups'.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rights(pub BTreeSet<Right>);

impl Rights {
    /// Whether these rights include `right`. `run` covers every entity's run right.
    pub fn allows(&self, right: &Right) -> bool {
        match right {
            Right::Run(Some(_)) => self.0.contains(right) || self.0.contains(&Right::Run(None)),
            other => self.0.contains(other),
        }
    }

    /// Whether these rights let the holder run `entity`.
    pub fn may_run(&self, entity: &str) -> bool {
        self.allows(&Right::Run(Some(entity.to_owned())))
    }

    /// Whether these rights let the holder run at least one entity.
    pub fn may_run_any(&self) -> bool {
        self.0.iter().any(|r| matches!(r, Right::Run(_)))
    }
}

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// French (Québec).
    Fr,
}

impl Language {
    /// The code stored and used in `lang` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
        }
    }
}

impl FromStr for Language {
    type Err = StateError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "en" => Ok(Language::En),
            "fr" => Ok(Language::Fr),
            other => Err(StateError::Invalid(format!(
                "'{other}' is not a language: use en or fr"
            ))),
        }
    }
}

/// A user of the interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Identifier.
    pub id: i64,
    /// Sign-in name (lower case).
    pub username: String,
    /// Name shown.
    pub display_name: String,
    /// Language of the interface.
    pub language: Language,
    /// Rights granted to the user directly (groups add theirs).
    pub rights: Rights,
    /// When created.
    pub created_at: DateTime<Utc>,
    /// When disabled: a disabled user signs in nowhere.
    pub disabled_at: Option<DateTime<Utc>>,
}

/// A user to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Sign-in name; stored in lower case.
    pub username: String,
    /// Name shown.
    pub display_name: String,
    /// The password, hashed with Argon2id before it is stored.
    pub password: Secret,
    /// Language of the interface.
    pub language: Language,
    /// Rights granted directly.
    pub rights: Rights,
}

/// A group of users sharing rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserGroup {
    /// Identifier.
    pub id: i64,
    /// Unique name.
    pub name: String,
    /// Rights every member holds.
    pub rights: Rights,
    /// Members' user ids.
    pub members: Vec<i64>,
}

/// A signed-in browser session.
#[derive(Debug, Clone)]
pub struct Session {
    /// The user signed in.
    pub user: User,
    /// The user's effective rights (own and groups').
    pub rights: Rights,
    /// The token every state-changing form of this session must carry.
    pub csrf_token: String,
    /// When the session ends.
    pub expires_at: DateTime<Utc>,
}

/// A per-user API token, as listed (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiToken {
    /// Identifier.
    pub id: i64,
    /// Its owner.
    pub user_id: i64,
    /// What it is for.
    pub name: String,
    /// When made.
    pub created_at: DateTime<Utc>,
    /// When last presented.
    pub last_used_at: Option<DateTime<Utc>>,
    /// When revoked.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// An entry of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// Identifier (increasing).
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who: a username, `schedule`, or `cli:<os user>`.
    pub actor: String,
    /// Which maestro* company, when the action concerns one.
    pub erp_company: Option<String>,
    /// What, as a stable code (`settings.changed`, `pairing.created`, `run.started`…).
    pub action: String,
    /// The particulars.
    pub detail: Value,
}

/// Why a sign-in was refused. The message never says which of name or password was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginRefused {
    /// Unknown user, wrong password or disabled user.
    #[error("the user name or the password is wrong")]
    BadCredentials,
    /// Too many failures for this name lately.
    #[error("too many failed sign-ins for this user: try again after {until}")]
    Throttled {
        /// When a new try is accepted.
        until: DateTime<Utc>,
    },
}

/// Failed sign-ins allowed per user name within [`THROTTLE_WINDOW`] before refusing every try.
pub const MAX_FAILURES: i64 = 5;
/// How far back failed sign-ins count.
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);

#[derive(FromRow)]
struct UserRow {
    id: i64,
    username: String,
    display_name: String,
    password_hash: String,
    language: String,
    rights: Json<Value>,
    created_at: DateTime<Utc>,
    disabled_at: Option<DateTime<Utc>>,
}

impl UserRow {
    fn into_user(self) -> Result<(User, String)> {
        let rights: Rights = serde_json::from_value(self.rights.0)
            .map_err(|e| StateError::Corrupt(format!("rights of user {}: {e}", self.username)))?;
        Ok((
            User {
                id: self.id,
                username: self.username,
                display_name: self.display_name,
                language: self.language.parse()?,
                rights,
                created_at: self.created_at,
                disabled_at: self.disabled_at,
            },
            self.password_hash,
        ))
    }
}

/// id, name, rights of a group.
type GroupRow = (i64, String, Json<Value>);
/// id, user, name, created, last used, revoked of an API token.
type TokenRow = (
    i64,
    i64,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
);

const USER_COLUMNS: &str =
    "id, username, display_name, password_hash, language, rights, created_at, disabled_at";

/// Hashes a password with Argon2id and a random salt, as a PHC string.
pub fn hash_password(password: &Secret) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StateError::Invalid(format!("cannot hash the password: {e}")))
}

fn verify_password(password: &Secret, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.expose().as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A random token of 32 bytes, URL-safe, prefixed to say what it is.
pub fn random_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", hex::encode(bytes))
}

/// The SHA-256 of a token, as stored.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn normalize_username(name: &str) -> Result<String> {
    let name = name.trim().to_lowercase();
    let valid = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'));
    if valid {
        Ok(name)
    } else {
        Err(StateError::Invalid(format!(
            "user name '{name}': use 1 to 64 letters, digits, '.', '-', '_' or '@'"
        )))
    }
}

/// The shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 10;

fn check_password(password: &Secret) -> Result<()> {
    if password.expose().chars().count() < MIN_PASSWORD_LEN {
        return Err(StateError::Invalid(format!(
            "password: at least {MIN_PASSWORD_LEN} characters"
        )));
    }
    Ok(())
}

fn rights_json(rights: &Rights) -> Json<Value> {
    Json(serde_json::to_value(rights).unwrap_or(Value::Array(vec![])))
}

impl StateStore {
    /// How many users exist: none means the first administrator is still to be created.
    pub async fn count_users(&self) -> Result<i64> {
        let mut pooled = self.acquire().await?;
        Ok(with_conn!(&mut pooled.conn(), c => {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM users")
                .fetch_one(&mut *c)
                .await?
        }))
    }

    /// Creates a user; a taken name is refused.
    pub async fn create_user(&self, new: &NewUser) -> Result<User> {
        let username = normalize_username(&new.username)?;
        check_password(&new.password)?;
        let hash = hash_password(&new.password)?;
        let display = if new.display_name.trim().is_empty() {
            username.clone()
        } else {
            new.display_name.trim().to_owned()
        };
        let mut pooled = self.acquire().await?;
        let row: Option<UserRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&format!(
                "INSERT INTO users (username, display_name, password_hash, language, rights, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING {USER_COLUMNS}"
            ))
            .bind(&username)
            .bind(&display)
            .bind(&hash)
            .bind(new.language.as_str())
            .bind(rights_json(&new.rights))
            .bind(now())
            .fetch_optional(&mut *c)
            .await?
        });
        match row {
            Some(row) => Ok(row.into_user()?.0),
            None => Err(StateError::Invalid(format!(
                "user name '{username}' is taken"
            ))),
        }
    }

    /// A user by id.
    pub async fn user(&self, id: i64) -> Result<Option<User>> {
        let mut pooled = self.acquire().await?;
        let row: Option<UserRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await?
        });
        row.map(|r| r.into_user().map(|(u, _)| u)).transpose()
    }

    /// A user by name (any case).
    pub async fn user_by_name(&self, username: &str) -> Result<Option<User>> {
        Ok(self.user_row_by_name(username).await?.map(|(u, _)| u))
    }

    async fn user_row_by_name(&self, username: &str) -> Result<Option<(User, String)>> {
        let username = username.trim().to_lowercase();
        let mut pooled = self.acquire().await?;
        let row: Option<UserRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE username = $1"))
                .bind(&username)
                .fetch_optional(&mut *c)
                .await?
        });
        row.map(UserRow::into_user).transpose()
    }

    /// Every user, by name.
    pub async fn list_users(&self) -> Result<Vec<User>> {
        let mut pooled = self.acquire().await?;
        let rows: Vec<UserRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY username"))
                .fetch_all(&mut *c)
                .await?
        });
        rows.into_iter()
            .map(|r| r.into_user().map(|(u, _)| u))
            .collect()
    }

    /// Replaces the rights granted to a user directly.
    pub async fn set_user_rights(&self, user_id: i64, rights: &Rights) -> Result<()> {
        let mut pooled = self.acquire().await?;
        let done = with_conn!(&mut pooled.conn(), c => {
            sqlx::query("UPDATE users SET rights = $1 WHERE id = $2")
                .bind(rights_json(rights))
                .bind(user_id)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        if done == 0 {
            return Err(StateError::Invalid(format!(
                "user {user_id} does not exist"
            )));
        }
        Ok(())
    }

    /// Sets a user's language.
    pub async fn set_user_language(&self, user_id: i64, language: Language) -> Result<()> {
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
                .bind(language.as_str())
                .bind(user_id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    /// Changes a user's password and ends every session of that user.
    pub async fn set_password(&self, user_id: i64, password: &Secret) -> Result<()> {
        check_password(password)?;
        let hash = hash_password(password)?;
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(&hash)
                .bind(user_id)
                .execute(&mut *c)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    /// Disables (or enables again) a user; disabling ends its sessions and its API tokens stop
    /// working.
    pub async fn set_user_disabled(&self, user_id: i64, disabled: bool) -> Result<()> {
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
                .bind(disabled.then(now))
                .bind(user_id)
                .execute(&mut *c)
                .await?;
            if disabled {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user_id)
                    .execute(&mut *c)
                    .await?;
            }
        });
        Ok(())
    }

    /// Checks a sign-in. Failures are counted per user name (known or not), and after
    /// [`MAX_FAILURES`] within [`THROTTLE_WINDOW`] every try is refused until the oldest
    /// counted failure ages out, the right password included.
    pub async fn verify_login(
        &self,
        username: &str,
        password: &Secret,
    ) -> Result<std::result::Result<User, LoginRefused>> {
        let name = username.trim().to_lowercase();
        let at = now();
        let since = at - THROTTLE_WINDOW;
        // The attempt is written before it is checked, so tries sent in parallel cannot all slip
        // under the limit: each counts only the attempts before its own.
        let mut pooled = self.acquire().await?;
        let (attempt, earlier): (i64, Vec<DateTime<Utc>>) = with_conn!(&mut pooled.conn(), c => {
            sqlx::query("DELETE FROM login_failures WHERE at <= $1")
                .bind(since)
                .execute(&mut *c)
                .await?;
            let attempt: i64 = sqlx::query_scalar(
                "INSERT INTO login_failures (username, at) VALUES ($1, $2) RETURNING id",
            )
            .bind(&name)
            .bind(at)
            .fetch_one(&mut *c)
            .await?;
            let earlier = sqlx::query_scalar(
                "SELECT at FROM login_failures WHERE username = $1 AND id < $2 ORDER BY id",
            )
            .bind(&name)
            .bind(attempt)
            .fetch_all(&mut *c)
            .await?;
            (attempt, earlier)
        });
        drop(pooled);
        if earlier.len() as i64 >= MAX_FAILURES {
            // A refused try does not extend the wait.
            self.forget_attempt(attempt).await?;
            let oldest = earlier[earlier.len() - MAX_FAILURES as usize];
            return Ok(Err(LoginRefused::Throttled {
                until: oldest + THROTTLE_WINDOW,
            }));
        }
        let found = self.user_row_by_name(&name).await?;
        let ok = match &found {
            Some((user, hash)) => user.disabled_at.is_none() && verify_password(password, hash),
            None => {
                // The same work for an unknown name, so timing does not tell which names exist.
                let _ = verify_password(password, dummy_hash());
                false
            }
        };
        if ok {
            let mut pooled = self.acquire().await?;
            with_conn!(&mut pooled.conn(), c => {
                sqlx::query("DELETE FROM login_failures WHERE username = $1")
                    .bind(&name)
                    .execute(&mut *c)
                    .await?;
            });
            return Ok(Ok(found.expect("checked above").0));
        }
        // The attempt written above stays: it is the failure counted.
        Ok(Err(LoginRefused::BadCredentials))
    }

    async fn forget_attempt(&self, id: i64) -> Result<()> {
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query("DELETE FROM login_failures WHERE id = $1")
                .bind(id)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    /// A user's effective rights: its own and its groups'.
    pub async fn effective_rights(&self, user: &User) -> Result<Rights> {
        let mut pooled = self.acquire().await?;
        let groups: Vec<Json<Value>> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_scalar(
                "SELECT g.rights FROM user_groups g JOIN group_members m ON m.group_id = g.id \
                 WHERE m.user_id = $1",
            )
            .bind(user.id)
            .fetch_all(&mut *c)
            .await?
        });
        let mut rights = user.rights.clone();
        for value in groups {
            let more: Rights = serde_json::from_value(value.0)
                .map_err(|e| StateError::Corrupt(format!("group rights: {e}")))?;
            rights.0.extend(more.0);
        }
        Ok(rights)
    }

    /// Creates a group; a taken name is refused.
    pub async fn create_group(&self, name: &str, rights: &Rights) -> Result<UserGroup> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StateError::Invalid("group name: required".into()));
        }
        let mut pooled = self.acquire().await?;
        let id: Option<i64> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_scalar(
                "INSERT INTO user_groups (name, rights, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (name) DO NOTHING RETURNING id",
            )
            .bind(name)
            .bind(rights_json(rights))
            .bind(now())
            .fetch_optional(&mut *c)
            .await?
        });
        match id {
            Some(id) => Ok(UserGroup {
                id,
                name: name.to_owned(),
                rights: rights.clone(),
                members: vec![],
            }),
            None => Err(StateError::Invalid(format!("group name '{name}' is taken"))),
        }
    }

    /// Adds a user to a group (again is a no-op).
    pub async fn add_group_member(&self, group_id: i64, user_id: i64) -> Result<()> {
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query(
                "INSERT INTO group_members (group_id, user_id) VALUES ($1, $2) \
                 ON CONFLICT (group_id, user_id) DO NOTHING",
            )
            .bind(group_id)
            .bind(user_id)
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Every group with its members.
    pub async fn list_groups(&self) -> Result<Vec<UserGroup>> {
        let mut pooled = self.acquire().await?;
        let (groups, members): (Vec<GroupRow>, Vec<(i64, i64)>) = with_conn!(&mut pooled.conn(), c => {
            let groups = sqlx::query_as("SELECT id, name, rights FROM user_groups ORDER BY name")
                .fetch_all(&mut *c)
                .await?;
            let members = sqlx::query_as("SELECT group_id, user_id FROM group_members ORDER BY user_id")
                .fetch_all(&mut *c)
                .await?;
            (groups, members)
        });
        groups
            .into_iter()
            .map(|(id, name, rights)| {
                Ok(UserGroup {
                    id,
                    rights: serde_json::from_value(rights.0)
                        .map_err(|e| StateError::Corrupt(format!("rights of group {name}: {e}")))?,
                    name,
                    members: members
                        .iter()
                        .filter(|(g, _)| *g == id)
                        .map(|(_, u)| *u)
                        .collect(),
                })
            })
            .collect()
    }

    /// Opens a session for a user; returns the cookie value, whose hash alone is stored.
    pub async fn create_session(&self, user_id: i64, lifetime: Duration) -> Result<Secret> {
        let token = random_token("");
        let csrf = random_token("");
        let at = now();
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
                .bind(at)
                .execute(&mut *c)
                .await?;
            sqlx::query(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash(&token))
            .bind(user_id)
            .bind(&csrf)
            .bind(at)
            .bind(at + lifetime)
            .execute(&mut *c)
            .await?;
        });
        Ok(Secret::new(token))
    }

    /// The live session a cookie names, with its user's effective rights; `None` for an
    /// unknown, expired or disabled user's session.
    pub async fn session(&self, cookie: &str) -> Result<Option<Session>> {
        let mut pooled = self.acquire().await?;
        let row: Option<(i64, String, DateTime<Utc>)> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(
                "SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = $1",
            )
            .bind(token_hash(cookie))
            .fetch_optional(&mut *c)
            .await?
        });
        drop(pooled);
        let Some((user_id, csrf_token, expires_at)) = row else {
            return Ok(None);
        };
        if expires_at <= now() {
            return Ok(None);
        }
        let Some(user) = self
            .user(user_id)
            .await?
            .filter(|u| u.disabled_at.is_none())
        else {
            return Ok(None);
        };
        let rights = self.effective_rights(&user).await?;
        Ok(Some(Session {
            user,
            rights,
            csrf_token,
            expires_at,
        }))
    }

    /// Ends a session.
    pub async fn delete_session(&self, cookie: &str) -> Result<()> {
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token_hash(cookie))
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }

    /// Makes an API token for a user; the token is shown once, only its hash is kept.
    pub async fn create_api_token(&self, user_id: i64, name: &str) -> Result<(ApiToken, Secret)> {
        let token = random_token("mps_");
        let at = now();
        let mut pooled = self.acquire().await?;
        let id: i64 = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_scalar(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(user_id)
            .bind(name.trim())
            .bind(token_hash(&token))
            .bind(at)
            .fetch_one(&mut *c)
            .await?
        });
        Ok((
            ApiToken {
                id,
                user_id,
                name: name.trim().to_owned(),
                created_at: at,
                last_used_at: None,
                revoked_at: None,
            },
            Secret::new(token),
        ))
    }

    /// The enabled user an unrevoked API token belongs to, with its effective rights.
    pub async fn user_by_api_token(&self, token: &str) -> Result<Option<(User, Rights)>> {
        let mut pooled = self.acquire().await?;
        let user_id: Option<i64> = with_conn!(&mut pooled.conn(), c => {
            let id: Option<i64> = sqlx::query_scalar(
                "SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
            )
            .bind(token_hash(token))
            .fetch_optional(&mut *c)
            .await?;
            if id.is_some() {
                sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
                    .bind(now())
                    .bind(token_hash(token))
                    .execute(&mut *c)
                    .await?;
            }
            id
        });
        drop(pooled);
        let Some(user) = (match user_id {
            Some(id) => self.user(id).await?,
            None => None,
        })
        .filter(|u| u.disabled_at.is_none()) else {
            return Ok(None);
        };
        let rights = self.effective_rights(&user).await?;
        Ok(Some((user, rights)))
    }

    /// A user's API tokens.
    pub async fn list_api_tokens(&self, user_id: i64) -> Result<Vec<ApiToken>> {
        let mut pooled = self.acquire().await?;
        let rows: Vec<TokenRow> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(
                "SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens \
                 WHERE user_id = $1 ORDER BY id",
            )
            .bind(user_id)
            .fetch_all(&mut *c)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(id, user_id, name, created_at, last_used_at, revoked_at)| ApiToken {
                    id,
                    user_id,
                    name,
                    created_at,
                    last_used_at,
                    revoked_at,
                },
            )
            .collect())
    }

    /// Revokes an API token of a user.
    pub async fn revoke_api_token(&self, user_id: i64, token_id: i64) -> Result<bool> {
        let mut pooled = self.acquire().await?;
        Ok(with_conn!(&mut pooled.conn(), c => {
            sqlx::query(
                "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
            )
            .bind(now())
            .bind(token_id)
            .bind(user_id)
            .execute(&mut *c)
            .await?
            .rows_affected()
                > 0
        }))
    }

    /// Writes an entry of the audit log.
    pub async fn audit(
        &self,
        actor: &str,
        erp_company: Option<&str>,
        action: &str,
        detail: &Value,
    ) -> Result<()> {
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query(
                "INSERT INTO audit_log (at, actor, erp_company, action, detail) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(now())
            .bind(actor)
            .bind(erp_company)
            .bind(action)
            .bind(Json(detail))
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// The audit log, newest first.
    pub async fn audit_log(
        &self,
        erp_company: Option<&str>,
        page: Page,
    ) -> Result<Vec<AuditEntry>> {
        let mut pooled = self.acquire().await?;
        type Row = (
            i64,
            DateTime<Utc>,
            String,
            Option<String>,
            String,
            Json<Value>,
        );
        let rows: Vec<Row> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as(
                "SELECT id, at, actor, erp_company, action, detail FROM audit_log \
                 WHERE (CAST($1 AS TEXT) IS NULL OR erp_company = $1 OR erp_company IS NULL) \
                 ORDER BY id DESC LIMIT $2 OFFSET $3",
            )
            .bind(erp_company)
            .bind(i64::from(page.limit))
            .bind(i64::from(page.offset))
            .fetch_all(&mut *c)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, at, actor, erp_company, action, detail)| AuditEntry {
                id,
                at,
                actor,
                erp_company,
                action,
                detail: detail.0,
            })
            .collect())
    }

    /// Takes the run lease of a company for `holder` until `now + ttl`, unless another holder
    /// has it and it has not expired. Taking it again as the same holder extends it.
    pub async fn acquire_run_lease(
        &self,
        erp_company: &str,
        holder: &str,
        ttl: Duration,
    ) -> Result<bool> {
        let at = now();
        let mut pooled = self.acquire().await?;
        let taken: Option<String> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_scalar(
                "INSERT INTO run_leases (erp_company, holder, expires_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (erp_company) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
                 WHERE run_leases.holder = excluded.holder OR run_leases.expires_at < $4 \
                 RETURNING holder",
            )
            .bind(erp_company)
            .bind(holder)
            .bind(at + ttl)
            .bind(at)
            .fetch_optional(&mut *c)
            .await?
        });
        Ok(taken.is_some())
    }

    /// Who holds the company's run lease, and until when.
    pub async fn run_lease_holder(
        &self,
        erp_company: &str,
    ) -> Result<Option<(String, DateTime<Utc>)>> {
        let mut pooled = self.acquire().await?;
        let row: Option<(String, DateTime<Utc>)> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as("SELECT holder, expires_at FROM run_leases WHERE erp_company = $1")
                .bind(erp_company)
                .fetch_optional(&mut *c)
                .await?
        });
        Ok(row)
    }

    /// Gives the lease back (only its holder can).
    pub async fn release_run_lease(&self, erp_company: &str, holder: &str) -> Result<()> {
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query("DELETE FROM run_leases WHERE erp_company = $1 AND holder = $2")
                .bind(erp_company)
                .bind(holder)
                .execute(&mut *c)
                .await?;
        });
        Ok(())
    }
}

/// An Argon2id hash of a random password nobody knows, verified against when the user name is
/// unknown.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password(&Secret::new(random_token(""))).unwrap_or_default())
}
