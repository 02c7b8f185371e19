//! Tests of the parser's nesting, read through the walk's blocks.

use super::*;

fn blocks(html: &str) -> Vec<(String, usize)> {
    super::super::walk::walk(html)
        .blocks
        .into_iter()
        .map(|b| (b.text, b.link_chars))
        .collect()
}

fn texts(html: &str) -> Vec<String> {
    blocks(html).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn math_is_read_as_inline_text_without_its_tex_source() {
    assert_eq!(
        texts(
            "<p>When <math><semantics><mi>a</mi><mo>&ne;</mo><mn>0</mn>\
             <annotation encoding='application/x-tex'>a \\neq 0</annotation></semantics></math>, \
             there are two.</p><math/><p>after</p>"
        ),
        ["When a ≠ 0 , there are two.", "after"]
    );
    // Unclosed: the formula runs to the end of the page; no panic.
    assert_eq!(texts("<p>x <math><mi>y</mi><annotation>z"), ["x y"]);
    // A `<` at the end of the input is text, in a formula too.
    assert_eq!(texts("<p>x <math><mi>y<"), ["x y <"]);
    assert_eq!(texts("<p>x <math></math>"), ["x"]);
    // An unclosed tag ending in a multi-byte character (found by fuzzing).
    assert_eq!(texts("<p>x <math><mi>y</mi><aü"), ["x y"]);
}

#[test]
fn inline_elements_hidden_by_their_attributes_are_not_read() {
    assert_eq!(
        texts(
            "<p>The <span style='display: none'>hidden </span>council \
             <b aria-hidden=true>icon</b><span hidden>x</span>met \
             <span class=hidden-xs>today</span>.</p>"
        ),
        ["The council met today."]
    );
}

#[test]
fn custom_elements_are_inline_inside_a_paragraph_only() {
    assert_eq!(
        texts("<p>a <x-formula>b</x-formula> c</p><x-card>d</x-card><x-card>e</x-card>"),
        ["a b c", "d", "e"]
    );
}

#[test]
fn implied_end_tags_split_blocks() {
    assert_eq!(
        texts("<p>one<p>two<div>three</div>four"),
        ["one", "two", "three", "four"]
    );
    assert_eq!(
        texts("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>"),
        ["a", "b", "c", "d"]
    );
    assert_eq!(
        texts("<dl><dt>term<dd>def<dt>t2</dl>"),
        ["term", "def", "t2"]
    );
    assert_eq!(
        texts("<table><tr><td>a<td>b<tr><th>c</table>after"),
        ["a", "b", "c", "after"]
    );
    assert_eq!(texts("<h2>one<h3>two</h2>three"), ["one", "two", "three"]);
}

#[test]
fn stray_and_misnested_end_tags() {
    // `</div>` inside a cell may not close the div around the table.
    let w = super::super::walk::walk(
        "<div class=x><table><tr><td>cell</div>still cell</td></tr></table>after</div>",
    );
    let t: Vec<&str> = w.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(t, ["cellstill cell", "after"]);
    // An inline end tag does not close a block; stray ones are ignored.
    assert_eq!(
        texts("<div><span><p>a</span>b</p>c</div></span></i>"),
        ["ab", "c"]
    );
}

#[test]
fn misnested_links_close_where_they_end() {
    // `<a><p>text</a>`: the link ends at `</a>` though a block opened inside it.
    let b = blocks("<a href=x><p>link</a> plain text</p><p>more plain</p>");
    assert_eq!(b[0], ("link plain text".to_string(), 4));
    assert_eq!(b[1], ("more plain".to_string(), 0));
    // A link between table rows does not wrap the cells.
    let b = blocks("<table><tr><a href=x><td>cell text</td></tr></table>");
    assert_eq!(b[0], ("cell text".to_string(), 0));
    // A jump target is not a link.
    assert_eq!(blocks("<p><a name=top>Heading</a></p>")[0].1, 0);
}

#[test]
fn raw_text_comments_and_doctype() {
    let html = "<!DOCTYPE html><!-- <p>no</p> --><html><head><title>T &amp; U</title>\
                <style>p{}</style><script>if (a<b) document.write('<p>x</p>')</script>\
                </head><body><p>yes</p><textarea><p>no</p></textarea><svg><text>no</text></svg>\
                <!--> <p>after empty comment</p><?php echo ?><p>1 &lt; 2 &AMP;</p>";
    let w = super::super::walk::walk(html);
    let t: Vec<&str> = w.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(t, ["yes", "after empty comment", "1 < 2 &"]);
    assert_eq!(w.meta.title.as_deref(), Some("T & U"));
}

#[test]
fn attributes_are_read_with_any_quoting() {
    let w = super::super::walk::walk(
        "<HTML LANG=de><meta property='og:title' content=\"A &quot;B&quot;\"><body>\
         <p>x</p><link rel=canonical href=/a?x=1&amp;y=2>",
    );
    assert_eq!(w.meta.lang.as_deref(), Some("de"));
    assert_eq!(
        w.meta.metas[0],
        ("og:title".to_string(), "A \"B\"".to_string())
    );
    assert_eq!(w.meta.canonical.as_deref(), Some("/a?x=1&y=2"));
}

#[test]
fn unclosed_constructs_end_cleanly() {
    assert!(texts("<p>text<a href='x").len() == 1);
    assert_eq!(texts("<p>a<!-- never closed <p>b"), ["a"]);
    assert_eq!(texts("<p>a<script>var x;"), ["a"]);
    assert_eq!(texts("<p>a < b and c<"), ["a < b and c<"]);
}

#[test]
fn text_that_leaked_or_was_lost_before_issue_14() {
    // Script data escaping: a script writing a script stays a script.
    assert_eq!(
        texts("<p>a<script><!--document.write('<script></script>');//--></script>b</p>"),
        ["ab"]
    );
    // An end tag's attributes may hold a quoted `>`.
    assert_eq!(texts("a<script></script x=\">\" y>b"), ["ab"]);
    // Nested templates: the outer one ends at its own end tag.
    assert_eq!(
        texts("<template><template>a</template>LEAK</template><p>x"),
        ["x"]
    );
    let w = super::super::walk::walk(
        "<template><script type=application/ld+json>{}</script></template>\
         <script type=application/ld+json>{\"a\":1}</script>",
    );
    assert_eq!(w.meta.json_ld, ["{\"a\":1}"]);
    // An SVG left open ends with the element around it.
    assert_eq!(texts("<div><svg></div>a"), ["a"]);
    assert_eq!(texts("<div><svg><path></div>a"), ["a"]);
    assert_eq!(texts("<svg><g>x</g><p>breaks out"), ["breaks out"]);
    assert_eq!(
        texts("<svg><foreignObject><p>drawn</p></foreignObject></svg>after"),
        ["after"]
    );
    // `<input>` ends a select; so does a second `<select>`.
    assert_eq!(texts("<select><input>X"), ["X"]);
    assert_eq!(texts("<select><option>a<select>X"), ["X"]);
    assert_eq!(texts("<table><tr><td><select><option>a<td>B"), ["B"]);
    // `--!>` ends a comment.
    assert_eq!(texts("a<!-- c --!>b"), ["ab"]);
    // `</p>` with no open paragraph breaks the block.
    assert_eq!(texts("<div>a</p>b</div>"), ["a", "b"]);
    // `</dialog>` closes the paragraph inside it.
    assert_eq!(texts("<dialog><p>foo</dialog>bar"), ["foo", "bar"]);
    // A frameset page's stray text is not the page's.
    assert_eq!(texts("<frameset></frameset>stray"), Vec::<String>::new());
    // A formula ends where a paragraph breaks out of it.
    assert_eq!(texts("<p>a <math><mi>x</mi><p>b"), ["a x", "b"]);
    assert_eq!(
        texts("<p>a <math><![CDATA[x < y]]></math> b"),
        ["a x < y b"]
    );
}

#[test]
fn a_form_directly_in_a_table_holds_no_rows() {
    let w = super::super::walk::walk("<table><form><tr><td>a</td></tr></table>");
    let td = w.blocks[0].parent;
    let tr = w.elements[td].parent.unwrap();
    let parent_of_row = w.elements[tr].parent.unwrap();
    // html, body, table, the empty form, tr, td.
    assert_eq!(w.elements.len(), 6);
    assert_eq!(parent_of_row, 2, "the row sits in the table, not the form");
}

#[test]
fn depth_is_capped_and_stray_end_tags_are_cheap() {
    let deep = "<div>".repeat(50_000) + "deep" + &"</div>".repeat(50_000);
    assert_eq!(texts(&deep), ["deep"]);
    // 200,000 stray `</div>` under 3,000 open inline elements: each
    // looks at no more than `SCAN_LIMIT` open elements, and none at all
    // once the count of open divs says there is nothing to find.
    let stray =
        "<div><table><tr><td>".to_string() + &"<span>".repeat(3000) + &"</div>".repeat(200_000);
    let (_, work) = super::super::walk::walk_counted(&stray);
    assert!(work.scanned <= SCAN_LIMIT + 10, "{work:?}");
    // Without the count, every end tag would scan: still linear, but capped.
    let stray = "<div>".to_string() + &"<span>".repeat(3000) + &"</i>".repeat(200_000);
    let (_, work) = super::super::walk::walk_counted(&stray);
    assert!(work.scanned <= 10, "{work:?}");
}

#[test]
fn duplicate_attributes_are_found_in_linear_work() {
    // 50,000 attributes on one tag (issue 14: 6.5 s when each was
    // compared with all earlier ones, 1.25 billion comparisons).
    let attrs: String = (0..50_000).map(|i| format!(" a{i}=x")).collect();
    let html = format!("<p{attrs} a7=dup class=c>text</p>");
    let (w, work) = super::super::walk::walk_counted(&html);
    assert_eq!(w.blocks[0].text, "text");
    assert!(work.attr_compares < 4 * 50_000, "{work:?}");
    // The first of a duplicated name wins, with or without the index.
    let mut p = Attrs::default();
    for i in 0..40 {
        let name = format!("n{}", i % 30);
        if p.is_new(&name) {
            p.push(Cow::Owned(name), Cow::Owned(i.to_string()));
        }
    }
    assert_eq!(p.list.len(), 30);
    assert_eq!(p.get("n3"), Some("3"));
    assert_eq!(p.get("n29"), Some("29"));
    assert_eq!(p.get("n30"), None);
    let w = super::super::walk::walk("<html lang=de LANG=fr><p>x");
    assert_eq!(w.meta.lang.as_deref(), Some("de"));
}

#[test]
fn plaintext_reads_character_references_literally() {
    // Found by the html5ever oracle fuzz target: `<plaintext>` runs to the
    // end of the input with no character references decoded.
    assert_eq!(
        texts("<p>a &amp; b</p><plaintext>x &amp; y &#0 <b>z</b>"),
        ["a & b", "x &amp; y &#0 <b>z</b>"]
    );
}

#[test]
fn table_parts_outside_a_table_are_ignored() {
    // The standard ignores `<td>`, `<tr>`, `<caption>`, … in the body.
    assert_eq!(texts("a<td>b</td>c"), ["abc"]);
    assert_eq!(texts("<p>a<tr><th>b<caption>c</p>d"), ["abc", "d"]);
    // Found by the html5ever oracle fuzz target: a stray `<th>` kept as a
    // cell stopped `</s>` from closing the `<s>` (and the drawing inside
    // it) below the cell, and the page after it was lost in the drawing.
    assert_eq!(texts("<s>a<th>b<svg><th>x</s>after"), ["abafter"]);
    // In a table they still open rows and cells.
    assert_eq!(texts("<table><tr><td>a<div><td>b</table>"), ["a", "b"]);
}

#[test]
fn a_formatting_end_tag_closes_what_lies_above_the_last_block_in_it() {
    // Found by the html5ever oracle fuzz target: the adoption agency's
    // second round pops the copy of `<s>` and the drawing above the `<dd>`,
    // so the text after `</s>` is the page's again.
    assert_eq!(texts("<s><dd><svg></s>after"), ["after"]);
    assert_eq!(texts("<b><div>a<video></b>after"), ["aafter"]);
    // A foreignObject is special: the drawing around it stays open.
    assert_eq!(
        texts("<s><dd><svg><foreignObject></s>hidden"),
        Vec::<String>::new()
    );
}

#[test]
fn a_hidden_formatting_element_is_reopened_after_a_block_closes_it() {
    // Found by the html5ever oracle fuzz target: the standard re-opens the
    // unclosed `<b hidden>` inside the second paragraph, so "," is hidden.
    assert_eq!(texts("<P><B\thidden><P>,"), Vec::<String>::new());
    assert_eq!(texts("<p>a<b style='display:none'>x<p>y</b>z"), ["a", "z"]);
    // Closed by its own end tag: nothing to re-open.
    assert_eq!(texts("<p><b hidden></b><p>,"), [","]);
    // A stray end tag takes the closed entry off the list.
    assert_eq!(texts("<p><b hidden>x<p></b>,"), [","]);
    // A cell is a marker: what was opened in it stays in it.
    assert_eq!(texts("<table><td><b hidden>x</td><td>y"), ["y"]);
    // A visible formatting element re-opened changes no block.
    assert_eq!(texts("<p><b>x<p>y"), ["x", "y"]);
}

#[test]
fn a_visible_formatting_element_is_reopened_on_the_parsers_stack_only() {
    // Found by the html5ever oracle fuzz target: the standard re-opens the
    // `<s>` closed by the first `<dd>` before the drawing in the second, so
    // `</s>` closes the drawing with it and the text after it is read.
    assert_eq!(texts("<s><dd>x<dd><svg></s>y"), ["x", "y"]);
    assert_eq!(texts("<t><dd><<s><dd><svg></s>{[{"), ["<", "{[{"]);
    // The same for an element that hides itself, opened inside the copy.
    assert_eq!(texts("<p><s>one<p>two<span hidden>x</s>y"), ["one", "twoy"]);
    // The copy is not shown to the walk: a link closed by a block does
    // not make the next paragraph link text.
    assert_eq!(
        blocks("<p><a href=/x>link text<p>the next paragraph"),
        [
            ("link text".to_string(), 9),
            ("the next paragraph".to_string(), 0)
        ]
    );
    // Nothing is re-opened inside a marker, nor before a block start tag.
    assert_eq!(texts("<p><s>x<p><table><td><svg></s>y"), ["x"]);
    let reopened = |html: &str| run(html, &mut super::super::walk::State::new()).reopened;
    assert_eq!(reopened("<p><b>x<p><div></div>"), 0);
    assert_eq!(reopened("<p><b>x<p><span></span>"), 1);
}

#[test]
fn reopened_formatting_elements_are_bounded() {
    // Noah's Ark: a fourth identical entry drops the first; and the list
    // is capped, so every text re-opens a bounded number of copies.
    let reopened = |html: &str| run(html, &mut super::super::walk::State::new()).reopened;
    let same = format!("<p>{}{}", "<b hidden>".repeat(100), "<p>x".repeat(100));
    assert_eq!(reopened(&same), 3 * 100);
    let distinct: String = (0..100).map(|i| format!("<i hidden title={i}>")).collect();
    let many = format!("<p>{distinct}{}", "<p>x".repeat(100));
    assert_eq!(reopened(&many), formatting::MAX_ENTRIES * 100);
    assert!(texts(&many).is_empty());
}
