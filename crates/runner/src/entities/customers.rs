//! Customers: maestro* customers ⇄ Procore company-directory companies, both ways, keyed by the
//! customer code.
//!
//! Procore has no customer entity: owners and clients are directory companies (vendors) that a
//! prime contract names. A directory company is a customer when its `origin_id` is
//! [`CUSTOMER_ORIGIN_PREFIX`]`<code>` (every company mpsync links or creates as a customer
//! gets one) or when its notes carry `MAESTROCUSTOMER` or `CLIENTMAESTRO` (how a Procore user
//! enters a new customer); see [`directory::role`]. A directory company with neither mark is
//! a supplier, and is only looked at here to link it, by name, to a maestro* customer that
//! has no company yet; it is then stamped as that customer and the supplier entity leaves it
//! alone. The runner also refuses a company already bound to the other entity.
//!
//! Canonical fields: `name`, `address`, `city`, `state_code`, `country_code`, `zip`, `phone`,
//! `email`.

use async_trait::async_trait;
use engine::entity::{Direction, EntitySpec, Scope};
use engine::fields::Fields;
use engine::matching::MatchKeys;
use engine::plan::{ErpRecord as PlannedErp, ProcoreRecord as PlannedProcore};
use erp::{Customer, EntityStore, ErpConnector};
use procore::resources::vendors::{Vendor, VendorSyncItem};
use procore::{Client, ProcoreError, SyncOutcome, TimeRange};

use super::directory::{self, Contact, Role, CUSTOMER_KEYWORDS, CUSTOMER_ORIGIN_PREFIX};
use super::suppliers::vendor_pages;
use super::Pages;
use super::{ErpSide, ProcoreSide, SyncEntity};

pub const SPEC: EntitySpec = EntitySpec {
    name: "customers",
    direction: Direction::Both,
    scope: Scope::Company,
    depends_on: &[],
};

/// The customer mapping.
pub struct Customers;

fn contact(c: &Customer) -> Contact {
    Contact {
        name: c.name.clone(),
        address: c.address.clone(),
        city: c.city.clone(),
        province: c.province.clone(),
        country: c.country.clone(),
        postal_code: c.postal_code.clone(),
        phone: c.phone.clone(),
        email: c.email.clone(),
    }
}

/// The `origin_id` of customer `code`'s directory company.
pub fn origin_for(code: &str) -> String {
    format!("{CUSTOMER_ORIGIN_PREFIX}{code}")
}

/// The customer code a directory company's `origin_id` carries, if it is a customer's.
pub fn code_in(origin_id: Option<&str>) -> Option<&str> {
    origin_id?.strip_prefix(CUSTOMER_ORIGIN_PREFIX)
}

/// maestro* customer → canonical fields.
pub fn erp_fields(c: &Customer) -> Fields {
    contact(c).fields()
}

/// Directory company → canonical fields, with the warnings of what had to be cut.
pub fn procore_fields(v: &Vendor) -> (Fields, Vec<String>) {
    let mut warnings = Vec::new();
    let key = code_in(v.origin_id.as_deref())
        .map(str::to_owned)
        .unwrap_or_else(|| format!("(Procore company {})", v.id));
    let fields = directory::vendor_contact(v, "customer", &key, &mut warnings);
    (fields, warnings)
}

/// `c` with canonical `changes` written over it. The code is the key and never changes.
pub fn apply(c: &Customer, changes: &Fields) -> Customer {
    let mut contact = contact(c);
    contact.apply(changes);
    Customer {
        name: contact.name,
        address: contact.address,
        city: contact.city,
        province: contact.province,
        country: contact.country,
        postal_code: contact.postal_code,
        phone: contact.phone,
        email: contact.email,
        ..c.clone()
    }
}

/// A directory-company sync item writing `fields`; its `origin_id` always marks it as the
/// customer `code`.
pub fn sync_item(id: Option<u64>, code: &str, fields: &Fields) -> VendorSyncItem {
    let mut item = VendorSyncItem {
        id,
        origin_id: Some(origin_for(code)),
        ..VendorSyncItem::default()
    };
    directory::write_contact(&mut item, fields);
    item
}

