//! A small HTTP/1.1 client over hyper for commands and sign-in: one keep-alive connection per actor,
//! reopened if the server closed it.

use std::net::SocketAddr;

use anyhow::Context;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{client::conn::http1::SendRequest, header, Method, Request};
use hyper_util::rt::TokioIo;

use crate::net::{self, Sources};

/// An HTTP client for one actor (its session cookie, if signed in).
pub struct Http {
    target: SocketAddr,
    cookie: Option<String>,
    sender: Option<SendRequest<Full<Bytes>>>,
}

/// Status, `Set-Cookie` (name=value part) and body of a response.
pub struct Reply {
    pub status: u16,
    pub cookie: Option<String>,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

impl Http {
    pub fn new(target: SocketAddr, cookie: Option<String>) -> Self {
        Self {
            target,
            cookie,
            sender: None,
        }
    }

    pub fn cookie(&self) -> Option<&str> {
        self.cookie.as_deref()
    }

    async fn sender(&mut self) -> anyhow::Result<&mut SendRequest<Full<Bytes>>> {
        let usable = matches!(&self.sender, Some(s) if !s.is_closed());
        if !usable {
            let stream = net::tcp(self.target, &Sources::new(1)).await?;
            let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
                .await
                .context("HTTP handshake")?;
            tokio::spawn(async move {
                let _ = connection.await;
            });
            self.sender = Some(sender);
        }
        let sender = self.sender.as_mut().expect("just set");
        sender.ready().await.context("HTTP connection")?;
        Ok(sender)
    }

    pub async fn request(
        &mut self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: Bytes,
    ) -> anyhow::Result<Reply> {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, self.target.to_string());
        if let Some(cookie) = &self.cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        if let Some(content_type) = content_type {
            builder = builder.header(header::CONTENT_TYPE, content_type);
        }
        let request = builder.body(Full::new(body))?;
        let response = self.sender().await?.send_request(request).await?;
        let status = response.status().as_u16();
        let cookie = response
            .headers()
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::to_owned);
        let body = response.into_body().collect().await?.to_bytes();
        Ok(Reply {
            status,
            cookie,
            body,
        })
    }

    pub async fn get(&mut self, path: &str) -> anyhow::Result<Reply> {
        self.request(Method::GET, path, None, Bytes::new()).await
    }

    pub async fn post_json(
        &mut self,
        path: &str,
        body: &serde_json::Value,
    ) -> anyhow::Result<Reply> {
        let body = Bytes::from(serde_json::to_vec(body)?);
        self.request(Method::POST, path, Some("application/json"), body)
            .await
    }

    /// Runs a command on `meeting`; returns the receipt's `seq`, or the refusal.
    pub async fn command(
        &mut self,
        meeting: &str,
        command: &serde_json::Value,
    ) -> anyhow::Result<u64> {
        let reply = self
            .post_json(&format!("/api/v1/meetings/{meeting}/commands"), command)
            .await?;
        anyhow::ensure!(
            reply.status == 200,
            "command {command} refused with {}: {}",
            reply.status,
            String::from_utf8_lossy(&reply.body)
        );
        reply.json()["seq"].as_u64().context("a receipt with a seq")
    }

    /// Redeems a sign-in token and keeps the session cookie.
    pub async fn sign_in(&mut self, token: &str) -> anyhow::Result<()> {
        let body = Bytes::from(format!("token={token}"));
        let reply = self
            .request(
                Method::POST,
                "/sign-in",
                Some("application/x-www-form-urlencoded"),
                body,
            )
            .await?;
        self.cookie = Some(reply.cookie.context("sign-in set no session cookie")?);
        Ok(())
    }
}
