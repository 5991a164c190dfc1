// Panelcast webcast player. Every <video data-hls-src="…m3u8"> on the page plays that HLS stream: natively where
// the browser can (Safari, iOS, recent Chrome), otherwise through the vendored hls.js, loaded only then.
// It runs on the server-rendered page, so it works before (and without) the wasm bundle, and it watches the
// page for players that appear later (a meeting that opens, a private session that ends).
(function () {
  "use strict";
  var HLS_SRC = "/vendor/hls.light.min.js";
  var loading = null;

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

  function attach(video) {
    var src = video.getAttribute("data-hls-src");
    if (!src || video.getAttribute("data-hls-attached") === src) return;
    video.setAttribute("data-hls-attached", src);
    if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = src;
      video.setAttribute("data-hls-mode", "native");
      return;
    }
    loadHls().then(function (Hls) {
      if (!Hls || !Hls.isSupported()) {
        video.setAttribute("data-hls-mode", "unsupported");
        return;
      }
      var hls = new Hls();
      hls.loadSource(src);
      hls.attachMedia(video);
      video.setAttribute("data-hls-mode", "hls.js");
    }, function () {
      video.setAttribute("data-hls-mode", "unavailable");
    });
  }

  function scan(root) {
    var videos = (root || document).querySelectorAll("video[data-hls-src]");
    for (var i = 0; i < videos.length; i++) attach(videos[i]);
  }

  function start() {
    scan(document);
    new MutationObserver(function () { scan(document); }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
