import https from 'node:https'
import http from 'node:http'
import net from 'node:net'
import { generate } from 'selfsigned'

/**
 * An HTTPS front for a test server under a made-up host name, so the browser sees what a
 * municipality's production deployment looks like (HTTPS, not localhost).
 */
export async function startHttpsProxy(target: string, hostName: string) {
  const pems = await generate([{ name: 'commonName', value: hostName }], { keySize: 2048 })
  const upstream = new URL(target)
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(res)
      },
    )
    req.pipe(forward)
  })
  server.on('upgrade', (req, socket, head) => {
    const back = net.connect(Number(upstream.port), upstream.hostname, () => {
      const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`)
      back.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`)
      back.write(head)
      back.pipe(socket)
      socket.pipe(back)
    })
    back.on('error', () => socket.destroy())
    socket.on('error', () => back.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as net.AddressInfo
  return {
    url: `https://${hostName}:${address.port}`,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
