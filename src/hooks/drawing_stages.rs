//! A newly shown report is drawn in stages, a task each, so that its first drawing never
//! holds the page for long: building the elements of a whole report and laying them out
//! in a fresh page (fonts looked up, text shaped for the first time) was the page's longest
//! task. The verdict comes first, the text next, the long lists last. Long lists of their
//! own (a chart's bars) are drawn a part per task.

use crate::hooks::page::after_paint;
use crate::services::perf;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How much of the shown report is drawn, in the order it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Drawn {
    /// The header card, the export bar, the checklist and the findings.
    Verdict,
    /// And the text.
    Text,
    /// And the outline, the standard tables and the figures table.
    Everything,
}

impl Drawn {
    fn mark(self) -> &'static str {
        match self {
            Drawn::Verdict => "drawn: verdict",
            Drawn::Text => "drawn: text",
            Drawn::Everything => "drawn: everything",
        }
    }

    fn next(self) -> Option<Drawn> {
        match self {
            Drawn::Verdict => Some(Drawn::Text),
            Drawn::Text => Some(Drawn::Everything),
            Drawn::Everything => None,
        }
    }
}

/// How much of the report `shown` (its id) is drawn: a report shown anew starts from the
/// verdict and gains a stage per task; the same report drawn again (a correction, a sort)
/// stays whole.
#[hook]
pub fn use_drawing_stages(shown: Option<u64>) -> Drawn {
    let stage = use_state(|| (shown, Drawn::Verdict));
    let drawn = if stage.0 == shown { stage.1 } else { Drawn::Verdict };
    use_effect_with((shown, drawn), move |&(shown, drawn)| {
        if shown.is_some() {
            // For the benchmark: when each stage was drawn.
            perf::mark(drawn.mark());
        }
        let more = drawn.next().map(|next| Timeout::new(0, move || stage.set((shown, next))));
        // Another report shown meanwhile starts its own stages.
        move || drop(more)
    });
    drawn
}

/// How many of `total` items are drawn: `per_task` in the first drawing, and `per_task`
/// more in a task after each paint, so that a long list (a chart's bars for 200 reports)
/// is drawn, and laid out, a part at a time. Starts again when `total` changes.
#[hook]
pub fn use_drawn_in_parts(total: usize, per_task: usize) -> usize {
    let drawn = use_state_eq(|| (total, per_task.min(total)));
    let count = if drawn.0 == total { drawn.1 } else { per_task.min(total) };
    use_effect_with((total, count), move |&(total, count)| {
        if count < total {
            after_paint(move || drawn.set((total, (count + per_task).min(total))));
        }
    });
    count
}

/// Whether what waits for `ready` may be drawn: from the first paint after `ready` turns
/// true (a chart after its table, the second chart after the first one's bars).
#[hook]
pub fn use_drawn_after_paint(ready: bool) -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with(ready, move |&ready| {
            if ready {
                after_paint(move || painted.set(true));
            }
        });
    }
    *painted
}
