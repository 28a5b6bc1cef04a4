/** Time is injected so that rules with time (decay, SLA, skew checks) are tested with a fake clock. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date | string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => { t += ms; },
    set: (d: Date | string) => { t = new Date(d).getTime(); },
  };
}
