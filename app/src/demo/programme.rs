//! The demo's meeting dates and work programmes, read from the seeds' own text by the same importer a
//! clerk uses: 2020/21 from the February 2020 pack (S0:1313-1351) and 2022/23 from the December 2022 pack
//! (S4:2037-2064).

use crate::meeting::programme::{
    decide, import_programme, Programme, ProgrammeCommand, ProgrammeEvent, YearKey,
};
use crate::meeting::Actor;

const YEAR_2020_21: &str = include_str!("programme_2020-21.txt");
const YEAR_2022_23: &str = include_str!("programme_2022-23.txt");

/// Each demo year with the events that write its programme.
pub fn demo_programmes() -> Vec<(YearKey, Vec<ProgrammeEvent>)> {
    [("2020/21", YEAR_2020_21), ("2022/23", YEAR_2022_23)]
        .into_iter()
        .filter_map(|(year, text)| {
            let year = YearKey::parse(year)?;
            let read = import_programme(text).ok()?;
            let clerk = Actor::Clerk {
                name: "Panel officers".to_owned(),
            };
            let command = ProgrammeCommand::Import {
                programme: read.programme,
            };
            let events = decide(&Programme::default(), &clerk, &year, &command).ok()?;
            Some((year, events))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::programme::replay;

    #[test]
    fn both_demo_years_read_whole() {
        let years = demo_programmes();
        assert_eq!(years.len(), 2);
        let dates: Vec<usize> = years
            .iter()
            .map(|(_, e)| replay(e).meetings.len())
            .collect();
        assert_eq!(dates, [7, 4]);
        let entries: usize = replay(&years[1].1)
            .meetings
            .iter()
            .map(|m| m.entries.len())
            .sum();
        assert_eq!(entries, 8);
        assert_eq!(replay(&years[1].1).note.len(), 2);
        assert_eq!(replay(&years[0].1).provisional.len(), 2);
    }
}
