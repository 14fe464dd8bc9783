// One execution: header, failure banner, graph / table / events views, the selected state's step panel; live while it runs.
import { getJson } from "../api.js";
import { badge, cause, commandHref, duration, el, json, problem, time } from "../format.js";
import { drawGraph } from "../graph.js";

const liveMs = 1000;
const views = ["graph", "table", "events"];

export async function render(main, stateMachine, name) {
  const params = new URLSearchParams(location.search);
  const ui = { view: views.includes(params.get("view")) ? params.get("view") : "graph", state: params.get("state"), eventType: "" };
  let details;
  try {
    details = await load(stateMachine, name);
  } catch (error) {
    main.replaceChildren(problem(error, `Looked for the execution '${name}' of the state machine '${stateMachine}' through DescribeExecution.`));
    return;
  }

  // Each draw replaces the last; a layout that finishes after a newer draw began is dropped.
  let generation = 0;
  const draw = async () => {
    const mine = ++generation;
    document.title = `${details.execution.name} · Local console`;
    main.replaceChildren(...page(details, ui, redraw).flat().filter(Boolean));
    main.dataset.status = details.execution.status;
    const box = main.querySelector("[data-role=graph]");
    if (!box) return;
    try {
      await drawGraph(box, details.analysis.graph, ui.state, select);
      if (mine === generation) box.dataset.ready = "true";
    } catch (error) {
      if (mine === generation) box.replaceChildren(el("p", { class: "problem", role: "alert" }, `The graph could not be drawn: ${error.message}`));
    }
  };
  const redraw = () => {
    const next = new URLSearchParams();
    if (ui.view !== "graph") next.set("view", ui.view);
    if (ui.state) next.set("state", ui.state);
    history.replaceState(null, "", `${location.pathname}${next.size ? `?${next}` : ""}`);
    return draw();
  };
  const select = state => { ui.state = state; return redraw(); };
  await draw();

  // A running execution is read again every second until it ends, and drawn again only when its history grew, so
  // what the user opened or scrolled stays put between events; the page never needs a reload.
  const follow = async () => {
    while (details.execution.status === "RUNNING" && main.isConnected) {
      await new Promise(resolve => setTimeout(resolve, liveMs));
      try {
        const latest = await load(stateMachine, name);
        const grew = latest.events.length !== details.events.length || latest.execution.status !== details.execution.status;
        details = latest;
        if (grew) await draw();
      } catch { /* the next tick tries again */ }
    }
  };
  follow();
}

function load(stateMachine, name) {
  return getJson(`executions/${encodeURIComponent(stateMachine)}/${encodeURIComponent(name)}`);
}

function page(details, ui, redraw) {
  const { execution, analysis } = details;
  const failure = analysis.failure;
  return [
    el("h1", {}, execution.name, " ", badge(execution.status)),
    details.commandId ? el("p", {}, el("a", { href: commandHref(details.commandId), "data-role": "command-link" }, "Command page →")) : null,
    failure ? el("section", { class: "banner tone-failed", role: "alert", "data-role": "failure" },
      el("strong", {}, failure.error), cause(failure.cause),
      failure.stateName ? el("button", { type: "button", "data-role": "failing-state", onclick: () => { ui.state = failure.stateName; ui.view = "graph"; redraw(); } },
        `Go to the failing state: ${failure.stateName}`) : null,
      // A Catch may have turned the first error into the path that failed; its state is where the error began.
      [...new Set(allRuns(analysis.states).filter(r => r.status === "caught").map(r => r.name))].map(name =>
        el("button", { type: "button", "data-role": "caught-state", "data-state": name, onclick: () => { ui.state = name; ui.view = "graph"; redraw(); } },
          `Caught earlier: ${name}`))) : null,
    el("dl", { class: "facts" },
      fact("Status", badge(execution.status)),
      fact("Started", time(execution.startDate)),
      fact("Stopped", time(execution.stopDate)),
      fact("Duration", duration(execution.durationMs)),
      fact("State transitions", String(analysis.transitions)),
      fact("State machine", details.stateMachineName)),
    el("div", { class: "io" },
      el("section", {}, el("h2", {}, "Input"), json(execution.input)),
      el("section", {}, el("h2", {}, "Output"), json(execution.output ?? (execution.error ? { error: execution.error, cause: execution.cause } : null)))),
    el("div", { class: "tabs", role: "tablist" }, views.map(v =>
      el("button", { type: "button", role: "tab", "aria-selected": String(ui.view === v), "data-view": v, onclick: () => { ui.view = v; redraw(); } },
        v === "graph" ? "Graph" : v === "table" ? "Table" : "Events"))),
    el("div", { class: "workspace" },
      el("section", { class: "pane", role: "tabpanel" },
        ui.view === "graph" ? el("div", { class: "graph-box", "data-role": "graph" }, el("p", { class: "loading" }, "Laying out…"))
          : ui.view === "table" ? stateTable(details, ui, redraw)
            : eventTable(details, ui, redraw)),
      stepPanel(details, ui.state)),
  ];
}

