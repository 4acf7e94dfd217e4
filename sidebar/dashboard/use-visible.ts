import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * True once the element is within a screen of the visible part of the sidebar: a package can have
 * two dozen charts, and drawing only those near the view keeps the panel responsive. Where the
 * browser has no IntersectionObserver, everything counts as visible.
 */
export function useNearView(ref: RefObject<HTMLElement>): boolean {
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !ref.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      // The sidebar's own document as root: with the implicit root (the top window, another origin
      // in Sheets) the margin would be ignored.
      { root: document, rootMargin: '100% 0px' },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [near, ref]);
  return near;
}
