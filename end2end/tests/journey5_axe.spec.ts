// Journey 5: an axe-core scan (the npm package, injected into the page) of every screen, live and in use:
// the public page, the chair's console, the clerk's console, the member's device with an open ballot, the
// Commissioner's view, the meetings list and the clerk's sign-in links page. Zero violations allowed.
import { test, expect, Page } from "@playwright/test";
import { MEETING, stageMeeting, Stage } from "./stage";
import { expectNoAxeViolations } from "./helpers";

let stage: Stage;

test.beforeAll(async ({ browser }) => {
  stage = await stageMeeting(browser, "journey5");
});

test.afterAll(async () => {
  await stage?.close();
});

const scan = expectNoAxeViolations;

async function openLive(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
}

const screens: [string, (s: Stage) => any, string, string][] = [
  ["the public meeting page", (s) => s.public, `/meetings/${MEETING}`, "Agenda"],
  ["the chair's console", (s) => s.chair, `/meetings/${MEETING}/console`, "Votes"],
  ["the clerk's console", (s) => s.clerk, `/meetings/${MEETING}/console`, "Attendance"],
  ["the member's device", (s) => s.member, `/meetings/${MEETING}/member`, "Vote"],
  ["the Commissioner's view", (s) => s.commissioner, `/meetings/${MEETING}/commissioner`, "Questions accepted for you"],
];

for (const [name, who, path, heading] of screens) {
  test(`axe finds no violations on ${name}`, async () => {
    const page = await who(stage).newPage();
    await openLive(page, path);
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await scan(page);
    await page.close();
  });
}

test("axe finds no violations on the chair's close-vote confirmation", async () => {
  const page = await stage.chair.newPage();
  await openLive(page, `/meetings/${MEETING}/console`);
  await page.getByRole("button", { name: "Close the vote…" }).click();
  await expect(page.getByRole("group", { name: "Confirm" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Confirm" })).toBeFocused();
  await scan(page);
  await page.close();
});

test("axe finds no violations on the meetings list and the clerk's sign-in links page", async () => {
  const page = await stage.clerk.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Live now" })).toBeVisible();
  await scan(page);
  await page.goto("/clerk/sign-in-links");
  await expect(page.getByRole("table", { name: /Members, substitutes/ })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Create link for Mr Matthew Scott" }).click();
  const link = page.getByRole("textbox", { name: "Link for Mr Matthew Scott" });
  await expect(link).toHaveValue(/\/sign-in\/[A-Za-z0-9_-]+$/);
  await scan(page);

  // The link the clerk's page made signs the Commissioner in, once.
  const url = await link.inputValue();
  const fresh = await page.context().browser()!.newContext();
  const commissioner = await fresh.newPage();
  await commissioner.goto(url);
  await commissioner.getByRole("button", { name: "Sign in" }).click();
  await expect(commissioner.getByText("Signed in as")).toContainText("Mr Matthew Scott");
  await commissioner.goto(`/meetings/${MEETING}/commissioner`.replace(/^/, new URL(url).origin));
  await expect(commissioner.getByRole("heading", { name: "Questions accepted for you" })).toBeVisible();
  await fresh.close();
  await page.close();
});

test("only a clerk gets the sign-in links page", async () => {
  const page = await stage.member.newPage();
  await page.goto("/clerk/sign-in-links");
  await expect(page.getByTestId("clerk-only")).toContainText("Only a clerk can create sign-in links");
  const refused = await stage.member.request.post("/api/v1/sign-in-links", {
    data: { actor: { role: "commissioner" }, display_name: "Mr Matthew Scott" },
  });
  expect(refused.status()).toBe(403);
  await page.close();
});

test("no screen scrolls sideways on a 320 px phone or at 200% zoom (640 px)", async () => {
  test.setTimeout(120_000);
  for (const width of [320, 640]) {
    for (const [name, who, path] of screens) {
      const page = await who(stage).newPage();
      await page.setViewportSize({ width, height: 800 });
      await openLive(page, path);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways, `${name} at ${width} px`).toBeLessThanOrEqual(0);
      await page.close();
    }
  }
});

test("a member can change their vote with the keyboard alone, with focus visible", async () => {
  const page = await stage.member.newPage();
  await openLive(page, `/meetings/${MEETING}/member`);
  const ballot = page.getByTestId("ballot");
  await expect(ballot.getByLabel("For", { exact: true })).toBeChecked();
  await ballot.getByLabel("For", { exact: true }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(ballot.getByLabel("Against")).toBeChecked();
  await page.keyboard.press("Tab");
  const submit = ballot.getByRole("button", { name: "Change my vote" });
  await expect(submit).toBeFocused();
  expect(await submit.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  await page.keyboard.press("Enter");
  await expect(ballot.getByTestId("my-ballot")).toContainText(/You voted Against at \d\d:\d\d — you can change it until the vote closes\./);
  await page.close();
});
