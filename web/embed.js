// The embedding page's side of the snippet: hear when the widget placed an order.
// (Kept in a file, not inline, so it runs under a strict Content-Security-Policy.)
window.addEventListener('message', (event) => {
  const frame = document.getElementById('gongbang-widget');
  if (!frame || event.source !== frame.contentWindow) return;
  if (event.data && event.data.type === 'gongbang:order-placed') {
    const log = document.getElementById('gongbang-log');
    if (log) log.textContent = `Order ${event.data.orderId} placed (${event.data.status}).`;
  }
});
