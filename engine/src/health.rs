//! Honest-user health tallies: genuine posts, interactions, views, and who was refused.

use crate::report::{DeniedRow, HealthSeries, ScoreBand};
use crate::scenario::{Action, Gender};

/// Running health figures.
pub(crate) struct HealthTally {
    pub genuine_posts: u64,
    pub interactions: u64,
    pub views: u64,
    pub left: u32,
    /// Honest newcomers who took the place of honest users who left.
    pub newcomers: u32,
    pub wrongly_sanctioned: u32,
    pub denied_users: u32,
    hour_posts: u32,
    hour_interactions: u32,
    hour_views: u64,
    pub series: HealthSeries,
    /// [gender][band][action] → (distinct user-circle refusals, attempts).
    denied: [[[(u32, u64); 6]; 5]; 2],
}

impl HealthTally {
    /// Empty tallies for a run of `hours`.
    pub(crate) fn new(hours: u32) -> Self {
        let cap = hours as usize;
        HealthTally {
            genuine_posts: 0,
            interactions: 0,
            views: 0,
            left: 0,
            newcomers: 0,
            wrongly_sanctioned: 0,
            denied_users: 0,
            hour_posts: 0,
            hour_interactions: 0,
            hour_views: 0,
            series: HealthSeries {
                genuine_posts: Vec::with_capacity(cap),
                interactions: Vec::with_capacity(cap),
                views: Vec::with_capacity(cap),
            },
            denied: [[[(0, 0); 6]; 5]; 2],
        }
    }

    /// An honest genuine post.
    pub(crate) fn post(&mut self) {
        self.genuine_posts += 1;
        self.hour_posts += 1;
    }

    /// An honest comment, praise, tip or message.
    pub(crate) fn interaction(&mut self) {
        self.interactions += 1;
        self.hour_interactions += 1;
    }

    /// Posts viewed by an honest user.
    pub(crate) fn viewed(&mut self, n: u64) {
        self.views += n;
        self.hour_views += n;
    }

    /// An honest user refused; `first` is true the first time for this user, circle and action.
    #[expect(
        clippy::indexing_slicing,
        reason = "indexes are enum discriminants into tables sized by the enum"
    )]
    pub(crate) fn denied(&mut self, gender: Gender, credit: u16, action: Action, first: bool) {
        let g = match gender {
            Gender::Female => 0,
            Gender::Male => 1,
        };
        let b = ScoreBand::of(credit) as usize;
        let a = action as usize;
        let cell = &mut self.denied[g][b][a];
        cell.1 += 1;
        if first {
            cell.0 += 1;
        }
    }

    /// Closes the hour into the series.
    pub(crate) fn close_hour(&mut self) {
        self.series.genuine_posts.push(self.hour_posts);
        self.series.interactions.push(self.hour_interactions);
        self.series.views.push(self.hour_views);
        self.hour_posts = 0;
        self.hour_interactions = 0;
        self.hour_views = 0;
    }

    /// The non-empty rows of the refusal table.
    #[expect(
        clippy::indexing_slicing,
        reason = "indexes are enum discriminants into tables sized by the enum"
    )]
    pub(crate) fn denied_rows(&self) -> Vec<DeniedRow> {
        let mut rows = Vec::new();
        for (gi, gender) in [Gender::Female, Gender::Male].iter().enumerate() {
            for (bi, band) in ScoreBand::ALL.iter().enumerate() {
                for (ai, action) in Action::ALL.iter().enumerate() {
                    let (users, attempts) = self.denied[gi][bi][ai];
                    if attempts > 0 {
                        rows.push(DeniedRow {
                            gender: *gender,
                            band: *band,
                            action: *action,
                            users,
                            attempts,
                        });
                    }
                }
            }
        }
        rows
    }
}
