//! Pareto ranking for the fix frontier, as NSGA-II does it (Deb et al. 2002): non-domination ranks by repeated
//! peeling, and crowding distance within a rank. Both objectives are minimised.

/// Whether point `a` dominates `b`: no worse on both objectives and better on one (both are minimised).
pub(crate) fn dominates(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.0 && a.1 <= b.1 && (a.0 < b.0 || a.1 < b.1)
}

/// Each point's non-domination rank (0 is the frontier), by repeated peeling.
pub(crate) fn ranks(points: &[(f64, f64)]) -> Vec<u32> {
    let mut rank = vec![u32::MAX; points.len()];
    let mut level = 0;
    let mut left = points.len();
    while left > 0 {
        let current: Vec<usize> = (0..points.len())
            .filter(|&i| rank.get(i) == Some(&u32::MAX))
            .filter(|&i| {
                points
                    .iter()
                    .enumerate()
                    .all(|(k, &q)| rank.get(k) != Some(&u32::MAX) || points.get(i).is_none_or(|&p| !dominates(q, p)))
            })
            .collect();
        for &i in &current {
            if let Some(r) = rank.get_mut(i) {
                *r = level;
            }
        }
        left -= current.len().max(1).min(left);
        level += 1;
    }
    rank
}

/// Crowding distance of each point within its rank (NSGA-II): boundary points get infinity.
pub(crate) fn crowding(points: &[(f64, f64)], rank: &[u32]) -> Vec<f64> {
    let mut out = vec![0.0; points.len()];
    let levels = rank
        .iter()
        .copied()
        .filter(|&r| r != u32::MAX)
        .max()
        .map_or(0, |m| m + 1);
    for level in 0..levels {
        let members: Vec<usize> = (0..points.len()).filter(|&i| rank.get(i) == Some(&level)).collect();
        for axis in 0..2 {
            let value = |i: usize| points.get(i).map_or(0.0, |p| if axis == 0 { p.0 } else { p.1 });
            let mut sorted = members.clone();
            sorted.sort_by(|&a, &b| {
                value(a)
                    .partial_cmp(&value(b))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.cmp(&b))
            });
            let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
                continue;
            };
            let span = value(hi) - value(lo);
            for (k, &i) in sorted.iter().enumerate() {
                let d = if k == 0 || k + 1 == sorted.len() || span <= 0.0 {
                    f64::INFINITY
                } else {
                    let prev = sorted.get(k - 1).map_or(0.0, |&p| value(p));
                    let next = sorted.get(k + 1).map_or(0.0, |&n| value(n));
                    (next - prev) / span
                };
                if let Some(slot) = out.get_mut(i) {
                    *slot += d;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_peel_the_frontier_first() {
        let points = [(1.0, 5.0), (2.0, 2.0), (3.0, 3.0), (5.0, 1.0), (4.0, 4.0)];
        assert_eq!(ranks(&points), vec![0, 0, 1, 0, 2]);
        assert!(dominates((1.0, 1.0), (1.0, 2.0)) && !dominates((1.0, 2.0), (1.0, 2.0)));
    }

    #[test]
    fn crowding_favours_the_ends_and_the_lonely() {
        let points = [(0.0, 4.0), (1.0, 3.0), (3.0, 1.0), (4.0, 0.0), (3.5, 0.5)];
        let c = crowding(&points, &ranks(&points));
        assert!(c[0].is_infinite() && c[3].is_infinite());
        assert!(c[1] > c[4], "{c:?}");
    }
}
