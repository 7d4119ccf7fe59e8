//! Reading dropped or opened files. gloo's `FileReader` stops reading when dropped, so
//! every read in flight is kept here until its callback has run.

use gloo_file::callbacks::{read_as_bytes, FileReader};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A finished read: the file's name and its bytes, or why there are none.
pub struct FileRead {
    pub name: String,
    pub bytes: Result<Vec<u8>, ReadError>,
}

pub enum ReadError {
    /// Not read: larger than the app accepts (the size in bytes).
    TooLarge(u64),
    /// The browser could not read it.
    Failed(String),
}

/// The reads in flight.
#[derive(Default, Clone)]
pub struct FileReads {
    readers: Rc<RefCell<HashMap<u64, FileReader>>>,
    next: Rc<RefCell<u64>>,
}

impl FileReads {
    /// Reads `file`; `done` gets its name and bytes (or the browser's error).
    pub fn read(&self, file: web_sys::File, done: impl FnOnce(String, Result<Vec<u8>, ReadError>) + 'static) {
        let id = {
            let mut next = self.next.borrow_mut();
            *next += 1;
            *next
        };
        let name = file.name();
        let readers = self.readers.clone();
        let file = gloo_file::File::from(file);
        let reader = read_as_bytes(&file, move |result| {
            readers.borrow_mut().remove(&id);
            done(name, result.map_err(|e| ReadError::Failed(e.to_string())));
        });
        self.readers.borrow_mut().insert(id, reader);
    }
}

/// The files of a `FileList` (from an `<input type=file>` or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
