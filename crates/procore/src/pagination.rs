//! Page-by-page reading of list endpoints (facts §3.1): `page`/`per_page`, the `Total` header,
//! and `Link: <…>; rel="next"`. A pager holds one page at a time, never a whole collection.

use std::collections::VecDeque;
use std::fmt;
use std::marker::PhantomData;

use futures::stream::{self, Stream, TryStreamExt};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use url::Url;

use crate::client::{decode, read_json, Call, Client};
use crate::error::{ErrorKind, ProcoreError};

/// A list entry that could not be read as its record type (an amount that is no number, an id
/// that is no id): the rest of its page still is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableRecord {
    /// The list's operationId.
    pub operation: &'static str,
    /// The record's id, when at least that could be read.
    pub id: Option<u64>,
    /// The field at fault, as a path (`vendor.id`, `line_items[2].amount`), when there is one.
    pub field: Option<String>,
    /// What is wrong, the value quoted and cut short.
    pub reason: String,
}

impl fmt::Display for UnreadableRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.id {
            Some(id) => write!(f, "record {id} is unreadable: ")?,
            None => f.write_str("a record without a readable id is unreadable: ")?,
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.reason)
    }
}

/// The id of a list entry, read on its own when the whole record cannot be.
fn entry_id(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Id {
        #[serde(default, deserialize_with = "crate::de::u64")]
        id: Option<u64>,
    }
    serde_json::from_str::<Id>(raw).ok().and_then(|r| r.id)
}

/// The entries of one page, each read on its own so that one bad record does not hide the rest.
pub(crate) fn read_page<T: DeserializeOwned>(
    operation: &'static str,
    entries: Vec<Option<Box<RawValue>>>,
) -> (Vec<T>, Vec<UnreadableRecord>, usize) {
    let listed = entries.len();
    let mut items = Vec::with_capacity(listed);
    let mut unreadable = Vec::new();
    // A null in a list is no record; skipping it keeps the rest of the page usable.
    for raw in entries.into_iter().flatten() {
        match read_json::<T>(raw.get().as_bytes()) {
            Ok(item) => items.push(item),
            Err(e) => unreadable.push(UnreadableRecord {
                operation,
                id: entry_id(raw.get()),
                field: e.field,
                reason: e.reason,
            }),
        }
    }
    (items, unreadable, listed)
}

/// The `rel` → URL pairs of a `Link` header.
pub(crate) fn parse_link_header(value: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // Entries are `<url>; rel="x"`, separated by commas; URLs may contain commas only inside
    // the angle brackets, so split on `<` boundaries rather than on every comma.
    let mut rest = value;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>').map(|c| open + c) else {
            break;
        };
        let url = rest[open + 1..close].trim().to_owned();
        let params_end = rest[close..].find('<').map_or(rest.len(), |n| close + n);
        let params = &rest[close + 1..params_end];
        for param in params.split(';') {
            let param = param.trim().trim_end_matches(',').trim();
            if let Some(rel) = param.strip_prefix("rel=") {
                for r in rel.trim_matches('"').split_whitespace() {
                    out.push((r.to_owned(), url.clone()));
                }
            }
        }
        rest = &rest[params_end..];
    }
    out
}

/// The `rel="next"` URL of a `Link` header.
pub(crate) fn next_link(value: &str) -> Option<String> {
    parse_link_header(value)
        .into_iter()
        .find(|(rel, _)| rel == "next")
        .map(|(_, url)| url)
}

#[derive(Debug)]
enum Next {
    Page(u32),
    Url(Url),
    Done,
}

