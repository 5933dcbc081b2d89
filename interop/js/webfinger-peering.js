'use strict'
// Appendix A of the connector-to-connector draft (seed 003), step by step, with tweetnacl as the draft does: the
// independent computation Kiungo's WebFinger peering is checked against. myPriv travels as hex, keys as base64url.
const crypto = require('crypto')
const tweetnacl = require('tweetnacl')

const base64url = (buffer) => Buffer.from(buffer).toString('base64')
  .replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_')
const sha256 = (value) => crypto.createHash('sha256').update(value).digest()

function getToken (input, myPriv, peerPub) {
  return crypto.createHmac('sha256', tweetnacl.scalarMult(sha256(myPriv), peerPub)).update(input, 'ascii').digest()
}

function derive (request) {
  const myPriv = Buffer.from(request.myPriv, 'hex')
  const peerPub = Buffer.from(request.peerPub, 'base64')
  const myPub = tweetnacl.scalarMult.base(sha256(myPriv))
  const ledgerPrefix = 'peer.' + getToken('token', myPriv, peerPub).toString('base64').substring(0, 5)
    .replace(/\+/g, '-').replace(/\//g, '_') + request.ledgerCurrency
  const authToken = getToken('authorization', myPriv, peerPub).toString('base64')
    .replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_')
  return { myPub: base64url(myPub), ledgerPrefix, authToken }
}

module.exports = { 'webfinger.derive': derive }
