import { buildSimulator } from './app.ts'
import { ConfigError, loadConfig, type ServerConfig } from './config.ts'

// The process: read the environment → seed the simulator → listen → close on SIGTERM/SIGINT.

function readConfig(): ServerConfig {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`)
      process.exit(1)
    }
    throw error
  }
}

const config = readConfig()
const app = await buildSimulator(config.simulator)

async function shutdown(signal: string) {
  app.log.info(`${signal} received: closing`)
  await app.close()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

try {
  await app.listen({ host: config.host, port: config.port })
  const users = [...app.sim.state.users.values()].map((u) => `${u.id} (${u.savedTracks.length} liked tracks)`).join(', ')
  app.log.info(`Spotify simulator: accounts service and Web API (/v1) on http://${config.host}:${config.port}; client ids ${app.sim.options.clientIds.join(', ')}; users ${users}`)
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`port ${config.port} on ${config.host} is already in use: stop the other process or set PORT`)
  else console.error(error)
  process.exit(1)
}