function fact(term, value) {
  return [el("dt", {}, term), el("dd", {}, value)];
}

function allRuns(runs, into = []) {
  for (const run of runs) {
    into.push(run);
    for (const group of run.groups) allRuns(group.states, into);
  }
  return into;
}

function findNode(nodes, name) {
  for (const node of nodes) {
    if (node.kind === "state" && node.label === name) return node;
    const inner = findNode(node.children, name);
    if (inner) return inner;
  }
  return null;
}

function stepPanel(details, state) {
  if (!state) return el("aside", { class: "step", "data-role": "step" }, el("p", { class: "muted" }, "Select a state to see its input, output and attempts."));
  const runs = allRuns(details.analysis.states).filter(r => r.name === state);
  const node = findNode(details.analysis.graph.nodes, state);
  return el("aside", { class: "step", "data-role": "step", "data-state": state },
    el("h2", {}, state, " ", node ? badge(node.status) : null),
    runs.length === 0 ? el("p", { class: "muted" }, "This state has not run in this execution.") : null,
    runs.map((run, i) => el("section", { class: "run", "data-run": run.id },
      runs.length > 1 ? el("h3", {}, `Run ${i + 1} of ${runs.length}`) : null,
      el("dl", { class: "facts" },
        fact("Status", badge(run.status)),
        fact("Type", run.stateType),
        run.resource ? fact("Resource", el("code", {}, run.resource)) : null,
        fact("Started after", duration(run.startedAfterMs)),
        fact("Duration", duration(run.durationMs))),
      run.error ? el("div", { class: "banner tone-failed" }, el("strong", {}, run.error), cause(run.cause)) : null,
      run.attempts.length > 0 ? attemptsTable(run.attempts) : null,
      el("h3", {}, "Input"), el("div", { "data-role": "input" }, json(run.input)),
      run.parameters !== null && run.parameters !== undefined ? [el("h3", {}, "Task parameters"), el("div", { "data-role": "parameters" }, json(run.parameters))] : null,
      el("h3", {}, "Output"), el("div", { "data-role": "output" }, json(run.output)))),
    node?.definition ? [el("h3", {}, "Definition"), el("div", { "data-role": "definition" }, json(node.definition))] : null);
}

// One line per attempt, its error beneath: the step panel is too narrow for a table of six columns.
function attemptsTable(attempts) {
  return el("section", { class: "attempts", "data-role": "attempts" },
    el("h3", {}, `${attempts.length} attempt(s)`),
    el("ol", {}, attempts.map(a => el("li", { "data-attempt": a.number },
      el("div", {}, badge(a.outcome), " ",
        a.waitBeforeMs !== null && a.waitBeforeMs !== undefined ? `after waiting ${duration(a.waitBeforeMs)}, ` : "",
        `started ${duration(a.startedAfterMs)} in, took ${duration(a.durationMs)}`),
      a.error ? el("div", { class: "attempt-error" }, el("strong", {}, a.error), " ", cause(a.cause)) : null))));
}

