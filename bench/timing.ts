/**
 * Median times of several tasks, run in turn round by round so that machine noise hits them alike. The first
 * `warmUpRounds` rounds are not timed, so that the JIT has settled on every task before anything counts.
 */
export async function interleavedMedians(
  tasks: (() => unknown)[],
  { rounds, warmUpRounds = 0 }: { rounds: number; warmUpRounds?: number },
): Promise<number[]> {
  const times: number[][] = tasks.map(() => []);
  for (let round = 0; round < warmUpRounds + rounds; round++) {
    for (const [i, task] of tasks.entries()) {
      const start = process.hrtime.bigint();
      await task();
      if (round >= warmUpRounds) times[i].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}
