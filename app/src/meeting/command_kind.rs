//! The name of a command without its data: the rows of the roles table (`roles.rs`), the kinds table
//! (`kind.rs`), metrics and refusals ("Only the chair can open a vote"). Its own file so that the tables
//! can name commands without importing the commands themselves (`command.rs` maps a command to its kind).

use serde::{Deserialize, Serialize};

/// Declares [`CommandKind`] and its `ALL` list from one list of names, so the two cannot drift apart.
macro_rules! command_kinds {
    ($($kind:ident),* $(,)?) => {
        /// The name of a command without its data: the rows of the roles table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum CommandKind {
            $($kind),*
        }

        impl CommandKind {
            /// Every kind, in declaration order.
            pub const ALL: [CommandKind; [$(stringify!($kind)),*].len()] = [$(CommandKind::$kind),*];

            /// The command's name on the wire (its `type` tag), for logs and metrics.
            pub fn name(self) -> &'static str {
                match self {
                    $(CommandKind::$kind => stringify!($kind)),*
                }
            }
        }
    };
}

command_kinds!(
    ScheduleMeeting,
    OpenMeeting,
    AdjournMeeting,
    ResumeMeeting,
    CloseMeeting,
    ExcludePublic,
    ReturnToPublic,
    AdvanceAgenda,
    GoBackAgenda,
    GoToItem,
    UpdateSeat,
    AppointSubstitute,
    RecordAttendance,
    DeclareInterest,
    SubmitQuestion,
    AcceptQuestion,
    RejectQuestion,
    PutQuestion,
    RecordAnswer,
    AskSupplementary,
    PromiseWrittenAnswer,
    OpenVote,
    CastBallot,
    CloseVote,
    RecordShowOfHands,
    SetHearingStage,
    ReportHearing,
    RecordCommissionerResponse,
    RecordResolution,
    AmendResolution,
    AddMinuteParagraph,
    EditMinuteParagraph,
    RemoveMinuteParagraph,
    SetItemAttendance,
    RecordAction,
    MarkActionDone,
    SetMeetingAttendance,
    SetFirstMinuteNumber,
    PublishMinutes,
    CorrectAttendance,
    VoidVote,
    AddItem,
    SetItemAside,
    OpenElectionOfChair,
    ProposeChair,
    HandBackChair,
    RecordHearingReasons,
    SetRecording,
    SetRecordingStart,
    NudgeChapter,
    WithdrawSubstitute,
    PublishSupplement,
    ReplaceItemPapers,
    PostponeMeeting,
    CancelMeeting,
    UpdateCarriedAction,
);

impl CommandKind {
    /// The action in a refusal: "Only the chair can open a vote".
    pub fn action(self) -> &'static str {
        use CommandKind::*;
        match self {
            ScheduleMeeting => "schedule a meeting",
            OpenMeeting => "open the meeting",
            AdjournMeeting => "adjourn the meeting",
            ResumeMeeting => "resume the meeting",
            CloseMeeting => "close the meeting",
            ExcludePublic => "exclude the public",
            ReturnToPublic => "return the meeting to public session",
            AdvanceAgenda => "move to the next item",
            GoBackAgenda => "move back an item",
            GoToItem => "move to an item",
            UpdateSeat => "change the membership of a seat",
            AppointSubstitute => "record a substitute",
            RecordAttendance => "record attendance",
            DeclareInterest => "record a declaration of interest",
            SubmitQuestion => "submit a question to the Commissioner",
            AcceptQuestion => "accept a question",
            RejectQuestion => "reject a question",
            PutQuestion => "put a question to the Commissioner",
            RecordAnswer => "record an answer",
            AskSupplementary => "ask a supplementary question",
            PromiseWrittenAnswer => "record that a written answer will follow",
            OpenVote => "open a vote",
            CastBallot => "vote",
            CloseVote => "close a vote",
            RecordShowOfHands => "enter a show-of-hands result",
            SetHearingStage => "move the hearing to its next stage",
            ReportHearing => "report the hearing's outcome",
            RecordCommissionerResponse => "record the Commissioner's response",
            RecordResolution => "record a resolution",
            AmendResolution => "amend a resolution",
            AddMinuteParagraph | EditMinuteParagraph | RemoveMinuteParagraph => "write the minutes",
            SetItemAttendance | SetMeetingAttendance => "record who attended for the minutes",
            RecordAction => "record an action",
            MarkActionDone => "mark an action done",
            SetFirstMinuteNumber => "set the first minute number",
            PublishMinutes => "publish the minutes",
            CorrectAttendance => "correct attendance",
            VoidVote => "void a vote",
            AddItem => "add an item on the day",
            SetItemAside => "withdraw or defer an item",
            OpenElectionOfChair => "open the election of a chair for the meeting",
            ProposeChair => "put a proposal for the chair to the vote",
            HandBackChair => "hand the chair back",
            RecordHearingReasons => "record the Panel's reasons",
            SetRecording => "set the recording",
            SetRecordingStart => "set the recording's start time",
            NudgeChapter => "nudge a chapter of the recording",
            WithdrawSubstitute => "withdraw a substitute recorded by mistake",
            PublishSupplement => "publish a supplement to the agenda",
            ReplaceItemPapers => "replace an item's papers",
            PostponeMeeting => "postpone the meeting",
            CancelMeeting => "cancel the meeting",
            UpdateCarriedAction => "update an action from an earlier meeting",
        }
    }
}
