//! Time, as the core sees it: a UTC instant passed in by the shell, and UK civil dates.
//!
//! The core never reads a clock (architecture §2.1). The shell passes `now` into `decide`, and every
//! time the core shows a clerk ("adjourned until 15:00") is computed here with integer arithmetic:
//! UK local time is GMT, or BST (GMT+1) from 01:00 UTC on the last Sunday of March until 01:00 UTC on
//! the last Sunday of October (the EU rule the UK still follows). No time-zone crate is needed.

use serde::{Deserialize, Serialize};
use std::fmt;

const MS_PER_MINUTE: i64 = 60_000;
const MS_PER_HOUR: i64 = 60 * MS_PER_MINUTE;
const MS_PER_DAY: i64 = 24 * MS_PER_HOUR;

/// The months' names as printed: "February".
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// An instant: Unix milliseconds, UTC.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

/// A calendar day (proleptic Gregorian), as printed on agendas: "Tuesday 6 December 2022".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CivilDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl CivilDate {
    pub fn new(year: i32, month: u8, day: u8) -> Self {
        Self { year, month, day }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`CivilDate::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The date `days` later (or earlier, if negative).
    pub fn plus_days(self, days: i64) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Monday = 0 … Sunday = 6. 1 January 1970 was a Thursday.
    pub fn weekday_index(self) -> usize {
        (self.days_since_epoch() + 3).rem_euclid(7) as usize
    }

    /// "Tuesday".
    pub fn weekday_name(self) -> &'static str {
        WEEKDAYS[self.weekday_index()]
    }

    /// "2022-12-06": a meeting's default id, and a date in an address.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "Tuesday 6 December 2022", the form a clerk writes.
    pub fn long_text(self) -> String {
        format!("{} {}", self.weekday_name(), self)
    }
}

impl fmt::Display for CivilDate {
    /// "6 December 2022".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .copied()
            .unwrap_or("?");
        write!(f, "{} {} {}", self.day, month, self.year)
    }
}

/// The last Sunday of a 31-day month (March or October), at 01:00 UTC, when UK clocks change.
fn clock_change(year: i32, month: u8) -> i64 {
    let last = CivilDate::new(year, month, 31);
    let sunday = last.days_since_epoch() - ((last.weekday_index() as i64 + 1) % 7);
    sunday * MS_PER_DAY + MS_PER_HOUR
}

impl Timestamp {
    /// The instant of a UTC wall-clock time.
    pub fn from_utc(date: CivilDate, hour: u8, minute: u8) -> Self {
        Self(
            date.days_since_epoch() * MS_PER_DAY
                + i64::from(hour) * MS_PER_HOUR
                + i64::from(minute) * MS_PER_MINUTE,
        )
    }

    /// The instant of a UK wall-clock time (GMT or BST). In the missing hour of the spring change
    /// the GMT reading is used; in the repeated autumn hour, the first (BST) one.
    pub fn from_london(date: CivilDate, hour: u8, minute: u8) -> Self {
        let as_gmt = Self::from_utc(date, hour, minute);
        let as_bst = Self(as_gmt.0 - MS_PER_HOUR);
        if as_bst.is_bst() {
            as_bst
        } else {
            as_gmt
        }
    }

    /// Whether UK clocks show British Summer Time at this instant.
    pub fn is_bst(self) -> bool {
        let year = CivilDate::from_days_since_epoch(self.0.div_euclid(MS_PER_DAY)).year;
        clock_change(year, 3) <= self.0 && self.0 < clock_change(year, 10)
    }

    /// UK local milliseconds since the epoch (UTC plus one hour during BST).
    fn london_ms(self) -> i64 {
        self.0 + if self.is_bst() { MS_PER_HOUR } else { 0 }
    }

    /// UK local clock time, "10:42".
    pub fn london_hm(&self) -> String {
        let minutes = self.london_ms().rem_euclid(MS_PER_DAY) / MS_PER_MINUTE;
        format!("{:02}:{:02}", minutes / 60, minutes % 60)
    }

    /// The UK local calendar date of this instant.
    pub fn london_date(&self) -> CivilDate {
        CivilDate::from_days_since_epoch(self.london_ms().div_euclid(MS_PER_DAY))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip_through_day_numbers() {
        for days in -800_000..800_000 {
            if days % 997 == 0 {
                let date = CivilDate::from_days_since_epoch(days);
                assert_eq!(date.days_since_epoch(), days);
            }
        }
        assert_eq!(CivilDate::new(1970, 1, 1).days_since_epoch(), 0);
    }

    #[test]
    fn the_seeded_meeting_days_have_their_printed_weekdays() {
        assert_eq!(
            CivilDate::new(2022, 12, 6).long_text(),
            "Tuesday 6 December 2022"
        );
        assert_eq!(
            CivilDate::new(2017, 2, 2).long_text(),
            "Thursday 2 February 2017"
        );
        assert_eq!(
            CivilDate::new(2020, 2, 6).long_text(),
            "Thursday 6 February 2020"
        );
        assert_eq!(
            CivilDate::new(2017, 3, 28).long_text(),
            "Tuesday 28 March 2017"
        );
    }

    #[test]
    fn london_time_is_gmt_in_winter_and_bst_in_summer() {
        let winter = Timestamp::from_utc(CivilDate::new(2022, 12, 6), 10, 0);
        assert_eq!(winter.london_hm(), "10:00");
        let summer = Timestamp::from_utc(CivilDate::new(2022, 9, 27), 9, 0);
        assert_eq!(summer.london_hm(), "10:00");
        assert_eq!(
            Timestamp::from_london(CivilDate::new(2022, 9, 27), 10, 0),
            summer
        );
    }

    #[test]
    fn clocks_change_at_one_in_the_morning_utc_on_the_last_sundays() {
        let spring = Timestamp::from_utc(CivilDate::new(2022, 3, 27), 1, 0);
        assert!(spring.is_bst());
        assert!(!Timestamp(spring.0 - 1).is_bst());
        assert_eq!(spring.london_hm(), "02:00");
        let autumn = Timestamp::from_utc(CivilDate::new(2022, 10, 30), 1, 0);
        assert!(!autumn.is_bst());
        assert!(Timestamp(autumn.0 - 1).is_bst());
        assert_eq!(Timestamp(autumn.0 - 1).london_hm(), "01:59");
    }

    #[test]
    fn london_date_follows_local_midnight() {
        let late = Timestamp::from_utc(CivilDate::new(2022, 6, 16), 23, 30);
        assert_eq!(late.london_date(), CivilDate::new(2022, 6, 17));
    }
}
