//! Chapters of the recording (docs/WEBCAST.md): matched to the stream's `#EXT-X-PROGRAM-DATE-TIME`, across gaps
//! in the stream, with the clerk's start time where the stream has no date-times, with private sessions cut out,
//! and with the clerk's nudges; then the WebVTT file. Table tests on hand-made histories and playlists, and one
//! meeting run through `decide` and `apply`.

use crate::common::*;
use app::meeting::chapters::{
    chapters, clock_for, pieces_of, place, vtt::chapters_vtt, Chapter, ChapterKind,
};
use app::meeting::hls::{parse, StreamClock};
use app::meeting::recording::{Exclusion, Recording};
use app::meeting::*;

const DAY: (i32, u8, u8) = (2022, 12, 6);

/// 10:mm:ss on the meeting day (GMT in December, so UTC too).
fn t(minute: u8, second: i64) -> Timestamp {
    Timestamp(at(DAY, 10, minute).0 + second * 1000)
}

/// A playlist of 2 s segments covering each `(from, to)` stretch, a date-time on every segment (`tag_every`) or
/// only on the first of each stretch, ended or not.
fn playlist(stretches: &[(Timestamp, Timestamp)], tag_every: bool, ended: bool) -> String {
    let mut text = String::from("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n");
    let mut n = 0;
    for (from, to) in stretches {
        let mut wall = from.0;
        let mut first = true;
        text.push_str("#EXT-X-DISCONTINUITY\n");
        while wall < to.0 {
            if tag_every || first {
                text.push_str(&format!("#EXT-X-PROGRAM-DATE-TIME:{}\n", iso(wall)));
            }
            text.push_str(&format!("#EXTINF:2.000000,\nsegment{n}.ts\n"));
            wall += 2000;
            n += 1;
            first = false;
        }
    }
    if ended {
        text.push_str("#EXT-X-ENDLIST\n");
    }
    text
}

/// `2022-12-06T10:01:02.000+0000`, as ffmpeg writes it.
fn iso(ms: i64) -> String {
    let day = at(DAY, 0, 0).0;
    let of_day = ms - day;
    let (h, m, s, milli) = (
        of_day / 3_600_000,
        of_day / 60_000 % 60,
        of_day / 1000 % 60,
        of_day % 1000,
    );
    format!("2022-12-06T{h:02}:{m:02}:{s:02}.{milli:03}+0000")
}

fn item(code: &str) -> ItemCode {
    ItemCode::new(code)
}

/// A history: item changes, exclusions (paragraph, from, until), close.
fn history(
    changes: &[(&str, Timestamp)],
    exclusions: &[(u8, Timestamp, Option<Timestamp>)],
    close: Option<Timestamp>,
) -> Recording {
    Recording {
        item_changes: changes.iter().map(|(code, at)| (item(code), *at)).collect(),
        exclusions: exclusions
            .iter()
            .map(|(paragraph, from, until)| Exclusion {
                paragraph: *paragraph,
                from: *from,
                until: *until,
            })
            .collect(),
        closed_at: close,
        ..Recording::default()
    }
}

fn titled(code: &ItemCode) -> Option<String> {
    (code.as_str() != "unknown").then(|| format!("Title of {code}"))
}

fn offsets(chapters: &[Chapter]) -> Vec<(String, Option<i64>)> {
    chapters
        .iter()
        .map(|c| {
            let name = match &c.kind {
                ChapterKind::Item {
                    item, continued, ..
                } => format!("{item}{}", if *continued { "+" } else { "" }),
                ChapterKind::PrivateSession { paragraph } => format!("private {paragraph}"),
            };
            (name, c.offset_ms)
        })
        .collect()
}

fn run(recording: &Recording, clock: Option<&StreamClock>) -> Vec<(String, Option<i64>)> {
    offsets(&place(pieces_of(recording, titled), recording, clock))
}

fn stream(stretches: &[(Timestamp, Timestamp)], tag_every: bool) -> StreamClock {
    StreamClock::from_playlist(&parse(&playlist(stretches, tag_every, true)).unwrap()).unwrap()
}

