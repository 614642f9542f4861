import { useHref } from 'react-router';

/** Spectrum's `useHref`: console routes go through the router; absolute URLs (external links) stay as they are. */
export function useRouterHref(href: string): string {
  const routed = useHref(href);
  return /^[a-z][a-z\d+.-]*:/i.test(href) ? href : routed;
}
