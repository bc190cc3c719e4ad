// Drives the traveller's widget of a running Gongbang server in Debian's headless
// Chromium, on a phone (390 × 844, device scale 2, touch), as tests/api/widget.rs asks:
//
//   node widget.mjs --base http://127.0.0.1:3000 --out <dir> --scenario <name> [--lang en]
//
// Scenarios:
//   flow      the made-to-measure shirt from the product list to a paid order: an
//             impossible chest (named, with its range), then valid measurements and the
//             recommendation; a monogram character outside the whitelist (named), then a
//             valid one; a fabric and the preview drawn; a trip too short (infeasible,
//             with alternatives), then the later departure offered; the traveller; the
//             card form (Stripe.js is answered by a stub here: the network is closed) and
//             the confirmation. After `{"event":"placed"}` it waits for a line on stdin
//             (the test confirms the payment through Stripe's webhook), then refreshes
//             the status. Texts are checked in the --lang language (en or ko).
//   offline   the card wallet: Stripe.js does not load, so the page offers the counter,
//             and the traveller pays at the counter; a reload keeps the draft; the order
//             request reaches the server but its answer is lost (the API "unreachable"),
//             the page says so and keeps everything, and Retry (same Idempotency-Key)
//             shows the confirmation of the one order.
//   artwork   the Seoul map print: a photo over 16.7 megapixels is refused before
//             decoding while the page stays responsive, a small one is too blurry, a
//             large one is accepted and drawn into the preview.
//   bench     preview timings at 4x CPU slowdown at 1080 px: `gongbang:preview`
//             (option change → pixels on the canvas) p50/p75/max and main-thread long
//             tasks; `gongbang:recommend` durations. Reported, not asserted.
//
// Writes JSON lines on stdout (events, then one report `{"event":"done","ok":…}`);
// exits 1 when a step failed or the page raised an error.

import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { launchChromium } from './chromium.mjs';

const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  timezoneId: 'Asia/Seoul',
};

// What each language must say at each step.
const TEXTS = {
  en: {
    products: 'Choose a product',
    chest: ['Chest', '60 cm', '160 cm'],
    size: 'Base pattern 100',
    monogram: 'cannot be made',
    infeasible: 'No: it cannot be ready in time',
    feasible: 'Yes: it can be ready in time',
    card: 'Card details',
    thanks: 'Thank you! Your order is placed.',
    placed: 'Placed, waiting for payment',
    confirmed: 'Confirmed',
  },
  ko: {
    products: '상품 선택',
    chest: ['가슴둘레', '60 cm', '160 cm', '가능한 범위'],
    size: '기본 패턴 100',
    monogram: '새길 수 없습니다',
    infeasible: '불가능합니다',
    feasible: '가능합니다',
    card: '카드 정보',
    thanks: '감사합니다! 주문이 접수되었습니다.',
    placed: '접수됨, 결제 대기 중',
    confirmed: '확정됨',
  },
};

// Stripe.js as far as the widget uses it; the real one cannot load without a network.
const STRIPE_STUB = `
window.Stripe = function (key, options) {
  window.__stripe = { key, locale: options && options.locale, confirmed: 0 };
  return {
    elements({ clientSecret }) {
      window.__stripe.clientSecret = clientSecret;
      return {
        create() {
          return {
            mount(selector) {
              document.querySelector(selector).innerHTML =
                '<div style="border:1px solid #8c8678;border-radius:8px;padding:12px;background:#fbfbfd">' +
                '<label style="display:block;font-weight:700">Card number (test)' +
                '<input id="stub-card" value="4242 4242 4242 4242" autocomplete="off" ' +
                'style="display:block;width:100%;min-height:44px;margin-top:4px;font:inherit"></label></div>';
            },
          };
        },
      };
    },
    async confirmPayment() {
      window.__stripe.confirmed += 1;
      return { paymentIntent: { status: 'succeeded' } };
    },
  };
};`;

