//! Reading a recording's playlist, bounded: at most [`MAX_BYTES`] and [`TIMEOUT`] per read, one level of
//! multivariant playlist followed. The shell's part of the archive; the parsing is the core's (`meeting::hls`).
//!
//! Where from: a same-site path (`/webcast/demo/index.m3u8`, the demo's stream, or a recording the site serves)
//! is read from the site's folder on disk; an `http://` or `https://` address is fetched with hyper's HTTP/1.1
//! client, over TLS ([`super::tls`]) for `https://`.

use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use app::meeting::hls::{parse, Playlist};
use bytes::Bytes;
use http_body_util::{BodyExt, Empty, Limited};
use hyper_util::rt::TokioIo;

/// The largest playlist read: a three-hour meeting in 2 s segments is about 5,400 segments, ~500 KB.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// How long one read may take, connection included.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// What reading an address gave.
#[derive(Clone, Debug)]
pub enum Fetched {
    Read(Playlist),
    /// Unreadable: why, for the clerk.
    Failed(String),
    /// Not fetched by the server (https): why.
    NotFetched(String),
}

/// Reads and parses the playlist at `address`, following a multivariant playlist to its first variant.
pub async fn fetch(site_root: &Path, address: &str) -> Fetched {
    match read_parsed(site_root, address).await {
        Ok(playlist) if playlist.segments.is_empty() && !playlist.variants.is_empty() => {
            let variant = resolve(address, &playlist.variants[0]);
            match read_parsed(site_root, &variant).await {
                Ok(media) => Fetched::Read(media),
                Err(fetched) => fetched,
            }
        }
        Ok(playlist) => Fetched::Read(playlist),
        Err(fetched) => fetched,
    }
}

async fn read_parsed(site_root: &Path, address: &str) -> Result<Playlist, Fetched> {
    let text = if address.starts_with('/') && !address.starts_with("//") {
        read_site_file(site_root, address).await
    } else if ["http://", "https://"]
        .iter()
        .any(|scheme| address.to_ascii_lowercase().starts_with(scheme))
    {
        tokio::time::timeout(TIMEOUT, get(address))
            .await
            .unwrap_or_else(|_| {
                Err(format!(
                    "{address} did not answer within {} s",
                    TIMEOUT.as_secs()
                ))
            })
    } else {
        return Err(Fetched::NotFetched(
            "the server reads http://, https:// and same-site playlists only, so the chapters are placed by the recording's start time"
                .to_owned(),
        ));
    };
    let text = text.map_err(Fetched::Failed)?;
    parse(&text).map_err(|error| Fetched::Failed(format!("{address}: {error}")))
}

/// A file under the site's folder; `..` is refused.
async fn read_site_file(site_root: &Path, address: &str) -> Result<String, String> {
    let path = address.split(['?', '#']).next().unwrap_or_default();
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(format!("{address} is not a file of this site"));
    }
    let file: PathBuf = site_root.join(relative);
    let metadata = tokio::fs::metadata(&file)
        .await
        .map_err(|_| format!("{address} was not found on this site"))?;
    if metadata.len() > MAX_BYTES as u64 {
        return Err(format!(
            "{address} is larger than {} MB",
            MAX_BYTES / 1024 / 1024
        ));
    }
    let bytes = tokio::fs::read(&file)
        .await
        .map_err(|_| format!("{address} could not be read"))?;
    String::from_utf8(bytes).map_err(|_| format!("{address} is not text"))
}

/// `GET` over HTTP/1.1 (over TLS for `https://`), one connection, no redirects; the body bounded by
/// [`MAX_BYTES`].
async fn get(address: &str) -> Result<String, String> {
    let uri: hyper::Uri = address
        .parse()
        .map_err(|_| format!("{address} is not a valid address"))?;
    let host = uri
        .host()
        .ok_or_else(|| format!("{address} has no host"))?
        .to_owned();
    let secure = uri.scheme_str() == Some("https");
    let port = uri.port_u16().unwrap_or(if secure { 443 } else { 80 });
    let connect_to = host.trim_start_matches('[').trim_end_matches(']');
    let stream = tokio::net::TcpStream::connect((connect_to, port))
        .await
        .map_err(|error| format!("{address} could not be reached ({error})"))?;
    if secure {
        let stream = super::tls::connect(&host, stream)
            .await
            .map_err(|why| format!("{address}: {why}"))?;
        exchange(address, &uri, &host, stream).await
    } else {
        exchange(address, &uri, &host, stream).await
    }
}

/// The request and its bounded answer over an open connection.
async fn exchange<S>(
    address: &str,
    uri: &hyper::Uri,
    host: &str,
    stream: S,
) -> Result<String, String>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|error| format!("{address}: {error}"))?;
    tokio::spawn(connection);
    let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    let request = hyper::Request::get(path)
        .header(
            hyper::header::HOST,
            uri.authority().map_or(host.to_owned(), |a| a.to_string()),
        )
        .body(Empty::<Bytes>::new())
        .map_err(|error| format!("{address}: {error}"))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|error| format!("{address}: {error}"))?;
    if !response.status().is_success() {
        return Err(format!("{address} answered {}", response.status()));
    }
    let body = Limited::new(response.into_body(), MAX_BYTES)
        .collect()
        .await
        .map_err(|_| {
            format!(
                "{address} is larger than {} MB or broke off",
                MAX_BYTES / 1024 / 1024
            )
        })?
        .to_bytes();
    String::from_utf8(body.to_vec()).map_err(|_| format!("{address} is not text"))
}

/// `reference` relative to the playlist at `base` (RFC 3986 §5.2, the cases playlists use).
pub fn resolve(base: &str, reference: &str) -> String {
    if reference.contains("://") {
        return reference.to_owned();
    }
    if let Some(path) = reference.strip_prefix('/') {
        let origin_end = base
            .find("://")
            .and_then(|scheme| base[scheme + 3..].find('/').map(|slash| scheme + 3 + slash))
            .unwrap_or(if base.starts_with('/') { 0 } else { base.len() });
        return format!("{}/{path}", &base[..origin_end]);
    }
    let folder = base.split(['?', '#']).next().unwrap_or_default();
    let folder = &folder[..folder.rfind('/').map_or(0, |i| i + 1)];
    format!("{folder}{reference}")
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn variant_addresses_resolve_against_their_playlist() {
        let cases = [
            (
                "/webcast/demo/index.m3u8",
                "low/index.m3u8",
                "/webcast/demo/low/index.m3u8",
            ),
            ("/webcast/demo/index.m3u8", "/other/x.m3u8", "/other/x.m3u8"),
            ("http://h:8/a/b.m3u8?x=1", "c.m3u8", "http://h:8/a/c.m3u8"),
            ("http://h:8/a/b.m3u8", "/c.m3u8", "http://h:8/c.m3u8"),
            ("http://h:8/a/b.m3u8", "http://o/c.m3u8", "http://o/c.m3u8"),
        ];
        for (base, reference, expected) in cases {
            assert_eq!(resolve(base, reference), expected, "{base} + {reference}");
        }
    }
}
