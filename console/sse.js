// Server-Sent Events read with fetch() so that the Authorization header can be sent
// (EventSource cannot send headers, and the token must never go into a URL).

/**
 * An incremental parser for the text/event-stream format (WHATWG HTML, "Server-sent events").
 * push() takes decoded text in chunks of any size; onEvent gets { id, event, data } for every
 * dispatched event, onRetry the reconnection time the server asks for. Comments (": …") are
 * skipped. A chunk may end in the middle of a line, or between the CR and LF of a CRLF.
 */
export function createSseParser({ onEvent, onRetry = () => {}, onId = () => {} }) {
  let buffer = '';
  let first = true;
  let dataLines = [];
  let eventType = '';
  let lastEventId = '';
  let pendingCr = false;

  function dispatch() {
    if (dataLines.length === 0) {
      eventType = '';
      return;
    }
    const event = { id: lastEventId, event: eventType || 'message', data: dataLines.join('\n') };
    dataLines = [];
    eventType = '';
    onEvent(event);
  }

  function line(text) {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        dataLines.push(value);
        break;
      case 'event':
        eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) {
          lastEventId = value;
          onId(value);
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) onRetry(Number(value));
        break;
      default:
        break;
    }
  }

  return {
    push(text) {
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    /** The stream ended: an unterminated event is discarded, as the format says. */
    end() {
      buffer = '';
      dataLines = [];
      eventType = '';
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}

/**
 * Reads an event stream with fetch(), reconnecting with Last-Event-ID after a drop.
 * headers(): the request headers for each (re)connection, so a renewed token is picked up.
 * Stops for good on 401/403/404 (the token or station is wrong; retrying would not help).
 * Returns { close(), lastEventId }.
 */
export function openEventStream({ url, headers = () => ({}), lastEventId = '', onEvent, onState = () => {}, onId = () => {}, minRetryMs = 1000, maxRetryMs = 30000 }) {
  let retryMs = 2000;
  let attempt = 0;
  let closed = false;
  let controller;
  let timer;
  let lastId = lastEventId;

  async function connect() {
    if (closed) return;
    controller = new AbortController();
    onState({ state: 'connecting' });
    let response;
    try {
      const requestHeaders = { Accept: 'text/event-stream', ...headers() };
      if (lastId) requestHeaders['Last-Event-ID'] = lastId;
      response = await fetch(url, { headers: requestHeaders, signal: controller.signal, cache: 'no-store' });
    } catch (error) {
      return retry(error);
    }
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      closed = true;
      onState({ state: 'denied', status: response.status, body: await response.text().catch(() => '') });
      return;
    }
    if (!response.ok || !response.body) return retry(new Error(`HTTP ${response.status}`));
    attempt = 0;
    onState({ state: 'open' });
    const parser = createSseParser({
      onEvent,
      onRetry: (ms) => (retryMs = ms),
      onId: (id) => {
        lastId = id;
        onId(id);
      },
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch (error) {
      if (closed) return;
      return retry(error);
    }
    parser.end();
    retry(new Error('stream ended'));
  }

  function retry(error) {
    if (closed) return;
    attempt += 1;
    const delay = Math.min(Math.max(retryMs, minRetryMs) * 2 ** Math.min(attempt - 1, 4), maxRetryMs);
    onState({ state: 'retrying', inMs: delay, error });
    timer = setTimeout(connect, delay);
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      controller?.abort();
      onState({ state: 'closed' });
    },
    get lastEventId() {
      return lastId;
    },
  };
}
