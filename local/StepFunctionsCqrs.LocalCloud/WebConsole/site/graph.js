// Draws a state machine's graph as SVG, laid out by ELK (elkjs from npm, served by the local cloud).
import { statusInfo } from "./format.js";

const svgNs = "http://www.w3.org/2000/svg";
let elkReady = null;

function loadElk() {
  elkReady ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/console/assets/vendor/elk.bundled.js";
    script.onload = () => resolve(new window.ELK());
    script.onerror = () => reject(new Error("The graph layout library could not be loaded."));
    document.head.append(script);
  });
  return elkReady;
}

const charWidth = 7.4;
// Longer names are cut with an ellipsis on the node; the whole name is in its tooltip and accessible name.
const maxLabel = 40;
const shown = label => label.length > maxLabel ? `${label.slice(0, maxLabel - 1)}…` : label;
const layoutOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.json.shapeCoords": "ROOT",
  "elk.json.edgeCoords": "ROOT",
  "elk.layered.spacing.nodeNodeBetweenLayers": "36",
  "elk.spacing.nodeNode": "28",
  "elk.spacing.edgeLabel": "4",
  "elk.edgeLabels.placement": "CENTER",
};

function elkNode(node) {
  const isGroup = node.children.length > 0;
  const base = { id: node.id };
  if (isGroup) {
    return { ...base, layoutOptions: { "elk.padding": "[top=30,left=14,bottom=14,right=14]" }, children: node.children.map(elkNode) };
  }
  if (node.kind === "start" || node.kind === "end") return { ...base, width: 64, height: 28 };
  const text = Math.min(Math.max(node.label.length, 14), maxLabel);
  return { ...base, width: 28 + text * charWidth, height: 48 };
}

function flatten(nodes, into = new Map()) {
  for (const node of nodes) {
    into.set(node.id, node);
    flatten(node.children, into);
  }
  return into;
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== null && value !== undefined) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Lays out and draws the graph; onSelect(stateName) is called when a state is clicked or activated by keyboard. */
export async function drawGraph(container, graph, selected, onSelect) {
  const elk = await loadElk();
  const byId = flatten(graph.nodes);
  const layout = await elk.layout({
    id: "root",
    layoutOptions,
    children: graph.nodes.map(elkNode),
    edges: graph.edges.map(e => ({
      id: e.id, sources: [e.source], targets: [e.target],
      labels: e.label ? [{ text: e.label, width: Math.min(260, e.label.length * 6.2 + 8), height: 16 }] : [],
    })),
  });

  const width = Math.ceil(layout.width + 24), height = Math.ceil(layout.height + 24);
  // Scaled to the pane's width, never above its natural size, so the whole machine is in view.
  const root = svg("svg", { class: "graph", viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "State machine graph", style: `max-width:${width}px` });
  const defs = svg("defs");
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
  marker.append(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrowhead" }));
  defs.append(marker);
  root.append(defs);

  const groups = svg("g", { class: "groups" }), edges = svg("g", { class: "edges" }), nodes = svg("g", { class: "nodes" });
  root.append(groups, edges, nodes);

  const place = laidOut => {
    for (const item of laidOut.children ?? []) {
      const node = byId.get(item.id);
      if (node.children.length > 0) drawGroup(groups, item, node, selected, onSelect);
      else drawNode(nodes, item, node, selected, onSelect);
      place(item);
    }
  };
  place(layout);

  for (const edge of layout.edges ?? []) {
    const source = graph.edges.find(e => e.id === edge.id);
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      edges.append(svg("path", {
        class: `edge edge-${source.kind}`, d: points.map((p, i) => `${i ? "L" : "M"} ${p.x} ${p.y}`).join(" "),
        "marker-end": "url(#arrow)", "data-edge": source.id,
      }));
    }
    for (const label of edge.labels ?? []) {
      edges.append(svg("text", { class: `edge-label edge-label-${source.kind}`, x: label.x + 2, y: label.y + 12 }, label.text));
    }
  }

  container.replaceChildren(root);
}

function drawNode(parent, item, node, selected, onSelect) {
  const { tone, icon, text } = statusInfo(node.status);
  const isState = node.kind === "state";
  const g = svg("g", {
    class: `node kind-${node.kind} tone-${tone}${isState && node.label === selected ? " selected" : ""}`,
    "data-node": node.id, "data-state": isState ? node.label : null, "data-status": node.status,
    tabindex: isState ? "0" : null, role: isState ? "button" : null,
    "aria-label": isState ? `${node.label} (${node.stateType}): ${text}` : `${node.label}: ${text}`,
  });
  if (node.kind === "start" || node.kind === "end") {
    g.append(svg("rect", { x: item.x, y: item.y, width: item.width, height: item.height, rx: 14 }));
    g.append(svg("text", { x: item.x + item.width / 2, y: item.y + 18, "text-anchor": "middle", class: "node-name" }, node.label));
  } else {
    g.append(svg("rect", { x: item.x, y: item.y, width: item.width, height: item.height, rx: 6 }));
    g.append(svg("text", { x: item.x + 10, y: item.y + 19, class: "node-name" }, shown(node.label)));
    g.append(svg("text", { x: item.x + 10, y: item.y + 37, class: "node-status" }, `${icon} ${text} · ${node.stateType}`));
    const choose = () => onSelect(node.label);
    g.addEventListener("click", choose);
    g.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(); } });
  }
  g.append(svg("title", {}, `${node.label}: ${text}`));
  parent.append(g);
}

function drawGroup(parent, item, node, selected, onSelect) {
  const { tone, icon, text } = statusInfo(node.status);
  const isState = node.kind === "state";
  const g = svg("g", {
    class: `group kind-${node.kind} tone-${tone}${isState && node.label === selected ? " selected" : ""}`,
    "data-node": node.id, "data-state": isState ? node.label : null, "data-status": node.status,
    tabindex: isState ? "0" : null, role: isState ? "button" : null,
  });
  g.append(svg("rect", { x: item.x, y: item.y, width: item.width, height: item.height, rx: 8 }));
  g.append(svg("text", { x: item.x + 10, y: item.y + 19, class: "node-name" }, isState ? `${shown(node.label)} · ${icon} ${text} · ${node.stateType}` : `${node.label} · ${icon} ${text}`));
  if (isState) {
    const choose = e => { e.stopPropagation(); onSelect(node.label); };
    g.querySelector("text").addEventListener("click", choose);
    g.querySelector("rect").addEventListener("click", choose);
    g.addEventListener("keydown", e => { if (e.target === g && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); onSelect(node.label); } });
  }
  parent.append(g);
}
