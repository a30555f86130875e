import { expect, test as base, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { baseUrlOf, DEMO_PASSWORD } from "./helpers";
import { sessionCookies } from "./sessions";

// Every page of the app, as an admin and as a receptionist, in English and in French, with
// its dialogs open and its empty states: no serious or critical WCAG 2.1 A/AA violation
// (axe-core, through expectAccessible in ./a11y). One test per page, role and language, so
// that a slow page is one slow test and the sweep spreads over every worker.
async function as(browser: Browser, email: string, locale: "en" | "fr"): Promise<Page> {
  const baseURL = baseUrlOf();
  const context = await browser.newContext({ locale: locale === "fr" ? "fr-FR" : "en-US" });
  await context.addCookies([{ name: "locale", value: locale, url: baseURL }, ...(await sessionCookies(baseURL, email, DEMO_PASSWORD))]);
  return context.newPage();
}

// Each worker keeps one signed-in tab per account and language for the sweep, as a person
// going from page to page would: the app's scripts load once, not once per page checked.
const test = base.extend<object, { tabOf: (email: string, locale: "en" | "fr") => Promise<Page> }>({
  tabOf: [
    async ({ browser }, use) => {
      const tabs = new Map<string, Promise<Page>>();
      await use((email, locale) => {
        const key = `${email} ${locale}`;
        if (!tabs.has(key)) tabs.set(key, as(browser, email, locale));
        return tabs.get(key)!;
      });
      for (const tab of tabs.values()) await (await tab).context().close();
    },
    { scope: "worker" },
  ],
});

test("the sign-in page, the forbidden and not-found pages", async ({ browser, baseURL }) => {
  for (const locale of ["en", "fr"] as const) {
    const context = await browser.newContext();
    await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expectAccessible(page, `sign-in (${locale})`);
    await page.goto("/no-such-page");
    await expectAccessible(page, `not found (${locale})`);
    await context.close();
  }
  const finance = await as(browser, "finance@saint-martin.demo", "en");
  await finance.goto("/patients");
  await expect(finance.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(finance, "forbidden");
  await finance.context().close();
});

type Locale = "en" | "fr";
// A page of the sweep: where it is, and what to do there before each check (open a dialog,
// wait for the rows). Each returned name is a check made at that moment.
type Sweep = {
  name: string;
  adminOnly?: boolean;
  visit: (page: Page, locale: Locale) => Promise<void>;
  then?: { name: string; open: (page: Page, locale: Locale) => Promise<boolean> }[];
};

const firstPatientId = async (page: Page) =>
  ((await (await page.request.get("/api/patients?limit=1")).json()) as { patients: { id: string }[] }).patients[0].id;
const go = (path: string) => async (page: Page) => void (await page.goto(path));
const openDialog = (opener: (page: Page, locale: Locale) => ReturnType<Page["locator"]>) => async (page: Page, locale: Locale) => {
  const button = opener(page, locale);
  if (!(await button.isVisible())) return false;
  await button.click();
  await expect(page.getByRole("dialog")).toBeVisible();
  return true;
};

const PAGES: Sweep[] = [
  {
    name: "appointments",
    visit: async (page) => {
      await page.goto("/appointments");
      await expect(page.getByTestId("appointment-row").first()).toBeVisible();
    },
    then: [
      {
        name: "appointments, cancel dialog open",
        open: openDialog((page, locale) =>
          page
            .getByTestId("appointment-row")
            .getByRole("button", { name: locale === "fr" ? /^Annuler/ : /^Cancel/ })
            .first(),
        ),
      },
    ],
  },
  {
    name: "an appointment with its scheduled notifications",
    visit: async (page) => {
      await page.goto("/appointments");
      await page.getByTestId("appointment-row").first().getByRole("link").first().click();
      await expect(page.getByTestId("appointment-when")).toBeVisible();
    },
  },
  { name: "patients", visit: go("/patients") },
  { name: "agenda, the day list to print", visit: go("/agenda/day-list") },
  { name: "new patient", visit: go("/patients/new") },
  {
    name: "agenda, time grid",
    visit: async (page) => {
      await page.goto("/agenda");
      await expect(page.getByTestId("time-grid")).toBeVisible();
    },
  },
  {
    name: "agenda, week grid",
    visit: async (page) => {
      await page.goto("/agenda?view=week");
      await expect(page.getByTestId("time-grid")).toBeVisible();
    },
  },
  { name: "agenda, list", visit: go("/agenda?layout=list") },
  {
    name: "agenda, week list",
    visit: go("/agenda?layout=list&view=week"),
    then: [{ name: "agenda, booking dialog open", open: openDialog((page) => page.getByTestId("free-slot").first()) }],
  },
  { name: "patients, empty search", visit: go("/patients?q=zzzzzz-nobody") },
  { name: "patient record", visit: async (page) => void (await page.goto(`/patients/${await firstPatientId(page)}`)) },
  { name: "edit patient", visit: async (page) => void (await page.goto(`/patients/${await firstPatientId(page)}/edit`)) },
  {
    name: "inbox, a conversation open",
    visit: async (page) => {
      await page.goto("/inbox");
      await expect(page.getByTestId("conversation").first()).toBeVisible();
      await page.getByTestId("conversation").first().click();
    },
    then: [
      {
        name: "inbox, shortcut list open",
        open: async (page) => {
          await page.getByTestId("shortcut-help").click();
          await expect(page.getByRole("dialog")).toBeVisible();
          return true;
        },
      },
    ],
  },
  { name: "notifications", visit: go("/notifications") },
  {
    name: "a delivery",
    visit: async (page) => {
      await page.goto("/notifications");
      // The log may still be empty when the sweep starts: then the empty log is what is checked.
      const first = page.getByTestId("delivery-row").first();
      if (!(await first.isVisible())) return;
      await first.getByRole("link").first().click();
      await page.waitForURL(/\/notifications\/[0-9a-f-]{36}/);
    },
  },
  { name: "notifications, empty", visit: go("/notifications?status=bounced&channel=telegram") },
  { name: "settings", visit: go("/settings") },
  { name: "my preferences", visit: go("/settings/preferences") },
  { name: "my notifications", visit: go("/settings/notifications") },
  {
    name: "alerts",
    visit: go("/alerts"),
    then: [
      {
        name: "alerts, the bell's panel open",
        open: async (page) => {
          await page.getByTestId("alert-bell").locator("visible=true").click();
          await expect(page.getByRole("dialog")).toBeVisible();
          return true;
        },
      },
    ],
  },
  ...[
    "agendas",
    "visit-reasons",
    "import",
    "reminders",
    "alert-routing",
    "notification-switches",
    "channels",
    "event-channels",
    "audit",
    "staff",
  ].map((tab): Sweep => ({ name: `settings, ${tab.replace("-", " ")}`, adminOnly: true, visit: go(`/settings/${tab}`) })),
  {
    name: "settings, templates",
    adminOnly: true,
    visit: async (page) => {
      await page.goto("/settings/templates?event=appointment.cancelled");
      await expect(page.getByTestId("sms-segments").first()).toBeVisible();
    },
  },
];
// The Local sinks page (dev tooling, absent in production) is left out: after a long run it
// holds hundreds of email previews in iframes, too heavy to analyse.

for (const [role, email] of [
  ["admin", "admin@saint-martin.demo"],
  ["receptionist", "reception@saint-martin.demo"],
] as const) {
  for (const locale of ["en", "fr"] as const) {
    for (const sweep of PAGES.filter((p) => role === "admin" || !p.adminOnly)) {
      test(`${sweep.name}, as ${role} (${locale})`, async ({ tabOf }) => {
        const page = await tabOf(email, locale);
        await sweep.visit(page, locale);
        await expectAccessible(page, `${sweep.name} as ${role} (${locale})`);
        for (const step of sweep.then ?? []) {
          if (await step.open(page, locale)) await expectAccessible(page, `${step.name} as ${role} (${locale})`);
          await page.keyboard.press("Escape");
        }
      });
    }
  }
}
