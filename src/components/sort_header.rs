//! A sortable column header (`aria-sort` and an arrow on the sorted column), shared by the
//! figures table and the comparison table.

use crate::table_sort::TableSort;
use yew::prelude::*;

/// The `<th>` for `column` of a table sorted as `sorted`.
pub fn sort_header<C: Copy + PartialEq + 'static>(label: String, column: C, sorted: TableSort<C>, onsort: &Callback<C>) -> Html {
    let (aria, arrow) = match sorted {
        TableSort { column: c, ascending: true } if c == column => ("ascending", " ▲"),
        TableSort { column: c, ascending: false } if c == column => ("descending", " ▼"),
        _ => ("none", ""),
    };
    let cb = onsort.clone();
    html! {
        <th scope="col" aria-sort={aria}>
            <button type="button" class="sort" onclick={Callback::from(move |_| cb.emit(column))}>{ label }{ arrow }</button>
        </th>
    }
}
