//! Levels of government: shared vocabulary below every stage (the frame reads an issuer's
//! level, the kinds' deadlines depend on it), so that neither imports the other.

use serde::Serialize;

/// The issuer's level of government.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 乡, 镇, 街道.
    Township,
    /// 县, 区, 县级市.
    County,
    /// 地级市, 州, 盟.
    City,
    /// 省, 自治区, 直辖市.
    Province,
    /// A department (局, 委, 办, 厅 …) of any level.
    Department,
    /// Not known.
    Unknown,
}

crate::names::read_by_name!(Level { Township => "township", County => "county", City => "city", Province => "province", Department => "department", Unknown => "unknown" });

impl Level {
    /// Every level, from the lowest government up, then departments and the unknown.
    pub const ALL: [Level; 6] = [Level::Township, Level::County, Level::City, Level::Province, Level::Department, Level::Unknown];

    /// The level [`Level::as_str`] names.
    pub fn from_name(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == name)
    }
}
