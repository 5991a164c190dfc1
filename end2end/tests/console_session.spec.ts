// The chair's session controls on the console, seen from the public page: adjourn until a time (banner and a
// paused webcast), resume, go into private session (the player is replaced by a notice, the current item is
// hidden), return to public; and closing the meeting asks for confirmation first. Also what the public page makes of
// it: the adjournment's reason, the item withheld under its Sch 12A paragraph, the heading and title following the
// meeting's state, the player starting again by itself for a viewer who was watching, and the archive at the close.
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, ensureOpen, mustRun } from "./helpers";

const MEETING = "2022-12-06";

test("adjourn, resume and private session from the console reach the public page", async ({ browser }) => {
  test.setTimeout(60_000);
  const server = await OwnServer.start("console-session");
  try {
    const clerk = await clerkApi(server);
    const chairContext = await browserAs(browser, server, clerk, { role: "member", member: "mike-hill", name: "Mr Mike Hill" });
    await ensureOpen(chairContext.request, MEETING);
    await mustRun(chairContext.request, MEETING, { type: "GoToItem", item: "B1" });

    const publicContext = await browser.newContext({ baseURL: server.baseURL });
    const watcher = await publicContext.newPage();
    await watcher.goto(`/meetings/${MEETING}`);
    await expect(watcher.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    await expect(watcher.getByTestId("webcast-video")).toHaveAttribute("data-hls-src", "/webcast/demo/index.m3u8");
    await expect(watcher.getByTestId("webcast-video")).toHaveAttribute("data-hls-mode", /native|hls\.js/);
    await expect(watcher.getByRole("heading", { level: 1 })).toContainText("Live meeting");
    await expect(watcher).toHaveTitle(/^Live meeting: /);
    // Without waiting for JavaScript: the <video> carries the stream, and a link to it is under the player.
    await expect(watcher.getByTestId("webcast-video").locator("source")).toHaveAttribute("src", "/webcast/demo/index.m3u8");
    await expect(watcher.getByTestId("webcast-link")).toHaveAttribute("href", "/webcast/demo/index.m3u8");
    // The viewer starts watching (muted, as a page may start a player without a gesture).
    await watcher.getByTestId("webcast-video").evaluate((video: HTMLVideoElement) => {
      video.muted = true;
      return video.play();
    });

    const chair = await chairContext.newPage();
    await chair.goto(`/meetings/${MEETING}/console`);
    await expect(chair.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });

    // Adjourn until 23:59 today (UK time), so the time is later than now whenever the test runs.
    await chair.getByLabel("Adjourn until (today, UK time)").fill("23:59");
    await chair.getByLabel("Reason (optional)").fill("Lunch");
    await chair.getByRole("button", { name: "Adjourn" }).click();
    await expect(watcher.getByTestId("adjourned-banner").locator(".banner__title")).toHaveText("Adjourned until 23:59");
    await expect(watcher.getByTestId("adjournment-reason")).toHaveText("Reason: Lunch");
    await expect(watcher.getByTestId("webcast-notice")).toContainText("adjourned");
    await expect(watcher.getByRole("heading", { level: 1 })).toContainText("Meeting adjourned");
    await expect(watcher).toHaveTitle(/^Meeting adjourned: /);
    await chair.getByRole("button", { name: "Resume the meeting" }).click();
    await expect(watcher.getByTestId("adjourned-banner")).toHaveCount(0);
    await expect(watcher.getByTestId("webcast-video")).toBeVisible();
    // The viewer was watching, so the new player starts by itself.
    await expect(watcher.getByTestId("webcast-video")).toHaveAttribute("data-resumed", "playing", { timeout: 15_000 });
    expect(await watcher.getByTestId("webcast-video").evaluate((video: HTMLVideoElement) => video.paused)).toBe(false);

    // Private session under paragraph 1: the public see a banner and a notice, not the stream or the item.
    await chair.getByLabel(/Exclude the public under LGA 1972 Sch 12A paragraph/).selectOption("1");
    await chair.getByRole("button", { name: "Go into private session" }).click();
    await expect(watcher.getByTestId("private-banner")).toContainText("The meeting is in private session");
    await expect(watcher.getByTestId("webcast-notice")).toContainText("private session");
    await expect(watcher.getByTestId("webcast-video")).toHaveCount(0);
    await expect(watcher.getByTestId("current-item")).toHaveText("Item withheld: the public are excluded (Sch 12A para 1)");
    await chair.getByRole("button", { name: "End the private session: readmit the public" }).click();
    await expect(watcher.getByTestId("private-banner")).toHaveCount(0);
    await expect(watcher.getByTestId("current-item")).toContainText("B1");
    await expect(watcher.getByTestId("webcast-video")).toHaveAttribute("data-resumed", "playing", { timeout: 15_000 });

    // Closing the meeting is irreversible: Cancel leaves it open.
    await chair.getByRole("button", { name: "Close the meeting…" }).click();
    await expect(chair.getByRole("group", { name: "Confirm" })).toContainText("cannot be reopened");
    await chair.getByRole("button", { name: "Cancel" }).click();
    await expect(chair.getByTestId("console-phase")).toHaveText("open");
    await chair.getByRole("button", { name: "Close the meeting…" }).click();
    await chair.getByRole("button", { name: "Yes, close the meeting" }).click();
    await expect(watcher.getByRole("heading", { level: 1 })).toContainText("Meeting archive");
    await expect(watcher).toHaveTitle(/^Meeting archive: /);
    await expect(watcher.getByTestId("archive")).toContainText("B1");
    // A closed meeting's console shows its record, not the controls that would now be refused.
    await expect(chair.getByTestId("console-closed")).toContainText("The meeting has closed");

    await chairContext.close();
    await publicContext.close();
  } finally {
    await server.discard();
  }
});
