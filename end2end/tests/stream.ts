// A real HLS stream for the webcast journeys: Debian's ffmpeg (scripts/ensure-tools.sh installs it) makes a test
// pattern with its own running time burnt in, in 2 s segments with `#EXT-X-PROGRAM-DATE-TIME` on every one
// (`-hls_flags program_date_time`: the date-time of each segment is when ffmpeg started plus its place in the
// stream), into a temporary folder served on 127.0.0.1 with CORS (the page plays it from another origin).
import { execFileSync, spawn, ChildProcess } from "node:child_process";
import { createServer, Server } from "node:http";
import { existsSync, mkdtempSync, readFile, readFileSync, rmSync } from "node:fs";
import { BrowserContext } from "@playwright/test";
import { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";

/// ffmpeg's arguments: a test pattern with `clock` burnt in, `seconds` long, in 2 s segments (a key frame at each)
/// into an HLS playlist of `type` with `flags`, in `dir`.
function ffmpegArgs(dir: string, seconds: number, hls: { clock: string; type: string; flags: string }): string[] {
  return [
    "-hide_banner", "-loglevel", "error",
    "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
    "-vf", `drawtext=text='${hls.clock}':fontsize=24:fontcolor=white:box=1:boxcolor=black:x=10:y=10`,
    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
    "-g", "50", "-keyint_min", "50", "-sc_threshold", "0",
    "-t", String(seconds),
    "-f", "hls", "-hls_time", "2", "-hls_list_size", "0", "-hls_playlist_type", hls.type,
    "-hls_flags", hls.flags,
    "-hls_segment_filename", path.join(dir, "segment%03d.ts"),
    path.join(dir, "index.m3u8"),
  ];
}

export class TestStream {
  private constructor(private dir: string, private server: Server, public url: string) {}

  /// Encodes `seconds` of stream (faster than real time) and serves it; `url` is its playlist.
  static async make(seconds: number): Promise<TestStream> {
    const dir = mkdtempSync(path.join(os.tmpdir(), "panelcast-stream-"));
    execFileSync("ffmpeg", ffmpegArgs(dir, seconds, { clock: "%{pts\\:hms}", type: "vod", flags: "program_date_time" }), { stdio: ["ignore", "inherit", "inherit"] });
    const server = createServer((request, response) => {
      const name = path.basename((request.url ?? "/").split("?")[0]);
      readFile(path.join(dir, name), (error, data) => {
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (error) {
          response.statusCode = 404;
          response.end();
          return;
        }
        response.setHeader("Content-Type", name.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp2t");
        response.end(data);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return new TestStream(dir, server, `http://127.0.0.1:${port}/index.m3u8`);
  }

  async close() {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/// A live stream: ffmpeg encodes in real time (`-re`) into an EVENT playlist that grows by a 2 s segment every
/// 2 s, each with its `#EXT-X-PROGRAM-DATE-TIME` (the wall clock, as the server's events have it). `serve`
/// puts it in a browser context at `path` (the meeting's own webcast address), so the page plays it as its
/// live webcast. `stop` ends ffmpeg (the process this helper started) and removes the files.
export class LiveStream {
  private constructor(private dir: string, private ffmpeg: ChildProcess) {}

  static start(seconds: number): LiveStream {
    const dir = mkdtempSync(path.join(os.tmpdir(), "panelcast-live-"));
    const ffmpeg = spawn("ffmpeg", ["-re", ...ffmpegArgs(dir, seconds, { clock: "%{localtime\\:%T}", type: "event", flags: "program_date_time+temp_file" })], { stdio: ["ignore", "inherit", "inherit"] });
    return new LiveStream(dir, ffmpeg);
  }

  /// How many segments the playlist lists so far.
  segments(): number {
    try {
      return (readFileSync(path.join(this.dir, "index.m3u8"), "utf8").match(/^#EXTINF:/gm) ?? []).length;
    } catch {
      return 0;
    }
  }

  /// Answers the requests for `prefix`… in `context` from the stream's files.
  async serve(context: BrowserContext, prefix: string) {
    await context.route(`**${prefix}*`, async (route) => {
      const name = path.basename(new URL(route.request().url()).pathname);
      const file = path.join(this.dir, name);
      if (!existsSync(file)) return route.fulfill({ status: 404, body: "" });
      await route.fulfill({
        path: file,
        contentType: name.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp2t",
        headers: { "Cache-Control": "no-store" },
      });
    });
  }

  async stop() {
    if (this.ffmpeg.exitCode === null && this.ffmpeg.signalCode === null) {
      const exited = new Promise((resolve) => this.ffmpeg.once("exit", resolve));
      this.ffmpeg.kill("SIGKILL");
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
