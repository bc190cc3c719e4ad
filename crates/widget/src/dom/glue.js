// Small browser calls the widget makes from Rust (wasm-bindgen imports this module).
// Each is a thin wrapper over one browser API; the decisions stay in Rust.

// fetch: resolves [status, text]; rejects only when the server cannot be reached.
export async function request(method, path, body, lang, key, token) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang };
  if (body !== undefined && body !== null) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { method, headers, body: body ?? undefined, cache: 'no-store' });
  return [response.status, await response.text()];
}

// An image the API serves behind the order's token, as an object URL (or null).
export async function imageUrl(path, token) {
  try {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) return null;
    return URL.createObjectURL(await response.blob());
  } catch (_) {
    return null;
  }
}

export function randomId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// User Timing: `gongbang:recommend`, `gongbang:preview` (read by the browser tests).
export function measure(name, start, end) {
  try {
    performance.measure(name, { start, end });
  } catch (_) {
    // Older browsers without measure options: nothing to record.
  }
}

// Tells the page that embeds the widget (if any) that an order was placed.
export function notifyParent(orderId, status) {
  if (window.parent && window.parent !== window) {
    window.parent.postMessage({ type: 'gongbang:order-placed', orderId, status }, '*');
  }
}

// Hands a picture the worker made to the canvas: no copy, no decoding on this thread.
export function showBitmap(canvas, bitmap) {
  if (canvas.width !== bitmap.width) canvas.width = bitmap.width;
  if (canvas.height !== bitmap.height) canvas.height = bitmap.height;
  canvas.getContext('bitmaprenderer').transferFromImageBitmap(bitmap);
}

// The first bytes of a file (to read the image size from its header before decoding).
export async function headBytes(file, count) {
  return new Uint8Array(await file.slice(0, count).arrayBuffer());
}

// Decoded off the main thread by the browser.
export async function decodeImage(file) {
  return await createImageBitmap(file);
}

export async function downscale(bitmap, width, height) {
  const small = await createImageBitmap(bitmap, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  bitmap.close();
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  context.drawImage(small, 0, 0);
  small.close();
  return context.getImageData(0, 0, width, height).data;
}

// Stripe.js, loaded only when a card payment is chosen.
let stripe = null;
let elements = null;

export function loadScript(src, timeoutMs) {
  if (globalThis.Stripe) return Promise.resolve(true);
  return new Promise((resolve) => {
    const script = document.createElement('script');
    const timer = setTimeout(() => resolve(false), timeoutMs);
    script.src = src;
    script.async = true;
    script.onload = () => {
      clearTimeout(timer);
      resolve(Boolean(globalThis.Stripe));
    };
    script.onerror = () => {
      clearTimeout(timer);
      script.remove();
      resolve(false);
    };
    document.head.appendChild(script);
  });
}

export function stripeMount(publishableKey, clientSecret, locale, selector) {
  stripe = globalThis.Stripe(publishableKey, { locale });
  elements = stripe.elements({ clientSecret, locale });
  const element = elements.create('payment');
  element.mount(selector);
}

// Resolves null when paid (or processing), else the error message to show.
export async function stripeConfirm(returnUrl) {
  const result = await stripe.confirmPayment({
    elements,
    redirect: 'if_required',
    confirmParams: { return_url: returnUrl },
  });
  if (result.error) return result.error.message || String(result.error.type || 'error');
  return null;
}
