package org.kiungo.ledger.embedded;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.function.Consumer;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountFlags;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferFlags;

/**
 * The binary form of events in journal and snapshot frames, and of transfers in archive segments: a type byte,
 * then fixed-width big-endian fields.
 * Fixed widths keep encoding branch-free and let the writer know a batch's size before encoding it.
 */
final class EventCodec {
    /** The largest encoded event: a transfer, 1 + 4 * 16 + 8 + 4 + 4 + 4 + 8 + 8 bytes. */
    static final int EVENT_BYTES_MAX = 101;
    /** A transfer without its type byte. */
    static final int TRANSFER_BYTES = EVENT_BYTES_MAX - 1;

    private static final byte ACCOUNT_CREATED = 1;
    private static final byte TRANSFER_CREATED = 2;
    private static final byte PENDING_EXPIRED = 3;
    private static final byte ACCOUNT_IMAGE = 4;
    private static final byte OPEN_PENDING = 5;
    private static final byte WATERMARK = 6;

    private EventCodec() {
    }

    static void encode(Event event, ByteBuffer out) {
        // Nearly every event is a transfer: tested first, it skips the type switch's dispatch.
        if (event instanceof Event.TransferCreated e) {
            putTransfer(out.put(TRANSFER_CREATED), e.transfer());
            return;
        }
        switch (event) {
            case Event.AccountCreated e -> putAccount(out.put(ACCOUNT_CREATED), e.account());
            case Event.TransferCreated e -> putTransfer(out.put(TRANSFER_CREATED), e.transfer());
            case Event.PendingExpired e -> putId(out.put(PENDING_EXPIRED), e.pendingId());
            case Event.AccountImage e -> putBalances(putAccount(out.put(ACCOUNT_IMAGE), e.account()), e.account());
            case Event.OpenPending e -> putTransfer(out.put(OPEN_PENDING), e.transfer());
            case Event.Watermark e -> out.put(WATERMARK).putLong(e.lastTimestamp());
        }
    }

    /** Decodes every event of a frame's payload, which the caller has checked against its CRC. */
    static void decodeAll(ByteBuffer payload, Consumer<Event> sink) {
        while (payload.hasRemaining()) {
            sink.accept(decode(payload));
        }
    }

    private static Event decode(ByteBuffer in) {
        byte type = in.get();
        return switch (type) {
            case ACCOUNT_CREATED -> new Event.AccountCreated(getAccount(in));
            case TRANSFER_CREATED -> new Event.TransferCreated(getTransfer(in));
            case PENDING_EXPIRED -> new Event.PendingExpired(getId(in));
            case ACCOUNT_IMAGE -> new Event.AccountImage(getBalances(getAccount(in), in));
            case OPEN_PENDING -> new Event.OpenPending(getTransfer(in));
            case WATERMARK -> new Event.Watermark(in.getLong());
            default -> throw new IllegalStateException("unknown journal event type " + type);
        };
    }

    private static ByteBuffer putAccount(ByteBuffer out, Account account) {
        return putId(out, account.id()).putInt(account.ledger()).putInt(account.code())
                .putInt(account.flags().bits()).putLong(account.timestamp());
    }

    private static Account getAccount(ByteBuffer in) {
        return new Account(getId(in), in.getInt(), in.getInt(), new AccountFlags(in.getInt()), 0, 0, 0, 0,
                in.getLong());
    }

    private static ByteBuffer putBalances(ByteBuffer out, Account account) {
        return out.putLong(account.debitsPending()).putLong(account.debitsPosted()).putLong(account.creditsPending())
                .putLong(account.creditsPosted());
    }

    private static Account getBalances(Account account, ByteBuffer in) {
        return account.withBalances(in.getLong(), in.getLong(), in.getLong(), in.getLong());
    }

    /** A transfer in {@link #TRANSFER_BYTES} bytes, as archive records hold it. */
    static ByteBuffer putTransfer(ByteBuffer out, Transfer transfer) {
        // Absolute puts, then one move of the position: relative ones check and move it for every field.
        int at = out.position();
        if (out.remaining() < TRANSFER_BYTES) throw new BufferOverflowException();
        putId(out, at, transfer.id());
        putId(out, at + 16, transfer.debitAccountId());
        putId(out, at + 32, transfer.creditAccountId());
        putId(out, at + 48, transfer.pendingId());
        out.putLong(at + 64, transfer.amount()).putInt(at + 72, transfer.ledger()).putInt(at + 76, transfer.code())
                .putInt(at + 80, transfer.flags().bits()).putLong(at + 84, transfer.timeoutSeconds())
                .putLong(at + 92, transfer.timestamp());
        return out.position(at + TRANSFER_BYTES);
    }

    private static void putId(ByteBuffer out, int at, UUID id) {
        out.putLong(at, id.getMostSignificantBits()).putLong(at + 8, id.getLeastSignificantBits());
    }

    static Transfer getTransfer(ByteBuffer in) {
        UUID id = getId(in);
        UUID debit = getId(in);
        UUID credit = getId(in);
        UUID pendingId = getId(in);
        return new Transfer(id, debit, credit, in.getLong(), pendingId, in.getInt(), in.getInt(),
                new TransferFlags(in.getInt()), in.getLong(), in.getLong());
    }

    private static ByteBuffer putId(ByteBuffer out, UUID id) {
        return out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID getId(ByteBuffer in) {
        return new UUID(in.getLong(), in.getLong());
    }
}
