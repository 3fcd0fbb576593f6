import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by the local PostgreSQL server: every postgres process's own time plus what the
 * postmaster has reaped from exited backends. Only meaningful when the server runs on this machine.
 */
export function postgresCpuSeconds(): number | null {
  let ticks = 0;
  let found = false;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name !== 'postgres') continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14–17 of /proc/pid/stat (utime, stime, cutime, cstime) are 12–15 after the name.
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      found = true;
    } catch {
      // the process ended while we read
    }
  }
  return found ? ticks / TICKS_PER_SECOND : null;
}