/// Reads a list endpoint page by page.
pub struct Pager<T> {
    client: Client,
    call: Call,
    paged: bool,
    per_page: u32,
    next: Next,
    total: Option<u64>,
    fetched: u64,
    /// The list is wrapped as `{"data": [...]}`.
    envelope: bool,
    /// An error found before the first request (e.g. no company selected), reported by the
    /// first `next_page`.
    failed: Option<ProcoreError>,
    /// Unreadable records are set aside for the caller instead of failing the page.
    keep_unreadable: bool,
    unreadable: Vec<UnreadableRecord>,
    _item: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Pager<T> {
    /// `paged` is false for list endpoints that take no `page`/`per_page`: one call returns all.
    pub(crate) fn new(client: Client, call: Call, paged: bool, max_per_page: Option<u32>) -> Self {
        let configured = client.config().per_page;
        let per_page = max_per_page.map_or(configured, |max| configured.min(max));
        Pager {
            client,
            call,
            paged,
            per_page,
            next: Next::Page(1),
            total: None,
            fetched: 0,
            envelope: false,
            failed: None,
            keep_unreadable: false,
            unreadable: Vec::new(),
            _item: PhantomData,
        }
    }

    /// A pager whose first page is `error`.
    pub(crate) fn failed(client: Client, error: ProcoreError) -> Self {
        let call = Call::new(&crate::ops::REST_V10_COMPANIES_GET, &[]);
        let mut pager = Pager::new(client, call, false, None);
        pager.failed = Some(error);
        pager
    }

    pub(crate) fn data_envelope(mut self) -> Self {
        self.envelope = true;
        self
    }

    /// Overrides the page size for this listing.
    pub fn with_per_page(mut self, per_page: u32) -> Self {
        self.per_page = per_page.max(1);
        self
    }

    /// Sets records that cannot be read aside (see [`Pager::take_unreadable`]) and returns the
    /// rest of their page. Without it, a page holding one fails as a whole, with an error naming
    /// the record and the field, so a caller that cannot report records one by one never
    /// silently misses one.
    pub fn keep_unreadable(mut self) -> Self {
        self.keep_unreadable = true;
        self
    }

    /// The records set aside as unreadable since the last call.
    pub fn take_unreadable(&mut self) -> Vec<UnreadableRecord> {
        std::mem::take(&mut self.unreadable)
    }

    /// Items per page requested.
    pub fn per_page(&self) -> u32 {
        self.per_page
    }

    /// The item count announced by the `Total` header, once the first page arrived.
    pub fn total(&self) -> Option<u64> {
        self.total
    }

    /// The next page, or `None` after the last one.
    pub async fn next_page(&mut self) -> Result<Option<Vec<T>>, ProcoreError> {
        if let Some(error) = self.failed.take() {
            self.next = Next::Done;
            return Err(error);
        }
        let mut call = self.call.clone();
        let mut page_number = None;
        match std::mem::replace(&mut self.next, Next::Done) {
            Next::Done => return Ok(None),
            Next::Page(page) => {
                if self.paged {
                    call.query.remove("page");
                    call.query.remove("per_page");
                    call.query.push("page", u64::from(page));
                    call.query.push("per_page", u64::from(self.per_page));
                    page_number = Some(page);
                }
            }
            Next::Url(url) => call.url = Some(url),
        }
        let answer = self.client.send(&call).await?;
        // A list answer always has a body (`[]` when empty); none at all is a cut answer, and
        // reading it as an empty list would let a cursor move past records never seen.
        if answer.body.iter().all(u8::is_ascii_whitespace) {
            return Err(ProcoreError::new(
                ErrorKind::Fatal,
                "empty answer where a list was expected",
            )
            .with_request(call.op.id, call.op.method_str(), &call.path));
        }
        type Entries = Option<Vec<Option<Box<RawValue>>>>;
        let entries = if self.envelope {
            decode::<Option<crate::resources::Data<Entries>>>(&call, &answer.body)?
                .and_then(|d| d.data)
                .unwrap_or_default()
        } else {
            decode::<Entries>(&call, &answer.body)?.unwrap_or_default()
        };
        let (items, unreadable, listed) = read_page::<T>(call.op.id, entries);
        let nulls = listed - items.len() - unreadable.len();
        if nulls > 0 {
            tracing::warn!(
                operation = call.op.id,
                skipped = nulls,
                "null entries in a list answer"
            );
        }
        if let Some(first) = unreadable.first() {
            if !self.keep_unreadable {
                let more = match unreadable.len() {
                    1 => String::new(),
                    n => format!(" (and {} more)", n - 1),
                };
                return Err(
                    ProcoreError::new(ErrorKind::Fatal, format!("{first}{more}")).with_request(
                        call.op.id,
                        call.op.method_str(),
                        &call.path,
                    ),
                );
            }
            for record in &unreadable {
                tracing::warn!(operation = call.op.id, %record, "unreadable record set aside");
            }
            self.unreadable.extend(unreadable);
        }
        if let Some(total) = header_u64(&answer.headers, "total") {
            self.total = Some(total);
        }
        self.fetched += listed as u64;
        if self.paged {
            let link = answer
                .headers
                .get(http::header::LINK)
                .and_then(|v| v.to_str().ok());
            self.next = match link {
                Some(link) => match next_link(link).and_then(|u| self.resolve(&u)) {
                    Some(url) => Next::Url(url),
                    None => Next::Done,
                },
                // Without any Link header, trust Total when the endpoint announces one.
                None => match (self.total, page_number) {
                    (Some(total), Some(page)) if self.fetched < total && listed > 0 => {
                        Next::Page(page + 1)
                    }
                    _ => Next::Done,
                },
            };
        }
        Ok(Some(items))
    }

    /// Accepts next links on the API host only; a link elsewhere would receive our token.
    fn resolve(&self, link: &str) -> Option<Url> {
        let url = Url::parse(link).ok()?;
        if self.client.is_api_url(&url) {
            Some(url)
        } else {
            tracing::warn!(
                operation = self.call.op.id,
                "ignoring a next link outside the API host"
            );
            None
        }
    }

    /// All items as a stream, fetched one page at a time.
    pub fn into_stream(self) -> impl Stream<Item = Result<T, ProcoreError>> {
        stream::try_unfold(
            (self, VecDeque::new()),
            |(mut pager, mut buffer)| async move {
                loop {
                    if let Some(item) = buffer.pop_front() {
                        return Ok(Some((item, (pager, buffer))));
                    }
                    match pager.next_page().await? {
                        Some(page) => buffer.extend(page),
                        None => return Ok(None),
                    }
                }
            },
        )
    }

    /// Collects every item. Only for collections known to be small (lookups, tests).
    pub async fn collect_all(self) -> Result<Vec<T>, ProcoreError> {
        self.into_stream().try_collect().await
    }
}

fn header_u64(headers: &http::HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_header_with_all_relations() {
        let h = r#"<https://api.procore.com/rest/v1.0/projects?company_id=1&page=1&per_page=100>; rel="first", <https://api.procore.com/rest/v1.0/projects?company_id=1&page=1&per_page=100>; rel="prev", <https://api.procore.com/rest/v1.0/projects?company_id=1&page=3&per_page=100>; rel="next", <https://api.procore.com/rest/v1.0/projects?company_id=1&page=9&per_page=100>; rel="last""#;
        let rels = parse_link_header(h);
        assert_eq!(rels.len(), 4);
        assert_eq!(
            next_link(h).as_deref(),
            Some("https://api.procore.com/rest/v1.0/projects?company_id=1&page=3&per_page=100")
        );
    }

    #[test]
    fn last_page_has_no_next() {
        let h = r#"<https://x/a?page=1>; rel="first", <https://x/a?page=8>; rel="prev""#;
        assert_eq!(next_link(h), None);
        assert_eq!(next_link(""), None);
    }

    #[test]
    fn tolerates_spacing_commas_in_urls_and_multiple_rels() {
        let h = r#"<https://x/a?filters[id][]=1,2&page=2>;rel=next,<https://x/a?page=5>; rel="last first""#;
        assert_eq!(
            next_link(h).as_deref(),
            Some("https://x/a?filters[id][]=1,2&page=2")
        );
        let rels = parse_link_header(h);
        assert!(rels.contains(&("first".to_owned(), "https://x/a?page=5".to_owned())));
    }
}
