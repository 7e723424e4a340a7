import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/validation/redirect';

describe('safeRedirectPath', () => {
  it('keeps same-site paths', () => {
    expect(safeRedirectPath('/projects/abc')).toBe('/projects/abc');
  });
  it.each(['https://evil.test/', '//evil.test', '/\\evil.test', 'javascript:alert(1)', '', null, undefined])(
    'refuses %s',
    (candidate) => {
      expect(safeRedirectPath(candidate)).toBe('/projects');
    },
  );
});
