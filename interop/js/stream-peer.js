'use strict'
// A JavaScript ilp-protocol-stream endpoint for Kiungo's payment interop tests, linked to a Kiungo node over
// ILP-over-HTTP by a small plugin written here. One JSON object a line on stdout; errors on stderr.
//
//   node stream-peer.js client <connector URL> <token> <SPSP URL> <amount>
//       asks the SPSP endpoint for credentials (with a receipt nonce and secret), pays <amount> on one stream,
//       prints {"sent", "delivered", "receiptTotal"} and exits.
//   node stream-peer.js server <connector URL> <token>
//       listens on a free port, prints {"port"}, waits for a line on stdin (the node has peered with it), then
//       serves STREAM and SPSP (GET on any path) there, prints {"ready": true} and the stream total {"received"}
//       after each packet of money.
const http = require('http')
const crypto = require('crypto')
const { createConnection, createServer, verifyReceipt, DataAndMoneyStream } = require('ilp-protocol-stream')

// ilp-protocol-stream 2.7.1 predates Node 18, whose Duplex made `closed` a read-only getter, and assigns it in its
// streams' constructor; give its streams back the plain flag they expect.
Object.defineProperty(DataAndMoneyStream.prototype, 'closed', {
  configurable: true,
  get () { return this._kiungoClosed === true },
  set (value) { this._kiungoClosed = value }
})

const BODY_BYTES_MAX = 1 << 16

function out (value) {
  process.stdout.write(JSON.stringify(value) + '\n')
}

function httpPlugin (connectorUrl, token) {
  let handler = null
  return {
    connect: async () => {},
    disconnect: async () => {},
    isConnected: () => true,
    registerDataHandler: h => { handler = h },
    deregisterDataHandler: () => { handler = null },
    sendData: async data => {
      const response = await fetch(connectorUrl, {
        method: 'POST',
        headers: { authorization: 'Bearer ' + token, 'content-type': 'application/octet-stream' },
        body: data
      })
      if (response.status !== 200) throw new Error('the connector answered HTTP ' + response.status)
      return Buffer.from(await response.arrayBuffer())
    },
    handle: async prepare => {
      if (!handler) throw new Error('no data handler')
      return handler(prepare)
    }
  }
}

async function client ([connectorUrl, token, spspUrl, amount]) {
  const plugin = httpPlugin(connectorUrl, token)
  const receiptNonce = crypto.randomBytes(16)
  const receiptSecret = crypto.randomBytes(32)
  const spsp = await fetch(spspUrl, {
    headers: {
      accept: 'application/spsp4+json',
      'receipt-nonce': receiptNonce.toString('base64'),
      'receipt-secret': receiptSecret.toString('base64')
    }
  })
  if (spsp.status !== 200) throw new Error('SPSP answered HTTP ' + spsp.status)
  const { destination_account: destinationAccount, shared_secret: sharedSecret } = await spsp.json()
  const connection = await createConnection({
    plugin, destinationAccount, sharedSecret: Buffer.from(sharedSecret, 'base64')
  })
  const stream = connection.createStream()
  await stream.sendTotal(amount, { timeout: 20000 })
  const receipt = stream.receipt ? verifyReceipt(stream.receipt, receiptSecret) : null
  out({
    sent: stream.totalSent,
    delivered: connection.totalDelivered,
    receiptTotal: receipt ? receipt.totalReceived.toString() : null
  })
  await connection.end()
}

async function server ([connectorUrl, token]) {
  const plugin = httpPlugin(connectorUrl, token)
  let stream = null
  const web = http.createServer((request, response) => {
    if (request.method === 'GET' && stream) {
      const { destinationAccount, sharedSecret } = stream.generateAddressAndSecret()
      response.writeHead(200, { 'content-type': 'application/spsp4+json' })
      response.end(JSON.stringify({
        destination_account: destinationAccount, shared_secret: sharedSecret.toString('base64')
      }))
      return
    }
    const chunks = []
    let size = 0
    request.on('data', chunk => {
      size += chunk.length
      if (size <= BODY_BYTES_MAX) chunks.push(chunk)
    })
    request.on('end', async () => {
      try {
        if (size > BODY_BYTES_MAX) throw new Error('body too large')
        const reply = await plugin.handle(Buffer.concat(chunks))
        response.writeHead(200, { 'content-type': 'application/octet-stream' })
        response.end(reply)
      } catch (e) {
        response.writeHead(500)
        response.end(String(e))
      }
    })
  })
  await new Promise(resolve => web.listen(0, '127.0.0.1', resolve))
  out({ port: web.address().port })
  await new Promise(resolve => process.stdin.once('data', resolve))
  stream = await createServer({ plugin, serverSecret: crypto.randomBytes(32) })
  stream.on('connection', connection => {
    connection.on('stream', moneyStream => {
      moneyStream.setReceiveMax('18446744073709551615')
      moneyStream.on('money', () => out({ received: moneyStream.totalReceived }))
    })
  })
  out({ ready: true })
}

const [mode, ...args] = process.argv.slice(2)
const run = mode === 'client' ? client : mode === 'server' ? server : null
if (!run) {
  process.stderr.write('usage: node stream-peer.js client|server ...\n')
  process.exit(2)
}
run(args).then(() => { if (mode === 'client') process.exit(0) }, error => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n')
  process.exit(1)
})
