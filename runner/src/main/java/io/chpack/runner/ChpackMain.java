package io.chpack.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code chpack run <job.json> [-p "-Dk=v -Dk2=v2"] [--home DIR]}: runs a DataX job like
 * {@code datax.py job.json -p "..."} and exits 0 on success, 1 on failure. The home is --home, else
 * the chpack.home system property (set by bin/chpack).
 */
public final class ChpackMain {
    static final String USAGE = "usage: chpack run <job.json> [-p \"-Dname=value -Dname2=value2\"] [--home DIR]\n"
            + "  -p, --params   variables for $name / ${name} in the job (as datax.py -p)\n"
            + "  --home DIR     the chpack home (default: -Dchpack.home)";

    private ChpackMain() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.err));
    }

    /** Everything main does except exiting; returns the exit code. */
    public static int execute(String[] args, PrintStream err) {
        Arguments parsed;
        try {
            parsed = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("chpack: " + e.getMessage());
            err.println(USAGE);
            return 1;
        }
        if (parsed.help) {
            err.println(USAGE);
            return 0;
        }
        for (Map.Entry<String, String> variable : parsed.variables.entrySet()) {
            // datax.py passes -p as JVM -D options; other code in the job may read them as properties too.
            System.setProperty(variable.getKey(), variable.getValue());
        }
        Engine engine;
        if (parsed.home != null) {
            engine = new Engine(Paths.get(parsed.home), true);
        } else {
            String home = System.getProperty(Engine.HOME_PROPERTY);
            if (home == null || home.trim().isEmpty()) {
                err.println("chpack: no home directory: pass --home DIR or set -D" + Engine.HOME_PROPERTY + "=DIR");
                return 1;
            }
            engine = new Engine(Paths.get(home), true);
        }
        JobResult result = engine.run(parsed.job, parsed.variables);
        return result.exitCode();
    }

    /** The parsed command line. */
    static final class Arguments {
        boolean help;
        Path job;
        String home;
        final Map<String, String> variables = new LinkedHashMap<String, String>();

        static Arguments parse(String[] args) {
            Arguments parsed = new Arguments();
            List<String> positional = new ArrayList<String>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    parsed.help = true;
                    return parsed;
                } else if (arg.equals("-p") || arg.equals("--params")) {
                    parsed.addParams(value(args, ++i, arg));
                } else if (arg.startsWith("--params=")) {
                    parsed.addParams(arg.substring("--params=".length()));
                } else if (arg.startsWith("-p") && arg.length() > 2) {
                    // datax.py style: -p"-Dk=v" reaches us as one argument.
                    parsed.addParams(arg.substring(2));
                } else if (arg.equals("--home")) {
                    parsed.home = value(args, ++i, arg);
                } else if (arg.startsWith("--home=")) {
                    parsed.home = arg.substring("--home=".length());
                } else if (arg.startsWith("-") && arg.length() > 1) {
                    throw new IllegalArgumentException("unknown option " + arg);
                } else {
                    positional.add(arg);
                }
            }
            if (positional.isEmpty()) {
                throw new IllegalArgumentException("missing command");
            }
            if (!positional.get(0).equals("run")) {
                throw new IllegalArgumentException("unknown command \"" + positional.get(0) + "\" (expected run)");
            }
            if (positional.size() != 2) {
                throw new IllegalArgumentException(positional.size() < 2 ? "run needs the path of a job file"
                        : "run takes one job file, got " + positional.subList(1, positional.size()));
            }
            parsed.job = Paths.get(positional.get(1));
            return parsed;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        /** "-Dk=v -Dk2='v 2'": whitespace-separated -D options, quotes group words as a shell would. */
        void addParams(String text) {
            for (String token : tokenize(text)) {
                if (!token.startsWith("-D") || token.length() < 3) {
                    throw new IllegalArgumentException("-p expects -Dname=value options, got \"" + token + "\"");
                }
                String pair = token.substring(2);
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("-p option \"" + token + "\" has no name");
                }
                this.variables.put(name, eq < 0 ? "" : pair.substring(eq + 1));
            }
        }

        static List<String> tokenize(String text) {
            List<String> tokens = new ArrayList<String>();
            StringBuilder current = new StringBuilder();
            boolean inToken = false;
            char quote = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        current.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    inToken = true;
                } else if (Character.isWhitespace(c)) {
                    if (inToken) {
                        tokens.add(current.toString());
                        current.setLength(0);
                        inToken = false;
                    }
                } else {
                    current.append(c);
                    inToken = true;
                }
            }
            if (quote != 0) {
                throw new IllegalArgumentException("unbalanced quote in -p \"" + text + "\"");
            }
            if (inToken) {
                tokens.add(current.toString());
            }
            return tokens;
        }
    }
}
