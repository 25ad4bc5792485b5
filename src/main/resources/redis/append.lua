-- Appends a command's events to a workshop's log, all or nothing.
-- KEYS[1] seq counter, KEYS[2] event stream, KEYS[3] the command's ref key, KEYS[4..] token keys to create
-- ARGV[1] the seq the deciding node saw, ARGV[2] pub/sub channel, ARGV[3] ack result JSON,
-- ARGV[4] ref TTL seconds, ARGV[5] n = number of events, ARGV[6..5+n] event bodies (stored JSON without
-- its leading '{"seq":N,'), then one value per token key.
-- Returns {'ok', lastSeq} | {'stale', currentSeq} | {'dup', storedAnswer}.
local answered = redis.call('GET', KEYS[3])
if answered then return {'dup', answered} end
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current ~= tonumber(ARGV[1]) then return {'stale', current} end
local n = tonumber(ARGV[5])
local seq = current
for i = 1, n do
  seq = seq + 1
  local record = '{"seq":' .. seq .. ',' .. ARGV[5 + i]
  redis.call('XADD', KEYS[2], seq .. '-1', 'r', record)
  redis.call('PUBLISH', ARGV[2], record)
end
redis.call('SET', KEYS[1], seq)
redis.call('SET', KEYS[3], seq .. '|' .. ARGV[3], 'EX', ARGV[4])
for k = 4, #KEYS do
  redis.call('SET', KEYS[k], ARGV[5 + n + (k - 3)])
end
return {'ok', seq}
