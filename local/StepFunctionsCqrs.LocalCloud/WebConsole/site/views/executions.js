// The executions list: newest first, filtered by status and name prefix, paged by token, refreshing itself.
import { getJson } from "../api.js";
import { badge, duration, el, executionHref, problem, time } from "../format.js";

const refreshMs = 2000;
const statuses = ["", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"];

export async function render(main) {
  const params = new URLSearchParams(location.search);
  const filter = {
    stateMachine: params.get("stateMachine"),
    status: params.get("status"),
    prefix: params.get("prefix"),
    pageSize: params.get("pageSize"),
    nextToken: params.get("nextToken"),
  };

  let page;
  try {
    page = await getJson("executions", filter);
  } catch (error) {
    main.replaceChildren(problem(error));
    return;
  }

  const body = el("tbody");
  const table = el("table", { class: "executions" },
    el("caption", { class: "visually-hidden" }, "Executions, newest first"),
    el("thead", {}, el("tr", {}, ["Name", "Status", "Started", "Duration", "State machine"].map(h => el("th", { scope: "col" }, h)))),
    body);
  const count = el("p", { class: "muted", "data-role": "count" });
  const pager = el("nav", { class: "pager", "aria-label": "Pages" });
  const fill = current => {
    body.replaceChildren(...current.executions.map(row));
    if (current.executions.length === 0) body.append(el("tr", {}, el("td", { colspan: 5, class: "muted" }, "No executions match.")));
    count.textContent = `${current.executions.length} execution(s) on this page${current.nextToken ? "; more on the next" : ""}.`;
    // The next page follows what is on screen now, so a refresh never leaves a gap before it.
    pager.replaceChildren(...[
      filter.nextToken ? el("a", { href: hrefWith(params, null) }, "⇤ Newest") : null,
      current.nextToken ? el("a", { href: hrefWith(params, current.nextToken), rel: "next" }, "Older →") : null,
    ].filter(Boolean));
  };
  fill(page);

  const form = el("form", { class: "filters", method: "get", action: "/console/" },
    page.stateMachines.length > 1
      ? el("label", {}, "State machine ", el("select", { name: "stateMachine" },
          page.stateMachines.map(m => el("option", { value: m, selected: m === page.stateMachine }, m))))
      : el("input", { type: "hidden", name: "stateMachine", value: page.stateMachine }),
    el("label", {}, "Status ", el("select", { name: "status" },
      statuses.map(s => el("option", { value: s, selected: (page.status ?? "") === s }, s === "" ? "Any" : s)))),
    el("label", {}, "Name starts with ", el("input", { name: "prefix", value: page.prefix ?? "", maxlength: 80, autocomplete: "off", spellcheck: "false" })),
    el("button", { type: "submit" }, "Filter"));

  main.replaceChildren(
    el("h1", {}, "Executions ", el("span", { class: "muted" }, page.stateMachine)),
    form, count, table, pager);

  // Only the newest page refreshes: an older page keeps still while the user reads it.
  if (!filter.nextToken) {
    const timer = setInterval(async () => {
      if (!main.isConnected) { clearInterval(timer); return; }
      try { fill(await getJson("executions", filter)); } catch { /* the next tick tries again */ }
    }, refreshMs);
  }
}

function row(execution) {
  return el("tr", { "data-execution": execution.name },
    el("td", {}, el("a", { href: executionHref(execution.stateMachineName, execution.name) }, execution.name)),
    el("td", {}, badge(execution.status)),
    el("td", {}, time(execution.startDate)),
    el("td", { class: "number" }, duration(execution.durationMs)),
    el("td", {}, execution.stateMachineName));
}

function hrefWith(params, token) {
  const next = new URLSearchParams(params);
  if (token) next.set("nextToken", token); else next.delete("nextToken");
  return `/console/?${next}`;
}
