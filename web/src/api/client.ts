// The HTTP client for /api/v1: cookie session, CSRF header on writes, one error type.
//
// Every error the server sends is {"error":{"code","message","field"}}; every failure this client
// raises is an ApiError (network failures get code "network", unreadable answers "bad_response").
// A 401 on any request except the ones marked `anonymousOk` calls the unauthenticated handler,
// which the app uses to send the person to the sign-in page.
import { parseHttpDate } from '@/utils/calendar'
import { serverNow } from '@/utils/serverTime'

export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'failed_precondition'
  | 'resource_exhausted'
  | 'unavailable'
  | 'internal'
  | 'payload_too_large'
  | 'method_not_allowed'
  | 'unprocessable'
  | 'network'
  | 'bad_response'
  | 'aborted'

export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode | string
  readonly field: string | null
  /** Seconds from a Retry-After header (429), else null. */
  readonly retryAfter: number | null
  readonly requestId: string | null
  /** The whole parsed error body (some answers carry more than "error", e.g. an import report). */
  readonly body: unknown

  constructor(init: {
    status: number
    code: string
    message: string
    field?: string | null
    retryAfter?: number | null
    requestId?: string | null
    body?: unknown
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.field = init.field ?? null
    this.retryAfter = init.retryAfter ?? null
    this.requestId = init.requestId ?? null
    this.body = init.body ?? null
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** The status the server answers for each code, for errors made up on this side. */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'unprocessable',
  429: 'resource_exhausted',
  500: 'internal',
  503: 'unavailable',
}

export const API_BASE = '/api/v1'
export const CSRF_HEADER = 'X-CSRF-Token'
export const CSRF_COOKIE = 'anlan_csrf'

let csrfToken: string | null = null
let unauthenticatedHandler: (() => void) | null = null
let language = 'zh-CN'

/** The UI's language, sent as Accept-Language so that the server's messages come in it. */
export function setRequestLanguage(tag: string): void {
  language = tag
}

/** Remembers the session's CSRF token (from the sign-in answer or GET /me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called on a 401 from any request not marked anonymousOk. */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return null
}

/** The token to send: the one remembered, else the anlan_csrf cookie. */
export function currentCsrfToken(): string | null {
  return csrfToken ?? readCookie(CSRF_COOKIE)
}

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

/** `path` with the query parameters that have a value (empty strings and nulls are left out). */
export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/') ? path : `${API_BASE}/${path}`
  if (!query) return url
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url
}

export function isWrite(method: string): boolean {
  const m = method.toUpperCase()
  return m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS'
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null
  const n = Number(value)
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n)
  const at = parseHttpDate(value)
  if (at !== null) return Math.max(0, Math.ceil((at - serverNow()) / 1000))
  return null
}

/** Reads an error answer into an ApiError (the body may be missing or not JSON). */
export function errorFromResponse(
  status: number,
  headers: { get(name: string): string | null },
  bodyText: string,
): ApiError {
  let code: string = STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'invalid_argument')
  let message = `HTTP ${status}`
  let field: string | null = null
  let body: unknown = null
  try {
    body = bodyText ? JSON.parse(bodyText) : null
    const err =
      body && typeof body === 'object' && 'error' in body
        ? (body as { error: unknown }).error
        : null
    if (err && typeof err === 'object') {
      const e = err as Record<string, unknown>
      if (typeof e.code === 'string' && e.code) code = e.code
      if (typeof e.message === 'string' && e.message) message = e.message
      if (typeof e.field === 'string' && e.field) field = e.field
    }
  } catch {
    // Not JSON (a proxy's error page): keep the status-derived code.
  }
  return new ApiError({
    status,
    code,
    message,
    field,
    retryAfter: parseRetryAfter(headers.get('Retry-After')),
    requestId: headers.get('X-Request-Id'),
    body,
  })
}

export interface RequestOptions {
  query?: Query
  /** A JSON body (objects) or a raw one (strings, with contentType). */
  body?: unknown
  contentType?: string
  signal?: AbortSignal
  /** A 401 is an answer, not a lost session (sign-in, the first GET /me). */
  anonymousOk?: boolean
}

export async function request<T>(
  method: string,
  path: string,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
  }
  let body: BodyInit | undefined
  if (opts.body !== undefined) {
    if (typeof opts.body === 'string') {
      body = opts.body
      headers['Content-Type'] = opts.contentType ?? 'text/plain; charset=utf-8'
    } else {
      body = JSON.stringify(opts.body)
      headers['Content-Type'] = 'application/json'
    }
  }
  if (isWrite(method)) {
    const token = currentCsrfToken()
    if (token) headers[CSRF_HEADER] = token
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: method.toUpperCase(),
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') {
      throw new ApiError({ status: 0, code: 'aborted', message: 'aborted' })
    }
    throw new ApiError({
      status: 0,
      code: 'network',
      message: e instanceof Error ? e.message : String(e),
    })
  }
  const text = await res.text()
  if (!res.ok) {
    const err = errorFromResponse(res.status, res.headers, text)
    if (res.status === 401 && !opts.anonymousOk && unauthenticatedHandler) unauthenticatedHandler()
    throw err
  }
  if (res.status === 204 || text === '') return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ApiError({
      status: res.status,
      code: 'bad_response',
      message: 'the server sent an answer that is not JSON',
      requestId: res.headers.get('X-Request-Id'),
    })
  }
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...opts, body }),
}

export interface UploadProgress {
  /** 'upload' while the file is sent (loaded/total bytes), then 'processing' until the answer. */
  phase: 'upload' | 'processing'
  loaded: number
  total: number
}

/**
 * Sends a raw body with upload progress (fetch has none), with the CSRF header and the same
 * error handling as request().
 */
export function upload<T>(
  path: string,
  body: Blob | string,
  contentType: string,
  onProgress: (p: UploadProgress) => void,
  query?: Query,
): { promise: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest()
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', buildUrl(path, query))
    xhr.withCredentials = true
    xhr.setRequestHeader('Content-Type', contentType)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', language)
    const token = currentCsrfToken()
    if (token) xhr.setRequestHeader(CSRF_HEADER, token)
    xhr.upload.onprogress = (ev) => {
      onProgress({ phase: 'upload', loaded: ev.loaded, total: ev.lengthComputable ? ev.total : 0 })
    }
    xhr.upload.onload = () => onProgress({ phase: 'processing', loaded: 0, total: 0 })
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network', message: 'network error' }))
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'aborted', message: 'aborted' }))
    xhr.onload = () => {
      const headers = { get: (n: string) => xhr.getResponseHeader(n) }
      if (xhr.status < 200 || xhr.status >= 300) {
        if (xhr.status === 401 && unauthenticatedHandler) unauthenticatedHandler()
        reject(errorFromResponse(xhr.status, headers, xhr.responseText))
        return
      }
      try {
        resolve(JSON.parse(xhr.responseText) as T)
      } catch {
        reject(
          new ApiError({
            status: xhr.status,
            code: 'bad_response',
            message: 'the server sent an answer that is not JSON',
          }),
        )
      }
    }
    xhr.send(body)
  })
  return { promise, abort: () => xhr.abort() }
}
