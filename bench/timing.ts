/** Median times of several tasks, run in turn round by round so that machine noise hits them alike. */
export async function interleavedMedians(tasks: (() => unknown)[], rounds: number): Promise<number[]> {
  const times: number[][] = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, task] of tasks.entries()) {
      const start = process.hrtime.bigint();
      await task();
      times[i].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}
