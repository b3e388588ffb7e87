export default async function globalTeardown(): Promise<void> {
  await globalThis.__LAOWU_INFRA__?.stop();
}
