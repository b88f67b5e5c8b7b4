/** Keys of the settings store that outlive a session: one list, so no two parts disagree on a name. */
export const MODE_KEY = 'mode'
export const BASE_URL_KEY = 'baseUrl'
export const RECEIVER_PORT_KEY = 'receiverPort'
export const TUNNEL_URL_KEY = 'tunnelUrl'
/** The registration Switchboard replaced, offered back on disconnect. */
export const PREVIOUS_WEBHOOK_KEY = 'previousWebhook'
/** The registration Switchboard made last (scope and URL), to tell ours from someone else's. */
export const OUR_WEBHOOK_KEY = 'ourWebhook'
/** Every registration Switchboard made, by scope: the project's and each agent's, each with its own secret. */
export const OUR_WEBHOOKS_KEY = 'ourWebhooks'
export const LAST_DELIVERY_KEY = 'lastDeliveryAt'
/** Secret-store names. */
export const API_KEY_SECRET = 'apiKey'
export const WEBHOOK_SECRET = 'webhookSecret'
