// Adds up the per-project result lines of `dotnet test` and prints "N passed, N failed[, N skipped]".
// A non-zero exit of dotnet test with no failed test counted (a build error, a crashed test host)
// still counts as one failure, so the summary can never look green when the run was not; so does a failed bench or
// persist benchmark.
import { readFileSync } from "node:fs";

const [logFile, exitCode, benchExitCode = "0", persistExitCode = "0"] = process.argv.slice(2);
const log = readFileSync(logFile, "utf8");
let passed = 0, failed = 0, skipped = 0, projects = 0;
for (const line of log.split("\n")) {
  const m = line.match(/(?:Passed|Failed)!\s+-\s+Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+)/);
  if (!m) continue;
  projects++;
  failed += Number(m[1]);
  passed += Number(m[2]);
  skipped += Number(m[3]);
}
if ((Number(exitCode) !== 0 || projects === 0) && failed === 0) failed = 1;
if (Number(benchExitCode) !== 0) {
  console.log(`the pipeline bench failed (exit code ${benchExitCode})`);
  failed += 1;
}
if (Number(persistExitCode) !== 0) {
  console.log(`the persist benchmark failed (exit code ${persistExitCode})`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(failed === 0 ? 0 : 1);
