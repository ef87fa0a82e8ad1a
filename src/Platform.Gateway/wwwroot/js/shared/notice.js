import { h } from './dom.js';

/** A line that says what went wrong (role=alert), or nothing. */
export function notice(error) {
    if (!error) return null;
    const message = error.status ? `${error.message} (HTTP ${error.status})` : `Cannot reach the platform: ${error.message}`;
    return h('p', { class: 'notice notice-error', role: 'alert', 'data-testid': 'error' }, message);
}
