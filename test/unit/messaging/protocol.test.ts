import { describe, expect, it } from 'vitest';
import { parseContentRequest, parsePageState } from '../../../lib/messaging/protocol';

describe('message protocol', () => {
  it('accepts the page-state request', () => {
    expect(parseContentRequest({ type: 'getPageState' })).toEqual({ type: 'getPageState' });
  });
  it('drops anything else', () => {
    expect(parseContentRequest({ type: 'setMarker' })).toBeNull();
    expect(parseContentRequest('getPageState')).toBeNull();
    expect(parseContentRequest(null)).toBeNull();
  });
  it('turns a malformed answer into an error state instead of trusting it', () => {
    expect(parsePageState({ kind: 'report', report: { identity: 'x' } }).kind).toBe('error');
    expect(parsePageState({ kind: 'listing' })).toEqual({ kind: 'listing' });
  });
});
