//! Prints MODEL.md's table of assumptions from the catalogue (`cargo run -p backfire-engine --example assumption_table`).
fn main() {
    for row in backfire_engine::assumptions::ASSUMPTIONS {
        println!(
            "| `{}` | {} | {} | {} | {} | {} |",
            row.field,
            row.label,
            row.show(row.default),
            row.bounds_text(),
            row.meaning,
            row.source
        );
    }
}
