/**
 * Runs `task` while holding a lock shared by every tab of this origin. Refresh tokens rotate on use
 * and the API revokes a session whose old token is presented twice, so two tabs must never refresh
 * with the same cookie at once: the second waits, then sends the cookie the first one received.
 */
export async function withCrossTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  if (!locks) return task()
  return locks.request(name, task) as Promise<T>
}
