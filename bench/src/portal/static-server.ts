/**
 * The baseline of the file rows: one file from disk with node:http and fs.createReadStream, as
 * plain as a Node file server gets (no framework, no access check), in a process of its own.
 * `node --import tsx static-server.ts <file> <port>`; prints "ready" once listening.
 */
import { createReadStream, statSync } from 'node:fs'
import http from 'node:http'

const [file, portArg] = process.argv.slice(2)
if (!file || !portArg) {
  console.error('usage: static-server.ts <file> <port>')
  process.exit(2)
}
const size = statSync(file).size

const server = http.createServer((req, res) => {
  res.writeHead(200, {
    'Content-Type': 'image/webp',
    'Content-Length': size,
    'Cache-Control': 'private, no-store',
  })
  if (req.method === 'HEAD') return res.end()
  createReadStream(file).pipe(res)
})
server.keepAliveTimeout = 65_000
server.listen(Number(portArg), '127.0.0.1', () => console.log('ready'))
