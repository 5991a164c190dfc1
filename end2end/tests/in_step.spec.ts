// The live public page in step with the webcast (docs/WEBCAST.md): with a real live stream (`stream.ts`: ffmpeg
// in real time, an EVENT playlist with `#EXT-X-PROGRAM-DATE-TIME`) playing as the meeting's webcast, a change
// the chair makes appears on the public page only once the player reaches its moment; the switch "Show
// changes as they happen" (keyboard, remembered) shows held changes at once; "Jump to live" brings a player that
// fell behind back to the live edge; axe finds nothing.
import { test, expect, Page } from "@playwright/test";
import { OwnServer, clerkApi, apiAs, mustRun, viewOf, expectNoAxeViolations } from "./helpers";
import { LiveStream } from "./stream";

const MEETING = "2022-12-06";

/// What the page shows now and where its player is, read together in the page.
async function sample(page: Page) {
  return page.evaluate(() => ({
    playhead: Number(document.querySelector("video[data-playhead-ms]")?.getAttribute("data-playhead-ms") ?? NaN),
    item: document.querySelector("[data-testid=current-item]")?.textContent ?? "",
    held: Number(document.querySelector("[data-testid=in-step]")?.getAttribute("data-held") ?? NaN),
    behind: Date.now() - Number(document.querySelector("video[data-playhead-ms]")?.getAttribute("data-playhead-ms") ?? NaN),
  }));
}

test("live: changes appear when the webcast reaches them, or at once with the switch; jump to live", async ({ browser }) => {
  test.setTimeout(240_000);
  const server = await OwnServer.start("in-step");
  const stream = LiveStream.start(200);
  try {
    const clerk = await clerkApi(server);
    const chair = await apiAs(server, clerk, { role: "member", member: "mike-hill", name: "Mr Mike Hill" });
    await mustRun(chair, MEETING, { type: "OpenMeeting" });

    const context = await browser.newContext({ baseURL: server.baseURL });
    await stream.serve(context, "/webcast/demo/");
    await expect.poll(() => stream.segments(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const page = await context.newPage();
    await page.goto(`/meetings/${MEETING}`);
    const video = page.getByTestId("webcast-video");
    // Chromium's native HLS cannot tell the stream's date-times, so a live stream plays through hls.js.
    await expect(video).toHaveAttribute("data-hls-mode", "hls.js");
    await expect(page.getByTestId("in-step")).toBeVisible();
    await expect(page.getByTestId("as-they-happen")).not.toBeChecked();
    await expect(page.getByTestId("jump-to-live")).toBeVisible();
    await video.evaluate((v: HTMLVideoElement) => { v.muted = true; return v.play(); });
    await expect(video).toHaveAttribute("data-playhead-ms", /^\d+$/, { timeout: 30_000 });
    await expect(page.getByTestId("live-status")).toHaveText("Live: in step with the webcast");
    await expect(page.getByTestId("current-item")).toContainText("has not reached an agenda item");

    // 1. The chair moves to item 1: the page has it (held) but shows it only when the player reaches it.
    await mustRun(chair, MEETING, { type: "GoToItem", item: "1" });
    const movedAt: number = (await viewOf(chair, MEETING)).changed_at;
    await expect.poll(async () => (await sample(page)).held, { timeout: 10_000 }).toBe(1);
    const samples = [await sample(page)];
    expect(samples[0].item, "held back while the video has not reached it").toContain("has not reached an agenda item");
    expect(samples[0].playhead).toBeLessThan(movedAt);
    await expect
      .poll(async () => {
        const now = await sample(page);
        samples.push(now);
        return now.item.includes("Now: 1 ");
      }, { timeout: 60_000, intervals: [100] })
      .toBe(true);
    for (const s of samples) {
      if (s.item.includes("Now: 1 ")) expect(s.playhead, "shown only once the player reached it").toBeGreaterThanOrEqual(movedAt);
    }
    expect(samples.filter((s) => s.playhead < movedAt).length).toBeGreaterThan(0);
    await expect(page.getByTestId("in-step")).toHaveAttribute("data-held", "0");

    // 2. The switch, by keyboard: a held change appears at once, before the player reaches it.
    await mustRun(chair, MEETING, { type: "GoToItem", item: "2" });
    const secondAt: number = (await viewOf(chair, MEETING)).changed_at;
    await expect.poll(async () => (await sample(page)).held, { timeout: 10_000 }).toBe(1);
    await expect(page.getByTestId("current-item")).toContainText("Now: 1 ");
    const toggle = page.getByTestId("as-they-happen");
    await toggle.focus();
    await expect(toggle).toBeFocused();
    await page.keyboard.press("Space");
    await expect(toggle).toBeChecked();
    await expect(page.getByTestId("current-item")).toContainText("Now: 2 ");
    expect((await sample(page)).playhead, "shown before the video reached it").toBeLessThan(secondAt);
    await expect(page.getByTestId("live-status")).toHaveText("Live: updates appear as they happen");
    // With the switch on, the next change is shown as it arrives.
    await mustRun(chair, MEETING, { type: "GoToItem", item: "3" });
    const thirdAt: number = (await viewOf(chair, MEETING)).changed_at;
    await expect(page.getByTestId("current-item")).toContainText("Now: 3 ");
    expect((await sample(page)).playhead).toBeLessThan(thirdAt);
    await expectNoAxeViolations(page);

    // The switch is remembered.
    await page.reload();
    await expect(page.getByTestId("as-they-happen")).toBeChecked();
    await page.getByTestId("as-they-happen").click();
    await expect(page.getByTestId("as-they-happen")).not.toBeChecked();

    // 3. Jump to live, by keyboard: a player sent back to the stream's start returns to the live edge.
    await expect.poll(() => stream.segments(), { timeout: 60_000 }).toBeGreaterThanOrEqual(16);
    await video.evaluate((v: HTMLVideoElement) => { v.muted = true; return v.play(); });
    await expect(video).toHaveAttribute("data-playhead-ms", /^\d+$/, { timeout: 30_000 });
    await video.evaluate((v: HTMLVideoElement) => { v.currentTime = 1; });
    await expect.poll(async () => (await sample(page)).behind, { timeout: 30_000 }).toBeGreaterThan(20_000);
    const jump = page.getByTestId("jump-to-live");
    await jump.focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await sample(page)).behind, { timeout: 30_000 }).toBeLessThan(15_000);
    await expect(page.getByTestId("live-status")).toHaveText("Live: in step with the webcast");
    await expectNoAxeViolations(page);

    await context.close();
    await chair.dispose();
    await clerk.dispose();
  } finally {
    await stream.stop();
    await server.discard();
  }
});
