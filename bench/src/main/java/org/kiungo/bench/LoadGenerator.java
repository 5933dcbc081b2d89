package org.kiungo.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.Invocable;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * The sending side of the forwarding benchmark: POSTs benchmark Prepares over pooled HTTP/1.1 keep-alive
 * connections with Jetty's client, either closed-loop (a fixed number of senders, each waiting for its reply before
 * the next packet) or open-loop (packets started on a fixed schedule whatever the replies do, latency counted from
 * each packet's scheduled start, so a stall is not hidden by the sender slowing down with it).
 */
final class LoadGenerator implements AutoCloseable {
    /** Connections to the target; closed-loop runs use one per sender, open-loop ones as many as are in flight. */
    static final int CONNECTIONS_MAX = 2_048;
    /** Open-loop packets in flight at once; beyond it a scheduled packet is counted as failed, not sent. */
    static final int IN_FLIGHT_MAX = 2_048;
    private static final int REPLY_LENGTH_MAX = 64 * 1024;
    private static final long REQUEST_TIMEOUT_MS = BenchPackets.PACKET_LIFETIME_MS + 5_000;

    private final HttpClient client;
    private final URI target;
    private final String authorization;

    private LoadGenerator(HttpClient client, URI target, String token) {
        this.client = client;
        this.target = target;
        this.authorization = "Bearer " + token;
    }

    static LoadGenerator start(URI target, String token) throws Exception {
        HttpClient client = new HttpClient();
        // Replies complete futures and count: they need no pool thread of their own.
        client.getHttpClientTransport().setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        client.setMaxConnectionsPerDestination(CONNECTIONS_MAX);
        client.setMaxRequestsQueuedPerDestination(CONNECTIONS_MAX * 4);
        client.setFollowRedirects(false);
        client.start();
        return new LoadGenerator(client, target, token);
    }

    /** {@code concurrency} senders for {@code warmUp}, then measured for {@code measured}. */
    Latencies closedLoop(int concurrency, Duration warmUp, Duration measured, LongSupplier cpuNanos)
            throws InterruptedException {
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + measured.toNanos();
        Recorder recorder = new Recorder(start, end, 1 << 16, cpuNanos);
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            senders.add(Thread.ofVirtual().name("sender-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    byte[] reply = sendAndWait();
                    recorder.record(sent, System.nanoTime() - sent, reply);
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return recorder.latencies(measured);
    }

    /** Packets at {@code perSecond}, evenly spaced, for {@code warmUp}, then measured for {@code measured}. */
    Latencies openLoop(double perSecond, Duration warmUp, Duration measured, LongSupplier cpuNanos)
            throws InterruptedException {
        long intervalNanos = Math.max(1, (long) (1e9 / perSecond));
        long first = System.nanoTime();
        long start = first + warmUp.toNanos();
        long end = start + measured.toNanos();
        Recorder recorder = new Recorder(start, end, (int) Math.min(Integer.MAX_VALUE - 8,
                (long) (perSecond * measured.toSeconds() * 1.2) + 1_024), cpuNanos);
        Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
        for (long due = first; due < end; due += intervalNanos) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                recorder.record(due, 0, null);
                continue;
            }
            long scheduled = due;
            request().send(new BufferingResponseListener(REPLY_LENGTH_MAX) {
                @Override
                public void onComplete(Result result) {
                    byte[] reply = result.isFailed() || result.getResponse().getStatus() != 200 ? null : getContent();
                    recorder.record(scheduled, System.nanoTime() - scheduled, reply);
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(IN_FLIGHT_MAX);
        return recorder.latencies(measured);
    }

    private Request request() {
        return client.newRequest(target).method(HttpMethod.POST)
                .headers(headers -> headers.put(HttpHeader.AUTHORIZATION, authorization))
                .body(new BytesRequestContent("application/octet-stream", BenchPackets.prepare()))
                .timeout(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private byte[] sendAndWait() {
        try {
            ContentResponse response = request().send();
            return response.getStatus() == 200 ? response.getContent() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static Outcome outcome(byte[] reply) {
        if (reply == null || reply.length == 0) {
            return Outcome.FAILED;
        }
        return switch (reply[0]) {
            case IlpCodec.TYPE_FULFILL -> Outcome.FULFILLED;
            case IlpCodec.TYPE_REJECT -> Outcome.REJECTED;
            default -> Outcome.FAILED;
        };
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }

    private enum Outcome { FULFILLED, REJECTED, FAILED }

    /** Counts and latencies of packets started inside the measured window; the latencies fit a fixed array. */
    private static final class Recorder {
        private final long start;
        private final long end;
        private final AtomicLong fulfilled = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final CompletableFuture<Long> cpu;
        private volatile byte[] firstReject;
        private int count;
        private long[] nanos;

        private static String describe(byte[] reject) {
            try {
                Reply reply = IlpCodec.decodeReply(reject);
                return reply instanceof Reject r ? r.code() + " from " + r.triggeredBy() + ": " + r.message() : "?";
            } catch (DecodingException e) {
                return "an undecodable Reject";
            }
        }

        /** Samples {@code cpuNanos} when the measured window opens and when it closes. */
        Recorder(long start, long end, int capacity, LongSupplier cpuNanos) {
            this.start = start;
            this.end = end;
            this.nanos = new long[capacity];
            this.cpu = new CompletableFuture<>();
            Thread.ofVirtual().name("cpu-sampler").start(() -> {
                LockSupport.parkNanos(start - System.nanoTime());
                long before = cpuNanos.getAsLong();
                LockSupport.parkNanos(end - System.nanoTime());
                cpu.complete(cpuNanos.getAsLong() - before);
            });
        }

        /** Records a packet sent at {@code startedAt} that got {@code reply} (null when it got no ILP reply). */
        void record(long startedAt, long latencyNanos, byte[] reply) {
            if (startedAt < start || startedAt >= end) {
                return;
            }
            Outcome outcome = outcome(reply);
            if (outcome == Outcome.REJECTED && firstReject == null) {
                firstReject = reply;
            }
            if (outcome == Outcome.FULFILLED) {
                fulfilled.incrementAndGet();
                store(latencyNanos);
            } else if (outcome == Outcome.REJECTED) {
                rejected.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        }

        /** Synchronized: a few nanoseconds per packet, against the tens of microseconds a packet takes. */
        private synchronized void store(long latencyNanos) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, nanos.length * 2);
            }
            nanos[count++] = latencyNanos;
        }

        Latencies latencies(Duration measured) {
            long cpuNanos = cpu.join();
            synchronized (this) {
                return Latencies.of(fulfilled.get(), rejected.get(), failed.get(), measured.toNanos() / 1e9,
                        Arrays.copyOf(nanos, count), Optional.ofNullable(firstReject).map(Recorder::describe),
                        cpuNanos);
            }
        }
    }
}
