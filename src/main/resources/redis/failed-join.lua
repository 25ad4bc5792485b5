-- Counts a failed join attempt from one address in a fixed window.
-- KEYS[1] the address's counter; ARGV[1] window seconds. Returns {count, ttl}.
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('TTL', KEYS[1])}
