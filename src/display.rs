//! User text as the page shows it. It is always inserted as text (never HTML); this also
//! makes invisible direction controls visible, so that a hostile `U+202E` cannot reorder
//! what a reviewer reads.

use std::borrow::Cow;

/// `text` with each bidirectional control replaced by a visible tag (`⟨RLO⟩`).
pub fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_bidi_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match bidi_name(c) {
            Some(name) => {
                out.push('⟨');
                out.push_str(name);
                out.push('⟩');
            }
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn is_bidi_control(c: char) -> bool {
    bidi_name(c).is_some()
}

fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{061C}' => "ALM",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_controls_become_visible_and_the_rest_is_untouched() {
        assert_eq!(shown("打开\u{202E}资料\u{202C}"), "打开⟨RLO⟩资料⟨PDF⟩");
        assert!(matches!(shown("<script>"), Cow::Borrowed("<script>")));
    }
}
