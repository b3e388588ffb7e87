// The two ranking reads over HTTP, timed, for the benches that compare two set-ups side by side.

/** GET a matches or candidates list: how long the answer took (body read) and its ids in order, comma-joined. */
export async function timedRankedRead(url: string, path: string, token: string): Promise<{ ms: number; ids: string }> {
  const t0 = performance.now();
  const response = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { items?: { jobId?: string; workerId?: string }[] };
  const ms = performance.now() - t0;
  if (response.status !== 200) throw new Error(`${url}${path}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, ids: (body.items ?? []).map((item) => item.jobId ?? item.workerId).join() };
}
