// The console's own JSON API: every read goes through the local cloud's public AWS APIs on the server side.

/** An error the console API answered with: its code, message and, for a 400, the parameter at fault. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `The console API answered ${status}.`);
    this.status = status;
    this.code = body?.code ?? "Unknown";
    this.parameter = body?.parameter ?? null;
  }
}

async function answer(response) {
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = { message: text }; }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export async function getJson(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ""));
  const url = `/console/api/${path}${query.size ? `?${query}` : ""}`;
  return answer(await fetch(url, { headers: { Accept: "application/json", "X-Console-Request": "1" } }));
}

export async function postJson(path) {
  return answer(await fetch(`/console/api/${path}`, {
    method: "POST",
    headers: { Accept: "application/json", "X-Console-Request": "1" },
  }));
}
