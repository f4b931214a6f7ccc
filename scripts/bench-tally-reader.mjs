#!/usr/bin/env node
/**
 * Part of `npm run bench:tally`: reads the aggregates every 50 ms from its own
 * process (so that the load generator's work does not count as latency) until
 * stopped, then prints the measured times as JSON.
 */
const base = process.argv[2];
const times = [];
let running = true;
process.on('SIGTERM', () => (running = false));
while (running) {
  const start = performance.now();
  await (await fetch(`${base}/api/aggregates`)).text();
  times.push(performance.now() - start);
  await new Promise((r) => setTimeout(r, 50));
}
process.stdout.write(JSON.stringify(times));
