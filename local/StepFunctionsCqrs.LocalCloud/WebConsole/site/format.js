// Small builders shared by the views: elements, statuses (icon and text, never colour alone), times and JSON.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const statuses = {
  RUNNING: ["running", "●", "Running"],
  SUCCEEDED: ["succeeded", "✓", "Succeeded"],
  FAILED: ["failed", "✗", "Failed"],
  TIMED_OUT: ["failed", "⏱", "Timed out"],
  ABORTED: ["aborted", "■", "Aborted"],
  PENDING_REDRIVE: ["running", "↻", "Pending redrive"],
  succeeded: ["succeeded", "✓", "Succeeded"],
  failed: ["failed", "✗", "Failed"],
  caught: ["caught", "⚠", "Caught"],
  retried: ["retried", "↻", "Retried"],
  running: ["running", "●", "Running"],
  aborted: ["aborted", "■", "Aborted"],
  notRun: ["notrun", "○", "Not run"],
  timedOut: ["failed", "⏱", "Timed out"],
  Accepted: ["succeeded", "✓", "Accepted"],
  Rejected: ["caught", "⊘", "Rejected"],
  Failed: ["failed", "✗", "Failed"],
};

export function statusInfo(status) {
  const [tone, icon, text] = statuses[status] ?? ["notrun", "?", String(status)];
  return { tone, icon, text };
}

export function badge(status) {
  const { tone, icon, text } = statusInfo(status);
  return el("span", { class: `badge tone-${tone}`, "data-status": status }, el("span", { class: "icon", "aria-hidden": "true" }, icon), " ", text);
}

export function duration(ms) {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function time(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return el("time", { datetime: date.toISOString(), title: date.toISOString() }, date.toLocaleString(undefined, { hour12: false }) + `.${String(date.getMilliseconds()).padStart(3, "0")}`);
}

export function json(value) {
  const text = value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return el("pre", { class: "json" }, text);
}

export function problem(error, what) {
  const title = error.status === 404 ? "Not found" : error.status === 400 ? "Bad request" : "Cannot load";
  return el("section", { class: "problem", role: "alert", "data-code": error.code ?? "" },
    el("h1", {}, title), el("p", {}, error.message), what ? el("p", { class: "muted" }, what) : null,
    el("p", {}, el("a", { href: "/console/" }, "Back to the executions")));
}

export function executionHref(stateMachine, name) {
  return `/console/executions/${encodeURIComponent(stateMachine)}/${encodeURIComponent(name)}`;
}

export function commandHref(commandId) {
  return `/console/commands/${encodeURIComponent(commandId)}`;
}

/** A cause as a person reads it: Lambda's JSON causes show their message, the whole cause stays one click away. */
export function cause(text) {
  if (!text) return null;
  let message = text;
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed.errorMessage === "string") message = parsed.errorMessage;
  } catch { /* not JSON: shown as it is */ }
  return message === text
    ? el("span", { class: "cause" }, text)
    : el("span", { class: "cause" }, message, " ", el("details", {}, el("summary", {}, "whole cause"), el("pre", { class: "json" }, text)));
}
