// The REST calls the views make (docs/protocol.md, HTTP): one way to post and to read an error.

/**
 * POSTs JSON; resolves with the answer's JSON, rejects with {code, message, retryAfter} (code NETWORK
 * when nothing came back, the protocol's code from the error body, else HTTP_<status>).
 */
export async function postJson(path, body, bearer) {
  const headers = { 'Content-Type': 'application/json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let res;
  try {
    res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) });
  } catch {
    throw { code: 'NETWORK' };
  }
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const e = data?.error ?? {};
    throw { code: e.code ?? `HTTP_${res.status}`, message: e.message, retryAfter: res.headers.get('Retry-After') };
  }
  return data;
}
