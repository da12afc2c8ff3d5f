// What the explorer page exposes to tests (see viz/src/main.ts).
import type { Explorer } from '../../viz/src/explorer.js';

declare global {
  interface Window {
    __yjkg?: { ready: boolean; readyAt?: number; explorer?: Explorer; error?: string };
    __pwned?: unknown;
  }
}
export {};
