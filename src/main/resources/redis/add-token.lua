-- Adds a token to a workshop that still exists, expiring with the workshop if its end has set a retention.
-- KEYS[1] epoch, KEYS[2] set of token keys, KEYS[3] the token key; ARGV[1] the stored grant.
-- Returns 1, or 0 when the workshop is gone (nothing written).
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[2], KEYS[3])
local ttl = redis.call('TTL', KEYS[1])
if ttl > 0 then redis.call('EXPIRE', KEYS[3], ttl) end
return 1
