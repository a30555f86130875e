import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// WCAG 2.0 and 2.1, levels A and AA: what RGAA and Section 508 ask of staff software.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Every story calls this on each page it visits (dialogs open included): a serious or
// critical violation fails the story, listed with the elements it was found on.
export async function expectAccessible(page: Page, where: string) {
  // Not inside iframes: the only ones are the Local sinks page's sandboxed previews of the
  // emails patients received (their HTML, not the app's), hundreds of them after a long run.
  // Legacy mode runs axe inside the page itself: the default opens a helper tab per analysis,
  // which a long run with live (SSE) pages in other contexts can fail to get.
  // Behind an open modal, the page is hidden from assistive technology (data-aria-hidden, set
  // by the dialog) and dimmed on purpose: what is checked then is the dialog itself.
  const { violations } = await new AxeBuilder({ page })
    .withTags(TAGS)
    .exclude('[data-aria-hidden="true"]')
    .options({ iframes: false })
    .setLegacyMode(true)
    .analyze();
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join(" | ")}`,
  );
  // Soft: a story reports every page it checked, not only the first one that fails.
  expect.soft(report, `accessibility of ${where}`).toEqual([]);
  // Structure axe leaves to best practice: one h1 naming the page, one main landmark.
  const structure = await page.evaluate(() => ({
    h1: document.querySelectorAll("h1").length,
    main: document.querySelectorAll("main, [role=main]").length,
  }));
  expect.soft(structure, `one h1 and one main landmark on ${where}`).toEqual({ h1: 1, main: 1 });
}
