// Browser test of the reports (issue 13), started by
// crates/report/tests/browser.rs, which writes the demo reports as HTML
// files into REPORT_DIR.
//
// Every report is opened in Chromium on a 390 px wide phone and on a
// desktop: the page must never scroll sideways (wide tables scroll inside
// their own region), every figure must be an image with a text alternative,
// and axe-core must find no WCAG 2.1 A/AA violation.

import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const DIR = process.env.REPORT_DIR;
if (!DIR) throw new Error("REPORT_DIR is not set");
const files = readdirSync(DIR).filter((f) => f.endsWith(".html")).sort();
if (files.length === 0) throw new Error(`no reports in ${DIR}`);

const problems = [];
let checked = 0;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

const devices = [
  { name: "phone 390", options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  { name: "desktop", options: { viewport: { width: 1280, height: 900 } } },
];

try {
  for (const device of devices) {
    const context = await browser.newContext(device.options);
    for (const file of files) {
      const page = await context.newPage();
      const where = `${file} (${device.name})`;
      await page.goto(pathToFileURL(join(DIR, file)).href);
      // No sideways scroll of the page itself.
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        body: document.body.scrollWidth,
      }));
      if (widths.scroll > widths.client || widths.body > widths.client) {
        // Name the widest element so the failure says what to fix.
        const widest = await page.evaluate(() => {
          const limit = document.documentElement.clientWidth;
          let found = null;
          for (const el of document.querySelectorAll("body *")) {
            const r = el.getBoundingClientRect();
            if (r.right > limit + 0.5 && (!found || r.right > found.right)) {
              found = { tag: el.tagName.toLowerCase(), cls: el.className && el.className.baseVal === undefined ? el.className : "", right: Math.round(r.right) };
            }
          }
          return found;
        });
        problems.push(`${where}: scrolls sideways (${widths.scroll} > ${widths.client}); widest: ${JSON.stringify(widest)}`);
      }
      // Every figure is an image with a text alternative.
      const figures = await page.evaluate(() =>
        [...document.querySelectorAll("figure .picture")].map((p) => ({
          role: p.getAttribute("role"),
          label: (p.getAttribute("aria-label") || "").length,
          hidden: p.querySelector("svg")?.getAttribute("aria-hidden"),
        })),
      );
      for (const f of figures) {
        if (f.role !== "img" || f.label === 0 || f.hidden !== "true") {
          problems.push(`${where}: a figure without role="img", text alternative or hidden SVG: ${JSON.stringify(f)}`);
        }
      }
      const result = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      for (const v of result.violations) {
        problems.push(`${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.length} node(s): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
      }
      checked += 1;
      console.log(`report e2e: ${where}: ${figures.length} figures, page ${widths.client} px wide`);
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
}

console.log(`report e2e: checked ${checked} pages`);
if (problems.length) {
  console.error(`report e2e: ${problems.length} problem(s):\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("report e2e: OK, no sideways scroll, zero axe violations");
