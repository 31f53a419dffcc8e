// The demo's start page in a real browser (issue 15), started by
// crates/cli/tests/demo.rs against `samspill demo`: `/` leads a visitor to
// the start page, which says what samspill is for and who uses it; neither
// it nor the login page scrolls sideways on a 390 px phone (nor on a
// desktop), and axe-core finds no violation on either.

import { axe, expect, finish, launch, step } from "./lib.mjs";

const BASE = process.env.BASE_URL;
const VIEWPORTS = [
  { name: "phone 390", options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  { name: "desktop", options: { viewport: { width: 1280, height: 800 } } },
];

const browser = await launch();
try {
  for (const { name, options } of VIEWPORTS) {
    const page = await (await browser.newContext(options)).newPage();
    await page.goto(`${BASE}/`);
    await page.waitForURL(/\/demo$/);
    const text = await page.locator("main").textContent();
    expect(text.includes("samspill kartlegger hvem som samarbeider") && text.includes("Hvem bruker det"), `the start page says what samspill is for and who uses it: ${text.slice(0, 300)}`);
    for (const path of ["/demo", "/login"]) {
      await page.goto(`${BASE}${path}`);
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll <= width, `${path} (${name}): the page is ${scroll} px wide in a ${width} px window`);
      await axe(page, `${path} (${name})`);
    }
    step(`start page and login on ${name}`);
  }
} finally {
  await browser.close();
}
finish();
