//! A code of a standard cost code list.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

/// A code of a standard cost code list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandardCostCode {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Standard Cost Code List ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub standard_cost_code_list_id: Option<u64>,
    /// Parent ID
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_id: Option<u64>,
    /// Cost code, not including parent prefix
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Cost code, including parent prefixes
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub full_code: Option<String>,
    /// Description
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Origin data
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
}

/// Fields of a StandardCostCode sent to `RestV10StandardCostCodesPost` (body key `standard_cost_code`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StandardCostCodeInput {
    /// Parent ID (creates a root Standard Cost Code if not provided)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<u64>,
    /// Cost code, not including parent prefix
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Origin data
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// Origin ID
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
}

/// One item of `RestV10StandardCostCodesSyncPatch` (`updates`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StandardCostCodeSyncItem {
    /// Name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The ID of the Standard Cost Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Standard Cost code, including parent prefixes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The ID of the parent Standard Cost Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<u64>,
    /// The Third-party ID of Standard Cost Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Additional Third-party Metadata of the Standard Cost Code (this is a free-form text field)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
}

/// Query of `RestV10StandardCostCodesGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StandardCostCodeFilters {
    /// `filters[origin_id]`: Origin ID. Returns item(s) with the specified Origin ID.
    pub origin_id: Option<String>,
    /// `view`: The 'default' view only returns id and standard_cost_code_list_id. The 'compact' view also includes One of: `default`, `compact`, `extended`.
    pub view: Option<String>,
}

impl ListQuery for StandardCostCodeFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt("filters[origin_id]", self.origin_id.as_ref());
        query.push_opt("view", self.view.as_ref());
    }
}

/// Operations on codes of one standard cost code list of the selected company.
#[derive(Debug, Clone)]
pub struct StandardCostCodes {
    client: Client,
    standard_cost_code_list_id: u64,
}

impl Client {
    /// Codes of one standard cost code list of the selected company.
    pub fn standard_cost_codes(&self, standard_cost_code_list_id: u64) -> StandardCostCodes {
        StandardCostCodes {
            client: self.clone(),
            standard_cost_code_list_id,
        }
    }
}

impl StandardCostCodes {
    /// List Standard Cost Codes: `GET /rest/v1.0/standard_cost_codes` (`RestV10StandardCostCodesGet`).
    pub fn list(&self, filters: &StandardCostCodeFilters) -> Pager<StandardCostCode> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODES_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        query.push("company_id", company_id);
        query.push(
            "standard_cost_code_list_id",
            self.standard_cost_code_list_id,
        );
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_STANDARD_COST_CODES_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Show Standard Cost Code: `GET /rest/v1.0/standard_cost_codes/{id}` (`RestV10StandardCostCodesIdGet`).
    pub async fn get(&self, id: u64) -> Result<StandardCostCode, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODES_ID_GET)?;
        let mut query = Query::new();
        query.push("company_id", company_id);
        query.push(
            "standard_cost_code_list_id",
            self.standard_cost_code_list_id,
        );
        self.client
            .fetch(&Call::new(&crate::ops::REST_V10_STANDARD_COST_CODES_ID_GET, &[id]).query(query))
            .await
    }
    /// Create Standard Cost Code: `POST /rest/v1.0/standard_cost_codes` (`RestV10StandardCostCodesPost`).
    pub async fn create(
        &self,
        input: &StandardCostCodeInput,
    ) -> Result<StandardCostCode, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODES_POST)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_STANDARD_COST_CODES_POST, &[])
                    .query(query)
                    .json(&body(
                        &[
                            ("company_id", json!(company_id)),
                            (
                                "standard_cost_code_list_id",
                                json!(self.standard_cost_code_list_id),
                            ),
                        ],
                        Some("standard_cost_code"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Update Standard Cost Code: `PATCH /rest/v1.0/standard_cost_codes/{id}` (`RestV10StandardCostCodesIdPatch`).
    pub async fn update(
        &self,
        id: u64,
        input: &StandardCostCodeInput,
    ) -> Result<StandardCostCode, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODES_ID_PATCH)?;
        let query = Query::new();
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_STANDARD_COST_CODES_ID_PATCH, &[id])
                    .query(query)
                    .json(&body(
                        &[
                            ("company_id", json!(company_id)),
                            (
                                "standard_cost_code_list_id",
                                json!(self.standard_cost_code_list_id),
                            ),
                        ],
                        Some("standard_cost_code"),
                        input,
                    )?)?,
            )
            .await
    }
    /// Delete Standard Cost Code: `DELETE /rest/v1.0/standard_cost_codes/{id}` (`RestV10StandardCostCodesIdDelete`).
    pub async fn delete(&self, id: u64) -> Result<(), ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODES_ID_DELETE)?;
        let mut query = Query::new();
        query.push("company_id", company_id);
        self.client
            .execute(
                &Call::new(&crate::ops::REST_V10_STANDARD_COST_CODES_ID_DELETE, &[id]).query(query),
            )
            .await
    }
    /// Sync Standard Cost Codes: `PATCH /rest/v1.0/standard_cost_codes/sync` (`RestV10StandardCostCodesSyncPatch`).
    pub async fn sync(
        &self,
        items: Vec<StandardCostCodeSyncItem>,
    ) -> Result<SyncOutcome<StandardCostCode>, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_STANDARD_COST_CODES_SYNC_PATCH)?;
        let query = Query::new();
        let target = SyncTarget {
            op: &crate::ops::REST_V10_STANDARD_COST_CODES_SYNC_PATCH,
            path_args: vec![],
            query,
            body_scope: vec![
                ("company_id", json!(company_id)),
                (
                    "standard_cost_code_list_id",
                    json!(self.standard_cost_code_list_id),
                ),
            ],
            items_key: "updates",
            shape: SyncShape::EntitiesAndErrors,
            resend: None,
        };
        self.client.sync_items(&target, items).await
    }
    /// Creates a StandardCostCode exactly once: when the answer to the create is lost, the record is
    /// looked up by its `origin_id` and returned if it exists, else the create is sent again.
    /// Without an `origin_id` this is [`create`](Self::create): a lost answer then returns an
    /// error with `write_outcome_unknown` set.
    pub async fn create_once(
        &self,
        input: &StandardCostCodeInput,
    ) -> Result<StandardCostCode, ProcoreError> {
        let Some(origin_id) = input.origin_id.clone() else {
            return self.create(input).await;
        };
        create_once(|| self.create(input), || self.find_by_origin_id(&origin_id)).await
    }

    /// The StandardCostCode whose `origin_id` is exactly `origin_id`, if any.
    pub async fn find_by_origin_id(
        &self,
        origin_id: &str,
    ) -> Result<Option<StandardCostCode>, ProcoreError> {
        let filters = StandardCostCodeFilters {
            origin_id: Some(origin_id.to_owned()),
            ..Default::default()
        };
        let mut pager = self.list(&filters);
        while let Some(page) = pager.next_page().await? {
            if let Some(found) = page
                .into_iter()
                .find(|e| e.origin_id.as_deref() == Some(origin_id))
            {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }
}

impl SyncItem for StandardCostCodeSyncItem {
    fn sync_id(&self) -> Option<u64> {
        self.id
    }

    fn sync_origin_id(&self) -> Option<&str> {
        self.origin_id.as_deref()
    }
}
