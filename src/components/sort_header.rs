//! A sortable column header (`aria-sort` and an arrow on the sorted column), shared by the
//! figures table and the comparison table.

use yew::prelude::*;

/// The `<th>` for `column`; `sorted` is the current sort (column, ascending).
pub fn sort_header<C: Copy + PartialEq + 'static>(label: String, column: C, sorted: (C, bool), onsort: &Callback<C>) -> Html {
    let (aria, arrow) = match sorted {
        (c, true) if c == column => ("ascending", " ▲"),
        (c, false) if c == column => ("descending", " ▼"),
        _ => ("none", ""),
    };
    let cb = onsort.clone();
    html! {
        <th scope="col" aria-sort={aria}>
            <button type="button" class="sort" onclick={Callback::from(move |_| cb.emit(column))}>{ label }{ arrow }</button>
        </th>
    }
}
