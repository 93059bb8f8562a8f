import { ServiceProcess, startService } from './services';

export interface SupervisorPolicy {
  /** Wait before the first restart; doubled for each further crash in the window. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Crashes counted within this window … */
  windowMs: number;
  /** … beyond this many, the supervisor gives up (and the local run stops everything). */
  maxCrashes: number;
}

export const DEFAULT_POLICY: SupervisorPolicy = { initialBackoffMs: 500, maxBackoffMs: 10_000, windowMs: 60_000, maxCrashes: 5 };

/**
 * The restart rule, a plain function: given the times of the crashes so far (newest last,
 * milliseconds), either the wait before the next start or `give-up` when the service crashed
 * more than `maxCrashes` times within `windowMs`.
 */
export function nextRestart(crashTimes: readonly number[], now: number, policy: SupervisorPolicy): { waitMs: number } | 'give-up' {
  const recent = crashTimes.filter((t) => now - t <= policy.windowMs).length;
  if (recent > policy.maxCrashes) return 'give-up';
  return { waitMs: Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.max(0, recent - 1)) };
}

export interface SupervisedProcess extends ServiceProcess {
  /** How many times the supervisor has started the service again. */
  readonly restarts: number;
}

type StartOptions = Parameters<typeof startService>[0];

/**
 * Starts a service and keeps it running: when its process exits on its own (a crash, `kill -9`,
 * an out-of-memory kill), the supervisor logs it and starts it again on the same port after a
 * backoff (`nextRestart`). `exited` resolves only when the supervisor gives up (too many crashes
 * within the window) or after `stop()`, so whoever waits on it stops the whole stack only then.
 */
export async function superviseService(opts: StartOptions & { policy?: SupervisorPolicy; say?: (message: string) => void }): Promise<SupervisedProcess> {
  const policy = opts.policy ?? DEFAULT_POLICY;
  const say = opts.say ?? (() => undefined);
  let current = await startService(opts);
  let stopping = false;
  let restarts = 0;
  const crashes: number[] = [];
  let giveUp!: (code: number | null) => void;
  const exited = new Promise<number | null>((resolve) => {
    giveUp = resolve;
  });
  let wake: (() => void) | undefined;

  const watch = async () => {
    for (;;) {
      const code = await current.exited;
      if (stopping) return giveUp(code);
      const now = Date.now();
      crashes.push(now);
      const next = nextRestart(crashes, now, policy);
      if (next === 'give-up') {
        say(`${opts.name} crashed ${policy.maxCrashes + 1} times within ${policy.windowMs / 1000} s (last exit code ${code}); giving up.\n${current.tail()}`);
        return giveUp(code);
      }
      say(`${opts.name} exited unexpectedly (code ${code}); restarting in ${next.waitMs} ms.\n${current.tail().split('\n').slice(-5).join('\n')}`);
      // Wait, unless stop() is called meanwhile.
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, next.waitMs).unref();
      });
      wake = undefined;
      if (stopping) return giveUp(code);
      try {
        current = await startService(opts);
        restarts++;
        if (stopping) {
          await current.stop();
          return giveUp(null);
        }
        say(`${opts.name} is back (restart ${restarts}, pid ${current.pid}).`);
      } catch (e) {
        // Did not come up: counts as one more crash; startService left no process behind.
        say(`${opts.name} could not be restarted: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        current = { ...current, exited: Promise.resolve(null), tail: () => (e instanceof Error ? e.message : String(e)) };
      }
    }
  };
  void watch();

  return {
    name: opts.name,
    port: opts.port,
    url: current.url,
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    tail: () => current.tail(),
    exited,
    stop: async () => {
      stopping = true;
      wake?.();
      await current.stop();
      await exited;
    },
  };
}
