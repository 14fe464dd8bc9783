// One command: its envelope, its status, the commits it appended, the view rows it wrote and its execution.
import { getJson } from "../api.js";
import { badge, el, executionHref, json, problem, time } from "../format.js";

export async function render(main, commandId) {
  let command;
  try {
    command = await getJson(`commands/${encodeURIComponent(commandId)}`);
  } catch (error) {
    main.replaceChildren(problem(error, `Looked for the command '${commandId}' as an execution of the command pipeline and as a row of the command status view.`));
    return;
  }

  document.title = `${commandId} · Local console`;
  const status = command.status;
  main.replaceChildren(
    el("h1", {}, "Command ", el("code", {}, command.commandId), " ", status ? badge(status.status) : el("span", { class: "badge tone-running" }, "No status yet")),
    command.execution
      ? el("p", {}, el("a", { href: executionHref(command.execution.stateMachineName, command.execution.name), "data-role": "execution-link" }, "Execution →"), " ", badge(command.execution.status))
      : el("p", { class: "muted" }, "No execution: the command never reached the state machine."),
    el("section", { "data-role": "status" }, el("h2", {}, "Status"), statusSection(status)),
    el("section", { "data-role": "envelope" }, el("h2", {}, "Envelope"), json(command.envelope)),
    el("section", { "data-role": "commits" }, el("h2", {}, `Commits (${command.commits.length})`),
      command.commits.length === 0 ? el("p", { class: "muted" }, "It appended nothing to the commit log.") : null,
      command.commits.map(c => el("article", { class: "commit", "data-aggregate": c.aggregateId, "data-version": c.version },
        el("h3", {}, el("code", {}, c.aggregateId), ` version ${c.version}`),
        el("p", { class: "muted" }, "Committed ", time(c.committedAt)),
        json(c.events)))),
    el("section", { "data-role": "views" }, el("h2", {}, "View rows written"),
      command.views.length === 0 ? el("p", { class: "muted" }, "No projection ran for it.") : null,
      command.views.map(viewRows)));
}

function statusSection(status) {
  if (!status) return el("p", { class: "muted" }, "No row in the command status view yet.");
  return el("div", {},
    el("dl", { class: "facts" },
      el("dt", {}, "Outcome"), el("dd", {}, badge(status.status)),
      el("dt", {}, "Recorded"), el("dd", {}, time(status.recordedAt)),
      el("dt", {}, "Expires"), el("dd", {}, time(status.expiresAt))),
    status.reasons?.length ? el("ul", { class: "reasons", "data-role": "reasons" }, status.reasons.map(r =>
      el("li", {}, el("code", {}, r.code), r.field ? ` (${r.field})` : "", ": ", r.message))) : null,
    status.error ? [el("h3", {}, "Error"), json(status.error)] : null);
}

function viewRows(view) {
  return el("article", { class: "view", "data-view": view.view },
    el("h3", {}, view.view, " ", el("span", { class: "muted" }, `table ${view.table}, ${view.rows.length} row(s)`)),
    view.rows.length === 0 ? el("p", { class: "muted" }, "No rows for this command.") : el("table", { class: "rows" },
      el("thead", {}, el("tr", {}, ["Key", "Written", "Version", "In the view now"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, view.rows.map(r => el("tr", { "data-key": r.key },
        el("td", {}, el("code", {}, r.key)),
        el("td", {}, json(r.written)),
        el("td", { class: "number" }, String(r.writtenVersion)),
        el("td", { "data-state": r.state }, rowState(r), r.stored === null ? null : json(r.stored)))))));
}

function rowState(row) {
  if (row.state === "missing") return el("span", { class: "badge tone-failed" }, "✗ Missing");
  if (row.state === "changed-since") {
    return el("p", {}, el("span", { class: "badge tone-running" }, "↻ Changed since"), " ",
      el("span", { class: "muted" }, row.storedVersion !== null ? `version ${row.storedVersion} now` : "a later command wrote it"));
  }
  return el("p", {}, el("span", { class: "badge tone-succeeded" }, "✓ As written"));
}
