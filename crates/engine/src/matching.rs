//! Onboarding: before anything is created, records that already exist on both sides are linked
//! instead of duplicated (the first complaint about ERP connectors is duplicates). A record is
//! linked only when exactly one record on the other side matches it; ambiguous matches are
//! reported for a person to decide.

use std::collections::{BTreeMap, BTreeSet};

/// The attribute two records matched on, strongest first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum MatchedOn {
    /// Procore's `origin_id` already carries the ERP key (linked by an earlier installation).
    OriginId,
    /// Project number = Procore job number; supplier or customer code = Procore origin code.
    Number,
    /// Normalized names (case, accents, punctuation and legal suffixes ignored).
    Name,
}

/// What each side offers to match on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatchKeys {
    /// ERP side: the ERP key; Procore side: its `origin_id`.
    pub origin_id: Option<String>,
    pub number: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub erp_key: String,
    pub procore_id: u64,
    pub matched_on: MatchedOn,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguity {
    pub erp_key: String,
    pub candidates: Vec<u64>,
    pub matched_on: MatchedOn,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proposals {
    pub links: Vec<Proposal>,
    pub ambiguous: Vec<Ambiguity>,
}

/// Proposes one-to-one links between unbound records, trying the strongest attribute first; a
/// record linked by one attribute is not offered again to a weaker one.
pub fn propose(erp: &[(String, MatchKeys)], procore: &[(u64, MatchKeys)]) -> Proposals {
    let mut out = Proposals::default();
    // Sets, not lists: onboarding a directory of thousands must not be quadratic.
    let mut taken_erp: BTreeSet<&str> = BTreeSet::new();
    let mut taken_procore: BTreeSet<u64> = BTreeSet::new();
    for attribute in [MatchedOn::OriginId, MatchedOn::Number, MatchedOn::Name] {
        let key = |k: &MatchKeys| -> Option<String> {
            match attribute {
                MatchedOn::OriginId => k.origin_id.clone(),
                MatchedOn::Number => k.number.as_deref().map(normalize_code),
                MatchedOn::Name => k.name.as_deref().map(normalize_name),
            }
            .filter(|s| !s.is_empty())
        };
        let mut index: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        for (id, keys) in procore.iter().filter(|(id, _)| !taken_procore.contains(id)) {
            if let Some(k) = key(keys) {
                index.entry(k).or_default().push(*id);
            }
        }
        let mut wanted: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for (erp_key, keys) in erp.iter().filter(|(k, _)| !taken_erp.contains(&k.as_str())) {
            let own = match attribute {
                // The ERP side's origin id is its own key.
                MatchedOn::OriginId => Some(erp_key.clone()),
                _ => key(keys),
            };
            if let Some(k) = own {
                wanted.entry(k).or_default().push(erp_key);
            }
        }
        for (k, erp_keys) in wanted {
            let Some(candidates) = index.get(&k) else {
                continue;
            };
            match (&erp_keys[..], &candidates[..]) {
                ([erp_key], [id]) => {
                    out.links.push(Proposal {
                        erp_key: erp_key.to_string(),
                        procore_id: *id,
                        matched_on: attribute,
                    });
                    taken_erp.insert(erp_key);
                    taken_procore.insert(*id);
                }
                _ => {
                    for erp_key in erp_keys {
                        out.ambiguous.push(Ambiguity {
                            erp_key: erp_key.to_string(),
                            candidates: candidates.clone(),
                            matched_on: attribute,
                        });
                    }
                }
            }
        }
    }
    // A record ambiguous by one attribute may have been linked by a stronger one.
    out.ambiguous
        .retain(|a| !taken_erp.contains(a.erp_key.as_str()));
    out
}

/// Codes and numbers compare without case and surrounding blanks.
pub fn normalize_code(code: &str) -> String {
    code.trim().to_uppercase()
}

/// Names compare without case, accents, punctuation or legal-form suffixes: "Béton Québec Inc."
/// and "BETON QUEBEC" are one company to a person, and to the matcher.
pub fn normalize_name(name: &str) -> String {
    const LEGAL_FORMS: [&str; 12] = [
        "inc",
        "incorporated",
        "ltee",
        "ltd",
        "limitee",
        "limited",
        "llc",
        "corp",
        "corporation",
        "enr",
        "senc",
        "cie",
    ];
    let folded: String = name
        .chars()
        .map(fold_accent)
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let mut end = words.len();
    while end > 1 && LEGAL_FORMS.contains(&words[end - 1]) {
        end -= 1;
    }
    words[..end].join(" ")
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => 'i',
        'ô' | 'ö' | 'ó' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ÿ' | 'Ÿ' => 'y',
        'ñ' | 'Ñ' => 'n',
        'œ' | 'Œ' => 'o',
        'æ' | 'Æ' => 'a',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(origin_id: Option<&str>, number: Option<&str>, name: &str) -> MatchKeys {
        MatchKeys {
            origin_id: origin_id.map(Into::into),
            number: number.map(Into::into),
            name: Some(name.into()),
        }
    }

    #[test]
    fn names_are_normalized() {
        assert_eq!(normalize_name("Béton Québec Inc."), "beton quebec");
        assert_eq!(normalize_name("BETON-QUEBEC ltée"), "beton quebec");
        assert_eq!(normalize_name("Les Entreprises Cie"), "les entreprises");
        assert_eq!(normalize_name("Inc"), "inc", "a name is never emptied");
    }

    #[test]
    fn strongest_attribute_wins_and_each_record_links_once() {
        let erp = vec![
            (
                "P24017".to_string(),
                keys(None, Some("P24017"), "Tour Boréale"),
            ),
            ("S0042".to_string(), keys(None, None, "Béton Québec inc.")),
            ("S0043".to_string(), keys(None, None, "Acier Nord")),
        ];
        let procore = vec![
            (1, keys(None, Some("p24017"), "Tour Boréale — phase 1")),
            (2, keys(None, None, "BETON QUEBEC")),
            (3, keys(Some("S0043"), None, "Acier du Nord ltée")),
        ];
        let p = propose(&erp, &procore);
        assert_eq!(
            p.links,
            vec![
                Proposal {
                    erp_key: "S0043".into(),
                    procore_id: 3,
                    matched_on: MatchedOn::OriginId
                },
                Proposal {
                    erp_key: "P24017".into(),
                    procore_id: 1,
                    matched_on: MatchedOn::Number
                },
                Proposal {
                    erp_key: "S0042".into(),
                    procore_id: 2,
                    matched_on: MatchedOn::Name
                },
            ]
        );
        assert!(p.ambiguous.is_empty());
    }

    #[test]
    fn two_candidates_are_reported_not_linked() {
        let erp = vec![("S1".to_string(), keys(None, None, "Plomberie Laval"))];
        let procore = vec![
            (1, keys(None, None, "Plomberie Laval inc.")),
            (2, keys(None, None, "PLOMBERIE LAVAL")),
        ];
        let p = propose(&erp, &procore);
        assert!(p.links.is_empty());
        assert_eq!(
            p.ambiguous,
            vec![Ambiguity {
                erp_key: "S1".into(),
                candidates: vec![1, 2],
                matched_on: MatchedOn::Name
            }]
        );
    }
}
