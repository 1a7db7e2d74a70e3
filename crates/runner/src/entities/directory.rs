//! What maestro* suppliers and customers have in common: both are Procore company-directory
//! companies (vendors), with the same contact fields, the same 40-character address and the
//! same NOTMAESTRO/PASMAESTRO keywords.
//!
//! Procore has no customer entity, so which directory company is which is decided here, once,
//! for both entities (see [`role`]): a company is never a supplier and a customer at once.

use engine::fields::Fields;
use procore::resources::vendors::{Vendor, VendorSyncItem};

use super::{cut, procore_text, text};

/// maestro* keeps 40 characters of an address.
pub const ADDRESS_MAX: usize = 40;
/// Keywords that, in a vendor's notes, keep it out of maestro* (English and French).
pub const EXCLUDING_KEYWORDS: [&str; 2] = ["NOTMAESTRO", "PASMAESTRO"];
/// Keywords that, in a vendor's notes, make a directory company a maestro* customer (English
/// and French): how a customer entered in Procore is told from a supplier.
pub const CUSTOMER_KEYWORDS: [&str; 2] = ["MAESTROCUSTOMER", "CLIENTMAESTRO"];
/// The `origin_id` of a customer's directory company is this prefix and the customer code. A
/// supplier's is its bare code, at most 10 characters, so the two can never be equal, and
/// `origin_id` stays unique among a company's vendors as Procore requires.
pub const CUSTOMER_ORIGIN_PREFIX: &str = "maestro-customer:";

/// Which maestro* entity a Procore directory company belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Never synchronized (NOTMAESTRO or PASMAESTRO in its notes).
    Excluded(&'static str),
    /// A customer: its `origin_id` carries [`CUSTOMER_ORIGIN_PREFIX`] or its notes a
    /// [`CUSTOMER_KEYWORDS`] keyword.
    Customer,
    /// Everything else is a supplier, as it is to Procore (vendors).
    Supplier,
}

/// The role of a directory company, from what Procore holds. The exclusion keywords win over
/// everything; a customer mark wins over being a vendor.
pub fn role(v: &Vendor) -> Role {
    if let Some(k) = keyword(v.notes.as_deref(), &EXCLUDING_KEYWORDS) {
        return Role::Excluded(k);
    }
    let marked = v
        .origin_id
        .as_deref()
        .is_some_and(|o| o.starts_with(CUSTOMER_ORIGIN_PREFIX));
    if marked || keyword(v.notes.as_deref(), &CUSTOMER_KEYWORDS).is_some() {
        Role::Customer
    } else {
        Role::Supplier
    }
}

/// The first of `keywords` found in `notes`, in any case.
pub fn keyword(notes: Option<&str>, keywords: &[&'static str]) -> Option<&'static str> {
    let notes = notes?.to_uppercase();
    keywords.iter().copied().find(|k| notes.contains(k))
}

/// The contact fields maestro* keeps for a supplier or a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub address: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub country: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl Contact {
    /// The canonical contact fields.
    pub fn fields(&self) -> Fields {
        Fields::new()
            .with("name", self.name.clone())
            .with("address", self.address.clone())
            .with("city", self.city.clone())
            .with("state_code", self.province.clone())
            .with("country_code", self.country.clone())
            .with("zip", self.postal_code.clone())
            .with("phone", self.phone.clone())
            .with("email", self.email.clone())
    }

    /// Writes the contact fields among `changes` over these; other fields are left alone.
    pub fn apply(&mut self, changes: &Fields) {
        for name in changes.names() {
            match name {
                "name" => self.name = text(changes, name).unwrap_or_default(),
                "address" => self.address = text(changes, name),
                "city" => self.city = text(changes, name),
                "state_code" => self.province = text(changes, name),
                "country_code" => self.country = text(changes, name),
                "zip" => self.postal_code = text(changes, name),
                "phone" => self.phone = text(changes, name),
                "email" => self.email = text(changes, name),
                _ => {}
            }
        }
    }
}

/// A vendor's canonical contact fields; an address longer than maestro* keeps is cut, with a
/// warning naming the `label`led record `key`.
pub fn vendor_contact(v: &Vendor, label: &str, key: &str, warnings: &mut Vec<String>) -> Fields {
    let address = cut(
        label,
        key,
        "address",
        v.address.clone(),
        ADDRESS_MAX,
        warnings,
    );
    Fields::new()
        .with("name", v.name.clone())
        .with("address", address)
        .with("city", v.city.clone())
        .with("state_code", v.state_code.clone())
        .with("country_code", v.country_code.clone())
        .with("zip", v.zip.clone())
        .with("phone", v.business_phone.clone())
        .with("email", v.email_address.clone())
}

/// Writes the contact fields among `fields` into a vendor sync item.
pub fn write_contact(item: &mut VendorSyncItem, fields: &Fields) {
    for name in fields.names() {
        match name {
            "name" => item.name = procore_text(fields, name),
            "address" => item.address = procore_text(fields, name),
            "city" => item.city = procore_text(fields, name),
            // Codes are validated by Procore: an empty one is left out rather than sent.
            "state_code" => item.state_code = text(fields, name),
            "country_code" => item.country_code = text(fields, name),
            "zip" => item.zip = procore_text(fields, name),
            "phone" => item.business_phone = procore_text(fields, name),
            "email" => item.email_address = procore_text(fields, name),
            _ => {}
        }
    }
}

/// The code a directory company created in Procore takes in maestro*: `PC` and the last eight
/// digits of its Procore id, which fits the ten characters of a code and says where it came from.
pub fn code_for(procore_id: u64) -> String {
    format!("PC{:08}", procore_id % 100_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vendor(origin_id: Option<&str>, notes: Option<&str>) -> Vendor {
        let mut v: Vendor = serde_json::from_value(serde_json::json!({"id": 7})).unwrap();
        v.origin_id = origin_id.map(str::to_owned);
        v.notes = notes.map(str::to_owned);
        v
    }

    #[test]
    fn a_company_is_a_customer_only_when_marked_and_exclusion_wins() {
        assert_eq!(role(&vendor(None, None)), Role::Supplier);
        assert_eq!(role(&vendor(Some("S0042"), None)), Role::Supplier);
        assert_eq!(
            role(&vendor(Some("maestro-customer:C001"), None)),
            Role::Customer
        );
        assert_eq!(
            role(&vendor(None, Some("Propriétaire — ClientMaestro"))),
            Role::Customer
        );
        assert_eq!(
            role(&vendor(
                Some("maestro-customer:C001"),
                Some("pasmaestro svp")
            )),
            Role::Excluded("PASMAESTRO")
        );
    }

    #[test]
    fn a_customer_origin_id_can_never_be_a_supplier_code() {
        assert!(CUSTOMER_ORIGIN_PREFIX.len() > 10);
    }

    #[test]
    fn keywords_are_found_in_any_case() {
        let k = &EXCLUDING_KEYWORDS;
        assert_eq!(
            keyword(Some("Fournisseur local — pasmaestro"), k),
            Some("PASMAESTRO")
        );
        assert_eq!(keyword(Some("NotMaestro"), k), Some("NOTMAESTRO"));
        assert_eq!(keyword(Some("maestro ok"), k), None);
        assert_eq!(keyword(None, k), None);
    }

    #[test]
    fn a_company_created_in_procore_gets_a_ten_character_code() {
        assert_eq!(code_for(3_000_010_042), "PC00010042");
        assert!(code_for(u64::MAX).len() <= 10);
    }
}
