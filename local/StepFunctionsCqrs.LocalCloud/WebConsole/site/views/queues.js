// The commands queue and its dead-letter queue: depths, each dead letter with its reason, and redrive.
import { getJson, postJson } from "../api.js";
import { el, problem, time } from "../format.js";

export async function render(main, notice) {
  let overview;
  try {
    overview = await getJson("queues");
  } catch (error) {
    main.replaceChildren(problem(error));
    return;
  }

  document.title = "Queues · Local console";
  const redrive = el("button", {
    type: "button", "data-role": "redrive", disabled: overview.letters.length === 0,
    onclick: async () => {
      redrive.disabled = true;
      try {
        const outcome = await postJson("queues/redrive");
        const left = outcome.left.map(l => `${l.messageId}: ${l.reason}`).join(" ");
        await render(main, `Moved ${outcome.moved} message(s) back to the commands queue, each with the authority of its first sender.${left ? ` Left in place: ${left}` : ""}`);
      } catch (error) {
        await render(main, `Redrive failed: ${error.message}`);
      }
    },
  }, "Redrive all to the commands queue");

  main.replaceChildren(...[
    el("h1", {}, "Queues"),
    notice ? el("p", { class: "banner", role: "status", "data-role": "notice" }, notice) : null,
    el("table", { class: "queues", "data-role": "depths" },
      el("thead", {}, el("tr", {}, ["Queue", "Visible", "In flight", "Delayed", "URL"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, [overview.commands, overview.deadLetters].map(q => el("tr", { "data-queue": q.name },
        el("td", {}, q.name), el("td", { class: "number" }, String(q.visible)), el("td", { class: "number" }, String(q.inFlight)),
        el("td", { class: "number" }, String(q.delayed)), el("td", {}, el("code", {}, q.url)))))),
    el("h2", {}, `Dead letters (${overview.letters.length}${overview.letters.length >= overview.maxListed ? "+" : ""})`),
    redrive,
    overview.letters.length === 0 ? el("p", { class: "muted" }, "The dead-letter queue is empty.") : el("table", { class: "letters", "data-role": "letters" },
      el("thead", {}, el("tr", {}, ["Message", "Sender", "Received", "Sent", "Bytes", "Why it cannot become an execution", "Body"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, overview.letters.map(l => el("tr", { "data-message": l.messageId },
        el("td", {}, el("code", {}, l.messageId)), el("td", {}, l.senderId ?? "—"), el("td", { class: "number" }, String(l.receiveCount)),
        el("td", {}, time(l.sentAt)), el("td", { class: "number" }, String(l.bodyBytes)),
        el("td", { class: "reason" }, l.reason), el("td", {}, el("code", {}, l.bodyPreview))))))].filter(Boolean));
}
