package index

import "sync"

// cache is a map bounded by the total cost of its values. When a value
// would not fit, entries picked at random (Go's map order) make room:
// computing a value again costs what computing it the first time did. It
// is safe for concurrent use.
type cache[K comparable, V any] struct {
	mu      sync.RWMutex
	maxCost int
	cost    int
	costOf  func(V) int
	entries map[K]V
}

func newCache[K comparable, V any](maxCost int, costOf func(V) int) *cache[K, V] {
	return &cache[K, V]{maxCost: maxCost, costOf: costOf, entries: map[K]V{}}
}

func (c *cache[K, V]) get(k K) (V, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.entries[k]
	return v, ok
}

// put keeps a value unless it alone costs more than the bound.
func (c *cache[K, V]) put(k K, v V) {
	cost := c.costOf(v)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[k]; ok || cost > c.maxCost {
		return
	}
	for old, ov := range c.entries {
		if c.cost+cost <= c.maxCost {
			break
		}
		delete(c.entries, old)
		c.cost -= c.costOf(ov)
	}
	c.entries[k] = v
	c.cost += cost
}
