//! Numbers as the screen shows them: counts with their thousands grouped,
//! and a fixed count of decimals for the percentages, sizes and pixel lengths.
//!
//! `format!("{:.1}", x)` compiles in the general float printer (Grisu and
//! Dragon with their tables, about 12 KB of wasm) for what is a multiply, a
//! round and two integers here.

/// `value` rounded half away from zero to `decimals` places (at most 9), as
/// `format!("{value:.decimals$}")` writes it but for ties, which round up in
/// magnitude here. Magnitudes beyond 10^18 / 10^decimals are out of range
/// and clamp to the largest that fits.
pub fn fixed(value: f64, decimals: u32) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let decimals = decimals.min(9);
    let scale = 10_u64.pow(decimals);
    let scaled = (value.abs() * scale as f64).round().min(1e18) as u64;
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let whole = scaled / scale;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = scaled % scale;
    format!(
        "{sign}{whole}.{fraction:0width$}",
        width = decimals as usize
    )
}

/// A share of 0–100 as a percentage with `decimals` places, never rounded
/// onto an end it has not reached: 99.98 is ">99.9%", not "100.0%", and
/// 0.004 is "<0.1%", not "0.0%", so a job with one failure left never reads
/// as complete and a phase with assets in it never reads as empty.
pub fn percent(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(9);
    let step = 1.0 / 10_f64.powi(decimals as i32);
    let text = fixed(value, decimals);
    if value > 0.0 && text == fixed(0.0, decimals) {
        format!("<{}%", fixed(step, decimals))
    } else if value < 100.0 && text == fixed(100.0, decimals) {
        format!(">{}%", fixed(100.0 - step, decimals))
    } else {
        format!("{text}%")
    }
}

/// How a count names what it counts, one and several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub one: &'static str,
    pub many: &'static str,
}

impl Noun {
    pub const ASSETS: Noun = Noun {
        one: "asset",
        many: "assets",
    };
    pub const ENDPOINTS: Noun = Noun {
        one: "endpoint",
        many: "endpoints",
    };
    pub const JOBS: Noun = Noun {
        one: "job",
        many: "jobs",
    };
    pub const DEFERRALS: Noun = Noun {
        one: "deferral",
        many: "deferrals",
    };
    pub const RUNS: Noun = Noun {
        one: "run",
        many: "runs",
    };
    pub const PATCH_CYCLES: Noun = Noun {
        one: "patch cycle",
        many: "patch cycles",
    };

    /// The word for `count` of them: one or many.
    pub fn for_count(self, count: u64) -> &'static str {
        if count == 1 {
            self.one
        } else {
            self.many
        }
    }
}

/// "1 endpoint", "2,500 endpoints".
pub fn counted(count: u64, noun: Noun) -> String {
    format!("{} {}", grouped(count), noun.for_count(count))
}

/// "12 of 100 assets": `listed` of `all`, named as `all` needs.
pub fn listed_of(listed: u64, all: u64, noun: Noun) -> String {
    format!("{} of {}", grouped(listed), counted(all, noun))
}

/// A count with its thousands grouped by commas ("100,000"): fleets run to
/// six digits, which are hard to read at a glance ungrouped.
pub fn grouped(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
