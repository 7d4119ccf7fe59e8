//! Performance API marks, read by the in-browser benchmark (tests/e2e/bench): when input
//! arrived, when analysis started and ended, when the result was drawn.

/// Sets a mark named `name` (ignored where the Performance API is absent).
pub fn mark(name: &str) {
    if let Some(perf) = gloo_utils::window().performance() {
        let _ = perf.mark(name);
    }
}

/// Records `name` as the time between two marks.
pub fn measure(name: &str, start: &str, end: &str) {
    if let Some(perf) = gloo_utils::window().performance() {
        let _ = perf.measure_with_start_mark_and_end_mark(name, start, end);
    }
}

/// Runs `work`, recording its duration as the measure `name` (a start and an end mark
/// named after it).
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let (start, end) = (format!("{name}-start"), format!("{name}-end"));
    mark(&start);
    let result = work();
    mark(&end);
    measure(name, &start, &end);
    result
}
