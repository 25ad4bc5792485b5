-- Records one node's online list for a workshop and tells the other nodes, unless the workshop is gone
-- (purged or expired): presence must never bring a deleted workshop's keys back.
-- KEYS[1] epoch, KEYS[2] presence hash; ARGV[1] node id, ARGV[2] message, ARGV[3] TTL seconds, ARGV[4] channel
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[2])
return 1
