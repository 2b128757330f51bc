import net from 'node:net'

/** Opens a TCP connection and resolves once it is established. */
export const connect = (port: number) =>
  new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
  })

/**
 * Sends one HTTP/1.1 request (JSON body, `connection: close`) on an open connection and resolves
 * with the response's status, or 0 when the connection was reset or closed without an answer.
 */
export function send(socket: net.Socket, method: string, path: string, body: unknown): Promise<number> {
  const payload = JSON.stringify(body)
  return new Promise((resolve) => {
    let received = ''
    socket.on('data', (chunk) => (received += chunk.toString()))
    socket.on('error', () => {})
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0)))
    socket.write(`${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\nconnection: close\r\n\r\n${payload}`)
  })
}
