//! Fixed-decimal text: as the standard formatter writes it, away from ties.

use patchboard::domain::decimal::fixed;
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

proptest! {
    #[test]
    fn matches_the_standard_formatter_away_from_ties(value in 0.0_f64..1e9, decimals in 0_u32..4) {
        let scaled = value * 10_f64.powi(decimals as i32);
        prop_assume!((scaled.fract() - 0.5).abs() > 1e-6);
        prop_assert_eq!(fixed(value, decimals), format!("{value:.prec$}", prec = decimals as usize));
    }
}
