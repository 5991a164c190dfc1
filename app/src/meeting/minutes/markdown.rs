//! The minutes as Markdown (CommonMark), for the download. Every piece of text is escaped, so a
//! paragraph that contains `*`, `<script>` or a line starting "1." reads as the clerk typed it and is
//! never markup: plain text only ("Rules and bad input").

use super::document::{Block, Minutes};

/// The Markdown rendering. Its SHA-256 is the hash a published version carries.
pub fn render(minutes: &Minutes) -> String {
    let mut out = String::new();
    for line in &minutes.authority {
        out.push_str(&format!("**{}**\n\n", escape(line)));
    }
    out.push_str(&format!("{}\n\n", escape(&minutes.title)));
    for block in &minutes.attendance {
        out.push_str(&format!(
            "**{}:** {}\n\n",
            escape(&block.label),
            escape(&block.text)
        ));
    }
    for part in &minutes.parts {
        out.push_str(&format!("## {}\n\n", escape(&part.heading)));
        if let Some(exclusion) = &part.exclusion {
            out.push_str(&format!("{}\n\n", escape(exclusion)));
        }
        for minute in &part.minutes {
            out.push_str(&format!(
                "### {}\\. {}\n\n{}\n\n",
                minute.number,
                escape(&minute.title),
                escape(&minute.reference)
            ));
            for block in &minute.blocks {
                out.push_str(&block_md(block));
                out.push_str("\n\n");
            }
        }
    }
    if !minutes.actions_overview.is_empty() {
        out.push_str(
            "## Overview of Actions\n\n| Action | Status | Owner | Due date |\n|---|---|---|---|\n",
        );
        for row in &minutes.actions_overview {
            let cell = |text: &str| escape(text).replace('|', "\\|");
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&row.action),
                cell(&row.status),
                cell(&row.owner),
                cell(&row.due)
            ));
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn block_md(block: &Block) -> String {
    match block {
        Block::Text { text } | Block::Note { text } => escape(text),
        Block::Numbered { number, text } => format!("{number}\\. {}", escape(text)),
        Block::Subheading { text } => format!("#### {}", escape(text)),
        Block::Quote { text } => escape(text)
            .lines()
            .map(|line| format!("> {line}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Action { text } | Block::Resolved { text } => format!("**{}**", escape(text)),
    }
}

/// Escapes CommonMark's punctuation that could start markup anywhere in a line, and the markers
/// that only mean something at a line's start (lists, headings, quotes, rules). Each line is
/// trimmed, so indentation cannot make a code block; blank lines between a clerk's lines are kept.
pub fn escape(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.trim();
            let mut out = String::with_capacity(line.len());
            for c in line.chars() {
                if matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&'
                ) {
                    out.push('\\');
                }
                out.push(c);
            }
            escape_line_start(out)
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

/// "1. x" → "1\. x", "- x" → "\- x", "+ x", "= x" (a setext underline) likewise.
fn escape_line_start(line: String) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let mut after = line[digits..].chars();
    let marker = matches!(after.next(), Some('.') | Some(')'));
    let then_space = after.next().is_none_or(char::is_whitespace);
    if digits > 0 && marker && then_space {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    match line.chars().next() {
        Some('-') | Some('+') | Some('=') => format!("\\{line}"),
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_paragraph_is_escaped() {
        assert_eq!(escape("<b>hi</b> *x*"), "\\<b\\>hi\\</b\\> \\*x\\*");
        assert_eq!(escape("1. a list?"), "1\\. a list?");
        assert_eq!(escape("- item\n  # head"), "\\- item  \n\\# head");
        assert_eq!(escape("3.3% rise"), "3.3% rise");
    }
}
