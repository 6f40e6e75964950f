//! The one random generator of a run: xoshiro256++ seeded from the scenario's seed.
//!
//! xoshiro256++ rather than a 128-bit PCG: its steps are 64-bit shifts, rotations and additions, which
//! wasm32 runs natively, where a 128-bit multiply per draw is emulated and made browser runs about 2.5×
//! slower than native. Its output is specified, so every platform draws the same numbers.
//!
//! Only `u32`/`u64` are drawn (never `usize`, which is 32 bits on wasm32), and floats go through
//! basic arithmetic and `libm`, so native and wasm32 draw the same numbers.

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// Quantiles of the unit exponential distribution used for visit gaps (a logarithm per draw was a tenth of a run).
const EXP_STEPS: usize = 1024;

// INVARIANT: a 64-bit draw's top 10 bits index the quantile tables.
const _: () = assert!(EXP_STEPS == 1 << 10);

/// The unit exponential distribution's quantile at the middle of the i-th of [`EXP_STEPS`] equal slices.
fn exp_quantile(i: usize) -> f64 {
    -libm::log(1.0 - (i as f64 + 0.5) / EXP_STEPS as f64)
}

/// Every quantile of [`exp_quantile`], worked out once for the tables built from them.
pub(crate) struct ExpQuantiles(Box<[f64; EXP_STEPS]>);

impl ExpQuantiles {
    /// The unit exponential's quantiles.
    pub(crate) fn new() -> ExpQuantiles {
        let mut q = Box::new([0.0; EXP_STEPS]);
        for (i, x) in q.iter_mut().enumerate() {
            *x = exp_quantile(i);
        }
        ExpQuantiles(q)
    }
}

/// Whole hours of an exponential draw with a fixed mean, by quantile: `(mean × quantile) as u32`, worked out
/// once per rule set, so a feed glance reads its age, and a visit the gap to the next, from a table instead of
/// dividing, multiplying and converting a float (the same hours to the last bit: the same product, rounded down
/// the same way).
pub(crate) struct ExpHours {
    hours: Box<[u32; EXP_STEPS]>,
}

impl ExpHours {
    /// The table for an exponential with this mean.
    pub(crate) fn new(mean: f64, quantiles: &ExpQuantiles) -> ExpHours {
        let mut hours = Box::new([0_u32; EXP_STEPS]);
        for (h, q) in hours.iter_mut().zip(quantiles.0.iter()) {
            *h = (mean * q) as u32;
        }
        ExpHours { hours }
    }
}

/// The seeded generator with the few draws the model needs.
pub(crate) struct Dice {
    rng: Xoshiro256PlusPlus,
    /// The unit exponential's quantiles, for [`Dice::exponential_fast`].
    exp_table: ExpQuantiles,
    spare_normal: Option<f64>,
}

impl Dice {
    /// A generator seeded from the scenario's seed.
    pub(crate) fn new(seed: u64) -> Self {
        Dice {
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
            exp_table: ExpQuantiles::new(),
            spare_normal: None,
        }
    }

    /// An exponential draw with this mean, from the quantile table (resolution 1/1,024 of probability;
    /// the far tail is cut at 7.6 means, which visit gaps do not miss).
    pub(crate) fn exponential_fast(&mut self, mean: f64) -> f64 {
        let i = (self.rng.next_u32() >> 22) as usize;
        mean * self.exp_table.0.get(i).copied().unwrap_or(1.0)
    }

    /// Whole hours of an exponential draw through `table`: the same draw as [`Dice::exponential_fast`] with
    /// the table's mean, rounded down.
    #[inline(always)]
    #[expect(
        clippy::indexing_slicing,
        reason = "the top 10 bits of a 32-bit draw are below EXP_STEPS = 1,024, the table's length"
    )]
    pub(crate) fn hours(&mut self, table: &ExpHours) -> u32 {
        table.hours[(self.rng.next_u32() >> 22) as usize]
    }

    /// One 64-bit draw split two ways, for the feed's hot path: whole hours of an exponential draw (the top
    /// 10 bits, through `table`, as [`Dice::exponential_fast`] with the table's mean, rounded down) and an
    /// independent uniform 32-bit word (the low 32 bits).
    #[inline(always)]
    #[expect(
        clippy::indexing_slicing,
        reason = "the top 10 bits of a 64-bit draw are below EXP_STEPS = 1,024, the table's length"
    )]
    pub(crate) fn hours_and_word(&mut self, table: &ExpHours) -> (u32, u32) {
        let r = self.rng.next_u64();
        (table.hours[(r >> 54) as usize], r as u32)
    }

    /// A uniform 32-bit draw.
    #[cfg(test)]
    pub(crate) fn u32(&mut self) -> u32 {
        self.rng.next_u32()
    }

    /// A uniform draw in `0..n` (0 when `n` is 0), by multiply-shift; the bias is below 2⁻³² and irrelevant here.
    pub(crate) fn below(&mut self, n: u32) -> u32 {
        ((u64::from(self.rng.next_u32()) * u64::from(n)) >> 32) as u32
    }

    /// A uniform float in `[0, 1)` with 53 random bits.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }

    /// True with probability `p` (clamped to 0–1).
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A standard normal draw (Box–Muller; the pair's second value is kept for the next call).
    pub(crate) fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare_normal.take() {
            return z;
        }
        let u1 = 1.0 - self.unit();
        let u2 = self.unit();
        let r = libm::sqrt(-2.0 * libm::log(u1));
        let (sin, cos) = libm::sincos(2.0 * core::f64::consts::PI * u2);
        self.spare_normal = Some(r * sin);
        r * cos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_draws() {
        let mut a = Dice::new(7);
        let mut b = Dice::new(7);
        for _ in 0..100 {
            assert_eq!(a.u32(), b.u32());
        }
    }

    #[test]
    fn hour_tables_give_the_float_draws_rounded_down() {
        let q = ExpQuantiles::new();
        for mean in [1.0, 4.0, 24.0 / 5.0, 24.0 / 7.0, 24.0] {
            let table = ExpHours::new(mean, &q);
            let (mut a, mut b) = (Dice::new(9), Dice::new(9));
            for _ in 0..5000 {
                assert_eq!(a.hours(&table), b.exponential_fast(mean) as u32, "mean {mean}");
            }
        }
    }

    #[test]
    fn below_stays_below() {
        let mut d = Dice::new(1);
        for n in [1_u32, 2, 3, 17, 1000] {
            for _ in 0..1000 {
                assert!(d.below(n) < n);
            }
        }
        assert_eq!(d.below(0), 0);
    }

    #[test]
    fn unit_is_in_range() {
        let mut d = Dice::new(3);
        for _ in 0..10_000 {
            let u = d.unit();
            assert!((0.0..1.0).contains(&u));
        }
    }
}
