/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests only; Playwright owns tests/e2e/**/*.spec.ts (the suffix names the test type).
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
