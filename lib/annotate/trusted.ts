/**
 * Which events the in-page UI acts on. A page script can dispatch any event
 * on any node it reaches, and call `click()`; only the user's own input is
 * trusted (`isTrusted`), so only that may open a tooltip, start an export or
 * change a setting. The policy is passed in so that jsdom, whose events are
 * all synthetic, can exercise the handlers; the extension always uses the default.
 */

export type AcceptEvent = (event: Event) => boolean;

export const acceptTrustedEvent: AcceptEvent = (event) => event.isTrusted;
