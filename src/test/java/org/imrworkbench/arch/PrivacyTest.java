package org.imrworkbench.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Privacy: the app opens no network connection. Nothing in the application's code may use a socket, a URL
 * connection, an HTTP client or a network channel; {@link #ALLOWED} lists the classes that may (none). The runtime
 * side is {@code reliability/NoNetworkAtRuntimeTest}; {@link PrivacyRulesControlTest} shows the rules catch offenders.
 */
@AnalyzeClasses(packages = "org.imrworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class PrivacyTest {

    /** Fully qualified names of application classes allowed to use the network. There are none, on purpose. */
    static final Set<String> ALLOWED = Set.of();

    /** Classes whose use means network traffic (subclasses included: SSLSocket, HttpsURLConnection, ...). */
    private static final List<String> NETWORK_TYPES = List.of("java.net.Socket", "java.net.ServerSocket",
            "java.net.DatagramSocket", "java.net.SocketImpl", "java.net.SocketImplFactory", "java.net.URLConnection",
            "java.net.Proxy", "java.net.ProxySelector", "java.nio.channels.NetworkChannel",
            "java.nio.channels.spi.SelectorProvider");

    /** Packages that are all network: the HTTP client, TLS sockets, RMI, JNDI, mail. */
    private static final String[] NETWORK_PACKAGES = {"java.net.http..", "javax.net..", "java.rmi..", "javax.naming..",
        "jdk.net..", "com.sun.net..", "javax.mail.."};

    private static final DescribedPredicate<JavaClass> NETWORK_CLASS =
            DescribedPredicate.describe("a network class (" + String.join(", ", NETWORK_TYPES) + ")",
                    c -> NETWORK_TYPES.stream().anyMatch(c::isAssignableTo));

    private static final DescribedPredicate<JavaClass> NOT_ALLOWED =
            DescribedPredicate.describe("not allowed to use the network", c -> !ALLOWED.contains(c.getName()));

    /** Calls that open a connection from a URL: openConnection, openStream, getContent. */
    private static final DescribedPredicate<JavaAccess<?>> URL_CONNECTING_CALL =
            DescribedPredicate.describe("a call of URL.openConnection/openStream/getContent", access ->
                    access.getTargetOwner().isEquivalentTo(java.net.URL.class)
                            && Set.of("openConnection", "openStream", "getContent").contains(access.getName()));

    @ArchTest
    static final ArchRule noSocketsOrConnections = noClasses().that(NOT_ALLOWED)
            .should().dependOnClassesThat(NETWORK_CLASS)
            .orShould().dependOnClassesThat().resideInAnyPackage(NETWORK_PACKAGES)
            .because("the app opens no network connection: letters are medical and private");

    @ArchTest
    static final ArchRule noUrlConnections = noClasses().that(NOT_ALLOWED)
            .should().accessTargetWhere(URL_CONNECTING_CALL)
            .because("reading a URL may open a network connection; read files and class-path resources instead");
}
