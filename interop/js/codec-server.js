'use strict'
// Answers Kiungo's interop tests with the JavaScript reference codecs. One JSON request per stdin line, one JSON
// answer per stdout line, in order: {"ok":true,"value":...} or {"ok":false,"error":"..."}. Byte strings travel as
// hex, unsigned 64-bit integers as decimal strings, dates as ISO-8601 strings.
const readline = require('readline')
const IlpPacket = require('ilp-packet')
const Ildcp = require('ilp-protocol-ildcp')
const Ccp = require('ilp-protocol-ccp')
const Stream = require('ilp-protocol-stream/dist/src/packet')
const StreamCrypto = require('ilp-protocol-stream/dist/src/crypto')
const Receipt = require('ilp-protocol-stream/dist/src/util/receipt')
const WebFingerPeering = require('./webfinger-peering')

const bytes = (hex) => Buffer.from(hex, 'hex')

// What the reference decoders return, made JSON: Longs as decimal strings, Buffers as hex, Dates as ISO strings.
function plain (value) {
  if (Buffer.isBuffer(value)) return value.toString('hex')
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(plain)
  if (value !== null && typeof value === 'object') {
    if (typeof value.toUnsigned === 'function') return value.toString() // a Long
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  }
  return value
}

// The constructor arguments of every STREAM frame, in order; the fields that hold bytes arrive as hex.
const FRAME_ARGS = {
  ConnectionClose: ['errorCode', 'errorMessage'],
  ConnectionNewAddress: ['sourceAccount'],
  ConnectionMaxData: ['maxOffset'],
  ConnectionDataBlocked: ['maxOffset'],
  ConnectionMaxStreamId: ['maxStreamId'],
  ConnectionStreamIdBlocked: ['maxStreamId'],
  ConnectionAssetDetails: ['sourceAssetCode', 'sourceAssetScale'],
  StreamClose: ['streamId', 'errorCode', 'errorMessage'],
  StreamMoney: ['streamId', 'shares'],
  StreamMaxMoney: ['streamId', 'receiveMax', 'totalReceived'],
  StreamMoneyBlocked: ['streamId', 'sendMax', 'totalSent'],
  StreamData: ['streamId', 'offset', 'data'],
  StreamMaxData: ['streamId', 'maxOffset'],
  StreamDataBlocked: ['streamId', 'maxOffset'],
  StreamReceipt: ['streamId', 'receipt']
}
const BYTE_FIELDS = new Set(['data', 'receipt'])

function streamPacket (p) {
  const frames = p.frames.map((f) => new Stream[f.name + 'Frame'](
    ...FRAME_ARGS[f.name].map((arg) => (BYTE_FIELDS.has(arg) ? bytes(f[arg]) : f[arg]))))
  return new Stream.Packet(p.sequence, p.ilpPacketType, p.prepareAmount, frames)
}

function ilpPacket (p) {
  const data = bytes(p.data)
  switch (p.type) {
    case 'prepare':
      return IlpPacket.serializeIlpPrepare(
        { ...p, data, expiresAt: new Date(p.expiresAt), executionCondition: bytes(p.executionCondition) })
    case 'fulfill': return IlpPacket.serializeIlpFulfill({ fulfillment: bytes(p.fulfillment), data })
    default: return IlpPacket.serializeIlpReject({ ...p, data })
  }
}

function route (r) {
  const props = r.props.map((p) => ({ ...p, value: p.isUtf8 ? p.value : bytes(p.value) }))
  return { ...r, auth: bytes(r.auth), props }
}

const fulfillment = async (secret, data) => {
  const fulfillment = await StreamCrypto.generateFulfillment(await StreamCrypto.generateFulfillmentKey(secret), data)
  return { fulfillment, condition: await StreamCrypto.hash(fulfillment) }
}

const PACKAGES = ['ilp-packet', 'ilp-protocol-ildcp', 'ilp-protocol-ccp', 'ilp-protocol-stream', 'tweetnacl']

const OPS = {
  versions: () => Object.fromEntries([['node', process.version],
    ...PACKAGES.map((name) => [name, require(name + '/package.json').version])]),
  'ilp.decode': (r) => IlpPacket.deserializeIlpPacket(bytes(r.hex)),
  'ilp.encode': (r) => ilpPacket(r.packet),
  'ildcp.decodeRequest': (r) => Ildcp.deserializeIldcpRequest(bytes(r.hex)),
  'ildcp.encodeRequest': (r) => Ildcp.serializeIldcpRequest({ expiresAt: new Date(r.expiresAt) }),
  'ildcp.decodeResponse': (r) => Ildcp.deserializeIldcpResponse(bytes(r.hex)),
  'ildcp.encodeResponse': (r) => Ildcp.serializeIldcpResponse(r.response),
  'ccp.decodeControl': (r) => Ccp.deserializeCcpRouteControlRequest(bytes(r.hex)),
  'ccp.encodeControl': (r) => Ccp.serializeCcpRouteControlRequest(r.request),
  'ccp.decodeUpdate': (r) => Ccp.deserializeCcpRouteUpdateRequest(bytes(r.hex)),
  'ccp.encodeUpdate': (r) =>
    Ccp.serializeCcpRouteUpdateRequest({ ...r.request, newRoutes: r.request.newRoutes.map(route) }),
  'stream.decode': (r) => Stream.Packet._deserializeUnencrypted(bytes(r.hex)),
  'stream.encode': (r) => streamPacket(r.packet)._serialize(),
  'stream.decrypt': async (r) => Stream.Packet.decryptAndDeserialize(
    await StreamCrypto.generatePskEncryptionKey(bytes(r.secret)), bytes(r.hex)),
  'stream.encrypt': async (r) => streamPacket(r.packet).serializeAndEncrypt(
    await StreamCrypto.generatePskEncryptionKey(bytes(r.secret))),
  'stream.fulfillment': (r) => fulfillment(bytes(r.secret), bytes(r.hex)),
  'receipt.verify': (r) => Receipt.verifyReceipt(bytes(r.hex), bytes(r.secret)),
  'receipt.create': (r) => Receipt.createReceipt({ ...r, nonce: bytes(r.nonce), secret: bytes(r.secret) }),
  ...WebFingerPeering
}

async function answer (line) {
  try {
    const request = JSON.parse(line)
    const op = OPS[request.op]
    if (!op) throw new Error('unknown op ' + request.op)
    return { ok: true, value: plain(await op(request)) }
  } catch (e) {
    return { ok: false, error: String(e && e.message) }
  }
}

async function main () {
  // One request at a time, so answers come back in the order the requests came.
  for await (const line of readline.createInterface({ input: process.stdin, terminal: false })) {
    if (line.trim() !== '') process.stdout.write(JSON.stringify(await answer(line)) + '\n')
  }
}

main()
