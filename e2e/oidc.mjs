// OIDC login in a real browser against a real OpenID provider (issue 16),
// started by crates/web/tests/oidc.rs, which runs samspill, the provider
// (e2e/oidc-provider.mjs) and checks what this script reports.
//
// For each scenario in SCENARIOS (`path|provider name|login name`, comma
// separated), in a fresh browser (no cookies): open the samspill page
// `path` (the login page, or an invitation link), choose the provider by
// its name, log in there as `login name` and consent,
// and follow the redirects back to samspill. Then the callback address is
// opened a second time (a replayed code and state). Prints one line per
// login: `oidc-result {json}` with where the browser ended, the page's
// main text, and the same for the replay. axe-core checks samspill's pages
// (the login page, the invitation page, and where their first flows end).

import { axe, finish, launch } from "./lib.mjs";

const BASE = process.env.BASE_URL;
const ISSUER = process.env.ISSUER;
const SCENARIOS = process.env.SCENARIOS.split(",").map((x) => x.split("|"));

// axe checks the pages of the first scenario of each starting page.
const checkedPaths = new Set();

async function mainText(page) {
  const main = page.locator("main");
  return (await main.count()) ? (await main.first().innerText()).trim() : (await page.content());
}

const browser = await launch();

try {
  for (const [path, providerName, login] of SCENARIOS) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    let callback = null;
    page.on("request", (r) => {
      if (process.env.OIDC_DEBUG) console.error(`request ${r.method()} ${r.url()}`);
      if (r.url().startsWith(`${BASE}/login/oidc/`) && r.url().includes("/callback")) callback = r.url();
    });
    await page.goto(`${BASE}${path}`);
    const first = !checkedPaths.has(path.split("/")[2]);
    if (first) await axe(page, `${path.split("/").slice(0, 3).join("/")} with providers`);
    const name = new RegExp(providerName);
    await page.getByRole("link", { name }).or(page.getByRole("button", { name })).click();
    await page.waitForURL((u) => u.href.startsWith(`${ISSUER}/interaction/`), { timeout: 15000 }).catch(async (e) => {
      console.error(`${login}: not at the provider's login: ${page.url()}\n${await page.content()}`);
      throw e;
    });
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("any password");
    await page.locator('button[type="submit"]').click();
    // The provider asks for consent once per client and account.
    await page.waitForURL((u) => u.href.startsWith(BASE) || (u.href.startsWith(`${ISSUER}/interaction/`) && u.href !== page.url()), { timeout: 10000 }).catch(() => {});
    if (page.url().startsWith(ISSUER)) {
      await page.getByRole("button", { name: "Continue" }).click();
    }
    await page.waitForURL((u) => u.href.startsWith(BASE), { timeout: 10000 });
    await page.waitForLoadState("load");
    const result = { path, provider: providerName, login, url: page.url(), text: await mainText(page), callback };
    if (first) await axe(page, `after login as ${login}`);
    checkedPaths.add(path.split("/")[2]);
    if (callback) {
      const again = await page.goto(callback);
      result.replay = { status: again.status(), url: page.url(), text: await mainText(page) };
    }
    console.log(`oidc-result ${JSON.stringify(result)}`);
    await ctx.close();
  }
} finally {
  await browser.close();
}

finish();
