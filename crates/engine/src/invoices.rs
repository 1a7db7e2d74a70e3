//! Order invoices, maestro* → Procore subcontractor invoices (requisitions). Pure: the billing
//! period an invoice belongs to, and how its amount spreads over the commitment's lines.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A Procore billing period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub id: u64,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The period whose dates hold `date` (the first, should periods overlap).
pub fn period_of(periods: &[Period], date: NaiveDate) -> Option<u64> {
    periods
        .iter()
        .filter(|p| p.start <= date && date <= p.end)
        .min_by_key(|p| p.start)
        .map(|p| p.id)
}

/// Spreads `amount` over the lines (id, scheduled value) in proportion to their values, to the
/// cent, the cents left by rounding going to the largest remainders, so the parts add up to the
/// amount exactly. Lines with no value share nothing unless every line is empty, when the first
/// takes it all.
pub fn spread(amount: Decimal, lines: &[(u64, Decimal)]) -> Vec<(u64, Decimal)> {
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let total: Decimal = lines
        .iter()
        .map(|(_, v)| *v)
        .filter(|v| *v > Decimal::ZERO)
        .sum();
    if total.is_zero() {
        return vec![(first.0, amount)];
    }
    let cent = Decimal::new(1, 2);
    let mut parts: Vec<(u64, Decimal, Decimal)> = lines
        .iter()
        .map(|(id, v)| {
            let share = if *v > Decimal::ZERO {
                amount * *v / total
            } else {
                Decimal::ZERO
            };
            let floor = (share / cent).trunc() * cent;
            (*id, floor, share - floor)
        })
        .collect();
    let mut left = amount - parts.iter().map(|(_, p, _)| *p).sum::<Decimal>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|a, b| parts[*b].2.cmp(&parts[*a].2).then(a.cmp(b)));
    let step = if left < Decimal::ZERO { -cent } else { cent };
    for i in order.iter().cycle().take(parts.len() * 2) {
        if left.abs() < cent {
            break;
        }
        parts[*i].1 += step;
        left -= step;
    }
    // Sub-cent amounts (maestro* keeps four decimals) stay on the first line.
    parts[0].1 += left;
    parts.into_iter().map(|(id, p, _)| (id, p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn an_amount_spreads_to_the_cent() {
        let parts = spread(d("100.00"), &[(1, d("1")), (2, d("1")), (3, d("1"))]);
        assert_eq!(parts.iter().map(|(_, p)| *p).sum::<Decimal>(), d("100.00"));
        assert_eq!(
            parts,
            vec![(1, d("33.34")), (2, d("33.33")), (3, d("33.33"))]
        );
        let parts = spread(d("1000.005"), &[(1, d("18250.40")), (2, d("6420.15"))]);
        assert_eq!(
            parts.iter().map(|(_, p)| *p).sum::<Decimal>(),
            d("1000.005")
        );
        let negative = spread(d("-10.00"), &[(1, d("2")), (2, d("1"))]);
        assert_eq!(
            negative.iter().map(|(_, p)| *p).sum::<Decimal>(),
            d("-10.00")
        );
        assert_eq!(spread(d("5"), &[(9, Decimal::ZERO)]), vec![(9, d("5"))]);
        assert!(spread(d("5"), &[]).is_empty());
    }

    #[test]
    fn the_period_holding_the_date() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let periods = [
            Period {
                id: 1,
                start: day(10, 1),
                end: day(10, 31),
            },
            Period {
                id: 2,
                start: day(11, 1),
                end: day(11, 30),
            },
        ];
        assert_eq!(period_of(&periods, day(11, 30)), Some(2));
        assert_eq!(period_of(&periods, day(10, 1)), Some(1));
        assert_eq!(period_of(&periods, day(12, 1)), None);
    }
}