function stateTable(details, ui, redraw) {
  const total = Math.max(1, details.execution.durationMs ?? Math.max(...allRuns(details.analysis.states).map(r => r.startedAfterMs + (r.durationMs ?? 0)), 1));
  const body = el("tbody");
  const add = (runs, depth) => {
    for (const run of runs) {
      body.append(el("tr", { "data-state": run.name, class: ui.state === run.name ? "selected" : null },
        el("td", { style: `padding-left:${0.5 + depth * 1.25}rem` },
          el("button", { type: "button", class: "link", onclick: () => { ui.state = run.name; redraw(); } }, run.name)),
        el("td", {}, run.stateType),
        el("td", {}, badge(run.status)),
        el("td", {}, run.resource ? el("code", {}, run.resource.split(":").pop()) : "—"),
        el("td", { class: "number" }, duration(run.startedAfterMs)),
        el("td", { class: "number" }, duration(run.durationMs)),
        el("td", { class: "timeline" }, timeline(run, total))));
      for (const group of run.groups) {
        body.append(el("tr", { class: "group-row" }, el("td", { colspan: 7, style: `padding-left:${1.25 + depth * 1.25}rem` }, group.label, " ", badge(group.status))));
        add(group.states, depth + 2);
      }
    }
  };
  add(details.analysis.states, 0);
  return el("table", { class: "states", "data-role": "states" },
    el("thead", {}, el("tr", {}, ["State", "Type", "Status", "Resource", "Started after", "Duration", "Timeline"].map(h => el("th", { scope: "col" }, h)))),
    body);
}

// The bar spans the state's stay; each attempt is a segment and the back-off waits between them show as gaps.
function timeline(run, total) {
  const pct = ms => `${Math.max(0, Math.min(100, (ms / total) * 100)).toFixed(2)}%`;
  const bar = el("div", { class: "bar" });
  const end = run.durationMs === null ? total - run.startedAfterMs : run.durationMs;
  bar.append(el("span", { class: "stay", style: `left:${pct(run.startedAfterMs)};width:${pct(end)}` }));
  for (const attempt of run.attempts) {
    if (attempt.waitBeforeMs) {
      bar.append(el("span", { class: "wait", title: `waited ${duration(attempt.waitBeforeMs)}`, style: `left:${pct(attempt.startedAfterMs - attempt.waitBeforeMs)};width:${pct(attempt.waitBeforeMs)}` }));
    }
    bar.append(el("span", { class: `attempt outcome-${attempt.outcome}`, title: `attempt ${attempt.number}: ${attempt.outcome}`, style: `left:${pct(attempt.startedAfterMs)};width:${pct(Math.max(attempt.durationMs ?? 0, total / 400))}` }));
  }
  return bar;
}

function eventTable(details, ui, redraw) {
  const events = details.events;
  const start = events.length ? Date.parse(events[0].timestamp) : 0;
  const types = [...new Set(events.map(e => e.type))].sort();
  const shown = ui.eventType ? events.filter(e => e.type === ui.eventType) : events;
  return el("div", {},
    el("label", { class: "filters" }, "Event type ",
      el("select", { "data-role": "event-type", onchange: e => { ui.eventType = e.target.value; redraw(); } },
        el("option", { value: "" }, `All (${events.length})`),
        types.map(t => el("option", { value: t, selected: t === ui.eventType }, t)))),
    el("table", { class: "events", "data-role": "events" },
      el("thead", {}, el("tr", {}, ["ID", "Type", "Timestamp", "Elapsed", "Previous", "Details"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, shown.map(e => el("tr", { "data-event": e.id, "data-type": e.type },
        el("td", { class: "number" }, String(e.id)),
        el("td", {}, e.type),
        el("td", {}, time(e.timestamp)),
        el("td", { class: "number" }, duration(Date.parse(e.timestamp) - start)),
        el("td", { class: "number" }, e.previousEventId ? String(e.previousEventId) : "—"),
        el("td", {}, detailsOf(e)))))));
}

function detailsOf(e) {
  const { id, type, timestamp, previousEventId, ...rest } = e;
  const keys = Object.keys(rest);
  if (keys.length === 0) return "—";
  return el("details", {}, el("summary", {}, keys.join(", ")), json(rest));
}
