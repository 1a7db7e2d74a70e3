//! Enumerations of Procore string values that stay readable when Procore adds a value.
//!
//! Statuses are enums rather than strings so callers match exhaustively on the values they know,
//! and every enum has an `Other(String)` variant so a value introduced by Procore (or a custom
//! status a company configured) does not make a whole page of records unreadable. `Other` is
//! sent back verbatim, so a record read and written again round-trips.

/// Declares an open string enum: known variants with their wire text, plus `Other(String)`.
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* #[doc = concat!("`", $value, "`")] $variant,)*
            /// A value this client does not know, kept verbatim.
            Other(String),
        }

        impl $name {
            /// The wire text.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $value,)*
                    $name::Other(s) => s.as_str(),
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $(if s == $value { return $name::$variant; })*
                // Procore is not consistent about case between requests and answers.
                $(if s.eq_ignore_ascii_case($value) { return $name::$variant; })*
                $name::Other(s.to_owned())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Ok($name::from(s.as_ref()))
            }
        }
    };
}

pub(crate) use open_enum;

#[cfg(test)]
mod tests {
    open_enum! {
        /// Test enum.
        Color { Red = "Red", OutForBid = "Out For Bid" }
    }

    #[test]
    fn known_unknown_and_case() {
        let c: Color = serde_json::from_str("\"Out For Bid\"").unwrap();
        assert_eq!(c, Color::OutForBid);
        let c: Color = serde_json::from_str("\"red\"").unwrap();
        assert_eq!(c, Color::Red);
        let c: Color = serde_json::from_str("\"Purple\"").unwrap();
        assert_eq!(c, Color::Other("Purple".into()));
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"Purple\"");
        assert_eq!(
            serde_json::to_string(&Color::OutForBid).unwrap(),
            "\"Out For Bid\""
        );
        assert_eq!(Color::Red.to_string(), "Red");
    }
}
