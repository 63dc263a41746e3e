import type { MouseEvent } from 'react';

/**
 * "Skip to the step": the first thing Tab reaches, so keyboard and screen-reader users need not
 * walk the nine step links on every screen. The routes live in the URL's hash, so a plain
 * `href="#main"` would change the route; this moves the focus instead.
 */
export function SkipLink() {
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const main = document.getElementById('main');
    main?.focus();
    main?.scrollIntoView({ block: 'start' });
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      Skip to the step
    </a>
  );
}
