// Prints the hot-aggregate bench's throughput (every booking on one room type) as a ratio to the spread bench's from
// the same run's log, so the two figures come from the same machine under the same load. Informational: it never fails.
import { readFileSync } from "node:fs";

const log = readFileSync(process.argv[2], "utf8");
const runs = [...log.matchAll(/^bench commands=\d+ .*?throughput=([\d.]+)\/s .*? loop=(\w+) roomTypes=(\d+)/gm)]
  .map(m => ({ throughput: Number(m[1]), loop: m[2], roomTypes: Number(m[3]) }))
  .filter(r => r.loop === "open");
const hot = runs.find(r => r.roomTypes === 1);
const spread = runs.find(r => r.roomTypes > 1);
if (!hot || !spread) {
  console.log("hot aggregate: the log has no open-loop bench on one room type and one on several");
} else {
  const ratio = hot.throughput / spread.throughput;
  console.log(`hot aggregate: ${hot.throughput} commands/s on 1 room type, ${spread.throughput} on ${spread.roomTypes}: ` +
    `ratio ${ratio.toFixed(2)} (goal 0.5 or more${ratio >= 0.5 ? "" : ", not met"})`);
}
