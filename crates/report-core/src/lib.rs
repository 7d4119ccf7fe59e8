pub mod decode;
pub mod document;
pub mod lines;
pub mod normalize;
pub mod numerals;
pub mod outline;