function parseArgs(argv) {
  const args = { base: null, out: null, scenario: null, lang: 'en', rounds: 12, cpu: 4 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--base') args.base = argv[++i];
    else if (arg === '--out') args.out = argv[++i];
    else if (arg === '--scenario') args.scenario = argv[++i];
    else if (arg === '--lang') args.lang = argv[++i];
    else if (arg === '--rounds') args.rounds = Number(argv[++i]);
    else if (arg === '--cpu') args.cpu = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!args.base || !args.out || !args.scenario) {
    throw new Error('usage: node widget.mjs --base <url> --out <dir> --scenario <flow|offline|artwork|bench> [--lang en|ko] [--rounds N] [--cpu N]');
  }
  return args;
}

function emit(event) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

const stdinLines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function waitForGo() {
  const next = await stdinLines.next();
  if (next.done) throw new Error('stdin closed before the test said to continue');
  return next.value;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function textOf(page, selector) {
  return (await page.locator(selector).first().textContent())?.trim() ?? '';
}

async function expectText(page, selector, expected) {
  const wanted = Array.isArray(expected) ? expected : [expected];
  await page.waitForFunction(
    ([sel, parts]) => {
      const text = document.querySelector(sel)?.textContent ?? '';
      return parts.every((p) => text.includes(p));
    },
    [selector, wanted],
    { timeout: 15000 },
  ).catch(async () => {
    throw new Error(`${selector} should contain ${JSON.stringify(wanted)} but says ${JSON.stringify(await textOf(page, selector))}`);
  });
  return textOf(page, selector);
}

/** Problems any page of the widget must not have. */
async function audit(page) {
  return page.evaluate(() => {
    const problems = [];
    for (const control of document.querySelectorAll('input, select, textarea, button')) {
      if (control.closest('[hidden]') || control.type === 'hidden') continue;
      if (control.id === 'stub-card') continue;
      const named = control.tagName === 'BUTTON'
        ? control.textContent.trim() || control.getAttribute('aria-label')
        : control.labels && control.labels.length > 0;
      if (!named) problems.push(`unlabelled ${control.tagName.toLowerCase()}#${control.id}`);
    }
    for (const field of document.querySelectorAll('[aria-describedby]')) {
      for (const id of field.getAttribute('aria-describedby').split(/\s+/)) {
        if (!document.getElementById(id)) problems.push(`#${field.id} describedby missing #${id}`);
      }
    }
    // On a phone the layout viewport grows to fit what overflows; the screen does not.
    if (document.documentElement.scrollWidth > Math.min(window.innerWidth, screen.width) + 1) {
      problems.push(`page wider than the screen: ${document.documentElement.scrollWidth}px`);
    }
    return problems;
  });
}

class Run {
  constructor(browser, args) {
    this.browser = browser;
    this.args = args;
    this.shots = [];
    this.errors = [];
    this.allowedFailures = [];
    this.index = 0;
  }

  async open(url, contextOptions = PHONE) {
    this.context = await this.browser.newContext(contextOptions);
    await this.context.route('https://js.stripe.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/javascript', body: STRIPE_STUB }));
    const page = await this.context.newPage();
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (this.allowedFailures.some((allowed) => text.includes(allowed))) return;
      this.errors.push(`console error: ${text}`);
    });
    page.on('requestfailed', (request) => {
      const url = request.url();
      if (this.allowedFailures.some((allowed) => url.includes(allowed))) return;
      this.errors.push(`request failed: ${url} (${request.failure()?.errorText})`);
    });
    await page.goto(new URL(url, this.args.base).href, { waitUntil: 'load' });
    this.page = page;
    return page;
  }

  /** A phone-screen screenshot with `selector` scrolled into view. */
  async shot(name, selector) {
    const page = this.page;
    if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(120);
    this.index += 1;
    const prefix = this.args.scenario === 'flow' ? this.args.lang : this.args.scenario;
    const file = path.join(this.args.out, `${prefix}-${String(this.index).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    this.shots.push(file);
    const problems = await audit(page);
    for (const problem of problems) this.errors.push(`${name}: ${problem}`);
  }
}

async function drawnAfter(page, previous) {
  await page.waitForFunction(
    (before) => {
      const canvas = document.getElementById('preview-canvas');
      return canvas && canvas.dataset.drawn && canvas.dataset.drawn !== before;
    },
    previous ?? '',
    { timeout: 20000 },
  );
  return page.getAttribute('#preview-canvas', 'data-drawn');
}

async function canvasIsPainted(page) {
  return page.evaluate(() => {
    // The preview canvas holds an ImageBitmap (bitmaprenderer); read it through a copy.
    const canvas = document.getElementById('preview-canvas');
    const copy = new OffscreenCanvas(canvas.width, canvas.height);
    const context = copy.getContext('2d');
    context.drawImage(canvas, 0, 0);
    const pixel = context.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data;
    return canvas.width >= 64 && pixel[3] === 255;
  });
}

async function flow(run) {
  const texts = TEXTS[run.args.lang];
  check(texts, `no texts for ${run.args.lang}`);
  const page = await run.open(`/?lang=${run.args.lang}`);
  await expectText(page, '#h-products', texts.products);
  check(await page.getAttribute('html', 'lang') === run.args.lang, 'the page language');
  await page.waitForSelector('[data-act=choose][data-value=made-to-measure-shirt]');
  await run.shot('products', '#h-products');

  await page.click('[data-act=choose][data-value=made-to-measure-shirt]');
  await page.waitForSelector('#m-chest');
  await page.fill('#m-chest', '300');
  await page.press('#m-chest', 'Tab');
  const chestError = await expectText(page, '#m-chest-error', texts.chest);
  check(await page.getAttribute('#m-chest', 'aria-invalid') === 'true', 'the chest field is marked invalid');
  await run.shot('impossible-chest', '#m-chest');

  const measurements = { chest: '100', neck: '39', shoulder: '45', waist: '86', sleeve: '61' };
  for (const [point, value] of Object.entries(measurements)) {
    await page.fill(`#m-${point}`, value);
  }
  await page.press('#m-sleeve', 'Tab');
  await expectText(page, '#fit-size', texts.size);
  check(await page.getAttribute('#m-chest', 'aria-invalid') === null, 'the chest field is valid again');
  check(await textOf(page, '#m-chest-error') === '', 'the chest message is gone');
  await run.shot('recommendation', '#fit-result');

  await page.fill('#opt-monogram', 'M1');
  const monogramError = await expectText(page, '#opt-monogram-error', [texts.monogram, '“1”']);
  await run.shot('monogram-refused', '#opt-monogram');
  await page.fill('#opt-monogram', 'mt');
  await page.waitForFunction(() => document.getElementById('opt-monogram').value === 'MT');
  check(await textOf(page, '#opt-monogram-error') === '', 'the monogram is accepted');

  const before = await page.getAttribute('#preview-canvas', 'data-drawn');
  await page.check('#opt-fabric-irish-linen');
  await drawnAfter(page, before);
  check(await canvasIsPainted(page), 'the preview canvas has pixels');
  await run.shot('preview', '#preview');

  await page.fill('#trip-arrival', '2026-12-01T10:00');
  await page.fill('#trip-departure', '2026-12-02T12:00');
  await page.selectOption('#trip-counter', { index: 1 });
  await expectText(page, '#verdict', texts.infeasible);
  const alternatives = await page.locator('[data-act=alt-later]').count();
  check(alternatives === 1, 'a later departure is offered');
  await run.shot('trip-infeasible', '#verdict');
  await page.click('[data-act=alt-later]');
  await expectText(page, '#verdict', texts.feasible);
  const departure = await page.inputValue('#trip-departure');
  await run.shot('trip-feasible', '#verdict');

  await page.fill('#traveller-name', 'Mia Tanaka');
  await page.fill('#traveller-email', 'mia@example.jp');
  await page.fill('#traveller-passport', '7k2q');
  await run.shot('traveller', '#c-traveller');

  check(await page.isChecked('#payment-stripe'), 'the shirt is paid by card');
  await page.click('#place-order');
  await page.waitForSelector('#pay-now', { timeout: 20000 });
  await expectText(page, '#c-pay', texts.card);
  await run.shot('card', '#card-element');
  await page.click('#pay-now');
  await expectText(page, '#c-done', texts.thanks);
  const stripe = await page.evaluate(() => window.__stripe ?? null);
  const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => [m.name, m.duration]));
  await expectText(page, '#order-status', texts.placed);
  check(await page.locator('.qr svg[role=img]').count() === 1, 'a QR code');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('gongbang:order')));
  const shown = { id: await textOf(page, '#order-id'), pickup_code: await textOf(page, '#pickup-code') };
  check(shown.id === stored.id && shown.pickup_code === stored.pickup_code, 'the page shows the stored order');
  await run.shot('confirmation', '#h-done');
  emit({ event: 'placed', id: stored.id, token: stored.token, pickup_code: stored.pickup_code });

  await waitForGo();
  await page.click('[data-act=refresh-status]');
  await expectText(page, '#order-status', texts.confirmed);
  // The server's picture of the item is fetched after the order shows; let it arrive
  // before the reload (and before the browser closes), or its request is aborted.
  await page.waitForSelector('#order-preview:not([hidden])', { timeout: 20000 });
  await page.reload({ waitUntil: 'load' });
  await expectText(page, '#order-status', texts.confirmed);
  await page.waitForSelector('#order-preview:not([hidden])', { timeout: 20000 });
  await run.shot('confirmed-after-reload', '#h-done');
  return {
    order: stored,
    chest_error: chestError,
    monogram_error: monogramError,
    departure,
    stripe,
    measures,
  };
}

