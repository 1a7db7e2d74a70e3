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

use super::{cut, procore_text, text, ErpSide, ProcoreSide, SyncEntity};

pub const SPEC: EntitySpec = EntitySpec {
    name: "suppliers",
    direction: Direction::Both,
    scope: Scope::Company,
    depends_on: &[],
};

/// maestro* keeps 40 characters of an address.
pub const ADDRESS_MAX: usize = 40;
/// Keywords that, in a vendor's notes, keep it out of maestro* (English and French).
pub const EXCLUDING_KEYWORDS: [&str; 2] = ["NOTMAESTRO", "PASMAESTRO"];
/// Longest maestro* supplier code.
pub const CODE_MAX: usize = 10;

/// The supplier mapping.
pub struct Suppliers;

/// maestro* supplier → canonical fields.
pub fn erp_fields(s: &Supplier) -> Fields {
    Fields::new()
        .with("name", s.name.clone())
        .with("address", s.address.clone())
        .with("city", s.city.clone())
        .with("state_code", s.province.clone())
        .with("country_code", s.country.clone())
        .with("zip", s.postal_code.clone())
        .with("phone", s.phone.clone())
        .with("email", s.email.clone())
        .with("is_active", s.status == SupplierStatus::Active)
}

/// Why a maestro* supplier does not go to Procore, if so.
pub fn erp_exclusion(s: &Supplier) -> Option<String> {
    (!s.linked_to_procore)
        .then(|| format!("supplier {}: not flagged for Procore in maestro*", s.code))
}

/// The keyword found in a vendor's notes that keeps it out of maestro*, if any.
pub fn excluding_keyword(notes: Option<&str>) -> Option<&'static str> {
    let notes = notes?.to_uppercase();
    EXCLUDING_KEYWORDS.into_iter().find(|k| notes.contains(k))
}

/// Procore vendor → canonical fields, with the warnings of what had to be cut.
pub fn procore_fields(v: &Vendor) -> (Fields, Vec<String>) {
    let mut warnings = Vec::new();
    let key = v
        .origin_id
        .clone()
        .unwrap_or_else(|| format!("(Procore vendor {})", v.id));
    let address = cut(
        "supplier",
        &key,
        "address",
        v.address.clone(),
        ADDRESS_MAX,
        &mut warnings,
    );
    let fields = Fields::new()
        .with("name", v.name.clone())
        .with("address", address)
        .with("city", v.city.clone())
        .with("state_code", v.state_code.clone())
        .with("country_code", v.country_code.clone())
        .with("zip", v.zip.clone())
        .with("phone", v.business_phone.clone())
        .with("email", v.email_address.clone())
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
    let mut s = s.clone();
    for name in changes.names() {
        match name {
            "name" => s.name = text(changes, name).unwrap_or_default(),
            "address" => s.address = text(changes, name),
            "city" => s.city = text(changes, name),
            "state_code" => s.province = text(changes, name),
            "country_code" => s.country = text(changes, name),
            "zip" => s.postal_code = text(changes, name),
            "phone" => s.phone = text(changes, name),
            "email" => s.email = text(changes, name),
            "is_active" => {
                let active = changes.get(name) != &Value::Bool(false);
                s.status = status_for(s.status, active);
            }
            _ => {}
        }
    }
    s
}

/// The code a vendor created in Procore takes in maestro*: `PC` and the last eight digits of
/// its Procore id, which fits the ten characters of a supplier code and says where it came from.
pub fn code_for(procore_id: u64) -> String {
    format!("PC{:08}", procore_id % 100_000_000)
}

/// A maestro* supplier for a vendor created in Procore, flagged for Procore.
pub fn new_supplier(procore_id: u64, fields: &Fields) -> Supplier {
    let base = Supplier {
        code: code_for(procore_id),
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
    for name in fields.names() {
        match name {
            "name" => item.name = procore_text(fields, name),
            "address" => item.address = procore_text(fields, name),
            "city" => item.city = procore_text(fields, name),
            "state_code" => item.state_code = text(fields, name),
            "country_code" => item.country_code = text(fields, name),
            "zip" => item.zip = procore_text(fields, name),
            "phone" => item.business_phone = procore_text(fields, name),
            "email" => item.email_address = procore_text(fields, name),
            "is_active" => item.is_active = Some(fields.get(name) != &Value::Bool(false)),
            _ => {}
        }
    }
    item
}

#[async_trait]
impl SyncEntity for Suppliers {
    type Erp = Supplier;
    type Procore = Vendor;
    type Item = VendorSyncItem;
    const SPEC: EntitySpec = SPEC;
    const LABEL: &'static str = "supplier";

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
        let excluded = excluding_keyword(v.notes.as_deref()).map(|k| {
            format!(
                "Procore vendor {} {:?}: notes contain {k}: never synchronized with maestro*",
                v.id,
                v.name.as_deref().unwrap_or("")
            )
        });
        Ok(ProcoreSide {
            planned: PlannedProcore {
                id: v.id,
                fields,
                excluded,
            },
            keys: MatchKeys {
                origin_id: v.origin_id.clone(),
                number: None,
                name: v.name.clone(),
            },
            warnings,
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

    async fn list(client: &Client, range: Option<TimeRange>) -> Result<Vec<Vendor>, ProcoreError> {
        let vendors = client.vendors();
        let filters = VendorFilters {
            updated_at: range,
            ..VendorFilters::default()
        };
        let mut all = vendors.list(&filters).collect_all().await?;
        // Inactive vendors come from their own list, which takes no date filter: the window is
        // applied here so a vendor deactivated in Procore still reaches maestro*.
        let inactive = vendors
            .list_inactive(&VendorInactiveFilters::default())
            .collect_all()
            .await?;
        all.extend(
            inactive
                .into_iter()
                .filter(|v| match (&range, v.updated_at) {
                    (None, _) => true,
                    (Some(range), Some(at)) => range.start <= at && at <= range.end,
                    (Some(_), None) => true,
                }),
        );
        Ok(all)
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

    #[test]
    fn keywords_are_found_in_any_case() {
        assert_eq!(
            excluding_keyword(Some("Fournisseur local — pasmaestro")),
            Some("PASMAESTRO")
        );
        assert_eq!(excluding_keyword(Some("NotMaestro")), Some("NOTMAESTRO"));
        assert_eq!(excluding_keyword(Some("maestro ok")), None);
        assert_eq!(excluding_keyword(None), None);
    }

    #[test]
    fn a_vendor_created_in_procore_gets_a_ten_character_code() {
        assert_eq!(code_for(3_000_010_042), "PC00010042");
        assert!(code_for(u64::MAX).len() <= CODE_MAX);
    }
}
