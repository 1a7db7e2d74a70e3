//! A company the user can access (`my_company` marks the user's employer).

use serde::{Deserialize, Serialize};

use super::*;

/// A company the user can access (`my_company` marks the user's employer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Company {
    /// Procore id
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    /// Company name
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Company is active status
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_active: Option<bool>,
    /// Company Logo URL
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub logo_url: Option<String>,
    /// Company has business experience enabled
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub pcn_business_experience: Option<bool>,
    /// The current user is an active employee of this company. This will only return as true for a single company in the response.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub my_company: Option<bool>,
}

/// Query of `RestV10CompaniesGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompanyFilters {
    /// `include_free_companies`: By default the endpoint excludes free companies. Provide include_free_companies=true to include them
    pub include_free_companies: Option<bool>,
}

impl ListQuery for CompanyFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_opt(
            "include_free_companies",
            self.include_free_companies.as_ref(),
        );
    }
}

/// Operations on companies the token can access (no company header needed).
#[derive(Debug, Clone)]
pub struct Companies {
    client: Client,
}

impl Client {
    /// Companies the token can access (no company header needed).
    pub fn companies(&self) -> Companies {
        Companies {
            client: self.clone(),
        }
    }
}

impl Companies {
    /// List Companies: `GET /rest/v1.0/companies` (`RestV10CompaniesGet`).
    pub fn list(&self, filters: &CompanyFilters) -> Pager<Company> {
        let mut query = Query::new();
        filters.append_to(&mut query);
        let call = Call::new(&crate::ops::REST_V10_COMPANIES_GET, &[]).query(query);
        Pager::new(self.client.clone(), call, true, None)
    }
}