async function offline(run) {
  const page = await run.open('/?product=card-wallet&lang=en');
  await page.waitForSelector('#opt-monogram');
  await page.check('#opt-leather-tan');
  await page.fill('#opt-monogram', 'MT');
  await page.fill('#trip-arrival', '2026-12-01T10:00');
  await page.fill('#trip-departure', '2026-12-22T18:00');
  await expectText(page, '#verdict', 'Yes');
  await page.fill('#traveller-name', 'Jun Park');
  await page.fill('#traveller-email', 'jun@example.com');
  await page.fill('#traveller-passport', 'AB12');
  // Card or counter. Stripe.js cannot be loaded: the page says so and offers the counter.
  check(await page.isChecked('#payment-stripe'), 'a card is offered first');
  run.allowedFailures.push('js.stripe.com', 'ERR_INTERNET_DISCONNECTED');
  await page.route('https://js.stripe.com/**', (route) => route.abort('internetdisconnected'));
  await page.click('#place-order');
  await expectText(page, '#card-error', ['could not be loaded', 'pay at the counter instead']);
  await run.shot('card-unavailable', '#card-error');
  await page.check('#payment-counter');
  await expectText(page, '#c-pay', 'at the counter');

  // A reload keeps everything.
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#opt-monogram');
  const kept = {
    monogram: await page.inputValue('#opt-monogram'),
    leather: await page.isChecked('#opt-leather-tan'),
    arrival: await page.inputValue('#trip-arrival'),
    departure: await page.inputValue('#trip-departure'),
    name: await page.inputValue('#traveller-name'),
    passport: await page.inputValue('#traveller-passport'),
    counter: await page.isChecked('#payment-counter'),
  };
  check(kept.monogram === 'MT' && kept.leather && kept.name === 'Jun Park' && kept.passport === 'AB12' && kept.counter
    && kept.arrival === '2026-12-01T10:00' && kept.departure === '2026-12-22T18:00',
  `the draft survives a reload: ${JSON.stringify(kept)}`);
  await expectText(page, '#verdict', 'Yes');
  await run.shot('restored', '#c-traveller');

  // The order reaches the server, but its answer never reaches the page.
  let lost = 0;
  run.allowedFailures.push('/api/v1/orders', 'ERR_FAILED');
  await page.route('**/api/v1/orders', async (route) => {
    if (route.request().method() === 'POST' && lost === 0) {
      lost += 1;
      await route.fetch();
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  const key = await page.evaluate(() => JSON.parse(localStorage.getItem('gongbang:draft')).idempotency_key);
  await page.click('#place-order');
  await expectText(page, '#g-notice', 'cannot be reached');
  check(await page.locator('[data-act=retry]').count() === 1, 'a Retry button');
  check(await page.inputValue('#traveller-name') === 'Jun Park', 'the form is kept');
  const keyAfter = await page.evaluate(() => JSON.parse(localStorage.getItem('gongbang:draft')).idempotency_key);
  check(keyAfter === key, 'the draft keeps its idempotency key');
  await run.shot('unreachable', '#g-notice');

  await page.click('[data-act=retry]');
  await expectText(page, '#c-done', 'Thank you');
  await expectText(page, '#order-status', 'Confirmed');
  await run.shot('confirmation', '#h-done');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('gongbang:order')));
  const newKey = await page.evaluate(() => JSON.parse(localStorage.getItem('gongbang:draft')).idempotency_key);
  check(newKey !== key, 'the next draft has a new idempotency key');

  // Keyboard only: start a new order and choose a product without a mouse.
  await page.focus('[data-act=new-order]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-act=choose]');
  let reached = false;
  await page.focus('#lang');
  for (let i = 0; i < 8 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.dataset?.value === 'made-to-measure-shirt');
  }
  check(reached, 'the first product is reached with Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#m-chest');
  const focused = await page.evaluate(() => document.activeElement?.id);
  return { order: stored, lost, idempotency_key: key, kept, focused_after_choosing: focused };
}

