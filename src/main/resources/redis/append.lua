-- Appends a command's events to a workshop's log, all or nothing.
-- KEYS[1] seq counter, KEYS[2] event stream, KEYS[3] the command's ref key, KEYS[4] epoch,
-- KEYS[5] presence hash, KEYS[6] set of token keys, KEYS[7..] token keys to create
-- ARGV[1] the seq the deciding node saw, ARGV[2] pub/sub channel, ARGV[3] ack result JSON,
-- ARGV[4] ref TTL seconds, ARGV[5] retention seconds (> 0 when this append ends the workshop: every
-- key of the workshop then expires that long after), ARGV[6] n = number of events,
-- ARGV[7..6+n] event bodies (stored JSON without its leading '{"seq":N,'), then one value per token key.
-- Returns {'ok', lastSeq} | {'stale', currentSeq, missed} | {'dup', storedAnswer} | {'gone', 0}, where missed
-- holds the stored events after the caller's seq (at most 64): it decides again without another round trip,
-- so a node that lost the race is not a round trip behind the winner on its next try as well.
local answered = redis.call('GET', KEYS[3])
if answered then return {'dup', answered} end
-- A purged (or expired) workshop has no epoch: nothing may bring any of its keys back.
if redis.call('EXISTS', KEYS[4]) == 0 then return {'gone', 0} end
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local expected = tonumber(ARGV[1])
if current ~= expected then
  local missed = {}
  if current > expected then
    for _, entry in ipairs(redis.call('XRANGE', KEYS[2], tostring(expected + 1), '+', 'COUNT', 64)) do
      missed[#missed + 1] = entry[2][2]
    end
  end
  return {'stale', current, missed}
end
local n = tonumber(ARGV[6])
local seq = current
for i = 1, n do
  seq = seq + 1
  local record = '{"seq":' .. seq .. ',' .. ARGV[6 + i]
  redis.call('XADD', KEYS[2], seq .. '-1', 'r', record)
  redis.call('PUBLISH', ARGV[2], record)
end
-- KEEPTTL: an author may still withdraw after the end; that must not undo the retention expiry.
redis.call('SET', KEYS[1], seq, 'KEEPTTL')
redis.call('SET', KEYS[3], seq .. '|' .. ARGV[3], 'EX', ARGV[4])
for k = 7, #KEYS do
  redis.call('SET', KEYS[k], ARGV[6 + n + (k - 6)])
  redis.call('SADD', KEYS[6], KEYS[k])
end
local retention = tonumber(ARGV[5])
if retention > 0 then
  for k = 1, 6 do
    if k ~= 3 then redis.call('EXPIRE', KEYS[k], retention) end
  end
  for _, token in ipairs(redis.call('SMEMBERS', KEYS[6])) do
    redis.call('EXPIRE', token, retention)
  end
end
return {'ok', seq}
