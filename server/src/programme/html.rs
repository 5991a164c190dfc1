//! The programme pages' HTML pieces: the page around them, and GOV.UK-pattern form fields that show a
//! problem beside the field it belongs to and keep what the clerk typed.

use std::collections::BTreeMap;

use app::meeting::minutes::html::escape;
use app::meeting::programme::FormProblem;

use crate::document_page::STYLESHEET;

/// A form the clerk submitted and was refused: which form (`add-date`, `entry-7`…), what was typed, and
/// the problem.
#[derive(Clone, Debug, Default)]
pub struct Posted {
    pub form: String,
    pub values: BTreeMap<String, String>,
    pub problem: Option<FormProblem>,
}

impl Posted {
    /// What a field of `form` shows: what was typed, if this was the form submitted, else `default`.
    pub fn value(&self, form: &str, name: &str, default: &str) -> String {
        match self.values.get(name) {
            Some(typed) if self.form == form => typed.clone(),
            _ => default.to_owned(),
        }
    }

    /// The problem beside `name` of `form`, if any.
    pub fn problem_at(&self, form: &str, name: &str) -> Option<&str> {
        self.problem
            .as_ref()
            .filter(|p| self.form == form && p.field == name)
            .map(|p| p.message.as_str())
    }
}

/// A whole page: title, navigation, body.
pub fn page(title: &str, nav: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title} – Kent and Medway Police and Crime Panel</title>{STYLESHEET}</head><body>\n<nav class=\"minutes-nav\" aria-label=\"Programme\">{nav}</nav>\n<main class=\"programme\">\n{body}</main></body></html>\n",
        title = escape(title),
    )
}

/// The error summary at the top of the page, linking to the field (GOV.UK "error summary").
pub fn error_summary(posted: &Posted) -> String {
    let Some(problem) = &posted.problem else {
        return String::new();
    };
    format!(
        "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus><h2 id=\"error-summary-title\">There is a problem</h2><ul><li><a href=\"#{}\">{}</a></li></ul></div>\n",
        field_id(&posted.form, &problem.field),
        escape(&problem.message)
    )
}

/// The id of a form's field: `add-date-date`.
pub fn field_id(form: &str, name: &str) -> String {
    format!("{form}-{name}")
}

/// A labelled text input (or a textarea when `rows` is given), with its hint and problem.
pub fn text_field(
    posted: &Posted,
    form: &str,
    name: &str,
    label: &str,
    hint: Option<&str>,
    default: &str,
    rows: Option<u8>,
) -> String {
    let id = field_id(form, name);
    let value = escape(&posted.value(form, name, default));
    let problem = posted.problem_at(form, name);
    let mut described = Vec::new();
    let hint_html = hint.map_or(String::new(), |h| {
        described.push(format!("{id}-hint"));
        format!("<p class=\"hint\" id=\"{id}-hint\">{}</p>", escape(h))
    });
    let problem_html = problem.map_or(String::new(), |p| {
        described.push(format!("{id}-error"));
        format!(
            "<p class=\"error-message\" id=\"{id}-error\"><span class=\"visually-hidden\">Error:</span> {}</p>",
            escape(p)
        )
    });
    let aria = if described.is_empty() {
        String::new()
    } else {
        format!(" aria-describedby=\"{}\"", described.join(" "))
    };
    let invalid = if problem.is_some() {
        " aria-invalid=\"true\""
    } else {
        ""
    };
    let control = match rows {
        Some(rows) => format!("<textarea id=\"{id}\" name=\"{name}\" rows=\"{rows}\"{aria}{invalid}>{value}</textarea>"),
        None => format!("<input id=\"{id}\" name=\"{name}\" type=\"text\" value=\"{value}\"{aria}{invalid}>"),
    };
    let class = if problem.is_some() {
        "field field--error"
    } else {
        "field"
    };
    format!(
        "<div class=\"{class}\"><label for=\"{id}\">{}</label>{hint_html}{problem_html}{control}</div>",
        escape(label)
    )
}

/// A checkbox, ticked by default when `checked`.
pub fn checkbox(posted: &Posted, form: &str, name: &str, label: &str, checked: bool) -> String {
    let id = field_id(form, name);
    let ticked = if posted.form == form {
        posted.values.get(name).is_some_and(|v| v == "on")
    } else {
        checked
    };
    format!(
        "<div class=\"field field--checkbox\"><input id=\"{id}\" name=\"{name}\" type=\"checkbox\"{}><label for=\"{id}\">{}</label></div>",
        if ticked { " checked" } else { "" },
        escape(label)
    )
}

/// A select of `(value, label)` options.
pub fn select(
    posted: &Posted,
    form: &str,
    name: &str,
    label: &str,
    options: &[(String, String)],
    default: &str,
) -> String {
    let id = field_id(form, name);
    let chosen = posted.value(form, name, default);
    let problem = posted.problem_at(form, name);
    let options: String = options
        .iter()
        .map(|(value, text)| {
            let selected = if *value == chosen { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{selected}>{}</option>",
                escape(value),
                escape(text)
            )
        })
        .collect();
    let (problem_html, class, attributes) = match problem {
        Some(p) => (
            format!("<p class=\"error-message\" id=\"{id}-error\"><span class=\"visually-hidden\">Error:</span> {}</p>", escape(p)),
            "field field--error",
            format!(" aria-describedby=\"{id}-error\" aria-invalid=\"true\""),
        ),
        None => (String::new(), "field", String::new()),
    };
    format!(
        "<div class=\"{class}\"><label for=\"{id}\">{}</label>{problem_html}<select id=\"{id}\" name=\"{name}\"{attributes}>{options}</select></div>",
        escape(label)
    )
}

/// A form posting to the year's page: its hidden `action` and `id`, its fields, its button.
pub fn form(
    year: &str,
    action: &str,
    id: Option<u32>,
    fields: &str,
    button: &str,
    secondary: bool,
) -> String {
    let id = id.map_or(String::new(), |id| {
        format!("<input type=\"hidden\" name=\"id\" value=\"{id}\">")
    });
    let class = if secondary {
        "button button--secondary"
    } else {
        "button"
    };
    format!(
        "<form method=\"post\" action=\"/programme/{year}\" class=\"programme-form\"><input type=\"hidden\" name=\"action\" value=\"{action}\">{id}{fields}<button type=\"submit\" class=\"{class}\">{}</button></form>",
        escape(button)
    )
}
