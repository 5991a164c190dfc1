//! The clerk's requests to the server, as the signed-in clerk (the session cookie goes with them; the server
//! refuses anyone else): a sign-in link (`POST /api/v1/sign-in-links` with `{"actor", "display_name"}`), an
//! earlier meeting's summons (`GET /api/v1/meetings/{id}/summons`) and a new meeting (`POST /api/v1/meetings`).

use serde::{Deserialize, Serialize};

use crate::meeting::{Actor, MeetingSpec};
use crate::protocol::links::SignInLinkRow;

/// Who a new link is for, and the meeting whose links page lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewLink {
    pub actor: Actor,
    pub display_name: String,
    pub meeting: String,
}

#[derive(Debug, Deserialize)]
struct Created {
    url: String,
}

/// A refusal: the sign-in links route says `error`, the meeting routes `message`.
#[derive(Debug, Deserialize)]
struct Refused {
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Refusal {
    message: Option<String>,
}

/// The sentence of a refusal from the sign-in links routes (`{"error"}`), or its status.
#[cfg(feature = "hydrate")]
async fn refusal_of(response: gloo_net::http::Response) -> String {
    let refused: Option<Refused> = response.json().await.ok();
    refused
        .and_then(|r| r.error)
        .unwrap_or_else(|| format!("The server refused ({})", response.status()))
}

/// The link's address, or the sentence to show.
pub async fn create_link(new: NewLink) -> Result<String, String> {
    #[cfg(feature = "hydrate")]
    {
        use gloo_net::http::Request;
        let request = Request::post("/api/v1/sign-in-links")
            .json(&new)
            .map_err(|e| format!("Could not prepare the request: {e}"))?;
        let response = request
            .send()
            .await
            .map_err(|_| "Could not reach the server; please try again".to_owned())?;
        if response.ok() {
            let created: Created = response
                .json()
                .await
                .map_err(|_| "The server's answer could not be read".to_owned())?;
            Ok(created.url)
        } else {
            Err(refusal_of(response).await)
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (
            new,
            Created { url: String::new() }.url,
            Refused { error: None }.error,
        );
        Err("Creating links needs JavaScript in the browser".to_owned())
    }
}

/// An earlier meeting's summons, the template for the next.
pub async fn fetch_summons(meeting: &str) -> Result<MeetingSpec, String> {
    #[cfg(feature = "hydrate")]
    {
        use gloo_net::http::Request;
        let response = Request::get(&format!("/api/v1/meetings/{meeting}/summons"))
            .send()
            .await
            .map_err(|_| "Could not reach the server; please try again".to_owned())?;
        if !response.ok() {
            return Err(format!(
                "The summons of {meeting} could not be read ({})",
                response.status()
            ));
        }
        response
            .json()
            .await
            .map_err(|_| "The server's answer could not be read".to_owned())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = meeting;
        Err("Reading a summons needs JavaScript in the browser".to_owned())
    }
}

/// Schedules `spec`; the new meeting's address, or the sentence to show (the core's reason when refused).
pub async fn schedule_meeting(spec: &MeetingSpec) -> Result<String, String> {
    #[cfg(feature = "hydrate")]
    {
        use gloo_net::http::Request;
        let response = Request::post("/api/v1/meetings")
            .json(spec)
            .map_err(|e| format!("Could not prepare the request: {e}"))?
            .send()
            .await
            .map_err(|_| "Could not reach the server; please try again".to_owned())?;
        if response.ok() {
            Ok(format!("/meetings/{}/console", spec.id))
        } else {
            let refusal: Option<Refusal> = response.json().await.ok();
            Err(refusal
                .and_then(|r| r.message)
                .unwrap_or_else(|| format!("The server refused ({})", response.status())))
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (spec, Refusal { message: None }.message);
        Err("Scheduling needs JavaScript in the browser".to_owned())
    }
}

/// Every link created for `meeting` (`GET /api/v1/sign-in-links?meeting=…`), or the sentence to show.
pub async fn list_links(meeting: String) -> Result<Vec<SignInLinkRow>, String> {
    #[cfg(feature = "hydrate")]
    {
        use gloo_net::http::Request;
        let response = Request::get("/api/v1/sign-in-links")
            .query([("meeting", meeting.as_str())])
            .send()
            .await
            .map_err(|_| "Could not reach the server; please try again".to_owned())?;
        if !response.ok() {
            return Err(refusal_of(response).await);
        }
        response
            .json()
            .await
            .map_err(|_| "The server's answer could not be read".to_owned())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = meeting;
        Err("Listing links needs JavaScript in the browser".to_owned())
    }
}

/// Revokes the link `id` (`POST /api/v1/sign-in-links/{id}/revoke`); the sentence to show if refused.
pub async fn revoke_link(id: String) -> Result<(), String> {
    #[cfg(feature = "hydrate")]
    {
        use gloo_net::http::Request;
        let response = Request::post(&format!("/api/v1/sign-in-links/{id}/revoke"))
            .send()
            .await
            .map_err(|_| "Could not reach the server; please try again".to_owned())?;
        if response.ok() {
            return Ok(());
        }
        Err(refusal_of(response).await)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = id;
        Err("Revoking a link needs JavaScript in the browser".to_owned())
    }
}
