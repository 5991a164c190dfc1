// Panelcast webcast player. Every <video data-hls-src="…m3u8"> on the page plays that HLS stream: natively where
// the browser can (Safari, iOS, recent Chrome), otherwise through the vendored hls.js (the full build, which shows
// the stream's captions), loaded only then. It runs on the server-rendered page, so it works before (and without)
// the wasm bundle, and it watches the page for players that appear later (a meeting that opens, resumes after an
// adjournment, or returns from a private session) and for players that go away (their hls.js is stopped).
//
// Resuming by itself: a viewer who was watching when the player went away (the meeting adjourned, or the public
// were excluded) should not have to press play again when it comes back. The browser pauses a player it removes
// from the page; that pause is not the viewer's, so only a pause of a player still on the page means "stop".
(function () {
  "use strict";
  var HLS_SRC = "/vendor/hls.min.js";
  var loading = null;
  var watching = false;
  var players = [];

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

  function attach(video) {
    var src = video.getAttribute("data-hls-src");
    if (!src || video.getAttribute("data-hls-attached") === src) return;
    video.setAttribute("data-hls-attached", src);
    follow(video);
    var resuming = watching;
    if (video.canPlayType("application/vnd.apple.mpegurl")) {
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
      var hls = new Hls();
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
  }

  function start() {
    scan(document);
    new MutationObserver(function () { scan(document); }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
