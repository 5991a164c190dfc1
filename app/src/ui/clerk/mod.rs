//! The clerk's pages. Today: single-use sign-in links for members, the chair, the Commissioner and clerks.

mod links;
mod post;

pub use links::SignInLinksPage;
