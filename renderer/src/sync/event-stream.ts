/** One server-sent event: its name (`message` when the block names none) and its data lines. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Splits a text/event-stream into events as chunks arrive (the WHATWG format: blocks separated by a
 * blank line, `event:` and `data:` fields, `:` comments). Feed it each decoded chunk; it keeps the
 * incomplete tail for the next one.
 */
export function eventStreamParser(onEvent: (event: ServerSentEvent) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r\n|\n|\r/)) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        if (field === 'data') data.push(value);
      }
      if (data.length > 0 || event !== 'message') onEvent({ event, data: data.join('\n') });
    }
  };
}
