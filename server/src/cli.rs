//! The server's command line: `serve` (default), `sign-in-link`, `schedule-meeting`, `verify-log` and
//! `verify-votes` ([`crate::verify_votes`]).

use anyhow::Context;
use app::api::ssr::Identity;
use app::meeting::{Actor, MemberId};
use clap::{Parser, Subcommand};

use crate::{auth::Auth, config::Settings, startup::Application, store::EventStore};

#[derive(Debug, Parser)]
#[command(
    name = "server",
    about = "Panelcast: the live meeting room of the Kent and Medway Police and Crime Panel"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Serve the site (the default).
    Serve {
        /// Print sign-in links for the demo chair, a member, the Commissioner and a clerk at start.
        #[arg(long)]
        demo_links: bool,
    },
    /// Check the hash chain of every meeting's event log; exits non-zero if any link is broken.
    VerifyLog,
    /// Schedule a meeting from its summons, a JSON file in the shape of `POST /api/v1/meetings` (the
    /// demo meetings' summonses are examples: `GET /api/v1/meetings/{id}/summons`). Recorded as the clerk
    /// named by `--clerk`. A server on SQLite serves it after its next start; servers on PostgreSQL at once.
    ScheduleMeeting {
        /// The summons (`MeetingSpec`) as JSON.
        #[arg(long)]
        file: std::path::PathBuf,
        /// The clerk the log records as scheduling it.
        #[arg(long)]
        clerk: String,
    },
    /// Check a meeting's published vote record (the JSON of `GET /api/v1/meetings/{id}/votes`) against the
    /// event log: the hash chain, every result recounted from its rows, and every row against the log.
    /// Exits non-zero, naming each edited row, if anything differs.
    VerifyVotes {
        /// The meeting's id, e.g. `2022-12-06`.
        #[arg(long)]
        meeting: String,
        /// The published record as downloaded.
        #[arg(long)]
        file: std::path::PathBuf,
    },
    /// Print a single-use sign-in link.
    SignInLink {
        /// `clerk`, `member` or `commissioner`.
        #[arg(long)]
        role: String,
        /// The member's id (e.g. `mike-hill`), for `--role member`.
        #[arg(long)]
        member: Option<String>,
        /// The name shown when signed in.
        #[arg(long)]
        name: String,
    },
}

pub async fn run(args: Args, settings: Settings) -> anyhow::Result<()> {
    match args.command.unwrap_or(Cmd::Serve { demo_links: false }) {
        Cmd::Serve { demo_links } => serve(settings, demo_links).await,
        Cmd::VerifyLog => verify_log(&settings).await,
        Cmd::VerifyVotes { meeting, file } => verify_votes(&settings, meeting, &file).await,
        Cmd::ScheduleMeeting { file, clerk } => schedule_meeting(&settings, &file, clerk).await,
        Cmd::SignInLink { role, member, name } => {
            let actor = match (role.as_str(), member) {
                ("clerk", _) => Actor::Clerk { name: name.clone() },
                ("commissioner", _) => Actor::Commissioner,
                ("member", Some(member)) => Actor::Member {
                    member: MemberId(member),
                },
                ("member", None) => anyhow::bail!("--role member needs --member <id>"),
                (other, _) => {
                    anyhow::bail!("unknown role {other:?}: use clerk, member or commissioner")
                }
            };
            let store = EventStore::connect(&settings.database_url).await?;
            let auth = auth_for(&settings, &store);
            println!(
                "{}",
                auth.sign_in_url(&Identity {
                    actor,
                    display_name: name,
                    signed_in: true
                })
                .await?
            );
            Ok(())
        }
    }
}

