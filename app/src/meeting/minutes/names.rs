//! Names as the minutes print them (seeds-brief §3, §4.1): the agenda's "Councillor Peter Feacey"
//! becomes "Cllr P Feacey" in PRESENT (initials and surname, S4:89), "Cllr Feacey" in a sentence
//! ("Cllr Clark declared …", S4:98), and "Cllr Peter Feacey" beside a question (S4:183). Titles are kept
//! ("Mr", "Mrs", "Cllr Mrs"), honours after a comma ("Mr P M Hill, OBE").

/// Words that are titles, and how the minutes spell them.
const TITLES: [(&str, &str); 12] = [
    ("Councillor", "Cllr"),
    ("Cllr", "Cllr"),
    ("Mr", "Mr"),
    ("Mrs", "Mrs"),
    ("Ms", "Ms"),
    ("Miss", "Miss"),
    ("Dr", "Dr"),
    ("Sir", "Sir"),
    ("Dame", "Dame"),
    ("Lord", "Lord"),
    ("Lady", "Lady"),
    ("Professor", "Prof"),
];

/// A name split into its titles, given names, surname and honours.
struct Parts<'a> {
    titles: Vec<&'static str>,
    given: Vec<&'a str>,
    surname: Option<&'a str>,
    honours: Option<&'a str>,
}

fn parts(name: &str) -> Parts<'_> {
    let (main, honours) = match name.split_once(',') {
        Some((main, honours)) => (main, Some(honours.trim()).filter(|h| !h.is_empty())),
        None => (name, None),
    };
    let mut words: Vec<&str> = main.split_whitespace().collect();
    let mut titles = vec![];
    while let Some(first) = words.first() {
        let bare = first.trim_end_matches('.');
        match TITLES
            .iter()
            .find(|(word, _)| word.eq_ignore_ascii_case(bare))
        {
            Some((_, short)) if words.len() > 1 => {
                titles.push(*short);
                words.remove(0);
            }
            _ => break,
        }
    }
    let surname = words.pop();
    Parts {
        titles,
        given: words,
        surname,
        honours,
    }
}

/// "Councillor Peter Feacey" → "Cllr P Feacey"; "Mr P M Hill, OBE" stays as it is.
pub fn initials(name: &str) -> String {
    let p = parts(name);
    let mut out: Vec<String> = p.titles.iter().map(|t| (*t).to_owned()).collect();
    out.extend(
        p.given
            .iter()
            .filter_map(|g| g.chars().next())
            .map(|c| c.to_uppercase().to_string()),
    );
    out.extend(p.surname.map(str::to_owned));
    with_honours(out.join(" "), p.honours)
}

/// "Councillor Ashley Clark" → "Cllr Clark", for sentences.
pub fn short(name: &str) -> String {
    let p = parts(name);
    let mut out: Vec<&str> = p.titles.clone();
    out.extend(p.surname);
    out.join(" ")
}

/// "Councillor Ashley Clark" → "Cllr Ashley Clark", beside a question (S4:183).
pub fn full(name: &str) -> String {
    let p = parts(name);
    let mut out: Vec<&str> = p.titles.clone();
    out.extend(p.given.iter().copied());
    out.extend(p.surname);
    with_honours(out.join(" "), p.honours)
}

/// The surname, for sorting PRESENT as the seeds do (S4:89: Chittenden, Clark, Feacey, …).
pub fn surname(name: &str) -> String {
    parts(name).surname.unwrap_or(name).to_lowercase()
}

fn with_honours(name: String, honours: Option<&str>) -> String {
    match honours {
        Some(h) => format!("{name}, {h}"),
        None => name,
    }
}

/// "A", "A and B", "A, B and C" (S4:89).
pub fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_print_as_the_minutes_print_them() {
        let cases = [
            ("Councillor Peter Feacey", "Cllr P Feacey", "Cllr Feacey"),
            ("Mr Mike Hill", "Mr M Hill", "Mr Hill"),
            ("Mr P M Hill, OBE", "Mr P M Hill, OBE", "Mr Hill"),
            (
                "Councillor Mrs Jenny Hollingsbee",
                "Cllr Mrs J Hollingsbee",
                "Cllr Mrs Hollingsbee",
            ),
            (
                "Councillor Shane Mochrie-Cox",
                "Cllr S Mochrie-Cox",
                "Cllr Mochrie-Cox",
            ),
            ("Plato", "Plato", "Plato"),
        ];
        for (name, initials_form, short_form) in cases {
            assert_eq!(initials(name), initials_form, "{name}");
            assert_eq!(short(name), short_form, "{name}");
        }
        assert_eq!(full("Councillor Ashley Clark"), "Cllr Ashley Clark");
    }

    #[test]
    fn lists_join_with_and() {
        let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(list(&names(&[])), "");
        assert_eq!(list(&names(&["A"])), "A");
        assert_eq!(list(&names(&["A", "B", "C"])), "A, B and C");
    }
}
