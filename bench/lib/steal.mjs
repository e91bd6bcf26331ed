// CPU time the hypervisor gave to other guests ("steal" in /proc/stat). On a
// shared virtual machine it slows every figure, so each measurement reports
// the share of its time that was stolen.

import { readFileSync } from 'node:fs';

/** The machine's CPU time counters, or null where /proc/stat is missing. */
export function cpuCounters() {
  try {
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: fields.reduce((sum, value) => sum + value, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

/** The percentage of CPU time stolen between two readings of `cpuCounters`. */
export function stolenPercent(before, after) {
  if (!before || !after || after.total <= before.total) return null;
  return (100 * (after.steal - before.steal)) / (after.total - before.total);
}
