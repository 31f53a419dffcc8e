// What every browser test script shares: the browser as this machine runs
// it (Debian's Chromium, headless, no background networking), axe-core
// with the WCAG 2.1 A/AA rules, and small reporting helpers.

import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

export const violations = [];
export const checked = [];

/** Runs axe-core on the page and records its violations under `name`. */
export async function axe(page, name) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  checked.push(name);
  for (const v of result.violations) {
    violations.push(`${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  }
}

export function step(msg) {
  console.log(`e2e: ${msg}`);
}

export function expect(cond, msg) {
  if (!cond) throw new Error(`expectation failed: ${msg}`);
}

/** Debian's Chromium, as the machine's notes say to start it. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Prints the axe summary and exits non-zero on any violation. */
export function finish() {
  console.log(`e2e: axe checked ${checked.length} pages`);
  if (violations.length) {
    console.error(`e2e: ${violations.length} axe violation(s):\n${violations.join("\n")}`);
    process.exit(1);
  }
  console.log("e2e: OK, zero axe violations");
}
