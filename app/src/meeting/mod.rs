//! The pure meeting core (being written): see issue 4.
