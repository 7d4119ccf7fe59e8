//! The analysis worker: report-core in a dedicated Web Worker (see `report_lens::analysis`).
//! Trunk builds it as a worker (`data-type="worker"` in index.html).

fn main() {
    report_lens::analysis::worker::start();
}
