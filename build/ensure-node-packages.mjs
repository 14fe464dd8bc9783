// Installs a folder's npm packages from its lockfile when they are missing or older than the lockfile.
// Several projects build in parallel and may ask for the same folder, so one installs under an exclusive lock
// file while the others wait for it and then find the packages present.
import { execSync } from "node:child_process";
import { existsSync, openSync, closeSync, unlinkSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const folder = resolve(process.argv[2] ?? ".");
const marker = join(folder, "node_modules", ".package-lock.json");
const lockfile = join(folder, "package-lock.json");
const lock = join(folder, ".npm-install.lock");

const upToDate = () => existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (upToDate()) process.exit(0);

const deadline = Date.now() + 10 * 60 * 1000;
for (;;) {
  let handle;
  try {
    handle = openSync(lock, "wx");
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    // A lock older than the deadline belongs to an install that died; take it over.
    if (Date.now() - statSync(lock).mtimeMs > 10 * 60 * 1000) unlinkSync(lock);
    else if (Date.now() > deadline) throw new Error(`Timed out waiting for another npm install in ${folder}`);
    else sleep(500);
    continue;
  }
  try {
    if (!upToDate()) {
      console.log(`Installing npm packages in ${folder}`);
      execSync("npm ci --no-audit --no-fund", { cwd: folder, stdio: "inherit" });
    }
  } finally {
    closeSync(handle);
    unlinkSync(lock);
  }
  break;
}
