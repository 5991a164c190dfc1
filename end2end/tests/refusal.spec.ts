// A rule's refusal reaches the person who sent the command, in their browser: a member submits a question to the
// 6 December 2022 meeting, whose deadline for questions has passed, and the member device shows the core's own
// sentence as an alert. The refusal travels as `{"kind":"command","detail":{"error":"question_deadline_passed",…}}`
// and is decoded by the browser's wire codec (app/src/wire/: codec.rs, command_error.rs, json/tagging.rs);
// nothing is added to the meeting.
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, viewOf, seatHolders } from "./helpers";

const MEETING = "2022-12-06";

test("a refused command shows the rule's reason on the member's device and changes nothing", async ({ browser }) => {
  test.setTimeout(60_000);
  const server = await OwnServer.start("refusal");
  try {
    const clerk = await clerkApi(server);
    const before = await viewOf(clerk, MEETING);
    const member = seatHolders(before).find((m) => !m.chair)!;
    const context = await browserAs(browser, server, clerk, { role: "member", member: member.id, name: member.name });
    const device = await context.newPage();
    await device.goto(`/meetings/${MEETING}/member`);
    await expect(device.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });

    await device.getByLabel("Your question to the Commissioner").fill("Will the new Chief Constable publish a plan for rural crime?");
    await device.getByRole("button", { name: "Submit the question" }).click();
    const alert = device.getByRole("alert");
    await expect(alert).toContainText("Not done: Questions had to be submitted by");
    await expect(alert).toContainText(before.question_deadline);

    const after = await viewOf(clerk, MEETING);
    expect(after.seq).toBe(before.seq);
    expect(after.questions).toEqual(before.questions);
  } finally {
    await server.discard();
  }
});
