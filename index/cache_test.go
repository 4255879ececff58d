package index

import (
	"fmt"
	"testing"
)

func TestCacheStaysWithinItsBound(t *testing.T) {
	t.Parallel()
	c := newCache[string](100, func(v []byte) int { return len(v) })
	for i := range 50 {
		c.put(fmt.Sprint(i), make([]byte, 30))
		if c.cost > 100 {
			t.Fatalf("after %d puts the cache holds %d, bound 100", i+1, c.cost)
		}
		if _, ok := c.get(fmt.Sprint(i)); !ok {
			t.Fatalf("entry %d was not kept", i)
		}
	}
	if len(c.entries) != 3 {
		t.Errorf("%d entries of 30 under a bound of 100, want 3", len(c.entries))
	}
	c.put("huge", make([]byte, 101))
	if _, ok := c.get("huge"); ok {
		t.Error("a value costing more than the bound was kept")
	}
	c.put("49", make([]byte, 1))
	if v, _ := c.get("49"); len(v) != 30 {
		t.Error("put replaced an entry already there")
	}
}