#[async_trait]
impl SyncEntity for Customers {
    type Erp = Customer;
    type Procore = Vendor;
    type Item = VendorSyncItem;
    const SPEC: EntitySpec = SPEC;
    const LABEL: &'static str = "customer";
    const SHARES_PROCORE_WITH: &'static [&'static str] = &["suppliers"];

    fn store(erp: &dyn ErpConnector) -> &dyn EntityStore<Customer> {
        erp.customers()
    }

    fn from_erp(c: &Customer) -> ErpSide {
        ErpSide {
            planned: PlannedErp {
                key: c.code.clone(),
                fields: erp_fields(c),
                excluded: (!c.linked_to_procore)
                    .then(|| format!("customer {}: not flagged for Procore in maestro*", c.code)),
            },
            keys: MatchKeys {
                origin_id: None,
                number: None,
                name: Some(c.name.clone()),
            },
        }
    }

    fn from_procore(v: &Vendor) -> Result<ProcoreSide, String> {
        let (fields, warnings) = procore_fields(v);
        let name = v.name.as_deref().unwrap_or("");
        let marked = code_in(v.origin_id.as_deref()).is_some()
            || directory::keyword(v.notes.as_deref(), &CUSTOMER_KEYWORDS).is_some();
        let (excluded, link_only, keys) = match directory::role(v) {
            // Reported here only when marked as a customer: the supplier entity reports the
            // other excluded companies.
            Role::Excluded(k) if marked => (
                Some(format!(
                    "Procore company {} {name:?}: notes contain {k}: never synchronized with maestro*",
                    v.id
                )),
                false,
                MatchKeys::default(),
            ),
            Role::Excluded(_) => (None, true, MatchKeys::default()),
            Role::Customer => (
                None,
                false,
                MatchKeys {
                    origin_id: code_in(v.origin_id.as_deref()).map(str::to_owned),
                    number: None,
                    name: v.name.clone(),
                },
            ),
            // A vendor another integration or the supplier entity already keys is not offered.
            Role::Supplier => (
                None,
                true,
                MatchKeys {
                    origin_id: None,
                    number: None,
                    name: v.origin_id.is_none().then(|| v.name.clone()).flatten(),
                },
            ),
        };
        Ok(ProcoreSide {
            planned: PlannedProcore {
                id: v.id,
                fields,
                excluded,
            },
            keys,
            warnings,
            link_only,
        })
    }

    fn procore_id(v: &Vendor) -> u64 {
        v.id
    }

    fn new_erp(procore_id: u64, fields: &Fields) -> Result<Customer, String> {
        let base = Customer {
            code: directory::code_for(procore_id),
            name: String::new(),
            address: None,
            city: None,
            province: None,
            country: None,
            postal_code: None,
            phone: None,
            email: None,
            linked_to_procore: true,
        };
        Ok(apply(&base, fields))
    }

    fn apply_to_erp(c: &Customer, changes: &Fields) -> Customer {
        apply(c, changes)
    }

    fn procore_item(id: Option<u64>, code: &str, fields: &Fields) -> VendorSyncItem {
        sync_item(id, code, fields)
    }

    fn origin_id_for(code: &str) -> String {
        origin_for(code)
    }

    fn pages(client: &Client, range: Option<TimeRange>) -> Pages<Vendor> {
        vendor_pages(client, range)
    }

    async fn get(client: &Client, id: u64) -> Result<Vendor, ProcoreError> {
        client.vendors().get(id).await
    }

    async fn sync(
        client: &Client,
        items: Vec<VendorSyncItem>,
    ) -> Result<SyncOutcome<Vendor>, ProcoreError> {
        client.vendors().sync(items).await
    }

    fn origin_id(v: &Vendor) -> Option<&str> {
        v.origin_id.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn customer() -> Customer {
        Customer {
            code: "C007".into(),
            name: "Ville de Lévis".into(),
            address: Some("2175 chemin du Fleuve".into()),
            city: Some("Lévis".into()),
            province: Some("QC".into()),
            country: Some("CA".into()),
            postal_code: Some("G6W 7W9".into()),
            phone: Some("418-555-0100".into()),
            email: Some("projets@ville-levis.example".into()),
            linked_to_procore: true,
        }
    }

    #[test]
    fn both_mappers_agree_and_the_company_is_marked_as_the_customer() {
        let c = customer();
        let item = sync_item(None, &c.code, &erp_fields(&c));
        assert_eq!(item.origin_id.as_deref(), Some("maestro-customer:C007"));
        let mut echoed = serde_json::to_value(&item).unwrap();
        echoed["id"] = json!(9);
        let vendor: Vendor = serde_json::from_value(echoed).unwrap();
        assert_eq!(directory::role(&vendor), Role::Customer);
        let side = Customers::from_procore(&vendor).unwrap();
        assert_eq!(side.keys.origin_id.as_deref(), Some("C007"));
        assert!(!side.link_only);
        let (fields, _) = procore_fields(&vendor);
        assert_eq!(fields, erp_fields(&c));
        assert_eq!(apply(&c, &fields), c);
    }

    #[test]
    fn an_unmarked_vendor_is_only_a_name_match_and_a_keyed_one_not_even_that() {
        let mut v: Vendor =
            serde_json::from_value(json!({"id": 3, "name": "Ville de Lévis"})).unwrap();
        let side = Customers::from_procore(&v).unwrap();
        assert!(side.link_only);
        assert_eq!(side.keys.name.as_deref(), Some("Ville de Lévis"));
        v.origin_id = Some("S0042".into());
        let side = Customers::from_procore(&v).unwrap();
        assert!(side.link_only);
        assert_eq!(side.keys, MatchKeys::default());
    }

    #[test]
    fn a_customer_is_never_a_supplier() {
        let v: Vendor = serde_json::from_value(json!({
            "id": 3, "name": "Ville de Lévis", "origin_id": "maestro-customer:C007"
        }))
        .unwrap();
        let side = <super::super::suppliers::Suppliers as SyncEntity>::from_procore(&v).unwrap();
        assert!(side.link_only);
        assert_eq!(side.keys, MatchKeys::default());
    }

    #[test]
    fn an_excluded_company_is_reported_here_only_when_marked_as_a_customer() {
        let mut v: Vendor =
            serde_json::from_value(json!({"id": 3, "notes": "NOTMAESTRO"})).unwrap();
        let side = Customers::from_procore(&v).unwrap();
        assert!(side.link_only && side.planned.excluded.is_none());
        v.notes = Some("NOTMAESTRO ClientMaestro".into());
        let side = Customers::from_procore(&v).unwrap();
        assert!(side.planned.excluded.unwrap().contains("NOTMAESTRO"));
    }
}
