//! `/sign-in/{token}` (GET page, POST redeem), `/sign-out`, and the clerk's `/api/v1/sign-in-links` (create;
//! listing and revoking are in `super::link_routes`).

use app::api::ssr::Identity;
use app::meeting::Actor;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
    Extension, Form, Json, Router,
};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::{Deserialize, Serialize};

use super::link_routes::{bad_meeting_id, list_links, not_a_clerk, refuse, revoke_link};
use super::links::{self, Refusal};
use super::{store, tokens::looks_like_token, Auth, SessionKey, SESSION_COOKIE};

pub fn routes() -> Router<Auth> {
    Router::new()
        .route("/sign-in/{token}", get(sign_in_page))
        .route("/sign-in", post(sign_in))
        .route("/sign-out", post(sign_out))
        .route("/api/v1/sign-in-links", post(create_link).get(list_links))
        .route("/api/v1/sign-in-links/{id}/revoke", post(revoke_link))
}

async fn sign_in_page(Path(token): Path<String>) -> Response {
    if !looks_like_token(&token) {
        return page(
            StatusCode::NOT_FOUND,
            "Sign-in link not recognised",
            "<p>Check the link, or ask the clerk for a new one.</p>",
        );
    }
    page(
        StatusCode::OK,
        "Sign in to Panelcast",
        &format!(
            "<p>This link signs you in on this device. It works once.</p>\
             <form method=\"post\" action=\"/sign-in\"><input type=\"hidden\" name=\"token\" value=\"{token}\">\
             <button class=\"button\" type=\"submit\">Sign in</button></form>"
        ),
    )
}

#[derive(Deserialize)]
struct SignInForm {
    token: String,
}

async fn sign_in(
    State(auth): State<Auth>,
    jar: CookieJar,
    Form(form): Form<SignInForm>,
) -> Response {
    if !looks_like_token(&form.token) {
        return refused(Refusal::UsedOrExpired);
    }
    match store::redeem_link(&auth.pool, &form.token, auth.session_ttl).await {
        Ok(Some((session, identity))) => {
            tracing::info!(actor = crate::hub::role(&identity.actor), "signed in");
            let cookie = Cookie::build((SESSION_COOKIE, session))
                .path("/")
                .http_only(true)
                .same_site(SameSite::Strict)
                .secure(auth.secure_cookies)
                .max_age(time::Duration::seconds(auth.session_ttl.as_secs() as i64))
                .build();
            (jar.add(cookie), Redirect::to("/")).into_response()
        }
        Ok(None) => {
            let hash = super::token_hash(&form.token);
            refused(
                links::refusal(&auth.pool, &hash)
                    .await
                    .unwrap_or(Refusal::UsedOrExpired),
            )
        }
        Err(error) => {
            tracing::error!(%error, "redeeming a sign-in link failed");
            page(
                StatusCode::SERVICE_UNAVAILABLE,
                "Temporarily unavailable",
                "<p>Please try again in a moment.</p>",
            )
        }
    }
}

fn refused(why: Refusal) -> Response {
    let body = match why {
        Refusal::Revoked => "<p>The clerk has revoked this link. Ask the clerk for a new one.</p>",
        Refusal::UsedOrExpired => {
            "<p>It has expired or has already been used. Ask the clerk for a new one.</p>"
        }
    };
    page(
        StatusCode::UNAUTHORIZED,
        "This sign-in link cannot be used",
        body,
    )
}

async fn sign_out(
    State(auth): State<Auth>,
    jar: CookieJar,
    session: Option<Extension<SessionKey>>,
) -> Response {
    if let Some(Extension(session)) = session {
        auth.sign_out(&session).await;
    }
    (
        jar.remove(Cookie::build(SESSION_COOKIE).path("/")),
        Redirect::to("/"),
    )
        .into_response()
}

/// Who a new link is for, and the meeting whose links page lists it (none: not listed).
#[derive(Debug, Deserialize)]
pub struct NewLink {
    pub actor: Actor,
    pub display_name: String,
    #[serde(default)]
    pub meeting: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CreatedLink {
    pub url: String,
}

/// Clerks only: creates a sign-in link. Account management is outside the meeting core, so the rule is here.
async fn create_link(
    State(auth): State<Auth>,
    Extension(identity): Extension<Identity>,
    Json(new): Json<NewLink>,
) -> Response {
    if let Some(refused) = not_a_clerk(&identity, "create sign-in links")
        .or_else(|| bad_meeting_id(new.meeting.as_deref().unwrap_or_default()))
    {
        return refused;
    }
    if matches!(new.actor, Actor::Public | Actor::System) || new.display_name.trim().is_empty() {
        return refuse(
            StatusCode::BAD_REQUEST,
            "A link is for a named clerk, member or the Commissioner",
        );
    }
    if let Err(too_long) = app::meeting::limits::account(&new.actor, &new.display_name) {
        return refuse(StatusCode::BAD_REQUEST, &too_long.to_string());
    }
    let who = Identity {
        actor: new.actor,
        display_name: new.display_name.trim().to_owned(),
        signed_in: true,
    };
    match auth.sign_in_url_for(&who, new.meeting.as_deref()).await {
        Ok(url) => (StatusCode::CREATED, Json(CreatedLink { url })).into_response(),
        Err(error) => {
            tracing::error!(%error, "creating a sign-in link failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// A minimal server-rendered page in the site's style, for the sign-in steps.
fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{title} – Panelcast</title>\
         <link rel=\"stylesheet\" href=\"/pkg/panelcast.css\"></head><body><header class=\"site-header\">\
         <a class=\"site-header__name\" href=\"/\">Panelcast</a></header><main class=\"page\" id=\"main\">\
         <h1>{title}</h1>{body}</main></body></html>"
    );
    (status, Html(html)).into_response()
}
