// The clerk's sign-in links (docs/LINKS.md): the clerk creates links for a meeting, copies one, reloads and
// still sees them listed (person, role, created, expires, state), revokes one, and the revoked link is
// refused with the clerk's reason; the printable sheet has one slip with a QR code per member and one for the
// Commissioner. Axe finds no violations on the page or the sheet.
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, expectNoAxeViolations } from "./helpers";

test("the clerk creates, lists after a reload, revokes and prints sign-in links", async ({ browser }) => {
  test.setTimeout(90_000);
  const server = await OwnServer.start("links");
  try {
    const clerk = await clerkApi(server);
    const context = await browserAs(browser, server, clerk, { role: "clerk", name: "Anna Taylor" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseURL });
    const page = await context.newPage();
    await page.goto("/clerk/sign-in-links");
    await expect(page.getByRole("heading", { name: "Sign-in links" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Meeting whose roster to list").selectOption("2022-12-06");
    await expect(page.getByText("No links created for this meeting yet.")).toBeVisible({ timeout: 10_000 });

    const create = page.getByRole("button", { name: /^Create link for / });
    await create.nth(0).click();
    await expect(page.getByTestId("created-links").locator("input")).toHaveCount(1);
    await create.nth(1).click();
    const created = page.getByTestId("created-links").locator("input");
    await expect(created).toHaveCount(2);
    const newest = await created.nth(0).inputValue();
    const older = await created.nth(1).inputValue();
    const revokedName = ((await page.getByTestId("created-links").locator("label").nth(0).textContent()) ?? "").replace(/^Link for /, "");
    expect(newest).toMatch(/\/sign-in\/[0-9a-f]{64}$/);

    await page.getByRole("button", { name: `Copy link for ${revokedName}` }).click();
    await expect(page.getByText("Copied.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(newest);
    await expectNoAxeViolations(page);

    await page.reload();
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Meeting whose roster to list").selectOption("2022-12-06");
    const stored = page.getByTestId("stored-links").locator("tbody tr");
    await expect(stored).toHaveCount(2, { timeout: 10_000 });
    await expect(stored.filter({ hasText: "Not used yet" })).toHaveCount(2);
    await expect(stored.nth(0)).toContainText(revokedName);
    await expect(page.getByTestId("stored-links")).not.toContainText("/sign-in/");

    await page.getByRole("button", { name: `Revoke the link for ${revokedName}` }).click();
    await expect(page.getByTestId("revoked")).toContainText(`The link for ${revokedName} is revoked`);
    await expect(stored.nth(0)).toContainText("Revoked");
    await expect(stored.filter({ hasText: "Not used yet" })).toHaveCount(1);
    await expectNoAxeViolations(page);

    const stranger = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
    await stranger.goto(newest);
    await stranger.getByRole("button", { name: "Sign in" }).click();
    await expect(stranger.getByRole("heading", { name: "This sign-in link cannot be used" })).toBeVisible();
    await expect(stranger.getByText("The clerk has revoked this link")).toBeVisible();
    await stranger.goto(older);
    await stranger.getByRole("button", { name: "Sign in" }).click();
    await expect(stranger).toHaveURL(`${server.baseURL}/`);

    await page.getByRole("button", { name: "Create links and open the sheet" }).click();
    await expect(page).toHaveURL(/\/meetings\/2022-12-06\/sign-in-sheet$/);
    const slips = page.getByTestId("slip");
    expect(await slips.count()).toBeGreaterThan(2);
    for (let i = 0; i < (await slips.count()); i++) {
      await expect(slips.nth(i).getByRole("img", { name: /^QR code of the sign-in link for / })).toBeVisible();
      await expect(slips.nth(i)).toContainText("/sign-in/");
    }
    await expectNoAxeViolations(page);
  } finally {
    await server.discard();
  }
});
