//! Panelcast: the live meeting room of the Kent and Medway Police and Crime Panel.
//!
//! `meeting` is the pure core (rules, events, projections); `ui` is the leptos application shared by the
//! server (SSR) and the browser (hydration).
#![recursion_limit = "256"]

pub mod meeting;
