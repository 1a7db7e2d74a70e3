//! Query strings for list filters: `filters[attr]=…`, `filters[attr][]=…`, ranges `A...B`.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

/// Query pairs in sending order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Query::default()
    }

    /// Adds `name=value`.
    pub fn push(&mut self, name: &str, value: impl ToQueryValue) {
        self.0.push((name.to_owned(), value.to_query_value()));
    }

    /// Adds `name=value` when `value` is set.
    pub fn push_opt<V: ToQueryValue>(&mut self, name: &str, value: Option<&V>) {
        if let Some(v) = value {
            self.0.push((name.to_owned(), v.to_query_value()));
        }
    }

    /// Adds `name=v` for every value (`name` usually ends in `[]`).
    pub fn push_all<V: ToQueryValue>(&mut self, name: &str, values: &[V]) {
        for v in values {
            self.0.push((name.to_owned(), v.to_query_value()));
        }
    }

    /// Removes every pair called `name`.
    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(n, _)| n != name);
    }

    /// The pairs.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

/// A value that can appear in a query string.
pub trait ToQueryValue {
    /// The textual form Procore expects.
    fn to_query_value(&self) -> String;
}

macro_rules! display_query_value {
    ($($t:ty),*) => {$(
        impl ToQueryValue for $t {
            fn to_query_value(&self) -> String { self.to_string() }
        }
    )*};
}
display_query_value!(u64, i64, u32, i32, String, str, rust_decimal::Decimal);

impl ToQueryValue for bool {
    fn to_query_value(&self) -> String {
        if *self { "true" } else { "false" }.to_owned()
    }
}

impl<T: ToQueryValue + ?Sized> ToQueryValue for &T {
    fn to_query_value(&self) -> String {
        (**self).to_query_value()
    }
}

impl ToQueryValue for DateTime<Utc> {
    fn to_query_value(&self) -> String {
        self.to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

impl ToQueryValue for NaiveDate {
    fn to_query_value(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

/// An inclusive time range, sent as `START...END` (ISO-8601 UTC), e.g. `filters[updated_at]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRange {
    /// Start of the range.
    pub start: DateTime<Utc>,
    /// End of the range.
    pub end: DateTime<Utc>,
}

impl TimeRange {
    /// `start...end`.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        TimeRange { start, end }
    }

    /// Everything changed since `start` (up to now).
    pub fn since(start: DateTime<Utc>) -> Self {
        TimeRange {
            start,
            end: Utc::now(),
        }
    }
}

impl ToQueryValue for TimeRange {
    fn to_query_value(&self) -> String {
        format!(
            "{}...{}",
            self.start.to_query_value(),
            self.end.to_query_value()
        )
    }
}

/// An inclusive date range, sent as `YYYY-MM-DD...YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

impl ToQueryValue for DateRange {
    fn to_query_value(&self) -> String {
        format!(
            "{}...{}",
            self.start.to_query_value(),
            self.end.to_query_value()
        )
    }
}

/// A filter set for one list operation.
pub trait ListQuery {
    /// Appends the filter parameters.
    fn append_to(&self, query: &mut Query);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ranges_use_three_dots() {
        let r = TimeRange::new(
            Utc.with_ymd_and_hms(2024, 1, 2, 3, 4, 5).unwrap(),
            Utc.with_ymd_and_hms(2024, 2, 1, 0, 0, 0).unwrap(),
        );
        assert_eq!(
            r.to_query_value(),
            "2024-01-02T03:04:05Z...2024-02-01T00:00:00Z"
        );
        let d = DateRange {
            start: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2024, 1, 31).unwrap(),
        };
        assert_eq!(d.to_query_value(), "2024-01-01...2024-01-31");
    }

    #[test]
    fn arrays_repeat_the_name() {
        let mut q = Query::new();
        q.push_all("filters[id][]", &[1u64, 2]);
        q.push_opt("filters[origin_id]", Some(&"A-1".to_owned()));
        q.push_opt::<String>("filters[name]", None);
        q.push("filters[synced]", true);
        assert_eq!(
            q.pairs(),
            &[
                ("filters[id][]".to_owned(), "1".to_owned()),
                ("filters[id][]".to_owned(), "2".to_owned()),
                ("filters[origin_id]".to_owned(), "A-1".to_owned()),
                ("filters[synced]".to_owned(), "true".to_owned()),
            ]
        );
    }
}
