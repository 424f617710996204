import { describe, expect, it, vi } from 'vitest';
import { type ColumnScan, deferredListingCheck } from '../../../lib/content/listing-check';

describe('the deferred listing check (a column page told apart when the popup asks)', () => {
  it('counts the links once, at the first read, and shows a listing from then on', () => {
    const count = vi.fn((): ColumnScan => 'listing');
    const check = deferredListingCheck(() => {});
    check.defer(count);
    expect(count).not.toHaveBeenCalled();
    expect(check.apply({ kind: 'none' })).toEqual({ kind: 'listing' });
    expect(check.apply({ kind: 'none' })).toEqual({ kind: 'none' });
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('keeps the count for later while the page is still being read', () => {
    const count = vi.fn((): ColumnScan => 'listing');
    const check = deferredListingCheck(() => {});
    check.defer(count);
    expect(check.apply({ kind: 'pending' })).toEqual({ kind: 'pending' });
    expect(count).not.toHaveBeenCalled();
    expect(check.apply({ kind: 'none' })).toEqual({ kind: 'listing' });
  });

  it('marks a column of a few reports, which the popup offers to audit, and leaves a page with none as it was', () => {
    const column = deferredListingCheck(() => {});
    column.defer(() => 'column');
    expect(column.apply({ kind: 'none' })).toEqual({ kind: 'none', column: true });
    const neither = deferredListingCheck(() => {});
    neither.defer(() => 'none');
    expect(neither.apply({ kind: 'none' })).toEqual({ kind: 'none' });
  });

  it('drops a count withdrawn before it ran (the page turned out a report)', () => {
    const count = vi.fn((): ColumnScan => 'listing');
    const check = deferredListingCheck(() => {});
    check.defer(count);
    check.defer(null);
    expect(check.apply({ kind: 'none' })).toEqual({ kind: 'none' });
    expect(count).not.toHaveBeenCalled();
  });

  it('logs a count that fails and leaves the state as it was', () => {
    const log = vi.fn();
    const check = deferredListingCheck(log);
    check.defer(() => {
      throw new Error('detached');
    });
    expect(check.apply({ kind: 'none' })).toEqual({ kind: 'none' });
    expect(log).toHaveBeenCalledWith('could not count the report links', expect.any(Error));
  });
});
