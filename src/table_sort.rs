//! How a table is sorted — a column and a direction — shared by the figures table and the
//! comparison table. No DOM here: the headers (`components::sort_header`) draw it, the
//! reducer toggles it, and [`TableSort::sort_rows`] orders a table's rows by it.

use std::cmp::Ordering;

/// The column a table is sorted by, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableSort<C> {
    pub column: C,
    pub ascending: bool,
}

/// A table starts sorted ascending by its default column.
impl<C: Default> Default for TableSort<C> {
    fn default() -> Self {
        TableSort { column: C::default(), ascending: true }
    }
}

/// Two rows compared on the sorted column, before the sort's direction is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnOrder {
    /// Both rows have a value (or the column always has one): their ascending order,
    /// reversed for a descending sort.
    Values(Ordering),
    /// At least one row has no value (drawn as "—"): `Less` when only the first has one.
    /// Never reversed, so rows without a value stay at the bottom in both directions.
    Presence(Ordering),
}

impl ColumnOrder {
    /// Orders optional values so that a missing one comes after every present one,
    /// whichever way the table is sorted.
    pub fn absent_last<T: Ord>(a: Option<T>, b: Option<T>) -> ColumnOrder {
        match (a, b) {
            (Some(a), Some(b)) => ColumnOrder::Values(a.cmp(&b)),
            (a, b) => ColumnOrder::Presence(b.is_some().cmp(&a.is_some())),
        }
    }
}

/// A plain comparison: every row has a value.
impl From<Ordering> for ColumnOrder {
    fn from(order: Ordering) -> Self {
        ColumnOrder::Values(order)
    }
}

impl<C: Copy + PartialEq> TableSort<C> {
    /// After a click on `column`'s header: the sorted column flips direction, another
    /// column becomes the sorted one, ascending.
    pub fn toggled(self, column: C) -> Self {
        if self.column == column {
            TableSort { column, ascending: !self.ascending }
        } else {
            TableSort { column, ascending: true }
        }
    }

    /// Sorts `rows` (indices into a table's data). `compare(column, a, b)` compares two rows
    /// on a column; `tie(a, b)` orders rows that compare equal, in the sort's direction, so
    /// that reversing the direction reverses the whole table.
    pub fn sort_rows(self, rows: &mut [usize], compare: impl Fn(C, usize, usize) -> ColumnOrder, tie: impl Fn(usize, usize) -> Ordering) {
        rows.sort_by(|&a, &b| match compare(self.column, a, b) {
            ColumnOrder::Values(order) | ColumnOrder::Presence(order @ Ordering::Equal) => self.directed(order.then_with(|| tie(a, b))),
            ColumnOrder::Presence(order) => order,
        });
    }

    /// An ascending `order` turned the way the table is sorted.
    fn directed(self, order: Ordering) -> Ordering {
        if self.ascending {
            order
        } else {
            order.reverse()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    enum Column {
        #[default]
        Name,
        Count,
    }

    const NAMES: [&str; 4] = ["b", "a", "d", "c"];
    const COUNTS: [Option<u32>; 4] = [Some(2), None, Some(1), Some(2)];

    fn sorted(sort: TableSort<Column>) -> Vec<usize> {
        let mut rows = vec![0, 1, 2, 3];
        sort.sort_rows(
            &mut rows,
            |column, a, b| match column {
                Column::Name => NAMES[a].cmp(NAMES[b]).into(),
                Column::Count => ColumnOrder::absent_last(COUNTS[a], COUNTS[b]),
            },
            |a, b| a.cmp(&b),
        );
        rows
    }

    #[test]
    fn starts_ascending_by_the_default_column() {
        assert_eq!(TableSort::<Column>::default(), TableSort { column: Column::Name, ascending: true });
    }

    #[test]
    fn clicking_the_sorted_column_flips_the_direction_and_another_column_sorts_ascending() {
        let sort = TableSort::<Column>::default().toggled(Column::Name);
        assert_eq!(sort, TableSort { column: Column::Name, ascending: false });
        let sort = sort.toggled(Column::Name);
        assert_eq!(sort, TableSort { column: Column::Name, ascending: true });
        let sort = sort.toggled(Column::Name).toggled(Column::Count);
        assert_eq!(sort, TableSort { column: Column::Count, ascending: true });
    }

    #[test]
    fn descending_reverses_the_whole_order_ties_included() {
        assert_eq!(sorted(TableSort { column: Column::Name, ascending: true }), [1, 0, 3, 2]);
        assert_eq!(sorted(TableSort { column: Column::Name, ascending: false }), [2, 3, 0, 1]);
    }

    #[test]
    fn rows_without_a_value_stay_last_in_both_directions() {
        // Rows 0 and 3 tie on 2: the tie-break (index) turns with the direction.
        assert_eq!(sorted(TableSort { column: Column::Count, ascending: true }), [2, 0, 3, 1]);
        assert_eq!(sorted(TableSort { column: Column::Count, ascending: false }), [3, 0, 2, 1]);
    }

    #[test]
    fn absent_values_compare_after_present_ones_and_equal_to_each_other() {
        assert_eq!(ColumnOrder::absent_last(Some(5), None), ColumnOrder::Presence(Ordering::Less));
        assert_eq!(ColumnOrder::absent_last(None, Some(5)), ColumnOrder::Presence(Ordering::Greater));
        assert_eq!(ColumnOrder::absent_last::<i32>(None, None), ColumnOrder::Presence(Ordering::Equal));
        assert_eq!(ColumnOrder::absent_last(Some(1), Some(5)), ColumnOrder::Values(Ordering::Less));
    }
}
