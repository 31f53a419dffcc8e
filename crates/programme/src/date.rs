//! Calendar dates as programme records know them: a day, or only a month, a
//! season or a year («høsten 2010», «november 2010»).
//!
//! A [`Date`] is the *range* it names: `2010-11` is every day of November
//! 2010. Rules compare ranges by their first day ([`Date::start`]) unless
//! they say otherwise, so «from autumn 2010» counts from 1 September 2010.
//!
//! Written by hand rather than with a date crate: the store keeps dates as
//! ISO text, the records need month, season and year precision, and the
//! rules need only whole-month arithmetic with end-of-month clamping and day
//! counts, which take a few lines on top of Howard Hinnant's civil-day
//! algorithms (public domain, <https://howardhinnant.github.io/date_algorithms.html>).

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How precisely a [`Date`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// One day: `2010-11-14`.
    Day,
    /// One month: `2010-11`.
    Month,
    /// One season of three months: `2010-autumn`.
    Season,
    /// One year: `2010`.
    Year,
}

/// A season of three months, as Norwegian and Danish evaluators date things
/// («våren 2011», «høsten 2010»). Winter starts in December of its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Autumn,
    /// December to February (of the next year).
    Winter,
}

impl Season {
    /// Every season, in calendar order.
    pub const ALL: [Season; 4] = [
        Season::Spring,
        Season::Summer,
        Season::Autumn,
        Season::Winter,
    ];

    /// The first month of the season (3, 6, 9 or 12).
    pub fn first_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }

    /// The name used in the text form (`spring`, `summer`, `autumn`, `winter`).
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }
}

/// A date of day, month, season or year precision; ordered by first day,
/// then by precision (finer first).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
    precision: Precision,
}

/// The years a [`Date`] may name. Programme records are about the present
/// era; a year outside is a typing error, not a date.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Why a text is not a [`Date`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a date as YYYY-MM-DD, YYYY-MM, YYYY-spring|summer|autumn|winter or YYYY (years {min}–{max}), found {found:?}", min = YEARS.start(), max = YEARS.end())]
pub struct DateError {
    /// The text that was given (at most 40 characters of it).
    pub found: String,
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
                29
            } else {
                28
            }
        }
    }
}

/// Days since 1970-01-01 of a civil date (Hinnant's `days_from_civil`).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

