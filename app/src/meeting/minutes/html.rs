//! The minutes as an HTML fragment (an `<article>`), for the printable page. Every piece of text is
//! escaped: the record is plain text, and nothing a clerk or member typed can become markup.

use super::document::{Block, Minutes};

/// The `<article>` for `minutes`.
pub fn render(minutes: &Minutes) -> String {
    let mut out = String::from("<article class=\"minutes\">\n<header>\n");
    for line in &minutes.authority {
        out.push_str(&format!("<p class=\"authority\">{}</p>\n", escape(line)));
    }
    out.push_str(&format!("<h1>{}</h1>\n", escape(&minutes.title)));
    for block in &minutes.attendance {
        out.push_str(&format!(
            "<p class=\"attendance\"><strong>{}:</strong> {}</p>\n",
            escape(&block.label),
            escape(&block.text)
        ));
    }
    out.push_str("</header>\n");
    for part in &minutes.parts {
        out.push_str(&format!(
            "<section class=\"part\">\n<h2>{}</h2>\n",
            escape(&part.heading)
        ));
        if let Some(exclusion) = &part.exclusion {
            out.push_str(&format!(
                "<p class=\"exclusion\"><strong>{}</strong></p>\n",
                escape(exclusion)
            ));
        }
        for minute in &part.minutes {
            out.push_str(&format!(
                "<section class=\"minute\" id=\"minute-{}\">\n<h3>{}. {} <span class=\"item-ref\">{}</span></h3>\n",
                minute.number,
                minute.number,
                escape(&minute.title),
                escape(&minute.reference)
            ));
            for block in &minute.blocks {
                out.push_str(&block_html(block));
                out.push('\n');
            }
            out.push_str("</section>\n");
        }
        out.push_str("</section>\n");
    }
    if !minutes.actions_overview.is_empty() {
        out.push_str("<section class=\"part\">\n<h2>Overview of Actions</h2>\n<table>\n<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Status</th><th scope=\"col\">Owner</th><th scope=\"col\">Due date</th></tr></thead>\n<tbody>\n");
        for row in &minutes.actions_overview {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape(&row.action),
                escape(&row.status),
                escape(&row.owner),
                escape(&row.due)
            ));
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</article>\n");
    out
}

fn block_html(block: &Block) -> String {
    match block {
        Block::Text { text } => format!("<p>{}</p>", lines(text)),
        Block::Numbered { number, text } => format!(
            "<p class=\"numbered\"><span class=\"number\">{number}.</span> {}</p>",
            lines(text)
        ),
        Block::Subheading { text } => format!("<h4>{}</h4>", escape(text)),
        Block::Quote { text } => format!("<blockquote><p>{}</p></blockquote>", lines(text)),
        Block::Action { text } => {
            format!("<p class=\"action\"><strong>{}</strong></p>", lines(text))
        }
        Block::Resolved { text } => {
            format!("<p class=\"resolved\"><strong>{}</strong></p>", lines(text))
        }
        Block::Note { text } => format!("<p class=\"note\"><em>{}</em></p>", lines(text)),
    }
}

/// Escaped text with the clerk's line breaks kept.
fn lines(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("<br>")
}

/// Escapes the five characters that matter in HTML text and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_in_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
