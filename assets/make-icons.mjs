// Renders assets/icon.svg to public/icon/{16,32,48,128}.png with Debian's Chromium (run: node assets/make-icons.mjs).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const svg = readFileSync('assets/icon.svg', 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const s of [16, 32, 48, 128]) {
  const p = await b.newPage({ viewport: { width: s, height: s }, deviceScaleFactor: 1 });
  await p.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${s}" height="${s}" `)}</body></html>`,
  );
  await p.screenshot({ path: `public/icon/${s}.png`, omitBackground: true });
  await p.close();
}
await b.close();
