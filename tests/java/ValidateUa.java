// Validates PDFs against veraPDF's PDF/UA-1 profile and prints one JSON report.
//
//     java -cp <classes>:<veraPDF jar>:<JAXB jars> ValidateUa a.pdf b.pdf ...
//
// One JVM for many files: starting Java and loading the profile cost more
// than validating a kit. tests/verapdf.py compiles and runs this class.
//
// Standard output holds the JSON alone (veraPDF's own messages go to standard
// error); the exit status is 0 whether or not the files comply:
// {"profile": "PDF/UA-1 validation profile", "checked": 2, "compliant": 1,
//  "files": [{"path": "a.pdf", "compliant": false, "error": null,
//             "rules": [{"id": "7.18.5-1", "specification": "ISO 14289-1:2014",
//                        "clause": "7.18.5", "test": 1, "failures": 4,
//                        "description": "Links shall be tagged ...",
//                        "contexts": ["root/document[0]/pages[1]/annots[1]..."]}]},
//            {"path": "b.pdf", "compliant": true, "error": null, "rules": []}]}
// "error" says why a file could not be validated at all (not a PDF, say).

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;

public final class ValidateUa {
    // Places listed per failed rule: enough to find them all in a kit, not a flood.
    private static final int CONTEXTS_PER_RULE = 20;

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ValidateUa FILE.pdf...");
            System.exit(2);
        }
        // veraPDF may print to standard output; keep it for the JSON alone.
        PrintStream json = System.out;
        System.setOut(System.err);

        VeraGreenfieldFoundryProvider.initialise();
        PDFAFlavour flavour = PDFAFlavour.fromString("ua1");
        StringBuilder out = new StringBuilder();
        int compliant = 0;
        String profileName = "";
        List<String> reports = new ArrayList<>();
        for (String name : args) {
            StringBuilder report = new StringBuilder();
            report.append("{\"path\": ").append(quote(name));
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new File(name), flavour)) {
                PDFAValidator validator = Foundries.defaultInstance()
                        .createValidator(flavour, CONTEXTS_PER_RULE, false, true, false);
                ValidationResult result = validator.validate(parser);
                profileName = validator.getProfile().getDetails().getName();
                if (result.isCompliant()) {
                    compliant++;
                }
                report.append(", \"compliant\": ").append(result.isCompliant());
                report.append(", \"error\": null");
                report.append(", \"rules\": ").append(rules(validator, result));
            } catch (Exception | LinkageError problem) {
                report.append(", \"compliant\": false");
                report.append(", \"error\": ").append(quote(String.valueOf(problem)));
                report.append(", \"rules\": []");
            }
            report.append("}");
            reports.add(report.toString());
        }
        out.append("{\"profile\": ").append(quote(profileName));
        out.append(", \"files\": [").append(String.join(", ", reports)).append("]");
        out.append(", \"checked\": ").append(args.length);
        out.append(", \"compliant\": ").append(compliant).append("}");
        json.println(out);
        json.flush();
    }

    /** The failed rules, sorted by id as text, each with its total count and where it failed. */
    private static String rules(PDFAValidator validator, ValidationResult result) {
        Map<String, List<String>> contexts = new TreeMap<>();
        for (TestAssertion assertion : result.getTestAssertions()) {
            if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                contexts.computeIfAbsent(key(assertion.getRuleId()), k -> new ArrayList<>())
                        .add(assertion.getLocation().getContext());
            }
        }
        Map<String, String> entries = new TreeMap<>();
        for (Map.Entry<RuleId, Integer> failed : result.getFailedChecks().entrySet()) {
            RuleId id = failed.getKey();
            Rule rule = validator.getProfile().getRuleByRuleId(id);
            List<String> examples = new ArrayList<>();
            for (String context : contexts.getOrDefault(key(id), List.of())) {
                examples.add(quote(context));
            }
            entries.put(key(id), "{\"id\": " + quote(key(id))
                    + ", \"specification\": " + quote(id.getSpecification().getId())
                    + ", \"clause\": " + quote(id.getClause())
                    + ", \"test\": " + id.getTestNumber()
                    + ", \"failures\": " + failed.getValue()
                    + ", \"description\": " + quote(rule == null ? "" : rule.getDescription())
                    + ", \"contexts\": [" + String.join(", ", examples) + "]}");
        }
        return "[" + String.join(", ", entries.values()) + "]";
    }

    private static String key(RuleId id) {
        return id.getClause() + "-" + id.getTestNumber();
    }

    /** A JSON string literal. */
    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
