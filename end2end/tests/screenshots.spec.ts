// The README's screenshots of the four screens (and the phone layout), taken from a meeting in full swing.
// Runs only when asked: PANELCAST_SCREENSHOTS=1 npx playwright test screenshots (the server must be built).
// Each screen is also checked for what it must show, and that nothing scrolls sideways at 320 px.
import { test, expect, Page } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, OwnServer, apiAs, clerkApi, mustRun, viewOf, seatHolders } from "./helpers";
import { TestStream } from "./stream";
import { recordMeeting } from "./recorded";
import { MEETING, stageMeeting, Stage } from "./stage";

const OUT = path.join(ROOT, "docs/screenshots");
const QUESTIONS = "2017-03-28";

test.skip(!process.env.PANELCAST_SCREENSHOTS, "set PANELCAST_SCREENSHOTS=1 to refresh docs/screenshots");

let stage: Stage;

test.beforeAll(async ({ browser }) => {
  stage = await stageMeeting(browser, "screenshots");
  // Questions for the Commissioner, on the meeting that still takes them.
  const clerk = await clerkApi(stage.server);
  const roster = seatHolders(await viewOf(clerk, QUESTIONS));
  const chair = await apiAs(stage.server, clerk, { role: "member", member: roster.find((m) => m.chair)!.id, name: "Mr Mike Hill" });
  const asker = roster.filter((m) => !m.chair)[3];
  const member = await apiAs(stage.server, clerk, { role: "member", member: asker.id, name: asker.name });
  await mustRun(chair, QUESTIONS, { type: "OpenMeeting" });
  await mustRun(chair, QUESTIONS, { type: "GoToItem", item: "B1" });
  for (const text of [
    "How many police cadets have gone on to join Kent Police as officers or staff?",
    "What is the Commissioner doing to engage young people in rural districts?",
  ]) {
    await mustRun(member, QUESTIONS, { type: "SubmitQuestion", text });
  }
  const ids = (await viewOf(chair, QUESTIONS)).questions.map((q: any) => q.id);
  for (const id of ids) await mustRun(chair, QUESTIONS, { type: "AcceptQuestion", question: id });
  await mustRun(chair, QUESTIONS, { type: "PutQuestion", question: ids[0] });
});

test.afterAll(async () => {
  await stage?.close();
});

async function shoot(page: Page, url: string, file: string, width = 1280) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  await expect(page.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways, `${url} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(OUT, file), fullPage: true });
}

test("the public meeting page", async () => {
  const page = await stage.public.newPage();
  await shoot(page, `/meetings/${MEETING}`, "public.png");
  await expect(page.getByTestId("webcast-video")).toHaveAttribute("data-hls-mode", /native|hls\.js/);
  await shoot(page, `/meetings/${MEETING}`, "public-320.png", 320);
});

test("the chair's console", async () => {
  const page = await stage.chair.newPage();
  await shoot(page, `/meetings/${MEETING}/console`, "console.png");
  await expect(page.getByTestId("live-turnout")).toHaveText("10 of 18 present have voted; 2 members absent, who count against a veto");
});

test("the member's device", async () => {
  const page = await stage.member.newPage();
  await shoot(page, `/meetings/${MEETING}/member`, "member.png", 390);
  await expect(page.getByTestId("my-ballot")).toContainText("You voted For");
  await shoot(page, `/meetings/${MEETING}/member`, "member-320.png", 320);
});

test("the Commissioner's view", async () => {
  const page = await stage.commissioner.newPage();
  await shoot(page, `/meetings/${QUESTIONS}/commissioner`, "commissioner.png");
  await expect(page.getByTestId("question-now")).toContainText("How many police cadets");
});

test("the clerk's console and sign-in links", async () => {
  const page = await stage.clerk.newPage();
  await shoot(page, `/meetings/${MEETING}/console`, "clerk-console.png");
  await page.goto("/clerk/sign-in-links");
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Create link for Mr Matthew Scott" }).click();
  await expect(page.getByRole("textbox", { name: "Link for Mr Matthew Scott" })).toHaveValue(/sign-in/);
  await page.screenshot({ path: path.join(OUT, "clerk-links.png"), fullPage: true });
});

test("the meetings list", async () => {
  const page = await stage.public.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Live now" })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, "meetings.png"), fullPage: true });
});

test("the year's meeting dates and work programme", async () => {
  // The demo's 2022/23, read from the December 2022 pack (S4:2037-2064): a server-rendered page.
  const page = await stage.public.newPage();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/programme/2022-23");
    await expect(page.getByRole("heading", { name: "Meeting dates and work programme 2022/23" })).toBeVisible();
    await expect(page.locator("main")).toContainText("101 response times report");
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, `the programme at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: path.join(OUT, "programme.png"), fullPage: true });
});

