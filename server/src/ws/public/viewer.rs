//! One public viewer's connection: its socket, its [`Outbox`], and the task that does everything the fan-out
//! does not — the first snapshot, reading the client's frames, pings, the idle limit, finishing a frame the
//! socket could not take whole (the slow path), and the closing frame.
//!
//! The task sleeps while the fan-out writes the updates. It wakes when the client sends something, when its
//! ping is due, when the fan-out hands it work ([`PublicViewer::offer`] found the socket full, or found the
//! task itself writing), or, while a frame is part-way out, when the socket is writable again. A socket that
//! takes no more of a blocked frame for [`SEND_TIMEOUT`], or a client silent for [`IDLE_LIMIT`], is dropped.
//!
//! The socket and the outbox sit under one lock that is only ever held for a single non-blocking poll, by
//! the fan-out or by this task; the fan-out only tries it, and leaves the work to this task if it is taken.

use std::{
    future::poll_fn,
    io,
    pin::Pin,
    sync::{Arc, Mutex, MutexGuard},
    task::{Context, Poll, Waker},
    time::Duration,
};

use tokio::{
    io::{AsyncRead, AsyncWrite, ReadBuf},
    sync::{watch, Notify},
    time::Instant,
};

use tokio_util::sync::CancellationToken;

use super::outbox::{Flow, Outbox};
use crate::hub::Published;
use crate::ws::{
    frames::{Incoming, Seen, CLOSE, PING},
    ping_timer, IDLE_LIMIT, SEND_TIMEOUT,
};

/// The upgraded connection, as a boxed socket so that the audience can hold viewers of any transport.
pub type Socket = Box<dyn Transport>;

/// What a public connection needs of its transport (hyper's upgraded connection in the server).
pub trait Transport: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Transport for T {}

struct Connection {
    socket: Socket,
    outbox: Outbox,
}

pub struct PublicViewer {
    connection: Mutex<Connection>,
    /// The fan-out's call for this viewer's task: an update is waiting.
    wake: Notify,
}

impl PublicViewer {
    /// Offers the newest public update without waiting (the fan-out's path). If the socket cannot take it
    /// whole, or this viewer's own task holds the connection right now, the task is woken to finish the job.
    /// A viewer with a frame part-way out is left alone: its task is already waiting for the socket (and a
    /// write polled from here would take that wait's place), and sends the newest version once it is free.
    pub fn offer(&self, latest: &Published) {
        let Ok(mut connection) = self.connection.try_lock() else {
            self.wake.notify_one();
            return;
        };
        if connection.outbox.is_blocked() {
            return;
        }
        let Connection { socket, outbox } = &mut *connection;
        let mut cx = Context::from_waker(Waker::noop());
        if !matches!(outbox.pump(socket, &mut cx, latest), Ok(Flow::Done)) {
            self.wake.notify_one();
        }
    }

    fn connection(&self) -> MutexGuard<'_, Connection> {
        self.connection.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends `latest` if it is newer than what this viewer holds (and finishes what is part-way out), polled
    /// with this task's waker: resolves at once unless the socket is full.
    fn pump(&self, cx: &mut Context<'_>, latest: &Published) -> io::Result<Flow> {
        let Connection { socket, outbox } = &mut *self.connection();
        outbox.pump(socket, cx, latest)
    }

    /// [`pump`](Self::pump), then the ping if one is owed and nothing is part-way out (`ping_owed` is
    /// cleared once the ping is written or started); `Blocked` if anything is left for the socket to take.
    fn catch_up(
        &self,
        cx: &mut Context<'_>,
        latest: &Published,
        ping_owed: &mut bool,
    ) -> io::Result<Flow> {
        let Connection { socket, outbox } = &mut *self.connection();
        let flow = outbox.pump(socket, cx, latest)?;
        if flow == Flow::Done && *ping_owed && outbox.control(socket, cx, PING)? {
            *ping_owed = false;
            if outbox.is_blocked() {
                return Ok(Flow::Blocked);
            }
        }
        Ok(flow)
    }

