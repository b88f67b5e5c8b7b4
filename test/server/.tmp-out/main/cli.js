#!/usr/bin/env node
import { chmodSync, createReadStream, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import path, { extname, join, resolve, sep } from "node:path";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { createParser } from "eventsource-parser";
import { mkdir, open, readdir, realpath, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import http, { createServer, request } from "node:http";
import https from "node:https";
import { parseArgs } from "node:util";
import { homedir } from "node:os";
import { WebSocketServer } from "ws";
import Conf from "conf";
// src-preload/contract.ts
/**
* The bridge contract: every command, event and payload that crosses between the core and a
* renderer, whatever the transport (Electron IPC or the headless shell's WebSocket).
*
* The core validates every command's params with these schemas; renderers use the inferred types.
* Names keep their meaning once published: scripts and tests drive them.
*/
var ModeSchema = z.enum(["sandbox", "live"]);
var VoiceModeSchema = z.enum(["webhook", "hosted"]);
var AgentNumberSchema$1 = z.looseObject({
	id: z.string(),
	phoneNumber: z.string(),
	status: z.string().optional(),
	type: z.string().optional()
});
z.looseObject({
	id: z.string(),
	name: z.string(),
	description: z.string().nullable().optional(),
	voiceMode: VoiceModeSchema,
	systemPrompt: z.string().nullable().optional(),
	beginMessage: z.string().nullable().optional(),
	voice: z.string().optional(),
	transferNumber: z.string().nullable().optional(),
	createdAt: z.string().optional(),
	numbers: z.array(AgentNumberSchema$1).nullable().optional()
});
z.looseObject({
	id: z.string(),
	phoneNumber: z.string(),
	country: z.string().optional(),
	status: z.string(),
	type: z.string().optional(),
	agentId: z.string().nullable(),
	createdAt: z.string().optional()
});
var DirectionSchema = z.enum([
	"inbound",
	"outbound",
	"web"
]);
var CallStatusSchema = z.enum([
	"ringing",
	"in-progress",
	"ending",
	"completed",
	"failed"
]);
/** A call as Switchboard shows it: AgentPhone's call plus what the console knows about it. */
var CallInfoSchema = z.object({
	id: z.string(),
	agentId: z.string().nullable(),
	agentName: z.string().nullable(),
	voiceMode: VoiceModeSchema.nullable(),
	direction: DirectionSchema,
	from: z.string(),
	to: z.string(),
	status: CallStatusSchema,
	startedAt: z.string(),
	endedAt: z.string().nullable(),
	lastWords: z.string().nullable(),
	/** Who answers this call's turns: a person, or the fallback line only. */
	answeredBy: z.enum(["human", "fallback"]),
	/** The voice turn waiting for an answer, if any. */
	waitingTurn: z.object({
		turnId: z.string(),
		deadline: z.string(),
		transcript: z.string(),
		claimedBy: z.string().nullable()
	}).nullable()
});
var SpeakerSchema = z.enum(["caller", "agent"]);
/** Where an agent line came from: the filler, a person, the fallback, or the hosted agent. */
var LineSourceSchema = z.enum([
	"filler",
	"human",
	"fallback",
	"hosted",
	"greeting",
	"caller"
]);
var TranscriptTurnSchema = z.object({
	callId: z.string(),
	speaker: SpeakerSchema,
	text: z.string(),
	interim: z.boolean().optional(),
	at: z.string(),
	source: LineSourceSchema.optional(),
	confidence: z.number().optional(),
	digits: z.string().optional()
});
var MessageSchema = z.object({
	id: z.string(),
	conversationId: z.string().nullable(),
	direction: z.enum(["inbound", "outbound"]),
	from: z.string(),
	to: z.string(),
	body: z.string(),
	channel: z.string(),
	at: z.string(),
	agentId: z.string().nullable().optional()
});
z.looseObject({
	id: z.string(),
	agentId: z.string().nullable().optional(),
	phoneNumberId: z.string().nullable().optional(),
	phoneNumber: z.string().nullable().optional(),
	participant: z.string().nullable().optional(),
	lastMessageAt: z.string().nullable().optional(),
	lastMessagePreview: z.string().nullable().optional(),
	messageCount: z.number().optional(),
	metadata: z.record(z.string(), z.unknown()).nullable().optional()
});
var DeliveryOutcomeSchema = z.enum([
	"accepted",
	"refused",
	"duplicate"
]);
/** One request the receiver saw, verified or not (headers and body with secrets redacted). */
var DeliverySchema$1 = z.object({
	id: z.string(),
	receivedAt: z.string(),
	method: z.string(),
	path: z.string(),
	webhookId: z.string().nullable(),
	event: z.string().nullable(),
	channel: z.string().nullable(),
	callId: z.string().nullable(),
	conversationId: z.string().nullable(),
	outcome: DeliveryOutcomeSchema,
	reason: z.string().nullable(),
	status: z.number(),
	ttfbMs: z.number().nullable(),
	replayed: z.boolean(),
	headers: z.record(z.string(), z.string()),
	body: z.string(),
	lines: z.array(z.object({
		atMs: z.number(),
		line: z.string()
	}))
});
var ErrorCodeSchema = z.enum([
	"invalid_params",
	"unknown_method",
	"not_implemented",
	"not_found",
	"not_available",
	"turn_closed",
	"turn_claimed",
	"invalid_number",
	"api_error",
	"internal"
]);
z.object({
	code: ErrorCodeSchema,
	message: z.string(),
	status: z.number().optional(),
	retryAfterSeconds: z.number().optional()
});
var Empty = z.strictObject({});
var Paging = {
	limit: z.number().int().min(1).max(100).optional(),
	offset: z.number().int().min(0).optional()
};
var Id = z.string().min(1).max(200);
var Phone = z.string().min(1, "a phone number is required").max(40);
var AppStatusSchema = z.object({
	mode: ModeSchema,
	version: z.string(),
	receiverUrl: z.string(),
	simulatorUrl: z.string().nullable(),
	baseUrl: z.string().nullable(),
	sandbox: z.object({
		agent: z.object({
			id: z.string(),
			name: z.string(),
			voiceMode: VoiceModeSchema
		}),
		number: z.object({
			id: z.string(),
			phoneNumber: z.string()
		})
	}).nullable(),
	turnTimeoutSeconds: z.number(),
	startedAt: z.string(),
	/** Whether an API key is stored (the key itself never crosses the bridge). */
	hasApiKey: z.boolean(),
	tunnelUrl: z.string().nullable(),
	/** Something the person should know about the setup (a failed live start, no secret storage). */
	notice: z.string().nullable()
});
var ReplyParamsSchema = z.strictObject({
	turnId: Id,
	text: z.string().max(4e3).optional(),
	interim: z.boolean().optional(),
	digits: z.string().regex(/^[0-9*#wW]+$/, "digits may only hold 0-9, *, # and w (a pause)").max(64).optional(),
	hangup: z.boolean().optional(),
	action: z.enum(["transfer", "hangup"]).optional(),
	/** Who is replying, for team use: a second person's reply to a claimed turn is refused. */
	by: z.string().max(100).optional()
}).refine((p) => p.text !== void 0 || p.digits !== void 0 || p.hangup || p.action, { message: "a reply needs text, digits, hangup or an action" }).refine((p) => !(p.interim && (p.hangup || p.action)), { message: "an interim reply cannot hang up or transfer" });
var SettingsSchema = z.object({
	fillerText: z.string().max(500),
	fillerEnabled: z.boolean(),
	fallbackText: z.string().max(500),
	/** Seconds inside the webhook timeout that a turn's deadline keeps as a margin. */
	deadlineMarginSeconds: z.number().min(1).max(30),
	webhookTimeoutSeconds: z.number().int().min(5).max(120),
	quickReplies: z.array(z.string().max(500)).max(20),
	notifications: z.object({
		inboundCall: z.boolean(),
		waitingTurn: z.boolean(),
		sms: z.boolean()
	}),
	theme: z.enum([
		"system",
		"light",
		"dark"
	])
});
/**
* Every command: its params schema. The result types are in `CommandResults`.
* Commands the core does not implement yet answer `not_implemented` (listed in the README).
*/
var commandParams = {
	"app.status": Empty,
	/** Live-mode connection settings. The API key goes to the secret store and never comes back. */
	"app.configure": z.strictObject({
		apiKey: z.string().trim().min(8, "that API key is too short").max(500).nullable().optional(),
		baseUrl: z.string().url().max(500).optional(),
		receiverPort: z.number().int().min(0).max(65535).optional(),
		tunnelUrl: z.string().url().max(2083).nullable().optional()
	}),
	/** Restarts the core in the other mode; live mode needs an API key first. */
	"app.switchMode": z.strictObject({ mode: ModeSchema }),
	/** Stretches of time when deliveries did not arrive, with what the API had meanwhile. */
	"app.gaps": Empty,
	"settings.get": Empty,
	"settings.update": SettingsSchema.partial().strict(),
	"calls.list": z.strictObject({
		...Paging,
		live: z.boolean().optional()
	}),
	"calls.get": z.strictObject({ callId: Id }),
	"calls.place": z.strictObject({
		agentId: Id,
		toNumber: Phone,
		initialGreeting: z.string().max(1e3).optional(),
		systemPrompt: z.string().max(2e4).optional(),
		voice: z.string().max(200).optional()
	}),
	"calls.end": z.strictObject({ callId: Id }),
	"calls.setAnswerer": z.strictObject({
		callId: Id,
		answeredBy: z.enum(["human", "fallback"])
	}),
	"turns.list": Empty,
	"turns.reply": ReplyParamsSchema,
	"turns.claim": z.strictObject({
		turnId: Id,
		by: z.string().min(1).max(100)
	}),
	"messages.send": z.strictObject({
		toNumber: Phone,
		body: z.string().min(1, "the message is empty").max(1600),
		agentId: Id.optional(),
		numberId: Id.optional()
	}),
	"conversations.list": z.strictObject({ ...Paging }),
	"conversations.get": z.strictObject({ conversationId: Id }),
	"conversations.update": z.strictObject({
		conversationId: Id,
		metadata: z.record(z.string(), z.unknown()).nullable()
	}),
	"agents.list": z.strictObject({ ...Paging }),
	"agents.get": z.strictObject({ agentId: Id }),
	"agents.create": z.strictObject({
		name: z.string().min(1).max(200),
		voiceMode: VoiceModeSchema.optional(),
		systemPrompt: z.string().max(2e4).optional(),
		beginMessage: z.string().max(1e3).optional(),
		voice: z.string().max(200).optional(),
		transferNumber: z.string().max(40).optional()
	}),
	"agents.update": z.strictObject({
		agentId: Id,
		name: z.string().min(1).max(200).optional(),
		voiceMode: VoiceModeSchema.optional(),
		systemPrompt: z.string().max(2e4).nullable().optional(),
		beginMessage: z.string().max(1e3).nullable().optional(),
		voice: z.string().max(200).optional(),
		transferNumber: z.string().max(40).nullable().optional()
	}),
	"agents.delete": z.strictObject({ agentId: Id }),
	"agents.voices": Empty,
	"numbers.list": z.strictObject({ ...Paging }),
	"numbers.buy": z.strictObject({
		country: z.enum(["US", "CA"]).optional(),
		areaCode: z.string().regex(/^\d{3}$/).optional(),
		agentId: Id.optional()
	}),
	"numbers.release": z.strictObject({ numberId: Id }),
	"numbers.attach": z.strictObject({
		numberId: Id,
		agentId: Id
	}),
	"numbers.detach": z.strictObject({
		numberId: Id,
		agentId: Id
	}),
	"webhooks.connect": z.strictObject({
		url: z.string().url().max(2083),
		agentId: Id.optional(),
		contextLimit: z.number().int().min(0).max(50).optional(),
		timeout: z.number().int().min(5).max(120).optional()
	}),
	"webhooks.disconnect": z.strictObject({ restorePrevious: z.boolean().optional() }),
	"webhooks.status": z.strictObject({ agentId: Id.optional() }),
	"webhooks.detectTunnel": Empty,
	"webhooks.deliveries": z.strictObject({
		...Paging,
		limit: z.number().int().min(1).max(1e3).optional(),
		event: z.string().max(100).optional(),
		channel: z.string().max(40).optional(),
		outcome: DeliveryOutcomeSchema.optional(),
		callId: Id.optional(),
		text: z.string().max(200).optional()
	}),
	"webhooks.replay": z.strictObject({ deliveryId: Id }),
	"usage.summary": Empty,
	"usage.daily": z.strictObject({ days: z.number().int().min(1).max(365).optional() }),
	"usage.monthly": z.strictObject({ months: z.number().int().min(1).max(24).optional() }),
	"sandbox.dial": z.strictObject({
		to: Phone,
		from: Phone.optional()
	}),
	"sandbox.answer": z.strictObject({ callId: Id }),
	"sandbox.decline": z.strictObject({ callId: Id }),
	"sandbox.say": z.strictObject({
		callId: Id,
		text: z.string().min(1, "say something").max(2e3)
	}),
	"sandbox.press": z.strictObject({
		callId: Id,
		digits: z.string().regex(/^[0-9*#]+$/).max(32)
	}),
	"sandbox.sms": z.strictObject({
		to: Phone,
		from: Phone.optional(),
		body: z.string().min(1).max(1600)
	}),
	"sandbox.hangup": z.strictObject({ callId: Id })
};
z.object({
	id: z.string().optional(),
	url: z.string(),
	status: z.string().optional(),
	contextLimit: z.number().optional(),
	timeout: z.number().optional()
});
var GapSchema = z.object({
	id: z.string(),
	from: z.string(),
	to: z.string(),
	calls: z.array(z.object({
		id: z.string(),
		from: z.string(),
		to: z.string(),
		direction: z.string(),
		status: z.string(),
		startedAt: z.string()
	})),
	messages: z.array(MessageSchema)
});
Object.keys(commandParams);
function isCommandName(name) {
	return typeof name === "string" && Object.prototype.hasOwnProperty.call(commandParams, name);
}
var eventSchemas = {
	"call.started": CallInfoSchema,
	"call.updated": CallInfoSchema,
	"call.ended": CallInfoSchema,
	"transcript.turn": TranscriptTurnSchema,
	"turn.opened": z.object({
		turnId: z.string(),
		callId: z.string(),
		transcript: z.string(),
		deadline: z.string()
	}),
	"turn.closed": z.object({
		turnId: z.string(),
		callId: z.string(),
		outcome: z.enum([
			"replied",
			"fallback",
			"cancelled"
		])
	}),
	"turn.claimed": z.object({
		turnId: z.string(),
		callId: z.string(),
		by: z.string()
	}),
	"message.received": MessageSchema,
	"message.sent": MessageSchema,
	"webhook.delivery": DeliverySchema$1,
	"sandbox.ring": z.object({
		callId: z.string(),
		from: z.string(),
		to: z.string()
	}),
	"sandbox.heard": z.object({
		callId: z.string(),
		text: z.string(),
		interim: z.boolean(),
		digits: z.string().optional(),
		hangup: z.boolean().optional(),
		action: z.string().optional()
	}),
	"sandbox.sms": MessageSchema,
	"app.status": AppStatusSchema,
	"app.gap": GapSchema
};
Object.keys(eventSchemas);
// src-main/core/ports.ts
var systemClock = {
	now: () => Date.now(),
	after(ms, fn) {
		const handle = setTimeout(fn, ms);
		handle.unref?.();
		return { cancel: () => clearTimeout(handle) };
	}
};
var silentLogger = {
	info() {},
	warn() {},
	error() {}
};
function memoryStore(initial = {}) {
	const data = new Map(Object.entries(initial));
	return {
		get: (key) => data.get(key),
		set: (key, value) => void data.set(key, value)
	};
}
function memorySecrets(initial = {}) {
	const data = new Map(Object.entries(initial));
	return {
		get: (name) => data.get(name),
		set: (name, value) => void (value === void 0 ? data.delete(name) : data.set(name, value))
	};
}
// src-main/core/errors.ts
/** An error meant for the person at the other end of the bridge: its message is shown as is. */
var CoreError = class extends Error {
	code;
	extra;
	constructor(code, message, extra = {}) {
		super(message);
		this.code = code;
		this.extra = extra;
		this.name = "CoreError";
	}
	toPayload() {
		return {
			code: this.code,
			message: this.message,
			...this.extra
		};
	}
};
// src-main/core/agentphone/errors.ts
/**
* One typed error for every way an AgentPhone call can fail. `status` is 0 when no HTTP answer
* arrived (network error, timeout, cancellation). It holds only plain data — never the request, its
* headers or the underlying fetch error — so it can be logged or serialised without leaking the key.
*/
var ApiError = class extends Error {
	status;
	code;
	method;
	path;
	retryAfterSeconds;
	constructor(init) {
		super(init.message);
		this.name = "ApiError";
		this.status = init.status;
		this.code = init.code;
		this.method = init.method;
		this.path = init.path;
		if (init.retryAfterSeconds !== void 0) this.retryAfterSeconds = init.retryAfterSeconds;
	}
	/** True for failures where no HTTP answer arrived. */
	get isNetwork() {
		return this.status === 0;
	}
	toJSON() {
		return {
			name: this.name,
			status: this.status,
			code: this.code,
			message: this.message,
			method: this.method,
			path: this.path,
			...this.retryAfterSeconds !== void 0 ? { retryAfterSeconds: this.retryAfterSeconds } : {}
		};
	}
};
var STATUS_CODES = {
	400: "bad_request",
	401: "unauthorized",
	402: "payment_required",
	403: "forbidden",
	404: "not_found",
	408: "timeout",
	409: "conflict",
	422: "validation_error",
	429: "rate_limited"
};
/** The fallback code for an HTTP status when the body named none. */
function codeForStatus(status) {
	return STATUS_CODES[status] ?? (status >= 500 ? "server_error" : "http_error");
}
var STATUS_TEXT$1 = {
	401: "AgentPhone did not accept the API key",
	402: "AgentPhone needs a payment method or more balance for this",
	403: "AgentPhone does not allow this",
	404: "AgentPhone could not find that",
	429: "AgentPhone is rate limiting requests; try again shortly"
};
/** A sentence for a status when the server sent no usable message. */
function defaultMessage(status) {
	return STATUS_TEXT$1[status] ?? (status >= 500 ? `AgentPhone had a server error (${status})` : `AgentPhone refused the request (${status})`);
}
/**
* Maps any failure to the bridge's error shape. CoreErrors pass through; ApiErrors become
* `api_error` with their status (when an HTTP answer arrived) and Retry-After; anything else is
* `internal`, with its message only (stacks and causes stay in the main process).
*/
function toCoreError(err) {
	if (err instanceof CoreError) return err;
	if (err instanceof ApiError) {
		const extra = {};
		if (err.status > 0) extra.status = err.status;
		if (err.retryAfterSeconds !== void 0) extra.retryAfterSeconds = err.retryAfterSeconds;
		return new CoreError("api_error", err.message, extra);
	}
	return new CoreError("internal", err instanceof Error && err.message ? err.message : "Something went wrong talking to AgentPhone");
}
// src-main/core/agentphone/error-body.ts
/** Longest raw-text body worth showing; HTML error pages from proxies are not. */
var MAX_RAW = 300;
function isRecord(value) {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** Request-part prefixes FastAPI puts in `loc` that mean nothing to a person. */
var LOC_PREFIXES = /* @__PURE__ */ new Set([
	"body",
	"query",
	"path",
	"header"
]);
function fromValidationItem(item) {
	if (!isRecord(item) || typeof item.msg !== "string") return void 0;
	const field = (Array.isArray(item.loc) ? item.loc.filter((p) => typeof p === "string" || typeof p === "number") : []).filter((p, i) => !(i === 0 && typeof p === "string" && LOC_PREFIXES.has(p))).join(".");
	return field ? `${field}: ${item.msg}` : item.msg;
}
function fromJson(json) {
	if (!isRecord(json)) return {};
	const { detail, error, message } = json;
	if (typeof detail === "string" && detail.trim()) return { message: detail.trim() };
	if (Array.isArray(detail) && detail.length > 0) {
		const first = fromValidationItem(detail[0]);
		if (first) return { message: detail.length > 1 ? `${first} (and ${detail.length - 1} more)` : first };
	}
	if (isRecord(error)) {
		const out = {};
		if (typeof error.message === "string" && error.message.trim()) out.message = error.message.trim();
		if (typeof error.code === "string" && error.code) out.code = error.code;
		const d0 = (Array.isArray(error.details) ? error.details : [])[0];
		if (out.message && isRecord(d0) && typeof d0.field === "string" && typeof d0.message === "string") out.message = `${out.message} (${d0.field}: ${d0.message})`;
		return out;
	}
	if (typeof error === "string" && error.trim()) return { message: error.trim() };
	if (typeof message === "string" && message.trim()) return { message: message.trim() };
	return {};
}
/** Parses an error body; never throws. */
function parseErrorBody(text, contentType) {
	const trimmed = text.trim();
	if (!trimmed) return {};
	if (trimmed.startsWith("{") || trimmed.startsWith("[")) try {
		return fromJson(JSON.parse(trimmed));
	} catch {}
	if (contentType?.includes("html") || trimmed.startsWith("<")) return {};
	return { message: trimmed.length > MAX_RAW ? `${trimmed.slice(0, MAX_RAW)}…` : trimmed };
}
// src-main/core/agentphone/retry.ts
var defaultSleep = (ms, signal) => new Promise((resolve, reject) => {
	if (signal?.aborted) return reject(signal.reason ?? /* @__PURE__ */ new Error("aborted"));
	const onAbort = () => {
		clearTimeout(timer);
		reject(signal?.reason ?? /* @__PURE__ */ new Error("aborted"));
	};
	const timer = setTimeout(() => {
		signal?.removeEventListener("abort", onAbort);
		resolve();
	}, ms);
	signal?.addEventListener("abort", onAbort, { once: true });
});
/** HTTP statuses worth retrying: request timeout, rate limit, and server-side failures. */
function isRetryableStatus(status) {
	return status === 408 || status === 429 || status >= 500 && status <= 599;
}
/**
* Methods that may be retried automatically. POST and PATCH are not: a retried `POST /v1/calls`
* can ring someone twice and a retried `POST /v1/messages` can text them twice.
*/
function isSafeMethod(method) {
	return method === "GET" || method === "HEAD" || method === "DELETE";
}
/**
* Parses `Retry-After` (delta-seconds or an HTTP date) into whole seconds, or undefined when absent
* or unreadable. A date in the past means "now" (0).
*/
function parseRetryAfter(header, now = Date.now()) {
	if (header === null) return void 0;
	const value = header.trim();
	if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
	const date = Date.parse(value);
	if (Number.isNaN(date)) return void 0;
	return Math.max(0, Math.ceil((date - now) / 1e3));
}
/**
* Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from
* many clients spread out but never collapse to zero.
*/
function backoffDelay(attempt, opts) {
	const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** attempt);
	return Math.round(exp / 2 + exp / 2 * opts.random());
}
// src-main/core/agentphone/failures.ts
/**
* Building the ApiError for each way a request can fail. Every message that might carry server or
* runtime text goes through `redact`, in case the key was echoed back (some servers quote the
* header they refused).
*/
/** An HTTP answer outside 2xx: the server's message and code, whichever envelope it used. */
function httpError(spec, res, text, redact) {
	const parsed = parseErrorBody(text, res.headers.get("content-type"));
	const retryAfterSeconds = parseRetryAfter(res.headers.get("retry-after"));
	return new ApiError({
		status: res.status,
		code: parsed.code ?? codeForStatus(res.status),
		method: spec.method,
		path: spec.path,
		message: redact(parsed.message ?? defaultMessage(res.status)),
		...retryAfterSeconds !== void 0 ? { retryAfterSeconds } : {}
	});
}
/** A 2xx whose body is not JSON or not the documented shape. */
function invalidResponse(spec, status, redact, why) {
	return new ApiError({
		status,
		code: "invalid_response",
		method: spec.method,
		path: spec.path,
		message: redact(`AgentPhone sent an unexpected response to ${spec.method} ${spec.path} (${why})`)
	});
}
function abortedError(spec) {
	return new ApiError({
		status: 0,
		code: "aborted",
		method: spec.method,
		path: spec.path,
		message: "The request to AgentPhone was cancelled"
	});
}
function timedOutError(spec, timeoutMs) {
	const within = timeoutMs >= 1e3 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`;
	return new ApiError({
		status: 0,
		code: "timeout",
		method: spec.method,
		path: spec.path,
		message: `AgentPhone did not answer ${spec.method} ${spec.path} within ${within}`
	});
}
/**
* No HTTP answer at all. Only the low-level reason (ECONNREFUSED, ENOTFOUND…) is kept, never the
* fetch error itself, whose cause chain could hold request details.
*/
function networkError(spec, baseUrl, err, redact) {
	let host = baseUrl;
	try {
		host = new URL(baseUrl).host;
	} catch {}
	return new ApiError({
		status: 0,
		code: "network_error",
		method: spec.method,
		path: spec.path,
		message: redact(`Could not reach AgentPhone at ${host}: ${describe(err)}`)
	});
}
function describe(err) {
	const cause = err instanceof Error ? err.cause : void 0;
	if (cause && typeof cause === "object" && "code" in cause && typeof cause.code === "string") return cause.code;
	if (cause instanceof Error && cause.message) return cause.message;
	return err instanceof Error && err.message ? err.message : "network error";
}
// src-main/core/agentphone/http.ts
/** Encodes one path segment (an id) so it can never change the path's shape. */
function seg(id) {
	return encodeURIComponent(id);
}
/**
* The transport under every resource group: auth header, per-attempt timeout, cancellation,
* retries where safe, error envelopes, and zod validation at the boundary. The API key lives in a
* private field so it never shows up when the client is inspected or serialised.
*/
var HttpClient = class {
	#apiKey;
	#cfg;
	constructor(cfg) {
		const { apiKey, ...rest } = cfg;
		this.#apiKey = apiKey;
		this.#cfg = {
			...rest,
			baseUrl: cfg.baseUrl.replace(/\/$/, "")
		};
	}
	get baseUrl() {
		return this.#cfg.baseUrl;
	}
	/** Replaces the key wherever a server or runtime echoed it into text we might show or log. */
	#redact = (text) => this.#apiKey.length >= 4 ? text.split(this.#apiKey).join("[redacted]") : text;
	/** Builds the absolute URL for a path and query. */
	url(path, query) {
		const params = new URLSearchParams();
		for (const [k, v] of Object.entries(query ?? {})) if (v !== void 0 && v !== null) params.set(k, String(v));
		const qs = params.toString();
		return `${this.#cfg.baseUrl}${path}${qs ? `?${qs}` : ""}`;
	}
	/** Sends a request and validates its JSON body with `schema`. */
	async json(spec, schema) {
		const { res, text } = await this.#send(spec, false);
		let body = {};
		if (text.trim() !== "") try {
			body = JSON.parse(text);
		} catch {
			throw invalidResponse(spec, res.status, this.#redact, "the body is not JSON");
		}
		const parsed = schema.safeParse(body);
		if (!parsed.success) {
			const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
			throw invalidResponse(spec, res.status, this.#redact, issues.join("; "));
		}
		return parsed.data;
	}
	/** Sends a request and answers its status only (HEAD probes, accepted statuses). */
	async status(spec) {
		return (await this.#send(spec, false)).res.status;
	}
	/**
	* Opens a streaming response (one attempt, no retries: the caller owns reconnection). The timeout
	* covers only the wait for headers; the body then flows until the signal aborts.
	*/
	async open(spec) {
		return (await this.#send(spec, true, false)).res;
	}
	async #send(spec, streaming, retry = true) {
		const maxAttempts = retry && (isSafeMethod(spec.method) || spec.idempotent === true) ? this.#cfg.maxRetries + 1 : 1;
		for (let attempt = 0;; attempt++) {
			let delayMs;
			try {
				return await this.#attempt(spec, streaming);
			} catch (err) {
				if (!(err instanceof ApiError)) throw err;
				if (!(err.code !== "aborted" && (err.status === 0 || isRetryableStatus(err.status))) || attempt + 1 >= maxAttempts) throw err;
				if (err.retryAfterSeconds !== void 0) {
					if (err.retryAfterSeconds > this.#cfg.maxRetryAfterSeconds) throw err;
					delayMs = err.retryAfterSeconds * 1e3;
				} else delayMs = backoffDelay(attempt, {
					baseMs: this.#cfg.retryBaseMs,
					maxMs: this.#cfg.retryMaxMs,
					random: this.#cfg.random
				});
				this.#cfg.logger.warn("agentphone request will be retried", {
					method: spec.method,
					path: err.path,
					status: err.status,
					code: err.code,
					attempt: attempt + 1,
					delayMs
				});
			}
			try {
				await this.#cfg.sleep(delayMs, spec.signal);
			} catch {
				throw abortedError(spec);
			}
		}
	}
	async #attempt(spec, streaming) {
		if (spec.signal?.aborted) throw abortedError(spec);
		const controller = new AbortController();
		let timedOut = false;
		const onAbort = () => controller.abort();
		spec.signal?.addEventListener("abort", onAbort, { once: true });
		const timeoutMs = spec.timeoutMs ?? this.#cfg.timeoutMs;
		const timer = setTimeout(() => {
			timedOut = true;
			controller.abort();
		}, timeoutMs);
		let keepListening = false;
		try {
			const res = await this.#cfg.fetch(this.url(spec.path, spec.query), {
				method: spec.method,
				headers: this.#headers(spec),
				body: spec.body === void 0 ? void 0 : JSON.stringify(spec.body),
				signal: controller.signal
			});
			const accepted = res.ok || (spec.acceptStatus?.(res.status) ?? false);
			if (streaming && accepted) {
				keepListening = true;
				return {
					res,
					text: ""
				};
			}
			const text = spec.method === "HEAD" ? "" : await res.text();
			if (!accepted) throw httpError(spec, res, text, this.#redact);
			return {
				res,
				text
			};
		} catch (err) {
			if (err instanceof ApiError) throw err;
			if (spec.signal?.aborted) throw abortedError(spec);
			if (timedOut) throw timedOutError(spec, timeoutMs);
			throw networkError(spec, this.#cfg.baseUrl, err, this.#redact);
		} finally {
			clearTimeout(timer);
			if (!keepListening) spec.signal?.removeEventListener("abort", onAbort);
		}
	}
	#headers(spec) {
		const headers = { Accept: spec.accept ?? "application/json" };
		if (!spec.anonymous) headers.Authorization = `Bearer ${this.#apiKey}`;
		if (spec.body !== void 0) headers["Content-Type"] = "application/json";
		return headers;
	}
};
// src-main/core/agentphone/pager.ts
/**
* Yields each page's items in turn. Stops when `hasMore` is false; when the answer has no `hasMore`,
* when `offset + items >= total`; and always on an empty page. The next offset is the current one
* plus the items actually returned, since a server may answer fewer than asked.
*/
async function* paginate(fetchPage, options = {}) {
	const limit = options.pageSize ?? 100;
	const maxItems = options.maxItems ?? 1e4;
	const opts = options.signal ? { signal: options.signal } : {};
	let offset = 0;
	while (offset < maxItems) {
		const page = await fetchPage({
			limit,
			offset
		}, opts);
		const items = page.data.slice(0, maxItems - offset);
		if (items.length > 0) yield items;
		offset += page.data.length;
		if (page.data.length === 0) return;
		if (page.hasMore !== void 0 ? !page.hasMore : page.total === void 0 || offset >= page.total) return;
	}
}
/**
* Every item of an offset-paged list, e.g. `listAll((p, o) => client.agents.list(p, o))`.
* Each page is a separate request with the client's retries; a failure rejects the whole call.
*/
async function listAll(fetchPage, options = {}) {
	const all = [];
	for await (const items of paginate(fetchPage, options)) all.push(...items);
	return all;
}
// src-main/core/agentphone/schemas.ts
/**
* Response shapes for agents, numbers, calls and usage (agentphone-api.md §2.1–§2.3, §2.6).
* Every object is a looseObject so new server fields pass through; only what Switchboard reads is
* required. Optional-or-null fields use `nullish` because sources disagree on which are omitted.
*/
var str$4 = z.string();
var nstr$3 = z.string().nullish();
var nnum$1 = z.number().nullish();
/** Accepts null or absence and hands on `undefined`, for fields the bridge contract types as optional strings. */
var optStr = z.string().nullish().transform((v) => v ?? void 0);
/** Accepts absence and hands on `null`, for fields the bridge contract types as `string | null`. */
var nullStr = z.string().nullish().transform((v) => v ?? null);
/** `{data, hasMore, total}`: numbers, calls, conversations (docs warn `total` may be absent). */
var offsetPage = (item) => z.looseObject({
	data: z.array(item),
	hasMore: z.boolean(),
	total: z.number().optional()
});
/** `{data, hasMore}`: the message lists, paged by time cursor; no `total`. */
var cursorPage = (item) => z.looseObject({
	data: z.array(item),
	hasMore: z.boolean()
});
/** `{success: true, …}`. A 2xx with an empty body (204) reads as `{}`, which is still success. */
var SuccessSchema = z.looseObject({ success: z.boolean().default(true) });
var AgentNumberSchema = z.looseObject({
	id: str$4,
	phoneNumber: str$4,
	status: optStr,
	type: optStr
});
var AgentSchema = z.looseObject({
	id: str$4,
	name: str$4,
	description: nstr$3,
	voiceMode: z.enum(["webhook", "hosted"]),
	systemPrompt: nstr$3,
	beginMessage: nstr$3,
	voice: optStr,
	transferNumber: nstr$3,
	createdAt: optStr,
	numbers: z.array(AgentNumberSchema).nullish()
});
/** `GET /v1/agents` is the odd one out: `{data, total}` with no `hasMore`. */
var AgentListSchema = z.looseObject({
	data: z.array(AgentSchema),
	total: z.number()
});
var AgentDeletedSchema = z.looseObject({
	success: z.boolean().default(true),
	id: nstr$3,
	name: nstr$3
});
var AttachNumberSchema = z.looseObject({
	agentId: str$4,
	number: AgentNumberSchema
});
var VoiceSchema = z.looseObject({
	voice_id: z.string().optional(),
	voiceId: z.string().optional(),
	voice_name: z.string().optional(),
	name: z.string().optional(),
	provider: optStr,
	gender: nstr$3,
	accent: nstr$3,
	preview_audio_url: nstr$3
}).refine((v) => (v.voice_id ?? v.voiceId) !== void 0, "voice_id is missing").transform((v) => ({
	...v,
	voice_id: v.voice_id ?? v.voiceId ?? "",
	voice_name: v.voice_name ?? v.name ?? v.voice_id ?? v.voiceId ?? ""
}));
var VoiceListSchema = z.looseObject({ data: z.array(VoiceSchema) });
var NumberSchema = z.looseObject({
	id: str$4,
	phoneNumber: str$4,
	country: optStr,
	status: str$4,
	type: optStr,
	agentId: nullStr,
	createdAt: optStr
});
var NumberListSchema = offsetPage(NumberSchema);
var NumberReleasedSchema = z.looseObject({
	success: z.boolean().default(true),
	phoneNumber: nstr$3,
	status: nstr$3
});
var CallSchema = z.looseObject({
	id: str$4,
	agentId: nstr$3,
	phoneNumberId: nstr$3,
	phoneNumber: nstr$3,
	fromNumber: nstr$3,
	toNumber: nstr$3,
	direction: nstr$3,
	status: str$4,
	startedAt: nstr$3,
	endedAt: nstr$3,
	durationSeconds: nnum$1,
	lastTranscriptSnippet: nstr$3,
	recordingUrl: nstr$3,
	recordingAvailable: z.boolean().nullish()
});
var CallListSchema = offsetPage(CallSchema);
/** One stored exchange: the caller's words in `transcript`, the agent's answer in `response`. */
var CallTranscriptEntrySchema = z.looseObject({
	id: nstr$3,
	transcript: nstr$3,
	response: nstr$3,
	confidence: nnum$1,
	createdAt: nstr$3
});
var CallDetailSchema = CallSchema.extend({ transcripts: z.array(CallTranscriptEntrySchema).nullish() });
/** `POST /v1/calls/{id}/end`: the current call (OAS) or `{id, status: "ending"}` (REST-md). */
var CallEndSchema = z.looseObject({
	id: str$4,
	status: str$4
});
var UsageSchema = z.looseObject({
	plan: z.looseObject({ name: nstr$3 }).nullish(),
	numbers: z.looseObject({
		used: nnum$1,
		limit: nnum$1,
		remaining: nnum$1
	}).nullish(),
	stats: z.record(z.string(), z.unknown()).nullish(),
	periodStart: nstr$3,
	periodEnd: nstr$3
});
/** Older builds sent `voiceMinutes` where newer ones send `webhooks`: a missing `webhooks` reads as 0. */
var usagePoint = {
	messages: z.number(),
	calls: z.number(),
	webhooks: z.number().nullish().transform((v) => v ?? 0),
	voiceMinutes: nnum$1
};
var DailyUsageSchema = z.looseObject({
	data: z.array(z.looseObject({
		date: str$4,
		...usagePoint
	})),
	days: nnum$1
});
var MonthlyUsageSchema = z.looseObject({
	data: z.array(z.looseObject({
		month: str$4,
		...usagePoint
	})),
	months: nnum$1
});
var UsageByNumberSchema = z.looseObject({ data: z.array(z.looseObject({
	numberId: nstr$3,
	phoneNumber: nstr$3,
	agentId: nstr$3,
	agentName: nstr$3,
	messages: nnum$1,
	calls: nnum$1
})) });
var UsageByAgentSchema = z.looseObject({
	data: z.array(z.looseObject({
		agentId: nstr$3,
		agentName: nstr$3,
		messages: nnum$1,
		calls: nnum$1,
		totalSeconds: nnum$1
	})),
	period: nstr$3,
	periodStart: nstr$3,
	periodEnd: nstr$3
});
// src-main/core/agentphone/schemas-messaging.ts
/**
* Response shapes for messages and conversations (agentphone-api.md §2.3–§2.5). The send endpoint
* answers in snake_case; it is mapped to camelCase here so the rest of the core sees one style.
*/
var str$3 = z.string();
var nstr$2 = z.string().nullish();
var ConversationSchema = z.looseObject({
	id: str$3,
	agentId: nstr$2,
	phoneNumberId: nstr$2,
	phoneNumber: nstr$2,
	participant: nstr$2,
	isGroup: z.boolean().nullish(),
	groupName: nstr$2,
	lastMessageAt: nstr$2,
	lastMessagePreview: nstr$2,
	messageCount: z.number().nullish().transform((v) => v ?? void 0),
	metadata: z.record(z.string(), z.unknown()).nullish(),
	createdAt: nstr$2
});
var ConversationListSchema = offsetPage(ConversationSchema);
/** A message inside a conversation (`MessageInConversation`). */
var ConversationMessageSchema = z.looseObject({
	id: str$3,
	body: z.string().nullish().transform((b) => b ?? ""),
	fromNumber: nstr$2,
	toNumber: nstr$2,
	direction: str$3,
	senderIdentifier: nstr$2,
	channel: nstr$2,
	mediaUrl: nstr$2,
	mediaUrls: z.array(z.string()).nullish(),
	receivedAt: nstr$2
});
var ConversationMessageListSchema = cursorPage(ConversationMessageSchema);
/** Detail = summary + embedded messages. PATCH answers the same, though MCP types it without `messages`. */
var ConversationDetailSchema = ConversationSchema.extend({ messages: z.array(ConversationMessageSchema).nullish().transform((m) => m ?? []) });
var NumberMessageListSchema = cursorPage(z.looseObject({
	id: str$3,
	from: z.string().optional(),
	from_: z.string().optional(),
	to: str$3,
	body: z.string().nullish().transform((b) => b ?? ""),
	direction: str$3,
	channel: nstr$2,
	receivedAt: nstr$2
}).refine((m) => (m.from ?? m.from_) !== void 0, {
	message: "from is missing",
	path: ["from"]
}).transform(({ from_, ...m }) => ({
	...m,
	from: m.from ?? from_ ?? ""
})));
/**
* `POST /v1/messages` answer, kept in the endpoint's own snake_case (like every other answer, the
* wire shape is handed on as is).
*/
var SentMessageSchema = z.looseObject({
	id: str$3,
	status: z.string().default("sent"),
	channel: z.string().default("sms"),
	from_number: str$3,
	to_number: str$3,
	conversation_id: nstr$2,
	media_urls: z.array(z.string()).nullish(),
	reply_to_message_id: nstr$2,
	reply_parent_unresolved: z.boolean().nullish()
});
// src-main/core/agentphone/resources/agents.ts
/** `/v1/agents…` (agentphone-api.md §2.2). */
var AgentsResource = class {
	http;
	constructor(http) {
		this.http = http;
	}
	/** One page: `{data, total}` — this endpoint has no `hasMore`. */
	list(paging = {}, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/agents",
			query: { ...paging }
		}, AgentListSchema);
	}
	/** Every agent, following pages until `offset + items >= total` (this list has no `hasMore`). */
	listAll(options = {}) {
		return listAll((paging, opts) => this.list(paging, opts), options);
	}
	/** Creates an agent. Not retried automatically: a retry could create two. */
	create(input, opts = {}) {
		return this.http.json({
			...opts,
			method: "POST",
			path: "/v1/agents",
			body: input
		}, AgentSchema);
	}
	get(agentId, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: `/v1/agents/${seg(agentId)}`
		}, AgentSchema);
	}
	/** Partial update: only the fields present change. */
	update(agentId, patch, opts = {}) {
		return this.http.json({
			...opts,
			method: "PATCH",
			path: `/v1/agents/${seg(agentId)}`,
			body: patch
		}, AgentSchema);
	}
	/** Deletes the agent; its numbers, calls and conversations stay, unassigned. */
	delete(agentId, opts = {}) {
		return this.http.json({
			...opts,
			method: "DELETE",
			path: `/v1/agents/${seg(agentId)}`
		}, AgentDeletedSchema);
	}
	/** Every voice an agent can use: `{data}`, items always snake_case `voice_id`/`voice_name`. */
	voices(opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/agents/voices"
		}, VoiceListSchema);
	}
	attachNumber(agentId, numberId, opts = {}) {
		const spec = {
			...opts,
			method: "POST",
			path: `/v1/agents/${seg(agentId)}/numbers`,
			body: { numberId },
			idempotent: true
		};
		return this.http.json(spec, AttachNumberSchema);
	}
	detachNumber(agentId, numberId, opts = {}) {
		return this.http.json({
			...opts,
			method: "DELETE",
			path: `/v1/agents/${seg(agentId)}/numbers/${seg(numberId)}`
		}, SuccessSchema);
	}
	calls(agentId, paging = {}, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: `/v1/agents/${seg(agentId)}/calls`,
			query: { ...paging }
		}, CallListSchema);
	}
	conversations(agentId, paging = {}, opts = {}) {
		const spec = {
			...opts,
			method: "GET",
			path: `/v1/agents/${seg(agentId)}/conversations`,
			query: { ...paging }
		};
		return this.http.json(spec, ConversationListSchema);
	}
};
// src-main/core/agentphone/phone.ts
/** Characters a typed phone number may hold besides digits. Letters (vanity numbers, "ext") are refused. */
var ALLOWED = /^[\d\s+().\-/]+$/;
function refuse$1(input, why) {
	return new CoreError("invalid_number", `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}" is not a phone number: ${why}`);
}
/**
* Returns `input` as E.164, assuming `defaultCountry` when it has no `+country` prefix.
* Throws CoreError('invalid_number') for empty input, letters, or a number that cannot exist
* (wrong length for its country). "Possible" rather than "valid" is checked on purpose: test
* and sandbox numbers such as +1 555 … are possible but not assigned.
*/
function normalizePhone$1(input, defaultCountry = "US") {
	const trimmed = input.trim();
	if (trimmed === "") throw new CoreError("invalid_number", "A phone number is required");
	if (!ALLOWED.test(trimmed)) throw refuse$1(trimmed, "it may only contain digits, spaces, +, ( ), - and .");
	const digits = trimmed.replace(/\D/g, "");
	if (digits.length === 0) throw refuse$1(trimmed, "it has no digits");
	const candidate = trimmed.startsWith("00") ? `+${digits.slice(2)}` : trimmed;
	const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
	if (!parsed) throw refuse$1(trimmed, "the country code or length is wrong");
	if (!parsed.isPossible()) throw refuse$1(trimmed, `it has the wrong number of digits for ${parsed.country ?? `+${parsed.countryCallingCode}`}`);
	return parsed.number;
}
/**
* Normalises an SMS recipient. `POST /v1/messages` also accepts iMessage group ids (`grp_…`),
* email addresses and US short codes (5–6 digits); those pass through unchanged.
*/
function normalizeRecipient(input, defaultCountry = "US") {
	const trimmed = input.trim();
	if (/^grp_\S+$/.test(trimmed) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) || /^\d{5,6}$/.test(trimmed)) return trimmed;
	return normalizePhone$1(trimmed, defaultCountry);
}
// src-main/core/agentphone/transcript-turn.ts
/**
* Transcript turns come in several undocumented shapes (agentphone-api.md §7 #9): `{role, content}`
* (REST-md), `{id, transcript, response}` pairs (SKILL-0.4 and call detail), or `{speaker, text}`.
* This reads any of them into one shape: who spoke, what, when, and an id stable across replays.
*/
var nstr$1 = z.string().nullish();
var RawTurnSchema = z.looseObject({
	id: z.union([z.string(), z.number()]).nullish(),
	role: nstr$1,
	speaker: nstr$1,
	content: nstr$1,
	transcript: nstr$1,
	response: nstr$1,
	text: nstr$1,
	createdAt: nstr$1,
	timestamp: nstr$1,
	interim: z.boolean().nullish(),
	confidence: z.number().nullish()
});
var CALLER_ROLES = /* @__PURE__ */ new Set([
	"user",
	"caller",
	"customer",
	"human",
	"contact"
]);
function speakerOf(role) {
	return CALLER_ROLES.has(role.toLowerCase()) ? "caller" : "agent";
}
/**
* Gives id-less turns a stable key: what was said, by whom, when, plus how many identical turns
* came before it on this connection (so two "yes" answers stay two turns). Because a reconnect
* replays from the start in the same order, the nth "yes" gets the same key both times.
* Use one keyer per connection or per response.
*/
var TurnKeyer = class {
	#seen = /* @__PURE__ */ new Map();
	key(speaker, text, at) {
		const base = `${at}|${speaker}|${text}`;
		const n = (this.#seen.get(base) ?? 0) + 1;
		this.#seen.set(base, n);
		return `k:${base}#${n}`;
	}
};
/**
* Expands one raw turn into zero, one or two turns: `{transcript, response}` pairs hold the caller's
* words and the agent's answer, which get ids `<id>:caller` and `<id>:agent` so an answer that
* arrives later under the same id is still delivered once. Empty texts are dropped.
*/
function normalizeTurn(raw, keyer, now = () => (/* @__PURE__ */ new Date()).toISOString()) {
	const parsed = RawTurnSchema.safeParse(raw);
	if (!parsed.success) return [];
	const t = parsed.data;
	const when = t.createdAt ?? t.timestamp ?? "";
	const at = when || now();
	const id = t.id === null || t.id === void 0 ? null : String(t.id);
	const make = (speaker, text, idSuffix) => {
		const clean = text?.trim();
		if (!clean) return null;
		const turn = {
			id: id !== null ? `${id}${idSuffix}` : keyer.key(speaker, clean, when),
			speaker,
			text: clean,
			at
		};
		if (t.interim) turn.interim = true;
		if (speaker === "caller" && typeof t.confidence === "number") turn.confidence = t.confidence;
		return turn;
	};
	const role = t.role ?? t.speaker;
	if (role) {
		const turn = make(speakerOf(role), t.content ?? t.text ?? t.transcript ?? t.response, "");
		return turn ? [turn] : [];
	}
	return [make("caller", t.transcript ?? t.content ?? t.text, ":caller"), make("agent", t.response, ":agent")].filter((x) => x !== null);
}
/** Normalises a list of raw turns (one response, one keyer). */
function normalizeTurns(raws, now) {
	const keyer = new TurnKeyer();
	return raws.flatMap((r) => normalizeTurn(r, keyer, now));
}
/** The transcript endpoint's shape is undocumented: accept `{data}`, `{transcript}`, `{transcripts}` or a bare array. */
var TranscriptResponseSchema = z.union([
	z.array(z.unknown()),
	z.looseObject({ data: z.array(z.unknown()) }).transform((r) => r.data),
	z.looseObject({ transcript: z.array(z.unknown()) }).transform((r) => r.transcript),
	z.looseObject({ transcripts: z.array(z.unknown()) }).transform((r) => r.transcripts)
]);
// src-main/core/agentphone/resources/calls.ts
/** Extra time over a long-poll's server wait before the client gives up. */
var LONG_POLL_MARGIN_MS = 15e3;
/** `/v1/calls…` (agentphone-api.md §2.6). */
var CallsResource = class {
	http;
	constructor(http) {
		this.http = http;
	}
	/** One page of calls, newest first: `{data, hasMore, total}`. */
	list(query = {}, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/calls",
			query: { ...query }
		}, CallListSchema);
	}
	/** Every call matching the filters, following `hasMore` (capped by `maxItems`, default 10 000). */
	listAll(query = {}, options = {}) {
		return listAll((paging, opts) => this.list({
			...query,
			...paging
		}, opts), options);
	}
	/** A call with its stored `transcripts` (partial while the call is live). */
	get(callId, wait = {}, opts = {}) {
		const timeoutMs = wait.wait ? (wait.timeout ?? 120) * 1e3 + LONG_POLL_MARGIN_MS : void 0;
		const query = wait.wait ? {
			wait: true,
			timeout: wait.timeout
		} : void 0;
		return this.http.json({
			...opts,
			method: "GET",
			path: `/v1/calls/${seg(callId)}`,
			query,
			timeoutMs
		}, CallDetailSchema);
	}
	/** The full ordered transcript, normalised to caller/agent turns. */
	async transcript(callId, opts = {}) {
		return normalizeTurns(await this.http.json({
			...opts,
			method: "GET",
			path: `/v1/calls/${seg(callId)}/transcript`
		}, TranscriptResponseSchema));
	}
	/**
	* Places an outbound call. The number is normalised before anything is sent (CoreError
	* 'invalid_number' otherwise). Never retried automatically: a retry can ring someone twice.
	*/
	place(input, opts = {}) {
		const body = {
			...input,
			toNumber: normalizePhone$1(input.toNumber)
		};
		return this.http.json({
			...opts,
			method: "POST",
			path: "/v1/calls",
			body
		}, CallSchema);
	}
	/** Asks AgentPhone to hang up; the final status arrives later. 409 if the call is not live. */
	end(callId, opts = {}) {
		return this.http.json({
			...opts,
			method: "POST",
			path: `/v1/calls/${seg(callId)}/end`
		}, CallEndSchema);
	}
	/** The public recording URL (no auth: the call id is the capability). */
	recordingUrl(callId) {
		return this.http.url(`/v1/calls/${seg(callId)}/recording`);
	}
	/**
	* Whether a recording exists: HEAD on the public URL (200 → true, 404 → false). Servers that
	* refuse HEAD get a GET whose body is dropped unread.
	*/
	async recordingAvailable(callId, opts = {}) {
		const path = `/v1/calls/${seg(callId)}/recording`;
		const accept = (s) => s === 404 || s === 405 || s === 501;
		const status = await this.http.status({
			...opts,
			method: "HEAD",
			path,
			anonymous: true,
			acceptStatus: accept,
			accept: "*/*"
		});
		if (status !== 405 && status !== 501) return status !== 404;
		const res = await this.http.open({
			...opts,
			method: "GET",
			path,
			anonymous: true,
			acceptStatus: (s) => s === 404,
			accept: "*/*"
		});
		await res.body?.cancel().catch(() => void 0);
		return res.status !== 404;
	}
	/**
	* Opens `GET /v1/calls/{id}/transcript/stream` (SSE). One attempt; `followTranscript` owns
	* reconnection and dedupe, so use that rather than this.
	*/
	openTranscriptStream(callId, opts = {}) {
		return this.http.open({
			...opts,
			method: "GET",
			path: `/v1/calls/${seg(callId)}/transcript/stream`,
			accept: "text/event-stream"
		});
	}
};
// src-main/core/agentphone/resources/conversations.ts
/** `/v1/conversations…` (agentphone-api.md §2.5). */
var ConversationsResource = class {
	http;
	constructor(http) {
		this.http = http;
	}
	/** One page, most recent activity first: `{data, hasMore, total}`. */
	list(paging = {}, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/conversations",
			query: { ...paging }
		}, ConversationListSchema);
	}
	/** Every conversation, following `hasMore`. */
	listAll(options = {}) {
		return listAll((paging, opts) => this.list(paging, opts), options);
	}
	/** A conversation with its latest `messageLimit` messages (server default 50, 1–100). */
	get(conversationId, query = {}, opts = {}) {
		const spec = {
			...opts,
			method: "GET",
			path: `/v1/conversations/${seg(conversationId)}`,
			query: { message_limit: query.messageLimit }
		};
		return this.http.json(spec, ConversationDetailSchema);
	}
	/**
	* Updates metadata and/or the group name; only fields sent are touched. Marked idempotent (and so
	* retried like a GET): it replaces values, so sending it twice leaves the same state.
	*/
	update(conversationId, update, opts = {}) {
		const body = {};
		if (update.metadata !== void 0) body.metadata = update.metadata;
		if (update.groupName !== void 0) body.group_name = update.groupName;
		const spec = {
			...opts,
			method: "PATCH",
			path: `/v1/conversations/${seg(conversationId)}`,
			body,
			idempotent: true
		};
		return this.http.json(spec, ConversationDetailSchema);
	}
	/** Messages by time cursor: `{data, hasMore}` (no total). */
	messages(conversationId, paging = {}, opts = {}) {
		const spec = {
			...opts,
			method: "GET",
			path: `/v1/conversations/${seg(conversationId)}/messages`,
			query: { ...paging }
		};
		return this.http.json(spec, ConversationMessageListSchema);
	}
};
// src-main/core/agentphone/resources/messages.ts
/** `POST /v1/messages` (agentphone-api.md §2.4). */
var MessagesResource = class {
	http;
	constructor(http) {
		this.http = http;
	}
	/**
	* Sends an SMS/MMS/iMessage. The recipient is normalised before anything is sent (CoreError
	* 'invalid_number' otherwise). Never retried automatically: a retry can text someone twice.
	*/
	send(input, opts = {}) {
		const body = {
			to_number: normalizeRecipient(input.toNumber),
			body: input.body
		};
		if (input.agentId !== void 0) body.agent_id = input.agentId;
		if (input.numberId !== void 0) body.number_id = input.numberId;
		if (input.fromNumber !== void 0) body.from_number = normalizePhone$1(input.fromNumber);
		if (input.mediaUrls !== void 0) body.media_urls = input.mediaUrls;
		if (input.sendStyle !== void 0) body.send_style = input.sendStyle;
		if (input.replyToMessageId !== void 0) body.reply_to_message_id = input.replyToMessageId;
		return this.http.json({
			...opts,
			method: "POST",
			path: "/v1/messages",
			body
		}, SentMessageSchema);
	}
};
// src-main/core/agentphone/resources/numbers.ts
/** `/v1/numbers…` (agentphone-api.md §2.3). */
var NumbersResource = class {
	http;
	constructor(http) {
		this.http = http;
	}
	/** Buys a number ($3/month). Never retried: a retry could buy two. */
	buy(input = {}, opts = {}) {
		return this.http.json({
			...opts,
			method: "POST",
			path: "/v1/numbers",
			body: input
		}, NumberSchema);
	}
	/** One page of non-released numbers: `{data, hasMore, total}`. */
	list(paging = {}, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/numbers",
			query: { ...paging }
		}, NumberListSchema);
	}
	/** Every active number, following `hasMore`. */
	listAll(options = {}) {
		return listAll((paging, opts) => this.list(paging, opts), options);
	}
	/** A number, released ones included. */
	get(numberId, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: `/v1/numbers/${seg(numberId)}`
		}, NumberSchema);
	}
	/** Releases a number: irreversible (the UI confirms first). */
	release(numberId, opts = {}) {
		return this.http.json({
			...opts,
			method: "DELETE",
			path: `/v1/numbers/${seg(numberId)}`
		}, NumberReleasedSchema);
	}
	/** The number's message log: `{data, hasMore}` (no total). */
	messages(numberId, paging = {}, opts = {}) {
		const spec = {
			...opts,
			method: "GET",
			path: `/v1/numbers/${seg(numberId)}/messages`,
			query: { ...paging }
		};
		return this.http.json(spec, NumberMessageListSchema);
	}
	calls(numberId, paging = {}, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: `/v1/numbers/${seg(numberId)}/calls`,
			query: { ...paging }
		}, CallListSchema);
	}
};
// src-main/core/agentphone/resources/usage.ts
/** `/v1/usage…`: account totals and charts (agentphone-api.md §2.1). */
var UsageResource = class {
	http;
	constructor(http) {
		this.http = http;
	}
	/** Current totals. The legacy `plan` block may be absent. */
	get(opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/usage"
		}, UsageSchema);
	}
	/** One point per day for the last `days` (server default 30, 1–365). */
	daily(days, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/usage/daily",
			query: { days }
		}, DailyUsageSchema);
	}
	/** One point per month for the last `months` (server default 6, ≤ 24). */
	monthly(months, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/usage/monthly",
			query: { months }
		}, MonthlyUsageSchema);
	}
	/** Messages and calls per number. */
	byNumber(opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/usage/by-number"
		}, UsageByNumberSchema);
	}
	/** Messages, calls and talk time per agent for a period; `tz` is an IANA zone. */
	byAgent(period, opts = {}) {
		const { tz, ...rest } = opts;
		return this.http.json({
			...rest,
			method: "GET",
			path: "/v1/usage/by-agent",
			query: {
				period,
				tz
			}
		}, UsageByAgentSchema);
	}
};
// src-main/core/agentphone/schemas-webhooks.ts
/**
* Webhook configuration shapes (agentphone-api.md §2.7). The OpenAPI file and the MCP client
* disagree on test results and delivery lists (§7 #6, #7); both variants are read and normalised to
* the OpenAPI form, so callers see one shape whichever server answered.
*/
var str$2 = z.string();
var nstr = z.string().nullish();
var nnum = z.number().nullish();
var WebhookSchema = z.looseObject({
	id: str$2,
	url: str$2,
	/** `whsec_…`, regenerated on every create/update: store it from the response. */
	secret: z.string().nullish().transform((v) => v ?? null),
	status: nstr,
	contextLimit: nnum,
	timeout: nnum,
	createdAt: nstr
});
/** `GET …/webhook(s)` answers JSON `null` (or an empty body) when none is configured. */
var MaybeWebhookSchema = z.union([
	WebhookSchema,
	z.null(),
	z.strictObject({})
]).transform((w) => w !== null && "id" in w ? w : null);
/** Docs: `{success, httpStatus, errorMessage}`; MCP: `{success, statusCode, responseMs, error}`. */
var WebhookTestSchema = z.looseObject({
	success: z.boolean(),
	httpStatus: nnum,
	statusCode: nnum,
	errorMessage: nstr,
	error: z.union([z.string(), z.looseObject({ message: nstr })]).nullish(),
	responseMs: nnum
}).transform((t) => ({
	success: t.success,
	httpStatus: t.httpStatus ?? t.statusCode ?? null,
	errorMessage: t.errorMessage ?? (typeof t.error === "string" ? t.error : t.error?.message ?? null),
	responseMs: t.responseMs ?? null
}));
/** A delivery record, OAS names first, MCP names (`event`, `statusCode`, `deliveredAt`) folded in. */
var DeliverySchema = z.looseObject({
	id: str$2,
	messageId: nstr,
	eventType: nstr,
	event: nstr,
	channel: nstr,
	status: nstr,
	success: z.boolean().nullish(),
	httpStatus: nnum,
	statusCode: nnum,
	errorMessage: nstr,
	responseBody: nstr,
	attemptCount: nnum,
	lastAttemptAt: nstr,
	nextRetryAt: nstr,
	createdAt: nstr,
	deliveredAt: nstr,
	responseMs: nnum
}).transform(({ event, statusCode, deliveredAt, ...d }) => ({
	...d,
	eventType: d.eventType ?? event ?? null,
	httpStatus: d.httpStatus ?? statusCode ?? null,
	status: d.status ?? (d.success === true ? "delivered" : d.success === false ? "failed" : null),
	createdAt: d.createdAt ?? deliveredAt ?? null
}));
/** Project deliveries: `{items, total, offset, limit}` (OAS), or MCP's `{data, hasMore, total}`. */
var DeliveryPageSchema = z.union([z.looseObject({
	items: z.array(DeliverySchema),
	total: z.number(),
	offset: z.number(),
	limit: z.number()
}).transform((p) => ({
	items: p.items,
	total: p.total,
	offset: p.offset,
	limit: p.limit
})), z.looseObject({
	data: z.array(DeliverySchema),
	total: z.number().optional(),
	hasMore: z.boolean().optional()
}).transform((p) => ({
	items: p.data,
	total: p.total ?? p.data.length,
	offset: void 0,
	limit: void 0
}))]);
/** Agent deliveries: a bare array (OAS), or an envelope (MCP): always answered as an array. */
var AgentDeliveriesSchema = z.union([
	z.array(DeliverySchema),
	z.looseObject({ items: z.array(DeliverySchema) }).transform((p) => p.items),
	z.looseObject({ data: z.array(DeliverySchema) }).transform((p) => p.data)
]);
var DeliveryStatsSchema = z.looseObject({
	total: z.number(),
	success: z.number(),
	failed: z.number(),
	pending: nnum,
	successRate: nnum,
	byEventType: z.record(z.string(), z.record(z.string(), z.number())).nullish(),
	byHour: z.array(z.record(z.string(), z.unknown())).nullish()
});
// src-main/core/agentphone/resources/webhooks.ts
/**
* `/v1/webhooks…`: the project (account) webhook (agentphone-api.md §2.7). `set` is an upsert that
* returns a fresh secret each time; it is marked idempotent because repeating it leaves the same
* configuration, and the secret to keep is always the one in the last answer.
*/
var WebhooksResource = class {
	http;
	constructor(http) {
		this.http = http;
	}
	/** The project webhook, or null when none is set. */
	get(opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/webhooks"
		}, MaybeWebhookSchema);
	}
	set(input, opts = {}) {
		return this.http.json({
			...opts,
			method: "POST",
			path: "/v1/webhooks",
			body: input,
			idempotent: true
		}, WebhookSchema);
	}
	/** Removes the project webhook; agent webhooks are unaffected. */
	delete(opts = {}) {
		return this.http.json({
			...opts,
			method: "DELETE",
			path: "/v1/webhooks"
		}, SuccessSchema);
	}
	/** Sends a test event; `agentId` picks which agent appears in the payload. */
	test(agentId, opts = {}) {
		return this.http.json({
			...opts,
			method: "POST",
			path: "/v1/webhooks/test",
			query: { agentId }
		}, WebhookTestSchema);
	}
	/** One page of deliveries as `{items, total, offset, limit}` (MCP-style answers are converted). */
	async deliveries(query = {}, opts = {}) {
		const page = await this.http.json({
			...opts,
			method: "GET",
			path: "/v1/webhooks/deliveries",
			query: { ...query }
		}, DeliveryPageSchema);
		return {
			items: page.items,
			total: page.total,
			offset: page.offset ?? query.offset ?? 0,
			limit: page.limit ?? query.limit ?? page.items.length
		};
	}
	/** Delivery counts for the last `hours` (server default 24). */
	stats(hours, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: "/v1/webhooks/deliveries/stats",
			query: { hours }
		}, DeliveryStatsSchema);
	}
};
/** `/v1/agents/{id}/webhook…`: an agent's own webhook, which overrides the project one for that agent. */
var AgentWebhooksResource = class {
	http;
	constructor(http) {
		this.http = http;
	}
	get(agentId, opts = {}) {
		return this.http.json({
			...opts,
			method: "GET",
			path: `/v1/agents/${seg(agentId)}/webhook`
		}, MaybeWebhookSchema);
	}
	/** Upsert; see WebhooksResource for why it is retried. */
	set(agentId, input, opts = {}) {
		const spec = {
			...opts,
			method: "POST",
			path: `/v1/agents/${seg(agentId)}/webhook`,
			body: input,
			idempotent: true
		};
		return this.http.json(spec, WebhookSchema);
	}
	/** Removes the agent's webhook; its events fall back to the project webhook. */
	delete(agentId, opts = {}) {
		return this.http.json({
			...opts,
			method: "DELETE",
			path: `/v1/agents/${seg(agentId)}/webhook`
		}, SuccessSchema);
	}
	test(agentId, opts = {}) {
		return this.http.json({
			...opts,
			method: "POST",
			path: `/v1/agents/${seg(agentId)}/webhook/test`
		}, WebhookTestSchema);
	}
	/** Recent deliveries as a bare array (the endpoint has no total). `hours` is sent only if given (MCP sends it; OAS does not declare it). */
	deliveries(agentId, query = {}, opts = {}) {
		const spec = {
			...opts,
			method: "GET",
			path: `/v1/agents/${seg(agentId)}/webhook/deliveries`,
			query: { ...query }
		};
		return this.http.json(spec, AgentDeliveriesSchema);
	}
};
/**
* Typed client for the AgentPhone REST API (agentphone-api.md §2). Plain Node: no Electron.
* Every method takes an optional `{signal}` last and rejects with `ApiError` (or CoreError
* 'invalid_number' for a bad phone number, before any request is made).
*/
var AgentPhoneClient = class {
	usage;
	agents;
	numbers;
	calls;
	messages;
	conversations;
	webhooks;
	agentWebhooks;
	/** The transport, for callers that need a raw request (tests, new endpoints). */
	http;
	constructor(options) {
		const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
		this.http = new HttpClient({
			baseUrl: options.baseUrl ?? "https://api.agentphone.to",
			apiKey: options.apiKey,
			timeoutMs: options.timeoutMs ?? 3e4,
			maxRetries: options.maxRetries ?? 2,
			fetch: fetchImpl,
			sleep: options.sleep ?? defaultSleep,
			logger: options.logger ?? silentLogger,
			random: options.random ?? Math.random,
			retryBaseMs: options.retryBaseMs ?? 500,
			retryMaxMs: options.retryMaxMs ?? 8e3,
			maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60
		});
		this.usage = new UsageResource(this.http);
		this.agents = new AgentsResource(this.http);
		this.numbers = new NumbersResource(this.http);
		this.calls = new CallsResource(this.http);
		this.messages = new MessagesResource(this.http);
		this.conversations = new ConversationsResource(this.http);
		this.webhooks = new WebhooksResource(this.http);
		this.agentWebhooks = new AgentWebhooksResource(this.http);
	}
	get baseUrl() {
		return this.http.baseUrl;
	}
};
// src-main/core/agentphone/transcript-stream.ts
/**
* Following a call's live transcript over `GET /v1/calls/{id}/transcript/stream` (SSE). The server
* replays every stored turn on connect, then sends live `turn` events, a `: heartbeat` comment every
* 15 s, and an `ended` event before closing. A dropped connection is reopened with backoff; since
* the replay starts from the beginning again, turns are deduped so each is delivered once.
*/
/** SSE event names that carry turns; servers may leave the name off (a plain `message`). */
var TURN_EVENTS = /* @__PURE__ */ new Set([
	void 0,
	"message",
	"turn",
	"transcript"
]);
/** Starts following `callId`'s transcript. */
function followTranscript(client, callId, options) {
	const stopper = new AbortController();
	const onOuterAbort = () => stopper.abort();
	if (options.signal?.aborted) stopper.abort();
	options.signal?.addEventListener("abort", onOuterAbort, { once: true });
	return {
		stop: () => stopper.abort(),
		done: run(client, callId, options, stopper.signal).finally(() => options.signal?.removeEventListener("abort", onOuterAbort))
	};
}
async function run(client, callId, o, stopped) {
	const delivered = /* @__PURE__ */ new Set();
	const sleep = o.sleep ?? defaultSleep;
	const logger = o.logger ?? silentLogger;
	const path = `/v1/calls/${encodeURIComponent(callId)}/transcript/stream`;
	let failures = 0;
	const deliver = (turn) => {
		if (stopped.aborted || delivered.has(turn.id)) return;
		delivered.add(turn.id);
		try {
			o.onTurn(turn);
		} catch (err) {
			logger.error("transcript onTurn handler threw", {
				callId,
				message: err instanceof Error ? err.message : String(err)
			});
		}
	};
	while (!stopped.aborted) {
		const conn = new AbortController();
		const onStop = () => conn.abort();
		stopped.addEventListener("abort", onStop, { once: true });
		const progress = { gotData: false };
		try {
			const ended = await consume(await client.calls.openTranscriptStream(callId, { signal: conn.signal }), conn, o.idleTimeoutMs ?? 45e3, progress, deliver);
			if (stopped.aborted) return;
			if (ended) {
				o.onEnded();
				return;
			}
			throw new ApiError({
				status: 0,
				code: "network_error",
				method: "GET",
				path,
				message: "The transcript stream closed before the call ended"
			});
		} catch (e) {
			if (stopped.aborted) return;
			const err = e instanceof ApiError ? e : interrupted(path, e);
			const fatal = err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
			o.onError?.(err, { willRetry: !fatal });
			if (fatal) return;
			if (progress.gotData) failures = 0;
			const base = o.backoffMs ?? 1e3;
			const delay = err.retryAfterSeconds !== void 0 ? err.retryAfterSeconds * 1e3 : backoffDelay(failures++, {
				baseMs: base,
				maxMs: o.maxBackoffMs ?? 3e4,
				random: Math.random
			});
			try {
				await sleep(delay, stopped);
			} catch {
				return;
			}
		} finally {
			stopped.removeEventListener("abort", onStop);
			conn.abort();
		}
	}
}
/** Reads one connection to its end. Resolves true after an `ended` event, false if the body just ended. */
async function consume(res, conn, idleMs, progress, deliver) {
	if (!res.body) return false;
	const keyer = new TurnKeyer();
	let ended = false;
	const parser = createParser({ onEvent(event) {
		if (ended) return;
		if (event.event === "ended") {
			ended = true;
			return;
		}
		if (!TURN_EVENTS.has(event.event)) return;
		let data;
		try {
			data = JSON.parse(event.data);
		} catch {
			return;
		}
		for (const raw of Array.isArray(data) ? data : [data]) for (const turn of normalizeTurn(raw, keyer)) deliver(turn);
	} });
	const reader = res.body.getReader();
	const decoder = new TextDecoder();
	let idle = setTimeout(() => conn.abort(), idleMs);
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			clearTimeout(idle);
			idle = setTimeout(() => conn.abort(), idleMs);
			progress.gotData = true;
			parser.feed(decoder.decode(value, { stream: true }));
			if (ended) break;
		}
		return ended;
	} finally {
		clearTimeout(idle);
		await reader.cancel().catch(() => void 0);
	}
}
function interrupted(path, cause) {
	return new ApiError({
		status: 0,
		code: "network_error",
		method: "GET",
		path,
		message: `The transcript stream was interrupted: ${cause instanceof Error && cause.name === "AbortError" ? "no data or heartbeat arrived in time" : "the connection dropped"}`
	});
}
// src-main/core/dispatch.ts
/**
* The one door into the core: validates params with the contract's schema, runs the handler, and
* turns every outcome into data. Nothing thrown inside crosses the bridge as an exception.
*/
async function dispatch$1(handlers, method, params, logger, mapError = () => null) {
	if (!isCommandName(method)) return fail(new CoreError("unknown_method", `There is no command called "${String(method)}".`));
	const parsed = commandParams[method].safeParse(params ?? {});
	if (!parsed.success) return fail(new CoreError("invalid_params", describeIssues(parsed.error.issues)));
	const handler = handlers[method];
	if (!handler) return fail(new CoreError("not_implemented", `"${method}" is not implemented yet.`));
	try {
		return {
			ok: true,
			value: await handler(parsed.data)
		};
	} catch (err) {
		if (err instanceof CoreError) return fail(err);
		const mapped = mapError(err);
		if (mapped) return fail(mapped);
		logger.error("command failed", {
			method,
			error: err instanceof Error ? err.message : String(err)
		});
		return fail(new CoreError("internal", `"${method}" failed unexpectedly. The details are in the log.`));
	}
}
function fail(err) {
	return {
		ok: false,
		error: err.toPayload()
	};
}
function describeIssues(issues) {
	return issues.slice(0, 3).map((i) => i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message).join("; ");
}
// src-main/core/handlers/app.ts
function appHandlers(ctx) {
	return {
		"app.status": async () => ctx.status(),
		"app.gaps": async () => ({ items: ctx.gaps?.gaps() ?? [] }),
		"settings.get": async () => ctx.settings(),
		"settings.update": async (patch) => ctx.updateSettings(patch)
	};
}
// src-main/core/live/call-info.ts
var STATUSES = [
	"ringing",
	"in-progress",
	"ending",
	"completed",
	"failed"
];
/** Maps an API call onto the board's shape; unknown statuses (busy, no-answer) read as failed. */
function callInfoFromApi(call, agent, now, hostedOverride = false) {
	const status = STATUSES.includes(call.status) ? call.status : "failed";
	const direction = call.direction === "outbound" || call.direction === "web" ? call.direction : "inbound";
	return {
		id: call.id,
		agentId: call.agentId ?? null,
		agentName: agent?.name ?? null,
		voiceMode: hostedOverride ? "hosted" : agent?.voiceMode ?? null,
		direction,
		from: call.fromNumber ?? "",
		to: call.toNumber ?? "",
		status,
		startedAt: call.startedAt ?? now,
		endedAt: call.endedAt ?? null,
		lastWords: call.lastTranscriptSnippet ?? null,
		answeredBy: "human",
		waitingTurn: null
	};
}
/** The API's transcript entries pair a caller utterance with the agent's reply. */
function transcriptFromApi(call) {
	const lines = [];
	for (const t of call.transcripts ?? []) {
		const at = t.createdAt ?? call.startedAt ?? "";
		if (t.transcript) lines.push({
			callId: call.id,
			speaker: "caller",
			text: t.transcript,
			at,
			...t.confidence != null ? { confidence: t.confidence } : {}
		});
		if (t.response) lines.push({
			callId: call.id,
			speaker: "agent",
			text: t.response,
			at
		});
	}
	return lines;
}
// src-main/core/live/call-board.ts
/** Enough lines to read back a long call; older lines stay in the journal and the API. */
var MAX_LINES_PER_CALL = 2e3;
/** Ended calls kept on the board's history so the Call view can still open them. */
var MAX_ENDED_CALLS = 200;
/**
* The live state of every call the console knows about: what the Monitor and the Call view show.
* Fed by the receiver, the turn broker, the sandbox and the transcript streams; every change goes
* out as a bridge event, so both shells and every connected browser see the same board.
*/
var CallBoard = class {
	emit;
	calls = /* @__PURE__ */ new Map();
	lines = /* @__PURE__ */ new Map();
	endedOrder = [];
	constructor(emit) {
		this.emit = emit;
	}
	get(callId) {
		return this.calls.get(callId);
	}
	transcript(callId) {
		return this.lines.get(callId) ?? [];
	}
	/** Live calls first (those waiting for a human before the rest), then recent history. */
	list(liveOnly) {
		return [...this.calls.values()].filter((c) => !liveOnly || isLive(c)).sort(compareCalls);
	}
	/** Creates or updates a call; emits `call.started` the first time, `call.updated` after. */
	upsert(patch, defaults) {
		const known = this.calls.get(patch.id);
		if (!known) {
			if (!defaults) throw new Error(`unknown call ${patch.id}`);
			const created = {
				...defaults,
				...patch
			};
			this.calls.set(created.id, created);
			this.emit({
				event: "call.started",
				data: created
			});
			return created;
		}
		const updated = {
			...known,
			...patch
		};
		if (sameCall(known, updated)) return known;
		this.calls.set(updated.id, updated);
		this.emit({
			event: "call.updated",
			data: updated
		});
		return updated;
	}
	/** Appends one utterance. Interim agent lines count as last words too: the caller heard them. */
	addLine(turn) {
		const lines = this.lines.get(turn.callId) ?? [];
		lines.push(turn);
		if (lines.length > MAX_LINES_PER_CALL) lines.splice(0, lines.length - MAX_LINES_PER_CALL);
		this.lines.set(turn.callId, lines);
		this.emit({
			event: "transcript.turn",
			data: turn
		});
		if (this.calls.has(turn.callId) && turn.text) this.upsert({
			id: turn.callId,
			lastWords: turn.text
		});
	}
	/** Marks a call ended once; a second end (webhook after our own hang-up) changes nothing. */
	end(callId, endedAt, status = "completed") {
		const call = this.calls.get(callId);
		if (!call || !isLive(call)) return call;
		const ended = {
			...call,
			status,
			endedAt,
			waitingTurn: null
		};
		this.calls.set(callId, ended);
		this.emit({
			event: "call.ended",
			data: ended
		});
		this.endedOrder.push(callId);
		while (this.endedOrder.length > MAX_ENDED_CALLS) {
			const old = this.endedOrder.shift();
			this.calls.delete(old);
			this.lines.delete(old);
		}
		return ended;
	}
};
function isLive(call) {
	return call.status === "ringing" || call.status === "in-progress" || call.status === "ending";
}
function compareCalls(a, b) {
	const liveDiff = Number(isLive(b)) - Number(isLive(a));
	if (liveDiff) return liveDiff;
	if (a.waitingTurn && b.waitingTurn) return a.waitingTurn.deadline.localeCompare(b.waitingTurn.deadline);
	if (a.waitingTurn || b.waitingTurn) return a.waitingTurn ? -1 : 1;
	return b.startedAt.localeCompare(a.startedAt);
}
function sameCall(a, b) {
	return JSON.stringify(a) === JSON.stringify(b);
}
// src-main/core/handlers/calls.ts
function callHandlers(ctx, track) {
	return {
		"calls.list": async ({ limit = 100, offset = 0, live = false }) => {
			const all = ctx.board.list(live);
			return {
				items: all.slice(offset, offset + limit),
				total: all.length
			};
		},
		"calls.get": async ({ callId }) => {
			const known = ctx.board.get(callId);
			if (known) return {
				call: known,
				transcript: ctx.board.transcript(callId)
			};
			const call = await ctx.api.calls.get(callId);
			return {
				call: callInfoFromApi(call, await ctx.directory.resolve(call.agentId), ctx.nowIso()),
				transcript: transcriptFromApi(call)
			};
		},
		"calls.place": async (p) => {
			const toNumber = normalizePhone$1(p.toNumber);
			const agent = await ctx.directory.resolve(p.agentId);
			if (!agent) throw new CoreError("not_found", `There is no agent ${p.agentId}.`);
			if (agent.numbers.length === 0) throw new CoreError("invalid_params", `${agent.name} has no phone number. Attach a number to the agent before placing a call.`);
			const placed = await ctx.api.calls.place({
				agentId: p.agentId,
				toNumber,
				...p.initialGreeting !== void 0 ? { initialGreeting: p.initialGreeting } : {},
				...p.systemPrompt ? { systemPrompt: p.systemPrompt } : {},
				...p.voice ? { voice: p.voice } : {}
			});
			const hosted = Boolean(p.systemPrompt) || agent.voiceMode === "hosted";
			const info = callInfoFromApi({
				direction: "outbound",
				...placed
			}, agent, ctx.nowIso(), hosted);
			const { id, agentId, agentName, voiceMode } = info;
			const shown = ctx.board.get(id) ? ctx.board.upsert({
				id,
				agentId,
				agentName,
				voiceMode
			}) : ctx.board.upsert({ id }, info);
			track(info.id, hosted);
			return shown;
		},
		"calls.end": async ({ callId }) => {
			await ctx.api.calls.end(callId);
			const call = ctx.board.get(callId);
			if (call && isLive(call)) ctx.board.upsert({
				id: callId,
				status: "ending"
			});
			return {};
		},
		"calls.setAnswerer": async ({ callId, answeredBy }) => {
			if (!ctx.board.get(callId)) throw new CoreError("not_found", `There is no live call ${callId}.`);
			return ctx.board.upsert({
				id: callId,
				answeredBy
			});
		},
		"turns.list": async () => ({ items: ctx.broker.list() }),
		"turns.reply": async (params) => {
			ctx.broker.reply(params.turnId, params);
			return {};
		},
		"turns.claim": async ({ turnId, by }) => ctx.broker.claim(turnId, by)
	};
}
// src-main/core/handlers/directory.ts
/** Agents, numbers and usage: thin passes to the API that keep the agent cache fresh. */
function directoryHandlers(ctx) {
	const refreshAgents = () => void ctx.directory.refresh().catch(() => void 0);
	return {
		"agents.list": async ({ limit = 100, offset = 0 }) => {
			const page = await ctx.api.agents.list({
				limit,
				offset
			});
			for (const agent of page.data) ctx.directory.remember(agent);
			return {
				items: page.data,
				total: page.total
			};
		},
		"agents.get": async ({ agentId }) => {
			const agent = await ctx.api.agents.get(agentId);
			ctx.directory.remember(agent);
			return agent;
		},
		"agents.create": async (p) => {
			const agent = await ctx.api.agents.create({
				...p,
				...p.transferNumber ? { transferNumber: normalizePhone$1(p.transferNumber) } : {}
			});
			ctx.directory.remember(agent);
			return agent;
		},
		"agents.update": async ({ agentId, ...patch }) => {
			const transfer = patch.transferNumber ? { transferNumber: normalizePhone$1(patch.transferNumber) } : {};
			const agent = await ctx.api.agents.update(agentId, {
				...patch,
				...transfer
			});
			ctx.directory.remember(agent);
			return agent;
		},
		"agents.delete": async ({ agentId }) => {
			const result = await ctx.api.agents.delete(agentId);
			ctx.directory.forget(agentId);
			return { success: result.success !== false };
		},
		"agents.voices": async () => ({ items: (await ctx.api.agents.voices()).data }),
		"numbers.list": async ({ limit = 100, offset = 0 }) => {
			const page = await ctx.api.numbers.list({
				limit,
				offset
			});
			return {
				items: page.data,
				total: page.total ?? page.data.length
			};
		},
		"numbers.buy": async (p) => {
			const number = await ctx.api.numbers.buy(p);
			if (p.agentId) refreshAgents();
			return number;
		},
		"numbers.release": async ({ numberId }) => {
			const result = await ctx.api.numbers.release(numberId);
			refreshAgents();
			return { success: result.success !== false };
		},
		"numbers.attach": async ({ numberId, agentId }) => {
			const result = await ctx.api.agents.attachNumber(agentId, numberId);
			refreshAgents();
			return result;
		},
		"numbers.detach": async ({ numberId, agentId }) => {
			const result = await ctx.api.agents.detachNumber(agentId, numberId);
			refreshAgents();
			return { success: result.success !== false };
		},
		"usage.summary": async () => ctx.api.usage.get(),
		"usage.daily": async ({ days = 30 }) => ({ data: (await ctx.api.usage.daily(days)).data }),
		"usage.monthly": async ({ months = 6 }) => ({ data: (await ctx.api.usage.monthly(months)).data })
	};
}
// src-main/core/handlers/messaging.ts
function messagingHandlers(ctx) {
	return {
		"messages.send": async ({ toNumber, body, agentId, numberId }) => {
			const to = normalizePhone$1(toNumber);
			if (!agentId && !numberId) throw new CoreError("invalid_params", "Choose the agent or the number to send from.");
			const sent = await ctx.api.messages.send({
				toNumber: to,
				body,
				...agentId ? { agentId } : {},
				...numberId ? { numberId } : {}
			});
			const message = {
				id: sent.id,
				conversationId: sent.conversation_id ?? null,
				direction: "outbound",
				from: sent.from_number,
				to: sent.to_number,
				body,
				channel: sent.channel,
				at: ctx.nowIso(),
				agentId: agentId ?? null
			};
			ctx.journal.append("message.sent", message).catch(() => void 0);
			ctx.emit({
				event: "message.sent",
				data: message
			});
			return message;
		},
		"conversations.list": async ({ limit = 50, offset = 0 }) => {
			const page = await ctx.api.conversations.list({
				limit,
				offset
			});
			return {
				items: page.data,
				total: page.total ?? page.data.length
			};
		},
		"conversations.get": async ({ conversationId }) => {
			const { messages, ...conversation } = await ctx.api.conversations.get(conversationId, { messageLimit: 100 });
			return {
				conversation,
				messages: (messages ?? []).map((m) => ({
					id: m.id,
					conversationId,
					direction: m.direction === "outbound" ? "outbound" : "inbound",
					from: m.fromNumber ?? "",
					to: m.toNumber ?? "",
					body: m.body ?? "",
					channel: m.channel ?? "sms",
					at: m.receivedAt ?? "",
					agentId: conversation.agentId ?? null
				}))
			};
		},
		"conversations.update": async ({ conversationId, metadata }) => {
			const { messages: _messages, ...conversation } = await ctx.api.conversations.update(conversationId, { metadata });
			return conversation;
		}
	};
}
// src-main/core/handlers/sandbox.ts
/** The pretend caller's number when the person does not choose one. */
var SANDBOX_CALLER = "+15550100999";
function sandboxHandlers(ctx, track) {
	const sandbox = () => {
		if (!ctx.sandbox) throw new CoreError("not_available", "The sandbox phone exists only in sandbox mode.");
		return ctx.sandbox;
	};
	const liveCall = (callId) => {
		const call = ctx.board.get(callId);
		if (!call || !isLive(call)) throw new CoreError("not_found", `There is no live sandbox call ${callId}.`);
		return call;
	};
	return {
		"sandbox.dial": async ({ to, from }) => {
			const { sim, apiKey } = sandbox();
			const toNumber = normalizePhone$1(to);
			const fromNumber = from ? normalizePhone$1(from) : SANDBOX_CALLER;
			const { callId } = await sim.sandbox.dial(apiKey, {
				to: toNumber,
				from: fromNumber
			});
			const call = await ctx.api.calls.get(callId);
			const agent = await ctx.directory.resolve(call.agentId);
			const info = callInfoFromApi({
				...call,
				direction: "inbound"
			}, agent, ctx.nowIso());
			ctx.board.upsert({ id: callId }, info);
			const hosted = agent?.voiceMode === "hosted";
			if (!hosted && agent?.beginMessage) ctx.board.addLine({
				callId,
				speaker: "agent",
				text: agent.beginMessage,
				at: ctx.nowIso(),
				source: "greeting"
			});
			track(callId, hosted);
			return { callId };
		},
		"sandbox.answer": async ({ callId }) => {
			await sandbox().sim.sandbox.answer(sandbox().apiKey, callId);
			if (ctx.board.get(callId)) ctx.board.upsert({
				id: callId,
				status: "in-progress"
			});
			return {};
		},
		"sandbox.decline": async ({ callId }) => {
			await sandbox().sim.sandbox.decline(sandbox().apiKey, callId);
			ctx.board.end(callId, ctx.nowIso(), "failed");
			return {};
		},
		"sandbox.say": async ({ callId, text }) => {
			const { sim, apiKey } = sandbox();
			liveCall(callId);
			sim.sandbox.say(apiKey, callId, text).catch((err) => {
				ctx.logger.warn("sandbox turn failed", {
					callId,
					error: err instanceof Error ? err.message : String(err)
				});
			});
			return {};
		},
		"sandbox.press": async ({ callId, digits }) => {
			liveCall(callId);
			await sandbox().sim.sandbox.press(sandbox().apiKey, callId, digits);
			return {};
		},
		"sandbox.sms": async ({ to, from, body }) => {
			const { sim, apiKey } = sandbox();
			return sim.sandbox.sms(apiKey, {
				to: normalizePhone$1(to),
				from: from ? normalizePhone$1(from) : SANDBOX_CALLER,
				body
			});
		},
		"sandbox.hangup": async ({ callId }) => {
			liveCall(callId);
			await sandbox().sim.sandbox.hangup(sandbox().apiKey, callId);
			ctx.board.end(callId, ctx.nowIso());
			return {};
		}
	};
}
// src-main/core/handlers/webhooks.ts
/** The inspector's view of the receiver. Connecting through a tunnel is a later piece of work. */
function webhookHandlers(ctx) {
	return {
		"webhooks.deliveries": async (filter) => ctx.deliveries.query(filter),
		"webhooks.replay": async ({ deliveryId }) => {
			const stored = ctx.deliveries.get(deliveryId);
			if (!stored) throw new CoreError("not_found", `There is no stored delivery ${deliveryId}.`);
			return ctx.receiver.replay(stored);
		}
	};
}
// src-main/core/live/keys.ts
/** Keys of the settings store that outlive a session: one list, so no two parts disagree on a name. */
var MODE_KEY = "mode";
var BASE_URL_KEY = "baseUrl";
var RECEIVER_PORT_KEY = "receiverPort";
var TUNNEL_URL_KEY = "tunnelUrl";
/** The registration Switchboard replaced, offered back on disconnect. */
var PREVIOUS_WEBHOOK_KEY = "previousWebhook";
/** The registration Switchboard made (scope and URL), to tell ours from someone else's. */
var OUR_WEBHOOK_KEY = "ourWebhook";
var LAST_DELIVERY_KEY = "lastDeliveryAt";
var WEBHOOK_SECRET = "webhookSecret";
// src-main/core/live/tunnel.ts
/** Where a local ngrok agent answers with its list of tunnels. */
var NGROK_API_URL = "http://127.0.0.1:4040/api/tunnels";
/**
* Asks a local ngrok agent which public URL forwards to the receiver's port. Any other tunnel
* (cloudflared, a reverse proxy) works by pasting its URL; this only saves typing.
*/
async function detectNgrokTunnel(receiverPort, apiUrl = NGROK_API_URL) {
	let tunnels;
	try {
		tunnels = (await (await fetch(apiUrl, { signal: AbortSignal.timeout(1500) })).json()).tunnels ?? [];
	} catch {
		return {
			url: null,
			detail: `No ngrok agent answered at ${apiUrl}. Start one with \`ngrok http ${receiverPort}\`, or paste any tunnel's public URL.`
		};
	}
	const https = tunnels.filter((t) => t.public_url?.startsWith("https://"));
	const forPort = https.find((t) => (t.config?.addr ?? "").replace(/\/$/, "").endsWith(`:${receiverPort}`));
	const chosen = forPort ?? https[0];
	if (!chosen?.public_url) return {
		url: null,
		detail: "ngrok is running but has no HTTPS tunnel."
	};
	const note = forPort ? "" : ` It forwards to ${chosen.config?.addr ?? "another address"}, not to the receiver's port ${receiverPort}: start \`ngrok http ${receiverPort}\`.`;
	return {
		url: withWebhookPath(chosen.public_url),
		detail: `Found an ngrok tunnel.${note}`
	};
}
/** A bare tunnel URL points at the receiver's webhook path; a URL with its own path is kept as is. */
function withWebhookPath(url) {
	const parsed = new URL(url);
	if (parsed.pathname === "/" || parsed.pathname === "") parsed.pathname = "/webhook";
	return parsed.toString();
}
/**
* Live-mode connection: register the tunnel URL with AgentPhone (project or one agent), keep the
* secret it returns, then prove the round trip with the API's test delivery and say which of the
* four things happened.
*/
function webhookConnectHandlers(ctx) {
	const scopeApi = (agentId) => ({
		get: () => agentId ? ctx.api.agentWebhooks.get(agentId) : ctx.api.webhooks.get(),
		set: (body) => agentId ? ctx.api.agentWebhooks.set(agentId, body) : ctx.api.webhooks.set(body),
		remove: () => agentId ? ctx.api.agentWebhooks.delete(agentId) : ctx.api.webhooks.delete(),
		test: () => agentId ? ctx.api.agentWebhooks.test(agentId) : ctx.api.webhooks.test()
	});
	return {
		"webhooks.status": async ({ agentId }) => {
			const current = await scopeApi(agentId).get();
			const ours = ctx.store.get(OUR_WEBHOOK_KEY);
			return {
				scope: agentId ? "agent" : "project",
				agentId: agentId ?? null,
				current: current ? toConfig(current) : null,
				ours: Boolean(current && ours && ours.url === current.url && (ours.agentId ?? void 0) === agentId),
				previous: ctx.store.get("previousWebhook") ?? null,
				receiverUrl: ctx.receiver.url,
				receiverPort: ctx.receiver.port,
				tunnelUrl: ctx.store.get("tunnelUrl") ?? null,
				lastDeliveryAt: ctx.store.get("lastDeliveryAt") ?? null
			};
		},
		"webhooks.detectTunnel": async () => {
			const found = await detectNgrokTunnel(ctx.receiver.port, ctx.ngrokApiUrl);
			return {
				url: found.url,
				source: found.url ? "ngrok" : null,
				detail: found.detail
			};
		},
		"webhooks.connect": async ({ url, agentId, contextLimit, timeout }) => {
			const target = withWebhookPath(url);
			const api = scopeApi(agentId);
			const scope = agentId ? "agent" : "project";
			let registered;
			try {
				const current = await api.get();
				const ours = ctx.store.get(OUR_WEBHOOK_KEY);
				if (current && current.url !== target && current.url !== ours?.url) ctx.store.set(PREVIOUS_WEBHOOK_KEY, {
					...toConfig(current),
					scope,
					agentId: agentId ?? null
				});
				registered = await api.set({
					url: target,
					...contextLimit !== void 0 ? { contextLimit } : {},
					...timeout !== void 0 ? { timeout } : {}
				});
			} catch (err) {
				return refused(null, `AgentPhone refused the registration: ${message(err)}`);
			}
			if (!registered.secret) return refused(toConfig(registered), "AgentPhone registered the URL but returned no signing secret.");
			ctx.ring.rotate(registered.secret);
			ctx.secrets.set(WEBHOOK_SECRET, registered.secret);
			ctx.store.set(OUR_WEBHOOK_KEY, {
				...toConfig(registered),
				scope,
				agentId: agentId ?? null
			});
			ctx.store.set(TUNNEL_URL_KEY, url);
			if (registered.timeout ?? timeout) ctx.updateSettings({ webhookTimeoutSeconds: registered.timeout ?? timeout });
			ctx.gaps?.start();
			return proveRoundTrip(ctx, toConfig(registered), api.test);
		},
		"webhooks.disconnect": async ({ restorePrevious }) => {
			const ours = ctx.store.get(OUR_WEBHOOK_KEY);
			if (!ours) throw new CoreError("not_found", "Switchboard has not registered a webhook, so there is nothing to disconnect.");
			const api = scopeApi(ours.agentId);
			const previous = ctx.store.get(PREVIOUS_WEBHOOK_KEY);
			let restored = null;
			let note;
			if (restorePrevious && previous && previous.scope === ours.scope && previous.agentId === ours.agentId) {
				await api.set({
					url: previous.url,
					...previous.contextLimit !== void 0 ? { contextLimit: previous.contextLimit } : {},
					...previous.timeout !== void 0 ? { timeout: previous.timeout } : {}
				});
				restored = { url: previous.url };
				note = `${previous.url} is registered again. AgentPhone issued it a new signing secret: give that server the new secret from the AgentPhone dashboard, or it will refuse deliveries.`;
			} else {
				await api.remove();
				note = "The webhook is removed: AgentPhone no longer sends events to Switchboard.";
			}
			ctx.store.set(OUR_WEBHOOK_KEY, null);
			ctx.store.set(PREVIOUS_WEBHOOK_KEY, null);
			ctx.gaps?.stop();
			return {
				restored,
				note
			};
		}
	};
}
async function proveRoundTrip(ctx, webhook, test) {
	const since = ctx.clock.now() - 1e3;
	const arrival = ctx.deliveries.waitFor((d) => Date.parse(d.receivedAt) >= since && !d.replayed, ctx.connectTimeoutMs ?? 8e3);
	let apiSaid = "";
	try {
		const result = await test();
		if (!result.success) apiSaid = ` AgentPhone reported ${result.httpStatus ? `HTTP ${result.httpStatus}` : "no answer"}${result.errorMessage ? `: ${result.errorMessage}` : ""}.`;
	} catch (err) {
		return refused(webhook, `The URL is registered, but AgentPhone refused to send a test delivery: ${message(err)}`);
	}
	const delivery = await arrival;
	if (!delivery) {
		const port = ctx.receiver.port;
		return {
			webhook,
			test: "not_arrived",
			detail: `Nothing reached the receiver. Check that your tunnel forwards ${webhook.url} to http://127.0.0.1:${port}/webhook (port ${port}).${apiSaid}`
		};
	}
	return diagnose(webhook, delivery);
}
function diagnose(webhook, delivery) {
	if (delivery.outcome !== "refused") return {
		webhook,
		test: "verified",
		detail: "A test delivery arrived through the tunnel and its signature verified."
	};
	if (delivery.reason === "stale_timestamp") return {
		webhook,
		test: "bad_signature",
		detail: "A test delivery arrived, but its timestamp is more than five minutes from this computer's clock: check the system time."
	};
	return {
		webhook,
		test: "bad_signature",
		detail: `A test delivery arrived but was refused (${delivery.reason ?? "unknown reason"}): the signing secret does not match the one AgentPhone just issued, or something between AgentPhone and Switchboard (a proxy) rewrote the body.`
	};
}
function refused(webhook, detail) {
	return {
		webhook,
		test: "api_refused",
		detail
	};
}
function toConfig(w) {
	return {
		...w.id ? { id: w.id } : {},
		url: w.url,
		...w.status ? { status: w.status } : {},
		...typeof w.contextLimit === "number" ? { contextLimit: w.contextLimit } : {},
		...typeof w.timeout === "number" ? { timeout: w.timeout } : {}
	};
}
function message(err) {
	return err instanceof Error ? err.message : String(err);
}
// src-main/core/journal/journal-reader.ts
/**
* Every line we write starts `{"seq":N,"at":"…","kind":"…"` (see Journal.flush), so seq and kind
* can be read without parsing the data, which may be large. Lines written any other way fall back
* to a full parse.
*/
var HEAD = /^\{"seq":(\d+),"at":"[^"]*","kind":("(?:[^"\\]|\\.)*")/;
function lineHead(line) {
	const match = HEAD.exec(line);
	if (match) return {
		seq: Number(match[1]),
		kind: JSON.parse(match[2])
	};
	try {
		const value = JSON.parse(line);
		return typeof value.seq === "number" && typeof value.kind === "string" ? {
			seq: value.seq,
			kind: value.kind
		} : void 0;
	} catch {
		return;
	}
}
/** The non-empty lines of one file, streamed: memory stays flat however large it is. */
function linesOf(path) {
	return createInterface({
		input: createReadStream(path, {
			encoding: "utf8",
			highWaterMark: 262144
		}),
		crlfDelay: Infinity
	});
}
/**
* Where to start for the newest `last` records of `kind`: walks files newest first, reading only
* line heads, until enough are found. Returns the first file to read and the seq to start at.
*/
async function tailStart(segments, last, kind) {
	let needed = last;
	for (let i = segments.length - 1; i >= 0; i--) {
		const seqs = [];
		for await (const line of linesOf(segments[i].path)) {
			const head = line === "" ? void 0 : lineHead(line);
			if (head && (kind === void 0 || head.kind === kind)) seqs.push(head.seq);
		}
		if (seqs.length >= needed) return {
			segment: i,
			fromSeq: seqs[seqs.length - needed]
		};
		needed -= seqs.length;
	}
	return {
		segment: 0,
		fromSeq: 0
	};
}
// src-main/core/journal/segments.ts
var SEGMENT_NAME = /^journal-(\d{6,})\.jsonl$/;
function segmentName(index) {
	return `journal-${String(index).padStart(6, "0")}.jsonl`;
}
/** Every segment in `dir`, oldest first. Foreign files are ignored so the folder can hold exports too. */
async function listSegments(dir) {
	const names = await readdir(dir);
	const segments = [];
	for (const name of names) {
		const match = SEGMENT_NAME.exec(name);
		if (match) segments.push({
			index: Number(match[1]),
			path: join(dir, name)
		});
	}
	return segments.sort((a, b) => a.index - b.index);
}
var CHUNK = 65536;
var NEWLINE = 10;
/** Position of the last `\n` strictly before `end`, or -1; reads backwards a chunk at a time. */
async function lastNewlineBefore(file, end) {
	const buf = Buffer.allocUnsafe(CHUNK);
	let hi = end;
	while (hi > 0) {
		const lo = Math.max(0, hi - CHUNK);
		const { bytesRead } = await file.read(buf, 0, hi - lo, lo);
		const at = buf.subarray(0, bytesRead).lastIndexOf(NEWLINE);
		if (at >= 0) return lo + at;
		hi = lo;
	}
	return -1;
}
function parseSeq(line) {
	try {
		const value = JSON.parse(line);
		return typeof value.seq === "number" && Number.isSafeInteger(value.seq) ? value.seq : void 0;
	} catch {
		return;
	}
}
/**
* Makes a segment end on a complete, parseable line and returns that line's seq (undefined if the
* file holds none). A crash mid-write leaves a prefix of one batch: complete lines then a torn one,
* so only the tail needs checking, never the whole file.
*/
async function repairTail(path) {
	const file = await open(path, "r+");
	try {
		const original = (await file.stat()).size;
		let end = original;
		let lastSeq;
		while (end > 0) {
			const newline = await lastNewlineBefore(file, end);
			if (newline < 0) {
				end = 0;
				break;
			}
			if (newline !== end - 1) {
				end = newline + 1;
				continue;
			}
			const start = await lastNewlineBefore(file, newline) + 1;
			const length = newline - start;
			const line = Buffer.allocUnsafe(length);
			await file.read(line, 0, length, start);
			lastSeq = parseSeq(line.toString("utf8"));
			if (lastSeq !== void 0) break;
			end = start;
		}
		if (end !== original) {
			await file.truncate(end);
			await file.datasync();
		}
		return {
			lastSeq,
			size: end,
			dropped: original - end
		};
	} finally {
		await file.close();
	}
}
// src-main/core/journal/segment-writer.ts
/**
* Owns the one journal file being appended to: writes whole batches, fdatasyncs them, and moves to
* a new file when the current one would pass the size limit.
*/
var SegmentWriter = class SegmentWriter {
	dir;
	index;
	file;
	size;
	maxBytes;
	broken;
	constructor(dir, index, file, size, maxBytes) {
		this.dir = dir;
		this.index = index;
		this.file = file;
		this.size = size;
		this.maxBytes = maxBytes;
	}
	static async open(dir, index, size, maxBytes) {
		const file = await open(join(dir, segmentName(index)), "a");
		if (size === 0) await syncDir(dir);
		return new SegmentWriter(dir, index, file, size, maxBytes);
	}
	/** Appends `bytes` and fdatasyncs. On failure the file is cut back so no half batch stays behind. */
	async write(bytes) {
		if (this.broken) throw this.broken;
		if (this.size > 0 && this.size + bytes.length > this.maxBytes) await this.rotate();
		const before = this.size;
		try {
			let offset = 0;
			while (offset < bytes.length) {
				const { bytesWritten } = await this.file.write(bytes, offset, bytes.length - offset);
				offset += bytesWritten;
			}
			await this.file.datasync();
			this.size += bytes.length;
		} catch (error) {
			try {
				await this.file.truncate(before);
			} catch {
				this.broken = /* @__PURE__ */ new Error(`journal file ${segmentName(this.index)} is damaged; restart to recover`);
			}
			throw error;
		}
	}
	async rotate() {
		const next = await open(join(this.dir, segmentName(this.index + 1)), "a");
		await syncDir(this.dir);
		await this.file.close();
		this.file = next;
		this.index += 1;
		this.size = 0;
	}
	async close() {
		await this.file.close();
	}
};
/** fsync the folder so a newly created file's directory entry is durable (a no-op where unsupported). */
async function syncDir(dir) {
	let handle;
	try {
		handle = await open(dir, "r");
		await handle.sync();
	} catch {} finally {
		await handle?.close();
	}
}
/**
* Append-only event journal: JSON lines, durable (written and fdatasync'ed) before `append` resolves.
* Appends that arrive during a flush ride together in the next single write + fdatasync (group
* commit), so latency stays one or two syncs under load. Nothing is held in memory but the queue.
*/
var Journal = class Journal {
	dir;
	clock;
	writer;
	nextSeq;
	queue = [];
	flushing = false;
	closed = false;
	closing;
	idle = [];
	constructor(dir, clock, writer, nextSeq) {
		this.dir = dir;
		this.clock = clock;
		this.writer = writer;
		this.nextSeq = nextSeq;
	}
	/** Opens (or creates) the journal in `dir`, dropping a torn last line left by a crash. */
	static async open(options) {
		const logger = options.logger ?? silentLogger;
		await mkdir(options.dir, { recursive: true });
		const segments = await listSegments(options.dir);
		let lastSeq;
		let current = segments.at(-1);
		let currentSize = 0;
		for (let i = segments.length - 1; i >= 0 && lastSeq === void 0; i--) {
			const repaired = await repairTail(segments[i].path);
			if (repaired.dropped > 0) logger.warn("journal: dropped a torn tail", {
				file: segments[i].path,
				bytes: repaired.dropped
			});
			if (i === segments.length - 1) currentSize = repaired.size;
			lastSeq = repaired.lastSeq;
		}
		current ??= {
			index: 1,
			path: join(options.dir, segmentName(1))
		};
		const writer = await SegmentWriter.open(options.dir, current.index, currentSize, options.maxFileBytes ?? 8388608);
		return new Journal(options.dir, options.clock, writer, (lastSeq ?? 0) + 1);
	}
	/** Resolves once the record is on disk. Rejects if `data` cannot be serialised or the write fails. */
	append(kind, data) {
		if (this.closed) return Promise.reject(/* @__PURE__ */ new Error("journal is closed"));
		let dataJson;
		try {
			dataJson = JSON.stringify(data) ?? "null";
		} catch (error) {
			return Promise.reject(error);
		}
		return this.enqueue(kind, dataJson, data);
	}
	/**
	* Like `append`, for a caller that already holds `data` as JSON text (e.g. a webhook body it
	* received and parsed), so a large payload is not serialised a second time. `dataJson` must be
	* valid JSON for `data` on one line; a line break in it is refused, since it would split the record.
	*/
	appendJson(kind, dataJson, data) {
		if (this.closed) return Promise.reject(/* @__PURE__ */ new Error("journal is closed"));
		if (dataJson.includes("\n") || dataJson.includes("\r")) return Promise.reject(/* @__PURE__ */ new Error("journal data must be one line of JSON"));
		return this.enqueue(kind, dataJson, data);
	}
	enqueue(kind, dataJson, data) {
		return new Promise((resolve, reject) => {
			this.queue.push({
				at: new Date(this.clock.now()).toISOString(),
				kind,
				dataJson,
				data,
				resolve,
				reject
			});
			if (!this.flushing) this.flush();
		});
	}
	async flush() {
		this.flushing = true;
		while (this.queue.length > 0) {
			const batch = this.queue;
			this.queue = [];
			const firstSeq = this.nextSeq;
			const lines = batch.map((p, i) => `{"seq":${firstSeq + i},"at":"${p.at}","kind":${JSON.stringify(p.kind)},"data":${p.dataJson}}\n`);
			try {
				await this.writer.write(Buffer.from(lines.join(""), "utf8"));
				this.nextSeq += batch.length;
				batch.forEach((p, i) => p.resolve({
					seq: firstSeq + i,
					at: p.at,
					kind: p.kind,
					data: p.data
				}));
			} catch (error) {
				for (const p of batch) p.reject(error);
			}
		}
		this.flushing = false;
		for (const wake of this.idle.splice(0)) wake();
	}
	/**
	* Streams the records on disk, oldest first, one line at a time (memory stays flat however big
	* the journal is). Records appended while this runs may or may not be seen. An unreadable line
	* (only possible from outside damage) is skipped. With `last`, only the newest records are read.
	*/
	async replay(visitor, options = {}) {
		const { kind, last } = options;
		let fromSeq = options.fromSeq ?? 0;
		let segments = await listSegments(this.dir);
		if (last !== void 0) {
			if (last <= 0) return;
			const tail = await tailStart(segments, last, kind);
			segments = segments.slice(tail.segment);
			fromSeq = Math.max(fromSeq, tail.fromSeq);
		}
		for (const segment of segments) for await (const line of linesOf(segment.path)) {
			if (line === "") continue;
			const head = lineHead(line);
			if (!head || head.seq < fromSeq || kind !== void 0 && head.kind !== kind) continue;
			let record;
			try {
				record = JSON.parse(line);
			} catch {
				continue;
			}
			await visitor(record);
		}
	}
	/** The seq the next append will get. */
	get nextSequence() {
		return this.nextSeq;
	}
	/** Waits for queued appends to reach disk, then releases the file. Later appends are refused. */
	close() {
		this.closing ??= (async () => {
			this.closed = true;
			if (this.flushing) await new Promise((wake) => this.idle.push(wake));
			await this.writer.close();
		})();
		return this.closing;
	}
};
// src-main/core/live/agent-directory.ts
/**
* A cache of the account's agents, refreshed from the API when an unknown agent shows up or after
* the person changes agents. Lookups never throw: a call from an agent we cannot name still shows.
*/
var AgentDirectory = class {
	fetchAll;
	agents = /* @__PURE__ */ new Map();
	refreshing = null;
	constructor(fetchAll) {
		this.fetchAll = fetchAll;
	}
	get(agentId) {
		return agentId ? this.agents.get(agentId) : void 0;
	}
	byNumber(phoneNumber) {
		for (const a of this.agents.values()) if (a.numbers.includes(phoneNumber)) return a;
	}
	/** Resolves an agent, refreshing once if it is not cached yet. */
	async resolve(agentId) {
		if (!agentId) return void 0;
		if (!this.agents.has(agentId)) await this.refresh().catch(() => void 0);
		return this.agents.get(agentId);
	}
	/** One refresh at a time; callers that arrive meanwhile share it. */
	refresh() {
		this.refreshing ??= this.fetchAll().then((list) => {
			this.agents.clear();
			for (const a of list) this.remember(a);
		}).finally(() => {
			this.refreshing = null;
		});
		return this.refreshing;
	}
	remember(agent) {
		this.agents.set(agent.id, {
			id: agent.id,
			name: agent.name,
			voiceMode: agent.voiceMode,
			beginMessage: agent.beginMessage ?? null,
			transferNumber: agent.transferNumber ?? null,
			numbers: (agent.numbers ?? []).map((n) => n.phoneNumber)
		});
	}
	forget(agentId) {
		this.agents.delete(agentId);
	}
};
// src-main/core/live/delivery-log.ts
/** How many requests the inspector keeps in memory; the journal keeps every accepted event. */
var DEFAULT_CAPACITY = 5e3;
/**
* The receiver's recent requests, newest first, for the Webhooks inspector. Bounded: the oldest
* record is dropped when a new one arrives at capacity, so memory stays flat under any load.
* A record can be updated in place (a voice turn gains NDJSON lines as they are written).
*/
var DeliveryLog = class {
	capacity;
	byId = /* @__PURE__ */ new Map();
	listeners = /* @__PURE__ */ new Set();
	constructor(capacity = DEFAULT_CAPACITY) {
		this.capacity = capacity;
	}
	record(delivery) {
		this.byId.delete(delivery.id);
		this.byId.set(delivery.id, delivery);
		if (this.byId.size > this.capacity) this.byId.delete(this.byId.keys().next().value);
		for (const listener of this.listeners) listener(delivery);
	}
	/** Resolves with the first delivery recorded from now on that matches, or null after `timeoutMs`. */
	waitFor(match, timeoutMs) {
		return new Promise((resolve) => {
			const done = (found) => {
				clearTimeout(timer);
				this.listeners.delete(listener);
				resolve(found);
			};
			const listener = (d) => match(d) && done(d);
			const timer = setTimeout(() => done(null), timeoutMs);
			this.listeners.add(listener);
		});
	}
	get(id) {
		return this.byId.get(id);
	}
	query(filter) {
		const text = filter.text?.toLowerCase();
		const matches = [];
		for (const d of this.byId.values()) {
			if (filter.event && d.event !== filter.event) continue;
			if (filter.channel && d.channel !== filter.channel) continue;
			if (filter.outcome && d.outcome !== filter.outcome) continue;
			if (filter.callId && d.callId !== filter.callId) continue;
			if (text && !`${d.body} ${d.reason ?? ""} ${d.webhookId ?? ""}`.toLowerCase().includes(text)) continue;
			matches.push(d);
		}
		matches.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
		const offset = filter.offset ?? 0;
		const limit = filter.limit ?? 100;
		return {
			items: matches.slice(offset, offset + limit),
			total: matches.length
		};
	}
};
// src-main/core/live/secret-ring.ts
/** How long deliveries signed with a replaced secret are still accepted after a re-registration. */
var DEFAULT_GRACE_MS = 3e5;
/**
* The webhook secrets the receiver accepts: the current one, plus each replaced one until its
* grace period runs out. AgentPhone issues a new secret on every registration, and deliveries
* already in flight (or being retried) were signed with the old one.
*/
var SecretRing = class {
	clock;
	graceMs;
	currentSecret = null;
	previous = [];
	constructor(clock, graceMs = DEFAULT_GRACE_MS) {
		this.clock = clock;
		this.graceMs = graceMs;
	}
	get current() {
		return this.currentSecret;
	}
	rotate(secret) {
		if (this.currentSecret && this.currentSecret !== secret) this.previous.push({
			secret: this.currentSecret,
			until: this.clock.now() + this.graceMs
		});
		this.currentSecret = secret;
	}
	/** The current secret first, so the common case is checked with one HMAC. */
	accepted() {
		const now = this.clock.now();
		this.previous = this.previous.filter((p) => p.until > now);
		const list = this.previous.map((p) => p.secret).reverse();
		return this.currentSecret ? [this.currentSecret, ...list] : list;
	}
};
// src-main/core/live/settings.ts
var DEFAULT_SETTINGS = {
	fillerText: "One moment, please.",
	fillerEnabled: true,
	fallbackText: "Sorry, I can't answer that right now. Someone will get back to you.",
	deadlineMarginSeconds: 3,
	webhookTimeoutSeconds: 30,
	quickReplies: [
		"One moment, let me check.",
		"Could you repeat that, please?",
		"Thank you for calling. Goodbye!"
	],
	notifications: {
		inboundCall: true,
		waitingTurn: true,
		sms: true
	},
	theme: "system"
};
var KEY = "settings";
/**
* Settings as the core reads them: the stored values over the defaults. A stored value that no
* longer fits the schema (an older version, a hand edit) falls back to the default for that field
* instead of refusing to start.
*/
function readSettings(store) {
	const stored = store.get(KEY) ?? {};
	const merged = { ...DEFAULT_SETTINGS };
	for (const [key, value] of Object.entries(stored)) {
		const field = SettingsSchema.shape[key];
		if (field && field.safeParse(value).success) merged[key] = value;
	}
	return SettingsSchema.parse(merged);
}
function writeSettings(store, patch) {
	const next = SettingsSchema.parse({
		...readSettings(store),
		...patch
	});
	store.set(KEY, next);
	return next;
}
// src-main/core/live/wiring.ts
/**
* Broker events update the board (which turn is waiting, what the agent said) before they go out,
* so a renderer that asks `calls.list` right after `turn.opened` already sees the waiting turn.
*/
function wireBrokerEvents(event, deps) {
	const { board, journal, emit } = deps;
	switch (event.event) {
		case "transcript.turn":
			journal.append("line", event.data).catch(() => void 0);
			board.addLine(event.data);
			return;
		case "turn.opened": {
			const { turnId, callId, deadline, transcript } = event.data;
			if (board.get(callId)) board.upsert({
				id: callId,
				waitingTurn: {
					turnId,
					deadline,
					transcript,
					claimedBy: null
				}
			});
			break;
		}
		case "turn.closed": {
			const call = board.get(event.data.callId);
			if (call?.waitingTurn?.turnId === event.data.turnId) board.upsert({
				id: call.id,
				waitingTurn: null
			});
			journal.append("turn.closed", event.data).catch(() => void 0);
			break;
		}
		case "turn.claimed": {
			const call = board.get(event.data.callId);
			if (call?.waitingTurn?.turnId === event.data.turnId) board.upsert({
				id: call.id,
				waitingTurn: {
					...call.waitingTurn,
					claimedBy: event.data.by
				}
			});
			break;
		}
	}
	emit(event);
}
/** What the simulated phone hears and rings with, forwarded to the bridge. */
function wireSandboxEvents(sim, deps) {
	const { board, directory, emit, nowIso } = deps;
	sim.on("heard", (heard) => emit({
		event: "sandbox.heard",
		data: heard
	}));
	sim.on("sms", (message) => emit({
		event: "sandbox.sms",
		data: message
	}));
	sim.on("ring", (ring) => {
		if (board.get(ring.callId)) board.upsert({
			id: ring.callId,
			status: "ringing"
		});
		else {
			const agent = directory.byNumber(ring.from);
			board.upsert({ id: ring.callId }, {
				agentId: agent?.id ?? null,
				agentName: agent?.name ?? null,
				voiceMode: agent?.voiceMode ?? null,
				direction: "outbound",
				from: ring.from,
				to: ring.to,
				status: "ringing",
				startedAt: nowIso(),
				endedAt: null,
				lastWords: null,
				answeredBy: "human",
				waitingTurn: null
			});
		}
		emit({
			event: "sandbox.ring",
			data: ring
		});
	});
}
// src-main/core/live/webhook-events.ts
/**
* Turns one accepted delivery into board changes and bridge events. Used for live deliveries and
* for journal replay alike, so a restart rebuilds exactly what was shown before.
*/
function applyWebhook(env, deps) {
	const data = env.data ?? {};
	if (env.event === "agent.message" && env.channel === "voice") {
		const call = ensureCall(env, data, deps);
		deps.board.addLine({
			callId: call.id,
			speaker: "caller",
			text: str$1(data.transcript) ?? "",
			at: env.timestamp ?? deps.now(),
			source: "caller",
			...typeof data.confidence === "number" ? { confidence: data.confidence } : {}
		});
	} else if (env.event === "agent.call_ended") {
		const call = ensureCall(env, data, deps);
		const failed = str$1(data.status) === "failed";
		deps.board.end(call.id, str$1(data.endedAt) ?? env.timestamp ?? deps.now(), failed ? "failed" : "completed");
	} else if (env.event === "agent.message" && str$1(data.direction) !== "outbound") deps.emit({
		event: "message.received",
		data: toMessage(env, data, deps.now)
	});
}
function ensureCall(env, data, deps) {
	const callId = str$1(data.callId) ?? "call_unknown";
	const known = deps.board.get(callId);
	if (known) return known;
	const agent = deps.directory.get(env.agentId);
	const direction = str$1(data.direction);
	return deps.board.upsert({ id: callId }, {
		agentId: env.agentId ?? null,
		agentName: agent?.name ?? null,
		voiceMode: agent?.voiceMode ?? (env.channel === "voice" && env.event === "agent.message" ? "webhook" : null),
		direction: direction === "outbound" || direction === "web" ? direction : "inbound",
		from: str$1(data.from) ?? "",
		to: str$1(data.to) ?? "",
		status: "in-progress",
		startedAt: str$1(data.startedAt) ?? env.timestamp ?? deps.now(),
		endedAt: null,
		lastWords: null,
		answeredBy: "human",
		waitingTurn: null
	});
}
function toMessage(env, data, now) {
	return {
		id: str$1(data.messageId) ?? `msg_${Math.random().toString(36).slice(2)}`,
		conversationId: str$1(data.conversationId) ?? null,
		direction: "inbound",
		from: str$1(data.from) ?? "",
		to: str$1(data.to) ?? "",
		body: str$1(data.message) ?? "",
		channel: env.channel ?? "sms",
		at: str$1(data.receivedAt) ?? env.timestamp ?? now(),
		agentId: env.agentId ?? null
	};
}
function str$1(value) {
	return typeof value === "string" ? value : void 0;
}
// src-main/core/receiver/delivery-log.ts
var REDACTED_SIGNATURE = "sha256=…redacted";
/** Appended to a stored body cut at the limit; such a delivery cannot be replayed. */
var TRUNCATED_MARKER = "\n…[truncated]";
/** Headers never shown or stored as sent: the signature would let anyone replay the delivery. */
var REDACT = /* @__PURE__ */ new Set([
	"x-webhook-signature",
	"authorization",
	"cookie"
]);
function recordHeaders(headers, hidden) {
	const out = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === void 0 || hidden.has(name)) continue;
		if (REDACT.has(name)) out[name] = name === "x-webhook-signature" ? REDACTED_SIGNATURE : "…redacted";
		else out[name] = Array.isArray(value) ? value.join(", ") : value;
	}
	return out;
}
function storedBody(raw, maxBytes) {
	if (raw.length <= maxBytes) return raw.toString("utf8");
	return raw.subarray(0, maxBytes).toString("utf8") + TRUNCATED_MARKER;
}
/**
* One request's Delivery, filled in as the request goes through the pipeline. Each `publish` hands
* out a fresh copy (same id) so listeners may keep it without seeing later changes.
*/
var DeliveryRecorder = class {
	onPublish;
	delivery;
	receivedAtMs;
	answered = false;
	constructor(start, onPublish) {
		this.onPublish = onPublish;
		this.receivedAtMs = start.receivedAtMs;
		this.delivery = {
			id: start.id,
			receivedAt: new Date(start.receivedAtMs).toISOString(),
			method: start.method,
			path: start.path,
			webhookId: start.webhookId,
			event: null,
			channel: null,
			callId: null,
			conversationId: null,
			outcome: "refused",
			reason: null,
			status: 0,
			ttfbMs: null,
			replayed: start.replayed,
			headers: start.headers,
			body: "",
			lines: []
		};
	}
	setBody(raw, maxBytes) {
		this.delivery.body = storedBody(raw, maxBytes);
	}
	setFacts(facts) {
		this.delivery.event = facts.event;
		this.delivery.channel = facts.channel;
		this.delivery.callId = facts.callId;
		this.delivery.conversationId = facts.conversationId;
	}
	/** Records how the request was answered and publishes it; `nowMs` is when the status went out. */
	answer(outcome, status, reason, nowMs) {
		this.answered = true;
		Object.assign(this.delivery, {
			outcome,
			status,
			reason,
			ttfbMs: nowMs - this.receivedAtMs
		});
		this.publish();
	}
	/** A voice turn wrote an NDJSON line at clock time `atMs`. */
	addLine(line, atMs) {
		this.delivery.lines.push({
			atMs: atMs - this.receivedAtMs,
			line
		});
		if (this.answered) this.publish();
	}
	publish() {
		this.onPublish(this.snapshot());
	}
	snapshot() {
		return {
			...this.delivery,
			headers: { ...this.delivery.headers },
			lines: [...this.delivery.lines]
		};
	}
};
// src-main/core/receiver/http-guards.ts
/**
* Checks on the request line and headers that need no body: the cheap refusals that happen before
* a single body byte is read, plus what to answer when Node's own HTTP parser gives up.
*/
/**
* AgentPhone always sends `application/json` (agentphone-api.md §3.1). Anything else is refused
* before the body is read: a form post or text body is never a delivery, and a charset other than
* UTF-8 would make the signed bytes decode differently from what the sender meant.
*/
function isJsonContentType(value) {
	if (value === void 0) return false;
	const semi = value.indexOf(";");
	const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
	if (type !== "application/json" && !(type.startsWith("application/") && type.endsWith("+json"))) return false;
	if (semi < 0) return true;
	const charset = /(?:^|;)\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(value.slice(semi));
	return charset === null || /^utf-?8$/i.test(charset[1] ?? "");
}
var STATUS_TEXT = {
	400: "Bad Request",
	408: "Request Timeout",
	431: "Request Header Fields Too Large"
};
function clientErrorAnswer(error, bytesRead) {
	const code = error.code ?? "";
	if (code === "ECONNRESET" || code === "EPIPE") return {
		status: 0,
		reason: "aborted",
		silent: true
	};
	if (code === "ERR_HTTP_REQUEST_TIMEOUT") return {
		status: 408,
		reason: "headers_timeout",
		silent: bytesRead === 0
	};
	if (code === "HPE_HEADER_OVERFLOW") return {
		status: 431,
		reason: "headers_too_large",
		silent: false
	};
	return {
		status: 400,
		reason: "malformed_http",
		silent: false
	};
}
/** A complete raw HTTP answer for a socket that has no ServerResponse (the request never parsed). */
function rawAnswer(status, reason) {
	const body = JSON.stringify({ error: reason });
	return `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}
/**
* Method and path from whatever bytes arrived before the parser gave up, so the inspector can show
* what was tried; empty strings when the request line itself was garbage.
*/
function requestLineOf(raw) {
	if (!raw || raw.length === 0) return {
		method: "",
		path: ""
	};
	const head = raw.subarray(0, 2048).toString("latin1");
	const match = /^([A-Za-z-]{1,20}) (\S{1,1024}) HTTP\//.exec(head);
	return match ? {
		method: match[1],
		path: match[2]
	} : {
		method: "",
		path: ""
	};
}
// src-main/core/receiver/replay-client.ts
/** Loopback address for a host we listen on: a wildcard bind is still reached on loopback. */
function loopbackFor(host) {
	if (host === "0.0.0.0" || host === "") return "127.0.0.1";
	if (host === "::") return "::1";
	return host;
}
/**
* POSTs `body` to our own receiver and drains the answer. For a voice turn the request stays open
* until the turn ends, exactly like AgentPhone's would; it resolves when the response ends.
*/
function sendLocal(target, body, headers) {
	return new Promise((resolve, reject) => {
		const req = request({
			host: loopbackFor(target.host),
			port: target.port,
			path: target.path,
			method: "POST",
			agent: false,
			headers: {
				...headers,
				"content-type": "application/json",
				"content-length": String(Buffer.byteLength(body))
			}
		}, (res) => {
			res.on("error", reject);
			res.on("end", () => resolve());
			res.on("close", () => res.complete ? resolve() : reject(/* @__PURE__ */ new Error("the connection closed mid-answer")));
			res.resume();
		});
		req.on("error", reject);
		req.end(body);
	});
}
// src-main/core/receiver/signature.ts
/** AgentPhone's webhook headers (agentphone-api.md §3.4). */
var SIGNATURE_HEADER = "x-webhook-signature";
var TIMESTAMP_HEADER = "x-webhook-timestamp";
var WEBHOOK_ID_HEADER = "x-webhook-id";
var EVENT_HEADER = "x-webhook-event";
/**
* `sha256=` + lower-case hex HMAC-SHA256 of `{timestamp}.{raw body}`, keyed with the whole secret
* string (the `whsec_` prefix included, no base64), exactly as the vendor's own adapter computes it.
*/
function sign(secret, timestamp, rawBody) {
	const mac = createHmac("sha256", Buffer.from(secret, "utf8"));
	mac.update(`${timestamp}.`);
	mac.update(rawBody);
	return `sha256=${mac.digest("hex")}`;
}
/**
* Checks a delivery against every secret still accepted (the current one first, then any previous
* one inside its rotation grace period). Works on the raw bytes: never on re-serialised JSON.
*/
function verify(secrets, headers, rawBody, nowMs, toleranceSeconds = 300) {
	const { signature, timestamp } = headers;
	if (!signature) return {
		ok: false,
		reason: "missing_signature"
	};
	if (!timestamp) return {
		ok: false,
		reason: "missing_timestamp"
	};
	if (!/^sha256=[0-9a-f]{64}$/.test(signature)) return {
		ok: false,
		reason: "malformed_signature"
	};
	if (!/^\d{1,12}$/.test(timestamp)) return {
		ok: false,
		reason: "malformed_timestamp"
	};
	const skew = Number(timestamp) - nowMs / 1e3;
	if (skew < -toleranceSeconds) return {
		ok: false,
		reason: "stale_timestamp"
	};
	if (skew > toleranceSeconds) return {
		ok: false,
		reason: "future_timestamp"
	};
	const given = Buffer.from(signature, "utf8");
	for (let i = 0; i < secrets.length; i++) {
		const expected = Buffer.from(sign(secrets[i], timestamp, rawBody), "utf8");
		if (expected.length === given.length && timingSafeEqual(expected, given)) return {
			ok: true,
			secretIndex: i
		};
	}
	return {
		ok: false,
		reason: "bad_signature"
	};
}
// src-main/core/receiver/parse-webhook.ts
var strictUtf8 = new TextDecoder("utf-8", { fatal: true });
/** Deepest `[`/`{` nesting outside strings; stops counting once past `limit`. */
function nestingExceeds(text, limit) {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92) i++;
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) {
			if (++depth > limit) return true;
		} else if (c === 125 || c === 93) depth--;
	}
	return false;
}
/**
* Decodes strictly (a bad byte is refused, not replaced) and parses. Deep nesting is refused before
* JSON.parse: a payload a few thousand levels deep would later overflow the stack when re-serialised.
*/
function parseWebhookBody(raw, maxDepth) {
	let text;
	try {
		text = strictUtf8.decode(raw);
	} catch {
		return {
			ok: false,
			reason: "invalid_utf8"
		};
	}
	if (nestingExceeds(text, maxDepth)) return {
		ok: false,
		reason: "too_deep"
	};
	let value;
	try {
		value = JSON.parse(text);
	} catch {
		return {
			ok: false,
			reason: "invalid_json"
		};
	}
	if (typeof value !== "object" || value === null || Array.isArray(value)) return {
		ok: false,
		reason: "not_an_object"
	};
	const envelope = value;
	return {
		ok: true,
		envelope,
		facts: factsOf(envelope),
		text
	};
}
function str(value) {
	return typeof value === "string" ? value : null;
}
function factsOf(envelope) {
	const data = typeof envelope.data === "object" && envelope.data !== null ? envelope.data : {};
	return {
		event: str(envelope.event),
		channel: str(envelope.channel),
		callId: str(data.callId),
		conversationId: str(data.conversationId),
		transcript: str(data.transcript)
	};
}
/** A voice turn wants a spoken answer (§3.2); every other event only wants a 2xx. */
function isVoiceTurn(facts) {
	return facts.event === "agent.message" && facts.channel === "voice";
}
// src-main/core/receiver/read-body.ts
/**
* Reads the raw request body (the signature covers these exact bytes). Stops at the first byte past
* `maxBytes`, or at once when Content-Length already says so; the caller answers 413 and closes.
*/
function readBody$1(req, options) {
	const declared = Number(req.headers["content-length"]);
	if (Number.isFinite(declared) && declared > options.maxBytes) {
		req.pause();
		return Promise.resolve({
			ok: false,
			reason: "body_too_large"
		});
	}
	return new Promise((resolve) => {
		const chunks = [];
		let size = 0;
		let idle;
		let done = false;
		const total = options.clock.after(options.totalTimeoutMs, () => finish({
			ok: false,
			reason: "body_timeout"
		}));
		const finish = (result) => {
			if (done) return;
			done = true;
			idle?.cancel();
			total.cancel();
			req.off("data", onData);
			req.off("end", onEnd);
			req.off("close", onClose);
			if (!result.ok) req.pause();
			resolve(result);
		};
		const arm = () => {
			idle?.cancel();
			idle = options.clock.after(options.idleTimeoutMs, () => finish({
				ok: false,
				reason: "body_timeout"
			}));
		};
		const onData = (chunk) => {
			size += chunk.length;
			if (size > options.maxBytes) return finish({
				ok: false,
				reason: "body_too_large"
			});
			chunks.push(chunk);
			arm();
		};
		const onEnd = () => finish({
			ok: true,
			body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)
		});
		const onClose = () => finish({
			ok: false,
			reason: "aborted"
		});
		req.on("data", onData);
		req.on("end", onEnd);
		req.on("close", onClose);
		arm();
	});
}
// src-main/core/receiver/recent-ids.ts
/**
* The last `capacity` webhook ids, for dropping retried deliveries (agentphone-api.md §3.5).
* A Map keeps insertion order, so the oldest id is the first key: bounded memory, O(1) per id.
*/
var RecentIds = class {
	capacity;
	ids = /* @__PURE__ */ new Map();
	constructor(capacity) {
		this.capacity = capacity;
	}
	has(id) {
		return this.ids.has(id);
	}
	add(id) {
		this.ids.delete(id);
		this.ids.set(id, true);
		if (this.ids.size > this.capacity) {
			const oldest = this.ids.keys().next();
			if (!oldest.done) this.ids.delete(oldest.value);
		}
	}
	/** Forget an id whose delivery we failed to store, so AgentPhone's retry is accepted. */
	delete(id) {
		this.ids.delete(id);
	}
	get size() {
		return this.ids.size;
	}
};
// src-main/core/receiver/webhook-pipeline.ts
var LEGACY_ID_HEADER = "x-agentphone-webhook-id";
function header(req, name) {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}
function sendJson$1(res, status, body, extra = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		"Content-Type": "application/json",
		"Content-Length": String(Buffer.byteLength(text)),
		...extra
	});
	res.end(text);
}
/**
* The journal line's data, with the body spliced in as received (it just parsed as a JSON object).
* Outside strings JSON allows raw CR/LF only as whitespace, so turning them into spaces keeps the
* same value on one line. Keys in the order of WebhookJournalData, like JSON.stringify would give.
*/
function journalJson(data, bodyText) {
	const payload = bodyText.includes("\n") || bodyText.includes("\r") ? bodyText.replace(/[\r\n]/g, " ") : bodyText;
	const str = JSON.stringify;
	return `{"webhookId":${str(data.webhookId)},"event":${str(data.event)},"channel":${str(data.channel)},"payload":${payload},"receivedAt":${str(data.receivedAt)},"replayed":${data.replayed}}`;
}
/**
* One request, start to finish: route, read the raw body, verify, parse, drop duplicates, journal
* (durably), tell the session, then answer — or hand the response to the turn broker for a voice turn.
*/
var WebhookPipeline = class {
	s;
	recent;
	constructor(s) {
		this.s = s;
		this.recent = new RecentIds(s.dedupeWindow);
	}
	/** Remembers ids already journaled (oldest first), so a retry arriving after a restart is dropped. */
	seedIds(ids) {
		for (const id of ids) this.recent.add(id);
	}
	/** Every Delivery goes out through here: a throwing listener must not break the request. */
	publish = (delivery) => {
		try {
			this.s.onDelivery(delivery);
		} catch (error) {
			this.s.logger.error("receiver: onDelivery failed", { error: String(error) });
		}
	};
	/** Records a request Node's HTTP parser refused before it became a request (no pipeline run). */
	recordUnparsed(start, status, reason) {
		const receivedAtMs = this.s.clock.now();
		const rec = new DeliveryRecorder({
			id: `dlv_${randomUUID()}`,
			receivedAtMs,
			method: start.method,
			path: start.path,
			headers: {},
			webhookId: null,
			replayed: false
		}, this.publish);
		if (start.raw) rec.setBody(start.raw, Math.min(this.s.maxStoredBodyBytes, 4096));
		rec.answer("refused", status, reason, receivedAtMs);
	}
	async handle(req, res, origin) {
		const s = this.s;
		const receivedAtMs = s.clock.now();
		const webhookId = header(req, "x-webhook-id") ?? header(req, LEGACY_ID_HEADER) ?? null;
		const deliveryId = `dlv_${randomUUID()}`;
		const rec = new DeliveryRecorder({
			id: deliveryId,
			receivedAtMs,
			method: req.method ?? "",
			path: req.url ?? "",
			headers: recordHeaders(req.headers, origin.hiddenHeaders),
			webhookId,
			replayed: origin.replayed
		}, this.publish);
		const answered = (outcome, status, reason) => {
			rec.answer(outcome, status, reason, s.clock.now());
			origin.onAnswered?.(rec.snapshot());
		};
		const refuse = (status, reason, extra = {}, error = reason) => {
			sendJson$1(res, status, status === 401 ? {
				error: "unauthorized",
				reason
			} : { error }, extra);
			answered("refused", status, reason);
		};
		const declared = Number(req.headers["content-length"] ?? 0);
		const closing = { Connection: "close" };
		const early = declared <= s.maxBodyBytes && req.headers["transfer-encoding"] === void 0 ? {} : closing;
		const url = req.url ?? "";
		const query = url.indexOf("?");
		if ((query < 0 ? url : url.slice(0, query)) !== s.path) return refuse(404, "not_found", early);
		if (req.method !== "POST") return refuse(405, "method_not_allowed", {
			...early,
			Allow: "POST"
		});
		if (!isJsonContentType(header(req, "content-type"))) return refuse(415, "unsupported_content_type", early);
		const body = await readBody$1(req, {
			maxBytes: s.maxBodyBytes,
			idleTimeoutMs: s.bodyIdleTimeoutMs,
			totalTimeoutMs: s.requestTimeoutMs,
			clock: s.clock
		});
		if (!body.ok) {
			if (body.reason === "body_too_large") return refuse(413, "body_too_large", closing);
			if (body.reason === "body_timeout") return refuse(408, "body_timeout", closing);
			return answered("refused", 0, "aborted");
		}
		rec.setBody(body.body, s.maxStoredBodyBytes);
		if (!origin.replayed) {
			const secrets = s.secrets();
			if (secrets.length === 0) return refuse(401, "no_secret_configured");
			const check = verify(secrets, {
				signature: header(req, SIGNATURE_HEADER),
				timestamp: header(req, TIMESTAMP_HEADER)
			}, body.body, receivedAtMs, s.toleranceSeconds);
			if (!check.ok) return refuse(401, check.reason);
		}
		const parsed = parseWebhookBody(body.body, s.maxJsonDepth);
		if (!parsed.ok) return refuse(400, parsed.reason);
		rec.setFacts(parsed.facts);
		const voice = isVoiceTurn(parsed.facts);
		const callId = parsed.facts.callId;
		if (voice && callId === null) return refuse(400, "missing_call_id");
		if (webhookId !== null && !origin.replayed) {
			if (this.recent.has(webhookId)) {
				sendJson$1(res, 200, { duplicate: true });
				return answered("duplicate", 200, null);
			}
			this.recent.add(webhookId);
		}
		const data = {
			webhookId,
			event: parsed.facts.event,
			channel: parsed.facts.channel,
			payload: parsed.envelope,
			receivedAt: new Date(receivedAtMs).toISOString(),
			replayed: origin.replayed
		};
		let seq;
		try {
			seq = (await (s.journal.appendJson ? s.journal.appendJson("webhook", journalJson(data, parsed.text), data) : s.journal.append("webhook", data))).seq;
		} catch (error) {
			if (webhookId !== null && !origin.replayed) this.recent.delete(webhookId);
			s.logger.error("receiver: journal append failed", { error: String(error) });
			return refuse(500, "journal_failed", {}, "internal");
		}
		const turnId = voice ? `turn_${randomUUID().replaceAll("-", "")}` : null;
		try {
			s.onAccepted({
				...data,
				deliveryId,
				seq,
				turnId
			});
		} catch (error) {
			s.logger.error("receiver: onAccepted failed", { error: String(error) });
		}
		if (!voice || turnId === null || callId === null) {
			sendJson$1(res, 200, { ok: true });
			return answered("accepted", 200, null);
		}
		answered("accepted", 200, null);
		s.broker.open({
			turnId,
			callId,
			transcript: parsed.facts.transcript ?? ""
		}, res, {
			onLine: (line, atMs) => rec.addLine(line, atMs),
			onClose: () => rec.publish(),
			fallbackOnly: s.isFallbackOnly?.(callId) ?? false
		});
	}
};
// src-main/core/receiver/receiver.ts
/** Marks our own replays; its value is a per-process secret, so no outside request can skip the checks. */
var REPLAY_HEADER = "x-switchboard-replay";
var HIDDEN = /* @__PURE__ */ new Set([REPLAY_HEADER]);
/**
* The webhook HTTP server: AgentPhone (or the simulator) POSTs signed deliveries here. One
* `start`/`stop`; `replay` sends a stored delivery through the same pipeline again.
*/
var Receiver = class {
	options;
	server;
	boundPort = 0;
	host;
	pipeline;
	settings;
	replayToken = randomBytes(24).toString("hex");
	replayWaiters = /* @__PURE__ */ new Map();
	/** Requests in flight per socket (pipelining allows several): a parser error there must not get a second answer. */
	busy = /* @__PURE__ */ new WeakMap();
	/** Sockets already answered after a parser error: later bytes on them are not recorded again. */
	refused = /* @__PURE__ */ new WeakSet();
	constructor(options) {
		this.options = options;
		this.host = options.host ?? "127.0.0.1";
		this.settings = {
			path: options.path ?? "/webhook",
			clock: options.clock,
			logger: options.logger ?? silentLogger,
			secrets: options.secrets,
			toleranceSeconds: options.toleranceSeconds ?? 300,
			maxBodyBytes: options.maxBodyBytes ?? 1048576,
			journal: options.journal,
			broker: options.broker,
			isFallbackOnly: options.isFallbackOnly,
			onAccepted: options.onAccepted,
			onDelivery: options.onDelivery,
			dedupeWindow: options.dedupeWindow ?? 1e4,
			headersTimeoutMs: options.headersTimeoutMs ?? 1e4,
			requestTimeoutMs: options.requestTimeoutMs ?? 3e4,
			bodyIdleTimeoutMs: options.bodyIdleTimeoutMs ?? 5e3,
			maxJsonDepth: options.maxJsonDepth ?? 64,
			maxStoredBodyBytes: options.maxStoredBodyBytes ?? 65536
		};
		this.pipeline = new WebhookPipeline(this.settings);
		if (options.knownIds) this.pipeline.seedIds(options.knownIds);
	}
	/**
	* Adds ids already journaled (oldest first) to the duplicate window, e.g. on start-up from
	* `recentWebhookIds(journal, n)`; only the newest `dedupeWindow` are kept.
	*/
	seedIds(ids) {
		this.pipeline.seedIds(ids);
	}
	/** The bound port (after `start`). */
	get port() {
		return this.boundPort;
	}
	/** `http://host:port/webhook`: what a tunnel or the simulator should deliver to. */
	get url() {
		const host = loopbackFor(this.host);
		return `http://${host.includes(":") ? `[${host}]` : host}:${this.boundPort}${this.settings.path}`;
	}
	async start() {
		if (this.server) throw new Error("the receiver is already running");
		const { headersTimeoutMs, requestTimeoutMs } = this.settings;
		const checkEvery = Math.max(50, Math.min(1e3, Math.floor(headersTimeoutMs / 4)));
		const server = createServer({
			headersTimeout: headersTimeoutMs,
			requestTimeout: requestTimeoutMs + 2 * checkEvery,
			connectionsCheckingInterval: checkEvery,
			noDelay: true
		}, (req, res) => this.onRequest(req, res));
		server.maxHeadersCount = 100;
		server.on("clientError", (error, socket) => this.onClientError(error, socket));
		this.server = server;
		try {
			await new Promise((resolve, reject) => {
				server.once("error", reject);
				server.listen(this.options.port ?? 0, this.host, () => {
					server.off("error", reject);
					resolve();
				});
			});
		} catch (error) {
			this.server = void 0;
			throw error;
		}
		this.boundPort = server.address().port;
	}
	/** Closes the port and every connection. Close the broker's turns first to answer them with the fallback. */
	async stop() {
		const server = this.server;
		if (!server) return;
		this.server = void 0;
		const closed = new Promise((resolve) => server.close(() => resolve()));
		server.closeAllConnections();
		await closed;
	}
	/**
	* Sends a stored delivery's body through the pipeline again over loopback (no signature check, no
	* dedupe; journaled with `replayed: true`). Resolves with the new Delivery once it is answered; a
	* voice turn then stays open in the broker like any other.
	*/
	replay(delivery) {
		if (!this.server) return Promise.reject(new CoreError("not_available", "The webhook receiver is not running"));
		if (delivery.body.endsWith("\n…[truncated]")) return Promise.reject(new CoreError("not_available", "This delivery was too large to keep in full, so it cannot be replayed"));
		const nonce = randomUUID();
		const headers = { [REPLAY_HEADER]: `${this.replayToken}.${nonce}` };
		if (delivery.webhookId) headers[WEBHOOK_ID_HEADER] = delivery.webhookId;
		if (delivery.event) headers[EVENT_HEADER] = delivery.event;
		return new Promise((resolve, reject) => {
			this.replayWaiters.set(nonce, resolve);
			const fail = (why) => {
				if (this.replayWaiters.delete(nonce)) reject(new CoreError("internal", `The replay failed: ${why}`));
			};
			sendLocal({
				host: this.host,
				port: this.boundPort,
				path: this.settings.path
			}, delivery.body, headers).then(() => fail("no answer"), (error) => fail(error instanceof Error ? error.message : String(error)));
		});
	}
	/**
	* Node's parser refused the bytes (malformed HTTP, headers too large or too slow). Answer with a
	* plain status and record it like any refused delivery, unless the client already left.
	*/
	onClientError(error, socket) {
		const answer = clientErrorAnswer(error, socket.bytesRead ?? 0);
		if ((this.busy.get(socket) ?? 0) > 0 || answer.silent || !socket.writable || this.refused.has(socket)) {
			socket.destroy();
			return;
		}
		this.refused.add(socket);
		socket.end(rawAnswer(answer.status, answer.reason));
		this.settings.clock.after(1e3, () => socket.destroy());
		this.pipeline.recordUnparsed({
			...requestLineOf(error.rawPacket),
			raw: error.rawPacket
		}, answer.status, answer.reason);
	}
	onRequest(req, res) {
		const socket = req.socket;
		this.busy.set(socket, (this.busy.get(socket) ?? 0) + 1);
		res.once("close", () => this.busy.set(socket, (this.busy.get(socket) ?? 1) - 1));
		const waiterNonce = this.replayNonce(req);
		const onAnswered = waiterNonce === void 0 ? void 0 : (delivery) => {
			this.replayWaiters.get(waiterNonce)?.(delivery);
			this.replayWaiters.delete(waiterNonce);
		};
		this.pipeline.handle(req, res, {
			replayed: waiterNonce !== void 0,
			onAnswered,
			hiddenHeaders: HIDDEN
		}).catch((error) => {
			this.settings.logger.error("receiver: request failed", { error: String(error) });
			if (!res.headersSent) {
				res.writeHead(500, {
					"Content-Type": "application/json",
					Connection: "close"
				});
				res.end("{\"error\":\"internal\"}");
			} else res.destroy();
		});
	}
	/** The replay nonce if the request carries our own replay token, else undefined. */
	replayNonce(req) {
		const value = req.headers[REPLAY_HEADER];
		if (typeof value !== "string") return void 0;
		const [token = "", nonce = ""] = value.split(".", 2);
		const given = Buffer.from(token);
		const expected = Buffer.from(this.replayToken);
		return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : void 0;
	}
};
/** Creates a receiver; call `start()` to listen. */
function createReceiver(options) {
	return new Receiver(options);
}
// src-main/core/live/gap-finder.ts
/** How often the API is asked what it sent while we may not have been listening. */
var GAP_CHECK_INTERVAL_MS = 3e5;
/** The last-delivery time is written at most this often: a busy receiver must not write a file per event. */
var PERSIST_EVERY_MS = 5e3;
var MAX_SEEN_MESSAGES = 5e3;
var MAX_GAPS = 50;
/**
* Finds what AgentPhone sent while Switchboard was not receiving — the app was closed, the tunnel
* dropped, the laptop slept — by asking the API for calls and messages since the last delivery that
* did arrive, and reporting the ones the receiver never saw as a gap.
*/
var GapFinder = class {
	deps;
	seenMessages = /* @__PURE__ */ new Set();
	found = [];
	lastPersist = 0;
	timer = null;
	checkedUntil;
	constructor(deps) {
		this.deps = deps;
		const stored = deps.store.get(LAST_DELIVERY_KEY);
		this.checkedUntil = stored ? Date.parse(stored) : deps.clock.now();
	}
	gaps() {
		return [...this.found];
	}
	/** Every accepted delivery proves the tunnel worked up to now. */
	noteDelivery(messageId) {
		const now = this.deps.clock.now();
		if (messageId) {
			this.seenMessages.add(messageId);
			if (this.seenMessages.size > MAX_SEEN_MESSAGES) this.seenMessages.delete(this.seenMessages.values().next().value);
		}
		if (now - this.lastPersist >= PERSIST_EVERY_MS) {
			this.lastPersist = now;
			this.deps.store.set(LAST_DELIVERY_KEY, new Date(now).toISOString());
		}
	}
	/** Checks once now, then on an interval; each check covers the time since the previous one. */
	start() {
		if (this.timer) return;
		const tick = () => {
			this.check().finally(() => {
				this.timer = this.deps.clock.after(GAP_CHECK_INTERVAL_MS, tick);
			});
		};
		tick();
	}
	stop() {
		this.timer?.cancel();
		this.timer = null;
	}
	async check() {
		const from = this.checkedUntil;
		const to = this.deps.clock.now();
		try {
			const [calls, messages] = await Promise.all([this.missedCalls(from), this.missedMessages(from)]);
			this.checkedUntil = to;
			if (calls.length === 0 && messages.length === 0) return null;
			const gap = {
				id: randomUUID(),
				from: new Date(from).toISOString(),
				to: new Date(to).toISOString(),
				calls,
				messages
			};
			this.found.push(gap);
			if (this.found.length > MAX_GAPS) this.found.shift();
			this.deps.emit({
				event: "app.gap",
				data: gap
			});
			return gap;
		} catch (err) {
			this.deps.logger.warn("could not check for missed events", { error: err instanceof Error ? err.message : String(err) });
			return null;
		}
	}
	async missedCalls(since) {
		return (await this.deps.api.calls.list({ limit: 100 })).data.filter((c) => c.startedAt && Date.parse(c.startedAt) > since && !this.deps.board.get(c.id)).map((c) => ({
			id: c.id,
			from: c.fromNumber ?? "",
			to: c.toNumber ?? "",
			direction: c.direction ?? "inbound",
			status: c.status ?? "completed",
			startedAt: c.startedAt
		}));
	}
	async missedMessages(since) {
		const recent = (await this.deps.api.conversations.list({ limit: 50 })).data.filter((c) => c.lastMessageAt && Date.parse(c.lastMessageAt) > since);
		const missed = [];
		for (const conv of recent) {
			const detail = await this.deps.api.conversations.get(conv.id, { messageLimit: 50 });
			for (const m of detail.messages ?? []) {
				if (m.direction !== "inbound" || !m.receivedAt || Date.parse(m.receivedAt) <= since || this.seenMessages.has(m.id)) continue;
				missed.push({
					id: m.id,
					conversationId: conv.id,
					direction: "inbound",
					from: m.fromNumber ?? "",
					to: m.toNumber ?? "",
					body: m.body ?? "",
					channel: m.channel ?? "sms",
					at: m.receivedAt,
					agentId: conv.agentId ?? null
				});
			}
		}
		return missed;
	}
};
// src-main/core/sim/http-errors.ts
var HttpError = class extends Error {
	status;
	detail;
	headers;
	constructor(status, detail, headers = {}) {
		super(typeof detail === "string" ? detail : detail[0]?.msg ?? "validation error");
		this.status = status;
		this.detail = detail;
		this.headers = headers;
		this.name = "HttpError";
	}
};
var notFound = (what) => new HttpError(404, `${what} not found`);
function valueAt(input, path) {
	let cur = input;
	for (const key of path) {
		if (cur === null || typeof cur !== "object") return void 0;
		cur = cur[key];
	}
	return cur;
}
/** Zod issues to FastAPI's items: a missing field is `missing` / "Field required", as FastAPI says it. */
function toValidationItems(where, input, issues) {
	return issues.map((issue) => {
		const loc = [where, ...issue.path.filter((p) => typeof p !== "symbol")];
		if (issue.code === "invalid_type" && valueAt(input, issue.path) === void 0) return {
			loc,
			msg: "Field required",
			type: "missing"
		};
		const type = issue.code === "invalid_type" ? `${String(issue.expected)}_type` : issue.code === "too_small" ? "greater_than_equal" : issue.code === "too_big" ? "less_than_equal" : issue.code === "invalid_value" ? "enum" : issue.code === "invalid_format" ? "string_pattern_mismatch" : issue.code === "unrecognized_keys" ? "extra_forbidden" : "value_error";
		return {
			loc,
			msg: issue.message,
			type
		};
	});
}
/** Validates `input` or throws the 422 the real API would send. */
function parseWith(schema, input, where = "body") {
	const result = schema.safeParse(input);
	if (!result.success) throw new HttpError(422, toValidationItems(where, input, result.error.issues));
	return result.data;
}
// src-main/core/sim/account.ts
/**
* One API key's world. Lookups that the routes share live here so every route answers an unknown
* id with the same 404.
*/
var Account = class {
	apiKey;
	agents = /* @__PURE__ */ new Map();
	numbers = /* @__PURE__ */ new Map();
	calls = /* @__PURE__ */ new Map();
	messages = [];
	conversations = /* @__PURE__ */ new Map();
	agentWebhooks = /* @__PURE__ */ new Map();
	deliveries = [];
	projectWebhook = null;
	constructor(apiKey) {
		this.apiKey = apiKey;
	}
	agent(id) {
		const agent = this.agents.get(id);
		if (!agent) throw notFound("Agent");
		return agent;
	}
	number(id) {
		const number = this.numbers.get(id);
		if (!number) throw notFound("Phone number");
		return number;
	}
	call(id) {
		const call = this.calls.get(id);
		if (!call) throw notFound("Call");
		return call;
	}
	conversation(id) {
		const conversation = this.conversations.get(id);
		if (!conversation) throw notFound("Conversation");
		return conversation;
	}
	activeNumbers() {
		return [...this.numbers.values()].filter((n) => n.status === "active");
	}
	numbersOf(agentId) {
		return this.activeNumbers().filter((n) => n.agentId === agentId);
	}
	numberByPhone(phone) {
		return this.activeNumbers().find((n) => n.phoneNumber === phone);
	}
	messagesOf(conversationId) {
		return this.messages.filter((m) => m.conversationId === conversationId);
	}
	/** The webhook an agent's events go to: its own wins, else the project's; never both. */
	webhookFor(agentId) {
		const own = agentId ? this.agentWebhooks.get(agentId) : void 0;
		if (own && agentId) return {
			scope: agentId,
			webhook: own
		};
		return this.projectWebhook ? {
			scope: null,
			webhook: this.projectWebhook
		} : null;
	}
	/** The current webhook for a scope captured earlier; a retry uses the newest secret. */
	webhookInScope(scope) {
		return scope === null ? this.projectWebhook : this.agentWebhooks.get(scope) ?? null;
	}
};
/** Newest first by a timestamp field, as the list endpoints return them; ties: last stored first. */
function newestFirst(items, at) {
	return [...items].reverse().sort((a, b) => at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0);
}
// src-main/core/sim/ids.ts
/** Ids, times and fake phone numbers in the shapes the real API uses. */
/** `prefix` + 24 hex characters, e.g. `call_3f9c…`: opaque, like the real ids. */
function newId(prefix) {
	return `${prefix}${randomBytes(12).toString("hex")}`;
}
/** A new webhook secret: the whole string (prefix included) is the HMAC key. */
function newSecret() {
	return `whsec_${randomBytes(24).toString("base64url")}`;
}
function isoNow(clock) {
	return new Date(clock.now()).toISOString();
}
/** The sandbox phone's own number when a caller or SMS contact gives none. */
var SANDBOX_CONTACT = "+15550199000";
/**
* Hands out fictional numbers (`+1 AAA 010 01NN`, 555 by default) that never repeat inside one
* simulator, so a number names exactly one account's line.
*/
var NumberPool = class {
	next = 100;
	take(areaCode = "555") {
		return `+1${areaCode}010${String(this.next++).padStart(4, "0")}`;
	}
};
var E164 = /^\+[1-9]\d{1,14}$/;
function isE164(value) {
	return E164.test(value);
}
/** Loose normalisation for input numbers: strips spaces and punctuation, assumes US for 10 digits. */
function normalizePhone(value) {
	const trimmed = value.trim();
	const digits = trimmed.replace(/[^\d]/g, "");
	if (trimmed.startsWith("+")) return `+${digits}`;
	if (digits.length === 10) return `+1${digits}`;
	if (digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
	return trimmed;
}
// src-main/core/sim/agent-store.ts
/**
* Agents and numbers: the request schemas (zod, so bad bodies get FastAPI's 422) and the writes
* shared by the routes, the seed and the sandbox account.
*/
var DEFAULT_VOICE = "custom_voice_ea22ba5fdfaa18f39c274851c1";
var e164 = z.string().regex(/^\+1\d{10}$/, "must be a +1 (US/CA) number in E.164");
/** Fields stored as named columns; everything else of the schema lands in `extra`. */
var agentFields = {
	name: z.string().min(1).max(200),
	description: z.string().max(2e3).nullable(),
	voiceMode: z.enum(["webhook", "hosted"]),
	systemPrompt: z.string().max(5e4).nullable(),
	beginMessage: z.string().max(2e3).nullable(),
	voice: z.string().min(1).max(200).nullable(),
	transferNumber: z.union([e164, z.literal("")]).nullable(),
	enableMessaging: z.boolean().nullable(),
	modelTier: z.enum([
		"turbo",
		"balanced",
		"max"
	]),
	customTools: z.array(z.record(z.string(), z.unknown())).max(20).nullable(),
	voicemailMessage: z.string().max(1e3).nullable(),
	callScreeningIdentity: z.string().max(100).nullable(),
	callScreeningPurpose: z.string().max(300).nullable(),
	sttMode: z.enum(["fast", "accurate"]),
	ambientSound: z.enum([
		"none",
		"office",
		"coffee-shop",
		"outdoor"
	]),
	denoisingMode: z.enum(["noise-cancellation", "noise-and-background-speech-cancellation"]),
	maxSilenceMs: z.number().int().min(1e4).max(36e5).nullable(),
	voiceSpeed: z.number().min(.5).max(2).nullable(),
	interruptionSensitivity: z.number().min(0).max(1).nullable(),
	enableBackchannel: z.boolean().nullable(),
	language: z.string().min(2).max(20)
};
var CreateAgentBody = z.object(agentFields).partial().required({ name: true });
var UpdateAgentBody = z.object(agentFields).partial();
var EXTRA_DEFAULTS = {
	enableMessaging: true,
	modelTier: "balanced",
	customTools: null,
	voicemailMessage: null,
	callScreeningIdentity: null,
	callScreeningPurpose: null,
	sttMode: "fast",
	ambientSound: "none",
	denoisingMode: "noise-cancellation",
	maxSilenceMs: 6e5,
	voiceSpeed: 1,
	interruptionSensitivity: .8,
	enableBackchannel: true,
	language: "en-US"
};
var NAMED = /* @__PURE__ */ new Set([
	"name",
	"description",
	"voiceMode",
	"systemPrompt",
	"beginMessage",
	"voice",
	"transferNumber"
]);
var hostedNeedsPrompt = () => new HttpError(400, "systemPrompt is required when voiceMode is \"hosted\"");
/** Applies a validated partial update; empty strings clear the fields the MCP tools clear that way. */
function applyAgentInput(agent, input) {
	for (const [key, value] of Object.entries(input)) {
		if (value === void 0) continue;
		if (!NAMED.has(key)) agent.extra[key] = value ?? EXTRA_DEFAULTS[key] ?? null;
		else if (key === "transferNumber") agent.transferNumber = value === "" ? null : value;
		else if (key === "voice") agent.voice = value ?? "custom_voice_ea22ba5fdfaa18f39c274851c1";
		else if (key === "voiceMode") agent.voiceMode = value;
		else if (key === "name") agent.name = value;
		else agent[key] = value;
	}
	if (agent.voiceMode === "hosted" && !agent.systemPrompt) throw hostedNeedsPrompt();
}
function createAgent(ctx, account, input) {
	if (input.voiceMode === "hosted" && !input.systemPrompt) throw hostedNeedsPrompt();
	const agent = {
		id: newId("agent_"),
		name: input.name,
		description: null,
		voiceMode: "webhook",
		systemPrompt: null,
		beginMessage: null,
		voice: DEFAULT_VOICE,
		transferNumber: null,
		createdAt: isoNow(ctx.clock),
		extra: { ...EXTRA_DEFAULTS }
	};
	applyAgentInput(agent, input);
	account.agents.set(agent.id, agent);
	return agent;
}
/** PATCH semantics: switching to webhook mode clears the hosted prompt and greeting (REST-md). */
function updateAgent(agent, input) {
	const next = {
		...agent,
		extra: { ...agent.extra }
	};
	applyAgentInput(next, input);
	if (input.voiceMode === "webhook" && agent.voiceMode === "hosted") {
		if (input.systemPrompt === void 0) next.systemPrompt = null;
		if (input.beginMessage === void 0) next.beginMessage = null;
	}
	Object.assign(agent, next);
}
var BuyNumberBody = z.object({
	country: z.enum(["US", "CA"]).default("US"),
	areaCode: z.string().regex(/^\d{3}$/, "areaCode must be exactly 3 digits").nullable().optional(),
	agentId: z.string().nullable().optional()
});
/** Buys a number: the account's number limit gives 409, like the real API's self-serve cap. */
function buyNumber(ctx, account, input) {
	if (input.agentId) account.agent(input.agentId);
	if (account.activeNumbers().length >= ctx.numberLimit) throw new HttpError(409, `Number limit reached: this account may hold ${ctx.numberLimit} numbers. Release a number before buying another.`);
	const area = input.areaCode ?? "555";
	if (area.startsWith("0") || area.startsWith("1")) throw new HttpError(409, `No numbers available in area code ${area}. Try another area code, such as 555, or leave it empty.`);
	const number = {
		id: newId("num_"),
		phoneNumber: ctx.pool.take(area),
		country: input.country,
		status: "active",
		type: "sms",
		agentId: input.agentId ?? null,
		createdAt: isoNow(ctx.clock)
	};
	account.numbers.set(number.id, number);
	return number;
}
// src-main/core/sim/serialize.ts
function agentNumberOut(n) {
	return {
		id: n.id,
		phoneNumber: n.phoneNumber,
		status: n.status,
		type: n.type
	};
}
function agentOut(account, a) {
	return {
		id: a.id,
		name: a.name,
		description: a.description,
		voiceMode: a.voiceMode,
		systemPrompt: a.systemPrompt,
		beginMessage: a.beginMessage,
		voice: a.voice,
		transferNumber: a.transferNumber,
		...a.extra,
		createdAt: a.createdAt,
		numbers: account.numbersOf(a.id).map(agentNumberOut)
	};
}
function numberOut(n) {
	return {
		...n,
		outboundSms: "enabled"
	};
}
function durationSeconds(c) {
	if (!c.endedAt) return null;
	const from = c.answeredAt ?? c.startedAt;
	return Math.max(0, Math.round((Date.parse(c.endedAt) - Date.parse(from)) / 1e3));
}
function callSummaryOut(c) {
	const last = [...c.turns].reverse().find((t) => t.content !== "");
	return {
		id: c.id,
		agentId: c.agentId,
		phoneNumberId: c.phoneNumberId,
		phoneNumber: c.phoneNumber,
		fromNumber: c.fromNumber,
		toNumber: c.toNumber,
		direction: c.direction,
		status: c.status,
		startedAt: c.startedAt,
		endedAt: c.endedAt,
		durationSeconds: durationSeconds(c),
		lastTranscriptSnippet: last ? last.content.slice(0, 120) : null,
		recordingUrl: null,
		recordingAvailable: false
	};
}
/**
* The call detail's `transcripts`: one entry per caller utterance with the agent's reply to it
* (its final words, interim fillers left out) in `response`.
*/
function transcriptPairs(c) {
	const pairs = [];
	for (const t of c.turns) if (t.role === "user") pairs.push({
		id: t.id,
		transcript: t.content,
		response: null,
		confidence: t.confidence ?? .95,
		createdAt: t.createdAt
	});
	else {
		const open = pairs[pairs.length - 1];
		if (open && !t.interim && t.content) open.response = open.response ? `${open.response} ${t.content}` : t.content;
	}
	return pairs;
}
function callDetailOut(c) {
	const { lastTranscriptSnippet: _ignored, ...summary } = callSummaryOut(c);
	return {
		...summary,
		disconnectionReason: c.disconnectionReason,
		transcripts: transcriptPairs(c)
	};
}
function turnOut(callId, t) {
	return {
		id: t.id,
		callId,
		role: t.role,
		content: t.content,
		createdAt: t.createdAt,
		...t.interim ? { interim: true } : {},
		...t.digits ? { digits: t.digits } : {},
		...t.confidence !== void 0 ? { confidence: t.confidence } : {}
	};
}
/** `GET /v1/numbers/{id}/messages` item; `from_` mirrors the SDK's typed name for the same field. */
function numberMessageOut(m) {
	return {
		id: m.id,
		from: m.from,
		from_: m.from,
		to: m.to,
		body: m.body,
		direction: m.direction,
		channel: m.channel,
		receivedAt: m.receivedAt
	};
}
function conversationMessageOut(m) {
	return {
		id: m.id,
		body: m.body,
		fromNumber: m.from,
		toNumber: m.to,
		direction: m.direction,
		senderIdentifier: null,
		channel: m.channel,
		mediaUrl: m.mediaUrls[0] ?? null,
		mediaUrls: m.mediaUrls,
		receivedAt: m.receivedAt,
		reactions: [],
		replyTo: null
	};
}
function conversationOut(account, c) {
	const messages = account.messagesOf(c.id);
	const last = messages[messages.length - 1];
	return {
		id: c.id,
		agentId: c.agentId,
		phoneNumberId: c.phoneNumberId,
		phoneNumber: c.phoneNumber,
		participant: c.participant,
		isGroup: false,
		groupId: null,
		groupName: null,
		groupIconUrl: null,
		participants: null,
		lastMessageAt: c.lastMessageAt,
		lastMessagePreview: last ? last.body.slice(0, 100) : "",
		messageCount: messages.length,
		metadata: c.metadata,
		createdAt: c.createdAt
	};
}
function webhookOut(w) {
	return { ...w };
}
function deliveryOut(d) {
	return {
		id: d.id,
		messageId: d.messageId,
		eventType: d.eventType,
		channel: d.channel,
		status: d.status,
		httpStatus: d.httpStatus,
		errorMessage: d.errorMessage,
		responseBody: d.responseBody,
		attemptCount: d.attemptCount,
		lastAttemptAt: d.lastAttemptAt,
		nextRetryAt: d.nextRetryAt,
		createdAt: d.createdAt
	};
}
// src-main/core/sim/payloads.ts
/** The last `limit` items; 0 disables history, as a `contextLimit` of 0 does. */
function lastN(items, limit) {
	return limit <= 0 ? [] : items.slice(-limit);
}
/** The stored metadata of the thread between a number and a participant, if one exists. */
function conversationState(account, numberId, participant) {
	for (const c of account.conversations.values()) if (c.phoneNumberId === numberId && c.participant === participant) return c.metadata;
	return null;
}
/** The person on the other end of a call (the caller inbound, the callee outbound). */
function otherParty(call) {
	return call.direction === "inbound" ? call.fromNumber : call.toNumber;
}
/** One caller utterance; history is the turns before it, caller lines inbound, agent lines outbound. */
function voiceMessageEnvelope(account, call, utterance, confidence, contextLimit, at, digits) {
	const before = call.turns.slice(0, -1).filter((t) => t.content !== "");
	return {
		event: "agent.message",
		channel: "voice",
		timestamp: at,
		agentId: call.agentId,
		data: {
			callId: call.id,
			numberId: call.phoneNumberId,
			from: call.fromNumber,
			to: call.toNumber,
			status: "in-progress",
			transcript: utterance,
			confidence,
			direction: call.direction,
			...digits ? { digits } : {}
		},
		conversationState: conversationState(account, call.phoneNumberId, otherParty(call)),
		recentHistory: lastN(before, contextLimit).map((t) => ({
			content: t.content,
			direction: t.role === "user" ? "inbound" : "outbound",
			channel: "voice",
			at: t.createdAt
		}))
	};
}
function callEndedEnvelope(call, at) {
	const summary = callSummaryOut(call);
	return {
		event: "agent.call_ended",
		channel: "voice",
		timestamp: at,
		agentId: call.agentId,
		data: {
			callId: call.id,
			numberId: call.phoneNumberId,
			from: call.fromNumber,
			to: call.toNumber,
			contact: null,
			direction: call.direction,
			status: call.status,
			startedAt: call.startedAt,
			endedAt: call.endedAt,
			durationSeconds: summary.durationSeconds ?? 0,
			disconnectionReason: call.disconnectionReason,
			transcript: call.turns.filter((t) => t.content !== "").map((t) => ({
				role: t.role,
				content: t.content
			})),
			summary: null,
			userSentiment: null,
			callSuccessful: null
		},
		conversationState: null
	};
}
/** An SMS (or a test delivery shaped like one); history is the thread before this message. */
function smsEnvelope(account, msg, contextLimit, at) {
	const thread = account.messagesOf(msg.conversationId).filter((m) => m.id !== msg.id);
	return {
		event: "agent.message",
		channel: msg.channel,
		timestamp: at,
		agentId: msg.agentId,
		data: {
			messageId: msg.id,
			conversationId: msg.conversationId,
			numberId: msg.numberId,
			from: msg.from,
			to: msg.to,
			contact: null,
			message: msg.body,
			mediaUrl: msg.mediaUrls[0] ?? null,
			mediaUrls: msg.mediaUrls,
			direction: msg.direction,
			receivedAt: msg.receivedAt
		},
		conversationState: account.conversations.get(msg.conversationId)?.metadata ?? null,
		recentHistory: lastN(thread, contextLimit).map((m) => ({
			content: m.body,
			direction: m.direction,
			channel: m.channel,
			at: m.receivedAt,
			messageId: m.id
		}))
	};
}
// src-main/core/sim/hosted-responder.ts
var GOODBYE = /\b(bye|goodbye|hang up)\b/i;
/** The first sentence of the prompt, short enough to speak, so replies show which prompt ran. */
function promptGist(systemPrompt) {
	if (!systemPrompt) return null;
	const first = systemPrompt.trim().split(/(?<=[.!?])\s/)[0] ?? "";
	return (first.length > 80 ? `${first.slice(0, 77).trimEnd()}...` : first).replace(/[.!?]+$/, "") || null;
}
/** The reply to one caller utterance. Saying goodbye ends the call, as a real agent would. */
function hostedReply(persona, utterance) {
	const words = utterance.trim();
	if (GOODBYE.test(words)) return {
		text: `Thanks for calling ${persona.name}. Goodbye! (This is a simulated reply.)`,
		hangup: true
	};
	const gist = promptGist(persona.systemPrompt);
	return {
		text: `You said: "${words}".${gist ? ` My instructions say: "${gist}".` : ""} This is a simulated reply from ${persona.name}.`,
		hangup: false
	};
}
/** The reply to key presses. */
function hostedDigitsReply(persona, digits) {
	return {
		text: `You pressed ${digits}. This is a simulated reply from ${persona.name}.`,
		hangup: false
	};
}
// src-main/core/sim/voice-reader.ts
function asDigits(value) {
	if (typeof value === "string" && value !== "") return value;
	if (typeof value === "number" && Number.isFinite(value)) return String(value);
}
/** A parsed value to a line, or null when it is not a JSON object (AgentPhone discards those). */
function normalizeVoiceObject(value) {
	if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
	const o = value;
	const digits = asDigits(o.digits) ?? asDigits(o.press_digit) ?? asDigits(o.dtmf);
	const action = typeof o.action === "string" ? o.action : void 0;
	return {
		text: typeof o.text === "string" ? o.text : "",
		interim: o.interim === true,
		...digits !== void 0 ? { digits } : {},
		hangup: o.hangup === true || action === "hangup",
		...action !== void 0 ? { action } : {}
	};
}
function parseVoiceLine(raw) {
	const trimmed = raw.trim();
	if (!trimmed) return null;
	try {
		return normalizeVoiceObject(JSON.parse(trimmed));
	} catch {
		return null;
	}
}
function isNdjson(contentType) {
	return (contentType ?? "").toLowerCase().split(";")[0]?.trim() === "application/x-ndjson";
}
/**
* Yields each acted-on object in order. Stopping early (the first final line) destroys the
* response so the webhook server sees the turn is over.
*/
async function* readVoiceResponse(res) {
	try {
		if (!isNdjson(res.headers["content-type"])) {
			const chunks = [];
			for await (const chunk of res) chunks.push(chunk);
			const line = parseVoiceLine(Buffer.concat(chunks).toString("utf8"));
			if (line) yield line;
			return;
		}
		let pending = Buffer.alloc(0);
		for await (const chunk of res) {
			pending = Buffer.concat([pending, chunk]);
			let nl = pending.indexOf(10);
			while (nl !== -1) {
				const line = parseVoiceLine(pending.subarray(0, nl).toString("utf8"));
				pending = pending.subarray(nl + 1);
				if (line) yield line;
				nl = pending.indexOf(10);
			}
		}
		const last = parseVoiceLine(pending.toString("utf8"));
		if (last) yield last;
	} finally {
		res.destroy();
	}
}
// src-main/core/sim/voice-turns.ts
var VoiceTurns = class {
	ctx;
	engine;
	constructor(ctx, engine) {
		this.ctx = ctx;
		this.engine = engine;
	}
	run(account, call, turn) {
		return call.hosted ? Promise.resolve(this.hosted(account, call, turn)) : this.webhook(account, call, turn);
	}
	hosted(account, call, turn) {
		const persona = {
			name: (call.agentId ? account.agents.get(call.agentId) : void 0)?.name ?? "the agent",
			systemPrompt: call.systemPrompt
		};
		const reply = turn.digits ? hostedDigitsReply(persona, turn.digits) : hostedReply(persona, turn.content);
		this.engine.speak(call, {
			text: reply.text,
			interim: false,
			hangup: reply.hangup
		});
		if (reply.hangup) this.engine.end(account, call, "agent_hangup");
	}
	async webhook(account, call, turn) {
		const route = account.webhookFor(call.agentId);
		if (!route) {
			this.ctx.logger.warn("voice turn has no webhook to go to: the caller hears silence", { callId: call.id });
			return;
		}
		const at = isoNow(this.ctx.clock);
		const envelope = voiceMessageEnvelope(account, call, turn.content, turn.confidence ?? .95, route.webhook.contextLimit, at, turn.digits);
		const controller = new AbortController();
		this.engine.turnAborts.set(call.id, controller);
		const timer = this.ctx.clock.after(this.ctx.deliverer.timeoutFor(route.webhook), () => controller.abort());
		try {
			const { res } = await this.ctx.deliverer.openVoice(account, route, envelope, {
				eventType: "agent.message",
				channel: "voice",
				callId: call.id
			}, controller.signal);
			if ((res.statusCode ?? 0) >= 300) {
				res.destroy();
				return;
			}
			for await (const line of readVoiceResponse(res)) {
				if (controller.signal.aborted || call.status !== "in-progress") break;
				if (this.act(account, call, line)) break;
			}
		} catch (err) {
			if (!controller.signal.aborted) this.ctx.logger.warn("voice webhook failed", {
				callId: call.id,
				error: String(err)
			});
		} finally {
			timer.cancel();
			if (this.engine.turnAborts.get(call.id) === controller) this.engine.turnAborts.delete(call.id);
		}
	}
	/** Speaks one line and applies its action; true when the turn is over. */
	act(account, call, line) {
		const transfer = line.action === "transfer";
		const agent = call.agentId ? account.agents.get(call.agentId) : void 0;
		if (transfer && !agent?.transferNumber) this.ctx.logger.warn("transfer asked for but the agent has no transferNumber", { callId: call.id });
		this.engine.speak(call, line);
		if (line.hangup) {
			this.engine.end(account, call, "agent_hangup");
			return true;
		}
		if (transfer && agent?.transferNumber) {
			this.engine.end(account, call, "call_transfer");
			return true;
		}
		return !line.interim;
	}
};
// src-main/core/sim/call-engine.ts
var isOver = (call) => call.status === "completed" || call.status === "failed";
var CallEngine = class {
	ctx;
	watchers = /* @__PURE__ */ new Map();
	chains = /* @__PURE__ */ new Map();
	/** The turn a call is waiting on, so a hang-up can drop the webhook request mid-answer. */
	turnAborts = /* @__PURE__ */ new Map();
	voice;
	constructor(ctx) {
		this.ctx = ctx;
		this.voice = new VoiceTurns(ctx, this);
	}
	create(account, fields) {
		const call = {
			id: newId("call_"),
			startedAt: isoNow(this.ctx.clock),
			endedAt: null,
			disconnectionReason: null,
			turns: [],
			...fields
		};
		account.calls.set(call.id, call);
		this.emitCall("started", call);
		return call;
	}
	emitCall(kind, call) {
		this.ctx.emitter.emit("call", {
			kind,
			callId: call.id,
			status: call.status,
			call: callSummaryOut(call)
		}, this.report);
	}
	report = (err) => this.ctx.logger.error("simulator listener failed", { error: String(err) });
	/** The sandbox phone calls one of the account's numbers; the agent's beginMessage is heard at once. */
	startInbound(account, number, from) {
		const agent = number.agentId ? account.agents.get(number.agentId) : void 0;
		if (!agent) throw new HttpError(409, `Number ${number.phoneNumber} has no agent attached`);
		const call = this.create(account, {
			agentId: agent.id,
			phoneNumberId: number.id,
			phoneNumber: number.phoneNumber,
			fromNumber: from,
			toNumber: number.phoneNumber,
			direction: "inbound",
			status: "in-progress",
			answeredAt: isoNow(this.ctx.clock),
			hosted: agent.voiceMode === "hosted",
			systemPrompt: agent.systemPrompt,
			greeting: agent.beginMessage
		});
		if (call.greeting) this.speak(call, {
			text: call.greeting,
			interim: false,
			hangup: false
		});
		return call;
	}
	/** `POST /v1/calls`: every outbound call rings the sandbox phone until answered or declined. */
	placeOutbound(account, o) {
		const hosted = Boolean(o.systemPrompt) || o.agent.voiceMode === "hosted";
		const call = this.create(account, {
			agentId: o.agent.id,
			phoneNumberId: o.number.id,
			phoneNumber: o.number.phoneNumber,
			fromNumber: o.number.phoneNumber,
			toNumber: o.toNumber,
			direction: "outbound",
			status: "ringing",
			answeredAt: null,
			hosted,
			systemPrompt: o.systemPrompt || o.agent.systemPrompt,
			greeting: o.initialGreeting !== void 0 && o.initialGreeting !== null ? o.initialGreeting : o.agent.beginMessage
		});
		this.ctx.emitter.emit("ring", {
			callId: call.id,
			from: call.fromNumber,
			to: call.toNumber
		}, this.report);
		return call;
	}
	answer(call) {
		if (call.status !== "ringing") throw new HttpError(409, "Call is not ringing");
		call.status = "in-progress";
		call.answeredAt = isoNow(this.ctx.clock);
		this.emitCall("updated", call);
		if (call.greeting) this.speak(call, {
			text: call.greeting,
			interim: false,
			hangup: false
		});
	}
	decline(account, call) {
		if (call.status !== "ringing") throw new HttpError(409, "Call is not ringing");
		this.end(account, call, "declined", "failed");
	}
	requireLive(call) {
		if (call.status !== "in-progress") throw new HttpError(409, `Call is ${call.status}, not in progress`);
	}
	/** Runs `work` after the call's previous turn, so turns never overlap. */
	enqueue(call, work) {
		const next = (this.chains.get(call.id) ?? Promise.resolve()).then(work, work);
		const settled = next.catch(() => {});
		this.chains.set(call.id, settled);
		settled.then(() => {
			if (this.chains.get(call.id) === settled) this.chains.delete(call.id);
		});
		return next;
	}
	/** The caller says something; resolves when the agent's answer (or silence) is over. */
	say(account, call, text) {
		this.requireLive(call);
		return this.enqueue(call, async () => {
			if (call.status !== "in-progress") return;
			const turn = this.addTurn(call, {
				role: "user",
				content: text,
				confidence: .95
			});
			await this.voice.run(account, call, turn);
		});
	}
	/** The caller presses keys: a turn like speech, with the digits alongside. */
	press(account, call, digits) {
		this.requireLive(call);
		return this.enqueue(call, async () => {
			if (call.status !== "in-progress") return;
			const turn = this.addTurn(call, {
				role: "user",
				content: `[pressed ${digits}]`,
				digits,
				confidence: 1
			});
			await this.voice.run(account, call, turn);
		});
	}
	addTurn(call, fields) {
		const turn = {
			id: newId("turn_"),
			createdAt: isoNow(this.ctx.clock),
			...fields
		};
		call.turns.push(turn);
		for (const w of this.watchers.get(call.id) ?? []) w.turn(turn);
		return turn;
	}
	/** One agent line reaches the caller: into the transcript and out as a `heard` event. */
	speak(call, line) {
		if (line.text || line.digits) this.addTurn(call, {
			role: "agent",
			content: line.text,
			...line.interim ? { interim: true } : {},
			...line.digits ? { digits: line.digits } : {}
		});
		this.ctx.emitter.emit("heard", {
			callId: call.id,
			text: line.text,
			interim: line.interim,
			...line.digits ? { digits: line.digits } : {},
			...line.hangup ? { hangup: true } : {},
			...line.action ? { action: line.action } : {}
		}, this.report);
	}
	/** Ends a call once: transcript watchers close, and `agent.call_ended` goes where events go. */
	end(account, call, reason, status = "completed") {
		if (isOver(call)) return;
		call.status = status;
		call.endedAt = isoNow(this.ctx.clock);
		call.disconnectionReason = reason;
		this.turnAborts.get(call.id)?.abort();
		for (const w of this.watchers.get(call.id) ?? []) w.ended(call);
		this.watchers.delete(call.id);
		this.emitCall("ended", call);
		const route = account.webhookFor(call.agentId);
		if (route) this.ctx.deliverer.enqueue(account, route, callEndedEnvelope(call, call.endedAt), {
			eventType: "agent.call_ended",
			channel: "voice",
			callId: call.id
		});
	}
	/** Follows a call's transcript; returns the unsubscribe. Ended calls have nothing to follow. */
	watch(callId, watcher) {
		const set = this.watchers.get(callId) ?? /* @__PURE__ */ new Set();
		this.watchers.set(callId, set);
		set.add(watcher);
		return () => void set.delete(watcher);
	}
	stop() {
		for (const c of this.turnAborts.values()) c.abort();
		this.turnAborts.clear();
		this.watchers.clear();
	}
};
// src-main/core/sim/webhook-sender.ts
/**
* One signed POST of bytes serialised once (agentphone-api.md §3.4): the same bytes are signed and
* sent, with the four X-Webhook-* headers. Resolves as soon as response headers arrive so voice
* turns can read NDJSON while it streams.
*/
/** Header names as the vendor spells them (the receiver's constants are the lower-case forms). */
var SPELLING = {
	[SIGNATURE_HEADER]: "X-Webhook-Signature",
	[TIMESTAMP_HEADER]: "X-Webhook-Timestamp",
	[WEBHOOK_ID_HEADER]: "X-Webhook-ID",
	[EVENT_HEADER]: "X-Webhook-Event"
};
var headerName = (lower) => SPELLING[lower] ?? lower;
function signedHeaders(p) {
	const ts = String(p.timestampSeconds);
	return {
		"Content-Type": "application/json",
		"User-Agent": "AgentPhone-Simulator/1.0",
		[headerName(SIGNATURE_HEADER)]: sign(p.secret, ts, p.body),
		[headerName(TIMESTAMP_HEADER)]: ts,
		[headerName(WEBHOOK_ID_HEADER)]: p.webhookId,
		[headerName(EVENT_HEADER)]: p.event
	};
}
function postSigned(p) {
	return new Promise((resolve, reject) => {
		let settled = false;
		const fail = (err) => {
			if (!settled) {
				settled = true;
				reject(err instanceof Error ? err : new Error(String(err)));
			}
		};
		let url;
		try {
			url = new URL(p.url);
		} catch {
			fail(/* @__PURE__ */ new Error(`invalid webhook URL: ${p.url}`));
			return;
		}
		const transport = url.protocol === "https:" ? https : http;
		const headers = {
			...signedHeaders(p),
			"Content-Length": String(p.body.length)
		};
		const req = transport.request(url, {
			method: "POST",
			headers,
			signal: p.signal,
			agent: false
		}, (res) => {
			res.on("error", () => {});
			settled = true;
			resolve(res);
		});
		req.on("error", fail);
		req.end(p.body);
	});
}
/** Reads at most `max` bytes of a response as text (for the delivery record), then drops the rest. */
async function readSome(res, max = 2048) {
	const chunks = [];
	let size = 0;
	for await (const chunk of res) {
		const buf = chunk;
		if (size < max) chunks.push(buf);
		size += buf.length;
	}
	return Buffer.concat(chunks).toString("utf8").slice(0, max);
}
/** Our assumption (the vendor's table is unknown): roughly doubling, spanning most of a day. */
var DEFAULT_RETRY_DELAYS_MS = [
	6e4,
	3e5,
	18e5,
	72e5,
	288e5
];
var Deliverer = class {
	o;
	timers = /* @__PURE__ */ new Set();
	inflight = /* @__PURE__ */ new Set();
	stopped = false;
	constructor(o) {
		this.o = o;
	}
	timeoutFor(webhook) {
		return this.o.timeoutMs ?? webhook.timeout * 1e3;
	}
	record(account, route, meta) {
		const rec = {
			id: newId("whd_"),
			scope: route.scope,
			messageId: meta.messageId ?? null,
			callId: meta.callId ?? null,
			eventType: meta.eventType,
			channel: meta.channel,
			status: "pending",
			httpStatus: null,
			errorMessage: null,
			responseBody: null,
			attemptCount: 0,
			lastAttemptAt: null,
			nextRetryAt: null,
			createdAt: isoNow(this.o.clock)
		};
		account.deliveries.push(rec);
		return rec;
	}
	/** One attempt: the bytes are signed with the secret current at that moment. */
	async attemptOnce(webhook, rec, body, signal) {
		rec.attemptCount += 1;
		rec.lastAttemptAt = isoNow(this.o.clock);
		rec.nextRetryAt = null;
		return postSigned({
			url: webhook.url,
			secret: webhook.secret,
			body,
			webhookId: rec.id,
			event: rec.eventType,
			timestampSeconds: Math.floor(this.o.clock.now() / 1e3),
			signal
		});
	}
	/** Fire-and-forget delivery with retries (SMS, call_ended). Returns the record at once. */
	enqueue(account, route, envelope, meta) {
		const rec = this.record(account, route, meta);
		const body = Buffer.from(JSON.stringify(envelope), "utf8");
		this.run(account, rec, body, route.webhook);
		return rec;
	}
	/** A single attempt whose outcome is answered to the caller (the webhook test endpoints). */
	async once(account, route, envelope, meta) {
		const rec = this.record(account, route, meta);
		await this.run(account, rec, Buffer.from(JSON.stringify(envelope), "utf8"), route.webhook, false);
		return rec;
	}
	async run(account, rec, body, captured, retry = true) {
		const webhook = rec.attemptCount === 0 ? captured : account.webhookInScope(rec.scope);
		if (!webhook || this.stopped) {
			rec.status = "failed";
			rec.errorMessage = webhook ? "simulator stopped" : "webhook removed";
			return;
		}
		const controller = new AbortController();
		this.inflight.add(controller);
		const timer = this.o.clock.after(this.timeoutFor(webhook), () => controller.abort());
		let transient = true;
		try {
			const res = await this.attemptOnce(webhook, rec, body, controller.signal);
			rec.httpStatus = res.statusCode ?? 0;
			rec.responseBody = await readSome(res);
			const status = rec.httpStatus;
			if (status >= 200 && status < 300) {
				rec.status = "delivered";
				rec.errorMessage = null;
				return;
			}
			rec.errorMessage = `HTTP ${status}`;
			transient = status >= 500;
		} catch (err) {
			rec.httpStatus = null;
			rec.errorMessage = controller.signal.aborted ? `timed out after ${this.timeoutFor(webhook)} ms` : err.message;
		} finally {
			timer.cancel();
			this.inflight.delete(controller);
		}
		if (!retry || !transient || rec.attemptCount >= 6 || this.stopped) {
			rec.status = "failed";
			return;
		}
		const delays = this.o.retryDelaysMs;
		const delay = delays[rec.attemptCount - 1] ?? delays[delays.length - 1] ?? 0;
		rec.status = "pending";
		rec.nextRetryAt = new Date(this.o.clock.now() + delay).toISOString();
		this.o.logger.info("webhook delivery will retry", {
			id: rec.id,
			attempt: rec.attemptCount,
			delay
		});
		const next = this.o.clock.after(delay, () => {
			this.timers.delete(next);
			this.run(account, rec, body, captured);
		});
		this.timers.add(next);
	}
	/**
	* A voice turn: one attempt, never retried (the turn is gone by then), answered with the live
	* response so the caller's side can read NDJSON lines as they arrive. `signal` ends it early.
	*/
	async openVoice(account, route, envelope, meta, signal) {
		const rec = this.record(account, route, meta);
		const controller = new AbortController();
		const abort = () => controller.abort();
		signal.addEventListener("abort", abort, { once: true });
		this.inflight.add(controller);
		try {
			const res = await this.attemptOnce(route.webhook, rec, Buffer.from(JSON.stringify(envelope), "utf8"), controller.signal);
			rec.httpStatus = res.statusCode ?? 0;
			const ok = rec.httpStatus >= 200 && rec.httpStatus < 300;
			rec.status = ok ? "delivered" : "failed";
			if (!ok) rec.errorMessage = `HTTP ${rec.httpStatus}`;
			res.once("close", () => {
				this.inflight.delete(controller);
				signal.removeEventListener("abort", abort);
			});
			return {
				rec,
				res
			};
		} catch (err) {
			this.inflight.delete(controller);
			signal.removeEventListener("abort", abort);
			rec.status = "failed";
			rec.errorMessage = controller.signal.aborted ? "no response within the webhook timeout" : err.message;
			throw err;
		}
	}
	/** Cancels every pending retry and aborts every request in flight. */
	stop() {
		this.stopped = true;
		for (const t of this.timers) t.cancel();
		this.timers.clear();
		for (const c of this.inflight) c.abort();
		this.inflight.clear();
	}
};
// src-main/core/sim/emitter.ts
var SimEmitter = class {
	listeners = {};
	/** Subscribes; the returned function unsubscribes. */
	on(name, listener) {
		const set = this.listeners[name] ??= /* @__PURE__ */ new Set();
		set.add(listener);
		return () => void set.delete(listener);
	}
	off(name, listener) {
		this.listeners[name]?.delete(listener);
	}
	/** A throwing listener must not break the call that emitted, so errors are reported, not raised. */
	emit(name, event, onError) {
		const set = this.listeners[name];
		for (const listener of [...set ?? []]) try {
			listener(event);
		} catch (err) {
			onError?.(err);
		}
	}
};
// src-main/core/sim/router.ts
/** A handler's answer: a body sent as JSON with 200, a `Reply`, or `HANDLED` when it wrote `res` itself. */
var HANDLED = Symbol("handled");
var Reply = class {
	status;
	body;
	constructor(status, body) {
		this.status = status;
		this.body = body;
	}
};
var Router = class {
	routes = [];
	add(method, pattern, handler) {
		const keys = [];
		const source = pattern.split("/").map((seg) => {
			if (!seg.startsWith(":")) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
			keys.push(seg.slice(1));
			return "([^/]+)";
		}).join("/");
		this.routes.push({
			method,
			regex: new RegExp(`^${source}$`),
			keys,
			handler
		});
		return this;
	}
	get = (p, h) => this.add("GET", p, h);
	post = (p, h) => this.add("POST", p, h);
	patch = (p, h) => this.add("PATCH", p, h);
	delete = (p, h) => this.add("DELETE", p, h);
	/** The matching route, `'method'` when only the method is wrong, or null. */
	match(method, path) {
		let pathMatched = false;
		for (const r of this.routes) {
			const m = r.regex.exec(path);
			if (!m) continue;
			pathMatched = true;
			if (r.method !== method) continue;
			const params = {};
			r.keys.forEach((k, i) => params[k] = decodeURIComponent(m[i + 1] ?? ""));
			return {
				handler: r.handler,
				params
			};
		}
		return pathMatched ? "method" : null;
	}
};
/** Offset paging (`limit` default/max per endpoint, `offset` ≥ 0), validated like FastAPI does. */
function offsetPaging(query, def = 20, max = 100) {
	return parseWith(z.object({
		limit: z.coerce.number().int().min(1).max(max).default(def),
		offset: z.coerce.number().int().min(0).default(0)
	}), query, "query");
}
function page(items, p) {
	return {
		data: items.slice(p.offset, p.offset + p.limit),
		hasMore: p.offset + p.limit < items.length,
		total: items.length
	};
}
/** Cursor-by-time paging for message lists: newest first, `before`/`after` ISO times, no total. */
function timePage(items, at, query, def = 50, max = 200) {
	const q = parseWith(z.object({
		limit: z.coerce.number().int().min(1).max(max).default(def),
		before: z.iso.datetime({ offset: true }).optional(),
		after: z.iso.datetime({ offset: true }).optional()
	}), query, "query");
	const before = q.before ? Date.parse(q.before) : Infinity;
	const after = q.after ? Date.parse(q.after) : -Infinity;
	const kept = items.filter((t) => Date.parse(at(t)) < before && Date.parse(at(t)) > after);
	return {
		data: kept.slice(0, q.limit),
		hasMore: kept.length > q.limit
	};
}
// src-main/core/sim/http-server.ts
var MAX_BODY = 1e6;
function sendJson(res, status, body, headers = {}) {
	const bytes = Buffer.from(JSON.stringify(body === void 0 ? null : body), "utf8");
	res.writeHead(status, {
		"Content-Type": "application/json",
		"Content-Length": String(bytes.length),
		...headers
	});
	res.end(bytes);
}
async function readBody(req) {
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size > MAX_BODY) throw new HttpError(413, "Request body too large");
		chunks.push(chunk);
	}
	const text = Buffer.concat(chunks).toString("utf8");
	if (!text.trim()) return void 0;
	try {
		return JSON.parse(text);
	} catch {
		throw new HttpError(422, [{
			loc: ["body"],
			msg: "JSON decode error",
			type: "json_invalid"
		}]);
	}
}
function bearer(req) {
	return /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1]?.trim() ?? null;
}
/** Paths that need no key: the recording URL is its own capability (§1.2). */
var PUBLIC = /^\/v1\/calls\/[^/]+\/recording$/;
function handleRequest(door, req, res) {
	dispatch(door, req, res).catch((err) => {
		if (res.headersSent) {
			res.destroy();
			return;
		}
		if (err instanceof HttpError) {
			sendJson(res, err.status, { detail: err.detail }, err.headers);
			return;
		}
		door.logger.error("simulator request failed", { error: err instanceof Error ? err.stack : String(err) });
		sendJson(res, 500, { detail: "Internal server error" });
	});
}
async function dispatch(door, req, res) {
	const url = new URL(req.url ?? "/", "http://sim.local");
	const path = url.pathname.replace(/\/+$/, "") || "/";
	const method = (req.method ?? "GET").toUpperCase();
	if (path === "/" || path === "/health") {
		sendJson(res, 200, {
			ok: true,
			service: "agentphone-simulator"
		});
		return;
	}
	if (PUBLIC.test(path)) throw new HttpError(404, "Recording not found");
	const key = bearer(req);
	const account = key ? door.accounts.get(key) : void 0;
	if (!account) throw new HttpError(401, "Invalid or missing API key", { "WWW-Authenticate": "Bearer" });
	const wait = door.limiter?.take(account.apiKey) ?? null;
	if (wait !== null) throw new HttpError(429, "Rate limit exceeded. Retry later.", { "Retry-After": String(wait) });
	const found = door.router.match(method, path);
	if (found === null) throw new HttpError(404, "Not Found");
	if (found === "method") throw new HttpError(405, "Method Not Allowed");
	const body = method === "GET" || method === "DELETE" ? void 0 : await readBody(req);
	const query = Object.fromEntries(url.searchParams.entries());
	const out = await found.handler({
		account,
		params: found.params,
		query,
		body,
		req,
		res
	});
	if (out === HANDLED) return;
	if (out instanceof Reply) sendJson(res, out.status, out.body);
	else sendJson(res, 200, out);
}
// src-main/core/sim/messaging.ts
var Messaging = class {
	ctx;
	constructor(ctx) {
		this.ctx = ctx;
	}
	/** Stores a message in its conversation (created on first contact) and bumps the thread. */
	thread(account, input) {
		const at = input.at ?? isoNow(this.ctx.clock);
		let conversation = [...account.conversations.values()].find((c) => c.phoneNumberId === input.number.id && c.participant === input.participant);
		if (!conversation) {
			conversation = {
				id: newId("conv_"),
				agentId: input.number.agentId,
				phoneNumberId: input.number.id,
				phoneNumber: input.number.phoneNumber,
				participant: input.participant,
				metadata: null,
				createdAt: at,
				lastMessageAt: at
			};
			account.conversations.set(conversation.id, conversation);
		}
		conversation.lastMessageAt = at;
		conversation.agentId = input.number.agentId;
		const mediaUrls = input.mediaUrls ?? [];
		const inbound = input.direction === "inbound";
		const msg = {
			id: newId("msg_"),
			conversationId: conversation.id,
			numberId: input.number.id,
			agentId: input.number.agentId,
			from: inbound ? input.participant : input.number.phoneNumber,
			to: inbound ? input.number.phoneNumber : input.participant,
			body: input.body,
			direction: input.direction,
			channel: mediaUrls.length > 0 ? "mms" : "sms",
			mediaUrls,
			receivedAt: at
		};
		account.messages.push(msg);
		return msg;
	}
	/** An inbound text: stored, then delivered (with retries) to the agent's or project webhook. */
	receive(account, number, from, body) {
		const msg = this.thread(account, {
			number,
			participant: from,
			direction: "inbound",
			body
		});
		const route = account.webhookFor(msg.agentId);
		if (!route) {
			this.ctx.logger.warn("inbound SMS has no webhook to go to", { messageId: msg.id });
			return msg;
		}
		const envelope = smsEnvelope(account, msg, route.webhook.contextLimit, msg.receivedAt);
		this.ctx.deliverer.enqueue(account, route, envelope, {
			eventType: "agent.message",
			channel: msg.channel,
			messageId: msg.id
		});
		return msg;
	}
	/** An outbound text from the API: stored and shown on the sandbox phone. */
	send(account, number, to, body, mediaUrls) {
		const msg = this.thread(account, {
			number,
			participant: to,
			direction: "outbound",
			body,
			mediaUrls
		});
		this.ctx.emitter.emit("sms", {
			id: msg.id,
			conversationId: msg.conversationId,
			direction: "outbound",
			from: msg.from,
			to: msg.to,
			body: msg.body,
			channel: msg.channel,
			at: msg.receivedAt,
			agentId: msg.agentId
		});
		return msg;
	}
};
// src-main/core/sim/rate-limit.ts
var RateLimiter = class {
	clock;
	perMinute;
	windows = /* @__PURE__ */ new Map();
	constructor(clock, perMinute) {
		this.clock = clock;
		this.perMinute = perMinute;
	}
	/** null when allowed; else the seconds until the window resets (at least 1). */
	take(key) {
		const now = this.clock.now();
		let w = this.windows.get(key);
		if (!w || now - w.start >= 6e4) {
			w = {
				start: now,
				count: 0
			};
			this.windows.set(key, w);
		}
		w.count += 1;
		if (w.count <= this.perMinute) return null;
		return Math.max(1, Math.ceil((w.start + 6e4 - now) / 1e3));
	}
};
// src-main/core/sim/routes/voices.ts
var VOICES = [
	{
		voice_id: "custom_voice_ea22ba5fdfaa18f39c274851c1",
		voice_name: "Skylar — Friendly Guide",
		provider: "elevenlabs",
		gender: "female",
		accent: "American",
		preview_audio_url: null
	},
	{
		voice_id: "sim_voice_marcus",
		voice_name: "Marcus — Calm Support",
		provider: "elevenlabs",
		gender: "male",
		accent: "American",
		preview_audio_url: null
	},
	{
		voice_id: "sim_voice_amelia",
		voice_name: "Amelia — Crisp Concierge",
		provider: "elevenlabs",
		gender: "female",
		accent: "British",
		preview_audio_url: null
	},
	{
		voice_id: "sim_voice_jun",
		voice_name: "Jun — Upbeat Sales",
		provider: "cartesia",
		gender: "male",
		accent: "Australian",
		preview_audio_url: null
	},
	{
		voice_id: "Polly.Amy",
		voice_name: "Amy (Polly)",
		provider: "polly",
		gender: "female",
		accent: "British",
		preview_audio_url: null
	}
];
// src-main/core/sim/routes/agents.ts
/** `/v1/agents…` (agentphone-api.md §2.2). The agents list alone has `{data, total}` and no `hasMore`. */
function agentRoutes(r, rt) {
	r.get("/v1/agents/voices", () => ({ data: VOICES }));
	r.get("/v1/agents", ({ account, query }) => {
		const p = offsetPaging(query);
		const all = newestFirst(account.agents.values(), (a) => a.createdAt);
		return {
			data: all.slice(p.offset, p.offset + p.limit).map((a) => agentOut(account, a)),
			total: all.length
		};
	});
	r.post("/v1/agents", ({ account, body }) => agentOut(account, createAgent(rt, account, parseWith(CreateAgentBody, body ?? {}))));
	r.get("/v1/agents/:agentId", ({ account, params }) => agentOut(account, account.agent(params.agentId)));
	r.patch("/v1/agents/:agentId", ({ account, params, body }) => {
		const agent = account.agent(params.agentId);
		updateAgent(agent, parseWith(UpdateAgentBody, body ?? {}));
		return agentOut(account, agent);
	});
	r.delete("/v1/agents/:agentId", ({ account, params }) => {
		const agent = account.agent(params.agentId);
		for (const n of account.numbers.values()) if (n.agentId === agent.id) n.agentId = null;
		for (const c of account.calls.values()) if (c.agentId === agent.id) c.agentId = null;
		for (const c of account.conversations.values()) if (c.agentId === agent.id) c.agentId = null;
		account.agentWebhooks.delete(agent.id);
		account.agents.delete(agent.id);
		return {
			success: true,
			id: agent.id,
			name: agent.name
		};
	});
	r.post("/v1/agents/:agentId/numbers", ({ account, params, body }) => {
		const agent = account.agent(params.agentId);
		const { numberId } = parseWith(z.object({ numberId: z.string().min(1) }), body ?? {});
		const number = account.number(numberId);
		if (number.status !== "active") throw new HttpError(400, "Phone number has been released");
		number.agentId = agent.id;
		return {
			agentId: agent.id,
			number: agentNumberOut(number)
		};
	});
	r.delete("/v1/agents/:agentId/numbers/:numberId", ({ account, params }) => {
		const agent = account.agent(params.agentId);
		const number = account.number(params.numberId);
		if (number.agentId !== agent.id) throw new HttpError(404, "Phone number is not attached to this agent");
		number.agentId = null;
		return { success: true };
	});
	r.get("/v1/agents/:agentId/calls", ({ account, params, query }) => {
		const agent = account.agent(params.agentId);
		return page(newestFirst([...account.calls.values()].filter((c) => c.agentId === agent.id), (c) => c.startedAt).map(callSummaryOut), offsetPaging(query));
	});
	r.get("/v1/agents/:agentId/conversations", ({ account, params, query }) => {
		const agent = account.agent(params.agentId);
		return page(newestFirst([...account.conversations.values()].filter((c) => c.agentId === agent.id), (c) => c.lastMessageAt).map((c) => {
			const o = conversationOut(account, c);
			return {
				id: o.id,
				agentId: o.agentId,
				phoneNumberId: o.phoneNumberId,
				phoneNumber: o.phoneNumber,
				participant: o.participant,
				lastMessageAt: o.lastMessageAt,
				lastMessagePreview: o.lastMessagePreview,
				messageCount: o.messageCount,
				createdAt: o.createdAt
			};
		}), offsetPaging(query));
	});
}
// src-main/core/sim/sse.ts
function frame(event, id, data) {
	return `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
function endedFrame(call) {
	return frame("ended", null, {
		callId: call.id,
		status: call.status,
		endedAt: call.endedAt,
		disconnectionReason: call.disconnectionReason
	});
}
function streamTranscript(rt, call, req, res) {
	res.writeHead(200, {
		"Content-Type": "text/event-stream; charset=utf-8",
		"Cache-Control": "no-cache",
		Connection: "keep-alive",
		"X-Accel-Buffering": "no"
	});
	res.flushHeaders();
	for (const t of call.turns) res.write(frame("turn", t.id, turnOut(call.id, t)));
	if (call.status === "completed" || call.status === "failed") {
		res.end(endedFrame(call));
		return;
	}
	let heartbeat = rt.clock.after(rt.sseHeartbeatMs, function beat() {
		res.write(": heartbeat\n\n");
		heartbeat = rt.clock.after(rt.sseHeartbeatMs, beat);
	});
	const close = () => {
		heartbeat.cancel();
		unwatch();
	};
	const unwatch = rt.calls.watch(call.id, {
		turn: (t) => void res.write(frame("turn", t.id, turnOut(call.id, t))),
		ended: (c) => {
			close();
			res.end(endedFrame(c));
		}
	});
	req.on("close", close);
	res.on("close", close);
}
// src-main/core/sim/routes/calls.ts
/** `/v1/calls…` (agentphone-api.md §2.6): list with filters, detail, transcript, SSE, place, end. */
var ListQuery = z.object({
	status: z.enum([
		"ringing",
		"in-progress",
		"ending",
		"completed",
		"failed",
		"busy",
		"no-answer"
	]).optional(),
	direction: z.enum([
		"inbound",
		"outbound",
		"web"
	]).optional(),
	type: z.enum(["pstn", "web"]).optional(),
	search: z.string().max(100).optional()
});
var PlaceBody = z.object({
	agentId: z.string().min(1),
	toNumber: z.string().min(1).max(40),
	fromNumberId: z.string().nullable().optional(),
	initialGreeting: z.string().max(2e3).nullable().optional(),
	voice: z.string().nullable().optional(),
	systemPrompt: z.string().max(5e4).nullable().optional(),
	modelTier: z.enum([
		"turbo",
		"balanced",
		"max"
	]).optional(),
	variables: z.record(z.string(), z.string().nullable()).nullable().optional(),
	callScreeningIdentity: z.string().max(100).nullable().optional(),
	callScreeningPurpose: z.string().max(300).nullable().optional(),
	disableRecording: z.boolean().optional()
});
/** Fills `{{name}}` placeholders, as the real API does for prompts and greetings. */
function fill(text, vars) {
	if (!text || !vars) return text;
	return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name) => vars[name] ?? whole);
}
function callRoutes(r, rt) {
	r.get("/v1/calls", ({ account, query }) => {
		const f = parseWith(ListQuery, query, "query");
		const search = f.search?.replace(/\s/g, "");
		return page(newestFirst(account.calls.values(), (c) => c.startedAt).filter((c) => (!f.status || c.status === f.status) && (!f.direction || c.direction === f.direction) && f.type !== "web" && (!search || c.fromNumber.includes(search) || c.toNumber.includes(search))).map(callSummaryOut), offsetPaging(query));
	});
	r.post("/v1/calls", ({ account, body }) => {
		const b = parseWith(PlaceBody, body ?? {});
		const agent = account.agent(b.agentId);
		const toNumber = normalizePhone(b.toNumber);
		if (!isE164(toNumber)) throw new HttpError(422, [{
			loc: ["body", "toNumber"],
			msg: "toNumber must be a phone number in E.164 format",
			type: "value_error"
		}]);
		if (/^\+1?(911|[2-9]11)$/.test(toNumber)) throw new HttpError(403, "Calls to emergency and N11 numbers are not allowed");
		const own = account.numbersOf(agent.id);
		const number = b.fromNumberId ? own.find((n) => n.id === b.fromNumberId) : own[0];
		if (!number) throw new HttpError(400, b.fromNumberId ? "fromNumberId is not one of this agent's numbers" : "Agent has no phone number attached");
		const call = rt.calls.placeOutbound(account, {
			agent,
			number,
			toNumber,
			initialGreeting: fill(b.initialGreeting, b.variables),
			systemPrompt: fill(b.systemPrompt, b.variables)
		});
		return {
			id: call.id,
			agentId: call.agentId,
			phoneNumberId: call.phoneNumberId,
			fromNumber: call.fromNumber,
			toNumber: call.toNumber,
			direction: "outbound",
			status: call.status,
			startedAt: call.startedAt,
			retellCallId: null
		};
	});
	r.get("/v1/calls/:callId", ({ account, params }) => callDetailOut(account.call(params.callId)));
	r.get("/v1/calls/:callId/transcript", ({ account, params }) => {
		const call = account.call(params.callId);
		return {
			callId: call.id,
			status: call.status,
			transcript: call.turns.map((t) => ({
				role: t.role,
				content: t.content,
				createdAt: t.createdAt,
				...t.interim ? { interim: true } : {}
			})),
			data: transcriptPairs(call)
		};
	});
	r.get("/v1/calls/:callId/transcript/stream", ({ account, params, req, res }) => {
		streamTranscript(rt, account.call(params.callId), req, res);
		return HANDLED;
	});
	r.post("/v1/calls/:callId/end", ({ account, params }) => {
		const call = account.call(params.callId);
		if (call.status !== "in-progress" && call.status !== "ringing") throw new HttpError(409, `Call is not in progress (status: ${call.status})`);
		const snapshot = {
			...callDetailOut(call),
			status: "ending"
		};
		rt.calls.end(account, call, "api_end");
		return snapshot;
	});
}
// src-main/core/sim/routes/messages.ts
/**
* `POST /v1/messages` (snake_case in and out, agentphone-api.md §2.4) and `/v1/conversations…`
* (§2.5). Sending picks the sender by `from_number`, then `number_id`, then `agent_id`.
*/
var SendBody = z.object({
	body: z.string().max(1e4),
	to_number: z.string().min(1).nullable().optional(),
	recipients: z.array(z.string()).nullable().optional(),
	agent_id: z.string().nullable().optional(),
	number_id: z.string().nullable().optional(),
	from_number: z.string().nullable().optional(),
	media_url: z.string().nullable().optional(),
	media_urls: z.array(z.string()).min(1).max(20).nullable().optional(),
	send_style: z.string().optional(),
	reply_to_message_id: z.string().nullable().optional()
}).refine((b) => Boolean(b.to_number) !== Boolean(b.recipients), {
	message: "Provide exactly one of to_number or recipients",
	path: ["to_number"]
}).refine((b) => !(b.media_url && b.media_urls), {
	message: "media_url and media_urls are mutually exclusive",
	path: ["media_urls"]
});
function sender(account, b) {
	if (b.from_number) {
		const n = account.numberByPhone(normalizePhone(b.from_number));
		if (!n) throw new HttpError(404, "from_number is not one of your active numbers");
		return n;
	}
	if (b.number_id) {
		const n = account.number(b.number_id);
		if (n.status !== "active") throw new HttpError(400, "Phone number has been released");
		return n;
	}
	if (b.agent_id) {
		const n = account.numbersOf(account.agent(b.agent_id).id)[0];
		if (!n) throw new HttpError(400, "Agent has no phone number attached");
		return n;
	}
	throw new HttpError(400, "One of agent_id, number_id or from_number is required to pick the sending number");
}
function messageRoutes(r, rt) {
	r.post("/v1/messages", ({ account, body }) => {
		const b = parseWith(SendBody, body ?? {});
		if (b.recipients) throw new HttpError(400, "iMessage groups are not available in the simulator; send to one to_number");
		const number = sender(account, b);
		const to = normalizePhone(b.to_number ?? "");
		if (!isE164(to)) throw new HttpError(422, [{
			loc: ["body", "to_number"],
			msg: "to_number must be a phone number",
			type: "value_error"
		}]);
		if (!b.body && !b.media_url && !b.media_urls) throw new HttpError(400, "A message needs a body or media");
		const media = b.media_urls ?? (b.media_url ? [b.media_url] : []);
		const msg = rt.messaging.send(account, number, to, b.body, media);
		return {
			id: msg.id,
			status: "sent",
			channel: msg.channel,
			from_number: msg.from,
			to_number: msg.to,
			conversation_id: msg.conversationId,
			media_urls: msg.mediaUrls,
			reply_to_message_id: b.reply_to_message_id ?? null,
			reply_parent_unresolved: b.reply_to_message_id ? true : null
		};
	});
	r.get("/v1/conversations", ({ account, query }) => {
		return page(newestFirst(account.conversations.values(), (c) => c.lastMessageAt).map((c) => conversationOut(account, c)), offsetPaging(query));
	});
	r.get("/v1/conversations/:conversationId", ({ account, params, query }) => {
		const c = account.conversation(params.conversationId);
		const { message_limit } = parseWith(z.object({ message_limit: z.coerce.number().int().min(1).max(100).default(50) }), query, "query");
		const { lastMessagePreview: _preview, ...summary } = conversationOut(account, c);
		const messages = newestFirst(account.messagesOf(c.id), (m) => m.receivedAt).slice(0, message_limit);
		return {
			...summary,
			messages: messages.map(conversationMessageOut)
		};
	});
	r.patch("/v1/conversations/:conversationId", ({ account, params, body }) => {
		const c = account.conversation(params.conversationId);
		const b = parseWith(z.object({
			metadata: z.record(z.string(), z.unknown()).nullable().optional(),
			group_name: z.string().max(200).optional()
		}), body ?? {});
		if (b.group_name !== void 0) throw new HttpError(400, "group_name applies to iMessage groups only");
		if (b.metadata !== void 0) c.metadata = b.metadata;
		const { lastMessagePreview: _preview, ...summary } = conversationOut(account, c);
		const messages = newestFirst(account.messagesOf(c.id), (m) => m.receivedAt).slice(0, 50);
		return {
			...summary,
			messages: messages.map(conversationMessageOut)
		};
	});
	r.get("/v1/conversations/:conversationId/messages", ({ account, params, query }) => {
		const c = account.conversation(params.conversationId);
		const p = timePage(newestFirst(account.messagesOf(c.id), (m) => m.receivedAt), (m) => m.receivedAt, query);
		return {
			data: p.data.map(conversationMessageOut),
			hasMore: p.hasMore
		};
	});
}
// src-main/core/sim/routes/numbers.ts
/** `/v1/numbers…` (agentphone-api.md §2.3): buy within the number limit, release once, history kept. */
function numberRoutes(r, rt) {
	r.get("/v1/numbers", ({ account, query }) => {
		return page(newestFirst(account.activeNumbers(), (n) => n.createdAt).map(numberOut), offsetPaging(query));
	});
	r.post("/v1/numbers", ({ account, body }) => numberOut(buyNumber(rt, account, parseWith(BuyNumberBody, body ?? {}))));
	r.get("/v1/numbers/:numberId", ({ account, params }) => numberOut(account.number(params.numberId)));
	r.delete("/v1/numbers/:numberId", ({ account, params }) => {
		const number = account.number(params.numberId);
		if (number.status === "released") throw new HttpError(400, "Phone number has already been released");
		number.status = "released";
		number.agentId = null;
		return {
			success: true,
			phoneNumber: number.phoneNumber,
			status: number.status
		};
	});
	r.get("/v1/numbers/:numberId/messages", ({ account, params, query }) => {
		const number = account.number(params.numberId);
		const p = timePage(newestFirst(account.messages.filter((m) => m.numberId === number.id), (m) => m.receivedAt), (m) => m.receivedAt, query);
		return {
			data: p.data.map(numberMessageOut),
			hasMore: p.hasMore
		};
	});
	r.get("/v1/numbers/:numberId/calls", ({ account, params, query }) => {
		const number = account.number(params.numberId);
		return page(newestFirst([...account.calls.values()].filter((c) => c.phoneNumberId === number.id), (c) => c.startedAt).map(callSummaryOut), offsetPaging(query));
	});
}
// src-main/core/sim/routes/usage.ts
/** `/v1/usage…` (agentphone-api.md §2.1), counted from the account's own records. */
var DAY = 864e5;
function since(account, from) {
	return {
		messages: account.messages.filter((m) => Date.parse(m.receivedAt) >= from).length,
		calls: [...account.calls.values()].filter((c) => Date.parse(c.startedAt) >= from).length
	};
}
function inRange(items, at, from, to) {
	let n = 0;
	for (const t of items) {
		const ms = Date.parse(at(t));
		if (ms >= from && ms < to) n++;
	}
	return n;
}
function usageRoutes(r, rt) {
	r.get("/v1/usage", ({ account }) => {
		const now = rt.clock.now();
		const used = account.activeNumbers().length;
		const d1 = since(account, now - DAY);
		const d7 = since(account, now - 7 * DAY);
		const d30 = since(account, now - 30 * DAY);
		const start = new Date(now);
		const periodStart = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
		const periodEnd = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
		return {
			plan: { name: "payg" },
			numbers: {
				used,
				limit: rt.numberLimit,
				remaining: Math.max(0, rt.numberLimit - used)
			},
			stats: {
				totalMessages: account.messages.length,
				messagesLast24h: d1.messages,
				messagesLast7d: d7.messages,
				messagesLast30d: d30.messages,
				smsSegmentsLast30d: d30.messages,
				totalCalls: account.calls.size,
				callsLast24h: d1.calls,
				callsLast7d: d7.calls,
				callsLast30d: d30.calls,
				totalWebhookDeliveries: account.deliveries.length,
				successfulWebhookDeliveries: account.deliveries.filter((d) => d.status === "delivered").length,
				failedWebhookDeliveries: account.deliveries.filter((d) => d.status === "failed").length
			},
			periodStart: periodStart.toISOString(),
			periodEnd: periodEnd.toISOString()
		};
	});
	r.get("/v1/usage/daily", ({ account, query }) => {
		const { days } = parseWith(z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }), { days: query.days }, "query");
		const today = Math.floor(rt.clock.now() / DAY) * DAY;
		return {
			data: Array.from({ length: days }, (_, i) => {
				const from = today - (days - 1 - i) * DAY;
				return {
					date: new Date(from).toISOString().slice(0, 10),
					messages: inRange(account.messages, (m) => m.receivedAt, from, from + DAY),
					calls: inRange(account.calls.values(), (c) => c.startedAt, from, from + DAY),
					webhooks: inRange(account.deliveries, (d) => d.createdAt, from, from + DAY)
				};
			}),
			days
		};
	});
	r.get("/v1/usage/monthly", ({ account, query }) => {
		const { months } = parseWith(z.object({ months: z.coerce.number().int().min(1).max(24).default(6) }), { months: query.months }, "query");
		const now = new Date(rt.clock.now());
		return {
			data: Array.from({ length: months }, (_, i) => {
				const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - i), 1);
				const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 2 - i), 1);
				return {
					month: new Date(from).toISOString().slice(0, 7),
					messages: inRange(account.messages, (m) => m.receivedAt, from, to),
					calls: inRange(account.calls.values(), (c) => c.startedAt, from, to),
					webhooks: inRange(account.deliveries, (d) => d.createdAt, from, to)
				};
			}),
			months
		};
	});
	r.get("/v1/usage/by-number", ({ account }) => ({ data: [...account.numbers.values()].map((n) => ({
		numberId: n.id,
		phoneNumber: n.phoneNumber,
		country: n.country,
		status: n.status,
		agentId: n.agentId,
		agentName: n.agentId ? account.agents.get(n.agentId)?.name ?? null : null,
		messages: account.messages.filter((m) => m.numberId === n.id).length,
		calls: [...account.calls.values()].filter((c) => c.phoneNumberId === n.id).length
	})) }));
	r.get("/v1/usage/by-agent", ({ account, query }) => {
		const { period } = parseWith(z.object({
			period: z.enum([
				"week",
				"month",
				"year"
			]),
			tz: z.string().optional()
		}), query, "query");
		const now = rt.clock.now();
		const from = now - {
			week: 7,
			month: 30,
			year: 365
		}[period] * DAY;
		const calls = [...account.calls.values()].filter((c) => Date.parse(c.startedAt) >= from);
		const messages = account.messages.filter((m) => Date.parse(m.receivedAt) >= from);
		return {
			data: [.../* @__PURE__ */ new Set([
				...account.agents.keys(),
				...calls.map((c) => c.agentId),
				...messages.map((m) => m.agentId)
			])].map((id) => {
				const mine = calls.filter((c) => c.agentId === id);
				const seconds = mine.reduce((s, c) => s + (c.endedAt ? Math.round((Date.parse(c.endedAt) - Date.parse(c.startedAt)) / 1e3) : 0), 0);
				return {
					agentId: id,
					agentName: id ? account.agents.get(id)?.name ?? "Deleted agent" : "Unassigned",
					messages: messages.filter((m) => m.agentId === id).length,
					calls: mine.length,
					totalSeconds: seconds,
					isOrphan: id === null
				};
			}),
			period,
			periodStart: new Date(from).toISOString(),
			periodEnd: new Date(now).toISOString()
		};
	});
}
// src-main/core/sim/webhook-config.ts
/** Webhook configuration (project and per agent): the upsert body and the test delivery. */
var WebhookBody = z.object({
	url: z.string().min(1).max(2083).refine((u) => /^https?:\/\/[^\s]+$/i.test(u), "URL must be an http(s) URL"),
	contextLimit: z.number().int().min(0).max(50).nullable().optional(),
	timeout: z.number().int().min(5).max(120).nullable().optional()
});
/**
* Creates or replaces a webhook. A new secret every time, as the real API does. (The simulator
* accepts plain http so a local receiver works without a tunnel.)
*/
function upsertWebhook(ctx, previous, body) {
	return {
		id: previous?.id ?? newId("wh_"),
		url: body.url,
		secret: newSecret(),
		status: "active",
		contextLimit: body.contextLimit ?? 10,
		timeout: body.timeout ?? 30,
		createdAt: previous?.createdAt ?? isoNow(ctx.clock)
	};
}
/** A sample SMS-style `agent.message`, signed like a real one, marked as a test in its state. */
function testEnvelope(account, agentId, at) {
	const number = agentId ? account.numbersOf(agentId)[0] : account.activeNumbers()[0];
	return {
		event: "agent.message",
		channel: "sms",
		timestamp: at,
		agentId,
		data: {
			messageId: newId("msg_"),
			conversationId: null,
			numberId: number?.id ?? null,
			from: SANDBOX_CONTACT,
			to: number?.phoneNumber ?? "+15550100000",
			contact: null,
			message: "This is a test webhook delivery from AgentPhone.",
			mediaUrl: null,
			mediaUrls: [],
			direction: "inbound",
			receivedAt: at
		},
		conversationState: { testMode: true },
		recentHistory: []
	};
}
/** Sends the test delivery once and answers what the docs' test endpoint answers. */
async function sendTest(ctx, account, route, agentId) {
	const rec = await ctx.deliverer.once(account, route, testEnvelope(account, agentId, isoNow(ctx.clock)), {
		eventType: "agent.message",
		channel: "sms"
	});
	return {
		success: rec.status === "delivered",
		httpStatus: rec.httpStatus,
		errorMessage: rec.errorMessage
	};
}
// src-main/core/sim/routes/webhooks.ts
/**
* Webhook configuration, project level (`/v1/webhooks…`) and per agent (`/v1/agents/{id}/webhook…`),
* agentphone-api.md §2.7. The two delivery lists differ on purpose: the project list is
* `{items, total, offset, limit}`, the agent list a bare array.
*/
var noWebhook = () => new HttpError(404, "No webhook configured");
function recent(account, query, now, scope) {
	const { hours } = parseWith(z.object({ hours: z.coerce.number().int().min(1).max(168).optional() }), { hours: query.hours }, "query");
	const since = hours ? now - hours * 36e5 : -Infinity;
	return newestFirst(account.deliveries, (d) => d.createdAt).filter((d) => Date.parse(d.createdAt) >= since && (scope === void 0 || d.scope === scope));
}
function stats(list) {
	const count = (s) => list.filter((d) => d.status === s).length;
	const byEventType = {};
	const byHour = /* @__PURE__ */ new Map();
	for (const d of list) {
		const e = byEventType[d.eventType] ??= {};
		e[d.status] = (e[d.status] ?? 0) + 1;
		const hour = `${d.createdAt.slice(0, 13)}:00:00Z`;
		const h = byHour.get(hour) ?? {
			total: 0,
			success: 0,
			failed: 0
		};
		h.total = (h.total ?? 0) + 1;
		if (d.status === "delivered") h.success = (h.success ?? 0) + 1;
		if (d.status === "failed") h.failed = (h.failed ?? 0) + 1;
		byHour.set(hour, h);
	}
	const success = count("delivered");
	const failed = count("failed");
	return {
		total: list.length,
		success,
		failed,
		pending: count("pending"),
		successRate: list.length ? Math.round(success / list.length * 1e4) / 100 : 0,
		byEventType,
		byHour: [...byHour].map(([hour, v]) => ({
			hour,
			...v
		}))
	};
}
function webhookRoutes(r, rt) {
	r.get("/v1/webhooks", ({ account }) => account.projectWebhook ? webhookOut(account.projectWebhook) : null);
	r.post("/v1/webhooks", ({ account, body }) => {
		account.projectWebhook = upsertWebhook(rt, account.projectWebhook, parseWith(WebhookBody, body ?? {}));
		return webhookOut(account.projectWebhook);
	});
	r.delete("/v1/webhooks", ({ account }) => {
		if (!account.projectWebhook) throw noWebhook();
		account.projectWebhook = null;
		return { success: true };
	});
	r.post("/v1/webhooks/test", ({ account, query }) => {
		const webhook = account.projectWebhook;
		if (!webhook) throw noWebhook();
		const agentId = query.agentId ? account.agent(query.agentId).id : newestFirst(account.agents.values(), (a) => a.createdAt).at(-1)?.id ?? null;
		return sendTest(rt, account, {
			scope: null,
			webhook
		}, agentId);
	});
	r.get("/v1/webhooks/deliveries", ({ account, query }) => {
		const p = parseWith(z.object({
			limit: z.coerce.number().int().min(1).max(100).default(50),
			offset: z.coerce.number().int().min(0).default(0)
		}), {
			limit: query.limit,
			offset: query.offset
		}, "query");
		const list = recent(account, query, rt.clock.now());
		return {
			items: list.slice(p.offset, p.offset + p.limit).map(deliveryOut),
			total: list.length,
			offset: p.offset,
			limit: p.limit
		};
	});
	r.get("/v1/webhooks/deliveries/stats", ({ account, query }) => stats(recent(account, { hours: query.hours ?? "24" }, rt.clock.now())));
	r.get("/v1/webhooks/deliveries/all-time", ({ account }) => {
		const { total, success, failed, successRate } = stats(account.deliveries);
		return {
			total,
			success,
			failed,
			successRate
		};
	});
	r.get("/v1/agents/:agentId/webhook", ({ account, params }) => {
		const w = account.agentWebhooks.get(account.agent(params.agentId).id);
		return w ? webhookOut(w) : null;
	});
	r.post("/v1/agents/:agentId/webhook", ({ account, params, body }) => {
		const agent = account.agent(params.agentId);
		const w = upsertWebhook(rt, account.agentWebhooks.get(agent.id) ?? null, parseWith(WebhookBody, body ?? {}));
		account.agentWebhooks.set(agent.id, w);
		return webhookOut(w);
	});
	r.delete("/v1/agents/:agentId/webhook", ({ account, params }) => {
		const agent = account.agent(params.agentId);
		if (!account.agentWebhooks.delete(agent.id)) throw noWebhook();
		return { success: true };
	});
	r.post("/v1/agents/:agentId/webhook/test", ({ account, params }) => {
		const agent = account.agent(params.agentId);
		const webhook = account.agentWebhooks.get(agent.id);
		if (!webhook) throw noWebhook();
		return sendTest(rt, account, {
			scope: agent.id,
			webhook
		}, agent.id);
	});
	r.get("/v1/agents/:agentId/webhook/deliveries", ({ account, params, query }) => {
		const agent = account.agent(params.agentId);
		const { limit } = parseWith(z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }), { limit: query.limit }, "query");
		return recent(account, query, rt.clock.now(), agent.id).slice(0, limit).map(deliveryOut);
	});
}
// src-main/core/sim/routes/index.ts
function buildRouter(rt) {
	const r = new Router();
	usageRoutes(r, rt);
	agentRoutes(r, rt);
	numberRoutes(r, rt);
	callRoutes(r, rt);
	messageRoutes(r, rt);
	webhookRoutes(r, rt);
	return r;
}
// src-main/core/sim/sandbox-phone.ts
var SandboxPhone = class {
	rt;
	constructor(rt) {
		this.rt = rt;
	}
	account(apiKey) {
		const account = this.rt.accounts.get(apiKey);
		if (!account) throw new HttpError(401, "Unknown API key");
		return account;
	}
	ownNumber(account, to) {
		const phone = normalizePhone(to);
		const number = account.numberByPhone(phone);
		if (!number) throw new HttpError(404, `${phone} is not one of this account's active numbers`);
		return number;
	}
	/** Calls one of the account's numbers from the sandbox phone; the agent's beginMessage is heard. */
	dial(apiKey, p) {
		const account = this.account(apiKey);
		return { callId: this.rt.calls.startInbound(account, this.ownNumber(account, p.to), normalizePhone(p.from ?? "+15550199000")).id };
	}
	/** The caller speaks; resolves when the agent's turn is over (answered, silent, or timed out). */
	async say(apiKey, callId, text) {
		const account = this.account(apiKey);
		await this.rt.calls.say(account, account.call(callId), text);
	}
	/** The caller presses keys (DTMF). */
	async press(apiKey, callId, digits) {
		const account = this.account(apiKey);
		await this.rt.calls.press(account, account.call(callId), digits);
	}
	/** Picks up an outbound call that is ringing the sandbox phone. */
	answer(apiKey, callId) {
		const account = this.account(apiKey);
		this.rt.calls.answer(account.call(callId));
	}
	/** Refuses a ringing outbound call: it ends as `failed`. */
	decline(apiKey, callId) {
		const account = this.account(apiKey);
		this.rt.calls.decline(account, account.call(callId));
	}
	/** The caller hangs up: the call ends and `agent.call_ended` is delivered. */
	hangup(apiKey, callId) {
		const account = this.account(apiKey);
		const call = account.call(callId);
		if (call.status === "ringing") this.rt.calls.decline(account, call);
		else this.rt.calls.end(account, call, "user_hangup");
	}
	/** A text from the sandbox contact to one of the account's numbers (a signed agent.message/sms). */
	sms(apiKey, p) {
		const account = this.account(apiKey);
		return { messageId: this.rt.messaging.receive(account, this.ownNumber(account, p.to), normalizePhone(p.from ?? "+15550199000"), p.body).id };
	}
};
// src-main/core/sim/seed.ts
var MIN = 6e4;
function pastCall(rt, account, agent, number, agoMin, lines) {
	const start = rt.clock.now() - agoMin * MIN;
	const iso = (offsetSec) => new Date(start + offsetSec * 1e3).toISOString();
	const call = {
		id: newId("call_"),
		agentId: agent.id,
		phoneNumberId: number.id,
		phoneNumber: number.phoneNumber,
		fromNumber: `+1555019${String(1e3 + agoMin).slice(-4)}`,
		toNumber: number.phoneNumber,
		direction: "inbound",
		status: "completed",
		startedAt: iso(0),
		answeredAt: iso(0),
		endedAt: iso(lines.length * 6 + 4),
		disconnectionReason: "user_hangup",
		turns: lines.map(([role, content], i) => ({
			id: newId("turn_"),
			role,
			content,
			createdAt: iso(i * 6),
			...role === "user" ? { confidence: .93 } : {}
		})),
		hosted: agent.voiceMode === "hosted",
		systemPrompt: agent.systemPrompt,
		greeting: agent.beginMessage
	};
	account.calls.set(call.id, call);
}
function seedAccount(rt, account) {
	const support = createAgent(rt, account, {
		name: "Support Line",
		description: "Answers customer questions (webhook mode)."
	});
	const booking = createAgent(rt, account, {
		name: "Appointment Desk",
		description: "Books and moves appointments (hosted mode).",
		voiceMode: "hosted",
		systemPrompt: "You book appointments for a dental clinic. Be brief and friendly.",
		beginMessage: "Hi, this is the appointment desk. How can I help?"
	});
	const supportNumber = buyNumber(rt, account, {
		country: "US",
		agentId: support.id
	});
	const bookingNumber = buyNumber(rt, account, {
		country: "US",
		agentId: booking.id
	});
	pastCall(rt, account, support, supportNumber, 180, [
		["user", "Hi, my order has not arrived yet."],
		["agent", "Sorry about that. Can you give me the order number?"],
		["user", "It is 4 4 7 1."],
		["agent", "Thanks. It ships tomorrow morning."]
	]);
	pastCall(rt, account, booking, bookingNumber, 95, [
		["agent", "Hi, this is the appointment desk. How can I help?"],
		["user", "I need to move my cleaning to Friday."],
		["agent", "Done: Friday at 10 am. Anything else?"],
		["user", "No, goodbye."]
	]);
	pastCall(rt, account, support, supportNumber, 30, [["user", "Do you open on Sundays?"], ["agent", "We are open 10 to 4 on Sundays."]]);
	for (const [which, participant, direction, body, agoMin] of [
		[
			0,
			"+15550199101",
			"inbound",
			"Is my package coming today?",
			240
		],
		[
			0,
			"+15550199101",
			"outbound",
			"Yes, between 2 and 5 pm.",
			238
		],
		[
			1,
			"+15550199102",
			"inbound",
			"Can I book a checkup next week?",
			60
		],
		[
			1,
			"+15550199102",
			"outbound",
			"Sure: Tuesday 9 am or Thursday 3 pm?",
			58
		]
	]) {
		const number = which === 0 ? supportNumber : bookingNumber;
		rt.messaging.thread(account, {
			number,
			participant,
			direction,
			body,
			at: (/* @__PURE__ */ new Date(rt.clock.now() - agoMin * MIN)).toISOString()
		});
	}
}
// src-main/core/sim/simulator.ts
/**
* The offline AgentPhone: the REST API over real HTTP, signed webhook delivery with retries, voice
* turns read per the response contract, a hosted stand-in responder, and a sandbox phone. Plain
* Node (no Electron), so the core runs it in-process and `switchboard sim` runs it alone.
*/
var SANDBOX_AGENT_NAME = "Sandbox Agent";
var Simulator = class {
	options;
	/** The sandbox phone: play the caller and the SMS contact. */
	sandbox;
	rt;
	emitter = new SimEmitter();
	server = null;
	started = false;
	address = "";
	constructor(options) {
		this.options = options;
		if (options.apiKeys.length === 0) throw new Error("the simulator needs at least one API key");
		const logger = options.logger ?? silentLogger;
		const deliverer = new Deliverer({
			clock: options.clock,
			logger,
			retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
			...options.webhookTimeoutMs !== void 0 ? { timeoutMs: options.webhookTimeoutMs } : {}
		});
		const ctx = {
			clock: options.clock,
			logger,
			emitter: this.emitter,
			pool: new NumberPool(),
			deliverer,
			numberLimit: options.numberLimit ?? 10,
			sseHeartbeatMs: options.sseHeartbeatMs ?? 15e3,
			accounts: new Map(options.apiKeys.map((k) => [k, new Account(k)]))
		};
		this.rt = Object.assign(ctx, {
			calls: new CallEngine(ctx),
			messaging: new Messaging(ctx)
		});
		this.sandbox = new SandboxPhone(this.rt);
		for (const account of this.rt.accounts.values()) {
			if (options.seed) seedAccount(this.rt, account);
			if (options.webhookUrl) account.projectWebhook = upsertWebhook(this.rt, null, { url: options.webhookUrl });
		}
	}
	/** The base URL (`http://host:port`), once started. */
	get url() {
		return this.address;
	}
	/** Listens on `host:port` (port 0: any free port). A second start is refused. */
	async start() {
		if (this.started) throw new Error("simulator already started");
		this.started = true;
		const limiter = this.options.rateLimit ? new RateLimiter(this.options.clock, this.options.rateLimit.perMinute) : null;
		const door = {
			router: buildRouter(this.rt),
			accounts: this.rt.accounts,
			limiter,
			logger: this.rt.logger
		};
		const server = http.createServer((req, res) => handleRequest(door, req, res));
		this.server = server;
		const host = this.options.host ?? "127.0.0.1";
		await new Promise((resolve, reject) => {
			server.once("error", reject);
			server.listen(this.options.port ?? 0, host, () => {
				server.off("error", reject);
				resolve();
			});
		});
		const { port } = server.address();
		this.address = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
		this.rt.logger.info("simulator listening", { url: this.address });
		return { url: this.address };
	}
	/** Releases the port, every open stream, every pending retry and every request in flight. */
	async stop() {
		this.rt.deliverer.stop();
		this.rt.calls.stop();
		const server = this.server;
		this.server = null;
		if (!server) return;
		await new Promise((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}
	/** Subscribes to `heard`, `ring`, `sms` or `call`; returns the unsubscribe. */
	on(name, listener) {
		return this.emitter.on(name, listener);
	}
	off(name, listener) {
		this.emitter.off(name, listener);
	}
	/**
	* The sandbox's ready agent ("Sandbox Agent", webhook voice mode) and its number, created on
	* first use. Answers the API's own wire shapes.
	*/
	ensureSandboxAccount(apiKey) {
		const account = this.rt.accounts.get(apiKey);
		if (!account) throw new Error("unknown API key");
		let agent = [...account.agents.values()].find((a) => a.name === SANDBOX_AGENT_NAME);
		agent ??= createAgent(this.rt, account, {
			name: SANDBOX_AGENT_NAME,
			description: "Ready-made agent for trying calls and texts.",
			voiceMode: "webhook"
		});
		const number = account.numbersOf(agent.id)[0] ?? buyNumber({
			...this.rt,
			numberLimit: Infinity
		}, account, {
			country: "US",
			agentId: agent.id
		});
		return {
			agent: {
				...agentOut(account, agent),
				id: agent.id,
				name: agent.name,
				voiceMode: agent.voiceMode,
				beginMessage: agent.beginMessage
			},
			number: {
				...numberOut(number),
				id: number.id,
				phoneNumber: number.phoneNumber,
				status: number.status
			}
		};
	}
	/** The account's project webhook (with its secret), e.g. to verify deliveries in-process. */
	projectWebhook(apiKey) {
		return this.rt.accounts.get(apiKey)?.projectWebhook ?? null;
	}
};
// src-main/core/turns/turn-line.ts
/** The wire form of a person's reply; `by` is ours and never leaves the app. */
function replyToWireLine(params) {
	const line = {};
	if (params.text !== void 0) line.text = params.text;
	if (params.interim === true) line.interim = true;
	if (params.digits !== void 0) line.digits = params.digits;
	if (params.hangup !== void 0) line.hangup = params.hangup;
	if (params.action !== void 0) line.action = params.action;
	return line;
}
/** HH:MM:SS in local time: what a person compares with the clock on their wall. */
function wallTime(ms) {
	return new Date(ms).toTimeString().slice(0, 8);
}
// src-main/core/turns/turn-broker.ts
/**
* Holds each voice webhook's HTTP response open while a person decides what the agent says.
* The response streams NDJSON (agentphone-api.md §4.1): an optional interim filler at once, then
* whatever the person sends, and the fallback line if nobody answers before the deadline.
*/
var TurnBroker = class {
	clock;
	config;
	emit;
	closedMemory;
	live = /* @__PURE__ */ new Map();
	/** Recently closed turns, oldest first, so a late reply can say what happened instead. */
	closed = /* @__PURE__ */ new Map();
	shuttingDown = false;
	constructor(options) {
		this.clock = options.clock;
		this.config = options.config;
		this.emit = options.onEvent;
		this.closedMemory = options.closedMemory ?? 1e3;
	}
	/** Answers `res` with 200 NDJSON at once and keeps it open until a reply, the deadline or a hang-up. */
	open(request, res, hooks = {}) {
		if (this.live.has(request.turnId) || this.closed.has(request.turnId)) throw new CoreError("internal", `turn ${request.turnId} was already opened`);
		const config = this.config();
		const now = this.clock.now();
		const turn = {
			...request,
			deadlineMs: now + config.turnTimeoutMs - config.deadlineMarginMs,
			claimedBy: null,
			res,
			hooks,
			timer: void 0
		};
		const crowded = this.live.size >= config.maxOpenTurns;
		res.writeHead(200, {
			"Content-Type": "application/x-ndjson",
			"Cache-Control": "no-store"
		});
		this.live.set(turn.turnId, turn);
		res.on("close", () => this.cancel(turn));
		this.emit({
			event: "turn.opened",
			data: {
				turnId: turn.turnId,
				callId: turn.callId,
				transcript: turn.transcript,
				deadline: new Date(turn.deadlineMs).toISOString()
			}
		});
		if (res.destroyed || res.socket?.destroyed) return this.cancel(turn);
		if (hooks.fallbackOnly || crowded || this.shuttingDown) {
			this.write(turn, { text: config.fallbackText }, "fallback");
			return;
		}
		if (config.fillerEnabled) this.write(turn, {
			text: config.fillerText,
			interim: true
		}, "filler");
		else res.flushHeaders();
		if (this.live.has(turn.turnId)) turn.timer = this.clock.after(Math.max(0, turn.deadlineMs - now), () => this.fallback(turn.turnId));
	}
	/** Writes a person's line. A non-interim line ends the turn; refused if the turn is gone or claimed by someone else. */
	reply(turnId, params) {
		const turn = this.mustBeLive(turnId);
		if (turn.claimedBy !== null && params.by !== turn.claimedBy) throw new CoreError("turn_claimed", `${turn.claimedBy} is answering this turn — your text was not sent`);
		if (!this.write(turn, replyToWireLine(params), "human")) throw new CoreError("turn_closed", "This turn already closed (the call dropped it) — your text was not sent");
	}
	/** Marks a turn as taken by `by`, so a teammate's reply is refused. Claiming it again as the same person is fine. */
	claim(turnId, by) {
		const turn = this.mustBeLive(turnId);
		if (turn.claimedBy !== null && turn.claimedBy !== by) throw new CoreError("turn_claimed", `${turn.claimedBy} already claimed this turn`);
		if (turn.claimedBy === null) {
			turn.claimedBy = by;
			this.emit({
				event: "turn.claimed",
				data: {
					turnId,
					callId: turn.callId,
					by
				}
			});
		}
		return toOpenTurn(turn);
	}
	/** Every turn still waiting for an answer, oldest first. */
	list() {
		return [...this.live.values()].map(toOpenTurn);
	}
	/** Shutdown: every open turn gets the fallback now (better than silence), and so does any later one. */
	closeAll() {
		this.shuttingDown = true;
		for (const turnId of [...this.live.keys()]) this.fallback(turnId);
	}
	fallback(turnId) {
		const turn = this.live.get(turnId);
		if (turn) this.write(turn, { text: this.config().fallbackText }, "fallback");
	}
	mustBeLive(turnId) {
		const turn = this.live.get(turnId);
		if (turn) return turn;
		const closed = this.closed.get(turnId);
		if (closed) throw new CoreError("turn_closed", `This turn already closed (${closed.outcome} at ${wallTime(closed.atMs)}) — your text was not sent`);
		throw new CoreError("not_found", `No turn ${turnId}`);
	}
	/** False (and the turn closed as cancelled) if the response is already gone. */
	write(turn, line, source) {
		if (turn.res.destroyed || turn.res.writableEnded) {
			this.cancel(turn);
			return false;
		}
		const json = JSON.stringify(line);
		const atMs = this.clock.now();
		const final = line.interim !== true;
		if (final) this.forget(turn, source === "fallback" ? "fallback" : "replied", atMs);
		if (final) turn.res.end(`${json}\n`);
		else turn.res.write(`${json}\n`);
		turn.hooks.onLine?.(json, atMs);
		this.emit({
			event: "transcript.turn",
			data: {
				callId: turn.callId,
				speaker: "agent",
				text: line.text ?? "",
				interim: !final,
				at: new Date(atMs).toISOString(),
				source,
				...line.digits !== void 0 ? { digits: line.digits } : {}
			}
		});
		if (final) this.announceClose(turn, source === "fallback" ? "fallback" : "replied", atMs);
		return true;
	}
	/** The request or its socket closed before we ended the response: AgentPhone gave up or hung up. */
	cancel(turn) {
		if (this.live.get(turn.turnId) !== turn) return;
		const atMs = this.clock.now();
		this.forget(turn, "cancelled", atMs);
		this.announceClose(turn, "cancelled", atMs);
	}
	forget(turn, outcome, atMs) {
		turn.timer?.cancel();
		this.live.delete(turn.turnId);
		this.closed.set(turn.turnId, {
			outcome,
			atMs
		});
		if (this.closed.size > this.closedMemory) {
			const oldest = this.closed.keys().next();
			if (!oldest.done) this.closed.delete(oldest.value);
		}
	}
	announceClose(turn, outcome, atMs) {
		turn.hooks.onClose?.(outcome, atMs);
		this.emit({
			event: "turn.closed",
			data: {
				turnId: turn.turnId,
				callId: turn.callId,
				outcome
			}
		});
	}
};
function toOpenTurn(turn) {
	return {
		turnId: turn.turnId,
		callId: turn.callId,
		transcript: turn.transcript,
		deadline: new Date(turn.deadlineMs).toISOString(),
		claimedBy: turn.claimedBy
	};
}
/** Open voice turns past this many get the fallback at once, so a flood cannot exhaust sockets. */
var MAX_OPEN_TURNS = 500;
/**
* The core, wired: journal, call board, turn broker, receiver, API client and — in sandbox mode —
* the simulator. The only implementation of the bridge contract; both shells wrap this class.
*/
var Session = class Session {
	options;
	listeners = /* @__PURE__ */ new Set();
	followers = /* @__PURE__ */ new Map();
	handlers = {};
	ctx;
	stopped = false;
	constructor(options) {
		this.options = options;
	}
	static async start(options) {
		const session = new Session(options);
		await session.boot();
		return session;
	}
	status() {
		return this.ctx.status();
	}
	invoke(method, params) {
		if (this.stopped) return Promise.resolve({
			ok: false,
			error: {
				code: "not_available",
				message: "Switchboard is shutting down."
			}
		});
		return dispatch$1(this.handlers, method, params, this.ctx.logger, (err) => toCoreError(err));
	}
	onEvent(listener) {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	async stop() {
		if (this.stopped) return;
		this.stopped = true;
		for (const f of this.followers.values()) f.stop();
		this.ctx.gaps?.stop();
		this.ctx.broker.closeAll();
		await this.ctx.receiver.stop();
		await this.ctx.sandbox?.sim.stop();
		await this.ctx.journal.close();
	}
	emit = (event) => {
		for (const listener of this.listeners) try {
			listener(event);
		} catch (err) {
			this.ctx.logger.error("event listener failed", {
				event: event.event,
				error: String(err)
			});
		}
	};
	async boot() {
		const o = this.options;
		const clock = o.clock ?? systemClock;
		const logger = o.logger ?? silentLogger;
		const store = o.settings ?? memoryStore();
		const secrets = o.secrets ?? memorySecrets();
		const startedAt = new Date(clock.now()).toISOString();
		const nowIso = () => new Date(clock.now()).toISOString();
		const settings = () => readSettings(store);
		const journal = await Journal.open({
			dir: path.join(o.dataDir, "journal"),
			clock
		});
		const board = new CallBoard(this.emit);
		const deliveries = new DeliveryLog();
		const ring = new SecretRing(clock);
		const broker = new TurnBroker({
			clock,
			config: () => {
				const s = settings();
				return {
					fillerEnabled: s.fillerEnabled,
					fillerText: s.fillerText,
					fallbackText: s.fallbackText,
					turnTimeoutMs: s.webhookTimeoutSeconds * 1e3,
					deadlineMarginMs: s.deadlineMarginSeconds * 1e3,
					maxOpenTurns: MAX_OPEN_TURNS
				};
			},
			onEvent: (event) => wireBrokerEvents(event, {
				board,
				journal,
				emit: this.emit
			})
		});
		let directory;
		let gaps = null;
		const receiver = createReceiver({
			host: o.receiver?.host ?? "127.0.0.1",
			port: o.receiver?.port ?? 0,
			clock,
			secrets: () => ring.accepted(),
			journal,
			broker,
			isFallbackOnly: (callId) => board.get(callId)?.answeredBy === "fallback",
			onAccepted: (event) => {
				const envelope = event.payload;
				if (!event.replayed) gaps?.noteDelivery(typeof envelope.data?.messageId === "string" ? envelope.data.messageId : void 0);
				applyWebhook(envelope, {
					board,
					directory,
					emit: this.emit,
					now: nowIso
				});
			},
			onDelivery: (delivery) => {
				deliveries.record(delivery);
				this.emit({
					event: "webhook.delivery",
					data: delivery
				});
			}
		});
		const { api, sandbox, baseUrl } = await this.connectApi(clock, logger, secrets, ring);
		directory = new AgentDirectory(() => api.agents.listAll());
		if (o.mode === "live") gaps = new GapFinder({
			api,
			board,
			store,
			clock,
			logger,
			emit: this.emit
		});
		await this.replayJournal(journal, board, directory, nowIso);
		await receiver.start();
		this.ctx = {
			mode: o.mode,
			clock,
			logger,
			board,
			broker,
			receiver,
			api,
			journal,
			directory,
			deliveries,
			sandbox,
			store,
			secrets,
			ring,
			gaps,
			...o.ngrokApiUrl ? { ngrokApiUrl: o.ngrokApiUrl } : {},
			...o.connectTimeoutMs ? { connectTimeoutMs: o.connectTimeoutMs } : {},
			emit: this.emit,
			settings,
			updateSettings: (patch) => writeSettings(store, patch),
			nowIso,
			status: () => ({
				mode: o.mode,
				version: o.version ?? "0.0.0",
				receiverUrl: receiver.url,
				simulatorUrl: sandbox ? sandbox.sim.url : null,
				baseUrl,
				sandbox: sandbox ? {
					agent: sandbox.agent,
					number: sandbox.number
				} : null,
				turnTimeoutSeconds: settings().webhookTimeoutSeconds,
				startedAt,
				hasApiKey: Boolean(secrets.get("apiKey")),
				tunnelUrl: store.get("tunnelUrl") ?? null,
				notice: null
			})
		};
		const track = (callId, hosted) => this.track(callId, hosted);
		this.handlers = {
			...appHandlers(this.ctx),
			...callHandlers(this.ctx, track),
			...sandboxHandlers(this.ctx, track),
			...directoryHandlers(this.ctx),
			...messagingHandlers(this.ctx),
			...webhookHandlers(this.ctx),
			...webhookConnectHandlers(this.ctx)
		};
		if (sandbox) {
			const webhook = await api.webhooks.set({
				url: receiver.url,
				timeout: settings().webhookTimeoutSeconds,
				contextLimit: 10
			});
			ring.rotate(webhook.secret);
			wireSandboxEvents(sandbox.sim, {
				board,
				directory,
				emit: this.emit,
				nowIso
			});
			await directory.refresh();
			for (const call of board.list(true)) board.end(call.id, nowIso(), "failed");
		} else {
			directory.refresh().catch((err) => logger.warn("could not load agents", { error: String(err) }));
			if (store.get("ourWebhook")) gaps?.start();
		}
	}
	async connectApi(clock, logger, secrets, ring) {
		const o = this.options;
		if (o.mode === "live") {
			const apiKey = secrets.get("apiKey");
			if (!apiKey) throw new Error("Live mode needs an API key (AGENTPHONE_API_KEY).");
			const baseUrl = o.live?.baseUrl ?? "https://api.agentphone.to";
			ring.rotate(secrets.get("webhookSecret") ?? null);
			return {
				api: new AgentPhoneClient({
					baseUrl,
					apiKey,
					logger
				}),
				sandbox: null,
				baseUrl
			};
		}
		const apiKey = `sk_sandbox_${randomBytes(12).toString("hex")}`;
		const sim = new Simulator({
			clock,
			logger,
			host: "127.0.0.1",
			port: o.simulator?.port ?? 0,
			apiKeys: [apiKey]
		});
		await sim.start();
		const account = await sim.ensureSandboxAccount(apiKey);
		const sandbox = {
			sim,
			apiKey,
			agent: {
				id: account.agent.id,
				name: account.agent.name,
				voiceMode: account.agent.voiceMode
			},
			number: {
				id: account.number.id,
				phoneNumber: account.number.phoneNumber
			}
		};
		return {
			api: new AgentPhoneClient({
				baseUrl: sim.url,
				apiKey,
				logger
			}),
			sandbox,
			baseUrl: null
		};
	}
	/** Rebuilds the board from the journal so live calls and recent events reappear after a restart. */
	async replayJournal(journal, board, directory, nowIso) {
		const deps = {
			board,
			directory,
			emit: this.emit,
			now: nowIso
		};
		await journal.replay((record) => {
			const data = record.data;
			if (record.kind === "webhook") applyWebhook(data.payload, deps);
			else if (record.kind === "line") board.addLine(data);
			else if (record.kind === "call" && !board.get(String(data.id))) board.upsert({ id: String(data.id) }, data);
		});
	}
	/** Hosted-mode calls have no webhook turns: their transcript comes from the API's SSE stream. */
	track(callId, hosted) {
		const call = this.ctx.board.get(callId);
		if (call) this.ctx.journal.append("call", call).catch(() => void 0);
		if (!hosted || this.followers.has(callId)) return;
		const handle = followTranscript(this.ctx.api, callId, {
			onTurn: (turn) => this.ctx.board.addLine({
				callId,
				speaker: turn.speaker,
				text: turn.text,
				at: turn.at,
				source: turn.speaker === "agent" ? "hosted" : "caller"
			}),
			onEnded: () => {
				this.followers.delete(callId);
				const live = this.ctx.board.get(callId);
				if (live && isLive(live)) this.ctx.board.end(callId, this.ctx.nowIso());
			}
		});
		this.followers.set(callId, handle);
	}
};
function startSession(options) {
	return Session.start(options);
}
// src-main/core/session-host.ts
/**
* What both shells hold: the current Session, and the two commands that need a new one (switching
* mode, changing where the receiver listens). Events of whichever session is current reach the same
* listeners, so a renderer never re-subscribes.
*/
var SessionHost = class SessionHost {
	base;
	listeners = /* @__PURE__ */ new Set();
	current;
	unsubscribe = () => {};
	notice = null;
	constructor(base) {
		this.base = base;
	}
	/** Starts in `options.mode` when given, else the mode chosen last time; live without a key falls back to sandbox. */
	static async start(options) {
		const settings = options.settings ?? memoryStore();
		const secrets = options.secrets ?? memorySecrets();
		const mode = options.mode ?? settings.get("mode") ?? "sandbox";
		const host = new SessionHost({
			...options,
			settings,
			secrets,
			mode
		});
		await host.restart(mode);
		return host;
	}
	status() {
		return {
			...this.current.status(),
			notice: this.notice
		};
	}
	async invoke(method, params) {
		if (method === "app.configure" || method === "app.switchMode") {
			const parsed = commandParams[method].safeParse(params ?? {});
			if (!parsed.success) return {
				ok: false,
				error: {
					code: "invalid_params",
					message: parsed.error.issues[0]?.message ?? "invalid params"
				}
			};
			try {
				if (method === "app.configure") await this.configure(parsed.data);
				else await this.switchMode(parsed.data.mode);
				const status = this.status();
				this.emit({
					event: "app.status",
					data: status
				});
				return {
					ok: true,
					value: status
				};
			} catch (err) {
				return {
					ok: false,
					error: {
						code: "not_available",
						message: err instanceof Error ? err.message : String(err)
					}
				};
			}
		}
		if (method === "app.status") return {
			ok: true,
			value: this.status()
		};
		return this.current.invoke(method, params);
	}
	onEvent(listener) {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	async stop() {
		this.unsubscribe();
		await this.current.stop();
	}
	emit(event) {
		for (const listener of this.listeners) listener(event);
	}
	async configure(p) {
		const { settings, secrets } = this.base;
		if (p.apiKey !== void 0) secrets.set("apiKey", p.apiKey ?? void 0);
		if (p.baseUrl !== void 0) settings.set(BASE_URL_KEY, p.baseUrl);
		if (p.tunnelUrl !== void 0) settings.set(TUNNEL_URL_KEY, p.tunnelUrl);
		const portChanged = p.receiverPort !== void 0 && p.receiverPort !== settings.get("receiverPort");
		if (p.receiverPort !== void 0) settings.set(RECEIVER_PORT_KEY, p.receiverPort);
		const liveChanged = this.current.status().mode === "live" && (p.apiKey !== void 0 || p.baseUrl !== void 0);
		if (portChanged || liveChanged) await this.restart(this.current.status().mode);
	}
	async switchMode(mode) {
		if (mode === "live" && !this.base.secrets.get("apiKey")) throw new Error("Live mode needs an AgentPhone API key: save one in Settings first.");
		this.base.settings.set(MODE_KEY, mode);
		await this.restart(mode);
	}
	/** Stops the current session (if any) before starting the next: they share the journal and ports. */
	async restart(mode) {
		const { settings, secrets } = this.base;
		if (this.current) {
			this.unsubscribe();
			await this.current.stop();
		}
		const options = {
			...this.base,
			mode,
			receiver: {
				...this.base.receiver,
				port: this.base.receiver?.port ?? settings.get("receiverPort") ?? 0
			},
			live: { baseUrl: settings.get("baseUrl") ?? this.base.live?.baseUrl ?? "https://api.agentphone.to" }
		};
		this.notice = null;
		if (mode === "live" && !secrets.get("apiKey")) {
			this.notice = "Live mode needs an API key; Switchboard started in sandbox mode instead.";
			options.mode = "sandbox";
		}
		try {
			this.current = await startSession(options);
		} catch (err) {
			if (options.mode === "sandbox") throw err;
			this.notice = `Live mode could not start (${err instanceof Error ? err.message : String(err)}); running in sandbox mode.`;
			this.current = await startSession({
				...options,
				mode: "sandbox"
			});
		}
		this.unsubscribe = this.current.onEvent((event) => this.emit(event));
	}
};
function startSessionHost(options) {
	return SessionHost.start(options);
}
// src-main/server/cli-args.ts
/**
* Argument parsing for `switchboard serve | sim`, kept apart from the commands so it can be tested
* without starting anything. Bad input throws a UsageError, which the CLI turns into exit code 2.
*/
var USAGE = `usage:
  switchboard serve [--host H] [--port P] [--receiver-port R] [--data-dir D] [--base-url URL]
      Runs Switchboard headless: the UI and its WebSocket bridge on http://H:P.
      Live mode when AGENTPHONE_API_KEY is set, otherwise sandbox (built-in simulator).
  switchboard sim [--host H] [--port P] [--api-key K] [--webhook-url U] [--seed]
      Runs only the AgentPhone simulator, e.g. against your own webhook server.

  Ports default to 0 (any free port); hosts to 127.0.0.1. Prints one JSON line when ready.`;
/** A command line that cannot be run; its message says why. */
var UsageError = class extends Error {
	constructor(message) {
		super(message);
		this.name = "UsageError";
	}
};
function parsePort(flag, value) {
	if (value === void 0) return void 0;
	if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--${flag} must be a port number from 0 to 65535, got "${value}"`);
	return Number(value);
}
function parseHttpUrl(flag, value) {
	if (value === void 0) return void 0;
	let url;
	try {
		url = new URL(value);
	} catch {
		throw new UsageError(`--${flag} must be a URL, got "${value}"`);
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--${flag} must be an http(s) URL`);
	return value.replace(/\/+$/, "");
}
function nonEmpty(flag, value) {
	if (value !== void 0 && value.trim() === "") throw new UsageError(`--${flag} must not be empty`);
	return value;
}
function parse(args, options) {
	try {
		return parseArgs({
			args,
			options: {
				...options,
				help: {
					type: "boolean",
					short: "h"
				}
			},
			strict: true,
			allowPositionals: false
		}).values;
	} catch (error) {
		throw new UsageError(error.message);
	}
}
/** Parses `argv` (without node and the script), e.g. `['serve', '--port', '8080']`. */
function parseCliArgs(argv) {
	const [command, ...rest] = argv;
	if (command === void 0 || command === "help" || command === "--help" || command === "-h") return { command: "help" };
	if (command === "serve") {
		const v = parse(rest, {
			host: { type: "string" },
			port: { type: "string" },
			"receiver-port": { type: "string" },
			"data-dir": { type: "string" },
			"base-url": { type: "string" }
		});
		if (v.help) return { command: "help" };
		return {
			command: "serve",
			host: nonEmpty("host", v.host) ?? "127.0.0.1",
			port: parsePort("port", v.port) ?? 0,
			receiverPort: parsePort("receiver-port", v["receiver-port"]),
			dataDir: nonEmpty("data-dir", v["data-dir"]),
			baseUrl: parseHttpUrl("base-url", v["base-url"]) ?? "https://api.agentphone.to"
		};
	}
	if (command === "sim") {
		const v = parse(rest, {
			host: { type: "string" },
			port: { type: "string" },
			"api-key": { type: "string" },
			"webhook-url": { type: "string" },
			seed: { type: "boolean" }
		});
		if (v.help) return { command: "help" };
		return {
			command: "sim",
			host: nonEmpty("host", v.host) ?? "127.0.0.1",
			port: parsePort("port", v.port) ?? 0,
			apiKey: nonEmpty("api-key", v["api-key"]),
			webhookUrl: parseHttpUrl("webhook-url", v["webhook-url"]),
			seed: v.seed === true
		};
	}
	throw new UsageError(`unknown command "${command}" (expected serve or sim)`);
}
// src-main/server/data-dir.ts
/**
* Where the headless shell keeps its settings, secrets file and journal when no --data-dir is
* given: `$SWITCHBOARD_DATA_DIR`, else the platform's usual place for an app's own data.
*/
/** Resolves the default data folder. Pure: the environment and platform are passed in. */
function defaultDataDir(env = process.env, platform = process.platform, home = homedir()) {
	const override = env.SWITCHBOARD_DATA_DIR;
	if (override && override.trim() !== "") return override;
	if (platform === "win32") return join(env.APPDATA ?? join(home, "AppData", "Roaming"), "Switchboard");
	if (platform === "darwin") return join(home, "Library", "Application Support", "Switchboard");
	const xdg = env.XDG_DATA_HOME;
	return join(xdg && xdg.startsWith("/") ? xdg : join(home, ".local", "share"), "switchboard");
}
// src-main/core/event-batcher.ts
/**
* Creates a batcher. Events are never dropped or reordered while it runs; consecutive flushes are
* at least `1000 / maxFlushesPerSecond` ms apart, so a sink sees at most about that many a second.
*/
function createEventBatcher(options) {
	const clock = options.clock ?? systemClock;
	const logger = options.logger ?? silentLogger;
	const rate = options.maxFlushesPerSecond ?? 60;
	if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError("maxFlushesPerSecond must be a positive number");
	const intervalMs = Math.ceil(1e3 / rate);
	let queue = [];
	let timer = null;
	let lastFlushAt = Number.NEGATIVE_INFINITY;
	let stopped = false;
	const flushNow = () => {
		if (timer) {
			timer.cancel();
			timer = null;
		}
		if (queue.length === 0) return;
		const batch = queue;
		queue = [];
		lastFlushAt = clock.now();
		try {
			options.flush(batch);
		} catch (error) {
			logger.error("event batch could not be delivered", {
				error: String(error),
				size: batch.length
			});
		}
	};
	const schedule = () => {
		if (timer || stopped) return;
		const delay = Math.max(0, lastFlushAt + intervalMs - clock.now());
		timer = clock.after(delay, () => {
			timer = null;
			flushNow();
		});
	};
	return {
		push(event) {
			if (stopped) return;
			queue.push(event);
			schedule();
		},
		flushNow,
		stop() {
			if (stopped) return;
			flushNow();
			stopped = true;
		}
	};
}
// src-main/server/bridge-protocol.ts
/** True for `{...}` literals (and objects without a prototype), false for arrays, class instances, null. */
function isPlainObject(value) {
	if (typeof value !== "object" || value === null) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}
/** Serialises the answer to call `id` (null when the message had no usable id). */
function formatAnswer(id, result) {
	return result.ok ? JSON.stringify({
		id,
		result: result.value ?? null
	}) : JSON.stringify({
		id,
		error: result.error
	});
}
/** Serialises one pushed event. */
function formatEvent(event) {
	return JSON.stringify({
		event: event.event,
		data: event.data
	});
}
function refuse(id, error) {
	return {
		ok: false,
		answer: formatAnswer(id, {
			ok: false,
			error
		})
	};
}
/** Parses one text message from a client. */
function parseMessage(text) {
	let message;
	try {
		message = JSON.parse(text);
	} catch {
		return refuse(null, {
			code: "invalid_params",
			message: "the message is not valid JSON"
		});
	}
	if (!isPlainObject(message)) return refuse(null, {
		code: "invalid_params",
		message: "a message must be a JSON object"
	});
	const { id, method, params } = message;
	if (typeof id !== "number" || !Number.isFinite(id)) return refuse(null, {
		code: "invalid_params",
		message: "a call needs a numeric \"id\""
	});
	if (!isCommandName(method)) return refuse(id, {
		code: "unknown_method",
		message: `unknown method: ${typeof method === "string" ? method.slice(0, 100) : String(typeof method)}`
	});
	if (params === void 0) return {
		ok: true,
		call: {
			id,
			method,
			params: {}
		}
	};
	if (!isPlainObject(params)) return refuse(id, {
		code: "invalid_params",
		message: "\"params\" must be a JSON object"
	});
	return {
		ok: true,
		call: {
			id,
			method,
			params
		}
	};
}
// src-main/server/bridge-connection.ts
/** Close code sent to a client that fell too far behind on its messages. */
var CLOSE_SLOW_CONSUMER = 4001;
/** Close code sent to a client that keeps too many calls open at once. */
var CLOSE_TOO_MANY_CALLS = 4002;
var OPEN = 1;
/** Wires one accepted socket to the session; everything it holds is released when it closes. */
function attachBridgeConnection(options) {
	const { socket, session, logger } = options;
	let inFlight = 0;
	let closing = false;
	const closeWith = (code, reason) => {
		if (closing) return;
		closing = true;
		logger.warn("closing bridge client", {
			code,
			reason
		});
		socket.close(code, reason);
		options.clock.after(2e3, () => socket.terminate());
	};
	const send = (text) => {
		if (closing || socket.readyState !== OPEN) return;
		if (socket.bufferedAmount > options.maxBufferedBytes) {
			closeWith(CLOSE_SLOW_CONSUMER, "client too slow: send buffer limit exceeded");
			return;
		}
		socket.send(text);
	};
	const batcher = createEventBatcher({
		clock: options.clock,
		logger,
		maxFlushesPerSecond: options.maxFlushesPerSecond,
		flush: (batch) => {
			for (const event of batch) send(formatEvent(event));
		}
	});
	const unsubscribe = session.onEvent((event) => batcher.push(event));
	const run = async (text) => {
		const parsed = parseMessage(text);
		if (!parsed.ok) return send(parsed.answer);
		const { id, method, params } = parsed.call;
		inFlight += 1;
		if (inFlight > options.maxCallsInFlight) {
			closeWith(CLOSE_TOO_MANY_CALLS, "too many calls in flight");
			return;
		}
		let result;
		try {
			result = await session.invoke(method, params);
		} catch (error) {
			logger.error("session.invoke threw", {
				method,
				error: String(error)
			});
			result = {
				ok: false,
				error: {
					code: "internal",
					message: "internal error"
				}
			};
		} finally {
			inFlight -= 1;
		}
		send(formatAnswer(id, result));
	};
	socket.on("message", (data, isBinary) => {
		if (isBinary) {
			send(formatAnswer(null, {
				ok: false,
				error: {
					code: "invalid_params",
					message: "binary messages are not accepted"
				}
			}));
			return;
		}
		const text = Buffer.isBuffer(data) ? data.toString("utf8") : Array.isArray(data) ? Buffer.concat(data).toString("utf8") : Buffer.from(data).toString("utf8");
		run(text);
	});
	socket.on("error", (error) => logger.warn("bridge socket error", { error: String(error) }));
	socket.once("close", () => {
		closing = true;
		unsubscribe();
		batcher.stop();
	});
}
// src-main/server/security-headers.ts
/** The Content-Security-Policy sent with every response (HTML and otherwise). */
var HEADLESS_CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'"
].join("; ");
/** Sets the security headers shared by every response. */
function applySecurityHeaders(res) {
	res.setHeader("Content-Security-Policy", HEADLESS_CSP);
	res.setHeader("X-Content-Type-Options", "nosniff");
	res.setHeader("X-Frame-Options", "DENY");
	res.setHeader("Referrer-Policy", "no-referrer");
	res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
	res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
}
// src-main/server/static-files.ts
/**
* Serves the built renderer (out/web) read-only. Paths are resolved strictly inside the static
* folder, after symlinks, so no request can read a file outside it.
*/
var CONTENT_TYPES = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".mjs": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".json": "application/json; charset=utf-8",
	".map": "application/json; charset=utf-8",
	".svg": "image/svg+xml",
	".png": "image/png",
	".jpg": "image/jpeg",
	".jpeg": "image/jpeg",
	".gif": "image/gif",
	".webp": "image/webp",
	".ico": "image/x-icon",
	".woff": "font/woff",
	".woff2": "font/woff2",
	".ttf": "font/ttf",
	".txt": "text/plain; charset=utf-8",
	".webmanifest": "application/manifest+json"
};
/** The content type for a file name; unknown kinds are served as opaque bytes (with nosniff). */
function contentTypeFor(path) {
	return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}
/**
* Maps a URL path to a file inside `root` (already a real path), or null when the path is
* malformed or would leave the folder. Does not touch the disk.
*/
function resolveStaticPath(root, urlPath) {
	let decoded;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	if (decoded.includes("\0") || decoded.includes("\\")) return null;
	const relative = decoded.replace(/^\/+/, "") || "index.html";
	const full = resolve(root, relative);
	return full.startsWith(root + sep) ? full : null;
}
function sendText(res, status, text, head) {
	res.statusCode = status;
	res.setHeader("Content-Type", "text/plain; charset=utf-8");
	res.setHeader("Content-Length", Buffer.byteLength(text));
	res.end(head ? void 0 : text);
}
/** Creates the request handler for static files under `staticDir`. */
function createStaticHandler(staticDir) {
	const rootPromise = realpath(resolve(staticDir)).catch(() => null);
	return async (req, res) => {
		applySecurityHeaders(res);
		const method = req.method ?? "GET";
		const head = method === "HEAD";
		if (method !== "GET" && !head) {
			res.setHeader("Allow", "GET, HEAD");
			return sendText(res, 405, "method not allowed\n", head);
		}
		const root = await rootPromise;
		if (!root) return sendText(res, 404, "the renderer is not built (run npm run build)\n", head);
		const candidate = resolveStaticPath(root, (req.url ?? "/").split(/[?#]/, 1)[0] ?? "/");
		if (!candidate) return sendText(res, 400, "bad path\n", head);
		let file;
		try {
			file = await realpath(candidate);
			if (!file.startsWith(root + sep)) return sendText(res, 404, "not found\n", head);
			const info = await stat(file);
			if (!info.isFile()) return sendText(res, 404, "not found\n", head);
			res.statusCode = 200;
			res.setHeader("Content-Type", contentTypeFor(file));
			res.setHeader("Content-Length", info.size);
			const hashed = file.startsWith(resolve(root, "assets") + sep);
			res.setHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
		} catch {
			return sendText(res, 404, "not found\n", head);
		}
		if (head) {
			res.end();
			return;
		}
		const stream = createReadStream(file);
		stream.on("error", () => res.destroy());
		stream.pipe(res);
	};
}
// src-main/server/upgrade-guard.ts
/**
* Decides, before any WebSocket upgrade, whether a request may open the bridge: the right path,
* the right token (compared in constant time), and no cross-origin page behind it.
*/
/** Where the bridge lives. */
var BRIDGE_PATH = "/bridge";
/**
* Compares two tokens without leaking, through timing, how much of a guess was right. Hashing
* first gives equal-length inputs, which `timingSafeEqual` needs, without revealing the length.
*/
function tokensMatch(expected, given) {
	if (typeof given !== "string" || given.length === 0 || expected.length === 0) return false;
	const a = createHash("sha256").update(expected).digest();
	const b = createHash("sha256").update(given).digest();
	return timingSafeEqual(a, b);
}
var LOOPBACK_NAMES = /* @__PURE__ */ new Set([
	"127.0.0.1",
	"localhost",
	"[::1]",
	"::1"
]);
/** True when `host` names this machine only (the default bind). */
function isLoopbackHost(host) {
	return LOOPBACK_NAMES.has(host.toLowerCase());
}
/**
* Checks a bridge upgrade request. A missing Origin (a script, not a browser page) is allowed; a
* present one must be exactly the origin the request was sent to. Bound to loopback, the Host
* header must also be a loopback name, which defeats DNS rebinding of the page that holds the UI.
*/
function checkUpgrade(req, options) {
	let url;
	try {
		url = new URL(req.url ?? "/", "http://bridge.invalid");
	} catch {
		return {
			ok: false,
			status: 400,
			reason: "bad request"
		};
	}
	if (url.pathname !== "/bridge") return {
		ok: false,
		status: 404,
		reason: "not found"
	};
	if (!tokensMatch(options.token, url.searchParams.get("token"))) return {
		ok: false,
		status: 401,
		reason: "missing or wrong bridge token"
	};
	const hostHeader = req.headers.host ?? "";
	if (isLoopbackHost(options.boundHost)) {
		if (!isLoopbackHost(hostHeader.replace(/:\d+$/, ""))) return {
			ok: false,
			status: 403,
			reason: "unexpected Host header"
		};
	}
	const origin = req.headers.origin;
	if (origin !== void 0 && origin !== `http://${hostHeader}`) return {
		ok: false,
		status: 403,
		reason: "cross-origin bridge connections are refused"
	};
	return { ok: true };
}
// src-main/server/headless-server.ts
/**
* The headless shell: one HTTP server that serves the built renderer and carries the WebSocket
* bridge, so the whole product runs in an ordinary browser with no Electron at all.
*/
function formatHost(host) {
	return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
function refuseUpgrade(socket, status, reason) {
	const text = {
		400: "Bad Request",
		401: "Unauthorized",
		403: "Forbidden",
		404: "Not Found"
	}[status] ?? "Error";
	const body = `${reason}\n`;
	socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
/** Starts the server and resolves once it listens. */
async function startHeadlessServer(options) {
	const host = options.host ?? "127.0.0.1";
	const token = options.token ?? randomBytes(32).toString("hex");
	const clock = options.clock ?? systemClock;
	const logger = options.logger ?? silentLogger;
	const serveStatic = createStaticHandler(options.staticDir);
	const server = createServer((req, res) => {
		serveStatic(req, res).catch((error) => {
			logger.error("static request failed", { error: String(error) });
			if (!res.headersSent) res.statusCode = 500;
			res.end();
		});
	});
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: options.maxPayloadBytes ?? 1048576
	});
	server.on("upgrade", (req, socket, head) => {
		socket.on("error", () => socket.destroy());
		const verdict = checkUpgrade(req, {
			token,
			boundHost: host
		});
		if (!verdict.ok) {
			logger.warn("bridge upgrade refused", {
				status: verdict.status,
				reason: verdict.reason
			});
			refuseUpgrade(socket, verdict.status, verdict.reason);
			return;
		}
		wss.handleUpgrade(req, socket, head, (ws) => {
			attachBridgeConnection({
				socket: ws,
				session: options.session,
				clock,
				logger,
				maxBufferedBytes: options.maxBufferedBytes ?? 16777216,
				maxCallsInFlight: 256
			});
		});
	});
	await new Promise((resolveListen, rejectListen) => {
		server.once("error", rejectListen);
		server.listen(options.port ?? 0, host, () => {
			server.off("error", rejectListen);
			resolveListen();
		});
	});
	server.on("error", (error) => logger.error("headless server error", { error: String(error) }));
	const { port } = server.address();
	const url = `http://${formatHost(host)}:${port}`;
	let closed = null;
	return {
		url,
		bridgeUrl: `ws://${formatHost(host)}:${port}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`,
		token,
		close() {
			closed ??= (async () => {
				const goodbyes = [...wss.clients].map((client) => new Promise((done) => {
					client.once("close", () => done());
					client.close(1001, "server shutting down");
				}));
				await Promise.race([Promise.all(goodbyes), new Promise((done) => clock.after(1e3, done))]);
				for (const client of wss.clients) client.terminate();
				wss.close();
				await new Promise((done) => {
					server.close(() => done());
					server.closeAllConnections();
				});
			})();
			return closed;
		}
	};
}
// src-main/server/headless-stores.ts
/**
* The headless shell's storage adapters: settings through `conf` (the same schema the Electron
* shell keeps in electron-store) and secrets from the environment or a 0600 file.
*/
/** Settings in `<dataDir>/config.json`. Keys are literal: a dot in a key is not a path. */
function confSettingsStore(dataDir) {
	const conf = new Conf({
		projectName: "switchboard",
		cwd: dataDir,
		accessPropertiesByDotNotation: false
	});
	return {
		get: (key) => conf.get(key),
		set(key, value) {
			if (value === void 0) conf.delete(key);
			else conf.set(key, value);
		}
	};
}
var SECRETS_FILE = "secrets.json";
/**
* Secrets: the API key comes from `AGENTPHONE_API_KEY` when set (and then wins over the file);
* everything else (webhook secrets) lives in `<dataDir>/secrets.json`, readable by its owner only.
*/
function fileSecretStore(dataDir, env = process.env) {
	const file = join(dataDir, SECRETS_FILE);
	const read = () => {
		let text;
		try {
			text = readFileSync(file, "utf8");
		} catch {
			return {};
		}
		let parsed;
		try {
			parsed = JSON.parse(text);
		} catch {
			throw new Error(`${file} is not valid JSON; fix or remove it`);
		}
		if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
		return Object.fromEntries(Object.entries(parsed).filter((e) => typeof e[1] === "string"));
	};
	const write = (data) => {
		mkdirSync(dataDir, {
			recursive: true,
			mode: 448
		});
		const tmp = `${file}.${process.pid}.tmp`;
		writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 384 });
		chmodSync(tmp, 384);
		renameSync(tmp, file);
	};
	return {
		get(name) {
			const fromEnv = name === "apiKey" ? env.AGENTPHONE_API_KEY : void 0;
			if (fromEnv && fromEnv.trim() !== "") return fromEnv.trim();
			return read()[name];
		},
		set(name, value) {
			const data = read();
			if (value === void 0) delete data[name];
			else data[name] = value;
			write(data);
		}
	};
}
// src-main/server/cli-commands.ts
/**
* What `switchboard serve` and `switchboard sim` do, with the core passed in so tests can run the
* commands against a fake session. Output contract: exactly one JSON line on stdout once ready;
* everything else on stderr.
*/
/** Starts the session, then the server, then prints the ready line. */
async function runServe(args, deps) {
	const dataDir = args.dataDir ?? defaultDataDir(deps.env);
	const secrets = fileSecretStore(dataDir, deps.env);
	const mode = deps.env.AGENTPHONE_API_KEY?.trim() ? "live" : void 0;
	deps.logger.info("starting", {
		dataDir,
		mode: mode ?? "as saved (default sandbox)"
	});
	const session = await deps.startSession({
		mode,
		dataDir,
		logger: deps.logger,
		settings: confSettingsStore(dataDir),
		secrets,
		receiver: { port: args.receiverPort },
		live: { baseUrl: args.baseUrl },
		version: deps.version
	});
	let server;
	try {
		server = await startHeadlessServer({
			session,
			host: args.host,
			port: args.port,
			staticDir: deps.staticDir,
			logger: deps.logger
		});
	} catch (error) {
		await session.stop();
		throw error;
	}
	const status = session.status();
	deps.logger.info(`running in ${status.mode} mode`);
	if (status.notice) deps.logger.warn(status.notice);
	const ready = {
		ready: true,
		ui: `${server.url}/#token=${encodeURIComponent(server.token)}`,
		bridge: server.bridgeUrl,
		receiver: status.receiverUrl
	};
	if (status.mode === "sandbox" && status.simulatorUrl) ready.simulator = status.simulatorUrl;
	deps.printLine(JSON.stringify(ready));
	const liveServer = server;
	return { async stop() {
		await liveServer.close();
		await session.stop();
	} };
}
/**
* Starts the simulator alone and prints `{"ready": true, "simulator": URL, "apiKey": K}`, plus
* `webhookSecret` when --webhook-url was given (the developer's server needs it to verify).
*/
async function runSim(args, deps) {
	const apiKey = args.apiKey ?? `sk_sim_${randomBytes(16).toString("hex")}`;
	const sim = deps.createSimulator({
		host: args.host,
		port: args.port,
		apiKeys: [apiKey],
		webhookUrl: args.webhookUrl,
		seed: args.seed
	});
	const fromStart = (await sim.start())?.url;
	const ready = {
		ready: true,
		simulator: typeof fromStart === "string" ? fromStart : sim.url,
		apiKey
	};
	const secret = args.webhookUrl ? sim.projectWebhook?.(apiKey)?.secret : void 0;
	if (secret) ready.webhookSecret = secret;
	deps.printLine(JSON.stringify(ready));
	return { stop: async () => void await sim.stop() };
}
// src-main/cli.ts
/**
* `switchboard serve | sim`: the headless entry point (built to out/main/cli.js). It never imports
* Electron. stdout carries exactly one JSON line once ready; logs and errors go to stderr.
*/
var stderrLogger = {
	info: (message, fields) => log("info", message, fields),
	warn: (message, fields) => log("warn", message, fields),
	error: (message, fields) => log("error", message, fields)
};
function log(level, message, fields) {
	const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
	process.stderr.write(`[switchboard] ${level}: ${message}${extra}\n`);
}
/** The package version (out/main/cli.js → ../../package.json), for app.status. */
function readVersion() {
	try {
		const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
		return typeof pkg.version === "string" ? pkg.version : void 0;
	} catch {
		return;
	}
}
var printLine = (line) => void process.stdout.write(`${line}\n`);
function start(args) {
	if (args.command === "serve") return runServe(args, {
		startSession: startSessionHost,
		staticDir: fileURLToPath(new URL("../web", import.meta.url)),
		env: process.env,
		logger: stderrLogger,
		printLine,
		version: readVersion()
	});
	return runSim(args, {
		createSimulator: (options) => new Simulator({
			clock: systemClock,
			logger: stderrLogger,
			...options
		}),
		logger: stderrLogger,
		printLine
	});
}
async function main() {
	let args;
	try {
		args = parseCliArgs(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(`switchboard: ${error.message}\n\n${USAGE}\n`);
		process.exit(2);
	}
	if (args.command === "help") {
		process.stderr.write(`${USAGE}\n`);
		return;
	}
	let running;
	try {
		running = await start(args);
	} catch (error) {
		log("error", `could not start: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
	let stopping = false;
	const shutdown = (signal) => {
		if (stopping) process.exit(1);
		stopping = true;
		log("info", `${signal}: shutting down`);
		running.stop().then(() => process.exit(0), (error) => {
			log("error", `shutdown failed: ${String(error)}`);
			process.exit(1);
		});
	};
	process.on("SIGINT", () => shutdown("SIGINT"));
	process.on("SIGTERM", () => shutdown("SIGTERM"));
}
main();
export {};
