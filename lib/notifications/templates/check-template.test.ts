import { describe, expect, it } from "vitest";
import { DEFAULT_TEXTS } from "./defaults";
import { templateProblems } from "./check-template";

describe("template checks", () => {
  it("accept every default text", () => {
    for (const byLanguage of Object.values(DEFAULT_TEXTS))
      for (const texts of Object.values(byLanguage))
        for (const text of Object.values(texts)) if (typeof text === "string") expect(templateProblems(text), text).toEqual([]);
  });

  it("refuse an unknown variable, a helper, a block other than if / unless, and a template that does not compile", () => {
    expect(templateProblems("Hello {{patient.age}}")).toEqual(["uses the unknown variable {{patient.age}}"]);
    expect(templateProblems("{{lookup patient 'name'}}")).toEqual(["uses {{lookup …}}, which is not a variable"]);
    expect(templateProblems("{{#each patient}}x{{/each}}")).toEqual(["uses {{#each}}: only {{#if}} and {{#unless}} are allowed"]);
    expect(templateProblems("{{#if doctor.name}}with {{doctor.name}}{{/if}}")).toEqual([]);
    expect(templateProblems("{{#if doctor.salary}}x{{/if}}")).toEqual(["uses the unknown variable doctor.salary"]);
    expect(templateProblems("Hello {{patient.name")[0]).toMatch(/^does not compile: /);
  });
});
