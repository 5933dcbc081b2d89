/**
 * STREAM (RFC 29) and SPSP (RFC 9) wire formats: packets and frames, their encryption and fulfillments, receipts
 * (RFC 39) and the SPSP response body. JDK only; the connection logic that uses them lives in the stream module.
 */
package org.kiungo.codec.stream;
