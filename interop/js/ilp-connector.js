'use strict'
// Runs the reference ilp-connector configured by its CONNECTOR_* environment variables, for Kiungo's interop test
// and forwarding benchmark. Prints "ready" once every account's plugin has connected, and exits when its stdin
// closes, so the Java side that started it never leaves it running.
const { createApp } = require('ilp-connector')

const connector = createApp()
connector.listen().then(
  () => console.log('ready'),
  (error) => {
    console.error('ilp-connector failed to start:', error && error.stack ? error.stack : error)
    process.exit(1)
  })
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
