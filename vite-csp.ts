/**
 * Content-Security-Policy for the production build (issue #6; being built).
 */
import type { Plugin } from 'vite';

export function contentSecurityPolicy(): Plugin {
  return { name: 'cm-content-security-policy' };
}
