import { test, expect } from "@playwright/test";

// The seeded meeting of 6 December 2022 (S4:40-69 of the agenda pack).
const MEETING = "/meetings/2022-12-06";

test.describe("without JavaScript (server-rendered)", () => {
  test.use({ javaScriptEnabled: false });

  test("the meeting page shows the whole agenda and the membership", async ({ page }) => {
    const response = await page.goto(MEETING);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Police and Crime Panel");
    const agenda = page.getByRole("region", { name: "Agenda" });
    for (const text of [
      "Introduction/Webcast Announcement",
      "Apologies and Substitutes",
      "Declarations of Interests by Members in Items on the Agenda for this Meeting",
      "Minutes of the Police and Crime Panel held on 27 September 2022",
      "Items for consideration under Statutory Obligation",
      "Chief Constable Confirmation Hearing",
      "Pages 11 - 56",
      "Update following HMICFRS PEEL Inspection 2021/22",
      "None for this meeting.",
      "Questions to the Commissioner",
      "Future work programme",
    ]) {
      await expect(agenda).toContainText(text);
    }
    const members = page.getByRole("table", { name: /Membership/ });
    await expect(members.locator("tbody tr")).toHaveCount(20);
    await expect(members).toContainText("Mike Hill");
  });

  test("the meetings list links to the demo meeting", async ({ page }) => {
    await page.goto("/");
    // Each meeting is named by its date and time (its link), with the Panel's name beside it.
    await page.locator("li[data-meeting]", { hasText: "Police and Crime Panel" }).first().getByRole("link").click();
    await expect(page).toHaveURL(/\/meetings\//);
  });

  test("an unknown address shows a friendly not-found page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("with JavaScript (hydrated)", () => {
  test("the page goes live and the membership toggle works", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(MEETING);
    await expect(page.getByText("Live: updates appear as they happen")).toBeVisible({ timeout: 10_000 });

    const toggle = page.getByRole("button", { name: /membership/i });
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("table", { name: /Membership/ })).toBeHidden();
    await toggle.click();
    await expect(page.getByRole("table", { name: /Membership/ })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

// The public meeting page is rendered without the router (its own small bundle); every other page runs under
// it. A link from the routed list to a meeting changes page in place; a link out of the public page is an
// ordinary page load. `window.stayed` survives the first and not the second.
test.describe("with JavaScript, moving between pages", () => {
  test("the routed list opens a meeting in place; the public page's links load whole pages", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const stayed = () => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);
    const mark = () => page.evaluate(() => ((window as unknown as { stayed?: boolean }).stayed = true));

    await page.goto("/");
    await page.waitForLoadState("networkidle");
    await mark();
    // Each meeting is named by its date and time (its link), with the Panel's name beside it.
    await page.locator("li[data-meeting]", { hasText: "Police and Crime Panel" }).first().getByRole("link").click();
    await expect(page).toHaveURL(/\/meetings\/[a-z0-9-]+$/);
    await expect(page.getByText("Live: updates appear as they happen")).toBeVisible({ timeout: 10_000 });
    expect(await stayed()).toBe(true);

    await page.goto(MEETING);
    await expect(page.getByText("Live: updates appear as they happen")).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/Live meeting|Upcoming meeting|Meeting adjourned|Meeting archive/);
    await mark();
    await page.getByRole("link", { name: "Panelcast", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await stayed()).toBe(false);
    expect(errors).toEqual([]);
  });
});
