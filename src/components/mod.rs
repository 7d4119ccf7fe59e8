//! One component a file. Each takes `XxxProps` (data and `on<verb>` callbacks) and knows
//! nothing of the reducer: the root (`app.rs`) wires callbacks to actions.

pub mod checklist;
pub mod compare_chart;
pub mod compare_view;
pub mod confirm_dialog;
pub mod export_bar;
pub mod findings_list;
pub mod header_card;
pub mod input_panel;
pub mod metrics_table;
pub mod notices;
pub mod outline_tree;
pub mod sort_header;
pub mod tables_view;
pub mod text_view;
pub mod top_bar;
pub mod undo_bar;
