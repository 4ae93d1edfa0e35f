import { HeaderList } from './header-list.js';
import { shape } from './read.js';
import type { Adapter } from './types.js';

/** Playwright's `APIResponse` (from the `request` fixture or `page.request`): everything is a method. */
export const playwright: Adapter = {
  kind: 'playwright',
  accepts: 'a Playwright APIResponse',
  name: 'Playwright APIResponse',
  detect: shape({ status: 'function', headers: 'function', url: 'function', statusText: 'function' }),
  noFollowOption: 'pass maxRedirects: 0 to the request',
  status: (v) => (v.status as () => unknown)(),
  details: (v) => {
    const statusText = (v.statusText as () => unknown)();
    const url = (v.url as () => unknown)();
    // headersArray keeps repeated headers (each set-cookie) apart; headers() joins them.
    const headers =
      typeof v.headersArray === 'function' ? (v.headersArray as () => unknown)() : (v.headers as () => unknown)();
    return {
      statusText: typeof statusText === 'string' ? statusText : undefined,
      headers: HeaderList.from(headers),
      url: typeof url === 'string' ? url : undefined,
    };
  },
  bodySource: (v) => ({ type: 'bytes', read: () => (v.body as () => Promise<unknown>)() }),
};
