//! Procore's bulk "sync" actions (facts §3.5): up to 1000 items per call, always HTTP 200,
//! per-item errors in the body. Items with an `id` update that record; with an `origin_id`
//! they update-or-create; with neither they create.

use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::client::{Call, Client, Op, Resend};
use crate::error::{read_field_map, ErrorKind, FieldError, ProcoreError};
use crate::query::Query;

/// An item of a sync call.
pub trait SyncItem: Serialize {
    /// The Procore id, when the item updates a known record.
    fn sync_id(&self) -> Option<u64>;
    /// The external id, when the item upserts by origin id.
    fn sync_origin_id(&self) -> Option<&str>;
}

/// Result of a (possibly multi-batch) sync.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncOutcome<T> {
    /// Records Procore created or updated.
    pub entities: Vec<T>,
    /// Items Procore refused, with its reasons.
    pub errors: Vec<SyncItemError>,
}

impl<T> Default for SyncOutcome<T> {
    fn default() -> Self {
        SyncOutcome {
            entities: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// One refused sync item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncItemError {
    /// Procore id of the item, if it had one.
    pub id: Option<u64>,
    /// Origin id of the item, if it had one.
    pub origin_id: Option<String>,
    /// Procore's messages per field.
    pub field_errors: Vec<FieldError>,
    /// The attributes as Procore echoed them back (without `errors`).
    pub submitted: Value,
}

impl SyncItemError {
    /// Reads one entry of a sync answer's `errors` array.
    pub(crate) fn from_value(value: Value) -> SyncItemError {
        let mut field_errors = Vec::new();
        let mut submitted = value;
        if let Value::Object(map) = &mut submitted {
            match map.remove("errors") {
                Some(Value::Object(fields)) => read_field_map(&fields, &mut field_errors),
                Some(Value::String(message)) => field_errors.push(FieldError {
                    field: "base".into(),
                    messages: vec![message],
                }),
                Some(Value::Array(items)) => field_errors.push(FieldError {
                    field: "base".into(),
                    messages: items
                        .iter()
                        .map(|m| {
                            m.as_str()
                                .map(str::to_owned)
                                .unwrap_or_else(|| m.to_string())
                        })
                        .collect(),
                }),
                _ => {}
            }
        }
        let id = submitted
            .get("id")
            .and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()));
        let origin_id = submitted.get("origin_id").and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        });
        SyncItemError {
            id,
            origin_id,
            field_errors,
            submitted,
        }
    }
}

impl std::fmt::Display for SyncItemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.id, &self.origin_id) {
            (Some(id), _) => write!(f, "id {id}: ")?,
            (None, Some(origin)) => write!(f, "origin_id {origin}: ")?,
            (None, None) => f.write_str("new item: ")?,
        }
        let parts: Vec<String> = self.field_errors.iter().map(|e| e.to_string()).collect();
        f.write_str(&parts.join("; "))
    }
}

/// How an answer to a sync call is shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SyncShape {
    /// `{"entities": [...], "errors": [...]}`.
    EntitiesAndErrors,
    /// A bare array of records (budget line items).
    BareArray,
}

/// Where and how one sync endpoint is called.
#[derive(Debug, Clone)]
pub(crate) struct SyncTarget {
    pub op: &'static Op,
    pub path_args: Vec<u64>,
    pub query: Query,
    /// Scope fields placed in the body next to the items (`company_id`, `project_id`, …).
    pub body_scope: Vec<(&'static str, Value)>,
    /// Body key of the item array (`updates`, or `budget_line_items`).
    pub items_key: &'static str,
    pub shape: SyncShape,
    /// Overrides the per-item resend rule for endpoints that are idempotent by content.
    pub resend: Option<Resend>,
}

/// One sync item as sent: whether it has an id and an `origin_id` (which decides whether a
/// lost answer may be sent again), and its JSON text.
type EncodedItem = ((bool, bool), Box<RawValue>);

/// The body of one sync call: the scope fields and the items, already encoded.
struct SyncBody<'a> {
    scope: &'a [(&'static str, Value)],
    items_key: &'static str,
    items: Vec<&'a RawValue>,
}

impl Serialize for SyncBody<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.scope.len() + 1))?;
        for (name, value) in self.scope {
            map.serialize_entry(name, value)?;
        }
        map.serialize_entry(self.items_key, &self.items)?;
        map.end()
    }
}

/// What a sync action's answer says of a record it wrote, for a caller that needs no more:
/// its id and `origin_id`. The rest of each record (the show action's whole representation)
/// is skipped, not decoded.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SyncedKey {
    #[serde(deserialize_with = "crate::de::id")]
    pub id: u64,
    #[serde(default, deserialize_with = "crate::de::string")]
    pub origin_id: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct SyncAnswer<T> {
    #[serde(default = "Vec::new")]
    entities: Vec<T>,
    #[serde(default)]
    errors: Vec<Value>,
}

