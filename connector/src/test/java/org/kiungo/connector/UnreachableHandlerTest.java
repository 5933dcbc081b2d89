package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;

class UnreachableHandlerTest {
    @Test
    void shouldAnswerEveryDestinationWithF02NamingIt() {
        IlpAddress us = IlpAddress.of("test.us");
        Prepare prepare = new Prepare(10, Instant.parse("2030-01-01T00:00:00Z"), new byte[32],
                IlpAddress.of("test.somewhere.else"), new byte[0]);

        Reject reject = (Reject) new UnreachableHandler(us).handle("peer-a", prepare);

        assertThat(reject.code()).isEqualTo(ErrorCode.F02_UNREACHABLE);
        assertThat(reject.triggeredBy()).isEqualTo("test.us");
        assertThat(reject.message()).contains("test.somewhere.else");
    }
}
