import { describe, expect, it } from 'vitest';
import { canAccess, homePathFor, navigationFor } from './navigation';

const paths = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((e) => e.path);

describe('navigation', () => {
  it('shows each role only its own screens', () => {
    expect(paths('duty')).toEqual(['/duty', '/review', '/scripts', '/clusters', '/intake/import', '/intake/search', '/intake/feedback']);
    expect(paths('handler')).toEqual(['/inbox', '/publicity/tasks', '/tracked-tasks', '/intake/search']);
    expect(paths('admin')).toEqual([
      '/analytics',
      '/admin/departments',
      '/admin/users',
      '/admin/catalogue',
      '/admin/calendar',
      '/admin/clocks',
      '/admin/clusters',
      '/admin/scoring-policy',
      '/intake/import',
      '/intake/feedback',
      '/admin/open311',
      '/admin/intake-rules',
      '/admin/reveal-log',
      '/exclusions',
    ]);
    expect(paths('supervisor')).toContain('/review');
    expect(paths('callback')).toContain('/callback');
    expect(paths('leader')).toContain('/three-rates');
    expect(paths('supervisor')).toContain('/three-rates');
    expect(paths('leader')).not.toContain('/duty');
    expect(paths('supervisor')).toEqual(expect.arrayContaining(['/meetings', '/tracked-tasks', '/scripts', '/clusters']));
    expect(paths('leader')).toEqual(expect.arrayContaining(['/meetings', '/tracked-tasks']));
    expect(paths('handler')).not.toContain('/clusters');
    for (const role of ['supervisor', 'leader', 'admin'] as const) expect(paths(role)).toContain('/exclusions');
    expect(paths('handler')).not.toContain('/exclusions');
  });

  it('sends each role to its first screen after login', () => {
    expect(homePathFor('duty')).toBe('/duty');
    expect(homePathFor('handler')).toBe('/inbox');
    expect(homePathFor('admin')).toBe('/admin/departments');
    expect(homePathFor('supervisor')).toBe('/review');
  });

  it('guards routes by role', () => {
    expect(canAccess('handler', '/duty')).toBe(false);
    expect(canAccess('duty', '/duty')).toBe(true);
    expect(canAccess('duty', '/admin/users')).toBe(false);
    expect(canAccess('duty', '/cases/1')).toBe(true);
  });
});
