//! Asking the server for a sign-in link: `POST /api/v1/sign-in-links` with `{"actor", "display_name"}`, as the
//! signed-in clerk (the session cookie goes with it; the server refuses anyone else).

use serde::{Deserialize, Serialize};

use crate::meeting::Actor;

/// Who a new link is for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewLink {
    pub actor: Actor,
    pub display_name: String,
}

#[derive(Debug, Deserialize)]
struct Created {
    url: String,
}

#[derive(Debug, Deserialize)]
struct Refused {
    error: Option<String>,
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
            let refused: Option<Refused> = response.json().await.ok();
            Err(refused
                .and_then(|r| r.error)
                .unwrap_or_else(|| format!("The server refused ({})", response.status())))
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
