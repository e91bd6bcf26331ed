//! Fixed-decimal text (as the standard formatter writes it, away from ties)
//! and grouped counts.

use patchboard::domain::decimal::{counted, fixed, grouped, listed_of, percent, Noun};
use proptest::prelude::*;

#[test]
fn rounds_to_the_requested_places() {
    assert_eq!(fixed(12.345, 1), "12.3");
    assert_eq!(fixed(99.96, 1), "100.0");
    assert_eq!(fixed(7.0, 0), "7");
    assert_eq!(fixed(0.004, 2), "0.00");
    assert_eq!(fixed(33.333_333, 2), "33.33");
    assert_eq!(fixed(1234.5678, 3), "1234.568");
}

#[test]
fn ties_round_away_from_zero() {
    assert_eq!(fixed(0.25, 1), "0.3");
    assert_eq!(fixed(2.5, 0), "3");
    assert_eq!(fixed(-2.5, 0), "-3");
}

#[test]
fn negatives_keep_their_sign_unless_they_round_to_zero() {
    assert_eq!(fixed(-1.26, 1), "-1.3");
    assert_eq!(fixed(-0.04, 1), "0.0");
    assert_eq!(fixed(-0.0, 0), "0");
}

#[test]
fn non_finite_values_are_named() {
    assert_eq!(fixed(f64::NAN, 1), "NaN");
    assert_eq!(fixed(f64::INFINITY, 1), "inf");
    assert_eq!(fixed(f64::NEG_INFINITY, 0), "-inf");
}

#[test]
fn counts_group_their_thousands() {
    assert_eq!(grouped(0), "0");
    assert_eq!(grouped(999), "999");
    assert_eq!(grouped(1_000), "1,000");
    assert_eq!(grouped(12_345), "12,345");
    assert_eq!(grouped(100_000), "100,000");
    assert_eq!(grouped(1_234_567), "1,234,567");
    assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
}

#[test]
fn a_percentage_reaches_an_end_only_when_the_share_does() {
    assert_eq!(percent(99.98, 1), ">99.9%");
    assert_eq!(percent(99.98, 0), ">99%");
    assert_eq!(percent(0.004, 1), "<0.1%");
    assert_eq!(percent(0.4, 0), "<1%");
    assert_eq!(percent(100.0, 1), "100.0%");
    assert_eq!(percent(0.0, 1), "0.0%");
    assert_eq!(percent(85.46, 1), "85.5%");
    assert_eq!(percent(99.94, 1), "99.9%");
}

proptest! {
    #[test]
    fn a_percentage_of_a_count_is_at_an_end_only_at_that_end(part in 0_u32..200_000, extra in 0_u32..200_000) {
        let whole = part + extra;
        prop_assume!(whole > 0);
        let text = percent(f64::from(part) * 100.0 / f64::from(whole), 1);
        prop_assert_eq!(text == "100.0%", part == whole);
        prop_assert_eq!(text == "0.0%", part == 0);
    }

    #[test]
    fn a_grouped_count_reads_back_as_the_count(count in any::<u64>()) {
        let text = grouped(count);
        prop_assert_eq!(text.replace(',', "").parse::<u64>().unwrap(), count);
        let groups: Vec<&str> = text.split(',').collect();
        prop_assert!((1..=3).contains(&groups[0].len()));
        prop_assert!(groups[1..].iter().all(|group| group.len() == 3));
    }

    #[test]
    fn matches_the_standard_formatter_away_from_ties(value in 0.0_f64..1e9, decimals in 0_u32..4) {
        let scaled = value * 10_f64.powi(decimals as i32);
        prop_assume!((scaled.fract() - 0.5).abs() > 1e-6);
        prop_assert_eq!(fixed(value, decimals), format!("{value:.prec$}", prec = decimals as usize));
    }
}

#[test]
fn counts_name_one_thing_in_the_singular_and_the_rest_in_the_plural() {
    assert_eq!(counted(1, Noun::ENDPOINTS), "1 endpoint");
    assert_eq!(counted(0, Noun::ENDPOINTS), "0 endpoints");
    assert_eq!(counted(2_500, Noun::JOBS), "2,500 jobs");
    assert_eq!(listed_of(1, 1, Noun::ASSETS), "1 of 1 asset");
    assert_eq!(listed_of(1, 100_000, Noun::ASSETS), "1 of 100,000 assets");
}