/** A picture of `width` × `height` made in the page, set on the file input. */
async function chooseGeneratedImage(page, width, height, type = 'image/jpeg') {
  await page.evaluate(async ([w, h, t]) => {
    const canvas = new OffscreenCanvas(w, h);
    const g = canvas.getContext('2d');
    const gradient = g.createLinearGradient(0, 0, w, h);
    gradient.addColorStop(0, '#2d6a9f');
    gradient.addColorStop(1, '#f4b33e');
    g.fillStyle = gradient;
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#ffffff';
    g.font = `${Math.round(h / 8)}px sans-serif`;
    g.fillText('Seoul', w / 10, h / 2);
    const blob = await canvas.convertToBlob({ type: t, quality: 0.8 });
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], `photo-${w}x${h}.jpg`, { type: t }));
    const input = document.getElementById('artwork');
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, [width, height, type]);
}

async function artwork(run) {
  const page = await run.open('/?product=seoul-map-print&lang=en');
  await page.waitForSelector('#artwork');
  const first = await drawnAfter(page, '');

  await chooseGeneratedImage(page, 5000, 4000);
  // While the photo is handled the page keeps answering: an option changes at once.
  const started = Date.now();
  await page.check('#opt-paper-hanji');
  const responsive = Date.now() - started;
  const huge = await expectText(page, '#artwork-status', ['5000 × 4000', '16.7']);
  await run.shot('huge-photo', '#artwork');

  await chooseGeneratedImage(page, 600, 400);
  const blurry = await expectText(page, '#artwork-status', ['600 × 400', 'too blurry']);
  await run.shot('blurry-photo', '#artwork');

  const before = await page.getAttribute('#preview-canvas', 'data-drawn');
  await chooseGeneratedImage(page, 2480, 3508);
  const accepted = await expectText(page, '#artwork-status', ['2480 × 3508', '212 dpi']);
  await drawnAfter(page, before);
  check(await canvasIsPainted(page), 'the preview shows the artwork');
  await run.shot('artwork-preview', '#preview');
  return { first_draw: first, responsive_ms: responsive, huge, blurry, accepted };
}

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function bench(run) {
  // Device scale 4: the 272-pixel preview is drawn at the 1080-pixel cap.
  const page = await run.open('/?product=made-to-measure-shirt&lang=en', { ...PHONE, deviceScaleFactor: 4 });
  await page.waitForSelector('#opt-fabric-irish-linen');
  await drawnAfter(page, '');
  const size = await page.evaluate(() => document.getElementById('preview-canvas').width);
  const cdp = await run.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: run.args.cpu });
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    performance.clearMeasures('gongbang:preview');
    performance.clearMeasures('gongbang:preview-render');
  });
  const fabrics = ['cotton-oxford', 'irish-linen', 'sea-island-cotton', 'cotton-poplin'];
  const rounds = run.args.rounds;
  for (let i = 0; i < rounds; i += 1) {
    const before = await page.getAttribute('#preview-canvas', 'data-drawn');
    await page.check(`#opt-fabric-${fabrics[i % fabrics.length]}`);
    await drawnAfter(page, before);
  }
  // Typing measurements: the recommendation runs on every keystroke.
  await page.evaluate(() => performance.clearMeasures('gongbang:recommend'));
  await page.fill('#m-chest', '');
  await page.type('#m-chest', '101', { delay: 20 });
  await page.type('#m-neck', '39', { delay: 20 });
  const result = await page.evaluate(() => ({
    preview: performance.getEntriesByName('gongbang:preview').map((m) => m.duration),
    render: performance.getEntriesByName('gongbang:preview-render').map((m) => m.duration),
    recommend: performance.getEntriesByName('gongbang:recommend').map((m) => m.duration),
    long_tasks: window.__longTasks,
  }));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await run.shot('after', '#preview');
  return {
    cpu_slowdown: run.args.cpu,
    preview_px: size,
    preview_ms: {
      count: result.preview.length,
      p50: percentile(result.preview, 50),
      p75: percentile(result.preview, 75),
      max: Math.max(...result.preview),
    },
    worker_render_ms: { p50: percentile(result.render, 50), p75: percentile(result.render, 75) },
    recommend_ms: { count: result.recommend.length, max: Math.max(...result.recommend) },
    long_tasks_ms: result.long_tasks,
  };
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
  // This scenario's pictures of an earlier run go; other scenarios' stay.
  const prefix = args.scenario === 'flow' ? `${args.lang}-` : `${args.scenario}-`;
  for (const name of await readdir(args.out)) {
    if (name.startsWith(prefix) || name === `${args.scenario}-${args.lang}-failure.png`) {
      await rm(path.join(args.out, name));
    }
  }
  const browser = await launchChromium();
  const run = new Run(browser, args);
  const report = { event: 'done', ok: false, scenario: args.scenario, lang: args.lang, browser: browser.version() };
  const scenarios = { flow, offline, artwork, bench };
  try {
    check(scenarios[args.scenario], `no scenario ${args.scenario}`);
    report.result = await scenarios[args.scenario](run);
  } catch (error) {
    report.failure = String(error?.stack || error);
    if (run.page) {
      const file = path.join(args.out, `${args.scenario}-${args.lang}-failure.png`);
      await run.page.screenshot({ path: file, fullPage: true }).catch(() => {});
      report.failure_screenshot = file;
    }
  } finally {
    await browser.close();
  }
  report.screenshots = run.shots;
  report.errors = run.errors;
  report.ok = !report.failure && run.errors.length === 0;
  emit(report);
  process.exit(report.ok ? 0 : 1);
}

main().catch((error) => {
  emit({ event: 'done', ok: false, failure: String(error?.stack || error) });
  process.exit(1);
});
