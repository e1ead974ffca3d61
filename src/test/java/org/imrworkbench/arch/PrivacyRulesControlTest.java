package org.imrworkbench.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PrivacyTest}'s rules are not vacuous: run on {@link NetworkUser}, they fail. */
class PrivacyRulesControlTest {

    /** Each way of reaching the network in {@link NetworkUser} is caught. */
    @Test
    void theRulesCatchCodeThatUsesTheNetwork() {
        JavaClasses offenders = new ClassFileImporter().importClasses(NetworkUser.Sockets.class,
                NetworkUser.Http.class, NetworkUser.Url.class, NetworkUser.Channel.class);
        for (Class<?> c : List.of(NetworkUser.Sockets.class, NetworkUser.Http.class, NetworkUser.Channel.class)) {
            JavaClasses one = new ClassFileImporter().importClasses(c);
            assertThatThrownBy(() -> PrivacyTest.noSocketsOrConnections.check(one))
                    .as(c.getSimpleName()).isInstanceOf(AssertionError.class);
        }
        JavaClasses url = new ClassFileImporter().importClasses(NetworkUser.Url.class);
        assertThatThrownBy(() -> PrivacyTest.noUrlConnections.check(url))
                .isInstanceOf(AssertionError.class).hasMessageContaining("openStream");
        assertThatThrownBy(() -> PrivacyTest.noSocketsOrConnections.check(offenders))
                .hasMessageContaining("java.net.Socket").hasMessageContaining("java.net.http.HttpClient")
                .hasMessageContaining("SocketChannel");
    }
}
