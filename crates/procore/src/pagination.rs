//! Page-by-page reading of list endpoints (facts §3.1): `page`/`per_page`, the `Total` header,
//! and `Link: <…>; rel="next"`. A pager holds one page at a time, never a whole collection.

use std::collections::VecDeque;
use std::marker::PhantomData;

use futures::stream::{self, Stream, TryStreamExt};
use serde::de::DeserializeOwned;
use url::Url;

use crate::client::{decode, Call, Client};
use crate::error::ProcoreError;

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
        let slots: Vec<Option<T>> = if self.envelope {
            decode::<Option<crate::resources::Data<Option<Vec<Option<T>>>>>>(&call, &answer.body)?
                .and_then(|d| d.data)
                .unwrap_or_default()
        } else {
            decode::<Option<Vec<Option<T>>>>(&call, &answer.body)?.unwrap_or_default()
        };
        // A null in a list is no record; skipping it keeps the rest of the page usable.
        let listed = slots.len();
        let items: Vec<T> = slots.into_iter().flatten().collect();
        if items.len() < listed {
            tracing::warn!(
                operation = call.op.id,
                skipped = listed - items.len(),
                "null entries in a list answer"
            );
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
