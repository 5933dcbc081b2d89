package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.connector.StaticRates;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Unsigned64;
import org.kiungo.peering.AssetRecord;
import org.kiungo.peering.CreatePeer;
import org.kiungo.peering.PeerRecord;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.WalletAddressRecord;

/**
 * Three real nodes over real HTTP: alice, a wallet on A in USD, pays {@code $nodec/bob}, a wallet on C in EUR,
 * through B, which converts at 0.9 and accepts at most 300 cents per packet from A. The payment goes through A's
 * admin API ({@code createPayment}); every ledger must then balance, and the wallets must show what the sender says.
 */
class PaymentNetworkTest {
    static final String PAY = "mutation($input: CreatePaymentInput!) { createPayment(input: $input) { success "
            + "message payment { sentAmount deliveredAmount packetsFulfilled completed stopReason detail } } }";
    private final Map<String, Integer> spspPorts = new ConcurrentHashMap<>();
    private final PaymentsAdminClient admin = new PaymentsAdminClient();
    Node a;
    Node b;
    Node c;
    WalletAddressRecord alice;
    WalletAddressRecord bob;

    @BeforeEach
    void startNetwork(@TempDir Path dirA, @TempDir Path dirB, @TempDir Path dirC) throws Exception {
        a = start(dirA, "test.a", StaticRates.none());
        b = start(dirB, "test.b", new StaticRates("USD", Map.of("EUR", new BigDecimal("0.9"))));
        c = start(dirC, "test.c", StaticRates.none());
        AssetRecord usdAtA = asset(a, "USD");
        AssetRecord usdAtB = asset(b, "USD");
        AssetRecord eurAtB = asset(b, "EUR");
        AssetRecord eurAtC = asset(c, "EUR");
        peer(a, usdAtA, "test.b", b, OptionalLong.empty(), 0, List.of("test.c"));
        peer(b, usdAtB, "test.a", a, OptionalLong.of(300), 10_000, List.of());
        peer(b, eurAtB, "test.c", c, OptionalLong.empty(), 0, List.of());
        peer(c, eurAtC, "test.b", b, OptionalLong.empty(), 10_000, List.of());
        b.services().liquidity().depositToAsset(eurAtB, UUID.randomUUID(), 100_000);
        alice = a.services().wallets().create(usdAtA.id().toString(), "https://nodea/alice", Optional.empty());
        bob = c.services().wallets().create(eurAtC.id().toString(), "$nodec/bob", Optional.of("Bob"));
        a.services().wallets().deposit(alice.id().toString(), UUID.randomUUID(), 10_000);
    }

    @AfterEach
    void stopNetwork() {
        for (Node node : new Node[] {a, b, c}) {
            if (node != null) {
                node.close();
            }
        }
        admin.close();
    }

