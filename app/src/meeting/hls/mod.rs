//! HLS, as the chapters need it: reading a playlist ([`playlist`], its date-times in [`pdt`]) and placing the
//! meeting's instants in the recording ([`clock`]). Pure: the shell fetches the playlist and hands over its text.

pub mod clock;
pub mod pdt;
pub mod playlist;

pub use clock::StreamClock;
pub use playlist::{parse, Playlist, PlaylistError, Segment, Subtitles};