    /// Writes a closing frame if nothing is part-way out (best effort: never waited for).
    fn close(&self) {
        let Connection { socket, outbox } = &mut *self.connection();
        let _ = outbox.control(socket, &mut Context::from_waker(Waker::noop()), CLOSE);
    }

    /// Waits until everything due has been written, sending the newest version as `newest` says at each try.
    async fn drain(&self, newest: &impl Fn() -> Arc<Published>) -> io::Result<()> {
        poll_fn(|cx| match self.pump(cx, &newest()) {
            Ok(Flow::Blocked) => Poll::Pending,
            Ok(Flow::Done) => Poll::Ready(Ok(())),
            Err(e) => Poll::Ready(Err(e)),
        })
        .await
    }

    /// Waits until the client sends something; `Ok(0)` when it has closed the connection.
    async fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        poll_fn(|cx| {
            let mut read = ReadBuf::new(buf);
            let socket = &mut self.connection().socket;
            match Pin::new(socket).poll_read(cx, &mut read) {
                Poll::Ready(Ok(())) => Poll::Ready(Ok(read.filled().len())),
                Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
                Poll::Pending => Poll::Pending,
            }
        })
        .await
    }
}

impl PublicViewer {
    /// A viewer on a freshly upgraded socket, with nothing sent yet.
    pub fn new(socket: impl Transport + 'static) -> Arc<Self> {
        Arc::new(PublicViewer {
            connection: Mutex::new(Connection {
                socket: Box::new(socket),
                outbox: Outbox::default(),
            }),
            wake: Notify::new(),
        })
    }
}

/// Serves one public viewer until it leaves, goes silent, cannot be written to, or its meeting's audience
/// `ended`. The viewer has joined the audience already (the handshake does that, before this first
/// snapshot, so that an update published in between is offered too). `current` is the newest state, sent
/// first, so that a viewer who joins between two public updates is up to date at once.
pub async fn serve(
    viewer: Arc<PublicViewer>,
    current: Arc<Published>,
    public: watch::Receiver<Arc<Published>>,
    ended: CancellationToken,
) {
    let newest = || {
        let public = public.borrow().clone();
        if public.seq >= current.seq {
            public
        } else {
            current.clone()
        }
    };
    let mut ping = ping_timer();
    let mut last_heard = Instant::now();
    let mut incoming = Incoming::default();
    let mut blocked_since: Option<Instant> = None;
    // A ping that fell due while a frame was part-way out: it goes as soon as that frame is out (skipping
    // it would leave the client nothing to answer, and a busy connection would look idle).
    let mut ping_owed = false;
    let mut buf = [0u8; 64];
    loop {
        // Whatever woke this task, the newest version is due (a no-op when the viewer holds it).
        match poll_fn(|cx| Poll::Ready(viewer.catch_up(cx, &newest(), &mut ping_owed))).await {
            Ok(Flow::Done) => blocked_since = None,
            Ok(Flow::Blocked) => {
                blocked_since.get_or_insert_with(Instant::now);
            }
            Err(_) => return,
        }
        let deadline = blocked_since.map_or_else(far_future, |since| since + SEND_TIMEOUT);
        tokio::select! {
            () = viewer.wake.notified() => {}
            // A frame is part-way out: done when the socket has taken the rest (and the newest version).
            drained = viewer.drain(&newest), if blocked_since.is_some() => {
                if drained.is_err() {
                    return;
                }
            }
            () = tokio::time::sleep_until(deadline), if blocked_since.is_some() => return,
            read = viewer.read(&mut buf) => match read {
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    last_heard = Instant::now();
                    if matches!(incoming.feed(&buf[..n]), Seen::Close | Seen::Malformed) {
                        break;
                    }
                }
            },
            _ = ping.tick() => {
                if last_heard.elapsed() > IDLE_LIMIT {
                    return;
                }
                ping_owed = true;
            }
            () = ended.cancelled() => break,
        }
    }
    // Leaving politely.
    viewer.close();
}

/// A deadline for a `select!` branch that is disabled anyway.
fn far_future() -> Instant {
    Instant::now() + Duration::from_secs(86_400)
}

#[cfg(test)]
#[path = "viewer_tests.rs"]
mod tests;
