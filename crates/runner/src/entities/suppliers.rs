//! Suppliers: maestro* suppliers ⇄ Procore company-directory vendors, both ways, keyed by the
//! supplier code (the vendor's `origin_id`).
//!
//! Canonical fields: `name`, `address`, `city`, `state_code`, `country_code`, `zip`, `phone`,
//! `email`, `is_active`. Status A is an active vendor; B (blocked) and 1 (closed) are inactive.

use async_trait::async_trait;
use engine::entity::{Direction, EntitySpec, Scope};
use engine::fields::Fields;
use engine::matching::MatchKeys;
use engine::plan::{ErpRecord as PlannedErp, ProcoreRecord as PlannedProcore};
use erp::{EntityStore, ErpConnector, Supplier, SupplierStatus};
use procore::resources::vendors::{Vendor, VendorFilters, VendorInactiveFilters, VendorSyncItem};
use procore::{Client, ProcoreError, SyncOutcome, TimeRange};
use serde_json::Value;

use super::directory::{self, Contact, Role};
use super::{ErpSide, ProcoreSide, SyncEntity};
use super::{Keep, Pages};

pub const SPEC: EntitySpec = EntitySpec {
    name: "suppliers",
    direction: Direction::Both,
    scope: Scope::Company,
    // Not a data dependency: customers go first so a directory company matching a maestro*
    // customer by name is claimed as that customer before it could be taken for a supplier.
    depends_on: &["customers"],
};

/// Longest maestro* supplier code.
pub const CODE_MAX: usize = 10;

/// The supplier mapping.
pub struct Suppliers;

fn contact(s: &Supplier) -> Contact {
    Contact {
        name: s.name.clone(),
        address: s.address.clone(),
        city: s.city.clone(),
        province: s.province.clone(),
        country: s.country.clone(),
        postal_code: s.postal_code.clone(),
        phone: s.phone.clone(),
        email: s.email.clone(),
    }
}

/// maestro* supplier → canonical fields.
pub fn erp_fields(s: &Supplier) -> Fields {
    contact(s)
        .fields()
        .with("is_active", s.status == SupplierStatus::Active)
}

/// Why a maestro* supplier does not go to Procore, if so.
pub fn erp_exclusion(s: &Supplier) -> Option<String> {
    (!s.linked_to_procore)
        .then(|| format!("supplier {}: not flagged for Procore in maestro*", s.code))
}

/// Procore vendor → canonical fields, with the warnings of what had to be cut.
pub fn procore_fields(v: &Vendor) -> (Fields, Vec<String>) {
    let mut warnings = Vec::new();
    let key = v
        .origin_id
        .clone()
        .unwrap_or_else(|| format!("(Procore vendor {})", v.id));
    let fields = directory::vendor_contact(v, "supplier", &key, &mut warnings)
        .with("is_active", v.is_active.unwrap_or(true));
    (fields, warnings)
}

/// The status a supplier takes when Procore says it is (in)active: an inactive vendor blocks an
/// active supplier, a supplier already blocked or closed keeps its status; an active vendor
/// makes the supplier active.
pub fn status_for(current: SupplierStatus, active: bool) -> SupplierStatus {
    match (active, current) {
        (true, _) => SupplierStatus::Active,
        (false, SupplierStatus::Active) => SupplierStatus::Blocked,
        (false, other) => other,
    }
}

/// `s` with canonical `changes` written over it. The code is the key and never changes.
pub fn apply(s: &Supplier, changes: &Fields) -> Supplier {
    let mut c = contact(s);
    c.apply(changes);
    let mut s = Supplier {
        name: c.name,
        address: c.address,
        city: c.city,
        province: c.province,
        country: c.country,
        postal_code: c.postal_code,
        phone: c.phone,
        email: c.email,
        ..s.clone()
    };
    if changes.names().any(|n| n == "is_active") {
        let active = changes.get("is_active") != &Value::Bool(false);
        s.status = status_for(s.status, active);
    }
    s
}

/// A maestro* supplier for a vendor created in Procore, flagged for Procore.
pub fn new_supplier(procore_id: u64, fields: &Fields) -> Supplier {
    let base = Supplier {
        code: directory::code_for(procore_id),
        name: String::new(),
        status: SupplierStatus::Active,
        linked_to_procore: true,
        address: None,
        city: None,
        province: None,
        country: None,
        postal_code: None,
        phone: None,
        email: None,
    };
    apply(&base, fields)
}

/// A vendor sync item writing `fields`; `origin_id` is always the supplier code.
pub fn sync_item(id: Option<u64>, origin_id: &str, fields: &Fields) -> VendorSyncItem {
    let mut item = VendorSyncItem {
        id,
        origin_id: Some(origin_id.to_owned()),
        ..VendorSyncItem::default()
    };
    directory::write_contact(&mut item, fields);
    if fields.names().any(|n| n == "is_active") {
        item.is_active = Some(fields.get("is_active") != &Value::Bool(false));
    }
    item
}

