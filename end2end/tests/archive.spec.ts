// The archive of a closed meeting with a real recording (`stream.ts`): each chapter's link lands the player within
// 1 s of the item's start, `?t=` and `#item-` addresses start there, the chapters can be used with the keyboard,
// axe finds nothing, and without JavaScript the items are listed with their times as links into the recording.
import { test, expect, Page } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, expectNoAxeViolations } from "./helpers";
import { TestStream } from "./stream";
import { RECORDED_ITEMS, recordMeeting } from "./recorded";

const MEETING = "2022-12-06";
const ITEMS = RECORDED_ITEMS;

/// Every position the player has sought to on this page (`seeked` does not bubble, so it is caught on the way
/// down): the recording plays on after a seek, so on a busy machine the position read a moment later can be past
/// the item's start by more than the tolerance although the seek itself landed on it.
const RECORD_SEEKS = () => {
  (window as any).__seeks = [];
  document.addEventListener("seeked", (e) => (window as any).__seeks.push((e.target as HTMLVideoElement).currentTime), true);
};

/// The player sought to within 1 s of `seconds` (it seeks asynchronously), or is there now.
async function expectPlayerNear(page: Page, seconds: number) {
  await expect
    .poll(
      async () =>
        page.getByTestId("archive-video").evaluate((video: HTMLVideoElement, target: number) => {
          const seeks: number[] = (window as any).__seeks ?? [];
          const near = (t: number) => Math.abs(t - target) <= 1;
          return seeks.some(near) || near(video.currentTime) ? "near" : `at ${video.currentTime} s, sought to [${seeks.join(", ")}]`;
        }, seconds),
      { timeout: 15_000, message: `the player seeks to within 1 s of ${seconds} s` },
    )
    .toBe("near");
}

/// Forgets the positions sought so far, before the next seek is checked.
async function forgetSeeks(page: Page) {
  await page.evaluate(() => ((window as any).__seeks = []));
}

/// Each item's first start in the recording, from the page's chapters.
async function offsets(page: Page): Promise<Map<string, number>> {
  const rows = await page.locator("li[data-chapter-item][data-offset-ms]").evaluateAll((items) =>
    items.map((li) => [li.getAttribute("data-chapter-item"), Number(li.getAttribute("data-offset-ms")) / 1000]),
  );
  const starts = new Map<string, number>();
  for (const [item, start] of rows as [string, number][]) if (!starts.has(item)) starts.set(item, start);
  return starts;
}

test("the archive: chapters seek the recording, deep links start there, and it reads without JavaScript", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await OwnServer.start("archive");
  const stream = await TestStream.make(40);
  try {
    const clerk = await clerkApi(server);
    const chair = await browserAs(browser, server, clerk, { role: "member", member: "mike-hill", name: "Mr Mike Hill" });
    await recordMeeting(chair.request, clerk, MEETING, stream.url);

    const context = await browser.newContext({ baseURL: server.baseURL });
    await context.addInitScript(RECORD_SEEKS);
    const page = await context.newPage();
    await page.goto(`/meetings/${MEETING}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Meeting archive");
    await expect(page).toHaveTitle(/^Meeting archive: /);
    await expect(page.getByTestId("archive-video")).toHaveAttribute("data-hls-mode", /native|hls\.js/);
    const starts = await offsets(page);
    expect([...starts.keys()]).toEqual(ITEMS);
    await expect(page.getByTestId("chapters")).toContainText("Private session: the public were excluded (Sch 12A para 1)");
    await expect(page.getByTestId("chapters")).toContainText("(continued)");

    for (const item of ITEMS) {
      await forgetSeeks(page);
      await page.locator(`li[data-chapter-item="${item}"] a[data-seek-ms]`).first().click();
      await expectPlayerNear(page, starts.get(item)!);
      await expect(page.locator(`li[data-chapter-item="${item}"]`).first()).toHaveAttribute("aria-current", "true");
    }
    await expect(page.getByTestId("archive-now")).toContainText("Now in the recording: B1");

    // Keyboard: Tab to a chapter's link and press Enter.
    const link = page.locator(`li[data-chapter-item="2"] a[data-seek-ms]`);
    await link.focus();
    await expect(link).toBeFocused();
    await forgetSeeks(page);
    await page.keyboard.press("Enter");
    await expectPlayerNear(page, starts.get("2")!);
    await expectNoAxeViolations(page);

    // Deep links: ?t= and #item-.
    // B1 is taken twice (before and after the private session): its first start is the deep link.
    const b1 = page.locator(`li[data-chapter-item="B1"] a[data-seek-ms]`).first();
    const t = (await b1.getAttribute("href"))!;
    expect(t).toMatch(/^\?t=\d+s|^\?t=\d+m\d+s/);
    const deep = await context.newPage();
    await deep.goto(`/meetings/${MEETING}${t}`);
    await expectPlayerNear(deep, starts.get("B1")!);
    const anchored = await context.newPage();
    await anchored.goto(`/meetings/${MEETING}#item-A1`);
    await expectPlayerNear(anchored, starts.get("A1")!);

    // The WebVTT chapters file.
    const vtt = await (await context.request.get(`/meetings/${MEETING}/chapters.vtt`)).text();
    expect(vtt).toMatch(/^WEBVTT\n/);
    expect(vtt).toContain("A1 Chief Constable Confirmation Hearing");
    expect(vtt).not.toContain("Private session");

    // Without JavaScript: every item with its time, as a link into the recording.
    const plain = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await noJs.goto(`/meetings/${MEETING}`);
    for (const item of ITEMS) {
      const row = noJs.locator(`li[data-chapter-item="${item}"]`).first();
      await expect(row.getByRole("link")).toHaveText(/^\d+:\d\d$/);
      await expect(row.getByRole("link")).toHaveAttribute("href", /^\?t=/);
      await expect(row).toContainText(/began \d\d:\d\d/);
    }
    await expect(noJs.getByTestId("archive-link")).toHaveAttribute("href", stream.url);
    await plain.close();
    await context.close();
    await chair.close();
    await clerk.dispose();
  } finally {
    await stream.close();
    await server.discard();
  }
});