async fn serve(settings: Settings, demo_links: bool) -> anyhow::Result<()> {
    let app = Application::build(&settings)
        .await
        .context("starting the server")?;
    let shutdown = crate::shutdown_signal();
    tracing::info!(addr = %app.local_addr(), "Panelcast listening");
    if demo_links {
        print_demo_links(&app).await?;
    }
    app.run_until(shutdown).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Recomputes every meeting's SHA-256 chain and reports it, one line per meeting.
async fn verify_log(settings: &Settings) -> anyhow::Result<()> {
    let store = EventStore::connect(&settings.database_url).await?;
    let mut broken = 0;
    for meeting in store.meeting_ids().await? {
        match store.verify_chain(&meeting).await {
            Ok(events) => println!("{meeting}: ok, {events} events"),
            Err(error) => {
                broken += 1;
                println!("{meeting}: BROKEN: {error}");
            }
        }
    }
    if broken > 0 {
        anyhow::bail!("{broken} meeting log(s) failed verification");
    }
    Ok(())
}

/// Reads the published record and checks it against the log; one line on success, each edited row on failure.
async fn verify_votes(
    settings: &Settings,
    meeting: String,
    file: &std::path::Path,
) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the vote record {}", file.display()))?;
    let record: app::meeting::published_votes::PublishedVotes = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a published vote record", file.display()))?;
    let store = EventStore::connect(&settings.database_url).await?;
    match crate::verify_votes::verify(&store, &app::meeting::MeetingId(meeting.clone()), &record)
        .await
    {
        Ok(ok) => {
            println!(
                "{meeting}: ok, {} vote(s) recounted and matched against {} events of an intact log",
                ok.votes, ok.events
            );
            Ok(())
        }
        Err(error) => anyhow::bail!("{meeting}: the vote record FAILED verification: {error}"),
    }
}

fn auth_for(settings: &Settings, store: &EventStore) -> Auth {
    Auth::new(
        store,
        settings.public_url.clone(),
        settings.link_ttl,
        settings.session_ttl,
        settings.secure_cookies(),
    )
}

/// Fresh links for the people of the demo meeting of 6 December 2022 (each start makes new ones).
async fn print_demo_links(app: &Application) -> anyhow::Result<()> {
    let Some(handle) = app.state.hub.get("2022-12-06") else {
        return Ok(());
    };
    let members = handle.current().meeting.members();
    let mut people: Vec<Identity> = Vec::new();
    if let Some((id, name, _)) = members.iter().find(|(_, _, chair)| *chair) {
        people.push(Identity {
            actor: Actor::Member { member: id.clone() },
            display_name: format!("{name} (Chair)"),
            signed_in: true,
        });
    }
    if let Some((id, name, _)) = members.iter().find(|(_, _, chair)| !*chair) {
        people.push(Identity {
            actor: Actor::Member { member: id.clone() },
            display_name: name.clone(),
            signed_in: true,
        });
    }
    people.push(Identity {
        actor: Actor::Commissioner,
        display_name: "Matthew Scott (Commissioner)".into(),
        signed_in: true,
    });
    people.push(Identity {
        actor: Actor::Clerk {
            name: "Anna Taylor".into(),
        },
        display_name: "Anna Taylor (Clerk)".into(),
        signed_in: true,
    });
    println!("\nDemo sign-in links (single use, open each in its own browser profile):");
    for person in people {
        println!(
            "  {:<36} {}",
            person.display_name,
            app.state.auth.sign_in_url(&person).await?
        );
    }
    println!();
    Ok(())
}

async fn schedule_meeting(
    settings: &Settings,
    file: &std::path::Path,
    clerk: String,
) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the summons {}", file.display()))?;
    let spec: app::meeting::MeetingSpec = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a meeting summons", file.display()))?;
    let id = spec.id.clone();
    let store = EventStore::connect(&settings.database_url).await?;
    match crate::hub::schedule_in(&store, &Actor::Clerk { name: clerk }, spec).await {
        Ok(_) => {
            println!("scheduled {id}: {}/meetings/{id}", settings.public_url);
            Ok(())
        }
        Err(error) => anyhow::bail!("{id} was not scheduled: {error}"),
    }
}
