//! The money ledger: every fen tipped is received by the author or taken as the platform's fee.

use crate::archetype;
use crate::report::{ArchetypeFlow, MoneyFlow};
use crate::scenario::Archetype;

#[derive(Clone, Copy, Default)]
struct Cell {
    payments: u64,
    fen: u64,
    fee_fen: u64,
}

/// Running money totals.
pub(crate) struct Ledger {
    pub tipped: u64,
    pub received: u64,
    pub fee: u64,
    pub transfers: u64,
    pub score_purchase: u64,
    pub evasion_spend: u64,
    pub hourly_tipped: Vec<u64>,
    this_hour: u64,
    flows: [[Cell; 11]; 11],
    /// Received per archetype, after fees.
    pub received_by: [u64; 11],
}

impl Ledger {
    /// An empty ledger for a run of `hours`.
    pub(crate) fn new(hours: u32) -> Self {
        Ledger {
            tipped: 0,
            received: 0,
            fee: 0,
            transfers: 0,
            score_purchase: 0,
            evasion_spend: 0,
            hourly_tipped: Vec::with_capacity(hours as usize),
            this_hour: 0,
            flows: [[Cell::default(); 11]; 11],
            received_by: [0; 11],
        }
    }

    /// Books a tip and returns what the author receives.
    // INVARIANT: fee + received == amount, so tipped == received + fee over the run.
    #[expect(
        clippy::indexing_slicing,
        reason = "indexes are enum discriminants into tables sized by the enum"
    )]
    pub(crate) fn tip(&mut self, from: Archetype, to: Archetype, amount: u64, fee_permille: u32) -> u64 {
        let fee = amount * u64::from(fee_permille.min(1000)) / 1000;
        let net = amount - fee;
        self.tipped += amount;
        self.fee += fee;
        self.received += net;
        self.this_hour += amount;
        let cell = &mut self.flows[archetype::index(from)][archetype::index(to)];
        cell.payments += 1;
        cell.fen += amount;
        cell.fee_fen += fee;
        self.received_by[archetype::index(to)] += net;
        net
    }

    /// Books a prepayment sent in a direct message (no fee).
    #[expect(
        clippy::indexing_slicing,
        reason = "indexes are enum discriminants into tables sized by the enum"
    )]
    pub(crate) fn transfer(&mut self, from: Archetype, to: Archetype, amount: u64) {
        self.transfers += amount;
        let cell = &mut self.flows[archetype::index(from)][archetype::index(to)];
        cell.payments += 1;
        cell.fen += amount;
        self.received_by[archetype::index(to)] += amount;
    }

    /// Closes the hour's tip total into the hourly series.
    pub(crate) fn close_hour(&mut self) {
        self.hourly_tipped.push(self.this_hour);
        self.this_hour = 0;
    }

    /// The report's view of the ledger.
    #[expect(
        clippy::indexing_slicing,
        reason = "indexes are enum discriminants into tables sized by the enum"
    )]
    pub(crate) fn flow(&self) -> MoneyFlow {
        let mut flows = Vec::new();
        for (i, from) in Archetype::ALL.iter().enumerate() {
            for (j, to) in Archetype::ALL.iter().enumerate() {
                let c = self.flows[i][j];
                if c.payments > 0 {
                    flows.push(ArchetypeFlow {
                        from: *from,
                        to: *to,
                        payments: c.payments,
                        fen: c.fen,
                        fee_fen: c.fee_fen,
                    });
                }
            }
        }
        MoneyFlow {
            tipped_fen: self.tipped,
            received_fen: self.received,
            fee_fen: self.fee,
            transfers_fen: self.transfers,
            score_purchase_fen: self.score_purchase,
            evasion_spend_fen: self.evasion_spend,
            hourly_tipped_fen: self.hourly_tipped.clone(),
            flows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fen_is_received_or_fee() {
        let mut l = Ledger::new(1);
        for (amount, fee) in [(1_u64, 10_u32), (999, 33), (20_000, 1000), (7, 0)] {
            l.tip(Archetype::GenerousTipper, Archetype::Solicitor, amount, fee);
        }
        assert_eq!(l.tipped, l.received + l.fee);
    }
}
