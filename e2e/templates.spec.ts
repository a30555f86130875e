import { expect, test } from "@playwright/test";
// Every page of these stories is checked with axe-core (@axe-core/playwright, WCAG 2.1 A/AA,
// no serious or critical violation) through expectAccessible.
import { expectAccessible } from "./a11y";
import { signIn } from "./helpers";

test("an admin edits a cancellation SMS: an unknown variable is refused beside the text, the preview shows a real patient and the segments, and it saves", async ({
  page,
}) => {
  await signIn(page, "admin@hudson.demo");
  await page.goto("/settings/templates?event=appointment.cancelled");
  const sms = page.locator("[data-testid=template][data-channel=sms][data-language=en]");
  await expect(sms.getByTestId("sms-segments")).toContainText("1 SMS segment");
  await expectAccessible(page, "settings, templates");
  const text = sms.getByLabel("Text");
  const original = await text.inputValue();
  try {
    await text.fill("Hi {{patient.age}}, your visit is off.");
    await expect(sms.getByRole("alert")).toContainText("uses the unknown variable {{patient.age}}");
    await sms.getByRole("button", { name: "Save" }).click();
    await expect(sms.getByRole("alert")).toContainText("unknown variable");

    await text.fill("{{centre.name}}: {{patient.firstName}}, appointment {{appointment.reference}} is cancelled. Call us to book again.");
    await expect(sms.getByTestId("template-preview")).toContainText("Hudson");
    await expect(sms.getByTestId("template-preview")).not.toContainText("{{");
    await expect(sms.getByTestId("sms-segments")).toContainText(/\d SMS segments?, GSM-7/);
    await sms.getByRole("button", { name: "Save" }).click();
    await expect(sms.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  } finally {
    // Back to the default text: other stories read this clinic's messages.
    expect(
      (
        await page.request.post("/api/templates/reset", { data: { eventType: "appointment.cancelled", channel: "sms", language: "en" } })
      ).status(),
    ).toBe(200);
    expect(original).toContain("cancelled");
  }
});
