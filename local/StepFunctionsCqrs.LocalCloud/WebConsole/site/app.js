// Picks the view the address names; each view lives in its own module and draws into <main>.
const main = document.getElementById("view");
const parts = location.pathname.replace(/^\/console\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);

const routes = [
  { match: p => p.length === 0, section: "executions", load: () => import("./views/executions.js"), args: () => [] },
  { match: p => p.length === 3 && p[0] === "executions", section: "executions", load: () => import("./views/execution.js"), args: p => [p[1], p[2]] },
  { match: p => p.length === 2 && p[0] === "commands", section: "executions", load: () => import("./views/command.js"), args: p => [p[1]] },
  { match: p => p.length === 1 && p[0] === "queues", section: "queues", load: () => import("./views/queues.js"), args: () => [] },
];

const route = routes.find(r => r.match(parts));
if (route) {
  document.querySelector(`nav a[data-section="${route.section}"]`)?.setAttribute("aria-current", "page");
  const view = await route.load();
  await view.render(main, ...route.args(parts));
  // When the first view is on screen, for the console benchmark and anyone timing the page.
  performance.mark("console-rendered");
}
