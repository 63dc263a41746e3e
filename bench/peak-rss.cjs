// Preloaded into a child process by bench/hostile-dns-bench.ts (node --require): on exit it
// prints the process's peak resident memory, which the bench reads from stderr.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
