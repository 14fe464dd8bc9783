// Executions per second of the shared five-state machine in aws-local-stepfunctions, printed as one JSON object.
// Usage: node bench.mjs [executions=10000] [warmup=1000]
import { readFile } from 'node:fs/promises';

// The library calls Promise.withResolvers, which Node 20 lacks; it must exist before the library loads.
Promise.withResolvers ??= () => { let resolve, reject; const promise = new Promise((res, rej) => { resolve = res; reject = rej; }); return { promise, resolve, reject }; };

const { StateMachine } = await import('aws-local-stepfunctions');

const machinesDir = new URL('../Machines/', import.meta.url);
const definition = JSON.parse(await readFile(new URL('pass-task-choice.asl.json', machinesDir), 'utf8'));
const input = JSON.parse(await readFile(new URL('pass-task-choice.input.json', machinesDir), 'utf8'));
const libraryVersion = JSON.parse(await readFile(new URL('./node_modules/aws-local-stepfunctions/package.json', import.meta.url), 'utf8')).version;

const executions = positiveInteger(process.argv[2], 10_000, 'executions');
const warmup = positiveInteger(process.argv[3], 1_000, 'warmup');

const stateMachine = new StateMachine(definition);
const runOptions = { overrides: { taskResourceLocalHandlers: { Work: () => ({ ok: true }) } } };

async function runOnce() {
  return stateMachine.run(input, runOptions).result;
}

// Measuring failed runs would flatter the baseline, so the output is checked before timing starts.
const sample = await runOnce();
if (sample?.work?.ok !== true || sample?.bulk !== true || sample?.source !== 'benchmark') {
  throw new Error(`Unexpected machine output: ${JSON.stringify(sample)}`);
}

for (let i = 0; i < warmup; i++) {
  await runOnce();
}

const start = process.hrtime.bigint();
for (let i = 0; i < executions; i++) {
  await runOnce();
}
const elapsedNs = Number(process.hrtime.bigint() - start);

console.log(JSON.stringify({
  engine: 'aws-local-stepfunctions',
  engineVersion: libraryVersion,
  runtime: `node ${process.version}`,
  machine: 'pass-task-choice',
  states: Object.keys(definition.States).length,
  executions,
  warmup,
  elapsedMs: round(elapsedNs / 1e6),
  executionsPerSecond: round(executions / (elapsedNs / 1e9)),
  microsecondsPerExecution: round(elapsedNs / 1e3 / executions),
}));

function positiveInteger(text, fallback, name) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got '${text}'`);
  }
  return value;
}

function round(value) {
  return Math.round(value * 100) / 100;
}