impl Date {
    /// A day; `None` unless it exists in the calendar and the year is in [`YEARS`].
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        (YEARS.contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Date {
            year,
            month,
            day,
            precision: Precision::Day,
        })
    }

    /// A whole month.
    pub fn month_of(year: i32, month: u8) -> Option<Date> {
        (YEARS.contains(&year) && (1..=12).contains(&month)).then_some(Date {
            year,
            month,
            day: 1,
            precision: Precision::Month,
        })
    }

    /// A season of a year (winter starts in December of `year`).
    pub fn season_of(year: i32, season: Season) -> Option<Date> {
        YEARS.contains(&year).then_some(Date {
            year,
            month: season.first_month(),
            day: 1,
            precision: Precision::Season,
        })
    }

    /// A whole year.
    pub fn year_of(year: i32) -> Option<Date> {
        YEARS.contains(&year).then_some(Date {
            year,
            month: 1,
            day: 1,
            precision: Precision::Year,
        })
    }

    /// The year of the first day.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month (1–12) of the first day.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month of the first day.
    pub fn day(self) -> u8 {
        self.day
    }

    /// How precisely the date is known.
    pub fn precision(self) -> Precision {
        self.precision
    }

    /// The season, for a date of season precision.
    pub fn season(self) -> Option<Season> {
        (self.precision == Precision::Season)
            .then(|| {
                Season::ALL
                    .into_iter()
                    .find(|s| s.first_month() == self.month)
            })
            .flatten()
    }

    /// The first day of the range.
    pub fn start(self) -> Date {
        Date {
            precision: Precision::Day,
            ..self
        }
    }

    /// The last day of the range.
    pub fn end(self) -> Date {
        match self.precision {
            Precision::Day => self,
            Precision::Month => self.start().add_months(1).add_days(-1),
            Precision::Season => self.start().add_months(3).add_days(-1),
            Precision::Year => Date {
                year: self.year,
                month: 12,
                day: 31,
                precision: Precision::Day,
            },
        }
    }

    /// Days since 1970-01-01 of the first day.
    pub fn day_number(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The day `n` days after the first day (before it if `n` is negative),
    /// of day precision. Saturates at the ends of [`YEARS`].
    pub fn add_days(self, n: i64) -> Date {
        let (y, m, d) = civil_from_days(self.day_number().saturating_add(n));
        if y < *YEARS.start() {
            return Date::ymd(*YEARS.start(), 1, 1).expect("valid");
        }
        if y > *YEARS.end() {
            return Date::ymd(*YEARS.end(), 12, 31).expect("valid");
        }
        Date {
            year: y,
            month: m,
            day: d,
            precision: Precision::Day,
        }
    }

    /// The same day of the month `n` months after the first day, clamped to
    /// the month's last day (31 January + 1 month = 28 or 29 February); of
    /// day precision. Saturates at the ends of [`YEARS`].
    pub fn add_months(self, n: i32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(n);
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        if year < i64::from(*YEARS.start()) {
            return Date::ymd(*YEARS.start(), 1, 1).expect("valid");
        }
        if year > i64::from(*YEARS.end()) {
            return Date::ymd(*YEARS.end(), 12, 31).expect("valid");
        }
        let year = year as i32;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
            precision: Precision::Day,
        }
    }

    /// Days from `earlier`'s first day to this date's first day (negative if
    /// `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }

    /// Whole months from `earlier`'s first day to this date's first day: the
    /// largest `n` with `earlier + n months <= self` (negative when `earlier`
    /// is later: the smallest such `n` in magnitude with the same rule
    /// applied backwards).
    pub fn months_since(self, earlier: Date) -> i32 {
        let (a, b) = (earlier.start(), self.start());
        if b < a {
            return -a.months_since(b);
        }
        let mut n = (b.year - a.year) * 12 + i32::from(b.month) - i32::from(a.month);
        if a.add_months(n) > b {
            n -= 1;
        }
        n
    }

    /// Parses the text form: `YYYY-MM-DD`, `YYYY-MM`, `YYYY-<season>` or `YYYY`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let err = || DateError {
            found: s.chars().take(40).collect(),
        };
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let mut parts = s.split('-');
        let y = parts
            .next()
            .filter(|p| p.len() == 4 && digits(p))
            .ok_or_else(err)?;
        let year: i32 = y.parse().map_err(|_| err())?;
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return Err(err());
        }
        let two = |t: &str| -> Option<u8> {
            (t.len() == 2 && digits(t))
                .then(|| t.parse().ok())
                .flatten()
        };
        let date = match (second, third) {
            (None, None) => Date::year_of(year),
            (Some(m), None) => match Season::ALL.into_iter().find(|x| x.code() == m) {
                Some(season) => Date::season_of(year, season),
                None => two(m).and_then(|m| Date::month_of(year, m)),
            },
            (Some(m), Some(d)) => match (two(m), two(d)) {
                (Some(m), Some(d)) => Date::ymd(year, m, d),
                _ => None,
            },
            (None, Some(_)) => None,
        };
        date.ok_or_else(err)
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day, self.precision).cmp(&(
            other.year,
            other.month,
            other.day,
            other.precision,
        ))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Season => write!(
                f,
                "{:04}-{}",
                self.year,
                self.season().map_or("?", Season::code)
            ),
            Precision::Year => write!(f, "{:04}", self.year),
        }
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a date as YYYY-MM-DD, YYYY-MM, YYYY-spring|summer|autumn|winter or YYYY",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
            // A spreadsheet may hand a bare year over as a number.
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Date, E> {
                i32::try_from(v)
                    .ok()
                    .and_then(Date::year_of)
                    .ok_or_else(|| {
                        E::custom(DateError {
                            found: v.to_string(),
                        })
                    })
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Date, E> {
                i32::try_from(v)
                    .ok()
                    .and_then(Date::year_of)
                    .ok_or_else(|| {
                        E::custom(DateError {
                            found: v.to_string(),
                        })
                    })
            }
        }
        d.deserialize_any(V)
    }
}

