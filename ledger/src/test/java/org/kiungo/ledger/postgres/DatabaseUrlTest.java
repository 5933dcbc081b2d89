package org.kiungo.ledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void shouldTurnAPostgresUrlIntoAJdbcUrlAndCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://kiungo:s3cret@db.example:6543/ledger?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/ledger?sslmode=require");
        assertThat(url.user()).isEqualTo("kiungo");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void shouldAcceptThePostgresqlSchemeAndAUrlWithoutCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/test");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/test");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
        assertThat(DatabaseUrl.parse("postgresql://postgres@localhost:5432/test").user()).isEqualTo("postgres");
    }

    @Test
    void shouldDecodeEscapedCharactersInTheUserAndPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://al%40ice:p%40ss%2Fw+rd@host/db");
        assertThat(url.user()).isEqualTo("al@ice");
        assertThat(url.password()).isEqualTo("p@ss/w+rd");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
    }

    @Test
    void shouldTakeAJdbcUrlAsItIs() {
        String jdbc = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=hunter2";
        DatabaseUrl url = DatabaseUrl.parse(jdbc);
        assertThat(url.jdbcUrl()).isEqualTo(jdbc);
        assertThat(url.toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void shouldNeverShowThePasswordInTextOrErrors() {
        assertThat(DatabaseUrl.parse("postgres://kiungo:s3cret@host/db").toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://kiungo:s3cret@host/db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret")
                .hasMessageContaining("mysql://");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://kiungo:s3cret%zz@host/db"))
                .hasMessageNotContaining("s3cret").hasNoCause();
    }
}
