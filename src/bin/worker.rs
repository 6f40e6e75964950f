//! Entry point of the simulation Web Worker (built by Trunk as `worker.js` + `worker_bg.wasm`).

use gloo::worker::Registrable;

fn main() {
    backfire_app::sim_worker::SimWorker::registrar().register();
}
