//! A tax code of the company.

use serde::{Deserialize, Serialize};

use super::*;

/// A tax code of the company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxCode {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// The Tax Code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    /// Description of the Tax Code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Additional Third-party Metadata for the Tax Code. Note: This is a free-form text field.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_data: Option<String>,
    /// The Third-party ID of the Tax Code
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin_id: Option<String>,
    /// Rate to apply for first Tax Type
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub rate1: Option<Money>,
    /// Set to true if this tax code has been archived
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub archived: Option<bool>,
    /// Set to true if this tax code is default tax code
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_tax_code: Option<bool>,
}

/// Fields of a TaxCode sent to `RestV10TaxCodesPost` (body key `tax_code`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaxCodeInput {
    /// The Tax Code (required by Procore)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The Description of the Tax Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Additional Third-party Metadata for the Tax Code. Note: This is a free-form text field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_data: Option<String>,
    /// The Third-party ID of the Tax Code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id: Option<String>,
    /// Rate to apply for first Tax Type
    #[serde(
        default,
        with = "crate::money::option_as_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub rate1: Option<Money>,
    /// Set to true if this tax code has been archived
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Set to true if this tax code is default tax code
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_tax_code: Option<bool>,
}

/// Query of `RestV10TaxCodesGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaxCodeFilters {}

impl ListQuery for TaxCodeFilters {
    fn append_to(&self, _query: &mut Query) {}
}

/// Operations on tax codes of the selected company.
#[derive(Debug, Clone)]
pub struct TaxCodes {
    client: Client,
}

impl Client {
    /// Tax codes of the selected company.
    pub fn tax_codes(&self) -> TaxCodes {
        TaxCodes {
            client: self.clone(),
        }
    }
}

impl TaxCodes {
    /// List Tax Codes: `GET /rest/v1.0/tax_codes` (`RestV10TaxCodesGet`).
    pub fn list(&self, filters: &TaxCodeFilters) -> Pager<TaxCode> {
        let company_id = match self
            .client
            .require_company(&crate::ops::REST_V10_TAX_CODES_GET)
        {
            Ok(id) => id,
            Err(e) => return Pager::failed(self.client.clone(), e),
        };
        let mut query = Query::new();
        query.push("company_id", company_id);
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_TAX_CODES_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
    /// Create Tax Code: `POST /rest/v1.0/tax_codes` (`RestV10TaxCodesPost`).
    pub async fn create(&self, input: &TaxCodeInput) -> Result<TaxCode, ProcoreError> {
        let company_id = self
            .client
            .require_company(&crate::ops::REST_V10_TAX_CODES_POST)?;
        let mut query = Query::new();
        query.push("company_id", company_id);
        self.client
            .fetch(
                &Call::new(&crate::ops::REST_V10_TAX_CODES_POST, &[])
                    .query(query)
                    .json(&body(&[], Some("tax_code"), input)?)?,
            )
            .await
    }
}
