//! Gregorian → Hijri conversion with the arithmetical (tabular, civil) Islamic calendar.
//!
//! The tabular calendar agrees with the official calendars (Umm al-Qura, moon sighting) to
//! within a day or two; broadcasters who follow a local announcement shift it with
//! `adjust_days`.
use chrono::{Datelike, NaiveDate};

/// A date of the Hijri calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HijriDate {
    /// Year (AH).
    pub year: i64,
    /// Month, 1–12 (1 = Muharram).
    pub month: u32,
    /// Day of the month, 1–30.
    pub day: u32,
}

/// Julian day number of 1 Muharram 1 AH (16 July 622, Julian calendar), civil epoch.
const EPOCH_JDN: i64 = 1_948_440;
/// Julian day number of 0001-01-01 (proleptic Gregorian) minus chrono's day count of it (1).
const CE_TO_JDN: i64 = 1_721_425;

/// English month names in order, as the AP style writes them.
pub const ENGLISH_MONTHS: [&str; 12] = [
    "Muharram",
    "Safar",
    "Rabi al-Awwal",
    "Rabi al-Thani",
    "Jumada al-Ula",
    "Jumada al-Akhirah",
    "Rajab",
    "Shaban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qadah",
    "Dhu al-Hijjah",
];

/// The Hijri date of `date`, shifted by `adjust_days` (negative: earlier).
pub fn to_hijri(date: NaiveDate, adjust_days: i32) -> HijriDate {
    let jdn = i64::from(date.num_days_from_ce()) + CE_TO_JDN + i64::from(adjust_days);
    from_jdn(jdn)
}

/// Julian day number of a Hijri date.
pub fn to_jdn(date: HijriDate) -> i64 {
    let year = date.year;
    let months_before = i64::from(date.month.clamp(1, 12)) - 1;
    // Months alternate 30 and 29 days; ceil(29.5 × m).
    let days_in_year_before = (59 * months_before + 1) / 2;
    i64::from(date.day)
        + days_in_year_before
        + (year - 1) * 354
        + (3 + 11 * year).div_euclid(30)
        + EPOCH_JDN
        - 1
}

fn from_jdn(jdn: i64) -> HijriDate {
    let year = (30 * (jdn - EPOCH_JDN) + 10_646).div_euclid(10_631);
    let start_of_year = to_jdn(HijriDate {
        year,
        month: 1,
        day: 1,
    });
    let day_of_year = jdn - start_of_year; // 0-based
                                           // First month whose start lies after the day: month m starts at ceil(29.5 × (m − 1)).
    let month = (1..=12)
        .rev()
        .find(|m| (59 * (m - 1) + 1) / 2 <= day_of_year)
        .unwrap_or(1);
    let day = day_of_year - (59 * (month - 1) + 1) / 2 + 1;
    HijriDate {
        year,
        month: month as u32,
        day: day as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gregorian(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn hijri(year: i64, month: u32, day: u32) -> HijriDate {
        HijriDate { year, month, day }
    }

    #[test]
    fn known_dates_of_the_tabular_calendar() {
        // The epoch: 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian).
        assert_eq!(to_hijri(gregorian(622, 7, 19), 0), hijri(1, 1, 1));
        // Reference values of the civil tabular calendar (Fourmilab's calendar converter).
        assert_eq!(to_hijri(gregorian(2000, 1, 1), 0), hijri(1420, 9, 24));
        assert_eq!(to_hijri(gregorian(2024, 3, 11), 0), hijri(1445, 9, 1));
        assert_eq!(to_hijri(gregorian(2026, 11, 29), 0), hijri(1448, 6, 18));
    }

    #[test]
    fn adjustment_shifts_the_day() {
        assert_eq!(to_hijri(gregorian(2026, 11, 29), 1), hijri(1448, 6, 19));
        assert_eq!(to_hijri(gregorian(2026, 11, 29), -1), hijri(1448, 6, 17));
    }

    #[test]
    fn every_day_round_trips_and_months_have_29_or_30_days() {
        let mut previous: Option<HijriDate> = None;
        let start = gregorian(1990, 1, 1);
        for offset in 0..20_000 {
            let date = start + chrono::Duration::days(offset);
            let h = to_hijri(date, 0);
            assert!(
                (1..=12).contains(&h.month) && (1..=30).contains(&h.day),
                "{h:?}"
            );
            assert_eq!(
                to_jdn(h),
                i64::from(date.num_days_from_ce()) + CE_TO_JDN,
                "{date}"
            );
            if let Some(p) = previous {
                let next_day = h.day == p.day + 1 && h.month == p.month;
                let next_month = h.day == 1 && (p.day == 29 || p.day == 30);
                assert!(next_day || next_month, "{p:?} → {h:?}");
            }
            previous = Some(h);
        }
    }
}