test("the schedule form, filled in from the agenda pack", async () => {
  // The clerk pastes the 6 December 2022 pack (S4:1-79); the form shows what was read, with the problems the
  // core still finds (the Commissioner is not named in an agenda) summarised at the top.
  const pack = fs.readFileSync(path.join(ROOT, "app/tests/fixtures/agenda_2022-12-06.txt"), "utf8");
  const page = await stage.clerk.newPage();
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto("/clerk/schedule");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Paste the agenda pack").fill(pack);
  await page.getByRole("button", { name: "Read the pack" }).click();
  await expect(page.getByTestId("pack-report")).toContainText("Read 20 seats (0 vacant) and 11 items in 7 sections");
  await page.getByLabel("Date", { exact: true }).fill("1 February 2023");
  await expect(page.getByTestId("from-programme").locator("legend")).toHaveText("From the work programme for Wednesday 1 February 2023");
  await page.screenshot({ path: path.join(OUT, "schedule.png") });
  await page.getByTestId("from-programme").screenshot({ path: path.join(OUT, "schedule-programme.png") });
});

test("the draft minutes", async () => {
  // The clerk's minute-taking so far: the meeting's attendance lists, item 4's paragraph, B1's paragraph and
  // an action; the draft page is what the clerk and the chair see before publishing.
  const clerk = stage.clerk.request;
  await mustRun(clerk, MEETING, {
    type: "SetMeetingAttendance",
    also_present: ["Mr M Scott (Kent Police and Crime Commissioner)"],
    in_attendance: ["Mr M Dentten (Democratic Services Officer)"],
  });
  await mustRun(clerk, MEETING, { type: "SetFirstMinuteNumber", first: 65 });
  await mustRun(clerk, MEETING, { type: "AddMinuteParagraph", item: "4", text: "The Chairman signed the minutes of the meeting held on 27 September 2022." });
  await mustRun(clerk, MEETING, { type: "AddMinuteParagraph", item: "B1", text: "The Commissioner introduced his update following the HMICFRS PEEL inspection." });
  await mustRun(clerk, MEETING, {
    type: "RecordAction",
    item: "B1",
    kind: "commissioner_commitment",
    text: "He agreed to report back to the Panel on the progress made.",
    owner: "The Commissioner",
    due: "7 February 2023",
  });
  const page = await stage.clerk.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/meetings/${MEETING}/minutes`);
  await expect(page.getByRole("status")).toHaveText("Draft minutes — not published");
  await expect(page.locator("main")).toContainText("He agreed to report back to the Panel on the progress made.");
  await page.screenshot({ path: path.join(OUT, "minutes.png"), fullPage: true });
});

test("a closed meeting's archive: the recording with its chapters", async ({ browser }) => {
  test.setTimeout(120_000);
  // Its own server and a real recording, as archive.spec.ts (recorded.ts).
  const server = await OwnServer.start("screenshots-archive");
  const stream = await TestStream.make(40);
  try {
    const clerk = await clerkApi(server);
    const chair = await apiAs(server, clerk, { role: "member", member: "mike-hill", name: "Mr Mike Hill" });
    await recordMeeting(chair, clerk, MEETING, stream.url);

    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/meetings/${MEETING}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Meeting archive");
    await expect(page.getByTestId("chapters")).toContainText("(continued)");
    // Play from item 2's chapter, then pause on a frame so the picture is steady.
    await page.locator(`li[data-chapter-item="2"] a[data-seek-ms]`).first().click();
    await expect(page.locator(`li[data-chapter-item="2"]`).first()).toHaveAttribute("aria-current", "true");
    const video = page.getByTestId("archive-video");
    await video.evaluate((v: HTMLVideoElement) => { v.muted = true; return v.play(); });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await video.evaluate((v: HTMLVideoElement) => v.pause());
    await expect(page.getByTestId("archive-now")).toContainText("Now in the recording: 2");
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, "the archive at 1280 px scrolls sideways").toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(OUT, "archive.png"), fullPage: true });
    await context.close();
    await chair.dispose();
    await clerk.dispose();
  } finally {
    await stream.close();
    await server.discard();
  }
});
