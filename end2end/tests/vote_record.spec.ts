// The published record: after the hearing's veto vote closes, the public page links the votes CSV; the
// download has one row per seat with how each member voted; once the chair reports, the public page links
// the Panel's report to the Commissioner, which axe finds no violations on. Own server, fresh database.
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, apiAs, mustRun, viewOf, seatHolders, expectNoAxeViolations } from "./helpers";

const MEETING = "2022-12-06";

/// One CSV record (RFC 4180: quoted cells may hold commas and doubled quotes; no newlines in these cells).
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      out.push(cell);
      cell = "";
    } else {
      cell += c;
    }
  }
  out.push(cell);
  return out;
}

test("the votes CSV and the published hearing report are linked from the public page", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await OwnServer.start("vote-record");
  try {
    const clerk = await clerkApi(server);
    const members = seatHolders(await viewOf(clerk, MEETING));
    const chairSeat = members.find((m) => m.chair)!;
    for (const m of members) await mustRun(clerk, MEETING, { type: "RecordAttendance", member: m.id, mark: "present" });
    const chair = await apiAs(server, clerk, { role: "member", member: chairSeat.id, name: chairSeat.name });
    await mustRun(chair, MEETING, { type: "OpenMeeting" });
    await mustRun(chair, MEETING, { type: "GoToItem", item: "A1" });
    for (const stage of ["questions", "private_deliberation", "vote"]) {
      await mustRun(chair, MEETING, { type: "SetHearingStage", stage });
    }
    await mustRun(chair, MEETING, { type: "OpenVote", kind: "chief_constable_veto" });
    const voters = members.filter((m) => !m.chair);
    for (const [i, m] of voters.entries()) {
      const api = await apiAs(server, clerk, { role: "member", member: m.id, name: m.name });
      await mustRun(api, MEETING, { type: "CastBallot", vote: 1, choice: i < 14 ? "for" : "against", ballot_id: `rec-${i}` });
      await api.dispose();
    }
    await mustRun(chair, MEETING, { type: "CloseVote", vote: 1 });
    await mustRun(clerk, MEETING, { type: "RecordHearingReasons", reasons: "Two-thirds of the Panel found the candidate unsuitable." });

    const context = await browser.newContext({ baseURL: server.baseURL, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`/meetings/${MEETING}`);
    const record = page.getByTestId("record-links");
    await expect(record).toBeVisible({ timeout: 10_000 });
    await expect(record.getByRole("link", { name: "The Panel's report to the Commissioner" })).toHaveCount(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      record.getByRole("link", { name: "How each member voted (CSV)" }).click(),
    ]);
    const csv = await (await download.createReadStream())!.toArray();
    const lines = Buffer.concat(csv).toString("utf8").trim().split("\n");
    expect(lines).toHaveLength(21);
    const header = cells(lines[0]);
    const position = header.indexOf("position");
    expect(position).toBeGreaterThan(0);
    const positions = lines.slice(1).map((line) => cells(line)[position]);
    expect(positions.filter((p) => p === "For")).toHaveLength(14);
    expect(positions.filter((p) => p === "Against")).toHaveLength(5);
    expect(positions.filter((p) => p === "Did not vote")).toHaveLength(1);

    // The report is a draft until the chair reports; then the public page links it.
    expect((await context.request.get(`/meetings/${MEETING}/hearing-report`)).status()).toBe(404);
    await mustRun(chair, MEETING, { type: "ReportHearing" });
    const reportLink = record.getByRole("link", { name: "The Panel's report to the Commissioner" });
    await expect(reportLink).toBeVisible({ timeout: 10_000 });
    await reportLink.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/proposed appointment of Mr Tim Smith/);
    await expect(page.locator("main")).toContainText("The Panel vetoes the proposed appointment");
    await expect(page.locator("main")).toContainText("3 × 14 = 42 ≥ 2 × 20 = 40");
    await expect(page.locator("main")).toContainText("Two-thirds of the Panel found the candidate unsuitable.");
    await expectNoAxeViolations(page);
    await context.close();
  } finally {
    await server.discard();
  }
});
