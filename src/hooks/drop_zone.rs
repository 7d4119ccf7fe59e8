//! Dropping files anywhere on the page.

use yew::prelude::*;

/// The page as a drop target: whether files are being dragged over it (to show the
/// overlay), and the handlers to put on its root element.
pub struct DropZone {
    pub dragging: bool,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// A drop zone that hands the dropped files to `onfiles` (never an empty list).
#[hook]
pub fn use_drop_zone(onfiles: Callback<Vec<web_sys::File>>) -> DropZone {
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser opens the file instead of dropping it here.
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only when the pointer leaves the page, not when it moves between children.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = crate::services::file::files_of(e.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                onfiles.emit(files);
            }
        })
    };
    DropZone { dragging: *dragging, ondragover, ondragleave, ondrop }
}