/// Every vendor (active and inactive) updated within `range`, every vendor when `None`.
pub fn vendor_pages(client: &Client, range: Option<TimeRange>) -> Pages<Vendor> {
    let vendors = client.vendors();
    let filters = VendorFilters {
        updated_at: range,
        ..VendorFilters::default()
    };
    // Inactive vendors come from their own list, which takes no date filter: the window is
    // applied here so a vendor deactivated in Procore still reaches maestro*.
    let within: Option<Keep<Vendor>> = range.map(|range| {
        Box::new(move |v: &Vendor| {
            v.updated_at
                .is_none_or(|at| range.start <= at && at <= range.end)
        }) as Keep<Vendor>
    });
    Pages::of(vendors.list(&filters)).then(
        vendors.list_inactive(&VendorInactiveFilters::default()),
        within,
    )
}

#[async_trait]
impl SyncEntity for Suppliers {
    type Erp = Supplier;
    type Procore = Vendor;
    type Item = VendorSyncItem;
    const SPEC: EntitySpec = SPEC;
    const LABEL: &'static str = "supplier";
    const SHARES_PROCORE_WITH: &'static [&'static str] = &["customers"];

    fn store(erp: &dyn ErpConnector) -> &dyn EntityStore<Supplier> {
        erp.suppliers()
    }

    fn from_erp(s: &Supplier) -> ErpSide {
        ErpSide {
            planned: PlannedErp {
                key: s.code.clone(),
                fields: erp_fields(s),
                excluded: erp_exclusion(s),
            },
            keys: MatchKeys {
                origin_id: None,
                number: None,
                name: Some(s.name.clone()),
            },
        }
    }

    fn from_procore(v: &Vendor) -> Result<ProcoreSide, String> {
        let (fields, warnings) = procore_fields(v);
        let name = v.name.as_deref().unwrap_or("");
        // A customer's company is reported by the customer entity; here it is not looked at.
        let (excluded, link_only) = match directory::role(v) {
            Role::Supplier => (None, false),
            Role::Excluded(k) => (
                Some(format!(
                    "Procore vendor {} {name:?}: notes contain {k}: never synchronized with maestro*",
                    v.id
                )),
                false,
            ),
            Role::Customer => (None, true),
        };
        Ok(ProcoreSide {
            planned: PlannedProcore {
                id: v.id,
                fields,
                excluded,
            },
            keys: MatchKeys {
                origin_id: v.origin_id.clone().filter(|_| !link_only),
                number: None,
                name: v.name.clone().filter(|_| !link_only),
            },
            warnings,
            link_only,
        })
    }

    fn procore_id(v: &Vendor) -> u64 {
        v.id
    }

    fn new_erp(procore_id: u64, fields: &Fields) -> Result<Supplier, String> {
        Ok(new_supplier(procore_id, fields))
    }

    fn apply_to_erp(s: &Supplier, changes: &Fields) -> Supplier {
        apply(s, changes)
    }

    fn procore_item(id: Option<u64>, origin_id: &str, fields: &Fields) -> VendorSyncItem {
        sync_item(id, origin_id, fields)
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

    fn supplier(status: SupplierStatus) -> Supplier {
        Supplier {
            code: "S0042".into(),
            name: "Béton Québec inc.".into(),
            status,
            linked_to_procore: true,
            address: Some("55 rue du Port".into()),
            city: Some("Québec".into()),
            province: Some("QC".into()),
            country: Some("CA".into()),
            postal_code: Some("G1K 4E2".into()),
            phone: Some("418-555-0199".into()),
            email: Some("info@betonquebec.example".into()),
        }
    }

    #[test]
    fn both_mappers_agree_and_status_maps_to_is_active() {
        for status in [
            SupplierStatus::Active,
            SupplierStatus::Blocked,
            SupplierStatus::Closed,
        ] {
            let s = supplier(status);
            let item = sync_item(None, &s.code, &erp_fields(&s));
            assert_eq!(item.is_active, Some(status == SupplierStatus::Active));
            let mut echoed = serde_json::to_value(&item).unwrap();
            echoed["id"] = json!(9);
            let vendor: Vendor = serde_json::from_value(echoed).unwrap();
            let (fields, _) = procore_fields(&vendor);
            assert_eq!(fields, erp_fields(&s));
            assert_eq!(apply(&s, &fields), s, "a closed supplier stays closed");
        }
    }

    #[test]
    fn deactivation_blocks_and_activation_reopens() {
        assert_eq!(
            status_for(SupplierStatus::Active, false),
            SupplierStatus::Blocked
        );
        assert_eq!(
            status_for(SupplierStatus::Closed, true),
            SupplierStatus::Active
        );
    }
}
