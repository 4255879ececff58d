package fakeslack

import "testing"

func TestParseAck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, id, payload string
		ok                      bool
	}{
		{"slack-go with payload", `{"envelope_id":"e1","payload":{"text":"hi"}}`, "e1", `{"text":"hi"}`, true},
		{"slack-go without payload", `{"envelope_id":"e2"}`, "e2", "", true},
		{"other field order", `{"payload":{"a":1},"envelope_id":"e3"}`, "e3", `{"a":1}`, true},
		{"spaces", `{ "envelope_id": "e4" }`, "e4", "", true},
		{"escaped id", `{"envelope_id":"e\u0035"}`, "e5", "", true},
		{"no id", `{"payload":{}}`, "", "", false},
		{"empty id", `{"envelope_id":""}`, "", "", false},
		{"not JSON", `hello`, "", "", false},
	}
	for _, tt := range tests {
		got, ok := parseAck([]byte(tt.data))
		if ok != tt.ok || got.EnvelopeID != tt.id || string(got.Payload) != tt.payload {
			t.Errorf("%s: parseAck = %q %q %v, want %q %q %v", tt.name, got.EnvelopeID, got.Payload, ok, tt.id, tt.payload, tt.ok)
		}
	}
}

func TestAckChecksSkipEmptyPayloads(t *testing.T) {
	t.Parallel()
	a := newAckChecks()
	for _, p := range []string{"", "null", "{}", " {} "} {
		if vs := a.check([]byte(p)); vs != nil {
			t.Errorf("%q: %v", p, vs)
		}
	}
	if vs := a.check([]byte(`"text"`)); ErrorCode(vs) != InvalidPayload {
		t.Errorf("a payload that is no object: %v", vs)
	}
}
