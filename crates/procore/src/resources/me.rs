//! The authenticated user (`GET /rest/v1.0/me`).

use serde::{Deserialize, Serialize};

use super::*;

/// The user a token acts for. User ids are global across companies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    /// Procore user id.
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Login (e-mail address).
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub login: Option<String>,
    /// Display name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
}

impl Client {
    /// Show user info: `GET /rest/v1.0/me` (`RestV10MeGet`). Needs no company with a user
    /// token, which makes it the connection test before a company is chosen.
    pub async fn me(&self) -> Result<Me, ProcoreError> {
        self.fetch(&Call::new(&crate::ops::REST_V10_ME_GET, &[]))
            .await
    }
}
