/*
 * Copyright 2026 The IMR Workbench authors. Licensed under the Apache License, Version 2.0 (LICENSE).
 */

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the installers: jdeps, jlink, then jpackage, through the JDK's ToolProvider API, so that the same steps run
 * on Linux, Windows and macOS with nothing but the JDK that runs Maven. Run by {@code mvn -Pinstaller package}
 * (see the {@code installer} profile in pom.xml) as a single-file program:
 *
 * <pre>
 * java installer/Packager.java --jar target/imr-workbench.jar --version 0.1.0 --type deb
 * </pre>
 *
 * Options (all have defaults relative to the project directory, the working directory):
 * <ul>
 *   <li>{@code --jar FILE} the shaded jar (default {@code target/imr-workbench.jar});</li>
 *   <li>{@code --version V} the project version; a qualifier such as {@code -SNAPSHOT} is dropped, since the
 *       installers take only numbers;</li>
 *   <li>{@code --type T} {@code deb}, {@code msi}, {@code dmg}, {@code app-image} (the image only) or {@code auto}
 *       (the host's: deb on Linux, msi on Windows, dmg on macOS);</li>
 *   <li>{@code --dest DIR} where the app image and the package go (default {@code target/installer});</li>
 *   <li>{@code --work DIR} scratch: the runtime, the staged input and resources (default
 *       {@code target/installer-work}).</li>
 * </ul>
 * What goes into the image and the packages is configured by the files beside this one, not here:
 * {@code runtime-modules.txt} and {@code jlink.options} for the runtime, {@code jpackage/*.options} (jpackage
 * argument files), {@code console-launcher.properties}, the icons, and {@code linux/} for the .deb.
 */
public final class Packager {

    private static final Path INSTALLER = Path.of("installer");

    public static void main(String[] args) {
        try {
            new Packager(parse(args)).run();
        } catch (Failure e) {
            System.err.println("installer: " + e.getMessage());
            System.exit(1);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("installer: " + e);
            System.exit(1);
        }
    }

    private final Path jar;
    private final String version;
    private final String type;
    private final Os os;
    private final Path dest;
    private final Path work;

    private Packager(Map<String, String> opts) {
        this.jar = Path.of(opts.getOrDefault("jar", "target/imr-workbench.jar"));
        this.os = Os.host();
        String t = opts.getOrDefault("type", "auto");
        this.type = t.equals("auto") || t.isBlank() || t.startsWith("${") ? os.packageType : t;
        this.version = numericVersion(opts.getOrDefault("version", "0.0.0"));
        this.dest = Path.of(opts.getOrDefault("dest", "target/installer"));
        this.work = Path.of(opts.getOrDefault("work", "target/installer-work"));
    }

    private void run() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new Failure(jar + ": no such jar; build it first (mvn -DskipTests package)");
        }
        if (!type.equals("app-image")
                && !Files.isRegularFile(INSTALLER.resolve("jpackage/package-" + type + ".options"))) {
            throw new Failure("package type '" + type + "' is not set up: there is no installer/jpackage/package-"
                    + type + ".options (app-image, deb, msi and dmg are)");
        }
        if (os == Os.MAC && version.startsWith("0.")) {
            throw new Failure("macOS needs an app version whose first number is at least 1 (CFBundleVersion), not "
                    + version + "; build with -Dinstaller.version=1.0.0 (or the release's number)");
        }
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (!Files.isDirectory(jmods)) {
            throw new Failure(jmods + " is missing: jlink needs a full JDK with its jmods "
                    + "(Debian/Ubuntu: openjdk-17-jdk-headless; any Temurin JDK has them)");
        }
        String appName = optionValue(INSTALLER.resolve("jpackage/image.options"), "--name");
        deleteTree(dest);
        deleteTree(work);
        Files.createDirectories(dest);
        Files.createDirectories(work);
        long start = System.nanoTime();

        // 1. The modules the app needs: jdeps on the shaded jar, adjusted by runtime-modules.txt
        String modules = String.join(",", modules());
        Files.writeString(work.resolve("modules.txt"), modules + System.lineSeparator());
        System.out.println("[installer] runtime modules: " + modules);

        // 2. A runtime with only those modules
        Path runtime = work.resolve("runtime");
        List<String> jlink = new ArrayList<>(argFile(INSTALLER.resolve("jlink.options")));
        jlink.addAll(List.of("--add-modules", modules, "--output", runtime.toString()));
        tool("jlink", jlink);
        System.out.println("[installer] runtime: " + runtime + " (" + mb(size(runtime)) + ")");

        // 3. The app image: both launchers, the runtime, the jar, the licence texts
        Path input = work.resolve("input");
        Files.createDirectories(input);
        Files.copy(jar, input.resolve("imr-workbench.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("LICENSE"), input.resolve("LICENSE"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(INSTALLER.resolve("THIRD-PARTY-NOTICES.md"), input.resolve("THIRD-PARTY-NOTICES.md"),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> app = new ArrayList<>(List.of("--type", "app-image"));
        app.addAll(argFile(INSTALLER.resolve("jpackage/image.options")));
        app.addAll(argFile(INSTALLER.resolve("jpackage/image-" + os.id + ".options")));
        app.addAll(List.of("--app-version", version,
                "--input", input.toString(),
                "--runtime-image", runtime.toString(),
                "--dest", dest.toString()));
        tool("jpackage", app);
        Path image = dest.resolve(os == Os.MAC ? appName + ".app" : appName);
        System.out.println("[installer] app image: " + image + " (" + mb(size(image)) + ")");

        // 4. The package, made from that very image
        if (!type.equals("app-image")) {
            Path resources = stageResources();
            List<String> pkg = new ArrayList<>(List.of("--type", type, "--app-image", image.toString()));
            pkg.addAll(argFile(INSTALLER.resolve("jpackage/package.options")));
            pkg.addAll(argFile(INSTALLER.resolve("jpackage/package-" + type + ".options")));
            pkg.addAll(List.of("--app-version", version, "--dest", dest.toString()));
            if (resources != null) {
                pkg.addAll(List.of("--resource-dir", resources.toString()));
            }
            tool("jpackage", pkg);
            try (Stream<Path> files = Files.list(dest)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    System.out.println("[installer] package: " + p + " (" + mb(Files.size(p)) + ")");
                }
            }
        }
        System.out.printf(Locale.ROOT, "[installer] done in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** jdeps' answer for the shaded jar (JavaFX's classes included), plus and minus runtime-modules.txt. */
    private TreeSet<String> modules() throws IOException {
        String found = tool("jdeps", List.of("--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps", "--print-module-deps", jar.toString())).strip();
        TreeSet<String> modules = new TreeSet<>();
        for (String m : found.split(",")) {
            if (!m.isBlank()) {
                modules.add(m.strip());
            }
        }
        System.out.println("[installer] jdeps: " + String.join(",", modules));
        for (String line : Files.readAllLines(INSTALLER.resolve("runtime-modules.txt"))) {
            String entry = line.replaceFirst("#.*", "").strip();
            if (entry.startsWith("+")) {
                modules.add(entry.substring(1).strip());
            } else if (entry.startsWith("-")) {
                modules.remove(entry.substring(1).strip());
            } else if (!entry.isEmpty()) {
                throw new Failure("runtime-modules.txt: '" + line + "' should start with + or -");
            }
        }
        modules.add("java.base");
        return modules;
    }

    /**
     * jpackage takes its resource overrides by fixed names, some derived from the launchers' names (a desktop
     * entry is "LAUNCHER.desktop"); this stages installer/linux/ under those names.
     */
    private Path stageResources() throws IOException {
        if (os != Os.LINUX) {
            Path dir = INSTALLER.resolve(os.id);
            return Files.isDirectory(dir) ? dir : null;
        }
        Path resources = work.resolve("resources");
        Files.createDirectories(resources);
        Map<String, String> names = new LinkedHashMap<>();
        names.put("postinst", "postinst");
        names.put("prerm", "prerm");
        names.put("copyright", "copyright");
        names.put("imr-workbench.desktop",
                optionValue(INSTALLER.resolve("jpackage/image.options"), "--name") + ".desktop");
        names.put("imr-workbench-console.desktop", "imr-workbench.desktop");
        for (Map.Entry<String, String> e : names.entrySet()) {
            Files.copy(INSTALLER.resolve("linux").resolve(e.getKey()), resources.resolve(e.getValue()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return resources;
    }

    /** Runs a JDK tool in this JVM; its output goes to ours, and is returned too (jdeps' answer). */
    private static String tool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new Failure(
                "the JDK at " + System.getProperty("java.home") + " has no " + name + " (JDK 17 or later needed)"));
        System.out.println("[installer] " + name + " " + String.join(" ", quoted(args)));
        System.out.flush();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = tool.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (!name.equals("jdeps")) {
            System.out.print(out);
        }
        System.err.print(err);
        if (rc != 0) {
            if (name.equals("jdeps")) {
                System.err.print(out);
            }
            throw new Failure(name + " failed with exit status " + rc);
        }
        return out.toString();
    }

    private static List<String> quoted(List<String> args) {
        return args.stream().map(a -> a.matches("[\\w@%+=:,./-]+") ? a : "\"" + a + "\"").toList();
    }

    /**
     * The arguments in an argument file, as the jlink and jpackage commands read "@file" (the ToolProvider API
     * does not): whitespace-separated, "double quotes" around a value with spaces, lines starting with # ignored.
     */
    static List<String> argFile(Path file) throws IOException {
        List<String> args = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(l);
            while (m.find()) {
                args.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return args;
    }

    /** The value of an option in a jpackage argument file, e.g. --name "IMR Workbench". */
    private static String optionValue(Path options, String option) throws IOException {
        Pattern p = Pattern.compile("^\\s*" + Pattern.quote(option) + "\\s+(\"([^\"]*)\"|(\\S+))");
        for (String line : Files.readAllLines(options)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m.group(2) != null ? m.group(2) : m.group(3);
            }
        }
        throw new Failure(options + ": no " + option);
    }

    /** 0.1.0-SNAPSHOT becomes 0.1.0: every installer format wants numbers only. */
    static String numericVersion(String v) {
        Matcher m = Pattern.compile("^(\\d+(?:\\.\\d+){0,2})").matcher(v.strip());
        if (!m.find()) {
            throw new Failure("version '" + v + "' does not start with a number");
        }
        return m.group(1);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new Failure("usage: java installer/Packager.java [--jar FILE] [--version V] "
                        + "[--type auto|app-image|deb|msi|dmg] [--dest DIR] [--work DIR]");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).sum();
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private enum Os {
        LINUX("linux", "deb"), WINDOWS("windows", "msi"), MAC("mac", "dmg");

        final String id;
        final String packageType;

        Os(String id, String packageType) {
            this.id = id;
            this.packageType = packageType;
        }

        static Os host() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            if (name.contains("win")) {
                return WINDOWS;
            }
            if (name.contains("mac") || name.contains("darwin")) {
                return MAC;
            }
            if (name.contains("linux")) {
                return LINUX;
            }
            throw new Failure("jpackage makes installers on Linux, Windows and macOS only, not on " + name);
        }
    }

    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }
}