#[test]
fn chapter_starts_are_matched_to_the_streams_program_date_times() {
    let meeting = history(
        &[("1", t(1, 0)), ("2", t(5, 30)), ("A1", t(12, 7))],
        &[],
        Some(t(20, 0)),
    );
    let cases: [(&str, StreamClock, [Option<i64>; 3]); 4] = [
        (
            "stream from 10:00:00",
            stream(&[(t(0, 0), t(20, 0))], true),
            [Some(60_000), Some(330_000), Some(727_000)],
        ),
        (
            "stream from 10:00:10",
            stream(&[(t(0, 10), t(20, 0))], true),
            [Some(50_000), Some(320_000), Some(717_000)],
        ),
        (
            "one date-time, then durations",
            stream(&[(t(0, 10), t(20, 0))], false),
            [Some(50_000), Some(320_000), Some(717_000)],
        ),
        (
            "stream from 10:02: item 1 starts at the recording's start",
            stream(&[(t(2, 0), t(20, 0))], true),
            [Some(0), Some(210_000), Some(607_000)],
        ),
    ];
    for (name, clock, expected) in cases {
        let got: Vec<Option<i64>> = run(&meeting, Some(&clock))
            .into_iter()
            .map(|(_, o)| o)
            .collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn gaps_in_the_stream_move_a_start_to_where_the_recording_resumes_or_leave_it_unlinked() {
    // Streamed 10:00–10:10 and 10:30–10:40 (adjourned between): 300 segments, then 300 more.
    let clock = stream(&[(t(0, 0), t(10, 0)), (t(30, 0), t(40, 0))], true);
    let meeting = history(
        &[
            ("1", t(5, 0)),
            ("2", t(12, 0)),
            ("A1", t(14, 0)),
            ("B1", t(35, 0)),
            ("C1", t(45, 0)),
        ],
        &[],
        Some(t(50, 0)),
    );
    assert_eq!(
        run(&meeting, Some(&clock)),
        vec![
            ("1".into(), Some(300_000)),
            // Wholly in the gap: listed, not linked.
            ("2".into(), None),
            // Began in the gap and ran on: starts where the recording resumes.
            ("A1".into(), Some(600_000)),
            ("B1".into(), Some(900_000)),
            // After the recording ends.
            ("C1".into(), None),
        ]
    );
    let placed = place(pieces_of(&meeting, titled), &meeting, Some(&clock));
    assert_eq!(
        placed[0].end_offset_ms,
        Some(600_000),
        "item 1 ends where the first stretch does"
    );
    assert_eq!(
        placed[3].end_offset_ms,
        Some(1_200_000),
        "B1 ends with the recording"
    );
}

#[test]
fn without_date_times_the_clerks_start_time_places_the_chapters() {
    let mut meeting = history(&[("1", t(1, 0)), ("2", t(5, 30))], &[], Some(t(9, 0)));
    let text = playlist(&[(t(0, 0), t(10, 0))], false, true)
        .replace("#EXT-X-PROGRAM-DATE-TIME", "#EXT-X-COMMENT");
    let plain = parse(&text).unwrap();
    assert!(!plain.has_program_date_time());
    assert_eq!(
        clock_for(&meeting, Some(&plain)),
        None,
        "no date-times and no start time: nothing to place by"
    );
    assert_eq!(
        run(&meeting, None),
        vec![("1".into(), None), ("2".into(), None)]
    );
    meeting.starts_at = Some(t(0, 30));
    let clock = clock_for(&meeting, Some(&plain)).unwrap();
    assert_eq!(
        run(&meeting, Some(&clock)),
        vec![("1".into(), Some(30_000)), ("2".into(), Some(300_000))]
    );
    // The stream's own date-times win over the clerk's start time.
    let tagged = parse(&playlist(&[(t(0, 0), t(10, 0))], true, true)).unwrap();
    let clock = clock_for(&meeting, Some(&tagged)).unwrap();
    assert_eq!(
        run(&meeting, Some(&clock)),
        vec![("1".into(), Some(60_000)), ("2".into(), Some(330_000))]
    );
}

/// A named history and the chapters expected of it.
type Case = (&'static str, Recording, Vec<(&'static str, Option<i64>)>);

#[test]
fn private_sessions_are_cut_out_of_the_items_and_never_linked() {
    let clock = stream(&[(t(0, 0), t(59, 0))], true);
    let cases: [Case; 4] = [
        (
            "an item interrupted by a private session resumes after it",
            history(
                &[("A1", t(5, 0))],
                &[(1, t(10, 0), Some(t(20, 0)))],
                Some(t(30, 0)),
            ),
            vec![
                ("A1", Some(300_000)),
                ("private 1", None),
                ("A1+", Some(1_200_000)),
            ],
        ),
        (
            "an item reached in private shows only after the public return",
            history(
                &[("A1", t(5, 0)), ("B1", t(15, 0))],
                &[(3, t(10, 0), Some(t(20, 0)))],
                Some(t(30, 0)),
            ),
            vec![
                ("A1", Some(300_000)),
                ("private 3", None),
                ("B1+", Some(1_200_000)),
            ],
        ),
        (
            "an item taken wholly in private has no chapter",
            history(
                &[("A1", t(5, 0)), ("B1", t(12, 0)), ("C1", t(20, 0))],
                &[(1, t(10, 0), Some(t(20, 0)))],
                Some(t(30, 0)),
            ),
            vec![
                ("A1", Some(300_000)),
                ("private 1", None),
                ("C1", Some(1_200_000)),
            ],
        ),
        (
            "a private session still going on at the close ends with the meeting",
            history(&[("A1", t(5, 0))], &[(7, t(10, 0), None)], Some(t(30, 0))),
            vec![("A1", Some(300_000)), ("private 7", None)],
        ),
    ];
    for (name, recording, expected) in cases {
        let expected: Vec<(String, Option<i64>)> = expected
            .into_iter()
            .map(|(n, o)| (n.to_owned(), o))
            .collect();
        assert_eq!(run(&recording, Some(&clock)), expected, "{name}");
    }
    let unknown = history(&[("unknown", t(1, 0)), ("A1", t(2, 0))], &[], None);
    assert_eq!(
        run(&unknown, Some(&clock)),
        vec![("A1".into(), Some(120_000))],
        "an unknown item has no chapter"
    );
}

#[test]
fn a_nudge_moves_one_chapter_and_never_before_the_recordings_start() {
    let clock = stream(&[(t(0, 0), t(30, 0))], true);
    let mut recording = history(
        &[("1", t(0, 3)), ("2", t(5, 0)), ("3", t(9, 0))],
        &[],
        Some(t(20, 0)),
    );
    recording.nudges.insert(2, -5);
    recording.nudges.insert(1, -10);
    let placed = place(pieces_of(&recording, titled), &recording, Some(&clock));
    let got: Vec<(Option<i64>, i32)> = placed
        .iter()
        .map(|c| (c.offset_ms, c.nudge_seconds))
        .collect();
    assert_eq!(
        got,
        vec![(Some(0), -10), (Some(295_000), -5), (Some(540_000), 0)]
    );
}

#[test]
fn the_webvtt_file_has_a_cue_per_linked_item_and_none_for_a_private_session() {
    let clock = stream(&[(t(0, 0), t(40, 0))], true);
    let recording = history(
        &[("A1", t(5, 0)), ("B1", t(25, 0))],
        &[(1, t(10, 0), Some(t(20, 0)))],
        Some(t(30, 0)),
    );
    let placed = place(pieces_of(&recording, titled), &recording, Some(&clock));
    assert_eq!(
        chapters_vtt(&placed),
        "WEBVTT\n\
         \nchapter-1\n00:05:00.000 --> 00:10:00.000\nA1 Title of A1\n\
         \nchapter-3\n00:20:00.000 --> 00:25:00.000\nA1 Title of A1 (continued)\n\
         \nchapter-4\n00:25:00.000 --> 00:30:00.000\nB1 Title of B1\n"
    );
    assert_eq!(
        chapters_vtt(&place(pieces_of(&recording, titled), &recording, None)),
        "WEBVTT\n"
    );
}

/// The 6 December 2022 meeting, run through `decide`: the history comes from the ordinary events, the clerk's
/// commands are checked and refused in their own words, and they work after the close.
#[test]
fn the_clerk_sets_the_recording_and_nudges_a_chapter_after_the_meeting_closes() {
    let mut s = Session::new("2022-12-06", t(0, 0));
    let step = |s: &mut Session, when: Timestamp, actor: &Actor, command: Command| {
        s.now = Timestamp(when.0 - 60_000);
        s.run(actor, command);
    };
    s.attend(&["mike-hill"], AttendanceMark::Present);
    step(&mut s, t(0, 0), &chair(), Command::OpenMeeting);
    step(
        &mut s,
        t(1, 0),
        &chair(),
        Command::GoToItem { item: item("1") },
    );
    step(
        &mut s,
        t(3, 0),
        &chair(),
        Command::GoToItem { item: item("A1") },
    );
    step(
        &mut s,
        t(10, 0),
        &chair(),
        Command::ExcludePublic {
            paragraph: 1,
            item: None,
        },
    );
    step(&mut s, t(20, 0), &chair(), Command::ReturnToPublic);
    step(&mut s, t(25, 0), &chair(), Command::CloseMeeting);
    let clock = stream(&[(t(0, 0), t(26, 0))], true);
    let names: Vec<String> = chapters(&s.meeting, Some(&clock))
        .iter()
        .map(|c| c.kind.label())
        .collect();
    assert_eq!(
        names,
        vec![
            "1 Introduction/Webcast Announcement",
            "A1 Chief Constable Confirmation Hearing",
            "Private session: the public were excluded (Sch 12A para 1)",
            "A1 Chief Constable Confirmation Hearing (continued)",
        ]
    );

    let refusals = [
        (chair(), Command::SetRecording { recording_url: Some("https://example.org/r.m3u8".into()) }, "Only the clerk can set the recording"),
        (clerk(), Command::SetRecording { recording_url: Some("ftp://example.org/r.m3u8".into()) }, "The recording's address cannot be used: it must be a web address starting with http:// or https://"),
        (clerk(), Command::SetRecording { recording_url: Some("javascript:alert(1)".into()) }, "The recording's address cannot be used: it must be a web address starting with http:// or https://"),
        (clerk(), Command::SetRecording { recording_url: Some(format!("https://example.org/{}", "a".repeat(2000))) }, "The recording's address cannot be used: it is longer than 2000 characters"),
        (clerk(), Command::NudgeChapter { chapter: 3, seconds: 5 }, "Chapter 3 is a private session: its recording is never linked, so it cannot be nudged"),
        (clerk(), Command::NudgeChapter { chapter: 9, seconds: 5 }, "There is no chapter 9"),
        (clerk(), Command::NudgeChapter { chapter: 2, seconds: 601 }, "A chapter can be nudged by at most 600 seconds either way"),
        (Actor::Public, Command::NudgeChapter { chapter: 2, seconds: 5 }, "Members of the public can follow the meeting but cannot change it"),
    ];
    for (actor, command, message) in refusals {
        let refusal = s.try_run(&actor, command.clone()).unwrap_err();
        assert_eq!(refusal.to_string(), message, "{command:?}");
    }

    s.run(
        &clerk(),
        Command::SetRecording {
            recording_url: Some(" https://example.org/r.m3u8 ".into()),
        },
    );
    assert_eq!(
        s.meeting.recording().url.as_deref(),
        Some("https://example.org/r.m3u8")
    );
    assert_eq!(
        s.try_run(
            &clerk(),
            Command::SetRecording {
                recording_url: Some("https://example.org/r.m3u8".into())
            }
        ),
        Ok(vec![])
    );
    s.run(
        &clerk(),
        Command::SetRecordingStart {
            starts_at: Some(t(0, 0)),
        },
    );
    s.run(
        &clerk(),
        Command::NudgeChapter {
            chapter: 2,
            seconds: -4,
        },
    );
    let placed = chapters(&s.meeting, Some(&clock));
    assert_eq!(placed[1].offset_ms, Some(176_000));
    assert!(
        matches!(
            s.log.last(),
            Some(Event::ChapterNudged {
                chapter: 2,
                seconds: -4,
                ..
            })
        ),
        "the nudge is in the log"
    );
    s.run(
        &clerk(),
        Command::NudgeChapter {
            chapter: 2,
            seconds: 0,
        },
    );
    assert_eq!(
        chapters(&s.meeting, Some(&clock))[1].offset_ms,
        Some(180_000)
    );
}

/// The archive's view: chapters with anchors and `?t=` values, a vote and its result at the moments they
/// happened (one taken in private shown from the readmission), and the notices when nothing can be placed.
#[test]
fn the_archive_lists_chapters_and_shows_votes_at_the_moments_they_happened() {
    use app::meeting::view::{archive, PlaylistRead};
    let mut s = Session::new("2022-12-06", t(0, 0));
    let step = |s: &mut Session, when: Timestamp, actor: &Actor, command: Command| {
        s.now = Timestamp(when.0 - 60_000);
        s.run(actor, command);
    };
    s.attend(&["mike-hill", "ashley-clark"], AttendanceMark::Present);
    step(&mut s, t(0, 0), &chair(), Command::OpenMeeting);
    step(
        &mut s,
        t(1, 0),
        &chair(),
        Command::GoToItem { item: item("A1") },
    );
    let motion = Some("That the report be noted".to_owned());
    step(
        &mut s,
        t(2, 0),
        &chair(),
        Command::OpenVote {
            kind: VoteKind::GeneralResolution,
            motion,
            item: None,
        },
    );
    let hands = Command::RecordShowOfHands {
        vote: VoteId(1),
        for_: 2,
        against: 0,
        abstain: 0,
        casting_vote: None,
    };
    step(&mut s, t(3, 0), &clerk(), hands);
    step(
        &mut s,
        t(4, 0),
        &chair(),
        Command::ExcludePublic {
            paragraph: 1,
            item: None,
        },
    );
    let motion = Some("That the Panel notes the private report".to_owned());
    step(
        &mut s,
        t(5, 0),
        &chair(),
        Command::OpenVote {
            kind: VoteKind::GeneralResolution,
            motion,
            item: None,
        },
    );
    let hands = Command::RecordShowOfHands {
        vote: VoteId(2),
        for_: 2,
        against: 0,
        abstain: 0,
        casting_vote: None,
    };
    step(&mut s, t(6, 0), &clerk(), hands);
    step(&mut s, t(8, 0), &chair(), Command::ReturnToPublic);
    step(&mut s, t(10, 0), &chair(), Command::CloseMeeting);
    let text = playlist(&[(t(0, 0), t(11, 0))], true, true);
    let recording = parse(&text).unwrap();
    let url = "/webcast/demo/index.m3u8";
    let view = archive(&s.meeting, Some(url), PlaylistRead::Read(&recording), true);
    assert_eq!(
        (
            view.recording_url.as_deref(),
            view.notice.clone(),
            view.problem.clone()
        ),
        (Some(url), None, None)
    );
    let rows: Vec<(&str, Option<&str>, bool)> = view
        .chapters
        .iter()
        .map(|c| (c.anchor.as_str(), c.t.as_deref(), c.private))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("item-A1", Some("1m00s"), false),
            ("chapter-2", None, true),
            ("chapter-3", Some("8m00s"), false)
        ]
    );
    let moments: Vec<(Option<i64>, &str)> = view
        .moments
        .iter()
        .map(|m| (m.offset_ms, m.text.as_str()))
        .collect();
    assert_eq!(moments.len(), 4);
    assert_eq!(
        moments[0],
        (
            Some(120_000),
            "Vote opened: Resolution: That the report be noted"
        )
    );
    assert_eq!(moments[1].0, Some(180_000));
    assert!(
        moments[1].1.starts_with("Vote closed: Resolution: Carried"),
        "{}",
        moments[1].1
    );
    assert_eq!(
        (moments[2].0, moments[3].0),
        (Some(480_000), Some(480_000)),
        "taken in private: shown from the readmission"
    );

    let live = parse(&playlist(&[(t(0, 0), t(11, 0))], true, false)).unwrap();
    let unended = archive(&s.meeting, Some(url), PlaylistRead::Read(&live), true);
    assert_eq!(
        unended.recording_url, None,
        "the live playlist is the recording only once it has ended"
    );
    assert!(unended.problem.unwrap().contains("#EXT-X-ENDLIST"));
    let broken = archive(
        &s.meeting,
        Some(url),
        PlaylistRead::Unreadable("it is not an HLS playlist"),
        false,
    );
    assert_eq!(
        (broken.notice.as_deref(), broken.problem, broken.chapters.iter().all(|c| c.offset_ms.is_none())),
        (Some("The recording is not available yet. The items are listed with the times they began."), None, true)
    );
}
