//! The hub as the leptos app's [`MeetingService`] (server functions call it through the leptos context).

use std::{future::Future, pin::Pin};

use app::api::ssr::MeetingService;
use app::meeting::carried::RegisterEntry;
use app::meeting::view::ArchiveView;
use app::meeting::{project, Actor, Command, MeetingView};
use app::protocol::{AppError, MeetingSummary, Receipt};

use crate::{hub::Hub, security::rate::RateLimits};

impl MeetingService for Hub {
    fn list(&self) -> Vec<MeetingSummary> {
        summaries(self)
    }

    fn view(&self, meeting: &str, viewer: &Actor) -> Option<(u64, MeetingView)> {
        let current = self.get(meeting)?.current();
        Some((current.seq, project(&current.meeting, viewer)))
    }

    fn archive(
        &self,
        meeting: &str,
        viewer: &Actor,
    ) -> Pin<Box<dyn Future<Output = Option<ArchiveView>> + Send + 'static>> {
        let (hub, meeting, viewer) = (self.clone(), meeting.to_owned(), viewer.clone());
        Box::pin(async move { crate::archive::view(&hub, &meeting, &viewer).await })
    }

    fn carried_actions(&self, meeting: &str, viewer: &Actor) -> Option<Vec<RegisterEntry>> {
        crate::actions::register(self, meeting, viewer)
    }

    fn execute(
        &self,
        meeting: &str,
        actor: Actor,
        command: Command,
    ) -> Pin<Box<dyn Future<Output = Result<Receipt, AppError>> + Send + 'static>> {
        let handle = self.get(meeting);
        let command = crate::minutes::with_numbering(self, meeting, command);
        let command = crate::actions::with_carried(self, meeting, command);
        Box::pin(async move {
            match handle {
                Some(handle) => handle.execute(actor, command).await,
                None => Err(AppError::NotFound),
            }
        })
    }
}

/// The hub behind the rate limits (`crate::security::rate`): what the server functions call.
pub struct Limited {
    pub hub: Hub,
    pub rates: RateLimits,
}

impl MeetingService for Limited {
    fn list(&self) -> Vec<MeetingSummary> {
        self.hub.list()
    }

    fn view(&self, meeting: &str, viewer: &Actor) -> Option<(u64, MeetingView)> {
        self.hub.view(meeting, viewer)
    }

    fn archive(
        &self,
        meeting: &str,
        viewer: &Actor,
    ) -> Pin<Box<dyn Future<Output = Option<ArchiveView>> + Send + 'static>> {
        self.hub.archive(meeting, viewer)
    }

    fn carried_actions(&self, meeting: &str, viewer: &Actor) -> Option<Vec<RegisterEntry>> {
        self.hub.carried_actions(meeting, viewer)
    }

    fn execute(
        &self,
        meeting: &str,
        actor: Actor,
        command: Command,
    ) -> Pin<Box<dyn Future<Output = Result<Receipt, AppError>> + Send + 'static>> {
        match self.rates.command(&actor, command.kind()) {
            Ok(()) => self.hub.execute(meeting, actor, command),
            Err(limited) => {
                let error = crate::security::app_error(&limited);
                Box::pin(async move { Err(error) })
            }
        }
    }
}

/// Every meeting's summary, latest date first (by the meeting's date, which a postponement changes, not its
/// id); whether it is upcoming is judged against today's date in the UK.
pub fn summaries(hub: &Hub) -> Vec<MeetingSummary> {
    let today = crate::clock::now().london_date();
    let mut list: Vec<MeetingSummary> = hub
        .meetings()
        .into_iter()
        .map(|(_, handle)| {
            let view = project(&handle.current().meeting, &Actor::Public);
            MeetingSummary::of(&view, today)
        })
        .collect();
    list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.when.cmp(&a.when)));
    list
}
