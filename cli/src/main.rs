//! The `backfire` command line.

fn main() {
    println!("backfire {}", backfire_engine::ENGINE_VERSION);
}
