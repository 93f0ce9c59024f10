// Checks HTML résumés in Debian's Chromium, driven by playwright-core, for
// tests/html.rs. For each file given, it:
//   - loads the page at 1280 and 390 px wide, takes a full-page screenshot
//     at each (NAME-1280.png, NAME-390.png) and measures whether the page
//     scrolls sideways;
//   - runs axe-core on it;
//   - prints it to PDF (NAME.pdf) with the page size its style sheet asks;
//   - records every request that is not for the file itself or a data: URL.
// It prints one JSON object, { "NAME": { ... }, ... }, on stdout.
//
// usage: node check.js OUT_DIR FILE.html...
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');

const AXE = require.resolve('axe-core/axe.min.js');

async function main() {
  const [outDir, ...files] = process.argv.slice(2);
  const userData = fs.mkdtempSync(path.join(require('os').tmpdir(), 'vita-chromium-'));
  const browser = await chromium.launchPersistentContext(userData, {
    executablePath: process.env.VITA_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = {};
  try {
    for (const file of files) {
      const name = path.basename(file, '.html');
      const url = 'file://' + path.resolve(file);
      const r = { requests: [], widths: {}, console: [] };
      const page = await browser.newPage();
      page.on('console', (m) => { if (m.type() === 'error') r.console.push(m.text()); });
      await page.route('**/*', (route) => {
        const u = route.request().url();
        if (u === url || u.startsWith('data:')) return route.continue();
        r.requests.push(u);
        return route.abort();
      });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const m = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          fonts: [...document.fonts].filter((f) => f.status === 'loaded').length,
          failedFonts: [...document.fonts].filter((f) => f.status === 'error').length,
        }));
        r.widths[width] = m;
        await page.screenshot({ path: path.join(outDir, `${name}-${width}.png`), fullPage: true });
      }
      await page.addScriptTag({ path: AXE });
      const axe = await page.evaluate(async () => {
        const res = await window.axe.run(document, { resultTypes: ['violations'] });
        return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      r.axe = axe;
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: path.join(outDir, `${name}.pdf`), preferCSSPageSize: true,
        printBackground: true });
      await page.close();
      results[name] = r;
    }
  } finally {
    await browser.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(results, null, 1) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
