/* strmap — a string → uint32 hash map (open addressing, FNV-1a).
 * Keys are copied into storage the map owns, so callers may pass
 * temporaries. Used for anchors, id uniqueness and id lookups. */
#ifndef CHARTERDASH_STRMAP_H
#define CHARTERDASH_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strmap_slot {
	const char *key; /* NULL: empty slot */
	uint32_t hash;
	uint32_t value;
};

struct strmap {
	struct strmap_slot *slots;
	size_t cap, count;
	struct strmap_chunk *chunks; /* key storage */
};

void strmap_init(struct strmap *map);
void strmap_fini(struct strmap *map);

/* Inserts or replaces. False only when memory runs out. */
bool strmap_put(struct strmap *map, const char *key, uint32_t value);
bool strmap_get(const struct strmap *map, const char *key, uint32_t *value);

#endif
