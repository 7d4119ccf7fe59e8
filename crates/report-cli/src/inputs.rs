//! What the command line names: files, directories (searched recursively for supported
//! files, in name order) and `-` for standard input.

use std::path::{Path, PathBuf};

/// Extensions of the files a directory search picks up.
pub const SUPPORTED: &[&str] = &["txt", "text", "docx", "html", "htm"];

pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// Reads and analyses the input (see `report_core::summarize_reader_with`: a text file
    /// is read into its text without holding its bytes whole beside it, and the text is
    /// freed once the analysis no longer needs it).
    pub fn analyze(&self, options: report_core::Options) -> std::io::Result<Result<report_core::Summary, report_core::InputError>> {
        let name = self.name();
        match self {
            Input::Stdin => report_core::summarize_reader_with(&mut std::io::stdin().lock(), 0, name.as_deref(), options),
            Input::File(p) => {
                let mut file = std::fs::File::open(p)?;
                let size = file.metadata().map_or(0, |m| usize::try_from(m.len()).unwrap_or(0));
                report_core::summarize_reader_with(&mut file, size, name.as_deref(), options)
            }
        }
    }

    /// The name the summary records: the file name without its directory (what a browser
    /// reports for a dropped file), none for stdin.
    pub fn name(&self) -> Option<String> {
        match self {
            Input::Stdin => None,
            Input::File(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
        }
    }

    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".into(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// Expands the arguments in order. Errors found while expanding (a missing path, an
/// unreadable directory) are printed on stderr, one line each; the flag says whether any
/// occurred.
pub fn expand(args: &[String]) -> (Vec<Input>, bool) {
    let mut out = Vec::new();
    let mut failed = false;
    for arg in args {
        if arg == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = Path::new(arg);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(path, &mut found, &mut failed);
                found.sort();
                out.extend(found.into_iter().map(Input::File));
            }
            Ok(_) => out.push(Input::File(path.to_path_buf())),
            Err(e) => {
                eprintln!("report-cli: {arg}: {e}");
                failed = true;
            }
        }
    }
    (out, failed)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, failed: &mut bool) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("report-cli: {}: {e}", dir.display());
            *failed = true;
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, found, failed),
            Ok(_) if is_supported(&path) => found.push(path),
            _ => {}
        }
    }
}

pub fn is_supported(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| SUPPORTED.iter().any(|s| s.eq_ignore_ascii_case(e)))
}
