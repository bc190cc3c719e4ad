// Opens staff pages of a running Gongbang server in Debian's headless Chromium, as a
// signed-in staff member on a phone-sized screen:
//
//   node pages.mjs --base http://127.0.0.1:3000 --token <session token> --out <dir> <path>...
//
// For every path it checks the answer is 200 and the page raised no error (uncaught
// exceptions, console errors such as CSP violations, failed requests), and saves a
// full-page screenshot (412 × 915, like a large Android phone) as <dir>/<name>.png.
// Paths of print pages (`/print`) are also printed to PDF with the page size their CSS
// asks for (`preferCSSPageSize`), saved as <dir>/<name>.pdf with the PDF's page count
// and page sizes (in mm), plus a picture of the print layout as <dir>/<name>-print.png.
//
// A path written `anon:/staff` is opened without the session cookie (the sign-in page).
//
// Writes one JSON report on stdout; exits 1 when any page failed, 2 on bad arguments.
// The session token may also come from GONGBANG_SESSION_TOKEN.

import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from './chromium.mjs';

const PHONE = { width: 412, height: 915 };
const MM_PER_POINT = 25.4 / 72;
// The paper sizes at 96 CSS px per inch, for the picture of the printed page.
const PAPER_PX = { a4: { width: 794, height: 1123 }, label: { width: 378, height: 567 } };

function parseArgs(argv) {
  const args = { base: null, token: process.env.GONGBANG_SESSION_TOKEN || null, out: null, paths: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--base') args.base = argv[++i];
    else if (arg === '--token') args.token = argv[++i];
    else if (arg === '--out') args.out = argv[++i];
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else args.paths.push(arg);
  }
  if (!args.base || !args.token || !args.out || args.paths.length === 0) {
    throw new Error('usage: node pages.mjs --base <url> --token <session token> --out <dir> <path>...');
  }
  return args;
}

/** A file name for a path: `/workshop/tickets/T000001/print?format=a4` → `workshop-tickets-T000001-print-format-a4`. */
function nameOf(pagePath) {
  const name = pagePath.replace(/^\/+/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return name || 'index';
}

/** Page count and page sizes (mm) of a PDF as Chromium writes it (page objects in clear text). */
function pdfPages(bytes) {
  const text = bytes.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || [];
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)]
    .map((m) => Number(m[1] ?? m[2]));
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g)].map((m) => ({
    width_mm: Math.round((Number(m[3]) - Number(m[1])) * MM_PER_POINT * 10) / 10,
    height_mm: Math.round((Number(m[4]) - Number(m[2])) * MM_PER_POINT * 10) / 10,
  }));
  return { pages: pages.length, count: counts.length ? Math.max(...counts) : null, sizes };
}

async function visit(context, base, out, pagePath) {
  const name = nameOf(pagePath);
  const result = { path: pagePath, status: null, title: null, errors: [] };
  const page = await context.newPage();
  page.on('pageerror', (error) => result.errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') result.errors.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    result.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (status >= 400 && response.request().resourceType() !== 'document') {
      result.errors.push(`${status} for ${response.url()}`);
    }
  });
  try {
    const response = await page.goto(new URL(pagePath, base).href, { waitUntil: 'load' });
    result.status = response ? response.status() : null;
    result.final_url = page.url();
    result.title = await page.title();
    if (result.status !== 200) result.errors.push(`status ${result.status}`);
    if (new URL(page.url()).pathname !== new URL(pagePath, base).pathname) {
      result.errors.push(`redirected to ${page.url()}`);
    }
    result.screenshot = path.join(out, `${name}.png`);
    await page.screenshot({ path: result.screenshot, fullPage: true });
    result.screenshot_bytes = (await stat(result.screenshot)).size;
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    result.scroll_width = scroll;
    if (pagePath.includes('/print')) {
      const pdfPath = path.join(out, `${name}.pdf`);
      await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
      const bytes = await readFile(pdfPath);
      result.pdf = { file: pdfPath, bytes: bytes.length, ...pdfPages(bytes) };
      const label = pagePath.includes('format=label');
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize(label ? PAPER_PX.label : PAPER_PX.a4);
      // The page margins of the stylesheet's @page rule, which a screenshot lacks.
      await page.addStyleTag({ content: `body{padding:${label ? '4mm' : '12mm'}}` });
      result.print_screenshot = path.join(out, `${name}-print.png`);
      await page.screenshot({ path: result.print_screenshot, fullPage: true });
    }
  } catch (error) {
    result.errors.push(`failed: ${error.message}`);
  } finally {
    await page.close();
  }
  return result;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  await mkdir(args.out, { recursive: true });
  const browser = await launchChromium();
  const report = { ok: false, base: args.base, browser: browser.version(), pages: [] };
  try {
    const phone = {
      viewport: PHONE,
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
      timezoneId: 'Asia/Seoul',
    };
    const signedIn = await browser.newContext(phone);
    await signedIn.addCookies([
      { name: 'gongbang_session', value: args.token, url: args.base, httpOnly: true, sameSite: 'Strict' },
    ]);
    const anonymous = await browser.newContext(phone);
    for (const given of args.paths) {
      const anon = given.startsWith('anon:');
      const pagePath = anon ? given.slice('anon:'.length) : given;
      const result = await visit(anon ? anonymous : signedIn, args.base, args.out, pagePath);
      result.path = given;
      report.pages.push(result);
    }
    await signedIn.close();
    await anonymous.close();
  } finally {
    await browser.close();
  }
  report.ok = report.pages.every((p) => p.errors.length === 0);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(report.ok ? 0 : 1);
}

main().catch((error) => {
  process.stdout.write(`${JSON.stringify({ ok: false, error: String(error?.stack || error) })}\n`);
  process.exit(1);
});
