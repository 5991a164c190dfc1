// Panelcast webcast player. Every <video data-hls-src="…m3u8"> on the page plays that HLS stream: natively where
// the browser can (Safari, iOS, recent Chrome), otherwise through the vendored hls.js (the full build, which shows
// the stream's captions), loaded only then. It runs on the server-rendered page, so it works before (and without)
// the wasm bundle, and it watches the page for players that appear later (a meeting that opens, resumes after an
// adjournment, or returns from a private session) and for players that go away (their hls.js is stopped).
//
// The archive: a closed meeting's recording starts at ?t= or #item-A1, its chapter links seek it in place, and the
// chapter it is showing is marked and announced as it plays.
//
// Resuming by itself: a viewer who was watching when the player went away (the meeting adjourned, or the public
// were excluded) should not have to press play again when it comes back. The browser pauses a player it removes
// from the page; that pause is not the viewer's, so only a pause of a player still on the page means "stop".
//
// In step with the video (live): once the viewer has started the live player, its position is reported as a
// wall-clock instant (the stream's #EXT-X-PROGRAM-DATE-TIME: hls.js's playingDate, or Safari's getStartDate()
// plus currentTime) in a "webcast-playhead" event on the window (detail: UTC ms, or null when there is no
// position: no player, no date-times); the page holds each change back until then. Where the native player
// cannot tell that date-time (everywhere but Safari), a live stream plays through hls.js. "Jump to live"
// seeks the player to the live edge.
(function () {
  "use strict";
  var HLS_SRC = "/vendor/hls.min.js";
  var loading = null;
  var watching = false;
  var players = [];
  var reported;

  function loadHls() {
    if (window.Hls) return Promise.resolve(window.Hls);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = HLS_SRC;
        script.onload = function () { resolve(window.Hls); };
        script.onerror = function () { loading = null; reject(new Error("hls.js did not load")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // Starts `video` for a viewer who was watching; muted if the browser refuses sound without a new gesture.
  function resume(video) {
    video.setAttribute("data-resumed", "starting");
    var started = function () { video.setAttribute("data-resumed", "playing"); };
    var attempt = video.play();
    if (!attempt || !attempt.then) return;
    attempt.then(started, function () {
      video.muted = true;
      var muted = video.play();
      if (muted && muted.then) {
        muted.then(started, function () { video.setAttribute("data-resumed", "refused"); });
      }
    });
  }

  function follow(video) {
    video.addEventListener("play", function () { watching = true; });
    video.addEventListener("pause", function () {
      if (video.isConnected && !video.ended) watching = false;
    });
  }

  // The archive (a closed meeting's recording, <video data-archive>): where to start — the chapter named by the
  // address's #item-A1, else ?t= (the server writes it as data-start-ms) — in seconds.
  function startOf(video) {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.hasAttribute("data-offset-ms")) return Number(target.getAttribute("data-offset-ms")) / 1000;
    var ms = Number(video.getAttribute("data-start-ms") || 0);
    return ms > 0 ? ms / 1000 : 0;
  }

  function seek(video, seconds) {
    if (video.readyState >= 1) {
      video.currentTime = seconds;
      return;
    }
    var once = function () {
      video.removeEventListener("loadedmetadata", once);
      video.currentTime = seconds;
    };
    video.addEventListener("loadedmetadata", once);
  }

  // Marks the chapter the recording is showing and says it in the live region above the list.
  function markCurrent(video) {
    var now = video.currentTime * 1000 + 250;
    var chapters = document.querySelectorAll("li[data-offset-ms]");
    var current = null;
    for (var i = 0; i < chapters.length; i++) {
      if (Number(chapters[i].getAttribute("data-offset-ms")) <= now) current = chapters[i];
    }
    for (var j = 0; j < chapters.length; j++) {
      var on = chapters[j] === current;
      chapters[j].classList.toggle("chapter--current", on);
      if (on) chapters[j].setAttribute("aria-current", "true");
      else chapters[j].removeAttribute("aria-current");
    }
    // Votes, results, questions and answers appear when the recording reaches them.
    var moments = document.querySelectorAll("li[data-shows-at-ms]");
    for (var k = 0; k < moments.length; k++) {
      moments[k].hidden = Number(moments[k].getAttribute("data-shows-at-ms")) > now;
    }
    var said = document.querySelector("[data-testid=archive-now]");
    var text = current ? "Now in the recording: " + current.getAttribute("data-label") : "";
    if (said && said.textContent !== text) said.textContent = text;
  }

  function archive(video) {
    var start = startOf(video);
    if (start > 0) seek(video, start);
    var mark = function () { markCurrent(video); };
    video.addEventListener("timeupdate", mark);
    video.addEventListener("seeked", mark);
    markCurrent(video);
    return start;
  }

  // A chapter's time is a link (?t=…, which works without JavaScript too); here it seeks the player in place.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-seek-ms]") : null;
    var video = document.querySelector("video[data-archive]");
    if (!link || !video || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    seek(video, Number(link.getAttribute("data-seek-ms")) / 1000);
    var playing = video.play();
    if (playing && playing.catch) playing.catch(function () {});
    history.replaceState(null, "", link.getAttribute("href"));
    markCurrent(video);
  });

  window.addEventListener("hashchange", function () {
    var video = document.querySelector("video[data-archive]");
    var start = video ? startOf(video) : 0;
    if (video && start > 0) seek(video, start);
  });

  function hlsOf(video) {
    for (var i = 0; i < players.length; i++) if (players[i].video === video) return players[i].hls;
    return null;
  }

  // The wall-clock instant (UTC ms) the live player is showing, or null.
  function playheadOf(video) {
    if (!video || !video.isConnected || !video.hasAttribute("data-started")) return null;
    var hls = hlsOf(video);
    var date = hls ? hls.playingDate : null;
    if (!hls && typeof video.getStartDate === "function") {
      var start = video.getStartDate().getTime();
      date = isNaN(start) ? null : new Date(start + video.currentTime * 1000);
    }
    var ms = date ? date.getTime() : NaN;
    return isNaN(ms) ? null : ms;
  }

  function report() {
    var video = document.querySelector("video[data-hls-src]:not([data-archive])");
    var ms = playheadOf(video);
    if (video) {
      if (ms === null) video.removeAttribute("data-playhead-ms");
      else video.setAttribute("data-playhead-ms", String(ms));
    }
    if (ms === reported) return;
    reported = ms;
    window.dispatchEvent(new CustomEvent("webcast-playhead", { detail: ms }));
  }

  function live(video) {
    video.addEventListener("playing", function () {
      video.setAttribute("data-started", "");
      report();
    });
    video.addEventListener("timeupdate", report);
    video.addEventListener("seeked", report);
    var panel = video.closest(".webcast-panel");
    var jump = panel ? panel.querySelector("button[data-jump-live]") : null;
    if (jump) jump.hidden = false;
  }

  // The live edge: where hls.js would start a live stream, or the end of what the native player can seek to.
  function jumpToLive(video) {
    var hls = hlsOf(video);
    var edge = hls && hls.liveSyncPosition !== null && hls.liveSyncPosition !== undefined ? hls.liveSyncPosition : null;
    if (edge === null && video.seekable.length) edge = video.seekable.end(video.seekable.length - 1) - 1;
    if (edge !== null && isFinite(edge)) video.currentTime = edge;
    var playing = video.play();
    if (playing && playing.catch) playing.catch(function () {});
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-jump-live]") : null;
    var video = document.querySelector("video[data-hls-src]:not([data-archive])");
    if (button && video) jumpToLive(video);
  });

  function attach(video) {
    var src = video.getAttribute("data-hls-src");
    if (!src || video.getAttribute("data-hls-attached") === src) return;
    video.setAttribute("data-hls-attached", src);
    follow(video);
    var resuming = watching;
    var archived = video.hasAttribute("data-archive");
    var start = archived ? archive(video) : 0;
    if (!archived) live(video);
    var dated = archived || typeof video.getStartDate === "function" || !window.MediaSource;
    if (video.canPlayType("application/vnd.apple.mpegurl") && dated) {
      video.src = src;
      video.setAttribute("data-hls-mode", "native");
      if (resuming) resume(video);
      return;
    }
    loadHls().then(function (Hls) {
      if (!Hls || !Hls.isSupported()) {
        video.setAttribute("data-hls-mode", "unsupported");
        return;
      }
      var hls = new Hls(start > 0 ? { startPosition: start } : {});
      players.push({ video: video, hls: hls });
      if (resuming) hls.on(Hls.Events.MANIFEST_PARSED, function () { resume(video); });
      hls.loadSource(src);
      hls.attachMedia(video);
      video.setAttribute("data-hls-mode", "hls.js");
    }, function () {
      video.setAttribute("data-hls-mode", "unavailable");
    });
  }

  // Stops the hls.js of players no longer on the page, so a live playlist is not fetched for nobody.
  function release() {
    players = players.filter(function (player) {
      if (player.video.isConnected) return true;
      player.hls.destroy();
      return false;
    });
  }

  function scan(root) {
    var videos = (root || document).querySelectorAll("video[data-hls-src]");
    for (var i = 0; i < videos.length; i++) attach(videos[i]);
    release();
    report();
  }

  function start() {
    scan(document);
    new MutationObserver(function () { scan(document); }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
