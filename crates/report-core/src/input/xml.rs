//! A small pull tokenizer for the XML of .docx files and the HTML of saved web pages: start
//! and end tags with their attributes, text with entities decoded. Lenient (HTML is rarely
//! well-formed), never recursive (nesting depth costs nothing), linear in the input.

use std::borrow::Cow;

#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    Start { name: &'a str, attrs: &'a str, self_closing: bool },
    End { name: &'a str },
    Text(Cow<'a, str>),
}

pub struct Tokenizer<'a> {
    s: &'a str,
    pos: usize,
    /// Inside `<script>`/`<style>` (HTML): text runs to the matching end tag.
    raw_until: Option<&'static str>,
    html: bool,
}

impl<'a> Tokenizer<'a> {
    pub fn xml(s: &'a str) -> Tokenizer<'a> {
        Tokenizer { s, pos: 0, raw_until: None, html: false }
    }

    pub fn html(s: &'a str) -> Tokenizer<'a> {
        Tokenizer { s, pos: 0, raw_until: None, html: true }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.s;
        loop {
            if self.pos >= s.len() {
                return None;
            }
            let rest = &s[self.pos..];
            if let Some(end_tag) = self.raw_until.take() {
                let end = find_ascii_ci(rest, end_tag).unwrap_or(rest.len());
                self.pos += end;
                if end > 0 {
                    return Some(Token::Text(Cow::Borrowed(&rest[..end])));
                }
                continue;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos += end;
                return Some(Token::Text(decode_entities(&rest[..end])));
            }
            // Comments, CDATA, declarations, processing instructions.
            if rest.starts_with("<!--") {
                self.pos += rest.find("-->").map_or(rest.len(), |e| e + 3);
                continue;
            }
            if rest.starts_with("<![CDATA[") {
                let end = rest.find("]]>").unwrap_or(rest.len());
                self.pos += (end + 3).min(rest.len());
                return Some(Token::Text(Cow::Borrowed(&rest[9.min(end)..end])));
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                self.pos += rest.find('>').map_or(rest.len(), |e| e + 1);
                continue;
            }
            let Some(close) = tag_end(rest) else {
                // A lone '<' in text.
                self.pos += 1;
                return Some(Token::Text(Cow::Borrowed("<")));
            };
            let inner = &rest[1..close];
            self.pos += close + 1;
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Token::End { name: name.trim() });
            }
            let self_closing = inner.ends_with('/');
            let inner = inner.trim_end_matches('/');
            let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
            let name = &inner[..name_end];
            if name.is_empty() {
                return Some(Token::Text(Cow::Borrowed("<")));
            }
            if self.html && !self_closing {
                if name.eq_ignore_ascii_case("script") {
                    self.raw_until = Some("</script");
                } else if name.eq_ignore_ascii_case("style") {
                    self.raw_until = Some("</style");
                }
            }
            return Some(Token::Start { name, attrs: &inner[name_end..], self_closing });
        }
    }
}

/// Where the tag starting at `s[0] == '<'` ends ('>' outside quotes).
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '>') => return Some(i),
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '<') if i == 1 => return None,
            _ => {}
        }
    }
    None
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The value of attribute `key` in a tag's attribute text.
pub fn attr<'a>(attrs: &'a str, key: &str) -> Option<Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let name_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                    (&after[1..end], &after[(end + 1).min(after.len())..])
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = tail;
            Some(value)
        } else {
            None
        };
        if name.eq_ignore_ascii_case(key) {
            return Some(decode_entities(value.unwrap_or("")));
        }
    }
}

/// Decodes character references: the XML five, numeric ones and the HTML names that
/// appear in Chinese government pages.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.char_indices().take(12).find(|&(_, c)| c == ';').map(|(k, _)| k);
        let decoded = end.and_then(|e| entity(&after[..e]).map(|c| (c, e + 2)));
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[i + used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "plusmn" => '±',
        "permil" => '‰',
        "laquo" => '«',
        "raquo" => '»',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_text() {
        let tokens: Vec<Token> =
            Tokenizer::xml(r#"<w:p a="1"><w:t xml:space='preserve'>一、&lt;甲&gt;&#x4E59;</w:t><w:br/></w:p>"#).collect();
        assert_eq!(tokens.len(), 6);
        assert!(matches!(tokens[0], Token::Start { name: "w:p", self_closing: false, .. }));
        assert_eq!(tokens[2], Token::Text(Cow::Owned("一、<甲>乙".into())));
        assert!(matches!(tokens[4], Token::Start { name: "w:br", self_closing: true, .. }));
        if let Token::Start { attrs, .. } = tokens[1] {
            assert_eq!(attr(attrs, "xml:space").as_deref(), Some("preserve"));
        }
    }

    #[test]
    fn html_script_is_raw_text_and_junk_does_not_break() {
        let tokens: Vec<Token> = Tokenizer::html("<p>甲<script>if (a<b) {}</script>乙<!-- c --> 3 < 4 <").collect();
        let texts: Vec<String> = tokens.iter().filter_map(|t| if let Token::Text(s) = t { Some(s.to_string()) } else { None }).collect();
        assert_eq!(texts, ["甲", "if (a<b) {}", "乙", " 3 ", "<", " 4 ", "<"]);
    }

    #[test]
    fn attributes_without_quotes_and_entities() {
        assert_eq!(attr(r#" charset=gb2312 "#, "charset").as_deref(), Some("gb2312"));
        assert_eq!(
            attr(r#" content="text/html; charset=GBK" http-equiv=Content-Type"#, "content").as_deref(),
            Some("text/html; charset=GBK")
        );
        assert_eq!(decode_entities("&ldquo;甲&rdquo;&nbsp;&unknown; &#0;"), "“甲”\u{A0}&unknown; &#0;");
    }

    #[test]
    fn deep_nesting_is_flat_work() {
        let deep = "<div>".repeat(5000) + "文" + &"</div>".repeat(5000);
        assert_eq!(Tokenizer::html(&deep).count(), 10001);
    }
}