/// Splits `items` into consecutive batches of at most `size`.
pub(crate) fn batches<T>(items: Vec<T>, size: usize) -> Vec<Vec<T>> {
    let size = size.max(1);
    let mut out = Vec::with_capacity(items.len().div_ceil(size));
    let mut iter = items.into_iter().peekable();
    while iter.peek().is_some() {
        out.push(iter.by_ref().take(size).collect());
    }
    out
}

/// A batch may be re-sent after a lost answer only if no item in it is a create.
pub(crate) fn resend_policy(keys: &[(bool, bool)]) -> Resend {
    if keys
        .iter()
        .all(|(has_id, has_origin)| *has_id || *has_origin)
    {
        Resend::Safe
    } else {
        Resend::Never
    }
}

impl Client {
    /// Runs a sync in batches and merges the answers. A 413 splits the batch in halves.
    pub(crate) async fn sync_items<I: SyncItem, T: DeserializeOwned>(
        &self,
        target: &SyncTarget,
        items: Vec<I>,
    ) -> Result<SyncOutcome<T>, ProcoreError> {
        // Each item is encoded once, to its JSON text: a batch is then written as it stands
        // (and again, cheaply, if a 413 splits it), never as a tree of values.
        let mut encoded = Vec::with_capacity(items.len());
        for item in &items {
            let value = serde_json::value::to_raw_value(item).map_err(|e| {
                ProcoreError::new(ErrorKind::Fatal, format!("cannot encode sync item: {e}"))
                    .with_request(target.op.id, "PATCH", target.op.path)
            })?;
            encoded.push((
                (item.sync_id().is_some(), item.sync_origin_id().is_some()),
                value,
            ));
        }
        let mut outcome = SyncOutcome::default();
        // Work list in order; a 413 replaces a batch by its two halves at the front.
        let mut pending: std::collections::VecDeque<Vec<EncodedItem>> =
            batches(encoded, self.config().sync_batch_size).into();
        while let Some(batch) = pending.pop_front() {
            let keys: Vec<(bool, bool)> = batch.iter().map(|(k, _)| *k).collect();
            let body = SyncBody {
                scope: &target.body_scope,
                items_key: target.items_key,
                items: batch.iter().map(|(_, v)| v.as_ref()).collect(),
            };
            let call = Call::new(target.op, &target.path_args)
                .query(target.query.clone())
                .json(&body)?
                .resend(target.resend.unwrap_or_else(|| resend_policy(&keys)));
            match self.send(&call).await {
                Ok(answer) => match target.shape {
                    SyncShape::EntitiesAndErrors => {
                        let parsed: SyncAnswer<T> = crate::client::decode(&call, &answer.body)?;
                        outcome.entities.extend(parsed.entities);
                        outcome
                            .errors
                            .extend(parsed.errors.into_iter().map(SyncItemError::from_value));
                    }
                    SyncShape::BareArray => {
                        let parsed: Vec<T> = crate::client::decode(&call, &answer.body)?;
                        outcome.entities.extend(parsed);
                    }
                },
                Err(e) if e.status() == Some(413) && batch.len() > 1 => {
                    tracing::info!(
                        operation = target.op.id,
                        size = batch.len(),
                        "sync batch too large; splitting"
                    );
                    let mut first = batch;
                    let second = first.split_off(first.len() / 2);
                    pending.push_front(second);
                    pending.push_front(first);
                }
                Err(e) => return Err(e),
            }
        }
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn batches_split_evenly_and_keep_order() {
        let b = batches((0..2501).collect::<Vec<_>>(), 1000);
        assert_eq!(
            b.iter().map(Vec::len).collect::<Vec<_>>(),
            vec![1000, 1000, 501]
        );
        assert_eq!(b[1][0], 1000);
        assert!(batches(Vec::<u8>::new(), 10).is_empty());
        assert_eq!(batches(vec![1, 2, 3], 0).len(), 3);
    }

    #[test]
    fn creates_make_a_batch_unsafe_to_resend() {
        assert_eq!(resend_policy(&[(true, false), (false, true)]), Resend::Safe);
        assert_eq!(
            resend_policy(&[(true, false), (false, false)]),
            Resend::Never
        );
        assert_eq!(resend_policy(&[]), Resend::Safe);
    }

    #[test]
    fn sync_error_entries_are_read() {
        let e = SyncItemError::from_value(
            json!({"id": 5, "name": "", "errors": {"name": ["can't be blank"]}}),
        );
        assert_eq!(e.id, Some(5));
        assert_eq!(e.origin_id, None);
        assert_eq!(e.field_errors[0].field, "name");
        assert_eq!(e.submitted, json!({"id": 5, "name": ""}));
        assert_eq!(e.to_string(), "id 5: name: can't be blank");
        let e = SyncItemError::from_value(
            json!({"origin_id": 77, "errors": {"id": ["Entity with this ID not found"]}}),
        );
        assert_eq!(e.origin_id.as_deref(), Some("77"));
    }

    #[test]
    fn answers_tolerate_missing_parts() {
        let a: SyncAnswer<Value> = serde_json::from_str(r#"{"entities":[{"id":1}]}"#).unwrap();
        assert_eq!(a.entities.len(), 1);
        assert!(a.errors.is_empty());
    }
}
