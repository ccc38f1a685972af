// Checks HTML papers with axe-core in Debian's headless Chromium, driven
// by puppeteer-core (which never downloads a browser), for the WCAG 2.0,
// 2.1 and 2.2 level A and AA rules. Prints JSON: one entry per file with
// the violations found, each with its rule, impact, help text and the
// elements it failed on.
//
//   node axe.mjs FILE.html…        (CHROMIUM overrides /usr/bin/chromium)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node axe.mjs FILE.html…");
  process.exit(2);
}
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const profile = await mkdtemp(join(tmpdir(), "agsreport-axe-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const out = [];
try {
  for (const f of files) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(resolve(f)).href, { waitUntil: "load" });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        resultTypes: ["violations"],
      });
      return {
        violations: r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
        })),
        passes: r.passes.length,
      };
    });
    out.push({ file: f, ...result });
    await page.close();
  }
} finally {
  await browser.close();
  await rm(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(out));
