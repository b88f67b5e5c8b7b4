/**
 * The secret scenarios sign with when none is given (`--secret`, $AGENTPHONE_WEBHOOK_SECRET, or the
 * app's field): a fixed, documented test value, so a developer's server can be set up for it once.
 */
export const DEFAULT_TEST_SECRET = 'whsec_switchboard_test'
