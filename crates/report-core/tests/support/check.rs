//! What every summary must satisfy, whatever the input: spans inside the text, the outline
//! well nested, the JSON round-trips. Used by the property tests and the fuzz crashers.

use report_core::summary::OutlineNode;
use report_core::Summary;

pub fn check(s: &Summary) {
    let chars = s.source.chars;
    let within = |span: [usize; 2]| span[0] <= span[1] && span[1] <= chars;
    for m in &s.metrics {
        assert!(within(m.span), "metric span {:?} outside 0..{chars}", m.span);
        assert!(m.line >= 1 && m.line <= s.stats.lines);
        assert!(m.value.is_finite());
    }
    for p in &s.sections {
        for span in [p.span, p.heading_span].into_iter().flatten() {
            assert!(within(span), "section span {span:?} outside 0..{chars}");
        }
    }
    assert_eq!(s.sections.len(), 5);
    fn nested(nodes: &[OutlineNode], parent: Option<&OutlineNode>, chars: usize, last_start: &mut usize) {
        for n in nodes {
            assert!(n.span[0] <= n.span[1] && n.span[1] <= chars);
            assert!(n.span[0] >= *last_start, "outline out of text order");
            *last_start = n.span[0];
            if let Some(p) = parent {
                assert!(n.level > p.level, "child level {} under {}", n.level, p.level);
                assert!(n.line > p.line);
            }
            nested(&n.children, Some(n), chars, last_start);
        }
    }
    nested(&s.outline, None, chars, &mut 0);
    let json = s.to_json();
    let back: Summary = serde_json::from_str(&json).expect("the JSON parses back");
    assert_eq!(&back, s, "the JSON round-trips");
}
