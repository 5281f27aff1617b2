/* strmap — string → uint32 hash map. */
#include "charterdash/core/strmap.h"

#include <stdlib.h>
#include <string.h>

struct strmap_chunk {
	struct strmap_chunk *next;
	size_t used, size;
	char data[];
};

enum { CHUNK_SIZE = 64 * 1024 };

void strmap_init(struct strmap *map)
{
	memset(map, 0, sizeof *map);
}

void strmap_fini(struct strmap *map)
{
	free(map->slots);
	for (struct strmap_chunk *c = map->chunks, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	memset(map, 0, sizeof *map);
}

static uint32_t hash_key(const char *key)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

static const char *store_key(struct strmap *map, const char *key)
{
	size_t n = strlen(key) + 1;
	struct strmap_chunk *c = map->chunks;
	if (!c || c->size - c->used < n) {
		size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		c = malloc(sizeof *c + size);
		if (!c)
			return NULL;
		c->next = map->chunks;
		c->used = 0;
		c->size = size;
		map->chunks = c;
	}
	char *copy = c->data + c->used;
	memcpy(copy, key, n);
	c->used += n;
	return copy;
}

static struct strmap_slot *find_slot(struct strmap_slot *slots, size_t cap, const char *key,
                                     uint32_t hash)
{
	size_t i = hash & (cap - 1);
	while (slots[i].key && (slots[i].hash != hash || strcmp(slots[i].key, key) != 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static bool grow(struct strmap *map)
{
	size_t cap = map->cap ? map->cap * 2 : 16;
	struct strmap_slot *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return false;
	for (size_t i = 0; i < map->cap; i++) {
		struct strmap_slot *old = &map->slots[i];
		if (old->key)
			*find_slot(slots, cap, old->key, old->hash) = *old;
	}
	free(map->slots);
	map->slots = slots;
	map->cap = cap;
	return true;
}

bool strmap_put(struct strmap *map, const char *key, uint32_t value)
{
	/* Keep the load factor under 3/4 so probes stay short. */
	if ((map->count + 1) * 4 > map->cap * 3 && !grow(map))
		return false;
	uint32_t hash = hash_key(key);
	struct strmap_slot *slot = find_slot(map->slots, map->cap, key, hash);
	if (!slot->key) {
		const char *copy = store_key(map, key);
		if (!copy)
			return false;
		slot->key = copy;
		slot->hash = hash;
		map->count++;
	}
	slot->value = value;
	return true;
}

bool strmap_get(const struct strmap *map, const char *key, uint32_t *value)
{
	if (!map->cap)
		return false;
	const struct strmap_slot *slot = find_slot(map->slots, map->cap, key, hash_key(key));
	if (!slot->key)
		return false;
	if (value)
		*value = slot->value;
	return true;
}