/// A span of whole years, as plan periods are written («2010-2013»).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    /// The first year.
    pub from: i32,
    /// The last year (inclusive).
    pub to: i32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parses_and_prints_every_precision() {
        for s in [
            "2010-11-14",
            "2010-11",
            "2010-autumn",
            "2010-winter",
            "2010",
        ] {
            assert_eq!(d(s).to_string(), s);
        }
        for bad in [
            "",
            "10-11-14",
            "2010-13",
            "2010-02-30",
            "2010-1-01",
            "2010-11-14-1",
            "2010-fall",
            "1899",
            "2201-01",
            "2010--01",
            "２０１０",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(d("2012-02-29").day(), 29);
        assert!(Date::parse("2011-02-29").is_err());
    }

    #[test]
    fn ranges_start_and_end() {
        assert_eq!(d("2010-autumn").start(), d("2010-09-01"));
        assert_eq!(d("2010-autumn").end(), d("2010-11-30"));
        assert_eq!(d("2010-winter").end(), d("2011-02-28"));
        assert_eq!(d("2012-02").end(), d("2012-02-29"));
        assert_eq!(d("2010").end(), d("2010-12-31"));
        assert!(d("2010-11") < d("2010-11-02"));
        assert!(d("2010-11-01") < d("2010-11"), "finer precision first");
    }

    #[test]
    fn month_arithmetic_clamps_and_counts() {
        assert_eq!(d("2010-01-31").add_months(1), d("2010-02-28"));
        assert_eq!(d("2009-10-01").add_months(6), d("2010-04-01"));
        assert_eq!(d("2010-03-31").add_months(-1), d("2010-02-28"));
        assert_eq!(d("2010-11-01").months_since(d("2009-10-01")), 13);
        assert_eq!(d("2010-03-31").months_since(d("2010-01-31")), 2);
        assert_eq!(d("2010-03-30").months_since(d("2010-01-31")), 1);
        assert_eq!(d("2009-10-01").months_since(d("2010-11-01")), -13);
        assert_eq!(d("2010-03-01").days_since(d("2010-02-01")), 28);
        assert_eq!(d("2000-01-01").day_number(), 10_957);
        assert_eq!(d("2200-12-31").add_days(10), d("2200-12-31"));
    }

    #[test]
    fn serde_uses_the_text_form() {
        let json = serde_json::to_string(&d("2010-autumn")).unwrap();
        assert_eq!(json, "\"2010-autumn\"");
        let back: Date = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d("2010-autumn"));
        let year: Date = serde_json::from_str("2011").unwrap();
        assert_eq!(year, d("2011"));
        assert!(serde_json::from_str::<Date>("\"2010-02-30\"").is_err());
    }

    proptest::proptest! {
        #[test]
        fn day_numbers_round_trip(n in -25_000i64..80_000) {
            let base = d("1970-01-01");
            let x = base.add_days(n);
            proptest::prop_assert_eq!(x.day_number(), n);
            proptest::prop_assert_eq!(Date::parse(&x.to_string()).unwrap(), x);
        }

        #[test]
        fn months_since_inverts_add_months(n in 0i64..60_000, k in -600i32..600) {
            let a = d("1950-01-01").add_days(n);
            let b = a.add_months(k);
            let m = b.months_since(a);
            // Clamping to the month's end can only lose days, never a month.
            proptest::prop_assert!(m == k || (a.day() > 28 && (m - k).abs() <= 1));
            proptest::prop_assert!(a.add_months(m) <= b || m < 0);
        }
    }
}
