package io.logstreamer.event;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Token-by-token copy of one JSON value. Numbers are written from their source text, because
 * {@code JsonGenerator.copyCurrentStructure} re-encodes decimals as doubles ({@code 1E+2} becomes
 * {@code 100.0}) and an audit export must keep what the API sent.
 */
public final class JsonCopy {

    /** Field names of the OCI models under which the Python SDK's to_dict snake-cases keys. */
    private static final Set<String> MODEL_FIELDS_OF_DATA = Set.of("identity", "request", "response", "stateChange");
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private JsonCopy() {
    }

    /**
     * Copies the value whose first token is the parser's current token.
     *
     * @param snakeCase rename the keys of the event's model objects to snake_case, as the Python
     *                  SDK's {@code to_dict} does; keys inside free-form maps (tags, headers,
     *                  parameters, payloads, additionalDetails) stay as they are, as there too
     */
    public static void copy(JsonParser p, JsonGenerator g, boolean snakeCase) throws IOException {
        // Per open container: does it hold model fields (renamed under snake_case)?
        // 0 = free-form, 1 = the event, 2 = data, 3 = a model inside data.
        Deque<Integer> kinds = new ArrayDeque<>();
        String lastField = null;
        JsonToken t = p.currentToken();
        while (true) {
            switch (t) {
                case START_OBJECT -> {
                    kinds.push(kindOf(kinds, lastField));
                    g.writeStartObject();
                }
                case START_ARRAY -> {
                    kinds.push(kinds.isEmpty() ? 0 : -1);
                    g.writeStartArray();
                }
                case END_OBJECT -> {
                    kinds.pop();
                    g.writeEndObject();
                }
                case END_ARRAY -> {
                    kinds.pop();
                    g.writeEndArray();
                }
                case FIELD_NAME -> {
                    lastField = p.currentName();
                    int kind = kinds.isEmpty() ? 0 : kinds.peek();
                    g.writeFieldName(snakeCase && kind > 0 ? snake(lastField) : lastField);
                }
                case VALUE_STRING -> g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw new IOException("unexpected JSON token " + t);
            }
            if (kinds.isEmpty()) {
                return;
            }
            t = p.nextToken();
            if (t == null) {
                throw new IOException("JSON ended inside a value");
            }
        }
    }

    private static int kindOf(Deque<Integer> kinds, String field) {
        if (kinds.isEmpty()) {
            return 1;
        }
        int parent = kinds.peek();
        if (parent == 1 && "data".equals(field)) {
            return 2;
        }
        if (parent == 2 && MODEL_FIELDS_OF_DATA.contains(field)) {
            return 3;
        }
        return 0;
    }

    public static String snake(String camel) {
        return CAMEL_HUMP.matcher(camel).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
