//! Configuration: key/value settings per maestro* company (cost code mode, order kind,
//! enabled entities…), stored as JSON so each setting keeps its own shape.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use sqlx::types::Json;
use sqlx::FromRow;

use crate::error::{Result, StateError};
use crate::store::{now, with_conn, StateStore};

impl StateStore {
    /// Sets a setting of a maestro* company, replacing any previous value.
    pub async fn set_setting(&self, erp_company: &str, name: &str, value: &Value) -> Result<()> {
        let mut pooled = self.acquire().await?;
        with_conn!(&mut pooled.conn(), c => {
            sqlx::query(
                "INSERT INTO settings (erp_company, name, value, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (erp_company, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            )
            .bind(erp_company)
            .bind(name)
            .bind(Json(value))
            .bind(now())
            .execute(&mut *c)
            .await?;
        });
        Ok(())
    }

    /// Sets a setting from any serialisable value.
    pub async fn set_setting_as<T: Serialize>(
        &self,
        erp_company: &str,
        name: &str,
        value: &T,
    ) -> Result<()> {
        let value = serde_json::to_value(value).map_err(|source| StateError::Json {
            what: format!("setting '{name}'"),
            source,
        })?;
        self.set_setting(erp_company, name, &value).await
    }

    /// A setting of a maestro* company.
    pub async fn setting(&self, erp_company: &str, name: &str) -> Result<Option<Value>> {
        let mut pooled = self.acquire().await?;
        let value: Option<Json<Value>> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_scalar("SELECT value FROM settings WHERE erp_company = $1 AND name = $2")
                .bind(erp_company)
                .bind(name)
                .fetch_optional(&mut *c)
                .await?
        });
        Ok(value.map(|v| v.0))
    }

    /// A setting decoded into `T`; a stored value of the wrong shape is an error naming it.
    pub async fn setting_as<T: DeserializeOwned>(
        &self,
        erp_company: &str,
        name: &str,
    ) -> Result<Option<T>> {
        self.setting(erp_company, name)
            .await?
            .map(|value| {
                serde_json::from_value(value).map_err(|source| StateError::Json {
                    what: format!("setting '{name}' of company '{erp_company}'"),
                    source,
                })
            })
            .transpose()
    }

    /// Every setting of a maestro* company, by name.
    pub async fn settings(&self, erp_company: &str) -> Result<BTreeMap<String, Value>> {
        #[derive(FromRow)]
        struct Row {
            name: String,
            value: Json<Value>,
        }
        let mut pooled = self.acquire().await?;
        let rows: Vec<Row> = with_conn!(&mut pooled.conn(), c => {
            sqlx::query_as("SELECT name, value FROM settings WHERE erp_company = $1")
                .bind(erp_company)
                .fetch_all(&mut *c)
                .await?
        });
        Ok(rows.into_iter().map(|r| (r.name, r.value.0)).collect())
    }

    /// Removes a setting; returns whether it existed.
    pub async fn delete_setting(&self, erp_company: &str, name: &str) -> Result<bool> {
        let mut pooled = self.acquire().await?;
        let affected = with_conn!(&mut pooled.conn(), c => {
            sqlx::query("DELETE FROM settings WHERE erp_company = $1 AND name = $2")
                .bind(erp_company)
                .bind(name)
                .execute(&mut *c)
                .await?
                .rows_affected()
        });
        Ok(affected > 0)
    }
}