    private Node start(Path dir, String address, StaticRates rates) throws Exception {
        Node node = Node.start(Config.load(Map.of("KIUNGO_DATA_DIR", dir.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", address)), rates,
                pointer -> URI.create("http://127.0.0.1:" + spspPorts.get(pointer.host()) + pointer.path()));
        spspPorts.put("node" + address.substring(address.indexOf('.') + 1), node.spspPort());
        return node;
    }

    private static AssetRecord asset(Node node, String code) {
        return node.services().assets().create(code, 2, OptionalLong.empty(), OptionalLong.empty());
    }

    /** Peers {@code node} with {@code to}; each side's token names the pair, so the two sides match. */
    private static void peer(Node node, AssetRecord asset, String address, Node to, OptionalLong maxPacket,
                             long liquidity, List<String> routes) {
        String us = node.ilpAddress().value();
        String incoming = address + "-to-" + us;
        String outgoing = us + "-to-" + address;
        node.services().peers().create(new CreatePeer(asset.id().toString(), address, Optional.empty(),
                "http://127.0.0.1:" + to.connectorPort() + "/ilp", outgoing, List.of(incoming), maxPacket,
                OptionalLong.empty(), OptionalLong.of(liquidity), routes));
    }

    Map<String, Object> pay(String receiver, long amount) throws Exception {
        return Map.of("input", Map.of("walletAddressId", alice.id().toString(), "receiver", receiver,
                "amount", Long.toString(amount)));
    }

    static Account account(Node node, WalletAddressRecord wallet) {
        return node.services().wallets().account(wallet);
    }

    /** Every account the node's services know, which is every account its ledger holds. */
    static List<Account> accounts(Node node) {
        PeeringServices services = node.services();
        List<UUID> ids = new ArrayList<>();
        for (AssetRecord asset : services.store().assets()) {
            ids.add(asset.liquidityAccountId());
            ids.add(asset.settlementAccountId());
        }
        services.store().peers().stream().map(PeerRecord::liquidityAccountId).forEach(ids::add);
        services.store().walletAddresses().stream().map(WalletAddressRecord::accountId).forEach(ids::add);
        List<Account> accounts = node.ledger().lookupAccounts(ids);
        assertThat(accounts).hasSameSizeAs(ids);
        return accounts;
    }

    /** Debits equal credits in every asset, and nothing is left pending. */
    static void assertReconciles(Node node) {
        Map<Integer, BigInteger> net = new HashMap<>();
        for (Account account : accounts(node)) {
            assertThat(account.debitsPending()).as("debits pending on %s", account.id()).isZero();
            assertThat(account.creditsPending()).as("credits pending on %s", account.id()).isZero();
            net.merge(account.ledger(), Unsigned64.toBigInteger(account.debitsPosted())
                    .subtract(Unsigned64.toBigInteger(account.creditsPosted())), BigInteger::add);
        }
        assertThat(net.values()).allSatisfy(sum -> assertThat(sum).isZero());
    }

    @Test
    void shouldPayAcrossThreeNodesWithConversionAndReconcileEveryLedger() throws Exception {
        Map<String, Object> paid = admin.data(a, "createPayment", PAY, pay("$nodec/bob", 1_000));

        Map<?, ?> payment = (Map<?, ?>) paid.get("payment");
        assertThat(payment.get("completed")).as("%s", payment).isEqualTo(true);
        assertThat(payment.get("sentAmount")).isEqualTo("1000");
        assertThat(payment.get("deliveredAmount")).isEqualTo("900");
        assertThat(payment.get("packetsFulfilled")).isEqualTo("4");
        assertThat(account(a, alice).debitsPosted()).isEqualTo(1_000);
        assertThat(account(a, alice).available()).isEqualTo(9_000);
        assertThat(account(c, bob).creditsPosted()).isEqualTo(900);
        assertThat(account(c, bob).available()).isEqualTo(900);
        for (Node node : List.of(a, b, c)) {
            assertReconciles(node);
        }
    }

    @Test
    void shouldPayFromTheCommandLineThroughTheRunningNodesAdminApi() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Map<String, String> environment = Map.of("ADMIN_PORT", Integer.toString(a.adminPort()));

        int status = main.execute(new String[] {"pay", "--from", "$nodea/alice", "--to", "$nodec/bob", "--amount",
            "500"}, environment);
        int usage = main.execute(new String[] {"pay", "--from", "$nodea/alice", "--amount", "5"}, environment);
        int unknown = main.execute(new String[] {"pay", "--from", "$nodea/carol", "--to", "$nodec/bob", "--amount",
            "5"}, environment);

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Payment completed", "sentAmount: 500",
                "deliveredAmount: 450");
        assertThat(usage).isEqualTo(Main.EXIT_USAGE);
        assertThat(unknown).isEqualTo(Main.EXIT_CANNOT_START);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no wallet address $nodea/carol");
        assertThat(account(c, bob).creditsPosted()).isEqualTo(450);
    }

    @Test
    void shouldRefuseAnUnknownPointerAndAnUnderfundedWalletMovingNothing() throws Exception {
        assertThat(admin.errorCode(a, PAY, pay("$nodec/nobody", 100))).isEqualTo("NOT_FOUND");
        assertThat(admin.errorCode(a, PAY, pay("$nodec/bob", 10_001))).isEqualTo("FORBIDDEN");
        assertThat(admin.errorCode(a, PAY, pay("nodec/bob", 100))).isEqualTo("BAD_USER_INPUT");

        assertThat(account(a, alice).available()).isEqualTo(10_000);
        assertThat(account(a, alice).debitsPosted()).isZero();
        assertThat(account(c, bob).creditsPosted()).isZero();
        for (Node node : List.of(a, b, c)) {
            assertReconciles(node);
        }
    }
}
