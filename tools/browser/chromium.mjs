// Launches Debian's Chromium for the browser tests and the widget benchmark.
// What works in this sandbox: no sandbox as root, no GPU, and no background connections
// (the network is closed; Chromium would keep retrying Google's hosts).

import { chromium } from 'playwright-core';

const CHROMIUM = process.env.GONGBANG_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}
