//! Query-string access, `filters[...]` parsing and matching, and offset pagination with
//! Procore's `Total` / `Per-Page` / `Link` headers.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use url::Url;

use crate::error::Reply;
use crate::fields::Field;
use crate::state::Record;

/// `filters[name]` / `filters[name][]` values, by name.
pub fn filters(pairs: &[(String, String)]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in pairs {
        if let Some(rest) = k.strip_prefix("filters[") {
            let name = rest.split(']').next().unwrap_or("").to_owned();
            out.entry(name)
                .or_default()
                .extend(v.split(',').filter(|s| !s.is_empty()).map(str::to_owned));
        }
    }
    out
}

/// All values of `name` or `name[]`.
pub fn all_values(pairs: &[(String, String)], name: &str) -> Vec<String> {
    let array = format!("{name}[]");
    pairs
        .iter()
        .filter(|(k, _)| k == name || *k == array)
        .flat_map(|(_, v)| v.split(','))
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse_instant(text: &str, end: bool) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%#z") {
        return Some(t.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let time = if end {
        date.and_hms_opt(23, 59, 59)?
    } else {
        date.and_hms_opt(0, 0, 0)?
    };
    Some(time.and_utc())
}

/// `START...END` (either side may be empty) against a timestamp or date field.
pub fn in_range(value: Option<&str>, range: &str) -> bool {
    let Some(value) = value else { return false };
    let Some((start, end)) = range.split_once("...") else {
        return false;
    };
    let Some(v) = parse_instant(value, false) else {
        return false;
    };
    let after_start =
        start.trim().is_empty() || parse_instant(start, false).is_some_and(|s| v >= s);
    let before_end = end.trim().is_empty() || parse_instant(end, true).is_some_and(|e| v <= e);
    after_start && before_end
}

fn scalar_text(v: Field) -> Option<String> {
    match v {
        Field::Str(s) => Some(s.to_owned()),
        Field::Bool(b) => Some(b.to_string()),
        number => number.as_number().map(|n| n.to_string()),
    }
}

/// Applies the filters every list supports. `known` says whether a field exists on this kind
/// (Procore ignores unknown filter keys). Returns `false` when the record is filtered out.
pub fn matches(
    record: &Record,
    filters: &BTreeMap<String, Vec<String>>,
    known: &dyn Fn(&str) -> bool,
) -> bool {
    for (name, values) in filters {
        if values.is_empty() {
            continue;
        }
        let ok = match name.as_str() {
            "include_deleted" | "by_status" | "search" | "active" => true,
            "id" => values
                .iter()
                .any(|v| v.parse::<u64>().ok() == Some(record.id)),
            "created_at" | "updated_at" | "payment_date" | "received_date" | "direct_cost_date" => {
                if values[0].contains("...") {
                    in_range(record.str_field(name), &values.join(","))
                } else {
                    record
                        .str_field(name)
                        .is_some_and(|v| v.starts_with(values[0].as_str()))
                }
            }
            field if known(field) => {
                let actual = record.data.get(field).and_then(scalar_text);
                values.iter().any(|v| actual.as_deref() == Some(v.as_str()))
            }
            _ => true,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Page parameters after clamping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub page: usize,
    pub per_page: usize,
}

pub fn page_of(pairs: &[(String, String)], max: usize) -> Page {
    let get = |n: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == n)
            .and_then(|(_, v)| v.parse::<usize>().ok())
    };
    Page {
        page: get("page").unwrap_or(1).max(1),
        per_page: get("per_page").unwrap_or(100).clamp(1, max),
    }
}

/// Slices `items` by offset (so inserts and deletes between fetches shift pages, as in
/// Procore) and adds the pagination headers.
pub fn paginate(
    items: Vec<Value>,
    page: Page,
    api_url: &Url,
    path: &str,
    pairs: &[(String, String)],
) -> Reply {
    paginate_with(
        items,
        |v, out| {
            // Writing to a Vec cannot fail.
            let _ = serde_json::to_writer(out, &v);
        },
        page,
        api_url,
        path,
        pairs,
    )
}

/// [`paginate`] over items rendered only when on the page: a list filters every record but
/// pays for the representation of one page, written as JSON text (`write` appends one item).
pub fn paginate_with<T>(
    items: Vec<T>,
    mut write: impl FnMut(T, &mut Vec<u8>),
    page: Page,
    api_url: &Url,
    path: &str,
    pairs: &[(String, String)],
) -> Reply {
    let total = items.len();
    let start = (page.page - 1).saturating_mul(page.per_page);
    let mut slice = vec![b'['];
    for item in items.into_iter().skip(start).take(page.per_page) {
        if slice.len() > 1 {
            slice.push(b',');
        }
        write(item, &mut slice);
    }
    slice.push(b']');
    let last = total.div_ceil(page.per_page).max(1);
    let link = |n: usize| {
        let mut url = api_url
            .join(path.trim_start_matches('/'))
            .unwrap_or_else(|_| api_url.clone());
        {
            let mut q = url.query_pairs_mut();
            for (k, v) in pairs.iter().filter(|(k, _)| k != "page" && k != "per_page") {
                q.append_pair(k, v);
            }
            q.append_pair("page", &n.to_string());
            q.append_pair("per_page", &page.per_page.to_string());
        }
        url.to_string()
    };
    let mut rels = Vec::new();
    if page.page > 1 {
        rels.push(format!("<{}>; rel=\"first\"", link(1)));
        rels.push(format!(
            "<{}>; rel=\"prev\"",
            link((page.page - 1).min(last))
        ));
    }
    if page.page < last {
        rels.push(format!("<{}>; rel=\"next\"", link(page.page + 1)));
    }
    if page.page != last || page.page > 1 {
        rels.push(format!("<{}>; rel=\"last\"", link(last)));
    }
    let mut reply = Reply::json_text(http::StatusCode::OK, slice)
        .with_header("Total", total.to_string())
        .with_header("Per-Page", page.per_page.to_string());
    if !rels.is_empty() {
        reply = reply.with_header("Link", rels.join(", "));
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_accept_dates_and_datetimes() {
        assert!(in_range(
            Some("2026-01-05T10:00:00Z"),
            "2026-01-05...2026-01-05"
        ));
        assert!(in_range(
            Some("2026-01-05T10:00:00Z"),
            "2026-01-05T09:59:59Z...2026-01-05T10:00:00Z"
        ));
        assert!(!in_range(
            Some("2026-01-05T10:00:01Z"),
            "2026-01-01...2026-01-05T10:00:00Z"
        ));
        assert!(in_range(
            Some("2026-01-05T10:00:00Z"),
            "2026-01-05T06:00:00-04:00..."
        ));
    }

    #[test]
    fn filters_collect_arrays() {
        let pairs = vec![
            ("filters[id][]".to_owned(), "1".to_owned()),
            ("filters[id][]".to_owned(), "2".to_owned()),
            ("filters[origin_id]".to_owned(), "A".to_owned()),
        ];
        let f = filters(&pairs);
        assert_eq!(f["id"], vec!["1", "2"]);
        assert_eq!(f["origin_id"], vec!["A"]);
    }

    #[test]
    fn link_header_rels() {
        let url = Url::parse("http://127.0.0.1:9/").unwrap();
        let items: Vec<Value> = (0..5).map(Value::from).collect();
        let reply = paginate(
            items,
            Page {
                page: 2,
                per_page: 2,
            },
            &url,
            "/rest/v1.0/x",
            &[],
        );
        let link = &reply.headers.iter().find(|(k, _)| k == "Link").unwrap().1;
        for rel in ["first", "prev", "next", "last"] {
            assert!(link.contains(&format!("rel=\"{rel}\"")), "{link}");
        }
        assert!(link.contains("http://127.0.0.1:9/rest/v1.0/x?page=3&per_page=2"));
    }
}
