// A real HLS stream for the webcast journeys: Debian's ffmpeg (scripts/ensure-tools.sh installs it) makes a test
// pattern with its own running time burnt in, in 2 s segments with `#EXT-X-PROGRAM-DATE-TIME` on every one
// (`-hls_flags program_date_time`: the date-time of each segment is when ffmpeg started plus its place in the
// stream), into a temporary folder served on 127.0.0.1 with CORS (the page plays it from another origin).
import { execFileSync } from "node:child_process";
import { createServer, Server } from "node:http";
import { mkdtempSync, readFile, rmSync } from "node:fs";
import { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";

export class TestStream {
  private constructor(private dir: string, private server: Server, public url: string) {}

  /// Encodes `seconds` of stream (faster than real time) and serves it; `url` is its playlist.
  static async make(seconds: number): Promise<TestStream> {
    const dir = mkdtempSync(path.join(os.tmpdir(), "panelcast-stream-"));
    execFileSync("ffmpeg", [
      "-hide_banner", "-loglevel", "error",
      "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
      "-vf", "drawtext=text='%{pts\\:hms}':fontsize=24:fontcolor=white:box=1:boxcolor=black:x=10:y=10",
      "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
      "-g", "50", "-keyint_min", "50", "-sc_threshold", "0",
      "-t", String(seconds),
      "-f", "hls", "-hls_time", "2", "-hls_list_size", "0", "-hls_playlist_type", "vod",
      "-hls_flags", "program_date_time",
      "-hls_segment_filename", path.join(dir, "segment%03d.ts"),
      path.join(dir, "index.m3u8"),
    ], { stdio: ["ignore", "inherit", "inherit"] });
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
